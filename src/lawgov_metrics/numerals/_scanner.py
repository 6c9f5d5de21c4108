"""The scanner: every quantity expression of a text (:func:`find_quantities`, and its core
:func:`scan_matches` for the reading layer).

Part of :mod:`lawgov_metrics.numerals`, which re-exports its public names.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import attrs

from .._decimal import is_integral
from ..errors import ParseError
from ..records import Quantity
from ._chars import _FINANCIAL, _READ
from ._numbers import (
    _ANY_DIGIT,
    _BRACKETS_CLOSE,
    _BRACKETS_OPEN,
    _DATE_RE,
    _DIGIT_CHARS,
    _EMERGENCY_RE,
    _PHONE_TAIL_RE,
    _QUOTES_CLOSE,
    _QUOTES_OPEN,
    _RANGE_AFTER_RE,
    _RANGE_CHARS,
    _RANGE_TO_MONTH_RE,
    _RANGE_TO_YEAR_RE,
    _SCAN_RE,
    G_CN,
    G_NUM,
    G_PCT,
    G_PRE,
    G_SCALE,
    G_UNIT,
    _quantity_from_groups,
)
from ._words import (
    _RANK_END,
    CHINESE_DIGITS,
    CN_EXCLUDED_UNITS,
    NAME_PHRASES,
)

# --------------------------------------------------------------------------------------------
# Scanner
# --------------------------------------------------------------------------------------------

KindHint = str


@attrs.frozen(kw_only=True)
class QuantityMatch:
    """One quantity expression found in a text by :func:`find_quantities`.

    Attributes:
        quantity: The parsed quantity; ``quantity.text == text[start:end]``.
        start: Start offset of the whole expression (qualifier included) in the original text.
        end: End offset of the whole expression (unit and trailing qualifier included).
        number_start: Start offset of the number itself (sign and digits or numeral).
        number_end: End offset of the number itself (before 余/多, scale word and unit).
        prefix: The qualifier written before the number (``"约"``, ``"不足"``), or ``""``.
        has_unit: Whether a unit was written (百分之 counts as the unit ``%``).
        is_chinese: Whether the number is written in Chinese numerals.
        has_scale: Whether a scale word (万, 亿, 千 …) follows the number.
        unit_start: Offset of the unit as written, or ``-1`` without one.
        kind_hint: Why the number is probably not a figure, or ``""``: ``"year"`` (2023年),
            ``"date"`` (1-10月, 12月31日, 2024-01-04, 16:49), ``"docno"`` (〔2022〕6号),
            ``"ordinal"`` (第N), ``"range"`` (3-5个工作日), ``"version"`` (2.0, 3.0版),
            ``"phone"`` (12345 hotline, phone numbers), ``"code"`` (5G, ISO9001),
            ``"name"`` (a number in quotes or joined by ``+``: “1310”, 1+N), ``"ratio"``
            (2.12:1) or ``"item"`` (a list marker such as ``1.`` or ``(2)``).
    """

    quantity: Quantity
    start: int
    end: int
    number_start: int
    number_end: int
    prefix: str = ""
    has_unit: bool = False
    is_chinese: bool = False
    has_scale: bool = False
    unit_start: int = -1
    kind_hint: KindHint = ""

    @property
    def text(self) -> str:
        """The expression as written (same as ``quantity.text``)."""
        return self.quantity.text

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``."""
        return (self.start, self.end)


