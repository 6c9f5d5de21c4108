"""Prose against tables: ``disclosure.prose`` and ``disclosure.cross_document``.

A count in prose about applications names the T3 cell it restates by its wording:

=============================================== ==================================== =======
wording before the count                        cell                                 binding
=============================================== ==================================== =======
上年结转 N件                                     二、上年结转 (总计)                  STATED
结转下年度(继续办理) N件, 继续办理 N件            四、结转下年度                       STATED
予以公开 / 部分公开 / 不予公开 / 无法提供 /       that outcome (its sub-rows added      STATED
不予处理 / 其他处理 N件                          when it is not printed)
办结 / 答复 N件                                  （七）总计                           STATED
N件 (含上年结转 …)                               一 + 二 (新收 + 上年结转)            STATED
收到 / 新收 / 受理 / 接收 N件                    一、本年新收                         STATED
办理 / 处理 N件                                  一 + 二, else 一, else （七）          POSITIONAL
行政复议 N件/起 (disclosure report only)          T4 行政复议 总计                     STATED
行政诉讼 N件/起 (disclosure report only)          T4 行政诉讼 总计 (both halves)       STATED
=============================================== ==================================== =======

The cell the wording names is tried first; when it does not hold the count but another
cell of the same family does (收到 152件 = 新收 146 + 上年结转 6), the count is read as that
cell (ARITHMETIC) and passes, and the message says which. When no cell holds it, a STATED
reading FAILs and a POSITIONAL one WARNs. Only exact counts (件, 宗, 起, 个, 件次) in a
clause about applications (申请) count; in another document (the same body's
法治政府建设年度报告 of the year) the sentence must say 政府信息公开 or 依申请公开.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from .. import template as tpl
from ..numerals import normalize
from ..reasons import Reason
from ..records import Figure, Qualifier, Report
from ..results import CheckResult, Status
from .config import CheckConfig
from .disclosure import _fmt, _t3, _Term, figures_by_span, needs_year
from .registry import report_check

__all__ = ["check_disclosure_cross_document", "check_disclosure_prose", "named_cell"]

_UNITS: Final = frozenset({"件", "宗", "起", "个", "件次"})
_CLAUSE_END: Final = "，,。；;：:\n!?！？"
_OUTCOMES: Final = {
    r.label: r.key
    for r in tpl.T3_ROWS
    if r.key
    in ("disclosed", "partly", "withheld", "not_provided", "not_processed", "other_handling")
}
_CARRY_OUT_RE: Final = re.compile(r"结转(?:至|到)?下一?年|继续办理|转入下一?年")
_KEYWORD_RE: Final = re.compile(
    "行政复议|行政诉讼|结转|继续办理|办结|答复|新收|收到|受理|接收|接到|办理|处理|"
    + "|".join(_OUTCOMES)
)
_ORDER: Final = {
    "new": ("new", "handled", "total"),
    "handled": ("handled", "new", "total"),
    "total": ("total", "handled"),
}


def _clause(text: str, start: int) -> str:
    lo = max(0, start - 60)
    k = max((text.rfind(ch, lo, start) for ch in _CLAUSE_END), default=-1)
    return text[max(k + 1, lo) : start]


def _sentence(text: str, start: int, end: int, *, back: int = 0) -> str:
    lo = max((text.rfind(ch, max(0, start - 200), start) for ch in "。；;\n"), default=-1) + 1
    lo = max(0, lo - back)
    hi = min((k for k in (text.find(ch, end, end + 200) for ch in "。；;\n") if k >= 0),
             default=min(len(text), end + 200))  # fmt: skip
    return text[lo:hi]


def named_cell(
    text: str, fig: Figure, *, t4: bool = True, back: int = 0
) -> tuple[str, bool] | None:
    """The cell a prose count names, and whether the wording says so (STATED).

    Returns:
        ``(key, stated)`` with key one of ``new``, ``handled`` (新收 + 上年结转),
        ``total``, ``carried_in``, ``carried_out``, an outcome's key, ``t4_reconsideration``,
        ``t4_litigation``; or ``None`` when the count is not about the tables (no 申请 in
        its sentence, or in the ``back`` characters before it).

    Examples:
        >>> import lawgov_metrics as lm
        >>> t = "全年共办理政府信息公开申请152件(含上年结转6件),已办结147件。"
        >>> r = lm.extract(t)
        >>> [named_cell(t, f) for f in r.figures]
        [('handled', True), ('carried_in', True), ('total', True)]
    """
    pre = normalize(_clause(text, fig.span[0]))
    after = normalize(text[fig.span[1] : fig.span[1] + 14])
    if not _KEYWORD_RE.search(pre) and "结转" not in after:
        return None  # the clause names no cell (the common case: answer it cheaply)
    if t4 and "行政复议" in pre:
        return "t4_reconsideration", True
    if t4 and "行政诉讼" in pre:
        return "t4_litigation", True
    sentence = normalize(_sentence(text, fig.span[0], fig.span[1], back=back))
    if "申请" not in sentence:
        return None
    tail = pre[-12:]
    if "上年结转" in tail or "上年度结转" in tail:
        return "carried_in", True
    if _CARRY_OUT_RE.search(tail):
        return "carried_out", True
    for label, key in _OUTCOMES.items():
        if tail.rstrip("的了").endswith(label):
            return key, True
    if "办结" in pre or "答复" in tail:
        return "total", True
    if re.match(r"\s*[(（]\s*(?:含|包括)上一?年(?:度)?结转", after):
        return "handled", True
    if any(w in pre for w in ("新收", "收到", "受理", "接收", "接到")):
        return "new", True
    if "办理" in pre or "处理" in pre:
        return "handled", False
    return None


def _candidates(report: Report, key: str) -> list[tuple[str, _Term]]:
    out: list[tuple[str, _Term]] = []
    if key.startswith("t4_"):
        d = report.disclosure
        if d is None or d.t4 is None:
            return []
        cells = {(c.row_key, c.column_key): c for c in d.t4.cells if c.row_key}
        if key == "t4_reconsideration":
            keys = ["reconsideration"]
        elif ("litigation", "total") in cells:
            keys = ["litigation"]
        else:
            keys = ["litigation_direct", "litigation_after"]
        got = [cells.get((k, "total")) for k in keys]
        if all(g is not None for g in got):
            label = "T4 行政复议 总计" if key == "t4_reconsideration" else "T4 行政诉讼 总计"
            out.append((label, _Term(label, [g for g in got if g])))
        return out
    t3 = _t3(report)
    if t3 is None:
        return []
    for k in _ORDER.get(key, (key,)):
        if k == "handled":
            a, b = t3.term("new", "total"), t3.term("carried_in", "total")
            if a is not None and b is not None:
                out.append(("T3 本年新收 + 上年结转 (总计)",
                        _Term("本年新收 + 上年结转", [*a.cells, *b.cells])))  # fmt: skip
            continue
        t = t3.term(k, "total")
        if t is not None:
            out.append((f"T3 {t3.label(k)} (总计)", t))
    return out


def _compare(
    cid: str, fig: Figure, key: str, stated: bool, source: Report, tables: Report
) -> CheckResult | None:
    cands = _candidates(tables, key)
    if not cands:
        return None
    value = fig.quantity.value
    reports = (source.label,) if source is tables else (source.label, tables.label)
    by_span = figures_by_span(tables)

    def result(status: Status, message: str, reason: Reason, cells: list[_Term]) -> CheckResult:
        used = [c for t in cells for c in t.cells]
        return CheckResult(
            check=cid, status=status, message=message, reason=reason, figures=[fig, *(
                by_span[c.span] for c in used if c.span in by_span)], reports=reports,
            observed=value,
            details={"cells": [("t4" if key.startswith("t4") else "t3", c.row, c.column)
                               for c in used], "named": key, "stated": stated},
        )  # fmt: skip

    quote = f"“{fig.quote}”"

    def show(label: str, term: _Term) -> str:
        parts = " + ".join(_fmt(c.value or Decimal(0)) for c in term.cells)
        marks = [c.text or "blank" for c in term.cells if c.value is None]
        note = f", {', '.join(dict.fromkeys(marks))} read as 0" if marks else ""
        shown = f" ({parts}{note})" if len(term.cells) > 1 else (f" ({note[2:]})" if note else "")
        return f"{label} {_fmt(term.value)}{shown}"

    first_label, first = cands[0]
    if first.value == value:
        return result(Status.PASS, f"{quote} = {show(first_label, first)}", Reason.NONE, [first])
    for label, term in cands[1:]:
        if term.value == value:
            return result(
                Status.PASS,
                f"{quote} does not match {show(first_label, first)} but matches "
                f"{show(label, term)}; read as that cell",
                Reason.READ_AS_OTHER_CELL, [term],
            )  # fmt: skip
    tried = "; ".join(show(lab, t) for lab, t in cands)
    if first.marks:
        # the cell it names is blank or a mark (not filled): unsure, not a contradiction
        return result(Status.WARN, f"{quote} matches no cell it can restate: {tried}",
                      Reason.MARK_READ_AS_ZERO, [t for _, t in cands])  # fmt: skip
    status = Status.FAIL if stated else Status.WARN
    return result(status, f"{quote} matches no cell it can restate: {tried}",
                  Reason.PROSE_TABLE_MISMATCH, [t for _, t in cands])  # fmt: skip


def _table_spans(report: Report) -> list[tuple[int, int]]:
    d = report.disclosure
    return [] if d is None else [t.span for t in (*d.tables(), *d.generic)]


def _prose_counts(report: Report) -> list[Figure]:
    spans = _table_spans(report)
    return [
        f for f in report.figures
        if f.quantity.unit in _UNITS and f.quantity.qualifier is Qualifier.EXACT
        and not f.quantity.rounded and f.quantity.value >= 0
        and not any(a <= f.span[0] < b for a, b in spans)
    ]  # fmt: skip


def _prose(report: Report) -> list[CheckResult]:
    """``disclosure.prose``: counts in the report's prose against its own T3 and T4 cells."""
    if report.disclosure is None:
        return []
    out = []
    for fig in _prose_counts(report):
        named = named_cell(report.text, fig, back=120)  # the sentence or the one before
        if named is None:
            continue
        r = _compare("disclosure.prose", fig, named[0], named[1], report, report)
        if r is not None:
            out.append(r)
    return out


