"""Report text to figures, claims and metadata, each with the quote and span it came from.

:func:`extract` is a pure function of the text: it never raises on a ``str`` (empty text,
HTML soup, megabytes of noise), it returns a possibly empty :class:`~lawgov_metrics.Report`.
:func:`read_report` reads a ``.txt`` or ``.html`` file (UTF-8, else GB18030) first.

How it works, in order:

1. The text is *normalised* one character for one character (full-width digits and
   punctuation to ASCII, traditional characters to simplified), so offsets found in the
   normalised text are offsets in the original; quotes are always cut from the original.
2. Page furniture (分享到, 字体, 访问量 …), the title line, text inside 《》 and short “…”
   quotes, dates, years, document numbers, versions, formulas (``5+6``), ordinals (第二批)
   and list markers are *masked*: no figure starts there.
3. Figures are read with one regular expression per numeral system (Arabic with scale words
   and qualifiers, Chinese numerals with a measure word). A bare number without a unit is a
   figure only in a table cell, after a rate word (``答复率100``) or at the end of a clause
   after a word like 为/申请 (``受理申请数量为0``).
4. Subjects come from the clause before the figure (verbs stripped), or from the noun after
   it when the clause before is empty (``组织17个律所党支部``).
5. Claims (growth, share, percentage-point change, breakdown, streak, rank) are read from
   the figures and the words around them.

Examples:
    >>> from lawgov_metrics.extract import extract
    >>> r = extract("2023年,收到行政复议申请786宗,同比增长68.67%。")
    >>> [(f.quote, f.subject, f.kind) for f in r.figures]
    [('786宗', '行政复议申请', 'count'), ('68.67%', '行政复议申请', 'growth')]
    >>> g = r.claims[0]
    >>> g.kind, g.figure.quote, g.rate.value, g.direction
    ('growth', '786宗', Decimal('68.67'), 'up')
    >>> r.year
    2023
"""

from __future__ import annotations

import bisect
import datetime as _dt
import os
import re
from decimal import Decimal
from html.parser import HTMLParser
from typing import Final, Literal

import attrs

from . import _patterns as pat
from .errors import ParseError
from .growth import multiple_factor
from .numerals import QuantityMatch, find_quantities, normalize, parse_number, parse_quantity
from .reading.html import html_to_text
from .reading.report_tables import doc_type_of, merge_figures, read_tables
from .records import (
    Binding,
    BreakdownClaim,
    Claim,
    Figure,
    GrowthClaim,
    PPChangeClaim,
    Quantity,
    RankClaim,
    Report,
    ShareClaim,
    StreakClaim,
)

__all__ = ["extract", "html_to_text", "read_report"]

_RATE_UNITS: Final = frozenset({"%", "‰"})
_CJK_RE: Final = re.compile(r"[\u4e00-\u9fff]")
_MAX_NUMBER_DIGITS: Final = 60


# ======================================================================================
# Internal candidate record
# ======================================================================================


@attrs.define
class _Cand:
    start: int  # quote start (qualifier included)
    end: int
    num_start: int
    quantity: Quantity
    kind: str = "count"
    subject: str = ""
    listed: tuple[str, ...] = ()  # extra rate subjects listed before (参加率、及格率)
    role: str = ""  # "basis" / "difference" once a growth claim used it
    bare_verb: bool = False  # the subject is only an action (依法受理3,102件 -> 受理)
    figures: list[Figure] = attrs.field(factory=list)


# ======================================================================================
# Public API
# ======================================================================================


def extract(
    text: str,
    *,
    jurisdiction: str | None = None,
    year: int | None = None,
    title: str | None = None,
) -> Report:
    """Read one report's text into figures, claims and metadata.

    Args:
        text: The report text. Offsets of every figure and claim refer to it.
        jurisdiction: The reporting body, used instead of what the text says when given.
        year: The year the figures describe, used instead of the text's when given.
        title: The report title, used instead of the text's when given.

    Returns:
        A :class:`~lawgov_metrics.Report`; empty (but valid) for text without figures.

    Raises:
        TypeError: ``text`` is not a ``str``.

    Examples:
        >>> from lawgov_metrics.extract import extract
        >>> r = extract("调解矛盾纠纷1497宗,成功率达98.73%。")
        >>> [f.quote for f in r.figures]
        ['1497宗', '98.73%']
        >>> share = r.claims_of("share")[0]
        >>> share.total.quote, share.rate.value, share.confidence
        ('1497宗', Decimal('98.73'), 'stated')
        >>> extract("").figures
        ()
    """
    if not isinstance(text, str):
        raise TypeError(f"extract() needs the report text as str, got {type(text).__name__}")
    norm = normalize(text)
    lines = _lines(norm)
    meta = _metadata(text, norm, lines)
    blocked = _mask(norm, lines, meta.get("title_span"))
    sections = _Sections(norm, lines)
    cands = _scan(text, norm, blocked, lines)
    prev_end = 0
    for c in cands:
        _classify(norm, c)
    for c in cands:
        _subject(norm, c, prev_end)
        if (
            not c.subject
            and prev_end
            and c.kind == "count"
            and not any(ch in pat.CLAUSE_END for ch in norm[prev_end : c.start])
        ):
            # 修复信用28300余条共计12392户次: the same subject as the figure before
            c.subject = next((p.subject for p in reversed(cands) if p.end == prev_end), "")
        prev_end = c.end
    for i, c in enumerate(cands):
        if c.bare_verb:
            _complete_action(norm, cands, i)
        elif c.kind == "rate":
            _borrow_rate_subject(norm, cands, i)
    figures: list[Figure] = []
    for c in cands:
        section = sections.at(c.start)
        context = _context(text, norm, c.start, c.end)
        subjects = [*c.listed, c.subject] if c.listed else [c.subject]
        for subj in subjects:
            fig = Figure(
                quantity=c.quantity,
                subject=subj,
                quote=text[c.start : c.end],
                span=(c.start, c.end),
                section=section,
                kind=c.kind,
                context=context,
            )
            c.figures.append(fig)
            figures.append(fig)
    claims = _claims(text, norm, cands, sections, lines)
    # claims may have filled in subjects (a growth rate takes its figure's subject)
    figures = [f for c in cands for f in c.figures]
    claims.sort(key=lambda cl: (cl.span[0], cl.span[1]))

    def _str(key: str) -> str | None:
        value = meta.get(key)
        return value if isinstance(value, str) else None

    year_found = meta.get("year")
    published = meta.get("published")
    the_year = year if year is not None else (year_found if isinstance(year_found, int) else None)
    tables = read_tables(text, year=the_year)  # the tables own their number cells
    figures = merge_figures(figures, tables, sections.at)
    return Report(
        text=text,
        figures=tuple(figures),
        claims=tuple(claims),
        title=title if title is not None else _str("title"),
        jurisdiction=jurisdiction if jurisdiction is not None else _str("jurisdiction"),
        year=year if year is not None else (year_found if isinstance(year_found, int) else None),
        published=published if isinstance(published, _dt.date) else None,
        source=_str("source"),
        doc_type=doc_type_of(title if title is not None else _str("title"), tables),
        disclosure=tables.disclosure,
    )


def read_report(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    jurisdiction: str | None = None,
    year: int | None = None,
) -> Report:
    """Read a report from a ``.txt`` or ``.html``/``.htm`` file and extract it.

    Bytes are decoded with ``encoding`` when given; otherwise a BOM is honoured, then an
    HTML ``<meta charset>``, then UTF-8, then GB18030 (which covers GBK and GB2312). HTML
    is reduced to text by :func:`~lawgov_metrics.reading.html.html_to_text`: text order is
    kept, block elements become line breaks, scripts and styles are dropped, data tables
    become pipe rows.

    Args:
        path: The file.
        encoding: A codec name that overrides detection.
        jurisdiction: Passed to :func:`extract`.
        year: Passed to :func:`extract`.

    Returns:
        The :class:`~lawgov_metrics.Report`, with ``path`` set and ``text`` the decoded
        (for HTML: de-tagged) text the offsets refer to.

    Raises:
        OSError: The file cannot be read.
        lawgov_metrics.ParseError: The bytes cannot be decoded with the given encoding.

    Examples:
        >>> import pathlib, tempfile
        >>> from lawgov_metrics.extract import read_report
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> p = d / "r.html"
        >>> _ = p.write_bytes("<p>办理案件12件</p><script>x=5件</script>".encode("gb18030"))
        >>> r = read_report(p)
        >>> [f.quote for f in r.figures], r.path == str(p)
        (['12件'], True)
    """
    p = os.fspath(path)
    with open(p, "rb") as fh:
        raw = fh.read()
    is_html = p.lower().endswith((".html", ".htm", ".shtml", ".xhtml"))
    if not is_html:
        head = raw[:512].lstrip().lower()
        is_html = head.startswith((b"<!doctype html", b"<html"))
    try:
        decoded = _decode(raw, encoding, sniff_html=is_html)
    except (LookupError, UnicodeDecodeError) as exc:
        raise ParseError(p, f"cannot decode with encoding {encoding!r}: {exc}") from exc
    text = html_to_text(decoded) if is_html else decoded
    report = extract(text, jurisdiction=jurisdiction, year=year)
    return attrs.evolve(report, path=p)


# ======================================================================================
# Reading files
# ======================================================================================

_META_CHARSET_RE: Final = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I
)


def _decode(raw: bytes, encoding: str | None, *, sniff_html: bool) -> str:
    if encoding is not None:
        return raw.decode(encoding)
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16", errors="replace")
    if sniff_html:
        m = _META_CHARSET_RE.search(raw[:4096])
        if m:
            name = m.group(1).decode("ascii", "replace").lower()
            if name in {"gb2312", "gbk", "gb_2312-80", "x-gbk", "euc-cn"}:
                name = "gb18030"
            try:
                return raw.decode(name)
            except (LookupError, UnicodeDecodeError):
                pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("gb18030", errors="replace")


