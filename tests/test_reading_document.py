"""Tests for lawgov_metrics.reading.document: boundaries, sections, table rows, words."""

from __future__ import annotations

import re

import hypothesis.strategies as st
from hypothesis import given

from lawgov_metrics.numerals import normalize
from lawgov_metrics.reading.document import (
    CLAUSE_END,
    PERIOD_END,
    SENTENCE_END,
    Document,
    is_table_line,
)

# ---------------------------------------------------------------------------------------
# oracles: the boundary lookups as a character-by-character scan


def scan_clause_start(norm: str, pos: int, floor: int = 0) -> int:
    i = pos - 1
    lo = max(floor, pos - 60)
    while i >= lo and norm[i] not in CLAUSE_END:
        i -= 1
    return i + 1


def scan_sentence_bounds(norm: str, pos: int) -> tuple[int, int]:
    a = pos
    lo = max(0, pos - 400)
    while a > lo and norm[a - 1] not in SENTENCE_END:
        a -= 1
    b = pos
    hi = min(len(norm), pos + 400)
    while b < hi and norm[b] not in SENTENCE_END:
        b += 1
    return a, b


_PIECES = st.sampled_from(
    ["收到", "12件", ",", "，", "、", "。", ";", "；", "\n", ":", "|", "其中", " "]
)
texts = st.lists(st.one_of(_PIECES, st.text(max_size=3)), max_size=60).map("".join)


@given(texts, st.data())
def test_boundaries_agree_with_a_character_scan(text: str, data: st.DataObject) -> None:
    doc = Document.build(text)
    pos = data.draw(st.integers(0, len(text)))
    floor = data.draw(st.integers(0, pos))
    assert doc.clause_start(pos, floor) == scan_clause_start(doc.norm, pos, floor)
    assert doc.sentence_bounds(pos) == scan_sentence_bounds(doc.norm, pos)
    a, b = doc.period_bounds(pos)
    assert a <= pos <= b
    assert all(ch not in "。!！?？\n" for ch in doc.norm[a:pos])


_ITEM_MARKS = st.sampled_from(["一是", "二是", "(1)", "（12）", "(123)", "十是", "是", "\n", "（"])


@given(st.lists(st.one_of(_PIECES, _ITEM_MARKS, st.text(max_size=3)), max_size=60).map("".join))
def test_boundary_lists_are_the_boundary_characters(text: str) -> None:
    doc = Document.build(text)
    norm = doc.norm
    assert norm == "".join(normalize(ch) for ch in text)  # one character for one
    assert doc.clause_ends == [i for i, ch in enumerate(norm) if ch in CLAUSE_END]
    assert doc.sentence_ends == [i for i, ch in enumerate(norm) if ch in SENTENCE_END]
    assert doc.period_ends == [i for i, ch in enumerate(norm) if ch in PERIOD_END]
    items = re.compile(r"[一二三四五六七八九十]是|[(（]\d{1,2}[)）]|\n")
    assert doc.item_ends == [m.end() for m in items.finditer(norm)]


def test_long_sentences_stop_at_the_window() -> None:
    text = "收" * 1000 + "12件" + "收" * 1000
    doc = Document.build(text)
    assert doc.sentence_bounds(1000) == (600, 1400)
    assert doc.clause_start(1000) == 940


def test_sections_and_table_rows() -> None:
    text = (
        "一、主要成效\n(一)依法行政\n1.深化改革。办理案件12件。\n(二)化解纠纷\n"
        "项目 | 数量\n调解 | 45"
    )
    doc = Document.build(text)
    assert doc.section_at(text.index("12件")) == ("一、主要成效", "(一)依法行政", "1.深化改革")
    assert doc.section_at(text.index("45")) == ("一、主要成效", "(二)化解纠纷")
    assert doc.is_table_row(text.index("45"))
    assert not doc.is_table_row(text.index("12件"))
    assert is_table_line("首页 | 新闻", 0, 7) is False


def test_words_drop_readings_in_brackets_only() -> None:
    text = "上年結(jié)轉(zhuǎn)42宗(含www)办结(2件)"
    doc = Document.build(text)
    assert doc.words(0, len(text)) == "上年结转42宗(含www)办结(2件)"
    assert len(doc.norm) == len(text)
    assert doc.in_parens(text.index("42"), 0) is False


def test_title_line_and_context() -> None:
    text = "首页 | 新闻\n某某区人民政府关于2023年度法治政府建设情况的报告\n收到申请12件。办结10件。"
    doc = Document.build(text)
    assert doc.title_span is not None
    assert text[doc.title_span[0] : doc.title_span[1]].endswith("情况的报告")
    i = text.index("12件")
    assert doc.context(i, i + 3) == "收到申请12件。"
