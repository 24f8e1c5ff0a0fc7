# 应用的消息：状态栏和错误。

untitled = 未命名
summary = { $journeys } 个旅程，{ $stages } 个阶段，{ $lanes } 条泳道，{ $cards } 张卡片，{ $personas } 个人物角色
status-new-project = 新项目
status-new-from-template = 已从模板“{ $name }”新建项目
status-opened = 已打开 { $path }：{ $summary }
status-recent-missing = { $path } 已不存在；它会保留在“最近打开”中，直到你将其移除
status-copied = 已复制 { $count } 张卡片
status-exported = 已导出 { $path }（{ $width } x { $height } 像素）
status-exported-missing-font = { $exported }；没有已安装的字体能显示{ $scripts }：这些字符会显示为方框
status-select-cell-to-paste = 请先选择要粘贴到的单元格或卡片
status-select-to-pin = 请先选择要固定到的阶段或卡片
status-persona-imported = 已从 { $path } 导入人物角色“{ $name }”
status-persona-exported = 已将人物角色“{ $name }”导出到 { $path }
status-template-deleted = 已删除模板 { $path }
status-template-saved = 已将模板“{ $name }”保存为 { $path }
status-survey-imported = 已导入 { $path }：使用了 { $used } 条回答，更改了 { $changes } 个指标，略过 { $left_out } 行
warning-recent-not-kept = 最近打开的文件列表未能保存：{ $error }
warning-avatar-not-shown = 无法显示人物角色的头像：{ $error }
error-no-file-yet = 这个项目还没有文件：请使用“另存为…”
error-export-running = 已有导出正在进行，请等待它完成。
error-export-failed = 导出失败：{ $error }
error-export-journey-gone = 要导出的旅程已不存在
error-export-stopped = { $path }：导出意外中止
error-export-not-started = { $path }：无法开始导出：{ $error }
error-paste-wrong-lane = 复制的卡片不能放入泳道“{ $lane }”（{ $kind }）
new-accelerator = 新加速器
new-blocker = 新阻碍器
new-stage = 新阶段
panel-annotations = 加速器和阻碍器
panel-priorities = 优先事项：先解决什么

file-action-read-survey = 读取调查文件
file-action-create-folder = 创建文件夹
file-action-write-recent = 写入最近打开的文件列表
file-action-delete-template = 删除模板
file-action-write-language = 写入所选语言
file-error-io = { $path }：{ $action }时出错：{ $error }
file-error-too-large = { $path }：文件大小为 { $size } 字节；调查文件最大为 64 MiB
file-error-not-text = { $path }：该文件既不是文本也不是电子表格
file-error-no-config-dir = 找不到用于保存模板的配置文件夹
filter-project = Waymark 项目
filter-png = PNG 图片
filter-csv = 调查（CSV、文本、Excel）
warning-missing-font = 没有已安装的字体能显示{ $scripts }：这些文字会显示为方框。请安装 CJK 字体（例如 Noto Sans CJK：在 Debian 或 Ubuntu 上运行 "apt install fonts-noto-cjk"），然后重新启动 Waymark。
export-after-close = { $path } 的导出在窗口关闭后才完成

# 优先事项：接触点排在这里的原因。
priority-evidence-measure = { $measure } { $value }
priority-evidence-stage-measure = 阶段整体 { $measure } { $value }
priority-evidence-emotion = 情绪 { $score }
priority-classify = 尚未分类：分类后才能排序
priority-fix-first-red = { $class }表现很差（{ $evidence }，{ $rag }）：优先解决
priority-fix-first-amber = { $class }表现不佳（{ $evidence }，{ $rag }）：优先解决
priority-measure-first = { $class }：这个阶段没有任何测量，没人知道它是否有效；请先测量
priority-make-adequate = 核心交互低于目标（{ $evidence }，{ $rag }）：先做到合格
priority-measure = 核心交互：这个阶段还没有测量；请先测量再决定
priority-delight-wait = 令人愉快的创新：等上面 { $count } 个接触点都已测量且表现良好之后再投入
priority-delight-classify-first = 令人愉快的创新：请先为 { $count } 个未分类的接触点分类，才能知道基础是否到位
priority-delight-no-basics = 令人愉快的创新：这张地图上还没有归类为关键时刻、卫生因素或核心交互的接触点
priority-delight-worth = 令人愉快的创新：基础表现良好，值得投入
priority-fine = { $class }表现良好（{ $evidence }，{ $rag }）：保持下去

