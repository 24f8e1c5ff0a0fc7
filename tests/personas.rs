//! The persona library and editor, driven by label in the real window.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::project;
use waymark::app::AppState;
use waymark::io;
use waymark::model::{Channel, Persona};
use waymark::ui::{FileDialogs, WaymarkApp};

fn app() -> Harness<'static, WaymarkApp> {
    let state = AppState::new(io::sample::sample_project(), None);
    let mut app = WaymarkApp::new(state, FileDialogs::InApp);
    app.personas.open = true;
    common::harness(app)
}

fn persona(h: &Harness<'_, WaymarkApp>) -> Persona {
    h.state().state.project().personas[0].clone()
}

fn set(h: &mut Harness<'_, WaymarkApp>, label: &str, text: &str) {
    h.get_by_label(label).scroll_to_me();
    h.run();
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
}

#[test]
fn the_persona_form_fills_the_model_field_by_field() {
    let mut h = app();
    set(&mut h, "Name", "Mei Chen");
    set(&mut h, "Age", "41");
    set(&mut h, "Location", "Shanghai");
    set(&mut h, "Segment", "Young family, heavy app user");
    set(&mut h, "New Favourite brands", "Xiaomi");
    h.get_by_label("Add to Favourite brands").click();
    h.run();
    set(&mut h, "New Brand turn-offs", "Hidden fees");
    h.key_press(egui::Key::Enter);
    h.run();
    // Rank by dragging: drop "Phone" (4th) on "App" (1st).
    h.get_by_label("Channel Phone").scroll_to_me();
    h.run();
    let from = h.get_by_label("Channel Phone").rect().center();
    let to = h.get_by_label("Channel App").rect().center();
    h.drag_at(from);
    h.step();
    for i in 1..=6 {
        h.hover_at(from + (to - from) * (i as f32 / 6.0));
        h.step();
    }
    // Release over the target with the pointer still there (kittest's drop_at also
    // removes the pointer in the same frame, which no real mouse does).
    h.event(egui::Event::PointerButton {
        pos: to,
        button: egui::PointerButton::Primary,
        pressed: false,
        modifiers: egui::Modifiers::NONE,
    });
    h.step();
    h.remove_cursor();
    h.run();
    assert_eq!(persona(&h).channel_preferences[0], Channel::Phone);
    // And with the keyboard-friendly buttons: E-mail one place higher.
    h.get_by_label("Rank E-mail higher").scroll_to_me();
    h.run();
    h.get_by_label("Rank E-mail higher").click();
    h.run();
    h.get_by_label("Other channel").scroll_to_me();
    h.run();
    set(&mut h, "Other channel", "WeChat");
    h.get_by_label("Add other channel").click();
    h.run();
    h.get_by_label("Add device").scroll_to_me();
    h.run();
    h.get_by_label("Add device").click();
    h.run();
    let n = persona(&h).devices.len();
    set(
        &mut h,
        &format!("Usage {n}"),
        "Pays in shops with the phone",
    );

    let p = persona(&h);
    assert_eq!(p.name, "Mei Chen");
    assert_eq!(p.age, Some(41));
    assert_eq!(p.location, "Shanghai");
    assert_eq!(p.segment, "Young family, heavy app user");
    assert_eq!(p.favourite_brands.last().unwrap(), "Xiaomi");
    assert_eq!(p.brand_turn_offs.last().unwrap(), "Hidden fees");
    assert_eq!(
        p.channel_preferences[..4],
        // Sample order App, Chat, E-mail, Phone; Phone dragged to the top, then E-mail
        // one place higher.
        [Channel::Phone, Channel::App, Channel::Email, Channel::Chat]
    );
    assert_eq!(
        p.channel_preferences.last().unwrap(),
        &Channel::Other("WeChat".into())
    );
    assert_eq!(
        p.devices.last().unwrap().usage,
        "Pays in shops with the phone"
    );
    // The map's persona card shows the new name.
    assert_eq!(project(&h).validate(), vec![]);
    // Every change is undoable.
    for _ in 0..20 {
        h.key_press(egui::Key::Escape);
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
        h.run();
    }
    assert_eq!(persona(&h), io::sample::sample_project().personas[0]);
}

