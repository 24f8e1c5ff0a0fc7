//! The one list of user actions. Menus, keyboard shortcuts and help all read it, so a
//! shortcut shown in a menu is always the one that works.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::t;

/// The menus of the menu bar, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Menu {
    /// Files, import and export.
    File,
    /// Undo, clipboard, Find.
    Edit,
    /// Stages, lanes, journeys, personas, settings.
    Map,
    /// Zoom, what is shown, the language.
    View,
    /// The palette and the shortcuts sheet.
    Help,
}

impl Menu {
    /// Every menu, in menu-bar order.
    pub const ALL: [Self; 5] = [Self::File, Self::Edit, Self::Map, Self::View, Self::Help];

    /// The menu's title, in the interface language.
    pub fn label(self) -> String {
        match self {
            Self::File => t!("menu-file"),
            Self::Edit => t!("menu-edit"),
            Self::Map => t!("menu-map"),
            Self::View => t!("menu-view"),
            Self::Help => t!("menu-help"),
        }
    }
}

/// Something the user can do from a menu or a shortcut.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// Start a new blank project.
    New,
    /// Open a project file.
    Open,
    /// Save to the current file.
    Save,
    /// Save to a new file.
    SaveAs,
    /// List the documents left behind by a crash (or kept when reloading a file changed
    /// elsewhere), to recover or discard them.
    RecoverUnsaved,
    /// Export the current journey as a PNG image.
    ExportPng,
    /// Export the current journey (or every journey, as a report) as a PDF document.
    ExportPdf,
    /// Export the current journey as an SVG drawing.
    ExportSvg,
    /// Export every computed measure of the project as a CSV table.
    ExportMeasures,
    /// Add the journeys of a Mermaid `journey` file to the project.
    ImportMermaid,
    /// Export the current journey as a Mermaid `journey` diagram.
    ExportMermaid,
    /// Copy the current journey to the clipboard as a Mermaid `journey` diagram.
    CopyMermaid,
    /// Close Waymark.
    Quit,
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Fit the whole map in the window.
    ZoomToFit,
    /// Show the map at 100%.
    Zoom100,
    /// Delete the selected cards, stage or lane.
    DeleteSelection,
    /// Edit the selected item's text in place.
    EditSelection,
    /// Copy the selected cards.
    Copy,
    /// Paste copied cards into the selected cell.
    Paste,
    /// Duplicate the selected cards in their cells.
    Duplicate,
    /// Add a stage at the end of the journey.
    AddStageAtEnd,
    /// Add a stage before the selected one.
    AddStageBefore,
    /// Add a stage after the selected one.
    AddStageAfter,
    /// Collapse or expand the selected lane.
    ToggleCollapse,
    /// Add a new journey to the project.
    NewJourney,
    /// Duplicate the current journey.
    DuplicateJourney,
    /// Delete the current journey.
    DeleteJourney,
    /// Pin an accelerator to the selected stage or card.
    AddAccelerator,
    /// Pin a blocker to the selected stage or card.
    AddBlocker,
    /// Show or hide accelerators and blockers on the map.
    ToggleAnnotations,
    /// Show or hide the notes of accelerators and blockers on the map.
    ToggleNotes,
    /// Show or hide the journey list on the left (room for the map in a small window).
    ToggleJourneysPanel,
    /// Show or hide the inspector on the right.
    ToggleInspector,
    /// Open the project settings (emotion scale, NEV and RAG thresholds).
    Settings,
    /// Import survey responses from a CSV file.
    ImportCsv,
    /// Open the template gallery.
    NewFromTemplate,
    /// Save the current journey as a template of your own.
    SaveAsTemplate,
    /// Open the persona library and editor.
    Personas,
    /// Copy the selected cards, then delete them.
    Cut,
    /// Search the text of the whole project.
    Find,
    /// Type to find any action.
    CommandPalette,
    /// List every keyboard shortcut.
    ShortcutsSheet,
    /// Make a micro journey of the selected stage (the usual lanes) and show it.
    ZoomIntoStage,
    /// Present the journey to a room: full screen, stage by stage, with the presenter
    /// console (Escape leaves).
    Present,
    /// Export one PNG per presentation step (overview, then each stage) into a folder.
    ExportSlides,
    /// Take every dot vote off the current journey's cards (one undo step).
    ResetVotes,
    /// Show or hide the list of the cards with the most dot votes.
    TopVoted,
    /// Show or hide the minimap: the whole journey with the part in view; click or
    /// drag it to move there.
    ToggleMinimap,
}

