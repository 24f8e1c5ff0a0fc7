//! The platform's file dialogs (rfd), with a fallback: where no native dialog answers (a
//! Linux desktop without a portal), the window asks for a path itself.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use crate::t;

/// How file paths are asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileDialogs {
    /// The platform's dialogs (rfd), falling back to the in-app entry when none answers.
    Native,
    /// Always the in-app path entry (tests, or machines without a desktop portal).
    InApp,
}

/// What a file dialog gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this file.
    Path(PathBuf),
    /// The user closed the dialog.
    Cancelled,
    /// No native dialog is available: ask in the window instead.
    Unavailable,
}

/// The kinds of file Waymark asks for, each with its filter.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileKind {
    /// A Waymark project (`.ron`).
    Project,
    /// A PNG image.
    Png,
    /// A PDF document.
    Pdf,
    /// An SVG drawing.
    Svg,
    /// A survey export (`.csv`).
    Csv,
    /// A Mermaid diagram (`.mmd`).
    Mermaid,
}

impl FileKind {
    fn filter(self) -> (String, &'static [&'static str]) {
        match self {
            Self::Project => (t!("filter-project"), &["ron"]),
            Self::Png => (t!("filter-png"), &["png"]),
            Self::Pdf => (t!("filter-pdf"), &["pdf"]),
            Self::Svg => (t!("filter-svg"), &["svg"]),
            Self::Csv => (
                t!("filter-csv"),
                &["csv", "tsv", "txt", "xlsx", "xlsm", "xls", "ods"],
            ),
            Self::Mermaid => (t!("filter-mermaid"), &["mmd", "mermaid"]),
        }
    }
}

/// A native dialog that returns nothing this quickly was not shown at all.
const NO_DIALOG_THRESHOLD: Duration = Duration::from_millis(250);

/// Asks the platform for files, remembering when it cannot.
#[derive(Clone, Copy, Debug)]
pub struct FilePicker {
    mode: FileDialogs,
}

impl FilePicker {
    /// A picker of the given kind.
    pub fn new(mode: FileDialogs) -> Self {
        Self { mode }
    }

    /// Asks for an existing file of `kind`.
    pub fn open(&mut self, kind: FileKind) -> Picked {
        self.run(kind, rfd::FileDialog::pick_file)
    }

    /// Asks where to save a file of `kind`, suggesting `file_name`.
    pub fn save(&mut self, kind: FileKind, file_name: &str) -> Picked {
        let name = file_name.to_owned();
        self.run(kind, move |d| d.set_file_name(name).save_file())
    }

    /// Asks for a folder (to write several files into).
    pub fn folder(&mut self) -> Picked {
        if self.mode == FileDialogs::InApp {
            return Picked::Unavailable;
        }
        let start = Instant::now();
        match rfd::FileDialog::new().pick_folder() {
            Some(path) => Picked::Path(path),
            None if start.elapsed() < NO_DIALOG_THRESHOLD => {
                self.mode = FileDialogs::InApp;
                Picked::Unavailable
            }
            None => Picked::Cancelled,
        }
    }

    fn run(
        &mut self,
        kind: FileKind,
        pick: impl FnOnce(rfd::FileDialog) -> Option<PathBuf>,
    ) -> Picked {
        if self.mode == FileDialogs::InApp {
            return Picked::Unavailable;
        }
        let start = Instant::now();
        let (name, extensions) = kind.filter();
        match pick(rfd::FileDialog::new().add_filter(&name, extensions)) {
            Some(path) => Picked::Path(path),
            None if start.elapsed() < NO_DIALOG_THRESHOLD => {
                // No desktop portal answered: use the in-app entry from now on.
                self.mode = FileDialogs::InApp;
                Picked::Unavailable
            }
            None => Picked::Cancelled,
        }
    }
}
