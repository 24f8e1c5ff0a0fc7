//! The steps of a workshop presentation and where each one puts the map on a screen:
//! step 0 is the overview (the whole journey fitted to the screen, never wider than
//! it), then one step per stage with that stage enlarged and its neighbours beside it.
//! Pure geometry over a [`MapLayout`]: the projector, the slides export and the
//! legibility check all use the same numbers.

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

/// Share of the screen width (right of the pinned lane titles) a stage may take at
/// most, so that its neighbours stay in sight.
const STAGE_SHARE: f32 = 0.62;

/// Blank margin around what a step shows, in screen points.
const PAD: f32 = 12.0;

/// How many steps a journey with `stages` stages has: the overview and one per stage.
pub fn step_count(stages: usize) -> usize {
    stages + 1
}

/// The stage a step spotlights (`None` for the overview).
pub fn step_stage(step: usize) -> Option<usize> {
    step.checked_sub(1)
}

/// Where one step puts the map on a screen.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepView {
    /// Document units to screen points.
    pub transform: TSTransform,
    /// The stage in the spotlight, if any.
    pub spotlight: Option<usize>,
    /// For a stage step: the screen band on the left where the lane titles are pinned,
    /// and the transform that puts them there.
    pub lane_band: Option<(Rect, TSTransform)>,
}

impl StepView {
    /// Points on screen per document unit.
    pub fn scale(&self) -> f32 {
        self.transform.scaling
    }

    /// The view `t` (0..=1) of the way from `self` to `other`, for animated steps.
    #[must_use]
    pub fn lerp(&self, other: &Self, t: f32) -> Self {
        let t = t.clamp(0.0, 1.0);
        if t >= 1.0 {
            return *other;
        }
        let mix = |a: TSTransform, b: TSTransform| {
            TSTransform::new(
                a.translation + (b.translation - a.translation) * t,
                a.scaling + (b.scaling - a.scaling) * t,
            )
        };
        let target = if t < 0.5 { self } else { other };
        Self {
            transform: mix(self.transform, other.transform),
            spotlight: target.spotlight,
            lane_band: match (self.lane_band, other.lane_band) {
                (Some((ra, xa)), Some((rb, xb))) => Some((ra.lerp_towards(&rb, t), mix(xa, xb))),
                _ => target.lane_band,
            },
        }
    }
}

/// Where step `step` of a journey laid out as `layout` goes on `screen` (screen points).
/// The overview fits the whole map; a stage step fits the stage's header and column to
/// the screen's height (and at most [`STAGE_SHARE`] of its width), centred right of the
/// lane titles, which are pinned on the left at the same scale.
pub fn step_view(layout: &MapLayout, step: usize, screen: Rect) -> StepView {
    let inner = screen.shrink(PAD);
    let Some(stage) = step_stage(step).and_then(|i| layout.stages.get(i).map(|g| (i, g))) else {
        let bounds = layout.bounds();
        let scale = (inner.width() / bounds.width().max(1.0))
            .min(inner.height() / bounds.height().max(1.0))
            .max(0.01);
        let offset = inner.center() - bounds.center() * scale;
        return StepView {
            transform: TSTransform::new(offset, scale),
            spotlight: None,
            lane_band: None,
        };
    };
    let (index, geom) = stage;
    let focus = geom.header.union(geom.column);
    let lane_w = size::LANE_HEADER;
    let scale = (inner.height() / focus.height().max(1.0))
        .min(inner.width() / (lane_w + focus.width().max(1.0) / STAGE_SHARE))
        .max(0.01);
    let band_w = lane_w * scale;
    let area_left = inner.left() + band_w;
    let centre_x = area_left + (inner.right() - area_left) / 2.0;
    let mut translation = vec2(
        centre_x - focus.center().x * scale,
        inner.top() - focus.top() * scale,
    );
    // Near the start of the journey the map's own lane titles fit on the left: the map
    // is moved there rather than leaving blank paper before them. Further on, they are
    // pinned in a band on the left.
    let aligned_x = inner.left() - size::MARGIN * scale;
    let lane_band = if translation.x >= aligned_x {
        translation.x = aligned_x;
        None
    } else {
        let band = Rect::from_min_max(screen.min, pos2(area_left, screen.bottom()));
        let band_xf = TSTransform::new(vec2(aligned_x, translation.y), scale);
        Some((band, band_xf))
    };
    StepView {
        transform: TSTransform::new(translation, scale),
        spotlight: Some(index),
        lane_band,
    }
}

