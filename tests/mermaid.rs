//! Mermaid `journey` diagrams end to end: the command line (import, check, export from
//! and to `.mmd`, bad input), the app's menus, paste and Copy as Mermaid, and the real
//! Mermaid CLI reading what Waymark writes.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

mod common;

use std::path::Path;

use egui::Modifiers;
use egui_kittest::kittest::Queryable as _;
use waymark::io;
use waymark::io::mermaid;
use waymark::model::LaneKind;

fn waymark(args: &[&str]) -> (i32, String, String) {
    common::waymark(args, &[])
}

/// The example of Mermaid's documentation page for `journey` diagrams, with the
/// accessible title and a multi-line description.
const DAY: &str = "journey
    title My working day
    accTitle: A working day
    accDescr {
        Tea, stairs,
        then work.
    }
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> String {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn import_check_and_export_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let mmd = write(dir.path(), "day.mmd", DAY.as_bytes());
    let ron = dir.path().join("day.ron");
    let ron = ron.to_str().unwrap();
    let (code, out, err) = waymark(&["import", &mmd, "-o", ron]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 journey, 5 tasks"), "{out}");
    let project = io::load_file(Path::new(ron)).unwrap();
    let j = &project.journeys[0];
    assert_eq!(j.title, "My working day");
    assert_eq!(j.acc_title, "A working day");
    assert_eq!(j.acc_descr, "Tea, stairs,\nthen work.");
    let names: Vec<&str> = j.stages.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Go to work", "Go home"]);
    let work = j.touchpoints().find(|c| c.text == "Do work").unwrap();
    assert_eq!(work.actors, ["Me", "Cat"]);
    // Importing again over the project is refused.
    let (code, _, err) = waymark(&["import", &mmd, "-o", ron]);
    assert_eq!(code, 1);
    assert!(err.contains("already exists"), "{err}");

    // `check` reads the .mmd directly, as a project.
    let (code, out, err) = waymark(&["check", &mmd]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("1 journey, 2 stages"), "{out}");

    // Project -> Mermaid (by extension, or by --format): the same diagram.
    let back = dir.path().join("back.mmd");
    let (code, _, err) = waymark(&["export", ron, "-o", back.to_str().unwrap()]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&back).unwrap();
    assert_eq!(mermaid::parse(&text).unwrap(), mermaid::parse(DAY).unwrap());
    let txt = dir.path().join("back.txt");
    let (code, _, err) = waymark(&[
        "export",
        ron,
        "-o",
        txt.to_str().unwrap(),
        "--format",
        "mermaid",
    ]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(std::fs::read_to_string(&txt).unwrap(), text);

    // Mermaid -> PNG, SVG and PDF directly.
    for ext in ["png", "svg", "pdf"] {
        let out_path = dir.path().join(format!("day.{ext}"));
        let (code, _, err) = waymark(&["export", &mmd, "-o", out_path.to_str().unwrap()]);
        assert_eq!(code, 0, "{ext}: {err}");
        assert!(std::fs::metadata(&out_path).unwrap().len() > 100, "{ext}");
    }
    let png = image::open(dir.path().join("day.png")).unwrap();
    assert!(png.width() > 400 && png.height() > 300);

    // Mermaid -> workshop slides: the overview and a slide per stage (two sections).
    let slides = dir.path().join("slides");
    let (code, _, err) = waymark(&["export", &mmd, "--slides", slides.to_str().unwrap()]);
    assert_eq!(code, 0, "slides: {err}");
    let count = std::fs::read_dir(&slides).unwrap().count();
    assert!(count >= 3, "{count} slides");
    let slide = image::open(slides.join("00-overview.png")).unwrap();
    assert_eq!((slide.width(), slide.height()), (1920, 1080));
}

#[test]
fn several_diagrams_become_several_journeys_and_come_back() {
    let dir = tempfile::tempdir().unwrap();
    let two = format!("{DAY}\njourney\n  title Evening\n  section Home\n    Cook: 4: Me, Sam\n");
    let mmd = write(dir.path(), "two.mmd", two.as_bytes());
    let (code, out, err) = waymark(&["check", &mmd]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("2 journeys"), "{out}");
    let all = dir.path().join("all.mmd");
    let (code, _, err) = waymark(&["export", &mmd, "-o", all.to_str().unwrap(), "--all"]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&all).unwrap();
    assert_eq!(
        mermaid::parse(&text).unwrap(),
        mermaid::parse(&two).unwrap()
    );
    // One journey by title.
    let one = dir.path().join("one.mmd");
    let (code, _, err) = waymark(&[
        "export",
        &mmd,
        "-o",
        one.to_str().unwrap(),
        "--journey",
        "Evening",
    ]);
    assert_eq!(code, 0, "{err}");
    let text = std::fs::read_to_string(&one).unwrap();
    assert!(
        text.contains("Cook: 4: Me, Sam") && !text.contains("Make tea"),
        "{text}"
    );
}

#[test]
fn bad_mermaid_input_gets_one_clear_line_and_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "flow.mmd",
            b"flowchart LR\n  A --> B\n",
            "line 1: not a Mermaid journey",
        ),
        (
            "score.mmd",
            b"journey\n  section A\n    Make tea: lots: Me\n",
            "line 3: the score \"lots\" is not a number",
        ),
        (
            "open.mmd",
            b"journey\n  title T\n  accDescr {\n    never closed\n",
            "line 3: \"accDescr {\" is never closed",
        ),
        ("binary.mmd", &[b'j', 0, 0xff, 0xfe, b'\n'], "binary data"),
        (
            "notask.mmd",
            b"journey\nsection A\nMake tea\n",
            "line 3: the task \"Make tea\" has no score",
        ),
    ];
    for (name, bytes, expect) in cases {
        let path = write(dir.path(), name, bytes);
        let out_png = dir.path().join("never-written.png");
        let out_png = out_png.to_str().unwrap();
        for args in [
            vec!["check", path.as_str()],
            vec!["export", path.as_str(), "-o", out_png],
        ] {
            let (code, out, err) = waymark(&args);
            assert_eq!(code, 1, "{name}: {out}{err}");
            assert_eq!(err.trim().lines().count(), 1, "{name}: {err}");
            assert!(err.contains(expect) && err.contains(name), "{name}: {err}");
        }
    }
    assert!(!dir.path().join("never-written.png").exists());
    // A 50 MiB file is refused by its size, before it is read.
    let big = dir.path().join("big.mmd");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();
    let (code, _, err) = waymark(&["check", big.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(err.contains("larger than the"), "{err}");
    // Nothing is written by a failed import.
    let out = dir.path().join("out.ron");
    let bad = dir.path().join("score.mmd");
    let (code, _, _) = waymark(&["import", bad.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(code, 1);
    assert!(!out.exists());
}

fn set_path(h: &mut egui_kittest::Harness<'_, waymark::ui::WaymarkApp>, path: &Path) {
    let field = h.get_by_label("Path of the Mermaid file:");
    field.focus();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Path of the Mermaid file:")
        .type_text(path.to_str().unwrap());
    h.run();
}

#[test]
fn file_menu_imports_and_exports_mermaid_as_one_undoable_step() {
    let dir = tempfile::tempdir().unwrap();
    let two = format!("{DAY}\njourney\n  title Evening\n  section Home\n    Cook: 4: Me, Sam\n");
    let mmd = dir.path().join("two.mmd");
    std::fs::write(&mmd, &two).unwrap();
    let mut h = common::harness_with_background_work(waymark::ui::WaymarkApp::new(
        waymark::app::AppState::new(io::sample::sample_project(), None),
        waymark::ui::FileDialogs::InApp,
    ));
    let before = common::project(&h);

    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import Mermaid journey…").click();
    h.run();
    set_path(&mut h, &mmd);
    h.get_by_label("Import").click();
    h.run();
    let p = common::project(&h);
    assert_eq!(p.journeys.len(), before.journeys.len() + 2);
    let day = &p.journeys[before.journeys.len()];
    assert_eq!(day.title, "My working day");
    // The first imported journey is shown; its actors are painted as chips.
    assert_eq!(
        h.state().state.current_journey().map(|j| j.id),
        Some(day.id)
    );
    let texts = common::painted_texts(&h);
    assert!(texts.iter().any(|t| t == "Cat"), "{texts:?}");
    assert!(
        h.query_by_label_contains("Imported 2 Mermaid journeys (6 tasks)")
            .is_some()
    );
    // The import is one step: one undo takes both journeys away.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(common::project(&h), before);
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, egui::Key::Z);
    h.run();
    assert_eq!(
        common::project(&h).journeys.len(),
        before.journeys.len() + 2
    );

    // File > Export Mermaid… writes the shown journey.
    h.state_mut()
        .state
        .apply(waymark::app::Command::SelectJourney(day.id), 0.0);
    h.run();
    let out = dir.path().join("out.mmd");
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export Mermaid…").click();
    h.run();
    set_path(&mut h, &out);
    h.get_by_label("Export").click();
    // The export runs in the background (a spinner shows meanwhile); a loaded machine
    // may take more than a frame or two.
    let start = std::time::Instant::now();
    h.run_steps(2);
    while h.state().state.export_job.is_some() {
        assert!(start.elapsed().as_secs() < 60, "the export did not finish");
        std::thread::sleep(std::time::Duration::from_millis(20));
        h.step();
    }
    h.state_mut().state.finish_background_work();
    h.run();
    let text = std::fs::read_to_string(&out).unwrap();
    assert_eq!(mermaid::parse(&text).unwrap(), mermaid::parse(DAY).unwrap());

    // A bad file: an error, and the document is untouched.
    let bad = dir.path().join("bad.mmd");
    std::fs::write(&bad, "journey\nsection A\nTea: hot\n").unwrap();
    let now = common::project(&h);
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Import Mermaid journey…").click();
    h.run();
    set_path(&mut h, &bad);
    h.get_by_label("Import").click();
    h.run();
    assert!(
        h.query_by_label_contains("line 3: the score \"hot\" is not a number")
            .is_some()
    );
    assert_eq!(common::project(&h), now);
}

#[test]
fn pasting_mermaid_on_the_canvas_adds_a_journey_and_copy_as_mermaid_gives_it_back() {
    let mut h = common::sample_app();
    let before = common::project(&h);
    // Select a cell so the canvas has the keyboard, then paste as the platform does.
    h.get_by_label("Order online").click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.event(egui::Event::Paste(DAY.replace('\n', "\r\n")));
    h.run();
    let p = common::project(&h);
    assert_eq!(p.journeys.len(), before.journeys.len() + 1, "a new journey");
    let j = p.journeys.last().unwrap();
    assert_eq!(j.title, "My working day");
    assert_eq!(j.touchpoints().count(), 5);
    // The sample's scale is -5..5: 1 -> -5, 3 -> 0, 5 -> 5.
    let emotions: Vec<f32> = j
        .lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Emotion { .. }))
        .flat_map(|l| &l.cards)
        .filter_map(|c| c.emotion)
        .collect();
    assert_eq!(emotions, [5.0, 0.0, -5.0, 5.0, 5.0]);
    assert!(
        h.query_by_label_contains("Pasted a Mermaid journey")
            .is_some()
    );
    // Copy as Mermaid from the journey list's menu gives the same diagram.
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Copy as Mermaid").click();
    // The frame that handles the click hands the text to the platform.
    h.step();
    let copied = h
        .output()
        .platform_output
        .commands
        .iter()
        .find_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .expect("Copy as Mermaid puts text on the clipboard");
    h.run();
    assert!(h.query_by_label_contains("as a Mermaid journey").is_some());
    assert_eq!(
        mermaid::parse(&copied).unwrap(),
        mermaid::parse(DAY).unwrap()
    );
    // Undo removes the pasted journey.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(common::project(&h), before);
    // Mermaid-looking text with an error: a message, nothing added.
    h.get_by_label("Order online").click();
    h.run();
    h.key_press(egui::Key::Escape);
    h.run();
    h.event(egui::Event::Paste(
        "journey\nsection A\nTea: hot\n".to_owned(),
    ));
    h.run();
    assert_eq!(common::project(&h), before);
    assert!(h.query_by_label_contains("could not be read").is_some());
}

