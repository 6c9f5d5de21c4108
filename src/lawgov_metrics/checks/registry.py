"""The registry of checks: each check is declared once, by a decorator on its function.

A check has a stable id (``family.name``), a one-line title, the reason codes it gives,
and one or two halves that do the work:

* ``@report_check(id, title=..., reasons=...)`` on ``def check_<id>(report, config)``:
  a check of one report at a time (scope ``"report"``);
* ``@pair_check(id, ...)`` on ``def check_<id>(earlier, later, config)``: a check of two
  reports that line up (scope ``"pair"``; see :mod:`~lawgov_metrics.checks.pairing`);
* ``@check_<id>.pair`` on a second function ``(earlier, later, config)``, after
  ``@report_check``: the cross-report half of the same check (scope ``"both"``);
* ``@group_check(id, ...)`` on ``def check_<id>(reports, config)``: a check of several
  reports claiming the same jurisdiction, year and kind (scope ``"group"``).

Each function yields :class:`~lawgov_metrics.CheckResult` objects. The decorator returns
the public function ``check_<id>(report_or_reports, *, config=None)``, which runs the check
alone and takes its documentation from the decorated function's docstring. The function's
name must be ``check_`` + the id with dots as underscores, so that the public name can be
found from the id. :data:`CHECKS`, :func:`lawgov_metrics.check`, the table of checks in
the docs and the tests all walk this registry.

Examples:
    >>> from lawgov_metrics.checks import CHECKS
    >>> spec = CHECKS["growth.direction"]
    >>> spec.scope, spec.function.__name__
    ('both', 'check_growth_direction')
"""

from __future__ import annotations

import re
import types
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Literal, Protocol, cast

import attrs

from ..errors import ArgumentTypeError, InvalidOptionError
from ..reasons import Reason
from ..records import Report
from ..results import CheckResult, Status
from ._common import labels, make_result
from .config import CheckConfig
from .pairing import Lineup, lineup

__all__ = [
    "CHECKS",
    "CheckSpec",
    "GroupFunction",
    "PairFunction",
    "PublicCheck",
    "ReportFunction",
    "Scope",
    "as_reports",
    "catalogue_table",
    "group_check",
    "pair_check",
    "report_check",
    "run_cross_half",
    "run_spec",
]

#: A single-report half: ``(report, config)`` → results.
ReportFunction = Callable[[Report, CheckConfig], Iterable[CheckResult]]
#: A cross-report half: ``(earlier, later, config)`` → results.
PairFunction = Callable[[Report, Report, CheckConfig], Iterable[CheckResult]]
#: A check of a group of reports claiming one key: ``(reports, config)`` → results.
GroupFunction = Callable[[Sequence[Report], CheckConfig], Iterable[CheckResult]]
#: Where a check looks: one report, a pair, both, or a group of duplicates.
Scope = Literal["report", "pair", "both", "group"]

_ID_RE = re.compile(r"[a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)+")


class PublicCheck(Protocol):
    """The public function of a check: ``check_<id>(report_or_reports, *, config=None)``."""

    __name__: str
    check_id: str

    def __call__(
        self, report_or_reports: Report | Iterable[Report], *, config: CheckConfig | None = None
    ) -> list[CheckResult]: ...

    def pair(self, function: PairFunction) -> PairFunction:
        """Register ``function`` as the cross-report half of this check."""
        ...


@attrs.frozen(kw_only=True)
class CheckSpec:
    """One entry of the catalogue.

    Attributes:
        id: The stable id (``"growth.implied_prior"``).
        title: One line saying what the check finds.
        scope: ``"report"`` (one report at a time), ``"pair"`` (two reports that line
            up), ``"both"``, or ``"group"`` (reports claiming one jurisdiction, year and
            kind).
        function: The public function running the check alone on a report or a list of
            reports.
        per_report: The single-report half, if any.
        per_pair: The cross-report half, if any, called as ``per_pair(earlier, later,
            config)``.
        per_group: The group half, if any, called as ``per_group(reports, config)``.
        reasons: The reason codes the check gives.
    """

    id: str
    title: str
    scope: Scope
    function: Callable[..., list[CheckResult]]
    per_report: ReportFunction | None = None
    per_pair: PairFunction | None = None
    per_group: GroupFunction | None = None
    reasons: tuple[Reason, ...] = ()


