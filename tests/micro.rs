//! Macro and micro journeys as a user meets them: zooming into a stage, the breadcrumb
//! back, the stage badge, the journey tree, the questions before deleting or
//! duplicating, the badge and roll-up in an exported image, and the command line.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use egui::{Key, Modifiers, Pos2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{app_on, project, sample_app, waymark};
use waymark::app::{Edit, Selection, apply_edit};
use waymark::export::{ExportOptions, Exporter};
use waymark::model::{JourneyId, JourneyLink, LaneKind, MeasureValue, Project, Rag};
use waymark::theme::color;
use waymark::ui::WaymarkApp;

/// The sample with micro journeys of its "Fault reported" stage, one per title, each
/// made by "Zoom into this stage" and renamed.
fn with_micro(titles: &[&str]) -> Project {
    let mut p = waymark::io::sample::sample_project();
    for title in titles {
        let edit = Edit::ZoomIntoStage {
            journey: p.journeys[0].id,
            stage: p.journeys[0].stages[5].id,
            template: Box::new(waymark::io::sample::blank_project().journeys.remove(0)),
        };
        let Some(waymark::app::Outcome::ShowJourney(id)) = apply_edit(&mut p, &edit) else {
            panic!("no micro journey");
        };
        apply_edit(
            &mut p,
            &Edit::SetJourneyInfo {
                journey: id,
                title: (*title).to_owned(),
                description: String::new(),
            },
        );
    }
    assert_eq!(p.validate(), vec![]);
    p
}

fn current(h: &Harness<'_, WaymarkApp>) -> JourneyId {
    h.state().state.current_journey().unwrap().id
}

/// The journeys' titles in list order.
fn titles(p: &Project) -> Vec<String> {
    p.journeys.iter().map(|j| j.title.clone()).collect()
}

/// Clicks the item called `label` on the map (the same name may also be a journey's
/// title in the list on the left, or a field of the inspector on the right).
fn click_on_map(h: &mut Harness<'_, WaymarkApp>, label: &str) {
    h.get_all_by_label(label)
        .find(|n| n.rect().left() > 250.0 && n.rect().right() < 1300.0)
        .unwrap()
        .click();
    h.run();
}

/// The rect of the journey list's row called `label` (the current journey's title is
/// also in the status bar).
fn list_row(h: &Harness<'_, WaymarkApp>, label: &str) -> egui::Rect {
    h.get_all_by_label(label)
        .map(|n| n.rect())
        .find(|r| r.left() < 250.0 && r.top() < 900.0)
        .unwrap()
}

/// A real pointer drag: press, move in steps (one frame each), release.
fn drag(h: &mut Harness<'_, WaymarkApp>, from: Pos2, to: Pos2) {
    h.drag_at(from);
    h.step();
    for i in 1..=8 {
        let t = i as f32 / 8.0;
        h.hover_at(from + (to - from) * t);
        h.step();
    }
    h.drop_at(to);
    h.step();
    h.run();
}

#[test]
fn zooming_into_a_stage_opens_its_micro_journey_and_the_breadcrumb_leads_back() {
    let mut h = sample_app();
    let macro_journey = project(&h).journeys[0].clone();
    let fault = macro_journey.stages[5].clone();
    h.get_by_label(&fault.name).click_secondary();
    h.run();
    h.get_by_label("Zoom into this stage").click();
    h.run();
    let p = project(&h);
    assert_eq!(p.journeys.len(), 2);
    let micro = &p.journeys[1];
    assert_eq!(current(&h), micro.id, "the micro journey is shown at once");
    assert_eq!(micro.title, fault.name);
    assert_eq!(micro.persona, macro_journey.persona);
    assert_eq!(
        micro.parent,
        Some(JourneyLink {
            journey: macro_journey.id,
            stage: fault.id
        })
    );
    // The usual lanes.
    assert!(
        micro
            .lanes
            .iter()
            .any(|l| matches!(l.kind, LaneKind::Emotion { .. }))
    );
    // Renamed, so that the stage's name is only in the breadcrumb.
    h.state_mut().state.apply(
        waymark::app::Command::Edit {
            edit: Edit::SetJourneyInfo {
                journey: micro.id,
                title: "Complaint call".into(),
                description: String::new(),
            },
            gesture: None,
        },
        0.0,
    );
    h.run();
    // The breadcrumb names the macro journey (also a row of the list) and the stage;
    // the stage leads back.
    assert_eq!(h.get_all_by_label(&macro_journey.title).count(), 2);
    h.get_by_label("Micro journey of");
    h.get_by_label(&fault.name).click();
    h.run();
    assert_eq!(current(&h), macro_journey.id);
    assert_eq!(h.state().state.selection, Some(Selection::Stage(fault.id)));
    assert!(h.query_by_label("Micro journey of").is_none());
    // The rename, then the zoom: one undo step takes the micro journey away.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(project(&h).journeys.len(), 2);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(project(&h).journeys.len(), 1);
}

