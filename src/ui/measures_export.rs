//! File > Export measures…: where to write the measures CSV. The app writes it
//! (`FileCommand::ExportMeasures`, through `io::atomic_write`); this panel only asks for
//! the path.

use std::path::PathBuf;

use egui::{Id, Modal};

use super::dialogs::Dialogs;
use crate::app::file_dialog::FileKind;
use crate::app::{AppState, Command, FileCommand};
use crate::t;

/// The path entry of the measures export, while open.
#[derive(Default)]
pub struct MeasuresExportUi {
    /// The path typed, while the dialog is open.
    path: Option<String>,
}

impl MeasuresExportUi {
    /// Opens the dialog with a file name made from the project's title, beside the
    /// project file (or in the working folder).
    pub fn open(&mut self, state: &AppState) {
        let dir = state.folder();
        self.path = Some(dir.join(file_name(state)).display().to_string());
    }

    /// True while the dialog is open.
    pub fn is_open(&self) -> bool {
        self.path.is_some()
    }

    /// Closes the dialog.
    pub fn close(&mut self) {
        self.path = None;
    }

    /// Shows the dialog; returns the command that writes the file.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        dialogs: &mut Dialogs,
    ) -> Option<Command> {
        let text = self.path.as_mut()?;
        let mut command = None;
        let mut close = false;
        Modal::new(Id::unique("measures_export")).show(ctx, |ui| {
            ui.set_min_width(480.0);
            ui.heading(t!("measures-export-title"));
            ui.weak(t!("measures-export-what"));
            let label = ui.label(t!("measures-export-file"));
            ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            ui.horizontal(|ui| {
                if ui.button(t!("button-browse")).clicked()
                    && let Some(p) = dialogs.pick_save_file(FileKind::Csv, &file_name(state))
                {
                    *text = p.display().to_string();
                }
                let path = text.trim();
                if ui
                    .add_enabled(
                        !path.is_empty(),
                        egui::Button::new(t!("measures-export-button")),
                    )
                    .clicked()
                {
                    command = Some(Command::File(FileCommand::ExportMeasures(PathBuf::from(
                        path,
                    ))));
                    close = true;
                }
                if ui.button(t!("button-cancel")).clicked() {
                    close = true;
                }
            });
        });
        if close {
            self.path = None;
        }
        command
    }
}

/// "<project title>-measures.csv", or "measures.csv" for a project without a title.
fn file_name(state: &AppState) -> String {
    let slug = crate::io::slug(&state.project().title);
    if slug.is_empty() {
        "measures.csv".to_owned()
    } else {
        format!("{slug}-measures.csv")
    }
}
