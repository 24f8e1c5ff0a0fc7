//! Workshop mode: the journey on the projector, one stage at a time.
//!
//! Presenting is a mode of the window, not a second renderer: the main window goes full
//! screen with no menus or panels and paints the current step through
//! [`render::paint_step`] (the projector's palette, the stage in the spotlight, what
//! is revealed), the same code the canvas and the exports use. The presenter console
//! ([`console`]) is a second native window, or an overlay on a single screen. Every
//! change made while presenting (a card typed in, a vote) is an ordinary undoable edit.

mod console;

pub use console::top_voted_ui;

use std::sync::Arc;

use egui::text::{CCursor, CCursorRange};
use egui::{Key, Modifiers, Rect, Role, Sense, Stroke, StrokeKind, WidgetInfo, vec2};

use crate::app::{AppState, Command, Edit, Selection};
use crate::layout::spotlight::{self, StepView};
use crate::layout::{self, Hit, MapLayout};
use crate::model::{CardId, JourneyId};
use crate::render::{self, EguiText, PaintOptions};
use crate::t;
use crate::theme;

/// How long the move from one step to the next takes, in seconds.
const TRANSITION: f64 = 0.35;

/// The presentation in progress: view state, never saved.
pub struct Presentation {
    /// The step shown: 0 the overview, then every page of every stage.
    step: usize,
    /// The (fractional) step the move to `step` started from, and when it started.
    from: f32,
    from_time: f64,
    /// Reveal the emotion curve, quotes and measures up to the current stage only.
    pub reveal: bool,
    /// Show the presenter console as a window over the projector view (one screen)
    /// instead of a window of its own.
    pub console_overlay: bool,
    /// When the presentation started, and when the current step was reached.
    started: f64,
    step_started: f64,
    /// The time box of each stage in minutes (0: none).
    pub time_box_minutes: u32,
    /// The editor's selection and full-screen state, restored on leaving.
    pub(super) saved_selection: Option<Selection>,
    pub(super) was_fullscreen: bool,
    /// The card being typed in (live capture), and whether it has had focus.
    editing: Option<(CardId, String, bool)>,
    /// Open the editor on the card the next frame selects (after adding one).
    edit_next: bool,
    /// The layout of the journey shown, with the revision and journey it is of, and
    /// the stages too crowded to read from the back of the room.
    cache: Option<Cached>,
    /// Set when the presenter asks to end the presentation.
    pub(super) leave: bool,
}

struct Cached {
    revision: u64,
    journey: JourneyId,
    screen: egui::Vec2,
    layout: Arc<MapLayout>,
    /// The steps on this screen: the overview, then every page of every stage.
    steps: Vec<spotlight::Step>,
    /// The stages with text under 24 px on a 1080p projector, with that size.
    illegible: Vec<(usize, f32)>,
}

impl Presentation {
    /// A presentation starting on the overview at time `now`.
    pub fn new(now: f64, saved_selection: Option<Selection>, was_fullscreen: bool) -> Self {
        Self {
            step: 0,
            from: 0.0,
            from_time: f64::NEG_INFINITY,
            reveal: false,
            console_overlay: false,
            started: now,
            step_started: now,
            time_box_minutes: 0,
            saved_selection,
            was_fullscreen,
            editing: None,
            edit_next: false,
            cache: None,
            leave: false,
        }
    }

    /// The step shown: 0 is the overview, then every page of every stage in turn.
    pub fn step(&self) -> usize {
        self.step
    }

    /// The steps of the presentation on the screen it was last shown on: the overview,
    /// then every page of every stage.
    pub fn steps(&self) -> &[spotlight::Step] {
        self.cache.as_ref().map_or(&[], |c| c.steps.as_slice())
    }

    /// The size of the projector view the steps were made for (points).
    pub fn screen(&self) -> Option<egui::Vec2> {
        self.cache.as_ref().map(|c| c.screen)
    }

    /// The step shown, once the presentation has been shown.
    pub fn current(&self) -> Option<&spotlight::Step> {
        self.steps().get(self.step)
    }

    /// The stage in the spotlight (by index), `None` on the overview.
    pub fn spotlight(&self) -> Option<usize> {
        self.current().and_then(|s| s.stage)
    }

    /// True while a card is being typed in.
    pub fn is_editing(&self) -> bool {
        self.editing.is_some()
    }

