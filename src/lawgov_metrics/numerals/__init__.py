"""Chinese and full-width numbers, scale words, qualifiers, units, and the quantity scanner.

Three entry points:

* :func:`parse_number` reads exactly one number (Arabic, full-width or Chinese, with an
  optional scale word) and returns its exact value and resolution.
* :func:`parse_quantity` reads exactly one quantity expression (qualifier, number, scale
  word, unit) into a :class:`~lawgov_metrics.Quantity`.
* :func:`find_quantities` scans a whole report and yields a :class:`QuantityMatch` for every
  maximal quantity expression, with offsets into the original text and a ``kind_hint`` that
  flags years, dates, document numbers, ordinals and other numbers that are not figures.

Conventions (each one a decision, documented here once):

* Values are exact :class:`~decimal.Decimal`; no float is ever involved.
* The *resolution* is the value of one unit in the last written place. Trailing zeros count
  (``"63.10"`` -> 0.01), scale words multiply it (``"27亿"`` -> 1e8, ``"1.2万"`` -> 1000), and
  a Chinese numeral's last written digit sets it (``"三万五"`` = 35000 -> 1000, ``"三十"`` -> 10,
  ``"十五"`` -> 1, ``"两千三百零五"`` -> 1). Digit-by-digit numerals (``"二〇二三"``) have 1.
* An abbreviated Chinese numeral ends in a digit after a unit without 零: the digit counts in
  the next lower place (``三万五`` = 35000, ``一千二`` = 1200, ``三百五`` = 350).
* A bare unit character is one of it: ``"万"`` = 10000 with resolution 10000 (as in 近万),
  ``"十"`` = 10. ``"百分之百"`` is 100 % with resolution 1.
* A scale word is absorbed into the value; the unit never holds it (``"5万元"`` is 50000
  元, ``"1.8万人次"`` is 18000 人次).
* ``rounded`` is true for decimals, scale words (Arabic ``万/亿/千``; Chinese numerals with
  万 or 亿 whose resolution is above 1) and rate units (``% ‰ 个百分点 倍 成``); a plain
  integer count (``786宗``, ``两千三百零五件``) is exact.
* ``成`` keeps its own unit: ``"三成"`` is value 3, unit ``"成"`` (one 成 is 10 %); it is not
  converted to percent so that the written resolution is kept.
* When several qualifiers are written (``约300余人``) the one before the number wins, then
  the one after the unit (以上/以下/左右), then 余/多.
* Traditional characters (萬 億 兩 個 項 條 餘 …) and financial numerals (壹 贰 叁 … 拾 佰
  仟) read like their ordinary forms. The mapping is one character to one character, so
  offsets into a normalised copy are offsets into the original.


The package's modules, by job (every name is importable from here):

* ``_chars``: the one-to-one character maps (:func:`normalize`, :func:`read_view`);
* ``_words``: digits, scale words, qualifiers and units;
* ``_numbers``: the quantity pattern, :func:`parse_number` and :func:`parse_quantity`;
* ``_scanner``: :func:`find_quantities` and its core, :func:`scan_matches`.

Examples:
    >>> from lawgov_metrics.numerals import parse_number, parse_quantity, find_quantities
    >>> parse_number("两千三百零五")
    (Decimal('2305'), Decimal('1'))
    >>> parse_number("27亿")
    (Decimal('2700000000'), Decimal('100000000'))
    >>> q = parse_quantity("28300余条")
    >>> q.value, q.unit, q.qualifier.name, q.rounded
    (Decimal('28300'), '条', 'MORE_THAN', False)
    >>> text = "2023年收到申请786宗,同比增长68.67%"
    >>> [(m.quantity.text, m.kind_hint) for m in find_quantities(text)]
    [('2023年', 'year'), ('786宗', ''), ('68.67%', '')]
"""

from __future__ import annotations

# the scanner's character table and the match-to-quantity step, for the package's tests
from ._chars import _READ_MAP as _READ_MAP
from ._chars import normalize, read_view
from ._numbers import (
    G_AR,
    G_CN,
    G_MID1,
    G_MID2,
    G_NUM,
    G_PCT,
    G_POST,
    G_PRE,
    G_SCALE,
    G_SIGN,
    G_UNIT,
    parse_number,
    parse_quantity,
)
from ._numbers import _quantity_from_match as _quantity_from_match
from ._scanner import KindHint, QuantityMatch, find_quantities, match_quantity, scan_matches
from ._words import (
    CHINESE_DIGITS,
    CHINESE_NUMERAL_CHARS,
    CN_EXCLUDED_UNITS,
    NAME_PHRASES,
    QUALIFIERS_AFTER,
    QUALIFIERS_BEFORE,
    RATE_UNITS,
    SCALE_WORDS,
    UNIT_ALIASES,
    UNITS,
)

__all__ = [
    "CHINESE_DIGITS",
    "CHINESE_NUMERAL_CHARS",
    "CN_EXCLUDED_UNITS",
    "G_AR",
    "G_CN",
    "G_MID1",
    "G_MID2",
    "G_NUM",
    "G_PCT",
    "G_POST",
    "G_PRE",
    "G_SCALE",
    "G_SIGN",
    "G_UNIT",
    "NAME_PHRASES",
    "QUALIFIERS_AFTER",
    "QUALIFIERS_BEFORE",
    "RATE_UNITS",
    "SCALE_WORDS",
    "UNITS",
    "UNIT_ALIASES",
    "KindHint",
    "QuantityMatch",
    "find_quantities",
    "match_quantity",
    "normalize",
    "parse_number",
    "parse_quantity",
    "read_view",
    "scan_matches",
]
