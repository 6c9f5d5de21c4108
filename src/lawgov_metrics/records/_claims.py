"""Figures and the relation claims a report states about them."""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable
from decimal import Decimal
from typing import ClassVar, Literal

import attrs

from ._quantity import Qualifier, Quantity

__all__ = [
    "BalanceClaim",
    "Binding",
    "BreakdownClaim",
    "Claim",
    "Figure",
    "GrowthClaim",
    "PPChangeClaim",
    "RankClaim",
    "ShareClaim",
    "Span",
    "StreakClaim",
]


Span = tuple[int, int]


class Binding(enum.Enum):
    """How a relation claim was tied to its figures: the evidence behind the reading.

    A check FAILs a relation only when its binding is STATED: the text's structure left no
    other reading, so numbers that contradict it cannot all be true. A reading that was
    chosen (by position or by arithmetic) can be wrong, so a contradiction there is a WARN.

    =========== ==========================================================================
    member      meaning
    =========== ==========================================================================
    STATED      the text's structure leaves no choice: 共X件,其中…; X件,分别为…; a table
                row or column; 由a%提高到b%; a rate in the clause of its count
    POSITIONAL  the nearest plausible figure was taken; another reading was possible
    ARITHMETIC  of several candidates, the one the numbers fit was taken (the others are
                in ``alternatives``)
    =========== ==========================================================================
    """

    STATED = "stated"
    POSITIONAL = "positional"
    ARITHMETIC = "arithmetic"


def _to_binding(value: Binding | str) -> Binding:
    return value if isinstance(value, Binding) else Binding(value)


