//! Workshop mode driven like a facilitator: F5 to present, the clicker's keys to step
//! through the stages, reveal, live capture of a card, dot votes, the presenter console.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{painted_texts, project, sample_app as app};
use waymark::app::Selection;
use waymark::model::LaneKind;
use waymark::ui::WaymarkApp;

fn press(h: &mut Harness<'_, WaymarkApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn step(h: &Harness<'_, WaymarkApp>) -> Option<usize> {
    h.state()
        .presentation
        .as_ref()
        .map(waymark::ui::present::Presentation::step)
}

fn card_id(h: &Harness<'_, WaymarkApp>, text: &str) -> waymark::model::CardId {
    project(h).journeys[0]
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.text == text)
        .unwrap()
        .id
}

fn votes(h: &Harness<'_, WaymarkApp>, text: &str) -> u32 {
    project(h).journeys[0]
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.text == text)
        .unwrap()
        .votes
}

#[test]
fn f5_presents_full_screen_without_menus_and_escape_restores_the_editor() {
    let mut h = app();
    // The editor's selection: a stage.
    h.get_by_label("Order online").click();
    h.run();
    let selected = h.state().state.selection;
    assert!(matches!(selected, Some(Selection::Stage(_))));
    press(&mut h, Key::F5);
    assert_eq!(step(&h), Some(0));
    // No menus or panels: the menu bar and the inspector are gone; the overview shows.
    assert!(h.query_by_label("File").is_none());
    assert!(h.query_by_label("Journeys").is_none());
    h.get_by_label_contains("Overview: ");
    // Selecting a card while presenting does not change what the editor gets back.
    h.get_all_by_label("Picks the 500 Mb fibre deal; books the first free slot")
        .next()
        .unwrap()
        .click();
    h.run();
    assert!(matches!(
        h.state().state.selection,
        Some(Selection::Card(_))
    ));
    press(&mut h, Key::Escape);
    assert!(h.state().presentation.is_none());
    h.get_by_label("File");
    assert_eq!(h.state().state.selection, selected);
    // View > Present does the same as F5.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Present").click();
    h.run();
    assert_eq!(step(&h), Some(0));
    press(&mut h, Key::F5);
    assert!(h.state().presentation.is_none());
}

#[test]
fn the_clicker_keys_step_through_the_stages_and_back() {
    let mut h = app();
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Some(1));
    assert_eq!(
        h.state().presentation.as_ref().unwrap().spotlight(),
        Some(0)
    );
    h.get_by_label("Stage 1 of 7: Discover & compare");
    press(&mut h, Key::PageDown);
    press(&mut h, Key::Space);
    assert_eq!(step(&h), Some(3));
    h.get_by_label("Stage 3 of 7: Wait for install");
    press(&mut h, Key::PageUp);
    assert_eq!(step(&h), Some(2));
    h.get_by_label("Stage 2 of 7: Order online");
    press(&mut h, Key::ArrowLeft);
    assert_eq!(step(&h), Some(1));
    press(&mut h, Key::End);
    assert_eq!(step(&h), Some(7));
    // Past the last stage nothing moves.
    press(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Some(7));
    press(&mut h, Key::Home);
    assert_eq!(step(&h), Some(0));
    press(&mut h, Key::ArrowLeft);
    assert_eq!(step(&h), Some(0));
}

