"""A report's tables as figures: the template's, and any other table with its headers.

:func:`read_tables` reads every table of a report text (:func:`~.grids.text_grids`),
matches each to the template (:mod:`lawgov_metrics.reading.disclosure`) or reads it as a
generic table, and returns:

* ``disclosure``: the :class:`~lawgov_metrics.DisclosureTables` (``None`` when no table
  is the template's), with what each table leaves out;
* ``figures``: one :class:`~lawgov_metrics.Figure` per number cell, its subject built from
  the template's Chinese labels (``本年新收政府信息公开申请（总计）``) or, in a generic
  table, from the row label and the column header (``行政复议（2024年）``), the unit from the
  cell or its header (``562.38`` under ``本年收费金额（单位：万元）`` is 5623800 元);
* ``owned``: the spans of the number cells, whose loose readings the text reader drops.

Examples:
    >>> from lawgov_metrics.reading.report_tables import read_tables
    >>> text = ("类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\\n"
    ...         "行政复议 | 3 | 1 | 0 | 1 | 5\\n")
    >>> tr = read_tables(text)
    >>> tr.disclosure.t4.value("行政复议", "总计"), tr.figures[-1].subject
    (Decimal('5'), '政府信息公开行政复议（总计）')
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterable, Sequence
from typing import Final

import attrs

from .. import template as tpl
from .. import vocab
from ..errors import ParseError
from ..numerals import parse_quantity
from ..records import Figure, Quantity
from ..tables import DisclosureCell, DisclosureTable, DisclosureTables, Grid, GridCell
from .disclosure import Match, classify, header_unit, match_grid
from .figures import MONEY_UNITS
from .grids import gap_labels, text_grids

__all__ = [
    "TableReading",
    "doc_type_of",
    "indicator_id",
    "merge_figures",
    "read_tables",
    "subject_of",
]

_GENERIC_COLUMNS: Final = frozenset({"数量", "数值", "件数", "数据", "数", "值", "情况"})
_SKIP_COLUMNS: Final = frozenset({"序号", "编号"})
_T3_TOP: Final = {
    "new": "本年新收政府信息公开申请",
    "carried_in": "上年结转政府信息公开申请",
    "carried_out": "结转下年度继续办理政府信息公开申请",
}


@attrs.frozen(kw_only=True)
class TableReading:
    """What :func:`read_tables` found.

    Attributes:
        disclosure: The template's tables, or ``None`` when the text has none.
        tables: Every table read (template and generic), in text order.
        figures: One figure per number cell, in text order.
        owned: Spans of every number cell read (including the pieces of a split number).
        warnings: What of the template's tables was seen and not read (a row whose values
            do not fit its columns, a table with no row of the template, a cell printed
            twice), one sentence each, for :attr:`Report.warnings
            <lawgov_metrics.Report.warnings>`.
    """

    disclosure: DisclosureTables | None = None
    tables: tuple[DisclosureTable, ...] = ()
    figures: tuple[Figure, ...] = ()
    owned: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()


def subject_of(kind: str, cell: DisclosureCell) -> str:
    """The subject of a cell's figure, from the template's labels.

    Examples:
        >>> from lawgov_metrics import DisclosureCell
        >>> subject_of("t3", DisclosureCell(row="不予公开/属于国家秘密", column="自然人",
        ...                                  row_key="withheld_state_secret"))
        '政府信息公开申请办理结果/不予公开/属于国家秘密（自然人）'
        >>> subject_of("generic", DisclosureCell(row="广东", column="数量"))
        '广东'
    """
    col = cell.column
    if kind == "t3" and cell.row_key:
        row = _T3_TOP.get(cell.row_key) or f"政府信息公开申请办理结果/{cell.row}"
        return f"{row}（{col}）"
    if kind == "t4" and cell.row_key:
        return f"政府信息公开{cell.row}（{col}）"
    if kind == "t2" and cell.row_key:
        return f"{cell.row}（{col}）"
    row = cell.row
    if not col or tpl.label_key(col) in _GENERIC_COLUMNS or _is_year(col):
        return row
    if not row:
        return col
    return f"{row}（{col}）"


def indicator_id(kind: str, cell: DisclosureCell) -> str | None:
    """The stable indicator id of a template cell (``disclosure_t3_new_total``), or None."""
    if kind not in ("t2", "t3", "t4") or not cell.row_key or not cell.column_key:
        return None
    return f"disclosure_{kind}_{cell.row_key}_{cell.column_key}"


def _is_year(text: str) -> bool:
    t = tpl.label_key(text).removesuffix("年度").removesuffix("年")
    return len(t) == 4 and t.isdigit() and t[:2] in ("19", "20")


# -- generic tables ----------------------------------------------------------------------


def _column_labels(rows: Sequence[Sequence[object]], width: int) -> dict[int, str]:
    from ..tables import GridCell

    labels: dict[int, list[str]] = {}
    for k, row in enumerate(rows):
        texts = {c.column: c.text for c in row if isinstance(c, GridCell) and c.text}
        last = k == len(rows) - 1
        for j in range(width):
            t = texts.get(j)
            if t is None and not last:
                left = [i for i in texts if i < j]
                t = texts[max(left)] if left else None
            if t and t not in labels.setdefault(j, []):
                labels[j].append(t)
    return {j: "/".join(v) for j, v in labels.items() if v}


def _generic(grid: Grid, text: str) -> tuple[DisclosureTable, list[tuple[int, int]], dict[
        tuple[int, int], str]]:  # fmt: skip
    rows = grid.rows()
    head: list[list[object]] = []
    k = 0
    while k < len(rows) and (
        not any(c.is_number for c in rows[k])
        or all(_is_year(c.text) or c.is_label for c in rows[k])
    ):
        head.append(list(rows[k]))
        k += 1
    # a row of years (年份 | 2022 | 2023) is a header too
    while (
        k < len(rows)
        and rows[k]
        and rows[k][0].is_label
        and all(_is_year(c.text) for c in rows[k][1:] if c.text)
        and tpl.label_key(rows[k][0].text) in ("年份", "年度", "时间", "项目")
    ):
        head.append(list(rows[k]))
        k += 1
    cols = _column_labels(head, grid.n_columns)
    line_start = text.rfind("\n", 0, max(0, grid.span[0] - 1)) + 1
    table_unit = header_unit(text[line_start : grid.span[0]])
    cells: list[DisclosureCell] = []
    owned: list[tuple[int, int]] = []
    units: dict[tuple[int, int], str] = {}
    for row in rows[k:]:
        label = ""
        for c in row:
            if c.is_label and c.text:
                label = tpl.strip_numbering(c.text)
                continue
            col = cols.get(c.column, "")
            if tpl.label_key(col) in _SKIP_COLUMNS or not c.is_number:
                continue
            unit = c.unit or header_unit(col) or table_unit
            owned.append(c.span)
            if unit and not c.unit:
                units[c.span] = unit
            cells.append(
                DisclosureCell(
                    row=label, column=col, value=c.value, unit=unit, text=c.text, span=c.span,
                    position=(c.row, c.column),
                )
            )  # fmt: skip
    table = DisclosureTable(kind="generic", cells=cells, span=grid.span, unit=table_unit)
    return table, owned, units


# -- form and what is missing ------------------------------------------------------------


def _form(forms: Iterable[str], year: int | None) -> tuple[tpl.Form, str]:
    seen = set(forms)
    if seen == {"2019"}:
        return "2019", ""
    if seen == {"2021"}:
        return "2021", ""
    if year is not None:
        form: tpl.Form = "2021" if year >= 2021 else "2019"
        why = "tables of both forms" if seen else "the tables do not show the form"
        return form, f"form {form} taken from the report's year {year} ({why})"
    return "2021", "the tables do not show the form; the 2021 form is assumed"


def _missing_t3(table: DisclosureTable, form: tpl.Form) -> list[str]:
    printed = {c.row_key for c in table.cells}
    out: list[str] = []
    for row in tpl.t3_rows(form):
        if row.parent is not None:
            continue  # a sub-row: said with its group
        subs = [s for s in tpl.t3_rows(form) if s.parent == row.key]
        lost = [s.label for s in subs if s.key not in printed]
        if row.key in printed and subs and len(lost) == len(subs):
            out.append(f"the {len(subs)} sub-rows of {row.label} (printed as one row)")
        elif subs and len(lost) < len(subs):
            out += lost  # the group by its sub-rows, or printed with them: some are not there
        elif row.key not in printed:
            out.append(row.label)
    cols = {c.column_key for c in table.cells}
    if "legal_persons" in cols:
        out.append("商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 (printed as one "
                   "法人或其他组织 column)")  # fmt: skip
    else:
        out += [c.label for c in tpl.T3_COLUMNS if c.key not in cols]
    return out


def _missing_t4(table: DisclosureTable) -> list[str]:
    blocks = {c.row_key for c in table.cells}
    out: list[str] = []
    if "litigation" in blocks:
        out.append("行政诉讼 split into 未经复议直接起诉 and 复议后起诉 (printed as one block)")
        want = [tpl.T4_BLOCKS[0], tpl.T4_LITIGATION]
    else:
        want = list(tpl.T4_BLOCKS)
    out += [b.label for b in want if b.key not in blocks]
    return out


def _missing_t2(table: DisclosureTable, form: tpl.Form) -> list[str]:
    have = {(c.row_key, c.column_key) for c in table.cells}
    out: list[str] = []
    for _head, rows, cols in tpl.t2_layout(form):
        for r in rows:
            lost = [c.label for c in cols if (r.key, c.key) not in have]
            if len(lost) == len(cols):
                out.append(r.label)
            else:
                out += [f"{r.label}/{c}" for c in lost]
    return out


_ROW_LINES: Final = {
    "t2": tpl.T2_ROWS,
    "t3": tpl.T3_ROWS,
    "t4": (*tpl.T4_BLOCKS, tpl.T4_LITIGATION),
}


def _names_rows(grid: Grid, kind: str) -> bool:
    lines = _ROW_LINES[kind]
    return any(tpl.find_line(c.text, lines) for c in grid.cells if c.is_label and c.text)


def _joined(a: Grid, b: Grid, text: str, between: Sequence[tuple[int, int]]) -> Grid:
    """Grid ``b`` as more rows of grid ``a``, the label lines ``between`` them rows of
    their own."""
    labels = [GridCell(text=text[x:y], row=a.n_rows + k, column=0, span=(x, y))
              for k, (x, y) in enumerate(between)]  # fmt: skip
    shift = a.n_rows + len(labels)
    cells = [*a.cells, *labels, *(attrs.evolve(c, row=c.row + shift) for c in b.cells)]
    return attrs.evolve(
        a, cells=cells, n_rows=shift + b.n_rows, n_columns=max(a.n_columns, b.n_columns),
        span=(a.span[0], b.span[1]), notes=(*a.notes, *b.notes),
    )  # fmt: skip


def _continued(grids: Sequence[Grid], text: str) -> list[tuple[str, Grid]]:
    """Each grid with its kind, a grid that continues the template table before it joined
    to it: one after only blank lines and at most two label lines (a page break in
    PDF-to-text, a header written apart from its rows) that is of the same table, or whose
    rows are rows of it (the tail of a T3, 四、结转下年度继续办理 …, does not look like a T3
    by itself); and a table of labels only (a header) joined to the template table after
    it."""
    out: list[tuple[str, Grid]] = []
    for g in grids:
        kind = classify(g)
        if out:
            before, prev = out[-1]
            between = gap_labels(text, prev.span[1], g.span[0])
            header = before == "generic" and not any(c.is_number or c.mark for c in prev.cells)
            if (
                between is not None
                and before != "generic"
                and (kind == before or (kind == "generic" and _names_rows(g, before)))
            ):
                out[-1] = (before, _joined(prev, g, text, between))
                continue
            if between is not None and header and kind != "generic":
                out[-1] = (kind, _joined(prev, g, text, between))  # a header apart from its rows
                continue
        out.append((kind, g))
    return out


def _merge(kind: str, matches: list[Match], warnings: list[str]) -> DisclosureTable:
    """One table of the grids read as ``kind``: a cell of the template printed in two of
    them is read from the first, and the others are reported."""
    cells: list[DisclosureCell] = []
    keys: set[tuple[str, str]] = set()
    twice: list[str] = []
    for m in matches:
        for c in m.table.cells:
            key = (c.row_key, c.column_key)
            if c.row_key and key in keys:
                twice.append(f"{c.row}/{c.column} “{c.text}”")
                continue
            keys.add(key)
            cells.append(c)
    notes = [n for m in matches for n in m.table.notes]
    if twice:
        shown = ", ".join(twice[:5]) + (f" and {len(twice) - 5} more" if len(twice) > 5 else "")
        notes.append(f"{len(twice)} cells printed again in another table; the first is read: "
                     f"{shown}")  # fmt: skip
        warnings.append(f"{kind.upper()}: {notes[-1]}")
    span = (min(m.table.span[0] for m in matches), max(m.table.span[1] for m in matches))
    return DisclosureTable(kind=kind, cells=cells, span=span, notes=notes)  # type: ignore[arg-type]


def _unread(kind: str, m: Match, grid: Grid, text: str) -> list[str]:
    """Warnings for what a grid read as ``kind`` held and the reading lost."""
    out = [f"{kind.upper()}: {msg}" for msg in m.lost]
    if any(c.row_key for c in m.table.cells):
        return out
    if not any(c.is_number or c.mark for c in grid.cells):
        return out  # labels only: a header written apart from its rows
    a, b = grid.span
    head = " ".join(text[a:b].split())[:30]
    return [*out, f"a table read as {kind.upper()} (“{head}…”) has no row of the template "
            "that could be read; its values are not read"]  # fmt: skip


# -- figures -----------------------------------------------------------------------------


def _quantity(cell: DisclosureCell, header_unit_: str) -> Quantity | None:
    text = cell.text
    try:
        if header_unit_:
            return attrs.evolve(parse_quantity(text + header_unit_), text=text + header_unit_)
        return parse_quantity(text)
    except ParseError:
        if cell.value is None:
            return None
        return Quantity(value=cell.value, unit=cell.unit, text=text)  # a joined 拆格


def _kind(unit: str, column: str) -> str:
    """A cell's figure kind: a % cell under a column of changes (同比, 增长 …) is a growth."""
    if unit in ("%", "‰"):
        return "growth" if any(w in column for w in vocab.CHANGE_COLUMN_WORDS) else "rate"
    if unit.endswith(MONEY_UNITS):
        return "money"
    return "count"


