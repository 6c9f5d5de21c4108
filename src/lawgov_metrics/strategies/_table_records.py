"""The records of :func:`~lawgov_metrics.strategies.disclosure_tables`: identities and tables.

A :class:`TableIdentity` is one instance of an identity the national template of
政府信息公开工作年度报告 imposes on its cells (T3's balance in one column, T3's applicant sum in
one row, one T4 block's sum), with the cells on each side of its "=". A
:class:`DisclosureCase` is a drawn table: the text as a report prints it, the cells it holds,
and which identities hold and which are broken. Plain attrs records; nothing here imports
Hypothesis.

Cells are keyed ``(table, row key, column key)`` with the keys of
:mod:`lawgov_metrics.template`, as :func:`lawgov_metrics.render_template` takes them
(``("t3", "new", "total")``, ``("t4", "reconsideration", "upheld")``). A cell holds an
``int`` (a count), a ``Decimal`` (an amount in 万元) or a mark
(:data:`~lawgov_metrics.tables.MARKS`: a blank, ``"/"``, ``"-"``, ``"—"`` or ``"无"``), which
stands for none: an identity counts it as 0, as the ``disclosure.*`` checks do.

Examples:
    >>> ids = template_identities("2021", ("t3", "t4"))
    >>> len(ids), ids[0]
    (42, TableIdentity(check='disclosure.t3_balance', instance='自然人'))
    >>> sorted(ids[-1].cells)[:2]
    [('t4', 'litigation_after', 'corrected'), ('t4', 'litigation_after', 'other')]
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Mapping
from decimal import Decimal
from types import MappingProxyType
from typing import Any, Final

import attrs

from .. import template as tpl
from ..tables import MARKS

__all__ = [
    "TABLE_FORMATS",
    "TABLE_IDENTITIES",
    "Cell",
    "DisclosureCase",
    "Key",
    "TableIdentity",
    "printed_cells",
    "template_identities",
]

Key = tuple[str, str, str]
Cell = int | Decimal | str

#: The identity checks of one report, in the order :func:`template_identities` lists them.
TABLE_IDENTITIES: Final[tuple[str, ...]] = (
    "disclosure.t3_balance",
    "disclosure.t3_outcomes",
    "disclosure.t3_applicants",
    "disclosure.t4_blocks",
)
#: The table each identity check is about.
TABLE_OF: Final[dict[str, str]] = {
    "disclosure.t3_balance": "t3",
    "disclosure.t3_outcomes": "t3",
    "disclosure.t3_applicants": "t3",
    "disclosure.t4_blocks": "t4",
}
#: The ways a drawn table is written (see :func:`lawgov_metrics.render_template`).
TABLE_FORMATS: Final[tuple[str, ...]] = ("html", "markdown", "tab", "space")
_TABLES: Final = ("t2", "t3", "t4")

_APPLICANTS: Final = tuple(c.key for c in tpl.T3_COLUMNS[:6])
_OUTER: Final = ("new", "carried_in", "total", "carried_out")


def _label(lines: Iterable[tpl.Line], key: str) -> str:
    return next(line.label for line in lines if line.key == key)


def t3_printed_rows(form: tpl.Form) -> tuple[str, ...]:
    """The T3 rows that :func:`~lawgov_metrics.render_template` prints with numbers: a group
    with sub-rows is printed as its sub-rows only."""
    rows = tpl.t3_rows(form)
    parents = {r.parent for r in rows if r.parent}
    return tuple(r.key for r in rows if r.key not in parents)


def t3_leaves(form: tpl.Form) -> tuple[str, ...]:
    """The printed outcome rows of T3 (（一）…（六）, a group by its sub-rows)."""
    return tuple(r for r in t3_printed_rows(form) if r not in _OUTER)


def printed_cells(form: tpl.Form, tables: Iterable[str] = _TABLES) -> tuple[Key, ...]:
    """Every cell with a value in the template's layout of ``tables``, in one form.

    Examples:
        >>> len(printed_cells("2021")), len(printed_cells("2019"))
        (200, 198)
    """
    out: list[Key] = []
    for t in tables:
        if t == "t2":
            out += [("t2", r.key, c.key) for _h, rows, cols in tpl.t2_layout(form)
                    for r in rows for c in cols]  # fmt: skip
        elif t == "t3":
            out += [("t3", r, c.key) for r in t3_printed_rows(form) for c in tpl.T3_COLUMNS]
        elif t == "t4":
            out += [("t4", b.key, r.key) for b in tpl.T4_BLOCKS for r in tpl.T4_RESULTS]
    return tuple(out)


def as_number(value: Cell) -> Decimal:
    """A cell's value in a sum: a mark counts as 0.

    Examples:
        >>> as_number(7), as_number("/"), as_number(Decimal("1.50"))
        (Decimal('7'), Decimal('0'), Decimal('1.50'))
    """
    if isinstance(value, str):
        if value not in MARKS:
            raise ValueError(f"a cell holds a number or a mark {MARKS}, got {value!r}")
        return Decimal(0)
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        raise ValueError(f"a cell holds an int, a Decimal or a mark, got {value!r}")
    return Decimal(value)


@attrs.frozen(kw_only=True)
class TableIdentity:
    """One instance of an identity of the template: the sum of ``lhs`` equals that of ``rhs``.

    Attributes:
        check: The check that tests it (one of :data:`TABLE_IDENTITIES`).
        instance: Which instance, by the template's label: the column for
            ``disclosure.t3_balance`` and ``disclosure.t3_outcomes`` (``"自然人"``,
            ``"总计"``), the row for ``disclosure.t3_applicants`` (``"本年新收"``; ``"总计"``
            is the row （七）总计), the block for ``disclosure.t4_blocks`` (``"行政复议"``).
        lhs: The cells on the left of the "=".
        rhs: The cells on the right.
    """

    check: str
    instance: str
    lhs: tuple[Key, ...] = attrs.field(repr=False)
    rhs: tuple[Key, ...] = attrs.field(repr=False)

    @property
    def cells(self) -> frozenset[Key]:
        """Every cell the identity uses."""
        return frozenset((*self.lhs, *self.rhs))

    def residual(self, values: Mapping[Key, Cell]) -> Decimal:
        """The left side minus the right side, a mark counted as 0 (0 when it holds)."""
        left = sum((as_number(values[k]) for k in self.lhs), Decimal(0))
        return left - sum((as_number(values[k]) for k in self.rhs), Decimal(0))

    def holds(self, values: Mapping[Key, Cell]) -> bool:
        """Whether the identity holds for ``values``.

        Examples:
            >>> t4 = template_identities("2021", ("t4",))[0]
            >>> cells = dict.fromkeys(t4.cells, 1)
            >>> t4.instance, t4.holds(cells), t4.residual(cells)
            ('行政复议', False, Decimal('-3'))
            >>> t4.holds({**cells, ("t4", "reconsideration", "total"): 4})
            True
        """
        return self.residual(values) == 0


def template_identities(
    form: tpl.Form, tables: Iterable[str] = _TABLES
) -> tuple[TableIdentity, ...]:
    """Every identity instance of one report's ``tables`` in the template's layout.

    T3 (in each of its 7 columns): 一 本年新收 + 二 上年结转 = （七）总计 + 四 结转下年度
    (``disclosure.t3_balance``) and （七）总计 = （一）…（六）, a group by its sub-rows
    (``disclosure.t3_outcomes``); in each printed row: 总计 = the six applicant columns
    (``disclosure.t3_applicants``). T4, in each of its 3 blocks: 总计 = 结果维持 + 结果纠正 +
    其他结果 + 尚未审结 (``disclosure.t4_blocks``). T2 has none within one report.
    """
    return _identities(form, frozenset(tables))


@functools.cache
def _identities(form: tpl.Form, chosen: frozenset[str]) -> tuple[TableIdentity, ...]:
    out: list[TableIdentity] = []
    if "t3" in chosen:
        cols = [c.key for c in tpl.T3_COLUMNS]
        leaves = t3_leaves(form)
        for c in cols:
            out.append(TableIdentity(
                check="disclosure.t3_balance", instance=_label(tpl.T3_COLUMNS, c),
                lhs=(("t3", "new", c), ("t3", "carried_in", c)),
                rhs=(("t3", "total", c), ("t3", "carried_out", c)),
            ))  # fmt: skip
        for c in cols:
            out.append(TableIdentity(
                check="disclosure.t3_outcomes", instance=_label(tpl.T3_COLUMNS, c),
                lhs=(("t3", "total", c),), rhs=tuple(("t3", r, c) for r in leaves),
            ))  # fmt: skip
        for r in t3_printed_rows(form):
            out.append(TableIdentity(
                check="disclosure.t3_applicants", instance=_label(tpl.T3_ROWS, r),
                lhs=(("t3", r, "total"),), rhs=tuple(("t3", r, a) for a in _APPLICANTS),
            ))  # fmt: skip
    if "t4" in chosen:
        parts = [r.key for r in tpl.T4_RESULTS if r.key != "total"]
        for b in tpl.T4_BLOCKS:
            out.append(TableIdentity(
                check="disclosure.t4_blocks", instance=b.label,
                lhs=(("t4", b.key, "total"),), rhs=tuple(("t4", b.key, p) for p in parts),
            ))  # fmt: skip
    return tuple(out)


def _frozen(value: Mapping[Key, object]) -> Mapping[Key, object]:
    return MappingProxyType(dict(value))


def _tables(value: Iterable[str]) -> tuple[str, ...]:
    return tuple(value)


def _identity_tuple(value: Iterable[TableIdentity]) -> tuple[TableIdentity, ...]:
    return tuple(value)


def _identity_set(value: Iterable[TableIdentity]) -> frozenset[TableIdentity]:
    return frozenset(value)


@attrs.frozen(kw_only=True, repr=False)
class DisclosureCase:
    """A drawn disclosure table: its text, its cells, and the identities that hold.

    The repr (also in Hypothesis's reports) leaves out ``text``, ``values`` and ``holds``:
    print ``case.text`` to see the table. A case is not hashable (its mappings are read-only
    views).

    Attributes:
        text: The tables as a report prints them, each under its section heading: HTML with
            the template's rowspan/colspan layout, or markdown, tab-separated or
            space-aligned text (:func:`lawgov_metrics.render_template`).
        fmt: ``"html"``, ``"markdown"``, ``"tab"`` or ``"space"``.
        form: ``"2021"`` or ``"2019"``.
        tables: The tables written, in order (of ``"t2"``, ``"t3"``, ``"t4"``).
        values: Every printed cell by ``(table, row key, column key)``: an int, a Decimal
            (万元) or a mark standing for none.
        broken: The identity instances that do not hold, one check's: empty for a
            consistent table, one instance for T4, two for T3 (the fewest any change of
            T3 can break, see :func:`~lawgov_metrics.strategies.disclosure_tables`).
        changed: For an inconsistent table, the changed cells with the values they had in
            the consistent table it was made from; empty otherwise.
        offset: How far each changed cell moved (up or down); 0 for a consistent table.
        holds: Every other identity instance of the tables (all of them when consistent).
    """

    text: str = attrs.field(repr=False)
    fmt: str
    form: tpl.Form
    tables: tuple[str, ...] = attrs.field(converter=_tables)
    values: Mapping[Key, Cell] = attrs.field(repr=False, converter=_frozen)
    broken: tuple[TableIdentity, ...] = attrs.field(default=(), converter=_identity_tuple)
    changed: Mapping[Key, int] = attrs.field(factory=dict, converter=_frozen)
    offset: int = 0
    holds: frozenset[TableIdentity] = attrs.field(
        repr=False, factory=frozenset, converter=_identity_set
    )

    def __attrs_post_init__(self) -> None:
        if self.fmt not in TABLE_FORMATS:
            raise ValueError(f"fmt must be one of {TABLE_FORMATS}, got {self.fmt!r}")
        if self.form not in tpl.FORMS:
            raise ValueError(f"form must be one of {tpl.FORMS}, got {self.form!r}")
        if not self.tables or any(t not in _TABLES for t in self.tables):
            raise ValueError(f"tables must be some of {_TABLES}, got {self.tables!r}")
        want = set(printed_cells(self.form, self.tables))
        if set(self.values) != want:
            lost, extra = sorted(want - set(self.values)), sorted(set(self.values) - want)
            raise ValueError(f"values must hold every printed cell: missing {lost[:3]}, "
                             f"not printed {extra[:3]}")  # fmt: skip
        nums = {k: as_number(v) for k, v in self.values.items()}
        ids = set(template_identities(self.form, self.tables))
        if set(self.broken) | self.holds != ids or set(self.broken) & self.holds:
            raise ValueError("broken and holds must split the tables' identities between them")
        wrong = [i for i in self.holds if not i.holds(nums)]
        wrong += [i for i in self.broken if i.holds(nums)]
        if wrong:
            raise ValueError(f"these identities are filed on the wrong side: {wrong}")
        if len({i.check for i in self.broken}) > 1:
            raise ValueError(f"an inconsistent table breaks one identity, got {self.broken}")
        if bool(self.broken) != bool(self.changed) or self.offset < 0:
            raise ValueError("changed cells and a positive offset come with broken identities")
        for k, old in self.changed.items():
            if k not in nums or abs(nums[k] - old) != self.offset:
                raise ValueError(f"cell {k} did not move by offset={self.offset}")
        before = {**nums, **{k: Decimal(v) for k, v in self.changed.items()}}
        if not all(i.holds(before) for i in ids):
            raise ValueError("the table before its change must be consistent")

    def __repr__(self) -> str:
        return (
            f"DisclosureCase(fmt={self.fmt!r}, form={self.form!r}, tables={self.tables!r}, "
            f"broken={self.broken!r}, changed={dict(self.changed)!r}, offset={self.offset!r})"
        )

    def _repr_pretty_(self, printer: Any, cycle: bool) -> None:
        """The repr, for Hypothesis's and IPython's pretty printers (which would otherwise
        print every field, the whole text included)."""
        printer.text(repr(self))

    @property
    def consistent(self) -> bool:
        """Whether every identity holds."""
        return not self.broken

    @property
    def breaks(self) -> str:
        """The check id of the broken identity (``"disclosure.t3_balance"``), or ``""``."""
        return self.broken[0].check if self.broken else ""

    @property
    def near_miss(self) -> bool:
        """Whether the table is off by one: each changed cell moved by 1."""
        return self.offset == 1

    @property
    def original(self) -> Mapping[Key, Cell]:
        """The consistent cells this table was made from (``values`` when consistent)."""
        return MappingProxyType({**self.values, **self.changed})
