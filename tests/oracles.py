"""Reference arithmetic for the tests, written independently of the library.

Everything here is exact (Fractions and integers) and deliberately simple, so that the
library's rounding, growth and share code can be compared with it.
"""

from __future__ import annotations

import math
from fractions import Fraction


def oracle_round(q: Fraction, scheme: str) -> int:
    """Round an exact value to an integer under a deterministic scheme."""
    sign = 1 if q >= 0 else -1
    if scheme == "half_even":
        return round(q)  # Fraction.__round__ is exact banker's rounding
    if scheme == "floor":
        return math.floor(q)
    if scheme == "ceiling":
        return math.ceil(q)
    if scheme == "truncate":
        return math.trunc(q)
    if scheme == "half_up":  # ties away from zero
        return sign * math.floor(abs(q) + Fraction(1, 2))
    if scheme == "half_down":  # ties toward zero
        return sign * math.ceil(abs(q) - Fraction(1, 2))
    raise AssertionError(scheme)


def round_half_up(x: Fraction, places: int) -> Fraction:
    """四舍五入 at ``places`` decimals, ties away from zero."""
    scale = 10**places
    y = abs(x) * scale
    r = (y.numerator * 2 + y.denominator) // (2 * y.denominator)
    return Fraction(r if x >= 0 else -r, scale)


def places_of(text: str) -> int:
    """Decimal places written in a number such as ``"68.67"``."""
    return len(text.split(".")[1]) if "." in text else 0
