"""Tests for lawgov_metrics.reading.clauses.changes: growth, differences and pp changes."""

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


def test_growth_claim_up() -> None:
    (g,) = extract("收到行政复议申请786宗,同比增长68.67%。").claims
    assert isinstance(g, lm.GrowthClaim)
    assert g.figure is not None
    assert g.figure.quote == "786宗"
    assert g.rate is not None
    assert g.rate.value == Decimal("68.67")
    assert g.direction == "up"
    assert g.quote == "同比增长68.67%"


def test_growth_difference_with_basis() -> None:
    text = "区政府共收到行政复议申请1113件,较2022年558件增加了555件,同比增长99.5%。"
    growth = extract(text).claims_of("growth")
    diff = next(c for c in growth if c.form == "difference")
    assert diff.basis is not None
    assert diff.basis.value == 558
    assert diff.difference is not None
    assert diff.difference.value == 555
    assert diff.figure is not None
    assert diff.figure.value == 1113
    pct = next(c for c in growth if c.form == "percent")
    assert pct.figure is not None
    assert pct.figure.value == 1113


@pytest.mark.parametrize(
    ("text", "form", "rate", "qualifier"),
    [
        ("收到申请135件,同比增长2倍。", "times_increase", "200", "exact"),
        ("收到申请135件,同比增长近3倍。", "times_increase", "300", "nearly"),
        ("收到申请135件,是上年的2倍。", "times_of", "100", "exact"),
        ("收到申请135件,增长到2倍。", "times_of", "100", "exact"),
        ("收到申请135件,比上年翻一番。", "doublings", "100", "exact"),
        ("收到申请135件,比上年翻两番。", "doublings", "300", "exact"),
        ("收到申请135件,与上年持平。", "flat", "0", "exact"),
        ("收到申请135件,同比下降12.5%。", "percent", "-12.5", "exact"),
    ],
)
def test_growth_forms(text: str, form: str, rate: str, qualifier: str) -> None:
    (g,) = extract(text).claims_of("growth")
    assert g.form == form
    assert g.rate is not None
    assert g.rate.value == Decimal(rate)
    assert g.rate.qualifier.value == qualifier
    assert g.figure is not None
    assert g.figure.value == 135


#: (text, current, basis, difference, subject): a prior printed after 较/比…(的) is the
#: basis of the growth claim, never its current figure, and has the current one's subject.
GROWTH_PRIORS = [
    ("全年受理行政复议申请691件，较2022年的558件增长23.8%。", "691", "558", None, "行政复议申请"),
    ("全年受理行政复议申请691件，较上年的558件增长23.8%。", "691", "558", None, "行政复议申请"),
    ("全年受理行政复议申请691件，较2022年度558件增长23.8%。", "691", "558", None, "行政复议申请"),
    ("全年受理行政复议申请691件，比上年558件增加133件，增长23.8%。", "691", "558", "133",
     "行政复议申请"),
    ("全年受理行政复议申请691件，比上年的558件增加133件，增长23.8%。", "691", "558", "133",
     "行政复议申请"),
    ("办理信访事项420件，比去年的500件减少80件，下降16%。", "420", "500", "-80", "信访事项"),
    ("收到行政复议申请691件，同比增长23.8%（上年为558件）。", "691", "558", None, "行政复议申请"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "current", "basis", "difference", "subject"), GROWTH_PRIORS)
def test_growth_rate_claim_ties_the_printed_prior(
    text: str, current: str, basis: str, difference: str | None, subject: str
) -> None:
    report = extract(text)
    rated = [c for c in report.claims_of("growth") if c.rate is not None]
    assert len(rated) == 1
    (g,) = rated
    assert g.figure is not None
    assert g.figure.value == Decimal(current)
    assert g.basis is not None
    assert g.basis.value == Decimal(basis)
    if difference is None:
        assert g.difference is None
    else:
        assert g.difference is not None
        assert g.difference.value == Decimal(difference)
    assert g.figure.subject == subject
    assert g.basis.subject == subject
    assert g.subject == subject


def test_pp_change() -> None:
    (pp,) = extract("败诉率31.5%,同比下降18.8个百分点。").claims_of("pp_change")
    assert pp.rate.value == Decimal("-18.8")
    assert pp.direction == "down"
    assert pp.figure is not None
    assert pp.figure.quote == "31.5%"


def test_pp_change_ties_both_rates() -> None:
    for text, now, before in [
        ("网办率由83.5%提高到96.0%,提高12.5个百分点。", "96.0%", "83.5%"),
        ("公示率达99.50%,较上年的97.3%提高2.2个百分点。", "99.50%", "97.3%"),
    ]:
        r = extract(text)
        (pp,) = r.claims_of("pp_change")
        assert pp.figure is not None
        assert pp.basis is not None
        assert (pp.figure.quote, pp.basis.quote) == (now, before)
        assert not r.claims_of("share")  # the prior rate is no share


#: (text, current, basis, subject): a pp change whose prior rate is printed beside it.
PP_PRIORS = [
    ("行政机关负责人出庭应诉率由上年的92.4%提高到95.6%，提高3.2个百分点。", "95.6", "92.4",
     "行政机关负责人出庭应诉率"),
    ("行政机关负责人出庭应诉率由92.4%提升至95.6%，提高3.2个百分点。", "95.6", "92.4",
     "行政机关负责人出庭应诉率"),
    ("行政诉讼败诉率从2022年的20.5%下降至15.2%，下降5.3个百分点。", "15.2", "20.5",
     "行政诉讼败诉率"),
    ("出庭应诉率为95.6%，较上年提高3.2个百分点（上年为92.4%）。", "95.6", "92.4", "出庭应诉率"),
    ("复议纠错率为8.5%，较上年下降1.5个百分点(去年为10.0%)。", "8.5", "10.0", "复议纠错率"),
    ("出庭应诉率上年为92.4%，今年提高到95.6%，提高3.2个百分点。", "95.6", "92.4", "出庭应诉率"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "current", "basis", "subject"), PP_PRIORS)
