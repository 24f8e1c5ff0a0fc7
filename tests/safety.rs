//! Work is never lost, in the window: recovering a document after a crash, the question
//! about a file changed elsewhere, and a background save that fails.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use std::path::{Path, PathBuf};

use egui::Modifiers;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use waymark::app::{AppState, Command, Edit};
use waymark::io;
use waymark::model::Project;
use waymark::ui::{FileDialogs, WaymarkApp};

/// The app on `path` (saved from the sample), with its configuration in `config`.
fn app_on_file(path: &Path, config: &Path) -> Harness<'static, WaymarkApp> {
    let project = io::load_file(path).unwrap();
    let mut state = AppState::new(project, Some(path.to_owned()));
    state.set_config_dir(Some(config.to_owned()));
    common::harness_with_background_work(WaymarkApp::new(state, FileDialogs::InApp))
}

/// A fresh launch with an untouched document and the configuration in `config`.
fn launch(config: &Path) -> Harness<'static, WaymarkApp> {
    let mut state = AppState::new(io::sample::sample_project(), None);
    state.set_config_dir(Some(config.to_owned()));
    common::harness_with_background_work(WaymarkApp::new(state, FileDialogs::InApp))
}

fn saved_sample(dir: &Path) -> PathBuf {
    let path = dir.join("map.ron");
    io::save_file(&io::sample::sample_project(), &path).unwrap();
    path
}

/// Renames the first stage and adds a stage, as two undo steps.
fn edit(h: &mut Harness<'_, WaymarkApp>, name: &str) {
    let journey = h.state().state.project().journeys[0].clone();
    let mut stage = journey.stages[0].clone();
    name.clone_into(&mut stage.name);
    for edit in [
        Edit::SetStage {
            journey: journey.id,
            stage,
        },
        Edit::AddStage {
            journey: journey.id,
            index: 1,
            name: "Added".into(),
        },
    ] {
        h.state_mut().state.apply(
            Command::Edit {
                edit,
                gesture: None,
            },
            0.0,
        );
    }
    h.run();
}

fn recovery_files(config: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(config.join("recovery"))
        .map(|d| {
            d.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|e| e == "ron"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_crashed_documents_changes_are_offered_back_at_the_next_launch() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let path = saved_sample(dir.path());
    let mut h = app_on_file(&path, &config);
    edit(&mut h, "Recovered name");
    let edited: Project = common::project(&h);
    // The window loses the focus: the changes are copied at once, in the background.
    h.event(egui::Event::WindowFocused(false));
    h.run();
    h.state_mut().state.finish_background_work();
    assert_eq!(recovery_files(&config).len(), 1);
    // Never over the user's file.
    assert_eq!(io::load_file(&path).unwrap(), io::sample::sample_project());

    // The crash: the window goes away without closing.
    drop(h);

    let mut h = launch(&config);
    h.get_by_label("Recover unsaved work");
    h.get_by_label("map.ron");
    h.get_by_label_contains("Autosaved");
    // What it holds.
    h.get_by_label(&waymark::app::summary_line(
        &edited,
        waymark::i18n::Language::En,
    ));
    h.get_by_label("Recover").click();
    h.run();
    assert!(h.query_by_label("Recover unsaved work").is_none());
    let state = &h.state().state;
    assert_eq!(state.project(), &edited);
    // Unsaved changes to the original file.
    assert_eq!(state.path.as_deref(), Some(path.as_path()));
    assert!(state.is_dirty());
    assert!(state.window_title().starts_with("● map.ron"));

    // Saving writes the recovered document to its file and the copy goes away; a clean
    // close leaves nothing to recover.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.state_mut().state.finish_background_work();
    h.run();
    assert_eq!(io::load_file(&path).unwrap(), edited);
    assert!(!h.state().state.is_dirty());
    assert!(recovery_files(&config).is_empty());
    h.state_mut().state.close();
    drop(h);
    let h = launch(&config);
    assert!(h.query_by_label("Recover unsaved work").is_none());
}

#[test]
fn a_document_never_saved_is_recovered_too_and_discard_deletes_the_copy() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    for name in ["First draft", "Second draft"] {
        let mut h = launch(&config);
        edit(&mut h, name);
        h.state_mut().state.autosave_now();
        h.state_mut().state.finish_background_work();
        drop(h);
    }
    assert_eq!(recovery_files(&config).len(), 2);
    let mut h = launch(&config);
    h.get_by_label_contains("These 2 documents");
    assert_eq!(h.query_all_by_label("Untitled").count(), 2);
    h.query_all_by_label("Discard").next().unwrap().click();
    h.run();
    assert_eq!(recovery_files(&config).len(), 1);
    h.get_by_label("Recover").click();
    h.run();
    let state = &h.state().state;
    assert_eq!(state.path, None);
    assert!(state.is_dirty());
    let name = &state.project().journeys[0].stages[0].name;
    assert!(name.ends_with("draft"), "{name}");
}

#[test]
fn a_file_changed_elsewhere_is_reloaded_only_when_asked_and_nothing_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let path = saved_sample(dir.path());
    let mut h = app_on_file(&path, &config);
    edit(&mut h, "Mine");
    let mine = common::project(&h);
    // Another program (a `git pull`) writes the file.
    let mut theirs = io::sample::sample_project();
    theirs.title = "Their version".into();
    io::save_file(&theirs, &path).unwrap();
    // Coming back to the window compares the file.
    h.event(egui::Event::WindowFocused(true));
    h.run();
    h.get_by_label("File changed elsewhere");
    h.get_by_label_contains("map.ron was changed by another program");
    h.get_by_label_contains("Reload keeps your version");
    h.get_by_label("Reload").click();
    h.run();
    assert!(h.query_by_label("File changed elsewhere").is_none());
    assert_eq!(common::project(&h), theirs);
    assert!(!h.state().state.is_dirty());

    // The open version was kept: File > Recover unsaved work brings it back.
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Recover unsaved work…").click();
    h.run();
    h.get_by_label("Recover unsaved work");
    h.get_by_label("Recover").click();
    h.run();
    assert_eq!(common::project(&h), mine);
    assert!(h.state().state.is_dirty());
}

