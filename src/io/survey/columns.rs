//! Which column of a survey table holds what, found from the header row.
//!
//! Two shapes of export are read:
//! - **one answer per row** (`touchpoint, measure, score` in any order, with any other
//!   columns: respondent id, wave, date), the columns named in English or Chinese;
//! - **one respondent per row**, a column per question, as Qualtrics, Survey Monkey,
//!   问卷星 and 腾讯问卷 export: a question column is recognised when its header names
//!   a measure (NPS, CES, CSAT, NEV, or 净推荐值, 费力度, 满意度...) and a touchpoint or
//!   stage of the journey.
//!
//! A header nothing can be made of leaves the choice to the user (the import preview's
//! column step), and the choice is remembered per journey for the same header.

use crate::model::{MeasureKind, SurveyLayout, SurveyMapping, SurveyQuestion};

use super::table::{Record, Table};
use super::{Answer, BadRow};

/// A header cell reduced for comparison: lower case, without spaces, `_` and `-`.
fn normal(cell: &str) -> String {
    cell.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-'))
        .flat_map(char::to_lowercase)
        .collect()
}

/// Header names of the touchpoint column (already [`normal`]).
const TOUCHPOINT: &[&str] = &[
    "touchpoint",
    "touchpoints",
    "touchpointname",
    "target",
    "stage",
    "触点",
    "接触点",
    "触点名称",
    "阶段",
    "觸點",
    "接觸點",
    "觸點名稱",
    "階段",
];

/// Header names of the measure column.
const MEASURE: &[&str] = &[
    "measure",
    "metric",
    "measuretype",
    "question",
    "指标",
    "指标类型",
    "度量",
    "题目",
    "指標",
    "指標類型",
    "題目",
];

/// Header names of the score column.
const SCORE: &[&str] = &[
    "score", "answer", "value", "rating", "response", "分数", "得分", "评分", "分值", "答案",
    "分數", "評分",
];

/// The measure a text names (a measure cell, or part of a question's header), in
/// English or Chinese: the abbreviations as whole words, the Chinese names anywhere.
pub fn measure_named(text: &str) -> Option<MeasureKind> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect();
    let has_word = |w: &str| words.contains(&w);
    let names: [(MeasureKind, &str, &[&str]); 4] = [
        (
            MeasureKind::Nps,
            "nps",
            &["net promoter", "净推荐", "淨推薦", "推荐度", "推薦度"],
        ),
        (
            MeasureKind::Nev,
            "nev",
            &["net emotional value", "净情感", "淨情感"],
        ),
        (
            MeasureKind::Ces,
            "ces",
            &["customer effort", "费力", "費力", "省力"],
        ),
        (
            MeasureKind::Csat,
            "csat",
            &["customer satisfaction", "满意度", "滿意度"],
        ),
    ];
    names
        .iter()
        .find(|(_, word, phrases)| has_word(word) || phrases.iter().any(|p| lower.contains(p)))
        .map(|(kind, _, _)| *kind)
}

/// How the columns of a table were found.
#[derive(Clone, Debug, PartialEq)]
pub struct Detected {
    /// The layout found, or none: the user chooses.
    pub layout: Option<SurveyLayout>,
    /// True if it is the one remembered for this header.
    pub remembered: bool,
}

/// True if two header rows are the same survey: the same cells, compared as [`normal`].
pub fn same_header(a: &[String], b: &[String]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(a, b)| normal(a) == normal(b))
}

/// Finds the columns of `table`: a layout remembered for the same header (from
/// `remembered`, most recent last), else the columns of an answer-per-row file named
/// in the header, else the question columns that name a measure and one of `names`
/// (the journey's touchpoints and stages) in their header or the extra header rows.
pub fn detect(table: &Table, remembered: &[SurveyMapping], names: &[String]) -> Detected {
    let header = table.header();
    let header = header.as_slice();
    if let Some(m) = remembered
        .iter()
        .rev()
        .find(|m| same_header(&m.header, header) && fits(&m.layout, header.len()))
    {
        return Detected {
            layout: Some(m.layout.clone()),
            remembered: true,
        };
    }
    let layout = long_layout(header).or_else(|| {
        let questions = questions_in(&table.header_texts(), names);
        (!questions.is_empty()).then_some(SurveyLayout::Wide { questions })
    });
    Detected {
        layout,
        remembered: false,
    }
}

/// True if every column `layout` uses exists in a header of `width` columns.
pub fn fits(layout: &SurveyLayout, width: usize) -> bool {
    match layout {
        SurveyLayout::Long {
            touchpoint,
            measure,
            score,
        } => [touchpoint, measure, score].iter().all(|&&c| c < width),
        SurveyLayout::Wide { questions } => questions.iter().all(|q| q.column < width),
    }
}

