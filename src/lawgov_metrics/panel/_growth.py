"""Year-over-year growth of a panel, vectorised over int64 parts and exact throughout.

One sort of the rows by (series, year, derived, position) lines everything up; the value of
a (series, year) cell is its first reported row (or first derived row when derived values
may fill in). Growth is computed on reduced int64 numerators and denominators; a row whose
products might leave int64 (checked in float64 with a margin) is computed with Python
Fractions instead, so no result is ever rounded or wrapped around.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import attrs
import numpy as np
import pandas as pd

from ._convert import categorical
from ._exact import DecimalArray, FractionArray

__all__: list[str] = []

#: Growth statuses, in the order of their codes.
STATUSES = ("ok", "gap", "missing", "zero_base", "negative_base", "conflict")
_OK, _GAP, _MISSING, _ZERO, _NEG, _CONFLICT = range(6)
# Products below these bounds, estimated in float64, are exact in int64 (with a wide margin
# for the float error of 2**-52 and for adding two of them).
_CROSS = float(2**61)
_SAFE = float(2**62)


@attrs.frozen
class Cells:
    """The (series, year) cells of a panel, sorted by series (first-seen) then year.

    Attributes:
        first: Frame row of each cell's value (its first reported row, else first derived).
        pair: Series number, in first-seen order of the (jurisdiction, indicator) pairs.
        year: The cell's year.
        conflict: Whether the rows the cell uses disagree on the value.
        derived: Whether the cell's value is derived (no reported row that year).
    """

    first: np.ndarray
    pair: np.ndarray
    year: np.ndarray
    conflict: np.ndarray
    derived: np.ndarray


def _codes(cat: pd.Categorical) -> np.ndarray:
    return np.asarray(cat.codes)


def year_parts(years: pd.arrays.IntegerArray) -> tuple[np.ndarray, np.ndarray]:
    """The int64 values and missing mask behind a nullable integer array (no copy)."""
    data, mask = getattr(years, "_data", None), getattr(years, "_mask", None)
    if data is None or mask is None:  # pragma: no cover - other pandas internals
        m = np.asarray(years.isna(), dtype=bool)
        return years.to_numpy(dtype=np.int64, na_value=0), m
    return np.asarray(data, dtype=np.int64), np.asarray(mask, dtype=bool)


def _cat(*parts: object) -> np.ndarray:
    return np.concatenate([np.atleast_1d(np.asarray(x)) for x in parts])


def select_cells(
    cols: dict[str, Any],
    parts: tuple[np.ndarray, np.ndarray, np.ndarray],
    *,
    derived: bool,
    indicator: int | None = None,
    jurisdiction: int | None = None,
) -> Cells:
    """The cells of the panel's columns; ``indicator``/``jurisdiction`` are category codes.

    One int64 key per row, ``((series * span) + year - first year) * 2 + derived``, sorted
    stably (skipped when the rows are in order already), gives runs of rows that share a
    series, a year and a derived flag; the first run of a (series, year) is what it uses.
    """
    y_all, y_missing = year_parts(cols["year"])
    jc, ic = _codes(cols["jurisdiction"]), _codes(cols["indicator"])
    keep = ~y_missing
    if indicator is not None:
        keep &= ic == indicator
    if jurisdiction is not None:
        keep &= jc == jurisdiction
    pos: np.ndarray | None = None
    if not keep.all():
        pos = np.flatnonzero(keep)
        jc, ic, y = jc[pos], ic[pos], y_all[pos]
        der = np.asarray(cols["derived"], dtype=bool)[pos]
    else:
        y, der = y_all, np.asarray(cols["derived"], dtype=bool)
    del keep
    empty = np.zeros(0, dtype=np.int64)
    if len(y) == 0:
        return Cells(empty, empty, empty, np.zeros(0, bool), np.zeros(0, bool))
    key = jc.astype(np.int64)  # the series as (jurisdiction, indicator) codes
    key *= max(len(cols["indicator"].categories), 1)
    key += ic
    ymin = int(y.min())
    span = int(y.max()) - ymin + 1
    if (int(key.max()) + 1) * span * 2 >= 2**62:  # pragma: no cover - absurd year spreads
        raise ValueError(f"years spread over {span} values: cannot line them up")
    key *= span
    key += y
    key -= ymin
    key *= 2
    key += der
    order: np.ndarray | None = None
    if len(key) > 1 and not (key[1:] >= key[:-1]).all():
        order = np.argsort(key, kind="stable")
        key = key[order]
    # Neighbouring keys differ at all: a new run; beyond the derived bit: a new cell.
    change = key[1:] ^ key[:-1]
    run_break = change != 0
    cell_start = np.flatnonzero(_cat(True, change > 1))
    del change
    n_runs = int(run_break.sum()) + 1

    def rows_at(k: np.ndarray) -> np.ndarray:  # frame rows of sorted positions
        k = k if order is None else order[k]
        return k if pos is None else pos[k]

    conflict_cell = np.zeros(len(cell_start), dtype=bool)
    if n_runs < len(key):  # some (series, year, derived) runs hold several rows
        run_start = np.flatnonzero(_cat(True, run_break))
        run_len = np.diff(_cat(run_start, len(key)))
        conflict_run = _run_conflicts(rows_at, run_start, run_len, parts, cols["value"])
        run_of_cell = (np.cumsum(_cat(True, run_break)) - 1)[cell_start]
        conflict_cell = conflict_run[run_of_cell]
    del run_break
    kc = key[cell_start]
    del key
    kc >>= 1
    series, year = np.divmod(kc, span)
    del kc
    year += ymin
    cell_der = der[cell_start if order is None else order[cell_start]]
    # Number the series in first-seen order (the order of their first row in the frame):
    # the cells are grouped by series code; each group moves to its first row's rank.
    group_start = np.flatnonzero(_cat(True, series[1:] != series[:-1]))
    if order is None:  # rows in order already: a series' first row starts its group
        first_row = cell_start[group_start]
    else:
        first_row = np.minimum.reduceat(order, cell_start[group_start])
    group_len = np.diff(_cat(group_start, len(cell_start)))
    pair = np.repeat(np.arange(len(group_start), dtype=np.int32), group_len)
    cells_order: np.ndarray | None = None
    if len(first_row) > 1 and not (first_row[1:] > first_row[:-1]).all():
        rank = np.argsort(first_row, kind="stable")
        starts, lens = group_start[rank], group_len[rank]
        offsets = np.repeat(starts - _cat(0, np.cumsum(lens)[:-1]), lens)
        cells_order = offsets + np.arange(len(cell_start))
        pair = np.repeat(np.arange(len(rank), dtype=np.int32), lens)
    first = rows_at(cell_start)
    conflict = conflict_cell
    if cells_order is not None:
        first, year, conflict, cell_der = (
            first[cells_order],
            year[cells_order],
            conflict[cells_order],
            cell_der[cells_order],
        )
    sel = slice(None) if derived else ~cell_der
    return Cells(
        first=first[sel],
        pair=pair[sel],
        year=year[sel],
        conflict=conflict[sel],
        derived=cell_der[sel],
    )


def _run_conflicts(
    rows_at: Any,
    run_start: np.ndarray,
    run_len: np.ndarray,
    parts: tuple[np.ndarray, np.ndarray, np.ndarray],
    values: DecimalArray,
) -> np.ndarray:
    """Per run of rows sharing (series, year, derived): do their non-missing values differ?"""
    out = np.zeros(len(run_start), dtype=bool)
    multi = run_len > 1
    if not multi.any():
        return out
    num, den, ok = parts
    missing = values.isna()
    in_multi = np.repeat(multi, run_len)
    rows = rows_at(np.flatnonzero(in_multi))
    starts = _cat(0, np.cumsum(run_len[multi])[:-1])
    runs = np.flatnonzero(multi)
    nn = ~missing[rows]
    idx = np.where(nn, np.arange(len(rows)), len(rows))
    ref = np.minimum.reduceat(idx, starts)
    has = ref < len(rows)
    ref_rows = rows[np.minimum(ref, len(rows) - 1)]
    ref_each = np.repeat(ref_rows, run_len[multi])
    differs = nn & ((num[rows] != num[ref_each]) | (den[rows] != den[ref_each]))
    out[runs] = has & (np.maximum.reduceat(differs.astype(np.int8), starts) > 0)
    slow = nn & ~ok[rows]
    if slow.any():  # values too large for int64 parts: compare them as Fractions
        slow_runs = np.maximum.reduceat(slow.astype(np.int8), starts) > 0
        bounds = _cat(starts, len(rows))
        for k in np.flatnonzero(slow_runs).tolist():
            vals = {values.fraction_at(int(r)) for r in rows[bounds[k] : bounds[k + 1]].tolist()}
            vals.discard(None)
            out[runs[k]] = len(vals) > 1
    return out


class _Labels:
    """Category texts and int32 codes, filled group by group."""

    def __init__(self, n: int) -> None:
        self.cats: list[str] = [""]
        self.codes = np.zeros(n, dtype=np.int32)

    def put(self, where: np.ndarray, texts: list[str], inverse: np.ndarray) -> None:
        self.codes[where] = len(self.cats) + inverse
        self.cats.extend(texts)

    def by_year(self, where: np.ndarray, years: np.ndarray, fmt: str) -> None:
        if not where.any():
            return
        uniq, inv = np.unique(years[where], return_inverse=True)
        self.put(where, [fmt.format(y=int(u)) for u in uniq], inv)

    def categorical(self) -> pd.Categorical:
        return categorical(self.codes, self.cats)


def _where_not(keep: np.ndarray, a: np.ndarray, fill: int) -> np.ndarray:
    """``a`` with ``fill`` where ``keep`` is False, in place (``a`` is a temporary)."""
    a[~keep] = fill
    return a


def _ones(n: int) -> np.ndarray:
    """n int64 ones in no memory: a read-only view (writers copy it first)."""
    return np.broadcast_to(np.ones(1, dtype=np.int64), (n,))


def _take_cat(cat: pd.Categorical, rows: np.ndarray) -> pd.Categorical:
    """The categorical's values at ``rows``, with the panel's categories (one dtype for all)."""
    return pd.Categorical.from_codes(np.asarray(cat.codes)[rows], dtype=cat.dtype, validate=False)


def _fraction_column(
    num: np.ndarray, den: np.ndarray, mask: np.ndarray, big: dict[int, Fraction]
) -> FractionArray:
    num[mask] = 0
    ones = not den.flags.writeable  # the shared all-ones view of whole-number differences
    if not ones:
        den[mask] = 1
    arr = None
    for i, f in big.items():  # computed with Python integers; kept as parts if they fit
        parts = FractionArray._unbox(f)
        if not isinstance(parts, tuple):
            if arr is None:
                arr = np.full(len(num), None, dtype=object)
            arr[i] = f
            continue
        if ones and parts[1] != 1:
            den, ones = den.copy(), False
        num[i] = parts[0]
        if not ones:
            den[i] = parts[1]
    # Reducing takes a gcd per row; whole-number parts (den 1) are reduced already, and
    # others are reduced when their parts are first asked for.
    reduced = ones or bool((den == 1).all())
    return FractionArray(num, den, mask.copy(), arr, reduced=reduced)


def growth_frame(
    cols: dict[str, Any], parts: tuple[np.ndarray, np.ndarray, np.ndarray], cells: Cells
) -> pd.DataFrame:
    """The YoY growth frame of :meth:`Panel.growth` from the selected cells."""
    same = cells.pair[1:] == cells.pair[:-1]  # cell k + 1 continues the series of cell k
    has_prior = (np.diff(cells.year) == 1)[same]
    conf_prior, conf_cur = cells.conflict[:-1][same], cells.conflict[1:][same]
    jm1 = np.flatnonzero(same)  # the cell before each row's cell
    del same
    pri = cells.first[jm1]  # the row of the cell before (a gap row ignores it)
    jm1 += 1
    year = cells.year[jm1]
    cur = cells.first[jm1]
    del jm1
    prior_year = year - 1
    values: DecimalArray = cols["value"]
    missing = values.isna()
    num, den, ok = parts
    der = np.asarray(cols["derived"], dtype=bool)
    derived = der[cur] | (has_prior & der[pri])
    calc = has_prior & ~missing[cur] & ~missing[pri]
    del missing
    kinds = cols["unit_kind"]
    rate_code = list(kinds.categories).index("rate") if "rate" in kinds.categories else -1
    is_rate = np.asarray(kinds.codes)[cur] == rate_code
    cn, pn = num[cur], num[pri]
    fast = calc & ok[cur] & ok[pri]
    whole = not (den != 1).any()
    if whole:  # every value a whole number: c - p, and growth (c - p) / p
        fast &= (cn < 2**62) & (cn > -(2**62)) & (pn < 2**62) & (pn > -(2**62))
        cross = np.subtract(cn, pn, out=cn)
        cross[~fast] = 0
        diff_den = _ones(len(cn))
        cd: Any = None
    else:  # c - p = (cn pd - pn cd) / (cd pd); growth = (cn pd - pn cd) / (cd pn)
        cd, pd_ = den[cur], den[pri]
        fcd, fpd = cd.astype(np.float64), pd_.astype(np.float64)
        fast &= np.abs(cn.astype(np.float64)) * fpd < _CROSS
        fast &= np.abs(pn.astype(np.float64)) * fcd < _CROSS
        fast &= fcd * fpd < _SAFE
        fast &= fcd * np.abs(pn.astype(np.float64)) < _SAFE
        del fcd, fpd
        cross = np.where(fast, cn * pd_ - pn * cd, 0)
        diff_den = np.where(fast, cd * pd_, 1)
        del pd_
    del cn
    positive, negative = pn > 0, pn < 0
    slow = np.flatnonzero(calc & ~fast)
    del fast
    slow_vals: dict[int, tuple[Fraction, Fraction]] = {}
    for i in slow.tolist():
        c, p = values.fraction_at(int(cur[i])), values.fraction_at(int(pri[i]))
        assert c is not None
        assert p is not None
        slow_vals[i] = (c, p)
        positive[i], negative[i] = p > 0, p < 0
    counts = calc & ~is_rate
    zero = counts & ~positive & ~negative
    neg = counts & negative
    grow = counts & positive
    del counts, positive, negative
    pp = calc & is_rate
    conf = calc & ~zero & ~neg & (conf_prior | conf_cur)
    growth = _fraction_column(
        np.where(grow, cross, 0),
        _where_not(grow, pn if cd is None else pn * cd, 1),
        ~grow,
        {i: (c - p) / p for i, (c, p) in slow_vals.items() if grow[i]},
    )
    del pn
    difference = _fraction_column(
        cross, diff_den, ~calc, {i: c - p for i, (c, p) in slow_vals.items()}
    )
    del cross, diff_den
    pp_change = difference.masked(~pp)
    status = np.full(len(cur), _OK, dtype=np.int8)
    status[~has_prior] = _GAP
    status[has_prior & ~calc] = _MISSING
    status[zero] = _ZERO
    status[neg] = _NEG
    status[conf] = _CONFLICT
    reasons = _Labels(len(cur))
    reasons.by_year(~has_prior, prior_year, "no value for {y}: the gap is not bridged")
    missing_rows = has_prior & ~calc
    if missing_rows.any():
        reasons.put(
            missing_rows,
            ["a value is not pinned down (derived interval only)"],
            np.zeros(int(missing_rows.sum()), dtype=np.int32),
        )
    reasons.by_year(zero, prior_year, "prior value in {y} is 0: growth is undefined")
    if neg.any() and not ok[pri[neg]].all():  # a value kept as a Python object
        texts = [
            f"prior value in {y} is negative ({values[r]}): undefined"
            for y, r in zip(prior_year[neg].tolist(), pri[neg].tolist(), strict=True)
        ]
        codes_n, uniq_n = pd.factorize(pd.Series(texts, dtype=object))
        reasons.put(neg, [str(u) for u in uniq_n], np.asarray(codes_n, dtype=np.int32))
    elif neg.any():  # one text per distinct (year, value as written)
        rows_n = pri[neg]
        key = np.stack(
            [prior_year[neg], values.coefficients[rows_n], values.exponents[rows_n]], axis=1
        )
        uniq_k, first_k, inv = np.unique(key, axis=0, return_index=True, return_inverse=True)
        texts = [
            f"prior value in {y} is negative ({c if e == 0 else values[int(rows_n[f])]}): undefined"
            for (y, c, e), f in zip(uniq_k.tolist(), first_k.tolist(), strict=True)
        ]
        reasons.put(neg, texts, inv.reshape(-1).astype(np.int32))
    if conf.any():
        which = conf_prior[conf].astype(np.int64) + 2 * conf_cur[conf]
        years_c = year[conf]
        key = years_c * 4 + which
        uniq_k, inv = np.unique(key, return_inverse=True)
        texts = []
        for k in uniq_k.tolist():
            yk, w = divmod(int(k), 4)
            listed = [yy for yy, flag in ((yk - 1, w & 1), (yk, w & 2)) if flag]
            texts.append(f"several different reported values in {listed}; the first is used")
        reasons.put(conf, texts, inv)
    status_cat = pd.Categorical.from_codes(status, dtype=pd.CategoricalDtype(list(STATUSES)))
    out = {
        "jurisdiction": _take_cat(cols["jurisdiction"], cur),
        "indicator": _take_cat(cols["indicator"], cur),
        "label": _take_cat(cols["label"], cur),
        "unit_kind": _take_cat(kinds, cur),
        "prior_year": prior_year,
        "year": year,
        "prior": values.take(pri).masked(~has_prior),
        "current": values.take(cur),
        "difference": difference,
        "growth": growth,
        "growth_approx": growth.to_float(),
        "pp_change": pp_change,
        "pp_change_approx": pp_change.to_float(),
        "derived": derived,
        "status": status_cat,
        "reason": reasons.categorical(),
    }
    return pd.DataFrame(out, copy=False)
