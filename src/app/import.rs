//! Survey import: answers from a CSV become measures (NPS, NEV, CES, CSAT) per touchpoint
//! or stage, in measures lanes. The plan is shown for confirmation before anything
//! changes; applying it is one edit, so one undo step.
//!
//! Each measure card keeps the answers it was computed from ([`Answers`]), so the value
//! follows later changes of the NEV thresholds or the CSAT rule. Importing again into a
//! measure that keeps answers either **replaces** them (the default) or **appends** the
//! new ones. Replace is the default because survey tools export the whole data set each
//! time: re-importing an updated export must not count the earlier respondents twice,
//! and importing the same file twice must give the same numbers. Append is for a new
//! wave exported on its own.

use crate::t;
use std::collections::BTreeMap;

use crate::analysis;
use crate::io::survey::{Answer, BadRow};
use crate::model::{
    Answers, Card, CardId, Journey, Lane, LaneId, LaneKind, MeasureKind, MeasureValue, Project,
    StageId,
};

/// What an import does with the answers a measure already keeps.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum ImportMode {
    /// The new answers replace the kept ones (an updated export of the same survey).
    #[default]
    Replace,
    /// The new answers are added to the kept ones (a new wave of the survey).
    Append,
}

/// Today's date in UTC as `YYYY-MM-DD`, the date an import records.
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    date_of_day(secs / 86_400)
}

/// The civil date of `days` since 1970-01-01 (Howard Hinnant's algorithm).
fn date_of_day(days: u64) -> String {
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

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
    /// How many measures already keep answers, so that replacing or appending differ.
    pub merges: usize,
}

/// The answers for one measure of one touchpoint (or stage): the measure, the
/// touchpoint it is bound to (none: the whole stage), the scores.
type Group = (MeasureKind, Option<CardId>, Vec<u8>);

/// Plans importing `answers` into `journey` today, replacing the answers measures
/// already keep (the default). See [`plan_import_as`].
pub fn plan_import(
    project: &Project,
    journey: &Journey,
    answers: &[Answer],
    bad: Vec<BadRow>,
) -> ImportPlan {
    plan_import_as(
        project,
        journey,
        answers,
        bad,
        ImportMode::default(),
        &today(),
    )
}