/// Step `step` enlarged until its smallest text is [`MIN_LEGIBLE_PX`] high (never
/// smaller than [`step_view`]'s fit, never wider than the screen): a stage too tall to
/// be read whole is read part by part, moving down it. `scroll` is how far down the
/// stage (document units) the view starts; it is clamped to the stage's height, and
/// the clamped value is returned with the view. The overview is never zoomed.
pub fn legible_view(
    project: &Project,
    journey: &Journey,
    layout: &MapLayout,
    step: usize,
    screen: Rect,
    scroll: f32,
) -> (StepView, f32) {
    let fit = step_view(layout, step, screen);
    let Some(index) = fit.spotlight else {
        return (fit, 0.0);
    };
    let geom = &layout.stages[index];
    let focus = geom.header.union(geom.column);
    let inner = screen.shrink(PAD);
    let font = smallest_font_in_stage(project, journey, layout, index);
    let widest = inner.width() / (size::LANE_HEADER + focus.width().max(1.0));
    let scale = (MIN_LEGIBLE_PX / font).min(widest).max(fit.scale());
    let shown = inner.height() / scale;
    let scroll = scroll.clamp(0.0, (focus.height() - shown).max(0.0));
    let band_w = size::LANE_HEADER * scale;
    let area_left = inner.left() + band_w;
    let centre_x = area_left + (inner.right() - area_left) / 2.0;
    let translation = vec2(
        centre_x - focus.center().x * scale,
        inner.top() - (focus.top() + scroll) * scale,
    );
    let aligned_x = inner.left() - size::MARGIN * scale;
    let band = Rect::from_min_max(screen.min, pos2(area_left, screen.bottom()));
    let view = StepView {
        transform: TSTransform::new(translation, scale),
        spotlight: Some(index),
        lane_band: Some((
            band,
            TSTransform::new(vec2(aligned_x, translation.y), scale),
        )),
    };
    (view, scroll)
}

/// The smallest font (document units) painted in stage `stage`'s column and header, and
/// in the lane titles pinned beside it: card text, chips and badges, emotion labels,
/// annotation pills, vote counts, lane kinds.
fn smallest_font_in_stage(
    project: &Project,
    journey: &Journey,
    layout: &MapLayout,
    stage: usize,
) -> f32 {
    smallest_fonts(project, journey, layout)
        .get(stage)
        .copied()
        .unwrap_or(font::SMALL)
}

/// [`smallest_font_in_stage`] of every stage, in one pass over the map: a map of 1,000
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

/// The height in screen pixels of the smallest text that step `step` shows on a screen
/// of `screen` pixels (the overview: the smallest text of the whole map).
pub fn smallest_text_px(
    project: &Project,
    journey: &Journey,
    layout: &MapLayout,
    step: usize,
    screen: Vec2,
) -> f32 {
    let view = step_view(layout, step, Rect::from_min_size(pos2(0.0, 0.0), screen));
    let font = match view.spotlight {
        Some(stage) => smallest_font_in_stage(project, journey, layout, stage),
        None => font::SMALL,
    };
    font * view.scale()
}

