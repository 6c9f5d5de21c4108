"""Tests of the single-report checks in :mod:`lawgov_metrics.checks`.

Reports are built by hand with :class:`Doc` (so each check is tested apart from the
extractor); the expected outcomes come from small exact Fraction oracles written here,
never from the code under test.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from oracles import places_of, round_half_up

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.records import (
    BreakdownClaim,
    Figure,
    GrowthClaim,
    PPChangeClaim,
    Qualifier,
    Quantity,
    Report,
    ShareClaim,
)
from lawgov_metrics.results import Severity, Status

FAST = settings(max_examples=150, deadline=None)


def _binding(confidence: str) -> lm.Binding:
    """The binding an older ``confidence`` string stands for."""
    return lm.Binding.STATED if confidence == "stated" else lm.Binding.POSITIONAL


# ---------------------------------------------------------------------------------------
# builders and oracles


def qty(value: str, unit: str = "件", qualifier: Qualifier = Qualifier.EXACT) -> Quantity:
    """A Quantity as the extractor would write it: decimals and % are rounded values."""
    d = Decimal(value)
    exp = d.as_tuple().exponent
    assert isinstance(exp, int)
    places = max(0, -exp)
    rounded = places > 0 or unit in ("%", "个百分点")
    return Quantity(
        value=d,
        unit=unit,
        qualifier=qualifier,
        text=f"{value}{unit}",
        resolution=Decimal(1).scaleb(-places),
        rounded=rounded,
    )


class Doc:
    """Builds a report text piece by piece, so every figure's span matches its quote."""

    def __init__(self) -> None:
        self.text = ""
        self.figures: list[Figure] = []

    def say(self, words: str) -> Doc:
        self.text += words
        return self

    def fig(
        self,
        value: str,
        unit: str = "件",
        subject: str = "",
        *,
        kind: str | None = None,
        qualifier: Qualifier = Qualifier.EXACT,
        keep: bool = True,
    ) -> Figure:
        q = qty(value, unit, qualifier)
        quote = q.text
        start = len(self.text)
        self.text += quote
        if kind is None:
            kind = "rate" if unit == "%" else "count"
        f = Figure(
            quantity=q,
            subject=subject,
            quote=quote,
            span=(start, start + len(quote)),
            kind=kind,
            context="",
        )
        if keep:
            self.figures.append(f)
        return f

    def report(
        self, *claims: Any, jurisdiction: str | None = "测试区", year: int | None = 2023
    ) -> Report:
        return Report(
            text=self.text,
            figures=self.figures,
            claims=claims,
            jurisdiction=jurisdiction,
            year=year,
        )


def growth_doc(
    current: int, rate: str, *, basis: int | None = None, subject: str = "收到行政复议申请"
) -> tuple[Report, GrowthClaim]:
    d = Doc().say(subject)
    fig = d.fig(str(current), "件", subject)
    b = None
    if basis is not None:
        d.say(",较上年")
        b = d.fig(str(basis), "件", "上年" + subject)
    d.say(",同比增长" if not rate.startswith("-") else ",同比下降")
    rate_fig = d.fig(rate.lstrip("-"), "%", subject + "增长", kind="growth")
    claim = GrowthClaim(
        figure=fig,
        rate=qty(rate, "%"),
        rate_figure=rate_fig,
        basis=b,
        direction="down" if rate.startswith("-") else "up",
        subject=subject,
        quote=d.text,
        span=(0, len(d.text)),
    )
    return d.report(claim), claim


def oracle_integer_priors(current: int, rate: str) -> list[int]:
    """Every positive integer prior whose exact growth rounds (half up) to ``rate``."""
    target = Fraction(Decimal(rate))
    places = places_of(rate)
    top = current * 10 + 1  # rates here are above -90%, so the prior is below 10x current
    return [
        p for p in range(1, top) if round_half_up(Fraction(current - p, p) * 100, places) == target
    ]


def only(results: list[lm.CheckResult], check_id: str) -> lm.CheckResult:
    mine = [r for r in results if r.check == check_id]
    assert len(mine) == 1, mine
    return mine[0]


# Written growth rates in percent, above -90%, with 0 to 2 decimals ("68.67", "-12.5", "20").
rates = st.builds(
    lambda whole, frac, places: (
        f"{whole}.{frac:02d}"[: len(str(whole)) + 1 + places] if places else str(whole)
    ),
    st.integers(-89, 300),
    st.integers(0, 99),
    st.sampled_from([0, 1, 2]),
)


# ---------------------------------------------------------------------------------------
# growth.implied_prior


