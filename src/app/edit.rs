//! Every change to the document, as data, and the one function that applies it.
//! New ids are allocated here, above every id in use, so they never clash.

use crate::model::{
    Anchor, Annotation, AnnotationId, AnnotationKind, Card, CardId, Effect, Journey, JourneyId,
    JourneyLink, Lane, LaneId, LaneKind, Persona, PersonaId, Project, Stage, StageId,
};
use crate::t;
use crate::theme::size;

use super::Selection;

/// A change to the document. Each one is one undo step (or merges into the previous
/// one when it belongs to the same gesture).
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Sets a journey's title and description.
    SetJourneyInfo {
        /// The journey.
        journey: JourneyId,
        /// New title.
        title: String,
        /// New description.
        description: String,
    },
    /// Replaces a stage's fields (matched by id): rename, describe, resize.
    SetStage {
        /// The journey.
        journey: JourneyId,
        /// The new stage value.
        stage: Stage,
    },
    /// Adds a new stage at `index` (clamped to the end) and selects it.
    AddStage {
        /// The journey.
        journey: JourneyId,
        /// Where it goes, 0 = first.
        index: usize,
        /// Its name.
        name: String,
    },
    /// Deletes a stage with its cards and the annotations pinned to them.
    DeleteStage {
        /// The journey.
        journey: JourneyId,
        /// The stage.
        stage: StageId,
    },
    /// Moves a stage so that it ends up at `to_index`.
    MoveStage {
        /// The journey.
        journey: JourneyId,
        /// The stage.
        stage: StageId,
        /// Its new index.
        to_index: usize,
    },
    /// Sets a lane's title, height and collapsed state.
    SetLane {
        /// The journey.
        journey: JourneyId,
        /// The lane.
        lane: LaneId,
        /// New title.
        title: String,
        /// New minimum height.
        height: f32,
        /// Collapsed or not.
        collapsed: bool,
    },
    /// Binds an emotion lane to a persona and sets the lanes compared in it.
    SetEmotionLane {
        /// The journey.
        journey: JourneyId,
        /// The emotion lane.
        lane: LaneId,
        /// Whose feelings it shows.
        persona: Option<PersonaId>,
        /// Other emotion lanes drawn over it.
        compare: Vec<LaneId>,
    },
    /// Adds a new empty lane of a kind at `index` and selects it.
    AddLane {
        /// The journey.
        journey: JourneyId,
        /// Where it goes, 0 = first.
        index: usize,
        /// What it holds.
        kind: LaneKind,
        /// Its title.
        title: String,
    },
    /// Deletes a lane with its cards.
    DeleteLane {
        /// The journey.
        journey: JourneyId,
        /// The lane.
        lane: LaneId,
    },
    /// Moves a lane so that it ends up at `to_index`.
    MoveLane {
        /// The journey.
        journey: JourneyId,
        /// The lane.
        lane: LaneId,
        /// Its new index.
        to_index: usize,
    },
    /// Replaces a card's fields (matched by id; the card stays in its lane).
    SetCard {
        /// The journey.
        journey: JourneyId,
        /// The new card value (boxed: a card is the largest thing an edit carries).
        card: Box<Card>,
    },
    /// Adds copies of cards (new ids) to cells, and selects them. Used to add one new
    /// card, to paste and to duplicate.
    AddCards {
        /// The journey.
        journey: JourneyId,
        /// The cards and where each goes; their ids and stages are replaced.
        cards: Vec<Placement>,
    },
    /// Deletes cards and the annotations pinned to them.
    DeleteCards {
        /// The journey.
        journey: JourneyId,
        /// The cards.
        cards: Vec<CardId>,
    },
    /// Moves a card to the end of another cell of a compatible lane.
    MoveCard {
        /// The journey.
        journey: JourneyId,
        /// The card.
        card: CardId,
        /// The target lane.
        lane: LaneId,
        /// The target stage.
        stage: StageId,
    },
    /// Adds an accelerator or blocker pinned to a stage or card, and selects it.
    AddAnnotation {
        /// The journey.
        journey: JourneyId,
        /// Accelerator or blocker.
        kind: AnnotationKind,
        /// What it is pinned to.
        anchor: Anchor,
        /// Its title.
        title: String,
    },
    /// Replaces an annotation's fields (matched by id).
    SetAnnotation {
        /// The journey.
        journey: JourneyId,
        /// The new value.
        annotation: Annotation,
    },
    /// Deletes an annotation.
    DeleteAnnotation {
        /// The journey.
        journey: JourneyId,
        /// The annotation.
        annotation: AnnotationId,
    },
    /// Adds a dot vote to a card (`delta` 1) or takes one away (`delta` -1); a card
    /// never has fewer than no votes.
    Vote {
        /// The journey.
        journey: JourneyId,
        /// The card.
        card: CardId,
        /// Votes added (negative: taken away).
        delta: i32,
    },
    /// Takes every dot vote off every card of a journey: one undo step.
    ResetVotes {
        /// The journey.
        journey: JourneyId,
    },
    /// Replaces a whole journey (matched by id): the result of an import, one step.
    SetJourney {
        /// The new journey.
        journey: Box<Journey>,
    },
    /// Replaces the project's title and settings (map language, emotion scale, NEV and
    /// RAG thresholds): the project settings dialog, one undo step.
    SetSettings {
        /// The project's title.
        title: String,
        /// The new settings.
        settings: crate::model::Settings,
    },
    /// Adds a persona to the library (with a fresh id).
    AddPersona {
        /// The persona; its id is replaced.
        persona: Box<Persona>,
    },
    /// Replaces a persona's fields (matched by id).
    SetPersona {
        /// The new value.
        persona: Box<Persona>,
    },
    /// Deletes a persona; journeys and emotion lanes designed for it lose the link.
    DeletePersona {
        /// The persona.
        persona: PersonaId,
    },
    /// Moves a persona in the library.
    MovePersona {
        /// The persona.
        persona: PersonaId,
        /// Its new index.
        to_index: usize,
    },
    /// Sets the persona a journey is designed for.
    ///
    /// Emotion lanes follow the journey's persona: a lane that showed the journey's old
    /// persona (the same persona, or none when the journey had none) shows the new one
    /// afterwards, so "Feelings of" never names a persona the map is no longer for. A
    /// lane set to a different persona than the journey's (to compare personas, or to
    /// none while the journey had one) keeps its choice.
    SetJourneyPersona {
        /// The journey.
        journey: JourneyId,
        /// The persona, or none.
        persona: Option<PersonaId>,
    },
    /// Adds a new journey (a copy of `template` with fresh ids) at the end and shows it,
    /// with the personas it refers to (each added to the library with a fresh id, the
    /// journey's and its lanes' references following them).
    AddJourney {
        /// The journey to add; its ids are replaced.
        template: Box<Journey>,
        /// The personas it refers to (its own, its emotion lanes'), added to the library.
        personas: Vec<crate::model::Persona>,
    },
    /// Adds several journeys at the end, each with fresh ids, as one step, and shows the
    /// first (a Mermaid file or paste of several diagrams).
    AddJourneys {
        /// The journeys; their ids are replaced. They refer to no persona.
        journeys: Vec<Journey>,
    },
    /// Duplicates a journey, right after it, and shows the copy.
    DuplicateJourney {
        /// The journey.
        journey: JourneyId,
    },
    /// Deletes a journey (never the last one).
    DeleteJourney {
        /// The journey.
        journey: JourneyId,
    },
    /// Moves a journey in the journey list.
    MoveJourney {
        /// The journey.
        journey: JourneyId,
        /// Its new index.
        to_index: usize,
    },
    /// "Zoom into this stage": adds a micro journey linked to a stage (a copy of
    /// `template` with fresh ids, titled after the stage, for the macro journey's
    /// persona), right after the macro journey's own micro journeys, and shows it.
    ZoomIntoStage {
        /// The macro journey.
        journey: JourneyId,
        /// Its stage.
        stage: StageId,
        /// The lanes (and any content) the micro journey starts with.
        template: Box<Journey>,
    },
    /// Links a journey to a stage of another journey (it becomes a micro journey of it),
    /// or unlinks it. Refused when the link would make a journey its own ancestor or
    /// leads to nothing.
    SetJourneyParent {
        /// The journey.
        journey: JourneyId,
        /// The macro journey and stage, or none.
        parent: Option<JourneyLink>,
    },
    /// Deletes a stage with its cards and annotations, and its micro journeys (and
    /// theirs) too.
    DeleteStageAndMicro {
        /// The journey.
        journey: JourneyId,
        /// The stage.
        stage: StageId,
    },
    /// Deletes a journey with its micro journeys (and theirs); never the last journeys.
    DeleteJourneyAndMicro {
        /// The journey.
        journey: JourneyId,
    },
    /// Duplicates a journey with its micro journeys (and theirs), the copies linked to
    /// the copied stages, right after the original's last micro journey; shows the copy.
    DuplicateJourneyAndMicro {
        /// The journey.
        journey: JourneyId,
    },
}

