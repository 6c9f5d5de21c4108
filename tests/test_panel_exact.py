"""The exact columns (DecimalArray, FractionArray) and the column converters of from_frame."""

from __future__ import annotations

import math
from decimal import Decimal, localcontext
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_metrics.errors import SchemaError
from lawgov_metrics.panel import DecimalArray, FractionArray, Panel
from lawgov_metrics.panel._convert import decimal_column, fraction_column, to_decimal, to_fraction

decimals = st.one_of(
    st.decimals(allow_nan=False, allow_infinity=False),  # any exponent, any size, -0
    st.integers(-(10**30), 10**30).map(Decimal),
    st.decimals(min_value=-1000, max_value=1000, places=3),
)
fractions = st.one_of(
    st.fractions(max_denominator=10**6),
    st.builds(Fraction, st.integers(-(2**70), 2**70), st.integers(1, 2**70)),
)


@given(st.lists(st.one_of(decimals, st.none()), max_size=30))
def test_decimal_array_keeps_every_decimal_as_written(values: list[Decimal | None]) -> None:
    arr = DecimalArray._from_sequence(values)
    got = arr.tolist()
    assert len(got) == len(values)
    for g, v in zip(got, values, strict=True):
        if v is None:
            assert g is None
        else:
            assert isinstance(g, Decimal)
            assert g.as_tuple() == v.as_tuple()  # sign, digits and exponent: as written
    floats = arr.to_float()
    for f, v in zip(floats.tolist(), values, strict=True):
        assert (math.isnan(f) and v is None) or f == float(v)  # type: ignore[arg-type]
    num, den, ok = arr.fraction_parts()
    for i, v in enumerate(values):
        if ok[i]:
            assert Fraction(int(num[i]), int(den[i])) == Fraction(v)  # type: ignore[arg-type]
        else:
            assert v is None or arr.fraction_at(i) == Fraction(v)


@given(st.lists(st.one_of(fractions, st.none()), max_size=30))
def test_fraction_array_is_exact_and_reduced(values: list[Fraction | None]) -> None:
    arr = FractionArray._from_sequence(values)
    assert arr.tolist() == values
    num, den, ok = arr.parts()
    for i, v in enumerate(values):
        assert bool(ok[i]) == (
            v is not None and -(2**63) < v.numerator < 2**63 and v.denominator < 2**63
        )
        if ok[i]:
            assert (int(num[i]), int(den[i])) == (v.numerator, v.denominator)  # type: ignore[union-attr]
    assert [None if math.isnan(f) else f for f in arr.to_float().tolist()] == [
        None if v is None else float(v) for v in values
    ]


def test_unreduced_parts_are_reduced_on_demand() -> None:
    arr = FractionArray(np.array([6, -4, 0]), np.array([8, 2, 5]), np.zeros(3, bool), reduced=False)
    assert arr.tolist() == [Fraction(3, 4), Fraction(-2), Fraction(0)]
    num, den, _ = arr.parts()
    assert num.tolist() == [3, -2, 0]
    assert den.tolist() == [4, 1, 1]


def test_pandas_operations_keep_values_exact() -> None:
    big = Fraction(10**30, 7)
    s = pd.Series(FractionArray._from_sequence([Fraction(1, 3), None, big, Fraction(-2)]))
    assert s.dtype.name == "fraction"
    assert s.iloc[2] == big
    assert s.take([2, 0]).tolist() == [big, Fraction(1, 3)]
    assert s[s.notna()].tolist() == [Fraction(1, 3), big, Fraction(-2)]
    assert s.sort_values().tolist() == [Fraction(-2), Fraction(1, 3), big, None]
    assert pd.concat([s, s]).tolist() == s.tolist() * 2
    assert (s == Fraction(1, 3)).tolist() == [True, False, False, False]
    assert (s > 0).tolist() == [True, False, True, False]
    assert s.reindex([3, 9]).tolist() == [Fraction(-2), None]
    assert s.sum() == Fraction(1, 3) + big - 2
    assert s.max() == big
    assert (s * 3).tolist() == [1, None, 3 * big, -6]
    assert s.astype(float).tolist()[0] == pytest.approx(1 / 3)
    assert s.equals(s.copy())
    assert s.to_string().split() == ["0", "1/3", "1", "None", "2", str(big), "3", "-2"]
    d = pd.Series(DecimalArray._from_sequence(["63.10", "63.1", None]))
    assert [str(x) for x in d] == ["63.10", "63.1", "None"]
    assert (d == Decimal("63.1")).tolist() == [True, True, False]  # equal values
    assert d.unique().tolist() == [Decimal("63.10"), None]


