"""A row of a template table: the values at its end, placed one per column.

A row's values are the run of number (or mark) cells at its end (:func:`value_run`); they go
to the columns in order (:func:`place`). One number more than there are columns is a number
split across two cells (拆格, ``71 | 3`` for 713), joined where the table's arithmetic then
holds (:func:`merged_split`). What a row loses (values that do not fit, a text cell among
them) goes to a :class:`RowLog`, which the matchers of :mod:`.disclosure` turn into the
table's notes and the report's warnings.

Examples:
    >>> from lawgov_metrics.reading.grids import text_grids
    >>> row = text_grids("行政复议 | 3 | 见附件 | 0 | 1")[0].rows()[0]
    >>> [c.text for c in value_run(row)], interrupted(row).text
    (['0', '1'], '见附件')
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from .. import template as tpl
from ..tables import GridCell

__all__ = ["RowLog", "interrupted", "lose_interrupted", "merged_split", "place", "value_run"]


class RowLog:
    """What a matcher noticed: notes for the table, and which of them lose part of it."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.lost: list[str] = []

    def note(self, message: str) -> None:
        self.notes.append(message)

    def lose(self, message: str) -> None:
        self.notes.append(message)
        self.lost.append(message)


def value_run(row: Sequence[GridCell], last_slot: int | None = None) -> list[GridCell]:
    """The run of number and mark cells at the end of a row.

    Blank cells after ``last_slot`` (the last column a header names) are not part of it:
    they are the slots a spanned value cell covers.
    """
    cells = list(row)
    if last_slot is not None:
        while cells and cells[-1].column > last_slot and cells[-1].mark == "":
            cells.pop()
    run: list[GridCell] = []
    for c in reversed(cells):
        if c.is_label:
            break
        run.append(c)
    run.reverse()
    return run


def _digits(c: GridCell) -> str | None:
    if c.value is None or c.unit or c.value != c.value.to_integral_value() or c.value < 0:
        return None
    t = c.text.strip()
    return t if t.isdigit() and t.isascii() else None


def merged_split(run: Sequence[GridCell], n: int, fits: object) -> tuple[int, Decimal] | None:
    """Where a run of ``n + 1`` numbers holds a number split across two cells.

    ``fits`` is called with the ``n`` values after joining cells ``i`` and ``i + 1``; the
    join is taken only when exactly one ``i`` fits.

    Returns:
        ``(i, joined value)``, or ``None`` when no single join fits.
    """
    assert callable(fits)
    hits: list[tuple[int, Decimal]] = []
    for i in range(len(run) - 1):
        a, b = _digits(run[i]), _digits(run[i + 1])
        if a is None or b is None:
            continue
        joined = Decimal(a + b)
        values = [c.value for c in run[:i]] + [joined] + [c.value for c in run[i + 2 :]]
        if len(values) == n and fits(values):
            hits.append((i, joined))
    return hits[0] if len(hits) == 1 else None


def interrupted(row: Sequence[GridCell]) -> GridCell | None:
    """A text cell among a row's values (``3 | 见附件 | 0``), or ``None``.

    A row's values are the run at its end (:func:`value_run`); a number or a mark before a
    label means the run was cut short, and reading the rest would put every value one
    column off. Blank cells before a label are the slots a spanned label covers.
    """
    valued = False
    for c in row:
        if c.is_label and c.text and valued:
            return c
        valued = valued or c.is_number or bool(c.mark)
    return None


def lose_interrupted(row: Sequence[GridCell], log: RowLog) -> bool:
    cut = interrupted(row)
    if cut is None:
        return False
    head = " ".join(c.text for c in row if c.text)[:40]
    log.lose(f"row {head}: “{cut.text}” among its values; the row is not read")
    return True


def place(
    run: list[GridCell],
    cols: list[tpl.Line],
    text: str,
    label: str,
    fits: object,
    log: RowLog,
) -> list[tuple[tpl.Line, GridCell, str, tuple[int, int], Decimal | None]] | None:
    """The values of a row, one per column: joins a 拆格 where the arithmetic says."""
    n = len(cols)
    while len(run) > n and run[0].mark == "":
        run = run[1:]  # the slots a spanned label covers
    if len(run) == n:
        return [(col, c, c.text, c.span, None) for col, c in zip(cols, run, strict=True)]
    if len(run) == n + 1:
        found = merged_split(run, n, fits)
        if found is not None:
            i, joined = found
            a, b = run[i], run[i + 1]
            log.note(
                f"拆格: “{a.text}” and “{b.text}” in row {label} read as one number {joined} "
                "(the row's 总计 holds only then)"
            )
            out: list[tuple[tpl.Line, GridCell, str, tuple[int, int], Decimal | None]] = []
            k = 0
            for col in cols:
                if k == i:
                    out.append(
                        (col, a, text[a.span[0] : b.span[1]], (a.span[0], b.span[1]), joined)
                    )
                    k += 2
                else:
                    c = run[k]
                    out.append((col, c, c.text, c.span, None))
                    k += 1
            return out
        log.lose(
            f"row {label} has {len(run)} numbers for {n} columns: a number split across two "
            "cells (拆格) that no single join makes add up; the row is not read"
        )
        return None
    if run:
        log.lose(f"row {label} has {len(run)} values for {n} columns; the row is not read")
    return None
