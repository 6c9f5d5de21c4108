"""Exact intervals: sets of real numbers between two Fraction ends, each open or closed.

:class:`Interval` is what a rounded figure stands for (see :func:`lawgov_metrics.unround`),
with the set operations and the interval arithmetic the growth and share checks need.
It is re-exported by :mod:`lawgov_metrics.rounding` and at the top level
(``lawgov_metrics.Interval``).

Examples:
    >>> iv = Interval(lower="68.665", upper="68.675", upper_closed=False)
    >>> print(iv), iv.contains("68.67")
    [68.665, 68.675)
    (None, True)
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import TypeAlias, cast

import attrs

from ._exact import ExactNumber, format_fraction, to_fraction
from .errors import ArgumentTypeError, ArgumentValueError, IntervalDivisionError, IntervalError

__all__ = ["Interval", "positive_part"]


def _lower_end(value: object) -> Fraction | None:
    return None if value is None else to_fraction(value, what="lower")


def _upper_end(value: object) -> Fraction | None:
    return None if value is None else to_fraction(value, what="upper")


def _flag(value: object, name: str) -> bool:
    """A closed-end flag: a bool (numpy's included), never a truthy string or a number."""
    if isinstance(value, bool):
        return value
    if type(value).__module__ == "numpy" and type(value).__name__ in ("bool", "bool_"):
        return bool(value)  # a numpy bool, e.g. read back from a frame
    raise ArgumentTypeError(name, value, "a bool")


def _lower_closed(value: object) -> bool:
    return _flag(value, "lower_closed")


def _upper_closed(value: object) -> bool:
    return _flag(value, "upper_closed")


def _mul_end(a: Fraction | None, a_closed: bool, b: Fraction) -> tuple[Fraction | None, bool]:
    return (None, False) if a is None else (a * b, a_closed)


@attrs.frozen(kw_only=True)
class Interval:
    """A set of real numbers between two exact ends, each open or closed (or unbounded).

    Attributes:
        lower: The lower end, or ``None`` for -∞.
        upper: The upper end, or ``None`` for +∞.
        lower_closed: Whether ``lower`` itself belongs to the interval (False when unbounded).
        upper_closed: Whether ``upper`` itself belongs to the interval (False when unbounded).

    Ends accept int, Fraction, Decimal or a decimal string and are stored as Fractions; a
    float raises :class:`~lawgov_metrics.errors.ArgumentTypeError` (a ``TypeError``), and
    ``lower > upper`` :class:`~lawgov_metrics.errors.ArgumentValueError` (a ``ValueError``).
    The closed flags take bools only. The empty set is written with equal ends and at least
    one open end (see :attr:`is_empty`).

    Examples:
        >>> iv = Interval(lower="68.665", upper="68.675", upper_closed=False)
        >>> print(iv), iv.contains("68.67"), iv.contains(Fraction(2747, 40))
        [68.665, 68.675)
        (None, True, False)
        >>> print(iv * 2), print(-iv)
        [137.33, 137.35)
        (-68.675, -68.665]
        (None, None)
        >>> Interval(lower=465, upper=467, lower_closed=False).integers()
        range(466, 468)
    """

    lower: Fraction | None = attrs.field(default=None, converter=_lower_end)
    upper: Fraction | None = attrs.field(default=None, converter=_upper_end)
    lower_closed: bool = attrs.field(default=True, converter=_lower_closed)
    upper_closed: bool = attrs.field(default=True, converter=_upper_closed)

    def __attrs_post_init__(self) -> None:
        if self.lower is None and self.lower_closed:
            object.__setattr__(self, "lower_closed", False)
        if self.upper is None and self.upper_closed:
            object.__setattr__(self, "upper_closed", False)
        if self.lower is not None and self.upper is not None and self.lower > self.upper:
            raise ArgumentValueError(
                "lower",
                self.lower,
                f"a lower end at most the upper end {self.upper}",
                f"the lower end {self.lower} is above the upper end {self.upper}",
            )

    # -- construction -------------------------------------------------------------------

    @classmethod
    def point(cls, x: ExactNumber) -> Interval:
        """The closed interval ``[x, x]``.

        Examples:
            >>> print(Interval.point("786"))
            [786, 786]
        """
        v = to_fraction(x, what="x")
        return cls(lower=v, upper=v)

    @classmethod
    def empty(cls) -> Interval:
        """The empty interval, written ``(0, 0)``.

        Examples:
            >>> Interval.empty().is_empty
            True
        """
        return cls(lower=0, upper=0, lower_closed=False, upper_closed=False)

    @classmethod
    def everything(cls) -> Interval:
        """The whole real line ``(-∞, ∞)``."""
        return cls()

    # -- predicates ---------------------------------------------------------------------

    @property
    def is_empty(self) -> bool:
        """True when no number lies in the interval."""
        return (
            self.lower is not None
            and self.upper is not None
            and self.lower == self.upper
            and not (self.lower_closed and self.upper_closed)
        )

    @property
    def is_bounded(self) -> bool:
        """True when both ends are finite."""
        return self.lower is not None and self.upper is not None

    @property
    def is_point(self) -> bool:
        """True for ``[x, x]``."""
        return (
            self.lower is not None
            and self.lower == self.upper
            and self.lower_closed
            and self.upper_closed
        )

    @property
    def width(self) -> Fraction | None:
        """``upper - lower``; ``None`` when unbounded, 0 when empty."""
        if self.lower is None or self.upper is None:
            return None
        return self.upper - self.lower

    def contains(self, x: ExactNumber) -> bool:
        """Whether the exact number ``x`` lies in the interval.

        Examples:
            >>> Interval(lower=0, upper=1, upper_closed=False).contains(1)
            False
        """
        v = to_fraction(x, what="x")
        if self.lower is not None and (
            v < self.lower or (v == self.lower and not self.lower_closed)
        ):
            return False
        return not (
            self.upper is not None
            and (v > self.upper or (v == self.upper and not self.upper_closed))
        )

    def __contains__(self, x: object) -> bool:
        try:
            return self.contains(cast(ExactNumber, x))
        except (TypeError, ValueError):
            return False

    def integers(self) -> range:
        """The integers in the interval, as a ``range`` (possibly empty).

        Raises:
            IntervalError: (a ``ValueError``) If the interval is unbounded.

        Examples:
            >>> Interval(lower="465.98", upper="466.01").integers()
            range(466, 467)
            >>> Interval(lower=1, upper=2, lower_closed=False, upper_closed=False).integers()
            range(2, 2)
        """
        if self.lower is None or self.upper is None:
            raise IntervalError(f"interval {self} is unbounded: its integers cannot be listed")
        lo = math.ceil(self.lower)
        if lo == self.lower and not self.lower_closed:
            lo += 1
        hi = math.floor(self.upper)
        if hi == self.upper and not self.upper_closed:
            hi -= 1
        return range(lo, max(lo, hi + 1))

    # -- set operations -----------------------------------------------------------------

    def intersection(self, other: Interval) -> Interval:
        """The numbers in both intervals (possibly empty).

        Examples:
            >>> a = Interval(lower=0, upper=2)
            >>> print(a & Interval(lower=1, upper=3, lower_closed=False))
            (1, 2]
            >>> (a & Interval(lower=5, upper=6)).is_empty
            True
        """
        if self.is_empty or other.is_empty:
            return Interval.empty()
        lower, lower_closed = _max_lower(self, other)
        upper, upper_closed = _min_upper(self, other)
        if (
            lower is not None
            and upper is not None
            and (lower > upper or (lower == upper and not (lower_closed and upper_closed)))
        ):
            return Interval.empty()
        return Interval(
            lower=lower, upper=upper, lower_closed=lower_closed, upper_closed=upper_closed
        )

    def __and__(self, other: Interval) -> Interval:
        return self.intersection(other)

    def overlaps(self, other: Interval) -> bool:
        """Whether some number lies in both intervals.

        Examples:
            >>> a = Interval(lower=0, upper=1, upper_closed=False)
            >>> a.overlaps(Interval(lower=1, upper=2)), a.overlaps(Interval(lower="0.5", upper=2))
            (False, True)
        """
        return not self.intersection(other).is_empty

    def hull(self, other: Interval) -> Interval:
        """The smallest interval holding both (the empty interval is ignored).

        Examples:
            >>> a, b = Interval(lower=0, upper=1), Interval(lower=3, upper=4, upper_closed=False)
            >>> print(a.hull(b))
            [0, 4)
        """
        if self.is_empty:
            return other
        if other.is_empty:
            return self
        if self.lower is None or other.lower is None:
            lower, lower_closed = None, False
        elif self.lower != other.lower:
            lower, lower_closed = min(
                (self.lower, self.lower_closed), (other.lower, other.lower_closed),
                key=lambda e: e[0],
            )  # fmt: skip
        else:
            lower, lower_closed = self.lower, self.lower_closed or other.lower_closed
        if self.upper is None or other.upper is None:
            upper, upper_closed = None, False
        elif self.upper != other.upper:
            upper, upper_closed = max(
                (self.upper, self.upper_closed), (other.upper, other.upper_closed),
                key=lambda e: e[0],
            )  # fmt: skip
        else:
            upper, upper_closed = self.upper, self.upper_closed or other.upper_closed
        return Interval(
            lower=lower, upper=upper, lower_closed=lower_closed, upper_closed=upper_closed
        )

    # -- arithmetic ---------------------------------------------------------------------

    def __add__(self, other: ExactNumber | Interval) -> Interval:
        """Add a number, or another interval (``{a + b}``: an end is closed if both are)."""
        if isinstance(other, Interval):
            if self.is_empty or other.is_empty:
                return Interval.empty()
            lower = None if self.lower is None or other.lower is None else self.lower + other.lower
            upper = None if self.upper is None or other.upper is None else self.upper + other.upper
            return Interval(
                lower=lower,
                upper=upper,
                lower_closed=self.lower_closed and other.lower_closed,
                upper_closed=self.upper_closed and other.upper_closed,
            )
        c = to_fraction(other, what="other")
        return Interval(
            lower=None if self.lower is None else self.lower + c,
            upper=None if self.upper is None else self.upper + c,
            lower_closed=self.lower_closed,
            upper_closed=self.upper_closed,
        )

    def __radd__(self, other: ExactNumber) -> Interval:
        return self + other

    def __neg__(self) -> Interval:
        return Interval(
            lower=None if self.upper is None else -self.upper,
            upper=None if self.lower is None else -self.lower,
            lower_closed=self.upper_closed,
            upper_closed=self.lower_closed,
        )

    def __sub__(self, other: ExactNumber | Interval) -> Interval:
        """Subtract a number, or an interval (``{a - b}``)."""
        if isinstance(other, Interval):
            return self + (-other)
        return self + (-to_fraction(other, what="other"))

    def __rsub__(self, other: ExactNumber) -> Interval:
        return (-self) + other

    def __mul__(self, other: ExactNumber | Interval) -> Interval:
        """Multiply by a number, or by an interval (``{a * b}``).

        A negative factor swaps the ends and zero gives ``[0, 0]``. For two intervals each
        end of the product is the smallest (largest) product of two ends, closed when two
        closed ends give it or when it is 0 and a factor holds 0; an unbounded end times a
        non-zero end is unbounded.

        Examples:
            >>> a = Interval(lower=2, upper=3, upper_closed=False)
            >>> print(a * Interval(lower=-1, upper=4)), print(a * Interval(lower=0, upper=None))
            (-3, 12)
            [0, ∞)
            (None, None)
        """
        if isinstance(other, Interval):
            return _times(self, other)
        c = to_fraction(other, what="other")
        if self.is_empty:
            return Interval.empty()
        if c == 0:
            return Interval.point(0)
        lower, lower_closed = _mul_end(self.lower, self.lower_closed, c)
        upper, upper_closed = _mul_end(self.upper, self.upper_closed, c)
        if c < 0:
            lower, upper = upper, lower
            lower_closed, upper_closed = upper_closed, lower_closed
        return Interval(
            lower=lower, upper=upper, lower_closed=lower_closed, upper_closed=upper_closed
        )

    def __rmul__(self, other: ExactNumber) -> Interval:
        return self * other

    def __truediv__(self, other: ExactNumber | Interval) -> Interval:
        """Divide by a non-zero number, or by an interval not containing 0 (``{a / b}``).

        For ``c / interval`` see :meth:`reciprocal_times`. A divisor with an open end at 0
        gives an unbounded quotient.

        Raises:
            IntervalDivisionError: (a ``ZeroDivisionError``) If the divisor is 0 or an
                interval containing 0.

        Examples:
            >>> print(Interval(lower=786, upper=786) / Interval(lower="1.68665", upper="1.68675",
            ...                                                   upper_closed=False))
            (465.984882…, 466.012510…]
            >>> print(Interval(lower=1, upper=2) / Interval(lower=0, upper=4, lower_closed=False))
            [0.25, ∞)
        """
        if isinstance(other, Interval):
            if self.is_empty or other.is_empty:
                return Interval.empty()
            try:
                inverse = other.reciprocal_times(1)
            except IntervalError:
                raise IntervalDivisionError(
                    f"cannot divide the interval {self} by {other}, which contains 0"
                ) from None
            return _times(self, inverse)
        c = to_fraction(other, what="other")
        if c == 0:
            raise IntervalDivisionError(f"cannot divide the interval {self} by zero")
        return self * (1 / c)

    def reciprocal_times(self, c: ExactNumber) -> Interval:
        """``{c / x : x in self}`` for an interval not containing 0.

        An end at 0 (which must then be open) maps to an unbounded end, and an unbounded
        end maps to an open end at 0. This is how an implied prior ``current / (1 + g)``
        is computed from an interval of growth factors.

        Raises:
            IntervalError: (a ``ValueError``) If the interval contains 0 or is empty.

        Examples:
            >>> print(Interval(lower="1.68665", upper="1.68675", upper_closed=False)
            ...       .reciprocal_times(786))
            (465.984882…, 466.012510…]
            >>> print(Interval(lower=0, upper=2, lower_closed=False).reciprocal_times(1))
            [0.5, ∞)
        """
        k = to_fraction(c, what="c")
        if self.is_empty:
            raise IntervalError("reciprocal of the empty interval")
        above = self.lower is not None and (
            self.lower > 0 or (self.lower == 0 and not self.lower_closed)
        )
        below = self.upper is not None and (
            self.upper < 0 or (self.upper == 0 and not self.upper_closed)
        )
        if not (above or below):
            raise IntervalError(f"interval {self} contains 0: c / x is unbounded on both sides")
        if k == 0:
            return Interval.point(0)

        # On one side of 0, x -> 1/x is decreasing: the new lower end comes from the upper.
        def inv(e: Fraction | None) -> Fraction | None:
            if e is None:
                return Fraction(0)
            return None if e == 0 else 1 / e

        lower = inv(self.upper)
        upper = inv(self.lower)
        recip = Interval(
            lower=lower,
            upper=upper,
            lower_closed=self.upper_closed and self.upper is not None,
            upper_closed=self.lower_closed and self.lower is not None,
        )
        return recip * k

    # -- display ------------------------------------------------------------------------

    def to_str(self, places: int = 6) -> str:
        """Write the interval; non-terminating ends are rounded to ``places`` with "…".

        Examples:
            >>> Interval(lower=Fraction(1, 3), upper=None).to_str(2)
            '[0.33…, ∞)'
        """
        if self.is_empty:
            return "∅"
        lo = "-∞" if self.lower is None else format_fraction(self.lower, places)
        hi = "∞" if self.upper is None else format_fraction(self.upper, places)
        return f"{'[' if self.lower_closed else '('}{lo}, {hi}{']' if self.upper_closed else ')'}"

    def __str__(self) -> str:
        return self.to_str()


#: An end of an interval on the extended line: (-1, 0) is -∞, (1, 0) is +∞, (0, x) is x.
_Ext: TypeAlias = tuple[int, Fraction]


def _end_product(a: _Ext, a_closed: bool, b: _Ext, b_closed: bool) -> tuple[_Ext, bool]:
    """The product of two interval ends, and whether some pair of members attains it."""
    (ai, ax), (bi, bx) = a, b
    if ai == 0 and bi == 0:
        zero = (ax == 0 and a_closed) or (bx == 0 and b_closed)  # 0 times any member is 0
        return (0, ax * bx), (a_closed and b_closed) or zero
    if ai == 0 and ax == 0:
        return (0, Fraction(0)), a_closed  # 0 · ∞: the neighbouring finite end gives 0 too
    if bi == 0 and bx == 0:
        return (0, Fraction(0)), b_closed
    sign = (ai or (ax > 0) - (ax < 0)) * (bi or (bx > 0) - (bx < 0))
    return (sign, Fraction(0)), False


def _times(a: Interval, b: Interval) -> Interval:
    """``{x * y : x in a, y in b}``: the extreme products are among those of the ends."""
    if a.is_empty or b.is_empty:
        return Interval.empty()

    def ends(iv: Interval) -> list[tuple[_Ext, bool]]:
        lo: _Ext = (-1, Fraction(0)) if iv.lower is None else (0, iv.lower)
        hi: _Ext = (1, Fraction(0)) if iv.upper is None else (0, iv.upper)
        return [(lo, iv.lower_closed), (hi, iv.upper_closed)]

    products = [_end_product(x, xc, y, yc) for x, xc in ends(a) for y, yc in ends(b)]
    low, high = min(p for p, _ in products), max(p for p, _ in products)
    return Interval(
        lower=None if low[0] else low[1],
        upper=None if high[0] else high[1],
        lower_closed=any(c for p, c in products if p == low),
        upper_closed=any(c for p, c in products if p == high),
    )


def _max_lower(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.lower is None:
        return b.lower, b.lower_closed
    if b.lower is None or a.lower > b.lower:
        return a.lower, a.lower_closed
    if b.lower > a.lower:
        return b.lower, b.lower_closed
    return a.lower, a.lower_closed and b.lower_closed


def _min_upper(a: Interval, b: Interval) -> tuple[Fraction | None, bool]:
    if a.upper is None:
        return b.upper, b.upper_closed
    if b.upper is None or a.upper < b.upper:
        return a.upper, a.upper_closed
    if b.upper < a.upper:
        return b.upper, b.upper_closed
    return a.upper, a.upper_closed and b.upper_closed


def positive_part(iv: Interval) -> Interval:
    """``iv ∩ (0, ∞)``.

    Examples:
        >>> print(positive_part(Interval(lower=-1, upper=2)))
        (0, 2]
    """
    return iv & Interval(lower=0, upper=None, lower_closed=False)