def _alternatives(values: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(values)


@attrs.frozen(kw_only=True)
class Figure:
    """One figure found in a report, with where it came from.

    Attributes:
        quantity: The value as written.
        subject: The short noun phrase the number measures (``行政复议申请``).
        quote: The text of the figure itself, ``report.text[span[0]:span[1]]``.
        span: ``(start, end)`` character offsets of ``quote`` in the report text.
        section: The heading path the figure sits under, outermost first.
        kind: ``"count"``, ``"rate"``, ``"money"``, ``"duration"``, ``"growth"``,
            ``"pp_change"`` or ``"other"``; ``"sum"`` for a total the text gives only as
            the sum of printed figures (本年收到62件,上年结转4件,其中… lists the parts of 66),
            which is never in ``Report.figures``: its quote runs from the first term to the
            last and its quantity's text is ``62件+4件``.
        context: The sentence (clause) around the figure, for display.
    """

    quantity: Quantity
    subject: str = ""
    quote: str = ""
    span: Span = (0, 0)
    section: tuple[str, ...] = ()
    kind: str = "count"
    context: str = ""

    @property
    def value(self) -> Decimal:
        """Shortcut for ``quantity.value``."""
        return self.quantity.value

    @property
    def unit(self) -> str:
        """Shortcut for ``quantity.unit``."""
        return self.quantity.unit

    @property
    def start(self) -> int:
        """Start offset of the quote."""
        return self.span[0]

    @property
    def end(self) -> int:
        """End offset of the quote."""
        return self.span[1]

    def __repr__(self) -> str:
        q = self.quantity
        return (
            f"Figure({self.subject or '?'}: {q.value} {q.unit or ''}"
            f"{'' if q.qualifier is Qualifier.EXACT else ' ' + q.qualifier.value}"
            f", quote={self.quote!r}, span={self.span})"
        )

    def _repr_html_(self) -> str:
        return "<div><b>{}</b> = {} <code>{}</code> <small>{}–{}</small></div>".format(
            html.escape(self.subject or "?"),
            html.escape(str(self.quantity.value)),
            html.escape(self.quote),
            self.span[0],
            self.span[1],
        )


@attrs.frozen(kw_only=True)
class _ClaimBase:
    subject: str = ""
    quote: str = ""
    span: Span = (0, 0)
    section: tuple[str, ...] = ()
    kind: ClassVar[str] = "claim"


@attrs.frozen(kw_only=True)
class GrowthClaim(_ClaimBase):
    """A year-over-year change claim (同比增长68.67%, 比上年减少, 增长2倍, 翻一番, 持平).

    Attributes:
        figure: The current-year figure the change is about, when identified.
        rate: The signed change in percent, multiples resolved: 增长2倍 -> +200%,
            是上年的2倍 / 增长到2倍 -> +100%, 翻两番 -> +300%, 持平 -> 0%. Its qualifier and
            resolution follow the written form (``近3倍`` stays NEARLY, resolution 100%).
        direction: ``"up"``, ``"down"`` or ``"flat"``.
        rate_figure: The figure of the written rate itself, when it is one.
        basis: The prior-year figure when the text prints it (较2022年558件).
        form: How the change was written: ``"percent"``, ``"times_increase"`` (增长N倍),
            ``"times_of"`` (是…的N倍, 增长到N倍), ``"doublings"`` (翻N番), ``"flat"`` (持平),
            ``"difference"`` (增加555件, an absolute change).
        difference: The absolute change when that is what is written (增加555件).
        binding: How ``figure`` (and ``basis``) were tied to the rate (:class:`Binding`).
        alternatives: Other figures that were considered as the current figure.
    """

    figure: Figure | None = None
    rate: Quantity | None = None
    direction: Literal["up", "down", "flat"] = "up"
    rate_figure: Figure | None = None
    basis: Figure | None = None
    form: str = "percent"
    difference: Quantity | None = None
    binding: Binding = attrs.field(default=Binding.STATED, converter=_to_binding)
    alternatives: tuple[Figure, ...] = attrs.field(default=(), converter=_alternatives)
    kind: ClassVar[str] = "growth"


@attrs.frozen(kw_only=True)
class ShareClaim(_ClaimBase):
    """A rate that is a share of a count (调解矛盾纠纷1497宗,成功率达98.73%).

    Attributes:
        rate: The rate as written (unit ``%``).
        rate_figure: The figure of the rate itself.
        total: The count it is a share of, when the text states it; else ``None``.
        part: The count of the numerator, when printed (结案170件,调解率17.4%).
        binding: How ``total`` (and ``part``) were tied to the rate (:class:`Binding`).
        alternatives: Other figures that were considered as the base.
    """

    rate: Quantity
    rate_figure: Figure | None = None
    total: Figure | None = None
    part: Figure | None = None
    binding: Binding = attrs.field(default=Binding.STATED, converter=_to_binding)
    alternatives: tuple[Figure, ...] = attrs.field(default=(), converter=_alternatives)
    kind: ClassVar[str] = "share"

    @property
    def confidence(self) -> Literal["stated", "inferred"]:
        """``"stated"`` when the binding is STATED, else ``"inferred"`` (kept for callers
        of earlier versions; prefer :attr:`binding`)."""
        return "stated" if self.binding is Binding.STATED else "inferred"


@attrs.frozen(kw_only=True)
class PPChangeClaim(_ClaimBase):
    """A change of a rate in percentage points (提高3.2个百分点).

    Attributes:
        rate: The signed change in 个百分点.
        rate_figure: The figure of the written change.
        figure: The current rate the change is about, when identified.
        basis: The prior rate, when printed.
        direction: ``"up"`` or ``"down"``.
        binding: How ``figure`` and ``basis`` were tied to the change (:class:`Binding`).
        alternatives: Other rates that were considered as the current rate.
    """

    rate: Quantity
    rate_figure: Figure | None = None
    figure: Figure | None = None
    basis: Figure | None = None
    direction: Literal["up", "down", "flat"] = "up"
    binding: Binding = attrs.field(default=Binding.STATED, converter=_to_binding)
    alternatives: tuple[Figure, ...] = attrs.field(default=(), converter=_alternatives)
    kind: ClassVar[str] = "pp_change"


@attrs.frozen(kw_only=True)
class BreakdownClaim(_ClaimBase):
    """A total and its parts (共…其中…, 分别为…, 包括…).

    Attributes:
        total: The whole: a printed figure, or the sum of printed ones (kind ``"sum"``).
        parts: The parts, in text order.
        exhaustive: ``True`` when the parts are meant to add up to the total
            (分别为, a complete list); ``False`` when they are only some of it (其中 one item).
        binding: How the parts were tied to ``total`` (:class:`Binding`): STATED when the
            text's structure leaves no other total (共X件,其中…; X件(其中…); X件中,…; a
            table's 合计 row); POSITIONAL when the total is only the nearest plausible
            figure; ARITHMETIC when it was chosen because the parts fit it.
        completeness: For an exhaustive list, how its completeness is known: STATED when
            the text says the parts are the whole (分别为, 结果为, a 合计 row); POSITIONAL
            when it is only inferred (a 其他 part of a 其中 list, which may name a category
            rather than the rest; the outcomes of a disposed total). Parts that exceed
            their total contradict the reading whatever its completeness; parts that fall
            short only when the completeness is STATED.
        alternatives: Other figures that were considered as the total.
    """

    total: Figure
    parts: tuple[Figure, ...] = ()
    exhaustive: bool = False
    binding: Binding = attrs.field(default=Binding.STATED, converter=_to_binding)
    completeness: Binding = attrs.field(default=Binding.STATED, converter=_to_binding)
    alternatives: tuple[Figure, ...] = attrs.field(default=(), converter=_alternatives)
    kind: ClassVar[str] = "breakdown"

    @property
    def confidence(self) -> Literal["stated", "inferred"]:
        """``"stated"`` when the binding (and, for an exhaustive list, the completeness) is
        STATED, else ``"inferred"`` (kept for callers of earlier versions; prefer
        :attr:`binding` and :attr:`completeness`)."""
        sure = self.binding is Binding.STATED and (
            not self.exhaustive or self.completeness is Binding.STATED
        )
        return "stated" if sure else "inferred"


@attrs.frozen(kw_only=True)
class BalanceClaim(_ClaimBase):
    """The balance of cases: new + carried in = concluded + carried out.

    收到/新收/受理 N件, 上年结转 a件, 办结 b件, 结转下年 c件 state ``N + a = b + c``; a handled
    total printed with them (办理申请152件(含上年结转6件)) is ``N + a``. A balance is never a
    breakdown of one of its terms. Any term may be missing (None) when the text does not
    print it; the check then uses what is there.

    Attributes:
        received: This year's new intake (新收, 收到, 受理 … 未包含上年结转).
        carried_in: Carried in from last year (上年结转).
        handled: A printed total of cases handled this year, ``received + carried_in``
            (办理 N件 含上年结转…).
        concluded: Concluded this year (办结, 已办结, 答复, 审结).
        carried_out: Carried to next year (结转下年, 结转下年度继续办理, 正在办理).
        binding: How the terms were tied together (:class:`Binding`).
        alternatives: Other figures that were considered for a term.

    Examples:
        >>> from decimal import Decimal
        >>> import lawgov_metrics as lm
        >>> def fig(n):
        ...     return lm.Figure(quantity=lm.Quantity(value=Decimal(n), unit="件"))
        >>> b = lm.BalanceClaim(received=fig(870), carried_in=fig(25), concluded=fig(880),
        ...                     carried_out=fig(15))
        >>> b.kind, [f.value for f in b.figures]
        ('balance', [Decimal('870'), Decimal('25'), Decimal('880'), Decimal('15')])
    """

    received: Figure | None = None
    carried_in: Figure | None = None
    handled: Figure | None = None
    concluded: Figure | None = None
    carried_out: Figure | None = None
    binding: Binding = attrs.field(default=Binding.STATED, converter=_to_binding)
    alternatives: tuple[Figure, ...] = attrs.field(default=(), converter=_alternatives)
    kind: ClassVar[str] = "balance"

    @property
    def figures(self) -> tuple[Figure, ...]:
        """The printed terms, in the order received, carried in, handled, concluded,
        carried out."""
        terms = (self.received, self.carried_in, self.handled, self.concluded, self.carried_out)
        return tuple(f for f in terms if f is not None)


@attrs.frozen(kw_only=True)
class StreakClaim(_ClaimBase):
    """A run of consecutive years (连续四年获评优秀等次).

    Attributes:
        years: The length of the run (4).
        subject: What was won or kept (``法治广州建设考评优秀等次``).
        figure: The figure of the streak length, when one was emitted.
    """

    years: int
    figure: Figure | None = None
    kind: ClassVar[str] = "streak"


@attrs.frozen(kw_only=True)
class RankClaim(_ClaimBase):
    """A rank in some scope (名列全省第一名, 全市法院第一).

    Attributes:
        rank: The rank, 1 for first.
        scope: Where the ranking holds (``全省``, ``全市法院``), or ``""``.
    """

    rank: int
    scope: str = ""
    kind: ClassVar[str] = "rank"


Claim = (
    GrowthClaim
    | ShareClaim
    | PPChangeClaim
    | BreakdownClaim
    | BalanceClaim
    | StreakClaim
    | RankClaim
)
