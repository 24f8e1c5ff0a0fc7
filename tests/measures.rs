//! Accelerators and blockers, priorities, settings and survey import, driven in the
//! real window by label.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};

mod common;
use common::{project, sample_app as app};
use waymark::app::Selection;
use waymark::io;
use waymark::model::{AnnotationKind, LaneKind, MeasureKind, MeasureValue};
use waymark::ui::WaymarkApp;

fn set_text(h: &mut Harness<'_, WaymarkApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
}

/// Adds an annotation of `kind` to the card `card` through its context menu and fills it in.
fn annotate(h: &mut Harness<'_, WaymarkApp>, card: &str, kind: &str, title: &str, nev: (f64, f64)) {
    h.get_by_label(card).click_secondary();
    h.run();
    h.get_by_label(kind).click();
    h.run();
    set_text(h, "Title", title);
    h.get_by_label("NEV before measured").click();
    h.run();
    h.get_by_label("NEV after measured").click();
    h.run();
    h.get_by_label("NEV before").set_value_accesskit(nev.0);
    h.run();
    h.get_by_label("NEV after").set_value_accesskit(nev.1);
    h.run();
}

#[test]
fn an_accelerator_and_a_blocker_are_added_to_a_card_with_before_and_after_values() {
    let mut h = app();
    let before = project(&h).journeys[0].annotations.len();
    annotate(
        &mut h,
        "Order tracker",
        "Add accelerator",
        "Proactive delay texts",
        (-20.0, 15.0),
    );
    annotate(
        &mut h,
        "Order tracker",
        "Add blocker",
        "Tracker not updated",
        (10.0, -30.0),
    );
    let p = project(&h);
    let j = &p.journeys[0];
    assert_eq!(j.annotations.len(), before + 2);
    let tracker = j
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.text == "Order tracker")
        .unwrap()
        .id;
    let acc = j
        .annotations
        .iter()
        .find(|a| a.title == "Proactive delay texts")
        .unwrap();
    assert_eq!(acc.kind, AnnotationKind::Accelerator);
    assert_eq!(acc.anchor, waymark::model::Anchor::Card(tracker));
    assert_eq!((acc.before.nev, acc.after.nev), (Some(-20.0), Some(15.0)));
    let blk = j
        .annotations
        .iter()
        .find(|a| a.title == "Tracker not updated")
        .unwrap();
    assert_eq!(blk.kind, AnnotationKind::Blocker);
    assert_eq!((blk.before.nev, blk.after.nev), (Some(10.0), Some(-30.0)));
    // The change is shown: in the inspector and on the map's pill.
    h.get_by_label_contains("Blocker: Tracker not updated");
    h.get_by_label("-40.0");
    assert_eq!(p.validate(), vec![]);
}

#[test]
fn annotations_can_be_hidden_and_are_listed_in_the_side_panel() {
    let mut h = app();
    // The sample's two annotations are listed and on the map.
    h.get_by_label("Engineer texts 30 min before arrival");
    assert!(
        h.query_by_label_contains("Accelerator: Engineer texts")
            .is_some()
    );
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Show accelerators and blockers").click();
    h.run();
    assert!(
        h.query_by_label_contains("Accelerator: Engineer texts")
            .is_none()
    );
    // Still listed in the panel; clicking selects it.
    h.get_by_label("Engineer texts 30 min before arrival")
        .click();
    h.run();
    assert!(matches!(
        h.state().state.selection,
        Some(Selection::Annotation(_))
    ));
}

#[test]
fn the_priorities_panel_ranks_touchpoints_and_jumps_to_them() {
    let mut h = app();
    let ranked = waymark::analysis::rank_touchpoints(&project(&h), &project(&h).journeys[0]);
    let first = &ranked[0];
    let label = format!("1. {}", first.text);
    h.get_by_label(&label).click();
    h.run();
    assert_eq!(h.state().state.selection, Some(Selection::Card(first.card)));
    // The canvas moved so the touchpoint is in view (its card is announced on screen).
    h.get_by_label(&first.text);
}

