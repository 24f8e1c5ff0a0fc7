# Canvas editing: views, panels, headers, zoom, cells.

## The background's context menu
canvas-add-card-here = Add card here

## View menu: the side panels
action-toggle-journeys-panel = Journeys panel
action-toggle-inspector = Inspector panel
canvas-card-description = Card in { $lane }, { $stage }
canvas-empty-cell = Empty cell: { $lane }, { $stage }
action-toggle-minimap = Minimap
minimap-name = Minimap of the whole journey: click or drag to move the view
