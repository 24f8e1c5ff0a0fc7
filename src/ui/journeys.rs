//! The journey list: every journey of the project, to show, add, duplicate, reorder
//! and delete. Renaming is done in the inspector (the journey's title).

use crate::t;
use egui::Ui;

use super::Action;
use crate::analysis::{Priority, Tier, rank_touchpoints, rank_touchpoints_with_micro};
use crate::app::{AppState, Command, Edit, Selection};
use crate::model::{Anchor, AnnotationKind, Journey, JourneyId, Project};
use crate::theme;

/// The journey list as a tree: macro journeys, their micro journeys indented below
/// them (collapsible), in list order within each level.
struct Tree {
    /// Each shown row: the journey, its depth, and whether it has micro journeys.
    rows: Vec<(JourneyId, usize, bool)>,
}

impl Tree {
    fn of(project: &Project, collapsed: &dyn Fn(JourneyId) -> bool) -> Self {
        // A journey whose link leads nowhere (or round in a loop) is shown at the top.
        let is_root = |j: &Journey| {
            j.parent.is_none_or(|p| {
                project.journey(p.journey).is_none() || project.is_own_ancestor(j.id)
            })
        };
        let mut rows = Vec::new();
        let mut seen = Vec::new();
        for root in project.journeys.iter().filter(|j| is_root(j)) {
            Self::visit(project, root.id, 0, collapsed, &mut rows, &mut seen);
        }
        Self { rows }
    }

    fn visit(
        project: &Project,
        id: JourneyId,
        depth: usize,
        collapsed: &dyn Fn(JourneyId) -> bool,
        rows: &mut Vec<(JourneyId, usize, bool)>,
        seen: &mut Vec<JourneyId>,
    ) {
        if seen.contains(&id) {
            return;
        }
        seen.push(id);
        let children: Vec<JourneyId> = project.children(id).map(|j| j.id).collect();
        rows.push((id, depth, !children.is_empty()));
        if collapsed(id) {
            // Hidden rows are still "seen": they never show up at the top instead.
            let mut below = project.descendants(id);
            seen.append(&mut below);
            return;
        }
        for child in children {
            Self::visit(project, child, depth + 1, collapsed, rows, seen);
        }
    }
}

/// The journeys at the same level as `journey` (the same macro journey, or none), in
/// list order, with their list indices.
fn siblings(project: &Project, journey: JourneyId) -> Vec<(usize, JourneyId)> {
    let parent = project
        .journey(journey)
        .and_then(|j| j.parent)
        .map(|p| p.journey)
        .filter(|p| project.journey(*p).is_some());
    project
        .journeys
        .iter()
        .enumerate()
        .filter(|(_, j)| {
            j.parent
                .map(|p| p.journey)
                .filter(|p| project.journey(*p).is_some())
                == parent
        })
        .map(|(i, j)| (i, j.id))
        .collect()
}

/// The edit that puts `journey` at position `slot` among its siblings (0 = first).
pub fn move_among_siblings(project: &Project, journey: JourneyId, slot: usize) -> Option<Edit> {
    let sibs = siblings(project, journey);
    let from = project.journeys.iter().position(|j| j.id == journey)?;
    let current = sibs.iter().position(|(_, id)| *id == journey)?;
    let others: Vec<usize> = sibs
        .iter()
        .filter(|(_, id)| *id != journey)
        .map(|(i, _)| *i)
        .collect();
    let slot = slot.min(others.len());
    if slot == current {
        return None;
    }
    // The list index it takes, counted after it is taken out of the list.
    let after_removal = |i: usize| if i > from { i - 1 } else { i };
    let to_index = match others.get(slot) {
        Some(&before) => after_removal(before),
        None => after_removal(*others.last()?) + 1,
    };
    Some(Edit::MoveJourney { journey, to_index })
}

/// The collapsed state of a journey's row, kept with the window (not in the file).
fn collapsed_id(journey: JourneyId) -> egui::Id {
    egui::Id::unique(("journey_collapsed", journey.0))
}

