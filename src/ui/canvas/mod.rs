//! The journey canvas: the map painted by [`crate::render`] under the user's pan and
//! zoom, and everything done to it with the pointer: select, drag stages, lanes, cards
//! and emotion points, resize stages and lanes, edit text in place, rubber-band select.
//!
//! A drag never edits the document while it runs: the canvas keeps the edit the drag
//! would make, paints a preview of the document with that edit applied (by the same
//! [`apply_edit`] the app uses), and emits the edit once, on release. So a whole drag
//! is one undo step.
//!
//! The module is split by concern; each part adds methods to the frame's `Ctx`:
//! - `navigate`: pan, zoom, fit and zoom requests;
//! - `frozen`: stage headers and lane titles kept in view while the map scrolls;
//! - `items`: the interactive areas over stages, lanes, cards, emotion points and
//!   annotations, their accessible names, clicks and the selection outline;
//! - `drag`: drags of those items, the pure edit a drag would make, and its feedback;
//! - `inline_edit`: the text field that edits a name or a card in place;
//! - `keyboard`: arrow keys, emotion scores from number keys, Escape;
//! - `menus`: the context menus.

mod drag;
mod frozen;
mod inline_edit;
mod items;
mod keyboard;
mod labels;
mod menus;
mod minimap;
mod navigate;
mod scrollbars;

use crate::t;
use std::sync::Arc;

use egui::emath::TSTransform;
use egui::{Align2, FontId, Id, Pos2, Rect, Role, Sense, Ui, Vec2, WidgetInfo};

use crate::app::{AppState, Command, Edit, Selection, apply_edit};
use crate::layout::{self, MapLayout};
use crate::model::{CardId, Journey, JourneyId, Project};
use crate::render::{self, EguiText, PaintOptions};
use crate::theme::color;

use super::Action;
use drag::Drag;
pub use inline_edit::EditTarget;
use inline_edit::InlineEdit;
pub use labels::{LABEL_MIN_PX, LABEL_PX, lane_labels_at, stage_labels_at};
pub use menus::{add_lane_menu, lane_kinds};
pub use navigate::{WHEEL_NOTCH_ZOOM, ZOOM_RANGE, ZoomRequest};

/// Pan and zoom of the canvas and the gesture in progress: view state, never saved.
#[derive(Default)]
pub struct CanvasView {
    /// Offset of the map's origin from the canvas's top-left corner, in points.
    pub pan: Vec2,
    /// An edit the map shows as if it were made, without making it: the project
    /// settings being edited in the settings dialog (a drag's own preview wins).
    pub settings_preview: Option<Edit>,
    /// Points per document unit.
    pub zoom: f32,
    /// The journey the view was last fitted to; a new journey is fitted on first show.
    fitted_for: Option<JourneyId>,
    /// The view as the last fit left it, while the user has not moved it since: the
    /// map is fitted again when the canvas changes size (a side panel shown or hidden,
    /// the window resized).
    fitted: Option<navigate::Fitted>,
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
    /// Show the notes of accelerators and blockers in their pills.
    pub show_notes: bool,
    /// The current persona's avatar texture, if it has one.
    pub avatar: Option<egui::TextureId>,
    /// An item to scroll into view on the next frame.
    reveal: Option<Selection>,
    /// False once the user clicked outside the canvas (a window, a panel): the canvas's
    /// keys then stay with what was clicked, until the canvas is clicked again.
    has_keyboard: bool,
    /// Where the map's body (not under the pinned header row and title column) was in
    /// the last frame, so that a revealed item is not scrolled under them.
    body: Option<Rect>,
    /// Shift+F10 or the Menu key was pressed: open the selection's context menu.
    menu_request: bool,
    /// The context menu opened from the keyboard (its popup id) and where it shows.
    menu_at: Option<(Id, Pos2)>,
    /// Show the minimap (View menu).
    pub show_minimap: bool,
    /// Where the keyboard focus ring was drawn in the last frame, if it was.
    focus_ring: Option<Rect>,
    /// Where the canvas was drawn last, and the map's transform there.
    last_drawn: Option<(Rect, TSTransform)>,
    /// Heights of the texts of the last layout, by font size and wrap width, for the
    /// layouts of a drag's previews.
    text_heights: TextHeights,
    /// The document as the drag in progress would leave it, and its layout: made again
    /// only when the drag's edit changes (the pointer enters another cell), not on
    /// every pointer move.
    preview: Option<Preview>,
}

/// Measured text heights: by (font size, wrap width) bits, then by text.
type TextHeights = std::collections::HashMap<(u32, u32), std::collections::HashMap<String, f32>>;

/// Measures text with egui, remembering each height: laying out a 12,000-card map again
/// with one card moved then costs lookups, not shaping 12,000 texts.
struct MemoText<'a> {
    ctx: &'a egui::Context,
    heights: std::cell::RefCell<&'a mut TextHeights>,
}

impl<'a> MemoText<'a> {
    fn new(ctx: &'a egui::Context, heights: &'a mut TextHeights) -> Self {
        Self {
            ctx,
            heights: std::cell::RefCell::new(heights),
        }
    }
}

