"""Tests for lawgov_metrics.reading.clauses.rates: which count a rate is a share of."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

import lawgov_metrics as lm
from lawgov_metrics.extract import extract


def _fmt(x: Fraction, places: int) -> str:
    """Exact half-up decimal rendering of a non-negative Fraction (the oracle's own)."""
    scaled = x * 10**places
    n = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    if not places:
        return str(n)
    digits = str(n).rjust(places + 1, "0")
    return f"{digits[:-places]}.{digits[-places:]}"


def test_share_stated_and_inferred() -> None:
    text = "审结案件977件,直接纠错236件,纠错率24.2%。"
    (s,) = extract(text).claims_of("share")
    assert s.part is not None
    assert s.part.value == 236
    assert s.total is not None
    assert s.total.value == 977
    assert s.confidence == "stated"
    text2 = "收到申请786宗。建立网上收案机制,收案率占比63.10%。"
    (s2,) = extract(text2).claims_of("share")
    assert s2.total is not None
    assert s2.total.value == 786
    assert s2.confidence == "inferred"


@pytest.mark.parametrize(
    ("sentence", "total", "part"),
    [
        # a population of cases before the rate: the cases are the whole
        ("行政应诉案件312件，行政机关负责人出庭应诉率达100%。", "312件", None),
        ("调解矛盾纠纷1497宗，成功率达98.73%。", "1497宗", None),
        # the count names the rate's numerator: it is the part
        ("受理纠纷80件，调解成功72件，调解成功率90%。", None, "72件"),
        ("审结案件977件，其中纠错案件236件，纠错率24.2%。", None, "236件"),
    ],
)
def test_share_count_is_whole_or_part_by_its_words(
    sentence: str, total: str | None, part: str | None
) -> None:
    [claim] = [c for c in extract(sentence).claims if c.kind == "share"]
    got_total = claim.total.quote if claim.total else None
    got_part = claim.part.quote if claim.part else None
    if total is not None:
        assert (got_total, got_part) == (total, None)
    else:
        assert got_part == part


def test_rate_without_a_count_is_no_share() -> None:
    assert extract("二是推进出庭应诉工作,出庭应诉率达100%。").claims == ()


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=5000), st.data())
def test_share_claims_tie_rate_and_total(total: int, data: st.DataObject) -> None:
    part = data.draw(st.integers(min_value=0, max_value=total))
    pct = Fraction(part * 100, total)
    written = _fmt(pct, 2) if pct.denominator != 1 else str(pct)
    text = f"调解矛盾纠纷{total}宗,调解成功{part}宗,成功率达{written}%。"
    (s,) = extract(text).claims_of("share")
    assert s.total is not None
    assert s.total.value == total
    assert s.part is not None
    assert s.part.value == part
    # the oracle: the written rate is the exact share rounded to the written places
    assert abs(Fraction(s.rate.value) - pct) <= Fraction(1, 200)


def test_outcome_rate_of_the_handled_count() -> None:
    (s,) = extract("办理热线工单约3600件,按期办结率达到99.6%。").claims_of("share")
    assert s.total is not None
    assert s.total.quote == "约3600件"
    assert extract("集中学法4期,参学率100%。").claims_of("share") == []


# ---------------------------------------------------------------------------------------
# golden texts: a rate binds its base, with the numbers as evidence

Stated = lm.Binding.STATED
Positional = lm.Binding.POSITIONAL
Arithmetic = lm.Binding.ARITHMETIC

#: (text, rate, total value or None, part value or None, binding)
RATE_BASES = [
    # a rate in the clause after its count: stated
    ("调解矛盾纠纷1497宗,成功率达98.73%。", "98.73", 1497, None, Stated),
    # a rate after a list's last part is a share of the list's total (no k/30 gives 97.5%)
    ("受理法律援助案件400件，其中民事案件300件，刑事案件70件，行政案件30件，办结率97.5%。",
     "97.5", 400, None, Arithmetic),
    # each 占比 of a list is over the list's total, never over the part before it
    ("评查行政执法案卷80卷，其中优秀20卷，占比25%；良好40卷，占比50%；合格20卷，占比25%。",
     "50", 80, 40, Stated),
    ("评查行政执法案卷80卷，其中良好40卷，占比50%；优秀20卷，占比25%。", "25", 80, 20, Stated),
    # a 占比 with a noun of its own: the part is not printed, no printed count is it
    ("共受理法律援助案件52000件，办结48100件，办结率92.5%，民事案件占比76%。",
     "76", 52000, None, Positional),
    # 占已办结的: the base the words name, over the handled count
    ("共办理政府信息公开申请86件，已办结80件，正在办理6件，其中予以公开40件，占已办结的50%。",
     "50", 80, 40, Arithmetic),
    # the rate names a part further back than the nearest count (胜诉 / 胜诉率)
    ("代理行政诉讼案件40宗，审结30宗；审结的案件中，胜诉24宗，撤诉6宗，胜诉率80%。",
     "80", 30, 24, Arithmetic),
    # a total, its part and the rate in three clauses of one sentence: stated when the
    # count's words make it a total (受理, 共, 办结 …), however many larger counts the item
    # printed before
    ("办结案件52件，调解9件，调撤率17.31%；受理行政诉讼案件13件，败诉2件，败诉率15.38%。",
     "15.38", 13, 2, Stated),
    # … but not when they do not: a 败诉率 is often of the concluded cases; 13 is the
    # candidate the numbers fit
    ("办结案件52件，调解9件，调撤率17.31%；行政诉讼发案量13件，败诉2件，败诉率15.38%。",
     "15.38", 13, 2, Arithmetic),
    # a larger sibling outcome is no base (纠错236件 … 调解170件,调解率17.4%)
    ("直接纠错236件，纠错率24.2%，以调解、和解等方式结案170件，调解率17.4%。",
     "17.4", 236, 170, Positional),
    # a target rate: the count is what was achieved, its base a target not printed
    ("提供法律咨询11085人次，完成率116.68%。", "116.68", None, 11085, Stated),
    # a share of all handled cases, pending ones included: the base the numbers fit
    ("共办理政府信息公开申请86件，已办结80件，正在办理6件，其中予以公开40件，占46.5%。",
     "46.5", 86, 40, Arithmetic),
]  # fmt: skip


@pytest.mark.parametrize(("text", "rate", "total", "part", "binding"), RATE_BASES)
def test_a_rate_binds_its_base(
    text: str, rate: str, total: int | None, part: int | None, binding: lm.Binding
) -> None:
    s = next(c for c in extract(text).claims_of("share") if c.rate.value == Decimal(rate))
    got = s.total.value if s.total else None
    assert (got, s.part.value if s.part else None, s.binding) == (total, part, binding)


def test_a_rate_whose_base_is_not_printed_binds_none() -> None:
    (s,) = extract("全市学法考试参考率98%。").claims_of("share") or [None]
    assert s is None


def test_change_columns_and_growth_rates_are_no_shares() -> None:
    table = "项目 | 件数 | 同比\n行政许可 | 320 | 409%\n行政处罚 | 45 | 12%\n"
    report = extract(table)
    assert [f.kind for f in report.figures if f.unit == "%"] == ["growth", "growth"]
    assert report.claims_of("share") == []
    report2 = extract("全年收到申请120件，同比增长409%。")
    assert [f.kind for f in report2.figures] == ["count", "growth"]
    assert report2.claims_of("share") == []
