# 應用程式的訊息：狀態列和錯誤。

untitled = 未命名
summary = { $journeys } 個旅程，{ $stages } 個階段，{ $lanes } 條泳道，{ $cards } 張卡片，{ $personas } 個人物角色
status-new-project = 新專案
status-new-from-template = 已從範本「{ $name }」新增專案
status-opened = 已開啟 { $path }：{ $summary }
status-recent-missing = { $path } 已不存在；它會保留在「最近開啟」中，直到你將它移除
status-copied = 已複製 { $count } 張卡片
status-exported = 已匯出 { $path }（{ $width } x { $height } 像素）
status-exported-missing-font = { $exported }；沒有已安裝的字型能顯示{ $scripts }：這些字元會顯示為方框
status-select-cell-to-paste = 請先選取要貼上的儲存格或卡片
status-select-to-pin = 請先選取要釘選的階段或卡片
status-persona-imported = 已從 { $path } 匯入人物角色「{ $name }」
status-persona-exported = 已將人物角色「{ $name }」匯出到 { $path }
status-template-deleted = 已刪除範本 { $path }
status-template-saved = 已將範本「{ $name }」儲存為 { $path }
status-survey-imported = 已匯入 { $path }：使用了 { $used } 筆回答，變更了 { $changes } 個指標，略過 { $left_out } 列
warning-recent-not-kept = 最近開啟的檔案清單未能儲存：{ $error }
warning-avatar-not-shown = 無法顯示人物角色的頭像：{ $error }
error-no-file-yet = 這個專案還沒有檔案：請使用「另存新檔…」
error-export-running = 已有匯出正在進行，請等待它完成。
error-export-failed = 匯出失敗：{ $error }
error-export-journey-gone = 要匯出的旅程已不存在
error-export-stopped = { $path }：匯出意外中止
error-export-not-started = { $path }：無法開始匯出：{ $error }
error-paste-wrong-lane = 複製的卡片不能放入泳道「{ $lane }」（{ $kind }）
new-accelerator = 新加速器
new-blocker = 新阻礙器
new-stage = 新階段
panel-annotations = 加速器和阻礙器
panel-priorities = 優先事項：先處理什麼

file-action-read-survey = 讀取問卷檔案
file-action-create-folder = 建立資料夾
file-action-write-recent = 寫入最近開啟的檔案清單
file-action-delete-template = 刪除範本
file-action-write-language = 寫入所選語言
file-error-io = { $path }：{ $action }時發生錯誤：{ $error }
file-error-too-large = { $path }：檔案大小為 { $size } 位元組；問卷檔案最大為 64 MiB
file-error-not-text = { $path }：該檔案既不是文字也不是試算表
file-error-no-config-dir = 找不到用來儲存範本的設定資料夾
filter-project = Waymark 專案
filter-png = PNG 圖片
filter-csv = 問卷（CSV、文字、Excel）
warning-missing-font = 沒有已安裝的字型能顯示{ $scripts }：這些文字會顯示為方框。請安裝 CJK 字型（例如 Noto Sans CJK：在 Debian 或 Ubuntu 上執行 "apt install fonts-noto-cjk"），然後重新啟動 Waymark。
export-after-close = { $path } 的匯出在視窗關閉後才完成

# 優先事項：接觸點排在這裡的原因。
priority-evidence-measure = { $measure } { $value }
priority-evidence-stage-measure = 階段整體 { $measure } { $value }
priority-evidence-emotion = 情緒 { $score }
priority-classify = 尚未分類：分類後才能排序
priority-fix-first-red = { $class }表現很差（{ $evidence }，{ $rag }）：優先處理
priority-fix-first-amber = { $class }表現不佳（{ $evidence }，{ $rag }）：優先處理
priority-measure-first = { $class }：這個階段沒有任何量測，沒人知道它是否有效；請先量測
priority-make-adequate = 核心互動低於目標（{ $evidence }，{ $rag }）：先做到合格
priority-measure = 核心互動：這個階段還沒有量測；請先量測再決定
priority-delight-wait = 令人愉快的創新：等上面 { $count } 個接觸點都已量測且表現良好之後再投入
priority-delight-classify-first = 令人愉快的創新：請先為 { $count } 個未分類的接觸點分類，才能知道基礎是否到位
priority-delight-no-basics = 令人愉快的創新：這張地圖上還沒有歸類為關鍵時刻、衛生因素或核心互動的接觸點
priority-delight-worth = 令人愉快的創新：基礎表現良好，值得投入
priority-fine = { $class }表現良好（{ $evidence }，{ $rag }）：保持下去

