"""Hypothesis strategies for property-testing code that handles report figures.

Needs the optional extra ``testing`` (``pip install lawgov-metrics[testing]``). Public
strategies are plural nouns, take their bounds first and everything else by keyword,
validate their arguments up front and return a ``SearchStrategy``. Importing Hypothesis
registers :class:`~lawgov_metrics.Quantity` and :class:`~lawgov_metrics.Interval`, so
``st.from_type(Quantity)`` works.

Examples:
    >>> from lawgov_metrics import strategies
    >>> isinstance(strategies.chinese_numerals(0, 10**8), st.SearchStrategy)
    True
    >>> to_chinese(100010000), to_chinese(2305, liang=True), to_chinese(15)
    ('一亿零一万', '两千三百零五', '十五')
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

import attrs

from .records import Qualifier, Quantity
from .rounding import SCHEMES, ExactNumber, Interval, Scheme, round_fraction, to_fraction


def _hypothesis_setup_hook() -> None:
    """Register strategies so ``st.from_type(Quantity)`` and ``st.from_type(Interval)`` work.

    Called by Hypothesis through the ``hypothesis`` entry point in ``pyproject.toml``.
    Defined before Hypothesis is imported below: importing this module first makes
    Hypothesis run its entry points while this module is only partly loaded, so the
    strategies are looked up lazily, when first drawn.
    """
    from hypothesis import strategies as hst

    hst.register_type_strategy(Quantity, hst.deferred(lambda: quantities()))
    hst.register_type_strategy(Interval, hst.deferred(lambda: intervals()))


try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "lawgov_metrics.strategies needs Hypothesis: pip install 'lawgov-metrics[testing]'"
    ) from exc

__all__ = [
    "DETERMINISTIC_SCHEMES",
    "GrowthCase",
    "ShareCase",
    "chinese_numerals",
    "decimals_strings",
    "growth_cases",
    "intervals",
    "quantities",
    "share_cases",
    "to_chinese",
]

#: The schemes that round each value to one result (all but ``up_or_down``).
DETERMINISTIC_SCHEMES: tuple[Scheme, ...] = tuple(s for s in SCHEMES if s != "up_or_down")

_DIGITS = "零一二三四五六七八九"
_MAX_CHINESE = 10**16 - 1


def _check_places(min_places: int, max_places: int) -> None:
    if not 0 <= min_places <= max_places <= 12:
        raise InvalidArgument(
            f"need 0 <= min_places <= max_places <= 12, got min_places={min_places}, "
            f"max_places={max_places}"
        )


def _format_scaled(n: int, places: int) -> str:
    sign = "-" if n < 0 else ""
    digits = str(abs(n)).rjust(places + 1, "0")
    return sign + (f"{digits[:-places]}.{digits[-places:]}" if places else digits)


def decimals_strings(
    min_value: ExactNumber = -(10**6),
    max_value: ExactNumber = 10**6,
    *,
    min_places: int = 0,
    max_places: int = 4,
) -> st.SearchStrategy[str]:
    """Decimal numbers written as text with a chosen number of places (``"63.10"``).

    Trailing zeros are kept (the place count is part of what is generated), and the
    values lie in ``[min_value, max_value]``.

    Examples:
        >>> isinstance(decimals_strings(0, 100, max_places=2), st.SearchStrategy)
        True
    """
    lo, hi = to_fraction(min_value), to_fraction(max_value)
    _check_places(min_places, max_places)
    if lo > hi:
        raise InvalidArgument(f"min_value={min_value} is above max_value={max_value}")
    if math.ceil(lo * 10**max_places) > math.floor(hi * 10**max_places):
        raise InvalidArgument(
            f"no number with at most {max_places} places lies in [{min_value}, {max_value}]"
        )

    @st.composite
    def draw_one(draw: Any) -> str:
        usable = [
            d for d in range(min_places, max_places + 1)
            if math.ceil(lo * 10**d) <= math.floor(hi * 10**d)
        ]  # fmt: skip
        d = draw(st.sampled_from(usable))
        n = draw(st.integers(math.ceil(lo * 10**d), math.floor(hi * 10**d)))
        return _format_scaled(n, d)

    strategy: st.SearchStrategy[str] = draw_one()
    return strategy


def _group_text(g: int, *, head: bool, liang: bool, formal_ten: bool) -> str:
    """Chinese for 1 <= g <= 9999, one 4-digit group."""
    out = []
    started = zero = False
    for pos, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = g // pos % 10
        if digit == 0:
            zero = started or zero
            continue
        if zero and started:
            out.append("零")
        zero = False
        if unit == "十" and digit == 1 and not started and head and not formal_ten:
            out.append("十")
        elif liang and digit == 2 and unit in ("千", "百"):
            out.append("两" + unit)
        else:
            out.append(_DIGITS[digit] + unit)
        started = True
    return "".join(out)


def to_chinese(n: int, *, liang: bool = False, formal_ten: bool = False) -> str:
    """Write a whole number ``0 <= n < 10**16`` in Chinese numerals.

    Rules: 4-digit groups with 万, 亿 and 万亿 (a 万亿 group followed by a non-zero 亿
    group is written with 万 alone); one 零 for any run of zeros inside the number, none
    at the end; a leading 10-19 is 十… (``formal_ten=True`` gives 一十…); ``liang=True``
    writes 2 as 两 before 千 and 百 and as a whole group before 万/亿 (两万, 两亿).

    Examples:
        >>> to_chinese(100000001), to_chinese(1010), to_chinese(10**12)
        ('一亿零一', '一千零一十', '一万亿')
        >>> to_chinese(20000, liang=True), to_chinese(150000), to_chinese(15, formal_ten=True)
        ('两万', '十五万', '一十五')
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= _MAX_CHINESE:
        raise ValueError(f"to_chinese needs a whole number in [0, 10**16), got {n!r}")
    if n == 0:
        return "零"
    groups = []
    while n:
        groups.append(n % 10000)
        n //= 10000
    units = ["", "万", "亿", "万亿"]
    out = ""
    gap = False
    for gi in reversed(range(len(groups))):
        g = groups[gi]
        if g == 0:
            gap = gap or bool(out)
            continue
        if out and (gap or g < 1000):
            out += "零"
        unit = units[gi]
        if gi == 3 and groups[2] != 0:
            unit = "万"
        if liang and g == 2 and gi > 0:
            out += "两" + unit
        else:
            out += _group_text(g, head=not out, liang=liang, formal_ten=formal_ten) + unit
        gap = False
    return out


