"""Reading the command line's input files: clear reasons for every file that is not a report.

Every file is looked at before it is read: a missing file, a broken symbolic link, a link
loop, a directory or a device, an empty file, a PDF, an office document, an image and
other binary data each get their own one-line reason (the reader,
:func:`lawgov_metrics.read_report`, names the non-text formats it recognises), and a file
that yields no figure is refused unless ``--allow-empty`` is given. File names are shown
with control characters escaped, so a name holding a newline cannot forge an output line.

Examples:
    >>> from lawgov_metrics.cli._inputs import shown
    >>> shown("花都区 2023.txt")
    '花都区 2023.txt'
    >>> shown("evil\\n[PASS] all good.txt")
    "'evil\\\\n[PASS] all good.txt'"
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from ..errors import LawgovMetricsError, ReadError

if TYPE_CHECKING:
    from ..records import Report
    from ._progress import Progress

__all__ = ["Loaded", "describe_path", "load", "one_line", "read_one", "shown"]

_SNIFF = 8192


def shown(name: str) -> str:
    """A file name safe to print on a terminal: as is, or quoted with escapes.

    A name whose characters are all printable is returned unchanged; otherwise it is quoted
    and every control, format or undecodable character (and the backslash) is escaped, so
    the result is one line and cannot be mistaken for other output.
    """
    if name.isprintable():
        return name
    out = []
    for ch in name:
        if ch == "\\":
            out.append("\\\\")
        elif ch == "'":
            out.append("\\'")
        elif ch.isprintable():
            out.append(ch)
        else:
            out.append(repr(ch)[1:-1])
    return "'" + "".join(out) + "'"


def one_line(text: str) -> str:
    """Text safe to print as one terminal line: every control or format character escaped.

    Check messages quote report text and name files, either of which may hold control
    characters (a newline, an ANSI escape); printed raw they could forge or erase output.

    Examples:
        >>> one_line("ok: 786件"), one_line("a\\nb\\x1b[2J")
        ('ok: 786件', 'a\\\\nb\\\\x1b[2J')
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() else repr(ch)[1:-1] for ch in text)


def describe_path(path: Path) -> str | None:
    """Why ``path`` cannot be opened as a report file, or ``None`` when it is a regular file."""
    try:
        st = path.stat()
    except FileNotFoundError:
        if path.is_symlink():
            return f"broken symbolic link (it points to {shown(os.readlink(path))})"
        return "no such file"
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "symbolic link loop (the link points back to itself)"
        if exc.errno == errno.ENAMETOOLONG:
            return "file name too long"
        if exc.errno == errno.EACCES:
            return "permission denied"
        if exc.errno == errno.ENOTDIR:
            return "no such file (a part of the path is not a directory)"
        return exc.strerror or str(exc)
    except ValueError:  # a NUL in the name
        return "not a valid file name"
    if stat.S_ISDIR(st.st_mode):
        return "is a directory"
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a device, socket or pipe)"
    return None


def _with_defaults(report: Report, jurisdiction: str | None, year: int | None) -> Report:
    changes: dict[str, Any] = {}
    if jurisdiction is not None and report.jurisdiction is None:
        changes["jurisdiction"] = jurisdiction
    if year is not None and report.year is None:
        changes["year"] = year
    return attrs.evolve(report, **changes) if changes else report


def _precheck(path: Path) -> None:
    """Raise :class:`~lawgov_metrics.ReadError` when ``path`` is no file to read: missing,
    not a regular file, empty or only white space (cheap: a stat and 8 KB)."""
    why = describe_path(path)
    if why is not None:
        raise ReadError(path, why)
    try:
        with path.open("rb") as fh:
            head = fh.read(_SNIFF)
    except OSError as exc:
        raise ReadError(path, exc.strerror or str(exc)) from exc
    if not head.strip():
        raise ReadError(
            path, "the file is empty" if not head else "the file holds only white space"
        )


