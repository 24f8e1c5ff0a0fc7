#!/usr/bin/env python3
"""Writes the survey files the importer is tested on, shaped like real exports.

The files are committed; run this again (`pip install openpyxl xlwt`) only to change
them. Each targets touchpoints of a built-in project:
- qualtrics-wide.csv: the sample project; Qualtrics' wide export (UTF-8 with BOM, CRLF,
  column ids, then question texts, then import ids, then one row per respondent).
- wenjuanxing.xlsx: the ecommerce-delivery.zh-Hans template; a 问卷星 "按文本" export,
  one row per respondent, Chinese question headers, a summary sheet before the data.
- semicolon-utf16.txt: the sample project; Excel's "Unicode text" saved from a European
  locale: UTF-16 LE with BOM, semicolons, one answer per row, columns in another order.
- gb18030.csv: the ecommerce-delivery.zh-Hans template; Chinese Excel's plain CSV
  (GB18030), one answer per row with Chinese headers.
- legacy.xls: the online-shopping-pickup.zh-Hant template; an old .xls with a notes
  sheet first and the answers (接觸點/指標/分數) on the second.
"""
import codecs
import os

import openpyxl
import xlwt

HERE = os.path.dirname(os.path.abspath(__file__))

# Qualtrics: 40 respondents. NPS for Online checkout, CES for Engineer visit, CSAT for
# Phone support queue; one NPS answer of 9.5 (bad), blanks where a question was skipped.
nps = [10, 9, 9, 8, 7, 10, 6, 3, 9, 10] * 4
ces = [2, 3, 1, 5, 2, 2, 4, 6, 1, 2] * 4
csat = [4, 5, 2, 1, 3, 4, 5, 2, 2, 4] * 4
rows = [
    ["StartDate", "EndDate", "ResponseId", "Q1", "Q2", "Q3", "Q4"],
    ["Start Date", "End Date", "Response ID",
     "How likely are you to recommend us, after the Online checkout? (NPS)",
     "How easy was it to get the Engineer visit you needed? (CES)",
     "How satisfied were you with the Phone support queue? (CSAT)",
     "Anything else, about anything at all?"],
    ['{"ImportId":"startDate"}', '{"ImportId":"endDate"}', '{"ImportId":"_recordId"}',
     '{"ImportId":"QID1"}', '{"ImportId":"QID2"}', '{"ImportId":"QID3"}',
     '{"ImportId":"QID4_TEXT"}'],
]
for i in range(40):
    q1 = "9.5" if i == 7 else str(nps[i])
    q3 = "" if i % 10 == 9 else str(csat[i])
    rows.append([f"2026-11-{1 + i % 20:02d} 09:{i:02d}:00", f"2026-11-{1 + i % 20:02d} 09:{i:02d}:40",
                 f"R_{i:04d}", q1, str(ces[i]), q3, "Faster, please" if i % 3 == 0 else ""])


def csv_cell(c):
    return '"' + c.replace('"', '""') + '"' if any(x in c for x in ',"\n') else c


with open(os.path.join(HERE, "qualtrics-wide.csv"), "wb") as f:
    f.write(codecs.BOM_UTF8)
    f.write("".join(",".join(csv_cell(c) for c in r) + "\r\n" for r in rows).encode("utf-8"))

# 问卷星: 35 respondents about three touchpoints of the zh-Hans e-commerce template.
wb = openpyxl.Workbook()
summary = wb.active
summary.title = "统计"
summary.append(["题目", "有效填写人次"])
summary.append(["1", 35])
data = wb.create_sheet("答卷数据")
data.append(["序号", "提交答卷时间", "所用时间", "来源",
             "1、您向朋友推荐“微信支付”的可能性有多大？（0-10分）【净推荐值】",
             "2、通过“在线客服尺码咨询”解决问题是否省力？（客户费力度 1-7）",
             "3、您对“派件短信与快递员电话”的满意度",
             "4、您还有什么建议？"])
for i in range(35):
    data.append([i + 1, f"2026/11/{1 + i % 20} 10:{i:02d}:00", f"{60 + i}秒", "微信",
                 [10, 9, 8, 6, 10, 3, 9][i % 7], [2, 3, 1, 6, 2][i % 5],
                 [5, 4, 4, 2, 5, 3][i % 6] if i != 12 else None,
                 "无" if i % 4 else "快递再快一点"])
wb.save(os.path.join(HERE, "wenjuanxing.xlsx"))

# Excel "Unicode text" from a German locale, with semicolons: one answer per row.
lines = ["Welle;Score;Measure;Touchpoint"]
for i, s in enumerate([10, 9, 2, 10, 8, 7]):
    lines.append(f"1;{s};nps;Online checkout")
for s in [5, 4, 2]:
    lines.append(f"1;{s};csat;Engineer visit")
lines.append("1;acht;csat;Engineer visit")
with open(os.path.join(HERE, "semicolon-utf16.txt"), "wb") as f:
    f.write(codecs.BOM_UTF16_LE)
    f.write(("\r\n".join(lines) + "\r\n").encode("utf-16-le"))

# Chinese Excel's plain CSV: GB18030, one answer per row.
lines = ["受访者ID,触点,指标,分数"]
for i, s in enumerate([10, 10, 9, 7, 3, 10, 9, 8]):
    lines.append(f"{i + 1},微信支付,NPS,{s}")
for i, s in enumerate([2, 1, 3, 2]):
    lines.append(f"{i + 20},在线客服尺码咨询,CES,{s}")
lines.append("30,不存在的触点,NPS,9")
with open(os.path.join(HERE, "gb18030.csv"), "wb") as f:
    f.write(("\r\n".join(lines) + "\r\n").encode("gb18030"))

# An old .xls: notes first, the answers on the second sheet.
book = xlwt.Workbook(encoding="utf-8")
notes = book.add_sheet("說明")
notes.write(0, 0, "2026 年 11 月門市取貨問卷")
answers = book.add_sheet("回覆")
for c, h in enumerate(["接觸點", "指標", "分數"]):
    answers.write(0, c, h)
r = 1
for s in [9, 10, 10, 6, 8]:
    for c, v in enumerate(["結帳頁選取貨門市", "NPS", s]):
        answers.write(r, c, v)
    r += 1
for s in [4, 5, 5, 3]:
    for c, v in enumerate(["LINE 官方帳號到店通知", "CSAT", s]):
        answers.write(r, c, v)
    r += 1
for c, v in enumerate(["LINE 官方帳號到店通知", "CSAT", 6]):
    answers.write(r, c, v)
book.save(os.path.join(HERE, "legacy.xls"))
