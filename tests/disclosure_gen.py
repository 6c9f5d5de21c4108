"""Test helpers for the disclosure tables: the template's identities written out independently
of the checker and of the strategy (the oracle), and report pages around drawn tables.

The tables themselves are drawn by the public strategy
:func:`lawgov_metrics.strategies.disclosure_tables`; what is here is test-only.

Values are keyed ``(table, row key, column key)`` as :func:`lawgov_metrics.render_template`
takes them. The identities below are written from the template's own statement of them
(T3: 第一项加第二项之和，等于第三项加第四项之和; the outcome rows add up to （七）总计; the
applicant columns add up to 总计; each T4 block's results add up to its 总计), with the rows
listed by hand, not from the checker's code or the strategy's.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from decimal import Decimal
from fractions import Fraction

import lawgov_metrics as lm
from lawgov_metrics.reading.html import html_to_text
from lawgov_metrics.strategies import DisclosureCase

Key = tuple[str, str, str]
Values = dict[Key, int]
#: A drawn cell: a count, an amount, or a mark standing for none.
Cell = int | Decimal | str

MARKS = ("", "/", "-", "—", "无")
APPLICANTS = ["natural_person", "business", "research", "public_interest", "legal_services",
              "other_org"]  # fmt: skip
COLUMNS = [*APPLICANTS, "total"]
SUBS_2021 = {
    "withheld": ["withheld_state_secret", "withheld_prohibited", "withheld_three_safeties",
                 "withheld_third_party", "withheld_internal", "withheld_process",
                 "withheld_enforcement", "withheld_query"],
    "not_provided": ["not_provided_not_held", "not_provided_needs_creation",
                     "not_provided_unclear"],
    "not_processed": ["not_processed_petitions", "not_processed_repeated",
                      "not_processed_publications", "not_processed_excessive",
                      "not_processed_confirmation"],
    "other_handling": ["other_handling_no_supplement", "other_handling_unpaid_fees",
                       "other_handling_other"],
}  # fmt: skip
GROUPS = ["disclosed", "partly", "withheld", "not_provided", "not_processed", "other_handling"]
BLOCKS = ["reconsideration", "litigation_direct", "litigation_after"]
RESULTS = ["upheld", "corrected", "other", "pending"]
T2_2021 = {"rules": ["issued", "repealed", "in_force"],
           "normative_documents": ["issued", "repealed", "in_force"],
           "licensing": ["decisions"], "penalty": ["decisions"], "coercion": ["decisions"],
           "fees": ["fee_amount"]}  # fmt: skip
T2_2019 = {"rules": ["made", "published", "published_total"],
           "normative_documents": ["made", "published", "published_total"],
           **{k: ["items_last_year", "items_change", "decisions"]
              for k in ("licensing", "other_services", "penalty", "coercion")},
           "fees": ["items_last_year", "items_change"],
           "procurement": ["procurement_items", "procurement_amount"]}  # fmt: skip


def subs(form: str) -> dict[str, list[str]]:
    """The sub-rows of each outcome group in a form (2019: （六） has none)."""
    out = dict(SUBS_2021)
    if form == "2019":
        out["other_handling"] = []
    return out


def leaves(form: str) -> list[str]:
    """The outcome rows that carry numbers in the template's layout."""
    s = subs(form)
    return [x for g in GROUPS for x in (s.get(g) or [g])]


def t3_printed_rows(form: str) -> list[str]:
    return ["new", "carried_in", *leaves(form), "total", "carried_out"]


def all_keys(form: str, tables: Iterable[str] = ("t2", "t3", "t4")) -> list[Key]:
    """Every cell the template's layout prints with a number, in one form."""
    chosen = set(tables)
    keys: list[Key] = []
    if "t3" in chosen:
        keys += [("t3", r, c) for r in t3_printed_rows(form) for c in COLUMNS]
    if "t4" in chosen:
        keys += [("t4", b, r) for b in BLOCKS for r in [*RESULTS, "total"]]
    if "t2" in chosen:
        t2 = T2_2021 if form == "2021" else T2_2019
        keys += [("t2", r, c) for r, cols in t2.items() for c in cols]
    return keys


def sides(
    form: str, tables: Iterable[str] = ("t3", "t4")
) -> Iterator[tuple[str, list[Key], list[Key]]]:
    """Every identity instance as (check id, left side, right side), for the layout
    :func:`lawgov_metrics.render_template` writes (groups with sub-rows printed as their
    sub-rows only)."""
    chosen = set(tables)
    if "t3" in chosen:
        for c in COLUMNS:
            yield ("disclosure.t3_balance", [("t3", "new", c), ("t3", "carried_in", c)],
                   [("t3", "total", c), ("t3", "carried_out", c)])  # fmt: skip
            yield ("disclosure.t3_outcomes", [("t3", "total", c)],
                   [("t3", x, c) for x in leaves(form)])  # fmt: skip
        for r in t3_printed_rows(form):
            yield ("disclosure.t3_applicants", [("t3", r, "total")],
                   [("t3", r, a) for a in APPLICANTS])  # fmt: skip
    if "t4" in chosen:
        for b in BLOCKS:
            yield "disclosure.t4_blocks", [("t4", b, "total")], [("t4", b, x) for x in RESULTS]


