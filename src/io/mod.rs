//! Reading and writing projects: RON files (versioned, atomic, deterministic), and the
//! embedded sample project.

pub mod atomic;
mod error;
pub mod migrate;
pub mod persona_file;
mod project_file;
pub mod sample;
pub mod survey;
pub mod templates;

pub use atomic::{AtomicWriteError, atomic_write};
pub use error::{LoadError, SaveError};
pub use project_file::{
    MAX_FILE_SIZE, backup_path, from_bytes, from_ron_str, load_file, save_file, to_ron_string,
};

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
