"""The quantity pattern, and reading one number (:func:`parse_number`) or one quantity
(:func:`parse_quantity`).

Part of :mod:`lawgov_metrics.numerals`, which re-exports its public names.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..errors import ParseError
from ..records import Qualifier, Quantity
from ._chars import _READ_ONE
from ._words import (
    _BIG_UNITS,
    _CONTRACTIONS,
    _PCT_PREFIX,
    _SMALL_UNITS,
    _UNIT_GUARDS,
    CHINESE_DIGITS,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RATE_UNITS,
    SCALE_WORDS,
    UNIT_ALIASES,
    UNITS,
)

# --------------------------------------------------------------------------------------------
# Regexes
# --------------------------------------------------------------------------------------------

# Every pattern below runs on normalised text: full-width digits and signs are ASCII there.
_ANY_DIGIT = "0-9"
_CN_CHARS = "〇零一二两三四五六七八九十百千万亿廿卅卌"
_CN_DIGITS_ONLY = "〇零一二三四五六七八九"
_HSPACE = " {0,2}"


def _alternation(words: object) -> str:
    items = sorted(words, key=lambda w: (-len(w), w))  # type: ignore[call-overload]
    return "|".join(re.escape(w) for w in items)


def _unit_alternation() -> str:
    parts = []
    for unit in sorted(UNITS, key=lambda w: (-len(w), w)):
        pat = re.escape(unit)
        guard = _UNIT_GUARDS.get(unit, "")
        if guard:
            pat += f"(?![{re.escape(guard)}])"
        parts.append(pat)
    return "|".join(parts)


_AR_NUMBER = (
    rf"(?:[0-9]{{1,3}}(?:,[0-9]{{3}}(?![{_ANY_DIGIT}]))++"
    rf"|[{_ANY_DIGIT}]++)"
    rf"(?:\.[{_ANY_DIGIT}]++(?!\.[{_ANY_DIGIT}]))?"
)
_CN_NUMBER = rf"[{_CN_CHARS}][{_CN_CHARS}]*+(?:点[{_CN_DIGITS_ONLY}]++(?:万亿|万|亿)?)?"
_SCALE = "万亿|千亿|百亿|亿|千万|百万|万|千(?![米克瓦])"

_QUANTITY_PATTERN = (
    rf"(?:(?P<pre>{_alternation(QUALIFIERS_BEFORE)}){_HSPACE})?"
    rf"(?P<pct>{_PCT_PREFIX})?"
    rf"(?P<num>"
    rf"(?:(?<![{_ANY_DIGIT}A-Za-z.])(?P<sign>[-−]))?"
    rf"(?<![{_ANY_DIGIT}])(?<![{_ANY_DIGIT}]\.)(?P<ar>{_AR_NUMBER})"
    rf"|(?<![{_CN_CHARS}点])(?P<cn>{_CN_NUMBER})"
    rf")"
    rf"(?:{_HSPACE}(?P<mid1>[余多]))?"
    rf"(?:{_HSPACE}(?P<scale>{_SCALE}))?"
    rf"(?P<mid2>[余多])?"
    rf"(?:{_HSPACE}(?P<unit>{_unit_alternation()}))?"
    rf"(?P<post>左右|上下|以上|以下|以内)?"
)

# The scanner first checks cheaply that a match can start here.
_START_CHARS = (
    "".join(sorted({w[0] for w in QUALIFIERS_BEFORE})) + "百" + _CN_CHARS + r"\-−" + _ANY_DIGIT
)
_SCAN_RE = re.compile(rf"(?=[{_START_CHARS}]){_QUANTITY_PATTERN}")
_FULL_RE = re.compile(_QUANTITY_PATTERN)
#: The groups of both, in order (``m.groups()`` unpacks to these).
_GROUP_NAMES = ("pre", "pct", "num", "sign", "ar", "cn", "mid1", "scale", "mid2", "unit", "post")
assert tuple(_SCAN_RE.groupindex) == tuple(_FULL_RE.groupindex) == _GROUP_NAMES
#: Group numbers for ``m.start(n)``/``m.group(n)`` on a scanner match.
G_PRE, G_PCT, G_NUM, G_SIGN, G_AR, G_CN, G_MID1, G_SCALE, G_MID2, G_UNIT, G_POST = range(1, 12)
_AR_FULL_RE = re.compile(rf"(?P<sign>[-−+])?(?P<ar>{_AR_NUMBER})(?P<scale>{_SCALE})?")
_CN_FULL_RE = re.compile(rf"(?P<sign>负)?(?P<cn>{_CN_NUMBER})")
_DATE_RE = re.compile(
    rf"(?<![{_ANY_DIGIT}])(?:[12][0-9]{{3}}[-/.][0-9]{{1,2}}(?:[-/.][0-9]{{1,2}})?"
    rf"|[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?)(?![{_ANY_DIGIT}])"
)
_RANGE_AFTER_RE = re.compile(rf"[-~—–至到][{_ANY_DIGIT}]")
_RANGE_TO_MONTH_RE = re.compile(rf"[-~—–至到][{_ANY_DIGIT}]{{1,2}}月")
_RANGE_TO_YEAR_RE = re.compile(rf"[-~—–至到][12][{_ANY_DIGIT}]{{3}}年")
_PHONE_TAIL_RE = re.compile(r"[-][0-9]{7,8}(?![0-9])")
_EMERGENCY_RE = re.compile(r"热线|报警|接警|指挥|急救|平台|联动|服务")

_DIGIT_CHARS = frozenset("0123456789")
_RANGE_CHARS = frozenset("-~—–至到")
_BRACKETS_OPEN = frozenset("〔[【")
_BRACKETS_CLOSE = frozenset("〕]】")
_QUOTES_OPEN = "“‘\"'「『"
_QUOTES_CLOSE = "”’\"'」』"


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


def _decimal(sign: int, digits: str, exponent: int) -> Decimal:
    """An exact Decimal ``±digits × 10**exponent`` with a non-positive exponent."""
    digits = digits.lstrip("0") or "0"
    if exponent > 0:
        digits += "0" * exponent
        exponent = 0
    # a Decimal read from a string is exact, whatever the context's precision
    return Decimal(f"{'-' if sign else ''}{digits}E{exponent}")


def _shift(d: Decimal, k: int) -> Decimal:
    """``d × 10**k`` exactly, whatever the decimal context's precision."""
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # only finite values reach here
    return _decimal(sign, "".join(map(str, digits)), exponent + k)