impl Action {
    /// Every action, most specific shortcut first (Ctrl+Shift+S before Ctrl+S), because
    /// egui matches shortcuts ignoring extra Shift.
    pub const ALL: [Self; 50] = [
        Self::SaveAs,
        Self::NewFromTemplate,
        Self::ExportPng,
        Self::ExportPdf,
        Self::ExportSvg,
        Self::Redo,
        Self::New,
        Self::Open,
        Self::Save,
        Self::Quit,
        Self::Undo,
        Self::ZoomToFit,
        Self::Zoom100,
        Self::DeleteSelection,
        Self::EditSelection,
        Self::Copy,
        Self::Paste,
        Self::Duplicate,
        Self::AddStageAtEnd,
        Self::AddStageBefore,
        Self::AddStageAfter,
        Self::ToggleCollapse,
        Self::NewJourney,
        Self::DuplicateJourney,
        Self::DeleteJourney,
        Self::AddAccelerator,
        Self::AddBlocker,
        Self::ToggleAnnotations,
        Self::ToggleNotes,
        Self::ToggleJourneysPanel,
        Self::ToggleInspector,
        Self::Settings,
        Self::ImportCsv,
        Self::ExportMeasures,
        Self::ImportMermaid,
        Self::ExportMermaid,
        Self::CopyMermaid,
        Self::SaveAsTemplate,
        Self::Personas,
        Self::Cut,
        Self::Find,
        Self::CommandPalette,
        Self::ShortcutsSheet,
        Self::RecoverUnsaved,
        Self::ZoomIntoStage,
        Self::Present,
        Self::ExportSlides,
        Self::ResetVotes,
        Self::TopVoted,
        Self::ToggleMinimap,
    ];

    /// Actions whose keys belong to a text field while one has the keyboard (Ctrl+Z
    /// undoes typing there, Delete deletes a character...).
    pub fn yields_to_text_fields(self) -> bool {
        self.acts_on_canvas() || matches!(self, Self::Undo | Self::Redo)
    }

    /// Actions that act on the canvas selection: their keys work only while the canvas
    /// has the keyboard (Delete typed in the Personas window never deletes a card).
    pub fn acts_on_canvas(self) -> bool {
        matches!(
            self,
            Self::DeleteSelection
                | Self::EditSelection
                | Self::Copy
                | Self::Cut
                | Self::Paste
                | Self::Duplicate
        )
    }

    /// The menu label, in the interface language.
    pub fn label(self) -> String {
        match self {
            Self::New => t!("action-new"),
            Self::Open => t!("action-open"),
            Self::Save => t!("action-save"),
            Self::SaveAs => t!("action-save-as"),
            Self::RecoverUnsaved => t!("action-recover-unsaved"),
            Self::ExportPng => t!("action-export-png"),
            Self::ExportPdf => t!("action-export-pdf"),
            Self::ExportSvg => t!("action-export-svg"),
            Self::ExportMeasures => t!("measures-action-export"),
            Self::Quit => t!("action-quit"),
            Self::Undo => t!("action-undo"),
            Self::Redo => t!("action-redo"),
            Self::ZoomToFit => t!("action-zoom-to-fit"),
            Self::Zoom100 => t!("action-zoom-100"),
            Self::DeleteSelection => t!("action-delete"),
            Self::EditSelection => t!("action-edit-text"),
            Self::Copy => t!("action-copy"),
            Self::Paste => t!("action-paste"),
            Self::Duplicate => t!("action-duplicate"),
            Self::AddStageAtEnd => t!("action-add-stage-at-end"),
            Self::AddStageBefore => t!("action-add-stage-before"),
            Self::AddStageAfter => t!("action-add-stage-after"),
            Self::ToggleCollapse => t!("action-toggle-collapse"),
            Self::NewJourney => t!("action-new-journey"),
            Self::DuplicateJourney => t!("action-duplicate-journey"),
            Self::DeleteJourney => t!("action-delete-journey"),
            Self::AddAccelerator => t!("action-add-accelerator"),
            Self::AddBlocker => t!("action-add-blocker"),
            Self::ToggleAnnotations => t!("action-toggle-annotations"),
            Self::ToggleNotes => t!("action-toggle-notes"),
            Self::ToggleJourneysPanel => t!("action-toggle-journeys-panel"),
            Self::ToggleInspector => t!("action-toggle-inspector"),
            Self::Settings => t!("action-settings"),
            Self::ImportCsv => t!("action-import-csv"),
            Self::ImportMermaid => t!("action-import-mermaid"),
            Self::ExportMermaid => t!("action-export-mermaid"),
            Self::CopyMermaid => t!("action-copy-mermaid"),
            Self::NewFromTemplate => t!("action-new-from-template"),
            Self::SaveAsTemplate => t!("action-save-as-template"),
            Self::Personas => t!("action-personas"),
            Self::Cut => t!("action-cut"),
            Self::Find => t!("action-find"),
            Self::CommandPalette => t!("action-command-palette"),
            Self::ShortcutsSheet => t!("action-shortcuts-sheet"),
            Self::ZoomIntoStage => t!("action-zoom-into-stage"),
            Self::Present => t!("action-present"),
            Self::ExportSlides => t!("action-export-slides"),
            Self::ResetVotes => t!("action-reset-votes"),
            Self::TopVoted => t!("action-top-voted"),
            Self::ToggleMinimap => t!("action-toggle-minimap"),
        }
    }

