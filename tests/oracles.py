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


def written(x: Fraction, places: int, scheme: str) -> str:
    """``x`` rounded to ``places`` decimals under ``scheme``, as a report writes it."""
    n = oracle_round(x * 10**places, scheme)
    digits = str(abs(n)).rjust(places + 1, "0")
    body = f"{digits[:-places]}.{digits[-places:]}" if places else digits
    return ("-" if n < 0 else "") + body


def is_tie(x: Fraction, places: int) -> bool:
    """Whether ``x`` is exactly halfway between two values with ``places`` decimals."""
    y = x * 10**places
    return y - math.floor(y) == Fraction(1, 2)


def growth_fits(prior: int, current: int, reported: str, scheme: str) -> bool:
    """Whether ``prior`` to ``current`` is written ``reported`` percent under ``scheme``."""
    g = Fraction(100 * (current - prior), prior)
    return written(g, places_of(reported), scheme) == reported


def share_reachable(total: int, reported: str, scheme: str) -> bool:
    """Whether some count ``k`` in ``[0, total]`` has ``k / total`` written as ``reported``.

    Only the counts next to ``reported * total / 100`` can round to it: for the half schemes
    the nearest on either side, for floor/truncate the first at or above, for ceiling the
    last at or below; the two on each side cover every scheme.
    """
    d = places_of(reported)
    centre = Fraction(reported) * total / 100
    ks = range(math.floor(centre) - 1, math.ceil(centre) + 2)
    return any(
        written(Fraction(100 * k, total), d, scheme) == reported for k in ks if 0 <= k <= total
    )


def unround_half_up(x: Fraction, places: int) -> tuple[Fraction, Fraction]:
    """The values 四舍五入 writes as ``x``: ``[x - h, x + h)`` above zero, ``(x - h, x + h]``
    below it (mirrored), ``h`` half a unit of the last place. Ends as ``(lo, hi)``."""
    h = Fraction(1, 2 * 10**places)
    return x - h, x + h


def growth_reachable(current: int, rate: Fraction, places: int) -> bool:
    """Whether some whole prior ``p >= 1`` takes ``p`` to ``current`` at ``rate`` percent
    (signed), written to ``places`` under 四舍五入: a search of the priors around the exact
    one, wide enough for every rate of a quarter percent unit or more."""
    lo, hi = unround_half_up(rate, places)
    if lo <= -100 and current > 0:
        # growth from a positive prior to a positive count lies in (-100, ∞) and falls
        # toward -100 as the prior grows: every prior past 100c / (100 + hi) is written so
        if hi <= -100:
            return False
        edge = Fraction(100 * current) / (100 + hi)
        return any(
            round_half_up(Fraction(100 * (current - p), p), places) == rate
            for p in range(max(1, math.floor(edge) - 2), math.ceil(edge) + 3)
        )
    if lo <= -100:
        return any(
            round_half_up(Fraction(100 * (current - p), p), places) == rate
            for p in range(1, 100 * current + 2)
        )
    centre_hi = Fraction(100 * current) / (100 + lo)  # the largest prior it could be
    centre_lo = Fraction(100 * current) / (100 + hi)
    return any(
        round_half_up(Fraction(100 * (current - p), p), places) == rate
        for p in range(max(1, math.floor(centre_lo) - 2), math.ceil(centre_hi) + 3)
    )


def share_fits_half_up(k: int, n: int, rate: Fraction, places: int) -> bool:
    """Whether ``k`` of ``n`` is written ``rate`` percent at ``places`` under 四舍五入."""
    return round_half_up(Fraction(100 * k, n), places) == rate


def change_reachable(prior: Fraction, current: Fraction, change: Fraction, places: int) -> bool:
    """Whether two rates written ``prior`` and ``current`` (percent) and a change written
    ``change`` (signed, percentage points), all to ``places`` under 四舍五入, can all be
    true: the true difference lies strictly inside ``(c - p - 2h, c - p + 2h)`` (each rate
    is within ``h`` of its printed value, one end open) and must lie in the change's
    interval, ``[v - h, v + h)`` for a rise, ``(v - h, v + h]`` for a fall."""
    h = Fraction(1, 2 * 10**places)
    d = current - prior
    lo, hi = change - h, change + h
    return max(lo, d - 2 * h) < min(hi, d + 2 * h)
