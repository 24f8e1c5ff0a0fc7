//! Edit sequences that cannot break a document: long random sequences of every kind of
//! edit (and undo, redo, copy, cut, paste, duplicate, delete) are applied to generated
//! projects through `AppState::apply`, as the window does. After every step the project
//! validates, was not refused (every edit made here is one the interface can make), and
//! saving and loading gives the same project with the same text; at the end, undoing
//! everything gives back the original file byte for byte, and redoing everything the
//! final one.
//!
//! Longer runs: `PROPTEST_CASES=2000 cargo test --test edit_sequences`.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "a test stops at the first failure"
)]

use std::path::Path;

use proptest::prelude::*;
use proptest::strategy::ValueTree as _;
use proptest::test_runner::TestRunner;
use waymark::app::{AppState, Command, Edit, Message, Placement, Selection};
use waymark::io;
use waymark::model::*;

/// How many kinds of step there are (see [`command`]).
const KINDS: u8 = 44;

/// One random step, resolved against the document as it is when the step is taken
/// (the ids it needs exist only then).
#[derive(Clone, Debug)]
struct Step {
    kind: u8,
    a: u32,
    b: u32,
    c: u32,
    text: String,
    x: f32,
    gesture: Option<u64>,
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z0-9 ,.!?'\"\\\\()-]{0,24}",
        1 => "[\\u{4e00}-\\u{9fff}\\u{3040}-\\u{30ff} ]{0,10}",
        // Anything: control characters, line breaks, emoji, right-to-left text.
        1 => "(?s).{0,16}",
        1 => Just(String::new()),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    (
        0..KINDS,
        any::<u32>(),
        any::<u32>(),
        any::<u32>(),
        text(),
        0.0f32..=1.0,
        prop::option::weighted(0.3, 0u64..3),
    )
        .prop_map(|(kind, a, b, c, text, x, gesture)| Step {
            kind,
            a,
            b,
            c,
            text,
            x,
            gesture,
        })
}

/// The sample with a second journey that zooms into one of its stages (made the way a
/// file from before "Zoom into this stage" holds it), and a second persona.
fn sample_with_micro_journey() -> Project {
    let mut p = io::sample::sample_project();
    let second = Persona {
        name: "Sam, the switcher".into(),
        ..Persona::default()
    };
    apply(
        &mut p,
        &Edit::AddPersona {
            persona: Box::new(second),
        },
    );
    let macro_journey = p.journeys[0].id;
    let stage = p.journeys[0].stages[1].id;
    apply(
        &mut p,
        &Edit::DuplicateJourney {
            journey: macro_journey,
        },
    );
    p.journeys[1].parent = Some(JourneyLink {
        journey: macro_journey,
        stage,
    });
    // A workshop has voted on both journeys: resetting has votes to take away.
    for j in &mut p.journeys {
        for (i, card) in j.lanes.iter_mut().flat_map(|l| &mut l.cards).enumerate() {
            card.votes = (i % 4) as u32;
        }
    }
    p
}

fn apply(p: &mut Project, edit: &Edit) {
    waymark::app::apply_edit(p, edit).unwrap();
}

/// The projects sequences start from.
fn base() -> impl Strategy<Value = Project> {
    prop_oneof![
        Just(io::sample::sample_project()),
        Just(io::sample::blank_project()),
        Just(sample_with_micro_journey()),
        (1usize..6, 1usize..9, 0usize..40)
            .prop_map(|(s, l, c)| io::sample::generated_project(s, l, c)),
        prop::sample::select(vec!["zh-Hans", "zh-Hant"]).prop_map(|lang| {
            let mut p = io::sample::sample_project();
            lang.clone_into(&mut p.settings.language);
            p
        }),
    ]
}

fn pick<T>(items: &[T], n: u32) -> Option<&T> {
    (!items.is_empty()).then(|| &items[n as usize % items.len()])
}

fn cards(j: &Journey) -> Vec<(&Lane, &Card)> {
    j.lanes
        .iter()
        .flat_map(|l| l.cards.iter().map(move |c| (l, c)))
        .collect()
}

fn emotion_lanes(j: &Journey) -> Vec<LaneId> {
    j.lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Emotion { .. }))
        .map(|l| l.id)
        .collect()
}