_SPECS: dict[str, CheckSpec] = {}
#: The catalogue, id → :class:`CheckSpec`, in the order the checks run (a read-only view).
CHECKS: Mapping[str, CheckSpec] = types.MappingProxyType(_SPECS)


def as_reports(report_or_reports: object) -> list[Report]:
    """A list of reports from a Report or an iterable of them.

    Raises:
        ArgumentTypeError: (a TypeError) Anything else, naming the argument and the
            item that is not a Report.

    Examples:
        >>> as_reports(None)
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ArgumentTypeError: report_or_reports=None is not accepted; \
report_or_reports takes a Report or an iterable of Reports
    """
    if isinstance(report_or_reports, Report):
        return [report_or_reports]
    if isinstance(report_or_reports, (str, bytes)) or not isinstance(report_or_reports, Iterable):
        raise ArgumentTypeError(
            "report_or_reports", report_or_reports, "a Report or an iterable of Reports"
        )
    reports = list(report_or_reports)
    for i, r in enumerate(reports):
        if not isinstance(r, Report):
            raise ArgumentTypeError(f"report_or_reports[{i}]", r, "a Report")
    return reports


def _crashed(check_id: str, exc: Exception, reports: Sequence[Report]) -> CheckResult:
    return make_result(
        check_id,
        Status.UNDECIDABLE,
        f"check {check_id} failed on {', '.join(labels(*reports))}: {type(exc).__name__}: {exc}",
        Reason.INTERNAL_ERROR,
        reports=reports,
    )


def run_spec(
    spec: CheckSpec, reports: Sequence[Report], config: CheckConfig, up: Lineup | None = None
) -> list[CheckResult]:
    """Run one check on the reports of a run; a half that raises gives one UNDECIDABLE
    result (``internal_error``) and the run goes on.

    Args:
        spec: The check.
        reports: The reports of the run.
        config: The settings.
        up: How the reports line up, when the caller has it already.
    """
    out: list[CheckResult] = []
    if spec.per_report is not None:
        for r in reports:
            try:
                out.extend(list(spec.per_report(r, config)))
            except Exception as exc:  # one broken check must not stop the batch
                out.append(_crashed(spec.id, exc, (r,)))
    if len(reports) < 2 or (spec.per_pair is None and spec.per_group is None):
        return out
    return out + run_cross_half(spec, lineup(reports) if up is None else up, config)


def run_cross_half(spec: CheckSpec, up: Lineup, config: CheckConfig) -> list[CheckResult]:
    """The cross-report half of one check on reports lined up already: its pair half on
    every pair (and ``missing_year`` for each report without a year, for a pair check),
    its group half on every group of duplicates.

    :func:`run_spec` is the single-report half followed by this one; a caller that lines
    up a corpus piece by piece (``lawgov_metrics.check_many``) runs the halves apart.
    """
    out: list[CheckResult] = []
    if spec.per_pair is not None:
        for a, b in up.pairs:
            try:
                out.extend(list(spec.per_pair(a, b, config)))
            except Exception as exc:  # one broken check must not stop the batch
                out.append(_crashed(spec.id, exc, (a, b)))
        if spec.scope == "pair":
            out.extend(
                make_result(
                    spec.id,
                    Status.UNDECIDABLE,
                    f"{r.label} has no year, so it cannot be lined up with the other reports",
                    Reason.MISSING_YEAR,
                    reports=(r,),
                )
                for r in up.unplaced
                if r.year is None
            )
    if spec.per_group is not None:
        for group in up.groups:
            try:
                out.extend(list(spec.per_group(group, config)))
            except Exception as exc:  # one broken check must not stop the batch
                out.append(_crashed(spec.id, exc, group))
    return out


