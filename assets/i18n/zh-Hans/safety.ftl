# 工作不会丢失：后台保存、自动保存与恢复、在别处被修改的文件。

action-recover-unsaved = 恢复未保存的工作…
pending-recover = 恢复文档

status-saving = 正在保存 { $path }… { $seconds } 秒
status-saved-edited-since = 已保存 { $path }（保存期间所做的修改尚未保存）
error-save-failed = 无法保存 { $path }：{ $error } 磁盘上的文件没有改动，你的修改仍然打开着，尚未保存。
error-save-stopped = 保存意外中止。
error-saved-unchecked = { $path } 已保存，但无法读回检查：{ $error }
warning-autosave-failed = 无法为你的修改保留恢复副本：{ $error }
warning-recovery-not-removed = 无法删除恢复文件 { $path }：{ $error }
error-recovery-not-removed = 无法丢弃恢复文件 { $path }：{ $error }
recovery-slot-in-use = 这个恢复文件正被另一个窗口使用。
background-write-orphaned = 一次后台保存在其窗口关闭后才完成。
background-write-not-started = 无法开始后台保存。
recovery-too-large = 恢复文件 { $path } 太大，无法读取（{ $size } 字节）。
recovery-newer = 恢复文件 { $path } 由更新版本的 Waymark 写入。

recovery-title = 恢复未保存的工作
recovery-intro = { $count ->
   *[other] Waymark 上次没有正常关闭。以下 { $count } 个文档有尚未保存的修改：
}
recovery-saved-at = 自动保存于 { $ago }
recovery-unreadable = 无法读取这个副本：{ $error }
button-recover = 恢复
button-discard = 丢弃
button-recover-later = 稍后决定
status-recovered = 已恢复 { $name }：其修改尚未保存。
status-nothing-to-recover = 没有需要恢复的未保存工作。

time-seconds-ago = { $count ->
   *[other] { $count } 秒前
}
time-minutes-ago = { $count ->
   *[other] { $count } 分钟前
}
time-hours-ago = { $count ->
   *[other] { $count } 小时前
}
time-days-ago = { $count ->
   *[other] { $count } 天前
}

conflict-changed-title = 文件已在别处被修改
conflict-changed-text = 自 Waymark 打开或保存 { $name } 以来，另一个程序修改了它（{ $path }）。
conflict-save-stopped = 没有保存任何内容，另一个版本未被覆盖。
conflict-reload-keeps = 你有未保存的修改：“重新载入”会把你的版本保留为恢复文件（文件 > 恢复未保存的工作…）。
button-reload = 重新载入
button-save-mine-as = 将我的版本另存为…
button-keep-mine = 保留我的版本
status-kept-mine = 已保留你的版本：下次保存将替换 { $path }。
status-reloaded = 已重新载入 { $path }
status-reloaded-kept = 已重新载入 { $path }。你的版本已保留：可通过“文件 > 恢复未保存的工作…”找回。
error-reload-not-kept = 未重新载入：无法先保留你未保存的版本（{ $error }）。请用“将我的版本另存为…”保存。

conflict-missing-title = 文件已被删除或移走
conflict-missing-text = { $name } 已不在 { $path }：它被删除或移走了。你的文档仍在这里打开着。
button-save-to-old-path = 保存到原来的位置
button-keep-editing = 继续编辑
