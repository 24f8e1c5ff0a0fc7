//! The clipboard, Escape, the command palette, the shortcuts sheet, Open Recent and
//! Find, driven through `egui_kittest` by label. (The same clipboard keys are tested
//! through winit in `real_window.rs`.)

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use egui::{Event, Key, Modifiers, OutputCommand};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

mod common;
use common::{project, sample_app};
use waymark::app::{AppState, Command, Selection};
use waymark::io;
use waymark::model::LaneKind;
use waymark::ui::{FileDialogs, WaymarkApp};

fn select(h: &mut Harness<'_, WaymarkApp>, selection: Selection) {
    h.state_mut()
        .state
        .apply(Command::Select(Some(selection)), 0.0);
    h.run();
}

/// The first notes-like lane of the sample ("Customer actions") and its stages.
fn actions_lane(
    h: &Harness<'_, WaymarkApp>,
) -> (waymark::model::LaneId, Vec<waymark::model::StageId>) {
    let p = project(h);
    let j = &p.journeys[0];
    let lane = j
        .lanes
        .iter()
        .find(|l| matches!(l.kind, LaneKind::Text(_)))
        .unwrap();
    (lane.id, j.stages.iter().map(|s| s.id).collect())
}

fn cards_in(
    h: &Harness<'_, WaymarkApp>,
    lane: waymark::model::LaneId,
    stage: waymark::model::StageId,
) -> Vec<String> {
    let p = project(h);
    let j = &p.journeys[0];
    j.lanes
        .iter()
        .find(|l| l.id == lane)
        .unwrap()
        .cards
        .iter()
        .filter(|c| c.stage == stage)
        .map(|c| c.text.clone())
        .collect()
}

#[test]
fn copy_puts_the_cards_text_on_the_system_clipboard() {
    let mut h = sample_app();
    let (lane, stages) = actions_lane(&h);
    let card = {
        let p = project(&h);
        let j = &p.journeys[0];
        j.lanes.iter().find(|l| l.id == lane).unwrap().cards[0].clone()
    };
    let _ = stages;
    select(&mut h, Selection::Card(card.id));
    // The platform's Ctrl+C arrives as a Copy event, never as Key::C.
    h.event(Event::Copy);
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied, vec![card.text.clone()]);
}

#[test]
fn pasting_our_own_copied_text_pastes_the_cards_with_all_their_fields() {
    let mut h = sample_app();
    let p = project(&h);
    let j = &p.journeys[0];
    // An emotion point carries a score that plain text would lose.
    let emotion_lane = j
        .lanes
        .iter()
        .find(|l| matches!(l.kind, LaneKind::Emotion { .. }))
        .unwrap();
    let point = emotion_lane.cards[0].clone();
    let target_stage = j.stages.iter().find(|s| s.id != point.stage).unwrap().id;
    let before = emotion_lane.cards.len();
    select(&mut h, Selection::Card(point.id));
    h.event(Event::Copy);
    h.step();
    let text = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .expect("copy put text on the clipboard");
    h.run();
    select(
        &mut h,
        Selection::Cell {
            lane: emotion_lane.id,
            stage: target_stage,
        },
    );
    h.event(Event::Paste(text));
    h.run();
    let p = project(&h);
    let lane = p.journeys[0]
        .lanes
        .iter()
        .find(|l| l.id == emotion_lane.id)
        .unwrap();
    assert_eq!(lane.cards.len(), before + 1);
    let old: Vec<_> = emotion_lane.cards.iter().map(|c| c.id).collect();
    let pasted = lane.cards.iter().find(|c| !old.contains(&c.id));
    let pasted = pasted.expect("a new card");
    assert_eq!(pasted.stage, target_stage);
    assert_eq!(
        pasted.emotion, point.emotion,
        "the score came with the card"
    );
    assert_eq!(pasted.text, point.text);
}

#[test]
fn pasting_text_from_another_program_makes_one_card_per_line_in_one_undo_step() {
    let mut h = sample_app();
    let (lane, stages) = actions_lane(&h);
    let stage = stages[3];
    let before = cards_in(&h, lane, stage);
    select(&mut h, Selection::Cell { lane, stage });
    h.event(Event::Paste(
        "Compare tariffs\r\n\n  Ask a friend  \nRead reviews\n".to_owned(),
    ));
    h.run();
    let after = cards_in(&h, lane, stage);
    let mut expected = before.clone();
    expected.extend(["Compare tariffs", "Ask a friend", "Read reviews"].map(String::from));
    assert_eq!(after, expected);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        cards_in(&h, lane, stage),
        before,
        "one undo removes the whole paste"
    );
}

