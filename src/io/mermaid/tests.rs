//! The parser against Mermaid's documented examples and its own parser tests
//! (`journey.spec.ts`), each construct, the errors, and the round trip.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::float_cmp,
    reason = "exact scores are the point"
)]

use proptest::prelude::*;

use super::*;
use crate::model::EmotionScale;

fn one(text: &str) -> Diagram {
    let mut all = parse(text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn task(name: &str, score: f64, actors: &[&str]) -> Task {
    Task {
        name: name.to_owned(),
        score,
        actors: actors.iter().map(|a| (*a).to_owned()).collect(),
    }
}

/// The example of Mermaid's documentation page for `journey` diagrams.
const DOCS_EXAMPLE: &str = "journey
    title My working day
    section Go to work
      Make tea: 5: Me
      Go upstairs: 3: Me
      Do work: 1: Me, Cat
    section Go home
      Go downstairs: 5: Me
      Sit down: 5: Me
";

#[test]
fn the_documented_example_gives_mermaids_sections_tasks_scores_and_actors() {
    let d = one(DOCS_EXAMPLE);
    assert_eq!(d.title, "My working day");
    assert_eq!(
        d.sections,
        vec![
            Section {
                name: "Go to work".to_owned(),
                tasks: vec![
                    task("Make tea", 5.0, &["Me"]),
                    task("Go upstairs", 3.0, &["Me"]),
                    task("Do work", 1.0, &["Me", "Cat"]),
                ],
            },
            Section {
                name: "Go home".to_owned(),
                tasks: vec![
                    task("Go downstairs", 5.0, &["Me"]),
                    task("Sit down", 5.0, &["Me"]),
                ],
            },
        ]
    );
}

#[test]
fn mermaids_own_task_test_parses_the_same() {
    // journey.spec.ts "should handle a task definition": no actors, an empty list.
    let d = one(
        "journey\ntitle Adding journey diagram functionality to mermaid\n\
         section Documentation\nA task: 5: Alice, Bob, Charlie\nB task: 3:Bob, Charlie\n\
         C task: 5\nD task: 5: Charlie, Alice\nE task: 5:\nsection Another section\n\
         P task: 5:\nQ task: 5:\nR task: 5:",
    );
    assert_eq!(d.task_count(), 8);
    let s = &d.sections[0].tasks;
    assert_eq!(s[0], task("A task", 5.0, &["Alice", "Bob", "Charlie"]));
    assert_eq!(s[1], task("B task", 3.0, &["Bob", "Charlie"]));
    assert_eq!(s[2], task("C task", 5.0, &[]));
    assert_eq!(s[3], task("D task", 5.0, &["Charlie", "Alice"]));
    // Mermaid gives `E task: 5:` one actor named "": an empty list here.
    assert_eq!(s[4], task("E task", 5.0, &[]));
    assert_eq!(d.sections[1].name, "Another section");
    assert_eq!(d.sections[1].tasks.len(), 3);
}

#[test]
fn accessible_title_and_descriptions_single_and_multi_line() {
    let d = one("journey\naccDescr: A user journey for family shopping\n\
         title Adding journey diagram functionality to mermaid\nsection Order from website");
    assert_eq!(d.acc_descr, "A user journey for family shopping");
    assert_eq!(d.sections[0].name, "Order from website");
    // journey.spec.ts: the multi-line form, with `title` straight after the brace.
    let d = one(
        "journey\naccDescr {\n        A user journey for\n        family shopping\n      }\
         title Adding journey diagram functionality to mermaid\n\
         accTitle: Adding acc journey diagram functionality to mermaid\n\
         section Order from website",
    );
    assert_eq!(d.acc_descr, "A user journey for\nfamily shopping");
    assert_eq!(d.title, "Adding journey diagram functionality to mermaid");
    assert_eq!(
        d.acc_title,
        "Adding acc journey diagram functionality to mermaid"
    );
    let d = one("journey\n    accTitle: The title\n    section Order from website");
    assert_eq!(d.acc_title, "The title");
    assert_eq!(d.acc_descr, "");
}

#[test]
fn comments_blank_lines_indentation_and_case_do_not_matter() {
    let d = one(
        "%% a comment before\n\nJOURNEY\n  %% a comment\n# another\n\n\
         \tTitle   Spaced out  \n SECTION  One\n\n    \tTask one :2:  Ann ,Bo \n%%{init: {}}%%\n",
    );
    assert_eq!(d.title, "Spaced out");
    assert_eq!(d.sections[0].name, "One");
    assert_eq!(
        d.sections[0].tasks,
        vec![task("Task one", 2.0, &["Ann", "Bo"])]
    );
}

#[test]
fn line_breaks_in_names_and_entity_codes() {
    // journey.spec.ts: multi-line section titles with different line breaks.
    let d = one(
        "journey\ntitle T\nsection Line1<br>Line2<br/>Line3</br />Line4<br\t/>Line5\n\
         Sign<BR>up #35;1: 4: Me#44; myself",
    );
    assert_eq!(d.sections[0].name, "Line1\nLine2\nLine3</br />Line4\nLine5");
    assert_eq!(
        d.sections[0].tasks[0],
        task("Sign\nup #1", 4.0, &["Me, myself"])
    );
}

#[test]
fn tasks_before_any_section_and_decimal_or_out_of_range_scores() {
    let d = one("journey\nEarly: 2.5\nsection S\nLate: 7");
    assert_eq!(d.sections[0].name, "");
    assert_eq!(d.sections[0].tasks, vec![task("Early", 2.5, &[])]);
    assert_eq!(d.sections[1].tasks, vec![task("Late", 7.0, &[])]);
}

#[test]
fn front_matter_is_skipped_like_mermaids_preprocessor_does() {
    let d = one("---\nconfig:\n  theme: forest\n---\njourney\nsection A\nB: 1");
    assert_eq!(d.sections[0].tasks[0].name, "B");
    // And its lines still count for messages.
    let e = parse("---\na: 1\n---\njourney\nsection A\nB: lots").unwrap_err();
    assert_eq!(
        e,
        MermaidError::BadScore {
            line: 6,
            score: "lots".to_owned()
        }
    );
}

#[test]
fn several_diagrams_one_after_another() {
    let all = parse(&format!(
        "{DOCS_EXAMPLE}\njourney\ntitle Second\nsection S\nT: 2: X\n"
    ))
    .unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].title, "Second");
    assert_eq!(all[1].sections[0].tasks, vec![task("T", 2.0, &["X"])]);
}

