"""Generic table readers: HTML ``<table>`` and text tables to :class:`~lawgov_metrics.Grid`.

* :func:`html_grids` reads the data tables of an HTML page with their ``rowspan`` and
  ``colspan`` resolved (see :mod:`lawgov_metrics.reading.html`); cell spans point into
  :func:`~lawgov_metrics.reading.html.html_to_text` of the page, the text a report read
  from that page has.
* :func:`text_grids` reads tables written in text, as they arrive from copy-paste and
  PDF-to-text:

  - pipe rows (``规章 | 0 | 0 | 0``, markdown with or without outer pipes and a ``|---|``
    row, or two short cells: ``行政许可 | 4736``, ``信息内容 | 本年处理决定数量``);
  - tab-separated rows;
  - rows aligned by runs of two or more spaces, and rows of a label followed by two or more
    numbers separated by single spaces (``规章 0 0 0``).

  Consecutive rows of one kind make one table; one or two short label lines between them
  (``三、本年度办理结果``, ``第二十条第（五）项``) are rows of it, a section heading
  (``四、…情况``) or a blank line ends it. Outer pipes are dropped only when every row of
  the table has them, so an empty first cell is never lost.

Every cell keeps its text as written, its place in the grid and its span in the text
(``text[start:end] == cell.text``). A cell that is one number has its exact value
(:func:`cell_content`); a blank cell and the marks ``/ - — 无`` keep the mark and no value.

Examples:
    >>> from lawgov_metrics.reading.grids import text_grids
    >>> text = "信息内容 | 本年制发件数 | 现行有效件数\\n规章 | / | 12\\n"
    >>> [(c.text, c.value, c.mark) for c in text_grids(text)[0].cells[3:]]
    [('规章', None, None), ('/', None, '/'), ('12', Decimal('12'), None)]
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Final

from ..errors import ParseError
from ..numerals import normalize, parse_quantity
from ..tables import Grid, GridCell
from .figures import NOT_FIGURE_UNITS

__all__ = ["cell_content", "gap_labels", "html_grids", "text_grids"]

_MARKS: Final = {
    "": "", "/": "/", "-": "-", "—": "—", "——": "—", "--": "-", "―": "—", "–": "-",
    "─": "—", "无": "无", "無": "无", "\\": "/",
}  # fmt: skip
_DIGIT_RE: Final = re.compile(r"\d")
_SENTENCE_END: Final = frozenset("。;!?")
_SENTENCE_RE: Final = re.compile(r"[。;!?]")
_SPACED_NUMBERS_RE: Final = re.compile(r"\S \S+ \S")
_SECTION_RE: Final = re.compile(
    r"^\s*[一二三四五六七八九十]{1,3}\s*、.{0,40}(?:情况|问题|事项)\s*$"
)
_SEPARATOR_RE: Final = re.compile(r"^\s*\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?\s*$")
_SPACES_RE: Final = re.compile(r" {2,}")
_TOKEN: Final = r"(?:[-+]?\d[\d,]*(?:\.\d+)?%?|/|-|—|无)"
_SINGLE_SPACE_RE: Final = re.compile(
    rf"^(?P<label>[^\s\d][^\n]*?[^\s\d.,])(?P<values>(?: +{_TOKEN}){{2,}}) *$"
)
_CJK_RE: Final = re.compile(r"[\u4e00-\u9fff]")
_MAX_HELD: Final = 2
_MAX_LABEL_LINE: Final = 40
_MAX_SPACE_CELL: Final = 60
#: Lines longer than this are not tried against the backtracking patterns (prose, not rows).
_MAX_REGEX_LINE: Final = 300


def cell_content(text: str) -> tuple[Decimal | None, str, str | None]:
    """What one cell holds: ``(value, unit, mark)``.

    A number (with at most a unit or qualifier, ``"1,234"``, ``"75件"``, ``"１２"``) gives
    its exact value and unit; a blank or one of ``/ - — 无`` gives its mark; anything else
    (a label, a date, text with several numbers) gives ``(None, "", None)``.

    Examples:
        >>> cell_content("1,234"), cell_content(" 75件 ")
        ((Decimal('1234'), '', None), (Decimal('75'), '件', None))
        >>> cell_content("／"), cell_content(""), cell_content("2023年")
        ((None, '', '/'), (None, '', ''), (None, '', None))
    """
    t = text.strip()
    n = normalize(t).strip()
    mark = _MARKS.get(n)
    if mark is not None:
        return None, "", mark
    if not _DIGIT_RE.search(n) or len(n) > 40:
        return None, "", None
    try:
        q = parse_quantity(t)
    except ParseError:
        return None, "", None
    if q.unit in NOT_FIGURE_UNITS or not q.value.is_finite():
        return None, "", None
    return q.value, q.unit, None


def html_grids(html_text: str) -> list[Grid]:
    """The data tables of an HTML page, spans resolved; cell spans point into
    ``html_to_text(html_text)``.

    Examples:
        >>> g = html_grids("<table><tr><td colspan=2>行政复议</td></tr>"
        ...                "<tr><td>维持</td><td>纠正</td></tr></table>")[0]
        >>> [(c.text, c.row, c.column, c.col_span) for c in g.cells]
        [('行政复议', 0, 0, 2), ('维持', 1, 0, 1), ('纠正', 1, 1, 1)]
    """
    from .html import render_html

    return list(render_html(html_text).grids)


# -- text tables -------------------------------------------------------------------------

_Piece = tuple[int, int]  # raw (unstripped) cell extent in the text


def _split_at(norm: str, a: int, b: int, sep: str) -> list[_Piece]:
    out: list[_Piece] = []
    pos = a
    while True:
        k = norm.find(sep, pos, b)
        if k < 0:
            out.append((pos, b))
            return out
        out.append((pos, k))
        pos = k + len(sep)


def _split_spaces(norm: str, a: int, b: int) -> list[_Piece]:
    out: list[_Piece] = []
    pos = a
    for m in _SPACES_RE.finditer(norm, a, b):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, b))
    return [p for p in out if norm[p[0] : p[1]].strip()]


def _is_value(norm: str, p: _Piece) -> bool:
    cell = norm[p[0] : p[1]].strip()
    return cell in _MARKS or bool(re.fullmatch(_TOKEN + r"\s*\S{0,2}", cell))


def _classify(norm: str, a: int, b: int, open_kind: str = "") -> tuple[str, list[_Piece]] | None:
    """The kind of table line and its raw cells, or ``None`` when it is no table line.

    ``open_kind`` is the kind of the table the line would continue: a line of tabs only is
    a row of blank cells of an open tab table (a row left blank), and no table line else.
    """
    line = norm[a:b]
    if "|" in line:
        if len(line) <= _MAX_REGEX_LINE and _SEPARATOR_RE.match(line):
            return "pipe", []
        pieces = _split_at(norm, a, b, "|")
        if len(pieces) >= 3:
            return "pipe", pieces
        left = norm[pieces[0][0] : pieces[0][1]].strip()
        right = norm[pieces[1][0] : pieces[1][1]].strip()
        short = len(left) <= _MAX_LABEL_LINE and len(right) <= _MAX_LABEL_LINE
        if left and right and (_is_value(norm, pieces[1]) or short):
            return "pipe", pieces  # 行政许可 | 4736, or a header 信息内容 | 本年处理决定数量
        return None
    if "\t" in line:
        pieces = _split_at(norm, a, b, "\t")
        filled = any(norm[p[0] : p[1]].strip() for p in pieces)
        if len(pieces) >= 2 and (filled or (open_kind == "tab" and len(pieces) >= 3)):
            return "tab", pieces
        return None
    if "  " not in line and not _SPACED_NUMBERS_RE.search(line):
        return None  # neither aligned cells nor a label with numbers
    if _SENTENCE_RE.search(line):
        return None
    pieces = _split_spaces(norm, a, b)
    if len(pieces) >= 2 and all(p[1] - p[0] <= _MAX_SPACE_CELL for p in pieces):
        return "space", pieces
    m = _SINGLE_SPACE_RE.match(line) if len(line) <= _MAX_REGEX_LINE else None
    if m and _CJK_RE.search(m.group("label")):
        label = (a + m.start("label"), a + m.end("label"))
        vals = a + m.start("values")
        return "space", [label, *_split_spaces_single(norm, vals, b)]
    return None


def _split_spaces_single(norm: str, a: int, b: int) -> list[_Piece]:
    return [(a + m.start(), a + m.end()) for m in re.finditer(r"\S+", norm[a:b])]


def _label_line(norm: str, a: int, b: int) -> bool:
    line = norm[a:b].strip()
    return (
        0 < len(line) <= _MAX_LABEL_LINE
        and not any(ch in _SENTENCE_END or ch == "," for ch in line)
        and not _SECTION_RE.match(line)
    )


def gap_labels(text: str, start: int, end: int) -> list[tuple[int, int]] | None:
    """The label lines between two tables, when nothing else is there.

    ``text[start:end]`` may hold blank lines, pipes (the rest of a pipe row) and at most
    two short label lines (as between the rows of one table: ``（五）不予处理``), and no
    section heading. Returns the spans of those label lines (stripped), or ``None`` when
    anything else is there: then the two tables are apart.

    Examples:
        >>> gap_labels("0 |\\n\\n（五）不予处理\\n\\n| 1", 1, 16)
        [(5, 12)]
        >>> gap_labels("0\\n四、结转情况\\n1", 1, 10) is None
        True
    """
    norm = normalize(text[start:end])
    out: list[tuple[int, int]] = []
    for a, b in _lines(norm):
        if not norm[a:b].replace("|", "").strip():
            continue
        if len(out) >= _MAX_HELD or not _label_line(norm, a, b) or "|" in norm[a:b]:
            return None
        _t, (x, y) = _strip(norm, norm, (a, b))
        out.append((start + x, start + y))
    return out


def _lines(norm: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(norm)
    while pos <= n:
        k = norm.find("\n", pos)
        if k < 0:
            out.append((pos, n))
            break
        end = k - 1 if k > pos and norm[k - 1] == "\r" else k
        out.append((pos, end))
        pos = k + 1
    return out


def text_grids(text: str, *, empty: bool = False) -> list[Grid]:
    """The tables written in a text (see the module docstring).

    Args:
        text: The report text.
        empty: Also return the tables without a number: every value cell a mark or blank
            (a template table of ``/`` only is still the table), or labels only (a header
            written apart from its rows).

    Returns:
        The tables with at least one number cell (with ``empty``, every table), in text
        order.

    Examples:
        >>> g = text_grids("说明\\n项目\\t自然人\\t总计\\n本年新收\\t139\\t146\\n")[0]
        >>> g.source, [c.text for c in g.rows()[1]], g.at(1, 2).span
        ('tab', ['本年新收', '139', '146'], (22, 25))
    """
    if not isinstance(text, str):
        raise TypeError(f"text_grids() needs a str, got {type(text).__name__}")
    norm = normalize(text)
    blocks: list[tuple[str, list[list[_Piece]]]] = []
    kind = ""
    rows: list[list[_Piece]] = []
    held: list[list[_Piece]] = []

    def close() -> None:
        nonlocal kind, rows, held
        if rows:
            blocks.append((kind, rows))
        kind, rows, held = "", [], []

    for a, b in _lines(norm):
        found = _classify(norm, a, b, kind if rows else "")
        if found is not None:
            k, pieces = found
            if rows and k != kind:
                close()
            if rows and held:
                rows.extend(held)
            held = []
            kind = k
            if pieces:
                rows.append(pieces)
            continue
        if rows and len(held) < _MAX_HELD and _label_line(norm, a, b):
            held.append([(a, b)])
            continue
        close()
    close()
    grids = [g for k, rs in blocks if (g := _grid(text, norm, k, rs)) is not None]
    return grids if empty else [g for g in grids if any(c.is_number for c in g.cells)]


def _strip(text: str, norm: str, p: _Piece) -> tuple[str, tuple[int, int]]:
    a, b = p
    while a < b and norm[a].isspace():
        a += 1
    while b > a and norm[b - 1].isspace():
        b -= 1
    return text[a:b], (a, b)


def _grid(text: str, norm: str, kind: str, rows: list[list[_Piece]]) -> Grid | None:
    if kind == "pipe":
        multi = [r for r in rows if len(r) > 1]
        lead = bool(multi) and all(not norm[r[0][0] : r[0][1]].strip() for r in multi)
        trail = bool(multi) and all(not norm[r[-1][0] : r[-1][1]].strip() for r in multi)
        rows = [r[(1 if lead else 0) : (len(r) - 1 if trail else len(r))] if len(r) > 1 else r
                for r in rows]  # fmt: skip
    cells: list[GridCell] = []
    width = 0
    for i, row in enumerate(rows):
        for j, p in enumerate(row):
            t, span = _strip(text, norm, p)
            value, unit, mark = cell_content(t)
            cells.append(
                GridCell(text=t, row=i, column=j, span=span, value=value, unit=unit, mark=mark)
            )
        width = max(width, len(row))
    if not cells:
        return None
    start = min(c.span[0] for c in cells)
    end = max(c.span[1] for c in cells)
    return Grid(cells=cells, n_rows=len(rows), n_columns=width, span=(start, end), source=kind)
