"""Typed, exact records: quantities, figures, claims and reports.

Records are frozen, keyword-only attrs classes. They hold what a report *says*, exactly
as written: values are :class:`~decimal.Decimal`, the original text is kept, and every
figure and claim carries the quote and character span it came from. Parsing lives in
:mod:`lawgov_metrics.numerals` and :mod:`lawgov_metrics.extract`, never in ``__init__``.

Examples:
    >>> from decimal import Decimal
    >>> import lawgov_metrics as lm
    >>> q = lm.Quantity(value=Decimal("28300"), unit="条", qualifier=lm.Qualifier.MORE_THAN,
    ...                 text="28300余条", resolution=Decimal("1"), rounded=False)
    >>> print(q.bounds())
    [28300, 28400)
"""

from __future__ import annotations

import datetime as _dt
import enum
import html
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, ClassVar, Literal

import attrs

from . import _decimal

if TYPE_CHECKING:
    import pandas as pd

    from .rounding import Interval, Scheme
    from .tables import DisclosureTables

__all__ = [
    "BalanceClaim",
    "Binding",
    "BreakdownClaim",
    "Claim",
    "Figure",
    "GrowthClaim",
    "PPChangeClaim",
    "Qualifier",
    "Quantity",
    "RankClaim",
    "Report",
    "ShareClaim",
    "StreakClaim",
]


class Qualifier(enum.Enum):
    """How a written figure relates to the true value.

    =========== ======================================= ===========================
    member      written as                              meaning
    =========== ======================================= ===========================
    EXACT       (nothing)                               the value, up to rounding
    MORE_THAN   余 多 逾 超 超过 突破                    a little more than
    AT_LEAST    以上 不少于 不低于                       the value or more
    ABOUT       约 左右 大约 上下                        close to, either side
    NEARLY      近 将近 接近 近乎                        a little less than (or equal)
    LESS_THAN   不足 不到 少于 低于                      strictly less than
    AT_MOST     以下 以内 不超过 不高于                  the value or less
    =========== ======================================= ===========================
    """

    EXACT = "exact"
    MORE_THAN = "more_than"
    AT_LEAST = "at_least"
    ABOUT = "about"
    NEARLY = "nearly"
    LESS_THAN = "less_than"
    AT_MOST = "at_most"


def _last_nonzero_unit(value: Decimal, resolution: Decimal) -> Fraction:
    """The value of one unit of the last non-zero digit of ``value`` (at least ``resolution``).

    28300 -> 100, 5500 -> 100, 150 -> 10, 10000 -> 10000, 0 -> resolution.
    """
    res = Fraction(resolution) if resolution > 0 else Fraction(1)
    v = abs(Fraction(value))
    if v == 0:
        return res
    unit = res
    while (v / (unit * 10)).denominator == 1:
        unit *= 10
    return unit


def _to_qualifier(value: Qualifier | str) -> Qualifier:
    return value if isinstance(value, Qualifier) else Qualifier(value)


