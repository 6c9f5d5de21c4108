"""Exact intervals and rounding: what a written (rounded) number can have been.

A figure such as ``"68.67%"`` is a rounded value: under 四舍五入 (``half_up``) the true value
lies in ``[68.665, 68.675)``. :func:`unround` turns the written number into that
:class:`Interval`, whose ends are exact :class:`~fractions.Fraction` values with open or
closed ends. :func:`round_fraction` is the forward direction, and :func:`rounds_to` tests
one value against a written one.

Rounding schemes (``h`` is half the resolution, ``x`` the written value):

============== ================================================ ==========================
scheme         meaning                                          interval for ``x > 0``
============== ================================================ ==========================
``half_up``    四舍五入: ties away from zero (mirrored below 0)  ``[x - h, x + h)``
``half_even``  ties to the even last digit (banker's rounding)  closed if even, else open
``half_down``  ties toward zero                                 ``(x - h, x + h]``
``up_or_down`` either half rule (the writer's is unknown)       ``[x - h, x + h]``
``truncate``   toward zero (digits dropped)                     ``[x, x + 2h)``
``ceiling``    toward +∞                                        ``(x - 2h, x]``
``floor``      toward -∞                                        ``[x, x + 2h)``
============== ================================================ ==========================

Examples:
    >>> from lawgov_metrics.rounding import unround, round_fraction
    >>> print(unround("68.67"))
    [68.665, 68.675)
    >>> print(unround("-12.5"))
    (-12.55, -12.45]
    >>> print(unround("63.10", scheme="up_or_down"))
    [63.095, 63.105]
    >>> round_fraction(Fraction(25, 2), 0), round_fraction(Fraction(25, 2), 0, "half_even")
    (Decimal('13'), Decimal('12'))
"""

from __future__ import annotations

import math
import operator
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypeAlias, cast, get_args

import attrs

from .errors import ParseError

__all__ = [
    "SCHEMES",
    "Interval",
    "Scheme",
    "round_fraction",
    "rounds_to",
    "unround",
]

Scheme: TypeAlias = Literal[
    "half_up", "half_even", "half_down", "up_or_down", "truncate", "ceiling", "floor"
]
#: Every rounding scheme, default first.
SCHEMES: tuple[Scheme, ...] = get_args(Scheme)

#: Schemes that are functions (each value has one rounded result).
_DETERMINISTIC: frozenset[str] = frozenset(SCHEMES) - {"up_or_down"}

ExactNumber: TypeAlias = int | Fraction | Decimal | str

#: Written figures lie within 1e-100 … 1e100; beyond that a value is refused (ParseError),
#: which also keeps exact arithmetic on hostile input (``Decimal("1E+999999")``) cheap.
MAX_EXPONENT = 100

_DECIMAL_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED_RE = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


def check_scheme(scheme: str) -> Scheme:
    """Return ``scheme`` if it names a rounding scheme, else raise ``ValueError`` listing them.

    Examples:
        >>> check_scheme("half_even")
        'half_even'
        >>> check_scheme("banker")
        Traceback (most recent call last):
        ...
        ValueError: unknown rounding scheme 'banker'; valid schemes: half_up, half_even, \
half_down, up_or_down, truncate, ceiling, floor
    """
    if scheme not in SCHEMES:
        raise ValueError(f"unknown rounding scheme {scheme!r}; valid schemes: {', '.join(SCHEMES)}")
    return scheme


def _normalize_text(text: str) -> str:
    """NFKC (full-width digits, ．, ％, －), the minus sign U+2212, and no spaces."""
    s = unicodedata.normalize("NFKC", text).replace("\u2212", "-")
    return "".join(s.split())


def check_magnitude(value: Decimal, original: object = None) -> Decimal:
    """Return a finite ``value`` within 1e-100 … 1e100 (or 0), else raise :class:`ParseError`.

    Examples:
        >>> check_magnitude(Decimal("1E+101"))
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ParseError: cannot parse Decimal('1E+101'): magnitude out of \
range: figures must lie within 1e-100 … 1e100
    """
    if not value.is_finite():
        raise ParseError(value if original is None else original, "not a finite number")
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    if value and (value.adjusted() > MAX_EXPONENT or exponent < -MAX_EXPONENT):
        raise ParseError(
            value if original is None else original,
            f"magnitude out of range: figures must lie within 1e-{MAX_EXPONENT} … 1e{MAX_EXPONENT}",
        )
    return value


