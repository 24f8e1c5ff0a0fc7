//! File > Import survey CSV…: pick a file, preview what changes and which rows are bad,
//! then confirm. Nothing changes until the user confirms; the import is one undo step.

use std::path::PathBuf;

use egui::{Id, Modal, RichText};

use crate::app::import::{ImportPlan, plan_import};
use crate::app::{AppState, Command, Edit};
use crate::io::survey;

/// The import dialog's state.
#[derive(Default)]
pub struct ImportUi {
    step: Step,
}

#[derive(Default)]
enum Step {
    #[default]
    Closed,
    Path {
        text: String,
        error: Option<String>,
    },
    Preview {
        path: PathBuf,
        plan: Box<ImportPlan>,
    },
}

/// Larger files are refused: a survey export of this size is a mistake.
const MAX_CSV: u64 = 64 * 1024 * 1024;

impl ImportUi {
    /// Opens the dialog at the file step.
    pub fn open(&mut self, state: &AppState) {
        let dir = state
            .path
            .as_deref()
            .and_then(std::path::Path::parent)
            .map(std::path::Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        self.step = Step::Path {
            text: dir.join("survey.csv").display().to_string(),
            error: None,
        };
    }

    /// True while the dialog is open.
    pub fn is_open(&self) -> bool {
        !matches!(self.step, Step::Closed)
    }

    /// Shows the dialog; returns the import edit once confirmed.
    pub fn ui(&mut self, ctx: &egui::Context, state: &AppState) -> Option<Command> {
        let journey = state.current_journey()?;
        let mut command = None;
        let mut next = None;
        match &mut self.step {
            Step::Closed => {}
            Step::Path { text, error } => {
                Modal::new(Id::unique("import_path")).show(ctx, |ui| {
                    ui.set_min_width(480.0);
                    ui.heading("Import survey CSV");
                    ui.label(format!("Into journey: {}", journey.title));
                    ui.weak("Columns: touchpoint,measure,score (measure: nps, nev, ces or csat)");
                    let label = ui.label("CSV file");
                    ui.add(egui::TextEdit::singleline(text).desired_width(f32::INFINITY))
                        .labelled_by(label.id);
                    if let Some(e) = error {
                        ui.colored_label(ui.visuals().error_fg_color, e.as_str());
                    }
                    ui.horizontal(|ui| {
                        if ui.button("Browse…").clicked()
                            && let Some(p) = rfd::FileDialog::new()
                                .add_filter("CSV", &["csv"])
                                .pick_file()
                        {
                            *text = p.display().to_string();
                        }
                        if ui.button("Preview").clicked() {
                            let path = PathBuf::from(text.trim());
                            match read(&path) {
                                Ok(csv) => {
                                    let (answers, bad) = survey::parse(&csv);
                                    let plan = plan_import(&state.project, journey, &answers, bad);
                                    next = Some(Step::Preview {
                                        path,
                                        plan: Box::new(plan),
                                    });
                                }
                                Err(e) => *error = Some(e),
                            }
                        }
                        if ui.button("Cancel").clicked() {
                            next = Some(Step::Closed);
                        }
                    });
                });
            }
            Step::Preview { path, plan } => {
                Modal::new(Id::unique("import_preview")).show(ctx, |ui| {
                    ui.set_min_width(560.0);
                    ui.heading("Import preview");
                    ui.label(format!(
                        "{}: {} answers used, {} rows left out",
                        path.display(),
                        plan.used,
                        plan.bad.len()
                    ));
                    egui::ScrollArea::vertical()
                        .max_height(360.0)
                        .show(ui, |ui| {
                            ui.strong("Changes");
                            if plan.changes.is_empty() {
                                ui.weak("Nothing would change.");
                            }
                            for c in &plan.changes {
                                ui.label(c);
                            }
                            if !plan.bad.is_empty() {
                                ui.add_space(6.0);
                                ui.strong("Rows left out");
                                for b in &plan.bad {
                                    ui.label(
                                        RichText::new(format!("Line {}: {}", b.line, b.message))
                                            .color(ui.visuals().error_fg_color),
                                    );
                                }
                            }
                        });
                    ui.separator();
                    ui.horizontal(|ui| {
                        let can = !plan.changes.is_empty();
                        if ui.add_enabled(can, egui::Button::new("Import")).clicked() {
                            command = Some(Command::Edit {
                                edit: Edit::SetJourney {
                                    journey: Box::new(plan.journey.clone()),
                                },
                                gesture: None,
                            });
                            next = Some(Step::Closed);
                        }
                        if ui.button("Cancel").clicked() {
                            next = Some(Step::Closed);
                        }
                    });
                });
            }
        }
        if let Some(step) = next {
            self.step = step;
        }
        command
    }
}

fn read(path: &std::path::Path) -> Result<String, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if meta.len() > MAX_CSV {
        return Err(format!(
            "{}: the file is larger than 64 MiB",
            path.display()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|_| format!("{}: the file is not UTF-8 text", path.display()))
}
