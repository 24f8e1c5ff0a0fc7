//! Dialogs: the unsaved-changes question, the file path entry (native dialogs through
//! rfd, or an in-app entry where no native dialog is available) and error messages.

use crate::t;
use std::path::PathBuf;

use egui::{Id, Key, Modal};

use crate::app::AppState;
pub use crate::app::file_dialog::FileDialogs;
use crate::app::file_dialog::{FileKind, FilePicker, Picked};

/// An action waiting for the answer to "save changes?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Start a new project.
    New,
    /// Open another project.
    Open,
    /// Close the window.
    Quit,
    /// Open the template gallery (it may start a new project).
    Gallery,
    /// Open a file from File > Open Recent.
    OpenRecent(PathBuf),
    /// Recover a document left behind by a crash (by its recovery id).
    Recover(String),
}

impl Pending {
    fn verb(&self) -> String {
        match self {
            Self::New => t!("pending-new"),
            Self::Open | Self::OpenRecent(_) => t!("pending-open"),
            Self::Quit => t!("pending-quit"),
            Self::Gallery => t!("pending-gallery"),
            Self::Recover(_) => t!("pending-recover"),
        }
    }
}

/// What the user decided in a dialog this frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Nothing.
    None,
    /// Discard the changes and go on.
    Discard(Pending),
    /// Save, then go on.
    SaveThen(Pending),
    /// Open this file.
    Open(PathBuf),
    /// Save to this file, then maybe go on.
    SaveAs(PathBuf, Option<Pending>),
    /// Add the journeys of this Mermaid file.
    ImportMermaid(PathBuf),
    /// Write this journey to this Mermaid file.
    ExportMermaid(crate::model::JourneyId, PathBuf),
}

#[derive(Clone, Debug)]
enum Purpose {
    Open,
    Save(Option<Pending>),
    ImportMermaid,
    ExportMermaid(crate::model::JourneyId),
}

#[derive(Clone, Debug)]
struct PathPrompt {
    purpose: Purpose,
    text: String,
    /// Focus goes to the field once, when the prompt opens.
    focused: bool,
}

/// State of the dialogs.
pub struct Dialogs {
    picker: FilePicker,
    /// The unsaved-changes question, if it is being asked.
    pub confirm: Option<Pending>,
    prompt: Option<PathPrompt>,
    /// Error messages waiting to be read.
    pub errors: Vec<String>,
    native_save: Option<(PathBuf, Option<Pending>)>,
}

impl Dialogs {
    /// Dialogs using the given kind of file dialog.
    pub fn new(mode: FileDialogs) -> Self {
        Self {
            picker: FilePicker::new(mode),
            confirm: None,
            prompt: None,
            errors: Vec::new(),
            native_save: None,
        }
    }

    /// True while a dialog that blocks the rest of the window is open.
    pub fn is_modal_open(&self) -> bool {
        self.confirm.is_some() || self.prompt.is_some() || !self.errors.is_empty()
    }

    fn default_path(state: &AppState) -> String {
        let path = state.path.clone().unwrap_or_else(|| {
            std::env::current_dir()
                .unwrap_or_default()
                .join("journey.ron")
        });
        path.display().to_string()
    }

    /// Asks for a file of `kind` to read, for a field of a panel: the chosen path, or
    /// `None` (cancelled, or no native dialog: the panel's own path field serves).
    pub fn pick_file(&mut self, kind: FileKind) -> Option<PathBuf> {
        match self.picker.open(kind) {
            Picked::Path(p) => Some(p),
            Picked::Cancelled | Picked::Unavailable => None,
        }
    }

    /// Asks for a folder, for a field of a panel (see [`Self::pick_file`]).
    pub fn pick_folder(&mut self) -> Option<PathBuf> {
        match self.picker.folder() {
            Picked::Path(p) => Some(p),
            Picked::Cancelled | Picked::Unavailable => None,
        }
    }

