//! Survey measures, computed from individual answers.

use crate::model::{Card, LaneKind, MeasureKind, MeasureValue, NevThresholds, Project, Settings};

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

/// Customer satisfaction: % of 1..=5 answers at or above `satisfied_at_least` (the
/// project's rule, 4 by default: "4 or 5").
pub fn csat(ratings: &[f64], satisfied_at_least: f64) -> Option<f64> {
    if ratings.is_empty() {
        return None;
    }
    let satisfied = ratings.iter().filter(|r| **r >= satisfied_at_least).count() as f64;
    Some(100.0 * satisfied / ratings.len() as f64)
}

/// The value of a measure computed from kept answers (whole-number scores, see
/// [`Answers`](crate::model::Answers)) under the project's settings, rounded to one
/// decimal as every imported value is. `None` without answers or for a measure that is
/// not computed from answers. Counts the scores once (a histogram), so 100,000 answers
/// cost a pass over 100 kB.
pub fn value_from_answers(settings: &Settings, kind: MeasureKind, scores: &[u8]) -> Option<f64> {
    if scores.is_empty() {
        return None;
    }
    // Scores are 0..=10 (anything above counts as 10, never in a valid document).
    let mut counts = [0_u64; 11];
    for &s in scores {
        counts[usize::from(s.min(10))] += 1;
    }
    let n = scores.len() as f64;
    let share = |keep: &dyn Fn(f64) -> bool| {
        counts
            .iter()
            .enumerate()
            .filter(|(score, _)| keep(*score as f64))
            .map(|(_, c)| *c)
            .sum::<u64>() as f64
            / n
    };
    let value = match kind {
        MeasureKind::Nps => 100.0 * (share(&|s| s >= 9.0) - share(&|s| s <= 6.0)),
        MeasureKind::Nev => {
            let t = settings.nev;
            100.0
                * (share(&|s| s >= f64::from(t.positive_at_least))
                    - share(&|s| s <= f64::from(t.negative_at_most)))
        }
        MeasureKind::Ces => {
            counts
                .iter()
                .enumerate()
                .map(|(score, c)| score as f64 * *c as f64)
                .sum::<f64>()
                / n
        }
        MeasureKind::Csat => 100.0 * share(&|s| s >= f64::from(settings.csat_satisfied_at_least)),
        _ => return None,
    };
    Some((value * 10.0).round() / 10.0)
}

/// Recomputes every measure card that keeps its answers, in every journey, under the
/// project's current settings (after the NEV thresholds or the CSAT rule changed).
/// Returns how many values changed.
pub fn recompute_from_answers(project: &mut Project) -> usize {
    let settings = project.settings.clone();
    let mut changed = 0;
    for journey in &mut project.journeys {
        for lane in &mut journey.lanes {
            let LaneKind::Measures(kind) = lane.kind else {
                continue;
            };
            for card in &mut lane.cards {
                let Some(answers) = &card.answers else {
                    continue;
                };
                let value =
                    value_from_answers(&settings, kind, &answers.scores).map(MeasureValue::Number);
                if value.is_some() && card.measure != value {
                    card.measure = value;
                    changed += 1;
                }
            }
        }
    }
    changed
}

/// The sample size a measure card states in its text, "Checkout (n=15)": the last
/// "(n=" followed by digits and ")".
pub fn sample_size(text: &str) -> Option<usize> {
    let start = text.rfind("(n=")? + 3;
    let rest = &text[start..];
    let end = rest.find(')')?;
    rest[..end].trim().parse().ok()
}

/// How many answers a measure card's value rests on: its kept answers, else the n its
/// text states ("(n=15)"); `None` when nobody knows.
pub fn base(card: &Card) -> Option<usize> {
    match &card.answers {
        Some(a) => Some(a.scores.len()),
        None => sample_size(&card.text),
    }
}

