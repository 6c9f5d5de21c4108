"""The tasks of a batch run: module-level functions, so that any executor can pickle them.

Each takes a chunk of items and gives one output per item; none raises for one bad item
(an unreadable file, a check that raised): that item's output says what went wrong.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from ..errors import LawgovMetricsError
from ..records import Report
from ..results import CheckReport, CheckResult, Status
from ._records import CROSS_CHECK, Checked, ReadFailure, Reason
from ._store import Store, dump, load, place_pieces

_OVERRIDES = frozenset({"jurisdiction", "year", "encoding"})

# ---------------------------------------------------------------------------------------
# inputs


class Item(NamedTuple):
    at: int  # the input position
    source: Report | tuple[str, dict[str, Any]] | ReadFailure


def item_of(index: int, item: object, *, reports: bool) -> Item:
    """One input, checked in the caller's process (a bad one becomes a ReadFailure)."""
    if reports and isinstance(item, Report):
        return Item(index, item)
    overrides: object = {}
    if isinstance(item, tuple) and len(item) == 2:
        item, overrides = item
    if isinstance(item, bytes):
        item = os.fsdecode(item)
    if not isinstance(item, (str, os.PathLike)) or not isinstance(overrides, Mapping):
        what = "a Report, " if reports else ""
        return Item(
            index,
            ReadFailure(
                index=index,
                path=None,
                error="TypeError",
                message=f"expected {what}a path or a (path, overrides) pair, got {item!r}",
            ),
        )
    path = os.fspath(item)
    unknown = sorted(set(overrides) - _OVERRIDES)
    if unknown:
        return Item(
            index,
            ReadFailure(
                index=index,
                path=str(path),
                error="TypeError",
                message=f"unknown overrides {unknown}; use {sorted(_OVERRIDES)}",
            ),
        )
    return Item(index, (str(path), dict(overrides)))


def chunks(items: Iterable[object], size: int, *, reports: bool) -> Iterator[list[Item]]:
    chunk: list[Item] = []
    for i, item in enumerate(items):
        chunk.append(item_of(i, item, reports=reports))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def read_item(path: str, overrides: dict[str, Any], encoding: str | None) -> Report:
    """Read one file (the seam the tests replace to make a worker fail)."""
    from .. import read_report

    kwargs = {"encoding": encoding, **overrides}
    return read_report(path, **kwargs)


def failure_of(index: int, path: str | None, exc: BaseException, reason: Reason) -> ReadFailure:
    return ReadFailure(
        index=index,
        path=path,
        error=type(exc).__name__,
        message=str(exc),
        reason=reason,
    )


def read(item: Item, encoding: str | None) -> Report | ReadFailure:
    """The report of one item, or its ReadFailure; never raises for a bad file."""
    source = item.source
    if isinstance(source, (Report, ReadFailure)):
        return source
    path, overrides = source
    try:
        return read_item(path, overrides, encoding)
    except (OSError, ValueError, LawgovMetricsError) as exc:
        return failure_of(item.at, path, exc, "unreadable")
    except Exception as exc:  # a bug in reading must cost this file only
        return failure_of(item.at, path, exc, "internal_error")


def path_of(item: Item) -> str | None:
    source = item.source
    if isinstance(source, Report):
        return source.path
    if isinstance(source, ReadFailure):
        return source.path
    return source[0]


# ---------------------------------------------------------------------------------------
# tasks


def extract_chunk(items: list[Item], encoding: str | None) -> list[Report | ReadFailure]:
    return [read(item, encoding) for item in items]


class Done(NamedTuple):
    checked: Checked
    blob: bytes | None = None  # the parked report (see _store.dump)
    jurisdiction: str | None = None
    year: int | None = None
    #: The cross-report items of the task's reports of one jurisdiction (on the last of
    #: them): the jurisdiction, how many reports with a year they cover, their pickle,
    #: and the number of reports in their pieces (for the progress line).
    ready: tuple[str, int, bytes, int] | None = None


def error_item(failure: ReadFailure) -> Checked:
    return Checked(
        kind="error",
        results=CheckReport((failure.as_result(),), reports=failure.as_result().reports),
        indexes=(failure.index,),
        paths=(failure.path,),
        failure=failure,
    )


