"""Numbers written as reports write them: decimal strings with their places, Chinese numerals.

Examples:
    >>> to_chinese(100010000), to_chinese(2305, liang=True), to_chinese(15)
    ('一亿零一万', '两千三百零五', '十五')
"""

from __future__ import annotations

import math
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..rounding import ExactNumber
from ._records import written
from ._validation import check_exact, check_int

__all__ = ["chinese_numerals", "decimals_strings", "to_chinese"]

_DIGITS = "零一二三四五六七八九"
_MAX_CHINESE = 10**16 - 1


def _check_places(min_places: object, max_places: object) -> tuple[int, int]:
    lo = check_int(min_places, "min_places", min_value=0, max_value=12)
    hi = check_int(max_places, "max_places", min_value=0, max_value=12)
    if lo > hi:
        raise InvalidArgument(f"min_places={lo} is above max_places={hi}")
    return lo, hi


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
        >>> from hypothesis import find
        >>> find(decimals_strings(0, 100, min_places=2, max_places=2), lambda s: s > "5")
        '5.00'
    """
    lo, hi = check_exact(min_value, "min_value"), check_exact(max_value, "max_value")
    min_places, max_places = _check_places(min_places, max_places)
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
        return written(n, d)

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
        >>> from hypothesis import find
        >>> find(chinese_numerals(10, 19), lambda pair: pair[0].startswith("一"))
        ('一十', 10)
    """
    check_int(min_value, "min_value")
    check_int(max_value, "max_value")
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