def _power(exponent: int) -> Decimal:
    """``10**exponent`` as an exact Decimal written plainly (``1E+8`` -> 100000000)."""
    if exponent >= 0:
        return Decimal(10**exponent)
    return Decimal((0, (1,), exponent))


def _arabic(sign: str, number: str, scale: str, original: str) -> tuple[Decimal, Decimal]:
    del original  # grouping and digits were validated by the regex
    plain = number.replace(",", "")
    int_part, _, frac = plain.partition(".")
    exponent = -len(frac) + (SCALE_WORDS[scale] if scale else 0)
    value = _decimal(1 if sign else 0, int_part + frac, exponent)
    return value, _power(exponent)


def _cn_integer(s: str, original: str) -> tuple[int, int]:
    """Value and resolution of a Chinese integer numeral (normalised, no 点).

    Raises:
        ParseError: If it is not a well-formed numeral.
    """
    for short, long in _CONTRACTIONS.items():
        s = s.replace(short, long)
    if not s:
        raise ParseError(original, "empty Chinese numeral")
    if all(c in CHINESE_DIGITS for c in s):
        if len(s) == 1:
            return CHINESE_DIGITS[s], 1
        if "两" in s:
            raise ParseError(original, "两 cannot be used in a digit-by-digit numeral")
        return int("".join(str(CHINESE_DIGITS[c]) for c in s)), 1
    terms: list[tuple[int, int]] = []  # (value, order of magnitude of its big unit)
    section = 0
    digit: int | None = None
    zero_pending = False
    last_small: int | None = None
    prev = ""  # "digit", "zero", "small", "big"
    last_digit_index = -1  # index of the last written digit (or implicit one)
    for i, ch in enumerate(s):
        if ch in CHINESE_DIGITS:
            d = CHINESE_DIGITS[ch]
            if d == 0:
                if prev in {"", "digit"}:
                    raise ParseError(original, f"misplaced zero {ch!r} in Chinese numeral")
                zero_pending = True
                prev = "zero"
                continue
            if prev == "digit":
                raise ParseError(original, "two digits in a row in Chinese numeral")
            digit = d
            last_digit_index = i
            prev = "digit"
        elif ch in _SMALL_UNITS:
            u = _SMALL_UNITS[ch]
            if digit is None:
                if not (i == 0 or (u == 10 and prev in {"zero", "big"})):
                    raise ParseError(original, f"{ch!r} needs a digit before it")
                digit = 1
                last_digit_index = i
            if last_small is not None and u >= last_small:
                raise ParseError(original, "units out of order in Chinese numeral")
            section += digit * u
            last_small = u
            digit = None
            zero_pending = False
            prev = "small"
        else:  # big unit
            v = _BIG_UNITS[ch]
            if (
                digit is not None
                and prev == "digit"
                and last_small is not None
                and not zero_pending
                and last_small > 10
            ):
                raise ParseError(original, f"ambiguous digit before {ch!r}")
            s_val = section + (digit or 0)
            popped = [t for t in terms if t[1] < v]
            terms = [t for t in terms if t[1] >= v]
            if s_val == 0 and not popped:
                if i != 0:
                    raise ParseError(original, f"misplaced {ch!r} in Chinese numeral")
                s_val = 1
                last_digit_index = i
            order = v * max((t[1] for t in popped), default=1)
            if terms and terms[-1][1] <= order:
                raise ParseError(original, "units out of order in Chinese numeral")
            terms.append(((sum(t[0] for t in popped) + s_val) * v, order))
            section = 0
            digit = None
            zero_pending = False
            last_small = None
            prev = "big"
    if prev == "zero":
        raise ParseError(original, "Chinese numeral ends in zero")
    total = sum(t[0] for t in terms) + section
    if digit is not None:
        if zero_pending:
            return total + digit, 1
        # abbreviation: 三万五, 一千二 — the digit counts in the place below the last unit
        j = last_digit_index - 1
        place = 1
        while j >= 0 and (s[j] in _SMALL_UNITS or s[j] in _BIG_UNITS):
            place *= _SMALL_UNITS.get(s[j]) or _BIG_UNITS[s[j]]
            j -= 1
        res = max(place // 10, 1)
        return total + digit * res, res
    res = 1
    for ch in s[last_digit_index + 1 :]:
        res *= _SMALL_UNITS.get(ch) or _BIG_UNITS.get(ch) or 1
    if s[last_digit_index] in _SMALL_UNITS or s[last_digit_index] in _BIG_UNITS:
        res *= _SMALL_UNITS.get(s[last_digit_index]) or _BIG_UNITS[s[last_digit_index]]
    return total, res


def _chinese(sign: str, numeral: str, original: str) -> tuple[Decimal, Decimal]:
    int_part, dot, rest = numeral.partition("点")
    if not dot:
        int_value, int_res = _cn_integer(int_part, original)
        return _decimal(1 if sign else 0, str(int_value), 0), Decimal(int_res)
    frac = rest.rstrip("万亿")
    scale = rest[len(frac) :]
    exponent = {"": 0, "万": 4, "亿": 8, "万亿": 12}[scale] - len(frac)
    int_value, int_res = _cn_integer(int_part, original) if int_part else (-1, 1)
    if int_value < 0:
        raise ParseError(original, "a Chinese decimal needs digits before 点")
    del int_res  # the fraction digits set the resolution
    if int_part[-1] in _BIG_UNITS and scale:
        raise ParseError(original, "a scale word on both sides of 点")
    frac_digits = "".join(str(CHINESE_DIGITS[c]) for c in frac)
    value = _decimal(1 if sign else 0, str(int_value) + frac_digits, exponent)
    return value, _power(exponent)


def parse_number(text: str) -> tuple[Decimal, Decimal]:
    """Read exactly one number and return its exact value and resolution.

    Accepts Arabic digits (half- or full-width, with thousands separators and a decimal
    point), Chinese numerals (positional, digit-by-digit, abbreviated, traditional and
    financial forms, with 点 for decimals) and a scale word (万 亿 万亿 千 …) after either.

    Args:
        text: The number as written, e.g. ``"１２，３４５"``, ``"27亿"`` or ``"三万五"``.

    Returns:
        ``(value, resolution)``, both exact Decimals; the resolution is the value of one unit
        in the last written place.

    Raises:
        ParseError: If ``text`` is not exactly one number (the message says why).

    Examples:
        >>> parse_number("１２，３４５")
        (Decimal('12345'), Decimal('1'))
        >>> parse_number("63.10")
        (Decimal('63.10'), Decimal('0.01'))
        >>> parse_number("1.2万")
        (Decimal('12000'), Decimal('1000'))
        >>> parse_number("三万五")
        (Decimal('35000'), Decimal('1000'))
        >>> parse_number("一亿零五百万")
        (Decimal('105000000'), Decimal('1000000'))
        >>> parse_number("二〇二三")
        (Decimal('2023'), Decimal('1'))
        >>> parse_number("十二点五")
        (Decimal('12.5'), Decimal('0.1'))
        >>> parse_number("12件")
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ParseError: cannot parse '12件': not a number (unexpected '件' ...
    """
    if not isinstance(text, str):
        raise ParseError(text, f"expected a string, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise ParseError(text, "empty text")
    norm = _READ_ONE(stripped)
    m = _AR_FULL_RE.fullmatch(norm)
    if m:
        return _arabic("-" if m["sign"] in {"-", "−"} else "", m["ar"], m["scale"] or "", text)
    m = _CN_FULL_RE.fullmatch(norm)
    if m:
        return _chinese(m["sign"] or "", m["cn"], text)
    prefix = _AR_FULL_RE.match(norm) or _CN_FULL_RE.match(norm)
    pos = prefix.end() if prefix else 0
    raise ParseError(text, f"not a number (unexpected {norm[pos]!r} at position {pos})")


# --------------------------------------------------------------------------------------------
# Quantities
# --------------------------------------------------------------------------------------------


def _qualifier(pre: str, mids: str, post: str) -> Qualifier:
    if pre:
        return QUALIFIERS_BEFORE[pre]
    if post:
        return QUALIFIERS_AFTER[post]
    if mids:
        return Qualifier.MORE_THAN
    return Qualifier.EXACT


def _quantity_from_match(m: re.Match[str], text: str, original: str) -> Quantity:
    """Build the Quantity of a match of ``_QUANTITY_PATTERN``; ``text`` is its exact span."""
    return _quantity_from_groups(m.groups(), text, original)


def _quantity_from_groups(groups: tuple[str | None, ...], text: str, original: str) -> Quantity:
    """The Quantity of a match's groups (see :data:`_GROUP_NAMES`); ``text`` is its span."""
    pre, pct, _num, sign, ar, cn, mid1, scale_word, mid2, unit_word, post = groups
    unit_written = unit_word or ""
    unit = UNIT_ALIASES.get(unit_written, unit_written)
    mids = (mid1 or "") + (mid2 or "")
    if unit_written in {"个多月", "个多小时"}:
        mids += "多"
    scale = scale_word or ""
    if ar is not None:
        value, res = _arabic(sign or "", ar, scale, original)
        rounded = "." in ar or bool(scale)
    else:
        assert cn is not None  # the number is Arabic or Chinese
        if pct and cn == "百":
            value, res = Decimal(100), Decimal(1)
        else:
            value, res = _chinese("", cn, original)
        rounded = "点" in cn or (res > 1 and ("万" in cn or "亿" in cn))
        if scale:  # 三十余万人: the scale word comes after 余
            k = SCALE_WORDS[scale]
            value, res, rounded = _shift(value, k), _shift(res, k), True
    if pct:
        if unit:
            raise ParseError(original, f"百分之 already makes a percentage; unit {unit!r} after it")
        unit = "%"
    rounded = rounded or unit in RATE_UNITS
    return Quantity(
        value=value,
        unit=unit,
        qualifier=_qualifier(pre or "", mids, post or ""),
        text=text,
        resolution=res,
        rounded=rounded,
    )


def parse_quantity(text: str) -> Quantity:
    """Read exactly one quantity expression: qualifier, number, scale word, unit.

    Args:
        text: One expression as written, e.g. ``"28300余条"``, ``"约1.2万人次"``,
            ``"百分之六十"``, ``"3.2个百分点"`` or ``"6381件/次"``.

    Returns:
        A :class:`~lawgov_metrics.Quantity` with the exact value (scale applied), the unit
        (full-width ``％`` normalised to ``%``, scale words removed), the qualifier, the
        resolution, ``rounded``, and ``text`` = the stripped input.

    Raises:
        ParseError: If ``text`` is not exactly one quantity (none, several, or extra text).

    Examples:
        >>> q = parse_quantity("27亿条")
        >>> q.value, q.unit, q.resolution, q.rounded
        (Decimal('2700000000'), '条', Decimal('100000000'), True)
        >>> parse_quantity("68.67％").unit
        '%'
        >>> q = parse_quantity("近万件")
        >>> q.value, q.qualifier.name
        (Decimal('10000'), 'NEARLY')
        >>> parse_quantity("5万元").value, parse_quantity("5万元").unit
        (Decimal('50000'), '元')
        >>> parse_quantity("+12.5%").value, parse_quantity("－12.5％").value
        (Decimal('12.5'), Decimal('-12.5'))
        >>> parse_quantity("no number here")
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ParseError: cannot parse 'no number here': no number found
    """
    if not isinstance(text, str):
        raise ParseError(text, f"expected a string, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise ParseError(text, "empty text")
    norm = _READ_ONE(stripped)
    plus = norm[:1] == "+" and norm[1:2].isdigit()  # a table's "+12.5%": the sign is no text
    m = _FULL_RE.fullmatch(norm, 1 if plus else 0)
    if m is None:
        found = [x for x in _FULL_RE.finditer(norm) if x["num"]]
        if not found:
            raise ParseError(text, "no number found")
        if len(found) > 1:
            shown = ", ".join(repr(stripped[x.start() : x.end()]) for x in found[:5])
            raise ParseError(text, f"{len(found)} numbers found ({shown}), expected exactly one")
        x = found[0]
        if x.start() > 0:
            raise ParseError(text, f"unexpected text {stripped[: x.start()]!r} before the number")
        raise ParseError(text, f"unexpected text {stripped[x.end() :]!r} after the quantity")
    return _quantity_from_match(m, stripped, text)
