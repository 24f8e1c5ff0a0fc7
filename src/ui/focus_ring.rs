//! A focus ring for the widget that has the keyboard focus, drawn once the keyboard is
//! being used to move around (Tab, arrows): the orange of the canvas's own focus ring
//! ([`color::FOCUS_RING`]), so a keyboard user always sees where they are, whatever
//! the widget. egui only shades a focused widget a little; a mouse user, who clicked
//! what they use, sees no ring (like the web's `:focus-visible`).

use egui::{Context, Event, Id, Key, Stroke, StrokeKind};

use crate::theme::{color, size};

/// Whether the keyboard is what moves the focus now: set by a navigation key, cleared
/// by a pointer press.
#[derive(Clone, Copy, Default)]
struct KeyboardMode(bool);

/// Keeps track of how the focus is moved and draws the ring around the focused widget.
/// Call once a frame, after every widget and window is shown. `canvas` is where the map
/// is: it rings its own keyboard selection instead.
pub fn paint(ctx: &Context, canvas: Option<egui::Rect>) {
    let key = Id::unique("waymark-focus-ring");
    let (navigated, pressed) = ctx.input(|i| {
        let navigated = i.events.iter().any(|e| {
            matches!(
                e,
                Event::Key {
                    key: Key::Tab
                        | Key::ArrowUp
                        | Key::ArrowDown
                        | Key::ArrowLeft
                        | Key::ArrowRight
                        | Key::F10,
                    pressed: true,
                    ..
                }
            )
        });
        (navigated, i.pointer.any_pressed())
    });
    let keyboard = ctx.data_mut(|d| {
        let mode = d.get_temp_mut_or_default::<KeyboardMode>(key);
        if pressed {
            mode.0 = false;
        } else if navigated {
            mode.0 = true;
        }
        mode.0
    });
    if !keyboard {
        return;
    }
    let Some(id) = ctx.memory(egui::Memory::focused) else {
        return;
    };
    let Some(response) = ctx.read_response(id) else {
        return;
    };
    // The part of the widget in view (a widget half scrolled out is ringed where seen).
    let rect = response.interact_rect;
    let on_map = response.layer_id == egui::LayerId::background()
        && canvas.is_some_and(|c| c.contains_rect(response.rect));
    if !rect.is_positive() || on_map {
        return;
    }
    ctx.layer_painter(response.layer_id).rect_stroke(
        rect.expand(1.0),
        3.0,
        Stroke::new(size::FOCUS_RING, color::FOCUS_RING),
        StrokeKind::Outside,
    );
}
