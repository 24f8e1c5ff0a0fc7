//! Pure functions over the model: survey measures, traffic-light statuses, emotion curve
//! values and touchpoint priorities.

pub mod measures;
pub mod priority;

pub use measures::{ces, csat, nev, nps};
pub use priority::{Priority, Tier, rank_touchpoints, touchpoint_status};

use crate::model::{MeasureKind, MeasureValue, Rag, RagThreshold, Settings};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