/// The answer-per-row layout, if the header names all three columns.
fn long_layout(header: &[String]) -> Option<SurveyLayout> {
    let find = |names: &[&str]| {
        header
            .iter()
            .position(|h| names.contains(&normal(h).as_str()))
    };
    Some(SurveyLayout::Long {
        touchpoint: find(TOUCHPOINT)?,
        measure: find(MEASURE)?,
        score: find(SCORE)?,
    })
}

/// The question columns of a one-respondent-per-row header: each names a measure and
/// one of `names` (the longest that fits, so "Online checkout" beats "Checkout").
pub fn questions_in(header: &[String], names: &[String]) -> Vec<SurveyQuestion> {
    let lowered: Vec<(String, &String)> = names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| (n.trim().to_lowercase(), n))
        .collect();
    header
        .iter()
        .enumerate()
        .filter_map(|(column, h)| {
            let measure = measure_named(h)?;
            let lower = h.to_lowercase();
            let (_, name) = lowered
                .iter()
                .filter(|(l, _)| lower.contains(l.as_str()))
                .max_by_key(|(l, _)| l.chars().count())?;
            Some(SurveyQuestion {
                column,
                target: name.trim().to_owned(),
                measure,
            })
        })
        .collect()
}

/// Reads the answers of `table` laid out as `layout`. A row with another number of
/// cells than the header is a bad row; in a one-respondent-per-row file an empty cell
/// is a question not answered, not a bad row.
pub fn answers(table: &Table, layout: &SurveyLayout) -> (Vec<Answer>, Vec<BadRow>) {
    let header = table.header();
    let mut answers = Vec::new();
    let mut bad = Vec::new();
    let skip = match layout {
        SurveyLayout::Wide { .. } => table.extra_header_rows(),
        SurveyLayout::Long { .. } => 0,
    };
    for Record { line, fields } in table.rows().iter().skip(skip) {
        let line = *line;
        let fields = match fields {
            Ok(f) if f.len() == header.len() => f,
            Ok(f) => {
                bad.push(BadRow {
                    line,
                    message: crate::t!(
                        "err-survey-fields",
                        expected = header.len(),
                        count = f.len()
                    ),
                });
                continue;
            }
            Err(message) => {
                bad.push(BadRow {
                    line,
                    message: message.clone(),
                });
                continue;
            }
        };
        match layout {
            SurveyLayout::Long {
                touchpoint,
                measure,
                score,
            } => {
                let cell = |c: &usize| fields.get(*c).map_or("", String::as_str);
                let result = super::target(cell(touchpoint)).and_then(|target| {
                    let Some(kind) = measure_named(cell(measure)) else {
                        return Err(crate::t!(
                            "err-survey-unknown-measure",
                            measure = cell(measure).trim()
                        ));
                    };
                    Ok(Answer {
                        line,
                        target,
                        measure: kind,
                        score: super::score(kind, cell(score))?,
                    })
                });
                match result {
                    Ok(a) => answers.push(a),
                    Err(message) => bad.push(BadRow { line, message }),
                }
            }
            SurveyLayout::Wide { questions } => {
                for q in questions {
                    let cell = fields.get(q.column).map_or("", |c| c.trim());
                    if cell.is_empty() {
                        continue;
                    }
                    match super::score(q.measure, cell) {
                        Ok(score) => answers.push(Answer {
                            line,
                            target: q.target.clone(),
                            measure: q.measure,
                            score,
                        }),
                        Err(message) => bad.push(BadRow {
                            line,
                            message: crate::t!(
                                "err-survey-in-column",
                                column = header.get(q.column).map_or("", String::as_str),
                                message = message
                            ),
                        }),
                    }
                }
            }
        }
    }
    (answers, bad)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::survey::table::{TextEncoding, read_text};

    fn strings(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|&c| c.to_owned()).collect()
    }

    fn table(header: &[&str]) -> Table {
        read_text(&(header.join("\t") + "\n"), TextEncoding::Utf8)
    }

    #[test]
    fn answer_per_row_columns_are_found_by_name_in_any_order_and_language() {
        let d = detect(
            &table(&["Respondent", "Score", "Wave", "Touchpoint", "MEASURE"]),
            &[],
            &[],
        );
        assert_eq!(
            d.layout,
            Some(SurveyLayout::Long {
                touchpoint: 3,
                measure: 4,
                score: 1
            })
        );
        for header in [["触点", "指标", "分数"], ["接觸點", "指標", "分數"]] {
            let d = detect(&table(&header), &[], &[]);
            assert_eq!(
                d.layout,
                Some(SurveyLayout::Long {
                    touchpoint: 0,
                    measure: 1,
                    score: 2
                }),
                "{header:?}"
            );
        }
        assert_eq!(
            detect(&table(&["a", "b", "c"]), &[], &[]).layout,
            None,
            "nothing to go on: the user chooses"
        );
    }

    #[test]
    fn question_columns_name_a_measure_and_a_touchpoint() {
        let names = strings(&["Checkout", "Online checkout", "Engineer visit", "结账"]);
        let header = strings(&[
            "ResponseId",
            "Q1 Online checkout - NPS",
            "Q2 How easy was the engineer visit? (CES)",
            "Q3 Comments about checkout",
            "4. 您对结账环节的满意度",
            "Q5 Checkout CSAT",
        ]);
        let q = questions_in(&header, &names);
        let got: Vec<(usize, &str, MeasureKind)> = q
            .iter()
            .map(|q| (q.column, q.target.as_str(), q.measure))
            .collect();
        assert_eq!(
            got,
            vec![
                (1, "Online checkout", MeasureKind::Nps),
                (2, "Engineer visit", MeasureKind::Ces),
                (4, "结账", MeasureKind::Csat),
                (5, "Checkout", MeasureKind::Csat),
            ]
        );
        // "process" holds "ces" only inside a word: not a measure.
        assert_eq!(measure_named("Checkout process"), None);
    }

    #[test]
    fn a_remembered_mapping_wins_for_the_same_header_only() {
        let header = table(&["ID", "Q1", "Q2"]);
        let layout = SurveyLayout::Wide {
            questions: vec![SurveyQuestion {
                column: 2,
                target: "Checkout".into(),
                measure: MeasureKind::Nps,
            }],
        };
        let remembered = [SurveyMapping {
            header: strings(&["id", " q1", "Q 2"]),
            layout: layout.clone(),
        }];
        let d = detect(&header, &remembered, &[]);
        assert_eq!(d.layout, Some(layout));
        assert!(d.remembered);
        let other = detect(&table(&["ID", "Q1", "Q3"]), &remembered, &[]);
        assert_eq!(other.layout, None);
    }

    #[test]
    fn wide_rows_give_one_answer_per_answered_question() {
        let text = "ResponseId,Checkout NPS,Engineer visit CES,Date\n\
                    r1,9,2,2026-11-01\n\
                    r2,,7,2026-11-01\n\
                    r3,9.5,8,2026-11-02\n\
                    r4,10\n";
        let table = read_text(text, TextEncoding::Utf8);
        let names = strings(&["Checkout", "Engineer visit"]);
        let d = detect(&table, &[], &names);
        let layout = d.layout.unwrap_or_else(|| panic!("wide layout"));
        let (answers, bad) = answers(&table, &layout);
        let got: Vec<(usize, &str, f64)> = answers
            .iter()
            .map(|a| (a.line, a.target.as_str(), a.score))
            .collect();
        assert_eq!(
            got,
            vec![
                (2, "Checkout", 9.0),
                (2, "Engineer visit", 2.0),
                (3, "Engineer visit", 7.0)
            ]
        );
        let lines: Vec<usize> = bad.iter().map(|b| b.line).collect();
        assert_eq!(lines, vec![4, 4, 5]);
        assert!(bad[0].message.contains("Checkout NPS"), "{bad:?}");
        assert!(bad[0].message.contains("9.5 is not a whole number"));
        assert!(bad[1].message.contains("CES score 8 is outside 1-7"));
        assert!(
            bad[2]
                .message
                .contains("expected 4 fields (as the header), found 2")
        );
    }

    #[test]
    fn qualtrics_question_texts_under_the_column_ids_name_the_questions() {
        let text = "StartDate,ResponseId,Q1,Q2\n\
                    Start Date,Response ID,How likely are you to recommend us after Online checkout? (NPS),Comments\n\
                    \"{\"\"ImportId\"\":\"\"startDate\"\"}\",\"{\"\"ImportId\"\":\"\"_recordId\"\"}\",\"{\"\"ImportId\"\":\"\"QID1\"\"}\",\"{\"\"ImportId\"\":\"\"QID2\"\"}\"\n\
                    2026-11-01 10:00:00,R_1,9,Great\n\
                    2026-11-01 10:05:00,R_2,3,\n";
        let table = read_text(text, TextEncoding::Utf8);
        assert_eq!(table.extra_header_rows(), 2);
        let d = detect(&table, &[], &strings(&["Online checkout"]));
        let layout = d.layout.unwrap_or_else(|| panic!("found"));
        let (answers, bad) = answers(&table, &layout);
        assert!(bad.is_empty(), "{bad:?}");
        let got: Vec<(usize, f64)> = answers.iter().map(|a| (a.line, a.score)).collect();
        assert_eq!(got, vec![(4, 9.0), (5, 3.0)]);
    }
}
