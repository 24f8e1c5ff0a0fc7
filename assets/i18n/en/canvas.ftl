# Canvas editing: views, panels, headers, zoom, cells.

## The background's context menu
canvas-add-card-here = Add card here
