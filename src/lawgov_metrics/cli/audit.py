"""The audit page: one self-contained HTML file for a directory of reports.

Order of the page: the counts; every failure and warning, each figure it used shown in its
sentence with the quote highlighted and the file it comes from; the files that could not be
read; the UNDECIDABLE results and the passes, folded; the reports' tables (see
:func:`tables_section`); the reports read; the summary by check; the charts.

Every piece of text from a report, a file name or a message is escaped, and the page
carries a Content-Security-Policy that allows no script and no resource outside the page
(images are ``data:`` URIs), so a report's text cannot run code in the reader's browser.

Examples:
    >>> from lawgov_metrics.cli.audit import sentence_around
    >>> text = "一、概况。全年收到行政复议申请786宗,同比增长68.67%。二、其他。"
    >>> sentence_around(text, (15, 19))
    ('全年收到行政复议申请', '786宗', ',同比增长68.67%。')
"""

from __future__ import annotations

import base64
import html
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

import attrs

from .. import __version__
from ..disclosure_html import STYLE as _TABLES_CSS
from ..disclosure_html import tables_html
from ._output import FileIndex, counts, sorted_results

if TYPE_CHECKING:
    from ..records import Figure, Report
    from ..results import CheckReport, CheckResult

__all__ = ["Chart", "TablesRenderer", "render_page", "sentence_around", "tables_section"]

TablesRenderer = Callable[["Report", "CheckReport"], str]
"""A function giving the HTML of one report's tables (cells the results flag highlighted)."""

#: Characters that end a sentence (a line break ends one too).
_SENTENCE_END = "。！？；!?;\n"
#: At most this many characters of context on each side of a quote.
_CONTEXT = 160

