"""Sentence templates of the annual reports, one builder per structure of ``report_texts``.

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

from collections.abc import Callable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs
from hypothesis import strategies as st

from ..growth import integer_priors, share_counts
from ..records import Qualifier
from ._records import is_tie, round_units, written

__all__ = ["BREAKABLE", "BUILDERS", "Mark", "Num", "Rel", "Sentence", "distractor"]


@attrs.frozen
class Num:
    """A figure slot: the number as written in ASCII and the words around it.

    ``before`` + number + ``scale`` + ``after`` + ``unit`` + ``tail`` is the figure's quote
    (约3.5万名, 28300余条, 300人次以上).
    """

    digits: str
    unit: str
    kind: str = "count"
    qualifier: Qualifier = Qualifier.EXACT
    scale: str = ""
    before: str = ""
    after: str = ""
    tail: str = ""

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
    """A relation of a sentence: its terms are ``(role, index of the slot in pieces)``."""

    shape: str
    kind: str
    terms: tuple[tuple[str, int], ...]
    holds: bool = True
    stated: bool = True
    mistake: str = ""
    years: int | None = None


@attrs.frozen
class Sentence:
    """One sentence (without its 。) and what it states."""

    structure: str
    pieces: tuple[Piece, ...]
    relations: tuple[Rel, ...] = ()


#: Measure words a report writes small counts with in Chinese numerals.
CHINESE_UNITS = frozenset({"项", "次", "件", "个", "场", "名", "家", "篇", "期", "场次", "人次"})

Draw = Any


class _Builder:
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


def _parts(draw: Draw, total: int, n: int, *, exact: bool) -> list[int]:
    """``n`` non-negative parts adding up to ``total`` (``exact``) or to at most it."""
    top = total if exact else draw(st.integers(0, total))
    cuts = sorted(draw(st.lists(st.integers(0, top), min_size=n - 1, max_size=n - 1)))
    bounds = [0, *cuts, top]
    return [bounds[i + 1] - bounds[i] for i in range(n)]


def _size(draw: Draw, small: bool, lo: int = 1, hi: int = 3000) -> int:
    if small:
        n: int = draw(st.integers(max(lo, 2), max(lo, 2, min(hi, 99))))
    else:
        n = draw(st.one_of(st.integers(lo, min(hi, 200)), st.integers(lo, hi)))
    return n


def _rate(units: int, decimals: int, kind: str = "rate") -> Num:
    text = written(abs(units), decimals)
    if kind == "rate" and Fraction(text) == 100:
        text = "100"
    return Num(text, "%", kind)


def _half_up(x: Fraction, d: int) -> int:
    return round_units(x, d, "half_up")


def _near(
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


# ---------------------------------------------------------------------------------------
# builders: each takes (draw, small, broken) and returns a Sentence


def counts(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("counts")
    c = draw(COMMA)
    b.say(draw(st.sampled_from(LEADS)))
    n = draw(st.integers(1, 3))
    phrases = draw(st.permutations(COUNT_PHRASES))[:n]
    for i, (words, unit, lo, hi) in enumerate(phrases):
        if i:
            b.say(c)
        b.say(words)
        b.count(draw(st.integers(lo, max(lo, min(hi, 99)) if small else hi)), unit)
    if draw(st.booleans()):
        b.say(c)
        _qualified(draw, b)
    return b.done()


def _qualified(draw: Draw, b: _Builder) -> None:
    words, unit, after = draw(st.sampled_from(QUALIFIED_PHRASES))
    b.say(words)
    if unit == "条":  # 28300余条
        v = draw(st.integers(11, 999)) * 100
        b.num(Num(str(v), "条", qualifier=Qualifier.MORE_THAN, after="余"))
    elif unit == "名":  # 约3.5万名
        digits = f"{draw(st.integers(11, 99)) / 10:.1f}".removesuffix(".0")
        b.num(Num(digits, "名", qualifier=Qualifier.ABOUT, scale="万", before="约"))
    elif unit == "人次":  # 超过500人次 / 300人次以上
        v = draw(st.integers(2, 90)) * 100
        if draw(st.booleans()):
            b.num(Num(str(v), "人次", qualifier=Qualifier.MORE_THAN, before="超过"))
        else:
            b.num(Num(str(v), "人次", qualifier=Qualifier.AT_LEAST, tail="以上"))
    else:  # 组织2万余名国家工作人员参加学法考试
        v = draw(st.integers(2, 9))
        b.num(Num(str(v), "名", qualifier=Qualifier.MORE_THAN, scale="万", after="余"))
    b.say(after)


def _growth_numbers(draw: Draw, small: bool) -> tuple[int, int, int]:
    """A prior, a current count and decimals: ties a third of the time, never zero growth."""
    d = draw(st.sampled_from([0, 1, 2, 2]))
    if draw(st.integers(0, 2)) == 0:  # a tie: prior a multiple of 2**(d+3)
        t = 2 ** (d + 3)
        m = draw(st.integers(1, max(1, (99 if small else 3000) // t)))
        prior = m * t
        k = draw(st.integers(-(t // 2) + 1, t)) * 2 - 1
        current = max(1, prior + m * k)
    else:
        prior = _size(draw, small)
        current = max(1, prior + draw(st.integers(-prior + 1, 2 * prior)))
    if current == prior:
        current += 1
    if _half_up(Fraction(100 * (current - prior), prior), d) == 0:
        current = prior + max(1, prior // 5)
    return prior, current, d


def _prior_fits(current: int, places: int) -> Callable[[int], bool]:
    """Whether some whole prior gives ``current`` the rate of ``units`` at ``places``."""

    def fits(units: int) -> bool:
        try:
            return len(integer_priors(current, written(units, places))) > 0
        except ValueError:  # a fall of 100% or more: no near miss to write
            return True

    return fits


def _growth_words(draw: Draw, up: bool) -> str:
    words = ["增长", "增长", "增加", "上升"] if up else ["下降", "下降", "减少"]
    word: str = draw(st.sampled_from(words))
    return word


def growth(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("growth")
    noun, unit, _ = draw(st.sampled_from(CASES))
    prior, current, d = _growth_numbers(draw, small)
    g = Fraction(100 * (current - prior), prior)
    correct = _half_up(g, d)
    mistake = ""
    units = correct
    if broken:
        for places in range(d, 6):  # more places where every rate of these is reachable
            try:
                units, mistake = _near(
                    draw, g, places, _half_up(g, places), _prior_fits(current, places),
                    signed=True,
                )  # fmt: skip
                d = places
                break
            except LookupError:
                continue
        else:  # pragma: no cover - a rate of five places always has gaps for these counts
            raise AssertionError(f"no unreachable growth rate for {prior} -> {current}")
    b.say(draw(st.sampled_from(LEADS)), draw(st.sampled_from(INTAKE_VERBS)), noun)
    cur = b.count(current, unit)
    b.say(draw(COMMA), draw(st.sampled_from(["同比", "较上年", "比上年"])))
    b.say(_growth_words(draw, units > 0))
    rate = b.num(_rate(units, d, "growth"))
    b.rel("no_prior", "growth", ("current", cur), ("rate", rate),
          holds=not broken, mistake=mistake)  # fmt: skip
    return b.done()


def growth_prior(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("growth_prior")
    noun, unit, _ = draw(st.sampled_from(CASES))
    prior, current, d = _growth_numbers(draw, small)
    g = Fraction(100 * (current - prior), prior)
    correct = _half_up(g, d)
    mistake = ""
    units = correct
    if broken:
        if draw(st.integers(0, 4)) == 0:
            units, mistake = -correct, "sign"
        else:
            units, mistake = _near(draw, g, d, correct, lambda u: u == correct, signed=True)
    c = draw(COMMA)
    shape = draw(st.sampled_from(["jiao", "jiao_year", "paren"]))
    b.say(draw(st.sampled_from(LEADS)), draw(st.sampled_from(INTAKE_VERBS)), noun)
    cur = b.count(current, unit)
    b.say(c)
    if shape == "paren":
        b.say("同比", _growth_words(draw, units > 0))
        rate = b.num(_rate(units, d, "growth"))
        b.say("（上年为")
        pri = b.count(prior, unit)
        b.say("）")
    else:
        b.say("较上年的" if shape == "jiao" else "较2022年的")
        pri = b.count(prior, unit)
        b.say(_growth_words(draw, units > 0))
        rate = b.num(_rate(units, d, "growth"))
    b.rel(shape, "growth", ("current", cur), ("prior", pri), ("rate", rate),
          holds=not broken, mistake=mistake)  # fmt: skip
    return b.done()


def _share_units(
    draw: Draw, k: int, n: int, d: int, broken: bool, *, bases: Sequence[int] = ()
) -> tuple[int, str]:
    """The written share of ``k`` out of ``n``; when ``broken``, one that ``k`` (and, with
    ``bases``, every count of those bases) does not give."""
    x = Fraction(100 * k, n)
    correct = _half_up(x, d)
    if not broken:
        return correct, ""

    def fits(u: int) -> bool:
        if bases:
            return any(len(share_counts(m, written(u, d))) for m in bases)
        return _half_up(x, d) == u

    return _near(draw, x, d, correct, fits)


def share(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("share")
    noun, unit, outcome = draw(st.sampled_from(CASES))
    c = draw(COMMA)
    shape = draw(st.sampled_from(["part", "zhan", "base", "list_base"]))
    d = draw(st.sampled_from([0, 1, 2, 2]))
    if shape in ("base", "list_base") and broken:
        # a base small enough that some shares are out of reach at these places
        n = draw(st.integers(3, min(99, 5 * 10**d)))
    elif draw(st.integers(0, 3)) == 0:
        n = 8 * draw(st.integers(1, 12 if small else 60))  # ties at 0 places
    else:
        n = _size(draw, small, lo=2)
    k = draw(st.one_of(st.integers(0, n), st.just(n), st.integers(max(0, n - 3), n)))
    b.say(draw(st.sampled_from(LEADS)))
    if shape == "part":
        b.say(draw(st.sampled_from(["办理", "受理", "共办理"])), noun)
        tot = b.count(n, unit)
        b.say(c, outcome)
        part = b.count(k, unit)
        units, mistake = _share_units(draw, k, n, d, broken)
        b.say(c, outcome, "率")
        rate = b.num(_rate(units, d))
        b.rel(shape, "share", ("total", tot), ("part", part), ("rate", rate),
              holds=not broken, mistake=mistake)  # fmt: skip
    elif shape == "zhan":
        label = draw(st.sampled_from(["依申请公开", "调解结案", "维持原行政行为", "网上申请"]))
        b.say("共办理", noun)
        tot = b.count(n, unit)
        b.say(c, "其中", label)
        part = b.count(k, unit)
        units, mistake = _share_units(draw, k, n, d, broken)
        b.say(c, draw(st.sampled_from(["占", "占比", "占总数的"])))
        rate = b.num(_rate(units, d))
        b.rel(shape, "share", ("total", tot), ("part", part), ("rate", rate),
              holds=not broken, mistake=mistake)  # fmt: skip
        b.rel(shape, "part_of", ("total", tot), ("part", part))
    elif shape == "base":
        if draw(st.booleans()):
            b.say("调解矛盾纠纷")
            tot = b.count(n, "宗")
            b.say(c, "调解成功率达")
        else:
            b.say("共办理", noun)
            tot = b.count(n, unit)
            b.say(c, outcome, "率为")
        units, mistake = _share_units(draw, k, n, d, broken, bases=[n])
        rate = b.num(_rate(units, d))
        b.rel(shape, "share", ("total", tot), ("rate", rate), holds=not broken, mistake=mistake)
    else:  # 受理480件,其中…30件,办结率97.5%: the rate of the 480 (by position)
        names = draw(st.sampled_from(PART_NAMES[3:4]))
        m = draw(st.integers(2, len(names)))
        parts = _parts(draw, n, m, exact=draw(st.booleans()))
        b.say(draw(st.sampled_from(["受理", "办理"])), "法律援助案件")
        tot = b.count(n, "件")
        b.say(c, "其中")
        idx = []
        for i, (name, p) in enumerate(zip(names, parts, strict=False)):
            b.say(c if i else "", name)
            idx.append(b.count(p, "件"))
        units, mistake = _share_units(draw, k, n, d, broken, bases=[n, *(p for p in parts if p)])
        b.say(c, "办结率")
        rate = b.num(_rate(units, d))
        b.rel(shape, "share", ("total", tot), ("rate", rate),
              holds=not broken, stated=False, mistake=mistake)  # fmt: skip
        b.rel(shape, "part_of", ("total", tot), *(("part", i) for i in idx))
    return b.done()


def list_share(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("list_share")
    m = draw(st.integers(2, 4))
    total = 8 * draw(st.integers(1, 25)) if draw(st.booleans()) else _size(draw, small, lo=m)
    parts = _parts(draw, total, m, exact=draw(st.booleans()))
    d = draw(st.sampled_from([0, 0, 1, 2]))
    wrong = draw(st.integers(0, m - 1)) if broken else -1
    semi = draw(st.sampled_from(["；", "；", ";"]))
    c = draw(COMMA)
    b.say(draw(st.sampled_from(LEADS)), "评查行政执法案卷")
    tot = b.count(total, "卷")
    b.say(c, "其中")
    idx = []
    for i, (grade, k) in enumerate(zip(GRADES, parts, strict=False)):
        b.say(semi if i else "", grade)
        part = b.count(k, "卷")
        idx.append(part)
        units, mistake = _share_units(draw, k, total, d, i == wrong)
        b.say(c, draw(st.sampled_from(["占比", "占比", "占"])))
        rate = b.num(_rate(units, d))
        b.rel("graded", "share", ("total", tot), ("part", part), ("rate", rate),
              holds=i != wrong, mistake=mistake)  # fmt: skip
    b.rel("graded", "part_of", ("total", tot), *(("part", i) for i in idx))
    return b.done()


def _list_items(
    b: _Builder, names: Sequence[str], parts: Sequence[int], unit: str, sep: str
) -> list[int]:
    out = []
    for i, (name, p) in enumerate(zip(names, parts, strict=False)):
        b.say(sep if i else "", name)
        out.append(b.count(p, unit))
    return out


def lists(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("list")
    noun, unit, _ = draw(st.sampled_from(CASES))
    c = draw(COMMA)
    shape = draw(
        st.sampled_from(
            ["partial", "complete", "other", "bracketed", "ended", "two_totals", "sum_total"]
        )
    )
    names = draw(st.sampled_from(PART_NAMES))
    m = draw(st.integers(2, len(names)))
    total = _size(draw, small, lo=m + 1)
    b.say(draw(st.sampled_from(LEADS)))
    if shape in ("partial", "complete", "other", "ended"):
        exact = shape in ("complete", "other") or draw(st.booleans())
        parts = _parts(draw, total, m, exact=exact)
        mistake = "one_unit" if broken else ""
        if broken:
            if shape == "other":
                total += 1  # the parts fall short of the total: the 其他 part only infers
            elif shape == "complete":
                total += draw(st.sampled_from([1, -1])) if total > sum(parts) > 0 else 1
            else:
                parts[-1] += total - sum(parts) + 1  # one more than the total
        if shape == "other":
            names = (*names[: m - 1], "其他方式")
        verb = draw(st.sampled_from(INTAKE_VERBS))
        b.say(verb, noun)
        tot = b.count(total, unit)
        b.say(c, "分别为" if shape == "complete" else "其中")
        idx = _list_items(b, names, parts, unit, "、" if shape == "complete" else c)
        terms = (("total", tot), *(("part", i) for i in idx))
        if shape == "complete":
            b.rel(shape, "sum", *terms, holds=not broken, mistake=mistake)
        elif shape == "other":
            b.rel(shape, "part_of", *terms)
            b.rel(shape, "sum", *terms, holds=not broken, stated=False, mistake=mistake)
        else:
            b.rel(shape, "part_of", *terms, holds=not broken, mistake=mistake)
        if shape == "ended":  # a clause with a figure of its own after the list
            b.say(c, "全年办结", noun)
            b.count(draw(st.integers(sum(parts) + 1, sum(parts) + 50)) if not broken
                    else draw(st.integers(1, 3000)), unit)  # fmt: skip
    elif shape == "bracketed":  # 研究议题12个(其中…),召开…议题2个
        topics = ("法治议题", "规章议题", "重大决策议题")
        parts = _parts(draw, total, min(m, 3), exact=False)
        if broken:
            parts[-1] += total - sum(parts) + 1
        b.say("政府常务会议研究议题")
        tot = b.count(total, "个")
        b.say("（", draw(st.sampled_from(["其中", "含"])))
        idx = _list_items(b, topics, parts, "个", "、")
        b.say("）", c, "召开专题会议研究议题")
        b.count(draw(st.integers(1, 40)), "个")
        b.rel(shape, "part_of", ("total", tot), *(("part", i) for i in idx),
              holds=not broken, mistake="one_unit" if broken else "")  # fmt: skip
    elif shape == "two_totals":  # 被申请行政复议9件、被提起行政诉讼1件,其中…
        names = ("维持", "撤销", "终止")
        other = draw(st.integers(1, max(1, total - 1)))
        parts = _parts(draw, total, 3, exact=True)
        if broken:
            parts[-1] += total + other - sum(parts) + 1
        first = draw(st.booleans())
        b.say("本机关")
        if first:
            b.say("被申请行政复议")
            tot = b.count(total, "件")
            b.say("、被提起行政诉讼")
            b.count(other, "件")
        else:
            b.say("被提起行政诉讼")
            b.count(other, "件")
            b.say("、被申请行政复议")
            tot = b.count(total, "件")
        b.say(c, "其中")
        idx = _list_items(b, names, parts, "件", c)
        b.rel(shape, "part_of", ("total", tot), *(("part", i) for i in idx),
              holds=not broken, stated=False,
              mistake="one_unit" if broken else "")  # fmt: skip
    else:  # 本年收到申请62件,上年结转4件,其中自然人55件,法人或其他组织11件
        carried = draw(st.integers(1, max(1, total // 4)))
        parts = _parts(draw, total + carried, 2, exact=True)
        if broken:
            parts[-1] += 1
        b.say("本年", draw(st.sampled_from(["收到", "新收"])), "政府信息公开申请")
        rec = b.count(total, "件")
        b.say(c, "上年结转")
        car = b.count(carried, "件")
        b.say(c, "其中")
        idx = _list_items(b, ("自然人", "法人或其他组织"), parts, "件", c)
        b.rel(shape, "part_of", ("received", rec), ("carried_in", car),
              *(("part", i) for i in idx), holds=not broken, stated=False,
              mistake="one_unit" if broken else "")  # fmt: skip
    return b.done()


def nested_list(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("nested_list")
    c = draw(COMMA)
    closed = draw(st.booleans())  # the inner list ends in 其他
    x = _size(draw, small, lo=1, hi=300)
    y = _size(draw, small, lo=1, hi=300)
    inner_total = x + y if closed else x + draw(st.integers(0, 50))
    work = _size(draw, small, lo=1, hi=3000)
    total = inner_total + work + draw(st.integers(0, 100))
    which = draw(st.sampled_from(["outer", "inner"])) if broken else ""
    if which == "outer":
        work = total - inner_total + 1
    elif which == "inner" and closed:
        inner_total += 1  # the inner parts fall short of their total
        total += 1
    elif which == "inner":
        x = inner_total + 1
    b.say(draw(st.sampled_from(LEADS)), "主动公开政府信息")
    tot = b.count(total, "条")
    b.say(c, "其中政策文件")
    inner = b.count(inner_total, "条")
    b.say("（其中规范性文件")
    px = b.count(x, "条")
    parts = [px]
    if closed:
        b.say("、其他")
        parts.append(b.count(y, "条"))
    b.say("）", c, "工作动态")
    pw = b.count(work, "条")
    b.rel("outer", "part_of", ("total", tot), ("part", inner), ("part", pw),
          holds=which != "outer", mistake="one_unit" if which == "outer" else "")  # fmt: skip
    inner_terms = (("total", inner), *(("part", p) for p in parts))
    if closed:
        b.rel("inner", "part_of", *inner_terms)
        b.rel("inner_closed", "sum", *inner_terms, holds=which != "inner", stated=False,
              mistake="one_unit" if which == "inner" else "")  # fmt: skip
    else:
        b.rel("inner", "part_of", *inner_terms, holds=which != "inner",
              mistake="one_unit" if which == "inner" else "")  # fmt: skip
    return b.done()


def subset(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("subset")
    c = draw(COMMA)
    shape = draw(st.sampled_from(["baokuo", "han", "qizhong", "included"]))
    handled = _size(draw, small, lo=1)
    inside = draw(st.integers(0, handled)) if shape != "included" else draw(st.integers(1, handled))
    if broken:
        inside = handled + 1
    mistake = "one_unit" if broken else ""
    b.say(draw(st.sampled_from(LEADS)))
    if shape == "included":  # 发布政务信息1200条(含图解类信息80条)
        b.say("发布政务信息")
        whole = b.count(handled, "条")
        b.say("（含图解类信息")
        part = b.count(inside, "条")
        b.say("）")
        b.rel(shape, "part_of", ("total", whole), ("part", part), holds=not broken,
              mistake=mistake)  # fmt: skip
        return b.done()
    b.say("办理政府信息公开申请")
    whole = b.count(handled, "件")
    if shape == "han":
        b.say("（含上年结转")
        part = b.count(inside, "件")
        b.say("）")
    else:
        b.say(c, "包括上年结转" if shape == "baokuo" else "其中上年结转")
        part = b.count(inside, "件")
    b.rel(shape, "part_of", ("handled", whole), ("carried_in", part), holds=not broken,
          mistake=mistake)  # fmt: skip
    return b.done()


def balance(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("balance")
    noun, unit, _ = draw(st.sampled_from(CASES[:1] + CASES[2:4]))
    c = draw(COMMA)
    received = _size(draw, small, lo=1, hi=2000)
    carried_in = draw(st.integers(1, max(1, min(60, received))))
    carried_out = draw(st.integers(0, min(received + carried_in, 80)))
    concluded = received + carried_in - carried_out
    if broken:
        carried_out += draw(st.sampled_from([1, -1])) if carried_out else 1
    shape = draw(st.sampled_from(["plain", "excluded", "handled"]))
    done = draw(st.sampled_from(["办结", "已办结", "答复"]))
    out = draw(st.sampled_from(["结转下年", "结转下年度继续办理", "正在办理"]))
    b.say(draw(st.sampled_from(LEADS)))
    terms: list[tuple[str, int]] = []
    if shape == "plain":
        b.say(draw(st.sampled_from(["收到", "受理", "新收"])), noun)
        terms.append(("received", b.count(received, unit)))
        b.say(c, "上年结转")
        terms.append(("carried_in", b.count(carried_in, unit)))
    elif shape == "excluded":
        b.say("受理", noun)
        terms.append(("received", b.count(received, unit)))
        b.say("（未包含上年结转")
        terms.append(("carried_in", b.count(carried_in, unit)))
        b.say("）")
    else:
        b.say("共办理", noun)
        terms.append(("handled", b.count(received + carried_in, unit)))
        b.say("（含上年结转")
        terms.append(("carried_in", b.count(carried_in, unit)))
        b.say("）")
    b.say(c, "其中" if shape == "excluded" else "", done)
    terms.append(("concluded", b.count(concluded, unit)))
    b.say(c, out)
    terms.append(("carried_out", b.count(carried_out, unit)))
    b.rel(shape, "balance", *terms, holds=not broken, mistake="one_unit" if broken else "")
    return b.done()


def pp_change(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("pp_change")
    subject, label = draw(st.sampled_from(RATE_NOUNS))
    d = draw(st.sampled_from([1, 1, 2]))
    scale = 10 ** (d + 1)  # the true rates, one place finer than written
    while True:
        p_true = draw(st.integers(30 * scale, 100 * scale))
        c_true = draw(st.integers(30 * scale, 100 * scale))
        pp_units = _half_up(Fraction(abs(c_true - p_true), scale), d)
        if pp_units:
            break
    up = c_true > p_true
    pw, cw = _half_up(Fraction(p_true, scale), d), _half_up(Fraction(c_true, scale), d)
    shape = draw(st.sampled_from(["from_to", "paren", "plain"])) if not broken else None
    shape = shape or draw(st.sampled_from(["from_to", "paren"]))
    mistake = ""
    if broken:
        # the written rates allow a change within a unit and a half of their difference
        diff = abs(cw - pw)
        if draw(st.booleans()) or diff < 2:
            pp_units, mistake = diff + 2, "far"
        else:
            up, mistake = not up, "sign"
            pp_units = diff
    word = "提高" if up else "下降"
    b.say(subject, label)
    if shape == "from_to":
        b.say("由上年的")
        pri = b.num(_rate(pw, d))
        b.say(word + "到")
        cur = b.num(_rate(cw, d))
        b.say(draw(COMMA), word)
        chg = b.num(Num(written(pp_units, d), "个百分点", "pp_change"))
    else:
        b.say("为")
        cur = b.num(_rate(cw, d))
        b.say(draw(COMMA), "较上年", word)
        chg = b.num(Num(written(pp_units, d), "个百分点", "pp_change"))
        if shape == "plain":
            return b.done()
        b.say("（上年为")
        pri = b.num(_rate(pw, d))
        b.say("）")
    b.rel(shape, "pp_change", ("prior", pri), ("current", cur), ("change", chg),
          holds=not broken, mistake=mistake)  # fmt: skip
    return b.done()


def streak(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = _Builder("streak")
    years = draw(st.integers(2, 9))
    word = CN_YEARS[years] if draw(st.integers(0, 3)) else str(years)
    b.say(draw(st.sampled_from(["", "我区", "本单位"])))
    quote = b.mark(f"连续{word}年")
    b.say(draw(st.sampled_from(["获评", "荣获", "被评为"])), draw(st.sampled_from(AWARDS)))
    b.rel("streak", "streak", ("quote", quote), years=years)
    return b.done()


#: The builder of each structure.
BUILDERS: dict[str, Callable[[Draw, bool, bool], Sentence]] = {
    "counts": counts,
    "growth": growth,
    "growth_prior": growth_prior,
    "share": share,
    "list_share": list_share,
    "list": lists,
    "nested_list": nested_list,
    "subset": subset,
    "balance": balance,
    "pp_change": pp_change,
    "streak": streak,
}
#: The structures whose sentences can break a relation the text alone decides.
BREAKABLE: tuple[str, ...] = tuple(s for s in BUILDERS if s not in ("counts", "streak"))
