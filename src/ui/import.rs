//! File > Import survey…: pick a file (CSV in any common encoding and delimiter, or a
//! workbook), check or choose which columns hold what, preview what changes and which
//! rows are bad, then confirm. The app reads and plans the file
//! (`FileCommand::PreviewSurvey`); nothing changes until the user confirms; the import
//! is one undo step.

use crate::t;
use std::path::PathBuf;

use egui::{Id, Modal, RichText};

use super::dialogs::Dialogs;
use crate::app::file_dialog::FileKind;
use crate::app::files::SurveyPreview;
use crate::app::import::ImportMode;
use crate::app::{AppState, Command, FileCommand};
use crate::io::survey::table::Source;
use crate::model::{Journey, MeasureKind, SurveyLayout, SurveyQuestion};

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
                if let Some(c) = columns_ui(ui, preview, journey) {
                    command = Some(c);
                }
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
                            let sheet = matches!(preview.table.source, Source::Sheet { .. });
                            for b in &plan.bad {
                                let text = if sheet {
                                    t!("import-bad-row-sheet", line = b.line, message = &b.message)
                                } else {
                                    t!("import-bad-row", line = b.line, message = &b.message)
                                };
                                ui.label(RichText::new(text).color(ui.visuals().error_fg_color));
                            }
                        }
                    });
                ui.separator();
                ui.horizontal(|ui| {
                    let can = !plan.changes.is_empty();
                    let import = ui.add_enabled(can, egui::Button::new(t!("button-import")));
                    if can {
                        super::focus::take(ui, super::focus::Window::Import, &import);
                    }
                    if import.clicked() {
                        command = Some(Command::File(FileCommand::ImportSurvey));
                    }
                    let cancel = ui.button(t!("button-cancel"));
                    super::focus::take(ui, super::focus::Window::Import, &cancel);
                    if cancel.clicked() {
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

/// The delimiter's name, for the preview.
fn delimiter_name(delimiter: u8) -> String {
    match delimiter {
        b';' => t!("import-delimiter-semicolon"),
        b'\t' => t!("import-delimiter-tab"),
        _ => t!("import-delimiter-comma"),
    }
}

/// A column as the preview names it: its spreadsheet letter and header.
fn column_name(header: &[String], column: usize) -> String {
    let mut letters = String::new();
    let mut n = column + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.insert(0, char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    match header.get(column) {
        Some(h) if !h.is_empty() => format!("{letters}: {h}"),
        _ => letters,
    }
}

/// The measures a survey answers.
const SURVEY_MEASURES: [MeasureKind; 4] = [
    MeasureKind::Nps,
    MeasureKind::Nev,
    MeasureKind::Ces,
    MeasureKind::Csat,
];

/// What the file is (encoding and delimiter, or the sheet, with a choice of sheet) and
/// which columns hold what, with the choice of columns: the column step. Returns a
/// command when the user changes the sheet or a column.
fn columns_ui(ui: &mut egui::Ui, preview: &SurveyPreview, journey: &Journey) -> Option<Command> {
    let mut command = None;
    let header = preview.table.header();
    ui.add_space(4.0);
    match &preview.table.source {
        Source::Csv {
            delimiter,
            encoding,
        } => {
            ui.weak(t!(
                "import-source-csv",
                encoding = encoding.label(),
                delimiter = delimiter_name(*delimiter)
            ));
        }
        Source::Sheet { name, sheets } => {
            egui::ComboBox::from_label(t!("import-sheet"))
                .selected_text(name.as_str())
                .show_ui(ui, |ui| {
                    crate::ui::popups::close_on_keyboard_choice(ui);
                    for s in sheets {
                        if ui.selectable_label(s == name, s.as_str()).clicked() && s != name {
                            command = Some(Command::File(FileCommand::SurveySheet(s.clone())));
                        }
                    }
                });
        }
    }
    ui.strong(t!("import-columns-heading"));
    match (&preview.layout, preview.remembered) {
        (Some(_), true) => ui.weak(t!("import-columns-remembered")),
        (Some(_), false) => ui.weak(t!("import-columns-found")),
        (None, _) => ui.colored_label(ui.visuals().warn_fg_color, t!("import-columns-ask")),
    };
    let set = |layout: SurveyLayout| Some(Command::File(FileCommand::SurveyColumns(Some(layout))));
    let wide = matches!(preview.layout, Some(SurveyLayout::Wide { .. }));
    let long = matches!(preview.layout, Some(SurveyLayout::Long { .. }));
    let last = header.len().saturating_sub(1);
    ui.horizontal(|ui| {
        if ui.radio(long, t!("import-layout-long")).clicked() && !long {
            command = set(SurveyLayout::Long {
                touchpoint: 0,
                measure: 1.min(last),
                score: 2.min(last),
            });
        }
        if ui.radio(wide, t!("import-layout-wide")).clicked() && !wide {
            command = set(SurveyLayout::Wide {
                questions: Vec::new(),
            });
        }
    });
    match &preview.layout {
        Some(SurveyLayout::Long {
            touchpoint,
            measure,
            score,
        }) => {
            let mut chosen = [*touchpoint, *measure, *score];
            egui::Grid::new("survey_long_columns").show(ui, |ui| {
                for (i, label) in [
                    t!("import-col-touchpoint"),
                    t!("import-col-measure"),
                    t!("import-col-score"),
                ]
                .into_iter()
                .enumerate()
                {
                    let label = ui.label(&label);
                    egui::ComboBox::from_id_salt(("survey_long", i))
                        .selected_text(column_name(&header, chosen[i]))
                        .show_ui(ui, |ui| {
                            crate::ui::popups::close_on_keyboard_choice(ui);
                            for c in 0..header.len() {
                                ui.selectable_value(&mut chosen[i], c, column_name(&header, c));
                            }
                        })
                        .response
                        .labelled_by(label.id);
                    ui.end_row();
                }
            });
            if chosen != [*touchpoint, *measure, *score] {
                command = set(SurveyLayout::Long {
                    touchpoint: chosen[0],
                    measure: chosen[1],
                    score: chosen[2],
                });
            }
        }
        Some(SurveyLayout::Wide { questions }) => {
            let names: Vec<String> = journey
                .touchpoints()
                .map(|c| c.text.trim().to_owned())
                .chain(journey.stages.iter().map(|s| s.name.trim().to_owned()))
                .filter(|n| !n.is_empty())
                .collect();
            let mut edited = questions.clone();
            egui::ScrollArea::vertical()
                .id_salt("survey_wide_columns")
                .max_height(220.0)
                .show(ui, |ui| {
                    egui::Grid::new("survey_wide_grid")
                        .striped(true)
                        .show(ui, |ui| {
                            ui.strong(t!("import-question-column"));
                            ui.strong(t!("import-col-touchpoint"));
                            ui.strong(t!("import-col-measure"));
                            ui.end_row();
                            for column in 0..header.len() {
                                question_row(ui, &header, column, &names, &mut edited);
                                ui.end_row();
                            }
                        });
                    super::scroll_focus::follow_focus(ui);
                });
            if edited != *questions {
                command = set(SurveyLayout::Wide { questions: edited });
            }
        }
        None => {}
    }
    command
}

/// One column of a one-respondent-per-row file: not a question, or a question about a
/// touchpoint or stage, with its measure. Edits `questions` (kept in column order).
fn question_row(
    ui: &mut egui::Ui,
    header: &[String],
    column: usize,
    names: &[String],
    questions: &mut Vec<SurveyQuestion>,
) {
    let label = ui.label(column_name(header, column));
    let at = questions.iter().position(|q| q.column == column);
    let current = at.map(|i| questions[i].target.clone());
    let mut target = current.clone();
    egui::ComboBox::from_id_salt(("survey_target", column))
        .selected_text(
            target
                .clone()
                .unwrap_or_else(|| t!("import-question-ignore")),
        )
        .show_ui(ui, |ui| {
            crate::ui::popups::close_on_keyboard_choice(ui);
            ui.selectable_value(&mut target, None, t!("import-question-ignore"));
            for n in names {
                ui.selectable_value(&mut target, Some(n.clone()), n.as_str());
            }
        })
        .response
        .labelled_by(label.id);
    let mut measure = at.map_or(
        crate::io::survey::columns::measure_named(header.get(column).map_or("", String::as_str))
            .unwrap_or(MeasureKind::Nps),
        |i| questions[i].measure,
    );
    let before = measure;
    ui.add_enabled_ui(target.is_some(), |ui| {
        egui::ComboBox::from_id_salt(("survey_measure", column))
            .selected_text(measure.label())
            .show_ui(ui, |ui| {
                crate::ui::popups::close_on_keyboard_choice(ui);
                for m in SURVEY_MEASURES {
                    ui.selectable_value(&mut measure, m, m.label());
                }
            })
            .response
            .labelled_by(label.id);
    });
    if target == current && measure == before {
        return;
    }
    match (at, target) {
        (Some(i), None) => {
            questions.remove(i);
        }
        (Some(i), Some(target)) => {
            questions[i].target = target;
            questions[i].measure = measure;
        }
        (None, Some(target)) => {
            questions.push(SurveyQuestion {
                column,
                target,
                measure,
            });
            questions.sort_by_key(|q| q.column);
        }
        (None, None) => {}
    }
}