menu-undo-named = 撤销“{ $what }”
menu-redo-named = 重做“{ $what }”
status-undid = 已撤销“{ $what }”
status-redid = 已重做“{ $what }”
status-deleted-with = 已删除{ $what ->
    [stage] 阶段
   *[lane] 泳道
}“{ $name }”，连同 { $cards } 张卡片、{ $accelerators } 个加速器和 { $blockers } 个阻碍器 — 按 Ctrl+Z 撤销
error-edit-refused = 编辑被拒绝：{ $problem }
edit-journey = 编辑旅程
edit-stage = 编辑阶段
edit-add-stage = 添加阶段
edit-delete-stage = 删除阶段
edit-move-stage = 移动阶段
edit-lane = 编辑泳道
edit-add-lane = 添加泳道
edit-delete-lane = 删除泳道
edit-move-lane = 移动泳道
edit-card = 编辑卡片
edit-add-cards = 添加 { $count } 张卡片
edit-delete-cards = 删除 { $count } 张卡片
edit-move-card = 移动卡片
edit-add-annotation = 添加{ $kind }
edit-annotation = 编辑加速器或阻碍器
edit-delete-annotation = 删除加速器或阻碍器
edit-settings = 项目设置
edit-add-persona = 添加人物角色
edit-persona = 编辑人物角色
edit-delete-persona = 删除人物角色
edit-journey-persona = 旅程的人物角色
edit-add-journey = 添加旅程
edit-duplicate-journey = 复制旅程
edit-delete-journey = 删除旅程
edit-move-journey = 移动旅程
status-saved = 已保存 { $path }
import-new-lane = 新泳道“{ $lane }”
import-none = 无
import-change = { $label } 的 { $measure }：{ $old } → { $new }（n={ $count }）
import-new-value = { $label } 的 { $measure }：新值 { $new }（n={ $count }）

## 矢量导出
filter-pdf = PDF 文档
filter-svg = SVG 图形
status-exported-pdf = 已导出 { $path }（{ $pages } 页）
status-exported-svg = 已导出 { $path }
# Kept survey answers and low bases.
import-change-replace = { $label } 的 { $measure }：{ $old } → { $new }（n={ $count }，替换原有 n={ $kept }）
import-change-append = { $label } 的 { $measure }：{ $old } → { $new }（保留 n={ $kept } + 新增 { $added }）
priority-evidence-n = n={ $n }
priority-evidence-imported = 来自 { $date } 导入的调查
priority-evidence-more = { $evidence }，{ $more }
measure-low-base = 样本不足
measure-low-base-n = 样本不足，n={ $n }

# 各种形式的调查文件（任意编码的 CSV、电子表格）。
file-error-workbook = { $path }：{ $error }
file-error-no-sheet = 没有名为“{ $sheet }”的工作表
# Mermaid journeys
filter-mermaid = Mermaid 图表
status-exported-mermaid = 已导出 { $path }
status-mermaid-copied = 已将“{ $title }”复制为 Mermaid 旅程图
status-mermaid-imported = 已导入 { $journeys } 个 Mermaid 旅程（{ $tasks } 个任务）
status-mermaid-pasted = 已将 { $journeys } 个 Mermaid 旅程粘贴为新旅程
error-mermaid-paste = 粘贴的文本看起来是 Mermaid 旅程图，但无法读取：{ $error }
edit-import-journeys = 导入 { $count } 个旅程
