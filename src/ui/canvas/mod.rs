//! The journey canvas: the map painted by [`crate::render`] under the user's pan and
//! zoom, and everything done to it with the pointer: select, drag stages, lanes, cards
//! and emotion points, resize stages and lanes, edit text in place, rubber-band select.
//!
//! A drag never edits the document while it runs: the canvas keeps the edit the drag
//! would make, paints a preview of the document with that edit applied (by the same
//! [`apply_edit`] the app uses), and emits the edit once, on release. So a whole drag
//! is one undo step.

use egui::emath::TSTransform;
use egui::{
    Align2, CursorIcon, FontId, Id, Key, Modifiers, Pos2, Rect, Response, Role, Sense, Stroke,
    StrokeKind, Ui, Vec2, WidgetInfo, pos2, vec2,
};

use crate::app::{AppState, Command, Edit, Selection, apply_edit, lane_family};
use crate::layout::{self, Hit, MapLayout};
use crate::model::{
    CardId, Journey, JourneyId, LaneId, LaneKind, Project, StageId, TouchpointClass,
};
use crate::render::{self, EguiText, PaintOptions};
use crate::theme::{color, size};

/// Zoom limits of the canvas.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.1..=4.0;

/// Width of the grab zone of a stage's right edge or a lane's bottom edge, in points.
const EDGE_GRAB: f32 = 6.0;

/// Pan and zoom of the canvas and the gesture in progress: view state, never saved.
#[derive(Default)]
pub struct CanvasView {
    /// Offset of the map's origin from the canvas's top-left corner, in points.
    pub pan: Vec2,
    /// Points per document unit.
    pub zoom: f32,
    /// The journey the view was last fitted to; a new journey is fitted on first show.
    fitted_for: Option<JourneyId>,
    /// A zoom request from a menu, handled on the next frame.
    pending: Option<ZoomRequest>,
    /// The drag in progress and the edit it would make.
    drag: Option<Drag>,
    /// Text being edited in place.
    editing: Option<InlineEdit>,
    /// Open the inline editor on the next selected card (after "add card").
    edit_next_card: bool,
    /// A minus key was pressed: the next digit sets a negative emotion score.
    minus_pending: bool,
    /// The last layout and what it was made from.
    cache: Option<LayoutCache>,
    /// Show accelerator and blocker pills on the map.
    pub show_annotations: bool,
    /// The current persona's avatar texture, if it has one.
    pub avatar: Option<egui::TextureId>,
    /// A card to scroll into view on the next frame.
    reveal: Option<CardId>,
}

struct LayoutCache {
    revision: u64,
    journey: JourneyId,
    pixels_per_point: f32,
    annotations: bool,
    layout: std::sync::Arc<MapLayout>,
}

/// A zoom requested by an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoomRequest {
    /// Fit the whole map.
    Fit,
    /// 100%, map at the top left.
    Actual,
}

/// What is being dragged.
#[derive(Clone, Copy, Debug, PartialEq)]
enum DragKind {
    Stage(StageId),
    StageEdge(StageId),
    Lane(LaneId),
    LaneEdge(LaneId),
    Card(CardId),
    Emotion(CardId),
    RubberBand(Pos2),
}

#[derive(Clone, Debug)]
struct Drag {
    kind: DragKind,
    /// The last known pointer position in document units (the pointer may be gone
    /// by the frame that ends the drag).
    last: Option<Pos2>,
    /// The edit the drag would make if released now.
    edit: Option<Edit>,
    /// Value shown beside the pointer (emotion score, width...).
    label: Option<String>,
}

/// What is edited in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditTarget {
    /// A stage name.
    Stage(StageId),
    /// A lane title.
    Lane(LaneId),
    /// A card's text.
    Card(CardId),
}

struct InlineEdit {
    target: EditTarget,
    text: String,
    focus_requested: bool,
}

impl CanvasView {
    /// A view at 100% that fits the first journey it shows.
    pub fn new() -> Self {
        Self {
            zoom: 1.0,
            show_annotations: true,
            ..Self::default()
        }
    }

    /// Scrolls the canvas so that a card is in the middle, on the next frame.
    pub fn reveal(&mut self, card: CardId) {
        self.reveal = Some(card);
    }

    /// Asks for a zoom change on the next frame.
    pub fn request(&mut self, request: ZoomRequest) {
        self.pending = Some(request);
    }

    /// Starts editing the text of a stage, lane or card in place.
    pub fn start_editing(&mut self, state: &AppState, target: EditTarget) {
        let Some(journey) = state.current_journey() else {
            return;
        };
        let text = match target {
            EditTarget::Stage(id) => journey.stage(id).map(|s| s.name.clone()),
            EditTarget::Lane(id) => journey
                .lanes
                .iter()
                .find(|l| l.id == id)
                .map(|l| l.title.clone()),
            EditTarget::Card(id) => journey.card(id).map(|(_, c)| c.text.clone()),
        };
        if let Some(text) = text {
            self.editing = Some(InlineEdit {
                target,
                text,
                focus_requested: false,
            });
        }
    }

