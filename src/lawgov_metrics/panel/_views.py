"""The panel's read-only views: one series, the wide pivot, a ranked comparison."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd

from ._convert import is_missing
from ._growth import Cells
from ._rows import TEXT_COLUMNS

__all__: list[str] = []

EXACT_COLUMNS = ("value", "lower", "upper")


def first_seen(cat: pd.Categorical) -> list[str]:
    codes = pd.unique(np.asarray(cat.codes))
    cats = cat.categories
    return [str(cats[c]) for c in codes.tolist() if c >= 0]


def plain_text(cat: pd.Categorical, *, none_for_missing: bool = False) -> pd.Series:
    """A Categorical as the default text column of this pandas (``str`` or object).

    ``none_for_missing`` gives an object column with ``None`` where a value is missing. A
    text with a lone surrogate, which Arrow-backed strings refuse, gives an object column.
    """
    codes = np.asarray(cat.codes, dtype=np.int64)
    if none_for_missing:
        cats = np.array([*map(str, cat.categories), None], dtype=object)
        return pd.Series(cats[np.where(codes < 0, len(cats) - 1, codes)], dtype=object)
    texts = [str(c) for c in cat.categories]
    if not texts:  # no text at all: still the default text dtype, as with texts
        return pd.Series([""] * len(codes), dtype=pd.Series(["x"]).dtype)
    try:
        base = pd.Series(texts, dtype=None).array
    except UnicodeEncodeError:
        return pd.Series(np.array(texts, dtype=object)[codes], dtype=object)
    return pd.Series(base.take(codes, allow_fill=True))


def series_frame(c: dict[str, Any], cells: Cells) -> pd.DataFrame:
    """One row per cell of one indicator (see Panel.series)."""
    first = cells.first
    value = c["value"].take(first)
    lower, upper = c["lower"].take(first), c["upper"].take(first)
    approx = value.to_float()
    for i in np.flatnonzero(value.isna()).tolist():
        lo, hi = lower[i], upper[i]
        if lo is not None and hi is not None:
            approx[i] = float((lo + hi) / 2)
    data = {
        "jurisdiction": plain_text(c["jurisdiction"].take(first)),
        "year": cells.year.astype(np.int64),
        "value": value,
        "lower": lower,
        "upper": upper,
        "derived": np.asarray(c["derived"], dtype=bool)[first],
        "conflict": cells.conflict,
        "value_approx": approx,
        "lower_approx": lower.to_float(),
        "upper_approx": upper.to_float(),
    }
    return pd.DataFrame(data, copy=False)


def wide_frame(c: dict[str, Any], cells: Cells, values: str, exact: bool) -> pd.DataFrame:
    """Cells pivoted to (jurisdiction, indicator) × year (see Panel.wide)."""
    pairs, row_of = np.unique(cells.pair, return_inverse=True)
    all_years, col_of = np.unique(cells.year, return_inverse=True)
    first_of_pair = np.zeros(len(pairs), dtype=np.int64)
    first_of_pair[row_of[::-1]] = cells.first[::-1]
    index = pd.MultiIndex.from_arrays(
        [
            pd.Index([str(x) for x in c["jurisdiction"].take(first_of_pair)], dtype=object),
            pd.Index([str(x) for x in c["indicator"].take(first_of_pair)], dtype=object),
        ],
        names=["jurisdiction", "indicator"],
    )
    shape = (len(pairs), len(all_years))
    numeric = values in EXACT_COLUMNS or values == "value_approx"
    if numeric and not exact:
        src = c["value"] if values == "value_approx" else c[values]
        grid = np.full(shape, np.nan)
        grid[row_of, col_of] = src.to_float()[cells.first]
    else:
        if values in EXACT_COLUMNS:
            cells_vals = list(c[values].take(cells.first))
        elif values == "value_approx":
            cells_vals = c["value"].to_float()[cells.first].tolist()
        elif values in TEXT_COLUMNS:
            cells_vals = [None if is_missing(x) else str(x) for x in c[values].take(cells.first)]
        else:
            cells_vals = np.asarray(c[values], dtype=object)[cells.first].tolist()
        grid = np.full(shape, None, dtype=object)
        for r, k, v in zip(row_of.tolist(), col_of.tolist(), cells_vals, strict=True):
            grid[r, k] = v
    out = pd.DataFrame(grid, index=index, columns=[int(y) for y in all_years], dtype=grid.dtype)
    out.columns.name = "year"
    return out


def compare_frame(c: dict[str, Any], cells: Cells, year: int, ascending: bool) -> pd.DataFrame:
    """One year's cells ranked by exact value (see Panel.compare)."""
    first = cells.first[cells.year == year]
    value = c["value"].take(first)
    exact = [None if v is None else Fraction(v) for v in value]
    ranked = sorted(x for x in exact if x is not None)
    ranks: list[int | None] = []
    for x in exact:
        if x is None:
            ranks.append(None)
        elif ascending:
            ranks.append(1 + bisect_left(ranked, x))
        else:
            ranks.append(1 + len(ranked) - bisect_right(ranked, x))
    big = len(first) + 1
    order = sorted(range(len(first)), key=lambda i: r if (r := ranks[i]) is not None else big)
    pick = np.array(order, dtype=np.int64)
    rows = first[pick] if len(pick) else first
    return pd.DataFrame(
        {
            "jurisdiction": plain_text(c["jurisdiction"].take(rows)),
            "value": c["value"].take(rows),
            "unit": plain_text(c["unit"].take(rows)),
            "qualifier": plain_text(c["qualifier"].take(rows), none_for_missing=True),
            "lower": c["lower"].take(rows),
            "upper": c["upper"].take(rows),
            "derived": np.asarray(c["derived"], dtype=bool)[rows],
            "rank": pd.array([ranks[i] for i in order], dtype="Int64"),
            "n_ranked": np.full(len(rows), len(ranked), dtype=np.int64),
        }
    )
