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
    h.get_by_label("文件").click();
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
    h.get_by_label("视图").click();
    h.run();
    h.get_by_label("语言").hover();
    h.run();
    h.get_by_label("繁體中文").click();
    h.run();
    h.get_by_label("檔案");
    h.get_by_label("編輯");
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
