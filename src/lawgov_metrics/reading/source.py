"""Where a report's text comes from: files, bytes, decoding and HTML.

Decoding never guesses silently. Without an explicit ``encoding`` the bytes are read, in
this order, as:

1. the encoding their byte-order mark names (UTF-8, UTF-16 or UTF-32, either byte order);
2. UTF-16 without a BOM, when NUL bytes fall on one side of every pair (ASCII digits and
   punctuation in UTF-16) and the bytes decode strictly to text without control characters;
3. the charset an HTML page declares (``<meta charset>``), when the bytes honour it;
4. UTF-8, when the bytes are UTF-8; also when only a few sequences are broken (one bad byte,
   a truncated last character), which are replaced and counted in a warning;
5. GB18030 (a superset of GBK and GB2312), when the bytes are GB18030;
6. otherwise UTF-8 with every undecodable sequence replaced by U+FFFD, and the count of
   replaced characters recorded in :attr:`Report.warnings <lawgov_metrics.Report.warnings>`.

Bytes that are not text at all (NUL bytes outside UTF-16/32, or many control characters: a
PDF, an image, an archive) raise :class:`~lawgov_metrics.ReadError`.

Text of any origin passes :func:`clean_text` at the input boundary: lone surrogates (which
no encoder accepts) become U+FFFD, one code point for one, so every offset stays valid.

Examples:
    >>> from lawgov_metrics.reading.source import decode
    >>> decode("收到申请12件".encode("gb18030"))
    ('收到申请12件', ())
    >>> text, warnings = decode("收到申请12件".encode("utf-8")[:-1])
    >>> text, warnings
    ('收到申请12\\ufffd', ('1 undecodable character replaced with U+FFFD (read as UTF-8)',))
"""

from __future__ import annotations

import codecs
import os
import re
from html.parser import HTMLParser
from typing import Final

import attrs

from ..errors import ParseError, ReadError

__all__ = ["Source", "clean_text", "decode", "html_to_text", "read_source"]

_HTML_SUFFIXES: Final = (".html", ".htm", ".shtml", ".xhtml")
_META_CHARSET_RE: Final = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_\-]{1,40})""", re.I
)
#: Names pages use for GB2312/GBK, all read as their superset GB18030.
_GB_NAMES: Final = frozenset({"gb2312", "gbk", "gb_2312-80", "x-gbk", "euc-cn", "cp936"})
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
#: C0 control characters that never occur in text (tab, newlines, form feed and escape do).
_CONTROL_RE: Final = re.compile("[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]")
_SURROGATE_RE: Final = re.compile("[\ud800-\udfff]")
#: Broken UTF-8 is still UTF-8 when it has this many good sequences per broken one.
_UTF8_GOOD_PER_BAD: Final = 2


@attrs.frozen(kw_only=True)
class Source:
    """A report's text as read from a file, before extraction.

    Attributes:
        text: The decoded (for HTML: de-tagged) text.
        path: The file it was read from.
        is_html: Whether the file was read as HTML.
        encoding: The codec the bytes were decoded with.
        warnings: What went wrong without stopping the read (replaced characters).
    """

    text: str
    path: str
    is_html: bool = False
    encoding: str = "utf-8"
    warnings: tuple[str, ...] = ()


def clean_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Replace lone surrogates by U+FFFD, one code point for one (offsets are kept).

    Args:
        text: Any ``str``.

    Returns:
        The cleaned text and a warning per kind of replacement (empty when none).

    Examples:
        >>> clean_text("办理\\ud800案件12件")
        ('办理\\ufffd案件12件', ('1 lone surrogate replaced with U+FFFD',))
        >>> clean_text("办理12件")
        ('办理12件', ())
    """
    if _SURROGATE_RE.search(text) is None:
        return text, ()
    cleaned, n = _SURROGATE_RE.subn("\ufffd", text)
    return cleaned, (f"{n} lone surrogate{'s' if n > 1 else ''} replaced with U+FFFD",)


