"""Tests for the assertion helpers in lawgov_metrics.testing: each passes genuine input, fails
wrong input with a message showing the implied interval, and raises nothing but
AssertionError whatever it is given."""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics.growth import check_share, verify_growth
from lawgov_metrics.results import Status
from lawgov_metrics.rounding import Interval, unround
from lawgov_metrics.strategies import GrowthCase, ShareCase, growth_cases, share_cases
from lawgov_metrics.testing import (
    assert_balance_consistent,
    assert_check_status,
    assert_growth_consistent,
    assert_interval_contains,
    assert_reports_equal,
    assert_share_consistent,
)

JUNK = st.one_of(
    st.none(), st.booleans(), st.integers(-(10**6), 10**6), st.text(max_size=8),
    st.floats(allow_nan=True), st.fractions(), st.decimals(allow_nan=True),
    st.sampled_from(["68.67", "-12.5", "0", "1e400", "%%", "NaN", "12.5%", "", "  "]),
)  # fmt: skip


def only_assertion_errors(call: Callable[[], None]) -> None:
    """Run ``call``: it may return or raise AssertionError (with a message), nothing else."""
    try:
        call()
    except AssertionError as exc:
        message = str(exc)
    else:
        return
    assert message, "an AssertionError without a message"


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


# -- growth --------------------------------------------------------------------------------


def test_assert_growth_consistent_examples() -> None:
    assert_growth_consistent(466, 786, "68.67")
    assert_growth_consistent(8, 9, "12", scheme="half_even")
    assert_growth_consistent(8, 9, lm.parse_quantity("13%"))
    with pytest.raises(AssertionError) as info:
        assert_growth_consistent(465, 786, "68.67", msg="花都区")
    text = str(info.value)
    assert text.startswith("花都区: growth 465 -> 786 is not 68.67% (half_up)")
    assert "[68.665, 68.675)" in text  # the interval the rate stands for
    assert "(465.985…, 466.013…]: 466" in text  # the implied prior and its one integer
    with pytest.raises(AssertionError, match="prior of 0"):
        assert_growth_consistent(0, 786, "68.67")
    with pytest.raises(AssertionError, match="scheme"):
        assert_growth_consistent(8, 9, "13", scheme="bankers")  # type: ignore[arg-type]
    with pytest.raises(AssertionError, match="cannot"):
        assert_growth_consistent(8, 9, "thirteen")


@given(growth_cases(10**5))
def test_consistent_growth_cases_pass(case: GrowthCase) -> None:
    assert_growth_consistent(case.prior, case.current, case.reported, scheme=case.scheme)


@given(growth_cases(10**5, consistent=False))
def test_inconsistent_growth_cases_fail_with_the_interval(case: GrowthCase) -> None:
    with pytest.raises(AssertionError) as info:
        assert_growth_consistent(case.prior, case.current, case.reported, scheme=case.scheme)
    text = str(info.value)
    assert str(unround(case.reported, scheme=case.scheme)) in text
    assert "imply a prior in " in text
    assert case.scheme in text


@given(JUNK, JUNK, JUNK)
def test_growth_helper_raises_only_assertion_errors(p: object, c: object, r: object) -> None:
    only_assertion_errors(lambda: assert_growth_consistent(p, c, r))  # type: ignore[arg-type]


# -- shares --------------------------------------------------------------------------------


def test_assert_share_consistent_examples() -> None:
    assert_share_consistent(1497, "98.73")
    assert_share_consistent(1497, "98.73", count=1478)
    assert_share_consistent(8, "12", count=1, scheme="half_even")
    with pytest.raises(AssertionError, match=r"\[49\.95, 50\.05\), and no count out of 7.*3/7"):
        assert_share_consistent(7, "50.0")
    with pytest.raises(AssertionError, match=r"1477/1497 = 98\.6640…% is not 98\.73%.*k = 1478"):
        assert_share_consistent(1497, "98.73", count=1477)
    with pytest.raises(AssertionError, match=r"100\.5% .*\[100\.45, 100\.55\), which no share"):
        assert_share_consistent(10, "100.5")
    with pytest.raises(AssertionError, match="cannot check the share"):
        assert_share_consistent(0, "50")


@given(share_cases(2000))
def test_consistent_share_cases_pass(case: ShareCase) -> None:
    assert_share_consistent(case.total, case.reported, scheme=case.scheme)
    assert_share_consistent(case.total, case.reported, case.count, scheme=case.scheme)


@given(share_cases(2000, consistent=False), st.booleans())
def test_inconsistent_share_cases_fail_with_the_interval(case: ShareCase, with_count: bool) -> None:
    count = case.count if with_count else None
    with pytest.raises(AssertionError) as info:
        assert_share_consistent(case.total, case.reported, count, scheme=case.scheme)
    assert f"{case.reported}% stands for {unround(case.reported, scheme=case.scheme)}" in str(
        info.value
    )


@given(JUNK, JUNK, JUNK)
@example(9.223372036854776e20, 1.0, 0)  # more than 2**63 counts fit: len(range) overflows
def test_share_helper_raises_only_assertion_errors(t: object, r: object, k: object) -> None:
    only_assertion_errors(lambda: assert_share_consistent(t, r, k))  # type: ignore[arg-type]


# -- balances ------------------------------------------------------------------------------


def fig(text: str) -> lm.Figure:
    q = lm.parse_quantity(text)
    return lm.Figure(quantity=q, quote=text)


