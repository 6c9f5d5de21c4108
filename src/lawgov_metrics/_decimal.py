"""Decimal arithmetic in a context of the library's own, whatever the caller's context is.

Most Decimal operations (``+``, ``-``, unary minus, ``normalize``, ``quantize``, ``scaleb``,
``/``) round their result to the *current thread's* context. A caller who sets
``decimal.getcontext().prec = 3`` (or ``rounding = ROUND_FLOOR``, or a trap on
``Inexact``) would otherwise turn ``12345.678`` into ``1.23E+4`` inside the library. Every
Decimal operation on a figure goes through the helpers below instead. They run in
:data:`EXACT`, a private context of ample precision that traps ``Inexact``: an operation
that would have to round raises instead of silently changing a figure.

Building a Decimal from a str, an int or a digit tuple, comparing Decimals, ``as_tuple``,
``copy_negate`` and ``Fraction(decimal)`` never consult a context and need no helper.

Examples:
    >>> import decimal
    >>> from decimal import Decimal
    >>> with decimal.localcontext() as hostile:
    ...     hostile.prec = 3
    ...     subtract(Decimal("12345.678"), Decimal("0.001")), scaled(-123456, -2)
    (Decimal('12345.677'), Decimal('-1234.56'))
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable
from decimal import Decimal

__all__ = [
    "EXACT",
    "PRECISION",
    "ROUNDING",
    "coefficient",
    "dsum",
    "integral_value",
    "is_integral",
    "negate",
    "normalize",
    "quantize",
    "scaled",
    "subtract",
]

#: Significant digits of the private contexts. Figures lie within 1e-100 … 1e100 (see
#: ``rounding.MAX_EXPONENT``), so a sum or difference of two of them needs at most ~201.
PRECISION = 1000

#: Exact arithmetic: an operation whose result would need rounding raises ``decimal.Inexact``.
EXACT = decimal.Context(
    prec=PRECISION,
    rounding=decimal.ROUND_HALF_EVEN,
    Emin=decimal.MIN_EMIN,
    Emax=decimal.MAX_EMAX,
    capitals=1,
    clamp=0,
    flags=[],
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow, decimal.Inexact],
)

#: Deliberate rounding (half to even, as the default context): only :func:`quantize` uses it.
ROUNDING = EXACT.copy()
ROUNDING.traps[decimal.Inexact] = False


def subtract(a: Decimal, b: Decimal) -> Decimal:
    """``a - b`` exactly.

    Examples:
        >>> subtract(Decimal("65.3"), Decimal("62.1"))
        Decimal('3.2')
    """
    with decimal.localcontext(EXACT) as ctx:
        return ctx.subtract(a, b)


def dsum(values: Iterable[Decimal]) -> Decimal:
    """The exact sum of Decimals (``Decimal(0)`` for none).

    Examples:
        >>> dsum([Decimal("0.1"), Decimal("0.2")]), dsum([])
        (Decimal('0.3'), Decimal('0'))
    """
    total = Decimal(0)
    with decimal.localcontext(EXACT) as ctx:
        for v in values:
            total = ctx.add(total, v)
    return total


def negate(d: Decimal) -> Decimal:
    """``-d`` exactly, as unary minus gives it in the default context (``-0`` is ``0``).

    Examples:
        >>> negate(Decimal("12.50")), negate(Decimal("0"))
        (Decimal('-12.50'), Decimal('0'))
    """
    with decimal.localcontext(EXACT) as ctx:
        return ctx.minus(d)


def normalize(d: Decimal) -> Decimal:
    """``d`` with trailing zeros stripped (``Decimal.normalize``), never rounded.

    Examples:
        >>> normalize(Decimal("0.0100")), normalize(Decimal("12345.678"))
        (Decimal('0.01'), Decimal('12345.678'))
    """
    with decimal.localcontext(EXACT) as ctx:
        return ctx.normalize(d)


def quantize(d: Decimal, places: int) -> Decimal:
    """``d`` rounded half to even to ``places`` decimals (negative: tens, hundreds...).

    Examples:
        >>> quantize(Decimal("68.665"), 2), quantize(Decimal("68.7"), 2)
        (Decimal('68.66'), Decimal('68.70'))
    """
    with decimal.localcontext(ROUNDING) as ctx:
        return ctx.quantize(d, Decimal((0, (1,), -places)))


def scaled(n: int, exponent: int) -> Decimal:
    """``n × 10**exponent`` as an exact Decimal with exactly that exponent.

    Examples:
        >>> scaled(6867, -2), scaled(27, 8), scaled(0, -2)
        (Decimal('68.67'), Decimal('2.7E+9'), Decimal('0.00'))
    """
    sign = 1 if n < 0 else 0
    return Decimal((sign, tuple(map(int, str(abs(n)))), exponent))


def coefficient(d: Decimal) -> int:
    """The signed integer of a finite Decimal's digits: ``d == coefficient(d) × 10**exponent``.

    Examples:
        >>> coefficient(Decimal("-68.670")), Decimal("-68.670").as_tuple().exponent
        (-68670, -3)
    """
    sign, digits, _ = d.as_tuple()
    n = int("".join(map(str, digits)) or "0")
    return -n if sign else n


def integral_value(d: Decimal) -> int | None:
    """The int a finite Decimal equals, or None when it is not a whole number.

    Examples:
        >>> integral_value(Decimal("466.00")), integral_value(Decimal("4.5E+2"))
        (466, 450)
        >>> integral_value(Decimal("4.5")) is None
        True
    """
    if not is_integral(d):
        return None
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # is_integral is False for NaN and infinities
    if exponent < 0:
        digits = digits[:exponent]
    n = int("".join(map(str, digits)) or "0") * int(10 ** max(exponent, 0))
    return -n if sign else n


def is_integral(d: Decimal) -> bool:
    """Whether a finite Decimal is a whole number (``d == d.to_integral_value()``).

    Examples:
        >>> is_integral(Decimal("2023")), is_integral(Decimal("2.5")), is_integral(Decimal("1E+3"))
        (True, False, True)
    """
    _, digits, exponent = d.as_tuple()
    if not isinstance(exponent, int):
        return False
    return exponent >= 0 or not any(digits[exponent:])
