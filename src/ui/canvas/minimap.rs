//! The minimap: the whole journey in miniature in the canvas's bottom-right corner, with
//! the part in view outlined. A click or a drag on it moves the view there, so a
//! 60-stage map is crossed in one gesture and the user always sees where they are.

use egui::{Rect, Response, Role, Sense, Stroke, StrokeKind, Ui, Vec2, WidgetInfo, vec2};

use super::CanvasView;
use crate::layout::MapLayout;
use crate::t;
use crate::theme::color;

/// The largest size of the minimap, in points.
const MAX_SIZE: Vec2 = Vec2::new(240.0, 150.0);

/// Gap between the minimap and the canvas's edges, in points (clear of the scroll bars).
const INSET: f32 = 12.0 + super::scrollbars::THICKNESS;

/// Maps with more cards than this show their stages and lanes only in the minimap.
const MAX_CARDS: usize = 3_000;

/// Where the minimap of `map` goes on a canvas at `canvas`, and its scale (points per
/// document unit).
fn placement(canvas: Rect, map: &MapLayout) -> Option<(Rect, f32)> {
    let bounds = map.bounds();
    if bounds.width() < 1.0 || bounds.height() < 1.0 {
        return None;
    }
    let room = MAX_SIZE.min(canvas.size() / 3.0);
    let scale = (room.x / bounds.width()).min(room.y / bounds.height());
    let size = bounds.size() * scale;
    let rect = Rect::from_min_size(canvas.max - size - vec2(INSET, INSET), size);
    Some((rect, scale))
}

/// Shows the minimap over the canvas and moves the view where it is clicked or dragged.
/// Returns its response, for its accessible name and tests.
pub(super) fn minimap(
    ui: &Ui,
    canvas: Rect,
    map: &MapLayout,
    view: &mut CanvasView,
    id: egui::Id,
) -> Option<Response> {
    let (rect, scale) = placement(canvas, map)?;
    let origin = map.bounds().min;
    let to_mini =
        |r: Rect| Rect::from_min_size(rect.min + (r.min - origin) * scale, r.size() * scale);
    let response = ui.interact(rect, id.with("minimap"), Sense::click_and_drag());
    response.widget_info(|| WidgetInfo::labeled(Role::Image, true, t!("minimap-name")));
    if let Some(p) = response.interact_pointer_pos()
        && (response.clicked() || response.dragged())
    {
        // The document point under the pointer goes to the canvas's centre.
        let doc = origin + (p - rect.min) / scale;
        view.pan = canvas.size() / 2.0 - doc.to_vec2() * view.zoom;
    }
    let painter = ui.painter().with_clip_rect(rect.expand(2.0));
    painter.rect_filled(rect, 3.0, color::MINIMAP_BACKGROUND);
    for (i, lane) in map.lanes.iter().enumerate() {
        if i % 2 == 1 {
            painter.rect_filled(to_mini(lane.row), 0.0, color::ROW_TINT);
        }
    }
    for stage in &map.stages {
        painter.rect_filled(to_mini(stage.header), 0.0, color::STAGE_HEADER);
    }
    if map.cards.len() <= MAX_CARDS {
        for card in &map.cards {
            painter.rect_filled(to_mini(card.rect), 0.0, color::MINIMAP_CARD);
        }
    }
    painter.rect_stroke(
        rect,
        3.0,
        Stroke::new(1.0, color::MINIMAP_FRAME),
        StrokeKind::Outside,
    );
    // The part of the map in view.
    let seen = Rect::from_min_size((-view.pan / view.zoom).to_pos2(), canvas.size() / view.zoom);
    painter.rect_stroke(
        to_mini(seen).intersect(rect),
        0.0,
        Stroke::new(2.0, color::SELECTION),
        StrokeKind::Inside,
    );
    Some(response)
}
