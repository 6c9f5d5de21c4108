"""The reports' vocabulary as data: one copy, shared by reading and checks.

Word lists are tuples of plain strings (normalised text: simplified characters, ASCII
digits and punctuation, see :func:`lawgov_metrics.numerals.normalize`). Regular
expressions are compiled from them by :func:`or_regex`, never written out by hand a
second time, so a word added here is known to every reader and every check at once.

What a list marker promises is data too: :data:`LIST_MARKERS` maps each marker to a
:class:`ListPromise`.

Examples:
    >>> import re
    >>> from lawgov_metrics import vocab
    >>> bool(re.fullmatch(vocab.or_regex(vocab.CARRY_IN), "上年度结转"))
    True
    >>> vocab.LIST_MARKERS["分别为"], vocab.LIST_MARKERS["其中"]
    (<ListPromise.COMPLETE: 'complete'>, <ListPromise.PARTIAL: 'partial'>)
    >>> vocab.same_unit_family("件", "宗"), vocab.same_unit_family("件", "人次")
    (True, False)
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType
from typing import Final

__all__ = [
    "ACTION_ADVERBS",
    "ACTION_VERBS",
    "AFTER_ACTIONS",
    "AMONG_BEFORE",
    "AND_WORDS",
    "BARE_RATES",
    "CARRY_IN",
    "CARRY_OUT",
    "CHANGE_COLUMN_WORDS",
    "CHANGE_VERB_TAILS",
    "CN_LABEL_AFTER",
    "COMPARE_LEADS",
    "COMPARE_WORDS",
    "COMPLETION_WORDS",
    "CUT_VERBS",
    "DATE_LABELS",
    "DEPARTMENT_ENDINGS",
    "DISCLOSURE_OUTCOMES",
    "DISCLOSURE_TITLE_WORDS",
    "DISPOSED_WORDS",
    "DOWN_VERBS",
    "EVENT_UNITS",
    "FLAT_LEADS",
    "FROM_WORDS",
    "FURNITURE_LABELS",
    "FURNITURE_WORDS",
    "GENERIC_MEASURE_NOUNS",
    "HANDLED_VERBS",
    "HANDLING_VERBS",
    "INTAKE_VERBS",
    "KEPT_VERBS",
    "LIST_LEAD_INS",
    "LIST_MARKERS",
    "NEW_FIGURE_ADVERBS",
    "NEW_FIGURE_VERBS",
    "NOUN_AFTER_STOPS",
    "ORDINAL_ITEMS",
    "OTHER_PART_WORDS",
    "OUTCOME_STEMS",
    "OUTCOME_VERBS",
    "PENDING_WORDS",
    "POPULATION_NOUNS",
    "PP_BARE_DOWN",
    "PP_BARE_UP",
    "PP_DOWN_VERBS",
    "PP_UNIT",
    "PP_UP_VERBS",
    "PRIOR_RATE_LEADS",
    "PRIOR_YEAR_WORDS",
    "RANK_VERBS",
    "RATE_ACTIONS",
    "RATE_NUMERATOR_WORDS",
    "RATE_UNITS",
    "RATIO_WORDS",
    "REFUSAL_WORDS",
    "REPORT_KIND_WORDS",
    "REPORT_SUBJECT_WORDS",
    "RULE_OF_LAW_TITLE_WORDS",
    "SELF_AND_PLACE_WORDS",
    "SHARE_WORDS",
    "SHOU_NOUN_NEXT",
    "SOURCE_LABELS",
    "STREAK_NOISE_WORDS",
    "STREAK_VERBS",
    "SUBJECT_KEY_WORDS",
    "SUBJECT_PREFIXES",
    "SUBJECT_SUFFIXES",
    "SUM_WORDS",
    "TARGET_RATE_STEMS",
    "TARGET_WORDS",
    "THIS_YEAR_WORDS",
    "TIMES_OF_VERBS",
    "TIMES_TO_VERBS",
    "TITLE_WORDS",
    "TOTAL_WORDS",
    "UNIT_FAMILIES",
    "UP_VERBS",
    "ListPromise",
    "or_regex",
    "same_unit_family",
]


def or_regex(words: Iterable[str]) -> str:
    """An alternation matching any of ``words``, longest first, each escaped.

    Longest first, so that ``上年度`` is preferred to ``上年`` where both match.

    Examples:
        >>> or_regex(["上年", "上年度", "去年"])
        '(?:上年度|上年|去年)'
        >>> or_regex([])
        '(?!)'
    """
    unique = sorted(set(words), key=lambda w: (-len(w), w))
    if not unique:
        return "(?!)"  # matches nothing
    return "(?:" + "|".join(re.escape(w) for w in unique) + ")"


# -- years and comparisons ----------------------------------------------------------------

#: Words naming last year (the prior of a year-over-year comparison).
PRIOR_YEAR_WORDS: Final = (
    "上一年度", "上年度", "上一年", "上年", "去年", "上年同期", "去年同期",
)  # fmt: skip
#: Words that start a comparison with last year (同比, 较上年, 与上年相比 …).
COMPARE_WORDS: Final = (
    "同比", "环比", "比上年", "较上年", "比去年", "较去年", "与上年相比", "与去年相比",
    "和上年相比", "比上一年", "较上一年", "较同期", "比同期", "较上年同期", "比上年同期",
)  # fmt: skip

# -- changes --------------------------------------------------------------------------------

#: Verbs of a rise (同比增长12%).
UP_VERBS: Final = ("增长", "增加", "上升", "提高", "提升", "上涨", "增幅", "增速")
#: Verbs of a fall (同比下降12%).
DOWN_VERBS: Final = ("下降", "减少", "降低", "下滑", "回落", "降幅", "减幅", "缩减")

# -- the balance of cases: received + carried in = concluded + carried out -----------------

#: Verbs of this year's intake (收到申请62件).
INTAKE_VERBS: Final = ("收到", "受理", "新收", "接收", "新受理", "新收到", "提交")
#: Words of cases carried in from last year (上年结转4件).
CARRY_IN: Final = (
    "上年结转", "上一年结转", "上年度结转", "上一年度结转", "结转上年", "结转上年度",
    "上年度转入", "上年转入", "上年度未办结", "上年未办结", "上年转结", "上年度转结",
)  # fmt: skip
#: Verbs of a concluded case (办结, 审结, 答复 …).
OUTCOME_VERBS: Final = ("办结", "已办结", "审结", "结案", "答复", "办复", "办理完毕", "办理答复")
#: Words of cases carried to next year or still open (结转下年度继续办理, 正在办理).
CARRY_OUT: Final = (
    "结转下年", "结转下年度", "结转至下年", "结转到下年", "结转下一年", "结转下一年度",
    "转入下年", "转入下一年", "转接下年", "转接下年度", "转接下一年", "转接下一年度",
    "下年度结转", "结转下年度继续办理",
    "正在办理", "尚在办理", "在办", "未办结", "尚未办结",
)  # fmt: skip
#: Words that say a count is not (yet) all of its cases (未办结, 逾期 …).
PENDING_WORDS: Final = (
    "未办结", "尚未办结", "正在办理", "未结", "在办", "未完成", "尚未完成", "未处理",
    "未答复", "逾期",
)  # fmt: skip
#: Words of a sum (共 12件, 合计, 总计, 累计).
SUM_WORDS: Final = ("共计", "合计", "总计", "累计", "共")


# -- lists ----------------------------------------------------------------------------------


class ListPromise(enum.Enum):
    """What a list marker promises about the figures that follow it.

    ============= ====================================================================
    member        meaning
    ============= ====================================================================
    PARTIAL       其中: parts of the total; the list may or may not be complete
    COMPLETE      分别为, 结果为: the parts are the whole list
    SUBSET        包括, 主要为: some items included in the total, never the whole list
    INCLUDED      (含…): the figure in brackets is inside the figure before it
    EXCLUDED      (不含…), 未包含: the figure in brackets is outside the figure before it
    ============= ====================================================================
    """

    PARTIAL = "partial"
    COMPLETE = "complete"
    SUBSET = "subset"
    INCLUDED = "included"
    EXCLUDED = "excluded"


#: List markers and their promise.
LIST_MARKERS: Final[Mapping[str, ListPromise]] = MappingProxyType(
    {
        "其中": ListPromise.PARTIAL,
        "分别为": ListPromise.COMPLETE,
        "分别是": ListPromise.COMPLETE,
        "结果为": ListPromise.COMPLETE,
        "包括": ListPromise.SUBSET,
        "主要为": ListPromise.SUBSET,
        "主要是": ListPromise.SUBSET,
        "含": ListPromise.INCLUDED,
        "包含": ListPromise.INCLUDED,
        "不含": ListPromise.EXCLUDED,
        "未含": ListPromise.EXCLUDED,
        "未包含": ListPromise.EXCLUDED,
        "不包含": ListPromise.EXCLUDED,
        "不包括": ListPromise.EXCLUDED,
    }
)
#: Words that open the last part of a complete list (其他, 其余).
OTHER_PART_WORDS: Final = ("其他", "其余", "其它")


# -- units ----------------------------------------------------------------------------------

#: Units of a rate level.
RATE_UNITS: Final = frozenset({"%", "‰"})
#: The unit of a percentage-point change.
PP_UNIT: Final = "个百分点"
#: Measure words that count the same things (申请 8份 … 予以公开 2件).
UNIT_FAMILIES: Final = (frozenset({"件", "份", "宗", "起"}),)


def same_unit_family(a: str, b: str) -> bool:
    """Whether two measure words count alike (equal, one missing, or one family).

    Examples:
        >>> same_unit_family("件", ""), same_unit_family("条", "件")
        (True, False)
    """
    if a == b or not a or not b:
        return True
    return any(a in family and b in family for family in UNIT_FAMILIES)


# -- what the checks look for in a figure's subject -----------------------------------------

#: Words that vary between reports for the same count and are dropped from a subject
#: before subjects are compared (收到行政复议申请 and 共受理行政复议申请 are one indicator).
SUBJECT_KEY_WORDS: Final = (
    "收到", "受理", "办理", "新收", "共计", "共", "累计", "全年", "合计", "总计",
)  # fmt: skip
#: Words of a completion rate's subject (按时办结率, 答复率): 100% of them says "all done".
COMPLETION_WORDS: Final = (
    "办结", "结案", "答复", "处理", "化解", "完成", "审结", "执结", "回复", "办理",
)  # fmt: skip
#: Words of a rate's subject that make it a ratio, not a share, so that it may exceed 100%
#: (任务完成率 120%, 同比增长 409%, 执行率).
RATIO_WORDS: Final = (
    "完成", "增", "降", "减", "同比", "比上年", "较上年", "执行", "超", "倍", "达成", "到位",
    "回收", "利用", "产出", "比率",
)  # fmt: skip
#: Words dropped from a streak's subject before streaks of two years are matched
#: (连续四年获评优秀等次 and 连续三年荣获优秀 name one award).
STREAK_NOISE_WORDS: Final = (
    "连续", "获评为", "获评", "荣获", "获得", "被评为", "评为", "被授予", "授予", "获",
    "保持", "蝉联", "等次", "称号", "荣誉", "成为", "为", "的", "了",
)  # fmt: skip


# -- reading: comparisons and changes --------------------------------------------------------

#: Words a change verb may carry before its number (增长了12%, 下降为3件, 增幅达5%).
CHANGE_VERB_TAILS: Final = ("了", "为", "达", "达到", "约为", "约", "幅度为", "幅度达")
#: Words that make a comparison's own number last year's (是上年的2倍).
TIMES_OF_VERBS: Final = ("是", "为", "达", "达到", "相当于")
#: Verbs that make a multiple the new level (增长到2倍, 提高至3倍).
TIMES_TO_VERBS: Final = ("增长", "增加", "提高", "上升", "提升", "扩大")
#: Verbs of a percentage-point change, up and down (提高3.2个百分点, 低于2个百分点).
PP_UP_VERBS: Final = ("提高", "提升", "上升", "增长", "增加", "高于", "高出")
PP_DOWN_VERBS: Final = ("下降", "减少", "降低", "下滑", "回落", "低于", "减")
#: Bare comparatives a percentage-point change may be written with, right before its
#: number only (比上年低0.5个百分点, 高出全国平均2个百分点 is the verb above).
PP_BARE_UP: Final = ("高",)
PP_BARE_DOWN: Final = ("低",)
#: Words of a comparison's other side (较, 比, 与 … 上年), the prior of a change.
COMPARE_LEADS: Final = ("较", "比", "同比", "与", "和")
#: Words that say the rate before them is last year's (较上年的97.3%).
PRIOR_RATE_LEADS: Final = ("较", "比", "与", "低于", "高于")
#: Words that open the first of two rates (由92.4%提高到95.6%).
FROM_WORDS: Final = ("由", "从")
#: Words of this year in 上年为92.4%,今年提高到95.6%.
THIS_YEAR_WORDS: Final = ("今年", "本年", "当年")
#: A change that rounds to zero (与上年持平).
FLAT_LEADS: Final = ("同比", "与上年", "和上年", "与去年", "较上年", "比上年", "与上年度")

# -- reading: subjects -------------------------------------------------------------------------

#: Verbs and adverbs stripped from the front of a subject (收到, 共, 累计 ...). Outcome verbs
#: (审结, 办结) stay: 审结复议案件 is another indicator than 收到复议申请.
SUBJECT_PREFIXES: Final = (
    "全年", "全区", "全市", "全县", "全省", "本年度", "本年", "当年", "年内", "今年",
    "共计", "合计", "累计", "总计", "共", "计", "累", "新", "已", "其中", "分别", "均",
    "收到", "受理", "办理", "接待", "提供", "开展", "举办", "组织",
    "出具", "提出", "发布", "公开", "处理", "化解", "调处", "审查", "审核",
    "录入", "汇聚", "培育认定", "建设", "建立", "打造", "梳理", "实现", "帮助",
    "完成", "参加", "参与", "召开", "印发", "制定", "修订", "清理", "回复", "答复",
    "接听", "转办", "上线", "推出", "新增", "新收", "新收到", "新受理", "查处",
    "查办", "在", "对", "向", "为", "有", "是", "了", "通过", "依法", "现有", "发生",
    "作出", "的",
)  # fmt: skip
#: Characters after ``收`` that make it part of a noun (收费, 收入, 收益, 收缴), so that a
#: ``新收`` before them is not the verb 新收 (新收费标准 keeps 收费标准).
SHOU_NOUN_NEXT: Final = frozenset("费入益缴")
#: Words stripped from the end of a subject (达, 为, 达到, 共 ...).
SUBJECT_SUFFIXES: Final = (
    "达到", "达", "为", "是", "共", "共计", "合计", "累计", "计", "约", "约为", "均为",
    "均达", "均", "分别为", "分别", "已达", "已", "有", "总数", "总量为", "数量为",
    "占比", "占", "至", "到", "超过", "超", "突破", "逾", "近", "将近", "接近",
    "同比", "了", "的", "和", "及", "仅", "只", "高达", "多达", "已经", "保持",
    "提高到", "提升至", "提升到", "提高至", "上升到", "上升至", "下降到", "下降至",
    "由", "从",
)  # fmt: skip
#: Verbs after which the rest of a clause names what is counted (调解矛盾纠纷 -> 矛盾纠纷).
CUT_VERBS: Final = (
    "收到", "受理", "办理", "办结", "审结", "调解", "接待", "提供", "开展", "举办", "组织",
    "出具", "提出", "发布", "主动公开", "处理", "化解", "调处", "审查", "审核", "汇聚",
    "培育认定", "梳理", "帮助", "完成", "召开", "印发", "制定", "清理", "接听", "推出",
    "查处", "查办", "录入", "建成", "培训", "新增", "挽回", "执行到位", "上线", "作出",
    "发生",
)  # fmt: skip
#: Verbs a subject keeps: 主动公开 names the indicator, 审结/办结 name the outcome counts.
KEPT_VERBS: Final = ("主动公开", "审结", "办结")
#: Words where the noun after a figure stops (组织17个律所党支部结对 -> 律所党支部).
NOUN_AFTER_STOPS: Final = (
    "实施", "参加", "获", "被", "开展", "纳入", "进行", "参与", "提供", "实现", "通过", "中",
    "历史", "与", "和", "结对", "入选", "在", "列席", "均", "已",
)  # fmt: skip
#: Words before a list's first item that are not part of its noun (其次为, 结果分别为).
LIST_LEAD_INS: Final = ("其次", "分别", "依次", "主要", "结果", "其余")
#: Actions a clause may name without a noun (依法受理3,102件, 受理后审结2,876件).
ACTION_VERBS: Final = (
    "收到", "受理", "办理", "办结", "审结", "结案", "调解", "化解", "接收", "新收", "答复",
    "回复", "处理", "纠错", "维持", "驳回", "撤销", "终止", "移送", "转办", "立案",
)  # fmt: skip
#: Actions that 后/中/内 may follow inside a subject (受理后审结, 审结案件中纠错).
AFTER_ACTIONS: Final = (
    "收到", "受理", "办理", "办结", "审结", "调解", "化解", "纠错", "直接纠错", "维持", "驳回",
    "撤销", "确认", "答复", "回复", "公开", "作出", "决定", "结案", "终止", "移送", "转办",
)  # fmt: skip
#: Adverbs around a bare action (依法受理, 已办结, 共受理).
ACTION_ADVERBS: Final = ("依法", "共", "已", "其中", "后", "中", "并", "再", "另", "累计", "全年")
#: Item markers of a 一是/二是 list.
ORDINAL_ITEMS: Final = (
    "一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是",
)  # fmt: skip

# -- reading: rates and shares -----------------------------------------------------------------

#: Bare rates that take the action of the count before them (调解…1497宗,成功率达98.73%).
BARE_RATES: Final = frozenset({"成功率", "化解率", "结案率", "办结率", "满意率"})
#: Actions that name such a bare rate (调解成功率).
RATE_ACTIONS: Final = ("调解", "化解", "仲裁", "信访", "复议", "诉讼")
#: Head nouns that make a count a population of cases rather than an outcome: in
#: 行政应诉案件312件,出庭应诉率100% the count is what the rate is a share of.
POPULATION_NOUNS: Final = ("案件", "申请", "纠纷", "事项", "案")
#: Units of sessions and rounds: 学法4期,参学率100% is a rate of people, not of sessions.
EVENT_UNITS: Final = frozenset({"期", "场", "次", "场次", "批", "批次", "轮", "届", "天"})
#: Other words a count's clause names a rate's numerator by (纠正…2629件 / 纠错率): the
#: rate's stem → the outcomes it counts.
RATE_NUMERATOR_WORDS: Final[Mapping[str, tuple[str, ...]]] = MappingProxyType(
    {
        "纠错": ("纠正", "撤销", "变更", "确认违法", "责令履行"),
        "调撤": ("调解", "撤诉", "撤回"),
        "调解": ("调解成功", "达成调解"),
        "败诉": ("败诉",),
        "胜诉": ("胜诉",),
        "执结": ("执结", "执行完毕"),
    }
)
#: Stems of a rate of a target (完成率): the count before it is what was achieved, its base
#: a target the text does not print (提供法律咨询11085人次,完成率116.68%).
TARGET_RATE_STEMS: Final = ("完成", "达成")
#: The outcomes of a concluded 政府信息公开 application in the national template (T3's
#: 三、本年度办理结果): every concluded application has exactly one of them.
DISCLOSURE_OUTCOMES: Final = (
    "予以公开",
    "部分公开",
    "不予公开",
    "无法提供",
    "不予处理",
    "其他处理",
)
#: Words that make the count before a target rate the target itself (共有任务50项,完成率96%).
TARGET_WORDS: Final = ("任务", "计划", "目标", "共有", "总数", "应")
#: Stems of an outcome rate (按期办结率) that is a share of the handled count before it.
OUTCOME_STEMS: Final = ("办结", "答复", "办复", "回复", "结案", "审结", "化解", "解决")
#: Verbs of a handled count (办理热线工单3600件).
HANDLING_VERBS: Final = ("办理", "收到", "受理", "接收", "排查", "共")
#: Words that make a count a total (共, 收到, 受理 …).
TOTAL_WORDS: Final = ("共", "总", "收到", "受理", "审结", "办结", "累计", "合计", "全年", "全部")
#: Words of a share written as 占 (占比23.25%, 占总量的49.9%).
SHARE_WORDS: Final = (
    "占比", "占", "占到", "占全部", "占总数", "占总量", "占总", "占比重", "占的比例", "占比例",
)  # fmt: skip

# -- reading: lists ------------------------------------------------------------------------------

#: Words that make a count the number of disposed cases (every one has an outcome).
DISPOSED_WORDS: Final = ("办结", "审结", "结案", "答复", "处理完毕")
#: Words that start a clause of a new figure rather than a list's next part (办理…, 收到…).
NEW_FIGURE_VERBS: Final = (
    "收到", "受理", "办理", "办结", "审结", "发生", "新收", "接收", "结转", "共", "累计",
    "合计", "总计", "召开", "开展", "举办", "印发", "另有", "另外", "此外",
)  # fmt: skip
#: Adverbs before such a verb (全年共收到, 同时受理).
NEW_FIGURE_ADVERBS: Final = ("全年", "当年", "年内", "已", "另", "还", "共", "累计", "合计",
                             "总计", "同时")  # fmt: skip
#: Words before ``X件中`` that open a list of its parts (审结的977件中, 在…中).
AMONG_BEFORE: Final = ("的", "在", "上述", "这", "以上")

# -- reading: streaks, ranks, titles ---------------------------------------------------------

#: Verbs of a streak's honour (连续四年获评优秀).
STREAK_VERBS: Final = (
    "获评为", "获评", "被评为", "评为", "荣获", "获得", "获", "保持", "位列", "位居", "排名",
    "入选", "被命名为", "被确定为", "获选",
)  # fmt: skip
#: Verbs of a rank (名列全省第一).
RANK_VERBS: Final = (
    "名列", "位列", "位居", "排名", "排在", "排位", "跃居", "居于", "稳居", "位于", "保持",
    "跃升至", "跃升到", "居",
)  # fmt: skip
#: Words a report title is made of (法治政府建设, 政务公开 …).
TITLE_WORDS: Final = ("法治", "依法行政", "政务公开", "信息公开", "工作", "情况", "行政复议",
                      "行政应诉", "行政诉讼")  # fmt: skip
#: Endings of a department's name (司法局, 发展和改革委员会).
DEPARTMENT_ENDINGS: Final = ("局", "委", "委员会", "厅", "办", "办公室", "中心", "院", "署", "会",
                             "所", "站", "处", "室", "部", "队", "管委会")  # fmt: skip
#: Words of a rule-of-law report's title (its ``doc_type`` is ``"rule_of_law"``).
RULE_OF_LAW_TITLE_WORDS: Final = ("法治政府建设", "依法行政", "法治建设", "法治政府")
#: Words of a disclosure report's title (its ``doc_type`` is ``"disclosure"``).
DISCLOSURE_TITLE_WORDS: Final = ("政府信息公开工作年度报告", "政府信息公开年度报告",
                                 "政府信息公开工作报告", "政务公开工作年度报告")  # fmt: skip

# -- reading: Chinese numerals that name things -----------------------------------------------

#: Words after a Chinese numeral that make it a label (三项制度, 一张清单).
CN_LABEL_AFTER: Final = (
    "制度", "清单", "机制", "工程", "行动", "原则", "要求", "规定", "任务", "体系", "模式",
    "理念", "方针", "战略", "经验", "精神", "重点", "目标", "政策", "措施", "举措", "意见",
    "部分", "实事", "民生",
)  # fmt: skip

# -- reading: the page and the report ---------------------------------------------------------

#: Words a title line calls the document by (报告, 年报, a statistics 通报 …).
REPORT_KIND_WORDS: Final = ("报告", "年报", "通报", "综述", "统计分析", "工作总结")
#: What a report is about, after its jurisdiction in the title (…区法治政府建设…).
REPORT_SUBJECT_WORDS: Final = ("法治政府", "法治建设", "依法行政", "政府信息公开", "政务公开")
#: Labels of a publication date (发布日期: 2024-01-04).
DATE_LABELS: Final = ("发布日期", "发布时间", "发文日期", "成文日期", "日期")
#: Labels of the publishing office (文章来源: 花都区司法局).
SOURCE_LABELS: Final = ("文章来源", "信息来源", "来源")
#: Page furniture: words of a line that is no report text (分享到, 打印本页 …).
FURNITURE_WORDS: Final = (
    "headerBg", "分享到", "相关附件", "打印本页", "关闭窗口", "打印本文", "收藏本页", "发布日期",
    "发布时间", "文章来源", "信息来源",
)  # fmt: skip
#: Page furniture written as a label and a colon (字体: 大 中 小, 访问量: 1234).
FURNITURE_LABELS: Final = ("字体", "访问量", "浏览次数", "阅读次数", "点击数", "来源")

# -- reading: more about figures -----------------------------------------------------------

#: Column headings of a table column of changes, not of shares (同比, 增长, 增幅 …).
CHANGE_COLUMN_WORDS: Final = (
    "同比", "环比", "增长", "增幅", "增减", "增速", "变化", "升降", "较上年",
)  # fmt: skip
#: Words after a change's own noun that only name a measure of its figure (数量同比增长).
GENERIC_MEASURE_NOUNS: Final = (
    "总数", "总量", "数量", "件数", "案件数", "人数", "次数", "规模", "数", "量", "总体", "整体",
    "总",
)  # fmt: skip
#: Words that join two named rates (参加率和及格率).
AND_WORDS: Final = ("和", "与", "以及")
#: Words a bracketed count names that make it no balance term (不予受理 is an outcome).
REFUSAL_WORDS: Final = ("不予受理", "不予处理")
#: A handled count, when a carry-over is counted inside it (办理申请152件(含上年结转6件)).
HANDLED_VERBS: Final = ("办理",)
#: How a report names its own jurisdiction (我区, 我局), and the endings of a place name.
SELF_AND_PLACE_WORDS: Final = ("我区", "我市", "我县", "我局", "我省", "区", "市", "县", "省", "镇",
                               "街道", "乡")  # fmt: skip
