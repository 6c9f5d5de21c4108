"""A report's disclosure tables as HTML, the cells of broken identities highlighted.

For the audit page: :func:`tables_html` writes T2, T3 and T4 as they were read (the
template's rows and columns), marks every cell used by a FAIL result of a ``disclosure.*``
check (class ``fail``, red) and by a WARN result (class ``warn``, amber), and gives each
marked cell a ``title`` with the messages. Every text is escaped.

Examples:
    >>> import lawgov_metrics as lm
    >>> text = ("类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\\n"
    ...         "行政复议 | 3 | 1 | 0 | 1 | 6\\n")
    >>> report = lm.extract(text)
    >>> html = tables_html(report, lm.check(report, checks=["disclosure"]))
    >>> html.count('class="fail"')
    5
    >>> tables_html(lm.extract("无表格"), [])
    ''
"""

from __future__ import annotations

import html
from collections.abc import Iterable

from .records import Report
from .results import CheckResult, Status
from .tables import DisclosureTable

__all__ = ["STYLE", "tables_html"]

#: CSS for the classes used (embed once in the page).
STYLE = (
    "table.disclosure{border-collapse:collapse;margin:.5em 0}"
    "table.disclosure td,table.disclosure th{border:1px solid #999;padding:2px 6px}"
    "table.disclosure td.fail{background:#f8c9c4;font-weight:bold}"
    "table.disclosure td.warn{background:#fde9b8}"
)
_TITLES = {"t2": "二、主动公开政府信息情况", "t3": "三、收到和处理政府信息公开申请情况",
           "t4": "四、政府信息公开行政复议、行政诉讼情况"}  # fmt: skip


def _marks(results: Iterable[CheckResult]) -> dict[tuple[str, str, str], tuple[str, list[str]]]:
    out: dict[tuple[str, str, str], tuple[str, list[str]]] = {}
    for r in results:
        if not r.check.startswith("disclosure.") or r.status not in (Status.FAIL, Status.WARN):
            continue
        level = "fail" if r.status is Status.FAIL else "warn"
        for cell in r.details.get("cells", ()):
            key = (str(cell[0]), str(cell[1]), str(cell[2]))
            old, msgs = out.get(key, ("warn", []))
            msgs.append(r.message)
            out[key] = ("fail" if "fail" in (old, level) else "warn", msgs)
    return out


def _table(t: DisclosureTable, marks: dict[tuple[str, str, str], tuple[str, list[str]]]) -> str:
    rows = t.rows()
    cols = t.columns()
    cells = {(c.row, c.column): c for c in t.cells}
    head = "".join(f"<th>{html.escape(c)}</th>" for c in cols)
    body = []
    for row in rows:
        tds = []
        for col in cols:
            c = cells.get((row, col))
            if c is None:
                tds.append("<td></td>")
                continue
            mark = marks.get((t.kind, row, col))
            attrs = ""
            if mark is not None:
                attrs = f' class="{mark[0]}" title="{html.escape(" / ".join(mark[1]))}"'
            tds.append(f"<td{attrs}>{html.escape(c.text)}</td>")
        body.append(f"<tr><th>{html.escape(row)}</th>{''.join(tds)}</tr>")
    title = html.escape(_TITLES.get(t.kind, t.kind))
    return (
        f'<table class="disclosure"><caption>{title}</caption>'
        f"<thead><tr><th></th>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
    )


def tables_html(report: Report, results: Iterable[CheckResult]) -> str:
    """T2, T3 and T4 of ``report`` as HTML tables, the cells of failing identities marked.

    Args:
        report: A report; one without disclosure tables gives ``""``.
        results: Check results (of this report or a run including it); the
            ``disclosure.*`` FAIL and WARN results mark their cells.

    Returns:
        HTML (tables only, no page around them); see :data:`STYLE` for the classes.
    """
    d = report.disclosure
    if d is None:
        return ""
    mine = [r for r in results if not r.reports or report.label in r.reports]
    marks = _marks(mine)
    return "\n".join(_table(t, marks) for t in d.tables())
