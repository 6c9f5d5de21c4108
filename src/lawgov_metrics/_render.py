"""Write the template's tables in their real layout (HTML, markdown, tab or space aligned).

Used by the tests, the docs and the hypothesis strategies to make report pages whose tables
look like the published ones: the HTML has the national template's rowspan/colspan
structure, the text formats look like the copy-paste and PDF-to-text versions of it.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Mapping
from decimal import Decimal
from typing import Final, Literal

from . import template as tpl

__all__ = ["HEADINGS", "render_template"]

Fmt = Literal["html", "markdown", "tab", "space"]
Values = Mapping[tuple[str, str, str], object]

#: The section headings the tables stand under in a report.
HEADINGS: Final = {
    "t2": "二、主动公开政府信息情况",
    "t3": "三、收到和处理政府信息公开申请情况",
    "t4": "四、政府信息公开行政复议、行政诉讼情况",
}
_T3_NOTE: Final = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"

# A slot of the layout: (text, rowspan, colspan); rows are lists of slots that start there.
_Slot = tuple[str, int, int]


def _show(v: object) -> str:
    if v is None:
        return ""
    if isinstance(v, Decimal):
        return format(v, "f")
    return str(v)


def _t3_layout(values: Values, form: tpl.Form, default: object) -> list[list[_Slot]]:
    def v(row: str, col: str) -> str:
        return _show(values.get(("t3", row, col), default))

    cols = [c.key for c in tpl.T3_COLUMNS]
    rows = tpl.t3_rows(form)
    out: list[list[_Slot]] = [
        [(_T3_NOTE, 3, 3), ("申请人情况", 1, 7)],
        [("自然人", 2, 1), ("法人或其他组织", 1, 5), ("总计", 2, 1)],
        [(c.printed, 1, 1) for c in tpl.T3_COLUMNS[1:6]],
    ]

    def data(row: tpl.Line) -> list[_Slot]:
        return [(v(row.key, c), 1, 1) for c in cols]

    by_key = {r.key: r for r in rows}
    out.append([(by_key["new"].printed, 1, 3), *data(by_key["new"])])
    out.append([(by_key["carried_in"].printed, 1, 3), *data(by_key["carried_in"])])
    outcome_rows = [r for r in rows if r.key not in ("new", "carried_in", "carried_out")]
    groups = [r for r in outcome_rows if r.parent is None]
    n_outcome = sum(max(1, sum(1 for s in outcome_rows if s.parent == g.key)) for g in groups)
    first = True
    for g in groups:
        subs = [s for s in outcome_rows if s.parent == g.key]
        lead: list[_Slot] = [("三、本年度办理结果", n_outcome, 1)] if first else []
        first = False
        if not subs:
            out.append([*lead, (g.printed, 1, 2), *data(g)])
            continue
        for i, s in enumerate(subs):
            head: list[_Slot] = [(g.printed, len(subs), 1)] if i == 0 else []
            out.append([*(lead if i == 0 else []), *head, (s.printed, 1, 1), *data(s)])
    out.append([(by_key["carried_out"].printed, 1, 3), *data(by_key["carried_out"])])
    return out


def _t4_layout(values: Values, default: object) -> list[list[_Slot]]:
    results = [(r.printed, 1, 1) for r in tpl.T4_RESULTS]
    row: list[_Slot] = [
        (_show(values.get(("t4", b.key, r.key), default)), 1, 1)
        for b in tpl.T4_BLOCKS
        for r in tpl.T4_RESULTS
    ]
    return [
        [("行政复议", 1, 5), ("行政诉讼", 1, 10)],
        [*((t, 2, 1) for t, _, _ in results), ("未经复议直接起诉", 1, 5), ("复议后起诉", 1, 5)],
        [*results, *results],
        row,
    ]


def _t2_layout(values: Values, form: tpl.Form, default: object) -> list[list[_Slot]]:
    out: list[list[_Slot]] = []
    for head, rows, cols in tpl.t2_layout(form):
        out.append([(head, 1, 4)])
        widths = [1] * len(cols)
        widths[-1] += 3 - len(cols)
        out.append(
            [("信息内容", 1, 1), *((c.printed, 1, w) for c, w in zip(cols, widths, strict=False))]
        )
        for r in rows:
            cells = [
                (_show(values.get(("t2", r.key, c.key), default)), 1, w)
                for c, w in zip(cols, widths, strict=False)
            ]
            out.append([(r.printed, 1, 1), *cells])
    return out


def _html(layout: list[list[_Slot]]) -> str:
    rows = []
    for row in layout:
        cells = []
        for text, rs, cs in row:
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            cells.append(f"<td{attrs}><p>{html.escape(text)}</p></td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    return (
        '<table border="1" cellspacing="0">\n<tbody>\n' + "\n".join(rows) + "\n</tbody>\n</table>"
    )


def _slots(layout: list[list[_Slot]]) -> list[list[str | None]]:
    """The layout as a full grid: a spanned cell's text in its top-left slot, ``None`` in
    every other slot it covers (a blank cell is ``""``, a slot of its own)."""
    taken: dict[tuple[int, int], str | None] = {}
    width = 0
    for i, row in enumerate(layout):
        j = 0
        for text, rs, cs in row:
            while (i, j) in taken:
                j += 1
            for di in range(rs):
                for dj in range(cs):
                    taken[(i + di, j + dj)] = text if (di, dj) == (0, 0) else None
            j += cs
            width = max(width, j)
    return [[taken.get((i, j)) for j in range(width)] for i in range(len(layout))]


def _filled(row: list[str | None]) -> list[str]:
    """A grid row with the slots a span covers written empty (as a word processor pastes
    them)."""
    return ["" if t is None else t for t in row]


def _flat(layout: list[list[_Slot]], n_values: int) -> list[list[str]]:
    """One label cell, then the values: labels of a row joined, group labels on rows of
    their own (as a table typed by hand or pasted from a word processor shows them)."""
    out: list[list[str]] = []
    for row in _slots(layout):
        labels = [t for t in row[: len(row) - n_values] if t]
        vals = _filled(row[len(row) - n_values :])
        for lab in labels[:-1]:
            out.append([lab])
        out.append([labels[-1] if labels else "", *vals])
    return out


def _text(rows: list[list[str]], fmt: Fmt, width: int) -> str:
    lines = []
    for i, row in enumerate(rows):
        cells = row + [""] * (width - len(row)) if fmt == "markdown" else row
        if fmt == "markdown":
            lines.append("| " + " | ".join(cells) + " |")
            if i == 0:
                lines.append("|" + "---|" * width)
        elif fmt == "tab":
            lines.append("\t".join(cells))
        else:
            lines.append("    ".join(c for c in cells if c))
    return "\n".join(lines)


def render_template(
    values: Values | None = None,
    *,
    form: tpl.Form = "2021",
    fmt: Fmt = "html",
    tables: Iterable[str] = ("t2", "t3", "t4"),
    default: object = 0,
) -> str:
    """Write the template's tables in their real layout.

    Args:
        values: Cell values by ``(table, row key, column key)``, e.g.
            ``("t3", "new", "total")``; a value is written as given (an int, a Decimal, a
            mark such as ``"/"``, or any text). Keys are those of
            :mod:`lawgov_metrics.template` (T4: ``("t4", block, result)``).
        form: ``"2021"`` or ``"2019"``.
        fmt: ``"html"`` (one ``<table>`` per table with the template's rowspan/colspan),
            ``"markdown"`` (pipe tables, one label column, group rows on their own line),
            ``"tab"`` (the full grid, tab-separated, spanned slots empty, as pasted from a
            word processor) or ``"space"`` (labels and values separated by runs of
            spaces, as from PDF-to-text).
        tables: Which tables to write, in order.
        default: The value of a cell not in ``values``.

    Returns:
        The tables, each under its section heading (a ``<p>`` in HTML, a line otherwise).

    Examples:
        >>> from lawgov_metrics.tables import render_template
        >>> md = render_template({("t4", "reconsideration", "total"): 3}, fmt="markdown",
        ...                      tables=["t4"])
        >>> print(md.splitlines()[0])
        四、政府信息公开行政复议、行政诉讼情况
        >>> "<td rowspan=\\"22\\"><p>三、本年度办理结果</p></td>" in render_template(tables=["t3"])
        True
    """
    vals: Values = values or {}
    parts: list[str] = []
    for name in tables:
        if name == "t2":
            layout, n_values = _t2_layout(vals, form, default), 3
        elif name == "t3":
            layout, n_values = _t3_layout(vals, form, default), 7
        elif name == "t4":
            layout, n_values = _t4_layout(vals, default), 15
        else:
            raise ValueError(f"unknown table {name!r}; expected t2, t3 or t4")
        head = HEADINGS[name]
        if fmt == "html":
            parts.append(f"<p>{html.escape(head)}</p>\n{_html(layout)}")
            continue
        if fmt not in ("markdown", "tab", "space"):
            raise ValueError(f"unknown fmt {fmt!r}; expected html, markdown, tab or space")
        if name == "t2":
            blocks = [head]
            for part in _t2_parts(layout):
                # a slot a span covers is no cell of the text row; a blank cell is one
                heading = part[0][0] or ""
                rows = [[c for c in r if c is not None] for r in part[1:]]
                width = max(len(r) for r in rows)
                blocks.append(heading + "\n" + _text(rows, fmt, width))
            parts.append("\n".join(blocks))
            continue
        grid = [_filled(r) for r in _slots(layout)] if fmt == "tab" else _flat(layout, n_values)
        width = max(len(r) for r in grid)
        parts.append(head + "\n" + _text(grid, fmt, width))
    return "\n".join(parts) + "\n"


def _t2_parts(layout: list[list[_Slot]]) -> list[list[list[str | None]]]:
    """T2's grid cut into its 第二十条 parts, each its heading row then its rows."""
    grid = _slots(layout)
    parts: list[list[list[str | None]]] = []
    for row in grid:
        if (row[0] or "").startswith("第二十条"):
            parts.append([[row[0]]])
        else:
            parts[-1].append(row)
    return parts
