"""Frame columns read into int64 arrays plus a per-row code, for the vectorised checks.

Each reader returns what the fast path can use and, for every row, one of four codes:

* :data:`OK`: read exactly (an integer that fits int64; a rate as a scaled integer);
* :data:`MISSING`: what the single-case check calls ``missing_value`` (None, NaN, NA,
  a blank string);
* :data:`BAD`: what the single-case check calls ``bad_input`` (a fractional float count,
  infinity, a bool...);
* :data:`SLOW`: anything else. Such a row is decided by the single-case function, so a
  reader only marks MISSING or BAD where that function certainly says so.

String rates are parsed with pyarrow compute when pyarrow is installed (the ``fast`` extra;
pandas 3 keeps text columns in Arrow already), else by parsing each distinct value once.
Both give the same result; neither ever rounds.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal
from fractions import Fraction
from functools import cache
from types import ModuleType
from typing import TYPE_CHECKING, Any, TypeAlias

import numpy as np

from .._decimal import coefficient, integral_value
from .._exact import MAX_EXPONENT, _terminating_places, float_decimal
from ..errors import ParseError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["BAD", "MAX_PLACES", "MISSING", "OK", "SLOW", "read_counts", "read_rates"]

Array: TypeAlias = np.ndarray[Any, Any]

OK, MISSING, BAD, SLOW = 0, 1, 2, 3
#: Rates with more decimal places than this take the single-case path.
MAX_PLACES = 6
#: Integers read by the fast path stay below this in magnitude (int64 is 2**63).
_INT_LIMIT = 2**62
_FLOAT_INT_LIMIT = 2.0**53  # floats beyond this are integral but the rows take the exact path

_INT_RE = re.compile(r"\s*[+-]?\d{1,18}\s*", re.ASCII)
_RATE_RE = re.compile(r"\s*([+-]?)(\d+)(?:\.(\d+))?\s*%?\s*", re.ASCII)
_ARROW_INT_RE = r"^[+-]?[0-9]{1,18}$"
_ARROW_RATE_RE = r"^-?[0-9]{1,9}(\.[0-9]{1,6})?$"
_POWERS = np.array([10.0**d for d in range(MAX_PLACES + 1)])


@cache
def _arrow() -> tuple[ModuleType, ModuleType] | None:
    """(pyarrow, pyarrow.compute), or None when pyarrow is not installed."""
    try:
        import pyarrow as pa  # type: ignore[import-untyped]  # pyarrow ships no type stubs
        import pyarrow.compute as pc  # type: ignore[import-untyped]  # same
    except ImportError:
        return None
    return pa, pc


def _is_text(dtype: object) -> bool:
    import pandas as pd

    return isinstance(dtype, pd.StringDtype)


# -- counts (prior, current, total, count) -------------------------------------------------


def _count_of(v: object) -> tuple[int, int]:
    """(value, code) of one count as the single-case checks read it."""
    t = type(v)
    if t is int:
        return (v, OK) if -_INT_LIMIT < v < _INT_LIMIT else (0, SLOW)  # type: ignore[operator,return-value]
    if v is None:
        return 0, MISSING
    if t is float:
        x: float = v  # type: ignore[assignment]
        if math.isnan(x):
            return 0, MISSING
        if math.isinf(x) or not x.is_integer() or abs(x) >= 1e100:
            return 0, BAD
        return (int(x), OK) if abs(x) < _FLOAT_INT_LIMIT else (0, SLOW)
    if t is str:
        s: str = v  # type: ignore[assignment]
        if _INT_RE.fullmatch(s):
            return int(s), OK
        return (0, MISSING) if not s.strip() else (0, SLOW)
    if t is bool:
        return 0, BAD
    if t is Decimal:
        d: Decimal = v  # type: ignore[assignment]
        if d.is_nan():
            return 0, MISSING
        exponent = d.as_tuple().exponent
        if isinstance(exponent, int) and exponent >= -MAX_EXPONENT and d.adjusted() < 18:
            n = integral_value(d)
            if n is not None:
                return n, OK
        return 0, SLOW
    if isinstance(v, np.integer):
        return _count_of(int(v))
    if t is np.float64:  # a float subclass: read as a float (other numpy floats are not)
        return _count_of(float(v))  # type: ignore[arg-type]
    if t.__name__ in ("NAType", "NaTType"):
        return 0, MISSING
    return 0, SLOW


def _counts_by_row(values: list[Any]) -> tuple[Array, Array]:
    n = len(values)
    out = np.zeros(n, dtype=np.int64)
    code = np.zeros(n, dtype=np.int8)
    for i, v in enumerate(values):
        out[i], code[i] = _count_of(v)
    return out, code


def _counts_from_text(values: pd.Series[Any]) -> tuple[Array, Array]:
    arrow = _arrow()
    if arrow is None:
        out, code = _by_distinct(values, _count_of)
        return out, code
    pa, pc = arrow
    arr = pa.array(values, type=pa.large_string(), from_pandas=True)
    ok = pc.fill_null(pc.match_substring_regex(arr, _ARROW_INT_RE), False)
    ok_np = ok.to_numpy(zero_copy_only=False)
    zero = pa.scalar("0", pa.large_string())
    nums = pc.cast(pc.replace_substring(pc.if_else(ok, arr, zero), "+", ""), pa.int64())
    out = nums.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64, copy=True)
    code = np.where(ok_np, OK, SLOW).astype(np.int8)
    code[values.isna().to_numpy()] = MISSING
    rest = np.flatnonzero(code == SLOW)
    if len(rest):  # blank strings, spaces, full-width digits, decimals: one by one
        out[rest], code[rest] = _counts_by_row(values.iloc[rest].tolist())
    return out, code


def read_counts(values: pd.Series[Any]) -> tuple[Array, Array]:
    """(int64 values, codes) of a column of counts (prior, current, total, count).

    Examples:
        >>> import pandas as pd
        >>> v, code = read_counts(pd.Series([466, None, "12", 4.5, "x", 2**70], dtype=object))
        >>> v.tolist(), code.tolist()
        ([466, 0, 12, 0, 0, 0], [0, 1, 0, 2, 3, 3])
    """
    import pandas as pd

    dtype = values.dtype
    n = len(values)
    if pd.api.types.is_bool_dtype(dtype):
        return np.zeros(n, dtype=np.int64), np.where(values.isna(), MISSING, BAD).astype(np.int8)
    if dtype == np.int64:
        return values.to_numpy(), np.zeros(n, dtype=np.int8)
    if pd.api.types.is_integer_dtype(dtype):
        na = values.isna().to_numpy()
        if str(dtype).lower() == "uint64":
            raw = values.to_numpy(dtype=np.uint64, na_value=0)
            big = raw >= np.uint64(_INT_LIMIT)
            out = np.where(big, 0, raw).astype(np.int64)
            return out, np.where(na, MISSING, np.where(big, SLOW, OK)).astype(np.int8)
        out = values.to_numpy(dtype=np.int64, na_value=0)
        code = np.where(na, MISSING, OK).astype(np.int8) if na.any() else np.zeros(n, np.int8)
        return out, code
    if pd.api.types.is_float_dtype(dtype):
        x = values.to_numpy(dtype=np.float64, na_value=np.nan)
        with np.errstate(invalid="ignore"):
            nan = np.isnan(x)
            integral = np.isfinite(x) & (np.floor(x) == x)
            small = integral & (np.abs(x) < _FLOAT_INT_LIMIT)
            huge = integral & (np.abs(x) >= 1e100)
        code = np.full(n, BAD, dtype=np.int8)
        code[integral & ~huge] = SLOW
        code[small] = OK
        code[nan] = MISSING
        return np.where(small, x, 0).astype(np.int64), code
    if _is_text(dtype):
        return _counts_from_text(values)
    objects = values.tolist()
    if objects and set(map(type, objects)) == {int}:
        try:
            out = np.array(objects, dtype=np.int64)
        except OverflowError:
            pass
        else:
            code = np.where(np.abs(out) < _INT_LIMIT, OK, SLOW).astype(np.int8)
            return np.where(code == OK, out, 0), code
    return _counts_by_row(objects)


# -- rates (percent as written) ------------------------------------------------------------


def _rate_of(v: object) -> tuple[int, int, int]:
    """(scaled integer, places, code) of one written rate as the single-case checks read it."""
    t = type(v)
    if v is None:
        return 0, 0, MISSING
    if t is str:
        s: str = v  # type: ignore[assignment]
        m = _RATE_RE.fullmatch(s)
        if m is None:
            return (0, 0, MISSING) if not s.strip() else (0, 0, SLOW)
        frac = m.group(3) or ""
        if len(frac) > MAX_PLACES or len(m.group(2)) + len(frac) > 17:
            return 0, 0, SLOW
        return int(m.group(1) + m.group(2) + frac), len(frac), OK
    if t is float:
        x: float = v  # type: ignore[assignment]
        if math.isnan(x):
            return 0, 0, MISSING
        if not math.isfinite(x) or abs(x) >= 1e100:
            return 0, 0, BAD
        try:
            return _rate_of(float_decimal(x))
        except ParseError:  # a subnormal float, beyond 1e-100
            return 0, 0, BAD
    if t is int:
        return (v, 0, OK) if -(10**15) < v < 10**15 else (0, 0, SLOW)  # type: ignore[operator,return-value]
    if t is Decimal:
        d: Decimal = v  # type: ignore[assignment]
        if d.is_nan():
            return 0, 0, MISSING
        exponent = d.as_tuple().exponent
        if (
            isinstance(exponent, int)
            and -MAX_PLACES <= exponent <= 0
            and len(d.as_tuple().digits) <= 17
        ):
            return coefficient(d), -exponent, OK
        return 0, 0, SLOW
    if t is bool:
        return 0, 0, BAD
    if t is Fraction:
        f: Fraction = v  # type: ignore[assignment]
        places = _terminating_places(f)
        if places is not None and places <= MAX_PLACES and abs(f) < 10**9:
            return f.numerator * 10**places // f.denominator, places, OK
        return 0, 0, SLOW
    if isinstance(v, np.integer):
        return _rate_of(int(v))
    if t is np.float64:
        return _rate_of(float(v))  # type: ignore[arg-type]
    if t.__name__ in ("NAType", "NaTType"):
        return 0, 0, MISSING
    return 0, 0, SLOW


def _rates_by_row(values: list[Any]) -> tuple[Array, Array, Array]:
    n = len(values)
    num = np.zeros(n, dtype=np.int64)
    places = np.zeros(n, dtype=np.int8)
    code = np.zeros(n, dtype=np.int8)
    seen: dict[str, tuple[int, int, int]] = {}
    for i, v in enumerate(values):
        if type(v) is str:
            got = seen.get(v)
            if got is None:
                got = seen[v] = _rate_of(v)
        else:
            got = _rate_of(v)
        num[i], places[i], code[i] = got
    return num, places, code


def _by_distinct(values: pd.Series[Any], read: Any) -> Any:
    """Read a text column by parsing each distinct value once (no pyarrow needed)."""
    import pandas as pd

    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed = [read(u) for u in uniques.tolist()]
    columns = [np.array(col, dtype=np.int64) for col in zip(*parsed, strict=True)] or [
        np.zeros(0, dtype=np.int64) for _ in range(len(read("")))
    ]
    missing = codes < 0
    take = np.where(missing, 0, codes)
    out = []
    for j, col in enumerate(columns):
        got = col[take] if len(col) else np.zeros(len(values), dtype=np.int64)
        if j == len(columns) - 1:  # the code column
            got = np.where(missing, MISSING, got).astype(np.int8)
        else:
            got = np.where(missing, 0, got)
        out.append(got)
    return tuple(out)


def _rates_from_text(values: pd.Series[Any]) -> tuple[Array, Array, Array]:
    arrow = _arrow()
    if arrow is None:
        num, places, code = _by_distinct(values, _rate_of)
        return num, places.astype(np.int8), code
    pa, pc = arrow
    arr = pa.array(values, type=pa.large_string(), from_pandas=True)
    # Plain "-12.5" / "68.67" text, at most 15 digits: its float64 value times 10**places
    # is within 0.25 of the integer of its digits, so rounding gives that integer exactly.
    ok = pc.match_substring_regex(arr, _ARROW_RATE_RE)
    if arr.null_count:
        ok = pc.fill_null(ok, False)
    ok_np = ok.to_numpy(zero_copy_only=False)
    every = bool(ok_np.all())
    clean = arr if every else pc.if_else(ok, arr, pa.scalar("0", pa.large_string()))
    x = pc.cast(clean, pa.float64()).to_numpy(zero_copy_only=False)
    dot = pc.find_substring(clean, ".").to_numpy(zero_copy_only=False)
    length = pc.binary_length(clean).to_numpy(zero_copy_only=False)
    places = np.where(dot >= 0, length - dot - 1, 0).astype(np.int8)
    with np.errstate(invalid="ignore"):
        num = np.rint(x * _POWERS[places]).astype(np.int64)
    if every:
        return num, places, np.zeros(len(num), dtype=np.int8)
    code = np.where(ok_np, OK, SLOW).astype(np.int8)
    if arr.null_count:
        code[values.isna().to_numpy()] = MISSING
    rest = np.flatnonzero(code == SLOW)
    if len(rest):  # "+5", "68.67%", spaces, full-width digits, more places: one by one
        num[rest], places[rest], code[rest] = _rates_by_row(values.iloc[rest].tolist())
    return num, places, code


def _rates_from_floats(x: Array) -> tuple[Array, Array, Array]:
    """Floats read by their shortest repr (see ``float_decimal``), vectorised.

    A whole-number float is that integer; otherwise the fewest places ``d`` (up to
    MAX_PLACES) whose nearest ``d``-place decimal converts back to the same float. Both
    conversions are exact IEEE operations (an integer below 2**53 divided by a power of ten
    below 10**23 is correctly rounded), so this is the repr's value and places.
    """
    n = len(x)
    num = np.zeros(n, dtype=np.int64)
    places = np.zeros(n, dtype=np.int8)
    code = np.full(n, SLOW, dtype=np.int8)
    with np.errstate(invalid="ignore", over="ignore"):
        finite = np.isfinite(x)
        code[np.isnan(x)] = MISSING
        code[~finite & ~np.isnan(x)] = BAD
        code[finite & (np.abs(x) >= 1e100)] = BAD
        integral = finite & (np.floor(x) == x) & (np.abs(x) < 1e15)
        num[integral] = x[integral].astype(np.int64)
        code[integral] = OK
        todo = finite & ~integral & (np.abs(x) < 1e9)
        for d in range(1, MAX_PLACES + 1):
            if not todo.any():
                break
            scale = float(10**d)
            r = np.rint(x * scale)
            hit = todo & (np.abs(r) < 2.0**50) & (r / scale == x)
            num[hit] = r[hit].astype(np.int64)
            places[hit] = d
            code[hit] = OK
            todo &= ~hit
    return num, places, code


def read_rates(values: pd.Series[Any]) -> tuple[Array, Array, Array]:
    """(scaled integers, decimal places, codes) of a column of written rates in percent.

    ``"68.67"`` gives ``(6867, 2, OK)``; a float is read by its shortest repr. The places
    are int8, from 0 to :data:`MAX_PLACES` where the code is OK.

    Examples:
        >>> import pandas as pd
        >>> num, places, code = read_rates(pd.Series(["68.67", "-12.5%", None, 1.5, "x"],
        ...                                          dtype=object))
        >>> num.tolist(), places.tolist(), code.tolist()
        ([6867, -125, 0, 15, 0], [2, 1, 0, 1, 0], [0, 0, 1, 0, 3])
    """
    import pandas as pd

    dtype = values.dtype
    n = len(values)
    places = np.zeros(n, dtype=np.int8)
    if pd.api.types.is_bool_dtype(dtype):
        bad = np.where(values.isna(), MISSING, BAD).astype(np.int8)
        return np.zeros(n, dtype=np.int64), places, bad
    if pd.api.types.is_integer_dtype(dtype):  # whole percents; the kernels guard overflow
        num, code = read_counts(values)
        return num, places, code
    if pd.api.types.is_float_dtype(dtype):
        return _rates_from_floats(values.to_numpy(dtype=np.float64, na_value=np.nan))
    if _is_text(dtype):
        return _rates_from_text(values)
    objects = values.tolist()
    arrow = _arrow()
    if arrow is not None and objects and set(map(type, objects)) <= {str, type(None)}:
        return _rates_from_text(values.astype("string"))
    return _rates_by_row(objects)