    /// The menu the action lives in, for the palette and the shortcuts sheet.
    pub fn menu(self) -> Menu {
        match self {
            Self::New
            | Self::Open
            | Self::Save
            | Self::SaveAs
            | Self::RecoverUnsaved
            | Self::ExportPng
            | Self::ExportPdf
            | Self::ExportSvg
            | Self::ExportMeasures
            | Self::Quit
            | Self::ImportCsv
            | Self::ImportMermaid
            | Self::ExportMermaid
            | Self::NewFromTemplate
            | Self::SaveAsTemplate
            | Self::ExportSlides => Menu::File,
            Self::Undo
            | Self::Redo
            | Self::DeleteSelection
            | Self::EditSelection
            | Self::Copy
            | Self::Cut
            | Self::Paste
            | Self::Duplicate
            | Self::Find => Menu::Edit,
            Self::AddStageAtEnd
            | Self::AddStageBefore
            | Self::AddStageAfter
            | Self::ToggleCollapse
            | Self::NewJourney
            | Self::DuplicateJourney
            | Self::DeleteJourney
            | Self::AddAccelerator
            | Self::AddBlocker
            | Self::Settings
            | Self::Personas
            | Self::ZoomIntoStage
            | Self::CopyMermaid
            | Self::ResetVotes => Menu::Map,
            Self::ZoomToFit
            | Self::Zoom100
            | Self::ToggleAnnotations
            | Self::ToggleNotes
            | Self::ToggleJourneysPanel
            | Self::ToggleInspector
            | Self::Present
            | Self::TopVoted
            | Self::ToggleMinimap => Menu::View,
            Self::CommandPalette | Self::ShortcutsSheet => Menu::Help,
        }
    }

    /// True if every word of `query` appears in the action's label or menu, ignoring
    /// case (the command palette's filter).
    pub fn matches(self, query: &str) -> bool {
        let haystack = format!("{} {}", self.menu().label(), self.label()).to_lowercase();
        query
            .to_lowercase()
            .split_whitespace()
            .all(|word| haystack.contains(word))
    }

