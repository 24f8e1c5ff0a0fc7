//! Survey exports of every common shape, read as a user's file would be: the committed
//! files in `tests/data/survey/` (written by `make_fixtures.py` in the shapes Qualtrics,
//! 问卷星, Excel's "Unicode text" and Chinese Excel's CSV have), previewed into a real
//! project. Expected values are worked out here from the answers the script wrote.

use std::path::PathBuf;

use waymark::app::files::{SurveyPreview, preview_survey};
use waymark::io;
use waymark::io::survey::table::{Source, TextEncoding};
use waymark::model::{
    Journey, LaneKind, MeasureKind, MeasureValue, Project, SurveyLayout, SurveyQuestion,
};

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data/survey")
        .join(name)
}

fn template(id: &str) -> Project {
    let (templates, _) = io::templates::builtin();
    io::templates::find(&templates, id)
        .unwrap_or_else(|| panic!("template {id}"))
        .project
        .clone()
}

fn preview(project: &Project, name: &str) -> SurveyPreview {
    preview_survey(project, &project.journeys[0], &fixture(name), None)
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// The value of the `kind` measure bound to the touchpoint named `touchpoint`.
fn value(journey: &Journey, touchpoint: &str, kind: MeasureKind) -> Option<f64> {
    let id = journey.touchpoints().find(|c| c.text == touchpoint)?.id;
    journey
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Measures(kind))
        .flat_map(|l| &l.cards)
        .find(|c| c.about == Some(id))
        .and_then(|c| match c.measure {
            Some(MeasureValue::Number(v)) => Some(v),
            _ => None,
        })
}

fn nps(scores: &[f64]) -> f64 {
    let n = scores.len() as f64;
    let promoters = scores.iter().filter(|&&s| s >= 9.0).count() as f64;
    let detractors = scores.iter().filter(|&&s| s <= 6.0).count() as f64;
    (promoters - detractors) / n * 100.0
}

fn mean(scores: &[f64]) -> f64 {
    scores.iter().sum::<f64>() / scores.len() as f64
}

fn csat(scores: &[f64]) -> f64 {
    scores.iter().filter(|&&s| s >= 4.0).count() as f64 / scores.len() as f64 * 100.0
}

/// True if the stored value is `b` as Waymark keeps measures: to one decimal place.
fn close(a: Option<f64>, b: f64) -> bool {
    let b = (b * 10.0).round() / 10.0;
    a.is_some_and(|a| (a - b).abs() < 1e-9)
}

#[test]
fn a_qualtrics_wide_export_is_read_by_its_question_texts() {
    let project = io::sample::sample_project();
    let p = preview(&project, "qualtrics-wide.csv");
    assert_eq!(
        p.table.source,
        Source::Csv {
            delimiter: b',',
            encoding: TextEncoding::Utf8Bom
        }
    );
    let Some(SurveyLayout::Wide { questions }) = &p.layout else {
        panic!("wide layout: {:?}", p.layout);
    };
    let targets: Vec<(usize, &str, MeasureKind)> = questions
        .iter()
        .map(|q| (q.column, q.target.as_str(), q.measure))
        .collect();
    assert_eq!(
        targets,
        [
            (3, "Online checkout", MeasureKind::Nps),
            (4, "Engineer visit", MeasureKind::Ces),
            (5, "Phone support queue", MeasureKind::Csat)
        ]
    );
    // The script's answers, respondent by respondent.
    let block = |v: [f64; 10]| -> Vec<f64> { (0..40).map(|i| v[i % 10]).collect() };
    let mut q1 = block([10., 9., 9., 8., 7., 10., 6., 3., 9., 10.]);
    q1.remove(7); // "9.5": a bad row
    let q2 = block([2., 3., 1., 5., 2., 2., 4., 6., 1., 2.]);
    let q3: Vec<f64> = (0..40)
        .filter(|i| i % 10 != 9)
        .map(|i| [4., 5., 2., 1., 3., 4., 5., 2., 2., 4.][i % 10])
        .collect();
    let j = &p.plan.journey;
    assert!(close(
        value(j, "Online checkout", MeasureKind::Nps),
        nps(&q1)
    ));
    assert!(close(
        value(j, "Engineer visit", MeasureKind::Ces),
        mean(&q2)
    ));
    assert!(close(
        value(j, "Phone support queue", MeasureKind::Csat),
        csat(&q3)
    ));
    assert_eq!(p.plan.used, q1.len() + q2.len() + q3.len());
    // Three header lines, then respondent 7 on line 11.
    assert_eq!(p.plan.bad.len(), 1, "{:?}", p.plan.bad);
    assert_eq!(p.plan.bad[0].line, 11);
    assert!(p.plan.bad[0].message.contains("9.5 is not a whole number"));
}

#[test]
fn a_wenjuanxing_workbook_with_chinese_headers_is_read_from_its_answers_sheet() {
    let project = template("ecommerce-delivery.zh-Hans");
    let p = preview(&project, "wenjuanxing.xlsx");
    // The summary sheet comes first; the answers sheet is the one with columns.
    assert_eq!(
        p.table.source,
        Source::Sheet {
            name: "答卷数据".into(),
            sheets: vec!["统计".into(), "答卷数据".into()]
        }
    );
    let q1: Vec<f64> = (0..35)
        .map(|i| [10., 9., 8., 6., 10., 3., 9.][i % 7])
        .collect();
    let q2: Vec<f64> = (0..35).map(|i| [2., 3., 1., 6., 2.][i % 5]).collect();
    let q3: Vec<f64> = (0..35)
        .filter(|&i| i != 12)
        .map(|i| [5., 4., 4., 2., 5., 3.][i % 6])
        .collect();
    let j = &p.plan.journey;
    assert!(close(value(j, "微信支付", MeasureKind::Nps), nps(&q1)));
    assert!(close(
        value(j, "在线客服尺码咨询", MeasureKind::Ces),
        mean(&q2)
    ));
    assert!(close(
        value(j, "派件短信与快递员电话", MeasureKind::Csat),
        csat(&q3)
    ));
    assert!(p.plan.bad.is_empty(), "{:?}", p.plan.bad);
}