def test_assert_balance_consistent_examples() -> None:
    assert_balance_consistent(870, 25, 880, 15)
    assert_balance_consistent("870", Decimal(25), Fraction(880), 15)
    claim = lm.BalanceClaim(
        received=fig("870件"), carried_in=fig("25件"), concluded=fig("880件"),
        carried_out=fig("15件"), handled=fig("895件"),
    )  # fmt: skip
    assert_balance_consistent(claim)
    # a rounded figure stands for its interval: 1.2万 is [11500, 12500)
    assert_balance_consistent(fig("1.2万件"), 25, 12000, 300)
    assert_balance_consistent(None, None, 880, 15, handled=895)
    with pytest.raises(AssertionError) as info:
        assert_balance_consistent(870, 25, 880, 14)
    assert str(info.value) == (
        "the balance does not hold: received + carried_in = 870 + 25 = 895, but concluded + "
        "carried_out = 880 + 14 = 894; the other terms imply carried_out = 15"
    )
    with pytest.raises(
        AssertionError, match=r"carried_out in \[0, 525\), that is 0…524 \(525 whole counts\)$"
    ):
        assert_balance_consistent(fig("1.2万件"), 25, 12000, 600)
    with pytest.raises(AssertionError, match=r"below zero \(\[-10, -10\]\): too many concluded"):
        assert_balance_consistent(10, 0, 20, 0)
    with pytest.raises(AssertionError, match="895, but the handled total is 896"):
        assert_balance_consistent(attrs.evolve(claim, handled=fig("896件")))


def test_assert_balance_consistent_needs_enough_terms() -> None:
    with pytest.raises(AssertionError, match=r"missing carried_out \(结转下年\)"):
        assert_balance_consistent(870, 25, 880)
    with pytest.raises(AssertionError, match="missing received and carried_in, or handled"):
        assert_balance_consistent(None, 25, 880, 15)
    with pytest.raises(AssertionError, match="either a BalanceClaim or the numbers"):
        assert_balance_consistent(lm.BalanceClaim(), 1)
    with pytest.raises(AssertionError, match="carried_in must be a number"):
        assert_balance_consistent(870, "many", 880, 15)


@given(st.integers(0, 10**6), st.integers(0, 10**4), st.integers(0, 10**6), st.integers(-50, 50))
def test_generated_balances(received: int, carried_in: int, concluded: int, shift: int) -> None:
    carried_out = received + carried_in - concluded
    if carried_out < 0:
        concluded, carried_out = received + carried_in, 0
    assert_balance_consistent(received, carried_in, concluded, carried_out)
    if shift:
        with pytest.raises(AssertionError, match=f"imply carried_out = {carried_out}$"):
            assert_balance_consistent(received, carried_in, concluded, carried_out + shift)


@given(JUNK, JUNK, JUNK, JUNK)
def test_balance_helper_raises_only_assertion_errors(
    a: object, b: object, c: object, d: object
) -> None:
    only_assertion_errors(lambda: assert_balance_consistent(a, b, c, d))  # type: ignore[arg-type]


# -- reports -------------------------------------------------------------------------------

TEXT = (
    "2023年,全区共收到行政复议申请786宗,同比增长68.67%。办结率达98.73%。"
    "调解矛盾纠纷1497宗,成功率达98.73%。"
)


def test_assert_reports_equal_passes_equal_reports() -> None:
    a = lm.extract(TEXT, jurisdiction="花都区", year=2023)
    assert_reports_equal(a, lm.extract(TEXT, jurisdiction="花都区", year=2023))
    assert_reports_equal(a, attrs.evolve(a, path="elsewhere.txt"), ignore=["path"])


def test_assert_reports_equal_names_every_difference() -> None:
    a = lm.extract(TEXT, jurisdiction="花都区", year=2023)
    b = lm.extract(TEXT.replace("786宗", "785宗"), jurisdiction="花都区", year=2022)
    with pytest.raises(AssertionError) as info:
        assert_reports_equal(a, b, msg="round trip")
    text = str(info.value)
    assert text.startswith("round trip: the reports differ in ")
    assert "text: differs at offset 19" in text
    assert "year: 2023 != 2022" in text
    assert "figures[0].quantity: 786宗 vs 785宗" in text
    assert "(stands for [786, 786] vs [785, 785])" in text
    assert re.search(r"claims\[0\]\.figure\.quantity: 786宗 vs 785宗", text)


def test_assert_reports_equal_lists_missing_figures() -> None:
    a = lm.extract(TEXT, year=2023)
    b = attrs.evolve(a, figures=a.figures[:-1])
    with pytest.raises(AssertionError, match=r"figures\[\d+\]: only in actual: Figure\("):
        assert_reports_equal(a, b)
    with pytest.raises(AssertionError, match=r"figures\[\d+\]: only in expected"):
        assert_reports_equal(b, a)


def test_assert_reports_equal_refuses_bad_arguments() -> None:
    a = lm.extract(TEXT)
    with pytest.raises(AssertionError, match="expected must be a Report, got str"):
        assert_reports_equal(a, TEXT)  # type: ignore[arg-type]
    with pytest.raises(AssertionError, match=r"ignore names no Report field: \['paths'\]"):
        assert_reports_equal(a, a, ignore=["paths"])


@given(JUNK, JUNK)
def test_reports_helper_raises_only_assertion_errors(a: object, b: object) -> None:
    only_assertion_errors(lambda: assert_reports_equal(a, b))  # type: ignore[arg-type]
