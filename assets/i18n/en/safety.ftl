# Work is never lost: background saves, autosave and recovery, files changed elsewhere.

action-recover-unsaved = Recover unsaved work…
pending-recover = recovering a document

status-saving = Saving { $path }… { $seconds } s
status-saved-edited-since = Saved { $path } (changes made while it was saving are not saved yet)
error-save-failed = Could not save { $path }: { $error } The file on disk was not changed, and your changes are still open, unsaved.
error-save-stopped = The save stopped unexpectedly.
error-saved-unchecked = { $path } was saved, but could not be read back to check it: { $error }
warning-autosave-failed = Could not keep a recovery copy of your changes: { $error }
warning-recovery-not-removed = Could not remove the recovery file { $path }: { $error }
error-recovery-not-removed = Could not discard the recovery file { $path }: { $error }
recovery-slot-in-use = This recovery file is in use by another window.
background-write-orphaned = A background save finished after its window had closed.
background-write-not-started = Could not start a background save.
recovery-too-large = The recovery file { $path } is too large to read ({ $size } bytes).
recovery-newer = The recovery file { $path } was written by a newer Waymark.

recovery-title = Recover unsaved work
recovery-intro = { $count ->
    [one] Waymark did not close properly. This document had changes that were not saved:
   *[other] Waymark did not close properly. These { $count } documents had changes that were not saved:
}
recovery-saved-at = Autosaved { $ago }
recovery-unreadable = This copy cannot be read: { $error }
button-recover = Recover
button-discard = Discard
button-recover-later = Decide later
status-recovered = Recovered { $name }: its changes are not saved yet.
status-nothing-to-recover = There is no unsaved work to recover.

time-seconds-ago = { $count ->
    [one] 1 second ago
   *[other] { $count } seconds ago
}
time-minutes-ago = { $count ->
    [one] 1 minute ago
   *[other] { $count } minutes ago
}
time-hours-ago = { $count ->
    [one] 1 hour ago
   *[other] { $count } hours ago
}
time-days-ago = { $count ->
    [one] 1 day ago
   *[other] { $count } days ago
}

conflict-changed-title = File changed elsewhere
conflict-changed-text = { $name } was changed by another program since Waymark opened or saved it ({ $path }).
conflict-save-stopped = Nothing was saved, so the other version was not overwritten.
conflict-reload-keeps = You have unsaved changes: Reload keeps your version as a recovery file (File > Recover unsaved work…).
button-reload = Reload
button-save-mine-as = Save my version as…
button-keep-mine = Keep mine
status-kept-mine = Kept your version: the next save replaces { $path }.
status-reloaded = Reloaded { $path }
status-reloaded-kept = Reloaded { $path }. Your version is kept: File > Recover unsaved work… brings it back.
error-reload-not-kept = Did not reload: your unsaved version could not be kept first ({ $error }). Save it with Save my version as…

conflict-missing-title = File deleted or moved
conflict-missing-text = { $name } is no longer at { $path }: it was deleted or moved away. Your document is still open here.
button-save-to-old-path = Save to its old place
button-keep-editing = Keep editing
