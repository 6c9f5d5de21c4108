"""Growth and share claims, consistent or not, biased toward the cases rounding gets wrong.

Consistent cases are exact ties about a third of the time (the growth or share is halfway
between two written values, as 12.5% at 0 places), where 四舍五入, banker's rounding and the
other schemes disagree. Inconsistent cases are mostly near misses: the rate another scheme
writes (at a tie, the other neighbour), or one unit in the last written place off; with tiny
priors, declines down to -100% and zero growth among them.

Examples:
    >>> from hypothesis import find
    >>> find(growth_cases(schemes=["half_up"], min_decimals=2), lambda c: c.tie)
    GrowthCase(prior=32, current=33, decimals=2, scheme='half_up', reported='3.13', mistake='')
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st

from ..growth import share_counts
from ..rounding import Scheme
from ._records import (
    DETERMINISTIC_SCHEMES,
    GrowthCase,
    ShareCase,
    round_units,
    written,
)
from ._validation import check_bool, check_decimals, check_int, check_schemes

__all__ = ["growth_cases", "share_cases"]


def _tie_base(decimals: int) -> int:
    """The smallest prior (or total) whose growth (or share) can be a tie at ``decimals``.

    With ``t = 2**(decimals + 3) * 5**j`` (``0 <= j <= decimals + 2``) and an odd ``k``,
    ``100 * k / t`` percent is ``5**(decimals + 2 - j) * k / 2`` units of the last place:
    an odd number of halves, a tie at exactly ``decimals`` places.
    """
    base: int = 2 ** (decimals + 3)
    return base


def _tie_unit(draw: Any, decimals: int, limit: int, *, max_j: int | None = None) -> int | None:
    """A ``t`` as in :func:`_tie_base` with ``t <= limit``, or None when none fits."""
    t = _tie_base(decimals)
    if t > limit:
        return None
    top = decimals + 2 if max_j is None else min(max_j, decimals + 2)
    j_max = 0
    while j_max < top and t * 5 ** (j_max + 1) <= limit:
        j_max += 1
    j = draw(st.integers(0, j_max))
    unit: int = t * 5**j
    return unit


def _tie_growth(draw: Any, decimals: int, max_value: int) -> tuple[int, int] | None:
    """A prior and current count whose growth is an exact tie at ``decimals`` places."""
    t = _tie_unit(draw, decimals, max_value)
    if t is None:
        return None
    top = max_value // t
    m = draw(st.one_of(st.integers(1, min(top, 10)), st.integers(1, top)))
    # current = m * (t + k) with k odd, from one case up to +300%, within max_value
    k_hi = min(3 * t, max_value // m - t)
    i = draw(st.integers(-(t // 2), (k_hi - 1) // 2))
    return m * t, m * (t + 2 * i + 1)


def _any_growth(draw: Any, max_value: int) -> tuple[int, int]:
    """A prior and current count: tiny priors, zero growth and declines are common."""
    prior = draw(st.one_of(st.integers(1, min(9, max_value)), st.integers(1, max_value)))
    shape = draw(st.sampled_from(range(6)))
    if shape == 0:
        return prior, prior  # zero growth
    if shape <= 2 and prior > 1:
        return prior, draw(st.integers(0, prior - 1))  # a decline, down to -100%
    if shape <= 4 and prior < max_value:
        return prior, draw(st.integers(prior + 1, min(max_value, 3 * prior)))  # a rise
    return prior, draw(st.integers(0, max_value))


def _other_schemes(x: Fraction, decimals: int, correct: int) -> list[int]:
    """What the other deterministic schemes write for ``x`` (in units), when it differs."""
    return sorted({round_units(x, decimals, s) for s in DETERMINISTIC_SCHEMES} - {correct})


def _mistake(wrong: int, correct: int, others: Sequence[int]) -> str:
    if wrong in others:
        return "other_scheme"
    if abs(wrong - correct) == 1:
        return "one_unit"
    if wrong == -correct:
        return "sign"
    return "far"


def _near_miss(draw: Any, x: Fraction, decimals: int, correct: int) -> int:
    """Another scheme's result for ``x`` or one unit off, in units of the last place."""
    others = _other_schemes(x, decimals, correct)
    near = sorted({correct - 1, correct + 1} - set(others))
    if others and draw(st.sampled_from(range(3))) < 2:
        return int(draw(st.sampled_from(others)))
    return int(draw(st.sampled_from(near)))