#[test]
fn a_survey_csv_is_previewed_with_its_bad_rows_and_imported_in_one_undo_step() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("survey.csv");
    std::fs::write(
        &csv,
        "touchpoint,measure,score\n\
         Online checkout,nps,10\n\
         Online checkout,nps,9\n\
         Online checkout,nps,2\n\
         Online checkout,nps,10\n\
         Engineer visit,csat,5\n\
         Engineer visit,csat,2\n\
         Online checkout,nps,ten\n\
         Mystery shop,nps,7\n",
    )
    .unwrap();
    let mut h = app();
    let original = project(&h);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import survey…").click();
    h.run();
    set_text(&mut h, "Survey file", csv.to_str().unwrap());
    h.get_by_label("Preview").click();
    h.run();
    h.get_by_label("Import preview");
    h.get_by_label_contains("6 answers used, 2 rows left out");
    h.get_by_label_contains("Line 8: score \"ten\" is not a number");
    h.get_by_label_contains("Line 9: no touchpoint or stage called \"Mystery shop\"");
    h.get_by_label("NPS for Online checkout: new 50 (n=4)");
    // Nothing has changed yet.
    assert_eq!(project(&h), original);
    h.get_by_label("Import").click();
    h.run();
    let p = project(&h);
    let value = |kind: MeasureKind, prefix: &str| {
        p.journeys[0]
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Measures(kind))
            .flat_map(|l| &l.cards)
            .find(|c| c.text.starts_with(prefix))
            .and_then(|c| c.measure)
    };
    assert_eq!(
        value(MeasureKind::Nps, "Online checkout"),
        Some(MeasureValue::Number(50.0))
    );
    assert_eq!(
        value(MeasureKind::Csat, "Engineer visit"),
        Some(MeasureValue::Number(50.0))
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(project(&h), original);
}

#[test]
fn rag_thresholds_are_set_in_the_settings_dialog() {
    let mut h = app();
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Project settings…").click();
    h.run();
    h.get_by_label("Project settings");
    h.get_by_label("Apply").click();
    h.run();
    // Applying unchanged settings changes nothing.
    assert!(!h.state().state.is_dirty());
    assert_eq!(project(&h).settings, io::sample::sample_project().settings);
}

#[test]
fn thresholds_that_contradict_each_other_are_refused_inline_and_never_applied() {
    let mut h = app();
    let original = project(&h);
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Project settings…").click();
    h.run();
    let set = |h: &mut Harness<'_, WaymarkApp>, label: &str, value: f64| {
        h.get_by_role_and_label(egui::accesskit::Role::SpinButton, label)
            .set_value_accesskit(value);
        h.run();
    };
    let refused = |h: &mut Harness<'_, WaymarkApp>, reason: &str| {
        h.get_by_label(reason);
        assert!(h.get_by_label("Apply").accesskit_node().is_disabled());
        h.get_by_label("Apply").click();
        h.run();
        // Still open, nothing saved.
        h.get_by_label("Project settings");
        assert_eq!(project(h), original);
        assert!(!h.state().state.is_dirty());
    };
    // Higher is better: green must be above amber.
    set(&mut h, "NPS: Green at", -10.0);
    refused(
        &mut h,
        "NPS: green (-10) must be above amber (0) when higher is better.",
    );
    set(&mut h, "NPS: Green at", 30.0);
    // Lower is better: green must be below amber (CES 2.5 / 3.5 by default).
    set(&mut h, "CES: Green at", 4.5);
    refused(
        &mut h,
        "CES: green (4.5) must be below amber (3.5) when lower is better.",
    );
    set(&mut h, "CES: Green at", 2.5);
    // NEV: the negative threshold must stay below the positive one.
    set(&mut h, "Negative up to", 9.0);
    refused(
        &mut h,
        "The negative NEV threshold must be below the positive one.",
    );
    set(&mut h, "Negative up to", 4.0);
    // Put right, the settings apply again.
    assert!(!h.get_by_label("Apply").accesskit_node().is_disabled());
    h.get_by_label("Apply").click();
    h.run();
    assert_eq!(project(&h).settings, original.settings);
}

