//! The command palette (Ctrl+K: type to find any action, with its shortcut) and the
//! keyboard shortcuts sheet (F1, Help menu). Both read the one list of [`Action`]s, so
//! they never disagree with the menus.

use egui::{Id, Key, Modal};

use super::Action;
use super::actions::Menu;
use crate::t;

/// The command palette's state while it is open.
#[derive(Default)]
pub struct Palette {
    query: String,
    /// The highlighted entry among the matches.
    cursor: usize,
    focused: bool,
}

impl Palette {
    /// The actions matching the query, in menu order.
    fn matches(&self) -> Vec<Action> {
        let mut all: Vec<Action> = Action::ALL
            .into_iter()
            .filter(|a| !matches!(a, Action::CommandPalette))
            .filter(|a| a.matches(&self.query))
            .collect();
        all.sort_by_key(|a| Menu::ALL.iter().position(|m| *m == a.menu()));
        all
    }

    /// Shows the palette. Returns the action chosen (Enter or a click); sets `close`
    /// when the palette should close.
    pub fn ui(&mut self, ctx: &egui::Context, close: &mut bool) -> Option<Action> {
        let matches = self.matches();
        let mut chosen = None;
        let (down, up, enter) = ctx.input(|i| {
            (
                i.key_pressed(Key::ArrowDown),
                i.key_pressed(Key::ArrowUp),
                i.key_pressed(Key::Enter),
            )
        });
        if down {
            self.cursor = (self.cursor + 1).min(matches.len().saturating_sub(1));
        }
        if up {
            self.cursor = self.cursor.saturating_sub(1);
        }
        self.cursor = self.cursor.min(matches.len().saturating_sub(1));
        Modal::new(Id::unique("command_palette")).show(ctx, |ui| {
            ui.set_width(460.0);
            let field = ui.add(
                egui::TextEdit::singleline(&mut self.query)
                    .hint_text(t!("palette-hint"))
                    .desired_width(f32::INFINITY),
            );
            field.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, t!("palette-field"))
            });
            if !self.focused {
                field.request_focus();
                self.focused = true;
            }
            if field.changed() {
                self.cursor = 0;
            }
            ui.separator();
            egui::ScrollArea::vertical()
                .max_height(360.0)
                .show(ui, |ui| {
                    if matches.is_empty() {
                        ui.weak(t!("palette-none"));
                    }
                    for (i, action) in matches.iter().enumerate() {
                        let text = format!("{} › {}", action.menu().label(), action.label());
                        let mut button = egui::Button::selectable(i == self.cursor, text);
                        if let Some(shortcut) = action.shortcuts().first() {
                            button = button.shortcut_text(ctx.format_shortcut(shortcut));
                        }
                        let r = ui.add(button);
                        if i == self.cursor && (down || up) {
                            r.scroll_to_me(None);
                        }
                        if r.clicked() {
                            chosen = Some(*action);
                        }
                    }
                });
        });
        if enter && chosen.is_none() {
            chosen = matches.get(self.cursor).copied();
        }
        if chosen.is_some() {
            *close = true;
        }
        chosen
    }
}

/// Keys that belong to the canvas and panels rather than to an action (shown in the
/// sheet after the actions): the keys and what they do.
fn canvas_keys() -> [(String, String); 13] {
    [
        (t!("key-arrows"), t!("key-arrows-what")),
        (t!("key-alt-arrows"), t!("key-alt-arrows-what")),
        (t!("key-context-menu"), t!("key-context-menu-what")),
        (t!("key-menu-bar"), t!("key-menu-bar-what")),
        (t!("key-resize"), t!("key-resize-what")),
        (t!("key-digits"), t!("key-digits-what")),
        (t!("key-double-click"), t!("key-double-click-what")),
        (t!("key-shift-enter"), t!("key-shift-enter-what")),
        (t!("key-escape"), t!("key-escape-what")),
        (t!("key-find-steps"), t!("key-find-steps-what")),
        (t!("key-pan"), t!("key-pan-what")),
        (t!("key-zoom"), t!("key-zoom-what")),
        (t!("key-rubber-band"), t!("key-rubber-band-what")),
    ]
}

/// The keys of a presentation (F5), as a presenter's clicker sends them.
fn presenting_keys() -> [(String, String); 7] {
    [
        (t!("key-present-next"), t!("key-present-next-what")),
        (t!("key-present-previous"), t!("key-present-previous-what")),
        (t!("key-present-home-end"), t!("key-present-home-end-what")),
        (t!("key-present-vote"), t!("key-present-vote-what")),
        (t!("key-present-new-card"), t!("key-present-new-card-what")),
        (t!("key-present-toggles"), t!("key-present-toggles-what")),
        (t!("key-present-escape"), t!("key-present-escape-what")),
    ]
}

/// The keyboard shortcuts sheet: every action with a shortcut, by menu, then the keys of
/// the canvas. Sets `open` to false when closed.
pub fn shortcuts_sheet_ui(ctx: &egui::Context, open: &mut bool) {
    let mut still_open = *open;
    egui::Window::new(t!("sheet-title"))
        .id(Id::unique("shortcuts_sheet"))
        .open(&mut still_open)
        .collapsible(false)
        .default_width(520.0)
        .show(ctx, |ui| {
            egui::ScrollArea::vertical()
                .max_height(ctx.content_rect().height() - 120.0)
                .show(ui, |ui| {
                    for menu in Menu::ALL {
                        ui.strong(menu.label());
                        egui::Grid::new(("shortcuts", menu as u8))
                            .num_columns(2)
                            .striped(true)
                            .show(ui, |ui| {
                                for action in Action::ALL.into_iter().filter(|a| a.menu() == menu) {
                                    let keys: Vec<String> = action
                                        .shortcuts()
                                        .iter()
                                        .map(|s| ctx.format_shortcut(s))
                                        .collect();
                                    if keys.is_empty() {
                                        continue;
                                    }
                                    ui.label(keys.join(", "));
                                    ui.label(action.label());
                                    ui.end_row();
                                }
                            });
                        ui.add_space(6.0);
                    }
                    ui.strong(t!("sheet-menus"));
                    egui::Grid::new("shortcuts_menus")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            let titles = super::menu::menu_titles();
                            for ((_, key), title) in super::menu::MNEMONICS.iter().zip(titles) {
                                ui.label(t!("sheet-menu-key", key = key.to_string()));
                                ui.label(title);
                                ui.end_row();
                            }
                            ui.label(t!("sheet-alt"));
                            ui.label(t!("sheet-alt-what"));
                            ui.end_row();
                        });
                    ui.add_space(6.0);
                    ui.strong(t!("sheet-canvas"));
                    egui::Grid::new("shortcuts_canvas")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            for (keys, what) in canvas_keys() {
                                ui.label(keys);
                                ui.label(what);
                                ui.end_row();
                            }
                        });
                    ui.add_space(6.0);
                    ui.strong(t!("sheet-presenting"));
                    egui::Grid::new("shortcuts_presenting")
                        .num_columns(2)
                        .striped(true)
                        .show(ui, |ui| {
                            for (keys, what) in presenting_keys() {
                                ui.label(keys);
                                ui.label(what);
                                ui.end_row();
                            }
                        });
                });
        });
    super::access::name_window_buttons(ctx, Id::unique("shortcuts_sheet"), &t!("sheet-title"));
    *open = still_open;
}
