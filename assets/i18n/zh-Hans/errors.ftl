# 应用层以下产生的错误：加载、保存、写入文件、头像、导出、问卷行和项目的一致性问题。

## 加载项目或人物角色文件。

err-load-io = { $path }：无法读取文件：{ $error }
err-load-too-large = { $path }：文件大小为 { $size } 字节，超过项目 { $limit } 字节的上限；它可能不是 Waymark 项目
err-load-not-utf8 = { $path }:{ $line }:{ $column }：文件不是 UTF-8 文本
err-load-syntax = { $path }:{ $line }:{ $column }：{ $message }
err-load-newer = { $path }：由更新版本的 Waymark 创建（格式版本 { $found }；此 Waymark 最高只能读取版本 { $supported }）；请更新 Waymark 后再打开
err-load-invalid = { $path }：{ $problem }
err-load-invalid-more = { $path }：{ $problem }（另有 { $count ->
       *[other] { $count } 个问题
    }）
err-load-format-zero = format_version 0 不是 Waymark 的格式版本

## 保存和写入文件。

err-save-encode = { $path }：无法编码项目：{ $message }
err-save-io = { $path }：无法保存（{ $step }）：{ $error }
err-write = { $path }：无法写入文件（{ $step }）：{ $error }
err-step-naming = 为文件命名
err-step-create-temp = 创建临时文件
err-step-sync-folder = 将文件夹刷新到磁盘（文件已被替换）
err-step-write-temp = 写入临时文件
err-step-keep-permissions = 保留现有文件的权限
err-step-read-permissions = 读取现有文件的权限
err-step-sync-temp = 将临时文件刷新到磁盘
err-step-replace = 替换文件
err-step-templates-folder = 创建模板文件夹
err-step-read-existing = 读取现有文件
err-step-backup = 写入上一版本的备份

## 头像图片。

err-avatar-io = { $path }：无法读取图片：{ $error }
err-avatar-too-large = { $path }：图片文件大小为 { $size } 字节；头像最大为 { $limit } 字节
err-avatar-decode = { $path }：不是可用的 PNG 或 JPEG 图片：{ $message }
err-avatar-not-a-file = { $path }：不是文件（文件夹或设备不能作为头像）
err-avatar-outside = 头像“{ $avatar }”位于项目文件夹之外，未被读取：项目只显示保存在其自身文件夹中的图片。请重新设置头像，将图片复制到项目旁边。
err-avatar-unsaved = 请先保存项目：头像图片保存在项目文件夹中，地图与图片一起移动。

## 导出。

err-export-no-journey = 项目中没有可导出的旅程
err-export-unknown-journey = 没有名称或编号为“{ $query }”的旅程；现有旅程：{ $available }
err-export-bad-scale = 缩放比例 { $scale } 超出范围：请使用 1 到 4 之间的比例
err-export-too-large = 图片将为 { $width } x { $height } 像素，超过每边 { $max_side } 像素的上限；可用的最大比例为 { $max_scale }
err-raster-pixels-per-point = pixels_per_point { $value } 无效：必须是大于零的有限数
err-raster-canvas = 画布尺寸 { $width } x { $height } 点无效：必须是非负的有限数
err-raster-too-small = 图片将为 { $width } x { $height } 像素；每边至少需要 1 像素
err-raster-too-large = 图片将为 { $width } x { $height } 像素；每边最大为 { $max_side } 像素
err-raster-buffer = 内部错误：像素缓冲区与 { $width } x { $height } 的图片不符
err-raster-png = PNG 编码失败：{ $error }

## 问卷 CSV 行。

err-survey-header = 第一行必须写明各列：touchpoint、measure、score（或 触点、指标、分数）
err-survey-empty = 文件为空
err-survey-unclosed = 有一个带引号的字段没有闭合
err-survey-fields = 应有 { $expected } 个字段（与表头相同），实际为 { $count } 个
err-survey-no-target = 没有指定触点或阶段
err-survey-unknown-target = 此旅程中没有名为“{ $target }”的触点或阶段
err-survey-unknown-measure = 未知的测量“{ $measure }”（请使用 nps、nev、ces 或 csat）
err-survey-not-number = 分数“{ $score }”不是数字
err-survey-out-of-range = { $measure } 分数 { $score } 不在 { $low }-{ $high } 范围内

