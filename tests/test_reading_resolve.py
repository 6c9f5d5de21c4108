"""Tests for lawgov_metrics.reading.clauses.resolve: choosing a candidate by the numbers."""

from __future__ import annotations

from fractions import Fraction

import hypothesis.strategies as st
from hypothesis import given
from oracles import round_half_up

import lawgov_metrics as lm
from lawgov_metrics.numerals import parse_quantity
from lawgov_metrics.reading.clauses.resolve import (
    CONSISTENT,
    CONTRADICTS,
    EXACT,
    Choice,
    growth_fit,
    list_fit,
    resolve,
    share_fit,
)


def q(n: int | str, unit: str = "件") -> lm.Quantity:
    return parse_quantity(f"{n}{unit}")


@given(st.lists(st.integers(0, 10_000), min_size=1, max_size=6), st.integers(0, 60_000))
def test_list_fit_against_exact_sums(parts: list[int], total: int) -> None:
    s = sum(parts)
    partial = list_fit(q(total), [q(p) for p in parts], exhaustive=False)
    whole = list_fit(q(total), [q(p) for p in parts], exhaustive=True)
    assert whole == (EXACT if s == total else CONTRADICTS)
    assert partial == (EXACT if s == total else CONSISTENT if s < total else CONTRADICTS)
    # a sum of printed figures is a total like any other
    assert list_fit([q(total), q(0)], [q(p) for p in parts], exhaustive=True) == whole


@given(st.integers(1, 5000), st.data())
def test_share_fit_against_an_exact_oracle(n: int, data: st.DataObject) -> None:
    k = data.draw(st.integers(0, n))
    places = data.draw(st.integers(0, 2))
    rate = round_half_up(Fraction(100 * k, n), places)
    written = parse_quantity(f"{float(rate):.{places}f}%")
    assert share_fit(written, q(n), q(k)) == EXACT
    assert share_fit(written, q(n)) == CONSISTENT
    other = data.draw(st.integers(0, n))
    expected = round_half_up(Fraction(100 * other, n), places) == rate
    assert (share_fit(written, q(n), q(other)) == EXACT) is expected


def test_share_fit_knows_when_no_count_fits() -> None:
    assert share_fit(parse_quantity("98.73%"), q(1497, "宗")) == CONSISTENT
    assert share_fit(parse_quantity("98.73%"), q(700, "宗")) == CONTRADICTS
    # approximate figures cannot contradict anything
    assert share_fit(parse_quantity("98.73%"), parse_quantity("约1500宗")) == CONSISTENT


@given(st.integers(1, 3000), st.integers(1, 3000), st.integers(0, 2))
def test_growth_fit_against_an_exact_oracle(prior: int, current: int, places: int) -> None:
    g = Fraction(current - prior, prior) * 100
    r = round_half_up(abs(g), places)
    written = parse_quantity(f"{'-' if g < 0 and r else ''}{float(r):.{places}f}%")
    assert growth_fit(written, q(current), q(prior)) == EXACT
    assert growth_fit(written, q(current)) == CONSISTENT


def test_growth_fit_rejects_a_rate_no_whole_prior_gives() -> None:
    assert growth_fit(parse_quantity("68.67%"), q(786)) == CONSISTENT
    assert growth_fit(parse_quantity("68.67%"), q(3)) == CONTRADICTS


def test_resolve_takes_the_evidence_in_order() -> None:
    levels = {1: CONTRADICTS, 2: CONSISTENT, 3: EXACT, 4: CONSISTENT}
    assert resolve([1, 3], levels.__getitem__, stated=False) == Choice(
        3, lm.Binding.ARITHMETIC, (1,)
    )
    assert resolve([2, 4], levels.__getitem__, stated=False).binding is lm.Binding.POSITIONAL
    assert resolve([1, 2, 4], levels.__getitem__, stated=False).ref == 2
    # nothing fits: the first, positional, every other one an alternative
    assert resolve([1], levels.__getitem__, stated=False) == Choice(1, lm.Binding.POSITIONAL)
    assert resolve([1, 1], lambda r: CONTRADICTS, stated=False).binding is lm.Binding.POSITIONAL
    # stated: the first whatever the numbers say
    assert resolve([1, 3], levels.__getitem__, stated=True) == Choice(1, lm.Binding.STATED, (3,))
    assert resolve([], levels.__getitem__, stated=True).ref is None
