"""Panels: indicators lined up across years and jurisdictions, growth done right.

A :class:`Panel` holds a tidy long table (one row per figure) built from reports or from a
frame. Figures are mapped onto canonical indicators by a
:class:`~lawgov_metrics.Vocabulary`; a subject the vocabulary does not know keeps its own
label (it is never dropped). Values stay exact: ``value`` is a :class:`~decimal.Decimal`
as written, ``lower``/``upper`` are the exact :class:`~fractions.Fraction` ends of the
interval the written figure admits (rounding and qualifiers such as 余/约/近 applied).
These columns are :class:`DecimalArray` and :class:`FractionArray`: exact numbers stored as
int64 parts, so a panel of millions of rows costs tens of bytes a row and its growth is
computed without a Python loop; an element is a Decimal or Fraction when you ask for it.
``value_approx`` is the float of ``value`` for plots.

Values implied by a growth claim ("收到行政复议申请786宗,同比增长68.67%" implies 466 for the
year before) are added as **derived** rows: ``derived=True``, ``origin="implied_growth"``,
with the implied interval in ``lower``/``upper`` and a ``value`` only when that interval
holds exactly one integer (for a count). A prior-year figure the text prints itself
(较2022年558件) is added as a derived row with ``origin="basis"``. Derived rows never
override reported ones: every method uses reported values unless asked for
``derived=True``, and even then a reported value for the same year wins.

Usage, three reports to a trend plot::

    import lawgov_metrics as lm
    reports = [lm.read_report(p) for p in ["hd-2021.txt", "hd-2022.txt", "hd-2023.txt"]]
    panel = lm.Panel.from_reports(reports)
    ax = lm.plot_trend(panel, "行政复议申请")

Examples:
    >>> from decimal import Decimal
    >>> import lawgov_metrics as lm
    >>> def fig(subject, value, unit="件"):
    ...     q = lm.Quantity(value=Decimal(value), unit=unit, text=f"{value}{unit}")
    ...     return lm.Figure(quantity=q, subject=subject, quote=q.text)
    >>> cur = fig("收到行政复议申请", "786", "宗")
    >>> rate = lm.Quantity(value=Decimal("68.67"), unit="%", text="68.67%",
    ...                    resolution=Decimal("0.01"), rounded=True)
    >>> r23 = lm.Report(text="…", jurisdiction="花都区", year=2023, figures=[cur],
    ...                 claims=[lm.GrowthClaim(figure=cur, rate=rate, quote="同比增长68.67%")])
    >>> r21 = lm.Report(text="…", jurisdiction="花都区", year=2021,
    ...                 figures=[fig("受理行政复议案件", "400")])
    >>> panel = lm.Panel.from_reports([r21, r23])
    >>> panel.indicators()
    ['admin_reconsideration_applications']
    >>> for row in panel.frame[["year", "value", "derived", "origin"]].itertuples(index=False):
    ...     print(*row)
    2021 400 False reported
    2023 786 False reported
    2022 466 True implied_growth
    >>> panel.growth()[["year", "status"]].values.tolist()   # 2022 not reported: a gap
    [[2023, 'gap']]
    >>> panel.growth(derived=True)[["year", "growth", "status"]].values.tolist()
    [[2022, Fraction(33, 200), 'ok'], [2023, Fraction(160, 233), 'ok']]
"""

from __future__ import annotations

from ._cagr import CAGR
from ._convert import is_missing
from ._exact import DecimalArray, DecimalDtype, FractionArray, FractionDtype
from ._panel import FRAME_COLUMNS, GROWTH_COLUMNS, Panel

__all__ = [
    "CAGR",
    "FRAME_COLUMNS",
    "GROWTH_COLUMNS",
    "DecimalArray",
    "DecimalDtype",
    "FractionArray",
    "FractionDtype",
    "Panel",
]

for _cls in (CAGR, DecimalArray, DecimalDtype, FractionArray, FractionDtype, Panel):
    _cls.__module__ = __name__
del _cls

# io and older callers import this name from here.
_is_missing = is_missing
