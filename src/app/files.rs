//! Every file the window reads or writes besides the project itself: persona files,
//! avatars, user templates, survey CSV files and the list of recent files. The panels
//! ask for these with [`super::Command`]s; the results land in [`super::AppState`] and
//! errors reach the user through its one message channel.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::import::{ImportMode, ImportPlan, plan_import_as, today};
use crate::io::survey::table::{Source, Table, TableError};
use crate::io::templates::{self, Template};
use crate::model::{SurveyLayout, SurveyMapping};
use crate::t;

/// Larger survey files are refused: a survey export of this size is a mistake.
pub const MAX_SURVEY_BYTES: u64 = 64 * 1024 * 1024;

/// How many files File > Open Recent lists.
pub const MAX_RECENT: usize = 10;

/// A file operation the window asks for (see [`super::Command::File`]).
#[derive(Clone, Debug, PartialEq)]
pub enum FileCommand {
    /// Reads a `.persona.ron` file and adds the persona to the project.
    ImportPersona(PathBuf),
    /// Writes a persona to a `.persona.ron` file.
    ExportPersona {
        /// The persona.
        persona: crate::model::PersonaId,
        /// The file to write.
        path: PathBuf,
    },
    /// Checks an avatar image and makes it the persona's avatar: a picture from outside
    /// the project's folder is copied into `avatars/` beside the project file, and the
    /// path is stored relative to the project's folder.
    SetAvatar {
        /// The persona.
        persona: crate::model::PersonaId,
        /// The image file, as typed (relative to the project's folder, or absolute).
        path: String,
    },
    /// Loads an avatar image for display, given the path stored in the persona (once
    /// per file; a failure, or a path outside the project's folder, is reported once).
    LoadAvatar(String),
    /// Lists the templates (built-in and the user's) for the gallery.
    LoadTemplates,
    /// Saves the current journey as a user template with this name.
    SaveTemplate(String),
    /// Deletes a user template file.
    DeleteTemplate(PathBuf),
    /// Reads a survey CSV and plans its import into the current journey, for preview.
    PreviewSurvey(PathBuf),
    /// Carries out the previewed survey import (one undo step).
    ImportSurvey,
    /// Closes the survey preview without importing.
    CloseSurvey,
    /// Replaces or appends to the answers measures keep: plans the previewed import again.
    SurveyMode(ImportMode),
    /// Reads the previewed survey with these columns (the preview's column step): plans
    /// the import again. `None` goes back to asking.
    SurveyColumns(Option<crate::model::SurveyLayout>),
    /// Reads another sheet of the previewed workbook.
    SurveySheet(String),
    /// Writes every computed measure of the project (all journeys) to a CSV file.
    ExportMeasures(PathBuf),
    /// Reads a Mermaid file and adds one journey per `journey` diagram in it (one undo
    /// step); on any error nothing is added.
    ImportMermaid(PathBuf),
}

/// What was being done with a file when it failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    /// Reading a survey file.
    ReadSurvey,
    /// Creating the configuration folder.
    CreateFolder,
    /// Writing the list of recent files.
    WriteRecent,
    /// Deleting a user template.
    DeleteTemplate,
    /// Writing the chosen language.
    WriteLanguage,
}

impl FileAction {
    fn label(self) -> String {
        match self {
            Self::ReadSurvey => t!("file-action-read-survey"),
            Self::CreateFolder => t!("file-action-create-folder"),
            Self::WriteRecent => t!("file-action-write-recent"),
            Self::DeleteTemplate => t!("file-action-delete-template"),
            Self::WriteLanguage => t!("file-action-write-language"),
        }
    }
}

/// Why a file the window asked for could not be used. Its message is in the interface
/// language and names the file.
#[derive(Debug)]
pub enum FileError {
    /// The file could not be read or written.
    Io {
        /// The file.
        path: PathBuf,
        /// What was being done.
        action: FileAction,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The survey file is larger than [`MAX_SURVEY_BYTES`].
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
    },
    /// The survey file is neither text nor a spreadsheet.
    NotText {
        /// The file.
        path: PathBuf,
    },
    /// The survey workbook cannot be read, or lacks the sheet asked for.
    Workbook {
        /// The file.
        path: PathBuf,
        /// What is wrong, in the reader's words.
        error: String,
    },
    /// There is no configuration folder to keep user templates in.
    NoConfigDir,
}