def test_seed_growth_implies_466() -> None:
    rep, _ = growth_doc(786, "68.67")
    r = only(checks.check_growth_implied_prior(rep), "growth.implied_prior")
    assert r.status is Status.PASS
    assert r.severity is Severity.INFO
    assert r.details["candidates"] == range(466, 467)
    assert "466" in r.message
    assert "786" in r.message
    assert "2022" in r.message
    assert r.expected is not None
    assert r.expected.contains(466)
    assert not r.expected.contains(Fraction(46598, 100))
    assert r.expected.contains(Fraction(46599, 100))


def test_growth_without_integer_prior_fails() -> None:
    # 10 件 up 33.3%: priors 7 (42.86%) and 8 (25%) miss it; no integer works.
    rep, _ = growth_doc(10, "33.3")
    r = only(checks.check_growth_implied_prior(rep), "growth.implied_prior")
    assert r.status is Status.FAIL
    assert r.reason == "no_integer_prior"
    assert "10件" in r.message


def test_growth_with_printed_basis_is_verified() -> None:
    ok, _ = growth_doc(1113, "99.5", basis=558)
    bad, _ = growth_doc(1113, "99.5", basis=560)
    assert only(checks.check_growth_implied_prior(ok), "growth.implied_prior").status is Status.PASS
    r = only(checks.check_growth_implied_prior(bad), "growth.implied_prior")
    assert r.status is Status.FAIL
    assert r.reason == "growth_mismatch"
    assert "560件" in r.message


@pytest.mark.parametrize(
    ("current", "rate", "basis", "reason"),
    [
        (0, "10", None, "nonpositive_current"),
        (5, "10", 0, "nonpositive_prior"),
    ],
)
def test_growth_undecidable(current: int, rate: str, basis: int | None, reason: str) -> None:
    rep, _ = growth_doc(current, rate, basis=basis)
    r = only(checks.check_growth_implied_prior(rep), "growth.implied_prior")
    assert r.status is Status.UNDECIDABLE
    assert r.reason == reason


def test_growth_claim_without_figure_is_undecidable() -> None:
    claim = GrowthClaim(figure=None, rate=qty("20", "%"), quote="下降20%以上")
    r = only(
        checks.check_growth_implied_prior(Report(text="下降20%以上", claims=[claim])),
        "growth.implied_prior",
    )
    assert r.status is Status.UNDECIDABLE
    assert r.reason == "no_current_figure"


def test_fall_of_100_percent_or_more_fails() -> None:
    rep, _ = growth_doc(30, "-120")
    r = only(checks.check_growth_implied_prior(rep), "growth.implied_prior")
    assert r.status is Status.FAIL
    assert r.reason == "impossible_decline"


@settings(max_examples=100, deadline=None)
@given(current=st.integers(1, 1500), rate=rates)
def test_property_implied_prior_matches_oracle(current: int, rate: str) -> None:
    rep, _ = growth_doc(current, rate)
    r = only(checks.check_growth_implied_prior(rep), "growth.implied_prior")
    expected = oracle_integer_priors(current, rate)
    assert (r.status is Status.FAIL) == (not expected)
    if expected:
        assert list(r.details["candidates"]) == expected


@FAST
@given(
    current=st.integers(1, 3000),
    prior=st.integers(1, 3000),
    places=st.sampled_from([0, 1, 2]),
    nudge=st.sampled_from([0, 0, 1, -1, 7]),
)
def test_property_basis_matches_oracle(current: int, prior: int, places: int, nudge: int) -> None:
    exact = Fraction(current - prior, prior) * 100
    written = round_half_up(exact, places) + Fraction(nudge, 10**places)
    rate = format(Decimal(written.numerator) / Decimal(written.denominator), f".{places}f")
    rep, _ = growth_doc(current, rate, basis=prior)
    r = only(checks.check_growth_implied_prior(rep), "growth.implied_prior")
    holds = round_half_up(exact, places) == Fraction(Decimal(rate))
    assert r.status is (Status.PASS if holds else Status.FAIL)
    # The library's own single-case verifier agrees.
    assert lm.verify_growth(prior=prior, current=current, reported=rate).status is r.status


# ---------------------------------------------------------------------------------------
# growth.direction (within a report: the printed basis)


def test_direction_pass_fail_undecidable() -> None:
    up_ok, _ = growth_doc(600, "20", basis=500)
    up_bad, _ = growth_doc(400, "20", basis=500)
    assert only(checks.check_growth_direction(up_ok), "growth.direction").status is Status.PASS
    r = only(checks.check_growth_direction(up_bad), "growth.direction")
    assert r.status is Status.FAIL
    assert r.reason == "wrong_direction"
    assert "400件" in r.message
    assert "500件" in r.message
    # approximate values that overlap cannot show a direction
    d = Doc().say("办理")
    cur = d.fig("500", "件", "案件", qualifier=Qualifier.MORE_THAN)
    d.say(",较上年")
    basis = d.fig("520", "件", "上年案件", qualifier=Qualifier.ABOUT)
    claim = GrowthClaim(figure=cur, rate=qty("2", "%"), basis=basis, quote=d.text)
    r = only(checks.check_growth_direction(d.report(claim)), "growth.direction")
    assert r.status is Status.UNDECIDABLE