impl layout::TextMeasure for MemoText<'_> {
    fn text_height(&self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        let key = (font_size.to_bits(), wrap_width.to_bits());
        if let Some(h) = self.heights.borrow().get(&key).and_then(|m| m.get(text)) {
            return *h;
        }
        let h = EguiText(self.ctx).text_height(text, font_size, wrap_width);
        self.heights
            .borrow_mut()
            .entry(key)
            .or_default()
            .insert(text.to_owned(), h);
        h
    }
}

/// A drag's preview: the edit, the document it was applied to, the result and its layout.
struct Preview {
    edit: crate::app::Edit,
    revision: u64,
    options: layout::LayoutOptions,
    project: Arc<Project>,
    layout: Arc<MapLayout>,
}

/// The last layout of the canvas and what it was computed from.
struct LayoutCache {
    revision: u64,
    journey: JourneyId,
    pixels_per_point: f32,
    options: layout::LayoutOptions,
    layout: Arc<MapLayout>,
}

impl CanvasView {
    /// A view at 100% that fits the first journey it shows.
    pub fn new() -> Self {
        Self {
            zoom: 1.0,
            show_annotations: true,
            has_keyboard: true,
            ..Self::default()
        }
    }

    /// Scrolls the canvas so that an item (card, stage, lane, accelerator or blocker)
    /// is in the middle, on the next frame.
    pub fn reveal(&mut self, item: Selection) {
        self.reveal = Some(item);
    }

    /// Gives the keyboard to the canvas (`true`) or to another region (Tab, Shift+Tab).
    pub fn set_keyboard(&mut self, canvas: bool) {
        self.has_keyboard = canvas;
    }

    /// True while the canvas has the keyboard: the last click was on the map (or
    /// nowhere yet), so its keys (arrows, Delete, digits, the clipboard) act on it.
    pub fn owns_keyboard(&self) -> bool {
        self.has_keyboard
    }

    /// Where the keyboard focus ring around the canvas's keyboard selection was drawn
    /// in the last frame: only while the canvas has the keyboard.
    pub fn focus_ring(&self) -> Option<Rect> {
        self.focus_ring
    }

    /// Asks for a zoom change on the next frame.
    pub fn request(&mut self, request: ZoomRequest) {
        self.pending = Some(request);
    }

    /// Starts editing the text of a stage, lane or card in place, with the caret at the
    /// end of the text.
    pub fn start_editing(&mut self, state: &AppState, target: EditTarget) {
        self.open_editor(state, target, false);
    }

    /// Starts editing a placeholder text in place (a new stage's name) with the whole
    /// text selected, so that typing replaces it.
    pub fn start_replacing(&mut self, state: &AppState, target: EditTarget) {
        self.open_editor(state, target, true);
    }

