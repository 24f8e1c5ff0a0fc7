//! The menu bar, built from the one list of [`Action`]s.

use egui::Ui;

use super::Action;
use crate::app::AppState;

/// Shows the menu bar; returns the action chosen this frame, if any.
pub fn menu_bar_ui(ui: &mut Ui, state: &AppState) -> Option<Action> {
    let mut chosen = None;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button("File", |ui| {
            for action in [Action::New, Action::Open, Action::Save, Action::SaveAs] {
                item(ui, action, true, &mut chosen);
            }
            ui.separator();
            item(
                ui,
                Action::ExportPng,
                state.current_journey().is_some(),
                &mut chosen,
            );
            ui.separator();
            item(ui, Action::Quit, true, &mut chosen);
        });
        ui.menu_button("Edit", |ui| {
            item(ui, Action::Undo, state.history.can_undo(), &mut chosen);
            item(ui, Action::Redo, state.history.can_redo(), &mut chosen);
        });
        ui.menu_button("View", |ui| {
            item(ui, Action::ZoomToFit, true, &mut chosen);
            item(ui, Action::Zoom100, true, &mut chosen);
        });
    });
    chosen
}

fn item(ui: &mut Ui, action: Action, enabled: bool, chosen: &mut Option<Action>) {
    let shortcut = action
        .shortcuts()
        .first()
        .map(|s| ui.ctx().format_shortcut(s))
        .unwrap_or_default();
    let button = egui::Button::new(action.label()).shortcut_text(shortcut);
    if ui.add_enabled(enabled, button).clicked() {
        *chosen = Some(action);
        ui.close();
    }
}
