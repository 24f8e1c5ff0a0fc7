//! The one way Waymark writes a file: to a temporary file in the same folder, flushed
//! to disk, then renamed over the target. A crash, a full disk or a failed write never
//! leaves a truncated file in place of the previous one.

use std::fs::{File, OpenOptions};
use std::io::{BufWriter, ErrorKind};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Why a file could not be written. The previous file, if any, is intact and no
/// temporary file is left behind (unless removing it failed too, which is reported on
/// stderr).
#[derive(Debug, thiserror::Error)]
#[error("{}", crate::t!("err-write", path = path.display(), step = super::error::step_text(step), error = source.to_string()))]
pub struct AtomicWriteError {
    /// The target file.
    pub path: PathBuf,
    /// The step that failed, e.g. "writing the temporary file".
    pub step: &'static str,
    /// The underlying error.
    pub source: std::io::Error,
}

/// Distinguishes temporary files of concurrent writes from one process (a background
/// export and a save may write into the same folder at once).
static NEXT_TEMP: AtomicU64 = AtomicU64::new(0);

/// How many temporary names to try before giving up; only stale leftovers of a crashed
/// process with the same id can collide.
const TEMP_ATTEMPTS: u32 = 64;

/// Writes `bytes` to `path` atomically: a uniquely named temporary file in the same
/// folder is written, flushed to disk (`sync_all`) and renamed over `path`; on unix
/// the folder is then flushed too, so the rename itself survives a power cut. An
/// existing file's permissions are kept. On error the previous file is untouched and
/// the temporary file removed.
pub fn atomic_write(path: &Path, bytes: &[u8]) -> Result<(), AtomicWriteError> {
    atomic_write_with(path, |out| {
        out.write_all(bytes).map_err(|source| AtomicWriteError {
            path: path.to_owned(),
            step: "writing the temporary file",
            source,
        })
    })
}

/// Writes `path` atomically, as [`atomic_write`] does, with the contents that `write`
/// produces into a buffered writer on the temporary file: a large file (a poster-sized
/// PNG) is never held in memory whole. If `write` fails, the previous file is untouched
/// and the temporary file removed; a failure to write to the temporary file is reported
/// as such (an [`AtomicWriteError`]), whatever error `write` made of it.
pub fn atomic_write_with<T, E: From<AtomicWriteError>>(
    path: &Path,
    write: impl FnOnce(&mut dyn std::io::Write) -> Result<T, E>,
) -> Result<T, E> {
    let err = |step, source| AtomicWriteError {
        path: path.to_owned(),
        step,
        source,
    };
    let Some(file_name) = path.file_name() else {
        return Err(err(
            "naming the file",
            std::io::Error::new(ErrorKind::InvalidInput, "the path has no file name"),
        )
        .into());
    };
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let (tmp, file) = create_temp(&dir, &file_name.to_string_lossy())
        .map_err(|e| err("creating a temporary file", e))?;

    let mut out = Recording {
        inner: BufWriter::with_capacity(WRITE_BUFFER, file),
        error: None,
    };
    let result = match write(&mut out) {
        Ok(value) => match out.inner.into_inner() {
            Ok(file) => finish(file, &tmp, path, &err)
                .map(|()| value)
                .map_err(E::from),
            Err(e) => Err(err("writing the temporary file", e.into_error()).into()),
        },
        Err(e) => Err(match out.error.take() {
            Some(source) => err("writing the temporary file", source).into(),
            None => e,
        }),
    };
    if result.is_err() {
        // The write already failed and that error is what the caller needs; a leftover
        // hidden temporary file is harmless, so a failure to remove it is only noted.
        match std::fs::remove_file(&tmp) {
            Ok(()) => {}
            Err(e) if e.kind() == ErrorKind::NotFound => {}
            Err(e) => eprintln!("waymark: could not remove {}: {e}", tmp.display()),
        }
        return result;
    }
    sync_dir(&dir).map_err(|e| err("flushing the folder to disk (the file was replaced)", e))?;
    result
}

/// Size of the buffer in front of the temporary file.
const WRITE_BUFFER: usize = 1 << 16;

/// A writer that remembers its first error, so that it can be reported as a write
/// error even when the code writing turned it into an error of its own.
struct Recording<W> {
    inner: W,
    error: Option<std::io::Error>,
}

impl<W: std::io::Write> Recording<W> {
    fn record<T>(&mut self, result: std::io::Result<T>) -> std::io::Result<T> {
        if let Err(e) = &result
            && self.error.is_none()
        {
            self.error = Some(std::io::Error::new(e.kind(), e.to_string()));
        }
        result
    }
}

impl<W: std::io::Write> std::io::Write for Recording<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let result = self.inner.write(buf);
        self.record(result)
    }

    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        let result = self.inner.write_all(buf);
        self.record(result)
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let result = self.inner.flush();
        self.record(result)
    }
}

/// Creates a new, empty temporary file beside the target, never reusing an existing
/// name.
fn create_temp(dir: &Path, file_name: &str) -> std::io::Result<(PathBuf, File)> {
    let mut last = None;
    for _ in 0..TEMP_ATTEMPTS {
        let n = NEXT_TEMP.fetch_add(1, Ordering::Relaxed);
        let tmp = dir.join(format!(".{file_name}.{}.{n}.tmp", std::process::id()));
        match OpenOptions::new().write(true).create_new(true).open(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| std::io::Error::other("no free temporary file name")))
}

