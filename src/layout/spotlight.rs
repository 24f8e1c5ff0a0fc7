//! The steps of a workshop presentation and where each one puts the map on a screen:
//! step 0 is the overview (the whole journey fitted to the screen's width, never wider
//! than it), then each stage in the spotlight, enlarged until its smallest text is
//! [`MIN_LEGIBLE_PX`] high. A stage whose lanes do not all fit at that size is shown
//! in several consecutive steps, its *pages*: each shows a band of consecutive lanes,
//! with the stage's header pinned on top and the lane titles on the left, so that
//! stepping on walks down the stage, then on to the next one. Pure geometry over a
//! [`MapLayout`]: the projector, the slides export and the legibility check all use
//! the same numbers.

use std::ops::Range;

use egui::emath::TSTransform;
use egui::{Rect, Vec2, pos2, vec2};

use super::MapLayout;
use crate::model::{Journey, LaneKind, Project};
use crate::theme::{font, size};

/// The projector size the legibility figure is computed for.
pub const PROJECTOR: Vec2 = Vec2::new(1920.0, 1080.0);

/// The smallest text height a room can read from the back: 1/45 of the screen height,
/// 24 px on a 1080-pixel projector.
pub const MIN_LEGIBLE_PX: f32 = 24.0;

/// Share of the screen width (right of the pinned lane titles) a stage takes at most
/// when that leaves its text legible, so that its neighbours stay in sight.
const STAGE_SHARE: f32 = 0.62;

/// Blank margin around what a step shows, in screen points.
const PAD: f32 = 12.0;

/// One step of a presentation: the overview, or one page of a stage.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The stage in the spotlight (by index), `None` for the overview.
    pub stage: Option<usize>,
    /// This page of the stage (0-based), and how many pages the stage has.
    pub page: usize,
    pub pages: usize,
    /// The lanes shown (indices into [`MapLayout::lanes`]); all of them on the overview
    /// and on a stage shown whole on one screen.
    pub lanes: Range<usize>,
    /// On a page: how much of each lane's row is shown (document units from its top),
    /// in the order of `lanes`. A lane's row is as tall as its fullest cell in any stage;
    /// a page shows it down to this stage's last card (an empty cell folded to a thin
    /// row under the lane's title), the emotion curve whole. Empty when the stage is
    /// shown whole.
    pub heights: Vec<f32>,
    /// Points on screen per document unit.
    pub scale: f32,
    /// The height on screen of the smallest text this step shows.
    pub smallest_px: f32,
}

impl Step {
    /// What `PaintOptions::reveal` takes for this step: the number of stages revealed.
    pub fn reveal(&self) -> usize {
        self.stage.map_or(0, |s| s + 1)
    }
}

/// One lane of a page on screen: painted through its own transform into its own band,
/// so that lanes shown in part stack without gaps.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Strip {
    /// The lane (index into [`MapLayout::lanes`]).
    pub lane: usize,
    /// Where it goes on screen.
    pub rect: Rect,
    /// The part of `rect` the map is painted in: all of it for a lane shown whole; for
    /// a lane shown in part, only the stage in the spotlight (and the lane's own title
    /// left of it), since its neighbours' cards in that lane may go further down. The
    /// rest is veiled.
    pub map: Rect,
    /// Document units to screen points, for this lane.
    pub transform: TSTransform,
}

/// Where one step puts the map on a screen.
#[derive(Clone, Debug, PartialEq)]
pub struct StepView {
    /// Document units to screen points (on a page, the first lane's).
    pub transform: TSTransform,
    /// The stage in the spotlight, if any.
    pub spotlight: Option<usize>,
    /// The screen rectangle the map itself is painted in (clipped to): the whole screen,
    /// or on a page of a stage the band of lanes it shows.
    pub body: Rect,
    /// On a page of a stage: its lanes, one band each, top to bottom. Empty otherwise
    /// (the map is painted once, through `transform`).
    pub strips: Vec<Strip>,
    /// For a stage step: the screen band on the left where the lane titles are pinned,
    /// and the transform that puts them there (on a page, each strip's, moved left).
    pub lane_band: Option<(Rect, TSTransform)>,
    /// For a stage shown in pages: the band on top where the stage headers are pinned,
    /// and the transform that puts them there.
    pub stage_band: Option<(Rect, TSTransform)>,
}