def identities(
    form: str, tables: Iterable[str] = ("t3", "t4")
) -> Iterator[tuple[str, frozenset[Key]]]:
    """Every identity instance as (check id, the cells it uses)."""
    for check, lhs, rhs in sides(form, tables):
        yield check, frozenset((*lhs, *rhs))


def number(v: Cell) -> Fraction:
    """A cell in a sum: a mark is none, 0."""
    if isinstance(v, str):
        assert v in MARKS, v
        return Fraction(0)
    return Fraction(v)


def broken(
    values: Mapping[Key, Cell], form: str, tables: Iterable[str] = ("t3", "t4")
) -> set[tuple[str, frozenset[Key]]]:
    """The identity instances that ``values`` break, by exact sums (marks as 0)."""
    out = set()
    for check, lhs, rhs in sides(form, tables):
        if sum(number(values[k]) for k in lhs) != sum(number(values[k]) for k in rhs):
            out.add((check, frozenset((*lhs, *rhs))))
    return out


def label_cells(cells: Iterable[Key]) -> frozenset[tuple[str, str, str]]:
    """The oracle's keys as the (table, row label, column label) the checks report."""
    tpl = lm.template  # type: ignore[attr-defined]
    rows = {r.key: r.label for r in (*tpl.T3_ROWS, *tpl.T4_BLOCKS, *tpl.T2_ROWS)}
    cols = {c.key: c.label for c in (*tpl.T3_COLUMNS, *tpl.T4_RESULTS, *tpl.T2_COLUMNS)}
    return frozenset((t, rows[r], cols[c]) for t, r, c in cells)


def prose(v: Mapping[Key, Cell]) -> str:
    """A 总体情况 paragraph restating T3's totals as reports do (a mark said as 0)."""

    def n(key: Key) -> int:
        return int(number(v[key]))

    new, ci = n(("t3", "new", "total")), n(("t3", "carried_in", "total"))
    done, out = n(("t3", "total", "total")), n(("t3", "carried_out", "total"))
    rec = n(("t4", "reconsideration", "total"))
    return (
        f"（二）依申请公开。全年共收到政府信息公开申请{new}件，上年结转{ci}件，"
        f"已办结{done}件，结转下年度继续办理{out}件。因政府信息公开引发行政复议{rec}件。"
    )


def page(
    v: Mapping[Key, Cell],
    *,
    form: str = "2021",
    fmt: str = "html",
    year: int = 2023,
    body: str = "青山县人民政府",
    with_prose: bool = True,
    tables: str | None = None,
) -> str:
    """A whole report page: title, 总体情况 (with or without counts), the three tables
    (``tables``, the tables' text, when given; else ``v`` rendered in ``fmt``)."""
    title = f"{body}{year}年政府信息公开工作年度报告"
    intro = "一、总体情况\n" + (
        prose(v) if with_prose else "（一）主动公开。我县持续深化政务公开。"
    )
    if tables is None:
        tables = lm.render_template(v, form=form, fmt=fmt)  # type: ignore[arg-type]
    tail = "五、存在的主要问题及改进情况\n部分单位公开不够及时。"
    if fmt == "html":
        paras = "".join(f"<p>{line}</p>" for line in intro.split("\n"))
        return (
            f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{paras}"
            f"{tables}<p>{tail.splitlines()[0]}</p><p>{tail.splitlines()[1]}</p></body></html>"
        )
    return f"{title}\n{intro}\n{tables}{tail}\n"


def page_of(case: DisclosureCase, **kw: object) -> str:
    """The page of a drawn case: its tables as drawn, in a report of its form's years."""
    kw.setdefault("year", year_of(case))
    return page(case.values, form=case.form, fmt=case.fmt, tables=case.text, **kw)  # type: ignore[arg-type]


def read(text_or_page: str, fmt: str, **kw: object) -> lm.Report:
    """The report of a page, as read_report reads it (HTML to text, then extract)."""
    text = html_to_text(text_or_page) if fmt == "html" else text_or_page
    return lm.extract(text, **kw)  # type: ignore[arg-type]


def year_of(case: DisclosureCase) -> int:
    """A report year of the case's form: the reader decides the form from the year when the
    tables do not show it (a T3 or T4 alone)."""
    return 2020 if case.form == "2019" else 2023
