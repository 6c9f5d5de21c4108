"""HTML pages to text, their data tables written as pipe rows.

The page is parsed by `selectolax <https://github.com/rushter/selectolax>`_ (the lexbor
engine), which builds the tree exactly as a browser does (WHATWG tree construction:
implicit ``<tbody>``, misnested and unclosed tags, stray text in tables), has no depth limit
that would drop deeply nested text, and is fast enough for the 100 KB pages of government
sites.

:func:`html_to_text` keeps the promises of the text reader before it: text order is kept,
block elements become line breaks, scripts, styles and the ``<head>`` are dropped, and runs
of blank lines collapse to one blank line. What is new is the tables:

* A *data table* (every cell short, no table inside a cell, at least two columns) is
  written one line per row, its cells joined by ``" | "``. Its row and column spans are
  resolved on the grid: a cell spanning several rows or columns is written once, in its
  top-left slot, and every other slot it covers is written as an empty cell. Every line of
  a table therefore has the same number of cells, and the k-th cell of a line is the k-th
  column of the grid. A cell's text is its text content with whitespace runs (line breaks,
  ``&nbsp;``, ideographic spaces) collapsed to one space, and ``|`` written as ``¦``.
* A *layout table* (a page laid out with ``<table>``, long text or tables in its cells) is
  written like any other block content: each cell its own block.

:func:`render_html` gives the text with the data tables as
:class:`~lawgov_metrics.tables.Grid` records (true ``rowspan``/``colspan``) whose cell spans
point into that text.

Examples:
    >>> from lawgov_metrics.reading.html import html_to_text
    >>> html_to_text("<div>甲<b>乙</b></div><p>丙&amp;丁</p><style>p{}</style>")
    '甲乙\\n\\n丙&丁'
    >>> print(html_to_text("<table><tr><td rowspan=2>规章</td><td>制发</td><td>废止</td></tr>"
    ...                    "<tr><td>3</td><td>1</td></tr></table>"))
    规章 | 制发 | 废止
     | 3 | 1
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final

import attrs

from ..tables import Grid, GridCell
from .grids import cell_content

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

__all__ = ["Rendered", "html_to_text", "render_html"]

_BLOCK_TAGS: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tbody", "thead", "tfoot", "tr", "ul", "td", "th", "caption",
    }
)  # fmt: skip
_SKIP_TAGS: Final = frozenset(
    {"script", "style", "noscript", "template", "svg", "head", "title", "iframe", "object"}
)
_CELL_TAGS: Final = frozenset({"td", "th"})
_BLANKS_RE: Final = re.compile(r"[ \t\r\f\v]*\n[\s]*\n[ \t\r\f\v]*")
_SPACE_RE: Final = re.compile(r"\s+")
#: A data table's cells are at most this long (longer: the table lays out a page).
_MAX_CELL: Final = 120
#: A data table is at most this wide (wider: read as layout, so output stays linear).
_MAX_WIDTH: Final = 200
_MAX_SPAN: Final = 1000
#: Slots a data table may cover beyond four per cell (more: read as layout, stays linear).
_SLOT_BUDGET: Final = 20_000


def _grid_tuple(value: Iterable[Grid]) -> tuple[Grid, ...]:
    return tuple(value)


@attrs.frozen(kw_only=True)
class Rendered:
    """A page as text, with its data tables.

    Attributes:
        text: What :func:`html_to_text` returns.
        grids: The data tables, their cell spans pointing into ``text``.
    """

    text: str
    grids: tuple[Grid, ...] = attrs.field(default=(), converter=_grid_tuple)


def html_to_text(html_text: str) -> str:
    """Strip markup from an HTML page, keeping text order; blocks become line breaks.

    Scripts, styles and the ``<head>`` are dropped; runs of blank lines collapse to one
    blank line; data tables become pipe rows (see the module docstring).

    Args:
        html_text: The page source.

    Returns:
        Plain text.

    Examples:
        >>> html_to_text("<p>办理案件12件</p><script>x=5件</script>")
        '办理案件12件'
    """
    return render_html(html_text).text


def _span_number(value: str | None, limit: int) -> int:
    """A rowspan/colspan as browsers read it: leading digits, at least 1, at most limit."""
    m = re.match(r"\s*(\d+)", value or "")
    if not m:
        return 1
    return max(1, min(int(m.group(1)[:6]), limit))


class _Writer:
    """Text outside data tables, in segments between them, and the tables' own text.

    Blank-line runs are collapsed in the segments only, so a table's text (and the offsets
    of its cells within it) is never touched.
    """

    def __init__(self) -> None:
        self.segments: list[list[str]] = [[]]
        self.tables: list[str] = []

    def write(self, s: str) -> None:
        if s:
            self.segments[-1].append(s)

    def table(self, text: str) -> None:
        self.tables.append(text)
        self.segments.append([])

    def finish(self) -> tuple[str, list[int]]:
        """The text, and where each table starts in it."""
        out: list[str] = []
        starts: list[int] = []
        pos = 0
        last = len(self.segments) - 1
        for k, seg in enumerate(self.segments):
            s = _BLANKS_RE.sub("\n\n", "".join(seg))
            if k == 0:
                s = s.lstrip()
            if k == last:
                s = s.rstrip()
            out.append(s)
            pos += len(s)
            if k < len(self.tables):
                starts.append(pos)
                out.append(self.tables[k])
                pos += len(self.tables[k])
        return "".join(out), starts


def _children(node: LexborNode) -> list[LexborNode]:
    return list(node.iter(include_text=True))


def _text_of(node: LexborNode) -> str:
    """The text content of a cell, skipping scripts and styles, blocks as spaces."""
    out: list[str] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if n.is_text_node:
            out.append(n.text_content or "")
            continue
        if not n.is_element_node:
            continue
        tag = n.tag or ""
        if tag in _SKIP_TAGS:
            continue
        if tag in _BLOCK_TAGS:
            out.append(" ")
        stack.extend(reversed(_children(n)))
    return _SPACE_RE.sub(" ", "".join(out)).strip().replace("|", "¦")


def _rows_of(table: LexborNode) -> list[list[LexborNode]]:
    rows: list[list[LexborNode]] = []
    stack = list(reversed(_children(table)))
    while stack:
        n = stack.pop()
        tag = n.tag or ""
        if tag == "tr":
            rows.append([c for c in _children(n) if (c.tag or "") in _CELL_TAGS])
        elif tag in ("thead", "tbody", "tfoot"):
            stack.extend(reversed(_children(n)))
    return rows


def _has_table(cell: LexborNode) -> bool:
    stack = _children(cell)
    while stack:
        n = stack.pop()
        if (n.tag or "") == "table":
            return True
        if n.is_element_node:
            stack.extend(_children(n))
    return False


_Placed = tuple[int, int, int, int, str]  # row, column, rowspan, colspan, text


def _layout(table: LexborNode) -> tuple[list[_Placed], int, int] | None:
    """The cells placed on the grid, or ``None`` for a layout table."""
    rows = _rows_of(table)
    if not rows:
        return None
    taken: set[tuple[int, int]] = set()
    placed: list[_Placed] = []
    width = 0
    n_rows = len(rows)
    budget = _SLOT_BUDGET + 4 * sum(len(r) for r in rows)
    for i, row in enumerate(rows):
        j = 0
        for cell in row:
            if _has_table(cell):
                return None
            text = _text_of(cell)
            if len(text) > _MAX_CELL:
                return None
            attrs_ = cell.attributes
            rs = _span_number(attrs_.get("rowspan"), n_rows - i)
            cs = _span_number(attrs_.get("colspan"), _MAX_SPAN)
            while (i, j) in taken:
                j += 1
            budget -= rs * cs
            if j + cs > _MAX_WIDTH or budget < 0:
                return None
            for di in range(rs):
                for dj in range(cs):
                    taken.add((i + di, j + dj))
            placed.append((i, j, rs, cs, text))
            j += cs
            width = max(width, j)
    if width < 2 or n_rows * width > _SLOT_BUDGET + 4 * len(placed):
        return None
    return placed, n_rows, width


def _table_text(
    placed: list[_Placed], n_rows: int, width: int
) -> tuple[str, list[tuple[_Placed, int]]]:
    """The pipe rows of a table, and each cell with its offset in them."""
    origin = {(p[0], p[1]): p for p in placed}
    parts: list[str] = []
    out: list[tuple[_Placed, int]] = []
    n = 0
    for i in range(n_rows):
        if i:
            parts.append("\n")
            n += 1
        for j in range(width):
            if j:
                parts.append(" | ")
                n += 3
            p = origin.get((i, j))
            if p is not None:
                out.append((p, n))
                parts.append(p[4])
                n += len(p[4])
    return "".join(parts), out


def render_html(html_text: str) -> Rendered:
    """The page as text, with its data tables as grids (see the module docstring).

    Args:
        html_text: The page source.

    Returns:
        A :class:`Rendered` page. Input the parser cannot take gives the input itself as
        text and no grids.

    Examples:
        >>> r = render_html("<p>表</p><table><tr><th>类别</th><th>数量</th></tr>"
        ...                 "<tr><td>行政复议</td><td>135</td></tr></table>")
        >>> r.text
        '表\\n\\n类别 | 数量\\n行政复议 | 135'
        >>> cell = r.grids[0].at(1, 1)
        >>> cell.value, r.text[cell.span[0]:cell.span[1]]
        (Decimal('135'), '135')
    """
    try:
        from selectolax.lexbor import LexborHTMLParser

        root = LexborHTMLParser(html_text).root
    except Exception:  # the parser refuses some input (e.g. lone surrogates): keep the text
        return Rendered(text=html_text)
    if root is None:
        return Rendered(text="")
    w = _Writer()
    tables: list[tuple[list[tuple[_Placed, int]], int, int, int]] = []
    # (node, closing): closing entries write the block break after an element's content
    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:
        node, closing = stack.pop()
        if closing:
            w.write("\n")
            continue
        tag = node.tag or ""
        if tag == "-text":
            w.write(node.text_content or "")
            continue
        if tag.startswith("-") and tag != "-document":
            continue  # comments, doctypes
        if tag in _SKIP_TAGS:
            continue
        if tag == "table":
            lay = _layout(node)
            if lay is not None:
                placed, n_rows, width = lay
                text, cells = _table_text(placed, n_rows, width)
                w.write("\n")
                w.table(text)
                w.write("\n")
                tables.append((cells, len(text), n_rows, width))
                continue
        if tag in ("br", "hr"):
            w.write("\n")  # a void element: one break
            continue
        block = tag in _BLOCK_TAGS
        if block:
            w.write("\n")
            stack.append((node, True))
        stack.extend((c, False) for c in reversed(_children(node)))
    text, starts = w.finish()
    grids = []
    for (cells, length, n_rows, width), base in zip(tables, starts, strict=True):
        gcells = []
        for (i, j, rs, cs, t), off in cells:
            a = base + off
            value, unit, mark = cell_content(t)
            gcells.append(
                GridCell(
                    text=t, row=i, column=j, row_span=rs, col_span=cs, span=(a, a + len(t)),
                    value=value, unit=unit, mark=mark,
                )
            )  # fmt: skip
        grids.append(
            Grid(
                cells=gcells,
                n_rows=n_rows,
                n_columns=width,
                span=(base, base + length),
                source="html",
            )
        )
    return Rendered(text=text, grids=grids)
