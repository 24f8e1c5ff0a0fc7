# 面板：检查器（编辑所选内容的侧边栏）和人物角色库与编辑器（地图 > 人物角色…）。

## 检查器

inspector-no-journey = 没有旅程。
inspector-journey = 旅程
inspector-stage = 阶段
inspector-lane = 泳道
inspector-card = 卡片
inspector-name = 名称
inspector-title = 标题
inspector-description = 说明
inspector-text = 文字
inspector-note = 备注
inspector-width = 宽度
inspector-height = 高度
inspector-points-suffix = {" "}点
inspector-lane-kind = 类型：{ $kind }
inspector-collapsed = 折叠
inspector-in-lane = 所在泳道：“{ $lane }”
inspector-persona = 人物角色
inspector-none = 无
inspector-click-to-edit = 点击地图上的阶段、泳道或卡片即可编辑。
inspector-colour = 颜色
inspector-channel = 渠道
inspector-class = 接触点类别
inspector-owner = 负责人
inspector-measures-touchpoint = 衡量对象
inspector-measures-whole-stage = 整个阶段
inspector-emotion = 情绪
inspector-feelings-of = 情绪所属角色
inspector-compare-heading = 对比（曲线画在本泳道中）
inspector-compare-with = 与“{ $lane }”对比

## 检查器：加速器或阻碍器

inspector-pinned-to-stage = 固定在阶段“{ $stage }”
inspector-pinned-to-card = 固定在卡片“{ $card }”
inspector-effect = 效果：之前与之后
inspector-before = 之前
inspector-after = 之后
inspector-change = 变化
inspector-measured-before = 已测量之前的 { $measure }
inspector-measured-after = 已测量之后的 { $measure }
inspector-value-before = 之前的 { $measure }
inspector-value-after = 之后的 { $measure }

## 人物角色

persona-window-title = 人物角色
persona-none-yet = 还没有人物角色：请添加一个。
persona-library = 角色库
persona-unnamed = 未命名的人物角色
persona-add = 添加人物角色
persona-new-name = 新人物角色
persona-copy-name = { $name }（副本）
persona-duplicate = 复制人物角色
persona-move-up = 上移
persona-move-down = 下移
persona-delete = 删除人物角色
persona-reuse = 在其他项目中复用
persona-file = 人物角色文件
persona-file-hint = /路径/名称.persona.ron
persona-export = 导出人物角色
persona-import = 导入人物角色

persona-heading = 人物角色
persona-name = 姓名
persona-name-hint = 例如：小梅，忙碌的家长
persona-age = 年龄
persona-age-implausible = { $age } 不是合理的年龄（0 到 { $max } 岁）
persona-age-not-a-number = “{ $text }”不是表示岁数的数字
persona-location = 所在地
persona-location-hint = 他们住在哪里？
persona-segment = 客户细分
persona-segment-hint = 他们属于哪个客户细分？
persona-quote = 语录
persona-quote-hint = 他们会用一句话怎么说这件事？

persona-avatar = 头像
persona-avatar-image = 头像图片（PNG 或 JPEG）
persona-avatar-hint = 头像.png
persona-set-avatar = 设置头像
persona-remove-avatar = 移除头像

persona-favourite-brands = 喜爱的品牌
persona-favourite-brands-hint = 他们喜爱哪些品牌？
persona-brand-turn-ons = 品牌加分项
persona-brand-turn-ons-hint = 什么会让他们青睐一个品牌？
persona-brand-turn-offs = 品牌减分项
persona-brand-turn-offs-hint = 什么会让他们对一个品牌失去好感？
persona-behaviours = 行为
persona-behaviours-hint = 他们有哪些行为？（例如消费习惯）
persona-goals = 目标
persona-goals-hint = 他们想要达成什么？
persona-needs = 需求
persona-needs-hint = 他们需要你提供什么？（被倾听、被了解、被重视）
persona-feelings-wanted = 期望的感受
persona-feelings-wanted-hint = 他们希望有什么感受？（投入、掌控感、惊喜）
persona-add-hint = 添加…
persona-add-item = 添加
persona-remove-item = 从“{ $list }”中移除 { $item }
persona-new-item = “{ $list }”的新条目
persona-add-to = 添加到“{ $list }”

persona-channels = 渠道偏好（拖动排序）
persona-channel = 渠道：{ $channel }
persona-rank-higher = 将 { $channel } 排前
persona-rank-lower = 将 { $channel } 排后
persona-remove-channel = 移除渠道 { $channel }
persona-up = 上移
persona-down = 下移
persona-add-channel = 添加渠道
persona-choose = 选择…
persona-other-channel = 其他渠道
persona-add-other-channel = 添加其他渠道

persona-devices = 设备及使用方式
persona-devices-hint = 他们使用哪些设备？用来做什么？在什么时候用？
persona-device-hint = 什么设备？
persona-usage-hint = 用来做什么？在什么时候用？
persona-device = 设备 { $number }
persona-usage = 用途 { $number }
persona-remove-device = 移除设备
persona-add-device = 添加设备

inspector-answers = 由 { $date } 导入的 { $count } 个答案计算得出；手动设置数值将丢弃这些答案。
inspector-actors = 参与者（以逗号分隔）
inspector-acc-title = 无障碍标题
inspector-acc-descr = 无障碍描述
persona-duplicate-named = 复制人物角色“{ $name }”
persona-move-up-named = 上移人物角色“{ $name }”
persona-move-down-named = 下移人物角色“{ $name }”
persona-delete-named = 删除人物角色“{ $name }”
persona-remove-device-named = 移除设备 { $number }
