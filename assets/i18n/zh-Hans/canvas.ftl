# Canvas editing: views, panels, headers, zoom, cells.

## The background's context menu
canvas-add-card-here = 在此添加卡片

## View menu: the side panels
action-toggle-journeys-panel = 旅程列表面板
action-toggle-inspector = 检查器面板
canvas-card-description = 卡片，位于 { $lane }，{ $stage }
canvas-empty-cell = 空单元格：{ $lane }，{ $stage }
action-toggle-minimap = 小地图
minimap-name = 整个旅程的小地图：点击或拖动以移动视图
