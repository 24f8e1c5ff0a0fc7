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

/// Which of the windows were open at the last frame, and where the keyboard was before
/// the first window or dialog opened.
#[derive(Debug, Default)]
pub struct Follower {
    open: [bool; 4],
    /// Any window or dialog (these four, a modal dialog, the palette...) was open.
    any_open: bool,
    /// Where the keyboard was at the last frame with no window open.
    last: Back,
    /// Where it goes back when the last window closes.
    back: Back,
}

/// Where the keyboard goes back when the last window or dialog closes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Back {
    /// Nowhere in particular.
    #[default]
    Nothing,
    /// The canvas had it.
    Canvas,
    /// This control had the focus (a button of the journey list, a field...).
    Widget(Id),
}

/// What changed since the last frame.
#[derive(Debug, PartialEq, Eq)]
pub enum Change {
    /// Nothing to do.
    None,
    /// These windows opened (the canvas gives up the keyboard).
    Opened(Vec<Window>),
    /// The last window or dialog closed: give the keyboard back there.
    AllClosed(Back),
}

impl Follower {
    /// Compares the windows open now (in [`Window::ALL`]'s order, and `others`: any
    /// other window or dialog) with the last frame. `now` is where the keyboard is at
    /// this frame (the focused control outside menus, or the canvas), remembered while
    /// no window is open.
    pub fn update(&mut self, open: [bool; 4], others: bool, now: Back) -> Change {
        let any = others || open.iter().any(|o| *o);
        let opened: Vec<Window> = Window::ALL
            .into_iter()
            .zip(open.iter().zip(self.open))
            .filter(|(_, (now, before))| **now && !*before)
            .map(|(w, _)| w)
            .collect();
        if !self.any_open && any {
            // The keyboard may already have moved (into the palette, a menu): the place
            // of the last frame with no window open is the one to come back to.
            self.back = self.last;
        }
        if !any {
            self.last = now;
        }
        let was_any = self.any_open;
        self.open = open;
        self.any_open = any;
        if !opened.is_empty() {
            Change::Opened(opened)
        } else if was_any && !any {
            Change::AllClosed(self.back)
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
        assert_eq!(f.update([false; 4], false, Back::Canvas), Change::None);
        assert_eq!(
            f.update([true, false, false, false], false, Back::Nothing),
            Change::Opened(vec![Window::Personas])
        );
        assert_eq!(
            f.update([true, false, false, false], false, Back::Nothing),
            Change::None
        );
        assert_eq!(
            f.update([true, false, true, false], false, Back::Nothing),
            Change::Opened(vec![Window::Gallery])
        );
        assert_eq!(
            f.update([false, false, true, false], false, Back::Nothing),
            Change::None
        );
        // The canvas had the keyboard before the first window opened: it gets it back.
        assert_eq!(
            f.update([false; 4], false, Back::Nothing),
            Change::AllClosed(Back::Canvas)
        );
        assert_eq!(f.update([false; 4], false, Back::Nothing), Change::None);
    }

    #[test]
    fn the_control_that_had_the_focus_before_a_dialog_gets_it_back() {
        let mut f = Follower::default();
        let button = Back::Widget(Id::unique("a button"));
        assert_eq!(f.update([false; 4], false, button), Change::None);
        // A dialog (not one of the four windows) opens, and takes the focus.
        let field = Back::Widget(Id::unique("the dialog's field"));
        assert_eq!(f.update([false; 4], true, field), Change::None);
        assert_eq!(f.update([false; 4], true, field), Change::None);
        assert_eq!(
            f.update([false; 4], false, field),
            Change::AllClosed(button)
        );
    }
}
