//! The journey canvas driven like a user would: real pointer drags on stage headers,
//! cards and emotion points, keyboard editing, and undo/redo of a whole session.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use egui::{Key, Modifiers, Pos2, vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{project, sample_app as app};
use waymark::app::Selection;
use waymark::model::{LaneKind, Project};
use waymark::ui::WaymarkApp;

fn stage_names(h: &Harness<'_, WaymarkApp>) -> Vec<String> {
    project(h).journeys[0]
        .stages
        .iter()
        .map(|s| s.name.clone())
        .collect()
}

/// A real pointer drag: press, move in steps (one frame each), release.
fn drag(h: &mut Harness<'_, WaymarkApp>, from: Pos2, to: Pos2) {
    h.drag_at(from);
    h.step();
    for i in 1..=8 {
        let t = i as f32 / 8.0;
        h.hover_at(from + (to - from) * t);
        h.step();
    }
    h.drop_at(to);
    h.step();
    h.run();
}

#[test]
fn dragging_a_stage_header_reorders_the_stages() {
    let mut h = app();
    let before = stage_names(&h);
    let from = h.get_by_label("Order online").rect().center();
    let target = h.get_by_label("First weeks").rect().center();
    drag(&mut h, from, target + vec2(20.0, 0.0));
    let after = stage_names(&h);
    assert_eq!(
        after,
        vec![
            "Discover & compare",
            "Wait for install",
            "Installation day",
            "First weeks",
            "Order online",
            "Fault reported",
            "Fault fixed"
        ]
    );
    assert_ne!(before, after);
    // One drag is one undo step.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(stage_names(&h), before);
}

#[test]
fn dragging_an_emotion_point_sets_a_whole_score() {
    let mut h = app();
    // The "Angry, stuck" point sits at -5; drag it up to about +2.
    let point = h.get_by_label_contains("Emotions: Angry, stuck").rect();
    let lane = h.get_by_label("Emotions").rect();
    let (top, bottom) = (
        lane.top() + 22.0 * zoom(&h),
        lane.bottom() - 22.0 * zoom(&h),
    );
    let target_y = bottom + (top - bottom) * 0.7; // 70% of the way up: -5 + 7 = +2
    drag(
        &mut h,
        point.center(),
        Pos2::new(point.center().x, target_y),
    );
    let journey = &project(&h).journeys[0];
    let emotion = journey
        .lanes
        .iter()
        .find(|l| matches!(l.kind, LaneKind::Emotion { .. }))
        .unwrap();
    let card = emotion
        .cards
        .iter()
        .find(|c| c.text == "Angry, stuck")
        .unwrap();
    assert_eq!(card.emotion, Some(2.0));
    // Its accessible name follows the score.
    h.get_by_label_contains("Angry, stuck (+2)");
}

fn zoom(h: &Harness<'_, WaymarkApp>) -> f32 {
    h.state().view.zoom
}

#[test]
fn number_keys_set_the_score_of_the_selected_point() {
    let mut h = app();
    h.get_by_label_contains("Emotions: Hopeful").click();
    h.run();
    h.key_press(Key::Num4);
    h.run();
    let score = |h: &Harness<'_, WaymarkApp>| {
        project(h).journeys[0]
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .find(|c| c.text == "Hopeful")
            .unwrap()
            .emotion
    };
    assert_eq!(score(&h), Some(4.0));
    h.key_press(Key::Minus);
    h.key_press(Key::Num3);
    h.run();
    assert_eq!(score(&h), Some(-3.0));
}

#[test]
fn a_card_is_added_and_edited_with_the_keyboard() {
    let mut h = app();
    // The quotes lane has no card under "Wait for install": go there with the arrows.
    h.get_by_label("\"Ordering took five minutes, really smooth.\"")
        .click();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    let journey = project(&h).journeys[0].clone();
    let quotes = journey
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Quotes)
        .unwrap();
    let wait = journey
        .stages
        .iter()
        .find(|s| s.name == "Wait for install")
        .unwrap();
    assert_eq!(
        h.state().state.selection,
        Some(Selection::Cell {
            lane: quotes.id,
            stage: wait.id
        })
    );
    // Enter adds a card there and opens it for typing; Enter again commits.
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Edit text in place")
        .type_text("Nobody told me when they'd come.");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let journey = &project(&h).journeys[0];
    let quotes = journey
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Quotes)
        .unwrap();
    let card = quotes.cards.iter().find(|c| c.stage == wait.id).unwrap();
    assert_eq!(card.text, "Nobody told me when they'd come.");
    h.get_by_label("Nobody told me when they'd come.");

    // Enter on the selected card edits it; Escape cancels without a change.
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Edit text in place").type_text(" Extra");
    h.key_press(Key::Escape);
    h.run();
    let journey = &project(&h).journeys[0];
    assert!(
        journey
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .any(|c| c.text == "Nobody told me when they'd come.")
    );

    // Delete removes it.
    h.key_press(Key::Delete);
    h.run();
    assert!(
        h.query_by_label("Nobody told me when they'd come.")
            .is_none()
    );
}

