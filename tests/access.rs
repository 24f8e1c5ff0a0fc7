//! Keyboard and screen-reader access, driven through `egui_kittest`: the whole
//! AccessKit tree of the main screen and of every window is walked for controls without
//! a name or with a name shared by another (a screen reader would read "Delete,
//! button" twice); the menu bar opens with Alt and a letter; Tab stays inside a modal
//! dialog and the focus comes back to the control that had it; Ctrl+Z works while a
//! button has the focus; Tab moves between the regions of the window.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use std::collections::HashMap;

use egui::accesskit::{Action as AkAction, Role};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

mod common;
use common::{project, sample_app};
use waymark::app::{Command, Selection};
use waymark::model::LaneKind;
use waymark::ui::WaymarkApp;
use waymark::ui::actions::Action;

/// One focusable node of the tree: its role, name, description and where it is.
#[derive(Debug)]
struct Focusable {
    role: Role,
    name: String,
    description: String,
    rect: egui::Rect,
}

/// Every node of the tree a user can move the keyboard focus to.
fn focusables(h: &Harness<'_, WaymarkApp>) -> Vec<Focusable> {
    h.root()
        .children_recursive()
        .filter(|n| n.accesskit_node().data().supports_action(AkAction::Focus))
        .map(|n| {
            let a = n.accesskit_node();
            Focusable {
                role: a.role(),
                name: a.label().unwrap_or_default(),
                description: a.description().unwrap_or_default(),
                rect: n.rect(),
            }
        })
        .collect()
}

/// What a screen reader user could not tell apart: a focusable node with no name, or
/// two with the same name, role and description, which a screen reader announces alike
/// (a card's text may repeat on the map, as its description says where each one is; a
/// slider and the number field beside it may share "Scale"; two "Delete" buttons may
/// not).
fn problems(h: &Harness<'_, WaymarkApp>) -> Vec<String> {
    let nodes = focusables(h);
    let mut out = Vec::new();
    let mut seen: HashMap<(&str, &str, Role), Vec<&Focusable>> = HashMap::new();
    for n in &nodes {
        if n.name.trim().is_empty() {
            out.push(format!("unnamed {:?} at {:?}", n.role, n.rect));
        } else {
            seen.entry((n.name.as_str(), n.description.as_str(), n.role))
                .or_default()
                .push(n);
        }
    }
    for ((name, description, role), same) in seen {
        if same.len() > 1 {
            out.push(format!(
                "{} focusable {role:?} nodes named {name:?} (description {description:?}): {:?}",
                same.len(),
                same.iter().map(|n| n.rect).collect::<Vec<_>>()
            ));
        }
    }
    out.sort();
    out
}

fn assert_no_problems(h: &Harness<'_, WaymarkApp>, screen: &str) {
    let found = problems(h);
    assert!(
        found.is_empty(),
        "{screen}: {} accessibility problems:\n{}",
        found.len(),
        found.join("\n")
    );
    assert!(
        focusables(h).len() > 5,
        "{screen}: the walk found almost nothing"
    );
}

fn perform(h: &mut Harness<'_, WaymarkApp>, action: Action) {
    let ctx = h.ctx.clone();
    h.state_mut().perform(&ctx, action);
    h.run_steps(4);
}

fn select(h: &mut Harness<'_, WaymarkApp>, selection: Selection) {
    h.state_mut()
        .state
        .apply(Command::Select(Some(selection)), 0.0);
    h.run();
}

/// The first card of the sample's first text lane.
fn first_card(h: &Harness<'_, WaymarkApp>) -> waymark::model::Card {
    let p = project(h);
    p.journeys[0]
        .lanes
        .iter()
        .find(|l| matches!(l.kind, LaneKind::Text(_)))
        .unwrap()
        .cards[0]
        .clone()
}

