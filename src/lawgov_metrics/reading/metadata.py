"""A report's metadata: title, jurisdiction, year, publication date, source, kind.

:func:`read_metadata` reads a :class:`Metadata` record from a :class:`Document`: the title
is the document's title line; the jurisdiction is the last administrative unit the title
(or the first 人民政府 of the text) names, with a department after it when there is one; the
year is the title's, else the year an early line opens with (2023年,…); the publication date
is a 发布日期 line, else a date signing off the text; the source a 来源 line. The kind of
report (:attr:`Metadata.doc_type`) comes from the title's words.

Examples:
    >>> from lawgov_metrics.reading.document import Document
    >>> doc = Document.build("某某县人民政府关于2023年度法治政府建设情况的报告\\n正文。")
    >>> meta = read_metadata(doc)
    >>> meta.jurisdiction, meta.year, meta.doc_type
    ('某某县', 2023, 'rule_of_law')
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Final, Literal

import attrs

from .. import vocab
from ..numerals import normalize
from .document import Document

__all__ = ["DocType", "Metadata", "doc_type_of", "read_metadata"]

DocType = Literal["rule_of_law", "disclosure"]

_ADMIN_RE: Final = re.compile(
    r"[\u4e00-\u9fff]{2,}?(?:特别行政区|自治区|自治州|自治县|自治旗|地区|新区|街道办事处|"
    r"街道|省|市|州|盟|区|旗|镇|乡)|[\u4e00-\u9fff]+?县"
)
_BODY_RE: Final = re.compile(
    r"([\u4e00-\u9fff]{2,14}?(?:自治区|省|市|州|盟|县|区|旗|街道|镇|乡))(?:人民政府|政府)"
)
_YEAR_RE: Final = re.compile(r"((?:19|20)\d{2})\s?年")
_OPENING_YEAR_RE: Final = re.compile(r"\s*(?:在)?((?:19|20)\d{2})\s?年(?:度)?[,，是里内]")
_HEAD_RE: Final = re.compile(vocab.or_regex(vocab.REPORT_SUBJECT_WORDS))
_PUB_RE: Final = re.compile(
    vocab.or_regex(vocab.DATE_LABELS)
    + r"\s?[:：]\s*(\d{4})\s*[-年./]\s*(\d{1,2})\s*[-月./]\s*(\d{1,2})"
)
_SIGN_DATE_RE: Final = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日\s*$")
_SOURCE_RE: Final = re.compile(
    vocab.or_regex(vocab.SOURCE_LABELS) + r"\s?[:：]\s*([^\s|【】<>:：]{2,30})"
)
_RULE_OF_LAW_RE: Final = re.compile(vocab.or_regex(vocab.RULE_OF_LAW_TITLE_WORDS))
_DISCLOSURE_RE: Final = re.compile(
    vocab.or_regex(vocab.DISCLOSURE_TITLE_WORDS) + r"|政府信息公开.{0,6}年度报告"
)


@attrs.frozen(kw_only=True)
class Metadata:
    """What a report says about itself.

    Attributes:
        title: The title line as written, when found.
        title_span: Where the title line is.
        jurisdiction: The reporting government or department (``花都区``).
        year: The year the figures describe.
        published: The publication date, when printed.
        source: The office that published it (文章来源).
        doc_type: ``"rule_of_law"``, ``"disclosure"`` or ``None`` (see :func:`doc_type_of`).
    """

    title: str | None = None
    title_span: tuple[int, int] | None = None
    jurisdiction: str | None = None
    year: int | None = None
    published: _dt.date | None = None
    source: str | None = None
    doc_type: DocType | None = None


def doc_type_of(title: str | None) -> DocType | None:
    """The kind of report a title names.

    A 政府信息公开工作年度报告 is ``"disclosure"``; a report on 法治政府建设 or 依法行政 is
    ``"rule_of_law"``; anything else (a statistics bulletin, a news item) is ``None``.

    Examples:
        >>> doc_type_of("某某区2023年政府信息公开工作年度报告")
        'disclosure'
        >>> doc_type_of("关于2023年度法治政府建设情况的报告"), doc_type_of("工作动态")
        ('rule_of_law', None)
    """
    if not title:
        return None
    t = normalize(title)
    if _DISCLOSURE_RE.search(t):
        return "disclosure"
    if _RULE_OF_LAW_RE.search(t):
        return "rule_of_law"
    return None


def jurisdiction_from(name: str) -> str | None:
    """The last administrative unit ``name`` names, with a department after it.

    Examples:
        >>> jurisdiction_from("广州市花都区司法局"), jurisdiction_from("湖北省人民政府")
        ('花都区司法局', '湖北省')
    """
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
    if rest and rest.endswith(vocab.DEPARTMENT_ENDINGS) and len(rest) <= 16:
        return name[last[0] :]
    return name[last[0] : last[1]]


def _safe_date(y: str, mo: str, d: str) -> _dt.date | None:
    try:
        return _dt.date(int(y), int(mo), int(d))
    except ValueError:
        return None


def read_metadata(doc: Document) -> Metadata:
    """Read a :class:`Metadata` record from ``doc`` (see the module docstring)."""
    norm = doc.norm
    title: str | None = None
    year: int | None = None
    jurisdiction: str | None = None
    if doc.title_span is not None:
        a, b = doc.title_span
        title = doc.text[a:b]
        t = norm[a:b]
        ym = _YEAR_RE.search(t)
        if ym:
            year = int(ym.group(1))
        cut = t.find("关于")
        head = t[:cut] if cut > 0 else (t[: ym.start()] if ym and ym.start() > 0 else "")
        if not head:
            m = _HEAD_RE.search(t)
            head = t[: m.start()] if m else ""
        if head:
            jurisdiction = jurisdiction_from(head)
    if year is None:
        for a, b in doc.lines[:60]:
            m = _OPENING_YEAR_RE.match(norm, a, b)
            if m:
                year = int(m.group(1))
                break
    if jurisdiction is None:
        m = _BODY_RE.search(norm, 0, 800)
        if m:
            jurisdiction = jurisdiction_from(m.group(1))
    published: _dt.date | None = None
    m = _PUB_RE.search(norm, 0, 3000)
    if m:
        published = _safe_date(m.group(1), m.group(2), m.group(3))
    if published is None:
        tail = norm[-300:].rstrip()
        m2 = _SIGN_DATE_RE.search(tail)
        if m2:
            published = _safe_date(m2.group(1), m2.group(2), m2.group(3))
    source: str | None = None
    m = _SOURCE_RE.search(norm, 0, 3000)
    if m:
        source = doc.text[m.start(1) : m.end(1)]
    return Metadata(
        title=title,
        title_span=doc.title_span,
        jurisdiction=jurisdiction,
        year=year,
        published=published,
        source=source,
        doc_type=doc_type_of(title),
    )
