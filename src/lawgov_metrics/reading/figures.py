"""Figures: every quantity of the text that is a figure, with its kind, built once.

:func:`scan` reads the quantities :func:`~lawgov_metrics.numerals.find_quantities` finds (through
its core, :func:`~lawgov_metrics.numerals.scan_matches`, on the document's own views of the
text, building a quantity only for a match that may be a figure) and keeps those that are
figures, as :class:`Candidate` values (span, quantity, kind): not masked
(dates, names, 第N, list markers, furniture, see :mod:`~lawgov_metrics.reading.masks`) and,
for a number without a unit, where the place makes it a figure: a table cell, after a rate
word (``答复率100``), at the end of a clause after a word like 为/申请 (``受理申请数量为0``).

The kind comes from the unit and the words just before: ``个百分点`` is a pp change, a rate
after a change verb (增长12%) a growth, a rate in a table column headed 同比 a growth too,
a ``倍`` after a change verb or 是上年的 a growth, money and durations by their units, the
rest counts.

:func:`build_figures` turns candidates and their subjects into the report's
:class:`~lawgov_metrics.Figure` records, once: a rate listed with others (参加率、及格率达到
100%) gives one figure per subject.

Examples:
    >>> from lawgov_metrics.reading.document import Document
    >>> doc = Document.build("2023年,收到申请786宗,同比增长68.67%,成功率98.73%。")
    >>> [(c.quantity.text, c.kind) for c in scan(doc)]
    [('786宗', 'count'), ('68.67%', 'growth'), ('98.73%', 'rate')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import Final

import attrs

from .. import vocab
from ..errors import ParseError
from ..numerals import (
    CHINESE_NUMERAL_CHARS,
    G_CN,
    G_NUM,
    G_PCT,
    G_PRE,
    G_SCALE,
    G_UNIT,
    QUALIFIERS_AFTER,
    UNITS,
    match_quantity,
    parse_quantity,
    scan_matches,
)
from ..records import Figure, Quantity
from .document import Document

__all__ = ["Candidate", "build_figures", "same_unit", "scan"]

#: Units of a duration (年 月 日 周年 make dates here; 岁 is an age).
DURATION_UNITS: Final = frozenset(u for u, kind in UNITS.items() if kind == "time") - {
    "年", "月", "日", "周年", "岁"
}  # fmt: skip
MONEY_UNITS: Final = tuple(u for u, kind in UNITS.items() if kind == "money")
#: Units a Chinese-numeral figure may carry (``两项``, ``二十次``); others make names.
CN_FIGURE_UNITS: Final = frozenset(
    (
        "人次",
        "件次",
        "次",
        "项",
        "件",
        "个",
        "名",
        "家",
        "场",
        "场次",
        "宗",
        "批次",
        "篇",
        "期",
        "份",
    )
)
#: Where the words after a Chinese-numeral figure end: a numeral past them (the next
#: sentence, a heading on the next line) says nothing about the figure.
_CN_AFTER_STOPS: Final = frozenset(",，。;；:：!！?？\n")
#: Characters after a number (or its unit) that make a date or a time, never a figure.
NOT_UNIT_AFTER: Final = frozenset("年月日号时点")
#: Units that make a date, a number or an anniversary, never a figure (2023年, 100周年).
NOT_FIGURE_UNITS: Final = frozenset({*NOT_UNIT_AFTER, "周年"})
#: Words before ``近``/``超`` that make them part of a word, not a qualifier (最近, 超市).
PREFIX_BLOCKERS: Final = frozenset({"最近", "附近", "接近", "将近", "靠近", "超市"})
_MAX_NUMBER_DIGITS: Final = 60

_POST_QUALIFIERS: Final = tuple(w for w in QUALIFIERS_AFTER if w not in ("余", "多"))
_RATE_WORD_BEFORE: Final = re.compile(r"率(?:为|达|达到|是)?\s?$")
_BARE_PREV: Final = frozenset("为请计共达量数是有")
_BARE_NEXT: Final = frozenset(",，。;；)）\n")
_CN_BAD_PREV: Final = frozenset("第每逐唯统进这那哪某几前头单同之上下初首其任另整万")
_CELL_SEPS: Final = ("|", "\t")
_CJK_RE: Final = re.compile(r"[\u4e00-\u9fff]")
#: A share or a rate in the clause after a number (,占…%; ,审结率为…).
_SHARE_NEXT_RE: Final = re.compile(r"[,，]\s?(?:约)?(?:占|[\u4e00-\u9fff]{1,6}?率)")
_CHANGE_VERBS: Final = vocab.or_regex((*vocab.UP_VERBS, *vocab.DOWN_VERBS, "减少了"))
#: A change verb just before a figure (增长12%, 下降了3件).
GROWTH_VERB_RE: Final = re.compile(
    f"({_CHANGE_VERBS})(?:{vocab.or_regex(vocab.CHANGE_VERB_TAILS)})?\\s?$"
)
_PRIOR: Final = vocab.or_regex(vocab.PRIOR_YEAR_WORDS)
#: The words of a multiple of last year (是上年的2倍, 增长到2倍).
TIMES_OF_RE: Final = re.compile(
    f"(?:{vocab.or_regex(vocab.TIMES_OF_VERBS)}(?:{_PRIOR}|\\d{{4}}年)(?:同期)?(?:的)?|"
    f"{vocab.or_regex(vocab.TIMES_TO_VERBS)}(?:到|至|为))\\s?$"
)
#: Column headings of a table column of changes (同比, 增长, 增幅 …).
_CHANGE_COLUMN_RE: Final = re.compile(vocab.or_regex(vocab.CHANGE_COLUMN_WORDS))
_TABLE_HEADER_LOOKBACK: Final = 40


@attrs.frozen(kw_only=True)
class Candidate:
    """A figure found in the text, before its subject and relations are known.

    Attributes:
        index: Its position among the document's candidates (text order).
        start: Start of the quote (qualifier included).
        end: End of the quote.
        num_start: Start of the first digit.
        quantity: The quantity as written.
        kind: ``"count"``, ``"rate"``, ``"growth"``, ``"pp_change"``, ``"money"``,
            ``"duration"`` or ``"other"``.
    """

    index: int
    start: int
    end: int
    num_start: int
    quantity: Quantity
    kind: str = "count"

    @property
    def unit(self) -> str:
        """The quantity's unit."""
        return self.quantity.unit

    @property
    def value(self) -> object:
        """The quantity's value."""
        return self.quantity.value