@FAST
@given(current=st.integers(1, 10**6), prior=st.integers(1, 10**6), down=st.booleans())
def test_property_direction(current: int, prior: int, down: bool) -> None:
    rep, _ = growth_doc(current, "-5" if down else "5", basis=prior)
    r = only(checks.check_growth_direction(rep), "growth.direction")
    wrong = current > prior if down else current < prior
    if wrong:
        assert r.status is Status.FAIL
    elif current == prior:
        assert r.status is Status.UNDECIDABLE
    else:
        assert r.status is Status.PASS


# ---------------------------------------------------------------------------------------
# share.granularity


def share_doc(
    total: int | None,
    rate: str,
    *,
    part: int | None = None,
    confidence: str = "stated",
    total_q: Qualifier = Qualifier.EXACT,
) -> Report:
    d = Doc().say("调解矛盾纠纷")
    t = d.fig(str(total), "宗", "调解矛盾纠纷", qualifier=total_q) if total is not None else None
    p = None
    if part is not None:
        d.say(",调解成功")
        p = d.fig(str(part), "宗", "调解成功")
    d.say(",成功率达")
    rf = d.fig(rate, "%", "成功率")
    claim = ShareClaim(
        rate=rf.quantity,
        rate_figure=rf,
        total=t,
        part=p,
        binding=_binding(confidence),
        quote=d.text,
    )  # type: ignore[arg-type]
    return d.report(claim)


def oracle_grim(n: int, rate: str) -> bool:
    target, places = Fraction(Decimal(rate)), places_of(rate)
    return any(round_half_up(Fraction(100 * k, n), places) == target for k in range(n + 1))


def oracle_bases(part: int, rate: str) -> list[int]:
    """Integer bases N >= part with part/N rounding to ``rate`` (the count read as a part)."""
    target, places = Fraction(Decimal(rate)), places_of(rate)
    unit = Fraction(1, 10**places)
    if target - unit <= 0:
        window = range(part, part * 10**places * 200 + 2)
    else:
        window = range(
            max(part, int(100 * part / (target + unit)) - 2), int(100 * part / (target - unit)) + 3
        )
    return [N for N in window if round_half_up(Fraction(100 * part, N), places) == target]


def test_share_seed_pass_and_failures() -> None:
    r = only(checks.check_share_granularity(share_doc(1497, "98.73")), "share.granularity")
    assert r.status is Status.PASS
    assert "1478" in r.message
    bad = only(checks.check_share_granularity(share_doc(1497, "98.74")), "share.granularity")
    assert bad.status is Status.FAIL
    assert bad.reason == "no_integer_count"
    # 50 items cannot give 94.3%, but 50 of 53 can: the count may be the part
    part_like = only(checks.check_share_granularity(share_doc(50, "94.3")), "share.granularity")
    assert part_like.status is Status.WARN
    assert part_like.reason == "count_may_be_part"
    assert "53" in part_like.message
    inferred = only(
        checks.check_share_granularity(share_doc(1497, "98.74", confidence="inferred")),
        "share.granularity",
    )
    assert inferred.status is Status.WARN
    part_bad = only(
        checks.check_share_granularity(share_doc(1113, "5.4", part=58)), "share.granularity"
    )
    assert part_bad.status is Status.FAIL
    assert part_bad.reason == "part_mismatch"
    assert "58宗" in part_bad.message


@pytest.mark.parametrize(
    ("total", "q", "reason"),
    [
        (None, Qualifier.EXACT, "no_total"),
        (5500, Qualifier.MORE_THAN, "approximate_total"),
        (0, Qualifier.EXACT, "nonpositive_total"),
    ],
)
def test_share_undecidable(total: int | None, q: Qualifier, reason: str) -> None:
    r = only(
        checks.check_share_granularity(share_doc(total, "98.73", total_q=q)), "share.granularity"
    )
    assert r.status is Status.UNDECIDABLE
    assert r.reason == reason


@FAST
@given(
    n=st.integers(1, 400),
    k=st.integers(0, 400),
    places=st.sampled_from([0, 1, 2]),
    nudge=st.sampled_from([0, 1, -1, 3]),
    inferred=st.booleans(),
)
def test_property_grim(n: int, k: int, places: int, nudge: int, inferred: bool) -> None:
    k = min(k, n)
    written = round_half_up(Fraction(100 * k, n), places) + Fraction(nudge, 10**places)
    if written < 0:
        written = Fraction(0)
    rate = format(Decimal(written.numerator) / Decimal(written.denominator), f".{places}f")
    rep = share_doc(n, rate, confidence="inferred" if inferred else "stated")
    r = only(checks.check_share_granularity(rep), "share.granularity")
    if oracle_grim(n, rate):
        assert r.status is Status.PASS
    elif inferred or oracle_bases(n, rate):
        assert r.status is Status.WARN
    else:
        assert r.status is Status.FAIL
    assert lm.check_share(total=n, reported=rate).passed is (r.status is Status.PASS)