    fn layout_options(&self) -> layout::LayoutOptions {
        layout::LayoutOptions {
            annotations: self.show_annotations,
            ..layout::LayoutOptions::default()
        }
    }

    /// Opens the inline editor on the card that the next edit selects.
    pub fn edit_next_card(&mut self) {
        self.edit_next_card = true;
    }

    /// True while text is edited in place.
    pub fn is_editing(&self) -> bool {
        self.editing.is_some()
    }

    /// Document units to screen points for a canvas at `rect`. The origin is snapped to
    /// whole pixels so that, at 100%, the canvas shows exactly the pixels an export has.
    pub fn transform(&self, rect: Rect, pixels_per_point: f32) -> TSTransform {
        let origin = (rect.min.to_vec2() + self.pan) * pixels_per_point;
        TSTransform::new(origin.round() / pixels_per_point, self.zoom)
    }

    fn fit(&mut self, rect: Rect, map: &MapLayout, max_zoom: f32) {
        let size = map.size.max(vec2(1.0, 1.0));
        let zoom = (rect.width() / size.x)
            .min(rect.height() / size.y)
            .clamp(*ZOOM_RANGE.start(), max_zoom);
        self.zoom = zoom;
        self.pan = vec2(((rect.width() - size.x * zoom) / 2.0).max(0.0), 0.0);
    }

    /// The layout of the current journey, recomputed only when the document, the
    /// journey or the display scale changed.
    fn layout(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        journey: &Journey,
    ) -> std::sync::Arc<MapLayout> {
        let ppp = ctx.pixels_per_point();
        if let Some(cache) = &self.cache
            && cache.revision == state.revision()
            && cache.journey == journey.id
            && (cache.pixels_per_point - ppp).abs() < f32::EPSILON
            && cache.annotations == self.show_annotations
        {
            return std::sync::Arc::clone(&cache.layout);
        }
        let layout = std::sync::Arc::new(layout::layout_journey_with(
            &state.project,
            journey,
            &EguiText(ctx),
            &self.layout_options(),
        ));
        self.cache = Some(LayoutCache {
            revision: state.revision(),
            journey: journey.id,
            pixels_per_point: ppp,
            annotations: self.show_annotations,
            layout: std::sync::Arc::clone(&layout),
        });
        layout
    }
}

/// Shows the canvas for the current journey and pushes the user's commands.
pub fn canvas_ui(
    ui: &mut Ui,
    state: &AppState,
    view: &mut CanvasView,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
) {
    let rect = ui.available_rect_before_wrap();
    let background = ui.allocate_rect(rect, Sense::click_and_drag());
    background.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, "Journey map"));
    let Some(journey) = state.current_journey() else {
        ui.painter().rect_filled(rect, 0.0, color::BACKGROUND);
        ui.painter().text(
            rect.center(),
            Align2::CENTER_CENTER,
            "This project has no journey.",
            FontId::proportional(16.0),
            color::TEXT_MUTED,
        );
        return;
    };
    let base = view.layout(ui.ctx(), state, journey);

    if view.fitted_for != Some(journey.id) {
        view.fitted_for = Some(journey.id);
        view.drag = None;
        view.editing = None;
        view.fit(rect, &base, 1.0);
    }
    match view.pending.take() {
        Some(ZoomRequest::Fit) => view.fit(rect, &base, *ZOOM_RANGE.end()),
        Some(ZoomRequest::Actual) => {
            view.zoom = 1.0;
            view.pan = Vec2::ZERO;
        }
        None => {}
    }
    if let Some(card) = view.reveal.take() {
        let target = base
            .cards
            .iter()
            .find(|g| g.id == card)
            .map(|g| g.rect.center())
            .or_else(|| {
                base.curves
                    .iter()
                    .flat_map(|c| &c.points)
                    .find(|p| p.card_id == card)
                    .map(|p| p.pos)
            });
        if let Some(doc) = target {
            view.pan = rect.size() / 2.0 - doc.to_vec2() * view.zoom;
        }
    }
    navigate(ui, &background, rect, view);

    // While a drag runs, show the document as it would be after the drag.
    let preview = view
        .drag
        .as_ref()
        .and_then(|d| d.edit.as_ref())
        .and_then(|edit| {
            let mut project = state.project.clone();
            apply_edit(&mut project, edit).map(|_| project)
        });
    let (project, shown): (&Project, std::sync::Arc<MapLayout>) = match &preview {
        Some(p) => {
            let j = p.journey(journey.id).unwrap_or(journey);
            let map =
                layout::layout_journey_with(p, j, &EguiText(ui.ctx()), &view.layout_options());
            (p, std::sync::Arc::new(map))
        }
        None => (&state.project, std::sync::Arc::clone(&base)),
    };
    let shown_journey = project.journey(journey.id).unwrap_or(journey);

    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    let xf = view.transform(rect, ui.ctx().pixels_per_point());
    let paint = PaintOptions {
        avatar: view.avatar,
        ..PaintOptions::default()
    };
    render::paint_map(&painter, project, shown_journey, &shown, xf, paint);

    let ctx = Ctx {
        ui,
        state,
        journey,
        base: &base,
        shown: &shown,
        shown_journey,
        xf,
        clip: rect,
        id: ui.scope_id().with("canvas").with(journey.id),
    };
    ctx.selection_overlay(&painter);
    ctx.interact_items(view, out, actions);
    ctx.background_gestures(&background, view, out, actions);
    ctx.drag_feedback(&painter, view);
    ctx.inline_editor(view, out);
    ctx.keyboard(view, out);
}

