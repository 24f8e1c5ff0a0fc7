# 宏观与微观旅程：放大阶段、链接、汇总。

err-problem-parent-cycle = 旅程不能是自己的上级：{ $chain }
summary-micro = { $summary }（{ $micro } 个微观旅程）
micro-edit-zoom = 放大阶段
micro-edit-link = 将旅程链接到阶段
micro-edit-unlink = 取消旅程链接
micro-edit-delete-stage = 删除阶段及其微观旅程
micro-edit-delete-journey = 删除旅程及其微观旅程
micro-edit-duplicate-journey = 复制旅程及其微观旅程
map-rollup-lowest = 最低 { $score } · { $stage }
map-rollup-no-emotion = 没有情绪评分
map-rollup-worst = 最差：{ $rag }
action-zoom-into-stage = 放大此阶段
status-select-stage-to-zoom = 请先选择要放大的阶段
micro-zoom-with-template = 用模板放大此阶段
micro-loading-templates = 正在加载模板…
micro-breadcrumb-label = 所属宏观旅程
micro-breadcrumb-back = 返回宏观旅程的此阶段
micro-ask-title = 微观旅程
micro-ask-delete-stage = 阶段“{ $name }”有 { $count } 个微观旅程。保留它们为独立旅程（取消链接），还是一并删除？
micro-ask-delete-journey = “{ $name }”下有 { $count } 个微观旅程。保留它们为独立旅程（取消链接），还是一并删除？
micro-ask-duplicate-journey = “{ $name }”下有 { $count } 个微观旅程。是否一并复制，并链接到副本？
micro-keep-unlinked = 保留，取消链接
micro-delete-too = 一并删除
micro-duplicate-with = 连同微观旅程一起复制
micro-duplicate-alone = 仅复制此旅程
micro-not-linked = 无（不是微观旅程）
micro-zooms-into = 放大自（宏观旅程 › 阶段）
micro-unlink = 取消链接
micro-its-micro = 其 { $count } 个微观旅程：
micro-badge = 打开“{ $stage }”的微观旅程（共 { $count } 个）
micro-collapse = 隐藏微观旅程
micro-expand = 显示微观旅程
micro-priorities-with = 包含微观旅程
micro-priorities-from = 来自 { $journey }
micro-rollup-open = 打开“{ $stage }”的微观旅程中的最低点
micro-inspector-zoom = 为此阶段新建微观旅程

# A path through journeys and stages: "Macro › Stage".
micro-path = { $outer } › { $inner }
micro-path-separator = ›
