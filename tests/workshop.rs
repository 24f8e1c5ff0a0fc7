//! Workshop mode driven like a facilitator: F5 to present, the clicker's keys to step
//! through the stages, reveal, live capture of a card, dot votes, the presenter console.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;

mod common;
use common::{painted_texts, project, sample_app as app};
use waymark::app::Selection;
use waymark::model::LaneKind;
use waymark::ui::WaymarkApp;

fn press(h: &mut Harness<'_, WaymarkApp>, key: Key) {
    h.key_press(key);
    h.run();
}

fn step(h: &Harness<'_, WaymarkApp>) -> Option<usize> {
    h.state()
        .presentation
        .as_ref()
        .map(waymark::ui::present::Presentation::step)
}

/// The stage in the spotlight and the page of it shown (`None` on the overview).
fn spot(h: &Harness<'_, WaymarkApp>) -> Option<(usize, usize)> {
    let pres = h.state().presentation.as_ref()?;
    pres.current().and_then(|s| s.stage.map(|i| (i, s.page)))
}

/// How many pages stage `stage` is shown in.
fn pages(h: &Harness<'_, WaymarkApp>, stage: usize) -> usize {
    let pres = h.state().presentation.as_ref().unwrap();
    pres.steps()
        .iter()
        .filter(|s| s.stage == Some(stage))
        .count()
}

/// Steps on (Right) to the first page of stage `stage`.
fn to_stage(h: &mut Harness<'_, WaymarkApp>, stage: usize) {
    for _ in 0..100 {
        if spot(h) == Some((stage, 0)) {
            return;
        }
        press(h, Key::ArrowRight);
    }
    panic!("stage {stage} never reached");
}

fn card_id(h: &Harness<'_, WaymarkApp>, text: &str) -> waymark::model::CardId {
    project(h).journeys[0]
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.text == text)
        .unwrap()
        .id
}

fn votes(h: &Harness<'_, WaymarkApp>, text: &str) -> u32 {
    project(h).journeys[0]
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.text == text)
        .unwrap()
        .votes
}

#[test]
fn f5_presents_full_screen_without_menus_and_escape_restores_the_editor() {
    let mut h = app();
    // The editor's selection: a stage.
    h.get_by_label("Order online").click();
    h.run();
    let selected = h.state().state.selection;
    assert!(matches!(selected, Some(Selection::Stage(_))));
    press(&mut h, Key::F5);
    assert_eq!(step(&h), Some(0));
    // No menus or panels: the menu bar and the inspector are gone; the overview shows.
    assert!(h.query_by_label("File").is_none());
    assert!(h.query_by_label("Journeys").is_none());
    h.get_by_label_contains("Overview: ");
    // Selecting a card while presenting does not change what the editor gets back.
    h.get_all_by_label("Picks the 500 Mb fibre deal; books the first free slot")
        .next()
        .unwrap()
        .click();
    h.run();
    assert!(matches!(
        h.state().state.selection,
        Some(Selection::Card(_))
    ));
    press(&mut h, Key::Escape);
    assert!(h.state().presentation.is_none());
    h.get_by_label("File");
    assert_eq!(h.state().state.selection, selected);
    // View > Present does the same as F5.
    h.get_by_label("View").click();
    h.run();
    h.get_by_label_contains("Present").click();
    h.run();
    assert_eq!(step(&h), Some(0));
    press(&mut h, Key::F5);
    assert!(h.state().presentation.is_none());
}

