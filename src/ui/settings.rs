//! Project settings: the map's language, the emotion scale, the NEV thresholds, the CSAT
//! "satisfied" rule, the minimum base of a well-founded measure and the RAG thresholds
//! per measure. The map behind the dialog previews the settings while they are edited
//! (colours, recomputed values, low-base marks); Apply makes them one undoable edit,
//! Cancel leaves the project as it was.

use egui::{DragValue, Id, Modal};

use crate::app::{Command, Edit};
use crate::i18n::{Language, interface, labels};
use crate::model::{Project, Settings};
use crate::t;

/// Shows the settings dialog over a working copy. Returns the edit when applied; sets
/// `close` when the dialog should close.
pub fn settings_ui(
    ctx: &egui::Context,
    project: &Project,
    title: &mut String,
    settings: &mut Settings,
    close: &mut bool,
) -> Option<Command> {
    let mut command = None;
    Modal::new(Id::unique("settings_dialog")).show(ctx, |ui| {
        ui.heading(t!("settings-title"));
        // The project's own title: what the gallery, the file and a report call it.
        ui.horizontal(|ui| {
            let l = ui.label(t!("settings-project-title"));
            let field = ui
                .add(egui::TextEdit::singleline(title).desired_width(280.0))
                .labelled_by(l.id);
            super::focus::take(ui, super::focus::Window::Settings, &field);
        });
        map_language_ui(ui, settings);
        ui.add_space(4.0);
        ui.strong(t!("settings-emotion-scale"));
        ui.horizontal(|ui| {
            let l = ui.label(t!("settings-from"));
            ui.add(DragValue::new(&mut settings.emotion_scale.min).range(-100..=100))
                .labelled_by(l.id);
            let l = ui.label(t!("settings-to"));
            ui.add(DragValue::new(&mut settings.emotion_scale.max).range(-100..=100))
                .labelled_by(l.id);
        });
        ui.add_space(4.0);
        ui.strong(t!("settings-nev"));
        ui.horizontal(|ui| {
            let l = ui.label(t!("settings-nev-positive"));
            ui.add(DragValue::new(&mut settings.nev.positive_at_least).range(1.0..=10.0))
                .labelled_by(l.id);
            let l = ui.label(t!("settings-nev-negative"));
            ui.add(DragValue::new(&mut settings.nev.negative_at_most).range(1.0..=10.0))
                .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label(t!("settings-csat-satisfied"));
            ui.add(DragValue::new(&mut settings.csat_satisfied_at_least).range(1..=5))
                .labelled_by(l.id);
        });
        ui.horizontal(|ui| {
            let l = ui.label(t!("settings-min-base"));
            ui.add(DragValue::new(&mut settings.min_base).range(1..=1_000_000))
                .labelled_by(l.id);
        });
        ui.add_space(4.0);
        ui.strong(t!("settings-rag"));
        egui::Grid::new("rag_grid").striped(true).show(ui, |ui| {
            ui.label(t!("settings-measure"));
            ui.label(t!("settings-green-at"));
            ui.label(t!("settings-amber-at"));
            ui.label(t!("settings-higher-better"));
            ui.end_row();
            for rule in &mut settings.rag {
                let name = labels::measure_kind(interface(), rule.measure);
                ui.label(&name);
                let named = |r: egui::Response, what: String| {
                    r.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::SpinButton,
                            true,
                            t!("settings-named", name = &name, what = what.as_str()),
                        )
                    });
                };
                named(
                    ui.add(DragValue::new(&mut rule.green).speed(0.5)),
                    t!("settings-green-at"),
                );
                named(
                    ui.add(DragValue::new(&mut rule.amber).speed(0.5)),
                    t!("settings-amber-at"),
                );
                let higher = rule.higher_is_better;
                ui.checkbox(&mut rule.higher_is_better, "").widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::CheckBox,
                        true,
                        higher,
                        t!(
                            "settings-named",
                            name = &name,
                            what = t!("settings-higher-better")
                        ),
                    )
                });
                ui.end_row();
            }
        });
        let problem = settings_problem(settings, project);
        if let Some(p) = &problem {
            ui.colored_label(ui.visuals().error_fg_color, p);
        }
        ui.separator();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(problem.is_none(), egui::Button::new(t!("button-apply")))
                .clicked()
            {
                command = Some(Command::Edit {
                    edit: Edit::SetSettings {
                        title: title.clone(),
                        settings: settings.clone(),
                    },
                    gesture: None,
                });
                *close = true;
            }
            if ui.button(t!("button-cancel")).clicked() {
                *close = true;
            }
        });
    });
    command
}

