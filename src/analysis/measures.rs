//! Survey measures, computed from individual answers.

use crate::model::NevThresholds;

/// Net Promoter Score from 0..=10 "would you recommend" answers: % promoters (9-10)
/// minus % detractors (0-6). `None` without answers.
pub fn nps(scores: &[f64]) -> Option<f64> {
    if scores.is_empty() {
        return None;
    }
    let n = scores.len() as f64;
    let promoters = scores.iter().filter(|s| **s >= 9.0).count() as f64;
    let detractors = scores.iter().filter(|s| **s <= 6.0).count() as f64;
    Some(100.0 * (promoters - detractors) / n)
}

/// Net Emotional Value from 1..=10 "how did it make you feel" ratings: % positive minus
/// % negative, with the project's thresholds.
pub fn nev(ratings: &[f64], thresholds: &NevThresholds) -> Option<f64> {
    if ratings.is_empty() {
        return None;
    }
    let n = ratings.len() as f64;
    let positive = ratings
        .iter()
        .filter(|r| **r >= f64::from(thresholds.positive_at_least))
        .count() as f64;
    let negative = ratings
        .iter()
        .filter(|r| **r <= f64::from(thresholds.negative_at_most))
        .count() as f64;
    Some(100.0 * (positive - negative) / n)
}

/// Customer effort score: the mean effort rating (1 = very easy .. 7 = very hard).
pub fn ces(ratings: &[f64]) -> Option<f64> {
    if ratings.is_empty() {
        return None;
    }
    Some(ratings.iter().sum::<f64>() / ratings.len() as f64)
}

/// Customer satisfaction: % of 1..=5 answers that are 4 or 5.
pub fn csat(ratings: &[f64]) -> Option<f64> {
    if ratings.is_empty() {
        return None;
    }
    let satisfied = ratings.iter().filter(|r| **r >= 4.0).count() as f64;
    Some(100.0 * satisfied / ratings.len() as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nps_worked_example() {
        // 4 promoters (9, 10, 9, 10), 3 passives (7, 8, 8), 3 detractors (0, 5, 6) of 10:
        // 40% - 30% = +10.
        let answers = [9.0, 10.0, 9.0, 10.0, 7.0, 8.0, 8.0, 0.0, 5.0, 6.0];
        assert_eq!(nps(&answers), Some(10.0));
        assert_eq!(nps(&[10.0; 5]), Some(100.0));
        assert_eq!(nps(&[3.0, 6.0]), Some(-100.0));
        assert_eq!(nps(&[]), None);
    }

    #[test]
    fn nev_uses_the_project_thresholds() {
        let t = NevThresholds {
            positive_at_least: 8.0,
            negative_at_most: 4.0,
        };
        // Positive: 8, 9, 10; negative: 1, 4; neutral: 5, 6, 7 -> (3 - 2) / 8 = +12.5.
        let ratings = [8.0, 9.0, 10.0, 1.0, 4.0, 5.0, 6.0, 7.0];
        assert_eq!(nev(&ratings, &t), Some(12.5));
        let strict = NevThresholds {
            positive_at_least: 9.0,
            negative_at_most: 6.0,
        };
        // Positive: 9, 10; negative: 1, 4, 5, 6 -> (2 - 4) / 8 = -25.
        assert_eq!(nev(&ratings, &strict), Some(-25.0));
        assert_eq!(nev(&[], &t), None);
    }

    #[test]
    fn ces_and_csat_worked_examples() {
        assert_eq!(ces(&[1.0, 2.0, 6.0, 3.0]), Some(3.0));
        assert_eq!(ces(&[]), None);
        // 3 of 4 answers are 4 or 5.
        assert_eq!(csat(&[5.0, 4.0, 2.0, 4.0]), Some(75.0));
        assert_eq!(csat(&[]), None);
    }
}
