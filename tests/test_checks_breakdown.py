"""Tests of :mod:`lawgov_metrics.checks.breakdown`: a part larger than its whole, and parts
that do not add up. Expected outcomes come from integer arithmetic on the generated parts."""

from __future__ import annotations

from check_builders import ARITHMETIC, POSITIONAL, STATED, breakdown_doc, only
from hypothesis import given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.records import Qualifier, Report
from lawgov_metrics.results import Status

FAST = settings(max_examples=150, deadline=None)


def summed(rep: Report, **kw: object) -> lm.CheckResult:
    return only(checks.check_breakdown_sum(rep, **kw), "breakdown.sum")  # type: ignore[arg-type]


def test_part_exceeds_whole_cases() -> None:
    part = checks.check_breakdown_part_exceeds_whole
    assert [r.status for r in part(breakdown_doc("100", ["60"], exhaustive=False))] == [Status.PASS]
    bad = part(breakdown_doc("100", ["160"], exhaustive=False))
    assert [(r.status, r.reason) for r in bad] == [(Status.FAIL, "part_exceeds_whole")]
    assert "160件" in bad[0].message
    assert "the reading is certain: the text lists them as parts of the total" in bad[0].message
    unit = part(breakdown_doc("100", ["160"], exhaustive=False, units=["人"]))
    assert [r.reason for r in unit] == ["unit_mismatch"]
    approx = part(breakdown_doc("5500", ["5550"], exhaustive=False, total_q=Qualifier.MORE_THAN))
    assert [r.status for r in approx] == [Status.UNDECIDABLE]
    # 5500余 is [5500, 5600): 5650 cannot be a part of it
    over = part(breakdown_doc("5500", ["5650"], exhaustive=False, total_q=Qualifier.MORE_THAN))
    assert [r.status for r in over] == [Status.FAIL]


def test_part_exceeds_a_positional_whole() -> None:
    """被申请行政复议9件、提起行政诉讼1件，其中维持6件: tied to the nearer 1, the part is
    larger; the reading also considered the 9, which holds it."""
    part = checks.check_breakdown_part_exceeds_whole
    loose = part(breakdown_doc("1", ["6"], exhaustive=False, binding=POSITIONAL))
    assert [(r.status, r.reason) for r in loose] == [(Status.WARN, "part_exceeds_whole")]
    assert "no other candidate" in loose[0].message
    fits = part(breakdown_doc("1", ["6"], exhaustive=False, binding=POSITIONAL, others=[9]))
    assert [(r.status, r.reason) for r in fits] == [(Status.PASS, "alternative_fits")]
    assert "“9件”" in fits[0].message


def test_breakdown_sum_cases() -> None:
    ok = summed(breakdown_doc("236", ["48", "10", "28", "150"], exhaustive=True))
    assert ok.status is Status.PASS
    bad = summed(breakdown_doc("82", ["11", "8", "48", "9"], exhaustive=True))
    assert (bad.status, bad.reason) == (Status.FAIL, "sum_mismatch")
    assert "76" in bad.message
    assert "the text says the parts make up the total" in bad.message
    partial = summed(breakdown_doc("231", ["221", "9"], exhaustive=False))
    assert partial.status is Status.PASS
    over = summed(breakdown_doc("231", ["221", "19"], exhaustive=False))
    assert (over.status, over.reason) == (Status.FAIL, "parts_exceed_total")
    mixed = summed(breakdown_doc("10", ["5", "5"], exhaustive=True, units=["件", "人"]))
    assert (mixed.status, mixed.reason) == (Status.UNDECIDABLE, "unit_mismatch")
    alike = summed(breakdown_doc("10", ["5", "5"], exhaustive=True, units=["件", "宗"]))
    assert alike.status is Status.PASS


def test_breakdown_sum_leaves_a_carry_over_out() -> None:
    rep = breakdown_doc(
        "733",
        ["700", "33", "45"],
        exhaustive=True,
        subjects=["予以公开", "不予公开", "转接下年度办理"],
    )
    r = summed(rep)
    assert (r.status, r.reason) == (Status.PASS, "carry_over_left_out")
    assert "“45件”" in r.message


