//! Document to geometry: where every stage, lane, card and curve point sits, in document
//! units (points at 100% zoom). Pure and deterministic: the canvas, the exporter, hit
//! testing and the tests all use the same numbers.

mod curve;
pub mod spotlight;

use std::collections::HashMap;

pub use curve::monotone_curve;

use egui::{Pos2, Rect, Vec2, pos2, vec2};

use crate::analysis;
use crate::model::{Anchor, AnnotationId, CardId, Journey, LaneId, LaneKind, Project, StageId};
use crate::theme::{font, size};

/// Measures wrapped text. The GUI and exporter measure with egui's fonts; tests may use
/// [`ApproxText`].
pub trait TextMeasure {
    /// Height of `text` at `font_size`, wrapped to `wrap_width`.
    fn text_height(&self, text: &str, font_size: f32, wrap_width: f32) -> f32;
}

/// A font-free estimate (average glyph width 0.55 em, line height 1.3 em): good enough
/// for tests of layout logic.
pub struct ApproxText;

impl TextMeasure for ApproxText {
    fn text_height(&self, text: &str, font_size: f32, wrap_width: f32) -> f32 {
        let per_line = (wrap_width / (font_size * 0.55)).floor().max(1.0) as usize;
        let lines: usize = text
            .split('\n')
            .map(|l| l.chars().count().div_ceil(per_line).max(1))
            .sum();
        lines as f32 * font_size * 1.3
    }
}

/// A laid-out journey.
#[derive(Clone, Debug, PartialEq)]
pub struct MapLayout {
    /// Size of the whole map, margins included.
    pub size: Vec2,
    /// The title block above the grid (`Rect::NOTHING` when there is none).
    pub title: Rect,
    /// Whether the title block shows the journey title and description.
    pub show_title: bool,
    /// Whether the title block shows the persona card.
    pub show_persona: bool,
    /// The legend strip below the grid (`Rect::NOTHING` when there is none).
    pub legend: Rect,
    /// Stage columns, in order.
    pub stages: Vec<StageGeom>,
    /// Lane rows, in order.
    pub lanes: Vec<LaneGeom>,
    /// Card boxes (every lane kind but emotion).
    pub cards: Vec<CardGeom>,
    /// Emotion curves, one per emotion lane.
    pub curves: Vec<CurveGeom>,
    /// Lines of visibility (between a front-stage lane and the back-stage lane below it).
    pub visibility_lines: Vec<f32>,
    /// Annotation pills.
    pub annotations: Vec<AnnotationGeom>,
    /// Per stage, the roll-up of its micro journeys (none for a stage without any).
    pub rollups: Vec<Option<analysis::Rollup>>,
}

impl Default for MapLayout {
    fn default() -> Self {
        Self {
            size: Vec2::ZERO,
            title: Rect::NOTHING,
            show_title: false,
            show_persona: false,
            legend: Rect::NOTHING,
            stages: Vec::new(),
            lanes: Vec::new(),
            cards: Vec::new(),
            curves: Vec::new(),
            visibility_lines: Vec::new(),
            annotations: Vec::new(),
            rollups: Vec::new(),
        }
    }
}

/// Geometry of one stage.
#[derive(Clone, Debug, PartialEq)]
pub struct StageGeom {
    /// The stage.
    pub id: StageId,
    /// The header box.
    pub header: Rect,
    /// The whole column below the header, through every lane.
    pub column: Rect,
    /// The badge counting the stage's micro journeys, in the header's corner.
    pub badge: Option<Rect>,
    /// The roll-up of its micro journeys, under the stage name.
    pub rollup: Option<Rect>,
}

/// Height of a stage's roll-up box (two lines of small text).
pub const ROLLUP_HEIGHT: f32 = 40.0;
/// Size of a stage's micro-journey badge.
pub const BADGE_SIZE: Vec2 = Vec2::new(30.0, 18.0);

/// Geometry of one lane.
#[derive(Clone, Debug, PartialEq)]
pub struct LaneGeom {
    /// The lane.
    pub id: LaneId,
    /// Index of the lane in the journey.
    pub index: usize,
    /// The header box at the left.
    pub header: Rect,
    /// The row right of the header, through every stage.
    pub row: Rect,
}