#[test]
fn a_semicolon_utf16_unicode_text_export_is_read_with_its_columns_in_any_order() {
    let project = io::sample::sample_project();
    let p = preview(&project, "semicolon-utf16.txt");
    assert_eq!(
        p.table.source,
        Source::Csv {
            delimiter: b';',
            encoding: TextEncoding::Utf16Le
        }
    );
    assert_eq!(
        p.layout,
        Some(SurveyLayout::Long {
            touchpoint: 3,
            measure: 2,
            score: 1
        })
    );
    let j = &p.plan.journey;
    assert!(close(
        value(j, "Online checkout", MeasureKind::Nps),
        nps(&[10., 9., 2., 10., 8., 7.])
    ));
    assert!(close(
        value(j, "Engineer visit", MeasureKind::Csat),
        csat(&[5., 4., 2.])
    ));
    assert_eq!(p.plan.bad.len(), 1);
    assert_eq!(p.plan.bad[0].line, 11);
}

#[test]
fn a_gb18030_csv_from_chinese_excel_is_read() {
    let project = template("ecommerce-delivery.zh-Hans");
    let p = preview(&project, "gb18030.csv");
    assert_eq!(
        p.table.source,
        Source::Csv {
            delimiter: b',',
            encoding: TextEncoding::Gb18030
        }
    );
    let j = &p.plan.journey;
    assert!(close(
        value(j, "微信支付", MeasureKind::Nps),
        nps(&[10., 10., 9., 7., 3., 10., 9., 8.])
    ));
    assert!(close(
        value(j, "在线客服尺码咨询", MeasureKind::Ces),
        mean(&[2., 1., 3., 2.])
    ));
    assert_eq!(p.plan.bad.len(), 1);
    assert_eq!(p.plan.bad[0].line, 14);
    assert!(p.plan.bad[0].message.contains("不存在的触点"));
}

#[test]
fn an_old_xls_is_read_from_the_sheet_with_answers_and_rows_keep_their_numbers() {
    let project = template("online-shopping-pickup.zh-Hant");
    let p = preview(&project, "legacy.xls");
    let Source::Sheet { name, sheets } = &p.table.source else {
        panic!("{:?}", p.table.source);
    };
    assert_eq!((name.as_str(), sheets.len()), ("回覆", 2));
    let j = &p.plan.journey;
    assert!(close(
        value(j, "結帳頁選取貨門市", MeasureKind::Nps),
        nps(&[9., 10., 10., 6., 8.])
    ));
    assert!(close(
        value(j, "LINE 官方帳號到店通知", MeasureKind::Csat),
        csat(&[4., 5., 5., 3.])
    ));
    assert_eq!(p.plan.bad.len(), 1);
    assert_eq!(p.plan.bad[0].line, 11, "the sheet's own row number");
    assert!(
        p.plan.bad[0]
            .message
            .contains("CSAT score 6 is outside 1-5")
    );
    // Asking for the notes sheet reads it: it has no columns to find.
    let notes = preview_survey(
        &project,
        &project.journeys[0],
        &fixture("legacy.xls"),
        Some("說明"),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(notes.layout, None);
    let missing = preview_survey(
        &project,
        &project.journeys[0],
        &fixture("legacy.xls"),
        Some("x"),
    )
    .map(|_| ())
    .unwrap_err()
    .to_string();
    assert!(missing.contains("there is no sheet \"x\""), "{missing}");
}

#[test]
fn columns_chosen_by_the_user_are_remembered_by_the_journey_for_the_same_header() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.csv");
    std::fs::write(&path, "id,Q1,Q2\n1,9,x\n2,10,y\n3,3,z\n").unwrap();
    let mut project = io::sample::sample_project();
    let p = preview_survey(&project, &project.journeys[0], &path, None).unwrap();
    assert_eq!(
        p.layout, None,
        "nothing names the columns: the user chooses"
    );
    let mut chosen = p.clone();
    let layout = SurveyLayout::Wide {
        questions: vec![SurveyQuestion {
            column: 1,
            target: "Online checkout".into(),
            measure: MeasureKind::Nps,
        }],
    };
    chosen.plan_with(&project, &project.journeys[0], Some(layout.clone()));
    assert!(close(
        value(&chosen.plan.journey, "Online checkout", MeasureKind::Nps),
        nps(&[9., 10., 3.])
    ));
    // Importing keeps the choice with the journey...
    project.journeys[0] = chosen.plan.journey.clone();
    assert_eq!(project.journeys[0].survey_mappings.len(), 1);
    // ...so the next export of the same survey needs no choice.
    std::fs::write(&path, "ID,Q1,Q2\n4,10,x\n").unwrap();
    let again = preview_survey(&project, &project.journeys[0], &path, None).unwrap();
    assert_eq!(again.layout, Some(layout));
    assert!(again.remembered);
    // It survives saving and loading the project.
    let saved = dir.path().join("p.ron");
    io::save_file(&project, &saved).unwrap();
    let loaded = io::load_file(&saved).unwrap();
    assert_eq!(
        loaded.journeys[0].survey_mappings,
        project.journeys[0].survey_mappings
    );
}
