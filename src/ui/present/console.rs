//! The presenter console: a window of its own for the facilitator's laptop (a second
//! native viewport), or an overlay on the projector view where there is one screen
//! (or the platform cannot open another window). It shows the current and next stage,
//! the stage's description as speaker notes, the workshop timer with its time box, the
//! step controls, stages too crowded to read from the back of the room, and the cards
//! the room voted for most.

use egui::{RichText, Ui, ViewportBuilder, ViewportClass, ViewportId};

use super::{Presentation, Step, clock, do_step};
use crate::app::{AppState, Command, Edit, Selection};
use crate::layout::spotlight::MIN_LEGIBLE_PX;
use crate::t;
use crate::theme::workshop;

/// Shows the console, as a native window or as an overlay.
pub(super) fn console(
    ctx: &egui::Context,
    state: &AppState,
    pres: &mut Presentation,
    steps: usize,
    now: f64,
    commands: &mut Vec<Command>,
) {
    if pres.console_overlay || ctx.embed_viewports() {
        egui::Window::new(t!("console-title"))
            .id(egui::Id::unique("presenter_console"))
            .default_pos([24.0, 24.0])
            .default_width(380.0)
            .resizable(true)
            .show(ctx, |ui| console_ui(ui, state, pres, steps, now, commands));
        crate::ui::access::name_window_buttons(
            ctx,
            egui::Id::unique("presenter_console"),
            &t!("console-title"),
        );
        return;
    }
    ctx.show_viewport_immediate(
        ViewportId::from_hash_of("presenter_console"),
        ViewportBuilder::default()
            .with_title(t!("console-title"))
            .with_inner_size([460.0, 720.0]),
        |ui, class| {
            if ui.input(|i| i.viewport().close_requested()) {
                // Closing the console's window shows it over the projector instead.
                pres.console_overlay = true;
            }
            if class == ViewportClass::EmbeddedWindow {
                console_ui(ui, state, pres, steps, now, commands);
            } else {
                egui::CentralPanel::default().show(ui, |ui| {
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        console_ui(ui, state, pres, steps, now, commands);
                    });
                });
            }
        },
    );
}

