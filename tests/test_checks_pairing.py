"""Tests of :mod:`lawgov_metrics.checks.pairing`: which reports are compared, and that lining
up and cross-report checking grow linearly with the number of reports (counted, not timed)."""

from __future__ import annotations

import itertools

import pytest
from check_builders import count_report
from hypothesis import given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.checks.pairing import lineup
from lawgov_metrics.records import Report
from lawgov_metrics.results import Status


def blank(jurisdiction: str | None, year: int | None, doc_type: str | None = None) -> Report:
    return Report(text="", jurisdiction=jurisdiction, year=year, doc_type=doc_type)


def test_line_up_rules() -> None:
    a = blank(None, 2022)
    b = blank(None, 2023)
    c = blank("花都区", 2023)
    assert [(x.year, y.year) for x, y in checks.line_up([a, b])] == [(2022, 2023)]
    assert checks.line_up([a, b, c]) == []  # unknown jurisdictions are not guessed
    same = blank("花都区", 2023)
    assert checks.line_up([c, same]) == [(c, same)]
    gap = blank("花都区", 2021)
    assert checks.line_up([gap, c]) == []
    later_first = checks.line_up([c, blank("花都区", 2022)])
    assert [(x.year, y.year) for x, y in later_first] == [(2022, 2023)]


def test_kinds_of_report_pair_but_are_not_duplicates() -> None:
    rol, dis = blank("花都区", 2023, "rule_of_law"), blank("花都区", 2023, "disclosure")
    up = lineup([rol, dis])
    assert up.groups == ()
    assert up.pairs == ((rol, dis),)
    prior = blank("花都区", 2022, "disclosure")
    pairs = lineup([rol, dis, prior]).pairs
    assert (prior, rol) in pairs
    assert (prior, dis) in pairs


def test_missing_year_is_undecidable_in_a_batch() -> None:
    noyear = blank("花都区", None)
    res = lm.check([noyear, count_report(466, 2022)])
    missing = [r for r in res if r.reason == "missing_year"]
    assert {r.check for r in missing} == {
        "growth.prior_report",
        "streak.sequence",
        "restated.figure",
    }
    assert all(r.status is Status.UNDECIDABLE for r in missing)
    assert lineup([noyear]).unplaced == (noyear,)


def oracle_pairs(reports: list[Report]) -> set[tuple[int, int]]:
    """The pairs by the definition, by index, found with a plain double loop."""
    unknown = all(r.jurisdiction is None for r in reports)
    placed = [
        i for i, r in enumerate(reports)
        if r.year is not None and (r.jurisdiction is not None or unknown)
    ]  # fmt: skip
    first: dict[tuple[object, ...], int] = {}
    for i in placed:
        r = reports[i]
        first.setdefault((r.jurisdiction, r.year, r.doc_type), i)
        first.setdefault((r.jurisdiction, r.year), i)
    out = set()
    for i, j in itertools.product(placed, placed):
        a, b = reports[i], reports[j]
        if a.jurisdiction != b.jurisdiction or a.year is None or b.year is None:
            continue
        a_first = first[(a.jurisdiction, a.year, a.doc_type)] == i
        if b.year == a.year + 1 and a_first:
            out.add((i, j))  # the first of each kind of last year, with every report
        elif b.year == a.year and i != j:
            same_kind = a.doc_type == b.doc_type
            if same_kind and a_first:
                out.add((i, j))  # a duplicate with its group's first
            elif (
                not same_kind
                and first[(a.jurisdiction, a.year)] == i
                and first[(b.jurisdiction, b.year, b.doc_type)] == j
            ):
                out.add((i, j))  # the first of the place and year with another kind
    return out


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["花都区", "番禺区", None]),
            st.sampled_from([2021, 2022, 2023, None]),
            st.sampled_from([None, "rule_of_law", "disclosure"]),
        ),
        max_size=12,
    )
)
def test_property_line_up_matches_the_definition(
    keys: list[tuple[str | None, int | None, str | None]],
) -> None:
    reports = [blank(*k) for k in keys]
    index = {id(r): i for i, r in enumerate(reports)}
    got = [(index[id(a)], index[id(b)]) for a, b in checks.line_up(reports)]
    assert len(got) == len(set(got))
    assert set(got) == oracle_pairs(reports)
    for a, b in checks.line_up(reports):
        assert a.year is not None
        assert b.year is not None
        assert a.year <= b.year


def seeded(year: int, path: str) -> Report:
    base = count_report(466, year, subject="收到行政复议申请")
    return Report(text=base.text, figures=base.figures, jurisdiction="广州市", year=year, path=path)


@pytest.mark.parametrize("n", [10, 20, 40, 80])
def test_duplicates_grow_linearly(n: int) -> None:
    """n copies of one report: n - 1 pairs, one WARN, n - 1 restatement results."""
    reports = [seeded(2022, f"{i}.txt") for i in range(n)]
    assert len(checks.line_up(reports)) == n - 1
    res = lm.check(reports)
    assert len(res.by_check("duplicate.report")) == 1
    restated = res.by_check("restated.figure")
    assert len(restated) == n - 1
    assert {r.status for r in restated} == {Status.PASS}


@pytest.mark.parametrize("n", [10, 20, 40])
def test_two_years_of_duplicates_grow_linearly(n: int) -> None:
    """n copies for 2022 and n for 2023: each 2023 copy meets the first 2022 one only."""
    reports = [seeded(2022, f"a{i}.txt") for i in range(n)]
    reports += [seeded(2023, f"b{i}.txt") for i in range(n)]
    pairs = checks.line_up(reports)
    assert len(pairs) == (n - 1) + (n - 1) + n
    assert len(lm.check(reports).by_check("duplicate.report")) == 2


def test_many_places_and_years_line_up_in_a_number_of_pairs_linear_in_reports() -> None:
    """p places × y years × c copies: each report meets the first of last year (when there
    is a last year) and each copy the first of its group, so the pairs number
    p·(y-1)·c + p·y·(c-1): linear in the p·y·c reports, where all pairs would be quadratic."""
    for places, years, copies in ((10, 5, 1), (20, 10, 2), (40, 10, 3)):
        reports = [
            blank(f"县{j}", 2010 + y)
            for j in range(places)
            for y in range(years)
            for _ in range(copies)
        ]
        pairs = checks.line_up(reports)
        assert len(pairs) == places * (years - 1) * copies + places * years * (copies - 1)
        assert len(pairs) < 2 * len(reports)
