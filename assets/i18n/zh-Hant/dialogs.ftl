# 對話框：未儲存的變更、路徑輸入、錯誤、匯出、問卷匯入、設定。

button-ok = 確定
button-save = 儲存
button-dont-save = 不儲存
button-cancel = 取消
button-open = 開啟
button-apply = 套用
button-browse = 瀏覽…
button-preview = 預覽
button-import = 匯入
button-export = 匯出

pending-new = 新增專案
pending-open = 開啟其他專案
pending-quit = 關閉
pending-gallery = 從範本新增
unsaved-title = 未儲存的變更
unsaved-question = 要在{ $doing }之前儲存變更嗎？如果不儲存，變更將會遺失。
error-title = 發生問題
error-unchanged = 目前開啟的文件沒有被變更。
path-open-title = 開啟專案
path-save-title = 專案另存新檔
path-label = 專案檔案路徑：

settings-title = 專案設定
settings-emotion-scale = 情緒量表
settings-from = 從
settings-to = 到
settings-nev = 淨情感價值 NEV（評分 1-10）
settings-nev-positive = 正面：不低於
settings-nev-negative = 負面：不高於
settings-rag = 紅黃綠燈（RAG）
settings-measure = 指標
settings-green-at = 綠燈門檻
settings-amber-at = 黃燈門檻
settings-higher-better = 越高越好
settings-named = { $name }：{ $what }
settings-bad-scale = 情緒量表必須從較小的數值到較大的數值。
settings-scores-off-scale = 地圖上有 { $count } 個情緒分數不在 { $min } 到 { $max } 之間：請先修改這些分數，或選擇更寬的量表。
settings-bad-nev = NEV 的負面門檻必須低於正面門檻。

import-title = 匯入問卷
import-into = 匯入到旅程：{ $journey }
import-columns = CSV、定位字元分隔的文字或試算表（.xlsx、.xls、.ods）：每列一個答案（接觸點、指標、分數），或每列一位受訪者、每題一欄
import-file = 問卷檔案
import-preview-title = 匯入預覽
import-preview-summary = { $path }：使用了 { $used } 筆回答，略過 { $left_out } 列
import-changes = 變更
import-no-change = 不會有任何變更。
import-rows-left-out = 略過的列
import-bad-row = 第 { $line } 列：{ $message }

export-title = 匯出 PNG
export-journey = 旅程：{ $journey }
export-scale = 縮放倍數
export-background = 背景
export-white = 白色
export-transparent = 透明
export-include-title = 標題
export-include-persona = 人物角色卡片
export-include-legend = 圖例
export-include-annotations = 加速器和阻礙器
export-size = { $width } × { $height } 像素
export-save-to = 儲存到
export-include-notes = 加速器和阻礙器的備註
settings-project-title = 專案標題

# Measures
measures-threshold-not-a-number = 每個門檻都必須是數字。
measures-threshold-green-above-amber = { $measure }：「越高越好」時，綠燈門檻（{ $green }）必須高於黃燈門檻（{ $amber }）。
measures-threshold-green-below-amber = { $measure }：「越低越好」時，綠燈門檻（{ $green }）必須低於黃燈門檻（{ $amber }）。
measures-csv-journey = 旅程
measures-csv-stage = 階段
measures-csv-touchpoint = 接觸點
measures-csv-measure = 指標
measures-csv-value = 數值
measures-csv-n = 樣本數
measures-csv-rag = 紅黃綠狀態
measures-csv-class = 類別
measures-csv-rank = 優先順序排名
measures-csv-reason = 原因
measures-action-export = 匯出指標…
measures-export-title = 匯出指標
measures-export-what = 所有旅程中計算出的每項指標，連同樣本數、紅黃綠狀態、接觸點類別、優先順序排名和原因，匯出為 CSV 表格；用 Excel 開啟時中文不會亂碼。
measures-export-file = 儲存到
measures-export-button = 匯出
measures-exported = 已將指標匯出到 { $path }
measures-export-failed = 指標未能匯出：{ $error }

## 匯出對話框：PDF 與 SVG
export-title-pdf = 匯出 PDF
export-title-svg = 匯出 SVG
export-format = 格式
export-page = 頁面
export-page-fit = 符合地圖大小
export-landscape = 橫向
export-portrait = 直向
export-all-journeys = 全部旅程（報告：封面、每個旅程、每個人物角色）
export-size-pt = { $width } × { $height } 點
import-kept-answers = { $count } 個指標保留著先前匯入的答案：
import-mode-replace = 取代原有答案
import-mode-append = 將新答案附加到原有答案
settings-csat-satisfied = CSAT：滿意的最低分
settings-min-base = 指標可靠所需的最少答案數
settings-bad-min-base = 最少答案數至少為 1。
settings-bad-csat = CSAT 答案為 1 到 5 分：「滿意的最低分」必須在此範圍內。
measures-csv-low-base = 樣本不足
measures-csv-yes = 是

# 問卷匯入的欄位設定步驟。
import-bad-row-sheet = 第 { $line } 列：{ $message }
import-source-csv = 文字檔，{ $encoding }，以{ $delimiter }分隔
import-delimiter-comma = 逗號
import-delimiter-semicolon = 分號
import-delimiter-tab = 定位字元
import-sheet = 工作表
import-columns-heading = 欄位
import-columns-remembered = 沿用上次為此問卷選擇的欄位。
import-columns-found = 已依標題列辨識；如有錯誤，請在下方修改。
import-columns-ask = Waymark 無法判斷各欄的意義：請在下方選擇。
import-layout-long = 每列一個答案
import-layout-wide = 每列一位受訪者，每題一欄
import-col-touchpoint = 接觸點或階段
import-col-measure = 指標
import-col-score = 分數
import-question-column = 欄
import-question-ignore = 不是題目
