//! Scroll areas follow the keyboard focus: when Tab (or an arrow in a list) moves the
//! focus to a widget scrolled out of view, its scroll area brings it into view, as in
//! any desktop application. egui 0.37 does not do this by itself.

use egui::Ui;

/// Call at the end of a scroll area's contents: scrolls that area so that the widget the
/// keyboard has just focused, if it is one of the area's and not fully in view, is.
pub fn follow_focus(ui: &Ui) {
    let ctx = ui.ctx();
    let Some(id) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    // Only a focus that has just arrived, and not by the pointer (a click focuses what
    // is already under it, in view).
    let arrived = focus_moved(ctx, id);
    let by_pointer = ctx.input(|i| i.pointer.any_down() || i.pointer.any_released());
    if !arrived || by_pointer {
        return;
    }
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    let rect = response.rect;
    if response.layer_id != ui.layer_id()
        || !ui.min_rect().contains(rect.center())
        || ui.clip_rect().contains_rect(rect)
    {
        return;
    }
    ui.scroll_to_rect(rect, None);
}

/// Whether the focus moved to `id` this pass (it had another widget, or none, in the
/// last pass). Every scroll area asks in the same pass and gets the same answer.
fn focus_moved(ctx: &egui::Context, id: egui::Id) -> bool {
    #[derive(Clone, Copy, Default)]
    struct Seen {
        pass: u64,
        before: Option<egui::Id>,
        now: Option<egui::Id>,
    }
    let key = egui::Id::unique("waymark-scroll-focus");
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| {
        let seen = d.get_temp_mut_or_default::<Seen>(key);
        if seen.pass != pass {
            *seen = Seen {
                pass,
                before: seen.now,
                now: Some(id),
            };
        }
        seen.before != Some(id)
    })
}
