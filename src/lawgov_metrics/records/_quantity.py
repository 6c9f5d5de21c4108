"""Quantities: a number as written, with its unit, qualifier and resolution."""

from __future__ import annotations

import enum
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

import attrs

from .. import _decimal

if TYPE_CHECKING:
    from ..rounding import Interval, Scheme

__all__ = ["Qualifier", "Quantity"]


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
        from ..rounding import Interval, unround

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
