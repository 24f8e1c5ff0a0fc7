//! What to fix first: touchpoints ranked by the rule in `domain.md`.
//!
//! The rule, in the order the list is ranked:
//! 1. **Fix first**: moments of truth and hygiene factors that perform poorly (red or
//!    amber).
//! 2. **Measure first**: moments of truth and hygiene factors with no measure and no
//!    emotion score in their stage. Unmeasured is not "performing": nobody knows yet.
//! 3. **Make adequate**: core interactions below target (red or amber).
//! 4. **Measure**: core interactions with nothing measured.
//! 5. **Delight**: delightful innovations. A delighter never ranks above a basic (moment
//!    of truth, hygiene factor or core interaction) that performs poorly or is not
//!    measured; it is "worth investing in" only when every basic is measured and green.
//! 6. **Classify**: touchpoints without a class.
//! 7. **Fine**: basics measured and green: keep them so.
//!
//! How a touchpoint performs comes from the measures of its stage (see
//! [`touchpoint_status`]), else from the mean emotion score of its stage: green only
//! above neutral (above 0 on the default -5..5 scale), amber from 30% of the scale up to
//! neutral included, red below. A neutral emotion is never "performing well".

use crate::i18n::{Language, labels};
use crate::model::{
    CardId, Journey, LaneKind, MeasureKind, MeasureValue, Project, Rag, StageId, TouchpointClass,
};
use crate::tm;

use super::rag_for_measure;

/// The group a touchpoint falls in, in the order they should be worked on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Tier {
    /// A moment of truth or hygiene factor performing poorly: fix first.
    FixFirst,
    /// A moment of truth or hygiene factor with nothing measured: measure it first.
    MeasureFirst,
    /// A core interaction below target: make it adequate.
    MakeAdequate,
    /// A core interaction with nothing measured: measure before deciding.
    Measure,
    /// A delightful innovation: only once every tier above is done.
    Delight,
    /// Not classified yet.
    Classify,
    /// Performing well.
    Fine,
}

/// One ranked touchpoint.
#[derive(Clone, Debug, PartialEq)]
pub struct Priority {
    /// 1 = fix first.
    pub rank: usize,
    /// The touchpoint card.
    pub card: CardId,
    /// Its stage.
    pub stage: StageId,
    /// Its text.
    pub text: String,
    /// Its class, if classified.
    pub class: Option<TouchpointClass>,
    /// How it performs, if measured.
    pub status: Option<Rag>,
    /// Its tier.
    pub tier: Tier,
    /// Why it is in this place (its text in any language: [`Reason::text`]).
    pub reason: Reason,
}

/// How many answers a measure rests on, and where they came from.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Basis {
    /// The number of answers, when known (kept answers, else "(n=..)" in the card text).
    pub n: Option<usize>,
    /// Fewer answers than the project's minimum base.
    pub low: bool,
    /// The day of the survey import the answers came from, `YYYY-MM-DD`.
    pub imported: Option<String>,
}

impl Basis {
    /// The basis of a measure card under the project's settings.
    pub fn of(settings: &crate::model::Settings, card: &crate::model::Card) -> Self {
        Self {
            n: super::base(card),
            low: super::is_low_base(settings, card),
            imported: card.answers.as_ref().map(|a| a.imported.clone()),
        }
    }
}

/// Where a touchpoint's status comes from.
#[derive(Clone, Debug, PartialEq)]
pub enum Evidence {
    /// A measure card bound to the touchpoint itself.
    Measure(MeasureKind, MeasureValue, Basis),
    /// A measure card of its stage as a whole (no measure of its own).
    StageMeasure(MeasureKind, MeasureValue, Basis),
    /// The mean emotion score of its stage.
    Emotion(f32),
}

impl Evidence {
    /// True when the evidence is a measure on a low base.
    pub fn is_low_base(&self) -> bool {
        matches!(self, Self::Measure(_, _, b) | Self::StageMeasure(_, _, b) if b.low)
    }