#[test]
fn a_card_dragged_to_another_cell_moves_there() {
    let mut h = app();
    let card = h.get_by_label("Web shop, live chat agent").rect();
    // The front-stage cell under "Wait for install" is empty.
    let column = h.get_by_label("Wait for install").rect();
    let target = Pos2::new(column.center().x, card.center().y);
    drag(&mut h, card.center(), target);
    let journey = &project(&h).journeys[0];
    let wait = journey
        .stages
        .iter()
        .find(|s| s.name == "Wait for install")
        .unwrap();
    let front = journey
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::FrontStage)
        .unwrap();
    let moved = front
        .cards
        .iter()
        .find(|c| c.text == "Web shop, live chat agent")
        .unwrap();
    assert_eq!(moved.stage, wait.id);
    // Dropping a note on the emotion lane is refused: the card stays where it is.
    let card = h.get_by_label("Web shop, live chat agent").rect();
    let emotions = h.get_by_label("Emotions").rect();
    drag(
        &mut h,
        card.center(),
        Pos2::new(card.center().x, emotions.center().y),
    );
    let journey2 = &project(&h).journeys[0];
    let front2 = journey2
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::FrontStage)
        .unwrap();
    assert!(
        front2
            .cards
            .iter()
            .any(|c| c.text == "Web shop, live chat agent" && c.stage == wait.id)
    );
}

#[test]
fn undo_and_redo_restore_every_step_of_a_session() {
    let mut h = app();
    let mut snapshots = vec![project(&h)];
    let record = |h: &Harness<'_, WaymarkApp>, snapshots: &mut Vec<Project>| {
        let p = project(h);
        assert_ne!(snapshots.last().unwrap(), &p, "the step changed nothing");
        snapshots.push(p);
    };
    // 1. Move a stage.
    let from = h.get_by_label("Fault fixed").rect().center();
    let to = h.get_by_label("Discover & compare").rect().center() - vec2(40.0, 0.0);
    drag(&mut h, from, to);
    record(&h, &mut snapshots);
    // 2. Rename a stage in place.
    h.get_by_label("Order online").click();
    h.run();
    h.key_press(Key::F2);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Edit text in place").type_text("Buy");
    h.key_press(Key::Enter);
    h.run();
    record(&h, &mut snapshots);
    // 3. Duplicate a card.
    h.get_by_label("Online review").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::D);
    h.run();
    record(&h, &mut snapshots);
    // 4. Delete a lane.
    h.get_by_label("Thoughts").click();
    h.run();
    h.key_press(Key::Delete);
    h.run();
    record(&h, &mut snapshots);
    // 5. Copy a card and paste it into another cell.
    h.get_by_label("Guaranteed minimum speed").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::C);
    h.get_by_label("Live engineer tracking").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::V);
    h.run();
    record(&h, &mut snapshots);
    assert_eq!(
        project(&h).journeys[0]
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .filter(|c| c.text == "Guaranteed minimum speed")
            .count(),
        2
    );

    for expected in snapshots.iter().rev().skip(1) {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
        assert_eq!(&project(&h), expected);
    }
    assert!(!h.state().state.is_dirty());
    for expected in snapshots.iter().skip(1) {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
        h.run();
        assert_eq!(&project(&h), expected);
    }
}

#[test]
fn journeys_are_added_duplicated_and_deleted_from_the_list() {
    let mut h = app();
    h.get_by_label_contains("Duplicate journey").click();
    h.run();
    let p = project(&h);
    assert_eq!(p.journeys.len(), 2);
    assert!(p.journeys[1].title.ends_with("(copy)"));
    assert_eq!(p.validate(), vec![]);
    h.get_by_label("Add journey").click();
    h.run();
    assert_eq!(project(&h).journeys.len(), 3);
    assert_eq!(
        h.state().state.current_journey().unwrap().title,
        "New journey"
    );
    h.get_by_label_contains("Delete journey").click();
    h.run();
    assert_eq!(project(&h).journeys.len(), 2);
}

#[test]
fn dragging_a_stage_edge_resizes_it_in_one_step() {
    let mut h = app();
    let header = h.get_by_label("Order online").rect();
    let edge = h.get_by_label("Resize stage Order online").rect();
    let width_before = project(&h).journeys[0].stages[1].width;
    let z = zoom(&h);
    // Drag the edge 50 document units to the right.
    drag(&mut h, edge.center(), edge.center() + vec2(50.0 * z, 0.0));
    let width = project(&h).journeys[0].stages[1].width;
    assert!(
        (width - (width_before + 50.0)).abs() <= 2.0,
        "{width_before} -> {width}"
    );
    assert!(h.get_by_label("Order online").rect().width() > header.width() + 40.0 * z);
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!((project(&h).journeys[0].stages[1].width - width_before).abs() < f32::EPSILON);
}

#[test]
fn dragging_a_lane_header_reorders_the_lanes() {
    let mut h = app();
    let quotes = h.get_by_label("Customer quotes").rect();
    let actions = h.get_by_label("Customer actions").rect();
    drag(
        &mut h,
        quotes.center(),
        actions.center() - vec2(0.0, actions.height() * 0.4),
    );
    let titles: Vec<String> = project(&h).journeys[0]
        .lanes
        .iter()
        .map(|l| l.title.clone())
        .collect();
    assert_eq!(titles[0], "Customer quotes");
    assert_eq!(titles[1], "Customer actions");
}

