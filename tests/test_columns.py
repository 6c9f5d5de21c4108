"""The column readers of the frame checks: arbitrary input never crashes them, and what
they read agrees with how the single-case checks read each value."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from lawgov_metrics._exact import float_decimal
from lawgov_metrics.growth import exact_value, is_missing, rate_interval
from lawgov_metrics.mappers import _columns
from lawgov_metrics.mappers._columns import BAD, MISSING, OK, SLOW, read_counts, read_rates
from lawgov_metrics.rounding import unround

number_text = st.builds(
    lambda sign, digits, frac, pct, pad: f"{pad}{sign}{digits}{frac}{pct}{pad}",
    st.sampled_from(["", "-", "+", "−"]),
    st.text("0123456789", min_size=1, max_size=20),
    st.one_of(st.just(""), st.text("0123456789", max_size=9).map(lambda f: "." + f)),
    st.sampled_from(["", "%", "％", "%%"]),
    st.sampled_from(["", " ", "\t", "\u3000"]),
)
texts = st.one_of(
    number_text, st.text(max_size=12), st.sampled_from(["", " ", "1,234.5", "６８．６７"])
)


def _single_case_rate(v: object) -> tuple[int, Fraction | None]:
    """(code, value) as verify_growth reads a reported rate."""
    if is_missing(v):
        return MISSING, None
    try:
        iv = rate_interval(v)
    except (ValueError, TypeError):
        return BAD, None
    assert iv.lower is not None
    assert iv.upper is not None
    return OK, (iv.lower + iv.upper) / 2


Array = np.ndarray  # type: ignore[type-arg]


def _check_rates(values: list[object], num: Array, places: Array, code: Array) -> None:
    for v, n, d, k in zip(values, num.tolist(), places.tolist(), code.tolist(), strict=True):
        want, middle = _single_case_rate(v)
        if k == SLOW:
            continue  # decided by the single-case function itself
        assert k == want, (v, k, want)
        if k == OK:
            assert 0 <= d <= _columns.MAX_PLACES
            assert Fraction(n, 10**d) == middle, (v, n, d)
            assert unround(Decimal(n).scaleb(-d)) == rate_interval(v), v


@given(values=st.lists(texts, max_size=30))
@example(values=["68.67", "-0.0", "007.50", "1e5", "+5", "5.", ".5", "1" * 20])
def test_text_rates_read_as_the_single_case_reads_them(values: list[str]) -> None:
    series = pd.Series(values, dtype="str")
    got = read_rates(series)
    _check_rates(series.tolist(), *got)
    for dtype in ("object", "string[python]"):
        again = read_rates(series.astype(dtype))
        assert all((a == b).all() for a, b in zip(got, again, strict=True))


@given(values=st.lists(texts, max_size=30))
def test_text_rates_are_the_same_without_pyarrow(values: list[str]) -> None:
    series = pd.Series(values, dtype="str")
    with_arrow = read_rates(series)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(_columns, "_arrow", lambda: None)
        without = read_rates(series)
    for a, b in zip(with_arrow, without, strict=True):
        assert a.tolist() == b.tolist()


@given(values=st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=40))
@example(values=[68.67, 12.0, -0.0, 1e-05, 0.1 + 0.2, 5e-324, 1e15, 123456789.123456, 1e300])
def test_float_rates_are_read_by_their_shortest_repr(values: list[float]) -> None:
    series = pd.Series(values, dtype="float64")
    num, places, code = read_rates(series)
    _check_rates(values, num, places, code)
    for x, n, d, k in zip(values, num.tolist(), places.tolist(), code.tolist(), strict=True):
        if k == OK:
            assert Decimal(n).scaleb(-d) == float_decimal(x)
            assert -float_decimal(x).as_tuple().exponent == d or x.is_integer()


objects = st.one_of(
    st.none(), st.integers(-(2**70), 2**70), st.floats(), st.booleans(), st.decimals(),
    st.fractions(), texts, st.just(pd.NA), st.just(np.int64(7)), st.just(np.float32(2.5)),
)  # fmt: skip


@given(values=st.lists(objects, max_size=30))
def test_object_rates_read_as_the_single_case_reads_them(values: list[object]) -> None:
    series = pd.Series(values, dtype=object)
    _check_rates(series.tolist(), *read_rates(series))


def _single_case_count(v: object) -> tuple[int, Fraction | None]:
    if is_missing(v):
        return MISSING, None
    try:
        return OK, exact_value(v)
    except (ValueError, TypeError):
        return BAD, None


@given(values=st.lists(objects, max_size=30))
def test_counts_read_as_the_single_case_reads_them(values: list[object]) -> None:
    series = pd.Series(values, dtype=object)
    frames = [series]
    if all(isinstance(v, str) for v in values):
        frames.append(series.astype("str"))
    for col in frames:
        out, code = read_counts(col)
        for v, n, k in zip(col.tolist(), out.tolist(), code.tolist(), strict=True):
            want, value = _single_case_count(v)
            if k == SLOW:
                continue
            assert k == want, (v, k, want)
            if k == OK:
                assert value == n, v
                assert abs(n) < 2**62


@pytest.mark.parametrize(
    "series",
    [
        pd.Series([1, None, 3], dtype="Int64"),
        pd.Series([1, 2**64 - 1], dtype="uint64"),
        pd.Series([1.0, float("nan"), 2.5, float("inf"), 2.0**60, 1e120]),
        pd.Series([True, False]),
        pd.Series([1, None], dtype="Float64"),
        pd.Series(["1", None, " 2 ", "x", "٣"], dtype="str"),
        pd.Series(["1", "2"], dtype="category"),
        pd.Series(np.array([1, 2], dtype=np.int8)),
    ],
)
def test_typed_count_columns(series: pd.Series) -> None:  # type: ignore[type-arg]
    out, code = read_counts(series)
    for v, n, k in zip(series.tolist(), out.tolist(), code.tolist(), strict=True):
        want, value = _single_case_count(v)
        if k != SLOW:
            assert k == want, (v, k)
            if k == OK:
                assert value == n