def chinese_numerals(
    min_value: int = 0, max_value: int = 10**12
) -> st.SearchStrategy[tuple[str, int]]:
    """Pairs ``(text, value)`` of whole numbers written in Chinese (两千三百零五, 一亿零一).

    Values are biased toward digits with zeros (the hard part: 零 rules and 万/亿 groups);
    the texts vary between 二 and 两 and between 十 and 一十 where both are proper.

    Examples:
        >>> isinstance(chinese_numerals(0, 99), st.SearchStrategy)
        True
    """
    if not 0 <= min_value <= max_value <= _MAX_CHINESE:
        raise InvalidArgument(
            f"need 0 <= min_value <= max_value < 10**16, got {min_value}, {max_value}"
        )
    width = len(str(max_value))

    @st.composite
    def sparse(draw: Any) -> int:
        digits = draw(st.lists(st.sampled_from([0, 0, 0, 1, 2, 5, 9]), min_size=1, max_size=width))
        return int("".join(map(str, digits)))

    values = st.one_of(
        st.integers(min_value, max_value),
        sparse().filter(lambda v: min_value <= v <= max_value),
        st.sampled_from([min_value, max_value]),
    )
    return st.builds(
        lambda v, liang, formal: (to_chinese(v, liang=liang, formal_ten=formal), v),
        values,
        st.booleans(),
        st.booleans(),
    )


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

    A value with decimals, or a percent, is marked ``rounded``; a plain whole count is exact.

    Examples:
        >>> isinstance(quantities(0, 100, units=["件"]), st.SearchStrategy)
        True
    """
    if not units:
        raise InvalidArgument("units must not be empty")
    if not qualifiers:
        raise InvalidArgument("qualifiers must not be empty")
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
        >>> isinstance(intervals(0, 10, allow_unbounded=False), st.SearchStrategy)
        True
    """
    lo, hi = to_fraction(min_value), to_fraction(max_value)
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
            if draw(st.integers(0, 5)) == 0:
                lower = None
            if draw(st.integers(0, 5)) == 0:
                upper = None
        return Interval(lower=lower, upper=upper, lower_closed=lc, upper_closed=uc)

    return draw_one()