/// Geometry of one card.
#[derive(Clone, Debug, PartialEq)]
pub struct CardGeom {
    /// The card.
    pub id: CardId,
    /// Index of its lane in the journey.
    pub lane: usize,
    /// Index of the card in its lane.
    pub card: usize,
    /// Index of its stage in the journey.
    pub stage: usize,
    /// The card's box.
    pub rect: Rect,
    /// Where its text goes (wrapped to this width).
    pub text: Rect,
}

/// One point of an emotion curve.
#[derive(Clone, Debug, PartialEq)]
pub struct CurvePoint {
    /// The emotion card behind the point.
    pub card_id: CardId,
    /// Index of the card in its lane.
    pub card: usize,
    /// Index of its stage.
    pub stage: usize,
    /// Centre of the point.
    pub pos: Pos2,
    /// The score shown.
    pub score: f32,
    /// Score normalised to 0 (most negative) ..= 1 (most positive).
    pub t: f32,
    /// True for the lowest points of the curve: the pain points.
    pub lowest: bool,
}

/// Geometry of one emotion curve.
#[derive(Clone, Debug, PartialEq)]
pub struct CurveGeom {
    /// Index of the emotion lane it is drawn in.
    pub lane: usize,
    /// Index of the lane whose cards it shows (the same lane, or a compared one).
    pub source: usize,
    /// 0 for the lane's own curve, 1.. for compared lanes (drawn in series colours).
    pub series: usize,
    /// Points left to right.
    pub points: Vec<CurvePoint>,
    /// The smooth curve through the points, sampled densely.
    pub path: Vec<Pos2>,
    /// The y of the neutral score.
    pub neutral_y: f32,
    /// The y range the scale spans: (most positive, most negative).
    pub y_range: (f32, f32),
}

/// Geometry of one annotation pill.
#[derive(Clone, Debug, PartialEq)]
pub struct AnnotationGeom {
    /// The annotation.
    pub id: AnnotationId,
    /// Index in the journey's annotations.
    pub index: usize,
    /// The pill: marker, title and (when notes are shown) note.
    pub rect: Rect,
    /// Where the measured change and the whole title go, wrapped to this width.
    pub title: Rect,
    /// Where the note goes, when notes are shown and the annotation has one.
    pub note: Option<Rect>,
}

/// Height of an annotation pill with a one-line title and no note.
pub const PILL_HEIGHT: f32 = 20.0;
const PILL_GAP: f32 = 3.0;
/// Room left of a pill's text for its marker.
pub const PILL_TEXT_LEFT: f32 = 22.0;
/// Room right of a pill's text.
const PILL_TEXT_RIGHT: f32 = 6.0;
/// Room above and below a pill's text.
const PILL_PAD: f32 = 3.0;
/// Space between a pill's title and its note.
const PILL_NOTE_GAP: f32 = 2.0;

/// The text of an annotation's pill in the map's language: its measured change first,
/// then its whole title, e.g. "NEV +30 · Engineer texts 30 min before arrival". Layout
/// sizes the pill with the same text the painter draws.
pub fn annotation_label(lang: crate::i18n::Language, a: &crate::model::Annotation) -> String {
    crate::i18n::labels::annotation_summary(lang, a)
}

/// The text boxes of one pill `width` wide, relative to its top-left corner: the title
/// and the note (if shown), and the pill's height.
fn pill_boxes(
    lang: crate::i18n::Language,
    a: &crate::model::Annotation,
    width: f32,
    notes: bool,
    text: &dyn TextMeasure,
) -> (Rect, Option<Rect>, f32) {
    let text_w = (width - PILL_TEXT_LEFT - PILL_TEXT_RIGHT).max(1.0);
    let title_h = text.text_height(&annotation_label(lang, a), font::SMALL, text_w);
    // A one-line title sits in the middle of a pill of the usual height.
    let title_part = PILL_HEIGHT.max(title_h + 2.0 * PILL_PAD);
    let title = Rect::from_min_size(
        pos2(PILL_TEXT_LEFT, (title_part - title_h) / 2.0),
        vec2(text_w, title_h),
    );
    if notes && !a.note.trim().is_empty() {
        let note_h = text.text_height(&a.note, font::SMALL, text_w);
        let top = title.bottom() + PILL_NOTE_GAP;
        let note = Rect::from_min_size(pos2(PILL_TEXT_LEFT, top), vec2(text_w, note_h));
        (title, Some(note), note.bottom() + PILL_PAD)
    } else {
        (title, None, title_part)
    }
}

