//! Templates: every built-in one is complete and renders; the command line and the
//! gallery list the same ones; a user template round-trips exactly.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

mod common;

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::app::AppState;
use waymark::export::{ExportOptions, Exporter};
use waymark::io::templates::{self, Source};
use waymark::model::{AnnotationKind, LaneKind};
use waymark::ui::{FileDialogs, WaymarkApp};

#[test]
fn every_builtin_template_is_complete_valid_and_renders() {
    let (all, errors) = templates::builtin();
    assert!(errors.is_empty(), "{errors:?}");
    let english: Vec<_> = all.iter().filter(|t| t.language == "en").collect();
    let chinese: Vec<_> = all.iter().filter(|t| t.language == "zh-Hans").collect();
    assert!(english.len() >= 8, "{} English templates", english.len());
    let traditional: Vec<_> = all.iter().filter(|t| t.language == "zh-Hant").collect();
    assert!(chinese.len() >= 3, "{} Chinese templates", chinese.len());
    assert!(
        traditional.len() >= 2,
        "{} Traditional Chinese templates",
        traditional.len()
    );
    let exporter = Exporter::new();
    for t in &all {
        let p = &t.project;
        assert_eq!(p.validate(), vec![], "{}", t.id);
        assert!(!t.name.is_empty() && !t.description.is_empty(), "{}", t.id);
        let j = &p.journeys[0];
        assert!(j.persona.is_some(), "{} has no persona", t.id);
        if t.id != "blank.en" {
            let kinds: Vec<_> = j.annotations.iter().map(|a| a.kind).collect();
            assert!(kinds.contains(&AnnotationKind::Accelerator), "{}", t.id);
            assert!(kinds.contains(&AnnotationKind::Blocker), "{}", t.id);
            let classified = j
                .lanes
                .iter()
                .filter(|l| l.kind == LaneKind::Touchpoints)
                .flat_map(|l| &l.cards)
                .filter(|c| c.touchpoint.as_ref().is_some_and(|tp| tp.class.is_some()))
                .count();
            assert!(
                classified >= 4,
                "{}: {classified} classified touchpoints",
                t.id
            );
            assert!(p.counts().cards >= 30, "{}", t.id);
        }
        // The thumbnail is the export renderer's picture of the map: not blank.
        let image = exporter
            .render(
                p,
                j,
                &ExportOptions {
                    legend: false,
                    ..ExportOptions::default()
                },
            )
            .unwrap();
        let painted = image
            .pixels()
            .filter(|px| px.0 != [255, 255, 255, 255])
            .count();
        let share = painted as f64 / f64::from(image.width() * image.height());
        assert!(share > 0.1, "{}: only {share:.3} painted", t.id);
    }
    // The Chinese templates are written in Chinese, not just labelled so.
    for t in chinese.into_iter().chain(traditional) {
        let han = t.project.journeys[0]
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .filter(|c| {
                c.text
                    .chars()
                    .any(|ch| ('\u{4e00}'..='\u{9fff}').contains(&ch))
            })
            .count();
        assert!(han >= 20, "{}: {han} Chinese cards", t.id);
    }
}

#[test]
fn every_builtin_template_carries_its_own_map_language() {
    let (all, errors) = templates::builtin();
    assert!(errors.is_empty(), "{errors:?}");
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("templates");
    for t in &all {
        // The language in the file is the one its name ends with.
        assert_eq!(t.project.format_version, waymark::model::FORMAT_VERSION);
        assert_eq!(t.project.settings.language, t.language, "{}", t.id);
        // Written back as version 1 (no language), the migration finds the same one
        // from the text alone.
        let text = std::fs::read_to_string(dir.join(format!("{}.ron", t.id))).unwrap();
        let line = format!("        language: \"{}\",\n", t.language);
        assert!(text.contains(&line), "{}", t.id);
        let v1 = text
            .replace(&line, "")
            .replacen("format_version: 2,", "format_version: 1,", 1);
        let migrated = waymark::io::from_ron_str(&v1, std::path::Path::new("v1.ron")).unwrap();
        assert_eq!(migrated, t.project, "{}", t.id);
    }
}

fn waymark(args: &[&str], config: &std::path::Path) -> (i32, String, String) {
    common::waymark(args, &[("WAYMARK_CONFIG_DIR", config)])
}