@attrs.frozen(kw_only=True)
class Quantity:
    """One quantity exactly as written in a report.

    Attributes:
        value: The exact value with any scale word applied (``27亿`` -> 2700000000). Signed
            only for changes (a decline is negative).
        unit: The measure word without any scale word (``件``, ``条``, ``%``, ``个百分点``,
            ``元``), or ``""`` when none is written.
        qualifier: How the written value relates to the true one (余, 约, 近, 以上 ...).
        text: The expression as written, e.g. ``"28300余条"``.
        resolution: The value of one unit in the last written place: ``"68.67%"`` -> 0.01,
            ``"27亿"`` -> 100000000, ``"786宗"`` -> 1. Trailing zeros count (``"63.10"`` -> 0.01).
        rounded: Whether the written number is itself a rounded value. Rates, decimals and
            figures with a scale word are rounded; a plain integer count (``786宗``) is exact.
    """

    value: Decimal = attrs.field(converter=Decimal)
    unit: str = ""
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, converter=_to_qualifier)
    text: str = ""
    resolution: Decimal = attrs.field(default=Decimal(1), converter=Decimal)
    rounded: bool = False

    @resolution.validator
    def _check_resolution(self, _attribute: object, value: Decimal) -> None:
        if not value > 0:
            raise ValueError(f"resolution must be positive, got {value!r}")

    @property
    def decimals(self) -> int:
        """Decimal places written (negative for a scale word: ``27亿`` -> -8)."""
        exponent = _decimal.normalize(self.resolution).as_tuple().exponent
        assert isinstance(exponent, int)  # a positive finite Decimal has an int exponent
        return -exponent

    def negated(self) -> Quantity:
        """The same quantity with its sign flipped (for a stated decline)."""
        return attrs.evolve(self, value=_decimal.negate(self.value))

    def bounds(
        self,
        scheme: Scheme = "half_up",
        *,
        more_than: Literal["next_unit", "unbounded"] = "next_unit",
        about: Fraction | None = None,
    ) -> Interval:
        """The interval of true values this written quantity admits.

        Conventions (each documented, the contested ones parameters):

        * A rounded figure (decimals, a scale word, a rate) is first unrounded at its
          resolution under ``scheme`` (see :func:`lawgov_metrics.unround`); a plain integer
          count is exact.
        * ``u`` below is one unit of the last non-zero digit (28300 -> 100, 近万 -> 10000),
          but never less than the resolution.
        * MORE_THAN (余/多/逾/超): ``[v, v + u)`` with ``more_than="next_unit"`` (so
          ``28300余`` is ``[28300, 28400)``), or ``[v, ∞)`` with ``"unbounded"``.
        * AT_LEAST (以上/不少于): ``[v, ∞)``.
        * ABOUT (约/左右): ``[v - u, v + u]``, or ``v·(1 ± about)`` when a relative
          tolerance ``about`` is given.
        * NEARLY (近/将近/接近): ``[v - u, v]`` (a little less, equality allowed).
        * LESS_THAN (不足/不到): ``(-∞, v)``; AT_MOST (以下/以内): ``(-∞, v]``.

        In each case the ends take the rounding of the written number into account.

        Args:
            scheme: Rounding scheme used to unround the written number.
            more_than: Whether 余/多 means "less than one more unit" or only "more".
            about: Relative tolerance for 约/左右, e.g. ``Fraction(1, 10)``; default one
                unit of the last non-zero digit.

        Returns:
            An :class:`~lawgov_metrics.Interval` of exact Fractions.

        Examples:
            >>> import lawgov_metrics as lm
            >>> print(lm.parse_quantity("68.67%").bounds())
            [68.665, 68.675)
            >>> print(lm.parse_quantity("786宗").bounds())
            [786, 786]
        """
        from .rounding import Interval, unround

        v = Fraction(self.value)
        if self.rounded:
            base = unround(self.value, scheme=scheme, resolution=self.resolution)
        else:
            base = Interval.point(v)
        u = _last_nonzero_unit(self.value, self.resolution)
        q = self.qualifier
        if q is Qualifier.EXACT:
            return base
        if q is Qualifier.MORE_THAN:
            if more_than == "unbounded":
                return Interval(lower=base.lower, upper=None, lower_closed=base.lower_closed)
            return Interval(
                lower=base.lower,
                upper=v + u,
                lower_closed=base.lower_closed,
                upper_closed=False,
            )
        if q is Qualifier.AT_LEAST:
            return Interval(lower=base.lower, upper=None, lower_closed=base.lower_closed)
        if q is Qualifier.ABOUT:
            if about is not None:
                tol = abs(v) * Fraction(about)
                return Interval(lower=v - tol, upper=v + tol)
            return Interval(lower=v - u, upper=v + u)
        if q is Qualifier.NEARLY:
            return Interval(lower=v - u, upper=base.upper, upper_closed=base.upper_closed)
        if q is Qualifier.LESS_THAN:
            return Interval(lower=None, upper=base.upper, upper_closed=False)
        # AT_MOST
        return Interval(lower=None, upper=base.upper, upper_closed=base.upper_closed)

    def __str__(self) -> str:
        return self.text or f"{self.value}{self.unit}"


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


def _strings(values: Iterable[str]) -> tuple[str, ...]:
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


