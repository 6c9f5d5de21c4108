"""Checks of the standard tables of 政府信息公开工作年度报告 (``disclosure.*``).

The template's cells are bound by identities the template itself states (T3's header:
"本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和"), so each binding is
STATED: a broken identity is a FAIL, and its message names the cells (row and column
labels) and their values. A mark (blank, ``/``, ``-``, ``—``, ``无``) is read as 0 in a
sum; an identity that fails only with a mark read so is a WARN (``mark_read_as_zero``).

* ``disclosure.template`` (report): what of the template the tables leave out
  (UNDECIDABLE ``partial_template``), else PASS.
* ``disclosure.t3_balance`` (report): in every column of T3,
  一 本年新收 + 二 上年结转 = （七）总计 + 四 结转下年度.
* ``disclosure.t3_outcomes`` (report): in every column, （七）总计 = （一）…（六), a group
  not printed counted by its sub-rows; and a printed group = the sum of its sub-rows.
* ``disclosure.t3_applicants`` (report): in every row, 总计 = the six applicant columns
  (or 自然人 + 法人或其他组织).
* ``disclosure.t4_blocks`` (report): in every block, 总计 = 结果维持 + 结果纠正 +
  其他结果 + 尚未审结.
* ``disclosure.prose`` (report): the report's own counts (收到/受理 N件, 办结, 结转,
  行政复议 N件) against its cells (:mod:`lawgov_metrics.checks.disclosure_prose`).
* ``disclosure.carry_over`` (pair): 结转下年度 of year t = 上年结转 of year t+1, every
  column.
* ``disclosure.stock`` (pair): T2 现行有效 t = 现行有效 t−1 + 制发 t − 废止 t, for 规章
  and 行政规范性文件.
* ``disclosure.cross_document`` (pair): the same body's 法治政府建设年度报告 of the year
  restating a T3 figure (共办理政府信息公开申请N件).

Each check is a plain function ``(report, config)`` or ``(earlier, later, config)``
returning a list of :class:`~lawgov_metrics.CheckResult`, registered in the catalogue with
:func:`~lawgov_metrics.checks.registry.report_check`. Every result's ``details["cells"]``
lists the cells it used as ``(table, row, column)`` labels, and ``details["identity"]``
names the instance checked (``"t3_balance/自然人"``).

Examples:
    >>> import lawgov_metrics as lm
    >>> text = ("类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\\n"
    ...         "行政复议 | 3 | 1 | 0 | 1 | 6\\n")
    >>> [r] = check_disclosure_t4_blocks(lm.extract(text))
    >>> r.status
    <Status.FAIL: 'fail'>
    >>> print(r.message)
    T4 行政复议: 总计 6 ≠ 结果维持 3 + 结果纠正 1 + 其他结果 0 + 尚未审结 1 = 5
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import Final

from .. import template as tpl
from .._decimal import dsum, subtract
from ..reasons import Reason
from ..records import Figure, Report
from ..results import CheckResult, Status
from ..tables import DisclosureCell, DisclosureTable
from .config import CheckConfig
from .registry import report_check

__all__ = [
    "check_disclosure_t3_applicants",
    "check_disclosure_t3_balance",
    "check_disclosure_t3_outcomes",
    "check_disclosure_t4_blocks",
    "check_disclosure_template",
    "needs_year",
]

_GROUPS: Final = ("disclosed", "partly", "withheld", "not_provided", "not_processed",
                  "other_handling")  # fmt: skip
_APPLICANTS: Final = tuple(c.key for c in tpl.T3_COLUMNS[:6])
_RESULT_PARTS: Final = ("upheld", "corrected", "other", "pending")


class _Term:
    """A value taken from the table: the cells it adds up, and whether a mark was read as 0."""

    def __init__(self, label: str, cells: Sequence[DisclosureCell]) -> None:
        self.label = label
        self.cells = list(cells)
        self.value = dsum(c.value if c.value is not None else Decimal(0) for c in cells)
        self.marks = any(c.value is None for c in cells)

    def show(self) -> str:
        marks = [c.text or "blank" for c in self.cells if c.value is None]
        note = f" ({', '.join(dict.fromkeys(marks))} read as 0)" if marks else ""
        return f"{self.label} {_fmt(self.value)}{note}"


def _fmt(v: Decimal) -> str:
    t = format(v, "f")
    return t.rstrip("0").rstrip(".") if "." in t else t


class _Memo:
    """What the checks of one report share, built once (a report is frozen): the figures by
    span and the T3 accessor. One entry: checks run report by report. The report is held
    weakly, so the memo never keeps a report of a long run alive."""

    def __init__(self) -> None:
        self.report: weakref.ref[Report] | None = None
        self.by_span: dict[tuple[int, int], Figure] = {}
        self.t3: _T3 | None = None

    def of(self, report: Report) -> _Memo:
        if self.report is None or self.report() is not report:
            self.report = weakref.ref(report)
            self.by_span = {f.span: f for f in report.figures}
            d = report.disclosure
            self.t3 = None if d is None or d.t3 is None else _T3(d.t3, d.format)
        return self


_MEMO = _Memo()


def figures_by_span(report: Report) -> dict[tuple[int, int], Figure]:
    """The report's figures by span (built once per report)."""
    return _MEMO.of(report).by_span


