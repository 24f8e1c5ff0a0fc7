//! Survey import: answers from a CSV become measures (NPS, NEV, CES, CSAT) per touchpoint
//! or stage, in measures lanes. The plan is shown for confirmation before anything
//! changes; applying it is one edit, so one undo step.

use crate::t;
use std::collections::BTreeMap;

use crate::analysis;
use crate::io::survey::{Answer, BadRow};
use crate::model::{
    Card, CardId, Journey, Lane, LaneId, LaneKind, MeasureKind, MeasureValue, Project, StageId,
};

/// What an import would do.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPlan {
    /// The journey after the import.
    pub journey: Journey,
    /// One line per change, for the preview.
    pub changes: Vec<String>,
    /// Rows that were left out, with their line numbers.
    pub bad: Vec<BadRow>,
    /// How many answers were used.
    pub used: usize,
}

/// The answers for one measure of one touchpoint (or stage): the measure, the
/// touchpoint it is bound to (none: the whole stage), the scores.
type Group = (MeasureKind, Option<CardId>, Vec<f64>);

/// Plans importing `answers` into `journey`. Rows naming no touchpoint or stage of the
/// journey join `bad`.
pub fn plan_import(
    project: &Project,
    journey: &Journey,
    answers: &[Answer],
    mut bad: Vec<BadRow>,
) -> ImportPlan {
    // Resolve each answer to (stage index, label).
    let mut groups: BTreeMap<(usize, String, u8), Group> = BTreeMap::new();
    let mut used = 0;
    for a in answers {
        let wanted = a.target.to_lowercase();
        let touchpoint = journey
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Touchpoints)
            .flat_map(|l| &l.cards)
            .find(|c| c.text.trim().to_lowercase() == wanted);
        let target = touchpoint
            .map(|c| (c.stage, c.text.trim().to_owned(), Some(c.id)))
            .or_else(|| {
                journey
                    .stages
                    .iter()
                    .find(|s| s.name.trim().to_lowercase() == wanted)
                    .map(|s| (s.id, s.name.trim().to_owned(), None))
            });
        let Some((stage, label, about)) = target else {
            bad.push(BadRow {
                line: a.line,
                message: format!(
                    "no touchpoint or stage called \"{}\" in this journey",
                    a.target
                ),
            });
            continue;
        };
        let stage_index = journey
            .stages
            .iter()
            .position(|s| s.id == stage)
            .unwrap_or(0);
        let key = (stage_index, label, measure_order(a.measure));
        groups
            .entry(key)
            .or_insert((a.measure, about, Vec::new()))
            .2
            .push(a.score);
        used += 1;
    }
    bad.sort_by_key(|b| b.line);

    let mut next_id = project.max_id();
    let mut fresh = || {
        next_id += 1;
        next_id
    };
    let mut out = journey.clone();
    let mut changes = Vec::new();
    for ((stage_index, label, _), (measure, about, scores)) in groups {
        let value = match measure {
            MeasureKind::Nps => analysis::nps(&scores),
            MeasureKind::Nev => analysis::nev(&scores, &project.settings.nev),
            MeasureKind::Ces => analysis::ces(&scores),
            _ => analysis::csat(&scores),
        };
        let Some(value) = value else { continue };
        let value = (value * 10.0).round() / 10.0;
        let stage: StageId = out.stages[stage_index].id;
        let existing = out
            .lanes
            .iter()
            .position(|l| l.kind == LaneKind::Measures(measure));
        let lane_index = if let Some(i) = existing {
            i
        } else {
            out.lanes.push(Lane {
                id: LaneId(fresh()),
                // Document text: in the map's language.
                title: crate::i18n::labels::measure_kind(
                    crate::i18n::Language::of_map(project),
                    measure,
                ),
                kind: LaneKind::Measures(measure),
                height: 70.0,
                collapsed: false,
                cards: Vec::new(),
            });
            changes.push(t!(
                "import-new-lane",
                lane = crate::i18n::labels::measure_kind(crate::i18n::interface(), measure)
            ));
            out.lanes.len() - 1
        };
        let lane = &mut out.lanes[lane_index];
        let text = format!("{label} (n={})", scores.len());
        let lower = label.to_lowercase();
        // The measure already there for the same touchpoint (bound by id), or for the
        // stage as a whole (a stage-wide measure of the same name).
        if let Some(card) = lane.cards.iter_mut().find(|c| {
            c.stage == stage
                && match about {
                    Some(_) => c.about == about,
                    None => c.about.is_none() && c.text.to_lowercase().starts_with(&lower),
                }
        }) {
            let old = match card.measure {
                Some(MeasureValue::Number(v)) => analysis::format_measure_with_unit(measure, v),
                Some(MeasureValue::Status(r)) => {
                    crate::i18n::labels::rag(crate::i18n::interface(), r)
                }
                None => t!("import-none"),
            };
            changes.push(t!(
                "import-change",
                measure = crate::i18n::labels::measure_kind(crate::i18n::interface(), measure),
                label = &label,
                old = old,
                new = analysis::format_measure_with_unit(measure, value),
                count = scores.len()
            ));
            card.measure = Some(MeasureValue::Number(value));
            card.text = text;
        } else {
            changes.push(t!(
                "import-new-value",
                measure = crate::i18n::labels::measure_kind(crate::i18n::interface(), measure),
                label = &label,
                new = analysis::format_measure_with_unit(measure, value),
                count = scores.len()
            ));
            lane.cards.push(Card {
                measure: Some(MeasureValue::Number(value)),
                about,
                ..Card::new(CardId(fresh()), stage, text)
            });
        }
    }
    ImportPlan {
        journey: out,
        changes,
        bad,
        used,
    }
}