def growth_cases(
    max_value: int = 10**7,
    *,
    consistent: bool = True,
    schemes: Sequence[Scheme] = DETERMINISTIC_SCHEMES,
    min_decimals: int = 0,
    max_decimals: int = 4,
) -> st.SearchStrategy[GrowthCase]:
    """Growth claims: last year's and this year's counts with the rate a report writes.

    With ``consistent=True`` the rate is the exact growth rounded under the case's scheme,
    and about a third of the cases are exact ties (12.5% at 0 places, 3.125% at 2), where
    the schemes disagree and a float or banker's-rounding calculation goes wrong.

    With ``consistent=False`` the rate is one the counts cannot give under the case's
    scheme, so every exact check of prior, current and rate fails it. Most are near misses
    (:attr:`GrowthCase.mistake`): the rate another scheme writes, which at a tie is the other
    neighbour (``other_scheme``), or one unit in the last written place off (``one_unit``);
    tiny priors, declines down to -100% and zero growth are frequent. A fifth are further off
    (a flipped sign, or several units).

    Args:
        max_value: Largest prior and current count.
        consistent: Whether the written rate is right.
        schemes: Rounding schemes the cases claim (deterministic ones only).
        min_decimals: Fewest decimal places written.
        max_decimals: Most decimal places written.

    Examples:
        >>> from hypothesis import find
        >>> find(growth_cases(consistent=False, schemes=["half_up"]), lambda c: c.tie)
        GrowthCase(prior=8, current=9, decimals=0, scheme='half_up', reported='12', \
mistake='other_scheme')
    """
    check_int(max_value, "max_value", min_value=1)
    check_bool(consistent, "consistent")
    chosen = check_schemes(schemes)
    min_d, max_d = check_decimals(min_decimals, max_decimals)

    @st.composite
    def draw_one(draw: Any) -> GrowthCase:
        scheme = draw(st.sampled_from(chosen))
        d = draw(st.integers(min_d, max_d))
        # consistent: 1 in 3 ties; inconsistent: 2 in 5 past a tie, 2 in 5 near, 1 in 5 far
        branch = draw(st.sampled_from(range(3 if consistent else 5)))
        tie = branch == 0 or (branch == 1 and not consistent)
        pair = _tie_growth(draw, d, max_value) if tie else None
        prior, current = pair or _any_growth(draw, max_value)
        growth = Fraction(100 * (current - prior), prior)
        correct = round_units(growth, d, scheme)
        if consistent:
            return GrowthCase(
                prior=prior, current=current, decimals=d, scheme=scheme,
                reported=written(correct, d),
            )  # fmt: skip
        if branch < 4:
            wrong = _near_miss(draw, growth, d, correct)
        elif correct != 0 and draw(st.booleans()):
            wrong = -correct
        else:
            wrong = correct + draw(st.sampled_from([-1, 1])) * draw(st.integers(2, 20 * 10**d))
        mistake = _mistake(wrong, correct, _other_schemes(growth, d, correct))
        return GrowthCase(
            prior=prior, current=current, decimals=d, scheme=scheme,
            reported=written(wrong, d), mistake=mistake,
        )  # fmt: skip

    strategy: st.SearchStrategy[GrowthCase] = draw_one()
    return strategy


def _unreachable(total: int, units: int, decimals: int, scheme: Scheme) -> bool:
    """Whether no count out of ``total`` gives the share written as ``units``."""
    fits = share_counts(total, written(units, decimals), scheme=scheme)
    return fits.stop <= fits.start


