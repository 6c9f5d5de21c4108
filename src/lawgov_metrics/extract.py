"""Report text to figures, claims and metadata: :func:`extract` and :func:`read_report`.

This module re-exports the entry points of :mod:`lawgov_metrics.reading`, where the steps
live (source and decoding, the document, metadata, figures, subjects, clauses and the
claim readers); import from either.

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

from .reading import extract, html_to_text, read_report

__all__ = ["extract", "html_to_text", "read_report"]