#[test]
fn what_mermaid_refuses_is_an_error_with_its_line() {
    let err = |text: &str| parse(text).unwrap_err();
    assert_eq!(
        err("flowchart LR\nA-->B"),
        MermaidError::NotJourney { line: 1 }
    );
    assert_eq!(err(""), MermaidError::NotJourney { line: 1 });
    assert_eq!(
        err("journey\nsection A\nTask: five: Me"),
        MermaidError::BadScore {
            line: 3,
            score: "five".to_owned()
        }
    );
    assert_eq!(
        err("journey\nsection A\nTask"),
        MermaidError::NoScore {
            line: 3,
            task: "Task".to_owned()
        }
    );
    assert_eq!(
        err("journey\nsection A\nTask:"),
        MermaidError::BadScore {
            line: 3,
            score: String::new()
        }
    );
    assert_eq!(
        err("journey\nsection A\n\naccDescr {\n never closed\n"),
        MermaidError::Unterminated { line: 4 }
    );
    assert_eq!(
        err("journey\ntitle A; B"),
        MermaidError::Unexpected {
            line: 2,
            text: ";".to_owned()
        }
    );
    // A task whose name starts with a keyword: Mermaid reads `section` and fails.
    assert!(matches!(
        err("journey\nsection A\nSection B: 3"),
        MermaidError::Unexpected { line: 3, .. }
    ));
    assert!(matches!(
        err("journey\nsection A\nT: 1\njourney planning: 3"),
        MermaidError::Unexpected { line: 4, .. }
    ));
    assert_eq!(
        parse_bytes(b"journey\nsection A\nT\0: 1"),
        Err(MermaidError::Binary { line: 3 })
    );
    assert_eq!(
        parse_bytes(&[b'j', 0xff, 0xfe]),
        Err(MermaidError::Binary { line: 1 })
    );
    let big = vec![b'a'; (MAX_SIZE + 1) as usize];
    assert!(matches!(
        parse_bytes(&big),
        Err(MermaidError::TooLarge { .. })
    ));
    // Messages say the line.
    assert!(
        err("journey\nsection A\nTask: five")
            .to_string()
            .contains('3')
    );
}

#[test]
fn writing_escapes_what_would_be_syntax_and_reads_back_the_same() {
    let d = Diagram {
        title: "Mine; #1".to_owned(),
        acc_title: "Acc # title".to_owned(),
        acc_descr: "Line {1}\nLine 2".to_owned(),
        sections: vec![Section {
            name: "Go: home #2".to_owned(),
            tasks: vec![
                task("Journey end", 4.0, &["A, B", "C: d"]),
                task("Title page", 2.25, &[]),
                task("section two", 1.0, &[]),
                task("a%%b <br> x\ny", 3.0, &["Me"]),
            ],
        }],
    };
    let text = write(std::slice::from_ref(&d));
    assert!(
        text.starts_with("journey\n    title Mine#59; #35;1\n"),
        "{text}"
    );
    assert_eq!(one(&text), d, "{text}");
}