impl std::fmt::Display for FileError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let text = match self {
            Self::Io {
                path,
                action,
                source,
            } => t!(
                "file-error-io",
                path = path.display(),
                action = action.label(),
                error = source.to_string()
            ),
            Self::TooLarge { path, size } => {
                t!("file-error-too-large", path = path.display(), size = *size)
            }
            Self::NotText { path } => t!("file-error-not-text", path = path.display()),
            Self::Workbook { path, error } => t!(
                "file-error-workbook",
                path = path.display(),
                error = error.as_str()
            ),
            Self::NoConfigDir => t!("file-error-no-config-dir"),
        };
        f.write_str(&text)
    }
}

impl std::error::Error for FileError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Self::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Reads a survey file (CSV or a spreadsheet) into a table: the sheet named `sheet`,
/// or the first.
pub fn read_survey(path: &Path, sheet: Option<&str>) -> Result<Table, FileError> {
    let io = |action, source| FileError::Io {
        path: path.to_owned(),
        action,
        source,
    };
    let meta = std::fs::metadata(path).map_err(|e| io(FileAction::ReadSurvey, e))?;
    if meta.len() > MAX_SURVEY_BYTES {
        return Err(FileError::TooLarge {
            path: path.to_owned(),
            size: meta.len(),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| io(FileAction::ReadSurvey, e))?;
    crate::io::survey::table::read(&bytes, sheet).map_err(|e| match e {
        TableError::NotText => FileError::NotText {
            path: path.to_owned(),
        },
        TableError::Workbook(error) => FileError::Workbook {
            path: path.to_owned(),
            error,
        },
        TableError::NoSheet(name) => FileError::Workbook {
            path: path.to_owned(),
            error: t!("file-error-no-sheet", sheet = name),
        },
    })
}

/// A survey read and planned, waiting for the user to confirm the import.
#[derive(Clone, Debug, PartialEq)]
pub struct SurveyPreview {
    /// The file it came from.
    pub path: PathBuf,
    /// The file's records and what it was (encoding and delimiter, or sheet).
    pub table: Table,
    /// Which columns hold what; none while the user has to choose (the column step).
    pub layout: Option<SurveyLayout>,
    /// True if `layout` is the one remembered from an earlier import of this header.
    pub remembered: bool,
    /// What importing it would change, in `mode`.
    pub plan: ImportPlan,
    /// Replace or append to the answers measures already keep (the user's choice).
    pub mode: ImportMode,
    /// The answers read, kept to plan again when the mode changes.
    pub answers: Vec<crate::io::survey::Answer>,
    /// The rows of the file that could not be read.
    pub unreadable: Vec<crate::io::survey::BadRow>,
}

impl SurveyPreview {
    /// Reads the answers of the table with `layout` and plans the import again.
    pub fn plan_with(
        &mut self,
        project: &crate::model::Project,
        journey: &crate::model::Journey,
        layout: Option<SurveyLayout>,
    ) {
        let (answers, bad) = match &layout {
            Some(l) => crate::io::survey::columns::answers(&self.table, l),
            None => (Vec::new(), Vec::new()),
        };
        let mut plan = plan_import_as(project, journey, &answers, bad.clone(), self.mode, &today());
        // Columns the header alone gives need no remembering; the user's choice does.
        let found = crate::io::survey::columns::detect(&self.table, &[], &survey_names(journey));
        if let Some(layout) = layout
            .as_ref()
            .filter(|l| found.layout.as_ref() != Some(*l))
        {
            remember_columns(&mut plan.journey, &self.table.header(), layout);
        }
        self.plan = plan;
        self.layout = layout;
        self.answers = answers;
        self.unreadable = bad;
    }
}

/// The most survey headers a journey remembers the columns of.
const REMEMBERED_SURVEYS: usize = 20;

/// Records in `journey` that a survey with `header` is read with `layout`, replacing
/// what was remembered for the same header.
fn remember_columns(journey: &mut crate::model::Journey, header: &[String], layout: &SurveyLayout) {
    use crate::io::survey::columns::same_header;
    let kept = &mut journey.survey_mappings;
    if kept
        .last()
        .is_some_and(|m| same_header(&m.header, header) && m.layout == *layout)
    {
        return;
    }
    kept.retain(|m| !same_header(&m.header, header));
    kept.push(SurveyMapping {
        header: header.to_vec(),
        layout: layout.clone(),
    });
    if kept.len() > REMEMBERED_SURVEYS {
        kept.remove(0);
    }
}

/// The names a question column may give: the journey's touchpoints and stages.
fn survey_names(journey: &crate::model::Journey) -> Vec<String> {
    journey
        .touchpoints()
        .map(|c| c.text.clone())
        .chain(journey.stages.iter().map(|s| s.name.clone()))
        .collect()
}

/// Plans importing the survey at `path` (the sheet `sheet` of a workbook, or its first)
/// into the journey `journey` of `project`: its columns are those remembered for the
/// same header (this journey's first, then the project's), else found from the header;
/// when nothing can be found the preview asks.
pub fn preview_survey(
    project: &crate::model::Project,
    journey: &crate::model::Journey,
    path: &Path,
    sheet: Option<&str>,
) -> Result<SurveyPreview, FileError> {
    use crate::io::survey::columns::detect;
    let mut table = read_survey(path, sheet)?;
    // Most recent last: other journeys' first, this journey's after them.
    // Another journey's columns serve only if they name nothing this journey lacks (a
    // one-respondent-per-row mapping names the other journey's touchpoints).
    let names = survey_names(journey);
    let fits_here = |m: &SurveyMapping| match &m.layout {
        SurveyLayout::Long { .. } => true,
        SurveyLayout::Wide { questions } => questions.iter().all(|q| {
            names
                .iter()
                .any(|n| n.trim().to_lowercase() == q.target.trim().to_lowercase())
        }),
    };
    let remembered: Vec<SurveyMapping> = project
        .journeys
        .iter()
        .filter(|j| j.id != journey.id)
        .flat_map(|j| j.survey_mappings.iter().filter(|m| fits_here(m)).cloned())
        .chain(journey.survey_mappings.iter().cloned())
        .collect();
    let mut detected = detect(&table, &remembered, &names);
    // A workbook opened without a choice of sheet: the first sheet whose columns can be
    // found (survey tools put a summary sheet before the answers), else the first.
    if let (None, None, Source::Sheet { sheets, .. }) = (sheet, &detected.layout, &table.source) {
        for other in sheets.clone().iter().skip(1) {
            // A sheet that cannot be read is skipped: the first sheet stays on show.
            let Ok(candidate) = read_survey(path, Some(other)) else {
                continue;
            };
            let found = detect(&candidate, &remembered, &names);
            if found.layout.is_some() {
                table = candidate;
                detected = found;
                break;
            }
        }
    }
    let mode = ImportMode::default();
    let mut preview = SurveyPreview {
        path: path.to_owned(),
        table,
        layout: None,
        remembered: detected.remembered,
        plan: plan_import_as(project, journey, &[], Vec::new(), mode, &today()),
        mode,
        answers: Vec::new(),
        unreadable: Vec::new(),
    };
    preview.plan_with(project, journey, detected.layout);
    Ok(preview)
}

/// The templates the gallery offers: built-in ones, then the user's, and the files that
/// failed to load (shown in the gallery with their errors, the user's with a Delete
/// button).
#[derive(Clone, Debug, Default)]
pub struct TemplateList {
    /// Every template that loaded.
    pub templates: Vec<Template>,
    /// Every template file that could not be loaded.
    pub broken: Vec<BrokenTemplate>,
}

/// A template file that could not be loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BrokenTemplate {
    /// The user's template file, which the user may delete; `None` for a built-in one.
    pub path: Option<PathBuf>,
    /// What is wrong, naming the file (and the line and column where it applies).
    pub message: String,
}

/// Lists the built-in templates and those in `config_dir/templates`.
pub fn list_templates(config_dir: Option<&Path>) -> TemplateList {
    let (mut list, errors) = templates::builtin();
    let mut broken: Vec<BrokenTemplate> = errors
        .iter()
        .map(|e| BrokenTemplate {
            path: None,
            message: e.to_string(),
        })
        .collect();
    if let Some(dir) = config_dir {
        let (user, user_errors) = templates::user_templates(&dir.join("templates"));
        list.extend(user);
        broken.extend(user_errors.iter().map(|e| BrokenTemplate {
            path: Some(e.path().to_owned()),
            message: e.to_string(),
        }));
    }
    TemplateList {
        templates: list,
        broken,
    }
}

/// Decoded avatar images by file, each loaded once (a failure is remembered too, so it
/// is reported once and not retried every frame).
#[derive(Default)]
pub struct Avatars {
    images: HashMap<PathBuf, Option<Arc<image::RgbaImage>>>,
    /// Stored avatar paths that were refused or failed, each reported once.
    refused: std::collections::HashSet<(String, Option<PathBuf>)>,
}

impl Avatars {
    /// The image of `path` if it was loaded; `None` if it was never asked for or failed.
    pub fn get(&self, path: &Path) -> Option<&Arc<image::RgbaImage>> {
        self.images.get(path).and_then(Option::as_ref)
    }

    /// True once `path` was asked for, whether it loaded or not.
    pub fn tried(&self, path: &Path) -> bool {
        self.images.contains_key(path)
    }

    /// Loads `path` (once); returns the error of a first failed attempt.
    pub fn load(&mut self, path: &Path) -> Result<(), crate::io::persona_file::AvatarError> {
        if self.tried(path) {
            return Ok(());
        }
        match crate::io::persona_file::load_avatar(path) {
            Ok(image) => {
                self.images.insert(path.to_owned(), Some(Arc::new(image)));
                Ok(())
            }
            Err(e) => {
                self.images.insert(path.to_owned(), None);
                Err(e)
            }
        }
    }

    /// True if the avatar stored as `stored` in the project saved at `project_file`
    /// was refused or failed to load.
    pub fn was_refused(&self, stored: &str, project_file: Option<&Path>) -> bool {
        self.refused
            .contains(&(stored.to_owned(), project_file.map(Path::to_path_buf)))
    }

    fn refuse(&mut self, stored: String, project_file: Option<&Path>) {
        self.refused
            .insert((stored, project_file.map(Path::to_path_buf)));
    }

    /// Forgets `path`, so it is read again (a new picture copied over an old one).
    pub fn forget(&mut self, path: &Path) {
        self.images.remove(path);
    }
}

/// The recently opened or saved project files, newest first, kept in
/// `config_dir/recent.ron`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RecentFiles {
    /// The files, newest first, at most [`MAX_RECENT`].
    pub files: Vec<PathBuf>,
}