    /// Asks where to write a file of `kind`, for a field of a panel (see
    /// [`Self::pick_file`]).
    pub fn pick_save_file(&mut self, kind: FileKind, file_name: &str) -> Option<PathBuf> {
        match self.picker.save(kind, file_name) {
            Picked::Path(p) => Some(p),
            Picked::Cancelled | Picked::Unavailable => None,
        }
    }

    /// Asks for a file to open. Returns the path at once from a native dialog, or opens
    /// the in-app entry (whose answer comes back as [`Outcome::Open`]).
    pub fn ask_open_path(&mut self, state: &AppState) -> Option<PathBuf> {
        match self.picker.open(FileKind::Project) {
            Picked::Path(p) => Some(p),
            Picked::Cancelled => None,
            Picked::Unavailable => {
                self.prompt = Some(PathPrompt {
                    purpose: Purpose::Open,
                    text: Self::default_path(state),
                    focused: false,
                });
                None
            }
        }
    }

    /// Asks where to save; the answer comes back through [`Self::take_native_save`] or
    /// as [`Outcome::SaveAs`].
    pub fn ask_save_path(&mut self, state: &AppState, then: Option<Pending>) {
        let name = state.display_name();
        let file_name = if std::path::Path::new(&name)
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
        {
            name
        } else {
            "journey.ron".to_owned()
        };
        match self.picker.save(FileKind::Project, &file_name) {
            Picked::Path(p) => self.native_save = Some((p, then)),
            Picked::Cancelled => {}
            Picked::Unavailable => {
                self.prompt = Some(PathPrompt {
                    purpose: Purpose::Save(then),
                    text: Self::default_path(state),
                    focused: false,
                });
            }
        }
    }

    /// Asks for a Mermaid file to import: the path at once from a native dialog, or
    /// later as [`Outcome::ImportMermaid`] from the in-app entry.
    pub fn ask_mermaid_import(&mut self, state: &AppState) -> Option<PathBuf> {
        match self.picker.open(FileKind::Mermaid) {
            Picked::Path(p) => Some(p),
            Picked::Cancelled => None,
            Picked::Unavailable => {
                self.prompt = Some(PathPrompt {
                    purpose: Purpose::ImportMermaid,
                    text: Self::folder_path(state, "journey.mmd"),
                    focused: false,
                });
                None
            }
        }
    }

    /// Asks where to write a journey as Mermaid: the path at once from a native dialog,
    /// or later as [`Outcome::ExportMermaid`] from the in-app entry.
    pub fn ask_mermaid_export(
        &mut self,
        state: &AppState,
        journey: crate::model::JourneyId,
        file_name: &str,
    ) -> Option<PathBuf> {
        match self.picker.save(FileKind::Mermaid, file_name) {
            Picked::Path(p) => Some(p),
            Picked::Cancelled => None,
            Picked::Unavailable => {
                self.prompt = Some(PathPrompt {
                    purpose: Purpose::ExportMermaid(journey),
                    text: Self::folder_path(state, file_name),
                    focused: false,
                });
                None
            }
        }
    }

    /// `file_name` in the project's folder (or the working folder).
    fn folder_path(state: &AppState, file_name: &str) -> String {
        let folder = state
            .path
            .as_deref()
            .and_then(std::path::Path::parent)
            .map_or_else(
                || std::env::current_dir().unwrap_or_default(),
                std::path::Path::to_owned,
            );
        folder.join(file_name).display().to_string()
    }

    /// A save path picked in a native dialog, to be saved now.
    pub fn take_native_save(&mut self) -> Option<(PathBuf, Option<Pending>)> {
        self.native_save.take()
    }

    /// Shows whichever dialog is open and returns what the user decided.
    pub fn show(&mut self, ctx: &egui::Context) -> Outcome {
        if !self.errors.is_empty() {
            self.errors_ui(ctx);
            return Outcome::None;
        }
        if let Some(pending) = self.confirm.clone() {
            return self.confirm_ui(ctx, &pending);
        }
        if self.prompt.is_some() {
            return self.prompt_ui(ctx);
        }
        Outcome::None
    }