#[test]
fn the_walk_finds_an_unnamed_button_and_a_generic_name_used_twice() {
    // The check itself can fail: a button without a name, and "Delete" twice.
    let mut h = Harness::builder()
        .with_accessibility_check(false)
        .build_ui(|ui| {
            let _ = ui.button("Delete");
            let _ = ui.button("Delete");
            let r = ui.add(egui::Button::new(""));
            r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, true, ""));
            let _ = ui.button("Fine");
        });
    h.run();
    let nodes: Vec<_> = h
        .root()
        .children_recursive()
        .filter(|n| n.accesskit_node().data().supports_action(AkAction::Focus))
        .map(|n| n.accesskit_node().label().unwrap_or_default())
        .collect();
    assert_eq!(nodes.len(), 4, "{nodes:?}");
    let unnamed = nodes.iter().filter(|n| n.is_empty()).count();
    let deletes = nodes.iter().filter(|n| *n == "Delete").count();
    assert_eq!((unnamed, deletes), (1, 2));
}

#[test]
fn every_control_of_the_main_screen_has_a_specific_name() {
    let mut h = sample_app();
    assert_no_problems(&h, "main screen");
    // A card selected: the inspector shows it (its fields, class, channel, emotion...).
    let card = first_card(&h);
    h.get_by_label(&card.text).click();
    h.run();
    assert_no_problems(&h, "a card selected");
    // A stage, and a touchpoint with its class and channel.
    let p = project(&h);
    select(&mut h, Selection::Stage(p.journeys[0].stages[1].id));
    assert_no_problems(&h, "a stage selected");
    let touchpoint = p.journeys[0]
        .lanes
        .iter()
        .find(|l| matches!(l.kind, LaneKind::Touchpoints))
        .and_then(|l| l.cards.first())
        .unwrap()
        .id;
    select(&mut h, Selection::Card(touchpoint));
    assert_no_problems(&h, "a touchpoint selected");
}

#[test]
fn every_card_node_says_where_it_is_and_whether_it_is_selected() {
    let mut h = sample_app();
    let card = first_card(&h);
    select(&mut h, Selection::Card(card.id));
    let journey = project(&h).journeys[0].clone();
    let map = h.get_by_label("Journey map").rect();
    let texts: Vec<&str> = journey
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .map(|c| c.text.as_str())
        .filter(|t| !t.is_empty())
        .collect();
    let mut cards = 0;
    for n in h.root().children_recursive() {
        let a = n.accesskit_node();
        let label = a.label().unwrap_or_default();
        // (The priorities list names touchpoints by their text too: the canvas's nodes
        // are those in the map's area; a stage named like a card is not a card.)
        if a.role() != Role::Button
            || !texts.contains(&label.as_str())
            || !map.contains_rect(n.rect())
            || journey.stages.iter().any(|s| s.name == label)
        {
            continue;
        }
        cards += 1;
        let description = a.description().unwrap_or_default();
        assert!(
            description.starts_with("Card in ") && description.matches(", ").count() >= 1,
            "the card {label:?} is described {description:?}"
        );
        let selected = a.is_selected();
        assert!(
            selected.is_some(),
            "the card {label:?} has no selected state"
        );
        assert_eq!(selected, Some(label == card.text), "{label:?}");
    }
    assert!(cards > 20, "only {cards} card nodes found");
}

