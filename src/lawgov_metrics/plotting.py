"""Plots of panels that render Chinese: trends, growth bars, comparisons, small multiples.

matplotlib is imported inside the functions, so ``import lawgov_metrics`` never imports it.
Every function takes ``ax=None`` (draws on a new figure when none is given), returns the
Axes, never calls ``show()`` and never touches the ``rcParams``, not even temporarily: each
text artist gets the font family list with the CJK font that :mod:`lawgov_metrics._fonts`
finds as a per-glyph fallback. (A temporary ``rc_context`` would restore ``interactive`` on
exit, and in Jupyter the figure made inside it switches the inline backend on: every later
plot cell would then show only ``<Axes: …>``.)

Conventions: reported values are filled markers; derived values (implied by a growth
claim) are hollow markers with their implied interval as error bars; a missing year
breaks the line (a gap is never bridged). Displayed numbers are approximate floats; the
exact values live in :attr:`Panel.frame`.

Examples:
    >>> import matplotlib
    >>> matplotlib.use("Agg")
    >>> import pandas as pd
    >>> import lawgov_metrics as lm
    >>> panel = lm.Panel.from_frame(pd.DataFrame({"jurisdiction": ["花都区"] * 3,
    ...     "indicator": ["行政复议申请"] * 3, "year": [2021, 2022, 2023],
    ...     "value": [400, 466, 786]}))
    >>> ax = lm.plot_trend(panel, "行政复议申请")
    >>> ax.get_title()
    '行政复议申请'
    >>> [t.get_text() for t in ax.texts]
    ['+16.5%', '+68.7%']
    >>> import matplotlib.pyplot as plt; plt.close("all")
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from ._fonts import cjk_family

if TYPE_CHECKING:
    import numpy as np
    from matplotlib.axes import Axes

    from .panel import Panel

__all__ = ["plot_compare", "plot_growth", "plot_small_multiples", "plot_trend"]

UP_COLOR = "#c0392b"
DOWN_COLOR = "#1e8449"
FLAT_COLOR = "#7f8c8d"


def _new_axes(ax: Axes | None) -> Axes:
    import matplotlib.pyplot as plt

    if ax is not None:
        return ax
    _fig, new = plt.subplots(figsize=(7, 4), layout="constrained")
    return new


def _style(ax: Axes) -> None:
    """Give the Axes' own texts the CJK fallback family, explicitly.

    Tick labels are created lazily at draw time, and the title and axis labels are Text
    objects that already existed when the Axes was made (perhaps by the caller, outside the
    library's font context): neither picks up the context's family, so both get it set here.
    The figure then renders Chinese wherever and whenever it is drawn.
    """
    family = cjk_family()
    ax.tick_params(labelfontfamily=family)
    for text in (ax.title, ax.xaxis.label, ax.yaxis.label):
        text.set_fontfamily(family)


#: Share of the y range added above the data for labels drawn above the points, so that a
#: label at the highest point stays inside the Axes (below the title) even on a small Axes.
HEADROOM = 0.25


def _headroom(ax: Axes, *, below: bool = False) -> None:
    """Extend the y axis upwards (and downwards) for labels drawn just beside the data."""
    lo, hi = ax.get_ylim()
    span = hi - lo
    if span > 0 and math.isfinite(span):
        ax.set_ylim(lo - HEADROOM * span if below else lo, hi + HEADROOM * span)


def _unit_suffix(panel: Panel, indicator: str) -> str:
    col = panel.frame.loc[panel.frame["indicator"] == indicator, "unit"]
    units = [u for u in col.tolist() if u]
    return f"（{units[0]}）" if units else ""


def _fmt_change(change: float, is_rate: bool) -> str:
    if is_rate:
        return f"{change:+.2f}个百分点"
    return f"{change:+.1%}"


def plot_trend(
    panel: Panel,
    indicator: str,
    *,
    jurisdictions: Sequence[str] | None = None,
    ax: Axes | None = None,
    derived: bool = True,
    growth_labels: bool = True,
) -> Axes:
    """Plot an indicator over the years, one line per jurisdiction.

    Args:
        panel: The panel.
        indicator: Indicator id, label or synonym.
        jurisdictions: Which jurisdictions (default all that have the indicator).
        ax: Axes to draw on; a new figure when ``None``.
        derived: Whether to show derived values (hollow markers, interval error bars).
        growth_labels: Whether to label each segment with its change (growth in %, or
            percentage points for rates).

    Returns:
        The Axes. Artists carry gids: ``"trend-line"``, ``"reported"``, ``"derived"``
        (the error-bar container's marker line), ``"growth-label"``.
    """

    ind = panel.resolve(indicator)
    label = panel.label_of(ind)
    is_rate = (panel.frame.loc[panel.frame["indicator"] == ind, "unit_kind"] == "rate").any()
    data = panel.series(ind, derived=derived)
    family = cjk_family()
    ax = _new_axes(ax)
    jurs = (
        list(jurisdictions)
        if jurisdictions is not None
        else list(dict.fromkeys(data["jurisdiction"].tolist()))
    )
    all_years: set[int] = set()
    drawn: list[str] = []
    labelled = False
    for n, jur in enumerate(jurs):
        s = data[data["jurisdiction"] == jur].sort_values("year")
        if s.empty:
            continue
        color = f"C{n % 10}"
        years = [int(y) for y in s["year"]]
        all_years.update(years)
        vals = dict(zip(years, s["value_approx"].tolist(), strict=True))
        full = list(range(min(years), max(years) + 1))
        ys = [vals.get(y, math.nan) for y in full]
        (line,) = ax.plot(full, ys, "-", color=color, label=jur)
        line.set_gid("trend-line")
        drawn.append(jur)
        rep = s[~s["derived"]]
        if len(rep):
            (pts,) = ax.plot(
                rep["year"].astype(int).tolist(), rep["value_approx"].tolist(),
                linestyle="none", marker="o", color=color, markerfacecolor=color,
                label="_nolegend_",
            )  # fmt: skip
            pts.set_gid("reported")
        der = s[s["derived"]]
        if len(der):
            x = der["year"].astype(int).tolist()
            y = der["value_approx"].tolist()
            lo = [
                max(v - lo_, 0.0) if not math.isnan(lo_) else 0.0
                for v, lo_ in zip(y, der["lower_approx"].tolist(), strict=True)
            ]
            hi = [
                max(hi_ - v, 0.0) if not math.isnan(hi_) else 0.0
                for v, hi_ in zip(y, der["upper_approx"].tolist(), strict=True)
            ]
            cont = ax.errorbar(
                x, y, yerr=[lo, hi], fmt="o", color=color, markerfacecolor="none",
                markeredgecolor=color, capsize=4, label="_nolegend_",
            )  # fmt: skip
            cont.lines[0].set_gid("derived")
        if growth_labels:
            for y0 in full[:-1]:
                a, b = vals.get(y0, math.nan), vals.get(y0 + 1, math.nan)
                if math.isnan(a) or math.isnan(b):
                    continue
                if is_rate:
                    text = _fmt_change(b - a, True)
                elif a > 0:
                    text = _fmt_change((b - a) / a, False)
                else:
                    continue  # growth from a zero or negative base is undefined
                t = ax.annotate(
                    text, xy=(y0 + 0.5, (a + b) / 2), xytext=(0, 6),
                    textcoords="offset points", ha="center", fontsize=8, color=color,
                    fontfamily=family,
                )  # fmt: skip
                t.set_gid("growth-label")
                labelled = True
    if all_years:
        ax.set_xticks(sorted(range(min(all_years), max(all_years) + 1)))
    else:
        ax.text(0.5, 0.5, "无数据", transform=ax.transAxes, ha="center", va="center",
                fontfamily=family)  # fmt: skip
    if labelled:
        _headroom(ax)
    ax.set_title(label)
    ax.set_xlabel("年份")
    ax.set_ylabel(f"{label}{_unit_suffix(panel, ind)}")
    if len(drawn) > 1:  # a legend of one entry only repeats the title
        ax.legend(title="地区", prop={"family": family, "size": 8},
                  title_fontproperties={"family": family})  # fmt: skip
    _style(ax)
    return ax


def plot_growth(
    panel: Panel,
    indicator: str,
    *,
    jurisdiction: str | None = None,
    ax: Axes | None = None,
    derived: bool = False,
    up_color: str = UP_COLOR,
    down_color: str = DOWN_COLOR,
) -> Axes:
    """Bars of the year-over-year change of one indicator in one jurisdiction.

    Growth in percent for counts, percentage points for rates. Bars going up use
    ``up_color``, down ``down_color`` (red up, green down by default, the Chinese
    convention). A gap year or an undefined growth (zero or negative base) gets no bar but
    a note (``无上年数据``, ``基数为0``, ``基数为负``).

    Raises:
        ValueError: ``jurisdiction`` is ``None`` and the indicator has several.

    Returns:
        The Axes; bars carry gids ``"growth-up"`` / ``"growth-down"``.
    """
    from matplotlib.ticker import PercentFormatter

    ind = panel.resolve(indicator)
    label = panel.label_of(ind)
    g = panel.growth(derived=derived, indicator=ind)
    jurs = list(dict.fromkeys(g["jurisdiction"].tolist())) or panel.jurisdictions()
    if jurisdiction is None:
        if len(jurs) > 1:
            raise ValueError(f"indicator {ind!r} has several jurisdictions {jurs}: pass one")
        jurisdiction = jurs[0] if jurs else None
    g = g[g["jurisdiction"] == jurisdiction]
    is_rate = bool((g["unit_kind"] == "rate").any())
    notes = {
        "gap": "无上年数据",
        "zero_base": "基数为0",
        "negative_base": "基数为负",
        "missing": "数值不确定",
    }
    family = cjk_family()
    ax = _new_axes(ax)
    falls = False  # a bar below zero: its label needs room below too
    for rec in g.to_dict(orient="records"):
        y = int(rec["year"])
        v = rec["pp_change_approx"] if is_rate else rec["growth_approx"]
        if rec["status"] in notes or v is None or math.isnan(v):
            ax.text(y, 0, notes.get(rec["status"], "—"), ha="center", va="bottom",
                    fontsize=8, color=FLAT_COLOR, fontfamily=family)  # fmt: skip
            continue
        falls = falls or v < 0
        color = up_color if v > 0 else down_color if v < 0 else FLAT_COLOR
        (bar,) = ax.bar([y], [v], color=color, width=0.6).patches
        bar.set_gid("growth-up" if v > 0 else "growth-down" if v < 0 else "growth-flat")
        ax.annotate(
            _fmt_change(v, is_rate), xy=(y, v), xytext=(0, 3 if v >= 0 else -10),
            textcoords="offset points", ha="center", fontsize=8, fontfamily=family,
        )  # fmt: skip
    ax.axhline(0, color="black", linewidth=0.8)
    _headroom(ax, below=falls)
    if len(g):
        ax.set_xticks([int(y) for y in g["year"]])
    if not is_rate:
        ax.yaxis.set_major_formatter(PercentFormatter(1.0))
    ax.set_title(f"{jurisdiction or ''}{label}同比{'变化' if is_rate else '增长'}")
    ax.set_xlabel("年份")
    ax.set_ylabel("百分点" if is_rate else "同比增长")
    _style(ax)
    return ax


def plot_compare(
    panel: Panel,
    indicator: str,
    year: int,
    *,
    ax: Axes | None = None,
    derived: bool = False,
) -> Axes:
    """Jurisdictions side by side for one indicator and year, largest first.

    Returns:
        The Axes; one bar per jurisdiction with a value (derived ones hatched), tick
        labels are the jurisdictions, each bar labelled with its value and rank.
    """

    ind = panel.resolve(indicator)
    label = panel.label_of(ind)
    cmp = panel.compare(ind, year, derived=derived)
    cmp = cmp[cmp["value"].notna()]
    family = cjk_family()
    ax = _new_axes(ax)
    names = cmp["jurisdiction"].tolist()
    vals = [float(v) for v in cmp["value"]]
    xs = list(range(len(names)))
    bars = ax.bar(xs, vals, color="C0", width=0.6)
    for bar, der, rank, v in zip(
        bars.patches, cmp["derived"], cmp["rank"], cmp["value"], strict=True
    ):
        if der:
            bar.set_hatch("//")
            bar.set_facecolor("none")
            bar.set_edgecolor("C0")
        ax.annotate(
            f"{v}（第{rank}）", xy=(bar.get_x() + bar.get_width() / 2, bar.get_height()),
            xytext=(0, 3), textcoords="offset points", ha="center", fontsize=8,
            fontfamily=family,
        )  # fmt: skip
    ax.set_xticks(xs, names)
    if names:
        _headroom(ax)
    if not names:
        ax.text(0.5, 0.5, "无数据", transform=ax.transAxes, ha="center", va="center",
                fontfamily=family)  # fmt: skip
    ax.set_title(f"{year}年{label}对比")
    ax.set_ylabel(f"{label}{_unit_suffix(panel, ind)}")
    _style(ax)
    return ax


def plot_small_multiples(
    panel: Panel,
    indicators: Sequence[str],
    *,
    jurisdictions: Sequence[str] | None = None,
    ncols: int = 3,
    derived: bool = True,
) -> np.ndarray[Any, Any]:
    """One trend panel per indicator on a grid of subplots.

    Args:
        panel: The panel.
        indicators: Indicator ids, labels or synonyms.
        jurisdictions: Which jurisdictions (default all).
        ncols: Columns of the grid.
        derived: Whether to show derived values.

    Returns:
        The 2-D array of Axes (``axes.flat[0].figure`` is the Figure); unused cells are
        switched off.
    """
    import matplotlib.pyplot as plt
    import numpy as np

    if ncols < 1:
        raise ValueError(f"ncols must be at least 1, got {ncols}")
    inds = list(indicators)
    if not inds:
        raise ValueError("no indicators to plot")
    ncols = min(ncols, len(inds))
    nrows = -(-len(inds) // ncols)
    _fig, axes = plt.subplots(
        nrows, ncols, figsize=(4.2 * ncols, 3.2 * nrows), squeeze=False,
        layout="constrained",
    )  # fmt: skip
    for i, ind in enumerate(inds):
        plot_trend(panel, ind, jurisdictions=jurisdictions, ax=axes.flat[i], derived=derived)
    for j in range(len(inds), nrows * ncols):
        axes.flat[j].set_axis_off()
    return np.asarray(axes)