/// Fills in the fields a card of a lane of `kind` has, with values the interface allows.
fn fit_card(card: &mut Card, kind: &LaneKind, scale: EmotionScale, s: &Step) {
    let x = f64::from(s.x);
    card.color = ColorToken::ALL[s.b as usize % ColorToken::ALL.len()];
    match kind {
        LaneKind::Emotion { .. } => {
            // Half steps, as the score slider gives.
            let span = (scale.max - scale.min) as f32;
            card.emotion = Some(scale.min as f32 + (s.x * span * 2.0).round() / 2.0);
        }
        LaneKind::Measures(m) => {
            card.measure = Some(match m.range() {
                Some((lo, hi)) if !s.c.is_multiple_of(4) => {
                    MeasureValue::Number(((lo + x * (hi - lo)) * 10.0).round() / 10.0)
                }
                _ => MeasureValue::Status([Rag::Green, Rag::Amber, Rag::Red][s.c as usize % 3]),
            });
        }
        LaneKind::Touchpoints => {
            card.touchpoint = Some(Touchpoint {
                channel: match s.c % 12 {
                    10 => None,
                    11 => Some(Channel::Other(s.text.clone())),
                    n => Some(Channel::VOCABULARY[n as usize].clone()),
                },
                class: pick(&TouchpointClass::ALL, s.a)
                    .copied()
                    .filter(|_| !s.c.is_multiple_of(5)),
                owner: s.text.chars().rev().collect(),
            });
        }
        LaneKind::Quotes => {
            card.sentiment = Some(
                [Sentiment::Positive, Sentiment::Neutral, Sentiment::Negative][s.c as usize % 3],
            );
        }
        LaneKind::Text(_)
        | LaneKind::FrontStage
        | LaneKind::BackStage
        | LaneKind::Department(_) => {}
    }
}

fn persona(s: &Step) -> Persona {
    Persona {
        id: PersonaId(0),
        name: s.text.clone(),
        age: (!s.c.is_multiple_of(3)).then_some(s.c % 151),
        location: format!("{} street", s.a % 100),
        segment: s.text.to_uppercase(),
        quote: format!("\"{}\"", s.text),
        favourite_brands: vec![s.text.clone(); (s.b % 3) as usize],
        channel_preferences: Channel::VOCABULARY[..(s.a % 4) as usize].to_vec(),
        devices: vec![DeviceUsage {
            device: "Phone".into(),
            usage: s.text.clone(),
        }],
        goals: vec!["Get it done".into()],
        ..Persona::default()
    }
}

/// The edit kinds by number, for counting which were applied; exhaustive, so a new kind
/// of edit does not compile here until the sequences make it too.
fn edit_kind(edit: &Edit) -> usize {
    match edit {
        Edit::SetJourneyInfo { .. } => 0,
        Edit::SetStage { .. } => 1,
        Edit::AddStage { .. } => 2,
        Edit::DeleteStage { .. } => 3,
        Edit::MoveStage { .. } => 4,
        Edit::SetLane { .. } => 5,
        Edit::SetEmotionLane { .. } => 6,
        Edit::AddLane { .. } => 7,
        Edit::DeleteLane { .. } => 8,
        Edit::MoveLane { .. } => 9,
        Edit::SetCard { .. } => 10,
        Edit::AddCards { .. } => 11,
        Edit::DeleteCards { .. } => 12,
        Edit::MoveCard { .. } => 13,
        Edit::AddAnnotation { .. } => 14,
        Edit::SetAnnotation { .. } => 15,
        Edit::DeleteAnnotation { .. } => 16,
        Edit::SetJourney { .. } => 17,
        Edit::SetSettings { .. } => 18,
        Edit::AddPersona { .. } => 19,
        Edit::SetPersona { .. } => 20,
        Edit::DeletePersona { .. } => 21,
        Edit::MovePersona { .. } => 22,
        Edit::SetJourneyPersona { .. } => 23,
        Edit::AddJourney { .. } => 24,
        Edit::DuplicateJourney { .. } => 25,
        Edit::DeleteJourney { .. } => 26,
        Edit::MoveJourney { .. } => 27,
        Edit::ZoomIntoStage { .. } => 28,
        Edit::SetJourneyParent { .. } => 29,
        Edit::DeleteStageAndMicro { .. } => 30,
        Edit::DeleteJourneyAndMicro { .. } => 31,
        Edit::DuplicateJourneyAndMicro { .. } => 32,
        Edit::Vote { .. } => 33,
        Edit::ResetVotes { .. } => 34,
        Edit::AddJourneys { .. } => 35,
    }
}

