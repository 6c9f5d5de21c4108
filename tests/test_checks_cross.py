"""Tests of the cross-report checks: prior-year growth, direction, percentage points,
streaks and restated figures, and how reports are lined up.

Texts are our own (``data_checks/``, and reports built by hand); the expected outcomes
come from exact Fraction oracles written here.
"""

from __future__ import annotations

import pathlib
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import places_of, round_half_up
from test_checks import Doc, dec, growth_doc, only, qty

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.records import GrowthClaim, PPChangeClaim, Report, StreakClaim
from lawgov_metrics.results import Status

HERE = pathlib.Path(__file__).parent
SEED = HERE.parent / "examples" / "data" / "huadu-2023.txt"
PRIOR = HERE / "data_checks" / "huadu-2022.txt"
FAST = settings(max_examples=120, deadline=None)


def seed() -> Report:
    return lm.extract(SEED.read_text(encoding="utf-8"))


def prior_text(value: int) -> str:
    return PRIOR.read_text(encoding="utf-8").replace("466宗", f"{value}宗")


# ---------------------------------------------------------------------------------------
# the seed against a 2022 report we wrote


def test_seed_against_2022_report_with_466_passes() -> None:
    r2022 = lm.extract(prior_text(466))
    assert (r2022.jurisdiction, r2022.year) == ("花都区", 2022)
    res = lm.check([r2022, seed()])
    r = only(list(res), "growth.prior_report")
    assert r.status is Status.PASS
    assert "466宗" in r.message
    assert "786宗" in r.message
    assert r.reports == ("花都区 2022", "花都区 2023")
    assert {f.quote for f in r.figures} >= {"786宗", "466宗"}
    assert res.failures == []
    streak = [x for x in res.by_check("streak.sequence") if "连续四年" in x.message]
    assert [x.status for x in streak] == [Status.PASS]


@pytest.mark.parametrize("value", [467, 465, 300, 786])
def test_seed_against_2022_report_with_other_values_fails(value: int) -> None:
    res = lm.check([seed(), lm.extract(prior_text(value))])  # order does not matter
    r = only(list(res), "growth.prior_report")
    assert r.status is Status.FAIL
    assert r.reason == "prior_mismatch"
    assert f"{value}宗" in r.message
    assert "(465.984…, 466.012…]" in r.message


def test_reports_that_do_not_line_up_are_not_compared() -> None:
    other = lm.extract(prior_text(467), jurisdiction="番禺区")
    res = lm.check([other, seed()])
    assert res.by_check("growth.prior_report") == []
    gap = lm.extract(prior_text(467), year=2021)
    assert lm.check([gap, seed()]).by_check("growth.prior_report") == []


def test_missing_year_is_undecidable_in_a_batch() -> None:
    noyear = Report(text="", jurisdiction="花都区", year=None)
    res = lm.check([noyear, seed()])
    missing = [r for r in res if r.reason == "missing_year"]
    assert missing
    assert all(r.status is Status.UNDECIDABLE for r in missing)
    assert {r.check for r in missing} == {
        "growth.prior_report",
        "streak.sequence",
        "restated.figure",
    }


def test_line_up_rules() -> None:
    a = Report(text="", jurisdiction=None, year=2022)
    b = Report(text="", jurisdiction=None, year=2023)
    c = Report(text="", jurisdiction="花都区", year=2023)
    assert [(x.year, y.year) for x, y in checks.line_up([a, b])] == [(2022, 2023)]
    assert checks.line_up([a, b, c]) == []  # unknown jurisdictions are not guessed
    same = Report(text="", jurisdiction="花都区", year=2023)
    assert len(checks.line_up([c, same])) == 1


# ---------------------------------------------------------------------------------------
# growth.prior_report and growth.direction across reports, by hand


def count_report(
    value: int, year: int, subject: str = "收到行政复议申请", unit: str = "件"
) -> Report:
    d = Doc().say(subject)
    d.fig(str(value), unit, subject)
    return d.report(year=year)


def growth_report(current: int, rate: str, year: int = 2023) -> Report:
    rep, _ = growth_doc(current, rate)
    return Report(
        text=rep.text, figures=rep.figures, claims=rep.claims, jurisdiction="测试区", year=year
    )


