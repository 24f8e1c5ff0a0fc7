//! The canvas's context menus (stage, lane, card, background) and the "Add lane" menu
//! the menu bar shares. They list [`Action`]s, so menus, shortcuts and help agree.

use crate::t;
use egui::{Response, Ui};

use super::Action;
use crate::app::{AppState, Command, Edit, Selection};
use crate::model::{
    Card, CardId, Channel, JourneyId, LaneId, LaneKind, Touchpoint, TouchpointClass,
};
use crate::ui::menu::action_item;

/// A context menu opened from the keyboard (Shift+F10, the Menu key): where it shows,
/// since the pointer may be anywhere.
#[derive(Clone, Copy, Debug)]
pub(super) struct KeyMenu {
    /// Where the menu shows, on screen.
    pub at: egui::Pos2,
}

/// The context menu of `r`: opened by a right-click at the pointer, or from the keyboard
/// at `key.at`. Its first item takes the keyboard focus when asked
/// ([`crate::ui::menu::focus_next_menu`]).
fn context_menu(r: &Response, key: Option<KeyMenu>, add_contents: impl FnOnce(&mut Ui)) {
    let mut popup = egui::Popup::context_menu(r);
    if let Some(k) = key {
        popup = popup.at_position(k.at);
    }
    popup.show(|ui| {
        crate::ui::menu::focus_first_item(ui);
        add_contents(ui);
    });
}

/// A stage header's menu.
pub(super) fn stage_context_menu(
    r: &Response,
    stage: crate::model::StageId,
    state: &AppState,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
    key: Option<KeyMenu>,
) {
    context_menu(r, key, |ui| {
        let mut chosen = None;
        for a in [
            Action::EditSelection,
            Action::AddStageBefore,
            Action::AddStageAfter,
            Action::AddAccelerator,
            Action::AddBlocker,
        ] {
            action_item(ui, a, true, &mut chosen);
        }
        ui.separator();
        action_item(ui, Action::ZoomIntoStage, true, &mut chosen);
        crate::ui::micro::zoom_template_menu(ui, state, Some(stage), out);
        ui.separator();
        action_item(ui, Action::DeleteSelection, true, &mut chosen);
        if let Some(a) = chosen {
            actions.push(a);
        }
    });
}

/// A lane header's menu, with "Add lane" below it.
pub(super) fn lane_context_menu(
    r: &Response,
    lane: LaneId,
    state: &AppState,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
    key: Option<KeyMenu>,
) {
    context_menu(r, key, |ui| {
        let mut chosen = None;
        action_item(ui, Action::EditSelection, true, &mut chosen);
        action_item(ui, Action::ToggleCollapse, true, &mut chosen);
        add_lane_menu(ui, state, Some(lane), out);
        action_item(ui, Action::DeleteSelection, true, &mut chosen);
        if let Some(a) = chosen {
            actions.push(a);
        }
    });
}

/// A card's (or emotion point's) menu, with its colour and, for a touchpoint, its class
/// and channel.
pub(super) fn card_context_menu(
    r: &Response,
    card: CardId,
    state: &AppState,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
    key: Option<KeyMenu>,
) {
    context_menu(r, key, |ui| {
        let mut chosen = None;
        for a in [
            Action::EditSelection,
            Action::Copy,
            Action::Duplicate,
            Action::AddAccelerator,
            Action::AddBlocker,
            Action::DeleteSelection,
        ] {
            action_item(ui, a, true, &mut chosen);
        }
        if let Some(journey) = state.current_journey()
            && let Some((lane, c)) = journey.card(card)
        {
            // Every touchpoint card offers its class and channel, set or not; choosing
            // one never fills in the other.
            if lane.kind == LaneKind::Touchpoints {
                touchpoint_menus(ui, journey.id, c, out);
            }
            ui.menu_button(t!("menu-colour"), |ui| {
                for token in crate::model::ColorToken::ALL {
                    if ui
                        .selectable_label(
                            c.color == token,
                            crate::i18n::labels::color_token(crate::i18n::interface(), token),
                        )
                        .clicked()
                    {
                        let mut c = c.clone();
                        c.color = token;
                        out.push(Command::Edit {
                            edit: Edit::SetCard {
                                journey: journey.id,
                                card: Box::new(c),
                            },
                            gesture: None,
                        });
                        ui.close();
                    }
                }
            });
        }
        if let Some(a) = chosen {
            actions.push(a);
        }
    });
}

