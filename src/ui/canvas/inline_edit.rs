//! Editing a stage name, a lane title or a card's text in place: a text field over the
//! item. It opens with the caret at the end of the text (a new stage's placeholder name
//! selected, so typing replaces it). Enter commits (Shift+Enter starts a new line in a
//! card), Escape cancels.

use crate::t;
use egui::text::{CCursor, CCursorRange};
use egui::{Key, Modifiers, Rect, Role, WidgetInfo, vec2};

use super::items::stage_header_rect;
use super::{CanvasView, Ctx};
use crate::app::{Command, Edit, Selection};
use crate::model::{CardId, LaneId, StageId};

/// What is edited in place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EditTarget {
    /// A stage name.
    Stage(StageId),
    /// A lane title.
    Lane(LaneId),
    /// A card's text.
    Card(CardId),
}

/// Text being edited in place.
pub(super) struct InlineEdit {
    /// What the text belongs to.
    pub(super) target: EditTarget,
    /// The text as typed so far.
    pub(super) text: String,
    /// Focus is given to the field once, on the first frame.
    pub(super) focus_requested: bool,
    /// Select the whole text when the field opens (a placeholder name, which typing
    /// replaces); otherwise the caret starts at the end of the text.
    pub(super) select_all: bool,
}

impl Ctx<'_> {
    /// The text field over a stage, lane or card being edited in place. Enter commits
    /// (Shift+Enter starts a new line in a card), Escape cancels.
    pub(super) fn inline_editor(&self, view: &mut CanvasView, out: &mut Vec<Command>) {
        if view.edit_next_card
            && let Some(Selection::Card(id)) = self.state.selection
            && self.journey.card(id).is_some()
        {
            view.edit_next_card = false;
            view.start_editing(self.state, EditTarget::Card(id));
        }
        let Some(edit) = &mut view.editing else {
            return;
        };
        let journey = self.journey;
        let found = match edit.target {
            EditTarget::Stage(id) => self
                .shown
                .stages
                .iter()
                .find(|g| g.id == id)
                .map(|g| (stage_header_rect(g.header), false)),
            EditTarget::Lane(id) => self.shown.lanes.iter().find(|g| g.id == id).map(|g| {
                (
                    Rect::from_min_size(g.header.min, vec2(g.header.width(), 30.0)),
                    false,
                )
            }),
            EditTarget::Card(id) => self
                .shown
                .cards
                .iter()
                .find(|g| g.id == id)
                .map(|g| g.rect)
                .or_else(|| {
                    self.shown
                        .curves
                        .iter()
                        .flat_map(|c| &c.points)
                        .find(|p| p.card_id == id)
                        .map(|p| Rect::from_center_size(p.pos + vec2(0.0, 24.0), vec2(160.0, 40.0)))
                })
                .map(|r| (r, true)),
        };
        let Some((doc_rect, multiline)) = found else {
            view.editing = None;
            return;
        };
        // A pinned header is edited where it is shown.
        let xf = match edit.target {
            EditTarget::Stage(_) => self.panes.stage_xf,
            EditTarget::Lane(_) => self.panes.lane_xf,
            EditTarget::Card(_) => self.xf,
        };
        let screen = xf.mul_rect(doc_rect);
        // Shift+Enter is left to the text field: a new line in a card.
        let (enter, escape) = self.ui.input(|i| {
            (
                i.key_pressed(Key::Enter) && !i.modifiers.shift,
                i.key_pressed(Key::Escape),
            )
        });
        let mut commit = false;
        let mut cancel = false;
        egui::Area::new(self.id.with("inline_edit"))
            .fixed_pos(screen.min)
            .order(egui::Order::Foreground)
            .show(self.ui.ctx(), |ui| {
                ui.set_width(screen.width().max(120.0));
                // The field's own id, so that its caret is placed on opening instead of
                // being left where the last edit in place had it.
                let field = self.id.with("inline_edit_field");
                let te = if multiline {
                    egui::TextEdit::multiline(&mut edit.text).desired_rows(2)
                } else {
                    egui::TextEdit::singleline(&mut edit.text)
                };
                let response = ui.add(te.id(field).desired_width(screen.width().max(120.0)));
                response.widget_info(|| {
                    WidgetInfo::labeled(Role::TextInput, true, t!("canvas-inline-edit"))
                });
                if !edit.focus_requested {
                    response.request_focus();
                    edit.focus_requested = true;
                    // Placed after the field is shown: a field without focus keeps only
                    // the caret of a selection, and it has focus from the next frame.
                    let mut te_state =
                        egui::text_edit::TextEditState::load(ui.ctx(), field).unwrap_or_default();
                    let end = CCursor::new(edit.text.chars().count());
                    let range = if edit.select_all {
                        CCursorRange::two(CCursor::new(0), end)
                    } else {
                        CCursorRange::one(end)
                    };
                    te_state.cursor.set_char_range(Some(range));
                    te_state.store(ui.ctx(), field);
                }
                if response.has_focus() || response.lost_focus() {
                    if escape {
                        cancel = true;
                    } else if enter {
                        commit = true;
                    }
                }
                if response.lost_focus() && !escape {
                    commit = true;
                }
            });
        if cancel {
            // The Escape that cancelled the edit must not also clear the selection.
            self.ui
                .ctx()
                .input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
            view.editing = None;
            return;
        }
        if !commit {
            return;
        }
        let text = edit.text.trim_end_matches('\n').to_owned();
        let target = edit.target;
        view.editing = None;
        let jid = journey.id;
        let command = match target {
            EditTarget::Stage(id) => journey.stage(id).filter(|s| s.name != text).map(|s| {
                let mut s = s.clone();
                s.name = text;
                Edit::SetStage {
                    journey: jid,
                    stage: s,
                }
            }),
            EditTarget::Lane(id) => journey
                .lanes
                .iter()
                .find(|l| l.id == id)
                .filter(|l| l.title != text)
                .map(|l| Edit::SetLane {
                    journey: jid,
                    lane: id,
                    title: text,
                    height: l.height,
                    collapsed: l.collapsed,
                }),
            EditTarget::Card(id) => {
                journey
                    .card(id)
                    .filter(|(_, c)| c.text != text)
                    .map(|(_, c)| {
                        let mut c = c.clone();
                        c.text = text;
                        Edit::SetCard {
                            journey: jid,
                            card: Box::new(c),
                        }
                    })
            }
        };
        if let Some(edit) = command {
            out.push(Command::Edit {
                edit,
                gesture: None,
            });
        }
    }
}
