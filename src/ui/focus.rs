//! The keyboard focus follows windows: a window that opens (Personas, Settings, the
//! template gallery, the survey import preview) takes the focus on its first control
//! (the gallery on its search box), and when the last of them closes the keyboard goes
//! back to where it was (the canvas, if it had it).

use egui::{Id, Response, Ui};

/// A window that takes the focus when it opens.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Window {
    /// The persona library and editor.
    Personas,
    /// The project settings.
    Settings,
    /// The template gallery.
    Gallery,
    /// The survey import's preview.
    Import,
}

impl Window {
    /// Every such window, in the order of [`Follower::open`]'s flags.
    pub const ALL: [Self; 4] = [Self::Personas, Self::Settings, Self::Gallery, Self::Import];

    fn request_id(self) -> Id {
        Id::unique(("waymark-focus-into-window", self as u8))
    }
}

/// Asks `window` to give the focus to its first control on its next real frame.
pub fn ask(ctx: &egui::Context, window: Window) {
    ctx.data_mut(|d| d.insert_temp(window.request_id(), true));
}

/// Gives the focus to `response` if `window` asked for it when it opened. A window's
/// first frame only measures it, so the request stays until one that shows it.
pub fn take(ui: &Ui, window: Window, response: &Response) {
    let asked = ui
        .ctx()
        .data(|d| d.get_temp::<bool>(window.request_id()))
        .unwrap_or(false);
    if asked {
        response.request_focus();
        if !ui.is_sizing_pass() {
            ui.ctx().data_mut(|d| d.remove::<bool>(window.request_id()));
        }
    }
}

/// Which of the windows were open at the last frame, and whether the canvas had the
/// keyboard before the first of them opened.
#[derive(Debug, Default)]
pub struct Follower {
    open: [bool; 4],
    canvas_before: bool,
}

/// What changed since the last frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// Nothing to do.
    None,
    /// These windows opened (the canvas gives up the keyboard).
    Opened(Vec<Window>),
    /// The last window closed: give the keyboard back to the canvas if `true`.
    AllClosed(bool),
}

impl Follower {
    /// Compares the windows open now (in [`Window::ALL`]'s order) with the last frame.
    pub fn update(&mut self, open: [bool; 4], canvas_has_keyboard: bool) -> Change {
        let was_any = self.open.iter().any(|o| *o);
        let any = open.iter().any(|o| *o);
        let opened: Vec<Window> = Window::ALL
            .into_iter()
            .zip(open.iter().zip(self.open))
            .filter(|(_, (now, before))| **now && !*before)
            .map(|(w, _)| w)
            .collect();
        if !was_any && any {
            self.canvas_before = canvas_has_keyboard;
        }
        self.open = open;
        if !opened.is_empty() {
            Change::Opened(opened)
        } else if was_any && !any {
            Change::AllClosed(self.canvas_before)
        } else {
            Change::None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_window_opening_and_the_last_closing_are_reported_once() {
        let mut f = Follower::default();
        assert_eq!(f.update([false; 4], true), Change::None);
        assert_eq!(
            f.update([true, false, false, false], true),
            Change::Opened(vec![Window::Personas])
        );
        assert_eq!(f.update([true, false, false, false], false), Change::None);
        assert_eq!(
            f.update([true, false, true, false], false),
            Change::Opened(vec![Window::Gallery])
        );
        assert_eq!(f.update([false, false, true, false], false), Change::None);
        // The canvas had the keyboard before the first window opened: it gets it back.
        assert_eq!(f.update([false; 4], false), Change::AllClosed(true));
        assert_eq!(f.update([false; 4], false), Change::None);
    }
}