def check_chunk(
    items: list[Item], encoding: str | None, options: dict[str, Any], size: int
) -> list[Done]:
    """Read and check each item; with the cross-report items of every jurisdiction seen.

    The cross-report items of a jurisdiction's reports in this chunk are computed here,
    where the reports are at hand (and the checks' caches warm), in the pieces
    :meth:`Store.pieces` would make of them (``size`` reports a piece); they stand for
    the jurisdiction's cross-report checks when no other task sees a report of it.
    """
    from .. import check

    out: list[Done] = []
    places: dict[str, dict[int, list[tuple[int, Report]]]] = {}
    last: dict[str, int] = {}
    for item in items:
        report = read(item, encoding)
        if isinstance(report, ReadFailure):
            out.append(Done(error_item(report)))
            continue
        try:
            results = check(report, **options)
            blob = dump(report)
        except Exception as exc:  # check() catches what a check raises; this is a bug
            out.append(Done(error_item(failure_of(item.at, report.path, exc, "internal_error"))))
            continue
        checked = Checked(
            kind="report",
            results=results,
            indexes=(item.at,),
            paths=(report.path,),
            labels=(report.label,),
        )
        j, y = report.jurisdiction, report.year
        if j is not None and y is not None:
            places.setdefault(j, {}).setdefault(y, []).append((item.at, report))
            last[j] = len(out)
        out.append(Done(checked, blob, j, y))
    for j, by_year in places.items():
        n = sum(len(v) for v in by_year.values())
        if n < 2:
            continue  # no pair here: the store lines it up if it has partners elsewhere
        reports = {at: r for v in by_year.values() for at, r in v}
        index = {y: [(at, 0, 0) for at, _ in v] for y, v in by_year.items()}
        ready = [
            cross_piece(
                piece.owned,
                tuple(e[0] for e in piece.entries),
                [reports[e[0]] for e in piece.entries],
                options,
            )
            for piece in place_pieces(index, size)
        ]
        blob = pickle.dumps(ready, protocol=pickle.HIGHEST_PROTOCOL)
        pieces = sum(len(c.indexes) for c in ready)
        out[last[j]] = out[last[j]]._replace(ready=(j, n, blob, pieces))
    return out


class PieceTask(NamedTuple):
    owned: tuple[int, ...] | None
    indexes: tuple[int, ...]
    blobs: tuple[bytes, ...]


def cross_piece(
    owned: tuple[int, ...] | None,
    indexes: tuple[int, ...],
    reports: list[Report],
    options: dict[str, Any],
) -> Checked:
    """The cross-report item of one piece (see :class:`~._store.Piece`)."""
    from ..checks.pairing import Lineup, lineup
    from ..checks.runner import check_lineup

    try:
        if owned is None:  # reports without a year: their missing_year results
            results = check_lineup(Lineup((), (), tuple(reports)), **options)
        else:
            years = set(owned)
            up = lineup(reports)
            results = check_lineup(
                Lineup(
                    tuple((a, b) for a, b in up.pairs if a.year in years),
                    tuple(g for g in up.groups if g[0].year in years),
                    (),
                ),
                **options,
            )
    except Exception as exc:  # the hook catches what a check raises; this is a bug
        return crashed_piece(indexes, exc, "internal_error")
    labels = tuple(r.label for r in reports)
    return Checked(
        kind="cross",
        results=CheckReport(tuple(results), reports=labels),
        indexes=indexes,
        paths=tuple(r.path for r in reports),
        labels=labels,
    )


def cross_chunk(pieces: list[PieceTask], options: dict[str, Any]) -> list[Checked]:
    out: list[Checked] = []
    for piece in pieces:
        try:
            reports = [load(b) for b in piece.blobs]
        except Exception as exc:  # a blob that does not load costs its piece only
            out.append(cross_crashed(piece, exc, "internal_error"))
            continue
        out.append(cross_piece(piece.owned, piece.indexes, reports, options))
    return out


def ready_items(blob: bytes) -> list[Checked]:
    """The cross-report items :func:`check_chunk` computed, back from their pickle."""
    items = pickle.loads(blob)
    if not isinstance(items, list):  # pragma: no cover - only check_chunk writes these
        raise TypeError(f"stored cross-report items decoded to a {type(items).__name__}")
    return items


def cross_crashed(piece: PieceTask, exc: BaseException, reason: Reason) -> Checked:
    return crashed_piece(piece.indexes, exc, reason)


def crashed_piece(indexes: tuple[int, ...], exc: BaseException, reason: Reason) -> Checked:
    where = ", ".join(str(i) for i in indexes)
    result = CheckResult(
        check=CROSS_CHECK,
        status=Status.UNDECIDABLE,
        reason=reason,
        message=(
            f"the cross-report checks of the reports at input positions {where} could not "
            f"run: {type(exc).__name__}: {exc}"
        ),
    )
    return Checked(
        kind="cross",
        results=CheckReport((result,)),
        indexes=indexes,
        paths=(None,) * len(indexes),
    )


def piece_chunks(store: Store, size: int) -> Iterator[list[PieceTask]]:
    """The store's pieces with their blobs, about ``size`` reports a task."""
    chunk: list[PieceTask] = []
    n = 0
    for piece in store.pieces(size):
        chunk.append(
            PieceTask(
                piece.owned,
                tuple(e[0] for e in piece.entries),
                tuple(store.read(e) for e in piece.entries),
            )
        )
        n += len(piece.entries)
        if n >= size:
            yield chunk
            chunk, n = [], 0
    if chunk:
        yield chunk
