# Workshop mode: presenting, the presenter console, dot votes, slides.

action-present = Present
action-export-slides = Export slides…
action-reset-votes = Reset votes
action-top-voted = Top voted

edit-vote = Vote
edit-unvote = Remove vote
edit-reset-votes = Reset votes

status-no-votes = No card of this journey has votes
status-exported-slides = Exported { $count ->
    [one] 1 slide
   *[other] { $count } slides
} of { $width } x { $height } px into { $path }

err-export-bad-slide-size = slide size { $width } x { $height } is out of range: each side must be 320 to 7680 pixels
err-export-slides-dir = cannot make the folder { $path } for the slides: { $error }

export-include-votes = Dot votes on cards

slides-title = Export slides
slides-intro = One PNG per step of the presentation of “{ $journey }”: the overview, then each stage in the spotlight, a tall stage in several pages.
slides-size = Size (pixels)
slides-by = ×
slides-size-1080p = 1920 × 1080
slides-reveal = Reveal the emotion curve, quotes and measures one stage at a time
slides-folder = Folder

present-step-stage = Stage { $step } of { $count }: { $stage }
present-step-stage-page = Stage { $step } of { $count }: { $stage } · page { $page } of { $pages }
present-step-overview = Overview: { $title }
present-vote-add = +1
present-vote-add-tip = Add a dot vote (+)
present-vote-remove = -1
present-vote-remove-tip = Take a dot vote away (-)
present-new-card = New card
present-empty-card = Empty card

console-title = Presenter console
console-now-stage = Now: stage { $step } of { $count }: { $stage }
console-now-stage-page = Now: stage { $step } of { $count }: { $stage } · page { $page } of { $pages }
console-now-overview = Now: overview
console-next = Next: { $stage }
console-next-page = Next: { $stage } · page { $page } of { $pages }
console-next-end = Next: end of the journey
console-notes = Notes
console-no-notes = No notes: write them in the stage's description.
console-timer-total = Session { $time }
console-timer-step = This step { $time }
console-timer-step-nearly-up = This step { $time } · time nearly up
console-timer-step-over = This step { $time } · over time
console-time-box = Time box per stage
console-minutes-suffix = { " " }min
console-timer-reset = Restart timer
console-previous = Previous
console-next-step = Next
console-overview = Overview
console-reveal = Reveal curve, quotes and measures stage by stage (R)
console-overlay = Show the console over the projector view (C)
console-leave = End presentation (Esc)
console-illegible = Too small to read from the back of the room (under { $min } px on a 1080p projector, even one lane at a time): { $stages }. Collapse or split those lanes, or move cards to another stage.
console-illegible-stage = { $stage } ({ $px } px)
console-step-small = This page's smallest text is { $px } px on a 1080p projector: one of its lanes is too tall for the screen.

top-voted-title = Top voted
top-voted-none = No votes yet: select a card while presenting and press + to vote.
top-voted-row = { $rank }. { $text } · { $votes ->
    [one] 1 vote
   *[other] { $votes } votes
} · { $stage }

sheet-presenting = While presenting (F5)
key-present-next = Right, Page Down, Space, Down
key-present-next-what = Next step (a clicker's forward key); during a transition, finish it
key-present-previous = Left, Page Up, Shift+Space, Up
key-present-previous-what = Previous step
key-present-home-end = Home, End
key-present-home-end-what = The overview, the last stage
key-present-vote = + / -
key-present-vote-what = Add or take away a dot vote on the selected card
key-present-new-card = Double-click a cell, or N
key-present-new-card-what = Add a card and type it in; Enter keeps it
key-present-toggles = R, C
key-present-toggles-what = Reveal stage by stage; the console over the projector view
key-present-escape = Escape
key-present-escape-what = End the presentation
slides-width = Slide width (pixels)
slides-height = Slide height (pixels)
