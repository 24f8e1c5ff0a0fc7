//! The persona library and editor (Map > Personas…): add, duplicate, reorder, delete,
//! export to and import from `.persona.ron`, and edit every field of a persona. Every
//! change is an undoable edit; an invalid age is shown inline and never stored.

use std::collections::HashMap;
use std::path::PathBuf;

use egui::{Id, RichText, Ui};

use crate::app::{AppState, Command, Edit, FileCommand};
use crate::model::{Channel, DeviceUsage, Persona, PersonaId};

/// State of the persona window.
#[derive(Default)]
pub struct PersonaEditor {
    /// Whether the window is shown.
    pub open: bool,
    /// The age field's text while it is not a valid age.
    age_text: Option<(PersonaId, String)>,
    /// Text typed into each "add" field, by field name.
    new_items: HashMap<&'static str, String>,
    /// Path typed for export or import.
    path: String,
    /// The channel being dragged (its index) and where the pointer is.
    channel_drag: Option<(usize, egui::Pos2)>,
}

/// A valid age, or why the text is not one.
pub fn parse_age(text: &str) -> Result<Option<u32>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    match t.parse::<u32>() {
        Ok(age) if age <= 120 => Ok(Some(age)),
        Ok(age) => Err(format!("{age} is not a plausible age (0 to 120)")),
        Err(_) => Err(format!("\"{t}\" is not a number of years")),
    }
}

