//! File > Export slides…: one PNG per step of the workshop presentation (the overview,
//! then each stage in the spotlight) into a folder, at a chosen size.

use std::path::PathBuf;

use egui::{Id, Key, Modal};

use super::dialogs::Dialogs;
use crate::app::{AppState, Command};
use crate::export::slides::{SLIDE_SIDES, SlideOptions};
use crate::t;

/// State of the slides dialog while it is open.
pub struct SlidesDialog {
    options: SlideOptions,
    dir: String,
}

impl SlidesDialog {
    /// A dialog suggesting a folder beside the project, named after it.
    pub fn new(state: &AppState) -> Self {
        let stem = state
            .path
            .as_deref()
            .and_then(|p| p.file_stem())
            .map_or_else(
                || "journey".to_owned(),
                |s| s.to_string_lossy().into_owned(),
            );
        Self {
            options: SlideOptions::default(),
            dir: state
                .folder()
                .join(format!("{stem}-slides"))
                .display()
                .to_string(),
        }
    }

    /// Shows the dialog. Returns the export command when the user starts it; sets
    /// `close` when the dialog should close.
    pub fn ui(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        dialogs: &mut Dialogs,
        close: &mut bool,
    ) -> Option<Command> {
        let journey = state.current_journey()?;
        let mut command = None;
        Modal::new(Id::unique("slides_dialog")).show(ctx, |ui| {
            ui.set_min_width(460.0);
            ui.heading(t!("slides-title"));
            ui.label(t!("slides-intro", journey = &journey.title));
            ui.horizontal(|ui| {
                ui.label(t!("slides-size"));
                let range = *SLIDE_SIDES.start()..=*SLIDE_SIDES.end();
                let width =
                    ui.add(egui::DragValue::new(&mut self.options.width).range(range.clone()));
                super::access::name(&width, egui::Role::SpinButton, t!("slides-width"));
                ui.label(t!("slides-by"));
                let height = ui.add(egui::DragValue::new(&mut self.options.height).range(range));
                super::access::name(&height, egui::Role::SpinButton, t!("slides-height"));
                if ui.button(t!("slides-size-1080p")).clicked() {
                    self.options.width = 1920;
                    self.options.height = 1080;
                }
            });
            ui.checkbox(&mut self.options.reveal, t!("slides-reveal"));
            ui.checkbox(&mut self.options.votes, t!("export-include-votes"));
            let label = ui.label(t!("slides-folder"));
            let mut enter = false;
            ui.horizontal(|ui| {
                // The native folder picker where there is one; the typed path otherwise.
                if ui.button(t!("button-browse")).clicked()
                    && let Some(p) = dialogs.pick_folder()
                {
                    self.dir = p.display().to_string();
                }
                let field = ui
                    .add(egui::TextEdit::singleline(&mut self.dir).desired_width(f32::INFINITY))
                    .labelled_by(label.id);
                enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            });
            ui.separator();
            ui.horizontal(|ui| {
                let ready = !self.dir.trim().is_empty() && state.export_job.is_none();
                if ui
                    .add_enabled(ready, egui::Button::new(t!("button-export")))
                    .clicked()
                    || (enter && ready)
                {
                    command = Some(Command::ExportSlides {
                        journey: journey.id,
                        options: self.options,
                        dir: PathBuf::from(self.dir.trim()),
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
