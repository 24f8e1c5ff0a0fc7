# Canvas editing: views, panels, headers, zoom, cells.

## The background's context menu
canvas-add-card-here = 在此新增卡片