impl StepView {
    /// Points on screen per document unit.
    pub fn scale(&self) -> f32 {
        self.transform.scaling
    }

    /// The transform of lane `lane` (index into [`MapLayout::lanes`]) and the screen
    /// rectangle it is clipped to, or `None` on a page that does not show it.
    pub fn lane_transform(&self, lane: usize) -> Option<(TSTransform, Rect)> {
        if self.strips.is_empty() {
            return Some((self.transform, self.body));
        }
        self.strips
            .iter()
            .find(|s| s.lane == lane)
            .map(|s| (s.transform, s.map))
    }

    /// The document point under screen point `pos`, if the step shows the map there.
    pub fn to_doc(&self, pos: egui::Pos2) -> Option<egui::Pos2> {
        if !self.body.contains(pos) {
            return None;
        }
        if self.strips.is_empty() {
            return Some(self.transform.inverse().mul_pos(pos));
        }
        self.strips
            .iter()
            .find(|s| s.map.contains(pos))
            .map(|s| s.transform.inverse().mul_pos(pos))
    }

    /// The view `t` (0..=1) of the way from `self` to `other`, for animated steps.
    #[must_use]
    pub fn lerp(&self, other: &Self, t: f32) -> Self {
        let t = t.clamp(0.0, 1.0);
        if t >= 1.0 {
            return other.clone();
        }
        let mix = |a: TSTransform, b: TSTransform| {
            TSTransform::new(
                a.translation + (b.translation - a.translation) * t,
                a.scaling + (b.scaling - a.scaling) * t,
            )
        };
        let band =
            |a: Option<(Rect, TSTransform)>, b: Option<(Rect, TSTransform)>, target| match (a, b) {
                (Some((ra, xa)), Some((rb, xb))) => Some((ra.lerp_towards(&rb, t), mix(xa, xb))),
                _ => target,
            };
        let target = if t < 0.5 { self } else { other };
        let transform = mix(self.transform, other.transform);
        // Strips move with the view: each keeps its place relative to the first lane.
        let strips = target
            .strips
            .iter()
            .map(|s| {
                let dy = s.transform.translation.y - target.transform.translation.y;
                let sy = s.rect.top() - target.transform.translation.y;
                let k = transform.scaling / target.transform.scaling.max(0.01);
                let moved = TSTransform::new(
                    vec2(transform.translation.x, transform.translation.y + dy * k),
                    transform.scaling,
                );
                let top = transform.translation.y + sy * k;
                let rect = Rect::from_min_max(
                    pos2(s.rect.left(), top),
                    pos2(s.rect.right(), top + s.rect.height() * k),
                );
                Strip {
                    lane: s.lane,
                    rect,
                    map: Rect::from_x_y_ranges(s.map.x_range(), rect.y_range()),
                    transform: moved,
                }
            })
            .collect();
        Self {
            transform,
            spotlight: target.spotlight,
            body: self.body.lerp_towards(&other.body, t),
            strips,
            lane_band: band(self.lane_band, other.lane_band, target.lane_band),
            stage_band: band(self.stage_band, other.stage_band, target.stage_band),
        }
    }
}

/// The height of a folded lane on a page (an empty cell): the lane's title line.
const FOLDED: f32 = 30.0;

/// The least height of a lane with cards on a page: its title and kind.
const TITLED: f32 = 60.0;