def _public(check_id: str, function: Callable[..., object]) -> PublicCheck:
    name = "check_" + check_id.replace(".", "_")
    if function.__name__ != name:
        raise InvalidOptionError(
            "function", function.__name__, f"a function named {name!r} for check {check_id!r}"
        )

    def public(
        report_or_reports: Report | Iterable[Report], *, config: CheckConfig | None = None
    ) -> list[CheckResult]:
        return run_spec(
            _SPECS[check_id],
            as_reports(report_or_reports),
            CheckConfig() if config is None else config,
        )

    def pair(per_pair: PairFunction) -> PairFunction:
        spec = _SPECS[check_id]
        if spec.per_pair is not None or spec.per_report is None:
            raise InvalidOptionError(
                "check_id", check_id, "a check without a cross-report half yet"
            )
        _SPECS[check_id] = attrs.evolve(spec, scope="both", per_pair=per_pair)
        return per_pair

    public.__name__ = public.__qualname__ = name
    public.__module__ = function.__module__  # its docstring's examples run in that module
    public.__doc__ = function.__doc__
    fn = cast(PublicCheck, public)
    fn.check_id = check_id
    fn.pair = pair  # type: ignore[method-assign,assignment] # a plain function attribute
    return fn


def _register(
    check_id: str,
    title: str,
    reasons: Iterable[Reason],
    scope: Scope,
    function: Callable[..., Iterable[CheckResult]],
) -> PublicCheck:
    if not _ID_RE.fullmatch(check_id):
        raise InvalidOptionError("check_id", check_id, "an id of the form 'family.name'")
    if check_id in _SPECS:
        raise InvalidOptionError("check_id", check_id, "an id not registered yet")
    if not title or "\n" in title:
        raise InvalidOptionError("title", title, f"one line of text, for check {check_id!r}")
    public = _public(check_id, function)
    halves: dict[str, object] = {
        "report": {"per_report": function},
        "pair": {"per_pair": function},
        "group": {"per_group": function},
    }[scope]  # type: ignore[assignment] # one of three keyword sets
    _SPECS[check_id] = CheckSpec(
        id=check_id,
        title=title,
        scope=scope,
        function=public,
        reasons=tuple(Reason(r) for r in reasons),
        **halves,  # type: ignore[arg-type] # the half matching the scope
    )
    return public


def report_check(
    check_id: str, *, title: str, reasons: Iterable[Reason] = ()
) -> Callable[[ReportFunction], PublicCheck]:
    """Register a single-report check; the decorated function becomes its public one.

    Args:
        check_id: The stable id, ``family.name``.
        title: One line saying what the check finds.
        reasons: Every reason code the check (both halves) can give.

    Returns:
        A decorator taking ``check_<id>(report, config)`` and returning the public
        ``check_<id>(report_or_reports, *, config=None)``.
    """

    def decorate(function: ReportFunction) -> PublicCheck:
        return _register(check_id, title, reasons, "report", function)

    return decorate


def pair_check(
    check_id: str, *, title: str, reasons: Iterable[Reason] = ()
) -> Callable[[PairFunction], PublicCheck]:
    """Register a cross-report check of two reports that line up.

    Returns:
        A decorator taking ``check_<id>(earlier, later, config)`` and returning the public
        ``check_<id>(report_or_reports, *, config=None)``.
    """

    def decorate(function: PairFunction) -> PublicCheck:
        return _register(check_id, title, reasons, "pair", function)

    return decorate


def group_check(
    check_id: str, *, title: str, reasons: Iterable[Reason] = ()
) -> Callable[[GroupFunction], PublicCheck]:
    """Register a check of the reports claiming one (jurisdiction, year, doc_type).

    Returns:
        A decorator taking ``check_<id>(reports, config)`` and returning the public
        ``check_<id>(report_or_reports, *, config=None)``.
    """

    def decorate(function: GroupFunction) -> PublicCheck:
        return _register(check_id, title, reasons, "group", function)

    return decorate


def catalogue_table(specs: Iterable[CheckSpec] | None = None) -> str:
    """The catalogue as a reStructuredText table: id, scope and title of every check.

    The package docstring of :mod:`lawgov_metrics.checks` carries this table; a test
    keeps the two equal.
    """
    rows = [(s.id, s.scope, s.title) for s in (CHECKS.values() if specs is None else specs)]
    heads = ("id", "scope", "what it finds")
    widths = [max([len(h), *(len(r[i]) for r in rows)]) for i, h in enumerate(heads)]
    rule = " ".join("=" * w for w in widths)

    def line(cells: Sequence[str]) -> str:
        return " ".join(c.ljust(w) for c, w in zip(cells, widths, strict=True)).rstrip()

    return "\n".join([rule, line(heads), rule, *(line(r) for r in rows), rule])
