//! Macro and micro journeys in the window: the breadcrumb above a micro journey's map,
//! the "zoom in with a template" menu, the question asked before deleting or
//! duplicating a journey (or stage) that has micro journeys, and the inspector's link.

use crate::t;
use egui::{Id, Key, Modal, Ui};

use crate::app::{AppState, Command, Edit, FileCommand};
use crate::model::{Journey, JourneyId, JourneyLink, StageId};

/// Where the breadcrumb leads: a journey, with one of its stages selected and scrolled
/// into view.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Crumb {
    /// The journey to show.
    pub journey: JourneyId,
    /// The stage to select, if any.
    pub stage: Option<StageId>,
}

/// A journey's title, or "Untitled journey".
pub fn title_of(journey: &Journey) -> String {
    if journey.title.is_empty() {
        t!("journeys-untitled")
    } else {
        journey.title.clone()
    }
}

/// The breadcrumb above a micro journey's map: "Macro title › Stage name › this
/// journey", every level up to the top macro journey. Returns where a click leads.
pub fn breadcrumb_ui(ui: &mut Ui, state: &AppState) -> Option<Crumb> {
    let journey = state.current_journey()?;
    journey.parent?;
    let project = state.project();
    // From the top macro journey down to this one.
    let mut chain: Vec<&Journey> = project
        .ancestors(journey.id)
        .iter()
        .filter_map(|id| project.journey(*id))
        .collect();
    chain.reverse();
    chain.push(journey);
    let mut clicked = None;
    ui.horizontal_wrapped(|ui| {
        ui.label(egui::RichText::new(t!("micro-breadcrumb-label")).weak());
        for pair in chain.windows(2) {
            let (above, below) = (pair[0], pair[1]);
            if ui.link(title_of(above)).clicked() {
                clicked = Some(Crumb {
                    journey: above.id,
                    stage: None,
                });
            }
            ui.label(t!("micro-path-separator"));
            if let Some(stage) = below.parent.and_then(|p| above.stage(p.stage)) {
                if ui
                    .link(&stage.name)
                    .on_hover_text(t!("micro-breadcrumb-back"))
                    .clicked()
                {
                    clicked = Some(Crumb {
                        journey: above.id,
                        stage: Some(stage.id),
                    });
                }
                ui.label(t!("micro-path-separator"));
            }
        }
        ui.strong(title_of(journey));
    });
    clicked
}

/// "Zoom in with a template": every template, each making a micro journey of `stage`
/// with its lanes. The templates are loaded the first time the menu opens.
pub fn zoom_template_menu(
    ui: &mut Ui,
    state: &AppState,
    stage: Option<StageId>,
    out: &mut Vec<Command>,
) {
    let journey = state.current_journey().map(|j| j.id);
    let enabled = journey.is_some() && stage.is_some();
    ui.add_enabled_ui(enabled, |ui| {
        ui.menu_button(t!("micro-zoom-with-template"), |ui| {
            let Some(list) = &state.templates else {
                out.push(Command::File(FileCommand::LoadTemplates));
                ui.weak(t!("micro-loading-templates"));
                return;
            };
            for template in &list.templates {
                let label = format!("{} ({})", template.name, template.language_name());
                if ui.button(label).clicked()
                    && let (Some(journey), Some(stage), Some(first)) =
                        (journey, stage, template.project.journeys.first())
                {
                    out.push(Command::Edit {
                        edit: Edit::ZoomIntoStage {
                            journey,
                            stage,
                            template: Box::new(first.clone()),
                        },
                        gesture: None,
                    });
                    ui.close();
                }
            }
        });
    });
}

/// A question asked before an edit that would affect micro journeys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// Deleting a stage that has micro journeys.
    DeleteStage {
        /// The journey.
        journey: JourneyId,
        /// The stage.
        stage: StageId,
    },
    /// Deleting a journey that has micro journeys.
    DeleteJourney(JourneyId),
    /// Duplicating a journey that has micro journeys.
    DuplicateJourney(JourneyId),
}