#[test]
fn shift_drag_on_the_background_selects_cards_with_a_rubber_band() {
    let mut h = app();
    let a = h.get_by_label("Speeds quoted as \"up to\"").rect();
    let b = h.get_by_label("Four-hour arrival window").rect();
    // From just left of the first card, inside its cell's padding (clear of the lane's
    // resize edge and of the cell beside it), to below-right of the second, over empty
    // space.
    let from = a.left_top() + vec2(-2.0, 6.0);
    let to = b.right_bottom() + vec2(4.0, 4.0);
    // Shift is held through the whole drag, as a user holds it.
    let button = |pos, pressed| egui::Event::PointerButton {
        pos,
        button: egui::PointerButton::Primary,
        pressed,
        modifiers: Modifiers::SHIFT,
    };
    h.event(egui::Event::ModifiersChanged(Modifiers::SHIFT));
    h.event(button(from, true));
    h.step();
    for i in 1..=8 {
        h.hover_at(from + (to - from) * (i as f32 / 8.0));
        h.step();
    }
    h.event(button(to, false));
    h.step();
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
    let journey = &project(&h).journeys[0];
    let pains = journey
        .lanes
        .iter()
        .find(|l| l.title == "Pain points")
        .unwrap();
    let selected = &h.state().state.selected_cards;
    assert_eq!(selected.len(), 3, "{selected:?}");
    for c in &pains.cards[..3] {
        assert!(selected.contains(&c.id), "{} not selected", c.text);
    }
    // Delete removes all three in one undoable step.
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(
        project(&h).journeys[0]
            .lanes
            .iter()
            .find(|l| l.title == "Pain points")
            .unwrap()
            .cards
            .len(),
        2
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(
        project(&h).journeys[0]
            .lanes
            .iter()
            .find(|l| l.title == "Pain points")
            .unwrap()
            .cards
            .len(),
        5
    );
}

#[test]
fn ctrl_wheel_zooms_around_the_pointer() {
    let mut h = app();
    let stage = h.get_by_label("Installation day").rect();
    let anchor = stage.center();
    let before = zoom(&h);
    h.hover_at(anchor);
    h.step();
    h.event(egui::Event::Zoom(1.5));
    h.run();
    let after = zoom(&h);
    assert!((after - before * 1.5).abs() < 1e-3, "{before} -> {after}");
    // The stage header stays under the pointer.
    let moved = h.get_by_label("Installation day").rect();
    assert!(
        moved.contains(anchor),
        "{moved:?} does not contain {anchor:?}"
    );
    assert!(moved.width() > stage.width() * 1.4);
    // Zoom stops at 400%.
    for _ in 0..20 {
        h.event(egui::Event::Zoom(2.0));
        h.step();
    }
    assert!((zoom(&h) - 4.0).abs() < 1e-3);
}

/// One notch of a mouse wheel with Ctrl held, as winit reports it on Linux and Windows.
fn ctrl_wheel_notch(h: &mut Harness<'_, WaymarkApp>, up: bool) {
    h.event(egui::Event::ModifiersChanged(Modifiers::COMMAND));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Line,
        delta: vec2(0.0, if up { 1.0 } else { -1.0 }),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::COMMAND,
    });
    // The wheel's step is spread over a few frames; let it finish.
    h.run_steps(60);
    h.event(egui::Event::ModifiersChanged(Modifiers::NONE));
    h.run();
}

#[test]
fn ctrl_wheel_zooms_in_small_steps_of_ten_percent_a_notch() {
    let mut h = app();
    let anchor = h.get_by_label("Installation day").rect().center();
    h.hover_at(anchor);
    h.run();
    let before = zoom(&h);
    ctrl_wheel_notch(&mut h, true);
    let one = zoom(&h);
    assert!(
        (one / before - 1.1).abs() < 0.01,
        "one notch zoomed {before} -> {one} ({:.3}x)",
        one / before
    );
    // A notch the other way zooms back out.
    ctrl_wheel_notch(&mut h, false);
    assert!(
        (zoom(&h) - before).abs() < 0.01 * before,
        "{before} -> {}",
        zoom(&h)
    );
}

#[test]
fn right_clicking_an_empty_cell_offers_add_card_here() {
    let mut h = app();
    // The quotes lane has no card under "Wait for install".
    let column = h.get_by_label("Wait for install").rect();
    let row = h.get_by_label("Customer quotes").rect();
    let cell = Pos2::new(column.center().x, row.center().y);
    h.hover_at(cell);
    h.event(egui::Event::PointerButton {
        pos: cell,
        button: egui::PointerButton::Secondary,
        pressed: true,
        modifiers: Modifiers::NONE,
    });
    h.event(egui::Event::PointerButton {
        pos: cell,
        button: egui::PointerButton::Secondary,
        pressed: false,
        modifiers: Modifiers::NONE,
    });
    h.run();
    h.get_by_label("Add card here").click();
    h.run();
    // The new card is open for typing.
    h.get_by_label("Edit text in place")
        .type_text("Silence for a week");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let journey = &project(&h).journeys[0];
    let wait = journey
        .stages
        .iter()
        .find(|s| s.name == "Wait for install")
        .unwrap();
    let quotes = journey
        .lanes
        .iter()
        .find(|l| l.kind == LaneKind::Quotes)
        .unwrap();
    let added: Vec<_> = quotes.cards.iter().filter(|c| c.stage == wait.id).collect();
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].text, "Silence for a week");
    // Undo takes back the text, then the card.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert!(
        project(&h).journeys[0]
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .all(|c| c.text != "Silence for a week")
    );
}