@FAST
@given(
    current=st.integers(1, 5000),
    prior=st.integers(1, 5000),
    shown=st.integers(1, 5000),
    places=st.sampled_from([0, 1, 2]),
)
def test_property_prior_report(current: int, prior: int, shown: int, places: int) -> None:
    rate = dec(round_half_up(Fraction(current - prior, prior) * 100, places), places)
    res = lm.check(
        [count_report(shown, 2022), growth_report(current, rate)],
        checks=["growth.prior_report", "growth.direction"],
    )
    r = only(list(res), "growth.prior_report")
    holds = round_half_up(Fraction(current - shown, shown) * 100, places) == Fraction(Decimal(rate))
    assert r.status is (Status.PASS if holds else Status.FAIL)
    d = only(list(res), "growth.direction")
    up = not rate.startswith("-")
    if (up and current < shown) or (not up and current > shown):
        assert d.status is Status.FAIL
    elif current == shown:
        assert d.status is Status.UNDECIDABLE
    else:
        assert d.status is Status.PASS


def test_prior_report_ambiguous_and_missing() -> None:
    d = Doc().say("收到行政复议申请")
    d.fig("400", "件", "收到行政复议申请")
    d.say(";区政府收到行政复议申请")
    d.fig("450", "件", "收到行政复议申请")
    both = d.report(year=2022)
    res = lm.check([both, growth_report(786, "68.67")], checks=["growth.prior_report"])
    r = only(list(res), "growth.prior_report")
    assert r.status is Status.WARN
    assert r.reason == "ambiguous_prior"
    unrelated = count_report(466, 2022, subject="办理法律援助案件")
    r2 = only(
        list(lm.check([unrelated, growth_report(786, "68.67")], checks=["growth.prior_report"])),
        "growth.prior_report",
    )
    assert r2.status is Status.UNDECIDABLE
    assert r2.reason == "no_prior_figure"


def test_units_case_words_count_alike_but_not_people() -> None:
    same = lm.check(
        [count_report(466, 2022, unit="宗"), growth_report(786, "68.67")],
        checks=["growth.prior_report"],
    )
    assert only(list(same), "growth.prior_report").status is Status.PASS
    people = lm.check(
        [count_report(466, 2022, unit="人"), growth_report(786, "68.67")],
        checks=["growth.prior_report"],
    )
    assert only(list(people), "growth.prior_report").reason == "no_prior_figure"


# ---------------------------------------------------------------------------------------
# pp_change.rates across reports


def rate_report(value: str, year: int) -> Report:
    d = Doc().say("行政应诉败诉率")
    d.fig(value, "%", "行政应诉败诉率")
    return d.report(year=year)


def pp_report(current: str, pp: str, *, down: bool, year: int = 2024) -> Report:
    d = Doc().say("行政应诉败诉率")
    cur = d.fig(current, "%", "行政应诉败诉率")
    d.say(",同比下降" if down else ",同比提高")
    rf = d.fig(pp, "个百分点", "败诉率变化", kind="pp_change")
    claim = PPChangeClaim(
        rate=qty(("-" if down else "") + pp, "个百分点"),
        rate_figure=rf,
        figure=cur,
        direction="down" if down else "up",
        quote=d.text,
    )
    return d.report(claim, year=year)


def test_pp_change_across_reports() -> None:
    ok = lm.check(
        [rate_report("50.3", 2023), pp_report("31.5", "18.8", down=True)],
        checks=["pp_change.rates"],
    )
    cross = [r for r in ok if len(r.reports) == 2]
    assert [r.status for r in cross] == [Status.PASS]
    bad = lm.check(
        [rate_report("48.3", 2023), pp_report("31.5", "18.8", down=True)],
        checks=["pp_change.rates"],
    )
    cross = [r for r in bad if len(r.reports) == 2]
    assert [r.status for r in cross] == [Status.FAIL]
    assert "48.3%" in cross[0].message


@FAST
@given(a=st.integers(1, 1000), b=st.integers(1, 1000), nudge=st.integers(-5, 5))
def test_property_pp_across(a: int, b: int, nudge: int) -> None:
    prior, current = dec(Fraction(a, 10), 1), dec(Fraction(b, 10), 1)
    diff = Fraction(b - a, 10)
    written = abs(diff + Fraction(nudge, 10))
    res = lm.check(
        [rate_report(prior, 2023), pp_report(current, dec(written, 1), down=diff < 0)],
        checks=["pp_change.rates"],
    )
    [r] = [x for x in res if len(x.reports) == 2]
    # Every value has one decimal; true rates lie in [x - 0.05, x + 0.05), so the true
    # change lies in (d - 0.1, d + 0.1) and the written change w stands for a cell of
    # half-width 0.05 around +-w: they meet iff |(+-w) - d| < 0.15.
    signed = -written if diff < 0 else written
    holds = abs(signed - diff) < Fraction(15, 100)
    assert r.status is (Status.PASS if holds else Status.FAIL)