#[test]
fn the_map_language_is_chosen_in_the_settings_dialog_as_one_undoable_edit() {
    // The languages are listed by their own names, in Chinese characters.
    let Some(mut h) = common::sample_app_with_system_fonts() else {
        return;
    };
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Project settings…").click();
    h.run();
    h.get_by_label("Map language").click();
    h.run();
    h.get_by_label("繁體中文").click();
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    assert_eq!(project(&h).settings.language, "zh-Hant");
    assert!(h.state().state.is_dirty());
    // One undo step brings the English map back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(project(&h).settings, io::sample::sample_project().settings);
}

#[test]
fn a_touchpoint_class_is_set_from_the_context_menu() {
    let mut h = app();
    h.get_by_label("Order tracker").click_secondary();
    h.run();
    h.get_by_label("Touchpoint class").click();
    h.run();
    h.get_by_label("Moment of truth").click();
    h.run();
    let p = project(&h);
    let card = p.journeys[0]
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.text == "Order tracker")
        .unwrap();
    assert_eq!(
        card.touchpoint.as_ref().and_then(|t| t.class),
        Some(waymark::model::TouchpointClass::MomentOfTruth)
    );
}

#[test]
fn a_new_touchpoint_has_no_channel_until_the_user_picks_one() {
    use waymark::app::{Command, Edit};
    let mut h = common::app_on(io::sample::blank_project());
    let p = project(&h);
    let journey = &p.journeys[0];
    let lane = journey
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Touchpoints)
        .unwrap()
        .id;
    let mut edit = Edit::add_empty_card(journey.id, lane, journey.stages[0].id);
    if let Edit::AddCards { cards, .. } = &mut edit {
        cards[0].card.text = "Download the app".to_owned();
    }
    h.state_mut().state.apply(
        Command::Edit {
            edit,
            gesture: None,
        },
        0.0,
    );
    h.run();
    // The inspector says so, and nothing on the map names a channel.
    let combos: Vec<String> = h
        .get_all_by_role(egui::accesskit::Role::ComboBox)
        .filter_map(|n| n.value())
        .collect();
    assert!(combos.iter().any(|v| v == "No channel"), "{combos:?}");
    assert!(!combos.iter().any(|v| v == "Web"), "{combos:?}");
    // Classifying it from the card's menu keeps it without a channel.
    h.get_by_label("Download the app").click_secondary();
    h.run();
    h.get_by_label("Touchpoint class").click();
    h.run();
    h.get_by_label("Moment of truth").click();
    h.run();
    let p = project(&h);
    let card = p.journeys[0]
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.text == "Download the app")
        .unwrap();
    assert_eq!(
        card.touchpoint.as_ref().and_then(|t| t.class),
        Some(waymark::model::TouchpointClass::MomentOfTruth)
    );
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("map.ron");
    io::save_file(&p, &file).unwrap();
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("MomentOfTruth"), "{saved}");
    assert!(
        !saved.contains("Web"),
        "a channel nobody chose was saved:\n{saved}"
    );
    // The map (painted by the same code as an export) shows the class and no channel.
    h.run();
    let texts = common::painted_texts(&h);
    assert!(texts.iter().any(|t| t == "MoT"), "{texts:?}");
    assert!(!texts.iter().any(|t| t == "Web"), "{texts:?}");
}

/// The blank map with touchpoint cards `texts`, one per stage from the first.
fn blank_with_touchpoints(texts: &[&str]) -> Harness<'static, WaymarkApp> {
    use waymark::app::{Command, Edit};
    let mut h = common::app_on(io::sample::blank_project());
    let p = project(&h);
    let journey = &p.journeys[0];
    let lane = journey
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Touchpoints)
        .unwrap()
        .id;
    for (i, text) in texts.iter().enumerate() {
        let mut edit = Edit::add_empty_card(journey.id, lane, journey.stages[i].id);
        if let Edit::AddCards { cards, .. } = &mut edit {
            (*text).clone_into(&mut cards[0].card.text);
        }
        h.state_mut().state.apply(
            Command::Edit {
                edit,
                gesture: None,
            },
            0.0,
        );
    }
    h.state_mut().state.apply(Command::Select(None), 0.0);
    h.run();
    h
}

