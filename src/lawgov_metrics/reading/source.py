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
from typing import Final

import attrs

from ..errors import ParseError, ReadError
from .html import html_to_text

__all__ = ["Source", "clean_text", "decode", "read_source"]

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


#: Code points of Chinese report text: ASCII, Latin, general and CJK punctuation, kana, CJK
#: ideographs, compatibility ideographs, full-width forms.
_PLAUSIBLE: Final = (
    (0x09, 0x0D), (0x20, 0x7E), (0xA0, 0x2FF), (0x2000, 0x206F), (0x2E80, 0x9FFF),
    (0xF900, 0xFAFF), (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
)  # fmt: skip


def _plausible(ch: str) -> bool:
    code = ord(ch)
    return any(lo <= code <= hi for lo, hi in _PLAUSIBLE)


def _utf16_without_bom(raw: bytes) -> str | None:
    """The codec of BOM-less UTF-16, else ``None``.

    Bytes with NULs that decode strictly as UTF-16 (either byte order) into text of which
    at least 95 % is of the characters Chinese reports are written in. Other bytes decoded
    as UTF-16 land all over the code space (private use, Hangul, Yi, surrogates), so the
    test is a strong one; the parity of the NUL bytes alone is not (一, U+4E00, puts its
    NUL where ASCII digits do not).

    Examples:
        >>> _utf16_without_bom("申请786宗,一二三".encode("utf-16-le"))
        'utf-16-le'
        >>> _utf16_without_bom(bytes(range(256))) is None
        True
    """
    if len(raw) < 4 or len(raw) % 2 or b"\x00" not in raw:
        return None
    head = raw[:65536]
    for codec in ("utf-16-le", "utf-16-be"):
        for cut in (head, head[:-2]):  # a cut head may end inside a surrogate pair
            try:
                text = cut.decode(codec)
            except UnicodeDecodeError:
                continue
            good = sum(1 for ch in text if _plausible(ch))
            if text and good * 100 >= 95 * len(text):
                return codec
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


#: File signatures of formats reports are saved in that are not text, and what to do.
_SIGNATURES: Final = (
    (b"%PDF-", "a PDF document, not text: convert it to text first (for example with pdftotext)"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .ofd file?), not text: save it as text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (.doc, .xls, .wps), not text"),
    (b"{\\rtf", "an RTF document, not plain text: save it as text"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image, not text"),
    (b"\xff\xd8\xff", "a JPEG image, not text"),
    (b"GIF8", "a GIF image, not text"),
    (b"\x1f\x8b", "gzip-compressed data, not text: decompress it first"),
)


def _check_signature(raw: bytes, path: str) -> None:
    """Raise :class:`ReadError` naming the format when ``raw`` starts like a known
    non-text file (a PDF, an Office document, an archive, an image)."""
    for magic, what in _SIGNATURES:
        if raw.startswith(magic):
            raise ReadError(path, what)


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
        lawgov_metrics.errors.ReadError: cannot read ... as text: a PDF document, not text: ...
    """
    p = os.fspath(path)
    with open(p, "rb") as fh:
        raw = fh.read()
    _check_signature(raw, p)
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
