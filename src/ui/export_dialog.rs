//! File > Export PNG… / PDF… / SVG…: format, scale, background, optional parts, PDF
//! page size and report, and where to write.

use crate::t;
use std::path::PathBuf;

use egui::{Id, Key, Modal, Vec2};

use crate::app::{AppState, Command};
use crate::export::{
    Background, ExportError, ExportFormat, ExportOptions, Exporter, PageSize, Paper,
};

/// The scale slider's step.
const SCALE_STEP: f32 = 0.5;

/// State of the export dialog while it is open.
pub struct ExportDialog {
    options: ExportOptions,
    format: ExportFormat,
    path: String,
    /// Lays the map out exactly as the export will (made when first needed).
    exporter: Option<Exporter>,
    /// The map's size in points, for the document revision, journey and parts shown it
    /// was measured for: laid out once per change, not every frame.
    map_size: Option<(SizeKey, Vec2)>,
}

/// What the map's size depends on.
type SizeKey = (u64, crate::model::JourneyId, crate::layout::LayoutOptions);

impl ExportDialog {
    /// A dialog for the current journey in `format`, with the options last used for
    /// this project (`remembered`) or the defaults, suggesting a file named after the
    /// journey beside the project.
    pub fn new(state: &AppState, format: ExportFormat, remembered: Option<ExportOptions>) -> Self {
        let stem = state
            .current_journey()
            .map(|j| crate::io::slug(&j.title))
            .filter(|s| !s.is_empty())
            .unwrap_or_else(|| "journey".to_owned());
        let dir = state.folder();
        Self {
            options: remembered.unwrap_or_default(),
            format,
            path: dir
                .join(format!("{stem}.{}", format.extension()))
                .display()
                .to_string(),
            exporter: None,
            map_size: None,
        }
    }

    /// The map's size in points, measured by the exporter (once per change).
    fn map_size(&mut self, state: &AppState, journey: &crate::model::Journey) -> Vec2 {
        let key = (state.revision(), journey.id, self.options.layout_options());
        if let Some((k, size)) = &self.map_size
            && *k == key
        {
            return *size;
        }
        let exporter = self.exporter.get_or_insert_with(Exporter::new);
        // The layout does not depend on the scale (it is measured at 100%).
        let at_100 = ExportOptions {
            scale: 1.0,
            ..self.options
        };
        let size = exporter
            .layout(state.project(), journey, &at_100)
            .map_or(Vec2::ZERO, |map| map.size);
        self.map_size = Some((key, size));
        size
    }

