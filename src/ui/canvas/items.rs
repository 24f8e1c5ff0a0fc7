//! The interactive areas over the map: stage and lane headers and their edges, cards,
//! emotion points and annotation pills, each announced to AccessKit by name; their
//! clicks; the background's clicks; and the outline of the selection.

use crate::t;
use egui::emath::TSTransform;
use egui::{CursorIcon, Rect, Response, Role, Sense, Stroke, StrokeKind, WidgetInfo, pos2, vec2};
use std::fmt::Write as _;

use super::drag::DragKind;
use super::inline_edit::EditTarget;
use super::menus::{
    KeyMenu, background_context_menu, card_context_menu, lane_context_menu, stage_context_menu,
};
use super::{Action, CanvasView, Ctx};
use crate::app::{Command, Edit, Selection};
use crate::layout::{Hit, MapLayout};
use crate::model::{Annotation, Card, CardId, LaneId, StageId};
use crate::theme::{color, size};

/// Width of the grab zone of a stage's right edge or a lane's bottom edge, in points.
const EDGE_GRAB: f32 = 6.0;

/// Items smaller than this on screen (pixels, either side) get no widget of their own:
/// at a low zoom there are thousands, too small to aim at. A click there reaches the
/// map's background, which selects what is under the pointer.
const MIN_ITEM_PX: f32 = 4.0;

/// Whether a side this long on screen is too small for an item of its own.
fn tiny(side: f32) -> bool {
    side < MIN_ITEM_PX
}