    fn open_editor(&mut self, state: &AppState, target: EditTarget, select_all: bool) {
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
                select_all,
            });
        }
    }

    fn layout_options(&self) -> layout::LayoutOptions {
        layout::LayoutOptions {
            annotations: self.show_annotations,
            notes: self.show_notes,
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

    /// True while a drag (of a card, a stage, a lane, an edge or a rubber band) runs.
    pub fn is_dragging(&self) -> bool {
        self.drag.is_some()
    }

    /// Where the canvas was on screen in the last frame.
    pub fn canvas_rect(&self) -> Option<Rect> {
        self.last_drawn.map(|(rect, _)| rect)
    }

    /// Where `card` was drawn on screen in the last frame, if it was.
    pub fn card_screen_rect(&self, card: CardId) -> Option<Rect> {
        let (canvas, xf) = self.last_drawn?;
        let layout = &self.cache.as_ref()?.layout;
        let geom = layout.cards.iter().find(|c| c.id == card)?;
        let rect = xf * geom.rect;
        canvas.intersects(rect).then_some(rect)
    }

    /// Document units to screen points for a canvas at `rect`. The origin is snapped to
    /// whole pixels so that, at 100%, the canvas shows exactly the pixels an export has.
    pub fn transform(&self, rect: Rect, pixels_per_point: f32) -> TSTransform {
        let origin = (rect.min.to_vec2() + self.pan) * pixels_per_point;
        TSTransform::new(origin.round() / pixels_per_point, self.zoom)
    }

    /// The layout of the current journey, recomputed only when the document, the
    /// journey or the display scale changed.
    fn layout(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        journey: &Journey,
    ) -> Arc<MapLayout> {
        let ppp = ctx.pixels_per_point();
        if let Some(cache) = &self.cache
            && cache.revision == state.revision()
            && cache.journey == journey.id
            && (cache.pixels_per_point - ppp).abs() < f32::EPSILON
            && cache.options == self.layout_options()
        {
            return Arc::clone(&cache.layout);
        }
        // Text heights are measured afresh for each new layout of the document; the
        // previews of a drag (the same texts, one card elsewhere) reuse them.
        self.text_heights.clear();
        let options = self.layout_options();
        let layout = Arc::new(layout::layout_journey_with(
            state.project(),
            journey,
            &MemoText::new(ctx, &mut self.text_heights),
            &options,
        ));
        self.cache = Some(LayoutCache {
            revision: state.revision(),
            journey: journey.id,
            pixels_per_point: ppp,
            options: self.layout_options(),
            layout: Arc::clone(&layout),
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
    navigate::set_wheel_zoom_speed(ui.ctx());
    let rect = ui.available_rect_before_wrap();
    let background = ui.allocate_rect(rect, Sense::click_and_drag());
    background.widget_info(|| WidgetInfo::labeled(Role::Canvas, true, t!("canvas-name")));
    let Some(journey) = state.current_journey() else {
        ui.painter().rect_filled(rect, 0.0, color::BACKGROUND);
        ui.painter().text(
            rect.center(),
            Align2::CENTER_CENTER,
            t!("canvas-no-journey"),
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
    view.refit_if_resized(rect, &base);
    view.handle_requests(rect, &base);
    // The keyboard follows the last click: on the map, the canvas has it; on a window
    // or a panel, that keeps it (keys typed there never edit the map).
    if let Some(pos) = ui.input(|i| {
        i.pointer
            .any_pressed()
            .then(|| i.pointer.interact_pos())
            .flatten()
    }) {
        view.has_keyboard = rect.contains(pos) && ui.ctx().layer_id_at(pos) == Some(ui.layer_id());
    }
    navigate::navigate(ui, &background, rect, view);
    if navigate::auto_scroll(ui, rect, view) {
        ui.ctx().request_repaint();
    }

    // While a drag runs, show the document as it would be after the drag.
    let edit = view
        .drag
        .as_ref()
        .and_then(|d| d.edit.clone())
        .or_else(|| view.settings_preview.clone());
    let options = view.layout_options();
    let fresh = view.preview.as_ref().is_some_and(|p| {
        Some(&p.edit) == edit.as_ref() && p.revision == state.revision() && p.options == options
    });
    if !fresh {
        view.preview = edit.and_then(|edit| {
            let mut project = state.project().clone();
            apply_edit(&mut project, &edit)?;
            let j = project.journey(journey.id).unwrap_or(journey);
            let text = MemoText::new(ui.ctx(), &mut view.text_heights);
            let layout = layout::layout_journey_with(&project, j, &text, &options);
            Some(Preview {
                edit,
                revision: state.revision(),
                options,
                layout: Arc::new(layout),
                project: Arc::new(project),
            })
        });
    }
    let preview = view
        .preview
        .as_ref()
        .map(|p| (Arc::clone(&p.project), Arc::clone(&p.layout)));
    let (project, shown): (&Project, Arc<MapLayout>) = match &preview {
        Some((p, layout)) => (p, Arc::clone(layout)),
        None => (state.project(), Arc::clone(&base)),
    };
    let shown_journey = project.journey(journey.id).unwrap_or(journey);

    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    let xf = view.transform(rect, ui.ctx().pixels_per_point());
    view.last_drawn = Some((rect, xf));
    let paint = PaintOptions {
        avatar: view.avatar,
        lod: true,
        ..PaintOptions::default()
    };
    render::paint_map(&painter, project, shown_journey, &shown, xf, paint);
    let panes = frozen::Panes::new(rect, xf, &shown);
    panes.paint(&painter, project, shown_journey, &shown);
    labels::paint(
        &painter,
        shown_journey,
        &shown,
        rect,
        panes.stage_xf,
        panes.lane_xf,
    );
    view.body = Some(panes.body);

    let ctx = Ctx {
        ui,
        state,
        journey,
        base: &base,
        shown: &shown,
        shown_journey,
        xf,
        clip: panes.body,
        panes,
        id: ui.scope_id().with("canvas").with(journey.id),
    };
    ctx.selection_overlay(&painter);
    view.focus_ring = (view.has_keyboard && view.editing.is_none())
        .then(|| ctx.focus_ring(&painter))
        .flatten();
    ctx.empty_cells(out);
    ctx.interact_items(view, out, actions);
    ctx.background_gestures(&background, view, out, actions);
    ctx.drag_feedback(&painter, view);
    ctx.inline_editor(view, out);
    ctx.keyboard(view, out);
    scrollbars::scrollbars(ui, rect, &base, view, ctx.id);
    if view.show_minimap {
        minimap::minimap(ui, rect, &base, view, ctx.id);
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
    /// Where the map's body (everything but the pinned headers) is seen and clicked.
    clip: Rect,
    /// The header row and title column, pinned or not.
    panes: frozen::Panes,
    id: Id,
}

impl Ctx<'_> {
    /// Screen points to document units.
    fn to_doc(&self, p: Pos2) -> Pos2 {
        self.xf.inverse().mul_pos(p)
    }

    /// Where the pointer is, in document units.
    fn pointer_doc(&self) -> Option<Pos2> {
        self.ui
            .input(|i| i.pointer.interact_pos().or(i.pointer.hover_pos()))
            .map(|p| self.to_doc(p))
    }
}
