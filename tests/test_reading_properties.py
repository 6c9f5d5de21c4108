"""Generated structures with consistent figures: the reading ties them as the text says.

Each strategy writes a sentence of one shape from the reports (a balance of cases, two totals
before 其中, a nested list, a subset mention, shares of a list's total, a bracketed total, a
list ended by another clause's figure) with figures that hold exactly, and the tests assert
the reading: the claim kind, the total or base, and the evidence (STATED where the structure
leaves no choice). Genuine sentences never FAIL a check. Mutated stated structures keep
their STATED reading, so a check can FAIL them.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import hypothesis.strategies as st
from hypothesis import given
from oracles import round_half_up

import lawgov_metrics as lm
from lawgov_metrics.results import Status

COMMA = st.sampled_from(["，", ","])
LEAD = st.sampled_from(["", "全年", "本年", "2023年，"])
NOUNS = st.sampled_from(["政府信息公开申请", "行政复议申请", "信访事项", "法律援助申请"])
PARTS = [("当面申请", "网络申请", "信函申请"), ("维持", "撤销", "终止"), ("民事", "刑事", "行政")]


@dataclass
class Case:
    text: str
    expect: dict[str, object]


def no_fail(report: lm.Report) -> None:
    fails = [r for r in lm.check(report) if r.status is Status.FAIL]
    assert not fails, [r.message for r in fails]


def pct(k: int, n: int, places: int) -> str:
    r = round_half_up(Fraction(100 * k, n), places)
    return f"{float(r):.{places}f}" if places else str(int(r))


# ---------------------------------------------------------------------------------------
# balances


@st.composite
def balances(draw: st.DrawFn) -> Case:
    received = draw(st.integers(1, 2000))
    carried_in = draw(st.integers(1, 60))
    carried_out = draw(st.integers(0, received + carried_in))
    concluded = received + carried_in - carried_out
    c = draw(COMMA)
    noun = draw(NOUNS)
    form = draw(st.sampled_from(["plain", "excluded", "handled"]))
    out = draw(st.sampled_from(["结转下年", "结转下年度继续办理", "正在办理"]))
    lead = draw(LEAD)
    if form == "plain":
        text = (f"{lead}收到{noun}{received}件{c}上年结转{carried_in}件{c}"
                f"办结{concluded}件{c}{out}{carried_out}件。")  # fmt: skip
        terms = (received, carried_in, None, concluded, carried_out)
    elif form == "excluded":
        text = (f"{lead}受理{noun}{received}件（未包含上年结转{carried_in}件）{c}其中已办结"
                f"{concluded}件{c}{out}{carried_out}件。")  # fmt: skip
        terms = (received, carried_in, None, concluded, carried_out)
    else:
        handled = received + carried_in
        text = (f"{lead}共办理{noun}{handled}件（含上年结转{carried_in}件）{c}已办结"
                f"{concluded}件{c}{out}{carried_out}件。")  # fmt: skip
        terms = (None, carried_in, handled, concluded, carried_out)
    return Case(text, {"terms": terms})


TERMS = ("received", "carried_in", "handled", "concluded", "carried_out")


@given(balances())
def test_a_balance_is_read_with_its_terms(case: Case) -> None:
    report = lm.extract(case.text)
    (b,) = report.claims_of("balance")
    got = tuple(None if getattr(b, t) is None else int(getattr(b, t).value) for t in TERMS)
    assert got == case.expect["terms"], case.text
    assert b.binding is lm.Binding.STATED
    # never a breakdown of one of its terms
    terms = {f.span for f in b.figures}
    for d in report.claims_of("breakdown"):
        assert isinstance(d, lm.BreakdownClaim)
        assert not (d.total.span in terms and any(p.span in terms for p in d.parts)), case.text
    no_fail(report)


# ---------------------------------------------------------------------------------------
# two totals before 其中


@st.composite
def two_totals(draw: st.DrawFn) -> Case:
    parts = draw(st.lists(st.integers(1, 300), min_size=2, max_size=3))
    total = sum(parts)
    other = draw(st.integers(0, total - 1))  # cannot hold the parts
    names = draw(st.sampled_from(PARTS))
    c = draw(COMMA)
    listed = c.join(f"{n}{p}件" for n, p in zip(names, parts, strict=False))
    first = draw(st.booleans())
    if first:
        text = f"本单位被申请行政复议{total}件、提起行政诉讼{other}件{c}其中{listed}。"
    else:
        text = f"本单位被提起行政诉讼{other}件、被申请行政复议{total}件{c}其中{listed}。"
    return Case(text, {"total": total, "parts": parts, "other": other})


@given(two_totals())
def test_a_list_after_two_totals_binds_the_one_its_parts_fit(case: Case) -> None:
    report = lm.extract(case.text)
    (b,) = report.claims_of("breakdown")
    assert isinstance(b, lm.BreakdownClaim)
    assert [int(p.value) for p in b.parts] == case.expect["parts"]
    assert int(b.total.value) == case.expect["total"], case.text
    assert b.binding in (lm.Binding.ARITHMETIC, lm.Binding.POSITIONAL)
    assert case.expect["other"] in {int(f.value) for f in b.alternatives}
    no_fail(report)


# ---------------------------------------------------------------------------------------
# nested lists, subset mentions, bracketed totals, a list ended by another figure


@st.composite
def nested_lists(draw: st.DrawFn) -> Case:
    x, y, b = draw(st.integers(1, 200)), draw(st.integers(1, 200)), draw(st.integers(1, 3000))
    a = x + y
    total = a + b
    c = draw(COMMA)
    text = (f"全年主动公开政府信息{total}条{c}其中政策文件{a}条（其中规范性文件{x}条、"
            f"其他{y}条）{c}工作动态{b}条。")  # fmt: skip
    return Case(text, {"outer": (total, (a, b)), "inner": (a, (x, y))})


@given(nested_lists())
def test_a_nested_list_is_its_own_breakdown(case: Case) -> None:
    report = lm.extract(case.text)
    got = {
        (int(d.total.value), tuple(int(p.value) for p in d.parts)): d
        for d in report.claims_of("breakdown")
        if isinstance(d, lm.BreakdownClaim)
    }
    assert set(got) == {case.expect["outer"], case.expect["inner"]}, case.text
    outer, inner = got[case.expect["outer"]], got[case.expect["inner"]]  # type: ignore[index]
    assert not outer.exhaustive
    assert inner.exhaustive  # 其他 closes the nested list
    assert outer.binding is inner.binding is lm.Binding.STATED
    no_fail(report)


@st.composite
def subset_mentions(draw: st.DrawFn) -> Case:
    handled = draw(st.integers(1, 2000))
    carried = draw(st.integers(0, handled))
    word = draw(st.sampled_from(["包括上年结转", "其中上年结转", "（含上年结转"]))
    close = "）" if word.startswith("（") else ""
    sep = "" if word.startswith("（") else draw(COMMA)
    text = f"全年办理政府信息公开申请{handled}件{sep}{word}{carried}件{close}。"
    return Case(text, {"handled": handled, "carried": carried})


@given(subset_mentions())
def test_a_subset_mention_is_no_exhaustive_breakdown(case: Case) -> None:
    report = lm.extract(case.text)
    assert not any(
        d.exhaustive for d in report.claims_of("breakdown") if isinstance(d, lm.BreakdownClaim)
    ), case.text
    (b,) = report.claims_of("balance")
    assert isinstance(b, lm.BalanceClaim)
    assert b.handled is not None
    assert b.carried_in is not None
    assert (int(b.handled.value), int(b.carried_in.value)) == (
        case.expect["handled"],
        case.expect["carried"],
    )
    no_fail(report)


@st.composite
def bracketed_lists(draw: st.DrawFn) -> Case:
    parts = draw(st.lists(st.integers(1, 100), min_size=2, max_size=3))
    total = sum(parts) + draw(st.integers(0, 30))
    nxt = draw(st.integers(1, 50))
    c = draw(COMMA)
    word = draw(st.sampled_from(["其中", "含"]))
    listed = c.join(f"{n}议题{p}个" for n, p in zip(("法治", "规章", "决策"), parts, strict=False))
    text = (f"市政府常务会议研究议题{total}个（{word}{listed}{c}专题学法2次）{c}"
            f"召开专题会议研究议题{nxt}个。")  # fmt: skip
    return Case(text, {"total": total, "parts": parts})


@given(bracketed_lists())
def test_a_bracketed_list_binds_the_count_before_it_and_ends_at_its_bracket(case: Case) -> None:
    report = lm.extract(case.text)
    (b,) = report.claims_of("breakdown")
    assert isinstance(b, lm.BreakdownClaim)
    assert (int(b.total.value), [int(p.value) for p in b.parts]) == (
        case.expect["total"],
        case.expect["parts"],
    ), case.text
    assert b.binding is lm.Binding.STATED
    assert not b.exhaustive
    no_fail(report)


# ---------------------------------------------------------------------------------------
# shares of a list's total


@st.composite
def list_shares(draw: st.DrawFn) -> Case:
    counts = draw(st.lists(st.integers(1, 400), min_size=2, max_size=4))
    total = sum(counts)
    places = draw(st.integers(0, 2))
    semi = draw(st.sampled_from(["；", ";"]))
    names = ["优秀", "良好", "合格", "基本合格"]
    items = semi.join(
        f"{names[i]}{k}卷，占比{pct(k, total, places)}%" for i, k in enumerate(counts)
    )
    text = f"全年评查行政执法案卷{total}卷，其中{items}。"
    return Case(text, {"total": total, "counts": counts})


@given(list_shares())
def test_each_share_of_a_list_is_over_the_lists_total(case: Case) -> None:
    report = lm.extract(case.text)
    shares = [s for s in report.claims_of("share") if isinstance(s, lm.ShareClaim)]
    assert len(shares) == len(case.expect["counts"])  # type: ignore[arg-type]
    for s, k in zip(shares, case.expect["counts"], strict=True):  # type: ignore[call-overload]
        assert s.total is not None
        assert s.part is not None
        assert (int(s.total.value), int(s.part.value)) == (case.expect["total"], k), case.text
        assert s.binding is lm.Binding.STATED
    no_fail(report)


# ---------------------------------------------------------------------------------------
# a stated reading does not depend on the numbers


@given(st.integers(1, 500), st.lists(st.integers(0, 900), min_size=1, max_size=4), COMMA)
def test_a_stated_list_stays_stated_whatever_its_numbers(
    total: int, parts: list[int], c: str
) -> None:
    listed = c.join(
        f"{n}{p}件"
        for n, p in zip(("当面申请", "网络申请", "信函申请", "其他"), parts, strict=False)
    )
    report = lm.extract(f"全年共收到政府信息公开申请{total}件{c}其中{listed}。")
    (b,) = report.claims_of("breakdown")
    assert isinstance(b, lm.BreakdownClaim)
    assert int(b.total.value) == total
    assert b.binding is lm.Binding.STATED
    assert b.alternatives == ()