_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:2em auto;max-width:72em;padding:0 1em;color:#222;line-height:1.55}
h1{margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:1px solid #ddd}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;
padding:.25em .6em;text-align:left;vertical-align:top}th{background:#f3f3f3}
.badge{display:inline-block;min-width:4.5em;font-weight:bold}.count{font-weight:bold}
.fail .badge,.count.fail{color:#c0392b}.warn .badge,.count.warn{color:#b9770e}
.undecidable .badge{color:#7f8c8d}.pass .badge{color:#1e8449}
article.result{border-left:4px solid #ccc;padding:.3em .8em;margin:.8em 0;background:#fafafa}
article.fail{border-color:#c0392b}article.warn{border-color:#d68910}
.file{color:#555;font-size:90%}.message{margin:.2em 0}
blockquote{margin:.3em 0 .3em 1em;padding:0}mark{background:#ffe58a;padding:0 .1em}
code{background:#f3f3ee;padding:0 .2em}details{margin:.8em 0}summary{cursor:pointer;
font-weight:bold}figure{display:inline-block;margin:0 1em 1em 0;vertical-align:top}
figcaption{font-size:90%;color:#555}small{color:#666}img{max-width:100%;height:auto}
"""

_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


@attrs.frozen
class Chart:
    """One chart of the page.

    Attributes:
        label: The indicator's label (the caption).
        png: The image, or ``None`` when it could not be drawn.
        note: Why it could not be drawn.
    """

    label: str
    png: bytes | None
    note: str = ""


def tables_section(report: Report, results: CheckReport) -> str:
    """The HTML of one report's tables, with the cells a check flagged highlighted.

    The standard tables of a 政府信息公开工作年度报告 (T2, T3, T4), rendered by
    :func:`lawgov_metrics.disclosure_html.tables_html` with the cells of failing identities
    marked; an empty string for a report without tables (the page leaves the section out
    when every report gives an empty string).

    Args:
        report: One report of the audit.
        results: All check results of the audit.

    Returns:
        An HTML fragment, already escaped.
    """
    return tables_html(report, results)


def sentence_around(text: str, span: tuple[int, int]) -> tuple[str, str, str]:
    """The sentence holding ``text[span[0]:span[1]]``, split around it.

    Returns:
        ``(before, quote, after)``: the sentence from its start to the quote, the quote, and
        the rest up to and including the sentence's end mark, each at most 160 characters
        of context (cut with "…").
    """
    start, end = span
    if not (0 <= start <= end <= len(text)):
        return "", "", ""
    lo = start
    while lo > 0 and text[lo - 1] not in _SENTENCE_END and start - lo < _CONTEXT:
        lo -= 1
    hi = end
    while hi < len(text) and hi - end < _CONTEXT:
        hi += 1
        if text[hi - 1] in _SENTENCE_END:
            break
    before = text[lo:start].lstrip()
    after = text[end:hi].rstrip()
    if lo > 0 and text[lo - 1] not in _SENTENCE_END:
        before = "…" + before
    if hi < len(text) and text[hi - 1] not in _SENTENCE_END:
        after += "…"
    return before, text[start:end], after


def _quote_html(fig: Figure, index: FileIndex) -> str:
    esc = html.escape
    name = index.file_of_figure(fig)
    report = index.report_of(name) if name is not None else None
    start, end = fig.span
    if report is not None and report.text[start:end] == fig.quote and fig.quote:
        before, quote, after = sentence_around(report.text, fig.span)
    elif fig.context and fig.quote and fig.quote in fig.context:
        before, _, after = fig.context.partition(fig.quote)
        quote = fig.quote
    else:
        before, quote, after = "", fig.quote, ""
    where = f'<span class="file">{esc(name)}</span> ' if name is not None else ""
    body = f"{esc(before)}<mark>{esc(quote)}</mark>{esc(after)}"
    return f"<blockquote>{where}<q>{body}</q></blockquote>"


def _result_html(r: CheckResult, index: FileIndex) -> str:
    esc = html.escape
    status = r.status.value
    files = ", ".join(index.files(r))
    quotes = "".join(_quote_html(f, index) for f in r.figures)
    return (
        f'<article class="result {status}"><div><span class="badge">{status.upper()}</span> '
        f"<code>{esc(r.check)}</code> "
        f'<span class="file">{esc(files)}</span></div>'
        f'<p class="message">{esc(r.message)}</p>{quotes}</article>'
    )


def _folded(title: str, css: str, rows: list[CheckResult], index: FileIndex) -> list[str]:
    esc = html.escape
    if not rows:
        return []
    out = [
        f'<details class="{css}"><summary>{esc(title)} ({len(rows)})</summary>'
        "<table><thead><tr><th>check</th><th>file</th><th>reason</th><th>message</th></tr>"
        "</thead><tbody>"
    ]
    out.extend(
        f'<tr class="{css}"><td><code>{esc(r.check)}</code></td>'
        f"<td>{esc(', '.join(index.files(r)))}</td><td>{esc(r.reason)}</td>"
        f"<td>{esc(r.message)}</td></tr>"
        for r in rows
    )
    out.append("</tbody></table></details>")
    return out


def render_page(
    *,
    directory: str,
    entries: Sequence[tuple[str, Report]],
    skipped: Sequence[tuple[str, str]],
    results: CheckReport,
    charts: Sequence[Chart],
    scheme: str,
    tables: TablesRenderer = tables_section,
) -> str:
    """The audit page as one HTML string.

    Args:
        directory: The audited directory as it should be shown (a relative path).
        entries: ``(file name relative to the directory, report)`` of every report read.
        skipped: ``(file name, reason)`` of every file that could not be read.
        results: The check results of the run.
        charts: The charts, in order.
        scheme: The rounding scheme used.
        tables: Gives each report's tables section (see :func:`tables_section`).

    Returns:
        The page: UTF-8 HTML with no external resource and no script.
    """
    esc = html.escape
    index = FileIndex(entries)
    c = counts(results)
    ordered = sorted_results(results)
    flagged = [r for r in ordered if r.status.value in ("fail", "warn")]
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<link rel="icon" href="data:,">',
        f"<title>lawgov-metrics audit: {esc(directory)}</title>",
        f"<style>{_CSS}{_TABLES_CSS}</style></head><body>",
        f"<h1>Audit of {esc(directory)}</h1>",
        f'<p id="counts">{len(entries)} reports, {len(results)} check results: '
        f'<span class="count fail">{c["fail"]} fail</span>, '
        f'<span class="count warn">{c["warn"]} warn</span>, {c["pass"]} pass, '
        f"{c['undecidable']} undecidable; {results.n_testable}/{results.n_figures} "
        f"figures testable; rounding scheme <code>{esc(scheme)}</code>"
        f"{f'; {len(skipped)} files not read' if skipped else ''}.</p>",
        f'<section id="flagged"><h2>Failures and warnings ({len(flagged)})</h2>',
    ]
    if flagged:
        parts.extend(_result_html(r, index) for r in flagged)
    else:
        parts.append("<p>No check failed or warned.</p>")
    parts.append("</section>")
    if skipped:
        parts.append(f'<section id="skipped"><h2>Files not read ({len(skipped)})</h2><ul>')
        parts.extend(f"<li>{esc(name)}: {esc(why)}</li>" for name, why in skipped)
        parts.append("</ul></section>")
    parts.append('<section id="folded">')
    parts += _folded(
        "Undecidable", "undecidable", [r for r in ordered if r.status.value == "undecidable"], index
    )
    parts += _folded("Passed", "pass", [r for r in ordered if r.status.value == "pass"], index)
    parts.append("</section>")
    table_parts = []
    for name, report in entries:
        fragment = tables(report, results)
        if fragment:
            table_parts.append(f"<h3>{esc(name)}</h3>{fragment}")
    if table_parts:
        parts.append('<section id="tables"><h2>Tables</h2>')
        parts.extend(table_parts)
        parts.append("</section>")
    parts.append(
        '<section id="reports"><h2>Reports</h2><table><thead><tr><th>file</th>'
        "<th>jurisdiction</th><th>year</th><th>title</th><th>figures</th><th>claims</th>"
        "<th>reading warnings</th></tr></thead><tbody>"
    )
    for name, rep in entries:
        parts.append(
            f"<tr><td>{esc(name)}</td><td>{esc(rep.jurisdiction or '?')}</td>"
            f"<td>{rep.year if rep.year is not None else '?'}</td><td>{esc(rep.title or '')}</td>"
            f"<td>{len(rep.figures)}</td><td>{len(rep.claims)}</td>"
            f"<td>{esc('; '.join(rep.warnings))}</td></tr>"
        )
    parts.append("</tbody></table></section>")
    parts.append('<section id="summary"><h2>Summary by check</h2>')
    parts.append(str(results.summary().to_html(border=0)))
    parts.append('</section><section id="charts"><h2>Main indicators</h2>')
    if not charts:
        parts.append("<p>No indicator to chart.</p>")
    for chart in charts:
        if chart.png is None:
            parts.append(f"<p>{esc(chart.label)}: chart unavailable ({esc(chart.note)})</p>")
            continue
        data = base64.b64encode(chart.png).decode("ascii")
        parts.append(
            f'<figure><img alt="{esc(chart.label)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{esc(chart.label)}</figcaption></figure>"
        )
    parts.append(
        f"</section><hr><p><small>lawgov-metrics {esc(__version__)}</small></p></body></html>"
    )
    return "\n".join(parts)
