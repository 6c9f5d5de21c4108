"""Generated cases for every check of the catalogue: a genuine input and a mutated one.

Each strategy in :data:`CASES` (one per check id) draws a :class:`Case`: reports whose
figures are consistent (computed with exact Fractions and rounded half up), the same
reports with one number changed so that no reading of it can hold, and the binding the
claims carry. Claims are built directly as records, apart from any reading of text.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import attrs
from check_builders import (
    ARITHMETIC,
    POSITIONAL,
    STATED,
    Doc,
    balance_doc,
    breakdown_doc,
    count_report,
    dec,
    growth_doc,
    oracle_grim,
    oracle_integer_priors,
    pp_doc,
    rate_report,
    share_doc,
    streak_report,
)
from disclosure_gen import APPLICANTS, COLUMNS, Key, Values, read, year_of
from hypothesis import assume
from hypothesis import strategies as st
from oracles import round_half_up

import lawgov_metrics as lm
from lawgov_metrics.records import Binding, Report, ShareClaim
from lawgov_metrics.results import Status
from lawgov_metrics.strategies import disclosure_tables

bindings = st.sampled_from([STATED, POSITIONAL, ARITHMETIC])


@dataclass
class Case:
    """A genuine input, a mutated one, and what the mutated one must give.

    Attributes:
        genuine: Reports whose figures are consistent: no FAIL.
        mutated: The same with one number changed so that no reading holds.
        binding: The binding of the claims (for a relation check).
        relation: Whether the check is a relation check: a mutation FAILs when the
            binding is STATED and WARNs otherwise.
        flagged: For a check that is not a relation check, the status the mutation gives.
    """

    genuine: list[Report]
    mutated: list[Report]
    binding: Binding = STATED
    relation: bool = True
    flagged: Status = Status.FAIL


def _growth_rate(prior: int, current: int, places: int) -> str:
    return dec(round_half_up(Fraction(current - prior, prior) * 100, places), places)


@st.composite
def implied_prior_cases(draw: st.DrawFn) -> Case:
    prior, current = draw(st.integers(1, 2000)), draw(st.integers(1, 2000))
    places, binding = draw(st.sampled_from([1, 2])), draw(bindings)
    rate = _growth_rate(prior, current, places)
    assume(Fraction(Decimal(rate)) > -90)
    nudge = draw(st.integers(1, 40)) * draw(st.sampled_from([1, -1]))
    bad = dec(Fraction(Decimal(rate)) + Fraction(nudge, 10**places), places)
    assume(Fraction(Decimal(bad)) > -90 and not oracle_integer_priors(current, bad))
    return Case(
        [growth_doc(current, rate, binding=binding)],
        [growth_doc(current, bad, binding=binding)],
        binding,
    )


@st.composite
def prior_report_cases(draw: st.DrawFn) -> Case:
    prior, current = draw(st.integers(1, 2000)), draw(st.integers(1, 2000))
    shown, binding = draw(st.integers(1, 2000)), draw(bindings)
    rate = _growth_rate(prior, current, 2)
    assume(_growth_rate(shown, current, 2) != rate)
    later = growth_doc(current, rate, binding=binding)
    return Case([count_report(prior, 2022), later], [count_report(shown, 2022), later], binding)


@st.composite
def direction_cases(draw: st.DrawFn) -> Case:
    prior, current = draw(st.integers(1, 10**5)), draw(st.integers(1, 10**5))
    assume(prior != current)
    binding = draw(bindings)
    rate = _growth_rate(prior, current, 2)
    assume(Fraction(Decimal(rate)) != 0)
    wrong = rate[1:] if rate.startswith("-") else "-" + rate
    return Case(
        [growth_doc(current, rate, basis=prior, binding=binding)],
        [growth_doc(current, wrong, basis=prior, binding=binding)],
        binding,
    )


@st.composite
def granularity_cases(draw: st.DrawFn) -> Case:
    n = draw(st.integers(1, 3000))
    k = draw(st.integers(0, n))
    places, binding = draw(st.sampled_from([1, 2])), draw(bindings)
    rate = dec(round_half_up(Fraction(100 * k, n), places), places)
    step = Fraction(draw(st.integers(1, 30)) * draw(st.sampled_from([1, -1])), 10**places)
    bad = dec(min(Fraction(100), max(Fraction(0), Fraction(Decimal(rate)) + step)), places)
    assume(not oracle_grim(n, bad))
    return Case(
        [share_doc(n, rate, binding=binding)], [share_doc(n, bad, binding=binding)], binding
    )


def _share_rate_report(rate: str, binding: Binding) -> Report:
    """A rate known to be a share only through a share claim (the figure's kind is not
    ``rate``)."""
    d = Doc().say("办理案件")
    total = d.fig("80", "件", "办理案件")
    d.say(",占比")
    rf = d.fig(rate, "%", "占比", kind="other")
    return d.report(ShareClaim(rate=rf.quantity, rate_figure=rf, total=total, binding=binding))


@st.composite
def range_cases(draw: st.DrawFn) -> Case:
    binding = draw(bindings)
    good = dec(Fraction(draw(st.integers(0, 1000)), 10), 1)
    bad = dec(Fraction(draw(st.integers(1006, 5000)), 10), 1)
    return Case([_share_rate_report(good, binding)], [_share_rate_report(bad, binding)], binding)


@st.composite
def all_100_cases(draw: st.DrawFn) -> Case:
    n, binding = draw(st.integers(2, 3000)), draw(bindings)
    k = draw(st.integers(0, n - 1))
    assume(round_half_up(Fraction(100 * k, n), 0) != 100)
    return Case(
        [share_doc(n, "100", part=n, binding=binding)],
        [share_doc(n, "100", part=k, binding=binding)],
        binding,
    )


@st.composite
def part_cases(draw: st.DrawFn) -> Case:
    parts = draw(st.lists(st.integers(0, 3000), min_size=1, max_size=5))
    total, binding = sum(parts) + draw(st.integers(0, 50)), draw(bindings)
    over = [*parts[:-1], total + draw(st.integers(1, 100))]
    return Case(
        [breakdown_doc(str(total), [str(p) for p in parts], exhaustive=False, binding=binding)],
        [breakdown_doc(str(total), [str(p) for p in over], exhaustive=False, binding=binding)],
        binding,
    )


@st.composite
def sum_cases(draw: st.DrawFn) -> Case:
    parts = draw(st.lists(st.integers(0, 3000), min_size=2, max_size=6))
    binding = draw(bindings)
    delta = draw(st.integers(1, 30)) * draw(st.sampled_from([1, -1]))
    total = sum(parts)
    assume(total + delta >= 0)
    strs = [str(p) for p in parts]
    return Case(
        [breakdown_doc(str(total), strs, exhaustive=True, binding=binding)],
        [breakdown_doc(str(total + delta), strs, exhaustive=True, binding=binding)],
        binding,
    )


@st.composite
def balance_cases(draw: st.DrawFn) -> Case:
    received, carried_in = draw(st.integers(0, 5000)), draw(st.integers(0, 300))
    carried_out = draw(st.integers(0, received + carried_in))
    concluded = received + carried_in - carried_out
    binding = draw(bindings)
    delta = draw(st.integers(1, 30))
    return Case(
        [balance_doc(received, carried_in, concluded, carried_out, binding=binding)],
        [balance_doc(received, carried_in, concluded + delta, carried_out, binding=binding)],
        binding,
    )


def _dup(a: int, b: int) -> Report:
    d = Doc().say("收到行政复议申请")
    d.fig(str(a), "宗", "行政复议申请")
    d.say("。" + "工作稳步推进。" * 40 + "共办理政府信息公开申请")
    d.fig(str(b), "件", "政府信息公开申请")
    return d.report()


@st.composite
def duplicate_value_cases(draw: st.DrawFn) -> Case:
    a = draw(st.integers(101, 10**6).filter(lambda v: len(str(v).rstrip("0")) >= 3))
    b = draw(st.integers(1, 10**6).filter(lambda v: v != a))
    return Case([_dup(a, b)], [_dup(a, a)], relation=False, flagged=Status.WARN)


@st.composite
def duplicate_report_cases(draw: st.DrawFn) -> Case:
    n = draw(st.integers(2, 6))
    one = count_report(draw(st.integers(1, 999)), 2022)
    return Case([one], [one] * n, relation=False, flagged=Status.WARN)


@st.composite
def pp_cases(draw: st.DrawFn) -> Case:
    a, b = draw(st.integers(1, 1000)), draw(st.integers(1, 1000))
    binding = draw(bindings)
    prior, current = dec(Fraction(a, 10), 1), dec(Fraction(b, 10), 1)
    diff = Fraction(b - a, 10)
    wrong = abs(diff) + Fraction(draw(st.integers(2, 50)), 10)
    return Case(
        [pp_doc(prior, current, dec(abs(diff), 1), down=diff < 0, binding=binding)],
        [pp_doc(prior, current, dec(wrong, 1), down=diff < 0, binding=binding)],
        binding,
    )


@st.composite
def streak_cases(draw: st.DrawFn) -> Case:
    n = draw(st.integers(3, 12))
    jump = draw(st.integers(1, n - 2))
    return Case(
        [streak_report(n - 1, 2022), streak_report(n, 2023)],
        [streak_report(n - 1 - jump, 2022), streak_report(n, 2023)],
        relation=False,
    )


@st.composite
def restated_cases(draw: st.DrawFn) -> Case:
    basis, current = draw(st.integers(1, 3000)), draw(st.integers(1, 3000))
    printed, binding = draw(st.integers(1, 3000).filter(lambda v: v != basis)), draw(bindings)
    later = growth_doc(current, _growth_rate(basis, current, 2), basis=basis, binding=binding)
    return Case([count_report(basis, 2022), later], [count_report(printed, 2022), later], binding)


# -- the tables of 政府信息公开工作年度报告 (cells drawn consistent, then one cell changed) ----


def _tables_report(
    v: Values, year: int = 2023, *, tables: tuple[str, ...] = ("t2", "t3", "t4"), prose: str = ""
) -> Report:
    page = prose + "\n" + lm.render_template(v, fmt="markdown", tables=tables)
    return lm.extract(page, jurisdiction="青山县", year=year)


def _bumped(v: Values, key: Key, by: int) -> Values:
    return {**v, key: v[key] + by}


def _consistent_values(draw: st.DrawFn) -> Values:
    """The cells of a consistent table in the 2021 form, numbers only (no marks)."""
    case = draw(disclosure_tables(20, marks=False, fmt="markdown"))
    return dict(case.values)  # type: ignore[arg-type]


def _identity_case(check_id: str) -> Callable[[], st.SearchStrategy[Case]]:
    @st.composite
    def cases(draw: st.DrawFn) -> Case:
        # a table broken at `check_id` alone, in any layout, marks and all; the genuine
        # input is the consistent table it was made from
        case = draw(disclosure_tables(20, form=None, consistent=False, breaks=[check_id]))

        def report(values: object) -> Report:
            text = lm.render_template(values, form=case.form, fmt=case.fmt)  # type: ignore[arg-type]
            return read(text, case.fmt, jurisdiction="青山县", year=year_of(case))

        return Case([report(case.original)], [report(case.values)])

    return cases


@st.composite
def template_cases(draw: st.DrawFn) -> Case:
    v = _consistent_values(draw)
    return Case(
        [_tables_report(v)],
        [_tables_report(v, tables=("t3", "t4"))],
        relation=False,
        flagged=Status.UNDECIDABLE,
    )


@st.composite
def carry_over_cases(draw: st.DrawFn) -> Case:
    a, b = _consistent_values(draw), _consistent_values(draw)

    # next year's carry-in is this year's carry-out: make b's carry-in agree with a
    def carried(src: Values, dst: Values) -> Values:
        out = dict(dst)
        for c in COLUMNS:
            shift = src[("t3", "carried_out", c)] - dst[("t3", "carried_in", c)]
            out[("t3", "carried_in", c)] += shift
            out[("t3", "new", c)] -= shift
        return out

    b = carried(a, b)
    assume(all(b[("t3", "new", c)] >= 0 for c in COLUMNS))
    col = draw(st.sampled_from(APPLICANTS))
    by = draw(st.integers(1, 3))
    broken = _bumped(_bumped(b, ("t3", "carried_in", col), by), ("t3", "new", col), -by)
    broken = _bumped(
        _bumped(broken, ("t3", "carried_in", "total"), by), ("t3", "new", "total"), -by
    )
    assume(broken[("t3", "new", col)] >= 0)
    first = _tables_report(a, 2024, tables=("t3",))
    return Case(
        [first, _tables_report(b, 2025, tables=("t3",))],
        [first, _tables_report(broken, 2025, tables=("t3",))],
    )


@st.composite
def stock_cases(draw: st.DrawFn) -> Case:
    a, b = _consistent_values(draw), _consistent_values(draw)
    for item in ("rules", "normative_documents"):
        b[("t2", item, "in_force")] = (
            a[("t2", item, "in_force")] + b[("t2", item, "issued")] - b[("t2", item, "repealed")]
        )
    assume(all(b[("t2", i, "in_force")] >= 0 for i in ("rules", "normative_documents")))
    item = draw(st.sampled_from(["rules", "normative_documents"]))
    first = _tables_report(a, 2024, tables=("t2",))
    return Case(
        [first, _tables_report(b, 2025, tables=("t2",))],
        [first, _tables_report(_bumped(b, ("t2", item, "in_force"), draw(st.integers(1, 9))),
                               2025, tables=("t2",))],
    )  # fmt: skip


def _applications(n: int) -> str:
    return f"一、总体情况\n本年度共收到政府信息公开申请{n}件。"


@st.composite
def prose_cases(draw: st.DrawFn) -> Case:
    v = _consistent_values(draw)
    new = v[("t3", "new", "total")]
    # past 新收 + 上年结转 too: "收到" may restate either, and the check reads it as either
    wrong = new + v[("t3", "carried_in", "total")] + draw(st.integers(1, 9))
    return Case(
        [_tables_report(v, tables=("t3",), prose=_applications(new))],
        [_tables_report(v, tables=("t3",), prose=_applications(wrong))],
    )


@st.composite
def cross_document_cases(draw: st.DrawFn) -> Case:
    v = _consistent_values(draw)
    new = v[("t3", "new", "total")]
    wrong = new + v[("t3", "carried_in", "total")] + draw(st.integers(1, 9))
    tables = _tables_report(v, tables=("t3",))

    def rule_of_law(n: int) -> Report:
        r = lm.extract(f"全年共收到政府信息公开申请{n}件。", jurisdiction="青山县", year=2023)
        return attrs.evolve(r, doc_type="rule_of_law")

    return Case([tables, rule_of_law(new)], [tables, rule_of_law(wrong)])


#: One strategy per check id.
CASES: dict[str, Callable[[], st.SearchStrategy[Case]]] = {
    "growth.implied_prior": implied_prior_cases,
    "growth.prior_report": prior_report_cases,
    "growth.direction": direction_cases,
    "share.granularity": granularity_cases,
    "share.range": range_cases,
    "share.all_100": all_100_cases,
    "breakdown.part_exceeds_whole": part_cases,
    "breakdown.sum": sum_cases,
    "balance.sum": balance_cases,
    "duplicate.value": duplicate_value_cases,
    "duplicate.report": duplicate_report_cases,
    "pp_change.rates": pp_cases,
    "streak.sequence": streak_cases,
    "restated.figure": restated_cases,
    "disclosure.template": template_cases,
    "disclosure.t3_balance": _identity_case("disclosure.t3_balance"),
    "disclosure.t3_outcomes": _identity_case("disclosure.t3_outcomes"),
    "disclosure.t3_applicants": _identity_case("disclosure.t3_applicants"),
    "disclosure.t4_blocks": _identity_case("disclosure.t4_blocks"),
    "disclosure.carry_over": carry_over_cases,
    "disclosure.stock": stock_cases,
    "disclosure.prose": prose_cases,
    "disclosure.cross_document": cross_document_cases,
}

__all__ = ["CASES", "Case", "rate_report"]