fn measure_order(m: MeasureKind) -> u8 {
    MeasureKind::ALL.iter().position(|x| *x == m).unwrap_or(0) as u8
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_project;
    use crate::io::survey::parse;

    #[test]
    fn answers_become_measures_per_touchpoint_and_bad_rows_are_listed() {
        let project = sample_project();
        let journey = &project.journeys[0];
        let csv = "touchpoint,measure,score\n\
                   Online checkout,nps,10\n\
                   Online checkout,nps,9\n\
                   Online checkout,nps,3\n\
                   Online checkout,nps,8\n\
                   Engineer visit,nev,9\n\
                   Engineer visit,nev,2\n\
                   Fault reported,ces,6\n\
                   Fault reported,ces,5\n\
                   Nowhere,nps,5\n\
                   Online checkout,nps,12\n";
        let (answers, bad) = parse(csv);
        let plan = plan_import(&project, journey, &answers, bad);
        assert_eq!(plan.used, 8);
        let bad_lines: Vec<usize> = plan.bad.iter().map(|b| b.line).collect();
        assert_eq!(bad_lines, vec![10, 11]);
        assert!(plan.bad[0].message.contains("Nowhere"));

        let j = &plan.journey;
        let value = |kind: MeasureKind, prefix: &str| {
            j.lanes
                .iter()
                .filter(|l| l.kind == LaneKind::Measures(kind))
                .flat_map(|l| &l.cards)
                .find(|c| c.text.starts_with(prefix))
                .and_then(|c| c.measure)
        };
        // NPS: 2 promoters, 1 passive, 1 detractor of 4 -> +25.
        assert_eq!(
            value(MeasureKind::Nps, "Online checkout"),
            Some(MeasureValue::Number(25.0))
        );
        // NEV with 8/4 thresholds: one positive, one negative -> 0.
        assert_eq!(
            value(MeasureKind::Nev, "Engineer visit"),
            Some(MeasureValue::Number(0.0))
        );
        // CES: mean of 6 and 5.
        assert_eq!(
            value(MeasureKind::Ces, "Fault reported"),
            Some(MeasureValue::Number(5.5))
        );
        // New lanes for NEV and CES; the NPS lane existed.
        assert!(plan.changes.iter().any(|c| c == "New lane \"NEV\""));
        assert!(plan.changes.iter().any(|c| c == "New lane \"CES\""));
        assert!(!plan.changes.iter().any(|c| c == "New lane \"NPS\""));
        // Each value is bound to its touchpoint by id, not by its text.
        let checkout = j
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Touchpoints)
            .flat_map(|l| &l.cards)
            .find(|c| c.text == "Online checkout")
            .map(|c| c.id);
        let bound = j
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Measures(MeasureKind::Nps))
            .flat_map(|l| &l.cards)
            .find(|c| c.text.starts_with("Online checkout"))
            .and_then(|c| c.about);
        assert!(checkout.is_some());
        assert_eq!(bound, checkout);
        // The result is a valid document.
        let mut p = project.clone();
        p.journeys[0] = plan.journey.clone();
        assert_eq!(p.validate(), vec![]);
        // Importing again updates that card in place, also after the touchpoint was
        // renamed (bound by id, not by name).
        let mut renamed = plan.journey.clone();
        for c in renamed.lanes.iter_mut().flat_map(|l| &mut l.cards) {
            if Some(c.id) == checkout {
                c.text = "Checkout".into();
            }
        }
        let (again, bad) = parse("touchpoint,measure,score\nCheckout,nps,10\n");
        let plan = plan_import(&project, &renamed, &again, bad);
        let bound: Vec<_> = plan
            .journey
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Measures(MeasureKind::Nps))
            .flat_map(|l| &l.cards)
            .filter(|c| c.about == checkout)
            .filter_map(|c| c.measure)
            .collect();
        assert_eq!(bound, vec![MeasureValue::Number(100.0)]);
    }

    #[test]
    fn an_existing_measure_card_is_updated_in_place() {
        let project = sample_project();
        let journey = &project.journeys[0];
        // The NPS lane has "Post-order survey" under "Order online"; a stage-level import
        // names the stage, so a new card is added beside it; then a second import updates it.
        let (answers, bad) = parse("touchpoint,measure,score\nOrder online,nps,10\n");
        let plan = plan_import(&project, journey, &answers, bad);
        let mut p = project.clone();
        p.journeys[0] = plan.journey;
        let (answers, bad) =
            parse("touchpoint,measure,score\nOrder online,nps,0\nOrder online,nps,0\n");
        let plan2 = plan_import(&p, &p.journeys[0], &answers, bad);
        assert!(
            plan2.changes[0].contains("100 → -100 (n=2)"),
            "{:?}",
            plan2.changes
        );
    }

    #[test]
    fn the_preview_shows_values_with_the_one_measure_format() {
        let project = sample_project();
        let journey = &project.journeys[0];
        // CSAT: 2 of 3 satisfied = 66.666...% -> "66.7%"; CES 4, 5, 5 -> "4.7".
        let csv = "touchpoint,measure,score\n\
                   Online checkout,csat,5\n\
                   Online checkout,csat,4\n\
                   Online checkout,csat,1\n\
                   Fault reported,ces,4\n\
                   Fault reported,ces,5\n\
                   Fault reported,ces,5\n";
        let (answers, bad) = parse(csv);
        let plan = plan_import(&project, journey, &answers, bad);
        assert!(
            plan.changes.iter().any(|c| c.contains("new 66.7% (n=3)")),
            "{:?}",
            plan.changes
        );
        assert!(
            plan.changes.iter().any(|c| c.contains("new 4.7 (n=3)")),
            "{:?}",
            plan.changes
        );
    }
}
