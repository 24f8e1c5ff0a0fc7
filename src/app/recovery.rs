//! Recovery files: while a document has unsaved changes, a copy of it is kept in the
//! `recovery` folder of Waymark's configuration folder (never beside, or over, the
//! user's own file), so that a crash, a power cut or a kill loses a few seconds of work
//! at most.
//!
//! Each running document has a [`Slot`]: its own file `<id>.ron` and a lock file
//! `<id>.lock` that it holds locked while it runs (the operating system releases the
//! lock when the process ends, however it ends). The id joins the process id, the start
//! time and a counter, so that windows and instances never share a file. At start-up,
//! [`orphans`] lists the recovery files whose lock nobody holds: documents of instances
//! that are gone without closing cleanly. A clean close removes both files.

use std::fs::File;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

use super::disk::Fingerprint;
use crate::model::Project;

/// A change is in the recovery file at most this long after it is made (plus the time
/// the write takes).
pub const AUTOSAVE_AFTER: Duration = Duration::from_secs(5);

/// The version of the recovery file's own wrapper (the project inside has its own
/// `format_version` and is migrated like any project file).
const RECORD_VERSION: u32 = 1;

/// Recovery files larger than this are not read (a project file has the same limit).
const MAX_RECORD_SIZE: u64 = 2 * crate::io::MAX_FILE_SIZE;

static NEXT_SLOT: AtomicU64 = AtomicU64::new(0);

/// What a recovery file holds: the document and where it came from.
#[derive(Clone, Debug, Serialize, Deserialize)]
struct Record {
    recovery_version: u32,
    /// The project file the document belongs to; `None` for a document never saved.
    original: Option<PathBuf>,
    /// What the original file looked like when the document was loaded or last saved,
    /// so that a file changed since is noticed before it is overwritten.
    original_fingerprint: Option<Fingerprint>,
    /// When the copy was written, in seconds since 1970.
    saved_at: u64,
    /// The project, as the text of a project file.
    project: String,
}

/// The folder recovery files are kept in, inside the configuration folder.
pub fn folder(config_dir: &Path) -> PathBuf {
    config_dir.join("recovery")
}

/// One running document's place in the recovery folder.
#[derive(Debug)]
pub struct Slot {
    dir: PathBuf,
    id: String,
    /// The lock file, held locked once the first copy is written.
    lock: Option<File>,
}

impl Slot {
    /// A new slot in `dir` with an id no other window or instance has.
    pub fn new(dir: PathBuf) -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let n = NEXT_SLOT.fetch_add(1, Ordering::Relaxed);
        Self {
            dir,
            id: format!("{}-{nanos:x}-{n}", std::process::id()),
            lock: None,
        }
    }

    /// The slot's id (the name of its files without extension).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The recovery file of this slot.
    pub fn data_path(&self) -> PathBuf {
        self.dir.join(format!("{}.ron", self.id))
    }

    fn lock_path(&self) -> PathBuf {
        self.dir.join(format!("{}.lock", self.id))
    }

    /// Creates the folder and takes the slot's lock, once; call before writing a copy.
    pub fn claim(&mut self) -> std::io::Result<()> {
        if self.lock.is_some() {
            return Ok(());
        }
        std::fs::create_dir_all(&self.dir)?;
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(self.lock_path())?;
        match file.try_lock() {
            Ok(()) => {}
            // Some file systems cannot lock: the id alone still keeps the files apart.
            Err(std::fs::TryLockError::Error(e)) if e.kind() == ErrorKind::Unsupported => {}
            Err(std::fs::TryLockError::Error(e)) => return Err(e),
            Err(std::fs::TryLockError::WouldBlock) => {
                return Err(std::io::Error::other(crate::t!("recovery-slot-in-use")));
            }
        }
        self.lock = Some(file);
        Ok(())
    }

    /// True if the slot's recovery file exists.
    pub fn has_copy(&self) -> bool {
        self.data_path().exists()
    }

    /// Removes the slot's recovery file (the document was saved, or its changes were
    /// discarded); the slot stays claimed.
    pub fn remove_copy(&self) -> std::io::Result<()> {
        remove_if_there(&self.data_path())
    }

    /// Takes over an orphan's recovery file: it becomes this slot's, so this instance
    /// keeps it up to date and removes it when done.
    pub fn adopt(&mut self, orphan: Orphan) -> std::io::Result<()> {
        self.claim()?;
        std::fs::rename(&orphan.data, self.data_path())?;
        orphan.discard_lock();
        Ok(())
    }

    /// Removes the slot's files: the document was closed cleanly.
    pub fn close(mut self) -> std::io::Result<()> {
        self.remove_copy()?;
        if let Some(lock) = self.lock.take() {
            drop(lock);
            remove_if_there(&self.lock_path())?;
        }
        Ok(())
    }
}

