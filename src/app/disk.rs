//! Noticing that the open file was changed by another program (a `git pull`, a synced
//! folder, a second Waymark): what the file looked like when it was loaded or saved (its
//! [`Fingerprint`]), a comparison with what is on disk now, and a watcher that says when
//! to compare.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::UNIX_EPOCH;

use notify::Watcher as _;
use serde::{Deserialize, Serialize};

/// What a file looked like: its size, modification time and a hash of its bytes. Size
/// and time are compared first (cheap); the hash decides when they differ, so a file
/// that was only touched, or rewritten with the same bytes, is not "changed".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprint {
    /// Size in bytes.
    pub len: u64,
    /// Modification time as seconds and nanoseconds since 1970, where the platform has it.
    pub modified: Option<(u64, u32)>,
    /// A hash of the bytes (not cryptographic: it tells versions apart, nothing more).
    pub hash: u64,
}

impl Fingerprint {
    /// The fingerprint of `bytes` read from (or just written to) a file with `meta`.
    pub fn of(bytes: &[u8], meta: &std::fs::Metadata) -> Self {
        Self {
            len: bytes.len() as u64,
            modified: modified(meta),
            hash: hash_bytes(bytes),
        }
    }

    /// The fingerprint of the file at `path` now.
    pub fn read(path: &Path) -> std::io::Result<Self> {
        let bytes = std::fs::read(path)?;
        let meta = std::fs::metadata(path)?;
        Ok(Self::of(&bytes, &meta))
    }
}

fn modified(meta: &std::fs::Metadata) -> Option<(u64, u32)> {
    let since = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((since.as_secs(), since.subsec_nanos()))
}

/// The hash used in fingerprints: 64-bit FNV-1a, the same in every run and on every
/// machine (fast enough: a 5 MB project hashes in a few milliseconds).
fn hash_bytes(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// How the file on disk compares with the version Waymark knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskState {
    /// The same bytes (possibly with a new modification time: see the fingerprint).
    Same(Fingerprint),
    /// Other bytes: another program wrote the file.
    Changed(Fingerprint),
    /// There is no file there any more (deleted, or moved away).
    Missing,
    /// The file could not be read (permissions, a folder in its place...).
    Unreadable,
}

/// Compares the file at `path` with `known`. Reads the whole file only when its size or
/// modification time differ.
pub fn compare(path: &Path, known: &Fingerprint) -> DiskState {
    let meta = match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return DiskState::Missing,
        Ok(_) | Err(_) => return DiskState::Unreadable,
    };
    if meta.len() == known.len && modified(&meta) == known.modified && known.modified.is_some() {
        return DiskState::Same(*known);
    }
    match Fingerprint::read(path) {
        Ok(now) if now.hash == known.hash && now.len == known.len => DiskState::Same(now),
        Ok(now) => DiskState::Changed(now),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => DiskState::Missing,
        Err(_) => DiskState::Unreadable,
    }
}

/// Watches the folder of the open file and raises a flag when something happens to the
/// file (written, replaced by a rename, deleted, moved away). The folder is watched, not
/// the file, because editors and `git` replace a file by renaming another over it.
pub struct Watcher {
    _notify: notify::RecommendedWatcher,
    /// The file watched.
    pub path: PathBuf,
    flag: Arc<AtomicBool>,
}

/// Called by the watcher's thread when the file changed, to wake the window up.
pub type Waker = Arc<dyn Fn() + Send + Sync>;

impl Watcher {
    /// Starts watching `path`; `wake` is called (from another thread) on each event.
    pub fn start(path: &Path, wake: Option<Waker>) -> notify::Result<Self> {
        let flag = Arc::new(AtomicBool::new(false));
        let raised = Arc::clone(&flag);
        let name = path.file_name().map(std::ffi::OsStr::to_os_string);
        let mut watcher =
            notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
                let ours = match &event {
                    Ok(event) => event
                        .paths
                        .iter()
                        .any(|p| p.file_name().map(std::ffi::OsStr::to_os_string) == name),
                    // A lost or failed event may have been ours: compare to be sure.
                    Err(_) => true,
                };
                if ours {
                    raised.store(true, Ordering::SeqCst);
                    if let Some(wake) = &wake {
                        wake();
                    }
                }
            })?;
        let folder = match path.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
            _ => PathBuf::from("."),
        };
        watcher.watch(&folder, notify::RecursiveMode::NonRecursive)?;
        Ok(Self {
            _notify: watcher,
            path: path.to_owned(),
            flag,
        })
    }

    /// True (once) if something happened to the file since the last call.
    pub fn take_event(&self) -> bool {
        self.flag.swap(false, Ordering::SeqCst)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_rewritten_with_other_bytes_is_changed_and_a_touched_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        std::fs::write(&path, b"one").unwrap();
        let known = Fingerprint::read(&path).unwrap();
        assert_eq!(compare(&path, &known), DiskState::Same(known));
        // Same bytes, new time: the same version.
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(std::time::SystemTime::now() + std::time::Duration::from_secs(5))
            .unwrap();
        assert!(matches!(compare(&path, &known), DiskState::Same(_)));
        // Same size, other bytes.
        std::fs::write(&path, b"two").unwrap();
        assert!(matches!(compare(&path, &known), DiskState::Changed(f) if f.hash != known.hash));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(compare(&path, &known), DiskState::Missing);
        std::fs::create_dir(&path).unwrap();
        assert_eq!(compare(&path, &known), DiskState::Unreadable);
    }

    #[test]
    fn the_watcher_sees_a_rename_over_the_file_but_not_its_neighbours() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        std::fs::write(&path, b"one").unwrap();
        let watcher = Watcher::start(&path, None).unwrap();
        std::fs::write(dir.path().join("other.ron"), b"x").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(200));
        assert!(
            !watcher.take_event(),
            "another file is none of our business"
        );
        crate::io::atomic_write(&path, b"two").unwrap();
        let start = std::time::Instant::now();
        while !watcher.take_event() {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(5),
                "no event for a file replaced by a rename"
            );
            std::thread::sleep(std::time::Duration::from_millis(20));
        }
    }
}
