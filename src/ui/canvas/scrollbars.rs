//! Scroll bars along the canvas's bottom and right edges: how much of the map is in
//! view and where, along each axis. A bar shows only while the map overflows the canvas
//! along its axis. Dragging a thumb scrolls the map with it; a click on the track beside
//! the thumb scrolls by a canvas-width (or height), as in any desktop editor.

use egui::{Rect, Response, Role, Sense, Ui, WidgetInfo, pos2};

use super::CanvasView;
use crate::layout::MapLayout;
use crate::t;

/// Thickness of a scroll bar, in points.
pub const THICKNESS: f32 = 10.0;
/// The shortest a thumb gets, in points.
const MIN_THUMB: f32 = 24.0;
/// Share of the canvas a click on the track scrolls by.
const PAGE: f32 = 0.9;

/// One axis of the view: where the map and the canvas are along it, on screen.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Axis {
    /// The map's start and end.
    map: (f32, f32),
    /// The canvas's start and end.
    canvas: (f32, f32),
}

impl Axis {
    /// The map does not fit the canvas along this axis.
    fn overflows(self) -> bool {
        self.map.0 < self.canvas.0 - 0.5 || self.map.1 > self.canvas.1 + 0.5
    }

    /// What can be scrolled through: the map, and the canvas where the view is past it.
    fn content(self) -> (f32, f32) {
        (self.map.0.min(self.canvas.0), self.map.1.max(self.canvas.1))
    }

    /// The thumb's start and end on a track from `track.0` to `track.1`.
    fn thumb(self, track: (f32, f32)) -> (f32, f32) {
        let (lo, hi) = self.content();
        let length = track.1 - track.0;
        let span = (hi - lo).max(1.0);
        let mut start = track.0 + (self.canvas.0 - lo) / span * length;
        let mut end = track.0 + (self.canvas.1 - lo) / span * length;
        if end - start < MIN_THUMB {
            // A short thumb is lengthened around its centre, kept on the track.
            let centre = f32::midpoint(start, end);
            let half = MIN_THUMB.min(length) / 2.0;
            start = (centre - half).clamp(track.0, track.1 - 2.0 * half);
            end = start + 2.0 * half;
        }
        (start, end)
    }

    /// How far the map moves on screen when the thumb moves by one point.
    fn map_per_thumb_point(self, track: (f32, f32), thumb: (f32, f32)) -> f32 {
        let (lo, hi) = self.content();
        let travel = (track.1 - track.0) - (thumb.1 - thumb.0);
        let scroll = (hi - lo) - (self.canvas.1 - self.canvas.0);
        if travel <= 0.0 { 0.0 } else { scroll / travel }
    }
}

/// Shows the scroll bars the view needs and scrolls the map when they are used.
/// Returns the responses of the bars shown (horizontal first), for tests.
pub(super) fn scrollbars(
    ui: &Ui,
    canvas: Rect,
    map: &MapLayout,
    view: &mut CanvasView,
    id: egui::Id,
) -> [Option<Response>; 2] {
    let on_screen = Rect::from_min_size(
        canvas.min + view.pan + map.bounds().min.to_vec2() * view.zoom,
        map.bounds().size() * view.zoom,
    );
    let across = Axis {
        map: (on_screen.left(), on_screen.right()),
        canvas: (canvas.left(), canvas.right()),
    };
    let down = Axis {
        map: (on_screen.top(), on_screen.bottom()),
        canvas: (canvas.top(), canvas.bottom()),
    };
    let (show_across, show_down) = (across.overflows(), down.overflows());
    let corner = |shown: bool| if shown { THICKNESS } else { 0.0 };
    let mut out = [None, None];
    if show_across {
        let track = Rect::from_min_max(
            pos2(canvas.left(), canvas.bottom() - THICKNESS),
            pos2(canvas.right() - corner(show_down), canvas.bottom()),
        );
        out[0] = Some(bar(ui, id.with("scroll-x"), track, across, true, view));
    }
    if show_down {
        let track = Rect::from_min_max(
            pos2(canvas.right() - THICKNESS, canvas.top()),
            pos2(canvas.right(), canvas.bottom() - corner(show_across)),
        );
        out[1] = Some(bar(ui, id.with("scroll-y"), track, down, false, view));
    }
    out
}