#[test]
fn the_clicker_keys_step_through_the_stages_and_back() {
    let mut h = app();
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Some(1));
    assert_eq!(
        h.state().presentation.as_ref().unwrap().spotlight(),
        Some(0)
    );
    // The sample's stages are too tall for 24 px text on one screen: each is walked
    // down page by page, then the next stage starts.
    let first = pages(&h, 0);
    assert!(first > 1, "{first}");
    h.get_by_label(&format!(
        "Stage 1 of 7: Discover & compare · page 1 of {first}"
    ));
    press(&mut h, Key::PageDown);
    assert_eq!(spot(&h), Some((0, 1)));
    h.get_by_label(&format!(
        "Stage 1 of 7: Discover & compare · page 2 of {first}"
    ));
    for _ in 1..first {
        press(&mut h, Key::Space);
    }
    assert_eq!(spot(&h), Some((1, 0)));
    assert_eq!(step(&h), Some(first + 1));
    h.get_by_label_contains("Stage 2 of 7: Order online · page 1 of");
    press(&mut h, Key::PageUp);
    assert_eq!(spot(&h), Some((0, first - 1)));
    press(&mut h, Key::ArrowLeft);
    assert_eq!(step(&h), Some(first - 1));
    press(&mut h, Key::End);
    let last = h.state().presentation.as_ref().unwrap().steps().len() - 1;
    assert_eq!(step(&h), Some(last));
    assert_eq!(spot(&h), Some((6, pages(&h, 6) - 1)));
    // Past the last page of the last stage nothing moves.
    press(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Some(last));
    press(&mut h, Key::Home);
    assert_eq!(step(&h), Some(0));
    press(&mut h, Key::ArrowLeft);
    assert_eq!(step(&h), Some(0));
}

#[test]
fn a_key_during_a_transition_finishes_it_instead_of_stepping_on() {
    let mut h = app();
    press(&mut h, Key::F5);
    // One frame after the step, the move is under way; the next key only finishes it.
    let down = |h: &mut Harness<'_, WaymarkApp>| {
        h.event(egui::Event::Key {
            key: Key::ArrowRight,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: Modifiers::NONE,
        });
        h.step();
    };
    down(&mut h);
    assert_eq!(step(&h), Some(1));
    down(&mut h);
    h.run();
    assert_eq!(step(&h), Some(1));
    press(&mut h, Key::ArrowRight);
    assert_eq!(step(&h), Some(2));
}

#[test]
fn reveal_shows_the_curve_and_quotes_only_up_to_the_current_stage() {
    let mut h = app();
    press(&mut h, Key::F5);
    let last_point = "Relieved  +3";
    let last_quote = "\"They texted the next day to check. That was nice.\"";
    let texts = painted_texts(&h);
    assert!(texts.iter().any(|t| t == last_point), "{texts:?}");
    assert!(texts.iter().any(|t| t.starts_with("\"They texted")));
    // R: on the overview nothing of the curve, quotes or measures is revealed yet.
    press(&mut h, Key::R);
    assert!(h.state().presentation.as_ref().unwrap().reveal);
    let texts = painted_texts(&h);
    assert!(!texts.iter().any(|t| t == last_point));
    assert!(!texts.iter().any(|t| t == last_quote));
    assert!(!texts.iter().any(|t| t.starts_with("Hopeful")));
    // On the first stage (all its pages), its own point and quote appear; the last
    // stage's do not.
    press(&mut h, Key::ArrowRight);
    let mut texts = Vec::new();
    while spot(&h).is_some_and(|(stage, _)| stage == 0) {
        texts.extend(painted_texts(&h));
        press(&mut h, Key::ArrowRight);
    }
    assert!(
        texts.iter().any(|t| t.starts_with("\"Every site says")),
        "{texts:?}"
    );
    assert!(texts.iter().any(|t| t.starts_with("Hopeful")), "{texts:?}");
    assert!(!texts.iter().any(|t| t == last_point));
    // On the last stage, everything is revealed.
    press(&mut h, Key::End);
    let mut texts = Vec::new();
    while spot(&h).is_some_and(|(stage, _)| stage == 6) {
        texts.extend(painted_texts(&h));
        press(&mut h, Key::ArrowLeft);
    }
    assert!(texts.iter().any(|t| t == last_point), "{texts:?}");
}