## 项目的一致性问题：先说位置，再说问题。

err-problem = { $location }：{ $message }
err-at-settings = 设置
err-at-persona = 人物角色“{ $name }”
err-at-journey = 旅程“{ $title }”
err-at-stage = 阶段“{ $name }”
err-at-lane = 泳道“{ $title }”
err-at-card = 卡片 { $id }
err-at-annotation = 批注“{ $title }”
err-problem-duplicate-id = 重复的 ID { $id }
err-problem-map-language = 地图语言“{ $language }”没有对应的 Waymark 标签；请使用 { $known } 之一
err-problem-emotion-scale = 情绪量表的最小值 { $min } 必须小于最大值 { $max }
err-problem-nev = NEV 负面阈值 { $negative } 必须小于正面阈值 { $positive }
err-problem-age = 年龄 { $age } 不是合理的年龄
err-problem-no-persona = 人物角色 { $id } 不存在
err-problem-no-parent = 上级旅程 { $id } 不存在
err-problem-no-parent-stage = 上级阶段 { $stage } 在旅程“{ $journey }”中不存在
err-problem-own-parent = 旅程不能是自己的上级旅程
err-problem-width = 宽度 { $width } 必须是正数
err-problem-height = 高度 { $height } 必须是正数
err-problem-compared-lane = 用于比较的泳道 { $lane } 不是另一条情绪泳道
err-problem-no-stage = 阶段 { $id } 不存在
err-problem-emotion-off-scale = 情绪分数 { $score } 超出量表 { $min }..{ $max }
err-problem-measure-range = { $measure } 数值 { $value } 超出范围
err-problem-no-anchor-stage = 锚定的阶段 { $id } 不存在
err-problem-no-anchor-card = 锚定的卡片 { $id } 不存在
err-problem-no-measured-touchpoint = 该指标所衡量的触点 { $id } 不存在
err-problem-rag-numbers = { $measure } 的阈值必须是数字
err-problem-rag-higher = { $measure } 越高越好时，绿灯阈值 { $green } 必须高于黄灯阈值 { $amber }
err-problem-rag-lower = { $measure } 越低越好时，绿灯阈值 { $green } 必须低于黄灯阈值 { $amber }
err-survey-not-whole = { $measure } 分数 { $score } 不是整数（回答必须是 { $low }-{ $high } 之间的整数）

## 矢量导出（PDF、SVG）
err-pdf = 无法生成 PDF：{ $error }
err-svg-font = 无法把字体 { $font } 嵌入 SVG
err-export-unknown-format = { $path }：无法从文件名判断格式；请以 .png、.pdf 或 .svg 结尾，或用 --format 指定
err-problem-survey-rules = 指标可靠所需的最少答案数（{ $min_base }）至少为 1，CSAT "满意的最低分"（{ $csat }）必须在 1 到 5 之间
err-problem-bad-answers = 保留的调查答案与指标 { $measure } 不符（NPS 答案为 0-10，NEV 为 1-10，CES 为 1-7，CSAT 为 1-5；其他指标不保留答案）

err-survey-in-column = 列“{ $column }”：{ $message }
# Mermaid journey diagrams
err-load-mermaid = { $path }：{ $error }
err-mermaid-too-large = 文本大小为 { $size } 字节，超过 Mermaid 旅程图 { $limit } 字节的上限；它可能不是旅程图
err-mermaid-binary = 第 { $line } 行：这是二进制数据，不是 Mermaid 文本
err-mermaid-not-journey = 第 { $line } 行：不是 Mermaid 旅程图（必须以 "journey" 一词开头）
err-mermaid-score = 第 { $line } 行：分数 "{ $score }" 不是数字（任务应写作 "名称: 5" 或 "名称: 5: 参与者, 参与者"）
err-mermaid-no-score = 第 { $line } 行：任务 "{ $task }" 没有分数（应写作 "{ $task }: 5"）
err-mermaid-unterminated = 第 { $line } 行："accDescr {"{"}" 没有用 "{"}"}" 结束
err-mermaid-unexpected = 第 { $line } 行：Mermaid 不允许在此处出现 "{ $text }"