# ---------------------------------------------------------------------------------------
# share.range


def rate_report(value: str, subject: str = "复议纠错率", q: Qualifier = Qualifier.EXACT) -> Report:
    d = Doc().say(subject + "为")
    d.fig(value, "%", subject, qualifier=q)
    return d.report()


def test_share_range_cases() -> None:
    assert only(checks.check_share_range(rate_report("63.10")), "share.range").status is Status.PASS
    r = only(checks.check_share_range(rate_report("100.4")), "share.range")
    assert r.status is Status.FAIL
    assert "100.4%" in r.message
    u = only(checks.check_share_range(rate_report("120", "任务完成率")), "share.range")
    assert u.status is Status.UNDECIDABLE
    assert u.reason == "may_exceed_100"
    # "超过100%" cannot be a share either, but 100%以上 can still be exactly 100%.
    assert (
        only(
            checks.check_share_range(rate_report("100", q=Qualifier.AT_LEAST)), "share.range"
        ).status
        is Status.PASS
    )


@FAST
@given(value=st.decimals(min_value=-50, max_value=250, places=2, allow_nan=False))
def test_property_share_range(value: Decimal) -> None:
    text = str(value)
    r = only(checks.check_share_range(rate_report(text)), "share.range")
    x, places = Fraction(value), places_of(text)
    holds = round_half_up(min(max(x, Fraction(0)), Fraction(100)), places) == x
    assert r.status is (Status.PASS if holds else Status.FAIL)


# ---------------------------------------------------------------------------------------
# share.all_100


def test_all_100_cases() -> None:
    ok = only(checks.check_share_all_100(share_doc(36, "100", part=36)), "share.all_100")
    assert ok.status is Status.PASS
    warn = only(checks.check_share_all_100(share_doc(400, "100", part=399)), "share.all_100")
    assert warn.status is Status.WARN
    assert warn.reason == "rounded_to_100"
    fail = only(checks.check_share_all_100(share_doc(40, "100", part=36)), "share.all_100")
    assert fail.status is Status.FAIL
    assert "36宗" in fail.message
    und = only(
        checks.check_share_all_100(share_doc(5500, "100", part=5500, total_q=Qualifier.MORE_THAN)),
        "share.all_100",
    )
    assert und.status is Status.UNDECIDABLE


def test_all_100_on_an_inferred_tie_warns_instead_of_failing() -> None:
    doc = share_doc(40, "100", part=36, confidence="inferred")
    r = only(checks.check_share_all_100(doc), "share.all_100")
    assert r.status is Status.WARN
    assert "inference" in r.message
    strict = checks.CheckConfig(inferred_share_status=Status.FAIL)
    r2 = only(checks.check_share_all_100(doc, config=strict), "share.all_100")
    assert r2.status is Status.FAIL


def test_all_100_with_pending_cases_in_the_same_section() -> None:
    d = Doc().say("办理政府信息公开申请")
    d.fig("120", "件", "办理政府信息公开申请")
    d.say(",按时办结率")
    d.fig("100", "%", "按时办结率")
    d.say(",另有")
    d.fig("3", "件", "未办结")
    r = only(checks.check_share_all_100(d.report()), "share.all_100")
    assert r.status is Status.WARN
    assert r.reason == "pending_count"
    # no pending count: nothing to say
    d2 = Doc().say("按时办结率")
    d2.fig("100", "%", "按时办结率")
    assert checks.check_share_all_100(d2.report()) == []


@FAST
@given(n=st.integers(1, 3000), missing=st.integers(0, 40), places=st.sampled_from([0, 1, 2]))
def test_property_all_100(n: int, missing: int, places: int) -> None:
    k = max(0, n - missing)
    rate = "100" if places == 0 else "100." + "0" * places
    r = only(checks.check_share_all_100(share_doc(n, rate, part=k)), "share.all_100")
    if k == n:
        assert r.status is Status.PASS
    elif round_half_up(Fraction(100 * k, n), places) == 100:
        assert r.status is Status.WARN
    else:
        assert r.status is Status.FAIL


# ---------------------------------------------------------------------------------------
# breakdowns