_MAX_BITS = 400  # 2**400 > 1e120: room for 1e100 values and their exact ratios


def check_size(value: Fraction, original: object = None) -> Fraction:
    """Return ``value`` if its numerator and denominator are of sane size, else ParseError.

    Examples:
        >>> check_size(Fraction(10**30, 7))
        Fraction(1000000000000000000000000000000, 7)
    """
    if value.numerator.bit_length() > _MAX_BITS or value.denominator.bit_length() > _MAX_BITS:
        raise ParseError(
            f"<a {max(value.numerator.bit_length(), value.denominator.bit_length())}-bit number>"
            if original is None
            else original,
            f"magnitude out of range: figures must lie within 1e-{MAX_EXPONENT} … 1e{MAX_EXPONENT}",
        )
    return value


def parse_decimal(text: str) -> Decimal:
    """Read a written decimal number exactly, keeping trailing zeros.

    Accepts full-width digits and punctuation, a leading sign, thousands separators in
    groups of three and one trailing ``%``. Anything else raises :class:`ParseError`.

    Examples:
        >>> parse_decimal("６８．６７％")
        Decimal('68.67')
        >>> parse_decimal("12,345")
        Decimal('12345')
        >>> parse_decimal("68.67%%")
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ParseError: cannot parse '68.67%%': not a decimal number \
(digits with an optional sign, decimal point and one trailing %)
    """
    s = _normalize_text(text)
    if s.endswith("%"):
        s = s[:-1]
    if _GROUPED_RE.fullmatch(s):
        s = s.replace(",", "")
    if not _DECIMAL_RE.fullmatch(s):
        raise ParseError(
            text,
            "not a decimal number (digits with an optional sign, decimal point and one trailing %)",
        )
    return check_magnitude(Decimal(s), text)


def to_fraction(value: object, *, what: str = "value") -> Fraction:
    """Convert an exact number (int, Fraction, Decimal or decimal string) to a Fraction.

    Raises:
        TypeError: For a float (its binary value is not the written decimal) or another type.
        ParseError: For a string that is not a decimal number, or a NaN/infinite Decimal.

    Examples:
        >>> to_fraction("68.67"), to_fraction(Decimal("1E+8")), to_fraction(3)
        (Fraction(6867, 100), Fraction(100000000, 1), Fraction(3, 1))
        >>> to_fraction(0.1)
        Traceback (most recent call last):
        ...
        TypeError: value must be exact (int, Fraction, Decimal or a decimal string), got the \
float 0.1: a float cannot hold most decimals exactly; pass str(x) or Decimal('0.1')
    """
    if isinstance(value, bool):
        raise TypeError(f"{what} must be a number, got the bool {value!r}")
    if isinstance(value, Fraction | int):
        return check_size(Fraction(value))
    if isinstance(value, Decimal):
        if not value.is_finite():
            raise ParseError(value, f"{what} must be a finite number")
        return Fraction(check_magnitude(value))
    if isinstance(value, str):
        return Fraction(parse_decimal(value))
    if hasattr(type(value), "__index__"):  # numpy and other integer scalars
        return check_size(Fraction(operator.index(value)))  # type: ignore[arg-type]
    if isinstance(value, float):
        raise TypeError(
            f"{what} must be exact (int, Fraction, Decimal or a decimal string), got the "
            f"float {value!r}: a float cannot hold most decimals exactly; pass str(x) or "
            f"Decimal({str(value)!r})"
        )
    raise TypeError(
        f"{what} must be an int, Fraction, Decimal or decimal string, got {type(value).__name__}"
    )


def _optional_fraction(value: object) -> Fraction | None:
    return None if value is None else to_fraction(value, what="an interval end")


def _terminating_places(x: Fraction) -> int | None:
    """Decimal places needed to write ``x`` exactly, or None if it does not terminate."""
    d = x.denominator
    twos = fives = 0
    while d % 2 == 0:
        d //= 2
        twos += 1
    while d % 5 == 0:
        d //= 5
        fives += 1
    return max(twos, fives) if d == 1 else None


