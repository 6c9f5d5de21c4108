"""report_texts against a Fraction oracle, the reader and the checks.

The oracle (``relation_holds`` here, on the arithmetic of ``tests/oracles.py``) judges each
relation from the figures' printed values alone, apart from the strategy's ``holds``. The
counting tests print what they measured (``pytest -s``): the tie rates of consistent growth
and shares, the near-miss rate of inconsistent texts, and how many texts and figures were
read back.
"""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from fractions import Fraction

import attrs
import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument
from oracles import (
    change_reachable,
    growth_reachable,
    is_tie,
    round_half_up,
    share_fits_half_up,
)

import lawgov_metrics as lm
from lawgov_metrics import Status
from lawgov_metrics.numerals import CHINESE_NUMERAL_CHARS
from lawgov_metrics.strategies import (
    MISTAKES_OF_TEXTS,
    NUMERAL_STYLES,
    RELATION_CHECKS,
    SCRIPTS,
    STRUCTURES,
    ReportText,
    TextFigure,
    TextRelation,
    report_texts,
)
from lawgov_metrics.strategies._script import to_traditional

#: Drawing a text costs about 30 ms and reading and checking it as much again.
MANY = settings(max_examples=1000, suppress_health_check=[HealthCheck.too_slow])
#: The relations that a single text can break (all but plain counts and streaks).
BREAKABLE = [s for s in STRUCTURES if s not in ("counts", "streak")]
ANY_TEXT = st.builds(
    dict,
    consistent=st.booleans(),
    script=st.sampled_from(SCRIPTS),
    numerals=st.sampled_from(NUMERAL_STYLES),
    structures=st.one_of(st.none(), st.lists(st.sampled_from(BREAKABLE), min_size=1)),
).flatmap(lambda kw: report_texts(**kw))


def texts(**kw: object) -> st.SearchStrategy[ReportText]:
    """Texts in any script and numeral style, with the other options given."""
    return st.tuples(st.sampled_from(SCRIPTS), st.sampled_from(NUMERAL_STYLES)).flatmap(
        lambda sn: report_texts(script=sn[0], numerals=sn[1], **kw)  # type: ignore[arg-type]
    )


def report(title: str, seen: Counter[str], n: int) -> None:
    shown = ", ".join(f"{k} {v}/{n} ({v / n:.1%})" for k, v in sorted(seen.items()))
    print(f"\n{title} over {n}: {shown}")


# ---------------------------------------------------------------------------------------
# the oracle


def places(f: TextFigure) -> int:
    exp = f.value.as_tuple().exponent
    assert isinstance(exp, int)
    return max(0, -exp)


def signed(f: TextFigure) -> Fraction:
    return f.sign * Fraction(f.value)


def n(f: TextFigure) -> int:
    assert f.unit != "%", f
    assert f.value == f.value.to_integral_value(), f
    return int(f.value)


def relation_holds(r: TextRelation) -> bool:
    """Whether the printed figures of ``r`` can all be true, by exact arithmetic alone."""
    one = {role: fs[0] for role in set(r.roles) if len(fs := r.role(role)) == 1}
    parts = sum(n(p) for p in r.role("part"))
    if r.kind == "growth":
        rate = one["rate"]
        if "prior" in one:
            g = Fraction(100 * (n(one["current"]) - n(one["prior"])), n(one["prior"]))
            return round_half_up(g, places(rate)) == signed(rate)
        return growth_reachable(n(one["current"]), signed(rate), places(rate))
    if r.kind == "share":
        rate, total = one["rate"], n(one["total"])
        ks = [n(one["part"])] if "part" in one else range(total + 1)
        return any(share_fits_half_up(k, total, Fraction(rate.value), places(rate)) for k in ks)
    if r.kind in ("sum", "part_of"):
        if "handled" in one:  # 办理…N件,包括上年结转M件
            whole, parts = n(one["handled"]), n(one["carried_in"])
        elif "received" in one:  # 收到N件,上年结转M件,其中…: the parts of both
            whole = n(one["received"]) + n(one["carried_in"])
        else:
            whole = n(one["total"])
        return parts == whole if r.kind == "sum" else parts <= whole
    if r.kind == "balance":
        got = n(one["concluded"]) + n(one["carried_out"])
        if "handled" in one:
            return n(one["handled"]) == got and n(one["carried_in"]) <= got
        return n(one["received"]) + n(one["carried_in"]) == got
    if r.kind == "pp_change":
        p, c, ch = one["prior"], one["current"], one["change"]
        assert places(p) == places(c) == places(ch)
        return change_reachable(Fraction(p.value), Fraction(c.value), signed(ch), places(ch))
    assert r.kind == "streak"
    assert r.years is not None
    assert 2 <= r.years <= 9
    return True


