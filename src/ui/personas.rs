//! The persona library and editor (Map > Personas…): add, duplicate, reorder, delete,
//! export to and import from `.persona.ron`, and edit every field of a persona. Every
//! change is an undoable edit; an invalid age is shown inline and never stored.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{Id, RichText, Ui};

use crate::app::{AppState, Command, Edit, FileCommand};
use crate::i18n::Language;
use crate::model::{Channel, DeviceUsage, Persona, PersonaId};
use crate::{t, tm};

/// State of the persona window.
#[derive(Default)]
pub struct PersonaEditor {
    /// Whether the window is shown.
    pub open: bool,
    /// The age field's text while it is not a valid age.
    age_text: Option<(PersonaId, String)>,
    /// Text typed into each "add" field, by field key.
    new_items: HashMap<&'static str, String>,
    /// Path typed for export or import.
    path: String,
    /// The channel being dragged (its index) and where the pointer is.
    channel_drag: Option<(usize, egui::Pos2)>,
    /// The persona the form showed last frame: another one starts at the top.
    shown: Option<PersonaId>,
    /// Put the keyboard in the Name field, its text selected, once the persona just
    /// added or duplicated shows: typing names it.
    focus_name: bool,
}

/// The oldest plausible age.
const MAX_AGE: u32 = 120;

/// A valid age, or why the text is not one (in the interface language).
pub fn parse_age(text: &str) -> Result<Option<u32>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(age) if age <= MAX_AGE => Ok(Some(age)),
        // As text: an age is not a quantity to group into thousands.
        Ok(age) => Err(t!(
            "persona-age-implausible",
            age = age.to_string(),
            max = MAX_AGE.to_string()
        )),
        Err(_) => Err(t!("persona-age-not-a-number", text = text)),
    }
}

impl PersonaEditor {
    /// Shows the window; pushes edits to `out`.
    pub fn ui(&mut self, ctx: &egui::Context, state: &AppState, out: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        egui::Window::new(t!("persona-window-title"))
            .id(Id::unique("persona_window"))
            .open(&mut open)
            .default_size([760.0, 640.0])
            .max_width(900.0)
            .vscroll(false)
            .show(ctx, |ui| {
                ui.horizontal_top(|ui| {
                    ui.vertical(|ui| {
                        ui.set_width(200.0);
                        self.library_ui(ui, state, out);
                    });
                    ui.separator();
                    let selected = state
                        .selected_persona
                        .and_then(|id| state.project().persona(id))
                        .or_else(|| state.project().personas.first());
                    // Another persona (a new one above all) opens at the top of its form,
                    // a new one with the keyboard in its Name field.
                    let mut area = egui::ScrollArea::vertical();
                    if selected.map(|p| p.id) != self.shown {
                        self.shown = selected.map(|p| p.id);
                        area = area.vertical_scroll_offset(0.0);
                    }
                    area.show(ui, |ui| {
                        // A column: the row layout around the library does not carry in.
                        ui.vertical(|ui| {
                            ui.set_max_width(520.0);
                            match selected {
                                Some(p) => self.editor_ui(ui, p, out),
                                None => {
                                    ui.weak(t!("persona-none-yet"));
                                }
                            }
                        });
                        super::scroll_focus::follow_focus(ui);
                    });
                });
            });
        super::access::name_window_buttons(
            ctx,
            Id::unique("persona_window"),
            &t!("persona-window-title"),
        );
        self.open = open;
    }

