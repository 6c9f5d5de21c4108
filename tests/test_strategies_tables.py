"""disclosure_tables against an oracle of the template's identities, the readers and the checks.

The oracle (``disclosure_gen.sides``) lists the identities by hand from the template's own
statement of them, apart from the strategy's :func:`template_identities` and the checker.
The counting tests print what they measured (``pytest -s``): the near-miss rate of
inconsistent tables, how often marks are drawn, and how many tables were read back.
"""

from __future__ import annotations

import pathlib
import tempfile
from collections import Counter
from decimal import Decimal

import attrs
import pytest
from disclosure_gen import (
    MARKS,
    all_keys,
    broken,
    identities,
    label_cells,
    number,
    read,
    year_of,
)
from hypothesis import find, given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics import Status
from lawgov_metrics.strategies import (
    TABLE_FORMATS,
    TABLE_IDENTITIES,
    DisclosureCase,
    disclosure_tables,
    template_identities,
)

#: Drawing without reading costs about 15 ms a table: the oracle tests draw many.
MANY = settings(max_examples=400)
#: Reading a drawn table costs about 50 ms (HTML more): the reading tests draw fewer.
READ = settings(max_examples=100)
#: The read-back test runs once per layout.
READ_EACH = settings(max_examples=30)
TABLES = st.sampled_from([("t2", "t3", "t4"), ("t3",), ("t4",), ("t3", "t4"), ("t4", "t2")])


def report(title: str, seen: Counter[str]) -> None:
    n = seen["n"]
    shown = ", ".join(f"{k} {seen[k] / n:.1%}" for k in sorted(seen) if k != "n")
    print(f"\n{title} over {n} examples: {shown}")


def assert_marks_where_readable(case: DisclosureCase) -> None:
    """No blank in space-aligned text (see ``disclosure_tables``)."""
    for v in case.values.values():
        if v == "":
            assert case.fmt != "space"


def shapes(case: DisclosureCase) -> set[str]:
    """The mark shapes a case holds: a row of marks only (T2, T3, T4 block), a row left
    blank, a table with no number."""
    rows: dict[tuple[str, str], list[object]] = {}
    for (t, r, _c), v in case.values.items():
        rows.setdefault((t, r), []).append(v)
    out = set()
    for (t, _r), vs in rows.items():
        if all(isinstance(v, str) for v in vs):
            out.add(f"{t.upper()} row of marks only")
            if all(v == "" for v in vs):
                out.add("row left blank")
    for t in case.tables:
        if all(isinstance(v, str) for k, v in case.values.items() if k[0] == t):
            out.add("table with no number")
    return out


# -- the oracle, no reading ----------------------------------------------------------------


def test_consistent_tables_hold_every_identity_of_the_oracle() -> None:
    seen: Counter[str] = Counter()

    @MANY
    @given(st.data())
    def prop(data: st.DataObject) -> None:
        tables = data.draw(TABLES)
        case = data.draw(disclosure_tables(form=None, tables=tables))
        assert attrs.evolve(case) == case  # the record's validators pass
        assert (case.consistent, case.breaks, case.offset, dict(case.changed)) == (
            True, "", 0, {},
        )  # fmt: skip
        assert set(case.values) == set(all_keys(case.form, tables))
        assert case.tables == tables
        assert broken(case.values, case.form, tables) == set()
        assert {(i.check, i.cells) for i in case.holds} == set(identities(case.form, tables))
        assert_marks_where_readable(case)
        for (table, _row, col), v in case.values.items():  # only 本年增/减 goes below 0
            assert isinstance(v, str) or number(v) >= 0 or (table, col) == ("t2", "items_change")
        marks = [v for v in case.values.values() if isinstance(v, str)]
        seen["n"] += 1
        seen["with marks"] += bool(marks)
        for mark in MARKS:
            seen[f"with {mark or 'a blank'}"] += mark in marks
        seen["T2 with marks"] += any(isinstance(v, str) for k, v in case.values.items()
                                     if k[0] == "t2")  # fmt: skip
        for shape in shapes(case):
            seen[shape] += 1
        seen["2019 form"] += case.form == "2019"
        seen["amount with places"] += any(
            isinstance(v, Decimal) and v != v.to_integral_value() for v in case.values.values()
        )

    prop()
    report("disclosure_tables(consistent=True)", seen)
    n = seen["n"]
    assert n >= 350
    assert 0.2 <= seen["with marks"] / n <= 0.8
    for mark in MARKS:
        assert seen[f"with {mark or 'a blank'}"] / n >= 0.03, mark
    assert seen["T2 with marks"] / n >= 0.03
    for shape in ("T2 row of marks only", "T3 row of marks only", "T4 row of marks only",
                  "row left blank", "table with no number"):  # fmt: skip
        assert seen[shape] / n >= 0.03, shape
    assert 0.3 <= seen["2019 form"] / n <= 0.7