    /// Goes to step `step` (clamped to the last of `steps`), animating from where the
    /// view is at `now`.
    fn go_to(&mut self, step: usize, steps: usize, now: f64) {
        let step = step.min(steps.saturating_sub(1));
        if step == self.step {
            return;
        }
        self.from = self.shown_step(now);
        self.from_time = now;
        // The step timer (and the time box) counts per stage, not per page.
        let stage = |i: usize| self.steps().get(i).map(|s| s.stage);
        if stage(step) != stage(self.step) {
            self.step_started = now;
        }
        self.step = step;
    }

    /// Progress (0..=1) of the move to the current step at `now`, eased.
    fn progress(&self, now: f64) -> f32 {
        let t = ((now - self.from_time) / TRANSITION).clamp(0.0, 1.0) as f32;
        // Ease out: fast start, gentle arrival.
        1.0 - (1.0 - t) * (1.0 - t)
    }

    fn animating(&self, now: f64) -> bool {
        now - self.from_time < TRANSITION
    }

    /// The (fractional) step the view shows at `now`.
    fn shown_step(&self, now: f64) -> f32 {
        let p = self.progress(now);
        self.from + (self.step as f32 - self.from) * p
    }

    /// Seconds since the presentation started, and since the current step was reached.
    pub fn elapsed(&self, now: f64) -> (f64, f64) {
        (now - self.started, now - self.step_started)
    }

    /// Starts the timers again from `now`.
    fn reset_timer(&mut self, now: f64) {
        self.started = now;
        self.step_started = now;
    }

    /// The layout of `state`'s current journey and its steps on a screen of `screen`
    /// points, made again only when the document, the journey or the screen changes.
    /// The step shown stays on the same stage and page where it still exists.
    fn layout(
        &mut self,
        ctx: &egui::Context,
        state: &AppState,
        screen: egui::Vec2,
    ) -> Option<Arc<MapLayout>> {
        let journey = state.current_journey()?;
        if let Some(c) = &self.cache
            && c.revision == state.revision()
            && c.journey == journey.id
            && c.screen == screen
        {
            return Some(Arc::clone(&c.layout));
        }
        let map = match &self.cache {
            Some(c) if c.revision == state.revision() && c.journey == journey.id => {
                Arc::clone(&c.layout)
            }
            _ => Arc::new(layout::layout_journey_with(
                state.project(),
                journey,
                &EguiText(ctx),
                &layout::LayoutOptions::default(),
            )),
        };
        let steps = spotlight::plan(state.project(), journey, &map, screen);
        let projector = spotlight::plan(state.project(), journey, &map, spotlight::PROJECTOR);
        let illegible = spotlight::illegible_stages(&projector);
        let was = self.current().map(|s| (s.stage, s.page));
        if let Some((stage, page)) = was {
            let same = |s: &&spotlight::Step| s.stage == stage;
            if let Some(i) = steps
                .iter()
                .position(|s| s.stage == stage && s.page == page)
                .or_else(|| steps.iter().rposition(|s| same(&s)))
            {
                self.step = i;
                self.from = i as f32;
            }
        }
        self.cache = Some(Cached {
            revision: state.revision(),
            journey: journey.id,
            screen,
            layout: Arc::clone(&map),
            steps,
            illegible,
        });
        Some(map)
    }

    /// The stages whose spotlight shows text below the legible size, with that size.
    fn illegible(&self) -> &[(usize, f32)] {
        self.cache.as_ref().map_or(&[], |c| c.illegible.as_slice())
    }
}

/// What the presenter asked for with a key or a console button.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Step {
    Next,
    Previous,
    First,
    Last,
}

