"""The parts sentence templates are made of: slots, relations, a builder and the vocabulary.

The builders themselves live by job: :mod:`._rate_sentences` (counts, growth, shares,
changes in 个百分点, streaks) and :mod:`._list_sentences` (其中 and 分别为 lists, nested
lists, subset mentions, balances); :mod:`._texts` joins them into paragraphs.

A builder draws the numbers of one sentence and returns a :class:`Sentence`: literal text
and figure slots (:class:`Num`) in order, and the relations the sentence states, each tied
to its slots. The numbers hold exactly (四舍五入 at the printed places) unless the builder is
asked to break one relation; then exactly one relation does not hold, and it is a near miss
(one unit off, the other side of a tie) that no reading of the sentence can pass. The words
are simplified and the digits ASCII here; script and numeral style are applied when the
text is written (:mod:`._texts`).

The words come from the two kinds of report: 法治政府建设年度报告 (行政复议, 行政应诉,
法律援助, 执法案卷评查, 常务会议) and 政府信息公开工作年度报告 (申请, 答复, 主动公开).
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from hypothesis import strategies as st

from ..records import Qualifier
from ._records import is_tie, round_units, written

__all__ = [
    "CASES",
    "COMMA",
    "INTAKE_VERBS",
    "LEADS",
    "PART_NAMES",
    "Builder",
    "Draw",
    "Mark",
    "Num",
    "Rel",
    "Sentence",
    "distractor",
    "draw_parts",
    "draw_size",
    "half_up",
    "near_miss",
    "rate_slot",
    "shown_rate",
]


@attrs.frozen
class Num:
    """A figure slot: the number as written in ASCII and the words around it.

    ``before`` + number + ``scale`` + ``after`` + ``unit`` + ``tail`` is the figure's quote
    (约3.5万名, 28300余条, 300人次以上). ``sign`` is -1 for a growth or a change the words
    around it write as a fall (下降12.5%); the digits are unsigned.
    """

    digits: str
    unit: str
    kind: str = "count"
    qualifier: Qualifier = Qualifier.EXACT
    scale: str = ""
    before: str = ""
    after: str = ""
    tail: str = ""
    sign: int = 1

    @property
    def value(self) -> Decimal:
        return Decimal(self.digits) * (10000 if self.scale == "万" else 1)

    @property
    def chinese_ok(self) -> bool:
        """Whether a report might write it in Chinese numerals (两项, 二十次)."""
        return (
            self.kind == "count"
            and self.qualifier is Qualifier.EXACT
            and not self.scale
            and self.digits.isdigit()
            and 2 <= int(self.digits) <= 99
            and self.unit in CHINESE_UNITS
        )


@attrs.frozen
class Mark:
    """Literal text whose span a relation records (a streak's 连续四年)."""

    text: str


Piece = str | Num | Mark


@attrs.frozen
class Rel:
    """A relation of a sentence: its terms are ``(role, index of the slot in pieces)``.

    ``exact`` is the exact value a printed rate was rounded from (the growth or the share in
    percent, the change in percentage points), or ``None`` where the relation has no rate.
    """

    shape: str
    kind: str
    terms: tuple[tuple[str, int], ...]
    holds: bool = True
    stated: bool = True
    mistake: str = ""
    years: int | None = None
    exact: Fraction | None = None


@attrs.frozen
class Sentence:
    """One sentence (without its 。) and what it states."""

    structure: str
    pieces: tuple[Piece, ...]
    relations: tuple[Rel, ...] = ()


#: Measure words a report writes small counts with in Chinese numerals.
CHINESE_UNITS = frozenset({"项", "次", "件", "个", "场", "名", "家", "篇", "期", "场次", "人次"})

Draw = Any


class Builder:
    """Collects pieces and relations; ``num`` returns the slot's index for a relation."""

    def __init__(self, structure: str) -> None:
        self.structure = structure
        self.pieces: list[Piece] = []
        self.rels: list[Rel] = []

    def say(self, *parts: str) -> None:
        self.pieces.extend(p for p in parts if p)

    def num(self, n: Num) -> int:
        self.pieces.append(n)
        return len(self.pieces) - 1

    def count(self, value: int, unit: str) -> int:
        return self.num(Num(str(value), unit))

    def mark(self, text: str) -> int:
        self.pieces.append(Mark(text))
        return len(self.pieces) - 1

    def rel(self, shape: str, kind: str, *terms: tuple[str, int], **kw: Any) -> None:
        self.rels.append(Rel(shape, kind, tuple(terms), **kw))

    def done(self) -> Sentence:
        return Sentence(self.structure, tuple(self.pieces), tuple(self.rels))


# ---------------------------------------------------------------------------------------
# vocabulary

COMMA = st.sampled_from(["，", "，", "，", ","])
LEADS = ["", "", "", "全年", "本年度", "2023年，", "2023年度，", "截至2023年底，"]

#: (noun, unit) of cases that arrive and are concluded, and their outcome verb.
CASES: tuple[tuple[str, str, str], ...] = (
    ("行政复议申请", "件", "办结"),
    ("行政复议案件", "宗", "审结"),
    ("政府信息公开申请", "件", "答复"),
    ("法律援助案件", "件", "办结"),
    ("信访事项", "件", "办结"),
    ("行政应诉案件", "件", "审结"),
    ("人民调解案件", "宗", "调结"),
    ("行政执法投诉举报", "件", "办结"),
)
INTAKE_VERBS = ("收到", "受理", "新收", "共收到", "共受理")
#: Parts of a list of cases (applicants, ways, outcomes, kinds).
PART_NAMES: tuple[tuple[str, ...], ...] = (
    ("自然人", "法人或其他组织"),
    ("当面申请", "网络申请", "信函申请"),
    ("维持", "撤销", "确认违法", "驳回"),
    ("刑事案件", "民事案件", "行政案件"),
    ("予以公开", "部分公开", "不予公开", "无法提供"),
    ("市级", "区级", "镇街"),
)
#: Plain counts: (words before, unit, lowest, highest).
COUNT_PHRASES: tuple[tuple[str, str, int, int], ...] = (
    ("召开政府常务会议", "次", 2, 60),
    ("专题研究法治政府建设议题", "项", 2, 40),
    ("出台行政规范性文件", "件", 2, 90),
    ("开展法治培训", "场次", 2, 300),
    ("审核重大行政决策事项", "项", 2, 50),
    ("组织旁听庭审活动", "次", 2, 40),
    ("聘请法律顾问", "名", 2, 99),
    ("审查规范性文件", "件", 2, 500),
    ("清理行政规范性文件", "件", 2, 900),
    ("举办普法讲座", "场", 2, 200),
    ("培育“法律明白人”", "名", 20, 9000),
    ("公开行政执法结果信息", "条", 100, 99999),
)
#: Counts written with a qualifier: (words before, unit, words after the figure).
QUALIFIED_PHRASES: tuple[tuple[str, str, str], ...] = (
    ("发布政务信息", "条", ""),
    ("全区", "名", "群众参与普法活动"),
    ("接待群众来访", "人次", ""),
    ("组织", "万名", "国家工作人员参加学法考试"),
)
RATE_NOUNS: tuple[tuple[str, str], ...] = (
    ("行政机关负责人", "出庭应诉率"),
    ("行政复议决定", "履行率"),
    ("政务服务事项", "网上办理率"),
    ("行政执法案卷", "优良率"),
    ("重大行政决策", "合法性审查率"),
)
AWARDS = (
    "全省法治政府建设考评优秀等次",
    "全市依法行政考核第一等次",
    "全国普法工作先进单位",
    "全市政务公开工作先进单位",
)
GRADES = ("优秀", "良好", "合格", "基本合格")
CN_YEARS = {2: "两", 3: "三", 4: "四", 5: "五", 6: "六", 7: "七", 8: "八", 9: "九"}

DISTRACTORS: tuple[str, ...] = (
    "2023年3月15日，区委全面依法治区委员会召开第五次会议",
    "印发《关于进一步加强行政规范性文件管理的通知》（区府办〔{y}〕{k}号）",
    "深入学习贯彻党的二十大精神，一是健全工作机制，二是压实工作责任，三是强化督促检查",
    "畅通12345政务服务便民热线，落实“十四五”法治政府建设规划",
    "入选第二批全国法治政府建设示范项目",
    "严格落实《中华人民共和国政府信息公开条例》第二十条规定",
    "在全市法治政府建设考核中排名第{r}名",
    "{y}年12月31日前完成清理工作，推进“一件事一次办”改革",
    "根据《法治政府建设实施纲要（2021—2025年）》的要求，制定年度工作要点",
)


def distractor(draw: Draw) -> str:
    """A sentence with dates, document numbers and labels, but no figure."""
    text: str = draw(st.sampled_from(DISTRACTORS))
    return text.format(
        y=draw(st.integers(2019, 2024)), k=draw(st.integers(1, 30)), r=draw(st.integers(1, 12))
    )


def draw_parts(draw: Draw, total: int, n: int, *, exact: bool) -> list[int]:
    """``n`` non-negative parts adding up to ``total`` (``exact``) or to at most it."""
    top = total if exact else draw(st.integers(0, total))
    cuts = sorted(draw(st.lists(st.integers(0, top), min_size=n - 1, max_size=n - 1)))
    bounds = [0, *cuts, top]
    return [bounds[i + 1] - bounds[i] for i in range(n)]


def draw_size(draw: Draw, small: bool, lo: int = 1, hi: int = 3000) -> int:
    if small:
        n: int = draw(st.integers(max(lo, 2), max(lo, 2, min(hi, 99))))
    else:
        n = draw(st.one_of(st.integers(lo, min(hi, 200)), st.integers(lo, hi)))
    return n


def shown_rate(units: int, decimals: int, kind: str = "rate") -> str:
    """The digits a report prints for ``units`` at ``decimals`` places (100% without any)."""
    text = written(abs(units), decimals)
    return "100" if kind == "rate" and Fraction(text) == 100 else text


def rate_slot(units: int, decimals: int, kind: str = "rate") -> Num:
    """The slot of a rate (``kind="rate"``) or a growth; a negative growth is a fall."""
    return Num(shown_rate(units, decimals, kind), "%", kind, sign=-1 if units < 0 else 1)


def half_up(x: Fraction, d: int) -> int:
    return round_units(x, d, "half_up")


def near_miss(
    draw: Draw,
    x: Fraction,
    d: int,
    correct: int,
    ok: Callable[[int], bool],
    *,
    signed: bool = False,
) -> tuple[int, str]:
    """A written value near ``correct`` (units at ``d`` places) that ``ok`` rejects.

    At a tie the other neighbour comes first (``other_scheme``), then one unit either way
    (``one_unit``), then further (``far``); never across zero, and never below zero unless
    ``signed``. Returns ``(units, mistake)``; raises ``LookupError`` when ``ok`` accepts
    every value within 40 units.
    """
    order: list[tuple[int, str]] = []
    if is_tie(x, d):
        other = correct - 1 if Fraction(correct, 10**d) > x else correct + 1
        order.append((other, "other_scheme"))
    sign = draw(st.sampled_from([1, -1]))
    order += [(correct + sign, "one_unit"), (correct - sign, "one_unit")]
    order += [(correct + s * k, "far") for k in range(2, 41) for s in (sign, -sign)]
    for units, mistake in order:
        same_side = (units > 0) == (correct > 0) and units != 0 if signed else units >= 0
        if same_side and not ok(units):
            return units, mistake
    raise LookupError("no near miss within 40 units")
