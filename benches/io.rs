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

criterion_group!(benches, io_benches);
criterion_main!(benches);
