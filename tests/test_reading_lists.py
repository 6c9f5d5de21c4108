"""Tests for lawgov_metrics.reading.clauses.lists: list frames and the totals they bind."""

from __future__ import annotations

import pytest

import lawgov_metrics as lm
from lawgov_metrics.extract import extract


def breakdowns(text: str) -> list[tuple[str, list[str], bool]]:
    return [
        (c.total.quote, [p.quote for p in c.parts], c.exhaustive)
        for c in extract(text).claims_of("breakdown")
    ]


def test_breakdowns() -> None:
    text = "共收到申请733件,其中予以公开238件,部分公开33件,其他处理76件。"
    (b,) = extract(text).claims_of("breakdown")
    assert b.total.value == 733
    assert [p.value for p in b.parts] == [238, 33, 76]
    assert b.exhaustive
    text2 = "审结398件,结果分别为维持231件,驳回54件。"
    (b2,) = extract(text2).claims_of("breakdown")
    assert b2.exhaustive
    assert [p.value for p in b2.parts] == [231, 54]
    (b3,) = extract("受理36件,其中按期办结36件。").claims_of("breakdown")
    assert not b3.exhaustive


def test_among_list_of_a_disposed_total() -> None:
    text = "办结的82件中,予以公开11件,不予公开8件,无法提供48件,不予处理9件,办理行政复议1件。"
    assert breakdowns(text) == [("82件", ["11件", "8件", "48件", "9件"], True)]
    assert breakdowns("在审结的977件案件中,直接纠错236件。") == [("977件", ["236件"], False)]


def test_parenthesised_parts_and_nested_lists() -> None:
    text = "累计更新政府信息1319条(含政府信息公开1115条,财政资金信息204条),发布动态1219条。"
    assert breakdowns(text) == [("1319条", ["1115条", "204条"], False)]
    text = "共50件,其中,复议37件,同比增长76.19%(上年21件),办结35件(含上年度2件)。"
    assert ("50件", ["37件"], False) in breakdowns(text)


def test_list_after_a_list_refers_to_its_total() -> None:
    text = (
        "纠错236件,较去年60件增长了近3倍。结果分别为撤销48件,确认违法188件。"
        "其中行政强制类164件,其他类72件。"
    )
    got = breakdowns(text)
    assert ("236件", ["48件", "188件"], True) in got
    assert ("236件", ["164件", "72件"], True) in got
    assert all(total != "60件" for total, _, _ in got)


#: (text, exhaustive, completeness, confidence) of the one breakdown read from the text; the
#: head of each is STATED (one candidate, or X件中).
BREAKDOWN_CONFIDENCE = [
    # complete by the disclosure template: every concluded application has one of its
    # outcomes (予以公开, 部分公开, 不予公开, 无法提供, 不予处理, 其他处理)
    ("办结的20件中，予以公开8件，部分公开5件，不予公开4件。", True, "stated", "stated"),
    # … but not when the list ends in 等, nor for outcomes that are not the template's
    ("办结的20件中，予以公开8件，部分公开5件，不予公开4件等。", True, "positional", "inferred"),
    ("审结的30件中，维持12件，撤销8件，驳回10件。", True, "positional", "inferred"),
    # 包括 / 主要为 list some items, never promising the whole (a subset)
    ("收到申请20件，包括当面申请8件，网络申请12件。", False, "stated", "stated"),
    # the text says it is complete
    ("收到申请20件，分别为：当面申请8件，网络申请12件。", True, "stated", "stated"),
    # a 其他 part makes a 其中 list whole only by inference: 其他 may name a category
    (
        "共收到申请733件,其中予以公开238件,部分公开33件,其他处理76件。",
        True,
        "positional",
        "inferred",
    ),
    ("办结的20件中，予以公开8件，部分公开5件，其他4件。", True, "positional", "inferred"),
    # not claimed complete at all
    ("受理36件,其中按期办结36件。", False, "stated", "stated"),
]


@pytest.mark.parametrize(("text", "exhaustive", "completeness", "confidence"), BREAKDOWN_CONFIDENCE)
def test_breakdown_confidence(
    text: str, exhaustive: bool, completeness: str, confidence: str
) -> None:
    complete = [b for b in extract(text).claims_of("breakdown") if b.exhaustive == exhaustive]
    assert complete, extract(text).claims
    assert {b.binding for b in complete} == {lm.Binding.STATED}
    if exhaustive:
        assert {b.completeness.value for b in complete} == {completeness}
    assert {b.confidence for b in complete} == {confidence}


def test_a_part_of_another_unit_left_out_leaves_the_list_not_known_whole() -> None:
    # 38篇 among parts counted in 条: the parts read add to 15, the list to 53
    text = "主动公开政府信息53条,其中:组织机构4条,部门文件5条,工作动态38篇,其他信息6条。"
    (b,) = extract(text).claims_of("breakdown")
    assert [p.quote for p in b.parts] == ["4条", "5条", "6条"]
    assert (b.exhaustive, b.completeness) == (True, lm.Binding.POSITIONAL)
    assert lm.check(extract(text), checks=["breakdown.sum"]).failures == []