    /// The evidence for a person, e.g. "NPS -40", "emotion -2" or "NPS -60, n=15, low
    /// base, from the survey imported on 2026-11-24".
    pub fn text(&self, lang: Language) -> String {
        let (stage, kind, value, basis) = match self {
            Self::Measure(kind, value, basis) => (false, *kind, *value, basis),
            Self::StageMeasure(kind, value, basis) => (true, *kind, *value, basis),
            Self::Emotion(mean) => {
                return tm!(
                    lang,
                    "priority-evidence-emotion",
                    score = format!("{mean:+.0}")
                );
            }
        };
        let value = match value {
            MeasureValue::Number(v) => super::format_measure_with_unit(kind, v),
            MeasureValue::Status(r) => labels::rag(lang, r),
        };
        let measure = labels::measure_kind(lang, kind);
        let mut text = if stage {
            tm!(
                lang,
                "priority-evidence-stage-measure",
                measure = measure,
                value = value
            )
        } else {
            tm!(
                lang,
                "priority-evidence-measure",
                measure = measure,
                value = value
            )
        };
        let mut more = Vec::new();
        if let Some(n) = basis.n {
            more.push(tm!(lang, "priority-evidence-n", n = n));
        }
        if basis.low {
            more.push(tm!(lang, "measure-low-base"));
        }
        if let Some(date) = &basis.imported {
            more.push(tm!(
                lang,
                "priority-evidence-imported",
                date = date.as_str()
            ));
        }
        for m in more {
            text = tm!(lang, "priority-evidence-more", evidence = text, more = m);
        }
        text
    }
}

/// Why a touchpoint ranks where it does.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Not classified yet.
    Classify,
    /// A basic performing poorly.
    FixFirst {
        /// Moment of truth or hygiene factor.
        class: TouchpointClass,
        /// Red or amber.
        status: Rag,
        /// Where the status comes from.
        evidence: Evidence,
    },
    /// A basic with nothing measured.
    MeasureFirst {
        /// Moment of truth or hygiene factor.
        class: TouchpointClass,
    },
    /// A core interaction below target.
    MakeAdequate {
        /// Red or amber.
        status: Rag,
        /// Where the status comes from.
        evidence: Evidence,
    },
    /// A core interaction with nothing measured.
    Measure,
    /// A delighter waiting for this many basics above it.
    DelightWait(usize),
    /// A delighter waiting for this many touchpoints to be classified.
    DelightClassifyFirst(usize),
    /// A delighter on a map with no basic classified.
    DelightNoBasics,
    /// A delighter worth investing in: every basic performs.
    DelightWorth,
    /// A touchpoint performing well.
    Fine {
        /// Its class.
        class: TouchpointClass,
        /// Green.
        status: Rag,
        /// Where the status comes from.
        evidence: Evidence,
    },
}

impl Reason {
    /// The reason for a person, in `lang`.
    pub fn text(&self, lang: Language) -> String {
        let class = |c| labels::touchpoint_class(lang, c);
        let measured =
            |status, evidence: &Evidence| (labels::rag(lang, status), evidence.text(lang));
        match self {
            Self::Classify => tm!(lang, "priority-classify"),
            Self::FixFirst {
                class: c,
                status,
                evidence,
            } => {
                let (rag, evidence) = measured(*status, evidence);
                let id_red = *status == Rag::Red;
                if id_red {
                    tm!(
                        lang,
                        "priority-fix-first-red",
                        class = class(*c),
                        evidence = evidence,
                        rag = rag
                    )
                } else {
                    tm!(
                        lang,
                        "priority-fix-first-amber",
                        class = class(*c),
                        evidence = evidence,
                        rag = rag
                    )
                }
            }
            Self::MeasureFirst { class: c } => {
                tm!(lang, "priority-measure-first", class = class(*c))
            }
            Self::MakeAdequate { status, evidence } => {
                let (rag, evidence) = measured(*status, evidence);
                tm!(
                    lang,
                    "priority-make-adequate",
                    evidence = evidence,
                    rag = rag
                )
            }
            Self::Measure => tm!(lang, "priority-measure"),
            Self::DelightWait(n) => tm!(lang, "priority-delight-wait", count = *n),
            Self::DelightClassifyFirst(n) => {
                tm!(lang, "priority-delight-classify-first", count = *n)
            }
            Self::DelightNoBasics => tm!(lang, "priority-delight-no-basics"),
            Self::DelightWorth => tm!(lang, "priority-delight-worth"),
            Self::Fine {
                class: c,
                status,
                evidence,
            } => {
                let (rag, evidence) = measured(*status, evidence);
                tm!(
                    lang,
                    "priority-fine",
                    class = class(*c),
                    evidence = evidence,
                    rag = rag
                )
            }
        }
    }
}

