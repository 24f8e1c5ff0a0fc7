//! The journey list: every journey of the project, to show, add, duplicate, reorder
//! and delete. Renaming is done in the inspector (the journey's title).

use egui::Ui;

use super::Action;
use crate::app::{AppState, Command, Edit};

/// Shows the journey list.
pub fn journey_list_ui(
    ui: &mut Ui,
    state: &AppState,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
) {
    ui.heading("Journeys");
    let current = state.current_journey().map(|j| j.id);
    let count = state.project.journeys.len();
    egui::ScrollArea::vertical()
        .max_height(ui.available_height() - 60.0)
        .show(ui, |ui| {
            for (i, journey) in state.project.journeys.iter().enumerate() {
                let selected = current == Some(journey.id);
                let title = if journey.title.is_empty() {
                    "Untitled journey"
                } else {
                    &journey.title
                };
                let label = if journey.parent.is_some() {
                    format!("↳ {title}")
                } else {
                    title.to_owned()
                };
                let response = ui.selectable_label(selected, label);
                if response.clicked() && !selected {
                    out.push(Command::SelectJourney(journey.id));
                }
                response.context_menu(|ui| {
                    if ui
                        .add_enabled(i > 0, egui::Button::new("Move up"))
                        .clicked()
                    {
                        out.push(Command::Edit {
                            edit: Edit::MoveJourney {
                                journey: journey.id,
                                to_index: i - 1,
                            },
                            gesture: None,
                        });
                        ui.close();
                    }
                    if ui
                        .add_enabled(i + 1 < count, egui::Button::new("Move down"))
                        .clicked()
                    {
                        out.push(Command::Edit {
                            edit: Edit::MoveJourney {
                                journey: journey.id,
                                to_index: i + 1,
                            },
                            gesture: None,
                        });
                        ui.close();
                    }
                });
            }
        });
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        if ui.button("Add").on_hover_text("New journey").clicked() {
            actions.push(Action::NewJourney);
        }
        if ui.button("Duplicate").clicked() {
            actions.push(Action::DuplicateJourney);
        }
        if ui
            .add_enabled(count > 1, egui::Button::new("Delete"))
            .clicked()
        {
            actions.push(Action::DeleteJourney);
        }
        let index = current.and_then(|id| state.project.journeys.iter().position(|j| j.id == id));
        if let (Some(i), Some(id)) = (index, current) {
            if ui.add_enabled(i > 0, egui::Button::new("Up")).clicked() {
                out.push(Command::Edit {
                    edit: Edit::MoveJourney {
                        journey: id,
                        to_index: i - 1,
                    },
                    gesture: None,
                });
            }
            if ui
                .add_enabled(i + 1 < count, egui::Button::new("Down"))
                .clicked()
            {
                out.push(Command::Edit {
                    edit: Edit::MoveJourney {
                        journey: id,
                        to_index: i + 1,
                    },
                    gesture: None,
                });
            }
        }
    });
}