#[test]
fn a_user_template_round_trips_and_the_cli_lists_what_the_gallery_lists() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("templates");
    let project = waymark::io::sample::sample_project();
    let journey = &project.journeys[0];
    let path = templates::save_user_template(&project, journey, "Broadband repair", &dir).unwrap();
    assert_eq!(path.file_name().unwrap(), "broadband-repair.en.ron");

    let (user, errors) = templates::user_templates(&dir);
    assert!(errors.is_empty());
    assert_eq!(user.len(), 1);
    let t = &user[0];
    assert_eq!(t.name, "Broadband repair");
    assert_eq!(t.source, Source::User(path.clone()));
    assert_eq!(&t.project.journeys[0], journey);
    assert_eq!(t.project.personas, project.personas);
    assert_eq!(t.project.settings, project.settings);

    // The command line lists the built-in templates and this one, in the gallery's order.
    let (code, out, err) = waymark(&["templates"], config.path());
    assert_eq!(code, 0, "{err}");
    let (builtin, _) = templates::builtin();
    let expected: Vec<String> = builtin
        .iter()
        .chain(&user)
        .map(|t| format!("{}\t{}\t{}", t.id, t.name, t.language))
        .collect();
    assert_eq!(out.lines().collect::<Vec<_>>(), expected);

    // A project made from a template is that template.
    let file = config.path().join("from-template.ron");
    let (code, _, err) = waymark(
        &[
            "new",
            "--template",
            "emotion-map.zh-Hans",
            "-o",
            file.to_str().unwrap(),
        ],
        config.path(),
    );
    assert_eq!(code, 0, "{err}");
    let made = waymark::io::load_file(&file).unwrap();
    assert_eq!(
        made,
        templates::find(&builtin, "emotion-map.zh-Hans")
            .unwrap()
            .project
    );

    // An unknown id names the valid ones.
    let target = config.path().join("x.ron");
    let (code, _, err) = waymark(
        &["new", "--template", "nope", "-o", target.to_str().unwrap()],
        config.path(),
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("unknown template \"nope\"") && err.contains("emotion-map.en"),
        "{err}"
    );
}