def _figures(
    tables: Sequence[tuple[str, DisclosureTable]], units: dict[tuple[int, int], str], text: str
) -> list[Figure]:
    out: list[Figure] = []
    for kind, table in tables:
        for cell in table.cells:
            if cell.value is None:
                continue
            q = _quantity(cell, units.get(cell.span, ""))
            if q is None:
                continue
            a, b = cell.span
            out.append(
                Figure(
                    quantity=q,
                    subject=subject_of(kind, cell),
                    quote=text[a:b],
                    span=(a, b),
                    kind=_kind(q.unit, cell.column),
                    context=f"{cell.row} | {cell.column}".strip(" |"),
                )
            )
    out.sort(key=lambda f: f.span)
    return out


def read_tables(
    text: str, *, year: int | None = None, grids: Sequence[Grid] | None = None
) -> TableReading:
    """Read every table of a report text (see the module docstring).

    Args:
        text: The report text.
        year: The report's year, used only when the tables do not show their form.
        grids: The grids to read, when already read (default: :func:`text_grids`).

    Returns:
        A :class:`TableReading`.
    """
    grids = text_grids(text, empty=True) if grids is None else grids
    by_kind: dict[str, list[Match]] = {"t2": [], "t3": [], "t4": []}
    generic: list[DisclosureTable] = []
    owned: list[tuple[int, int]] = []
    units: dict[tuple[int, int], str] = {}
    warnings: list[str] = []
    for kind, g in _continued(grids, text):
        if kind == "generic":
            table, own, u = _generic(g, text)
            if table.cells:
                generic.append(table)
            owned += own
            units.update(u)
            continue
        m = match_grid(g, text, kind)
        by_kind[kind].append(m)
        owned += m.owned
        units.update(m.units)
        warnings += _unread(kind, m, g, text)
    found = {k: _merge(k, ms, warnings) for k, ms in by_kind.items() if ms}
    found = {k: t for k, t in found.items() if any(c.row_key for c in t.cells)}
    all_tables: list[tuple[str, DisclosureTable]] = []
    disclosure = None
    if found:
        forms = [f for ms in by_kind.values() for m in ms for f in m.forms]
        form, why = _form(forms, year)
        t2, t3, t4 = found.get("t2"), found.get("t3"), found.get("t4")
        if t2 is not None:
            t2 = attrs.evolve(t2, missing=_missing_t2(t2, form))
        if t3 is not None:
            t3 = attrs.evolve(t3, missing=_missing_t3(t3, form))
        if t4 is not None:
            t4 = attrs.evolve(t4, missing=_missing_t4(t4))
        missing = [name for name, t in (("T2", t2), ("T3", t3), ("T4", t4)) if t is None]
        disclosure = DisclosureTables(
            format=form, t2=t2, t3=t3, t4=t4, generic=generic, missing=missing,
            notes=[why] if why else [],
        )  # fmt: skip
        all_tables += [(t.kind, t) for t in disclosure.tables()]
    all_tables += [("generic", t) for t in generic]
    all_tables.sort(key=lambda kt: kt[1].span)
    figures = _figures(all_tables, units, text)
    return TableReading(
        disclosure=disclosure,
        tables=tuple(t for _, t in all_tables),
        figures=tuple(figures),
        owned=tuple(sorted(set(owned))),
        warnings=tuple(warnings),
    )


