# 对话框：未保存的更改、路径输入、错误、导出、调查导入、设置。

button-ok = 确定
button-save = 保存
button-dont-save = 不保存
button-cancel = 取消
button-open = 打开
button-apply = 应用
button-browse = 浏览…
button-preview = 预览
button-import = 导入
button-export = 导出

pending-new = 新建项目
pending-open = 打开其他项目
pending-quit = 关闭
pending-gallery = 从模板新建
unsaved-title = 未保存的更改
unsaved-question = 在{ $doing }之前保存更改吗？如果不保存，更改将丢失。
error-title = 出现问题
error-unchanged = 当前打开的文档没有被更改。
path-open-title = 打开项目
path-save-title = 项目另存为
path-label = 项目文件路径：

settings-title = 项目设置
settings-emotion-scale = 情绪量表
settings-from = 从
settings-to = 到
settings-nev = 净情感价值 NEV（评分 1-10）
settings-nev-positive = 正面：不低于
settings-nev-negative = 负面：不高于
settings-rag = 红黄绿灯（RAG）
settings-measure = 指标
settings-green-at = 绿灯阈值
settings-amber-at = 黄灯阈值
settings-higher-better = 越高越好
settings-named = { $name }：{ $what }
settings-bad-scale = 情绪量表必须从较小的数值到较大的数值。
settings-scores-off-scale = 地图上有 { $count } 个情绪分数不在 { $min } 到 { $max } 之间：请先修改这些分数，或选择更宽的量表。
settings-bad-nev = NEV 的负面阈值必须低于正面阈值。

import-title = 导入调查
import-into = 导入到旅程：{ $journey }
import-columns = CSV、制表符分隔的文本或电子表格（.xlsx、.xls、.ods）：每行一个答案（触点、指标、分数），或每行一位受访者、每题一列
import-file = 调查文件
import-preview-title = 导入预览
import-preview-summary = { $path }：使用了 { $used } 条回答，略过 { $left_out } 行
import-changes = 更改
import-no-change = 不会有任何更改。
import-rows-left-out = 略过的行
import-bad-row = 第 { $line } 行：{ $message }

export-title = 导出 PNG
export-journey = 旅程：{ $journey }
export-scale = 缩放倍数
export-background = 背景
export-white = 白色
export-transparent = 透明
export-include-title = 标题
export-include-persona = 人物角色卡片
export-include-legend = 图例
export-include-annotations = 加速器和阻碍器
export-size = { $width } × { $height } 像素
export-save-to = 保存到
export-include-notes = 加速器和阻碍器的备注
settings-project-title = 项目标题

# Measures
measures-threshold-not-a-number = 每个阈值都必须是数字。
measures-threshold-green-above-amber = { $measure }：“越高越好”时，绿灯阈值（{ $green }）必须高于黄灯阈值（{ $amber }）。
measures-threshold-green-below-amber = { $measure }：“越低越好”时，绿灯阈值（{ $green }）必须低于黄灯阈值（{ $amber }）。
measures-csv-journey = 旅程
measures-csv-stage = 阶段
measures-csv-touchpoint = 触点
measures-csv-measure = 指标
measures-csv-value = 数值
measures-csv-n = 样本数
measures-csv-rag = 红黄绿状态
measures-csv-class = 类别
measures-csv-rank = 优先级排名
measures-csv-reason = 原因
measures-action-export = 导出指标…
measures-export-title = 导出指标
measures-export-what = 所有旅程中计算出的每项指标，连同样本数、红黄绿状态、触点类别、优先级排名和原因，导出为 CSV 表格；用 Excel 打开时中文不会乱码。
measures-export-file = 保存到
measures-export-button = 导出
measures-exported = 已将指标导出到 { $path }
measures-export-failed = 指标未能导出：{ $error }

## 导出对话框：PDF 与 SVG
export-title-pdf = 导出 PDF
export-title-svg = 导出 SVG
export-format = 格式
export-page = 页面
export-page-fit = 适应地图大小
export-landscape = 横向
export-portrait = 纵向
export-all-journeys = 全部旅程（报告：封面、每个旅程、每个人物角色）
export-size-pt = { $width } × { $height } 磅
import-kept-answers = { $count } 个指标保留着之前导入的答案：
import-mode-replace = 替换原有答案
import-mode-append = 将新答案追加到原有答案
settings-csat-satisfied = CSAT：满意的最低分
settings-min-base = 指标可靠所需的最少答案数
settings-bad-min-base = 最少答案数至少为 1。
settings-bad-csat = CSAT 答案为 1 到 5 分："满意的最低分"必须在此范围内。
measures-csv-low-base = 样本不足
measures-csv-yes = 是

# 调查导入的列设置步骤。
import-bad-row-sheet = 第 { $line } 行：{ $message }
import-source-csv = 文本文件，{ $encoding }，以{ $delimiter }分隔
import-delimiter-comma = 逗号
import-delimiter-semicolon = 分号
import-delimiter-tab = 制表符
import-sheet = 工作表
import-columns-heading = 列
import-columns-remembered = 沿用上次为该调查选择的列。
import-columns-found = 已根据表头识别；如有错误，请在下方修改。
import-columns-ask = Waymark 无法判断各列的含义：请在下方选择。
import-layout-long = 每行一个答案
import-layout-wide = 每行一位受访者，每题一列
import-col-touchpoint = 触点或阶段
import-col-measure = 指标
import-col-score = 分数
import-question-column = 列
import-question-ignore = 不是题目