def _judge(t: ReportText, seen: Counter[str]) -> None:
    """Every relation of ``t`` against the oracle; what was reached goes into ``seen``."""
    for r in t.relations:
        assert relation_holds(r) == r.holds, (t.text, r)
    if t.broken is None:
        assert all(r.holds for r in t.relations)
    else:
        assert t.broken in t.relations
        assert t.broken.kind != "streak"
        assert t.broken.mistake in MISTAKES_OF_TEXTS
        seen["broken"] += 1
        seen[f"broken {t.broken.mistake}"] += 1
    for r in t.relations_of(["growth", "share"]):
        # the exact value behind the rate: what the text prints, or its near miss
        rate = r.role("rate")[0]
        assert r.exact is not None
        shown = 0 if r.kind == "share" and rate.value == 100 else places(rate)
        assert (round_half_up(r.exact, shown) == signed(rate)) == r.holds, (t.text, r)
        if r.kind == "growth" and not r.role("prior"):  # the prior behind it is whole
            prior = 100 * n(r.role("current")[0]) / (100 + r.exact)
            assert prior.denominator == 1, (t.text, r)
            assert prior >= 1, (t.text, r)
        if r.holds:
            seen[r.kind] += 1
            seen[f"{r.kind} tie"] += is_tie(r.exact, places(rate))


def test_relations_honour_consistent_against_the_oracle() -> None:
    """Every relation holds exactly when the oracle says so; and of what was drawn, about a
    third of consistent growth and shares sit at exact ties, most broken relations are near
    misses."""
    seen: Counter[str] = Counter()

    @MANY
    @given(ANY_TEXT)
    def judge(t: ReportText) -> None:
        _judge(t, seen)

    judge()
    assert seen["growth"]
    assert seen["share"]
    assert seen["broken"]
    growth, share = seen["growth tie"] / seen["growth"], seen["share tie"] / seen["share"]
    near = (seen["broken one_unit"] + seen["broken other_scheme"]) / seen["broken"]
    kinds = ", ".join(f"{k[7:]} {v}" for k, v in sorted(seen.items()) if k[:7] == "broken ")
    print(f"\ntie rates: growth {growth:.1%} of {seen['growth']}, share {share:.1%} of "
          f"{seen['share']}; near misses {near:.1%} of {seen['broken']} ({kinds})")  # fmt: skip
    assert 0.2 <= growth <= 0.5
    assert 0.15 <= share <= 0.5
    assert near >= 0.6
    assert seen["broken other_scheme"]
    assert seen["broken sign"]


# ---------------------------------------------------------------------------------------
# validity, options, arguments


@given(ANY_TEXT)
def test_drawn_texts_are_valid_records(t: ReportText) -> None:
    again = attrs.evolve(t)  # the validators run again
    assert again == t
    for f in t.figures:
        assert t.text[f.span[0] : f.span[1]] == f.quote
        assert isinstance(f.value, Decimal)
        assert f.value >= 0
    for r in t.relations:
        assert set(r.checks) <= set(lm.CHECKS)
        assert t.text[r.span[0] : r.span[1]]
    assert set(t.structures) <= set(STRUCTURES)


