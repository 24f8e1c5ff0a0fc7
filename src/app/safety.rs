//! Work is never lost: saves run in the background, unsaved changes are copied to a
//! recovery file a few seconds after they are made, documents left behind by a crash are
//! offered back at the next start, and a file changed or deleted by another program is
//! never overwritten without asking.
//!
//! The window calls [`AppState::tick`] once per frame; everything else happens through
//! [`SafetyCommand`]s and the save commands.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

use super::disk::{self, DiskState, Fingerprint, Waker, Watcher};
use super::recovery::{self, AUTOSAVE_AFTER, Orphan, Slot};
use super::save_job::{AutosaveJob, Expect, SaveJob, SaveOutcome};
use super::{AppState, Message};
use crate::model::Project;
use crate::t;

/// Events about the file come in bursts (a `git checkout` deletes, then writes): the
/// file is compared this long after the last one.
const SETTLE: Duration = Duration::from_millis(300);

/// How often the window looks at a background job while one runs.
const POLL: Duration = Duration::from_millis(100);

/// What the user decides about unsaved work and files changed elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SafetyCommand {
    /// Opens a document left behind by a crash (by its recovery id), as unsaved changes
    /// to its original file.
    Recover(String),
    /// Deletes a document left behind by a crash.
    DiscardRecovery(String),
    /// Closes the recovery question; the documents are offered again at the next start.
    RecoverLater,
    /// Lists the documents left behind by crashed or closed windows again (File >
    /// Recover unsaved work).
    ShowRecoverable,
    /// The open file was changed elsewhere: load the version on disk. The open version,
    /// if it has unsaved changes, is kept as a recovery file first.
    Reload,
    /// The open file was changed elsewhere (or is gone): keep the open version. After a
    /// change, the next save replaces the file on disk; a missing file is asked about
    /// again at the next save.
    KeepMine,
    /// The open file was deleted or moved away: save to its old path anyway.
    SaveToOldPath,
}

/// What happened to the open file elsewhere.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskChange {
    /// Another program wrote it; it now looks like this.
    Changed(Fingerprint),
    /// It was deleted or moved away.
    Missing,
}

/// A question about the open file, waiting for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DiskConflict {
    /// The file.
    pub path: PathBuf,
    /// What happened to it.
    pub change: DiskChange,
    /// True if a save found it (and stopped without writing).
    pub on_save: bool,
}

/// The state of saving, autosaving, recovery and file watching. Most of it outlives the
/// document (carried over by New and Open); the rest is reset per document.
#[derive(Default)]
pub struct Safety {
    /// The recovery folder; `None` without a configuration folder (no autosave then).
    recovery_dir: Option<PathBuf>,
    slot: Option<Slot>,
    recoverable: Vec<Orphan>,
    show_recovery: bool,
    autosave: Option<AutosaveJob>,
    autosave_failed: bool,
    save: Option<SaveJob>,
    queued: Option<(PathBuf, Expect)>,
    waker: Option<Waker>,
    // Per document:
    /// The revision in the recovery file, if there is one.
    copied: Option<u64>,
    /// Since when the document has changes not in the recovery file.
    uncopied_since: Option<Instant>,
    /// What the file looked like when loaded or last saved.
    known: Option<Fingerprint>,
    watcher: Option<Watcher>,
    event_at: Option<Instant>,
    conflict: Option<DiskConflict>,
}

impl Safety {
    /// Fresh per-document state for a document at `path`.
    pub(super) fn for_document(path: Option<&Path>) -> Self {
        Self {
            known: path.and_then(|p| Fingerprint::read(p).ok()),
            ..Self::default()
        }
    }

    /// Takes over what outlives a document from the state of the previous one.
    pub(super) fn carry(&mut self, old: Self) {
        self.recovery_dir = old.recovery_dir;
        self.slot = old.slot;
        self.recoverable = old.recoverable;
        self.show_recovery = old.show_recovery;
        self.waker = old.waker;
        self.autosave_failed = old.autosave_failed;
    }
}

