//! Application state: the open document, its file, selection, undo history and
//! messages. Panels emit [`Command`]s; [`AppState::apply`] is the one place that
//! changes the document.

pub mod disk;
mod edit;
mod export_job;
pub mod file_dialog;
pub mod files;
pub mod find;
mod follow;
mod history;
pub mod import;
pub mod recovery;
pub mod safety;
mod save_job;

pub use edit::{Edit, LaneFamily, Outcome, Placement, apply_edit, lane_family};
pub use export_job::{ExportDone, ExportJob, SharedExporter};
pub use history::{History, MAX_STEPS};
pub use safety::{DiskChange, DiskConflict, SafetyCommand};
pub use save_job::{Expect, SaveOutcome};

use crate::t;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::io;
use crate::model::{AnnotationId, Card, CardId, JourneyId, LaneId, LaneKind, Project, StageId};
pub use files::FileCommand;
use files::{Avatars, RecentFiles, SurveyPreview, TemplateList};

/// What is selected on the canvas.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Selection {
    /// A stage (column).
    Stage(StageId),
    /// A lane (row).
    Lane(LaneId),
    /// A card (including an emotion point).
    Card(CardId),
    /// An accelerator or blocker.
    Annotation(AnnotationId),
    /// An empty place in a cell, where a card can be added or pasted.
    Cell {
        /// The lane.
        lane: LaneId,
        /// The stage.
        stage: StageId,
    },
}

/// Everything the interface can ask of the application.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Replaces the document with a new blank project (the caller has already asked
    /// about unsaved changes).
    NewProject,
    /// Replaces the document with a new project made from a template (the caller has
    /// already asked about unsaved changes).
    NewFromTemplate(Box<Project>),
    /// Opens a project file; on failure the open document is untouched.
    Open(PathBuf),
    /// Saves to the current file; without one, reports that Save As is needed.
    Save,
    /// Saves to a new file and makes it the current file.
    SaveAs(PathBuf),
    /// Undoes the last edit.
    Undo,
    /// Redoes the last undone edit.
    Redo,
    /// Shows another journey of the project.
    SelectJourney(JourneyId),
    /// Changes the selection.
    Select(Option<Selection>),
    /// Opens a persona in the persona editor.
    SelectPersona(crate::model::PersonaId),
    /// Copies the selected cards to the app's clipboard, and their text (one line per
    /// card) to the system clipboard.
    Copy,
    /// Copies the selected cards, then deletes them (one undo step).
    Cut,
    /// Pastes the clipboard into the selected cell (or the cell of the selected card).
    Paste,
    /// Pastes text from the system clipboard: the cards copied in Waymark if it is
    /// their text; a Mermaid `journey` diagram as new journeys (one undo step);
    /// otherwise one card per non-empty line.
    PasteText(String),
    /// Puts a journey on the system clipboard as a Mermaid `journey` diagram.
    CopyMermaid(JourneyId),
    /// Forgets a file in File > Open Recent.
    ForgetRecent(PathBuf),
    /// Switches the interface language (at once, without restarting) and remembers it
    /// in the configuration folder.
    SetLanguage(crate::i18n::Language),
    /// Reads or writes a file other than the project (personas, avatars, templates,
    /// surveys).
    File(FileCommand),
    /// Duplicates the selected cards in their own cells.
    Duplicate,
    /// Deletes the selected cards, or the selected stage or lane.
    DeleteSelection,
    /// Adds a card to the multi-selection, or removes it (Shift/Ctrl-click).
    ToggleCardSelection(CardId),
    /// Selects exactly these cards (rubber band).
    SelectCards(Vec<CardId>),
    /// Decides about unsaved work left by a crash, or about the open file changed
    /// elsewhere.
    Safety(SafetyCommand),
    /// Exports a journey to a PNG, PDF or SVG file in the background; the result
    /// arrives as a message.
    Export {
        /// The journey.
        journey: JourneyId,
        /// Scale, background, parts to include, PDF page size and report.
        options: crate::export::ExportOptions,
        /// The file format.
        format: crate::export::ExportFormat,
        /// The file to write.
        path: PathBuf,
    },
    /// Writes the slides of a journey in the background: one PNG per step of the
    /// workshop presentation, into a folder; the result arrives as a message.
    ExportSlides {
        /// The journey.
        journey: JourneyId,
        /// Size, reveal, votes.
        options: crate::export::slides::SlideOptions,
        /// The folder to write them into (made if missing).
        dir: PathBuf,
    },
    /// Changes the document. Edits with the same `gesture` key in quick succession
    /// form one undo step.
    Edit {
        /// The change.
        edit: Edit,
        /// Merge key of the gesture (e.g. the id of the text field being typed in).
        gesture: Option<u64>,
    },
}