/// A card and the cell it goes into.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    /// The lane.
    pub lane: LaneId,
    /// The stage (column).
    pub stage: StageId,
    /// The card.
    pub card: Card,
}

impl Edit {
    /// What the edit does, for a person: "Undo Add card", "Redo Move stage".
    pub fn describe(&self) -> String {
        match self {
            Self::SetJourneyInfo { .. } | Self::SetJourney { .. } => t!("edit-journey"),
            Self::SetStage { .. } => t!("edit-stage"),
            Self::AddStage { .. } => t!("edit-add-stage"),
            Self::DeleteStage { .. } => t!("edit-delete-stage"),
            Self::MoveStage { .. } => t!("edit-move-stage"),
            Self::SetLane { .. } | Self::SetEmotionLane { .. } => t!("edit-lane"),
            Self::AddLane { .. } => t!("edit-add-lane"),
            Self::DeleteLane { .. } => t!("edit-delete-lane"),
            Self::MoveLane { .. } => t!("edit-move-lane"),
            Self::SetCard { .. } => t!("edit-card"),
            Self::AddCards { cards, .. } => t!("edit-add-cards", count = cards.len()),
            Self::DeleteCards { cards, .. } => t!("edit-delete-cards", count = cards.len()),
            Self::MoveCard { .. } => t!("edit-move-card"),
            Self::AddAnnotation { kind, .. } => t!(
                "edit-add-annotation",
                kind = crate::i18n::labels::annotation_kind(crate::i18n::interface(), *kind)
            ),
            Self::SetAnnotation { .. } => t!("edit-annotation"),
            Self::DeleteAnnotation { .. } => t!("edit-delete-annotation"),
            Self::Vote { delta, .. } if *delta < 0 => t!("edit-unvote"),
            Self::Vote { .. } => t!("edit-vote"),
            Self::ResetVotes { .. } => t!("edit-reset-votes"),
            Self::SetSettings { .. } => t!("edit-settings"),
            Self::AddPersona { .. } => t!("edit-add-persona"),
            Self::SetPersona { .. } | Self::MovePersona { .. } => t!("edit-persona"),
            Self::DeletePersona { .. } => t!("edit-delete-persona"),
            Self::SetJourneyPersona { .. } => t!("edit-journey-persona"),
            Self::AddJourney { .. } => t!("edit-add-journey"),
            Self::AddJourneys { journeys } => {
                t!("edit-import-journeys", count = journeys.len())
            }
            Self::DuplicateJourney { .. } => t!("edit-duplicate-journey"),
            Self::DeleteJourney { .. } => t!("edit-delete-journey"),
            Self::MoveJourney { .. } => t!("edit-move-journey"),
            Self::ZoomIntoStage { .. } => t!("micro-edit-zoom"),
            Self::SetJourneyParent {
                parent: Some(_), ..
            } => t!("micro-edit-link"),
            Self::SetJourneyParent { parent: None, .. } => t!("micro-edit-unlink"),
            Self::DeleteStageAndMicro { .. } => t!("micro-edit-delete-stage"),
            Self::DeleteJourneyAndMicro { .. } => t!("micro-edit-delete-journey"),
            Self::DuplicateJourneyAndMicro { .. } => t!("micro-edit-duplicate-journey"),
        }
    }

    /// Adds one empty card to a cell (double-click on a cell, Enter on a selected cell);
    /// the new card is selected, ready for typing.
    pub fn add_empty_card(journey: JourneyId, lane: LaneId, stage: StageId) -> Self {
        Self::AddCards {
            journey,
            cards: vec![Placement {
                lane,
                stage,
                card: Card::new(CardId(0), stage, ""),
            }],
        }
    }
}

/// What an applied edit means for the selection.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// The document changed; keep the selection (dropping what no longer exists).
    Changed,
    /// Select something new.
    Select(Selection),
    /// Select these new cards.
    SelectCards(Vec<CardId>),
    /// Show another journey.
    ShowJourney(JourneyId),
    /// Open this persona in the persona editor.
    SelectPersona(PersonaId),
}

/// Which lanes a card may be dragged between: cards keep their meaning only within a
/// family (an emotion score makes no sense in a quotes lane).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LaneFamily {
    /// Emotion lanes.
    Emotion,
    /// Measures lanes of one measure.
    Measure(crate::model::MeasureKind),
    /// Text, touchpoints, quotes, front and back stage, departments.
    Notes,
}

/// The family of a lane kind.
pub fn lane_family(kind: &LaneKind) -> LaneFamily {
    match kind {
        LaneKind::Emotion { .. } => LaneFamily::Emotion,
        LaneKind::Measures(m) => LaneFamily::Measure(*m),
        LaneKind::Text(_)
        | LaneKind::Touchpoints
        | LaneKind::Quotes
        | LaneKind::FrontStage
        | LaneKind::BackStage
        | LaneKind::Department(_) => LaneFamily::Notes,
    }
}

/// Hands out fresh ids above every id in use.
struct IdAlloc(u64);

impl IdAlloc {
    fn new(project: &Project) -> Self {
        Self(project.max_id())
    }
    fn next(&mut self) -> u64 {
        self.0 += 1;
        self.0
    }
}

