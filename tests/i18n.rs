//! The interface language: switched from View > Language at run time, remembered in the
//! configuration folder, and a warning when the machine has no font for it. The
//! interface language is global to the process, so these tests live in their own test
//! binary and run one at a time.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use std::sync::Mutex;

use egui::vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use waymark::app::AppState;
use waymark::i18n::{self, Language};
use waymark::io;
use waymark::model::Project;
use waymark::ui::{FileDialogs, WaymarkApp};

/// One test at a time: they change the process's interface language.
static LANGUAGE: Mutex<()> = Mutex::new(());

/// The app on `project` with only egui's built-in fonts (no CJK glyphs: they are drawn
/// as boxes, which is what a machine without a CJK font shows).
fn app_without_cjk_fonts(
    project: Project,
    config: Option<std::path::PathBuf>,
) -> Harness<'static, WaymarkApp> {
    let mut state = AppState::new(project, None);
    state.set_config_dir(config);
    let app = WaymarkApp::new(state, FileDialogs::InApp);
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .allow_missing_glyphs()
        .build_ui_state(|ui, app: &mut WaymarkApp| app.frame_ui(ui), app);
    h.run();
    h
}

#[test]
fn the_language_menu_switches_the_whole_interface_at_once_and_remembers_it() {
    let _one = LANGUAGE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    i18n::set_interface(Language::En);
    let config = tempfile::tempdir().unwrap();
    let mut h = app_without_cjk_fonts(io::sample::sample_project(), Some(config.path().to_owned()));
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Language").hover();
    h.run();
    h.get_by_label("简体中文").click();
    h.run();
    // Menus by their Chinese names, without restarting.
    assert!(h.query_by_label("File").is_none());
    h.get_by_label("文件(F)").click();
    h.run();
    h.get_by_label_contains("另存为…");
    h.key_press(egui::Key::Escape);
    h.run();
    assert_eq!(
        std::fs::read_to_string(config.path().join("language"))
            .unwrap()
            .trim(),
        "zh-Hans"
    );
    // Traditional Chinese too.
    h.get_by_label("视图(V)").click();
    h.run();
    h.get_by_label("语言").hover();
    h.run();
    h.get_by_label("繁體中文").click();
    h.run();
    h.get_by_label("檔案(F)");
    h.get_by_label("編輯(E)");
    // A later launch reads the choice back.
    assert_eq!(
        waymark::app::files::load_language(config.path()),
        Some(Language::ZhHant)
    );
    i18n::set_interface(Language::En);
}

#[test]
fn a_missing_cjk_font_is_named_in_the_status_line_never_silent_boxes() {
    let _one = LANGUAGE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    i18n::set_interface(Language::En);
    let mut project = io::sample::sample_project();
    "宽带安装".clone_into(&mut project.journeys[0].title);
    let h = app_without_cjk_fonts(project, None);
    h.get_by_label_contains("No installed font can show Chinese/Japanese (Han)");
    h.get_by_label_contains("fonts-noto-cjk");

    // An English map in an English interface: nothing to warn about.
    let h = app_without_cjk_fonts(io::sample::sample_project(), None);
    assert!(h.query_by_label_contains("No installed font").is_none());
}

#[test]
fn a_chinese_interface_on_a_machine_without_a_cjk_font_says_so_in_chinese() {
    let _one = LANGUAGE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    i18n::set_interface(Language::ZhHans);
    let h = app_without_cjk_fonts(io::sample::sample_project(), None);
    let found = h
        .query_by_label_contains("没有已安装的字体能显示")
        .is_some();
    i18n::set_interface(Language::En);
    assert!(
        found,
        "no warning about the missing font in the Chinese interface"
    );
}

#[test]
fn chinese_typed_through_an_input_method_lands_in_the_card() {
    let _one = LANGUAGE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    i18n::set_interface(Language::En);
    let mut h = app_without_cjk_fonts(io::sample::sample_project(), None);
    let p = h.state().state.project().clone();
    let j = &p.journeys[0];
    let lane = j
        .lanes
        .iter()
        .find(|l| l.title == "Customer quotes")
        .unwrap();
    let stage = j
        .stages
        .iter()
        .find(|s| s.name == "Wait for install")
        .unwrap();
    h.state_mut().state.apply(
        waymark::app::Command::Select(Some(waymark::app::Selection::Cell {
            lane: lane.id,
            stage: stage.id,
        })),
        0.0,
    );
    h.run();
    // Enter adds a card and opens it for typing.
    h.key_press(egui::Key::Enter);
    h.run();
    // What a pinyin input method sends: a preedit while composing, then the commit.
    let preedit = |text: &str| egui::ImeEvent::Preedit {
        text: text.to_owned(),
        active_range_chars: None,
    };
    for event in [
        preedit("deng"),
        preedit("等了"),
        egui::ImeEvent::Commit("等了十天".to_owned()),
        preedit(""),
    ] {
        h.event(egui::Event::Ime(event));
        h.run();
    }
    h.key_press(egui::Key::Enter);
    h.run();
    let p = h.state().state.project().clone();
    let lane = p.journeys[0]
        .lanes
        .iter()
        .find(|l| l.title == "Customer quotes")
        .unwrap();
    let card = lane.cards.iter().find(|c| c.stage == stage.id).unwrap();
    assert_eq!(
        card.text, "等了十天",
        "the composed text, without the preedit"
    );
}

#[test]
fn the_projects_own_title_is_edited_in_project_settings_in_one_undo_step() {
    let _one = LANGUAGE
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    i18n::set_interface(Language::En);
    let mut h = app_without_cjk_fonts(io::sample::sample_project(), None);
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Project settings…").click();
    h.run();
    h.get_by_label("Project title").click();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label("Project title")
        .type_text("Northway CX review 2026");
    h.run();
    h.get_by_label("Apply").click();
    h.run();
    assert_eq!(h.state().state.project().title, "Northway CX review 2026");
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().state.project().title,
        io::sample::sample_project().title
    );
}
