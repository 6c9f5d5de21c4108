"""The disclosure.* checks: consistent tables pass, one changed cell fails exactly its
identities, the carry-over and the stock across years, prose and other documents."""

from __future__ import annotations

import hypothesis.strategies as st
import pytest
from disclosure_gen import (
    all_keys,
    identities,
    label_cells,
    page,
    page_of,
    prose,
    read,
)
from hypothesis import given, settings

import lawgov_metrics as lm
from lawgov_metrics import Status
from lawgov_metrics.strategies import disclosure_tables

IDENTITY_CHECKS = ["disclosure.t3_balance", "disclosure.t3_outcomes", "disclosure.t3_applicants",
                   "disclosure.t4_blocks"]  # fmt: skip
FMTS = ["html", "markdown", "tab", "space"]


def _statuses(results: lm.CheckReport) -> dict[str, int]:
    out: dict[str, int] = {}
    for r in results:
        out[r.status.value] = out.get(r.status.value, 0) + 1
    return out


@settings(max_examples=30, deadline=None)
@given(st.data())
def test_consistent_reports_never_fail(data: st.DataObject) -> None:
    case = data.draw(disclosure_tables(form=None))
    report = read(page_of(case), case.fmt)
    results = lm.check(report)  # the whole catalogue
    assert not results.failures, [str(r) for r in results.failures]
    assert not [r for r in results if r.status is Status.WARN and r.check.startswith("disclosure")]
    passed = {r.check for r in results if r.status is Status.PASS}
    assert set(IDENTITY_CHECKS) <= passed
    assert "disclosure.prose" in passed


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_one_changed_cell_fails_exactly_its_identities(data: st.DataObject) -> None:
    case = data.draw(disclosure_tables(form=None, marks=False))
    form, fmt, v = case.form, case.fmt, dict(case.values)
    key = data.draw(st.sampled_from([k for k in all_keys(form) if k[0] != "t2"]))
    v[key] += data.draw(st.integers(min_value=1, max_value=9))  # type: ignore[operator]
    report = read(page(v, form=form, fmt=fmt, with_prose=False), fmt)
    results = lm.check(report, checks=IDENTITY_CHECKS)
    expected = {(cid, label_cells(cells)) for cid, cells in identities(form) if key in cells}
    got = {(r.check, frozenset(r.details["cells"])) for r in results if r.status is Status.FAIL}
    assert got == expected
    assert all(r.status is Status.PASS for r in results if r.status is not Status.FAIL)


def test_a_broken_report_names_the_cells_and_values() -> None:
    v = dict.fromkeys(all_keys("2021"), 0)
    for col, n in (("natural_person", 40), ("total", 40)):
        for row in ("new", "total", "disclosed"):
            v[("t3", row, col)] = n
    v[("t3", "new", "natural_person")] = 41  # 41 + 0 ≠ 40 + 0, and 总计 40 ≠ 41
    report = read(page(v, fmt="markdown", with_prose=False), "markdown")
    fails = lm.check(report, checks=["disclosure"]).failures
    messages = [r.message for r in fails]
    assert len(fails) == 2
    assert any("T3 column 自然人" in m and "本年新收 41" in m and "（七）总计 40" in m
               for m in messages)  # fmt: skip
    assert any("T3 row 本年新收" in m and "总计 40" in m and "自然人 41" in m for m in messages)
    for r in fails:
        assert any(f.quote == "41" for f in r.figures)
        assert r.reason == "identity_broken"


def test_a_mark_read_as_zero_warns_instead_of_failing() -> None:
    text = "项目 | 自然人 | 法人或其他组织 | 总计\n一、本年新收政府信息公开申请数量 | 3 | / | 4\n"
    (r,) = [x for x in lm.check(lm.extract(text), checks=["disclosure.t3_applicants"])
            if x.status is not Status.UNDECIDABLE]  # fmt: skip
    assert r.status is Status.WARN
    assert r.reason == "mark_read_as_zero"
    assert "/ read as 0" in r.message