impl RecentFiles {
    /// The list kept in `config_dir`; an empty list if there is none or it is damaged
    /// (a list of recent files is not worth an error at start-up).
    pub fn load(config_dir: &Path) -> Self {
        let path = config_dir.join("recent.ron");
        let files = std::fs::read_to_string(path)
            .ok()
            .and_then(|text| ron::from_str::<Vec<PathBuf>>(&text).ok())
            .unwrap_or_default();
        Self {
            files: files.into_iter().take(MAX_RECENT).collect(),
        }
    }

    /// Puts `path` first (absolute, so it opens from any folder).
    pub fn push(&mut self, path: &Path) {
        let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
        self.files.retain(|p| *p != path);
        self.files.insert(0, path);
        self.files.truncate(MAX_RECENT);
    }

    /// True if `path` can still be opened (File > Open Recent greys out the others).
    pub fn available(path: &Path) -> bool {
        path.is_file()
    }

    /// Removes `path` from the list.
    pub fn remove(&mut self, path: &Path) {
        self.files.retain(|p| p != path);
    }

    /// Writes the list to `config_dir/recent.ron`.
    pub fn save(&self, config_dir: &Path) -> Result<(), FileError> {
        let path = config_dir.join("recent.ron");
        let io = |action, source| FileError::Io {
            path: path.clone(),
            action,
            source,
        };
        std::fs::create_dir_all(config_dir).map_err(|e| io(FileAction::CreateFolder, e))?;
        let text = ron::ser::to_string_pretty(&self.files, ron::ser::PrettyConfig::new())
            .map_err(|e| io(FileAction::WriteRecent, std::io::Error::other(e)))?;
        crate::io::atomic_write(&path, text.as_bytes())
            .map_err(|e| io(FileAction::WriteRecent, std::io::Error::other(e)))
    }
}