#[test]
fn the_priorities_panel_follows_every_class_change_at_once() {
    let mut h = blank_with_touchpoints(&["Instant virtual card", "Identity check"]);
    // From the card's context menu: the panel updates in the same run.
    h.get_by_label("Instant virtual card").click_secondary();
    h.run();
    h.get_by_label("Touchpoint class").click();
    h.run();
    h.get_by_label("Delightful innovation").click();
    h.run();
    h.get_by_label_contains("Delightful innovation: classify the 1 unclassified");
    // From the inspector, right after typing into the same card (one undo gesture).
    h.get_by_label("Identity check").click();
    h.run();
    h.get_by_label("Text").click();
    h.run();
    h.get_by_label("Text").type_text(" (selfie)");
    h.run();
    h.get_all_by_role(egui::accesskit::Role::ComboBox)
        .find(|n| n.value().as_deref() == Some("Unclassified"))
        .unwrap()
        .click();
    h.run();
    h.get_by_label("Moment of truth").click();
    h.run();
    // Nothing is measured: the moment of truth is to be measured first, and the
    // delighter waits for it.
    h.get_by_label("1. Identity check (selfie)");
    h.get_by_label_contains("Moment of truth: nothing measured");
    h.get_by_label("2. Instant virtual card");
    h.get_by_label_contains("Delightful innovation: wait until the 1 touchpoint above");
}

#[test]
fn switching_a_measure_on_never_moves_the_next_control() {
    let mut h = app();
    h.get_by_label("Order tracker").click_secondary();
    h.run();
    h.get_by_label("Add accelerator").click();
    h.run();
    let rects = |h: &Harness<'_, WaymarkApp>| {
        [
            "NEV after measured",
            "CES before measured",
            "CES after measured",
        ]
        .map(|label| h.get_by_label(label).rect())
    };
    let before = rects(&h);
    // A value box appears beside the checkbox: what follows stays where it was, so a
    // second click lands where the pointer aims.
    h.get_by_label("NEV before measured").click();
    h.run();
    assert_eq!(rects(&h), before);
    // A wide value, too.
    h.get_by_label("NEV before").set_value_accesskit(-100.0);
    h.run();
    assert_eq!(
        project(&h).journeys[0]
            .annotations
            .last()
            .unwrap()
            .before
            .nev,
        Some(-100.0)
    );
    assert_eq!(rects(&h), before);
    h.get_by_label("NEV after measured").click();
    h.run();
    assert_eq!(rects(&h)[1..], before[1..]);
}

#[test]
fn file_export_measures_writes_a_csv_with_a_byte_order_mark() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("review.csv");
    let mut h = app();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export measures…").click();
    h.run();
    h.get_by_label("Export measures");
    set_text(&mut h, "Save to", csv.to_str().unwrap());
    h.get_by_role_and_label(egui::accesskit::Role::Button, "Export")
        .click();
    h.run();
    // The dialog closed and the app wrote the file.
    assert!(h.query_by_label("Export measures").is_none());
    let bytes = std::fs::read(&csv).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 with a BOM");
    assert_eq!(
        bytes,
        waymark::export::measures::measures_csv(&project(&h), None).unwrap()
    );
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(text.starts_with("Journey,Stage,Touchpoint,Measure,Value,n,RAG,"));
    assert!(text.contains(",NPS,32,"), "{text}");
    let status = format!("Exported the measures to {}", csv.display());
    h.get_by_label_contains(&status);
    // Nothing in the document changed.
    assert!(!h.state().state.is_dirty());
}

