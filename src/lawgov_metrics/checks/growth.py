"""Growth checks: the implied prior, last year's report, and the direction of a change.

The arithmetic is :func:`lawgov_metrics.growth.implied_prior` (one copy); these checks
decide which figures it is applied to and what a contradiction means (see
:mod:`lawgov_metrics.checks._evidence`).
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from .. import growth as arithmetic
from ..reasons import Reason
from ..records import Figure, GrowthClaim, Qualifier, Report
from ..results import CheckResult, Status
from ..rounding import Interval
from ._common import consecutive, entirely_above, is_exact_count, make_result, year_word
from ._evidence import judge, tie_of
from ._format import candidates, cq, pct, q, quotes, show
from .config import CheckConfig
from .registry import pair_check, report_check
from .subjects import matching_figures

__all__ = ["check_growth_direction", "check_growth_implied_prior", "check_growth_prior_report"]


class _Implied(NamedTuple):
    prior: Interval | None
    status: Status  # the status when no prior interval could be made
    reason: Reason
    message: str


def _implied(claim: GrowthClaim, fig: Figure | None, config: CheckConfig) -> _Implied:
    """The interval the prior-year value must lie in for ``claim`` to hold with ``fig``."""
    if fig is None:
        return _Implied(
            None,
            Status.UNDECIDABLE,
            Reason.NO_CURRENT_FIGURE,
            f"growth claim “{cq(claim)}” has no current figure to work from",
        )
    cur = config.bounds(fig.quantity)
    if cur.lower is None or cur.lower <= 0 or cur.upper is None:
        return _Implied(
            None,
            Status.UNDECIDABLE,
            Reason.NONPOSITIVE_CURRENT,
            f"current value {q(fig)} is not a bounded positive number, so no prior value "
            f"can be implied from “{cq(claim)}”",
        )
    if claim.form == "difference" and claim.difference is not None:
        diff = config.bounds(claim.difference)
        if claim.direction == "down" and claim.difference.value > 0:
            diff = -diff
        return _Implied(cur - diff, Status.PASS, Reason.NONE, "")
    rate = claim.rate
    if rate is None:
        return _Implied(
            None, Status.UNDECIDABLE, Reason.NO_RATE, f"growth claim “{cq(claim)}” states no rate"
        )
    if rate.unit != "%":
        return _Implied(
            None,
            Status.UNDECIDABLE,
            Reason.UNSUPPORTED_RATE_UNIT,
            f"growth rate {rate.text or rate.value} is in {rate.unit!r}, not %",
        )
    rate_iv = config.bounds(rate)
    if rate_iv.upper is not None and (
        rate_iv.upper < -100 or (rate_iv.upper == -100 and not rate_iv.upper_closed)
    ):
        return _Implied(
            None,
            Status.FAIL,
            Reason.IMPOSSIBLE_DECLINE,
            f"{q(fig)} with “{cq(claim)}”: a fall of 100% or more leaves nothing, yet the "
            "current value is positive",
        )
    return _Implied(_prior(cur, rate_iv), Status.PASS, Reason.NONE, "")


@functools.lru_cache(maxsize=4096)
def _prior(current: Interval, rate: Interval) -> Interval:
    """:func:`lawgov_metrics.implied_prior` of two intervals, kept: a claim's prior is
    needed by its own report's check and again by each pair the report is in."""
    return arithmetic.implied_prior(current, rate)


def _whole_priors(prior: Interval) -> range | None:
    """The positive whole numbers in ``prior``; ``None`` when there are infinitely many."""
    return prior.integers() if prior.is_bounded else None


def _fits_whole(claim: GrowthClaim, alt: Figure, config: CheckConfig) -> str | None:
    """``None`` when ``alt`` as the current figure has a whole-number prior, else why not."""
    if not is_exact_count(alt):
        return "not an exact count"
    imp = _implied(claim, alt, config)
    if imp.prior is None:
        return imp.reason.description
    whole = _whole_priors(imp.prior)
    return None if whole is None or len(whole) else f"prior in {show(imp.prior)}, no integer"


