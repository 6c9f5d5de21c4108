"""The records ``report_texts`` draws: a paragraph, the figures in it and the relations it states.

Plain attrs records with validators; nothing here imports Hypothesis. A :class:`ReportText`
checks itself when it is made: every figure's span quotes it, the figures are in text order
and do not overlap, every relation's figures are figures of the text, and at most one
relation does not hold (``broken``).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

import attrs

from ..records import Qualifier

__all__ = [
    "MISTAKES_OF_TEXTS",
    "NUMERAL_STYLES",
    "RELATION_CHECKS",
    "SCRIPTS",
    "STRUCTURES",
    "ReportText",
    "TextFigure",
    "TextRelation",
]

#: The sentence structures ``report_texts(structures=...)`` writes:
#:
#: ``counts``: plain counts, some with qualifiers and scale words (28300余条, 约3.5万名);
#: ``growth``: a count and its growth (同比增长68.67%);
#: ``growth_prior``: the same with last year's count printed (较上年的96件增长25%);
#: ``share``: a rate of a stated base (办结率, 成功率, 占…), with or without its part;
#: ``list_share``: shares of the parts of a list over the list's total (优秀15卷,占比25%;…);
#: ``list``: 其中 and 分别为 lists, a list closed by 其他, a bracketed list, two totals before
#: 其中, the parts of 新收 + 上年结转, and a list followed by another clause's figure;
#: ``nested_list``: a part with a 其中 list of its own;
#: ``subset``: a count inside the one before it (包括上年结转12件, 含…);
#: ``balance``: 新收 + 上年结转 = 办结 + 结转下年, in three shapes;
#: ``pp_change``: a change of a rate in 个百分点, with last year's rate printed or not;
#: ``streak``: 连续N年 with an honour.
STRUCTURES: tuple[str, ...] = (
    "counts",
    "growth",
    "growth_prior",
    "share",
    "list_share",
    "list",
    "nested_list",
    "subset",
    "balance",
    "pp_change",
    "streak",
)

#: ``script=``: simplified characters, or traditional ones (復議, 辦結, 轉結, 申請).
SCRIPTS: tuple[str, ...] = ("simplified", "traditional")

#: ``numerals=``: ASCII digits (with thousands separators now and then); Chinese numerals
#: where reports write them (small counts with a measure word: 两项, 二十次), ASCII digits
#: elsewhere; full-width digits (１２３); or a mix of the three, figure by figure.
NUMERAL_STYLES: tuple[str, ...] = ("arabic", "chinese", "fullwidth", "mixed")

#: What is wrong with the broken relation of an inconsistent text:
#:
#: ``one_unit``: a count, or a rate in its last written place, one unit off; for a list,
#: the parts one more than the largest total the text could mean;
#: ``other_scheme``: at a tie, the rate the other rounding writes (12.5% written 12%
#: where 四舍五入 writes 13%): one unit in the last place past the tie;
#: ``sign``: a rise written as a fall or the reverse;
#: ``far``: further off (a change in 个百分点 cannot be one unit off: the two rates it joins
#: are rounded too, so the nearest break is a unit and a half away).
MISTAKES_OF_TEXTS: tuple[str, ...] = ("one_unit", "other_scheme", "sign", "far")

#: The checks that judge each kind of relation (:data:`lawgov_metrics.CHECKS` ids).
RELATION_CHECKS: dict[str, tuple[str, ...]] = {
    "growth": ("growth.implied_prior", "growth.direction"),
    "share": ("share.granularity", "share.all_100", "share.range"),
    "sum": ("breakdown.sum", "breakdown.part_exceeds_whole"),
    "part_of": ("breakdown.sum", "breakdown.part_exceeds_whole", "balance.sum"),
    "balance": ("balance.sum",),
    "pp_change": ("pp_change.rates",),
    "streak": ("streak.sequence",),
}

_KINDS = ("count", "rate", "growth", "pp_change")


def _span(value: tuple[int, int] | list[int]) -> tuple[int, int]:
    a, b = value
    return int(a), int(b)


@attrs.frozen(kw_only=True)
class TextFigure:
    """One figure of a generated text, as :func:`lawgov_metrics.extract` must read it.

    Attributes:
        value: The exact value with any scale word applied (``3.5万`` -> 35000); rates and
            changes unsigned, as printed (下降12.5% has value 12.5).
        unit: The measure word in simplified characters (``件``, ``项``, ``%``,
            ``个百分点``), as the library normalises it.
        qualifier: How the written value relates to the true one (余, 约, 近, 以上).
        kind: ``"count"``, ``"rate"``, ``"growth"`` or ``"pp_change"``.
        quote: The figure as written: ``text[span[0]:span[1]]``.
        span: ``(start, end)`` offsets in the text.
        sign: ``-1`` for a growth or a change the text writes as a fall (下降12.5%, 下降0.9个
            百分点), else ``1``.
    """

    value: Decimal = attrs.field(converter=Decimal)
    unit: str
    qualifier: Qualifier = Qualifier.EXACT
    kind: str = "count"
    quote: str
    span: tuple[int, int] = attrs.field(converter=_span)
    sign: int = 1

    def __attrs_post_init__(self) -> None:
        if self.sign not in (1, -1):
            raise ValueError(f"sign must be 1 or -1, got {self.sign!r}")
        if self.sign == -1 and self.kind not in ("growth", "pp_change"):
            raise ValueError(f"only a growth or a change falls; a {self.kind} has sign 1")
        if self.kind not in _KINDS:
            raise ValueError(f"kind must be one of {_KINDS}, got {self.kind!r}")
        a, b = self.span
        if not 0 <= a < b or b - a != len(self.quote):
            raise ValueError(f"span {self.span} does not fit the quote {self.quote!r}")


@attrs.frozen(kw_only=True)
class TextRelation:
    """A relation a generated text states between its figures.

    Attributes:
        structure: The structure of :data:`STRUCTURES` that wrote it.
        shape: The template within the structure (``"two_totals"``, ``"bracketed"``,
            ``"zhan"`` …), for measuring.
        kind: What it asserts: ``"growth"`` (the rate is the change from an integer prior,
            or from the printed one), ``"share"`` (the rate is some count of the base, or
            the printed part), ``"sum"`` (the parts add up to the total), ``"part_of"``
            (the parts stay within the total), ``"balance"`` (new + carried in = concluded
            + carried out), ``"pp_change"`` (the change joins the two printed rates) or
            ``"streak"`` (which a single text cannot contradict).
        roles: The role of each figure, parallel to ``figures`` (``"total"``, ``"part"``,
            ``"current"``, ``"prior"``, ``"rate"``, ``"received"`` …).
        figures: The figures it ties, in text order of their roles.
        holds: Whether the numbers satisfy it (exactly, under 四舍五入).
        stated: Whether the text's structure leaves no other reading, so that a check must
            FAIL it when it does not hold; ``False`` where the reading rests on position
            (two totals before 其中, a list closed only by 其他), where a check may only WARN.
        mistake: For the broken relation, what is wrong (:data:`MISTAKES_OF_TEXTS`).
        span: From the first figure to the last (for a streak, the quote 连续四年).
        years: The years of a streak, else ``None``.
        exact: For a growth, a share or a change in 个百分点, the exact value (in percent or
            percentage points, signed) that the printed rate was rounded from, whether or
            not the text prints it right: ``Fraction(25, 2)`` behind 13% for 1 of 8. It
            tells a tie (the value is halfway between two printed ones) from the rest.
    """

    structure: str
    shape: str
    kind: str
    roles: tuple[str, ...]
    figures: tuple[TextFigure, ...]
    holds: bool = True
    stated: bool = True
    mistake: str = ""
    span: tuple[int, int] = attrs.field(converter=_span)
    years: int | None = None
    exact: Fraction | None = None

    def __attrs_post_init__(self) -> None:
        if self.structure not in STRUCTURES:
            raise ValueError(f"structure must be one of {STRUCTURES}, got {self.structure!r}")
        if self.kind not in RELATION_CHECKS:
            raise ValueError(f"kind must be one of {tuple(RELATION_CHECKS)}, got {self.kind!r}")
        if len(self.roles) != len(self.figures):
            raise ValueError(f"{len(self.roles)} roles for {len(self.figures)} figures")
        if self.holds == bool(self.mistake):
            raise ValueError(
                f"a relation that holds names no mistake, one that does not names one: "
                f"holds={self.holds}, mistake={self.mistake!r}"
            )
        if self.mistake and self.mistake not in MISTAKES_OF_TEXTS:
            raise ValueError(f"mistake must be one of {MISTAKES_OF_TEXTS}, got {self.mistake!r}")

    @property
    def checks(self) -> tuple[str, ...]:
        """The ids of the checks that judge this kind of relation."""
        return RELATION_CHECKS[self.kind]

    def role(self, name: str) -> tuple[TextFigure, ...]:
        """The figures of role ``name``, in order (``relation.role("part")``)."""
        return tuple(f for r, f in zip(self.roles, self.figures, strict=True) if r == name)


@attrs.frozen(kw_only=True)
class ReportText:
    """A generated paragraph in the style of the annual reports, with what it says.

    Attributes:
        text: The paragraph (with a title line and headings now and then).
        figures: Exactly the figures :func:`lawgov_metrics.extract` must find, in text
            order. Streaks and ranks are claims, not figures, so they are not here.
        relations: The relations the text states, in text order.
        structures: The structures the text was written from, in order of appearance.
        script: ``"simplified"`` or ``"traditional"``.
        numerals: The numeral style (:data:`NUMERAL_STYLES`).
        broken: The one relation that does not hold, or ``None`` for a consistent text.

    Examples:
        >>> from decimal import Decimal
        >>> f = TextFigure(value=Decimal(12), unit="件", quote="12件", span=(4, 7))
        >>> t = ReportText(text="办理案件12件。", figures=(f,), relations=(),
        ...                structures=("counts",), script="simplified", numerals="arabic")
        >>> t.consistent, t.text[slice(*t.figures[0].span)]
        (True, '12件')
    """

    text: str
    figures: tuple[TextFigure, ...]
    relations: tuple[TextRelation, ...]
    structures: tuple[str, ...]
    script: str
    numerals: str
    broken: TextRelation | None = None

    def __attrs_post_init__(self) -> None:
        if self.script not in SCRIPTS:
            raise ValueError(f"script must be one of {SCRIPTS}, got {self.script!r}")
        if self.numerals not in NUMERAL_STYLES:
            raise ValueError(f"numerals must be one of {NUMERAL_STYLES}, got {self.numerals!r}")
        end = 0
        for f in self.figures:
            a, b = f.span
            if self.text[a:b] != f.quote:
                raise ValueError(f"text[{a}:{b}] is {self.text[a:b]!r}, not {f.quote!r}")
            if a < end:
                raise ValueError(f"figure {f.quote!r} at {f.span} overlaps the one before")
            end = b
        known = set(self.figures)
        for r in self.relations:
            stray = [f.quote for f in r.figures if f not in known]
            if stray:
                raise ValueError(f"relation {r.kind} ties figures not in the text: {stray}")
        broken = [r for r in self.relations if not r.holds]
        expected = [] if self.broken is None else [self.broken]
        if broken != expected:
            raise ValueError(
                f"broken must name the one relation that does not hold; {len(broken)} do not, "
                f"broken={self.broken!r}"
            )

    @property
    def consistent(self) -> bool:
        """Whether every relation holds."""
        return self.broken is None

    def relations_of(self, kinds: Iterable[str]) -> tuple[TextRelation, ...]:
        """The relations of the given kinds."""
        wanted = set(kinds)
        return tuple(r for r in self.relations if r.kind in wanted)