#[test]
fn the_inspector_binds_a_measure_to_a_touchpoint_of_its_stage_undoably() {
    let mut h = app();
    let p = project(&h);
    let j = &p.journeys[0];
    let measure = j
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Measures(MeasureKind::Nps))
        .flat_map(|l| &l.cards)
        .next()
        .unwrap()
        .clone();
    let touchpoint = j
        .lanes
        .iter()
        .filter(|l| l.kind == LaneKind::Touchpoints)
        .flat_map(|l| &l.cards)
        .find(|c| c.stage == measure.stage)
        .unwrap()
        .clone();
    assert_eq!(measure.about, None);
    h.state_mut().state.apply(
        waymark::app::Command::Select(Some(Selection::Card(measure.id))),
        0.0,
    );
    h.run();
    h.get_by_label("Measures").click();
    h.run();
    // The card on the canvas has the same name: the choice is the one in the list.
    let choices: Vec<_> = h.get_all_by_label(touchpoint.text.as_str()).collect();
    assert_eq!(choices.len(), 2);
    choices[0].click();
    h.run();
    let about = |h: &Harness<'_, WaymarkApp>| {
        project(h).journeys[0]
            .card(measure.id)
            .and_then(|(_, c)| c.about)
    };
    assert_eq!(about(&h), Some(touchpoint.id));
    // The priorities panel now judges that touchpoint by this measure.
    let ranked = waymark::analysis::rank_touchpoints(&project(&h), &project(&h).journeys[0]);
    let reason = ranked
        .iter()
        .find(|r| r.card == touchpoint.id)
        .map(|r| r.reason.text(waymark::i18n::Language::En))
        .unwrap();
    assert!(
        reason.contains("NPS") && !reason.contains("stage's"),
        "{reason}"
    );
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(about(&h), None);
}

/// Imports `csv` (written to a file in `dir`) through File > Import survey… up to
/// the preview.
fn preview_survey(h: &mut Harness<'_, WaymarkApp>, dir: &std::path::Path, name: &str, csv: &str) {
    let path = dir.join(name);
    std::fs::write(&path, csv).unwrap();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import survey…").click();
    h.run();
    set_text(h, "Survey file", path.to_str().unwrap());
    h.get_by_label("Preview").click();
    h.run();
}

