//! The menu bar, built from the one list of [`Action`]s.

use egui::Ui;

use super::Action;
use crate::app::AppState;
use crate::t;

/// What the View menu's toggles show as on.
#[derive(Clone, Copy, Debug)]
pub struct Shown {
    /// Accelerators and blockers on the map.
    pub annotations: bool,
    /// Their notes.
    pub notes: bool,
    /// The journey list on the left.
    pub journeys_panel: bool,
    /// The inspector on the right.
    pub inspector: bool,
    /// The Top voted window.
    pub top_voted: bool,
    /// The minimap over the canvas.
    pub minimap: bool,
}

/// Where the request "focus the first item of the next menu shown" is kept.
fn focus_request_id() -> egui::Id {
    egui::Id::unique("waymark-focus-first-menu-item")
}

/// Asks the next menu shown (a menu of the bar, a context menu) to give the keyboard
/// focus to its first item, so that a menu opened from the keyboard is used with the
/// arrow keys, Enter and Escape.
pub fn focus_next_menu(ctx: &egui::Context) {
    ctx.data_mut(|d| d.insert_temp(focus_request_id(), true));
}

/// Called first thing in a menu's contents: gives the keyboard focus to the item about
/// to be added, if [`focus_next_menu`] asked for it.
pub fn focus_first_item(ui: &Ui) {
    let asked = ui
        .ctx()
        .data(|d| d.get_temp::<bool>(focus_request_id()))
        .unwrap_or(false);
    if asked {
        let first = ui.next_auto_id();
        ui.memory_mut(|m| m.request_focus(first));
        // A menu's first frame only measures it: its items cannot keep the focus yet,
        // so the request stays until the menu is shown for real.
        if !ui.is_sizing_pass() {
            ui.ctx().data_mut(|d| d.remove::<bool>(focus_request_id()));
        }
    }
}

/// The menus of the bar, in order, with the letter that opens each with Alt (the same
/// letters in every language, as Chinese menus show them: "文件(F)").
pub const MNEMONICS: [(egui::Key, char); 5] = [
    (egui::Key::F, 'F'),
    (egui::Key::E, 'E'),
    (egui::Key::M, 'M'),
    (egui::Key::V, 'V'),
    (egui::Key::H, 'H'),
];

/// The titles of the bar's menus, in [`MNEMONICS`]' order.
pub fn menu_titles() -> [String; 5] {
    [
        t!("menu-file"),
        t!("menu-edit"),
        t!("menu-map"),
        t!("menu-view"),
        t!("menu-help"),
    ]
}

/// A menu's title with its Alt letter: "File" (its F underlined while Alt is held),
/// "文件(F)" in Chinese.
fn menu_title(ui: &Ui, title: &str, key: char) -> egui::WidgetText {
    let text = t!("menu-mnemonic", menu = title, key = key.to_string());
    let alt = ui.input(|i| i.modifiers.alt && !i.modifiers.ctrl && !i.modifiers.command);
    let at = text
        .char_indices()
        .find(|(_, c)| c.eq_ignore_ascii_case(&key));
    let Some((at, c)) = at.filter(|_| alt) else {
        return text.into();
    };
    let style = ui.style();
    let font = egui::TextStyle::Button.resolve(style);
    let color = style.visuals.text_color();
    let plain = egui::TextFormat::simple(font, color);
    let underlined = egui::TextFormat {
        underline: egui::Stroke::new(1.0, color),
        ..plain.clone()
    };
    let mut job = egui::text::LayoutJob::default();
    let end = at + c.len_utf8();
    job.append(&text[..at], 0.0, plain.clone());
    job.append(&text[at..end], 0.0, underlined);
    job.append(&text[end..], 0.0, plain);
    job.into()
}

/// Where "Alt is down and nothing else happened since" is kept between frames.
fn alt_alone_id() -> egui::Id {
    egui::Id::unique("waymark-alt-pressed-alone")
}

