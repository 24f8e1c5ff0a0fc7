# Messages of the application: the status line and errors.

untitled = Untitled
summary = { $journeys ->
    [one] 1 journey
   *[other] { $journeys } journeys
}, { $stages ->
    [one] 1 stage
   *[other] { $stages } stages
}, { $lanes ->
    [one] 1 lane
   *[other] { $lanes } lanes
}, { $cards ->
    [one] 1 card
   *[other] { $cards } cards
}, { $personas ->
    [one] 1 persona
   *[other] { $personas } personas
}
status-new-project = New project
status-new-from-template = New project from the template "{ $name }"
status-opened = Opened { $path }: { $summary }
status-recent-missing = { $path } no longer exists; it stays in Open Recent until you remove it
status-copied = { $count ->
    [one] Copied 1 card
   *[other] Copied { $count } cards
}
status-exported = Exported { $path } ({ $width } x { $height } px)
status-exported-missing-font = { $exported }; no installed font shows { $scripts }: those characters are boxes
status-select-cell-to-paste = Select a cell or a card to paste into
status-select-to-pin = Select a stage or a card to pin it to
status-persona-imported = Imported the persona "{ $name }" from { $path }
status-persona-exported = Exported the persona "{ $name }" to { $path }
status-template-deleted = Deleted the template { $path }
status-template-saved = Saved the template "{ $name }" as { $path }
status-survey-imported = Imported { $path }: { $used } answers used, { $changes } measures changed, { $left_out } rows left out
warning-recent-not-kept = The list of recent files was not kept: { $error }
warning-avatar-not-shown = The persona's avatar is not shown: { $error }
error-no-file-yet = This project has no file yet: use Save As…
error-export-running = An export is already running; wait for it to finish.
error-export-failed = Export failed: { $error }
error-export-journey-gone = the journey to export no longer exists
error-export-stopped = { $path }: the export stopped unexpectedly
error-export-not-started = { $path }: could not start the export: { $error }
error-paste-wrong-lane = The copied cards cannot go into the lane "{ $lane }" ({ $kind })
new-accelerator = New accelerator
new-blocker = New blocker
new-stage = New stage
panel-annotations = Accelerators & blockers
panel-priorities = Priorities: what to fix first

file-action-read-survey = reading the survey
file-action-create-folder = creating the folder
file-action-write-recent = writing the list of recent files
file-action-delete-template = deleting the template
file-action-write-language = writing the chosen language
file-error-io = { $path }: { $action }: { $error }
file-error-too-large = { $path }: the file is { $size } bytes; survey files are limited to 64 MiB
file-error-not-text = { $path }: the file is neither text nor a spreadsheet
file-error-no-config-dir = No configuration folder was found to keep templates in
filter-project = Waymark project
filter-png = PNG image
filter-csv = Survey (CSV, text, Excel)
warning-missing-font = No installed font can show { $scripts }: that text appears as boxes. Install a CJK font (for example Noto Sans CJK: "apt install fonts-noto-cjk" on Debian or Ubuntu) and restart Waymark.
export-after-close = The export of { $path } finished after the window closed

# Priorities: why a touchpoint ranks where it does.
priority-evidence-measure = { $measure } { $value }
priority-evidence-stage-measure = the stage's { $measure } { $value }
priority-evidence-emotion = emotion { $score }
priority-classify = Not classified yet: classify it to rank it
priority-fix-first-red = { $class } performing poorly ({ $evidence }, { $rag }): fix first
priority-fix-first-amber = { $class } not performing well ({ $evidence }, { $rag }): fix first
priority-measure-first = { $class }: nothing measured in this stage, so nobody knows whether it works; measure it first
priority-make-adequate = Core interaction below target ({ $evidence }, { $rag }): make it adequate
priority-measure = Core interaction: nothing measured in this stage yet; measure it before deciding
priority-delight-wait = { $count ->
    [one] Delightful innovation: wait until the 1 touchpoint above is measured and performs
   *[other] Delightful innovation: wait until the { $count } touchpoints above are measured and perform
}
priority-delight-classify-first = { $count ->
    [one] Delightful innovation: classify the 1 unclassified touchpoint first, to know whether the basics perform
   *[other] Delightful innovation: classify the { $count } unclassified touchpoints first, to know whether the basics perform
}
priority-delight-no-basics = Delightful innovation: no moment of truth, hygiene factor or core interaction is classified on this map yet
priority-delight-worth = Delightful innovation: the basics perform, worth investing in
priority-fine = { $class } performing well ({ $evidence }, { $rag }): keep it so

