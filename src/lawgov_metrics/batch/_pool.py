"""Tasks on any :class:`concurrent.futures.Executor`: a bounded window, and crash quarantine.

:func:`run_chunks` keeps at most ``max_pending`` tasks in flight (``Executor.map`` would
submit the whole input at once), yields each task's outputs in input order or as they
complete, and never loses an item: when a task fails at the executor level (a worker
process that died, a Dask worker that was killed, a result that could not be sent back),
the tasks in flight are drained and every item of a failed task is run again alone, with
nothing else in flight, so the item that kills its worker is the one marked as crashed.

The task functions themselves never raise for one bad item (they turn it into an error
record), so an exception out of a future always means the executor failed.
"""

from __future__ import annotations

import os
import sys
import time
import warnings
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import (
    FIRST_COMPLETED,
    BrokenExecutor,
    CancelledError,
    Executor,
    Future,
    ProcessPoolExecutor,
    wait,
)
from typing import Any, ParamSpec, TextIO, TypeVar

T = TypeVar("T")
R = TypeVar("R")
P = ParamSpec("P")

#: What ``progress=`` accepts: ``None`` (a bar when stderr is a terminal), ``True`` (a bar),
#: ``False`` (nothing), or a callable given the number of items just done (``tqdm.update``).
ProgressArg = bool | Callable[[int], object] | None


class InlineExecutor(Executor):
    """Runs each task at once in the calling thread (``jobs=1``): no pool, no pickling."""

    def submit(self, fn: Callable[P, R], /, *args: P.args, **kwargs: P.kwargs) -> Future[R]:
        future: Future[R] = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except Exception as exc:  # reported through the future, as a pool would
            future.set_exception(exc)
        return future


def machine_jobs() -> int:
    """The number of cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def default_executor(jobs: int) -> Executor:
    """The executor a run makes for itself: a process pool of ``jobs`` workers."""
    return ProcessPoolExecutor(max_workers=jobs)


class Workers:
    """The executor of one run: the caller's, or one the run owns and shuts down.

    A broken or shut-down executor (its ``submit`` raises) is replaced by a new pool of the
    run's own, so a crashed worker process costs one item, not the run; replacing the
    caller's executor warns.
    """

    def __init__(self, executor: Executor | None, jobs: int) -> None:
        self.jobs = jobs
        self._own: Executor | None = None
        if executor is None:
            executor = self._own = InlineExecutor() if jobs == 1 else default_executor(jobs)
        self._current: Executor = executor

    def submit(self, fn: Callable[..., R], *args: Any) -> Future[R]:
        try:
            return self._current.submit(fn, *args)
        except (BrokenExecutor, RuntimeError) as exc:  # broken, or shut down
            self._replace(exc)
            return self._current.submit(fn, *args)

    def _replace(self, exc: BaseException) -> None:
        if self._own is not None and self._current is self._own:
            self._own.shutdown(wait=False, cancel_futures=True)
        else:
            warnings.warn(
                f"the executor cannot take tasks ({type(exc).__name__}: {exc}); the rest of "
                f"the run goes to a new process pool of {max(self.jobs, 2)} workers",
                RuntimeWarning,
                stacklevel=4,
            )
        self._own = self._current = default_executor(max(self.jobs, 2))

    def close(self) -> None:
        """Shut down the executor the run owns (the caller's is left running)."""
        if self._own is not None:
            self._own.shutdown(wait=True, cancel_futures=True)
            self._own = None


def _failure(future: Future[Any]) -> BaseException | None:
    try:
        return future.exception()
    except CancelledError as exc:
        return exc


def run_chunks(
    workers: Workers,
    fn: Callable[..., list[R]],
    args: tuple[Any, ...],
    chunks: Iterable[list[T]],
    *,
    crashed: Callable[[T, BaseException], R],
    ordered: bool,
    max_pending: int,
) -> Iterator[list[R]]:
    """Run ``fn(chunk, *args)`` for every chunk and yield its list of outputs.

    Args:
        workers: Where the tasks run.
        fn: A picklable function giving one output per item of its chunk, in order.
        args: Further arguments of ``fn``.
        chunks: The items, in chunks; read lazily, at most ``max_pending`` chunks ahead.
        crashed: The output for an item whose task still fails at the executor level
            when it runs alone.
        ordered: Yield in the order of ``chunks`` (else as the tasks complete).
        max_pending: How many tasks may be in flight.
    """
    source = iter(chunks)
    window: deque[tuple[list[T], Future[list[R]]]] = deque()

    def fill() -> None:
        while len(window) < max_pending:
            chunk = next(source, None)
            if chunk is None:
                return
            window.append((chunk, workers.submit(fn, chunk, *args)))

    def alone(item: T) -> R:
        future = workers.submit(fn, [item], *args)
        wait([future])
        exc = _failure(future)
        return crashed(item, exc) if exc is not None else future.result()[0]

    fill()
    while window:
        if ordered:
            at = 0
            wait([window[0][1]])
        else:
            done, _ = wait([f for _, f in window], return_when=FIRST_COMPLETED)
            at = next(i for i, (_, f) in enumerate(window) if f in done)
        chunk, future = window[at]
        if _failure(future) is None:
            del window[at]
            fill()
            yield future.result()
            continue
        # The executor failed: let everything in flight finish, then run the items of every
        # failed task one at a time, so a crash can be pinned on the item that caused it.
        wait([f for _, f in window])
        drained = list(window)
        window.clear()
        for chunk, future in drained:
            if _failure(future) is None:
                yield future.result()
            else:
                yield [alone(item) for item in chunk]
        fill()


class ProgressBar:
    """A one-line progress display on a terminal: count, total when known, rate."""

    def __init__(self, total: int | None, *, label: str, stream: TextIO | None = None) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self._stream = stream if stream is not None else sys.stderr
        self._start = self._last = time.monotonic()
        self._shown = False

    def __call__(self, n: int) -> None:
        self.done += n
        now = time.monotonic()
        if now - self._last >= 0.2 or (self.total is not None and self.done >= self.total):
            self._last = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.done / max(now - self._start, 1e-9)
        of = f"/{self.total}" if self.total is not None else ""
        self._stream.write(f"\r{self.label} {self.done}{of} ({rate:.1f}/s)")
        self._stream.flush()
        self._shown = True

    def close(self) -> None:
        """End the line (when anything was drawn)."""
        if self.done and not self._shown:
            self._draw(time.monotonic())
        if self._shown:
            self._stream.write("\n")
            self._stream.flush()


def progress_hook(
    progress: ProgressArg, total: int | None, label: str
) -> tuple[Callable[[int], object] | None, ProgressBar | None]:
    """The callable to report progress to, and the bar to close at the end (if one is ours)."""
    if progress is None:
        progress = sys.stderr is not None and sys.stderr.isatty()
    if progress is False:
        return None, None
    if progress is True:
        bar = ProgressBar(total, label=label)
        return bar, bar
    if not callable(progress):
        raise TypeError(
            f"progress must be a bool, None or a callable taking a count, got {progress!r}"
        )
    return progress, None