#[test]
fn a_key_during_a_transition_finishes_it_instead_of_stepping_on() {
    let mut h = app();
    press(&mut h, Key::F5);
    // One frame after the step, the move is under way; the next key only finishes it.
    let down = |h: &mut Harness<'_, WaymarkApp>| {
        h.event(egui::Event::Key {
            key: Key::ArrowRight,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
        h.step();
    };
    down(&mut h);
    assert_eq!(step(&h), Some(1));
    down(&mut h);
    h.run();
    assert_eq!(step(&h), Some(1));
    press(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Some(2));
}

#[test]
fn reveal_shows_the_curve_and_quotes_only_up_to_the_current_stage() {
    let mut h = app();
    press(&mut h, Key::F5);
    let last_point = "Relieved  +3";
    let last_quote = "\"They texted the next day to check. That was nice.\"";
    let texts = painted_texts(&h);
    assert!(texts.iter().any(|t| t == last_point), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("\"They texted")));
    // R: on the overview nothing of the curve, quotes or measures is revealed yet.
    press(&mut h, Key::R);
    assert!(h.state().presentation.as_ref().unwrap().reveal);
    let texts = painted_texts(&h);
    assert!(!texts.iter().any(|t| t == last_point));
    assert!(!texts.iter().any(|t| t == last_quote));
    assert!(!texts.iter().any(|t| t.starts_with("Hopeful")));
    // On the first stage, its own point and quote appear; the last stage's do not.
    press(&mut h, Key::ArrowRight);
    let texts = painted_texts(&h);
    assert!(
        texts.iter().any(|t| t.starts_with("\"Every site says")),
        "{texts:?}"
    );
    assert!(!texts.iter().any(|t| t == last_point));
    // On the last stage, everything is revealed.
    press(&mut h, Key::End);
    let texts = painted_texts(&h);
    assert!(texts.iter().any(|t| t == last_point), "{texts:?}");
}

#[test]
fn a_card_added_live_is_an_ordinary_undoable_edit() {
    let mut h = app();
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    let before = project(&h).journeys[0]
        .lanes
        .iter()
        .map(|l| l.cards.len())
        .sum::<usize>();
    // Select a card of the stage in the spotlight, then N adds one in its cell.
    h.get_all_by_label("Picks the 500 Mb fibre deal; books the first free slot")
        .next()
        .unwrap()
        .click();
    h.run();
    press(&mut h, Key::N);
    h.get_by_label("New card")
        .type_text("Wants a text when the router ships");
    h.run();
    press(&mut h, Key::Enter);
    let journey = &project(&h).journeys[0];
    let card = journey
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.text == "Wants a text when the router ships")
        .expect("the card typed in");
    assert_eq!(journey.stage(card.stage).unwrap().name, "Order online");
    assert!(h.state().state.is_dirty());
    // Still presenting, on the same step.
    assert_eq!(step(&h), Some(2));
    h.get_all_by_label("Wants a text when the router ships")
        .next()
        .unwrap();
    // Ctrl+Z undoes the text, then the card.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let after = project(&h).journeys[0]
        .lanes
        .iter()
        .map(|l| l.cards.len())
        .sum::<usize>();
    assert_eq!(after, before);
    assert!(!h.state().state.is_dirty());
}