/// Asks `question` in a modal; returns the edit chosen, `Some(None)` for Cancel, or
/// `None` while the question is still open.
pub fn question_ui(
    ctx: &egui::Context,
    state: &AppState,
    question: Question,
) -> Option<Option<Edit>> {
    let project = state.project();
    let (count, title, options) = match question {
        Question::DeleteStage { journey, stage } => {
            let name = project
                .journey(journey)
                .and_then(|j| j.stage(stage))
                .map(|s| s.name.clone())
                .unwrap_or_default();
            let count = project.micro_journeys(journey, stage).count();
            (
                count,
                t!("micro-ask-delete-stage", name = name, count = count),
                [
                    (
                        t!("micro-keep-unlinked"),
                        Edit::DeleteStage { journey, stage },
                    ),
                    (
                        t!("micro-delete-too"),
                        Edit::DeleteStageAndMicro { journey, stage },
                    ),
                ],
            )
        }
        Question::DeleteJourney(journey) => {
            let name = project.journey(journey).map(title_of).unwrap_or_default();
            let count = project.descendants(journey).len();
            (
                count,
                t!("micro-ask-delete-journey", name = name, count = count),
                [
                    (t!("micro-keep-unlinked"), Edit::DeleteJourney { journey }),
                    (
                        t!("micro-delete-too"),
                        Edit::DeleteJourneyAndMicro { journey },
                    ),
                ],
            )
        }
        Question::DuplicateJourney(journey) => {
            let name = project.journey(journey).map(title_of).unwrap_or_default();
            let count = project.descendants(journey).len();
            (
                count,
                t!("micro-ask-duplicate-journey", name = name, count = count),
                [
                    (
                        t!("micro-duplicate-with"),
                        Edit::DuplicateJourneyAndMicro { journey },
                    ),
                    (
                        t!("micro-duplicate-alone"),
                        Edit::DuplicateJourney { journey },
                    ),
                ],
            )
        }
    };
    if count == 0 {
        // Nothing below it any more (an undo while the question was open): nothing is
        // done without asking again.
        return Some(None);
    }
    let mut answer = None;
    Modal::new(Id::unique("micro_question")).show(ctx, |ui| {
        ui.set_max_width(460.0);
        ui.heading(t!("micro-ask-title"));
        ui.label(title);
        ui.add_space(8.0);
        ui.horizontal(|ui| {
            for (label, edit) in &options {
                if ui.button(label).clicked() {
                    answer = Some(Some(edit.clone()));
                }
            }
            if ui.button(t!("button-cancel")).clicked() || ui.input(|i| i.key_pressed(Key::Escape))
            {
                answer = Some(None);
            }
        });
    });
    answer
}

/// The inspector's "Zooms into" choice: the stage of another journey this journey
/// details, or none. Offers only links that keep the tree a tree.
pub fn parent_picker_ui(ui: &mut Ui, state: &AppState, journey: &Journey, out: &mut Vec<Command>) {
    let project = state.project();
    let label_of = |link: JourneyLink| {
        project.journey(link.journey).map_or_else(String::new, |j| {
            let stage = j.stage(link.stage).map_or("", |s| s.name.as_str());
            t!("micro-path", outer = title_of(j), inner = stage)
        })
    };
    let none = t!("micro-not-linked");
    let mut chosen = journey.parent;
    let selected = journey.parent.map_or_else(|| none.clone(), label_of);
    let label = ui.label(t!("micro-zooms-into"));
    let combo = egui::ComboBox::from_id_salt("micro_parent")
        .selected_text(selected)
        .width(ui.available_width().min(240.0))
        .show_ui(ui, |ui| {
            crate::ui::popups::close_on_keyboard_choice(ui);
            ui.selectable_value(&mut chosen, None, none.as_str());
            for other in &project.journeys {
                if project.link_would_cycle(journey.id, other.id) {
                    continue;
                }
                for stage in &other.stages {
                    let link = JourneyLink {
                        journey: other.id,
                        stage: stage.id,
                    };
                    ui.selectable_value(&mut chosen, Some(link), label_of(link));
                }
            }
        });
    combo.response.labelled_by(label.id);
    if journey.parent.is_some() && ui.button(t!("micro-unlink")).clicked() {
        chosen = None;
    }
    if chosen != journey.parent {
        out.push(Command::Edit {
            edit: Edit::SetJourneyParent {
                journey: journey.id,
                parent: chosen,
            },
            gesture: None,
        });
    }
    let below: Vec<&Journey> = project.children(journey.id).collect();
    if !below.is_empty() {
        ui.label(t!("micro-its-micro", count = below.len()));
        for j in below {
            let stage = j
                .parent
                .and_then(|p| journey.stage(p.stage))
                .map_or("", |s| s.name.as_str());
            if ui
                .link(t!("micro-path", outer = stage, inner = title_of(j)))
                .clicked()
            {
                out.push(Command::SelectJourney(j.id));
            }
        }
    }
}

/// The stage inspector's list of the stage's micro journeys (each opens it) and a
/// button to zoom into the stage.
pub fn stage_micro_ui(
    ui: &mut Ui,
    state: &AppState,
    journey: JourneyId,
    stage: StageId,
    out: &mut Vec<Command>,
) {
    ui.separator();
    let micro: Vec<&Journey> = state.project().micro_journeys(journey, stage).collect();
    if !micro.is_empty() {
        ui.label(t!("micro-its-micro", count = micro.len()));
        for j in micro {
            if ui.link(title_of(j)).clicked() {
                out.push(Command::SelectJourney(j.id));
            }
        }
    }
    if ui.button(t!("micro-inspector-zoom")).clicked() {
        out.push(Command::Edit {
            edit: Edit::ZoomIntoStage {
                journey,
                stage,
                template: Box::new(crate::io::sample::blank_journey(
                    crate::i18n::Language::of_map(state.project()),
                )),
            },
            gesture: None,
        });
    }
}
