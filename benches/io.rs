//! Loading and saving a project of 5,000 cards.

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails must stop"
)]

use std::hint::black_box;
use std::path::Path;

use criterion::{Criterion, criterion_group, criterion_main};
use waymark::io;

fn io_benches(c: &mut Criterion) {
    let project = io::sample::generated_project(100, 12, 5_000);
    assert_eq!(project.counts().cards, 5_000);
    // Removed when `dir` is dropped at the end.
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("big.ron");
    io::save_file(&project, &path).expect("first save");
    let size = std::fs::metadata(&path).map_or(0, |m| m.len());
    println!("5,000-card project: {size} bytes");

    c.bench_function("load 5000 cards (read + parse + validate)", |b| {
        b.iter(|| io::load_file(black_box(&path)).expect("load"));
    });
    let mut flip = false;
    let mut changed = project.clone();
    c.bench_function("save 5000 cards (encode + atomic write + backup)", |b| {
        b.iter(|| {
            // Alternate titles so every save really writes (an unchanged save is skipped).
            flip = !flip;
            if flip { "A" } else { "B" }.clone_into(&mut changed.title);
            io::save_file(black_box(&changed), &path).expect("save");
        });
    });
    background_save_benches(c, &project, &path);
    let text = io::to_ron_string(&project).expect("encode");
    c.bench_function("parse 5000 cards from memory", |b| {
        b.iter(|| io::from_ron_str(black_box(&text), Path::new("big.ron")).expect("parse"));
    });
    c.bench_function("encode 5000 cards to memory", |b| {
        b.iter(|| io::to_ron_string(black_box(&project)).expect("encode"));
    });
    if let Err(e) = dir.close() {
        eprintln!("could not remove the benchmark's temporary folder: {e}");
    }
}

/// What a save and an autosave cost the window's own thread (a snapshot of the document
/// and starting the job), against the whole save they start; and the file comparison
/// done when the window gets the focus back.
fn background_save_benches(c: &mut Criterion, project: &waymark::model::Project, path: &Path) {
    use waymark::app::{AppState, Command, Edit};
    let mut state = AppState::new(project.clone(), Some(path.to_owned()));
    let journey = state.project().journeys[0].clone();
    let mut n = 0_u64;
    c.bench_function("save 5000 cards: time on the UI thread", |b| {
        b.iter_custom(|iters| {
            let mut spent = std::time::Duration::ZERO;
            for _ in 0..iters {
                // A real change each time, so each save writes.
                n += 1;
                let mut stage = journey.stages[0].clone();
                stage.name = format!("Stage {n}");
                let edit = Edit::SetStage {
                    journey: journey.id,
                    stage,
                };
                state.apply(
                    Command::Edit {
                        edit,
                        gesture: None,
                    },
                    0.0,
                );
                let start = std::time::Instant::now();
                state.apply(Command::Save, 0.0);
                spent += start.elapsed();
                state.finish_background_work();
            }
            assert!(!state.is_dirty(), "{:?}", state.messages);
            spent
        });
    });
    c.bench_function(
        "compare 5000 cards on disk after a touch (read + hash)",
        |b| {
            b.iter(|| waymark::app::disk::Fingerprint::read(black_box(path)).expect("read"));
        },
    );
}

criterion_group!(benches, io_benches);
criterion_main!(benches);