#[test]
fn arrow_keys_move_between_stage_headers_and_f2_renames_the_header() {
    let mut h = app();
    let stage = |h: &Harness<'_, WaymarkApp>, name: &str| {
        project(h).journeys[0]
            .stages
            .iter()
            .find(|s| s.name == name)
            .unwrap()
            .id
    };
    let selected = |h: &Harness<'_, WaymarkApp>| h.state().state.selection;
    h.get_by_label("Order online").click();
    h.run();
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(
        selected(&h),
        Some(Selection::Stage(stage(&h, "Wait for install")))
    );
    h.key_press(Key::ArrowLeft);
    h.run();
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(
        selected(&h),
        Some(Selection::Stage(stage(&h, "Discover & compare")))
    );
    // The first header stays selected: Left does not leave the header row.
    h.key_press(Key::ArrowLeft);
    h.run();
    assert_eq!(
        selected(&h),
        Some(Selection::Stage(stage(&h, "Discover & compare")))
    );
    // F2 renames the selected header.
    h.key_press(Key::F2);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Edit text in place")
        .type_text("Look around");
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(project(&h).journeys[0].stages[0].name, "Look around");
    assert_eq!(
        selected(&h),
        Some(Selection::Stage(stage(&h, "Look around")))
    );
    // Down goes into the top lane under that stage, and Up comes back to the header.
    h.key_press(Key::ArrowDown);
    h.run();
    let journey = project(&h).journeys[0].clone();
    let top = &journey.lanes[0];
    let first = journey.stages[0].id;
    let expected = journey.cell_cards(top, first).next().map_or(
        Selection::Cell {
            lane: top.id,
            stage: first,
        },
        |c| Selection::Card(c.id),
    );
    assert_eq!(selected(&h), Some(expected));
    h.key_press(Key::ArrowUp);
    h.run();
    assert_eq!(selected(&h), Some(Selection::Stage(first)));
}

#[test]
fn a_new_stage_name_is_replaced_by_typing_and_f2_types_at_the_end() {
    let mut h = app();
    h.get_by_label("Map").click();
    h.run();
    h.get_by_label("Add stage at end").click();
    h.run();
    // The placeholder name is selected: typing replaces it.
    h.get_by_label("Edit text in place")
        .type_text("Fund account");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    let journey = &project(&h).journeys[0];
    assert_eq!(journey.stages.last().unwrap().name, "Fund account");
    // Another edit in place starts with the caret at the end of its own text (not
    // where the last edit left it).
    h.get_by_label("Web shop, live chat agent").click();
    h.run();
    h.key_press(Key::F2);
    h.run();
    h.get_by_label("Edit text in place").type_text("Z");
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        project(&h).journeys[0]
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .any(|c| c.text == "Web shop, live chat agentZ"),
        "F2 then Z did not append at the end"
    );
}

#[test]
fn stage_headers_and_lane_titles_stay_in_view_while_a_zoomed_map_scrolls() {
    let mut h = app();
    let canvas = h.get_by_label("Journey map").rect();
    let centre = canvas.center();
    h.hover_at(centre);
    h.step();
    h.event(egui::Event::Zoom(3.0));
    h.run();
    // Scroll far down and right: the header row and the lane titles would be off screen.
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: vec2(-900.0, -900.0),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Wheel,
        modifiers: Modifiers::NONE,
    });
    h.run_steps(60);
    h.run();
    let view = &h.state().view;
    assert!(
        view.pan.x < -600.0 && view.pan.y < -600.0,
        "pan {:?}",
        view.pan
    );
    let journey = project(&h).journeys[0].clone();
    // Every stage header still on screen sits at the canvas's top edge...
    let headers: Vec<_> = journey
        .stages
        .iter()
        .filter_map(|s| h.query_by_label(&s.name).map(|n| (s.id, n.rect())))
        .filter(|(_, r)| r.intersects(canvas))
        .collect();
    assert!(!headers.is_empty(), "no stage header is in view");
    for (_, r) in &headers {
        assert!((r.top() - canvas.top()).abs() < 2.0, "{r:?} in {canvas:?}");
    }
    // ...and every lane title still on screen at its left edge.
    let titles: Vec<_> = journey
        .lanes
        .iter()
        .filter_map(|l| h.query_by_label(&l.title).map(|n| (l.id, n.rect())))
        .filter(|(_, r)| r.intersects(canvas))
        .collect();
    assert!(!titles.is_empty(), "no lane title is in view");
    for (_, r) in &titles {
        assert!(
            (r.left() - canvas.left()).abs() < 2.0,
            "{r:?} in {canvas:?}"
        );
    }
    // Clicking a pinned header selects its stage; a pinned title, its lane.
    let (stage, r) = headers[headers.len() / 2];
    click_at(&mut h, r.center());
    h.run();
    assert_eq!(h.state().state.selection, Some(Selection::Stage(stage)));
    let (lane, r) = titles[titles.len() / 2];
    click_at(&mut h, r.center());
    h.run();
    assert_eq!(h.state().state.selection, Some(Selection::Lane(lane)));
}