def _figure_tuple(values: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(values)


def _claim_tuple(values: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(values)


def _figure_row(fig: Figure) -> dict[str, Any]:
    q = fig.quantity
    return {
        "value": q.value,
        "unit": q.unit,
        "qualifier": q.qualifier.value,
        "kind": fig.kind,
        "subject": fig.subject,
        "quote": fig.quote,
        "start": fig.span[0],
        "end": fig.span[1],
        "section": " / ".join(fig.section),
        "text": q.text,
        "resolution": q.resolution,
    }


#: ``Report._repr_html_`` runs the checks only for reports of at most this many figures.
REPR_CHECK_LIMIT = 500
_REPR_ROWS = 200


def _more(n: int, what: str) -> str:
    return f"<p>… {n - _REPR_ROWS} more {what}</p>" if n > _REPR_ROWS else ""


@attrs.frozen(kw_only=True)
class Report:
    """One report: its text, metadata, figures and claims.

    Attributes:
        text: The full text the offsets refer to.
        figures: Every figure found, in text order.
        claims: Every claim found, in text order.
        title: The report's title, when found.
        jurisdiction: The reporting government or department (``花都区``).
        year: The year the figures describe (not the publication year).
        published: The publication date, when printed.
        source: The office that published it (文章来源).
        path: The file it was read from, if any.
        doc_type: What kind of report it is, when the text says: ``"rule_of_law"``
            (法治政府建设年度报告), ``"disclosure"`` (政府信息公开工作年度报告), or ``None``.
            Two reports of one jurisdiction and year are duplicates only when they are of
            the same kind.
        warnings: What went wrong reading the input without stopping it (for example
            the number of characters that could not be decoded).
        disclosure: The standard tables of a 政府信息公开工作年度报告, read against the
            national template (:class:`~lawgov_metrics.DisclosureTables`), or ``None``.
    """

    text: str = attrs.field(repr=False)
    figures: tuple[Figure, ...] = attrs.field(default=(), converter=_figure_tuple, repr=False)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claim_tuple, repr=False)
    title: str | None = None
    jurisdiction: str | None = None
    year: int | None = None
    published: _dt.date | None = None
    source: str | None = None
    path: str | None = attrs.field(default=None, repr=False)
    doc_type: str | None = None
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_strings, repr=False)
    disclosure: DisclosureTables | None = attrs.field(default=None, repr=False)

    @property
    def label(self) -> str:
        """A short human label: ``"花都区 2023"``."""
        return f"{self.jurisdiction or '?'} {self.year if self.year is not None else '?'}"

    def claims_of(self, kind: str) -> list[Claim]:
        """The claims of one kind (``"growth"``, ``"share"`` ...)."""
        return [c for c in self.claims if c.kind == kind]

    def to_frame(self) -> pd.DataFrame:
        """One row per figure.

        Columns: value (exact Decimal), unit, qualifier, kind, subject, quote, start, end,
        section, text, resolution, jurisdiction, year.
        """
        import pandas as pd

        cols = [
            "value", "unit", "qualifier", "kind", "subject", "quote", "start", "end",
            "section", "text", "resolution",
        ]  # fmt: skip
        df = pd.DataFrame([_figure_row(f) for f in self.figures], columns=cols)
        df["jurisdiction"] = self.jurisdiction
        df["year"] = pd.array([self.year] * len(df), dtype="Int64")
        return df

    def claims_frame(self) -> pd.DataFrame:
        """One row per claim: kind, subject, quote, start, end and the kind's main values."""
        import pandas as pd

        rows: list[dict[str, Any]] = []
        for c in self.claims:
            row: dict[str, Any] = {
                "kind": c.kind,
                "subject": c.subject,
                "quote": c.quote,
                "start": c.span[0],
                "end": c.span[1],
                "value": None,
                "rate": None,
                "total": None,
                "detail": "",
            }
            if isinstance(c, GrowthClaim):
                row["value"] = c.figure.value if c.figure else None
                row["rate"] = c.rate.value if c.rate else None
                row["detail"] = f"{c.direction} ({c.form})"
            elif isinstance(c, ShareClaim):
                row["rate"] = c.rate.value
                row["total"] = c.total.value if c.total else None
                row["value"] = c.part.value if c.part else None
                row["detail"] = c.binding.value
            elif isinstance(c, PPChangeClaim):
                row["rate"] = c.rate.value
                row["value"] = c.figure.value if c.figure else None
                row["detail"] = c.direction
            elif isinstance(c, BreakdownClaim):
                row["total"] = c.total.value
                row["value"] = _decimal.dsum(p.value for p in c.parts)
                row["detail"] = f"{len(c.parts)} parts" + (", exhaustive" if c.exhaustive else "")
            elif isinstance(c, BalanceClaim):
                row["value"] = c.concluded.value if c.concluded else None
                row["total"] = c.handled.value if c.handled else None
                row["detail"] = " + ".join(
                    f"{name} {f.value}"
                    for name, f in (
                        ("received", c.received),
                        ("carried_in", c.carried_in),
                        ("concluded", c.concluded),
                        ("carried_out", c.carried_out),
                    )
                    if f is not None
                )
            elif isinstance(c, StreakClaim):
                row["value"] = c.years
            else:
                row["value"] = c.rank
                row["detail"] = c.scope
            rows.append(row)
        cols = ["kind", "subject", "quote", "start", "end", "value", "rate", "total", "detail"]
        df = pd.DataFrame(rows, columns=cols)
        df["jurisdiction"] = self.jurisdiction
        df["year"] = pd.array([self.year] * len(df), dtype="Int64")
        return df

    def __repr__(self) -> str:
        kinds: dict[str, int] = {}
        for c in self.claims:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
        claims = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no claims"
        return (
            f"<Report {self.label}: {len(self.figures)} figures, {claims}"
            f"{', ' + repr(self.title) if self.title else ''}>"
        )

    def _repr_html_(self) -> str:
        """Title and metadata, the check status, the claims, then the figures.

        The checks are run here (imported when the notebook shows the report, never when
        records is imported) for reports of at most :data:`REPR_CHECK_LIMIT` figures; a
        report too large, or a check run that raises, shows no status.
        """
        esc = html.escape
        head = esc(self.title or self.label)
        meta = " · ".join(
            esc(str(x))
            for x in (self.jurisdiction, self.year, self.published, self.source)
            if x is not None
        )
        warnings = "".join(f"<p><b>warning</b>: {esc(w)}</p>" for w in self.warnings)
        claim_rows = "".join(
            f"<tr><td>{esc(c.kind)}</td><td>{esc(c.subject)}</td><td><code>{esc(c.quote)}</code>"
            f"</td><td>{c.span[0]}</td></tr>"
            for c in self.claims[:_REPR_ROWS]
        )
        claims = (
            "<table><thead><tr><th>claim</th><th>subject</th><th>quote</th><th>start</th></tr>"
            f"</thead><tbody>{claim_rows}</tbody></table>" + _more(len(self.claims), "claims")
            if self.claims
            else ""
        )
        rows = "".join(
            f"<tr><td>{esc(f.subject)}</td><td>{esc(str(f.quantity.value))}</td>"
            f"<td>{esc(f.quantity.unit)}</td><td>{esc(f.quantity.qualifier.value)}</td>"
            f"<td><code>{esc(f.quote)}</code></td><td>{f.span[0]}</td></tr>"
            for f in self.figures[:_REPR_ROWS]
        )
        return (
            f"<div><h4>{head}</h4><p>{meta}</p>{warnings}<p>{len(self.figures)} figures, "
            f"{len(self.claims)} claims</p>{self._status_html()}{claims}"
            f"<details><summary>{len(self.figures)} figures</summary><table><thead><tr>"
            "<th>subject</th><th>value</th><th>unit</th><th>qualifier</th><th>quote</th>"
            f"<th>start</th></tr></thead><tbody>{rows}</tbody></table>"
            f"{_more(len(self.figures), 'figures')}</details></div>"
        )

    def _status_html(self) -> str:
        """The check status line (and the failures and warnings), or "" when not cheap."""
        if len(self.figures) > REPR_CHECK_LIMIT:
            return ""
        try:
            from . import check  # a higher layer, imported only when a notebook shows this

            results = check(self)
        except Exception:  # a display must never raise
            return ""
        esc = html.escape
        counts: dict[str, int] = {}
        for r in results:
            counts[r.status.value] = counts.get(r.status.value, 0) + 1
        line = ", ".join(f"{counts.get(k, 0)} {k}" for k in ("fail", "warn", "pass", "undecidable"))
        flagged = "".join(
            f"<li><b>{esc(r.status.name)}</b> <code>{esc(r.check)}</code> {esc(r.message)}</li>"
            for r in results
            if r.status.value in ("fail", "warn")
        )
        return f"<p>checks: {line}</p>" + (f"<ul>{flagged}</ul>" if flagged else "")