def test_setting_a_value_never_changes_a_shared_column() -> None:
    diff = FractionArray._from_sequence([Fraction(1), Fraction(2)])
    pp = diff.masked(np.array([True, False]))  # shares the parts with diff
    pp[0] = Fraction(9)
    assert pp.tolist() == [Fraction(9), Fraction(2)]
    assert diff.tolist() == [Fraction(1), Fraction(2)]
    with pytest.raises(SchemaError):
        pp[1] = "abc"


def test_boxing_ignores_the_callers_decimal_context() -> None:
    arr = DecimalArray._from_sequence(["12345.678", "98.73"])
    with localcontext() as ctx:
        ctx.prec = 3
        assert [str(x) for x in arr] == ["12345.678", "98.73"]
        assert arr.to_float().tolist() == [12345.678, 98.73]


# -- column converters: the same answers as the cell converters -------------------------------

cells = st.one_of(
    st.none(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=True, allow_infinity=False, width=64),
    st.decimals(allow_nan=False, allow_infinity=False),
    st.decimals(allow_nan=False, allow_infinity=False).map(str),
    st.fractions(max_denominator=50),
    st.sampled_from(["", " 12.50 ", "931/2", "abc", "1e3", "-0.0"]),
)


def _scalar(convert: object, x: object) -> object:
    try:
        return convert(x, where="")  # type: ignore[operator]
    except SchemaError:
        return SchemaError


def _same(a: object, b: object) -> bool:
    if isinstance(a, Decimal) and isinstance(b, Decimal):
        return a.as_tuple() == b.as_tuple()
    return a == b


@settings(max_examples=200)
@given(st.lists(cells, max_size=12), st.sampled_from(["object", "native"]))
def test_value_column_equals_the_cell_converter(data: list[object], how: str) -> None:
    s = pd.Series(data, dtype=object)
    if how == "native":  # let pandas infer (int64, float64, str ...) where it can
        s = pd.Series(data)
    want = [_scalar(to_decimal, x) for x in s.tolist()]
    if SchemaError in want:
        with pytest.raises(SchemaError, match=r"row \d+, column 'value'"):
            decimal_column(s, "value")
        return
    got = decimal_column(s, "value").tolist()
    assert all(_same(g, w) for g, w in zip(got, want, strict=True)), (got, want)


@settings(max_examples=200)
@given(st.lists(cells, max_size=12))
def test_bound_column_equals_the_cell_converter(data: list[object]) -> None:
    s = pd.Series(data, dtype=object)
    want = [_scalar(to_fraction, x) for x in data]
    if SchemaError in want:
        with pytest.raises(SchemaError, match=r"row \d+, column 'lower'"):
            fraction_column(s, "lower")
        return
    assert fraction_column(s, "lower").tolist() == want


def test_float_columns_go_through_the_shortest_repr() -> None:
    s = pd.Series([12.5, 12.0, 0.1, -0.0, np.nan, 1e16])
    got = decimal_column(s, "value").tolist()
    assert [str(x) for x in got] == ["12.5", "12.0", "0.1", "-0.0", "None", "1E+16"]
    ints = pd.Series([12.0, -3.0, np.nan])  # the vectorised whole-float path
    assert [None if x is None else x.as_tuple() for x in decimal_column(ints, "v").tolist()] == [
        Decimal("12.0").as_tuple(), Decimal("-3.0").as_tuple(), None,
    ]  # fmt: skip


def test_errors_name_the_first_bad_row() -> None:
    df = pd.DataFrame({"jurisdiction": ["甲"] * 3, "indicator": ["x"] * 3,
                       "year": [2021, 2022, 2023.5], "value": [1, 2, 3]})  # fmt: skip
    with pytest.raises(SchemaError, match=r"row 2, column 'year'"):
        Panel.from_frame(df)
    df["year"] = [2021, 2022, 2023]
    df["value"] = pd.Series(["1", "x", "x"], dtype="str")
    with pytest.raises(SchemaError, match=r"row 1, column 'value'"):
        Panel.from_frame(df)
    df["value"] = [1, 2, 3]
    df["origin"] = ["reported", "guessed", "reported"]
    with pytest.raises(SchemaError, match=r"row 1, column 'origin'"):
        Panel.from_frame(df)
