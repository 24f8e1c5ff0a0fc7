# 工作不會遺失：背景儲存、自動儲存與復原、在別處被修改的檔案。

action-recover-unsaved = 復原未儲存的工作…
pending-recover = 復原文件

status-saving = 正在儲存 { $path }… { $seconds } 秒
status-saved-edited-since = 已儲存 { $path }（儲存期間所做的修改尚未儲存）
error-save-failed = 無法儲存 { $path }：{ $error } 磁碟上的檔案沒有改動，你的修改仍然開著，尚未儲存。
error-save-stopped = 儲存意外中止。
error-saved-unchecked = { $path } 已儲存，但無法讀回檢查：{ $error }
warning-autosave-failed = 無法為你的修改保留復原副本：{ $error }
warning-recovery-not-removed = 無法刪除復原檔案 { $path }：{ $error }
error-recovery-not-removed = 無法捨棄復原檔案 { $path }：{ $error }
recovery-slot-in-use = 這個復原檔案正被另一個視窗使用。
background-write-orphaned = 一次背景儲存在其視窗關閉後才完成。
background-write-not-started = 無法開始背景儲存。
recovery-too-large = 復原檔案 { $path } 太大，無法讀取（{ $size } 位元組）。
recovery-newer = 復原檔案 { $path } 由較新版本的 Waymark 寫入。

recovery-title = 復原未儲存的工作
recovery-intro = { $count ->
   *[other] Waymark 上次沒有正常關閉。以下 { $count } 份文件有尚未儲存的修改：
}
recovery-saved-at = 自動儲存於 { $ago }
recovery-unreadable = 無法讀取這個副本：{ $error }
button-recover = 復原
button-discard = 捨棄
button-recover-later = 稍後決定
status-recovered = 已復原 { $name }：其修改尚未儲存。
status-nothing-to-recover = 沒有需要復原的未儲存工作。

time-seconds-ago = { $count ->
   *[other] { $count } 秒前
}
time-minutes-ago = { $count ->
   *[other] { $count } 分鐘前
}
time-hours-ago = { $count ->
   *[other] { $count } 小時前
}
time-days-ago = { $count ->
   *[other] { $count } 天前
}

conflict-changed-title = 檔案已在別處被修改
conflict-changed-text = 自 Waymark 開啟或儲存 { $name } 以來，另一個程式修改了它（{ $path }）。
conflict-save-stopped = 沒有儲存任何內容，另一個版本未被覆寫。
conflict-reload-keeps = 你有未儲存的修改：「重新載入」會把你的版本保留為復原檔案（檔案 > 復原未儲存的工作…）。
button-reload = 重新載入
button-save-mine-as = 將我的版本另存新檔…
button-keep-mine = 保留我的版本
status-kept-mine = 已保留你的版本：下次儲存將取代 { $path }。
status-reloaded = 已重新載入 { $path }
status-reloaded-kept = 已重新載入 { $path }。你的版本已保留：可透過「檔案 > 復原未儲存的工作…」找回。
error-reload-not-kept = 未重新載入：無法先保留你未儲存的版本（{ $error }）。請用「將我的版本另存新檔…」儲存。

conflict-missing-title = 檔案已被刪除或移走
conflict-missing-text = { $name } 已不在 { $path }：它被刪除或移走了。你的文件仍在這裡開著。
button-save-to-old-path = 儲存到原來的位置
button-keep-editing = 繼續編輯
