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
use waymark::io::survey::parse;
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
