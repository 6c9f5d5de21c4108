"""Tests of :mod:`lawgov_metrics.checks.share`: GRIM, shares outside [0%, 100%], and 100%
that is not all. Expected outcomes come from exact Fraction oracles."""

from __future__ import annotations

import pathlib
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from check_builders import (
    ARITHMETIC,
    POSITIONAL,
    STATED,
    Doc,
    dec,
    only,
    oracle_grim,
    share_doc,
)
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import places_of, round_half_up

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.records import BreakdownClaim, Qualifier, Report, ShareClaim
from lawgov_metrics.results import Status

FAST = settings(max_examples=150, deadline=None)
SEED = pathlib.Path(__file__).parent.parent / "examples" / "data" / "huadu-2023.txt"


def grim(rep: Report, **kw: object) -> lm.CheckResult:
    return only(checks.check_share_granularity(rep, **kw), "share.granularity")  # type: ignore[arg-type]


# ---------------------------------------------------------------------------------------
# share.granularity


def test_seed_share_passes_with_1478() -> None:
    r = grim(share_doc(1497, "98.73"))
    assert r.status is Status.PASS
    assert "1478" in r.message


@pytest.mark.parametrize("rate", ["98.74", "98.70", "98.75", "98.65", "97.99"])
def test_seed_share_no_k_of_1497_fails_when_stated(rate: str) -> None:
    """调解矛盾纠纷1497宗,成功率达…%: the rate is stated of the 1497; a rate no k/1497
    gives is a FAIL, even where 1497 could be the part of another base (98.75%)."""
    assert not oracle_grim(1497, rate)
    r = grim(share_doc(1497, rate))
    assert (r.status, r.reason) == (Status.FAIL, "no_integer_count")
    assert "the reading is certain: the rate is in the clause of its count" in r.message


def test_seed_text_mutated_rate_fails() -> None:
    """End to end: the seed's own sentence, with a rate no k/1497 gives."""
    text = SEED.read_text(encoding="utf-8")
    for rate, status in (("98.73", Status.PASS), ("98.75", Status.FAIL), ("98.74", Status.FAIL)):
        rep = lm.extract(text.replace("98.73%", f"{rate}%"))
        (r,) = [x for x in lm.check(rep, checks=["share.granularity"]) if "1497" in x.message]
        assert r.status is status, (rate, r.message)


def test_share_with_printed_part() -> None:
    r = grim(share_doc(1113, "5.4", part=58))
    assert (r.status, r.reason) == (Status.FAIL, "part_mismatch")
    assert "58宗" in r.message
    assert grim(share_doc(1113, "5.2", part=58)).status is Status.PASS


def test_positional_share_warns_names_candidates_or_passes_with_one() -> None:
    r = grim(share_doc(1497, "98.74", binding=POSITIONAL, others=[1500]))
    assert (r.status, r.reason) == (Status.WARN, "no_integer_count")
    assert "“1500宗”" in r.message
    assert "k of 1500" in r.message
    assert not oracle_grim(1500, "98.74")
    fits = [n for n in range(1501, 1600) if oracle_grim(n, "98.74")]
    assert fits
    ok = grim(share_doc(1497, "98.74", binding=POSITIONAL, others=[1500, fits[0]]))
    assert (ok.status, ok.reason) == (Status.PASS, "alternative_fits")
    assert f"“{fits[0]}宗”" in ok.message
    # the configured status applies to a tie that is not stated
    strict = grim(
        share_doc(1497, "98.74", binding=ARITHMETIC),
        config=checks.CheckConfig(inferred_share_status=Status.FAIL),
    )
    assert strict.status is Status.FAIL