#[test]
fn every_control_of_every_window_has_a_specific_name() {
    let mut h = sample_app();
    // The windows that stay open side by side: Personas, Top voted, the shortcuts sheet.
    perform(&mut h, Action::Personas);
    perform(&mut h, Action::TopVoted);
    perform(&mut h, Action::ShortcutsSheet);
    assert!(h.query_all_by_label("Priya Shah").next().is_some());
    assert_no_problems(&h, "Personas, Top voted and the shortcuts sheet");
    // Each window's own close button says which window it closes.
    for window in ["Personas", "Top voted", "All keyboard shortcuts"] {
        assert!(
            h.query_by_label(&format!("Close “{window}”")).is_some(),
            "no close button named for {window}"
        );
    }
    h.get_by_label("Close “Personas”").click();
    h.run_steps(4);
    assert!(!h.state().personas.open, "the named close button works");
    perform(&mut h, Action::TopVoted);
    perform(&mut h, Action::ShortcutsSheet);

    // The modal dialogs, one at a time.
    for (action, title) in [
        (Action::Settings, "Project title"),
        (Action::ExportPng, "Export"),
        (Action::ExportSlides, "Export slides"),
        (Action::CommandPalette, "Command"),
    ] {
        perform(&mut h, action);
        assert!(
            h.query_all_by_label_contains(title).next().is_some(),
            "{action:?} did not open"
        );
        assert_no_problems(&h, &format!("{action:?}"));
        h.key_press(Key::Escape);
        h.run_steps(4);
    }
}

#[test]
fn every_control_of_the_template_gallery_has_a_specific_name() {
    // The gallery lists Chinese templates: the harness needs the system's fonts.
    let Some(mut h) = common::sample_app_with_system_fonts() else {
        return;
    };
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::N);
    h.run_steps(4);
    assert!(h.query_by_label("Search").is_some(), "no gallery");
    assert_no_problems(&h, "template gallery");
}

/// Is a node whose name contains `label` the one with the keyboard focus?
fn focused(h: &Harness<'_, WaymarkApp>, label: &str) -> bool {
    h.query_all_by_label_contains(label).any(|n| n.is_focused())
}

#[test]
fn alt_and_a_letter_opens_its_menu_and_alt_alone_opens_the_menu_bar() {
    let mut h = sample_app();
    assert!(
        h.query_all_by_label_contains("Zoom to fit")
            .next()
            .is_none()
    );
    // Alt+V: the View menu, its first item focused.
    h.key_press_modifiers(Modifiers::ALT, Key::V);
    h.run();
    assert!(
        h.query_all_by_label_contains("Zoom to fit")
            .next()
            .is_some(),
        "Alt+V did not open View"
    );
    assert!(
        focused(&h, "Present"),
        "View opened without its first item focused"
    );
    // Alt+E moves to Edit; Alt+E again closes it.
    h.key_press_modifiers(Modifiers::ALT, Key::E);
    h.run();
    assert!(
        h.query_all_by_label_contains("Zoom to fit")
            .next()
            .is_none()
    );
    assert!(h.query_all_by_label_contains("Find…").next().is_some());
    h.key_press_modifiers(Modifiers::ALT, Key::E);
    h.run();
    assert!(h.query_all_by_label_contains("Find…").next().is_none());
    // Alt+M, Alt+H, Alt+F: Map, Help, File.
    for (key, item) in [
        (Key::M, "Add stage at end"),
        (Key::H, "Command palette…"),
        (Key::F, "Save As"),
    ] {
        h.key_press_modifiers(Modifiers::ALT, key);
        h.run();
        assert!(
            h.query_all_by_label_contains(item).next().is_some(),
            "Alt+{key:?} did not open the menu with {item}"
        );
    }
    h.key_press(Key::Escape);
    h.run();
    assert!(h.query_all_by_label_contains("Save As").next().is_none());
    // Alt pressed and released alone opens the menu bar, as F10 does.
    h.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    h.run();
    assert!(h.query_all_by_label_contains("Save As").next().is_none());
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    assert!(
        h.query_all_by_label_contains("Save As").next().is_some(),
        "Alt alone did not open the menu bar"
    );
    assert!(focused(&h, "New"));
    h.key_press(Key::Escape);
    h.run();
    // Alt used with another key (Alt+arrows pan the map) opens nothing.
    h.event(egui::Event::ModifiersChanged(Modifiers::ALT));
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    assert!(h.query_all_by_label_contains("Save As").next().is_none());
    // The shortcuts sheet lists the menus' letters.
    h.key_press(Key::F1);
    h.run();
    assert!(h.query_by_label("Alt+V").is_some());
    assert!(h.query_by_label("Focus the menu bar").is_some());
}