/// True when Alt was pressed and released alone (no key, click or other modifier in
/// between): like F10, it opens the menu bar. A release counts only if nothing (Alt
/// again, a key) follows it in the same frame: the modifiers may flicker while a key
/// is pressed with Alt held.
fn alt_released_alone(ctx: &egui::Context) -> bool {
    const IDLE: u8 = 0;
    const ARMED: u8 = 1;
    const SPOILED: u8 = 2;
    let mut state = ctx
        .data(|d| d.get_temp::<u8>(alt_alone_id()))
        .unwrap_or(IDLE);
    let before = state;
    let mut released = false;
    ctx.input(|i| {
        for event in &i.events {
            let with = match event {
                egui::Event::ModifiersChanged(m) => {
                    released = false;
                    if *m == egui::Modifiers::ALT {
                        if state == IDLE {
                            state = ARMED;
                        }
                    } else if m.is_none() {
                        released = state == ARMED;
                        state = IDLE;
                    } else {
                        state = if m.alt { SPOILED } else { IDLE };
                    }
                    continue;
                }
                // The Alt key itself (winit reports it) is no other key.
                egui::Event::Key {
                    key: egui::Key::AltLeft | egui::Key::AltRight,
                    ..
                } => continue,
                egui::Event::Key { modifiers, .. }
                | egui::Event::PointerButton { modifiers, .. }
                | egui::Event::MouseWheel { modifiers, .. } => *modifiers,
                egui::Event::WindowFocused(_) => egui::Modifiers::ALT,
                _ => continue,
            };
            released = false;
            if state == ARMED || with.alt {
                state = SPOILED;
            }
        }
    });
    if state != before {
        ctx.data_mut(|d| d.insert_temp(alt_alone_id(), state));
    }
    released
}

/// The keyboard on the menu bar: F10 (or Alt pressed and released alone) opens the
/// first menu (or closes the open one); Alt and a menu's letter opens that menu; while
/// a menu of the bar is open, Left and Right open the menu beside it. The menu opened
/// gets the keyboard focus on its first item. Not while a modal dialog is open.
fn menu_bar_keys(ui: &Ui, buttons: &[egui::Response]) {
    let ids: Vec<egui::Id> = buttons
        .iter()
        .map(egui::Popup::default_response_id)
        .collect();
    let ctx = ui.ctx();
    let alt_alone = alt_released_alone(ctx);
    if ctx.memory(egui::Memory::top_modal_layer).is_some() {
        return;
    }
    let open = ids.iter().position(|id| egui::Popup::is_id_open(ctx, *id));
    let (f10, left, right) = ui.input(|i| {
        let plain = i.modifiers.is_none();
        (
            (plain && i.key_pressed(egui::Key::F10)) || alt_alone,
            plain && i.key_pressed(egui::Key::ArrowLeft),
            plain && i.key_pressed(egui::Key::ArrowRight),
        )
    });
    let letter = MNEMONICS
        .iter()
        .position(|(key, _)| ctx.input_mut(|i| i.consume_key(egui::Modifiers::ALT, *key)))
        .filter(|i| *i < ids.len());
    if letter.is_some() {
        // The letter typed with Alt opens a menu; it is not text for a field.
        ctx.input_mut(|i| i.events.retain(|e| !matches!(e, egui::Event::Text(_))));
    }
    let next = match open {
        _ if letter.is_some() && letter != open => letter,
        Some(i) if letter.is_some() => {
            egui::Popup::close_id(ctx, ids[i]);
            None
        }
        None if f10 => Some(0),
        Some(i) if f10 => {
            egui::Popup::close_id(ctx, ids[i]);
            None
        }
        Some(i) if left => Some((i + ids.len() - 1) % ids.len()),
        Some(i) if right => Some((i + 1) % ids.len()),
        _ => None,
    };
    if let Some(n) = next {
        // Opened before the bar is shown on the next frame: egui closes a popup that
        // was opened after its menu was drawn.
        ctx.data_mut(|d| d.insert_temp(open_request_id(), ids[n]));
        if let Some(i) = open {
            egui::Popup::close_id(ctx, ids[i]);
        }
        ctx.request_repaint();
    }
}

/// Where the menu of the bar to open on the next frame is kept.
fn open_request_id() -> egui::Id {
    egui::Id::unique("waymark-open-menu-of-bar")
}

