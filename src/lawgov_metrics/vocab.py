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
    "CARRY_IN",
    "CARRY_OUT",
    "COMPARE_WORDS",
    "COMPLETION_WORDS",
    "DOWN_VERBS",
    "INTAKE_VERBS",
    "LIST_MARKERS",
    "OTHER_PART_WORDS",
    "OUTCOME_VERBS",
    "PENDING_WORDS",
    "PP_UNIT",
    "PRIOR_YEAR_WORDS",
    "RATE_UNITS",
    "RATIO_WORDS",
    "STREAK_NOISE_WORDS",
    "SUBJECT_KEY_WORDS",
    "SUM_WORDS",
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
    "上年度转入", "上年转入", "上年度未办结", "上年未办结",
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