/// Applies an edit to a project. Returns `None` if its target does not exist (nothing
/// changed), otherwise what it means for the selection.
pub fn apply_edit(project: &mut Project, edit: &Edit) -> Option<Outcome> {
    let mut ids = IdAlloc::new(project);
    let journey_id = match edit {
        Edit::AddJourney { template, personas } => {
            let mut journey = (**template).clone();
            renumber_journey(&mut journey, &mut ids);
            journey.parent = None;
            let mut new_ids = std::collections::HashMap::new();
            for p in personas {
                let mut p = p.clone();
                let id = PersonaId(ids.next());
                new_ids.insert(p.id, id);
                p.id = id;
                project.personas.push(p);
            }
            // References to the given personas follow them to their new ids; any other
            // persona reference cannot be resolved in this project.
            let remap = |r: Option<PersonaId>| r.and_then(|x| new_ids.get(&x).copied());
            journey.persona = remap(journey.persona);
            for lane in &mut journey.lanes {
                if let LaneKind::Emotion { persona, .. } = &mut lane.kind {
                    *persona = remap(*persona);
                }
            }
            let id = journey.id;
            project.journeys.push(journey);
            return Some(Outcome::ShowJourney(id));
        }
        Edit::AddJourneys { journeys } => {
            let mut first = None;
            for j in journeys {
                let mut journey = j.clone();
                renumber_journey(&mut journey, &mut ids);
                journey.parent = None;
                journey.persona = None;
                for lane in &mut journey.lanes {
                    if let LaneKind::Emotion { persona, .. } = &mut lane.kind {
                        *persona = None;
                    }
                }
                first.get_or_insert(journey.id);
                project.journeys.push(journey);
            }
            return first.map(Outcome::ShowJourney);
        }
        Edit::DuplicateJourney { journey } => {
            let index = project.journeys.iter().position(|j| j.id == *journey)?;
            let mut copy = project.journeys[index].clone();
            // The copy is named in the map's language: it is part of the document.
            let lang = crate::i18n::Language::of_map(project);
            copy.title = crate::tm!(lang, "map-copy-of", title = &copy.title);
            renumber_journey(&mut copy, &mut ids);
            let id = copy.id;
            project.journeys.insert(index + 1, copy);
            return Some(Outcome::ShowJourney(id));
        }
        Edit::DeleteJourney { journey } => {
            if project.journeys.len() <= 1 {
                return None;
            }
            let index = project.journeys.iter().position(|j| j.id == *journey)?;
            project.journeys.remove(index);
            // Micro journeys of the deleted one become top-level journeys.
            for j in &mut project.journeys {
                if j.parent.is_some_and(|p| p.journey == *journey) {
                    j.parent = None;
                }
            }
            let show = project.journeys[index.min(project.journeys.len() - 1)].id;
            return Some(Outcome::ShowJourney(show));
        }
        Edit::ZoomIntoStage {
            journey,
            stage,
            template,
        } => {
            let macro_journey = project.journey(*journey)?;
            let stage_name = macro_journey.stage(*stage)?.name.clone();
            let persona = macro_journey.persona;
            let mut micro = (**template).clone();
            renumber_journey(&mut micro, &mut ids);
            micro.title = stage_name;
            micro.parent = Some(JourneyLink {
                journey: *journey,
                stage: *stage,
            });
            // The micro journey is for the macro journey's persona: the template's own
            // persona is not in this project.
            let old = micro.persona;
            micro.persona = persona;
            for lane in &mut micro.lanes {
                if let LaneKind::Emotion { persona: shown, .. } = &mut lane.kind
                    && (*shown == old || shown.is_some_and(|p| project.persona(p).is_none()))
                {
                    *shown = persona;
                }
            }
            let index = after_tree(project, *journey);
            let id = micro.id;
            project.journeys.insert(index, micro);
            return Some(Outcome::ShowJourney(id));
        }
        Edit::SetJourneyParent { journey, parent } => {
            if let Some(link) = parent {
                project.journey(link.journey)?.stage(link.stage)?;
                if project.link_would_cycle(*journey, link.journey) {
                    return None;
                }
            }
            let j = project.journeys.iter_mut().find(|j| j.id == *journey)?;
            j.parent = *parent;
            return Some(Outcome::Changed);
        }
        Edit::DeleteJourneyAndMicro { journey } => {
            let index = project.journeys.iter().position(|j| j.id == *journey)?;
            let mut gone = project.descendants(*journey);
            gone.push(*journey);
            if gone.len() >= project.journeys.len() {
                return None;
            }
            project.journeys.retain(|j| !gone.contains(&j.id));
            unlink_dangling(project);
            let show = project.journeys[index.min(project.journeys.len() - 1)].id;
            return Some(Outcome::ShowJourney(show));
        }
        Edit::DuplicateJourneyAndMicro { journey } => {
            let lang = crate::i18n::Language::of_map(project);
            let tree: Vec<JourneyId> = std::iter::once(*journey)
                .chain(project.descendants(*journey))
                .collect();
            let insert_at = after_tree(project, *journey);
            let mut new_ids: std::collections::HashMap<
                JourneyId,
                (JourneyId, std::collections::HashMap<StageId, StageId>),
            > = std::collections::HashMap::new();
            let mut copies = Vec::with_capacity(tree.len());
            for (n, id) in tree.iter().enumerate() {
                let mut copy = project.journey(*id)?.clone();
                if n == 0 {
                    copy.title = crate::tm!(lang, "map-copy-of", title = &copy.title);
                }
                let stages = renumber_journey(&mut copy, &mut ids);
                new_ids.insert(*id, (copy.id, stages));
                if n > 0 {
                    // Parents come before their micro journeys (breadth first).
                    copy.parent = copy.parent.and_then(|link| {
                        let (j, stages) = new_ids.get(&link.journey)?;
                        Some(JourneyLink {
                            journey: *j,
                            stage: stages.get(&link.stage).copied()?,
                        })
                    });
                }
                copies.push(copy);
            }
            let show = copies.first().map(|c| c.id)?;
            // The copies keep the originals' order in the list.
            let position = |id: &JourneyId| project.journeys.iter().position(|j| j.id == *id);
            let mut ordered: Vec<(Option<usize>, Journey)> =
                tree.iter().map(position).zip(copies).collect();
            ordered.sort_by_key(|(i, _)| *i);
            for (offset, (_, copy)) in ordered.into_iter().enumerate() {
                project.journeys.insert(insert_at + offset, copy);
            }
            return Some(Outcome::ShowJourney(show));
        }
        Edit::AddPersona { persona } => {
            let mut p = (**persona).clone();
            p.id = PersonaId(ids.next());
            let id = p.id;
            project.personas.push(p);
            return Some(Outcome::SelectPersona(id));
        }
        Edit::SetPersona { persona } => {
            let p = project.personas.iter_mut().find(|p| p.id == persona.id)?;
            *p = (**persona).clone();
            return Some(Outcome::Changed);
        }
        Edit::DeletePersona { persona } => {
            let i = project.personas.iter().position(|p| p.id == *persona)?;
            project.personas.remove(i);
            for j in &mut project.journeys {
                if j.persona == Some(*persona) {
                    j.persona = None;
                }
                for lane in &mut j.lanes {
                    if let LaneKind::Emotion { persona: p, .. } = &mut lane.kind
                        && *p == Some(*persona)
                    {
                        *p = None;
                    }
                }
            }
            return Some(Outcome::Changed);
        }
        Edit::MovePersona { persona, to_index } => {
            let from = project.personas.iter().position(|p| p.id == *persona)?;
            move_item(&mut project.personas, from, *to_index);
            return Some(Outcome::Changed);
        }
        Edit::SetJourneyPersona { journey, persona } => {
            if let Some(p) = persona {
                project.persona(*p)?;
            }
            let j = project.journeys.iter_mut().find(|j| j.id == *journey)?;
            let old = std::mem::replace(&mut j.persona, *persona);
            for lane in &mut j.lanes {
                if let LaneKind::Emotion { persona: shown, .. } = &mut lane.kind
                    && *shown == old
                {
                    *shown = *persona;
                }
            }
            return Some(Outcome::Changed);
        }
        Edit::SetSettings { title, settings } => {
            project.title.clone_from(title);
            project.settings = settings.clone();
            // Values computed from kept answers follow the new NEV thresholds and CSAT
            // rule in this same edit: the document never holds a stale value, and one
            // undo restores both the settings and the values.
            crate::analysis::recompute_from_answers(project);
            return Some(Outcome::Changed);
        }
        Edit::SetJourney { journey } => {
            let j = project.journeys.iter_mut().find(|j| j.id == journey.id)?;
            *j = (**journey).clone();
            return Some(Outcome::Changed);
        }
        Edit::MoveJourney { journey, to_index } => {
            let from = project.journeys.iter().position(|j| j.id == *journey)?;
            let item = project.journeys.remove(from);
            let to = (*to_index).min(project.journeys.len());
            project.journeys.insert(to, item);
            return Some(Outcome::Changed);
        }
        // Edits inside one journey: applied by `apply_journey_edit` below.
        Edit::SetJourneyInfo { journey, .. }
        | Edit::SetStage { journey, .. }
        | Edit::AddStage { journey, .. }
        | Edit::DeleteStage { journey, .. }
        | Edit::DeleteStageAndMicro { journey, .. }
        | Edit::MoveStage { journey, .. }
        | Edit::SetLane { journey, .. }
        | Edit::AddLane { journey, .. }
        | Edit::DeleteLane { journey, .. }
        | Edit::MoveLane { journey, .. }
        | Edit::SetEmotionLane { journey, .. }
        | Edit::SetCard { journey, .. }
        | Edit::AddCards { journey, .. }
        | Edit::DeleteCards { journey, .. }
        | Edit::MoveCard { journey, .. }
        | Edit::AddAnnotation { journey, .. }
        | Edit::SetAnnotation { journey, .. }
        | Edit::DeleteAnnotation { journey, .. }
        | Edit::Vote { journey, .. }
        | Edit::ResetVotes { journey } => *journey,
    };

    if let Edit::DeleteStageAndMicro { stage, .. } = edit {
        let mut gone: Vec<JourneyId> = project
            .micro_journeys(journey_id, *stage)
            .map(|j| j.id)
            .collect();
        for id in gone.clone() {
            gone.extend(project.descendants(id));
        }
        gone.retain(|id| *id != journey_id);
        project.journeys.retain(|j| !gone.contains(&j.id));
        unlink_dangling(project);
    }
    if let Edit::DeleteStage { stage, .. } | Edit::DeleteStageAndMicro { stage, .. } = edit {
        // Micro journeys linked to the deleted stage lose the link, not their content.
        for j in &mut project.journeys {
            if j.parent
                .is_some_and(|p| p.journey == journey_id && p.stage == *stage)
            {
                j.parent = None;
            }
        }
    }
    let neutral = project.settings.emotion_scale.neutral().round();
    let journey = project.journeys.iter_mut().find(|j| j.id == journey_id)?;
    let outcome = apply_journey_edit(journey, edit, &mut ids, neutral);
    if matches!(
        edit,
        Edit::DeleteStage { .. }
            | Edit::DeleteStageAndMicro { .. }
            | Edit::DeleteLane { .. }
            | Edit::DeleteCards { .. }
            | Edit::SetLane { .. }
            | Edit::AddCards { .. }
    ) {
        unbind_lost_touchpoints(journey);
    }
    outcome
}

