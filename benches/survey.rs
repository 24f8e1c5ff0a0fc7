//! Survey answers on a 1,000-stage map with 12,000 cards (2,000 touchpoints): importing
//! 100,000 answers (reading the CSV and planning the import, as the preview does), and
//! recomputing every measure from its kept answers after the NEV thresholds change
//! (alone, and as the settings edit the user makes, undo snapshot included).

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails must stop"
)]

use std::fmt::Write as _;
use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use waymark::analysis;
use waymark::app::import::{ImportMode, plan_import_as};
use waymark::app::{AppState, Command, Edit};
use waymark::io::sample::generated_project;
use waymark::io::survey::{columns, parse, table};
use waymark::model::{LaneKind, Project};

/// 100,000 answers spread over the map's first 1,000 touchpoints and the four measures,
/// with valid scores for each.
fn survey_csv(project: &Project) -> String {
    let touchpoints: Vec<&str> = project.journeys[0]
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Touchpoints)
        .flat_map(|l| &l.cards)
        .map(|c| c.text.as_str())
        .take(1_000)
        .collect();
    let mut csv = String::from("touchpoint,measure,score\n");
    for i in 0..100_000 {
        let (measure, score) = match i % 4 {
            0 => ("nps", i % 11),
            1 => ("nev", 1 + i % 10),
            2 => ("ces", 1 + i % 7),
            _ => ("csat", 1 + i % 5),
        };
        let _ = writeln!(
            csv,
            "{},{measure},{score}",
            touchpoints[(i / 4) % touchpoints.len()]
        );
    }
    csv
}

/// 10,000 respondents answering ten NPS questions about ten touchpoints, one row each,
/// as UTF-16 LE tab-separated text with a byte-order mark.
fn wide_utf16(project: &Project) -> Vec<u8> {
    let touchpoints: Vec<&str> = project.journeys[0]
        .touchpoints()
        .map(|c| c.text.as_str())
        .take(10)
        .collect();
    let mut text = String::from("ResponseId");
    for t in &touchpoints {
        let _ = write!(text, "\tHow likely are you to recommend {t}? (NPS)");
    }
    text.push('\n');
    for r in 0..10_000 {
        let _ = write!(text, "R_{r}");
        for q in 0..touchpoints.len() {
            let _ = write!(text, "\t{}", (r + q) % 11);
        }
        text.push('\n');
    }
    let mut bytes = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        bytes.extend_from_slice(&u.to_le_bytes());
    }
    bytes
}

fn bench(c: &mut Criterion) {
    let project = generated_project(1_000, 12, 12_000);
    let csv = survey_csv(&project);
    let mut group = c.benchmark_group("survey");
    group.sample_size(10);
    group.bench_function("import_100000_answers", |b| {
        b.iter(|| {
            let (answers, bad) = parse(black_box(&csv));
            let plan = plan_import_as(
                &project,
                &project.journeys[0],
                &answers,
                bad,
                ImportMode::Replace,
                "2026-11-24",
            );
            assert_eq!(plan.used, 100_000);
            black_box(plan)
        });
    });

    // The same number of answers as a survey tool exports them: 10,000 respondents, a
    // column per question (ten questions about ten touchpoints), saved by Excel as
    // "Unicode text" (UTF-16, tabs): decoding, finding the question columns, reading.
    let wide = wide_utf16(&project);
    group.bench_function("import_100000_answers_wide_utf16", |b| {
        b.iter(|| {
            let table = table::read(black_box(&wide), None).expect("a table");
            let names: Vec<String> = project.journeys[0]
                .touchpoints()
                .map(|c| c.text.clone())
                .collect();
            let layout = columns::detect(&table, &[], &names)
                .layout
                .expect("question columns");
            let (answers, bad) = columns::answers(&table, &layout);
            let plan = plan_import_as(
                &project,
                &project.journeys[0],
                &answers,
                bad,
                ImportMode::Replace,
                "2026-11-24",
            );
            assert_eq!(plan.used, 100_000);
            black_box(plan)
        });
    });

    // The map after the import: 4,000 measure cards keeping 25 answers each.
    let (answers, bad) = parse(&csv);
    let plan = plan_import_as(
        &project,
        &project.journeys[0],
        &answers,
        bad,
        ImportMode::Replace,
        "2026-11-24",
    );
    let mut imported = project.clone();
    imported.journeys[0] = plan.journey;
    let mut strict = imported.clone();
    strict.settings.nev.positive_at_least = 9.0;
    strict.settings.nev.negative_at_most = 5.0;
    let mut flip = false;
    group.bench_function("recompute_after_nev_change", |b| {
        b.iter(|| {
            flip = !flip;
            let t = if flip { 9.0 } else { 8.0 };
            strict.settings.nev.positive_at_least = t;
            black_box(analysis::recompute_from_answers(&mut strict))
        });
    });
    let mut state = AppState::new(imported.clone(), None);
    let mut now = 0.0;
    group.bench_function("settings_edit_nev_change", |b| {
        b.iter(|| {
            flip = !flip;
            now += 10.0;
            let mut settings = state.project().settings.clone();
            settings.nev.positive_at_least = if flip { 9.0 } else { 8.0 };
            state.apply(
                Command::Edit {
                    edit: Edit::SetSettings {
                        title: state.project().title.clone(),
                        settings,
                    },
                    gesture: None,
                },
                now,
            );
        });
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