#[test]
fn a_card_added_live_is_an_ordinary_undoable_edit() {
    let mut h = app();
    press(&mut h, Key::F5);
    to_stage(&mut h, 1);
    let before = project(&h).journeys[0]
        .lanes
        .iter()
        .map(|l| l.cards.len())
        .sum::<usize>();
    // Select a card of the stage in the spotlight, then N adds one in its cell.
    h.get_all_by_label("Picks the 500 Mb fibre deal; books the first free slot")
        .next()
        .unwrap()
        .click();
    h.run();
    press(&mut h, Key::N);
    h.get_by_label("New card")
        .type_text("Wants a text when the router ships");
    h.run();
    press(&mut h, Key::Enter);
    let journey = &project(&h).journeys[0];
    let card = journey
        .lanes
        .iter()
        .flat_map(|l| &l.cards)
        .find(|c| c.text == "Wants a text when the router ships")
        .expect("the card typed in");
    assert_eq!(journey.stage(card.stage).unwrap().name, "Order online");
    assert!(h.state().state.is_dirty());
    // Still presenting, on the same stage and page.
    assert_eq!(spot(&h), Some((1, 0)));
    h.get_all_by_label("Wants a text when the router ships")
        .next()
        .unwrap();
    // Ctrl+Z undoes the text, then the card.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let after = project(&h).journeys[0]
        .lanes
        .iter()
        .map(|l| l.cards.len())
        .sum::<usize>();
    assert_eq!(after, before);
    assert!(!h.state().state.is_dirty());
}

#[test]
fn double_clicking_a_cell_while_presenting_adds_a_card_there() {
    let mut h = app();
    press(&mut h, Key::F5);
    // The third stage: clear of the console, shown over the projector view here.
    to_stage(&mut h, 2);
    let p = project(&h);
    let journey = &p.journeys[0];
    let map = waymark::layout::layout_journey(&p, journey, &waymark::render::EguiText(&h.ctx));
    let screen = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1600.0, 1000.0));
    let page = h
        .state()
        .presentation
        .as_ref()
        .unwrap()
        .current()
        .unwrap()
        .clone();
    let view = waymark::layout::spotlight::step_view(&map, &page, screen);
    // An empty spot at the bottom of a cell of the third stage, as the page shows it.
    let column = map.stages[2].column;
    let (lane, at) = page
        .lanes
        .clone()
        .zip(&page.heights)
        .filter(|(k, _)| {
            !matches!(
                journey.lanes[map.lanes[*k].index].kind,
                LaneKind::Emotion { .. }
            )
        })
        .map(|(k, shown)| {
            let g = &map.lanes[k];
            (k, egui::pos2(column.center().x, g.row.top() + shown - 3.0))
        })
        .find(|(_, spot)| matches!(map.hit(*spot), Some(waymark::layout::Hit::Cell { .. })))
        .map(|(k, spot)| {
            (
                map.lanes[k].index,
                view.lane_transform(k).unwrap().0.mul_pos(spot),
            )
        })
        .unwrap();
    h.hover_at(at);
    h.run();
    // Both clicks in one frame: a double-click.
    for pressed in [true, false, true, false] {
        h.input_mut().events.push(egui::Event::PointerButton {
            pos: at,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: Modifiers::NONE,
        });
    }
    h.step();
    h.run();
    h.get_by_label("New card")
        .type_text("Too many tariffs to compare");
    h.run();
    press(&mut h, Key::Enter);
    let p = project(&h);
    let lane = &p.journeys[0].lanes[lane];
    let card = lane
        .cards
        .iter()
        .find(|c| c.text == "Too many tariffs to compare")
        .expect("the card typed in the cell double-clicked");
    assert_eq!(card.stage, p.journeys[0].stages[2].id);
}