def merge_figures(
    figures: Iterable[Figure], reading: TableReading, section_at: Callable[[int], tuple[str, ...]]
) -> list[Figure]:
    """The text reader's figures with the tables' own in place of loose cell readings.

    A figure inside a number cell that a table owns is dropped (the table gives that cell
    its row and column); the tables' figures are added with their section.
    """
    owned = reading.owned
    starts = [a for a, _ in owned]

    def inside(f: Figure) -> bool:
        k = bisect.bisect_right(starts, f.span[0]) - 1
        return k >= 0 and owned[k][0] <= f.span[0] and f.span[1] <= owned[k][1]

    kept = [f for f in figures if not inside(f)]
    kept += [attrs.evolve(f, section=section_at(f.span[0])) for f in reading.figures]
    kept.sort(key=lambda f: (f.span[0], f.span[1]))
    return kept


def doc_type_of(title: str | None, reading: TableReading) -> str | None:
    """``"disclosure"`` when a template table was found and the title does not say the
    report is another kind (法治政府建设 …), else ``None``.

    Examples:
        >>> doc_type_of("某县2023年政府信息公开工作年度报告", TableReading()) is None
        True
    """
    if reading.disclosure is None:
        return None
    t = title or ""
    if "信息公开" not in t and any(w in t for w in ("法治政府", "法治建设", "依法行政")):
        return None
    return "disclosure"