fn remove_if_there(path: &Path) -> std::io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Writes a copy of `project` to `path` (a slot's data file) atomically.
pub fn write_copy(
    path: &Path,
    project: &Project,
    original: Option<&Path>,
    original_fingerprint: Option<Fingerprint>,
) -> Result<(), String> {
    let text = crate::io::to_ron_string(project).map_err(|e| e.to_string())?;
    let saved_at = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let record = Record {
        recovery_version: RECORD_VERSION,
        original: original.map(Path::to_path_buf),
        original_fingerprint,
        saved_at,
        project: text,
    };
    let text = ron::ser::to_string(&record).map_err(|e| e.to_string())?;
    crate::io::atomic_write(path, text.as_bytes()).map_err(|e| e.to_string())
}

/// A document left behind by an instance that is no longer running. While it is
/// listed, its lock is held, so that no other instance offers it at the same time.
#[derive(Debug)]
pub struct Orphan {
    /// The id of the instance that wrote it.
    pub id: String,
    /// The recovery file.
    pub data: PathBuf,
    /// The project file the document belongs to; `None` for a document never saved.
    pub original: Option<PathBuf>,
    /// What the original looked like when the document was last loaded or saved.
    pub original_fingerprint: Option<Fingerprint>,
    /// When the copy was written.
    pub saved_at: SystemTime,
    /// The document, or why it cannot be read (it can then only be discarded).
    pub project: Result<Project, String>,
    lock: Option<(File, PathBuf)>,
}

impl Orphan {
    /// Deletes the recovery file and its lock file.
    pub fn discard(self) -> std::io::Result<()> {
        remove_if_there(&self.data)?;
        self.discard_lock();
        Ok(())
    }

    fn discard_lock(self) {
        if let Some((file, path)) = self.lock {
            drop(file);
            // A lock file left behind is harmless: the next listing removes it.
            if let Err(e) = remove_if_there(&path) {
                eprintln!(
                    "waymark: {}",
                    crate::t!(
                        "warning-recovery-not-removed",
                        path = path.display(),
                        error = e.to_string()
                    )
                );
            }
        }
    }

    /// The name shown for it: the original file's name, or `None` if it has none.
    pub fn file_name(&self) -> Option<String> {
        self.original
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
    }
}

/// Whether the instance owning a lock file is still running: it holds the lock.
enum Owner {
    /// Nobody holds the lock: here it is, held by us now.
    Gone(File),
    /// A running instance holds it.
    Running,
    /// No lock file (a copy kept on purpose, or the lock was never taken).
    None,
}

fn owner(lock_path: &Path) -> Owner {
    let file = match File::options().write(true).open(lock_path) {
        Ok(file) => file,
        Err(e) if e.kind() == ErrorKind::NotFound => return Owner::None,
        // A lock file we cannot open is someone else's business: leave it.
        Err(_) => return Owner::Running,
    };
    match file.try_lock() {
        Err(std::fs::TryLockError::WouldBlock) => Owner::Running,
        // Without locks (an error here), work is better offered twice than lost.
        Ok(()) | Err(std::fs::TryLockError::Error(_)) => Owner::Gone(file),
    }
}

/// The recovery files in `dir` that no running instance owns, oldest first. Stale lock
/// files (of instances that ended with nothing to recover) are removed on the way.
pub fn orphans(dir: &Path) -> Vec<Orphan> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut found = Vec::new();
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for path in paths {
        let (Some(stem), Some(ext)) = (path.file_stem(), path.extension()) else {
            continue;
        };
        let stem = stem.to_string_lossy().into_owned();
        // Temporary files of a write in progress start with a dot.
        if stem.starts_with('.') {
            continue;
        }
        let lock_path = dir.join(format!("{stem}.lock"));
        if ext == "lock" {
            if !dir.join(format!("{stem}.ron")).exists()
                && let Owner::Gone(file) = owner(&path)
            {
                drop(file);
                if let Err(e) = remove_if_there(&path) {
                    eprintln!(
                        "waymark: {}",
                        crate::t!(
                            "warning-recovery-not-removed",
                            path = path.display(),
                            error = e.to_string()
                        )
                    );
                }
            }
            continue;
        }
        if ext != "ron" {
            continue;
        }
        let lock = match owner(&lock_path) {
            Owner::Running => continue,
            Owner::Gone(file) => Some((file, lock_path)),
            Owner::None => None,
        };
        found.push(read_orphan(&path, stem, lock));
    }
    found.sort_by_key(|o| o.saved_at);
    found
}

fn read_orphan(path: &Path, id: String, lock: Option<(File, PathBuf)>) -> Orphan {
    let mut orphan = Orphan {
        id,
        data: path.to_owned(),
        original: None,
        original_fingerprint: None,
        saved_at: std::fs::metadata(path)
            .and_then(|m| m.modified())
            .unwrap_or(UNIX_EPOCH),
        project: Err(String::new()),
        lock,
    };
    let record = match read_record(path) {
        Ok(record) => record,
        Err(e) => {
            orphan.project = Err(e);
            return orphan;
        }
    };
    orphan.original = record.original;
    orphan.original_fingerprint = record.original_fingerprint;
    orphan.saved_at = UNIX_EPOCH + Duration::from_secs(record.saved_at);
    orphan.project = crate::io::from_ron_str(&record.project, path).map_err(|e| e.to_string());
    orphan
}

