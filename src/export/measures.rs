//! Numbers out: every computed measure of a project as CSV, for a spreadsheet.
//!
//! One row per measure card (journey, stage, the touchpoint it measures or none for the
//! whole stage, the measure, its value, n (the answers it keeps, else what the card says
//! "(n=..)"), its RAG status), with the touchpoint's class, priority rank and reason and
//! a "low base" flag (n below the project's minimum); then one row per touchpoint
//! that has no measure of its own, so every rank is listed. Values use
//! [`analysis::format_measure`], the one format of every figure, without a unit so a
//! spreadsheet reads them as numbers. Words (header, measure names, RAG, classes,
//! reasons) are in the map's language. The file is UTF-8 with a byte-order mark, so
//! Excel opens Chinese text intact.

use std::collections::HashSet;
use std::path::Path;

use crate::analysis::{self, Priority};
use crate::i18n::{Language, labels};
use crate::io::atomic_write;
use crate::model::{Card, CardId, Journey, LaneKind, MeasureValue, Project};
use crate::tm;

use super::ExportError;

/// The UTF-8 byte-order mark Excel needs to read a CSV file as UTF-8.
const BOM: &[u8] = b"\xEF\xBB\xBF";

pub use crate::analysis::sample_size;

/// The touchpoint a measure card measures (bound by id, see [`Card::about`]); none: the
/// whole stage.
fn measured_touchpoint<'a>(journey: &'a Journey, measure: &Card) -> Option<&'a Card> {
    let id = measure.about?;
    journey.card(id).map(|(_, c)| c)
}

