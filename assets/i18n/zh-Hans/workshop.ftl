# 工作坊模式：演示、演讲者控制台、圆点投票、幻灯片。

action-present = 演示
action-export-slides = 导出幻灯片…
action-reset-votes = 清除投票
action-top-voted = 得票最多

edit-vote = 投票
edit-unvote = 撤回投票
edit-reset-votes = 清除投票

status-no-votes = 此旅程的卡片还没有投票
status-exported-slides = 已将 { $count } 张 { $width } x { $height } 像素的幻灯片导出到 { $path }

err-export-bad-slide-size = 幻灯片尺寸 { $width } x { $height } 超出范围：每边须为 320 到 7680 像素
err-export-slides-dir = 无法为幻灯片创建文件夹 { $path }：{ $error }

export-include-votes = 卡片上的圆点投票

slides-title = 导出幻灯片
slides-intro = 为“{ $journey }”的演示每一步导出一张 PNG：先是总览，然后逐个聚焦每个阶段，较高的阶段分成几页。
slides-size = 尺寸（像素）
slides-by = ×
slides-size-1080p = 1920 × 1080
slides-reveal = 逐个阶段揭示情绪曲线、引述和指标
slides-folder = 文件夹

present-step-stage = 第 { $step } 个阶段，共 { $count } 个：{ $stage }
present-step-stage-page = 第 { $step } 个阶段，共 { $count } 个：{ $stage } · 第 { $page } 页，共 { $pages } 页
present-step-overview = 总览：{ $title }
present-vote-add = +1
present-vote-add-tip = 投一票（+）
present-vote-remove = -1
present-vote-remove-tip = 撤回一票（-）
present-new-card = 新卡片
present-empty-card = 空白卡片

console-title = 演讲者控制台
console-now-stage = 当前：第 { $step } 个阶段，共 { $count } 个：{ $stage }
console-now-stage-page = 当前：第 { $step } 个阶段，共 { $count } 个：{ $stage } · 第 { $page } 页，共 { $pages } 页
console-now-overview = 当前：总览
console-next = 下一步：{ $stage }
console-next-page = 下一步：{ $stage } · 第 { $page } 页，共 { $pages } 页
console-next-end = 下一步：旅程结束
console-notes = 备注
console-no-notes = 没有备注：请写在阶段的描述中。
console-timer-total = 本场 { $time }
console-timer-step = 本步 { $time }
console-timer-step-nearly-up = 本步 { $time } · 时间快到了
console-timer-step-over = 本步 { $time } · 已超时
console-time-box = 每个阶段的限时
console-minutes-suffix = { " " }分钟
console-timer-reset = 重新计时
console-previous = 上一步
console-next-step = 下一步
console-overview = 总览
console-reveal = 逐个阶段揭示曲线、引述和指标（R）
console-overlay = 在投影画面上显示控制台（C）
console-leave = 结束演示（Esc）
console-illegible = 字太小，会场后排看不清（在 1080p 投影上小于 { $min } 像素，即使一次只显示一条泳道）：{ $stages }。请折叠或拆分这些泳道，或把卡片移到别的阶段。
console-illegible-stage = { $stage }（{ $px } 像素）
console-step-small = 在 1080p 投影上，此页最小的文字只有 { $px } 像素：其中一条泳道太高，屏幕放不下。

top-voted-title = 得票最多
top-voted-none = 还没有投票：演示时选中一张卡片，按 + 投票。
top-voted-row = { $rank }. { $text } · { $votes } 票 · { $stage }

sheet-presenting = 演示时（F5）
key-present-next = 右方向键、Page Down、空格、下方向键
key-present-next-what = 下一步（翻页器的前进键）；过渡动画中按下则直接完成
key-present-previous = 左方向键、Page Up、Shift+空格、上方向键
key-present-previous-what = 上一步
key-present-home-end = Home、End
key-present-home-end-what = 总览、最后一个阶段
key-present-vote = + / -
key-present-vote-what = 为选中的卡片投一票或撤回一票
key-present-new-card = 双击单元格，或按 N
key-present-new-card-what = 添加卡片并输入内容；按 Enter 保留
key-present-toggles = R、C
key-present-toggles-what = 逐个阶段揭示；在投影画面上显示控制台
key-present-escape = Esc
key-present-escape-what = 结束演示
slides-width = 幻灯片宽度（像素）
slides-height = 幻灯片高度（像素）
