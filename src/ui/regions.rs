//! Tab moves between the regions of the window (the journey list, the canvas, the
//! inspector), not through the map's items one by one: Tab from the journey list's last
//! control goes to the canvas, from the canvas to the inspector, from the inspector's
//! last control round to the journey list; Shift+Tab goes back the same way. Inside a
//! panel, Tab moves from control to control as usual.

use egui::{Context, Id, LayerId};

/// A side panel's focusable controls, in Tab order: the first and the last.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Region {
    /// The first control Tab reaches.
    pub first: Id,
    /// The last.
    pub last: Id,
}

/// How many widgets `layer` has this frame (mark taken before a panel is drawn).
pub fn mark(ctx: &Context, layer: LayerId) -> usize {
    ctx.viewport(|v| v.this_pass.widgets.get_layer(layer).count())
}

/// The focusable, enabled controls drawn in `layer` since `mark` (a panel's), but
/// `skip` (its resize edge): the first and the last, if any.
pub fn since(ctx: &Context, layer: LayerId, mark: usize, skip: Id) -> Option<Region> {
    let ids: Vec<Id> = ctx.viewport(|v| {
        v.this_pass
            .widgets
            .get_layer(layer)
            .skip(mark)
            .filter(|w| w.sense.is_focusable() && w.enabled && w.id != skip)
            .map(|w| w.id)
            .collect()
    });
    Some(Region {
        first: *ids.first()?,
        last: *ids.last()?,
    })
}

/// Where the keyboard is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Place {
    /// The canvas has it.
    Canvas,
    /// This control has the focus.
    Widget(Id),
}

/// Where Tab (`back`: Shift+Tab) goes from `now`, given the journey list (`left`) and
/// the inspector (`right`) as last drawn, and the inspector's first field; `None`:
/// egui's own order, from control to control inside a panel.
pub fn next(
    now: Place,
    back: bool,
    left: Option<Region>,
    right: Option<Region>,
    inspector_first: Option<Id>,
) -> Option<Place> {
    let right_first = inspector_first.or(right.map(|r| r.first));
    let widget = |id: Option<Id>| id.map(Place::Widget);
    match now {
        Place::Canvas if back => widget(left.map(|r| r.last)).or(widget(right.map(|r| r.last))),
        Place::Canvas => widget(right_first).or(widget(left.map(|r| r.first))),
        Place::Widget(id) => {
            let is = |r: Option<Region>, f: fn(Region) -> Id| r.is_some_and(|r| f(r) == id);
            if (!back && is(left, |r| r.last))
                || (back && (right_first == Some(id) || is(right, |r| r.first)))
            {
                Some(Place::Canvas)
            } else if !back && is(right, |r| r.last) {
                widget(left.map(|r| r.first)).or(Some(Place::Canvas))
            } else if back && is(left, |r| r.first) {
                widget(right.map(|r| r.last)).or(Some(Place::Canvas))
            } else {
                None
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_goes_round_the_regions_and_shift_tab_back() {
        let id = |s: &str| Id::unique(s);
        let left = Some(Region {
            first: id("add"),
            last: id("show all"),
        });
        let right = Some(Region {
            first: id("title"),
            last: id("colour"),
        });
        let w = |s: &str| Place::Widget(id(s));
        // Forward: list's last → canvas → inspector → (its last) → list's first.
        assert_eq!(
            next(w("show all"), false, left, right, None),
            Some(Place::Canvas)
        );
        assert_eq!(
            next(Place::Canvas, false, left, right, None),
            Some(w("title"))
        );
        assert_eq!(next(w("title"), false, left, right, None), None);
        assert_eq!(next(w("colour"), false, left, right, None), Some(w("add")));
        // Back: inspector's first → canvas → list's last; list's first → inspector.
        assert_eq!(
            next(w("title"), true, left, right, None),
            Some(Place::Canvas)
        );
        assert_eq!(
            next(Place::Canvas, true, left, right, None),
            Some(w("show all"))
        );
        assert_eq!(next(w("add"), true, left, right, None), Some(w("colour")));
        // The inspector hidden: the canvas and the list alone.
        assert_eq!(
            next(w("show all"), false, left, None, None),
            Some(Place::Canvas)
        );
        assert_eq!(next(Place::Canvas, false, left, None, None), Some(w("add")));
    }
}
