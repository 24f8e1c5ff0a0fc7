//! Errors of loading and saving, each naming the file and saying what is wrong.

use std::path::PathBuf;

use crate::model::Problem;

/// Why a project could not be loaded. The message names the file and, for syntax
/// errors, the line and column.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// The file could not be read at all.
    #[error("{path}: cannot read the file: {source}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is larger than any real project.
    #[error(
        "{path}: the file is {size} bytes, larger than the {limit}-byte limit for a project; \
         it is probably not a Waymark project"
    )]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file is not UTF-8 text.
    #[error("{path}:{line}:{column}: the file is not UTF-8 text")]
    NotUtf8 {
        /// The file.
        path: PathBuf,
        /// 1-based line of the first bad byte.
        line: usize,
        /// 1-based column of the first bad byte.
        column: usize,
    },
    /// The RON text is malformed or does not match the project format.
    #[error("{path}:{line}:{column}: {message}")]
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
    #[error(
        "{path}: made by a newer Waymark (format version {found}; this Waymark reads up to \
         version {supported}); update Waymark to open it"
    )]
    NewerVersion {
        /// The file.
        path: PathBuf,
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
    /// The file parsed but is inconsistent (dangling references, duplicate ids...).
    #[error("{path}: {first}{}", more_suffix(problems.len()))]
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
            | Self::Invalid { path, .. } => path,
        }
    }
}

fn more_suffix(count: usize) -> String {
    match count {
        0 | 1 => String::new(),
        2 => " (and 1 more problem)".to_owned(),
        n => format!(" (and {} more problems)", n - 1),
    }
}

/// Why a project could not be saved. The previous file is always left intact.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// Serialisation failed (should not happen for a valid project).
    #[error("{path}: cannot encode the project: {message}")]
    Encode {
        /// The target file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
    /// Writing, flushing or renaming failed.
    #[error("{path}: cannot save ({step}): {source}")]
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
