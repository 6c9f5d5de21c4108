"""The subcommands: ``extract``, ``check``, ``plot`` and ``audit``."""

from __future__ import annotations

import argparse
import io
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO, cast

from .. import __version__
from ..errors import LawgovMetricsError
from . import audit
from ._inputs import Loaded, load, one_line, shown
from ._output import FileIndex, counts, records, result_dict, sorted_results, to_csv
from ._parser import PROG, SCHEMES, UsageError
from ._progress import Progress

if TYPE_CHECKING:
    from ..records import Report
    from ..results import CheckReport
    from ..rounding import Scheme

__all__ = ["COMMANDS", "REPORT_SUFFIXES", "UnreadableInputError"]

REPORT_SUFFIXES: frozenset[str] = frozenset({".txt", ".html", ".htm"})
"""File suffixes ``audit`` reads as reports."""

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USAGE = 2

_FIGURE_COLUMNS = ["subject", "value", "unit", "qualifier", "kind", "quote", "start", "end"]
_CLAIM_COLUMNS = ["kind", "subject", "value", "rate", "total", "detail", "quote", "start", "end"]


class UnreadableInputError(LawgovMetricsError):
    """Input files that could not be read; each is one line on stderr, exit status 2.

    Attributes:
        errors: ``(file name, reason)`` pairs.
    """

    def __init__(self, errors: Sequence[tuple[str, str]]) -> None:
        self.errors = list(errors)
        super().__init__("; ".join(f"cannot read {shown(n)}: {why}" for n, why in self.errors))

    def lines(self) -> list[str]:
        """One message per file."""
        return [f"cannot read {shown(n)}: {why}" for n, why in self.errors]


def _read_files(ns: argparse.Namespace, names: Sequence[str]) -> list[tuple[str, Report]]:
    """Read the command's files; every unreadable one is reported, then the command stops."""
    with Progress(names, desc="reading", enabled=not ns.no_progress) as bar:
        loaded = load(
            names,
            bar,
            jurisdiction=ns.jurisdiction,
            year=ns.year,
            allow_empty=ns.allow_empty,
            jobs=ns.jobs,
        )
    if loaded.errors:
        raise UnreadableInputError(loaded.errors)
    return loaded.reports


def _output_path(name: str) -> Path:
    """The path of a file to write; its directory must exist and it must not be one."""
    if "\x00" in name or not name.strip():
        raise UsageError(f"cannot write {shown(name)}: not a file name")
    output = Path(name)
    if not output.parent.is_dir():
        raise UsageError(
            f"cannot write {shown(name)}: directory {shown(str(output.parent))} does not exist"
        )
    if output.is_dir():
        raise UsageError(f"cannot write {shown(name)}: it is a directory")
    return output


# --------------------------------------------------------------------------- extract