def test_breakdown_sum_inferred_completeness_warns() -> None:
    """A list only inferred to be complete (three outcomes of 办结的82件) WARNs; one the
    text says is complete (分别为) FAILs; the status is configurable."""
    inferred = breakdown_doc("82", ["11", "8", "48", "9"], exhaustive=True, binding=POSITIONAL)
    stated = breakdown_doc("82", ["11", "8", "48", "9"], exhaustive=True)
    warn = summed(inferred)
    assert (warn.status, warn.reason) == (Status.WARN, "sum_mismatch")
    assert "only inferred" in warn.message
    assert summed(stated).status is Status.FAIL
    # a list that adds up passes whatever its binding
    fine = breakdown_doc("76", ["11", "8", "48", "9"], exhaustive=True, binding=POSITIONAL)
    assert summed(fine).status is Status.PASS
    # configurable through CheckConfig and check()
    strict = checks.CheckConfig(inferred_sum_status=Status.FAIL)
    assert checks.CheckConfig().inferred_sum_status is Status.WARN
    assert summed(inferred, config=strict).status is Status.FAIL
    via_check = lm.check(inferred, checks=["breakdown.sum"], inferred_sum_status=Status.FAIL)
    assert [r.status for r in via_check] == [Status.FAIL]
    assert [r.status for r in lm.check(inferred, checks=["breakdown.sum"])] == [Status.WARN]
    # the inferred status never touches the share checks' own setting, nor the reverse
    other = lm.check(inferred, checks=["breakdown.sum"], inferred_share_status=Status.FAIL)
    assert other[0].status is Status.WARN


def test_breakdown_sum_positional_total_alternative_fits() -> None:
    """本年收到申请62件，上年结转4件，其中自然人55件，法人11件: tied to the 4, the parts are
    66; the reading also considered 66 (62 + 4 is not a figure, but a printed total is)."""
    loose = breakdown_doc("4", ["55", "11"], exhaustive=True, binding=POSITIONAL, others=[62])
    r = summed(loose)
    assert (r.status, r.reason) == (Status.WARN, "sum_mismatch")
    assert "“62件” (not their sum either)" in r.message
    fits = breakdown_doc("4", ["55", "11"], exhaustive=True, binding=POSITIONAL, others=[62, 66])
    assert (summed(fits).status, summed(fits).reason) == (Status.PASS, "alternative_fits")
    arith = breakdown_doc("4", ["55", "11"], exhaustive=True, binding=ARITHMETIC, others=[66])
    assert summed(arith).status is Status.WARN  # alternatives are tried for POSITIONAL only


def test_breakdown_sum_on_extracted_text() -> None:
    """End to end: three outcomes of a disposed total WARN, the same list with 分别为 FAILs,
    and so does a list of the disclosure template's outcomes of concluded applications."""
    shape = lm.extract("审结的82件中，维持11件，撤销8件，驳回48件，终止9件。")
    said = lm.extract("审结82件，结果分别为：维持11件，撤销8件，驳回48件，终止9件。")
    template = lm.extract("办结的82件中，予以公开11件，部分公开8件，不予公开48件，无法提供9件。")
    (w,) = [r for r in lm.check(shape, checks=["breakdown.sum"]) if r.status is not Status.PASS]
    assert w.status is Status.WARN
    for report in (said, template):
        (f,) = [
            r for r in lm.check(report, checks=["breakdown.sum"]) if r.status is not Status.PASS
        ]
        assert f.status is Status.FAIL


@FAST
@given(
    parts=st.lists(st.integers(0, 5000), min_size=1, max_size=6),
    delta=st.integers(-3, 3),
    exhaustive=st.booleans(),
    binding=st.sampled_from([STATED, POSITIONAL, ARITHMETIC]),
)
def test_property_breakdown(
    parts: list[int], delta: int, exhaustive: bool, binding: lm.Binding
) -> None:
    total = max(0, sum(parts) + delta)
    rep = breakdown_doc(str(total), [str(p) for p in parts], exhaustive=exhaustive, binding=binding)
    s = summed(rep)
    wrong = sum(parts) != total if exhaustive else sum(parts) > total
    bad = Status.FAIL if binding is STATED else Status.WARN
    assert s.status is (bad if wrong else Status.PASS)
    each = checks.check_breakdown_part_exceeds_whole(rep)
    assert [r.status for r in each] == [bad if p > total else Status.PASS for p in parts]