def test_inconsistent_tables_break_exactly_the_named_identity() -> None:
    seen: Counter[str] = Counter()

    @MANY
    @given(st.data())
    def prop(data: st.DataObject) -> None:
        tables = data.draw(TABLES.filter(lambda t: "t3" in t or "t4" in t))
        case = data.draw(disclosure_tables(form=None, consistent=False, tables=tables))
        assert attrs.evolve(case) == case
        got = broken(case.values, case.form, tables)
        assert got == {(i.check, i.cells) for i in case.broken}
        assert {(i.check, i.cells) for i in case.holds} == set(identities(case.form, tables)) - got
        # one identity: one instance in T4, two in T3 (the fewest a change of T3 can break)
        assert len({check for check, _ in got}) == 1
        assert len(got) == (1 if case.breaks == "disclosure.t4_blocks" else 2)
        assert broken(case.original, case.form, tables) == set()
        for key, old in case.changed.items():
            assert abs(number(case.values[key]) - old) == case.offset >= 1
        # a broken identity holds no mark: the check FAILs instead of WARNing
        for i in case.broken:
            assert not any(isinstance(case.values[k], str) for k in i.cells)
        assert_marks_where_readable(case)
        assert all(isinstance(v, str) or number(v) >= 0 for k, v in case.values.items()
                   if k[0] != "t2")  # fmt: skip
        # the changed cells: one T4 cell; two of one T3 row (a column identity) or of one
        # T3 column (the applicant sum)
        changed = sorted(case.changed)
        if case.breaks == "disclosure.t4_blocks":
            assert len(changed) == 1
        elif case.breaks == "disclosure.t3_applicants":
            assert len(changed) == 2
            assert changed[0][2] == changed[1][2]
        else:
            assert len(changed) == 2
            assert changed[0][1] == changed[1][1]
        seen["n"] += 1
        seen["near miss (off by one)"] += case.near_miss
        seen[case.breaks] += 1
        how = "near" if case.near_miss else "far"
        seen[f"{case.breaks} {how}"] += 1
        seen[f"{case.form} {how}"] += 1
        seen["with marks"] += any(isinstance(v, str) for v in case.values.values())

    prop()
    report("disclosure_tables(consistent=False)", seen)
    n = seen["n"]
    assert n >= 350
    assert 0.55 <= seen["near miss (off by one)"] / n <= 0.9
    for check in TABLE_IDENTITIES:  # near and far for each: test_breaks_chooses_the_identity
        assert seen[check] / n >= 0.04, check
    for how in ("near", "far"):
        for form in ("2021", "2019"):
            assert seen[f"{form} {how}"] >= 10, (form, how)


@pytest.mark.parametrize("check", TABLE_IDENTITIES)
def test_breaks_chooses_the_identity_near_and_far(check: str) -> None:
    seen: Counter[bool] = Counter()

    @settings(max_examples=60)
    @given(disclosure_tables(form=None, consistent=False, breaks=[check]))
    def prop(case: DisclosureCase) -> None:
        assert case.breaks == check
        assert {i.check for i in case.broken} == {check}
        seen[case.near_miss] += 1

    prop()
    assert seen[True] >= 10
    assert seen[False] >= 1


@settings(max_examples=20)
@given(disclosure_tables(form="2019", fmt="markdown"))
def test_the_2019_form_has_its_own_t2_and_one_other_handling_row(case: DisclosureCase) -> None:
    assert ("t2", "licensing", "items_last_year") in case.values
    assert ("t2", "procurement", "procurement_amount") in case.values
    assert ("t2", "licensing", "decisions") in case.values
    assert ("t2", "rules", "issued") not in case.values
    assert ("t3", "other_handling", "total") in case.values
    assert not [k for k in case.values if k[1].startswith("other_handling_")]
    assert "其他对外管理服务事项" in case.text
    assert "| （六）其他处理 |" in case.text


def test_the_strategys_identities_are_the_oracles() -> None:
    for form in ("2021", "2019"):
        for tables in (("t3",), ("t4",), ("t2", "t3", "t4")):
            ids = template_identities(form, tables)  # type: ignore[arg-type]
            assert sorted((i.check, i.cells) for i in ids) == sorted(identities(form, tables))
            assert len(ids) == len(set(ids))
    ids = template_identities("2021")
    assert [i.instance for i in ids if i.check == "disclosure.t4_blocks"] == [
        "行政复议", "行政诉讼/未经复议直接起诉", "行政诉讼/复议后起诉",
    ]  # fmt: skip
    assert len([i for i in ids if i.check == "disclosure.t3_applicants"]) == 25


