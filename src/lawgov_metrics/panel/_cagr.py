"""Compound annual growth rates, exact where the root is rational, bracketed where not."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import attrs

__all__ = ["CAGR"]


def _iroot(x: int, n: int) -> int | None:
    """The exact integer n-th root of ``x >= 0``, or ``None``."""
    if x < 0:
        return None
    if x in (0, 1):
        return x
    r = round(x ** (1.0 / n)) if x.bit_length() < 1000 else math.isqrt(x)
    lo, hi = max(r - 2, 0), r + 2
    if hi**n < x:  # float estimate too small (huge x): bisect
        lo, hi = 0, 1 << (x.bit_length() // n + 1)
    while lo <= hi:
        mid = (lo + hi) // 2
        p = mid**n
        if p == x:
            return mid
        if p < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return None


@attrs.frozen(kw_only=True)
class CAGR:
    """A compound annual growth rate over a span of years.

    The CAGR ``(end / start) ** (1 / n) - 1`` is an n-th root, in general irrational, so it
    comes in three parts: ``exact`` (a Fraction, only when the ratio is a perfect n-th
    power of a rational), ``approx`` (a float, labelled approximate), and an exact check
    interval ``[lower, upper]`` of Fractions verified with exact arithmetic to satisfy
    ``(1 + lower) ** n <= end / start <= (1 + upper) ** n``.

    Attributes:
        jurisdiction: Where.
        indicator: Which indicator (id).
        start: First year.
        end: Last year.
        years: ``end - start``.
        start_value: Value in ``start`` (exact), or ``None``.
        end_value: Value in ``end`` (exact), or ``None``.
        exact: The CAGR when it is rational, else ``None``.
        approx: Float approximation (NaN when undefined).
        lower: Exact lower check bound, or ``None`` when undefined.
        upper: Exact upper check bound, or ``None`` when undefined.
        status: ``"ok"``, ``"missing"`` (a value is absent), ``"zero_base"``,
            ``"negative_base"`` or ``"negative_end"``.
        reason: Human-readable explanation.
    """

    jurisdiction: str
    indicator: str
    start: int
    end: int
    years: int
    start_value: Decimal | None
    end_value: Decimal | None
    exact: Fraction | None
    approx: float
    lower: Fraction | None
    upper: Fraction | None
    status: str
    reason: str = ""

    def __str__(self) -> str:
        if self.status != "ok":
            return f"CAGR {self.indicator} {self.start}–{self.end}: {self.status} ({self.reason})"
        return (
            f"CAGR {self.indicator} {self.jurisdiction} {self.start}–{self.end}: "
            f"≈{self.approx:.4%} (exactly in [{float(self.lower or 0):.10f}, "
            f"{float(self.upper or 0):.10f}])"
        )


def _cagr_parts(
    start_value: Fraction, end_value: Fraction, n: int
) -> tuple[Fraction | None, float, Fraction, Fraction]:
    ratio = end_value / start_value
    a_num, a_den = _iroot(ratio.numerator, n), _iroot(ratio.denominator, n)
    if a_num is not None and a_den is not None:
        exact = Fraction(a_num, a_den) - 1
        return exact, float(exact), exact, exact
    approx = math.exp(math.log(ratio.numerator) - math.log(ratio.denominator)) ** (1 / n) - 1
    for digits in (12, 9, 6, 3, 1, 0):
        scale = 10**digits
        base = math.floor(Fraction(approx) * scale)
        lo, hi = Fraction(base - 1, scale), Fraction(base + 2, scale)
        if lo > -1 and (1 + lo) ** n <= ratio <= (1 + hi) ** n:
            return None, approx, lo, hi
    # Fall back to bisection on [-1, ratio] (always brackets the root).
    lo, hi = Fraction(-1), max(ratio, Fraction(1))
    for _ in range(80):
        mid = (lo + hi) / 2
        mid = Fraction(mid).limit_denominator(2**100)
        if (1 + mid) ** n <= ratio:
            lo = mid
        else:
            hi = mid
    return None, approx, lo, hi