# Undo and redo say what they undo.
menu-undo-named = Undo { $what }
menu-redo-named = Redo { $what }
status-undid = Undid { $what }
status-redid = Redid { $what }
status-deleted-with = Deleted { $what ->
    [stage] stage
   *[lane] lane
} "{ $name }" with { $cards ->
    [one] 1 card
   *[other] { $cards } cards
}, { $accelerators ->
    [one] 1 accelerator
   *[other] { $accelerators } accelerators
} and { $blockers ->
    [one] 1 blocker
   *[other] { $blockers } blockers
} — Ctrl+Z to undo
error-edit-refused = Edit refused: { $problem }
edit-journey = Edit journey
edit-stage = Edit stage
edit-add-stage = Add stage
edit-delete-stage = Delete stage
edit-move-stage = Move stage
edit-lane = Edit lane
edit-add-lane = Add lane
edit-delete-lane = Delete lane
edit-move-lane = Move lane
edit-card = Edit card
edit-add-cards = { $count ->
    [one] Add card
   *[other] Add { $count } cards
}
edit-delete-cards = { $count ->
    [one] Delete card
   *[other] Delete { $count } cards
}
edit-move-card = Move card
edit-add-annotation = Add { $kind }
edit-annotation = Edit accelerator or blocker
edit-delete-annotation = Delete accelerator or blocker
edit-settings = Project settings
edit-add-persona = Add persona
edit-persona = Edit persona
edit-delete-persona = Delete persona
edit-journey-persona = Journey persona
edit-add-journey = Add journey
edit-duplicate-journey = Duplicate journey
edit-delete-journey = Delete journey
edit-move-journey = Move journey
status-saved = Saved { $path }
import-new-lane = New lane "{ $lane }"
import-none = none
import-change = { $measure } for { $label }: { $old } → { $new } (n={ $count })
import-new-value = { $measure } for { $label }: new { $new } (n={ $count })

## Vector export
filter-pdf = PDF document
filter-svg = SVG drawing
status-exported-pdf = Exported { $path } ({ $pages ->
    [one] { $pages } page
   *[other] { $pages } pages
})
status-exported-svg = Exported { $path }
# Kept survey answers and low bases.
import-change-replace = { $measure } for { $label }: { $old } → { $new } (n={ $count }, replaced n={ $kept })
import-change-append = { $measure } for { $label }: { $old } → { $new } (n={ $kept } kept + { $added } new)
priority-evidence-n = n={ $n }
priority-evidence-imported = from the survey imported on { $date }
priority-evidence-more = { $evidence }, { $more }
measure-low-base = low base
measure-low-base-n = low base, n={ $n }

# Survey files of any shape (CSV in any encoding, spreadsheets).
file-error-workbook = { $path }: { $error }
file-error-no-sheet = there is no sheet "{ $sheet }"
# Mermaid journeys
filter-mermaid = Mermaid diagram
status-exported-mermaid = Exported { $path }
status-mermaid-copied = Copied "{ $title }" as a Mermaid journey
status-mermaid-imported = Imported { $journeys ->
    [one] one Mermaid journey
   *[other] { $journeys } Mermaid journeys
} ({ $tasks } tasks)
status-mermaid-pasted = Pasted { $journeys ->
    [one] a Mermaid journey as a new journey
   *[other] { $journeys } Mermaid journeys as new journeys
}
error-mermaid-paste = The pasted text looks like a Mermaid journey but could not be read: { $error }
edit-import-journeys = Import { $count ->
    [one] journey
   *[other] { $count } journeys
}
