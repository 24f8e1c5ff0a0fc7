//! One full frame of the app at 1600x1000: the egui pass (menu, panels, canvas with its
//! interactive items) plus tessellation, for large maps at 100% zoom, and for the
//! 1,000-stage map at the lowest zoom (text as simplified lines, the minimap on).

#![allow(
    clippy::expect_used,
    reason = "a benchmark whose setup fails must stop"
)]

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Pos2, Rect, vec2};
use waymark::app::AppState;
use waymark::io::sample::generated_project;
use waymark::ui::canvas::{ZOOM_RANGE, ZoomRequest};
use waymark::ui::{FileDialogs, WaymarkApp};

fn input() -> egui::RawInput {
    egui::RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, vec2(1600.0, 1000.0))),
        ..Default::default()
    }
}

/// Runs one frame and tessellates it; returns the number of primitives.
fn frame(ctx: &egui::Context, app: &mut WaymarkApp) -> usize {
    let mut output = ctx.run_ui(input(), |ui| app.frame_ui(ui));
    output.textures_delta.clear();
    ctx.tessellate(output.shapes, output.pixels_per_point).len()
}

fn frame_benches(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame 1600x1000");
    for (stages, cards) in [(100, 1_200), (1_000, 12_000)] {
        let project = generated_project(stages, 12, cards);
        let mut app = WaymarkApp::new(AppState::new(project, None), FileDialogs::InApp);
        app.view.request(ZoomRequest::Actual);
        let ctx = egui::Context::default();
        // Warm up: fonts, layout cache, galley cache.
        for _ in 0..3 {
            frame(&ctx, &mut app);
        }
        assert!(
            (app.view.zoom - 1.0).abs() < f32::EPSILON,
            "the bench runs at 100%"
        );
        group.bench_function(format!("{stages} stages x 12 lanes, {cards} cards"), |b| {
            b.iter(|| frame(&ctx, &mut app));
        });
        // One frame of a card drag: the pointer held down on a card and moving.
        let journey = &app.state.project().journeys[0];
        let card = journey
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .map(|c| c.id)
            .find(|id| app.view.card_screen_rect(*id).is_some())
            .expect("a card on screen");
        let start = app.view.card_screen_rect(card).expect("on screen").center();
        let pointer = |ctx: &egui::Context, app: &mut WaymarkApp, events: Vec<egui::Event>| {
            let input = egui::RawInput { events, ..input() };
            let mut output = ctx.run_ui(input, |ui| app.frame_ui(ui));
            output.textures_delta.clear();
            ctx.tessellate(output.shapes, output.pixels_per_point).len()
        };
        pointer(&ctx, &mut app, vec![egui::Event::PointerMoved(start)]);
        pointer(
            &ctx,
            &mut app,
            vec![egui::Event::PointerButton {
                pos: start,
                button: egui::PointerButton::Primary,
                pressed: true,
                modifiers: egui::Modifiers::NONE,
            }],
        );
        pointer(
            &ctx,
            &mut app,
            vec![egui::Event::PointerMoved(start + egui::vec2(30.0, 10.0))],
        );
        assert!(app.view.is_dragging(), "the bench measures a drag");
        let mut step = 0.0f32;
        group.bench_function(
            format!("card drag, {stages} stages x 12 lanes, {cards} cards"),
            |b| {
                b.iter(|| {
                    step = (step + 7.0) % 300.0;
                    let to = start + egui::vec2(20.0 + step, 10.0);
                    pointer(&ctx, &mut app, vec![egui::Event::PointerMoved(to)])
                });
            },
        );
        pointer(
            &ctx,
            &mut app,
            vec![egui::Event::PointerButton {
                pos: start,
                button: egui::PointerButton::Primary,
                pressed: false,
                modifiers: egui::Modifiers::NONE,
            }],
        );
    }
    // The 1,000-stage map at the lowest zoom, with the minimap and the scroll bars on:
    // hundreds of stages on screen, card text drawn as simplified lines, stage numbers
    // and lane titles as labels (level of detail).
    let project = generated_project(1_000, 12, 12_000);
    let mut app = WaymarkApp::new(AppState::new(project, None), FileDialogs::InApp);
    app.view.show_minimap = true;
    let ctx = egui::Context::default();
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    app.view.zoom = *ZOOM_RANGE.start();
    app.view.pan = egui::Vec2::ZERO;
    for _ in 0..3 {
        frame(&ctx, &mut app);
    }
    assert!(
        (app.view.zoom - *ZOOM_RANGE.start()).abs() < f32::EPSILON,
        "the bench runs at the lowest zoom"
    );
    assert!(
        waymark::ui::canvas::stage_labels_at(app.view.zoom),
        "the bench draws the stage and lane labels of a zoomed-out map"
    );
    group.bench_function(
        "1000 stages x 12 lanes, 12000 cards, lowest zoom, labels, minimap",
        |b| {
            b.iter(|| frame(&ctx, &mut app));
        },
    );
    group.finish();
}

criterion_group!(benches, frame_benches);
criterion_main!(benches);
