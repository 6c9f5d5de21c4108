"""Cells and columns to the panel's exact types, column by column instead of row by row.

The scalar converters (``to_decimal``, ``to_fraction``, ``to_bool``, ``to_year``) define what
a cell may hold; the column converters give the same results for a whole column at once:
numeric dtypes without a Python loop, text columns once per distinct value, and only object
columns of mixed content cell by cell. Every error names the row and column.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from ..errors import SchemaError, UnknownIndicatorError
from ..indicators import Indicator, Vocabulary, unit_kind_of
from ._exact import DecimalArray, FractionArray

__all__: list[str] = []

REQUIRED = ("jurisdiction", "indicator", "year", "value")
ORIGINS = ("reported", "basis", "implied_growth", "implied_difference")


# -- scalars ------------------------------------------------------------------------------


def is_missing(x: object) -> bool:
    """None, NaN, ``pd.NA`` and ``pd.NaT`` are missing."""
    if x is None:
        return True
    if isinstance(x, float) and math.isnan(x):
        return True
    return bool(x is pd.NA or x is pd.NaT)


def to_decimal(x: object, *, where: str) -> Decimal | None:
    """An exact Decimal from a cell; floats go through their shortest repr."""
    if is_missing(x):
        return None
    if isinstance(x, bool):
        raise SchemaError(f"{where}: expected a number, got the bool {x!r}")
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise SchemaError(f"{where}: {x!r} is not a finite number")
        return x
    if isinstance(x, Fraction):
        try:
            return DecimalArray._coerce(x)
        except SchemaError as exc:
            raise SchemaError(f"{where}: {exc}") from None
    if isinstance(x, int) or hasattr(type(x), "__index__"):
        return Decimal(int(x))  # type: ignore[call-overload]  # int-like (numpy) scalars
    if isinstance(x, float):
        if math.isinf(x):
            raise SchemaError(f"{where}: {x!r} is not a finite number")
        return Decimal(repr(x))
    if isinstance(x, str):
        s = x.strip()
        if s == "":
            return None
        try:
            d = Decimal(s)
        except InvalidOperation:
            raise SchemaError(f"{where}: {x!r} is not a decimal number") from None
        if not d.is_finite():
            raise SchemaError(f"{where}: {x!r} is not a finite number")
        return d
    raise SchemaError(f"{where}: expected a number, got {type(x).__name__} {x!r}")


def to_fraction(x: object, *, where: str) -> Fraction | None:
    """An exact Fraction from a cell (``"931/2"``, a decimal string, Decimal, int)."""
    if is_missing(x):
        return None
    if isinstance(x, Fraction):
        return x
    if isinstance(x, str) and "/" in x:
        try:
            return Fraction(x.strip())
        except (ValueError, ZeroDivisionError):
            raise SchemaError(f"{where}: {x!r} is not a fraction") from None
    d = to_decimal(x, where=where)
    return None if d is None else Fraction(d)


def to_bool(x: object, *, where: str, default: bool) -> bool:
    """A bool from a cell (``True``, ``"true"``, ``1``...); missing gives ``default``."""
    if is_missing(x):
        return default
    if isinstance(x, bool):
        return x
    if isinstance(x, str) and x.strip().lower() in {"true", "false", "1", "0"}:
        return x.strip().lower() in {"true", "1"}
    if isinstance(x, int) or hasattr(type(x), "__index__"):
        return bool(x)
    raise SchemaError(f"{where}: expected a bool, got {x!r}")


def to_year(x: object, *, where: str) -> int | None:
    """A whole year from a cell, or ``None``."""
    if is_missing(x):
        return None
    if isinstance(x, bool):
        raise SchemaError(f"{where}: expected a year, got {x!r}")
    if isinstance(x, float):
        if not x.is_integer():
            raise SchemaError(f"{where}: {x!r} is not a whole year")
        return int(x)
    try:
        return int(str(x).strip()) if isinstance(x, str) else int(x)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise SchemaError(f"{where}: {x!r} is not a year") from None


def to_str(x: object, default: str = "") -> str:
    """A text cell; missing gives ``default``."""
    return default if is_missing(x) else str(x)


# -- columns ------------------------------------------------------------------------------


def _where(i: int, col: str) -> str:
    return f"row {i}, column {col!r}"


def _is_text(s: pd.Series) -> bool:
    """Whether every non-missing cell is a str (so that factorizing keeps them apart)."""
    if isinstance(s.dtype, pd.CategoricalDtype):
        return pd.api.types.infer_dtype(s.cat.categories, skipna=True) in ("string", "empty")
    if pd.api.types.is_string_dtype(s.dtype) and s.dtype != object:
        return True
    if s.dtype == object:
        return pd.api.types.infer_dtype(s, skipna=True) in ("string", "empty")
    return False


def factorize_text(s: pd.Series) -> tuple[np.ndarray, list[str]] | None:
    """``(codes, uniques)`` of a text column (code -1 where missing), or ``None``."""
    if not _is_text(s):
        return None
    if isinstance(s.dtype, pd.CategoricalDtype):
        return np.asarray(s.cat.codes, dtype=np.int64), [str(c) for c in s.cat.categories]
    codes, uniques = pd.factorize(s, use_na_sentinel=True)
    return np.asarray(codes, dtype=np.int64), [str(u) for u in uniques]


def per_cell(
    s: pd.Series, convert: Callable[[object, str], Any], col: str, *, cache: bool = True
) -> list[Any]:
    """``convert(cell, where)`` for every cell; results of str/int/bool cells are cached."""
    out: list[Any] = []
    memo: dict[tuple[type, object], Any] = {}
    for i, x in enumerate(s.tolist()):
        key = (type(x), x) if cache and type(x) in (str, int, bool) else None
        if key is not None and key in memo:
            out.append(memo[key])
            continue
        v = convert(x, _where(i, col))
        if key is not None:
            memo[key] = v
        out.append(v)
    return out


def categorical(codes: np.ndarray, cats: list[str]) -> pd.Categorical:
    """A Categorical from codes into ``cats`` (duplicates in ``cats`` are merged)."""
    if len(set(cats)) == len(cats):
        order = pd.Index(cats, dtype=object)
        return pd.Categorical.from_codes(
            codes.astype(_code_dtype(len(cats))), categories=order, validate=False
        )
    first: dict[str, int] = {}
    for c in cats:
        first.setdefault(c, len(first))
    mapping = np.array([first[c] for c in cats], dtype=np.int64)
    new = np.where(codes >= 0, mapping[np.clip(codes, 0, None)], -1)
    return pd.Categorical.from_codes(
        new.astype(_code_dtype(len(first))),
        categories=pd.Index(list(first), dtype=object),
        validate=False,
    )


def _code_dtype(n: int) -> type[np.signedinteger[Any]]:
    if n < 2**7:
        return np.int8
    if n < 2**15:
        return np.int16
    return np.int32 if n < 2**31 else np.int64


def text_column(
    s: pd.Series | None,
    n: int,
    default: str | tuple[np.ndarray, list[str]] | None = "",
    *,
    empty_is_missing: bool = False,
) -> pd.Categorical:
    """A text column as a Categorical; missing cells (or no column) take ``default``.

    ``default`` is a string, ``None`` (missing stays missing), or per-row ``(codes, cats)``
    (the label of each row's indicator, say). With ``empty_is_missing`` an empty string
    counts as missing.
    """
    d_codes: np.ndarray | None
    if default is None:
        d_codes, d_cats = None, []
    elif isinstance(default, str):
        d_codes, d_cats = np.zeros(n, dtype=np.int64), [default]
    else:
        d_codes, d_cats = default
    if s is None:
        if d_codes is None:
            return categorical(np.full(n, -1, dtype=np.int64), [])
        return categorical(d_codes, d_cats)
    fac = factorize_text(s)
    if fac is None:
        vals = [None if is_missing(x) else str(x) for x in s.tolist()]
        codes_, uniq_ = pd.factorize(pd.Series(vals, dtype=object), use_na_sentinel=True)
        fac = np.asarray(codes_, dtype=np.int64), [str(u) for u in uniq_]
    codes, cats = fac
    if empty_is_missing and "" in cats:
        codes = np.where(codes == cats.index(""), -1, codes)
    if d_codes is None:
        return categorical(codes, cats)
    merged = np.where(codes >= 0, codes, len(cats) + d_codes)
    return categorical(merged, cats + d_cats)


def decimal_column(s: pd.Series, col: str) -> DecimalArray:
    """The exact decimals of a numeric or text column (see :func:`to_decimal`)."""
    dt = s.dtype
    if isinstance(s.array, DecimalArray):
        return s.array.copy()
    if pd.api.types.is_bool_dtype(dt) and not isinstance(dt, pd.BooleanDtype):
        if len(s):
            to_decimal(bool(s.iloc[0]), where=_where(0, col))
        return DecimalArray._pack([])
    if pd.api.types.is_integer_dtype(dt) and not pd.api.types.is_unsigned_integer_dtype(dt):
        mask = np.asarray(s.isna(), dtype=bool)
        vals = s.to_numpy(dtype=np.int64, na_value=0)
        return DecimalArray.from_int64(vals, mask)
    if pd.api.types.is_float_dtype(dt):
        arr = s.to_numpy(dtype=np.float64, na_value=np.nan)
        bad = np.flatnonzero(np.isinf(arr))
        if len(bad):
            to_decimal(float(arr[bad[0]]), where=_where(int(bad[0]), col))
        mask = np.isnan(arr)
        negzero = np.signbit(arr) & (arr == 0)
        whole = ~mask & (arr == np.floor(arr)) & (np.abs(arr) < 1e16) & ~negzero
        if (whole | mask).all():
            # repr(12.0) is "12.0" for every whole float below 1e16, so Decimal(repr(x)) has
            # the coefficient 10 * x and the exponent -1.
            coef = np.where(mask, 0, arr).astype(np.int64) * 10
            exp = np.where(mask, 0, -1).astype(np.int8)
            return DecimalArray(coef, exp, mask)
        codes, uniques = pd.factorize(np.where(negzero, np.nan, arr))
        conv = DecimalArray._pack([Decimal(repr(float(u))) for u in uniques])
        out = conv.take(codes, allow_fill=True)
        if negzero.any():
            out[np.flatnonzero(negzero)] = Decimal("-0.0")
        return out
    fac = factorize_text(s)
    if fac is not None:
        codes, texts = fac
        conv_list: list[Decimal | None] = []
        for k, u in enumerate(texts):
            try:
                conv_list.append(to_decimal(u, where=""))
            except SchemaError:
                first = int(np.flatnonzero(codes == k)[0])
                to_decimal(u, where=_where(first, col))
        conv = DecimalArray._pack(conv_list)
        return conv.take(codes, allow_fill=True)
    return DecimalArray._pack(per_cell(s, lambda x, w: to_decimal(x, where=w), col, cache=False))


def fraction_column(s: pd.Series, col: str) -> FractionArray:
    """The exact fractions of a column (see :func:`to_fraction`)."""
    if isinstance(s.array, FractionArray):
        return s.array.copy()
    dt = s.dtype
    if pd.api.types.is_float_dtype(dt) or pd.api.types.is_integer_dtype(dt):
        return fractions_of(decimal_column(s, col))
    fac = factorize_text(s)
    if fac is not None:
        codes, uniques = fac
        conv_list: list[Fraction | None] = []
        for k, u in enumerate(uniques):
            try:
                conv_list.append(to_fraction(u, where=""))
            except SchemaError:
                first = int(np.flatnonzero(codes == k)[0])
                to_fraction(u, where=_where(first, col))
        return FractionArray._pack(conv_list).take(codes, allow_fill=True)
    return FractionArray._pack(per_cell(s, lambda x, w: to_fraction(x, where=w), col, cache=False))


def fractions_of(values: DecimalArray) -> FractionArray:
    """The decimals as exact fractions (vectorised; Python only for int64 overflow)."""
    num, den, ok = values.fraction_parts()
    mask = values.isna()
    out = FractionArray(num, den, mask)
    slow = np.flatnonzero(~ok & ~mask)
    if len(slow):
        big = np.full(len(values), None, dtype=object)
        for i in slow.tolist():
            big[i] = values.fraction_at(i)
        out = FractionArray(num, den, mask, big)
    return out


def bool_column(s: pd.Series | None, default: np.ndarray, col: str) -> np.ndarray:
    """A bool column; missing cells (or no column) take the per-row ``default``."""
    if s is None:
        return np.asarray(default, dtype=bool).copy()
    if s.dtype == bool:
        return s.to_numpy(dtype=bool).copy()
    if isinstance(s.dtype, pd.BooleanDtype):
        mask = np.asarray(s.isna(), dtype=bool)
        vals = s.to_numpy(dtype=bool, na_value=False)
        return np.where(mask, default, vals)
    if pd.api.types.is_integer_dtype(s.dtype) and not s.isna().any():
        return np.asarray(s.to_numpy() != 0, dtype=bool)
    dflt = np.asarray(default, dtype=bool).tolist()
    out = np.empty(len(s), dtype=bool)
    for i, x in enumerate(s.tolist()):
        out[i] = to_bool(x, where=_where(i, col), default=dflt[i])
    return out


def year_column(s: pd.Series, col: str) -> pd.arrays.IntegerArray:
    """The years of a column as a nullable Int64 array."""
    dt = s.dtype
    if pd.api.types.is_integer_dtype(dt):
        mask = np.asarray(s.isna(), dtype=bool)
        return pd.arrays.IntegerArray(s.to_numpy(dtype=np.int64, na_value=0), mask)
    if pd.api.types.is_float_dtype(dt):
        arr = s.to_numpy(dtype=np.float64, na_value=np.nan)
        mask = np.isnan(arr)
        bad = np.flatnonzero(~mask & ((arr != np.floor(arr)) | np.isinf(arr)))
        if len(bad):
            to_year(float(arr[bad[0]]), where=_where(int(bad[0]), col))
        return pd.arrays.IntegerArray(np.where(mask, 0, arr).astype(np.int64), mask)
    vals = per_cell(s, lambda x, w: to_year(x, where=w), col)
    mask = np.array([v is None for v in vals], dtype=bool)
    data = np.array([0 if v is None else v for v in vals], dtype=np.int64)
    return pd.arrays.IntegerArray(data, mask)


def columns_from_frame(df: pd.DataFrame, voc: Vocabulary) -> dict[str, Any]:
    """The panel's stored columns from a long frame (see :meth:`Panel.from_frame`)."""
    missing = [c for c in REQUIRED if c not in df.columns]
    if missing:
        raise SchemaError(f"a panel frame needs columns {list(REQUIRED)}; missing {missing}")
    n = len(df)
    present = set(df.columns)

    def get(name: str) -> pd.Series | None:
        return df[name] if name in present else None

    value = decimal_column(df["value"], "value")
    raw = text_column(df["indicator"], n, "")
    unit = text_column(get("unit"), n, "")
    n_units = max(len(unit.categories), 1)
    if n_units == 1:  # one unit (or none given): the indicator's own codes number the pairs
        pair = np.asarray(raw.codes, dtype=np.int64)
        uniq = np.arange(len(raw.categories))
    else:
        pair, uniq = pd.factorize(
            np.asarray(raw.codes, dtype=np.int64) * n_units + np.asarray(unit.codes)
        )
        pair = np.asarray(pair, dtype=np.int64)
    ids, labels, kinds, matched = [], [], [], []
    for k in np.asarray(uniq).tolist():
        name = str(raw.categories[k // n_units])
        u = str(unit.categories[k % n_units]) if len(unit.categories) else ""
        ind: Indicator | None
        try:
            ind = voc.get(name)
        except UnknownIndicatorError:
            ind = voc.match(name, u or None)
        ids.append(ind.id if ind is not None else name)
        labels.append(ind.label if ind is not None else name)
        kinds.append(ind.unit_kind if ind is not None else (unit_kind_of(u) or "count"))
        matched.append(ind is not None)
    derived = bool_column(get("derived"), np.zeros(n, dtype=bool), "derived")
    lower = fraction_column(df["lower"], "lower") if "lower" in present else None
    upper = fraction_column(df["upper"], "upper") if "upper" in present else None
    if lower is None or upper is None:
        own = fractions_of(value)
        lower = own if lower is None else lower
        upper = own if upper is None else upper
    origin = text_column(
        get("origin"), n, (derived.astype(np.int64), ["reported", "implied_growth"])
    )
    for k, name in enumerate(origin.categories):
        if name not in ORIGINS:
            i = int(np.flatnonzero(np.asarray(origin.codes) == k)[0])
            raise SchemaError(f"row {i}, column 'origin': {name!r} not one of {ORIGINS}")
    cols: dict[str, Any] = {
        "jurisdiction": text_column(df["jurisdiction"], n, ""),
        "indicator": categorical(pair, ids),
        "label": text_column(get("label"), n, (pair, labels)),
        "year": year_column(df["year"], "year"),
        "value": value,
        "unit": unit,
        "qualifier": (
            text_column(get("qualifier"), n, None, empty_is_missing=True)
            if "qualifier" in present
            else text_column(None, n, "exact")
        ),
        "lower": lower,
        "upper": upper,
        "lower_closed": bool_column(get("lower_closed"), ~lower.isna(), "lower_closed"),
        "upper_closed": bool_column(get("upper_closed"), ~upper.isna(), "upper_closed"),
        "unit_kind": text_column(get("unit_kind"), n, (pair, kinds), empty_is_missing=True),
        "matched": bool_column(get("matched"), np.array(matched, dtype=bool)[pair], "matched"),
        "subject": text_column(get("subject"), n, ""),
        "source": text_column(get("source"), n, ""),
        "quote": text_column(get("quote"), n, ""),
        "derived": derived,
        "origin": origin,
        "note": text_column(get("note"), n, ""),
    }
    return cols