def breakdown_doc(
    total: str,
    parts: list[str],
    *,
    exhaustive: bool,
    units: list[str] | None = None,
    total_q: Qualifier = Qualifier.EXACT,
    confidence: Literal["stated", "inferred"] = "stated",
) -> Report:
    d = Doc().say("共收到申请")
    t = d.fig(total, "件", "收到申请", qualifier=total_q)
    d.say(",分别为" if exhaustive else ",其中")
    ps = []
    for i, p in enumerate(parts):
        d.say(f"第{i}类")
        ps.append(d.fig(p, (units or ["件"] * len(parts))[i], f"类别{i}"))
    claim = BreakdownClaim(
        total=t, parts=tuple(ps), exhaustive=exhaustive, binding=_binding(confidence), quote=d.text
    )
    return d.report(claim)


def test_part_exceeds_whole_cases() -> None:
    ok = checks.check_breakdown_part_exceeds_whole(breakdown_doc("100", ["60"], exhaustive=False))
    assert [r.status for r in ok] == [Status.PASS]
    bad = checks.check_breakdown_part_exceeds_whole(breakdown_doc("100", ["160"], exhaustive=False))
    assert [r.status for r in bad] == [Status.FAIL]
    assert "160件" in bad[0].message
    unit = checks.check_breakdown_part_exceeds_whole(
        breakdown_doc("100", ["160"], exhaustive=False, units=["人"])
    )
    assert [r.reason for r in unit] == ["unit_mismatch"]
    approx = checks.check_breakdown_part_exceeds_whole(
        breakdown_doc("5500", ["5550"], exhaustive=False, total_q=Qualifier.MORE_THAN)
    )
    assert [r.status for r in approx] == [Status.UNDECIDABLE]
    # 5500余 is [5500, 5600): 5650 cannot be a part of it
    over = checks.check_breakdown_part_exceeds_whole(
        breakdown_doc("5500", ["5650"], exhaustive=False, total_q=Qualifier.MORE_THAN)
    )
    assert [r.status for r in over] == [Status.FAIL]


def test_breakdown_sum_cases() -> None:
    ok = only(
        checks.check_breakdown_sum(
            breakdown_doc("236", ["48", "10", "28", "150"], exhaustive=True)
        ),
        "breakdown.sum",
    )
    assert ok.status is Status.PASS
    bad = only(
        checks.check_breakdown_sum(breakdown_doc("82", ["11", "8", "48", "9"], exhaustive=True)),
        "breakdown.sum",
    )
    assert bad.status is Status.FAIL
    assert "76" in bad.message
    partial = only(
        checks.check_breakdown_sum(breakdown_doc("231", ["221", "9"], exhaustive=False)),
        "breakdown.sum",
    )
    assert partial.status is Status.PASS
    mixed = only(
        checks.check_breakdown_sum(
            breakdown_doc("10", ["5", "5"], exhaustive=True, units=["件", "人"])
        ),
        "breakdown.sum",
    )
    assert mixed.status is Status.UNDECIDABLE


def test_breakdown_sum_inferred_completeness_warns() -> None:
    """A list only inferred to be complete (three outcomes of 办结的82件) WARNs; one the
    text says is complete (分别为) FAILs; the status is configurable."""
    inferred = breakdown_doc("82", ["11", "8", "48", "9"], exhaustive=True, confidence="inferred")
    stated = breakdown_doc("82", ["11", "8", "48", "9"], exhaustive=True, confidence="stated")
    warn = only(checks.check_breakdown_sum(inferred), "breakdown.sum")
    assert (warn.status, warn.reason) == (Status.WARN, "sum_mismatch")
    assert "inferred" in warn.message
    fail = only(checks.check_breakdown_sum(stated), "breakdown.sum")
    assert fail.status is Status.FAIL
    # a list that adds up passes whatever its confidence
    fine = breakdown_doc("76", ["11", "8", "48", "9"], exhaustive=True, confidence="inferred")
    assert only(checks.check_breakdown_sum(fine), "breakdown.sum").status is Status.PASS
    # configurable through CheckConfig and check()
    strict = checks.CheckConfig(inferred_sum_status=Status.FAIL)
    assert checks.CheckConfig().inferred_sum_status is Status.WARN
    assert only(checks.check_breakdown_sum(inferred, config=strict), "breakdown.sum").status is (
        Status.FAIL
    )
    via_check = lm.check(inferred, checks=["breakdown.sum"], inferred_sum_status=Status.FAIL)
    assert [r.status for r in via_check] == [Status.FAIL]
    default = lm.check(inferred, checks=["breakdown.sum"])
    assert [r.status for r in default] == [Status.WARN]
    # the inferred status never touches the share checks' own setting, nor the reverse
    assert (
        lm.check(inferred, checks=["breakdown.sum"], inferred_share_status=Status.FAIL)[0].status
        is Status.WARN
    )


