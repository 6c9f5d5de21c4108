"""Exact numbers as written: reading decimal text, converting to Fraction, writing them back.

The lowest layer of the arithmetic: :func:`parse_decimal` reads a written number (full-width
digits, thousands separators, one trailing ``%``) into a Decimal that keeps its trailing
zeros; :func:`to_fraction` turns any exact input into a Fraction and refuses floats with a
reason; :func:`format_fraction` writes a Fraction back as a decimal. Sizes are bounded
(:data:`MAX_EXPONENT`), so hostile input such as ``Decimal("1E+999999")`` stays cheap.

Everything here is re-exported by :mod:`lawgov_metrics.rounding`, where it was first defined.

Examples:
    >>> parse_decimal("６８．６７％"), to_fraction("68.67"), format_fraction(Fraction(1, 3), 3)
    (Decimal('68.67'), Fraction(6867, 100), '0.333…')
"""

from __future__ import annotations

import math
import operator
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

from .errors import ArgumentTypeError, ArgumentValueError, ParseError

__all__ = [
    "MAX_EXPONENT",
    "ExactNumber",
    "check_magnitude",
    "check_size",
    "float_decimal",
    "format_fraction",
    "parse_decimal",
    "to_fraction",
]

ExactNumber: TypeAlias = int | Fraction | Decimal | str

#: Written figures lie within 1e-100 … 1e100; beyond that a value is refused (ParseError),
#: which also keeps exact arithmetic on hostile input (``Decimal("1E+999999")``) cheap.
MAX_EXPONENT = 100

_DECIMAL_RE = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")
_GROUPED_RE = re.compile(r"[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?")


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
    if not isinstance(value, Decimal):
        raise ArgumentTypeError("value", value, "a Decimal")
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
    if not isinstance(value, Fraction | int) or isinstance(value, bool):
        raise ArgumentTypeError("value", value, "a Fraction or an int")
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
    if not isinstance(text, str):
        raise ArgumentTypeError("text", text, "a str (the number as written)")
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


_EXACT_TYPES = "an int, Fraction, Decimal or decimal string"


def to_fraction(value: object, *, what: str = "value") -> Fraction:
    """Convert an exact number (int, Fraction, Decimal or decimal string) to a Fraction.

    Args:
        value: The number.
        what: The argument's name, for the error message.

    Raises:
        ArgumentTypeError: (a ``TypeError``) For a float (its binary value is not the
            written decimal), a bool, None or another type.
        ParseError: For a string that is not a decimal number, a NaN/infinite Decimal, or a
            number beyond 1e100.

    Examples:
        >>> to_fraction("68.67"), to_fraction(Decimal("1E+8")), to_fraction(3)
        (Fraction(6867, 100), Fraction(100000000, 1), Fraction(3, 1))
        >>> to_fraction(0.1)
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ArgumentTypeError: value=0.1 is not accepted: a float cannot \
hold most decimals exactly (0.1 is 0.10000000000000000555…); value takes an int, Fraction, \
Decimal or decimal string: pass str(x) or Decimal('0.1')
    """
    if type(value) is Fraction:  # the common case, kept as it is when of sane size
        if (
            value.numerator.bit_length() <= _MAX_BITS
            and value.denominator.bit_length() <= _MAX_BITS
        ):
            return value
        return check_size(value)
    if isinstance(value, bool):
        raise ArgumentTypeError(what, value, _EXACT_TYPES, "a bool is not a number")
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
        why = "a float cannot hold most decimals exactly"
        if math.isfinite(value) and Decimal(value) != Decimal(repr(value)):
            why += f" ({value!r} is {value:.20g}…)"
        raise ArgumentTypeError(
            what, value, f"{_EXACT_TYPES}: pass str(x) or Decimal({str(value)!r})", why
        )
    raise ArgumentTypeError(what, value, _EXACT_TYPES, f"got {type(value).__name__}")


def float_decimal(x: float) -> Decimal:
    """The decimal a float was most likely written as: its shortest repr, or a whole number.

    ``68.67`` gives ``Decimal("68.67")``, ``1e-05`` gives ``Decimal("0.00001")`` and a
    whole-number float gives the integer (``12.0`` gives ``Decimal("12")``, not ``"12.0"``).
    The places a float shows are never more than were written (``63.10`` reads as
    ``63.1``), so an interval read this way is at least as wide as the written number's.

    Raises:
        ParseError: For NaN, an infinity, or a magnitude of 1e100 or more.

    Examples:
        >>> float_decimal(68.67), float_decimal(12.0), float_decimal(1e-05)
        (Decimal('68.67'), Decimal('12'), Decimal('0.00001'))
    """
    if not math.isfinite(x):
        raise ParseError(x, "not a finite number")
    if abs(x) >= 1e100:
        raise ParseError(x, f"magnitude out of range: figures must lie within 1e{MAX_EXPONENT}")
    if x.is_integer():
        return Decimal(int(x))
    return check_magnitude(Decimal(repr(float(x))), x)  # float(): numpy's repr adds its name


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
    if not isinstance(x, Fraction | int) or isinstance(x, bool):
        raise ArgumentTypeError("x", x, "a Fraction or an int")
    if isinstance(places, bool) or not isinstance(places, int) or places < 0:
        raise ArgumentValueError("places", places, "an int >= 0")
    x = Fraction(x)
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