def _fits_prior(claim: GrowthClaim, alt: Figure, prior: Figure, config: CheckConfig) -> str | None:
    """``None`` when ``alt`` as the current figure gives the rate from ``prior``."""
    imp = _implied(claim, alt, config)
    if imp.prior is None:
        return imp.reason.description
    if config.bounds(prior.quantity).overlaps(imp.prior):
        return None
    return f"needs a prior in {show(imp.prior)}"


def _what(claim: GrowthClaim, fig: Figure) -> str:
    return f"{fig.subject or claim.subject or 'the figure'} {q(fig)}, “{cq(claim)}”"


@report_check(
    "growth.implied_prior",
    title="a growth rate no integer prior can produce; the implied prior",
    reasons=(
        Reason.NONE,
        Reason.IMPLIED_PRIOR,
        Reason.IMPLIED_INTERVAL,
        Reason.NO_INTEGER_PRIOR,
        Reason.GROWTH_MISMATCH,
        Reason.IMPOSSIBLE_DECLINE,
        Reason.ALTERNATIVE_FITS,
        Reason.NO_CURRENT_FIGURE,
        Reason.NONPOSITIVE_CURRENT,
        Reason.NONPOSITIVE_PRIOR,
        Reason.NO_RATE,
        Reason.UNSUPPORTED_RATE_UNIT,
    ),
)
def check_growth_implied_prior(report: Report, config: CheckConfig) -> Iterator[CheckResult]:
    """``growth.implied_prior``: the prior-year value a growth claim implies.

    For current value ``c > 0`` and a reported growth whose unrounded interval is
    ``[glo, ghi)``, the prior lies in ``(c / (1 + ghi), c / (1 + glo)]``
    (:func:`lawgov_metrics.implied_prior`). For an exact count the candidates are the
    positive integers in it: some is a PASS with severity INFO whose message gives them
    (``implied_prior``); none contradicts the claim (``no_integer_prior``). With a printed
    basis (较2022年558件) the basis must lie in the interval (``growth_mismatch``). A
    contradiction FAILs when the claim's binding is STATED, and otherwise WARNs, unless
    one of the claim's alternative current figures fits (PASS, ``alternative_fits``). A
    missing figure or rate, or a current value that is not positive, is UNDECIDABLE.

    Examples:
        >>> from decimal import Decimal
        >>> import lawgov_metrics as lm
        >>> fig = lm.Figure(quantity=lm.Quantity(value=Decimal(10), unit="件"), subject="申请")
        >>> rate = lm.Quantity(value=Decimal("33.3"), unit="%", resolution=Decimal("0.1"),
        ...                    rounded=True)
        >>> rep = lm.Report(text="", figures=[fig],
        ...                 claims=[lm.GrowthClaim(figure=fig, rate=rate, quote="增长33.3%")])
        >>> [r] = check_growth_implied_prior(rep)
        >>> r.status, str(r.reason)
        (<Status.FAIL: 'fail'>, 'no_integer_prior')
        >>> loose = lm.GrowthClaim(figure=fig, rate=rate, binding=lm.Binding.POSITIONAL)
        >>> [r] = check_growth_implied_prior(lm.Report(text="", claims=[loose]))
        >>> r.status
        <Status.WARN: 'warn'>
    """
    for claim in report.claims:
        if isinstance(claim, GrowthClaim):
            yield _implied_prior_result(report, claim, config)


