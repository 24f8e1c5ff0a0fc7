//! Level of detail for a zoomed-out map: once the stage names and lane titles drawn by
//! the map itself are too small to read, they are drawn again over the map at a
//! readable size, so a whole 100-stage journey fitted to the canvas is never a textless
//! grid. Where stages are too narrow for their names, their numbers are shown, as many
//! as fit without overlapping (like the labels of a chart's axis); where lanes are too
//! thin for their titles, the titles are stacked beside the map with leader lines.

use egui::emath::TSTransform;
use egui::text::{LayoutJob, TextWrapping};
use egui::{Align2, FontId, Painter, Rect, pos2, vec2};

use crate::layout::MapLayout;
use crate::model::Journey;
use crate::theme::{color, font};

/// The map's own header text smaller than this many pixels is replaced by labels.
pub const LABEL_MIN_PX: f32 = 9.0;
/// Size of the labels drawn instead, in pixels.
pub const LABEL_PX: f32 = 12.0;
/// A label's padding inside its chip.
const PAD: f32 = 3.0;
/// A label's padding above and below its text.
const PAD_Y: f32 = 1.5;
/// How far left of its row a displaced lane title ends, for its leader line.
const LEADER: f32 = 14.0;
/// The widest a lane title's label may be, in pixels.
const LANE_LABEL_MAX: f32 = 130.0;
/// Room a fitted map leaves for the labels: a column at its left for the lane titles,
/// a row above it for the stage names.
pub(super) const GUTTER: egui::Vec2 =
    egui::vec2(LANE_LABEL_MAX + 4.0, LABEL_PX + 4.0 * PAD_Y + 4.0);
/// Narrower stages than this show their number rather than their name.
const NAME_MIN_WIDTH: f32 = 44.0;

/// Whether the stage names of a map shown at `zoom` are drawn as labels.
pub fn stage_labels_at(zoom: f32) -> bool {
    font::STAGE * zoom < LABEL_MIN_PX
}

/// Whether the lane titles of a map shown at `zoom` are drawn as labels.
pub fn lane_labels_at(zoom: f32) -> bool {
    font::LANE * zoom < LABEL_MIN_PX
}

/// Paints the labels a map at this zoom needs over `canvas`. `stage_xf` and `lane_xf`
/// place the header row and the title column (pinned or not).
pub(super) fn paint(
    painter: &Painter,
    journey: &Journey,
    map: &MapLayout,
    canvas: Rect,
    stage_xf: TSTransform,
    lane_xf: TSTransform,
) {
    if stage_labels_at(stage_xf.scaling) {
        stage_labels(painter, journey, map, canvas, stage_xf);
    }
    if lane_labels_at(lane_xf.scaling) {
        lane_labels(painter, journey, map, canvas, lane_xf);
    }
}

fn stage_labels(
    painter: &Painter,
    journey: &Journey,
    map: &MapLayout,
    canvas: Rect,
    xf: TSTransform,
) {
    let font = FontId::proportional(LABEL_PX);
    // Right edge of the last label drawn: a label that would overlap it is left out.
    let mut free_from = f32::NEG_INFINITY;
    for (index, (geom, stage)) in map.stages.iter().zip(&journey.stages).enumerate() {
        let header = xf.mul_rect(geom.header);
        if header.right() < canvas.left() || header.left() > canvas.right() {
            continue;
        }
        let room = header.width() - 2.0 * PAD;
        let text = if room >= NAME_MIN_WIDTH && !stage.name.trim().is_empty() {
            stage.name.clone()
        } else {
            (index + 1).to_string()
        };
        let galley = painter.layout_job(single_line(
            &text,
            font.clone(),
            room.max(NAME_MIN_WIDTH),
            color::STAGE_TEXT,
        ));
        let size = galley.size() + vec2(2.0 * PAD, 2.0 * PAD_Y);
        // In the header where it is tall enough, else just above it (over the map's
        // title, or in the gutter a fitted map leaves), never off the canvas.
        let centre_y = if header.height() >= size.y {
            header.center().y
        } else {
            header.bottom() - size.y / 2.0 - (size.y - header.height()).min(size.y)
        }
        .clamp(canvas.top() + size.y / 2.0, canvas.bottom() - size.y / 2.0);
        let chip = Rect::from_center_size(pos2(header.center().x, centre_y), size);
        if chip.left() < free_from {
            continue;
        }
        free_from = chip.right() + PAD;
        painter.rect_filled(chip, 3.0, color::STAGE_HEADER);
        painter.galley(chip.min + vec2(PAD, PAD_Y), galley, color::STAGE_TEXT);
    }
}