/// The export options last used for each project, kept in
/// `config_dir/export-options.ron` so that the export dialog starts from them, also
/// after a restart. Keyed by the project file's absolute path (an unsaved project by
/// the empty path).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ExportMemory {
    /// The options, by project file.
    pub options: std::collections::BTreeMap<PathBuf, crate::export::ExportOptions>,
}

/// The most projects whose export options are kept.
const MAX_EXPORT_MEMORY: usize = 200;

impl ExportMemory {
    /// The options kept in `config_dir`; none if there is no file or it is damaged (a
    /// dialog's defaults are not worth an error at start-up).
    pub fn load(config_dir: &Path) -> Self {
        let options = std::fs::read_to_string(config_dir.join("export-options.ron"))
            .ok()
            .and_then(|text| ron::from_str(&text).ok())
            .unwrap_or_default();
        Self { options }
    }

    fn key(project: Option<&Path>) -> PathBuf {
        project
            .map(|p| std::path::absolute(p).unwrap_or_else(|_| p.to_owned()))
            .unwrap_or_default()
    }

    /// The options last used for the project at `project` (`None`: unsaved).
    pub fn get(&self, project: Option<&Path>) -> Option<crate::export::ExportOptions> {
        self.options.get(&Self::key(project)).copied()
    }

    /// Records the options used for `project`.
    pub fn set(&mut self, project: Option<&Path>, options: crate::export::ExportOptions) {
        self.options.insert(Self::key(project), options);
        while self.options.len() > MAX_EXPORT_MEMORY {
            let Some(first) = self.options.keys().next().cloned() else {
                break;
            };
            self.options.remove(&first);
        }
    }

