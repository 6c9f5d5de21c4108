"""Formatting the command line's results: exact JSON cells, formula-safe CSV, file labels.

Examples:
    >>> from lawgov_metrics.cli._output import csv_safe
    >>> csv_safe("=HYPERLINK(1)"), csv_safe("-12.5")
    ("'=HYPERLINK(1)", '-12.5')
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from ..records import Report
    from ..results import CheckResult

__all__ = [
    "FileIndex",
    "counts",
    "csv_safe",
    "plain",
    "records",
    "result_dict",
    "sorted_results",
    "to_csv",
]

STATUS_ORDER = {"fail": 0, "warn": 1, "undecidable": 2, "pass": 3}
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?(?:/\d+)?")


def plain(value: Any) -> Any:
    """A JSON-safe version of a frame cell: exact numbers as strings, NA as None."""
    if value is None or isinstance(value, bool | str):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, Decimal | Fraction):
        return str(value)
    if isinstance(value, float):
        return None if math.isnan(value) else value
    item = getattr(value, "item", None)  # numpy scalars
    if callable(item):
        return plain(item())
    try:
        import pandas as pd

        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return str(value)


def csv_safe(value: Any) -> Any:
    """Quote a text cell a spreadsheet would run as a formula (``=``, ``+``, ``-``, ``@``).

    Plain numbers such as ``-12.5`` or ``-1/3`` are left alone.
    """
    risky = isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r")
    if risky and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(df: pd.DataFrame) -> str:
    """The frame as CSV text, exact and formula-safe."""
    safe = df.map(lambda v: csv_safe(plain(v)))
    return str(safe.to_csv(index=False, lineterminator="\n"))


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """The frame's rows as JSON-safe dicts."""
    return [
        {str(k): plain(v) for k, v in row.items()}
        for row in df.astype(object).to_dict(orient="records")
    ]


def counts(results: Iterable[CheckResult]) -> dict[str, int]:
    """How many results have each status (every status present, zero or not)."""
    out = dict.fromkeys(("fail", "warn", "pass", "undecidable"), 0)
    for r in results:
        out[r.status.value] = out.get(r.status.value, 0) + 1
    return out


def sorted_results(results: Iterable[CheckResult]) -> list[CheckResult]:
    """Failures first, then warnings, undecidable and passes; stable within a status."""
    return sorted(results, key=lambda r: STATUS_ORDER.get(r.status.value, 9))


class FileIndex:
    """Which input files a check result is about.

    A result names its reports by label (``"花都区 2023"``) and carries the figures it used;
    figures are matched to the report they belong to by identity, labels to the files of
    that label. A result matching nothing (say, a check over the whole run) is about every
    file.

    Args:
        entries: ``(file name, report)`` pairs, in the order given.
    """

    def __init__(self, entries: Sequence[tuple[str, Report]]) -> None:
        self.names = [name for name, _ in entries]
        self._by_figure: dict[int, str] = {}
        self._by_label: dict[str, list[str]] = {}
        self._reports: dict[str, Report] = {}
        for name, report in entries:
            self._reports.setdefault(name, report)
            for fig in report.figures:
                self._by_figure.setdefault(id(fig), name)
            self._by_label.setdefault(report.label, []).append(name)

    def files(self, result: CheckResult) -> list[str]:
        """The files a result is about, in input order."""
        found = {self._by_figure[id(f)] for f in result.figures if id(f) in self._by_figure}
        if not found:
            for label in result.reports:
                found.update(self._by_label.get(label, ()))
        if not found:
            return list(self.names)
        return [n for n in dict.fromkeys(self.names) if n in found]

    def report_of(self, name: str) -> Report | None:
        """The report read from a file."""
        return self._reports.get(name)

    def file_of_figure(self, figure: object) -> str | None:
        """The file a figure was read from (matched by identity)."""
        return self._by_figure.get(id(figure))


def result_dict(r: CheckResult, files: list[str]) -> dict[str, Any]:
    """One result as a JSON object."""
    return {
        "check": r.check,
        "status": r.status.value,
        "severity": r.severity.name.lower(),
        "reason": r.reason,
        "message": r.message,
        "observed": plain(r.observed),
        "expected": None if r.expected is None else str(r.expected),
        "quotes": list(r.quotes),
        "spans": [list(f.span) for f in r.figures],
        "reports": list(r.reports),
        "files": files,
        "details": {str(k): plain(v) for k, v in r.details.items()},
    }