/// The Mermaid CLI (`mmdc`), if installed; under CI it must be (`.ci/run` installs it).
fn mmdc() -> Option<std::path::PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|p| p.join("mmdc"))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "mmdc is missing on this CI machine (.ci/run should install @mermaid-js/mermaid-cli)"
        );
        eprintln!(
            "skipped: the Mermaid CLI check needs mmdc \
             (npm i -g @mermaid-js/mermaid-cli, and chromium)"
        );
    }
    found
}

#[test]
fn the_real_mermaid_cli_renders_what_waymark_exports() {
    let Some(mmdc) = mmdc() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    // A journey with everything Mermaid can hold, and text that needs escaping.
    let mut project = mermaid::to_project(
        &mermaid::parse(DAY).unwrap(),
        waymark::i18n::Language::En,
        "t",
    );
    let j = &mut project.journeys[0];
    j.title = "Day; #1: the whole thing".to_owned();
    j.stages[0].name = "Go: to #work".to_owned();
    j.lanes[0].cards[0].text = "Journey start\nwith tea; 100%".to_owned();
    j.lanes[0].cards[1].actors = vec!["Me, myself".to_owned(), "林晓雯".to_owned()];
    let text = mermaid::journey_to_mermaid(&project, &project.journeys[0]);
    let input = dir.path().join("in.mmd");
    std::fs::write(&input, &text).unwrap();
    let config = dir.path().join("puppeteer.json");
    std::fs::write(
        &config,
        r#"{"executablePath":"/usr/bin/chromium","args":["--no-sandbox","--disable-gpu"]}"#,
    )
    .unwrap();
    let svg = dir.path().join("out.svg");
    let out = std::process::Command::new(mmdc)
        .arg("-i")
        .arg(&input)
        .arg("-o")
        .arg(&svg)
        .arg("-p")
        .arg(&config)
        .arg("-q")
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "mmdc refused:\n{text}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let drawn = xml_numeric_entities(&std::fs::read_to_string(&svg).unwrap());
    // Mermaid drew every task and actor, with the escaped characters back as they were,
    // and the line break as two lines.
    for expect in [
        ">Journey start<",
        ">with tea; 100%<",
        ">Go upstairs<",
        ">Do work<",
        ">Sit down<",
        ">Cat<",
        ">Me, myself<",
        ">林晓雯<",
        ">Go: to #work<",
        ">Day; #1: the whole thing<",
        ">A working day<",
    ] {
        assert!(
            drawn.contains(expect),
            "{expect} missing from mmdc's SVG:\n{text}"
        );
    }
}