/// A primary click at a point of the window.
fn click_at(h: &mut Harness<'_, WaymarkApp>, pos: Pos2) {
    h.hover_at(pos);
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.run();
}

/// True if the last frame painted a rectangle or circle outlined in the focus ring's
/// colour.
/// Whether a focus ring is painted on the map (a control elsewhere that has the
/// keyboard focus wears one too, outside the canvas).
fn focus_ring_painted(h: &Harness<'_, WaymarkApp>) -> bool {
    fn walk(shape: &egui::Shape, canvas: egui::Rect) -> bool {
        let ring = waymark::theme::color::FOCUS_RING;
        match shape {
            egui::Shape::Rect(r) => r.stroke.color == ring && canvas.intersects(r.rect),
            egui::Shape::Circle(c) => c.stroke.color == ring && canvas.contains(c.center),
            egui::Shape::Vec(shapes) => shapes.iter().any(|s| walk(s, canvas)),
            _ => false,
        }
    }
    let canvas = h.get_by_label("Journey map").rect();
    h.output().shapes.iter().any(|c| walk(&c.shape, canvas))
}

#[test]
fn the_keyboard_selection_has_a_focus_ring_and_arrows_keep_it_in_view() {
    let mut h = app();
    let canvas = h.get_by_label("Journey map").rect();
    h.get_by_label("\"Ordering took five minutes, really smooth.\"")
        .click();
    h.run();
    assert!(
        focus_ring_painted(&h),
        "no focus ring around the clicked card"
    );
    // Zoom in a lot around the centre: most of the map is off screen.
    h.hover_at(canvas.center());
    h.step();
    h.event(egui::Event::Zoom(3.5));
    h.run();
    let start = h.state().state.selection;
    // Walk right along the lane to the last stage, then down to the bottom lane: the
    // selection (and its ring) stays on screen at every step.
    let stages = project(&h).journeys[0].stages.len();
    let lanes = project(&h).journeys[0].lanes.len();
    let mut seen = vec![start];
    for key in std::iter::repeat_n(Key::ArrowRight, stages)
        .chain(std::iter::repeat_n(Key::ArrowDown, lanes * 2))
    {
        h.key_press(key);
        h.run();
        let ring = h
            .state()
            .view
            .focus_ring()
            .unwrap_or_else(|| panic!("no focus ring after {key:?}"));
        assert!(
            canvas.contains(ring.center()),
            "{:?} at {ring:?} is out of the canvas {canvas:?}",
            h.state().state.selection
        );
        assert!(focus_ring_painted(&h));
        seen.push(h.state().state.selection);
    }
    seen.dedup();
    assert!(seen.len() > stages, "the selection did not move: {seen:?}");
    // Tab gives the keyboard to the inspector: the canvas draws no focus ring then.
    h.key_press(Key::Tab);
    h.run();
    assert!(h.state().view.focus_ring().is_none());
    assert!(!focus_ring_painted(&h));
}

#[test]
fn alt_arrows_pan_the_map_without_moving_the_selection() {
    let mut h = app();
    h.get_by_label("\"Ordering took five minutes, really smooth.\"")
        .click();
    h.run();
    let selection = h.state().state.selection;
    let pan = h.state().view.pan;
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    let moved = h.state().view.pan - pan;
    assert!(
        moved.x < -100.0 && moved.y < -100.0,
        "Alt+Right, Alt+Down moved the view by {moved:?}"
    );
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    h.run();
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    assert!((h.state().view.pan - pan).length() < 0.5);
    assert_eq!(h.state().state.selection, selection);
}

