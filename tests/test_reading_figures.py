"""Tests for lawgov_metrics.reading.figures: which numbers are figures, their values and kinds."""

from __future__ import annotations

import pathlib
from decimal import Decimal
from fractions import Fraction

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

import lawgov_metrics as lm
from lawgov_metrics.extract import extract, read_report

DATA = pathlib.Path(__file__).parent / "data"


def _fmt(x: Fraction, places: int) -> str:
    """Exact half-up decimal rendering of a non-negative Fraction (the oracle's own)."""
    scaled = x * 10**places
    n = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    if not places:
        return str(n)
    digits = str(n).rjust(places + 1, "0")
    return f"{digits[:-places]}.{digits[-places:]}"


def quotes(text: str) -> list[str]:
    return [f.quote for f in extract(text).figures]


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "qualifier"),
    [
        ("修复信用28300余条。", "28300余条", "28300", "条", "more_than"),
        ("汇聚数据27亿条。", "27亿条", "2700000000", "条", "exact"),
        ("新增主体1.2万户。", "1.2万户", "12000", "户", "exact"),
        ("服务6381件/次。", "6381件/次", "6381", "件/次", "exact"),
        ("收案率占比63.10%。", "63.10%", "63.10", "%", "exact"),
        ("服务企业近3000家。", "近3000家", "3000", "家", "nearly"),
        ("开展活动约120场。", "约120场", "120", "场", "about"),
        ("优秀率达到95%以上。", "95%以上", "95", "%", "at_least"),
        ("压缩至5个工作日以内。", "5个工作日以内", "5", "个工作日", "at_most"),
        ("受教育群众50余万人。", "50余万人", "500000", "人", "more_than"),
        ("接待群众240 余人次。", "240 余人次", "240", "人次", "more_than"),
        ("挽回损失27.4 万元。", "27.4 万元", "274000", "元", "exact"),
        ("办理公证１２，３４５件。", "１２，３４５件", "12345", "件", "exact"),
        ("開展活動兩百三十場。", "兩百三十場", "230", "场", "exact"),
        ("列席会议二十次。", "二十次", "20", "次", "exact"),
        ("受理申请数量为0。", "0", "0", "", "exact"),
        ("金额突破15亿元。", "突破15亿元", "1500000000", "元", "more_than"),
        ("群众满意率约为98%。", "约为98%", "98", "%", "about"),
        ("受理案件貳拾件。", "貳拾件", "20", "件", "exact"),
        ("参加培训120人次。", "120人次", "120", "人次", "exact"),
        ("最近3年办理案件1,234件。", "1,234件", "1234", "件", "exact"),
    ],
)
def test_figure_values(text: str, quote: str, value: str, unit: str, qualifier: str) -> None:
    figs = extract(text).figures
    assert len(figs) == 1
    f = figs[0]
    assert f.quote == quote
    assert f.value == Decimal(value)
    assert f.unit == unit
    assert f.quantity.qualifier.value == qualifier
    assert text[f.span[0] : f.span[1]] == quote


@pytest.mark.parametrize(
    "text",
    [
        "执法队伍人员参加培训,陆续收拾。",  # financial numerals that are words
        "最近3年成绩较好。",  # 近 inside a word, and a year is no figure
    ],
)
def test_words_with_numeral_characters_are_not_figures(text: str) -> None:
    assert quotes(text) == []


def test_qualifier_inside_a_word_is_dropped() -> None:
    figs = extract("最近3天办结12件,附近3家超市。").figures
    assert [f.quote for f in figs] == ["3天", "12件", "3家"]
    assert {f.quantity.qualifier for f in figs} == {lm.Qualifier.EXACT}
    (g,) = extract("其中最近300余件。").figures
    assert (g.quote, g.quantity.qualifier) == ("300余件", lm.Qualifier.MORE_THAN)


@pytest.mark.parametrize("gold", sorted(DATA.glob("*.gold.json")), ids=lambda p: p.stem)
def test_figures_are_read_by_numerals(gold: pathlib.Path) -> None:
    # one way to read a number: every figure's quantity is what parse_quantity reads in
    # its quote (value, unit, qualifier, resolution, rounded and text); a table cell under a
    # header with a unit (本年收费金额（单位：万元）) is read with that unit written after it
    import json

    report = read_report(DATA / json.loads(gold.read_text(encoding="utf-8"))["file"])
    assert report.figures
    for f in report.figures:
        assert f.quantity.text.startswith(f.quote), f.quote
        assert f.quantity == lm.parse_quantity(f.quantity.text), f.quote
        if f.quantity.text != f.quote:
            assert report.disclosure is not None, f.quote


