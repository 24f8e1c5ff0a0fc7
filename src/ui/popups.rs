//! Dropdowns chosen from by keyboard close, as they do when clicked: egui 0.37 closes a
//! combo box's list on a pointer click only, so Enter or Space on an item chose it and
//! left the list open over the form.

use egui::{Key, Ui};

/// Call first thing inside a dropdown's list: when Enter or Space activates one of its
/// items (the keyboard focus is in the list), the list closes at the end of the frame,
/// after the item has taken the choice.
pub fn close_on_keyboard_choice(ui: &Ui) {
    let activated = ui.input(|i| i.key_pressed(Key::Enter) || i.key_pressed(Key::Space));
    if !activated {
        return;
    }
    let ctx = ui.ctx();
    let in_list = ctx
        .memory(egui::Memory::focused)
        .and_then(|id| ctx.read_response(id))
        .is_some_and(|r| r.layer_id == ui.layer_id());
    if in_list {
        ui.close();
    }
}