    fn library_ui(&mut self, ui: &mut Ui, state: &AppState, out: &mut Vec<Command>) {
        let edit = |edit| Command::Edit {
            edit,
            gesture: None,
        };
        let current = state
            .selected_persona
            .filter(|id| state.project().persona(*id).is_some())
            .or_else(|| state.project().personas.first().map(|p| p.id));
        ui.strong(t!("persona-library"));
        let unnamed = t!("persona-unnamed");
        for p in &state.project().personas {
            let name = if p.name.is_empty() {
                unnamed.as_str()
            } else {
                &p.name
            };
            let r = ui.selectable_label(current == Some(p.id), name);
            if current == Some(p.id) {
                super::focus::take(ui, super::focus::Window::Personas, &r);
            }
            if r.clicked() {
                out.push(Command::SelectPersona(p.id));
            }
        }
        ui.separator();
        let index = current.and_then(|id| state.project().personas.iter().position(|p| p.id == id));
        // A persona's name is the map's text: in the map's language.
        let map_lang = Language::of_map(state.project());
        ui.horizontal_wrapped(|ui| {
            let add = ui.button(t!("persona-add"));
            // With no persona yet, the focus lands on "Add".
            super::focus::take(ui, super::focus::Window::Personas, &add);
            if add.clicked() {
                let persona = Persona {
                    name: tm!(map_lang, "persona-new-name"),
                    ..Persona::default()
                };
                out.push(edit(Edit::AddPersona {
                    persona: Box::new(persona),
                }));
                self.focus_name = true;
            }
            if let (Some(i), Some(id)) = (index, current) {
                let p = &state.project().personas[i];
                let pname = if p.name.is_empty() {
                    unnamed.clone()
                } else {
                    p.name.clone()
                };
                let named = |r: egui::Response, label: String| {
                    super::access::name(&r, egui::Role::Button, label);
                    r
                };
                if named(
                    ui.button(t!("persona-duplicate")),
                    t!("persona-duplicate-named", name = &pname),
                )
                .clicked()
                {
                    let mut copy = p.clone();
                    copy.name = tm!(map_lang, "persona-copy-name", name = &p.name);
                    out.push(edit(Edit::AddPersona {
                        persona: Box::new(copy),
                    }));
                    self.focus_name = true;
                }
                if named(
                    ui.add_enabled(i > 0, egui::Button::new(t!("persona-move-up"))),
                    t!("persona-move-up-named", name = &pname),
                )
                .clicked()
                {
                    out.push(edit(Edit::MovePersona {
                        persona: id,
                        to_index: i - 1,
                    }));
                }
                if named(
                    ui.add_enabled(
                        i + 1 < state.project().personas.len(),
                        egui::Button::new(t!("persona-move-down")),
                    ),
                    t!("persona-move-down-named", name = &pname),
                )
                .clicked()
                {
                    out.push(edit(Edit::MovePersona {
                        persona: id,
                        to_index: i + 1,
                    }));
                }
                if named(
                    ui.button(t!("persona-delete")),
                    t!("persona-delete-named", name = &pname),
                )
                .clicked()
                {
                    out.push(edit(Edit::DeletePersona { persona: id }));
                }
            }
        });
        ui.separator();
        ui.strong(t!("persona-reuse"));
        let l = ui.label(t!("persona-file"));
        ui.add(egui::TextEdit::singleline(&mut self.path).hint_text(t!("persona-file-hint")))
            .labelled_by(l.id);
        ui.horizontal_wrapped(|ui| {
            if let Some(p) = index.map(|i| &state.project().personas[i])
                && ui.button(t!("persona-export")).clicked()
            {
                let path = self.target_path(p);
                out.push(Command::File(FileCommand::ExportPersona {
                    persona: p.id,
                    path,
                }));
            }
            if ui.button(t!("persona-import")).clicked() {
                let path = PathBuf::from(self.path.trim());
                out.push(Command::File(FileCommand::ImportPersona(path)));
            }
        });
    }

    /// The export path: what was typed, or `<name>.persona.ron` in the current folder.
    fn target_path(&mut self, p: &Persona) -> PathBuf {
        if self.path.trim().is_empty() {
            let stem = crate::io::slug(&p.name);
            self.path = std::env::current_dir()
                .unwrap_or_default()
                .join(format!(
                    "{}.persona.ron",
                    if stem.is_empty() { "persona" } else { &stem }
                ))
                .display()
                .to_string();
        }
        PathBuf::from(self.path.trim())
    }

