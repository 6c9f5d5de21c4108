"""Grid readers: HTML tables with spans, text tables of every kind, and fuzzing of both."""

from __future__ import annotations

import sys
from collections.abc import Callable
from decimal import Decimal
from typing import Any

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

from lawgov_metrics.reading.grids import cell_content, html_grids, text_grids
from lawgov_metrics.reading.html import html_to_text, render_html

# ----------------------------------------------------------------------------- HTML


def test_rowspan_and_colspan_land_on_the_grid() -> None:
    page = (
        "<table><tr><td rowspan='2' colspan='2'>项目</td><td colspan=2>行政诉讼</td></tr>"
        "<tr><td>维持</td><td>纠正</td></tr>"
        "<tr><td rowspan=2>复议</td><td>甲</td><td>3</td><td>4</td></tr>"
        "<tr><td>乙</td><td>5</td><td>6</td></tr></table>"
    )
    (g,) = html_grids(page)
    text = html_to_text(page)
    assert (g.n_rows, g.n_columns, g.source) == (4, 4, "html")
    assert [(c.text, c.row, c.column, c.row_span, c.col_span) for c in g.cells[:4]] == [
        ("项目", 0, 0, 2, 2), ("行政诉讼", 0, 2, 1, 2), ("维持", 1, 2, 1, 1), ("纠正", 1, 3, 1, 1),
    ]  # fmt: skip
    assert g.at(3, 0).text == "复议"  # covered by the rowspan
    assert g.at(3, 3).value == Decimal(6)
    # spans resolved in the text: the spanned slots are empty cells, rows equally wide
    assert text.splitlines() == [
        "项目 |  | 行政诉讼 | ",
        " |  | 维持 | 纠正",
        "复议 | 甲 | 3 | 4",
        " | 乙 | 5 | 6",
    ]
    for c in g.cells:
        assert text[c.span[0] : c.span[1]] == c.text


def test_html_to_text_keeps_the_old_promises() -> None:
    page = (
        "<html><head><title>t</title><style>x{}</style></head><body><div>甲</div>"
        "<script>var a=5;</script><p>乙<b>丙</b></p><!-- 注释 --></body></html>"
    )
    assert html_to_text(page) == "甲\n\n乙丙"
    assert html_to_text("") == ""
    assert html_to_text("a<br>b") == "a\nb"


def test_a_layout_table_is_read_as_blocks() -> None:
    prose = "全年共收到行政复议申请786宗，同比增长68.67%。" * 6
    page = f"<table><tr><td>导航</td><td><p>{prose}</p><p>第二段</p></td></tr></table>"
    r = render_html(page)
    assert r.grids == ()
    assert "|" not in r.text
    assert "第二段" in r.text.splitlines()


def test_a_table_inside_a_cell_makes_the_outer_table_layout() -> None:
    inner = "<table><tr><td>类别</td><td>数量</td></tr><tr><td>复议</td><td>12</td></tr></table>"
    r = render_html(f"<table><tr><td>{inner}</td><td>旁注</td></tr></table>")
    (g,) = r.grids
    assert g.at(1, 1).value == 12
    assert "旁注" in r.text


def test_cell_text_is_collapsed_and_pipes_kept_apart() -> None:
    (g,) = html_grids("<table><tr><td> 本年新<br>\n 制作数量 </td><td>a|b</td></tr></table>")
    assert [c.text for c in g.cells] == ["本年新 制作数量", "a¦b"]


def test_malformed_tables_as_browsers_read_them() -> None:
    # unclosed cells and rows, stray text, bogus spans
    page = "<table><tr><td>规章<td colspan=x>3<tr><td rowspan=0>行政规范性文件<td>12</table>尾"
    r = render_html(page)
    (g,) = r.grids
    assert [(c.text, c.row, c.column) for c in g.cells] == [
        ("规章", 0, 0), ("3", 0, 1), ("行政规范性文件", 1, 0), ("12", 1, 1),
    ]  # fmt: skip
    assert r.text.endswith("尾")


# ----------------------------------------------------------------------------- text


def test_cell_content_keeps_marks_apart_from_zero() -> None:
    assert cell_content("0") == (Decimal(0), "", None)
    for mark, norm in [("", ""), ("/", "/"), ("／", "/"), ("-", "-"), ("—", "—"), ("——", "—"),
                       ("无", "无"), ("  ", "")]:  # fmt: skip
        assert cell_content(mark) == (None, "", norm), mark
    assert cell_content("１２，３４５件") == (Decimal(12345), "件", None)
    assert cell_content("2023年") == (None, "", None)  # a date is a label
    assert cell_content("收到申请12件") == (None, "", None)  # prose is a label
    assert cell_content("-3") == (Decimal(-3), "", None)  # 本年增/减


def test_markdown_with_outer_pipes_and_separator() -> None:
    text = "说明\n| 信息内容 | 本年制发件数 |\n|---|:---:|\n| 规章 | 3 |\n\n后文 12件"
    (g,) = text_grids(text)
    assert g.source == "pipe"
    assert [[c.text for c in row] for row in g.rows()] == [
        ["信息内容", "本年制发件数"],
        ["规章", "3"],
    ]