fn console_ui(
    ui: &mut Ui,
    state: &AppState,
    pres: &mut Presentation,
    steps: usize,
    now: f64,
    commands: &mut Vec<Command>,
) {
    let Some(journey) = state.current_journey() else {
        return;
    };
    let stage_name = |i: usize| journey.stages.get(i).map(|s| s.name.clone());
    let count = journey.stages.len();
    let current = match pres.current().and_then(|s| s.stage.map(|i| (i, s))) {
        Some((i, s)) if s.pages > 1 => t!(
            "console-now-stage-page",
            step = i + 1,
            count = count,
            stage = stage_name(i).unwrap_or_default(),
            page = s.page + 1,
            pages = s.pages
        ),
        Some((i, _)) => t!(
            "console-now-stage",
            step = i + 1,
            count = count,
            stage = stage_name(i).unwrap_or_default()
        ),
        None => t!("console-now-overview"),
    };
    ui.heading(current);
    let next = match pres
        .steps()
        .get(pres.step + 1)
        .and_then(|s| s.stage.map(|i| (i, s)))
    {
        Some((i, s)) if s.pages > 1 => t!(
            "console-next-page",
            stage = stage_name(i).unwrap_or_default(),
            page = s.page + 1,
            pages = s.pages
        ),
        Some((i, _)) => t!("console-next", stage = stage_name(i).unwrap_or_default()),
        None => t!("console-next-end"),
    };
    ui.label(next);
    ui.separator();

    // Speaker notes: the stage's description (the journey's on the overview).
    ui.strong(t!("console-notes"));
    let notes = match pres.spotlight().and_then(|i| journey.stages.get(i)) {
        Some(stage) => stage.description.clone(),
        None => journey.description.clone(),
    };
    if notes.trim().is_empty() {
        ui.weak(t!("console-no-notes"));
    } else {
        ui.label(RichText::new(notes).size(16.0));
    }
    ui.separator();

    // The timer: the whole session and this step, against the time box.
    let (total, this_step) = pres.elapsed(now);
    ui.label(t!("console-timer-total", time = clock(total)));
    let box_secs = f64::from(pres.time_box_minutes) * 60.0;
    let (colour, text) = match TimeBox::of(this_step, box_secs) {
        TimeBox::None => (
            ui.visuals().text_color(),
            t!("console-timer-step", time = clock(this_step)),
        ),
        TimeBox::Within => (
            workshop::TIMER_OK,
            t!("console-timer-step", time = clock(this_step)),
        ),
        TimeBox::NearlyUp => (
            workshop::TIMER_AMBER,
            t!("console-timer-step-nearly-up", time = clock(this_step)),
        ),
        TimeBox::Over => (
            workshop::TIMER_RED,
            t!("console-timer-step-over", time = clock(this_step)),
        ),
    };
    ui.label(RichText::new(text).size(22.0).color(colour));
    ui.horizontal(|ui| {
        ui.label(t!("console-time-box"));
        ui.add(
            egui::DragValue::new(&mut pres.time_box_minutes)
                .range(0..=120)
                .suffix(t!("console-minutes-suffix")),
        );
        if ui.button(t!("console-timer-reset")).clicked() {
            pres.reset_timer(now);
        }
    });
    ui.separator();

    // Step controls.
    ui.horizontal(|ui| {
        if ui
            .add_enabled(pres.step > 0, egui::Button::new(t!("console-previous")))
            .clicked()
        {
            do_step(pres, Step::Previous, steps, now);
        }
        if ui
            .add_enabled(
                pres.step + 1 < steps,
                egui::Button::new(t!("console-next-step")),
            )
            .clicked()
        {
            do_step(pres, Step::Next, steps, now);
        }
        if ui.button(t!("console-overview")).clicked() {
            do_step(pres, Step::First, steps, now);
        }
    });
    ui.checkbox(&mut pres.reveal, t!("console-reveal"));
    if !ui.ctx().embed_viewports() {
        ui.checkbox(&mut pres.console_overlay, t!("console-overlay"));
    }
    if ui.button(t!("console-leave")).clicked() {
        pres.leave = true;
    }

    // Legibility: this stage's smallest text, then every stage under 24 px on a 1080p
    // projector (where even a single lane is too tall for the screen at that size).
    let illegible = pres.illegible();
    if let Some((_, px)) = pres
        .spotlight()
        .and_then(|spot| illegible.iter().find(|(i, _)| *i == spot))
    {
        ui.separator();
        ui.label(
            RichText::new(t!("console-step-small", px = format!("{px:.0}")))
                .strong()
                .color(workshop::WARNING),
        );
    }
    if !illegible.is_empty() {
        ui.separator();
        let names: Vec<String> = illegible
            .iter()
            .filter_map(|(i, px)| {
                stage_name(*i).map(|n| {
                    t!(
                        "console-illegible-stage",
                        stage = n,
                        px = format!("{px:.0}")
                    )
                })
            })
            .collect();
        ui.label(
            RichText::new(t!(
                "console-illegible",
                min = format!("{MIN_LEGIBLE_PX:.0}"),
                stages = names.join(", ")
            ))
            .color(workshop::WARNING),
        );
    }

    // Dot votes.
    ui.separator();
    ui.strong(t!("top-voted-title"));
    top_voted_ui(ui, state, commands);
    let any_votes = journey
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .any(|c| c.votes > 0);
    if ui
        .add_enabled(any_votes, egui::Button::new(t!("action-reset-votes")))
        .clicked()
    {
        commands.push(Command::Edit {
            edit: Edit::ResetVotes {
                journey: journey.id,
            },
            gesture: None,
        });
    }
}

/// The cards of the current journey that received votes, most first: a click selects
/// one. Used by the console and the editor's Top voted window.
pub fn top_voted_ui(
    ui: &mut Ui,
    state: &AppState,
    commands: &mut Vec<Command>,
) -> Option<crate::model::CardId> {
    let journey = state.current_journey()?;
    let ranked = crate::analysis::top_voted(journey);
    if ranked.is_empty() {
        ui.weak(t!("top-voted-none"));
        return None;
    }
    let mut chosen = None;
    for (rank, card) in ranked.iter().enumerate().take(20) {
        let stage = journey
            .stage(card.stage)
            .map(|s| s.name.as_str())
            .unwrap_or_default();
        let label = t!(
            "top-voted-row",
            rank = rank + 1,
            votes = card.votes,
            text = card.text.lines().next().unwrap_or_default(),
            stage = stage
        );
        let selected = state.selection == Some(Selection::Card(card.id));
        if ui.selectable_label(selected, label).clicked() {
            commands.push(Command::Select(Some(Selection::Card(card.id))));
            chosen = Some(card.id);
        }
    }
    chosen
}

/// Where the current step's timer stands against the time box: the console paints it
/// green, amber in the box's last fifth, red once over, and says so in words too.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimeBox {
    /// No time box is set.
    None,
    Within,
    NearlyUp,
    Over,
}

impl TimeBox {
    /// The state after `elapsed` seconds of a box of `box_secs` seconds (0: none).
    pub fn of(elapsed: f64, box_secs: f64) -> Self {
        if box_secs <= 0.0 {
            Self::None
        } else if elapsed > box_secs {
            Self::Over
        } else if elapsed > box_secs * 0.8 {
            Self::NearlyUp
        } else {
            Self::Within
        }
    }
}
