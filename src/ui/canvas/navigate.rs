//! View navigation: pan, zoom, fit, and the zoom and reveal requests made by actions.

use egui::{Key, Pos2, Rect, Response, Ui, Vec2, vec2};

use super::CanvasView;
use crate::app::Selection;
use crate::layout::MapLayout;

/// Zoom limits of the canvas. At 2% a 100-stage map (about 22,000 points wide) fits a
/// 440-pixel canvas, and a 1,000-stage one a 4,400-pixel strip the minimap and the
/// scroll bars find the way around.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.02..=4.0;

/// How much one notch of the mouse wheel zooms with Ctrl held: 10%, so that zooming
/// is gradual (egui's default is about 22% a notch). Pinch zoom on a trackpad follows
/// the fingers and is not affected.
pub const WHEEL_NOTCH_ZOOM: f32 = 1.1;

/// Sets egui's Ctrl+wheel zoom speed so that one wheel notch (one line of scrolling)
/// zooms by [`WHEEL_NOTCH_ZOOM`]. egui spreads a notch over a few frames, so the zoom
/// still moves smoothly; a trackpad's Ctrl+scroll, in points, scales the same way.
pub(super) fn set_wheel_zoom_speed(ctx: &egui::Context) {
    ctx.options_mut(|o| {
        let input = &mut o.input_options;
        let speed = WHEEL_NOTCH_ZOOM.ln() / input.line_scroll_speed.max(1.0);
        if (input.scroll_zoom_speed - speed).abs() > f32::EPSILON {
            input.scroll_zoom_speed = speed;
        }
    });
}

/// A zoom requested by an action.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ZoomRequest {
    /// Fit the whole map.
    Fit,
    /// 100%, map at the top left.
    Actual,
}

/// The view a fit made, and for what canvas size.
#[derive(Clone, Copy, Debug)]
pub(super) struct Fitted {
    max_zoom: f32,
    pan: Vec2,
    zoom: f32,
    canvas: Vec2,
}

impl CanvasView {
    /// Zooms so that the whole map fits `rect` (at most `max_zoom`), centred across.
    pub(super) fn fit(&mut self, rect: Rect, map: &MapLayout, max_zoom: f32) {
        let size = map.size.max(vec2(1.0, 1.0));
        let fit_in = |room: Vec2| {
            (room.x / size.x)
                .min(room.y / size.y)
                .clamp(*ZOOM_RANGE.start(), max_zoom)
        };
        let mut zoom = fit_in(rect.size());
        // So small that the stage names and lane titles are drawn as labels: leave them
        // a gutter above and left of the map, so they do not cover it.
        let gutter = if super::labels::stage_labels_at(zoom) {
            super::labels::GUTTER
        } else {
            Vec2::ZERO
        };
        if gutter != Vec2::ZERO {
            zoom = fit_in(rect.size() - gutter);
        }
        self.zoom = zoom;
        self.pan = vec2(
            gutter.x + ((rect.width() - gutter.x - size.x * zoom) / 2.0).max(0.0),
            gutter.y,
        );
        self.fitted = Some(Fitted {
            max_zoom,
            pan: self.pan,
            zoom,
            canvas: rect.size(),
        });
    }

    /// Fits the map again when the canvas changed size (a side panel shown, hidden or
    /// resized; the window resized) while the view is as the last fit left it. Once the
    /// user has panned or zoomed, the view is theirs and stays.
    pub(super) fn refit_if_resized(&mut self, rect: Rect, map: &MapLayout) {
        let Some(f) = self.fitted else {
            return;
        };
        let moved = (f.pan - self.pan).length() > 1e-3 || (f.zoom - self.zoom).abs() > 1e-6;
        if moved {
            self.fitted = None;
        } else if (f.canvas - rect.size()).length() > 0.5 {
            self.fit(rect, map, f.max_zoom);
        }
    }