#[test]
fn re_importing_a_survey_replaces_its_answers_or_appends_to_them_as_chosen_in_the_preview() {
    let dir = tempfile::tempdir().unwrap();
    // The preview's "old → new" arrow may be missing from the test fonts.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .allow_missing_glyphs()
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.frame_ui(ui),
            WaymarkApp::new(
                waymark::app::AppState::new(io::sample::sample_project(), None),
                waymark::ui::FileDialogs::InApp,
            ),
        );
    h.run();
    // First wave: NPS 10, 10, 0, 8 -> (2 - 1) / 4 = 25.
    preview_survey(
        &mut h,
        dir.path(),
        "wave1.csv",
        "touchpoint,measure,score\n\
         Online checkout,nps,10\n\
         Online checkout,nps,10\n\
         Online checkout,nps,0\n\
         Online checkout,nps,8\n",
    );
    // Nothing kept yet: no choice to make.
    assert!(h.query_by_label("Replace them").is_none());
    h.get_by_label("Import").click();
    h.run();
    let nps = |h: &Harness<'_, WaymarkApp>| {
        project(h).journeys[0]
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Measures(MeasureKind::Nps))
            .flat_map(|l| &l.cards)
            .find(|c| c.text.starts_with("Online checkout"))
            .cloned()
            .unwrap()
    };
    let card = nps(&h);
    assert_eq!(card.measure, Some(MeasureValue::Number(25.0)));
    assert_eq!(card.answers.as_ref().map(|a| a.scores.len()), Some(4));
    // 4 answers are fewer than the default minimum of 30: the card says so on the map.
    h.run();
    let painted = common::painted_texts(&h);
    assert!(painted.iter().any(|t| t == "low base, n=4"), "{painted:?}");

    // Second wave: 3 and 9.
    let wave2 = "touchpoint,measure,score\nOnline checkout,nps,3\nOnline checkout,nps,9\n";
    preview_survey(&mut h, dir.path(), "wave2.csv", wave2);
    h.get_by_label_contains("1 measure keeps answers from an earlier import");
    // Replace is the default: only the new answers count, (1 - 1) / 2 = 0.
    h.get_by_label("NPS for Online checkout: 25 → 0 (n=2, replaced n=4)");
    // Appending: 10, 10, 0, 8, 3, 9 -> (3 - 2) / 6 = 16.7.
    h.get_by_label("Add the new answers to them").click();
    h.run();
    h.get_by_label("NPS for Online checkout: 25 → 16.7 (n=4 kept + 2 new)");
    assert!(
        h.query_by_label("NPS for Online checkout: 25 → 0 (n=2, replaced n=4)")
            .is_none()
    );
    h.get_by_label("Import").click();
    h.run();
    let card = nps(&h);
    assert_eq!(card.measure, Some(MeasureValue::Number(16.7)));
    assert_eq!(card.text, "Online checkout (n=6)");
    assert_eq!(
        card.answers.as_ref().map(|a| a.scores.clone()),
        Some(vec![10, 10, 0, 8, 3, 9])
    );

    // And replacing, chosen back: the same file again gives n=2.
    preview_survey(&mut h, dir.path(), "wave2.csv", wave2);
    h.get_by_label("NPS for Online checkout: 16.7 → 0 (n=2, replaced n=6)");
    h.get_by_label("Add the new answers to them").click();
    h.run();
    h.get_by_label("Replace them").click();
    h.run();
    h.get_by_label("NPS for Online checkout: 16.7 → 0 (n=2, replaced n=6)");
    h.get_by_label("Import").click();
    h.run();
    assert_eq!(nps(&h).measure, Some(MeasureValue::Number(0.0)));
}

#[test]
fn a_stricter_nev_threshold_recomputes_imported_values_in_one_undoable_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app();
    // NEV 8, 9, 10, 1, 4, 5 with the default 8/4 thresholds: (3 - 2) / 6 = 16.7.
    preview_survey(
        &mut h,
        dir.path(),
        "nev.csv",
        "touchpoint,measure,score\n\
         Engineer visit,nev,8\n\
         Engineer visit,nev,9\n\
         Engineer visit,nev,10\n\
         Engineer visit,nev,1\n\
         Engineer visit,nev,4\n\
         Engineer visit,nev,5\n",
    );
    h.get_by_label("Import").click();
    h.run();
    let nev = |h: &Harness<'_, WaymarkApp>| {
        project(h).journeys[0]
            .lanes
            .iter()
            .filter(|l| l.kind == LaneKind::Measures(MeasureKind::Nev))
            .flat_map(|l| &l.cards)
            .find(|c| c.text.starts_with("Engineer visit"))
            .and_then(|c| c.measure)
    };
    assert_eq!(nev(&h), Some(MeasureValue::Number(16.7)));
    let before = project(&h);
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Project settings…").click();
    h.run();
    for (label, value) in [("Positive from", 9.0), ("Negative up to", 5.0)] {
        h.get_by_role_and_label(egui::accesskit::Role::SpinButton, label)
            .set_value_accesskit(value);
        h.run();
    }
    h.get_by_label("Apply").click();
    h.run();
    // Positive 9, 10; negative 1, 4, 5: (2 - 3) / 6 = -16.7.
    assert_eq!(nev(&h), Some(MeasureValue::Number(-16.7)));
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(project(&h), before);
}

