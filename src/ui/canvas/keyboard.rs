//! Keyboard on the canvas: arrow keys move the selection between cells and along the
//! stage headers and lane titles (and scroll the map to keep the selection in view),
//! Alt+arrows pan the map, number keys set the selected emotion point's score, Escape
//! cancels a drag or clears the selection.

use egui::{Key, Modifiers};

use super::{CanvasView, Ctx};
use crate::app::{Command, Edit, Selection};
use crate::model::{Journey, LaneId, LaneKind, StageId};
use crate::theme::size;

impl Ctx<'_> {
    /// Arrow keys move between cells, number keys set the selected emotion score,
    /// Escape cancels a drag or clears the selection.
    pub(super) fn keyboard(&self, view: &mut CanvasView, out: &mut Vec<Command>) {
        // A menu request no item answered (an accelerator selected) is dropped.
        view.menu_request = false;
        let typing = self.ui.ctx().text_edit_focused();
        if typing || view.editing.is_some() || !view.has_keyboard {
            return;
        }
        // While a menu is open, the arrows move through its items, not the selection.
        if egui::Popup::is_any_open(self.ui.ctx()) {
            return;
        }
        // Shift+F10 or the Menu key: the selection's context menu, on the next frame.
        if self.ui.input(|i| {
            i.key_pressed(Key::Menu) || (i.key_pressed(Key::F10) && i.modifiers == Modifiers::SHIFT)
        }) {
            view.menu_request = true;
            if let Some(item) = self.state.selection {
                view.reveal(item);
            }
            self.ui.ctx().request_repaint();
            return;
        }
        // Escape that closes a menu or a popup leaves the selection alone.
        if self.ui.input(|i| i.key_pressed(Key::Escape)) && !self.ui.ctx().any_popup_open() {
            if view.drag.take().is_none() {
                out.push(Command::Select(None));
            }
            return;
        }
        let journey = self.journey;
        // Number keys: the selected emotion point's score; '-' first for a negative one.
        if let Some(Selection::Card(id)) = self.state.selection
            && let Some((lane, card)) = journey.card(id)
            && matches!(lane.kind, LaneKind::Emotion { .. })
        {
            if self.ui.input(|i| i.key_pressed(Key::Minus)) {
                view.minus_pending = true;
            }
            let digit = self
                .ui
                .input(|i| DIGITS.iter().position(|k| i.key_pressed(*k)));
            if let Some(d) = digit {
                let scale = self.state.project().settings.emotion_scale;
                let sign = if view.minus_pending { -1.0 } else { 1.0 };
                view.minus_pending = false;
                let score = (sign * d as f32).clamp(scale.min as f32, scale.max as f32);
                let mut c = card.clone();
                c.emotion = Some(score);
                out.push(Command::Edit {
                    edit: Edit::SetCard {
                        journey: journey.id,
                        card: Box::new(c),
                    },
                    gesture: None,
                });
            }
        }
        let (arrow, pan, resize) = self.ui.input(|i| {
            let mut d = (0i32, 0i32);
            if i.key_pressed(Key::ArrowLeft) {
                d.0 -= 1;
            }
            if i.key_pressed(Key::ArrowRight) {
                d.0 += 1;
            }
            if i.key_pressed(Key::ArrowUp) {
                d.1 -= 1;
            }
            if i.key_pressed(Key::ArrowDown) {
                d.1 += 1;
            }
            let moved = d != (0, 0);
            let m = i.modifiers;
            let resize = m.alt && (m.command ^ m.shift);
            (
                (moved && m == Modifiers::NONE).then_some(d),
                (moved && m == Modifiers::ALT).then_some(d),
                (moved && resize).then_some(d),
            )
        });
        // Ctrl+Alt+arrows (or Shift+Alt+arrows, where the desktop takes Ctrl+Alt):
        // resize the selected stage (Left/Right) or lane (Up/Down), as its edge would.
        if let Some(d) = resize
            && let Some(edit) =
                super::drag::key_resize_edit(journey, self.base, self.state.selection, d)
        {
            out.push(Command::Edit {
                edit,
                gesture: None,
            });
        }
        if let Some((dx, dy)) = arrow
            && let Some(next) = neighbour_cell(journey, self.state.selection, dx, dy)
        {
            out.push(Command::Select(Some(next)));
            // The map follows the keyboard: the new selection is scrolled into view.
            view.reveal(next);
        }
        // Alt+arrows pan the map: Alt+Right shows more of the map to the right.
        if let Some((dx, dy)) = pan {
            view.pan -= egui::vec2(dx as f32, dy as f32) * size::KEY_PAN_STEP;
        }
    }
}