/// What [`tab_walk`] reports while the canvas has the keyboard (no control focused).
const CANVAS: &str = "<the canvas>";

/// The names of the focused node, walking Tab `n` times (Shift+Tab if `back`).
fn tab_walk(h: &mut Harness<'_, WaymarkApp>, n: usize, back: bool) -> Vec<String> {
    let mut names = Vec::new();
    for _ in 0..n {
        if back {
            h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
        } else {
            h.key_press(Key::Tab);
        }
        h.run();
        let name = h
            .root()
            .children_recursive()
            .find(egui_kittest::Node::is_focused)
            .map_or_else(
                || {
                    if h.state().view.owns_keyboard() {
                        CANVAS.to_owned()
                    } else {
                        String::new()
                    }
                },
                |n| n.accesskit_node().label().unwrap_or_default(),
            );
        names.push(name);
    }
    names
}

#[test]
fn tab_and_shift_tab_stay_inside_a_modal_dialog() {
    let mut h = sample_app();
    perform(&mut h, Action::Settings);
    let forward = tab_walk(&mut h, 70, false);
    assert!(
        forward.iter().all(|n| !n.is_empty()),
        "Tab left the controls: {forward:?}"
    );
    // It went round: the same controls come again.
    assert!(
        forward.iter().filter(|n| **n == "Project title").count() >= 2,
        "Tab did not cycle: {forward:?}"
    );
    for name in &forward {
        assert!(
            !["Add journey", "File", "Journey map"].contains(&name.as_str()),
            "Tab reached {name} behind the dialog"
        );
    }
    let backward = tab_walk(&mut h, 70, true);
    assert!(
        backward.iter().filter(|n| **n == "Project title").count() >= 2,
        "Shift+Tab did not cycle: {backward:?}"
    );
    // The export dialog too.
    h.key_press(Key::Escape);
    h.run_steps(4);
    perform(&mut h, Action::ExportPng);
    let walk = tab_walk(&mut h, 30, false);
    for name in &walk {
        assert!(
            !["Add journey", "File", "Journey map", "Title"].contains(&name.as_str())
                || h.query_all_by_label(name).count() > 1,
            "Tab reached {name} behind the export dialog: {walk:?}"
        );
    }
    assert!(
        !walk.iter().any(|n| n.starts_with("Delete journey")),
        "Tab left the export dialog: {walk:?}"
    );
    h.key_press(Key::Escape);
    h.run_steps(4);
    // The unsaved-changes question: Tab goes round its three buttons alone, and the
    // focus comes back to "Add journey" when it closes.
    h.get_by_label("Add journey").click();
    h.run();
    h.get_by_label("Add journey").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run_steps(4);
    let walk = tab_walk(&mut h, 7, false);
    assert_eq!(
        walk,
        [
            "Save",
            "Don't save",
            "Cancel",
            "Save",
            "Don't save",
            "Cancel",
            "Save"
        ],
        "Tab left the question"
    );
    let walk = tab_walk(&mut h, 4, true);
    assert_eq!(walk, ["Cancel", "Don't save", "Save", "Cancel"]);
    h.key_press(Key::Escape);
    h.run_steps(4);
    assert!(
        h.query_by_label("Don't save").is_none(),
        "the question is still open"
    );
    let now: Vec<_> = h
        .root()
        .children_recursive()
        .filter(egui_kittest::Node::is_focused)
        .map(|n| n.accesskit_node().label())
        .collect();
    assert!(
        focused(&h, "Add journey"),
        "the focus did not come back to Add journey: {now:?}"
    );
}

