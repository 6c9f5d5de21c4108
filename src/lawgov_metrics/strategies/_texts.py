"""Report texts with known figures and relations: ``report_texts``.

A text is a few sentences written from the templates of :mod:`._sentences` (one structure
each), with distractor sentences between them (dates, document numbers, 第二批, 二十大,
一是/二是), now and then a title line and headings. The words are turned into traditional
characters (:mod:`._script`) and the numbers written in the numeral style asked for as the
text is assembled, so every figure's span is known exactly.

Examples:
    >>> from hypothesis import find
    >>> t = find(report_texts(consistent=False, structures=["growth"]),
    ...          lambda t: t.broken.mistake == "other_scheme")
    >>> t.text
    '收到行政复议申请7件，同比下降12%。'
    >>> [(f.quote, f.value, f.sign) for f in t.figures]
    [('7件', Decimal('7'), 1), ('12%', Decimal('12'), -1)]
    >>> t.broken.exact    # 8 to 7 is -12.5%, which 四舍五入 writes -13%
    Fraction(-25, 2)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ._list_sentences import balance, lists, nested_list, subset
from ._numbers import to_chinese
from ._rate_sentences import counts, growth, growth_prior, list_share, pp_change, share, streak
from ._script import to_traditional
from ._sentences import Draw, Mark, Num, Sentence, distractor
from ._text_records import (
    NUMERAL_STYLES,
    SCRIPTS,
    STRUCTURES,
    ReportText,
    TextFigure,
    TextRelation,
)
from ._validation import check_bool, check_choices, check_int

__all__ = ["report_texts"]

_FULLWIDTH = str.maketrans("0123456789.%", "０１２３４５６７８９．％")
_TITLES = (
    "某某区人民政府关于{y}年度法治政府建设情况的报告",
    "某某县{y}年政府信息公开工作年度报告",
    "某某市司法局{y}年法治政府建设年度报告",
)
_HEADINGS = ("一、主要工作和成效", "（一）推进严格规范公正文明执法", "二、存在的不足和原因")
#: The builder of each structure: ``(draw, small, broken) -> Sentence``.
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
#: The most sentences a text may be asked for (each is a sentence of a report).
MAX_SENTENCES = 40


def _choice(value: object, name: str, allowed: Sequence[str]) -> str:
    if not isinstance(value, str) or value not in allowed:
        raise InvalidArgument(f"{name} must be one of {tuple(allowed)}, got {value!r}")
    return value


def report_texts(
    *,
    consistent: bool = True,
    structures: Sequence[str] | None = None,
    script: str = "simplified",
    numerals: str = "arabic",
    min_sentences: int = 1,
    max_sentences: int = 6,
    distractors: bool = True,
) -> st.SearchStrategy[ReportText]:
    """Paragraphs in the style of the annual reports, with their figures and relations.

    Each text is made of sentences written from templates of 法治政府建设年度报告 and
    政府信息公开工作年度报告 prose, one structure each (:data:`STRUCTURES`), with varied
    wording (收到/受理/新收, 办结/审结/答复, 分别为/其中, 占比/占…的, 同比增长/较上年下降)
    and distractors between them: sentences of dates, document numbers and labels
    (2023年, 〔2022〕6号, 第二批, 二十大, 12345热线) that hold no figure.
    :func:`lawgov_metrics.extract` reads exactly :attr:`ReportText.figures` from
    :attr:`ReportText.text`, and the checks judge :attr:`ReportText.relations`.

    The figures of a consistent text hold exactly under 四舍五入, with the cases a careless
    check gets wrong among them: growth and shares at exact ties (1 of 8 is 12.5%, written
    13%), a change in 个百分点 one unit off the difference of its two printed rates (the
    rates are rounded too), a list whose next clause has a figure of the same unit. With
    ``consistent=False`` exactly one relation does not hold (:attr:`ReportText.broken`),
    and it is a near miss that no reading can pass: one unit off, or one unit in the last
    place past a tie (:data:`MISTAKES_OF_TEXTS`). Where the text states the relation
    (``broken.stated``) a check must FAIL it; where the reading rests on position (two
    totals before 其中, a list closed only by 其他) a check may only WARN.

    Args:
        consistent: Whether every relation holds.
        structures: The structures to write (a subset of :data:`STRUCTURES`); all of them
            by default. With ``consistent=False`` one of them must break a relation a
            single text decides (any but ``counts`` and ``streak``).
        script: ``"simplified"`` or ``"traditional"`` characters (:data:`SCRIPTS`).
        numerals: ``"arabic"``, ``"chinese"`` (small counts with a measure word, as reports
            write them: 两项, 二十次), ``"fullwidth"`` (１２３) or ``"mixed"``
            (:data:`NUMERAL_STYLES`).
        min_sentences: Fewest sentences written from the structures.
        max_sentences: Most sentences written from the structures.
        distractors: Whether to put distractor sentences between them (they do not count
            as sentences here).

    Examples:
        >>> from hypothesis import find
        >>> t = find(report_texts(consistent=False, structures=["subset"]), lambda t: True)
        >>> t.text, t.broken.kind, t.broken.stated, t.broken.mistake
        ('办理政府信息公开申请2件，包括上年结转3件。', 'part_of', True, 'one_unit')
    """
    check_bool(consistent, "consistent")
    check_bool(distractors, "distractors")
    chosen = (
        STRUCTURES if structures is None else check_choices(structures, "structures", STRUCTURES)
    )
    the_script = _choice(script, "script", SCRIPTS)
    style = _choice(numerals, "numerals", NUMERAL_STYLES)
    lo = check_int(min_sentences, "min_sentences", min_value=1, max_value=MAX_SENTENCES)
    hi = check_int(max_sentences, "max_sentences", min_value=1, max_value=MAX_SENTENCES)
    if lo > hi:
        raise InvalidArgument(f"min_sentences={lo} is above max_sentences={hi}")
    breakable = [s for s in chosen if s in BREAKABLE]
    if not consistent and not breakable:
        raise InvalidArgument(
            f"consistent=False needs a structure that can break a relation one text decides "
            f"(one of {BREAKABLE}), got structures={list(chosen)}"
        )

    @st.composite
    def draw_one(draw: Any) -> ReportText:
        n = draw(st.integers(lo, hi))
        small = draw(st.integers(0, 1 if style in ("chinese", "mixed") else 4)) == 0
        broken_at = -1 if consistent else draw(st.integers(0, n - 1))
        sentences: list[Sentence | str] = []
        for i in range(n):
            if distractors and _one_in(draw, 4):
                sentences.append(distractor(draw))
            pool = breakable if i == broken_at else chosen
            structure = draw(st.sampled_from(pool))
            sentences.append(BUILDERS[structure](draw, small, i == broken_at))
        return _write(draw, sentences, the_script, style, n)

    strategy: st.SearchStrategy[ReportText] = draw_one()
    return strategy


def _one_in(draw: Any, n: int) -> bool:
    """True one time in ``n``; shrinks to False (the plainer text)."""
    return bool(draw(st.integers(0, n - 1)) == n - 1)


def _number(draw: Any, n: Num, style: str) -> str:
    """The number of ``n`` in the numeral style (``mixed`` chooses per figure)."""
    if style == "mixed":
        style = draw(st.sampled_from(["arabic", "chinese", "fullwidth"]))
    if style == "chinese" and n.chinese_ok:
        v = int(n.digits)
        return "两" if v == 2 else to_chinese(v)
    if style == "fullwidth":
        return n.digits.translate(_FULLWIDTH)
    if n.digits.isdigit() and len(n.digits) >= 4 and not n.scale and _one_in(draw, 5):
        return f"{int(n.digits):,}"  # 3,102件
    return n.digits


def _write(
    draw: Any, sentences: Sequence[Sentence | str], script: str, style: str, n: int
) -> ReportText:
    convert = to_traditional if script == "traditional" else str
    out: list[str] = []
    pos = 0

    def emit(s: str) -> None:
        nonlocal pos
        out.append(s)
        pos += len(s)

    year = draw(st.integers(2019, 2024))
    if _one_in(draw, 3):
        emit(convert(draw(st.sampled_from(_TITLES)).format(y=year)) + "\n")
    headings = list(_HEADINGS) if _one_in(draw, 3) else []
    figures: list[TextFigure] = []
    relations: list[TextRelation] = []
    structures: list[str] = []
    broken: TextRelation | None = None
    for k, sentence in enumerate(sentences):
        if headings and k % 2 == 0:
            if out and not out[-1].endswith("\n"):
                emit("\n")
            emit(convert(headings.pop(0)) + "\n")
        if isinstance(sentence, str):
            emit(convert(sentence) + "。")
            continue
        spans: dict[int, tuple[int, int]] = {}
        figs: dict[int, TextFigure] = {}
        for i, piece in enumerate(sentence.pieces):
            start = pos
            if isinstance(piece, str):
                emit(convert(piece))
                continue
            if isinstance(piece, Mark):
                emit(convert(piece.text))
                spans[i] = (start, pos)
                continue
            pct = style in ("fullwidth",) or (style == "mixed" and draw(st.booleans()))
            unit = piece.unit
            shown_unit = ("％" if pct else "%") if unit == "%" else convert(unit)
            quote = (
                convert(piece.before)
                + _number(draw, piece, style)
                + convert(piece.scale + piece.after)
                + shown_unit
                + convert(piece.tail)
            )
            emit(quote)
            spans[i] = (start, pos)
            figs[i] = TextFigure(
                value=piece.value, unit=unit, qualifier=piece.qualifier, kind=piece.kind,
                quote=quote, span=(start, pos), sign=piece.sign,
            )  # fmt: skip
            figures.append(figs[i])
        emit("。")
        structures.append(sentence.structure)
        for rel in sentence.relations:
            term_spans = [spans[i] for _, i in rel.terms]
            made = TextRelation(
                structure=sentence.structure,
                shape=rel.shape,
                kind=rel.kind,
                roles=tuple(r for r, i in rel.terms if i in figs),
                figures=tuple(figs[i] for _, i in rel.terms if i in figs),
                holds=rel.holds,
                stated=rel.stated,
                mistake=rel.mistake,
                span=(min(a for a, _ in term_spans), max(b for _, b in term_spans)),
                years=rel.years,
                exact=rel.exact,
            )
            relations.append(made)
            if not rel.holds:
                broken = made
        if _one_in(draw, 5):
            emit("\n")
    del n
    return ReportText(
        text="".join(out),
        figures=tuple(figures),
        relations=tuple(relations),
        structures=tuple(dict.fromkeys(structures)),
        script=script,
        numerals=style,
        broken=broken,
    )