/// "Touchpoint class" and "Channel" submenus of a touchpoint card.
fn touchpoint_menus(ui: &mut Ui, journey: JourneyId, card: &Card, out: &mut Vec<Command>) {
    let current = card.touchpoint.clone().unwrap_or(Touchpoint {
        channel: None,
        class: None,
        owner: String::new(),
    });
    let mut chosen = None;
    ui.menu_button(t!("menu-touchpoint-class"), |ui| {
        let classes = std::iter::once(None).chain(TouchpointClass::ALL.map(Some));
        for class in classes {
            let label =
                crate::i18n::labels::touchpoint_class_or_none(crate::i18n::interface(), class);
            if ui.selectable_label(current.class == class, label).clicked() {
                chosen = Some(Touchpoint {
                    class,
                    ..current.clone()
                });
                ui.close();
            }
        }
    });
    ui.menu_button(t!("menu-channel"), |ui| {
        let channels = std::iter::once(None).chain(Channel::VOCABULARY.map(Some));
        for channel in channels {
            let label =
                crate::i18n::labels::channel_or_none(crate::i18n::interface(), channel.as_ref());
            if ui
                .selectable_label(current.channel == channel, label)
                .clicked()
            {
                chosen = Some(Touchpoint {
                    channel: channel.clone(),
                    ..current.clone()
                });
                ui.close();
            }
        }
    });
    if let Some(tp) = chosen
        && card.touchpoint.as_ref() != Some(&tp)
    {
        let mut c = card.clone();
        c.touchpoint = Some(tp);
        out.push(Command::Edit {
            edit: Edit::SetCard {
                journey,
                card: Box::new(c),
            },
            gesture: None,
        });
    }
}

/// The empty map's menu: add a card in the empty cell that was right-clicked (it is
/// the selection), add a stage or lane, paste, zoom. Returns true when "Add card here"
/// was chosen, so that the new card opens for typing.
pub(super) fn background_context_menu(
    r: &Response,
    state: &AppState,
    out: &mut Vec<Command>,
    actions: &mut Vec<Action>,
    key: Option<KeyMenu>,
) -> bool {
    let mut added = false;
    context_menu(r, key, |ui| {
        let mut chosen = None;
        if let (Some(Selection::Cell { lane, stage }), Some(journey)) =
            (state.selection, state.current_journey())
        {
            if ui.button(t!("canvas-add-card-here")).clicked() {
                out.push(Command::Edit {
                    edit: Edit::add_empty_card(journey.id, lane, stage),
                    gesture: None,
                });
                added = true;
                ui.close();
            }
            ui.separator();
        }
        action_item(ui, Action::AddStageAtEnd, true, &mut chosen);
        add_lane_menu(ui, state, None, out);
        action_item(ui, Action::Paste, !state.clipboard.is_empty(), &mut chosen);
        ui.separator();
        action_item(ui, Action::ZoomToFit, true, &mut chosen);
        action_item(ui, Action::Zoom100, true, &mut chosen);
        if let Some(a) = chosen {
            actions.push(a);
        }
    });
    added
}

/// "Add lane" with a submenu of lane kinds; the new lane goes below `below` (or last).
pub fn add_lane_menu(ui: &mut Ui, state: &AppState, below: Option<LaneId>, out: &mut Vec<Command>) {
    let Some(journey) = state.current_journey() else {
        return;
    };
    ui.menu_button(t!("menu-add-lane"), |ui| {
        let index = below
            .and_then(|l| journey.lanes.iter().position(|x| x.id == l))
            .map_or(journey.lanes.len(), |i| i + 1);
        // The menu speaks the interface's language; the new lane's title, being map
        // text, the map's.
        let map_language = crate::i18n::Language::of_map(state.project());
        let shown = lane_kinds(crate::i18n::interface());
        for ((kind, title), (_, label)) in lane_kinds(map_language).into_iter().zip(shown) {
            if ui.button(&label).clicked() {
                out.push(Command::Edit {
                    edit: Edit::AddLane {
                        journey: journey.id,
                        index,
                        kind,
                        title,
                    },
                    gesture: None,
                });
                ui.close();
            }
        }
    });
}

/// The lane kinds offered when adding a lane, each with its default title in `lang`.
pub fn lane_kinds(lang: crate::i18n::Language) -> Vec<(LaneKind, String)> {
    use crate::model::{MeasureKind, TextRole};
    let mut kinds: Vec<LaneKind> = TextRole::ALL.map(LaneKind::Text).to_vec();
    kinds.push(LaneKind::Touchpoints);
    kinds.push(LaneKind::Emotion {
        persona: None,
        compare: Vec::new(),
    });
    kinds.push(LaneKind::Quotes);
    kinds.extend(MeasureKind::ALL.map(LaneKind::Measures));
    kinds.push(LaneKind::FrontStage);
    kinds.push(LaneKind::BackStage);
    kinds.push(LaneKind::Department(
        crate::i18n::labels::default_department(lang),
    ));
    kinds
        .into_iter()
        .map(|kind| {
            let title = crate::i18n::labels::default_lane_title(lang, &kind);
            (kind, title)
        })
        .collect()
}