def same_unit(a: Candidate, b: Candidate) -> bool:
    """Whether two counts are in the same unit family (see :func:`vocab.same_unit_family`)."""
    return vocab.same_unit_family(a.quantity.unit, b.quantity.unit)


# ---------------------------------------------------------------------------------------
# scanning


def scan(doc: Document, *, owned: Sequence[tuple[int, int]] = ()) -> list[Candidate]:
    """The document's figures as :class:`Candidate` values, in text order.

    Args:
        doc: The document.
        owned: Sorted spans of table cells a table reader owns (their figures come from
            the table, with their row and column): no candidate is made inside one.
    """
    out: list[Candidate] = []
    headers = _Headers(doc)
    owned_starts = [a for a, _ in owned]
    text = doc.text
    for m in scan_matches(text, doc.read):
        found = _chinese(doc, m) if m.group(G_CN) is not None else _arabic(doc, m)
        if found is None:
            continue
        start, end, num_start, q, bare_rate = found
        k = bisect.bisect_right(owned_starts, start) - 1
        if k >= 0 and owned[k][0] <= start and end <= owned[k][1]:
            continue  # a table's own cell
        kind = _kind(headers, start, q, bare_rate)
        out.append(
            Candidate(
                index=len(out), start=start, end=end, num_start=num_start, quantity=q, kind=kind
            )
        )
    return out


def _requote(text: str, start: int, end: int) -> Quantity | None:
    """The quantity of ``text[start:end]`` once a qualifier or unit was cut off."""
    try:
        return parse_quantity(text[start:end])
    except ParseError:
        return None


def _prefix_blocked(doc: Document, ps: int, n_prefix: int) -> bool:
    """Whether the qualifier ``norm[ps : ps + n_prefix]`` before the number is part of a word
    (最近, 超市) or masked."""
    norm = doc.norm
    pre = norm[ps : ps + n_prefix]
    if doc.blocked[ps]:
        return True
    two = norm[max(0, ps - 1) : ps + len(pre)]
    three = norm[ps : ps + 3]
    return pre not in ("接近", "将近") and any(b in two or b in three for b in PREFIX_BLOCKERS)