#[test]
fn the_map_menu_and_the_palette_zoom_into_the_selected_stage() {
    let mut h = sample_app();
    let stage = project(&h).journeys[0].stages[2].clone();
    h.get_by_label(&stage.name).click();
    h.run();
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Zoom into this stage").click();
    h.run();
    let p = project(&h);
    assert_eq!(p.journeys.len(), 2);
    assert_eq!(p.journeys[1].parent.unwrap().stage, stage.id);
    assert_eq!(current(&h), p.journeys[1].id);
}

#[test]
fn a_stage_is_zoomed_into_with_a_chosen_template() {
    // The list names the Chinese templates in Chinese.
    let Some(mut h) = common::sample_app_with_system_fonts() else {
        return;
    };
    let fault = project(&h).journeys[0].stages[5].clone();
    h.get_by_label(&fault.name).click_secondary();
    h.run();
    h.get_by_label("Zoom into this stage with a template")
        .hover();
    h.run();
    h.get_by_label("经典客户旅程 (简体中文)");
    h.get_by_label("Contact-centre complaint resolution (English)")
        .click();
    h.run();
    let p = project(&h);
    assert_eq!(p.journeys.len(), 2);
    let micro = &p.journeys[1];
    assert_eq!(micro.title, fault.name);
    assert_eq!(micro.persona, p.journeys[0].persona);
    assert_eq!(micro.parent.unwrap().stage, fault.id);
    // The template's stages and cards, not the usual blank lanes.
    assert!(micro.stages.iter().any(|s| s.name.contains("chat")));
    assert!(micro.lanes.iter().map(|l| l.cards.len()).sum::<usize>() > 10);
    assert_eq!(p.validate(), vec![]);
}

#[test]
fn the_stage_badge_opens_its_micro_journey_or_offers_a_menu_of_them() {
    let mut h = app_on(with_micro(&["Complaint call"]));
    let micro = project(&h).journeys[1].id;
    h.get_by_label("Open the micro journey of Fault reported")
        .click();
    h.run();
    assert_eq!(current(&h), micro);

    let mut h = app_on(with_micro(&["Complaint call", "Chat with an agent"]));
    let chat = project(&h).journeys[2].id;
    h.get_by_label("Open one of the 2 micro journeys of Fault reported")
        .click();
    h.run();
    // The menu lists both ("Complaint call" is also a row of the journey list).
    assert_eq!(h.get_all_by_label("Complaint call").count(), 2);
    click_on_map(&mut h, "Chat with an agent");
    assert_eq!(current(&h), chat);
}

#[test]
fn the_roll_up_opens_the_micro_journey_at_its_lowest_point_and_the_inspector_lists_it() {
    let mut p = waymark::io::sample::sample_project();
    let edit = Edit::ZoomIntoStage {
        journey: p.journeys[0].id,
        stage: p.journeys[0].stages[5].id,
        template: Box::new(p.journeys[0].clone()),
    };
    apply_edit(&mut p, &edit);
    let micro = p.journeys[1].clone();
    let low = waymark::analysis::rollup(&p, p.journeys[0].id, p.journeys[0].stages[5].id)
        .unwrap()
        .lowest
        .unwrap();
    let mut h = app_on(p);
    h.get_by_label("Open the lowest point of the micro journeys of Fault reported")
        .click();
    h.run();
    assert_eq!(current(&h), micro.id);
    assert_eq!(h.state().state.selection, Some(Selection::Card(low.card)));
    // Back on the macro map, the stage's inspector lists its micro journey.
    let macro_id = project(&h).journeys[0].id;
    h.state_mut()
        .state
        .apply(waymark::app::Command::SelectJourney(macro_id), 0.0);
    h.run();
    click_on_map(&mut h, "Fault reported");
    h.get_by_label("Its micro journey:");
    h.get_by_label("New micro journey of this stage").click();
    h.run();
    assert_eq!(project(&h).journeys.len(), 3);
    assert_eq!(
        project(&h)
            .micro_journeys(project(&h).journeys[0].id, micro.parent.unwrap().stage)
            .count(),
        2
    );
}