def test_a_case_checks_what_it_claims() -> None:
    case = find(disclosure_tables(consistent=False, tables=["t4"]), lambda c: True)
    with pytest.raises(ValueError, match="wrong side"):
        attrs.evolve(case, values={**case.values, **case.changed})
    with pytest.raises(ValueError, match="every printed cell"):
        attrs.evolve(case, values={k: v for k, v in case.values.items() if k[2] != "total"})
    with pytest.raises(ValueError, match="a number or a mark"):
        attrs.evolve(case, values={**case.values, ("t4", "reconsideration", "other"): "x"})
    with pytest.raises(ValueError, match="split the tables' identities"):
        attrs.evolve(case, broken=())
    with pytest.raises(ValueError, match="offset"):
        attrs.evolve(case, offset=2)
    assert "text=" not in repr(case)
    assert "values=" not in repr(case)
    with pytest.raises(TypeError):
        case.values[("t4", "reconsideration", "total")] = 0  # type: ignore[index]


# -- read back and checked -----------------------------------------------------------------


def _read(case: DisclosureCase) -> lm.Report:
    return read(case.text, case.fmt, year=year_of(case))


@pytest.mark.parametrize("fmt", TABLE_FORMATS)
def test_tables_read_back_exactly(fmt: str) -> None:
    """Every drawn table through extract (HTML through html_to_text, as read_report reads a
    page) gives report.disclosure with exactly the drawn cells: values, marks, no more."""
    seen: Counter[str] = Counter()
    cells: Counter[str] = Counter()

    @READ_EACH
    @given(disclosure_tables(form=None, fmt=fmt, consistent=False)
           | disclosure_tables(form=None, fmt=fmt))  # fmt: skip
    def prop(case: DisclosureCase) -> None:
        r = _read(case)
        d = r.disclosure
        assert d is not None
        assert d.format == case.form
        assert [t.upper() for t in ("t2", "t3", "t4") if t not in case.tables] == list(d.missing)
        for name in case.tables:
            table = getattr(d, name)
            assert table is not None, name
            assert not table.notes, table.notes
            assert {(name, c.row_key, c.column_key) for c in table.cells} == {
                k for k in case.values if k[0] == name
            }
            for c in table.cells:
                want = case.values[(name, c.row_key, c.column_key)]
                if isinstance(want, str):
                    assert (c.value, c.mark) == (None, want), c
                else:
                    assert (c.value, c.mark) == (want, None), c
                assert r.text[c.span[0] : c.span[1]] == c.text
        seen["n"] += 1
        for shape in shapes(case):
            seen[shape] += 1
        cells["cells"] += len(case.values)
        cells["marks"] += sum(isinstance(v, str) for v in case.values.values())
        seen["with marks"] += any(isinstance(v, str) for v in case.values.values())
        seen["inconsistent"] += not case.consistent
        seen["2019 form"] += case.form == "2019"

    prop()
    report(f"disclosure_tables(fmt={fmt!r}) read back", seen)
    print(f"{fmt}: {seen['n']} tables, {cells['cells']} cells ({cells['marks']} marks) read back")
    assert seen["n"] >= 25
    assert seen["with marks"] >= 1


@settings(max_examples=10)
@given(disclosure_tables(form=None, fmt="html"))
def test_read_report_reads_a_drawn_html_page(case: DisclosureCase) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = pathlib.Path(tmp) / "tables.html"
        path.write_text(f"<html><body>{case.text}</body></html>", encoding="utf-8")
        from_file = lm.read_report(path, year=year_of(case)).disclosure
    assert from_file is not None
    assert from_file == _read(case).disclosure


def test_checks_fail_exactly_the_broken_identity() -> None:
    """No disclosure.* check FAILs (or WARNs) on a consistent table; on an inconsistent one,
    FAILs come from exactly the named identity instances and every other instance PASSes."""
    seen: Counter[str] = Counter()

    @READ
    @given(st.data())
    def prop(data: st.DataObject) -> None:
        consistent = data.draw(st.booleans(), label="consistent")
        case = data.draw(disclosure_tables(form=None, consistent=consistent), label="case")
        results = lm.check(_read(case), checks=["disclosure"])
        assert not [r.message for r in results if r.status is Status.WARN]
        identity = [r for r in results if r.check in TABLE_IDENTITIES]
        fails = {(r.check, frozenset(r.details["cells"])) for r in identity
                 if r.status is Status.FAIL}  # fmt: skip
        assert fails == {(i.check, label_cells(i.cells)) for i in case.broken}
        assert not [r.message for r in results.failures if r.check not in TABLE_IDENTITIES]
        passed = {(r.check, frozenset(r.details["cells"])) for r in identity
                  if r.status is Status.PASS}  # fmt: skip
        assert passed == {(i.check, label_cells(i.cells)) for i in case.holds}
        named = {i.instance for i in case.broken}
        for r in identity:
            if r.status is Status.FAIL:  # "t3_applicants/（七）总计" is the instance 总计
                assert r.details["identity"].split("/", 1)[1].removeprefix("（七）") in named
        seen["n"] += 1
        seen["inconsistent"] += not consistent
        seen["near miss"] += case.near_miss

    prop()
    report("disclosure_tables checked", seen)
    assert seen["n"] >= 90
    assert seen["inconsistent"] >= 20