def _year(v: dict[tuple[str, str, str], int], year: int) -> lm.Report:
    return read(page(v, fmt="markdown", year=year), "markdown")


def test_carry_over_across_years() -> None:
    v24 = dict.fromkeys(all_keys("2021"), 0)
    v24[("t3", "new", "natural_person")] = v24[("t3", "new", "total")] = 10
    v24[("t3", "disclosed", "natural_person")] = v24[("t3", "disclosed", "total")] = 7
    v24[("t3", "total", "natural_person")] = v24[("t3", "total", "total")] = 7
    v24[("t3", "carried_out", "natural_person")] = v24[("t3", "carried_out", "total")] = 3
    v25 = dict.fromkeys(all_keys("2021"), 0)
    v25[("t3", "carried_in", "natural_person")] = v25[("t3", "carried_in", "total")] = 3
    v25[("t3", "disclosed", "natural_person")] = v25[("t3", "disclosed", "total")] = 3
    v25[("t3", "total", "natural_person")] = v25[("t3", "total", "total")] = 3
    r24, r25 = _year(v24, 2024), _year(v25, 2025)
    ok = lm.check([r24, r25], checks=["disclosure.carry_over"])
    assert len(ok) == 7
    assert all(r.status is Status.PASS for r in ok)
    v25b = dict(v25)
    v25b[("t3", "carried_in", "total")] = v25b[("t3", "carried_in", "natural_person")] = 2
    v25b[("t3", "new", "total")] = v25b[("t3", "new", "natural_person")] = 1
    bad = lm.check([r24, _year(v25b, 2025)], checks=["disclosure.carry_over"]).failures
    assert [r.details["identity"] for r in bad] == ["carry_over/自然人", "carry_over/总计"]
    assert "2024 结转下年度 3" in bad[0].message
    assert "2025 上年结转 2" in bad[0].message
    assert bad[0].reports == ("青山县 2024", "青山县 2025")


def test_stock_of_normative_documents() -> None:
    v1 = dict.fromkeys(all_keys("2021"), 0)
    v1[("t2", "normative_documents", "in_force")] = 80
    v2 = dict.fromkeys(all_keys("2021"), 0)
    v2[("t2", "normative_documents", "issued")] = 12
    v2[("t2", "normative_documents", "repealed")] = 5
    v2[("t2", "normative_documents", "in_force")] = 87
    ok = lm.check([_year(v1, 2023), _year(v2, 2024)], checks=["disclosure.stock"])
    assert [r.status for r in ok] == [Status.PASS, Status.PASS]  # 规章 0 = 0, 文件 87 = 80 + 12 - 5
    v2[("t2", "normative_documents", "in_force")] = 86
    (bad,) = lm.check([_year(v1, 2023), _year(v2, 2024)], checks=["disclosure.stock"]).failures
    assert "2023 现行有效件数 80" in bad.message
    assert "2024 现行有效件数 86" in bad.message


def test_prose_against_the_tables() -> None:
    v = dict.fromkeys(all_keys("2021"), 0)
    for row, n in (("new", 146), ("carried_in", 6), ("total", 147), ("carried_out", 5),
                   ("disclosed", 147)):  # fmt: skip
        v[("t3", row, "natural_person")] = v[("t3", row, "total")] = n
    text = page(v, fmt="markdown")
    assert "收到政府信息公开申请146件" in text
    ok = lm.check(read(text, "markdown"), checks=["disclosure.prose"])
    assert ok.results
    assert all(r.status is Status.PASS for r in ok)
    # a reworded total that is 新收 + 上年结转 is read as that cell
    alt = text.replace("全年共收到政府信息公开申请146件", "全年共收到政府信息公开申请152件")
    (r,) = [x for x in lm.check(read(alt, "markdown"), checks=["disclosure.prose"])
            if "152" in x.message]  # fmt: skip
    assert r.status is Status.PASS
    assert r.reason == "read_as_other_cell"
    assert "本年新收 + 上年结转" in r.message
    wrong = text.replace("已办结147件", "已办结149件")
    (bad,) = lm.check(read(wrong, "markdown"), checks=["disclosure.prose"]).failures
    assert "“149件”" in bad.message
    assert "（七）总计 (总计) 147" in bad.message


