"""Quantities as a report writes them, and the exact intervals they stand for.

Examples:
    >>> from hypothesis import find
    >>> find(quantities(0, 100, units=["件"]), lambda q: q.qualifier is Qualifier.MORE_THAN)
    Quantity(value=Decimal('0'), unit='件', qualifier=<Qualifier.MORE_THAN: 'more_than'>, \
text='0余件', resolution=Decimal('1'), rounded=False)
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..records import Qualifier, Quantity
from ..rounding import ExactNumber, Interval
from ._numbers import decimals_strings
from ._validation import check_bool, check_exact, check_int

__all__ = ["intervals", "quantities"]

_UNITS = ("件", "宗", "条", "人次", "%", "元", "")
_QUALIFIER_TEXT = {
    Qualifier.EXACT: ("", ""),
    Qualifier.MORE_THAN: ("", "余"),
    Qualifier.AT_LEAST: ("", "以上"),
    Qualifier.ABOUT: ("约", ""),
    Qualifier.NEARLY: ("近", ""),
    Qualifier.LESS_THAN: ("不足", ""),
    Qualifier.AT_MOST: ("", "以下"),
}


def quantities(
    min_value: ExactNumber = 0,
    max_value: ExactNumber = 10**9,
    *,
    units: Sequence[str] = _UNITS,
    qualifiers: Sequence[Qualifier] = tuple(Qualifier),
    max_places: int = 2,
) -> st.SearchStrategy[Quantity]:
    """:class:`~lawgov_metrics.Quantity` values with consistent text, resolution and flags.

    A value with decimals, or a percent, is marked ``rounded``; a plain whole count is
    exact. ``text`` is what a report prints (``28300余条``, ``约5.5%``, ``200件以上``), and
    :func:`lawgov_metrics.parse_quantity` reads it back to the same quantity.

    Args:
        min_value: Smallest value.
        max_value: Largest value.
        units: Measure words to use (``""`` for none).
        qualifiers: Qualifiers to use.
        max_places: Most decimal places written.

    Examples:
        >>> from hypothesis import find
        >>> find(quantities(0, 100, units=["件"]), lambda q: q.qualifier.name == "AT_LEAST").text
        '0件以上'
    """
    check_exact(min_value, "min_value")
    check_exact(max_value, "max_value")
    check_int(max_places, "max_places", min_value=0, max_value=12)
    if isinstance(units, str) or not isinstance(units, Sequence) or not units:
        raise InvalidArgument(f"units must be a non-empty sequence of strings, got {units!r}")
    if not all(isinstance(u, str) for u in units):
        raise InvalidArgument(f"units must be strings, got {list(units)!r}")
    if isinstance(qualifiers, str) or not isinstance(qualifiers, Sequence) or not qualifiers:
        raise InvalidArgument(f"qualifiers must be a non-empty sequence, got {qualifiers!r}")
    bad = [q for q in qualifiers if not isinstance(q, Qualifier)]
    if bad:
        raise InvalidArgument(f"qualifiers must be Qualifier members, got {bad!r}")
    numbers = decimals_strings(min_value, max_value, max_places=max_places)

    def build(text: str, unit: str, qualifier: Qualifier) -> Quantity:
        places = len(text.partition(".")[2])
        before, after = _QUALIFIER_TEXT[qualifier]
        written = (
            f"{before}{text}{after}{unit}" if after != "以上" and after != "以下"
            else f"{text}{unit}{after}"
        )  # fmt: skip
        return Quantity(
            value=text,
            unit=unit,
            qualifier=qualifier,
            text=written,
            resolution=Decimal(1).scaleb(-places),
            rounded=places > 0 or unit == "%",
        )

    return st.builds(
        build, numbers, st.sampled_from(list(units)), st.sampled_from(list(qualifiers))
    )


def intervals(
    min_value: ExactNumber = -(10**6),
    max_value: ExactNumber = 10**6,
    *,
    allow_unbounded: bool = True,
    allow_empty: bool = False,
) -> st.SearchStrategy[Interval]:
    """:class:`~lawgov_metrics.Interval` values with ends in ``[min_value, max_value]``.

    Ends are exact fractions (often with small denominators, so ties and shared ends
    occur), each open or closed, and, with ``allow_unbounded``, sometimes missing.

    Examples:
        >>> from hypothesis import find
        >>> print(find(intervals(0, 10, allow_unbounded=False), lambda iv: iv.width > 5))
        (0, 6)
    """
    lo, hi = check_exact(min_value, "min_value"), check_exact(max_value, "max_value")
    check_bool(allow_unbounded, "allow_unbounded")
    check_bool(allow_empty, "allow_empty")
    if lo > hi:
        raise InvalidArgument(f"min_value={min_value} is above max_value={max_value}")
    ends = st.fractions(lo, hi, max_denominator=100)

    @st.composite
    def draw_one(draw: Any) -> Interval:
        a, b = sorted((draw(ends), draw(ends)))
        lc, uc = draw(st.booleans()), draw(st.booleans())
        if a == b and not (lc and uc) and not allow_empty:
            lc = uc = True
        lower: Fraction | None = a
        upper: Fraction | None = b
        if allow_unbounded:
            if draw(st.sampled_from(range(6))) == 0:
                lower = None
            if draw(st.sampled_from(range(6))) == 0:
                upper = None
        return Interval(lower=lower, upper=upper, lower_closed=lc, upper_closed=uc)

    strategy: st.SearchStrategy[Interval] = draw_one()
    return strategy