#[test]
fn clipboard_events_belong_to_a_text_field_while_it_has_focus() {
    let mut h = sample_app();
    let (lane, stages) = actions_lane(&h);
    select(
        &mut h,
        Selection::Cell {
            lane,
            stage: stages[0],
        },
    );
    let before = project(&h);
    // Focus the find bar's field and paste there.
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.event(Event::Paste("Order".to_owned()));
    h.run();
    assert_eq!(
        project(&h),
        before,
        "the paste went into the field, not the map"
    );
    assert_eq!(h.get_by_label("Find").value().as_deref(), Some("Order"));
}

#[test]
fn cut_copies_and_deletes_the_selected_card_in_one_undo_step() {
    let mut h = sample_app();
    let (lane, stages) = actions_lane(&h);
    let first = cards_in(&h, lane, stages[0]);
    let card = {
        let p = project(&h);
        p.journeys[0]
            .lanes
            .iter()
            .find(|l| l.id == lane)
            .unwrap()
            .cards[0]
            .id
    };
    select(&mut h, Selection::Card(card));
    h.event(Event::Cut);
    h.run();
    assert_eq!(cards_in(&h, lane, stages[0]).len(), first.len() - 1);
    select(
        &mut h,
        Selection::Cell {
            lane,
            stage: stages[2],
        },
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::V);
    h.run();
    assert!(cards_in(&h, lane, stages[2]).contains(&first[0]));
}

/// Opens a window with `open`, presses Escape, and checks it closed while the canvas
/// selection stayed.
fn escape_closes(
    h: &mut Harness<'_, WaymarkApp>,
    open: impl Fn(&mut Harness<'_, WaymarkApp>),
    shown: &str,
) {
    let (lane, stages) = actions_lane(h);
    let selection = Selection::Cell {
        lane,
        stage: stages[1],
    };
    select(h, selection);
    open(h);
    // Steps, not run(): the gallery repaints while its thumbnails arrive.
    h.run_steps(4);
    assert!(h.query_by_label(shown).is_some(), "{shown} did not open");
    h.key_press(Key::Escape);
    h.run_steps(4);
    assert!(
        h.query_by_label(shown).is_none(),
        "Escape did not close {shown}"
    );
    assert_eq!(
        h.state().state.selection,
        Some(selection),
        "Escape that closed {shown} also cleared the selection"
    );
}

#[test]
fn escape_closes_every_window_and_dialog_but_keeps_the_selection() {
    // The gallery lists Chinese templates: the harness needs the system's fonts.
    let Some(mut h) = common::sample_app_with_system_fonts() else {
        return;
    };
    let menu = |file: &'static str, item: &'static str| {
        move |h: &mut Harness<'_, WaymarkApp>| {
            h.get_by_label(file).click();
            h.run();
            // Menu items with a shortcut carry it in their accessible label.
            h.get_by_label_contains(item).click();
        }
    };
    escape_closes(
        &mut h,
        menu("File", "New from template…"),
        "Start from a template",
    );
    escape_closes(&mut h, menu("File", "Export PNG…"), "Export PNG");
    escape_closes(&mut h, menu("File", "Import survey…"), "Import survey");
    escape_closes(
        &mut h,
        menu("File", "Save journey as template…"),
        "Save journey as template",
    );
    escape_closes(&mut h, menu("Map", "Project settings…"), "Project settings");
    escape_closes(&mut h, menu("Map", "Personas…"), "Reuse in another project");
    escape_closes(&mut h, menu("Help", "Command palette…"), "Command");
    escape_closes(
        &mut h,
        menu("Help", "Keyboard shortcuts"),
        "Keyboard shortcuts",
    );
    escape_closes(
        &mut h,
        |h| h.key_press_modifiers(Modifiers::COMMAND, Key::F),
        "Find",
    );
}

#[test]
fn escape_on_the_canvas_alone_clears_the_selection() {
    let mut h = sample_app();
    let (lane, stages) = actions_lane(&h);
    select(
        &mut h,
        Selection::Cell {
            lane,
            stage: stages[0],
        },
    );
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().state.selection, None);
}

