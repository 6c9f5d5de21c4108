"""growth_cases and share_cases against the Fraction oracle, with their tie and near-miss rates.

The four counting tests draw a few thousand cases each and print what they measured
(``pytest -s``): the tie rate of consistent cases, and for inconsistent ones the tie rate, the
near-miss rate (one unit in the last written place from the right rate) and the rate at which
a float calculation with Python's ``round`` (banker's rounding) passes a wrong case.
"""

from __future__ import annotations

from collections import Counter
from fractions import Fraction

import attrs
import pytest
from hypothesis import find, given, settings
from oracles import growth_fits, is_tie, oracle_round, places_of, share_reachable, written

from lawgov_metrics.growth import check_share, implied_prior, verify_growth
from lawgov_metrics.results import Status
from lawgov_metrics.strategies import (
    DETERMINISTIC_SCHEMES,
    MISTAKES,
    GrowthCase,
    ShareCase,
    growth_cases,
    share_cases,
)

MANY = settings(max_examples=1500)


def units(text: str) -> int:
    return int(Fraction(text) * 10 ** places_of(text))


def float_check(part: int, whole: int, reported: str, *, growth: bool) -> bool:
    """A user's check: ``round((c - p) / p * 100, d)`` (or ``k / n * 100``) in floats."""
    x = (part - whole) / whole * 100 if growth else part / whole * 100
    return round(x, places_of(reported)) == float(reported)


def mistake_of(x: Fraction, reported: str, scheme: str) -> str:
    """What the oracle calls the mistake of writing ``x`` as ``reported`` under ``scheme``."""
    d = places_of(reported)
    right = written(x, d, scheme)
    if reported == right:
        return ""
    if any(written(x, d, s) == reported for s in DETERMINISTIC_SCHEMES):
        return "other_scheme"
    if abs(units(reported) - units(right)) == 1:
        return "one_unit"
    if units(reported) == -units(right):
        return "sign"
    return "far"


def report(title: str, seen: Counter[str]) -> None:
    n = seen["n"]
    shown = ", ".join(f"{k} {seen[k] / n:.1%}" for k in sorted(seen) if k != "n")
    print(f"\n{title} over {n} examples: {shown}")


# -- growth --------------------------------------------------------------------------------


def test_consistent_growth_cases_agree_with_the_oracle() -> None:
    seen: Counter[str] = Counter()

    @MANY
    @given(growth_cases())
    def prop(case: GrowthCase) -> None:
        assert attrs.evolve(case) == case
        assert growth_fits(case.prior, case.current, case.reported, case.scheme)
        r = verify_growth(
            prior=case.prior, current=case.current, reported=case.reported, scheme=case.scheme
        )
        assert r.status is Status.PASS, r.message
        assert implied_prior(case.current, case.reported, scheme=case.scheme).contains(case.prior)
        assert case.tie == is_tie(case.growth, case.decimals)
        seen["n"] += 1
        seen["tie"] += case.tie
        seen["decline"] += case.current < case.prior
        seen["zero growth"] += case.current == case.prior
        seen["float check fails"] += not float_check(
            case.current, case.prior, case.reported, growth=True
        )

    prop()
    report("growth_cases(consistent=True)", seen)
    assert seen["n"] >= 1000
    assert 0.25 <= seen["tie"] / seen["n"] <= 0.5
    assert seen["decline"] / seen["n"] >= 0.15
    assert seen["float check fails"] / seen["n"] >= 0.05


def test_inconsistent_growth_cases_fail_every_exact_reading() -> None:
    seen: Counter[str] = Counter()

    @MANY
    @given(growth_cases(consistent=False))
    def prop(case: GrowthCase) -> None:
        assert attrs.evolve(case) == case
        assert not growth_fits(case.prior, case.current, case.reported, case.scheme)
        r = verify_growth(
            prior=case.prior, current=case.current, reported=case.reported, scheme=case.scheme
        )
        assert r.status is Status.FAIL, r.message
        assert case.mistake == mistake_of(case.growth, case.reported, case.scheme)
        right = written(case.growth, case.decimals, case.scheme)
        seen["n"] += 1
        seen["tie"] += is_tie(case.growth, case.decimals)
        seen["near miss"] += abs(units(case.reported) - units(right)) == 1
        seen["tiny prior"] += case.prior < 10
        seen["decline"] += case.current < case.prior
        seen["zero growth"] += case.current == case.prior
        seen["float check passes"] += float_check(
            case.current, case.prior, case.reported, growth=True
        )

    prop()
    report("growth_cases(consistent=False)", seen)
    n = seen["n"]
    assert n >= 1000
    assert seen["near miss"] / n >= 0.6
    assert seen["tie"] / n >= 0.25
    for kind in ("tiny prior", "decline", "zero growth"):
        assert seen[kind] / n >= 0.03, kind
    assert seen["float check passes"] / n >= 0.05


@pytest.mark.parametrize("scheme", ["half_up", "half_even", "half_down"])
def test_growth_ties_for_every_scheme(scheme: str) -> None:
    case = find(growth_cases(schemes=[scheme]), lambda c: c.tie)
    assert (case.growth * 10**case.decimals).denominator == 2
    assert written(case.growth, case.decimals, scheme) == case.reported