/// How a touchpoint performs: from the measures bound to it (see [`Card::about`]), else
/// from the measures of its stage as a whole, else from the emotion scores of its stage.
/// Measures bound to another touchpoint never count. Returns the worst status and where
/// it came from.
///
/// [`Card::about`]: crate::model::Card::about
pub fn touchpoint_status(
    project: &Project,
    journey: &Journey,
    card: CardId,
) -> Option<(Rag, Evidence)> {
    let (_, tp) = journey.card(card)?;
    let mut own = Vec::new();
    let mut stage = Vec::new();
    for lane in &journey.lanes {
        let LaneKind::Measures(kind) = lane.kind else {
            continue;
        };
        for m in journey.cell_cards(lane, tp.stage) {
            let Some(value) = m.measure else {
                continue;
            };
            let Some(rag) = rag_for_measure(&project.settings, kind, value) else {
                continue;
            };
            match m.about {
                Some(id) if id == card => own.push((
                    rag,
                    Evidence::Measure(kind, value, Basis::of(&project.settings, m)),
                )),
                Some(_) => {}
                None => stage.push((
                    rag,
                    Evidence::StageMeasure(kind, value, Basis::of(&project.settings, m)),
                )),
            }
        }
    }
    let pool = if own.is_empty() { stage } else { own };
    // The worst status; of equally bad ones, a well-founded one (not a low base).
    if let Some(worst) = pool
        .into_iter()
        .max_by_key(|(r, e)| (severity(*r), !e.is_low_base()))
    {
        return Some(worst);
    }
    // No measure: the emotion of the stage tells how it feels.
    let scale = project.settings.emotion_scale;
    let scores: Vec<f32> = journey
        .lanes
        .iter()
        .filter(|l| matches!(l.kind, LaneKind::Emotion { .. }))
        .flat_map(|l| journey.cell_cards(l, tp.stage))
        .filter_map(|c| c.emotion)
        .collect();
    if scores.is_empty() {
        return None;
    }
    let mean = scores.iter().sum::<f32>() / scores.len() as f32;
    let t = scale.normalize(mean);
    // Neutral (t = 0.5) is amber: a feeling of "nothing special" is not performing well.
    let rag = if t < 0.3 {
        Rag::Red
    } else if t <= 0.5 + 1e-6 {
        Rag::Amber
    } else {
        Rag::Green
    };
    Some((rag, Evidence::Emotion(mean)))
}

fn severity(r: Rag) -> u8 {
    match r {
        Rag::Red => 2,
        Rag::Amber => 1,
        Rag::Green => 0,
    }
}

/// Ranks every touchpoint of a journey by the rule in the module documentation. Ties
/// keep a fixed order: red before amber, moments of truth before hygiene factors, a
/// well-founded value before one on a low base (fewer answers than
/// [`Settings::min_base`](crate::model::Settings::min_base)), then the journey's own
/// order.
pub fn rank_touchpoints(project: &Project, journey: &Journey) -> Vec<Priority> {
    rank_in(project, &[journey])
        .into_iter()
        .map(|(_, p)| p)
        .collect()
}

/// Ranks the touchpoints of a macro journey together with those of its micro journeys
/// (and theirs), by the same rule; each comes with the journey it belongs to. Ties
/// keep the macro journey's touchpoints first, then the list order of the journeys.
pub fn rank_touchpoints_with_micro(
    project: &Project,
    journey: &Journey,
) -> Vec<(crate::model::JourneyId, Priority)> {
    let below = project.descendants(journey.id);
    let journeys: Vec<&Journey> = std::iter::once(journey)
        .chain(below.iter().filter_map(|id| project.journey(*id)))
        .collect();
    rank_in(project, &journeys)
}