#[test]
fn the_command_palette_finds_and_runs_any_action_by_typing() {
    let mut h = sample_app();
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    h.get_by_label("Command").type_text("project sett");
    h.run();
    // The matching action is listed with its menu.
    h.get_by_label("Map › Project settings…");
    assert!(
        h.query_by_label("File › Open…").is_none(),
        "the filter lets everything through"
    );
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label("Command").is_none(),
        "the palette stayed open"
    );
    h.get_by_label("Project settings");
}

#[test]
fn the_palette_shows_shortcuts_and_runs_the_highlighted_entry() {
    let mut h = sample_app();
    h.state_mut().view.zoom = 0.5;
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run();
    // "view zoom": plain "zoom" also finds Map › Zoom into this stage.
    h.get_by_label("Command").type_text("view zoom");
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    // "View › Zoom to fit" then "View › Zoom 100%": the second ran.
    assert!(
        (h.state().view.zoom - 1.0).abs() < 1e-4,
        "zoom {}",
        h.state().view.zoom
    );
}

#[test]
fn f1_lists_every_shortcut_from_the_one_action_list() {
    let mut h = sample_app();
    h.key_press(Key::F1);
    h.run();
    h.get_by_label("All keyboard shortcuts");
    for action in waymark::ui::Action::ALL {
        if action.shortcuts().is_empty() {
            continue;
        }
        assert!(
            h.query_all_by_label_contains(&action.label())
                .next()
                .is_some(),
            "{} is missing from the sheet",
            action.label()
        );
    }
}

#[test]
fn open_recent_lists_saved_files_and_forgets_missing_ones() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let mut state = AppState::new(io::sample::sample_project(), None);
    state.set_config_dir(Some(config.clone()));
    let mut h = common::harness(WaymarkApp::new(state, FileDialogs::InApp));
    let a = dir.path().join("a.ron");
    let b = dir.path().join("b.ron");
    h.state_mut().state.apply(Command::SaveAs(a.clone()), 0.0);
    h.state_mut().state.finish_background_work();
    h.state_mut().state.apply(Command::SaveAs(b.clone()), 0.0);
    h.state_mut().state.finish_background_work();
    h.run();
    assert_eq!(h.state().state.recent.files, vec![b.clone(), a.clone()]);
    // Kept in the config folder for the next launch.
    let mut later = AppState::new(io::sample::blank_project(), None);
    later.set_config_dir(Some(config));
    assert_eq!(later.recent.files, vec![b.clone(), a.clone()]);

    // Open a.ron from the menu.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open Recent").hover();
    h.run();
    h.get_by_label("a.ron").click();
    h.run();
    assert_eq!(h.state().state.path.as_deref(), Some(a.as_path()));
    assert_eq!(h.state().state.recent.files[0], a);

    // A file that is gone is greyed and can be removed.
    std::fs::remove_file(&b).unwrap();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Open Recent").hover();
    h.run();
    assert!(h.get_by_label("b.ron").accesskit_node().is_disabled());
    h.get_by_label("Remove b.ron from the list").click();
    h.run();
    assert_eq!(h.state().state.recent.files, vec![a]);
}

#[test]
fn find_steps_through_matches_across_journeys_and_selects_each() {
    let mut h = sample_app();
    // A second journey holding the word too.
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Duplicate journey").click();
    h.run();
    let p = project(&h);
    let (first, second) = (p.journeys[0].id, p.journeys[1].id);
    let stage_name = p.journeys[0].stages[2].name.clone();
    h.key_press_modifiers(Modifiers::COMMAND, Key::F);
    h.run();
    h.get_by_label("Find").type_text(&stage_name);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let shown = |h: &Harness<'_, WaymarkApp>| (h.state().state.journey, h.state().state.selection);
    let stage_of = |j: usize| Some(Selection::Stage(p.journeys[j].stages[2].id));
    assert_eq!(shown(&h), (Some(first), stage_of(0)));
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        shown(&h),
        (Some(second), stage_of(1)),
        "Enter goes to the next match"
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::Enter);
    h.run();
    assert_eq!(
        shown(&h),
        (Some(first), stage_of(0)),
        "Shift+Enter goes back"
    );
    assert!(h.query_by_label_contains("1 of 2").is_some());
}