@attrs.frozen(kw_only=True)
class GrowthCase:
    """A prior and current count with the growth written as a report would write it.

    Attributes:
        prior: Last year's count (positive).
        current: This year's count.
        decimals: Places the rate is written to.
        scheme: The rounding scheme used to write it.
        reported: The rate in percent as text (``"68.67"``, ``"-12.50"``).
        tie: Whether the exact growth sits exactly halfway between two written values.
    """

    prior: int
    current: int
    decimals: int
    scheme: Scheme
    reported: str
    tie: bool = False

    @property
    def growth(self) -> Fraction:
        """The exact growth in percent."""
        return Fraction(100 * (self.current - self.prior), self.prior)


def _check_schemes(schemes: Sequence[str]) -> tuple[Scheme, ...]:
    bad = [s for s in schemes if s not in DETERMINISTIC_SCHEMES]
    if bad or not schemes:
        raise InvalidArgument(
            f"schemes must be a non-empty subset of {DETERMINISTIC_SCHEMES}, got {list(schemes)}"
        )
    return tuple(schemes)  # type: ignore[arg-type]  # checked just above


def growth_cases(
    max_value: int = 10**7,
    *,
    schemes: Sequence[Scheme] = DETERMINISTIC_SCHEMES,
    max_decimals: int = 4,
) -> st.SearchStrategy[GrowthCase]:
    """Growth claims (prior, current, written rate) that are correct under their scheme.

    About a third of the cases are exact ties (the growth is halfway between two written
    values, as 12.5% at 0 decimals), where the rounding schemes disagree.

    Examples:
        >>> isinstance(growth_cases(1000, schemes=["half_up"]), st.SearchStrategy)
        True
    """
    if max_value < 1:
        raise InvalidArgument(f"max_value must be at least 1, got {max_value}")
    chosen = _check_schemes(schemes)
    if not 0 <= max_decimals <= 8:
        raise InvalidArgument(f"max_decimals must be in 0..8, got {max_decimals}")

    @st.composite
    def draw_one(draw: Any) -> GrowthCase:
        scheme = draw(st.sampled_from(chosen))
        d = draw(st.integers(0, max_decimals))
        if draw(st.integers(0, 2)) == 0:
            s = 200 * 10**d
            m = draw(st.integers(1, 20))
            k = draw(st.integers(-(s // 2), 3 * s))
            prior, current, tie = s * m, m * (s + 2 * k + 1), True
        else:
            prior = draw(st.integers(1, max_value))
            current = draw(st.integers(0, max_value))
            tie = False
        growth = Fraction(100 * (current - prior), prior)
        reported = format(round_fraction(growth, d, scheme), "f")
        return GrowthCase(
            prior=prior, current=current, decimals=d, scheme=scheme, reported=reported, tie=tie
        )

    return draw_one()


@attrs.frozen(kw_only=True)
class ShareCase:
    """A count out of a total with the share written as a report would write it.

    Attributes:
        total: The whole (positive).
        count: The part, ``0 <= count <= total``.
        decimals: Places the share is written to.
        scheme: The rounding scheme used.
        reported: The share in percent as text.
    """

    total: int
    count: int
    decimals: int
    scheme: Scheme
    reported: str


def share_cases(
    max_total: int = 5000,
    *,
    schemes: Sequence[Scheme] = DETERMINISTIC_SCHEMES,
    max_decimals: int = 2,
) -> st.SearchStrategy[ShareCase]:
    """Shares (count of total, written rate) that are correct under their scheme.

    Totals include small powers of two and multiples of ten so that ties (12.5%) occur.

    Examples:
        >>> isinstance(share_cases(100), st.SearchStrategy)
        True
    """
    if max_total < 1:
        raise InvalidArgument(f"max_total must be at least 1, got {max_total}")
    chosen = _check_schemes(schemes)
    if not 0 <= max_decimals <= 8:
        raise InvalidArgument(f"max_decimals must be in 0..8, got {max_decimals}")
    tie_totals = [t for t in (2, 4, 8, 16, 40, 80, 200, 400, 1000, 2000) if t <= max_total]

    @st.composite
    def draw_one(draw: Any) -> ShareCase:
        scheme = draw(st.sampled_from(chosen))
        d = draw(st.integers(0, max_decimals))
        total = draw(
            st.one_of(st.integers(1, max_total), st.sampled_from(tie_totals or [max_total]))
        )
        count = draw(st.integers(0, total))
        reported = format(round_fraction(Fraction(100 * count, total), d, scheme), "f")
        return ShareCase(total=total, count=count, decimals=d, scheme=scheme, reported=reported)

    return draw_one()