/// Number of edit kinds.
const EDIT_KINDS: usize = 36;

/// The edit a step makes on `p`, if it finds what it needs.
#[allow(
    clippy::too_many_lines,
    reason = "one arm per kind of edit, as in apply_edit"
)]
fn edit(p: &Project, s: &Step) -> Option<Edit> {
    let j = pick(&p.journeys, s.a)?;
    let journey = j.id;
    let scale = p.settings.emotion_scale;
    let text = s.text.clone();
    Some(match s.kind {
        0 => Edit::SetJourneyInfo {
            journey,
            title: text.clone(),
            description: format!("{text}\n{text}"),
        },
        1 => {
            let mut stage = pick(&j.stages, s.b)?.clone();
            stage.name = text;
            stage.description = format!("about {}", stage.name);
            stage.width = (40.0 + s.x * 500.0).round();
            Edit::SetStage { journey, stage }
        }
        2 => Edit::AddStage {
            journey,
            index: s.c as usize % (j.stages.len() + 2),
            name: text,
        },
        3 => Edit::DeleteStage {
            journey,
            stage: pick(&j.stages, s.b)?.id,
        },
        4 => Edit::MoveStage {
            journey,
            stage: pick(&j.stages, s.b)?.id,
            to_index: s.c as usize % (j.stages.len() + 1),
        },
        5 => Edit::SetLane {
            journey,
            lane: pick(&j.lanes, s.b)?.id,
            title: text,
            height: 10.0 + s.x * 300.0,
            collapsed: s.c.is_multiple_of(3),
        },
        6 => {
            let lanes = emotion_lanes(j);
            let lane = *pick(&lanes, s.b)?;
            Edit::SetEmotionLane {
                journey,
                lane,
                persona: pick(&p.personas, s.c)
                    .map(|p| p.id)
                    .filter(|_| !s.a.is_multiple_of(3)),
                compare: lanes
                    .iter()
                    .enumerate()
                    .filter(|(i, l)| **l != lane && s.c & (1 << (i % 32)) != 0)
                    .map(|(_, l)| *l)
                    .collect(),
            }
        }
        7 => {
            let kind = match s.c % 9 {
                0 => LaneKind::Emotion {
                    persona: pick(&p.personas, s.b).map(|p| p.id),
                    compare: emotion_lanes(j)
                        .into_iter()
                        .take((s.b % 3) as usize)
                        .collect(),
                },
                1 => LaneKind::Measures(MeasureKind::ALL[s.b as usize % MeasureKind::ALL.len()]),
                2 => LaneKind::Department(text.clone()),
                3 => LaneKind::Touchpoints,
                4 => LaneKind::Quotes,
                5 => LaneKind::FrontStage,
                6 => LaneKind::BackStage,
                _ => LaneKind::Text(TextRole::ALL[s.b as usize % TextRole::ALL.len()]),
            };
            Edit::AddLane {
                journey,
                index: s.a as usize % (j.lanes.len() + 2),
                kind,
                title: text,
            }
        }
        8 => Edit::DeleteLane {
            journey,
            lane: pick(&j.lanes, s.b)?.id,
        },
        9 => Edit::MoveLane {
            journey,
            lane: pick(&j.lanes, s.b)?.id,
            to_index: s.c as usize % (j.lanes.len() + 1),
        },
        10 => {
            let all = cards(j);
            let (lane, card) = pick(&all, s.b)?;
            let mut card = (*card).clone();
            card.text = text;
            fit_card(&mut card, &lane.kind, scale, s);
            Edit::SetCard {
                journey,
                card: Box::new(card),
            }
        }
        11 => {
            let mut cards = Vec::new();
            for i in 0..=(s.c % 3) {
                let lane = pick(&j.lanes, s.b.wrapping_add(i))?;
                let stage = pick(&j.stages, s.a.wrapping_add(i))?.id;
                let mut card = Card::new(CardId(0), stage, format!("{text} {i}"));
                fit_card(&mut card, &lane.kind, scale, s);
                cards.push(Placement {
                    lane: lane.id,
                    stage,
                    card,
                });
            }
            Edit::AddCards { journey, cards }
        }
        12 => {
            let all = cards(j);
            Edit::DeleteCards {
                journey,
                cards: (0..=(s.c % 3))
                    .filter_map(|i| pick(&all, s.b.wrapping_add(i * 7)).map(|(_, c)| c.id))
                    .collect(),
            }
        }
        13 => {
            let all = cards(j);
            Edit::MoveCard {
                journey,
                card: pick(&all, s.b)?.1.id,
                lane: pick(&j.lanes, s.c)?.id,
                stage: pick(&j.stages, s.a / 7)?.id,
            }
        }
        14 => {
            let all = cards(j);
            let anchor = if s.c.is_multiple_of(2) {
                Anchor::Card(pick(&all, s.b)?.1.id)
            } else {
                Anchor::Stage(pick(&j.stages, s.b)?.id)
            };
            Edit::AddAnnotation {
                journey,
                kind: if s.a.is_multiple_of(2) {
                    AnnotationKind::Accelerator
                } else {
                    AnnotationKind::Blocker
                },
                anchor,
                title: text,
            }
        }
        15 => {
            let mut annotation = pick(&j.annotations, s.b)?.clone();
            annotation.title.clone_from(&text);
            annotation.note = format!("{text}\n\n{text}");
            let value = (f64::from(s.x) * 200.0 - 100.0).round();
            annotation.before.nev = s.c.is_multiple_of(2).then_some(value);
            annotation.after.nps = s.c.is_multiple_of(3).then_some(-value);
            annotation.after.ces = s.c.is_multiple_of(5).then_some(f64::from(s.x) * 6.0 + 1.0);
            Edit::SetAnnotation {
                journey,
                annotation,
            }
        }
        16 => Edit::DeleteAnnotation {
            journey,
            annotation: pick(&j.annotations, s.b)?.id,
        },
        17 => {
            // An import replaces the journey: here with its lanes and cards reordered.
            let mut new = j.clone();
            new.title = text;
            let turn = s.b as usize % new.lanes.len().max(1);
            new.lanes.rotate_left(turn);
            for lane in &mut new.lanes {
                lane.cards.reverse();
            }
            Edit::SetJourney {
                journey: Box::new(new),
            }
        }
        18 => {
            let mut settings = p.settings.clone();
            MAP_LANGUAGES[s.a as usize % MAP_LANGUAGES.len()].clone_into(&mut settings.language);
            // Any scale the settings dialog accepts: one that keeps every score on the
            // maps on it (the dialog says which scores are off a narrower one).
            let min = (s.b % 12) as i32 - 10;
            let scale = EmotionScale {
                min,
                max: min + 1 + (s.c % 15) as i32,
            };
            let fits = p
                .journeys
                .iter()
                .flat_map(|j| &j.lanes)
                .flat_map(|l| &l.cards)
                .all(|c| c.emotion.is_none_or(|e| scale.contains(e)));
            if fits {
                settings.emotion_scale = scale;
            }
            let negative = (1.0 + s.x * 5.0).round();
            settings.nev.negative_at_most = negative;
            settings.nev.positive_at_least = negative + 1.0 + (s.b % 3) as f32;
            if let Some(rule) = settings.rag.get_mut(s.c as usize % 7) {
                std::mem::swap(&mut rule.green, &mut rule.amber);
                rule.higher_is_better = !rule.higher_is_better;
            }
            Edit::SetSettings {
                title: text,
                settings,
            }
        }
        19 => Edit::AddPersona {
            persona: Box::new(persona(s)),
        },
        20 => {
            let old = pick(&p.personas, s.b)?;
            Edit::SetPersona {
                persona: Box::new(Persona {
                    id: old.id,
                    avatar: old.avatar.clone(),
                    ..persona(s)
                }),
            }
        }
        21 => Edit::DeletePersona {
            persona: pick(&p.personas, s.b)?.id,
        },
        22 => Edit::MovePersona {
            persona: pick(&p.personas, s.b)?.id,
            to_index: s.c as usize % (p.personas.len() + 1),
        },
        23 => Edit::SetJourneyPersona {
            journey,
            persona: pick(&p.personas, s.b)
                .map(|p| p.id)
                .filter(|_| !s.c.is_multiple_of(4)),
        },
        24 => {
            // A journey from a template, with the personas it refers to (as the gallery
            // adds them); a template is a journey of some project, here this one.
            let template = pick(&p.journeys, s.b)?.clone();
            let referred = |id: PersonaId| {
                template.persona == Some(id)
                    || template.lanes.iter().any(
                        |l| matches!(l.kind, LaneKind::Emotion { persona: Some(x), .. } if x == id),
                    )
            };
            Edit::AddJourney {
                personas: p
                    .personas
                    .iter()
                    .filter(|x| referred(x.id))
                    .cloned()
                    .collect(),
                template: Box::new(template),
            }
        }
        25 => Edit::DuplicateJourney { journey },
        26 => Edit::DeleteJourney { journey },
        27 => Edit::MoveJourney {
            journey,
            to_index: s.c as usize % (p.journeys.len() + 1),
        },
        28 => Edit::ZoomIntoStage {
            journey,
            stage: pick(&j.stages, s.b)?.id,
            template: Box::new(pick(&p.journeys, s.c)?.clone()),
        },
        29 => {
            // The inspector offers only links that keep the tree a tree.
            let parent = if s.c.is_multiple_of(4) {
                None
            } else {
                let other = pick(&p.journeys, s.b)?;
                if p.link_would_cycle(journey, other.id) {
                    return None;
                }
                Some(JourneyLink {
                    journey: other.id,
                    stage: pick(&other.stages, s.c)?.id,
                })
            };
            Edit::SetJourneyParent { journey, parent }
        }
        30 => Edit::DeleteStageAndMicro {
            journey,
            stage: pick(&j.stages, s.b)?.id,
        },
        31 => Edit::DeleteJourneyAndMicro { journey },
        32 => Edit::DuplicateJourneyAndMicro { journey },
        33 => Edit::Vote {
            journey,
            card: pick(&cards(j), s.b)?.1.id,
            delta: if s.c.is_multiple_of(3) { -1 } else { 1 },
        },
        34 => Edit::ResetVotes { journey },
        // Journeys imported together (a Mermaid file of several diagrams).
        35 => Edit::AddJourneys {
            journeys: (0..=s.c % 2)
                .map(|_| waymark::io::sample::blank_project().journeys.remove(0))
                .collect(),
        },
        _ => return None,
    })
}