#[test]
fn undo_and_redo_say_what_they_undo_in_the_menu_and_the_status_line() {
    let mut h = sample_app();
    let (lane, stages) = actions_lane(&h);
    select(
        &mut h,
        Selection::Cell {
            lane,
            stage: stages[2],
        },
    );
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Undo Add card");
    h.key_press(Key::Escape);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.get_by_label("Undid Add card");
    h.get_by_label("Edit").click();
    h.run();
    h.get_by_label_contains("Redo Add card");
}

#[test]
fn deleting_a_stage_says_what_went_with_it() {
    let mut h = sample_app();
    let p = project(&h);
    let j = &p.journeys[0];
    // The stage holding the card the accelerator is pinned to.
    let anchor = match j.annotations[0].anchor {
        waymark::model::Anchor::Card(c) => c,
        waymark::model::Anchor::Stage(_) => panic!("the sample pins its accelerator to a card"),
    };
    let stage = j.card(anchor).unwrap().1.stage;
    let name = j.stage(stage).unwrap().name.clone();
    let cards = j
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .filter(|c| c.stage == stage)
        .count();
    select(&mut h, Selection::Stage(stage));
    h.key_press(Key::Delete);
    h.run();
    h.get_by_label(&format!(
        "Deleted stage \"{name}\" with {cards} cards, 1 accelerator and 0 blockers — Ctrl+Z to undo"
    ));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        project(&h),
        p,
        "undo brings the stage back with everything on it"
    );
}

#[test]
fn tab_from_the_canvas_goes_to_the_inspector_and_shift_tab_comes_back() {
    let mut h = sample_app();
    let (lane, stages) = actions_lane(&h);
    let card = {
        let p = project(&h);
        p.journeys[0]
            .lanes
            .iter()
            .find(|l| l.id == lane)
            .unwrap()
            .cards[0]
            .clone()
    };
    h.get_by_label(&card.text).click();
    h.run();
    h.key_press(Key::Tab);
    h.run();
    // The inspector's first field (the card's text) has the keyboard: typing edits it.
    h.key_press(Key::End);
    h.event(Event::Text("!".to_owned()));
    h.run();
    let edited = {
        let p = project(&h);
        let j = &p.journeys[0];
        j.card(card.id).unwrap().1.text.clone()
    };
    assert_eq!(edited, format!("{}!", card.text));
    // Shift+Tab gives the keyboard back to the canvas: arrows move the selection again.
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    assert_ne!(
        h.state().state.selection,
        Some(Selection::Card(card.id)),
        "the canvas did not get the keyboard back"
    );
    let _ = stages;
}

/// Is the node labelled `label` the one with the keyboard focus?
fn focused(h: &Harness<'_, WaymarkApp>, label: &str) -> bool {
    h.query_all_by_label_contains(label).any(|n| n.is_focused())
}

#[test]
fn shift_f10_opens_the_context_menu_of_the_keyboard_selection_with_its_first_item_focused() {
    let mut h = sample_app();
    let (_, stages) = actions_lane(&h);
    // An empty cell: its menu offers "Add card here"; Enter on it adds a card and opens
    // it for typing.
    let p = project(&h);
    let j = &p.journeys[0];
    let (lane, empty) = j
        .lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Text(_)))
        .find_map(|l| {
            j.stages
                .iter()
                .find(|s| j.cell_cards(l, s.id).next().is_none())
                .map(|s| (l.id, s.id))
        })
        .expect("the sample has an empty text cell");
    select(&mut h, Selection::Cell { lane, stage: empty });
    assert!(h.query_by_label("Add card here").is_none());
    h.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    h.run();
    assert!(h.query_by_label("Add card here").is_some(), "no cell menu");
    assert!(focused(&h, "Add card here"), "the first item has no focus");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(cards_in(&h, lane, empty).len(), 1);
    assert!(h.query_by_label("Edit text in place").is_some());
    h.key_press(Key::Escape);
    h.run();

    // A stage: the Menu key; Down moves to the next item; Escape closes the menu alone.
    let stage = stages[2];
    select(&mut h, Selection::Stage(stage));
    h.key_press(Key::Menu);
    h.run();
    assert!(focused(&h, "Edit text"));
    h.key_press(Key::ArrowDown);
    h.run();
    assert!(!focused(&h, "Edit text"), "Down did not move in the menu");
    assert!(focused(&h, "Add stage before"));
    assert_eq!(h.state().state.selection, Some(Selection::Stage(stage)));
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Add stage before").is_none(),
        "the menu stayed open"
    );
    assert_eq!(h.state().state.selection, Some(Selection::Stage(stage)));
    // Again, and Enter on "Add stage before" adds one there (not the Enter shortcut,
    // which would edit the stage's name).
    let count = project(&h).journeys[0].stages.len();
    h.key_press(Key::Menu);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let stages_now: Vec<_> = project(&h).journeys[0]
        .stages
        .iter()
        .map(|s| s.id)
        .collect();
    assert_eq!(stages_now.len(), count + 1, "no stage was added");
    assert_eq!(
        stages_now[3], stage,
        "the new stage is not before the selected one"
    );
    h.key_press(Key::Escape);
    h.run();

    // A card: Shift+F10, then Enter on "Edit text" edits it in place.
    let text = cards_in(&h, lane, stages[0])[0].clone();
    let card = project(&h).journeys[0]
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.text == text)
        .unwrap()
        .id;
    select(&mut h, Selection::Card(card));
    h.key_press_modifiers(Modifiers::SHIFT, Key::F10);
    h.run();
    assert!(
        h.query_all_by_label_contains("Copy").next().is_some(),
        "no card menu"
    );
    assert!(focused(&h, "Edit text"));
    h.key_press(Key::Enter);
    h.run();
    assert!(h.query_by_label("Edit text in place").is_some());
}

