"""The FAIL rule, for every check of the catalogue (cases in ``check_cases.py``):

* generated genuine inputs never FAIL;
* the same inputs with one number mutated so that no reading holds are caught: a relation
  check FAILs when the claims' binding is STATED and WARNs, never FAILs, otherwise; the
  other checks give the status the catalogue documents;
* every reason a check gives, on any of these inputs, is a :class:`~lawgov_metrics.Reason`
  that the check declares.
"""

from __future__ import annotations

import pytest
from check_cases import CASES
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics.records import Binding
from lawgov_metrics.results import Status

#: Reasons the runner itself gives, for any check.
RUNNER_REASONS = {lm.Reason.INTERNAL_ERROR, lm.Reason.MISSING_YEAR}


def test_every_check_has_generated_cases() -> None:
    assert set(CASES) == set(lm.CHECKS)


def assert_declared(results: lm.CheckReport) -> None:
    for r in results:
        assert isinstance(r.reason, lm.Reason), (r.check, r.reason)
        assert r.reason in lm.CHECKS[r.check].reasons or r.reason in RUNNER_REASONS, (
            r.check,
            r.reason,
        )
        assert r.reason is not lm.Reason.INTERNAL_ERROR, r.message


@pytest.mark.parametrize("check_id", list(CASES))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.filter_too_much])
@given(data=st.data())
def test_genuine_never_fails_and_mutation_is_caught(check_id: str, data: st.DataObject) -> None:
    case = data.draw(CASES[check_id](), label="case")
    genuine = lm.check(case.genuine, checks=[check_id])
    assert genuine.failures == [], [r.message for r in genuine.failures]
    assert_declared(genuine)
    mutated = lm.check(case.mutated, checks=[check_id])
    assert_declared(mutated)
    statuses = [r.status for r in mutated.by_check(check_id)]
    if case.relation:
        expected = Status.FAIL if case.binding is Binding.STATED else Status.WARN
        assert expected in statuses, [r.message for r in mutated]
        if case.binding is not Binding.STATED:
            assert Status.FAIL not in statuses, [r.message for r in mutated.failures]
    else:
        assert case.flagged in statuses, [r.message for r in mutated]
    # the whole catalogue on the same inputs: declared reasons only, nothing crashes
    assert_declared(lm.check(case.genuine + case.mutated))


_PIECES = st.sampled_from(
    [
        "收到行政复议申请", "786宗", "同比增长", "68.67%", "下降", "-12.5%", "共", "其中",
        "分别为", "件", "办结率", "100%", "占比", "连续四年", "获评优秀", "提高", "3.2个百分点",
        "较2022年", "558件", "5500余宗", "近万件", "0件", "%%", "。", ",", "\n", "2023年",
        "〔2022〕6号", "上年结转", "结转下年度", "未办结", "已办结",
    ]
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30),
    st.sampled_from([None, 2022, 2023]),
)
def test_fuzz_text_through_extract_and_check_gives_declared_reasons(
    pieces: list[str], year: int | None
) -> None:
    text = "".join(pieces)
    reports = [
        lm.extract(text, jurisdiction="测试区", year=year),
        lm.extract(text, jurisdiction="测试区", year=2022),
    ]
    res = lm.check(reports)
    assert_declared(res)
    assert 0 <= res.n_testable <= res.n_figures