def _is_other_kind(report: Report) -> bool:
    return report.disclosure is None and report.doc_type != "disclosure"


def _cross_document(earlier: Report, later: Report) -> list[CheckResult]:
    """``disclosure.cross_document``: a same-year report of the same body restating T3.

    The report without tables (the 法治政府建设年度报告) is read for counts of 政府信息公开
    applications, each matched like ``disclosure.prose`` to the disclosure report's T3.
    """
    if earlier.year is None or earlier.year != later.year:
        return []
    pairs = [
        (a, b)
        for a, b in ((earlier, later), (later, earlier))
        if a.disclosure is not None and a.disclosure.t3 is not None and _is_other_kind(b)
    ]
    out: list[CheckResult] = []
    for tables, other in pairs:
        for fig in _prose_counts(other):
            sentence = normalize(_sentence(other.text, fig.span[0], fig.span[1]))
            if "政府信息公开" not in sentence and "依申请公开" not in sentence:
                continue
            named = named_cell(other.text, fig, t4=False)
            if named is None:
                continue
            r = _compare("disclosure.cross_document", fig, named[0], named[1], other, tables)
            if r is not None:
                out.append(r)
    return out


_PROSE_REASONS: Final = (
    Reason.NONE,
    Reason.READ_AS_OTHER_CELL,
    Reason.PROSE_TABLE_MISMATCH,
    Reason.MARK_READ_AS_ZERO,
)