def test_breakdown_sum_inferred_on_extracted_text() -> None:
    """End to end: three outcomes of a disposed total WARN, the same list with 分别为 FAILs."""
    shape = lm.extract("办结的82件中，予以公开11件，部分公开8件，不予公开48件，无法提供9件。")
    said = lm.extract(
        "办结82件，结果分别为：予以公开11件，部分公开8件，不予公开48件，无法提供9件。"
    )
    (w,) = [r for r in lm.check(shape, checks=["breakdown.sum"]) if r.status is not Status.PASS]
    assert w.status is Status.WARN
    (f,) = [r for r in lm.check(said, checks=["breakdown.sum"]) if r.status is not Status.PASS]
    assert f.status is Status.FAIL


@FAST
@given(
    parts=st.lists(st.integers(0, 5000), min_size=1, max_size=6),
    delta=st.integers(-3, 3),
    exhaustive=st.booleans(),
    inferred=st.booleans(),
)
def test_property_breakdown(parts: list[int], delta: int, exhaustive: bool, inferred: bool) -> None:
    total = max(0, sum(parts) + delta)
    rep = breakdown_doc(
        str(total),
        [str(p) for p in parts],
        exhaustive=exhaustive,
        confidence="inferred" if inferred else "stated",
    )
    s = only(checks.check_breakdown_sum(rep), "breakdown.sum")
    wrong = sum(parts) != total if exhaustive else sum(parts) > total
    bad = Status.WARN if inferred and exhaustive else Status.FAIL
    assert s.status is (bad if wrong else Status.PASS)
    each = checks.check_breakdown_part_exceeds_whole(rep)
    assert [r.status is Status.FAIL for r in each] == [p > total for p in parts]


# ---------------------------------------------------------------------------------------
# duplicate.value


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
    assert r.status is Status.WARN
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
    assert [
        r for r in checks.check_duplicate_value(dup_doc(a, b, **kw)) if r.status is Status.WARN
    ] == []


def test_duplicate_rate_with_three_digits_warns_and_unknown_subject_is_undecidable() -> None:
    r = only(
        checks.check_duplicate_value(dup_doc("98.73", "98.73", ua="%", ub="%")), "duplicate.value"
    )
    assert r.status is Status.WARN
    u = only(checks.check_duplicate_value(dup_doc("786", "786", sb="")), "duplicate.value")
    assert u.status is Status.UNDECIDABLE
    assert u.reason == "unknown_subject"


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
    rep = dup_doc(str(a), str(b))
    res = lm.check(rep, checks=["duplicate.value"], duplicate_min_digits=min_digits)
    warned = any(r.status is Status.WARN for r in res)
    assert warned == (a == b and sig_digits(a) >= min_digits)


# ---------------------------------------------------------------------------------------
# pp_change.rates (within a report)


def pp_doc(prior: str | None, current: str | None, pp: str, *, down: bool = False) -> Report:
    d = Doc().say("败诉率")
    cur = d.fig(current, "%", "败诉率") if current is not None else None
    b = None
    if prior is not None:
        d.say(",上年为")
        b = d.fig(prior, "%", "上年败诉率")
    d.say(",下降" if down else ",提高")
    rf = d.fig(pp, "个百分点", "败诉率变化", kind="pp_change")
    rate = qty(("-" + pp) if down else pp, "个百分点")
    claim = PPChangeClaim(
        rate=rate,
        rate_figure=rf,
        figure=cur,
        basis=b,
        direction="down" if down else "up",
        quote=d.text,
    )
    return d.report(claim)


def test_pp_change_cases() -> None:
    ok = only(checks.check_pp_change_rates(pp_doc("41.8", "73.55", "31.75")), "pp_change.rates")
    assert ok.status is Status.PASS
    bad = only(
        checks.check_pp_change_rates(pp_doc("41.8", "15", "12.15", down=True)), "pp_change.rates"
    )
    assert bad.status is Status.FAIL
    assert "41.8%" in bad.message
    assert "15%" in bad.message
    info = only(
        checks.check_pp_change_rates(pp_doc(None, "31.5", "18.8", down=True)), "pp_change.rates"
    )
    assert info.status is Status.PASS
    assert info.expected is not None
    assert info.expected.contains(Fraction(503, 10))
    und = only(checks.check_pp_change_rates(pp_doc(None, None, "3.2")), "pp_change.rates")
    assert und.status is Status.UNDECIDABLE


