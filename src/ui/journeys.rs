//! The journey list: every journey of the project, to show, add, duplicate, reorder
//! and delete. Renaming is done in the inspector (the journey's title).

use crate::t;
use egui::Ui;

use super::Action;
use crate::analysis::{Priority, Tier, rank_touchpoints};
use crate::app::{AppState, Command, Edit, Selection};
use crate::model::{Anchor, AnnotationKind};
use crate::theme;

/// Shows the journey list.
pub fn journey_list_ui(
    ui: &mut Ui,
    state: &AppState,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
) {
    ui.heading(t!("journeys-title"));
    let current = state.current_journey().map(|j| j.id);
    let count = state.project().journeys.len();
    ui.vertical(|ui| {
        for (i, journey) in state.project().journeys.iter().enumerate() {
            let selected = current == Some(journey.id);
            let untitled = t!("journeys-untitled");
            let title = if journey.title.is_empty() {
                &untitled
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
                if ui.button(Action::CopyMermaid.label()).clicked() {
                    out.push(Command::CopyMermaid(journey.id));
                    ui.close();
                }
                if ui
                    .add_enabled(i > 0, egui::Button::new(t!("journeys-move-up")))
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
                    .add_enabled(i + 1 < count, egui::Button::new(t!("journeys-move-down")))
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
        if ui
            .button(t!("journeys-add"))
            .on_hover_text(t!("action-new-journey"))
            .clicked()
        {
            actions.push(Action::NewJourney);
        }
        if ui.button(t!("journeys-duplicate")).clicked() {
            actions.push(Action::DuplicateJourney);
        }
        if ui
            .add_enabled(count > 1, egui::Button::new(t!("journeys-delete")))
            .clicked()
        {
            actions.push(Action::DeleteJourney);
        }
        let index = current.and_then(|id| state.project().journeys.iter().position(|j| j.id == id));
        if let (Some(i), Some(id)) = (index, current) {
            if ui
                .add_enabled(i > 0, egui::Button::new(t!("journeys-up")))
                .clicked()
            {
                out.push(Command::Edit {
                    edit: Edit::MoveJourney {
                        journey: id,
                        to_index: i - 1,
                    },
                    gesture: None,
                });
            }
            if ui
                .add_enabled(i + 1 < count, egui::Button::new(t!("journeys-down")))
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

/// Every accelerator and blocker of the journey, with its change; click to select.
pub fn annotations_ui(
    ui: &mut Ui,
    state: &AppState,
    out: &mut Vec<Command>,
    reveal: &mut Option<crate::model::CardId>,
) {
    let Some(journey) = state.current_journey() else {
        return;
    };
    if journey.annotations.is_empty() {
        ui.weak(t!("journeys-no-annotations"));
    }
    for a in &journey.annotations {
        let selected = state.selection == Some(Selection::Annotation(a.id));
        ui.horizontal(|ui| {
            marker_icon(ui, a.kind);
            let r = ui.selectable_label(selected, &a.title);
            if r.clicked() {
                out.push(Command::Select(Some(Selection::Annotation(a.id))));
                if let Anchor::Card(c) = a.anchor {
                    *reveal = Some(c);
                }
            }
        });
        let change = crate::i18n::labels::effect_summary(crate::i18n::interface(), a);
        if !change.is_empty() {
            ui.weak(format!("    {change}"));
        }
    }
}

/// The touchpoints ranked by what to fix first, with the reason; click to jump there.
pub fn priorities_ui(
    ui: &mut Ui,
    state: &AppState,
    ranked: &[Priority],
    show_all: &mut bool,
    out: &mut Vec<Command>,
    reveal: &mut Option<crate::model::CardId>,
) {
    if ranked.is_empty() {
        ui.weak(t!("journeys-no-touchpoints"));
    }
    // The top of the list is what matters; a long journey lists the rest on request.
    let shown = if *show_all {
        ranked.len()
    } else {
        ranked.len().min(PRIORITIES_SHOWN)
    };
    for p in &ranked[..shown] {
        let color = match p.tier {
            Tier::FixFirst => theme::color::RAG_RED,
            Tier::MakeAdequate => theme::color::RAG_AMBER,
            Tier::Fine => theme::color::RAG_GREEN,
            _ => ui.visuals().text_color(),
        };
        let selected = state.selection == Some(Selection::Card(p.card));
        let r = ui.selectable_label(
            selected,
            egui::RichText::new(format!("{}. {}", p.rank, p.text)).color(color),
        );
        let reason = p.reason.text(crate::i18n::interface());
        let r = r.on_hover_text(&reason);
        if r.clicked() {
            out.push(Command::Select(Some(Selection::Card(p.card))));
            *reveal = Some(p.card);
        }
        ui.label(egui::RichText::new(reason).small().weak());
    }
    if ranked.len() > PRIORITIES_SHOWN {
        let label = if *show_all {
            t!("journeys-show-top")
        } else {
            t!("journeys-show-all", count = ranked.len())
        };
        if ui.button(label).clicked() {
            *show_all = !*show_all;
        }
    }
}

/// How many priorities are listed before "Show all".
const PRIORITIES_SHOWN: usize = 25;

/// The ranked touchpoints of the current journey, recomputed only when the document or
/// the journey changes (ranking reads every measure and emotion card).
#[derive(Default)]
pub struct PriorityCache {
    key: Option<(u64, crate::model::JourneyId)>,
    ranked: Vec<Priority>,
    /// List every priority, not only the top ones.
    pub show_all: bool,
}

impl PriorityCache {
    /// The ranking for the state's current journey.
    pub fn get(&mut self, state: &AppState) -> &[Priority] {
        let Some(journey) = state.current_journey() else {
            self.key = None;
            self.ranked.clear();
            return &self.ranked;
        };
        let key = (state.revision(), journey.id);
        if self.key != Some(key) {
            self.ranked = rank_touchpoints(state.project(), journey);
            self.key = Some(key);
        }
        &self.ranked
    }
}

/// The map's accelerator (triangle) or blocker (octagon) marker, as a small icon.
fn marker_icon(ui: &mut Ui, kind: AnnotationKind) {
    let (rect, _) = ui.allocate_exact_size(egui::vec2(14.0, 14.0), egui::Sense::hover());
    let c = rect.center();
    let r = 6.0;
    let color = theme::annotation_color(kind);
    let points: Vec<egui::Pos2> = match kind {
        AnnotationKind::Accelerator => vec![
            c + egui::vec2(0.0, -r),
            c + egui::vec2(0.95 * r, 0.8 * r),
            c + egui::vec2(-0.95 * r, 0.8 * r),
        ],
        AnnotationKind::Blocker => (0..8)
            .map(|i| {
                let angle = std::f32::consts::TAU * (i as f32 + 0.5) / 8.0;
                c + egui::vec2(angle.cos(), angle.sin()) * r
            })
            .collect(),
    };
    ui.painter().add(egui::Shape::convex_polygon(
        points,
        color,
        egui::Stroke::NONE,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{LaneKind, TouchpointClass};

    #[test]
    fn the_priorities_follow_an_edit_merged_into_the_previous_undo_step() {
        let mut state = AppState::new(crate::io::sample::blank_project(), None);
        let journey = state.project().journeys[0].clone();
        let lane = journey
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Touchpoints)
            .map(|l| l.id);
        let edit = Edit::add_empty_card(journey.id, lane.unwrap(), journey.stages[0].id);
        state.apply(
            Command::Edit {
                edit,
                gesture: None,
            },
            0.0,
        );
        let mut cache = PriorityCache::default();
        assert_eq!(cache.get(&state)[0].class, None);
        // The inspector sends every change to one card as one gesture: typing its text,
        // then choosing its class a moment later, is one undo step.
        let Some(Selection::Card(id)) = state.selection else {
            panic!("the new card is not selected");
        };
        let card = |state: &AppState| state.current_journey().unwrap().card(id).unwrap().1.clone();
        let gesture = Some(42);
        let mut c = card(&state);
        c.text = "Identity check".to_owned();
        state.apply(
            Command::Edit {
                edit: Edit::SetCard {
                    journey: journey.id,
                    card: Box::new(c),
                },
                gesture,
            },
            1.0,
        );
        assert_eq!(cache.get(&state)[0].text, "Identity check");
        let mut c = card(&state);
        c.touchpoint = Some(crate::model::Touchpoint {
            channel: None,
            class: Some(TouchpointClass::MomentOfTruth),
            owner: String::new(),
        });
        state.apply(
            Command::Edit {
                edit: Edit::SetCard {
                    journey: journey.id,
                    card: Box::new(c),
                },
                gesture,
            },
            1.5,
        );
        assert_eq!(
            cache.get(&state)[0].class,
            Some(TouchpointClass::MomentOfTruth),
            "the priorities panel kept the ranking from before the class was set"
        );
        // Undo takes back the whole gesture, and the panel follows.
        state.apply(Command::Undo, 2.0);
        assert_eq!(cache.get(&state)[0].text, "");
    }
}
