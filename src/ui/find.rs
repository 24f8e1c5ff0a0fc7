//! Find (Ctrl+F): a bar above the map that searches the text of the whole project and
//! steps through the matches with Enter / Shift+Enter, showing each one.

use crate::t;
use egui::{Key, Ui};

use crate::app::AppState;
use crate::app::find::{Match, Place, find};

/// The find bar's state while it is shown.
#[derive(Default)]
pub struct FindBar {
    query: String,
    /// The matches of `query` at `revision`.
    matches: Vec<Match>,
    searched: Option<(String, u64)>,
    /// The match shown, if any.
    current: Option<usize>,
    /// Put the keyboard in the field on the next frame (Ctrl+F).
    pub focus: bool,
}

impl FindBar {
    /// Shows the bar. Returns the place to show when the user steps to a match; sets
    /// `close` when the bar should close.
    pub fn ui(&mut self, ui: &mut Ui, state: &AppState, close: &mut bool) -> Option<Place> {
        let mut show = None;
        ui.horizontal(|ui| {
            let l = ui.label(t!("find-label"));
            let field = ui
                .add(
                    egui::TextEdit::singleline(&mut self.query)
                        .hint_text(t!("find-hint"))
                        .desired_width(320.0),
                )
                .labelled_by(l.id);
            if std::mem::take(&mut self.focus) {
                field.request_focus();
            }
            // Search again when the text or the document changed.
            let key = (self.query.clone(), state.revision());
            if self.searched.as_ref() != Some(&key) {
                self.matches = find(state.project(), &self.query);
                if self.searched.as_ref().is_none_or(|(q, _)| *q != self.query) {
                    self.current = None;
                }
                self.current = self.current.filter(|i| *i < self.matches.len());
                self.searched = Some(key);
            }
            let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
            let back = ui.input(|i| i.modifiers.shift);
            let n = self.matches.len();
            let step = |current: Option<usize>, forward: bool| match current {
                _ if n == 0 => None,
                None if forward => Some(0),
                None => Some(n - 1),
                Some(i) if forward => Some((i + 1) % n),
                Some(i) => Some((i + n - 1) % n),
            };
            let mut next = None;
            if enter {
                next = step(self.current, !back);
                // Keep typing or pressing Enter without clicking back into the field.
                field.request_focus();
            }
            if ui
                .add_enabled(n > 0, egui::Button::new(t!("find-previous")))
                .clicked()
            {
                next = step(self.current, false);
            }
            if ui
                .add_enabled(n > 0, egui::Button::new(t!("find-next")))
                .clicked()
            {
                next = step(self.current, true);
            }
            if let Some(i) = next {
                self.current = Some(i);
                show = self.matches.get(i).map(|m| m.place);
            }
            let summary = match (self.current, n) {
                (_, 0) if self.query.trim().is_empty() => String::new(),
                (_, 0) => t!("find-none"),
                (Some(i), n) => t!(
                    "find-current",
                    index = i + 1,
                    count = n,
                    what = self.matches[i].what.label(),
                    text = &self.matches[i].text
                ),
                (None, n) => t!("find-count", count = n),
            };
            ui.label(summary);
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui.button(t!("find-close")).clicked() {
                    *close = true;
                }
            });
        });
        show
    }
}