def format_fraction(x: Fraction, places: int = 6) -> str:
    """Write ``x`` as a decimal: exactly when it terminates, else to ``places`` with "…".

    Examples:
        >>> format_fraction(Fraction(13733, 200)), format_fraction(Fraction(1, 3), 3)
        ('68.665', '0.333…')
        >>> format_fraction(Fraction(-2, 3), 2), format_fraction(Fraction(7))
        ('-0.67…', '7')
    """
    exact = _terminating_places(x)
    if exact is not None:
        n = x.numerator * 10**exact // x.denominator
        return _scaled_str(n, exact)
    scaled = x * 10**places
    n = math.floor(scaled + Fraction(1, 2))  # nearest; the "…" marks it approximate
    return _scaled_str(n, places) + "…"


def _scaled_str(n: int, places: int) -> str:
    sign = "-" if n < 0 else ""
    digits = str(abs(n)).rjust(places + 1, "0")
    if places <= 0:
        return sign + digits
    return f"{sign}{digits[:-places]}.{digits[-places:]}"


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
    float raises ``TypeError``. ``lower > upper`` raises ``ValueError``; the empty set is
    written with equal ends and at least one open end (see :attr:`is_empty`).

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

    lower: Fraction | None = attrs.field(default=None, converter=_optional_fraction)
    upper: Fraction | None = attrs.field(default=None, converter=_optional_fraction)
    lower_closed: bool = True
    upper_closed: bool = True

    def __attrs_post_init__(self) -> None:
        if self.lower is None and self.lower_closed:
            object.__setattr__(self, "lower_closed", False)
        if self.upper is None and self.upper_closed:
            object.__setattr__(self, "upper_closed", False)
        if self.lower is not None and self.upper is not None and self.lower > self.upper:
            raise ValueError(f"interval lower end {self.lower} is above its upper end {self.upper}")

    # -- construction -------------------------------------------------------------------

    @classmethod
    def point(cls, x: ExactNumber) -> Interval:
        """The closed interval ``[x, x]``.

        Examples:
            >>> print(Interval.point("786"))
            [786, 786]
        """
        v = to_fraction(x)
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
        v = to_fraction(x)
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
            ValueError: If the interval is unbounded.

        Examples:
            >>> Interval(lower="465.98", upper="466.01").integers()
            range(466, 467)
            >>> Interval(lower=1, upper=2, lower_closed=False, upper_closed=False).integers()
            range(2, 2)
        """
        if self.lower is None or self.upper is None:
            raise ValueError(f"interval {self} is unbounded: its integers cannot be listed")
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
        c = to_fraction(other)
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
        return self + (-to_fraction(other))

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
        c = to_fraction(other)
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
            ZeroDivisionError: If the divisor is 0 or an interval containing 0.

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
            except ValueError:
                raise ZeroDivisionError(
                    f"cannot divide the interval {self} by {other}, which contains 0"
                ) from None
            return _times(self, inverse)
        c = to_fraction(other)
        if c == 0:
            raise ZeroDivisionError(f"cannot divide the interval {self} by zero")
        return self * (1 / c)

    def reciprocal_times(self, c: ExactNumber) -> Interval:
        """``{c / x : x in self}`` for an interval not containing 0.

        An end at 0 (which must then be open) maps to an unbounded end, and an unbounded
        end maps to an open end at 0. This is how an implied prior ``current / (1 + g)``
        is computed from an interval of growth factors.

        Raises:
            ValueError: If the interval contains 0 or is empty.

        Examples:
            >>> print(Interval(lower="1.68665", upper="1.68675", upper_closed=False)
            ...       .reciprocal_times(786))
            (465.984882…, 466.012510…]
            >>> print(Interval(lower=0, upper=2, lower_closed=False).reciprocal_times(1))
            [0.5, ∞)
        """
        k = to_fraction(c)
        if self.is_empty:
            raise ValueError("reciprocal of the empty interval")
        above = self.lower is not None and (
            self.lower > 0 or (self.lower == 0 and not self.lower_closed)
        )
        below = self.upper is not None and (
            self.upper < 0 or (self.upper == 0 and not self.upper_closed)
        )
        if not (above or below):
            raise ValueError(f"interval {self} contains 0: c / x is unbounded on both sides")
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


def unround_value(value: Fraction, resolution: Fraction, scheme: str = "half_up") -> Interval:
    """The interval of true values that round to ``value`` at ``resolution`` under ``scheme``.

    ``value`` must be a multiple of ``resolution``; the resolution need not be a power of ten.

    Examples:
        >>> print(unround_value(Fraction(25, 2), Fraction(1, 2), "ceiling"))
        (12, 12.5]
    """
    check_scheme(scheme)
    if resolution <= 0:
        raise ValueError(f"resolution must be positive, got {resolution}")
    n = value / resolution
    if n.denominator != 1:
        raise ValueError(f"{value} is not a multiple of the resolution {resolution}")
    h = resolution / 2
    lo, hi = value - h, value + h
    if scheme == "up_or_down":
        return Interval(lower=lo, upper=hi)
    if scheme == "half_even":
        closed = n.numerator % 2 == 0
        return Interval(lower=lo, upper=hi, lower_closed=closed, upper_closed=closed)
    if scheme in ("half_up", "half_down"):
        # ties away from zero (half_up) or toward zero (half_down)
        away = scheme == "half_up"
        if value > 0:
            return Interval(lower=lo, upper=hi, lower_closed=away, upper_closed=not away)
        if value < 0:
            return Interval(lower=lo, upper=hi, lower_closed=not away, upper_closed=away)
        return Interval(lower=lo, upper=hi, lower_closed=not away, upper_closed=not away)
    if scheme == "floor":
        return Interval(lower=value, upper=value + resolution, upper_closed=False)
    if scheme == "ceiling":
        return Interval(lower=value - resolution, upper=value, lower_closed=False)
    # truncate: toward zero
    if value > 0:
        return Interval(lower=value, upper=value + resolution, upper_closed=False)
    if value < 0:
        return Interval(lower=value - resolution, upper=value, lower_closed=False)
    return Interval(lower=-resolution, upper=resolution, lower_closed=False, upper_closed=False)


def _written(
    reported: object, decimals: int | None, resolution: object | None
) -> tuple[Fraction, Fraction]:
    """(value, resolution) of a written number, following :func:`unround`'s rules."""
    if decimals is not None and resolution is not None:
        raise ValueError("give decimals= or resolution=, not both")
    if decimals is not None and (isinstance(decimals, bool) or not isinstance(decimals, int)):
        raise TypeError(f"decimals must be an int, got {decimals!r}")
    places: int | None
    if isinstance(reported, float):
        if decimals is None:
            raise TypeError(
                f"reported value {reported!r} is a float, which does not say how many "
                "decimals were written; pass the text (e.g. '68.67'), a Decimal, or decimals="
            )
        if not math.isfinite(reported):
            raise ParseError(reported, "reported value must be a finite number")
        if not -MAX_EXPONENT <= decimals <= MAX_EXPONENT or abs(reported) >= 1e100:
            raise ParseError(reported, "magnitude or decimals out of range")
        dec = Decimal(repr(reported)).quantize(Decimal(1).scaleb(-decimals))
        value, places = Fraction(dec), decimals
    elif isinstance(reported, str):
        dec = parse_decimal(reported)
        value, places = Fraction(dec), _decimal_places(dec)
    elif isinstance(reported, Decimal):
        if not reported.is_finite():
            raise ParseError(reported, "reported value must be a finite number")
        check_magnitude(reported)
        value, places = Fraction(reported), _decimal_places(reported)
    elif isinstance(reported, bool):
        raise TypeError(f"reported value must be a number, got the bool {reported!r}")
    elif isinstance(reported, int | Fraction):
        value = check_size(Fraction(reported))
        places = _terminating_places(value)
        if places is None and decimals is None and resolution is None:
            raise ValueError(
                f"{reported} does not terminate as a decimal; pass decimals= or resolution="
            )
    else:
        raise TypeError(
            f"reported value must be a str, Decimal, int or Fraction, got {type(reported).__name__}"
        )
    if resolution is not None:
        res = to_fraction(resolution, what="resolution")
        if res <= 0:
            raise ValueError(f"resolution must be positive, got {resolution}")
    else:
        if decimals is not None:
            places = decimals
        assert places is not None
        res = Fraction(1, 10**places) if places >= 0 else Fraction(10 ** (-places))
    if (value / res).denominator != 1:
        raise ValueError(
            f"reported value {format_fraction(value)} has more precision than the "
            f"resolution {format_fraction(res)}"
        )
    return value, res


