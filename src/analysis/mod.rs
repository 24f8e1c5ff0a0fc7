//! Pure functions over the model: survey measures, traffic-light statuses, emotion curve
//! values and touchpoint priorities.

pub mod measures;
pub mod priority;
pub mod rollup;

pub use measures::{
    base, ces, csat, is_low_base, nev, nps, recompute_from_answers, sample_size, value_from_answers,
};
pub use priority::{
    Priority, Tier, rank_touchpoints, rank_touchpoints_with_micro, touchpoint_status,
};
pub use rollup::{LowPoint, Rollup, rollup, rollups};

use crate::model::{MeasureKind, MeasureValue, Rag, RagThreshold, Settings};

/// The one way a measure value is written for people: map cards, priority reasons, the
/// survey import preview and exports all call this, so a figure reads the same everywhere.
///
/// The rule: every measure keeps at most **one decimal** (NPS, NEV, CSAT and unmet-need
/// percentages, CES means, scores out of 10, complaints per 1,000), rounded half away from
/// zero; a value that rounds to a whole number is written without ".0". So CES 4.666… is
/// "4.7" (not "5"), NEV 16.666… is "16.7" (not "17"), NPS 40 is "40", and a value that
/// rounds to zero is "0" (never "-0"). Negative values use an ASCII minus so that exported
/// figures stay numbers in a spreadsheet. No unit: see [`format_measure_with_unit`].
/// A non-finite value (never valid in a document) is written as Rust writes it.
pub fn format_measure(kind: MeasureKind, value: f64) -> String {
    let _ = kind; // Every kind follows the same rule today; the kind is there to vary it.
    if !value.is_finite() {
        return format!("{value}");
    }
    let tenths = (value * 10.0).round();
    if tenths == 0.0 {
        return "0".to_owned();
    }
    if tenths % 10.0 == 0.0 {
        format!("{:.0}", tenths / 10.0)
    } else {
        format!("{:.1}", tenths / 10.0)
    }
}

/// An emotion score with its sign, as the map writes it: at most one decimal, a whole
/// number without ".0" ("+2", "-1.5", "0"), never float noise ("+2.1999998").
pub fn format_signed(value: f64) -> String {
    let text = format_measure(MeasureKind::ScoreOutOf10, value);
    if value > 0.0 && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}

/// The unit written after a measure value ("%" for percentages, "/10" for scores out of
/// 10, nothing for NPS, NEV, CES and counts).
pub fn measure_unit(kind: MeasureKind) -> &'static str {
    match kind {
        MeasureKind::Csat | MeasureKind::UnmetNeedPercent => "%",
        MeasureKind::ScoreOutOf10 => "/10",
        _ => "",
    }
}

/// [`format_measure`] followed by the measure's unit: "75%", "4.7", "8.5/10".
pub fn format_measure_with_unit(kind: MeasureKind, value: f64) -> String {
    format!("{}{}", format_measure(kind, value), measure_unit(kind))
}

/// The traffic-light status of a numeric value under a threshold rule.
pub fn rag_for_value(value: f64, rule: &RagThreshold) -> Rag {
    if rule.higher_is_better {
        if value >= rule.green {
            Rag::Green
        } else if value >= rule.amber {
            Rag::Amber
        } else {
            Rag::Red
        }
    } else if value <= rule.green {
        Rag::Green
    } else if value <= rule.amber {
        Rag::Amber
    } else {
        Rag::Red
    }
}

/// The status of a measure card: set directly, or derived from the project's rule for
/// the lane's measure. `None` when there is no value or no rule.
pub fn rag_for_measure(settings: &Settings, kind: MeasureKind, value: MeasureValue) -> Option<Rag> {
    match value {
        MeasureValue::Status(rag) => Some(rag),
        MeasureValue::Number(v) => settings
            .rag
            .iter()
            .find(|r| r.measure == kind)
            .map(|rule| rag_for_value(v, rule)),
    }
}

/// Indices of the lowest points of a curve: every point whose score equals the minimum,
/// provided the minimum is below the scale's neutral value. These are the pain points
/// the map marks.
pub fn lowest_points(scores: &[f32], neutral: f32) -> Vec<usize> {
    let Some(min) = scores.iter().copied().reduce(f32::min) else {
        return Vec::new();
    };
    if min >= neutral {
        return Vec::new();
    }
    scores
        .iter()
        .enumerate()
        .filter(|(_, s)| (**s - min).abs() < f32::EPSILON)
        .map(|(i, _)| i)
        .collect()
}