fn read_record(path: &Path) -> Result<Record, String> {
    let meta = std::fs::metadata(path).map_err(|e| e.to_string())?;
    if meta.len() > MAX_RECORD_SIZE {
        return Err(crate::t!(
            "recovery-too-large",
            path = path.display(),
            size = meta.len()
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| e.to_string())?;
    let record: Record = ron::from_str(&text).map_err(|e| e.to_string())?;
    if record.recovery_version > RECORD_VERSION {
        return Err(crate::t!("recovery-newer", path = path.display()));
    }
    Ok(record)
}

/// Keeps a copy of `project` as a recovery file no instance owns (the user's version,
/// when they reload a file changed elsewhere): it is offered for recovery like the copy
/// of a crashed window. Returns the file written.
pub fn keep_copy(
    dir: &Path,
    project: &Project,
    original: Option<&Path>,
    original_fingerprint: Option<Fingerprint>,
) -> Result<PathBuf, String> {
    std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
    let slot = Slot::new(dir.to_owned());
    let path = slot.data_path();
    write_copy(&path, project, original, original_fingerprint)?;
    Ok(path)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_project;

    fn write(slot: &mut Slot, project: &Project, original: Option<&Path>) {
        slot.claim().unwrap();
        write_copy(&slot.data_path(), project, original, None).unwrap();
    }

    #[test]
    fn slots_have_their_own_files() {
        let dir = tempfile::tempdir().unwrap();
        let a = Slot::new(dir.path().to_owned());
        let b = Slot::new(dir.path().to_owned());
        assert_ne!(a.data_path(), b.data_path());
        assert!(a.id().starts_with(&format!("{}-", std::process::id())));
        assert_eq!(a.data_path().extension().unwrap(), "ron");
    }

    #[test]
    fn a_running_documents_copy_is_not_offered_and_a_gone_ones_is() {
        let dir = tempfile::tempdir().unwrap();
        let mut running = Slot::new(dir.path().to_owned());
        let mut project = sample_project();
        project.title = "Running".into();
        write(&mut running, &project, None);
        let mut crashed = Slot::new(dir.path().to_owned());
        let original = dir.path().join("map.ron");
        project.title = "Crashed".into();
        write(&mut crashed, &project, Some(&original));
        // A crash: the lock is released, the copy stays.
        drop(crashed);
        let found = orphans(dir.path());
        assert_eq!(found.len(), 1, "{found:?}");
        let orphan = &found[0];
        assert_eq!(orphan.original.as_deref(), Some(original.as_path()));
        assert_eq!(orphan.file_name().as_deref(), Some("map.ron"));
        assert_eq!(orphan.project.as_ref().unwrap().title, "Crashed");
        // While listed here, another instance does not offer it too.
        assert!(orphans(dir.path()).is_empty());
        drop(found);
        assert_eq!(orphans(dir.path()).len(), 1);
        running.close().unwrap();
    }

    #[test]
    fn a_clean_close_leaves_nothing_and_stale_locks_are_swept() {
        let dir = tempfile::tempdir().unwrap();
        let mut slot = Slot::new(dir.path().to_owned());
        write(&mut slot, &sample_project(), None);
        assert!(slot.has_copy());
        slot.remove_copy().unwrap();
        assert!(!slot.has_copy());
        slot.close().unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
        // An instance that ended with nothing to recover leaves a lock file only.
        let mut stale = Slot::new(dir.path().to_owned());
        stale.claim().unwrap();
        drop(stale);
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        assert!(orphans(dir.path()).is_empty());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn adopting_and_discarding_orphans() {
        let dir = tempfile::tempdir().unwrap();
        for title in ["One", "Two"] {
            let mut slot = Slot::new(dir.path().to_owned());
            let mut project = sample_project();
            project.title = title.into();
            write(&mut slot, &project, None);
        }
        let mut found = orphans(dir.path());
        assert_eq!(found.len(), 2);
        let mut mine = Slot::new(dir.path().to_owned());
        mine.adopt(found.remove(0)).unwrap();
        assert!(mine.has_copy());
        found.remove(0).discard().unwrap();
        // Only this instance's own file and lock are left, and nothing is offered.
        assert!(orphans(dir.path()).is_empty());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
        mine.close().unwrap();
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
    }

    #[test]
    fn damaged_and_kept_copies_are_listed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("junk.ron"), "(not a record").unwrap();
        std::fs::write(dir.path().join(".junk.ron.1.2.tmp"), "partial").unwrap();
        let kept = keep_copy(dir.path(), &sample_project(), None, None).unwrap();
        let found = orphans(dir.path());
        assert_eq!(found.len(), 2, "{found:?}");
        let damaged = found.iter().find(|o| o.id == "junk").unwrap();
        assert!(damaged.project.is_err());
        let good = found.iter().find(|o| o.data == kept).unwrap();
        assert_eq!(good.project.as_ref().unwrap(), &sample_project());
    }
}