menu-undo-named = 復原「{ $what }」
menu-redo-named = 重做「{ $what }」
status-undid = 已復原「{ $what }」
status-redid = 已重做「{ $what }」
status-deleted-with = 已刪除{ $what ->
    [stage] 階段
   *[lane] 泳道
}「{ $name }」，連同 { $cards } 張卡片、{ $accelerators } 個加速器和 { $blockers } 個阻礙器 — 按 Ctrl+Z 復原
error-edit-refused = 編輯遭拒：{ $problem }
edit-journey = 編輯旅程
edit-stage = 編輯階段
edit-add-stage = 新增階段
edit-delete-stage = 刪除階段
edit-move-stage = 移動階段
edit-lane = 編輯泳道
edit-add-lane = 新增泳道
edit-delete-lane = 刪除泳道
edit-move-lane = 移動泳道
edit-card = 編輯卡片
edit-add-cards = 新增 { $count } 張卡片
edit-delete-cards = 刪除 { $count } 張卡片
edit-move-card = 移動卡片
edit-add-annotation = 新增{ $kind }
edit-annotation = 編輯加速器或阻礙器
edit-delete-annotation = 刪除加速器或阻礙器
edit-settings = 專案設定
edit-add-persona = 新增人物角色
edit-persona = 編輯人物角色
edit-delete-persona = 刪除人物角色
edit-journey-persona = 旅程的人物角色
edit-add-journey = 新增旅程
edit-duplicate-journey = 複製旅程
edit-delete-journey = 刪除旅程
edit-move-journey = 移動旅程
status-saved = 已儲存 { $path }
import-new-lane = 新泳道「{ $lane }」
import-none = 無
import-change = { $label } 的 { $measure }：{ $old } → { $new }（n={ $count }）
import-new-value = { $label } 的 { $measure }：新值 { $new }（n={ $count }）

## 向量匯出
filter-pdf = PDF 文件
filter-svg = SVG 圖形
status-exported-pdf = 已匯出 { $path }（{ $pages } 頁）
status-exported-svg = 已匯出 { $path }
# Kept survey answers and low bases.
import-change-replace = { $label } 的 { $measure }：{ $old } → { $new }（n={ $count }，取代原有 n={ $kept }）
import-change-append = { $label } 的 { $measure }：{ $old } → { $new }（保留 n={ $kept } + 新增 { $added }）
priority-evidence-n = n={ $n }
priority-evidence-imported = 來自 { $date } 匯入的調查
priority-evidence-more = { $evidence }，{ $more }
measure-low-base = 樣本不足
measure-low-base-n = 樣本不足，n={ $n }

# 各種形式的問卷檔案（任意編碼的 CSV、試算表）。
file-error-workbook = { $path }：{ $error }
file-error-no-sheet = 沒有名為「{ $sheet }」的工作表
# Mermaid journeys
filter-mermaid = Mermaid 圖表
status-exported-mermaid = 已匯出 { $path }
status-mermaid-copied = 已將「{ $title }」複製為 Mermaid 旅程圖
status-mermaid-imported = 已匯入 { $journeys } 個 Mermaid 旅程（{ $tasks } 個任務）
status-mermaid-pasted = 已將 { $journeys } 個 Mermaid 旅程貼上為新旅程
error-mermaid-paste = 貼上的文字看起來是 Mermaid 旅程圖，但無法讀取：{ $error }
edit-import-journeys = 匯入 { $count } 個旅程