/// Measures bound to a touchpoint that is gone (deleted, its lane no longer a
/// touchpoints lane, or pasted from another journey) measure their stage as a whole
/// from then on, so a journey never holds a link to nothing.
fn unbind_lost_touchpoints(journey: &mut Journey) {
    let touchpoints: std::collections::HashSet<CardId> =
        journey.touchpoints().map(|c| c.id).collect();
    for card in journey.lanes.iter_mut().flat_map(|l| &mut l.cards) {
        if card.about.is_some_and(|id| !touchpoints.contains(&id)) {
            card.about = None;
        }
    }
}

/// Where a new micro journey of `journey` goes in the list: after the journey and every
/// journey below it, so the list reads as the tree.
fn after_tree(project: &Project, journey: JourneyId) -> usize {
    let tree: Vec<JourneyId> = std::iter::once(journey)
        .chain(project.descendants(journey))
        .collect();
    project
        .journeys
        .iter()
        .rposition(|j| tree.contains(&j.id))
        .map_or(project.journeys.len(), |i| i + 1)
}

/// Links to a journey or stage that no longer exists are removed: a journey whose
/// macro journey is gone becomes a top-level journey.
fn unlink_dangling(project: &mut Project) {
    let stages: std::collections::HashSet<(JourneyId, StageId)> = project
        .journeys
        .iter()
        .flat_map(|j| j.stages.iter().map(move |s| (j.id, s.id)))
        .collect();
    for j in &mut project.journeys {
        if j.parent
            .is_some_and(|p| !stages.contains(&(p.journey, p.stage)))
        {
            j.parent = None;
        }
    }
}

fn move_item<T>(items: &mut Vec<T>, from: usize, to: usize) {
    let item = items.remove(from);
    let to = to.min(items.len());
    items.insert(to, item);
}