@given(st.lists(st.sampled_from(BREAKABLE), min_size=1, unique=True), st.booleans(), st.data())
def test_structures_are_honoured(chosen: list[str], consistent: bool, data: st.DataObject) -> None:
    t = data.draw(report_texts(consistent=consistent, structures=chosen))
    assert set(t.structures) <= set(chosen)
    assert t.consistent == consistent
    assert {r.structure for r in t.relations} <= set(chosen)


@given(report_texts(script="traditional"))
def test_traditional_texts_have_no_simplified_template_words(t: ReportText) -> None:
    assert to_traditional(t.text) == t.text


@given(report_texts(numerals="fullwidth"))
def test_fullwidth_texts_write_every_digit_full_width(t: ReportText) -> None:
    for f in t.figures:
        assert not any(ch.isascii() and ch.isdigit() for ch in f.quote), f.quote


def test_chinese_numerals_are_drawn() -> None:
    t = find(
        report_texts(numerals="chinese", structures=["list"]),
        lambda t: any(ch in CHINESE_NUMERAL_CHARS for f in t.figures for ch in f.quote),
    )
    assert any(f.unit in f.quote and not any(c.isdigit() for c in f.quote) for f in t.figures)


@pytest.mark.parametrize(
    ("kw", "match"),
    [
        ({"script": "cantonese"}, "script"),
        ({"numerals": "roman"}, "numerals"),
        ({"structures": ["prose"]}, "structures"),
        ({"structures": []}, "structures"),
        ({"consistent": "yes"}, "consistent"),
        ({"consistent": False, "structures": ["counts", "streak"]}, "consistent=False"),
        ({"min_sentences": 0}, "min_sentences"),
        ({"max_sentences": 41}, "max_sentences"),
        ({"min_sentences": 4, "max_sentences": 3}, "min_sentences"),
        ({"distractors": 1}, "distractors"),
    ],
)
def test_bad_arguments_are_refused_by_name(kw: dict[str, object], match: str) -> None:
    with pytest.raises(InvalidArgument, match=match):
        report_texts(**kw).example()  # type: ignore[arg-type]


def test_the_records_refuse_what_cannot_be() -> None:
    f = TextFigure(value=Decimal(12), unit="件", quote="12件", span=(4, 7))
    with pytest.raises(ValueError, match="span"):
        TextFigure(value=Decimal(12), unit="件", quote="12件", span=(4, 6))
    with pytest.raises(ValueError, match="sign"):
        TextFigure(value=Decimal(12), unit="件", quote="12件", span=(4, 7), sign=-1)
    with pytest.raises(ValueError, match="not '12件'"):
        ReportText(text="办理案件13件。", figures=(f,), relations=(), structures=("counts",),
                   script="simplified", numerals="arabic")  # fmt: skip
    bad = TextRelation(structure="list", shape="partial", kind="part_of", roles=("total",),
                       figures=(f,), holds=False, mistake="one_unit", span=(4, 7))  # fmt: skip
    with pytest.raises(ValueError, match="broken"):
        ReportText(text="办理案件12件。", figures=(f,), relations=(bad,),
                   structures=("list",), script="simplified", numerals="arabic")  # fmt: skip
    with pytest.raises(ValueError, match="mistake"):
        attrs.evolve(bad, holds=True)


# ---------------------------------------------------------------------------------------
# through the reader and the checks

READ: Counter[str] = Counter()


def figures_of(report: lm.Report) -> list[tuple[object, ...]]:
    return [
        (f.span, f.quote, f.quantity.value, f.quantity.unit, f.quantity.qualifier)
        for f in report.figures
    ]


def expected(t: ReportText) -> list[tuple[object, ...]]:
    return [(f.span, f.quote, f.value, f.unit, f.qualifier) for f in t.figures]