def test_prose_wording_names_the_cell() -> None:
    from lawgov_metrics.checks.disclosure_prose import named_cell

    for sentence, want in [
        ("本年度收到政府信息公开申请12件。", ("new", True)),
        ("共办理政府信息公开申请案件786件。", ("handled", False)),
        ("全年办理申请152件(含上年结转6件)。", ("handled", True)),
        ("依申请公开方面，已办结147件。", ("total", True)),
        ("申请中予以公开58件。", ("disclosed", True)),
        ("因政府信息公开申请引发行政复议1起。", ("t4_reconsideration", True)),
        ("办理人大代表建议16件。", None),
    ]:
        r = lm.extract(sentence)
        fig = r.figures[0]
        assert named_cell(sentence, fig) == want, sentence


def test_the_rule_of_law_report_restating_a_disclosure_figure() -> None:
    v = dict.fromkeys(all_keys("2021"), 0)
    for row, n in (("new", 780), ("carried_in", 6), ("total", 786), ("disclosed", 786)):
        v[("t3", row, "natural_person")] = v[("t3", row, "total")] = n
    disclosure = read(page(v, fmt="html", body="花都区人民政府"), "html")
    rol = lm.extract("广州市花都区人民政府关于2023年度法治政府建设情况的报告\n"
                     "推进政务公开，共办理政府信息公开申请案件786件。")  # fmt: skip
    assert (rol.jurisdiction, rol.year, disclosure.jurisdiction) == ("花都区", 2023, "花都区")
    (r,) = lm.check([disclosure, rol], checks=["disclosure.cross_document"])
    assert r.status is Status.PASS
    assert "本年新收 + 上年结转" in r.message  # the cell the wording names
    other = lm.extract("广州市花都区人民政府关于2023年度法治政府建设情况的报告\n"
                       "全年收到政府信息公开申请790件。")  # fmt: skip
    (bad,) = lm.check([disclosure, other], checks=["disclosure.cross_document"])
    assert bad.status is Status.FAIL
    assert "“790件”" in bad.message
    assert "本年新收 (总计) 780" in bad.message


def test_partial_tables_are_undecidable_and_say_why() -> None:
    text = "类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n行政复议 | 3 | 1 | 0 | 1 | 5\n"
    results = lm.check(lm.extract(text, year=2023), checks=["disclosure"])
    (tmpl,) = results.by_check("disclosure.template")
    assert tmpl.status is Status.UNDECIDABLE
    assert "T2 not found" in tmpl.message
    assert "T3 not found" in tmpl.message
    assert "行政诉讼" in tmpl.message
    (blocks,) = results.by_check("disclosure.t4_blocks")
    assert blocks.status is Status.PASS


def test_table_cells_are_not_duplicate_values() -> None:
    v = dict.fromkeys(all_keys("2021"), 0)
    for row in ("new", "total", "disclosed"):
        v[("t3", row, "natural_person")] = v[("t3", row, "total")] = 123
    results = lm.check(read(page(v, fmt="tab", with_prose=False), "tab"),
                       checks=["duplicate.value"])  # fmt: skip
    assert not [r for r in results if r.status is Status.WARN]


@pytest.mark.parametrize("fmt", FMTS)
def test_every_result_names_its_cells(fmt: str) -> None:
    v = dict.fromkeys(all_keys("2021"), 1)
    report = read(page(v, fmt=fmt, with_prose=False), fmt)
    for r in lm.check(report, checks=IDENTITY_CHECKS):
        assert r.details["cells"], r
        assert r.figures, r
        assert r.status is Status.FAIL or r.status is Status.PASS
    assert prose(v)  # the helper's paragraph renders for any table