def test_resolution_follows_the_written_digits() -> None:
    f63, f27, f12 = extract("占比63.10%,数据27亿条,新增1.2万户。").figures
    assert f63.quantity.resolution == Decimal("0.01")
    assert f27.quantity.resolution == Decimal("100000000")
    assert f12.quantity.resolution == Decimal("1000")
    assert f27.quantity.rounded
    assert not extract("收到786宗。").figures[0].quantity.rounded


def test_listed_rates_give_one_figure_each() -> None:
    figs = extract("组织学法考试,参加率、及格率达到100%。").figures
    assert [f.subject for f in figs] == ["参加率", "及格率"]
    assert figs[0].span == figs[1].span
    assert all(f.value == 100 for f in figs)


def test_kinds() -> None:
    text = "收到申请786宗,同比增长68.67%,成功率98.73%,提高3.2个百分点,挽回2.35亿元,5个工作日。"
    kinds = [f.kind for f in extract(text).figures]
    assert kinds == ["count", "growth", "rate", "pp_change", "money", "duration"]


def test_traditional_script_keeps_offsets() -> None:
    text = "全年收到行政復議申請96件,同比減少9.4%。"
    report = extract(text)
    assert [f.quote for f in report.figures] == ["96件", "9.4%"]
    growth = report.claims_of("growth")[0]
    assert growth.rate is not None
    assert growth.rate.value == Decimal("-9.4")


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=99999),
    st.integers(min_value=0, max_value=2),
    st.sampled_from([("万", 10**4), ("亿", 10**8), ("千", 1000)]),
    st.booleans(),
)
def test_scale_words_exact(digits: int, places: int, scale: tuple[str, int], more: bool) -> None:
    written = _fmt(Fraction(digits, 10**places), places)
    word, mult = scale
    text = f"汇聚数据{written}{word}{'余' if more else ''}条。"
    (f,) = extract(text).figures
    assert Fraction(f.value) == Fraction(digits, 10**places) * mult
    assert Fraction(f.quantity.resolution) == Fraction(mult, 10**places)
    assert (f.quantity.qualifier is lm.Qualifier.MORE_THAN) is more


def test_tab_and_single_pipe_table_rows() -> None:
    r = extract("项目\t自然人\t总计\n一、本年新收申请数量\t139\t146\n行政许可 | 4736\n首页 | 新闻")
    # a table cell's subject is its row label and its column header: here the template's
    # T3, whose labels it takes
    assert [(f.quote, f.subject) for f in r.figures] == [
        ("139", "本年新收政府信息公开申请（自然人）"),
        ("146", "本年新收政府信息公开申请（总计）"),
        ("4736", "行政许可"),
    ]


def test_visit_count_in_prose_is_no_furniture() -> None:
    assert quotes("门户网站全年访问量约182万人次,账号共27个。") == ["约182万人次", "27个"]
    assert quotes("访问量：1234\n办理案件12件。") == ["12件"]


def test_a_count_without_its_unit_before_its_share_is_a_figure() -> None:
    text = (
        "居于前三位的是:行政处罚860,占收到申请总数的34.1%;行政强制215,占8.5%。"
        "审结案件1930,审结率为86.2%。"
    )
    assert quotes(text)[:2] == ["860", "34.1%"]
    assert "1930" in quotes(text)
    # a bare number with no share or rate after it stays no figure
    assert quotes("编号860,办结。") == []


def test_table_columns_of_changes_hold_growth_rates() -> None:
    text = "项目 | 件数 | 同比 | 占比\n行政许可 | 320 | 409% | 64%\n行政处罚 | 45 | 12% | 9%\n"
    kinds = [(f.quote, f.kind) for f in extract(text).figures if f.unit == "%"]
    assert kinds == [("409%", "growth"), ("64%", "rate"), ("12%", "growth"), ("9%", "rate")]