@given(ANY_TEXT)
def test_extract_recovers_exactly_the_figures(t: ReportText) -> None:
    report = lm.extract(t.text)
    assert figures_of(report) == expected(t), t.text
    for f in report.figures:  # offsets point at the quoted text
        assert t.text[f.span[0] : f.span[1]] == f.quote
    READ["texts"] += 1
    READ["figures"] += len(t.figures)


def test_read_back_counts() -> None:
    print(f"\nread back: {READ['texts']} texts, {READ['figures']} figures")
    assert READ["texts"] > 0


def describe(t: ReportText, results: lm.CheckReport) -> str:
    shown = "\n".join(
        f"{r.check} {r.status.name}: {r.message}" for r in results if r.status is not Status.PASS
    )
    return f"{t.text}\n{shown}"


@given(texts(consistent=True))
def test_check_never_fails_a_consistent_text(t: ReportText) -> None:
    results = lm.check(lm.extract(t.text))
    assert not results.failures, describe(t, results)


FLAGGED: Counter[str] = Counter()


@given(texts(consistent=False))
def test_check_flags_an_inconsistent_text(t: ReportText) -> None:
    assert t.broken is not None
    results = lm.check(lm.extract(t.text))
    ids = set(t.broken.checks)
    failed = any(r.check in ids and r.status is Status.FAIL for r in results)
    warned = any(r.check in ids and r.status is Status.WARN for r in results)
    FLAGGED[f"{t.broken.structure}/{t.broken.shape} {'stated' if t.broken.stated else 'not'}"] += 1
    if t.broken.stated:
        assert failed, describe(t, results)
    else:
        assert failed or warned, describe(t, results)


def test_detection_by_structure() -> None:
    """Print which broken structures the test above drew (``pytest -s``)."""
    print(
        "\nflagged broken relations: " + ", ".join(f"{k} {v}" for k, v in sorted(FLAGGED.items()))
    )
    assert sum(FLAGGED.values()) > 0


@pytest.mark.parametrize("kind", sorted(RELATION_CHECKS))
def test_each_kind_of_relation_names_registered_checks(kind: str) -> None:
    assert set(RELATION_CHECKS[kind]) <= set(lm.CHECKS)


# ---------------------------------------------------------------------------------------
# golden texts of the forms the generator found


def test_a_traditional_complete_list_is_read_and_its_sum_checked() -> None:
    text = "全年受理行政執法投訴舉報190件，分別為當面申請163件、網絡申請26件。"
    (b,) = lm.extract(text).claims_of("breakdown")
    assert isinstance(b, lm.BreakdownClaim)
    assert b.exhaustive
    assert b.binding is lm.Binding.STATED
    (fail,) = lm.check(lm.extract(text)).failures
    assert fail.check == "breakdown.sum"


def test_a_share_printed_as_100_is_judged_to_whole_percents() -> None:
    # 999 of 1000 is 99.9%: printed 100% it is within [99.5, 100], so it is no mistake
    assert share_fits_half_up(999, 1000, Fraction(100), 0)
    t = find(
        report_texts(consistent=False, structures=["share"]),
        lambda t: t.broken is not None and t.broken.role("rate")[0].value == 100,
    )
    assert t.broken is not None
    assert not relation_holds(t.broken)


def test_a_rate_after_a_list_of_zero_parts_binds_the_total() -> None:
    # a share of nothing is no reading: the rate is of the 50
    text = "受理法律援助案件50件，其中刑事案件0件，民事案件0件，办结率44%。"
    (share,) = lm.extract(text).claims_of("share")
    assert isinstance(share, lm.ShareClaim)
    assert share.total is not None
    assert share.total.quote == "50件"
    broken = text.replace("44%", "44.01%")  # no k of 50 gives it: flagged, not undecidable
    results = lm.check(lm.extract(broken), checks=["share.granularity"])
    assert [r.status for r in results] == [Status.WARN]