/// Pan with a background drag (primary or middle button), Space+drag or the scroll
/// wheel; zoom with Ctrl+wheel or a pinch, around the pointer.
fn navigate(ui: &Ui, background: &Response, rect: Rect, view: &mut CanvasView) {
    let (space, middle, delta, shift) = ui.input(|i| {
        (
            i.key_down(Key::Space),
            i.pointer.middle_down(),
            i.pointer.delta(),
            i.modifiers.shift,
        )
    });
    let typing = ui.ctx().memory(|m| m.focused().is_some());
    let hovered = ui.rect_contains_pointer(rect);
    if background.dragged() && !shift && view.drag.is_none() {
        view.pan += background.drag_delta();
    } else if hovered && (middle || (space && !typing && ui.input(|i| i.pointer.primary_down()))) {
        view.pan += delta;
    }
    if !hovered {
        return;
    }
    let (zoom_delta, scroll, pointer) = ui.input(|i| {
        (
            i.zoom_delta(),
            i.smooth_scroll_delta(),
            i.pointer.hover_pos(),
        )
    });
    if (zoom_delta - 1.0).abs() > f32::EPSILON {
        let anchor = pointer.unwrap_or(rect.center()) - rect.min;
        let new_zoom = (view.zoom * zoom_delta).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        // Keep the document point under the pointer where it is.
        let doc = (anchor - view.pan) / view.zoom;
        view.pan = anchor - doc * new_zoom;
        view.zoom = new_zoom;
    } else if scroll != Vec2::ZERO {
        view.pan += scroll;
    }
}

/// What the interaction code needs about this frame.
struct Ctx<'a> {
    ui: &'a Ui,
    state: &'a AppState,
    /// The journey as it is in the document.
    journey: &'a Journey,
    /// Layout of the document (drop targets are computed on it).
    base: &'a MapLayout,
    /// Layout as shown (with a drag preview applied).
    shown: &'a MapLayout,
    /// The journey as shown; the indices in `shown` point into it.
    shown_journey: &'a Journey,
    xf: TSTransform,
    clip: Rect,
    id: Id,
}

