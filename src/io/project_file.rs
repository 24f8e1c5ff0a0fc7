//! The `.ron` project file: versioned, deterministic, written atomically with a backup.

use std::path::{Path, PathBuf};

use ron::ser::PrettyConfig;
use serde::Deserialize;

use super::{LoadError, SaveError, atomic_write};
use crate::model::{FORMAT_VERSION, Project};

/// Files larger than this are refused before they are read: no real project comes
/// near it, and reading a huge file by mistake would stall the app.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// Only the version field, read first so a newer file is refused before anything else.
#[derive(Deserialize)]
struct VersionProbe {
    format_version: u32,
}

/// The one pretty-printer configuration: stable, readable, diff-friendly.
fn pretty() -> PrettyConfig {
    PrettyConfig::new()
        .indentor("    ")
        .new_line("\n")
        .struct_names(false)
        .depth_limit(64)
}

/// Serialises a project to its canonical RON text (ends with a newline).
pub fn to_ron_string(project: &Project) -> Result<String, ron::Error> {
    let mut text = ron::ser::to_string_pretty(project, pretty())?;
    text.push('\n');
    Ok(text)
}

/// Parses, migrates and validates project text. `path` is only used in messages.
pub fn from_ron_str(text: &str, path: &Path) -> Result<Project, LoadError> {
    let syntax = |e: ron::error::SpannedError| LoadError::Syntax {
        path: path.to_owned(),
        line: e.span.start.line,
        column: e.span.start.col,
        message: e.code.to_string(),
    };
    let project: Project = match ron::from_str(text) {
        Ok(project) => project,
        Err(e) => {
            // A newer file usually fails to parse (new fields); say so, rather than
            // complain about a field this build has never heard of.
            if let Ok(probe) = ron::from_str::<VersionProbe>(text)
                && probe.format_version > FORMAT_VERSION
            {
                return Err(newer(path, probe.format_version));
            }
            return Err(syntax(e));
        }
    };
    if project.format_version > FORMAT_VERSION {
        return Err(newer(path, project.format_version));
    }
    if project.format_version == 0 {
        return Err(LoadError::Syntax {
            path: path.to_owned(),
            line: 1,
            column: 1,
            message: crate::t!("err-load-format-zero"),
        });
    }
    let project = super::migrate::migrate(project);
    let problems = project.validate();
    if let Some(first) = problems.first() {
        return Err(LoadError::Invalid {
            path: path.to_owned(),
            first: first.clone(),
            problems,
        });
    }
    Ok(project)
}

fn newer(path: &Path, found: u32) -> LoadError {
    LoadError::NewerVersion {
        path: path.to_owned(),
        found,
        supported: FORMAT_VERSION,
    }
}

/// Loads a project file. The caller's open document is never touched: on error nothing
/// is returned but the error.
pub fn load_file(path: &Path) -> Result<Project, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
            limit: MAX_FILE_SIZE,
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    from_bytes(&bytes, path)
}

/// Parses, migrates and validates a project file's bytes, exactly as [`load_file`]
/// does once it has read them: size limit, UTF-8 check, byte-order mark. `path` is only
/// used in messages. The fuzz target `load_project` feeds arbitrary bytes in here.
pub fn from_bytes(bytes: &[u8], path: &Path) -> Result<Project, LoadError> {
    // The file may have grown between the metadata and the read.
    if bytes.len() as u64 > MAX_FILE_SIZE {
        return Err(LoadError::TooLarge {
            path: path.to_owned(),
            size: bytes.len() as u64,
            limit: MAX_FILE_SIZE,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(e) => {
            let (line, column) = line_column(&bytes[..e.valid_up_to()]);
            return Err(LoadError::NotUtf8 {
                path: path.to_owned(),
                line,
                column,
            });
        }
    };
    // Windows Notepad starts UTF-8 files with a byte-order mark: it is not part of the
    // project (line and column numbers stay those of the file without it).
    from_ron_str(text.strip_prefix('\u{feff}').unwrap_or(text), path)
}

/// 1-based line and column just after `prefix`.
fn line_column(prefix: &[u8]) -> (usize, usize) {
    // Lines are the pieces between newlines.
    let line = prefix.split(|&b| b == b'\n').count();
    let line_start = prefix
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1);
    let column = 1 + String::from_utf8_lossy(&prefix[line_start..])
        .chars()
        .count();
    (line, column)
}

/// Where the previous version of `path` is kept: `name.ron.bak` beside it.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves a project atomically (see [`atomic_write`]): the text goes to a temporary
/// file in the same folder, is flushed to disk, and is then renamed over the target.
/// The previous version, if different, is first kept in [`backup_path`]. A save that
/// changes nothing leaves the file (and its backup) untouched. On any error the target
/// is untouched and no temporary file is left.
pub fn save_file(project: &Project, path: &Path) -> Result<(), SaveError> {
    let text = to_ron_string(project).map_err(|e| SaveError::Encode {
        path: path.to_owned(),
        message: e.to_string(),
    })?;

    let previous = match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(SaveError::Io {
                path: path.to_owned(),
                step: "reading the existing file",
                source,
            });
        }
    };
    if previous.as_deref() == Some(text.as_bytes()) {
        // Nothing changed: leave the file (and its backup) exactly as they are.
        return Ok(());
    }
    if let Some(previous) = &previous {
        atomic_write(&backup_path(path), previous).map_err(|e| SaveError::Io {
            path: e.path,
            step: "writing the backup of the previous version",
            source: e.source,
        })?;
    }
    atomic_write(path, text.as_bytes())?;
    Ok(())
}