@pytest.mark.parametrize(
    ("total", "q", "reason"),
    [
        (None, Qualifier.EXACT, "no_total"),
        (5500, Qualifier.MORE_THAN, "approximate_total"),
        (0, Qualifier.EXACT, "nonpositive_total"),
    ],
)
def test_share_undecidable(total: int | None, q: Qualifier, reason: str) -> None:
    r = grim(share_doc(total, "98.73", total_q=q))
    assert (r.status, r.reason) == (Status.UNDECIDABLE, reason)


def test_part_without_whole_uses_the_breakdown_listing_it() -> None:
    """224438条,占总量的49.9%: the count is the part; its whole is the breakdown's total."""
    d = Doc().say("共公开信息")
    total = d.fig("449248", "条", "公开信息")
    d.say(",其中政务动态")
    part = d.fig("224438", "条", "政务动态")
    d.say(",占")
    rf = d.fig("49.96", "%", "占比")
    listing = BreakdownClaim(total=total, parts=(part,), quote=d.text)
    share = ShareClaim(rate=rf.quantity, rate_figure=rf, part=part, quote=d.text)
    assert grim(d.report(listing, share)).status is Status.PASS
    bad = ShareClaim(rate=lm.parse_quantity("49.9%"), rate_figure=rf, part=part, quote=d.text)
    r = grim(d.report(listing, bad))
    assert (r.status, r.reason) == (Status.FAIL, "part_mismatch")
    loose = BreakdownClaim(total=total, parts=(part,), quote=d.text, binding=POSITIONAL)
    assert grim(d.report(loose, bad)).status is Status.WARN
    # with no listing, GRIM the other way round: some whole total T gives 224438/T
    alone = grim(d.report(share))
    assert (alone.status, alone.reason) == (Status.PASS, "implied_total")
    assert all(
        round_half_up(Fraction(224438 * 100, t), 2) == Fraction("49.96")
        for t in alone.details["totals"]
    )
    # a part no whole total can give its rate: FAIL when the part is stated
    five = Doc().say("调解成功")
    k = five.fig("5", "件", "调解成功")
    five.say(",调解成功率")
    r834 = five.fig("83.4", "%", "调解成功率")
    none = ShareClaim(rate=r834.quantity, rate_figure=r834, part=k, quote=five.text)
    got = grim(five.report(none))
    assert (got.status, got.reason) == (Status.FAIL, "no_integer_total")
    loose_part = attrs.evolve(none, binding=POSITIONAL)
    assert grim(five.report(loose_part)).status is Status.WARN


@FAST
@given(
    n=st.integers(1, 400),
    k=st.integers(0, 400),
    places=st.sampled_from([0, 1, 2]),
    nudge=st.sampled_from([0, 1, -1, 3]),
    binding=st.sampled_from([STATED, POSITIONAL, ARITHMETIC]),
)
def test_property_grim(n: int, k: int, places: int, nudge: int, binding: lm.Binding) -> None:
    k = min(k, n)
    written = max(
        Fraction(0), round_half_up(Fraction(100 * k, n), places) + Fraction(nudge, 10**places)
    )
    rate = dec(written, places)
    r = grim(share_doc(n, rate, binding=binding))
    if oracle_grim(n, rate):
        assert r.status is Status.PASS
    else:
        assert r.status is (Status.FAIL if binding is STATED else Status.WARN)
    assert lm.check_share(total=n, reported=rate).passed is (r.status is Status.PASS)


# ---------------------------------------------------------------------------------------
# share.range


def rate_report(value: str, subject: str = "复议纠错率", q: Qualifier = Qualifier.EXACT) -> Report:
    d = Doc().say(subject + "为")
    d.fig(value, "%", subject, qualifier=q)
    return d.report()


def share_range(rep: Report) -> lm.CheckResult:
    return only(checks.check_share_range(rep), "share.range")