#[test]
fn the_gallery_starts_a_project_or_inserts_a_journey() {
    // The gallery shows the Chinese templates' names.
    if !common::cjk_font_available() {
        return;
    }
    let state = AppState::new(waymark::io::sample::sample_project(), None);
    let app = WaymarkApp::new(state, FileDialogs::InApp);
    // Like the app, the harness finds CJK glyphs in the system's fonts.
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .with_context_setup(|ctx| {
            ctx.add_font_provider(std::sync::Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_ui_state(|ui, app: &mut WaymarkApp| app.frame_ui(ui), app);
    h.run();
    h.state_mut().show_gallery();
    h.step();
    h.step();
    let (builtin, _) = templates::builtin();
    for t in &builtin {
        h.get_by_label(&format!("New project: {}", t.name));
    }
    // Thumbnails are painted in the background by the export renderer.
    let start = std::time::Instant::now();
    while builtin.iter().any(|t| {
        h.query_by_label(&format!("Thumbnail of {}", t.name))
            .is_none()
    }) {
        assert!(start.elapsed().as_secs() < 120, "thumbnails did not arrive");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    // Search narrows the list.
    h.get_by_label("Search").focus();
    h.step();
    h.step();
    h.get_by_label("Search").type_text("blueprint");
    h.step();
    h.step();
    h.step();
    assert!(h.query_by_label("New project: Service blueprint").is_some());
    assert!(h.query_by_label("New project: Emotion map").is_none());

    h.get_by_label("Insert: Service blueprint").click();
    h.step();
    h.step();
    let p = &h.state().state.project();
    assert_eq!(p.journeys.len(), 2);
    assert_eq!(p.personas.len(), 2);
    assert_eq!(p.validate(), vec![]);
    assert_eq!(
        h.state().state.current_journey().unwrap().title,
        templates::find(&builtin, "service-blueprint")
            .unwrap()
            .project
            .journeys[0]
            .title
    );

    h.state_mut().show_gallery();
    h.step();
    h.step();
    h.get_by_label("New project: Emotion map").click();
    h.step();
    h.step();
    let expected = &templates::find(&builtin, "emotion-map").unwrap().project;
    assert_eq!(h.state().state.project(), expected);
}

/// The app on `project` with its configuration in `config`, finding glyphs in the
/// system's fonts like the real app (the gallery names languages in their scripts).
fn app_in(
    project: waymark::model::Project,
    config: &std::path::Path,
) -> Harness<'static, WaymarkApp> {
    let mut state = AppState::new(project, None);
    state.set_config_dir(Some(config.to_owned()));
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .with_context_setup(|ctx| {
            ctx.add_font_provider(std::sync::Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.frame_ui(ui),
            WaymarkApp::new(state, FileDialogs::InApp),
        );
    h.run();
    h
}

/// The sample with two more personas: the journey is for Priya, its emotion lane shows
/// Mei, and a second emotion lane (Sam's) is compared in it.
fn three_persona_project() -> waymark::model::Project {
    use waymark::model::{Lane, LaneId, Persona, PersonaId};
    let mut p = waymark::io::sample::sample_project();
    for (id, name) in [(9028, "Mei, new to banking"), (9029, "Sam, the switcher")] {
        p.personas.push(Persona {
            id: PersonaId(id),
            name: name.to_owned(),
            ..Persona::default()
        });
    }
    let j = &mut p.journeys[0];
    let emotions = j
        .lanes
        .iter()
        .position(|l| matches!(l.kind, LaneKind::Emotion { .. }))
        .unwrap();
    let mut sams = Lane {
        id: LaneId(9030),
        title: "Sam's feelings".to_owned(),
        ..j.lanes[emotions].clone()
    };
    for (i, c) in sams.cards.iter_mut().enumerate() {
        c.id = waymark::model::CardId(9100 + i as u64);
    }
    sams.kind = LaneKind::Emotion {
        persona: Some(PersonaId(9029)),
        compare: Vec::new(),
    };
    j.lanes[emotions].kind = LaneKind::Emotion {
        persona: Some(PersonaId(9028)),
        compare: vec![LaneId(9030)],
    };
    j.lanes.insert(emotions + 1, sams);
    assert_eq!(p.validate(), vec![]);
    p
}

#[test]
fn a_template_carries_every_persona_its_journey_refers_to() {
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("templates");
    let project = three_persona_project();
    let journey = &project.journeys[0];
    templates::save_user_template(&project, journey, "Three personas", &dir).unwrap();
    let (user, errors) = templates::user_templates(&dir);
    assert!(
        errors.is_empty(),
        "{}",
        errors
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n")
    );
    let t = &user[0];
    assert_eq!(&t.project.journeys[0], journey);
    let mut names: Vec<&str> = t.project.personas.iter().map(|p| p.name.as_str()).collect();
    names.sort_unstable();
    assert_eq!(
        names,
        ["Mei, new to banking", "Priya Shah", "Sam, the switcher"]
    );

    // Inserted into another project from the gallery, the lanes still show them.
    if !common::cjk_font_available() {
        return;
    }
    let mut h = app_in(waymark::io::sample::blank_project(), config.path());
    h.state_mut().show_gallery();
    h.step();
    h.step();
    // The user's templates come last: scroll there.
    h.get_by_label("Insert: Three personas").scroll_to_me();
    h.run_steps(10);
    h.get_by_label("Insert: Three personas").click();
    h.run_steps(4);
    let state = &h.state().state;
    let p = state.project();
    assert_eq!(p.validate(), vec![]);
    let inserted = state.current_journey().unwrap();
    let shown: Vec<Option<String>> = inserted
        .lanes
        .iter()
        .filter_map(|l| match l.kind {
            LaneKind::Emotion { persona, .. } => {
                Some(persona.and_then(|id| p.persona(id)).map(|x| x.name.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        shown,
        [
            Some("Mei, new to banking".to_owned()),
            Some("Sam, the switcher".to_owned())
        ]
    );
    let persona = inserted.persona.and_then(|id| p.persona(id)).unwrap();
    assert_eq!(persona.name, "Priya Shah");
}

#[test]
fn a_broken_user_template_is_listed_with_its_error_and_can_be_deleted() {
    if !common::cjk_font_available() {
        return;
    }
    let config = tempfile::tempdir().unwrap();
    let dir = config.path().join("templates");
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("half-saved.en.ron");
    std::fs::write(
        &broken,
        "(\n    format_version: 1,\n    title: \"Half\",\n    journeys: [(\n",
    )
    .unwrap();
    let mut h = app_in(waymark::io::sample::sample_project(), config.path());
    h.state_mut().show_gallery();
    h.step();
    h.step();
    // The file is named, with what is wrong and where, and a Delete button.
    h.get_by_label_contains("half-saved.en.ron:");
    h.get_by_label("Delete broken template half-saved.en.ron")
        .click();
    h.step();
    h.step();
    assert!(!broken.exists());
    assert!(h.query_by_label_contains("half-saved.en.ron:").is_none());
    // The built-in templates are still there.
    h.get_by_label("New project: Blank map");
}
