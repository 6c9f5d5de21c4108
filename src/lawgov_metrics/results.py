"""Check results: one :class:`CheckResult` per test made, collected in a :class:`CheckReport`.

Failures are collected, not raised one by one (call :meth:`CheckReport.raise_if_failed`
to turn them into an exception). Every result says which check made it, what it found,
the numbers and the quotes it used, and the interval the truth had to lie in.

Examples:
    >>> import lawgov_metrics as lm
    >>> r = lm.verify_growth(prior=466, current=786, reported="68.67")
    >>> r.status
    <Status.PASS: 'pass'>
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Iterator
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any, overload

import attrs

from .errors import ChecksFailedError
from .records import Figure

if TYPE_CHECKING:
    import pandas as pd

    from .reasons import Reason
    from .rounding import Interval

__all__ = ["CheckReport", "CheckResult", "Severity", "Status"]


class Status(enum.Enum):
    """The answer of one check."""

    PASS = "pass"
    FAIL = "fail"
    WARN = "warn"
    UNDECIDABLE = "undecidable"


class Severity(enum.IntEnum):
    """How much a result matters; ordered, so ``severity >= Severity.WARNING`` works."""

    INFO = 10
    WARNING = 20
    ERROR = 30


_DEFAULT_SEVERITY = {
    Status.PASS: Severity.INFO,
    Status.UNDECIDABLE: Severity.INFO,
    Status.WARN: Severity.WARNING,
    Status.FAIL: Severity.ERROR,
}


def _figures(values: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(values)


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _results(values: Iterable[CheckResult]) -> tuple[CheckResult, ...]:
    return tuple(values)


def _default_severity(self: CheckResult) -> Severity:
    return _DEFAULT_SEVERITY[self.status]


@attrs.frozen(kw_only=True)
class CheckResult:
    """The outcome of one check on one set of figures.

    Attributes:
        check: The stable id of the check (``"growth.implied_prior"``).
        status: PASS, FAIL, WARN or UNDECIDABLE.
        message: What was checked, the numbers and quotes used, and why it passed or failed.
        severity: INFO, WARNING or ERROR; defaults from the status.
        reason: A short machine-readable code (``"no_integer_prior"``, ``"no_prior_report"``):
            a :class:`~lawgov_metrics.Reason` from the catalogue's checks (a ``str`` enum, so
            it compares equal to its code), or a plain string from other checks.
        observed: The value that was tested (e.g. the exact growth rate), if any.
        expected: The interval the observed value (or the implied quantity) had to lie in.
        figures: The figures used, with their quotes and spans.
        reports: Labels of the reports involved (``"花都区 2023"``).
        details: Extra numbers worth showing (e.g. ``{"implied_prior": 466}``).
    """

    check: str
    status: Status
    message: str
    severity: Severity = attrs.field(default=attrs.Factory(_default_severity, takes_self=True))
    reason: Reason | str = ""
    observed: Fraction | Decimal | None = None
    expected: Interval | None = None
    figures: tuple[Figure, ...] = attrs.field(default=(), converter=_figures)
    reports: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    details: dict[str, Any] = attrs.field(factory=dict, eq=False)

    @property
    def passed(self) -> bool:
        """True for PASS."""
        return self.status is Status.PASS

    @property
    def quotes(self) -> tuple[str, ...]:
        """The quotes of the figures used."""
        return tuple(f.quote for f in self.figures)

    def __str__(self) -> str:
        return f"[{self.status.value.upper()}] {self.check}: {self.message}"

    def __repr__(self) -> str:
        """One line: status, check, the start of the message and the reports.

        Examples:
            >>> import lawgov_metrics as lm
            >>> lm.verify_growth(prior=467, current=786, reported="68.67")  # doctest: +ELLIPSIS
            <CheckResult FAIL growth.verify: 786 vs 467: growth 68.3084…% does not round to ...…>
        """
        message = " ".join(self.message.split())
        if len(message) > _REPR_MESSAGE:
            message = message[: _REPR_MESSAGE - 1] + "…"
        where = f" [{', '.join(self.reports)}]" if self.reports else ""
        return f"<CheckResult {self.status.name} {self.check}: {message}{where}>"

    def _repr_html_(self) -> str:
        quotes = " | ".join(html.escape(q) for q in self.quotes)
        return (
            f'<div><b style="color:{_COLOUR[self.status]}">{self.status.name}</b> '
            f"<code>{html.escape(self.check)}</code> {html.escape(self.message)}"
            + (f"<br><small>quotes: {quotes}</small>" if quotes else "")
            + (f"<br><small>{html.escape(', '.join(self.reports))}</small>" if self.reports else "")
            + "</div>"
        )


_REPR_MESSAGE = 72
_COLOUR = {
    Status.FAIL: "#c0392b",
    Status.WARN: "#d68910",
    Status.PASS: "#1e8449",
    Status.UNDECIDABLE: "#7f8c8d",
}

_FRAME_COLUMNS = [
    "check", "status", "severity", "reason", "message", "observed", "expected",
    "lower", "upper", "quotes", "spans", "reports",
]  # fmt: skip


@attrs.frozen
class CheckReport:
    """All results of a check run; iterable, sized and indexable.

    Attributes:
        results: The results, in the order the checks ran.
        n_figures: How many figures the run looked at.
        n_testable: How many of them at least one check could test.
        reports: Labels of the reports checked.
    """

    results: tuple[CheckResult, ...] = attrs.field(converter=_results)
    n_figures: int = 0
    n_testable: int = 0
    reports: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    def __iter__(self) -> Iterator[CheckResult]:
        return iter(self.results)

    def __len__(self) -> int:
        return len(self.results)

    @overload
    def __getitem__(self, index: int) -> CheckResult: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[CheckResult, ...]: ...
    def __getitem__(self, index: int | slice) -> CheckResult | tuple[CheckResult, ...]:
        return self.results[index]

    def by_status(self, *statuses: Status) -> list[CheckResult]:
        """The results with any of the given statuses."""
        return [r for r in self.results if r.status in statuses]

    def by_check(self, check: str) -> list[CheckResult]:
        """The results of one check id (or of every id under a prefix ending in ``.``)."""
        if check.endswith("."):
            return [r for r in self.results if r.check.startswith(check)]
        return [r for r in self.results if r.check == check]

    @property
    def failures(self) -> list[CheckResult]:
        """The FAIL results."""
        return self.by_status(Status.FAIL)

    @property
    def warnings(self) -> list[CheckResult]:
        """The WARN results."""
        return self.by_status(Status.WARN)

    @property
    def ok(self) -> bool:
        """True when no check failed."""
        return not self.failures

    def to_frame(self) -> pd.DataFrame:
        """A long table, one row per result.

        Columns: check, status, severity, reason, message, observed (exact), expected (the
        interval as text), lower and upper (approximate floats, for sorting and plotting),
        quotes, spans, reports.
        """
        import pandas as pd

        rows = []
        for r in self.results:
            exp = r.expected
            rows.append(
                {
                    "check": r.check,
                    "status": r.status.value,
                    "severity": r.severity.name.lower(),
                    "reason": r.reason,
                    "message": r.message,
                    "observed": r.observed,
                    "expected": str(exp) if exp is not None else None,
                    "lower": float(exp.lower)
                    if exp is not None and exp.lower is not None
                    else None,
                    "upper": float(exp.upper)
                    if exp is not None and exp.upper is not None
                    else None,
                    "quotes": " | ".join(r.quotes),
                    "spans": "; ".join(f"{f.span[0]}-{f.span[1]}" for f in r.figures),
                    "reports": ", ".join(r.reports),
                }
            )
        return pd.DataFrame(rows, columns=_FRAME_COLUMNS)

    def summary(self) -> pd.DataFrame:
        """Counts by check and status, with a total row; ``.attrs`` holds the coverage.

        ``summary().attrs`` has ``n_figures`` and ``n_testable`` (how many figures at least
        one check could test).
        """
        import pandas as pd

        statuses = [s.value for s in Status]
        counts: dict[str, dict[str, int]] = {}
        for r in self.results:
            counts.setdefault(r.check, dict.fromkeys(statuses, 0))[r.status.value] += 1
        df = pd.DataFrame.from_dict(counts, orient="index", columns=statuses)
        df.index.name = "check"
        df = df.sort_index()
        df.loc["total"] = df.sum() if len(df) else [0] * len(statuses)
        df = df.astype("int64")
        df.attrs["n_figures"] = self.n_figures
        df.attrs["n_testable"] = self.n_testable
        return df

    def raise_if_failed(self) -> CheckReport:
        """Raise :class:`ChecksFailedError` listing every FAIL; return ``self`` otherwise."""
        fails = self.failures
        if fails:
            lines = "\n".join(f"- {r}" for r in fails)
            raise ChecksFailedError(f"{len(fails)} check(s) failed:\n{lines}")
        return self

    def __repr__(self) -> str:
        c = dict.fromkeys(Status, 0)
        for r in self.results:
            c[r.status] += 1
        return (
            f"<CheckReport {len(self.results)} results: {c[Status.FAIL]} fail, "
            f"{c[Status.WARN]} warn, {c[Status.PASS]} pass, {c[Status.UNDECIDABLE]} undecidable"
            f"; {self.n_testable}/{self.n_figures} figures testable>"
        )

    def _repr_html_(self) -> str:
        colour = _COLOUR
        order = {Status.FAIL: 0, Status.WARN: 1, Status.UNDECIDABLE: 2, Status.PASS: 3}
        rows = "".join(
            '<tr><td style="color:{}"><b>{}</b></td><td>{}</td><td>{}</td><td>{}</td></tr>'.format(
                colour[r.status],
                r.status.value.upper(),
                html.escape(r.check),
                html.escape(r.message),
                html.escape(" | ".join(r.quotes)),
            )
            for r in sorted(self.results, key=lambda r: order[r.status])
        )
        return (
            f"<div><p>{html.escape(repr(self))}</p><table><thead><tr><th>status</th>"
            f"<th>check</th><th>message</th><th>quotes</th></tr></thead><tbody>{rows}"
            "</tbody></table></div>"
        )


def collect(results: Iterable[CheckResult], **kwargs: Any) -> CheckReport:
    """Build a :class:`CheckReport` from any iterable of results."""
    return CheckReport(_results(results), **kwargs)
