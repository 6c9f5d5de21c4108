"""Tests of :mod:`lawgov_metrics.checks.duplicate`: one value on two indicators, and several
reports claiming one jurisdiction, year and kind."""

from __future__ import annotations

from typing import Any

import pytest
from check_builders import Doc, only
from hypothesis import given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.records import Report
from lawgov_metrics.results import Status

FAST = settings(max_examples=150, deadline=None)


def dup_doc(
    a: str,
    b: str,
    *,
    sa: str = "行政复议申请",
    sb: str = "政府信息公开申请",
    ua: str = "宗",
    ub: str = "件",
    gap: int = 300,
) -> Report:
    d = Doc().say("收到" + sa)
    d.fig(a, ua, sa)
    d.say("。" + "工作稳步推进。" * (gap // 7) + "共办理" + sb)
    d.fig(b, ub, sb)
    return d.report()


def test_duplicate_seed_warns() -> None:
    r = only(checks.check_duplicate_value(dup_doc("786", "786")), "duplicate.value")
    assert (r.status, r.reason) == (Status.WARN, "duplicate_value")
    assert "786宗" in r.message
    assert "786件" in r.message
    assert len(r.figures) == 2


@pytest.mark.parametrize(
    ("a", "b", "kw"),
    [
        ("786", "785", {}),  # different values
        ("50", "50", {}),  # small counts
        ("5500", "5500", {}),  # only two significant digits
        ("786", "786", {"sb": "行政复议申请"}),  # the same indicator twice
        ("786", "786", {"gap": 0}),  # one clause (受理786件,全部办结786件)
        ("100", "100", {"ua": "%", "ub": "%"}),  # 100% is never a duplicate
        ("95", "95", {"ua": "%", "ub": "%"}),  # a round rate
    ],
)
def test_duplicate_quiet(a: str, b: str, kw: dict[str, Any]) -> None:
    found = checks.check_duplicate_value(dup_doc(a, b, **kw))
    assert [r for r in found if r.status is Status.WARN] == []


def test_duplicate_tied_by_a_claim_is_quiet() -> None:
    rep = dup_doc("786", "786")
    total, part = rep.figures
    tied = Report(
        text=rep.text, figures=rep.figures, claims=[lm.BreakdownClaim(total=total, parts=(part,))]
    )
    assert checks.check_duplicate_value(tied) == []


def test_duplicate_rate_with_three_digits_warns_and_unknown_subject_is_undecidable() -> None:
    rates = dup_doc("98.73", "98.73", ua="%", ub="%")
    assert only(checks.check_duplicate_value(rates), "duplicate.value").status is Status.WARN
    u = only(checks.check_duplicate_value(dup_doc("786", "786", sb="")), "duplicate.value")
    assert (u.status, u.reason) == (Status.UNDECIDABLE, "unknown_subject")


def sig_digits(n: int) -> int:
    return len(str(n).rstrip("0"))


@FAST
@given(
    a=st.integers(1, 10**6),
    b=st.integers(1, 10**6),
    same=st.booleans(),
    min_digits=st.integers(1, 5),
)
def test_property_duplicate(a: int, b: int, same: bool, min_digits: int) -> None:
    if same:
        b = a
    res = lm.check(
        dup_doc(str(a), str(b)), checks=["duplicate.value"], duplicate_min_digits=min_digits
    )
    warned = any(r.status is Status.WARN for r in res)
    assert warned == (a == b and sig_digits(a) >= min_digits)


# ---------------------------------------------------------------------------------------
# duplicate.report


def copies(n: int, **kw: Any) -> list[Report]:
    base = dup_doc("786", "786")
    return [
        Report(
            text=base.text,
            figures=base.figures,
            jurisdiction="广州市",
            year=2022,
            path=f"copy-{i}.txt",
            **kw,
        )
        for i in range(n)
    ]


def test_several_reports_of_one_place_and_year_are_one_warning() -> None:
    res = lm.check(copies(5))
    (w,) = res.by_check("duplicate.report")
    assert (w.status, w.reason) == (Status.WARN, "duplicate_report")
    assert "5 reports claim to be the 广州市 2022 report" in w.message
    assert all(f"copy-{i}.txt" in w.message for i in range(5))
    assert len(w.reports) == 5


def test_reports_of_different_kinds_are_not_duplicates() -> None:
    rule_of_law, disclosure = copies(1, doc_type="rule_of_law") + copies(1, doc_type="disclosure")
    res = lm.check([rule_of_law, disclosure])
    assert res.by_check("duplicate.report") == []
    # they are still compared: the same figure in both, same year
    assert {r.status for r in res.by_check("restated.figure")} == {Status.PASS}
    two = copies(2, doc_type="disclosure")
    (w,) = lm.check(two).by_check("duplicate.report")
    assert "广州市 2022 disclosure report" in w.message


def test_one_report_has_no_duplicate() -> None:
    assert lm.check(copies(1)).by_check("duplicate.report") == []
    assert checks.check_duplicate_report(copies(1)) == []
