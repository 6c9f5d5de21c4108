"""The ``lawgov-metrics`` command line (also ``python -m lawgov_metrics``).

Subcommands:

``extract FILE... [--format table|csv|json] [--claims]``
    Print every figure (or, with ``--claims``, every claim) found in the reports.
``check FILE... [--scheme half_up] [--format text|csv|json] [--fail-on fail|warn]``
    Run the check catalogue on the reports (across years when several line up).
``audit DIR --html OUT.html``
    Read every ``.txt``/``.html`` report in ``DIR``, run the checks across them and write one
    self-contained HTML page: the summary table, the failures with their quotes, and PNG
    charts of the panel's main indicators embedded as base64. Nothing else is written.
``plot FILE... --indicator 行政复议申请 -o OUT.png``
    Draw the trend of one indicator across the reports and save it.

Exit status: 0 when every check passed (or the command had nothing to judge), 1 when a check
failed (or warned, with ``--fail-on warn``), 2 for bad usage or an input that cannot be read;
the reason is printed on standard error, without a traceback.

Examples:
    >>> from lawgov_metrics import cli
    >>> cli.main(["--version"])  # doctest: +ELLIPSIS
    lawgov-metrics ...
    0
    >>> cli.main(["check"])  # no FILE given: usage error, exit 2
    2
"""

from __future__ import annotations

import argparse
import base64
import html
import io
import json
import math
import re
import sys
from collections.abc import Callable, Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO, cast

import attrs

from . import __version__, rounding
from .errors import LawgovMetricsError

if TYPE_CHECKING:
    import pandas as pd

    from .records import Report
    from .results import CheckReport, CheckResult
    from .rounding import Scheme

__all__ = ["PROG", "REPORT_SUFFIXES", "SCHEMES", "build_parser", "main"]

PROG = "lawgov-metrics"
"""The name of the console script."""

SCHEMES: tuple[str, ...] = rounding.SCHEMES
"""The rounding schemes ``--scheme`` accepts (see :func:`lawgov_metrics.unround`)."""