def test_pp_change_ties_the_printed_prior_rate(
    text: str, current: str, basis: str, subject: str
) -> None:
    (pp,) = extract(text).claims_of("pp_change")
    assert pp.figure is not None
    assert pp.figure.value == Decimal(current)
    assert pp.basis is not None
    assert pp.basis.value == Decimal(basis)
    assert pp.figure.subject == subject
    assert pp.basis.subject == subject
    assert pp.subject == subject


def test_pp_change_without_a_printed_prior_has_no_basis() -> None:
    (pp,) = extract("出庭应诉率为95.6%，较上年提高3.2个百分点。").claims_of("pp_change")
    assert pp.basis is None
    # a later rate of another indicator is no prior
    (pp2,) = extract("出庭应诉率为95.6%，较上年提高3.2个百分点，纠错率为9.2%。").claims_of(
        "pp_change"
    )
    assert pp2.basis is None


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**12),
    st.integers(min_value=0, max_value=99999),
    st.integers(min_value=0, max_value=3),
    st.booleans(),
)
def test_count_and_growth_round_trip(n: int, r: int, places: int, down: bool) -> None:
    rate_text = _fmt(Fraction(r, 10**places), places)
    verb = "下降" if down else "增长"
    text = f"收到申请{n}件,同比{verb}{rate_text}%。"
    report = extract(text)
    count, rate = report.figures
    assert Fraction(count.value) == n
    assert Fraction(rate.value) == Fraction(r, 10**places)
    (g,) = report.claims
    assert g.rate is not None
    sign = -1 if down and r else 1
    assert Fraction(g.rate.value) == sign * Fraction(r, 10**places)
    assert g.rate.resolution == Decimal(1).scaleb(-places)


# ---------------------------------------------------------------------------------------
# golden texts: a change binds its current figure, with the numbers as evidence

#: (text, current value or None, binding, alternative values)
GROWTH_CURRENTS = [
    # the figure just before the change: stated
    ("收到行政复议申请786宗,同比增长68.67%。", 786, lm.Binding.STATED, []),
    # the change names another noun than the figure before it: no figure of that noun
    ("破获命案积案5起，全区刑事案件同比下降12.5%。", None, lm.Binding.POSITIONAL, [5]),
    # a change in the clause right after its figure: stated, even with another before
    ("受理申请786件，办结3件，同比增长68.67%。", 3, lm.Binding.STATED, [786]),
    # further away, the nearest figure cannot give the rate (no whole prior) and the one
    # before it can: the numbers choose
    ("受理申请786件，办结3件，均依法按期答复，同比增长68.67%。", 786, lm.Binding.ARITHMETIC, [3]),
    # a generic noun of the figure's own (数量) names no other figure
    ("受理行政复议案件120件，数量同比增长20%。", 120, lm.Binding.STATED, []),
]


@pytest.mark.parametrize(("text", "current", "binding", "alternatives"), GROWTH_CURRENTS)
def test_a_growth_binds_its_current_figure(
    text: str, current: int | None, binding: lm.Binding, alternatives: list[int]
) -> None:
    (g,) = [c for c in extract(text).claims_of("growth") if c.rate is not None]
    assert (g.figure.value if g.figure else None, g.binding) == (current, binding)
    assert sorted(f.value for f in g.alternatives) == alternatives


def test_a_pp_change_with_its_prior_printed_is_stated() -> None:
    (pp,) = extract("网办率由83.5%提高到96.0%,提高12.5个百分点。").claims_of("pp_change")
    assert pp.binding is lm.Binding.STATED
    (pp2,) = extract("败诉率31.5%,同比下降18.8个百分点。").claims_of("pp_change")
    assert pp2.binding is lm.Binding.STATED


@pytest.mark.parametrize(
    ("text", "direction", "value"),
    [
        # the change's own verb decides its sign, not a verb earlier in the sentence
        ("纠错率由72.0%下降到65.7%，提高6.3个百分点。", "up", "6.3"),
        ("及格率由90.0%提高到85.0%，下降5.0个百分点。", "down", "-5.0"),
        # a bare comparative right before the number
        ("出庭应诉率为95.0%，比上年低0.5个百分点。", "down", "-0.5"),
        ("出庭应诉率为95.0%，比上年高2.5个百分点。", "up", "2.5"),
        # no verb right before it: a down verb before the number still counts
        ("败诉率较上年下降了3.2个百分点。", "down", "-3.2"),
    ],
)
def test_a_pp_change_takes_the_sign_of_its_own_verb(text: str, direction: str, value: str) -> None:
    (pp,) = extract(text).claims_of("pp_change")
    assert pp.direction == direction
    assert pp.rate.value == Decimal(value)


def test_a_pp_change_against_the_direction_of_its_rates_fails() -> None:
    # 72.0% to 65.7% is a fall; the text calls it a rise of 6.3 points: not both true
    report = extract("行政复议纠错率由72.0%下降到65.7%，提高6.3个百分点。")
    (res,) = [r for r in lm.check(report) if r.check == "pp_change.rates"]
    assert res.status is lm.Status.FAIL
    fine = extract("行政复议纠错率由72.0%下降到65.7%，下降6.3个百分点。")
    assert [r.status for r in lm.check(fine) if r.check == "pp_change.rates"] == [lm.Status.PASS]
