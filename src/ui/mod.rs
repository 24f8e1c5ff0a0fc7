//! The window: menu bar, canvas, inspector, status bar and dialogs. Panels read
//! [`AppState`] and emit [`Command`]s, which are applied once at the end of the frame.

mod access;
pub mod actions;
pub mod canvas;
mod dialogs;
mod export_dialog;
mod find;
mod focus;
mod focus_ring;
mod gallery;
mod import;
pub mod inspector;
mod journeys;
mod measures_export;
mod menu;
pub mod micro;
mod palette;
pub mod personas;
mod popups;
pub mod present;
mod regions;
mod safety;
mod scroll_focus;
mod settings;
mod slides_dialog;

use crate::t;
use std::path::PathBuf;

use std::collections::HashMap;

use crate::app::{AppState, Command, Edit, FileCommand, Message, SafetyCommand, Selection};
use crate::model::{Anchor, AnnotationKind};
pub use actions::Action;
use canvas::{CanvasView, EditTarget, ZoomRequest};
pub use dialogs::FileDialogs;
use dialogs::{Dialogs, Pending};

/// Which side panels are shown: view state, never saved in the project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SidePanels {
    /// The journey list, accelerators and blockers, and priorities on the left.
    pub journeys: bool,
    /// The inspector on the right.
    pub inspector: bool,
}

impl Default for SidePanels {
    fn default() -> Self {
        Self {
            journeys: true,
            inspector: true,
        }
    }
}

/// The Waymark application, as run by eframe (or by a test harness).
pub struct WaymarkApp {
    /// The document and everything about it.
    pub state: AppState,
    /// Pan and zoom of the canvas.
    pub view: CanvasView,
    dialogs: Dialogs,
    export_dialog: Option<export_dialog::ExportDialog>,
    /// The project settings dialog's working copy: the project's title and settings.
    settings_dialog: Option<(String, crate::model::Settings)>,
    import: import::ImportUi,
    measures_export: measures_export::MeasuresExportUi,
    gallery: Option<gallery::Gallery>,
    /// The persona library window.
    pub personas: personas::PersonaEditor,
    avatars: HashMap<std::path::PathBuf, egui::TextureHandle>,
    priorities: journeys::PriorityCache,
    save_template: Option<gallery::SaveTemplateDialog>,
    palette: Option<palette::Palette>,
    shortcuts_sheet: bool,
    /// Which side panels are shown (a small window hides them to make room for the map).
    pub panels: SidePanels,
    /// The workshop presentation, while presenting (F5).
    pub presentation: Option<present::Presentation>,
    /// The Top voted window is shown.
    pub top_voted: bool,
    slides_dialog: Option<slides_dialog::SlidesDialog>,
    /// What the font check last looked at (document revision, journey, interface
    /// language) and the scripts it found missing, so each gap is reported once.
    font_check: Option<(u64, Option<crate::model::JourneyId>, crate::i18n::Language)>,
    missing_scripts: Vec<&'static str>,
    find: Option<find::FindBar>,
    /// Set once the user has agreed to close (or nothing was unsaved).
    allow_close: bool,
    /// What to do once the save in progress has succeeded (New, Open, Quit... after
    /// "Save" in the unsaved-changes question).
    after_save: Option<Pending>,
    /// True once the state can wake the window (when the file changes on disk).
    waker_set: bool,
    last_title: String,
    status: String,
    status_warning: bool,
    /// The question asked before deleting or duplicating something with micro journeys.
    micro_question: Option<micro::Question>,
    /// The focus moving into windows as they open and back when they close.
    focus: focus::Follower,
    /// The journey list's and the inspector's first and last controls, and the
    /// canvas's area, as last drawn (for Tab between the regions).
    tab_regions: (Option<regions::Region>, Option<regions::Region>, egui::Rect),
    /// The control that had the keyboard focus at the end of the last frame (egui may
    /// already have moved it on Tab when this frame starts).
    last_focused: Option<egui::Id>,
    /// The control the focus goes back to, asked again for this many frames.
    focus_back: Option<(egui::Id, u8)>,
}

impl WaymarkApp {
    /// An app on `state`, using native file dialogs or the in-app path entry.
    pub fn new(state: AppState, file_dialogs: FileDialogs) -> Self {
        Self {
            state,
            view: CanvasView::new(),
            dialogs: Dialogs::new(file_dialogs),
            export_dialog: None,
            settings_dialog: None,
            import: import::ImportUi::default(),
            measures_export: measures_export::MeasuresExportUi::default(),
            gallery: None,
            personas: personas::PersonaEditor::default(),
            avatars: HashMap::new(),
            priorities: journeys::PriorityCache::default(),
            save_template: None,
            palette: None,
            shortcuts_sheet: false,
            panels: SidePanels::default(),
            presentation: None,
            top_voted: false,
            slides_dialog: None,
            font_check: None,
            missing_scripts: Vec::new(),
            find: None,
            allow_close: false,
            after_save: None,
            waker_set: false,
            last_title: String::new(),
            status: String::new(),
            status_warning: false,
            micro_question: None,
            focus: focus::Follower::default(),
            tab_regions: (None, None, egui::Rect::NOTHING),
            last_focused: None,
            focus_back: None,
        }
    }

