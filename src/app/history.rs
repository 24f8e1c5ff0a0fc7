//! Undo and redo by snapshots of the document that share their unchanged parts. A
//! gesture (a drag, typing into one field) is merged into one step. History is never
//! saved into the file.
//!
//! A snapshot holds every card, stage, lane, annotation and persona behind an [`Arc`]
//! and reuses the `Arc` of the neighbouring snapshot wherever the part is unchanged, so
//! a step costs about one pointer per card of the lanes it touched, not a copy of the
//! whole document: 500 edits on a 12,000-card map keep a few megabytes, not gigabytes.

use std::sync::Arc;

use crate::model::{Annotation, Card, Journey, Lane, Persona, Project, Stage};

/// How many steps are kept.
pub const MAX_STEPS: usize = 500;

/// Edits to the same target within this many seconds of each other merge into one
/// undo step (typing a word is one step, not one per letter).
pub const MERGE_SECONDS: f64 = 1.5;

/// A lane whose cards are shared with neighbouring snapshots.
#[derive(Debug)]
struct LaneSnap {
    /// The lane without its cards.
    head: Lane,
    cards: Vec<Arc<Card>>,
}

/// A journey whose parts are shared with neighbouring snapshots.
#[derive(Debug)]
struct JourneySnap {
    /// The journey without its stages, lanes and annotations.
    head: Journey,
    stages: Vec<Arc<Stage>>,
    lanes: Vec<Arc<LaneSnap>>,
    annotations: Vec<Arc<Annotation>>,
}

/// A whole document, sharing unchanged parts with neighbouring snapshots.
#[derive(Clone, Debug)]
pub struct Snapshot {
    /// The project without its journeys and personas (title, settings).
    head: Arc<Project>,
    personas: Vec<Arc<Persona>>,
    journeys: Vec<Arc<JourneySnap>>,
}

/// Reuses the `Arc` of `prev` for each item of `items` that is unchanged. Items are
/// matched by position, or one position off (an insertion or a deletion shifts the
/// rest by one), so the usual edits share everything but what they changed.
fn share<T: Clone + PartialEq>(items: &[T], prev: &[Arc<T>]) -> Vec<Arc<T>> {
    let mut shift: isize = 0;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            for delta in [shift, shift + 1, shift - 1] {
                let Some(j) = i.checked_add_signed(delta) else {
                    continue;
                };
                if let Some(p) = prev.get(j)
                    && **p == *item
                {
                    shift = delta;
                    return Arc::clone(p);
                }
            }
            Arc::new(item.clone())
        })
        .collect()
}

/// True if the shared items hold exactly `items`.
fn same<T: PartialEq>(items: &[T], shared: &[Arc<T>]) -> bool {
    items.len() == shared.len() && items.iter().zip(shared).all(|(a, b)| *a == **b)
}

// The heads below name every field, so a field added to the model is a compile error
// here rather than a part that undo silently forgets.

fn lane_head(lane: &Lane) -> Lane {
    let Lane {
        id,
        title,
        kind,
        height,
        collapsed,
        cards: _,
    } = lane;
    Lane {
        id: *id,
        title: title.clone(),
        kind: kind.clone(),
        height: *height,
        collapsed: *collapsed,
        cards: Vec::new(),
    }
}

fn journey_head(journey: &Journey) -> Journey {
    let Journey {
        id,
        title,
        description,
        persona,
        parent,
        stages: _,
        lanes: _,
        annotations: _,
        survey_mappings,
        acc_title,
        acc_descr,
    } = journey;
    Journey {
        id: *id,
        title: title.clone(),
        description: description.clone(),
        persona: *persona,
        parent: *parent,
        stages: Vec::new(),
        lanes: Vec::new(),
        annotations: Vec::new(),
        survey_mappings: survey_mappings.clone(),
        acc_title: acc_title.clone(),
        acc_descr: acc_descr.clone(),
    }
}

fn project_head(project: &Project) -> Project {
    let Project {
        format_version,
        title,
        settings,
        personas: _,
        journeys: _,
    } = project;
    Project {
        format_version: *format_version,
        title: title.clone(),
        settings: settings.clone(),
        personas: Vec::new(),
        journeys: Vec::new(),
    }
}

impl LaneSnap {
    fn matches(&self, lane: &Lane) -> bool {
        lane_head(lane) == self.head && same(&lane.cards, &self.cards)
    }

    fn make(lane: &Lane, prev: Option<&Arc<Self>>) -> Arc<Self> {
        if let Some(p) = prev
            && p.matches(lane)
        {
            return Arc::clone(p);
        }
        Arc::new(Self {
            head: lane_head(lane),
            cards: share(&lane.cards, prev.map_or(&[][..], |p| &p.cards)),
        })
    }

    fn restore(&self) -> Lane {
        let mut lane = self.head.clone();
        lane.cards = self.cards.iter().map(|c| (**c).clone()).collect();
        lane
    }
}

