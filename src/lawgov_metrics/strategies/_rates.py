"""Rates as reports print them: ``68.67%``, ``-12.50%``, ``＋３．５％``, ``百分之九十八点七三``.

Examples:
    >>> from hypothesis import find
    >>> find(reported_rates(forms=["chinese"]), lambda pair: pair[1] > 10)
    ('百分之十一', Decimal('11'))
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..rounding import ExactNumber
from ._numbers import to_chinese
from ._records import written
from ._validation import check_bool, check_choices, check_decimals, check_exact

__all__ = ["RATE_FORMS", "reported_rates"]

#: How a rate is printed, for ``reported_rates(forms=...)``:
#:
#: ``ascii``: ``68.67%``, ``-12.5%``, ``−3%``, ``+4.0%`` (ASCII or full-width percent sign);
#: ``fullwidth``: ``６８．６７％``, ``－１２.５％`` (full-width digits and signs);
#: ``chinese``: ``百分之九十八点七三``, ``百分之百`` (百分之 with Chinese numerals);
#: ``baifenzhi``: ``百分之12.5`` (百分之 with Arabic digits).
#:
#: 百分之 forms are never signed (a report says 下降百分之五); a negative rate drawn for
#: them is printed in the ``ascii`` form, and so is a Chinese rate with a trailing zero in
#: its decimals (no report writes 点五零).
RATE_FORMS: tuple[str, ...] = ("ascii", "fullwidth", "chinese", "baifenzhi")

_FULLWIDTH = str.maketrans("0123456789.+-%", "０１２３４５６７８９．＋－％")
_CN_DIGITS = "零一二三四五六七八九"


def _chinese_rate(text: str) -> str:
    """``"98.73"`` as ``百分之九十八点七三`` (``"100"`` may also be ``百分之百``)."""
    whole, _, frac = text.partition(".")
    decimals = "点" + "".join(_CN_DIGITS[int(c)] for c in frac) if frac else ""
    return "百分之" + to_chinese(int(whole)) + decimals


def reported_rates(
    min_value: ExactNumber | None = None,
    max_value: ExactNumber = 1000,
    *,
    min_decimals: int = 0,
    max_decimals: int = 4,
    signed: bool = True,
    forms: Sequence[str] = RATE_FORMS,
) -> st.SearchStrategy[tuple[str, Decimal]]:
    """Pairs ``(text, value)``: a rate as a report prints it and the percent it stands for.

    ``value`` is the exact :class:`~decimal.Decimal` as written, trailing zeros kept
    (``"63.10%"`` gives ``Decimal("63.10")``), and :func:`lawgov_metrics.parse_quantity`
    reads ``text`` to it with unit ``%``. A third of the rates with decimals end in 5, so
    that rounding them one place further is a tie; a fifth end in a written 0.

    Args:
        min_value: Smallest value in percent; default -100 when ``signed`` (a decline cannot
            pass -100%), else 0.
        max_value: Largest value in percent.
        min_decimals: Fewest decimal places written.
        max_decimals: Most decimal places written.
        signed: Whether rates may carry a sign: ``-``, ``−`` or ``－`` before a decline and
            sometimes ``+`` or ``＋`` before a rise (as tables print changes). Zero is never
            signed.
        forms: Which printed forms to use (see :data:`RATE_FORMS`).

    Examples:
        >>> from hypothesis import find
        >>> find(reported_rates(min_decimals=2, max_decimals=2), lambda pair: pair[1] < 0)
        ('-0.05%', Decimal('-0.05'))
    """
    check_bool(signed, "signed")
    lo = check_exact(min_value, "min_value") if min_value is not None else None
    hi = check_exact(max_value, "max_value")
    min_d, max_d = check_decimals(min_decimals, max_decimals)
    chosen = check_choices(forms, "forms", RATE_FORMS)
    if lo is None:
        lo = Fraction(-100 if signed else 0)
    if lo < 0 and not signed:
        raise InvalidArgument(f"min_value={min_value} is negative, but signed=False")
    if lo > hi:
        raise InvalidArgument(f"min_value={lo} is above max_value={max_value}")

    def bounds(d: int) -> tuple[int, int]:
        return math.ceil(lo * 10**d), math.floor(hi * 10**d)

    usable = [d for d in range(min_d, max_d + 1) if bounds(d)[0] <= bounds(d)[1]]
    if not usable:
        raise InvalidArgument(f"no rate with {min_d} to {max_d} places lies in [{lo}, {max_value}]")

    @st.composite
    def draw_one(draw: Any) -> tuple[str, Decimal]:
        d = draw(st.sampled_from(usable))
        n_lo, n_hi = bounds(d)
        round_values = [n for n in (0, 100 * 10**d) if n_lo <= n <= n_hi]
        n = draw(st.one_of(st.integers(n_lo, n_hi), st.sampled_from(round_values or [n_lo])))
        last = draw(st.sampled_from(range(15))) if d else 14
        if last < 5 and n_lo <= 10 * (n // 10) + 5 <= n_hi:
            n = 10 * (n // 10) + 5  # ends in 5: a tie one place further
        elif last < 8 and n_lo <= 10 * (n // 10) <= n_hi:
            n = 10 * (n // 10)  # a written trailing zero
        text = written(n, d)
        value = Decimal(text)
        form = draw(st.sampled_from(chosen))
        if form in ("chinese", "baifenzhi") and n < 0:
            form = "ascii"
        if form == "chinese" and d and text.endswith("0"):
            form = "ascii"
        if form == "chinese":
            if text == "100" and draw(st.booleans()):
                return "百分之百", value
            return _chinese_rate(text), value
        if form == "baifenzhi":
            return "百分之" + text, value
        body = text.lstrip("-")
        if n < 0:
            sign = draw(st.sampled_from(["-", "−"]))
        elif n > 0 and signed:
            sign = draw(st.sampled_from(["", "", "+"]))
        else:
            sign = ""
        percent = draw(st.sampled_from(["%", "%", "％"]))
        if form == "fullwidth":
            wide = body.translate(_FULLWIDTH)
            if draw(st.booleans()):
                wide = wide.replace("．", ".")
            sign = sign.translate(_FULLWIDTH).replace("−", "－")
            return f"{sign}{wide}％", value
        return f"{sign}{body}{percent}", value

    strategy: st.SearchStrategy[tuple[str, Decimal]] = draw_one()
    return strategy