#[test]
fn keep_mine_saves_over_the_other_version_only_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let path = saved_sample(dir.path());
    let mut h = app_on_file(&path, &config);
    edit(&mut h, "Mine");
    let mut theirs = io::sample::sample_project();
    theirs.title = "Their version".into();
    io::save_file(&theirs, &path).unwrap();
    // Saving without having looked: the save stops and asks.
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.state_mut().state.finish_background_work();
    h.run();
    h.get_by_label("File changed elsewhere");
    h.get_by_label_contains("Nothing was saved");
    assert_eq!(io::load_file(&path).unwrap(), theirs);
    h.get_by_label("Keep mine").click();
    h.run();
    assert!(h.query_by_label("File changed elsewhere").is_none());
    assert!(h.state().state.is_dirty());
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.state_mut().state.finish_background_work();
    h.run();
    assert_eq!(io::load_file(&path).unwrap(), common::project(&h));
    assert!(!h.state().state.is_dirty());
}

#[test]
fn a_deleted_file_is_written_again_only_after_asking() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let path = saved_sample(dir.path());
    let mut h = app_on_file(&path, &config);
    std::fs::rename(&path, dir.path().join("moved.ron")).unwrap();
    h.event(egui::Event::WindowFocused(true));
    h.run();
    h.get_by_label("File deleted or moved");
    h.get_by_label("Keep editing").click();
    h.run();
    assert!(!path.exists());
    edit(&mut h, "Mine");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.state_mut().state.finish_background_work();
    h.run();
    assert!(!path.exists(), "saved over a moved file without asking");
    h.get_by_label("File deleted or moved");
    h.get_by_label("Save to its old place").click();
    h.run();
    h.state_mut().state.finish_background_work();
    h.run();
    assert_eq!(io::load_file(&path).unwrap(), common::project(&h));
    assert!(!h.state().state.is_dirty());
}

/// Makes saving into `folder` fail: read-only where permissions bind (not for root),
/// otherwise a folder in place of the backup file (the save stops before it touches
/// the file). Returns a function that undoes it.
fn make_saves_fail(folder: &Path, file: &Path) -> Box<dyn FnOnce()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o555)).unwrap();
        let probe = folder.join("probe");
        if std::fs::write(&probe, b"").is_err() {
            let folder = folder.to_owned();
            return Box::new(move || {
                std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
            });
        }
        std::fs::remove_file(&probe).unwrap();
        std::fs::set_permissions(folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        println!("folder permissions are not enforced here (root?): a folder blocks the backup");
    }
    let backup = io::backup_path(file);
    std::fs::create_dir(&backup).unwrap();
    Box::new(move || std::fs::remove_dir(&backup).unwrap())
}

#[test]
fn a_failed_background_save_says_so_keeps_the_old_file_and_the_changes() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("config");
    let folder = dir.path().join("project");
    std::fs::create_dir(&folder).unwrap();
    let path = saved_sample(&folder);
    let before = std::fs::read(&path).unwrap();
    let mut h = app_on_file(&path, &config);
    edit(&mut h, "Unsaved");
    let undo = make_saves_fail(&folder, &path);
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.state_mut().state.finish_background_work();
    h.run();
    undo();
    h.get_by_label_contains("Could not save");
    h.get_by_label_contains("The file on disk was not changed");
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(h.state().state.is_dirty());
    assert!(h.state().state.window_title().starts_with('●'));
    // Once the folder can be written again, saving works.
    h.get_by_label("OK").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    h.run();
    h.state_mut().state.finish_background_work();
    h.run();
    assert!(!h.state().state.is_dirty());
    assert_eq!(io::load_file(&path).unwrap(), common::project(&h));
}

#[test]
fn a_save_in_progress_shows_in_the_status_line_and_the_window_keeps_drawing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("big.ron");
    let project = io::sample::generated_project(100, 12, 5_000);
    io::save_file(&project, &path).unwrap();
    let mut h = app_on_file(&path, &dir.path().join("config"));
    edit(&mut h, "Changed");
    h.key_press_modifiers(Modifiers::COMMAND, egui::Key::S);
    // The frame that starts the save draws the status line with the save in it; the
    // save itself runs on its own thread.
    h.step();
    assert!(h.state().state.is_saving());
    let status = common::painted_texts(&h)
        .into_iter()
        .find(|t| t.starts_with("Saving "));
    assert!(
        status.as_deref().is_some_and(|s| s.contains("big.ron")),
        "{status:?}"
    );
    h.state_mut().state.finish_background_work();
    h.run();
    assert!(!h.state().state.is_dirty());
    h.get_by_label_contains("Saved");
}
