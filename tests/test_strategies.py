"""Tests for lawgov_metrics.strategies (Chinese numerals checked against cn2an)."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import cn2an
import pytest
from hypothesis import given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from lawgov_metrics import strategies
from lawgov_metrics.records import Qualifier, Quantity
from lawgov_metrics.rounding import Interval
from lawgov_metrics.strategies import (
    chinese_numerals,
    decimals_strings,
    growth_cases,
    intervals,
    quantities,
    share_cases,
    to_chinese,
)


def test_all_matches_public_names() -> None:
    public = {
        n for n, v in vars(strategies).items()
        if not n.startswith("_") and getattr(v, "__module__", None) == strategies.__name__
    }  # fmt: skip
    assert public | {"DETERMINISTIC_SCHEMES"} == set(strategies.__all__)
    assert strategies.__all__ == sorted(strategies.__all__)


@pytest.mark.parametrize(
    ("n", "text"),
    [
        (0, "零"), (10, "十"), (15, "十五"), (20, "二十"), (108, "一百零八"),
        (1010, "一千零一十"), (2305, "二千三百零五"), (10000, "一万"), (100000, "十万"),
        (100002, "十万零二"), (1001000, "一百万一千"), (10010000, "一千零一万"),
        (100000001, "一亿零一"), (100010000, "一亿零一万"), (10**12, "一万亿"),
        (1234_5678_9012_3456, "一千二百三十四万五千六百七十八亿九千零一十二万三千四百五十六"),
    ],
)  # fmt: skip
def test_to_chinese_known_values(n: int, text: str) -> None:
    assert to_chinese(n) == text


def test_to_chinese_liang_and_formal_ten() -> None:
    assert to_chinese(2305, liang=True) == "两千三百零五"
    assert to_chinese(20000, liang=True) == "两万"
    assert to_chinese(22, liang=True) == "二十二"
    assert to_chinese(150000, formal_ten=True) == "一十五万"
    with pytest.raises(ValueError, match="10\\*\\*16"):
        to_chinese(-1)


@given(chinese_numerals(0, 10**12))
def test_chinese_numerals_agree_with_cn2an(pair: tuple[str, int]) -> None:
    text, value = pair
    assert cn2an.cn2an(text, "normal") == value
    assert "零零" not in text
    assert not text.endswith("零") or value == 0


@given(chinese_numerals(10**12, 10**16 - 1))
def test_large_chinese_numerals_agree_with_cn2an(pair: tuple[str, int]) -> None:
    text, value = pair
    assert cn2an.cn2an(text, "normal") == value


@given(decimals_strings(-5, 5, min_places=1, max_places=3))
def test_decimals_strings_respect_bounds_and_places(text: str) -> None:
    value = Decimal(text)
    assert -5 <= value <= 5
    assert 1 <= len(text.partition(".")[2]) <= 3


def test_decimals_strings_keep_trailing_zeros() -> None:
    from hypothesis import find

    assert find(decimals_strings(0, 100, min_places=2, max_places=2), lambda s: s.endswith("0"))


@given(quantities())
def test_quantities_are_consistent(q: Quantity) -> None:
    assert str(q.value).lstrip("-") in q.text or q.value == 0
    assert q.rounded == (q.resolution < 1 or q.unit == "%")
    b = q.bounds()
    assert not b.is_empty
    if q.qualifier in (Qualifier.EXACT, Qualifier.ABOUT, Qualifier.AT_LEAST):
        assert b.contains(q.value)


@given(intervals(-10, 10, allow_unbounded=False))
def test_intervals_bounded_nonempty(iv: Interval) -> None:
    assert iv.lower is not None
    assert iv.upper is not None
    assert -10 <= iv.lower <= iv.upper <= 10
    assert not iv.is_empty


@given(st.from_type(Quantity), st.from_type(Interval))
def test_type_strategies_registered(q: Quantity, iv: Interval) -> None:
    assert isinstance(q, Quantity)
    assert isinstance(iv, Interval)


def test_growth_cases_reach_ties_for_every_scheme() -> None:
    from hypothesis import find

    for scheme in ("half_up", "half_even", "half_down"):
        case = find(growth_cases(schemes=[scheme]), lambda c: c.tie)
        g = case.growth * 10**case.decimals
        assert g - int(g) in (Fraction(1, 2), Fraction(-1, 2))


@given(share_cases(50))
def test_share_cases_within_total(case: strategies.ShareCase) -> None:
    assert 0 <= case.count <= case.total <= 50


@pytest.mark.parametrize(
    "call",
    [
        lambda: decimals_strings(5, 1),
        lambda: decimals_strings(0, 1, min_places=3, max_places=2),
        lambda: decimals_strings("0.001", "0.002", max_places=1),
        lambda: chinese_numerals(-1, 5),
        lambda: chinese_numerals(0, 10**17),
        lambda: quantities(units=[]),
        lambda: intervals(3, 1),
        lambda: growth_cases(0),
        lambda: growth_cases(schemes=["up_or_down"]),
        lambda: share_cases(max_decimals=20),
    ],
)
def test_arguments_are_validated_up_front(call: object) -> None:
    with pytest.raises(InvalidArgument):
        call()  # type: ignore[operator]
