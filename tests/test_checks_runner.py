"""Tests of :func:`lawgov_metrics.check` (``checks/runner.py``), its configuration
(``checks/config.py``) and subject keys (``checks/subjects.py``)."""

from __future__ import annotations

import attrs
import pytest
from check_builders import Doc, growth_doc, qty

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.checks import registry
from lawgov_metrics.records import GrowthClaim, Report
from lawgov_metrics.results import Severity, Status


def test_check_runs_the_catalogue_and_counts_figures() -> None:
    rep = growth_doc(786, "68.67")
    res = lm.check(rep)
    assert isinstance(res, lm.CheckReport)
    assert res.n_figures == 2
    assert res.n_testable == 2
    assert res.by_check("growth.implied_prior")[0].status is Status.PASS
    assert res.reports == ("测试区 2023",)


def test_check_selection() -> None:
    rep = growth_doc(10, "33.3")
    assert {r.check for r in lm.check(rep, checks=["growth"])} <= {
        "growth.implied_prior",
        "growth.direction",
        "growth.prior_report",
    }
    assert {r.check for r in lm.check(rep, checks="growth.implied_prior")} == {
        "growth.implied_prior"
    }
    assert lm.check(rep, exclude=["growth.implied_prior"]).failures == []
    assert lm.check(rep, checks=["growth."], exclude=["growth"]).results == ()


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"checks": ["nope"]}, "checks='nope' is not accepted; checks takes ids or families"),
        ({"exclude": ["share.nope"]}, "exclude='share.nope' is not accepted"),
        ({"scheme": "banker"}, "scheme='banker' is not accepted; scheme takes one of half_up"),
        ({"duplicate_min_digits": 0}, "duplicate_min_digits"),
        ({"more_than": "lots"}, "more_than"),
        ({"inferred_sum_status": "maybe"}, "status='maybe' is not accepted; status takes one of"),
    ],
)
def test_bad_options_are_value_errors_of_the_library(kwargs: dict[str, object], match: str) -> None:
    with pytest.raises(lm.InvalidOptionError, match=match) as info:
        lm.check(growth_doc(10, "33.3"), **kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, ValueError)
    assert isinstance(info.value, lm.LawgovMetricsError)


@pytest.mark.parametrize(
    ("bad", "match"),
    [
        ("收到786宗", "report_or_reports='收到786宗' is not accepted; report_or_reports takes a"),
        (None, "report_or_reports=None is not accepted"),
        (b"786", "report_or_reports=b'786'"),
        (786, "report_or_reports=786"),
        ([1], r"report_or_reports\[0\]=1 is not accepted; .* takes a Report$"),
        ([Report(text=""), "x"], r"report_or_reports\[1\]='x'"),
        ([3], r"report_or_reports\[0\]=3"),
    ],
)
def test_bad_input_is_a_type_error_of_the_library_naming_the_argument(
    bad: object, match: str
) -> None:
    with pytest.raises(lm.ArgumentTypeError, match=match) as info:
        lm.check(bad)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, lm.LawgovMetricsError)
    with pytest.raises(lm.InvalidArgumentError):
        checks.check_share_range(bad)  # type: ignore[arg-type]


def test_a_check_id_that_is_not_a_string_is_a_type_error() -> None:
    with pytest.raises(lm.ArgumentTypeError, match="checks=3 is not accepted") as info:
        lm.check(growth_doc(10, "33.3"), checks=[3])  # type: ignore[list-item]
    assert isinstance(info.value, TypeError)


def test_severity_override_and_scheme() -> None:
    rep = growth_doc(10, "33.3")
    res = lm.check(rep, severity={"growth.implied_prior": Severity.WARNING})
    assert res.failures[0].severity is Severity.WARNING
    res2 = lm.check(growth_doc(786, "68.67"), severity={Status.PASS: Severity.WARNING})
    assert [r.severity for r in res2 if r.status is Status.PASS] == [Severity.WARNING]
    # 29/9 - 1 = 2.2222 → written "222.23" needs rounding up: half_up fails, ceiling passes
    rep2 = growth_doc(29, "222.23")
    assert lm.check(rep2, checks=["growth.implied_prior"]).failures
    assert not lm.check(rep2, checks=["growth.implied_prior"], scheme="ceiling").failures


def test_internal_error_becomes_undecidable(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(report: Report, config: checks.CheckConfig) -> list[lm.CheckResult]:
        raise RuntimeError("kaboom")

    broken = attrs.evolve(lm.CHECKS["share.range"], per_report=boom)
    monkeypatch.setitem(registry._SPECS, "share.range", broken)
    rep = growth_doc(786, "68.67")
    res = lm.check([rep, rep])
    crashed = res.by_check("share.range")
    assert [r.reason for r in crashed] == ["internal_error", "internal_error"]
    assert all(r.status is Status.UNDECIDABLE for r in crashed)
    assert "kaboom" in crashed[0].message
    assert res.by_check("growth.implied_prior")  # the rest of the batch still ran
    assert [r.reason for r in checks.check_share_range(rep)] == ["internal_error"]


def test_empty_and_odd_reports_never_crash() -> None:
    assert len(lm.check(Report(text=""))) == 0
    assert lm.check([]).n_figures == 0
    d = Doc().say("减少")
    neg = d.fig("-5", "件", "案件")
    claim = GrowthClaim(figure=neg, rate=qty("10", "%"), quote=d.text)
    res = lm.check(d.report(claim, year=None))
    assert res.by_check("growth.implied_prior")[0].status is Status.UNDECIDABLE


def test_config_bounds_follow_the_options() -> None:
    q = lm.parse_quantity("28300余条")
    assert str(checks.CheckConfig().bounds(q)) == "[28300, 28400)"
    assert str(checks.CheckConfig(more_than="unbounded").bounds(q)) == "[28300, ∞)"
    rate = lm.parse_quantity("68.67%")
    assert str(checks.CheckConfig(scheme="up_or_down").bounds(rate)) == "[68.665, 68.675]"


def test_subject_key() -> None:
    assert checks.subject_key("新收行政复议申请") == checks.subject_key("受理 行政复议申请")
    assert checks.subject_key("办理政府信息公开申请") != checks.subject_key("行政复议申请")
    assert checks.subject_key("") == ""
    assert checks.subject_key("收费项目") == "收费项目"