#[test]
fn the_selection_survives_deletes_moves_and_undo() {
    let mut h = app();
    // A cell with two cards: delete the first, the second is selected.
    let journey = project(&h).journeys[0].clone();
    let j = &journey;
    let (first, second) = journey
        .lanes
        .iter()
        .flat_map(|l| {
            j.stages.iter().filter_map(move |s| {
                let journey = j;
                let cards: Vec<_> = journey.cell_cards(l, s.id).collect();
                (cards.len() >= 2 && cards.iter().all(|c| !c.text.is_empty()))
                    .then(|| (cards[0].clone(), cards[1].clone()))
            })
        })
        .next()
        .expect("the sample has a cell with two cards");
    h.get_all_by_label(&first.text).next().unwrap().click();
    h.run();
    assert_eq!(h.state().state.selection, Some(Selection::Card(first.id)));
    h.key_press(Key::Delete);
    h.run();
    assert_eq!(h.state().state.selection, Some(Selection::Card(second.id)));
    assert!(h.state().view.focus_ring().is_some());
    // Delete the second too: the empty cell is selected.
    h.key_press(Key::Delete);
    h.run();
    let lane = journey.card(first.id).unwrap().0.id;
    let cell = Selection::Cell {
        lane,
        stage: first.stage,
    };
    assert_eq!(h.state().state.selection, Some(cell));
    // Undo brings the second card back, selected; undo again, the first.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.selection, Some(Selection::Card(second.id)));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(h.state().state.selection, Some(Selection::Card(first.id)));
    // Redo deletes it again and selects its cell's remaining card.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().state.selection, Some(cell));

    // A stage dragged elsewhere stays selected.
    let order = journey
        .stages
        .iter()
        .find(|s| s.name == "Order online")
        .unwrap()
        .id;
    h.get_by_label("Discover & compare").click();
    h.run();
    let from = h.get_by_label("Order online").rect().center();
    let target = h.get_by_label("First weeks").rect().center();
    drag(&mut h, from, target + vec2(20.0, 0.0));
    assert_ne!(stage_names(&h)[1], "Order online", "the stage did not move");
    assert_eq!(h.state().state.selection, Some(Selection::Stage(order)));
}

#[test]
fn every_card_and_every_empty_cell_is_announced_with_where_it_is() {
    use egui_kittest::kittest::NodeT;
    let mut h = app();
    h.run();
    let journey = project(&h).journeys[0].clone();
    // Every node of the accessibility tree: (name, description).
    let nodes: Vec<(String, String)> = h
        .root()
        .children_recursive()
        .map(|n| {
            let a = n.accesskit_node();
            (
                a.label().unwrap_or_default(),
                a.description().unwrap_or_default(),
            )
        })
        .collect();
    for lane in &journey.lanes {
        if matches!(lane.kind, LaneKind::Emotion { .. }) {
            continue;
        }
        for stage in &journey.stages {
            let cards: Vec<_> = journey.cell_cards(lane, stage.id).collect();
            if cards.is_empty() {
                let name = format!("Empty cell: {}, {}", lane.title, stage.name);
                let n = nodes.iter().filter(|(label, _)| *label == name).count();
                assert_eq!(n, 1, "{name} is announced {n} times");
            }
            for card in cards {
                let description = format!("Card in {}, {}", lane.title, stage.name);
                let n = nodes
                    .iter()
                    .filter(|(label, d)| {
                        (card.text.is_empty() || *label == card.text) && d.starts_with(&description)
                    })
                    .count();
                assert!(
                    n >= 1,
                    "the card {:?} has no node described {description:?}",
                    card.text
                );
            }
        }
    }
    // A touchpoint's description carries its class and channel.
    assert!(
        nodes
            .iter()
            .any(|(label, d)| label == "Online checkout" && d.contains("Hygiene factor")),
        "{:?}",
        nodes.iter().find(|(l, _)| l == "Online checkout")
    );
}

#[test]
fn ctrl_alt_arrows_resize_the_selected_stage_or_lane_undoably() {
    let mut h = app();
    let journey = project(&h).journeys[0].clone();
    let stage = journey.stages[2].id;
    h.get_by_label(&journey.stages[2].name).click();
    h.run();
    assert_eq!(h.state().state.selection, Some(Selection::Stage(stage)));
    let width = |h: &Harness<'_, WaymarkApp>| project(h).journeys[0].stage(stage).unwrap().width;
    let before = width(&h);
    let ctrl_alt = Modifiers::COMMAND.plus(Modifiers::ALT);
    h.key_press_modifiers(ctrl_alt, Key::ArrowRight);
    h.run();
    h.key_press_modifiers(ctrl_alt, Key::ArrowRight);
    h.run();
    assert!(width(&h) > before + 30.0, "{before} -> {}", width(&h));
    h.key_press_modifiers(ctrl_alt, Key::ArrowLeft);
    h.run();
    let after = width(&h);
    assert!(
        after > before && after < before + 30.0,
        "{before} -> {after}"
    );
    assert_eq!(h.state().state.selection, Some(Selection::Stage(stage)));
    // Each press is one undo step.
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert!((width(&h) - before).abs() < 0.5, "undo left {}", width(&h));

    // A lane: Shift+Alt+Down makes it taller.
    let lane = journey.lanes[0].id;
    let height = |h: &Harness<'_, WaymarkApp>| {
        h.state()
            .view
            .focus_ring()
            .map(|r| r.height())
            .unwrap_or_default()
    };
    h.state_mut().state.apply(
        waymark::app::Command::Select(Some(Selection::Lane(lane))),
        0.0,
    );
    h.run();
    let ring = height(&h);
    h.key_press_modifiers(Modifiers::SHIFT.plus(Modifiers::ALT), Key::ArrowDown);
    h.run();
    h.run();
    let lane_now = project(&h).journeys[0]
        .lanes
        .iter()
        .find(|l| l.id == lane)
        .unwrap()
        .height;
    assert!(lane_now > 0.0, "the lane has no height of its own");
    assert!(
        height(&h) > ring,
        "the lane's title did not grow: {ring} -> {}",
        height(&h)
    );
}