    /// The keyboard shortcuts; the first is shown in menus.
    pub fn shortcuts(self) -> &'static [KeyboardShortcut] {
        const CMD: Modifiers = Modifiers::COMMAND;
        const CMD_SHIFT: Modifiers = Modifiers::COMMAND.plus(Modifiers::SHIFT);
        const fn sc(modifiers: Modifiers, key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(modifiers, key)
        }
        const NEW: &[KeyboardShortcut] = &[sc(CMD, Key::N)];
        const OPEN: &[KeyboardShortcut] = &[sc(CMD, Key::O)];
        const SAVE: &[KeyboardShortcut] = &[sc(CMD, Key::S)];
        const SAVE_AS: &[KeyboardShortcut] = &[sc(CMD_SHIFT, Key::S)];
        const EXPORT: &[KeyboardShortcut] = &[sc(CMD, Key::E)];
        const QUIT: &[KeyboardShortcut] = &[sc(CMD, Key::Q)];
        const UNDO: &[KeyboardShortcut] = &[sc(CMD, Key::Z)];
        const REDO: &[KeyboardShortcut] = &[sc(CMD_SHIFT, Key::Z), sc(CMD, Key::Y)];
        const FIT: &[KeyboardShortcut] = &[sc(CMD, Key::Num0)];
        const NONE: &[KeyboardShortcut] = &[];
        const TEMPLATE: &[KeyboardShortcut] = &[sc(CMD_SHIFT, Key::N)];
        const PERSONAS: &[KeyboardShortcut] = &[sc(CMD_SHIFT, Key::P)];
        const DELETE: &[KeyboardShortcut] = &[
            sc(Modifiers::NONE, Key::Delete),
            sc(Modifiers::NONE, Key::Backspace),
        ];
        const EDIT: &[KeyboardShortcut] = &[
            sc(Modifiers::NONE, Key::Enter),
            sc(Modifiers::NONE, Key::F2),
        ];
        const COPY: &[KeyboardShortcut] = &[sc(CMD, Key::C)];
        const PASTE: &[KeyboardShortcut] = &[sc(CMD, Key::V)];
        const DUPLICATE: &[KeyboardShortcut] = &[sc(CMD, Key::D)];
        const ACTUAL: &[KeyboardShortcut] = &[sc(CMD, Key::Num1)];
        const CUT: &[KeyboardShortcut] = &[sc(CMD, Key::X)];
        const FIND: &[KeyboardShortcut] = &[sc(CMD, Key::F)];
        const PALETTE: &[KeyboardShortcut] = &[sc(CMD, Key::K)];
        const SHEET: &[KeyboardShortcut] = &[sc(Modifiers::NONE, Key::F1)];
        // Ctrl+B shows or hides the side bar in most editors; I for the inspector.
        const JOURNEYS_PANEL: &[KeyboardShortcut] = &[sc(CMD, Key::B)];
        const INSPECTOR: &[KeyboardShortcut] = &[sc(CMD, Key::I)];
        // F5 starts a slide show in presentation programs.
        const PRESENT: &[KeyboardShortcut] = &[sc(Modifiers::NONE, Key::F5)];
        match self {
            Self::New => NEW,
            Self::Open => OPEN,
            Self::Save => SAVE,
            Self::SaveAs => SAVE_AS,
            Self::ExportPng => EXPORT,
            Self::Quit => QUIT,
            Self::Undo => UNDO,
            Self::Redo => REDO,
            Self::ZoomToFit => FIT,
            Self::Zoom100 => ACTUAL,
            Self::DeleteSelection => DELETE,
            Self::EditSelection => EDIT,
            Self::Copy => COPY,
            Self::Paste => PASTE,
            Self::Duplicate => DUPLICATE,
            Self::AddStageAtEnd
            | Self::AddStageBefore
            | Self::AddStageAfter
            | Self::ToggleCollapse
            | Self::NewJourney
            | Self::DuplicateJourney
            | Self::DeleteJourney
            | Self::AddAccelerator
            | Self::AddBlocker
            | Self::ToggleAnnotations
            | Self::ToggleNotes
            | Self::Settings
            | Self::ImportCsv
            | Self::ImportMermaid
            | Self::ExportMermaid
            | Self::CopyMermaid
            | Self::ExportMeasures
            | Self::ExportPdf
            | Self::ExportSvg
            | Self::SaveAsTemplate
            | Self::RecoverUnsaved
            | Self::ZoomIntoStage
            | Self::ExportSlides
            | Self::ResetVotes
            | Self::TopVoted
            | Self::ToggleMinimap => NONE,
            Self::Present => PRESENT,
            Self::Personas => PERSONAS,
            Self::NewFromTemplate => TEMPLATE,
            Self::Cut => CUT,
            Self::Find => FIND,
            Self::CommandPalette => PALETTE,
            Self::ShortcutsSheet => SHEET,
            Self::ToggleJourneysPanel => JOURNEYS_PANEL,
            Self::ToggleInspector => INSPECTOR,
        }
    }
}