impl JourneySnap {
    fn matches(&self, journey: &Journey) -> bool {
        journey_head(journey) == self.head
            && same(&journey.stages, &self.stages)
            && same(&journey.annotations, &self.annotations)
            && journey.lanes.len() == self.lanes.len()
            && journey
                .lanes
                .iter()
                .zip(&self.lanes)
                .all(|(l, s)| s.matches(l))
    }

    fn make(journey: &Journey, prev: Option<&Arc<Self>>) -> Arc<Self> {
        if let Some(p) = prev
            && p.matches(journey)
        {
            return Arc::clone(p);
        }
        let prev_lanes = prev.map_or(&[][..], |p| &p.lanes);
        let lanes = journey
            .lanes
            .iter()
            .map(|lane| {
                let before = prev_lanes.iter().find(|s| s.head.id == lane.id);
                LaneSnap::make(lane, before)
            })
            .collect();
        Arc::new(Self {
            head: journey_head(journey),
            stages: share(&journey.stages, prev.map_or(&[][..], |p| &p.stages)),
            lanes,
            annotations: share(
                &journey.annotations,
                prev.map_or(&[][..], |p| &p.annotations),
            ),
        })
    }

    fn restore(&self) -> Journey {
        let mut journey = self.head.clone();
        journey.stages = self.stages.iter().map(|s| (**s).clone()).collect();
        journey.lanes = self.lanes.iter().map(|l| l.restore()).collect();
        journey.annotations = self.annotations.iter().map(|a| (**a).clone()).collect();
        journey
    }
}

impl Snapshot {
    /// A snapshot of `project`, sharing what is unchanged with `prev`.
    pub fn of(project: &Project, prev: Option<&Self>) -> Self {
        let head = project_head(project);
        let head = match prev {
            Some(p) if *p.head == head => Arc::clone(&p.head),
            _ => Arc::new(head),
        };
        let prev_journeys = prev.map_or(&[][..], |p| &p.journeys);
        let journeys = project
            .journeys
            .iter()
            .enumerate()
            .map(|(i, j)| {
                let before = prev_journeys
                    .get(i)
                    .filter(|s| s.head.id == j.id)
                    .or_else(|| prev_journeys.iter().find(|s| s.head.id == j.id));
                JourneySnap::make(j, before)
            })
            .collect();
        Self {
            head,
            personas: share(&project.personas, prev.map_or(&[][..], |p| &p.personas)),
            journeys,
        }
    }

    /// True if the snapshot holds exactly `project` (no copy is made to tell).
    pub fn matches(&self, project: &Project) -> bool {
        project_head(project) == *self.head
            && same(&project.personas, &self.personas)
            && project.journeys.len() == self.journeys.len()
            && project
                .journeys
                .iter()
                .zip(&self.journeys)
                .all(|(j, s)| s.matches(j))
    }

    /// The document this snapshot holds.
    pub fn restore(&self) -> Project {
        let mut project = (*self.head).clone();
        project.personas = self.personas.iter().map(|p| (**p).clone()).collect();
        project.journeys = self.journeys.iter().map(|j| j.restore()).collect();
        project
    }

    /// Every card of the snapshot, for tests of sharing.
    #[cfg(test)]
    fn cards(&self) -> impl Iterator<Item = &Arc<Card>> {
        self.journeys
            .iter()
            .flat_map(|j| &j.lanes)
            .flat_map(|l| &l.cards)
    }
}

/// One saved state: the document as it was and its revision number.
#[derive(Clone, Debug)]
struct Step {
    snapshot: Snapshot,
    revision: u64,
    /// What the edit after this state did ("Add card"), for "Undo Add card".
    label: String,
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: std::collections::VecDeque<Step>,
    redo: Vec<Step>,
    /// The gesture key and time of the last recorded edit, for merging.
    last: Option<(u64, f64)>,
}

impl History {
    /// The snapshot the next one should share with: the newest state kept.
    fn newest(&self) -> Option<&Snapshot> {
        self.undo.back().map(|s| &s.snapshot)
    }

    /// A snapshot of `project` sharing its unchanged parts with the newest step, to be
    /// handed to [`Self::record`] (or used to go back if the edit is refused).
    pub fn snapshot(&self, project: &Project) -> Snapshot {
        Snapshot::of(project, self.newest())
    }

    /// True if an edit with `gesture` at `now` merges into the previous step (same
    /// gesture, soon after), so that [`Self::record`] will push nothing.
    pub fn merges(&self, gesture: Option<u64>, now: f64) -> bool {
        matches!(
            (gesture, self.last),
            (Some(g), Some((last_g, last_t))) if g == last_g && now - last_t <= MERGE_SECONDS && !self.undo.is_empty()
        )
    }

