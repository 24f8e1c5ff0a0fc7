//! The real app window, driven through `egui_kittest` by label.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::sample_app;
use waymark::io;
use waymark::ui::WaymarkApp;

/// Replaces the text of the field labelled `label`.
fn set_field(h: &mut Harness<'_, WaymarkApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn the_sample_map_shows_every_stage_lane_and_card_by_name() {
    let h = sample_app();
    let project = io::sample::sample_project();
    let journey = &project.journeys[0];
    for stage in &journey.stages {
        h.get_by_label(&stage.name);
    }
    for lane in &journey.lanes {
        assert!(
            h.query_by_label(&lane.title).is_some(),
            "lane {} not found",
            lane.title
        );
    }
    let card = &journey.lanes[0].cards[0];
    h.get_by_label(&card.text);
}

#[test]
fn editing_a_stage_marks_the_document_unsaved_and_undo_restores_it() {
    let mut h = sample_app();
    assert!(!h.state().state.is_dirty());
    assert!(!h.state().state.window_title().contains('●'));

    h.get_by_label("Order online").click();
    h.run();
    set_field(&mut h, "Name", "Buy online");
    let stage_name =
        |h: &Harness<'_, WaymarkApp>| h.state().state.project().journeys[0].stages[1].name.clone();
    assert_eq!(stage_name(&h), "Buy online");
    assert!(h.state().state.is_dirty());
    assert!(h.state().state.window_title().starts_with("● Untitled"));
    // The canvas shows the new name.
    h.get_by_label("Buy online");

    // Leave the text field, then undo the whole typing gesture in one step.
    h.key_press(egui::Key::Escape);
    h.get_by_label("Fault fixed").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(stage_name(&h), "Order online");
    assert!(!h.state().state.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    h.run();
    assert_eq!(stage_name(&h), "Buy online");
}

#[test]
fn new_asks_about_unsaved_changes() {
    let mut h = sample_app();
    h.get_by_label("Order online").click();
    h.run();
    set_field(&mut h, "Name", "Changed");
    h.key_press(egui::Key::Escape);
    h.run();

    h.get_by_label("File").click();
    h.run();
    // Menu items are announced with their shortcut.
    h.get_by_label("New Ctrl+N").click();
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Unsaved changes").is_none());
    assert_eq!(
        h.state().state.project().journeys[0].stages[1].name,
        "Changed"
    );

    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::N);
    h.run();
    h.get_by_label("Don't save").click();
    h.run();
    assert_eq!(*h.state().state.project(), io::sample::blank_project());
    assert!(!h.state().state.is_dirty());
}

#[test]
fn save_as_and_open_through_the_in_app_path_entry() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("saved.ron");
    let mut h = sample_app();

    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::S);
    h.run();
    h.get_by_label("Save project as");
    let field = h.get_by_label("Path of the project file:");
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Path of the project file:")
        .type_text(path.to_str().unwrap());
    h.run();
    h.get_by_label("Save").click();
    h.run();
    // The save runs in the background.
    h.state_mut().state.finish_background_work();
    h.run();
    assert_eq!(io::load_file(&path).unwrap(), io::sample::sample_project());
    assert_eq!(h.state().state.path.as_deref(), Some(path.as_path()));
    assert!(h.state().state.window_title().starts_with("saved.ron"));

    // Opening a broken file shows the error and keeps the document.
    let bad = dir.path().join("broken.ron");
    std::fs::write(&bad, "(format_version: 1, title: ").unwrap();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::O);
    h.run();
    h.get_by_label("Open project");
    h.get_by_label("Path of the project file:").focus();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Path of the project file:")
        .type_text(bad.to_str().unwrap());
    h.run();
    // Enter in the path field confirms, like the button.
    h.key_press(egui::Key::Enter);
    h.run();
    h.get_by_label("Something went wrong");
    h.get_by_label_contains("broken.ron:1:");
    assert_eq!(*h.state().state.project(), io::sample::sample_project());
    assert_eq!(h.state().state.path.as_deref(), Some(path.as_path()));
    h.get_by_label("OK").click();
    h.run();
    assert!(h.query_by_label("Something went wrong").is_none());
}