#[test]
fn an_invalid_age_is_shown_and_leaves_the_persona_unchanged() {
    let mut h = app();
    let before = persona(&h);
    set(&mut h, "Age", "forty");
    h.get_by_label_contains("\"forty\" is not a number of years");
    assert_eq!(persona(&h), before);
    set(&mut h, "Age", "212");
    h.get_by_label_contains("212 is not a plausible age");
    assert_eq!(persona(&h), before);
    set(&mut h, "Age", "39");
    assert_eq!(persona(&h).age, Some(39));
    assert!(h.query_by_label_contains("not a plausible age").is_none());
}

#[test]
fn a_persona_is_exported_and_imported_with_a_fresh_id() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("priya.persona.ron");
    let mut h = app();
    set(&mut h, "Persona file", file.to_str().unwrap());
    h.get_by_label("Export persona").click();
    h.run();
    assert!(file.exists());
    h.get_by_label("Import persona").click();
    h.run();
    let p = project(&h);
    assert_eq!(p.personas.len(), 2);
    assert_ne!(
        p.personas[0].id, p.personas[1].id,
        "ids are re-mapped, no clash"
    );
    let mut imported = p.personas[1].clone();
    imported.id = p.personas[0].id;
    assert_eq!(imported, p.personas[0]);
    assert_eq!(p.validate(), vec![]);
    // A broken persona file gives a clear error and changes nothing.
    std::fs::write(&file, "(format_version: 1, persona: (name: ").unwrap();
    h.get_by_label("Import persona").click();
    h.run();
    h.get_by_label_contains("priya.persona.ron:1:");
    assert_eq!(project(&h).personas.len(), 2);
}

#[test]
fn a_hostile_avatar_is_refused_with_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("map.ron");
    io::save_file(&io::sample::sample_project(), &file).unwrap();
    let state = AppState::new(io::sample::sample_project(), Some(file));
    let mut app = WaymarkApp::new(state, FileDialogs::InApp);
    app.personas.open = true;
    let mut h = common::harness(app);

    let fake = dir.path().join("portrait.png");
    std::fs::write(&fake, b"\x89PNG\r\n\x1a\nnot really").unwrap();
    let before = persona(&h);
    set(&mut h, "Avatar image (PNG or JPEG)", fake.to_str().unwrap());
    h.get_by_label("Set avatar").click();
    h.run();
    h.get_by_label_contains("not a usable PNG or JPEG image");
    assert_eq!(persona(&h), before);
    // The error is reported once, in the error window, until it is read.
    h.get_by_label("OK").click();
    h.run();

    // A real portrait from another folder is copied beside the project and stored
    // relative to it, so the map and its pictures travel together.
    let elsewhere = tempfile::tempdir().unwrap();
    let ok = elsewhere.path().join("ok.png");
    image::RgbaImage::from_pixel(64, 64, image::Rgba([40, 90, 160, 255]))
        .save(&ok)
        .unwrap();
    set(&mut h, "Avatar image (PNG or JPEG)", ok.to_str().unwrap());
    h.get_by_label("Set avatar").click();
    h.run();
    assert_eq!(persona(&h).avatar.as_deref(), Some("avatars/ok.png"));
    assert_eq!(
        std::fs::read(dir.path().join("avatars/ok.png")).unwrap(),
        std::fs::read(&ok).unwrap()
    );
    // Undo takes the avatar off again.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(persona(&h).avatar, before.avatar);
}

#[test]
fn an_unsaved_project_asks_to_be_saved_before_it_takes_an_avatar() {
    let dir = tempfile::tempdir().unwrap();
    let ok = dir.path().join("ok.png");
    image::RgbaImage::from_pixel(64, 64, image::Rgba([40, 90, 160, 255]))
        .save(&ok)
        .unwrap();
    let mut h = app();
    let before = persona(&h);
    set(&mut h, "Avatar image (PNG or JPEG)", ok.to_str().unwrap());
    h.get_by_label("Set avatar").click();
    h.run();
    h.get_by_label_contains("Save the project first");
    assert_eq!(persona(&h), before);
}