#[test]
fn the_focus_returns_to_the_control_that_had_it_when_a_window_closes() {
    let mut h = sample_app();
    let delete = h
        .query_all_by_label_contains("Duplicate journey")
        .find(|n| n.accesskit_node().role() == Role::Button)
        .unwrap()
        .accesskit_node()
        .label()
        .unwrap();
    h.get_by_label(&delete).focus();
    h.run();
    assert!(focused(&h, &delete));
    // The shortcuts sheet (F1) and the command palette (Ctrl+K) → Project settings.
    h.key_press(Key::F1);
    h.run_steps(4);
    assert!(
        h.query_all_by_label("All keyboard shortcuts")
            .next()
            .is_some()
    );
    h.key_press(Key::Escape);
    h.run_steps(4);
    assert!(
        focused(&h, &delete),
        "the focus did not come back from the shortcuts sheet"
    );
    assert!(!h.state().view.owns_keyboard());
    h.key_press_modifiers(Modifiers::COMMAND, Key::K);
    h.run_steps(4);
    h.event(egui::Event::Text("project settings".to_owned()));
    h.run_steps(4);
    h.key_press(Key::Enter);
    h.run_steps(4);
    assert!(focused(&h, "Project title"), "the settings have no focus");
    h.key_press(Key::Escape);
    h.run_steps(4);
    assert!(
        focused(&h, &delete),
        "the focus did not come back from the settings"
    );
    // Personas, from a button in the inspector: the focus goes back to the button.
    let card = first_card(&h);
    h.get_by_label(&card.text).click();
    h.run();
    h.key_press(Key::Tab);
    h.run();
    let field = h
        .root()
        .children_recursive()
        .find(egui_kittest::Node::is_focused)
        .and_then(|n| n.accesskit_node().label())
        .expect("Tab put the focus in the inspector");
    h.key_press_modifiers(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::P);
    h.run_steps(4);
    assert!(focused(&h, "Priya Shah"));
    h.key_press(Key::Escape);
    h.run_steps(4);
    if h.state().personas.open {
        h.key_press(Key::Escape);
        h.run_steps(4);
    }
    assert!(
        focused(&h, &field),
        "the focus did not come back to {field} from Personas"
    );
}

