"""Seeded mutations: change one figure of a real or written report at a time and show
that each check fires exactly when the exact truth (a Fraction oracle) says it should.

The texts are extracted with :func:`lawgov_metrics.extract`, so these tests cover the
whole path from text to verdict. Each test collects ``(agree, total)`` for its check and
asserts full agreement; ``test_agreement_summary`` prints the figures (``pytest -s``).
"""

from __future__ import annotations

import pathlib
from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction

import pytest
from oracles import places_of, round_half_up

import lawgov_metrics as lm
from lawgov_metrics.results import Status

HERE = pathlib.Path(__file__).parent
SEED = HERE.parent / "examples" / "data" / "huadu-2023.txt"
PRIOR = HERE / "data_checks" / "huadu-2022.txt"
COUNTY = HERE / "data_checks" / "testcounty-2023.txt"

AGREEMENT: dict[str, tuple[int, int]] = {}


def rounds(x: Fraction, written: str) -> bool:
    return round_half_up(x, places_of(written)) == Fraction(Decimal(written))


def mutate(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def fired(report: lm.Report | list[lm.Report], check_id: str, *statuses: Status) -> bool:
    res = lm.check(report, checks=[check_id])
    return any(r.status in statuses for r in res)


def tally(check_id: str, cases: list[tuple[str, bool]], fires: Callable[[str], bool]) -> None:
    agree = sum(fires(text) == expected for text, expected in cases)
    AGREEMENT[check_id] = (agree, len(cases))
    assert agree == len(cases), f"{check_id}: {agree}/{len(cases)}"


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def test_genuine_reports_give_no_fail() -> None:
    texts = [seed_text(), PRIOR.read_text(encoding="utf-8"), COUNTY.read_text(encoding="utf-8")]
    reports = [lm.extract(t) for t in texts]
    for rep in reports:
        assert lm.check(rep).failures == [], rep.label
    assert lm.check(reports).failures == []


def test_mutate_seed_growth_current() -> None:
    text = seed_text()
    cases = []
    for v in range(770, 801):
        mutated = mutate(text, "行政复议申请786宗", f"行政复议申请{v}宗")
        holds = any(rounds(Fraction(v - p, p) * 100, "68.67") for p in range(1, v))
        cases.append((mutated, not holds))
    tally(
        "growth.implied_prior (seed, current)",
        cases,
        lambda t: fired(lm.extract(t), "growth.implied_prior", Status.FAIL),
    )


def test_mutate_seed_growth_rate() -> None:
    text = seed_text()
    cases = []
    for hundredths in range(6850, 6885):
        rate = f"{hundredths // 100}.{hundredths % 100:02d}"
        mutated = mutate(text, "68.67%", f"{rate}%")
        holds = any(rounds(Fraction(786 - p, p) * 100, rate) for p in range(1, 786))
        cases.append((mutated, not holds))
    tally(
        "growth.implied_prior (seed, rate)",
        cases,
        lambda t: fired(lm.extract(t), "growth.implied_prior", Status.FAIL),
    )


def test_mutate_seed_duplicate() -> None:
    text = seed_text()
    cases = [(text, True)]
    for v in (785, 787, 78, 7860, 1497, 2583):
        mutated = mutate(text, "申请案件786件", f"申请案件{v}件")
        # Oracle: a duplicate needs an equal value with >= 3 significant digits on
        # another indicator; 1497 and 2583 repeat other figures of the seed.
        cases.append((mutated, v in (1497, 2583)))
    tally(
        "duplicate.value (seed)",
        cases,
        lambda t: fired(lm.extract(t), "duplicate.value", Status.WARN),
    )


def test_cross_year_prior_report() -> None:
    seed = lm.extract(seed_text())
    prior = PRIOR.read_text(encoding="utf-8")
    cases = []
    for v in range(455, 478):
        holds = rounds(Fraction(786 - v, v) * 100, "68.67")
        cases.append((mutate(prior, "466宗", f"{v}宗"), not holds))
    tally(
        "growth.prior_report (2022 vs seed)",
        cases,
        lambda t: fired([lm.extract(t), seed], "growth.prior_report", Status.FAIL),
    )
    # the brief's two named cases
    assert not fired([lm.extract(prior), seed], "growth.prior_report", Status.FAIL)
    assert fired(
        [lm.extract(mutate(prior, "466宗", "467宗")), seed], "growth.prior_report", Status.FAIL
    )


def test_cross_year_streak() -> None:
    seed = lm.extract(seed_text())
    prior = PRIOR.read_text(encoding="utf-8")
    words = {2: "两", 3: "三", 4: "四", 5: "五", 6: "六"}
    cases = []
    for m, word in words.items():
        # The seed says 连续四年: 2022 must say 连续三年; fewer is a jump (FAIL).
        cases.append((mutate(prior, "连续三年", f"连续{word}年"), m < 3))
    tally(
        "streak.sequence (2022 vs seed)",
        cases,
        lambda t: fired([lm.extract(t), seed], "streak.sequence", Status.FAIL),
    )


def county() -> str:
    return COUNTY.read_text(encoding="utf-8")


def test_mutate_breakdown() -> None:
    text = county()
    cases = []
    for v in range(230, 251):
        cases.append((mutate(text, "行政复议申请240件", f"行政复议申请{v}件"), v != 240))
    tally(
        "breakdown.sum (county)",
        cases,
        lambda t: fired(lm.extract(t), "breakdown.sum", Status.FAIL),
    )
    parts = []
    for v in (100, 200, 239, 240, 241, 300):
        parts.append((mutate(text, "维持决定120件", f"维持决定{v}件"), v > 240))
    tally(
        "breakdown.part_exceeds_whole (county)",
        parts,
        lambda t: fired(lm.extract(t), "breakdown.part_exceeds_whole", Status.FAIL),
    )


def test_mutate_share() -> None:
    text = county()
    cases = []
    for hundredths in range(9750, 9781):
        rate = f"{hundredths // 100}.{hundredths % 100:02d}"
        grim = any(rounds(Fraction(100 * k, 812), rate) for k in range(813))
        cases.append((mutate(text, "97.66%", f"{rate}%"), not grim))
    tally(
        "share.granularity (county, rate)",
        cases,
        lambda t: fired(lm.extract(t), "share.granularity", Status.FAIL, Status.WARN),
    )
    totals = []
    for n in range(800, 825):
        grim = any(rounds(Fraction(100 * k, n), "97.66") for k in range(n + 1))
        totals.append((mutate(text, "812宗", f"{n}宗"), not grim))
    tally(
        "share.granularity (county, total)",
        totals,
        lambda t: fired(lm.extract(t), "share.granularity", Status.FAIL, Status.WARN),
    )


def test_mutate_share_range() -> None:
    text = county()
    cases = []
    for value in ("97.66", "99.99", "100", "100.01", "100.4", "101", "150"):
        cases.append((mutate(text, "97.66%", f"{value}%"), Fraction(Decimal(value)) > 100))
    tally("share.range (county)", cases, lambda t: fired(lm.extract(t), "share.range", Status.FAIL))


def test_mutate_growth_county() -> None:
    text = county()
    cases = []
    for v in range(125, 146):
        holds = any(rounds(Fraction(v - p, p) * 100, "12.5") for p in range(1, v))
        cases.append((mutate(text, "申请135件", f"申请{v}件"), not holds))
    tally(
        "growth.implied_prior (county)",
        cases,
        lambda t: fired(lm.extract(t), "growth.implied_prior", Status.FAIL),
    )


@pytest.mark.parametrize("dummy", [0])
def test_agreement_summary(dummy: int) -> None:
    # Runs last in file order; prints the agreement figures collected above.
    for check_id, (agree, total) in AGREEMENT.items():
        print(f"{check_id}: {agree}/{total}")
    assert all(a == t for a, t in AGREEMENT.values())
