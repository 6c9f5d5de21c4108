"""Sentence builders of counts and rates: counts, growth, shares, changes in 个百分点, streaks.

Each builder takes ``(draw, small, broken)`` and returns a :class:`~._sentences.Sentence`:
``small`` asks for counts a report may write in Chinese numerals (2 to 99), ``broken`` for
exactly one relation that does not hold, a near miss no reading can pass.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction

from hypothesis import strategies as st

from ..growth import integer_priors, share_counts
from ..records import Qualifier
from ._records import written
from ._sentences import (
    AWARDS,
    CASES,
    CN_YEARS,
    COMMA,
    COUNT_PHRASES,
    GRADES,
    INTAKE_VERBS,
    LEADS,
    PART_NAMES,
    QUALIFIED_PHRASES,
    RATE_NOUNS,
    Builder,
    Draw,
    Num,
    Sentence,
    draw_parts,
    draw_size,
    half_up,
    near_miss,
    rate_slot,
    shown_rate,
)

__all__ = ["counts", "growth", "growth_prior", "list_share", "pp_change", "share", "streak"]


def counts(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = Builder("counts")
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


def _qualified(draw: Draw, b: Builder) -> None:
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
        prior = draw_size(draw, small)
        current = max(1, prior + draw(st.integers(-prior + 1, 2 * prior)))
    if current == prior:
        current += 1
    if half_up(Fraction(100 * (current - prior), prior), d) == 0:
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
    b = Builder("growth")
    noun, unit, _ = draw(st.sampled_from(CASES))
    prior, current, d = _growth_numbers(draw, small)
    g = Fraction(100 * (current - prior), prior)
    correct = half_up(g, d)
    mistake = ""
    units = correct
    if broken:
        for places in range(d, 6):  # more places where every rate of these is reachable
            try:
                units, mistake = near_miss(
                    draw, g, places, half_up(g, places), _prior_fits(current, places),
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
    rate = b.num(rate_slot(units, d, "growth"))
    b.rel("no_prior", "growth", ("current", cur), ("rate", rate),
          holds=not broken, mistake=mistake, exact=g)  # fmt: skip
    return b.done()


def growth_prior(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = Builder("growth_prior")
    noun, unit, _ = draw(st.sampled_from(CASES))
    prior, current, d = _growth_numbers(draw, small)
    g = Fraction(100 * (current - prior), prior)
    correct = half_up(g, d)
    mistake = ""
    units = correct
    if broken:
        if draw(st.integers(0, 4)) == 0:
            units, mistake = -correct, "sign"
        else:
            units, mistake = near_miss(draw, g, d, correct, lambda u: u == correct, signed=True)
    c = draw(COMMA)
    shape = draw(st.sampled_from(["jiao", "jiao_year", "paren"]))
    b.say(draw(st.sampled_from(LEADS)), draw(st.sampled_from(INTAKE_VERBS)), noun)
    cur = b.count(current, unit)
    b.say(c)
    if shape == "paren":
        b.say("同比", _growth_words(draw, units > 0))
        rate = b.num(rate_slot(units, d, "growth"))
        b.say("（上年为")
        pri = b.count(prior, unit)
        b.say("）")
    else:
        b.say("较上年的" if shape == "jiao" else "较2022年的")
        pri = b.count(prior, unit)
        b.say(_growth_words(draw, units > 0))
        rate = b.num(rate_slot(units, d, "growth"))
    b.rel(shape, "growth", ("current", cur), ("prior", pri), ("rate", rate),
          holds=not broken, mistake=mistake, exact=g)  # fmt: skip
    return b.done()


def _share_units(
    draw: Draw, k: int, n: int, d: int, broken: bool, *, bases: Sequence[int] = ()
) -> tuple[int, str]:
    """The written share of ``k`` out of ``n``; when ``broken``, one that ``k`` (and, with
    ``bases``, every count of those bases) does not give."""
    x = Fraction(100 * k, n)
    correct = half_up(x, d)
    if not broken:
        return correct, ""

    def fits(u: int) -> bool:  # judged as printed: 100.0% is printed 100%
        shown = shown_rate(u, d)
        if bases:
            return any(len(share_counts(m, shown)) for m in bases)
        return k in share_counts(n, shown)

    return near_miss(draw, x, d, correct, fits)


def _tie_share(draw: Draw, small: bool, d: int) -> tuple[int, int]:
    """A base and a count whose share is exactly halfway at ``d`` places (1 of 8 is 12.5%)."""
    t = 2 ** (d + 3)
    m = draw(st.integers(1, max(1, (99 if small else 3000) // t)))
    odd = 2 * draw(st.integers(0, t // 2 - 1)) + 1
    return t * m, odd * m


def share(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = Builder("share")
    noun, unit, outcome = draw(st.sampled_from(CASES))
    c = draw(COMMA)
    shape = draw(st.sampled_from(["part", "zhan", "base", "list_base"]))
    d = draw(st.sampled_from([0, 1, 2, 2]))
    if shape in ("base", "list_base") and broken:
        # a base small enough that some shares are out of reach at these places
        n = draw(st.integers(3, min(99, 5 * 10**d)))
        k = draw(st.integers(0, n))
    elif draw(st.integers(0, 2)) == 0:
        n, k = _tie_share(draw, small, d)
    else:
        n = draw_size(draw, small, lo=2)
        k = draw(st.one_of(st.integers(0, n), st.just(n), st.integers(max(0, n - 3), n)))
    b.say(draw(st.sampled_from(LEADS)))
    if shape == "part":
        b.say(draw(st.sampled_from(["办理", "受理", "共办理"])), noun)
        tot = b.count(n, unit)
        b.say(c, outcome)
        part = b.count(k, unit)
        units, mistake = _share_units(draw, k, n, d, broken)
        b.say(c, outcome, "率")
        rate = b.num(rate_slot(units, d))
        b.rel(shape, "share", ("total", tot), ("part", part), ("rate", rate),
              holds=not broken, mistake=mistake, exact=Fraction(100 * k, n))  # fmt: skip
    elif shape == "zhan":
        label = draw(st.sampled_from(["依申请公开", "调解结案", "维持原行政行为", "网上申请"]))
        b.say("共办理", noun)
        tot = b.count(n, unit)
        b.say(c, "其中", label)
        part = b.count(k, unit)
        units, mistake = _share_units(draw, k, n, d, broken)
        b.say(c, draw(st.sampled_from(["占", "占比", "占总数的"])))
        rate = b.num(rate_slot(units, d))
        b.rel(shape, "share", ("total", tot), ("part", part), ("rate", rate),
              holds=not broken, mistake=mistake, exact=Fraction(100 * k, n))  # fmt: skip
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
        rate = b.num(rate_slot(units, d))
        b.rel(shape, "share", ("total", tot), ("rate", rate),
              holds=not broken, mistake=mistake, exact=Fraction(100 * k, n))  # fmt: skip
    else:  # 受理480件,其中…30件,办结率97.5%: the rate of the 480 (by position)
        names = draw(st.sampled_from(PART_NAMES[3:4]))
        m = draw(st.integers(2, len(names)))
        parts = draw_parts(draw, n, m, exact=draw(st.booleans()))
        b.say(draw(st.sampled_from(["受理", "办理"])), "法律援助案件")
        tot = b.count(n, "件")
        b.say(c, "其中")
        idx = []
        for i, (name, p) in enumerate(zip(names, parts, strict=False)):
            b.say(c if i else "", name)
            idx.append(b.count(p, "件"))
        units, mistake = _share_units(draw, k, n, d, broken, bases=[n, *(p for p in parts if p)])
        b.say(c, "办结率")
        rate = b.num(rate_slot(units, d))
        b.rel(shape, "share", ("total", tot), ("rate", rate), holds=not broken,
              stated=False, mistake=mistake, exact=Fraction(100 * k, n))  # fmt: skip
        b.rel(shape, "part_of", ("total", tot), *(("part", i) for i in idx))
    return b.done()


def list_share(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = Builder("list_share")
    m = draw(st.integers(2, 4))
    d = draw(st.sampled_from([0, 0, 1, 2]))
    if draw(st.booleans()):  # the first grade's share at a tie
        total, first = _tie_share(draw, small, d)
        parts = [first, *draw_parts(draw, total - first, m - 1, exact=draw(st.booleans()))]
    else:
        total = draw_size(draw, small, lo=m)
        parts = draw_parts(draw, total, m, exact=draw(st.booleans()))
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
        rate = b.num(rate_slot(units, d))
        b.rel("graded", "share", ("total", tot), ("part", part), ("rate", rate),
              holds=i != wrong, mistake=mistake, exact=Fraction(100 * k, total))  # fmt: skip
    b.rel("graded", "part_of", ("total", tot), *(("part", i) for i in idx))
    return b.done()


def pp_change(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = Builder("pp_change")
    subject, label = draw(st.sampled_from(RATE_NOUNS))
    d = draw(st.sampled_from([1, 1, 2]))
    scale = 10 ** (d + 1)  # the true rates, one place finer than written
    while True:  # below 99%, so that every rate is printed to d places (100% has none)
        p_true = draw(st.integers(30 * scale, 99 * scale))
        c_true = draw(st.integers(30 * scale, 99 * scale))
        pw, cw = half_up(Fraction(p_true, scale), d), half_up(Fraction(c_true, scale), d)
        pp_units = half_up(Fraction(abs(c_true - p_true), scale), d)
        if pp_units and pw != cw:
            break
    up = c_true > p_true
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
        pri = b.num(rate_slot(pw, d))
        # a broken sign is said twice (由上年的72.0%提高到65.7%，提高…) or only by the change
        # itself (由上年的72.0%下降到65.7%，提高…)
        honest = mistake == "sign" and draw(st.booleans())
        b.say(("下降" if up else "提高") + "到" if honest else word + "到")
        cur = b.num(rate_slot(cw, d))
        b.say(draw(COMMA), word)
        chg = b.num(Num(written(pp_units, d), "个百分点", "pp_change", sign=1 if up else -1))
    else:
        b.say("为")
        cur = b.num(rate_slot(cw, d))
        b.say(draw(COMMA), "较上年", word)
        chg = b.num(Num(written(pp_units, d), "个百分点", "pp_change", sign=1 if up else -1))
        if shape == "plain":
            return b.done()
        b.say("（上年为")
        pri = b.num(rate_slot(pw, d))
        b.say("）")
    b.rel(shape, "pp_change", ("prior", pri), ("current", cur), ("change", chg),
          holds=not broken, mistake=mistake, exact=Fraction(c_true - p_true, scale))  # fmt: skip
    return b.done()


def streak(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = Builder("streak")
    years = draw(st.integers(2, 9))
    word = CN_YEARS[years] if draw(st.integers(0, 3)) else str(years)
    b.say(draw(st.sampled_from(["", "我区", "本单位"])))
    quote = b.mark(f"连续{word}年")
    b.say(draw(st.sampled_from(["获评", "荣获", "被评为"])), draw(st.sampled_from(AWARDS)))
    b.rel("streak", "streak", ("quote", quote), years=years)
    return b.done()