#[test]
fn a_low_base_is_named_in_the_priorities_panel_until_the_minimum_is_lowered_in_settings() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = app();
    // 4 answers for Online checkout: NPS (2 - 1) / 4 = 25, on a base of 4 (< 30).
    preview_survey(
        &mut h,
        dir.path(),
        "few.csv",
        "touchpoint,measure,score\n\
         Online checkout,nps,10\n\
         Online checkout,nps,10\n\
         Online checkout,nps,0\n\
         Online checkout,nps,8\n",
    );
    h.get_by_label("Import").click();
    h.run();
    let today = waymark::app::import::today();
    let evidence = format!("NPS 25, n=4, low base, from the survey imported on {today}");
    h.get_by_label_contains(&evidence);

    // The minimum is the project's: at 3 answers the base is well founded.
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Project settings…").click();
    h.run();
    h.get_by_role_and_label(
        egui::accesskit::Role::SpinButton,
        "Fewest answers for a well-founded measure",
    )
    .set_value_accesskit(3.0);
    h.run();
    // The map behind the dialog previews the new minimum before anything is applied.
    let low_base_painted = |h: &Harness<'_, WaymarkApp>| {
        common::painted_texts(h)
            .iter()
            .any(|t| t == "low base, n=4")
    };
    assert!(!low_base_painted(&h), "previewed: well founded at 3");
    assert_eq!(project(&h).settings.min_base, 30, "nothing applied yet");
    h.get_by_label("Apply").click();
    h.run();
    assert_eq!(project(&h).settings.min_base, 3);
    h.get_by_label_contains(&format!("NPS 25, n=4, from the survey imported on {today}"));
    assert!(h.query_by_label_contains("low base").is_none());
    // One undo brings the minimum, and the mark, back.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(project(&h).settings.min_base, 30);
    h.get_by_label_contains(&evidence);
    assert!(low_base_painted(&h));
    // Cancel ends the preview and leaves the project as it was.
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Project settings…").click();
    h.run();
    h.get_by_role_and_label(
        egui::accesskit::Role::SpinButton,
        "Fewest answers for a well-founded measure",
    )
    .set_value_accesskit(3.0);
    h.run();
    assert!(!low_base_painted(&h));
    h.get_by_label("Cancel").click();
    h.run();
    assert!(low_base_painted(&h));
    assert_eq!(project(&h).settings.min_base, 30);
}

#[test]
fn a_survey_whose_columns_cannot_be_told_is_mapped_in_the_preview_and_remembered() {
    let dir = tempfile::tempdir().unwrap();
    // The second preview's "old → new" arrow may be missing from the test fonts.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .allow_missing_glyphs()
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.frame_ui(ui),
            WaymarkApp::new(
                waymark::app::AppState::new(io::sample::sample_project(), None),
                waymark::ui::FileDialogs::InApp,
            ),
        );
    h.run();
    // Column ids only, as some survey tools export: nothing names a touchpoint.
    let export = "id,Q1,Q2\n1,10,x\n2,9,y\n3,2,z\n";
    preview_survey(&mut h, dir.path(), "export.csv", export);
    h.get_by_label("Waymark cannot tell which column is which: choose them below.");
    assert!(h.get_by_label("Import").accesskit_node().is_disabled());
    h.get_by_label("One respondent per row, a column per question")
        .click();
    h.run();
    // Column B asks about Online checkout; its measure is chosen as NPS.
    h.get_all_by_label("B: Q1").next().unwrap().click();
    h.run();
    h.get_all_by_label("Online checkout")
        .last()
        .unwrap()
        .click();
    h.run();
    // 10, 9, 2: (2 - 1) / 3 = 33.3.
    h.get_by_label("NPS for Online checkout: new 33.3 (n=3)");
    h.get_by_label("Import").click();
    h.run();
    let imported = project(&h);
    assert_eq!(imported.journeys[0].survey_mappings.len(), 1);
    // The next export of the same survey opens with the same columns.
    preview_survey(&mut h, dir.path(), "export.csv", "id,Q1,Q2\n4,0,x\n");
    h.get_by_label("The columns chosen for this survey last time.");
    h.get_by_label_contains("1 answers used");
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label("Import preview").is_none());
    // Undo takes the import and the remembered columns back together.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert!(project(&h).journeys[0].survey_mappings.is_empty());
}
