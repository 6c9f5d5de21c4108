"""The ``lawgov-metrics`` command line (also ``python -m lawgov_metrics``).

Subcommands:

``extract FILE... [--format table|csv|json] [--claims]``
    Print every figure (or, with ``--claims``, every claim) found in the reports.
``check FILE... [--scheme half_up] [--format text|csv|json] [--fail-on fail|warn]``
    Run the check catalogue on the reports (across years when several line up); with
    several files every result is labelled with the files it is about.
``audit DIR --html OUT.html``
    Read every ``.txt``/``.html`` report in ``DIR``, run the checks across them and write one
    self-contained HTML page (see :mod:`lawgov_metrics.cli.audit`). Nothing else is written.
``plot FILE... --indicator 行政复议申请 -o OUT.png``
    Draw the trend of one indicator across the reports and save it.

Every subcommand refuses, with a one-line reason on standard error and exit status 2, a
file that is missing, a broken link or a link loop, empty, binary (a PDF, an office
document, an image), or in which no figure is found (``--allow-empty`` accepts the last,
with a warning). The reader's warnings (say, undecodable characters replaced) are printed
on standard error too. Over several files a progress bar is drawn on standard error when it
is a terminal (``--no-progress`` turns it off); never on a pipe or file.

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

import sys
from collections.abc import Sequence

from ._commands import COMMANDS, EXIT_OK, EXIT_USAGE, REPORT_SUFFIXES, UnreadableInputError
from ._parser import PROG, SCHEMES, UsageError, build_parser

__all__ = ["PROG", "REPORT_SUFFIXES", "SCHEMES", "build_parser", "main"]


def _error(message: str) -> None:
    print(f"{PROG}: error: {message}", file=sys.stderr)


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
        _error(str(exc))
        return EXIT_USAGE
    except SystemExit as exc:  # --help and --version print and exit
        code = exc.code
        return code if isinstance(code, int) else (EXIT_OK if code is None else EXIT_USAGE)
    try:
        return COMMANDS[ns.command](ns, sys.stdout)
    except UnreadableInputError as exc:
        for line in exc.lines():
            _error(line)
        return EXIT_USAGE
    except UsageError as exc:
        _error(str(exc))
        return EXIT_USAGE
    except BrokenPipeError:  # output piped into `head` and closed early
        return EXIT_OK
