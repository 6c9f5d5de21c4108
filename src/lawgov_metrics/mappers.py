"""Vectorised, exact versions of the growth and share checks for whole data frames.

Each mapper is the data-frame twin of a single-case function (``verify_growth_frame`` of
:func:`~lawgov_metrics.verify_growth`, ``check_share_frame`` of
:func:`~lawgov_metrics.check_share`) and agrees with it row for row. Rows whose values are
plain integers with rates written to at most six decimals are decided with scaled int64
numpy arithmetic (no rounding anywhere: every comparison is between integers); rows that
could overflow int64, or hold Decimals, fractions, Quantities, odd text or missing
values, are handed to the exact single-case function. No row is ever dropped.

The mappers return a NEW frame with the input's index and columns plus their own
result columns (which overwrite input columns of the same name); the input is never
modified.

Examples:
    >>> import pandas as pd
    >>> import lawgov_metrics as lm
    >>> df = pd.DataFrame({"prior": [466, 460, 0], "current": [786, 786, 5],
    ...                    "reported": ["68.67", "68.67", "10"]})
    >>> out = lm.verify_growth_frame(df)
    >>> out[["status", "reason"]].to_dict("list")
    {'status': ['pass', 'fail', 'undecidable'], 'reason': ['', 'growth_mismatch', \
'prior_not_positive']}
    >>> out.loc[0, "growth"]
    Fraction(16000, 233)
"""

from __future__ import annotations

import re
from collections.abc import Hashable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import SchemaError
from .results import Status
from .rounding import Scheme, check_scheme

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["check_share_frame", "verify_growth_frame"]

_MAX_PLACES = 6
#: Products are formed only when an estimate of their size is below this (int64 is 2**63).
_LIMIT = float(2**60)
_RATE_RE = re.compile(r"\s*([+-]?)(\d+)(?:\.(\d+))?\s*%?\s*", re.ASCII)
_INT_RE = re.compile(r"\s*[+-]?\d{1,18}\s*", re.ASCII)

_PASS = Status.PASS.value
_FAIL = Status.FAIL.value


def _require(df: pd.DataFrame, columns: dict[str, Hashable | None]) -> None:
    missing = [f"{role}={col!r}" for role, col in columns.items() if col is not None
               and col not in df.columns]  # fmt: skip
    if missing:
        raise SchemaError(
            f"frame lacks the column(s) {', '.join(missing)}; it has {list(df.columns)}"
        )


def _int_column(values: pd.Series[Any]) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """(int64 values, mask of rows that hold an exact integer small enough for the fast path)."""
    import pandas as pd

    n = len(values)
    dtype = values.dtype
    if pd.api.types.is_bool_dtype(dtype):
        return np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
    if pd.api.types.is_integer_dtype(dtype):
        na = values.isna().to_numpy()
        filled = values.fillna(0) if na.any() else values
        if dtype == np.uint64 or str(dtype) == "UInt64":
            big = filled.to_numpy(dtype=np.uint64) > np.uint64(2**62)
            arr = np.where(big, 0, filled.to_numpy(dtype=np.uint64)).astype(np.int64)
            return arr, ~na & ~big
        return filled.to_numpy(dtype=np.int64), ~na
    if pd.api.types.is_float_dtype(dtype):
        arr = values.to_numpy(dtype=np.float64, na_value=np.nan)
        with np.errstate(invalid="ignore"):
            ok = np.isfinite(arr) & (np.floor(arr) == arr) & (np.abs(arr) < 2.0**53)
        return np.where(ok, arr, 0).astype(np.int64), ok
    out = np.zeros(n, dtype=np.int64)
    ok = np.zeros(n, dtype=bool)
    for i, v in enumerate(values.tolist()):
        if type(v) is int:
            if -(2**62) < v < 2**62:
                out[i], ok[i] = v, True
        elif type(v) is str and _INT_RE.fullmatch(v):
            out[i], ok[i] = int(v), True
    return out, ok


def _parse_rate(v: object) -> tuple[int, int] | None:
    """(scaled integer, decimals) of a plain written rate, or None for the exact path."""
    if type(v) is str:
        m = _RATE_RE.fullmatch(v)
        if m is None:
            return None
        frac = m.group(3) or ""
        if len(frac) > _MAX_PLACES or len(m.group(2)) + len(frac) > 17:
            return None
        return int(m.group(1) + m.group(2) + frac), len(frac)
    if type(v) is int:
        return (v, 0) if -(10**15) < v < 10**15 else None
    if type(v) is Decimal and v.is_finite():
        exponent = v.as_tuple().exponent
        assert isinstance(exponent, int)
        if -_MAX_PLACES <= exponent <= 0 and len(v.as_tuple().digits) <= 17:
            return int(v.scaleb(-exponent)), -exponent
    return None


