//! Editing a 1,000-stage map with 12,000 cards: one keystroke (an edit merged into the
//! typing gesture), one separate edit (a new undo step), and the memory that 500
//! separate edits keep in the undo history (resident set size, read from
//! `/proc/self/statm` on Linux).

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails must stop"
)]

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use waymark::app::{AppState, Command, Edit};
use waymark::io::sample::generated_project;
use waymark::model::Card;

/// Resident memory of this process in bytes (0 where `/proc` is missing).
fn resident_bytes() -> u64 {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<u64>().ok())
        .map_or(0, |pages| pages * 4096)
}

fn big_state() -> AppState {
    let project = generated_project(1_000, 12, 12_000);
    assert_eq!(project.counts().cards, 12_000);
    AppState::new(project, None)
}

/// The `n`-th card of the map (spread over every lane) with a letter typed: an `x`
/// added, or a last `x` typed over with `y` (so the text stays a realistic length
/// however many times the bench types into one card).
fn typed(state: &AppState, n: usize) -> (waymark::model::JourneyId, Card) {
    let journey = &state.project().journeys[0];
    let lanes: Vec<_> = journey
        .lanes
        .iter()
        .filter(|l| !l.cards.is_empty())
        .collect();
    let lane = lanes[n % lanes.len()];
    let mut card = lane.cards[(n / lanes.len()) % lane.cards.len()].clone();
    match card.text.pop() {
        Some('x') => card.text.push('y'),
        Some(c) => {
            card.text.push(c);
            card.text.push('x');
        }
        None => card.text.push('x'),
    }
    (journey.id, card)
}

fn set_card(state: &mut AppState, n: usize, gesture: Option<u64>, now: f64) {
    let (journey, card) = typed(state, n);
    state.apply(
        Command::Edit {
            edit: Edit::SetCard {
                journey,
                card: Box::new(card),
            },
            gesture,
        },
        now,
    );
}

fn edit_benches(c: &mut Criterion) {
    // Memory first, on a fresh process: 500 separate edits, each its own undo step.
    let mut state = big_state();
    let before = resident_bytes();
    for n in 0..500 {
        set_card(&mut state, n, None, n as f64 * 10.0);
    }
    let after = resident_bytes();
    println!(
        "500 separate edits on 12,000 cards: resident memory grew by {:.1} MiB",
        (after.saturating_sub(before)) as f64 / (1024.0 * 1024.0)
    );
    assert!(state.history.can_undo());

    let mut group = c.benchmark_group("edit 1,000 stages x 12 lanes, 12,000 cards");
    // A keystroke: typing into one card, merged into one undo step.
    let mut t = 0.0;
    group.bench_function("keystroke (merged into the typing step)", |b| {
        b.iter(|| {
            t += 0.01;
            set_card(black_box(&mut state), 7, Some(7), t);
        });
    });
    // A separate edit: a new undo step each time (the oldest step goes at 500).
    let mut n = 0;
    group.bench_function("separate edit (new undo step)", |b| {
        b.iter(|| {
            n += 1;
            t += 10.0;
            set_card(black_box(&mut state), n, None, t);
        });
    });
    group.bench_function("undo + redo", |b| {
        b.iter(|| {
            state.apply(Command::Undo, t);
            state.apply(Command::Redo, t);
        });
    });
    group.finish();
}

criterion_group!(benches, edit_benches);
criterion_main!(benches);