/// Plans importing `answers` into `journey` on the day `today` (`YYYY-MM-DD`), replacing
/// or appending to the answers measures already keep (`mode`). Rows naming no
/// touchpoint or stage of the journey join `bad`.
pub fn plan_import_as(
    project: &Project,
    journey: &Journey,
    answers: &[Answer],
    mut bad: Vec<BadRow>,
    mode: ImportMode,
    today: &str,
) -> ImportPlan {
    // Every name an answer may give, lower-cased, to its (stage, label, touchpoint):
    // touchpoints first (the first of equal names wins), then stages. Built once, so
    // 100,000 answers cost 100,000 look-ups, not a scan of the map each.
    let stage_index: std::collections::HashMap<StageId, usize> = journey
        .stages
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id, i))
        .collect();
    let index = |id: StageId| stage_index.get(&id).copied().unwrap_or(0);
    let mut names: std::collections::HashMap<String, (usize, String, Option<CardId>)> =
        std::collections::HashMap::new();
    for c in journey
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Touchpoints)
        .flat_map(|l| &l.cards)
    {
        names
            .entry(c.text.trim().to_lowercase())
            .or_insert_with(|| (index(c.stage), c.text.trim().to_owned(), Some(c.id)));
    }
    for s in &journey.stages {
        names
            .entry(s.name.trim().to_lowercase())
            .or_insert_with(|| (index(s.id), s.name.trim().to_owned(), None));
    }
    // Resolve each answer to (stage index, label).
    let mut groups: BTreeMap<(usize, String, u8), Group> = BTreeMap::new();
    let mut used = 0;
    for a in answers {
        let target = names.get(&a.target.to_lowercase()).cloned();
        let Some((stage_index, label, about)) = target else {
            bad.push(BadRow {
                line: a.line,
                message: t!("err-survey-unknown-target", target = a.target.as_str()),
            });
            continue;
        };
        let key = (stage_index, label, measure_order(a.measure));
        groups
            .entry(key)
            .or_insert((a.measure, about, Vec::new()))
            .2
            // Strict scores: the parser keeps whole numbers 0..=10 only.
            .push(a.score.clamp(0.0, 10.0) as u8);
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
    let mut merges = 0;
    let settings = &project.settings;
    let name = |m| crate::i18n::labels::measure_kind(crate::i18n::interface(), m);
    for ((stage_index, label, _), (measure, about, scores)) in groups {
        if scores.is_empty() {
            continue;
        }
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
            changes.push(t!("import-new-lane", lane = name(measure)));
            out.lanes.len() - 1
        };
        let lane = &mut out.lanes[lane_index];
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
            let added = scores.len();
            let kept = card.answers.as_ref().map_or(0, |a| a.scores.len());
            let all = match (&card.answers, mode) {
                (Some(a), ImportMode::Append) => {
                    let mut all = a.scores.clone();
                    all.extend_from_slice(&scores);
                    all
                }
                _ => scores,
            };
            let Some(value) = analysis::value_from_answers(settings, measure, &all) else {
                continue;
            };
            let new = analysis::format_measure_with_unit(measure, value);
            changes.push(match (kept, mode) {
                (0, _) => t!(
                    "import-change",
                    measure = name(measure),
                    label = &label,
                    old = old,
                    new = new,
                    count = all.len()
                ),
                (_, ImportMode::Replace) => t!(
                    "import-change-replace",
                    measure = name(measure),
                    label = &label,
                    old = old,
                    new = new,
                    count = added,
                    kept = kept
                ),
                (_, ImportMode::Append) => t!(
                    "import-change-append",
                    measure = name(measure),
                    label = &label,
                    old = old,
                    new = new,
                    kept = kept,
                    added = added
                ),
            });
            if kept > 0 {
                merges += 1;
            }
            card.measure = Some(MeasureValue::Number(value));
            card.text = format!("{label} (n={})", all.len());
            card.answers = Some(Answers {
                scores: all,
                imported: today.to_owned(),
            });
        } else {
            let Some(value) = analysis::value_from_answers(settings, measure, &scores) else {
                continue;
            };
            changes.push(t!(
                "import-new-value",
                measure = name(measure),
                label = &label,
                new = analysis::format_measure_with_unit(measure, value),
                count = scores.len()
            ));
            lane.cards.push(Card {
                measure: Some(MeasureValue::Number(value)),
                about,
                ..Card::new(
                    CardId(fresh()),
                    stage,
                    format!("{label} (n={})", scores.len()),
                )
            });
            if let Some(card) = lane.cards.last_mut() {
                card.answers = Some(Answers {
                    scores,
                    imported: today.to_owned(),
                });
            }
        }
    }
    ImportPlan {
        journey: out,
        changes,
        bad,
        used,
        merges,
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
        let plan = plan_import_as(
            &project,
            journey,
            &answers,
            bad,
            ImportMode::Replace,
            "2026-11-24",
        );
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
        let plan = plan_import_as(
            &project,
            &renamed,
            &again,
            bad,
            ImportMode::Replace,
            "2026-11-24",
        );
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
        let plan = plan_import_as(
            &project,
            journey,
            &answers,
            bad,
            ImportMode::Replace,
            "2026-11-24",
        );
        let mut p = project.clone();
        p.journeys[0] = plan.journey;
        let (answers, bad) =
            parse("touchpoint,measure,score\nOrder online,nps,0\nOrder online,nps,0\n");
        let plan2 = plan_import_as(
            &p,
            &p.journeys[0],
            &answers,
            bad,
            ImportMode::Replace,
            "2026-11-24",
        );
        assert!(
            plan2.changes[0].contains("100 → -100 (n=2, replaced n=1)"),
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
        let plan = plan_import_as(
            &project,
            journey,
            &answers,
            bad,
            ImportMode::Replace,
            "2026-11-24",
        );
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

    #[test]
    fn dates_are_civil_days() {
        assert_eq!(date_of_day(0), "1970-01-01");
        assert_eq!(date_of_day(59), "1970-03-01");
        // 2026-11-24 is day 20,781 since the epoch (2025-11-24 + 365).
        assert_eq!(date_of_day(20_781), "2026-11-24");
        assert_eq!(date_of_day(11_016), "2000-02-29");
        assert_eq!(today().len(), 10);
    }

    #[test]
    fn re_importing_replaces_or_appends_the_kept_answers() {
        let project = sample_project();
        let (first, bad) = parse(
            "touchpoint,measure,score\n\
             Online checkout,nps,10\n\
             Online checkout,nps,10\n\
             Online checkout,nps,0\n\
             Online checkout,nps,8\n",
        );
        let plan = plan_import_as(
            &project,
            &project.journeys[0],
            &first,
            bad,
            ImportMode::Replace,
            "2026-11-20",
        );
        // First import: nothing kept, so nothing to merge. NPS (2 - 1) / 4 = 25.
        assert_eq!(plan.merges, 0);
        let mut p = project.clone();
        p.journeys[0] = plan.journey;
        let nps_card = |p: &Project| {
            p.journeys[0]
                .lanes
                .iter()
                .filter(|l| l.kind == LaneKind::Measures(MeasureKind::Nps))
                .flat_map(|l| &l.cards)
                .find(|c| c.text.starts_with("Online checkout"))
                .cloned()
        };
        let card = nps_card(&p).unwrap();
        assert_eq!(card.measure, Some(MeasureValue::Number(25.0)));
        let kept = card.answers.unwrap();
        assert_eq!(kept.scores, vec![10, 10, 0, 8]);
        assert_eq!(kept.imported, "2026-11-20");

        let (second, bad) =
            parse("touchpoint,measure,score\nOnline checkout,nps,3\nOnline checkout,nps,9\n");
        // Replace: only the 2 new answers: (1 - 1) / 2 = 0.
        let replace = plan_import_as(
            &p,
            &p.journeys[0],
            &second,
            bad.clone(),
            ImportMode::Replace,
            "2026-11-24",
        );
        assert_eq!(replace.merges, 1);
        assert!(
            replace
                .changes
                .contains(&"NPS for Online checkout: 25 → 0 (n=2, replaced n=4)".to_owned()),
            "{:?}",
            replace.changes
        );
        let mut r = p.clone();
        r.journeys[0] = replace.journey;
        let card = nps_card(&r).unwrap();
        assert_eq!(card.measure, Some(MeasureValue::Number(0.0)));
        assert_eq!(card.text, "Online checkout (n=2)");
        assert_eq!(card.answers.as_ref().map(|a| a.scores.len()), Some(2));
        // Append: 6 answers 10, 10, 0, 8, 3, 9: promoters 3, detractors 2 -> 1/6 = 16.7.
        let append = plan_import_as(
            &p,
            &p.journeys[0],
            &second,
            bad,
            ImportMode::Append,
            "2026-11-24",
        );
        assert!(
            append
                .changes
                .contains(&"NPS for Online checkout: 25 → 16.7 (n=4 kept + 2 new)".to_owned()),
            "{:?}",
            append.changes
        );
        let mut a = p.clone();
        a.journeys[0] = append.journey;
        let card = nps_card(&a).unwrap();
        assert_eq!(card.measure, Some(MeasureValue::Number(16.7)));
        assert_eq!(card.text, "Online checkout (n=6)");
        let kept = card.answers.unwrap();
        assert_eq!(kept.scores, vec![10, 10, 0, 8, 3, 9]);
        assert_eq!(kept.imported, "2026-11-24");
        assert_eq!(a.validate(), vec![]);
    }
}