def _rate_column(
    values: pd.Series[Any],
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    n = len(values)
    num = np.zeros(n, dtype=np.int64)
    places = np.zeros(n, dtype=np.int64)
    ok = np.zeros(n, dtype=bool)
    cache: dict[object, tuple[int, int] | None] = {}
    for i, v in enumerate(values.tolist()):
        key: object = (type(v), v) if isinstance(v, str | int | Decimal) else None
        if key is not None and key in cache:
            parsed = cache[key]
        else:
            parsed = _parse_rate(v)
            if key is not None:
                cache[key] = parsed
        if parsed is not None:
            num[i], places[i] = parsed
            ok[i] = True
    return num, places, ok


def _half_unit_bounds(
    num: np.ndarray[Any, Any], scheme: str
) -> tuple[np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any], np.ndarray[Any, Any]]:
    """The unround interval in half units of the last digit: (lo, hi, lo_closed, hi_closed).

    Mirrors :func:`lawgov_metrics.rounding.unround_value` exactly.
    """
    two_n = 2 * num
    pos, neg = num > 0, num < 0
    ones = np.ones_like(num, dtype=bool)
    if scheme in ("half_up", "half_down", "half_even", "up_or_down"):
        lo, hi = two_n - 1, two_n + 1
        if scheme == "up_or_down":
            return lo, hi, ones, ones
        if scheme == "half_even":
            even = num % 2 == 0
            return lo, hi, even, even
        away = scheme == "half_up"
        lo_closed = np.where(pos, away, np.where(neg, not away, not away))
        hi_closed = np.where(pos, not away, np.where(neg, away, not away))
        return lo, hi, lo_closed, hi_closed
    if scheme == "floor":
        return two_n, two_n + 2, ones, ~ones
    if scheme == "ceiling":
        return two_n - 2, two_n, ~ones, ones
    # truncate
    lo = np.where(pos, two_n, two_n - 2)
    hi = np.where(neg, two_n, two_n + 2)
    return lo, hi, pos, neg


def _ge(a: np.ndarray[Any, Any], b: np.ndarray[Any, Any], closed: np.ndarray[Any, Any]) -> Any:
    return (a > b) | (closed & (a == b))


