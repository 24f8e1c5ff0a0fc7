//! The journey canvas: the map painted by [`crate::render`] under the user's pan and
//! zoom, with every stage header, lane header and card announced to AccessKit.

use egui::emath::TSTransform;
use egui::{Rect, Response, Role, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, vec2};

use crate::app::{AppState, Command, Selection};
use crate::layout::{self, MapLayout};
use crate::model::{Journey, JourneyId};
use crate::render::{self, EguiText, PaintOptions};
use crate::theme::color;

/// Zoom limits of the canvas.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.1..=4.0;

/// Pan and zoom of the canvas: view state, never saved into the document.
#[derive(Clone, Debug)]
pub struct CanvasView {
    /// Offset of the map's origin from the canvas's top-left corner, in points.
    pub pan: Vec2,
    /// Points per document unit.
    pub zoom: f32,
    /// The journey the view was last fitted to; a new journey is fitted on first show.
    fitted_for: Option<JourneyId>,
    /// A zoom request from a menu, handled on the next frame.
    pending: Option<ZoomRequest>,
}

/// A zoom requested by an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoomRequest {
    /// Fit the whole map.
    Fit,
    /// 100%, map at the top left.
    Actual,
}

impl Default for CanvasView {
    fn default() -> Self {
        Self {
            pan: Vec2::ZERO,
            zoom: 1.0,
            fitted_for: None,
            pending: None,
        }
    }
}

impl CanvasView {
    /// Asks for a zoom change on the next frame.
    pub fn request(&mut self, request: ZoomRequest) {
        self.pending = Some(request);
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
}

/// Shows the canvas for the current journey and pushes the user's commands.
pub fn canvas_ui(ui: &mut Ui, state: &AppState, view: &mut CanvasView, out: &mut Vec<Command>) {
    let rect = ui.available_rect_before_wrap();
    let background = ui.allocate_rect(rect, Sense::click_and_drag());
    let Some(journey) = state.current_journey() else {
        ui.painter().rect_filled(rect, 0.0, color::BACKGROUND);
        ui.painter().text(
            rect.center(),
            egui::Align2::CENTER_CENTER,
            "This project has no journey.",
            egui::FontId::proportional(16.0),
            color::TEXT_MUTED,
        );
        return;
    };
    let map = layout::layout_journey(&state.project, journey, &EguiText(ui.ctx()));

    if view.fitted_for != Some(journey.id) {
        view.fitted_for = Some(journey.id);
        view.fit(rect, &map, 1.0);
    }
    match view.pending.take() {
        Some(ZoomRequest::Fit) => view.fit(rect, &map, *ZOOM_RANGE.end()),
        Some(ZoomRequest::Actual) => {
            view.zoom = 1.0;
            view.pan = Vec2::ZERO;
        }
        None => {}
    }
    navigate(ui, &background, rect, view);

    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, 0.0, ui.visuals().extreme_bg_color);
    let xf = view.transform(rect, ui.ctx().pixels_per_point());
    render::paint_map(
        &painter,
        &state.project,
        journey,
        &map,
        xf,
        PaintOptions::default(),
    );

    interact_items(ui, journey, &map, xf, rect, state, out);
    if background.clicked() {
        out.push(Command::Select(None));
    }
}

/// Pan with a background drag (primary or middle button) or the scroll wheel; zoom with
/// Ctrl+wheel or a pinch, around the pointer.
fn navigate(ui: &Ui, background: &Response, rect: Rect, view: &mut CanvasView) {
    if background.dragged() {
        view.pan += background.drag_delta();
    }
    if !background.hovered() && !background.dragged() {
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

/// Makes stage headers, lane headers and cards clickable and visible to AccessKit.
fn interact_items(
    ui: &Ui,
    journey: &Journey,
    map: &MapLayout,
    xf: TSTransform,
    clip: Rect,
    state: &AppState,
    out: &mut Vec<Command>,
) {
    let base = ui.scope_id().with("canvas").with(journey.id);
    let selected_stroke = Stroke::new(2.5, color::SELECTION);
    let mut item = |doc_rect: Rect, key: (u8, u64), label: String, selection: Selection| {
        let screen = xf.mul_rect(doc_rect);
        if !clip.intersects(screen) {
            return;
        }
        let response = ui.interact(screen.intersect(clip), base.with(key), Sense::click());
        response.widget_info(|| WidgetInfo::labeled(Role::Button, true, &label));
        if response.clicked() {
            out.push(Command::Select(Some(selection)));
        }
        if state.selection == Some(selection) {
            ui.painter_at(clip)
                .rect_stroke(screen, 4.0, selected_stroke, StrokeKind::Outside);
        }
    };
    for (stage, geom) in journey.stages.iter().zip(&map.stages) {
        let header = Rect::from_min_size(geom.header.min, vec2(geom.header.width(), 46.0));
        item(
            header,
            (0, stage.id.0),
            stage.name.clone(),
            Selection::Stage(stage.id),
        );
    }
    for geom in &map.lanes {
        let lane = &journey.lanes[geom.index];
        item(
            geom.header,
            (1, lane.id.0),
            lane.title.clone(),
            Selection::Lane(lane.id),
        );
    }
    for geom in &map.cards {
        let card = &journey.lanes[geom.lane].cards[geom.card];
        item(
            geom.rect,
            (2, card.id.0),
            card.text.clone(),
            Selection::Card(card.id),
        );
    }
    for curve in &map.curves {
        let lane = &journey.lanes[curve.lane];
        for p in &curve.points {
            let card = &lane.cards[p.card];
            let r = Rect::from_center_size(p.pos, vec2(20.0, 20.0));
            let label = format!("{}: {} ({})", lane.title, card.text, p.score);
            item(r, (3, card.id.0), label, Selection::Card(card.id));
        }
    }
}