#[test]
fn closing_the_window_with_unsaved_changes_asks_first() {
    let mut h = sample_app();
    let request_close = |h: &mut Harness<'_, WaymarkApp>| {
        h.input_mut()
            .viewports
            .entry(egui::ViewportId::ROOT)
            .or_default()
            .events
            .push(egui::ViewportEvent::Close);
        h.step();
    };
    let cancels_close = |h: &Harness<'_, WaymarkApp>| {
        h.output()
            .viewport_output
            .get(&egui::ViewportId::ROOT)
            .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::CancelClose))
    };
    // Nothing unsaved: the window may close.
    request_close(&mut h);
    assert!(!cancels_close(&h));

    let mut h = sample_app();
    h.get_by_label("Order online").click();
    h.run();
    set_field(&mut h, "Name", "Changed");
    h.key_press(egui::Key::Escape);
    h.run();
    request_close(&mut h);
    assert!(cancels_close(&h));
    h.run();
    h.get_by_label("Unsaved changes");
    h.get_by_label("Don't save").click();
    h.step();
    let closes = h
        .output()
        .viewport_output
        .get(&egui::ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&egui::ViewportCommand::Close));
    assert!(closes);
}

/// Steps the app until the background export has finished (at most 60 s).
fn wait_for_export(h: &mut Harness<'_, WaymarkApp>) {
    let start = std::time::Instant::now();
    while h.state().state.export_job.is_some() {
        assert!(start.elapsed().as_secs() < 60, "the export did not finish");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.run();
}

#[test]
fn export_png_from_the_window_writes_the_image_and_reports_failures() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("poster.png");
    let mut h = sample_app();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label("Export PNG");
    h.get_by_label("Transparent").click();
    h.get_by_label("Legend").click();
    h.run();
    set_field(&mut h, "Save to", path.to_str().unwrap());
    h.get_by_label("Export").click();
    // A spinner shows while the export runs, so the app keeps repainting: step.
    h.step();
    h.step();
    assert!(
        h.query_by_label("Export PNG").is_none(),
        "the dialog closes"
    );
    wait_for_export(&mut h);
    let image = image::open(&path).unwrap().to_rgba8();
    assert!(image.width() > 1000);
    assert_eq!(image.get_pixel(1, 1).0[3], 0, "transparent background");
    h.get_by_label_contains("Exported");

    // The next export proposes a file named after the journey, not the last one...
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    h.run();
    let proposed = {
        use egui_kittest::kittest::NodeT as _;
        h.get_by_label("Save to")
            .accesskit_node()
            .value()
            .unwrap_or_default()
    };
    assert!(
        proposed.ends_with("broadband-from-first-search-to-a-fixed-fault.png"),
        "{proposed}"
    );
    // ...says so before replacing an existing file...
    set_field(&mut h, "Save to", path.to_str().unwrap());
    h.get_by_label("poster.png exists and will be replaced");
    // ...and starts from the options last used for this project (transparent, no legend).
    std::fs::remove_file(&path).unwrap();
    h.run();
    assert!(
        h.query_by_label("poster.png exists and will be replaced")
            .is_none()
    );
    h.get_by_label("Export").click();
    h.step();
    h.step();
    wait_for_export(&mut h);
    let image = image::open(&path).unwrap().to_rgba8();
    assert_eq!(image.get_pixel(1, 1).0[3], 0, "still transparent");

    // An unwritable folder: a clear error, and the document untouched.
    let before = h.state().state.project().clone();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    h.run();
    set_field(&mut h, "Save to", "/nonexistent-folder/poster.png");
    h.get_by_label("Export").click();
    h.step();
    wait_for_export(&mut h);
    h.get_by_label("Something went wrong");
    h.get_by_label_contains("/nonexistent-folder/poster.png");
    assert_eq!(*h.state().state.project(), before);
    assert!(!h.state().state.is_dirty());
}