def verify_growth_frame(
    df: pd.DataFrame,
    *,
    prior: Hashable = "prior",
    current: Hashable = "current",
    reported: Hashable = "reported",
    scheme: Scheme = "half_up",
) -> pd.DataFrame:
    """:func:`~lawgov_metrics.verify_growth` on every row of a frame, vectorised and exact.

    Args:
        df: One row per growth claim.
        prior: Column of last year's values.
        current: Column of this year's values.
        reported: Column of the written rates in percent; keep them as text (``"63.10"``)
            so trailing zeros count. Floats there are UNDECIDABLE (``bad_input``).
        scheme: How the rates were rounded.

    Returns:
        A new frame: every input column and the index, plus

        * ``status``: ``"pass"``, ``"fail"`` or ``"undecidable"`` (values of
          :class:`~lawgov_metrics.Status`);
        * ``growth``: the exact growth in percent (Fraction, object dtype) or None;
        * ``growth_approx``: the same as a float, APPROXIMATE, for sorting and plots;
        * ``lower``, ``upper``: the ends of the IMPLIED PRIOR interval (exact Fractions;
          None when unbounded or not computed). Whether an end is open or closed follows
          the scheme, as in :func:`~lawgov_metrics.implied_prior`;
        * ``reason``: ``""`` for a pass, else the reason code of the single-case check.

    Raises:
        SchemaError: If a named column is missing.
        ValueError: For an unknown scheme.

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"prior": [466], "current": [786], "reported": ["68.67"]})
        >>> row = verify_growth_frame(df).iloc[0]
        >>> row["status"], round(float(row["growth_approx"]), 4), str(row["lower"])
        ('pass', 68.6695, '1048000/2249')
    """
    import pandas as pd

    from .growth import verify_growth

    check_scheme(scheme)
    _require(df, {"prior": prior, "current": current, "reported": reported})
    n = len(df)
    p, p_ok = _int_column(df[prior])
    c, c_ok = _int_column(df[current])
    num, places, r_ok = _rate_column(df[reported])
    scale = np.ones(n, dtype=np.int64) * 200 * 10 ** np.clip(places, 0, _MAX_PLACES)
    lo, hi, lo_closed, hi_closed = _half_unit_bounds(num, scheme)
    with np.errstate(over="ignore", invalid="ignore"):
        fp, fc = p.astype(np.float64), c.astype(np.float64)
        safe = (
            ((np.abs(fc) + np.abs(fp)) * scale.astype(np.float64) < _LIMIT)
            & ((np.abs(hi.astype(np.float64)) + 2) * np.abs(fp) < _LIMIT)
            & ((np.abs(fc) * scale.astype(np.float64)) < _LIMIT)
        )
    # fast rows: exact ints, p > 0, c > 0, and growth factors bounded away from 0
    fast = p_ok & c_ok & r_ok & safe & (p > 0) & (c > 0) & (scale + lo > 0)
    idx = np.flatnonzero(fast)
    status: list[str] = [""] * n
    reason: list[str] = [""] * n
    growth: list[Fraction | None] = [None] * n
    lower: list[Fraction | None] = [None] * n
    upper: list[Fraction | None] = [None] * n
    if len(idx):
        pf, cf, sf = p[idx], c[idx], scale[idx]
        m = sf * (cf - pf)
        ok = _ge(m, lo[idx] * pf, lo_closed[idx]) & _ge(hi[idx] * pf, m, hi_closed[idx])
        for i, good, pi, ci, si, loi, hii in zip(
            idx.tolist(), ok.tolist(), pf.tolist(), cf.tolist(), sf.tolist(),
            lo[idx].tolist(), hi[idx].tolist(), strict=True,
        ):  # fmt: skip
            status[i] = _PASS if good else _FAIL
            reason[i] = "" if good else "growth_mismatch"
            growth[i] = Fraction(100 * (ci - pi), pi)
            lower[i] = Fraction(ci * si, si + hii)
            upper[i] = Fraction(ci * si, si + loi)
    raw_p, raw_c, raw_r = df[prior].tolist(), df[current].tolist(), df[reported].tolist()
    for i in np.flatnonzero(~fast).tolist():
        r = verify_growth(prior=raw_p[i], current=raw_c[i], reported=raw_r[i], scheme=scheme)
        status[i] = r.status.value
        reason[i] = r.reason
        growth[i] = r.observed if isinstance(r.observed, Fraction) else None
        iv = r.details.get("implied_prior")
        if iv is not None and not iv.is_empty:
            lower[i], upper[i] = iv.lower, iv.upper
    out = df.copy()
    out["status"] = pd.Series(status, index=df.index, dtype=object)
    out["growth"] = pd.Series(growth, index=df.index, dtype=object)
    out["growth_approx"] = pd.Series(
        [np.nan if g is None else float(g) for g in growth], index=df.index, dtype=np.float64
    )
    out["lower"] = pd.Series(lower, index=df.index, dtype=object)
    out["upper"] = pd.Series(upper, index=df.index, dtype=object)
    out["reason"] = pd.Series(reason, index=df.index, dtype=object)
    return out