    /// Carries out the zoom request and the card to reveal left by the last frame.
    pub(super) fn handle_requests(&mut self, rect: Rect, base: &MapLayout) {
        match self.pending.take() {
            Some(ZoomRequest::Fit) => self.fit(rect, base, *ZOOM_RANGE.end()),
            Some(ZoomRequest::Actual) => {
                self.zoom = 1.0;
                self.pan = Vec2::ZERO;
            }
            None => {}
        }
        if let Some(item) = self.reveal.take()
            && let Some(doc) = item_rect(base, item)
        {
            // Scroll only as far as needed: an item already in view stays where it is;
            // one out of view along an axis is centred along that axis.
            let on_screen = Rect::from_min_size(
                (doc.min.to_vec2() * self.zoom + self.pan).to_pos2(),
                doc.size() * self.zoom,
            );
            // The part of the canvas not under the pinned header row and title column.
            let body = self
                .body
                .filter(|b| rect.contains_rect(*b))
                .map_or(Rect::from_min_size(Pos2::ZERO, rect.size()), |b| {
                    b.translate(-rect.min.to_vec2())
                });
            let view = body.shrink(24.0);
            // A stage header is pinned along the top, so it only scrolls across; a lane
            // title is pinned along the left, so it only scrolls up and down.
            let across = !matches!(item, Selection::Lane(_));
            let down = !matches!(item, Selection::Stage(_));
            if across && (on_screen.left() < view.left() || on_screen.right() > view.right()) {
                self.pan.x = body.center().x - doc.center().x * self.zoom;
            }
            if down && (on_screen.top() < view.top() || on_screen.bottom() > view.bottom()) {
                self.pan.y = body.center().y - doc.center().y * self.zoom;
            }
        }
    }
}

/// Where an item is on the map, in document units.
fn item_rect(map: &MapLayout, item: Selection) -> Option<Rect> {
    match item {
        Selection::Card(card) => map
            .cards
            .iter()
            .find(|g| g.id == card)
            .map(|g| g.rect)
            .or_else(|| {
                map.curves
                    .iter()
                    .flat_map(|c| &c.points)
                    .find(|p| p.card_id == card)
                    .map(|p| Rect::from_center_size(p.pos, vec2(12.0, 12.0)))
            }),
        Selection::Stage(id) => map.stages.iter().find(|g| g.id == id).map(|g| g.header),
        Selection::Lane(id) => map.lanes.iter().find(|g| g.id == id).map(|g| g.header),
        Selection::Annotation(id) => map.annotations.iter().find(|g| g.id == id).map(|g| g.rect),
        Selection::Cell { lane, stage } => super::items::cell_rect(map, lane, stage),
    }
}

/// Pan with a background drag (primary or middle button), Space+drag or the scroll
/// wheel; zoom with Ctrl+wheel (in steps of [`WHEEL_NOTCH_ZOOM`]) or a pinch, around
/// the pointer.
pub(super) fn navigate(ui: &Ui, background: &Response, rect: Rect, view: &mut CanvasView) {
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

/// How close to the canvas's edge, in points, a drag starts scrolling the map.
const AUTO_SCROLL_MARGIN: f32 = 40.0;

/// The fastest auto-scroll, in points a frame (with the pointer on the edge or past it).
const AUTO_SCROLL_SPEED: f32 = 24.0;

/// While a stage, lane or card (or a rubber band) is dragged with the pointer near the
/// canvas's edge, the map scrolls that way, faster the nearer the edge: a stage is
/// carried from the end of a long map to its start in one gesture. Returns true while
/// it scrolls (the caller asks for another frame).
pub(super) fn auto_scroll(ui: &Ui, rect: Rect, view: &mut CanvasView) -> bool {
    let scrolls = view.drag.as_ref().is_some_and(|d| {
        matches!(
            d.kind,
            super::drag::DragKind::Stage(_)
                | super::drag::DragKind::Lane(_)
                | super::drag::DragKind::Card(_)
                | super::drag::DragKind::RubberBand(_)
        )
    });
    let pointer = ui.input(|i| {
        i.pointer
            .primary_down()
            .then(|| i.pointer.latest_pos())
            .flatten()
    });
    let (true, Some(p)) = (scrolls, pointer) else {
        return false;
    };
    let speed = |inside: f32| {
        ((AUTO_SCROLL_MARGIN - inside) / AUTO_SCROLL_MARGIN).clamp(0.0, 1.0) * AUTO_SCROLL_SPEED
    };
    let step = vec2(
        speed(p.x - rect.left()) - speed(rect.right() - p.x),
        speed(p.y - rect.top()) - speed(rect.bottom() - p.y),
    );
    if step == Vec2::ZERO {
        return false;
    }
    view.pan += step;
    true
}
