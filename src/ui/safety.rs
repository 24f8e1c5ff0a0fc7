//! The questions that keep work safe: recovering documents left behind by a crash, and
//! what to do when the open file was changed or deleted by another program.

use std::time::SystemTime;

use egui::{Id, Modal};

use crate::app::{AppState, DiskChange, DiskConflict};
use crate::t;

/// What the user chose in the recovery question.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecoveryChoice {
    /// Open this document (by recovery id).
    Recover(String),
    /// Delete it.
    Discard(String),
    /// Ask again at the next start.
    Later,
}

/// What the user chose about the file changed elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ConflictChoice {
    /// Load the version on disk (the open one is kept as a recovery file).
    Reload,
    /// Save the open version to another file.
    SaveMineAs,
    /// Keep the open version.
    KeepMine,
    /// Save the open version where the file used to be.
    SaveToOldPath,
}

/// "5 minutes ago", in the interface language.
pub fn ago(when: SystemTime) -> String {
    let seconds = SystemTime::now()
        .duration_since(when)
        .map_or(0, |d| d.as_secs());
    if seconds < 60 {
        t!("time-seconds-ago", count = seconds)
    } else if seconds < 3600 {
        t!("time-minutes-ago", count = seconds / 60)
    } else if seconds < 86400 {
        t!("time-hours-ago", count = seconds / 3600)
    } else {
        t!("time-days-ago", count = seconds / 86400)
    }
}

/// The recovery question: each document left behind, with its name, when it was
/// copied and what it holds, and Recover and Discard.
pub fn recovery_ui(ctx: &egui::Context, state: &AppState) -> Option<RecoveryChoice> {
    let documents = state.recoverable();
    if documents.is_empty() {
        return None;
    }
    let mut choice = None;
    Modal::new(Id::unique("recovery_dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        ui.heading(t!("recovery-title"));
        ui.label(t!("recovery-intro", count = documents.len()));
        egui::ScrollArea::vertical()
            .max_height(420.0)
            .show(ui, |ui| {
                for doc in &documents {
                    ui.group(|ui| {
                        ui.set_width(ui.available_width());
                        let name = doc
                            .original
                            .and_then(std::path::Path::file_name)
                            .map_or_else(|| t!("untitled"), |n| n.to_string_lossy().into_owned());
                        ui.strong(name);
                        if let Some(path) = doc.original {
                            ui.small(path.display().to_string());
                        }
                        ui.label(t!("recovery-saved-at", ago = ago(doc.saved_at)));
                        match doc.project {
                            Ok(project) => {
                                ui.label(crate::app::summary_line(
                                    project,
                                    crate::i18n::interface(),
                                ));
                            }
                            Err(e) => {
                                ui.colored_label(
                                    ui.visuals().error_fg_color,
                                    t!("recovery-unreadable", error = e),
                                );
                            }
                        }
                        ui.horizontal(|ui| {
                            if ui
                                .add_enabled(
                                    doc.project.is_ok(),
                                    egui::Button::new(t!("button-recover")),
                                )
                                .clicked()
                            {
                                choice = Some(RecoveryChoice::Recover(doc.id.to_owned()));
                            }
                            if ui.button(t!("button-discard")).clicked() {
                                choice = Some(RecoveryChoice::Discard(doc.id.to_owned()));
                            }
                        });
                    });
                }
            });
        ui.separator();
        if ui.button(t!("button-recover-later")).clicked() {
            choice = Some(RecoveryChoice::Later);
        }
    });
    choice
}

/// The question about the open file changed or deleted elsewhere.
pub fn conflict_ui(
    ctx: &egui::Context,
    conflict: &DiskConflict,
    dirty: bool,
) -> Option<ConflictChoice> {
    let mut choice = None;
    let name = conflict
        .path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    Modal::new(Id::unique("disk_conflict_dialog")).show(ctx, |ui| {
        ui.set_max_width(560.0);
        match conflict.change {
            DiskChange::Changed(_) => {
                ui.heading(t!("conflict-changed-title"));
                ui.label(t!(
                    "conflict-changed-text",
                    name = &name,
                    path = conflict.path.display()
                ));
                if conflict.on_save {
                    ui.label(t!("conflict-save-stopped"));
                }
                if dirty {
                    ui.label(t!("conflict-reload-keeps"));
                }
                ui.horizontal(|ui| {
                    if ui.button(t!("button-reload")).clicked() {
                        choice = Some(ConflictChoice::Reload);
                    }
                    if ui.button(t!("button-save-mine-as")).clicked() {
                        choice = Some(ConflictChoice::SaveMineAs);
                    }
                    if ui.button(t!("button-keep-mine")).clicked() {
                        choice = Some(ConflictChoice::KeepMine);
                    }
                });
            }
            DiskChange::Missing => {
                ui.heading(t!("conflict-missing-title"));
                ui.label(t!(
                    "conflict-missing-text",
                    name = &name,
                    path = conflict.path.display()
                ));
                ui.horizontal(|ui| {
                    if ui.button(t!("button-save-to-old-path")).clicked() {
                        choice = Some(ConflictChoice::SaveToOldPath);
                    }
                    if ui.button(t!("button-save-mine-as")).clicked() {
                        choice = Some(ConflictChoice::SaveMineAs);
                    }
                    if ui.button(t!("button-keep-editing")).clicked() {
                        choice = Some(ConflictChoice::KeepMine);
                    }
                });
            }
        }
    });
    choice
}
