"""How the single-case checks read their inputs, and the reason codes they answer with.

A check never raises on a bad value: :func:`_checked_value` and :func:`_reported_interval`
turn a missing value (None, NaN, NA, blank text) into ``missing_value`` and an unreadable
one into ``bad_input``, with a message naming the value. A written rate is read as the
interval it stands for (:func:`rate_interval`); a float rate by its shortest repr.

Everything public here is re-exported by :mod:`lawgov_metrics.growth`.

Examples:
    >>> is_missing(None), is_missing(float("nan")), is_missing(" "), is_missing(0)
    (True, True, True, False)
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import TypeAlias

from .._exact import float_decimal
from ..errors import ArgumentValueError, ParseError
from ..records import Quantity
from ..results import CheckResult, Status
from ..rounding import ExactNumber, Interval, Scheme, format_fraction, to_fraction, unround

__all__ = ["REASONS", "ValueLike", "exact_value", "is_missing", "range_size", "rate_interval"]

ValueLike: TypeAlias = ExactNumber | Quantity

#: Reason codes used by the checks in this module (``CheckResult.reason``).
REASONS: dict[str, str] = {
    "": "the check passed",
    "growth_mismatch": "the exact growth does not round to the reported rate",
    "pp_mismatch": "no pair of rates consistent with the written ones gives the reported change",
    "share.range": "the reported share lies outside 0-100%",
    "no_integer_count": "no integer count out of the total gives the reported share",
    "count_mismatch": "the printed count over the total does not round to the reported share",
    "count_out_of_range": "the printed count is negative or larger than the total",
    "missing_value": "a value is missing (None, NaN or empty)",
    "bad_input": "a value could not be read as an exact number",
    "prior_not_positive": "the prior value is zero or negative, so no growth rate is defined",
    "total_not_positive": "the total is zero or negative",
    "total_not_integer": "the total is not a whole count",
    "approximate_value": "a value is itself an interval (a qualifier or rounding)",
}

_HUNDRED = Fraction(100)


class _BadValueError(Exception):
    """Internal: a value that makes a check UNDECIDABLE (reason code, message)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _show(x: object) -> str:
    """A short repr of an input for a message (never fails, even for a 10**5000 int)."""
    try:
        text = repr(x)
    except ValueError:  # int too large to print
        text = f"<{type(x).__name__} too large to print>"
    return text if len(text) <= 60 else text[:57] + "..."


def is_missing(x: object) -> bool:
    """None, NaN (float or Decimal), pandas NA/NaT, or an empty/blank string.

    Examples:
        >>> is_missing(None), is_missing(float("nan")), is_missing(""), is_missing(0)
        (True, True, True, False)
    """
    if x is None:
        return True
    if isinstance(x, float):
        return math.isnan(x)
    if isinstance(x, Decimal):
        return x.is_nan()
    if isinstance(x, str):
        return not x.strip()
    return type(x).__name__ in ("NAType", "NaTType")


def exact_value(x: object, *, what: str = "value") -> Fraction:
    """An exact number from an int, Fraction, Decimal, decimal string, exact Quantity or
    integral float.

    A float is accepted only when it holds a whole number (``466.0``): such values are
    exact, while a fractional float has lost its written decimals.

    Raises:
        ParseError: For unreadable text or NaN.
        ArgumentTypeError: (a ``TypeError``) For a fractional float or an unsupported type.
        ArgumentValueError: (a ``ValueError``) For a Quantity that stands for an interval
            rather than one value.

    Examples:
        >>> exact_value("466"), exact_value(466.0), exact_value(Decimal("4.5"))
        (Fraction(466, 1), Fraction(466, 1), Fraction(9, 2))
    """
    if isinstance(x, Quantity):
        b = x.bounds()
        if not b.is_point or b.lower is None:
            raise ArgumentValueError(
                what, x.text or x.value, "an exact value", f"it stands for the interval {b}"
            )
        return b.lower
    if isinstance(x, float):
        if math.isnan(x) or math.isinf(x):
            raise ParseError(x, f"{what} must be a finite number")
        if x.is_integer():
            if abs(x) >= 1e100:
                raise ParseError(x, f"{what} is out of range (figures lie within 1e100)")
            return Fraction(int(x))
    return to_fraction(x, what=what)


