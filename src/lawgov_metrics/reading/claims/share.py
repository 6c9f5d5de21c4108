"""Share claims from the rate ties (:mod:`lawgov_metrics.reading.clauses.rates`).

A rate listed with others (参加率、及格率达到100%) gives one claim per subject.

Examples:
    >>> from lawgov_metrics.reading import extract
    >>> (s,) = extract("调解矛盾纠纷1497宗,成功率达98.73%。").claims_of("share")
    >>> s.total.quote, s.rate.value, s.binding.value
    ('1497宗', Decimal('98.73'), 'stated')
"""

from __future__ import annotations

from ...records import ShareClaim
from .registry import Context, claim_reader

__all__ = ["read"]


@claim_reader("share")
def read(ctx: Context) -> list[ShareClaim]:
    """Shares: a rate of a count (成功率达98.73%, 占比25%)."""
    out: list[ShareClaim] = []
    for tie in ctx.relations.shares:
        rate = ctx.cands[tie.rate_index].quantity
        total = ctx.figure(tie.total.ref)
        part = ctx.figure(tie.part)
        for fig in ctx.figures[tie.rate_index]:
            out.append(
                ShareClaim(
                    subject=fig.subject,
                    quote=ctx.quote(tie.span),
                    span=tie.span,
                    section=ctx.doc.section_at(tie.span[0]),
                    rate=rate,
                    rate_figure=fig,
                    total=total,
                    part=part,
                    # a part whose whole is not printed carries the part's own tie
                    binding=tie.total.binding if tie.part is not None else ctx.binding(tie.total),
                    alternatives=ctx.alternatives(tie.total),
                )
            )
    return out