def _line_start_before(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in "\r\n"


def _kind_hint(
    text: str, m: re.Match[str], q: Quantity, date_starts: frozenset[int], is_cn: bool
) -> str:
    """Why the match is probably not a figure, or ``""``; ``text`` is the normalised text."""
    s, e = m.start(), m.end()
    ns = m.start("num")
    if m["sign"]:
        ns += 1
    unit = q.unit
    prev1 = text[s - 1] if s > 0 else ""
    next1 = text[e] if e < len(text) else ""
    tail = text[e : e + 8]
    digits = m["ar"] or ""
    is_int = is_integral(q.value) and "." not in digits
    plain_int = is_int and not m["scale"] and not (m["ar"] and "," in digits)
    n_digits = len(digits)
    # document numbers: 〔2022〕6号, [2023]12号
    if prev1 in _BRACKETS_OPEN and next1 in _BRACKETS_CLOSE:
        return "docno"
    if unit == "号" or (prev1 in _BRACKETS_CLOSE and not unit):
        return "docno"
    if prev1 == "第" or text[max(s - 2, 0) : s] == "第 ":
        return "ordinal"
    if ns in date_starts:
        return "date"
    # years
    if plain_int and 1900 <= q.value <= 2100:
        if (n_digits == 4 or (is_cn and len(m["cn"]) == 4)) and unit == "年":
            return "year"
        if n_digits == 4 and not unit and _RANGE_TO_YEAR_RE.match(tail):
            return "year"
        if n_digits == 4 and not unit and prev1 == "(":
            return "year"
    if plain_int and unit == "年" and is_cn and len(m["cn"]) == 4:
        return "year"
    # dates
    if plain_int:
        if unit == "月" and 1 <= q.value <= 12:
            return "date"
        if unit == "日" and 1 <= q.value <= 31 and text[ns - 1 : ns] == "月":
            return "date"
        if not unit and _RANGE_TO_MONTH_RE.match(tail):
            return "date"
    if m["ar"] and not unit and not m["scale"] and 1900 <= q.value < 2101 and n_digits >= 6:
        int_part, _, frac = digits.partition(".")
        if len(int_part) == 4 and 1 <= len(frac) <= 2 and 1 <= int(frac) <= 12:
            return "date"  # 2023.5, 2023.12
    # phone numbers
    if m["ar"] and plain_int and not unit:
        plain = digits
        if len(plain) == 5 and plain.startswith("123"):
            return "phone"
        if plain in {"110", "119", "120", "122"} and _EMERGENCY_RE.match(tail):
            return "phone"
        if len(plain) >= 7 or (plain.startswith("0") and _PHONE_TAIL_RE.match(tail)):
            return "phone"
        if 7 <= len(plain) <= 8 and text[ns - 1 : ns] == "-":
            return "phone"
    # versions
    if m["ar"] and not unit:
        if next1 == "版" or text[ns - 1 : ns] in {"V", "v"}:
            return "version"
        if not is_int and digits.endswith(".0"):
            return "version"
    if m["ar"] and not unit and (next1.isascii() and next1.isalpha()):
        return "code"
    if m["ar"] and text[ns - 1 : ns].isascii() and text[ns - 1 : ns].isalpha():
        return "code"
    # ratios: 2.12:1
    if (
        m["ar"]
        and not unit
        and (
            (next1 == ":" and text[e + 1 : e + 2].isdigit())
            or (prev1 == ":" and text[s - 2 : s - 1].isdigit())
        )
    ):
        return "ratio"
    # names: “1310”, 1+N
    if (prev1 and prev1 in _QUOTES_OPEN and next1 and next1 in _QUOTES_CLOSE) or (
        "+" in (prev1, next1)
    ):
        return "name"
    # ranges: 3-5个工作日
    if not unit and _RANGE_AFTER_RE.match(tail):
        return "range"
    before = text[max(ns - 2, 0) : ns]
    if len(before) == 2 and before[0] in _DIGIT_CHARS and before[1] in _RANGE_CHARS:
        return "range"
    # list markers: "1." at a line start, "(2)"
    if m["ar"] and not unit and plain_int:
        if next1 in {".", "、"} and _line_start_before(text, s):
            return "item"
        if prev1 == "(" and next1 == ")":
            return "item"
    return ""


def _accept_chinese(text: str, norm: str, m: re.Match[str]) -> bool:
    """The scanner's gate for Chinese numerals (biased against names and idioms)."""
    cs, ce = m.span("cn")
    run = norm[cs:ce]
    pre = m["pre"]
    unit = m["unit"]
    pct = m["pct"]
    prev_ch = text[m.start() - 1] if m.start() > 0 else ""
    if prev_ch and prev_ch in _QUOTES_OPEN + "《":
        return False
    if len(run) == 1 and text[cs] in _FINANCIAL:
        return False
    if cs > 0 and norm[cs - 1] == "第":
        nxt = norm[ce : ce + 1]
        if unit:
            return unit in {"名", "位"} and not m["post"]
        return not pre and (not nxt or nxt in _RANK_END)
    if all(c in CHINESE_DIGITS for c in run) and len(run) > 1:
        has_zero = "〇" in run or "零" in run
        if not (has_zero or (len(run) == 4 and unit == "年")):
            return False
    if run in {"一", "〇", "零"} and not (pre and (unit or pct)):
        return False
    if run[0] in "百千万亿" and not (pre or pct):
        return False
    if not (unit or pre or pct):
        return False
    if unit and unit in CN_EXCLUDED_UNITS:
        return False
    if unit and norm[m.end("unit") : m.end("unit") + 1] in {"性", "式", "化"}:
        return False
    return not any(norm.startswith(p, cs) for p in NAME_PHRASES)


def find_quantities(
    text: str, start: int = 0, end: int | None = None, *, hints: bool = True
) -> Iterator[QuantityMatch]:
    """Find every maximal quantity expression in ``text[start:end]``.

    Arabic and full-width numbers are always reported. Chinese numerals are reported only
    when followed by a unit, or preceded by a qualifier or 百分之, and never when they are
    part of an idiom or a name (统一, 进一步, 一次性, 十分, 一是, 第二批, 二十大, 十四五,
    “三个优化”, :data:`NAME_PHRASES`); ``第一`` is reported (as an ordinal) only in a rank
    (第一名, 列第一。). Numbers that are probably not figures are reported with a
    ``kind_hint`` so that the caller can drop them.

    Args:
        text: The whole text; offsets always refer to it.
        start: Where to start looking.
        end: Where to stop (default: the end of ``text``).
        hints: Whether to work out each match's ``kind_hint`` (``False`` leaves it ``""``
            and is faster, for callers that filter matches their own way).

    Yields:
        :class:`QuantityMatch` objects in text order, none overlapping.

    Examples:
        >>> text = "共收到申请1,234件（上年约1.2万件），其中6381件/次，近两年超过三万人次"
        >>> [(m.quantity.text, m.quantity.value, m.quantity.unit) for m in find_quantities(text)]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('1,234件', Decimal('1234'), '件'), ('约1.2万件', Decimal('12000'), '件'),
         ('6381件/次', Decimal('6381'), '件/次'), ('近两年', Decimal('2'), '年'),
         ('超过三万人次', Decimal('30000'), '人次')]
        >>> [m.kind_hint for m in find_quantities("〔2022〕6号 第3名 1-10月 拨打12345热线")]
        ['docno', 'docno', 'ordinal', 'date', 'date', 'phone']
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quantities() needs a str, got {type(text).__name__}")
    n = len(text)
    stop = n if end is None else max(0, min(end, n))
    begin = max(0, min(start, stop))
    norm = _READ(text)
    date_starts = (
        frozenset(
            d.start() + off
            for d in _DATE_RE.finditer(norm, begin, stop)
            for off in _group_starts(d.group())
        )
        if hints
        else frozenset()
    )
    for m in scan_matches(text, norm, begin, stop):
        q = match_quantity(m, text)
        if q is None:
            continue
        ns = m.start(G_NUM)
        yield QuantityMatch(
            quantity=q,
            start=m.start(),
            end=m.end(),
            number_start=ns,
            number_end=m.end(G_NUM),
            prefix=text[m.start(G_PRE) : m.end(G_PRE)] if m.group(G_PRE) else "",
            has_unit=bool(m.group(G_UNIT) or m.group(G_PCT)),
            is_chinese=m.group(G_CN) is not None,
            has_scale=bool(m.group(G_SCALE)),
            unit_start=m.start(G_UNIT) if m.group(G_UNIT) else -1,
            kind_hint=_kind_hint(norm, m, q, date_starts, m.group(G_CN) is not None)
            if hints
            else "",
        )


def scan_matches(
    text: str, read: str, start: int = 0, stop: int | None = None
) -> Iterator[re.Match[str]]:
    """The scanner's matches over ``read`` (the :func:`read_view` of ``text``), in order.

    The core of :func:`find_quantities` for the reading layer, which keeps its own views of
    the text and builds a quantity (:func:`match_quantity`) only for the matches it keeps.
    Chinese numerals pass the same gate as in :func:`find_quantities`; group numbers are
    ``G_PRE`` … ``G_POST``.

    Examples:
        >>> from lawgov_metrics.numerals import normalize, read_view
        >>> t = "收到申请786宗,一是"
        >>> [m.group() for m in scan_matches(t, read_view(normalize(t)))]
        ['786宗']
    """
    for m in _SCAN_RE.finditer(read, start, len(read) if stop is None else stop):
        if m.group(G_CN) is not None and not _accept_chinese(text, read, m):
            continue
        yield m


#: Quantities of scanner matches by (quote, groups): a quantity is a pure function of
#: them, and reports repeat many (1件, 100%). Emptied when full, so its size is bounded.
_QUANTITIES: dict[tuple[str, tuple[str | None, ...]], Quantity | None] = {}
_QUANTITIES_MAX = 100_000


def match_quantity(m: re.Match[str], text: str) -> Quantity | None:
    """The :class:`~lawgov_metrics.Quantity` of a scanner match on ``text``, or ``None``
    when the expression is not a well-formed number (``find_quantities`` skips those).

    Examples:
        >>> t = "办理12件"
        >>> match_quantity(next(scan_matches(t, t)), t).value
        Decimal('12')
    """
    quote = text[m.start() : m.end()]
    key = (quote, m.groups())
    try:
        return _QUANTITIES[key]
    except KeyError:
        pass
    try:
        q: Quantity | None = _quantity_from_groups(key[1], quote, quote)
    except ParseError:
        q = None
    if len(_QUANTITIES) >= _QUANTITIES_MAX:
        _QUANTITIES.clear()
    _QUANTITIES[key] = q
    return q


def _group_starts(s: str) -> Iterator[int]:
    """Offsets of each digit group in a date or time string."""
    for g in re.finditer(rf"[{_ANY_DIGIT}]+", s):
        yield g.start()