impl PersonaEditor {
    /// Shows the window; pushes edits to `out`.
    pub fn ui(&mut self, ctx: &egui::Context, state: &AppState, out: &mut Vec<Command>) {
        if !self.open {
            return;
        }
        let mut open = self.open;
        egui::Window::new("Personas")
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
                    egui::ScrollArea::vertical().show(ui, |ui| {
                        // A column: the row layout around the library does not carry in.
                        ui.vertical(|ui| {
                            ui.set_max_width(520.0);
                            let selected = state
                                .selected_persona
                                .and_then(|id| state.project().persona(id))
                                .or_else(|| state.project().personas.first());
                            match selected {
                                Some(p) => self.editor_ui(ui, p, out),
                                None => {
                                    ui.weak("No persona yet: add one.");
                                }
                            }
                        });
                    });
                });
            });
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
        ui.strong("Library");
        for p in &state.project().personas {
            let name = if p.name.is_empty() {
                "Unnamed persona"
            } else {
                &p.name
            };
            if ui.selectable_label(current == Some(p.id), name).clicked() {
                out.push(Command::SelectPersona(p.id));
            }
        }
        ui.separator();
        let index = current.and_then(|id| state.project().personas.iter().position(|p| p.id == id));
        ui.horizontal_wrapped(|ui| {
            if ui.button("Add persona").clicked() {
                let persona = Persona {
                    name: "New persona".to_owned(),
                    ..Persona::default()
                };
                out.push(edit(Edit::AddPersona {
                    persona: Box::new(persona),
                }));
            }
            if let (Some(i), Some(id)) = (index, current) {
                let p = &state.project().personas[i];
                if ui.button("Duplicate persona").clicked() {
                    let mut copy = p.clone();
                    copy.name = format!("{} (copy)", p.name);
                    out.push(edit(Edit::AddPersona {
                        persona: Box::new(copy),
                    }));
                }
                if ui
                    .add_enabled(i > 0, egui::Button::new("Move up"))
                    .clicked()
                {
                    out.push(edit(Edit::MovePersona {
                        persona: id,
                        to_index: i - 1,
                    }));
                }
                if ui
                    .add_enabled(
                        i + 1 < state.project().personas.len(),
                        egui::Button::new("Move down"),
                    )
                    .clicked()
                {
                    out.push(edit(Edit::MovePersona {
                        persona: id,
                        to_index: i + 1,
                    }));
                }
                if ui.button("Delete persona").clicked() {
                    out.push(edit(Edit::DeletePersona { persona: id }));
                }
            }
        });
        ui.separator();
        ui.strong("Reuse in another project");
        let l = ui.label("Persona file");
        ui.add(egui::TextEdit::singleline(&mut self.path).hint_text("/path/name.persona.ron"))
            .labelled_by(l.id);
        ui.horizontal_wrapped(|ui| {
            if let Some(p) = index.map(|i| &state.project().personas[i])
                && ui.button("Export persona").clicked()
            {
                let path = self.target_path(p);
                out.push(Command::File(FileCommand::ExportPersona {
                    persona: p.id,
                    path,
                }));
            }
            if ui.button("Import persona").clicked() {
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
            "Persona"
        } else {
            &p.name
        });
        field(ui, "Name", &mut p.name, "e.g. Mei, the busy parent");

        // Age: kept as text while it is not valid; the model changes only on a valid age.
        let mut age_text = match &self.age_text {
            Some((pid, t)) if *pid == id => t.clone(),
            _ => p.age.map(|a| a.to_string()).unwrap_or_default(),
        };
        let l = ui.label("Age");
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
        field(ui, "Location", &mut p.location, "Where do they live?");
        field(
            ui,
            "Segment",
            &mut p.segment,
            "Which customer segment are they?",
        );
        let l = ui.label("Quote");
        ui.add(
            egui::TextEdit::multiline(&mut p.quote)
                .desired_rows(2)
                .hint_text("What would they say about this in one sentence?"),
        )
        .labelled_by(l.id);

        self.avatar_ui(ui, &mut p, out);
        for (label, items, prompt) in [
            (
                "Favourite brands",
                &mut p.favourite_brands,
                "Which brands do they love?",
            ),
            (
                "Brand turn-ons",
                &mut p.brand_turn_ons,
                "What draws them to a brand?",
            ),
            (
                "Brand turn-offs",
                &mut p.brand_turn_offs,
                "What puts them off a brand?",
            ),
        ] {
            self.tags_ui(ui, label, items, prompt);
        }
        self.channels_ui(ui, &mut p.channel_preferences);
        Self::devices_ui(ui, &mut p.devices);
        for (label, items, prompt) in [
            (
                "Behaviours",
                &mut p.behaviours,
                "How do they behave? (e.g. spending habits)",
            ),
            ("Goals", &mut p.goals, "What are they trying to achieve?"),
            (
                "Needs",
                &mut p.needs,
                "What do they need from you? (to be heard, known, appreciated)",
            ),
            (
                "Feelings wanted",
                &mut p.desired_feelings,
                "How do they want to feel? (engaged, empowered, delighted)",
            ),
        ] {
            self.tags_ui(ui, label, items, prompt);
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
        ui.strong("Avatar");
        let key = "avatar";
        let text = self
            .new_items
            .entry(key)
            .or_insert_with(|| p.avatar.clone().unwrap_or_default());
        let l = ui.label("Avatar image (PNG or JPEG)");
        ui.add(egui::TextEdit::singleline(text).hint_text("portrait.png"))
            .labelled_by(l.id);
        ui.horizontal(|ui| {
            if ui.button("Set avatar").clicked() {
                // The app checks the image; a refused one is reported as an error.
                out.push(Command::File(FileCommand::SetAvatar {
                    persona: p.id,
                    path: text.trim().to_owned(),
                }));
            }
            if p.avatar.is_some() && ui.button("Remove avatar").clicked() {
                p.avatar = None;
                text.clear();
            }
        });
    }

    /// A list of short texts: chips with a remove button, and a field to add one. While
    /// the list is empty the field shows `prompt` as its hint.
    fn tags_ui(&mut self, ui: &mut Ui, label: &'static str, items: &mut Vec<String>, prompt: &str) {
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
                        format!("Remove {item} from {label}"),
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
        let hint = if items.is_empty() { prompt } else { "Add…" };
        let text = self.new_items.entry(label).or_default();
        ui.horizontal(|ui| {
            let r = ui.add(
                egui::TextEdit::singleline(text)
                    .desired_width(320.0)
                    .hint_text(hint),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, format!("New {label}"))
            });
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            let add = ui.button("Add");
            add.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::Button, true, format!("Add to {label}"))
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
        ui.strong("Channel preferences (drag to rank)");
        let mut moved: Option<(usize, usize)> = None;
        let mut remove = None;
        let count = channels.len();
        let mut rows = Vec::with_capacity(count);
        let mut drop_at = None;
        for (i, ch) in channels.iter().enumerate() {
            let row = ui.horizontal(|ui| {
                let dragging = self.channel_drag.is_some_and(|(from, _)| from == i);
                let text = RichText::new(format!(
                    ":: {}. {}",
                    i + 1,
                    crate::i18n::labels::channel(crate::i18n::interface(), ch)
                ));
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
                        format!(
                            "Channel {}",
                            crate::i18n::labels::channel(crate::i18n::interface(), ch)
                        ),
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
                let up = ui.add_enabled(i > 0, egui::Button::new("Up").small());
                up.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        i > 0,
                        format!(
                            "Rank {} higher",
                            crate::i18n::labels::channel(crate::i18n::interface(), ch)
                        ),
                    )
                });
                if up.clicked() {
                    moved = Some((i, i - 1));
                }
                let down = ui.add_enabled(i + 1 < count, egui::Button::new("Down").small());
                down.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::Button,
                        i + 1 < count,
                        format!(
                            "Rank {} lower",
                            crate::i18n::labels::channel(crate::i18n::interface(), ch)
                        ),
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
                        format!(
                            "Remove channel {}",
                            crate::i18n::labels::channel(crate::i18n::interface(), ch)
                        ),
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
            egui::ComboBox::from_label("Add channel")
                .selected_text("Choose…")
                .show_ui(ui, |ui| {
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
                    .hint_text("Other channel"),
            );
            r.widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Other channel")
            });
            if ui.button("Add other channel").clicked() && !text.trim().is_empty() {
                channels.push(Channel::Other(text.trim().to_owned()));
                text.clear();
            }
        });
    }

    fn devices_ui(ui: &mut Ui, devices: &mut Vec<DeviceUsage>) {
        ui.add_space(4.0);
        ui.strong("Devices and how they are used");
        if devices.is_empty() {
            ui.weak("Which devices do they use, what for, and when?");
        }
        let mut remove = None;
        for (i, d) in devices.iter_mut().enumerate() {
            ui.horizontal(|ui| {
                let r = ui.add(
                    egui::TextEdit::singleline(&mut d.device)
                        .desired_width(120.0)
                        .hint_text("Which device?"),
                );
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::TextInput,
                        true,
                        format!("Device {}", i + 1),
                    )
                });
                let r = ui.add(
                    egui::TextEdit::singleline(&mut d.usage)
                        .desired_width(260.0)
                        .hint_text("What do they use it for, and when?"),
                );
                r.widget_info(|| {
                    egui::WidgetInfo::labeled(
                        egui::Role::TextInput,
                        true,
                        format!("Usage {}", i + 1),
                    )
                });
                if ui.small_button("Remove device").clicked() {
                    remove = Some(i);
                }
            });
        }
        if let Some(i) = remove {
            devices.remove(i);
        }
        if ui.button("Add device").clicked() {
            // An empty row: its fields show what to type; nothing is stored for the user.
            devices.push(DeviceUsage {
                device: String::new(),
                usage: String::new(),
            });
        }
    }
}

/// A labelled one-line field; `hint` shows while it is empty.
fn field(ui: &mut Ui, label: &str, text: &mut String, hint: &str) {
    let l = ui.label(label);
    ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(360.0)
            .hint_text(hint),
    )
    .labelled_by(l.id);
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