#[allow(
    clippy::too_many_lines,
    reason = "one match over the classes and statuses, as the rule reads"
)]
fn rank_in(project: &Project, journeys: &[&Journey]) -> Vec<(crate::model::JourneyId, Priority)> {
    let mut items = Vec::new();
    for (journey_index, journey) in journeys.iter().enumerate() {
        for lane in &journey.lanes {
            if lane.kind != LaneKind::Touchpoints {
                continue;
            }
            for card in &lane.cards {
                let class = card.touchpoint.as_ref().and_then(|t| t.class);
                let status = touchpoint_status(project, journey, card.id);
                let low_base = status.as_ref().is_some_and(|(_, e)| e.is_low_base());
                let (tier, reason) = match (class, status.clone()) {
                    (None, _) => (Tier::Classify, Reason::Classify),
                    (Some(TouchpointClass::Delight), _) => (Tier::Delight, Reason::DelightWorth),
                    (
                        Some(c @ (TouchpointClass::MomentOfTruth | TouchpointClass::Hygiene)),
                        Some((status @ (Rag::Red | Rag::Amber), evidence)),
                    ) => (
                        Tier::FixFirst,
                        Reason::FixFirst {
                            class: c,
                            status,
                            evidence,
                        },
                    ),
                    (
                        Some(c @ (TouchpointClass::MomentOfTruth | TouchpointClass::Hygiene)),
                        None,
                    ) => (Tier::MeasureFirst, Reason::MeasureFirst { class: c }),
                    (
                        Some(TouchpointClass::Core),
                        Some((status @ (Rag::Red | Rag::Amber), evidence)),
                    ) => (
                        Tier::MakeAdequate,
                        Reason::MakeAdequate { status, evidence },
                    ),
                    (Some(TouchpointClass::Core), None) => (Tier::Measure, Reason::Measure),
                    (Some(c), Some((status, evidence))) => (
                        Tier::Fine,
                        Reason::Fine {
                            class: c,
                            status,
                            evidence,
                        },
                    ),
                };
                let stage_index = journey
                    .stages
                    .iter()
                    .position(|s| s.id == card.stage)
                    .unwrap_or(usize::MAX);
                items.push((
                    tier,
                    status.as_ref().map_or(0, |(r, _)| 2 - severity(*r)),
                    class.map_or(4, |c| {
                        TouchpointClass::ALL
                            .iter()
                            .position(|x| *x == c)
                            .unwrap_or(4)
                    }),
                    // A value on a low base ranks below well-founded ones of the same
                    // status and class: the evidence is weaker.
                    low_base,
                    (journey_index, stage_index),
                    journey.id,
                    Priority {
                        rank: 0,
                        card: card.id,
                        stage: card.stage,
                        text: card.text.clone(),
                        class,
                        status: status.map(|(r, _)| r),
                        tier,
                        reason,
                    },
                ));
            }
        }
    }
    items.sort_by_key(|(tier, sev, class, low, stage, _, _)| (*tier, *sev, *class, *low, *stage));
    // Basics that stand in the way of delight: poor or unmeasured.
    let blocking = items.iter().filter(|i| i.0 < Tier::Delight).count();
    let unclassified = items.iter().filter(|i| i.0 == Tier::Classify).count();
    let basics = items
        .iter()
        .filter(|i| i.0 != Tier::Delight && i.0 != Tier::Classify)
        .count();
    items
        .into_iter()
        .enumerate()
        .map(|(i, (_, _, _, _, _, journey, mut p))| {
            p.rank = i + 1;
            if p.tier == Tier::Delight {
                p.reason = if blocking > 0 {
                    Reason::DelightWait(blocking)
                } else if unclassified > 0 {
                    Reason::DelightClassifyFirst(unclassified)
                } else if basics == 0 {
                    Reason::DelightNoBasics
                } else {
                    Reason::DelightWorth
                };
            }
            (journey, p)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_project;
    use crate::model::{Card, MeasureKind, MeasureValue, Touchpoint};

    /// A journey with one stage per touchpoint and an NPS card per stage.
    fn journey_with(tps: &[(&str, Option<TouchpointClass>, Option<f64>)]) -> Project {
        let mut p = crate::io::sample::blank_project();
        let j = &mut p.journeys[0];
        j.stages.truncate(1);
        let mut next = 100;
        let mut stages = Vec::new();
        for i in 0..tps.len() {
            stages.push(crate::model::Stage {
                id: StageId(next + i as u64),
                name: format!("S{i}"),
                description: String::new(),
                width: 200.0,
            });
        }
        next += 100;
        j.stages = stages;
        for l in &mut j.lanes {
            l.cards.clear();
        }
        j.lanes.push(crate::model::Lane {
            id: crate::model::LaneId(next),
            title: "NPS".into(),
            kind: LaneKind::Measures(MeasureKind::Nps),
            height: 60.0,
            collapsed: false,
            cards: Vec::new(),
        });
        next += 1;
        let tp_lane = j
            .lanes
            .iter()
            .position(|l| l.kind == LaneKind::Touchpoints)
            .unwrap();
        let nps_lane = j.lanes.len() - 1;
        for (i, (text, class, nps)) in tps.iter().enumerate() {
            let stage = j.stages[i].id;
            j.lanes[tp_lane].cards.push(Card {
                touchpoint: Some(Touchpoint {
                    channel: Some(crate::model::Channel::Web),
                    class: *class,
                    owner: String::new(),
                }),
                ..Card::new(CardId(next), stage, *text)
            });
            next += 1;
            if let Some(v) = nps {
                j.lanes[nps_lane].cards.push(Card {
                    measure: Some(MeasureValue::Number(*v)),
                    ..Card::new(CardId(next), stage, "survey")
                });
                next += 1;
            }
        }
        assert_eq!(p.validate(), vec![]);
        p
    }

    fn order(p: &Project) -> Vec<(String, Tier)> {
        rank_touchpoints(p, &p.journeys[0])
            .into_iter()
            .map(|x| (x.text, x.tier))
            .collect()
    }

    #[test]
    fn a_macro_journey_ranks_with_its_micro_journeys_and_names_where_each_comes_from() {
        let mut p = sample_project();
        let macro_id = p.journeys[0].id;
        let mut micro = p.journeys[0].clone();
        micro.id = crate::model::JourneyId(900_000);
        micro.title = "Complaint".into();
        micro.parent = Some(crate::model::JourneyLink {
            journey: macro_id,
            stage: p.journeys[0].stages[5].id,
        });
        for s in &mut micro.stages {
            s.id.0 += 900_000;
        }
        for l in &mut micro.lanes {
            l.id.0 += 900_000;
            for c in &mut l.cards {
                c.id.0 += 900_000;
                c.stage.0 += 900_000;
                c.about = c.about.map(|a| CardId(a.0 + 900_000));
            }
            if let LaneKind::Emotion { compare, .. } = &mut l.kind {
                for x in compare {
                    x.0 += 900_000;
                }
            }
        }
        micro.annotations.clear();
        p.journeys.push(micro);
        assert_eq!(p.validate(), vec![]);
        let alone = rank_touchpoints(&p, &p.journeys[0]);
        let both = rank_touchpoints_with_micro(&p, &p.journeys[0]);
        assert_eq!(both.len(), 2 * alone.len());
        // Ranks run through both journeys; a tie keeps the macro journey's first.
        assert!(both.iter().enumerate().all(|(i, (_, x))| x.rank == i + 1));
        assert_eq!(both[0].0, macro_id);
        assert_eq!(both[1].0, crate::model::JourneyId(900_000));
        assert_eq!(both[0].1.text, both[1].1.text);
        assert_eq!(both[0].1.tier, alone[0].tier);
        // Each comes with its own journey's card.
        for (j, x) in &both {
            assert!(p.journey(*j).unwrap().card(x.card).is_some());
        }
    }

    #[test]
    fn poor_moments_of_truth_and_hygiene_come_first_and_delight_last() {
        use TouchpointClass as C;
        // NPS rule: green >= 30, amber >= 0, red below.
        let p = journey_with(&[
            ("delight", Some(C::Delight), Some(-50.0)),
            ("core red", Some(C::Core), Some(-20.0)),
            ("hygiene amber", Some(C::Hygiene), Some(10.0)),
            ("mot green", Some(C::MomentOfTruth), Some(60.0)),
            ("mot red", Some(C::MomentOfTruth), Some(-40.0)),
            ("unmeasured core", Some(C::Core), None),
            ("unclassified", None, Some(-90.0)),
        ]);
        assert_eq!(
            order(&p),
            vec![
                ("mot red".to_owned(), Tier::FixFirst),
                ("hygiene amber".to_owned(), Tier::FixFirst),
                ("core red".to_owned(), Tier::MakeAdequate),
                ("unmeasured core".to_owned(), Tier::Measure),
                ("delight".to_owned(), Tier::Delight),
                ("unclassified".to_owned(), Tier::Classify),
                ("mot green".to_owned(), Tier::Fine),
            ]
        );
        let ranked = rank_touchpoints(&p, &p.journeys[0]);
        assert_eq!(ranked[0].rank, 1);
        assert!(
            ranked[0].reason.text(Language::En).contains("fix first"),
            "{}",
            ranked[0].reason.text(Language::En)
        );
        assert!(
            ranked[0].reason.text(Language::En).contains("NPS -40"),
            "{}",
            ranked[0].reason.text(Language::En)
        );
        assert!(
            ranked[4]
                .reason
                .text(Language::En)
                .contains("wait until the 4 touchpoints above"),
            "{}",
            ranked[4].reason.text(Language::En)
        );
    }

    #[test]
    fn ties_keep_red_before_amber_then_class_then_journey_order() {
        use TouchpointClass as C;
        let p = journey_with(&[
            ("hygiene amber 1", Some(C::Hygiene), Some(5.0)),
            ("mot amber", Some(C::MomentOfTruth), Some(5.0)),
            ("hygiene red", Some(C::Hygiene), Some(-5.0)),
            ("hygiene amber 2", Some(C::Hygiene), Some(5.0)),
        ]);
        let names: Vec<String> = order(&p).into_iter().map(|x| x.0).collect();
        assert_eq!(
            names,
            [
                "hygiene red",
                "mot amber",
                "hygiene amber 1",
                "hygiene amber 2"
            ]
        );
    }

    #[test]
    fn without_measures_the_stage_emotion_decides() {
        let p = sample_project();
        let ranked = rank_touchpoints(&p, &p.journeys[0]);
        assert_eq!(ranked.len(), 11);
        // The fault-reporting help pages (hygiene) sit in the stage with a red RAG status
        // and an NPS of -38: fix first.
        let first = &ranked[0];
        assert_eq!(first.tier, Tier::FixFirst);
        assert_eq!(first.status, Some(Rag::Red));
        let ranks: Vec<usize> = ranked.iter().map(|r| r.rank).collect();
        assert_eq!(ranks, (1..=11).collect::<Vec<_>>());
    }

    fn reasons(p: &Project) -> Vec<(String, String)> {
        rank_touchpoints(p, &p.journeys[0])
            .into_iter()
            .map(|x| (x.text, x.reason.text(Language::En)))
            .collect()
    }

    #[test]
    fn with_nothing_measured_the_basics_are_measured_first_and_delight_waits() {
        use TouchpointClass as C;
        let p = journey_with(&[
            ("instant virtual card", Some(C::Delight), None),
            ("identity check", Some(C::MomentOfTruth), None),
            ("app login", Some(C::Hygiene), None),
            ("statement", Some(C::Core), None),
        ]);
        let ranked = reasons(&p);
        let names: Vec<&str> = ranked.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(
            names,
            [
                "identity check",
                "app login",
                "statement",
                "instant virtual card"
            ]
        );
        for (text, reason) in &ranked[..2] {
            assert!(reason.contains("measure it first"), "{text}: {reason}");
            assert!(!reason.contains("perform"), "{text}: {reason}");
        }
        let (_, delight) = &ranked[3];
        assert!(!delight.contains("the basics perform"), "{delight}");
        assert!(delight.contains("wait until"), "{delight}");
    }

    #[test]
    fn a_delighter_never_ranks_above_unmeasured_or_poor_basics() {
        use TouchpointClass as C;
        let p = journey_with(&[
            ("delight", Some(C::Delight), Some(70.0)),
            ("unmeasured hygiene", Some(C::Hygiene), None),
            ("red core", Some(C::Core), Some(-30.0)),
            ("unmeasured core", Some(C::Core), None),
        ]);
        let names: Vec<String> = reasons(&p).into_iter().map(|x| x.0).collect();
        assert_eq!(
            names.last().map(String::as_str),
            Some("delight"),
            "{names:?}"
        );
        // Once every basic is measured and performs, delight is worth investing in.
        let p = journey_with(&[
            ("delight", Some(C::Delight), None),
            ("mot", Some(C::MomentOfTruth), Some(60.0)),
            ("core", Some(C::Core), Some(45.0)),
        ]);
        let ranked = reasons(&p);
        assert_eq!(ranked[0].0, "delight");
        assert!(
            ranked[0].1.contains("the basics perform"),
            "{}",
            ranked[0].1
        );
    }

    #[test]
    fn a_neutral_emotion_is_not_performing_well() {
        use TouchpointClass as C;
        let mut p = journey_with(&[("branch visit", Some(C::MomentOfTruth), None)]);
        let j = &mut p.journeys[0];
        let stage = j.stages[0].id;
        let emotions = j
            .lanes
            .iter_mut()
            .find(|l| matches!(l.kind, LaneKind::Emotion { .. }))
            .unwrap();
        emotions.cards.push(Card {
            emotion: Some(0.0),
            ..Card::new(CardId(900), stage, "Meh")
        });
        let status = touchpoint_status(&p, &p.journeys[0], p.journeys[0].lanes[1].cards[0].id);
        assert_eq!(status.map(|s| s.0), Some(Rag::Amber));
        let ranked = rank_touchpoints(&p, &p.journeys[0]);
        assert_ne!(ranked[0].status, Some(Rag::Green));
        assert_ne!(ranked[0].tier, Tier::Fine);
        assert!(
            !ranked[0].reason.text(Language::En).contains("keep it so"),
            "{}",
            ranked[0].reason.text(Language::En)
        );
    }

    #[test]
    fn evidence_shows_measures_with_their_real_precision() {
        // CES mean of 4, 5, 5 = 4.666...: "4.7", not "5".
        let ces = Evidence::Measure(
            MeasureKind::Ces,
            MeasureValue::Number(14.0 / 3.0),
            Basis::default(),
        );
        assert_eq!(ces.text(Language::En), "CES 4.7");
        // NEV 16.666...: "16.7", not "17".
        let nev = Evidence::Measure(
            MeasureKind::Nev,
            MeasureValue::Number(100.0 / 6.0),
            Basis::default(),
        );
        assert_eq!(nev.text(Language::En), "NEV 16.7");
        // Whole numbers keep no ".0"; percentages keep their unit.
        let nps = Evidence::Measure(
            MeasureKind::Nps,
            MeasureValue::Number(-60.0),
            Basis::default(),
        );
        assert_eq!(nps.text(Language::En), "NPS -60");
        let csat = Evidence::Measure(
            MeasureKind::Csat,
            MeasureValue::Number(200.0 / 3.0),
            Basis::default(),
        );
        assert_eq!(csat.text(Language::En), "CSAT 66.7%");
    }

    #[test]
    fn a_touchpoint_is_judged_by_its_own_measures_never_by_another_ones() {
        use TouchpointClass as C;
        let mut p = journey_with(&[("Call centre", Some(C::MomentOfTruth), Some(50.0))]);
        let j = &mut p.journeys[0];
        let stage = j.stages[0].id;
        let tp_lane = j
            .lanes
            .iter()
            .position(|l| l.kind == LaneKind::Touchpoints)
            .unwrap();
        let nps_lane = j.lanes.len() - 1;
        let call = j.lanes[tp_lane].cards[0].id;
        j.lanes[tp_lane].cards.push(Card {
            touchpoint: Some(Touchpoint {
                channel: None,
                class: Some(C::MomentOfTruth),
                owner: String::new(),
            }),
            ..Card::new(CardId(9001), stage, "Web chat")
        });
        // A measure bound to the call centre by id: its text says nothing of it.
        j.lanes[nps_lane].cards.push(Card {
            measure: Some(MeasureValue::Number(-60.0)),
            about: Some(call),
            ..Card::new(CardId(9002), stage, "Post-call survey")
        });
        assert_eq!(p.validate(), vec![]);
        let reason = |p: &Project, text: &str| {
            rank_touchpoints(p, &p.journeys[0])
                .into_iter()
                .find(|x| x.text == text)
                .map(|x| (x.tier, x.reason.text(Language::En)))
                .unwrap()
        };
        let (tier, why) = reason(&p, "Call centre");
        assert_eq!(tier, Tier::FixFirst);
        assert!(why.contains("NPS -60") && !why.contains("stage"), "{why}");
        // The chat has no measure of its own: the stage's survey (NPS 50) judges it,
        // said as such; the call centre's -60 never does.
        let (tier, why) = reason(&p, "Web chat");
        assert_eq!(tier, Tier::Fine);
        assert!(why.contains("the stage's NPS 50"), "{why}");
        // Renaming the touchpoint keeps its measure.
        let j = &mut p.journeys[0];
        j.lanes[tp_lane].cards[0].text = "Contact centre".into();
        let (tier, why) = reason(&p, "Contact centre");
        assert_eq!(tier, Tier::FixFirst);
        assert!(why.contains("NPS -60"), "{why}");
    }

    #[test]
    fn the_reason_names_n_the_import_date_and_a_low_base() {
        use crate::model::Answers;
        let mut p = journey_with(&[
            (
                "Checkout",
                Some(TouchpointClass::MomentOfTruth),
                Some(-60.0),
            ),
            (
                "Delivery",
                Some(TouchpointClass::MomentOfTruth),
                Some(-20.0),
            ),
            ("Returns", Some(TouchpointClass::MomentOfTruth), Some(-10.0)),
        ]);
        // Checkout's NPS -60 rests on 15 kept answers (6 detractors... hand-made: 2
        // promoters, 11 detractors, 2 passives = (2 - 11) / 15 = -60): a low base below 30.
        // Delivery's -20 rests on 40 answers: well founded. Returns has no n at all.
        let mut checkout = vec![10, 10, 7, 8];
        checkout.extend([3; 11]);
        let delivery = vec![5_u8; 40];
        let nps_lane = p.journeys[0].lanes.len() - 1;
        for (card, scores) in p.journeys[0].lanes[nps_lane]
            .cards
            .iter_mut()
            .zip([checkout, delivery])
        {
            card.answers = Some(Answers {
                scores,
                imported: "2026-11-24".into(),
            });
        }
        let ranked = rank_touchpoints(&p, &p.journeys[0]);
        let order: Vec<&str> = ranked.iter().map(|x| x.text.as_str()).collect();
        // All three are red moments of truth: the low base ranks below both well-founded
        // reds (with and without a stated n).
        assert!(ranked.iter().all(|x| x.status == Some(Rag::Red)));
        assert_eq!(order, vec!["Delivery", "Returns", "Checkout"]);
        assert_eq!(
            ranked[2].reason.text(Language::En),
            "Moment of truth performing poorly (the stage's NPS -60, n=15, low base, \
             from the survey imported on 2026-11-24, Red): fix first"
        );
        assert_eq!(
            ranked[0].reason.text(Language::En),
            "Moment of truth performing poorly (the stage's NPS -20, n=40, \
             from the survey imported on 2026-11-24, Red): fix first"
        );
        // The minimum is the project's: at 10 answers, 15 is well founded and Checkout
        // (the worst) ranks first again.
        p.settings.min_base = 10;
        let ranked = rank_touchpoints(&p, &p.journeys[0]);
        assert_eq!(ranked[0].text, "Checkout");
        assert!(!ranked[0].reason.text(Language::En).contains("low base"));
    }
}