def _decimal_places(d: Decimal) -> int:
    exponent = d.as_tuple().exponent
    assert isinstance(exponent, int)  # finite
    return -exponent


def unround(
    reported: ExactNumber | float,
    *,
    scheme: Scheme = "half_up",
    decimals: int | None = None,
    resolution: ExactNumber | None = None,
) -> Interval:
    """The interval of true values a written, rounded number stands for.

    Args:
        reported: The number as written: a str (``"68.67"``, ``"63.10"``, ``"-12.5"``,
            full-width digits and one trailing ``%`` allowed), a Decimal, an int or a
            Fraction. Decimal places are read from the text, so trailing zeros count.
            A float is refused unless ``decimals=`` says how many places were written.
        scheme: The rounding scheme (see the module docstring).
        decimals: Decimal places written, overriding what the text shows.
        resolution: The value of one unit of the last written digit, overriding the
            decimals: ``Decimal("1E+8")`` for ``"27亿"``.

    Returns:
        An :class:`Interval` of exact Fractions.

    Raises:
        ParseError: For text that is not a decimal number, or NaN.
        TypeError: For a float without ``decimals=``.
        ValueError: For an unknown scheme, or a value finer than the resolution.

    Examples:
        >>> print(unround("68.67"))
        [68.665, 68.675)
        >>> print(unround("63.10")), print(unround("63.1"))
        [63.095, 63.105)
        [63.05, 63.15)
        (None, None)
        >>> print(unround(Decimal("2700000000"), resolution=Decimal("1E+8")))
        [2650000000, 2750000000)
        >>> print(unround("12", scheme="half_even")), print(unround("13", scheme="half_even"))
        [11.5, 12.5]
        (12.5, 13.5)
        (None, None)
        >>> unround("abc")
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ParseError: cannot parse 'abc': not a decimal number (digits \
with an optional sign, decimal point and one trailing %)
    """
    check_scheme(scheme)
    value, res = _written(reported, decimals, resolution)
    return unround_value(value, res, scheme)