/// Applies an edit inside one journey; `neutral` is the emotion scale's neutral score,
/// given to new emotion cards.
fn apply_journey_edit(
    journey: &mut Journey,
    edit: &Edit,
    ids: &mut IdAlloc,
    neutral: f32,
) -> Option<Outcome> {
    match edit {
        Edit::SetJourneyInfo {
            title, description, ..
        } => {
            journey.title.clone_from(title);
            journey.description.clone_from(description);
        }
        Edit::SetStage { stage, .. } => {
            let s = journey.stages.iter_mut().find(|s| s.id == stage.id)?;
            *s = stage.clone();
        }
        Edit::AddStage { index, name, .. } => {
            let width = journey.stages.last().map_or(220.0, |s| s.width);
            let stage = Stage {
                id: StageId(ids.next()),
                name: name.clone(),
                description: String::new(),
                width,
            };
            let id = stage.id;
            let index = (*index).min(journey.stages.len());
            journey.stages.insert(index, stage);
            return Some(Outcome::Select(Selection::Stage(id)));
        }
        Edit::DeleteStage { stage, .. } | Edit::DeleteStageAndMicro { stage, .. } => {
            let index = journey.stages.iter().position(|s| s.id == *stage)?;
            journey.stages.remove(index);
            let mut removed = Vec::new();
            for lane in &mut journey.lanes {
                lane.cards.retain(|c| {
                    let keep = c.stage != *stage;
                    if !keep {
                        removed.push(c.id);
                    }
                    keep
                });
            }
            journey.annotations.retain(|a| match a.anchor {
                Anchor::Stage(s) => s != *stage,
                Anchor::Card(c) => !removed.contains(&c),
            });
        }
        Edit::MoveStage {
            stage, to_index, ..
        } => {
            let from = journey.stages.iter().position(|s| s.id == *stage)?;
            move_item(&mut journey.stages, from, *to_index);
        }
        Edit::SetLane {
            lane,
            title,
            height,
            collapsed,
            ..
        } => {
            let l = journey.lanes.iter_mut().find(|l| l.id == *lane)?;
            l.title.clone_from(title);
            l.height = height.max(size::MIN_LANE_HEIGHT);
            l.collapsed = *collapsed;
        }
        Edit::AddLane {
            index, kind, title, ..
        } => {
            let height = match kind {
                LaneKind::Emotion { .. } => 150.0,
                LaneKind::Measures(_) => 70.0,
                LaneKind::Text(_)
                | LaneKind::Touchpoints
                | LaneKind::Quotes
                | LaneKind::FrontStage
                | LaneKind::BackStage
                | LaneKind::Department(_) => 90.0,
            };
            let lane = Lane {
                id: LaneId(ids.next()),
                title: title.clone(),
                kind: kind.clone(),
                height,
                collapsed: false,
                cards: Vec::new(),
            };
            let id = lane.id;
            let index = (*index).min(journey.lanes.len());
            journey.lanes.insert(index, lane);
            return Some(Outcome::Select(Selection::Lane(id)));
        }
        Edit::SetEmotionLane {
            lane,
            persona,
            compare,
            ..
        } => {
            let l = journey.lanes.iter_mut().find(|l| l.id == *lane)?;
            let LaneKind::Emotion { .. } = l.kind else {
                return None;
            };
            l.kind = LaneKind::Emotion {
                persona: *persona,
                compare: compare.clone(),
            };
        }
        Edit::DeleteLane { lane, .. } => {
            let index = journey.lanes.iter().position(|l| l.id == *lane)?;
            let removed: Vec<CardId> = journey.lanes[index].cards.iter().map(|c| c.id).collect();
            journey.lanes.remove(index);
            for l in &mut journey.lanes {
                if let LaneKind::Emotion { compare, .. } = &mut l.kind {
                    compare.retain(|x| x != lane);
                }
            }
            journey
                .annotations
                .retain(|a| !matches!(a.anchor, Anchor::Card(c) if removed.contains(&c)));
        }
        Edit::MoveLane { lane, to_index, .. } => {
            let from = journey.lanes.iter().position(|l| l.id == *lane)?;
            move_item(&mut journey.lanes, from, *to_index);
        }
        Edit::SetCard { card, .. } => {
            let c = journey
                .lanes
                .iter_mut()
                .find_map(|l| l.cards.iter_mut().find(|c| c.id == card.id))?;
            *c = (**card).clone();
        }
        Edit::AddCards { cards, .. } => {
            let mut new_ids = Vec::new();
            for placement in cards {
                journey.stage(placement.stage)?;
                let l = journey.lanes.iter_mut().find(|l| l.id == placement.lane)?;
                let mut card = placement.card.clone();
                card.id = CardId(ids.next());
                card.stage = placement.stage;
                // A pasted or duplicated card keeps its value but not the survey
                // answers behind it: they belong to the import's own card (and would
                // be read on another measure's scale if pasted into another lane).
                card.answers = None;
                // Votes belong to the card people voted on, not to its copies.
                card.votes = 0;
                if let LaneKind::Emotion { .. } = l.kind
                    && card.emotion.is_none()
                {
                    card.emotion = Some(neutral);
                }
                new_ids.push(card.id);
                l.cards.push(card);
            }
            if new_ids.is_empty() {
                return None;
            }
            return Some(Outcome::SelectCards(new_ids));
        }
        Edit::DeleteCards { cards, .. } => {
            let before: usize = journey.lanes.iter().map(|l| l.cards.len()).sum();
            for lane in &mut journey.lanes {
                lane.cards.retain(|c| !cards.contains(&c.id));
            }
            let after: usize = journey.lanes.iter().map(|l| l.cards.len()).sum();
            if before == after {
                return None;
            }
            journey
                .annotations
                .retain(|a| !matches!(a.anchor, Anchor::Card(c) if cards.contains(&c)));
        }
        Edit::MoveCard {
            card, lane, stage, ..
        } => {
            journey.stage(*stage)?;
            let target = journey.lanes.iter().position(|l| l.id == *lane)?;
            let (from_lane, from_index) =
                journey.lanes.iter().enumerate().find_map(|(li, l)| {
                    l.cards
                        .iter()
                        .position(|c| c.id == *card)
                        .map(|ci| (li, ci))
                })?;
            if lane_family(&journey.lanes[from_lane].kind)
                != lane_family(&journey.lanes[target].kind)
            {
                return None;
            }
            let mut moved = journey.lanes[from_lane].cards.remove(from_index);
            moved.stage = *stage;
            journey.lanes[target].cards.push(moved);
        }
        Edit::AddAnnotation {
            kind,
            anchor,
            title,
            ..
        } => {
            let exists = match anchor {
                Anchor::Stage(s) => journey.stage(*s).is_some(),
                Anchor::Card(c) => journey.card(*c).is_some(),
            };
            if !exists {
                return None;
            }
            let id = AnnotationId(ids.next());
            journey.annotations.push(Annotation {
                id,
                kind: *kind,
                title: title.clone(),
                note: String::new(),
                anchor: *anchor,
                before: Effect::default(),
                after: Effect::default(),
            });
            return Some(Outcome::Select(Selection::Annotation(id)));
        }
        Edit::SetAnnotation { annotation, .. } => {
            let a = journey
                .annotations
                .iter_mut()
                .find(|a| a.id == annotation.id)?;
            *a = annotation.clone();
        }
        Edit::DeleteAnnotation { annotation, .. } => {
            let i = journey
                .annotations
                .iter()
                .position(|a| a.id == *annotation)?;
            journey.annotations.remove(i);
        }
        Edit::Vote { card, delta, .. } => {
            let c = journey
                .lanes
                .iter_mut()
                .find_map(|l| l.cards.iter_mut().find(|c| c.id == *card))?;
            let votes = c.votes.saturating_add_signed(*delta);
            if votes == c.votes {
                return None;
            }
            c.votes = votes;
        }
        Edit::ResetVotes { .. } => {
            let mut any = false;
            for c in journey.lanes.iter_mut().flat_map(|l| &mut l.cards) {
                any |= c.votes > 0;
                c.votes = 0;
            }
            if !any {
                return None;
            }
        }
        // Project-level edits are applied by `apply_edit`, which returns before a
        // journey is looked up: they never reach this function.
        Edit::SetSettings { .. }
        | Edit::SetJourney { .. }
        | Edit::AddPersona { .. }
        | Edit::SetPersona { .. }
        | Edit::DeletePersona { .. }
        | Edit::MovePersona { .. }
        | Edit::SetJourneyPersona { .. }
        | Edit::AddJourney { .. }
        | Edit::AddJourneys { .. }
        | Edit::DuplicateJourney { .. }
        | Edit::DeleteJourney { .. }
        | Edit::MoveJourney { .. }
        | Edit::ZoomIntoStage { .. }
        | Edit::SetJourneyParent { .. }
        | Edit::DeleteJourneyAndMicro { .. }
        | Edit::DuplicateJourneyAndMicro { .. } => return None,
    }
    Some(Outcome::Changed)
}

