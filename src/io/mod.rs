//! Reading and writing projects: RON files (versioned, atomic, deterministic), and the
//! embedded sample project.

pub mod atomic;
mod error;
pub mod mermaid;
pub mod migrate;
pub mod persona_file;
mod project_file;
pub mod sample;
pub mod survey;
pub mod templates;

pub use atomic::{AtomicWriteError, atomic_write, atomic_write_with};
pub use error::{LoadError, SaveError};
pub use project_file::{
    MAX_FILE_SIZE, backup_path, from_bytes, from_ron_str, load_file, save_file, to_ron_string,
};

/// True when `path` names a Mermaid file (`.mmd` or `.mermaid`, any case).
pub fn is_mermaid(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("mmd") || e.eq_ignore_ascii_case("mermaid"))
}

/// Reads a Mermaid file's journey diagrams: the size limit before reading, then
/// [`mermaid::parse_bytes`]. Errors name the file.
pub fn load_mermaid(path: &std::path::Path) -> Result<Vec<mermaid::Diagram>, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.len() > mermaid::MAX_SIZE {
        return Err(LoadError::Mermaid {
            path: path.to_owned(),
            cause: mermaid::MermaidError::TooLarge {
                size: meta.len(),
                limit: mermaid::MAX_SIZE,
            },
        });
    }
    let bytes = std::fs::read(path).map_err(io)?;
    mermaid::parse_bytes(&bytes).map_err(|cause| LoadError::Mermaid {
        path: path.to_owned(),
        cause,
    })
}

/// Loads a project by the file's extension, the one place that decides: a Mermaid file
/// (`.mmd`) becomes a new project with one journey per diagram (default settings, the
/// interface's map language, titled after the file); anything else is read as a
/// project file ([`load_file`]).
pub fn load_any(path: &std::path::Path) -> Result<crate::model::Project, LoadError> {
    if !is_mermaid(path) {
        return load_file(path);
    }
    Ok(mermaid_project(&load_mermaid(path)?, path))
}

/// The project a Mermaid file becomes: one journey per diagram, default settings in
/// English, titled after the file's name.
pub fn mermaid_project(
    diagrams: &[mermaid::Diagram],
    path: &std::path::Path,
) -> crate::model::Project {
    let title = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    mermaid::to_project(diagrams, crate::i18n::Language::En, &title)
}

/// A file-name-safe form of a name: lower-case letters and digits (any script) joined by
/// single dashes, e.g. "Priya Shah (copy)" -> "priya-shah-copy". Empty if nothing is left.
pub fn slug(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect::<String>()
        .split('-')
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod slug_tests {
    #[test]
    fn slugs_keep_letters_of_any_script() {
        assert_eq!(super::slug("Priya Shah (copy)"), "priya-shah-copy");
        assert_eq!(super::slug("  --  "), "");
        assert_eq!(super::slug("林晓雯 2"), "林晓雯-2");
    }
}
