"""Tests of :mod:`lawgov_metrics.checks.growth`: the implied prior, last year's report, and
the direction of a change. Expected outcomes come from exact Fraction oracles."""

from __future__ import annotations

import pathlib
from decimal import Decimal
from fractions import Fraction

import pytest
from check_builders import (
    ARITHMETIC,
    POSITIONAL,
    Doc,
    count_report,
    dec,
    growth_doc,
    only,
    oracle_integer_priors,
    qty,
    rates,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import round_half_up

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.records import GrowthClaim, Qualifier, Report
from lawgov_metrics.results import Severity, Status

HERE = pathlib.Path(__file__).parent
SEED = HERE.parent / "examples" / "data" / "huadu-2023.txt"
PRIOR = HERE / "data_checks" / "huadu-2022.txt"
FAST = settings(max_examples=150, deadline=None)


def implied(rep: Report) -> lm.CheckResult:
    return only(checks.check_growth_implied_prior(rep), "growth.implied_prior")


# ---------------------------------------------------------------------------------------
# growth.implied_prior


def test_seed_growth_implies_466() -> None:
    r = implied(growth_doc(786, "68.67"))
    assert r.status is Status.PASS
    assert r.reason == "implied_prior"
    assert r.severity is Severity.INFO
    assert r.details["candidates"] == range(466, 467)
    assert "466" in r.message
    assert "786" in r.message
    assert "2022" in r.message
    assert r.expected is not None
    assert r.expected.contains(466)
    assert not r.expected.contains(Fraction(46598, 100))
    assert r.expected.contains(Fraction(46599, 100))


def test_growth_without_integer_prior_fails_and_says_why_it_is_certain() -> None:
    # 10 件 up 33.3%: priors 7 (42.86%) and 8 (25%) miss it; no integer works.
    r = implied(growth_doc(10, "33.3"))
    assert r.status is Status.FAIL
    assert r.reason == "no_integer_prior"
    assert "10件" in r.message
    assert "the reading is certain: the rate is in the clause of its figure" in r.message


def test_growth_with_printed_basis_is_verified() -> None:
    assert implied(growth_doc(1113, "99.5", basis=558)).status is Status.PASS
    r = implied(growth_doc(1113, "99.5", basis=560))
    assert r.status is Status.FAIL
    assert r.reason == "growth_mismatch"
    assert "560件" in r.message
    assert "prints the prior" in r.message


@pytest.mark.parametrize(
    ("current", "rate", "basis", "reason"),
    [(0, "10", None, "nonpositive_current"), (5, "10", 0, "nonpositive_prior")],
)
def test_growth_undecidable(current: int, rate: str, basis: int | None, reason: str) -> None:
    r = implied(growth_doc(current, rate, basis=basis))
    assert r.status is Status.UNDECIDABLE
    assert r.reason == reason


def test_growth_claim_without_figure_or_rate_is_undecidable() -> None:
    claim = GrowthClaim(figure=None, rate=qty("20", "%"), quote="下降20%以上")
    r = implied(Report(text="下降20%以上", claims=[claim]))
    assert (r.status, r.reason) == (Status.UNDECIDABLE, "no_current_figure")
    d = Doc()
    fig = d.fig("30", "件", "案件")
    r2 = implied(d.report(GrowthClaim(figure=fig, rate=None, quote="30件")))
    assert (r2.status, r2.reason) == (Status.UNDECIDABLE, "no_rate")
    r3 = implied(d.report(GrowthClaim(figure=fig, rate=qty("2", "倍"), quote="30件")))
    assert (r3.status, r3.reason) == (Status.UNDECIDABLE, "unsupported_rate_unit")


def test_fall_of_100_percent_or_more_fails_only_when_stated() -> None:
    r = implied(growth_doc(30, "-120"))
    assert (r.status, r.reason) == (Status.FAIL, "impossible_decline")
    loose = implied(growth_doc(30, "-120", binding=POSITIONAL))
    assert (loose.status, loose.reason) == (Status.WARN, "impossible_decline")


def test_positional_growth_warns_and_names_the_candidates_it_tried() -> None:
    # 10 件 up 33.3% has no integer prior; 11 件 neither (8 → 37.5%, 9 → 22.2%)
    r = implied(growth_doc(10, "33.3", binding=POSITIONAL, others=[11]))
    assert (r.status, r.reason) == (Status.WARN, "no_integer_prior")
    assert "by position only" in r.message
    assert "“11件”" in r.message
    # 12 件 up 33.3% comes from 9 件: the alternative makes the growth hold
    ok = implied(growth_doc(10, "33.3", binding=POSITIONAL, others=[11, 12]))
    assert (ok.status, ok.reason) == (Status.PASS, "alternative_fits")
    assert "“12件”" in ok.message
    assert "12件" in ok.quotes


def test_arithmetic_binding_that_does_not_fit_warns() -> None:
    r = implied(growth_doc(10, "33.3", binding=ARITHMETIC, others=[12]))
    assert (r.status, r.reason) == (Status.WARN, "no_integer_prior")
    assert "in doubt" in r.message


@settings(max_examples=100, deadline=None)
@given(current=st.integers(1, 1500), rate=rates)
def test_property_implied_prior_matches_oracle(current: int, rate: str) -> None:
    r = implied(growth_doc(current, rate))
    expected = oracle_integer_priors(current, rate)
    assert (r.status is Status.FAIL) == (not expected)
    if expected:
        assert list(r.details["candidates"]) == expected


@FAST
@given(
    current=st.integers(1, 3000),
    prior=st.integers(1, 3000),
    places=st.sampled_from([0, 1, 2]),
    nudge=st.sampled_from([0, 0, 1, -1, 7]),
)
def test_property_basis_matches_oracle(current: int, prior: int, places: int, nudge: int) -> None:
    exact = Fraction(current - prior, prior) * 100
    written = round_half_up(exact, places) + Fraction(nudge, 10**places)
    rate = dec(written, places)
    r = implied(growth_doc(current, rate, basis=prior))
    holds = round_half_up(exact, places) == Fraction(Decimal(rate))
    assert r.status is (Status.PASS if holds else Status.FAIL)
    # The library's own single-case verifier agrees.
    assert lm.verify_growth(prior=prior, current=current, reported=rate).status is r.status


def test_growth_uses_only_the_claims_basis() -> None:
    """A growth claim whose figure is the printed prior is not re-tied by the checks."""
    rep = lm.extract("全年受理行政复议申请691件，较2022年的558件增长23.8%。")
    (g,) = rep.claims_of("growth")
    assert g.basis is not None
    assert g.basis.value == 558
    r = only(lm.check(rep, checks=["growth.implied_prior"]), "growth.implied_prior")
    assert r.status is Status.PASS
    # 691 / 558 = 1.2384: a printed 20.0% growth from 558 cannot reach 691
    bad = lm.extract("全年受理行政复议申请691件，较2022年的558件增长20.0%。")
    r = only(lm.check(bad, checks=["growth.implied_prior"]), "growth.implied_prior")
    assert (r.status, r.reason) == (Status.FAIL, "growth_mismatch")


# ---------------------------------------------------------------------------------------
# growth.direction


def direction(rep: Report) -> lm.CheckResult:
    return only(checks.check_growth_direction(rep), "growth.direction")


def test_direction_pass_fail_undecidable() -> None:
    assert direction(growth_doc(600, "20", basis=500)).status is Status.PASS
    r = direction(growth_doc(400, "20", basis=500))
    assert (r.status, r.reason) == (Status.FAIL, "wrong_direction")
    assert "400件" in r.message
    assert "500件" in r.message
    # approximate values that overlap cannot show a direction
    d = Doc().say("办理")
    cur = d.fig("500", "件", "案件", qualifier=Qualifier.MORE_THAN)
    d.say(",较上年")
    basis = d.fig("520", "件", "上年案件", qualifier=Qualifier.ABOUT)
    claim = GrowthClaim(figure=cur, rate=qty("2", "%"), basis=basis, quote=d.text)
    assert direction(d.report(claim)).status is Status.UNDECIDABLE


def test_direction_positional_warns_or_passes_with_an_alternative() -> None:
    r = direction(growth_doc(400, "20", basis=500, binding=POSITIONAL))
    assert (r.status, r.reason) == (Status.WARN, "wrong_direction")
    ok = direction(growth_doc(400, "20", basis=500, binding=POSITIONAL, others=[600]))
    assert (ok.status, ok.reason) == (Status.PASS, "alternative_fits")


@FAST
@given(current=st.integers(1, 10**6), prior=st.integers(1, 10**6), down=st.booleans())
def test_property_direction(current: int, prior: int, down: bool) -> None:
    r = direction(growth_doc(current, "-5" if down else "5", basis=prior))
    wrong = current > prior if down else current < prior
    if wrong:
        assert r.status is Status.FAIL
    elif current == prior:
        assert r.status is Status.UNDECIDABLE
    else:
        assert r.status is Status.PASS


# ---------------------------------------------------------------------------------------
# growth.prior_report (and the cross-report half of growth.direction)


def seed() -> Report:
    return lm.extract(SEED.read_text(encoding="utf-8"))


def prior_text(value: int) -> str:
    return PRIOR.read_text(encoding="utf-8").replace("466宗", f"{value}宗")


def test_seed_against_2022_report_with_466_passes() -> None:
    r2022 = lm.extract(prior_text(466))
    assert (r2022.jurisdiction, r2022.year) == ("花都区", 2022)
    res = lm.check([r2022, seed()])
    r = only(res, "growth.prior_report")
    assert r.status is Status.PASS
    assert "466宗" in r.message
    assert "786宗" in r.message
    assert r.reports == ("花都区 2022", "花都区 2023")
    assert {f.quote for f in r.figures} >= {"786宗", "466宗"}
    assert res.failures == []


@pytest.mark.parametrize("value", [467, 465, 300, 786])
def test_seed_against_2022_report_with_other_values_fails(value: int) -> None:
    res = lm.check([seed(), lm.extract(prior_text(value))])  # order does not matter
    r = only(res, "growth.prior_report")
    assert (r.status, r.reason) == (Status.FAIL, "prior_mismatch")
    assert f"{value}宗" in r.message
    assert "(465.985…, 466.013…]" in r.message


def test_reports_that_do_not_line_up_are_not_compared() -> None:
    other = lm.extract(prior_text(467), jurisdiction="番禺区")
    assert lm.check([other, seed()]).by_check("growth.prior_report") == []
    gap = lm.extract(prior_text(467), year=2021)
    assert lm.check([gap, seed()]).by_check("growth.prior_report") == []


@FAST
@given(
    current=st.integers(1, 5000),
    prior=st.integers(1, 5000),
    shown=st.integers(1, 5000),
    places=st.sampled_from([0, 1, 2]),
    positional=st.booleans(),
)
def test_property_prior_report(
    current: int, prior: int, shown: int, places: int, positional: bool
) -> None:
    rate = dec(round_half_up(Fraction(current - prior, prior) * 100, places), places)
    later = growth_doc(current, rate, binding=POSITIONAL if positional else lm.Binding.STATED)
    res = lm.check(
        [count_report(shown, 2022), later], checks=["growth.prior_report", "growth.direction"]
    )
    r = only(res, "growth.prior_report")
    holds = round_half_up(Fraction(current - shown, shown) * 100, places) == Fraction(Decimal(rate))
    bad = Status.WARN if positional else Status.FAIL
    assert r.status is (Status.PASS if holds else bad)
    d = only(res, "growth.direction")
    up = not rate.startswith("-")
    if (up and current < shown) or (not up and current > shown):
        assert d.status is bad
    elif current == shown:
        assert d.status is Status.UNDECIDABLE
    else:
        assert d.status is Status.PASS


def test_prior_report_ambiguous_and_missing() -> None:
    d = Doc().say("收到行政复议申请")
    d.fig("400", "件", "收到行政复议申请")
    d.say(";区政府收到行政复议申请")
    d.fig("450", "件", "收到行政复议申请")
    both = d.report(year=2022)
    r = only(lm.check([both, growth_doc(786, "68.67")]), "growth.prior_report")
    assert (r.status, r.reason) == (Status.WARN, "ambiguous_prior")
    unrelated = count_report(466, 2022, subject="办理法律援助案件")
    r2 = only(lm.check([unrelated, growth_doc(786, "68.67")]), "growth.prior_report")
    assert (r2.status, r2.reason) == (Status.UNDECIDABLE, "no_prior_figure")


def test_units_case_words_count_alike_but_not_people() -> None:
    same = lm.check([count_report(466, 2022, unit="宗"), growth_doc(786, "68.67")])
    assert only(same, "growth.prior_report").status is Status.PASS
    people = lm.check([count_report(466, 2022, unit="人"), growth_doc(786, "68.67")])
    assert only(people, "growth.prior_report").reason == "no_prior_figure"


def test_prior_report_positional_alternative_fits() -> None:
    # last year printed 466; the claim was tied to 700, but the reading also saw 786
    later = growth_doc(700, "68.67", binding=POSITIONAL, others=[786])
    r = only(lm.check([count_report(466, 2022), later]), "growth.prior_report")
    assert (r.status, r.reason) == (Status.PASS, "alternative_fits")


def test_growth_claim_with_zero_current_and_prior_is_undecidable_not_a_crash() -> None:
    d = Doc().say("收到")
    fig = d.fig("0", "件", "收到行政复议申请")
    claim = GrowthClaim(figure=fig, rate=qty("10", "%"), quote="增长10%")
    res = lm.check([count_report(0, 2022), d.report(claim)])
    assert only(res, "growth.prior_report").status is Status.UNDECIDABLE