/// Lays out one journey of a project.
pub fn layout_journey(project: &Project, journey: &Journey, text: &dyn TextMeasure) -> MapLayout {
    layout_journey_with(project, journey, text, &LayoutOptions::default())
}

/// Which optional parts of the map to lay out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LayoutOptions {
    /// The title block: journey title and description.
    pub title: bool,
    /// The persona card in the title block.
    pub persona: bool,
    /// The legend strip below the grid.
    pub legend: bool,
    /// Accelerator and blocker pills.
    pub annotations: bool,
    /// The notes of accelerators and blockers, under their titles in the pills.
    pub notes: bool,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        Self {
            title: true,
            persona: true,
            legend: true,
            annotations: true,
            notes: false,
        }
    }
}

/// Height of the legend strip.
pub const LEGEND_HEIGHT: f32 = 40.0;

/// Lays out one journey with the given optional parts.
pub fn layout_journey_with(
    project: &Project,
    journey: &Journey,
    text: &dyn TextMeasure,
    options: &LayoutOptions,
) -> MapLayout {
    let m = size::MARGIN;
    let left = m + size::LANE_HEADER;
    let scale = project.settings.emotion_scale;
    let lang = crate::i18n::Language::of_map(project);

    // Annotations per anchor, so that their pills can reserve room. A pill is as wide as
    // its stage header or card, and as tall as its whole wrapped title (and note).
    let mut stage_pills = vec![0.0f32; journey.stages.len()];
    let mut card_pills: HashMap<CardId, f32> = HashMap::default();
    let annotations: &[crate::model::Annotation] = if options.annotations {
        &journey.annotations
    } else {
        &[]
    };
    let stage_width = |id: StageId| {
        journey.stage(id).map_or(size::MIN_STAGE_WIDTH, |s| {
            s.width.max(size::MIN_STAGE_WIDTH)
        })
    };
    let pills: Vec<Option<(Rect, Option<Rect>, f32)>> = annotations
        .iter()
        .map(|a| {
            let width = match a.anchor {
                Anchor::Stage(s) => stage_width(s) - 8.0,
                Anchor::Card(c) => {
                    let (_, card) = journey.card(c)?;
                    stage_width(card.stage) - 2.0 * size::CELL_PAD - 8.0
                }
            };
            Some(pill_boxes(lang, a, width, options.notes, text))
        })
        .collect();
    for (a, pill) in annotations.iter().zip(&pills) {
        let Some((_, _, h)) = pill else { continue };
        match a.anchor {
            Anchor::Stage(s) => {
                if let Some(i) = journey.stages.iter().position(|st| st.id == s) {
                    stage_pills[i] += h + PILL_GAP;
                }
            }
            Anchor::Card(c) => *card_pills.entry(c).or_default() += h + PILL_GAP,
        }
    }
    let rollups = analysis::rollups(project, journey);
    let rollup_heights: Vec<f32> = (0..journey.stages.len())
        .map(|i| {
            if rollups.get(i).is_some_and(Option::is_some) {
                ROLLUP_HEIGHT + PILL_GAP
            } else {
                0.0
            }
        })
        .collect();
    let rollup_height = |i: usize| rollup_heights.get(i).copied().unwrap_or(0.0);
    let header_height = size::STAGE_HEADER
        + (0..journey.stages.len())
            .map(|i| rollup_height(i) + stage_pills[i])
            .fold(0.0, f32::max);

    let has_persona = options.persona && journey.persona.and_then(|p| project.persona(p)).is_some();
    let title_block = if options.title || has_persona {
        size::TITLE_BLOCK
    } else {
        0.0
    };
    let top = m + title_block;
    let grid_top = top + header_height;

    // Columns.
    let mut x = left;
    let mut stage_x = Vec::with_capacity(journey.stages.len());
    for s in &journey.stages {
        let w = s.width.max(size::MIN_STAGE_WIDTH);
        stage_x.push((x, w));
        x += w;
    }
    let right = x;
    let stage_index: HashMap<StageId, usize> = journey
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();

    let mut out = MapLayout::default();
    let mut y = grid_top;
    for (li, lane) in journey.lanes.iter().enumerate() {
        let row_top = y;
        let height = if lane.collapsed {
            size::COLLAPSED_LANE
        } else if let LaneKind::Emotion { .. } = lane.kind {
            lane.height.max(size::MIN_LANE_HEIGHT)
        } else {
            // Stack the cards of each cell; the tallest cell sets the row height.
            let mut cell_y = vec![row_top + size::CELL_PAD; journey.stages.len()];
            for (ci, card) in lane.cards.iter().enumerate() {
                let Some(&si) = stage_index.get(&card.stage) else {
                    continue;
                };
                let (sx, sw) = stage_x[si];
                let card_w = sw - 2.0 * size::CELL_PAD;
                let text_w = card_w - 2.0 * size::CARD_PAD;
                let mut h = 2.0 * size::CARD_PAD;
                let mut text_top = cell_y[si] + size::CARD_PAD;
                match lane.kind {
                    LaneKind::Touchpoints => {
                        h += size::CHIP_ROW;
                        text_top += size::CHIP_ROW;
                    }
                    LaneKind::Measures(_) => {
                        h += size::MEASURE_VALUE;
                        text_top += size::MEASURE_VALUE;
                    }
                    _ => {}
                }
                let text_h = if card.text.is_empty() {
                    font::CARD * 1.3
                } else {
                    text.text_height(&card.text, font::CARD, text_w)
                };
                h += text_h;
                // A row of actor chips under the text (Mermaid's task actors).
                if !card.actors.is_empty() {
                    h += size::CHIP_ROW;
                }
                h += card_pills.get(&card.id).copied().unwrap_or(0.0);
                let rect =
                    Rect::from_min_size(pos2(sx + size::CELL_PAD, cell_y[si]), vec2(card_w, h));
                let text_rect = Rect::from_min_size(
                    pos2(sx + size::CELL_PAD + size::CARD_PAD, text_top),
                    vec2(text_w, text_h),
                );
                out.cards.push(CardGeom {
                    id: card.id,
                    lane: li,
                    card: ci,
                    stage: si,
                    rect,
                    text: text_rect,
                });
                cell_y[si] += h + size::CARD_GAP;
            }
            let needed = cell_y
                .iter()
                .map(|cy| cy - row_top - size::CARD_GAP + size::CELL_PAD)
                .fold(0.0f32, f32::max);
            lane.height.max(size::MIN_LANE_HEIGHT).max(needed)
        };
        let row = Rect::from_min_max(pos2(left, row_top), pos2(right, row_top + height));
        out.lanes.push(LaneGeom {
            id: lane.id,
            index: li,
            header: Rect::from_min_max(pos2(m, row_top), pos2(left, row_top + height)),
            row,
        });

        if let LaneKind::Emotion { compare, .. } = &lane.kind
            && !lane.collapsed
        {
            let y_top = row.top() + size::EMOTION_PAD;
            let y_bottom = row.bottom() - size::EMOTION_PAD;
            // This lane's own curve first, then the lanes it is compared with, each drawn
            // in this lane's rectangle.
            let sources = std::iter::once(li).chain(
                compare
                    .iter()
                    .filter_map(|id| journey.lanes.iter().position(|l| l.id == *id))
                    .filter(|&i| i != li),
            );
            for (series, source) in sources.enumerate() {
                out.curves.push(emotion_curve(
                    journey,
                    &journey.lanes[source],
                    &stage_index,
                    &stage_x,
                    scale,
                    (y_top, y_bottom),
                    CurveIds {
                        lane: li,
                        source,
                        series,
                    },
                ));
            }
        }
        y += height;
    }
    let bottom = y;

    // A line of visibility wherever a front-stage lane sits directly above a back stage.
    for pair in journey.lanes.windows(2).zip(out.lanes.windows(2)) {
        if pair.0[0].kind == LaneKind::FrontStage && pair.0[1].kind == LaneKind::BackStage {
            out.visibility_lines.push(pair.1[0].row.bottom());
        }
    }

    for (i, s) in journey.stages.iter().enumerate() {
        let (sx, sw) = stage_x[i];
        let has_rollup = rollups.get(i).is_some_and(Option::is_some);
        out.stages.push(StageGeom {
            id: s.id,
            header: Rect::from_min_max(pos2(sx, top), pos2(sx + sw, grid_top)),
            column: Rect::from_min_max(pos2(sx, grid_top), pos2(sx + sw, bottom)),
            badge: has_rollup.then(|| {
                Rect::from_min_size(pos2(sx + sw - 6.0 - BADGE_SIZE.x, top + 5.0), BADGE_SIZE)
            }),
            rollup: has_rollup.then(|| {
                Rect::from_min_size(
                    pos2(sx + 4.0, top + size::STAGE_HEADER - 3.0),
                    vec2(sw - 8.0, ROLLUP_HEIGHT),
                )
            }),
        });
    }
    out.rollups = rollups;

    // Annotation pills: under the stage name, or at the bottom of the card, stacked in
    // the journey's order.
    let mut stage_used = vec![0.0f32; journey.stages.len()];
    let mut card_used: HashMap<CardId, f32> = HashMap::default();
    for (index, (a, pill)) in annotations.iter().zip(&pills).enumerate() {
        let Some((title, note, h)) = *pill else {
            continue;
        };
        let top_left = match a.anchor {
            Anchor::Stage(s) => stage_index.get(&s).map(|&si| {
                let header = out.stages[si].header;
                let y = header.top() + size::STAGE_HEADER + rollup_height(si) + stage_used[si];
                stage_used[si] += h + PILL_GAP;
                (pos2(header.left() + 4.0, y), header.width() - 8.0)
            }),
            Anchor::Card(c) => out.cards.iter().find(|g| g.id == c).map(|g| {
                let total = card_pills.get(&c).copied().unwrap_or(0.0);
                let used = card_used.entry(c).or_default();
                let y = g.rect.bottom() - size::CARD_PAD + PILL_GAP - total + *used;
                *used += h + PILL_GAP;
                (pos2(g.rect.left() + 4.0, y), g.rect.width() - 8.0)
            }),
        };
        if let Some((min, width)) = top_left {
            let offset = min.to_vec2();
            out.annotations.push(AnnotationGeom {
                id: a.id,
                index,
                rect: Rect::from_min_size(min, vec2(width, h)),
                title: title.translate(offset),
                note: note.map(|n| n.translate(offset)),
            });
        }
    }

    let map_right = right.max(left + 400.0);
    out.title = if title_block > 0.0 {
        Rect::from_min_max(pos2(m, m), pos2(map_right, top - 8.0))
    } else {
        Rect::NOTHING
    };
    out.show_title = options.title;
    out.show_persona = has_persona;
    let mut bottom = bottom;
    if options.legend {
        out.legend =
            Rect::from_min_size(pos2(m, bottom + 12.0), vec2(map_right - m, LEGEND_HEIGHT));
        bottom = out.legend.bottom();
    }
    out.size = vec2(map_right + m, bottom + m);
    out
}