_BLOCK_TAGS: Final = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5",
        "h6", "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table",
        "tbody", "thead", "tfoot", "tr", "ul", "title",
    }
)  # fmt: skip
_CELL_TAGS: Final = frozenset({"td", "th"})
_SKIP_TAGS: Final = frozenset({"script", "style", "noscript", "template", "svg", "head"})


class _TextParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.title: list[str] = []
        self.in_title = False

    def handle_starttag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in _SKIP_TAGS and tag != "head":
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")
        elif tag in _CELL_TAGS:
            self.parts.append(" | ")

    def handle_startendtag(self, tag: str, attrs_: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in _SKIP_TAGS and tag != "head":
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
            return
        if not self.skip:
            self.parts.append(data)


_BLANKS_RE: Final = re.compile(r"[ \t\r\f\v]*\n[\s]*\n[ \t\r\f\v]*")


def _stdlib_html_to_text(html_text: str) -> str:
    """Strip markup from an HTML page, keeping text order; blocks become line breaks.

    Scripts, styles and the ``<head>`` (except nothing) are dropped; runs of blank lines
    collapse to one blank line.

    Args:
        html_text: The page source.

    Returns:
        Plain text.

    Examples:
        >>> html_to_text("<div>甲<b>乙</b></div><p>丙&amp;丁</p><style>p{}</style>")
        '甲乙\\n\\n丙&丁'
    """
    parser = _TextParser()
    try:
        parser.feed(html_text)
        parser.close()
    except Exception:
        return html_text
    text = "".join(parser.parts)
    text = _BLANKS_RE.sub("\n\n", text)
    return text.strip()


# ======================================================================================
# Lines, metadata, masks, sections
# ======================================================================================


def _lines(norm: str) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    pos = 0
    n = len(norm)
    while pos <= n:
        nl = norm.find("\n", pos)
        if nl < 0:
            out.append((pos, n))
            break
        out.append((pos, nl))
        pos = nl + 1
    return out


_TITLE_WORDS: Final = ("法治", "依法行政", "政务公开", "信息公开", "工作", "情况", "行政复议",
                       "行政应诉", "行政诉讼")  # fmt: skip
#: What a title line calls the document (报告, 年报, a statistics 通报 ...).
_TITLE_KIND_RE: Final = re.compile(r"报告|年报|通报|综述|统计分析|工作总结")
_ADMIN_RE: Final = re.compile(
    r"[\u4e00-\u9fff]{2,}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|街道办事处|"
    r"街道|省|市|州|盟|区|旗|镇|乡)|[\u4e00-\u9fff]+?县"
)
_DEPT_END: Final = ("局", "委", "委员会", "厅", "办", "办公室", "中心", "院", "署", "会", "所",
                    "站", "处", "室", "部", "队", "管委会")  # fmt: skip
_BODY_RE: Final = re.compile(
    r"([\u4e00-\u9fff]{2,14}?(?:自治区|省|市|州|盟|县|区|旗|街道|镇|乡))(?:人民政府|政府)"
)
_YEAR_RE: Final = re.compile(r"((?:19|20)\d{2})\s?年")
_PUB_RE: Final = re.compile(
    r"(?:发布日期|发布时间|发文日期|成文日期|日期)\s?[:：]\s*(\d{4})\s*[-年./]\s*(\d{1,2})"
    r"\s*[-月./]\s*(\d{1,2})"
)
_SIGN_DATE_RE: Final = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*$")
_SOURCE_RE: Final = re.compile(r"(?:文章来源|信息来源|来源)\s?[:：]\s*([^\s|【】<>:：]{2,30})")


def _jurisdiction_from(name: str) -> str | None:
    name = name.strip(" :：,，")
    if name.endswith("人民政府"):
        name = name[: -len("人民政府")]
    elif name.endswith("政府") and not name.endswith("区政府办公室"):
        name = name[: -len("政府")]
    pos = 0
    last: tuple[int, int] | None = None
    while True:
        m = _ADMIN_RE.match(name, pos)
        if not m:
            break
        last = (m.start(), m.end())
        pos = m.end()
    if last is None:
        return None
    rest = name[last[1] :]
    if rest and rest.endswith(_DEPT_END) and len(rest) <= 16:
        return name[last[0] :]
    return name[last[0] : last[1]]


def _metadata(text: str, norm: str, lines: list[tuple[int, int]]) -> dict[str, object]:
    meta: dict[str, object] = {}
    # title
    for a, b in lines[:40]:
        line = norm[a:b].strip()
        if (
            not line
            or len(line) > 90
            or pat.FURNITURE_RE.search(line)
            or any(ch in line for ch in ",，。;；")
        ):
            continue
        if _TITLE_KIND_RE.search(line) and any(w in line for w in _TITLE_WORDS):
            lead = len(norm[a:b]) - len(norm[a:b].lstrip())
            start = a + lead
            meta["title"] = text[start : start + len(line)]
            meta["title_span"] = (start, start + len(line))
            break
    title = meta.get("title")
    if isinstance(title, str):
        t = normalize(title)
        ym = _YEAR_RE.search(t)
        if ym:
            meta["year"] = int(ym.group(1))
        cut = t.find("关于")
        head = t[:cut] if cut > 0 else (t[: ym.start()] if ym and ym.start() > 0 else "")
        if not head:
            m = re.search(r"(法治政府|法治建设|依法行政|政府信息公开|政务公开)", t)
            head = t[: m.start()] if m else ""
        if head:
            j = _jurisdiction_from(head)
            if j:
                meta["jurisdiction"] = j
    if "year" not in meta:
        for a, b in lines[:60]:
            m = re.match(r"\s*(?:在)?((?:19|20)\d{2})\s?年(?:度)?[,，是里内]", norm[a:b])
            if m:
                meta["year"] = int(m.group(1))
                break
    if "jurisdiction" not in meta:
        m = _BODY_RE.search(norm[:800])
        if m:
            j = _jurisdiction_from(m.group(1))
            if j:
                meta["jurisdiction"] = j
    # published date
    m = _PUB_RE.search(norm[:3000])
    pub: _dt.date | None = None
    if m:
        pub = _safe_date(m.group(1), m.group(2), m.group(3))
    if pub is None:
        m2 = _SIGN_DATE_RE.search(norm[-300:].rstrip())
        if m2:
            pub = _safe_date(m2.group(1), m2.group(2), m2.group(3))
    if pub is not None:
        meta["published"] = pub
    m = _SOURCE_RE.search(norm[:3000])
    if m:
        start = m.start(1)
        meta["source"] = text[start : m.end(1)]
    return meta


def _safe_date(y: str, mo: str, d: str) -> _dt.date | None:
    try:
        return _dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


_OPEN_CLOSE: Final = (("《", "》", 120), ("“", "”", 40), ("「", "」", 40), ("『", "』", 40),
                      ("‘", "’", 30), ("〈", "〉", 60))  # fmt: skip


def _mask(norm: str, lines: list[tuple[int, int]], title_span: object) -> bytearray:
    n = len(norm)
    blocked = bytearray(n)

    def block(a: int, b: int) -> None:
        blocked[a:b] = b"\x01" * (b - a)

    for a, b in lines:
        line = norm[a:b]
        if len(line) < 160 and pat.FURNITURE_RE.search(line):
            block(a, b)
        for rx in pat.HEADING_RES:
            hm = rx.match(line)
            if hm:
                block(a + hm.start(1), a + hm.end(1))
        if line.count('"') >= 2:
            pos = 0
            while True:
                i = line.find('"', pos)
                if i < 0:
                    break
                j = line.find('"', i + 1)
                if j < 0 or j - i > 40:
                    break
                block(a + i, a + j + 1)
                pos = j + 1
    if isinstance(title_span, tuple):
        block(int(title_span[0]), int(title_span[1]))
    for op, cl, limit in _OPEN_CLOSE:
        pos = 0
        while True:
            i = norm.find(op, pos)
            if i < 0:
                break
            j = norm.find(cl, i + 1, i + 1 + limit)
            k = norm.find("\n", i + 1, j if j >= 0 else i + 1 + limit)
            if j < 0 or k >= 0:
                pos = i + 1
                continue
            # a number inside the quote followed by a unit outside it is a figure: 《…》 of
            # names only; the unit test in _scan sees the closing mark and stops anyway.
            block(i, j + 1)
            pos = j + 1
    for rx in (*pat.NOT_FIGURE_RES, pat.LIST_MARKER_RE):
        for m in rx.finditer(norm):
            block(m.start(), m.end())
    return blocked


class _Sections:
    """Heading paths by offset."""

    def __init__(self, norm: str, lines: list[tuple[int, int]]) -> None:
        self.starts: list[int] = []
        self.paths: list[tuple[str, ...]] = []
        stack: list[str | None] = [None, None, None]
        for a, b in lines:
            line = norm[a:b]
            for level, rx in enumerate(pat.HEADING_RES):
                m = rx.match(line)
                if not m:
                    continue
                body = line.strip()
                for stop in ("。", ";", "；"):
                    k = body.find(stop)
                    if k > 0:
                        body = body[:k]
                if len(body) > 60:
                    body = body[:60]
                stack[level] = body
                for deeper in range(level + 1, len(stack)):
                    stack[deeper] = None
                self.starts.append(a)
                self.paths.append(tuple(s for s in stack if s))
                break

    def at(self, pos: int) -> tuple[str, ...]:
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.paths[i] if i >= 0 else ()


# ======================================================================================
# Figures
# ======================================================================================


def _line_of(lines: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    i = bisect.bisect_right(starts, pos) - 1
    return lines[max(i, 0)]


_POST_QUALIFIERS: Final = tuple(w for w in pat.QUALIFIERS_AFTER if w not in ("余", "多"))
_RATE_WORD_BEFORE: Final = re.compile(r"率(?:为|达|达到|是)?\s?$")
_BARE_PREV: Final = frozenset("为请计共达量数是有")
_CN_BAD_PREV: Final = frozenset("第每逐唯统进这那哪某几前头单同之上下初首其任另整万")
_CN_LABEL_AFTER: Final = ("制度", "清单", "机制", "工程", "行动", "原则", "要求", "规定", "任务",
                          "体系", "模式", "理念", "方针", "战略", "经验", "精神", "重点", "目标",
                          "政策", "措施", "举措", "意见")  # fmt: skip


def _scan(text: str, norm: str, blocked: bytearray, lines: list[tuple[int, int]]) -> list[_Cand]:
    """Figures: the quantities :func:`~lawgov_metrics.numerals.find_quantities` reads, kept
    when they are not masked (dates, names, 第N, list markers, furniture) and, for a number
    without a unit, when the place makes it a figure (table cell, rate word, end of clause).
    """
    out: list[_Cand] = []
    line_starts = [a for a, _ in lines]
    table_lines = frozenset(a for a, b in lines if _is_table_line(norm, a, b))
    for m in find_quantities(text, hints=False):
        if m.is_chinese:
            c = _chinese(text, norm, m, blocked)
        else:
            c = _arabic(text, norm, m, blocked, lines, line_starts, table_lines)
        if c is not None:
            out.append(c)
    return out


def _requote(text: str, start: int, end: int) -> Quantity | None:
    """The quantity of ``text[start:end]`` once a qualifier or unit was cut off."""
    try:
        return parse_quantity(text[start:end])
    except ParseError:
        return None


def _prefix_blocked(norm: str, m: QuantityMatch, blocked: bytearray) -> bool:
    """Whether the qualifier before the number is part of a word (最近, 超市) or masked."""
    ps = m.start
    pre = norm[ps : ps + len(m.prefix)]
    if blocked[ps]:
        return True
    two = norm[max(0, ps - 1) : ps + len(pre)]
    return pre not in ("接近", "将近") and any(
        b in two or b in norm[ps : ps + 3] for b in pat.PREFIX_BLOCKERS
    )


def _arabic(
    text: str,
    norm: str,
    m: QuantityMatch,
    blocked: bytearray,
    lines: list[tuple[int, int]],
    line_starts: list[int],
    table_lines: frozenset[int],
) -> _Cand | None:
    ns = m.number_start
    ds = ns + 1 if norm[ns] in "-−" else ns  # the first digit
    if blocked[ds] or (ds > 0 and (norm[ds - 1].isdigit() or norm[ds - 1] == ".")):
        return None
    if m.number_end - ds > _MAX_NUMBER_DIGITS:
        return None
    q: Quantity | None = m.quantity
    start, end = m.start, m.end
    if m.prefix and _prefix_blocked(norm, m, blocked):
        start = ns
        q = _requote(text, start, end)
    has_unit = m.has_unit
    if m.unit_start >= 0 and blocked[m.unit_start]:
        # a unit that starts a quote or title (12“…”) is not this number's unit
        end = len(norm[: m.unit_start].rstrip(" "))
        q = _requote(text, start, end)
        has_unit = False
    if q is None:
        return None
    unit = q.unit
    after = norm[end : end + 1]
    kind = "count"
    if not has_unit and not m.has_scale:
        if after in pat.NOT_UNIT_AFTER or (after and after.isdigit()):
            return None
        if not _bare_ok(norm, ds, end, lines, line_starts, table_lines):
            return None
        more = any(ch in "余多" for ch in norm[m.number_end : end])
        if more and not norm.endswith(_POST_QUALIFIERS, m.number_end, end):
            return None  # 300余 with neither unit nor 以上: not a figure
        if _RATE_WORD_BEFORE.search(norm[max(0, ds - 4) : ds]):
            kind = "rate"
    if unit in pat.NOT_FIGURE_UNITS or (
        unit and after in pat.NOT_UNIT_AFTER and unit not in _RATE_UNITS
    ):
        return None
    return _Cand(start=start, end=end, num_start=ds, quantity=q, kind=kind)


_CELL_SEPS: Final = ("|", "\t")


def _is_table_line(norm: str, a: int, b: int) -> bool:
    """A row of a table: cells split by ``|`` (two or more, or one after a label) or tabs.

    Examples:
        >>> _is_table_line("规章 | 0 | 0", 0, 10), _is_table_line("行政许可 | 4736", 0, 11)
        (True, True)
        >>> _is_table_line("本年新收申请数量" + chr(9) + "146", 0, 12)
        True
        >>> _is_table_line("首页 | 新闻", 0, 7)
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


def _bare_ok(
    norm: str,
    ns: int,
    end: int,
    lines: list[tuple[int, int]],
    line_starts: list[int],
    table_lines: frozenset[int],
) -> bool:
    a, b = _line_of(lines, line_starts, ns)
    if a in table_lines:
        left = norm[max(a, ns - 8) : ns].rstrip(" \u3000")
        right = norm[end : min(b, end + 8)].lstrip(" \u3000")
        left_ok = left.endswith(_CELL_SEPS) or (not left.strip() and ns - a <= 8)
        right_ok = right.startswith(_CELL_SEPS) or (not right.strip() and b - end <= 8)
        if left_ok and right_ok:
            return True
    if _RATE_WORD_BEFORE.search(norm[max(0, ns - 4) : ns]):
        return True
    prev = norm[ns - 1 : ns]
    nxt = norm[end : end + 1]
    return bool(prev in _BARE_PREV and prev and (not nxt or nxt in ",，。;；)）\n"))


def _chinese(text: str, norm: str, m: QuantityMatch, blocked: bytearray) -> _Cand | None:
    ns = m.number_start
    q: Quantity | None = m.quantity
    assert q is not None
    if blocked[ns] or q.unit not in pat.CN_FIGURE_UNITS:
        return None
    prev = norm[ns - 1 : ns]
    if prev and (prev in pat.CN_NUM_CHARS or prev in _CN_BAD_PREV or prev.isdigit()):
        return None
    if q.value <= 1 or norm[ns] in "万亿":
        return None
    end = m.end
    nxt = norm[end : end + 2]
    if (
        nxt[:1] in "“\"《「'‘"
        or nxt in _CN_LABEL_AFTER
        or any(ch in pat.CN_NUM_CHARS for ch in norm[end : end + 3])
    ):
        return None
    if any(ch in pat.CN_NUM_CHARS and ch not in "万亿" for ch in norm[max(0, ns - 3) : ns - 1]):
        return None  # 一院三所, 一岗多能: a label built of numerals
    if blocked[m.unit_start]:
        return None
    start = m.start
    if m.prefix and blocked[start]:
        start = ns
        q = _requote(text, start, end)
        if q is None:
            return None
    return _Cand(start=start, end=end, num_start=ns, quantity=q)


_GROWTH_VERB_RE: Final = re.compile(
    r"(增长|增加|上升|提高|提升|上涨|增幅|增速|下降|减少|降低|下滑|回落|降幅|减幅|减少了|缩减)"
    r"(?:了|为|达|达到|约为|约|幅度为|幅度达)?\s?$"
)
_TIMES_OF_RE: Final = re.compile(
    r"(?:(?:是|为|达|达到|相当于)(?:上年|去年|上一年|上年度|\d{4}年)(?:同期)?(?:的)?|"
    r"(?:增长|增加|提高|上升|提升|扩大)(?:到|至|为))\s?$"
)
_PP_DOWN: Final = ("下降", "减少", "降低", "下滑", "回落", "低于", "减")
_DOWN_WORDS: Final = ("下降", "减少", "降低", "下滑", "回落", "降幅", "减幅", "缩减")


def _classify(norm: str, c: _Cand) -> None:
    unit = c.quantity.unit
    before = norm[max(0, c.start - 8) : c.start]
    if unit == pat.PP_UNIT:
        c.kind = "pp_change"
    elif unit in _RATE_UNITS or c.kind == "rate":
        c.kind = "growth" if _GROWTH_VERB_RE.search(before) else "rate"
    elif unit == "倍":
        c.kind = (
            "growth" if (_GROWTH_VERB_RE.search(before) or _TIMES_OF_RE.search(before)) else "other"
        )
    elif unit.endswith(pat.MONEY_UNITS):
        c.kind = "money"
    elif unit in pat.DURATION_UNITS:
        c.kind = "duration"
    else:
        c.kind = "count"


# ---------------------------------------------------------------- subjects

_CUT_VERBS: Final = (
    "收到", "受理", "办理", "办结", "审结", "调解", "接待", "提供", "开展", "举办", "组织",
    "出具", "提出", "发布", "主动公开", "处理", "化解", "调处", "审查", "审核", "汇聚",
    "培育认定", "梳理", "帮助", "完成", "召开", "印发", "制定", "清理", "接听", "推出",
    "查处", "查办", "录入", "建成", "培训", "新增", "挽回", "执行到位", "上线", "作出",
    "发生",
)  # fmt: skip
_KEPT_VERBS: Final = ("主动公开", "审结", "办结")
_AFTER_STOPS: Final = ("实施", "参加", "获", "被", "开展", "纳入", "进行", "参与", "提供",
                       "实现", "通过", "中", "历史", "与", "和", "结对", "入选", "在",
                       "列席", "均", "已")  # fmt: skip
_PUNCT_STRIP: Final = " \t“”\"'‘’《》「」()（）[]【】·:：-—"
_SUBJ_MAX: Final = 24


def _clause_start(norm: str, pos: int, floor: int) -> int:
    i = pos - 1
    lo = max(floor, pos - 60)
    while i >= lo and norm[i] not in pat.CLAUSE_END:
        i -= 1
    return i + 1


#: A list lead-in before the first item's noun (其次为投诉举报类, 结果分别为维持).
_LEAD_IN_RE: Final = re.compile(r"^.*?(?:其次|分别|依次|主要|结果|其余)(?:为|是)")
#: 后/中/内 left over from a clause like 受理后审结 / 审结案件中纠错.
_AFTER_ACTIONS: Final = (
    "收到", "受理", "办理", "办结", "审结", "调解", "化解", "纠错", "直接纠错", "维持", "驳回",
    "撤销", "确认", "答复", "回复", "公开", "作出", "决定", "结案", "终止", "移送", "转办",
)  # fmt: skip
_AFTER_WORD_RE: Final = re.compile(
    r"^(?:以后|之后|之中|后|中|内)(?=" + "|".join(_AFTER_ACTIONS) + ")"
)


def _strip_subject(s: str, *, min_rest: int = 2) -> str:
    s = s.strip(_PUNCT_STRIP)
    lead = _LEAD_IN_RE.match(s)
    if lead and len(s) > lead.end():
        s = s[lead.end() :].lstrip(_PUNCT_STRIP)
    changed = True
    while changed and s:
        changed = False
        after_word = _AFTER_WORD_RE.match(s)
        if after_word:
            s = s[after_word.end() :]
            changed = True
            continue
        for w in pat.SUBJECT_SUFFIXES:
            if s.endswith(w) and len(s) > len(w):
                s = s[: -len(w)].rstrip(_PUNCT_STRIP)
                changed = True
                break
            if s == w:
                return ""
        for w in pat.SUBJECT_PREFIXES:
            if w.endswith("收") and s[len(w) : len(w) + 1] in pat.SHOU_NOUN_NEXT:
                continue  # 新收费: 收 belongs to the noun 收费
            if s.startswith(w) and len(s) - len(w) >= min_rest:
                s = s[len(w) :].lstrip(_PUNCT_STRIP)
                changed = True
                break
            if s == w:
                return ""
    return s


def _cut_verb(s: str) -> str:
    best = -1
    best_len = 0
    for v in _CUT_VERBS:
        i = s.rfind(v)
        if s[i + len(v) : i + len(v) + 1] in ("和", "及", "与", "或", "、"):
            continue  # 调解和终止结案: the verb is one of the listed actions
        if i > best and len(s) - i - len(v) >= 3:
            best, best_len = i, len(v)
    if best >= 0:
        # 主动公开 names the indicator (主动公开政府信息), and the outcome verbs 审结/办结 name
        # other indicators than the intake ones (审结复议案件 is not 收到复议申请): kept
        return s[best:] if s.startswith(_KEPT_VERBS, best) else s[best + best_len :]
    return s


def _noun_after(norm: str, end: int) -> str:
    rest = norm[end : end + 30]
    stop = len(rest)
    for i, ch in enumerate(rest):
        if ch in pat.CLAUSE_END or ch.isdigit():
            stop = i
            break
    rest = rest[:stop]
    k = rest.rfind("的")
    if 0 <= k < len(rest) - 1:
        rest = rest[k + 1 :]
    for w in _AFTER_STOPS:
        k = rest.find(w)
        if k > 0:
            rest = rest[:k]
        elif k == 0:
            return ""
    return _strip_subject("".join(ch for ch in rest if ch not in _PUNCT_STRIP))


def _table_label(norm: str, c: _Cand) -> str:
    """The row label of a bare number in a table row (``行政许可 | 4736`` -> 行政许可)."""
    if c.quantity.unit:
        return ""
    a = norm.rfind("\n", 0, c.start) + 1
    b = norm.find("\n", c.end)
    b = len(norm) if b < 0 else b
    if not _is_table_line(norm, a, b):
        return ""
    # the nearest cell to the left that is a label: ``广东 | 31392 | 河北 | 7040`` gives
    # 7040 the label 河北; number cells between (``行政许可 | 4736 | 12``) are skipped
    for cell in reversed(re.split(r"[|\t]", norm[a : c.start])):
        for rx in pat.HEADING_RES:
            cell = rx.sub("", cell)
        cell = cell.strip(_PUNCT_STRIP + "\u3000.,，%‰")
        if not cell:
            continue
        if any(ch.isdigit() for ch in cell):
            if _CJK_RE.search(cell):
                return ""
            continue
        return cell
    return ""


#: Actions a clause may name without a noun (依法受理3,102件, 受理后审结2,876件).
_ACTIONS: Final = (
    "收到", "受理", "办理", "办结", "审结", "结案", "调解", "化解", "接收", "新收", "答复",
    "回复", "处理", "纠错", "维持", "驳回", "撤销", "终止", "移送", "转办", "立案",
)  # fmt: skip


def _action_of(pre: str) -> str:
    """The last action verb of a clause made only of verbs and adverbs, else ``""``.

    Examples:
        >>> _action_of("受理后审结"), _action_of("依法受理"), _action_of("调解矛盾纠纷")
        ('审结', '受理', '')
    """
    rest = pre.strip(_PUNCT_STRIP)
    found = ""
    while rest:
        for w in ("依法", "共", "已", "其中", "后", "中", "并", "再", "另", "累计", "全年"):
            if rest.startswith(w):
                rest = rest[len(w) :]
                break
        else:
            verb = next((v for v in _ACTIONS if rest.startswith(v)), "")
            if not verb:
                return ""
            found, rest = verb, rest[len(verb) :]
    return found


def _complete_action(norm: str, cands: list[_Cand], i: int) -> None:
    """Append to a bare action subject the noun of the count before it in its sentence."""
    c = cands[i]
    for p in reversed(cands[:i]):
        if any(ch in pat.SENTENCE_END for ch in norm[p.end : c.start]):
            return
        if p.kind != c.kind or p.quantity.unit != c.quantity.unit or p.role:
            continue
        noun = p.subject
        if p.bare_verb:
            noun = next((noun[len(v) :] for v in _ACTIONS if noun.startswith(v)), "")
        if noun.endswith(_POPULATION_NOUNS) and not noun.startswith(c.subject):
            c.subject = c.subject + noun
        return


#: Where a comparison starts inside a subject (较上年, 比2022年, 同比, 相较去年, 与上年相比).
_COMPARE_CUT_RE: Final = re.compile(
    r"(?:相较于?|相比于?|较之?|比|同比|环比|与|和)(?:上一?年度?|去年|同期|上年同期|"
    r"(?:19|20)\d{2}年度?)|同比|环比|相较于?|相比"
)
_CHANGE_WORDS_RE: Final = re.compile(
    r"(?:增长|增加|上升|提高|提升|上涨|增幅|增速|下降|减少|降低|下滑|回落|降幅|减幅|缩减|"
    r"高于|低于|高出|减)(?:了|为|达|达到|约为|约|幅度为|幅度达)?$"
)


def _before_compare(pre: str) -> str:
    """The subject of a change: the words before its comparison, else those after it.

    Examples:
        >>> _before_compare("案卷优良率较上年下降"), _before_compare("较上年下降")
        ('案卷优良率', '')
        >>> _before_compare("同比增长")
        ''
    """
    m = _COMPARE_CUT_RE.search(pre)
    head = pre[: m.start()] if m else pre
    head = _CHANGE_WORDS_RE.sub("", head)
    subj = _strip_subject(head)
    if not subj and m:
        subj = _strip_subject(_CHANGE_WORDS_RE.sub("", pre[m.end() :]))
    return subj


#: Before a share whose clause names nothing but the share (…276件,占比23.25%).
_SHARE_LEAD_RE: Final = re.compile(
    r"^[,，]?\s?(?:约)?占(?:比|总数的|总量的|全部的)?(?:为|达|约为?)?\s?$"
)
#: Bare rates that take the action of the count before them (调解…1497宗,成功率达98.73%).
_BARE_RATES: Final = frozenset({"成功率", "化解率", "结案率", "办结率", "满意率"})
_RATE_ACTIONS: Final = ("调解", "化解", "仲裁", "信访", "复议", "诉讼")


def _borrow_rate_subject(norm: str, cands: list[_Cand], i: int) -> None:
    """Fill in a rate whose own words do not name it from the figure before it.

    * 由92.4%提升至98.8%: the second rate is the first one's indicator;
    * 调解和终止结案276件,占比23.25%: the share of that count (调解和终止结案占比);
    * 调解矛盾纠纷1497宗,成功率达98.73%: a bare 成功率 is the 调解 count's (调解成功率).
    """
    c = cands[i]
    if c.listed or i == 0:
        return
    p = cands[i - 1]
    between = norm[p.end : c.start]
    if any(ch in pat.SENTENCE_END for ch in between):
        return
    if not c.subject:
        if p.kind == "rate" and _TO_RE.fullmatch(between) and p.subject:
            c.subject = p.subject
        elif p.kind == "count" and p.subject and _SHARE_LEAD_RE.match(between):
            c.subject = p.subject + "占比"
        return
    if c.subject in _BARE_RATES and p.kind == "count":
        clause = norm[_clause_start(norm, p.start, 0) : p.start]
        action = next((a for a in _RATE_ACTIONS if a in clause), "")
        if action:
            c.subject = action + c.subject


def _subject(norm: str, c: _Cand, floor: int) -> None:
    label = _table_label(norm, c)
    if label:
        c.subject = label[-_SUBJ_MAX:]
        return
    cs = _clause_start(norm, c.start, floor)
    pre = norm[cs : c.start]
    for mark in ("一是", "二是", "三是", "四是", "五是", "六是", "七是", "八是", "九是", "十是"):
        k = pre.rfind(mark)
        if k >= 0:
            pre = pre[k + 2 :]
    if c.kind in ("growth", "pp_change"):
        # the growth claim gives it the subject of the figure it changes; until then (and
        # when there is none) the words before the comparison: 案卷优良率较上年下降 -> 案卷优良率
        c.subject = _before_compare(pre)[-_SUBJ_MAX:]
        return
    if c.kind == "rate":
        pre = _FROM_TAIL_RE.sub("", pre)
        subj = _strip_subject(_STREAK_IN_SUBJECT_RE.sub("", pre), min_rest=3)
        parts = [p for p in re.split(r"和|与|以及", subj) if p]
        if len(parts) > 1 and all(p.endswith("率") for p in parts):
            c.subject = parts[-1]
            listed = parts[:-1]
        else:
            c.subject = subj[-_SUBJ_MAX:]
            listed = []
        # rates listed before with 、 (参加率、及格率达到100%)
        k = cs - 1
        while k >= 0 and norm[k] == "、":
            ps = _clause_start(norm, k, floor)
            item = _strip_subject(norm[ps:k], min_rest=3)
            if item.endswith("率") and not any(ch.isdigit() for ch in item) and len(item) <= 16:
                listed.insert(0, item)
                k = ps - 1
            else:
                break
        c.listed = tuple(listed)
        return
    nxt = norm[c.end : c.end + 1]
    after = _noun_after(norm, c.end) if nxt and _CJK_RE.match(nxt) else ""
    if after and len(after) >= 2 and c.kind == "count":
        c.subject = after[:_SUBJ_MAX]
        return
    subj = _strip_subject(_cut_verb(_strip_subject(pre)))
    if not subj:
        subj = after
    if (not subj or subj in _ACTIONS) and 2 <= len(pre.strip(_PUNCT_STRIP)) <= 6:
        action = _action_of(pre)
        if action:
            # a clause that names only an action: the action, completed by extract() with
            # the noun of the figure before it (受理后审结2,876件 -> 审结 + 行政复议申请)
            c.subject = action
            c.bare_verb = True
            return
        subj = pre.strip(_PUNCT_STRIP).removeprefix("其中").removeprefix("已").removeprefix("共")
    if not subj and nxt and _CJK_RE.match(nxt):
        raw = norm[c.end : c.end + 20]
        cut = next((i for i, ch in enumerate(raw) if ch in pat.CLAUSE_END), len(raw))
        subj = raw[:cut]
    c.subject = subj[-_SUBJ_MAX:]


def _context(text: str, norm: str, start: int, end: int) -> str:
    a = start
    lo = max(0, start - 120)
    while a > lo and norm[a - 1] not in pat.SENTENCE_END:
        a -= 1
    b = end
    hi = min(len(norm), end + 120)
    while b < hi and norm[b] not in pat.SENTENCE_END:
        b += 1
    if b < len(norm) and norm[b] in "。;；!！?？":
        b += 1
    return text[a:b].strip()


# ======================================================================================
# Claims
# ======================================================================================


def _sentence_bounds(norm: str, pos: int) -> tuple[int, int]:
    a = pos
    lo = max(0, pos - 400)
    while a > lo and norm[a - 1] not in pat.SENTENCE_END:
        a -= 1
    b = pos
    hi = min(len(norm), pos + 400)
    while b < hi and norm[b] not in pat.SENTENCE_END:
        b += 1
    return a, b


_ITEM_RE: Final = re.compile(r"[一二三四五六七八九十]是|[(（]\d{1,2}[)）]|\n")


def _item_start(norm: str, pos: int, limit: int = 600) -> int:
    """Start of the 一是/二是 item (or line) that holds ``pos``."""
    lo = max(0, pos - limit)
    last = lo
    for m in _ITEM_RE.finditer(norm, lo, pos):
        last = m.end()
    return last


def _fig(c: _Cand) -> Figure:
    return c.figures[-1]


def _claims(
    text: str,
    norm: str,
    cands: list[_Cand],
    sections: _Sections,
    lines: list[tuple[int, int]],
) -> list[Claim]:
    claims: list[Claim] = []
    claims += _growth_claims(text, norm, cands, sections)
    claims += _pp_claims(text, norm, cands, sections)
    claims += _share_claims(text, norm, cands, sections)
    claims += _dedupe_breakdowns(
        [
            *_breakdown_claims(text, norm, cands, sections),
            *_paren_breakdowns(text, norm, cands, sections),
            *_among_breakdowns(text, norm, cands, sections),
            *_balance_breakdowns(text, norm, cands, sections),
        ]
    )
    claims += _streak_claims(text, norm, sections)
    claims += _rank_claims(text, norm, sections)
    return claims


_COMPARE_RE: Final = re.compile(
    r"(同比|环比|比上年|较上年|比去年|较去年|与上年相比|与去年相比|和上年相比|比上一年|较上一年|"
    r"较(?:19|20)\d{2}年(?:同期|度)?|比(?:19|20)\d{2}年(?:同期|度)?|较同期|比同期)"
)


def _prev_current(cands: list[_Cand], idx: int, lo: int) -> _Cand | None:
    for j in range(idx - 1, -1, -1):
        p = cands[j]
        if p.start < lo:
            return None
        if p.role in ("basis", "difference") or p.kind in ("growth", "pp_change"):
            continue
        return p
    return None


def _multiple_percent(n: Decimal, form: str) -> Decimal:
    """The change in percent of a multiple (增长2倍 -> 200, 是上年的2倍 -> 100, 翻两番 -> 300).

    The arithmetic is :func:`lawgov_metrics.growth.multiple_factor`'s; the result is exact
    (the factor's denominator is a power of ten).
    """
    change = (multiple_factor(n, form) - 1) * 100
    return Decimal(change.numerator) / Decimal(change.denominator)


def _signed(q: Quantity, down: bool) -> Quantity:
    return q.negated() if down and q.value > 0 else q


def _set_subject(c: _Cand, subject: str) -> None:
    """Give ``c`` (and the figures made of it) ``subject``; not for a listed rate."""
    if not subject or c.listed or c.subject == subject:
        return
    c.subject = subject
    c.figures[:] = [attrs.evolve(f, subject=subject) for f in c.figures]


def _compatible(a: _Cand, b: _Cand) -> bool:
    """Whether ``b`` can be the prior-year value of ``a``: same kind and unit family."""
    return a.kind == b.kind and _same_unit(a, b)


#: A prior printed after the claim: ``增长23.8%(上年为558件)``, ``…个百分点(上年为92.4%)``.
_PRIOR_AFTER_RE: Final = re.compile(
    r"\s?[(（]?\s?(?:上一?年度?|去年|上年同期|(?:19|20)\d{2}年度?)(?:同期)?(?:为|是)\s?$"
)


def _prior_after(norm: str, cands: list[_Cand], i: int, current: _Cand) -> _Cand | None:
    """The figure after claim ``cands[i]`` printed as last year's value of ``current``."""
    _, sb = _sentence_bounds(norm, cands[i].start)
    for p in cands[i + 1 :]:
        if p.start >= sb:
            return None
        if _PRIOR_AFTER_RE.fullmatch(norm[cands[i].end : p.start]):
            return p if _compatible(current, p) and p.role == "" else None
        return None
    return None


def _current_of_prior(cands: list[_Cand], prior: _Cand, lo: int) -> _Cand | None:
    """The current figure printed before ``prior`` (受理691件,较上年的558件…)."""
    k = cands.index(prior)
    cur = _prev_current(cands, k, lo)
    return cur if cur is not None and _compatible(prior, cur) else None


def _growth_claims(text: str, norm: str, cands: list[_Cand], sections: _Sections) -> list[Claim]:
    out: list[Claim] = []
    # current figure -> (printed basis, printed difference) of a 比上年…增加N件 claim
    printed: dict[int, tuple[_Cand | None, Quantity]] = {}
    for i, c in enumerate(cands):
        sa, _sb = _sentence_bounds(norm, c.start)
        before = norm[max(sa, c.start - 8) : c.start]
        vm = _GROWTH_VERB_RE.search(before)
        q = c.quantity
        if c.kind == "count" or c.kind == "money":
            # an absolute change needs a comparison word: 较2022年558件增加了555件
            if not vm:
                continue
            window_lo = max(sa, c.start - 40)
            cmp_m = None
            for cm in _COMPARE_RE.finditer(norm, window_lo, c.start):
                cmp_m = cm
            if cmp_m is None:
                continue
            verb_pos = c.start - len(before) + vm.start()
            basis = None
            for j in range(i - 1, -1, -1):
                p = cands[j]
                if p.start < cmp_m.end():
                    break
                if p.end <= verb_pos and p.kind == c.kind:
                    basis = p
                    break
            down = any(w in vm.group(1) for w in _DOWN_WORDS)
            c.role = "difference"
            if basis is not None:
                basis.role = "basis"
            current = _prev_current(cands, i, max(sa, cmp_m.start() - 60))
            if current is not None:
                if basis is not None:
                    _set_subject(basis, current.subject)
                printed[id(current)] = (basis, _signed(q, down))
                if current.subject:
                    _set_subject(c, current.subject + ("减少数" if down else "增加数"))
            start = cmp_m.start()
            out.append(
                GrowthClaim(
                    subject=current.subject if current else c.subject,
                    quote=text[start : c.end],
                    span=(start, c.end),
                    section=sections.at(start),
                    figure=_fig(current) if current else None,
                    rate=None,
                    direction="down" if down else "up",
                    basis=_fig(basis) if basis else None,
                    form="difference",
                    difference=_signed(q, down),
                )
            )
            continue
        if c.kind != "growth":
            continue
        current = _prev_current(cands, i, sa)
        basis_c: _Cand | None = None
        difference: Quantity | None = None
        if current is not None and _is_prior(norm, current):
            # 受理691件,较2022年的558件增长23.8%: the count after 较…的 is last year's
            basis_c, current = current, _current_of_prior(cands, current, sa)
        if current is not None:
            if basis_c is None and id(current) in printed:
                basis_c, difference = printed[id(current)]
            if basis_c is None:
                basis_c = _prior_after(norm, cands, i, current)
            if basis_c is not None:
                basis_c.role = "basis"
                _set_subject(basis_c, current.subject)
        else:
            basis_c = None
        if current is not None:
            _set_subject(c, current.subject)
        times_of = bool(_TIMES_OF_RE.search(before)) and q.unit == "倍"
        down = bool(vm and any(w in vm.group(1) for w in _DOWN_WORDS))
        start = c.start - len(before) + vm.start() if vm else c.start
        if times_of:
            tm = _TIMES_OF_RE.search(before)
            assert tm is not None
            start = c.start - len(before) + tm.start()
        cmp_lo = max(sa, start - 12)
        cmp_m = None
        for cm in _COMPARE_RE.finditer(norm, cmp_lo, start):
            cmp_m = cm
        if cmp_m is not None and not any(
            ch in pat.SENTENCE_END for ch in norm[cmp_m.end() : start]
        ):
            start = cmp_m.start()
        if q.unit == "倍":
            form = "times_of" if times_of else "times_increase"
            change = _multiple_percent(q.value, form)
            rate = Quantity(
                value=-change if down else change,
                unit="%",
                qualifier=q.qualifier,
                text=q.text,
                resolution=q.resolution * 100,
                rounded=q.rounded,
            )
        else:
            rate = _signed(q, down)
            form = "percent"
        out.append(
            GrowthClaim(
                subject=current.subject if current else c.subject,
                quote=text[start : c.end],
                span=(start, c.end),
                section=sections.at(start),
                figure=_fig(current) if current else None,
                rate=rate,
                direction="down" if down else "up",
                rate_figure=c.figures[0] if c.figures else None,
                basis=_fig(basis_c) if basis_c is not None else None,
                form=form,
                difference=difference,
            )
        )
    # 翻一番 / 翻两番 and 持平
    for m in re.finditer(r"翻(?:了)?([一二两三四\d])番", norm):
        n = _int_of(m.group(1))
        if not n or n > 10:
            continue
        current = _last_before(cands, m.start(), _sentence_bounds(norm, m.start())[0])
        out.append(
            GrowthClaim(
                subject=current.subject if current else "",
                quote=text[m.start() : m.end()],
                span=(m.start(), m.end()),
                section=sections.at(m.start()),
                figure=_fig(current) if current else None,
                rate=Quantity(
                    value=_multiple_percent(Decimal(n), "doublings"),
                    unit="%",
                    text=text[m.start() : m.end()],
                    resolution=Decimal(1),
                    rounded=False,
                ),
                direction="up",
                form="doublings",
            )
        )
    for m in re.finditer(
        r"(?:同比|与上年|和上年|与去年|较上年|比上年|与上年度)(?:基本)?持平", norm
    ):
        current = _last_before(cands, m.start(), _sentence_bounds(norm, m.start())[0])
        out.append(
            GrowthClaim(
                subject=current.subject if current else "",
                quote=text[m.start() : m.end()],
                span=(m.start(), m.end()),
                section=sections.at(m.start()),
                figure=_fig(current) if current else None,
                rate=Quantity(
                    value=Decimal(0),
                    unit="%",
                    text=text[m.start() : m.end()],
                    resolution=Decimal(1),
                    rounded=True,
                ),
                direction="flat",
                form="flat",
            )
        )
    return out


def _last_before(cands: list[_Cand], pos: int, lo: int) -> _Cand | None:
    best = None
    for c in cands:
        if c.end > pos:
            break
        if c.start >= lo and c.kind not in ("growth", "pp_change") and c.role != "difference":
            best = c
    return best


#: Words before a rate that make it the prior one of a comparison (较上年的97.3%).
_PRIOR_RATE_RE: Final = re.compile(
    r"(?:较|比|与|低于|高于)(?:上年|去年|上一年|上年度|同期|(?:19|20)\d{2}年)(?:同期)?(?:的)?\s?$"
)
_FROM_RE: Final = re.compile(
    r"(?:由|从)(?:上年|去年|上一年|上年度|(?:19|20)\d{2}年度?)?(?:同期)?(?:的)?\s?$"
)
#: Between the two rates of ``上年为92.4%,提高到95.6%``.
_TO_RE: Final = re.compile(
    r"\s?[,，]?\s?(?:今年|本年|当年)?(?:提高|提升|上升|增长|增加|下降|降低|减少|回落|下滑)?"
    r"(?:到|至)\s?"
)
#: Before the first of those rates: last year's.
_PRIOR_LEAD_RE: Final = re.compile(
    r"(?:上年|去年|上一年|上年度|(?:19|20)\d{2}年度?)(?:同期)?(?:的|为|是)?\s?$"
)
#: The same, at the end of a rate's subject (出庭应诉率由上年的 -> 出庭应诉率).
_FROM_TAIL_RE: Final = re.compile(
    r"(?:(?:由|从)(?:上年|去年|上一年|上年度|(?:19|20)\d{2}年度?)?(?:同期)?(?:的)?"
    r"|(?:上年|去年|上一年|上年度|(?:19|20)\d{2}年度?)(?:同期)?(?:为|是))$"
)


def _pp_claims(text: str, norm: str, cands: list[_Cand], sections: _Sections) -> list[Claim]:
    out: list[Claim] = []
    for i, c in enumerate(cands):
        if c.kind != "pp_change":
            continue
        sa, _ = _sentence_bounds(norm, c.start)
        before = norm[max(sa, c.start - 12) : c.start]
        down = any(w in before for w in _PP_DOWN)
        vm = re.search(
            r"(提高|提升|上升|增长|增加|下降|减少|降低|下滑|回落|高于|低于|高出|减)"
            r"(?:了)?\s?$",
            before,
        )
        start = c.start - len(before) + vm.start() if vm else c.start
        for cm in _COMPARE_RE.finditer(norm, max(sa, start - 12), start):
            start = cm.start()
        rates = [
            p
            for p in cands[:i]
            if p.start >= sa and p.quantity.unit in _RATE_UNITS and p.kind in ("rate", "growth")
        ]
        rate_fig = rates[-1] if rates else None
        basis_fig: _Cand | None = None
        if rate_fig is not None and rate_fig.kind == "rate":
            # 较上年的97.3%提高2.2个百分点: the rate before is the prior; 由83.5%提高到96.0%
            if _PRIOR_RATE_RE.search(norm[max(sa, rate_fig.start - 8) : rate_fig.start]):
                basis_fig = rate_fig
                rate_fig = rates[-2] if len(rates) > 1 else None
            elif len(rates) > 1 and (
                _FROM_RE.search(norm[max(sa, rates[-2].start - 10) : rates[-2].start])
                or (
                    _TO_RE.fullmatch(norm[rates[-2].end : rate_fig.start])
                    and _PRIOR_LEAD_RE.search(norm[max(sa, rates[-2].start - 8) : rates[-2].start])
                )
            ):
                basis_fig = rates[-2]
        if rate_fig is not None and basis_fig is None:
            # 为95.6%,较上年提高3.2个百分点(上年为92.4%)
            basis_fig = _prior_after(norm, cands, i, rate_fig)
        if rate_fig is not None and basis_fig is not None:
            basis_fig.role = "basis"
            # the prior is the same indicator: 由上年的92.4%提高到95.6% names it once
            _set_subject(rate_fig, rate_fig.subject or basis_fig.subject)
            _set_subject(basis_fig, rate_fig.subject)
        out.append(
            PPChangeClaim(
                subject=rate_fig.subject if rate_fig else c.subject,
                quote=text[start : c.end],
                span=(start, c.end),
                section=sections.at(start),
                rate=_signed(c.quantity, down),
                rate_figure=c.figures[0] if c.figures else None,
                figure=_fig(rate_fig) if rate_fig else None,
                basis=_fig(basis_fig) if basis_fig else None,
                direction="down" if down else "up",
            )
        )
        if rate_fig is not None and rate_fig.subject:
            _set_subject(c, rate_fig.subject)
    return out


_COUNTISH: Final = frozenset({"count"})


def _overlap(stem: str, ctx: str) -> bool:
    stem = stem.removesuffix("率")
    return any(stem[k : k + 2] in ctx for k in range(len(stem) - 1))


#: Head nouns that make a count a population of cases rather than an outcome: in
#: 行政应诉案件312件,出庭应诉率100% the count is what the rate is a share of.
_POPULATION_NOUNS: Final = ("案件", "申请", "纠纷", "事项", "案")


def _count_names_part(stem: str, ctx: str) -> bool:
    """Whether the words before a count name the rate's numerator (调解成功4470件 / 调解成功率).

    The whole stem of the rate in the count's clause names it (纠错案件236件 / 纠错率). Its
    last two characters do too (以调解方式结案170件 / 调解率), unless a population noun
    follows them there (行政应诉案件 / 出庭应诉率: the cases are the whole, not the part).
    """
    if len(stem) < 2:
        return False
    if stem in ctx:
        return True
    tail = stem[-2:]
    i = ctx.find(tail)
    while i >= 0:
        if not ctx.startswith(_POPULATION_NOUNS, i + 2):
            return True
        i = ctx.find(tail, i + 1)
    return False


def _share_claims(text: str, norm: str, cands: list[_Cand], sections: _Sections) -> list[Claim]:
    out: list[Claim] = []
    for i, c in enumerate(cands):
        if c.kind != "rate" or c.quantity.unit not in (*_RATE_UNITS, "") or c.role == "basis":
            continue
        sa, _ = _sentence_bounds(norm, c.start)
        item = _item_start(norm, c.start)
        zhan = bool(
            re.search(
                r"占(?:比|到|全部|总[数量]?|比重|的比例|比例)?(?:为|达|约为?)?\s?$",
                norm[max(0, c.start - 10) : c.start],
            )
        )
        prev: _Cand | None = None
        subj0 = c.listed[0] if c.listed else c.subject
        stem0 = subj0.removesuffix("率")[-2:]
        for j in range(i - 1, -1, -1):
            p = cands[j]
            if p.start < item:
                break
            if p.kind not in _COUNTISH or p.role == "difference":
                continue
            if p.start >= sa or zhan:
                prev = p
                break
            # no count in the rate's own sentence: a count in the same item whose words
            # name the rate (调解和解52件 … 调解和解率13.1%)
            if len(stem0) == 2 and stem0 in norm[_clause_start(norm, p.start, 0) : p.end]:
                prev = p
                break
        if prev is None:
            continue
        same_sentence = prev.start >= sa
        subj = c.listed[0] if c.listed else c.subject
        pctx = norm[_clause_start(norm, prev.start, 0) : prev.end]
        part: _Cand | None = None
        total: _Cand | None = None
        confidence: Literal["stated", "inferred"] = "stated"
        stem = subj.removesuffix("率")
        noun = stem[:-2]
        names_part = _count_names_part(stem, pctx)
        if zhan or names_part:
            part = prev
            total = _find_total(norm, cands, cands.index(prev), part, item)
            if total is not None and total.start < sa:
                confidence = "inferred"
            if not same_sentence:
                confidence = "inferred"
                if zhan and not names_part:
                    # 占比 with no count in its own sentence: the count before is the whole
                    part, total = None, prev
        elif (
            same_sentence
            and prev.quantity.unit not in _EVENT_UNITS
            and (len(subj) <= 4 or (noun and _overlap(noun, pctx)) or _handled_total(stem, pctx))
        ):
            total = prev
        else:
            continue
        cs = _clause_start(norm, c.start, 0)
        start = cs
        for x in (part, total):
            if x is not None and x.start >= sa:
                start = min(start, x.start)
        for fig in c.figures:
            out.append(
                ShareClaim(
                    subject=fig.subject,
                    quote=text[start : c.end],
                    span=(start, c.end),
                    section=sections.at(start),
                    rate=c.quantity,
                    rate_figure=fig,
                    total=_fig(total) if total else None,
                    part=_fig(part) if part else None,
                    binding=Binding.STATED if confidence == "stated" else Binding.POSITIONAL,
                )
            )
    return out


#: Units of sessions and rounds: 学法4期,参学率100% is a rate of people, not of sessions.
_EVENT_UNITS: Final = frozenset({"期", "场", "次", "场次", "批", "批次", "轮", "届", "天"})
_OUTCOME_STEMS: Final = ("办结", "答复", "办复", "回复", "结案", "审结", "化解", "解决")
_HANDLING_RE: Final = re.compile(r"办理|收到|受理|接收|排查|共")


def _handled_total(stem: str, ctx: str) -> bool:
    """Whether a rate of an outcome (按期办结率) is a share of the handled count before it
    (办理热线工单约3600件).

    Examples:
        >>> _handled_total("按期办结", "办理市民热线工单约3600件")
        True
        >>> _handled_total("参学", "学法4期")
        False
    """
    return stem.endswith(_OUTCOME_STEMS) and _HANDLING_RE.search(ctx) is not None


_TOTAL_WORDS: Final = ("共", "总", "收到", "受理", "审结", "办结", "累计", "合计", "全年", "全部")


def _find_total(norm: str, cands: list[_Cand], k: int, part: _Cand, item: int) -> _Cand | None:
    lo = max(0, part.start - 600, _item_start(norm, part.start) if item < 0 else item)
    best: _Cand | None = None
    for j in range(k - 1, -1, -1):
        p = cands[j]
        if p.start < lo:
            break
        if p.kind != "count" or p.role == "difference" or p.quantity.unit != part.quantity.unit:
            continue
        if p.quantity.value < part.quantity.value:
            continue
        ctx = norm[_clause_start(norm, p.start, 0) : p.start]
        if any(w in ctx for w in _TOTAL_WORDS) or "中" in norm[p.end : p.end + 2]:
            return p
        if best is None:
            best = p
    return best


_LIST_RE: Final = re.compile(r"其中|分别为|分别是|包括|主要为|结果为")
#: List words that say the parts are the whole (包括 and 主要为 do not).
_STATED_LIST_WORDS: Final = frozenset({"分别为", "分别是", "结果为"})


def _breakdown_claims(text: str, norm: str, cands: list[_Cand], sections: _Sections) -> list[Claim]:
    out: list[Claim] = []
    starts = [c.start for c in cands]
    for m in _LIST_RE.finditer(norm):
        word = m.group(0)
        sa, sb = _sentence_bounds(norm, m.start())
        k = bisect.bisect_left(starts, m.start())
        total: _Cand | None = None
        # the total: the last count before the list word, in this sentence (or the
        # previous one when the list word opens a sentence)
        lo = sa if m.start() - sa > 2 else _sentence_bounds(norm, max(0, sa - 2))[0]
        for j in range(k - 1, -1, -1):
            p = cands[j]
            if p.start < lo:
                break
            if (
                p.kind in ("count", "money")
                and p.role not in ("difference", "basis")
                and not _is_prior(norm, p)
                and not _in_parens(norm, p.start, lo)
            ):
                total = p
                break
        if total is None:
            continue
        if lo < sa:
            # 其中 opening a sentence after a list: the parts of that list's total
            listed = next(
                (
                    b
                    for b in out
                    if isinstance(b, BreakdownClaim) and b.parts and b.parts[-1] is _fig(total)
                ),
                None,
            )
            if isinstance(listed, BreakdownClaim):
                total = next((c for c in cands if c.figures and _fig(c) is listed.total), total)
        parts: list[_Cand] = []
        for j in range(k, len(cands)):
            p = cands[j]
            if p.start >= sb:
                break
            if p.kind != total.kind or p.role == "difference" or not _same_unit(p, total):
                continue
            if _in_parens(norm, p.start, m.end()):
                continue  # 办结35件(含上年度2件): a part of the part, not of the total
            clause = norm[max(_clause_start(norm, p.start, 0), m.end()) : p.start]
            if parts and ("其中" in clause or _NEW_FIGURE_RE.match(clause)):
                break  # the list ends where a clause starts another figure
            parts.append(p)
        if not parts:
            continue
        other = _has_other(parts)
        exhaustive = word != "其中" or other
        if word == "其中" and len(parts) == 1:
            exhaustive = False
        # 分别为/分别是/结果为 and a 其他 part say the list is whole; 包括/主要为 only list
        stated = other or word in _STATED_LIST_WORDS
        start, end = total.start, parts[-1].end
        out.append(
            BreakdownClaim(
                subject=total.subject,
                quote=text[start:end],
                span=(start, end),
                section=sections.at(start),
                total=_fig(total),
                parts=tuple(_fig(p) for p in parts),
                exhaustive=exhaustive,
                binding=Binding.STATED if stated or not exhaustive else Binding.POSITIONAL,
            )
        )
    return out


#: Measure words that count the same things (申请 8份 … 予以公开 2件).
_SAME_UNITS: Final = (frozenset({"件", "份", "宗"}),)


def _same_unit(a: _Cand, b: _Cand) -> bool:
    """Whether two counts are in the same unit (a missing unit fits any; 件/份/宗 agree)."""
    ua, ub = a.quantity.unit, b.quantity.unit
    if ua == ub or not ua or not ub:
        return True
    return any(ua in g and ub in g for g in _SAME_UNITS)


def _breakdown(
    text: str,
    sections: _Sections,
    total: _Cand,
    parts: list[_Cand],
    exhaustive: bool,
    *,
    inferred: bool = False,
) -> BreakdownClaim:
    """A breakdown of ``total``; ``inferred`` when completeness comes from the list's shape."""
    start = min(total.start, parts[0].start)
    end = max(total.end, parts[-1].end)
    return BreakdownClaim(
        subject=total.subject,
        quote=text[start:end],
        span=(start, end),
        section=sections.at(start),
        total=_fig(total),
        parts=tuple(_fig(p) for p in parts),
        exhaustive=exhaustive,
        binding=Binding.POSITIONAL if inferred else Binding.STATED,
    )


def _dedupe_breakdowns(claims: list[Claim]) -> list[Claim]:
    """One breakdown per (total, parts): several rules may read the same list.

    The first reading is kept, unless a later one says the list is complete in words
    (``confidence="stated"``) where the first only inferred it.
    """
    seen: dict[tuple[tuple[int, int], tuple[tuple[int, int], ...]], int] = {}
    out: list[Claim] = []
    for c in claims:
        assert isinstance(c, BreakdownClaim)
        key = (c.total.span, tuple(p.span for p in c.parts))
        k = seen.get(key)
        if k is None:
            seen[key] = len(out)
            out.append(c)
            continue
        kept = out[k]
        assert isinstance(kept, BreakdownClaim)
        if kept.confidence == "inferred" and c.confidence == "stated" and c.exhaustive:
            out[k] = c
    return out


def _is_part_count(p: _Cand, total: _Cand) -> bool:
    return p.kind == total.kind and p.role != "difference" and _same_unit(p, total)


def _has_other(parts: list[_Cand]) -> bool:
    return any(p.subject.startswith(("其他", "其余", "其它")) for p in parts)


_PAREN_LIST_RE: Final = re.compile(r"[(（](?:含|包含|包括|其中)[:：]?")


_PRIOR_RE: Final = re.compile(
    r"(?:较|比|同比|与|和)(?:上年|去年|上一年|上年度|(?:19|20)\d{2}年度?)(?:同期)?(?:的)?\s?$"
)


def _is_prior(norm: str, c: _Cand) -> bool:
    """Whether a figure is the prior-year value of a comparison (较去年60件)."""
    return _PRIOR_RE.search(norm[max(0, c.start - 10) : c.start]) is not None


def _paren_breakdowns(text: str, norm: str, cands: list[_Cand], sections: _Sections) -> list[Claim]:
    """``1319条(含政府信息公开1115条,财政资金信息204条)``: the count before the bracket is
    the total, the counts inside it are parts (complete only when one is 其他/其余).
    """
    out: list[Claim] = []
    ends = {c.end: c for c in cands}
    starts = [c.start for c in cands]
    for m in _PAREN_LIST_RE.finditer(norm):
        total = ends.get(m.start()) or ends.get(m.start() - 1)
        if total is None or total.kind not in ("count", "money"):
            continue
        close = norm.find(")", m.end(), m.end() + 120)
        close2 = norm.find("）", m.end(), m.end() + 120)
        close = min(x for x in (close, close2, m.end() + 120) if x >= 0)
        k = bisect.bisect_left(starts, m.end())
        parts = [p for p in cands[k:] if p.end <= close and _is_part_count(p, total)]
        if parts:
            out.append(_breakdown(text, sections, total, parts, _has_other(parts)))
    return out


#: ``(在)审结的1187件(案件)中``: a count that opens a list of its parts.
_AMONG_RE: Final = re.compile(r"\s?[\u4e00-\u9fff]{0,6}?中(?![心国央华学小型层期间])")
_AMONG_BEFORE: Final = ("的", "在", "上述", "这", "以上")
#: A clause that starts a new figure rather than a part of the list before (办理…, 收到…,
#: 办结…); 不予受理 is an outcome, not a new figure.
_NEW_FIGURE_RE: Final = re.compile(
    r"\s?(?:全年|当年|年内|已|另|还|共|累计|合计|总计|同时)*"
    r"(?:收到|受理|办理|办结|审结|发生|新收|接收|结转|共|累计|合计|总计)"
)
#: Words that make a count the number of disposed cases (every one has an outcome).
_DISPOSED_WORDS: Final = ("办结", "审结", "结案", "答复", "处理完毕")


def _among_breakdowns(text: str, norm: str, cands: list[_Cand], sections: _Sections) -> list[Claim]:
    """``办结的147件中,予以公开58件,部分公开21件…``: the parts of a total that opens a list.

    The parts are the counts of the same unit that follow in the sentence, up to a clause
    that starts another figure (办理…, 收到…, 共…). The list is complete when a part is
    其他/其余, or when the total counts disposed cases (办结, 审结, 答复) and three or more
    outcomes are listed: every disposed case has exactly one outcome.
    """
    out: list[Claim] = []
    for i, total in enumerate(cands):
        if total.kind != "count" or total.role in ("difference", "basis"):
            continue
        m = _AMONG_RE.match(norm, total.end)
        if m is None:
            continue
        cs = _clause_start(norm, total.start, 0)
        before = norm[cs : total.start]
        if not before.endswith(_AMONG_BEFORE) and not before.startswith("在"):
            continue
        _, sb = _sentence_bounds(norm, total.start)
        parts: list[_Cand] = []
        for p in cands[i + 1 :]:
            if p.start >= sb:
                break
            if not _is_part_count(p, total):
                continue
            clause = norm[max(_clause_start(norm, p.start, 0), m.end()) : p.start]
            if parts and _NEW_FIGURE_RE.match(clause):
                break
            parts.append(p)
        if not parts:
            continue
        disposed = any(w in before for w in _DISPOSED_WORDS)
        other = _has_other(parts)
        by_shape = not other and disposed and len(parts) >= 3
        out.append(_breakdown(text, sections, total, parts, other or by_shape, inferred=by_shape))
    return out


_CARRY_OUT_RE: Final = re.compile(r"结转(?:至|到)?下(?:一)?年|转入下(?:一)?年|下年度结转")
_CARRY_IN_RE: Final = re.compile(r"上(?:一)?年(?:度)?结转|结转上(?:一)?年|上年度转入")
_DONE_RE: Final = re.compile(r"办结|审结|答复|办理完毕|结案|办复")
_INTAKE_RE: Final = re.compile(r"收到|受理|办理|提交|新收|接收|共")
_SUM_WORD_RE: Final = re.compile(r"共|合计|总计|累计")


def _in_parens(norm: str, pos: int, lo: int) -> bool:
    seg = norm[lo:pos]
    opened = max(seg.rfind("("), seg.rfind("（"))
    return opened >= 0 and max(seg.rfind(")"), seg.rfind("）")) < opened


def _balance_breakdowns(
    text: str, norm: str, cands: list[_Cand], sections: _Sections
) -> list[Claim]:
    """The balance of applications: 收到 + 上年结转 = 办结 + 结转下年, where a total is printed.

    Two printed forms make a breakdown without inventing a total:

    * ``办理申请152件(含上年结转6件),已办结147件,结转下年度继续办理5件``: the handled total
      is printed; its parts are the disposed and the carried-forward counts. Not when the
      carry-in is printed on its own (then the handled total is not printed).
    * ``新收136件,结转上年度3件,办理答复139件,结转下年度0件`` or ``…今年共办结35件``: the
      disposed total is printed and nothing (0) is carried forward, or it is a 共 total; its
      parts are the new and the carried-in counts.
    """
    out: list[Claim] = []

    def clause(c: _Cand) -> str:
        return norm[_clause_start(norm, c.start, 0) : c.start]

    for i, c in enumerate(cands):
        if c.kind != "count" or c.role in ("difference", "basis"):
            continue
        words = clause(c)
        if "结转" not in words and "转入" not in words:
            continue
        sa, sb = _sentence_bounds(norm, c.start)
        if _CARRY_OUT_RE.search(words):
            # form 1: T (收到/办理), A (办结), c (结转下年)
            done = next(
                (
                    p
                    for p in reversed(cands[:i])
                    if p.start >= sa and _is_part_count(p, c) and not _in_parens(norm, p.start, sa)
                ),
                None,
            )
            if done is None or not _DONE_RE.search(clause(done)) or "结转" in clause(done):
                continue
            j = cands.index(done)
            total = None
            for p in reversed(cands[:j]):
                if p.start < sa:
                    break
                if _in_parens(norm, p.start, sa):
                    continue
                if _is_part_count(p, c) and p.role not in ("difference", "basis"):
                    total = p
                    break
            if total is None:
                continue
            tw = clause(total)
            if not _INTAKE_RE.search(tw) or "结转" in tw or _DONE_RE.search(tw):
                continue
            seen_in = any(
                _CARRY_IN_RE.search(clause(p)) and not _in_parens(norm, p.start, sa)
                for p in cands
                if sa <= p.start < sb and p is not total
            )
            if seen_in:
                continue
            out.append(_breakdown(text, sections, total, [done, c], True))
        elif _CARRY_IN_RE.search(words) and not _in_parens(norm, c.start, sa):
            # form 2: N (新收/收到), c (上年结转), T (共办结 / 办理答复 … 结转下年0件)
            new = next(
                (p for p in reversed(cands[:i]) if p.start >= sa and _is_part_count(p, c)),
                None,
            )
            if new is None or not _INTAKE_RE.search(clause(new)) or "结转" in clause(new):
                continue
            _, sb2 = _sentence_bounds(norm, min(len(norm) - 1, sb + 1))
            later = [p for p in cands[i + 1 :] if p.start < sb2 and _is_part_count(p, c)]
            if not later:
                continue
            total = later[0]
            tw = clause(total)
            if not _DONE_RE.search(tw) or "结转" in tw:
                continue
            carried = [p for p in later[1:] if _CARRY_OUT_RE.search(clause(p))]
            if any(p.quantity.value != 0 for p in carried):
                continue  # 结转下年度13件: the balance total is not printed
            if not (_SUM_WORD_RE.search(tw) or carried):
                continue
            out.append(_breakdown(text, sections, total, [new, c], True))
    return out


_NUMWORD: Final = r"[\d一二两三四五六七八九十]{1,3}"
_STREAK_RE: Final = re.compile(rf"连续(第)?({_NUMWORD})(个)?(年|届|次|个年度)")
_STREAK_IN_SUBJECT_RE: Final = re.compile(
    r"连续(?:第)?[\d一二两三四五六七八九十]{1,3}(?:个)?(?:年|届|次)|保持$"
)
_STREAK_VERBS: Final = ("获评为", "获评", "被评为", "评为", "荣获", "获得", "获", "保持", "位列",
                        "位居", "排名", "入选", "被命名为", "被确定为", "获选")  # fmt: skip


def _int_of(s: str) -> int | None:
    """The whole number ``s`` (Arabic or Chinese), or ``None`` if it is not one."""
    try:
        value, _ = parse_number(s)
    except ParseError:
        return None
    return int(value) if value == value.to_integral_value() else None


def _streak_claims(text: str, norm: str, sections: _Sections) -> list[Claim]:
    out: list[Claim] = []
    for m in _STREAK_RE.finditer(norm):
        n = _int_of(m.group(2))
        if not n or n < 2 or n > 200:
            continue
        cs = _clause_start(norm, m.start(), 0)
        ce = m.end()
        while ce < len(norm) and ce - m.end() < 40 and norm[ce] not in pat.CLAUSE_END:
            ce += 1
        before = _strip_subject(norm[cs : m.start()])
        if re.fullmatch(r".{0,8}?(?:区|市|县|省|镇|街道|乡|我区|我市|我县|我局|我省)", before):
            before = ""
        after = norm[m.end() : ce]
        for v in _STREAK_VERBS:
            if after.startswith(v):
                after = after[len(v) :]
                break
        after = after.strip(_PUNCT_STRIP + "为")
        after = "".join(ch for ch in after if ch not in '“”"《》')
        subject = (before + after)[:40]
        out.append(
            StreakClaim(
                subject=subject,
                quote=text[m.start() : m.end()],
                span=(m.start(), m.end()),
                section=sections.at(m.start()),
                years=n,
            )
        )
    return out


_RANK_RE: Final = re.compile(
    r"(?P<verb>名列|位列|位居|排名|排在|排位|跃居|居于|稳居|位于|保持|跃升至|跃升到|居)?"
    r"(?P<scope>全(?:国|省|市|区|县|州|盟)[^，。；,;、\s第首前\d]{0,10}?)?"
    r"(?:排名|排|位列|名列|位居|居)?"
    rf"(?:第(?P<n>{_NUMWORD})(?P<u>名|位|档次|档)?|(?P<first>首位)|前(?P<top>{_NUMWORD})(?:名|位)?)"
)
_RANK_SCOPE_BEFORE_RE: Final = re.compile(
    r"(全(?:国|省|市|区|县|州|盟))[^，。；,;、\d]{0,24}?中\s?$"
)
_RANK_BAD_NEXT: Final = frozenset("批届期次号条款章节项部个责把轮季阶级类天周年月日人")


def _rank_claims(text: str, norm: str, sections: _Sections) -> list[Claim]:
    out: list[Claim] = []
    for m in _RANK_RE.finditer(norm):
        if not (m.group("verb") or m.group("scope")):
            continue
        if m.group("n"):
            rank = _int_of(m.group("n"))
            nxt = norm[m.end() : m.end() + 1]
            if not m.group("u") and nxt and nxt in _RANK_BAD_NEXT:
                continue
        elif m.group("first"):
            rank = 1
        else:
            rank = _int_of(m.group("top") or "")
        if not rank or rank > 10000:
            continue
        scope = m.group("scope") or ""
        start = m.start("scope") if scope else m.start()
        if m.group("verb"):
            start = m.start()
        subject_start = _clause_start(norm, start, 0)
        if scope.endswith("中") and len(scope) > 3:
            scope = scope[:2]  # 全省法治政府建设考评中第二: the scope is 全省
        elif not scope:
            # 在全省法治政府建设考评中排名第二
            sm = _RANK_SCOPE_BEFORE_RE.search(norm, subject_start, start)
            if sm:
                scope = sm.group(1)
        out.append(
            RankClaim(
                subject=_strip_subject(norm[subject_start:start])[-30:],
                quote=text[start : m.end()],
                span=(start, m.end()),
                section=sections.at(start),
                rank=rank,
                scope=scope,
            )
        )
    return out