def test_an_empty_first_cell_is_not_taken_for_an_outer_pipe() -> None:
    text = " | 自然人 | 总计\n本年新收 | 3 | 3\n"
    (g,) = text_grids(text)
    assert [c.text for c in g.rows()[0]] == ["", "自然人", "总计"]
    assert g.at(1, 2).value == 3


def test_tab_rows_with_label_lines_between() -> None:
    text = "项目\t自然人\t总计\n一、本年新收\t5\t5\n三、本年度办理结果\n（一）予以公开\t2\t2\n"
    (g,) = text_grids(text)
    assert g.source == "tab"
    assert [c.text for c in g.rows()[2]] == ["三、本年度办理结果"]


def test_a_section_heading_ends_a_table() -> None:
    text = "规章 | 1 | 2\n三、收到和处理政府信息公开申请情况\n本年新收 | 3 | 3\n"
    assert len(text_grids(text)) == 2


def test_space_aligned_and_single_space_rows() -> None:
    text = "信息内容    本年制发件数    现行有效件数\n规章    0    12\n行政规范性文件 3 86\n"
    (g,) = text_grids(text)
    assert g.source == "space"
    assert [[c.text for c in r] for r in g.rows()] == [
        ["信息内容", "本年制发件数", "现行有效件数"],
        ["规章", "0", "12"],
        ["行政规范性文件", "3", "86"],
    ]  # fmt: skip


def test_prose_is_no_table() -> None:
    assert (
        text_grids("全年收到申请12件，办结10件。\n发布日期：2024-01-02　　来源：县政府办\n") == []
    )


# ----------------------------------------------------------------------------- fuzz

_TEXT_PIECES = [
    "|", " | ", "||", "\t", "  ", " ", "\n", "---", ":--:", "规章", "一、本年新收",
    "（三）不予公开",
    "0", "12", "1,234", "／", "—", "无", "71", "3", "件", "%", "。", "，", "四、行政复议情况",
    "\u3000", "１２", "\r\n", "三、本年度办理结果",
]  # fmt: skip
_HTML_PIECES = [
    "<table>", "</table>", "<tr>", "</tr>", "<td>", "</td>", "<th>", "<td rowspan=3>",
    "<td colspan='2'>", "<td rowspan=0 colspan=999999>", "<tbody>", "<br>", "<p>", "</p>",
    "<script>1|2</script>", "<!-- x -->", "&nbsp;", "&amp;", "12", "规章", "|", "\n", "<",
    "<td colspan=200>", "<div>", "</div>",
]  # fmt: skip
fuzz_text = st.lists(
    st.one_of(st.sampled_from(_TEXT_PIECES), st.text(max_size=3)), max_size=40
).map("".join)
fuzz_html = st.lists(
    st.one_of(st.sampled_from(_HTML_PIECES), st.text(max_size=3)), max_size=40
).map("".join)


def _spans_hold(text: str, grids: Any) -> None:
    for g in grids:
        assert 0 <= g.span[0] <= g.span[1] <= len(text)
        for c in g.cells:
            assert text[c.span[0] : c.span[1]] == c.text, (c, text)
            assert c.value is None or c.value.is_finite()
            assert (c.value is None) or (c.mark is None)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fuzz_text)
def test_text_grids_never_raise_and_spans_point_at_the_cells(text: str) -> None:
    _spans_hold(text, text_grids(text))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fuzz_html)
def test_html_grids_never_raise_and_spans_point_at_the_cells(page: str) -> None:
    r = render_html(page)
    assert "<td>" not in r.text  # tags never leak into the text
    assert "</table>" not in r.text
    _spans_hold(r.text, r.grids)


def _steps(fn: Callable[[str], object], arg: str) -> int:
    """Python lines executed in the library while ``fn(arg)`` runs: a count of work that
    does not depend on the machine's speed."""
    count = 0

    def tracer(frame: Any, event: str, _arg: object) -> Any:
        nonlocal count
        if "lawgov_metrics" not in frame.f_code.co_filename:
            return None
        if event == "line":
            count += 1
        return tracer

    old = sys.gettrace()
    sys.settrace(tracer)
    try:
        fn(arg)
    finally:
        sys.settrace(old)
    return count


@pytest.mark.parametrize(
    ("fn", "unit"),
    [
        (text_grids, "规章 | 1 | 2 | 3\n"),
        (text_grids, "行政规范性文件 1 2 3 4 5\n"),
        (text_grids, "|" * 50 + "\n"),
        (text_grids, "1 " * 200 + "x\n"),
        (text_grids, "a\tb\t1\n三、本年度办理结果\n"),
        (lambda s: render_html(s), "<tr><td rowspan=9999>1</td><td colspan=150>2</td></tr>"),
        (lambda s: render_html(s), "<table><tr><td>类别</td><td>12</td></tr>"),
        (lambda s: render_html(s), "<div><span>收到12件"),
    ],
)
def test_readers_run_in_linear_time(fn: Callable[[str], object], unit: str) -> None:
    small = _steps(fn, unit * 40)
    large = _steps(fn, unit * 320)
    assert large <= 8 * small * 1.5 + 200, (small, large)