    /// Writes the options to `config_dir/export-options.ron`.
    pub fn save(&self, config_dir: &Path) -> Result<(), FileError> {
        let path = config_dir.join("export-options.ron");
        let io = |action, source| FileError::Io {
            path: path.clone(),
            action,
            source,
        };
        std::fs::create_dir_all(config_dir).map_err(|e| io(FileAction::CreateFolder, e))?;
        let text = ron::ser::to_string_pretty(&self.options, ron::ser::PrettyConfig::new())
            .map_err(|e| io(FileAction::WriteRecent, std::io::Error::other(e)))?;
        crate::io::atomic_write(&path, text.as_bytes())
            .map_err(|e| io(FileAction::WriteRecent, std::io::Error::other(e)))
    }
}

impl super::AppState {
    /// Carries out a file command: reads or writes the file, then edits the document or
    /// fills the state the panels show; every outcome is reported as a message.
    pub(super) fn apply_file_command(&mut self, command: FileCommand, now: f64) {
        use super::{Edit, Message};
        use FileCommand as Command;
        match command {
            Command::ImportPersona(path) => match crate::io::persona_file::load_persona(&path) {
                Ok(persona) => {
                    let name = persona.name.clone();
                    self.edit(
                        &Edit::AddPersona {
                            persona: Box::new(persona),
                        },
                        None,
                        now,
                    );
                    self.messages.push(Message::Info(t!(
                        "status-persona-imported",
                        name = &name,
                        path = path.display()
                    )));
                }
                Err(e) => self.messages.push(Message::Error(e.to_string())),
            },
            Command::ImportMermaid(path) => match crate::io::load_mermaid(&path) {
                Ok(diagrams) => {
                    if self.add_mermaid_journeys(&diagrams, now) {
                        let tasks: usize = diagrams
                            .iter()
                            .map(crate::io::mermaid::Diagram::task_count)
                            .sum();
                        self.messages.push(Message::Info(t!(
                            "status-mermaid-imported",
                            journeys = diagrams.len(),
                            tasks = tasks
                        )));
                    }
                }
                Err(e) => self.messages.push(Message::Error(e.to_string())),
            },
            Command::ExportMeasures(path) => {
                match crate::export::measures::write_measures_csv(&self.project, None, &path) {
                    Ok(()) => self.messages.push(Message::Info(t!(
                        "measures-exported",
                        path = path.display()
                    ))),
                    Err(e) => self.messages.push(Message::Error(t!(
                        "measures-export-failed",
                        error = e.to_string()
                    ))),
                }
            }
            Command::ExportPersona { persona, path } => {
                let Some(p) = self.project.persona(persona) else {
                    return;
                };
                match crate::io::persona_file::save_persona(p, &path) {
                    Ok(()) => self.messages.push(Message::Info(t!(
                        "status-persona-exported",
                        name = &p.name,
                        path = path.display()
                    ))),
                    Err(e) => self.messages.push(Message::Error(e.to_string())),
                }
            }
            Command::SetAvatar { persona, path } => {
                let Some(p) = self.project.persona(persona) else {
                    return;
                };
                // Avatars live in the project's folder: a picture from elsewhere is
                // copied into `avatars/` beside the project, so they travel together.
                let Some(file) = self.path.clone() else {
                    self.messages.push(Message::Error(
                        crate::io::persona_file::AvatarError::Unsaved.to_string(),
                    ));
                    return;
                };
                let raw = Path::new(path.trim());
                let source = if raw.is_absolute() {
                    raw.to_owned()
                } else {
                    file.parent().unwrap_or(Path::new(".")).join(raw)
                };
                let stored = crate::io::persona_file::adopt_avatar(&source, &file);
                let full = stored.as_ref().map_err(ToString::to_string).and_then(|s| {
                    crate::io::persona_file::avatar_path(s, Some(&file)).map_err(|e| e.to_string())
                });
                match (stored, full) {
                    (Ok(stored), Ok(full)) => {
                        let mut p = p.clone();
                        p.avatar = Some(stored);
                        self.avatars.forget(&full);
                        if let Err(e) = self.avatars.load(&full) {
                            self.messages.push(Message::Error(e.to_string()));
                            return;
                        }
                        self.edit(
                            &Edit::SetPersona {
                                persona: Box::new(p),
                            },
                            None,
                            now,
                        );
                    }
                    (Err(e), _) => self.messages.push(Message::Error(e.to_string())),
                    (_, Err(e)) => self.messages.push(Message::Error(e)),
                }
            }
            Command::LoadAvatar(stored) => {
                let loaded = crate::io::persona_file::avatar_path(&stored, self.path.as_deref())
                    .and_then(|path| self.avatars.load(&path));
                if let Err(e) = loaded {
                    self.avatars.refuse(stored, self.path.as_deref());
                    self.messages.push(Message::Warning(t!(
                        "warning-avatar-not-shown",
                        error = e.to_string()
                    )));
                }
            }
            Command::LoadTemplates => {
                self.templates = Some(list_templates(self.config_dir.as_deref()));
            }
            Command::SaveTemplate(name) => self.save_template(&name),
            Command::DeleteTemplate(path) => {
                match std::fs::remove_file(&path) {
                    Ok(()) => self.messages.push(Message::Info(t!(
                        "status-template-deleted",
                        path = path.display()
                    ))),
                    Err(source) => self.messages.push(Message::Error(
                        FileError::Io {
                            path: path.clone(),
                            action: FileAction::DeleteTemplate,
                            source,
                        }
                        .to_string(),
                    )),
                }
                self.templates = Some(list_templates(self.config_dir.as_deref()));
            }
            Command::PreviewSurvey(path) => {
                let Some(journey) = self.current_journey() else {
                    return;
                };
                match preview_survey(&self.project, journey, &path, None) {
                    Ok(preview) => self.survey = Some(preview),
                    Err(e) => self.messages.push(Message::Error(e.to_string())),
                }
            }
            Command::ImportSurvey => {
                let Some(preview) = self.survey.take() else {
                    return;
                };
                let changes = preview.plan.changes.len();
                let used = preview.plan.used;
                let left_out = preview.plan.bad.len();
                let revision = self.revision;
                self.edit(
                    &Edit::SetJourney {
                        journey: Box::new(preview.plan.journey),
                    },
                    None,
                    now,
                );
                if self.revision != revision {
                    self.messages.push(Message::Info(t!(
                        "status-survey-imported",
                        path = preview.path.display(),
                        used = used,
                        changes = changes,
                        left_out = left_out
                    )));
                }
            }
            Command::CloseSurvey => self.survey = None,
            Command::SurveyMode(mode) => {
                let Some(journey) = self.current_journey().cloned() else {
                    return;
                };
                if let Some(preview) = &mut self.survey {
                    preview.mode = mode;
                    let layout = preview.layout.clone();
                    preview.plan_with(&self.project, &journey, layout);
                }
            }
            Command::SurveyColumns(layout) => {
                let Some(journey) = self.current_journey().cloned() else {
                    return;
                };
                if let Some(preview) = &mut self.survey {
                    let width = preview.table.header().len();
                    let layout = layout.filter(|l| crate::io::survey::columns::fits(l, width));
                    preview.remembered = false;
                    preview.plan_with(&self.project, &journey, layout);
                }
            }
            Command::SurveySheet(sheet) => {
                let Some(journey) = self.current_journey() else {
                    return;
                };
                let Some(path) = self.survey.as_ref().map(|p| p.path.clone()) else {
                    return;
                };
                match preview_survey(&self.project, journey, &path, Some(&sheet)) {
                    Ok(preview) => self.survey = Some(preview),
                    Err(e) => self.messages.push(Message::Error(e.to_string())),
                }
            }
        }
    }