def test_parts_above_their_total_fail_whatever_the_completeness() -> None:
    text = "主动公开信息240条,其中工作动态183条,行政许可类80条,其他业务类信息15条。"
    (b,) = extract(text).claims_of("breakdown")
    assert (b.binding, b.completeness) == (lm.Binding.STATED, lm.Binding.POSITIONAL)
    (r,) = lm.check(extract(text), checks=["breakdown.sum"])
    assert r.status is lm.Status.FAIL


# ---------------------------------------------------------------------------------------
# golden texts: a list binds its total, with the numbers as evidence

Stated = lm.Binding.STATED
Positional = lm.Binding.POSITIONAL
Arithmetic = lm.Binding.ARITHMETIC

#: (text, total value, total kind, parts, exhaustive, binding, alternative values)
LIST_TOTALS = [
    # one total before 其中: stated by the structure
    ("全年共收到政府信息公开申请128件，其中当面申请3件，网络申请125件。",
     128, "count", [3, 125], False, Stated, []),
    # two totals before 其中: the list is the 9's, not the nearer 1's
    ("本单位被申请行政复议9件、提起行政诉讼1件，其中维持6件，撤销2件，终止1件。",
     9, "count", [6, 2, 1], False, Arithmetic, [1, 10]),
    # new + carried over before 其中: the parts add up to the sum of the two
    ("本年收到政府信息公开申请45件，上年结转3件，其中自然人申请40件，法人或其他组织申请8件。",
     48, "sum", [40, 8], False, Arithmetic, [3, 45]),
    # two counts joined by 、 whose sum is the list's total
    ("因政府信息公开被申请行政复议4宗、行政诉讼2宗，其中维持原答复5宗，尚未审结1宗。",
     6, "sum", [5, 1], False, Arithmetic, [2, 4]),
    # the nearer count fits too: the numbers cannot choose, the nearest is kept
    ("全年办理行政复议案件150件，行政应诉案件60件，其中败诉3件。",
     60, "count", [3], False, Positional, [150]),
    # no candidate fits: the nearest, positional, so a check can only warn
    ("受理举报投诉20件，办理回访30件，其中满意40件，基本满意5件。",
     30, "count", [40, 5], False, Positional, [20]),
    # a list that opens a sentence after a list: the parts of that list's total
    ("纠错180件。结果分别为撤销50件，确认违法130件。其中行政强制类100件，其他类80件。",
     180, "count", [100, 80], True, Arithmetic, [50, 130]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "total", "kind", "parts", "exhaustive", "binding", "alternatives"), LIST_TOTALS
)
def test_a_list_binds_its_total(
    text: str,
    total: int,
    kind: str,
    parts: list[int],
    exhaustive: bool,
    binding: lm.Binding,
    alternatives: list[int],
) -> None:
    b = next(c for c in extract(text).claims_of("breakdown") if [p.value for p in c.parts] == parts)
    assert (b.total.value, b.total.kind, b.exhaustive, b.binding) == (
        total,
        kind,
        exhaustive,
        binding,
    )
    assert sorted(f.value for f in b.alternatives) == alternatives
    assert text[b.total.span[0] : b.total.span[1]] == b.total.quote


def test_a_nested_list_is_a_breakdown_of_its_part() -> None:
    text = (
        "主动公开政府信息2210条，其中政策文件130条（其中规范性文件52条、其他78条），"
        "工作动态2080条。"
    )
    got = {(b.total.value, tuple(p.value for p in b.parts), b.exhaustive) for b in _claims(text)}
    assert got == {(2210, (130, 2080), False), (130, (52, 78), True)}


def test_a_bracketed_list_ends_at_its_bracket() -> None:
    # the 3个 after the bracket belongs to the next clause, never to the list
    text = (
        "市政府常务会议研究议题20个（其中法治议题5个，规章议题15个，专题学法2次），"
        "召开专题会议研究议题3个。"
    )
    (b,) = _claims(text)
    assert (b.total.value, [p.value for p in b.parts], b.binding) == (20, [5, 15], Stated)


def test_a_list_ends_where_a_new_figure_starts() -> None:
    text = "共收到申请100件，其中网上申请60件，当面申请40件，召开协调会议研究议题8件。"
    (b,) = _claims(text)
    assert [p.value for p in b.parts] == [60, 40]


def test_subset_mentions_are_no_exhaustive_breakdowns() -> None:
    # 包括 lists some items; 其中…中 lists the parts of a subset the text does not count
    for text in (
        "收到申请20件，包括当面申请8件，网络申请12件。",
        "受理行政复议案件50件，其中涉企案件中，撤销3件，确认违法2件，其他1件。",
    ):
        assert all(not b.exhaustive for b in _claims(text)), text
    # 未包含 puts the bracketed figure outside the count before it
    assert _claims("收到申请300件（未包含上年结转20件）。") == []


def test_a_list_of_parts_with_shares_crosses_semicolons() -> None:
    text = "评查行政执法案卷80卷，其中优秀20卷，占比25%；良好40卷，占比50%；合格20卷，占比25%。"
    (b,) = _claims(text)
    assert (b.total.value, [p.value for p in b.parts]) == (80, [20, 40, 20])
    # without shares a ; ends the list
    (b2,) = _claims("共收到申请100件，其中网上申请60件；行政复议案件5件。")
    assert [p.value for p in b2.parts] == [60]


def _claims(text: str) -> list[lm.BreakdownClaim]:
    return [c for c in extract(text).claims if isinstance(c, lm.BreakdownClaim)]