/// One bar: paints it and moves the view by what was done to it.
fn bar(
    ui: &Ui,
    id: egui::Id,
    track: Rect,
    axis: Axis,
    horizontal: bool,
    view: &mut CanvasView,
) -> Response {
    let along = |r: Rect| {
        if horizontal {
            (r.left(), r.right())
        } else {
            (r.top(), r.bottom())
        }
    };
    let span = along(track);
    let (t0, t1) = axis.thumb(span);
    let thumb = if horizontal {
        Rect::from_x_y_ranges(t0..=t1, track.y_range())
    } else {
        Rect::from_x_y_ranges(track.x_range(), t0..=t1)
    };
    let response = ui.interact(track, id, Sense::click_and_drag());
    response.widget_info(|| {
        WidgetInfo::labeled(
            Role::ScrollBar,
            true,
            if horizontal {
                t!("canvas-scroll-across")
            } else {
                t!("canvas-scroll-down")
            },
        )
    });
    let mut moved = 0.0;
    if response.dragged() {
        let delta = response.drag_delta();
        let by = if horizontal { delta.x } else { delta.y };
        moved = -by * axis.map_per_thumb_point(span, (t0, t1));
    } else if response.clicked()
        && let Some(p) = response.interact_pointer_pos()
    {
        let at = if horizontal { p.x } else { p.y };
        let page = (axis.canvas.1 - axis.canvas.0) * PAGE;
        if at < t0 {
            moved = page;
        } else if at > t1 {
            moved = -page;
        }
    }
    if moved != 0.0 {
        if horizontal {
            view.pan.x += moved;
        } else {
            view.pan.y += moved;
        }
        ui.ctx().request_repaint();
    }
    let visuals = ui.style().interact(&response);
    let painter = ui.painter();
    painter.rect_filled(
        track,
        0.0,
        ui.visuals().extreme_bg_color.gamma_multiply(0.8),
    );
    painter.rect_filled(thumb.shrink(2.0), 3.0, visuals.bg_fill);
    painter.rect_stroke(
        thumb.shrink(2.0),
        3.0,
        visuals.bg_stroke,
        egui::StrokeKind::Inside,
    );
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn axis(map: (f32, f32)) -> Axis {
        Axis {
            map,
            canvas: (0.0, 1000.0),
        }
    }

    #[test]
    fn a_map_inside_the_canvas_needs_no_bar() {
        assert!(!axis((100.0, 900.0)).overflows());
        assert!(axis((-1.0, 900.0)).overflows());
        assert!(axis((0.0, 1001.0)).overflows());
    }

    #[test]
    fn the_thumb_shows_the_share_and_place_of_the_map_in_view() {
        // A map four canvases wide, scrolled to its second quarter.
        let a = axis((-1000.0, 3000.0));
        let (start, end) = a.thumb((0.0, 400.0));
        assert!((start - 100.0).abs() < 1e-3 && (end - 200.0).abs() < 1e-3);
        // Moving the thumb across its whole travel scrolls across the whole map.
        let per = a.map_per_thumb_point((0.0, 400.0), (start, end));
        assert!((per * 300.0 - 3000.0).abs() < 1e-2, "{per}");
    }

    #[test]
    fn a_thumb_never_gets_too_small_to_grab_or_leaves_its_track() {
        let a = axis((-999_000.0, 1000.0));
        let (start, end) = a.thumb((0.0, 400.0));
        assert!((end - start - MIN_THUMB).abs() < 1e-3);
        assert!(end <= 400.0 && start >= 0.0);
    }
}