/// Where a curve is drawn and what it shows.
#[derive(Clone, Copy)]
struct CurveIds {
    lane: usize,
    source: usize,
    series: usize,
}

/// The curve of one emotion lane's cards, in the vertical range `y` of the lane where it
/// is drawn.
fn emotion_curve(
    journey: &Journey,
    source: &crate::model::Lane,
    stage_index: &HashMap<StageId, usize>,
    stage_x: &[(f32, f32)],
    scale: crate::model::EmotionScale,
    (y_top, y_bottom): (f32, f32),
    ids: CurveIds,
) -> CurveGeom {
    let y_of = |t: f32| y_bottom + (y_top - y_bottom) * t;
    let mut per_stage = vec![0usize; journey.stages.len()];
    for card in &source.cards {
        if let Some(&si) = stage_index.get(&card.stage) {
            per_stage[si] += 1;
        }
    }
    let mut seen = vec![0usize; journey.stages.len()];
    let mut points = Vec::new();
    for (ci, card) in source.cards.iter().enumerate() {
        let Some(&si) = stage_index.get(&card.stage) else {
            continue;
        };
        seen[si] += 1;
        let (sx, sw) = stage_x[si];
        let px = sx + sw * seen[si] as f32 / (per_stage[si] + 1) as f32;
        let score = card.emotion.unwrap_or_else(|| scale.neutral());
        let t = scale.normalize(score);
        points.push(CurvePoint {
            card_id: card.id,
            card: ci,
            stage: si,
            pos: pos2(px, y_of(t)),
            score,
            t,
            lowest: false,
        });
    }
    points.sort_by(|a, b| a.pos.x.total_cmp(&b.pos.x));
    let scores: Vec<f32> = points.iter().map(|p| p.score).collect();
    for i in analysis::lowest_points(&scores, scale.neutral()) {
        points[i].lowest = true;
    }
    let anchors: Vec<Pos2> = points.iter().map(|p| p.pos).collect();
    CurveGeom {
        lane: ids.lane,
        source: ids.source,
        series: ids.series,
        path: monotone_curve(&anchors, 10),
        points,
        neutral_y: y_of(scale.normalize(scale.neutral())),
        y_range: (y_top, y_bottom),
    }
}