/// One frame of the presentation: the projector view filling `ui`, the keys, and the
/// presenter console. Returns the commands to apply.
pub fn present_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    pres: &mut Presentation,
    commands: &mut Vec<Command>,
) {
    let ctx = ui.ctx().clone();
    let now = ctx.input(|i| i.time);
    let Some(journey) = state.current_journey() else {
        pres.leave = true;
        return;
    };
    let rect = ui.max_rect();
    let Some(map) = pres.layout(&ctx, state, rect.size()) else {
        pres.leave = true;
        return;
    };
    let steps = pres.steps().len();
    if pres.step >= steps {
        pres.go_to(steps - 1, steps, now);
    }
    // A card being typed in that is gone (undone) stops being edited.
    if let Some((card, ..)) = &pres.editing
        && journey.card(*card).is_none()
    {
        pres.editing = None;
    }
    if pres.edit_next
        && let Some(Selection::Card(id)) = state.selection
        && journey.card(id).is_some()
    {
        pres.edit_next = false;
        pres.editing = Some((id, String::new(), false));
    }
    if pres.editing.is_none() {
        keys(&ctx, state, pres, steps, now, commands);
    }

    // The controls on the projector (vote buttons, the card being typed) are drawn in
    // light colours, like the paper they sit on.
    ui.style_mut().visuals = egui::Visuals::light();
    let response = ui.interact(rect, ui.scope_id().with("projector"), Sense::click());
    response.widget_info(|| {
        let current = pres.current();
        let stage = current.and_then(|s| s.stage.map(|i| (i, s.page, s.pages)));
        let label = if let Some((i, page, pages)) = stage
            && let Some(stage) = journey.stages.get(i)
        {
            if pages > 1 {
                t!(
                    "present-step-stage-page",
                    step = i + 1,
                    count = journey.stages.len(),
                    stage = &stage.name,
                    page = page + 1,
                    pages = pages
                )
            } else {
                t!(
                    "present-step-stage",
                    step = i + 1,
                    count = journey.stages.len(),
                    stage = &stage.name
                )
            }
        } else {
            t!("present-step-overview", title = &journey.title)
        };
        WidgetInfo::labeled(Role::Image, true, label)
    });
    let view = shown_view(&map, pres, rect, now);
    let reveal = pres.current().map_or(0, spotlight::Step::reveal);
    let options = PaintOptions {
        palette: theme::PROJECTOR,
        reveal: pres.reveal.then_some(reveal),
        ..PaintOptions::default()
    };
    render::paint_step(
        ui.painter(),
        state.project(),
        journey,
        &map,
        &view,
        rect,
        options,
    );
    if pres.animating(now) {
        ctx.request_repaint();
    }

    // Cards: click to select (and vote), double-click a cell to add a card.
    cards_ui(ui, state, pres, &map, &view, commands);
    if let Some(pos) = response.interact_pointer_pos()
        && pres.editing.is_none()
        && let Some(doc) = view.to_doc(pos)
    {
        let hit = map.hit(doc);
        if response.double_clicked() {
            if let Some(Hit::Cell { lane, stage }) = hit {
                commands.push(Command::Edit {
                    edit: Edit::add_empty_card(journey.id, lane, stage),
                    gesture: None,
                });
                pres.edit_next = true;
            }
        } else if response.clicked() {
            let selection = match hit {
                Some(Hit::Cell { lane, stage }) => Some(Selection::Cell { lane, stage }),
                Some(Hit::Card(card) | Hit::EmotionPoint(card)) => Some(Selection::Card(card)),
                _ => None,
            };
            commands.push(Command::Select(selection));
        }
    }
    live_editor(ui, state, pres, &map, &view, commands);

    console::console(&ctx, state, pres, steps, now, commands);
    // The timers tick once a second.
    ctx.request_repaint_after(std::time::Duration::from_millis(500));
}

/// The view at `now`: the current step's, or on the way to it from the previous one.
fn shown_view(map: &MapLayout, pres: &Presentation, rect: Rect, now: f64) -> StepView {
    let steps = pres.steps();
    let view = |i: usize| {
        steps.get(i.min(steps.len().saturating_sub(1))).map_or_else(
            || spotlight::step_view(map, &overview(map), rect),
            |s| spotlight::step_view(map, s, rect),
        )
    };
    if !pres.animating(now) {
        return view(pres.step);
    }
    let at = pres.shown_step(now);
    let (a, b) = (at.floor().max(0.0) as usize, at.ceil().max(0.0) as usize);
    view(a).lerp(&view(b), at - at.floor())
}

/// The overview step, for a presentation not laid out yet.
fn overview(map: &MapLayout) -> spotlight::Step {
    spotlight::Step {
        stage: None,
        page: 0,
        pages: 1,
        lanes: 0..map.lanes.len(),
        heights: Vec::new(),
        scale: 1.0,
        smallest_px: 0.0,
    }
}