    /// Runs an action as if chosen from the menu.
    pub fn perform(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::New => self.guard(ctx, Pending::New),
            Action::NewFromTemplate => self.guard(ctx, Pending::Gallery),
            Action::SaveAsTemplate => {
                if let Some(j) = self.state.current_journey() {
                    self.save_template = Some(gallery::SaveTemplateDialog {
                        name: j.title.clone(),
                    });
                }
            }
            Action::Cut => self.apply(ctx, Command::Cut),
            Action::Find => {
                self.find.get_or_insert_with(find::FindBar::default).focus = true;
            }
            Action::CommandPalette => self.palette = Some(palette::Palette::default()),
            Action::ShortcutsSheet => self.shortcuts_sheet = !self.shortcuts_sheet,
            Action::Open => self.guard(ctx, Pending::Open),
            Action::Quit => self.guard(ctx, Pending::Quit),
            Action::Save => match self.state.path.clone() {
                Some(_) => self.apply(ctx, Command::Save),
                None => self.dialogs.ask_save_path(&self.state, None),
            },
            Action::SaveAs => self.dialogs.ask_save_path(&self.state, None),
            Action::RecoverUnsaved => {
                self.apply(ctx, Command::Safety(SafetyCommand::ShowRecoverable));
            }
            Action::ExportPng | Action::ExportPdf | Action::ExportSvg => {
                let format = match action {
                    Action::ExportPdf => crate::export::ExportFormat::Pdf,
                    Action::ExportSvg => crate::export::ExportFormat::Svg,
                    _ => crate::export::ExportFormat::Png,
                };
                if self.state.current_journey().is_some() {
                    let remembered = self.state.export_memory.get(self.state.path.as_deref());
                    self.export_dialog = Some(export_dialog::ExportDialog::new(
                        &self.state,
                        format,
                        remembered,
                    ));
                }
            }
            Action::Undo => self.apply(ctx, Command::Undo),
            Action::Redo => self.apply(ctx, Command::Redo),
            Action::Present => {
                if self.presentation.is_some() {
                    self.leave_presentation(ctx);
                } else {
                    self.enter_presentation(ctx);
                }
            }
            Action::ExportSlides => {
                if self.state.current_journey().is_some() {
                    self.slides_dialog = Some(slides_dialog::SlidesDialog::new(&self.state));
                }
            }
            Action::ResetVotes => match self.state.current_journey() {
                Some(j) if j.lanes.iter().flat_map(|l| &l.cards).any(|c| c.votes > 0) => {
                    let edit = Edit::ResetVotes { journey: j.id };
                    self.apply(
                        ctx,
                        Command::Edit {
                            edit,
                            gesture: None,
                        },
                    );
                }
                _ => self
                    .state
                    .messages
                    .push(Message::Info(t!("status-no-votes"))),
            },
            Action::TopVoted => self.top_voted = !self.top_voted,
            Action::ToggleMinimap => self.view.show_minimap = !self.view.show_minimap,
            Action::ZoomToFit => self.view.request(ZoomRequest::Fit),
            Action::Zoom100 => self.view.request(ZoomRequest::Actual),
            Action::DeleteSelection => {
                // A stage with micro journeys: ask what becomes of them first.
                if let (Some(Selection::Stage(stage)), Some(j), true) = (
                    self.state.selection,
                    self.state.current_journey(),
                    self.state.selected_cards.is_empty(),
                ) && self
                    .state
                    .project()
                    .micro_journeys(j.id, stage)
                    .next()
                    .is_some()
                {
                    self.micro_question = Some(micro::Question::DeleteStage {
                        journey: j.id,
                        stage,
                    });
                } else {
                    self.apply(ctx, Command::DeleteSelection);
                }
            }
            Action::ZoomIntoStage => match (self.state.selection, self.state.current_journey()) {
                (Some(Selection::Stage(stage)), Some(j)) => {
                    let template = crate::io::sample::blank_journey(crate::i18n::Language::of_map(
                        self.state.project(),
                    ));
                    let edit = Edit::ZoomIntoStage {
                        journey: j.id,
                        stage,
                        template: Box::new(template),
                    };
                    self.apply(
                        ctx,
                        Command::Edit {
                            edit,
                            gesture: None,
                        },
                    );
                    self.view.request(ZoomRequest::Fit);
                }
                _ => self
                    .state
                    .messages
                    .push(Message::Info(t!("status-select-stage-to-zoom"))),
            },
            Action::Copy => self.apply(ctx, Command::Copy),
            Action::Paste => self.apply(ctx, Command::Paste),
            Action::Duplicate => self.apply(ctx, Command::Duplicate),
            Action::EditSelection => self.edit_selection(ctx),
            Action::AddStageAtEnd | Action::AddStageBefore | Action::AddStageAfter => {
                self.add_stage(ctx, action);
            }
            Action::ToggleCollapse => {
                if let (Some(Selection::Lane(id)), Some(j)) =
                    (self.state.selection, self.state.current_journey())
                    && let Some(lane) = j.lanes.iter().find(|l| l.id == id)
                {
                    let edit = Edit::SetLane {
                        journey: j.id,
                        lane: id,
                        title: lane.title.clone(),
                        height: lane.height,
                        collapsed: !lane.collapsed,
                    };
                    self.apply(
                        ctx,
                        Command::Edit {
                            edit,
                            gesture: None,
                        },
                    );
                }
            }
            Action::AddAccelerator | Action::AddBlocker => {
                let anchor = match self.state.selection {
                    Some(Selection::Stage(s)) => Some(Anchor::Stage(s)),
                    Some(Selection::Card(c)) => Some(Anchor::Card(c)),
                    _ => None,
                };
                match (anchor, self.state.current_journey()) {
                    (Some(anchor), Some(j)) => {
                        let (kind, title) = if action == Action::AddAccelerator {
                            (AnnotationKind::Accelerator, t!("new-accelerator"))
                        } else {
                            (AnnotationKind::Blocker, t!("new-blocker"))
                        };
                        let edit = Edit::AddAnnotation {
                            journey: j.id,
                            kind,
                            anchor,
                            title,
                        };
                        self.apply(
                            ctx,
                            Command::Edit {
                                edit,
                                gesture: None,
                            },
                        );
                    }
                    _ => self
                        .state
                        .messages
                        .push(Message::Info(t!("status-select-to-pin"))),
                }
            }
            Action::ToggleAnnotations => {
                self.view.show_annotations = !self.view.show_annotations;
            }
            Action::ToggleNotes => {
                self.view.show_notes = !self.view.show_notes;
            }
            Action::ToggleJourneysPanel => self.panels.journeys = !self.panels.journeys,
            Action::ToggleInspector => self.panels.inspector = !self.panels.inspector,
            Action::Personas => self.personas.open = !self.personas.open,
            Action::Settings => {
                let p = self.state.project();
                self.settings_dialog = Some((p.title.clone(), p.settings.clone()));
            }
            Action::ImportCsv => self.import.open(&self.state),
            Action::ImportMermaid => {
                if let Some(path) = self.dialogs.ask_mermaid_import(&self.state) {
                    self.apply(ctx, Command::File(FileCommand::ImportMermaid(path)));
                }
            }
            Action::ExportMermaid => {
                if let Some(j) = self.state.current_journey() {
                    let journey = j.id;
                    let slug = crate::io::slug(&j.title);
                    let name = format!("{}.mmd", if slug.is_empty() { "journey" } else { &slug });
                    if let Some(path) = self.dialogs.ask_mermaid_export(&self.state, journey, &name)
                    {
                        self.apply(ctx, export_mermaid(journey, path));
                    }
                }
            }
            Action::CopyMermaid => {
                if let Some(j) = self.state.current_journey() {
                    let journey = j.id;
                    self.apply(ctx, Command::CopyMermaid(journey));
                }
            }
            Action::ExportMeasures => self.measures_export.open(&self.state),
            Action::NewJourney => {
                let template = crate::io::sample::blank_journey(crate::i18n::Language::of_map(
                    self.state.project(),
                ));
                let edit = Edit::AddJourney {
                    template: Box::new(template),
                    personas: Vec::new(),
                };
                self.apply(
                    ctx,
                    Command::Edit {
                        edit,
                        gesture: None,
                    },
                );
            }
            Action::DuplicateJourney | Action::DeleteJourney => {
                if let Some(j) = self.state.current_journey() {
                    let journey = j.id;
                    if self.state.project().children(journey).next().is_some() {
                        self.micro_question = Some(if action == Action::DuplicateJourney {
                            micro::Question::DuplicateJourney(journey)
                        } else {
                            micro::Question::DeleteJourney(journey)
                        });
                        return;
                    }
                    let edit = if action == Action::DuplicateJourney {
                        Edit::DuplicateJourney { journey }
                    } else {
                        Edit::DeleteJourney { journey }
                    };
                    self.apply(
                        ctx,
                        Command::Edit {
                            edit,
                            gesture: None,
                        },
                    );
                }
            }
        }
    }

    /// Starts presenting the current journey: the window goes full screen with no
    /// menus or panels, on the overview.
    fn enter_presentation(&mut self, ctx: &egui::Context) {
        if self.state.current_journey().is_none() {
            return;
        }
        let now = ctx.input(|i| i.time);
        let was_fullscreen = ctx.input(|i| i.viewport().fullscreen.unwrap_or(false));
        self.presentation = Some(present::Presentation::new(
            now,
            self.state.selection,
            was_fullscreen,
        ));
        self.palette = None;
        self.shortcuts_sheet = false;
        ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
    }

    /// Ends the presentation: the window as it was, the editor's selection back.
    fn leave_presentation(&mut self, ctx: &egui::Context) {
        if let Some(p) = self.presentation.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(p.was_fullscreen));
            let selection = p.saved_selection.filter(|s| self.selection_exists(*s));
            self.apply(ctx, Command::Select(selection));
        }
    }

    /// True if what `selection` names is still in the current journey.
    fn selection_exists(&self, selection: Selection) -> bool {
        let Some(j) = self.state.current_journey() else {
            return false;
        };
        match selection {
            Selection::Stage(id) | Selection::Cell { stage: id, .. } => j.stage(id).is_some(),
            Selection::Lane(id) => j.lanes.iter().any(|l| l.id == id),
            Selection::Card(id) => j.card(id).is_some(),
            Selection::Annotation(id) => j.annotations.iter().any(|a| a.id == id),
        }
    }

    /// One frame while presenting: the projector view, the console, and the few
    /// shortcuts that still apply (F5 to leave, undo, redo, save).
    fn present_frame(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let typing = self
            .presentation
            .as_ref()
            .is_some_and(present::Presentation::is_editing);
        if !self.dialogs.is_modal_open() {
            for action in [Action::Present, Action::Redo, Action::Undo, Action::Save] {
                if typing && action.yields_to_text_fields() {
                    continue;
                }
                let pressed = action
                    .shortcuts()
                    .iter()
                    .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
                if pressed {
                    self.perform(&ctx, action);
                }
            }
        }
        let mut commands = Vec::new();
        let mut leave = false;
        if let Some(pres) = &mut self.presentation {
            egui::CentralPanel::default()
                .frame(egui::Frame::NONE.fill(crate::theme::PROJECTOR.background))
                .show(ui, |ui| {
                    if self.dialogs.is_modal_open() {
                        ui.disable();
                    }
                    present::present_ui(ui, &self.state, pres, &mut commands);
                });
            leave = pres.leave;
        }
        for command in commands {
            self.apply(&ctx, command);
        }
        if leave {
            self.leave_presentation(&ctx);
        }
        self.show_dialogs(&ctx);
        if self.state.poll_export() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        self.safety_ui(&ctx);
        if !self.state.messages.is_empty() {
            ctx.request_repaint();
        }
        self.take_messages();
        self.update_title(&ctx);
    }

    /// Enter on the canvas: edit the selected item's text in place; on an empty cell,
    /// add a card there and edit it.
    fn edit_selection(&mut self, ctx: &egui::Context) {
        let target = match self.state.selection {
            Some(Selection::Stage(id)) => Some(EditTarget::Stage(id)),
            Some(Selection::Lane(id)) => Some(EditTarget::Lane(id)),
            Some(Selection::Card(id)) => Some(EditTarget::Card(id)),
            Some(Selection::Cell { lane, stage }) => {
                if let Some(j) = self.state.current_journey() {
                    let edit = Edit::add_empty_card(j.id, lane, stage);
                    self.apply(
                        ctx,
                        Command::Edit {
                            edit,
                            gesture: None,
                        },
                    );
                    self.view.edit_next_card();
                }
                None
            }
            Some(Selection::Annotation(_)) | None => None,
        };
        if let Some(target) = target {
            self.view.start_editing(&self.state, target);
        }
    }

    /// The avatar texture of the current journey's persona. The image is loaded by the
    /// app (once per file, a failure reported once); the texture is made here.
    fn current_avatar(&mut self, ctx: &egui::Context) -> Option<egui::TextureId> {
        let journey = self.state.current_journey()?;
        let persona = self.state.project().persona(journey.persona?)?;
        let stored = persona.avatar.clone()?;
        if self
            .state
            .avatars
            .was_refused(&stored, self.state.path.as_deref())
        {
            return None;
        }
        let Ok(path) = crate::io::persona_file::avatar_path(&stored, self.state.path.as_deref())
        else {
            self.apply(ctx, Command::File(FileCommand::LoadAvatar(stored)));
            return None;
        };
        if let Some(texture) = self.avatars.get(&path) {
            return Some(texture.id());
        }
        if !self.state.avatars.tried(&path) {
            self.apply(ctx, Command::File(FileCommand::LoadAvatar(stored)));
        }
        let image = self.state.avatars.get(&path)?;
        let size = [image.width() as usize, image.height() as usize];
        let color = egui::ColorImage::from_rgba_unmultiplied(size, image.as_raw());
        let texture = ctx.load_texture(
            path.display().to_string(),
            color,
            egui::TextureOptions::LINEAR,
        );
        let id = texture.id();
        self.avatars.insert(path, texture);
        Some(id)
    }

    fn add_stage(&mut self, ctx: &egui::Context, action: Action) {
        let Some(j) = self.state.current_journey() else {
            return;
        };
        let selected = match self.state.selection {
            Some(Selection::Stage(id)) => j.stages.iter().position(|s| s.id == id),
            _ => None,
        };
        let index = match (action, selected) {
            (Action::AddStageBefore, Some(i)) => i,
            (Action::AddStageAfter, Some(i)) => i + 1,
            _ => j.stages.len(),
        };
        let edit = Edit::AddStage {
            journey: j.id,
            index,
            name: t!("new-stage"),
        };
        self.apply(
            ctx,
            Command::Edit {
                edit,
                gesture: None,
            },
        );
        // The new stage's placeholder name is selected: typing replaces it.
        if let Some(Selection::Stage(id)) = self.state.selection {
            self.view
                .start_replacing(&self.state, EditTarget::Stage(id));
        }
    }

    /// Opens the template gallery (also on first launch).
    pub fn show_gallery(&mut self) {
        self.state
            .apply(Command::File(FileCommand::LoadTemplates), 0.0);
        let templates = self.state.templates.clone().unwrap_or_default();
        self.gallery = Some(gallery::Gallery::open(&templates));
    }

    /// Runs `pending` now, or first asks about unsaved changes.
    fn guard(&mut self, ctx: &egui::Context, pending: Pending) {
        if self.state.is_dirty() {
            self.dialogs.confirm = Some(pending);
        } else {
            self.proceed(ctx, pending);
        }
    }

    /// Runs an action whose unsaved-changes question has been answered.
    fn proceed(&mut self, ctx: &egui::Context, pending: Pending) {
        match pending {
            Pending::New => self.apply(ctx, Command::NewProject),
            Pending::Gallery => self.show_gallery(),
            Pending::Open => {
                if let Some(path) = self.dialogs.ask_open_path(&self.state) {
                    self.apply(ctx, Command::Open(path));
                }
            }
            Pending::OpenRecent(path) => self.apply(ctx, Command::Open(path)),
            Pending::Recover(id) => {
                self.apply(ctx, Command::Safety(SafetyCommand::Recover(id)));
                self.view = CanvasView::new();
            }
            Pending::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    fn apply(&mut self, ctx: &egui::Context, command: Command) {
        let reset_view = matches!(command, Command::NewProject | Command::Open(_));
        // After an undo, a redo or a delete, the selection moves to the item changed (or
        // the neighbour of the one deleted): the map scrolls to show it.
        let follow = matches!(
            command,
            Command::Undo | Command::Redo | Command::DeleteSelection | Command::Cut
        );
        let now = ctx.input(|i| i.time);
        self.state.apply(command, now);
        if follow && let Some(selection) = self.state.selection {
            self.view.reveal(selection);
        }
        // Copy hands its text to the platform's clipboard, for other programs.
        if let Some(text) = self.state.system_copy.take() {
            ctx.copy_text(text);
        }
        if reset_view
            && self
                .state
                .messages
                .iter()
                .all(|m| !matches!(m, Message::Error(_)))
        {
            self.view = CanvasView::new();
        }
    }

    fn save_as(&mut self, ctx: &egui::Context, path: PathBuf, then: Option<Pending>) {
        self.apply(ctx, Command::SaveAs(path));
        self.after_save = then;
    }

    /// Background saving, autosave and the watch on the file, once per frame; then what
    /// waited for a save, and the questions about unsaved work and the file on disk.
    fn safety_ui(&mut self, ctx: &egui::Context) {
        if !self.waker_set {
            let waker = ctx.clone();
            self.state
                .set_waker(std::sync::Arc::new(move || waker.request_repaint()));
            self.waker_set = true;
        }
        let (lost, gained) = ctx.input(|i| {
            let focus = |f| {
                i.events
                    .iter()
                    .any(|e| matches!(e, egui::Event::WindowFocused(x) if *x == f))
            };
            (focus(false), focus(true))
        });
        if let Some(wake) = self.state.tick(lost, gained) {
            ctx.request_repaint_after(wake);
        }
        if self.after_save.is_some() && !self.state.is_saving() {
            let then = self.after_save.take();
            if let Some(then) = then
                && !self.state.is_dirty()
            {
                self.proceed(ctx, then);
            }
        }
        if self.dialogs.is_modal_open() {
            return;
        }
        if let Some(choice) = safety::recovery_ui(ctx, &self.state) {
            // The next question (or the recovered map) is drawn at once.
            ctx.request_repaint();
            match choice {
                safety::RecoveryChoice::Recover(id) => self.guard(ctx, Pending::Recover(id)),
                safety::RecoveryChoice::Discard(id) => {
                    self.apply(ctx, Command::Safety(SafetyCommand::DiscardRecovery(id)));
                }
                safety::RecoveryChoice::Later => {
                    self.apply(ctx, Command::Safety(SafetyCommand::RecoverLater));
                }
            }
            return;
        }
        let Some(conflict) = self.state.disk_conflict() else {
            return;
        };
        if let Some(choice) = safety::conflict_ui(ctx, conflict, self.state.is_dirty()) {
            ctx.request_repaint();
            let command = match choice {
                safety::ConflictChoice::Reload => {
                    self.view = CanvasView::new();
                    SafetyCommand::Reload
                }
                safety::ConflictChoice::KeepMine => SafetyCommand::KeepMine,
                safety::ConflictChoice::SaveToOldPath => SafetyCommand::SaveToOldPath,
                safety::ConflictChoice::SaveMineAs => {
                    self.dialogs.ask_save_path(&self.state, None);
                    return;
                }
            };
            self.apply(ctx, Command::Safety(command));
        }
    }

    fn handle_shortcuts(&mut self, ctx: &egui::Context) {
        // Text fields keep Ctrl+Z, Delete, Enter and the clipboard while they have focus,
        // and the canvas's keys are its own only while it has the keyboard.
        let typing = ctx.text_edit_focused() || self.view.is_editing();
        // An open menu has the keys too: Enter chooses its focused item.
        // (Asked of the memory: the menus of this frame are not drawn yet.)
        let canvas = !typing && self.view.owns_keyboard() && !egui::Popup::is_any_open(ctx);
        if canvas {
            // The platform turns Ctrl+C / Ctrl+X / Ctrl+V into clipboard events; they
            // never arrive as key presses in the real window.
            let events: Vec<egui::Event> = ctx.input(|i| {
                i.events
                    .iter()
                    .filter(|e| {
                        matches!(
                            e,
                            egui::Event::Copy | egui::Event::Cut | egui::Event::Paste(_)
                        )
                    })
                    .cloned()
                    .collect()
            });
            for event in events {
                match event {
                    egui::Event::Copy => self.perform(ctx, Action::Copy),
                    egui::Event::Cut => self.perform(ctx, Action::Cut),
                    egui::Event::Paste(text) => self.apply(ctx, Command::PasteText(text)),
                    _ => {}
                }
            }
        }
        for action in Action::ALL {
            if (typing && action.yields_to_text_fields()) || (!canvas && action.acts_on_canvas()) {
                continue;
            }
            let pressed = action
                .shortcuts()
                .iter()
                .any(|s| ctx.input_mut(|i| i.consume_shortcut(s)));
            if pressed {
                self.perform(ctx, action);
            }
        }
    }

    /// Escape closes the innermost window or dialog that is open (never more than one,
    /// and never the canvas selection with it). Menus and popups close themselves; the
    /// unsaved-changes question, the path entry and error messages handle their own
    /// Escape. Returns true if it closed something.
    fn close_on_escape(&mut self, ctx: &egui::Context) -> bool {
        if !ctx.input(|i| i.key_pressed(egui::Key::Escape))
            || ctx.any_popup_open()
            || self.dialogs.is_modal_open()
            || self.view.is_editing()
        {
            return false;
        }
        let closed = if self.palette.take().is_some() {
            true
        } else if self.shortcuts_sheet {
            self.shortcuts_sheet = false;
            true
        } else if self.save_template.take().is_some()
            || self.export_dialog.take().is_some()
            || self.slides_dialog.take().is_some()
            || self.settings_dialog.take().is_some()
            || self.gallery.take().is_some()
        {
            true
        } else if self.measures_export.is_open() {
            self.measures_export.close();
            true
        } else if self.import.is_open() || self.state.survey.is_some() {
            self.import.close();
            self.apply(ctx, Command::File(FileCommand::CloseSurvey));
            true
        } else if self.find.take().is_some() {
            true
        } else if self.personas.open {
            self.personas.open = false;
            true
        } else {
            false
        };
        if closed {
            ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
        }
        closed
    }

    /// Warns once, in the status line, when the open map or the interface language
    /// needs a script that no font on this machine can show (never silent boxes).
    fn check_fonts(&mut self, ctx: &egui::Context) {
        let key = (
            self.state.revision(),
            self.state.journey,
            crate::i18n::interface(),
        );
        if self.font_check == Some(key) {
            return;
        }
        self.font_check = Some(key);
        // A sample of the interface's own words stands for the whole interface.
        let interface = [t!("menu-file"), t!("action-undo"), t!("find-label")];
        let mut texts: Vec<&str> = interface.iter().map(String::as_str).collect();
        if let Some(j) = self.state.current_journey() {
            texts.extend(crate::export::journey_texts(self.state.project(), j));
        }
        let missing = crate::export::missing_scripts_in(ctx, texts);
        let new: Vec<&str> = missing
            .iter()
            .copied()
            .filter(|s| !self.missing_scripts.contains(s))
            .collect();
        if !new.is_empty() {
            self.state.messages.push(Message::Warning(t!(
                "warning-missing-font",
                scripts = new.join(", ")
            )));
        }
        self.missing_scripts = missing;
    }

    /// Tab and Shift+Tab between the regions: the journey list, the canvas, the
    /// inspector (see [`regions`]). Tab on the canvas moves into the inspector's first
    /// field; Shift+Tab from there comes back to the canvas.
    fn tab_between_regions(&mut self, ctx: &egui::Context) {
        if self.window_has_keyboard() || self.view.is_editing() || egui::Popup::is_any_open(ctx) {
            return;
        }
        let (tab, back) = ctx.input(|i| {
            let tab = i.key_pressed(egui::Key::Tab);
            (
                tab && i.modifiers.is_none(),
                tab && i.modifiers.shift_only(),
            )
        });
        if !tab && !back {
            return;
        }
        let focused = self.last_focused;
        let (left, right, canvas) = self.tab_regions;
        let in_canvas = focused.is_none_or(|id| {
            ctx.viewport(|v| {
                v.prev_pass
                    .widgets
                    .get(id)
                    .is_some_and(|w| canvas.contains(w.rect.center()))
            })
        });
        let now = if self.view.owns_keyboard() && in_canvas && !ctx.text_edit_focused() {
            regions::Place::Canvas
        } else if let Some(id) = focused {
            regions::Place::Widget(id)
        } else {
            return;
        };
        let Some(to) = regions::next(now, back, left, right, inspector::first_field(ctx)) else {
            return;
        };
        ctx.memory_mut(|m| {
            m.move_focus(egui::FocusDirection::None);
            // Where egui's own Tab put the focus this frame, or where it was.
            if let Some(id) = m.focused().or(focused) {
                m.surrender_focus(id);
            }
            if let regions::Place::Widget(id) = to {
                m.request_focus(id);
            }
        });
        self.view.set_keyboard(to == regions::Place::Canvas);
    }

    /// A Tab that landed on one of the map's items (from a control egui orders before
    /// the canvas) gives the canvas the keyboard instead: the map is one Tab stop.
    fn tab_skips_the_maps_items(&mut self, ctx: &egui::Context) {
        self.skip_maps_items(ctx);
        self.last_focused = ctx.memory(egui::Memory::focused);
    }

    fn skip_maps_items(&mut self, ctx: &egui::Context) {
        if !ctx.input(|i| i.key_pressed(egui::Key::Tab)) || self.window_has_keyboard() {
            return;
        }
        let canvas = self.tab_regions.2;
        let Some(id) = ctx.memory(egui::Memory::focused) else {
            return;
        };
        let on_map = ctx.viewport(|v| {
            v.this_pass.widgets.get(id).is_some_and(|w| {
                w.layer_id.order == egui::Order::Background && canvas.contains(w.rect.center())
            })
        });
        if on_map && !self.view.is_editing() && !ctx.text_edit_focused() {
            ctx.memory_mut(|m| m.surrender_focus(id));
            self.view.set_keyboard(true);
        }
    }

    /// True while a window that takes the keyboard (a dialog, the palette) is open.
    fn window_has_keyboard(&self) -> bool {
        self.dialogs.is_modal_open()
            || self.export_dialog.is_some()
            || self.slides_dialog.is_some()
            || self.settings_dialog.is_some()
            || self.import.is_open()
            || self.measures_export.is_open()
            || self.state.survey.is_some()
            || self.gallery.is_some()
            || self.save_template.is_some()
            || self.palette.is_some()
            || self.shortcuts_sheet
            || self.micro_question.is_some()
            || self.state.recovery_question_open()
            || self.state.disk_conflict().is_some()
    }

    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.state.window_title();
        if title != self.last_title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.last_title = title;
        }
    }

    /// Shows the app's messages: each one once, in the status line, or in a window for
    /// an error that must not be missed.
    fn take_messages(&mut self) {
        for message in std::mem::take(&mut self.state.messages) {
            match message {
                Message::Info(text) => {
                    self.status = text;
                    self.status_warning = false;
                }
                Message::Warning(text) => {
                    self.status = text;
                    self.status_warning = true;
                }
                Message::Error(text) => {
                    self.status = t!("status-see-error");
                    self.status_warning = true;
                    self.dialogs.errors.push(text);
                }
            }
        }
    }

    /// Draws one frame into `ui` (the whole window).
    pub fn frame_ui(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if self.state.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.dialogs.confirm = Some(Pending::Quit);
            } else {
                self.allow_close = true;
            }
        }
        if self.presentation.is_some() {
            self.present_frame(ui);
            return;
        }
        let mut commands = Vec::new();
        let mut actions = Vec::new();
        let mut open_recent = None;
        egui::Panel::top("menu_bar").show(ui, |ui| {
            actions.extend(menu::menu_bar_ui(
                ui,
                &self.state,
                menu::Shown {
                    annotations: self.view.show_annotations,
                    notes: self.view.show_notes,
                    journeys_panel: self.panels.journeys,
                    inspector: self.panels.inspector,
                    top_voted: self.top_voted,
                    minimap: self.view.show_minimap,
                },
                &mut commands,
                &mut open_recent,
            ));
        });
        self.close_on_escape(&ctx);
        self.tab_between_regions(&ctx);
        if !self.window_has_keyboard() {
            self.handle_shortcuts(&ctx);
        }
        if let Some(path) = open_recent {
            self.guard(&ctx, Pending::OpenRecent(path));
        }
        if let Some(find) = &mut self.find {
            let mut close = false;
            let mut show = None;
            egui::Panel::top("find_bar").show(ui, |ui| {
                show = find.ui(ui, &self.state, &mut close);
            });
            if close {
                self.find = None;
            }
            if let Some(place) = show {
                self.show_place(&ctx, place);
            }
        }
        egui::Panel::bottom("status_bar").show(ui, |ui| {
            ui.horizontal(|ui| {
                if let Some((path, started)) = self.state.saving() {
                    // No spinner: it would repaint the window every frame while the
                    // save runs; the seconds count is refreshed as the save is polled.
                    ui.label(t!(
                        "status-saving",
                        path = path.display(),
                        seconds = format!("{:.1}", started.elapsed().as_secs_f32())
                    ));
                } else if let Some(job) = &self.state.export_job {
                    ui.spinner();
                    ui.label(t!(
                        "status-exporting",
                        path = job.path.display(),
                        seconds = format!("{:.1}", job.started.elapsed().as_secs_f32())
                    ));
                } else if self.status_warning {
                    ui.colored_label(ui.visuals().warn_fg_color, &self.status);
                } else {
                    ui.label(&self.status);
                }
                ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                    ui.label(format!("{:.0}%", self.view.zoom * 100.0));
                    if let Some(j) = self.state.current_journey() {
                        ui.separator();
                        ui.label(&j.title);
                    }
                });
            });
        });
        // The side panels are resized by their inner edge and collapsed from the View
        // menu, by shortcut, or by dragging the edge all the way; a collapsed panel
        // keeps a handle to drag it open again.
        let layer = ui.layer_id();
        let mark = regions::mark(&ctx, layer);
        egui::Panel::left("journeys")
            .resizable(true)
            .default_size(190.0)
            .show_collapsible(ui, &mut self.panels.journeys, |ui| {
                let mut reveal = None;
                egui::ScrollArea::vertical().show(ui, |ui| {
                    journeys::journey_list_ui(ui, &self.state, &mut commands, &mut actions);
                    ui.separator();
                    egui::CollapsingHeader::new(t!("panel-annotations"))
                        .default_open(true)
                        .show(ui, |ui| {
                            journeys::annotations_ui(ui, &self.state, &mut commands, &mut reveal);
                        });
                    egui::CollapsingHeader::new(t!("panel-priorities"))
                        .default_open(true)
                        .show(ui, |ui| {
                            let mut show_all = self.priorities.show_all;
                            let mut with_micro = self.priorities.with_micro;
                            let ranked = self.priorities.get(&self.state);
                            journeys::priorities_ui(
                                ui,
                                &self.state,
                                ranked,
                                (&mut show_all, &mut with_micro),
                                &mut commands,
                                &mut reveal,
                            );
                            self.priorities.show_all = show_all;
                            self.priorities.with_micro = with_micro;
                        });
                    scroll_focus::follow_focus(ui);
                });
                if let Some(card) = reveal {
                    self.view.reveal(Selection::Card(card));
                }
            });
        access::name_panel_edge(ui, "journeys", &t!("panel-resize-journeys"));
        let scope = ui.scope_id();
        let edge = |salt: &str| scope.with(salt).with("__resize");
        self.tab_regions.0 = regions::since(&ctx, layer, mark, edge("journeys"));
        let mark = regions::mark(&ctx, layer);
        egui::Panel::right("inspector")
            .resizable(true)
            .default_size(280.0)
            .show_collapsible(ui, &mut self.panels.inspector, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    inspector::inspector_ui(ui, &self.state, &mut commands);
                    scroll_focus::follow_focus(ui);
                });
            });
        access::name_panel_edge(ui, "inspector", &t!("panel-resize-inspector"));
        self.tab_regions.1 = regions::since(&ctx, layer, mark, edge("inspector"));
        self.personas.ui(&ctx, &self.state, &mut commands);
        self.view.avatar = self.current_avatar(&ctx);
        let mut crumb = None;
        if self
            .state
            .current_journey()
            .is_some_and(|j| j.parent.is_some())
        {
            egui::Panel::top("breadcrumb").show(ui, |ui| {
                crumb = micro::breadcrumb_ui(ui, &self.state);
            });
        }
        self.tab_regions.2 = egui::CentralPanel::default()
            .frame(egui::Frame::NONE)
            .show(ui, |ui| {
                self.view.settings_preview = self
                    .settings_dialog
                    .as_ref()
                    .and_then(|(t, s)| settings::preview_edit(self.state.project(), t, s));
                canvas::canvas_ui(ui, &self.state, &mut self.view, &mut commands, &mut actions);
            })
            .response
            .rect;
        if let Some(crumb) = crumb {
            // Back on the macro map, the stage is selected and its keys work at once.
            self.view.set_keyboard(true);
            self.show_place(
                &ctx,
                crate::app::find::Place::Map {
                    journey: crumb.journey,
                    selection: crumb.stage.map(Selection::Stage),
                },
            );
        }
        if self.top_voted {
            let mut open = true;
            let mut reveal = None;
            egui::Window::new(t!("top-voted-title"))
                .id(egui::Id::unique("top_voted"))
                .open(&mut open)
                .default_width(300.0)
                .show(&ctx, |ui| {
                    reveal = present::top_voted_ui(ui, &self.state, &mut commands);
                    if ui.button(Action::ResetVotes.label()).clicked() {
                        actions.push(Action::ResetVotes);
                    }
                });
            access::name_window_buttons(
                &ctx,
                egui::Id::unique("top_voted"),
                &t!("top-voted-title"),
            );
            self.top_voted = open;
            if let Some(card) = reveal {
                self.view.reveal(Selection::Card(card));
            }
        }

        for command in commands {
            self.apply(&ctx, command);
        }
        for action in actions {
            self.perform(&ctx, action);
        }

        self.show_dialogs(&ctx);
        if let Some(dialog) = &mut self.slides_dialog {
            let mut close = false;
            let command = dialog.ui(&ctx, &self.state, &mut self.dialogs, &mut close);
            if close {
                self.slides_dialog = None;
            }
            if let Some(command) = command {
                self.apply(&ctx, command);
            }
        }
        if let Some(question) = self.micro_question
            && let Some(answer) = micro::question_ui(&ctx, &self.state, question)
        {
            self.micro_question = None;
            if let Some(edit) = answer {
                self.apply(
                    &ctx,
                    Command::Edit {
                        edit,
                        gesture: None,
                    },
                );
            }
        }
        if let Some(dialog) = &mut self.export_dialog {
            let mut close = false;
            let command = dialog.ui(&ctx, &self.state, &mut self.dialogs, &mut close);
            if close {
                self.export_dialog = None;
            }
            if let Some(command) = command {
                self.apply(&ctx, command);
            }
        }
        if let Some((title, settings)) = &mut self.settings_dialog {
            let mut close = false;
            let command =
                settings::settings_ui(&ctx, self.state.project(), title, settings, &mut close);
            if close {
                self.settings_dialog = None;
            }
            if let Some(command) = command {
                self.apply(&ctx, command);
            }
        }
        if let Some(g) = &mut self.gallery {
            let mut close = false;
            let choice = g.ui(&ctx, self.state.templates.as_ref(), &mut close);
            if close {
                self.gallery = None;
            }
            match choice {
                Some(gallery::Choice::Delete(path)) => {
                    self.apply(&ctx, Command::File(FileCommand::DeleteTemplate(path)));
                }
                Some(gallery::Choice::NewProject(project)) => {
                    self.apply(&ctx, Command::NewFromTemplate(project));
                    self.view = CanvasView::new();
                }
                Some(gallery::Choice::Insert(journey, personas)) => {
                    let edit = Edit::AddJourney {
                        template: journey,
                        personas,
                    };
                    self.apply(
                        &ctx,
                        Command::Edit {
                            edit,
                            gesture: None,
                        },
                    );
                }
                None => {}
            }
        }
        if let Some(dialog) = &mut self.save_template {
            let mut close = false;
            let name = dialog.ui(&ctx, self.state.config_dir(), &mut close);
            if close {
                self.save_template = None;
            }
            if let Some(name) = name {
                self.apply(&ctx, Command::File(FileCommand::SaveTemplate(name)));
            }
        }
        if let Some(command) = self.import.ui(&ctx, &self.state, &mut self.dialogs) {
            self.apply(&ctx, command);
        }
        if let Some(command) = self
            .measures_export
            .ui(&ctx, &self.state, &mut self.dialogs)
        {
            self.apply(&ctx, command);
        }
        if let Some(p) = &mut self.palette {
            let mut close = false;
            let chosen = p.ui(&ctx, &mut close);
            if close {
                self.palette = None;
            }
            if let Some(action) = chosen {
                self.perform(&ctx, action);
            }
        }
        if self.shortcuts_sheet {
            palette::shortcuts_sheet_ui(&ctx, &mut self.shortcuts_sheet);
        }
        if self.state.poll_export() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
        // A save chosen through a native dialog comes back immediately.
        if let Some((path, then)) = self.dialogs.take_native_save() {
            self.save_as(&ctx, path, then);
        }

        self.safety_ui(&ctx);
        self.check_fonts(&ctx);
        // A message from a background job (a save failed) may open a window: draw it
        // now, not at the next mouse move.
        if !self.state.messages.is_empty() {
            ctx.request_repaint();
        }
        self.take_messages();
        self.tab_skips_the_maps_items(&ctx);
        self.follow_windows(&ctx);
        focus_ring::paint(&ctx, self.view.canvas_rect());
        self.update_title(&ctx);
    }

    /// A window that opened takes the focus (on its next frame); when the last window
    /// or dialog closes, the keyboard goes back where it was before the first opened:
    /// the control that had the focus, or the canvas.
    fn follow_windows(&mut self, ctx: &egui::Context) {
        let open = [
            self.personas.open,
            self.settings_dialog.is_some(),
            self.gallery.is_some(),
            self.state.survey.is_some(),
        ];
        let others = self.window_has_keyboard();
        // Where the keyboard is now: a control outside the menus and popups (a menu's
        // item is gone once the menu closes), else the canvas if it has it.
        let focused = ctx.memory(egui::Memory::focused).filter(|id| {
            ctx.viewport(|v| {
                v.this_pass
                    .widgets
                    .get(*id)
                    .is_some_and(|w| w.layer_id.order != egui::Order::Foreground)
            })
        });
        let now = match focused {
            Some(id) => focus::Back::Widget(id),
            None if self.view.owns_keyboard() => focus::Back::Canvas,
            None => focus::Back::Nothing,
        };
        // The control to give the focus back to is asked again on the next frame: a
        // modal dialog drawn on its last frame still holds the controls behind it for
        // one more frame, and egui drops a focus that cannot be taken.
        if let Some((id, frames)) = self.focus_back.take() {
            ctx.memory_mut(|m| m.request_focus(id));
            ctx.request_repaint();
            if frames > 1 {
                self.focus_back = Some((id, frames - 1));
            }
        }
        match self.focus.update(open, others, now) {
            focus::Change::None => {}
            focus::Change::Opened(windows) => {
                for w in windows {
                    focus::ask(ctx, w);
                }
                self.view.set_keyboard(false);
                ctx.request_repaint();
            }
            focus::Change::AllClosed(back) => {
                if let Some(id) = ctx.memory(egui::Memory::focused) {
                    ctx.memory_mut(|m| m.surrender_focus(id));
                }
                match back {
                    focus::Back::Widget(id) => {
                        ctx.memory_mut(|m| m.request_focus(id));
                        self.focus_back = Some((id, 2));
                        self.view.set_keyboard(false);
                    }
                    focus::Back::Canvas => self.view.set_keyboard(true),
                    focus::Back::Nothing => self.view.set_keyboard(false),
                }
                ctx.request_repaint();
            }
        }
    }

    /// The unsaved-changes question, path entry and error windows, and what they decide.
    fn show_dialogs(&mut self, ctx: &egui::Context) {
        match self.dialogs.show(ctx) {
            dialogs::Outcome::None => {}
            dialogs::Outcome::Discard(pending) => self.proceed(ctx, pending),
            dialogs::Outcome::SaveThen(pending) => match self.state.path.clone() {
                Some(_) => {
                    self.apply(ctx, Command::Save);
                    self.after_save = Some(pending);
                }
                None => self.dialogs.ask_save_path(&self.state, Some(pending)),
            },
            dialogs::Outcome::Open(path) => self.apply(ctx, Command::Open(path)),
            dialogs::Outcome::SaveAs(path, then) => self.save_as(ctx, path, then),
            dialogs::Outcome::ImportMermaid(path) => {
                self.apply(ctx, Command::File(FileCommand::ImportMermaid(path)));
            }
            dialogs::Outcome::ExportMermaid(journey, path) => {
                self.apply(ctx, export_mermaid(journey, path));
            }
        }
    }

    /// Shows a match of Find: its journey, with the item selected and scrolled into
    /// view, or the persona in the persona editor.
    fn show_place(&mut self, ctx: &egui::Context, place: crate::app::find::Place) {
        match place {
            crate::app::find::Place::Map { journey, selection } => {
                if self.state.journey != Some(journey) {
                    self.apply(ctx, Command::SelectJourney(journey));
                }
                self.apply(ctx, Command::Select(selection));
                if let Some(selection) = selection {
                    self.view.reveal(selection);
                }
            }
            crate::app::find::Place::Persona(persona) => {
                self.apply(ctx, Command::SelectPersona(persona));
                self.personas.open = true;
            }
        }
    }
}

impl eframe::App for WaymarkApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.frame_ui(ui);
    }

    /// Quitting waits for a save in progress, then removes this window's recovery file.
    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.state.close();
    }
}

/// The command that writes a journey to a Mermaid file (in the background, like every
/// export; its result arrives as a message).
fn export_mermaid(journey: crate::model::JourneyId, path: std::path::PathBuf) -> Command {
    Command::Export {
        journey,
        options: crate::export::ExportOptions::default(),
        format: crate::export::ExportFormat::Mermaid,
        path,
    }
}