/// The cards of `journey` that received dot votes, most votes first; cards with as
/// many votes keep the map's order (stage by stage, lane by lane).
pub fn top_voted(journey: &crate::model::Journey) -> Vec<&crate::model::Card> {
    let stage_index = |c: &crate::model::Card| {
        journey
            .stages
            .iter()
            .position(|s| s.id == c.stage)
            .unwrap_or(usize::MAX)
    };
    let mut voted: Vec<(usize, usize, &crate::model::Card)> = journey
        .lanes
        .iter()
        .enumerate()
        .flat_map(|(lane, l)| l.cards.iter().map(move |c| (lane, c)))
        .filter(|(_, c)| c.votes > 0)
        .map(|(lane, c)| (stage_index(c), lane, c))
        .collect();
    voted.sort_by(|a, b| {
        b.2.votes
            .cmp(&a.2.votes)
            .then(a.0.cmp(&b.0))
            .then(a.1.cmp(&b.1))
    });
    voted.into_iter().map(|(_, _, c)| c).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_scores_keep_one_decimal_and_their_sign() {
        assert_eq!(format_signed(f64::from(2.199_999_8_f32)), "+2.2");
        assert_eq!(format_signed(-5.0), "-5");
        assert_eq!(format_signed(0.04), "0");
        assert_eq!(format_signed(1.25), "+1.3");
    }

    #[test]
    fn format_measure_keeps_one_decimal_and_drops_a_whole_number_s_zero() {
        use MeasureKind as M;
        // CES mean of 4, 5, 5 = 14 / 3 = 4.666... -> 4.7, not 5.
        assert_eq!(format_measure(M::Ces, 14.0 / 3.0), "4.7");
        // NEV of 6 ratings, 2 positive and 1 negative: 100 * 1 / 6 = 16.666... -> 16.7.
        assert_eq!(format_measure(M::Nev, 100.0 / 6.0), "16.7");
        // NPS of 10 answers, 4 promoters and 3 detractors: +10, whole -> "10".
        assert_eq!(format_measure(M::Nps, 10.0), "10");
        assert_eq!(format_measure(M::Nps, -60.0), "-60");
        // NPS of 7 answers, 1 promoter, 4 detractors: -300 / 7 = -42.857... -> -42.9.
        assert_eq!(format_measure(M::Nps, -300.0 / 7.0), "-42.9");
        // CSAT 2 of 3 satisfied: 66.666... -> 66.7%.
        assert_eq!(format_measure_with_unit(M::Csat, 200.0 / 3.0), "66.7%");
        assert_eq!(format_measure_with_unit(M::Csat, 75.0), "75%");
        assert_eq!(format_measure_with_unit(M::ScoreOutOf10, 8.5), "8.5/10");
        // 2.96 rounds up to a whole number: no ".0".
        assert_eq!(format_measure(M::Ces, 2.96), "3");
        assert_eq!(format_measure(M::Ces, 2.25), "2.3");
        // A tiny negative never reads "-0".
        assert_eq!(format_measure(M::Nps, -0.04), "0");
        assert_eq!(format_measure(M::ComplaintsPer1000, 11.8), "11.8");
    }

    #[test]
    fn rag_higher_is_better() {
        let rule = RagThreshold {
            measure: MeasureKind::Nps,
            green: 30.0,
            amber: 0.0,
            higher_is_better: true,
        };
        assert_eq!(rag_for_value(45.0, &rule), Rag::Green);
        assert_eq!(rag_for_value(30.0, &rule), Rag::Green);
        assert_eq!(rag_for_value(12.0, &rule), Rag::Amber);
        assert_eq!(rag_for_value(-1.0, &rule), Rag::Red);
    }

    #[test]
    fn rag_lower_is_better() {
        let rule = RagThreshold {
            measure: MeasureKind::Ces,
            green: 2.5,
            amber: 3.5,
            higher_is_better: false,
        };
        assert_eq!(rag_for_value(2.0, &rule), Rag::Green);
        assert_eq!(rag_for_value(3.0, &rule), Rag::Amber);
        assert_eq!(rag_for_value(5.8, &rule), Rag::Red);
    }

    #[test]
    fn lowest_points_marks_every_tied_minimum_below_neutral() {
        assert_eq!(lowest_points(&[1.0, -3.0, 2.0, -3.0], 0.0), vec![1, 3]);
        assert!(lowest_points(&[1.0, 2.0], 0.0).is_empty());
        assert!(lowest_points(&[], 0.0).is_empty());
    }

    #[test]
    fn top_voted_ranks_by_votes_then_map_order() {
        let mut p = crate::io::sample::sample_project();
        let j = &mut p.journeys[0];
        assert!(top_voted(j).is_empty());
        let (first, second) = (j.stages[0].id, j.stages[1].id);
        let mut ids = Vec::new();
        for (lane, stage, votes) in [(1, second, 2), (0, second, 2), (0, first, 2), (2, first, 5)] {
            let card = j.lanes[lane]
                .cards
                .iter_mut()
                .find(|c| c.stage == stage && c.votes == 0)
                .unwrap_or_else(|| panic!("a card in lane {lane}"));
            card.votes = votes;
            ids.push(card.id);
        }
        let ranked: Vec<_> = top_voted(&p.journeys[0]).iter().map(|c| c.id).collect();
        assert_eq!(ranked, vec![ids[3], ids[2], ids[1], ids[0]]);
    }
}