/// Keeps the existing file's permissions, flushes the written temporary file to disk
/// and renames it over `path`.
fn finish(
    file: File,
    tmp: &Path,
    path: &Path,
    err: &impl Fn(&'static str, std::io::Error) -> AtomicWriteError,
) -> Result<(), AtomicWriteError> {
    match std::fs::metadata(path) {
        Ok(meta) => file
            .set_permissions(meta.permissions())
            .map_err(|e| err("keeping the existing file's permissions", e))?,
        Err(e) if e.kind() == ErrorKind::NotFound => {}
        Err(e) => return Err(err("reading the existing file's permissions", e)),
    }
    file.sync_all()
        .map_err(|e| err("flushing the temporary file to disk", e))?;
    drop(file);
    std::fs::rename(tmp, path).map_err(|e| err("replacing the file", e))
}

/// Flushes a folder's entries (the rename) to disk. Only unix can open a folder as a
/// file; some file systems refuse to sync one, which is no error of ours.
#[cfg(unix)]
fn sync_dir(dir: &Path) -> std::io::Result<()> {
    match File::open(dir).and_then(|d| d.sync_all()) {
        Err(e) if matches!(e.kind(), ErrorKind::InvalidInput | ErrorKind::Unsupported) => Ok(()),
        other => other,
    }
}

#[cfg(not(unix))]
#[expect(
    clippy::unnecessary_wraps,
    reason = "same signature as the unix version"
)]
fn sync_dir(_dir: &Path) -> std::io::Result<()> {
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn writes_then_reads_back_and_replaces() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.ron");
        atomic_write(&path, b"first\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"first\n");
        atomic_write(&path, b"second, longer\n").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"second, longer\n");
        atomic_write(&path, b"").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"");
        assert_eq!(names(dir.path()), ["map.ron"]);
    }

    #[test]
    fn a_streamed_write_writes_what_it_is_given_and_returns_its_value() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.png");
        atomic_write(&path, b"old").unwrap();
        let n = atomic_write_with(&path, |out| -> Result<usize, AtomicWriteError> {
            for chunk in [&b"band one, "[..], b"band two"] {
                out.write_all(chunk).unwrap();
            }
            Ok(2)
        })
        .unwrap();
        assert_eq!(n, 2);
        assert_eq!(std::fs::read(&path).unwrap(), b"band one, band two");
        assert_eq!(names(dir.path()), ["map.png"]);
    }

    #[test]
    fn a_streamed_write_that_fails_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("map.png");
        atomic_write(&path, b"old").unwrap();
        let e = atomic_write_with(&path, |out| -> Result<(), AtomicWriteError> {
            out.write_all(b"half a ").unwrap();
            Err(AtomicWriteError {
                path: PathBuf::from("the encoder"),
                step: "encoding",
                source: std::io::Error::other("gave up"),
            })
        })
        .unwrap_err();
        // The writer's own error comes back as it was: writing itself did not fail.
        assert_eq!(e.step, "encoding");
        assert_eq!(std::fs::read(&path).unwrap(), b"old");
        assert_eq!(names(dir.path()), ["map.png"]);
    }

    #[test]
    fn a_failed_rename_leaves_the_old_file_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        // A folder in place of the target: the temporary file is written, but cannot
        // be renamed over it.
        let target = dir.path().join("taken");
        std::fs::create_dir(&target).unwrap();
        std::fs::write(target.join("inside.txt"), b"keep").unwrap();
        let e = atomic_write(&target, b"new").unwrap_err();
        assert!(e.to_string().contains("taken"), "{e}");
        assert_eq!(e.step, "replacing the file");
        assert_eq!(std::fs::read(target.join("inside.txt")).unwrap(), b"keep");
        assert_eq!(names(dir.path()), ["taken"]);
    }

    #[test]
    fn a_missing_folder_is_named_in_the_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing/map.png");
        let e = atomic_write(&path, b"x").unwrap_err();
        assert!(e.to_string().contains("missing"), "{e}");
        assert_eq!(e.step, "creating a temporary file");
        assert!(names(dir.path()).is_empty());
    }

    #[cfg(unix)]
    #[test]
    fn an_unwritable_folder_leaves_the_old_file_intact() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("locked");
        std::fs::create_dir(&folder).unwrap();
        let path = folder.join("map.ron");
        atomic_write(&path, b"old").unwrap();
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o555)).unwrap();
        // Permissions do not bind root (or some file systems): find out by trying.
        let probe = folder.join("probe");
        let enforced = std::fs::write(&probe, b"").is_err();
        let result = atomic_write(&path, b"new");
        std::fs::set_permissions(&folder, std::fs::Permissions::from_mode(0o755)).unwrap();
        if enforced {
            let e = result.unwrap_err();
            assert!(e.to_string().contains("map.ron"), "{e}");
            assert_eq!(std::fs::read(&path).unwrap(), b"old");
            assert_eq!(names(&folder), ["map.ron"]);
        } else {
            println!("skipped: folder permissions are not enforced here (running as root?)");
            result.unwrap();
        }
    }

    #[cfg(unix)]
    #[test]
    fn the_existing_files_permissions_are_kept() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.ron");
        atomic_write(&path, b"one").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        atomic_write(&path, b"two").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    #[test]
    fn concurrent_writes_of_one_file_do_not_collide() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("shared.png");
        std::thread::scope(|s| {
            for i in 0..4 {
                let path = &path;
                s.spawn(move || {
                    for round in 0..20 {
                        atomic_write(path, format!("{i}:{round}").as_bytes()).unwrap();
                    }
                });
            }
        });
        // The last rename is some writer's last round, complete.
        let text = std::fs::read_to_string(&path).unwrap();
        assert!(text.ends_with(":19") && text.len() == 4, "{text}");
        assert_eq!(names(dir.path()), ["shared.png"]);
    }
}
