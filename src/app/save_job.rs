//! Saving and autosaving on background threads, so the window stays responsive while a
//! large project is written (and flushed to disk). A job owns a snapshot of the project
//! and the revision it had: edits made while it runs keep the document unsaved.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, TryRecvError};
use std::thread::JoinHandle;
use std::time::Instant;

use super::disk::{self, DiskState, Fingerprint};
use crate::model::Project;
use crate::t;

/// What a save may find on disk before it writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expect {
    /// The file must still be the version Waymark loaded or last saved; otherwise the
    /// save stops and asks.
    Unchanged(Fingerprint),
    /// Whatever is there may be replaced (a new file, or the user said so).
    Anything,
}

/// How a save ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveOutcome {
    /// Written; the file now looks like this.
    Saved(Fingerprint),
    /// Nothing written: the file was changed by another program since it was loaded;
    /// it now looks like this.
    Changed(Fingerprint),
    /// Nothing written: the file was deleted or moved away since it was loaded.
    Missing,
    /// Nothing written, or the write failed: the previous file is intact. The message
    /// names the file and the reason.
    Failed(String),
}

/// A save (or an autosave) in progress.
pub struct Job<T> {
    /// Where it writes.
    pub path: PathBuf,
    /// The revision of the document being written.
    pub revision: u64,
    /// When it started, for the status line.
    pub started: Instant,
    receiver: Receiver<T>,
    handle: Option<JoinHandle<()>>,
}

/// A save to the project file.
pub type SaveJob = Job<SaveOutcome>;

/// A write of a recovery copy; `Err` says why it failed.
pub type AutosaveJob = Job<Result<(), String>>;

impl<T: Send + 'static> Job<T> {
    fn spawn(
        name: &str,
        path: PathBuf,
        revision: u64,
        work: impl FnOnce() -> T + Send + 'static,
        on_error: impl FnOnce(std::io::Error) -> T,
    ) -> Self {
        let (sender, receiver) = std::sync::mpsc::channel();
        let spawned = std::thread::Builder::new().name(name.to_owned()).spawn({
            let sender = sender.clone();
            move || {
                // The receiver is gone only if the state was dropped mid-write.
                if sender.send(work()).is_err() {
                    eprintln!("waymark: {}", t!("background-write-orphaned"));
                }
            }
        });
        let handle = match spawned {
            Ok(handle) => Some(handle),
            Err(e) => {
                // Unreachable while `receiver` lives; reported through the job anyway.
                if sender.send(on_error(e)).is_err() {
                    eprintln!("waymark: {}", t!("background-write-not-started"));
                }
                None
            }
        };
        Self {
            path,
            revision,
            started: Instant::now(),
            receiver,
            handle,
        }
    }

    /// The outcome, once the job has finished.
    pub fn poll(&self) -> Option<T> {
        self.receiver.try_recv().ok()
    }

    /// Waits for the job to finish and returns its outcome (`None` if its thread died).
    pub fn wait(mut self) -> Option<T> {
        if let Some(handle) = self.handle.take()
            && handle.join().is_err()
        {
            eprintln!("waymark: {}", t!("error-save-stopped"));
        }
        self.receiver.try_recv().ok()
    }

    /// True if the job's thread has ended without a result (it panicked).
    pub fn died(&self) -> bool {
        self.handle.as_ref().is_some_and(JoinHandle::is_finished)
            && matches!(self.receiver.try_recv(), Err(TryRecvError::Disconnected))
    }
}

impl SaveJob {
    /// Starts saving `project` (at `revision`) to `path`.
    pub fn start(project: Project, revision: u64, path: PathBuf, expect: Expect) -> Self {
        let target = path.clone();
        Self::spawn(
            "waymark-save",
            path,
            revision,
            move || save(&project, &target, expect),
            |e| SaveOutcome::Failed(e.to_string()),
        )
    }
}

impl AutosaveJob {
    /// Starts writing a recovery copy of `project` (at `revision`) to `path`.
    pub fn start_copy(
        project: Project,
        revision: u64,
        path: PathBuf,
        original: Option<PathBuf>,
        original_fingerprint: Option<Fingerprint>,
    ) -> Self {
        let target = path.clone();
        Self::spawn(
            "waymark-autosave",
            path,
            revision,
            move || {
                super::recovery::write_copy(
                    &target,
                    &project,
                    original.as_deref(),
                    original_fingerprint,
                )
            },
            |e| Err(e.to_string()),
        )
    }
}

/// Checks the file, then saves (with the backup of the previous version) and returns
/// the new file's fingerprint.
fn save(project: &Project, path: &Path, expect: Expect) -> SaveOutcome {
    if let Expect::Unchanged(known) = expect {
        match disk::compare(path, &known) {
            DiskState::Same(_) | DiskState::Unreadable => {}
            DiskState::Changed(now) => return SaveOutcome::Changed(now),
            DiskState::Missing => return SaveOutcome::Missing,
        }
    }
    if let Err(e) = crate::io::save_file(project, path) {
        return SaveOutcome::Failed(e.to_string());
    }
    // The file as written. A failure to read it back does not undo the save.
    match Fingerprint::read(path) {
        Ok(fingerprint) => SaveOutcome::Saved(fingerprint),
        Err(e) => SaveOutcome::Failed(t!(
            "error-saved-unchecked",
            path = path.display(),
            error = e.to_string()
        )),
    }
}
