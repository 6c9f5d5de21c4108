"""Restated figures: a later report, or a second report of one year, giving a figure again."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from decimal import Decimal

import attrs

from ..reasons import Reason
from ..records import Figure, GrowthClaim, PPChangeClaim, Qualifier, Report
from ..results import CheckResult, Severity, Status
from ..vocab import CARRY_IN, CARRY_OUT, or_regex
from ._common import is_rate, make_result, units_compatible
from ._evidence import Tie, judge, tie_of
from ._format import cq, q, quotes
from .config import CheckConfig
from .registry import pair_check
from .subjects import matching_figures, subject_key

__all__ = ["check_restated_figure"]

_CARRY_IN_RE = re.compile(or_regex(CARRY_IN))
_CARRY_OUT_RE = re.compile(or_regex(CARRY_OUT))
#: Same-year figures are compared only when their subject key is at least this long.
_MIN_KEY = 4


def _compare(
    said: Figure,
    others: Sequence[Figure],
    reports: tuple[Report, Report],
    config: CheckConfig,
    what: str,
    tie: Tie | None = None,
) -> CheckResult:
    """``said`` (in the later report) against what the earlier report printed."""
    cid = "restated.figure"
    earlier, later = reports
    s = config.bounds(said.quantity)
    hits = [o for o in others if config.bounds(o.quantity).overlaps(s)]
    head = f"{what}: {later.label} gives {q(said)}"
    if hits:
        return make_result(
            cid,
            Status.PASS,
            f"{head}, as {earlier.label} did ({q(hits[0])})",
            figures=(said, hits[0]),
            reports=reports,
        )
    listing = quotes(others, subjects=True)
    if len({o.value for o in others}) > 1:
        return make_result(
            cid,
            Status.WARN,
            f"{head}; {earlier.label} printed several values, none equal: {listing}",
            Reason.AMBIGUOUS_PRIOR,
            figures=(said, *others),
            reports=reports,
        )
    status, note = Status.FAIL, ""
    if tie is not None:
        verdict = judge(tie)
        status, note = verdict.status, verdict.note
    return make_result(
        cid,
        status,
        f"{head}, but {earlier.label} printed {listing}{note}",
        Reason.RESTATED,
        figures=(said, *others),
        reports=reports,
        observed=Decimal(said.value),
        expected=config.bounds(others[0].quantity),
    )


def _next_year(earlier: Report, later: Report, config: CheckConfig) -> Iterator[CheckResult]:
    reports = (earlier, later)
    for claim in later.claims:
        if (
            isinstance(claim, (GrowthClaim, PPChangeClaim))
            and claim.basis is not None
            and claim.figure is not None
        ):
            priors = matching_figures(claim.figure, earlier)
            if priors:
                yield _compare(
                    claim.basis,
                    priors,
                    reports,
                    config,
                    f"{earlier.year} {claim.figure.subject} restated in “{cq(claim)}”",
                    tie_of(claim),
                )
    outs: dict[str, list[Figure]] = {}
    for g in earlier.figures:
        if _CARRY_OUT_RE.search(g.subject) and not is_rate(g):
            outs.setdefault(subject_key(_CARRY_OUT_RE.sub("", g.subject)), []).append(g)
    if not outs:
        return
    for f in later.figures:
        if not _CARRY_IN_RE.search(f.subject) or is_rate(f):
            continue
        rest = subject_key(_CARRY_IN_RE.sub("", f.subject))
        found = [g for g in outs.get(rest, ()) if units_compatible(g.unit, f.unit)]
        if found:
            yield _compare(
                f, found, reports, config, f"carried over from {earlier.year} ({f.subject})"
            )


def _same_year(earlier: Report, later: Report, config: CheckConfig) -> Iterator[CheckResult]:
    by_subject: dict[tuple[str, str], list[Figure]] = {}
    for g in earlier.figures:
        if g.quantity.qualifier is Qualifier.EXACT:
            by_subject.setdefault((g.subject, g.unit), []).append(g)
    for f in later.figures:
        if len(subject_key(f.subject)) < _MIN_KEY or f.quantity.qualifier is not Qualifier.EXACT:
            continue
        same = by_subject.get((f.subject, f.unit))
        if not same:
            continue
        r = _compare(f, same, (earlier, later), config, f"{later.year} {f.subject} in two reports")
        if r.status is Status.FAIL:
            # Two reports on the same year may count different scopes: warn only.
            r = attrs.evolve(
                r,
                status=Status.WARN,
                severity=Severity.WARNING,
                reason=Reason.DIFFERENT_VALUE_SAME_YEAR,
            )
        yield r


@pair_check(
    "restated.figure",
    title="an earlier year's figure restated differently",
    reasons=(
        Reason.NONE,
        Reason.RESTATED,
        Reason.DIFFERENT_VALUE_SAME_YEAR,
        Reason.AMBIGUOUS_PRIOR,
    ),
)
def check_restated_figure(
    earlier: Report, later: Report, config: CheckConfig
) -> Iterator[CheckResult]:
    """``restated.figure``: a later report restating an earlier year's figure differently.

    * A growth or percentage-point claim's printed basis (较2022年558件) against the
      previous year's report's own figure for the indicator (``restated``: FAIL when the
      claim's binding is STATED, else WARN).
    * A carry-in (上年结转, :data:`lawgov_metrics.vocab.CARRY_IN`) against the previous
      year's carry-out (结转下年度, :data:`~lawgov_metrics.vocab.CARRY_OUT`).
    * Two reports on the same year (duplicates, or a rule-of-law and a disclosure report)
      with the same subject and different values: WARN (``different_value_same_year``),
      since they may count different scopes.

    Examples:
        >>> check_restated_figure([])
        []
    """
    if earlier.year is None or later.year is None:
        return
    gap = later.year - earlier.year
    if gap == 1:
        yield from _next_year(earlier, later, config)
    elif gap == 0:
        yield from _same_year(earlier, later, config)