    fn editor_ui(&mut self, ui: &mut Ui, persona: &Persona, out: &mut Vec<Command>) {
        let mut p = persona.clone();
        let id = p.id;
        ui.heading(if p.name.is_empty() {
            t!("persona-heading")
        } else {
            p.name.clone()
        });
        let name = field(
            ui,
            &t!("persona-name"),
            &mut p.name,
            &t!("persona-name-hint"),
        );
        if self.focus_name && self.shown == Some(id) {
            // First the keyboard; once the field has it, its whole text selected.
            if name.has_focus()
                && let Some(mut edit_state) = egui::TextEdit::load_state(ui.ctx(), name.id)
            {
                self.focus_name = false;
                edit_state
                    .cursor
                    .set_char_range(Some(egui::text::CCursorRange::select_all_str(&p.name)));
                edit_state.store(ui.ctx(), name.id);
            } else {
                name.request_focus();
            }
        }

        // Age: kept as text while it is not valid; the model changes only on a valid age.
        let mut age_text = match &self.age_text {
            Some((pid, t)) if *pid == id => t.clone(),
            _ => p.age.map(|a| a.to_string()).unwrap_or_default(),
        };
        let l = ui.label(t!("persona-age"));
        let r = ui
            .add(egui::TextEdit::singleline(&mut age_text).desired_width(80.0))
            .labelled_by(l.id);
        match parse_age(&age_text) {
            Ok(age) => {
                p.age = age;
                if r.changed() {
                    self.age_text = None;
                }
            }
            Err(message) => {
                ui.label(RichText::new(message).color(ui.visuals().error_fg_color));
                self.age_text = Some((id, age_text));
            }
        }
        // The prompts are hints in empty fields, never stored values.
        field(
            ui,
            &t!("persona-location"),
            &mut p.location,
            &t!("persona-location-hint"),
        );
        field(
            ui,
            &t!("persona-segment"),
            &mut p.segment,
            &t!("persona-segment-hint"),
        );
        let l = ui.label(t!("persona-quote"));
        ui.add(
            egui::TextEdit::multiline(&mut p.quote)
                .desired_rows(2)
                .hint_text(t!("persona-quote-hint")),
        )
        .labelled_by(l.id);

        self.avatar_ui(ui, &mut p, out);
        for (key, label, items, prompt) in [
            (
                "favourite_brands",
                t!("persona-favourite-brands"),
                &mut p.favourite_brands,
                t!("persona-favourite-brands-hint"),
            ),
            (
                "brand_turn_ons",
                t!("persona-brand-turn-ons"),
                &mut p.brand_turn_ons,
                t!("persona-brand-turn-ons-hint"),
            ),
            (
                "brand_turn_offs",
                t!("persona-brand-turn-offs"),
                &mut p.brand_turn_offs,
                t!("persona-brand-turn-offs-hint"),
            ),
        ] {
            self.tags_ui(ui, key, &label, items, &prompt);
        }
        self.channels_ui(ui, &mut p.channel_preferences);
        Self::devices_ui(ui, &mut p.devices);
        for (key, label, items, prompt) in [
            (
                "behaviours",
                t!("persona-behaviours"),
                &mut p.behaviours,
                t!("persona-behaviours-hint"),
            ),
            (
                "goals",
                t!("persona-goals"),
                &mut p.goals,
                t!("persona-goals-hint"),
            ),
            (
                "needs",
                t!("persona-needs"),
                &mut p.needs,
                t!("persona-needs-hint"),
            ),
            (
                "desired_feelings",
                t!("persona-feelings-wanted"),
                &mut p.desired_feelings,
                t!("persona-feelings-wanted-hint"),
            ),
        ] {
            self.tags_ui(ui, key, &label, items, &prompt);
        }

        if &p != persona {
            out.push(Command::Edit {
                edit: Edit::SetPersona {
                    persona: Box::new(p),
                },
                gesture: Some(Id::unique(("persona", id)).value()),
            });
        }
    }

    fn avatar_ui(&mut self, ui: &mut Ui, p: &mut Persona, out: &mut Vec<Command>) {
        ui.add_space(4.0);
        ui.strong(t!("persona-avatar"));
        let key = "avatar";
        let text = self
            .new_items
            .entry(key)
            .or_insert_with(|| p.avatar.clone().unwrap_or_default());
        let l = ui.label(t!("persona-avatar-image"));
        ui.add(egui::TextEdit::singleline(text).hint_text(t!("persona-avatar-hint")))
            .labelled_by(l.id);
        ui.horizontal(|ui| {
            if ui.button(t!("persona-set-avatar")).clicked() {
                // The app checks the image; a refused one is reported as an error.
                out.push(Command::File(FileCommand::SetAvatar {
                    persona: p.id,
                    path: text.trim().to_owned(),
                }));
            }
            if p.avatar.is_some() && ui.button(t!("persona-remove-avatar")).clicked() {
                p.avatar = None;
                text.clear();
            }
        });
    }