/// A document left behind, as the recovery question shows it.
pub struct RecoverableView<'a> {
    /// Its recovery id.
    pub id: &'a str,
    /// Its original file, if it had one.
    pub original: Option<&'a Path>,
    /// When the copy was written.
    pub saved_at: SystemTime,
    /// The project, or why it cannot be read.
    pub project: Result<&'a Project, &'a str>,
}

impl AppState {
    /// Uses `dir` (in the configuration folder) for recovery files, and lists the
    /// documents left there by instances that are no longer running.
    pub(super) fn set_recovery_dir(&mut self, dir: Option<PathBuf>) {
        let s = &mut self.safety;
        s.recoverable = dir.as_deref().map(recovery::orphans).unwrap_or_default();
        s.show_recovery = !s.recoverable.is_empty();
        s.slot = dir.clone().map(Slot::new);
        s.recovery_dir = dir;
    }

    /// Gives the state a way to wake the window when the file changes on disk.
    pub fn set_waker(&mut self, waker: Waker) {
        self.safety.waker = Some(waker);
        // The watcher, if any, was started without it.
        self.safety.watcher = None;
    }

    /// The documents left behind by crashed windows, while the recovery question is open.
    pub fn recoverable(&self) -> Vec<RecoverableView<'_>> {
        if !self.safety.show_recovery {
            return Vec::new();
        }
        self.safety
            .recoverable
            .iter()
            .map(|o| RecoverableView {
                id: &o.id,
                original: o.original.as_deref(),
                saved_at: o.saved_at,
                project: o.project.as_ref().map_err(String::as_str),
            })
            .collect()
    }

    /// True while the recovery question is open.
    pub fn recovery_question_open(&self) -> bool {
        self.safety.show_recovery && !self.safety.recoverable.is_empty()
    }

    /// The question about the open file changed elsewhere, if one is waiting.
    pub fn disk_conflict(&self) -> Option<&DiskConflict> {
        self.safety.conflict.as_ref()
    }

    /// The save in progress: the file and when it started.
    pub fn saving(&self) -> Option<(&Path, Instant)> {
        self.safety
            .save
            .as_ref()
            .map(|j| (j.path.as_path(), j.started))
    }

    /// True while a save runs or waits to run.
    pub fn is_saving(&self) -> bool {
        self.safety.save.is_some() || self.safety.queued.is_some()
    }

    /// The recovery file of this window's document, if it has one now.
    pub fn recovery_file(&self) -> Option<PathBuf> {
        self.safety.copied?;
        self.safety.slot.as_ref().map(Slot::data_path)
    }

    /// Starts saving to `path` in the background. A save to the document's own file
    /// first checks that nobody else changed it since it was loaded or saved.
    pub(super) fn start_save(&mut self, path: PathBuf) {
        let expect = match self.safety.known {
            Some(known) if self.path.as_deref() == Some(path.as_path()) => Expect::Unchanged(known),
            _ => Expect::Anything,
        };
        self.start_save_expecting(path, expect);
    }

    fn start_save_expecting(&mut self, path: PathBuf, expect: Expect) {
        if self.safety.save.is_some() {
            // One save at a time: this one follows with the document as it is then.
            self.safety.queued = Some((path, expect));
            return;
        }
        self.carry_avatars(&path);
        self.safety.save = Some(SaveJob::start(
            self.project.clone(),
            self.revision,
            path,
            expect,
        ));
    }

    /// Waits for the save and the recovery copy in progress (and a save queued after
    /// them) and takes in their results. Used when quitting, before the document is
    /// replaced, and by tests.
    pub fn finish_background_work(&mut self) {
        loop {
            if let Some(job) = self.safety.autosave.take() {
                let revision = job.revision;
                let outcome = job.wait();
                self.autosave_done(revision, outcome);
            }
            let Some(job) = self.safety.save.take() else {
                break;
            };
            let (path, revision) = (job.path.clone(), job.revision);
            let outcome = job
                .wait()
                .unwrap_or_else(|| SaveOutcome::Failed(t!("error-save-stopped")));
            self.save_done(path, revision, outcome);
            if let Some((path, expect)) = self.safety.queued.take() {
                self.start_save_expecting(path, expect);
            }
        }
    }

    /// Called once per frame by the window: takes in finished saves, writes a recovery
    /// copy when changes have waited [`AUTOSAVE_AFTER`] (or at once when the window
    /// loses focus), and compares the file on disk when it changed (or the window got
    /// the focus back). Returns when it wants to be called again.
    pub fn tick(&mut self, focus_lost: bool, focus_gained: bool) -> Option<Duration> {
        let now = Instant::now();
        self.poll_jobs();
        self.watch_file();
        if self
            .safety
            .watcher
            .as_ref()
            .is_some_and(Watcher::take_event)
        {
            self.safety.event_at = Some(now);
        }
        let settled = self
            .safety
            .event_at
            .is_some_and(|at| now.duration_since(at) >= SETTLE);
        if (settled || focus_gained) && self.safety.save.is_none() {
            self.safety.event_at = None;
            self.check_disk();
        }
        self.autosave(now, focus_lost);

        let mut wake: Option<Duration> = None;
        let mut soon = |d: Duration| wake = Some(wake.map_or(d, |w| w.min(d)));
        if self.safety.save.is_some() || self.safety.autosave.is_some() {
            soon(POLL);
        }
        if let Some(at) = self.safety.event_at {
            soon(SETTLE.saturating_sub(now.duration_since(at)));
        }
        if let Some(since) = self.safety.uncopied_since {
            soon(AUTOSAVE_AFTER.saturating_sub(now.duration_since(since)));
        }
        wake
    }

    fn poll_jobs(&mut self) {
        if let Some(job) = &self.safety.save {
            let outcome = job.poll().or_else(|| {
                job.died()
                    .then(|| SaveOutcome::Failed(t!("error-save-stopped")))
            });
            if let Some(outcome) = outcome {
                let (path, revision) = (job.path.clone(), job.revision);
                self.safety.save = None;
                self.save_done(path, revision, outcome);
                if let Some((path, expect)) = self.safety.queued.take() {
                    self.start_save_expecting(path, expect);
                }
            }
        }
        if let Some(job) = &self.safety.autosave {
            let outcome = job
                .poll()
                .or_else(|| job.died().then(|| Err(t!("error-save-stopped"))));
            if let Some(outcome) = outcome {
                let revision = job.revision;
                self.safety.autosave = None;
                self.autosave_done(revision, Some(outcome));
            }
        }
    }

    fn save_done(&mut self, path: PathBuf, revision: u64, outcome: SaveOutcome) {
        match outcome {
            SaveOutcome::Saved(fingerprint) => {
                if self.path.as_deref() != Some(path.as_path()) {
                    self.safety.watcher = None;
                    self.safety.conflict = None;
                }
                self.path = Some(path.clone());
                self.saved_revision = revision;
                self.safety.known = Some(fingerprint);
                if self
                    .safety
                    .conflict
                    .as_ref()
                    .is_some_and(|c| c.path == path)
                {
                    self.safety.conflict = None;
                }
                self.remember_recent(&path);
                let text = if self.is_dirty() {
                    t!("status-saved-edited-since", path = path.display())
                } else {
                    t!("status-saved", path = path.display())
                };
                self.messages.push(Message::Info(text));
            }
            SaveOutcome::Changed(now) => {
                self.safety.conflict = Some(DiskConflict {
                    path,
                    change: DiskChange::Changed(now),
                    on_save: true,
                });
            }
            SaveOutcome::Missing => {
                self.safety.conflict = Some(DiskConflict {
                    path,
                    change: DiskChange::Missing,
                    on_save: true,
                });
            }
            SaveOutcome::Failed(error) => {
                self.messages.push(Message::Error(t!(
                    "error-save-failed",
                    path = path.display(),
                    error = error
                )));
            }
        }
    }

    fn autosave_done(&mut self, revision: u64, outcome: Option<Result<(), String>>) {
        match outcome {
            Some(Ok(())) => {
                self.safety.copied = Some(revision);
                self.safety.autosave_failed = false;
            }
            Some(Err(error)) => {
                // Said once, not every few seconds; the next change tries again.
                if !self.safety.autosave_failed {
                    self.messages.push(Message::Warning(t!(
                        "warning-autosave-failed",
                        error = error
                    )));
                }
                self.safety.autosave_failed = true;
            }
            None => {}
        }
    }

    /// Starts (or restarts, after Save As) watching the document's file.
    fn watch_file(&mut self) {
        let Some(path) = &self.path else {
            self.safety.watcher = None;
            return;
        };
        if self
            .safety
            .watcher
            .as_ref()
            .is_some_and(|w| &w.path == path)
        {
            return;
        }
        // Without a watcher the file is still compared on focus and before each save.
        self.safety.watcher = Watcher::start(path, self.safety.waker.clone()).ok();
    }

    /// Compares the file on disk with the version loaded or last saved.
    pub fn check_disk(&mut self) {
        if self.safety.conflict.is_some() {
            return;
        }
        let (Some(path), Some(known)) = (&self.path, self.safety.known) else {
            return;
        };
        let change = match disk::compare(path, &known) {
            DiskState::Same(now) => {
                self.safety.known = Some(now);
                return;
            }
            DiskState::Unreadable => return,
            DiskState::Changed(now) => DiskChange::Changed(now),
            DiskState::Missing => DiskChange::Missing,
        };
        self.safety.conflict = Some(DiskConflict {
            path: path.clone(),
            change,
            on_save: false,
        });
    }

    /// Writes a recovery copy when it is due, and removes it once nothing is unsaved.
    fn autosave(&mut self, now: Instant, focus_lost: bool) {
        if self.safety.autosave.is_some() || self.safety.slot.is_none() {
            return;
        }
        if !self.is_dirty() {
            self.safety.uncopied_since = None;
            if self.safety.copied.take().is_some() {
                self.remove_copy();
            }
            return;
        }
        if self.safety.copied == Some(self.revision) {
            self.safety.uncopied_since = None;
            return;
        }
        let since = *self.safety.uncopied_since.get_or_insert(now);
        if focus_lost || now.duration_since(since) >= AUTOSAVE_AFTER {
            self.autosave_now();
        }
    }

    /// Starts writing a recovery copy of the document now.
    pub fn autosave_now(&mut self) {
        let Some(slot) = &mut self.safety.slot else {
            return;
        };
        if self.safety.autosave.is_some() {
            return;
        }
        self.safety.uncopied_since = None;
        if let Err(e) = slot.claim() {
            self.autosave_done(self.revision, Some(Err(e.to_string())));
            return;
        }
        self.safety.autosave = Some(AutosaveJob::start_copy(
            self.project.clone(),
            self.revision,
            slot.data_path(),
            self.path.clone(),
            self.safety.known,
        ));
    }

    fn remove_copy(&mut self) {
        if let Some(slot) = &self.safety.slot
            && let Err(e) = slot.remove_copy()
        {
            self.messages.push(Message::Warning(t!(
                "warning-recovery-not-removed",
                path = slot.data_path().display(),
                error = e.to_string()
            )));
        }
    }

    /// Before the document is replaced: waits for its save and copy, and removes the
    /// copy (the user saved or discarded the changes). Returns what outlives it.
    pub(super) fn end_document(&mut self) -> Safety {
        self.finish_background_work();
        if self.safety.copied.take().is_some() {
            self.remove_copy();
        }
        std::mem::take(&mut self.safety)
    }

    /// The window is closing cleanly: waits for background work, then removes this
    /// window's recovery file (saved or deliberately discarded work is not offered
    /// again).
    pub fn close(&mut self) {
        self.finish_background_work();
        self.safety.copied = None;
        if let Some(slot) = self.safety.slot.take()
            && let Err(e) = slot.close()
        {
            eprintln!("waymark: {e}");
        }
    }

    /// Carries out a decision about unsaved work or a file changed elsewhere.
    pub(super) fn apply_safety(&mut self, command: SafetyCommand) {
        match command {
            SafetyCommand::Recover(id) => self.recover(&id),
            SafetyCommand::DiscardRecovery(id) => {
                let Some(i) = self.safety.recoverable.iter().position(|o| o.id == id) else {
                    return;
                };
                let orphan = self.safety.recoverable.remove(i);
                let data = orphan.data.clone();
                if let Err(e) = orphan.discard() {
                    self.messages.push(Message::Error(t!(
                        "error-recovery-not-removed",
                        path = data.display(),
                        error = e.to_string()
                    )));
                }
                self.safety.show_recovery = !self.safety.recoverable.is_empty();
            }
            SafetyCommand::RecoverLater => {
                // Unlocked, so that another window may offer them; here they come back
                // with File > Recover unsaved work.
                self.safety.recoverable.clear();
                self.safety.show_recovery = false;
            }
            SafetyCommand::ShowRecoverable => {
                self.safety.recoverable.clear();
                if let Some(dir) = &self.safety.recovery_dir {
                    self.safety.recoverable = recovery::orphans(dir);
                }
                self.safety.show_recovery = true;
                if self.safety.recoverable.is_empty() {
                    self.safety.show_recovery = false;
                    self.messages
                        .push(Message::Info(t!("status-nothing-to-recover")));
                }
            }
            SafetyCommand::Reload => self.reload(),
            SafetyCommand::KeepMine => {
                let Some(conflict) = self.safety.conflict.take() else {
                    return;
                };
                if let DiskChange::Changed(now) = conflict.change {
                    // The version on disk is the one the next save replaces; the open
                    // one is now unsaved relative to it.
                    self.safety.known = Some(now);
                    self.saved_revision = u64::MAX;
                    self.messages.push(Message::Info(t!(
                        "status-kept-mine",
                        path = conflict.path.display()
                    )));
                }
            }
            SafetyCommand::SaveToOldPath => {
                let Some(conflict) = self.safety.conflict.take() else {
                    return;
                };
                self.start_save_expecting(conflict.path, Expect::Anything);
            }
        }
    }

    fn recover(&mut self, id: &str) {
        let Some(i) = self.safety.recoverable.iter().position(|o| o.id == id) else {
            return;
        };
        let project = match &self.safety.recoverable[i].project {
            Ok(project) => project.clone(),
            Err(e) => {
                self.messages.push(Message::Error(e.clone()));
                return;
            }
        };
        let orphan = self.safety.recoverable.remove(i);
        self.safety.show_recovery = !self.safety.recoverable.is_empty();
        let original = orphan.original.clone();
        let known = orphan.original_fingerprint;
        let name = orphan.file_name().unwrap_or_else(|| t!("untitled"));
        self.replace_document(project, original);
        if known.is_some() {
            // A file changed since the crash is noticed before it is overwritten.
            self.safety.known = known;
        }
        // Unsaved changes to the original file.
        self.saved_revision = u64::MAX;
        let adopted = match &mut self.safety.slot {
            Some(slot) => slot.adopt(orphan),
            None => Err(std::io::Error::other(t!("file-error-no-config-dir"))),
        };
        match adopted {
            Ok(()) => self.safety.copied = Some(self.revision),
            Err(e) => self.messages.push(Message::Warning(t!(
                "warning-autosave-failed",
                error = e.to_string()
            ))),
        }
        self.messages
            .push(Message::Info(t!("status-recovered", name = name)));
    }

    fn reload(&mut self) {
        let Some(path) = self.path.clone() else {
            return;
        };
        let project = match crate::io::load_file(&path) {
            Ok(project) => project,
            Err(e) => {
                self.messages.push(Message::Error(e.to_string()));
                return;
            }
        };
        if self.is_dirty() {
            // The open version is kept where recovery finds it: nothing is lost.
            let kept = match &self.safety.recovery_dir {
                Some(dir) => {
                    recovery::keep_copy(dir, &self.project, Some(&path), self.safety.known)
                }
                None => Err(t!("file-error-no-config-dir")),
            };
            match kept {
                Ok(_) => self.messages.push(Message::Info(t!(
                    "status-reloaded-kept",
                    path = path.display()
                ))),
                Err(e) => {
                    self.messages
                        .push(Message::Error(t!("error-reload-not-kept", error = e)));
                    return;
                }
            }
        } else {
            self.messages
                .push(Message::Info(t!("status-reloaded", path = path.display())));
        }
        self.replace_document(project, Some(path));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{Command, Edit};
    use crate::io::sample::sample_project;

    fn rename(state: &mut AppState, name: &str) {
        let journey = &state.project().journeys[0];
        let mut stage = journey.stages[0].clone();
        name.clone_into(&mut stage.name);
        let edit = Edit::SetStage {
            journey: journey.id,
            stage,
        };
        state.apply(
            Command::Edit {
                edit,
                gesture: None,
            },
            0.0,
        );
    }

    fn saved_state(dir: &Path) -> (AppState, PathBuf) {
        let path = dir.join("map.ron");
        crate::io::save_file(&sample_project(), &path).unwrap();
        let mut state = AppState::new(sample_project(), Some(path.clone()));
        state.set_config_dir(Some(dir.join("config")));
        (state, path)
    }

    fn errors(state: &AppState) -> Vec<&str> {
        state
            .messages
            .iter()
            .filter_map(|m| match m {
                Message::Error(e) => Some(e.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn an_edit_made_while_saving_stays_unsaved() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, path) = saved_state(dir.path());
        rename(&mut state, "First");
        state.apply(Command::Save, 0.0);
        rename(&mut state, "Second");
        state.finish_background_work();
        assert!(state.is_dirty(), "the second edit is not in the file");
        let on_disk = crate::io::load_file(&path).unwrap();
        assert_eq!(on_disk.journeys[0].stages[0].name, "First");
        state.apply(Command::Save, 0.0);
        state.finish_background_work();
        assert!(!state.is_dirty());
    }

    #[test]
    fn a_failed_save_keeps_the_old_file_and_the_changes() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, path) = saved_state(dir.path());
        let before = std::fs::read(&path).unwrap();
        // A folder where the backup goes: the save fails before touching the file.
        std::fs::create_dir(crate::io::backup_path(&path)).unwrap();
        rename(&mut state, "Lost?");
        state.apply(Command::Save, 0.0);
        state.finish_background_work();
        assert!(state.is_dirty());
        assert_eq!(std::fs::read(&path).unwrap(), before);
        let errors = errors(&state);
        assert!(
            errors.len() == 1 && errors[0].contains("map.ron") && errors[0].contains("not changed"),
            "{errors:?}"
        );
    }

    #[test]
    fn a_file_changed_elsewhere_is_not_overwritten_without_asking() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, path) = saved_state(dir.path());
        let mut theirs = sample_project();
        theirs.title = "Theirs".into();
        crate::io::save_file(&theirs, &path).unwrap();
        rename(&mut state, "Mine");
        state.apply(Command::Save, 0.0);
        state.finish_background_work();
        assert_eq!(crate::io::load_file(&path).unwrap().title, "Theirs");
        let conflict = state.disk_conflict().unwrap();
        assert!(conflict.on_save && matches!(conflict.change, DiskChange::Changed(_)));
        // Keep mine: the next save replaces their version.
        state.apply(Command::Safety(SafetyCommand::KeepMine), 0.0);
        assert!(state.disk_conflict().is_none() && state.is_dirty());
        state.apply(Command::Save, 0.0);
        state.finish_background_work();
        assert_eq!(
            crate::io::load_file(&path).unwrap().journeys[0].stages[0].name,
            "Mine"
        );
        assert!(!state.is_dirty());
    }

    #[test]
    fn reload_takes_the_file_on_disk_and_keeps_the_open_version_for_recovery() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, path) = saved_state(dir.path());
        rename(&mut state, "Mine");
        let mine = state.project().clone();
        let mut theirs = sample_project();
        theirs.title = "Theirs".into();
        crate::io::save_file(&theirs, &path).unwrap();
        state.check_disk();
        assert!(state.disk_conflict().is_some());
        state.apply(Command::Safety(SafetyCommand::Reload), 0.0);
        assert_eq!(state.project(), &theirs);
        assert!(!state.is_dirty());
        assert!(state.disk_conflict().is_none());
        state.apply(Command::Safety(SafetyCommand::ShowRecoverable), 0.0);
        let kept = state.recoverable();
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].project, Ok(&mine));
        assert_eq!(kept[0].original, Some(path.as_path()));
    }

    #[test]
    fn a_deleted_file_is_saved_to_its_old_path_only_after_asking() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, path) = saved_state(dir.path());
        std::fs::remove_file(&path).unwrap();
        rename(&mut state, "Still here");
        state.apply(Command::Save, 0.0);
        state.finish_background_work();
        assert!(!path.exists());
        assert_eq!(
            state.disk_conflict().map(|c| c.change),
            Some(DiskChange::Missing)
        );
        state.apply(Command::Safety(SafetyCommand::SaveToOldPath), 0.0);
        state.finish_background_work();
        assert_eq!(
            crate::io::load_file(&path).unwrap().journeys[0].stages[0].name,
            "Still here"
        );
        assert!(!state.is_dirty());
    }

    #[test]
    fn closing_waits_for_the_save_in_progress() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, path) = saved_state(dir.path());
        rename(&mut state, "Written before closing");
        state.apply(Command::Save, 0.0);
        state.close();
        assert!(!state.is_saving() && !state.is_dirty());
        assert_eq!(
            crate::io::load_file(&path).unwrap().journeys[0].stages[0].name,
            "Written before closing"
        );
    }

    #[test]
    fn a_change_is_copied_within_the_autosave_delay_not_before() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, _) = saved_state(dir.path());
        assert_eq!(state.tick(false, false), None, "nothing to do when clean");
        rename(&mut state, "Changed");
        let wake = state.tick(false, false).unwrap();
        assert!(wake <= AUTOSAVE_AFTER && wake > Duration::ZERO, "{wake:?}");
        assert!(state.safety.autosave.is_none(), "copied too early");
        // Due: the copy starts (here by setting the clock back).
        state.safety.uncopied_since = Some(Instant::now().checked_sub(AUTOSAVE_AFTER).unwrap());
        state.tick(false, false);
        state.finish_background_work();
        assert!(state.recovery_file().is_some_and(|p| p.is_file()));
        // Undoing back to the saved state removes the copy.
        state.apply(Command::Undo, 0.0);
        state.tick(false, false);
        assert!(state.recovery_file().is_none());
        assert_eq!(
            std::fs::read_dir(dir.path().join("config/recovery"))
                .unwrap()
                .filter(|e| e.as_ref().unwrap().path().extension().unwrap() == "ron")
                .count(),
            0
        );
    }

    #[test]
    fn unsaved_changes_are_copied_and_recovered_after_a_crash() {
        let dir = tempfile::tempdir().unwrap();
        let (mut state, path) = saved_state(dir.path());
        rename(&mut state, "Unsaved");
        let edited = state.project().clone();
        // Losing the focus writes the copy at once.
        assert!(state.tick(true, false).is_some());
        state.finish_background_work();
        let copy = state.recovery_file().unwrap();
        assert!(copy.starts_with(dir.path().join("config/recovery")));
        // A second window sees nothing to recover while this one runs.
        let mut other = AppState::new(sample_project(), None);
        other.set_config_dir(Some(dir.path().join("config")));
        assert!(other.recoverable().is_empty());
        // The crash.
        drop(state);
        let mut next = AppState::new(sample_project(), None);
        next.set_config_dir(Some(dir.path().join("config")));
        let offered = next.recoverable();
        assert_eq!(offered.len(), 1);
        let id = offered[0].id.to_owned();
        next.apply(Command::Safety(SafetyCommand::Recover(id)), 0.0);
        assert_eq!(next.project(), &edited);
        assert_eq!(next.path.as_deref(), Some(path.as_path()));
        assert!(next.is_dirty());
        assert!(!next.recovery_question_open());
        // Saving removes the copy at the next tick; a clean close leaves nothing.
        next.apply(Command::Save, 0.0);
        next.finish_background_work();
        next.tick(false, false);
        assert!(next.recovery_file().is_none());
        next.close();
        other.close();
        let left: Vec<_> = std::fs::read_dir(dir.path().join("config/recovery"))
            .unwrap()
            .collect();
        assert!(left.is_empty(), "{left:?}");
    }
}