def _replaced(n: int, codec: str) -> str:
    chars = "character" if n == 1 else "characters"
    return f"{n} undecodable {chars} replaced with U+FFFD (read as {codec})"


def _lenient(raw: bytes, codec: str) -> tuple[str, tuple[str, ...]]:
    """``raw`` decoded with replacement, and a warning with the count of replacements."""
    before = raw.count("\ufffd".encode(codec)) if codec.startswith("utf") else 0
    text = raw.decode(codec, errors="replace")
    n = text.count("\ufffd") - before
    label = "UTF-8" if codec == "utf-8" else codec.upper()
    return text, ((_replaced(n, label),) if n > 0 else ())


def _utf16_without_bom(raw: bytes) -> str | None:
    """The codec of BOM-less UTF-16, told by where its NUL bytes fall, else ``None``."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    even = raw[0::2].count(0)
    odd = raw[1::2].count(0)
    if odd and not even:
        return "utf-16-le"
    if even and not odd:
        return "utf-16-be"
    return None


def _strict(raw: bytes, codec: str) -> str | None:
    try:
        return raw.decode(codec)
    except (UnicodeDecodeError, LookupError):
        return None


def _declared(raw: bytes) -> str | None:
    m = _META_CHARSET_RE.search(raw[:4096])
    if m is None:
        return None
    name = m.group(1).decode("ascii", "replace").lower()
    return "gb18030" if name in _GB_NAMES else name


def _mostly_utf8(raw: bytes) -> tuple[str, tuple[str, ...]] | None:
    """UTF-8 with a few broken sequences (a bad byte, a cut last character), else ``None``.

    Text in another encoding read as UTF-8 breaks at almost every non-ASCII byte; UTF-8
    with a bad byte breaks once among many good sequences.
    """
    text, warnings = _lenient(raw, "utf-8")
    bad = text.count("\ufffd")
    good = len(text) - len(text.encode("ascii", "ignore")) - bad
    if good >= _UTF8_GOOD_PER_BAD * bad:
        return text, warnings
    if bad == 1 and good and any(_strict(raw[:-k], "utf-8") is not None for k in (1, 2, 3)):
        return text, warnings  # only the last character was cut
    return None


def decode(
    raw: bytes, encoding: str | None = None, *, html: bool = False
) -> tuple[str, tuple[str, ...]]:
    """Decode a report's bytes in the order the module describes.

    Args:
        raw: The file's bytes.
        encoding: A codec name that overrides detection (decoded strictly).
        html: Whether an HTML ``<meta charset>`` is honoured.

    Returns:
        The text and the warnings about it (replaced characters), possibly empty.

    Raises:
        LookupError: ``encoding`` names no codec.
        UnicodeDecodeError: The bytes are not in ``encoding``.

    Examples:
        >>> decode("办理12件".encode("utf-16-le"))
        ('办理12件', ())
        >>> decode(codecs.BOM_UTF32_LE + "办理12件".encode("utf-32-le"))
        ('办理12件', ())
        >>> decode('<meta charset="utf-8"><p>办理</p>'.encode("gbk"), html=True)[0][-9:]
        '<p>办理</p>'
    """
    if encoding is not None:
        return raw.decode(encoding), ()
    for bom, codec in _BOMS:
        if raw.startswith(bom):
            return _lenient(raw[len(bom) :], codec)
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        text = _strict(raw, utf16)
        if text is not None and _CONTROL_RE.search(text) is None:
            return text, ()
    if html:
        declared = _declared(raw)
        if declared is not None:
            text = _strict(raw, declared)
            if text is not None:
                return text, ()
    text = _strict(raw, "utf-8")
    if text is not None:
        return text, ()
    mostly = _mostly_utf8(raw)
    if mostly is not None:
        return mostly
    text = _strict(raw, "gb18030")
    if text is not None:
        return text, ()
    return _lenient(raw, "utf-8")


def _check_text(text: str, path: str) -> None:
    """Raise :class:`ReadError` when decoded bytes are binary data rather than text."""
    if "\x00" in text:
        raise ReadError(path, "the bytes hold NUL characters (binary data, not text)")
    controls = len(_CONTROL_RE.findall(text, 0, 65536))
    if controls > 8 and controls * 100 > min(len(text), 65536):
        raise ReadError(
            path, f"{controls} control characters in the first 64K (binary data, not text)"
        )


def _looks_like_html(path: str, raw: bytes) -> bool:
    if path.lower().endswith(_HTML_SUFFIXES):
        return True
    head = raw[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html"))


def read_source(path: str | os.PathLike[str], *, encoding: str | None = None) -> Source:
    """Read a ``.txt`` or ``.html`` file into text, decoded as the module describes.

    Args:
        path: The file.
        encoding: A codec name that overrides detection.

    Returns:
        The :class:`Source`.

    Raises:
        OSError: The file cannot be read.
        lawgov_metrics.ParseError: The bytes cannot be decoded with the given encoding.
        lawgov_metrics.ReadError: The bytes are binary data, not text.

    Examples:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
        >>> _ = p.write_bytes(b"%PDF-1.7\\x00\\x00\\x01\\x02")
        >>> read_source(p)
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ReadError: cannot read ... as text: the bytes hold NUL characters ...
    """
    p = os.fspath(path)
    with open(p, "rb") as fh:
        raw = fh.read()
    is_html = _looks_like_html(p, raw)
    try:
        text, warnings = decode(raw, encoding, html=is_html)
    except (LookupError, UnicodeDecodeError) as exc:
        raise ParseError(p, f"cannot decode with encoding {encoding!r}: {exc}") from exc
    _check_text(text, p)
    text, cleaned = clean_text(text)
    if is_html:
        text = html_to_text(text)
    return Source(text=text, path=p, is_html=is_html, warnings=(*warnings, *cleaned))


# ---------------------------------------------------------------------------------------
# HTML to text

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


#: Blank lines; possessive and guarded, so a long run of spaces is scanned once.
_BLANKS_RE: Final = re.compile(r"(?<![ \t\r\f\v])[ \t\r\f\v]*+\n\s*\n[ \t\r\f\v]*+")


def _unopenable(html_text: str) -> str:
    """``html_text`` with every ``<`` that can never be closed written as ``&lt;``.

    The standard parser tries each unclosed ``<`` (a tag with no ``>`` after it, a comment
    with no ``-->``) against the rest of the page, once per ``<``: quadratic time on a page
    of such soup. A ``<`` after the page's last ``>`` (a ``<!--`` after its last ``-->``)
    can only be text, so it is escaped first and the parser reads it as text at once.

    Examples:
        >>> _unopenable("<p>a</p> 1<2 <!-- x")
        '<p>a</p> 1&lt;2 &lt;!-- x'
    """
    last_close = html_text.rfind(">")
    last_comment_end = html_text.rfind("-->")
    first = html_text.find("<", last_close + 1)
    tail_comments = html_text.find("<!--", last_comment_end + 1)
    if first < 0 and tail_comments < 0:
        return html_text
    head_end = len(html_text) if first < 0 else first
    head = html_text[:head_end]
    if tail_comments >= 0 and tail_comments < head_end:
        start = tail_comments
        head = head[:start] + head[start:].replace("<!--", "&lt;!--")
    return head + html_text[head_end:].replace("<", "&lt;")


def html_to_text(html_text: str) -> str:
    """Strip markup from an HTML page, keeping text order; blocks become line breaks.

    Scripts, styles and the ``<head>`` are dropped; table cells are separated by ``|``;
    runs of blank lines collapse to one blank line.

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
        parser.feed(_unopenable(html_text))
        parser.close()
    except Exception:  # the standard parser gives up on some soups: keep the text as is
        return html_text
    text = "".join(parser.parts)
    text = _BLANKS_RE.sub("\n\n", text)
    return text.strip()