def _round_integer(q: Fraction, scheme: str) -> int:
    """Round the exact ``q`` to an integer under a deterministic scheme."""
    fl = math.floor(q)
    rem = q - fl
    if rem == 0:
        return fl
    if scheme == "floor":
        return fl
    if scheme == "ceiling":
        return fl + 1
    if scheme == "truncate":
        return fl if q > 0 else fl + 1
    half = Fraction(1, 2)
    if rem != half:
        return fl + 1 if rem > half else fl
    if scheme == "half_up":
        return fl + 1 if q > 0 else fl
    if scheme == "half_down":
        return fl if q > 0 else fl + 1
    # half_even
    return fl if fl % 2 == 0 else fl + 1


def round_fraction(x: ExactNumber, decimals: int, scheme: Scheme = "half_up") -> Decimal:
    """Round an exact value to ``decimals`` places (negative: tens, hundreds...).

    The result keeps exactly ``decimals`` places (``Decimal("12.50")``).

    Raises:
        ValueError: For ``up_or_down`` (not a function) or an unknown scheme.

    Examples:
        >>> round_fraction(Fraction(160, 233) * 100, 2)
        Decimal('68.67')
        >>> round_fraction(Fraction(-25, 2), 0), round_fraction("12.5", 1)
        (Decimal('-13'), Decimal('12.5'))
        >>> round_fraction(2749999999, -8)
        Decimal('2.7E+9')
        >>> round_fraction("1.25", 1, "truncate"), round_fraction("-1.25", 1, "floor")
        (Decimal('1.2'), Decimal('-1.3'))
    """
    check_scheme(scheme)
    if scheme not in _DETERMINISTIC:
        raise ValueError(
            f"scheme {scheme!r} does not round a value to one result; use one of "
            f"{', '.join(s for s in SCHEMES if s in _DETERMINISTIC)}"
        )
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise TypeError(f"decimals must be an int, got {decimals!r}")
    v = to_fraction(x)
    n = _round_integer(v * Fraction(10) ** decimals, scheme)
    return Decimal(n).scaleb(-decimals)


def rounds_to(x: ExactNumber, reported: ExactNumber, *, scheme: Scheme = "half_up") -> bool:
    """Whether the exact value ``x`` is written as ``reported`` under ``scheme``.

    Valid for every scheme, including ``up_or_down`` (either half rule).

    Examples:
        >>> rounds_to(Fraction(16000, 233), "68.67")
        True
        >>> rounds_to("12.5", "12", scheme="half_up"), rounds_to("12.5", "12", scheme="up_or_down")
        (False, True)
    """
    return unround(reported, scheme=scheme).contains(x)
