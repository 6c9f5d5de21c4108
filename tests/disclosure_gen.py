"""Test helpers: consistent disclosure tables drawn with hypothesis, report pages around them,
and the template's identities written out independently of the checker (the oracle).

Values are keyed ``(table, row key, column key)`` as :func:`lawgov_metrics.render_template`
takes them. The identities below are written from the template's own statement of them
(T3: 第一项加第二项之和，等于第三项加第四项之和; the outcome rows add up to （七）总计; the
applicant columns add up to 总计; each T4 block's results add up to its 总计), not from the
checker's code.
"""

from __future__ import annotations

from collections.abc import Iterator

import hypothesis.strategies as st

import lawgov_metrics as lm
from lawgov_metrics.reading.html import html_to_text

Key = tuple[str, str, str]
Values = dict[Key, int]

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


@st.composite
def consistent_values(draw: st.DrawFn, form: str = "2021", *, high: int = 60) -> Values:
    """Values of T2, T3 and T4 that satisfy every identity of the template."""
    v: Values = {}
    n = st.integers(min_value=0, max_value=high)
    for a in APPLICANTS:
        for leaf in leaves(form):
            v[("t3", leaf, a)] = draw(n)
        total = sum(v[("t3", leaf, a)] for leaf in leaves(form))
        v[("t3", "total", a)] = total
        out = draw(n)
        carried_in = draw(st.integers(min_value=0, max_value=total + out))
        v[("t3", "carried_out", a)] = out
        v[("t3", "carried_in", a)] = carried_in
        v[("t3", "new", a)] = total + out - carried_in
    for row in t3_printed_rows(form):
        v[("t3", row, "total")] = sum(v[("t3", row, a)] for a in APPLICANTS)
    for b in BLOCKS:
        for r in RESULTS:
            v[("t4", b, r)] = draw(st.integers(min_value=0, max_value=9))
        v[("t4", b, "total")] = sum(v[("t4", b, r)] for r in RESULTS)
    for _head, rows, cols in lm.template.t2_layout(form):  # type: ignore[attr-defined]
        for r in rows:
            for c in cols:
                v[("t2", r.key, c.key)] = draw(st.integers(min_value=0, max_value=999))
    return v


def all_keys(form: str) -> list[Key]:
    """Every cell the template's layout prints with a number, in one form."""
    keys: list[Key] = [("t3", r, c) for r in t3_printed_rows(form) for c in COLUMNS]
    keys += [("t4", b, r) for b in BLOCKS for r in [*RESULTS, "total"]]
    for _head, rows, cols in lm.template.t2_layout(form):  # type: ignore[attr-defined]
        keys += [("t2", r.key, c.key) for r in rows for c in cols]
    return keys


def identities(form: str) -> Iterator[tuple[str, frozenset[Key]]]:
    """Every identity instance of the template as (check id, the cells it uses), for the
    layout :func:`lawgov_metrics.render_template` writes (groups with sub-rows printed as
    their sub-rows only)."""
    for c in COLUMNS:
        yield (
            "disclosure.t3_balance",
            frozenset(("t3", r, c) for r in ("new", "carried_in", "total", "carried_out")),
        )
        yield (
            "disclosure.t3_outcomes",
            frozenset({("t3", "total", c), *(("t3", x, c) for x in leaves(form))}),
        )
    for r in t3_printed_rows(form):
        yield "disclosure.t3_applicants", frozenset(("t3", r, c) for c in COLUMNS)
    for b in BLOCKS:
        yield "disclosure.t4_blocks", frozenset(("t4", b, x) for x in [*RESULTS, "total"])


def label_cells(cells: frozenset[Key]) -> frozenset[tuple[str, str, str]]:
    """The oracle's keys as the (table, row label, column label) the checks report."""
    tpl = lm.template  # type: ignore[attr-defined]
    rows = {r.key: r.label for r in (*tpl.T3_ROWS, *tpl.T4_BLOCKS, *tpl.T2_ROWS)}
    cols = {c.key: c.label for c in (*tpl.T3_COLUMNS, *tpl.T4_RESULTS, *tpl.T2_COLUMNS)}
    return frozenset((t, rows[r], cols[c]) for t, r, c in cells)


def prose(v: Values) -> str:
    """A 总体情况 paragraph restating T3's totals as reports do."""
    new, ci = v[("t3", "new", "total")], v[("t3", "carried_in", "total")]
    done, out = v[("t3", "total", "total")], v[("t3", "carried_out", "total")]
    rec = v[("t4", "reconsideration", "total")]
    return (
        f"（二）依申请公开。全年共收到政府信息公开申请{new}件，上年结转{ci}件，"
        f"已办结{done}件，结转下年度继续办理{out}件。因政府信息公开引发行政复议{rec}件。"
    )


def page(
    v: Values,
    *,
    form: str = "2021",
    fmt: str = "html",
    year: int = 2023,
    body: str = "青山县人民政府",
    with_prose: bool = True,
) -> str:
    """A whole report page: title, 总体情况 (with or without counts), the three tables."""
    title = f"{body}{year}年政府信息公开工作年度报告"
    intro = "一、总体情况\n" + (
        prose(v) if with_prose else "（一）主动公开。我县持续深化政务公开。"
    )
    tables = lm.render_template(v, form=form, fmt=fmt)  # type: ignore[arg-type]
    tail = "五、存在的主要问题及改进情况\n部分单位公开不够及时。"
    if fmt == "html":
        paras = "".join(f"<p>{line}</p>" for line in intro.split("\n"))
        return (
            f"<html><head><title>{title}</title></head><body><h1>{title}</h1>{paras}"
            f"{tables}<p>{tail.splitlines()[0]}</p><p>{tail.splitlines()[1]}</p></body></html>"
        )
    return f"{title}\n{intro}\n{tables}{tail}\n"


def read(text_or_page: str, fmt: str, **kw: object) -> lm.Report:
    """The report of a page, as read_report reads it (HTML to text, then extract)."""
    text = html_to_text(text_or_page) if fmt == "html" else text_or_page
    return lm.extract(text, **kw)  # type: ignore[arg-type]