def _cell_figures(report: Report, cells: Iterable[DisclosureCell]) -> list[Figure]:
    by_span = figures_by_span(report)
    out = []
    for c in cells:
        f = by_span.get(c.span)
        if f is not None and f not in out:
            out.append(f)
    return out


def _result(
    check: str,
    status: Status,
    message: str,
    report: Report | Sequence[Report],
    *,
    reason: Reason = Reason.NONE,
    table: str = "",
    terms: Sequence[_Term] = (),
    identity: str = "",
    observed: Decimal | None = None,
) -> CheckResult:
    reports = [report] if isinstance(report, Report) else list(report)
    cells = [c for t in terms for c in t.cells]
    figures = [f for r in reports for f in _cell_figures(r, cells)]
    return CheckResult(
        check=check,
        status=status,
        message=message,
        reason=reason,
        observed=observed,
        figures=figures,
        reports=tuple(r.label for r in reports),
        details={
            "identity": identity,
            "cells": [(table, c.row, c.column) for c in cells],
            "values": [None if c.value is None else c.value for c in cells],
        },
    )


def _identity(
    check: str,
    report: Report | Sequence[Report],
    table: str,
    identity: str,
    lhs: Sequence[_Term],
    rhs: Sequence[_Term],
    what: str,
) -> CheckResult:
    left = dsum(t.value for t in lhs)
    right = dsum(t.value for t in rhs)
    terms = [*lhs, *rhs]

    def side(ts: Sequence[_Term], total: Decimal) -> str:
        body = " + ".join(t.show() for t in ts)
        return body if len(ts) == 1 else f"{body} = {_fmt(total)}"

    text = f"{what}: {side(lhs, left)} {'=' if left == right else '≠'} {side(rhs, right)}"
    if left == right:
        return _result(check, Status.PASS, text, report, table=table, terms=terms,
                       identity=identity)  # fmt: skip
    marks = any(t.marks for t in terms)
    status = Status.WARN if marks else Status.FAIL
    reason = Reason.MARK_READ_AS_ZERO if marks else Reason.IDENTITY_BROKEN
    return _result(check, status, text, report, reason=reason, table=table, terms=terms,
                   identity=identity, observed=subtract(left, right))  # fmt: skip


def _undecidable(check: str, report: Report, message: str, reason: Reason) -> CheckResult:
    return CheckResult(
        check=check, status=Status.UNDECIDABLE, message=message, reason=reason,
        reports=(report.label,),
    )  # fmt: skip


# -- T3 ----------------------------------------------------------------------------------


class _T3:
    """Cell access on T3 by keys, with a group not printed counted by its sub-rows."""

    def __init__(self, table: DisclosureTable, form: tpl.Form) -> None:
        self.table = table
        self.form = form
        self.cells = {(c.row_key, c.column_key): c for c in table.cells if c.row_key}
        self.columns = [k for k in (*_APPLICANTS, "legal_persons", "total")
                        if any(ck == k for _, ck in self.cells)]  # fmt: skip
        self.rows = [r for r in tpl.t3_rows(form) if any(rk == r.key for rk, _ in self.cells)]

    def label(self, row: str) -> str:
        line = next(r for r in tpl.T3_ROWS if r.key == row)
        return line.label if row != "total" else "（七）总计"

    def subs(self, row: str) -> list[tpl.Line]:
        return [s for s in tpl.t3_rows(self.form) if s.parent == row]

    def term(self, row: str, col: str) -> _Term | None:
        c = self.cells.get((row, col))
        if c is not None:
            return _Term(self.label(row), [c])
        subs = self.subs(row)
        got = [self.cells.get((s.key, col)) for s in subs]
        if subs and all(g is not None for g in got):
            return _Term(f"{self.label(row)} (its {len(subs)} sub-rows)", [g for g in got if g])
        return None

    def column_label(self, col: str) -> str:
        for line in (*tpl.T3_COLUMNS, tpl.T3_LEGAL_PERSONS):
            if line.key == col:
                return line.label
        return col