/// The commands a step gives: an edit, undo, redo, or a clipboard gesture.
fn commands(state: &AppState, s: &Step) -> Vec<Command> {
    let p = state.project();
    if usize::from(s.kind) < EDIT_KINDS {
        return edit(p, s)
            .map(|edit| Command::Edit {
                edit,
                gesture: s.gesture,
            })
            .into_iter()
            .collect();
    }
    let Some(j) = pick(&p.journeys, s.a) else {
        return Vec::new();
    };
    let all = cards(j);
    let some_cards: Vec<CardId> = (0..=(s.c % 3))
        .filter_map(|i| pick(&all, s.b.wrapping_add(i * 5)).map(|(_, c)| c.id))
        .collect();
    let cell = pick(&j.lanes, s.c)
        .zip(pick(&j.stages, s.b))
        .map(|(l, st)| Selection::Cell {
            lane: l.id,
            stage: st.id,
        });
    let mut out = vec![Command::SelectJourney(j.id)];
    match s.kind {
        36 | 37 => out = vec![Command::Undo],
        38 => out = vec![Command::Redo],
        39 => {
            out.push(Command::SelectCards(some_cards));
            out.push(Command::Copy);
            out.push(Command::Select(cell));
            out.push(Command::Paste);
        }
        40 => {
            out.push(Command::SelectCards(some_cards));
            out.push(Command::Cut);
            out.push(Command::Select(cell));
            out.push(Command::Paste);
        }
        41 => {
            out.push(Command::SelectCards(some_cards));
            out.push(Command::Duplicate);
        }
        42 => {
            let selection = match s.c % 4 {
                0 => pick(&j.stages, s.b).map(|x| Selection::Stage(x.id)),
                1 => pick(&j.lanes, s.b).map(|x| Selection::Lane(x.id)),
                2 => pick(&j.annotations, s.b).map(|x| Selection::Annotation(x.id)),
                _ => some_cards.last().map(|c| Selection::Card(*c)),
            };
            out.push(Command::Select(selection));
            out.push(Command::DeleteSelection);
        }
        _ => {
            out.push(Command::Select(cell));
            out.push(Command::PasteText(format!("{}\r\n\n{}", s.text, s.a)));
        }
    }
    out
}