/// The measures CSV of `journeys` of `project` (all of them when `None`), with its BOM.
pub fn measures_csv(
    project: &Project,
    journeys: Option<&[&Journey]>,
) -> Result<Vec<u8>, ExportError> {
    let lang = Language::of_map(project);
    let all: Vec<&Journey> = project.journeys.iter().collect();
    let journeys = journeys.unwrap_or(&all);
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(BOM.to_vec());
    let header = [
        tm!(lang, "measures-csv-journey"),
        tm!(lang, "measures-csv-stage"),
        tm!(lang, "measures-csv-touchpoint"),
        tm!(lang, "measures-csv-measure"),
        tm!(lang, "measures-csv-value"),
        tm!(lang, "measures-csv-n"),
        tm!(lang, "measures-csv-rag"),
        tm!(lang, "measures-csv-class"),
        tm!(lang, "measures-csv-rank"),
        tm!(lang, "measures-csv-reason"),
        tm!(lang, "measures-csv-low-base"),
    ];
    let csv_error = |e: csv::Error| ExportError::Csv(e.to_string());
    writer.write_record(&header).map_err(csv_error)?;
    for journey in journeys {
        let ranked = analysis::rank_touchpoints(project, journey);
        let priority = |id: CardId| ranked.iter().find(|p| p.card == id);
        let stage_name = |card: &Card| {
            journey
                .stages
                .iter()
                .find(|s| s.id == card.stage)
                .map(|s| s.name.clone())
                .unwrap_or_default()
        };
        let mut measured: HashSet<CardId> = HashSet::new();
        for stage in &journey.stages {
            for lane in &journey.lanes {
                let LaneKind::Measures(kind) = lane.kind else {
                    continue;
                };
                for card in journey.cell_cards(lane, stage.id) {
                    let Some(value) = card.measure else {
                        continue;
                    };
                    let touchpoint = measured_touchpoint(journey, card);
                    if let Some(t) = touchpoint {
                        measured.insert(t.id);
                    }
                    let value_text = match value {
                        MeasureValue::Number(v) => analysis::format_measure(kind, v),
                        MeasureValue::Status(_) => String::new(),
                    };
                    let rag = analysis::rag_for_measure(&project.settings, kind, value)
                        .map(|r| labels::rag(lang, r))
                        .unwrap_or_default();
                    // n: the kept answers, else what the card text states.
                    let n = analysis::base(card)
                        .map(|n| n.to_string())
                        .unwrap_or_default();
                    let low_base = if analysis::is_low_base(&project.settings, card) {
                        tm!(lang, "measures-csv-yes")
                    } else {
                        String::new()
                    };
                    let row = [
                        journey.title.clone(),
                        stage.name.clone(),
                        touchpoint
                            .map(|t| t.text.trim().to_owned())
                            .unwrap_or_default(),
                        labels::measure_kind(lang, kind),
                        value_text,
                        n,
                        rag,
                    ];
                    let rest = touchpoint_columns(
                        lang,
                        touchpoint,
                        touchpoint.and_then(|t| priority(t.id)),
                    );
                    writer
                        .write_record(
                            row.iter()
                                .chain(rest.iter())
                                .chain(std::iter::once(&low_base)),
                        )
                        .map_err(csv_error)?;
                }
            }
        }
        // Touchpoints with no measure of their own still have a rank and a reason.
        for p in &ranked {
            if measured.contains(&p.card) {
                continue;
            }
            let Some((_, card)) = journey.card(p.card) else {
                continue;
            };
            let row = [
                journey.title.clone(),
                stage_name(card),
                card.text.trim().to_owned(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ];
            let rest = touchpoint_columns(lang, Some(card), Some(p));
            writer
                .write_record(
                    row.iter()
                        .chain(rest.iter())
                        .chain(std::iter::once(&String::new())),
                )
                .map_err(csv_error)?;
        }
    }
    writer
        .into_inner()
        .map_err(|e| ExportError::Csv(e.error().to_string()))
}

/// Class, rank and reason of a touchpoint; empty for a stage-level measure.
fn touchpoint_columns(
    lang: Language,
    card: Option<&Card>,
    priority: Option<&Priority>,
) -> [String; 3] {
    let class = card
        .and_then(|c| c.touchpoint.as_ref())
        .and_then(|t| t.class)
        .map(|c| labels::touchpoint_class(lang, c))
        .unwrap_or_default();
    let rank = priority.map(|p| p.rank.to_string()).unwrap_or_default();
    let reason = priority.map(|p| p.reason.text(lang)).unwrap_or_default();
    [class, rank, reason]
}

/// Writes the measures CSV of `journeys` (all when `None`) to `path`, atomically.
pub fn write_measures_csv(
    project: &Project,
    journeys: Option<&[&Journey]>,
    path: &Path,
) -> Result<(), ExportError> {
    let bytes = measures_csv(project, journeys)?;
    atomic_write(path, &bytes)?;
    Ok(())
}

/// True when `path` names a CSV file (by its extension, in any case).
pub fn is_csv(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("csv"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_project;
    use crate::model::{Rag, TouchpointClass};

    fn rows(bytes: &[u8]) -> Vec<Vec<String>> {
        let text = std::str::from_utf8(bytes).unwrap_or_default();
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes())
            .records()
            .filter_map(Result::ok)
            .map(|r| r.iter().map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn sample_sizes_are_read_from_the_card_text() {
        assert_eq!(sample_size("Online checkout (n=15)"), Some(15));
        assert_eq!(sample_size("Post-order survey"), None);
        assert_eq!(sample_size("A (n=x)"), None);
    }

    #[test]
    fn every_measure_is_a_row_with_its_exact_value_n_rag_class_rank_and_reason() {
        let mut project = sample_project();
        let j = &mut project.journeys[0];
        // Give a touchpoint a measure of its own with a stated n and a real-precision
        // value: CES 14 / 3 = 4.666... -> "4.7", red (green 2.5, amber 3.5, lower better).
        let tp = j
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Touchpoints)
            .and_then(|l| l.cards.first())
            .cloned();
        let Some(tp) = tp else {
            panic!("the sample has touchpoints");
        };
        j.lanes.push(crate::model::Lane {
            id: crate::model::LaneId(900_000),
            title: "CES".to_owned(),
            kind: LaneKind::Measures(crate::model::MeasureKind::Ces),
            height: 70.0,
            collapsed: false,
            cards: vec![Card {
                measure: Some(MeasureValue::Number(14.0 / 3.0)),
                about: Some(tp.id),
                ..Card::new(CardId(900_001), tp.stage, "Post-visit survey (n=3)")
            }],
        });
        let bytes = measures_csv(&project, None).unwrap_or_default();
        assert!(bytes.starts_with(BOM), "UTF-8 with a byte-order mark");
        let rows = rows(&bytes);
        assert_eq!(
            rows[0],
            [
                "Journey",
                "Stage",
                "Touchpoint",
                "Measure",
                "Value",
                "n",
                "RAG",
                "Class",
                "Priority rank",
                "Reason",
                "Low base"
            ]
        );
        let ces: Vec<&Vec<String>> = rows
            .iter()
            .filter(|r| r[3] == "CES" && r[2] == tp.text.trim())
            .collect();
        assert_eq!(ces.len(), 1, "{rows:?}");
        let row = ces[0];
        assert_eq!(row[0], project.journeys[0].title);
        assert_eq!(row[4], "4.7");
        assert_eq!(row[5], "3");
        // 3 answers are fewer than the default minimum of 30: a low base, said in its
        // own column and in the reason.
        assert_eq!(row[10], "yes");
        assert!(row[9].contains("n=3, low base"), "{}", row[9]);
        assert_eq!(row[6], labels::rag(Language::En, Rag::Red));
        let ranked = analysis::rank_touchpoints(&project, &project.journeys[0]);
        let Some(p) = ranked.iter().find(|p| p.card == tp.id) else {
            panic!("the touchpoint is ranked");
        };
        assert_eq!(row[8], p.rank.to_string());
        assert_eq!(row[9], p.reason.text(Language::En));
        let class = tp.touchpoint.as_ref().and_then(|t| t.class);
        assert_eq!(
            row[7],
            class
                .map(|c: TouchpointClass| labels::touchpoint_class(Language::En, c))
                .unwrap_or_default()
        );
        // Every touchpoint has a rank somewhere in the file.
        for p in &ranked {
            assert!(
                rows.iter().any(|r| r[8] == p.rank.to_string()),
                "rank {} missing",
                p.rank
            );
        }
        // A stage-level measure of the sample (NPS 32 "Post-order survey") is a row
        // with a whole number and no touchpoint columns.
        assert!(
            rows.iter()
                .any(|r| r[3] == "NPS" && r[4] == "32" && r[2].is_empty() && r[8].is_empty()),
            "{rows:?}"
        );
        // Its base is unknown: not flagged.
        assert!(
            rows.iter()
                .any(|r| r[3] == "NPS" && r[4] == "32" && r[10].is_empty()),
            "{rows:?}"
        );
    }

    #[test]
    fn chinese_text_is_kept_as_utf_8() {
        let mut project = sample_project();
        project.journeys[0].title = "宽带安装旅程".to_owned();
        let bytes = measures_csv(&project, None).unwrap_or_default();
        let rows = rows(&bytes);
        assert!(bytes.starts_with(BOM));
        assert!(rows.iter().any(|r| r[0] == "宽带安装旅程"), "{rows:?}");
    }
}