def _t3(report: Report) -> _T3 | None:
    return _MEMO.of(report).t3


def _t3_balance(report: Report, config: CheckConfig | None = None) -> list[CheckResult]:
    """``disclosure.t3_balance``: 一 + 二 = （七） + 四 in every column of T3."""
    cid = "disclosure.t3_balance"
    t3 = _t3(report)
    if t3 is None:
        return []
    out = []
    for col in t3.columns:
        terms = [t3.term(r, col) for r in ("new", "carried_in", "total", "carried_out")]
        what = f"T3 column {t3.column_label(col)}"
        if any(t is None for t in terms):
            lost = [t3.label(r) for r, t in zip(("new", "carried_in", "total", "carried_out"),
                                               terms, strict=True) if t is None]  # fmt: skip
            out.append(_undecidable(cid, report, f"{what}: {', '.join(lost)} not printed",
                                    Reason.CELL_NOT_PRINTED))  # fmt: skip
            continue
        a, b, c, d = (t for t in terms if t is not None)
        out.append(_identity(cid, report, "t3", f"t3_balance/{t3.column_label(col)}",
                             [a, b], [c, d], what))  # fmt: skip
    return out


def _t3_outcomes(report: Report, config: CheckConfig | None = None) -> list[CheckResult]:
    """``disclosure.t3_outcomes``: （七）总计 = （一）…（六）, and each printed group = its
    sub-rows, in every column of T3."""
    cid = "disclosure.t3_outcomes"
    t3 = _t3(report)
    if t3 is None:
        return []
    out = []
    for col in t3.columns:
        cl = t3.column_label(col)
        total = t3.term("total", col)
        parts = [t3.term(g, col) for g in _GROUPS]
        what = f"T3 column {cl}, 办理结果"
        if total is None or any(p is None for p in parts):
            lost = [t3.label(g) for g, p in zip(("total", *_GROUPS), (total, *parts),
                                               strict=True) if p is None]  # fmt: skip
            out.append(_undecidable(cid, report, f"{what}: {', '.join(lost)} not printed",
                                    Reason.CELL_NOT_PRINTED))  # fmt: skip
        else:
            out.append(_identity(cid, report, "t3", f"t3_outcomes/{cl}", [total],
                                 [p for p in parts if p is not None], what))  # fmt: skip
        for g in _GROUPS:
            parent = t3.cells.get((g, col))
            subs = t3.subs(g)
            got = [t3.cells.get((s.key, col)) for s in subs]
            if parent is None or not subs or not all(x is not None for x in got):
                continue
            out.append(
                _identity(
                    cid, report, "t3", f"t3_outcomes/{t3.label(g)}/{cl}",
                    [_Term(t3.label(g), [parent])],
                    [_Term(s.label, [x]) for s, x in zip(subs, got, strict=True) if x],
                    f"T3 column {cl}, {t3.label(g)} and its sub-rows",
                )
            )  # fmt: skip
    return out


def _t3_applicants(report: Report, config: CheckConfig | None = None) -> list[CheckResult]:
    """``disclosure.t3_applicants``: 总计 = the applicant columns, in every row of T3."""
    cid = "disclosure.t3_applicants"
    t3 = _t3(report)
    if t3 is None:
        return []
    parts = [c for c in _APPLICANTS if c in t3.columns]
    if not parts and "legal_persons" in t3.columns:
        parts = []
    if "legal_persons" in t3.columns and len(parts) < len(_APPLICANTS):
        parts = [p for p in ("natural_person", "legal_persons") if p in t3.columns]
    out = []
    for row in t3.rows:
        total = t3.cells.get((row.key, "total"))
        cells = [t3.cells.get((row.key, p)) for p in parts]
        what = f"T3 row {t3.label(row.key)}"
        if total is None or not parts or any(c is None for c in cells):
            out.append(_undecidable(cid, report, f"{what}: the 总计 or an applicant column is "
                                    "not printed", Reason.CELL_NOT_PRINTED))  # fmt: skip
            continue
        out.append(
            _identity(
                cid, report, "t3", f"t3_applicants/{t3.label(row.key)}",
                [_Term("总计", [total])],
                [_Term(t3.column_label(p), [c]) for p, c in zip(parts, cells, strict=True) if c],
                what,
            )
        )  # fmt: skip
    return out


