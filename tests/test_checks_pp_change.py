"""Tests of :mod:`lawgov_metrics.checks.pp_change`: a percentage-point change against the
two rates, in one report and across reports. The oracle works on half-up cells."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from check_builders import ARITHMETIC, POSITIONAL, STATED, Doc, dec, only, pp_doc, qty, rate_report
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import places_of, round_half_up

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.records import PPChangeClaim
from lawgov_metrics.results import Status

FAST = settings(max_examples=150, deadline=None)


def pp(rep: lm.Report) -> lm.CheckResult:
    return only(checks.check_pp_change_rates(rep), "pp_change.rates")


def test_pp_change_cases() -> None:
    assert pp(pp_doc("41.8", "73.55", "31.75")).status is Status.PASS
    bad = pp(pp_doc("41.8", "15", "12.15", down=True))
    assert (bad.status, bad.reason) == (Status.FAIL, "pp_mismatch")
    assert "41.8%" in bad.message
    assert "15%" in bad.message
    assert "the text prints both rates with the change" in bad.message
    info = pp(pp_doc(None, "31.5", "18.8", down=True))
    assert (info.status, info.reason) == (Status.PASS, "implied_rate")
    assert info.expected is not None
    assert info.expected.contains(Fraction(503, 10))
    und = pp(pp_doc(None, None, "3.2"))
    assert (und.status, und.reason) == (Status.UNDECIDABLE, "no_rates")


def test_pp_change_positional_warns_or_passes_with_an_alternative() -> None:
    loose = pp(pp_doc("41.8", "15", "12.15", down=True, binding=POSITIONAL, others=["20"]))
    assert (loose.status, loose.reason) == (Status.WARN, "pp_mismatch")
    assert "“20%”" in loose.message
    ok = pp(pp_doc("41.8", "15", "12.15", down=True, binding=POSITIONAL, others=["29.65"]))
    assert (ok.status, ok.reason) == (Status.PASS, "alternative_fits")


def test_pp_change_uses_only_the_claims_basis() -> None:
    """The check reads the prior from ``claim.basis``, never from the sentence's text: a
    claim left without a basis gives the implied prior rate, not a comparison."""
    d = Doc().say("败诉率")
    cur = d.fig("15", "%", "败诉率")
    d.say(",下降")
    rf = d.fig("12.15", "个百分点", "败诉率变化", kind="pp_change")
    d.say("(上年为")
    d.fig("41.8", "%", "败诉率")
    d.say(")")
    claim = PPChangeClaim(
        rate=qty("-12.15", "个百分点"), rate_figure=rf, figure=cur, direction="down", quote=d.text
    )
    r = pp(d.report(claim))
    assert (r.status, r.reason) == (Status.PASS, "implied_rate")
    # extraction ties that printed prior, and then the check compares the two rates
    rep = lm.extract("败诉率为15%,较上年下降12.15个百分点(上年为41.8%)。")
    (change,) = rep.claims_of("pp_change")
    assert change.basis is not None
    assert change.basis.value == Decimal("41.8")
    r2 = only(lm.check(rep, checks=["pp_change.rates"]), "pp_change.rates")
    assert (r2.status, r2.reason) == (Status.FAIL, "pp_mismatch")


def half_up_interval(text: str) -> tuple[Fraction, Fraction]:
    """``[lo, hi)`` (mirrored below 0) that a half-up written decimal stands for."""
    x, h = Fraction(Decimal(text)), Fraction(1, 2 * 10 ** places_of(text))
    return x - h, x + h


@FAST
@given(
    a=st.integers(0, 10000),
    b=st.integers(0, 10000),
    pa=st.sampled_from([0, 1, 2]),
    pb=st.sampled_from([0, 1, 2]),
    pp_places=st.sampled_from([0, 1, 2]),
    nudge=st.integers(-30, 30),
    binding=st.sampled_from([STATED, POSITIONAL, ARITHMETIC]),
)
def test_property_pp_change(
    a: int, b: int, pa: int, pb: int, pp_places: int, nudge: int, binding: lm.Binding
) -> None:
    prior = dec(Fraction(a % (100 * 10**pa) + 1, 10**pa), pa)  # a positive rate up to 100%
    current = dec(Fraction(b % (100 * 10**pb) + 1, 10**pb), pb)
    diff = Fraction(Decimal(current)) - Fraction(Decimal(prior))
    written = abs(round_half_up(abs(diff), pp_places) + Fraction(nudge, 10**pp_places))
    down = diff < 0
    change = dec(written, pp_places)
    r = pp(pp_doc(prior, current, change, down=down, binding=binding))
    # Oracle: the true rates lie in their half-up cells [lo, hi), so the true change
    # t_b - t_a ranges over the open interval (b_lo - a_hi, b_hi - a_lo); the written
    # change stands for [p - h, p + h) (for p > 0; mirrored to (-p - h, -p + h] for a fall,
    # and (-h, h) for a written 0).
    alo, ahi = half_up_interval(prior)
    blo, bhi = half_up_interval(current)
    low, high = blo - ahi, bhi - alo
    p, h = Fraction(Decimal(change)), Fraction(1, 2 * 10**pp_places)
    if p == 0:
        holds = -h < high and low < h
    elif down:
        holds = -p - h < high and low < -p + h
    else:
        holds = p - h < high and low < p + h
    bad = Status.FAIL if binding is STATED else Status.WARN
    assert r.status is (Status.PASS if holds else bad)


# ---------------------------------------------------------------------------------------
# across reports


def test_pp_change_across_reports() -> None:
    later = pp_doc(None, "31.5", "18.8", down=True, year=2024, subject="行政应诉败诉率")
    ok = lm.check([rate_report("50.3", 2023, "行政应诉败诉率"), later], checks=["pp_change.rates"])
    assert [r.status for r in ok if len(r.reports) == 2] == [Status.PASS]
    bad = lm.check([rate_report("48.3", 2023, "行政应诉败诉率"), later], checks=["pp_change.rates"])
    cross = [r for r in bad if len(r.reports) == 2]
    assert [r.status for r in cross] == [Status.FAIL]
    assert "48.3%" in cross[0].message


def test_pp_change_across_reports_with_two_prior_values_is_undecidable() -> None:
    d = Doc().say("行政应诉败诉率")
    d.fig("50.3", "%", "行政应诉败诉率")
    d.say(";行政应诉败诉率")
    d.fig("48.3", "%", "行政应诉败诉率")
    later = pp_doc(None, "31.5", "18.8", down=True, year=2024, subject="行政应诉败诉率")
    res = lm.check([d.report(year=2023), later], checks=["pp_change.rates"])
    (r,) = [x for x in res if len(x.reports) == 2]
    assert (r.status, r.reason) == (Status.UNDECIDABLE, "ambiguous_prior")


@FAST
@given(a=st.integers(1, 1000), b=st.integers(1, 1000), nudge=st.integers(-5, 5))
def test_property_pp_across(a: int, b: int, nudge: int) -> None:
    prior, current = dec(Fraction(a, 10), 1), dec(Fraction(b, 10), 1)
    diff = Fraction(b - a, 10)
    written = abs(diff + Fraction(nudge, 10))
    later = pp_doc(None, current, dec(written, 1), down=diff < 0, year=2024, subject="败诉率")
    res = lm.check([rate_report(prior, 2023), later], checks=["pp_change.rates"])
    [r] = [x for x in res if len(x.reports) == 2]
    # Every value has one decimal; true rates lie in [x - 0.05, x + 0.05), so the true
    # change lies in (d - 0.1, d + 0.1) and the written change w stands for a cell of
    # half-width 0.05 around +-w: they meet iff |(+-w) - d| < 0.15.
    signed = -written if diff < 0 else written
    holds = abs(signed - diff) < Fraction(15, 100)
    assert r.status is (Status.PASS if holds else Status.FAIL)