fn lane_labels(
    painter: &Painter,
    journey: &Journey,
    map: &MapLayout,
    canvas: Rect,
    xf: TSTransform,
) {
    let font = FontId::proportional(LABEL_PX);
    // Bottom edge of the last label drawn.
    let mut free_from = f32::NEG_INFINITY;
    for geom in &map.lanes {
        let Some(lane) = journey.lanes.get(geom.index) else {
            continue;
        };
        let header = xf.mul_rect(geom.header);
        if header.bottom() < canvas.top() || header.top() > canvas.bottom() {
            continue;
        }
        let galley = painter.layout_job(single_line(
            &lane.title,
            font.clone(),
            LANE_LABEL_MAX - 2.0 * PAD,
            color::TEXT,
        ));
        let size = galley.size() + vec2(2.0 * PAD, 2.0 * PAD_Y);
        // In the title column where it is wide enough, else ending at its right edge
        // (in the gutter a fitted map leaves), never off the canvas.
        let left = if header.width() >= size.x + 4.0 {
            header.left() + 2.0
        } else {
            header.right() - size.x
        }
        .max(canvas.left() + 2.0);
        // Rows thinner than their labels push the labels down, stacked in order, each
        // with a leader line to its row: every title is drawn, none over another.
        let top = (header.center().y - size.y / 2.0).max(free_from);
        if top > canvas.bottom() {
            break;
        }
        let mut chip = Rect::from_min_size(pos2(left, top), size);
        let displaced = (chip.center().y - header.center().y).abs() > 2.0;
        if displaced {
            chip = chip.translate(vec2(
                (header.right() - LEADER - chip.right())
                    .min(0.0)
                    .max(canvas.left() + 2.0 - chip.left()),
                0.0,
            ));
        }
        free_from = chip.bottom() + 1.0;
        if displaced {
            let row = pos2(header.right(), header.center().y);
            painter.line_segment(
                [pos2(chip.right(), chip.center().y), row],
                egui::Stroke::new(1.0, color::TEXT_MUTED),
            );
            painter.circle_filled(row, 1.5, color::TEXT_MUTED);
        }
        painter.rect_filled(chip, 3.0, color::LANE_HEADER);
        painter.rect_stroke(
            chip,
            3.0,
            egui::Stroke::new(1.0, color::GRID),
            egui::StrokeKind::Inside,
        );
        painter.galley(chip.min + vec2(PAD, PAD_Y), galley, color::TEXT);
    }
}

/// One line of `text`, cut with an ellipsis at `width`.
fn single_line(text: &str, font: FontId, width: f32, text_color: egui::Color32) -> LayoutJob {
    let mut job = LayoutJob::simple_singleline(text.to_owned(), font, text_color);
    job.wrap = TextWrapping::truncate_at_width(width);
    job.halign = Align2::LEFT_TOP.x();
    job
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_take_over_where_the_maps_own_header_text_gets_too_small() {
        assert!(!stage_labels_at(1.0));
        assert!(!lane_labels_at(1.0));
        assert!(stage_labels_at(0.5), "15-point names are 7.5 px at 50%");
        assert!(lane_labels_at(0.5));
        assert!(!stage_labels_at(0.7), "10.5 px is still drawn by the map");
    }
}