_Found = tuple[int, int, int, Quantity, bool]


def _arabic(doc: Document, m: re.Match[str]) -> _Found | None:
    """An Arabic number of the scanner (``m``) as a figure, or ``None``."""
    norm, blocked = doc.norm, doc.blocked
    ns, number_end = m.span(G_NUM)
    ds = ns + 1 if norm[ns] in "-−" else ns  # the first digit
    if blocked[ds] or (ds > 0 and (norm[ds - 1].isdigit() or norm[ds - 1] == ".")):
        return None
    if number_end - ds > _MAX_NUMBER_DIGITS:
        return None
    q = match_quantity(m, doc.text)
    if q is None:
        return None  # not a well-formed number: find_quantities skips it too
    start, end = m.span()
    if m.group(G_PRE) and _prefix_blocked(doc, start, m.end(G_PRE) - m.start(G_PRE)):
        start = ns
        q = _requote(doc.text, start, end)
    has_unit = bool(m.group(G_UNIT) or m.group(G_PCT))
    unit_start = m.start(G_UNIT) if m.group(G_UNIT) else -1
    if unit_start >= 0 and blocked[unit_start]:
        # a unit that starts a quote or title (12“…”) is not this number's unit
        end = len(norm[:unit_start].rstrip(" "))
        q = _requote(doc.text, start, end)
        has_unit = False
    if q is None:
        return None
    unit = q.unit
    after = norm[end : end + 1]
    bare_rate = False
    if not has_unit and not m.group(G_SCALE):
        if after in NOT_UNIT_AFTER or (after and after.isdigit()):
            return None
        if not _bare_ok(doc, ds, end):
            return None
        more = any(ch in "余多" for ch in norm[number_end:end])
        if more and not norm.endswith(_POST_QUALIFIERS, number_end, end):
            return None  # 300余 with neither unit nor 以上: not a figure
        bare_rate = _RATE_WORD_BEFORE.search(norm, max(0, ds - 4), ds) is not None
    if unit in NOT_FIGURE_UNITS or (
        unit and after in NOT_UNIT_AFTER and unit not in vocab.RATE_UNITS
    ):
        return None
    return start, end, ds, q, bare_rate


def _bare_ok(doc: Document, ns: int, end: int) -> bool:
    """Whether a number without a unit is a figure where it stands."""
    norm = doc.norm
    a, b = doc.line_of(ns)
    if a in doc.table_lines:
        left = norm[max(a, ns - 8) : ns].rstrip(" \u3000")
        right = norm[end : min(b, end + 8)].lstrip(" \u3000")
        left_ok = left.endswith(_CELL_SEPS) or (not left.strip() and ns - a <= 8)
        right_ok = right.startswith(_CELL_SEPS) or (not right.strip() and b - end <= 8)
        if left_ok and right_ok:
            return True
    if _RATE_WORD_BEFORE.search(norm, max(0, ns - 4), ns):
        return True
    prev = norm[ns - 1 : ns]
    nxt = norm[end : end + 1]
    if prev in _BARE_PREV and prev and (not nxt or nxt in _BARE_NEXT):
        return True
    # 行政处罚2100,占收到申请总数的33.9%: a count whose unit the writer left out, after its
    # noun and before the share or rate of it
    return (
        bool(prev)
        and _CJK_RE.match(prev) is not None
        and (_SHARE_NEXT_RE.match(norm, end) is not None)
    )


def _words_after(norm: str, end: int, n: int) -> str:
    """Up to ``n`` characters after ``end``, stopping at a clause's or a line's end."""
    out = norm[end : end + n]
    for i, ch in enumerate(out):
        if ch in _CN_AFTER_STOPS:
            return out[:i]
    return out