#[test]
fn double_clicking_a_cell_while_presenting_adds_a_card_there() {
    let mut h = app();
    press(&mut h, Key::F5);
    // The third stage: clear of the console, shown over the projector view here.
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    let p = project(&h);
    let journey = &p.journeys[0];
    let map = waymark::layout::layout_journey(&p, journey, &waymark::render::EguiText(&h.ctx));
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0));
    let view = waymark::layout::spotlight::step_view(&map, 3, screen);
    // An empty spot at the bottom of a cell of the third stage.
    let column = map.stages[2].column;
    let (lane, spot) = map
        .lanes
        .iter()
        .filter(|g| !matches!(journey.lanes[g.index].kind, LaneKind::Emotion { .. }))
        .map(|g| (g.index, egui::pos2(column.center().x, g.row.bottom() - 4.0)))
        .find(|(_, spot)| matches!(map.hit(*spot), Some(waymark::layout::Hit::Cell { .. })))
        .unwrap();
    let at = view.transform.mul_pos(spot);
    h.hover_at(at);
    h.run();
    // Both clicks in one frame: a double-click.
    for pressed in [true, false, true, false] {
        h.input_mut().events.push(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.step();
    h.run();
    h.get_by_label("New card")
        .type_text("Too many tariffs to compare");
    h.run();
    press(&mut h, Key::Enter);
    let p = project(&h);
    let lane = &p.journeys[0].lanes[lane];
    let card = lane
        .cards
        .iter()
        .find(|c| c.text == "Too many tariffs to compare")
        .expect("the card typed in the cell double-clicked");
    assert_eq!(card.stage, p.journeys[0].stages[2].id);
}

#[test]
fn votes_are_added_taken_away_and_reset_in_one_undoable_step() {
    let mut h = app();
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    let card = "Picks the 500 Mb fibre deal; books the first free slot";
    h.get_all_by_label(card).next().unwrap().click();
    h.run();
    // The vote control of the selected card, then the + and - keys.
    h.get_by_label("+1").click();
    h.run();
    assert_eq!(votes(&h, card), 1);
    press(&mut h, Key::Plus);
    press(&mut h, Key::Plus);
    assert_eq!(votes(&h, card), 3);
    press(&mut h, Key::Minus);
    assert_eq!(votes(&h, card), 2);
    h.get_by_label("-1").click();
    h.run();
    assert_eq!(votes(&h, card), 1);
    press(&mut h, Key::Plus);
    // The console ranks it.
    h.get_by_label_contains("Picks the 500 Mb fibre deal; books the first free slot · 2 votes");
    // Another card, one vote.
    let other = card_id(&h, "Online checkout");
    h.state_mut().state.apply(
        waymark::app::Command::Select(Some(Selection::Card(other))),
        0.0,
    );
    h.run();
    press(&mut h, Key::Plus);
    assert_eq!(votes(&h, "Online checkout"), 1);
    // The votes are in the file.
    let text = waymark::io::to_ron_string(&project(&h)).unwrap();
    assert!(text.contains("votes: 2"), "{text}");
    // Reset votes: one step, undone in one.
    h.get_by_label("Reset votes").click();
    h.run();
    assert_eq!(votes(&h, card), 0);
    assert_eq!(votes(&h, "Online checkout"), 0);
    assert_eq!(h.state().state.history.undo_label(), Some("Reset votes"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(votes(&h, card), 2);
    assert_eq!(votes(&h, "Online checkout"), 1);
    // Leaving, the editor's Top voted window lists them too.
    press(&mut h, Key::Escape);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Top voted").click();
    h.run();
    h.get_by_label_contains("1. Picks the 500 Mb fibre deal; books the first free slot · 2 votes");
    h.get_by_label_contains("2. Online checkout · 1 vote");
}

#[test]
fn the_console_shows_the_stage_notes_the_timer_and_the_time_box() {
    let mut h = app();
    press(&mut h, Key::F5);
    h.get_by_label("Presenter console");
    h.get_by_label("Now: overview");
    h.get_by_label_contains("Session 00:0");
    h.get_by_label("Next: Discover & compare");
    press(&mut h, Key::ArrowRight);
    h.get_by_label("Now: stage 1 of 7: Discover & compare");
    h.get_by_label("Next: Order online");
    let notes = project(&h).journeys[0].stages[0].description.clone();
    assert!(!notes.is_empty());
    h.get_by_label(&notes);
    // Time passes: the step's timer counts.
    for _ in 0..8 {
        h.step();
    }
    h.get_by_label_contains("This step 00:0");
    assert!(h.query_by_label("This step 00:00").is_none());
    // The console's buttons step too.
    h.get_by_label("Next").click();
    h.run();
    assert_eq!(step(&h), Some(2));
    h.get_by_label("Previous").click();
    h.run();
    assert_eq!(step(&h), Some(1));
    // The legibility warning names the stages too small to read from the back.
    h.get_by_label_contains("Too small to read from the back of the room");
    h.get_by_label_contains("This stage's smallest text is 9 px");
    h.get_by_label("End presentation (Esc)").click();
    h.run();
    assert!(h.state().presentation.is_none());
}

#[test]
fn l_shows_a_stage_at_reading_size_and_up_down_move_down_it() {
    let mut h = app();
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::L);
    assert!(h.state().presentation.as_ref().unwrap().legible);
    press(&mut h, Key::ArrowDown);
    let pres = h.state().presentation.as_ref().unwrap();
    assert_eq!(
        pres.step(),
        2,
        "Down moves down the stage, not to the next one"
    );
    let down = pres.scroll();
    assert!(down > 0.0);
    press(&mut h, Key::ArrowUp);
    assert!(h.state().presentation.as_ref().unwrap().scroll() < down);
    // The next stage starts at its top.
    press(&mut h, Key::ArrowDown);
    press(&mut h, Key::PageDown);
    let pres = h.state().presentation.as_ref().unwrap();
    assert_eq!(pres.step(), 3);
    assert!(pres.scroll().abs() < f32::EPSILON);
    // L again: the stage fitted whole, Down steps again.
    press(&mut h, Key::L);
    press(&mut h, Key::ArrowDown);
    assert_eq!(step(&h), Some(4));
}
