//! Reading and writing projects: RON files (versioned, atomic, deterministic), and the
//! embedded sample project.

mod error;
pub mod persona_file;
mod project_file;
pub mod sample;
pub mod survey;
pub mod templates;

pub use error::{LoadError, SaveError};
pub use project_file::{
    MAX_FILE_SIZE, backup_path, from_ron_str, load_file, save_file, to_ron_string,
};
