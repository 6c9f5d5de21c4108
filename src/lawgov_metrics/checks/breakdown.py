"""Breakdown checks: a part larger than its whole, and parts that do not add up."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from .._decimal import dsum
from ..reasons import Reason
from ..records import BreakdownClaim, Figure, Report
from ..results import CheckResult, Status
from ..rounding import Interval
from ..vocab import CARRY_OUT, or_regex, same_unit_family
from ._common import entirely_above, make_result
from ._evidence import completeness_tie, judge, tie_of
from ._format import q, quotes
from .config import CheckConfig
from .registry import report_check

__all__ = ["check_breakdown_part_exceeds_whole", "check_breakdown_sum"]

_CARRY_OUT_RE = re.compile(or_regex(CARRY_OUT))


def _same_units(total: Figure, parts: Sequence[Figure]) -> bool:
    return all(same_unit_family(p.unit, total.unit) for p in parts)


def _sum(parts: Sequence[Figure], config: CheckConfig) -> Interval:
    return sum((config.bounds(p.quantity) for p in parts), Interval.point(0))


@report_check(
    "breakdown.part_exceeds_whole",
    title="a part larger than its whole",
    reasons=(
        Reason.NONE,
        Reason.PART_EXCEEDS_WHOLE,
        Reason.ALTERNATIVE_FITS,
        Reason.APPROXIMATE_VALUES,
        Reason.UNIT_MISMATCH,
    ),
)
def check_breakdown_part_exceeds_whole(
    report: Report, config: CheckConfig
) -> Iterator[CheckResult]:
    """``breakdown.part_exceeds_whole``: a part larger than its whole.

    Qualifiers are respected (``5500余`` is ``[5500, 5600)``); a part in a unit that does
    not count like the total's (件 and 宗 do, 件 and 人 do not) is UNDECIDABLE. A part
    larger than its whole FAILs when the breakdown's binding is STATED (共X件,其中…);
    otherwise it gets ``config.inferred_sum_status`` (WARN by default), or PASS
    (``alternative_fits``) when one of the claim's alternative totals holds the part.

    Examples:
        >>> check_breakdown_part_exceeds_whole([])
        []
    """
    for claim in report.claims:
        if isinstance(claim, BreakdownClaim):
            for part in claim.parts:
                yield _part_result(report, claim, part, config)


def _part_result(
    report: Report, claim: BreakdownClaim, part: Figure, config: CheckConfig
) -> CheckResult:
    cid = "breakdown.part_exceeds_whole"
    total = claim.total
    figs = (total, part)
    if not same_unit_family(part.unit, total.unit):
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"part {q(part)} and whole {q(total)} are in units that do not count alike",
            Reason.UNIT_MISMATCH,
            figures=figs,
            reports=(report,),
        )
    t, p = config.bounds(total.quantity), config.bounds(part.quantity)
    head = f"{part.subject or 'part'} {q(part)} of {total.subject or 'total'} {q(total)}"
    if entirely_above(p, t):

        def test(alt: Figure) -> str | None:
            if not same_unit_family(part.unit, alt.unit):
                return "another unit"
            return "smaller too" if entirely_above(p, config.bounds(alt.quantity)) else None

        verdict = judge(tie_of(claim), test=test, unstated=config.inferred_sum_status)
        return make_result(
            cid,
            verdict.status,
            f"{head}: the part is larger than the whole{verdict.note}",
            verdict.reason(Reason.PART_EXCEEDS_WHOLE),
            figures=(*figs, verdict.alternative),
            reports=(report,),
            expected=t,
        )
    if p.upper is not None and t.lower is not None and p.upper <= t.lower:
        return make_result(
            cid,
            Status.PASS,
            f"{head}: the part fits in the whole",
            figures=figs,
            reports=(report,),
            expected=t,
        )
    return make_result(
        cid,
        Status.UNDECIDABLE,
        f"{head}: the written values are too approximate to compare",
        Reason.APPROXIMATE_VALUES,
        figures=figs,
        reports=(report,),
    )


@report_check(
    "breakdown.sum",
    title="parts that do not add up to their total",
    reasons=(
        Reason.NONE,
        Reason.SUM_MISMATCH,
        Reason.PARTS_EXCEED_TOTAL,
        Reason.CARRY_OVER_LEFT_OUT,
        Reason.ALTERNATIVE_FITS,
        Reason.UNIT_MISMATCH,
    ),
)
def check_breakdown_sum(report: Report, config: CheckConfig) -> Iterator[CheckResult]:
    """``breakdown.sum``: parts that should add up to their total but do not.

    An exhaustive breakdown (``claim.exhaustive``: 分别为, a list with a 其他 part, a 合计
    row) contradicts its total when the sum of its parts cannot equal it
    (``sum_mismatch``); a non-exhaustive one (其中 one item, 包括) only when its parts exceed
    it (``parts_exceed_total``). A part carried over to next year (结转下年度, a
    :data:`~lawgov_metrics.vocab.CARRY_OUT` word in its subject) is not an outcome of the
    year: a list that adds up without it passes (``carry_over_left_out``). Parts above their
    total FAIL when the text ties them to it (``binding`` STATED); parts short of the total
    of an exhaustive list FAIL only when, besides, the text says the list is complete
    (``completeness`` STATED: 分别为, 结果为). Otherwise (the total is only the nearest
    figure, or completeness only follows from a 其他 part or the list's shape) a
    contradiction gets ``config.inferred_sum_status`` (WARN by default), or PASS
    (``alternative_fits``) when the parts add up to one of the claim's alternative totals.

    Examples:
        >>> from decimal import Decimal
        >>> import attrs
        >>> import lawgov_metrics as lm
        >>> def fig(n):
        ...     return lm.Figure(quantity=lm.Quantity(value=Decimal(n), unit="件"), quote=f"{n}件")
        >>> said = lm.BreakdownClaim(total=fig(82), parts=(fig(11), fig(8), fig(48), fig(9)),
        ...                          exhaustive=True)
        >>> [(r.status.value, str(r.reason))
        ...  for r in check_breakdown_sum(lm.Report(text="", claims=[said]))]
        [('fail', 'sum_mismatch')]
        >>> shape = lm.BreakdownClaim(total=fig(82), parts=said.parts, exhaustive=True,
        ...                           binding=lm.Binding.POSITIONAL)
        >>> [r.status.value for r in check_breakdown_sum(lm.Report(text="", claims=[shape]))]
        ['warn']
        >>> other = attrs.evolve(said, completeness=lm.Binding.POSITIONAL)  # …,其他9件
        >>> [r.status.value for r in check_breakdown_sum(lm.Report(text="", claims=[other]))]
        ['warn']
        >>> over = attrs.evolve(other, total=fig(70))  # 76 > 70: a contradiction all the same
        >>> [r.status.value for r in check_breakdown_sum(lm.Report(text="", claims=[over]))]
        ['fail']
    """
    for claim in report.claims:
        if isinstance(claim, BreakdownClaim) and claim.parts:
            yield _sum_result(report, claim, config)


def _sum_result(report: Report, claim: BreakdownClaim, config: CheckConfig) -> CheckResult:
    cid = "breakdown.sum"
    total, parts = claim.total, claim.parts
    figs = (total, *parts)
    if not _same_units(total, parts):
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"the parts of {q(total)} are not all in units that count like {total.unit!r}, so "
            "they cannot be added",
            Reason.UNIT_MISMATCH,
            figures=figs,
            reports=(report,),
        )
    t = config.bounds(total.quantity)
    s = _sum(parts, config)
    plus = " + ".join(p.quote or str(p.value) for p in parts)
    exact_sum = dsum(p.value for p in parts)
    head = f"{total.subject or 'total'} {q(total)} with parts {plus} (= {exact_sum})"

    def result(
        status: Status, message: str, reason: Reason, alt: Figure | None = None
    ) -> CheckResult:
        return make_result(
            cid,
            status,
            message,
            reason,
            figures=(*figs, alt),
            reports=(report,),
            observed=exact_sum,
            expected=t,
        )

    if not claim.exhaustive:
        if not entirely_above(s, t):
            return result(
                Status.PASS,
                f"{head}: the listed parts fit within the total (the list need not be complete)",
                Reason.NONE,
            )

        def fits_within(alt: Figure) -> str | None:
            return "smaller too" if entirely_above(s, config.bounds(alt.quantity)) else None

        verdict = judge(tie_of(claim), test=fits_within, unstated=config.inferred_sum_status)
        return result(
            verdict.status,
            f"{head}: the listed parts exceed the total{verdict.note}",
            verdict.reason(Reason.PARTS_EXCEED_TOTAL),
            verdict.alternative,
        )
    if s.overlaps(t):
        return result(Status.PASS, f"{head}: the parts add up to the total", Reason.NONE)
    carried = [p for p in parts if _CARRY_OUT_RE.search(p.subject)]
    if carried and _sum([p for p in parts if p not in carried], config).overlaps(t):
        return result(
            Status.PASS,
            f"{head}: the parts add up to the total once the carry-over "
            f"{quotes(carried)} is left out",
            Reason.CARRY_OVER_LEFT_OUT,
        )

    def adds_up(alt: Figure) -> str | None:
        return None if s.overlaps(config.bounds(alt.quantity)) else "not their sum either"

    # parts above their total contradict the head alone; parts short of it, the claim
    # that the list is complete as well
    tie = tie_of(claim) if entirely_above(s, t) else completeness_tie(claim)
    verdict = judge(tie, test=adds_up, unstated=config.inferred_sum_status)
    return result(
        verdict.status,
        f"{head}: the parts do not add up to the total{verdict.note}",
        verdict.reason(Reason.SUM_MISMATCH),
        verdict.alternative,
    )
