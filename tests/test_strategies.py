"""The strategies package as users meet it: names, argument checks, registration, numbers.

Chinese numerals are checked against cn2an; quantities against ``parse_quantity``. The case,
rate and panel strategies have their own modules (test_strategies_*.py).
"""

from __future__ import annotations

import importlib.metadata
import inspect
import subprocess
import sys
import tomllib
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

import attrs
import cn2an
import pytest
from hypothesis import find, given
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from lawgov_metrics import parse_quantity, strategies
from lawgov_metrics.records import Qualifier, Quantity
from lawgov_metrics.rounding import Interval
from lawgov_metrics.strategies import (
    GrowthCase,
    ShareCase,
    chinese_numerals,
    decimals_strings,
    disclosure_tables,
    growth_cases,
    intervals,
    panels,
    quantities,
    report_texts,
    reported_rates,
    share_cases,
    to_chinese,
)

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _public_strategies() -> dict[str, Callable[..., object]]:
    """The functions of ``__all__`` that return a SearchStrategy (from their annotation)."""
    out = {}
    for name in strategies.__all__:
        value = getattr(strategies, name)
        if inspect.isfunction(value) and "SearchStrategy" in str(
            inspect.signature(value).return_annotation
        ):
            out[name] = value
    return out


# -- the public namespace ------------------------------------------------------------------


def test_all_matches_public_names() -> None:
    defined = {
        name for name, value in vars(strategies).items()
        if not name.startswith("_") and not inspect.ismodule(value)
        and name not in {"annotations"}
    }  # fmt: skip
    assert defined == set(strategies.__all__)
    assert strategies.__all__ == sorted(strategies.__all__, key=lambda n: (not n.isupper(), n))


def test_all_lists_every_strategy() -> None:
    assert set(_public_strategies()) == {
        "chinese_numerals", "decimals_strings", "disclosure_tables", "growth_cases",
        "intervals", "panels", "quantities", "report_texts", "reported_rates", "share_cases",
    }  # fmt: skip


