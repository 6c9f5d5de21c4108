"""Choosing among candidate figures, with the numbers as evidence.

Every relation (a list's total, a rate's base, a growth's current figure, a balance's terms)
is read by listing the candidates its scope allows, nearest (or structurally first) first,
and calling :func:`resolve`:

* when the text's structure leaves no choice the first candidate is taken, **STATED**
  (a check may FAIL it when the numbers contradict it);
* otherwise each candidate is scored by :func:`list_fit`, :func:`share_fit` or
  :func:`growth_fit`: 2 the numbers match exactly, 1 they are consistent (or cannot be
  tested), 0 they contradict the reading. The best-scoring candidate is taken; when it is
  the only one at its score it is **ARITHMETIC** (the numbers chose it), else
  **POSITIONAL** (the nearest of those that fit);
* when no candidate fits, the first is kept, **POSITIONAL**: a check can only WARN, naming
  the alternatives.

Examples:
    >>> from lawgov_metrics.numerals import parse_quantity as q
    >>> list_fit(q("9件"), [q("6件"), q("2件"), q("1件")], exhaustive=False)
    2
    >>> list_fit(q("1件"), [q("6件"), q("2件"), q("1件")], exhaustive=False)
    0
    >>> share_fit(q("98.73%"), q("1497宗")), share_fit(q("98.73%"), q("700宗"))
    (1, 0)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Final

import attrs

from ...growth import integer_priors, share_counts
from ...records import Binding, Qualifier, Quantity
from ...rounding import Interval

__all__ = ["Choice", "Sum", "growth_fit", "list_fit", "resolve", "share_fit"]

EXACT: Final = 2
CONSISTENT: Final = 1
CONTRADICTS: Final = 0

Quantities = Sequence[Quantity]


@attrs.frozen
class Sum:
    """A total the text does not print but gives as the sum of printed figures.

    ``62件, 上年结转4件, 其中…`` lists the parts of 62 + 4 = 66.

    Attributes:
        parts: The candidate indices that add up to the total.
    """

    parts: tuple[int, ...]


Ref = int | Sum


@attrs.frozen
class Choice:
    """The candidate a relation was read with, and the evidence for it.

    Attributes:
        ref: The chosen candidate (an index, a :class:`Sum`), or ``None`` when none.
        binding: How it was chosen (:class:`~lawgov_metrics.Binding`).
        alternatives: The other candidates considered.
    """

    ref: Ref | None
    binding: Binding = Binding.POSITIONAL
    alternatives: tuple[Ref, ...] = ()


NONE: Final = Choice(None, Binding.POSITIONAL)


def resolve(cands: Sequence[Ref], fit: Callable[[Ref], int], *, stated: bool) -> Choice:
    """Choose among ``cands`` (structurally first first) as the module describes.

    Args:
        cands: The candidates, the one the structure or position prefers first.
        fit: The score of a candidate (2 exact, 1 consistent or untestable, 0 contradicts).
        stated: Whether the text's structure leaves no choice (only the first counts).

    Returns:
        The :class:`Choice`.

    Examples:
        >>> resolve([3, 7], {3: 0, 7: 2}.get, stated=False)
        Choice(ref=7, binding=<Binding.ARITHMETIC: 'arithmetic'>, alternatives=(3,))
        >>> resolve([3, 7], {3: 1, 7: 1}.get, stated=False).binding
        <Binding.POSITIONAL: 'positional'>
        >>> resolve([3], {3: 0}.get, stated=True).binding
        <Binding.STATED: 'stated'>
    """
    if not cands:
        return NONE
    first = cands[0]
    if stated:
        return Choice(first, Binding.STATED, tuple(cands[1:]))
    if len(cands) == 1:
        return Choice(first, Binding.POSITIONAL)
    levels = [fit(c) for c in cands]
    best = max(levels)
    if best == CONTRADICTS:
        return Choice(first, Binding.POSITIONAL, tuple(cands[1:]))
    top = [c for c, level in zip(cands, levels, strict=True) if level == best]
    chosen = top[0]
    binding = Binding.ARITHMETIC if len(top) == 1 else Binding.POSITIONAL
    return Choice(chosen, binding, tuple(c for c in cands if c != chosen))


def _exact(q: Quantity) -> bool:
    return q.qualifier is Qualifier.EXACT and not q.rounded


def total_bounds(qs: Quantities) -> Interval:
    """The interval of a sum of written quantities."""
    total = Interval.point(0)
    for q in qs:
        total = total + q.bounds()
    return total


def list_fit(total: Quantity | Quantities, parts: Quantities, *, exhaustive: bool) -> int:
    """How well ``parts`` fit under ``total`` (a quantity, or several whose sum it is).

    An exhaustive list fits when its parts can add up to the total (2) and contradicts it
    otherwise; a partial one fits exactly when they add up (2), is consistent when they
    stay within it (1), and contradicts it when they exceed it (0).
    """
    t = total.bounds() if isinstance(total, Quantity) else total_bounds(total)
    s = total_bounds(parts)
    if s.overlaps(t):
        return EXACT
    if exhaustive:
        return CONTRADICTS
    if s.upper is not None and t.lower is not None and s.upper <= t.lower:
        return CONSISTENT
    return CONTRADICTS


def share_fit(rate: Quantity, total: Quantity | Quantities, part: Quantity | None = None) -> int:
    """How well ``rate`` (in %) fits as a share of ``total`` (with ``part`` when printed)."""
    totals = (total,) if isinstance(total, Quantity) else tuple(total)
    if rate.unit != "%" or not all(_exact(t) for t in totals):
        return CONSISTENT
    n = sum((int(t.value) for t in totals), 0)
    if any(t.value != int(t.value) for t in totals) or n < 0:
        return CONSISTENT
    if n == 0:  # no rate is a share of nothing: 其中…0件，办结率44%
        return CONTRADICTS
    if rate.qualifier is not Qualifier.EXACT:
        return CONSISTENT
    share = rate.bounds() / 100
    if part is not None:
        if not _exact(part):
            return CONSISTENT
        return EXACT if share.contains(Fraction(part.value) / n) else CONTRADICTS
    try:
        return CONSISTENT if len(share_counts(n, rate.value)) else CONTRADICTS
    except (ValueError, ArithmeticError):
        return CONSISTENT


def growth_fit(rate: Quantity, current: Quantity, basis: Quantity | None = None) -> int:
    """How well a signed growth ``rate`` (in %) fits ``current`` (and a printed prior)."""
    if rate.unit != "%" or rate.qualifier is not Qualifier.EXACT or not _exact(current):
        return CONSISTENT
    if current.value <= 0 or current.value != int(current.value):
        return CONSISTENT
    if basis is not None:
        if not _exact(basis) or basis.value <= 0:
            return CONSISTENT
        g = (Fraction(current.value) - Fraction(basis.value)) / Fraction(basis.value) * 100
        return EXACT if rate.bounds().contains(g) else CONTRADICTS
    try:
        return CONSISTENT if len(integer_priors(int(current.value), rate.value)) else CONTRADICTS
    except (ValueError, ArithmeticError):
        return CONSISTENT
