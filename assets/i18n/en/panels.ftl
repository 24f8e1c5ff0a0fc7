# Messages: panels. The inspector (the side panel that edits the selection) and the
# persona library and editor (Map > Personas…).

## Inspector

inspector-no-journey = No journey.
inspector-journey = Journey
inspector-stage = Stage
inspector-lane = Lane
inspector-card = Card
inspector-name = Name
inspector-title = Title
inspector-description = Description
inspector-text = Text
inspector-note = Note
inspector-width = Width
inspector-height = Height
# After a width or height: typographic points.
inspector-points-suffix = {" "}pt
# $kind: the lane kind, e.g. "Touchpoints", "Measure: NPS".
inspector-lane-kind = Kind: { $kind }
inspector-collapsed = Collapsed
# $lane: the lane's title.
inspector-in-lane = In lane "{ $lane }"
inspector-persona = Persona
# No persona chosen.
inspector-none = None
inspector-click-to-edit = Click a stage, lane or card on the map to edit it.
inspector-colour = Colour
inspector-channel = Channel
inspector-class = Class
inspector-owner = Owner
inspector-measures-touchpoint = Measures
inspector-measures-whole-stage = The whole stage
inspector-emotion = Emotion
# An emotion lane: whose feelings its curve shows.
inspector-feelings-of = Feelings of
inspector-compare-heading = Compare with (curves drawn in this lane)
# $lane: the title of another emotion lane.
inspector-compare-with = Compare with { $lane }

## Inspector: an accelerator or a blocker

# $stage: the stage's name.
inspector-pinned-to-stage = Pinned to stage "{ $stage }"
# $card: the card's text.
inspector-pinned-to-card = Pinned to card "{ $card }"
inspector-effect = Effect: before and after
inspector-before = Before
inspector-after = After
inspector-change = Change
# Names for screen readers; $measure: NEV, CES or NPS.
inspector-measured-before = { $measure } before measured
inspector-measured-after = { $measure } after measured
inspector-value-before = { $measure } before
inspector-value-after = { $measure } after

## Personas

persona-window-title = Personas
persona-none-yet = No persona yet: add one.
persona-library = Library
persona-unnamed = Unnamed persona
persona-add = Add persona
# The name a new persona starts with (in the map's language).
persona-new-name = New persona
# The name of a duplicated persona (in the map's language).
persona-copy-name = { $name } (copy)
persona-duplicate = Duplicate persona
persona-move-up = Move up
persona-move-down = Move down
persona-delete = Delete persona
persona-reuse = Reuse in another project
persona-file = Persona file
persona-file-hint = /path/name.persona.ron
persona-export = Export persona
persona-import = Import persona

# The editor's heading while the persona has no name.
persona-heading = Persona
persona-name = Name
persona-name-hint = e.g. Mei, the busy parent
persona-age = Age
# $age: the number typed; $max: the oldest age accepted.
persona-age-implausible = { $age } is not a plausible age (0 to { $max })
# $text: what was typed.
persona-age-not-a-number = "{ $text }" is not a number of years
persona-location = Location
persona-location-hint = Where do they live?
persona-segment = Segment
persona-segment-hint = Which customer segment are they?
persona-quote = Quote
persona-quote-hint = What would they say about this in one sentence?

persona-avatar = Avatar
persona-avatar-image = Avatar image (PNG or JPEG)
persona-avatar-hint = portrait.png
persona-set-avatar = Set avatar
persona-remove-avatar = Remove avatar

# Lists of short texts. Each list's hint shows while it is empty.
persona-favourite-brands = Favourite brands
persona-favourite-brands-hint = Which brands do they love?
persona-brand-turn-ons = Brand turn-ons
persona-brand-turn-ons-hint = What draws them to a brand?
persona-brand-turn-offs = Brand turn-offs
persona-brand-turn-offs-hint = What puts them off a brand?
persona-behaviours = Behaviours
persona-behaviours-hint = How do they behave? (e.g. spending habits)
persona-goals = Goals
persona-goals-hint = What are they trying to achieve?
persona-needs = Needs
persona-needs-hint = What do they need from you? (to be heard, known, appreciated)
persona-feelings-wanted = Feelings wanted
persona-feelings-wanted-hint = How do they want to feel? (engaged, empowered, delighted)
# The hint of a list's field once the list has items.
persona-add-hint = Add…
persona-add-item = Add
# Names for screen readers; $list: the list's name, $item: one of its texts.
persona-remove-item = Remove { $item } from { $list }
persona-new-item = New { $list }
persona-add-to = Add to { $list }

persona-channels = Channel preferences (drag to rank)
# Names for screen readers; $channel: a channel's name.
persona-channel = Channel { $channel }
persona-rank-higher = Rank { $channel } higher
persona-rank-lower = Rank { $channel } lower
persona-remove-channel = Remove channel { $channel }
persona-up = Up
persona-down = Down
persona-add-channel = Add channel
persona-choose = Choose…
persona-other-channel = Other channel
persona-add-other-channel = Add other channel

persona-devices = Devices and how they are used
persona-devices-hint = Which devices do they use, what for, and when?
persona-device-hint = Which device?
persona-usage-hint = What do they use it for, and when?
# Names for screen readers; $number: the row, from 1.
persona-device = Device { $number }
persona-usage = Usage { $number }
persona-remove-device = Remove device
persona-add-device = Add device

inspector-answers = Computed from { $count } answers imported on { $date }; setting the value by hand discards them.
inspector-actors = Actors (comma-separated)
inspector-acc-title = Accessible title
inspector-acc-descr = Accessible description
persona-duplicate-named = Duplicate persona “{ $name }”
persona-move-up-named = Move persona “{ $name }” up
persona-move-down-named = Move persona “{ $name }” down
persona-delete-named = Delete persona “{ $name }”
persona-remove-device-named = Remove device { $number }