#[test]
fn the_journey_list_is_a_collapsible_tree_reordered_by_dragging_within_a_level() {
    let mut h = app_on(with_micro(&["Complaint call", "Chat with an agent"]));
    let macro_title = project(&h).journeys[0].title.clone();
    // Indented under their macro journey.
    let macro_row = list_row(&h, &macro_title);
    let call_row = h.get_by_label("Complaint call").rect();
    assert!(call_row.left() > macro_row.left() + 10.0);
    // Collapsed, they are hidden; expanded, back.
    h.get_by_label(&format!("Hide micro journeys: {macro_title}"))
        .click();
    h.run();
    assert!(h.query_by_label("Complaint call").is_none());
    h.get_by_label(&format!("Show micro journeys: {macro_title}"))
        .click();
    h.run();
    let call = h.get_by_label("Complaint call").rect();
    let chat = h.get_by_label("Chat with an agent").rect();
    // "Chat with an agent" dragged above "Complaint call".
    drag(
        &mut h,
        chat.center(),
        Pos2::new(call.center().x, call.top() + 2.0),
    );
    assert_eq!(
        titles(&project(&h))[1..],
        ["Chat with an agent", "Complaint call"]
    );
    // A micro journey dragged far above stays in its level: under its macro journey.
    let chat = h.get_by_label("Chat with an agent").rect();
    let macro_row = list_row(&h, &macro_title);
    drag(
        &mut h,
        chat.center(),
        Pos2::new(chat.center().x, macro_row.top() - 20.0),
    );
    assert_eq!(
        titles(&project(&h))[1..],
        ["Chat with an agent", "Complaint call"]
    );
    // One undo step for the drag.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        titles(&project(&h))[1..],
        ["Complaint call", "Chat with an agent"]
    );
}

#[test]
fn deleting_a_stage_with_micro_journeys_asks_to_keep_them_or_delete_them() {
    let mut h = app_on(with_micro(&["Complaint call"]));
    let fault = project(&h).journeys[0].stages[5].id;
    click_on_map(&mut h, "Fault reported");
    h.key_press(Key::Delete);
    h.run();
    // Cancel leaves everything.
    h.get_by_label("Cancel").click();
    h.run();
    assert!(project(&h).journeys[0].stage(fault).is_some());
    click_on_map(&mut h, "Fault reported");
    h.key_press(Key::Delete);
    h.run();
    h.get_by_label("Keep them, unlinked").click();
    h.run();
    let p = project(&h);
    assert!(p.journeys[0].stage(fault).is_none());
    assert_eq!(p.journeys.len(), 2);
    assert_eq!(p.journeys[1].parent, None);
    assert_eq!(p.validate(), vec![]);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    click_on_map(&mut h, "Fault reported");
    h.key_press(Key::Delete);
    h.run();
    h.get_by_label("Delete them too").click();
    h.run();
    let p = project(&h);
    assert_eq!(p.journeys.len(), 1);
    assert_eq!(p.validate(), vec![]);
}

#[test]
fn deleting_or_duplicating_a_macro_journey_asks_about_its_micro_journeys() {
    let mut h = app_on(with_micro(&["Complaint call"]));
    h.get_by_label_contains("Duplicate journey").click();
    h.run();
    h.get_by_label("Duplicate with micro journeys").click();
    h.run();
    let p = project(&h);
    assert_eq!(p.journeys.len(), 4);
    let copy = &p.journeys[2];
    assert!(copy.title.ends_with("(copy)"));
    assert_eq!(current(&h), copy.id);
    let link = p.journeys[3].parent.unwrap();
    assert_eq!(link.journey, copy.id);
    assert_eq!(link.stage, copy.stages[5].id);
    assert_eq!(p.validate(), vec![]);
    // Deleting the copy: its micro journey goes with it.
    h.get_by_label_contains("Delete journey").click();
    h.run();
    h.get_by_label("Delete them too").click();
    h.run();
    assert_eq!(titles(&project(&h)).len(), 2);
    assert_eq!(project(&h).validate(), vec![]);
}

