# Canvas editing: views, panels, headers, zoom, cells.

## The background's context menu
canvas-add-card-here = 在此新增卡片

## View menu: the side panels
action-toggle-journeys-panel = 旅程清單面板
action-toggle-inspector = 檢閱器面板
canvas-card-description = 卡片，位於 { $lane }，{ $stage }
canvas-empty-cell = 空儲存格：{ $lane }，{ $stage }
action-toggle-minimap = 小地圖
minimap-name = 整個旅程的小地圖：點擊或拖曳以移動檢視
