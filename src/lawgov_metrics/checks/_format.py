"""How the checks write numbers, intervals, quotes and candidate lists in their messages.

One copy: numbers and intervals are written by :func:`lawgov_metrics.rounding.format_fraction`
and :meth:`lawgov_metrics.Interval.to_str` (exact when the decimal terminates, else three
places and "…").

Examples:
    >>> from fractions import Fraction
    >>> num(Fraction(1373, 20)), num(Fraction(786) / Fraction(168675, 100000))
    ('68.65', '465.985…')
    >>> candidates(range(466, 467)), candidates(range(3, 40))
    ('466', '3–39 (37 values)')
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from ..records import Claim, Figure
from ..rounding import Interval, format_fraction

__all__ = ["candidates", "cq", "num", "pct", "q", "quotes", "show"]

#: Places written for a number that does not terminate.
PLACES = 3
#: A claim's quote in a message is cut to its last this many characters.
QUOTE_MAX = 40


def num(x: Fraction | Decimal | int) -> str:
    """An exact decimal when ``x`` has one, else three places followed by "…"."""
    return format_fraction(Fraction(x), PLACES)


def pct(ratio: Fraction) -> str:
    """A ratio written as a percentage (``Fraction(1, 8)`` is ``12.5%``)."""
    return num(ratio * 100) + "%"


def show(iv: Interval) -> str:
    """An interval, its ends written by :func:`num`."""
    return iv.to_str(PLACES)


def q(fig: Figure | None) -> str:
    """A figure as quoted: ``“786宗”``."""
    if fig is None:
        return ""
    return f"“{fig.quote or fig.quantity.text or fig.quantity.value}”"


def quotes(figs: Iterable[Figure], *, subjects: bool = False) -> str:
    """Figures as quoted, joined by commas, each with its subject if asked."""
    return ", ".join(f"{q(f)} ({f.subject})" if subjects else q(f) for f in figs)


def cq(claim: Claim) -> str:
    """A claim's quote on one line, cut to its last :data:`QUOTE_MAX` characters."""
    quote = " ".join(str(claim.quote or "").split())
    return quote if len(quote) <= QUOTE_MAX else "…" + quote[-QUOTE_MAX:]


def candidates(r: range) -> str:
    """Whole numbers for a message: none, one, a few, or a span with its size."""
    n = max(0, r.stop - r.start)
    if n == 0:
        return "no integer"
    if n <= 5:
        return ", ".join(str(i) for i in r)
    return f"{r.start}–{r.stop - 1} ({n} values)"