/// The number keys, in the order of the digits they type.
const DIGITS: [Key; 10] = [
    Key::Num0,
    Key::Num1,
    Key::Num2,
    Key::Num3,
    Key::Num4,
    Key::Num5,
    Key::Num6,
    Key::Num7,
    Key::Num8,
    Key::Num9,
];

/// What the arrow keys select next. The stage headers form a row above the grid and
/// the lane titles a column left of it: Left/Right move along the headers, Up/Down
/// along the lane titles; Down from a header (Right from a lane title) enters the grid,
/// and Up from the top lane (Left from the first stage) comes back out to the header.
/// In the grid, the next cell, or the first card in it.
fn neighbour_cell(
    journey: &Journey,
    selection: Option<Selection>,
    dx: i32,
    dy: i32,
) -> Option<Selection> {
    let step =
        |i: usize, d: i32, len: usize| usize::try_from(i as i32 + d).ok().filter(|&j| j < len);
    let stage_index = |s| journey.stages.iter().position(|x| x.id == s);
    let lane_index = |l| journey.lanes.iter().position(|x| x.id == l);
    let (lane, stage) = match selection? {
        Selection::Cell { lane, stage } => (lane, stage),
        Selection::Card(c) => {
            let (l, card) = journey.card(c)?;
            // Within a cell, up and down go through its cards first.
            let cell: Vec<_> = journey.cell_cards(l, card.stage).map(|c| c.id).collect();
            let i = cell.iter().position(|x| *x == c)?;
            let j = i as i32 + dy;
            if dx == 0 && j >= 0 && (j as usize) < cell.len() {
                return Some(Selection::Card(cell[j as usize]));
            }
            (l.id, card.stage)
        }
        Selection::Stage(s) => {
            let si = stage_index(s)?;
            if dy > 0 {
                return cell_selection(journey, journey.lanes.first()?.id, s);
            }
            let next = step(si, dx, journey.stages.len())?;
            return Some(Selection::Stage(journey.stages[next].id));
        }
        Selection::Lane(l) => {
            let li = lane_index(l)?;
            if dx > 0 {
                return cell_selection(journey, l, journey.stages.first()?.id);
            }
            let next = step(li, dy, journey.lanes.len())?;
            return Some(Selection::Lane(journey.lanes[next].id));
        }
        Selection::Annotation(_) => return None,
    };
    let li = lane_index(lane)?;
    let si = stage_index(stage)?;
    // Out of the grid: up from the top lane to the stage header, left from the first
    // stage to the lane title.
    if dy < 0 && dx == 0 && li == 0 {
        return Some(Selection::Stage(stage));
    }
    if dx < 0 && dy == 0 && si == 0 {
        return Some(Selection::Lane(lane));
    }
    let lane = &journey.lanes[step(li, dy, journey.lanes.len())?];
    let stage = &journey.stages[step(si, dx, journey.stages.len())?];
    cell_selection(journey, lane.id, stage.id)
}

/// A cell as a selection: its first card if it has one, else the empty cell.
fn cell_selection(journey: &Journey, lane: LaneId, stage: StageId) -> Option<Selection> {
    let l = journey.lanes.iter().find(|l| l.id == lane)?;
    Some(
        journey
            .cell_cards(l, stage)
            .next()
            .map_or(Selection::Cell { lane, stage }, |c| Selection::Card(c.id)),
    )
}