#[test]
fn undo_and_redo_work_while_a_button_or_a_menu_has_the_focus() {
    let mut h = sample_app();
    let before = project(&h);
    h.get_by_label("Add journey").click();
    h.run();
    assert_eq!(project(&h).journeys.len(), before.journeys.len() + 1);
    // "Add journey" keeps the keyboard focus (a click focuses a button).
    h.get_by_label("Add journey").focus();
    h.run();
    assert!(focused(&h, "Add journey"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        project(&h),
        before,
        "Ctrl+Z did nothing on a focused button"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(project(&h).journeys.len(), before.journeys.len() + 1);
    // A menu open, its first item focused: Ctrl+Z still undoes.
    h.key_press(Key::F10);
    h.run();
    assert!(focused(&h, "New"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(project(&h), before, "Ctrl+Z did nothing with a menu open");
    // In a text field, Ctrl+Z undoes the typing, not the document.
    h.key_press(Key::Escape);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    let redone = project(&h);
    h.get_by_label("Title").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(project(&h), redone, "Ctrl+Z in a field undid the document");
}

#[test]
fn tab_moves_between_the_regions_and_escape_keeps_the_selection() {
    let mut h = sample_app();
    let card = first_card(&h);
    // The canvas: a click on a card gives it the keyboard.
    h.get_by_label(&card.text).click();
    h.run();
    assert!(h.state().view.owns_keyboard());
    // Tab: into the inspector; Shift+Tab: back to the canvas.
    h.key_press(Key::Tab);
    h.run();
    assert!(!h.state().view.owns_keyboard());
    assert!(
        focused(&h, "Text"),
        "Tab did not go to the inspector's first field"
    );
    h.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    h.run();
    assert!(h.state().view.owns_keyboard());
    // Round the regions: the inspector's fields one by one, then the journey list's
    // controls, then the canvas as one stop, never the map's items one by one.
    let journey = project(&h).journeys[0].clone();
    let items: Vec<String> = journey
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .map(|c| c.text.clone())
        .chain(journey.stages.iter().map(|s| s.name.clone()))
        .collect();
    let walk = tab_walk(&mut h, 80, false);
    for name in &walk {
        assert!(
            !items.contains(name) && !name.starts_with("Empty cell"),
            "Tab stepped onto the map's item {name:?}: {walk:?}"
        );
    }
    let stops = walk.iter().filter(|n| *n == CANVAS).count();
    assert!(stops >= 1, "Tab never came back to the canvas: {walk:?}");
    let at = |name: &str| walk.iter().position(|n| n == name);
    let (list, canvas, inspector) = (
        at("Add journey").expect("Tab reaches the journey list"),
        at(CANVAS).unwrap(),
        at("Text").expect("Tab reaches the inspector"),
    );
    assert!(
        list < canvas,
        "the canvas comes after the journey list: {walk:?}"
    );
    // Shift+Tab goes back the same way: from the canvas to the journey list's last
    // control, and from the inspector's first field to the canvas.
    let back = tab_walk(&mut h, 80, true);
    for name in &back {
        assert!(
            !items.contains(name) && !name.starts_with("Empty cell"),
            "Shift+Tab stepped onto the map's item {name:?}: {back:?}"
        );
    }
    let canvas_back = back.iter().position(|n| n == CANVAS).unwrap();
    let text_back = back.iter().position(|n| n == "Text").unwrap();
    let _ = inspector;
    assert!(
        back.get(text_back + 1).map(String::as_str) == Some(CANVAS)
            || back.get(canvas_back.wrapping_sub(1)).map(String::as_str) == Some("Text"),
        "Shift+Tab from the inspector's first field did not go to the canvas: {back:?}"
    );
    // Escape with the canvas's selection: the first closes nothing and clears it only
    // when nothing else is open; with the shortcuts sheet open it closes the sheet and
    // keeps the selection.
    h.get_by_label(&card.text).click();
    h.run();
    h.key_press(Key::F1);
    h.run_steps(4);
    h.key_press(Key::Escape);
    h.run_steps(4);
    assert_eq!(h.state().state.selection, Some(Selection::Card(card.id)));
    // Arrows from the top lane go up into the stage headers.
    let journey = project(&h).journeys[0].clone();
    let top = journey.lanes[0].id;
    let stage = journey.stages[0].id;
    select(&mut h, Selection::Cell { lane: top, stage });
    h.state_mut().view.set_keyboard(true);
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(h.state().state.selection, Some(Selection::Stage(stage)));
}

#[test]
fn every_control_of_the_survey_import_and_its_preview_has_a_specific_name() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("survey.csv");
    std::fs::write(
        &csv,
        "touchpoint,measure,score\n\
         Online checkout,nps,10\n\
         Online checkout,nps,9\n\
         Engineer visit,csat,5\n\
         Mystery shop,nps,7\n",
    )
    .unwrap();
    // The preview's "old → new" arrow may be missing from the test fonts.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .allow_missing_glyphs()
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.frame_ui(ui),
            WaymarkApp::new(
                waymark::app::AppState::new(waymark::io::sample::sample_project(), None),
                waymark::ui::FileDialogs::InApp,
            ),
        );
    h.run();
    perform(&mut h, Action::ImportCsv);
    assert_no_problems(&h, "survey import");
    h.get_by_label("Survey file").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Survey file")
        .type_text(csv.to_str().unwrap());
    h.run();
    h.key_press(Key::Tab);
    h.run();
    h.get_by_label("Preview").click();
    h.run_steps(4);
    assert!(h.state().state.survey.is_some(), "no preview");
    assert_no_problems(&h, "survey preview");
    // Tab goes round the preview's own controls.
    let walk = tab_walk(&mut h, 40, false);
    assert!(
        walk.iter()
            .all(|n| !n.is_empty() && n != "Add journey" && n != CANVAS),
        "Tab left the preview: {walk:?}"
    );
    assert!(
        walk.iter().filter(|n| *n == "Import").count() >= 2,
        "Tab did not go round the preview: {walk:?}"
    );
}

#[test]
fn a_scroll_area_follows_the_keyboard_focus_out_of_view() {
    let mut h = sample_app();
    // Enough journeys that the journey list scrolls.
    for _ in 0..60 {
        h.get_by_label("Add journey").click();
        h.run();
    }
    let window = h.ctx.content_rect();
    let first = project(&h).journeys[0].title.clone();
    h.get_by_label(&first).focus();
    h.run();
    let mut reached_below = false;
    for step in 0..70 {
        h.key_press(Key::Tab);
        h.run();
        h.run();
        let Some(node) = h
            .root()
            .children_recursive()
            .find(egui_kittest::Node::is_focused)
        else {
            break;
        };
        let rect = node.rect();
        let name = node.accesskit_node().label().unwrap_or_default();
        assert!(
            window.contains_rect(rect),
            "Tab {step}: {name:?} has the focus at {rect:?}, out of the window {window:?}"
        );
        reached_below |= rect.top() > window.height() / 2.0;
    }
    assert!(reached_below, "the focus never went down the list");
}

/// Rectangles outlined in the focus ring's colour this frame.
fn rings(h: &Harness<'_, WaymarkApp>) -> Vec<egui::Rect> {
    h.output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Rect(r) if r.stroke.color == waymark::theme::color::FOCUS_RING => {
                Some(r.rect)
            }
            _ => None,
        })
        .collect()
}

