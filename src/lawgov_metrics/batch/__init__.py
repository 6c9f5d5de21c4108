"""Many reports at once: :func:`extract_many` and :func:`check_many`.

Both stream: they read their input lazily, keep a bounded number of tasks in flight on any
:class:`concurrent.futures.Executor` (a process pool sized to the machine by default, a
thread pool, or Dask's ``distributed.Client.get_executor()``), and yield as they go. A file
that cannot be read, a report whose checks raise, or a worker process that dies gives an
error record for that item, never a lost run nor a silently dropped file.

:func:`check_many` gives the same results as :func:`~lawgov_metrics.check` on the list of
all the reports (as a multiset), cross-report checks included, without holding the reports:
each one is parked, pickled, in a temporary store indexed by ``(jurisdiction, year)``
and read back only to be compared with its neighbours (see :mod:`lawgov_metrics.batch._store`).

Examples:
    >>> import pathlib, tempfile
    >>> import lawgov_metrics as lm
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text("2022年,收到行政复议申请466宗。", encoding="utf-8")
    >>> _ = (d / "b.txt").write_text("2023年,收到行政复议申请786宗,同比增长68.67%。",
    ...                              encoding="utf-8")
    >>> items = [(d / "a.txt", {"jurisdiction": "花都区"}),
    ...          (d / "b.txt", {"jurisdiction": "花都区"}), d / "missing.txt"]
    >>> [r.label if isinstance(r, lm.Report) else (r.index, r.error)
    ...  for r in lm.extract_many(items, jobs=1)]
    ['花都区 2022', '花都区 2023', (2, 'FileNotFoundError')]
    >>> for item in lm.check_many(items, jobs=1, checks=["growth"]):
    ...     print(item.kind, item.labels, [f"{r.check} {r.status.value}" for r in item.results])
    report ('花都区 2022',) []
    report ('花都区 2023',) ['growth.implied_prior pass']
    error () ['batch.read undecidable']
    cross ('花都区 2022', '花都区 2023') ['growth.prior_report pass', 'growth.direction pass']
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sized
from concurrent.futures import Executor
from typing import Any, Literal, NamedTuple

import attrs

from ..errors import LawgovMetricsError
from ..records import Report
from ..results import CheckReport, CheckResult, Status
from ._pool import ProgressArg, ProgressBar, Workers, machine_jobs, progress_hook, run_chunks
from ._store import Store, dump, load

__all__ = ["Checked", "ReadFailure", "Source", "check_many", "extract_many"]

#: One input of :func:`extract_many`: a path, or a path and keyword arguments of
#: :func:`~lawgov_metrics.read_report` for that file (``{"jurisdiction": "花都区",
#: "year": 2023}``, ``{"encoding": "gb18030"}``).
Source = str | os.PathLike[str] | tuple[str | os.PathLike[str], Mapping[str, Any]]

#: The check id of the results that stand for an input that gave no report, and for
#: cross-report checks that could not run.
READ_CHECK = "batch.read"
CROSS_CHECK = "batch.cross_report"

_OVERRIDES = frozenset({"jurisdiction", "year", "encoding"})


@attrs.frozen(kw_only=True)
class ReadFailure:
    """An input that gave no report, and why (what :func:`extract_many` yields for it).

    Attributes:
        index: The input's position (from 0).
        path: The file, when the input named one.
        error: The exception's type (``"FileNotFoundError"``, ``"ParseError"``, or
            ``"BrokenProcessPool"`` when the worker died).
        message: The exception's message.
        reason: ``"unreadable"`` (the file could not be opened or decoded, or the input
            was not a path), ``"internal_error"`` (reading or checking raised: a bug worth
            reporting) or ``"worker_crash"`` (the worker process died on this file).

    Examples:
        >>> f = ReadFailure(index=3, path="x.txt", error="FileNotFoundError",
        ...                 message="No such file", reason="unreadable")
        >>> str(f)
        'x.txt: FileNotFoundError: No such file'
    """

    index: int
    path: str | None
    error: str
    message: str
    reason: Literal["unreadable", "internal_error", "worker_crash"] = "unreadable"

    def __str__(self) -> str:
        return f"{self.path or f'input {self.index}'}: {self.error}: {self.message}"

    def as_result(self) -> CheckResult:
        """The UNDECIDABLE result (check ``batch.read``) that stands for this input."""
        return CheckResult(
            check=READ_CHECK,
            status=Status.UNDECIDABLE,
            reason=self.reason,
            message=f"no report to check: {self}",
            reports=(self.path or f"input {self.index}",),
        )


@attrs.frozen(kw_only=True)
class Checked:
    """One item of :func:`check_many`'s stream.

    Attributes:
        kind: ``"report"``: the single-report checks of one input report; ``"error"``: an
            input that gave no report (``failure`` says why; ``results`` holds one
            UNDECIDABLE result, check ``batch.read``); ``"cross"``: the cross-report checks
            of reports of one jurisdiction in consecutive years (or of reports without a
            year, whose pair-scope checks are UNDECIDABLE).
        results: The results, as a :class:`~lawgov_metrics.CheckReport`. For a report,
            ``n_figures`` and ``n_testable`` count its figures and those its single-report
            checks tested; a cross item has ``n_figures == 0``.
        indexes: The input positions of the reports (or input) concerned.
        paths: Their files (``None`` for a report given without one).
        labels: Their labels (``"花都区 2023"``); empty for an error.
        failure: For an error, the :class:`ReadFailure`.
    """

    kind: Literal["report", "cross", "error"]
    results: CheckReport
    indexes: tuple[int, ...]
    paths: tuple[str | None, ...]
    labels: tuple[str, ...] = ()
    failure: ReadFailure | None = None


# ---------------------------------------------------------------------------------------
# inputs


class _Item(NamedTuple):
    at: int  # the input position
    source: Report | tuple[str, dict[str, Any]] | ReadFailure


def _item(index: int, item: object, *, reports: bool) -> _Item:
    """One input, checked in the caller's process (a bad one becomes a ReadFailure)."""
    if reports and isinstance(item, Report):
        return _Item(index, item)
    overrides: object = {}
    if isinstance(item, tuple) and len(item) == 2:
        item, overrides = item
    if isinstance(item, bytes):
        item = os.fsdecode(item)
    if not isinstance(item, (str, os.PathLike)) or not isinstance(overrides, Mapping):
        what = "a Report, " if reports else ""
        return _Item(
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
        return _Item(
            index,
            ReadFailure(
                index=index,
                path=str(path),
                error="TypeError",
                message=f"unknown overrides {unknown}; use {sorted(_OVERRIDES)}",
            ),
        )
    return _Item(index, (str(path), dict(overrides)))


def _chunks(items: Iterable[object], size: int, *, reports: bool) -> Iterator[list[_Item]]:
    chunk: list[_Item] = []
    for i, item in enumerate(items):
        chunk.append(_item(i, item, reports=reports))
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _read_item(path: str, overrides: dict[str, Any], encoding: str | None) -> Report:
    """Read one file (the seam the tests replace to make a worker fail)."""
    from .. import read_report

    kwargs = {"encoding": encoding, **overrides}
    return read_report(path, **kwargs)


def _failure(index: int, path: str | None, exc: BaseException, reason: str) -> ReadFailure:
    return ReadFailure(
        index=index,
        path=path,
        error=type(exc).__name__,
        message=str(exc),
        reason=reason,  # type: ignore[arg-type]  # one of the three literals
    )


def _read(item: _Item, encoding: str | None) -> Report | ReadFailure:
    """The report of one item, or its ReadFailure; never raises for a bad file."""
    source = item.source
    if isinstance(source, (Report, ReadFailure)):
        return source
    path, overrides = source
    try:
        return _read_item(path, overrides, encoding)
    except (OSError, ValueError, LawgovMetricsError) as exc:
        return _failure(item.at, path, exc, "unreadable")
    except Exception as exc:  # a bug in reading must cost this file only
        return _failure(item.at, path, exc, "internal_error")


def _path_of(item: _Item) -> str | None:
    source = item.source
    if isinstance(source, Report):
        return source.path
    if isinstance(source, ReadFailure):
        return source.path
    return source[0]


# ---------------------------------------------------------------------------------------
# tasks (module-level, so any executor can pickle them)


def _extract_chunk(items: list[_Item], encoding: str | None) -> list[Report | ReadFailure]:
    return [_read(item, encoding) for item in items]


class _Done(NamedTuple):
    checked: Checked
    blob: bytes | None = None  # the parked report (see _store.dump)
    jurisdiction: str | None = None
    year: int | None = None


def _error(failure: ReadFailure) -> Checked:
    return Checked(
        kind="error",
        results=CheckReport((failure.as_result(),), reports=failure.as_result().reports),
        indexes=(failure.index,),
        paths=(failure.path,),
        failure=failure,
    )


def _check_chunk(items: list[_Item], encoding: str | None, options: dict[str, Any]) -> list[_Done]:
    from .. import check

    out: list[_Done] = []
    for item in items:
        report = _read(item, encoding)
        if isinstance(report, ReadFailure):
            out.append(_Done(_error(report)))
            continue
        try:
            results = check(report, **options)
            blob = dump(report)
        except Exception as exc:  # check() catches what a check raises; this is a bug
            out.append(_Done(_error(_failure(item.at, report.path, exc, "internal_error"))))
            continue
        checked = Checked(
            kind="report",
            results=results,
            indexes=(item.at,),
            paths=(report.path,),
            labels=(report.label,),
        )
        out.append(_Done(checked, blob, report.jurisdiction, report.year))
    return out


class _Piece(NamedTuple):
    owned: tuple[int, ...] | None
    indexes: tuple[int, ...]
    blobs: tuple[bytes, ...]


def _cross_chunk(pieces: list[_Piece], options: dict[str, Any]) -> list[Checked]:
    from ..checks import _cross_report_half, line_up

    out: list[Checked] = []
    for piece in pieces:
        try:
            reports = [load(b) for b in piece.blobs]
            if piece.owned is None:
                results = _cross_report_half((), reports, **options)
            else:
                owned = set(piece.owned)
                pairs = [(a, b) for a, b in line_up(reports) if a.year in owned]
                results = _cross_report_half(pairs, (), **options)
        except Exception as exc:  # the hook catches what a check raises; this is a bug
            out.append(_cross_crashed(piece, exc, "internal_error"))
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


def _cross_crashed(piece: _Piece, exc: BaseException, reason: str) -> Checked:
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


# ---------------------------------------------------------------------------------------
# the public functions


def _settings(jobs: int | None, chunksize: int, max_pending: int | None) -> tuple[int, int, int]:
    if jobs is None:
        jobs = machine_jobs()
    for name, value in (("jobs", jobs), ("chunksize", chunksize), ("max_pending", max_pending)):
        if value is not None and (
            not isinstance(value, int) or isinstance(value, bool) or value < 1
        ):
            raise ValueError(f"{name} must be an int >= 1, got {value!r}")
    return jobs, chunksize, max_pending if max_pending is not None else 2 * jobs


def _total(items: Iterable[object]) -> int | None:
    return len(items) if isinstance(items, Sized) else None


def extract_many(
    items: Iterable[Source],
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    chunksize: int = 8,
    ordered: bool = True,
    max_pending: int | None = None,
    encoding: str | None = None,
    progress: ProgressArg = None,
) -> Iterator[Report | ReadFailure]:
    """Read many report files, streaming a Report (or a :class:`ReadFailure`) for each.

    The input is read lazily and at most ``max_pending`` tasks of ``chunksize`` files are
    in flight, so memory does not grow with the number of files. Each file is read with
    :func:`~lawgov_metrics.read_report`.

    Args:
        items: Paths, or ``(path, overrides)`` pairs whose overrides (``jurisdiction``,
            ``year``, ``encoding``) are passed to :func:`~lawgov_metrics.read_report` for
            that file.
        executor: Any :class:`concurrent.futures.Executor` (a ``ThreadPoolExecutor``, a
            ``ProcessPoolExecutor``, Dask's ``Client.get_executor()``); it is left running.
            Default: a process pool of ``jobs`` workers, shut down at the end (on
            platforms that spawn processes, call from under ``if __name__ ==
            "__main__":``). If it breaks (a worker killed), the run goes on in a new pool.
        jobs: Workers of the default pool (default: the cores this process may use);
            ``jobs=1`` without an executor reads in this process, without a pool. Also
            sets ``max_pending``'s default.
        chunksize: Files per task.
        ordered: Yield in input order (default) or as the tasks complete; a
            :class:`~lawgov_metrics.Report` says its ``path``, a :class:`ReadFailure` its
            ``index``.
        max_pending: Tasks in flight at most (default ``2 * jobs``).
        encoding: A codec for every file, overriding detection (an item's own
            ``encoding`` wins).
        progress: ``None``: a progress line on stderr when it is a terminal; ``True``
            always, ``False`` never; or a callable given the number of files just done
            (``tqdm(total=n).update`` fits).

    Yields:
        One :class:`~lawgov_metrics.Report` or :class:`ReadFailure` per input item.

    Raises:
        ValueError: ``jobs``, ``chunksize`` or ``max_pending`` below 1.
        TypeError: ``progress`` is neither a bool, None nor a callable.

    Examples:
        >>> import pathlib, tempfile
        >>> p = pathlib.Path(tempfile.mkdtemp()) / "r.txt"
        >>> _ = p.write_text("2023年,办理行政复议案件12件。", encoding="utf-8")
        >>> [r.label for r in extract_many([(p, {"jurisdiction": "花都区"})], jobs=1)]
        ['花都区 2023']
    """
    jobs, chunksize, pending = _settings(jobs, chunksize, max_pending)
    tick, bar = progress_hook(progress, _total(items), "reports read")
    return _extract_stream(items, executor, jobs, chunksize, ordered, pending, encoding, tick, bar)


def _extract_stream(
    items: Iterable[Source],
    executor: Executor | None,
    jobs: int,
    chunksize: int,
    ordered: bool,
    pending: int,
    encoding: str | None,
    tick: Any,
    bar: ProgressBar | None,
) -> Iterator[Report | ReadFailure]:
    workers = Workers(executor, jobs)
    try:
        for outputs in run_chunks(
            workers,
            _extract_chunk,
            (encoding,),
            _chunks(items, chunksize, reports=False),
            crashed=lambda item, exc: _failure(item.at, _path_of(item), exc, "worker_crash"),
            ordered=ordered,
            max_pending=pending,
        ):
            if tick is not None:
                tick(len(outputs))
            yield from outputs
    finally:
        workers.close()
        if bar is not None:
            bar.close()


def check_many(
    items: Iterable[Report | Source],
    *,
    executor: Executor | None = None,
    jobs: int | None = None,
    chunksize: int = 8,
    ordered: bool = True,
    max_pending: int | None = None,
    encoding: str | None = None,
    progress: ProgressArg = None,
    workdir: str | os.PathLike[str] | None = None,
    memory: int = 64 * 2**20,
    **options: Any,
) -> Iterator[Checked]:
    """Check many reports, streaming the results, cross-report checks included.

    First, for each input in turn (in input order unless ``ordered=False``), a
    :class:`Checked` of kind ``"report"`` with the single-report checks of its report, or
    of kind ``"error"`` for an input that gave none. Then, once every input is read, the
    cross-report checks: one :class:`Checked` of kind ``"cross"`` per jurisdiction's run
    of consecutive years (a long run comes in several pieces). Together the results are
    those of :func:`~lawgov_metrics.check` on the list of all the reports read (the same
    multiset), plus one UNDECIDABLE result (check ``batch.read``) per input that gave no
    report.

    Memory stays bounded: a report is checked where it is read, then parked, pickled,
    in a temporary store (in memory up to ``memory`` bytes, then a file under
    ``workdir``, removed at the end) indexed by ``(jurisdiction, year)``; it is read back
    only to be compared with the reports of the same jurisdiction in the same or the next
    year, a piece at a time. Lining up takes time linear in the number of reports.

    Args:
        items: Reports, paths, or ``(path, overrides)`` pairs (see :func:`extract_many`).
        executor: As for :func:`extract_many`; used for both stages.
        jobs: As for :func:`extract_many`.
        chunksize: Reports per task (in both stages).
        ordered: As for :func:`extract_many`.
        max_pending: As for :func:`extract_many`.
        encoding: As for :func:`extract_many`.
        progress: As for :func:`extract_many`; a callable counts the inputs as their
            single-report checks finish, the built-in line shows the cross-report stage
            on a second line.
        workdir: Directory for the temporary store once it outgrows ``memory`` (default:
            the system's temporary directory).
        memory: Bytes of parked reports kept in memory before moving them to disk.
        **options: Keyword arguments of :func:`~lawgov_metrics.check` (``scheme``,
            ``checks``, ``exclude``, ``severity`` ...), checked before anything runs.

    Yields:
        :class:`Checked` items, as above.

    Raises:
        ValueError: A bad option of :func:`~lawgov_metrics.check`, or ``jobs``,
            ``chunksize``, ``max_pending`` or ``memory`` below 1.
        TypeError: An unknown option, or a bad ``progress``.

    Examples:
        >>> import lawgov_metrics as lm
        >>> a = lm.extract("2022年,新收行政复议案件466件。", jurisdiction="花都区")
        >>> b = lm.extract("2023年,新收行政复议案件786件,同比增长68.67%。",
        ...                jurisdiction="花都区")
        >>> items = list(check_many([a, b], jobs=1, checks=["growth.prior_report"]))
        >>> [(i.kind, len(i.results)) for i in items]
        [('report', 0), ('report', 0), ('cross', 1)]
        >>> [r] = items[-1].results
        >>> r.status, r.observed, r.reports
        (<Status.PASS: 'pass'>, Decimal('466'), ('花都区 2022', '花都区 2023'))
    """
    from .. import check

    jobs, chunksize, pending = _settings(jobs, chunksize, max_pending)
    if not isinstance(memory, int) or memory < 1:
        raise ValueError(f"memory must be an int >= 1, got {memory!r}")
    for name in ("checks", "exclude"):  # read once here, then sent to every task
        value = options.get(name)
        if value is not None and not isinstance(value, str):
            options[name] = list(value)
    check([], **options)  # a bad option fails here, before any work
    tick, bar = progress_hook(progress, _total(items), "reports checked")
    return _check_stream(
        items, executor, jobs, chunksize, ordered, pending, encoding, tick, bar,
        workdir, memory, options,
    )  # fmt: skip


def _check_stream(
    items: Iterable[Report | Source],
    executor: Executor | None,
    jobs: int,
    chunksize: int,
    ordered: bool,
    pending: int,
    encoding: str | None,
    tick: Any,
    bar: ProgressBar | None,
    workdir: str | os.PathLike[str] | None,
    memory: int,
    options: dict[str, Any],
) -> Iterator[Checked]:
    workers = Workers(executor, jobs)
    store = Store(workdir, memory)
    cross_bar: ProgressBar | None = None
    try:
        for done_chunk in run_chunks(
            workers,
            _check_chunk,
            (encoding, options),
            _chunks(items, chunksize, reports=True),
            crashed=lambda item, exc: _Done(
                _error(_failure(item.at, _path_of(item), exc, "worker_crash"))
            ),
            ordered=ordered,
            max_pending=pending,
        ):
            for done in done_chunk:
                if done.blob is not None:
                    store.add(done.checked.indexes[0], done.jurisdiction, done.year, done.blob)
                yield done.checked
            if tick is not None:
                tick(len(done_chunk))
        if bar is not None:
            bar.close()
            bar = None
            total = sum(len(p.entries) for p in store.pieces(chunksize))
            cross_bar = ProgressBar(total, label="cross-report checks (reports)")
        for outputs in run_chunks(
            workers,
            _cross_chunk,
            (options,),
            _piece_chunks(store, chunksize),
            crashed=lambda piece, exc: _cross_crashed(piece, exc, "worker_crash"),
            ordered=ordered,
            max_pending=pending,
        ):
            if cross_bar is not None:
                cross_bar(sum(len(c.indexes) for c in outputs))
            yield from outputs
    finally:
        workers.close()
        store.close()
        for b in (bar, cross_bar):
            if b is not None:
                b.close()


def _piece_chunks(store: Store, size: int) -> Iterator[list[_Piece]]:
    """The store's pieces with their blobs, about ``size`` reports a task."""
    chunk: list[_Piece] = []
    n = 0
    for piece in store.pieces(size):
        chunk.append(
            _Piece(
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
