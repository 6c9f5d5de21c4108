"""reported_rates: every printed rate reads back with parse_quantity to the value it stands for."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal

from hypothesis import given, settings

from lawgov_metrics import parse_quantity
from lawgov_metrics.strategies import reported_rates

_ARABIC = re.compile(r"[0-9０-９]")


def _places(value: Decimal) -> int:
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return -exponent


def _check(text: str, value: Decimal) -> None:
    q = parse_quantity(text)
    assert q.unit == "%", text
    assert q.value.as_tuple() == value.as_tuple(), (text, q.value, value)  # digits, places, sign
    assert q.rounded
    if _ARABIC.search(text) or "点" in text:  # Chinese integers have their own resolution
        assert q.resolution == Decimal(1).scaleb(-_places(value)), text


def test_reported_rates_parse_to_their_value_and_reach_every_form() -> None:
    seen: Counter[str] = Counter()

    @settings(max_examples=1000)
    @given(reported_rates())
    def prop(pair: tuple[str, Decimal]) -> None:
        text, value = pair
        _check(text, value)
        d = _places(value)
        assert 0 <= d <= 4
        assert -100 <= value <= 1000
        seen["n"] += 1
        seen["tie one place further"] += d > 0 and text.rstrip("%％").endswith(("5", "５", "五"))
        seen["trailing zero"] += d > 0 and value.as_tuple().digits[-1] == 0
        seen["百分之 + Chinese"] += text.startswith("百分之") and not _ARABIC.search(text)
        seen["百分之 + Arabic"] += text.startswith("百分之") and bool(_ARABIC.search(text))
        seen["full-width digits"] += bool(re.search("[０-９]", text))
        seen["％"] += text.endswith("％")
        seen["plus sign"] += text[0] in "+＋"
        seen["minus sign"] += text[0] in "-−－"
        seen["− (U+2212)"] += text[0] == "−"

    prop()
    n = seen["n"]
    print(f"\nreported_rates() over {n} examples: " + ", ".join(
        f"{k} {v / n:.1%}" for k, v in sorted(seen.items()) if k != "n"
    ))  # fmt: skip
    assert n >= 500
    assert seen["tie one place further"] / n >= 0.2
    for kind, count in seen.items():
        assert count / n >= 0.01, kind


@given(reported_rates("-5.5", 5, min_decimals=1, max_decimals=2))
def test_reported_rates_respect_bounds_and_places(pair: tuple[str, Decimal]) -> None:
    text, value = pair
    _check(text, value)
    assert Decimal("-5.5") <= value <= 5
    assert 1 <= _places(value) <= 2


@given(reported_rates(signed=False))
def test_unsigned_rates_carry_no_sign(pair: tuple[str, Decimal]) -> None:
    text, value = pair
    _check(text, value)
    assert value >= 0
    assert text[0] not in "+-−＋－"


@given(reported_rates(max_value=100, forms=["chinese"]))
def test_chinese_forms(pair: tuple[str, Decimal]) -> None:
    text, value = pair
    _check(text, value)
    if text.startswith("百分之"):
        assert not _ARABIC.search(text)
    else:  # a decline, or a written trailing zero (点五零), is printed in Arabic digits
        assert value < 0 or (_places(value) and value.as_tuple().digits[-1] == 0), text


@given(reported_rates(forms=["fullwidth"], min_decimals=1))
def test_fullwidth_forms(pair: tuple[str, Decimal]) -> None:
    text, value = pair
    _check(text, value)
    assert not re.search("[0-9]", text)
    assert text.endswith("％")
