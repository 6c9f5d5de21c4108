"""Percentage-point changes against the two rates they are the difference of."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from fractions import Fraction

from ..reasons import Reason
from ..records import Figure, PPChangeClaim, Report
from ..results import CheckResult, Status
from ..rounding import Interval
from ._common import consecutive, make_result, year_word
from ._evidence import judge, tie_of
from ._format import cq, num, q, show
from .config import CheckConfig
from .registry import report_check
from .subjects import matching_figures

__all__ = ["check_pp_change_rates"]


def _signed_change(claim: PPChangeClaim, config: CheckConfig) -> Interval:
    pp = config.bounds(claim.rate)
    return -pp if claim.direction == "down" and claim.rate.value > 0 else pp


def _fits(claim: PPChangeClaim, current: Figure, prior: Figure, config: CheckConfig) -> bool:
    diff = config.bounds(current.quantity) - config.bounds(prior.quantity)
    return diff.overlaps(_signed_change(claim, config))


def _pp_result(
    claim: PPChangeClaim,
    current: Figure,
    prior: Figure,
    reports: Sequence[Report],
    config: CheckConfig,
) -> CheckResult:
    diff = config.bounds(current.quantity) - config.bounds(prior.quantity)
    pp = _signed_change(claim, config)
    exact = Fraction(current.value) - Fraction(prior.value)
    ok = diff.overlaps(pp)
    msg = (
        f"“{cq(claim)}”: {current.subject} {q(prior)} → {q(current)} is a change of "
        f"{num(exact)} points as written (true change in {show(diff)}), "
        f"{'consistent with' if ok else 'not'} {claim.rate.text or claim.rate.value}"
    )
    figs = (prior, current, claim.rate_figure)
    if ok:
        return make_result(
            "pp_change.rates", Status.PASS, msg, figures=figs, reports=reports, observed=exact,
            expected=pp,
        )  # fmt: skip

    def test(alt: Figure) -> str | None:
        if alt.unit != "%":
            return "not a rate"
        return (
            None
            if _fits(claim, alt, prior, config)
            else f"a change of {num(Fraction(alt.value) - Fraction(prior.value))}"
        )

    verdict = judge(tie_of(claim), test=test)
    return make_result(
        "pp_change.rates",
        verdict.status,
        msg + verdict.note,
        verdict.reason(Reason.PP_MISMATCH),
        figures=(*figs, verdict.alternative),
        reports=reports,
        observed=exact,
        expected=pp,
    )


@report_check(
    "pp_change.rates",
    title="a percentage-point change against the two rates",
    reasons=(
        Reason.NONE,
        Reason.PP_MISMATCH,
        Reason.IMPLIED_RATE,
        Reason.ALTERNATIVE_FITS,
        Reason.NO_RATES,
        Reason.AMBIGUOUS_PRIOR,
    ),
)
def check_pp_change_rates(report: Report, config: CheckConfig) -> Iterator[CheckResult]:
    """``pp_change.rates``: a percentage-point change against the two rates.

    With both rates known (the printed basis, 由a%提高到b%, or last year's report) the
    true difference of the two rates must be able to round to the stated change; when it
    cannot (``pp_mismatch``) the result is FAIL for a STATED binding, else WARN, or PASS
    (``alternative_fits``) when one of the claim's alternative current rates fits. With
    only the current rate the implied prior rate is given (PASS, INFO, ``implied_rate``).

    Examples:
        >>> check_pp_change_rates([])
        []
    """
    for claim in report.claims:
        if not isinstance(claim, PPChangeClaim):
            continue
        if claim.figure is not None and claim.basis is not None:
            yield _pp_result(claim, claim.figure, claim.basis, (report,), config)
        elif claim.figure is None:
            yield make_result(
                "pp_change.rates",
                Status.UNDECIDABLE,
                f"“{cq(claim)}”: the rate it changes is not identified",
                Reason.NO_RATES,
                figures=(claim.rate_figure,),
                reports=(report,),
            )
        else:
            prior = config.bounds(claim.figure.quantity) - _signed_change(claim, config)
            yield make_result(
                "pp_change.rates",
                Status.PASS,
                f"“{cq(claim)}”: {claim.figure.subject} {q(claim.figure)} implies "
                f"{show(prior)}% in {year_word(report, -1)}",
                Reason.IMPLIED_RATE,
                figures=(claim.figure, claim.rate_figure),
                reports=(report,),
                expected=prior,
                details={"implied_rate": prior},
            )


@check_pp_change_rates.pair
def _pp_change_pair(earlier: Report, later: Report, config: CheckConfig) -> Iterator[CheckResult]:
    """The cross-report half: a change without a printed prior against last year's rate."""
    if not consecutive(earlier, later):
        return
    for claim in later.claims:
        if not isinstance(claim, PPChangeClaim) or claim.figure is None or claim.basis:
            continue
        priors = matching_figures(claim.figure, earlier)
        values = {p.value for p in priors}
        if len(values) == 1:
            yield _pp_result(claim, claim.figure, priors[0], (earlier, later), config)
        elif len(values) > 1:
            yield make_result(
                "pp_change.rates",
                Status.UNDECIDABLE,
                f"{earlier.label} gives {len(values)} values for {claim.figure.subject!r}",
                Reason.AMBIGUOUS_PRIOR,
                figures=(claim.figure, *priors),
                reports=(earlier, later),
            )
