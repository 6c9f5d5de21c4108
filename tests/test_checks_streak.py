"""Tests of :mod:`lawgov_metrics.checks.streak`: 连续N年 against last year's streak."""

from __future__ import annotations

import pathlib

import pytest
from check_builders import only, streak_report
from hypothesis import given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics.results import Status


@pytest.mark.parametrize(
    ("before", "after", "status", "reason"),
    [
        (3, 4, Status.PASS, ""),
        (2, 4, Status.FAIL, "streak_jump"),
        (4, 4, Status.WARN, "streak_not_advancing"),
        (None, 4, Status.UNDECIDABLE, "no_prior_streak"),
    ],
)
def test_streak_cases(before: int | None, after: int, status: Status, reason: str) -> None:
    res = lm.check(
        [streak_report(before, 2022), streak_report(after, 2023)], checks=["streak.sequence"]
    )
    r = only(res, "streak.sequence")
    assert (r.status, r.reason) == (status, reason)
    assert "连续" in r.message


def test_streak_first_award_and_other_subjects() -> None:
    first = streak_report(None, 2022, mention="法治广州建设考评获评优秀等次。")
    r = only(
        lm.check([first, streak_report(2, 2023)], checks=["streak.sequence"]), "streak.sequence"
    )
    assert (r.status, r.reason) == (Status.PASS, "first_award")
    other = streak_report(2, 2022, subject="全国信访工作示范区")
    r2 = only(
        lm.check([other, streak_report(4, 2023)], checks=["streak.sequence"]), "streak.sequence"
    )
    assert r2.status is Status.UNDECIDABLE


def test_streak_subjects_match_without_award_words() -> None:
    before = streak_report(3, 2022, subject="荣获法治广州建设考评优秀")
    after = streak_report(4, 2023, subject="获评为法治广州建设考评优秀等次")
    r = only(lm.check([before, after], checks=["streak.sequence"]), "streak.sequence")
    assert r.status is Status.PASS


@settings(max_examples=120, deadline=None)
@given(m=st.integers(1, 12), n=st.integers(1, 12))
def test_property_streak(m: int, n: int) -> None:
    res = lm.check([streak_report(m, 2022), streak_report(n, 2023)], checks=["streak.sequence"])
    r = only(res, "streak.sequence")
    expected = Status.PASS if m == n - 1 else Status.FAIL if m < n - 1 else Status.WARN
    assert r.status is expected


def test_seed_streak_follows_the_2022_report() -> None:
    here = pathlib.Path(__file__).parent
    seed = lm.extract((here.parent / "examples" / "data" / "huadu-2023.txt").read_text("utf-8"))
    prior = lm.extract((here / "data_checks" / "huadu-2022.txt").read_text("utf-8"))
    res = lm.check([prior, seed], checks=["streak.sequence"])
    streak = [x for x in res if "连续四年" in x.message]
    assert [x.status for x in streak] == [Status.PASS]
