# 面板：檢視器（編輯所選內容的側邊欄）和人物角色庫與編輯器（地圖 > 人物角色…）。

## 檢視器

inspector-no-journey = 沒有旅程。
inspector-journey = 旅程
inspector-stage = 階段
inspector-lane = 泳道
inspector-card = 卡片
inspector-name = 名稱
inspector-title = 標題
inspector-description = 說明
inspector-text = 文字
inspector-note = 備註
inspector-width = 寬度
inspector-height = 高度
inspector-points-suffix = {" "}點
inspector-lane-kind = 類型：{ $kind }
inspector-collapsed = 摺疊
inspector-in-lane = 所在泳道：「{ $lane }」
inspector-persona = 人物角色
inspector-none = 無
inspector-click-to-edit = 點選地圖上的階段、泳道或卡片即可編輯。
inspector-colour = 顏色
inspector-channel = 管道
inspector-class = 接觸點類別
inspector-owner = 負責人
inspector-measures-touchpoint = 衡量對象
inspector-measures-whole-stage = 整個階段
inspector-emotion = 情緒
inspector-feelings-of = 情緒所屬角色
inspector-compare-heading = 比較（曲線繪製在這條泳道中）
inspector-compare-with = 與「{ $lane }」比較

## 檢視器：加速器或阻礙器

inspector-pinned-to-stage = 釘選在階段「{ $stage }」
inspector-pinned-to-card = 釘選在卡片「{ $card }」
inspector-effect = 成效：之前與之後
inspector-before = 之前
inspector-after = 之後
inspector-change = 變化
inspector-measured-before = 已測量之前的 { $measure }
inspector-measured-after = 已測量之後的 { $measure }
inspector-value-before = 之前的 { $measure }
inspector-value-after = 之後的 { $measure }

## 人物角色

persona-window-title = 人物角色
persona-none-yet = 還沒有人物角色：請新增一個。
persona-library = 角色庫
persona-unnamed = 未命名的人物角色
persona-add = 新增人物角色
persona-new-name = 新人物角色
persona-copy-name = { $name }（副本）
persona-duplicate = 複製人物角色
persona-move-up = 上移
persona-move-down = 下移
persona-delete = 刪除人物角色
persona-reuse = 在其他專案中重複使用
persona-file = 人物角色檔案
persona-file-hint = /路徑/名稱.persona.ron
persona-export = 匯出人物角色
persona-import = 匯入人物角色

persona-heading = 人物角色
persona-name = 姓名
persona-name-hint = 例如：小梅，忙碌的家長
persona-age = 年齡
persona-age-implausible = { $age } 不是合理的年齡（0 到 { $max } 歲）
persona-age-not-a-number = 「{ $text }」不是表示歲數的數字
persona-location = 所在地
persona-location-hint = 他們住在哪裡？
persona-segment = 客群
persona-segment-hint = 他們屬於哪個客群？
persona-quote = 語錄
persona-quote-hint = 他們會用一句話怎麼說這件事？

persona-avatar = 頭像
persona-avatar-image = 頭像圖片（PNG 或 JPEG）
persona-avatar-hint = 頭像.png
persona-set-avatar = 設定頭像
persona-remove-avatar = 移除頭像

persona-favourite-brands = 喜愛的品牌
persona-favourite-brands-hint = 他們喜愛哪些品牌？
persona-brand-turn-ons = 品牌加分項
persona-brand-turn-ons-hint = 什麼會讓他們青睞一個品牌？
persona-brand-turn-offs = 品牌扣分項
persona-brand-turn-offs-hint = 什麼會讓他們對一個品牌失去好感？
persona-behaviours = 行為
persona-behaviours-hint = 他們有哪些行為？（例如消費習慣）
persona-goals = 目標
persona-goals-hint = 他們想要達成什麼？
persona-needs = 需求
persona-needs-hint = 他們需要你提供什麼？（被傾聽、被了解、被重視）
persona-feelings-wanted = 期望的感受
persona-feelings-wanted-hint = 他們希望有什麼感受？（投入、有掌控感、驚喜）
persona-add-hint = 新增…
persona-add-item = 新增
persona-remove-item = 從「{ $list }」中移除 { $item }
persona-new-item = 「{ $list }」的新項目
persona-add-to = 新增至「{ $list }」

persona-channels = 管道偏好（拖曳以排序）
persona-channel = 管道：{ $channel }
persona-rank-higher = 將 { $channel } 往前排
persona-rank-lower = 將 { $channel } 往後排
persona-remove-channel = 移除管道 { $channel }
persona-up = 上移
persona-down = 下移
persona-add-channel = 新增管道
persona-choose = 選擇…
persona-other-channel = 其他管道
persona-add-other-channel = 新增其他管道

persona-devices = 裝置及使用方式
persona-devices-hint = 他們使用哪些裝置？用來做什麼？在什麼時候使用？
persona-device-hint = 什麼裝置？
persona-usage-hint = 用來做什麼？在什麼時候使用？
persona-device = 裝置 { $number }
persona-usage = 用途 { $number }
persona-remove-device = 移除裝置
persona-add-device = 新增裝置

inspector-answers = 由 { $date } 匯入的 { $count } 個答案計算得出；手動設定數值將捨棄這些答案。
inspector-actors = 參與者（以逗號分隔）
inspector-acc-title = 無障礙標題
inspector-acc-descr = 無障礙描述
persona-duplicate-named = 複製人物角色「{ $name }」
persona-move-up-named = 上移人物角色「{ $name }」
persona-move-down-named = 下移人物角色「{ $name }」
persona-delete-named = 刪除人物角色「{ $name }」
persona-remove-device-named = 移除裝置 { $number }