# ---------------------------------------------------------------------------------------
# streak.sequence


def streak_report(
    years: int | None, year: int, subject: str = "法治广州建设考评优秀等次", mention: str = ""
) -> Report:
    d = Doc().say(mention)
    claims = []
    if years is not None:
        start = len(d.text)
        d.say(f"{subject}连续{years}年获评")
        claims.append(
            StreakClaim(
                years=years, subject=subject, quote=f"连续{years}年", span=(start, len(d.text))
            )
        )
    return d.report(*claims, year=year)


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
    r = only(list(res), "streak.sequence")
    assert r.status is status
    assert r.reason == reason
    assert "连续" in r.message


def test_streak_first_award_and_other_subjects() -> None:
    first = streak_report(None, 2022, mention="法治广州建设考评获评优秀等次。")
    r = only(
        list(lm.check([first, streak_report(2, 2023)], checks=["streak.sequence"])),
        "streak.sequence",
    )
    assert r.status is Status.PASS
    assert r.reason == "first_award"
    other = streak_report(2, 2022, subject="全国信访工作示范区")
    r2 = only(
        list(lm.check([other, streak_report(4, 2023)], checks=["streak.sequence"])),
        "streak.sequence",
    )
    assert r2.status is Status.UNDECIDABLE


@FAST
@given(m=st.integers(1, 12), n=st.integers(1, 12))
def test_property_streak(m: int, n: int) -> None:
    res = lm.check([streak_report(m, 2022), streak_report(n, 2023)], checks=["streak.sequence"])
    r = only(list(res), "streak.sequence")
    expected = Status.PASS if m == n - 1 else Status.FAIL if m < n - 1 else Status.WARN
    assert r.status is expected


# ---------------------------------------------------------------------------------------
# restated.figure


def basis_report(current: int, basis: int, year: int = 2023) -> Report:
    rep, _ = growth_doc(
        current, dec(round_half_up(Fraction(current - basis, basis) * 100, 2), 2), basis=basis
    )
    return Report(
        text=rep.text, figures=rep.figures, claims=rep.claims, jurisdiction="测试区", year=year
    )


@FAST
@given(basis=st.integers(1, 5000), printed=st.integers(1, 5000), current=st.integers(1, 5000))
def test_property_restated_basis(basis: int, printed: int, current: int) -> None:
    res = lm.check(
        [count_report(printed, 2022), basis_report(current, basis)], checks=["restated.figure"]
    )
    r = only(list(res), "restated.figure")
    assert r.status is (Status.PASS if basis == printed else Status.FAIL)
    if basis != printed:
        assert f"{printed}件" in r.message
        assert f"{basis}件" in r.message


def test_restated_carry_over() -> None:
    def carry(word: str, value: int, year: int) -> Report:
        d = Doc().say(word)
        d.fig(str(value), "件", word)
        return d.report(year=year)

    ok = lm.check(
        [carry("结转下年度继续办理", 3, 2024), carry("上年结转", 3, 2025)],
        checks=["restated.figure"],
    )
    assert [r.status for r in ok] == [Status.PASS]
    bad = lm.check(
        [carry("结转下年度继续办理", 3, 2024), carry("上年结转", 5, 2025)],
        checks=["restated.figure"],
    )
    assert [r.status for r in bad] == [Status.FAIL]


def test_restated_same_year_only_warns() -> None:
    a = count_report(25, 2023, subject="部署推进法治政府建设工作")
    b = count_report(26, 2023, subject="部署推进法治政府建设工作")
    r = only(list(lm.check([a, b], checks=["restated.figure"])), "restated.figure")
    assert r.status is Status.WARN
    assert r.reason == "different_value_same_year"
    c = count_report(25, 2023, subject="部署推进法治政府建设工作")
    r2 = only(list(lm.check([a, c], checks=["restated.figure"])), "restated.figure")
    assert r2.status is Status.PASS


def test_growth_claim_with_zero_prior_report_is_undecidable_not_a_crash() -> None:
    d = Doc().say("收到")
    fig = d.fig("0", "件", "收到行政复议申请")
    claim = GrowthClaim(figure=fig, rate=qty("10", "%"), quote="增长10%")
    res = lm.check([count_report(0, 2022), d.report(claim)])
    r = only(list(res), "growth.prior_report")
    assert r.status is Status.UNDECIDABLE
    assert places_of("1.5") == 1