/// What lies under a point of the map.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Hit {
    /// A stage header.
    StageHeader(StageId),
    /// A lane header.
    LaneHeader(LaneId),
    /// A card.
    Card(CardId),
    /// An emotion point (its card).
    EmotionPoint(CardId),
    /// An empty part of a cell.
    Cell {
        /// The lane.
        lane: LaneId,
        /// The stage.
        stage: StageId,
    },
}

impl MapLayout {
    /// What is under `pos` (document units), topmost first.
    pub fn hit(&self, pos: Pos2) -> Option<Hit> {
        for curve in &self.curves {
            for p in &curve.points {
                if p.pos.distance(pos) <= size::EMOTION_POINT + 4.0 {
                    return Some(Hit::EmotionPoint(p.card_id));
                }
            }
        }
        if let Some(c) = self.cards.iter().rev().find(|c| c.rect.contains(pos)) {
            return Some(Hit::Card(c.id));
        }
        if let Some(s) = self.stages.iter().find(|s| s.header.contains(pos)) {
            return Some(Hit::StageHeader(s.id));
        }
        let lane = self
            .lanes
            .iter()
            .find(|l| l.header.top() <= pos.y && pos.y < l.header.bottom())?;
        if lane.header.contains(pos) {
            return Some(Hit::LaneHeader(lane.id));
        }
        let stage = self
            .stages
            .iter()
            .find(|s| s.column.left() <= pos.x && pos.x < s.column.right())?;
        Some(Hit::Cell {
            lane: lane.id,
            stage: stage.id,
        })
    }