/// A message for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Message {
    /// Something worked (shown in the status bar).
    Info(String),
    /// Something worked with a caveat (shown in the status bar, highlighted).
    Warning(String),
    /// Something failed (shown in an error window until dismissed).
    Error(String),
}

/// The state of the application, independent of any window.
pub struct AppState {
    /// The open document: read it with [`Self::project`]; only [`Self::apply`] changes it.
    project: Project,
    /// The file it was loaded from or saved to, if any.
    pub path: Option<PathBuf>,
    /// The journey shown on the canvas.
    pub journey: Option<JourneyId>,
    /// The primary selection on the canvas (shown in the inspector).
    pub selection: Option<Selection>,
    /// Every selected card, for multi-selection (includes a selected primary card).
    pub selected_cards: Vec<CardId>,
    /// Cards copied with Ctrl+C, for pasting into any journey.
    pub clipboard: Vec<Card>,
    /// The persona open in the persona editor.
    pub selected_persona: Option<crate::model::PersonaId>,
    /// Undo and redo.
    pub history: History,
    /// Messages not yet shown or dismissed.
    pub messages: Vec<Message>,
    /// The export running in the background, if any.
    pub export_job: Option<ExportJob>,
    /// Text for the system clipboard, set by Copy; the window hands it to the platform.
    pub system_copy: Option<String>,
    /// The text last put on the system clipboard by Copy: pasting it back pastes the
    /// copied cards with all their fields.
    clipboard_text: String,
    /// Waymark's configuration folder (user templates, recent files); `None` keeps
    /// everything in memory (tests, or a machine without one).
    config_dir: Option<PathBuf>,
    /// File > Open Recent.
    pub recent: RecentFiles,
    /// The export options last used per project (in the configuration folder).
    pub export_memory: files::ExportMemory,
    /// Decoded avatar images.
    pub avatars: Avatars,
    /// The templates listed for the gallery, once asked for.
    pub templates: Option<TemplateList>,
    /// A survey import waiting for confirmation.
    pub survey: Option<SurveyPreview>,
    exporter: SharedExporter,
    /// Background saves, autosave and recovery, and the watch on the file.
    safety: safety::Safety,
    revision: u64,
    saved_revision: u64,
    next_revision: u64,
}

impl AppState {
    /// State for a document; `path` is where it lives, if anywhere.
    pub fn new(project: Project, path: Option<PathBuf>) -> Self {
        let journey = project.journeys.first().map(|j| j.id);
        let safety = safety::Safety::for_document(path.as_deref());
        Self {
            project,
            path,
            journey,
            selection: None,
            selected_cards: Vec::new(),
            clipboard: Vec::new(),
            selected_persona: None,
            history: History::default(),
            messages: Vec::new(),
            export_job: None,
            system_copy: None,
            clipboard_text: String::new(),
            config_dir: None,
            recent: RecentFiles::default(),
            export_memory: files::ExportMemory::default(),
            avatars: Avatars::default(),
            templates: None,
            survey: None,
            exporter: SharedExporter::default(),
            safety,
            revision: 0,
            saved_revision: 0,
            next_revision: 1,
        }
    }

    /// The open document.
    pub fn project(&self) -> &Project {
        &self.project
    }

    /// Uses `dir` as the configuration folder (user templates, recent files) and reads
    /// the recent files kept there.
    pub fn set_config_dir(&mut self, dir: Option<PathBuf>) {
        self.recent = dir.as_deref().map(RecentFiles::load).unwrap_or_default();
        self.export_memory = dir
            .as_deref()
            .map(files::ExportMemory::load)
            .unwrap_or_default();
        self.set_recovery_dir(dir.as_deref().map(recovery::folder));
        self.config_dir = dir;
    }

    /// The configuration folder, if any.
    pub fn config_dir(&self) -> Option<&Path> {
        self.config_dir.as_deref()
    }

    /// A number that changes whenever the document changes (undo included), for caches.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// True if the document has changes that are not saved. A document that was never
    /// saved counts as unsaved only once it has been edited.
    pub fn is_dirty(&self) -> bool {
        self.revision != self.saved_revision
    }

    /// The folder new files are suggested in: the project file's folder, or the working
    /// folder for a project never saved.
    pub fn folder(&self) -> PathBuf {
        self.path
            .as_deref()
            .and_then(Path::parent)
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
    }