def _implied_prior_result(report: Report, claim: GrowthClaim, config: CheckConfig) -> CheckResult:
    cid = "growth.implied_prior"
    fig = claim.figure
    figs: tuple[Figure | None, ...] = (fig, claim.rate_figure, claim.basis)
    imp = _implied(claim, fig, config)
    if imp.prior is None:
        if imp.status is not Status.FAIL:
            return make_result(
                cid, imp.status, imp.message, imp.reason, figures=figs, reports=(report,)
            )
        verdict = judge(tie_of(claim), test=lambda alt: _fits_whole(claim, alt, config))
        return make_result(
            cid,
            verdict.status,
            imp.message + verdict.note,
            verdict.reason(imp.reason),
            figures=(*figs, verdict.alternative),
            reports=(report,),
        )
    assert fig is not None
    prior = imp.prior
    what = _what(claim, fig)
    if claim.basis is not None:
        return _basis_result(report, claim, fig, prior, config)
    year = year_word(report, -1)
    whole = _whole_priors(prior) if is_exact_count(fig) else None
    if whole is None:
        return make_result(
            cid,
            Status.PASS,
            f"{what} implies a value in {show(prior)} in {year}",
            Reason.IMPLIED_INTERVAL,
            figures=figs,
            reports=(report,),
            expected=prior,
            details={"implied_prior": prior},
        )
    details = {"implied_prior": prior, "candidates": whole}
    if whole:
        return make_result(
            cid,
            Status.PASS,
            f"{what} implies {candidates(whole)} in {year} (prior in {show(prior)})",
            Reason.IMPLIED_PRIOR,
            figures=figs,
            reports=(report,),
            expected=prior,
            details=details,
        )
    verdict = judge(tie_of(claim), test=lambda alt: _fits_whole(claim, alt, config))
    return make_result(
        cid,
        verdict.status,
        f"{what}: no whole number in {year} can give this rate: the prior would have to lie "
        f"in {show(prior)}, which holds no integer{verdict.note}",
        verdict.reason(Reason.NO_INTEGER_PRIOR),
        figures=(*figs, verdict.alternative),
        reports=(report,),
        expected=prior,
        details=details,
    )


def _basis_result(
    report: Report, claim: GrowthClaim, fig: Figure, prior: Interval, config: CheckConfig
) -> CheckResult:
    """The printed prior (较2022年558件) against the interval the rate needs."""
    cid = "growth.implied_prior"
    basis = claim.basis
    assert basis is not None
    figs = (fig, claim.rate_figure, basis)
    what = _what(claim, fig)
    b = config.bounds(basis.quantity)
    if b.upper is not None and b.upper <= 0:
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"{what}: the printed prior {q(basis)} is not positive, so a growth rate from it "
            "is undefined",
            Reason.NONPOSITIVE_PRIOR,
            figures=figs,
            reports=(report,),
        )
    observed = None
    extra = ""
    if b.is_point and fig.quantity.qualifier is Qualifier.EXACT and not fig.quantity.rounded:
        assert b.lower is not None
        observed = arithmetic.growth_rate(b.lower, Fraction(fig.value))
        extra = f" (exact growth {pct(observed)})"
    head = f"{what}: the printed prior {q(basis)}{extra}"
    needs = f"the rate, which needs a prior in {show(prior)}"
    details = {"implied_prior": prior}
    if b.overlaps(prior):
        return make_result(
            cid,
            Status.PASS,
            f"{head} is consistent with {needs}",
            figures=figs,
            reports=(report,),
            observed=observed,
            expected=prior,
            details=details,
        )
    verdict = judge(tie_of(claim), test=lambda alt: _fits_prior(claim, alt, basis, config))
    return make_result(
        cid,
        verdict.status,
        f"{head} contradicts {needs}{verdict.note}",
        verdict.reason(Reason.GROWTH_MISMATCH),
        figures=(*figs, verdict.alternative),
        reports=(report,),
        observed=observed,
        expected=prior,
        details=details,
    )