def _t4_blocks(report: Report, config: CheckConfig | None = None) -> list[CheckResult]:
    """``disclosure.t4_blocks``: 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结, every block."""
    cid = "disclosure.t4_blocks"
    d = report.disclosure
    if d is None or d.t4 is None:
        return []
    cells = {(c.row_key, c.column_key): c for c in d.t4.cells if c.row_key}
    out = []
    for block in (*tpl.T4_BLOCKS, tpl.T4_LITIGATION):
        got = [cells.get((block.key, r)) for r in (*_RESULT_PARTS, "total")]
        if all(g is None for g in got):
            continue
        what = f"T4 {block.label}"
        if any(g is None for g in got):
            out.append(_undecidable(cid, report, f"{what}: a result column is not printed",
                                    Reason.CELL_NOT_PRINTED))  # fmt: skip
            continue
        labels = [r.label for r in tpl.T4_RESULTS]
        terms = [_Term(lab, [g]) for lab, g in zip(labels, got, strict=True) if g]
        out.append(_identity(cid, report, "t4", f"t4_blocks/{block.label}", [terms[-1]],
                             terms[:-1], what))  # fmt: skip
    return out


def _template(report: Report, config: CheckConfig | None = None) -> list[CheckResult]:
    """``disclosure.template``: what of the template the report's tables leave out.

    UNDECIDABLE (``partial_template``) naming every table, row, column or sub-row missing
    and every row that could not be read; PASS when the tables are complete.
    """
    cid = "disclosure.template"
    d = report.disclosure
    if d is None:
        return []
    gaps = [f"{t} not found" for t in d.missing]
    for t in d.tables():
        name = t.kind.upper()
        gaps += [f"{name}: {m}" for m in t.missing]
        gaps += [f"{name}: {n}" for n in t.notes]
    if not gaps:
        return [CheckResult(check=cid, status=Status.PASS, reports=(report.label,),
                            reason=Reason.NONE,
                            message=f"T2, T3 and T4 match the {d.format} template")]  # fmt: skip
    return [
        CheckResult(
            check=cid, status=Status.UNDECIDABLE, reason=Reason.PARTIAL_TEMPLATE,
            message=f"the tables match the {d.format} template only in part; identities "
            f"needing what is missing are not checked: {'; '.join(gaps)}",
            reports=(report.label,),
        )
    ]  # fmt: skip


# -- the catalogue -----------------------------------------------------------------------

_IDENTITY: Final = (Reason.NONE, Reason.IDENTITY_BROKEN, Reason.MARK_READ_AS_ZERO)


def needs_year(check_id: str, report: Report) -> list[CheckResult]:
    """The single-report half of a cross-year or cross-document check: a report with
    tables but no year cannot be lined up (UNDECIDABLE ``missing_year``); nothing else."""
    if report.disclosure is None or report.year is not None:
        return []
    why = f"{report.label} has tables but no year, so it cannot be lined up with others"
    return [_undecidable(check_id, report, why, Reason.MISSING_YEAR)]


@report_check(
    "disclosure.template",
    title="the tables against the template: what is missing",
    reasons=(Reason.NONE, Reason.PARTIAL_TEMPLATE),
)
def check_disclosure_template(report: Report, config: CheckConfig) -> list[CheckResult]:
    """``disclosure.template``: what of the template the report's tables leave out.

    UNDECIDABLE (``partial_template``) naming every table, row, column or sub-row missing
    and every row that could not be read; PASS when the tables are complete.

    Examples:
        >>> import lawgov_metrics as lm
        >>> text = ("类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\\n"
        ...         "行政复议 | 3 | 1 | 0 | 1 | 5\\n")
        >>> [(r.status.value, str(r.reason)) for r in check_disclosure_template(lm.extract(text))]
        [('undecidable', 'partial_template')]
    """
    return _template(report, config)