def _checked_value(x: object, what: str) -> Fraction:
    if is_missing(x):
        raise _BadValueError("missing_value", f"{what} is missing ({_show(x)})")
    try:
        return exact_value(x, what=what)
    except ValueError as exc:
        if isinstance(x, Quantity):
            raise _BadValueError("approximate_value", f"{what}: {exc}") from exc
        raise _BadValueError("bad_input", f"cannot read {what} {_show(x)}: {exc}") from exc
    except TypeError as exc:
        raise _BadValueError("bad_input", f"cannot read {what} {_show(x)}: {exc}") from exc


def _value_interval(x: object, scheme: Scheme, what: str) -> Interval:
    if isinstance(x, Quantity):
        return x.bounds(scheme)
    if isinstance(x, Interval):
        return x
    return Interval.point(exact_value(x, what=what))


def rate_interval(reported: object, scheme: Scheme = "half_up") -> Interval:
    """The interval (in percent) a written rate stands for.

    ``reported`` is a percent as written (str, Decimal, int, Fraction), a
    :class:`~lawgov_metrics.Quantity` (its ``bounds(scheme)``, qualifiers included) or an
    :class:`~lawgov_metrics.Interval` taken as it is. A float is read by its shortest repr
    (:func:`~lawgov_metrics.rounding.float_decimal`: ``68.67`` as ``"68.67"``, ``12.0`` as
    ``"12"``). A float shows no more places than were written (``63.10`` reads as
    ``"63.1"``), so the interval is at least as wide as the written text's: a true claim is
    never failed for being a float, but a false one may pass.

    Examples:
        >>> print(rate_interval("-12.5")), print(rate_interval(68.67))
        (-12.55, -12.45]
        [68.665, 68.675)
        (None, None)
    """
    if isinstance(reported, Quantity):
        return reported.bounds(scheme)
    if isinstance(reported, Interval):
        return reported
    if isinstance(reported, float):
        return unround(float_decimal(reported), scheme=scheme)
    # unround raises a clear TypeError / ParseError for anything it cannot read
    return unround(reported, scheme=scheme)  # type: ignore[arg-type]


def _written(x: object) -> str:
    """How to show a reported value in a message: as written when we have the text."""
    if isinstance(x, Quantity):
        return x.text or str(x.value)
    if isinstance(x, str):
        return x.strip().removesuffix("%").removesuffix("％")
    if isinstance(x, Fraction):
        return format_fraction(x)
    return str(x)


def _num(x: Fraction) -> str:
    return format_fraction(x, 3)


def range_size(r: range) -> int:
    """``len(r)`` for a step-1 range, without the C size limit of ``len`` (huge counts).

    Examples:
        >>> range_size(range(3, 10**30))
        999999999999999999999999999997
    """
    return max(0, r.stop - r.start)


def _places(iv: Interval) -> int:
    w = iv.width
    if not w:
        return 2
    places = 0
    while w < 1 and places < 12:
        w *= 10
        places += 1
    return places


def _undecidable(check: str, bad: _BadValueError) -> CheckResult:
    return CheckResult(
        check=check, status=Status.UNDECIDABLE, message=bad.message, reason=bad.reason
    )


def _reported_interval(reported: object, scheme: Scheme, what: str) -> Interval:
    """The interval of a reported percent, or a _BadValueError naming what was wrong."""
    if is_missing(reported):
        raise _BadValueError("missing_value", f"reported {what} is missing ({_show(reported)})")
    try:
        return rate_interval(reported, scheme)
    except (ValueError, TypeError) as exc:
        raise _BadValueError(
            "bad_input", f"cannot read reported {what} {_show(reported)}: {exc}"
        ) from exc
