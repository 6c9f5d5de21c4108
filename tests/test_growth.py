"""Tests for lawgov_metrics.growth against the SPEC examples and an exact Fraction oracle."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st
from oracles import oracle_round

import lawgov_metrics as lm
from lawgov_metrics.errors import UndefinedGrowthError
from lawgov_metrics.growth import (
    check_share,
    growth_rate,
    implied_prior,
    integer_priors,
    multiple_factor,
    pp_change,
    share_counts,
    verify_growth,
    verify_pp_change,
)
from lawgov_metrics.records import Qualifier, Quantity
from lawgov_metrics.results import Status
from lawgov_metrics.strategies import growth_cases, intervals, share_cases

F = Fraction


def rate(text: str, qualifier: Qualifier = Qualifier.EXACT) -> Quantity:
    places = len(text.partition(".")[2])
    return Quantity(
        value=Decimal(text), unit="%", qualifier=qualifier, text=text + "%",
        resolution=Decimal(1).scaleb(-places), rounded=True,
    )  # fmt: skip


# --- SPEC examples -----------------------------------------------------------------------


def test_spec_growth_rate() -> None:
    assert lm.growth_rate(466, 786) == F(160, 233)
    assert growth_rate("80", Decimal("70")) == F(-1, 8)


def test_spec_implied_prior_786() -> None:
    iv = lm.implied_prior(786, "68.67")
    assert iv.lower == F(786) / F("1.68675")
    assert iv.upper == F(786) / F("1.68665")
    assert not iv.lower_closed
    assert iv.upper_closed
    assert str(iv).startswith("(465.98")


def test_spec_integer_priors() -> None:
    assert lm.integer_priors(786, "68.67") == range(466, 467)
    # 下降12.5%: factor in (0.8745, 0.8755] -> prior in [897.77…, 898.79…)
    assert list(lm.integer_priors(786, "-12.5")) == [898]


def test_spec_verify_growth_pass_message() -> None:
    r = lm.verify_growth(prior=466, current=786, reported="68.67")
    assert r.status is Status.PASS
    assert r.check == "growth.verify"
    for part in ("786", "466", "68.67%", "68.6695", "half_up", "(465.985…, 466.013…]"):
        assert part in r.message
    assert r.observed == F(16000, 233)
    assert r.expected == lm.unround("68.67")


def test_verify_growth_fail_names_numbers_and_interval() -> None:
    r = verify_growth(prior=465, current=786, reported="68.67")
    assert r.status is Status.FAIL
    assert r.reason == "growth_mismatch"
    assert "does not round" in r.message
    assert "[68.665, 68.675)" in r.message
    assert "= 466" in r.message


def test_spec_check_share() -> None:
    r = lm.check_share(total=1497, reported="98.73")
    assert r.status is Status.PASS
    assert "1478" in r.message
    assert lm.share_counts(1497, "98.73") == range(1478, 1479)


# --- undefined and bad input -------------------------------------------------------------


@pytest.mark.parametrize("prior", [0, -3, "0"])
def test_growth_rate_undefined_for_nonpositive_prior(prior: object) -> None:
    with pytest.raises(UndefinedGrowthError, match="undefined"):
        growth_rate(prior, 5)  # type: ignore[arg-type]
    assert issubclass(UndefinedGrowthError, ZeroDivisionError)


@pytest.mark.parametrize(
    ("prior", "current", "reported", "reason"),
    [
        (0, 5, "10", "prior_not_positive"),
        (-4, 5, "10", "prior_not_positive"),
        (None, 5, "10", "missing_value"),
        (float("nan"), 5, "10", "missing_value"),
        (4, 5, "", "missing_value"),
        (4, 5, "68.67%%", "bad_input"),
        (4, 5, float("inf"), "bad_input"),
        (4, 5, [68.67], "bad_input"),
        (4.5, 5, "10", "bad_input"),
        ("abc", 5, "10", "bad_input"),
        (4, Decimal("NaN"), "10", "missing_value"),
        (rate("5", Qualifier.ABOUT), 5, "10", "approximate_value"),
    ],
)
def test_verify_growth_undecidable_never_raises(
    prior: object, current: object, reported: object, reason: str
) -> None:
    r = verify_growth(prior=prior, current=current, reported=reported)  # type: ignore[arg-type]
    assert r.status is Status.UNDECIDABLE
    assert r.reason == reason
    assert r.message


def test_integral_float_is_accepted_as_exact() -> None:
    assert verify_growth(prior=466.0, current=786.0, reported="68.67").status is Status.PASS


def test_decline_of_100_percent_or_more() -> None:
    iv = implied_prior(10, "-100")
    assert iv.upper is None
    assert iv.lower == 2000
    with pytest.raises(ValueError, match="unbounded"):
        integer_priors(10, "-100")
    zero = implied_prior(0, "-100")
    assert (zero.lower, zero.upper, zero.lower_closed) == (0, None, False)
    assert implied_prior(5, "-150").is_empty
    assert integer_priors(5, "-150") == range(0)


def test_quantity_inputs_use_their_bounds() -> None:
    assert implied_prior(786, rate("68.67")) == implied_prior(786, "68.67")
    current = Quantity(value=Decimal(28300), unit="条", qualifier=Qualifier.MORE_THAN,
                       text="28300余条")  # fmt: skip
    iv = implied_prior(current, "10")
    # current in [28300, 28400), factor in [1.095, 1.105)
    assert iv.lower == F(28300) / F("1.105")
    assert iv.upper == F(28400) / F("1.095")
    assert not iv.lower_closed
    assert not iv.upper_closed
    more = implied_prior(100, rate("50", Qualifier.MORE_THAN))
    assert more.upper == F(100) / F("1.495")
    assert more.upper_closed


def test_multiple_factor() -> None:
    assert multiple_factor(2, "times_increase") == 3
    assert multiple_factor(2, "times_of") == 2
    assert multiple_factor(1, "doublings") == 2
    assert multiple_factor(2, "doublings") == 4
    with pytest.raises(ValueError, match="unknown multiple form"):
        multiple_factor(2, "double")
    with pytest.raises(ValueError, match="whole number"):
        multiple_factor("1.5", "doublings")
    with pytest.raises(ValueError, match="negative"):
        multiple_factor(-1, "times_of")


def test_pp_change_exact() -> None:
    assert pp_change("62.1", "65.3") == Decimal("3.2")
    assert str(pp_change("63.10", "60")) == "-3.10"
    assert pp_change("0.1", "0.3") == Decimal("0.2")  # a float would give 0.19999999999999998


def test_verify_pp_change_uses_rounding_of_both_rates() -> None:
    ok = verify_pp_change(prior_rate="62.1", current_rate="65.3", reported="3.2")
    assert ok.status is Status.PASS
    # true rates 62.05..62.15 and 65.25..65.35 allow differences (3.1, 3.3)
    for outside in ("3.0", "3.4"):
        r = verify_pp_change(prior_rate="62.1", current_rate="65.3", reported=outside)
        assert r.status is Status.FAIL
    # 3.1 stands for [3.05, 3.15), which meets (3.1, 3.3)
    assert verify_pp_change(prior_rate="62.1", current_rate="65.3", reported="3.1").passed
    edge = verify_pp_change(prior_rate="62.1", current_rate="65.3", reported="3.29")
    assert edge.status is Status.PASS
    bad = verify_pp_change(prior_rate="62.1", current_rate="65.3", reported="-3.2")
    assert bad.status is Status.FAIL
    assert bad.reason == "pp_mismatch"
    assert "62.1" in bad.message
    assert "65.3" in bad.message
    und = verify_pp_change(prior_rate=None, current_rate="65.3", reported="3.2")
    assert und.status is Status.UNDECIDABLE


@pytest.mark.parametrize(
    ("total", "reported", "count", "status", "reason"),
    [
        (7, "50.0", None, Status.FAIL, "no_integer_count"),
        (10, "100.5", None, Status.FAIL, "share.range"),
        (10, "-5", None, Status.FAIL, "share.range"),
        (10, "100", None, Status.PASS, ""),
        (1497, "98.73", 1478, Status.PASS, ""),
        (1497, "98.73", 1477, Status.FAIL, "count_mismatch"),
        (10, "50", 11, Status.FAIL, "count_out_of_range"),
        (0, "50", None, Status.UNDECIDABLE, "total_not_positive"),
        (-3, "50", None, Status.UNDECIDABLE, "total_not_positive"),
        ("10.5", "50", None, Status.UNDECIDABLE, "total_not_integer"),
        (None, "50", None, Status.UNDECIDABLE, "missing_value"),
        (10, "5O", None, Status.UNDECIDABLE, "bad_input"),
        (10, "50", "4.5", Status.UNDECIDABLE, "bad_input"),
    ],
)
def test_check_share_cases(
    total: object, reported: object, count: object, status: Status, reason: str
) -> None:
    r = check_share(total, reported, count)
    assert (r.status, r.reason) == (status, reason), r.message
    assert r.check == "share.granularity"


def test_check_share_fail_message_names_nearest_counts() -> None:
    r = check_share(7, "50.0")
    assert "3/7" in r.message
    assert "4/7" in r.message


def test_bad_scheme_raises_even_in_checks() -> None:
    with pytest.raises(ValueError, match="unknown rounding scheme"):
        verify_growth(prior=1, current=2, reported="100", scheme="nope")  # type: ignore[arg-type]


# --- properties against the exact oracle ------------------------------------------------


def written(g: Fraction, d: int, scheme: str) -> str:
    """Reference text of g rounded to d places (independent of round_fraction)."""
    n = oracle_round(g * 10**d, scheme)
    digits = str(abs(n)).rjust(d + 1, "0")
    body = f"{digits[:-d]}.{digits[-d:]}" if d else digits
    return ("-" if n < 0 else "") + body


@given(p=st.integers(1, 10**7), c=st.integers(0, 10**7), d=st.integers(0, 4))
@example(p=466, c=786, d=2)
@example(p=8, c=9, d=0)  # 12.5%: a tie
@example(p=1, c=0, d=0)  # -100%
@example(p=200, c=1, d=0)  # -99.5% is written -100: unbounded prior
def test_round_trip_half_up_contains_the_prior(p: int, c: int, d: int) -> None:
    g = F(100 * (c - p), p)
    reported = written(g, d, "half_up")
    iv = implied_prior(c, reported)
    assert iv.contains(p)
    if iv.upper is None:  # the rate reaches -100%: documented ValueError, not a range
        with pytest.raises(ValueError, match="unbounded"):
            integer_priors(c, reported)
    else:
        assert p in integer_priors(c, reported)
    assert verify_growth(prior=p, current=c, reported=reported).status is Status.PASS


@given(case=growth_cases())
def test_generated_cases_pass_under_their_scheme(case: object) -> None:
    from lawgov_metrics.strategies import GrowthCase

    assert isinstance(case, GrowthCase)
    assert case.reported == written(case.growth, case.decimals, case.scheme)
    r = verify_growth(
        prior=case.prior, current=case.current, reported=case.reported, scheme=case.scheme
    )
    assert r.status is Status.PASS, r.message
    assert implied_prior(case.current, case.reported, scheme=case.scheme).contains(case.prior)


@given(case=growth_cases(schemes=["half_up"], max_decimals=1))
def test_ties_separate_half_up_and_half_even(case: object) -> None:
    from lawgov_metrics.strategies import GrowthCase

    assert isinstance(case, GrowthCase)
    assume(case.tie)
    even = verify_growth(
        prior=case.prior, current=case.current, reported=case.reported, scheme="half_even"
    )
    n = oracle_round(case.growth * 10**case.decimals, "half_up")
    assert (even.status is Status.PASS) == (n % 2 == 0)


@given(p=st.integers(1, 5000), c=st.integers(0, 5000), d=st.integers(0, 3),
       shift=st.integers(1, 50))  # fmt: skip
def test_verify_growth_fails_when_the_rate_is_off(p: int, c: int, d: int, shift: int) -> None:
    g = F(100 * (c - p), p)
    n = oracle_round(g * 10**d, "half_up") + shift
    wrong = written(F(n, 10**d), d, "half_up")
    r = verify_growth(prior=p, current=c, reported=wrong)
    assert r.status is Status.FAIL
    assert p not in implied_prior(c, wrong).integers() if c > 0 else True


@given(c=st.integers(1, 10**6), g=st.fractions(-99, 500, max_denominator=1000),
       d=st.integers(0, 3))  # fmt: skip
def test_integer_priors_are_exactly_the_consistent_integers(c: int, g: Fraction, d: int) -> None:
    reported = written(g, d, "half_up")
    ints = integer_priors(c, reported)
    iv = implied_prior(c, reported)
    assert iv.lower is not None
    assert iv.upper is not None
    lo, hi = math.floor(iv.lower), math.ceil(iv.upper)
    # growth is monotone in the prior, so the consistent priors form a run of integers:
    # checking around both ends (and the middle) tests the whole range
    probes = {*range(lo - 3, lo + 4), *range(hi - 3, hi + 4), (lo + hi) // 2}
    for p in sorted(k for k in probes if k >= 1):
        consistent = written(F(100 * (c - p), p), d, "half_up") == reported
        assert (p in ints) == consistent


@given(case=share_cases())
def test_share_cases_are_found(case: object) -> None:
    from lawgov_metrics.strategies import ShareCase

    assert isinstance(case, ShareCase)
    counts = share_counts(case.total, case.reported, scheme=case.scheme)
    assert case.count in counts
    r = check_share(case.total, case.reported, case.count, scheme=case.scheme)
    assert r.status is Status.PASS, r.message


@given(t=st.integers(1, 300), g=st.fractions(-5, 105, max_denominator=300), d=st.integers(0, 2),
       scheme=st.sampled_from(["half_up", "half_even", "floor", "truncate"]))  # fmt: skip
def test_share_counts_match_brute_force(t: int, g: Fraction, d: int, scheme: str) -> None:
    reported = written(g, d, scheme)
    expected = [k for k in range(t + 1) if written(F(100 * k, t), d, scheme) == reported]
    assert list(share_counts(t, reported, scheme=scheme)) == expected  # type: ignore[arg-type]
    status = check_share(t, reported, scheme=scheme).status  # type: ignore[arg-type]
    assert (status is Status.PASS) == bool(expected)


@given(a=st.fractions(0, 100, max_denominator=400), b=st.fractions(0, 100, max_denominator=400),
       d=st.integers(0, 2))  # fmt: skip
def test_pp_change_sound_for_true_rates(a: Fraction, b: Fraction, d: int) -> None:
    wa, wb, wd = written(a, d, "half_up"), written(b, d, "half_up"), written(b - a, d, "half_up")
    r = verify_pp_change(prior_rate=wa, current_rate=wb, reported=wd)
    assert r.status is Status.PASS, r.message
    assert r.observed == Decimal(wb) - Decimal(wa)


anything = st.one_of(
    st.none(), st.text(max_size=12), st.integers(-(10**30), 10**30),
    st.floats(allow_nan=True, allow_infinity=True), st.decimals(allow_nan=True),
    st.fractions(), st.booleans(), st.lists(st.integers(), max_size=2),
)  # fmt: skip


@given(prior=anything, current=anything, reported=anything)
@example(prior=Decimal("1E+999999"), current=Decimal("1E-999999"), reported="1")
@example(prior=10**5000, current=1, reported=10**5000)
@example(prior=F(1, 3**1000), current=1.5, reported=float("inf"))
def test_checks_never_raise_on_arbitrary_values(
    prior: object, current: object, reported: object
) -> None:
    for r in (
        verify_growth(prior=prior, current=current, reported=reported),  # type: ignore[arg-type]
        check_share(prior, reported, current),
        verify_pp_change(prior_rate=prior, current_rate=current, reported=reported),  # type: ignore[arg-type]
    ):
        assert r.status in tuple(Status)
        assert r.message


# -- the implied prior's fast path for bounded positive sets -------------------------------


@st.composite
def _bounded_positive(draw: st.DrawFn, top: int) -> lm.Interval:
    lo = draw(st.fractions(min_value=Fraction(1, 1000), max_value=top))
    width = draw(st.fractions(min_value=0, max_value=top))
    return lm.Interval(
        lower=lo, upper=lo + width, lower_closed=draw(st.booleans()),
        upper_closed=draw(st.booleans()),
    )  # fmt: skip


@given(
    current=_bounded_positive(10**6) | intervals(),
    rate=_bounded_positive(500) | intervals(),
)
def test_the_prior_fast_path_is_the_general_construction(
    current: lm.Interval, rate: lm.Interval
) -> None:
    from lawgov_metrics.growth import _HUNDRED, _prior_interval, _prior_interval_general

    assert _prior_interval(current, rate) == _prior_interval_general(current, rate / _HUNDRED + 1)