/// Shows the menu bar (with the View menu's toggles: accelerators and blockers, their
/// notes, the side panels); returns the action chosen this frame, if any.
pub fn menu_bar_ui(
    ui: &mut Ui,
    state: &AppState,
    shown: Shown,
    out: &mut Vec<crate::app::Command>,
    open_recent: &mut Option<std::path::PathBuf>,
) -> Option<Action> {
    let mut chosen = None;
    let mut buttons = Vec::new();
    if let Some(id) = ui.ctx().data_mut(|d| {
        let id = d.get_temp::<egui::Id>(open_request_id());
        d.remove::<egui::Id>(open_request_id());
        id
    }) {
        egui::Popup::open_id(ui.ctx(), id);
        focus_next_menu(ui.ctx());
    }
    let titles = menu_titles();
    let title = |ui: &Ui, i: usize| menu_title(ui, &titles[i], MNEMONICS[i].1);
    egui::MenuBar::new().ui(ui, |ui| {
        let r = ui.menu_button(title(ui, 0), |ui| {
            focus_first_item(ui);
            for action in [Action::New, Action::NewFromTemplate, Action::Open] {
                action_item(ui, action, true, &mut chosen);
            }
            recent_menu_ui(ui, state, out, open_recent);
            for action in [Action::Save, Action::SaveAs, Action::RecoverUnsaved] {
                action_item(ui, action, true, &mut chosen);
            }
            action_item(
                ui,
                Action::SaveAsTemplate,
                state.current_journey().is_some(),
                &mut chosen,
            );
            ui.separator();
            action_item(
                ui,
                Action::ImportCsv,
                state.current_journey().is_some(),
                &mut chosen,
            );
            action_item(ui, Action::ImportMermaid, true, &mut chosen);
            for action in [
                Action::ExportPng,
                Action::ExportPdf,
                Action::ExportSvg,
                Action::ExportSlides,
                Action::ExportMermaid,
            ] {
                action_item(ui, action, state.current_journey().is_some(), &mut chosen);
            }
            action_item(
                ui,
                Action::ExportMeasures,
                !state.project().journeys.is_empty(),
                &mut chosen,
            );
            ui.separator();
            action_item(ui, Action::Quit, true, &mut chosen);
        });
        buttons.push(r.response);
        let r = ui.menu_button(title(ui, 1), |ui| {
            focus_first_item(ui);
            // Undo and Redo say what they will undo or redo.
            let undo = state.history.undo_label().map_or_else(
                || Action::Undo.label(),
                |what| t!("menu-undo-named", what = what),
            );
            let redo = state.history.redo_label().map_or_else(
                || Action::Redo.label(),
                |what| t!("menu-redo-named", what = what),
            );
            labelled_item(
                ui,
                Action::Undo,
                undo,
                state.history.can_undo(),
                &mut chosen,
            );
            labelled_item(
                ui,
                Action::Redo,
                redo,
                state.history.can_redo(),
                &mut chosen,
            );
            ui.separator();
            let cards = !state.selected_cards.is_empty();
            action_item(ui, Action::Cut, cards, &mut chosen);
            action_item(ui, Action::Copy, cards, &mut chosen);
            action_item(ui, Action::Paste, !state.clipboard.is_empty(), &mut chosen);
            action_item(ui, Action::Duplicate, cards, &mut chosen);
            action_item(
                ui,
                Action::DeleteSelection,
                state.selection.is_some(),
                &mut chosen,
            );
            action_item(
                ui,
                Action::EditSelection,
                state.selection.is_some(),
                &mut chosen,
            );
            ui.separator();
            action_item(ui, Action::Find, true, &mut chosen);
        });
        buttons.push(r.response);
        let r = ui.menu_button(title(ui, 2), |ui| {
            focus_first_item(ui);
            action_item(ui, Action::AddStageAtEnd, true, &mut chosen);
            action_item(
                ui,
                Action::AddStageBefore,
                matches!(state.selection, Some(crate::app::Selection::Stage(_))),
                &mut chosen,
            );
            action_item(
                ui,
                Action::AddStageAfter,
                matches!(state.selection, Some(crate::app::Selection::Stage(_))),
                &mut chosen,
            );
            action_item(
                ui,
                Action::ToggleCollapse,
                matches!(state.selection, Some(crate::app::Selection::Lane(_))),
                &mut chosen,
            );
            super::canvas::add_lane_menu(ui, state, None, out);
            ui.separator();
            let pinnable = matches!(
                state.selection,
                Some(crate::app::Selection::Stage(_) | crate::app::Selection::Card(_))
            );
            action_item(ui, Action::AddAccelerator, pinnable, &mut chosen);
            action_item(ui, Action::AddBlocker, pinnable, &mut chosen);
            ui.separator();
            let stage = match state.selection {
                Some(crate::app::Selection::Stage(s)) => Some(s),
                _ => None,
            };
            action_item(ui, Action::ZoomIntoStage, stage.is_some(), &mut chosen);
            super::micro::zoom_template_menu(ui, state, stage, out);
            ui.separator();
            action_item(ui, Action::Personas, true, &mut chosen);
            action_item(ui, Action::Settings, true, &mut chosen);
            let votes = state
                .current_journey()
                .is_some_and(|j| j.lanes.iter().flat_map(|l| &l.cards).any(|c| c.votes > 0));
            action_item(ui, Action::ResetVotes, votes, &mut chosen);
            ui.separator();
            action_item(ui, Action::NewJourney, true, &mut chosen);
            action_item(
                ui,
                Action::DuplicateJourney,
                state.current_journey().is_some(),
                &mut chosen,
            );
            action_item(
                ui,
                Action::DeleteJourney,
                state.project().journeys.len() > 1,
                &mut chosen,
            );
            action_item(
                ui,
                Action::CopyMermaid,
                state.current_journey().is_some(),
                &mut chosen,
            );
        });
        buttons.push(r.response);
        let r = ui.menu_button(title(ui, 3), |ui| {
            focus_first_item(ui);
            action_item(
                ui,
                Action::Present,
                state.current_journey().is_some(),
                &mut chosen,
            );
            toggle_item(ui, Action::TopVoted, shown.top_voted, &mut chosen);
            toggle_item(ui, Action::ToggleMinimap, shown.minimap, &mut chosen);
            ui.separator();
            action_item(ui, Action::ZoomToFit, true, &mut chosen);
            action_item(ui, Action::Zoom100, true, &mut chosen);
            ui.separator();
            toggle_item(
                ui,
                Action::ToggleJourneysPanel,
                shown.journeys_panel,
                &mut chosen,
            );
            toggle_item(ui, Action::ToggleInspector, shown.inspector, &mut chosen);
            ui.separator();
            let mut on = shown.annotations;
            if ui
                .checkbox(&mut on, Action::ToggleAnnotations.label())
                .clicked()
            {
                chosen = Some(Action::ToggleAnnotations);
                ui.close();
            }
            let mut notes = shown.notes;
            if ui
                .add_enabled(
                    shown.annotations,
                    egui::Checkbox::new(&mut notes, Action::ToggleNotes.label()),
                )
                .clicked()
            {
                chosen = Some(Action::ToggleNotes);
                ui.close();
            }
            ui.separator();
            // Each language in its own name, so anyone can find theirs.
            ui.menu_button(t!("menu-language"), |ui| {
                for language in crate::i18n::Language::ALL {
                    let current = crate::i18n::interface() == language;
                    if ui.radio(current, language.native_name()).clicked() {
                        out.push(crate::app::Command::SetLanguage(language));
                        ui.close();
                    }
                }
            });
        });
        buttons.push(r.response);
        let r = ui.menu_button(title(ui, 4), |ui| {
            focus_first_item(ui);
            action_item(ui, Action::CommandPalette, true, &mut chosen);
            action_item(ui, Action::ShortcutsSheet, true, &mut chosen);
        });
        buttons.push(r.response);
    });
    menu_bar_keys(ui, &buttons);
    chosen
}