/// The presenter's keys: stepping (arrows, Page Up/Down, Space as a clicker sends
/// them), votes on the selected card, a new card, reveal, console, Escape to leave.
fn keys(
    ctx: &egui::Context,
    state: &AppState,
    pres: &mut Presentation,
    steps: usize,
    now: f64,
    commands: &mut Vec<Command>,
) {
    let (step, escape, plus, minus, new_card, reveal, overlay) = ctx.input_mut(|i| {
        let mut take = |m: Modifiers, k: Key| i.consume_key(m, k);
        let next = take(Modifiers::NONE, Key::ArrowRight)
            || take(Modifiers::NONE, Key::PageDown)
            || take(Modifiers::NONE, Key::ArrowDown)
            || take(Modifiers::NONE, Key::Space);
        let previous = take(Modifiers::NONE, Key::ArrowLeft)
            || take(Modifiers::NONE, Key::PageUp)
            || take(Modifiers::NONE, Key::ArrowUp)
            || take(Modifiers::SHIFT, Key::Space);
        let first = take(Modifiers::NONE, Key::Home);
        let last = take(Modifiers::NONE, Key::End);
        let step = if next {
            Some(Step::Next)
        } else if previous {
            Some(Step::Previous)
        } else if first {
            Some(Step::First)
        } else if last {
            Some(Step::Last)
        } else {
            None
        };
        let escape = take(Modifiers::NONE, Key::Escape);
        let plus = take(Modifiers::NONE, Key::Plus)
            || take(Modifiers::NONE, Key::Equals)
            || take(Modifiers::SHIFT, Key::Equals)
            || take(Modifiers::SHIFT, Key::Plus);
        let minus = take(Modifiers::NONE, Key::Minus);
        let new_card = take(Modifiers::NONE, Key::N);
        let reveal = take(Modifiers::NONE, Key::R);
        let overlay = take(Modifiers::NONE, Key::C);
        (step, escape, plus, minus, new_card, reveal, overlay)
    });
    if escape {
        pres.leave = true;
        return;
    }
    if let Some(step) = step {
        if pres.animating(now) {
            // A key during a transition finishes it at once instead of stepping on.
            pres.from_time = f64::NEG_INFINITY;
        } else {
            do_step(pres, step, steps, now);
        }
    }
    if reveal {
        pres.reveal = !pres.reveal;
    }
    if overlay {
        pres.console_overlay = !pres.console_overlay;
    }
    let Some(journey) = state.current_journey() else {
        return;
    };
    if (plus || minus)
        && let Some(Selection::Card(card)) = state.selection
    {
        commands.push(vote(journey.id, card, if plus { 1 } else { -1 }));
    }
    if new_card {
        let cell = match state.selection {
            Some(Selection::Cell { lane, stage }) => Some((lane, stage)),
            Some(Selection::Card(id)) => journey.card(id).map(|(l, c)| (l.id, c.stage)),
            _ => None,
        };
        if let Some((lane, stage)) = cell {
            commands.push(Command::Edit {
                edit: Edit::add_empty_card(journey.id, lane, stage),
                gesture: None,
            });
            pres.edit_next = true;
        }
    }
}

fn do_step(pres: &mut Presentation, step: Step, steps: usize, now: f64) {
    let target = match step {
        Step::Next => pres.step + 1,
        Step::Previous => pres.step.saturating_sub(1),
        Step::First => 0,
        Step::Last => steps.saturating_sub(1),
    };
    pres.go_to(target, steps, now);
}

/// One vote more (`delta` 1) or one less (-1) on a card: an ordinary edit.
pub fn vote(journey: JourneyId, card: CardId, delta: i32) -> Command {
    Command::Edit {
        edit: Edit::Vote {
            journey,
            card,
            delta,
        },
        gesture: None,
    }
}

/// The cards of the stage in the spotlight (every card on the overview) as buttons
/// named by their text: a click selects one; the selected card is outlined and shows
/// its vote buttons.
fn cards_ui(
    ui: &mut egui::Ui,
    state: &AppState,
    pres: &Presentation,
    map: &MapLayout,
    view: &StepView,
    commands: &mut Vec<Command>,
) {
    let Some(journey) = state.current_journey() else {
        return;
    };
    let clip = ui.clip_rect().intersect(view.body);
    for g in &map.cards {
        if pres.spotlight().is_some_and(|s| s != g.stage) {
            continue;
        }
        let Some(screen) = card_on_screen(map, view, g) else {
            continue;
        };
        if !clip.intersects(screen) {
            continue;
        }
        let card = &journey.lanes[g.lane].cards[g.card];
        let response = ui.interact(
            screen,
            ui.scope_id().with(("present_card", g.id)),
            Sense::click(),
        );
        response.widget_info(|| {
            if card.text.trim().is_empty() {
                WidgetInfo::labeled(Role::Button, true, t!("present-empty-card"))
            } else {
                WidgetInfo::labeled(Role::Button, true, &card.text)
            }
        });
        if response.clicked() {
            commands.push(Command::Select(Some(Selection::Card(g.id))));
        }
        if state.selection != Some(Selection::Card(g.id)) {
            continue;
        }
        ui.painter().rect_stroke(
            screen.expand(3.0),
            6.0,
            Stroke::new(3.0, theme::color::SELECTION),
            StrokeKind::Outside,
        );
        // The vote control: one more, one less, under the card's bottom-right corner.
        let size = vec2(40.0, 32.0);
        let plus =
            Rect::from_min_size(screen.right_bottom() + vec2(-2.0 * size.x - 4.0, 6.0), size);
        let minus = Rect::from_min_size(screen.right_bottom() + vec2(-size.x, 6.0), size);
        let mut ui = ui.new_child(egui::UiBuilder::new().max_rect(plus.union(minus)));
        let add = ui.put(plus, egui::Button::new(t!("present-vote-add")));
        let add = add.on_hover_text(t!("present-vote-add-tip"));
        if add.clicked() {
            commands.push(vote(journey.id, g.id, 1));
        }
        let remove = ui.put(
            minus,
            egui::Button::new(t!("present-vote-remove")).sense(if card.votes > 0 {
                Sense::click()
            } else {
                Sense::hover()
            }),
        );
        let remove = remove.on_hover_text(t!("present-vote-remove-tip"));
        if remove.clicked() {
            commands.push(vote(journey.id, g.id, -1));
        }
    }
}