#[test]
fn the_control_reached_by_keyboard_wears_a_focus_ring_and_a_clicked_one_does_not() {
    let mut h = sample_app();
    h.get_by_label("Add journey").click();
    h.run();
    assert!(
        rings(&h).is_empty(),
        "a click shows no ring: {:?}",
        rings(&h)
    );
    h.key_press(Key::Tab);
    h.run();
    let node = h
        .root()
        .children_recursive()
        .find(egui_kittest::Node::is_focused)
        .expect("Tab focuses a control");
    let rect = node.rect();
    assert!(
        rings(&h).iter().any(|r| r.contains_rect(rect)),
        "no ring around {:?} at {rect:?}: {:?}",
        node.accesskit_node().label(),
        rings(&h)
    );
    // A click elsewhere puts the mouse back in charge: the ring goes.
    h.get_by_label("Add journey").click();
    h.run();
    assert!(rings(&h).is_empty());
}

#[test]
fn a_dropdown_opens_chooses_and_closes_from_the_keyboard_and_escape_keeps_the_selection() {
    let mut h = sample_app();
    let card = first_card(&h);
    select(&mut h, Selection::Card(card.id));
    let colour = |h: &Harness<'_, WaymarkApp>| {
        project(h)
            .journeys
            .iter()
            .flat_map(|j| &j.lanes)
            .flat_map(|l| &l.cards)
            .find(|c| c.id == card.id)
            .map(|c| c.color)
    };
    let before = colour(&h);
    h.get_by_role_and_label(Role::ComboBox, "Colour").focus();
    h.run();
    // Space opens the list...
    h.key_press(Key::Space);
    h.run();
    let open = |h: &Harness<'_, WaymarkApp>| egui::Popup::is_any_open(&h.ctx);
    assert!(open(&h), "Space opens the list");
    // ...Escape closes it without choosing, and keeps the card selected...
    h.key_press(Key::Escape);
    h.run();
    assert!(!open(&h), "Escape closes the list");
    assert_eq!(colour(&h), before);
    assert_eq!(h.state().state.selection, Some(Selection::Card(card.id)));
    // ...and arrows then Enter choose another colour and close it.
    h.get_by_role_and_label(Role::ComboBox, "Colour").focus();
    h.run();
    h.key_press(Key::Space);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_ne!(colour(&h), before, "Enter chose the focused colour");
    assert!(!open(&h), "and closed the list");
    assert_eq!(h.state().state.selection, Some(Selection::Card(card.id)));
}
