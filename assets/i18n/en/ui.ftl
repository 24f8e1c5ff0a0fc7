# The menu bar, the actions (menus, palette, shortcuts sheet), the status line, Find.

menu-file = File
menu-edit = Edit
menu-map = Map
menu-view = View
menu-help = Help
menu-open-recent = Open Recent
menu-language = Language
recent-missing = { $path } no longer exists
recent-remove = Remove from the list
recent-remove-named = Remove { $name } from the list

action-new = New
action-open = Open…
action-save = Save
action-save-as = Save As…
action-export-png = Export PNG…
action-quit = Quit
action-undo = Undo
action-redo = Redo
action-zoom-to-fit = Zoom to fit
action-zoom-100 = Zoom 100%
action-delete = Delete
action-edit-text = Edit text
action-copy = Copy
action-cut = Cut
action-paste = Paste
action-duplicate = Duplicate
action-add-stage-at-end = Add stage at end
action-add-stage-before = Add stage before
action-add-stage-after = Add stage after
action-toggle-collapse = Collapse / expand lane
action-new-journey = New journey
action-duplicate-journey = Duplicate journey
action-delete-journey = Delete journey
action-add-accelerator = Add accelerator
action-add-blocker = Add blocker
action-toggle-annotations = Show accelerators and blockers
action-settings = Project settings…
action-import-csv = Import survey CSV…
action-new-from-template = New from template…
action-save-as-template = Save journey as template…
action-personas = Personas…
action-find = Find…
action-command-palette = Command palette…
action-shortcuts-sheet = Keyboard shortcuts

palette-field = Command
palette-hint = Type a command…
palette-none = No command matches.

sheet-title = All keyboard shortcuts
sheet-canvas = Canvas
key-arrows = Arrow keys
key-arrows-what = Move the selection between cells
key-digits = 0-9, then - 0-9
key-digits-what = Set the selected emotion point's score
key-double-click = Double-click a cell
key-double-click-what = Add a card
key-shift-enter = Shift+Enter
key-shift-enter-what = New line inside a card being edited
key-escape = Escape
key-escape-what = Close the innermost window, cancel an edit or a drag
key-find-steps = Enter / Shift+Enter
key-find-steps-what = Next / previous match in Find
key-pan = Space+drag, middle drag
key-pan-what = Pan the map
key-zoom = Ctrl+wheel, pinch
key-zoom-what = Zoom around the pointer
key-rubber-band = Shift+drag
key-rubber-band-what = Select cards with a rubber band

find-label = Find
find-hint = Text of cards, stages, lanes, personas…
find-previous = Previous
find-next = Next
find-close = Close
find-none = No matches
find-count = { $count ->
    [one] 1 match
   *[other] { $count } matches
}
find-current = { $index } of { $count }: { $what } "{ $text }"
find-what-journey = Journey
find-what-journey-description = Journey description
find-what-stage = Stage
find-what-stage-description = Stage description
find-what-lane = Lane
find-what-card = Card
find-what-owner = Touchpoint owner
find-what-accelerator = Accelerator
find-what-blocker = Blocker
find-what-persona = Persona

status-exporting = Exporting { $path }… { $seconds } s
status-see-error = Error: see the message
status-ready = Ready
action-toggle-notes = Show notes of accelerators and blockers
