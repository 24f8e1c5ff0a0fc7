//! Undo and redo by snapshots of the document. A gesture (a drag, typing into one
//! field) is merged into one step. History is never saved into the file.

use crate::model::Project;

/// How many steps are kept.
pub const MAX_STEPS: usize = 500;

/// Edits to the same target within this many seconds of each other merge into one
/// undo step (typing a word is one step, not one per letter).
pub const MERGE_SECONDS: f64 = 1.5;

/// One saved state: the document as it was and its revision number.
#[derive(Clone, Debug)]
struct Step {
    project: Project,
    revision: u64,
    /// What the edit after this state did ("Add card"), for "Undo Add card".
    label: String,
}

/// The undo and redo stacks.
#[derive(Clone, Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    /// The gesture key and time of the last recorded edit, for merging.
    last: Option<(u64, f64)>,
}

impl History {
    /// Records the state before an edit. Returns false if the edit merged into the
    /// previous step (same `gesture`, soon after), in which case nothing is pushed.
    pub fn record(
        &mut self,
        before: &Project,
        revision: u64,
        gesture: Option<u64>,
        now: f64,
        label: String,
    ) -> bool {
        self.redo.clear();
        if let (Some(g), Some((last_g, last_t))) = (gesture, self.last)
            && g == last_g
            && now - last_t <= MERGE_SECONDS
            && !self.undo.is_empty()
        {
            self.last = Some((g, now));
            return false;
        }
        self.last = gesture.map(|g| (g, now));
        self.undo.push(Step {
            project: before.clone(),
            revision,
            label,
        });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
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
        let Some(step) = self.undo.pop() else {
            return false;
        };
        self.last = None;
        let old = std::mem::replace(current, step.project);
        self.redo.push(Step {
            project: old,
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
        let old = std::mem::replace(current, step.project);
        self.undo.push(Step {
            project: old,
            revision: std::mem::replace(revision, step.revision),
            label: step.label,
        });
        true
    }

    /// What the next undo undoes ("Add card"), if anything.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
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