@report_check(
    "disclosure.prose",
    title="the report's prose against its own tables",
    reasons=_PROSE_REASONS,
)
def check_disclosure_prose(report: Report, config: CheckConfig) -> list[CheckResult]:
    """``disclosure.prose``: the report's counts of applications (收到/受理 N件, 办结, 上年结转,
    结转下年度, the outcomes, 行政复议/行政诉讼 N件) against the cell their wording names (see
    the module's table). A count that matches another cell of the family passes as read from
    that cell (``read_as_other_cell``); a count no cell holds FAILs when the wording names the
    cell and WARNs when it is loose (``prose_table_mismatch``); when the cell it names is
    blank or a mark (not filled), it WARNs (``mark_read_as_zero``): no contradiction is
    certain.

    Examples:
        >>> import lawgov_metrics as lm
        >>> values = {("t3", "new", "total"): 12, ("t3", "total", "total"): 12,
        ...           ("t3", "disclosed", "total"): 12}
        >>> page = "本年度收到政府信息公开申请13件。\\n" + lm.render_template(
        ...     values, fmt="markdown", tables=("t3",))
        >>> [r.status.value for r in check_disclosure_prose(lm.extract(page))][:1]
        ['fail']
    """
    return _prose(report)


@report_check(
    "disclosure.cross_document",
    title="the 法治政府建设年度报告 restating a T3 figure",
    reasons=_PROSE_REASONS,
)
def check_disclosure_cross_document(report: Report, config: CheckConfig) -> list[CheckResult]:
    """``disclosure.cross_document``: the same body's 法治政府建设年度报告 of the year restating
    the disclosure report's T3 (共办理政府信息公开申请案件786件): matched to 新收, 新收 + 上年结转
    or 办理结果总计, whichever the wording names, and the message says which cell.

    Examples:
        >>> import lawgov_metrics as lm
        >>> values = {("t3", "new", "total"): 786, ("t3", "total", "total"): 786,
        ...           ("t3", "disclosed", "total"): 786}
        >>> tables = lm.extract(lm.render_template(values, fmt="markdown", tables=("t3",)),
        ...                     jurisdiction="甲县", year=2023)
        >>> import attrs
        >>> prose = attrs.evolve(lm.extract("全年共收到政府信息公开申请786件。",
        ...                                 jurisdiction="甲县", year=2023), doc_type="rule_of_law")
        >>> [r.status.value for r in check_disclosure_cross_document([tables, prose])]
        ['pass']
    """
    return needs_year("disclosure.cross_document", report)


@check_disclosure_cross_document.pair
def _cross_document_pair(earlier: Report, later: Report, config: CheckConfig) -> list[CheckResult]:
    return _cross_document(earlier, later)