def test_pp_change_uses_only_the_claims_basis() -> None:
    """The check reads the prior from ``claim.basis``, never from the sentence's text: a
    claim left without a basis gives the implied prior rate, not a comparison."""
    d = Doc().say("败诉率")
    cur = d.fig("15", "%", "败诉率")
    d.say(",下降")
    rf = d.fig("12.15", "个百分点", "败诉率变化", kind="pp_change")
    d.say("(上年为")
    d.fig("41.8", "%", "败诉率")
    d.say(")")
    claim = PPChangeClaim(
        rate=qty("-12.15", "个百分点"), rate_figure=rf, figure=cur, direction="down", quote=d.text
    )
    r = only(checks.check_pp_change_rates(d.report(claim)), "pp_change.rates")
    assert (r.status, r.reason) == (Status.PASS, "implied_rate")
    # extraction ties that printed prior, and then the check compares the two rates
    rep = lm.extract("败诉率为15%,较上年下降12.15个百分点(上年为41.8%)。")
    (pp,) = rep.claims_of("pp_change")
    assert pp.basis is not None
    assert pp.basis.value == Decimal("41.8")
    r2 = only(list(lm.check(rep, checks=["pp_change.rates"])), "pp_change.rates")
    assert (r2.status, r2.reason) == (Status.FAIL, "pp_mismatch")


def test_growth_uses_only_the_claims_basis() -> None:
    """A growth claim whose figure is the printed prior is not re-tied by the checks."""
    rep = lm.extract("全年受理行政复议申请691件，较2022年的558件增长23.8%。")
    (g,) = rep.claims_of("growth")
    assert g.basis is not None
    assert g.basis.value == 558
    assert not hasattr(checks, "_repaired")
    assert not hasattr(checks, "_written_basis")
    r = only(list(lm.check(rep, checks=["growth.implied_prior"])), "growth.implied_prior")
    assert r.status is Status.PASS
    # 691 / 558 = 1.2384: a printed 20.0% growth from 558 cannot reach 691
    bad = lm.extract("全年受理行政复议申请691件，较2022年的558件增长20.0%。")
    r = only(list(lm.check(bad, checks=["growth.implied_prior"])), "growth.implied_prior")
    assert (r.status, r.reason) == (Status.FAIL, "growth_mismatch")


def half_up_interval(text: str) -> tuple[Fraction, Fraction]:
    """``[lo, hi)`` (mirrored below 0) that a half-up written decimal stands for."""
    x, h = Fraction(Decimal(text)), Fraction(1, 2 * 10 ** places_of(text))
    return x - h, x + h


def dec(x: Fraction, places: int) -> str:
    return format(Decimal(x.numerator) / Decimal(x.denominator), f".{places}f")


@FAST
@given(
    a=st.integers(0, 10000),
    b=st.integers(0, 10000),
    pa=st.sampled_from([0, 1, 2]),
    pb=st.sampled_from([0, 1, 2]),
    pp_places=st.sampled_from([0, 1, 2]),
    nudge=st.integers(-30, 30),
)
def test_property_pp_change(a: int, b: int, pa: int, pb: int, pp_places: int, nudge: int) -> None:
    prior = dec(Fraction(a % (100 * 10**pa) + 1, 10**pa), pa)  # a positive rate up to 100%
    current = dec(Fraction(b % (100 * 10**pb) + 1, 10**pb), pb)
    diff = Fraction(Decimal(current)) - Fraction(Decimal(prior))
    written = abs(round_half_up(abs(diff), pp_places) + Fraction(nudge, 10**pp_places))
    down = diff < 0
    pp = dec(written, pp_places)
    r = only(checks.check_pp_change_rates(pp_doc(prior, current, pp, down=down)), "pp_change.rates")
    # Oracle: the true rates lie in their half-up cells [lo, hi), so the true change
    # t_b - t_a ranges over the open interval (b_lo - a_hi, b_hi - a_lo); the written
    # change stands for [p - h, p + h) (for p > 0; mirrored to (-p - h, -p + h] for a fall,
    # and (-h, h) for a written 0).
    alo, ahi = half_up_interval(prior)
    blo, bhi = half_up_interval(current)
    low, high = blo - ahi, bhi - alo
    p, h = Fraction(Decimal(pp)), Fraction(1, 2 * 10**pp_places)
    if p == 0:
        holds = -h < high and low < h
    elif down:
        holds = -p - h < high and low < -p + h
    else:
        holds = p - h < high and low < p + h
    assert r.status is (Status.PASS if holds else Status.FAIL)


# ---------------------------------------------------------------------------------------
# check(): configuration, robustness, coverage counts


def test_check_runs_the_catalogue_and_counts_figures() -> None:
    rep, _ = growth_doc(786, "68.67")
    res = lm.check(rep)
    assert isinstance(res, lm.CheckReport)
    assert res.n_figures == 2
    assert res.n_testable == 2
    assert res.by_check("growth.implied_prior")[0].status is Status.PASS
    assert res.reports == ("测试区 2023",)
    assert set(checks.CHECKS) == {
        "growth.implied_prior",
        "growth.prior_report",
        "growth.direction",
        "share.granularity",
        "share.range",
        "share.all_100",
        "breakdown.part_exceeds_whole",
        "breakdown.sum",
        "duplicate.value",
        "pp_change.rates",
        "streak.sequence",
        "restated.figure",
        "disclosure.template",
        "disclosure.t3_balance",
        "disclosure.t3_outcomes",
        "disclosure.t3_applicants",
        "disclosure.t4_blocks",
        "disclosure.prose",
        "disclosure.carry_over",
        "disclosure.stock",
        "disclosure.cross_document",
    }
    for spec in checks.CHECKS.values():
        assert spec.function.__doc__
        assert spec.id in spec.function.__doc__


