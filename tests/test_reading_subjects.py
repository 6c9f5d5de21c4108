"""Tests for lawgov_metrics.reading.subjects: the noun phrase each figure measures."""

from __future__ import annotations

import pytest

import lawgov_metrics as lm
from lawgov_metrics.extract import extract


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("收到行政复议申请786宗,同比增长68.67%。", "行政复议申请"),
        ("各级人民调解组织调解矛盾纠纷1497宗。", "矛盾纠纷"),
        ("人民调解组织调解成功率达98.73%。", "人民调解组织调解成功率"),
        ("共办理人大建议208件。", "人大建议"),
        ("组织17个律所党支部结对。", "律所党支部"),
    ],
)
def test_subjects(text: str, subject: str) -> None:
    assert extract(text).figures[0].subject == subject


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("全年新收行政复议申请3件。", "行政复议申请"),
        ("新受理行政复议申请5件。", "行政复议申请"),
        ("新收到政府信息公开申请8件。", "政府信息公开申请"),
        ("新增市场主体1200户。", "市场主体"),
        # 收 as part of a noun stays
        ("新收费项目12项。", "收费项目"),
        ("新收入账户3个。", "收入账户"),
        ("新收益分配方案2项。", "收益分配方案"),
        ("全年新收缴罚没款30万元。", "收缴罚没款"),
    ],
)
def test_intake_verbs_are_stripped_from_subjects(text: str, subject: str) -> None:
    assert extract(text).figures[0].subject == subject


#: (text, quote, subject): the subject of one figure under the general subject rules.
#: A clause that names only an action takes the action plus the noun of the count before
#: it in its sentence; growth, pp and difference figures take the subject of the figure
#: they change; a share with no words of its own is that count's 占比; table cells take the
#: nearest label cell to their left.
SUBJECT_RULES = [
    # bare actions, completed with the noun before (后/中 fragments dropped)
    ("收到行政复议申请640件,依法受理602件,受理后审结575件。", "602件", "受理行政复议申请"),
    ("收到行政复议申请640件,依法受理602件,受理后审结575件。", "575件", "审结行政复议申请"),
    ("新收行政诉讼案件88件,审结79件。", "79件", "审结行政诉讼案件"),
    # a list lead-in is not part of the first item's noun
    ("其中行政处罚类最多,其次为行政许可类41件。", "41件", "行政许可类"),
    ("审结案件98件,结果分别为维持60件,撤销9件。", "60件", "维持"),
    # two listed actions stay together
    ("调解和终止结案32件,占比18.5%。", "32件", "调解和终止结案"),
    # a share with no words of its own is the share of the count before it
    ("调解和终止结案32件,占比18.5%。", "18.5%", "调解和终止结案占比"),
    # growth and difference figures carry the subject of the figure they change
    ("全市新收行政复议申请640件,比上年增长22.8%。", "22.8%", "行政复议申请"),
    ("收到行政复议申请640件,较上年521件增加119件,同比增长22.8%。", "119件", "行政复议申请增加数"),
    ("发生行政诉讼案件70件,比上年的82件减少12件。", "12件", "行政诉讼案件减少数"),
    ("全市行政机关作出行政处罚决定5120件,同比下降6.4%。", "6.4%", "行政处罚决定"),
    # a pp change is the rate's, also when the rate is named only before the comparison
    ("行政诉讼败诉率为4.3%,较上年下降0.9个百分点。", "0.9个百分点", "行政诉讼败诉率"),
    ("执法案卷优秀率较上年提高2.4个百分点。", "2.4个百分点", "执法案卷优秀率"),
    # the second rate of 由X%提升至Y% is the first one's indicator
    ("负责人出庭应诉率由88.1%提升至97.6%。", "97.6%", "负责人出庭应诉率"),
    # a bare 成功率 after a 调解 count is the mediation success rate
    ("全年调解各类纠纷2310件,成功率达97.1%。", "97.1%", "调解成功率"),
    # 主动公开 names the indicator, it is not stripped
    ("全年主动公开政府信息5210条。", "5210条", "主动公开政府信息"),
    # a leading 的 is no part of the noun
    ("全年收到的政府信息公开申请86件。", "86件", "政府信息公开申请"),
    # a table cell takes the nearest label to its left
    ("地区 | 数量 | 地区 | 数量\n甲县 | 120 | 乙县 | 75\n", "75", "乙县"),
]


@pytest.mark.parametrize(("text", "quote", "subject"), SUBJECT_RULES)
def test_subject_rules(text: str, quote: str, subject: str) -> None:
    fig = next(f for f in extract(text).figures if f.quote == quote)
    assert fig.subject == subject


def test_outcome_verbs_keep_their_indicator_apart_from_intake() -> None:
    """审结/办结 name another count than 收到/受理: the subject keeps them, so the closed
    cases never line up with the applications in a panel or a cross-year check."""
    report = extract(
        "全年共收到行政复议申请786宗，审结行政复议案件650宗，办结政府信息公开申请215件。"
    )
    vocab = lm.default_vocabulary()
    by_quote = {f.quote: f for f in report.figures}
    received = vocab.match(by_quote["786宗"].subject, "宗")
    closed = vocab.match(by_quote["650宗"].subject, "宗")
    assert received is not None
    assert closed is not None
    assert received.id == "admin_reconsideration_applications"
    assert closed.id == "admin_reconsideration_closed"
    assert by_quote["215件"].subject.startswith("办结")