/// Gives a journey and everything in it fresh ids, keeping its internal references.
fn renumber_journey(
    journey: &mut Journey,
    ids: &mut IdAlloc,
) -> std::collections::HashMap<StageId, StageId> {
    use std::collections::HashMap;
    journey.id = JourneyId(ids.next());
    let mut stages = HashMap::new();
    for s in &mut journey.stages {
        let new = StageId(ids.next());
        stages.insert(s.id, new);
        s.id = new;
    }
    let mut cards = HashMap::new();
    let mut lanes = HashMap::new();
    for lane in &mut journey.lanes {
        let new = LaneId(ids.next());
        lanes.insert(lane.id, new);
        lane.id = new;
        for c in &mut lane.cards {
            let new = CardId(ids.next());
            cards.insert(c.id, new);
            c.id = new;
            if let Some(s) = stages.get(&c.stage) {
                c.stage = *s;
            }
        }
    }
    // Measures follow the touchpoints they are about to their new ids.
    for c in journey.lanes.iter_mut().flat_map(|l| &mut l.cards) {
        c.about = c.about.and_then(|id| cards.get(&id).copied());
    }
    // Compared emotion lanes are lanes of this journey: they follow their new ids.
    for lane in &mut journey.lanes {
        if let LaneKind::Emotion { compare, .. } = &mut lane.kind {
            for id in compare.iter_mut() {
                if let Some(new) = lanes.get(id) {
                    *id = *new;
                }
            }
        }
    }
    for a in &mut journey.annotations {
        a.id = crate::model::AnnotationId(ids.next());
        a.anchor = match a.anchor {
            Anchor::Stage(s) => Anchor::Stage(stages.get(&s).copied().unwrap_or(s)),
            Anchor::Card(c) => Anchor::Card(cards.get(&c).copied().unwrap_or(c)),
        };
    }
    stages
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_project;
    use crate::model::AnnotationKind;

    #[test]
    fn deleting_a_stage_removes_its_cards_and_their_annotations() {
        let mut p = sample_project();
        let j = &p.journeys[0];
        // The accelerator is pinned to the engineer-visit card in "Installation day".
        let stage = j.stages[3].id;
        let cards_before = p.counts().cards;
        let in_stage = j
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .filter(|c| c.stage == stage)
            .count();
        let edit = Edit::DeleteStage {
            journey: j.id,
            stage,
        };
        assert_eq!(apply_edit(&mut p, &edit), Some(Outcome::Changed));
        assert_eq!(p.counts().cards, cards_before - in_stage);
        assert!(
            p.journeys[0]
                .annotations
                .iter()
                .all(|a| a.kind != AnnotationKind::Accelerator)
        );
        assert_eq!(p.validate(), vec![]);
    }

    /// Zooms into stage `stage` of journey `journey` (list indices) with the usual
    /// lanes; returns the micro journey's id.
    fn zoom(p: &mut Project, journey: usize, stage: usize) -> JourneyId {
        let edit = Edit::ZoomIntoStage {
            journey: p.journeys[journey].id,
            stage: p.journeys[journey].stages[stage].id,
            template: Box::new(crate::io::sample::blank_project().journeys.remove(0)),
        };
        match apply_edit(p, &edit) {
            Some(Outcome::ShowJourney(id)) => id,
            other => panic!("zooming in did not show a journey: {other:?}"),
        }
    }

    #[test]
    fn zooming_into_a_stage_makes_a_linked_micro_journey_after_its_macro_journey() {
        let mut p = sample_project();
        let macro_id = p.journeys[0].id;
        let stage = p.journeys[0].stages[5].clone();
        let micro = zoom(&mut p, 0, 5);
        let m = p.journey(micro).unwrap();
        assert_eq!(m.title, stage.name);
        assert_eq!(m.persona, p.journeys[0].persona);
        assert!(m.persona.is_some());
        assert_eq!(
            m.parent,
            Some(JourneyLink {
                journey: macro_id,
                stage: stage.id
            })
        );
        // The emotion lane shows the macro journey's persona too.
        assert!(
            m.lanes.iter().any(
                |l| matches!(l.kind, LaneKind::Emotion { persona, .. } if persona == m.persona)
            )
        );
        assert_eq!(p.validate(), vec![]);
        // A second micro journey goes after the first, and one of the micro journey's
        // own stages after that: the list reads as the tree.
        let second = zoom(&mut p, 0, 2);
        let third = zoom(&mut p, 1, 0);
        let order: Vec<JourneyId> = p.journeys.iter().map(|j| j.id).collect();
        assert_eq!(order, vec![macro_id, micro, third, second]);
        assert_eq!(p.micro_journeys(macro_id, stage.id).count(), 1);
        assert_eq!(p.descendants(macro_id), vec![micro, second, third]);
        assert_eq!(p.validate(), vec![]);
        assert_eq!(p.counts().micro_journeys, 3);
    }

    #[test]
    fn a_journey_is_linked_and_unlinked_but_never_made_its_own_ancestor() {
        let mut p = sample_project();
        let macro_id = p.journeys[0].id;
        let micro = zoom(&mut p, 0, 1);
        let other = p.journeys[0].clone();
        apply_edit(
            &mut p,
            &Edit::AddJourney {
                template: Box::new(other),
                personas: Vec::new(),
            },
        );
        let free = p.journeys[2].id;
        let link = |p: &Project, journey: JourneyId, stage: usize| JourneyLink {
            journey,
            stage: p.journey(journey).unwrap().stages[stage].id,
        };
        // The macro journey under its own micro journey: refused, nothing changes.
        let before = p.clone();
        let cycle = Edit::SetJourneyParent {
            journey: macro_id,
            parent: Some(link(&p, micro, 0)),
        };
        assert_eq!(apply_edit(&mut p, &cycle), None);
        assert_eq!(p, before);
        // A link to a stage that does not exist: refused.
        let nowhere = Edit::SetJourneyParent {
            journey: free,
            parent: Some(JourneyLink {
                journey: macro_id,
                stage: StageId(123_456_789),
            }),
        };
        assert_eq!(apply_edit(&mut p, &nowhere), None);
        // Under the micro journey: a grandchild, fine; then the macro journey cannot
        // go under it either (a loop of three).
        let ok = Edit::SetJourneyParent {
            journey: free,
            parent: Some(link(&p, micro, 2)),
        };
        assert_eq!(apply_edit(&mut p, &ok), Some(Outcome::Changed));
        let cycle3 = Edit::SetJourneyParent {
            journey: macro_id,
            parent: Some(link(&p, free, 0)),
        };
        assert_eq!(apply_edit(&mut p, &cycle3), None);
        assert_eq!(p.validate(), vec![]);
        let unlink = Edit::SetJourneyParent {
            journey: free,
            parent: None,
        };
        assert_eq!(apply_edit(&mut p, &unlink), Some(Outcome::Changed));
        assert_eq!(p.journey(free).unwrap().parent, None);
    }

    #[test]
    fn deleting_a_stage_keeps_its_micro_journeys_unlinked_or_deletes_them_with_theirs() {
        let mut p = sample_project();
        let macro_id = p.journeys[0].id;
        let stage = p.journeys[0].stages[5].id;
        let micro = zoom(&mut p, 0, 5);
        let below = zoom(&mut p, 1, 0);
        let sibling = zoom(&mut p, 0, 2);
        let mut keep = p.clone();
        apply_edit(
            &mut keep,
            &Edit::DeleteStage {
                journey: macro_id,
                stage,
            },
        );
        assert_eq!(keep.journeys.len(), 4);
        assert_eq!(keep.journey(micro).unwrap().parent, None);
        assert!(keep.journey(below).unwrap().parent.is_some());
        assert_eq!(keep.validate(), vec![]);
        apply_edit(
            &mut p,
            &Edit::DeleteStageAndMicro {
                journey: macro_id,
                stage,
            },
        );
        let left: Vec<JourneyId> = p.journeys.iter().map(|j| j.id).collect();
        assert_eq!(left, vec![macro_id, sibling]);
        assert!(p.journeys[0].stage(stage).is_none());
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn deleting_a_journey_keeps_its_micro_journeys_unlinked_or_deletes_the_whole_tree() {
        let mut p = sample_project();
        let macro_id = p.journeys[0].id;
        let micro = zoom(&mut p, 0, 5);
        let below = zoom(&mut p, 1, 0);
        let mut keep = p.clone();
        apply_edit(&mut keep, &Edit::DeleteJourney { journey: macro_id });
        assert_eq!(keep.journey(micro).unwrap().parent, None);
        assert_eq!(
            keep.journey(below).unwrap().parent.map(|l| l.journey),
            Some(micro)
        );
        assert_eq!(keep.validate(), vec![]);
        // The whole tree is every journey: refused, the project keeps one.
        assert_eq!(
            apply_edit(
                &mut p.clone(),
                &Edit::DeleteJourneyAndMicro { journey: macro_id }
            ),
            None
        );
        apply_edit(
            &mut p,
            &Edit::AddJourney {
                template: Box::new(crate::io::sample::blank_project().journeys.remove(0)),
                personas: Vec::new(),
            },
        );
        let other = p.journeys[3].id;
        assert_eq!(
            apply_edit(&mut p, &Edit::DeleteJourneyAndMicro { journey: micro }),
            Some(Outcome::ShowJourney(other))
        );
        let left: Vec<JourneyId> = p.journeys.iter().map(|j| j.id).collect();
        assert_eq!(left, vec![macro_id, other]);
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn duplicating_a_macro_journey_with_its_micro_journeys_remaps_every_link() {
        let mut p = sample_project();
        let macro_id = p.journeys[0].id;
        zoom(&mut p, 0, 5);
        zoom(&mut p, 1, 0);
        zoom(&mut p, 0, 2);
        let before = p.clone();
        let Some(Outcome::ShowJourney(copy)) = apply_edit(
            &mut p,
            &Edit::DuplicateJourneyAndMicro { journey: macro_id },
        ) else {
            panic!("the copy is not shown");
        };
        assert_eq!(p.journeys.len(), 8);
        assert_eq!(
            &p.journeys[..4],
            &before.journeys[..],
            "the originals are untouched"
        );
        assert_eq!(p.journeys[4].id, copy);
        assert!(p.journeys[4].title.ends_with("(copy)"));
        assert_eq!(p.validate(), vec![]);
        // The copies form the same tree under the copy, on the copied stages.
        let copies = p.descendants(copy);
        assert_eq!(copies.len(), 3);
        for (original, copied) in before.journeys[1..].iter().zip(&p.journeys[5..]) {
            assert_eq!(original.title, copied.title);
            let (o, c) = (original.parent.unwrap(), copied.parent.unwrap());
            let o_parent = before.journey(o.journey).unwrap();
            let c_parent = p.journey(c.journey).unwrap();
            assert_ne!(o.journey, c.journey);
            assert!(copies.contains(&c.journey) || c.journey == copy);
            let o_index = o_parent.stages.iter().position(|s| s.id == o.stage);
            let c_index = c_parent.stages.iter().position(|s| s.id == c.stage);
            assert_eq!(o_index, c_index);
        }
        // A duplicate of the macro journey alone leaves the micro journeys where they are.
        let mut alone = before.clone();
        apply_edit(&mut alone, &Edit::DuplicateJourney { journey: macro_id });
        assert_eq!(alone.journeys.len(), 5);
        assert_eq!(alone.descendants(alone.journeys[1].id).len(), 0);
    }

    #[test]
    fn a_card_only_moves_to_a_lane_of_its_family() {
        let mut p = sample_project();
        let j = &p.journeys[0];
        let note = j.lanes[0].cards[0].id;
        let emotion_lane = j
            .lanes
            .iter()
            .find(|l| matches!(l.kind, LaneKind::Emotion { .. }))
            .unwrap()
            .id;
        let thoughts = j.lanes[1].id;
        let stage = j.stages[2].id;
        let before = p.clone();
        let refused = Edit::MoveCard {
            journey: j.id,
            card: note,
            lane: emotion_lane,
            stage,
        };
        assert_eq!(apply_edit(&mut p, &refused), None);
        assert_eq!(p, before);
        let jid = p.journeys[0].id;
        let ok = Edit::MoveCard {
            journey: jid,
            card: note,
            lane: thoughts,
            stage,
        };
        assert_eq!(apply_edit(&mut p, &ok), Some(Outcome::Changed));
        let (lane, card) = p.journeys[0].card(note).unwrap();
        assert_eq!((lane.id, card.stage), (thoughts, stage));
    }

    #[test]
    fn a_duplicated_journey_has_fresh_ids_and_valid_references() {
        let mut p = sample_project();
        let jid = p.journeys[0].id;
        let Some(Outcome::ShowJourney(copy)) =
            apply_edit(&mut p, &Edit::DuplicateJourney { journey: jid })
        else {
            panic!("no copy shown");
        };
        assert_ne!(copy, jid);
        assert_eq!(
            p.validate(),
            vec![],
            "ids must stay unique and references resolve"
        );
        let (a, b) = (&p.journeys[0], &p.journeys[1]);
        assert_eq!(a.stages.len(), b.stages.len());
        assert_eq!(a.annotations.len(), b.annotations.len());
        assert!(
            a.stages
                .iter()
                .zip(&b.stages)
                .all(|(x, y)| x.id != y.id && x.name == y.name)
        );
    }

    #[test]
    fn the_last_journey_cannot_be_deleted() {
        let mut p = sample_project();
        let jid = p.journeys[0].id;
        assert_eq!(
            apply_edit(&mut p, &Edit::DeleteJourney { journey: jid }),
            None
        );
        assert_eq!(p.journeys.len(), 1);
    }

    #[test]
    fn new_cards_get_fresh_ids_and_emotion_cards_a_neutral_score() {
        let mut p = sample_project();
        let j = &p.journeys[0];
        let lane = j
            .lanes
            .iter()
            .find(|l| matches!(l.kind, LaneKind::Emotion { .. }))
            .unwrap()
            .id;
        let stage = j.stages[0].id;
        let edit = Edit::AddCards {
            journey: j.id,
            cards: vec![Placement {
                lane,
                stage,
                card: Card::new(CardId(1), stage, "New"),
            }],
        };
        let Some(Outcome::SelectCards(ids)) = apply_edit(&mut p, &edit) else {
            panic!("nothing added");
        };
        assert_eq!(ids.len(), 1);
        assert!(ids[0].0 > 1);
        assert_eq!(p.journeys[0].card(ids[0]).unwrap().1.emotion, Some(0.0));
        assert_eq!(p.validate(), vec![]);
    }

    /// Every emotion lane of the sample's first journey with the persona it shows.
    fn lane_personas(p: &Project) -> Vec<(String, Option<PersonaId>)> {
        p.journeys[0]
            .lanes
            .iter()
            .filter_map(|l| match l.kind {
                LaneKind::Emotion { persona, .. } => Some((l.title.clone(), persona)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn emotion_lanes_that_followed_the_journeys_persona_follow_the_new_one() {
        let mut p = sample_project();
        let old = p.journeys[0].persona.unwrap();
        let journey = p.journeys[0].id;
        // A second persona, and a lane that explicitly shows a third one.
        let mut add = |name: &str| {
            let persona = crate::model::Persona {
                name: name.to_owned(),
                ..crate::model::Persona::default()
            };
            match apply_edit(
                &mut p,
                &Edit::AddPersona {
                    persona: Box::new(persona),
                },
            ) {
                Some(Outcome::SelectPersona(id)) => id,
                other => panic!("{other:?}"),
            }
        };
        let new = add("Mei, new to banking");
        let other = add("Sam, the switcher");
        let lane = |title: &str, persona| crate::model::Lane {
            id: LaneId(0),
            title: title.to_owned(),
            kind: LaneKind::Emotion {
                persona,
                compare: Vec::new(),
            },
            height: 120.0,
            collapsed: false,
            cards: Vec::new(),
        };
        for (title, persona) in [("Sam's feelings", Some(other)), ("Nobody's", None)] {
            let l = lane(title, persona);
            apply_edit(
                &mut p,
                &Edit::AddLane {
                    journey,
                    index: 0,
                    kind: l.kind,
                    title: l.title,
                },
            )
            .unwrap();
        }
        assert!(lane_personas(&p).contains(&("Emotions".to_owned(), Some(old))));
        apply_edit(
            &mut p,
            &Edit::SetJourneyPersona {
                journey,
                persona: Some(new),
            },
        )
        .unwrap();
        let lanes = lane_personas(&p);
        // The lane that showed the journey's persona now shows the new one ("Feelings
        // of: Mei"); a lane set to another persona, or to none, keeps its choice.
        assert!(
            lanes.contains(&("Emotions".to_owned(), Some(new))),
            "{lanes:?}"
        );
        assert!(
            lanes.contains(&("Sam's feelings".to_owned(), Some(other))),
            "{lanes:?}"
        );
        assert!(lanes.contains(&("Nobody's".to_owned(), None)), "{lanes:?}");
        assert_eq!(p.validate(), vec![]);
    }

    #[test]
    fn a_journey_without_a_persona_gives_its_unassigned_emotion_lanes_the_new_one() {
        let mut p = crate::io::sample::blank_project();
        let journey = p.journeys[0].id;
        let Some(Outcome::SelectPersona(mei)) = apply_edit(
            &mut p,
            &Edit::AddPersona {
                persona: Box::new(crate::model::Persona::default()),
            },
        ) else {
            panic!("no persona added");
        };
        apply_edit(
            &mut p,
            &Edit::SetJourneyPersona {
                journey,
                persona: Some(mei),
            },
        )
        .unwrap();
        assert_eq!(lane_personas(&p), vec![("Emotions".to_owned(), Some(mei))]);
        // And back to none: the lane follows again.
        apply_edit(
            &mut p,
            &Edit::SetJourneyPersona {
                journey,
                persona: None,
            },
        )
        .unwrap();
        assert_eq!(lane_personas(&p), vec![("Emotions".to_owned(), None)]);
    }

    #[test]
    fn measures_never_point_at_a_touchpoint_that_is_gone_and_follow_a_duplicate() {
        let mut p = crate::io::sample::sample_project();
        let j = &mut p.journeys[0];
        let tp = j
            .lanes
            .iter()
            .find(|l| l.kind == LaneKind::Touchpoints)
            .and_then(|l| l.cards.first())
            .map_or_else(|| panic!("a touchpoint"), |c| (c.id, c.stage));
        let measure = j
            .lanes
            .iter_mut()
            .filter(|l| matches!(l.kind, LaneKind::Measures(_)))
            .flat_map(|l| &mut l.cards)
            .find(|c| c.stage == tp.1)
            .unwrap_or_else(|| panic!("a measure in the touchpoint's stage"));
        measure.about = Some(tp.0);
        let measure = measure.id;
        let journey = j.id;
        assert_eq!(p.validate(), vec![]);

        // Duplicating the journey binds the copy's measure to the copy's touchpoint.
        let mut copy = p.clone();
        apply_edit(&mut copy, &Edit::DuplicateJourney { journey })
            .unwrap_or_else(|| panic!("duplicated"));
        assert_eq!(copy.validate(), vec![]);
        let dup = &copy.journeys[1];
        let about = dup
            .lanes
            .iter()
            .flat_map(|l| &l.cards)
            .find_map(|c| c.about)
            .unwrap_or_else(|| panic!("the copy keeps the binding"));
        assert!(dup.card(about).is_some() && p.journeys[0].card(about).is_none());

        // Deleting the touchpoint leaves the measure measuring its stage.
        apply_edit(
            &mut p,
            &Edit::DeleteCards {
                journey,
                cards: vec![tp.0],
            },
        )
        .unwrap_or_else(|| panic!("deleted"));
        assert_eq!(p.validate(), vec![]);
        let about = p.journeys[0].card(measure).and_then(|(_, c)| c.about);
        assert_eq!(about, None);
    }
}
