"""Reading a report: text to figures, claims and metadata, each with its quote and span.

:func:`extract` is a pure function of the text: it never raises on a ``str`` (empty text,
HTML soup, megabytes of noise) and returns a possibly empty :class:`~lawgov_metrics.Report`.
:func:`read_report` reads a ``.txt`` or ``.html`` file first (:mod:`.source`).

The steps, each a module, each returning values the next one reads (nothing is changed in
place, so their order is the only contract):

1. :mod:`.source`: bytes to text (decoding, HTML), lone surrogates replaced;
2. :mod:`.document`: the text normalised one character for one (full-width to ASCII,
   traditional to simplified, so offsets agree), its lines, sentences, clauses, sections,
   table rows and the mask of places no figure starts (:mod:`.masks`), built once;
3. :mod:`.metadata`: title, jurisdiction, year, publication date, source, kind of report;
4. the tables (:mod:`.report_tables`): every table of the text read as a grid
   (:mod:`.grids`), matched to the template of 政府信息公开工作年度报告
   (:mod:`.disclosure`) or read as a generic table; a table owns its number cells, each a
   figure whose subject is its row and column;
5. :mod:`.figures`: the other figures as candidates with their kinds;
6. :mod:`.subjects`: each figure's subject from its own words;
7. :mod:`.clauses`: the one place figures are tied to each other: changes (a growth binds
   its current figure), list frames (a list binds its total), balances, rates (a rate
   binds its base), each tie with its evidence (:class:`~lawgov_metrics.Binding`); the
   subjects that follow from the changes (a prior takes its current figure's subject);
8. :mod:`.claims`: the registered claim readers turn the ties into records.

HTML is reduced to text by :func:`.html.html_to_text`, which writes each ``<table>`` as pipe
rows (spans resolved), so the same table reader serves pages and text.

Examples:
    >>> from lawgov_metrics.reading import extract
    >>> r = extract("2023年,收到行政复议申请786宗,同比增长68.67%。")
    >>> [(f.quote, f.subject, f.kind) for f in r.figures]
    [('786宗', '行政复议申请', 'count'), ('68.67%', '行政复议申请', 'growth')]
    >>> g = r.claims[0]
    >>> g.kind, g.figure.quote, g.rate.value, g.direction, g.binding.value
    ('growth', '786宗', Decimal('68.67'), 'up', 'stated')
    >>> r.year
    2023
"""

from __future__ import annotations

import contextlib
import gc
import os
from collections.abc import Iterator

import attrs

from ..errors import ArgumentTypeError, ArgumentValueError
from ..records import Report
from . import claims, clauses
from .document import Document
from .figures import build_figures, scan
from .html import html_to_text
from .metadata import read_metadata
from .report_tables import doc_type_of, merge_figures, read_tables
from .source import clean_text, read_source
from .subjects import final_subjects, own_subjects

__all__ = ["extract", "html_to_text", "read_report"]


def extract(
    text: str,
    *,
    jurisdiction: str | None = None,
    year: int | None = None,
    title: str | None = None,
) -> Report:
    """Read one report's text into figures, claims and metadata.

    Args:
        text: The report text. Offsets of every figure and claim refer to it (lone
            surrogates, which no encoder accepts, are replaced by U+FFFD first, one
            character for one, and counted in ``Report.warnings``).
        jurisdiction: The reporting body, used instead of what the text says when given.
        year: The year the figures describe, used instead of the text's when given.
        title: The report title, used instead of the text's when given.

    Returns:
        A :class:`~lawgov_metrics.Report`; empty (but valid) for text without figures.

    Raises:
        ArgumentTypeError: (a ``TypeError``) ``text`` is not a ``str`` (bytes are refused:
            decode them, or use :func:`read_report`), or ``jurisdiction``/``title`` is not a
            ``str``, or ``year`` is not an ``int``.
        ArgumentValueError: (a ``ValueError``) ``year`` is not a plausible year (1900–2200).

    Examples:
        >>> r = extract("调解矛盾纠纷1497宗,成功率达98.73%。")
        >>> [f.quote for f in r.figures]
        ['1497宗', '98.73%']
        >>> share = r.claims_of("share")[0]
        >>> share.total.quote, share.rate.value, share.binding.value
        ('1497宗', Decimal('98.73'), 'stated')
        >>> extract("").figures
        ()
    """
    _check_arguments(text, jurisdiction, year, title)
    with _collector_paused():
        return _extract(text, jurisdiction=jurisdiction, year=year, title=title)