def test_share_range_cases() -> None:
    assert share_range(rate_report("63.10")).status is Status.PASS
    r = share_range(rate_report("100.4"))
    assert (r.status, r.reason) == (Status.FAIL, "share_out_of_range")
    assert "100.4%" in r.message
    u = share_range(rate_report("120", "任务完成率"))
    assert (u.status, u.reason) == (Status.UNDECIDABLE, "may_exceed_100")
    # "超过100%" cannot be a share either, but 100%以上 can still be exactly 100%.
    assert share_range(rate_report("100", q=Qualifier.AT_LEAST)).status is Status.PASS


def test_share_range_of_a_rate_known_only_through_a_positional_share() -> None:
    d = Doc().say("办理案件")
    total = d.fig("80", "件", "办理案件")
    d.say(",占比")
    rf = d.fig("104.5", "%", "占比", kind="other")
    for binding, status in ((STATED, Status.FAIL), (POSITIONAL, Status.WARN)):
        claim = ShareClaim(rate=rf.quantity, rate_figure=rf, total=total, binding=binding)
        assert share_range(d.report(claim)).status is status


@FAST
@given(value=st.decimals(min_value=-50, max_value=250, places=2, allow_nan=False))
def test_property_share_range(value: Decimal) -> None:
    text = str(value)
    r = share_range(rate_report(text))
    x, places = Fraction(value), places_of(text)
    holds = round_half_up(min(max(x, Fraction(0)), Fraction(100)), places) == x
    assert r.status is (Status.PASS if holds else Status.FAIL)


# ---------------------------------------------------------------------------------------
# share.all_100


def all_100(rep: Report, **kw: object) -> lm.CheckResult:
    return only(checks.check_share_all_100(rep, **kw), "share.all_100")  # type: ignore[arg-type]


def test_all_100_cases() -> None:
    assert all_100(share_doc(36, "100", part=36)).status is Status.PASS
    warn = all_100(share_doc(400, "100", part=399))
    assert (warn.status, warn.reason) == (Status.WARN, "rounded_to_100")
    fail = all_100(share_doc(40, "100", part=36))
    assert (fail.status, fail.reason) == (Status.FAIL, "not_all")
    assert "36宗" in fail.message
    und = all_100(share_doc(5500, "100", part=5500, total_q=Qualifier.MORE_THAN))
    assert und.status is Status.UNDECIDABLE


def test_all_100_on_a_positional_tie_warns_instead_of_failing() -> None:
    doc = share_doc(40, "100", part=36, binding=POSITIONAL)
    r = all_100(doc)
    assert (r.status, r.reason) == (Status.WARN, "not_all")
    assert "by position only" in r.message
    strict = checks.CheckConfig(inferred_share_status=Status.FAIL)
    assert all_100(doc, config=strict).status is Status.FAIL
    ok = all_100(share_doc(40, "100", part=36, binding=POSITIONAL, others=[36]))
    assert (ok.status, ok.reason) == (Status.PASS, "alternative_fits")


def test_all_100_with_pending_cases_in_the_same_section() -> None:
    d = Doc().say("办理政府信息公开申请")
    d.fig("120", "件", "办理政府信息公开申请")
    d.say(",按时办结率")
    d.fig("100", "%", "按时办结率")
    d.say(",另有")
    d.fig("3", "件", "未办结")
    r = all_100(d.report())
    assert (r.status, r.reason) == (Status.WARN, "pending_count")
    # no pending count: nothing to say
    d2 = Doc().say("按时办结率")
    d2.fig("100", "%", "按时办结率")
    assert checks.check_share_all_100(d2.report()) == []


@FAST
@given(n=st.integers(1, 3000), missing=st.integers(0, 40), places=st.sampled_from([0, 1, 2]))
def test_property_all_100(n: int, missing: int, places: int) -> None:
    k = max(0, n - missing)
    rate = "100" if places == 0 else "100." + "0" * places
    r = all_100(share_doc(n, rate, part=k))
    if k == n:
        assert r.status is Status.PASS
    elif round_half_up(Fraction(100 * k, n), places) == 100:
        assert r.status is Status.WARN
    else:
        assert r.status is Status.FAIL
