//! Errors of loading and saving, each naming the file and saying what is wrong, in the
//! interface language ([`crate::i18n::interface`]); the words of another library (the RON
//! parser, the operating system) stay as they are inside the localised sentence.

use std::path::PathBuf;

use crate::model::Problem;

/// Why a project could not be loaded. The message names the file and, for syntax
/// errors, the line and column.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{}", crate::t!("err-load-io", path = path.display(), error = source.to_string()))]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is larger than any real project.
    #[error("{}", crate::t!("err-load-too-large", path = path.display(), size = *size, limit = *limit))]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{}", crate::t!("err-load-not-utf8", path = path.display(), line = *line, column = *column))]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column of the first bad byte.
        column: usize,
    },
    /// The RON text is malformed or does not match the project format.
    #[error("{}", crate::t!("err-load-syntax", path = path.display(), line = *line, column = *column, message = message))]
    Syntax {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The file was made by a newer Waymark.
    #[error("{}", crate::t!("err-load-newer", path = path.display(), found = *found, supported = *supported))]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// A Mermaid file that is not a journey diagram Waymark can read.
    #[error("{}", crate::t!("err-load-mermaid", path = path.display(), error = cause.to_string()))]
    Mermaid {
        /// The file.
        path: PathBuf,
        /// What is wrong, and on which line.
        cause: super::mermaid::MermaidError,
    },
    /// The file parsed but is inconsistent (dangling references, duplicate ids...).
    #[error("{}", invalid_text(path, first, problems.len()))]
    Invalid {
        /// The file.
        path: PathBuf,
        /// The first problem, shown in the message.
        first: Problem,
        /// Every problem found.
        problems: Vec<Problem>,
    },
}

impl LoadError {
    /// The file that could not be loaded.
    pub fn path(&self) -> &std::path::Path {
        match self {
            Self::Io { path, .. }
            | Self::TooLarge { path, .. }
            | Self::NotUtf8 { path, .. }
            | Self::Syntax { path, .. }
            | Self::NewerVersion { path, .. }
            | Self::Mermaid { path, .. }
            | Self::Invalid { path, .. } => path,
        }
    }
}

fn invalid_text(path: &std::path::Path, first: &Problem, count: usize) -> String {
    let problem = first.to_string();
    match count {
        0 | 1 => crate::t!("err-load-invalid", path = path.display(), problem = problem),
        n => crate::t!(
            "err-load-invalid-more",
            path = path.display(),
            problem = problem,
            count = n - 1
        ),
    }
}

/// A step of writing a file (the `step` of [`SaveError::Io`] and
/// [`AtomicWriteError`](super::AtomicWriteError), kept in English for matching) in the
/// interface language; an unknown step as it is.
pub fn step_text(step: &str) -> String {
    match step {
        "naming the file" => crate::t!("err-step-naming"),
        "creating a temporary file" => crate::t!("err-step-create-temp"),
        "flushing the folder to disk (the file was replaced)" => crate::t!("err-step-sync-folder"),
        "writing the temporary file" => crate::t!("err-step-write-temp"),
        "keeping the existing file's permissions" => crate::t!("err-step-keep-permissions"),
        "reading the existing file's permissions" => crate::t!("err-step-read-permissions"),
        "flushing the temporary file to disk" => crate::t!("err-step-sync-temp"),
        "replacing the file" => crate::t!("err-step-replace"),
        "creating the templates folder" => crate::t!("err-step-templates-folder"),
        "reading the existing file" => crate::t!("err-step-read-existing"),
        "writing the backup of the previous version" => crate::t!("err-step-backup"),
        other => other.to_owned(),
    }
}

/// Why a project could not be saved. The previous file is always left intact.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Serialisation failed (should not happen for a valid project).
    #[error("{}", crate::t!("err-save-encode", path = path.display(), message = message))]
    Encode {
        /// The target file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Writing, flushing or renaming failed.
    #[error("{}", crate::t!("err-save-io", path = path.display(), step = step_text(step), error = source.to_string()))]
    Io {
        /// The target file.
        path: PathBuf,
        /// The step that failed, e.g. "writing the temporary file".
        step: &'static str,
        /// The underlying error.
        source: std::io::Error,
    },
}

impl From<super::AtomicWriteError> for SaveError {
    fn from(e: super::AtomicWriteError) -> Self {
        Self::Io {
            path: e.path,
            step: e.step,
            source: e.source,
        }
    }
}