#[test]
fn a_drag_held_near_the_canvas_edge_scrolls_the_map() {
    let mut h = app();
    let canvas = h.get_by_label("Journey map").rect();
    // Zoom in, so that there is map to scroll to.
    h.hover_at(canvas.center());
    h.step();
    h.event(egui::Event::Zoom(3.0));
    h.run();
    let header = project(&h).journeys[0]
        .stages
        .iter()
        .find_map(|s| h.query_by_label(&s.name).map(|n| n.rect()))
        .filter(|r| canvas.contains(r.center()))
        .expect("a stage header in view");
    let from = header.center();
    h.drag_at(from);
    h.step();
    for i in 1..=4 {
        h.hover_at(from + vec2(10.0 * i as f32, 0.0));
        h.step();
    }
    let pan = h.state().view.pan;
    // Hold the stage against the right edge for a few frames: the map scrolls left.
    let edge = egui::pos2(canvas.right() - 4.0, from.y);
    h.hover_at(edge);
    for _ in 0..20 {
        h.step();
    }
    let moved = h.state().view.pan - pan;
    assert!(moved.x < -200.0, "the map did not scroll: {moved:?}");
    // Away from the edge it stops.
    h.hover_at(canvas.center());
    h.step();
    let still = h.state().view.pan;
    h.step();
    h.step();
    assert!((h.state().view.pan - still).length() < 0.01);
    h.drop_at(canvas.center());
    h.run();
}

#[test]
fn at_a_low_zoom_card_text_is_drawn_as_simplified_lines_not_illegible_glyphs() {
    let mut h = app();
    let texts: Vec<String> = project(&h).journeys[0]
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .filter(|c| c.text.chars().count() > 12)
        .map(|c| c.text.clone())
        .collect();
    let canvas = h.get_by_label("Journey map").rect();
    // The texts painted on the canvas (the side panels list some cards too).
    let shown = |h: &Harness<'_, WaymarkApp>| {
        let painted: Vec<String> = h
            .output()
            .shapes
            .iter()
            .filter_map(|c| match &c.shape {
                egui::Shape::Text(t) if canvas.contains(t.pos) => Some(t.galley.text().to_owned()),
                _ => None,
            })
            .collect();
        texts
            .iter()
            .filter(|t| painted.iter().any(|p| p.contains(&t[..t.len().min(10)])))
            .count()
    };
    h.state_mut().view.zoom = 1.0;
    h.run();
    assert!(shown(&h) > 0, "no card text at 100%");
    // 12.5-point card text at 36% is 4.5 pixels: too small to read, but not nothing.
    h.state_mut().view.zoom = 0.36;
    h.run();
    assert_eq!(shown(&h), 0, "illegible card text is still drawn at 36%");
    let tint = waymark::theme::STANDARD.text.gamma_multiply(0.35);
    let bars = h
        .output()
        .shapes
        .iter()
        .filter(|c| matches!(&c.shape, egui::Shape::Rect(r) if r.fill == tint))
        .count();
    assert!(
        bars >= texts.len(),
        "{bars} simplified lines for {} cards",
        texts.len()
    );
}

#[test]
fn the_minimap_shows_the_whole_journey_and_a_click_moves_the_view_there() {
    let mut h = app();
    let name = "Minimap of the whole journey: click or drag to move the view";
    assert!(
        h.query_by_label(name).is_none(),
        "the minimap is off by default"
    );
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Minimap").click();
    h.run();
    let canvas = h.get_by_label("Journey map").rect();
    h.hover_at(canvas.center());
    h.step();
    h.event(egui::Event::Zoom(3.0));
    h.run();
    let mini = h.get_by_label(name).rect();
    assert!(canvas.contains_rect(mini));
    // A click at the minimap's left end shows the map's start; at its right end, the end.
    click_at(&mut h, egui::pos2(mini.left() + 3.0, mini.center().y));
    let start = h.state().view.pan;
    click_at(&mut h, egui::pos2(mini.right() - 3.0, mini.center().y));
    let end = h.state().view.pan;
    assert!(
        end.x < start.x - canvas.width(),
        "the view did not cross the map: {start:?} then {end:?}"
    );
    // A drag along it moves the view with the pointer.
    drag(
        &mut h,
        egui::pos2(mini.right() - 3.0, mini.center().y),
        egui::pos2(mini.center().x, mini.center().y),
    );
    let middle = h.state().view.pan;
    assert!(middle.x > end.x && middle.x < start.x, "{middle:?}");
}

/// Texts painted inside `area` at `min_px` or larger, with their positions.
fn painted_labels(
    h: &Harness<'_, WaymarkApp>,
    area: egui::Rect,
    min_px: f32,
) -> Vec<(String, Pos2)> {
    h.output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t)
                if area.contains(t.pos)
                    && t.galley
                        .job
                        .sections
                        .iter()
                        .all(|s| s.format.font_id.size >= min_px) =>
            {
                Some((t.galley.text().to_owned(), t.pos))
            }
            _ => None,
        })
        .collect()
}