def _finish(report: Report, path: Path, jurisdiction: str | None, year: int | None) -> Report:
    if not report.text.strip():
        raise ReadError(path, "no text (the file holds only markup or white space)")
    return _with_defaults(report, jurisdiction, year)


def read_one(path: Path, *, jurisdiction: str | None = None, year: int | None = None) -> Report:
    """Read one report file, or raise :class:`~lawgov_metrics.ReadError` saying why not.

    Raises:
        ReadError: The file is missing, not a regular file, empty, binary or undecodable.
    """
    from .. import read_report

    _precheck(path)
    try:
        report = read_report(path)
    except ReadError:
        raise
    except (OSError, ValueError, LawgovMetricsError) as exc:
        raise ReadError(path, str(exc)) from exc
    return _finish(report, path, jurisdiction, year)


def _read_all(
    names: Sequence[str], bar: Progress[str], jurisdiction: str | None, year: int | None, jobs: int
) -> Iterator[tuple[str, Report | str]]:
    """Each file with its report or the reason it was not read, in the order given.

    With ``jobs`` above 1 the files that pass :func:`_precheck` are read in a pool of that
    many processes by :func:`lawgov_metrics.extract_many` (in order, a bounded number in
    flight); the checks around the reading are the same as :func:`read_one`'s.
    """
    if jobs <= 1:
        for name in bar:
            try:
                yield name, read_one(Path(name), jurisdiction=jurisdiction, year=year)
            except ReadError as exc:
                yield name, exc.reason
        return
    from ..batch import ReadFailure, extract_many

    refused: dict[int, str] = {}
    readable: list[str] = []
    for i, name in enumerate(names):
        try:
            _precheck(Path(name))
        except ReadError as exc:
            refused[i] = exc.reason
        else:
            readable.append(name)
    stream = extract_many(readable, jobs=jobs, progress=False)
    for i, name in enumerate(bar):
        if i in refused:
            yield name, refused[i]
            continue
        got = next(stream)
        if isinstance(got, ReadFailure):
            message = got.message
            if got.error == "ReadError":  # "cannot read 'x' as text: why": the why
                message = message.split(" as text: ", 1)[-1]
            yield name, message
            continue
        try:
            yield name, _finish(got, Path(name), jurisdiction, year)
        except ReadError as exc:
            yield name, exc.reason


@attrs.frozen
class Loaded:
    """The outcome of reading the files of one command.

    Attributes:
        reports: ``(file name, report)`` of every file read, in the order given.
        errors: ``(file name, reason)`` of every file that could not be read or was refused.
    """

    reports: list[tuple[str, Report]]
    errors: list[tuple[str, str]]


def load(
    names: Sequence[str],
    bar: Progress[str],
    *,
    jurisdiction: str | None,
    year: int | None,
    allow_empty: bool,
    warn: str = "warning",
    jobs: int = 1,
) -> Loaded:
    """Read every file; print the reader's warnings; refuse files without figures.

    Args:
        names: The file names as the user gave them.
        bar: The progress bar to iterate with (and to print messages through).
        jurisdiction: ``--jurisdiction``.
        year: ``--year``.
        allow_empty: ``--allow-empty``: a report without figures is kept, with a warning.
        warn: The prefix word of warnings (``"warning"``).
        jobs: ``--jobs``: read the files in a pool of that many processes.

    Returns:
        The reports read and the files refused, with their reasons.
    """
    from . import PROG

    reports: list[tuple[str, Report]] = []
    errors: list[tuple[str, str]] = []
    for name, got in _read_all(names, bar, jurisdiction, year, jobs):
        if isinstance(got, str):
            errors.append((name, got))
            continue
        report = got
        for message in report.warnings:
            bar.write(f"{PROG}: {warn}: {shown(name)}: {message}")
        if not report.figures:
            if not allow_empty:
                errors.append(
                    (name, "no figures found (is it a report?); --allow-empty accepts it")
                )
                continue
            bar.write(f"{PROG}: {warn}: {shown(name)}: no figures found")
        reports.append((name, report))
    return Loaded(reports=reports, errors=errors)
