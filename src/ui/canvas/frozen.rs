//! Frozen panes: while a zoomed map scrolls, the stage headers stay along the canvas's
//! top edge and the lane titles along its left edge, like the frozen first row and
//! column of a spreadsheet. The pinned copies are painted by the map's own header code
//! ([`render::paint_headers`]) and answer clicks, drags and menus like the originals.

use egui::emath::TSTransform;
use egui::{Painter, Rect, pos2, vec2};

use crate::layout::MapLayout;
use crate::model::{Journey, Project};
use crate::render::{self, Headers};
use crate::theme::{color, size};

/// Where each part of the canvas is this frame: the header row, the title column and
/// the grid under them, each with the transform it is shown with.
#[derive(Clone, Copy, Debug)]
pub(super) struct Panes {
    /// Document to screen for the stage headers: the map's own transform, or one that
    /// keeps the header row at the canvas's top edge.
    pub stage_xf: TSTransform,
    /// Document to screen for the lane titles: the map's own transform, or one that
    /// keeps the title column at the canvas's left edge.
    pub lane_xf: TSTransform,
    /// Where stage headers may be seen and clicked (not under the pinned titles).
    pub stages: Rect,
    /// Where lane titles may be seen and clicked (not under the pinned headers).
    pub lanes: Rect,
    /// Where the rest of the map may be seen and clicked.
    pub body: Rect,
    /// The header row is pinned (it would have scrolled out above the canvas).
    stages_pinned: bool,
    /// The title column is pinned (it would have scrolled out to the left).
    lanes_pinned: bool,
    canvas: Rect,
    /// The whole map on screen: a band goes no further than the map it covers.
    map: Rect,
}

impl Panes {
    /// The panes of a canvas at `canvas` showing `map` with `xf`.
    pub(super) fn new(canvas: Rect, xf: TSTransform, map: &MapLayout) -> Self {
        let zoom = xf.scaling;
        let grid = map
            .lanes
            .iter()
            .map(|l| l.header.union(l.row))
            .chain(map.stages.iter().map(|s| s.header.union(s.column)))
            .reduce(Rect::union);
        let mut panes = Self {
            stage_xf: xf,
            lane_xf: xf,
            stages: canvas,
            lanes: canvas,
            body: canvas,
            stages_pinned: false,
            lanes_pinned: false,
            canvas,
            map: xf.mul_rect(map.bounds()),
        };
        let Some(grid) = grid.map(|g| xf.mul_rect(g)) else {
            return panes;
        };
        // At a high zoom the pinned bands would cover most of the map: they take at
        // most a third of the canvas, showing the start of each title (which is where
        // lane titles begin; stage headers are never that tall on a usable canvas).
        let row = (size::STAGE_HEADER * zoom).min(canvas.height() / 3.0);
        let column = (size::LANE_HEADER * zoom).min(canvas.width() / 3.0);
        // Pin a header row only while the grid it heads is still in view below it.
        if let Some(top) = map.stages.first().map(|s| s.header.top())
            && xf.mul_pos(pos2(0.0, top)).y < canvas.top()
            && grid.bottom() > canvas.top() + row
        {
            panes.stages_pinned = true;
            panes.stage_xf.translation.y = canvas.top() - top * zoom;
        }
        if let Some(left) = map.lanes.first().map(|l| l.header.left())
            && xf.mul_pos(pos2(left, 0.0)).x < canvas.left()
            && grid.right() > canvas.left() + column
        {
            panes.lanes_pinned = true;
            panes.lane_xf.translation.x = canvas.left() - left * zoom;
        }
        let row = if panes.stages_pinned { row } else { 0.0 };
        let column = if panes.lanes_pinned { column } else { 0.0 };
        panes.stages = Rect::from_min_max(canvas.min + vec2(column, 0.0), canvas.max);
        panes.lanes = Rect::from_min_max(canvas.min + vec2(0.0, row), canvas.max);
        panes.body = Rect::from_min_max(canvas.min + vec2(column, row), canvas.max);
        panes
    }

    /// Paints the pinned header row and title column (and the blank corner where they
    /// meet) over the map already painted.
    pub(super) fn paint(
        &self,
        painter: &Painter,
        project: &Project,
        journey: &Journey,
        map: &MapLayout,
    ) {
        if self.lanes_pinned {
            let band = Rect::from_min_max(
                pos2(self.lanes.left(), self.lanes.top().max(self.map.top())),
                pos2(self.body.left(), self.lanes.bottom().min(self.map.bottom())),
            );
            let band_painter = painter.with_clip_rect(band.intersect(painter.clip_rect()));
            render::paint_headers(
                &band_painter,
                project,
                journey,
                map,
                self.lane_xf,
                Headers::Lanes,
            );
        }
        if self.stages_pinned {
            let band = Rect::from_min_max(
                pos2(self.stages.left().max(self.map.left()), self.stages.top()),
                pos2(self.stages.right().min(self.map.right()), self.body.top()),
            );
            let band_painter = painter.with_clip_rect(band.intersect(painter.clip_rect()));
            render::paint_headers(
                &band_painter,
                project,
                journey,
                map,
                self.stage_xf,
                Headers::Stages,
            );
        }
        if self.stages_pinned && self.lanes_pinned {
            let corner = Rect::from_min_max(self.canvas.min, self.body.min);
            painter.rect_filled(corner, 0.0, color::BACKGROUND);
        }
    }
}
