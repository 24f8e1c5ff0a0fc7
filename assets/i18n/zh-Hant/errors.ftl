# 應用層以下產生的錯誤：載入、儲存、寫入檔案、頭像、匯出、問卷列和專案的一致性問題。

## 載入專案或人物角色檔案。

err-load-io = { $path }：無法讀取檔案：{ $error }
err-load-too-large = { $path }：檔案大小為 { $size } 位元組，超過專案 { $limit } 位元組的上限；它可能不是 Waymark 專案
err-load-not-utf8 = { $path }:{ $line }:{ $column }：檔案不是 UTF-8 文字
err-load-syntax = { $path }:{ $line }:{ $column }：{ $message }
err-load-newer = { $path }：由較新版本的 Waymark 建立（格式版本 { $found }；此 Waymark 最高只能讀取版本 { $supported }）；請更新 Waymark 後再開啟
err-load-invalid = { $path }：{ $problem }
err-load-invalid-more = { $path }：{ $problem }（另有 { $count ->
       *[other] { $count } 個問題
    }）
err-load-format-zero = format_version 0 不是 Waymark 的格式版本

## 儲存和寫入檔案。

err-save-encode = { $path }：無法編碼專案：{ $message }
err-save-io = { $path }：無法儲存（{ $step }）：{ $error }
err-write = { $path }：無法寫入檔案（{ $step }）：{ $error }
err-step-naming = 為檔案命名
err-step-create-temp = 建立暫存檔
err-step-sync-folder = 將資料夾寫入磁碟（檔案已被取代）
err-step-write-temp = 寫入暫存檔
err-step-keep-permissions = 保留現有檔案的權限
err-step-read-permissions = 讀取現有檔案的權限
err-step-sync-temp = 將暫存檔寫入磁碟
err-step-replace = 取代檔案
err-step-templates-folder = 建立範本資料夾
err-step-read-existing = 讀取現有檔案
err-step-backup = 寫入上一版本的備份

## 頭像圖片。

err-avatar-io = { $path }：無法讀取圖片：{ $error }
err-avatar-too-large = { $path }：圖片檔案大小為 { $size } 位元組；頭像最大為 { $limit } 位元組
err-avatar-decode = { $path }：不是可用的 PNG 或 JPEG 圖片：{ $message }
err-avatar-not-a-file = { $path }：不是檔案（資料夾或裝置不能作為頭像）
err-avatar-outside = 頭像「{ $avatar }」位於專案資料夾之外，未被讀取：專案只顯示保存在其自身資料夾中的圖片。請重新設定頭像，將圖片複製到專案旁邊。
err-avatar-unsaved = 請先儲存專案：頭像圖片保存在專案資料夾中，地圖與圖片一起移動。

## 匯出。

err-export-no-journey = 專案中沒有可匯出的旅程
err-export-unknown-journey = 沒有名稱或編號為「{ $query }」的旅程；現有旅程：{ $available }
err-export-bad-scale = 縮放比例 { $scale } 超出範圍：請使用 1 到 4 之間的比例
err-export-too-large = 圖片將為 { $width } x { $height } 像素，超過每邊 { $max_side } 像素的上限；可用的最大比例為 { $max_scale }
err-raster-pixels-per-point = pixels_per_point { $value } 無效：必須是大於零的有限數
err-raster-canvas = 畫布尺寸 { $width } x { $height } 點無效：必須是非負的有限數
err-raster-too-small = 圖片將為 { $width } x { $height } 像素；每邊至少需要 1 像素
err-raster-too-large = 圖片將為 { $width } x { $height } 像素；每邊最大為 { $max_side } 像素
err-raster-buffer = 內部錯誤：像素緩衝區與 { $width } x { $height } 的圖片不符
err-raster-png = PNG 編碼失敗：{ $error }

## 問卷 CSV 列。

err-survey-header = 第一列必須寫明各欄：touchpoint、measure、score（或 接觸點、指標、分數）
err-survey-empty = 檔案是空的
err-survey-unclosed = 有一個加引號的欄位沒有結束
err-survey-fields = 應有 { $expected } 個欄位（與標題列相同），實際為 { $count } 個
err-survey-no-target = 沒有指定接觸點或階段
err-survey-unknown-target = 此旅程中沒有名為「{ $target }」的接觸點或階段
err-survey-unknown-measure = 未知的量測「{ $measure }」（請使用 nps、nev、ces 或 csat）
err-survey-not-number = 分數「{ $score }」不是數字
err-survey-out-of-range = { $measure } 分數 { $score } 不在 { $low }-{ $high } 範圍內