/// Shows the journey list.
pub fn journey_list_ui(
    ui: &mut Ui,
    state: &AppState,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
) {
    ui.heading(t!("journeys-title"));
    let current = state.current_journey().map(|j| j.id);
    let project = state.project();
    let count = project.journeys.len();
    let ctx = ui.ctx().clone();
    let collapsed = |id: JourneyId| {
        ctx.data(|d| d.get_temp::<bool>(collapsed_id(id)))
            .unwrap_or(false)
    };
    let tree = Tree::of(project, &collapsed);
    let drag_key = egui::Id::unique("journey_list_drag");
    let mut dragging: Option<JourneyId> = ui.data(|d| d.get_temp(drag_key));
    let mut dropped = false;
    let mut row_rects: Vec<(JourneyId, egui::Rect)> = Vec::new();
    ui.vertical(|ui| {
        for &(id, depth, has_children) in &tree.rows {
            let Some(journey) = project.journey(id) else {
                continue;
            };
            let selected = current == Some(id);
            let title = super::micro::title_of(journey);
            ui.horizontal(|ui| {
                ui.add_space(16.0 * depth as f32);
                // Only a journey with micro journeys has a toggle (a control with a
                // name); the others keep the room, not a nameless control.
                let sense = if has_children {
                    egui::Sense::click()
                } else {
                    egui::Sense::hover()
                };
                let (rect, toggle) = ui.allocate_exact_size(egui::vec2(14.0, 18.0), sense);
                if has_children {
                    let is_collapsed = collapsed(id);
                    let label = if is_collapsed {
                        t!("micro-expand")
                    } else {
                        t!("micro-collapse")
                    };
                    toggle.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            format!("{label}: {title}"),
                        )
                    });
                    // A triangle, right when folded, down when open (as egui's
                    // collapsing headers draw theirs).
                    let c = rect.center();
                    let r = 4.5;
                    let points = if is_collapsed {
                        vec![
                            c + egui::vec2(-r * 0.6, -r),
                            c + egui::vec2(r * 0.9, 0.0),
                            c + egui::vec2(-r * 0.6, r),
                        ]
                    } else {
                        vec![
                            c + egui::vec2(-r, -r * 0.6),
                            c + egui::vec2(r, -r * 0.6),
                            c + egui::vec2(0.0, r * 0.9),
                        ]
                    };
                    ui.painter().add(egui::Shape::convex_polygon(
                        points,
                        ui.visuals().text_color(),
                        egui::Stroke::NONE,
                    ));
                    let toggle = toggle.on_hover_text(&label);
                    if toggle.clicked() {
                        ctx.data_mut(|d| d.insert_temp(collapsed_id(id), !is_collapsed));
                    }
                }
                let response = ui.add(
                    egui::Button::selectable(selected, title.as_str())
                        .sense(egui::Sense::click_and_drag()),
                );
                row_rects.push((id, response.rect));
                if response.clicked() && !selected {
                    out.push(Command::SelectJourney(id));
                }
                if response.drag_started() {
                    dragging = Some(id);
                }
                if response.drag_stopped() {
                    dropped = true;
                }
                if dragging == Some(id) && response.dragged() {
                    ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
                }
                let sibs = siblings(project, id);
                let slot = sibs.iter().position(|(_, j)| *j == id).unwrap_or(0);
                response.context_menu(|ui| {
                    if ui.button(Action::CopyMermaid.label()).clicked() {
                        out.push(Command::CopyMermaid(id));
                        ui.close();
                    }
                    if ui
                        .add_enabled(slot > 0, egui::Button::new(t!("journeys-move-up")))
                        .clicked()
                    {
                        if let Some(edit) = move_among_siblings(project, id, slot.saturating_sub(1))
                        {
                            out.push(Command::Edit {
                                edit,
                                gesture: None,
                            });
                        }
                        ui.close();
                    }
                    if ui
                        .add_enabled(
                            slot + 1 < sibs.len(),
                            egui::Button::new(t!("journeys-move-down")),
                        )
                        .clicked()
                    {
                        if let Some(edit) = move_among_siblings(project, id, slot + 1) {
                            out.push(Command::Edit {
                                edit,
                                gesture: None,
                            });
                        }
                        ui.close();
                    }
                });
            });
        }
    });
    // A row dragged within its level: a line shows where it goes; released, it moves.
    if let Some(id) = dragging
        && let Some(pointer) = ui.ctx().pointer_latest_pos()
    {
        let sibs: Vec<JourneyId> = siblings(project, id).into_iter().map(|(_, j)| j).collect();
        let rects: Vec<egui::Rect> = sibs
            .iter()
            .filter(|j| **j != id)
            .filter_map(|j| row_rects.iter().find(|(r, _)| r == j).map(|(_, r)| *r))
            .collect();
        let slot = rects.iter().filter(|r| r.center().y < pointer.y).count();
        if let Some(line_y) = rects
            .get(slot)
            .map(|r| r.top() - 1.0)
            .or_else(|| rects.last().map(|r| r.bottom() + 1.0))
        {
            let x = row_rects
                .iter()
                .find(|(r, _)| *r == id)
                .map_or(ui.min_rect().left(), |(_, r)| r.left());
            ui.painter().hline(
                x..=ui.min_rect().right(),
                line_y,
                egui::Stroke::new(2.0, theme::color::SELECTION),
            );
        }
        if dropped {
            if let Some(edit) = move_among_siblings(project, id, slot) {
                out.push(Command::Edit {
                    edit,
                    gesture: None,
                });
            }
            dragging = None;
        }
    }
    if dropped {
        dragging = None;
    }
    ui.data_mut(|d| match dragging {
        Some(id) => {
            d.insert_temp(drag_key, id);
        }
        None => d.remove::<JourneyId>(drag_key),
    });
    ui.separator();
    ui.horizontal_wrapped(|ui| {
        // Each button says, to a screen reader, which journey it acts on.
        let name = current
            .and_then(|id| project.journey(id))
            .map(super::micro::title_of)
            .unwrap_or_default();
        let named = |r: egui::Response, label: String| {
            super::access::name(&r, egui::Role::Button, label);
            r
        };
        let add = named(ui.button(t!("journeys-add")), t!("journeys-add-named"));
        if add.on_hover_text(t!("action-new-journey")).clicked() {
            actions.push(Action::NewJourney);
        }
        if named(
            ui.button(t!("journeys-duplicate")),
            t!("journeys-duplicate-named", name = &name),
        )
        .clicked()
        {
            actions.push(Action::DuplicateJourney);
        }
        if named(
            ui.add_enabled(count > 1, egui::Button::new(t!("journeys-delete"))),
            t!("journeys-delete-named", name = &name),
        )
        .clicked()
        {
            actions.push(Action::DeleteJourney);
        }
        if let Some(id) = current {
            let sibs = siblings(project, id);
            let slot = sibs.iter().position(|(_, j)| *j == id).unwrap_or(0);
            if named(
                ui.add_enabled(slot > 0, egui::Button::new(t!("journeys-up"))),
                t!("journeys-up-named", name = &name),
            )
            .clicked()
                && let Some(edit) = move_among_siblings(project, id, slot.saturating_sub(1))
            {
                out.push(Command::Edit {
                    edit,
                    gesture: None,
                });
            }
            if named(
                ui.add_enabled(
                    slot + 1 < sibs.len(),
                    egui::Button::new(t!("journeys-down")),
                ),
                t!("journeys-down-named", name = &name),
            )
            .clicked()
                && let Some(edit) = move_among_siblings(project, id, slot + 1)
            {
                out.push(Command::Edit {
                    edit,
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
/// A macro journey's list can take in its micro journeys' touchpoints (a toggle); each
/// of those names the journey it comes from.
pub fn priorities_ui(
    ui: &mut Ui,
    state: &AppState,
    ranked: &[(JourneyId, Priority)],
    toggles: (&mut bool, &mut bool),
    out: &mut Vec<Command>,
    reveal: &mut Option<crate::model::CardId>,
) {
    let (show_all, with_micro) = toggles;
    let current = state.current_journey().map(|j| j.id);
    if current.is_some_and(|id| state.project().children(id).next().is_some()) {
        ui.checkbox(with_micro, t!("micro-priorities-with"));
    }
    if ranked.is_empty() {
        ui.weak(t!("journeys-no-touchpoints"));
    }
    // The top of the list is what matters; a long journey lists the rest on request.
    let shown = if *show_all {
        ranked.len()
    } else {
        ranked.len().min(PRIORITIES_SHOWN)
    };
    for (journey, p) in &ranked[..shown] {
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
            if Some(*journey) != current {
                out.push(Command::SelectJourney(*journey));
            }
            out.push(Command::Select(Some(Selection::Card(p.card))));
            *reveal = Some(p.card);
        }
        if Some(*journey) != current
            && let Some(j) = state.project().journey(*journey)
        {
            ui.label(
                egui::RichText::new(t!(
                    "micro-priorities-from",
                    journey = super::micro::title_of(j)
                ))
                .small()
                .italics(),
            );
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
    key: Option<(u64, crate::model::JourneyId, bool)>,
    ranked: Vec<(JourneyId, Priority)>,
    /// List every priority, not only the top ones.
    pub show_all: bool,
    /// Rank the micro journeys' touchpoints with the macro journey's.
    pub with_micro: bool,
}

impl PriorityCache {
    /// The ranking for the state's current journey, each with its journey.
    pub fn get(&mut self, state: &AppState) -> &[(JourneyId, Priority)] {
        let Some(journey) = state.current_journey() else {
            self.key = None;
            self.ranked.clear();
            return &self.ranked;
        };
        let key = (state.revision(), journey.id, self.with_micro);
        if self.key != Some(key) {
            self.ranked = if self.with_micro {
                rank_touchpoints_with_micro(state.project(), journey)
            } else {
                rank_touchpoints(state.project(), journey)
                    .into_iter()
                    .map(|p| (journey.id, p))
                    .collect()
            };
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
    fn a_journey_moves_among_the_journeys_of_its_own_level() {
        let mut p = crate::io::sample::sample_project();
        let macro_id = p.journeys[0].id;
        for stage in [1, 3, 5] {
            let edit = Edit::ZoomIntoStage {
                journey: macro_id,
                stage: p.journeys[0].stages[stage].id,
                template: Box::new(crate::io::sample::blank_project().journeys.remove(0)),
            };
            crate::app::apply_edit(&mut p, &edit);
        }
        let other = crate::io::sample::blank_project().journeys.remove(0);
        crate::app::apply_edit(
            &mut p,
            &Edit::AddJourney {
                template: Box::new(other),
                personas: Vec::new(),
            },
        );
        let ids: Vec<JourneyId> = p.journeys.iter().map(|j| j.id).collect();
        let (a, b, c, top) = (ids[1], ids[2], ids[3], ids[4]);
        // The micro journeys are one level; the macro journey and the new one another.
        assert_eq!(siblings(&p, b).len(), 3);
        assert_eq!(siblings(&p, top).len(), 2);
        // The last micro journey first.
        let edit = move_among_siblings(&p, c, 0).unwrap();
        crate::app::apply_edit(&mut p, &edit);
        let order: Vec<JourneyId> = p.journeys.iter().map(|j| j.id).collect();
        assert_eq!(order, vec![macro_id, c, a, b, top]);
        // The first one last among them (never past the other level's journey).
        let edit = move_among_siblings(&p, c, 9).unwrap();
        crate::app::apply_edit(&mut p, &edit);
        let order: Vec<JourneyId> = p.journeys.iter().map(|j| j.id).collect();
        assert_eq!(order, vec![macro_id, a, b, c, top]);
        // Where it already is: nothing to do.
        assert_eq!(move_among_siblings(&p, c, 2), None);
        // The top-level journey before the macro journey.
        let edit = move_among_siblings(&p, top, 0).unwrap();
        crate::app::apply_edit(&mut p, &edit);
        assert_eq!(p.journeys[0].id, top);
        // The tree shows each micro journey under its macro journey whatever the order.
        let tree = Tree::of(&p, &|_| false);
        let rows: Vec<(JourneyId, usize)> = tree.rows.iter().map(|r| (r.0, r.1)).collect();
        assert_eq!(rows, vec![(top, 0), (macro_id, 0), (a, 1), (b, 1), (c, 1)]);
        let folded = Tree::of(&p, &|id| id == macro_id);
        assert_eq!(folded.rows.len(), 2);
    }

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
        assert_eq!(cache.get(&state)[0].1.class, None);
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
        assert_eq!(cache.get(&state)[0].1.text, "Identity check");
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
            cache.get(&state)[0].1.class,
            Some(TouchpointClass::MomentOfTruth),
            "the priorities panel kept the ranking from before the class was set"
        );
        // Undo takes back the whole gesture, and the panel follows.
        state.apply(Command::Undo, 2.0);
        assert_eq!(cache.get(&state)[0].1.text, "");
    }
}
