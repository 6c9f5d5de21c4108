"""The words of quantities: digits, scale words, qualifiers and units.

Part of :mod:`lawgov_metrics.numerals`, which re-exports its public names.
"""

from __future__ import annotations

from collections.abc import Mapping

from ..records import Qualifier
from ._chars import _FINANCIAL_DIGITS


def _words(spaced: str) -> tuple[str, ...]:
    """Split a space-separated word list (tables below are easier to read that way)."""
    return tuple(spaced.split())


#: Chinese digit characters (after normalisation) and their values.
CHINESE_DIGITS: Mapping[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_SMALL_UNITS: Mapping[str, int] = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS: Mapping[str, int] = {"万": 10**4, "亿": 10**8}
_CONTRACTIONS: Mapping[str, str] = {"廿": "二十", "卅": "三十", "卌": "四十"}

#: Every character of a Chinese numeral after :func:`normalize`: digits, units, 廿卅卌 and
#: the financial forms.
CHINESE_NUMERAL_CHARS = frozenset(
    [*CHINESE_DIGITS, *_SMALL_UNITS, *_BIG_UNITS, *_CONTRACTIONS, *_FINANCIAL_DIGITS]
)

#: Scale words after an Arabic number and their exponents of ten (``27亿`` -> 27 × 10**8).
#: ``千`` is not a scale word before 米/克/瓦 (千米 is a unit).
SCALE_WORDS: Mapping[str, int] = {
    "万亿": 12, "千亿": 11, "百亿": 10, "亿": 8, "千万": 7, "百万": 6, "万": 4, "千": 3,
}  # fmt: skip

#: Qualifiers written before the number.
QUALIFIERS_BEFORE: Mapping[str, Qualifier] = {
    "约": Qualifier.ABOUT,
    "大约": Qualifier.ABOUT,
    "约为": Qualifier.ABOUT,
    "近": Qualifier.NEARLY,
    "将近": Qualifier.NEARLY,
    "接近": Qualifier.NEARLY,
    "近乎": Qualifier.NEARLY,
    "超": Qualifier.MORE_THAN,
    "超过": Qualifier.MORE_THAN,
    "逾": Qualifier.MORE_THAN,
    "突破": Qualifier.MORE_THAN,
    "不少于": Qualifier.AT_LEAST,
    "不低于": Qualifier.AT_LEAST,
    "不足": Qualifier.LESS_THAN,
    "不到": Qualifier.LESS_THAN,
    "少于": Qualifier.LESS_THAN,
    "低于": Qualifier.LESS_THAN,
    "不超过": Qualifier.AT_MOST,
    "不高于": Qualifier.AT_MOST,
}

#: Qualifiers written after the number: 余/多 between number and unit, the rest after the unit.
QUALIFIERS_AFTER: Mapping[str, Qualifier] = {
    "余": Qualifier.MORE_THAN,
    "多": Qualifier.MORE_THAN,
    "左右": Qualifier.ABOUT,
    "上下": Qualifier.ABOUT,
    "以上": Qualifier.AT_LEAST,
    "以下": Qualifier.AT_MOST,
    "以内": Qualifier.AT_MOST,
}

#: Measure words found in these reports, by category. A unit is matched as the longest
#: entry; ``_UNIT_GUARDS`` keeps a unit from matching the first character of a word
#: (``人民``, ``台账``, ``起草`` …). Money units carry no scale: ``万元`` is scale 万 + ``元``.
UNITS: Mapping[str, str] = {
    **dict.fromkeys(
        _words(
            "宗 件 条 人 户 家 个 次 项 场 期 份 起 名 所 批 门 篇 部 册 本 张 套 处 间 支 队 座 "
            "位 类 种 岗 票 笔 单 例 封 块 根 株 棵 头 只 艘 辆 台 首 幅 轮 届 级 号 道 节 页 "
            "人次 户次 家次 件次 场次 批次 期次 名次 宗次 条次 项次 班次 车次 架次 份次 "
            "件/次 人/次 部门 课时 学时 堂课 分 台次 网点 卷 堂 组 栋"
        ),
        "count",
    ),
    **dict.fromkeys(
        _words(
            "年 个月 月 日 天 周 周年 个工作日 工作日 小时 个小时 分钟 秒 个星期 星期 岁 "
            "个多月 个多小时"
        ),
        "time",
    ),
    "元": "money",
    "美元": "money",
    **dict.fromkeys(
        _words("亩 平方米 平方公里 公顷 公里 千米 米 吨 千克 公斤 立方米 千瓦 千瓦时"), "measure"
    ),
    **dict.fromkeys(_words("% ‰ 个百分点 百分点 倍 成 番"), "rate"),
}

#: Written unit -> unit stored on the Quantity (everything else is kept as written, so
#: ``个工作日`` and ``个月`` keep their 个; 多 inside a unit is a qualifier, not unit).
UNIT_ALIASES: Mapping[str, str] = {
    "百分点": "个百分点",
    "个多小时": "个小时",
    "个多月": "个月",
    "个星期": "周",
    "星期": "周",
}

#: Units that make a quantity a rounded value even when the number is an integer.
RATE_UNITS = frozenset({"%", "‰", "个百分点", "倍", "成"})

#: Units never accepted after a Chinese numeral, because numeral + unit is far more often a
#: word or a name there (十分, 二十届, 三级联动, 一号工程).
CN_EXCLUDED_UNITS = frozenset(_words("分 号 届 级 道 节 页 单 首 块 根 头 只 周 秒 米 门"))

#: Chinese numeral + unit phrases that are names or slogans, not counts (bias: not emitted).
NAME_PHRASES = frozenset(
    _words(
        "两个维护 两个确立 四个意识 四个自信 四个全面 三个代表 五位一体 三项制度 一规划两纲要 "
        "三个务必 两个结合 两个毫不动摇 三重一大 四下基层 五个坚持 十个坚持 八项规定"
    )
)

# Characters that may not follow a unit (the unit is then the start of a word).
_UNIT_GUARDS: Mapping[str, str] = {
    "人": "民大员工才群士",
    "台": "账帐阶",
    "起": "草点始步航来",
    "次": "数性序要级",
    "项": "目",
    "条": "例款",
    "期": "间限",
    "场": "所地景",
    "门": "户诊店槛",
    "所": "有属在以得",
    "批": "准复示",
    "日": "常期益趋",
    "户": "籍口型",
    "间": "隔接断",
    "队": "伍员长",
    "座": "谈",
    "本": "级地单部市区县届年次",
    "位": "于列居置次",
    "种": "植类子",
    "类": "别型似",
    "支": "持付撑出援",
    "名": "单称义额",
    "处": "理罚置分长",
    "家": "庭属长",
    "成": "为立员果功效绩本交熟型",
    "分": "局院会类别钟支行中所区级析之",
    "部": "署分",
    "号": "召",
    "单": "位",
    "道": "路",
    "头": "部",
    "周": "边末期",
    "元": "旦素",
    "岗": "位",
    "级": "别",
    "节": "约点日",
    "块": "钱",
    "组": "织成建长",
    "卷": "宗入",
    "栋": "梁",
}

_PCT_PREFIX = "百分之"
_RANK_END = frozenset(",。;、)! \n")