@report_check(
    "disclosure.t3_balance",
    title="T3: 新收 + 上年结转 = 办理结果总计 + 结转下年度",
    reasons=(*_IDENTITY, Reason.CELL_NOT_PRINTED),
)
def check_disclosure_t3_balance(report: Report, config: CheckConfig) -> list[CheckResult]:
    """``disclosure.t3_balance``: 一 本年新收 + 二 上年结转 = （七）总计 + 四 结转下年度, in
    every column of T3. A broken identity FAILs naming the cells; a cell not printed is
    UNDECIDABLE (``cell_not_printed``).

    Examples:
        >>> import lawgov_metrics as lm
        >>> text = ("申请人情况 | 自然人 | 法人或其他组织 | 总计\\n"
        ...         "一、本年新收政府信息公开申请数量 | 10 | 2 | 12\\n"
        ...         "二、上年结转政府信息公开申请数量 | 1 | 0 | 1\\n"
        ...         "（七）总计 | 10 | 2 | 13\\n"
        ...         "四、结转下年度继续办理 | 1 | 0 | 1\\n")
        >>> [r.status.value for r in check_disclosure_t3_balance(lm.extract(text))]
        ['pass', 'pass', 'fail']
    """
    return _t3_balance(report, config)


@report_check(
    "disclosure.t3_outcomes",
    title="T3: 办理结果总计 = the outcomes and their sub-rows",
    reasons=(*_IDENTITY, Reason.CELL_NOT_PRINTED),
)
def check_disclosure_t3_outcomes(report: Report, config: CheckConfig) -> list[CheckResult]:
    """``disclosure.t3_outcomes``: （七）总计 = （一）…（六）, a group not printed counted by
    its sub-rows, and each printed group = the sum of its sub-rows, in every column.

    Examples:
        >>> import lawgov_metrics as lm
        >>> values = {("t3", "new", "total"): 3, ("t3", "disclosed", "total"): 2,
        ...           ("t3", "partly", "total"): 1, ("t3", "total", "total"): 4}
        >>> page = lm.render_template(values, fmt="markdown", tables=("t3",))
        >>> [r.message for r in check_disclosure_t3_outcomes(lm.extract(page))
        ...  if r.status.value == "fail"][0][:45]
        'T3 column 总计, 办理结果: （七）总计 4 ≠ 予以公开 2 + 部分公开 1'
    """
    return _t3_outcomes(report, config)


@report_check(
    "disclosure.t3_applicants",
    title="T3: 总计 = the applicant columns, every row",
    reasons=(*_IDENTITY, Reason.CELL_NOT_PRINTED),
)
def check_disclosure_t3_applicants(report: Report, config: CheckConfig) -> list[CheckResult]:
    """``disclosure.t3_applicants``: in every row of T3, 总计 = 自然人 + the five kinds of
    法人或其他组织 (or 自然人 + 法人或其他组织 when the report merges them).

    Examples:
        >>> import lawgov_metrics as lm
        >>> text = ("申请人情况 | 自然人 | 法人或其他组织 | 总计\\n"
        ...         "一、本年新收政府信息公开申请数量 | 10 | 2 | 12\\n"
        ...         "二、上年结转政府信息公开申请数量 | 1 | 0 | 1\\n"
        ...         "（七）总计 | 10 | 2 | 13\\n"
        ...         "四、结转下年度继续办理 | 1 | 0 | 1\\n")
        >>> [r.status.value for r in check_disclosure_t3_applicants(lm.extract(text))]
        ['pass', 'pass', 'fail', 'pass']
    """
    return _t3_applicants(report, config)


@report_check(
    "disclosure.t4_blocks",
    title="T4: 总计 = the four results, every block",
    reasons=(*_IDENTITY, Reason.CELL_NOT_PRINTED),
)
def check_disclosure_t4_blocks(report: Report, config: CheckConfig) -> list[CheckResult]:
    """``disclosure.t4_blocks``: in each block of T4 (行政复议, 未经复议直接起诉, 复议后起诉),
    总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

    Examples:
        >>> import lawgov_metrics as lm
        >>> text = ("类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\\n"
        ...         "行政复议 | 3 | 1 | 0 | 1 | 5\\n")
        >>> [r.status.value for r in check_disclosure_t4_blocks(lm.extract(text))]
        ['pass']
    """
    return _t4_blocks(report, config)
