"""The ``disclosure.*`` checks across years: the carry-over of T3 and the stock of T2.

* ``disclosure.carry_over`` (pairs of consecutive years): 四 结转下年度 of year t =
  二 上年结转 of year t+1, every column of T3.
* ``disclosure.stock`` (pairs of consecutive years): 现行有效件数 t = 现行有效件数 t−1 +
  本年制发件数 t − 本年废止件数 t, for 规章 and 行政规范性文件.

The template states both identities, so a broken one FAILs naming the cells (see
:mod:`lawgov_metrics.checks.disclosure`).
"""

from __future__ import annotations

from .. import template as tpl
from ..records import Report
from ..results import CheckResult
from .config import CheckConfig
from .disclosure import _IDENTITY, _identity, _t3, _Term, needs_year
from .registry import report_check

__all__ = ["check_disclosure_carry_over", "check_disclosure_stock"]


# -- across years ------------------------------------------------------------------------


def _consecutive(earlier: Report, later: Report) -> bool:
    return earlier.year is not None and later.year == earlier.year + 1


def _carry_over(
    earlier: Report, later: Report, config: CheckConfig | None = None
) -> list[CheckResult]:
    """``disclosure.carry_over``: 结转下年度 of year t = 上年结转 of year t+1, every column."""
    cid = "disclosure.carry_over"
    if not _consecutive(earlier, later):
        return []
    a, b = _t3(earlier), _t3(later)
    if a is None or b is None:
        return []
    out = []
    for col in [c for c in a.columns if c in b.columns]:
        x, y = a.cells.get(("carried_out", col)), b.cells.get(("carried_in", col))
        if x is None or y is None:
            continue
        cl = a.column_label(col)
        out.append(
            _identity(
                cid, [earlier, later], "t3", f"carry_over/{cl}",
                [_Term(f"{earlier.year} 结转下年度", [x])], [_Term(f"{later.year} 上年结转", [y])],
                f"T3 column {cl}, carried from {earlier.year} to {later.year}",
            )
        )  # fmt: skip
    return out


def _stock(earlier: Report, later: Report, config: CheckConfig | None = None) -> list[CheckResult]:
    """``disclosure.stock``: 现行有效 t = 现行有效 t−1 + 本年制发 t − 本年废止 t."""
    cid = "disclosure.stock"
    if not _consecutive(earlier, later):
        return []
    da, db = earlier.disclosure, later.disclosure
    if da is None or db is None or da.t2 is None or db.t2 is None:
        return []
    ca = {(c.row_key, c.column_key): c for c in da.t2.cells if c.row_key}
    cb = {(c.row_key, c.column_key): c for c in db.t2.cells if c.row_key}
    out = []
    for item in ("rules", "normative_documents"):
        prev = ca.get((item, "in_force"))
        now, issued, repealed = (cb.get((item, k)) for k in ("in_force", "issued", "repealed"))
        if prev is None or now is None or issued is None or repealed is None:
            continue
        label = next(r.label for r in tpl.T2_ROWS if r.key == item)
        # 现行有效 t + 废止 t = 现行有效 t−1 + 制发 t, so every term is a printed cell
        out.append(
            _identity(
                cid, [earlier, later], "t2", f"stock/{label}",
                [_Term(f"{later.year} 现行有效件数", [now]),
                 _Term(f"{later.year} 本年废止件数", [repealed])],
                [_Term(f"{earlier.year} 现行有效件数", [prev]),
                 _Term(f"{later.year} 本年制发件数", [issued])],
                f"T2 {label}, stock from {earlier.year} to {later.year}",
            )
        )  # fmt: skip
    return out


@report_check(
    "disclosure.carry_over",
    title="T3 结转下年度 against next year's 上年结转",
    reasons=_IDENTITY,
)
def check_disclosure_carry_over(report: Report, config: CheckConfig) -> list[CheckResult]:
    """``disclosure.carry_over``: 四 结转下年度 of year t = 二 上年结转 of year t+1, every
    column of T3 (pairs of consecutive years of one jurisdiction).

    Examples:
        >>> import lawgov_metrics as lm
        >>> def year(y, carried_in, carried_out):
        ...     values = {("t3", "new", "total"): 5, ("t3", "carried_in", "total"): carried_in,
        ...               ("t3", "disclosed", "total"): 5 + carried_in - carried_out,
        ...               ("t3", "total", "total"): 5 + carried_in - carried_out,
        ...               ("t3", "carried_out", "total"): carried_out}
        ...     page = lm.render_template(values, fmt="markdown", tables=("t3",))
        ...     return lm.extract(page, jurisdiction="甲县", year=y)
        >>> [r.status.value for r in check_disclosure_carry_over([year(2024, 0, 2),
        ...                                                          year(2025, 3, 0)])
        ...  if r.details["cells"][0][2] == "总计"]
        ['fail']
    """
    return needs_year("disclosure.carry_over", report)


@check_disclosure_carry_over.pair
def _carry_over_pair(earlier: Report, later: Report, config: CheckConfig) -> list[CheckResult]:
    return _carry_over(earlier, later, config)


@report_check(
    "disclosure.stock",
    title="T2 现行有效 against last year's, 制发 and 废止",
    reasons=_IDENTITY,
)
def check_disclosure_stock(report: Report, config: CheckConfig) -> list[CheckResult]:
    """``disclosure.stock``: 现行有效件数 t = 现行有效件数 t−1 + 本年制发件数 t − 本年废止件数
    t, for 规章 and 行政规范性文件 (pairs of consecutive years of one jurisdiction).

    Examples:
        >>> import lawgov_metrics as lm
        >>> def year(y, issued, in_force):
        ...     values = {("t2", "rules", "issued"): issued, ("t2", "rules", "in_force"): in_force}
        ...     page = lm.render_template(values, fmt="markdown", tables=("t2",))
        ...     return lm.extract(page, jurisdiction="甲县", year=y)
        >>> results = check_disclosure_stock([year(2024, 1, 10), year(2025, 2, 12)])
        >>> [r.status.value for r in results if "规章" in r.message]
        ['pass']
    """
    return needs_year("disclosure.stock", report)


@check_disclosure_stock.pair
def _stock_pair(earlier: Report, later: Report, config: CheckConfig) -> list[CheckResult]:
    return _stock(earlier, later, config)
