//! The embedded sample project: a household getting broadband installed, then getting a
//! fault fixed. It is what `cargo run` opens and what `waymark new` writes, so it shows
//! every kind of lane a practitioner uses.

use crate::model::{
    Anchor, Annotation, AnnotationId, AnnotationKind, Card, CardId, Channel, ColorToken,
    DeviceUsage, Effect, Journey, JourneyId, Lane, LaneId, LaneKind, MeasureKind, MeasureValue,
    Persona, PersonaId, Project, Rag, Sentiment, Stage, StageId, TextRole, Touchpoint,
    TouchpointClass,
};

/// Hands out ids in order, so the sample is identical on every run.
struct Ids(u64);

impl Ids {
    fn next(&mut self) -> u64 {
        self.0 += 1;
        self.0
    }
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

/// Builds the sample project.
pub fn sample_project() -> Project {
    let mut ids = Ids(0);
    let persona_id = PersonaId(ids.next());
    let persona = Persona {
        id: persona_id,
        name: "Priya Shah".to_owned(),
        age: Some(38),
        location: "Leeds, UK".to_owned(),
        segment: "Busy working parent, family of four".to_owned(),
        quote: "I just need it to work. I don't have time to chase anyone.".to_owned(),
        favourite_brands: strings(&["John Lewis", "Monzo", "Ocado"]),
        brand_turn_ons: strings(&[
            "Clear prices with no small print",
            "Updates before I have to ask",
            "Staff who remember my history",
        ]),
        brand_turn_offs: strings(&[
            "Being passed between departments",
            "Hidden phone numbers",
            "Promises that are broken",
        ]),
        channel_preferences: vec![Channel::App, Channel::Chat, Channel::Email, Channel::Phone],
        devices: vec![
            DeviceUsage {
                device: "Smartphone".to_owned(),
                usage: "Everything on the go: banking, shopping, school messages".to_owned(),
            },
            DeviceUsage {
                device: "Work laptop".to_owned(),
                usage: "Video calls from home three days a week".to_owned(),
            },
            DeviceUsage {
                device: "Smart TV".to_owned(),
                usage: "Streaming in the evenings with the children".to_owned(),
            },
        ],
        behaviours: strings(&[
            "Compares prices on comparison sites before buying",
            "Reads reviews, trusts friends' recommendations",
            "Pays monthly, switches when a contract ends",
        ]),
        goals: strings(&[
            "Reliable internet for working from home",
            "A fair price without haggling every year",
        ]),
        needs: strings(&[
            "To be heard",
            "To be known (no repeating her story)",
            "To be kept informed",
        ]),
        desired_feelings: strings(&["In control", "Reassured", "Appreciated"]),
        avatar: None,
    };

    let stage_names = [
        (
            "Discover & compare",
            "Searches, compares deals, reads reviews.",
        ),
        (
            "Order online",
            "Chooses a package and books an installation slot.",
        ),
        (
            "Wait for install",
            "Ten days between order and installation.",
        ),
        (
            "Installation day",
            "An engineer connects the line and the router.",
        ),
        ("First weeks", "Everyday use; first bill arrives."),
        (
            "Fault reported",
            "The connection drops repeatedly in the evenings.",
        ),
        ("Fault fixed", "Engineer visit, fix confirmed, follow-up."),
    ];
    let stages: Vec<Stage> = stage_names
        .iter()
        .map(|(name, description)| Stage {
            id: StageId(ids.next()),
            name: (*name).to_owned(),
            description: (*description).to_owned(),
            width: 220.0,
        })
        .collect();
    let s = |i: usize| stages[i].id;

    let mut lane = |title: &str, kind: LaneKind, height: f32, cards: Vec<Card>| Lane {
        id: LaneId(ids.next()),
        title: title.to_owned(),
        kind,
        height,
        collapsed: false,
        cards,
    };

    // Card ids are taken from a separate range so lanes can be built in any order.
    let mut card_ids = Ids(1000);
    let mut text_cards = |texts: &[&str]| -> Vec<Card> {
        texts
            .iter()
            .enumerate()
            .filter(|(_, t)| !t.is_empty())
            .map(|(i, t)| Card::new(CardId(card_ids.next()), s(i), *t))
            .collect()
    };
    let actions = text_cards(&[
        "Searches \"best broadband Leeds\"; opens two comparison sites",
        "Picks the 500 Mb fibre deal; books the first free slot",
        "Waits; checks the order tracker twice",
        "Takes a morning off work; engineer arrives at 11:40",
        "Streams, works from home; reads the first bill",
        "Restarts the router every evening; searches for a fault number",
        "Lets the engineer in; tests the line with him",
    ]);
    let thoughts = text_cards(&[
        "\"So many deals. Which one is actually faster?\"",
        "\"Easy enough. I hope the date holds.\"",
        "\"Is anything happening?\"",
        "\"Half a day gone waiting.\"",
        "\"Fast, when it works. Why is the bill higher?\"",
        "\"Why is the number so hard to find?\"",
        "\"Finally. Will it last?\"",
    ]);

    let mut tp_ids = Ids(2000);
    let mut touchpoint =
        |stage: usize, text: &str, channel: Channel, class: TouchpointClass, owner: &str| Card {
            touchpoint: Some(Touchpoint {
                channel: Some(channel),
                class: Some(class),
                owner: owner.to_owned(),
            }),
            ..Card::new(CardId(tp_ids.next()), s(stage), text)
        };
    let touchpoints = vec![
        touchpoint(
            0,
            "Comparison site listing",
            Channel::Web,
            TouchpointClass::Core,
            "Marketing",
        ),
        touchpoint(
            0,
            "Online review",
            Channel::Social,
            TouchpointClass::Core,
            "Marketing",
        ),
        touchpoint(
            1,
            "Online checkout",
            Channel::Web,
            TouchpointClass::Hygiene,
            "Digital sales",
        ),
        touchpoint(
            1,
            "Order confirmation e-mail",
            Channel::Email,
            TouchpointClass::Hygiene,
            "Digital sales",
        ),
        touchpoint(
            2,
            "Order tracker",
            Channel::App,
            TouchpointClass::Delight,
            "Digital",
        ),
        touchpoint(
            3,
            "Engineer visit",
            Channel::InPerson,
            TouchpointClass::MomentOfTruth,
            "Field operations",
        ),
        touchpoint(
            4,
            "First bill",
            Channel::Email,
            TouchpointClass::MomentOfTruth,
            "Billing",
        ),
        touchpoint(
            5,
            "Help pages: report a fault",
            Channel::Web,
            TouchpointClass::Hygiene,
            "Customer service",
        ),
        touchpoint(
            5,
            "Phone support queue",
            Channel::Phone,
            TouchpointClass::Hygiene,
            "Customer service",
        ),
        touchpoint(
            6,
            "Engineer repair visit",
            Channel::InPerson,
            TouchpointClass::MomentOfTruth,
            "Field operations",
        ),
        touchpoint(
            6,
            "Follow-up text",
            Channel::Sms,
            TouchpointClass::Delight,
            "Customer service",
        ),
    ];

    let mut emo_ids = Ids(3000);
    let emotion_cards: Vec<Card> = [
        (1.0, "Hopeful"),
        (3.0, "Pleased"),
        (-1.0, "Uncertain"),
        (-2.0, "Frustrated by the wait"),
        (2.0, "Satisfied"),
        (-5.0, "Angry, stuck"),
        (3.0, "Relieved"),
    ]
    .iter()
    .enumerate()
    .map(|(i, (score, text))| Card {
        emotion: Some(*score),
        ..Card::new(CardId(emo_ids.next()), s(i), *text)
    })
    .collect();

    let mut quote_ids = Ids(4000);
    let mut quote = |stage: usize, text: &str, sentiment: Sentiment| Card {
        sentiment: Some(sentiment),
        ..Card::new(CardId(quote_ids.next()), s(stage), text)
    };
    let quotes = vec![
        quote(
            0,
            "\"Every site says 'up to'. Up to what?\"",
            Sentiment::Negative,
        ),
        quote(
            1,
            "\"Ordering took five minutes, really smooth.\"",
            Sentiment::Positive,
        ),
        quote(
            3,
            "\"The engineer explained everything. Lovely man.\"",
            Sentiment::Positive,
        ),
        quote(
            4,
            "\"The first bill had charges I didn't expect.\"",
            Sentiment::Negative,
        ),
        quote(
            5,
            "\"I was on hold 47 minutes and had to explain it all twice.\"",
            Sentiment::Negative,
        ),
        quote(
            6,
            "\"They texted the next day to check. That was nice.\"",
            Sentiment::Positive,
        ),
    ];

    let mut m_ids = Ids(5000);
    let mut measure = |stage: usize, value: MeasureValue, text: &str| Card {
        measure: Some(value),
        ..Card::new(CardId(m_ids.next()), s(stage), text)
    };
    let nps = vec![
        measure(1, MeasureValue::Number(32.0), "Post-order survey"),
        measure(3, MeasureValue::Number(41.0), "Post-install survey"),
        measure(4, MeasureValue::Number(12.0), "90-day survey"),
        measure(5, MeasureValue::Number(-38.0), "Fault survey"),
        measure(6, MeasureValue::Number(8.0), "Post-repair survey"),
    ];
    let rag = vec![
        measure(0, MeasureValue::Status(Rag::Amber), "Conversion 2.1%"),
        measure(1, MeasureValue::Status(Rag::Green), "Checkout success 96%"),
        measure(2, MeasureValue::Status(Rag::Amber), "On-time 81%"),
        measure(3, MeasureValue::Status(Rag::Green), "First-time fix 92%"),
        measure(4, MeasureValue::Status(Rag::Amber), "Bill queries 14%"),
        measure(5, MeasureValue::Status(Rag::Red), "Abandoned calls 22%"),
        measure(6, MeasureValue::Status(Rag::Green), "Repeat faults 6%"),
    ];
    let complaints = vec![
        measure(2, MeasureValue::Number(3.1), "Missed install dates"),
        measure(4, MeasureValue::Number(6.4), "Billing"),
        measure(5, MeasureValue::Number(11.8), "Fault handling"),
    ];

    let mut back_ids = Ids(6000);
    let mut staged = |stage: usize, text: &str, color: ColorToken| Card {
        color,
        ..Card::new(CardId(back_ids.next()), s(stage), text)
    };
    let front = vec![
        staged(1, "Web shop, live chat agent", ColorToken::Auto),
        staged(3, "Field engineer, branded van", ColorToken::Auto),
        staged(5, "Contact-centre agent (tier 1)", ColorToken::Auto),
        staged(6, "Repair engineer; follow-up SMS", ColorToken::Auto),
    ];
    let back = vec![
        staged(1, "Line availability check (IT)", ColorToken::Auto),
        staged(
            2,
            "Engineer scheduling; exchange port booking",
            ColorToken::Auto,
        ),
        staged(4, "Billing run; pro-rata charges", ColorToken::Auto),
        staged(
            5,
            "Fault ticket; line test; no customer history shown",
            ColorToken::Red,
        ),
        staged(6, "Ticket closed; survey triggered", ColorToken::Auto),
    ];
    let pains = vec![
        staged(0, "Speeds quoted as \"up to\"", ColorToken::Auto),
        staged(2, "No update for a week", ColorToken::Auto),
        staged(3, "Four-hour arrival window", ColorToken::Auto),
        staged(4, "Unexplained pro-rata charge", ColorToken::Auto),
        staged(
            5,
            "Fault number hidden; 47 min on hold; repeats her story",
            ColorToken::Auto,
        ),
    ];
    let opportunities = vec![
        staged(0, "Guaranteed minimum speed", ColorToken::Auto),
        staged(2, "Proactive progress texts", ColorToken::Auto),
        staged(3, "Live engineer tracking", ColorToken::Auto),
        staged(4, "Explain the first bill in the app", ColorToken::Auto),
        staged(
            5,
            "Report faults in the app; show history to agents",
            ColorToken::Auto,
        ),
    ];

    let tp_engineer = touchpoints[5].id;
    let tp_help = touchpoints[7].id;
    let lanes = vec![
        lane(
            "Customer actions",
            LaneKind::Text(TextRole::Actions),
            90.0,
            actions,
        ),
        lane(
            "Thoughts",
            LaneKind::Text(TextRole::Thoughts),
            80.0,
            thoughts,
        ),
        lane("Touchpoints", LaneKind::Touchpoints, 120.0, touchpoints),
        lane(
            "Emotions",
            LaneKind::Emotion {
                persona: Some(persona_id),
                compare: Vec::new(),
            },
            160.0,
            emotion_cards,
        ),
        lane("Customer quotes", LaneKind::Quotes, 100.0, quotes),
        lane("NPS", LaneKind::Measures(MeasureKind::Nps), 70.0, nps),
        lane(
            "Operational status",
            LaneKind::Measures(MeasureKind::Rag),
            70.0,
            rag,
        ),
        lane(
            "Complaints per 1,000",
            LaneKind::Measures(MeasureKind::ComplaintsPer1000),
            70.0,
            complaints,
        ),
        lane("Front stage", LaneKind::FrontStage, 80.0, front),
        lane("Back stage", LaneKind::BackStage, 90.0, back),
        lane(
            "Pain points",
            LaneKind::Text(TextRole::PainPoints),
            80.0,
            pains,
        ),
        lane(
            "Opportunities",
            LaneKind::Text(TextRole::Opportunities),
            80.0,
            opportunities,
        ),
    ];

    let annotations = vec![
        Annotation {
            id: AnnotationId(ids.next()),
            kind: AnnotationKind::Accelerator,
            title: "Engineer texts 30 min before arrival".to_owned(),
            note: "Piloted in Yorkshire: customers no longer lose half a day waiting.".to_owned(),
            anchor: Anchor::Card(tp_engineer),
            before: Effect {
                nev: Some(-12.0),
                ces: Some(4.1),
                nps: Some(28.0),
            },
            after: Effect {
                nev: Some(18.0),
                ces: Some(2.9),
                nps: Some(41.0),
            },
        },
        Annotation {
            id: AnnotationId(ids.next()),
            kind: AnnotationKind::Blocker,
            title: "Fault number hidden on the website".to_owned(),
            note: "Four clicks deep under 'Legal & policies'; customers ring sales instead and \
                   are transferred."
                .to_owned(),
            anchor: Anchor::Card(tp_help),
            before: Effect {
                nev: Some(-46.0),
                ces: Some(5.8),
                nps: Some(-38.0),
            },
            after: Effect {
                nev: None,
                ces: None,
                nps: None,
            },
        },
    ];

    let journey = Journey {
        id: JourneyId(ids.next()),
        title: "Broadband: from first search to a fixed fault".to_owned(),
        description: "Macro journey of a household switching broadband provider, including \
                      the first fault. Built from 1,240 survey responses and 18 interviews."
            .to_owned(),
        persona: Some(persona_id),
        parent: None,
        stages,
        lanes,
        annotations,
        survey_mappings: Vec::new(),
        acc_title: String::new(),
        acc_descr: String::new(),
    };

    Project {
        title: "Northway Broadband CX review".to_owned(),
        personas: vec![persona],
        journeys: vec![journey],
        ..Project::empty("")
    }
}

/// A blank journey in the map language `lang`: four stages and the usual lanes
/// (actions, touchpoints, emotions, pain points, opportunities), every name in that
/// language, as New journey and Zoom into this stage make it. Ids start at 1: an edit
/// that adds it gives it fresh ones.
pub fn blank_journey(lang: crate::i18n::Language) -> Journey {
    use crate::tm;
    let mut ids = Ids(0);
    let stages = [
        tm!(lang, "map-blank-stage-discover"),
        tm!(lang, "map-blank-stage-decide"),
        tm!(lang, "map-blank-stage-use"),
        tm!(lang, "map-blank-stage-get-help"),
    ]
    .into_iter()
    .map(|name| Stage {
        id: StageId(ids.next()),
        name,
        description: String::new(),
        width: 220.0,
    })
    .collect();
    let mut lane = |title: String, kind: LaneKind, height: f32| Lane {
        id: LaneId(ids.next()),
        title,
        kind,
        height,
        collapsed: false,
        cards: Vec::new(),
    };
    let lanes = vec![
        lane(
            tm!(lang, "map-blank-lane-actions"),
            LaneKind::Text(TextRole::Actions),
            90.0,
        ),
        lane(
            tm!(lang, "map-blank-lane-touchpoints"),
            LaneKind::Touchpoints,
            90.0,
        ),
        lane(
            tm!(lang, "map-lane-title-emotions"),
            LaneKind::Emotion {
                persona: None,
                compare: Vec::new(),
            },
            140.0,
        ),
        lane(
            tm!(lang, "map-role-pain-points"),
            LaneKind::Text(TextRole::PainPoints),
            80.0,
        ),
        lane(
            tm!(lang, "map-role-opportunities"),
            LaneKind::Text(TextRole::Opportunities),
            80.0,
        ),
    ];
    Journey {
        id: JourneyId(ids.next()),
        title: tm!(lang, "map-blank-title"),
        description: String::new(),
        persona: None,
        parent: None,
        stages,
        lanes,
        annotations: Vec::new(),
        survey_mappings: Vec::new(),
        acc_title: String::new(),
        acc_descr: String::new(),
    }
}

/// A project with one blank English journey (see [`blank_journey`]).
pub fn blank_project() -> Project {
    Project {
        journeys: vec![blank_journey(crate::i18n::Language::En)],
        ..Project::empty("Untitled project")
    }
}

/// A large synthetic project for benchmarks and stress tests: one journey of `stages`
/// stages and `lanes` lanes of every kind, with `cards` cards spread evenly.
pub fn generated_project(stages: usize, lanes: usize, cards: usize) -> Project {
    let mut ids = Ids(0);
    let stage_list: Vec<Stage> = (0..stages)
        .map(|i| Stage {
            id: StageId(ids.next()),
            name: format!("Stage {}", i + 1),
            description: "A generated stage of the journey".to_owned(),
            width: 200.0,
        })
        .collect();
    let kinds = [
        LaneKind::Text(TextRole::Actions),
        LaneKind::Touchpoints,
        LaneKind::Emotion {
            persona: None,
            compare: Vec::new(),
        },
        LaneKind::Quotes,
        LaneKind::Measures(MeasureKind::Nps),
        LaneKind::Text(TextRole::PainPoints),
        LaneKind::FrontStage,
        LaneKind::BackStage,
    ];
    let mut lane_list: Vec<Lane> = (0..lanes)
        .map(|i| Lane {
            id: LaneId(ids.next()),
            title: format!("Lane {}", i + 1),
            kind: kinds[i % kinds.len()].clone(),
            height: 90.0,
            collapsed: false,
            cards: Vec::new(),
        })
        .collect();
    for i in 0..cards {
        let lane_index = i % lanes.max(1);
        let Some(lane) = lane_list.get_mut(lane_index) else {
            break;
        };
        let stage = stage_list[(i / lanes.max(1)) % stages.max(1)].id;
        let mut card = Card::new(
            CardId(ids.next()),
            stage,
            format!("Card {i}: the customer checks the order status and waits for news"),
        );
        match lane.kind {
            LaneKind::Touchpoints => {
                card.touchpoint = Some(Touchpoint {
                    channel: Some(Channel::Web),
                    class: Some(TouchpointClass::Core),
                    owner: "Digital".to_owned(),
                });
            }
            LaneKind::Emotion { .. } => card.emotion = Some(((i % 11) as f32) - 5.0),
            LaneKind::Quotes => card.sentiment = Some(Sentiment::Negative),
            LaneKind::Measures(_) => {
                card.measure = Some(MeasureValue::Number((i % 200) as f64 - 100.0));
            }
            _ => {}
        }
        lane.cards.push(card);
    }
    let journey = Journey {
        id: JourneyId(ids.next()),
        title: format!("Generated journey: {stages} stages, {cards} cards"),
        description: String::new(),
        persona: None,
        parent: None,
        stages: stage_list,
        lanes: lane_list,
        annotations: Vec::new(),
        survey_mappings: Vec::new(),
        acc_title: String::new(),
        acc_descr: String::new(),
    };
    Project {
        journeys: vec![journey],
        ..Project::empty("Generated project")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Language;

    #[test]
    fn a_blank_journey_is_named_in_the_maps_language() {
        let en = blank_journey(Language::En);
        assert_eq!(en.lanes[0].title, "Customer actions");
        assert_eq!(en.stages[3].name, "Get help");
        for (lang, actions, help) in [
            (Language::ZhHans, "顾客行为", "寻求帮助"),
            (Language::ZhHant, "顧客行為", "尋求協助"),
        ] {
            let j = blank_journey(lang);
            assert_eq!(j.lanes[0].title, actions);
            assert_eq!(j.stages[3].name, help);
            // Nothing English is left on a Chinese blank map.
            let names = j
                .lanes
                .iter()
                .map(|l| l.title.as_str())
                .chain(j.stages.iter().map(|s| s.name.as_str()))
                .chain([j.title.as_str()]);
            for n in names {
                assert!(!n.chars().any(|c| c.is_ascii_alphabetic()), "{n}");
            }
        }
        assert_eq!(blank_project().journeys[0], en);
    }
}