    fn save_template(&mut self, name: &str) {
        use super::Message;
        let Some(journey) = self.current_journey() else {
            return;
        };
        let Some(dir) = self.config_dir.as_deref().map(|d| d.join("templates")) else {
            self.messages
                .push(Message::Error(FileError::NoConfigDir.to_string()));
            return;
        };
        match templates::save_user_template(&self.project, journey, name, &dir) {
            Ok(path) => {
                self.messages.push(Message::Info(t!(
                    "status-template-saved",
                    name = name,
                    path = path.display()
                )));
                self.templates = Some(list_templates(self.config_dir.as_deref()));
            }
            Err(e) => self.messages.push(Message::Error(e.to_string())),
        }
    }
}

/// The interface language chosen in View > Language, kept in `config_dir/language`;
/// `None` if none was chosen yet (the system's language is used then).
pub fn load_language(config_dir: &Path) -> Option<crate::i18n::Language> {
    let text = std::fs::read_to_string(config_dir.join("language")).ok()?;
    crate::i18n::Language::from_tag(text.trim())
}

/// Remembers the interface language in `config_dir/language`.
pub fn save_language(config_dir: &Path, language: crate::i18n::Language) -> Result<(), FileError> {
    let path = config_dir.join("language");
    let io = |action, source| FileError::Io {
        path: path.clone(),
        action,
        source,
    };
    std::fs::create_dir_all(config_dir).map_err(|e| io(FileAction::CreateFolder, e))?;
    crate::io::atomic_write(&path, format!("{}\n", language.tag()).as_bytes())
        .map_err(|e| io(FileAction::WriteLanguage, std::io::Error::other(e)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recent_files_keep_the_newest_ten_without_repeats() {
        let dir = tempfile::tempdir().unwrap();
        let mut recent = RecentFiles::default();
        for i in 0..12 {
            recent.push(&dir.path().join(format!("{i}.ron")));
        }
        recent.push(&dir.path().join("5.ron"));
        assert_eq!(recent.files.len(), MAX_RECENT);
        assert_eq!(recent.files[0], dir.path().join("5.ron"));
        assert_eq!(recent.files[1], dir.path().join("11.ron"));
        assert_eq!(
            recent.files.iter().filter(|p| p.ends_with("5.ron")).count(),
            1
        );
        recent.save(dir.path()).unwrap();
        assert_eq!(RecentFiles::load(dir.path()), recent);
    }

    #[test]
    fn the_chosen_language_is_remembered() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(load_language(dir.path()), None);
        save_language(dir.path(), crate::i18n::Language::ZhHant).unwrap();
        assert_eq!(
            load_language(dir.path()),
            Some(crate::i18n::Language::ZhHant)
        );
        std::fs::write(dir.path().join("language"), "klingon").unwrap();
        assert_eq!(load_language(dir.path()), None);
    }

    #[test]
    fn a_damaged_recent_list_is_an_empty_one() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("recent.ron"), "[not ron").unwrap();
        assert!(RecentFiles::load(dir.path()).files.is_empty());
    }

    #[test]
    fn survey_files_that_are_not_text_are_refused_with_the_reason() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.csv");
        std::fs::write(&path, [0x00, 0x01, 0xff, 0x80, 0x07, 0x00]).unwrap();
        let e = read_survey(&path, None).unwrap_err().to_string();
        assert!(
            e.contains("neither text nor a spreadsheet") && e.contains("s.csv"),
            "{e}"
        );
        let e = read_survey(&dir.path().join("missing.csv"), None)
            .unwrap_err()
            .to_string();
        assert!(e.contains("missing.csv"), "{e}");
    }

    #[test]
    fn export_options_are_remembered_per_project_across_restarts() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("a.ron");
        let b = dir.path().join("b.ron");
        let transparent = crate::export::ExportOptions {
            background: crate::export::Background::Transparent,
            scale: 2.0,
            legend: false,
            ..Default::default()
        };
        let mut memory = ExportMemory::default();
        memory.set(Some(&a), transparent);
        memory.set(None, crate::export::ExportOptions::default());
        memory.save(dir.path()).unwrap();
        let loaded = ExportMemory::load(dir.path());
        assert_eq!(loaded.get(Some(&a)), Some(transparent));
        assert_eq!(
            loaded.get(Some(&b)),
            None,
            "another project starts from the defaults"
        );
        assert_eq!(
            loaded.get(None),
            Some(crate::export::ExportOptions::default())
        );
        // A damaged file is no memory, not an error.
        std::fs::write(dir.path().join("export-options.ron"), "{oops").unwrap();
        assert_eq!(ExportMemory::load(dir.path()), ExportMemory::default());
    }

    #[test]
    fn starting_an_export_remembers_its_options_in_the_configuration_folder() {
        let config = tempfile::tempdir().unwrap();
        let out = tempfile::tempdir().unwrap();
        let project = crate::io::sample::sample_project();
        let journey = project.journeys[0].id;
        let path = out.path().join("p.ron");
        let mut state = super::super::AppState::new(project.clone(), Some(path.clone()));
        state.set_config_dir(Some(config.path().to_owned()));
        let options = crate::export::ExportOptions {
            background: crate::export::Background::Transparent,
            ..Default::default()
        };
        state.apply(
            super::super::Command::Export {
                journey,
                options,
                format: crate::export::ExportFormat::Png,
                path: out.path().join("map.png"),
            },
            0.0,
        );
        state.finish_background_work();
        let mut later = super::super::AppState::new(project, Some(path.clone()));
        later.set_config_dir(Some(config.path().to_owned()));
        assert_eq!(later.export_memory.get(Some(&path)), Some(options));
    }

    #[test]
    fn another_journeys_columns_serve_only_when_they_name_this_journeys_touchpoints() {
        use crate::model::{MeasureKind, SurveyQuestion};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("export.csv");
        std::fs::write(&path, "id,Q1\n1,9\n").unwrap();
        let mut project = crate::io::sample::sample_project();
        let mut other = crate::io::sample::blank_project().journeys.remove(0);
        other.id = crate::model::JourneyId(project.max_id() + 1);
        project.journeys.push(other);
        let wide = SurveyLayout::Wide {
            questions: vec![SurveyQuestion {
                column: 1,
                target: "Online checkout".into(),
                measure: MeasureKind::Nps,
            }],
        };
        project.journeys[0].survey_mappings.push(SurveyMapping {
            header: vec!["id".into(), "Q1".into()],
            layout: wide.clone(),
        });
        // The blank journey has no "Online checkout": the user chooses again.
        let p = preview_survey(&project, &project.journeys[1], &path, None).unwrap();
        assert_eq!(p.layout, None);
        // A journey that has it may use the other's choice.
        let mut copy = project.journeys[0].clone();
        copy.id = crate::model::JourneyId(project.max_id() + 1);
        copy.survey_mappings.clear();
        let p = preview_survey(&project, &copy, &path, None).unwrap();
        assert_eq!(p.layout, Some(wide));
    }
}