def check_share_frame(
    df: pd.DataFrame,
    *,
    total: Hashable = "total",
    reported: Hashable = "reported",
    count: Hashable | None = None,
    scheme: Scheme = "half_up",
) -> pd.DataFrame:
    """:func:`~lawgov_metrics.check_share` on every row of a frame, vectorised and exact.

    Args:
        df: One row per share claim.
        total: Column of the totals (whole counts).
        reported: Column of the written shares in percent (as text, ideally).
        count: Optional column of printed counts (numerators); missing values there mean
            "no count printed" for that row.
        scheme: How the shares were rounded.

    Returns:
        A new frame with the input's columns and index plus ``status``, ``reason``,
        ``k_min`` and ``k_max`` (the smallest and largest consistent whole counts, or None
        when there is none), ``n_counts`` (how many: an exact int or None, object dtype)
        and ``share`` (exact ``count / total`` in percent when a count is given, else None).

    Raises:
        SchemaError: If a named column is missing.

    Examples:
        >>> import pandas as pd
        >>> df = pd.DataFrame({"total": [1497, 7, 10], "reported": ["98.73", "50.0", "100.5"]})
        >>> out = check_share_frame(df)
        >>> out[["status", "reason", "k_min"]].to_dict("list")
        {'status': ['pass', 'fail', 'fail'], 'reason': ['', 'no_integer_count', 'share.range'], \
'k_min': [1478, None, None]}
    """
    import pandas as pd

    from .growth import check_share, is_missing, range_size

    check_scheme(scheme)
    _require(df, {"total": total, "reported": reported, "count": count})
    n = len(df)
    t, t_ok = _int_column(df[total])
    num, places, r_ok = _rate_column(df[reported])
    if count is not None:
        k, k_ok = _int_column(df[count])
        k_missing = np.array([is_missing(v) for v in df[count].tolist()], dtype=bool)
    else:
        k, k_ok = np.zeros(n, dtype=np.int64), np.zeros(n, dtype=bool)
        k_missing = np.ones(n, dtype=bool)
    scale = np.ones(n, dtype=np.int64) * 200 * 10 ** np.clip(places, 0, _MAX_PLACES)
    lo, hi, lo_closed, hi_closed = _half_unit_bounds(num, scheme)
    with np.errstate(over="ignore", invalid="ignore"):
        ft = t.astype(np.float64)
        safe = ((np.abs(hi.astype(np.float64)) + np.abs(lo.astype(np.float64)) + 2) * ft
                < _LIMIT) & (scale.astype(np.float64) * (ft + 1) < _LIMIT)  # fmt: skip
    fast = t_ok & r_ok & safe & (t > 0) & (k_ok | k_missing)
    status: list[str] = [""] * n
    reason: list[str] = [""] * n
    k_min: list[int | None] = [None] * n
    k_max: list[int | None] = [None] * n
    n_counts: list[int | None] = [None] * n
    share: list[Fraction | None] = [None] * n
    idx = np.flatnonzero(fast)
    if len(idx):
        tf, sf = t[idx], scale[idx]
        lof, hif, loc, hic = lo[idx], hi[idx], lo_closed[idx], hi_closed[idx]
        out_of_range = (lof > sf) | ((lof == sf) & ~loc) | (hif < 0) | ((hif == 0) & ~hic)
        # consistent k: lo*t <= s*k <= hi*t with the scheme's open/closed ends
        a, b = lof * tf, hif * tf
        kmin = -((-a) // sf)
        kmin = kmin + ((kmin * sf == a) & ~loc)
        kmax = b // sf
        kmax = kmax - ((kmax * sf == b) & ~hic)
        kmin = np.maximum(kmin, 0)
        kmax = np.minimum(kmax, tf)
        has_k = ~k_missing[idx]
        kf = k[idx]
        count_range = has_k & ((kf < 0) | (kf > tf))
        m = sf * kf
        count_fit = _ge(m, a, loc) & _ge(b, m, hic)
        for j, i in enumerate(idx.tolist()):
            ti = int(tf[j])
            lo_k, hi_k = int(kmin[j]), int(kmax[j])
            nk = max(0, hi_k - lo_k + 1)
            if has_k[j]:
                share[i] = Fraction(100 * int(kf[j]), ti)
            if out_of_range[j]:
                status[i], reason[i] = _FAIL, "share.range"
                continue
            k_min[i], k_max[i], n_counts[i] = (lo_k, hi_k, nk) if nk else (None, None, 0)
            if has_k[j]:
                if count_range[j]:
                    status[i], reason[i] = _FAIL, "count_out_of_range"
                elif count_fit[j]:
                    status[i] = _PASS
                else:
                    status[i], reason[i] = _FAIL, "count_mismatch"
            elif nk:
                status[i] = _PASS
            else:
                status[i], reason[i] = _FAIL, "no_integer_count"
    raw_t, raw_r = df[total].tolist(), df[reported].tolist()
    raw_k = df[count].tolist() if count is not None else [None] * n
    for i in np.flatnonzero(~fast).tolist():
        r = check_share(raw_t[i], raw_r[i], raw_k[i], scheme=scheme)
        status[i], reason[i] = r.status.value, r.reason
        share[i] = r.observed if isinstance(r.observed, Fraction) else None
        counts = r.details.get("counts")
        if counts is not None:
            n_counts[i] = range_size(counts)
            if range_size(counts):
                k_min[i], k_max[i] = counts[0], counts[-1]
    out = df.copy()
    out["status"] = pd.Series(status, index=df.index, dtype=object)
    out["reason"] = pd.Series(reason, index=df.index, dtype=object)
    out["k_min"] = pd.Series(k_min, index=df.index, dtype=object)
    out["k_max"] = pd.Series(k_max, index=df.index, dtype=object)
    out["n_counts"] = pd.Series(n_counts, index=df.index, dtype=object)
    out["share"] = pd.Series(share, index=df.index, dtype=object)
    return out
