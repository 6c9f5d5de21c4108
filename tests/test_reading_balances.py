"""Tests for lawgov_metrics.reading.clauses.balances: received + carried in = concluded + out."""

from __future__ import annotations

import lawgov_metrics as lm
from lawgov_metrics.extract import extract


def breakdowns(text: str) -> list[tuple[str, list[str], bool]]:
    return [
        (c.total.quote, [p.quote for p in c.parts], c.exhaustive)
        for c in extract(text).claims_of("breakdown")
    ]


def balances(text: str) -> list[tuple[str | None, ...]]:
    terms = ("received", "carried_in", "handled", "concluded", "carried_out")
    return [
        tuple(None if getattr(c, t) is None else getattr(c, t).quote for t in terms)
        for c in extract(text).claims_of("balance")
    ]


def test_balance_with_printed_handled_total() -> None:
    # a balance, never a breakdown of one of its terms (152 = 147 + 5, 6 inside 152)
    text = "全年共办理申请152件(含上年结转6件),已办结147件,结转下年度继续办理5件。"
    assert breakdowns(text) == []
    assert balances(text) == [(None, "6件", "152件", "147件", "5件")]


def test_balance_with_zero_carried_forward() -> None:
    text = "全年新收申请136件,结转上年度申请3件,办理答复139件,结转下年度办理0件。"
    assert breakdowns(text) == []
    assert balances(text) == [("136件", "3件", None, "139件", "0件")]


def test_balance_total_is_never_invented() -> None:
    # 受理452 + 结转上年9 = 461 = 办结454 + 结转下年7: a balance; 461 is not printed
    text = "全年受理申请452件,结转上年9件,按时办结454件,结转下年继续办理7件。"
    assert breakdowns(text) == []
    assert balances(text) == [("452件", "9件", None, "454件", "7件")]
    assert breakdowns("收到申请620件,上年结转5件,共办结612件,结转下年度13件。") == []


# ---------------------------------------------------------------------------------------
# golden texts: balances, never breakdowns of their terms

TERMS = ("received", "carried_in", "handled", "concluded", "carried_out")


def values(text: str) -> list[tuple[object, ...]]:
    return [
        (*(None if getattr(c, t) is None else int(getattr(c, t).value) for t in TERMS), c.binding)
        for c in extract(text).claims_of("balance")
    ]


def test_a_balance_with_the_carried_in_count_outside_the_intake() -> None:
    text = "共受理申请560件（未包含上年结转18件），其中已办结570件，结转下年8件。"
    assert values(text) == [(560, 18, None, 570, 8, lm.Binding.STATED)]
    assert breakdowns(text) == []


def test_a_subset_mention_is_a_balance_not_a_breakdown() -> None:
    assert values("全年办理申请260件，包括上年结转9件。") == [
        (None, 9, 260, None, None, lm.Binding.STATED)
    ]
    assert breakdowns("全年办理申请260件，包括上年结转9件。") == []
    assert values("全年共办理政府信息公开申请108件，其中结转下年度继续办理6件。") == [
        (None, None, 108, None, 6, lm.Binding.STATED)
    ]


def test_a_balance_across_semicolons_and_with_pending_cases() -> None:
    text = "全年新收申请80件；上年结转2件，已办结75件，正在办理7件。"
    assert values(text) == [(80, 2, None, 75, 7, lm.Binding.STATED)]


def test_the_numbers_choose_between_two_readings_of_a_term() -> None:
    # two intake counts: the one that balances is taken
    text = "收到申请120件，受理申请110件，上年结转5件，办结107件，结转下年8件。"
    ((received, *_rest, binding),) = values(text)
    assert (received, binding) == (110, lm.Binding.ARITHMETIC)


def test_readings_in_brackets_do_not_break_the_words() -> None:
    text = (
        "全區共收到政府信息公開申請(qǐng)326宗(未包含上年結(jié)轉(zhuǎn)12宗),"
        "其中已辦結(jié)320宗,結(jié)轉(zhuǎn)下年辦理18宗。"
    )
    assert values(text) == [(326, 12, None, 320, 18, lm.Binding.STATED)]
    assert breakdowns(text) == []