def _chinese(doc: Document, m: re.Match[str]) -> _Found | None:
    """A Chinese numeral of the scanner (``m``) as a figure, or ``None``."""
    norm, blocked = doc.norm, doc.blocked
    ns = m.start(G_NUM)
    q: Quantity | None = match_quantity(m, doc.text)
    if q is None:
        return None  # not a well-formed numeral: find_quantities skips it too
    if blocked[ns] or q.unit not in CN_FIGURE_UNITS:
        return None
    prev = norm[ns - 1 : ns]
    if prev and (prev in CHINESE_NUMERAL_CHARS or prev in _CN_BAD_PREV or prev.isdigit()):
        return None
    if q.value <= 1 or norm[ns] in "万亿":
        return None
    end = m.end()
    nxt = norm[end : end + 2]
    if (
        nxt[:1] in "“\"《「'‘"
        or nxt in vocab.CN_LABEL_AFTER
        or any(ch in CHINESE_NUMERAL_CHARS for ch in _words_after(norm, end, 3))
    ):
        return None
    if any(
        ch in CHINESE_NUMERAL_CHARS and ch not in "万亿" for ch in norm[max(0, ns - 3) : ns - 1]
    ):
        return None  # 一院三所, 一岗多能: a label built of numerals
    unit_start = m.start(G_UNIT) if m.group(G_UNIT) else -1
    if blocked[unit_start]:
        return None
    start = m.start()
    if m.group(G_PRE) and blocked[start]:
        start = ns
        q = _requote(doc.text, start, end)
        if q is None:
            return None
    return start, end, ns, q, False


# ---------------------------------------------------------------------------------------
# kinds


def _kind(headers: _Headers, start: int, q: Quantity, bare_rate: bool) -> str:
    doc = headers.doc
    unit = q.unit
    if unit == vocab.PP_UNIT:
        return "pp_change"
    if unit in vocab.RATE_UNITS or bare_rate or unit == "倍":
        # the 8 characters before, readings in brackets (增長(zhǎng)) left out
        before = doc.words(max(0, start - 40), start)[-8:]
        if unit == "倍":
            if GROWTH_VERB_RE.search(before) or TIMES_OF_RE.search(before):
                return "growth"
            return "other"
        if GROWTH_VERB_RE.search(before) or headers.in_change_column(start):
            return "growth"
        return "rate"
    if unit.endswith(MONEY_UNITS):
        return "money"
    if unit in DURATION_UNITS:
        return "duration"
    return "count"


class _Headers:
    """The header row of each table block, split once (a block's first row, at most
    40 rows up), to tell a column of changes (同比, 增长 …) from one of shares."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.cache: dict[int, list[str]] = {}

    def header(self, line: int) -> list[str]:
        doc = self.doc
        first = line
        while first > 0 and line - first < _TABLE_HEADER_LOOKBACK:
            cached = self.cache.get(first)
            if cached is not None:
                self.cache[line] = cached
                return cached
            if doc.lines[first - 1][0] not in doc.table_lines:
                break
            first -= 1
        ha, hb = doc.lines[first]
        cells = re.split(r"[|\t]", doc.norm[ha:hb]) if first != line else []
        self.cache[line] = cells
        return cells

    def in_change_column(self, pos: int) -> bool:
        """Whether ``pos`` is a cell of a table column headed 同比, 增长, 增幅 …."""
        doc = self.doc
        a, _ = doc.line_of(pos)
        if a not in doc.table_lines:
            return False
        column = sum(doc.norm.count(sep, a, pos) for sep in _CELL_SEPS)
        cells = self.header(bisect.bisect_left(doc.line_starts, a))
        if column >= len(cells) or any(ch.isdigit() for ch in cells[column]):
            return False
        return _CHANGE_COLUMN_RE.search(cells[column]) is not None


# ---------------------------------------------------------------------------------------
# figures


def build_figures(
    doc: Document,
    cands: Sequence[Candidate],
    subjects: Sequence[tuple[str, ...]],
) -> list[tuple[Figure, ...]]:
    """The :class:`~lawgov_metrics.Figure` records of each candidate, built once.

    Args:
        doc: The document.
        cands: The candidates, in text order.
        subjects: Per candidate, its subjects: one, or several for a listed rate.

    Returns:
        Per candidate, its figures (one per subject), in the order of ``cands``.
    """
    out: list[tuple[Figure, ...]] = []
    text = doc.text
    contexts: dict[tuple[int, int], str] = {}
    for c, subjs in zip(cands, subjects, strict=True):
        section = doc.section_at(c.start)
        span = doc.context_span(c.start, c.end)
        context = contexts.get(span)
        if context is None:
            context = contexts[span] = text[span[0] : span[1]].strip()
        quote = text[c.start : c.end]
        out.append(
            tuple(
                Figure(
                    quantity=c.quantity,
                    subject=s,
                    quote=quote,
                    span=(c.start, c.end),
                    section=section,
                    kind=c.kind,
                    context=context,
                )
                for s in subjs
            )
        )
    return out
