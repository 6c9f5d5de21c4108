"""Sentence builders of lists: 其中 and 分别为 lists, nested lists, subset mentions, balances.

Each builder takes ``(draw, small, broken)`` and returns a :class:`~._sentences.Sentence`;
the list shapes are the ones a reader gets wrong: two totals before 其中, the parts of
新收 + 上年结转, a list closed by 其他, a bracketed list, a list followed by another clause's
figure, and balances 新收 + 上年结转 = 办结 + 结转下年 in three shapes.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

from ._sentences import (
    CASES,
    COMMA,
    INTAKE_VERBS,
    LEADS,
    PART_NAMES,
    Builder,
    Draw,
    Sentence,
    draw_parts,
    draw_size,
)

__all__ = ["balance", "list_items", "lists", "nested_list", "subset"]


def list_items(
    b: Builder, names: Sequence[str], parts: Sequence[int], unit: str, sep: str
) -> list[int]:
    out = []
    for i, (name, p) in enumerate(zip(names, parts, strict=False)):
        b.say(sep if i else "", name)
        out.append(b.count(p, unit))
    return out


def lists(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = Builder("list")
    noun, unit, _ = draw(st.sampled_from(CASES))
    c = draw(COMMA)
    shape = draw(
        st.sampled_from(
            ["partial", "complete", "other", "bracketed", "ended", "two_totals", "sum_total"]
        )
    )
    names = draw(st.sampled_from(PART_NAMES))
    m = draw(st.integers(2, len(names)))
    total = draw_size(draw, small, lo=m + 1)
    b.say(draw(st.sampled_from(LEADS)))
    if shape in ("partial", "complete", "other", "ended"):
        exact = shape in ("complete", "other") or draw(st.booleans())
        parts = draw_parts(draw, total, m, exact=exact)
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
        idx = list_items(b, names, parts, unit, "、" if shape == "complete" else c)
        terms = (("total", tot), *(("part", i) for i in idx))
        if shape == "complete":
            b.rel(shape, "sum", *terms, holds=not broken, mistake=mistake)
        elif shape == "other":
            b.rel(shape, "part_of", *terms)
            b.rel(shape, "sum", *terms, holds=not broken, stated=False, mistake=mistake)
        else:
            b.rel(shape, "part_of", *terms, holds=not broken, mistake=mistake)
        if shape == "ended":  # a clause with a figure of its own after the list
            # as many as the total at most, but too many to be one more part of the list
            b.say(c, "全年办结", noun)
            b.count(draw(st.integers(min(total, max(1, total - sum(parts) + 1)), total)), unit)
    elif shape == "bracketed":  # 研究议题12个(其中…),召开…议题2个
        topics = ("法治议题", "规章议题", "重大决策议题")
        parts = draw_parts(draw, total, min(m, 3), exact=False)
        if broken:
            parts[-1] += total - sum(parts) + 1
        b.say("政府常务会议研究议题")
        tot = b.count(total, "个")
        b.say("（", draw(st.sampled_from(["其中", "含"])))
        idx = list_items(b, topics, parts, "个", "、")
        b.say("）", c, "召开专题会议研究议题")
        b.count(draw(st.integers(1, 40)), "个")
        b.rel(shape, "part_of", ("total", tot), *(("part", i) for i in idx),
              holds=not broken, mistake="one_unit" if broken else "")  # fmt: skip
    elif shape == "two_totals":  # 被申请行政复议9件、被提起行政诉讼1件,其中…
        names = ("维持", "撤销", "终止")
        other = draw(st.integers(1, max(1, total - 1)))
        parts = draw_parts(draw, total, 3, exact=True)
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
        idx = list_items(b, names, parts, "件", c)
        b.rel(shape, "part_of", ("total", tot), *(("part", i) for i in idx),
              holds=not broken, stated=False,
              mistake="one_unit" if broken else "")  # fmt: skip
    else:  # 本年收到申请62件,上年结转4件,其中自然人55件,法人或其他组织11件
        carried = draw(st.integers(1, max(1, total // 4)))
        parts = draw_parts(draw, total + carried, 2, exact=True)
        if broken:
            parts[-1] += 1
        b.say("本年", draw(st.sampled_from(["收到", "新收"])), "政府信息公开申请")
        rec = b.count(total, "件")
        b.say(c, "上年结转")
        car = b.count(carried, "件")
        b.say(c, "其中")
        idx = list_items(b, ("自然人", "法人或其他组织"), parts, "件", c)
        b.rel(shape, "part_of", ("received", rec), ("carried_in", car),
              *(("part", i) for i in idx), holds=not broken, stated=False,
              mistake="one_unit" if broken else "")  # fmt: skip
    return b.done()


def nested_list(draw: Draw, small: bool, broken: bool) -> Sentence:
    b = Builder("nested_list")
    c = draw(COMMA)
    closed = draw(st.booleans())  # the inner list ends in 其他
    x = draw_size(draw, small, lo=1, hi=300)
    y = draw_size(draw, small, lo=1, hi=300)
    inner_total = x + y if closed else x + draw(st.integers(0, 50))
    work = draw_size(draw, small, lo=1, hi=3000)
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
    b = Builder("subset")
    c = draw(COMMA)
    shape = draw(st.sampled_from(["baokuo", "han", "qizhong", "included"]))
    handled = draw_size(draw, small, lo=1)
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
    b = Builder("balance")
    noun, unit, _ = draw(st.sampled_from(CASES[:1] + CASES[2:4]))
    c = draw(COMMA)
    received = draw_size(draw, small, lo=1, hi=2000)
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
