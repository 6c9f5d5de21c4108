"""How a panel shows itself: a summary of indicators × years, not the long table."""

from __future__ import annotations

import html
from typing import Any

import numpy as np
import pandas as pd

from ._growth import Cells

__all__: list[str] = []


def cell_text(cols: dict[str, Any], i: int) -> str:
    """Row ``i``'s value as written (a decimal, never a fraction); derived in parentheses."""
    v = cols["value"][i]
    if v is not None:
        text = format(v, "f")
    else:
        lo, hi = cols["lower"][i], cols["upper"][i]
        text = "–".join("…" if x is None else f"{float(x):.4g}" for x in (lo, hi))
    return f"({text})" if cols["derived"][i] else text


def summary_frame(cols: dict[str, Any], cells: Cells, max_rows: int) -> pd.DataFrame:
    """The first ``max_rows`` series as text, one column per year (see Panel.summary)."""
    pairs, row_of = np.unique(cells.pair, return_inverse=True)
    keep = row_of < max_rows
    first, years, rows = cells.first[keep], cells.year[keep], row_of[keep]
    all_years = sorted({int(y) for y in years.tolist()})
    col_of = {y: k for k, y in enumerate(all_years)}
    n_rows = min(len(pairs), max_rows)
    grid: list[list[str]] = [[""] * len(all_years) for _ in range(n_rows)]
    heads: list[tuple[str, str, str]] = [("", "", "")] * n_rows
    seen = [False] * n_rows
    for r, y, i in zip(rows.tolist(), years.tolist(), first.tolist(), strict=True):
        if not seen[r]:
            seen[r] = True
            heads[r] = (str(cols["jurisdiction"][i]), str(cols["label"][i]), str(cols["unit"][i]))
        grid[r][col_of[int(y)]] = cell_text(cols, i)
    index = pd.MultiIndex.from_arrays(
        [pd.Index([h[k] for h in heads], dtype=object) for k in range(3)],
        names=["jurisdiction", "indicator", "unit"],
    )  # object levels: a lone surrogate in a label must not break the display
    out = pd.DataFrame(grid, index=index, columns=all_years, dtype=object)
    out.columns.name = "year"
    return out


def summary_html(head: str, cols: dict[str, Any], cells: Cells, max_rows: int) -> str:
    """The notebook display: ``head`` (the repr), the summary table, what was left out."""
    n_series = len(np.unique(cells.pair))
    table = summary_frame(cols, cells, max_rows).to_html(escape=True, na_rep="")
    more = (
        f"<p>… {n_series - max_rows} more series; see <code>.frame</code>.</p>"
        if n_series > max_rows
        else ""
    )
    note = "<p><small>(…): derived from another year's growth claim.</small></p>"
    return f"<div><p>{html.escape(head)}</p>{table}{more}{note}</div>"