    /// Records the state before an edit. Returns false if the edit merged into the
    /// previous step (same `gesture`, soon after), in which case nothing is pushed.
    pub fn record(
        &mut self,
        before: Snapshot,
        revision: u64,
        gesture: Option<u64>,
        now: f64,
        label: String,
    ) -> bool {
        self.redo.clear();
        if self.merges(gesture, now) {
            self.last = gesture.map(|g| (g, now));
            return false;
        }
        self.last = gesture.map(|g| (g, now));
        self.undo.push_back(Step {
            snapshot: before,
            revision,
            label,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.pop_front();
        }
        true
    }

    /// Ends any gesture in progress, so the next edit starts a new step.
    pub fn break_merge(&mut self) {
        self.last = None;
    }

    /// Steps back: swaps `current` with the previous state. Returns false if there is
    /// nothing to undo.
    pub fn undo(&mut self, current: &mut Project, revision: &mut u64) -> bool {
        let Some(step) = self.undo.pop_back() else {
            return false;
        };
        self.last = None;
        let now = Snapshot::of(current, Some(&step.snapshot));
        *current = step.snapshot.restore();
        self.redo.push(Step {
            snapshot: now,
            revision: std::mem::replace(revision, step.revision),
            label: step.label,
        });
        true
    }

    /// Steps forward again after an undo. Returns false if there is nothing to redo.
    pub fn redo(&mut self, current: &mut Project, revision: &mut u64) -> bool {
        let Some(step) = self.redo.pop() else {
            return false;
        };
        self.last = None;
        let now = Snapshot::of(current, Some(&step.snapshot));
        *current = step.snapshot.restore();
        self.undo.push_back(Step {
            snapshot: now,
            revision: std::mem::replace(revision, step.revision),
            label: step.label,
        });
        true
    }

    /// What the next undo undoes ("Add card"), if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.back().map(|s| s.label.as_str())
    }

    /// What the next redo redoes, if anything.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    /// True if there is something to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// True if there is something to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::{generated_project, sample_project};

    #[test]
    fn a_snapshot_gives_back_the_document_exactly() {
        for project in [sample_project(), generated_project(20, 6, 200)] {
            let snap = Snapshot::of(&project, None);
            assert!(snap.matches(&project));
            assert_eq!(snap.restore(), project);
        }
    }

    #[test]
    fn a_step_shares_every_card_it_did_not_change() {
        let mut project = generated_project(50, 12, 600);
        let first = Snapshot::of(&project, None);
        project.journeys[0].lanes[3].cards[7]
            .text
            .push_str(" (edited)");
        let second = Snapshot::of(&project, Some(&first));
        assert!(!first.matches(&project) && second.matches(&project));
        let shared = first
            .cards()
            .zip(second.cards())
            .filter(|(a, b)| Arc::ptr_eq(a, b))
            .count();
        assert_eq!(shared, first.cards().count() - 1);
        // Lanes the edit did not touch are shared whole.
        let lanes_shared = first.journeys[0]
            .lanes
            .iter()
            .zip(&second.journeys[0].lanes)
            .filter(|(a, b)| Arc::ptr_eq(a, b))
            .count();
        assert_eq!(lanes_shared, project.journeys[0].lanes.len() - 1);
        assert_eq!(second.restore(), project);
    }

    #[test]
    fn an_inserted_or_deleted_card_does_not_unshare_the_rest() {
        let mut project = generated_project(50, 12, 600);
        let first = Snapshot::of(&project, None);
        let lane = &mut project.journeys[0].lanes[2];
        let n = lane.cards.len();
        let card = lane.cards.remove(1);
        let second = Snapshot::of(&project, Some(&first));
        let shared = first.journeys[0].lanes[2]
            .cards
            .iter()
            .filter(|a| {
                second.journeys[0].lanes[2]
                    .cards
                    .iter()
                    .any(|b| Arc::ptr_eq(a, b))
            })
            .count();
        assert_eq!(shared, n - 1);
        project.journeys[0].lanes[2].cards.insert(1, card);
        let third = Snapshot::of(&project, Some(&second));
        assert_eq!(third.restore(), project);
    }

    #[test]
    fn undo_and_redo_walk_the_states_exactly() {
        let mut history = History::default();
        let mut project = sample_project();
        let mut revision = 0;
        let mut states = vec![project.clone()];
        for i in 0..5 {
            history.record(history.snapshot(&project), i, None, 0.0, format!("{i}"));
            project.journeys[0].stages[0].name = format!("Stage {i}");
            project.personas[0].name = format!("Persona {i}");
            revision = i + 1;
            states.push(project.clone());
        }
        for i in (0..5).rev() {
            assert!(history.undo(&mut project, &mut revision));
            assert_eq!(project, states[i as usize]);
            assert_eq!(revision, i);
        }
        assert!(!history.undo(&mut project, &mut revision));
        for state in &states[1..] {
            assert!(history.redo(&mut project, &mut revision));
            assert_eq!(&project, state);
        }
    }

    #[test]
    fn the_oldest_step_goes_first_when_the_history_is_full() {
        let mut history = History::default();
        let mut project = sample_project();
        for i in 0..(MAX_STEPS + 10) {
            history.record(
                history.snapshot(&project),
                i as u64,
                None,
                0.0,
                i.to_string(),
            );
            project.title = i.to_string();
        }
        assert_eq!(history.undo.len(), MAX_STEPS);
        assert_eq!(history.undo.front().map(|s| s.revision), Some(10));
    }
}
