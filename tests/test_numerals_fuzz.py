"""Fuzz tests: arbitrary text never crashes the numeral parsers or the quantity scanner."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import TypeVar

from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_metrics import numerals
from lawgov_metrics.errors import ParseError
from lawgov_metrics.numerals import (
    find_quantities,
    match_quantity,
    normalize,
    parse_number,
    parse_quantity,
    read_view,
    scan_matches,
)
from lawgov_metrics.records import Quantity


def _outcome(func: Callable[[str], T], text: str) -> tuple[T | None, ParseError | None]:
    """Call ``func``; a ParseError is an outcome, any other exception fails the test."""
    try:
        return func(text), None
    except ParseError as exc:
        return None, exc


# Characters that exercise every branch: digits of both widths, Chinese, financial and
# traditional numerals, scale words, units, qualifiers, punctuation, brackets and quotes.
ALPHABET = (
    "0123456789０１２３４５６７８９.,．，%％‰-−－+~至到:：/ \u3000\n"
    "〇零一二两三四五六七八九十百千万亿廿卅壹贰叁肆伍陆柒捌玖拾佰仟兩萬億貳參○点"
    "件条宗人次户家个项场期份起名所批门年月日天小时分钟元倍成番个百分点工作日"
    "余多约近超逾以上下内左右不足到少低于高过将接乎突破第号版VvG"
    "“”‘’「」《》〔〕[]【】()（）、。；;!！统进步是大"
)

T = TypeVar("T")

fuzz_text = st.one_of(
    st.text(alphabet=ALPHABET, max_size=60),
    st.text(
        alphabet=st.characters(
            whitelist_categories=("Lu", "Ll", "Lo", "Nd", "Nl", "No", "P", "S", "Zs", "Cc")
        ),
        max_size=40,
    ),
    st.text(max_size=30),
)


@settings(max_examples=1500, deadline=None)
@given(fuzz_text)
def test_find_quantities_never_crashes_and_offsets_are_exact(text: str) -> None:
    last_end = 0
    for m in find_quantities(text):
        assert text[m.start : m.end] == m.quantity.text
        assert m.start >= last_end
        assert m.start <= m.number_start < m.number_end <= m.end
        assert isinstance(m.kind_hint, str)
        last_end = m.end
        # a match read on its own gives the same quantity
        again = parse_quantity(m.quantity.text)
        assert again.value == m.quantity.value
        assert again.unit == m.quantity.unit
        assert again.qualifier is m.quantity.qualifier
        assert again.resolution == m.quantity.resolution


@settings(max_examples=500, deadline=None)
@given(fuzz_text, st.integers(min_value=-5, max_value=70), st.integers(min_value=-5, max_value=70))
def test_find_quantities_window(text: str, start: int, end: int) -> None:
    for m in find_quantities(text, start, end):
        assert max(start, 0) <= m.start
        assert m.end <= max(end, 0)
        assert text[m.start : m.end] == m.quantity.text


@settings(max_examples=1500, deadline=None)
@given(fuzz_text)
def test_parse_quantity_returns_or_raises_parse_error(text: str) -> None:
    q, exc = _outcome(parse_quantity, text)
    if exc is not None:
        assert exc.text == text
        assert exc.reason
    else:
        assert isinstance(q, Quantity)
        assert q.text == text.strip()


@settings(max_examples=1500, deadline=None)
@given(fuzz_text)
def test_parse_number_returns_or_raises_parse_error(text: str) -> None:
    result, exc = _outcome(parse_number, text)
    if exc is not None:
        assert exc.text == text
        assert exc.reason
    else:
        assert result is not None
        value, res = result
        assert isinstance(value, Decimal)
        assert res > 0
        assert value.is_finite()


@settings(max_examples=1500, deadline=None)
@given(fuzz_text)
def test_read_view_of_the_normalised_text_is_the_scanners_view(text: str) -> None:
    # the scanner's view, character by character from its table (the oracle)
    table = numerals._READ_MAP
    expected = "".join(table.get(ch, ch) for ch in text)
    assert read_view(normalize(text)) == expected


@settings(max_examples=1500, deadline=None)
@given(fuzz_text)
def test_memoised_quantities_are_the_quantities_of_their_matches(text: str) -> None:
    for m in scan_matches(text, read_view(normalize(text))):
        quote = text[m.start() : m.end()]
        try:
            fresh = numerals._quantity_from_match(m, quote, quote)
        except ParseError:
            fresh = None
        assert match_quantity(m, text) == fresh
        assert match_quantity(m, text) == fresh  # from the memo the second time
        if fresh is not None:
            assert fresh.text == quote
