# Messages: map
# 地图上绘制的文字（使用地图自己的语言）、模型枚举的名称，以及项目设置中的“地图语言”。

## 渠道
map-channel-web = 网站
map-channel-app = App
map-channel-phone = 电话
map-channel-store = 门店
map-channel-email = 电子邮件
map-channel-chat = 在线聊天
map-channel-social = 社交媒体
map-channel-letter = 信函
map-channel-in-person = 面对面
map-channel-sms = 短信

## 接触点分类及其标记（一个字）
map-class-moment-of-truth = 关键时刻
map-class-hygiene = 卫生因素
map-class-core = 核心交互
map-class-delight = 令人愉快的创新
map-class-unclassified = 未分类
map-badge-moment-of-truth = 关
map-badge-hygiene = 卫
map-badge-core = 核
map-badge-delight = 喜

## 文本泳道的用途
map-role-actions = 行为
map-role-thoughts = 想法
map-role-goals = 目标
map-role-pain-points = 痛点
map-role-opportunities = 机会点
map-role-support-processes = 支持流程
map-role-notes = 备注

## 泳道类型说明
map-lane-kind-touchpoints = 接触点
map-lane-kind-emotion = 情绪
map-lane-kind-quotes = 客户原话
map-lane-kind-measures = 指标：{ $measure }
map-lane-kind-front-stage = 前台
map-lane-kind-back-stage = 后台
map-lane-kind-department = 部门：{ $name }

## 新泳道的标题
map-lane-title-emotions = 情绪曲线
map-lane-title-quotes = 客户原话
map-lane-title-department = 部门视角
map-department-customer-service = 客户服务

## 指标
map-measure-nps = 净推荐值 (NPS)
map-measure-csat = 客户满意度 (CSAT)
map-measure-ces = 客户努力分数 (CES)
map-measure-nev = 净情感价值 (NEV)
map-measure-score-out-of-10 = 10 分制评分
map-measure-rag = 红黄绿状态 (RAG)
map-measure-unmet-need = 未满足需求占比
map-measure-complaints = 每千次互动投诉数
map-abbr-nev = NEV
map-abbr-ces = CES
map-abbr-nps = NPS

## 红黄绿灯
map-rag-green = 绿灯
map-rag-amber = 黄灯
map-rag-red = 红灯

## 原话的倾向
map-sentiment-positive = 正面
map-sentiment-neutral = 中性
map-sentiment-negative = 负面

## 批注
map-annotation-accelerator = 加速器
map-annotation-blocker = 阻碍器

## 卡片颜色
map-color-auto = 泳道颜色
map-color-yellow = 黄色
map-color-blue = 蓝色
map-color-green = 绿色
map-color-red = 红色
map-color-purple = 紫色
map-color-orange = 橙色
map-color-grey = 灰色

## 地图上的文字
map-legend = 图例
map-legend-emotion = 情绪：从负面到正面
map-legend-lowest-point = 最低点
map-legend-positive-quote = 正面原话
map-legend-negative-quote = 负面原话
map-legend-visibility = 可视线
map-visibility-line = 可视线
map-effect = { $measure } { $change }
map-effect-separator = ，
map-annotation-summary = { $change } · { $title }
map-persona-name-age = { $name }，{ $age } 岁

## 项目设置
settings-map-language = 地图语言
settings-map-language-hint = 地图上绘制的图例、泳道说明、分类标记和渠道名称使用此语言，与界面语言无关。
map-channel-none = 无渠道
map-copy-of = { $title }（副本）

## 报告 PDF：封面与人物角色页
map-report-journeys = 旅程
map-report-personas = 人物角色
map-persona-age = 年龄
map-persona-location = 所在地
map-persona-segment = 客群
map-persona-quote = 原话
map-persona-favourite-brands = 喜爱的品牌
map-persona-brand-turn-ons = 品牌吸引点
map-persona-brand-turn-offs = 品牌反感点
map-persona-behaviours = 行为习惯
map-persona-goals = 目标
map-persona-needs = 需求
map-persona-desired-feelings = 期望的感受
map-persona-channels = 偏好渠道
map-persona-devices = 设备

# 空白旅程（新建旅程、放大此阶段），使用地图的语言。
map-blank-title = 新旅程
map-blank-stage-discover = 发现
map-blank-stage-decide = 决策
map-blank-stage-use = 使用
map-blank-stage-get-help = 寻求帮助
map-blank-lane-actions = 顾客行为
map-blank-lane-touchpoints = 触点
