# Messages: map
# 地圖上繪製的文字（使用地圖自己的語言）、模型列舉的名稱，以及專案設定中的「地圖語言」。

## 通路
map-channel-web = 網站
map-channel-app = App
map-channel-phone = 電話
map-channel-store = 門市
map-channel-email = 電子郵件
map-channel-chat = 線上聊天
map-channel-social = 社群媒體
map-channel-letter = 信函
map-channel-in-person = 面對面
map-channel-sms = 簡訊

## 接觸點分類及其標記（一個字）
map-class-moment-of-truth = 關鍵時刻
map-class-hygiene = 衛生因素
map-class-core = 核心互動
map-class-delight = 令人愉快的創新
map-class-unclassified = 未分類
map-badge-moment-of-truth = 關
map-badge-hygiene = 衛
map-badge-core = 核
map-badge-delight = 喜

## 文字泳道的用途
map-role-actions = 行為
map-role-thoughts = 想法
map-role-goals = 目標
map-role-pain-points = 痛點
map-role-opportunities = 機會點
map-role-support-processes = 支援流程
map-role-notes = 備註

## 泳道類型說明
map-lane-kind-touchpoints = 接觸點
map-lane-kind-emotion = 情緒
map-lane-kind-quotes = 客戶原話
map-lane-kind-measures = 指標：{ $measure }
map-lane-kind-front-stage = 前台
map-lane-kind-back-stage = 後台
map-lane-kind-department = 部門：{ $name }

## 新泳道的標題
map-lane-title-emotions = 情緒曲線
map-lane-title-quotes = 客戶原話
map-lane-title-department = 部門視角
map-department-customer-service = 客戶服務

## 指標
map-measure-nps = 淨推薦值 (NPS)
map-measure-csat = 客戶滿意度 (CSAT)
map-measure-ces = 客戶努力分數 (CES)
map-measure-nev = 淨情感價值 (NEV)
map-measure-score-out-of-10 = 10 分制評分
map-measure-rag = 紅黃綠狀態 (RAG)
map-measure-unmet-need = 未滿足需求比例
map-measure-complaints = 每千次互動客訴數
map-abbr-nev = NEV
map-abbr-ces = CES
map-abbr-nps = NPS

## 紅黃綠燈
map-rag-green = 綠燈
map-rag-amber = 黃燈
map-rag-red = 紅燈

## 原話的傾向
map-sentiment-positive = 正面
map-sentiment-neutral = 中性
map-sentiment-negative = 負面

## 註記
map-annotation-accelerator = 加速器
map-annotation-blocker = 阻礙器

## 卡片顏色
map-color-auto = 泳道顏色
map-color-yellow = 黃色
map-color-blue = 藍色
map-color-green = 綠色
map-color-red = 紅色
map-color-purple = 紫色
map-color-orange = 橙色
map-color-grey = 灰色

## 地圖上的文字
map-legend = 圖例
map-legend-emotion = 情緒：從負面到正面
map-legend-lowest-point = 最低點
map-legend-positive-quote = 正面原話
map-legend-negative-quote = 負面原話
map-legend-visibility = 可視線
map-visibility-line = 可視線
map-effect = { $measure } { $change }
map-effect-separator = ，
map-annotation-summary = { $change } · { $title }
map-persona-name-age = { $name }，{ $age } 歲

## 專案設定
settings-map-language = 地圖語言
settings-map-language-hint = 地圖上繪製的圖例、泳道說明、分類標記與通路名稱使用此語言，與介面語言無關。
map-channel-none = 無管道
map-copy-of = { $title }（副本）

## 報告 PDF：封面與人物角色頁
map-report-journeys = 旅程
map-report-personas = 人物角色
map-persona-age = 年齡
map-persona-location = 所在地
map-persona-segment = 客群
map-persona-quote = 原話
map-persona-favourite-brands = 喜愛的品牌
map-persona-brand-turn-ons = 品牌吸引點
map-persona-brand-turn-offs = 品牌反感點
map-persona-behaviours = 行為習慣
map-persona-goals = 目標
map-persona-needs = 需求
map-persona-desired-feelings = 期望的感受
map-persona-channels = 偏好管道
map-persona-devices = 裝置

# 空白旅程（新增旅程、放大此階段），使用地圖的語言。
map-blank-title = 新旅程
map-blank-stage-discover = 發現
map-blank-stage-decide = 決策
map-blank-stage-use = 使用
map-blank-stage-get-help = 尋求協助
map-blank-lane-actions = 顧客行為
map-blank-lane-touchpoints = 接觸點