/// True when a measure card's value rests on fewer answers than the project's minimum
/// ([`Settings::min_base`]). A card whose base is unknown is not flagged.
pub fn is_low_base(settings: &Settings, card: &Card) -> bool {
    base(card).is_some_and(|n| n < settings.min_base as usize)
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
        assert_eq!(csat(&[5.0, 4.0, 2.0, 4.0], 4.0), Some(75.0));
        // A stricter rule: only 5 is satisfied -> 1 of 4.
        assert_eq!(csat(&[5.0, 4.0, 2.0, 4.0], 5.0), Some(25.0));
        assert_eq!(csat(&[], 4.0), None);
    }

    #[test]
    fn values_from_kept_answers_match_hand_worked_examples() {
        let s = Settings::default();
        // NPS: promoters 9, 10, 10; detractors 0, 6; passive 7, 8 of 7 -> (3-2)/7 = 14.29 -> 14.3.
        let nps_answers = [9, 10, 10, 0, 6, 7, 8];
        assert_eq!(
            value_from_answers(&s, MeasureKind::Nps, &nps_answers),
            Some(14.3)
        );
        // CES: (4 + 5 + 5) / 3 = 4.666.. -> 4.7.
        assert_eq!(
            value_from_answers(&s, MeasureKind::Ces, &[4, 5, 5]),
            Some(4.7)
        );
        // CSAT: 4 and 5 of 4 answers -> 50%.
        assert_eq!(
            value_from_answers(&s, MeasureKind::Csat, &[4, 5, 3, 1]),
            Some(50.0)
        );
        // NEV with 8/4: positive 8, 9, 10; negative 1, 4; neutral 5 -> (3-2)/6 = 16.7.
        let nev_answers = [8, 9, 10, 1, 4, 5];
        assert_eq!(
            value_from_answers(&s, MeasureKind::Nev, &nev_answers),
            Some(16.7)
        );
        assert_eq!(value_from_answers(&s, MeasureKind::Nps, &[]), None);
        assert_eq!(
            value_from_answers(&s, MeasureKind::ScoreOutOf10, &[1]),
            None
        );
    }

    #[test]
    fn changing_the_nev_thresholds_or_csat_rule_recomputes_kept_answers() {
        use crate::model::{Answers, CardId, Lane, LaneId, StageId};
        let mut p = crate::io::sample::blank_project();
        let stage = p.journeys[0].stages[0].id;
        let card = |id, kind_answers: &[u8]| Card {
            measure: Some(MeasureValue::Number(0.0)),
            answers: Some(Answers {
                scores: kind_answers.to_vec(),
                imported: "2026-11-24".into(),
            }),
            ..Card::new(CardId(id), stage, "Checkout (n=6)")
        };
        let lane = |id, kind, card: Card| Lane {
            id: LaneId(id),
            title: String::new(),
            kind: LaneKind::Measures(kind),
            height: 60.0,
            collapsed: false,
            cards: vec![card],
        };
        let _ = StageId(0);
        p.journeys[0].lanes.push(lane(
            9000,
            MeasureKind::Nev,
            card(9001, &[8, 9, 10, 1, 4, 5]),
        ));
        p.journeys[0]
            .lanes
            .push(lane(9002, MeasureKind::Csat, card(9003, &[4, 5, 3, 1])));
        // A hand-typed value without answers is left alone.
        p.journeys[0].lanes.push(lane(
            9004,
            MeasureKind::Nps,
            Card {
                measure: Some(MeasureValue::Number(42.0)),
                ..Card::new(CardId(9005), stage, "Typed")
            },
        ));
        let value =
            |p: &Project, id: u64| p.journeys[0].card(CardId(id)).and_then(|(_, c)| c.measure);
        assert_eq!(recompute_from_answers(&mut p), 2);
        assert_eq!(value(&p, 9001), Some(MeasureValue::Number(16.7)));
        assert_eq!(value(&p, 9003), Some(MeasureValue::Number(50.0)));
        // Stricter NEV: positive from 9, negative up to 5: positive 9, 10; negative 1, 4, 5
        // -> (2-3)/6 = -16.7. CSAT satisfied only at 5: 1 of 4 = 25%.
        p.settings.nev.positive_at_least = 9.0;
        p.settings.nev.negative_at_most = 5.0;
        p.settings.csat_satisfied_at_least = 5;
        assert_eq!(recompute_from_answers(&mut p), 2);
        assert_eq!(value(&p, 9001), Some(MeasureValue::Number(-16.7)));
        assert_eq!(value(&p, 9003), Some(MeasureValue::Number(25.0)));
        assert_eq!(value(&p, 9005), Some(MeasureValue::Number(42.0)));
        // Nothing changes the second time.
        assert_eq!(recompute_from_answers(&mut p), 0);
    }

    #[test]
    fn a_base_below_the_minimum_is_low() {
        use crate::model::{Answers, CardId, StageId};
        let mut s = Settings::default();
        assert_eq!(s.min_base, 30);
        let with = |n: usize| Card {
            answers: Some(Answers {
                scores: vec![9; n],
                imported: "2026-11-24".into(),
            }),
            ..Card::new(CardId(1), StageId(1), "Checkout (n=99)")
        };
        // Kept answers count, not the text: 29 < 30 is low, 30 is not.
        assert_eq!(base(&with(29)), Some(29));
        assert!(is_low_base(&s, &with(29)));
        assert!(!is_low_base(&s, &with(30)));
        // Without answers, the n the text states.
        let typed = Card::new(CardId(2), StageId(1), "Post-visit survey (n=15)");
        assert!(is_low_base(&s, &typed));
        // Unknown base: not flagged.
        assert!(!is_low_base(
            &s,
            &Card::new(CardId(3), StageId(1), "Survey")
        ));
        s.min_base = 10;
        assert!(!is_low_base(&s, &typed));
    }

    #[test]
    fn kept_answers_are_written_one_character_each_and_read_back() {
        use crate::model::{Answers, LaneKind};
        let mut p = crate::io::sample::sample_project();
        let scores = vec![0, 9, 10, 3, 10];
        let card = p.journeys[0]
            .lanes
            .iter_mut()
            .filter(|l| matches!(l.kind, LaneKind::Measures(_)))
            .flat_map(|l| &mut l.cards)
            .next()
            .unwrap();
        card.answers = Some(Answers {
            scores: scores.clone(),
            imported: "2026-11-24".into(),
        });
        let text = crate::io::to_ron_string(&p).unwrap();
        assert!(text.contains("\"09A3A\""), "{text}");
        assert!(text.contains("\"2026-11-24\""));
        let back = crate::io::from_ron_str(&text, std::path::Path::new("p.waymark")).unwrap();
        assert_eq!(back, p);
        // Anything but 0-9 and A is refused with the reason.
        let bad = text.replace("\"09A3A\"", "\"09B\"");
        let e = crate::io::from_ron_str(&bad, std::path::Path::new("p.waymark"))
            .unwrap_err()
            .to_string();
        assert!(e.contains("is not a score"), "{e}");
    }
}