@pytest.mark.parametrize("mistake", [m for m in MISTAKES if m])
def test_every_growth_mistake_is_drawn(mistake: str) -> None:
    case = find(growth_cases(consistent=False), lambda c: c.mistake == mistake)
    assert mistake_of(case.growth, case.reported, case.scheme) == mistake


@given(growth_cases(50, min_decimals=1, max_decimals=1))
def test_growth_cases_respect_their_bounds(case: GrowthCase) -> None:
    assert 1 <= case.prior <= 50
    assert 0 <= case.current <= 50
    assert case.decimals == 1


def test_growth_case_validators() -> None:
    ok = {"prior": 8, "current": 9, "decimals": 0, "scheme": "half_up", "reported": "13"}
    assert GrowthCase(**ok).consistent
    for bad, match in [
        ({"prior": 0}, "prior"),
        ({"current": -1}, "current"),
        ({"reported": "13.0"}, "exactly 0 places"),
        ({"reported": "-0", "current": 8}, "exactly 0 places"),
        ({"scheme": "up_or_down"}, "scheme"),
        ({"mistake": "typo"}, "mistake"),
        ({"reported": "12"}, "must name its mistake"),
        ({"mistake": "one_unit"}, "consistent, yet"),
    ]:
        with pytest.raises(ValueError, match=match):
            GrowthCase(**{**ok, **bad})  # type: ignore[arg-type]


# -- shares --------------------------------------------------------------------------------


def test_consistent_share_cases_agree_with_the_oracle() -> None:
    seen: Counter[str] = Counter()

    @MANY
    @given(share_cases())
    def prop(case: ShareCase) -> None:
        assert attrs.evolve(case) == case
        assert written(case.share, case.decimals, case.scheme) == case.reported
        r = check_share(case.total, case.reported, case.count, scheme=case.scheme)
        assert r.status is Status.PASS, r.message
        assert case.tie == is_tie(case.share, case.decimals)
        seen["n"] += 1
        seen["tie"] += case.tie
        seen["float check fails"] += not float_check(
            case.count, case.total, case.reported, growth=False
        )

    prop()
    report("share_cases(consistent=True)", seen)
    assert seen["n"] >= 1000
    assert 0.25 <= seen["tie"] / seen["n"] <= 0.5


def test_inconsistent_share_cases_fail_with_and_without_the_count() -> None:
    seen: Counter[str] = Counter()

    @MANY
    @given(share_cases(consistent=False))
    def prop(case: ShareCase) -> None:
        assert attrs.evolve(case) == case
        assert not share_reachable(case.total, case.reported, case.scheme)
        assert Fraction(case.reported) >= 0
        for count in (case.count, None):
            r = check_share(case.total, case.reported, count, scheme=case.scheme)
            assert r.status is Status.FAIL, r.message
        assert case.mistake == mistake_of(case.share, case.reported, case.scheme)
        right = written(case.share, case.decimals, case.scheme)
        seen["n"] += 1
        seen["tie"] += is_tie(case.share, case.decimals)
        seen["near miss"] += abs(units(case.reported) - units(right)) == 1
        seen["past 100%"] += Fraction(case.reported) > 100
        seen["float check passes"] += float_check(
            case.count, case.total, case.reported, growth=False
        )

    prop()
    report("share_cases(consistent=False)", seen)
    n = seen["n"]
    assert n >= 1000
    assert seen["near miss"] / n >= 0.6
    assert seen["tie"] / n >= 0.25
    assert seen["past 100%"] / n >= 0.01


@pytest.mark.parametrize("scheme", ["half_up", "half_even", "half_down"])
def test_share_ties_for_every_scheme(scheme: str) -> None:
    case = find(share_cases(schemes=[scheme]), lambda c: c.tie)
    k = oracle_round(case.share * 10**case.decimals, scheme)
    assert written(case.share, case.decimals, scheme) == case.reported
    assert abs(case.share * 10**case.decimals - k) == Fraction(1, 2)


@given(share_cases(50, min_decimals=1, max_decimals=1))
def test_share_cases_respect_their_bounds(case: ShareCase) -> None:
    assert 0 <= case.count <= case.total <= 50
    assert case.decimals == 1


def test_share_case_validators() -> None:
    ok = {"total": 8, "count": 1, "decimals": 0, "scheme": "half_up", "reported": "13"}
    assert ShareCase(**ok).tie
    for bad, match in [
        ({"total": 0}, "total"),
        ({"count": 9}, "above the total"),
        ({"reported": "12"}, "must name its mistake"),
        # 14% of 8 misses 1/8 by a unit, but no mistake of a total of 100: 14/100 gives it
        ({"total": 100, "count": 13, "reported": "14", "mistake": "one_unit"}, "k = 14"),
    ]:
        with pytest.raises(ValueError, match=match):
            ShareCase(**{**ok, **bad})  # type: ignore[arg-type]
