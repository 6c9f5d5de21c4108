""":func:`check`: run the catalogue (or part of it) on one report or many."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Literal

import attrs

from ..errors import ArgumentTypeError, InvalidOptionError
from ..records import Report
from ..results import CheckReport, CheckResult, Severity, Status
from ..rounding import Scheme
from ._common import labels
from .config import CheckConfig
from .pairing import Lineup, lineup
from .registry import CHECKS, CheckSpec, as_reports, run_cross_half, run_spec

__all__ = ["check", "check_lineup"]


def _select(checks: Iterable[str] | None, exclude: Iterable[str]) -> list[CheckSpec]:
    def expand(ids: Iterable[str], what: str) -> set[str]:
        if isinstance(ids, str):
            ids = [ids]
        chosen: set[str] = set()
        for i in ids:
            if not isinstance(i, str):
                raise ArgumentTypeError(what, i, "check ids or families (strings)")
            hit = {k for k in CHECKS if k == i or k.startswith(i + ".")}
            hit |= {k for k in CHECKS if i.endswith(".") and k.startswith(i)}
            if not hit:
                raise InvalidOptionError(
                    what, i, f"ids or families of known checks: {', '.join(CHECKS)}"
                )
            chosen |= hit
        return chosen

    wanted = set(CHECKS) if checks is None else expand(checks, "checks")
    wanted -= expand(exclude, "exclude")
    return [s for k, s in CHECKS.items() if k in wanted]


def _apply_severity(r: CheckResult, severity: Mapping[str | Status, Severity]) -> CheckResult:
    if r.status in (Status.FAIL, Status.WARN) and r.check in severity:
        return attrs.evolve(r, severity=severity[r.check])
    if r.status in severity:
        return attrs.evolve(r, severity=severity[r.status])
    return r


def _testable(reports: Sequence[Report], results: Sequence[CheckResult]) -> int:
    """How many figures of the reports some decided result used."""
    used: dict[str, set[tuple[tuple[int, int], str]]] = {}
    for r in results:
        if r.status is Status.UNDECIDABLE:
            continue
        for label in r.reports:
            used.setdefault(label, set()).update((f.span, f.quote) for f in r.figures)
    n = 0
    for rep in reports:
        keys = used.get(rep.label, set())
        n += sum(1 for f in rep.figures if (f.span, f.quote) in keys)
    return n


def check(
    report_or_reports: Report | Iterable[Report],
    *,
    scheme: Scheme = "half_up",
    checks: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    more_than: Literal["next_unit", "unbounded"] = "next_unit",
    duplicate_min_digits: int = 3,
    inferred_share_status: Status = Status.WARN,
    inferred_sum_status: Status = Status.WARN,
    severity: Mapping[str | Status, Severity] | None = None,
) -> CheckReport:
    """Run the catalogue on one report, or on several with cross-report checks.

    A relation (a breakdown's sum, a share's count, a growth's prior …) FAILs only when
    the text's structure states it (``claim.binding`` is
    :attr:`~lawgov_metrics.Binding.STATED`) and the numbers contradict it; a reading made
    by position or by arithmetic that the numbers contradict is a WARN naming the
    candidates tried, or a PASS when another candidate fits.

    Args:
        report_or_reports: A :class:`~lawgov_metrics.Report` or an iterable of them.
            Reports of the same jurisdiction (or all without one) in consecutive years are
            compared with each other; several reports claiming one jurisdiction, year and
            kind give one ``duplicate.report`` WARN and are compared with the first of them
            (see :func:`~lawgov_metrics.checks.line_up`).
        scheme: Rounding scheme for every written figure (default ``half_up``, 四舍五入).
        checks: Ids to run (a family such as ``"growth"`` selects all its checks); default
            all.
        exclude: Ids (or families) not to run.
        more_than: 余/多 convention, ``"next_unit"`` or ``"unbounded"``.
        duplicate_min_digits: Significant digits a value needs for ``duplicate.value``.
        inferred_share_status: Status of a share check whose rate contradicts a count it
            was not tied to by the text's structure (a binding that is not STATED;
            default WARN).
        inferred_sum_status: Status of a ``breakdown.sum`` or
            ``breakdown.part_exceeds_whole`` contradiction on a breakdown whose total or
            completeness was not stated (a binding that is not STATED; default WARN).
        severity: Severity overrides by check id (for its FAIL and WARN results) or by
            :class:`~lawgov_metrics.Status`.

    Returns:
        A :class:`~lawgov_metrics.CheckReport` with every result, ``n_figures`` (figures
        in the reports) and ``n_testable`` (figures some check could test).

    Raises:
        ArgumentTypeError: (a TypeError) ``report_or_reports`` is not a Report or an
            iterable of Reports.
        InvalidOptionError: (a ValueError) An unknown check id, scheme, convention or
            threshold.

    Examples:
        >>> import lawgov_metrics as lm
        >>> rep = lm.Report(text="", jurisdiction="花都区", year=2023)
        >>> check(rep)
        <CheckReport 0 results: 0 fail, 0 warn, 0 pass, 0 undecidable; 0/0 figures testable>
        >>> check(rep, checks=["growth.bogus"])
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.InvalidOptionError: checks='growth.bogus' is not accepted; ...
        >>> check(None)
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ArgumentTypeError: report_or_reports=None is not accepted; ...
    """
    config = CheckConfig(
        scheme=scheme,
        more_than=more_than,
        duplicate_min_digits=duplicate_min_digits,
        inferred_share_status=inferred_share_status,
        inferred_sum_status=inferred_sum_status,
        severity=severity or {},
    )
    specs = _select(checks, exclude)
    reports = as_reports(report_or_reports)
    up = lineup(reports) if len(reports) > 1 else None
    results: list[CheckResult] = []
    for spec in specs:
        found = run_spec(spec, reports, config, up)
        if config.severity:
            found = [_apply_severity(r, config.severity) for r in found]
        results.extend(found)
    return CheckReport(
        tuple(results),
        n_figures=sum(len(r.figures) for r in reports),
        n_testable=_testable(reports, results),
        reports=labels(*reports),
    )


def check_lineup(
    up: Lineup,
    *,
    checks: Iterable[str] | None = None,
    exclude: Iterable[str] = (),
    **settings: object,
) -> list[CheckResult]:
    """The cross-report results :func:`check` adds for reports lined up as ``up``.

    ``check(reports)`` is every report's own checks plus ``check_lineup(lineup(reports))``
    (severities applied alike). :func:`lawgov_metrics.check_many` lines a corpus up piece
    by piece and calls this on each piece, so its results are :func:`check`'s.

    Args:
        up: The pairs, groups of duplicates and reports without a place
            (:class:`~lawgov_metrics.checks.pairing.Lineup`).
        checks: As for :func:`check`.
        exclude: As for :func:`check`.
        **settings: The other keyword arguments of :func:`check`.

    Returns:
        The cross-report results, in catalogue order.

    Examples:
        >>> import lawgov_metrics as lm
        >>> from lawgov_metrics.checks.pairing import lineup
        >>> copies = [lm.Report(text="", jurisdiction="广州市", year=2022) for _ in range(3)]
        >>> [r.check for r in check_lineup(lineup(copies))]
        ['duplicate.report']
    """
    config = CheckConfig(**settings)  # type: ignore[arg-type]
    out: list[CheckResult] = []
    for spec in _select(checks, exclude):
        found = run_cross_half(spec, up, config)
        if config.severity:
            found = [_apply_severity(r, config.severity) for r in found]
        out.extend(found)
    return out
