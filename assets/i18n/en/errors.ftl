# Errors produced below the app layer: loading, saving, writing files, avatars,
# exports, survey rows and the consistency problems of a project.

## Loading a project or a persona file.

err-load-io = { $path }: cannot read the file: { $error }
err-load-too-large = { $path }: the file is { $size } bytes, larger than the { $limit }-byte limit for a project; it is probably not a Waymark project
err-load-not-utf8 = { $path }:{ $line }:{ $column }: the file is not UTF-8 text
err-load-syntax = { $path }:{ $line }:{ $column }: { $message }
err-load-newer = { $path }: made by a newer Waymark (format version { $found }; this Waymark reads up to version { $supported }); update Waymark to open it
err-load-invalid = { $path }: { $problem }
err-load-invalid-more = { $path }: { $problem } (and { $count ->
        [one] { $count } more problem
       *[other] { $count } more problems
    })
err-load-format-zero = format_version 0 is not a Waymark format version

## Saving and writing files.

err-save-encode = { $path }: cannot encode the project: { $message }
err-save-io = { $path }: cannot save ({ $step }): { $error }
err-write = { $path }: cannot write the file ({ $step }): { $error }
err-step-naming = naming the file
err-step-create-temp = creating a temporary file
err-step-sync-folder = flushing the folder to disk (the file was replaced)
err-step-write-temp = writing the temporary file
err-step-keep-permissions = keeping the existing file's permissions
err-step-read-permissions = reading the existing file's permissions
err-step-sync-temp = flushing the temporary file to disk
err-step-replace = replacing the file
err-step-templates-folder = creating the templates folder
err-step-read-existing = reading the existing file
err-step-backup = writing the backup of the previous version

## Avatar images.

err-avatar-io = { $path }: cannot read the image: { $error }
err-avatar-too-large = { $path }: the image file is { $size } bytes; avatars are limited to { $limit } bytes
err-avatar-decode = { $path }: not a usable PNG or JPEG image: { $message }
err-avatar-not-a-file = { $path }: not a file (a folder or a device cannot be an avatar)
err-avatar-outside = The avatar “{ $avatar }” is outside the project's folder and was not read: a project only shows pictures kept in its own folder. Set the avatar again to copy the picture beside the project.
err-avatar-unsaved = Save the project first: its avatar pictures are kept in the project's folder, so the map and its pictures travel together.

## Exports.

err-export-no-journey = the project has no journey to export
err-export-unknown-journey = no journey is called or numbered "{ $query }"; the journeys are: { $available }
err-export-bad-scale = scale { $scale } is out of range: use a scale from 1 to 4
err-export-too-large = the image would be { $width } x { $height } px, over the { $max_side } px limit per side; the largest scale that fits is { $max_scale }
err-raster-pixels-per-point = invalid pixels_per_point { $value }: it must be finite and greater than zero
err-raster-canvas = invalid canvas size { $width } x { $height } points: it must be finite and non-negative
err-raster-too-small = the image would be { $width } x { $height } px; both sides must be at least 1 px
err-raster-too-large = the image would be { $width } x { $height } px; the maximum side is { $max_side } px
err-raster-buffer = internal error: pixel buffer does not match a { $width } x { $height } image
err-raster-png = PNG encoding failed: { $error }

## Survey CSV rows.

err-survey-header = the first row must name the columns: touchpoint, measure and score (or 触点, 指标, 分数)
err-survey-empty = the file is empty
err-survey-unclosed = a quoted field is not closed
err-survey-fields = expected { $expected } fields (as the header), found { $count }
err-survey-no-target = no touchpoint or stage named
err-survey-unknown-target = no touchpoint or stage called "{ $target }" in this journey
err-survey-unknown-measure = unknown measure "{ $measure }" (use nps, nev, ces or csat)
err-survey-not-number = score "{ $score }" is not a number
err-survey-out-of-range = { $measure } score { $score } is outside { $low }-{ $high }

## Consistency problems of a project: where, then what.

err-problem = { $location }: { $message }
err-at-settings = settings
err-at-persona = persona "{ $name }"
err-at-journey = journey "{ $title }"
err-at-stage = stage "{ $name }"
err-at-lane = lane "{ $title }"
err-at-card = card { $id }
err-at-annotation = annotation "{ $title }"
err-problem-duplicate-id = duplicate id { $id }
err-problem-map-language = map language "{ $language }" is not one Waymark has labels for; use one of { $known }
err-problem-emotion-scale = emotion scale minimum { $min } must be below its maximum { $max }
err-problem-nev = NEV negative threshold { $negative } must be below the positive threshold { $positive }
err-problem-age = age { $age } is not a plausible age
err-problem-no-persona = persona { $id } does not exist
err-problem-no-parent = parent journey { $id } does not exist
err-problem-no-parent-stage = parent stage { $stage } does not exist in journey "{ $journey }"
err-problem-own-parent = a journey cannot be its own parent
err-problem-width = width { $width } must be a positive number
err-problem-height = height { $height } must be a positive number
err-problem-compared-lane = compared lane { $lane } is not another emotion lane
err-problem-no-stage = stage { $id } does not exist
err-problem-emotion-off-scale = emotion score { $score } is off the scale { $min }..{ $max }
err-problem-measure-range = { $measure } value { $value } is out of range
err-problem-no-anchor-stage = anchor stage { $id } does not exist
err-problem-no-anchor-card = anchor card { $id } does not exist
err-problem-no-measured-touchpoint = the touchpoint { $id } this measure is about does not exist
err-problem-rag-numbers = { $measure } thresholds must be numbers
err-problem-rag-higher = { $measure } green threshold { $green } must be above amber { $amber } when higher is better
err-problem-rag-lower = { $measure } green threshold { $green } must be below amber { $amber } when lower is better
err-survey-not-whole = { $measure } score { $score } is not a whole number (answers are whole numbers { $low }-{ $high })

## Vector export (PDF, SVG)
err-pdf = the PDF could not be made: { $error }
err-svg-font = the font { $font } could not be embedded in the SVG
err-export-unknown-format = { $path }: Waymark cannot tell the format from this name; end it in .png, .pdf or .svg, or choose one with --format
err-problem-survey-rules = The fewest answers of a well-founded measure ({ $min_base }) must be at least 1, and CSAT "satisfied from" ({ $csat }) must be 1 to 5
err-problem-bad-answers = the kept survey answers do not fit the measure { $measure } (NPS answers are 0-10, NEV 1-10, CES 1-7, CSAT 1-5; other measures keep none)

err-survey-in-column = column "{ $column }": { $message }
# Mermaid journey diagrams
err-load-mermaid = { $path }: { $error }
err-mermaid-too-large = the text is { $size } bytes, larger than the { $limit }-byte limit for a Mermaid journey; it is probably not one
err-mermaid-binary = line { $line }: this is binary data, not Mermaid text
err-mermaid-not-journey = line { $line }: not a Mermaid journey diagram (it must start with the word "journey")
err-mermaid-score = line { $line }: the score "{ $score }" is not a number (write a task as "Name: 5" or "Name: 5: Actor, Actor")
err-mermaid-no-score = line { $line }: the task "{ $task }" has no score (write it as "{ $task }: 5")
err-mermaid-unterminated = line { $line }: "accDescr {"{"}" is never closed with "{"}"}"
err-mermaid-unexpected = line { $line }: Mermaid does not allow "{ $text }" here
