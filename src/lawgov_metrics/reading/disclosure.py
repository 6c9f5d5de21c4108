"""Grids read against the national template of 政府信息公开工作年度报告.

A :class:`~lawgov_metrics.Grid` (from HTML or text) is matched to T2, T3 or T4 of the
template (:mod:`lawgov_metrics.template`) by the words of its cells, never by their exact
wording or place, so these all read the same:

* numbering written or not, ``一、``/``（一）``/``1．``, full-width or half-width;
* labels reworded within reason (``本年新收政府信息公开申请数量`` or ``本年新收``);
* merged header rows (``法人或其他组织`` over five columns), spans resolved or dropped;
* group rows (``（三）不予公开``) on a line of their own, in a cell of the row, or printed
  with their own numbers instead of sub-rows;
* a simplified T3 with one ``法人或其他组织`` column, a T4 with one ``行政诉讼`` block;
* the unit in a header (``本年收费金额（单位：万元）``).

A row's values are the run of number (or mark) cells at its end; they go to the columns the
header names, in the template's order. One number more than there are columns is a number
split across two cells (拆格, ``71 | 3`` for 713): the two pieces are joined where the
template's arithmetic (the row's 总计) then holds, and reported in the table's notes; when
no single join fits, the row is left out and reported, never read as two figures.

The form (2021 or 2019) is decided by the tables themselves: T2's columns and items, T3's
sub-rows under （六）其他处理. When they do not say, the report's year decides (2021 from
the 2021 reports on), else 2021.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

import attrs

from .. import template as tpl
from ..tables import DisclosureCell, DisclosureTable, Grid, GridCell
from .table_rows import RowLog, lose_interrupted, merged_split, place, value_run

__all__ = ["Match", "classify", "header_unit", "match_grid", "merged_split", "value_run"]

_T3_SIGNS: Final = ("本年新收", "上年结转", "予以公开", "不予公开", "无法提供", "不予处理",
                    "结转下年", "部分公开")  # fmt: skip
_T4_SIGNS: Final = ("结果维持", "结果纠正", "尚未审结")
_T2_SIGNS: Final = ("规章", "规范性文件", "行政许可", "行政处罚", "行政强制", "事业性收费",
                    "集中采购")  # fmt: skip
_T2_HEAD_SIGNS: Final = ("信息内容", "制发", "废止", "现行有效", "处理决定", "收费金额",
                         "新制作", "新公开", "对外公开总", "上一年项目")  # fmt: skip


@attrs.frozen(kw_only=True)
class Match:
    """A grid matched to a template table.

    Attributes:
        table: The table read.
        forms: Forms the table's own cells point to (``{"2021"}``, ``{"2019"}`` or both).
        owned: Spans of the cells read (their numbers are this table's, not loose figures).
        units: For each cell span, the unit its header gives (``"万元"``).
        lost: What of the grid was seen and not read (a row whose values do not fit the
            columns, a row printed twice), one phrase each; also in the table's notes.
    """

    table: DisclosureTable
    forms: frozenset[str] = frozenset()
    owned: tuple[tuple[int, int], ...] = ()
    units: dict[tuple[int, int], str] = attrs.field(factory=dict)
    lost: tuple[str, ...] = ()


def _keys(grid: Grid) -> list[str]:
    return [tpl.label_key(c.text) for c in grid.cells if c.is_label and c.text]


def classify(grid: Grid) -> str:
    """``"t2"``, ``"t3"``, ``"t4"`` or ``"generic"``, from the words of the grid's labels.

    Examples:
        >>> from lawgov_metrics.reading.grids import text_grids
        >>> classify(text_grids("类别 | 结果维持 | 结果纠正 | 总计\\n行政复议 | 1 | 0 | 1")[0])
        't4'
    """
    keys = _keys(grid)
    text = "\n".join(keys)
    t3 = sum(1 for s in _T3_SIGNS if s in text)
    t4 = sum(1 for s in _T4_SIGNS if s in text)
    t2 = sum(1 for s in _T2_SIGNS if any(s in k and len(k) <= len(s) + 4 for k in keys))
    t2_head = any(s in text for s in _T2_HEAD_SIGNS)
    t3_head = any(s in text for s in ("自然人", "法人或其他组织", "商业企业"))
    if (t3 >= 2 or (t3 and t3_head)) and t3 >= t4:
        return "t3"
    if t4 >= 2 or (t4 >= 1 and ("行政复议" in text or "行政诉讼" in text)):
        return "t4"
    if t2 >= 1 and t2_head:
        return "t2"
    return "generic"


def _rows(grid: Grid) -> list[list[GridCell]]:
    return grid.rows()


def _last_slot(cols: dict[int, tpl.Line]) -> int | None:
    return max(cols) if cols else None


def _cell(
    row: tpl.Line | None,
    row_text: str,
    col: tpl.Line,
    gc: GridCell,
    *,
    column_label: str | None = None,
    text: str | None = None,
    span: tuple[int, int] | None = None,
    value: Decimal | None = None,
    unit: str = "",
) -> DisclosureCell:
    return DisclosureCell(
        row=row.label if row is not None else row_text,
        column=column_label or col.label,
        row_key=row.key if row is not None else "",
        column_key=col.key,
        value=gc.value if value is None else value,
        mark=gc.mark,
        unit=unit or gc.unit,
        text=gc.text if text is None else text,
        span=gc.span if span is None else span,
        position=(gc.row, gc.column),
    )


def _header_columns(
    rows: list[list[GridCell]], lines: tuple[tpl.Line, ...], exact: tuple[str, ...]
) -> tuple[dict[int, tpl.Line], set[str]]:
    """The columns the label-only rows name: slot -> column (a more specific line wins a
    slot), and the keys of every column named anywhere (slots overlap in space-aligned
    text, so the template's order, not the slot, places a column)."""
    order = {line.key: i for i, line in enumerate(lines)}
    cols: dict[int, tpl.Line] = {}
    found: set[str] = set()
    for row in rows:
        if any(c.is_number for c in row):
            continue
        for c in row:
            if not c.is_label:
                continue
            line = tpl.find_line(c.text, lines, exact_only=exact)
            if line is None:
                continue
            found.add(line.key)
            old = cols.get(c.column)
            if old is None or order[line.key] < order[old.key]:
                cols[c.column] = line
    return cols, found


def match_grid(grid: Grid, text: str, kind: str) -> Match:
    """Read a grid as the template table ``kind`` (``"t2"``, ``"t3"`` or ``"t4"``)."""
    if kind == "t3":
        return _match_t3(grid, text)
    if kind == "t4":
        return _match_t4(grid, text)
    return _match_t2(grid, text)


# -- T3 ----------------------------------------------------------------------------------

_T3_COL_LINES: Final = (*tpl.T3_COLUMNS[:6], tpl.T3_LEGAL_PERSONS, tpl.T3_COLUMNS[6])
#: The groups of T3 that have sub-rows (in some form), and their sub-rows.
_T3_SUBS: Final = {
    g: frozenset(r.key for r in tpl.T3_ROWS if r.parent == g)
    for g in dict.fromkeys(r.parent for r in tpl.T3_ROWS if r.parent)
}
_T3_GROUPS: Final = frozenset(_T3_SUBS)


def _t3_fits(cols: list[tpl.Line]) -> object:
    def fits(values: list[Decimal | None]) -> bool:
        if cols[-1].key != "total" or len(cols) < 2 or any(v is None for v in values):
            return False
        parts = values[:-1]
        return sum(v for v in parts if v is not None) == values[-1]

    return fits


def _match_t3(grid: Grid, text: str) -> Match:
    rows = _rows(grid)
    slots, found = _header_columns(rows, _T3_COL_LINES, ("other_org",))
    if {"business", "research", "public_interest", "legal_services", "other_org"} & found:
        found.discard("legal_persons")
    header_cols = [line for line in _T3_COL_LINES if line.key in found]
    last = _last_slot(slots)
    log = RowLog()
    cells: list[DisclosureCell] = []
    owned: list[tuple[int, int]] = []
    forms: set[str] = set()
    group: str | None = None
    seen: set[str] = set()
    blank_groups: list[tuple[tpl.Line, str, list[GridCell]]] = []

    def read_row(line: tpl.Line | None, label_text: str, run: list[GridCell]) -> None:
        cols = header_cols or _inferred_t3_columns(len(run))
        if not cols:
            log.lose(f"row {label_text or '?'}: {len(run)} values and no column header; the "
                     "row is not read")  # fmt: skip
            return
        if line is not None and line.key in seen:
            log.lose(f"row {line.label} printed twice; the first is read")
            return
        placed = place(run, cols, text, line.label if line else label_text, _t3_fits(cols),
                        log)  # fmt: skip
        owned.extend(c.span for c in run if c.is_number)
        if placed is None:
            return
        if line is not None:
            seen.add(line.key)
            if line.parent == "other_handling":
                forms.add("2021")
        elif label_text:
            log.note(f"row {label_text} is not a row of the template")
        for col, gc, t, span, value in placed:
            cells.append(_cell(line, label_text, col, gc, text=t, span=span, value=value))

    for row in rows:
        run = value_run(row, last)
        labels = [c for c in row if c.is_label and c.text]
        if lose_interrupted(row, log):
            continue
        if not run:
            continue  # a label row: a group written over its sub-rows, a header
        line: tpl.Line | None = None
        named: GridCell | None = None
        for lab in reversed(labels):
            cand = tpl.find_line(lab.text, tpl.T3_ROWS, exact_only=("other_handling_other",))
            if cand is None:
                continue
            if cand.key == "other_handling_other" and group != "other_handling":
                continue
            line, named = cand, lab
            break
        label_text = " ".join(c.text for c in labels)
        if line is not None:
            group = line.parent or (line.key if line.key in _T3_GROUPS else None)
        if all(c.mark == "" for c in run):
            if line is None or any(
                tpl.find_line(c.text, _T3_COL_LINES, exact_only=("other_org",))
                for c in labels if c is not named
            ):  # fmt: skip
                continue  # a label row (三、本年度办理结果) or a header
            if line.key in _T3_GROUPS:
                # a group over its sub-rows, or a group left blank: known once the rows are
                blank_groups.append((line, label_text, run))
                continue
            # a row left blank: its cells are read, not filled (value None, mark "")
        elif not any(c.is_number for c in row) and line is None:
            log.lose(f"row {label_text or ' | '.join(c.text for c in row)}: marks only and no "
                     "row of the template; the row is not read")  # fmt: skip
            continue
        read_row(line, label_text, run)
    for line, label_text, run in blank_groups:
        if not any(c.row_key in _T3_SUBS[line.key] for c in cells):
            read_row(line, label_text, run)  # a group left blank, printed without sub-rows
    cells.sort(key=lambda c: c.position)
    if not header_cols and cells:
        log.note("columns taken from the number of values (no column header found)")
    return Match(
        table=DisclosureTable(kind="t3", cells=cells, span=grid.span, notes=log.notes),
        forms=frozenset(forms),
        owned=tuple(owned),
        lost=tuple(log.lost),
    )


def _inferred_t3_columns(n: int) -> list[tpl.Line]:
    if n == 7:
        return list(tpl.T3_COLUMNS)
    if n == 3:
        return [tpl.T3_COLUMNS[0], tpl.T3_LEGAL_PERSONS, tpl.T3_COLUMNS[6]]
    return []


# -- T4 ----------------------------------------------------------------------------------


def _t4_fits(values: list[Decimal | None]) -> bool:
    if any(v is None for v in values) or len(values) % 5:
        return False
    for k in range(0, len(values), 5):
        block = values[k : k + 5]
        if sum(v for v in block[:4] if v is not None) != block[4]:
            return False
    return True


def _match_t4(grid: Grid, text: str) -> Match:
    rows = _rows(grid)
    keys = "\n".join(_keys(grid))
    halves = "未经复议" in keys or "复议后起诉" in keys
    log = RowLog()
    cells: list[DisclosureCell] = []
    owned: list[tuple[int, int]] = []
    seen: set[str] = set()
    results = list(tpl.T4_RESULTS)
    headed = False  # whether a row naming the results (结果维持 …) came before
    blank_rows: list[tuple[list[GridCell], list[tpl.Line]]] = []

    def read_row(run: list[GridCell], blocks: list[tpl.Line], label_text: str) -> None:
        cols = [r for _ in blocks for r in results]
        placed = place(run, cols, text, label_text or "T4", _t4_fits, log)
        owned.extend(c.span for c in run if c.is_number)
        if placed is None:
            return
        for k, (col, gc, t, span, value) in enumerate(placed):
            b = blocks[k // 5]
            if b.key not in seen:
                cells.append(_cell(b, label_text, col, gc, text=t, span=span, value=value))
        twice = [b.label for b in blocks if b.key in seen]
        if twice:
            log.lose(f"row {label_text or 'T4'}: {', '.join(twice)} printed twice; the first "
                     "is read")  # fmt: skip
        seen.update(b.key for b in blocks)

    for row in rows:
        run = value_run(row)
        labels = [c for c in row if c.is_label and c.text]
        if not headed:
            headed = any(tpl.find_line(c.text, tpl.T4_RESULTS) for c in labels)
        if lose_interrupted(row, log) or not run:
            continue
        label_text = " ".join(c.text for c in labels)
        block = None
        for lab in reversed(labels):
            block = tpl.find_line(lab.text, (*tpl.T4_BLOCKS, tpl.T4_LITIGATION))
            if block is not None:
                break
        blank = all(c.mark == "" for c in run)
        if block is not None:
            blocks = [block]
        elif len(run) >= 15 or (halves and len(run) >= 14):
            blocks = list(tpl.T4_BLOCKS)
        elif len(run) in (10, 11):
            blocks = [tpl.T4_BLOCKS[0], tpl.T4_LITIGATION]
        elif len(run) in (5, 6) and not labels:
            blocks = [tpl.T4_BLOCKS[0]]
        elif blank:
            continue  # the slots a header's spans cover
        else:
            log.lose(f"row {label_text or '?'} with {len(run)} values is not a T4 row; the "
                     "row is not read")  # fmt: skip
            continue
        if blank:
            # a block left blank (行政复议 | | | | |) is read, not filled; a row of blank
            # slots only if the table has no other row of values
            if headed and block is not None and len(labels) == 1 and len(run) == 5:
                read_row(run, blocks, label_text)
            elif headed and not labels:
                blank_rows.append((run, blocks))
            continue
        read_row(run, blocks, label_text)
    if not cells and blank_rows:
        read_row(*blank_rows[0], "")
    return Match(
        table=DisclosureTable(kind="t4", cells=cells, span=grid.span, notes=log.notes),
        owned=tuple(owned),
        lost=tuple(log.lost),
    )


# -- T2 ----------------------------------------------------------------------------------

_UNITS: Final = ("万元", "亿元", "元", "件", "个", "项", "人次", "次")


def header_unit(text: str) -> str:
    """The unit a header names: ``本年收费金额（单位：万元）`` -> ``万元``.

    Examples:
        >>> header_unit("本年收费金额(单位:万元)"), header_unit("金额（万元）"), header_unit("数量")
        ('万元', '万元', '')
    """
    t = tpl.label_key(text).replace("(", "（").replace(")", "）")
    for u in _UNITS:
        if f"单位{u}" in t or f"（{u}）" in t:
            return u
    return ""


def _match_t2(grid: Grid, text: str) -> Match:
    log = RowLog()
    cells: list[DisclosureCell] = []
    owned: list[tuple[int, int]] = []
    forms: set[str] = set()
    units: dict[tuple[int, int], str] = {}
    cols: dict[int, tpl.Line] = {}
    col_units: dict[int, str] = {}
    seen: set[tuple[str, str]] = set()
    for row in _rows(grid):
        labels = [c for c in row if c.is_label and c.text]
        item = None
        for lab in labels:
            item = tpl.find_line(lab.text, tpl.T2_ROWS)
            if item is not None:
                break
        label_text = " ".join(c.text for c in labels)
        if lose_interrupted(row, log):
            continue
        if not any(c.is_number for c in row):
            # a header names columns; an item whose cells are all marks or blank (行政许可 | /)
            # is a row of the table, not a header
            head = {}
            head_units = {}
            for c in labels:
                line = tpl.find_line(c.text, tpl.T2_COLUMNS)
                if line is not None:
                    head[c.column] = line
                    head_units[c.column] = header_unit(c.text) or line.unit
            if head:
                cols, col_units = head, head_units
                for line in head.values():
                    if len(line.forms) == 1:
                        forms.add(line.forms[0])
                continue
            if item is None:
                if not labels and any(c.mark for c in row):
                    log.lose(f"row {' | '.join(c.text for c in row)}: marks and no item label; "
                             "the row is not read")  # fmt: skip
                continue  # a heading (第二十条第（五）项) or a row of blank slots
        if item is not None and len(item.forms) == 1:
            forms.add(item.forms[0])
        run = value_run(row, _last_slot(cols))
        slots = sorted(cols)
        by_slot = {c.column: c for c in run}
        if slots and all(s in by_slot for s in slots) and len(run) >= len(slots):
            pairs = [(cols[s], by_slot[s], col_units.get(s, "")) for s in slots]
        elif slots and len(run) == len(slots):
            pairs = [(cols[s], c, col_units.get(s, "")) for s, c in zip(slots, run, strict=True)]
        elif not slots and item is not None:
            guess = next((f for f in tpl.FORMS if len(tpl.t2_columns(f, item.key)) == len(run)),
                         None)  # fmt: skip
            if guess is None:
                log.lose(f"row {label_text}: {len(run)} values and no column header; the row "
                         "is not read")  # fmt: skip
                continue
            pairs = [(col, c, col.unit) for col, c in zip(tpl.t2_columns(guess, item.key), run,
                                                         strict=True)]  # fmt: skip
        else:
            log.lose(f"row {label_text or '?'}: its {len(run)} values do not line up with the "
                     f"header's {len(slots)} columns; the row is not read")  # fmt: skip
            continue
        placed = {id(gc) for _col, gc, _unit in pairs}
        extra = [c.text for c in run if id(c) not in placed and c.mark != ""]
        if extra:
            log.lose(f"row {label_text or '?'}: {', '.join(extra)} under no column of the "
                     "header; not read")  # fmt: skip
        twice = [col.label for col, _gc, _unit in pairs
                 if (item.key if item else label_text, col.key) in seen]  # fmt: skip
        if twice:
            log.lose(f"row {label_text or '?'}: {', '.join(twice)} printed twice; the first "
                     "is read")  # fmt: skip
        for col, gc, unit in pairs:
            key = (item.key if item else label_text, col.key)
            if key in seen:
                continue
            seen.add(key)
            if gc.is_number:
                owned.append(gc.span)
                if unit and not gc.unit:
                    units[gc.span] = unit
            cells.append(_cell(item, label_text, col, gc, column_label=col.label,
                               unit=unit if not gc.unit else ""))  # fmt: skip
        if item is None and label_text:
            log.note(f"row {label_text} is not an item of the template")
    return Match(
        table=DisclosureTable(kind="t2", cells=cells, span=grid.span, notes=log.notes),
        forms=frozenset(forms),
        owned=tuple(owned),
        units=units,
        lost=tuple(log.lost),
    )