/// How much of each lane's row each stage needs (document units from the row's top),
/// by stage then lane: down to its last card in that stage, the lane's title at least;
/// an empty cell folded to the title's line; the emotion curve and collapsed lanes
/// whole. One pass over the cards, whatever the number of stages.
fn stage_heights(journey: &Journey, layout: &MapLayout) -> Vec<Vec<f32>> {
    let lanes = layout.lanes.len();
    let mut bottom: Vec<Option<f32>> = vec![None; layout.stages.len() * lanes];
    let mut position = vec![usize::MAX; journey.lanes.len()];
    for (k, g) in layout.lanes.iter().enumerate() {
        if let Some(p) = position.get_mut(g.index) {
            *p = k;
        }
    }
    for c in &layout.cards {
        let Some(&k) = position.get(c.lane) else {
            continue;
        };
        if k == usize::MAX {
            continue;
        }
        if let Some(b) = bottom.get_mut(c.stage * lanes + k) {
            *b = Some(b.map_or(c.rect.bottom(), |b: f32| b.max(c.rect.bottom())));
        }
    }
    (0..layout.stages.len())
        .map(|stage| {
            layout
                .lanes
                .iter()
                .zip(&bottom[stage * lanes..(stage + 1) * lanes])
                .map(|(g, last)| {
                    let lane = &journey.lanes[g.index];
                    let full = g.row.height();
                    if lane.collapsed || matches!(lane.kind, LaneKind::Emotion { .. }) {
                        return full;
                    }
                    match last {
                        None => full.min(FOLDED),
                        Some(b) => (b + size::CELL_PAD - g.row.top()).max(TITLED).min(full),
                    }
                })
                .collect()
        })
        .collect()
}

