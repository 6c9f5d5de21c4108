"""Progress bars on standard error, only when it is a terminal, and messages that keep them intact.

tqdm draws the bar: it rewrites one line with carriage returns, adapts to the terminal's
width and rate, and :meth:`tqdm.tqdm.write` prints a message above a live bar without tearing
it. A pipe, a file or a CI log never gets a bar, and ``--no-progress`` silences it on a
terminal too.

Examples:
    >>> import io
    >>> from lawgov_metrics.cli._progress import Progress
    >>> err = io.StringIO()                      # not a terminal: no bar, messages as lines
    >>> with Progress(["a.txt", "b.txt"], desc="reading", enabled=True, stream=err) as bar:
    ...     for name in bar:
    ...         bar.write(f"read {name}")
    >>> err.getvalue()
    'read a.txt\\nread b.txt\\n'
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from types import TracebackType
from typing import Generic, TextIO, TypeVar

__all__ = ["Progress", "is_terminal"]

T = TypeVar("T")

#: A bar is drawn only for at least this many items; one file needs no bar.
MIN_ITEMS = 2


def is_terminal(stream: TextIO) -> bool:
    """Whether ``stream`` is an interactive terminal (``False`` when it cannot say)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):  # closed, detached or not a real stream
        return False


class Progress(Generic[T]):
    """Iterate over ``items`` with a bar on ``stream`` (default: ``sys.stderr`` at call time).

    Args:
        items: What to iterate over (a sequence, so the bar knows the total).
        desc: The bar's label (``"reading"``).
        enabled: ``False`` for ``--no-progress``. Even when ``True`` the bar is drawn only
            on a terminal and for at least :data:`MIN_ITEMS` items.
        stream: Where the bar and :meth:`write` messages go.
        unit: What one item is called in the bar.
    """

    def __init__(
        self,
        items: Sequence[T],
        *,
        desc: str,
        enabled: bool = True,
        stream: TextIO | None = None,
        unit: str = "file",
    ) -> None:
        self._items = items
        self._stream = stream if stream is not None else sys.stderr
        self._bar = None
        if enabled and len(items) >= MIN_ITEMS and is_terminal(self._stream):
            from tqdm import tqdm

            self._bar = tqdm(
                total=len(items),
                desc=desc,
                unit=unit,
                file=self._stream,
                leave=False,
                dynamic_ncols=True,
            )

    @property
    def active(self) -> bool:
        """Whether a bar is being drawn."""
        return self._bar is not None

    def __iter__(self) -> Iterator[T]:
        for item in self._items:
            yield item
            if self._bar is not None:
                self._bar.update(1)

    def write(self, message: str) -> None:
        """Print one line on the stream, above the bar when one is drawn."""
        if self._bar is not None:
            self._bar.write(message, file=self._stream)
        else:
            print(message, file=self._stream)

    def close(self) -> None:
        """Remove the bar (it leaves no line behind)."""
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def __enter__(self) -> Progress[T]:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
