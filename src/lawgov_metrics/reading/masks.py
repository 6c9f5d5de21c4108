"""Where no figure starts: dates, names, document numbers, headings, page furniture.

:func:`build` returns one byte per character of the normalised text, non-zero where a
number is not a figure: page furniture lines (分享到, 字体, 访问量 …), the title line, text in
《》 and in short “…” quotes, dates, years, document numbers, versions, formulas (``5+6``),
ordinals (第二批), list markers and heading numbers.

Every pattern here runs in time linear in the text: a pattern that starts with an unbounded
run of digits only starts where the run starts (a lookbehind guard) and takes it
possessively, so ``"1" * 100000`` is scanned once, not once per digit.

Examples:
    >>> from lawgov_metrics.numerals import normalize
    >>> norm = normalize("2023年,〔2022〕6号,办理12件")
    >>> blocked = build(norm, [(0, len(norm))], None)
    >>> [norm[i] for i in range(len(norm)) if not blocked[i] and norm[i].isdigit()]
    ['1', '2']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import Final

from .. import vocab

__all__ = [
    "FURNITURE_RE",
    "HEADING_MARK",
    "HEADING_RE",
    "LIST_MARKER_RE",
    "NOT_FIGURE_RES",
    "build",
]

#: Dates, times, years, ranges of months, document numbers, versions, formulas, names.
#:
#: Three scans, by the first character of what they mask: digits, Latin letters, brackets
#: and 第. Each opens with a lookahead on that character, so the regular-expression engine
#: skips everything else at full speed, and an unbounded run of digits or letters is only
#: tried where the run starts and taken possessively: ``"1" * 100000`` is scanned once.
NOT_FIGURE_RES: Final = (
    re.compile(
        r"(?=[0-9])(?<![0-9])(?:"
        r"[0-9]{2,4}\s?年(?:度|底|初|末|中|前|后|以来)?"
        r"|[0-9]{1,2}\s?[-—–~至到]\s?[0-9]{1,2}\s?月"
        r"|[0-9]{1,2}\s?月(?:份|\s?[0-9]{1,2}\s?[日号])?"
        r"|[0-9]{1,2}\s?[日号](?:起|前|后|至)?"
        r"|(?:19|20)[0-9]{2}(?:[-/](?:0?[1-9]|1[0-2])(?:[-/][0-9]{1,2})?"
        r"|\.(?:0?[1-9]|1[0-2])\.[0-9]{1,2})(?![0-9])"
        r"|[0-9]{1,2}:[0-9]{2}(?::[0-9]{2})?"
        r"|1[12][0-9]{3}(?=\s?(?:热线|市民|服务|政务|便民|平台|电话|专线))"
        r"|[0-9]++(?:\s?号|[A-Za-z]+|\s?\+\s?(?:[0-9]+|[A-Za-z]))"
        r"|(?<![0-9]\.)[0-9]++(?:(?:\.[0-9]++)++\s?(?:版|方案|版本|时代)|\.[0-9]++\.[0-9]++)"
        r")"
    ),
    re.compile(r"(?=[A-Za-z])(?:(?<![A-Za-z])[A-Za-z]++[0-9]+|[A-Za-z]\s?\+\s?[0-9]+)"),
    re.compile(
        r"(?=[〔\[［【(（第])(?:[〔\[［【(（]\s?[0-9]{4}\s?[〕\]］】)）]\s?[0-9]*+\s?号?"
        r"|第\s?[0-9一二三四五六七八九十百千两]++)"
    ),
)

#: Page furniture lines (dropped before any figure is looked for).
#: One flat alternation of literals (longest first within each list; no word of one list
#: starts where a word of the other can), which the engine scans by its first characters.
FURNITURE_RE: Final = re.compile(
    "|".join(
        [
            *(re.escape(w) for w in sorted(set(vocab.FURNITURE_WORDS), key=lambda w: (-len(w), w))),
            *(
                re.escape(w) + r"\s?[:：]"
                for w in sorted(set(vocab.FURNITURE_LABELS), key=lambda w: (-len(w), w))
            ),
            r"【\s*字体",
        ]
    )
)
assert not {w[0] for w in vocab.FURNITURE_WORDS} & {w[0] for w in vocab.FURNITURE_LABELS}

#: The marker of a heading at the start of a line, by level: ``一、…``, ``(三)…`` /
#: ``（三）…``, ``1.…`` (group 1, 2 or 3).
HEADING_MARK: Final = (
    r"(?:([一二三四五六七八九十]{1,3}、)|([(（][一二三四五六七八九十]{1,3}[)）])"
    r"|([0-9]{1,2}[.．、](?![0-9])))"
)
#: A heading line's marker, over the whole text at once.
HEADING_RE: Final = re.compile(r"^[ \t]*+" + HEADING_MARK, re.M)

#: List markers inside a line: ``(1)``, ``（2）``.
LIST_MARKER_RE: Final = re.compile(r"(?=[(（])[(（]\s?[0-9]{1,2}\s?[)）]")


def _one_scan(*patterns: re.Pattern[str]) -> re.Pattern[str]:
    """``patterns`` (each opened by a lookahead on its first characters) as one scan."""
    firsts = ""
    bodies = []
    for rx in patterns:
        head, _, body = rx.pattern.partition("]")
        firsts += head.removeprefix("(?=[")
        bodies.append(body.removeprefix(")"))
    return re.compile(f"(?=[{firsts}])(?:{'|'.join(bodies)})")


#: The not-a-figure patterns and the list markers in one scan: every scan of the text costs
#: about as much as any other, whatever it looks for.
_NOT_FIGURE_RE: Final = _one_scan(*NOT_FIGURE_RES, LIST_MARKER_RE)

#: Quoting marks, their closing mark and the longest quote they mask.
_OPEN_CLOSE: Final = (("《", "》", 120), ("“", "”", 40), ("「", "」", 40), ("『", "』", 40),
                      ("‘", "’", 30), ("〈", "〉", 60))  # fmt: skip
_FURNITURE_LINE: Final = 160
_STRAIGHT_QUOTE: Final = 40


def build(norm: str, lines: list[tuple[int, int]], title_span: tuple[int, int] | None) -> bytes:
    """The mask of ``norm``: one byte per character, 1 where no figure may start.

    Args:
        norm: The normalised text.
        lines: ``(start, end)`` of its lines.
        title_span: The title line, masked whole.

    Returns:
        The mask, ``len(norm)`` bytes.
    """
    n = len(norm)
    blocked = bytearray(n)

    def block(a: int, b: int) -> None:
        blocked[a:b] = b"\x01" * (b - a)

    starts = [a for a, _ in lines]
    for m in FURNITURE_RE.finditer(norm):
        a, b = lines[max(0, bisect.bisect_right(starts, m.start()) - 1)]
        if b - a < _FURNITURE_LINE:
            block(a, b)
    for m in HEADING_RE.finditer(norm):
        k = m.lastindex or 1
        block(m.start(k), m.end(k))
    _block_straight_quotes(norm, block)
    if title_span is not None:
        block(*title_span)
    for op, cl, limit in _OPEN_CLOSE:
        pos = norm.find(op)
        while pos >= 0:
            j = norm.find(cl, pos + 1, pos + 1 + limit)
            if j >= 0 and norm.find("\n", pos + 1, j) < 0:
                block(pos, j + 1)
                pos = norm.find(op, j + 1)
            else:
                pos = norm.find(op, pos + 1)
    for m in _NOT_FIGURE_RE.finditer(norm):
        block(m.start(), m.end())
    return bytes(blocked)


def _block_straight_quotes(norm: str, block: Callable[[int, int], None]) -> None:
    """Mask short ``"…"`` quotes, pairing the marks line by line."""
    n = len(norm)
    pos = norm.find('"')
    eol = -1
    while pos >= 0:
        if pos > eol:
            eol = norm.find("\n", pos)
            eol = n if eol < 0 else eol
        j = norm.find('"', pos + 1, eol)
        if j < 0 or j - pos > _STRAIGHT_QUOTE:
            # the line's pairing stops at its last mark or at a long quote
            pos = norm.find('"', eol)
            continue
        block(pos, j + 1)
        pos = norm.find('"', j + 1)
