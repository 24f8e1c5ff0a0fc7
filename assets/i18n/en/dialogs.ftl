# Dialogs: unsaved changes, the path entry, errors, export, survey import, settings.

button-ok = OK
button-save = Save
button-dont-save = Don't save
button-cancel = Cancel
button-open = Open
button-apply = Apply
button-browse = Browse…
button-preview = Preview
button-import = Import
button-export = Export

pending-new = starting a new project
pending-open = opening another project
pending-quit = closing
pending-gallery = starting from a template
unsaved-title = Unsaved changes
unsaved-question = Save your changes before { $doing }? If you don't, they will be lost.
error-title = Something went wrong
error-unchanged = Your open document has not been changed.
path-open-title = Open project
path-save-title = Save project as
path-label = Path of the project file:

settings-title = Project settings
settings-emotion-scale = Emotion scale
settings-from = From
settings-to = to
settings-nev = Net Emotional Value (ratings 1-10)
settings-nev-positive = Positive from
settings-nev-negative = Negative up to
settings-rag = Traffic lights (RAG)
settings-measure = Measure
settings-green-at = Green at
settings-amber-at = Amber at
settings-higher-better = Higher is better
settings-named = { $name }: { $what }
settings-bad-scale = The emotion scale must go from a lower to a higher number.
settings-scores-off-scale = { $count ->
    [one] 1 emotion score on the maps lies outside { $min } to { $max }: change it first, or choose a wider scale.
   *[other] { $count } emotion scores on the maps lie outside { $min } to { $max }: change them first, or choose a wider scale.
}
settings-bad-nev = The negative NEV threshold must be below the positive one.

import-title = Import survey
import-into = Into journey: { $journey }
import-columns = CSV, tab-separated text or a spreadsheet (.xlsx, .xls, .ods): one answer per row (touchpoint, measure, score) or one respondent per row with a column per question
import-file = Survey file
import-preview-title = Import preview
import-preview-summary = { $path }: { $used } answers used, { $left_out } rows left out
import-changes = Changes
import-no-change = Nothing would change.
import-rows-left-out = Rows left out
import-bad-row = Line { $line }: { $message }

export-title = Export PNG
export-journey = Journey: { $journey }
export-scale = Scale
export-background = Background
export-white = White
export-transparent = Transparent
export-include-title = Title
export-include-persona = Persona card
export-include-legend = Legend
export-include-annotations = Accelerators and blockers
export-size = { $width } × { $height } px
export-too-large = At this scale the image would be { $width } × { $height } px, over the { $max_side } px a PNG may have on a side.
export-use-scale = Use { $scale }×, the largest scale that fits
export-too-large-at-1 = This map is too large for a PNG even at 1×: export it as PDF or SVG, which have no such limit.
export-save-to = Save to
export-replaces = { $name } exists and will be replaced
export-include-notes = Notes of accelerators and blockers
settings-project-title = Project title

# Measures
measures-threshold-not-a-number = Every threshold must be a number.
measures-threshold-green-above-amber = { $measure }: green ({ $green }) must be above amber ({ $amber }) when higher is better.
measures-threshold-green-below-amber = { $measure }: green ({ $green }) must be below amber ({ $amber }) when lower is better.
measures-csv-journey = Journey
measures-csv-stage = Stage
measures-csv-touchpoint = Touchpoint
measures-csv-measure = Measure
measures-csv-value = Value
measures-csv-n = n
measures-csv-rag = RAG
measures-csv-class = Class
measures-csv-rank = Priority rank
measures-csv-reason = Reason
measures-action-export = Export measures…
measures-export-title = Export measures
measures-export-what = Every computed measure of every journey, with its n, RAG status, touchpoint class, priority rank and reason, as a CSV table that Excel opens with Chinese text intact.
measures-export-file = Save to
measures-export-button = Export
measures-exported = Exported the measures to { $path }
measures-export-failed = The measures were not exported: { $error }

## Export dialog: PDF and SVG
export-title-pdf = Export PDF
export-title-svg = Export SVG
export-format = Format
export-page = Page
export-page-fit = Fit to the map
export-landscape = Landscape
export-portrait = Portrait
export-all-journeys = All journeys (a report: cover, every journey, every persona)
export-size-pt = { $width } × { $height } pt
import-kept-answers = { $count ->
    [one] 1 measure keeps answers from an earlier import:
   *[other] { $count } measures keep answers from an earlier import:
}
import-mode-replace = Replace them
import-mode-append = Add the new answers to them
settings-csat-satisfied = CSAT: satisfied from
settings-min-base = Fewest answers for a well-founded measure
settings-bad-min-base = The fewest answers must be at least 1.
settings-bad-csat = A CSAT answer is 1 to 5: "satisfied from" must be one of them.
measures-csv-low-base = Low base
measures-csv-yes = yes

# The survey import's column step.
import-bad-row-sheet = Row { $line }: { $message }
import-source-csv = Text file, { $encoding }, separated by { $delimiter }
import-delimiter-comma = commas
import-delimiter-semicolon = semicolons
import-delimiter-tab = tabs
import-sheet = Sheet
import-columns-heading = Columns
import-columns-remembered = The columns chosen for this survey last time.
import-columns-found = Found from the header row; change them below if they are wrong.
import-columns-ask = Waymark cannot tell which column is which: choose them below.
import-layout-long = One answer per row
import-layout-wide = One respondent per row, a column per question
import-col-touchpoint = Touchpoint or stage
import-col-measure = Measure
import-col-score = Score
import-question-column = Column
import-question-ignore = not a question
export-title-mermaid = Export Mermaid
path-label-mermaid = Path of the Mermaid file:
