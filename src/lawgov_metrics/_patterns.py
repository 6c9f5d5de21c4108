"""Private patterns and tables for :mod:`lawgov_metrics.extract`.

Reading numbers is not done here: normalisation, numbers, qualifiers, units and the quantity
scanner live in :mod:`lawgov_metrics.numerals`, which this module re-exports the tables of.
What is here is the extraction layer's own filtering (dates, names, 第N, list markers, page
furniture) and the words it reads subjects and claims from.

Everything works on a copy of the report text normalised by
:func:`~lawgov_metrics.numerals.normalize`, which has exactly the same length as the
original, so an offset found in the normalised text is an offset in the original text.

Examples:
    >>> from lawgov_metrics.numerals import normalize
    >>> bool(NOT_FIGURE_RES[0].match(normalize("２０２３年")))
    True
    >>> "个工作日" in UNITS, "个工作日" in DURATION_UNITS, "美元" in MONEY_UNITS
    (True, True, True)
"""

from __future__ import annotations

import re
from typing import Final

from .numerals import CHINESE_NUMERAL_CHARS, QUALIFIERS_AFTER, QUALIFIERS_BEFORE, UNITS

__all__ = [
    "CN_FIGURE_UNITS",
    "CN_NUM_CHARS",
    "DURATION_UNITS",
    "MONEY_UNITS",
    "PP_UNIT",
    "QUALIFIERS_AFTER",
    "QUALIFIERS_BEFORE",
    "UNITS",
]

# --------------------------------------------------------------------------------------
# Units, by what the extraction layer makes of them (the tables are numerals')
# --------------------------------------------------------------------------------------

#: Characters of a Chinese numeral (after normalisation).
CN_NUM_CHARS: Final = CHINESE_NUMERAL_CHARS
#: Units of a duration (年 月 日 周年 make dates here; 岁 is an age).
DURATION_UNITS: Final = frozenset(u for u, kind in UNITS.items() if kind == "time") - {
    "年", "月", "日", "周年", "岁"
}  # fmt: skip
MONEY_UNITS: Final = tuple(u for u, kind in UNITS.items() if kind == "money")
PP_UNIT: Final = "个百分点"

#: Units a Chinese-numeral figure may carry (``两项``, ``二十次``); others make names.
CN_FIGURE_UNITS: Final = frozenset(
    ("人次", "件次", "次", "项", "件", "个", "名", "家", "场", "宗", "批次", "篇", "期", "份")
)

#: Characters after a number (or its unit) that make a date or a time, never a figure.
NOT_UNIT_AFTER: Final = frozenset("年月日号时点")
#: Units that make a date, a number or an anniversary, never a figure (2023年, 100周年).
NOT_FIGURE_UNITS: Final = frozenset({*NOT_UNIT_AFTER, "周年"})

#: Words before ``近``/``超`` that make them part of a word, not a qualifier (最近, 超市).
PREFIX_BLOCKERS: Final = frozenset({"最近", "附近", "接近", "将近", "靠近", "超市"})


# --------------------------------------------------------------------------------------
# Things that look like figures but are not
# --------------------------------------------------------------------------------------

#: Dates, times, years, ranges of months, document numbers, versions, formulas.
NOT_FIGURE_RES: Final = (
    re.compile(r"\d{2,4}\s?年(?:度|底|初|末|中|前|后|以来)?"),
    re.compile(r"\d{1,2}\s?[-—–~至到]\s?\d{1,2}\s?月"),
    re.compile(r"\d{1,2}\s?月(?:份|\s?\d{1,2}\s?[日号])?"),
    re.compile(r"\d{1,2}\s?[日号](?:起|前|后|至)?"),
    re.compile(
        r"(?<!\d)(?:19|20)\d{2}(?:[-/](?:0?[1-9]|1[0-2])(?:[-/]\d{1,2})?"
        r"|\.(?:0?[1-9]|1[0-2])\.\d{1,2})(?!\d)"
    ),
    re.compile(r"\d{1,2}:\d{2}(?::\d{2})?"),
    re.compile(r"[〔\[［【(（]\s?\d{4}\s?[〕\]］】)）]\s?\d*\s?号?"),
    re.compile(r"\d+\s?号"),
    re.compile(r"[A-Za-z]+\d+|\d+[A-Za-z]+"),
    re.compile(r"\d+(?:\.\d+)+\s?(?:版|方案|版本|时代)"),
    re.compile(r"\d+\.\d+\.\d+"),
    re.compile(r"\d+\s?\+\s?(?:\d+|[A-Za-z])|[A-Za-z]\s?\+\s?\d+"),
    re.compile(r"第\s?[\d一二三四五六七八九十百千两]+"),
    re.compile(r"\d+\s?条(?:措施|意见|举措|政策|规定|禁令)"),
    re.compile(r"1[12]\d{3}(?=\s?(?:热线|市民|服务|政务|便民|平台|电话|专线))"),
)

#: Page furniture lines (dropped before any figure is looked for).
FURNITURE_RE: Final = re.compile(
    r"headerBg|分享到|相关附件|字体[:：]|【\s*字体|(?:访问量|浏览次数|阅读次数|点击数)\s?[:：]|"
    r"打印本页|关闭窗口|打印本文|收藏本页|发布日期|发布时间|文章来源|信息来源|来源[:：]"
)

#: Headings: ``一、…``, ``(三)…`` / ``（三）…``, ``1.…`` at the start of a line.
HEADING_RES: Final = (
    re.compile(r"^[ \t]*([一二三四五六七八九十]{1,3}、)"),
    re.compile(r"^[ \t]*([(（][一二三四五六七八九十]{1,3}[)）])"),
    re.compile(r"^[ \t]*(\d{1,2}[.．、](?!\d))"),
)

#: List markers inside a line: ``(1)``, ``（2）``, ``①``.
LIST_MARKER_RE: Final = re.compile(r"[(（]\s?\d{1,2}\s?[)）]")

#: Sentence and clause boundaries.
SENTENCE_END: Final = frozenset("。;；!！?？\n")
CLAUSE_END: Final = frozenset("。;；!！?？\n,，、:：|")

#: Verbs and adverbs stripped from the front of a subject (收到, 共, 累计 ...). Outcome verbs
#: (审结, 办结) stay: 审结复议案件 is another indicator than 收到复议申请.
SUBJECT_PREFIXES: Final = tuple(
    sorted(
        {
            "全年", "全区", "全市", "全县", "全省", "本年度", "本年", "当年", "年内", "今年",
            "共计", "合计", "累计", "总计", "共", "计", "累", "新", "已", "其中", "分别", "均",
            "收到", "受理", "办理", "接待", "提供", "开展", "举办", "组织",
            "出具", "提出", "发布", "公开", "处理", "化解", "调处", "审查", "审核",
            "录入", "汇聚", "培育认定", "建设", "建立", "打造", "梳理", "实现", "帮助",
            "完成", "参加", "参与", "召开", "印发", "制定", "修订", "清理", "回复", "答复",
            "接听", "转办", "上线", "推出", "新增", "新收", "新收到", "新受理", "查处",
            "查办", "在", "对",
            "向", "为", "有", "是", "了", "通过", "依法", "现有", "发生", "作出", "的",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
#: Characters after ``收`` that make it part of a noun (收费, 收入, 收益, 收缴), so that a
#: ``新收`` before them is not the verb 新收 (新收费标准 keeps 收费标准).
SHOU_NOUN_NEXT: Final = frozenset("费入益缴")
#: Words stripped from the end of a subject (达, 为, 达到, 共 ...).
SUBJECT_SUFFIXES: Final = tuple(
    sorted(
        {
            "达到", "达", "为", "是", "共", "共计", "合计", "累计", "计", "约", "约为", "均为",
            "均达", "均", "分别为", "分别", "已达", "已", "有", "总数", "总量为", "数量为",
            "占比", "占", "至", "到", "超过", "超", "突破", "逾", "近", "将近", "接近",
            "同比", "了", "的", "和", "及", "仅", "只", "高达", "多达", "已经", "保持",
            "提高到", "提升至", "提升到", "提高至", "上升到", "上升至", "下降到", "下降至",
            "由", "从",
        },
        key=len,
        reverse=True,
    )
)  # fmt: skip
