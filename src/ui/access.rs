//! Names for a screen reader where egui gives generic ones: a window's close and
//! collapse buttons ("Close window", "Hide", in English, the same for every window)
//! say which window they close, and a side panel's resize edge ("Resize panel") says
//! which panel it resizes, in the interface language.

use egui::{Context, Id, LayerId, Order, Response, Role, Ui, WidgetInfo};

use crate::t;

/// The accessible name egui gives `id` this frame, if it has a node.
fn label_of(ctx: &Context, id: Id) -> Option<String> {
    ctx.viewport(|v| {
        v.this_pass
            .accesskit_state
            .as_ref()
            .and_then(|s| s.nodes.get(&id))
            .and_then(|n| n.label().map(str::to_owned))
    })
}

/// Renames the title-bar buttons egui drew for the window `window` (its id) this frame:
/// "Close “Personas”", "Collapse “Personas”" / "Expand “Personas”". They are the
/// buttons on the title bar's row, left of the title (collapse) and right of it
/// (close). Call it after the window is shown. Does nothing while no screen reader
/// (AccessKit) is active.
pub fn name_window_buttons(ctx: &Context, window: Id, title: &str) {
    // The title bar (dragged to move the window, double-clicked to collapse it): the
    // row between the two buttons.
    let title_bar = window.with("__title_click");
    let widgets: Vec<(Id, egui::Rect)> = ctx.viewport(|v| {
        if v.this_pass.accesskit_state.is_none() {
            return Vec::new();
        }
        v.this_pass
            .widgets
            .get_layer(LayerId::new(Order::Middle, window))
            .map(|w| (w.id, w.rect))
            .collect()
    });
    let Some(bar) = widgets
        .iter()
        .find(|(id, _)| *id == title_bar)
        .map(|(_, r)| *r)
    else {
        return;
    };
    if label_of(ctx, title_bar).is_none() {
        let name = t!("window-title-bar", title = title);
        ctx.accesskit_node_builder(title_bar, |node| node.set_label(name));
    }
    let open = egui::collapsing_header::CollapsingState::load(ctx, window.with("collapsing"))
        .is_none_or(|c| c.is_open());
    for (id, rect) in widgets {
        let on_row = rect.center().y > bar.top() && rect.center().y < bar.bottom();
        let is_button = ctx.viewport(|v| {
            v.this_pass
                .accesskit_state
                .as_ref()
                .and_then(|s| s.nodes.get(&id))
                .is_some_and(|n| n.role() == egui::accesskit::Role::Button)
        });
        if id == title_bar || !on_row || !is_button {
            continue;
        }
        let name = if rect.center().x >= bar.right() {
            t!("window-close", title = title)
        } else if rect.center().x <= bar.left() && open {
            t!("window-collapse", title = title)
        } else if rect.center().x <= bar.left() {
            t!("window-expand", title = title)
        } else {
            continue;
        };
        ctx.accesskit_node_builder(id, |node| node.set_label(name));
    }
}

/// Names the resize edge of the side panel shown in `ui` as `Panel::…(salt)` (egui
/// calls every one "Resize panel"). Call it after the panel is shown.
pub fn name_panel_edge(ui: &Ui, salt: &str, name: &str) {
    let id = ui.scope_id().with(salt).with("__resize");
    if label_of(ui.ctx(), id).is_some() {
        ui.ctx()
            .accesskit_node_builder(id, |node| node.set_label(name.to_owned()));
    }
}

/// Gives `response` the accessible name `name` (a button that shows a short word,
/// "Delete", but acts on one item, "Delete journey “Onboarding”").
pub fn name(response: &Response, role: Role, name: String) {
    let enabled = response.enabled();
    response.widget_info(move || WidgetInfo::labeled(role, enabled, &name));
}
