//! The roll-up of a macro journey's stage: what its micro journeys (and theirs) hide,
//! shown on the macro map so a poor micro journey is visible from above.

use crate::model::{
    AnnotationKind, CardId, JourneyId, LaneKind, Project, Rag, StageId,
};

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