impl Ctx<'_> {
    fn to_doc(&self, p: Pos2) -> Pos2 {
        self.xf.inverse().mul_pos(p)
    }

    fn pointer_doc(&self) -> Option<Pos2> {
        self.ui
            .input(|i| i.pointer.interact_pos().or(i.pointer.hover_pos()))
            .map(|p| self.to_doc(p))
    }

    /// Registers an interactive area over `doc_rect`, announced to AccessKit as `label`.
    fn item(&self, doc_rect: Rect, key: (u8, u64), label: &str, sense: Sense) -> Option<Response> {
        let screen = self.xf.mul_rect(doc_rect);
        if !self.clip.intersects(screen) {
            return None;
        }
        let response = self
            .ui
            .interact(screen.intersect(self.clip), self.id.with(key), sense);
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, label));
        Some(response)
    }

    fn selection_overlay(&self, painter: &egui::Painter) {
        let stroke = Stroke::new(2.5, color::SELECTION);
        let outline = |r: Rect| {
            painter.rect_stroke(self.xf.mul_rect(r), 4.0, stroke, StrokeKind::Outside);
        };
        match self.state.selection {
            Some(Selection::Stage(id)) => {
                if let Some(g) = self.shown.stages.iter().find(|g| g.id == id) {
                    outline(stage_header_rect(g.header));
                }
            }
            Some(Selection::Lane(id)) => {
                if let Some(g) = self.shown.lanes.iter().find(|g| g.id == id) {
                    outline(g.header);
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

    /// Stage headers, lane headers, their edges, cards and emotion points.
    fn interact_items(
        &self,
        view: &mut CanvasView,
        out: &mut Vec<Command>,
        actions: &mut Vec<Action>,
    ) {
        let shift_or_cmd = self.ui.input(|i| i.modifiers.shift || i.modifiers.command);
        // Stages and their right edges.
        for (stage, geom) in self.shown_journey.stages.iter().zip(&self.shown.stages) {
            let header = stage_header_rect(geom.header);
            if let Some(r) = self.item(
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
                stage_context_menu(&r, actions);
                self.drag_item(&r, DragKind::Stage(stage.id), view, out);
            }
        }
        // Lanes and their bottom edges.
        for geom in &self.shown.lanes {
            let lane = &self.shown_journey.lanes[geom.index];
            if let Some(r) = self.item(
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
                lane_context_menu(&r, lane.id, self.state, out, actions);
                self.drag_item(&r, DragKind::Lane(lane.id), view, out);
            }
        }
        // Cards.
        for geom in &self.shown.cards {
            // Cheap visibility test first: a big map has thousands of cards off screen.
            if !self.clip.intersects(self.xf.mul_rect(geom.rect)) {
                continue;
            }
            let card = &self.shown_journey.lanes[geom.lane].cards[geom.card];
            let label = if card.text.is_empty() {
                "Empty card"
            } else {
                card.text.as_str()
            };
            if let Some(r) = self.item(geom.rect, (2, card.id.0), label, Sense::click_and_drag()) {
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
                if !self.clip.intersects(self.xf.mul_rect(r)) {
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
            let label = format!("{:?}: {}", a.kind, a.title);
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
            let label = format!("Resize stage {}", stage.name);
            if let Some(r) = self.item(edge, (4, stage.id.0), &label, Sense::drag()) {
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
            let label = format!("Resize lane {}", lane.title);
            if !lane.collapsed
                && let Some(r) = self.item(edge, (5, lane.id.0), &label, Sense::drag())
            {
                let r = r.on_hover_cursor(CursorIcon::ResizeVertical);
                self.drag_item(&r, DragKind::LaneEdge(lane.id), view, out);
            }
        }
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
        card_context_menu(r, card, self.state, out, actions);
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

    /// Starts, updates and finishes a drag of an item.
    fn drag_item(
        &self,
        r: &Response,
        kind: DragKind,
        view: &mut CanvasView,
        out: &mut Vec<Command>,
    ) {
        if r.drag_started_by(egui::PointerButton::Primary)
            && !self.ui.input(|i| i.key_down(Key::Space))
        {
            view.drag = Some(Drag {
                kind,
                edit: None,
                label: None,
                last: None,
            });
            view.editing = None;
        }
        let Some(drag) = &view.drag else {
            return;
        };
        if drag.kind != kind {
            return;
        }
        if r.dragged() {
            let (edit, label) = self.drag_edit(&kind).unwrap_or((None, None));
            if let Some(d) = &mut view.drag {
                d.edit = edit;
                d.label = label;
            }
        }
        if r.drag_stopped()
            && let Some(edit) = view.drag.take().and_then(|d| d.edit)
        {
            {
                out.push(Command::Edit {
                    edit,
                    gesture: None,
                });
            }
        }
    }

    /// The edit a drag would make with the pointer where it is now.
    fn drag_edit(&self, kind: &DragKind) -> Option<(Option<Edit>, Option<String>)> {
        let p = self.pointer_doc()?;
        let journey = self.journey;
        let jid = journey.id;
        Some(match kind {
            DragKind::Stage(id) => {
                let from = journey.stages.iter().position(|s| s.id == *id)?;
                let centres = self.base.stages.iter().map(|g| g.header.center().x);
                let to = insertion_index(centres, from, p.x);
                let edit = (to != from).then_some(Edit::MoveStage {
                    journey: jid,
                    stage: *id,
                    to_index: to,
                });
                (edit, None)
            }
            DragKind::Lane(id) => {
                let from = journey.lanes.iter().position(|l| l.id == *id)?;
                let centres = self.base.lanes.iter().map(|g| g.header.center().y);
                let to = insertion_index(centres, from, p.y);
                let edit = (to != from).then_some(Edit::MoveLane {
                    journey: jid,
                    lane: *id,
                    to_index: to,
                });
                (edit, None)
            }
            DragKind::StageEdge(id) => {
                let stage = journey.stage(*id)?;
                let geom = self.base.stages.iter().find(|g| g.id == *id)?;
                let width = (p.x - geom.header.left())
                    .round()
                    .clamp(size::MIN_STAGE_WIDTH, 2000.0);
                let mut s = stage.clone();
                s.width = width;
                (
                    Some(Edit::SetStage {
                        journey: jid,
                        stage: s,
                    }),
                    Some(format!("{width:.0} pt")),
                )
            }
            DragKind::LaneEdge(id) => {
                let lane = journey.lanes.iter().find(|l| l.id == *id)?;
                let geom = self.base.lanes.iter().find(|g| g.id == *id)?;
                let height = (p.y - geom.row.top())
                    .round()
                    .clamp(size::MIN_LANE_HEIGHT, 2000.0);
                let edit = Edit::SetLane {
                    journey: jid,
                    lane: *id,
                    title: lane.title.clone(),
                    height,
                    collapsed: lane.collapsed,
                };
                (Some(edit), Some(format!("{height:.0} pt")))
            }
            DragKind::Card(id) => {
                let (from_lane, card) = journey.card(*id)?;
                let (lane, stage) = match self.base.hit(p)? {
                    Hit::Cell { lane, stage } => (lane, stage),
                    Hit::Card(other) => {
                        let (l, c) = journey.card(other)?;
                        (l.id, c.stage)
                    }
                    _ => return Some((None, None)),
                };
                let target = journey.lanes.iter().find(|l| l.id == lane)?;
                let same_cell = from_lane.id == lane && card.stage == stage;
                if same_cell || lane_family(&from_lane.kind) != lane_family(&target.kind) {
                    let label = (!same_cell).then(|| "Cannot drop here".to_owned());
                    return Some((None, label));
                }
                (
                    Some(Edit::MoveCard {
                        journey: jid,
                        card: *id,
                        lane,
                        stage,
                    }),
                    None,
                )
            }
            DragKind::Emotion(id) => {
                let (_, card) = journey.card(*id)?;
                // The curve the point is dragged in: the one holding this card in the lane
                // under the pointer (a compared curve is drawn in another lane).
                let holds =
                    |c: &&crate::layout::CurveGeom| c.points.iter().any(|q| q.card_id == *id);
                let curve = self
                    .base
                    .curves
                    .iter()
                    .filter(holds)
                    .find(|c| self.base.lanes[c.lane].row.y_range().contains(p.y))
                    .or_else(|| self.base.curves.iter().find(holds))?;
                let scale = self.state.project.settings.emotion_scale;
                let (top, bottom) = curve.y_range;
                let t = ((bottom - p.y) / (bottom - top).max(1.0)).clamp(0.0, 1.0);
                let score = (scale.min as f32 + t * (scale.max - scale.min) as f32).round();
                let mut c = card.clone();
                c.emotion = Some(score);
                (
                    Some(Edit::SetCard {
                        journey: jid,
                        card: c,
                    }),
                    Some(format!("{score:+}")),
                )
            }
            DragKind::RubberBand(_) => (None, None),
        })
    }

    /// Background: click clears the selection (or selects the empty cell), double-click
    /// in a cell adds a card, Shift+drag draws a rubber band, right-click opens the menu.
    fn background_gestures(
        &self,
        background: &Response,
        view: &mut CanvasView,
        out: &mut Vec<Command>,
        actions: &mut Vec<Action>,
    ) {
        let hit = background
            .interact_pointer_pos()
            .or_else(|| background.hover_pos())
            .and_then(|p| self.base.hit(self.to_doc(p)));
        if background.clicked() || background.secondary_clicked() {
            view.editing = None;
            match hit {
                Some(Hit::Cell { lane, stage }) => {
                    out.push(Command::Select(Some(Selection::Cell { lane, stage })));
                }
                _ => out.push(Command::Select(None)),
            }
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
        background_context_menu(background, self.state, out, actions);

        let shift = self.ui.input(|i| i.modifiers.shift);
        if background.drag_started_by(egui::PointerButton::Primary)
            && shift
            && let Some(p) = background.interact_pointer_pos()
        {
            view.drag = Some(Drag {
                kind: DragKind::RubberBand(self.to_doc(p)),
                edit: None,
                label: None,
                last: None,
            });
        }
        let pointer = self.pointer_doc();
        if let Some(drag) = &mut view.drag
            && let DragKind::RubberBand(start) = drag.kind
        {
            if pointer.is_some() {
                drag.last = pointer;
            }
            let released =
                background.drag_stopped() || !self.ui.input(|i| i.pointer.primary_down());
            if released {
                let band = Rect::from_two_pos(start, drag.last.unwrap_or(start));
                let mut cards: Vec<CardId> = self
                    .base
                    .cards
                    .iter()
                    .filter(|g| band.intersects(g.rect))
                    .map(|g| g.id)
                    .collect();
                for curve in &self.base.curves {
                    cards.extend(
                        curve
                            .points
                            .iter()
                            .filter(|p| band.contains(p.pos))
                            .map(|p| p.card_id),
                    );
                }
                out.push(Command::SelectCards(cards));
                view.drag = None;
            }
        }
    }

    /// The drop indicator, the rubber band and the value beside the pointer.
    fn drag_feedback(&self, painter: &egui::Painter, view: &CanvasView) {
        let Some(drag) = &view.drag else {
            return;
        };
        let stroke = Stroke::new(3.0, color::SELECTION);
        match &drag.kind {
            DragKind::Stage(id) => {
                if let Some(g) = self.shown.stages.iter().find(|g| g.id == *id) {
                    let x = g.header.left() - 1.0;
                    let a = self.xf.mul_pos(pos2(x, g.header.top()));
                    let b = self.xf.mul_pos(pos2(x, g.column.bottom()));
                    painter.line_segment([a, b], stroke);
                    painter.rect_stroke(
                        self.xf.mul_rect(stage_header_rect(g.header)),
                        4.0,
                        stroke,
                        StrokeKind::Outside,
                    );
                }
            }
            DragKind::Lane(id) => {
                if let Some(g) = self.shown.lanes.iter().find(|g| g.id == *id) {
                    let y = g.row.top() - 1.0;
                    let a = self.xf.mul_pos(pos2(g.header.left(), y));
                    let b = self.xf.mul_pos(pos2(g.row.right(), y));
                    painter.line_segment([a, b], stroke);
                    painter.rect_stroke(
                        self.xf.mul_rect(g.header),
                        4.0,
                        stroke,
                        StrokeKind::Outside,
                    );
                }
            }
            DragKind::Card(id) => {
                if let Some(g) = self.shown.cards.iter().find(|g| g.id == *id) {
                    painter.rect_stroke(self.xf.mul_rect(g.rect), 4.0, stroke, StrokeKind::Outside);
                }
            }
            DragKind::RubberBand(start) => {
                if let Some(now) = self.pointer_doc() {
                    let band = self.xf.mul_rect(Rect::from_two_pos(*start, now));
                    painter.rect_filled(band, 0.0, color::SELECTION.gamma_multiply(0.12));
                    painter.rect_stroke(
                        band,
                        0.0,
                        Stroke::new(1.0, color::SELECTION),
                        StrokeKind::Inside,
                    );
                }
            }
            DragKind::StageEdge(_) | DragKind::LaneEdge(_) | DragKind::Emotion(_) => {}
        }
        if let (Some(label), Some(p)) = (&drag.label, self.ui.input(|i| i.pointer.hover_pos())) {
            let galley = painter.layout_no_wrap(
                label.clone(),
                FontId::proportional(14.0),
                egui::Color32::WHITE,
            );
            let r = Rect::from_min_size(p + vec2(14.0, -26.0), galley.size() + vec2(12.0, 6.0));
            painter.rect_filled(r, 4.0, color::TEXT);
            painter.galley(r.min + vec2(6.0, 3.0), galley, egui::Color32::WHITE);
        }
    }

    /// The text field over a stage, lane or card being edited in place. Enter commits
    /// (Shift+Enter starts a new line in a card), Escape cancels.
    fn inline_editor(&self, view: &mut CanvasView, out: &mut Vec<Command>) {
        if view.edit_next_card
            && let Some(Selection::Card(id)) = self.state.selection
            && self.journey.card(id).is_some()
        {
            view.edit_next_card = false;
            view.start_editing(self.state, EditTarget::Card(id));
        }
        let Some(edit) = &mut view.editing else {
            return;
        };
        let journey = self.journey;
        let found = match edit.target {
            EditTarget::Stage(id) => self
                .shown
                .stages
                .iter()
                .find(|g| g.id == id)
                .map(|g| (stage_header_rect(g.header), false)),
            EditTarget::Lane(id) => self.shown.lanes.iter().find(|g| g.id == id).map(|g| {
                (
                    Rect::from_min_size(g.header.min, vec2(g.header.width(), 30.0)),
                    false,
                )
            }),
            EditTarget::Card(id) => self
                .shown
                .cards
                .iter()
                .find(|g| g.id == id)
                .map(|g| g.rect)
                .or_else(|| {
                    self.shown
                        .curves
                        .iter()
                        .flat_map(|c| &c.points)
                        .find(|p| p.card_id == id)
                        .map(|p| Rect::from_center_size(p.pos + vec2(0.0, 24.0), vec2(160.0, 40.0)))
                })
                .map(|r| (r, true)),
        };
        let Some((doc_rect, multiline)) = found else {
            view.editing = None;
            return;
        };
        let screen = self.xf.mul_rect(doc_rect);
        // Shift+Enter is left to the text field: a new line in a card.
        let (enter, escape) = self.ui.input(|i| {
            (
                i.key_pressed(Key::Enter) && !i.modifiers.shift,
                i.key_pressed(Key::Escape),
            )
        });
        let mut commit = false;
        let mut cancel = false;
        egui::Area::new(self.id.with("inline_edit"))
            .fixed_pos(screen.min)
            .order(egui::Order::Foreground)
            .show(self.ui.ctx(), |ui| {
                ui.set_width(screen.width().max(120.0));
                let te = if multiline {
                    egui::TextEdit::multiline(&mut edit.text).desired_rows(2)
                } else {
                    egui::TextEdit::singleline(&mut edit.text)
                };
                let response = ui.add(te.desired_width(screen.width().max(120.0)));
                response.widget_info(|| {
                    WidgetInfo::labeled(Role::TextInput, true, "Edit text in place")
                });
                if !edit.focus_requested {
                    response.request_focus();
                    edit.focus_requested = true;
                }
                if response.has_focus() || response.lost_focus() {
                    if escape {
                        cancel = true;
                    } else if enter {
                        commit = true;
                    }
                }
                if response.lost_focus() && !escape {
                    commit = true;
                }
            });
        if cancel {
            // The Escape that cancelled the edit must not also clear the selection.
            self.ui
                .ctx()
                .input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
            view.editing = None;
            return;
        }
        if !commit {
            return;
        }
        let text = edit.text.trim_end_matches('\n').to_owned();
        let target = edit.target;
        view.editing = None;
        let jid = journey.id;
        let command = match target {
            EditTarget::Stage(id) => journey.stage(id).filter(|s| s.name != text).map(|s| {
                let mut s = s.clone();
                s.name = text;
                Edit::SetStage {
                    journey: jid,
                    stage: s,
                }
            }),
            EditTarget::Lane(id) => journey
                .lanes
                .iter()
                .find(|l| l.id == id)
                .filter(|l| l.title != text)
                .map(|l| Edit::SetLane {
                    journey: jid,
                    lane: id,
                    title: text,
                    height: l.height,
                    collapsed: l.collapsed,
                }),
            EditTarget::Card(id) => {
                journey
                    .card(id)
                    .filter(|(_, c)| c.text != text)
                    .map(|(_, c)| {
                        let mut c = c.clone();
                        c.text = text;
                        Edit::SetCard {
                            journey: jid,
                            card: c,
                        }
                    })
            }
        };
        if let Some(edit) = command {
            out.push(Command::Edit {
                edit,
                gesture: None,
            });
        }
    }

    /// Arrow keys move between cells, number keys set the selected emotion score,
    /// Escape cancels a drag or clears the selection.
    fn keyboard(&self, view: &mut CanvasView, out: &mut Vec<Command>) {
        let typing = self.ui.ctx().memory(|m| m.focused().is_some());
        if typing || view.editing.is_some() {
            return;
        }
        if self.ui.input(|i| i.key_pressed(Key::Escape)) {
            if view.drag.take().is_none() {
                out.push(Command::Select(None));
            }
            return;
        }
        let journey = self.journey;
        // Number keys: the selected emotion point's score; '-' first for a negative one.
        if let Some(Selection::Card(id)) = self.state.selection
            && let Some((lane, card)) = journey.card(id)
            && matches!(lane.kind, LaneKind::Emotion { .. })
        {
            if self.ui.input(|i| i.key_pressed(Key::Minus)) {
                view.minus_pending = true;
            }
            let digit = self
                .ui
                .input(|i| DIGITS.iter().position(|k| i.key_pressed(*k)));
            if let Some(d) = digit {
                let scale = self.state.project.settings.emotion_scale;
                let sign = if view.minus_pending { -1.0 } else { 1.0 };
                view.minus_pending = false;
                let score = (sign * d as f32).clamp(scale.min as f32, scale.max as f32);
                let mut c = card.clone();
                c.emotion = Some(score);
                out.push(Command::Edit {
                    edit: Edit::SetCard {
                        journey: journey.id,
                        card: c,
                    },
                    gesture: None,
                });
            }
        }
        let arrow = self.ui.input(|i| {
            let mut d = (0i32, 0i32);
            if i.key_pressed(Key::ArrowLeft) {
                d.0 -= 1;
            }
            if i.key_pressed(Key::ArrowRight) {
                d.0 += 1;
            }
            if i.key_pressed(Key::ArrowUp) {
                d.1 -= 1;
            }
            if i.key_pressed(Key::ArrowDown) {
                d.1 += 1;
            }
            (d != (0, 0) && i.modifiers == Modifiers::NONE).then_some(d)
        });
        if let Some((dx, dy)) = arrow
            && let Some(next) = neighbour_cell(journey, self.state.selection, dx, dy)
        {
            out.push(Command::Select(Some(next)));
        }
    }
}

const DIGITS: [Key; 10] = [
    Key::Num0,
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// Where an item dragged from index `from` lands: the number of other items whose centre
/// (along the drag axis) lies before the pointer.
fn insertion_index(centres: impl Iterator<Item = f32>, from: usize, pointer: f32) -> usize {
    centres
        .enumerate()
        .filter(|(i, c)| *i != from && *c < pointer)
        .count()
}

/// The clickable part of a stage header (without the annotation pills below it).
fn stage_header_rect(header: Rect) -> Rect {
    Rect::from_min_size(header.min, vec2(header.width(), size::STAGE_HEADER - 6.0))
}

/// The rectangle of one cell.
fn cell_rect(map: &MapLayout, lane: LaneId, stage: StageId) -> Option<Rect> {
    let row = map.lanes.iter().find(|l| l.id == lane)?.row;
    let column = map.stages.iter().find(|s| s.id == stage)?.column;
    Some(row.intersect(column))
}

/// The cell (or the first card in it) next to the current selection.
fn neighbour_cell(
    journey: &Journey,
    selection: Option<Selection>,
    dx: i32,
    dy: i32,
) -> Option<Selection> {
    let (lane, stage) = match selection? {
        Selection::Cell { lane, stage } => (lane, stage),
        Selection::Card(c) => {
            let (l, card) = journey.card(c)?;
            // Within a cell, up and down go through its cards first.
            let cell: Vec<_> = journey.cell_cards(l, card.stage).map(|c| c.id).collect();
            let i = cell.iter().position(|x| *x == c)?;
            let j = i as i32 + dy;
            if dx == 0 && j >= 0 && (j as usize) < cell.len() {
                return Some(Selection::Card(cell[j as usize]));
            }
            (l.id, card.stage)
        }
        Selection::Stage(s) => (journey.lanes.first()?.id, s),
        Selection::Lane(l) => (l, journey.stages.first()?.id),
        Selection::Annotation(_) => return None,
    };
    let li = journey.lanes.iter().position(|l| l.id == lane)? as i32 + dy;
    let si = journey.stages.iter().position(|s| s.id == stage)? as i32 + dx;
    let lane = journey.lanes.get(usize::try_from(li).ok()?)?;
    let stage = journey.stages.get(usize::try_from(si).ok()?)?;
    // Land on the first card of the cell if it has one.
    Some(journey.cell_cards(lane, stage.id).next().map_or(
        Selection::Cell {
            lane: lane.id,
            stage: stage.id,
        },
        |c| Selection::Card(c.id),
    ))
}

use super::Action;
use super::menu::action_item;

fn stage_context_menu(r: &Response, actions: &mut Vec<Action>) {
    r.context_menu(|ui| {
        let mut chosen = None;
        for a in [
            Action::EditSelection,
            Action::AddStageBefore,
            Action::AddStageAfter,
            Action::AddAccelerator,
            Action::AddBlocker,
            Action::DeleteSelection,
        ] {
            action_item(ui, a, true, &mut chosen);
        }
        if let Some(a) = chosen {
            actions.push(a);
        }
    });
}

fn lane_context_menu(
    r: &Response,
    lane: LaneId,
    state: &AppState,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
) {
    r.context_menu(|ui| {
        let mut chosen = None;
        action_item(ui, Action::EditSelection, true, &mut chosen);
        action_item(ui, Action::ToggleCollapse, true, &mut chosen);
        add_lane_menu(ui, state, Some(lane), out);
        action_item(ui, Action::DeleteSelection, true, &mut chosen);
        if let Some(a) = chosen {
            actions.push(a);
        }
    });
}

fn card_context_menu(
    r: &Response,
    card: CardId,
    state: &AppState,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
) {
    r.context_menu(|ui| {
        let mut chosen = None;
        for a in [
            Action::EditSelection,
            Action::Copy,
            Action::Duplicate,
            Action::AddAccelerator,
            Action::AddBlocker,
            Action::DeleteSelection,
        ] {
            action_item(ui, a, true, &mut chosen);
        }
        if let Some(journey) = state.current_journey()
            && let Some((_, c)) = journey.card(card)
        {
            if let Some(tp) = &c.touchpoint {
                ui.menu_button("Touchpoint class", |ui| {
                    let classes = std::iter::once(None).chain(TouchpointClass::ALL.map(Some));
                    for class in classes {
                        let label = class.map_or("Unclassified", TouchpointClass::label);
                        if ui.selectable_label(tp.class == class, label).clicked() {
                            let mut c = c.clone();
                            if let Some(t) = &mut c.touchpoint {
                                t.class = class;
                            }
                            out.push(Command::Edit {
                                edit: Edit::SetCard {
                                    journey: journey.id,
                                    card: c,
                                },
                                gesture: None,
                            });
                            ui.close();
                        }
                    }
                });
            }
            ui.menu_button("Colour", |ui| {
                for token in crate::model::ColorToken::ALL {
                    if ui
                        .selectable_label(c.color == token, format!("{token:?}"))
                        .clicked()
                    {
                        let mut c = c.clone();
                        c.color = token;
                        out.push(Command::Edit {
                            edit: Edit::SetCard {
                                journey: journey.id,
                                card: c,
                            },
                            gesture: None,
                        });
                        ui.close();
                    }
                }
            });
        }
        if let Some(a) = chosen {
            actions.push(a);
        }
    });
}

fn background_context_menu(
    r: &Response,
    state: &AppState,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
) {
    r.context_menu(|ui| {
        let mut chosen = None;
        action_item(ui, Action::AddStageAtEnd, true, &mut chosen);
        add_lane_menu(ui, state, None, out);
        action_item(ui, Action::Paste, !state.clipboard.is_empty(), &mut chosen);
        ui.separator();
        action_item(ui, Action::ZoomToFit, true, &mut chosen);
        action_item(ui, Action::Zoom100, true, &mut chosen);
        if let Some(a) = chosen {
            actions.push(a);
        }
    });
}

/// "Add lane" with a submenu of lane kinds; the new lane goes below `below` (or last).
pub fn add_lane_menu(ui: &mut Ui, state: &AppState, below: Option<LaneId>, out: &mut Vec<Command>) {
    let Some(journey) = state.current_journey() else {
        return;
    };
    ui.menu_button("Add lane", |ui| {
        let index = below
            .and_then(|l| journey.lanes.iter().position(|x| x.id == l))
            .map_or(journey.lanes.len(), |i| i + 1);
        for (kind, title) in lane_kinds() {
            if ui.button(&title).clicked() {
                out.push(Command::Edit {
                    edit: Edit::AddLane {
                        journey: journey.id,
                        index,
                        kind,
                        title,
                    },
                    gesture: None,
                });
                ui.close();
            }
        }
    });
}

/// The lane kinds offered when adding a lane, with a default title.
pub fn lane_kinds() -> Vec<(LaneKind, String)> {
    use crate::model::{MeasureKind, TextRole};
    let mut kinds: Vec<(LaneKind, String)> = TextRole::ALL
        .iter()
        .map(|r| (LaneKind::Text(*r), r.label().to_owned()))
        .collect();
    kinds.push((LaneKind::Touchpoints, "Touchpoints".to_owned()));
    kinds.push((
        LaneKind::Emotion {
            persona: None,
            compare: Vec::new(),
        },
        "Emotions".to_owned(),
    ));
    kinds.push((LaneKind::Quotes, "Customer quotes".to_owned()));
    for m in MeasureKind::ALL {
        kinds.push((LaneKind::Measures(m), m.label().to_owned()));
    }
    kinds.push((LaneKind::FrontStage, "Front stage".to_owned()));
    kinds.push((LaneKind::BackStage, "Back stage".to_owned()));
    kinds.push((
        LaneKind::Department("Customer service".to_owned()),
        "Department".to_owned(),
    ));
    kinds
}
