"""Blank cells, rows of marks only and tables without a number: kept, never dropped.

A blank cell of a template table means "not filled", a mark (``/``, ``-``, ``—``, ``无``)
means "none"; neither is 0 (value ``None``, the mark kept), and a row or a table holding
only them is still a row or a table of the template. What cannot be read is said in
``Report.warnings``, never dropped silently.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from disclosure_gen import read

import lawgov_metrics as lm
from lawgov_metrics import Status

# -- the renderer keeps blank cells in their columns -----------------------------------------


def test_text_t2_keeps_a_blank_cell_in_its_column() -> None:
    v = {("t2", "rules", "issued"): "", ("t2", "rules", "repealed"): 1,
         ("t2", "rules", "in_force"): 4, ("t2", "licensing", "decisions"): ""}  # fmt: skip
    md = lm.render_template(v, fmt="markdown", tables=["t2"]).splitlines()
    assert "| 规章 |  | 1 | 4 |" in md
    assert "| 行政许可 |  |" in md  # one value slot, not the three the HTML colspan covers
    tab = lm.render_template(v, fmt="tab", tables=["t2"]).splitlines()
    assert "规章\t\t1\t4" in tab
    assert "行政许可\t" in tab


@pytest.mark.parametrize("fmt", ["markdown", "tab", "html"])
def test_a_blank_t2_cell_is_read_in_its_own_column(fmt: str) -> None:
    v = {("t2", "rules", "issued"): "", ("t2", "rules", "repealed"): 1,
         ("t2", "rules", "in_force"): 4}  # fmt: skip
    d = read(lm.render_template(v, fmt=fmt, tables=["t2"]), fmt, year=2023).disclosure
    assert d is not None
    assert d.t2 is not None
    issued = d.t2.cell("规章", "本年制发件数")
    assert (issued.value, issued.mark) == (None, "")
    assert d.t2.value("规章", "本年废止件数") == 1
    assert d.t2.value("规章", "现行有效件数") == 4


# -- T2 rows of marks only -------------------------------------------------------------------

T2_MARKS = """\
二、主动公开政府信息情况
第二十条第（一）项
信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数
规章 | 0 | 0 | 3
行政规范性文件 | 2 | 1 | 15
第二十条第（五）项
信息内容 | 本年处理决定数量
行政许可 | /
第二十条第（六）项
信息内容 | 本年处理决定数量
行政处罚 | 36
行政强制 | —
第二十条第（八）项
信息内容 | 本年收费金额（单位：万元）
行政事业性收费 | 无
"""


def test_t2_rows_of_marks_only_are_items_not_headers() -> None:
    report = lm.extract(T2_MARKS, year=2023)
    d = report.disclosure
    assert d is not None
    assert d.t2 is not None
    got = {(c.row, c.column): (c.value, c.mark) for c in d.t2.cells}
    assert got[("行政许可", "本年处理决定数量")] == (None, "/")
    assert got[("行政强制", "本年处理决定数量")] == (None, "—")
    assert got[("行政事业性收费", "本年收费金额")] == (None, "无")
    assert got[("行政处罚", "本年处理决定数量")] == (Decimal(36), None)
    assert len(got) == 10
    assert d.t2.missing == ()
    assert not d.t2.notes


def test_a_2019_t2_row_of_marks_only() -> None:
    text = (
        "第二十条第（五）项\n"
        "信息内容 | 上一年项目数量 | 本年增/减 | 处理决定数量\n"
        "行政许可 | 12 | -2 | 3508\n"
        "其他对外管理服务事项 | — | — | —\n"
    )
    d = lm.extract(text, year=2020).disclosure
    assert d is not None
    assert d.t2 is not None
    row = [(c.column, c.value, c.mark) for c in d.t2.cells if c.row == "其他对外管理服务事项"]
    assert row == [("上一年项目数量", None, "—"), ("本年增/减", None, "—"),
                   ("本年处理决定数量", None, "—")]  # fmt: skip
    assert d.t2.value("行政许可", "本年增/减") == -2


# -- blank rows and tables without a number -----------------------------------------------------

_RESULTS = "结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计"
T4_SLASHES = "\n".join([
    "四、政府信息公开行政复议、行政诉讼情况",
    "| 行政复议 | | | | | 行政诉讼 | | | | | | | | | |",
    f"| {_RESULTS} | 未经复议直接起诉 | | | | | 复议后起诉 | | | | |",
    f"| | | | | | {_RESULTS} | {_RESULTS} |",
    "| / | / | / | / | / | / | / | / | / | / | / | / | / | / | / |",
])  # fmt: skip


def test_a_t4_of_slashes_only_is_read() -> None:
    report = lm.extract(T4_SLASHES, year=2023)
    d = report.disclosure
    assert d is not None
    assert d.t4 is not None
    assert len(d.t4.cells) == 15
    assert {(c.value, c.mark) for c in d.t4.cells} == {(None, "/")}
    assert d.t4.cell("行政诉讼/复议后起诉", "总计").text == "/"
    results = lm.check(report, checks=["disclosure.t4_blocks"])
    assert [r.status for r in results] == [Status.PASS] * 3  # "/" is none: 0 = 0


T3_BLANK_ROW = """\
三、收到和处理政府信息公开申请情况
| 本列数据的勾稽关系 | 自然人 | 法人或其他组织 | 总计 |
|---|---|---|---|
| 一、本年新收政府信息公开申请数量 | 12 | 3 | 15 |
| 二、上年结转政府信息公开申请数量 | 1 | 0 | 1 |
| 三、本年度办理结果 | | | |
| （一）予以公开 | 9 | 3 | 12 |
| （二）部分公开 | | | |
| （三）不予公开 | 1 | 0 | 1 |
| （四）无法提供 | 2 | 0 | 2 |
| （五）不予处理 | 0 | 0 | 0 |
| （六）其他处理 | 0 | 0 | 0 |
| （七）总计 | 12 | 3 | 15 |
| 四、结转下年度继续办理 | 1 | 0 | 1 |
"""


def test_a_t3_row_left_blank_is_kept_as_not_filled() -> None:
    report = lm.extract(T3_BLANK_ROW, year=2023)
    d = report.disclosure
    assert d is not None
    assert d.t3 is not None
    partly = [c for c in d.t3.cells if c.row_key == "partly"]
    assert [(c.column, c.value, c.mark) for c in partly] == [
        ("自然人", None, ""), ("法人或其他组织", None, ""), ("总计", None, ""),
    ]  # fmt: skip
    assert "部分公开" not in d.t3.missing
    # the group label row 三、本年度办理结果 is no row of cells
    assert not [c for c in d.t3.cells if "办理结果" in c.row]
    results = lm.check(report, checks=["disclosure"])
    assert not results.failures
    blank = [r for r in results if r.check == "disclosure.t3_applicants"
             and "部分公开" in r.message]  # fmt: skip
    assert [r.status for r in blank] == [Status.PASS]
    assert "blank read as 0" in blank[0].message


def test_a_t2_item_left_blank_is_none_and_never_fails() -> None:
    def t2(year: int, in_force: str, issued: str) -> lm.Report:
        text = (
            f"青山县人民政府{year}年政府信息公开工作年度报告\n"
            "二、主动公开政府信息情况\n"
            "第二十条第（一）项\n"
            "信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数\n"
            f"规章 | {issued} | 0 | {in_force}\n"
            f"行政规范性文件 | 2 | 1 | {year - 2008}\n"  # 14, then 14 + 2 - 1 = 15
            "第二十条第（五）项\n"
            "信息内容 | 本年处理决定数量\n"
            "行政许可 | |\n"
        )
        return lm.extract(text, jurisdiction="青山县", year=year)

    earlier, later = t2(2022, "3", "0"), t2(2023, " ", " ")
    d = later.disclosure
    assert d is not None
    assert d.t2 is not None
    licensing = d.t2.cell("行政许可", "本年处理决定数量")
    assert (licensing.value, licensing.mark) == (None, "")
    assert d.t2.value("规章", "现行有效件数") is None
    results = lm.check([earlier, later], checks=["disclosure"])
    assert not results.failures
    stock = [r for r in results if r.check == "disclosure.stock" and "规章" in r.message]
    assert [r.status for r in stock] == [Status.WARN]  # 3 ≠ blank: unsure, not a FAIL


# -- what cannot be read is said ---------------------------------------------------------------


def test_a_row_that_cannot_be_placed_is_a_warning() -> None:
    text = "类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n行政复议 | 3 | 1 | 0 | 4\n"
    report = lm.extract(text, year=2023)
    assert any("行政复议" in w and "not read" in w for w in report.warnings), report.warnings


def test_a_template_table_with_no_readable_row_is_a_warning() -> None:
    text = (
        "三、收到和处理政府信息公开申请情况\n"
        "项目\t自然人\t法人或其他组织\t总计\n"
        "一、本年新收政府信息公开申请数量\t12\t3\n"
        "（七）总计\t12\t3\n"
    )
    report = lm.extract(text, year=2023)
    assert any("T3" in w for w in report.warnings), report.warnings


# -- a table across a page break, a text cell among values, a sub-row lost ---------------------


def test_a_t3_across_a_page_break_is_one_table() -> None:
    v = {
        ("t3", "new", "natural_person"): 5,
        ("t3", "new", "total"): 5,
        ("t3", "carried_out", "natural_person"): 5,
        ("t3", "carried_out", "total"): 5,
    }
    lines = lm.render_template(v, fmt="space", tables=["t3"]).splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("（五）不予处理"))
    lines[at:at] = ["", "— 3 —", ""]  # PDF-to-text: a page number between two pages
    report = lm.extract("\n".join(lines), year=2023)
    d = report.disclosure
    assert d is not None
    assert d.t3 is not None
    assert d.t3.missing == ()
    assert len(d.t3.cells) == 25 * 7
    assert d.t3.value("不予处理/重复申请", "总计") == 0
    assert d.t3.value("结转下年度", "自然人") == 5
    assert not d.generic


def test_a_header_apart_from_its_rows_still_names_the_columns() -> None:
    text = (
        "申请人情况 | 自然人 | 法人或其他组织 | 总计\n"
        "\n"
        "一、本年新收政府信息公开申请数量 | 10 | 2 | 12\n"
        "二、上年结转政府信息公开申请数量 | 1 | 0 | 1\n"
    )
    d = lm.extract(text, year=2023).disclosure
    assert d is not None
    assert d.t3 is not None
    assert d.t3.value("本年新收", "法人或其他组织") == 2
    assert not d.t3.notes  # the columns come from the header, not from the count of values


def test_a_text_cell_among_values_is_a_warning_not_a_misreading() -> None:
    values = " | ".join(["3", "1", "0", "1", "见附件", *["0"] * 10])
    text = T4_SLASHES.rsplit("\n", 1)[0] + f"\n| {values} |\n"
    report = lm.extract(text, year=2023)
    assert any("见附件" in w and "not read" in w for w in report.warnings), report.warnings
    d = report.disclosure
    assert d is None or d.t4 is None or not d.t4.cells  # never the ten after it as two blocks


def test_a_sub_row_lost_under_a_printed_group_is_missing() -> None:
    text = (
        "项目 | 自然人 | 法人或其他组织 | 总计\n"
        "一、本年新收政府信息公开申请数量 | 2 | 0 | 2\n"
        "（三）不予公开 | 1 | 0 | 1\n"
        "1．属于国家秘密 | 1 | 0 | 1\n"
    )
    d = lm.extract(text, year=2023).disclosure
    assert d is not None
    assert d.t3 is not None
    assert "不予公开/其他法律行政法规禁止公开" in d.t3.missing


def test_prose_against_a_cell_left_blank_warns_not_fails() -> None:
    text = "（二）依申请公开。本年度收到政府信息公开申请12件。\n" + T3_BLANK_ROW.replace(
        "| 一、本年新收政府信息公开申请数量 | 12 | 3 | 15 |",
        "| 一、本年新收政府信息公开申请数量 | | | |",
    )
    report = lm.extract(text, year=2023)
    assert report.disclosure is not None
    cell = report.disclosure.t3.cell("本年新收", "总计")
    assert (cell.value, cell.mark) == (None, "")
    prose = lm.check(report, checks=["disclosure.prose"])
    assert not prose.failures
    (r,) = [r for r in prose if "12" in r.message]
    assert r.status is Status.WARN
    assert "blank" in r.message