/// The steps of `journey`'s presentation on `screen`: the overview, then every stage
/// in as many pages as it needs for its smallest text to be [`MIN_LEGIBLE_PX`] high
/// (scaled with the screen's height: 24 px at 1080). A stage that fits whole at that
/// size is one step, fitted to the screen. Otherwise each page shows consecutive lanes,
/// each down to the stage's last card in it (see [`Step::heights`]). A lane too tall
/// to fit a screen at that size is a page of its own, made smaller:
/// [`Step::smallest_px`] tells.
pub fn plan(project: &Project, journey: &Journey, layout: &MapLayout, screen: Vec2) -> Vec<Step> {
    let screen = Rect::from_min_size(pos2(0.0, 0.0), screen);
    let inner = screen.shrink(PAD);
    let wanted = MIN_LEGIBLE_PX * screen.height() / PROJECTOR.y;
    let fonts = smallest_fonts(project, journey, layout);
    let all = 0..layout.lanes.len();
    let overview_scale = overview_view(layout, screen).scale();
    let mut steps = vec![Step {
        stage: None,
        page: 0,
        pages: 1,
        lanes: all.clone(),
        heights: Vec::new(),
        scale: overview_scale,
        smallest_px: font::SMALL * overview_scale,
    }];
    let first_top = layout.lanes.first().map(|g| g.row.top());
    let mut all_heights = stage_heights(journey, layout).into_iter();
    for (index, geom) in layout.stages.iter().enumerate() {
        let heights = all_heights.next().unwrap_or_default();
        let font = fonts.get(index).copied().unwrap_or(font::SMALL);
        let focus = geom.header.union(geom.column);
        let fit = fit_scale(focus, inner);
        let widest = inner.width() / (size::LANE_HEADER + focus.width().max(1.0));
        let legible = wanted / font;
        if fit >= legible || layout.lanes.is_empty() {
            steps.push(Step {
                stage: Some(index),
                page: 0,
                pages: 1,
                lanes: all.clone(),
                heights: Vec::new(),
                scale: fit,
                smallest_px: font * fit,
            });
            continue;
        }
        let scale = legible.min(widest);
        // The stage header (and whatever lies between it and the first lane) on top of
        // every page, then as many lanes as fit below it.
        let head = first_top.unwrap_or(focus.top()) - focus.top();
        let room = inner.height() / scale - head;
        // As few pages as fit, then the lanes shared out evenly between them (the
        // least page height that still needs no more pages), so that no last page
        // holds a lone lane.
        let fewest = pack(&heights, room).len();
        let (mut lo, mut hi) = (heights.iter().copied().fold(0.0, f32::max).min(room), room);
        for _ in 0..24 {
            let mid = f32::midpoint(lo, hi);
            if pack(&heights, mid).len() <= fewest {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        let pages: Vec<(Range<usize>, f32)> = pack(&heights, hi)
            .into_iter()
            .map(|lanes| {
                let used: f32 = heights[lanes.clone()].iter().sum();
                // A single lane taller than the screen at the legible size: that page
                // is made smaller to show it whole.
                let page_scale = if used > room {
                    scale.min(inner.height() / (head + used).max(1.0))
                } else {
                    scale
                };
                (lanes, page_scale)
            })
            .collect();
        let count = pages.len();
        for (page, (lanes, page_scale)) in pages.into_iter().enumerate() {
            steps.push(Step {
                stage: Some(index),
                page,
                pages: count,
                heights: heights[lanes.clone()].to_vec(),
                lanes,
                scale: page_scale,
                smallest_px: font * page_scale,
            });
        }
    }
    steps
}

/// Consecutive lanes of `heights` packed into pages of at most `room` each (a lane
/// taller than `room` alone on its page).
fn pack(heights: &[f32], room: f32) -> Vec<Range<usize>> {
    let mut pages = Vec::new();
    let mut start = 0;
    while start < heights.len() {
        let mut used = heights[start];
        let mut end = start + 1;
        while end < heights.len() && used + heights[end] <= room {
            used += heights[end];
            end += 1;
        }
        pages.push(start..end);
        start = end;
    }
    pages
}

/// The scale that fits `focus` (a stage's header and column) to the screen's height,
/// and to at most [`STAGE_SHARE`] of its width beside the lane titles.
fn fit_scale(focus: Rect, inner: Rect) -> f32 {
    (inner.height() / focus.height().max(1.0))
        .min(inner.width() / (size::LANE_HEADER + focus.width().max(1.0) / STAGE_SHARE))
        .max(0.01)
}

/// The overview: the whole map fitted to the screen, never wider than it.
fn overview_view(layout: &MapLayout, screen: Rect) -> StepView {
    let inner = screen.shrink(PAD);
    let bounds = layout.bounds();
    let scale = (inner.width() / bounds.width().max(1.0))
        .min(inner.height() / bounds.height().max(1.0))
        .max(0.01);
    let offset = inner.center() - bounds.center() * scale;
    StepView {
        transform: TSTransform::new(offset, scale),
        spotlight: None,
        body: screen,
        strips: Vec::new(),
        lane_band: None,
        stage_band: None,
    }
}

/// Where `step` (one of [`plan`]'s, for a screen of `screen`'s size) goes on `screen`.
/// The stage is centred right of the lane titles, which are pinned on the left at the
/// same scale; a page shows its lanes stacked under the stage header, pinned on top.
pub fn step_view(layout: &MapLayout, step: &Step, screen: Rect) -> StepView {
    let Some((index, geom)) = step
        .stage
        .and_then(|i| layout.stages.get(i).map(|g| (i, g)))
    else {
        return overview_view(layout, screen);
    };
    let inner = screen.shrink(PAD);
    let focus = geom.header.union(geom.column);
    let scale = step.scale;
    let band_w = size::LANE_HEADER * scale;
    let area_left = inner.left() + band_w;
    let centre_x = area_left + (inner.right() - area_left) / 2.0;
    let mut x = centre_x - focus.center().x * scale;
    // Near the start of the journey the map's own lane titles fit on the left: the map
    // is moved there rather than leaving blank paper before them. Further on, they are
    // pinned in a band on the left.
    let aligned_x = inner.left() - size::MARGIN * scale;
    let pinned = x < aligned_x;
    if !pinned {
        x = aligned_x;
    }
    let header_y = inner.top() - focus.top() * scale;
    if step.heights.is_empty() {
        let transform = TSTransform::new(vec2(x, header_y), scale);
        let lane_band = pinned.then(|| {
            let band = Rect::from_min_max(screen.min, pos2(area_left, screen.bottom()));
            (band, TSTransform::new(vec2(aligned_x, header_y), scale))
        });
        return StepView {
            transform,
            spotlight: Some(index),
            body: screen,
            strips: Vec::new(),
            lane_band,
            stage_band: None,
        };
    }
    // The lanes of the page, stacked where the journey's first lane would be.
    let lanes_top = inner.top()
        + (layout.lanes.first().map_or(focus.top(), |g| g.row.top()) - focus.top()) * scale;
    let mut y = lanes_top;
    let mut strips = Vec::with_capacity(step.heights.len());
    for (k, height) in step.lanes.clone().zip(&step.heights) {
        let Some(g) = layout.lanes.get(k) else {
            continue;
        };
        let h = height * scale;
        let rect = Rect::from_min_max(pos2(screen.left(), y), pos2(screen.right(), y + h));
        let map = if *height < g.row.height() - 0.5 {
            let left = if pinned {
                x + geom.column.left() * scale
            } else {
                screen.left()
            };
            Rect::from_min_max(pos2(left, y), pos2(x + geom.column.right() * scale, y + h))
        } else {
            rect
        };
        strips.push(Strip {
            lane: k,
            rect,
            map,
            transform: TSTransform::new(vec2(x, y - g.row.top() * scale), scale),
        });
        y += h;
    }
    let body = Rect::from_min_max(pos2(screen.left(), lanes_top), pos2(screen.right(), y));
    let transform = strips
        .first()
        .map_or(TSTransform::new(vec2(x, header_y), scale), |s| s.transform);
    let stage_band = Some((
        Rect::from_min_max(screen.min, pos2(screen.right(), lanes_top)),
        TSTransform::new(vec2(x, header_y), scale),
    ));
    let lane_band = pinned.then(|| {
        let band = Rect::from_min_max(pos2(screen.left(), lanes_top), pos2(area_left, y));
        (band, TSTransform::new(vec2(aligned_x - x, 0.0), 1.0))
    });
    StepView {
        transform,
        spotlight: Some(index),
        body,
        strips,
        lane_band,
        stage_band,
    }
}

/// The smallest font (document units) painted in each stage's column and header, and
/// in the lane titles pinned beside it (card text, chips and badges, emotion labels,
/// annotation pills, vote counts, lane kinds), in one pass over the map: a map of 1,000
/// stages and 12,000 cards is checked in one go, not once per stage.
fn smallest_fonts(project: &Project, journey: &Journey, layout: &MapLayout) -> Vec<f32> {
    let lang = crate::i18n::Language::of_map(project);
    // A lane title box shows the lane's kind under its title when it is tall enough.
    let kinds_shown = layout.lanes.iter().any(|g| {
        let lane = &journey.lanes[g.index];
        !lane.collapsed
            && g.header.height() - 12.0 > 40.0
            && crate::i18n::labels::lane_kind(lang, &lane.kind) != lane.title
    });
    let base = if kinds_shown {
        font::SMALL
    } else {
        font::STAGE.min(font::LANE)
    };
    let mut smallest = vec![base; layout.stages.len()];
    for g in &layout.cards {
        let Some(min) = smallest.get_mut(g.stage) else {
            continue;
        };
        let lane = &journey.lanes[g.lane];
        let card = &lane.cards[g.card];
        let chips = match lane.kind {
            LaneKind::Touchpoints => card
                .touchpoint
                .as_ref()
                .is_some_and(|t| t.channel.is_some() || t.class.is_some()),
            LaneKind::Measures(_) => crate::analysis::is_low_base(&project.settings, card),
            _ => false,
        };
        *min = min.min(if chips || card.votes > 10 {
            font::SMALL
        } else {
            font::CARD
        });
    }
    for p in layout
        .curves
        .iter()
        .filter(|c| c.series == 0)
        .flat_map(|c| &c.points)
    {
        if let Some(min) = smallest.get_mut(p.stage) {
            *min = min.min(font::SMALL);
        }
    }
    for a in &layout.annotations {
        for (min, s) in smallest.iter_mut().zip(&layout.stages) {
            if a.rect.intersects(s.header.union(s.column)) {
                *min = min.min(font::SMALL);
            }
        }
    }
    smallest
}

/// The stages (by index) with a step showing text smaller than [`MIN_LEGIBLE_PX`] on
/// a 1920x1080 projector (a lane too tall for the screen even alone at that size), with
/// their smallest text height. Empty when every page of every stage is legible.
pub fn illegible_stages(steps: &[Step]) -> Vec<(usize, f32)> {
    let mut out: Vec<(usize, f32)> = Vec::new();
    for s in steps {
        let Some(stage) = s.stage else { continue };
        if s.smallest_px >= MIN_LEGIBLE_PX - 0.01 {
            continue;
        }
        match out.last_mut() {
            Some((i, px)) if *i == stage => *px = px.min(s.smallest_px),
            _ => out.push((stage, s.smallest_px)),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{ApproxText, layout_journey};

    fn screen() -> Rect {
        Rect::from_min_size(pos2(0.0, 0.0), PROJECTOR)
    }

    #[test]
    fn the_overview_fits_the_screen_and_stage_steps_walk_down_each_stage() {
        let project = crate::io::sample::sample_project();
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let steps = plan(&project, journey, &map, PROJECTOR);
        let overview = step_view(&map, &steps[0], screen());
        let shown = overview.transform.mul_rect(map.bounds());
        assert!(screen().contains_rect(shown), "{shown:?}");
        assert!(overview.spotlight.is_none());
        // Stage by stage, page by page, each page the lanes after the previous one's.
        let mut next = (0, 0);
        for s in &steps[1..] {
            let stage = s.stage.unwrap_or(usize::MAX);
            assert_eq!((stage, s.page), next, "{s:?}");
            next = if s.page + 1 < s.pages {
                (stage, s.page + 1)
            } else {
                (stage + 1, 0)
            };
            if s.page > 0 {
                let before = steps
                    .iter()
                    .find(|b| b.stage == s.stage && b.page + 1 == s.page);
                assert_eq!(before.map(|b| b.lanes.end), Some(s.lanes.start));
            }
            if s.page + 1 == s.pages {
                assert_eq!(s.lanes.end, map.lanes.len());
            }
        }
        assert_eq!(next, (journey.stages.len(), 0));
        // The sample's stages are too tall for one screen at 24 px: they are in pages.
        assert!(steps.len() > journey.stages.len() + 1, "{}", steps.len());
        for s in &steps[1..] {
            let v = step_view(&map, s, screen());
            let i = s.stage.unwrap_or_default();
            assert_eq!(v.spotlight, Some(i));
            assert!(v.scale() > overview.scale());
            assert!(s.smallest_px >= MIN_LEGIBLE_PX, "{s:?}");
            let g = &map.stages[i];
            // The stage's column is on screen, right of the lane titles.
            let r = v.transform.mul_rect(g.column);
            assert!(
                screen().left() <= r.left() && r.right() <= screen().right(),
                "{r:?}"
            );
            let titles_right = match v.lane_band {
                Some((band, _)) => band.right(),
                None => {
                    v.transform
                        .mul_pos(pos2(size::MARGIN + size::LANE_HEADER, 0.0))
                        .x
                }
            };
            assert!(r.left() >= titles_right - 0.5, "stage {i}");
            // Every lane of the page is on screen, inside the body, in order, and every
            // card of the stage in it is whole.
            let mut above = v.body.top() - 0.5;
            for k in s.lanes.clone() {
                let Some((xf, band)) = v.lane_transform(k) else {
                    panic!("{s:?}: lane {k} not shown");
                };
                assert!(band.top() >= above && v.body.contains_rect(band.shrink(0.5)));
                assert!(screen().contains_rect(band.shrink(0.5)), "{s:?}: {band:?}");
                above = band.bottom() - 0.5;
                let lane = map.lanes[k].index;
                for c in map.cards.iter().filter(|c| c.lane == lane && c.stage == i) {
                    let r = xf.mul_rect(c.rect);
                    assert!(
                        band.expand(0.5).contains_rect(r),
                        "{s:?}: card {r:?} in {band:?}"
                    );
                }
            }
            // The stage's header is on top of every page.
            let header = match v.stage_band {
                Some((band, xf)) => {
                    assert!(s.pages > 1);
                    assert!((band.bottom() - v.body.top()).abs() < 0.5);
                    xf.mul_rect(g.header)
                }
                None => v.transform.mul_rect(g.header),
            };
            assert!(screen().contains_rect(header), "{header:?}");
            assert!(header.bottom() <= v.body.top() + 0.5 || s.pages == 1);
        }
    }

    #[test]
    fn a_lane_too_tall_for_the_screen_names_its_stage_and_no_other() {
        let mut project = crate::io::sample::sample_project();
        let journey = &mut project.journeys[0];
        let stage = journey.stages[1].id;
        let lane = journey
            .lanes
            .iter_mut()
            .find(|l| l.kind == LaneKind::Text(crate::model::TextRole::Actions))
            .unwrap_or_else(|| panic!("an actions lane"));
        for i in 0..60 {
            lane.cards.push(crate::model::Card::new(
                crate::model::CardId(90_000 + i),
                stage,
                "One more thing the customer does at this stage of the journey",
            ));
        }
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let steps = plan(&project, journey, &map, PROJECTOR);
        let named = illegible_stages(&steps);
        assert_eq!(named.iter().map(|(i, _)| *i).collect::<Vec<_>>(), vec![1]);
        let crowded = steps
            .iter()
            .filter(|s| s.stage == Some(1))
            .map(|s| s.smallest_px)
            .fold(f32::INFINITY, f32::min);
        assert!(crowded < MIN_LEGIBLE_PX);
        assert!((named[0].1 - crowded).abs() < 1e-3);
        // That lane is a page of its own, shown whole.
        let tall = steps
            .iter()
            .find(|s| s.stage == Some(1) && s.smallest_px < MIN_LEGIBLE_PX)
            .unwrap_or_else(|| panic!("the crowded page"));
        assert_eq!(tall.lanes.len(), 1);
        let v = step_view(&map, tall, screen());
        let (xf, band) = v
            .lane_transform(tall.lanes.start)
            .unwrap_or_else(|| panic!("the tall lane"));
        assert!(screen().contains_rect(band.shrink(0.5)), "{band:?}");
        let lane = map.lanes[tall.lanes.start].index;
        for c in map.cards.iter().filter(|c| c.lane == lane && c.stage == 1) {
            assert!(band.expand(0.5).contains_rect(xf.mul_rect(c.rect)));
        }
    }

    #[test]
    fn views_between_two_steps_move_smoothly() {
        let project = crate::io::sample::sample_project();
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let steps = plan(&project, journey, &map, PROJECTOR);
        let (a, b) = (
            step_view(&map, &steps[0], screen()),
            step_view(&map, &steps[5], screen()),
        );
        assert_eq!(a.lerp(&b, 0.0), a);
        assert_eq!(a.lerp(&b, 1.0), b);
        let mid = a.lerp(&b, 0.5);
        let between = |f: &dyn Fn(&StepView) -> f32| {
            let (lo, hi) = (f(&a).min(f(&b)), f(&a).max(f(&b)));
            lo < f(&mid) && f(&mid) < hi
        };
        assert!(between(&|v| v.transform.translation.x));
        assert!(between(&|v| v.scale()));
    }

    /// The legibility figure of every built-in template: the smallest text of every
    /// spotlight step (every page of every stage) on a 1920x1080 projector is at least
    /// 24 px, so the console warns about none; the figures are in the README.
    #[test]
    fn legibility_of_every_builtin_template() {
        let (templates, errors) = crate::io::templates::builtin();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(templates.len() >= 10);
        for t in &templates {
            for journey in &t.project.journeys {
                let map = layout_journey(&t.project, journey, &ApproxText);
                let steps = plan(&t.project, journey, &map, PROJECTOR);
                let stage_steps = &steps[1..];
                let min = stage_steps
                    .iter()
                    .map(|s| s.smallest_px)
                    .fold(f32::INFINITY, f32::min);
                for s in stage_steps {
                    assert!(s.smallest_px >= MIN_LEGIBLE_PX, "{}: {s:?}", t.id);
                }
                assert!(illegible_stages(&steps).is_empty(), "{}", t.id);
                let paged = journey.stages.len() + 1 < steps.len();
                eprintln!(
                    "legibility {}: overview {:.1} px; stage steps min {min:.1} px; {} steps for {} stages{}",
                    t.id,
                    steps[0].smallest_px,
                    steps.len(),
                    journey.stages.len(),
                    if paged { " (in pages)" } else { "" },
                );
            }
        }
    }

    #[test]
    fn a_smaller_screen_asks_for_proportionally_smaller_text() {
        let project = crate::io::sample::sample_project();
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let half = plan(&project, journey, &map, PROJECTOR / 2.0);
        for s in &half[1..] {
            assert!(s.smallest_px >= MIN_LEGIBLE_PX / 2.0 - 0.01, "{s:?}");
        }
    }
}
