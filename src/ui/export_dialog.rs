//! File > Export PNG…: scale, background, optional parts, and where to write.

use crate::t;
use std::path::PathBuf;

use egui::{Id, Key, Modal};

use crate::app::{AppState, Command};
use crate::export::{Background, ExportOptions};
use crate::layout;
use crate::render::EguiText;

/// State of the export dialog while it is open.
pub struct ExportDialog {
    options: ExportOptions,
    path: String,
}

impl ExportDialog {
    /// A dialog for the current journey, suggesting a file beside the project.
    pub fn new(state: &AppState) -> Self {
        let stem = state
            .path
            .as_deref()
            .and_then(|p| p.file_stem())
            .map_or_else(
                || "journey".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
        let dir = state.folder();
        Self {
            options: ExportOptions::default(),
            path: dir.join(format!("{stem}.png")).display().to_string(),
        }
    }

    /// Shows the dialog. Returns the export command when the user starts it; sets
    /// `close` when the dialog should close (after Export or Cancel).
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        dialogs: &mut super::dialogs::Dialogs,
        close: &mut bool,
    ) -> Option<Command> {
        let journey = state.current_journey()?;
        let mut command = None;
        Modal::new(Id::unique("export_dialog")).show(ctx, |ui| {
            ui.set_min_width(460.0);
            ui.heading(t!("export-title"));
            ui.label(t!("export-journey", journey = &journey.title));
            ui.add_space(4.0);
            ui.add(
                egui::Slider::new(&mut self.options.scale, 1.0..=4.0)
                    .step_by(0.5)
                    .suffix("×")
                    .text(t!("export-scale")),
            );
            ui.horizontal(|ui| {
                ui.label(t!("export-background"));
                ui.radio_value(
                    &mut self.options.background,
                    Background::White,
                    t!("export-white"),
                );
                ui.radio_value(
                    &mut self.options.background,
                    Background::Transparent,
                    t!("export-transparent"),
                );
            });
            ui.checkbox(&mut self.options.title, t!("export-include-title"));
            ui.checkbox(&mut self.options.persona, t!("export-include-persona"));
            ui.checkbox(&mut self.options.legend, t!("export-include-legend"));
            ui.checkbox(
                &mut self.options.annotations,
                t!("export-include-annotations"),
            );
            ui.add_enabled(
                self.options.annotations,
                egui::Checkbox::new(&mut self.options.notes, t!("export-include-notes")),
            );
            let map = layout::layout_journey_with(
                state.project(),
                journey,
                &EguiText(ui.ctx()),
                &self.options.layout_options(),
            );
            let size = map.size * self.options.scale;
            ui.weak(t!(
                "export-size",
                width = format!("{:.0}", size.x),
                height = format!("{:.0}", size.y)
            ));
            let label = ui.label(t!("export-save-to"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.path).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let name = std::path::Path::new(&self.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if ui.button(t!("button-browse")).clicked()
                && let Some(path) =
                    dialogs.pick_save_file(crate::app::file_dialog::FileKind::Png, &name)
            {
                self.path = path.display().to_string();
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.separator();
            ui.horizontal(|ui| {
                let ready = !self.path.trim().is_empty() && state.export_job.is_none();
                if ui
                    .add_enabled(ready, egui::Button::new(t!("button-export")))
                    .clicked()
                    || (enter && ready)
                {
                    command = Some(Command::ExportPng {
                        journey: journey.id,
                        options: self.options,
                        path: PathBuf::from(self.path.trim()),
                    });
                    *close = true;
                }
                if ui.button(t!("button-cancel")).clicked()
                    || ui.input(|i| i.key_pressed(Key::Escape))
                {
                    *close = true;
                }
            });
        });
        command
    }
}