@pair_check(
    "growth.prior_report",
    title="a growth claim against the prior year's report",
    reasons=(
        Reason.NONE,
        Reason.PRIOR_MISMATCH,
        Reason.AMBIGUOUS_PRIOR,
        Reason.ALTERNATIVE_FITS,
        Reason.NO_PRIOR_FIGURE,
        Reason.NO_CURRENT_FIGURE,
        Reason.NONPOSITIVE_CURRENT,
        Reason.NO_RATE,
        Reason.UNSUPPORTED_RATE_UNIT,
        Reason.IMPOSSIBLE_DECLINE,
    ),
)
def check_growth_prior_report(
    earlier: Report, later: Report, config: CheckConfig
) -> Iterator[CheckResult]:
    """``growth.prior_report``: a growth claim against last year's report's own figure.

    For each growth claim in a report of year Y, the figures of the report of year Y-1 (same
    jurisdiction) for the same indicator are found (same subject, else the same vocabulary
    id, else the same :func:`~lawgov_metrics.checks.subject_key`; units 件/宗/起 count
    alike; figures printed as bases of that report's own claims are left out). PASS when
    one lies in the implied interval; when the only value found does not, the claim is
    contradicted (``prior_mismatch``: FAIL for a STATED binding, else WARN, or PASS when an
    alternative current figure fits); WARN when several different values are found and
    none fits; UNDECIDABLE when there is none.

    Examples:
        >>> check_growth_prior_report([])
        []
    """
    if not consecutive(earlier, later):
        return
    for claim in later.claims:
        if isinstance(claim, GrowthClaim) and claim.figure is not None:
            yield _prior_report_result(earlier, later, claim, claim.figure, config)


def _prior_report_result(
    earlier: Report, later: Report, claim: GrowthClaim, fig: Figure, config: CheckConfig
) -> CheckResult:
    cid = "growth.prior_report"
    reports = (earlier, later)
    priors = matching_figures(fig, earlier)
    if not priors:
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"{earlier.label} has no figure for {fig.subject or claim.subject!r} to test "
            f"“{cq(claim)}” against",
            Reason.NO_PRIOR_FIGURE,
            figures=(fig,),
            reports=reports,
        )
    imp = _implied(claim, fig, config)
    if imp.prior is None:
        return make_result(
            cid,
            Status.UNDECIDABLE,
            imp.message,
            imp.reason,
            figures=(fig, *priors),
            reports=reports,
        )
    prior = imp.prior
    head = (
        f"{later.label} {fig.subject} {q(fig)} “{cq(claim)}” needs a "
        f"{earlier.year} value in {show(prior)}"
    )
    hits = [p for p in priors if config.bounds(p.quantity).overlaps(prior)]
    if hits:
        p = hits[0]
        return make_result(
            cid,
            Status.PASS,
            f"{head}; {earlier.label} printed {q(p)} ({p.subject})",
            figures=(fig, claim.rate_figure, p),
            reports=reports,
            expected=prior,
            observed=Decimal(p.value),
        )
    figs = (fig, claim.rate_figure, *priors)
    listing = quotes(priors, subjects=True)
    if len({p.value for p in priors}) > 1:
        return make_result(
            cid,
            Status.WARN,
            f"{head}, but none of the {earlier.label} figures for it fit: {listing}",
            Reason.AMBIGUOUS_PRIOR,
            figures=figs,
            reports=reports,
            expected=prior,
        )
    shown = priors[0]
    obs = Fraction(shown.value)
    extra = ""
    if obs > 0 and fig.quantity.qualifier is Qualifier.EXACT and not fig.quantity.rounded:
        extra = f"; from it the growth is {pct(arithmetic.growth_rate(obs, Fraction(fig.value)))}"
    verdict = judge(tie_of(claim), test=lambda alt: _fits_prior(claim, alt, shown, config))
    return make_result(
        cid,
        verdict.status,
        f"{head}, but {earlier.label} printed {listing}{extra}{verdict.note}",
        verdict.reason(Reason.PRIOR_MISMATCH),
        figures=(*figs, verdict.alternative),
        reports=reports,
        expected=prior,
        observed=Decimal(shown.value),
    )