def test_check_selection_and_errors() -> None:
    rep, _ = growth_doc(10, "33.3")
    assert {r.check for r in lm.check(rep, checks=["growth"])} <= {
        "growth.implied_prior",
        "growth.direction",
        "growth.prior_report",
    }
    assert lm.check(rep, exclude=["growth.implied_prior"]).failures == []
    with pytest.raises(ValueError, match="unknown check 'nope'"):
        lm.check(rep, checks=["nope"])
    with pytest.raises(ValueError, match="rounding scheme"):
        lm.check(rep, scheme="banker")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="duplicate_min_digits"):
        lm.check(rep, duplicate_min_digits=0)
    with pytest.raises(TypeError, match="Report"):
        lm.check("收到786宗")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="item 1"):
        lm.check([rep, 3])  # type: ignore[list-item]


def test_severity_override_and_scheme() -> None:
    rep, _ = growth_doc(10, "33.3")
    res = lm.check(rep, severity={"growth.implied_prior": Severity.WARNING})
    assert res.failures[0].severity is Severity.WARNING
    # 29/9 - 1 = 2.2222 → written "222.23" needs rounding up: half_up fails, ceiling passes
    rep2, _ = growth_doc(29, "222.23")
    assert lm.check(rep2, checks=["growth.implied_prior"]).failures
    assert not lm.check(rep2, checks=["growth.implied_prior"], scheme="ceiling").failures


def test_internal_error_becomes_undecidable(monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(report: Report, config: checks.CheckConfig) -> list[lm.CheckResult]:
        raise RuntimeError("kaboom")

    spec = checks.CHECKS["share.range"]
    import attrs

    broken = attrs.evolve(spec, per_report=boom)
    monkeypatch.setattr(checks, "CHECKS", {**checks.CHECKS, "share.range": broken})
    rep, _ = growth_doc(786, "68.67")
    res = lm.check([rep, rep])
    crashed = res.by_check("share.range")
    assert [r.reason for r in crashed] == ["internal_error", "internal_error"]
    assert "kaboom" in crashed[0].message
    assert res.by_check("growth.implied_prior")  # the rest of the batch still ran


def test_empty_and_odd_reports_never_crash() -> None:
    assert len(lm.check(Report(text=""))) == 0
    assert lm.check([]).n_figures == 0
    # a figure that is a negative count, a zero total, a NaN-free but odd unit
    d = Doc().say("减少")
    neg = d.fig("-5", "件", "案件")
    claim = GrowthClaim(figure=neg, rate=qty("10", "%"), quote=d.text)
    res = lm.check(d.report(claim, year=None))
    assert res.by_check("growth.implied_prior")[0].status is Status.UNDECIDABLE


def test_subject_key_and_similarity() -> None:
    assert checks.subject_key("新收行政复议申请") == checks.subject_key("受理 行政复议申请")
    assert checks.subject_key("办理政府信息公开申请") != checks.subject_key("行政复议申请")
    assert checks.subject_key("") == ""


# ---------------------------------------------------------------------------------------
# fuzz: arbitrary text through extract() and check() never crashes a batch

_PIECES = st.sampled_from(
    [
        "收到行政复议申请",
        "786宗",
        "同比增长",
        "68.67%",
        "下降",
        "-12.5%",
        "共",
        "其中",
        "分别为",
        "件",
        "办结率",
        "100%",
        "占比",
        "连续四年",
        "获评优秀",
        "提高",
        "3.2个百分点",
        "较2022年",
        "558件",
        "5500余宗",
        "近万件",
        "0件",
        "%%",
        "。",
        ",",
        "\n",
        "2023年",
        "〔2022〕6号",
    ]
)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.one_of(_PIECES, st.text(max_size=8)), max_size=30),
    st.sampled_from([None, 2022, 2023]),
)
def test_fuzz_check_never_crashes(pieces: list[str], year: int | None) -> None:
    text = "".join(pieces)
    reports = [
        lm.extract(text, jurisdiction="测试区", year=year),
        lm.extract(text, jurisdiction="测试区", year=2022),
    ]
    res = lm.check(reports)
    assert [r for r in res if r.reason == "internal_error"] == []
    assert 0 <= res.n_testable <= res.n_figures