/// `&#59;` as `;`: Mermaid writes the entity codes of the diagram as XML entities.
fn xml_numeric_entities(svg: &str) -> String {
    let mut out = String::with_capacity(svg.len());
    let mut rest = svg;
    while let Some(i) = rest.find("&#") {
        out.push_str(&rest[..i]);
        let after = &rest[i + 2..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        match (after.as_bytes().get(digits), after[..digits].parse::<u32>()) {
            (Some(b';'), Ok(n)) if char::from_u32(n).is_some() => {
                out.push(char::from_u32(n).unwrap());
                rest = &after[digits + 1..];
            }
            _ => {
                out.push_str("&#");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn set_field(h: &mut egui_kittest::Harness<'_, waymark::ui::WaymarkApp>, label: &str, text: &str) {
    h.get_by_label(label).click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(egui::Key::Tab);
    h.run();
}

#[test]
fn actors_and_accessible_text_are_edited_in_the_inspector_and_copied_from_the_journey_list() {
    let mut h = common::sample_app();
    h.event(egui::Event::Paste(DAY.to_owned()));
    h.run();
    // The card's actors, comma-separated.
    h.get_by_label("Do work").click();
    h.run();
    set_field(&mut h, "Actors (comma-separated)", "Me, Cat, Dog");
    let p = common::project(&h);
    let j = p.journeys.last().unwrap();
    let card = j.touchpoints().find(|c| c.text == "Do work").unwrap();
    assert_eq!(card.actors, ["Me", "Cat", "Dog"]);
    // The journey's accessible title and description (nothing selected: the inspector
    // shows the journey).
    h.state_mut()
        .state
        .apply(waymark::app::Command::Select(None), 0.0);
    h.run();
    set_field(&mut h, "Accessible title", "Mine");
    let p = common::project(&h);
    assert_eq!(p.journeys.last().unwrap().acc_title, "Mine");
    // Copy as Mermaid from the journey list's right-click menu: the edits come along.
    let count = h.get_all_by_label("My working day").count();
    let mut copied = None;
    for i in 0..count {
        h.get_all_by_label("My working day")
            .nth(i)
            .unwrap()
            .click_secondary();
        h.run();
        if h.query_by_label("Copy as Mermaid").is_some() {
            h.get_by_label("Copy as Mermaid").click();
            h.step();
            copied = h
                .output()
                .platform_output
                .commands
                .iter()
                .find_map(|c| match c {
                    egui::OutputCommand::CopyText(t) => Some(t.clone()),
                    _ => None,
                });
            break;
        }
        h.key_press(egui::Key::Escape);
        h.run();
    }
    let copied = copied.expect("the journey list's menu has Copy as Mermaid");
    assert!(copied.contains("accTitle: Mine"), "{copied}");
    assert!(copied.contains("Do work: 1: Me, Cat, Dog"), "{copied}");
}