#[test]
fn f10_opens_the_menu_bar_and_left_right_move_between_menus() {
    let mut h = sample_app();
    assert!(h.query_by_label("Zoom to fit").is_none());
    h.key_press(Key::F10);
    h.run();
    assert!(
        h.query_all_by_label_contains("Save As").next().is_some(),
        "F10 did not open File"
    );
    assert!(focused(&h, "New"), "F10 opened File without New focused");
    // Left from File wraps to Help; Right twice comes back to Edit.
    h.key_press(Key::ArrowLeft);
    h.run();
    assert!(focused(&h, "Command palette…"), "Left did not open Help");
    h.key_press(Key::ArrowRight);
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert!(
        h.query_all_by_label_contains("Find…").next().is_some(),
        "Right did not open Edit"
    );
    assert!(h.query_all_by_label_contains("Save As").next().is_none());
    // F10 again closes it.
    h.key_press(Key::F10);
    h.run();
    assert!(h.query_all_by_label_contains("Find…").next().is_none());
}

#[test]
fn a_window_takes_the_focus_when_it_opens_and_gives_the_canvas_back_the_keyboard() {
    // The gallery lists Chinese templates: the harness needs the system's fonts.
    let Some(mut h) = common::sample_app_with_system_fonts() else {
        return;
    };
    let (lane, stages) = actions_lane(&h);
    let cell = Selection::Cell {
        lane,
        stage: stages[1],
    };
    select(&mut h, cell);
    assert!(h.state().view.owns_keyboard());
    // (window's shortcut, the control that should have the focus)
    let windows: [(Modifiers, Key, &str); 2] = [
        (Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::N, "Search"),
        (
            Modifiers::COMMAND.plus(Modifiers::SHIFT),
            Key::P,
            "Priya Shah",
        ),
    ];
    for (modifiers, key, control) in windows {
        h.key_press_modifiers(modifiers, key);
        h.run_steps(4);
        assert!(
            focused(&h, control),
            "{control} has no focus in the window {key:?} opened"
        );
        assert!(!h.state().view.owns_keyboard());
        h.key_press(Key::Escape);
        h.run_steps(4);
        if h.state().personas.open {
            // Escape in a focused list first leaves the control, then the window.
            h.key_press(Key::Escape);
            h.run_steps(4);
        }
        assert!(
            h.state().view.owns_keyboard(),
            "the canvas did not get the keyboard back after {key:?}'s window closed"
        );
        // The canvas's keys work again at once: Right moves the selection.
        h.key_press(Key::ArrowRight);
        h.run();
        assert_ne!(h.state().state.selection, Some(cell));
        select(&mut h, cell);
    }
    // Project settings (no shortcut; as the menu runs it): the project title field.
    let ctx = h.ctx.clone();
    h.state_mut()
        .perform(&ctx, waymark::ui::actions::Action::Settings);
    h.run_steps(4);
    assert!(
        focused(&h, "Project title"),
        "the settings' title field has no focus"
    );
    h.key_press(Key::Escape);
    h.run_steps(4);
    if !h.state().view.owns_keyboard() {
        h.key_press(Key::Escape);
        h.run_steps(4);
    }
    assert!(h.state().view.owns_keyboard());
}