#[test]
fn a_strangers_project_cannot_show_a_picture_from_outside_its_folder() {
    // A picture of yours, outside the folder the stranger's project sits in.
    let home = tempfile::tempdir().unwrap();
    let mine = home.path().join("me.png");
    image::RgbaImage::from_pixel(64, 64, image::Rgba([200, 40, 160, 255]))
        .save(&mine)
        .unwrap();
    let folder = home.path().join("downloads");
    std::fs::create_dir(&folder).unwrap();
    let file = folder.join("stranger.ron");
    for stored in [mine.to_str().unwrap().to_owned(), "../me.png".to_owned()] {
        let mut p = io::sample::sample_project();
        p.personas[0].avatar = Some(stored.clone());
        io::save_file(&p, &file).unwrap();
        let state = AppState::new(io::load_file(&file).unwrap(), Some(file.clone()));
        let mut h = common::harness(WaymarkApp::new(state, FileDialogs::InApp));
        h.run();
        h.get_by_label_contains("is outside the project's folder");
        // Reported once: the refusal is remembered, not retried every frame.
        assert!(h.state().state.avatars.was_refused(&stored, Some(&file)));
        h.run();
        assert!(h.state().state.messages.is_empty());
        assert!(h.state().state.avatars.get(&mine).is_none());
    }
}

#[test]
fn two_personas_emotion_curves_are_overlaid_in_one_lane_with_a_legend() {
    use waymark::model::{Card, CardId, Lane, LaneId, LaneKind, PersonaId};
    let mut start = io::sample::sample_project();
    start.personas.push(Persona {
        id: PersonaId(9001),
        name: "Tom Evans".into(),
        age: Some(67),
        ..Persona::default()
    });
    let j = &mut start.journeys[0];
    let stages: Vec<_> = j.stages.iter().map(|s| s.id).collect();
    j.lanes.push(Lane {
        id: LaneId(9002),
        title: "Tom's emotions".into(),
        kind: LaneKind::Emotion {
            persona: Some(PersonaId(9001)),
            compare: Vec::new(),
        },
        height: 120.0,
        collapsed: false,
        cards: stages
            .iter()
            .enumerate()
            .map(|(i, s)| Card {
                emotion: Some(if i % 2 == 0 { -2.0 } else { 2.0 }),
                ..Card::new(CardId(9100 + i as u64), *s, "Tom")
            })
            .collect(),
    });
    assert_eq!(start.validate(), vec![]);
    let mut h = common::app_on(start);
    h.get_by_label("Emotions").click();
    h.run();
    h.get_by_label("Compare with Tom's emotions").click();
    h.run();
    let p = project(&h);
    let lane = p.journeys[0]
        .lanes
        .iter()
        .find(|l| l.title == "Emotions")
        .unwrap();
    assert_eq!(
        lane.kind,
        LaneKind::Emotion {
            persona: Some(p.personas[0].id),
            compare: vec![LaneId(9002)]
        }
    );
    let map = waymark::layout::layout_journey(&p, &p.journeys[0], &waymark::layout::ApproxText);
    let li = p.journeys[0]
        .lanes
        .iter()
        .position(|l| l.title == "Emotions")
        .unwrap();
    let in_lane: Vec<_> = map.curves.iter().filter(|c| c.lane == li).collect();
    assert_eq!(in_lane.len(), 2, "own curve and Tom's curve");
    assert_eq!(in_lane[1].series, 1);
    // Tom's curve is drawn within the lane's rectangle.
    let row = map.lanes[li].row;
    assert!(in_lane[1].points.iter().all(|pt| row.contains(pt.pos)));
    // The export paints the legend with both names: the images differ from one without.
    let exporter = waymark::export::Exporter::without_system_fonts();
    let with = exporter
        .render(
            &p,
            &p.journeys[0],
            &waymark::export::ExportOptions::default(),
        )
        .unwrap();
    let mut q = p.clone();
    q.journeys[0].lanes[li].kind = LaneKind::Emotion {
        persona: Some(p.personas[0].id),
        compare: vec![],
    };
    let without = exporter
        .render(
            &q,
            &q.journeys[0],
            &waymark::export::ExportOptions::default(),
        )
        .unwrap();
    assert_eq!(with.dimensions(), without.dimensions());
    let differ = with
        .pixels()
        .zip(without.pixels())
        .filter(|(a, b)| a != b)
        .count();
    assert!(differ > 1000, "{differ} pixels differ");
}