## 專案的一致性問題：先說位置，再說問題。

err-problem = { $location }：{ $message }
err-at-settings = 設定
err-at-persona = 人物角色「{ $name }」
err-at-journey = 旅程「{ $title }」
err-at-stage = 階段「{ $name }」
err-at-lane = 泳道「{ $title }」
err-at-card = 卡片 { $id }
err-at-annotation = 註解「{ $title }」
err-problem-duplicate-id = 重複的 ID { $id }
err-problem-map-language = 地圖語言「{ $language }」沒有對應的 Waymark 標籤；請使用 { $known } 其中之一
err-problem-emotion-scale = 情緒量表的最小值 { $min } 必須小於最大值 { $max }
err-problem-nev = NEV 負面門檻 { $negative } 必須小於正面門檻 { $positive }
err-problem-age = 年齡 { $age } 不是合理的年齡
err-problem-no-persona = 人物角色 { $id } 不存在
err-problem-no-parent = 上層旅程 { $id } 不存在
err-problem-no-parent-stage = 上層階段 { $stage } 在旅程「{ $journey }」中不存在
err-problem-own-parent = 旅程不能是自己的上層旅程
err-problem-width = 寬度 { $width } 必須是正數
err-problem-height = 高度 { $height } 必須是正數
err-problem-compared-lane = 用來比較的泳道 { $lane } 不是另一條情緒泳道
err-problem-no-stage = 階段 { $id } 不存在
err-problem-emotion-off-scale = 情緒分數 { $score } 超出量表 { $min }..{ $max }
err-problem-measure-range = { $measure } 數值 { $value } 超出範圍
err-problem-no-anchor-stage = 錨定的階段 { $id } 不存在
err-problem-no-anchor-card = 錨定的卡片 { $id } 不存在
err-problem-no-measured-touchpoint = 該指標所衡量的接觸點 { $id } 不存在
err-problem-rag-numbers = { $measure } 的門檻必須是數字
err-problem-rag-higher = { $measure } 越高越好時，綠燈門檻 { $green } 必須高於黃燈門檻 { $amber }
err-problem-rag-lower = { $measure } 越低越好時，綠燈門檻 { $green } 必須低於黃燈門檻 { $amber }
err-survey-not-whole = { $measure } 分數 { $score } 不是整數（回答必須是 { $low }-{ $high } 之間的整數）

## 向量匯出（PDF、SVG）
err-pdf = 無法產生 PDF：{ $error }
err-svg-font = 無法把字型 { $font } 嵌入 SVG
err-export-unknown-format = { $path }：無法從檔名判斷格式；請以 .png、.pdf 或 .svg 結尾，或用 --format 指定
err-problem-survey-rules = 指標可靠所需的最少答案數（{ $min_base }）至少為 1，CSAT「滿意的最低分」（{ $csat }）必須在 1 到 5 之間
err-problem-bad-answers = 保留的調查答案與指標 { $measure } 不符（NPS 答案為 0-10，NEV 為 1-10，CES 為 1-7，CSAT 為 1-5；其他指標不保留答案）

err-survey-in-column = 欄「{ $column }」：{ $message }
# Mermaid journey diagrams
err-load-mermaid = { $path }：{ $error }
err-mermaid-too-large = 文字大小為 { $size } 位元組，超過 Mermaid 旅程圖 { $limit } 位元組的上限；它可能不是旅程圖
err-mermaid-binary = 第 { $line } 行：這是二進位資料，不是 Mermaid 文字
err-mermaid-not-journey = 第 { $line } 行：不是 Mermaid 旅程圖（必須以 "journey" 一詞開頭）
err-mermaid-score = 第 { $line } 行：分數 "{ $score }" 不是數字（任務應寫作 "名稱: 5" 或 "名稱: 5: 參與者, 參與者"）
err-mermaid-no-score = 第 { $line } 行：任務 "{ $task }" 沒有分數（應寫作 "{ $task }: 5"）
err-mermaid-unterminated = 第 { $line } 行："accDescr {"{"}" 沒有用 "{"}"}" 結束
err-mermaid-unexpected = 第 { $line } 行：Mermaid 不允許在此處出現 "{ $text }"