REPORT_SUFFIXES: frozenset[str] = frozenset({".txt", ".html", ".htm"})
"""File suffixes ``audit`` reads as reports."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

_FIGURE_COLUMNS = ["subject", "value", "unit", "qualifier", "kind", "quote", "start", "end"]
_CLAIM_COLUMNS = ["kind", "subject", "value", "rate", "total", "detail", "quote", "start", "end"]
_STATUS_ORDER = {"fail": 0, "warn": 1, "undecidable": 2, "pass": 3}
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:/\d+)?")


class UsageError(LawgovMetricsError):
    """Bad usage or unreadable input; reported on stderr with exit status 2."""


# --------------------------------------------------------------------------- parsing args


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so :func:`main` returns a status."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``lawgov-metrics`` command.

    Returns:
        A parser with the subcommands ``extract``, ``check``, ``audit`` and ``plot``.

    Examples:
        >>> from lawgov_metrics.cli import build_parser
        >>> ns = build_parser().parse_args(["check", "a.txt", "--fail-on", "warn"])
        >>> ns.command, ns.files, ns.fail_on, ns.scheme
        ('check', ['a.txt'], 'warn', 'half_up')
    """
    parser = _Parser(
        prog=PROG,
        description="Exact, traceable figures and consistency checks for Chinese "
        "governments' annual rule-of-law reports (法治政府建设年度报告).",
        epilog="Exit status: 0 all checks passed, 1 a check failed, 2 bad usage or input.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    sub.required = True

    def add_meta(p: argparse.ArgumentParser) -> None:
        p.add_argument(
            "--jurisdiction",
            help="jurisdiction to assume when a report does not name one (e.g. 花都区)",
        )
        p.add_argument(
            "--year", type=int, help="report year to assume when a report does not state one"
        )

    p_ext = sub.add_parser(
        "extract",
        help="print the figures (or claims) found in reports",
        description="Print every figure found in the reports, with its quote and span.",
    )
    p_ext.add_argument("files", nargs="+", metavar="FILE", help="report file (.txt or .html)")
    p_ext.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p_ext.add_argument("--claims", action="store_true", help="print claims instead of figures")
    add_meta(p_ext)

    p_chk = sub.add_parser(
        "check",
        help="run the consistency checks on reports",
        description="Run the check catalogue on the reports; several reports of the same "
        "jurisdiction are also checked against each other across years.",
    )
    p_chk.add_argument("files", nargs="+", metavar="FILE", help="report file (.txt or .html)")
    p_chk.add_argument("--scheme", choices=SCHEMES, default="half_up", help="rounding scheme")
    p_chk.add_argument("--format", choices=("text", "csv", "json"), default="text")
    p_chk.add_argument(
        "--fail-on",
        choices=("fail", "warn"),
        default="fail",
        help="exit 1 on a FAIL (default) or on a FAIL or WARN",
    )
    p_chk.add_argument(
        "-q", "--quiet", action="store_true", help="list only the results that failed or warned"
    )
    add_meta(p_chk)

    p_aud = sub.add_parser(
        "audit",
        help="check a directory of reports and write one HTML page",
        description="Read every .txt/.html report in DIR, run the checks across them and "
        "write one self-contained HTML page (summary, failures with quotes, charts).",
    )
    p_aud.add_argument("directory", metavar="DIR", help="directory holding the reports")
    p_aud.add_argument("--html", required=True, metavar="OUT.html", help="page to write")
    p_aud.add_argument("--scheme", choices=SCHEMES, default="half_up", help="rounding scheme")
    p_aud.add_argument(
        "--max-charts", type=int, default=6, help="how many indicators to chart (default 6)"
    )
    p_aud.add_argument(
        "--fail-on",
        choices=("never", "fail", "warn"),
        default="never",
        help="exit 1 when a check failed (or warned); default: exit 0 once the page is written",
    )
    add_meta(p_aud)

    p_plt = sub.add_parser(
        "plot",
        help="plot one indicator across reports",
        description="Draw the trend of one indicator across the reports and save it.",
    )
    p_plt.add_argument("files", nargs="+", metavar="FILE", help="report file (.txt or .html)")
    p_plt.add_argument("--indicator", required=True, help="indicator id or label (行政复议申请)")
    p_plt.add_argument("-o", "--output", required=True, metavar="OUT.png", help="image to write")
    p_plt.add_argument("--dpi", type=int, default=150)
    add_meta(p_plt)
    return parser


# --------------------------------------------------------------------------- helpers


def _load(paths: Iterable[str], jurisdiction: str | None, year: int | None) -> list[Report]:
    """Read reports; any unreadable file is a :class:`UsageError` naming it."""
    reports = []
    for name in paths:
        path = Path(name)
        if not path.is_file():
            what = "is a directory" if path.is_dir() else "no such file"
            raise UsageError(f"cannot read {name}: {what}")
        from .extract import read_report

        try:
            report = read_report(path)
        except (OSError, ValueError, LawgovMetricsError) as exc:
            raise UsageError(f"cannot read {name}: {exc}") from exc
        reports.append(_with_defaults(report, jurisdiction, year))
    return reports


def _with_defaults(report: Report, jurisdiction: str | None, year: int | None) -> Report:
    changes: dict[str, Any] = {}
    if jurisdiction is not None and report.jurisdiction is None:
        changes["jurisdiction"] = jurisdiction
    if year is not None and report.year is None:
        changes["year"] = year
    return attrs.evolve(report, **changes) if changes else report


def _plain(value: Any) -> Any:
    """A JSON-safe version of a frame cell: exact numbers as strings, NA as None."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal | Fraction):
        return str(value)
    if isinstance(value, float):
        return None if math.isnan(value) else value
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        return _plain(item())
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def _csv_safe(value: Any) -> Any:
    """Quote a text cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``).

    Plain numbers such as ``-12.5`` or ``-1/3`` are left alone.
    """
    risky = isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")
    if risky and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def _to_csv(df: pd.DataFrame) -> str:
    safe = df.map(lambda v: _csv_safe(_plain(v)))
    return str(safe.to_csv(index=False, lineterminator="\n"))


def _records(df: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {str(k): _plain(v) for k, v in row.items()}
        for row in df.astype(object).to_dict(orient="records")
    ]


def _output_path(name: str) -> Path:
    """The path of a file to write; its directory must exist and it must not be one."""
    output = Path(name)
    if "\x00" in name or not name.strip():
        raise UsageError(f"cannot write {name!r}: not a file name")
    if not output.parent.is_dir():
        raise UsageError(f"cannot write {name}: directory {output.parent} does not exist")
    if output.is_dir():
        raise UsageError(f"cannot write {name}: it is a directory")
    return output


# --------------------------------------------------------------------------- extract


def _cmd_extract(ns: argparse.Namespace, out: TextIO) -> int:
    import pandas as pd

    reports = _load(ns.files, ns.jurisdiction, ns.year)
    columns = _CLAIM_COLUMNS if ns.claims else _FIGURE_COLUMNS
    frames = []
    for name, report in zip(ns.files, reports, strict=True):
        df = report.claims_frame() if ns.claims else report.to_frame()
        df = df.reindex(columns=[*columns, "jurisdiction", "year"])
        if ns.format == "table":
            what = "claims" if ns.claims else "figures"
            print(
                f"== {name}: {report.label}, {len(report.figures)} figures, "
                f"{len(report.claims)} claims",
                file=out,
            )
            if report.title:
                print(report.title, file=out)
            if len(df):
                print(df[columns].to_string(index=False), file=out)
            else:
                print(f"(no {what})", file=out)
            print(file=out)
        df.insert(0, "file", name)
        frames.append(df)
    if ns.format == "table":
        return EXIT_OK
    full = pd.concat(frames, ignore_index=True)
    if ns.format == "csv":
        out.write(_to_csv(full))
    else:
        json.dump(_records(full), out, ensure_ascii=False, indent=1)
        out.write("\n")
    return EXIT_OK


# --------------------------------------------------------------------------- check


def _run_checks(reports: list[Report], scheme: str) -> CheckReport:
    from .checks import check

    if scheme not in SCHEMES:  # argparse's choices make this unreachable from the command line
        raise UsageError(f"unknown rounding scheme {scheme!r}; use one of {', '.join(SCHEMES)}")
    target: Any = reports[0] if len(reports) == 1 else reports
    return check(target, scheme=cast("Scheme", scheme))


def _exit_status(results: CheckReport, fail_on: str) -> int:
    from .results import Status

    bad = {Status.FAIL} if fail_on == "fail" else {Status.FAIL, Status.WARN}
    if fail_on != "never" and any(r.status in bad for r in results):
        return EXIT_FAILED
    return EXIT_OK


def _counts(results: Iterable[CheckResult]) -> dict[str, int]:
    counts = dict.fromkeys(("fail", "warn", "pass", "undecidable"), 0)
    for r in results:
        counts[r.status.value] = counts.get(r.status.value, 0) + 1
    return counts


def _result_dict(r: CheckResult) -> dict[str, Any]:
    return {
        "check": r.check,
        "status": r.status.value,
        "severity": r.severity.name.lower(),
        "reason": r.reason,
        "message": r.message,
        "observed": _plain(r.observed),
        "expected": None if r.expected is None else str(r.expected),
        "quotes": list(r.quotes),
        "spans": [list(f.span) for f in r.figures],
        "reports": list(r.reports),
        "details": {str(k): _plain(v) for k, v in r.details.items()},
    }


def _sorted_results(results: Iterable[CheckResult]) -> list[CheckResult]:
    return sorted(results, key=lambda r: _STATUS_ORDER.get(r.status.value, 9))


def _cmd_check(ns: argparse.Namespace, out: TextIO) -> int:
    reports = _load(ns.files, ns.jurisdiction, ns.year)
    results = _run_checks(reports, ns.scheme)
    counts = _counts(results)
    if ns.format == "csv":
        out.write(_to_csv(results.to_frame()))
    elif ns.format == "json":
        doc = {
            "version": __version__,
            "scheme": ns.scheme,
            "reports": [
                {"file": name, "jurisdiction": r.jurisdiction, "year": r.year, "title": r.title}
                for name, r in zip(ns.files, reports, strict=True)
            ],
            "counts": counts,
            "n_figures": results.n_figures,
            "n_testable": results.n_testable,
            "results": [_result_dict(r) for r in results],
        }
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        for name, r in zip(ns.files, reports, strict=True):
            print(f"{name}: {r.label}, {len(r.figures)} figures, {len(r.claims)} claims", file=out)
        print(file=out)
        for res in _sorted_results(results):
            if ns.quiet and res.status.value not in ("fail", "warn"):
                continue
            print(str(res), file=out)
            if res.quotes:
                print("    quotes: " + " | ".join(res.quotes), file=out)
        print(file=out)
        summary = results.summary()
        if len(summary) > 1:
            print(summary.to_string(), file=out)
            print(file=out)
        print(
            f"{len(results)} results: {counts['fail']} fail, {counts['warn']} warn, "
            f"{counts['pass']} pass, {counts['undecidable']} undecidable; "
            f"{results.n_testable}/{results.n_figures} figures testable (scheme {ns.scheme})",
            file=out,
        )
    return _exit_status(results, ns.fail_on)


# --------------------------------------------------------------------------- plot & audit


def _render(
    draw: Callable[[Any], object], *, size: tuple[float, float], fmt: str, dpi: int
) -> bytes:
    """Draw on a fresh Axes and return the image bytes.

    The figure is not registered with pyplot (no global state, no GUI backend); the plotting
    functions give every text artist the CJK fallback font themselves.
    """
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained")
    draw(fig.subplots())
    buf = io.BytesIO()
    fig.savefig(buf, format=fmt, dpi=dpi)
    return buf.getvalue()


def _cmd_plot(ns: argparse.Namespace, out: TextIO) -> int:
    from .panel import Panel
    from .plotting import plot_trend

    output = _output_path(ns.output)
    reports = _load(ns.files, ns.jurisdiction, ns.year)
    panel = Panel.from_reports(reports)
    fmt = output.suffix.lstrip(".").lower() or "png"
    try:
        image = _render(
            lambda ax: plot_trend(panel, ns.indicator, ax=ax), size=(7, 4.2), fmt=fmt, dpi=ns.dpi
        )
    except (LawgovMetricsError, KeyError, ValueError) as exc:
        # an indicator the panel does not have, or an image format matplotlib does not know
        raise UsageError(f"cannot plot {ns.indicator!r} to {ns.output}: {exc}") from exc
    try:
        output.write_bytes(image)
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot write {ns.output}: {exc}") from exc
    print(f"wrote {ns.output}", file=out)
    return EXIT_OK


def _main_indicators(panel: Any, limit: int) -> list[tuple[str, str]]:
    """(indicator, label) pairs of the indicators with the most years, then the most rows."""
    df = panel.frame
    if len(df) == 0 or "indicator" not in df.columns:
        return []
    labels = df["label"] if "label" in df.columns else df["indicator"]
    stats: dict[str, tuple[set[Any], int, str]] = {}
    for ind, label, year in zip(df["indicator"], labels, df["year"], strict=True):
        years, n, _ = stats.get(str(ind), (set(), 0, str(label)))
        years.add(year)
        stats[str(ind)] = (years, n + 1, str(label))
    ranked = sorted(stats.items(), key=lambda kv: (-len(kv[1][0]), -kv[1][1], kv[0]))
    multi = [kv for kv in ranked if len(kv[1][0]) >= 2]
    chosen = (multi or ranked)[: max(limit, 0)]
    return [(ind, label) for ind, (_, _, label) in chosen]


def _chart_png(panel: Any, indicator: str) -> bytes:
    from .plotting import plot_trend

    return _render(
        lambda ax: plot_trend(panel, indicator, ax=ax), size=(6.4, 3.6), fmt="png", dpi=110
    )


_CSS = """
body{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;
margin:2em auto;max-width:70em;color:#222;line-height:1.5}
table{border-collapse:collapse;margin:.5em 0 1.5em}th,td{border:1px solid #ccc;padding:.25em .6em;
text-align:left;vertical-align:top}th{background:#f3f3f3}
.fail{color:#c0392b;font-weight:bold}.warn{color:#b9770e;font-weight:bold}
q,code{background:#f7f7f0}figure{display:inline-block;margin:0 1em 1em 0}
figcaption{font-size:90%;color:#555}small{color:#666}
"""


def _audit_html(
    directory: str,
    entries: list[tuple[str, Report]],
    skipped: list[tuple[str, str]],
    results: CheckReport,
    charts: list[tuple[str, bytes | None, str]],
    scheme: str,
) -> str:
    esc = html.escape
    counts = _counts(results)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="zh-CN"><head><meta charset="utf-8">',
        f"<title>lawgov-metrics audit: {esc(directory)}</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Audit of {esc(directory)}</h1>",
        f"<p>{len(entries)} reports, {len(results)} check results: "
        f'<span class="fail">{counts["fail"]} fail</span>, '
        f'<span class="warn">{counts["warn"]} warn</span>, {counts["pass"]} pass, '
        f"{counts['undecidable']} undecidable; {results.n_testable}/{results.n_figures} "
        f"figures testable; rounding scheme <code>{esc(scheme)}</code>.</p>",
        "<h2>Reports</h2><table><thead><tr><th>file</th><th>jurisdiction</th><th>year</th>"
        "<th>title</th><th>figures</th><th>claims</th></tr></thead><tbody>",
    ]
    for name, rep in entries:
        parts.append(
            f"<tr><td>{esc(name)}</td><td>{esc(rep.jurisdiction or '?')}</td>"
            f"<td>{rep.year if rep.year is not None else '?'}</td><td>{esc(rep.title or '')}</td>"
            f"<td>{len(rep.figures)}</td><td>{len(rep.claims)}</td></tr>"
        )
    parts.append("</tbody></table>")
    if skipped:
        parts.append("<h2>Files not read</h2><ul>")
        parts.extend(f"<li>{esc(name)}: {esc(why)}</li>" for name, why in skipped)
        parts.append("</ul>")
    parts.append("<h2>Summary</h2>")
    summary = results.summary()
    parts.append(str(summary.to_html(border=0)))
    flagged = [r for r in _sorted_results(results) if r.status.value in ("fail", "warn")]
    parts.append(f"<h2>Failures and warnings ({len(flagged)})</h2>")
    if flagged:
        parts.append(
            "<table><thead><tr><th>status</th><th>check</th><th>reports</th><th>message</th>"
            "<th>quotes</th></tr></thead><tbody>"
        )
        for r in flagged:
            quotes = "<br>".join(
                f"<q>{esc(f.quote)}</q> <small>{f.span[0]}–{f.span[1]}</small>" for f in r.figures
            )
            parts.append(
                f'<tr><td class="{r.status.value}">{r.status.value.upper()}</td>'
                f"<td><code>{esc(r.check)}</code></td><td>{esc(', '.join(r.reports))}</td>"
                f"<td>{esc(r.message)}</td><td>{quotes}</td></tr>"
            )
        parts.append("</tbody></table>")
    else:
        parts.append("<p>No check failed or warned.</p>")
    parts.append("<h2>Main indicators</h2>")
    if not charts:
        parts.append("<p>No indicator to chart.</p>")
    for label, png, note in charts:
        if png is None:
            parts.append(f"<p>{esc(label)}: chart unavailable ({esc(note)})</p>")
            continue
        data = base64.b64encode(png).decode("ascii")
        parts.append(
            f'<figure><img alt="{esc(label)}" src="data:image/png;base64,{data}">'
            f"<figcaption>{esc(label)}</figcaption></figure>"
        )
    parts.append(f"<hr><p><small>lawgov-metrics {esc(__version__)}</small></p></body></html>")
    return "\n".join(parts)


def _cmd_audit(ns: argparse.Namespace, out: TextIO) -> int:
    from .extract import read_report
    from .panel import Panel

    directory = Path(ns.directory)
    if not directory.is_dir():
        raise UsageError(f"{ns.directory} is not a directory")
    output = _output_path(ns.html)
    target = output.resolve()
    files = sorted(
        p
        for p in directory.iterdir()
        if p.is_file() and p.suffix.lower() in REPORT_SUFFIXES and p.resolve() != target
    )
    entries: list[tuple[str, Report]] = []
    skipped: list[tuple[str, str]] = []
    for path in files:
        try:
            report = read_report(path)
        except (OSError, ValueError, LawgovMetricsError) as exc:
            skipped.append((path.name, str(exc)))
            print(f"{PROG}: warning: skipped {path}: {exc}", file=sys.stderr)
            continue
        entries.append((path.name, _with_defaults(report, ns.jurisdiction, ns.year)))
    if not entries:
        raise UsageError(f"no readable .txt or .html report in {ns.directory}")
    reports = [r for _, r in entries]
    results = _run_checks(reports, ns.scheme)
    panel = Panel.from_reports(reports)
    charts: list[tuple[str, bytes | None, str]] = []
    for indicator, label in _main_indicators(panel, ns.max_charts):
        try:
            charts.append((label, _chart_png(panel, indicator), ""))
        except Exception as exc:  # one bad chart must not lose the whole audit page
            charts.append((label, None, f"{type(exc).__name__}: {exc}"))
            print(f"{PROG}: warning: no chart for {label}: {exc}", file=sys.stderr)
    page = _audit_html(ns.directory, entries, skipped, results, charts, ns.scheme)
    try:
        output.write_text(page, encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot write {ns.html}: {exc}") from exc
    counts = _counts(results)
    print(
        f"wrote {ns.html}: {len(entries)} reports, {counts['fail']} fail, {counts['warn']} warn, "
        f"{counts['pass']} pass, {counts['undecidable']} undecidable, {len(charts)} charts",
        file=out,
    )
    return _exit_status(results, ns.fail_on)


_COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "extract": _cmd_extract,
    "check": _cmd_check,
    "audit": _cmd_audit,
    "plot": _cmd_plot,
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line.

    Args:
        argv: The arguments without the program name; ``sys.argv[1:]`` when ``None``.

    Returns:
        The exit status: 0 all checks passed, 1 a check failed, 2 bad usage or input.

    Examples:
        >>> from lawgov_metrics.cli import main
        >>> main(["extract", "no-such-report.txt"])  # the reason goes to stderr
        2
    """
    parser = build_parser()
    try:
        ns = parser.parse_args(list(sys.argv[1:] if argv is None else argv))
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version print and exit
        code = exc.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    out = sys.stdout
    try:
        return _COMMANDS[ns.command](ns, out)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and closed early
        return EXIT_OK
