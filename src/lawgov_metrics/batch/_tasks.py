"""The tasks of a batch run: module-level functions, so that any executor can pickle them.

Each takes a chunk of items and gives one output per item; none raises for one bad item
(an unreadable file, a check that raised): that item's output says what went wrong.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from ..errors import LawgovMetricsError
from ..records import Report
from ..results import CheckReport, CheckResult, Status
from ._records import CROSS_CHECK, Checked, ReadFailure, Reason
from ._store import Store, dump, load

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


def error_item(failure: ReadFailure) -> Checked:
    return Checked(
        kind="error",
        results=CheckReport((failure.as_result(),), reports=failure.as_result().reports),
        indexes=(failure.index,),
        paths=(failure.path,),
        failure=failure,
    )


def check_chunk(items: list[Item], encoding: str | None, options: dict[str, Any]) -> list[Done]:
    from .. import check

    out: list[Done] = []
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
        out.append(Done(checked, blob, report.jurisdiction, report.year))
    return out


class PieceTask(NamedTuple):
    owned: tuple[int, ...] | None
    indexes: tuple[int, ...]
    blobs: tuple[bytes, ...]


def cross_chunk(pieces: list[PieceTask], options: dict[str, Any]) -> list[Checked]:
    from ..checks.pairing import Lineup, lineup
    from ..checks.runner import check_lineup

    out: list[Checked] = []
    for piece in pieces:
        try:
            reports = [load(b) for b in piece.blobs]
            if piece.owned is None:  # reports without a year: their missing_year results
                results = check_lineup(Lineup((), (), tuple(reports)), **options)
            else:
                owned = set(piece.owned)
                up = lineup(reports)
                results = check_lineup(
                    Lineup(
                        tuple((a, b) for a, b in up.pairs if a.year in owned),
                        tuple(g for g in up.groups if g[0].year in owned),
                        (),
                    ),
                    **options,
                )
        except Exception as exc:  # the hook catches what a check raises; this is a bug
            out.append(cross_crashed(piece, exc, "internal_error"))
            continue
        labels = tuple(r.label for r in reports)
        out.append(
            Checked(
                kind="cross",
                results=CheckReport(tuple(results), reports=labels),
                indexes=piece.indexes,
                paths=tuple(r.path for r in reports),
                labels=labels,
            )
        )
    return out


def cross_crashed(piece: PieceTask, exc: BaseException, reason: Reason) -> Checked:
    where = ", ".join(str(i) for i in piece.indexes)
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
        indexes=piece.indexes,
        paths=(None,) * len(piece.indexes),
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