def _cmd_extract(ns: argparse.Namespace, out: TextIO) -> int:
    import pandas as pd

    entries = _read_files(ns, ns.files)
    columns = _CLAIM_COLUMNS if ns.claims else _FIGURE_COLUMNS
    frames = []
    for name, report in entries:
        df = report.claims_frame() if ns.claims else report.to_frame()
        df = df.reindex(columns=[*columns, "jurisdiction", "year"])
        if ns.format == "table":
            what = "claims" if ns.claims else "figures"
            print(
                f"== {shown(name)}: {report.label}, {len(report.figures)} figures, "
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
        out.write(to_csv(full))
    else:
        json.dump(records(full), out, ensure_ascii=False, indent=1)
        out.write("\n")
    return EXIT_OK


# --------------------------------------------------------------------------- check


def _run_checks(reports: list[Report], scheme: str) -> CheckReport:
    from .. import check

    if scheme not in SCHEMES:  # argparse's choices make this unreachable from the command line
        raise UsageError(f"unknown rounding scheme {scheme!r}; use one of {', '.join(SCHEMES)}")
    target: Any = reports[0] if len(reports) == 1 else reports
    return check(target, scheme=cast("Scheme", scheme))


def _exit_status(results: CheckReport, fail_on: str) -> int:
    from ..results import Status

    bad = {Status.FAIL} if fail_on == "fail" else {Status.FAIL, Status.WARN}
    if fail_on != "never" and any(r.status in bad for r in results):
        return EXIT_FAILED
    return EXIT_OK


def _cmd_check(ns: argparse.Namespace, out: TextIO) -> int:
    entries = _read_files(ns, ns.files)
    reports = [r for _, r in entries]
    results = _run_checks(reports, ns.scheme)
    index = FileIndex(entries)
    c = counts(results)
    if ns.format == "csv":
        frame = results.to_frame()
        frame.insert(0, "files", ["; ".join(index.files(r)) for r in results])
        out.write(to_csv(frame))
    elif ns.format == "json":
        doc = {
            "version": __version__,
            "scheme": ns.scheme,
            "reports": [
                {
                    "file": name,
                    "jurisdiction": r.jurisdiction,
                    "year": r.year,
                    "title": r.title,
                    "warnings": list(r.warnings),
                }
                for name, r in entries
            ],
            "counts": c,
            "n_figures": results.n_figures,
            "n_testable": results.n_testable,
            "results": [result_dict(r, index.files(r)) for r in results],
        }
        json.dump(doc, out, ensure_ascii=False, indent=1)
        out.write("\n")
    else:
        several = len(entries) > 1
        for name, r in entries:
            print(
                f"{shown(name)}: {r.label}, {len(r.figures)} figures, {len(r.claims)} claims",
                file=out,
            )
        print(file=out)
        for res in sorted_results(results):
            if ns.quiet and res.status.value not in ("fail", "warn"):
                continue
            where = ", ".join(shown(n) for n in index.files(res)) + ": " if several else ""
            print(f"{where}{one_line(str(res))}", file=out)
            if res.quotes:
                print("    quotes: " + one_line(" | ".join(res.quotes)), file=out)
        print(file=out)
        summary = results.summary()
        if len(summary) > 1:
            print(summary.to_string(), file=out)
            print(file=out)
        print(
            f"{len(results)} results: {c['fail']} fail, {c['warn']} warn, "
            f"{c['pass']} pass, {c['undecidable']} undecidable; "
            f"{results.n_testable}/{results.n_figures} figures testable (scheme {ns.scheme})",
            file=out,
        )
    return _exit_status(results, ns.fail_on)


# --------------------------------------------------------------------------- plot


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
    from .. import Panel, plot_trend

    output = _output_path(ns.output)
    reports = [r for _, r in _read_files(ns, ns.files)]
    panel = Panel.from_reports(reports)
    fmt = output.suffix.lstrip(".").lower() or "png"
    try:
        image = _render(
            lambda ax: plot_trend(panel, ns.indicator, ax=ax), size=(7, 4.2), fmt=fmt, dpi=ns.dpi
        )
    except (LawgovMetricsError, KeyError, ValueError) as exc:
        # an indicator the panel does not have, or an image format matplotlib does not know
        raise UsageError(f"cannot plot {ns.indicator!r} to {shown(ns.output)}: {exc}") from exc
    try:
        output.write_bytes(image)
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot write {shown(ns.output)}: {exc}") from exc
    print(f"wrote {shown(ns.output)}", file=out)
    return EXIT_OK


# --------------------------------------------------------------------------- audit


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
    from .. import plot_trend

    return _render(
        lambda ax: plot_trend(panel, indicator, ax=ax), size=(6.4, 3.6), fmt="png", dpi=110
    )


def _shown_directory(directory: Path, page: Path) -> str:
    """The directory as the page shows it: relative to the page, never an absolute path."""
    try:
        rel = os.path.relpath(directory.resolve(), page.resolve().parent)
    except ValueError:  # another drive on Windows
        rel = directory.resolve().name
    if rel.startswith(os.pardir):
        rel = directory.resolve().name or rel
    return rel


def _audit_files(directory: Path, target: Path) -> tuple[list[Path], list[tuple[str, str]]]:
    """The report files of ``directory`` (sorted), and its PDFs (listed, never read).

    A PDF beside its text version is common; it is named on the page and on stderr but does
    not make the audit fail, unlike a ``.txt``/``.html`` file that cannot be read.
    """
    files: list[Path] = []
    refused: list[tuple[str, str]] = []
    for p in sorted(directory.iterdir()):
        suffix = p.suffix.lower()
        if suffix == ".pdf":
            refused.append((p.name, "a PDF document, not text: convert it to text first"))
        elif suffix in REPORT_SUFFIXES and not p.is_dir():
            try:
                same = p.resolve() == target
            except (OSError, RuntimeError):  # a link loop: read_one names it
                same = False
            if not same:
                files.append(p)
    return files, refused


def _cmd_audit(ns: argparse.Namespace, out: TextIO) -> int:
    from .. import Panel

    directory = Path(ns.directory)
    if not directory.is_dir():
        raise UsageError(f"{shown(ns.directory)} is not a directory")
    output = _output_path(ns.html)
    files, ignored = _audit_files(directory, output.resolve())
    names = [str(p) for p in files]
    err = sys.stderr
    with Progress(names, desc="reading", enabled=not ns.no_progress, stream=err) as bar:
        loaded: Loaded = load(
            names,
            bar,
            jurisdiction=ns.jurisdiction,
            year=ns.year,
            allow_empty=ns.allow_empty,
            jobs=ns.jobs,
        )
    by_path = {str(p): p.name for p in files}
    entries = [(by_path[name], report) for name, report in loaded.reports]
    skipped = [(by_path[name], why) for name, why in loaded.errors]
    for name, why in [*skipped, *ignored]:
        print(f"{PROG}: warning: skipped {shown(name)}: {why}", file=err)
    if not entries:
        raise UsageError(f"no readable .txt or .html report in {shown(ns.directory)}")
    reports = [r for _, r in entries]
    results = _run_checks(reports, ns.scheme)
    panel = Panel.from_reports(reports)
    charts: list[audit.Chart] = []
    chosen = _main_indicators(panel, ns.max_charts)
    with Progress(chosen, desc="charts", enabled=not ns.no_progress, unit="chart") as bar:
        for indicator, label in bar:
            try:
                charts.append(audit.Chart(label, _chart_png(panel, indicator)))
            except Exception as exc:  # one bad chart must not lose the whole audit page
                charts.append(audit.Chart(label, None, f"{type(exc).__name__}: {exc}"))
                bar.write(f"{PROG}: warning: no chart for {label}: {exc}")
    page = audit.render_page(
        directory=_shown_directory(directory, output),
        entries=entries,
        skipped=[*skipped, *ignored],
        results=results,
        charts=charts,
        scheme=ns.scheme,
    )
    try:
        output.write_text(page, encoding="utf-8")
    except (OSError, ValueError) as exc:
        raise UsageError(f"cannot write {shown(ns.html)}: {exc}") from exc
    c = counts(results)
    print(
        f"wrote {shown(ns.html)}: {len(entries)} reports, {c['fail']} fail, {c['warn']} warn, "
        f"{c['pass']} pass, {c['undecidable']} undecidable, {len(charts)} charts",
        file=out,
    )
    if skipped:
        raise UsageError(f"{len(skipped)} files could not be read; the page lists them")
    return _exit_status(results, ns.fail_on)


COMMANDS: dict[str, Callable[[argparse.Namespace, TextIO], int]] = {
    "extract": _cmd_extract,
    "check": _cmd_check,
    "audit": _cmd_audit,
    "plot": _cmd_plot,
}