    /// The whole map's rectangle, from the origin.
    pub fn bounds(&self) -> Rect {
        Rect::from_min_size(Pos2::ZERO, self.size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_project;

    #[test]
    fn columns_follow_stage_widths_and_rows_fit_their_cards() {
        let project = sample_project();
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        assert_eq!(map.stages.len(), journey.stages.len());
        for (geom, stage) in map.stages.iter().zip(&journey.stages) {
            assert!((geom.header.width() - stage.width).abs() < 1e-3);
        }
        for pair in map.stages.windows(2) {
            assert!((pair[0].header.right() - pair[1].header.left()).abs() < 1e-3);
        }
        // Every card sits inside its own cell.
        for card in &map.cards {
            let row = map.lanes[card.lane].row;
            let column = map.stages[card.stage].column;
            let cell = row.intersect(column);
            assert!(cell.contains_rect(card.rect), "{card:?} outside {cell:?}");
        }
        // Rows do not overlap and the map contains them all.
        for pair in map.lanes.windows(2) {
            assert!(pair[0].row.bottom() <= pair[1].row.top() + 1e-3);
        }
        assert!(map.bounds().contains_rect(map.lanes.last().unwrap().row));
    }

    #[test]
    fn a_long_card_makes_its_row_taller() {
        let mut project = sample_project();
        let before = layout_journey(&project, &project.journeys[0], &ApproxText);
        project.journeys[0].lanes[0].cards[0].text = "word ".repeat(200);
        let after = layout_journey(&project, &project.journeys[0], &ApproxText);
        assert!(after.lanes[0].row.height() > before.lanes[0].row.height() + 100.0);
        assert!(after.size.y > before.size.y + 100.0);
    }

    #[test]
    fn emotion_points_follow_scores_and_mark_the_lowest() {
        let project = sample_project();
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let curve = &map.curves[0];
        assert_eq!(curve.points.len(), 7);
        let best = curve
            .points
            .iter()
            .min_by(|a, b| a.pos.y.total_cmp(&b.pos.y))
            .unwrap();
        let worst = curve
            .points
            .iter()
            .max_by(|a, b| a.pos.y.total_cmp(&b.pos.y))
            .unwrap();
        assert!(best.score >= 3.0);
        assert!((worst.score - -5.0).abs() < 1e-6);
        assert!(worst.lowest);
        assert_eq!(curve.points.iter().filter(|p| p.lowest).count(), 1);
        // Each point is in its stage's column.
        for p in &curve.points {
            let col = map.stages[p.stage].column;
            assert!(col.left() < p.pos.x && p.pos.x < col.right());
        }
    }

    #[test]
    fn hit_testing_finds_headers_cards_and_cells() {
        let project = sample_project();
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let s = &map.stages[2];
        assert_eq!(map.hit(s.header.center()), Some(Hit::StageHeader(s.id)));
        let l = &map.lanes[1];
        assert_eq!(map.hit(l.header.center()), Some(Hit::LaneHeader(l.id)));
        let c = &map.cards[0];
        assert_eq!(map.hit(c.rect.center()), Some(Hit::Card(c.id)));
        let p = &map.curves[0].points[0];
        assert_eq!(map.hit(p.pos), Some(Hit::EmotionPoint(p.card_id)));
        // An empty cell: the quotes lane has no card in stage 3.
        let quotes = map
            .lanes
            .iter()
            .find(|l| journey.lanes[l.index].kind == LaneKind::Quotes)
            .unwrap();
        let pos = pos2(map.stages[2].column.center().x, quotes.row.center().y);
        assert_eq!(
            map.hit(pos),
            Some(Hit::Cell {
                lane: quotes.id,
                stage: map.stages[2].id
            })
        );
        assert_eq!(map.hit(pos2(-10.0, -10.0)), None);
    }

    #[test]
    fn a_line_of_visibility_separates_front_and_back_stage() {
        let project = sample_project();
        let map = layout_journey(&project, &project.journeys[0], &ApproxText);
        assert_eq!(map.visibility_lines.len(), 1);
        let front = project.journeys[0]
            .lanes
            .iter()
            .position(|l| l.kind == LaneKind::FrontStage)
            .unwrap();
        assert!((map.visibility_lines[0] - map.lanes[front].row.bottom()).abs() < 1e-3);
    }

    #[test]
    fn layout_is_deterministic() {
        let project = sample_project();
        let a = layout_journey(&project, &project.journeys[0], &ApproxText);
        let b = layout_journey(&project, &project.journeys[0], &ApproxText);
        assert_eq!(a, b);
    }

    #[test]
    fn a_long_annotation_title_is_wrapped_whole_and_its_pill_grows() {
        let mut project = sample_project();
        let before = layout_journey(&project, &project.journeys[0], &ApproxText);
        let long = "Instant virtual card in the app the moment the account opens, so the \
                    customer can pay the same day without waiting for the plastic card";
        long.clone_into(&mut project.journeys[0].annotations[0].title);
        let after = layout_journey(&project, &project.journeys[0], &ApproxText);
        let pill = after.annotations[0].rect;
        assert!(
            pill.height() > before.annotations[0].rect.height() + 20.0,
            "{pill:?}"
        );
        // The pill stays inside its card, and the card grew to hold it.
        let card = after
            .cards
            .iter()
            .find(|c| c.id == before_card(&project))
            .unwrap();
        assert!(
            card.rect.contains_rect(pill),
            "{pill:?} outside {:?}",
            card.rect
        );
        // The whole title (with the measured change before it) fits its text box, and
        // the box is inside the pill.
        let geom = &after.annotations[0];
        let label = annotation_label(
            crate::i18n::Language::En,
            &project.journeys[0].annotations[0],
        );
        assert!(label.ends_with("plastic card"));
        let needed = ApproxText.text_height(&label, font::SMALL, geom.title.width());
        assert!(
            needed <= geom.title.height() + 1e-3,
            "{needed} > {:?}",
            geom.title
        );
        assert!(
            pill.contains_rect(geom.title),
            "{:?} outside {pill:?}",
            geom.title
        );
        assert_eq!(geom.note, None, "notes are shown only on request");

        // With notes on, the note shows under the title and the pill grows for it.
        let with_notes = LayoutOptions {
            notes: true,
            ..LayoutOptions::default()
        };
        let noted = layout_journey_with(&project, &project.journeys[0], &ApproxText, &with_notes);
        let geom = &noted.annotations[0];
        let note = geom.note.unwrap();
        assert!(
            geom.rect.contains_rect(note),
            "{note:?} outside {:?}",
            geom.rect
        );
        assert!(note.top() >= geom.title.bottom());
        assert!(geom.rect.height() > pill.height() + 10.0);
        let needed = ApproxText.text_height(
            &project.journeys[0].annotations[0].note,
            font::SMALL,
            note.width(),
        );
        assert!(needed <= note.height() + 1e-3);
        // Pills never overlap, and each stays in its card or stage header.
        for (i, a) in noted.annotations.iter().enumerate() {
            for b in &noted.annotations[i + 1..] {
                assert!(!a.rect.intersects(b.rect), "{a:?} overlaps {b:?}");
            }
            let home = noted
                .cards
                .iter()
                .map(|c| c.rect)
                .chain(noted.stages.iter().map(|s| s.header))
                .any(|r| r.contains_rect(a.rect));
            assert!(home, "{a:?} is outside its card or stage");
        }
    }

    #[test]
    fn a_stage_annotation_with_a_long_title_makes_the_header_taller() {
        let mut project = sample_project();
        let before = layout_journey(&project, &project.journeys[0], &ApproxText);
        let stage = project.journeys[0].stages[1].id;
        let a = &mut project.journeys[0].annotations[1];
        a.anchor = Anchor::Stage(stage);
        "Contact details hidden four clicks deep on the website, so customers ring sales \
         and are transferred twice before anyone can help them"
            .clone_into(&mut a.title);
        let after = layout_journey(&project, &project.journeys[0], &ApproxText);
        let header = after.stages[1].header;
        let pill = after
            .annotations
            .iter()
            .find(|g| g.index == 1)
            .unwrap()
            .rect;
        assert!(header.contains_rect(pill), "{pill:?} outside {header:?}");
        assert!(pill.height() > PILL_HEIGHT + 10.0);
        assert!(header.height() > before.stages[1].header.height() + 10.0);
    }

    fn before_card(project: &Project) -> CardId {
        match project.journeys[0].annotations[0].anchor {
            Anchor::Card(c) => c,
            Anchor::Stage(_) => panic!("the sample's first annotation is on a card"),
        }
    }
}