/// The edit the dialog would apply, for the map to preview while the dialog is open:
/// `None` while the settings are refused (the map keeps the project's own) or unchanged.
pub fn preview_edit(project: &Project, title: &str, settings: &Settings) -> Option<Edit> {
    (settings_problem(settings, project).is_none() && *settings != project.settings).then(|| {
        Edit::SetSettings {
            title: title.to_owned(),
            settings: settings.clone(),
        }
    })
}

/// Why these settings cannot be applied to `project`, in the interface language; `None`
/// when they can. The same rules as the document's validation: a NaN, an NEV positive
/// threshold not above the negative one, a RAG rule whose green is not better than its
/// amber, or an emotion scale that leaves scores already on the maps off it (applying
/// would be refused, and the dialog's other changes lost with it).
fn settings_problem(settings: &Settings, project: &Project) -> Option<String> {
    let nev = settings.nev;
    let numbers_ok = nev.positive_at_least.is_finite()
        && nev.negative_at_most.is_finite()
        && settings
            .rag
            .iter()
            .all(|r| r.green.is_finite() && r.amber.is_finite());
    if !numbers_ok {
        return Some(t!("measures-threshold-not-a-number"));
    }
    let scale = settings.emotion_scale;
    if scale.min >= scale.max {
        return Some(t!("settings-bad-scale"));
    }
    let off_scale = project
        .journeys
        .iter()
        .flat_map(|j| &j.lanes)
        .flat_map(|l| &l.cards)
        .filter(|c| c.emotion.is_some_and(|e| !scale.contains(e)))
        .count();
    if off_scale > 0 {
        return Some(t!(
            "settings-scores-off-scale",
            count = off_scale,
            min = scale.min,
            max = scale.max
        ));
    }
    if nev.negative_at_most >= nev.positive_at_least {
        return Some(t!("settings-bad-nev"));
    }
    if settings.min_base == 0 {
        return Some(t!("settings-bad-min-base"));
    }
    if !(1..=5).contains(&settings.csat_satisfied_at_least) {
        return Some(t!("settings-bad-csat"));
    }
    let rule = settings.rag.iter().find(|r| !r.is_valid())?;
    let measure = labels::measure_kind(interface(), rule.measure);
    let (green, amber) = (
        crate::analysis::format_measure(rule.measure, rule.green),
        crate::analysis::format_measure(rule.measure, rule.amber),
    );
    Some(if rule.higher_is_better {
        t!(
            "measures-threshold-green-above-amber",
            measure = measure,
            green = green,
            amber = amber
        )
    } else {
        t!(
            "measures-threshold-green-below-amber",
            measure = measure,
            green = green,
            amber = amber
        )
    })
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
                crate::ui::popups::close_on_keyboard_choice(ui);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_scale_that_leaves_scores_off_it_cannot_be_applied() {
        // The sample's scores run from -5 to 5; 1 to 10 would leave the negative ones
        // off the scale, and the edit would be refused after the dialog closed.
        let project = crate::io::sample::sample_project();
        let mut settings = project.settings.clone();
        assert_eq!(settings_problem(&settings, &project), None);
        settings.emotion_scale.min = 1;
        settings.emotion_scale.max = 10;
        let problem = settings_problem(&settings, &project).unwrap_or_default();
        assert!(problem.contains("outside 1 to 10"), "{problem}");
        let mut narrowed = project.clone();
        narrowed.settings = settings;
        assert!(!narrowed.validate().is_empty());
        // A wider scale keeps every score on it.
        let mut wider = project.settings.clone();
        wider.emotion_scale.min = -10;
        wider.emotion_scale.max = 10;
        assert_eq!(settings_problem(&wider, &project), None);
    }
}
