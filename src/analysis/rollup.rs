//! The roll-up of a macro journey's stage: what its micro journeys (and theirs) hide,
//! shown on the macro map so a poor micro journey is visible from above.

use crate::model::{AnnotationKind, CardId, JourneyId, LaneKind, Project, Rag, StageId};

/// The summary of the micro journeys below one stage of a macro journey.
#[derive(Clone, Debug, PartialEq)]
pub struct Rollup {
    /// The micro journeys linked to the stage, in list order (what the badge counts).
    pub micro: Vec<JourneyId>,
    /// Every journey summarised: the micro journeys and the journeys below them.
    pub journeys: Vec<JourneyId>,
    /// The lowest emotion score among them, and where it is.
    pub lowest: Option<LowPoint>,
    /// How many accelerators they hold.
    pub accelerators: usize,
    /// How many blockers they hold.
    pub blockers: usize,
    /// The worst traffic-light status among their measures.
    pub worst_rag: Option<Rag>,
}

/// Where a roll-up's lowest emotion point is.
#[derive(Clone, Debug, PartialEq)]
pub struct LowPoint {
    /// The score.
    pub score: f32,
    /// The micro journey.
    pub journey: JourneyId,
    /// Its stage.
    pub stage: StageId,
    /// The emotion card.
    pub card: CardId,
}

/// How bad a status is: red is the worst.
fn severity(rag: Rag) -> u8 {
    match rag {
        Rag::Green => 0,
        Rag::Amber => 1,
        Rag::Red => 2,
    }
}

/// The roll-up of `stage` of `journey`; `None` when no journey is linked to it.
pub fn rollup(project: &Project, journey: JourneyId, stage: StageId) -> Option<Rollup> {
    let micro: Vec<JourneyId> = project
        .micro_journeys(journey, stage)
        .filter(|j| j.id != journey)
        .map(|j| j.id)
        .collect();
    if micro.is_empty() {
        return None;
    }
    let mut journeys = Vec::new();
    for id in &micro {
        if !journeys.contains(id) {
            journeys.push(*id);
        }
        for below in project.descendants(*id) {
            if below != journey && !journeys.contains(&below) {
                journeys.push(below);
            }
        }
    }
    let mut out = Rollup {
        micro,
        journeys: journeys.clone(),
        lowest: None,
        accelerators: 0,
        blockers: 0,
        worst_rag: None,
    };
    for j in journeys.iter().filter_map(|id| project.journey(*id)) {
        for a in &j.annotations {
            match a.kind {
                AnnotationKind::Accelerator => out.accelerators += 1,
                AnnotationKind::Blocker => out.blockers += 1,
            }
        }
        for lane in &j.lanes {
            match &lane.kind {
                LaneKind::Emotion { .. } => {
                    for c in &lane.cards {
                        let Some(score) = c.emotion.filter(|s| s.is_finite()) else {
                            continue;
                        };
                        if out.lowest.as_ref().is_none_or(|l| score < l.score) {
                            out.lowest = Some(LowPoint {
                                score,
                                journey: j.id,
                                stage: c.stage,
                                card: c.id,
                            });
                        }
                    }
                }
                LaneKind::Measures(kind) => {
                    for c in &lane.cards {
                        let Some(rag) = c
                            .measure
                            .and_then(|v| super::rag_for_measure(&project.settings, *kind, v))
                        else {
                            continue;
                        };
                        if out.worst_rag.is_none_or(|w| severity(rag) > severity(w)) {
                            out.worst_rag = Some(rag);
                        }
                    }
                }
                _ => {}
            }
        }
    }
    Some(out)
}

