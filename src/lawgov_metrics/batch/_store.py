"""The spill store of :func:`~lawgov_metrics.check_many`: reports parked until they line up.

While a run reads its reports, each one is pickled (about 15 KB for a 10 KB report; not
compressed: zlib would cost as much CPU as the pickling, for a file that is only read back
once) and written to one temporary file that stays in memory up to ``memory`` bytes and moves to
disk past that; the run keeps only an index, a hash from ``(jurisdiction, year)`` to the
input positions and file offsets of its reports (about 150 bytes a report). Once every report
is read, :meth:`Store.pieces` walks the index: per jurisdiction, the years in sorted order,
split into runs of consecutive years (no pair crosses a gap), each run cut into pieces of
about ``size`` reports plus the next year's reports, which a piece needs for its last
year's pairs. A task loads one piece at a time, so memory holds a few pieces, never the
corpus. Reports without a partner (no report of the same jurisdiction in the same or an
adjacent year) are never read back.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from collections.abc import Iterator, Mapping

import attrs

from ..records import Report

#: An index entry: the report's input position, and its blob's offset and length.
Entry = tuple[int, int, int]


def dump(report: Report) -> bytes:
    """The stored form of a report (its pickle)."""
    return pickle.dumps(report, protocol=pickle.HIGHEST_PROTOCOL)


def load(blob: bytes) -> Report:
    """The report back from :func:`dump`."""
    report = pickle.loads(blob)
    if not isinstance(report, Report):  # pragma: no cover - only dump() writes blobs
        raise TypeError(f"a stored report decoded to a {type(report).__name__}")
    return report


@attrs.frozen
class Piece:
    """Reports of one jurisdiction whose cross-report pairs one task computes.

    Attributes:
        owned: The years whose pairs the piece gives (pairs whose earlier report is of one
            of them); ``None`` for a piece of reports without a year.
        entries: Its reports, by year and then input position (the order ``line_up``
            needs to orient two reports of the same year as :func:`check` does).
    """

    owned: tuple[int, ...] | None
    entries: tuple[Entry, ...]


def place_pieces(index: Mapping[int, list[Entry]], size: int) -> Iterator[Piece]:
    """The pieces of one jurisdiction's reports by year (see :meth:`Store.pieces`).

    Each run of consecutive years is cut into pieces of about ``size`` reports, each with
    the next year's reports, which its last year's pairs need.
    """
    years = sorted(index)
    start = 0
    for i in range(1, len(years) + 1):
        if i == len(years) or years[i] != years[i - 1] + 1:
            yield from _split(index, years[start:i], size)
            start = i


def _split(index: Mapping[int, list[Entry]], run: list[int], size: int) -> Iterator[Piece]:
    """Pieces of about ``size`` reports over a run of consecutive years."""
    owned: list[int] = []
    count = 0
    for i, y in enumerate(run):
        owned.append(y)
        count += len(index[y])
        last = i == len(run) - 1
        if count < size and not last:
            continue
        years = owned if last else [*owned, run[i + 1]]
        entries = [e for year in years for e in sorted(index[year])]
        if len(entries) >= 2:
            yield Piece(tuple(owned), tuple(entries))
        owned, count = [], 0


class Store:
    """Reports parked in a temporary file, indexed by ``(jurisdiction, year)``."""

    def __init__(self, workdir: str | os.PathLike[str] | None, memory: int) -> None:
        where = None if workdir is None else os.fspath(workdir)
        # Open for the store's whole life, closed (and so removed) by close().
        self._file = tempfile.SpooledTemporaryFile(max_size=memory, dir=where)  # noqa: SIM115
        self._end = 0
        self._index: dict[tuple[str | None, int | None], list[Entry]] = {}
        self.n_reports = 0
        self._dated: dict[str, int] = {}  # reports with a year, by jurisdiction
        # A jurisdiction's cross-report items computed where its reports were checked:
        # (how many reports they cover, offset, length); None once a second one came.
        self._ready: dict[str, tuple[int, int, int] | None] = {}
        self._ready_pieces: dict[str, int] = {}

    def add(self, index: int, jurisdiction: str | None, year: int | None, blob: bytes) -> None:
        """Park one report's blob (from :func:`dump`)."""
        entry = (index, *self._write(blob))
        self._index.setdefault((jurisdiction, year), []).append(entry)
        self.n_reports += 1
        if jurisdiction is not None and year is not None:
            self._dated[jurisdiction] = self._dated.get(jurisdiction, 0) + 1

    def _write(self, blob: bytes) -> tuple[int, int]:
        self._file.seek(self._end)
        self._file.write(blob)
        at = self._end
        self._end += len(blob)
        return at, len(blob)

    def add_ready(self, jurisdiction: str, n: int, blob: bytes, pieces: int) -> None:
        """Park the cross-report items of ``n`` reports of a jurisdiction, checked together.

        They stand for the jurisdiction's cross-report checks when, at the end, those ``n``
        reports are all of its reports with a year (the task that checked them saw the
        whole jurisdiction); else its reports are lined up from the store as usual.
        ``pieces`` counts the reports of the items' pieces (see :meth:`n_ready`).
        """
        if jurisdiction in self._ready:  # its reports came in more than one task
            self._ready[jurisdiction] = None
            return
        self._ready[jurisdiction] = (n, *self._write(blob))
        self._ready_pieces[jurisdiction] = pieces

    def n_ready(self) -> int:
        """The reports of the pieces of the ready items that hold (counted per piece)."""
        return sum(n for j, n in self._ready_pieces.items() if self.ready_of(j) is not None)

    def ready_of(self, jurisdiction: str) -> tuple[int, int] | None:
        """Where the jurisdiction's ready cross-report items are, if they hold."""
        ready = self._ready.get(jurisdiction)
        if ready is None or ready[0] != self._dated.get(jurisdiction):
            return None
        return ready[1], ready[2]

    def ready(self) -> Iterator[bytes]:
        """The blobs of every jurisdiction's ready cross-report items that hold."""
        for j in self._ready:
            at = self.ready_of(j)
            if at is not None:
                self._file.seek(at[0])
                yield self._file.read(at[1])

    def read(self, entry: Entry) -> bytes:
        """The blob of one entry."""
        _, offset, length = entry
        self._file.seek(offset)
        return self._file.read(length)

    @property
    def on_disk(self) -> bool:
        """Whether the store outgrew its memory budget and moved to disk."""
        return bool(getattr(self._file, "_rolled", False))

    def pieces(self, size: int) -> Iterator[Piece]:
        """The pieces whose pairs make up every cross-report pair of the run.

        Two reports pair when they share a jurisdiction and their years are equal or
        consecutive; reports without a jurisdiction pair only when no report of the run has
        one (then all are taken to be the same body), as :func:`~lawgov_metrics.checks.line_up`
        says. Pieces without a possible pair are left out. When the run has more than one
        report, the reports without a year come last, in pieces of their own.
        """
        named = any(j is not None for j, _ in self._index)
        places: dict[str | None, list[int]] = {}
        yearless: list[Entry] = []
        for (j, y), entries in self._index.items():
            if y is None:
                yearless.extend(entries)
            elif j is not None or not named:
                places.setdefault(j, []).append(y)
        for j, years in places.items():
            if j is not None and self.ready_of(j) is not None:
                continue  # its results came with its reports
            yield from place_pieces({y: self._index[(j, y)] for y in years}, size)
        if self.n_reports > 1 and yearless:
            yearless.sort()
            for i in range(0, len(yearless), size):
                yield Piece(None, tuple(yearless[i : i + size]))

    def close(self) -> None:
        """Remove the temporary file."""
        self._file.close()