#[test]
fn the_inspector_links_a_journey_to_a_stage_and_unlinks_it() {
    let mut p = waymark::io::sample::sample_project();
    apply_edit(
        &mut p,
        &Edit::AddJourney {
            template: Box::new(waymark::io::sample::blank_project().journeys.remove(0)),
            personas: Vec::new(),
        },
    );
    let mut h = app_on(p);
    let macro_journey = project(&h).journeys[0].clone();
    h.get_by_label("New journey").click();
    h.run();
    assert_eq!(current(&h), project(&h).journeys[1].id);
    h.get_all_by_role(egui::accesskit::Role::ComboBox)
        .find(|n| n.value().as_deref() == Some("None (not a micro journey)"))
        .unwrap()
        .click();
    h.run();
    let choice = format!("{} › {}", macro_journey.title, macro_journey.stages[3].name);
    h.get_by_label(&choice).click();
    h.run();
    let p = project(&h);
    assert_eq!(
        p.journeys[1].parent,
        Some(JourneyLink {
            journey: macro_journey.id,
            stage: macro_journey.stages[3].id
        })
    );
    // Now a micro journey: the breadcrumb shows, and Unlink undoes the link.
    h.get_by_label("Micro journey of");
    h.get_by_label("Unlink").click();
    h.run();
    assert_eq!(project(&h).journeys[1].parent, None);
}

#[test]
fn priorities_rank_the_micro_journeys_touchpoints_with_the_macro_journeys() {
    let mut p = waymark::io::sample::sample_project();
    // A micro journey that is a copy of the sample: the same touchpoints again.
    let edit = Edit::ZoomIntoStage {
        journey: p.journeys[0].id,
        stage: p.journeys[0].stages[5].id,
        template: Box::new(p.journeys[0].clone()),
    };
    apply_edit(&mut p, &edit);
    let micro_title = p.journeys[1].title.clone();
    let mut h = app_on(p);
    assert_eq!(current(&h), project(&h).journeys[0].id);
    let from = format!("from {micro_title}");
    assert!(h.query_by_label(&from).is_none());
    h.get_by_label("Include micro journeys").click();
    h.run();
    assert!(h.get_all_by_label(&from).count() >= 5);
    // A micro journey's touchpoint opens its journey.
    h.get_all_by_label("2. First bill").next().unwrap().click();
    h.run();
    assert_eq!(current(&h), project(&h).journeys[1].id);
}

/// The first pixel of `image` at `pos` (document units at scale 1).
fn pixel(image: &image::RgbaImage, pos: Pos2) -> [u8; 4] {
    image.get_pixel(pos.x as u32, pos.y as u32).0
}

fn close(a: [u8; 4], b: egui::Color32) -> bool {
    a[..3]
        .iter()
        .zip([b.r(), b.g(), b.b()])
        .all(|(x, y)| x.abs_diff(y) <= 6)
}

