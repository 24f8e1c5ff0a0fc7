//! Project settings: the map's language, the emotion scale, the NEV thresholds and the
//! RAG thresholds per measure. Applied as one undoable edit.

use egui::{DragValue, Id, Modal};

use crate::app::{Command, Edit};
use crate::i18n::{Language, interface, labels};
use crate::model::Settings;
use crate::t;

/// Shows the settings dialog over a working copy. Returns the edit when applied; sets
/// `close` when the dialog should close.
pub fn settings_ui(
    ctx: &egui::Context,
    settings: &mut Settings,
    close: &mut bool,
) -> Option<Command> {
    let mut command = None;
    Modal::new(Id::unique("settings_dialog")).show(ctx, |ui| {
        ui.heading("Project settings");
        map_language_ui(ui, settings);
        ui.add_space(4.0);
        ui.strong("Emotion scale");
        ui.horizontal(|ui| {
            let l = ui.label("From");
            ui.add(DragValue::new(&mut settings.emotion_scale.min).range(-100..=100))
                .labelled_by(l.id);
            let l = ui.label("to");
            ui.add(DragValue::new(&mut settings.emotion_scale.max).range(-100..=100))
                .labelled_by(l.id);
        });
        ui.add_space(4.0);
        ui.strong("Net Emotional Value (ratings 1-10)");
        ui.horizontal(|ui| {
            let l = ui.label("Positive from");
            ui.add(DragValue::new(&mut settings.nev.positive_at_least).range(1.0..=10.0))
                .labelled_by(l.id);
            let l = ui.label("Negative up to");
            ui.add(DragValue::new(&mut settings.nev.negative_at_most).range(1.0..=10.0))
                .labelled_by(l.id);
        });
        ui.add_space(4.0);
        ui.strong("Traffic lights (RAG)");
        egui::Grid::new("rag_grid").striped(true).show(ui, |ui| {
            ui.label("Measure");
            ui.label("Green at");
            ui.label("Amber at");
            ui.label("Higher is better");
            ui.end_row();
            for rule in &mut settings.rag {
                let name = labels::measure_kind(interface(), rule.measure);
                ui.label(&name);
                let named = |r: egui::Response, what: &str| {
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::SpinButton,
                            true,
                            format!("{name} {what}"),
                        )
                    });
                };
                named(
                    ui.add(DragValue::new(&mut rule.green).speed(0.5)),
                    "green at",
                );
                named(
                    ui.add(DragValue::new(&mut rule.amber).speed(0.5)),
                    "amber at",
                );
                let higher = rule.higher_is_better;
                ui.checkbox(&mut rule.higher_is_better, "").widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::CheckBox,
                        true,
                        higher,
                        format!("{name} higher is better"),
                    )
                });
                ui.end_row();
            }
        });
        let problem = if settings.emotion_scale.min >= settings.emotion_scale.max {
            Some("The emotion scale must go from a lower to a higher number.")
        } else if settings.nev.negative_at_most >= settings.nev.positive_at_least {
            Some("The negative NEV threshold must be below the positive one.")
        } else {
            None
        };
        if let Some(p) = problem {
            ui.colored_label(ui.visuals().error_fg_color, p);
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(problem.is_none(), egui::Button::new("Apply"))
                .clicked()
            {
                command = Some(Command::Edit {
                    edit: Edit::SetSettings {
                        settings: settings.clone(),
                    },
                    gesture: None,
                });
                *close = true;
            }
            if ui.button("Cancel").clicked() {
                *close = true;
            }
        });
    });
    command
}

/// The map's own language: the three languages by their native names. Part of the
/// settings edit, so undone with it.
fn map_language_ui(ui: &mut egui::Ui, settings: &mut Settings) {
    ui.horizontal(|ui| {
        let label = ui.strong(t!("settings-map-language"));
        // A tag this build has no messages for is shown as it is until a language is
        // chosen (validation reports it).
        let current = Language::from_tag(&settings.language)
            .map_or_else(|| settings.language.clone(), |l| l.native_name().to_owned());
        egui::ComboBox::from_id_salt("settings_map_language")
            .selected_text(current)
            .show_ui(ui, |ui| {
                for language in Language::ALL {
                    ui.selectable_value(
                        &mut settings.language,
                        language.tag().to_owned(),
                        language.native_name(),
                    );
                }
            })
            .response
            .labelled_by(label.id);
    });
    ui.weak(t!("settings-map-language-hint"));
}