impl Ctx<'_> {
    /// Registers an interactive area over `doc_rect` in the map's body, announced to
    /// AccessKit as `label`.
    fn item(&self, doc_rect: Rect, key: (u8, u64), label: &str, sense: Sense) -> Option<Response> {
        self.item_in((self.xf, self.clip), doc_rect, key, label, sense)
    }

    /// Registers an interactive area over `doc_rect` shown with `xf` within `clip`
    /// (the map's body, or the pinned header row or title column).
    fn item_in(
        &self,
        (xf, clip): (TSTransform, Rect),
        doc_rect: Rect,
        key: (u8, u64),
        label: &str,
        sense: Sense,
    ) -> Option<Response> {
        let screen = xf.mul_rect(doc_rect);
        if !clip.intersects(screen) {
            return None;
        }
        let response = self
            .ui
            .interact(screen.intersect(clip), self.id.with(key), sense);
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, label));
        Some(response)
    }

    /// Outlines the selected stage, lane, cell, annotation and cards.
    pub(super) fn selection_overlay(&self, painter: &egui::Painter) {
        let stroke = Stroke::new(2.5, color::SELECTION);
        let in_pane = |(xf, clip): (TSTransform, Rect), r: Rect| {
            painter.with_clip_rect(clip).rect_stroke(
                xf.mul_rect(r),
                4.0,
                stroke,
                StrokeKind::Outside,
            );
        };
        let outline = |r: Rect| in_pane((self.xf, self.clip), r);
        let painter = painter.with_clip_rect(self.clip);
        match self.state.selection {
            Some(Selection::Stage(id)) => {
                if let Some(g) = self.shown.stages.iter().find(|g| g.id == id) {
                    in_pane(self.stage_pane(), stage_header_rect(g.header));
                }
            }
            Some(Selection::Lane(id)) => {
                if let Some(g) = self.shown.lanes.iter().find(|g| g.id == id) {
                    in_pane(self.lane_pane(), g.header);
                }
            }
            Some(Selection::Cell { lane, stage }) => {
                if let Some(cell) = cell_rect(self.shown, lane, stage) {
                    outline(cell.shrink(2.0));
                }
            }
            Some(Selection::Annotation(id)) => {
                if let Some(g) = self.shown.annotations.iter().find(|g| g.id == id) {
                    outline(g.rect);
                }
            }
            _ => {}
        }
        for card in &self.state.selected_cards {
            if let Some(g) = self.shown.cards.iter().find(|g| g.id == *card) {
                outline(g.rect);
            }
            for curve in &self.shown.curves {
                if let Some(p) = curve.points.iter().find(|p| p.card_id == *card) {
                    painter.circle_stroke(
                        self.xf.mul_pos(p.pos),
                        (size::EMOTION_POINT + 4.0) * self.xf.scaling,
                        stroke,
                    );
                }
            }
        }
    }

    /// Draws the keyboard focus ring around the keyboard selection (the stage, lane,
    /// cell, annotation or card the arrow keys move), outside its selection outline,
    /// and returns where it was drawn on screen.
    pub(super) fn focus_ring(&self, painter: &egui::Painter) -> Option<Rect> {
        let gap = size::FOCUS_RING_GAP + 2.5;
        let stroke = Stroke::new(size::FOCUS_RING, color::FOCUS_RING);
        let body = (self.xf, self.clip);
        let ((xf, clip), doc) = match self.state.selection? {
            Selection::Stage(id) => {
                let g = self.shown.stages.iter().find(|g| g.id == id)?;
                (self.stage_pane(), stage_header_rect(g.header))
            }
            Selection::Lane(id) => {
                let g = self.shown.lanes.iter().find(|g| g.id == id)?;
                (self.lane_pane(), g.header)
            }
            Selection::Cell { lane, stage } => {
                (body, cell_rect(self.shown, lane, stage)?.shrink(2.0))
            }
            Selection::Annotation(id) => (
                body,
                self.shown.annotations.iter().find(|g| g.id == id)?.rect,
            ),
            Selection::Card(id) => {
                if let Some(g) = self.shown.cards.iter().find(|g| g.id == id) {
                    (body, g.rect)
                } else {
                    let p = self
                        .shown
                        .curves
                        .iter()
                        .flat_map(|c| &c.points)
                        .find(|p| p.card_id == id)?;
                    let r = (size::EMOTION_POINT + 4.0) * self.xf.scaling + gap;
                    let centre = self.xf.mul_pos(p.pos);
                    painter
                        .with_clip_rect(self.clip)
                        .circle_stroke(centre, r, stroke);
                    return Some(Rect::from_center_size(centre, vec2(2.0 * r, 2.0 * r)));
                }
            }
        };
        let ring = xf.mul_rect(doc).expand(gap);
        if !clip.intersects(ring) {
            return None;
        }
        painter
            .with_clip_rect(clip)
            .rect_stroke(ring, 6.0, stroke, StrokeKind::Outside);
        Some(ring)
    }

    /// Tells AccessKit where a card is and what it holds, after its name (its text):
    /// "Card in Touchpoints, Order online, Hygiene factor, Web", and whether it is
    /// selected.
    fn describe_card(&self, r: &Response, lane: &str, card: &Card) {
        // Built only when a screen reader (AccessKit) is listening: a zoomed-out map
        // has thousands of cards in view.
        self.ui.ctx().accesskit_node_builder(r.id, |node| {
            let stage = self
                .shown_journey
                .stage(card.stage)
                .map_or("", |s| s.name.as_str());
            let mut description = t!("canvas-card-description", lane = lane, stage = stage);
            let lang = crate::i18n::interface();
            if let Some(tp) = &card.touchpoint {
                if let Some(class) = tp.class {
                    description.push_str(", ");
                    description.push_str(&crate::i18n::labels::touchpoint_class(lang, class));
                }
                if let Some(channel) = &tp.channel {
                    description.push_str(", ");
                    description.push_str(&crate::i18n::labels::channel(lang, channel));
                }
            }
            if let Some(score) = card.emotion {
                let _ = write!(description, ", {score:+}");
            }
            node.set_description(description);
            node.set_selected(self.state.selected_cards.contains(&card.id));
        });
    }

    /// The empty cells in view, each announced to AccessKit ("Empty cell: Thoughts,
    /// Installation day") and focusable by it: focusing one selects it. They take no
    /// clicks: the map's background keeps its double-click, menu and rubber band.
    pub(super) fn empty_cells(&self, out: &mut Vec<Command>) {
        // The stages in view (columns are in order along the map), found by bisection:
        // a 1,000-stage map has a few of them on screen at 100%, hundreds far out.
        let journey = self.shown_journey;
        let columns = &self.shown.stages;
        let first =
            columns.partition_point(|g| self.xf.mul_rect(g.column).right() < self.clip.left());
        let last =
            columns.partition_point(|g| self.xf.mul_rect(g.column).left() <= self.clip.right());
        let in_view = first..last.max(first);
        // Which of their cells hold a card: a search of the lane per cell while they are
        // few, else one pass over the journey's cards.
        let width = in_view.len();
        let occupied: Vec<bool> = if width * journey.lanes.len() <= 256 {
            journey
                .lanes
                .iter()
                .flat_map(|lane| {
                    journey.stages[in_view.clone()]
                        .iter()
                        .map(move |stage| journey.cell_cards(lane, stage.id).next().is_some())
                })
                .collect()
        } else {
            let index: std::collections::HashMap<StageId, usize> = journey.stages[in_view.clone()]
                .iter()
                .enumerate()
                .map(|(i, s)| (s.id, i))
                .collect();
            let mut occupied = vec![false; journey.lanes.len() * width];
            for (l, lane) in journey.lanes.iter().enumerate() {
                for card in &lane.cards {
                    if let Some(cell) = index
                        .get(&card.stage)
                        .and_then(|s| occupied.get_mut(l * width + s))
                    {
                        *cell = true;
                    }
                }
            }
            occupied
        };
        for lane_geom in &self.shown.lanes {
            let lane = &self.shown_journey.lanes[lane_geom.index];
            if lane_geom.row.height() < 1.0 {
                continue;
            }
            let row = self.xf.mul_rect(lane_geom.row);
            if !self.clip.intersects(row) || tiny(row.height()) {
                continue;
            }
            for (s, (stage, stage_geom)) in journey.stages[in_view.clone()]
                .iter()
                .zip(&columns[in_view.clone()])
                .enumerate()
            {
                let cell = self.xf.mul_rect(lane_geom.row.intersect(stage_geom.column));
                if !self.clip.intersects(cell)
                    || tiny(cell.width())
                    || occupied
                        .get(lane_geom.index * width + s)
                        .copied()
                        .unwrap_or(false)
                {
                    continue;
                }
                let id = self.id.with((10u8, lane.id.0, stage.id.0));
                let r = self.ui.interact(
                    cell.intersect(self.clip),
                    id,
                    Sense::focusable_noninteractive(),
                );
                let selected = self.state.selection
                    == Some(Selection::Cell {
                        lane: lane.id,
                        stage: stage.id,
                    });
                r.widget_info(|| {
                    let label = t!("canvas-empty-cell", lane = &lane.title, stage = &stage.name);
                    let mut info = WidgetInfo::labeled(Role::Cell, true, &label);
                    info.selected = Some(selected);
                    info
                });
                if r.gained_focus() && !selected {
                    out.push(Command::Select(Some(Selection::Cell {
                        lane: lane.id,
                        stage: stage.id,
                    })));
                }
            }
        }
    }

    /// True if `item` is the primary selection (the one the keyboard acts on).
    fn selected(&self, item: Selection) -> bool {
        self.state.selection == Some(item)
    }

    /// The context menu of `r`, as opened from the keyboard: on the frame after
    /// Shift+F10 or the Menu key with its item `wanted` (selected), opens it at the
    /// centre of `anchor` with the focus on its first item; it stays there until it
    /// closes.
    fn key_menu(
        &self,
        r: &Response,
        wanted: bool,
        anchor: Rect,
        view: &mut CanvasView,
    ) -> Option<KeyMenu> {
        let ctx = self.ui.ctx();
        let id = egui::Popup::default_response_id(r);
        if view.menu_request && wanted {
            view.menu_request = false;
            egui::Popup::open_id(ctx, id);
            crate::ui::menu::focus_next_menu(ctx);
            view.menu_at = Some((id, anchor.center()));
            return Some(KeyMenu {
                at: anchor.center(),
            });
        }
        match view.menu_at {
            Some((open, at)) if open == id => {
                if egui::Popup::is_id_open(ctx, id) {
                    Some(KeyMenu { at })
                } else {
                    view.menu_at = None;
                    None
                }
            }
            _ => None,
        }
    }

    /// Stage headers, lane headers, their edges, cards and emotion points.
    pub(super) fn interact_items(
        &self,
        view: &mut CanvasView,
        out: &mut Vec<Command>,
        actions: &mut Vec<Action>,
    ) {
        let shift_or_cmd = self.ui.input(|i| i.modifiers.shift || i.modifiers.command);
        // Stages and their right edges.
        for (stage, geom) in self.shown_journey.stages.iter().zip(&self.shown.stages) {
            let header = stage_header_rect(geom.header);
            if Self::too_small(self.stage_pane(), header) {
                continue;
            }
            if let Some(r) = self.item_in(
                self.stage_pane(),
                header,
                (0, stage.id.0),
                &stage.name,
                Sense::click_and_drag(),
            ) {
                self.common_clicks(
                    &r,
                    Selection::Stage(stage.id),
                    Some(EditTarget::Stage(stage.id)),
                    view,
                    out,
                );
                let key =
                    self.key_menu(&r, self.selected(Selection::Stage(stage.id)), r.rect, view);
                stage_context_menu(&r, stage.id, self.state, out, actions, key);
                self.drag_item(&r, DragKind::Stage(stage.id), view, out);
            }
        }
        // The badges of stages with micro journeys, over their headers.
        for (i, (stage, geom)) in self
            .shown_journey
            .stages
            .iter()
            .zip(&self.shown.stages)
            .enumerate()
        {
            let (Some(badge), Some(Some(rollup))) = (geom.badge, self.shown.rollups.get(i)) else {
                continue;
            };
            // The roll-up box opens the micro journey at its lowest point.
            if let (Some(area), Some(low)) = (geom.rollup, &rollup.lowest) {
                let label = t!("micro-rollup-open", stage = &stage.name);
                if let Some(r) = self.item_in(
                    self.stage_pane(),
                    area,
                    (9, stage.id.0),
                    &label,
                    Sense::click(),
                ) {
                    let r = r
                        .on_hover_text(&label)
                        .on_hover_cursor(CursorIcon::PointingHand);
                    if r.clicked() {
                        out.push(Command::SelectJourney(low.journey));
                        out.push(Command::Select(Some(Selection::Card(low.card))));
                        view.reveal(Selection::Card(low.card));
                    }
                }
            }
            let label = t!(
                "micro-badge",
                count = rollup.micro.len(),
                stage = &stage.name
            );
            let Some(r) = self.item_in(
                self.stage_pane(),
                badge,
                (8, stage.id.0),
                &label,
                Sense::click(),
            ) else {
                continue;
            };
            let r = r
                .on_hover_text(&label)
                .on_hover_cursor(CursorIcon::PointingHand);
            if let [only] = rollup.micro.as_slice() {
                if r.clicked() {
                    out.push(Command::SelectJourney(*only));
                    view.request(super::ZoomRequest::Fit);
                }
            } else {
                egui::Popup::menu(&r).show(|ui| {
                    for id in &rollup.micro {
                        let Some(j) = self.state.project().journey(*id) else {
                            continue;
                        };
                        if ui.button(crate::ui::micro::title_of(j)).clicked() {
                            out.push(Command::SelectJourney(*id));
                            view.request(super::ZoomRequest::Fit);
                            ui.close();
                        }
                    }
                });
            }
        }
        // Lanes and their bottom edges.
        for geom in &self.shown.lanes {
            let lane = &self.shown_journey.lanes[geom.index];
            if Self::too_small(self.lane_pane(), geom.header) {
                continue;
            }
            if let Some(r) = self.item_in(
                self.lane_pane(),
                geom.header,
                (1, lane.id.0),
                &lane.title,
                Sense::click_and_drag(),
            ) {
                self.common_clicks(
                    &r,
                    Selection::Lane(lane.id),
                    Some(EditTarget::Lane(lane.id)),
                    view,
                    out,
                );
                let key = self.key_menu(&r, self.selected(Selection::Lane(lane.id)), r.rect, view);
                lane_context_menu(&r, lane.id, self.state, out, actions, key);
                self.drag_item(&r, DragKind::Lane(lane.id), view, out);
            }
        }
        // Cards.
        for geom in &self.shown.cards {
            // Cheap visibility test first: a big map has thousands of cards off screen.
            let on_screen = self.xf.mul_rect(geom.rect);
            if !self.clip.intersects(on_screen)
                || tiny(on_screen.width())
                || tiny(on_screen.height())
            {
                continue;
            }
            let lane = &self.shown_journey.lanes[geom.lane];
            let card = &lane.cards[geom.card];
            let label = card_name(card);
            if let Some(r) = self.item(geom.rect, (2, card.id.0), &label, Sense::click_and_drag()) {
                self.describe_card(&r, &lane.title, card);
                self.card_gestures(
                    &r,
                    card.id,
                    DragKind::Card(card.id),
                    shift_or_cmd,
                    view,
                    out,
                    actions,
                );
            }
        }
        // Emotion points.
        for curve in &self.shown.curves {
            let lane = &self.shown_journey.lanes[curve.source];
            for p in &curve.points {
                let r = Rect::from_center_size(p.pos, vec2(22.0, 22.0));
                if !self.clip.intersects(self.xf.mul_rect(r))
                    || Self::too_small((self.xf, self.clip), r)
                {
                    continue;
                }
                let card = &self.shown_journey.lanes[curve.source].cards[p.card];
                let label = format!("{}: {} ({:+})", lane.title, card.text, p.score);
                // A compared curve shows the same cards in another lane: its own ids.
                let key = if curve.series == 0 {
                    (3, card.id.0)
                } else {
                    (7, card.id.0 ^ ((curve.lane as u64) << 48))
                };
                if let Some(resp) = self.item(r, key, &label, Sense::click_and_drag()) {
                    let resp = resp.on_hover_cursor(CursorIcon::ResizeVertical);
                    let drag = DragKind::Emotion(card.id);
                    self.card_gestures(&resp, card.id, drag, shift_or_cmd, view, out, actions);
                }
            }
        }
        // Annotation pills.
        for geom in &self.shown.annotations {
            let a = &self.shown_journey.annotations[geom.index];
            let label = annotation_name(a);
            if let Some(r) = self.item(geom.rect, (6, a.id.0), &label, Sense::click())
                && (r.clicked() || r.secondary_clicked())
            {
                out.push(Command::Select(Some(Selection::Annotation(a.id))));
            }
        }
        // Edges last, so that they win over the headers they border.
        for (stage, geom) in self.shown_journey.stages.iter().zip(&self.shown.stages) {
            let edge = Rect::from_min_max(
                pos2(geom.header.right() - EDGE_GRAB / 2.0, geom.header.top()),
                pos2(geom.header.right() + EDGE_GRAB / 2.0, geom.header.bottom()),
            );
            // An edge goes with its header: none where the header is too small.
            if Self::too_small(self.stage_pane(), geom.header)
                || !self
                    .stage_pane()
                    .1
                    .intersects(self.stage_pane().0.mul_rect(edge))
            {
                continue;
            }
            let label = t!("canvas-resize-stage", name = &stage.name);
            if let Some(r) = self.item_in(
                self.stage_pane(),
                edge,
                (4, stage.id.0),
                &label,
                Sense::drag(),
            ) {
                let r = r.on_hover_cursor(CursorIcon::ResizeHorizontal);
                self.drag_item(&r, DragKind::StageEdge(stage.id), view, out);
            }
        }
        for geom in &self.shown.lanes {
            let lane = &self.shown_journey.lanes[geom.index];
            let edge = Rect::from_min_max(
                pos2(geom.header.left(), geom.row.bottom() - EDGE_GRAB / 2.0),
                pos2(geom.row.right(), geom.row.bottom() + EDGE_GRAB / 2.0),
            );
            if lane.collapsed
                || Self::too_small((self.xf, self.clip), geom.row)
                || !self.clip.intersects(self.xf.mul_rect(edge))
            {
                continue;
            }
            let label = t!("canvas-resize-lane", name = &lane.title);
            if let Some(r) = self.item(edge, (5, lane.id.0), &label, Sense::drag()) {
                let r = r.on_hover_cursor(CursorIcon::ResizeVertical);
                self.drag_item(&r, DragKind::LaneEdge(lane.id), view, out);
            }
        }
    }

    /// Whether `doc_rect` shown with `xf` is too small for an item of its own.
    fn too_small((xf, _): (TSTransform, Rect), doc_rect: Rect) -> bool {
        let on_screen = xf.mul_rect(doc_rect);
        tiny(on_screen.width()) || tiny(on_screen.height())
    }

    /// The transform and clip of the stage headers (pinned to the top or not).
    pub(super) fn stage_pane(&self) -> (TSTransform, Rect) {
        (self.panes.stage_xf, self.panes.stages)
    }

    /// The transform and clip of the lane titles (pinned to the left or not).
    pub(super) fn lane_pane(&self) -> (TSTransform, Rect) {
        (self.panes.lane_xf, self.panes.lanes)
    }

    /// Everything a card (or an emotion point, which is a card) answers to: click or
    /// Shift/Ctrl-click to select, double-click to edit, its menu, and its drag.
    #[allow(clippy::too_many_arguments)] // Reason: the frame's context, passed through.
    fn card_gestures(
        &self,
        r: &Response,
        card: CardId,
        drag: DragKind,
        shift_or_cmd: bool,
        view: &mut CanvasView,
        out: &mut Vec<Command>,
        actions: &mut Vec<Action>,
    ) {
        if r.clicked() && shift_or_cmd {
            out.push(Command::ToggleCardSelection(card));
        } else {
            let edit = Some(EditTarget::Card(card));
            self.common_clicks(r, Selection::Card(card), edit, view, out);
        }
        let key = self.key_menu(r, self.selected(Selection::Card(card)), r.rect, view);
        card_context_menu(r, card, self.state, out, actions, key);
        self.drag_item(r, drag, view, out);
    }

    /// Click selects, double-click edits in place, right-click selects before its menu.
    fn common_clicks(
        &self,
        r: &Response,
        selection: Selection,
        edit: Option<EditTarget>,
        view: &mut CanvasView,
        out: &mut Vec<Command>,
    ) {
        if r.clicked() || r.secondary_clicked() {
            if self.state.selection != Some(selection) {
                out.push(Command::Select(Some(selection)));
            }
            if view
                .editing
                .as_ref()
                .is_some_and(|e| Some(e.target) != edit)
            {
                view.editing = None;
            }
        }
        if r.double_clicked()
            && let Some(target) = edit
        {
            view.start_editing(self.state, target);
        }
    }

    /// Background: click clears the selection (or selects the empty cell), double-click
    /// in a cell adds a card, Shift+drag draws a rubber band, right-click opens the menu
    /// (on an empty cell, with "Add card here").
    pub(super) fn background_gestures(
        &self,
        background: &Response,
        view: &mut CanvasView,
        out: &mut Vec<Command>,
        actions: &mut Vec<Action>,
    ) {
        let hit = background
            .interact_pointer_pos()
            .or_else(|| background.hover_pos())
            // Under a pinned header band, the map's cells are hidden: none is hit.
            .filter(|p| self.clip.contains(*p))
            .and_then(|p| self.base.hit(self.to_doc(p)));
        if background.clicked() || background.secondary_clicked() {
            view.editing = None;
            // Items too small for widgets of their own (a zoomed-out map) are picked here.
            let picked = match hit {
                Some(Hit::Cell { lane, stage }) => Some(Selection::Cell { lane, stage }),
                Some(Hit::Card(card) | Hit::EmotionPoint(card)) => Some(Selection::Card(card)),
                Some(Hit::StageHeader(stage)) => Some(Selection::Stage(stage)),
                Some(Hit::LaneHeader(lane)) => Some(Selection::Lane(lane)),
                None => None,
            };
            out.push(Command::Select(picked));
        }
        if background.double_clicked()
            && let Some(Hit::Cell { lane, stage }) = hit
        {
            out.push(Command::Edit {
                edit: Edit::add_empty_card(self.journey.id, lane, stage),
                gesture: None,
            });
            view.edit_next_card = true;
        }
        // From the keyboard, the background's menu is the empty cell's (or, with
        // nothing selected, the map's, at the canvas's centre).
        let (wanted, anchor) = match self.state.selection {
            Some(Selection::Cell { lane, stage }) => (
                true,
                cell_rect(self.base, lane, stage)
                    .map_or(self.clip, |c| self.xf.mul_rect(c).intersect(self.clip)),
            ),
            None => (true, self.clip),
            Some(_) => (false, self.clip),
        };
        let key = self.key_menu(background, wanted, anchor, view);
        if background_context_menu(background, self.state, out, actions, key) {
            view.edit_next_card = true;
        }
        self.rubber_band(background, view, out);
    }
}

/// The accessible name of a card: its text, or that it is empty.
fn card_name(card: &Card) -> std::borrow::Cow<'_, str> {
    if card.text.is_empty() {
        t!("canvas-empty-card").into()
    } else {
        card.text.as_str().into()
    }
}

/// The accessible name of an annotation pill, e.g. "Blocker: Fault number hidden".
fn annotation_name(a: &Annotation) -> String {
    format!(
        "{}: {}",
        crate::i18n::labels::annotation_kind(crate::i18n::interface(), a.kind),
        a.title
    )
}

/// The clickable part of a stage header (without the annotation pills below it).
pub(super) fn stage_header_rect(header: Rect) -> Rect {
    Rect::from_min_size(header.min, vec2(header.width(), size::STAGE_HEADER - 6.0))
}

/// The rectangle of one cell.
pub(super) fn cell_rect(map: &MapLayout, lane: LaneId, stage: StageId) -> Option<Rect> {
    let row = map.lanes.iter().find(|l| l.id == lane)?.row;
    let column = map.stages.iter().find(|s| s.id == stage)?.column;
    Some(row.intersect(column))
}
