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
from decimal import Decimal
from fractions import Fraction
from typing import Any, Literal, TypeAlias, get_args

from . import _decimal
from ._exact import MAX_EXPONENT as MAX_EXPONENT
from ._exact import ExactNumber as ExactNumber
from ._exact import _terminating_places
from ._exact import check_magnitude as check_magnitude
from ._exact import check_size as check_size
from ._exact import format_fraction as format_fraction
from ._exact import parse_decimal as parse_decimal
from ._exact import to_fraction as to_fraction
from .errors import ArgumentTypeError, ArgumentValueError, ParseError
from .interval import Interval as Interval
from .interval import positive_part as positive_part

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


def check_scheme(scheme: object) -> Scheme:
    """Return ``scheme`` if it names a rounding scheme, else raise an error listing them.

    Raises:
        ArgumentValueError: (a ``ValueError``) For a str that names no scheme.
        ArgumentTypeError: (a ``TypeError``) For anything but a str.

    Examples:
        >>> check_scheme("half_even")
        'half_even'
        >>> check_scheme("banker")
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ArgumentValueError: scheme='banker' is not accepted: unknown \
rounding scheme; scheme takes one of half_up, half_even, half_down, up_or_down, truncate, \
ceiling, floor
    """
    accepted = f"one of {', '.join(SCHEMES)}"
    if not isinstance(scheme, str):
        raise ArgumentTypeError("scheme", scheme, accepted, "a rounding scheme is named by a str")
    if scheme not in SCHEMES:
        raise ArgumentValueError("scheme", scheme, accepted, "unknown rounding scheme")
    return scheme


def unround_value(value: Fraction, resolution: Fraction, scheme: str = "half_up") -> Interval:
    """The interval of true values that round to ``value`` at ``resolution`` under ``scheme``.

    ``value`` must be a multiple of ``resolution``; the resolution need not be a power of ten.

    Raises:
        ArgumentValueError: (a ``ValueError``) For a resolution of 0 or below, or a value
            that is not a multiple of it.

    Examples:
        >>> print(unround_value(Fraction(25, 2), Fraction(1, 2), "ceiling"))
        (12, 12.5]
    """
    check_scheme(scheme)
    value = to_fraction(value, what="value")
    resolution = to_fraction(resolution, what="resolution")
    if resolution <= 0:
        raise ArgumentValueError("resolution", resolution, "a positive number")
    n = value / resolution
    if n.denominator != 1:
        raise ArgumentValueError(
            "value", value, f"a multiple of the resolution {format_fraction(resolution)}"
        )
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


_REPORTED = "a str as written ('68.67'), a Decimal, an int or a Fraction"


def _check_decimals(decimals: object) -> int | None:
    if decimals is None:
        return None
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise ArgumentTypeError("decimals", decimals, "an int (decimal places written) or None")
    if not -MAX_EXPONENT <= decimals <= MAX_EXPONENT:
        raise ArgumentValueError(
            "decimals", decimals, f"an int from -{MAX_EXPONENT} to {MAX_EXPONENT}"
        )
    return decimals


