"""Tables as records: grid cells, grids, and the standard tables of a disclosure report.

A :class:`Grid` is what a table reader found: cells with their text, their place in the
grid, their spans in the report text and, when the cell is one number, its exact value.
A :class:`DisclosureTable` is a grid read against the national template of
政府信息公开工作年度报告 (see :mod:`lawgov_metrics.template`): every cell carries the
template's row and column labels, so ``value("本年新收", "总计")`` finds it whatever the
report's own wording, numbering or layout. :class:`DisclosureTables` holds the three tables
of one report (``report.disclosure``) and what the report left out.

A blank cell and the marks ``/``, ``-``, ``—`` and ``无`` are not 0: their value is ``None``
and the mark is kept.

Examples:
    >>> from decimal import Decimal
    >>> import lawgov_metrics as lm
    >>> cell = lm.DisclosureCell(row="本年新收", column="总计", row_key="new",
    ...                          column_key="total", value=Decimal(146), text="146",
    ...                          span=(120, 123))
    >>> t3 = lm.DisclosureTable(kind="t3", cells=[cell], span=(100, 130))
    >>> t3.value("一、本年新收政府信息公开申请数量", "总计")
    Decimal('146')
    >>> t3.value("上年结转", "总计") is None
    True
    >>> t3.cell("本年新收", "total").text
    '146'
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from . import template as tpl
from ._render import render_template

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "MARKS",
    "DisclosureCell",
    "DisclosureTable",
    "DisclosureTables",
    "Grid",
    "GridCell",
    "TableKind",
    "render_template",
]

Span = tuple[int, int]
TableKind = Literal["t2", "t3", "t4", "generic"]
#: What a cell may hold instead of a number; each is kept as written, never read as 0.
MARKS: tuple[str, ...] = ("", "/", "-", "—", "无")


def _strs(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _tables(value: Iterable[DisclosureTable]) -> tuple[DisclosureTable, ...]:
    return tuple(value)


def _decimal_or_none(value: object) -> Decimal | None:
    if value is None or isinstance(value, Decimal):
        return value
    return Decimal(str(value))


@attrs.frozen(kw_only=True)
class GridCell:
    """One cell of a table as read.

    Attributes:
        text: The cell's text as written in the report text, ``text == report.text[start:end]``
            (stripped of surrounding space; ``""`` for an empty cell).
        row: The grid row of its top-left slot (0-based).
        column: The grid column of its top-left slot (0-based).
        row_span: Rows it covers (from an HTML ``rowspan``; text tables give 1).
        col_span: Columns it covers (``colspan``).
        span: ``(start, end)`` of ``text`` in the text the grid was read from; an empty
            cell has an empty span where it sits.
        value: The exact number when the cell is one number (``"1,234"`` -> 1234,
            ``"75件"`` -> 75), else ``None``.
        unit: The unit written in the cell (``"件"``), or ``""``.
        mark: For a blank cell or a mark (:data:`MARKS`), the mark as normalised; else None.
    """

    text: str
    row: int
    column: int
    row_span: int = 1
    col_span: int = 1
    span: Span = (0, 0)
    value: Decimal | None = attrs.field(default=None, converter=_decimal_or_none)
    unit: str = ""
    mark: str | None = None

    @property
    def is_number(self) -> bool:
        """Whether the cell is one number."""
        return self.value is not None

    @property
    def is_label(self) -> bool:
        """Whether the cell holds text that is neither a number nor a mark."""
        return self.value is None and self.mark is None


def _cells(value: Iterable[GridCell]) -> tuple[GridCell, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Grid:
    """A table as read: its cells and where it is.

    Attributes:
        cells: The cells, row by row, left to right.
        n_rows: Rows of the grid.
        n_columns: Columns of the grid (the widest row).
        span: The table's extent in the text.
        source: How it was written: ``"html"`` (a ``<table>``), ``"pipe"`` (markdown or
            ``|``-separated rows), ``"tab"`` or ``"space"`` (aligned by runs of spaces).
        notes: What the reader noticed (a number split across two cells ...).

    Examples:
        >>> from lawgov_metrics.reading.grids import text_grids
        >>> g = text_grids("项目 | 数量\\n收到申请 | 146\\n")[0]
        >>> g.n_rows, g.n_columns, g.at(1, 1).value
        (2, 2, Decimal('146'))
    """

    cells: tuple[GridCell, ...] = attrs.field(converter=_cells)
    n_rows: int = 0
    n_columns: int = 0
    span: Span = (0, 0)
    source: str = "pipe"
    notes: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    def rows(self) -> list[list[GridCell]]:
        """The cells of each row (cells that start in it), left to right."""
        out: list[list[GridCell]] = [[] for _ in range(self.n_rows)]
        for c in self.cells:
            if 0 <= c.row < self.n_rows:
                out[c.row].append(c)
        for row in out:
            row.sort(key=lambda c: c.column)
        return out

    def at(self, row: int, column: int) -> GridCell | None:
        """The cell covering slot ``(row, column)``, or ``None``."""
        for c in self.cells:
            if c.row <= row < c.row + c.row_span and c.column <= column < c.column + c.col_span:
                return c
        return None


@attrs.frozen(kw_only=True)
class DisclosureCell:
    """One cell of a table read against the template (or of a generic table).

    Attributes:
        row: The row label: the template's (``"本年新收"``, ``"不予公开/属于国家秘密"``) or,
            in a generic table, the row's own text.
        column: The column label (``"自然人"``; a generic table's header path).
        row_key: The template's ascii key of the row (``"new"``), ``""`` in a generic table.
        column_key: The template's key of the column (``"natural_person"``), or ``""``.
        value: The exact value in the table's unit, ``None`` for a blank or a mark.
        mark: The mark of a cell without a number (``""``, ``"/"``, ``"-"``, ``"—"``,
            ``"无"``), else ``None``.
        unit: The unit of ``value``: written in the cell or in its header (``"万元"``).
        text: The cell as written (two pieces joined for a number split across cells).
        span: ``(start, end)`` of ``text`` in the report text.
        position: ``(row, column)`` of the cell in its grid.
    """

    row: str
    column: str
    row_key: str = ""
    column_key: str = ""
    value: Decimal | None = attrs.field(default=None, converter=_decimal_or_none)
    mark: str | None = None
    unit: str = ""
    text: str = ""
    span: Span = (0, 0)
    position: tuple[int, int] = (0, 0)

    @property
    def quote(self) -> str:
        """The cell as written (same as :attr:`text`)."""
        return self.text


def _dcells(value: Iterable[DisclosureCell]) -> tuple[DisclosureCell, ...]:
    return tuple(value)


def _lines_of(kind: str) -> tuple[tuple[tpl.Line, ...], tuple[tpl.Line, ...]]:
    if kind == "t3":
        return tpl.T3_ROWS, (*tpl.T3_COLUMNS, tpl.T3_LEGAL_PERSONS)
    if kind == "t4":
        return (*tpl.T4_BLOCKS, tpl.T4_LITIGATION), tpl.T4_RESULTS
    if kind == "t2":
        return tpl.T2_ROWS, tpl.T2_COLUMNS
    return (), ()


def _resolve(query: str, lines: tuple[tpl.Line, ...]) -> str:
    """The key of the template line ``query`` names (key, label or printed wording)."""
    want = tpl.label_key(query)
    for line in lines:
        if query in (line.key, line.label, line.printed):
            return line.key
    for line in lines:
        names = {tpl.label_key(line.label), tpl.label_key(line.printed)}
        if want in names:
            return line.key
    tails = [line.key for line in lines if tpl.label_key(line.label.split("/")[-1]) == want]
    if len(tails) == 1:
        return tails[0]
    return ""


_FRAME_COLUMNS = [
    "table", "row", "column", "row_key", "column_key", "value", "mark", "unit", "quote",
    "start", "end", "grid_row", "grid_column",
]  # fmt: skip


def _frame(tables: Iterable[DisclosureTable]) -> pd.DataFrame:
    import pandas as pd

    rows: list[dict[str, Any]] = []
    for t in tables:
        for c in t.cells:
            rows.append(
                {
                    "table": t.kind,
                    "row": c.row,
                    "column": c.column,
                    "row_key": c.row_key,
                    "column_key": c.column_key,
                    "value": c.value,
                    "mark": c.mark,
                    "unit": c.unit,
                    "quote": c.text,
                    "start": c.span[0],
                    "end": c.span[1],
                    "grid_row": c.position[0],
                    "grid_column": c.position[1],
                }
            )
    df = pd.DataFrame(rows, columns=_FRAME_COLUMNS)
    # None (a number cell) stays None beside the marks, not NaN
    df["mark"] = pd.Series([r["mark"] for r in rows], dtype=object, index=df.index)
    return df


@attrs.frozen(kw_only=True)
class DisclosureTable:
    """One table of a report, its cells labelled by the template's rows and columns.

    Attributes:
        kind: ``"t2"`` (主动公开), ``"t3"`` (收到和处理申请), ``"t4"`` (行政复议、行政诉讼) or
            ``"generic"`` (a table that is not the template's).
        cells: Every cell read, in reading order.
        span: The table's extent in the report text.
        missing: What the template has that this table does not print (row and column
            labels, sub-rows), one phrase each.
        notes: What the reader noticed: a number split across two cells (拆格), a row it
            could not read, units taken from a header.
        unit: The unit printed for the whole table (单位：件), or ``""``.
    """

    kind: TableKind
    cells: tuple[DisclosureCell, ...] = attrs.field(default=(), converter=_dcells)
    span: Span = (0, 0)
    missing: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    unit: str = ""
    _index: dict[tuple[str, str], DisclosureCell] = attrs.field(
        init=False, repr=False, eq=False, factory=dict
    )

    def __attrs_post_init__(self) -> None:
        index: dict[tuple[str, str], DisclosureCell] = {}
        for c in self.cells:
            key = (c.row_key or tpl.label_key(c.row), c.column_key or tpl.label_key(c.column))
            index.setdefault(key, c)
        object.__setattr__(self, "_index", index)

    def _key(self, row: str, column: str) -> tuple[str, str]:
        rows, cols = _lines_of(self.kind)
        r = _resolve(row, rows) if rows else ""
        c = _resolve(column, cols) if cols else ""
        return (r or tpl.label_key(row), c or tpl.label_key(column))

    def cell(self, row: str, column: str) -> DisclosureCell | None:
        """The cell at a row and column, or ``None`` when the table does not print it.

        Args:
            row: The row's template label (``"本年新收"``), its printed wording
                (``"一、本年新收政府信息公开申请数量"``), its key (``"new"``) or, for a
                sub-row, the label after the slash when unique (``"属于国家秘密"``).
            column: The column, named the same ways.
        """
        return self._index.get(self._key(row, column))

    def value(self, row: str, column: str) -> Decimal | None:
        """The value at a row and column: ``None`` for a blank, a mark or a cell not printed.

        See :meth:`cell` for the names accepted; :meth:`cell` tells a blank from a cell
        that is not there.
        """
        c = self.cell(row, column)
        return None if c is None else c.value

    def rows(self) -> list[str]:
        """The row labels printed, in order."""
        return list(dict.fromkeys(c.row for c in self.cells))

    def columns(self) -> list[str]:
        """The column labels printed, in order."""
        return list(dict.fromkeys(c.column for c in self.cells))

    @property
    def frame(self) -> pd.DataFrame:
        """A tidy frame of every cell.

        Columns: table, row, column, row_key, column_key, value (exact Decimal or None),
        mark, unit, quote, start, end (the span in the report text), grid_row, grid_column.
        """
        return _frame([self])

    def __iter__(self) -> Iterator[DisclosureCell]:
        return iter(self.cells)

    def __len__(self) -> int:
        return len(self.cells)


@attrs.frozen(kw_only=True)
class DisclosureTables:
    """The standard tables of one 政府信息公开工作年度报告 (``report.disclosure``).

    Attributes:
        format: ``"2021"`` (国办公开办函〔2021〕30号) or ``"2019"`` (〔2019〕60号), as the
            tables themselves show (their columns, their sub-rows).
        t2: 主动公开政府信息情况, or ``None`` when the report has none.
        t3: 收到和处理政府信息公开申请情况, or ``None``.
        t4: 政府信息公开行政复议、行政诉讼情况, or ``None``.
        generic: The report's other tables, their cells labelled by their own headers.
        missing: Whole tables of the template the report does not print (``"T4"``).
        notes: How the form was decided, when the tables alone did not say.
    """

    format: tpl.Form = "2021"
    t2: DisclosureTable | None = None
    t3: DisclosureTable | None = None
    t4: DisclosureTable | None = None
    generic: tuple[DisclosureTable, ...] = attrs.field(default=(), converter=_tables)
    missing: tuple[str, ...] = attrs.field(default=(), converter=_strs)
    notes: tuple[str, ...] = attrs.field(default=(), converter=_strs)

    def tables(self) -> list[DisclosureTable]:
        """The template tables found, T2 to T4."""
        return [t for t in (self.t2, self.t3, self.t4) if t is not None]

    @property
    def frame(self) -> pd.DataFrame:
        """Every cell of T2, T3, T4 and the generic tables (columns as
        :attr:`DisclosureTable.frame`)."""
        return _frame([*self.tables(), *self.generic])
