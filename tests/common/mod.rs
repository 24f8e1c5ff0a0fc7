//! Helpers shared by the integration tests: the app in a test harness, and the command
//! line as a user runs it.

#![allow(dead_code, reason = "each test file uses the helpers it needs")]

use std::path::Path;
use std::process::Command;

use egui::vec2;
use egui_kittest::Harness;
use waymark::app::AppState;
use waymark::io;
use waymark::model::Project;
use waymark::ui::{FileDialogs, WaymarkApp};

/// The app in a 1600 x 1000 window, settled after its first frames.
pub fn harness(app: WaymarkApp) -> Harness<'static, WaymarkApp> {
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .build_ui_state(|ui, app: &mut WaymarkApp| app.frame_ui(ui), app);
    h.run();
    h
}

/// The app in a 1600 x 1000 window, for screens with background work (saves, recovery
/// copies): a job finishing between frames asks for a few more frames than egui's
/// default of 4 allows before the window settles, so the harness allows up to 32.
pub fn harness_with_background_work(app: WaymarkApp) -> Harness<'static, WaymarkApp> {
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .with_max_steps(32)
        .build_ui_state(|ui, app: &mut WaymarkApp| app.frame_ui(ui), app);
    h.run();
    h
}

/// The app on the sample in a harness that, like the real app, finds glyphs in the
/// system's fonts (for screens showing Chinese text); `None`, with a notice, on a
/// machine without a CJK font (outside CI).
pub fn sample_app_with_system_fonts() -> Option<Harness<'static, WaymarkApp>> {
    if !cjk_font_available() {
        return None;
    }
    let app = WaymarkApp::new(
        AppState::new(io::sample::sample_project(), None),
        FileDialogs::InApp,
    );
    let mut h = Harness::builder()
        .with_size(vec2(1600.0, 1000.0))
        .with_context_setup(|ctx| {
            ctx.add_font_provider(std::sync::Arc::new(
                egui_system_font_provider::SystemFontProvider::new(),
            ));
        })
        .build_ui_state(|ui, app: &mut WaymarkApp| app.frame_ui(ui), app);
    h.run();
    Some(h)
}

/// The app on a document, with the in-app file path entry.
pub fn app_on(project: Project) -> Harness<'static, WaymarkApp> {
    harness(WaymarkApp::new(
        AppState::new(project, None),
        FileDialogs::InApp,
    ))
}

/// The app on the embedded sample project.
pub fn sample_app() -> Harness<'static, WaymarkApp> {
    app_on(io::sample::sample_project())
}

/// The open document.
pub fn project(h: &Harness<'_, WaymarkApp>) -> Project {
    h.state().state.project().clone()
}

/// Runs the `waymark` binary with `args` and extra environment variables; returns the
/// exit code, stdout and stderr.
pub fn waymark(args: &[&str], env: &[(&str, &Path)]) -> (i32, String, String) {
    let mut command = Command::new(env!("CARGO_BIN_EXE_waymark"));
    command.args(args);
    for (key, value) in env {
        command.env(key, value);
    }
    let out = command.output().expect("the waymark binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// True if this machine has a font for Chinese characters. Without one, tests that need
/// one are skipped with a notice, except under CI (`CI` set), where `.ci/run` installs
/// a CJK font and they must run.
pub fn cjk_font_available() -> bool {
    let mut project = io::sample::sample_project();
    "宽带安装".clone_into(&mut project.journeys[0].title);
    let exporter = waymark::export::Exporter::new();
    if exporter
        .missing_scripts(&project, &project.journeys[0])
        .is_empty()
    {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "no CJK font on this CI machine: .ci/run should have installed fonts-noto-cjk"
    );
    eprintln!("skipped: this machine has no CJK font (apt-get install fonts-noto-cjk)");
    false
}

/// Every text painted in the last frame (the map's labels included), so that a test can
/// check what a user reads on the canvas.
pub fn painted_texts(h: &Harness<'_, WaymarkApp>) -> Vec<String> {
    fn walk(shape: &egui::Shape, out: &mut Vec<String>) {
        match shape {
            egui::Shape::Text(t) => out.push(t.galley.text().to_owned()),
            egui::Shape::Vec(shapes) => {
                for s in shapes {
                    walk(s, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        walk(&clipped.shape, &mut out);
    }
    out
}