/// Entity codes can put a line break, spaces or a blank line anywhere in an accessible
/// description; written back, they read back the same (the parser trims the text and
/// each line's indentation, and drops blank lines).
#[test]
fn accessible_descriptions_with_any_whitespace_read_back_the_same() {
    for descr in [
        " starts with a space",
        "ends with a space ",
        "   ",
        "\n",
        "\nafter a break",
        "title T\n x",
        "a\n\n  b\n",
        "a\n\tb",
        "\u{3000}full-width space",
        "a\r\nb",
    ] {
        let d = Diagram {
            acc_descr: descr.to_owned(),
            ..one("journey\nsection S\nT: 3")
        };
        let text = write(std::slice::from_ref(&d));
        assert_eq!(one(&text), d, "{descr:?} as\n{text}");
    }
}

#[test]
fn the_documented_example_round_trips_through_a_journey() {
    let scale = EmotionScale::default();
    let d = one(DOCS_EXAMPLE);
    let j = to_journey(&d, scale, Language::En, 0);
    assert_eq!(j.stages.len(), 2);
    assert_eq!(j.lanes[0].cards.len(), 5);
    assert_eq!(j.lanes[0].cards[2].actors, vec!["Me", "Cat"]);
    // 1 -> -5, 3 -> 0, 5 -> 5 on the default -5..5 scale.
    let emotions: Vec<f32> = j.lanes[1].cards.iter().filter_map(|c| c.emotion).collect();
    assert_eq!(emotions, vec![5.0, 0.0, -5.0, 5.0, 5.0]);
    assert_eq!(from_journey(&j, scale), d);
    assert_eq!(write(&[from_journey(&j, scale)]), DOCS_EXAMPLE);
}

#[test]
fn scores_map_onto_any_scale_and_back_exactly() {
    for scale in [
        EmotionScale { min: -5, max: 5 },
        EmotionScale { min: 1, max: 10 },
        EmotionScale { min: 0, max: 7 },
    ] {
        for score in [1.0, 2.0, 2.5, 3.0, 4.0, 5.0, 0.0, 7.0, -2.0, 3.3] {
            let mut card = Card::new(CardId(1), StageId(1), "X");
            card.emotion = Some(score_to_emotion(score, scale));
            card.mermaid_score = Some(score);
            assert!(scale.contains(card.emotion.unwrap()));
            assert_eq!(emotion_to_score(&card, scale), score);
        }
    }
    // An emotion changed in Waymark maps back onto 1-5.
    let scale = EmotionScale::default();
    let mut card = Card::new(CardId(1), StageId(1), "X");
    card.mermaid_score = Some(5.0);
    card.emotion = Some(-2.5);
    assert_eq!(emotion_to_score(&card, scale), 2.0);
    card.emotion = None;
    assert_eq!(emotion_to_score(&card, scale), 3.0);
}

#[test]
fn a_stage_without_touchpoints_gives_its_action_cards_as_tasks() {
    let project = crate::io::sample::blank_project();
    let mut j = project.journeys[0].clone();
    let stage = j.stages[0].id;
    j.lanes[0]
        .cards
        .push(Card::new(CardId(900), stage, "Search the web"));
    let d = from_journey(&j, project.settings.emotion_scale);
    assert_eq!(d.sections[0].tasks, vec![task("Search the web", 3.0, &[])]);
    assert!(d.sections[1].tasks.is_empty());
}

#[test]
fn a_fifty_mebibyte_text_fails_at_once() {
    let big = "journey\n".repeat(50 * 1024 * 1024 / 8);
    assert!(matches!(parse(&big), Err(MermaidError::TooLarge { .. })));
    assert!(matches!(
        parse_bytes(big.as_bytes()),
        Err(MermaidError::TooLarge { .. })
    ));
}

#[test]
fn pasted_text_is_told_apart() {
    assert!(looks_like_journey(DOCS_EXAMPLE));
    assert!(looks_like_journey("\n%% x\n  Journey\n"));
    assert!(looks_like_journey("journey title Day\nsection A\nT: 1"));
    assert!(!looks_like_journey("Make tea\nGo upstairs"));
    assert!(!looks_like_journey("Journey mapping workshop\nnotes"));
    assert!(!looks_like_journey("Journeys"));
    assert!(!looks_like_journey("flowchart LR"));
}

fn name() -> impl Strategy<Value = String> {
    // Letters, spaces, CJK and every character that is syntax somewhere.
    proptest::string::string_regex("[a-zA-Z林晓 #:;,%<>{}&\\n]{0,12}")
        .unwrap()
        .prop_map(|s| {
            // Names are kept trimmed and without empty lines (as the parser gives them).
            s.split('\n')
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
                .join("\n")
        })
}

