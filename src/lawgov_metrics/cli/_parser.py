"""The argument parser: every option has a help text, and ``--help`` shows its default.

Examples:
    >>> from lawgov_metrics.cli import build_parser
    >>> ns = build_parser().parse_args(["check", "a.txt", "--fail-on", "warn"])
    >>> ns.command, ns.files, ns.fail_on, ns.scheme, ns.allow_empty, ns.no_progress
    ('check', ['a.txt'], 'warn', 'half_up', False, False)
"""

from __future__ import annotations

import argparse
import os
from typing import NoReturn

from .. import __version__, rounding
from ..errors import LawgovMetricsError

__all__ = ["PROG", "SCHEMES", "UsageError", "build_parser"]

PROG = "lawgov-metrics"
"""The name of the console script."""

SCHEMES: tuple[str, ...] = rounding.SCHEMES
"""The rounding schemes ``--scheme`` accepts (see :func:`lawgov_metrics.unround`)."""

EPILOG = """\
exit status:
  0  every check passed (UNDECIDABLE results do not fail), or nothing was to be judged
  1  a check failed (or warned, with --fail-on warn)
  2  bad usage, or an input that cannot be read (empty, binary, a PDF, no figures);
     the reason is printed on standard error"""


class UsageError(LawgovMetricsError):
    """Bad usage or unreadable input; reported on stderr with exit status 2."""


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that raises instead of exiting, so ``main`` returns a status."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message}\n{self.format_usage().strip()}")


class _HelpFormatter(argparse.HelpFormatter):
    """Wraps descriptions, keeps the epilog's layout, and shows meaningful defaults.

    A text holding line breaks (the exit-status epilog) is printed as written; ``(default:
    X)`` is appended to an option's help unless the default is ``None`` or ``False`` (an
    option not given).
    """

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        if "\n" in text:
            return "".join(indent + line for line in text.splitlines(keepends=True))
        return super()._fill_text(text, width, indent)

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        shows = default not in (None, False, argparse.SUPPRESS) and "%(default)" not in text
        if shows and action.option_strings:
            text += " (default: %(default)s)"
        return text


def _jobs(text: str) -> int:
    """``--jobs``: a whole number >= 0; 0 means one process per core this process may use."""
    try:
        n = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if n < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, got {n}")
    if n == 0:
        n = (
            len(os.sched_getaffinity(0))
            if hasattr(os, "sched_getaffinity")
            else os.cpu_count() or 1
        )
    return n


def _add_reading(p: argparse.ArgumentParser) -> None:
    """The options every subcommand that reads reports has."""
    p.add_argument(
        "--jurisdiction",
        metavar="NAME",
        help="jurisdiction to assume when a report does not name one (e.g. 花都区)",
    )
    p.add_argument(
        "--year", type=int, help="report year to assume when a report does not state one"
    )
    p.add_argument(
        "--allow-empty",
        action="store_true",
        help="accept a report in which no figure is found, with a warning (default: refuse it, "
        "exit status 2)",
    )
    p.add_argument(
        "--no-progress",
        action="store_true",
        help="draw no progress bar (one is drawn on standard error only when it is a terminal)",
    )
    p.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        default=1,
        metavar="N",
        help="read the files in N processes at once (0: one per core)",
    )


def _subparser(
    sub: argparse._SubParsersAction[_Parser], name: str, summary: str, description: str
) -> argparse.ArgumentParser:
    return sub.add_parser(
        name,
        help=summary,
        description=description,
        formatter_class=_HelpFormatter,
        epilog=EPILOG,
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``lawgov-metrics`` command.

    Returns:
        A parser with the subcommands ``extract``, ``check``, ``audit`` and ``plot``.
    """
    parser = _Parser(
        prog=PROG,
        description="Exact, traceable figures and consistency checks for Chinese "
        "governments' annual rule-of-law reports (法治政府建设年度报告). "
        "Run 'lawgov-metrics COMMAND --help' for a command's options.",
        epilog=EPILOG,
        formatter_class=_HelpFormatter,
    )
    parser.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help="print the version"
    )
    sub = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=_Parser, title="commands"
    )
    sub.required = True
    files_help = "report file (.txt or .html, UTF-8 or GB18030)"

    p_ext = _subparser(
        sub,
        "extract",
        "print the figures (or claims) found in reports",
        "Print every figure found in the reports, with its subject, exact value, unit, "
        "qualifier, quote and character span.",
    )
    p_ext.add_argument("files", nargs="+", metavar="FILE", help=files_help)
    p_ext.add_argument(
        "--format",
        choices=("table", "csv", "json"),
        default="table",
        help="table: one table per file; csv, json: one table for all files, with a file column",
    )
    p_ext.add_argument(
        "--claims",
        action="store_true",
        help="print the claims (growth, share, breakdown ...) instead of the figures",
    )
    _add_reading(p_ext)

    p_chk = _subparser(
        sub,
        "check",
        "run the consistency checks on reports",
        "Run the check catalogue on the reports; reports of the same jurisdiction in "
        "consecutive years are also checked against each other. With several files every "
        "result is labelled with the files it is about.",
    )
    p_chk.add_argument("files", nargs="+", metavar="FILE", help=files_help)
    p_chk.add_argument(
        "--scheme",
        choices=SCHEMES,
        default="half_up",
        help="how the reports rounded their figures; half_up is 四舍五入",
    )
    p_chk.add_argument(
        "--format",
        choices=("text", "csv", "json"),
        default="text",
        help="text: one line per result with its quotes; csv, json: one record per result",
    )
    p_chk.add_argument(
        "--fail-on",
        choices=("fail", "warn"),
        default="fail",
        help="exit 1 on a FAIL, or (warn) on a FAIL or WARN",
    )
    p_chk.add_argument(
        "-q", "--quiet", action="store_true", help="list only the results that failed or warned"
    )
    _add_reading(p_chk)

    p_aud = _subparser(
        sub,
        "audit",
        "check a directory of reports and write one HTML page",
        "Read every .txt/.html report in DIR, run the checks across them and write one "
        "self-contained HTML page: failures and warnings first, each with its sentence and "
        "file, then the reports, a summary and charts. Nothing else is written. Files that "
        "cannot be read are listed on the page, and the exit status is then 2.",
    )
    p_aud.add_argument("directory", metavar="DIR", help="directory holding the reports")
    p_aud.add_argument("--html", required=True, metavar="OUT.html", help="the page to write")
    p_aud.add_argument(
        "--scheme",
        choices=SCHEMES,
        default="half_up",
        help="how the reports rounded their figures; half_up is 四舍五入",
    )
    p_aud.add_argument(
        "--max-charts", type=int, default=6, metavar="N", help="how many indicators to chart"
    )
    p_aud.add_argument(
        "--fail-on",
        choices=("never", "fail", "warn"),
        default="never",
        help="exit 1 when a check failed (fail) or failed or warned (warn); never: exit 0 "
        "once the page is written",
    )
    _add_reading(p_aud)

    p_plt = _subparser(
        sub,
        "plot",
        "plot one indicator across reports",
        "Draw the trend of one indicator across the reports and save it; the image format "
        "follows the file name (.png, .svg, .pdf).",
    )
    p_plt.add_argument("files", nargs="+", metavar="FILE", help=files_help)
    p_plt.add_argument(
        "--indicator", required=True, help="indicator id or label (e.g. 行政复议申请)"
    )
    p_plt.add_argument("-o", "--output", required=True, metavar="OUT.png", help="image to write")
    p_plt.add_argument("--dpi", type=int, default=150, help="resolution of raster images")
    _add_reading(p_plt)
    return parser