    fn errors_ui(&mut self, ctx: &egui::Context) {
        let mut close = false;
        Modal::new(Id::unique("error_dialog")).show(ctx, |ui| {
            ui.set_max_width(520.0);
            ui.heading(t!("error-title"));
            for e in &self.errors {
                ui.label(egui::RichText::new(e).color(ui.visuals().error_fg_color));
            }
            ui.label(t!("error-unchanged"));
            if ui.button(t!("button-ok")).clicked()
                || ui.input(|i| i.key_pressed(Key::Enter) || i.key_pressed(Key::Escape))
            {
                close = true;
            }
        });
        if close {
            self.errors.clear();
        }
    }

    fn confirm_ui(&mut self, ctx: &egui::Context, pending: &Pending) -> Outcome {
        let mut outcome = Outcome::None;
        Modal::new(Id::unique("unsaved_dialog")).show(ctx, |ui| {
            ui.heading(t!("unsaved-title"));
            ui.label(t!("unsaved-question", doing = pending.verb()));
            ui.horizontal(|ui| {
                if ui.button(t!("button-save")).clicked() {
                    outcome = Outcome::SaveThen(pending.clone());
                }
                if ui.button(t!("button-dont-save")).clicked() {
                    outcome = Outcome::Discard(pending.clone());
                }
                if ui.button(t!("button-cancel")).clicked()
                    || ui.input(|i| i.key_pressed(Key::Escape))
                {
                    self.confirm = None;
                }
            });
        });
        if outcome != Outcome::None {
            self.confirm = None;
        }
        outcome
    }

    fn prompt_ui(&mut self, ctx: &egui::Context) -> Outcome {
        let Some(prompt) = &mut self.prompt else {
            return Outcome::None;
        };
        let (title, button) = match prompt.purpose {
            Purpose::Open => (t!("path-open-title"), t!("button-open")),
            Purpose::Save(_) => (t!("path-save-title"), t!("button-save")),
            Purpose::ImportMermaid => (t!("action-import-mermaid"), t!("button-import")),
            Purpose::ExportMermaid(_) => (t!("action-export-mermaid"), t!("button-export")),
        };
        let mut outcome = Outcome::None;
        let mut cancel = false;
        Modal::new(Id::unique("path_dialog")).show(ctx, |ui| {
            ui.set_min_width(480.0);
            ui.heading(title);
            ui.label(match prompt.purpose {
                Purpose::ImportMermaid | Purpose::ExportMermaid(_) => t!("path-label-mermaid"),
                Purpose::Open | Purpose::Save(_) => t!("path-label"),
            });
            let edit = ui.add(
                egui::TextEdit::singleline(&mut prompt.text)
                    .desired_width(f32::INFINITY)
                    .hint_text("/path/to/project.ron"),
            );
            if !prompt.focused {
                edit.request_focus();
                prompt.focused = true;
            }
            let enter =
                (edit.lost_focus() || edit.has_focus()) && ui.input(|i| i.key_pressed(Key::Enter));
            ui.horizontal(|ui| {
                if (ui.button(button).clicked() || enter) && !prompt.text.trim().is_empty() {
                    let path = PathBuf::from(prompt.text.trim());
                    outcome = match &prompt.purpose {
                        Purpose::Open => Outcome::Open(path),
                        Purpose::Save(then) => Outcome::SaveAs(path, then.clone()),
                        Purpose::ImportMermaid => Outcome::ImportMermaid(path),
                        Purpose::ExportMermaid(journey) => Outcome::ExportMermaid(*journey, path),
                    };
                }
                if ui.button(t!("button-cancel")).clicked()
                    || ui.input(|i| i.key_pressed(Key::Escape))
                {
                    cancel = true;
                }
            });
        });
        if cancel || outcome != Outcome::None {
            self.prompt = None;
        }
        outcome
    }
}