#[test]
fn the_persona_card_on_the_map_shows_the_avatar_in_exports() {
    let dir = tempfile::tempdir().unwrap();
    image::RgbaImage::from_pixel(120, 120, image::Rgba([200, 40, 160, 255]))
        .save(dir.path().join("face.png"))
        .unwrap();
    let mut p = io::sample::sample_project();
    p.personas[0].avatar = Some("face.png".into());
    let file = dir.path().join("map.ron");
    io::save_file(&p, &file).unwrap();
    let exporter = waymark::export::Exporter::without_system_fonts();
    let options = waymark::export::ExportOptions::default();
    let img = exporter
        .render_in(&p, &p.journeys[0], &options, Some(&file))
        .unwrap();
    // The avatar sits 28 points right of the persona card's left edge, mid-height.
    let map = waymark::layout::layout_journey(&p, &p.journeys[0], &waymark::layout::ApproxText);
    let card_left = map.title.right() - 300.0;
    let centre = (card_left + 28.0, map.title.center().y);
    let px = img.get_pixel(centre.0 as u32, centre.1 as u32).0;
    assert!(
        px[0] > 150 && px[1] < 90 && px[2] > 120,
        "avatar pixel {px:?}"
    );
    // Without the avatar, initials on the dark blue circle.
    p.personas[0].avatar = None;
    let img = exporter
        .render_in(&p, &p.journeys[0], &options, Some(&file))
        .unwrap();
    let px = img.get_pixel(centre.0 as u32 - 12, centre.1 as u32).0;
    assert!(px[2] > px[0], "initials circle {px:?}");
}

/// Runs a few frames (the gallery's thumbnail spinner never lets the app settle).
fn settle(h: &mut Harness<'_, WaymarkApp>) {
    h.run_steps(4);
}

/// Clicks a menu of the menu bar, then one of its items.
fn menu(h: &mut Harness<'_, WaymarkApp>, menu: &str, item: &str) {
    h.get_by_label(menu).click();
    settle(h);
    // A menu item's name includes its shortcut, if it has one.
    h.get_by_label_contains(item).click();
    settle(h);
}

/// Types text as a keyboard does: one text event (no key presses).
fn type_keys(h: &mut Harness<'_, WaymarkApp>, text: &str) {
    h.event(egui::Event::Text(text.to_owned()));
    settle(h);
}

/// The keys a person might press next, believing they still type into the field:
/// letters, Enter, Delete, Backspace, digits, a minus, arrows.
fn more_keys(h: &mut Harness<'_, WaymarkApp>) {
    type_keys(h, "call quality");
    for key in [
        egui::Key::Enter,
        egui::Key::Delete,
        egui::Key::Backspace,
        egui::Key::Minus,
        egui::Key::Num5,
        egui::Key::ArrowDown,
        egui::Key::Enter,
    ] {
        h.key_press(key);
        settle(h);
        type_keys(h, "x");
    }
    h.key_press(egui::Key::Delete);
    settle(h);
}

/// The sample with a card selected on the canvas (a touchpoint and an emotion point:
/// Enter would open the first in place, Delete delete it, a digit score the second).
fn app_with_a_selected_card(config: &std::path::Path, card: &str) -> Harness<'static, WaymarkApp> {
    let mut state = AppState::new(io::sample::sample_project(), None);
    state.set_config_dir(Some(config.to_owned()));
    // With the system's fonts, like the real app: the gallery names languages in
    // their own scripts.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_context_setup(|ctx| {
            ctx.add_font_provider(std::sync::Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.frame_ui(ui),
            WaymarkApp::new(state, FileDialogs::InApp),
        );
    settle(&mut h);
    h.get_by_label(card).click();
    settle(&mut h);
    assert!(h.state().state.selection.is_some());
    h
}