@pytest.mark.parametrize("name", sorted(_public_strategies()))
def test_bounds_first_everything_else_keyword_only(name: str) -> None:
    params = inspect.signature(getattr(strategies, name)).parameters.values()
    positional = [p.name for p in params if p.kind is inspect.Parameter.POSITIONAL_OR_KEYWORD]
    assert len(positional) <= 2, positional
    assert all(p.startswith(("min_", "max_")) for p in positional), positional
    assert all(
        p.kind in (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
        for p in params
    )


# Every public strategy, and for each some calls that must fail when the strategy is made.
INVALID: dict[str, list[Callable[[], object]]] = {
    "decimals_strings": [
        lambda: decimals_strings(5, 1),
        lambda: decimals_strings(0, 1, min_places=3, max_places=2),
        lambda: decimals_strings("0.001", "0.002", max_places=1),
        lambda: decimals_strings(0, "x"),
    ],
    "chinese_numerals": [
        lambda: chinese_numerals(-1, 5),
        lambda: chinese_numerals(0, 10**17),
        lambda: chinese_numerals(0, 1.5),  # type: ignore[arg-type]
    ],
    "quantities": [
        lambda: quantities(units=[]),
        lambda: quantities(units="件"),
        lambda: quantities(qualifiers=["about"]),  # type: ignore[list-item]
        lambda: quantities(max_places=-1),
    ],
    "intervals": [lambda: intervals(3, 1), lambda: intervals(allow_empty=1)],  # type: ignore[arg-type]
    "growth_cases": [
        lambda: growth_cases(0),
        lambda: growth_cases(True),
        lambda: growth_cases(schemes=["up_or_down"]),
        lambda: growth_cases(schemes="half_up"),  # type: ignore[arg-type]
        lambda: growth_cases(min_decimals=3, max_decimals=2),
        lambda: growth_cases(consistent="no"),  # type: ignore[arg-type]
    ],
    "share_cases": [
        lambda: share_cases(0),
        lambda: share_cases(max_decimals=20),
        lambda: share_cases(schemes=[]),
        lambda: share_cases(consistent=None),  # type: ignore[arg-type]
    ],
    "reported_rates": [
        lambda: reported_rates(min_decimals=-1),
        lambda: reported_rates(5, 1),
        lambda: reported_rates(-5, 10, signed=False),
        lambda: reported_rates(forms=["roman"]),
        lambda: reported_rates(forms=[]),
        lambda: reported_rates("0.001", "0.002", max_decimals=2),
    ],
    "panels": [
        lambda: panels(2024, 2020),
        lambda: panels(1900),
        lambda: panels(jurisdictions=[]),
        lambda: panels(jurisdictions=["甲区", "甲区"]),
        lambda: panels(max_value=0),
        lambda: panels(gaps="yes"),  # type: ignore[arg-type]
    ],
    "disclosure_tables": [
        lambda: disclosure_tables(0),
        lambda: disclosure_tables(form="2020"),  # type: ignore[arg-type]
        lambda: disclosure_tables(fmt="pdf"),
        lambda: disclosure_tables(tables=[]),
        lambda: disclosure_tables(tables="t3"),
        lambda: disclosure_tables(tables=["t5"]),
        lambda: disclosure_tables(consistent=False, tables=["t2"]),
        lambda: disclosure_tables(breaks=["disclosure.t4_blocks"]),
        lambda: disclosure_tables(
            consistent=False, tables=["t4"], breaks=["disclosure.t3_balance"]
        ),
        lambda: disclosure_tables(marks="yes"),  # type: ignore[arg-type]
    ],
    "report_texts": [
        lambda: report_texts(consistent="yes"),  # type: ignore[arg-type]
        lambda: report_texts(script="cantonese"),
        lambda: report_texts(numerals="roman"),
        lambda: report_texts(structures=["prose"]),
        lambda: report_texts(consistent=False, structures=["counts"]),
        lambda: report_texts(min_sentences=3, max_sentences=2),
    ],
}


def test_every_strategy_has_invalid_argument_cases() -> None:
    assert set(INVALID) == set(_public_strategies())


@pytest.mark.parametrize(
    "call", [c for calls in INVALID.values() for c in calls], ids=lambda c: "call"
)
def test_arguments_are_validated_up_front(call: Callable[[], object]) -> None:
    with pytest.raises(InvalidArgument):
        call()


@pytest.mark.parametrize("name", sorted(_public_strategies()))
def test_defaults_make_a_strategy(name: str) -> None:
    made = getattr(strategies, name)()
    assert isinstance(made, st.SearchStrategy)


# -- registration ------------------------------------------------------------------------


def test_entry_point_and_classifier_are_declared() -> None:
    points = importlib.metadata.entry_points(group="hypothesis")
    assert "lawgov_metrics.strategies:_hypothesis_setup_hook" in {p.value for p in points}
    assert "Framework :: Hypothesis" in PYPROJECT["project"]["classifiers"]
    assert PYPROJECT["project"]["entry-points"]["hypothesis"]["_"] == (
        "lawgov_metrics.strategies:_hypothesis_setup_hook"
    )


@given(st.from_type(Quantity))
def test_from_type_quantity(q: Quantity) -> None:
    assert isinstance(q, Quantity)
    attrs.validate(q)
    assert parse_quantity(q.text) == q


@given(st.from_type(Interval))
def test_from_type_interval(iv: Interval) -> None:
    assert isinstance(iv, Interval)
    assert attrs.evolve(iv) == iv  # the constructor's checks pass
    assert not iv.is_empty


@given(st.from_type(GrowthCase))
def test_from_type_growth_case(case: GrowthCase) -> None:
    assert isinstance(case, GrowthCase)
    assert attrs.evolve(case) == case
    assert case.consistent


@given(st.from_type(ShareCase))
def test_from_type_share_case(case: ShareCase) -> None:
    assert isinstance(case, ShareCase)
    assert attrs.evolve(case) == case
    assert case.consistent


@pytest.mark.parametrize("first", ["hypothesis", "lawgov_metrics.strategies"])
def test_registration_in_a_fresh_interpreter(first: str) -> None:
    """The hook runs when Hypothesis is imported, whichever of the two comes first, and
    without the user importing the strategies at all."""
    code = (
        f"import {first}\n"
        "from hypothesis import find, strategies as st\n"
        "import lawgov_metrics as lm\n"
        "from lawgov_metrics.strategies import GrowthCase\n"
        "print(type(find(st.from_type(lm.Quantity), lambda q: True)).__name__,\n"
        "      find(st.from_type(GrowthCase), lambda c: c.tie).tie,\n"
        "      'pandas' in __import__('sys').modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert done.stdout.split() == ["Quantity", "True", "False"]


# -- numbers -----------------------------------------------------------------------------


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
    assert find(decimals_strings(0, 100, min_places=2, max_places=2), lambda s: s.endswith("0"))


# -- quantities and intervals -----------------------------------------------------------


@given(quantities())
def test_quantities_are_consistent(q: Quantity) -> None:
    attrs.validate(q)
    assert str(q.value).lstrip("-") in q.text or q.value == 0
    assert q.rounded == (q.resolution < 1 or q.unit == "%")
    b = q.bounds()
    assert not b.is_empty
    if q.qualifier in (Qualifier.EXACT, Qualifier.ABOUT, Qualifier.AT_LEAST):
        assert b.contains(q.value)


@given(quantities(0, 10**6, qualifiers=[Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.NEARLY]))
def test_quantities_parse_back_to_themselves(q: Quantity) -> None:
    assert parse_quantity(q.text) == q


@given(intervals(-10, 10, allow_unbounded=False))
def test_intervals_bounded_nonempty(iv: Interval) -> None:
    assert iv.lower is not None
    assert iv.upper is not None
    assert -10 <= iv.lower <= iv.upper <= 10
    assert not iv.is_empty


def test_intervals_reach_shared_open_ends_and_unbounded_ones() -> None:
    find(intervals(0, 1), lambda iv: iv.lower is None and iv.upper is not None)
    find(intervals(0, 1), lambda iv: not iv.lower_closed and iv.lower is not None)
    find(intervals(0, 1), lambda iv: iv.lower is not None and iv.lower.denominator > 2)
    assert find(intervals(0, 1, allow_empty=True), lambda iv: iv.is_empty).is_empty