    /// The file name shown in the title bar.
    pub fn display_name(&self) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map_or_else(|| t!("untitled"), |n| n.to_string_lossy().into_owned())
    }

    /// The window title: file name, unsaved mark, app name.
    pub fn window_title(&self) -> String {
        let mark = if self.is_dirty() { "● " } else { "" };
        format!("{mark}{} — Waymark", self.display_name())
    }

    /// The journey shown on the canvas, if the project has any.
    pub fn current_journey(&self) -> Option<&crate::model::Journey> {
        self.journey
            .and_then(|id| self.project.journey(id))
            .or_else(|| self.project.journeys.first())
    }

    /// Replaces the document (after New or Open): history and selection start afresh.
    fn replace_document(&mut self, project: Project, path: Option<PathBuf>) {
        let carried = self.end_document();
        *self = Self {
            messages: std::mem::take(&mut self.messages),
            export_job: self.export_job.take(),
            exporter: Arc::clone(&self.exporter),
            clipboard: std::mem::take(&mut self.clipboard),
            clipboard_text: std::mem::take(&mut self.clipboard_text),
            config_dir: self.config_dir.take(),
            recent: std::mem::take(&mut self.recent),
            export_memory: std::mem::take(&mut self.export_memory),
            templates: self.templates.take(),
            ..Self::new(project, path)
        };
        self.safety.carry(carried);
    }

    /// Applies one command. `now` is the time in seconds, used to merge gestures.
    pub fn apply(&mut self, command: Command, now: f64) {
        match command {
            Command::NewProject => {
                let project = new_project(crate::i18n::interface());
                self.replace_document(project, None);
                self.messages.push(Message::Info(t!("status-new-project")));
            }
            Command::NewFromTemplate(project) => {
                let name = project.title.clone();
                self.replace_document(*project, None);
                self.messages
                    .push(Message::Info(t!("status-new-from-template", name = &name)));
            }
            Command::Open(path) => match io::load_file(&path) {
                Ok(project) => {
                    let summary = summary_line(&project, crate::i18n::interface());
                    self.replace_document(project, Some(path.clone()));
                    self.remember_recent(&path);
                    self.messages.push(Message::Info(t!(
                        "status-opened",
                        path = path.display(),
                        summary = summary
                    )));
                }
                Err(e) => {
                    if !path.exists() && self.recent.files.contains(&path) {
                        self.messages.push(Message::Warning(t!(
                            "status-recent-missing",
                            path = path.display()
                        )));
                    }
                    self.messages.push(Message::Error(e.to_string()));
                }
            },
            Command::Save => match self.path.clone() {
                Some(path) => self.start_save(path),
                None => self.messages.push(Message::Error(t!("error-no-file-yet"))),
            },
            Command::SaveAs(path) => self.start_save(path),
            Command::Safety(command) => self.apply_safety(command),
            Command::Undo => {
                let what = self.history.undo_label().map(str::to_owned);
                let before = self.project.journeys.clone();
                if self.history.undo(&mut self.project, &mut self.revision) {
                    self.follow_change(&before);
                    self.fix_selection();
                    if let Some(what) = what {
                        self.messages
                            .push(Message::Info(t!("status-undid", what = what)));
                    }
                }
            }
            Command::Redo => {
                let what = self.history.redo_label().map(str::to_owned);
                let before = self.project.journeys.clone();
                if self.history.redo(&mut self.project, &mut self.revision) {
                    self.follow_change(&before);
                    self.fix_selection();
                    if let Some(what) = what {
                        self.messages
                            .push(Message::Info(t!("status-redid", what = what)));
                    }
                }
            }
            Command::SelectJourney(id) => {
                if self.project.journey(id).is_some() {
                    self.journey = Some(id);
                    self.selection = None;
                }
            }
            Command::Select(selection) => {
                self.history.break_merge();
                self.selection = selection;
                self.selected_cards = match selection {
                    Some(Selection::Card(c)) => vec![c],
                    _ => Vec::new(),
                };
            }
            Command::SelectPersona(p) => self.selected_persona = Some(p),
            Command::Copy => {
                if let Some(j) = self.current_journey() {
                    let found: Vec<(LaneKind, Card)> = self
                        .selected_cards
                        .iter()
                        .filter_map(|id| j.card(*id).map(|(l, c)| (l.kind.clone(), c.clone())))
                        .collect();
                    if !found.is_empty() {
                        let n = found.len();
                        let text = clipboard_text(&found);
                        let cards: Vec<Card> = found.into_iter().map(|(_, c)| c).collect();
                        self.clipboard_text.clone_from(&text);
                        self.system_copy = Some(text);
                        self.clipboard = cards;
                        self.messages
                            .push(Message::Info(t!("status-copied", count = n)));
                    }
                }
            }
            Command::Cut => {
                self.apply(Command::Copy, now);
                if self.system_copy.is_some() {
                    self.apply(Command::DeleteSelection, now);
                }
            }
            Command::Paste => self.paste(now),
            Command::PasteText(text) => self.paste_text(&text, now),
            Command::CopyMermaid(id) => {
                if let Some(j) = self.project.journey(id) {
                    self.system_copy =
                        Some(crate::io::mermaid::journey_to_mermaid(&self.project, j));
                    self.messages
                        .push(Message::Info(t!("status-mermaid-copied", title = &j.title)));
                }
            }
            Command::SetLanguage(language) => {
                crate::i18n::set_interface(language);
                if let Some(dir) = &self.config_dir
                    && let Err(e) = files::save_language(dir, language)
                {
                    self.messages.push(Message::Warning(e.to_string()));
                }
            }
            Command::ForgetRecent(path) => {
                self.recent.remove(&path);
                self.save_recent();
            }
            Command::File(command) => self.apply_file_command(command, now),
            Command::Duplicate => {
                if let Some(j) = self.current_journey() {
                    let cards: Vec<Placement> = self
                        .selected_cards
                        .iter()
                        .filter_map(|id| j.card(*id))
                        .map(|(l, c)| Placement {
                            lane: l.id,
                            stage: c.stage,
                            card: c.clone(),
                        })
                        .collect();
                    let journey = j.id;
                    if !cards.is_empty() {
                        self.edit(&Edit::AddCards { journey, cards }, None, now);
                    }
                }
            }
            Command::DeleteSelection => {
                if let Some(j) = self.current_journey() {
                    let journey = j.id;
                    let edit = if self.selected_cards.is_empty() {
                        match self.selection {
                            Some(Selection::Stage(stage)) => {
                                Some(Edit::DeleteStage { journey, stage })
                            }
                            Some(Selection::Lane(lane)) => Some(Edit::DeleteLane { journey, lane }),
                            Some(Selection::Annotation(annotation)) => {
                                Some(Edit::DeleteAnnotation {
                                    journey,
                                    annotation,
                                })
                            }
                            _ => None,
                        }
                    } else {
                        Some(Edit::DeleteCards {
                            journey,
                            cards: self.selected_cards.clone(),
                        })
                    };
                    if let Some(edit) = edit {
                        let next = follow::after_delete(j, self.selection, &self.selected_cards);
                        let revision = self.revision;
                        self.edit(&edit, None, now);
                        if self.revision != revision {
                            // The neighbour takes the selection, so the keyboard goes on.
                            self.select_only(next);
                        }
                    }
                }
            }
            Command::ToggleCardSelection(card) => {
                self.history.break_merge();
                if let Some(i) = self.selected_cards.iter().position(|c| *c == card) {
                    self.selected_cards.remove(i);
                    if self.selection == Some(Selection::Card(card)) {
                        self.selection = self.selected_cards.last().copied().map(Selection::Card);
                    }
                } else {
                    self.selected_cards.push(card);
                    self.selection = Some(Selection::Card(card));
                }
            }
            Command::SelectCards(cards) => {
                self.history.break_merge();
                self.selection = cards.last().copied().map(Selection::Card);
                self.selected_cards = cards;
            }
            Command::Export {
                journey,
                options,
                format,
                path,
            } => {
                if self.export_job.is_some() {
                    self.messages
                        .push(Message::Error(t!("error-export-running")));
                } else {
                    // The next export of this project starts from these options.
                    self.export_memory.set(self.path.as_deref(), options);
                    if let Some(dir) = &self.config_dir
                        && let Err(e) = self.export_memory.save(dir)
                    {
                        self.messages.push(Message::Error(e.to_string()));
                    }
                    self.export_job = Some(ExportJob::start(
                        &self.exporter,
                        self.project.clone(),
                        journey,
                        options,
                        format,
                        path,
                        self.path.clone(),
                    ));
                }
            }
            Command::ExportSlides {
                journey,
                options,
                dir,
            } => {
                if self.export_job.is_some() {
                    self.messages
                        .push(Message::Error(t!("error-export-running")));
                } else {
                    self.export_job = Some(ExportJob::start_slides(
                        &self.exporter,
                        self.project.clone(),
                        journey,
                        options,
                        dir,
                    ));
                }
            }
            Command::Edit { edit, gesture } => {
                let revision = self.revision;
                self.edit(&edit, gesture, now);
                // A moved stage, lane or card stays selected.
                if self.revision != revision
                    && let Some((journey, moved)) = follow::moved(&edit)
                    && self.journey == Some(journey)
                {
                    self.select_only(Some(moved));
                }
            }
        }
    }

    /// Collects the result of a finished background export into the messages. Returns
    /// true while an export is still running.
    pub fn poll_export(&mut self) -> bool {
        let Some(job) = &self.export_job else {
            return false;
        };
        let Some(result) = job.poll() else {
            return true;
        };
        self.export_job = None;
        match result {
            Ok(done) if done.slides > 0 => {
                let text = t!(
                    "status-exported-slides",
                    count = done.slides,
                    path = done.path.display(),
                    width = done.width,
                    height = done.height
                );
                if done.missing_scripts.is_empty() {
                    self.messages.push(Message::Info(text));
                } else {
                    self.messages.push(Message::Warning(t!(
                        "status-exported-missing-font",
                        exported = text,
                        scripts = done.missing_scripts.join(", ")
                    )));
                }
            }
            Ok(done) => {
                let text = match done.format {
                    crate::export::ExportFormat::Png => t!(
                        "status-exported",
                        path = done.path.display(),
                        width = done.width,
                        height = done.height
                    ),
                    crate::export::ExportFormat::Pdf => t!(
                        "status-exported-pdf",
                        path = done.path.display(),
                        pages = done.pages
                    ),
                    crate::export::ExportFormat::Svg => {
                        t!("status-exported-svg", path = done.path.display())
                    }
                    crate::export::ExportFormat::Mermaid => {
                        t!("status-exported-mermaid", path = done.path.display())
                    }
                };
                if done.missing_scripts.is_empty() {
                    self.messages.push(Message::Info(text));
                } else {
                    self.messages.push(Message::Warning(t!(
                        "status-exported-missing-font",
                        exported = text,
                        scripts = done.missing_scripts.join(", ")
                    )));
                }
            }
            Err(e) => self
                .messages
                .push(Message::Error(t!("error-export-failed", error = e))),
        }
        false
    }

    /// Pastes the clipboard into the selected cell. Cards go only into lanes of their
    /// family (emotion scores into emotion lanes, and so on).
    fn paste(&mut self, now: f64) {
        let Some(j) = self.current_journey() else {
            return;
        };
        let target = match self.selection {
            Some(Selection::Cell { lane, stage }) => Some((lane, stage)),
            Some(Selection::Card(c)) => j.card(c).map(|(l, c)| (l.id, c.stage)),
            _ => None,
        };
        let Some((lane_id, stage)) = target else {
            self.messages
                .push(Message::Info(t!("status-select-cell-to-paste")));
            return;
        };
        let Some(lane) = j.lanes.iter().find(|l| l.id == lane_id) else {
            return;
        };
        if self.clipboard.is_empty() {
            return;
        }
        // Copied cards remember only their fields: a card with an emotion score is an
        // emotion card, one with a measure a measure card; others are notes.
        let fits = |c: &Card| match lane_family(&lane.kind) {
            LaneFamily::Emotion => c.emotion.is_some() || c.measure.is_none(),
            LaneFamily::Measure(_) => c.measure.is_some() || c.emotion.is_none(),
            LaneFamily::Notes => c.emotion.is_none() && c.measure.is_none(),
        };
        if !self.clipboard.iter().all(fits) {
            self.messages.push(Message::Error(t!(
                "error-paste-wrong-lane",
                lane = &lane.title,
                kind = crate::i18n::labels::lane_kind(crate::i18n::interface(), &lane.kind)
            )));
            return;
        }
        let cards = self
            .clipboard
            .iter()
            .map(|c| Placement {
                lane: lane_id,
                stage,
                card: c.clone(),
            })
            .collect();
        let journey = j.id;
        self.edit(&Edit::AddCards { journey, cards }, None, now);
    }

    /// Pastes text from the system clipboard into the selected cell: the cards copied in
    /// Waymark if the text is theirs (all their fields kept), otherwise one plain card
    /// per non-empty line (a column from a spreadsheet, a list of sticky notes).
    fn paste_text(&mut self, text: &str, now: f64) {
        let text = text.replace("\r\n", "\n");
        if !self.clipboard.is_empty() && text == self.clipboard_text {
            self.paste(now);
            return;
        }
        if crate::io::mermaid::looks_like_journey(&text) {
            match crate::io::mermaid::parse(&text) {
                Ok(diagrams) => {
                    if self.add_mermaid_journeys(&diagrams, now) {
                        self.messages.push(Message::Info(t!(
                            "status-mermaid-pasted",
                            journeys = diagrams.len()
                        )));
                    }
                }
                Err(e) => self.messages.push(Message::Error(t!(
                    "error-mermaid-paste",
                    error = e.to_string()
                ))),
            }
            return;
        }
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        if lines.is_empty() {
            return;
        }
        let stage = match self.selection {
            Some(Selection::Cell { stage, .. }) => Some(stage),
            Some(Selection::Card(c)) => self
                .current_journey()
                .and_then(|j| j.card(c))
                .map(|(_, c)| c.stage),
            _ => None,
        };
        let Some(stage) = stage else {
            self.messages
                .push(Message::Info(t!("status-select-cell-to-paste")));
            return;
        };
        let cards = lines
            .into_iter()
            .map(|line| Card::new(CardId(0), stage, line))
            .collect();
        // The text's cards go through the same path as copied cards: same checks, one
        // undo step.
        let saved = std::mem::replace(&mut self.clipboard, cards);
        self.paste(now);
        self.clipboard = saved;
    }

    /// Adds one journey per Mermaid diagram, on the project's emotion scale and in its
    /// map language, as one undo step. True if they were added (the caller says so).
    pub(crate) fn add_mermaid_journeys(
        &mut self,
        diagrams: &[crate::io::mermaid::Diagram],
        now: f64,
    ) -> bool {
        let lang = crate::i18n::Language::of_map(&self.project);
        let scale = self.project.settings.emotion_scale;
        let journeys: Vec<_> = diagrams
            .iter()
            .map(|d| crate::io::mermaid::to_journey(d, scale, lang, 0))
            .collect();
        let before = self.project.journeys.len();
        self.edit(&Edit::AddJourneys { journeys }, None, now);
        self.project.journeys.len() > before
    }

    /// Puts `path` first in File > Open Recent and keeps the list.
    fn remember_recent(&mut self, path: &Path) {
        self.recent.push(path);
        self.save_recent();
    }

    fn save_recent(&mut self) {
        if let Some(dir) = &self.config_dir
            && let Err(e) = self.recent.save(dir)
        {
            self.messages.push(Message::Warning(t!(
                "warning-recent-not-kept",
                error = e.to_string()
            )));
        }
    }

    /// Saving into another folder takes the avatar pictures along (they are stored
    /// relative to the project's folder); a picture that cannot come along is named.
    fn carry_avatars(&mut self, to: &Path) {
        let Some(from) = self.path.clone() else {
            return;
        };
        if from.parent() == to.parent() {
            return;
        }
        for persona in &self.project.personas {
            if let Some(stored) = &persona.avatar
                && let Err(e) = crate::io::persona_file::carry_avatar(stored, &from, to)
            {
                self.messages.push(Message::Warning(t!(
                    "warning-avatar-not-shown",
                    error = e.to_string()
                )));
            }
        }
    }

    fn edit(&mut self, edit: &Edit, gesture: Option<u64>, now: f64) {
        // The state before, sharing its unchanged parts with the newest undo step: a
        // few pointers per touched lane even on a 12,000-card map, and the way back if
        // the edit is refused. The edit is then made in place, with no copy of the
        // document.
        let before = self.history.snapshot(&self.project);
        let removed = self.what_goes_with(edit);
        let outcome = apply_edit(&mut self.project, edit);
        let changed = !before.matches(&self.project);
        let Some(outcome) = outcome.filter(|_| changed) else {
            // A refused edit may have changed part of the document before giving up.
            if changed {
                self.project = before.restore();
            }
            return;
        };
        // The document must stay valid: an edit that would break it is refused whole.
        if let Some(problem) = self.project.validate().first() {
            self.messages.push(Message::Error(t!(
                "error-edit-refused",
                problem = problem.to_string()
            )));
            self.project = before.restore();
            return;
        }
        // Every change gets a fresh revision, also one merged into the previous undo
        // step: the caches keyed by it (the canvas's layout, the priorities panel, find)
        // must follow each change, and a merged edit after a save makes the document
        // dirty. Undo restores the revision of the state it goes back to.
        self.history
            .record(before, self.revision, gesture, now, edit.describe());
        self.revision = self.next_revision;
        self.next_revision += 1;
        match outcome {
            Outcome::Changed => {}
            Outcome::Select(selection) => {
                self.selection = Some(selection);
                self.selected_cards = match selection {
                    Selection::Card(c) => vec![c],
                    _ => Vec::new(),
                };
            }
            Outcome::SelectCards(cards) => {
                self.selection = cards.last().copied().map(Selection::Card);
                self.selected_cards = cards;
            }
            Outcome::SelectPersona(p) => self.selected_persona = Some(p),
            Outcome::ShowJourney(j) => {
                self.journey = Some(j);
                self.selection = None;
                self.selected_cards.clear();
            }
        }
        self.fix_selection();
        if let Some(text) = removed {
            self.messages.push(Message::Info(text));
        }
    }

    /// What a deletion takes with it, said before it happens: "Deleted stage Fund
    /// account with 3 cards and 1 accelerator — Ctrl+Z to undo". `None` for other edits.
    fn what_goes_with(&self, edit: &Edit) -> Option<String> {
        let (what, name, cards, annotations) = match edit {
            Edit::DeleteStage { journey, stage } => {
                let j = self.project.journey(*journey)?;
                let s = j.stage(*stage)?;
                let cards: Vec<CardId> = j
                    .lanes
                    .iter()
                    .flat_map(|l| &l.cards)
                    .filter(|c| c.stage == *stage)
                    .map(|c| c.id)
                    .collect();
                let annotations = j
                    .annotations
                    .iter()
                    .filter(|a| match a.anchor {
                        crate::model::Anchor::Stage(x) => x == *stage,
                        crate::model::Anchor::Card(c) => cards.contains(&c),
                    })
                    .collect::<Vec<_>>();
                ("stage", s.name.clone(), cards.len(), annotations)
            }
            Edit::DeleteLane { journey, lane } => {
                let j = self.project.journey(*journey)?;
                let l = j.lanes.iter().find(|l| l.id == *lane)?;
                let ids: Vec<CardId> = l.cards.iter().map(|c| c.id).collect();
                let annotations = j
                    .annotations
                    .iter()
                    .filter(
                        |a| matches!(a.anchor, crate::model::Anchor::Card(c) if ids.contains(&c)),
                    )
                    .collect::<Vec<_>>();
                ("lane", l.title.clone(), ids.len(), annotations)
            }
            _ => return None,
        };
        let accelerators = annotations
            .iter()
            .filter(|a| a.kind == crate::model::AnnotationKind::Accelerator)
            .count();
        let blockers = annotations.len() - accelerators;
        Some(t!(
            "status-deleted-with",
            what = what,
            name = name,
            cards = cards,
            accelerators = accelerators,
            blockers = blockers
        ))
    }

    /// Drops a selection that no longer exists (after undo or redo).
    /// Selects `selection` alone (a card selection selects that card only).
    fn select_only(&mut self, selection: Option<Selection>) {
        self.selection = selection;
        self.selected_cards = match selection {
            Some(Selection::Card(c)) => vec![c],
            _ => Vec::new(),
        };
    }

    /// After an undo or a redo: shows the journey it changed, with the item it changed
    /// selected (see [`follow::changed`]); `before` are the journeys before it.
    fn follow_change(&mut self, before: &[crate::model::Journey]) {
        let Some((journey, item)) = follow::changed(before, &self.project.journeys, self.journey)
        else {
            return;
        };
        if self.journey != Some(journey) {
            self.journey = Some(journey);
            self.select_only(None);
        }
        if item.is_some() {
            self.select_only(item);
        }
    }

    fn fix_selection(&mut self) {
        if self
            .journey
            .and_then(|id| self.project.journey(id))
            .is_none()
        {
            self.journey = self.project.journeys.first().map(|j| j.id);
        }
        let Some(j) = self.current_journey() else {
            self.selection = None;
            return;
        };
        let exists = match self.selection {
            Some(Selection::Stage(s)) => j.stage(s).is_some(),
            Some(Selection::Lane(l)) => j.lanes.iter().any(|x| x.id == l),
            Some(Selection::Card(c)) => j.card(c).is_some(),
            Some(Selection::Cell { lane, stage }) => {
                j.stage(stage).is_some() && j.lanes.iter().any(|x| x.id == lane)
            }
            Some(Selection::Annotation(a)) => j.annotations.iter().any(|x| x.id == a),
            None => true,
        };
        let cards: Vec<CardId> = self
            .selected_cards
            .iter()
            .copied()
            .filter(|c| j.card(*c).is_some())
            .collect();
        if !exists {
            self.selection = None;
        }
        self.selected_cards = cards;
    }
}