/// File > Open Recent: the last files opened or saved, newest first. A file that no
/// longer exists is shown greyed, with a button to remove it from the list.
fn recent_menu_ui(
    ui: &mut Ui,
    state: &AppState,
    out: &mut Vec<crate::app::Command>,
    open_recent: &mut Option<std::path::PathBuf>,
) {
    ui.add_enabled_ui(!state.recent.files.is_empty(), |ui| {
        ui.menu_button(t!("menu-open-recent"), |ui| {
            for path in &state.recent.files {
                let name = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |n| n.to_string_lossy().into_owned(),
                );
                ui.horizontal(|ui| {
                    // A file that is gone cannot be opened, only removed from the list.
                    let exists = crate::app::files::RecentFiles::available(path);
                    let button = ui
                        .add_enabled(exists, egui::Button::new(&name))
                        .on_hover_text(path.display().to_string())
                        .on_disabled_hover_text(t!("recent-missing", path = path.display()));
                    if button.clicked() {
                        *open_recent = Some(path.clone());
                        ui.close();
                    }
                    let remove = ui.small_button("x").on_hover_text(t!("recent-remove"));
                    remove.widget_info(|| {
                        egui::WidgetInfo::labeled(
                            egui::Role::Button,
                            true,
                            t!("recent-remove-named", name = &name),
                        )
                    });
                    if remove.clicked() {
                        out.push(crate::app::Command::ForgetRecent(path.clone()));
                    }
                });
            }
        });
    });
}

/// A menu entry that shows or hides something, marked while it is shown, with its
/// shortcut; sets `chosen` when clicked.
fn toggle_item(ui: &mut Ui, action: Action, on: bool, chosen: &mut Option<Action>) {
    let mut button = egui::Button::selectable(on, action.label());
    if let Some(shortcut) = action.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    let response = ui.add(button);
    response.widget_info(|| {
        egui::WidgetInfo::selected(egui::Role::MenuItemCheckBox, true, on, action.label())
    });
    if response.clicked() {
        *chosen = Some(action);
        ui.close();
    }
}

/// One menu entry for an action, with its shortcut; sets `chosen` when clicked.
pub fn action_item(ui: &mut Ui, action: Action, enabled: bool, chosen: &mut Option<Action>) {
    labelled_item(ui, action, action.label(), enabled, chosen);
}

/// A menu entry for an action under another label (e.g. "Undo Add card").
fn labelled_item(
    ui: &mut Ui,
    action: Action,
    label: String,
    enabled: bool,
    chosen: &mut Option<Action>,
) {
    let mut button = egui::Button::new(label);
    if let Some(shortcut) = action.shortcuts().first() {
        button = button.shortcut_text(ui.ctx().format_shortcut(shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        *chosen = Some(action);
        ui.close();
    }
}