/// The stages (by index) whose spotlight step shows text smaller than
/// [`MIN_LEGIBLE_PX`] on a 1920x1080 projector, with their smallest text height.
pub fn illegible_stages(
    project: &Project,
    journey: &Journey,
    layout: &MapLayout,
) -> Vec<(usize, f32)> {
    let screen = Rect::from_min_size(pos2(0.0, 0.0), PROJECTOR);
    smallest_fonts(project, journey, layout)
        .into_iter()
        .enumerate()
        .map(|(i, font)| (i, font * step_view(layout, i + 1, screen).scale()))
        .filter(|(_, px)| *px < MIN_LEGIBLE_PX)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::{ApproxText, layout_journey};

    #[test]
    fn the_overview_fits_the_screen_and_a_stage_step_fits_its_column() {
        let project = crate::io::sample::sample_project();
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let screen = Rect::from_min_size(pos2(0.0, 0.0), PROJECTOR);
        let overview = step_view(&map, 0, screen);
        let shown = overview.transform.mul_rect(map.bounds());
        assert!(screen.contains_rect(shown), "{shown:?}");
        assert!(overview.spotlight.is_none());
        for i in 0..journey.stages.len() {
            let v = step_view(&map, i + 1, screen);
            assert_eq!(v.spotlight, Some(i));
            let g = &map.stages[i];
            let r = v.transform.mul_rect(g.header.union(g.column));
            assert!(screen.contains_rect(r), "stage {i}: {r:?}");
            // The stage is enlarged: larger than in the overview, and right of the
            // lane titles (the map's own, or pinned in a band).
            assert!(v.scale() > overview.scale());
            let titles_right = match v.lane_band {
                Some((band, _)) => band.right(),
                None => {
                    v.transform
                        .mul_pos(pos2(size::MARGIN + size::LANE_HEADER, 0.0))
                        .x
                }
            };
            assert!(r.left() >= titles_right - 0.5, "stage {i}");
        }
        assert_eq!(step_count(journey.stages.len()), journey.stages.len() + 1);
    }

    #[test]
    fn a_stage_with_many_cards_is_named_as_too_small_to_read() {
        let mut project = crate::io::sample::sample_project();
        let journey = &mut project.journeys[0];
        let stage = journey.stages[1].id;
        let lane = journey
            .lanes
            .iter_mut()
            .find(|l| l.kind == LaneKind::Text(crate::model::TextRole::Actions))
            .unwrap_or_else(|| panic!("an actions lane"));
        for i in 0..30 {
            lane.cards.push(crate::model::Card::new(
                crate::model::CardId(90_000 + i),
                stage,
                "One more thing the customer does at this stage of the journey",
            ));
        }
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let crowded = smallest_text_px(&project, journey, &map, 2, PROJECTOR);
        assert!(crowded < MIN_LEGIBLE_PX, "{crowded}");
        let named = illegible_stages(&project, journey, &map);
        assert!(
            named
                .iter()
                .any(|(i, px)| *i == 1 && (*px - crowded).abs() < 1e-3)
        );
    }

    #[test]
    fn views_between_two_steps_move_smoothly() {
        let project = crate::io::sample::sample_project();
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let screen = Rect::from_min_size(pos2(0.0, 0.0), PROJECTOR);
        let (a, b) = (step_view(&map, 0, screen), step_view(&map, 5, screen));
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

    /// The legibility figure of every built-in template: the smallest text of each
    /// spotlight step on a 1920x1080 projector. Every stage below 24 px is named by the
    /// console's warning, and no other; the figures are in the README.
    #[test]
    fn legibility_of_every_builtin_template() {
        let (templates, errors) = crate::io::templates::builtin();
        assert!(errors.is_empty(), "{errors:?}");
        assert!(templates.len() >= 10);
        for t in &templates {
            for journey in &t.project.journeys {
                let map = layout_journey(&t.project, journey, &ApproxText);
                let figures: Vec<f32> = (1..step_count(journey.stages.len()))
                    .map(|step| smallest_text_px(&t.project, journey, &map, step, PROJECTOR))
                    .collect();
                let named: Vec<usize> = illegible_stages(&t.project, journey, &map)
                    .iter()
                    .map(|(i, _)| *i)
                    .collect();
                let below: Vec<usize> = (0..figures.len())
                    .filter(|i| figures[*i] < MIN_LEGIBLE_PX)
                    .collect();
                assert_eq!(named, below, "{}", t.id);
                let overview = smallest_text_px(&t.project, journey, &map, 0, PROJECTOR);
                let min = figures.iter().copied().fold(f32::INFINITY, f32::min);
                let max = figures.iter().copied().fold(0.0, f32::max);
                eprintln!(
                    "legibility {}: overview {overview:.1} px; stages {min:.1}..{max:.1} px; {} of {} stages under 24 px",
                    t.id,
                    below.len(),
                    figures.len()
                );
            }
        }
    }

    #[test]
    fn the_legible_view_reaches_24_px_and_moves_down_a_tall_stage() {
        let project = crate::io::sample::sample_project();
        let journey = &project.journeys[0];
        let map = layout_journey(&project, journey, &ApproxText);
        let screen = Rect::from_min_size(pos2(0.0, 0.0), PROJECTOR);
        let fit = step_view(&map, 3, screen);
        let (top, scroll) = legible_view(&project, journey, &map, 3, screen, -50.0);
        assert!(scroll.abs() < f32::EPSILON);
        let font = smallest_text_px(&project, journey, &map, 3, PROJECTOR) / fit.scale();
        assert!(
            (font * top.scale() - MIN_LEGIBLE_PX).abs() < 0.01,
            "{}",
            font * top.scale()
        );
        // The stage is taller than the screen at that size: it can be moved down, to
        // its bottom and no further; it never gets wider than the screen.
        let (bottom, scroll) = legible_view(&project, journey, &map, 3, screen, 1.0e6);
        let g = &map.stages[2];
        assert!(scroll > 0.0);
        let r = bottom.transform.mul_rect(g.header.union(g.column));
        assert!((r.bottom() - (screen.bottom() - PAD)).abs() < 0.5, "{r:?}");
        assert!(screen.left() <= r.left() && r.right() <= screen.right());
        // The overview is not zoomed.
        let (overview, _) = legible_view(&project, journey, &map, 0, screen, 100.0);
        assert_eq!(overview, step_view(&map, 0, screen));
    }
}
