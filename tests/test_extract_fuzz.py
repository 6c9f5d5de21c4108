"""Fuzz: extract() never raises on any str and every span holds its quote.

The pieces are the words the readers bind on (list markers, carry-over words, shares,
brackets, readings in brackets), so every step of lawgov_metrics.reading is exercised:
every figure, every figure a claim holds (totals, parts, alternatives, balance terms, sums
of printed figures) and every claim points at its quote. Time is measured, not asserted,
by bench/adversarial.py.
"""

from __future__ import annotations

import os
import pathlib
import random

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, given, settings

import lawgov_metrics as lm
from lawgov_metrics.extract import extract, html_to_text, read_report
from lawgov_metrics.reading.source import decode

_PIECES = [
    "件", "宗", "条", "%", "％", "个百分点", "余", "多", "近", "约", "超过", "以上", "以内", "万",
    "亿", "千", "倍", "同比增长", "下降", "较上年", "增加了", "其中", "分别为", "连续", "第一",
    "全省", "名列", "占比", "率", "达", "，", ",", "。", "、", "“", "”", "《", "》", "(", "（",
    ")", "〔", "〕", "|", "\n", " ", "<p>", "</div>", "<script>", "年", "月", "日", "号",
    "１２", "３．５", "0", "7", "12345", "2023", ".", "+", "翻一番", "持平", "兩百", "個",
    "一是", "二十", "十四五", "受理", "成功率", "一、", "(三)", "1.", "发布日期:", "来源:",
    "123456789012345678901234567890", "99.99", "1,234", "3 万", "240 余人次",
    "上年结转", "结转下年", "正在办理", "办结", "已办结", "收到", "未包含", "(含", "包括",
    "（其中", "）", "、", "占比", "占已办结的", "办结率", "结果为:", ";", "；", "(jié)", "辦結",
    "其他", "中,", "的", "较上年", "由", "提高到", "上年为", "年均", "数量",
]  # fmt: skip

fuzz_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=8).map(
    "".join
)


def _claim_figures(c: object) -> list[lm.Figure]:
    out: list[lm.Figure] = []
    for name in ("figure", "total", "part", "basis", "rate_figure", "received", "carried_in",
                 "handled", "concluded", "carried_out"):  # fmt: skip
        f = getattr(c, name, None)
        if f is not None:
            out.append(f)
    out += list(getattr(c, "parts", ()))
    out += list(getattr(c, "alternatives", ()))
    return out


def _check(text: str) -> None:
    report = extract(text)
    assert report.text == text or "\ufffd" in report.text
    text = report.text
    for f in report.figures:
        assert text[f.span[0] : f.span[1]] == f.quote
        assert f.quantity.value.is_finite()
    for c in report.claims:
        assert text[c.span[0] : c.span[1]] == c.quote
        for f in _claim_figures(c):
            assert text[f.span[0] : f.span[1]] == f.quote, (c, f)
        binding = getattr(c, "binding", None)
        assert binding is None or isinstance(binding, lm.Binding)


@settings(
    max_examples=int(os.environ.get("LAWGOV_FUZZ_EXAMPLES", "10000")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(fuzz_text)
def test_arbitrary_text_never_raises(text: str) -> None:
    _check(text)


def test_empty_text() -> None:
    report = extract("")
    assert report.figures == ()
    assert report.claims == ()
    assert report.year is None


def test_one_megabyte_of_random_unicode() -> None:
    rng = random.Random(20240104)
    alphabet = [chr(c) for c in range(0x20, 0x2FFF) if not 0xD800 <= c <= 0xDFFF]
    alphabet += list("0123456789件条%万亿余近约。，、") * 20
    text = "".join(rng.choice(alphabet) for _ in range(1_000_000))
    _check(text)


def test_thirty_digit_numbers() -> None:
    text = "收到申请123456789012345678901234567890件,同比增长1234567890123456789.123%。"
    report = extract(text)
    _check(text)
    assert report.figures[0].value == int("123456789012345678901234567890")


def test_unbalanced_quotes_and_brackets() -> None:
    for text in (
        "“收到申请12件",
        "《办理12件",
        "〔2022",
        "(三",
        "收到申请12件”》)）〕",
        "“" * 50 + "5件",
    ):
        _check(text)


def test_non_str_is_a_type_error() -> None:
    import pytest

    for bad in (None, "12件".encode(), 12, ["12件"]):
        with pytest.raises(TypeError):
            extract(bad)  # type: ignore[arg-type]


_HTML_PIECES = [
    "<p>", "</p>", "<div class='x'>", "</div>", "<br>", "<script>var a=1;</script>",
    "<style>p{}</style>", "<!-- 注释 -->", "<table><tr><td>", "</td></tr></table>",
    "&nbsp;", "&amp;", "&#x4E00;", "<meta charset='gbk'>", "<", ">", "收到行政复议申请786宗",
    "同比增长68.67%", "１２，３４５件",
]  # fmt: skip
html_text = st.lists(
    st.one_of(st.sampled_from(_HTML_PIECES), st.text(max_size=4)), max_size=10
).map("".join)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(html_text)
def test_html_to_text_never_raises_and_drops_markup(page: str) -> None:
    text = html_to_text(page)
    assert isinstance(text, str)
    # tags never leak into the text (a script body may, when a bogus <?…> comment swallows
    # its opening tag, exactly as in a browser)
    assert "<script>" not in text
    assert "</style>" not in text


@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(raw=st.one_of(st.binary(max_size=200), html_text.map(lambda s: s.encode("gb18030"))))
def test_read_report_never_raises_on_arbitrary_bytes(raw: bytes, tmp_path: pathlib.Path) -> None:
    # arbitrary bytes are text (perhaps with replaced characters) or a ReadError: binary
    errors: list[lm.ReadError] = []
    for suffix in (".txt", ".html"):
        path = tmp_path / f"page{suffix}"
        path.write_bytes(raw)
        try:
            report = read_report(path)
        except lm.ReadError as exc:
            errors.append(exc)
            continue
        for f in report.figures:
            assert report.text[f.span[0] : f.span[1]] == f.quote
        report.text.encode("utf-8")  # no lone surrogates: the writers can encode it
    assert all(e.path.endswith(("page.txt", "page.html")) for e in errors)


@given(st.binary(max_size=300))
def test_decode_never_raises_and_reports_what_it_replaced(raw: bytes) -> None:
    text, warnings = decode(raw)
    assert isinstance(text, str)
    assert all("U+FFFD" in w for w in warnings)
    assert ("\ufffd" in text) >= bool(warnings)


def test_surrogates_anywhere_never_crash() -> None:
    for text in ("\ud800", "12件\udfff", "\udc00收到申请12件,同比增长5%", "\ud83d\ude00" * 3):
        _check(text)
    with pytest.raises(TypeError):
        extract(b"12")  # type: ignore[arg-type]