/// The file text of a project (what Save writes).
fn file_text(p: &Project) -> String {
    io::to_ron_string(p).unwrap()
}

/// Runs a sequence, checking every step; returns how many edits of each kind changed
/// the document.
fn run(
    base: &Project,
    steps: &[Step],
    undo_all: bool,
) -> Result<[usize; EDIT_KINDS], TestCaseError> {
    let original = file_text(base);
    let mut state = AppState::new(base.clone(), None);
    let mut applied = [0; EDIT_KINDS];
    let mut now = 0.0;
    for (i, s) in steps.iter().enumerate() {
        now += f64::from(s.x) * 2.0;
        for command in commands(&state, s) {
            let edit = match &command {
                Command::Edit { edit, .. } => Some(edit.clone()),
                _ => None,
            };
            let before = state.revision();
            state.apply(command, now);
            for m in state.messages.drain(..) {
                // Only an interface gesture (paste into a lane of another kind...) may
                // be refused; an edit made here never is: the interface offers it.
                if let (Message::Error(e), Some(edit)) = (&m, &edit) {
                    return Err(TestCaseError::fail(format!(
                        "step {i}: {edit:?} was refused: {e}"
                    )));
                }
            }
            if let Some(edit) = &edit
                && state.revision() != before
            {
                applied[edit_kind(edit)] += 1;
            }
        }
        let p = state.project();
        prop_assert_eq!(p.validate(), vec![], "step {}: {:?}", i, s);
        let text = file_text(p);
        let back = io::from_ron_str(&text, Path::new("seq.ron"))
            .map_err(|e| TestCaseError::fail(format!("step {i}: saved text does not load: {e}")))?;
        prop_assert_eq!(&back, p, "step {}: save and load changed the project", i);
    }
    // Saving what was loaded gives the same text (once: serialising is the slow part of
    // a step in a debug build).
    let text = file_text(state.project());
    let back = io::from_ron_str(&text, Path::new("seq.ron")).unwrap();
    prop_assert!(
        file_text(&back) == text,
        "save, load, save changed the text"
    );
    if undo_all {
        // The sequence may end after undos: the last state is the one redo reaches.
        while state.history.can_redo() {
            state.apply(Command::Redo, now);
        }
        let last = file_text(state.project());
        let mut undone = 0;
        while state.history.can_undo() {
            state.apply(Command::Undo, now);
            undone += 1;
            prop_assert!(undone <= 4 * steps.len(), "more undo steps than edits");
        }
        prop_assert!(
            file_text(state.project()) == original,
            "undoing all {} steps did not give back the original",
            undone
        );
        while state.history.can_redo() {
            state.apply(Command::Redo, now);
        }
        prop_assert!(
            file_text(state.project()) == last,
            "redoing everything did not give back the last state"
        );
    }
    Ok(applied)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]
    #[test]
    fn random_edit_sequences_keep_the_document_valid_and_undo_restores_it_byte_for_byte(
        base in base(),
        steps in prop::collection::vec(step(), 1..100),
    ) {
        run(&base, &steps, true)?;
    }
}

/// One long fixed sequence makes every kind of edit at least once (so the random ones
/// above are not just refused or missing).
#[test]
fn every_kind_of_edit_is_made() {
    let mut runner = TestRunner::deterministic();
    let steps = prop::collection::vec(step(), 400)
        .new_tree(&mut runner)
        .unwrap()
        .current();
    let applied = run(&sample_with_micro_journey(), &steps, true).unwrap();
    let missing: Vec<usize> = (0..EDIT_KINDS).filter(|k| applied[*k] == 0).collect();
    assert!(
        missing.is_empty(),
        "edit kinds never made: {missing:?} ({applied:?})"
    );
}
