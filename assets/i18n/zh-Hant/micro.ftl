# 宏觀與微觀旅程：放大階段、連結、彙總。

err-problem-parent-cycle = 旅程不能是自己的上層：{ $chain }
summary-micro = { $summary }（{ $micro } 個微觀旅程）
micro-edit-zoom = 放大階段
micro-edit-link = 將旅程連結到階段
micro-edit-unlink = 取消旅程連結
micro-edit-delete-stage = 刪除階段及其微觀旅程
micro-edit-delete-journey = 刪除旅程及其微觀旅程
micro-edit-duplicate-journey = 複製旅程及其微觀旅程
map-rollup-lowest = 最低 { $score } · { $stage }
map-rollup-no-emotion = 沒有情緒評分
map-rollup-worst = 最差：{ $rag }
action-zoom-into-stage = 放大此階段
status-select-stage-to-zoom = 請先選取要放大的階段
micro-zoom-with-template = 用範本放大此階段
micro-loading-templates = 正在載入範本…
micro-breadcrumb-label = 所屬宏觀旅程
micro-breadcrumb-back = 返回宏觀旅程的此階段
micro-ask-title = 微觀旅程
micro-ask-delete-stage = 階段「{ $name }」有 { $count } 個微觀旅程。保留它們為獨立旅程（取消連結），還是一併刪除？
micro-ask-delete-journey = 「{ $name }」下有 { $count } 個微觀旅程。保留它們為獨立旅程（取消連結），還是一併刪除？
micro-ask-duplicate-journey = 「{ $name }」下有 { $count } 個微觀旅程。是否一併複製，並連結到副本？
micro-keep-unlinked = 保留，取消連結
micro-delete-too = 一併刪除
micro-duplicate-with = 連同微觀旅程一起複製
micro-duplicate-alone = 僅複製此旅程
micro-not-linked = 無（不是微觀旅程）
micro-zooms-into = 放大自（宏觀旅程 › 階段）
micro-unlink = 取消連結
micro-its-micro = 其 { $count } 個微觀旅程：
micro-badge = 開啟「{ $stage }」的微觀旅程（共 { $count } 個）
micro-collapse = 隱藏微觀旅程
micro-expand = 顯示微觀旅程
micro-priorities-with = 包含微觀旅程
micro-priorities-from = 來自 { $journey }
micro-rollup-open = 開啟「{ $stage }」的微觀旅程中的最低點
micro-inspector-zoom = 為此階段新增微觀旅程

# A path through journeys and stages: "Macro › Stage".
micro-path = { $outer } › { $inner }
micro-path-separator = ›