#[test]
fn zoom_to_fit_shows_all_of_a_100_stage_map_with_its_stages_and_lanes_still_labelled() {
    let project = waymark::io::sample::generated_project(100, 8, 800);
    let journey = project.journeys[0].clone();
    let mut h = common::app_on(project);
    h.state_mut()
        .view
        .request(waymark::ui::canvas::ZoomRequest::Fit);
    h.run();
    let canvas = h.get_by_label("Journey map").rect();
    let zoom = h.state().view.zoom;
    assert!(
        waymark::ui::canvas::stage_labels_at(zoom),
        "the test wants a zoom where the map's own names are unreadable: {zoom}"
    );
    // Every stage is in view: the first and the last stage's cards are on screen.
    for stage in [&journey.stages[0], &journey.stages[99]] {
        let card = journey
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .find(|c| c.stage == stage.id)
            .expect("a card in the stage");
        assert!(
            h.state().view.card_screen_rect(card.id).is_some(),
            "{} is out of view at {zoom}",
            stage.name
        );
    }
    // Stage numbers and lane titles are drawn at a readable size, across the whole map.
    let labels = painted_labels(&h, canvas, waymark::ui::canvas::LABEL_PX);
    let numbers: Vec<usize> = labels.iter().filter_map(|(t, _)| t.parse().ok()).collect();
    assert!(numbers.contains(&1), "{labels:?}");
    assert!(
        numbers.iter().any(|n| *n >= 90) && numbers.len() >= 10,
        "stage labels {numbers:?}"
    );
    // Labels never overlap: their positions along the map strictly increase.
    let mut xs: Vec<f32> = labels
        .iter()
        .filter(|(t, _)| t.parse::<usize>().is_ok())
        .map(|(_, p)| p.x)
        .collect();
    xs.sort_by(f32::total_cmp);
    assert!(xs.windows(2).all(|w| w[1] - w[0] >= 10.0), "{xs:?}");
    let lanes_labelled = journey
        .lanes
        .iter()
        .filter(|l| labels.iter().any(|(t, _)| t == &l.title))
        .count();
    assert_eq!(
        lanes_labelled,
        journey.lanes.len(),
        "lane titles drawn: {labels:?}"
    );
    // None of them overlaps another.
    let mut ys: Vec<f32> = labels
        .iter()
        .filter(|(t, _)| t.starts_with("Lane "))
        .map(|(_, p)| p.y)
        .collect();
    ys.sort_by(f32::total_cmp);
    assert!(ys.windows(2).all(|w| w[1] - w[0] >= 12.0), "{ys:?}");
}

#[test]
fn scroll_bars_show_where_a_zoomed_map_is_and_scroll_it() {
    let mut h = app();
    let across = "Scroll the map across";
    let down = "Scroll the map up and down";
    h.state_mut()
        .view
        .request(waymark::ui::canvas::ZoomRequest::Fit);
    h.run();
    assert!(
        h.query_by_label(across).is_none() && h.query_by_label(down).is_none(),
        "a fitted map needs no scroll bars"
    );
    let canvas = h.get_by_label("Journey map").rect();
    h.hover_at(canvas.center());
    h.step();
    h.event(egui::Event::Zoom(3.0));
    h.run();
    let bar = h.get_by_label(across).rect();
    h.get_by_label(down);
    assert!(canvas.contains_rect(bar) && bar.bottom() >= canvas.bottom() - 1.0);
    // A click on the track at its right end scrolls a page to the right...
    let before = h.state().view.pan;
    click_at(&mut h, egui::pos2(bar.right() - 2.0, bar.center().y));
    let paged = h.state().view.pan;
    assert!(
        (before.x - paged.x - canvas.width() * 0.9).abs() < 1.0,
        "{before:?} then {paged:?}"
    );
    // ...and dragging the thumb back to the left scrolls back, more than it moved.
    let thumb_from = egui::pos2(bar.right() - 2.0, bar.center().y);
    drag(&mut h, thumb_from, thumb_from - vec2(60.0, 0.0));
    let dragged = h.state().view.pan;
    assert!(dragged.x > paged.x + 60.0, "{paged:?} then {dragged:?}");
    // The vertical bar scrolls down.
    let vbar = h.get_by_label(down).rect();
    let before = h.state().view.pan;
    click_at(&mut h, egui::pos2(vbar.center().x, vbar.bottom() - 2.0));
    assert!(h.state().view.pan.y < before.y);
}

#[test]
fn on_a_zoomed_out_map_a_click_still_picks_the_card_under_the_pointer() {
    let project = waymark::io::sample::generated_project(100, 8, 800);
    let journey = project.journeys[0].clone();
    let mut h = common::app_on(project);
    h.state_mut()
        .view
        .request(waymark::ui::canvas::ZoomRequest::Fit);
    h.run();
    // A card in the middle of the map, a few pixels across at this zoom: too small for
    // a widget of its own, so the map's background picks it.
    let card = journey
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.stage == journey.stages[50].id)
        .expect("a card in stage 51");
    let rect = h.state().view.card_screen_rect(card.id).expect("on screen");
    assert!(rect.width() < 10.0, "the card is {rect:?}");
    assert!(
        h.query_by_label(&card.text).is_none(),
        "a card this small has no node of its own"
    );
    click_at(&mut h, rect.center());
    assert_eq!(h.state().state.selection, Some(Selection::Card(card.id)));
}