fn nonempty_name() -> impl Strategy<Value = String> {
    name().prop_map(|s| if s.is_empty() { "X".to_owned() } else { s })
}

fn score() -> impl Strategy<Value = f64> {
    prop_oneof![
        (1i32..=5).prop_map(f64::from),
        (-20i32..40).prop_map(|n| f64::from(n) / 4.0),
    ]
}

fn diagram() -> impl Strategy<Value = Diagram> {
    let task = (
        nonempty_name(),
        score(),
        prop::collection::vec(nonempty_name(), 0..3),
    )
        .prop_map(|(name, score, actors)| Task {
            name,
            score,
            // Actors are one line each.
            actors: actors.into_iter().map(|a| a.replace('\n', " ")).collect(),
        });
    let section = (nonempty_name(), prop::collection::vec(task, 0..4))
        .prop_map(|(name, tasks)| Section { name, tasks });
    (
        name().prop_map(|t| t.replace('\n', " ")),
        name().prop_map(|t| t.replace('\n', " ")),
        // Entity codes can give an accessible description any whitespace anywhere.
        proptest::string::string_regex("[a-zA-Z林 #:;,%<>{}&\\n\\t\\r]{0,12}").unwrap(),
        prop::collection::vec(section, 0..4),
    )
        .prop_map(|(title, acc_title, acc_descr, sections)| Diagram {
            title,
            acc_title,
            acc_descr,
            sections,
        })
}

proptest! {
    #[test]
    fn generated_diagrams_round_trip(diagrams in prop::collection::vec(diagram(), 1..3)) {
        let text = write(&diagrams);
        let first = parse(&text).map_err(|e| TestCaseError::fail(format!("{e}\n{text}")))?;
        prop_assert_eq!(&first, &diagrams, "{}", text);
        // Through a journey and back: the same diagram.
        let scale = EmotionScale { min: 1, max: 10 };
        let again: Vec<Diagram> = first
            .iter()
            .map(|d| from_journey(&to_journey(d, scale, Language::En, 0), scale))
            .collect();
        let text2 = write(&again);
        prop_assert_eq!(parse(&text2).map_err(|e| TestCaseError::fail(e.to_string()))?, first);
    }

    #[test]
    fn any_text_parses_or_errors_without_panicking(text in "\\PC{0,200}") {
        let _ = parse(&text);
    }
}

#[test]
fn a_task_named_like_the_keyword_is_a_task() {
    let d = one("journey\n  section Online\n    Journeys page: 3: Me\n    journey_map: 4\n");
    let names: Vec<&str> = d.sections[0]
        .tasks
        .iter()
        .map(|t| t.name.as_str())
        .collect();
    assert_eq!(names, ["Journeys page", "journey_map"]);
    assert!(!looks_like_journey("Journeys we mapped today\nCheckout"));
    assert!(looks_like_journey("journey\n  title Day"));
}

#[test]
fn cards_without_text_are_left_out_so_the_export_stays_valid_mermaid() {
    let scale = EmotionScale::default();
    let d = one("journey\n  section Buy\n    Pay: 5\n");
    let mut journey = to_journey(&d, scale, Language::En, 100);
    // The user adds an empty touchpoint card (Enter on a cell does).
    let lane = journey
        .lanes
        .iter_mut()
        .find(|l| l.kind == LaneKind::Touchpoints)
        .unwrap();
    let stage = lane.cards[0].stage;
    lane.cards
        .insert(0, Card::new(crate::model::CardId(999), stage, "  "));
    let text = write(&[from_journey(&journey, scale)]);
    let back = parse(&text).unwrap_or_else(|e| panic!("{e}\n{text}"));
    assert_eq!(back[0].sections[0].tasks, vec![task("Pay", 5.0, &[])]);
}

#[test]
fn each_task_keeps_its_own_score_when_cards_are_reordered() {
    let scale = EmotionScale::default();
    let d = one("journey\n  section Buy\n    Browse: 2\n    Pay: 5\n    Wait: 1\n");
    let mut journey = to_journey(&d, scale, Language::En, 100);
    let lane = journey
        .lanes
        .iter_mut()
        .find(|l| l.kind == LaneKind::Touchpoints)
        .unwrap();
    // Pay first, Browse deleted: the scores stay with their tasks.
    lane.cards.reverse();
    lane.cards.retain(|c| c.text != "Browse");
    let back = from_journey(&journey, scale);
    let got: Vec<(&str, f64)> = back.sections[0]
        .tasks
        .iter()
        .map(|t| (t.name.as_str(), t.score))
        .collect();
    assert_eq!(got, [("Wait", 1.0), ("Pay", 5.0)]);
}
