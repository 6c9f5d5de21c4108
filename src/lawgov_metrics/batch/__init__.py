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
from collections.abc import Callable, Iterable, Iterator, Sized
from concurrent.futures import Executor
from typing import Any

from ..records import Report
from ._pool import ProgressArg, ProgressBar, Workers, machine_jobs, progress_hook, run_chunks
from ._records import Checked, ReadFailure, Source
from ._store import Store
from ._tasks import (
    Done,
    check_chunk,
    chunks,
    cross_chunk,
    cross_crashed,
    error_item,
    extract_chunk,
    failure_of,
    path_of,
    piece_chunks,
    ready_items,
)

__all__ = ["Checked", "ReadFailure", "Source", "check_many", "extract_many"]


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
    tick: Callable[[int], object] | None,
    bar: ProgressBar | None,
) -> Iterator[Report | ReadFailure]:
    workers = Workers(executor, jobs)
    try:
        for outputs in run_chunks(
            workers,
            extract_chunk,
            (encoding,),
            chunks(items, chunksize, reports=False),
            crashed=lambda item, exc: failure_of(item.at, path_of(item), exc, "worker_crash"),
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
    chunksize: int = 32,
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
        chunksize: Reports per task (in both stages). A jurisdiction whose reports with a
            year all fall in one task has its cross-report checks done by that task, with
            its reports at hand; elsewhere they are read back from the store. Larger
            chunks (of input that comes place by place) make that the common case.
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
    tick: Callable[[int], object] | None,
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
            check_chunk,
            (encoding, options, chunksize),
            chunks(items, chunksize, reports=True),
            crashed=lambda item, exc: Done(
                error_item(failure_of(item.at, path_of(item), exc, "worker_crash"))
            ),
            ordered=ordered,
            max_pending=pending,
        ):
            for done in done_chunk:
                if done.blob is not None:
                    store.add(done.checked.indexes[0], done.jurisdiction, done.year, done.blob)
                if done.ready is not None:
                    store.add_ready(*done.ready)
                yield done.checked
            if tick is not None:
                tick(len(done_chunk))
        if bar is not None:
            bar.close()
            bar = None
            total = sum(len(p.entries) for p in store.pieces(chunksize)) + store.n_ready()
            cross_bar = ProgressBar(total, label="cross-report checks (reports)")
        for blob in store.ready():  # the jurisdictions whose reports were checked together
            outputs = ready_items(blob)
            if cross_bar is not None:
                cross_bar(sum(len(c.indexes) for c in outputs))
            yield from outputs
        for outputs in run_chunks(
            workers,
            cross_chunk,
            (options,),
            piece_chunks(store, chunksize),
            crashed=lambda piece, exc: cross_crashed(piece, exc, "worker_crash"),
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