/// Live capture: a large text field over the card being typed in. Enter keeps the
/// text (Shift+Enter starts a new line), Escape leaves the card as it was.
fn live_editor(
    ui: &egui::Ui,
    state: &AppState,
    pres: &mut Presentation,
    map: &MapLayout,
    view: &StepView,
    commands: &mut Vec<Command>,
) {
    let Some(journey) = state.current_journey() else {
        return;
    };
    let Some((card, text, focused)) = &mut pres.editing else {
        return;
    };
    let Some(g) = map.cards.iter().find(|g| g.id == *card) else {
        return;
    };
    let Some(screen) = card_on_screen(map, view, g) else {
        return;
    };
    let font = theme::font::CARD * view.scale();
    let (enter, escape) = ui.input(|i| {
        (
            i.key_pressed(Key::Enter) && !i.modifiers.shift,
            i.key_pressed(Key::Escape),
        )
    });
    let mut commit = false;
    let mut cancel = false;
    egui::Area::new(ui.scope_id().with("present_edit"))
        .fixed_pos(screen.min)
        .order(egui::Order::Foreground)
        .show(ui.ctx(), |ui| {
            ui.style_mut().visuals = egui::Visuals::light();
            let width = screen.width().max(200.0);
            ui.set_width(width);
            let field = ui.scope_id().with("present_edit_field");
            let response = ui.add(
                egui::TextEdit::multiline(text)
                    .id(field)
                    .font(egui::FontId::proportional(font))
                    .desired_rows(2)
                    .desired_width(width),
            );
            response
                .widget_info(|| WidgetInfo::labeled(Role::TextInput, true, t!("present-new-card")));
            if !*focused {
                response.request_focus();
                *focused = true;
                let mut te =
                    egui::text_edit::TextEditState::load(ui.ctx(), field).unwrap_or_default();
                te.cursor
                    .set_char_range(Some(CCursorRange::one(CCursor::new(text.chars().count()))));
                te.store(ui.ctx(), field);
            }
            if escape {
                cancel = true;
            } else if enter || (response.lost_focus() && *focused) {
                commit = true;
            }
        });
    if cancel {
        ui.ctx()
            .input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape));
        pres.editing = None;
        return;
    }
    if !commit {
        return;
    }
    let text = text.trim_end_matches('\n').to_owned();
    let card = *card;
    pres.editing = None;
    if let Some((_, c)) = journey.card(card).filter(|(_, c)| c.text != text) {
        let mut c = c.clone();
        c.text = text;
        commands.push(Command::Edit {
            edit: Edit::SetCard {
                journey: journey.id,
                card: Box::new(c),
            },
            gesture: None,
        });
    }
}

/// Where card `g` is on screen in `view` (clipped to its lane's band on a page), or
/// `None` when the view does not show its lane.
fn card_on_screen(map: &MapLayout, view: &StepView, g: &layout::CardGeom) -> Option<Rect> {
    let lane = map.lanes.iter().position(|l| l.index == g.lane)?;
    let (xf, clip) = view.lane_transform(lane)?;
    let screen = xf.mul_rect(g.rect).intersect(clip);
    (screen.height() > 0.0 && screen.width() > 0.0).then_some(screen)
}

/// Minutes and seconds, `12:05`.
fn clock(seconds: f64) -> String {
    let s = seconds.max(0.0) as u64;
    format!("{:02}:{:02}", s / 60, s % 60)
}