#[test]
fn an_exported_macro_map_shows_the_badge_and_the_roll_up_of_its_micro_journeys() {
    let plain = waymark::io::sample::sample_project();
    // A micro journey of "Fault reported" made from the sample itself, whose NPS in
    // "Fault reported" is -38: red under the default rule.
    let mut p = plain.clone();
    let edit = Edit::ZoomIntoStage {
        journey: p.journeys[0].id,
        stage: p.journeys[0].stages[5].id,
        template: Box::new(p.journeys[0].clone()),
    };
    apply_edit(&mut p, &edit);
    assert!(p.journeys[1].lanes.iter().flat_map(|l| &l.cards).any(|c| {
        c.measure
            .is_some_and(|m| matches!(m, MeasureValue::Number(v) if v < 0.0))
    }));
    let exporter = Exporter::new();
    let options = ExportOptions::default();
    let before = exporter
        .render(&plain, &plain.journeys[0], &options)
        .unwrap();
    let after = exporter.render(&p, &p.journeys[0], &options).unwrap();
    assert_eq!(before.width(), after.width());
    // The header row grows by the roll-up box.
    assert!(
        after.height() >= before.height() + waymark::layout::ROLLUP_HEIGHT as u32,
        "{} then {}",
        before.height(),
        after.height()
    );
    let map = waymark::layout::layout_journey(&p, &p.journeys[0], &waymark::layout::ApproxText);
    let geom = &map.stages[5];
    let badge = geom.badge.unwrap();
    let rollup = geom.rollup.unwrap();
    assert!(map.stages.iter().filter(|s| s.badge.is_some()).count() == 1);
    // The badge is a white pill on the blue header, where the plain map is blue.
    let in_badge = Pos2::new(badge.left() + 4.0, badge.center().y);
    assert!(close(pixel(&before, in_badge), color::STAGE_HEADER));
    assert!(close(pixel(&after, in_badge), color::MICRO_BADGE));
    // The roll-up box's stripe shows the worst status: red.
    let stripe = Pos2::new(rollup.left() + 2.0, rollup.center().y);
    assert!(
        close(pixel(&after, stripe), waymark::theme::rag_color(Rag::Red)),
        "{:?}",
        pixel(&after, stripe)
    );
    // Its box is drawn where the plain map has only background.
    let inside = Pos2::new(rollup.right() - 20.0, rollup.top() + 5.0);
    assert!(close(pixel(&before, inside), color::BACKGROUND));
    assert!(close(pixel(&after, inside), color::ROLLUP_FILL));
    // The stage next to it has no badge.
    let other = map.stages[4].header;
    let corner = Pos2::new(other.right() - 6.0 - 26.0, badge.center().y);
    assert!(close(pixel(&after, corner), color::STAGE_HEADER));
}

#[test]
fn the_command_line_counts_exports_and_writes_every_journey() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("micro.ron");
    let mut p = with_micro(&["Complaint call"]);
    // A Chinese micro journey too, under the first one.
    let edit = Edit::ZoomIntoStage {
        journey: p.journeys[1].id,
        stage: p.journeys[1].stages[0].id,
        template: Box::new(waymark::io::sample::blank_project().journeys.remove(0)),
    };
    apply_edit(&mut p, &edit);
    p.journeys[2].title = "电话投诉".into();
    waymark::io::save_file(&p, &file).unwrap();
    let f = file.to_str().unwrap();

    let (code, out, err) = waymark(&["check", f], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("3 journeys"), "{out}");
    assert!(out.contains("(2 micro journeys)"), "{out}");

    // A micro journey exported by its title.
    let one = dir.path().join("call.png");
    let (code, out, err) = waymark(
        &[
            "export",
            f,
            "--journey",
            "Complaint call",
            "-o",
            one.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("call.png"));
    let image = image::open(&one).unwrap();
    let first = Exporter::new()
        .render(&p, &p.journeys[1], &ExportOptions::default())
        .unwrap();
    assert_eq!(
        (image.width(), image.height()),
        (first.width(), first.height())
    );

    // Every journey into a new folder, named after each.
    let all = dir.path().join("maps");
    let (code, out, err) = waymark(&["export", f, "--all", "-o", all.to_str().unwrap()], &[]);
    assert_eq!(code, 0, "{err}");
    let mut names: Vec<String> = std::fs::read_dir(&all)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut expected = vec![
        "Broadband_ from first search to a fixed fault.png".to_owned(),
        "Complaint call.png".to_owned(),
        "电话投诉.png".to_owned(),
    ];
    expected.sort();
    assert_eq!(names, expected, "{out}");
    for name in &names {
        assert!(image::open(all.join(name)).is_ok());
    }
    // SVG into the same (now existing) folder.
    let (code, _, err) = waymark(
        &[
            "export",
            f,
            "--all",
            "--format",
            "svg",
            "-o",
            all.to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(code, 0, "{err}");
    assert!(all.join("Complaint call.svg").exists());
    // A .pdf output with --all is still the report: one file, every journey in it.
    let report = dir.path().join("report.pdf");
    let (code, out, err) = waymark(&["export", f, "--all", "-o", report.to_str().unwrap()], &[]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("pages"), "{out}");
    assert!(report.is_file());
    // --help documents it.
    let (_, help, _) = waymark(&["export", "--help"], &[]);
    assert!(help.contains("-o DIR --all"), "{help}");
}
