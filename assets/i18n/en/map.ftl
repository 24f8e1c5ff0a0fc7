# Messages: map
# The words Waymark draws on a map (in the map's own language, see Settings::language)
# and the words for the model's enums (src/i18n/labels.rs), plus the map-language choice
# of the project settings dialog.

## Channels
map-channel-web = Web
map-channel-app = App
map-channel-phone = Phone
map-channel-store = Store
map-channel-email = E-mail
map-channel-chat = Chat
map-channel-social = Social
map-channel-letter = Letter
map-channel-in-person = In person
map-channel-sms = SMS

## Touchpoint classes, and their badges (kept to one to three letters)
map-class-moment-of-truth = Moment of truth
map-class-hygiene = Hygiene factor
map-class-core = Core interaction
map-class-delight = Delightful innovation
map-class-unclassified = Unclassified
map-badge-moment-of-truth = MoT
map-badge-hygiene = H
map-badge-core = C
map-badge-delight = D

## Text lane roles
map-role-actions = Actions
map-role-thoughts = Thoughts
map-role-goals = Goals
map-role-pain-points = Pain points
map-role-opportunities = Opportunities
map-role-support-processes = Support processes
map-role-notes = Notes

## Lane kind captions
map-lane-kind-touchpoints = Touchpoints
map-lane-kind-emotion = Emotion
map-lane-kind-quotes = Quotes
map-lane-kind-measures = Measure: { $measure }
map-lane-kind-front-stage = Front stage
map-lane-kind-back-stage = Back stage
map-lane-kind-department = Department: { $name }

## Titles of new lanes
map-lane-title-emotions = Emotions
map-lane-title-quotes = Customer quotes
map-lane-title-department = Department
map-department-customer-service = Customer service

## Measures
map-measure-nps = NPS
map-measure-csat = CSAT
map-measure-ces = CES
map-measure-nev = NEV
map-measure-score-out-of-10 = Score /10
map-measure-rag = RAG
map-measure-unmet-need = % unmet need
map-measure-complaints = Complaints /1,000
map-abbr-nev = NEV
map-abbr-ces = CES
map-abbr-nps = NPS

## Traffic lights
map-rag-green = Green
map-rag-amber = Amber
map-rag-red = Red

## Quote sentiment
map-sentiment-positive = Positive
map-sentiment-neutral = Neutral
map-sentiment-negative = Negative

## Annotations
map-annotation-accelerator = Accelerator
map-annotation-blocker = Blocker

## Card colours
map-color-auto = Lane colour
map-color-yellow = Yellow
map-color-blue = Blue
map-color-green = Green
map-color-red = Red
map-color-purple = Purple
map-color-orange = Orange
map-color-grey = Grey

## Drawn on the map
map-legend = Legend
map-legend-emotion = Emotion, negative to positive
map-legend-lowest-point = Lowest point
map-legend-positive-quote = Positive quote
map-legend-negative-quote = Negative quote
map-legend-visibility = Line of visibility
map-visibility-line = line of visibility
# One measured change of an annotation, e.g. "NEV +30".
map-effect = { $measure } { $change }
map-effect-separator = {", "}
# An annotation pill: the measured change first, so that it survives when the title is cut.
map-annotation-summary = { $change } · { $title }
map-persona-name-age = { $name }, { $age }

## Project settings dialog
settings-map-language = Map language
settings-map-language-hint = The legend, lane captions, badges and channel names drawn on the map use this language, whatever the interface language is.
map-channel-none = No channel
map-copy-of = { $title } (copy)

## Report PDF: cover and persona pages
map-report-journeys = Journeys
map-report-personas = Personas
map-persona-age = Age
map-persona-location = Location
map-persona-segment = Segment
map-persona-quote = Quote
map-persona-favourite-brands = Favourite brands
map-persona-brand-turn-ons = Brand turn-ons
map-persona-brand-turn-offs = Brand turn-offs
map-persona-behaviours = Behaviours
map-persona-goals = Goals
map-persona-needs = Needs
map-persona-desired-feelings = Feelings wanted
map-persona-channels = Preferred channels
map-persona-devices = Devices

# A blank journey (New journey, Zoom into this stage), in the map's language.
map-blank-title = New journey
map-blank-stage-discover = Discover
map-blank-stage-decide = Decide
map-blank-stage-use = Use
map-blank-stage-get-help = Get help
map-blank-lane-actions = Customer actions
map-blank-lane-touchpoints = Touchpoints
