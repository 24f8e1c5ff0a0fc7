# 工作坊模式：簡報、講者主控台、圓點投票、投影片。

action-present = 簡報
action-export-slides = 匯出投影片…
action-reset-votes = 清除投票
action-top-voted = 得票最多

edit-vote = 投票
edit-unvote = 撤回投票
edit-reset-votes = 清除投票

status-no-votes = 此旅程的卡片還沒有投票
status-exported-slides = 已將 { $count } 張 { $width } x { $height } 像素的投影片匯出到 { $path }

err-export-bad-slide-size = 投影片尺寸 { $width } x { $height } 超出範圍：每邊須為 320 到 7680 像素
err-export-slides-dir = 無法為投影片建立資料夾 { $path }：{ $error }

export-include-votes = 卡片上的圓點投票

slides-title = 匯出投影片
slides-intro = 為「{ $journey }」的簡報每一步匯出一張 PNG：先是總覽，然後逐一聚焦每個階段，較高的階段分成幾頁。
slides-size = 尺寸（像素）
slides-by = ×
slides-size-1080p = 1920 × 1080
slides-reveal = 逐個階段揭示情緒曲線、引述和指標
slides-folder = 資料夾

present-step-stage = 第 { $step } 個階段，共 { $count } 個：{ $stage }
present-step-stage-page = 第 { $step } 個階段，共 { $count } 個：{ $stage } · 第 { $page } 頁，共 { $pages } 頁
present-step-overview = 總覽：{ $title }
present-vote-add = +1
present-vote-add-tip = 投一票（+）
present-vote-remove = -1
present-vote-remove-tip = 撤回一票（-）
present-new-card = 新卡片
present-empty-card = 空白卡片

console-title = 講者主控台
console-now-stage = 目前：第 { $step } 個階段，共 { $count } 個：{ $stage }
console-now-stage-page = 目前：第 { $step } 個階段，共 { $count } 個：{ $stage } · 第 { $page } 頁，共 { $pages } 頁
console-now-overview = 目前：總覽
console-next = 下一步：{ $stage }
console-next-page = 下一步：{ $stage } · 第 { $page } 頁，共 { $pages } 頁
console-next-end = 下一步：旅程結束
console-notes = 備註
console-no-notes = 沒有備註：請寫在階段的描述中。
console-timer-total = 本場 { $time }
console-timer-step = 本步 { $time }
console-timer-step-nearly-up = 本步 { $time } · 時間快到了
console-timer-step-over = 本步 { $time } · 已超時
console-time-box = 每個階段的限時
console-minutes-suffix = { " " }分鐘
console-timer-reset = 重新計時
console-previous = 上一步
console-next-step = 下一步
console-overview = 總覽
console-reveal = 逐個階段揭示曲線、引述和指標（R）
console-overlay = 在投影畫面上顯示主控台（C）
console-leave = 結束簡報（Esc）
console-illegible = 字太小，會場後排看不清（在 1080p 投影上小於 { $min } 像素，即使一次只顯示一條泳道）：{ $stages }。請摺疊或拆分這些泳道，或把卡片移到別的階段。
console-illegible-stage = { $stage }（{ $px } 像素）
console-step-small = 在 1080p 投影上，此頁最小的文字只有 { $px } 像素：其中一條泳道太高，螢幕放不下。

top-voted-title = 得票最多
top-voted-none = 還沒有投票：簡報時選取一張卡片，按 + 投票。
top-voted-row = { $rank }. { $text } · { $votes } 票 · { $stage }

sheet-presenting = 簡報時（F5）
key-present-next = 右方向鍵、Page Down、空白鍵、下方向鍵
key-present-next-what = 下一步（簡報器的前進鍵）；轉場動畫中按下則直接完成
key-present-previous = 左方向鍵、Page Up、Shift+空白鍵、上方向鍵
key-present-previous-what = 上一步
key-present-home-end = Home、End
key-present-home-end-what = 總覽、最後一個階段
key-present-vote = + / -
key-present-vote-what = 為選取的卡片投一票或撤回一票
key-present-new-card = 按兩下儲存格，或按 N
key-present-new-card-what = 新增卡片並輸入內容；按 Enter 保留
key-present-toggles = R、C
key-present-toggles-what = 逐個階段揭示；在投影畫面上顯示主控台
key-present-escape = Esc
key-present-escape-what = 結束簡報
slides-width = 投影片寬度（像素）
slides-height = 投影片高度（像素）