def _goes(claim: GrowthClaim, current: Figure, prior: Figure, config: CheckConfig) -> str:
    """``"right"``, ``"wrong"`` or ``"unclear"``: the values against the stated direction."""
    cur, before = config.bounds(current.quantity), config.bounds(prior.quantity)
    up, down = entirely_above(cur, before), entirely_above(before, cur)
    right, wrong = (up, down) if claim.direction == "up" else (down, up)
    return "right" if right else "wrong" if wrong else "unclear"


def _direction_result(
    claim: GrowthClaim,
    priors: Sequence[Figure],
    reports: Sequence[Report],
    config: CheckConfig,
    source: str,
) -> CheckResult | None:
    cid = "growth.direction"
    fig = claim.figure
    if fig is None or claim.direction == "flat":
        return None
    if len({p.value for p in priors}) != 1:
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"{source} gives {len({p.value for p in priors})} different values for "
            f"{fig.subject!r}; cannot tell which one “{cq(claim)}” is measured from",
            Reason.AMBIGUOUS_PRIOR,
            figures=(fig, *priors),
            reports=reports,
        )
    p = priors[0]
    word = "增长/增加 (up)" if claim.direction == "up" else "下降/减少 (down)"
    msg = f"“{cq(claim)}” says {word}: {fig.subject} {q(fig)} against {source} {q(p)}"
    goes = _goes(claim, fig, p, config)
    if goes == "right":
        return make_result(cid, Status.PASS, msg, figures=(fig, p), reports=reports)
    if goes == "unclear":
        return make_result(
            cid,
            Status.UNDECIDABLE,
            msg + ": the two values are too close to tell the direction",
            Reason.OVERLAPPING_VALUES,
            figures=(fig, p),
            reports=reports,
        )

    def test(alt: Figure) -> str | None:
        return None if _goes(claim, alt, p, config) == "right" else "goes the other way too"

    verdict = judge(tie_of(claim), test=test)
    return make_result(
        cid,
        verdict.status,
        msg + " goes the other way" + verdict.note,
        verdict.reason(Reason.WRONG_DIRECTION),
        figures=(fig, p, verdict.alternative),
        reports=reports,
    )


@report_check(
    "growth.direction",
    title="a stated rise where the value fell, or the reverse",
    reasons=(
        Reason.NONE,
        Reason.WRONG_DIRECTION,
        Reason.ALTERNATIVE_FITS,
        Reason.OVERLAPPING_VALUES,
        Reason.AMBIGUOUS_PRIOR,
    ),
)
def check_growth_direction(report: Report, config: CheckConfig) -> Iterator[CheckResult]:
    """``growth.direction``: 同比增长 with a current value below last year's, or the reverse.

    Compares the current figure with the printed basis, or (across reports, for claims
    without a basis) with the previous year's figure for the same indicator. Values that
    go the other way contradict the claim (``wrong_direction``: FAIL for a STATED binding,
    else WARN, or PASS when an alternative current figure goes the stated way); PASS when
    they agree; UNDECIDABLE when the written values overlap or several prior values are
    found.

    Examples:
        >>> check_growth_direction([])
        []
    """
    for claim in report.claims:
        if isinstance(claim, GrowthClaim) and claim.basis is not None:
            r = _direction_result(claim, [claim.basis], (report,), config, "the printed prior")
            if r is not None:
                yield r


@check_growth_direction.pair
def _growth_direction_pair(
    earlier: Report, later: Report, config: CheckConfig
) -> Iterator[CheckResult]:
    """The cross-report half: claims without a printed prior against last year's figure."""
    if not consecutive(earlier, later):
        return
    for claim in later.claims:
        if not isinstance(claim, GrowthClaim) or claim.figure is None or claim.basis is not None:
            continue
        priors = matching_figures(claim.figure, earlier)
        if priors:
            r = _direction_result(claim, priors, (earlier, later), config, earlier.label)
            if r is not None:
                yield r
