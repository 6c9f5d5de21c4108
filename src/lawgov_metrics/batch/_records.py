"""The records :func:`~lawgov_metrics.extract_many` and :func:`~lawgov_metrics.check_many` yield."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Literal

import attrs

from ..results import CheckReport, CheckResult, Status

__all__ = ["CROSS_CHECK", "READ_CHECK", "Checked", "ReadFailure", "Reason", "Source"]

#: One input of :func:`extract_many`: a path, or a path and keyword arguments of
#: :func:`~lawgov_metrics.read_report` for that file (``{"jurisdiction": "花都区",
#: "year": 2023}``, ``{"encoding": "gb18030"}``).
Source = str | os.PathLike[str] | tuple[str | os.PathLike[str], Mapping[str, Any]]

#: The check id of the results that stand for an input that gave no report, and for
#: cross-report checks that could not run.
READ_CHECK = "batch.read"
CROSS_CHECK = "batch.cross_report"


#: Why an input gave no report (:attr:`ReadFailure.reason`).
Reason = Literal["unreadable", "internal_error", "worker_crash"]


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
    reason: Reason = "unreadable"

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
