"""Tests for the assertion helpers in lawgov_metrics.testing."""

from __future__ import annotations

from fractions import Fraction

import pytest

from lawgov_metrics.growth import check_share, verify_growth
from lawgov_metrics.results import Status
from lawgov_metrics.rounding import Interval, unround
from lawgov_metrics.testing import (
    assert_check_status,
    assert_growth_consistent,
    assert_interval_contains,
)


def test_assert_interval_contains() -> None:
    assert_interval_contains(unround("68.67"), "68.665")
    with pytest.raises(AssertionError, match=r"68\.675 is not in \[68\.665, 68\.675\).*open upper"):
        assert_interval_contains(unround("68.67"), "68.675")
    with pytest.raises(AssertionError, match="closed lower end 1"):
        assert_interval_contains(Interval(lower=1, upper=2), Fraction(1, 2))
    with pytest.raises(AssertionError, match=r"^ctx: .*empty"):
        assert_interval_contains(Interval.empty(), 0, "ctx")


def test_assert_check_status() -> None:
    assert_check_status(check_share(1497, "98.73"), Status.PASS)
    assert_check_status(check_share(7, "50.0"), "fail")
    with pytest.raises(
        AssertionError, match=r"to pass, got FAIL \(no_integer_count\): 50\.0% of 7"
    ):
        assert_check_status(check_share(7, "50.0"), "pass")
    with pytest.raises(ValueError, match="'passed'"):
        assert_check_status(verify_growth(prior=1, current=1, reported="0"), "passed")


def test_assert_growth_consistent() -> None:
    assert_growth_consistent(466, 786, "68.67")
    assert_growth_consistent(8, 9, "12", scheme="half_even")
    with pytest.raises(AssertionError, match=r"786 vs 465.*68\.67%.*does not round"):
        assert_growth_consistent(465, 786, "68.67")
    with pytest.raises(AssertionError, match="prior of 0"):
        assert_growth_consistent(0, 786, "68.67")