/// The roll-up of every stage of `journey`, in stage order.
pub fn rollups(project: &Project, journey: &crate::model::Journey) -> Vec<Option<Rollup>> {
    if project
        .journeys
        .iter()
        .all(|j| j.parent.is_none_or(|p| p.journey != journey.id))
    {
        return vec![None; journey.stages.len()];
    }
    journey
        .stages
        .iter()
        .map(|s| rollup(project, journey.id, s.id))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Anchor, Annotation, AnnotationId, Card, Effect, Journey, JourneyLink, Lane, LaneId,
        MeasureKind, MeasureValue,
    };

    /// A micro journey of `stage` of the sample's journey: one stage, an emotion lane
    /// with `scores`, an NPS lane with `nps`, and `blockers` blockers.
    fn micro(
        p: &Project,
        id: u64,
        stage: StageId,
        scores: &[f32],
        nps: &[f64],
        blockers: usize,
    ) -> Journey {
        let s = StageId(id + 1);
        let card = |n: u64, emotion: Option<f32>, measure: Option<MeasureValue>| Card {
            emotion,
            measure,
            ..Card::new(CardId(id + 10 + n), s, format!("card {n}"))
        };
        Journey {
            id: JourneyId(id),
            title: format!("micro {id}"),
            description: String::new(),
            persona: None,
            parent: Some(JourneyLink {
                journey: p.journeys[0].id,
                stage,
            }),
            stages: vec![crate::model::Stage {
                id: s,
                name: format!("step of {id}"),
                description: String::new(),
                width: 200.0,
            }],
            lanes: vec![
                Lane {
                    id: LaneId(id + 2),
                    title: "Emotions".into(),
                    kind: LaneKind::Emotion {
                        persona: None,
                        compare: Vec::new(),
                    },
                    height: 120.0,
                    collapsed: false,
                    cards: scores
                        .iter()
                        .enumerate()
                        .map(|(n, x)| card(n as u64, Some(*x), None))
                        .collect(),
                },
                Lane {
                    id: LaneId(id + 3),
                    title: "NPS".into(),
                    kind: LaneKind::Measures(MeasureKind::Nps),
                    height: 60.0,
                    collapsed: false,
                    cards: nps
                        .iter()
                        .enumerate()
                        .map(|(n, x)| card(50 + n as u64, None, Some(MeasureValue::Number(*x))))
                        .collect(),
                },
            ],
            annotations: (0..blockers)
                .map(|n| Annotation {
                    id: AnnotationId(id + 90 + n as u64),
                    kind: AnnotationKind::Blocker,
                    anchor: Anchor::Stage(s),
                    title: "blocker".into(),
                    note: String::new(),
                    before: Effect::default(),
                    after: Effect::default(),
                })
                .collect(),
            survey_mappings: Vec::new(),
            acc_title: String::new(),
            acc_descr: String::new(),
        }
    }

    #[test]
    fn a_stage_rolls_up_the_lowest_point_the_markers_and_the_worst_status_below_it() {
        let mut p = crate::io::sample::sample_project();
        let stage = p.journeys[0].stages[5].id;
        assert_eq!(rollup(&p, p.journeys[0].id, stage), None);
        // NPS rule: green from 30, amber from 0. 45 is green, 12 amber.
        let a = micro(&p, 100_000, stage, &[2.0, -1.0, 3.0], &[45.0, 12.0], 1);
        p.journeys.push(a);
        let r = rollup(&p, p.journeys[0].id, stage).unwrap();
        assert_eq!(r.micro, vec![JourneyId(100_000)]);
        let low = r.lowest.clone().unwrap();
        assert!((low.score - -1.0).abs() < f32::EPSILON);
        assert_eq!(low.journey, JourneyId(100_000));
        assert_eq!(low.stage, StageId(100_001));
        assert_eq!((r.accelerators, r.blockers), (0, 1));
        assert_eq!(r.worst_rag, Some(Rag::Amber));
        // A second micro journey, and one below it (linked to its stage): a lower
        // point and a red NPS deeper down still reach the macro stage.
        p.journeys.push(micro(&p, 200_000, stage, &[0.0], &[], 2));
        let mut deep = micro(&p, 300_000, stage, &[-4.0], &[-20.0], 0);
        deep.parent = Some(JourneyLink {
            journey: JourneyId(200_000),
            stage: StageId(200_001),
        });
        p.journeys.push(deep);
        assert_eq!(p.validate(), vec![]);
        let r = rollup(&p, p.journeys[0].id, stage).unwrap();
        assert_eq!(
            r.micro,
            vec![JourneyId(100_000), JourneyId(200_000)],
            "the badge counts the stage's own"
        );
        assert_eq!(r.journeys.len(), 3);
        let low = r.lowest.unwrap();
        assert_eq!((low.score, low.journey), (-4.0, JourneyId(300_000)));
        assert_eq!((r.accelerators, r.blockers), (0, 3));
        assert_eq!(r.worst_rag, Some(Rag::Red));
        // The per-stage list has it only on that stage.
        let all = rollups(&p, &p.journeys[0]);
        assert_eq!(all.len(), p.journeys[0].stages.len());
        assert_eq!(all.iter().filter(|r| r.is_some()).count(), 1);
        assert!(all[5].is_some());
    }

    #[test]
    fn a_micro_journey_without_scores_or_measures_rolls_up_to_counts_only() {
        let mut p = crate::io::sample::sample_project();
        let stage = p.journeys[0].stages[0].id;
        p.journeys.push(micro(&p, 100_000, stage, &[], &[], 0));
        let r = rollup(&p, p.journeys[0].id, stage).unwrap();
        assert_eq!(r.lowest, None);
        assert_eq!(r.worst_rag, None);
        assert_eq!((r.accelerators, r.blockers), (0, 0));
    }
}