    /// Switches the format, and the extension of the file name with it.
    fn set_format(&mut self, format: ExportFormat) {
        let path = std::path::Path::new(self.path.trim());
        if ExportFormat::from_path(path).is_some() || path.extension().is_none() {
            self.path = path
                .with_extension(format.extension())
                .display()
                .to_string();
        }
        self.format = format;
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
            ui.heading(match self.format {
                ExportFormat::Png => t!("export-title"),
                ExportFormat::Pdf => t!("export-title-pdf"),
                ExportFormat::Svg => t!("export-title-svg"),
                ExportFormat::Mermaid => t!("export-title-mermaid"),
            });
            ui.label(t!("export-journey", journey = &journey.title));
            ui.add_space(4.0);
            ui.horizontal(|ui| {
                ui.label(t!("export-format"));
                let mut format = self.format;
                for f in ExportFormat::ALL {
                    ui.radio_value(&mut format, f, f.extension().to_ascii_uppercase());
                }
                if format != self.format {
                    self.set_format(format);
                }
            });
            if self.format == ExportFormat::Png {
                ui.add(
                    egui::Slider::new(&mut self.options.scale, 1.0..=4.0)
                        .step_by(f64::from(SCALE_STEP))
                        .suffix("×")
                        .text(t!("export-scale")),
                );
            }
            if self.format == ExportFormat::Pdf {
                self.pdf_options(ui);
            }
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
            ui.checkbox(&mut self.options.votes, t!("export-include-votes"));
            let mut fits = true;
            if self.format == ExportFormat::Png {
                let size = self.map_size(state, journey);
                fits = self.png_size_ui(ui, size);
            } else if self.options.pdf.page == PageSize::Fit || self.format == ExportFormat::Svg {
                let size = self.map_size(state, journey);
                ui.weak(t!(
                    "export-size-pt",
                    width = format!("{:.0}", size.x),
                    height = format!("{:.0}", size.y)
                ));
            }
            let label = ui.label(t!("export-save-to"));
            let field = ui
                .add(egui::TextEdit::singleline(&mut self.path).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            let name = std::path::Path::new(&self.path)
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if ui.button(t!("button-browse")).clicked()
                && let Some(path) = dialogs.pick_save_file(
                    match self.format {
                        ExportFormat::Png => crate::app::file_dialog::FileKind::Png,
                        ExportFormat::Pdf => crate::app::file_dialog::FileKind::Pdf,
                        ExportFormat::Svg => crate::app::file_dialog::FileKind::Svg,
                        ExportFormat::Mermaid => crate::app::file_dialog::FileKind::Mermaid,
                    },
                    &name,
                )
            {
                self.path = path.display().to_string();
            }
            // Never replace a file without saying so.
            if std::path::Path::new(self.path.trim()).is_file() {
                ui.colored_label(
                    ui.visuals().warn_fg_color,
                    t!("export-replaces", name = name.as_str()),
                );
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            ui.separator();
            ui.horizontal(|ui| {
                let ready = !self.path.trim().is_empty() && state.export_job.is_none() && fits;
                if ui
                    .add_enabled(ready, egui::Button::new(t!("button-export")))
                    .clicked()
                    || (enter && ready)
                {
                    let mut options = self.options;
                    if self.format != ExportFormat::Pdf {
                        options.pdf = crate::export::PdfOptions::default();
                    }
                    command = Some(Command::Export {
                        journey: journey.id,
                        options,
                        format: self.format,
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

    /// Shows the PNG's exact size, or why it cannot be written and the largest scale
    /// that can. Returns whether the PNG can be exported.
    fn png_size_ui(&mut self, ui: &mut egui::Ui, map_size: Vec2) -> bool {
        match crate::export::png_size(map_size, self.options.scale) {
            Ok((width, height)) => {
                ui.weak(t!(
                    "export-size",
                    width = width.to_string(),
                    height = height.to_string()
                ));
                true
            }
            Err(ExportError::TooLarge {
                width,
                height,
                max_side,
                max_scale,
            }) => {
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    t!(
                        "export-too-large",
                        width = width.to_string(),
                        height = height.to_string(),
                        max_side = max_side.to_string()
                    ),
                );
                // The largest scale that fits, in the scale slider's steps.
                let best = (max_scale / SCALE_STEP).floor() * SCALE_STEP;
                if best >= 1.0 {
                    let text = t!("export-use-scale", scale = format!("{best:.1}"));
                    if ui.button(text).clicked() {
                        self.options.scale = best;
                    }
                } else {
                    ui.colored_label(ui.visuals().error_fg_color, t!("export-too-large-at-1"));
                }
                false
            }
            Err(_) => false,
        }
    }

    /// Page size and orientation, and the report switch.
    fn pdf_options(&mut self, ui: &mut egui::Ui) {
        let pdf = &mut self.options.pdf;
        let (mut paper, mut landscape) = match pdf.page {
            PageSize::Fit => (None, true),
            PageSize::Paper { paper, landscape } => (Some(paper), landscape),
        };
        ui.horizontal(|ui| {
            egui::ComboBox::from_label(t!("export-page"))
                .selected_text(paper.map_or_else(|| t!("export-page-fit"), |p| p.name().to_owned()))
                .show_ui(ui, |ui| {
                    crate::ui::popups::close_on_keyboard_choice(ui);
                    ui.selectable_value(&mut paper, None, t!("export-page-fit"));
                    for p in Paper::ALL {
                        ui.selectable_value(&mut paper, Some(p), p.name());
                    }
                });
            ui.add_enabled_ui(paper.is_some(), |ui| {
                ui.radio_value(&mut landscape, true, t!("export-landscape"));
                ui.radio_value(&mut landscape, false, t!("export-portrait"));
            });
        });
        pdf.page = paper.map_or(PageSize::Fit, |paper| PageSize::Paper { paper, landscape });
        ui.checkbox(&mut pdf.all_journeys, t!("export-all-journeys"));
    }
}
