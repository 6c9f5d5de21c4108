"""Fuzz: extract() never raises on any str and every span holds its quote."""

from __future__ import annotations

import os
import pathlib
import random

import hypothesis.strategies as st
from hypothesis import HealthCheck, given, settings

from lawgov_metrics.extract import extract, html_to_text, read_report

_PIECES = [
    "件", "宗", "条", "%", "％", "个百分点", "余", "多", "近", "约", "超过", "以上", "以内", "万",
    "亿", "千", "倍", "同比增长", "下降", "较上年", "增加了", "其中", "分别为", "连续", "第一",
    "全省", "名列", "占比", "率", "达", "，", ",", "。", "、", "“", "”", "《", "》", "(", "（",
    ")", "〔", "〕", "|", "\n", " ", "<p>", "</div>", "<script>", "年", "月", "日", "号",
    "１２", "３．５", "0", "7", "12345", "2023", ".", "+", "翻一番", "持平", "兩百", "個",
    "一是", "二十", "十四五", "受理", "成功率", "一、", "(三)", "1.", "发布日期:", "来源:",
    "123456789012345678901234567890", "99.99", "1,234", "3 万", "240 余人次",
]  # fmt: skip

fuzz_text = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=3)), max_size=8).map(
    "".join
)


def _check(text: str) -> None:
    report = extract(text)
    assert report.text == text
    for f in report.figures:
        assert text[f.span[0] : f.span[1]] == f.quote
        assert f.quantity.value.is_finite()
    for c in report.claims:
        assert text[c.span[0] : c.span[1]] == c.quote


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
    for suffix in (".txt", ".html"):
        path = tmp_path / f"page{suffix}"
        path.write_bytes(raw)
        report = read_report(path)
        for f in report.figures:
            assert report.text[f.span[0] : f.span[1]] == f.quote
