"""Tests of :mod:`lawgov_metrics.checks.restated`: a printed basis against last year's report,
a carry-in against last year's carry-out, and two reports on one year."""

from __future__ import annotations

from fractions import Fraction

from check_builders import POSITIONAL, Doc, count_report, dec, growth_doc, only
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import round_half_up

import lawgov_metrics as lm
from lawgov_metrics.records import Binding, Report
from lawgov_metrics.results import Status


def basis_report(current: int, basis: int, binding: Binding = Binding.STATED) -> Report:
    rate = dec(round_half_up(Fraction(current - basis, basis) * 100, 2), 2)
    return growth_doc(current, rate, basis=basis, binding=binding)


@settings(max_examples=120, deadline=None)
@given(basis=st.integers(1, 5000), printed=st.integers(1, 5000), current=st.integers(1, 5000))
def test_property_restated_basis(basis: int, printed: int, current: int) -> None:
    res = lm.check([count_report(printed, 2022), basis_report(current, basis)], checks=["restated"])
    r = only(res, "restated.figure")
    assert r.status is (Status.PASS if basis == printed else Status.FAIL)
    if basis != printed:
        assert r.reason == "restated"
        assert f"{printed}件" in r.message
        assert f"{basis}件" in r.message


def test_restated_basis_of_a_positional_claim_only_warns() -> None:
    res = lm.check(
        [count_report(500, 2022), basis_report(600, 480, POSITIONAL)], checks=["restated"]
    )
    r = only(res, "restated.figure")
    assert (r.status, r.reason) == (Status.WARN, "restated")


def carry(word: str, value: int, year: int) -> Report:
    d = Doc().say(word)
    d.fig(str(value), "件", word)
    return d.report(year=year)


def test_restated_carry_over() -> None:
    ok = lm.check(
        [carry("结转下年度继续办理", 3, 2024), carry("上年结转", 3, 2025)], checks=["restated"]
    )
    assert [r.status for r in ok] == [Status.PASS]
    bad = lm.check(
        [carry("结转下年度继续办理", 3, 2024), carry("上年结转", 5, 2025)], checks=["restated"]
    )
    assert [(r.status, r.reason) for r in bad] == [(Status.FAIL, "restated")]
    words = lm.check([carry("转接下年度办理", 3, 2024), carry("上年度结转", 3, 2025)])
    assert [r.status for r in words.by_check("restated.figure")] == [Status.PASS]


def test_restated_same_year_only_warns() -> None:
    a = count_report(25, 2023, subject="部署推进法治政府建设工作")
    b = count_report(26, 2023, subject="部署推进法治政府建设工作")
    r = only(lm.check([a, b], checks=["restated.figure"]), "restated.figure")
    assert (r.status, r.reason) == (Status.WARN, "different_value_same_year")
    c = count_report(25, 2023, subject="部署推进法治政府建设工作")
    assert only(lm.check([a, c], checks=["restated.figure"]), "restated.figure").status is (
        Status.PASS
    )