def _written(
    reported: object, decimals: object, resolution: object | None
) -> tuple[Fraction, Fraction]:
    """(value, resolution) of a written number, following :func:`unround`'s rules."""
    if decimals is not None and resolution is not None:
        raise ArgumentValueError(
            "resolution", resolution, "None when decimals= is given", "give decimals= or "
            "resolution=, not both"
        )  # fmt: skip
    places = _check_decimals(decimals)
    if reported is None:
        raise ArgumentTypeError("reported", reported, _REPORTED, "no number was given")
    if isinstance(reported, float):
        if places is None:
            raise ArgumentTypeError(
                "reported",
                reported,
                f"{_REPORTED}, or a float with decimals= (the places that were written)",
                "a float does not say how many decimals were written (63.10 and 63.1 are the "
                "same float), so the interval it stands for is unknown",
            )
        if not math.isfinite(reported):
            raise ParseError(reported, "reported value must be a finite number")
        if abs(reported) >= 1e100:
            raise ParseError(reported, "magnitude out of range")
        dec = _decimal.quantize(Decimal(repr(float(reported))), places)
        value = Fraction(dec)
    elif isinstance(reported, str):
        dec = parse_decimal(reported)
        value = Fraction(dec)
        places = _decimal_places(dec) if places is None else places
    elif isinstance(reported, Decimal):
        if not reported.is_finite():
            raise ParseError(reported, "reported value must be a finite number")
        check_magnitude(reported)
        value = Fraction(reported)
        places = _decimal_places(reported) if places is None else places
    elif isinstance(reported, bool) or type(reported).__name__ in ("bool", "bool_"):
        raise ArgumentTypeError("reported", reported, _REPORTED, "a bool is not a number")
    elif isinstance(reported, int | Fraction) or hasattr(type(reported), "__index__"):
        # numpy's integers are ints for this purpose: they have __index__
        index: Any = operator.index
        exact = reported if isinstance(reported, Fraction) else index(reported)
        value = check_size(Fraction(exact))
        if places is None:
            places = _terminating_places(value)
            if places is None and resolution is None:
                raise ArgumentValueError(
                    "reported",
                    reported,
                    f"{_REPORTED} that terminates as a decimal, or decimals= / resolution=",
                    f"{reported} does not terminate as a decimal",
                )
    else:
        raise ArgumentTypeError("reported", reported, _REPORTED, f"got {type(reported).__name__}")
    if resolution is not None:
        res = to_fraction(resolution, what="resolution")
        if res <= 0:
            raise ArgumentValueError("resolution", resolution, "a positive number")
    else:
        assert places is not None
        res = Fraction(1, 10**places) if places >= 0 else Fraction(10 ** (-places))
    if (value / res).denominator != 1:
        raise ArgumentValueError(
            "reported",
            reported,
            f"a number that is a multiple of the resolution {format_fraction(res)}",
            f"{format_fraction(value)} has more precision than the resolution",
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
            A float is refused unless ``decimals=`` says how many places were written:
            ``63.10`` and ``63.1`` are the same float, and the interval depends on which
            was written (the checks, which must answer rather than raise, read a float
            by its shortest repr instead; see :func:`lawgov_metrics.verify_growth`).
        scheme: The rounding scheme (see the module docstring).
        decimals: Decimal places written, overriding what the text shows.
        resolution: The value of one unit of the last written digit, overriding the
            decimals: ``Decimal("1E+8")`` for ``"27亿"``.

    Returns:
        An :class:`Interval` of exact Fractions.

    Raises:
        ParseError: For text that is not a decimal number, or NaN.
        ArgumentTypeError: (a ``TypeError``) For a float without ``decimals=``, None, a bool
            or another type.
        ArgumentValueError: (a ``ValueError``) For an unknown scheme, decimals beyond
            ±100, a resolution of 0 or below, or a value finer than the resolution.

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
        >>> unround(68.67)
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ArgumentTypeError: reported=68.67 is not accepted: a float does \
not say how many decimals were written (63.10 and 63.1 are the same float), so the interval it \
stands for is unknown; reported takes a str as written ('68.67'), a Decimal, an int or a \
Fraction, or a float with decimals= (the places that were written)
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


#: round_fraction keeps at most this many places (or rounds to at most 10**this).
_MAX_PLACES = 1000


def round_fraction(x: ExactNumber, decimals: int, scheme: Scheme = "half_up") -> Decimal:
    """Round an exact value to ``decimals`` places (negative: tens, hundreds...).

    The result keeps exactly ``decimals`` places (``Decimal("12.50")``).

    Raises:
        ArgumentValueError: (a ``ValueError``) For ``up_or_down`` (not a function), an
            unknown scheme, or ``decimals`` beyond ±1000.
        ArgumentTypeError: (a ``TypeError``) For ``decimals`` that is not an int, or an
            ``x`` that is not exact (see :func:`to_fraction`).

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
        raise ArgumentValueError(
            "scheme",
            scheme,
            f"one of {', '.join(s for s in SCHEMES if s in _DETERMINISTIC)}",
            f"{scheme} does not round a value to one result",
        )
    if isinstance(decimals, bool) or not isinstance(decimals, int):
        raise ArgumentTypeError("decimals", decimals, "an int (places to keep)")
    if not -_MAX_PLACES <= decimals <= _MAX_PLACES:
        raise ArgumentValueError(
            "decimals", decimals, f"an int from -{_MAX_PLACES} to {_MAX_PLACES}"
        )
    v = to_fraction(x, what="x")
    n = _round_integer(v * Fraction(10) ** decimals, scheme)
    return _decimal.scaled(n, -decimals)


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