#[test]
fn votes_are_added_taken_away_and_reset_in_one_undoable_step() {
    let mut h = app();
    press(&mut h, Key::F5);
    to_stage(&mut h, 1);
    let card = "Picks the 500 Mb fibre deal; books the first free slot";
    h.get_all_by_label(card).next().unwrap().click();
    h.run();
    // The vote control of the selected card, then the + and - keys.
    h.get_by_label("+1").click();
    h.run();
    assert_eq!(votes(&h, card), 1);
    press(&mut h, Key::Plus);
    press(&mut h, Key::Plus);
    assert_eq!(votes(&h, card), 3);
    press(&mut h, Key::Minus);
    assert_eq!(votes(&h, card), 2);
    h.get_by_label("-1").click();
    h.run();
    assert_eq!(votes(&h, card), 1);
    press(&mut h, Key::Plus);
    // The console ranks it.
    h.get_by_label_contains("Picks the 500 Mb fibre deal; books the first free slot · 2 votes");
    // Another card, one vote.
    let other = card_id(&h, "Online checkout");
    h.state_mut().state.apply(
        waymark::app::Command::Select(Some(Selection::Card(other))),
        0.0,
    );
    h.run();
    press(&mut h, Key::Plus);
    assert_eq!(votes(&h, "Online checkout"), 1);
    // The votes are in the file.
    let text = waymark::io::to_ron_string(&project(&h)).unwrap();
    assert!(text.contains("votes: 2"), "{text}");
    // Reset votes: one step, undone in one.
    h.get_by_label("Reset votes").click();
    h.run();
    assert_eq!(votes(&h, card), 0);
    assert_eq!(votes(&h, "Online checkout"), 0);
    assert_eq!(h.state().state.history.undo_label(), Some("Reset votes"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(votes(&h, card), 2);
    assert_eq!(votes(&h, "Online checkout"), 1);
    // Leaving, the editor's Top voted window lists them too.
    press(&mut h, Key::Escape);
    h.get_by_label("View").click();
    h.run();
    h.get_by_label("Top voted").click();
    h.run();
    h.get_by_label_contains("1. Picks the 500 Mb fibre deal; books the first free slot · 2 votes");
    h.get_by_label_contains("2. Online checkout · 1 vote");
}

#[test]
fn the_console_shows_the_stage_notes_the_timer_and_the_time_box() {
    let mut h = app();
    press(&mut h, Key::F5);
    h.get_by_label("Presenter console");
    h.get_by_label("Now: overview");
    h.get_by_label_contains("Session 00:0");
    let first = pages(&h, 0);
    h.get_by_label(&format!("Next: Discover & compare · page 1 of {first}"));
    press(&mut h, Key::ArrowRight);
    h.get_by_label(&format!(
        "Now: stage 1 of 7: Discover & compare · page 1 of {first}"
    ));
    h.get_by_label(&format!("Next: Discover & compare · page 2 of {first}"));
    let notes = project(&h).journeys[0].stages[0].description.clone();
    assert!(!notes.is_empty());
    h.get_by_label(&notes);
    // Time passes: the step's timer counts.
    for _ in 0..8 {
        h.step();
    }
    h.get_by_label_contains("This step 00:0");
    assert!(h.query_by_label("This step 00:00").is_none());
    // The console's buttons step too.
    h.get_by_label("Next").click();
    h.run();
    assert_eq!(step(&h), Some(2));
    h.get_by_label("Previous").click();
    h.run();
    assert_eq!(step(&h), Some(1));
    // Every page of the sample is legible from the back: no warning.
    assert!(
        h.query_by_label_contains("Too small to read from the back of the room")
            .is_none()
    );
    h.get_by_label("End presentation (Esc)").click();
    h.run();
    assert!(h.state().presentation.is_none());
}

#[test]
fn a_tall_stage_is_split_into_pages_each_legible_at_1080p() {
    // The harness puts the app in a panel with an 8-point margin: the projector view
    // gets 1920 x 1080, as on a full-screen 1080p projector.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1936.0, 1096.0))
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.frame_ui(ui),
            WaymarkApp::new(
                waymark::app::AppState::new(waymark::io::sample::sample_project(), None),
                waymark::ui::FileDialogs::InApp,
            ),
        );
    h.run();
    press(&mut h, Key::F5);
    let pres = h.state().presentation.as_ref().unwrap();
    assert_eq!(pres.screen(), Some(egui::vec2(1920.0, 1080.0)));
    let steps = pres.steps().to_vec();
    let lanes = project(&h).journeys[0].lanes.len();
    // Every stage of the 12-lane sample is shown in pages; together they show every lane
    // once, in order; each page's smallest text is at least 24 px.
    for stage in 0..7 {
        let pages: Vec<_> = steps.iter().filter(|s| s.stage == Some(stage)).collect();
        assert!(pages.len() > 1, "stage {stage}");
        let mut next = 0;
        for (i, page) in pages.iter().enumerate() {
            assert_eq!((page.page, page.pages), (i, pages.len()));
            assert_eq!(page.lanes.start, next);
            next = page.lanes.end;
            assert!(
                page.smallest_px >= waymark::layout::spotlight::MIN_LEGIBLE_PX,
                "{page:?}"
            );
        }
        assert_eq!(next, lanes);
    }
    // Stepping shows them: on a later page of a stage, its header is still on top (the
    // stage's name is painted) and the page's lane titles are beside it.
    press(&mut h, Key::ArrowRight);
    press(&mut h, Key::ArrowRight);
    assert_eq!(spot(&h), Some((0, 1)));
    let page = h
        .state()
        .presentation
        .as_ref()
        .unwrap()
        .current()
        .unwrap()
        .clone();
    let texts = painted_texts(&h);
    assert!(texts.iter().any(|t| t == "Discover & compare"), "{texts:?}");
    let p = project(&h);
    let title = &p.journeys[0].lanes[page.lanes.start].title;
    assert!(texts.iter().any(|t| t == title), "{title}: {texts:?}");
    let above = &p.journeys[0].lanes[0].title;
    assert!(!texts.iter().any(|t| t == above), "{texts:?}");
}

#[test]
fn the_time_box_turns_amber_then_red() {
    // Each frame moves the clock the console reads (egui's input time) on 4 seconds.
    let mut h = Harness::builder()
        .with_size(egui::vec2(1600.0, 1000.0))
        .with_step_dt(4.0)
        .build_ui_state(
            |ui, app: &mut WaymarkApp| app.frame_ui(ui),
            WaymarkApp::new(
                waymark::app::AppState::new(waymark::io::sample::sample_project(), None),
                waymark::ui::FileDialogs::InApp,
            ),
        );
    h.run();
    press(&mut h, Key::F5);
    press(&mut h, Key::ArrowRight);
    h.state_mut()
        .presentation
        .as_mut()
        .unwrap()
        .time_box_minutes = 1;
    h.get_by_label("Restart timer").click();
    h.run();
    let state = |h: &Harness<'_, WaymarkApp>| {
        if h.query_by_label_contains("over time").is_some() {
            2
        } else if h.query_by_label_contains("time nearly up").is_some() {
            1
        } else {
            h.get_by_label_contains("This step 00:");
            0
        }
    };
    assert_eq!(state(&h), 0);
    let mut seen = vec![0];
    for _ in 0..30 {
        h.step();
        let now = state(&h);
        if seen.last() != Some(&now) {
            seen.push(now);
        }
    }
    // Green, then amber in the box's last fifth (from 48 s), then red past 1 minute.
    assert_eq!(seen, [0, 1, 2]);
    // The next page of the same stage keeps counting; the next stage starts its own
    // time box.
    press(&mut h, Key::ArrowRight);
    assert_eq!(spot(&h), Some((0, 1)));
    assert!(h.query_by_label_contains("over time").is_some());
    let pages = pages(&h, 0);
    for _ in 1..pages {
        press(&mut h, Key::ArrowRight);
    }
    assert_eq!(spot(&h), Some((1, 0)));
    assert!(h.query_by_label_contains("over time").is_none());
}

#[test]
fn the_slides_dialog_has_a_browse_button_that_falls_back_to_the_typed_folder() {
    let mut h = app();
    h.get_by_label("File").click();
    h.run();
    h.get_by_label("Export slides…").click();
    h.run();
    h.get_by_label("Export slides");
    let before = h.get_by_label("Folder").value().unwrap_or_default();
    assert!(before.ends_with("-slides"), "{before}");
    // No native dialog here (the in-app mode): the typed path stays and serves.
    h.get_by_label("Browse…").click();
    h.run();
    assert_eq!(h.get_by_label("Folder").value().unwrap_or_default(), before);
    h.get_by_label("Cancel").click();
    h.run();
    assert!(h.query_by_label("Browse…").is_none());
}
