"""The document: a report's text and its structure, built once and passed to every step.

A :class:`Document` holds the original text, its normalised copy (one character for one,
see :func:`lawgov_metrics.numerals.normalize`, so offsets agree), the lines, the boundaries
of sentences, periods and clauses, the title line, the headings (sections), the table rows
and the mask of places where no figure may start. Every later step reads it and nothing
changes it.

Boundaries are sorted lists of offsets looked up by bisection, so asking for the sentence or
clause around an offset costs ``O(log n)`` and no step scans the text character by
character: every step is linear in the text.

Three levels of boundary are kept:

* a *period* ends at 。!?! or a line break: a full sentence;
* a *sentence* also ends at ; (its clauses are what one statement covers);
* a *clause* also ends at , 、 : and a table's ``|``.

Examples:
    >>> from lawgov_metrics.reading.document import Document
    >>> doc = Document.build("一、概况\\n收到申请12件,办结10件;结转2件。")
    >>> doc.sentence_bounds(doc.text.index("10"))
    (5, 18)
    >>> doc.period_bounds(doc.text.index("10"))
    (5, 23)
    >>> doc.text[doc.clause_start(doc.text.index("10")) : doc.text.index("10")]
    '办结'
    >>> doc.section_at(doc.text.index("12"))
    ('一、概况',)
"""

from __future__ import annotations

import bisect
import re
from typing import Final

import attrs

from .. import vocab
from ..numerals import normalize, read_view
from . import masks

__all__ = ["CLAUSE_END", "PERIOD_END", "SENTENCE_END", "Document", "Sections"]

#: Sentence boundaries (a statement's clauses end there).
SENTENCE_END: Final = frozenset("。;；!！?？\n")
#: Full-stop boundaries (a balance or an enumeration after a colon may cross a ;).
PERIOD_END: Final = frozenset("。!！?？\n")
#: Clause boundaries.
CLAUSE_END: Final = frozenset("。;；!！?？\n,，、:：|")
#: What ends a phrase: a clause end but 、 (a phrase may list several nouns).
_PHRASE_STOPS: Final = CLAUSE_END - {"、"}

_CELL_SEP_RE: Final = re.compile("[|\t]")
_CLAUSE_RE: Final = re.compile("[。;；!！?？\n,，、:：|]")
#: The start of a 一是/二是 item or a (1) item: where a rate's count may be looked for
#: (``[一二三四五六七八九十]是|[(（]\d{1,2}[)）]|\n``, opened by the class of its first
#: characters so that the engine skips every other character at full speed).
_ITEM_RE: Final = re.compile(
    r"[一二三四五六七八九十(（\n]"
    r"(?:(?<=[一二三四五六七八九十])是|(?<=[(（])\d{1,2}[)）]|(?<=\n))"
)

#: A reading written after a character in brackets by some converters (結(jié)轉(zhuǎn)): not
#: part of the words, so 上年结(jié)转(zhuǎn) still reads 上年结转.
_ANNOTATION_RE: Final = re.compile(r"(?<=[\u4e00-\u9fff])\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")

#: Windows (in characters) of the boundary lookups, as the readers always had them.
CLAUSE_WINDOW: Final = 60
SENTENCE_WINDOW: Final = 400
CONTEXT_WINDOW: Final = 120
ITEM_WINDOW: Final = 600

#: What a title line calls the document (报告, 年报, a statistics 通报 ...).
_TITLE_KIND_RE: Final = re.compile(vocab.or_regex(vocab.REPORT_KIND_WORDS))
_TITLE_WORDS_RE: Final = re.compile(vocab.or_regex(vocab.TITLE_WORDS))
_TITLE_STOPS: Final = frozenset(",，。;；")


def _positions(rx: re.Pattern[str], text: str) -> list[int]:
    return [m.start() for m in rx.finditer(text)]


