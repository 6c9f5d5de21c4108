"""Share checks: GRIM for a rate of a count, shares outside [0%, 100%], and 100% that is not all.

The GRIM arithmetic is :func:`lawgov_metrics.growth.share_counts` (one copy).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction
from typing import NamedTuple

from .. import growth as arithmetic
from ..reasons import Reason
from ..records import BreakdownClaim, Figure, Qualifier, Quantity, Report, ShareClaim
from ..results import CheckResult, Status
from ..rounding import Interval
from ..vocab import COMPLETION_WORDS, PENDING_WORDS, RATIO_WORDS, or_regex
from ._common import is_exact_count, is_rate, make_result
from ._evidence import judge, tie_of
from ._format import candidates, cq, pct, q, quotes, show
from .config import CheckConfig
from .registry import report_check

__all__ = ["check_share_all_100", "check_share_granularity", "check_share_range"]

_RATIO_RE = re.compile(or_regex(RATIO_WORDS))
_DONE_RE = re.compile(or_regex(COMPLETION_WORDS))
_PENDING_RE = re.compile(or_regex(PENDING_WORDS))
#: How far (in characters) a pending count may be from a 100% rate outside any section.
_NEAR = 200


class _Grim(NamedTuple):
    holds: bool | None  # None: the test cannot be made
    reason: Reason
    text: str
    observed: Fraction | None = None
    counts: range | None = None


def _grim(
    total: Figure, part: Figure | None, share: Interval, written: str, config: CheckConfig
) -> _Grim:
    """The GRIM test of a rate (``share``, in percent, written as ``written``) of ``total``,
    with ``part`` if printed."""
    if not is_exact_count(total):
        return _Grim(
            None,
            Reason.APPROXIMATE_TOTAL,
            f"its total {q(total)} is not an exact count, so any rate fits",
        )
    n = int(total.value)
    if n <= 0:
        return _Grim(None, Reason.NONPOSITIVE_TOTAL, f"a share of {n} items is undefined")
    if part is not None:
        obs = Fraction(part.value) / n
        ok = (config.bounds(part.quantity) * 100 / n).overlaps(share)
        verb = "which rounds" if ok else "which does not round"
        return _Grim(
            ok,
            Reason.NONE if ok else Reason.PART_MISMATCH,
            f"{q(part)} of {q(total)} is {pct(obs)}, {verb} to {written} (needs a share in "
            f"{show(share)}%)",
            observed=obs,
        )
    counts = arithmetic.share_counts(n, share, scheme=config.scheme)
    if counts:
        return _Grim(
            True, Reason.NONE, f"{written} of {q(total)} is reached by k = {candidates(counts)}",
            counts=counts,
        )  # fmt: skip
    return _Grim(
        False,
        Reason.NO_INTEGER_COUNT,
        f"no whole number k of {n} gives {written} (k/{n} would have to lie in {show(share)}%)",
        counts=counts,
    )


def _whole_of(report: Report, fig: Figure) -> BreakdownClaim | None:
    """The breakdown listing ``fig`` as a part, when all that do share one total."""
    found = [
        c
        for c in report.claims
        if isinstance(c, BreakdownClaim) and any(p.span == fig.span for p in c.parts)
    ]
    return found[0] if len({c.total.span for c in found}) == 1 else None


def _where(claim: ShareClaim) -> str:
    rate = claim.rate
    return f"“{cq(claim)}”" if claim.quote else f"{rate.text or rate.value}%"


@report_check(
    "share.granularity",
    title="a rate no integer count can produce (GRIM)",
    reasons=(
        Reason.NONE,
        Reason.NO_INTEGER_COUNT,
        Reason.PART_MISMATCH,
        Reason.ALTERNATIVE_FITS,
        Reason.NO_TOTAL,
        Reason.WHOLE_UNKNOWN,
        Reason.IMPLIED_TOTAL,
        Reason.NO_INTEGER_TOTAL,
        Reason.APPROXIMATE_TOTAL,
        Reason.NONPOSITIVE_TOTAL,
        Reason.UNSUPPORTED_RATE_UNIT,
    ),
)
def check_share_granularity(report: Report, config: CheckConfig) -> Iterator[CheckResult]:
    """``share.granularity``: GRIM for a rate tied to a count.

    A rate ``r`` of ``n`` items is possible only if some integer ``k`` in ``[0, n]`` has
    ``k / n`` inside the unrounded ``r`` (:func:`lawgov_metrics.share_counts`); with a
    printed numerator (结案170件,调解率17.4%) that numerator must do it. A part printed
    without its whole (占…) is tested against the total of the breakdown listing it. When
    not, the rate contradicts its count (``no_integer_count``, ``part_mismatch``): FAIL
    when the share's binding is STATED (the rate is in the clause of its count,
    调解矛盾纠纷1497宗,成功率达98.73%); otherwise ``config.inferred_share_status`` (WARN by
    default), or PASS (``alternative_fits``) when one of the claim's alternative counts
    fits. UNDECIDABLE when there is no count or it is not exact.

    Examples:
        >>> from decimal import Decimal
        >>> import lawgov_metrics as lm
        >>> n = lm.Figure(quantity=lm.Quantity(value=Decimal(1497), unit="宗"), quote="1497宗")
        >>> def share(rate):
        ...     r = lm.Quantity(value=Decimal(rate), unit="%", resolution=Decimal("0.01"),
        ...                     rounded=True)
        ...     return lm.Report(text="", claims=[lm.ShareClaim(rate=r, total=n)])
        >>> [(r.status.value, str(r.reason)) for r in check_share_granularity(share("98.73"))]
        [('pass', '')]
        >>> [(r.status.value, str(r.reason)) for r in check_share_granularity(share("98.74"))]
        [('fail', 'no_integer_count')]
    """
    for claim in report.claims:
        if isinstance(claim, ShareClaim):
            yield _granularity_result(report, claim, config)


def _granularity_result(report: Report, claim: ShareClaim, config: CheckConfig) -> CheckResult:
    cid = "share.granularity"
    rate, total, part = claim.rate, claim.total, claim.part
    where = _where(claim)
    figs: tuple[Figure | None, ...] = (claim.rate_figure, total, part)
    if rate.unit != "%":
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"{where}: the rate is in {rate.unit!r}, not %",
            Reason.UNSUPPORTED_RATE_UNIT,
            figures=figs,
            reports=(report,),
        )
    tie = tie_of(claim)
    if total is None and part is not None:
        listing = _whole_of(report, part)
        if listing is None:
            return _implied_total(report, claim, part, config)
        total, tie = listing.total, tie_of(claim, also=listing)
        figs = (claim.rate_figure, total, part)
    if total is None:
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"{where}: no count is stated for this rate to be a share of",
            Reason.NO_TOTAL,
            figures=figs,
            reports=(report,),
        )
    share = config.bounds(rate)
    written = rate.text or f"{rate.value}%"
    grim = _grim(total, part, share, written, config)
    details = {} if grim.counts is None else {"counts": grim.counts}
    if grim.holds is None:
        return make_result(
            cid, Status.UNDECIDABLE, f"{where}: {grim.text}", grim.reason, figures=figs,
            reports=(report,),
        )  # fmt: skip
    if grim.holds:
        return make_result(
            cid,
            Status.PASS,
            f"{where}: {grim.text}",
            figures=figs,
            reports=(report,),
            observed=grim.observed,
            expected=share / 100,
            details=details,
        )

    def test(alt: Figure) -> str | None:
        other = _grim(alt, part, share, written, config)
        return None if other.holds else other.text

    verdict = judge(tie, test=test, unstated=config.inferred_share_status)
    return make_result(
        cid,
        verdict.status,
        f"{where}: {grim.text}{verdict.note}",
        verdict.reason(grim.reason),
        figures=(*figs, verdict.alternative),
        reports=(report,),
        observed=grim.observed,
        expected=share / 100,
        details=details,
    )


def _implied_total(
    report: Report, claim: ShareClaim, part: Figure, config: CheckConfig
) -> CheckResult:
    """GRIM the other way round, for a printed part whose whole is not printed: some whole
    total ``T`` must give ``part / T`` as the written rate (the whole of 调解成功5件,调解成功率
    83.3% is 6; no whole target gives 办结89件,完成率82.21%)."""
    cid = "share.granularity"
    where = _where(claim)
    figs = (claim.rate_figure, part)
    share = config.bounds(claim.rate)
    totals = arithmetic.integer_totals(part.value, share) if is_exact_count(part) else None
    if totals is None:
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"{where}: {q(part)} is the part, and its whole is not found",
            Reason.WHOLE_UNKNOWN,
            figures=figs,
            reports=(report,),
        )
    iv = arithmetic.implied_totals(part.value, share)
    if len(totals):
        return make_result(
            cid,
            Status.PASS,
            f"{where}: {q(part)} is the part; a whole of {candidates(totals)} gives it "
            f"(the whole would lie in {show(iv)})",
            Reason.IMPLIED_TOTAL,
            figures=figs,
            reports=(report,),
            expected=iv,
            details={"totals": totals},
        )
    verdict = judge(tie_of(claim), unstated=config.inferred_share_status)
    return make_result(
        cid,
        verdict.status,
        f"{where}: {q(part)} is the part, and no whole number T gives {part.value}/T = "
        f"{claim.rate.text or str(claim.rate.value) + '%'} (T would have to lie in {show(iv)}, "
        f"which holds no integer){verdict.note}",
        Reason.NO_INTEGER_TOTAL,
        figures=figs,
        reports=(report,),
        expected=iv,
    )


def _rate_figures(report: Report) -> list[Figure]:
    """Rate-kind figures in % plus the rate figures of share claims, without repeats."""
    seen: set[tuple[int, int]] = set()
    figs: list[Figure] = []
    for f in report.figures:
        if f.kind == "rate" and f.unit == "%" and f.span not in seen:
            seen.add(f.span)
            figs.append(f)
    for c in report.claims:
        if not isinstance(c, ShareClaim) or c.rate_figure is None or c.rate.unit != "%":
            continue
        if c.rate_figure.span not in seen:
            seen.add(c.rate_figure.span)
            figs.append(c.rate_figure)
    return figs


@report_check(
    "share.range",
    title="a share outside [0%, 100%]",
    reasons=(Reason.NONE, Reason.SHARE_OUT_OF_RANGE, Reason.MAY_EXCEED_100),
)
def check_share_range(report: Report, config: CheckConfig) -> Iterator[CheckResult]:
    """``share.range``: a share below 0% or above 100%.

    Looks at rate-kind figures in % and the rates of share claims. A subject that may be a
    ratio rather than a share (完成率, 增长, 执行率 … :data:`lawgov_metrics.vocab.RATIO_WORDS`)
    is UNDECIDABLE, not FAIL, when out of range. A rate known to be a share only because a
    share claim ties it to a count is judged by that claim's binding: FAIL when STATED,
    else ``config.inferred_share_status`` (WARN by default).

    Examples:
        >>> check_share_range([])
        []
    """
    shares = {
        c.rate_figure.span: c
        for c in report.claims
        if isinstance(c, ShareClaim) and c.rate_figure is not None
    }
    whole = Interval(lower=0, upper=100)
    for f in _rate_figures(report):
        label = f"{f.subject or 'rate'} {q(f)}"
        figs = (f,)
        if config.bounds(f.quantity).overlaps(whole):
            yield make_result(
                "share.range",
                Status.PASS,
                f"{label} lies within [0%, 100%]",
                figures=figs,
                reports=(report,),
                expected=whole,
            )
        elif _RATIO_RE.search(f.subject):
            yield make_result(
                "share.range",
                Status.UNDECIDABLE,
                f"{label} is outside [0%, 100%], but {f.subject!r} may be a ratio rather than "
                "a share",
                Reason.MAY_EXCEED_100,
                figures=figs,
                reports=(report,),
            )
        else:
            claim = shares.get(f.span)
            status, note = Status.FAIL, ""
            if claim is not None and f.kind != "rate":
                verdict = judge(tie_of(claim), unstated=config.inferred_share_status)
                status, note = verdict.status, verdict.note
            yield make_result(
                "share.range",
                status,
                f"{label} is a share and cannot lie outside [0%, 100%]{note}",
                Reason.SHARE_OUT_OF_RANGE,
                figures=figs,
                reports=(report,),
                observed=f.value,
                expected=whole,
            )


def _is_100(q: Quantity) -> bool:
    return q.unit == "%" and q.value == 100 and q.qualifier in (Qualifier.EXACT, Qualifier.AT_LEAST)


def _all_100_result(report: Report, claim: ShareClaim, config: CheckConfig) -> CheckResult | None:
    """The result for a 100% share claim with a printed part and total, if it has both."""
    cid = "share.all_100"
    total, part = claim.total, claim.part
    if total is None or part is None:
        return None
    figs = (claim.rate_figure, total, part)
    said = f"“{cq(claim)}”"
    if not (is_exact_count(total) and is_exact_count(part)):
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"{said}: 100% with {q(part)} of {q(total)}, but the counts are not exact",
            Reason.APPROXIMATE_COUNT,
            figures=figs,
            reports=(report,),
        )
    n, k = int(total.value), int(part.value)
    if n <= 0:
        return None
    if k == n:
        return make_result(
            cid,
            Status.PASS,
            f"{said}: {q(part)} of {q(total)} is indeed all",
            figures=figs,
            reports=(report,),
        )
    share = config.bounds(claim.rate) / 100
    obs = Fraction(k, n)
    if share.contains(obs):
        return make_result(
            cid,
            Status.WARN,
            f"{said}: 100% is written although only {q(part)} of {q(total)} ({pct(obs)}) are "
            "counted; it rounds to 100% but is not all",
            Reason.ROUNDED_TO_100,
            figures=figs,
            reports=(report,),
            observed=obs,
            expected=share,
        )

    def test(alt: Figure) -> str | None:
        if not is_exact_count(alt) or alt.value <= 0:
            return "not an exact count"
        ratio = Fraction(k) / Fraction(alt.value)
        return None if share.contains(ratio) else f"{q(part)} of it is {pct(ratio)}"

    verdict = judge(tie_of(claim), test=test, unstated=config.inferred_share_status)
    return make_result(
        cid,
        verdict.status,
        f"{said}: 100% is written but {q(part)} of {q(total)} is {pct(obs)}{verdict.note}",
        verdict.reason(Reason.NOT_ALL),
        figures=(*figs, verdict.alternative),
        reports=(report,),
        observed=obs,
        expected=share,
    )


def _near(a: Figure, b: Figure) -> bool:
    if a.section or b.section:
        return a.section == b.section
    return abs(a.start - b.start) < _NEAR


@report_check(
    "share.all_100",
    title="100% next to counts that say not all",
    reasons=(
        Reason.NONE,
        Reason.NOT_ALL,
        Reason.ROUNDED_TO_100,
        Reason.PENDING_COUNT,
        Reason.ALTERNATIVE_FITS,
        Reason.APPROXIMATE_COUNT,
    ),
)
def check_share_all_100(report: Report, config: CheckConfig) -> Iterator[CheckResult]:
    """``share.all_100``: 100% written next to counts that say not all.

    * A share claim of 100% with a printed part and total: PASS when they are equal;
      WARN (``rounded_to_100``) when the part is smaller but rounds to 100%; when it does
      not even round to 100% (``not_all``): FAIL for a STATED binding, else
      ``config.inferred_share_status`` (WARN by default).
    * A 100% completion rate (办结率, 结案率, 答复率 … :data:`lawgov_metrics.vocab.
      COMPLETION_WORDS`) in a section that also counts cases as 未办结 / 正在办理 / 逾期
      (:data:`~lawgov_metrics.vocab.PENDING_WORDS`, more than zero): WARN
      (``pending_count``).

    Examples:
        >>> check_share_all_100([])
        []
    """
    seen: set[tuple[int, int]] = set()
    for claim in report.claims:
        if not isinstance(claim, ShareClaim) or not _is_100(claim.rate):
            continue
        if claim.rate_figure is not None:
            seen.add(claim.rate_figure.span)
        r = _all_100_result(report, claim, config)
        if r is not None:
            yield r
    pending = [
        g
        for g in report.figures
        if g.value > 0 and not is_rate(g) and _PENDING_RE.search(g.subject)
    ]
    if not pending:
        return
    for f in report.figures:
        if f.span in seen or not _is_100(f.quantity) or not _DONE_RE.search(f.subject):
            continue
        near = [g for g in pending if _near(g, f)]
        if near:
            yield make_result(
                "share.all_100",
                Status.WARN,
                f"{f.subject} {q(f)} says all, but the same section counts "
                f"{quotes(near, subjects=True)} as not done",
                Reason.PENDING_COUNT,
                figures=(f, *near),
                reports=(report,),
            )