def _gappy_limit(decimals: int, max_total: int) -> int:
    """The largest total whose shares are more than two units apart at ``decimals`` places,
    so that a written share one unit off is one no count gives."""
    gappy: int = 50 * 10**decimals - 1
    return max(1, min(max_total, gappy))


def share_cases(
    max_total: int = 5000,
    *,
    consistent: bool = True,
    schemes: Sequence[Scheme] = DETERMINISTIC_SCHEMES,
    min_decimals: int = 0,
    max_decimals: int = 2,
) -> st.SearchStrategy[ShareCase]:
    """Shares: a count out of a total with the share a report writes.

    With ``consistent=True`` the share is ``count / total`` rounded under the case's scheme;
    about a third are exact ties (1 of 8 is 12.5%).

    With ``consistent=False`` the share is one that *no* count out of ``total`` gives under
    the case's scheme (the GRIM test fails, with or without the count), and ``count`` is the
    count it misses. Most are near misses of that count: another scheme's share (at a tie,
    the other neighbour) or one unit in the last written place off; shares one unit past
    100% are among them. The rest are further off.

    Args:
        max_total: Largest total.
        consistent: Whether the written share is right.
        schemes: Rounding schemes the cases claim (deterministic ones only).
        min_decimals: Fewest decimal places written.
        max_decimals: Most decimal places written.

    Examples:
        >>> from hypothesis import find
        >>> find(share_cases(consistent=False, schemes=["half_up"]), lambda c: c.tie)
        ShareCase(total=8, count=1, decimals=0, scheme='half_up', reported='12', \
mistake='other_scheme')
    """
    check_int(max_total, "max_total", min_value=1)
    check_bool(consistent, "consistent")
    chosen = check_schemes(schemes)
    min_d, max_d = check_decimals(min_decimals, max_decimals)
    small = [t for t in (2, 4, 10, 20, 50, 100, 500) if t <= max_total]

    @st.composite
    def draw_one(draw: Any) -> ShareCase:
        scheme = draw(st.sampled_from(chosen))
        d = draw(st.integers(min_d, max_d))
        # consistent: 1 in 4 built as ties (small totals such as 8 or 40 add more by
        # chance, a third in all); inconsistent: as for growth
        branch = draw(st.sampled_from(range(4 if consistent else 5)))
        limit = max_total if consistent else _gappy_limit(d, max_total)
        tie = branch == 0 or (branch == 1 and not consistent)
        t = _tie_unit(draw, d, limit, max_j=None if consistent else 0) if tie else None
        if t is not None:
            top = limit // t
            m = draw(st.integers(1, min(top, 10 if consistent else max(1, 5 ** (d + 2) // 4))))
            total = m * t
            count = m * (2 * draw(st.integers(0, (t - 1) // 2)) + 1)
        else:
            bound = st.integers(1, limit)
            total = draw(st.one_of(bound, st.sampled_from(small)) if small else bound)
            total = min(total, limit)
            count = draw(st.one_of(st.integers(0, total), st.sampled_from([0, total])))
        share = Fraction(100 * count, total)
        correct = round_units(share, d, scheme)
        if consistent:
            return ShareCase(
                total=total, count=count, decimals=d, scheme=scheme, reported=written(correct, d)
            )
        if branch < 4:
            wrong = _near_miss(draw, share, d, correct)
        else:
            wrong = correct + draw(st.sampled_from([-1, 1])) * draw(st.integers(2, 20))
        if wrong < 0:  # a negative share is no near miss: look above instead
            wrong = correct + 1
        step = 1 if wrong > correct else -1
        while not _unreachable(total, wrong, d, scheme):
            wrong += step
            if wrong < 0:  # a negative share is no near miss: look above instead
                wrong, step = correct + 1, 1
        mistake = _mistake(wrong, correct, _other_schemes(share, d, correct))
        return ShareCase(
            total=total, count=count, decimals=d, scheme=scheme,
            reported=written(wrong, d), mistake=mistake,
        )  # fmt: skip

    strategy: st.SearchStrategy[ShareCase] = draw_one()
    return strategy