def _lines(norm: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(norm)
    while True:
        nl = norm.find("\n", pos)
        if nl < 0:
            out.append((pos, n))
            return out
        out.append((pos, nl))
        pos = nl + 1


def _title_span(norm: str, lines: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The title line: an early short line that names a report on the rule of law."""
    for a, b in lines[:40]:
        raw = norm[a:b]
        line = raw.strip()
        if (
            not line
            or len(line) > 90
            or masks.FURNITURE_RE.search(line)
            or any(ch in _TITLE_STOPS for ch in line)
        ):
            continue
        if _TITLE_KIND_RE.search(line) and _TITLE_WORDS_RE.search(line):
            start = a + len(raw) - len(raw.lstrip())
            return (start, start + len(line))
    return None


def _table_lines(norm: str, lines: list[tuple[int, int]], line_starts: list[int]) -> frozenset[int]:
    """The starts of the lines that are table rows (only lines with a | or a tab can be)."""
    candidates = {
        bisect.bisect_right(line_starts, m.start()) - 1 for m in _CELL_SEP_RE.finditer(norm)
    }
    return frozenset(lines[i][0] for i in candidates if i >= 0 and is_table_line(norm, *lines[i]))


def is_table_line(norm: str, a: int, b: int) -> bool:
    """A row of a table: cells split by ``|`` (two or more, or one after a label) or tabs.

    Examples:
        >>> is_table_line("规章 | 0 | 0", 0, 10), is_table_line("行政许可 | 4736", 0, 11)
        (True, True)
        >>> is_table_line("本年新收申请数量" + chr(9) + "146", 0, 12)
        True
        >>> is_table_line("首页 | 新闻", 0, 7)
        False
    """
    pipes = norm.count("|", a, b)
    if pipes >= 2 or norm.count("\t", a, b) >= 1:
        return True
    if pipes == 1:
        # 行政许可 | 4736: one label cell, one number cell
        right = norm[norm.find("|", a, b) + 1 : b].strip()
        return bool(right) and right.replace(".", "", 1).isdigit()
    return False


class Sections:
    """Heading paths by offset (``一、…`` > ``(一)…`` > ``1.…``)."""

    def __init__(self, norm: str, lines: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.paths: list[tuple[str, ...]] = []
        stack: list[str | None] = [None, None, None]
        ends = dict(lines)
        for m in masks.HEADING_RE.finditer(norm):
            a = m.start()
            level = 0 if m.group(1) else 1 if m.group(2) else 2
            body = norm[a : ends.get(a, len(norm))].strip()
            for stop in ("。", ";", "；"):
                k = body.find(stop)
                if k > 0:
                    body = body[:k]
            stack[level] = body[:60]
            for deeper in range(level + 1, len(stack)):
                stack[deeper] = None
            self.starts.append(a)
            self.paths.append(tuple(x for x in stack if x))

    def at(self, pos: int) -> tuple[str, ...]:
        """The heading path in force at ``pos``."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.paths[i] if i >= 0 else ()


@attrs.frozen(kw_only=True, eq=False)
class Document:
    """A report's text and its structure (see the module docstring).

    Attributes:
        text: The original text; quotes are cut from it.
        norm: The normalised text, as long as ``text``.
        read: The scanner's view of it (financial numerals read as ordinary ones, see
            :func:`~lawgov_metrics.numerals.read_view`), as long as ``text``.
        lines: ``(start, end)`` of every line (end excludes the line break).
        line_starts: The start of every line, for bisection.
        sentence_ends: Offsets of the sentence boundaries, sorted.
        period_ends: Offsets of the full-stop boundaries, sorted.
        clause_ends: Offsets of the clause boundaries, sorted.
        item_ends: Ends of the 一是/(1)/line-break item markers, sorted.
        title_span: The title line, when there is one.
        sections: The heading paths.
        table_lines: Starts of the lines that are table rows.
        blocked: One byte per character, non-zero where no figure may start.
    """

    text: str
    norm: str
    read: str
    lines: list[tuple[int, int]]
    line_starts: list[int]
    sentence_ends: list[int]
    period_ends: list[int]
    clause_ends: list[int]
    item_ends: list[int]
    title_span: tuple[int, int] | None
    sections: Sections
    table_lines: frozenset[int]
    blocked: bytes

    @classmethod
    def build(cls, text: str) -> Document:
        """Normalise ``text`` and find its structure, once."""
        norm = normalize(text)
        lines = _lines(norm)
        line_starts = [a for a, _ in lines]
        title = _title_span(norm, lines)
        # one scan for every boundary; the coarser ones are among the clause ends
        clause_ends = _positions(_CLAUSE_RE, norm)
        sentence_ends = [i for i in clause_ends if norm[i] in SENTENCE_END]
        period_ends = [i for i in sentence_ends if norm[i] in PERIOD_END]
        return cls(
            text=text,
            norm=norm,
            read=read_view(norm),
            lines=lines,
            line_starts=line_starts,
            sentence_ends=sentence_ends,
            period_ends=period_ends,
            clause_ends=clause_ends,
            item_ends=[m.end() for m in _ITEM_RE.finditer(norm)],
            title_span=title,
            sections=Sections(norm, lines),
            table_lines=_table_lines(norm, lines, line_starts),
            blocked=masks.build(norm, lines, title),
        )

    # -- lookups -----------------------------------------------------------------------

    def line_of(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the line holding ``pos``."""
        i = bisect.bisect_right(self.line_starts, pos) - 1
        return self.lines[max(i, 0)]

    def is_table_row(self, pos: int) -> bool:
        """Whether ``pos`` lies on a table row."""
        return self.line_of(pos)[0] in self.table_lines

    def clause_start(self, pos: int, floor: int = 0) -> int:
        """Where the clause holding ``pos`` starts (at most 60 characters back, never before
        ``floor``)."""
        lo = max(floor, pos - CLAUSE_WINDOW)
        ends = self.clause_ends
        i = bisect.bisect_left(ends, pos) - 1
        if i >= 0 and ends[i] >= lo:
            return ends[i] + 1
        return lo

    def phrase_start(self, pos: int) -> int:
        """Where the phrase holding ``pos`` starts: after the last comma or stop before it,
        across 、 and brackets (at most 60 characters back). 以调解、和解等方式结案170件 and
        无法提供(不掌握)的48件 are one phrase each, where they are several clauses."""
        norm = self.norm
        a = pos
        lo = max(0, pos - CLAUSE_WINDOW)
        while a > lo and norm[a - 1] not in _PHRASE_STOPS:
            a -= 1
        return a

    def clause_end(self, pos: int) -> int:
        """The first clause boundary at or after ``pos`` (the text's end when none)."""
        ends = self.clause_ends
        i = bisect.bisect_left(ends, pos)
        return ends[i] if i < len(ends) else len(self.norm)

    @staticmethod
    def _bounds(ends: list[int], pos: int, window: int, n: int) -> tuple[int, int]:
        lo = max(0, pos - window)
        hi = min(n, pos + window)
        i = bisect.bisect_left(ends, pos)
        a = ends[i - 1] + 1 if i > 0 and ends[i - 1] >= lo else lo
        b = ends[i] if i < len(ends) and ends[i] < hi else hi
        return a, b

    def sentence_bounds(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the sentence holding ``pos`` (at most 400 characters each way;
        ``end`` is the boundary character's offset)."""
        return self._bounds(self.sentence_ends, pos, SENTENCE_WINDOW, len(self.norm))

    def period_bounds(self, pos: int) -> tuple[int, int]:
        """``(start, end)`` of the full sentence (up to 。) holding ``pos``."""
        return self._bounds(self.period_ends, pos, SENTENCE_WINDOW, len(self.norm))

    def has_sentence_end(self, a: int, b: int) -> bool:
        """Whether a sentence boundary lies in ``[a, b)``."""
        ends = self.sentence_ends
        i = bisect.bisect_left(ends, a)
        return i < len(ends) and ends[i] < b

    def has_clause_end(self, a: int, b: int) -> bool:
        """Whether a clause boundary lies in ``[a, b)``."""
        ends = self.clause_ends
        i = bisect.bisect_left(ends, a)
        return i < len(ends) and ends[i] < b

    def item_start(self, pos: int) -> int:
        """Start of the 一是/二是 item (or line) holding ``pos`` (at most 600 back)."""
        lo = max(0, pos - ITEM_WINDOW)
        ends = self.item_ends
        i = bisect.bisect_right(ends, pos) - 1
        return ends[i] if i >= 0 and ends[i] > lo else lo

    def context_span(self, start: int, end: int) -> tuple[int, int]:
        """The span of :meth:`context` (before stripping)."""
        n = len(self.norm)
        a, _ = self._bounds(self.sentence_ends, start, CONTEXT_WINDOW, n)
        _, b = self._bounds(self.sentence_ends, end, CONTEXT_WINDOW, n)
        if b < n and self.norm[b] in "。;；!！?？":
            b += 1
        return a, b

    def context(self, start: int, end: int) -> str:
        """The sentence around ``[start, end)`` in the original text, for display."""
        a, b = self.context_span(start, end)
        return self.text[a:b].strip()

    def section_at(self, pos: int) -> tuple[str, ...]:
        """The heading path in force at ``pos``."""
        return self.sections.at(pos)

    def words(self, a: int, b: int) -> str:
        """``norm[a:b]`` without readings in brackets (結(jié) -> 结), for matching words.

        Examples:
            >>> doc = Document.build("上年結(jié)轉(zhuǎn)42宗")
            >>> doc.words(0, len(doc.text))
            '上年结转42宗'
        """
        seg = self.norm[a:b]
        return _ANNOTATION_RE.sub("", seg) if "(" in seg else seg

    def in_parens(self, pos: int, lo: int) -> bool:
        """Whether ``pos`` lies inside a bracket opened in ``[lo, pos)`` and not closed."""
        seg = self.words(lo, pos)
        opened = max(seg.rfind("("), seg.rfind("（"))
        return opened >= 0 and max(seg.rfind(")"), seg.rfind("）")) < opened
