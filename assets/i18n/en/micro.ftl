# Macro and micro journeys: zooming into a stage, the links, the roll-up.

err-problem-parent-cycle = a journey cannot be its own ancestor: { $chain }
summary-micro = { $summary } ({ $micro ->
    [one] 1 micro journey
   *[other] { $micro } micro journeys
})
micro-edit-zoom = Zoom into stage
micro-edit-link = Link journey to stage
micro-edit-unlink = Unlink journey
micro-edit-delete-stage = Delete stage and its micro journeys
micro-edit-delete-journey = Delete journey and its micro journeys
micro-edit-duplicate-journey = Duplicate journey with its micro journeys
map-rollup-lowest = Lowest { $score } · { $stage }
map-rollup-no-emotion = No emotion scores
map-rollup-worst = Worst: { $rag }
action-zoom-into-stage = Zoom into this stage
status-select-stage-to-zoom = Select a stage to zoom into it
micro-zoom-with-template = Zoom into this stage with a template
micro-loading-templates = Loading the templates…
micro-breadcrumb-label = Micro journey of
micro-breadcrumb-back = Back to this stage of the macro journey
micro-ask-title = Micro journeys
micro-ask-delete-stage = The stage "{ $name }" has { $count ->
    [one] a micro journey
   *[other] { $count } micro journeys
}. Keep them as journeys of their own (unlinked), or delete them too?
micro-ask-delete-journey = "{ $name }" has { $count ->
    [one] a micro journey
   *[other] { $count } micro journeys
} below it. Keep them as journeys of their own (unlinked), or delete them too?
micro-ask-duplicate-journey = "{ $name }" has { $count ->
    [one] a micro journey
   *[other] { $count } micro journeys
} below it. Duplicate them too, linked to the copy?
micro-keep-unlinked = Keep them, unlinked
micro-delete-too = Delete them too
micro-duplicate-with = Duplicate with micro journeys
micro-duplicate-alone = Only this journey
micro-not-linked = None (not a micro journey)
micro-zooms-into = Zooms into (macro journey › stage)
micro-unlink = Unlink
micro-its-micro = { $count ->
    [one] Its micro journey:
   *[other] Its { $count } micro journeys:
}
micro-badge = { $count ->
    [one] Open the micro journey of { $stage }
   *[other] Open one of the { $count } micro journeys of { $stage }
}
micro-collapse = Hide micro journeys
micro-expand = Show micro journeys
micro-priorities-with = Include micro journeys
micro-priorities-from = from { $journey }
micro-rollup-open = Open the lowest point of the micro journeys of { $stage }
micro-inspector-zoom = New micro journey of this stage

# A path through journeys and stages: "Macro › Stage".
micro-path = { $outer } › { $inner }
micro-path-separator = ›