    /// A list of short texts: chips with a remove button, and a field to add one. While
    /// the list is empty the field shows `prompt` as its hint. `key` keeps the text typed
    /// into the field (the same in every language), `label` names the list.
    fn tags_ui(
        &mut self,
        ui: &mut Ui,
        key: &'static str,
        label: &str,
        items: &mut Vec<String>,
        prompt: &str,
    ) {
        ui.add_space(4.0);
        ui.strong(label);
        let mut remove = None;
        ui.horizontal_wrapped(|ui| {
            for (i, item) in items.iter().enumerate() {
                ui.label(item);
                let r = ui.small_button("x");
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        t!("persona-remove-item", item = item, list = label),
                    )
                });
                if r.clicked() {
                    remove = Some(i);
                }
            }
        });
        if let Some(i) = remove {
            items.remove(i);
        }
        let hint = if items.is_empty() {
            prompt.to_owned()
        } else {
            t!("persona-add-hint")
        };
        let text = self.new_items.entry(key).or_default();
        ui.horizontal(|ui| {
            let r = ui.add(
                egui::TextEdit::singleline(text)
                    .desired_width(320.0)
                    .hint_text(hint),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::TextInput,
                    true,
                    t!("persona-new-item", list = label),
                )
            });
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = ui.button(t!("persona-add-item"));
            add.widget_info(|| {
                egui::WidgetInfo::labeled(
                    egui::Role::Button,
                    true,
                    t!("persona-add-to", list = label),
                )
            });
            if (add.clicked() || enter) && !text.trim().is_empty() {
                items.push(text.trim().to_owned());
                text.clear();
            }
            // Enter adds the item and keeps the field focused, so items can be typed one
            // after another (and no key goes anywhere else meanwhile).
            if enter {
                r.request_focus();
            }
        });
    }

    /// Channel preferences, most preferred first: drag a row to rank it, or use the
    /// arrows; add from the vocabulary or type another channel.
    fn channels_ui(&mut self, ui: &mut Ui, channels: &mut Vec<Channel>) {
        ui.add_space(4.0);
        ui.strong(t!("persona-channels"));
        let mut moved: Option<(usize, usize)> = None;
        let mut remove = None;
        let count = channels.len();
        let mut rows = Vec::with_capacity(count);
        let mut drop_at = None;
        for (i, ch) in channels.iter().enumerate() {
            let name = crate::i18n::labels::channel(crate::i18n::interface(), ch);
            let row = ui.horizontal(|ui| {
                let dragging = self.channel_drag.is_some_and(|(from, _)| from == i);
                let text = RichText::new(format!(":: {}. {name}", i + 1));
                let text = if dragging { text.strong() } else { text };
                let handle = ui
                    .add(
                        egui::Label::new(text)
                            .selectable(false)
                            .sense(egui::Sense::drag()),
                    )
                    .on_hover_cursor(egui::CursorIcon::Grab);
                handle.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        t!("persona-channel", channel = &name),
                    )
                });
                if handle.drag_started() {
                    self.channel_drag = Some((i, handle.rect.center()));
                }
                if handle.dragged()
                    && let Some(pos) = handle.interact_pointer_pos()
                {
                    self.channel_drag = Some((i, pos));
                }
                if handle.drag_stopped() {
                    drop_at = self.channel_drag.take();
                }
                let up = ui.add_enabled(i > 0, egui::Button::new(t!("persona-up")).small());
                up.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        i > 0,
                        t!("persona-rank-higher", channel = &name),
                    )
                });
                if up.clicked() {
                    moved = Some((i, i - 1));
                }
                let down =
                    ui.add_enabled(i + 1 < count, egui::Button::new(t!("persona-down")).small());
                down.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        i + 1 < count,
                        t!("persona-rank-lower", channel = &name),
                    )
                });
                if down.clicked() {
                    moved = Some((i, i + 1));
                }
                let r = ui.small_button("x");
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        true,
                        t!("persona-remove-channel", channel = &name),
                    )
                });
                if r.clicked() {
                    remove = Some(i);
                }
            });
            rows.push(row.response.rect);
        }
        // A channel dragged and released over another row takes that row's place (the
        // row under the last pointer position of the drag; above the first row is first).
        if let Some((from, pos)) = drop_at {
            let to = rows
                .iter()
                .position(|r| pos.y < r.bottom())
                .unwrap_or(rows.len().saturating_sub(1));
            moved = Some((from, to));
        }
        if let Some((from, to)) = moved
            && from < channels.len()
        {
            let ch = channels.remove(from);
            channels.insert(to.min(channels.len()), ch);
        }
        if let Some(i) = remove {
            channels.remove(i);
        }
        ui.horizontal_wrapped(|ui| {
            egui::ComboBox::from_label(t!("persona-add-channel"))
                .selected_text(t!("persona-choose"))
                .show_ui(ui, |ui| {
                    crate::ui::popups::close_on_keyboard_choice(ui);
                    for ch in Channel::VOCABULARY {
                        if !channels.contains(&ch)
                            && ui
                                .button(crate::i18n::labels::channel(crate::i18n::interface(), &ch))
                                .clicked()
                        {
                            channels.push(ch);
                        }
                    }
                });
            let text = self.new_items.entry("channel").or_default();
            let r = ui.add(
                egui::TextEdit::singleline(text)
                    .desired_width(140.0)
                    .hint_text(t!("persona-other-channel")),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, t!("persona-other-channel"))
            });
            if ui.button(t!("persona-add-other-channel")).clicked() && !text.trim().is_empty() {
                channels.push(Channel::Other(text.trim().to_owned()));
                text.clear();
            }
        });
    }

    fn devices_ui(ui: &mut Ui, devices: &mut Vec<DeviceUsage>) {
        ui.add_space(4.0);
        ui.strong(t!("persona-devices"));
        if devices.is_empty() {
            ui.weak(t!("persona-devices-hint"));
        }
        let mut remove = None;
        for (i, d) in devices.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let r = ui.add(
                    egui::TextEdit::singleline(&mut d.device)
                        .desired_width(120.0)
                        .hint_text(t!("persona-device-hint")),
                );
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::TextInput,
                        true,
                        t!("persona-device", number = i + 1),
                    )
                });
                let r = ui.add(
                    egui::TextEdit::singleline(&mut d.usage)
                        .desired_width(260.0)
                        .hint_text(t!("persona-usage-hint")),
                );
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::TextInput,
                        true,
                        t!("persona-usage", number = i + 1),
                    )
                });
                let remove_device = ui.small_button(t!("persona-remove-device"));
                super::access::name(
                    &remove_device,
                    egui::Role::Button,
                    t!("persona-remove-device-named", number = i + 1),
                );
                if remove_device.clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            devices.remove(i);
        }
        if ui.button(t!("persona-add-device")).clicked() {
            // An empty row: its fields show what to type; nothing is stored for the user.
            devices.push(DeviceUsage {
                device: String::new(),
                usage: String::new(),
            });
        }
    }
}

/// A labelled one-line field; `hint` shows while it is empty.
fn field(ui: &mut Ui, label: &str, text: &mut String, hint: &str) -> egui::Response {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(360.0)
            .hint_text(hint),
    )
    .labelled_by(l.id)
}

#[cfg(test)]
mod tests {
    use super::parse_age;

    #[test]
    fn ages_are_validated() {
        assert_eq!(parse_age("38"), Ok(Some(38)));
        assert_eq!(parse_age(" "), Ok(None));
        assert!(parse_age("abc").unwrap_err().contains("not a number"));
        assert!(parse_age("-4").is_err());
        assert!(
            parse_age("300")
                .unwrap_err()
                .contains("not a plausible age")
        );
    }
}