/// A new, blank project whose map speaks `language` (the interface's: a new map is in
/// the language of the person making it; templates carry their own).
fn new_project(language: crate::i18n::Language) -> Project {
    let mut project = io::sample::blank_project();
    language.tag().clone_into(&mut project.settings.language);
    project
}

/// The text of copied cards for other programs: one line per card (line breaks inside a
/// card become spaces); a card without text gives its score or value, so the text is
/// never empty (the platform offers no paste of empty text).
fn clipboard_text(cards: &[(LaneKind, Card)]) -> String {
    cards
        .iter()
        .map(|(kind, c)| {
            let text = c.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if !text.is_empty() {
                text
            } else if let Some(e) = c.emotion {
                format!("{e:+}")
            } else if let Some(m) = &c.measure {
                match m {
                    crate::model::MeasureValue::Number(n) => match kind {
                        LaneKind::Measures(k) => crate::analysis::format_measure(*k, *n),
                        _ => format!("{n}"),
                    },
                    crate::model::MeasureValue::Status(r) => {
                        crate::i18n::labels::rag(crate::i18n::interface(), *r)
                    }
                }
            } else {
                "-".to_owned()
            }
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// One line summarising a project in `language`: journeys, stages, lanes, cards,
/// personas. (The command line prints it in English, for scripts.)
pub fn summary_line(project: &Project, language: crate::i18n::Language) -> String {
    let c = project.counts();
    let summary = crate::tm!(
        language,
        "summary",
        journeys = c.journeys,
        stages = c.stages,
        lanes = c.lanes,
        cards = c.cards,
        personas = c.personas
    );
    if c.micro_journeys == 0 {
        summary
    } else {
        crate::tm!(
            language,
            "summary-micro",
            summary = summary,
            micro = c.micro_journeys
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::sample::sample_project;

    fn rename(state: &AppState, index: usize, name: &str) -> Command {
        let journey = &state.project.journeys[0];
        let mut stage = journey.stages[index].clone();
        stage.name = name.to_owned();
        Command::Edit {
            edit: Edit::SetStage {
                journey: journey.id,
                stage,
            },
            gesture: Some(index as u64),
        }
    }

    #[test]
    fn a_new_project_takes_the_interface_language() {
        use crate::i18n::Language;
        for language in Language::ALL {
            let p = new_project(language);
            assert_eq!(p.settings.language, language.tag());
            assert_eq!(p.validate(), vec![]);
        }
        let mut state = AppState::new(crate::io::sample::sample_project(), None);
        state.apply(Command::NewProject, 0.0);
        assert_eq!(
            state.project().settings.language,
            crate::i18n::interface().tag()
        );
    }

    #[test]
    fn undo_and_redo_restore_each_state_exactly() {
        let mut state = AppState::new(sample_project(), None);
        let mut snapshots = vec![state.project.clone()];
        for (i, name) in ["A", "B", "C"].iter().enumerate() {
            // Far apart in time: separate steps even for the same field.
            state.apply(rename(&state, 0, name), i as f64 * 10.0);
            snapshots.push(state.project.clone());
        }
        for expected in snapshots.iter().rev().skip(1) {
            state.apply(Command::Undo, 100.0);
            assert_eq!(&state.project, expected);
        }
        assert!(!state.is_dirty());
        for expected in snapshots.iter().skip(1) {
            state.apply(Command::Redo, 100.0);
            assert_eq!(&state.project, expected);
        }
        assert!(state.is_dirty());
    }

    #[test]
    fn typing_in_one_field_is_one_undo_step() {
        let mut state = AppState::new(sample_project(), None);
        let original = state.project.clone();
        for (i, name) in ["O", "Or", "Ord", "Orde"].iter().enumerate() {
            state.apply(rename(&state, 1, name), i as f64 * 0.2);
        }
        state.apply(Command::Undo, 5.0);
        assert_eq!(state.project, original);
        assert!(!state.history.can_undo());
    }

    #[test]
    fn an_edit_that_would_break_the_document_is_refused() {
        let mut state = AppState::new(sample_project(), None);
        let journey = &state.project.journeys[0];
        let mut stage = journey.stages[0].clone();
        stage.width = -10.0;
        let edit = Edit::SetStage {
            journey: journey.id,
            stage,
        };
        state.apply(
            Command::Edit {
                edit,
                gesture: None,
            },
            0.0,
        );
        assert_eq!(state.project, sample_project());
        assert!(!state.is_dirty());
        assert!(matches!(&state.messages[..], [Message::Error(e)] if e.contains("width")));
    }

    #[test]
    fn history_is_bounded() {
        let mut state = AppState::new(sample_project(), None);
        for i in 0..(MAX_STEPS + 20) {
            state.apply(rename(&state, 0, &format!("n{i}")), i as f64 * 10.0);
        }
        let mut undone = 0;
        while state.history.can_undo() {
            state.apply(Command::Undo, 0.0);
            undone += 1;
        }
        assert_eq!(undone, MAX_STEPS);
    }

    #[test]
    fn saving_clears_the_unsaved_mark() {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("x.ron");
        let mut state = AppState::new(sample_project(), None);
        state.apply(rename(&state, 0, "Z"), 0.0);
        assert!(state.window_title().starts_with("● Untitled"));
        state.apply(Command::Save, 0.0);
        assert!(
            state.is_dirty(),
            "Save without a file must not pretend to save"
        );
        state.apply(Command::SaveAs(path.clone()), 0.0);
        // The save runs in the background: unsaved until it has finished.
        assert!(state.is_saving());
        state.finish_background_work();
        assert!(!state.is_saving());
        assert!(!state.is_dirty());
        assert_eq!(state.window_title(), "x.ron — Waymark");
    }
}