def _check_arguments(text: object, jurisdiction: object, year: object, title: object) -> None:
    """Refuse what :func:`extract` cannot take, naming the argument (never a silent guess:
    ``year="2023x"`` is not read as 2023)."""
    if not isinstance(text, str):
        accepted = "the report text as a str"
        if isinstance(text, bytes | bytearray):
            accepted += " (decode the bytes first, or read the file with read_report)"
        raise ArgumentTypeError("text", text, accepted)
    for name, value in (("jurisdiction", jurisdiction), ("title", title)):
        if value is not None and not isinstance(value, str):
            raise ArgumentTypeError(name, value, "a str or None")
    if year is not None:
        if isinstance(year, bool) or not isinstance(year, int):
            raise ArgumentTypeError("year", year, "an int (the year the figures describe) or None")
        if not 1900 <= year <= 2200:
            raise ArgumentValueError("year", year, "a year from 1900 to 2200")


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while a report is read.

    Reading allocates hundreds of thousands of small acyclic records for a megabyte of text;
    each collection the allocations trigger walks every live object, so collections cost a
    quarter of the time and grow with the text. The collector is resumed (only if it was
    running) when the report is read; nothing it would collect is made meanwhile.
    """
    was_enabled = gc.isenabled()
    if was_enabled:
        gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _extract(text: str, *, jurisdiction: str | None, year: int | None, title: str | None) -> Report:
    text, warnings = clean_text(text)
    doc = Document.build(text)
    meta = read_metadata(doc)
    tables = read_tables(text, year=year if year is not None else meta.year)
    cands = scan(doc, owned=tables.owned)
    own = own_subjects(doc, cands)
    changes = clauses.read_changes(doc, cands, own)
    subjects = final_subjects(own, changes.links)
    relations = clauses.read_relations(doc, cands, subjects, changes.roles)
    figures = build_figures(doc, cands, [s.all for s in subjects])
    ctx = claims.Context(
        doc=doc,
        cands=cands,
        figures=figures,
        subjects=subjects,
        changes=changes,
        relations=relations,
    )
    the_title = title if title is not None else meta.title
    return Report(
        text=text,
        figures=tuple(merge_figures((f for figs in figures for f in figs), tables, doc.section_at)),
        claims=tuple(claims.read_claims(ctx)),
        title=the_title,
        jurisdiction=jurisdiction if jurisdiction is not None else meta.jurisdiction,
        year=year if year is not None else meta.year,
        published=meta.published,
        source=meta.source,
        doc_type=meta.doc_type or doc_type_of(the_title, tables),
        disclosure=tables.disclosure,
        warnings=(*warnings, *tables.warnings),
    )


def read_report(
    path: str | os.PathLike[str],
    *,
    encoding: str | None = None,
    jurisdiction: str | None = None,
    year: int | None = None,
) -> Report:
    """Read a report from a ``.txt`` or ``.html``/``.htm`` file and extract it.

    Bytes are decoded with ``encoding`` when given; otherwise as :mod:`.source` describes
    (BOM, BOM-less UTF-16, the page's declared charset when the bytes honour it, UTF-8,
    GB18030, else UTF-8 with replacement and a warning). HTML is reduced to text by
    :func:`.html.html_to_text`: text order is kept, block elements become line breaks,
    scripts and styles are dropped, tables become pipe rows.

    Args:
        path: The file.
        encoding: A codec name that overrides detection.
        jurisdiction: Passed to :func:`extract`.
        year: Passed to :func:`extract`.

    Returns:
        The :class:`~lawgov_metrics.Report`, with ``path`` set, ``text`` the decoded (for
        HTML: de-tagged) text the offsets refer to, and what went wrong decoding it in
        ``warnings``.

    Raises:
        OSError: The file cannot be read.
        lawgov_metrics.ParseError: The bytes cannot be decoded with the given encoding.
        lawgov_metrics.ReadError: The bytes are binary data (NULs, control characters),
            not text.

    Examples:
        >>> import pathlib, tempfile
        >>> d = pathlib.Path(tempfile.mkdtemp())
        >>> p = d / "r.html"
        >>> _ = p.write_bytes("<p>办理案件12件</p><script>x=5件</script>".encode("gb18030"))
        >>> r = read_report(p)
        >>> [f.quote for f in r.figures], r.path == str(p), r.warnings
        (['12件'], True, ())
    """
    source = read_source(path, encoding=encoding)
    report = extract(source.text, jurisdiction=jurisdiction, year=year)
    return attrs.evolve(report, path=source.path, warnings=(*source.warnings, *report.warnings))
