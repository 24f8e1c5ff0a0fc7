//! File > Import survey CSV…: pick a file, preview what changes and which rows are bad,
//! then confirm. The app reads and plans the file (`FileCommand::PreviewSurvey`);
//! nothing changes until the user confirms; the import is one undo step.

use crate::t;
use std::path::PathBuf;

use egui::{Id, Modal, RichText};

use super::dialogs::Dialogs;
use crate::app::file_dialog::FileKind;
use crate::app::import::ImportMode;
use crate::app::{AppState, Command, FileCommand};

/// The path step of the import dialog; the preview step is the app's pending survey.
#[derive(Default)]
pub struct ImportUi {
    /// The path typed, while the path step is open.
    path: Option<String>,
}

impl ImportUi {
    /// Opens the dialog at the file step.
    pub fn open(&mut self, state: &AppState) {
        let dir = state.folder();
        self.path = Some(dir.join("survey.csv").display().to_string());
    }

    /// True while the path step is open.
    pub fn is_open(&self) -> bool {
        self.path.is_some()
    }

    /// Closes the path step.
    pub fn close(&mut self) {
        self.path = None;
    }

    /// Shows the dialog; returns a command for the app (read the file, import, close).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        dialogs: &mut Dialogs,
    ) -> Option<Command> {
        let journey = state.current_journey()?;
        let mut command = None;
        if let Some(preview) = &state.survey {
            // The file was read: the path step is done.
            self.path = None;
            let plan = &preview.plan;
            Modal::new(Id::unique("import_preview")).show(ctx, |ui| {
                ui.set_min_width(560.0);
                ui.heading(t!("import-preview-title"));
                ui.label(t!(
                    "import-preview-summary",
                    path = preview.path.display(),
                    used = plan.used,
                    left_out = plan.bad.len()
                ));
                if plan.merges > 0 {
                    // Some measures keep answers from an earlier import: replace them
                    // (the default: an updated export of the same survey) or add to them
                    // (a new wave).
                    ui.add_space(4.0);
                    ui.label(t!("import-kept-answers", count = plan.merges));
                    ui.horizontal(|ui| {
                        for (mode, label) in [
                            (ImportMode::Replace, t!("import-mode-replace")),
                            (ImportMode::Append, t!("import-mode-append")),
                        ] {
                            if ui.radio(preview.mode == mode, label).clicked()
                                && preview.mode != mode
                            {
                                command = Some(Command::File(FileCommand::SurveyMode(mode)));
                            }
                        }
                    });
                }
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        ui.strong(t!("import-changes"));
                        if plan.changes.is_empty() {
                            ui.weak(t!("import-no-change"));
                        }
                        for c in &plan.changes {
                            ui.label(c);
                        }
                        if !plan.bad.is_empty() {
                            ui.add_space(6.0);
                            ui.strong(t!("import-rows-left-out"));
                            for b in &plan.bad {
                                ui.label(
                                    RichText::new(t!(
                                        "import-bad-row",
                                        line = b.line,
                                        message = &b.message
                                    ))
                                    .color(ui.visuals().error_fg_color),
                                );
                            }
                        }
                    });
                ui.separator();
                ui.horizontal(|ui| {
                    let can = !plan.changes.is_empty();
                    if ui
                        .add_enabled(can, egui::Button::new(t!("button-import")))
                        .clicked()
                    {
                        command = Some(Command::File(FileCommand::ImportSurvey));
                    }
                    if ui.button(t!("button-cancel")).clicked() {
                        command = Some(Command::File(FileCommand::CloseSurvey));
                    }
                });
            });
            return command;
        }
        let Some(text) = &mut self.path else {
            return None;
        };
        let mut cancel = false;
        Modal::new(Id::unique("import_path")).show(ctx, |ui| {
            ui.set_min_width(480.0);
            ui.heading(t!("import-title"));
            ui.label(t!("import-into", journey = &journey.title));
            ui.weak(t!("import-columns"));
            let label = ui.label(t!("import-file"));
            ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui.button(t!("button-browse")).clicked()
                    && let Some(p) = dialogs.pick_file(FileKind::Csv)
                {
                    *text = p.display().to_string();
                }
                if ui.button(t!("button-preview")).clicked() {
                    command = Some(Command::File(FileCommand::PreviewSurvey(PathBuf::from(
                        text.trim(),
                    ))));
                }
                if ui.button(t!("button-cancel")).clicked() {
                    cancel = true;
                }
            });
        });
        if cancel {
            self.path = None;
        }
        command
    }
}