#[test]
fn side_panels_collapse_to_make_room_for_the_map_in_a_small_window() {
    let app = WaymarkApp::new(
        waymark::app::AppState::new(io::sample::sample_project(), None),
        waymark::ui::FileDialogs::InApp,
    );
    let mut h = Harness::builder()
        .with_size(egui::vec2(1000.0, 700.0))
        .build_ui_state(|ui, app: &mut WaymarkApp| app.frame_ui(ui), app);
    h.run();
    let canvas = |h: &Harness<'_, WaymarkApp>| h.get_by_label("Journey map").rect();
    let zoom = |h: &Harness<'_, WaymarkApp>| h.state().view.zoom;
    let (narrow, small) = (canvas(&h), zoom(&h));
    // Both panels are there: the journey list's buttons and the inspector's title field.
    assert!(h.query_by_label_contains("Duplicate journey").is_some());
    assert!(h.query_by_label("Title").is_some());

    // Hide the journey list from the View menu and the inspector by its shortcut.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Journeys panel").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::I);
    h.run();
    assert!(h.query_by_label_contains("Duplicate journey").is_none());
    assert!(h.query_by_label("Title").is_none());
    let wide = canvas(&h);
    assert!(
        wide.width() > narrow.width() + 400.0,
        "{narrow:?} -> {wide:?}"
    );
    // The map was fitted to the window: it is fitted again to the room it now has.
    assert!(zoom(&h) > small * 1.3, "zoom {small} -> {}", zoom(&h));
    // Zoom to fit uses the room the panels left.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Num0);
    h.run();
    let fitted = zoom(&h);
    assert!(fitted > small * 1.3, "zoom to fit {small} -> {fitted}");

    // Ctrl+B brings the journey list back, and the View menu the inspector.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::B);
    h.run();
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Inspector panel").click();
    h.run();
    assert!(h.query_by_label_contains("Duplicate journey").is_some());
    assert!(h.query_by_label("Title").is_some());
    assert!((canvas(&h).width() - narrow.width()).abs() < 1.0);
    assert!(zoom(&h) < fitted, "refitted to the narrower canvas");
}

#[test]
fn the_export_dialog_shows_the_exact_size_and_refuses_a_scale_over_the_limit() {
    use egui_kittest::kittest::NodeT as _;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("wide.png");
    // 30 stages: about 6,200 points wide, so 2× fits the 16,384-pixel limit and 3× not.
    let project = io::sample::generated_project(30, 4, 30);
    let mut h = common::app_on(project.clone());
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    h.run();
    let exporter = waymark::export::Exporter::new();
    let at = |scale: f32| {
        let options = waymark::export::ExportOptions {
            scale,
            ..Default::default()
        };
        exporter.png_size(&project, &project.journeys[0], &options)
    };
    let (w, hgt) = at(1.0).unwrap();
    h.get_by_label(&format!("{w} × {hgt} px"));
    // Up the scale slider to 3×: over the limit, said at once, Export disabled.
    h.get_by_role_and_label(egui::accesskit::Role::Slider, "Scale")
        .focus();
    h.run();
    for _ in 0..4 {
        h.key_press(egui::Key::ArrowRight);
        h.run();
    }
    assert!(at(3.0).is_err());
    h.get_by_label_contains("over the 16384 px a PNG may have on a side");
    assert!(h.get_by_label("Export").accesskit_node().is_disabled());
    // The dialog offers the largest scale that fits, which makes it exportable.
    let offer = h
        .get_by_label_contains("the largest scale that fits")
        .accesskit_node()
        .label()
        .unwrap_or_default();
    let chosen: f32 = offer
        .trim_start_matches("Use ")
        .split('×')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    h.get_by_label_contains("the largest scale that fits")
        .click();
    h.run();
    assert!(!h.get_by_label("Export").accesskit_node().is_disabled());
    let (w, hgt) = at(chosen).unwrap();
    assert!(chosen > 2.0 && chosen < 3.0, "{chosen}");
    h.get_by_label(&format!("{w} × {hgt} px"));
    // The file written is exactly the size shown.
    set_field(&mut h, "Save to", path.to_str().unwrap());
    h.get_by_label("Export").click();
    h.step();
    h.step();
    wait_for_export(&mut h);
    let image = image::open(&path).unwrap();
    assert_eq!(
        (u64::from(image.width()), u64::from(image.height())),
        (w, hgt)
    );
}

#[test]
fn a_map_too_large_for_a_png_even_at_1x_is_pointed_to_pdf_or_svg() {
    use egui_kittest::kittest::NodeT as _;
    let mut h = common::app_on(io::sample::generated_project(90, 3, 0));
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::E);
    h.run();
    h.get_by_label_contains("too large for a PNG even at 1×");
    assert!(h.get_by_label("Export").accesskit_node().is_disabled());
    assert!(
        h.query_by_label_contains("the largest scale that fits")
            .is_none()
    );
}