#[test]
fn keys_typed_in_the_personas_window_never_reach_the_map() {
    for card in ["Order tracker", "Emotions: Angry, stuck (-5)"] {
        let config = tempfile::tempdir().unwrap();
        let mut h = app_with_a_selected_card(config.path(), card);
        let journey = project(&h).journeys[0].clone();
        menu(&mut h, "Map", "Personas…");
        h.get_by_label("New Favourite brands").scroll_to_me();
        settle(&mut h);
        h.get_by_label("New Favourite brands").click();
        settle(&mut h);
        type_keys(&mut h, "Deliveroo");
        h.key_press(egui::Key::Enter);
        settle(&mut h);
        more_keys(&mut h);
        assert_eq!(project(&h).journeys[0], journey, "the map changed ({card})");
        let brands = &persona(&h).favourite_brands;
        assert!(brands.contains(&"Deliveroo".to_owned()), "{brands:?}");
    }
}

#[test]
fn enter_in_a_persona_list_field_adds_the_item_and_keeps_typing_there() {
    let config = tempfile::tempdir().unwrap();
    let mut h = app_with_a_selected_card(config.path(), "Order tracker");
    let journey = project(&h).journeys[0].clone();
    menu(&mut h, "Map", "Personas…");
    h.get_by_label("New Favourite brands").scroll_to_me();
    settle(&mut h);
    h.get_by_label("New Favourite brands").click();
    settle(&mut h);
    for brand in ["Deliveroo", "Monzo Plus", "Lidl"] {
        type_keys(&mut h, brand);
        h.key_press(egui::Key::Enter);
        settle(&mut h);
    }
    let brands = &persona(&h).favourite_brands;
    assert!(
        brands.ends_with(&[
            "Deliveroo".to_owned(),
            "Monzo Plus".to_owned(),
            "Lidl".to_owned()
        ]),
        "{brands:?}"
    );
    assert_eq!(project(&h).journeys[0], journey);
}

#[test]
fn keys_typed_in_any_window_never_reach_the_map() {
    // (menu, item, field to type into, text that matches nothing the field acts on)
    let windows = [
        ("Map", "Project settings…", "From", "3"),
        ("File", "Export PNG…", "Save to", "map.png"),
        ("File", "Import survey…", "Survey file", "answers.csv"),
        ("File", "New from template…", "Search", "zzqx"),
        ("File", "Save journey as template…", "Template name", "Bank"),
        ("Help", "Command palette…", "Command", "zzqx"),
        ("Edit", "Find…", "Find", "zzqx"),
    ];
    for (menu_name, item, field, text) in windows {
        if item == "New from template…" && !common::cjk_font_available() {
            continue;
        }
        for card in ["Order tracker", "Emotions: Angry, stuck (-5)"] {
            let config = tempfile::tempdir().unwrap();
            let mut h = app_with_a_selected_card(config.path(), card);
            let journey = project(&h).journeys[0].clone();
            menu(&mut h, menu_name, item);
            h.get_by_label(field).click();
            settle(&mut h);
            h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
            type_keys(&mut h, text);
            h.key_press(egui::Key::Enter);
            settle(&mut h);
            more_keys(&mut h);
            assert_eq!(
                project(&h).journeys[0],
                journey,
                "keys typed in {item} changed the map ({card} selected)"
            );
        }
    }
}

#[test]
fn a_new_persona_opens_at_the_top_of_its_form_with_the_keyboard_in_its_name() {
    let config = tempfile::tempdir().unwrap();
    let mut h = app_with_a_selected_card(config.path(), "Order tracker");
    menu(&mut h, "Map", "Personas…");
    // Read down the first persona's form, to its last list.
    h.get_by_label("New Feelings wanted").scroll_to_me();
    settle(&mut h);
    let window = h.get_by_label("Personas").rect();
    let name_top = |h: &Harness<'_, WaymarkApp>| h.get_by_label("Name").rect().top();
    assert!(name_top(&h) < window.top(), "scrolled past the Name field");
    h.get_by_label("Add persona").click();
    settle(&mut h);
    let top = name_top(&h);
    assert!(
        top > window.top() && top < window.top() + 200.0,
        "the Name field is at the top of the form: {top} in {window:?}"
    );
    // Typing names the new persona at once.
    type_keys(&mut h, "Kim, the first-time buyer");
    let personas = project(&h).personas;
    assert_eq!(personas.len(), 2);
    assert_eq!(personas[1].name, "Kim, the first-time buyer");
}
