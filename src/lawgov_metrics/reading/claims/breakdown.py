"""Breakdown claims from the list frames (:mod:`lawgov_metrics.reading.clauses.lists`).

Examples:
    >>> from lawgov_metrics.reading import extract
    >>> r = extract("本年收到申请62件,上年结转4件,其中自然人55件,法人或其他组织11件。")
    >>> (b,) = r.claims_of("breakdown")
    >>> b.total.kind, b.total.value, [p.value for p in b.parts], b.binding.value
    ('sum', Decimal('66'), [Decimal('55'), Decimal('11')], 'arithmetic')
    >>> [f.quote for f in b.alternatives]
    ['4件', '62件']
"""

from __future__ import annotations

from ...records import BreakdownClaim
from .registry import Context, claim_reader

__all__ = ["read"]


@claim_reader("breakdown")
def read(ctx: Context) -> list[BreakdownClaim]:
    """Breakdowns: a total and its parts (共…其中…, 分别为…, 办结的82件中…)."""
    out: list[BreakdownClaim] = []
    for tie in ctx.relations.breakdowns:
        total = ctx.figure(tie.total.ref)
        if total is None:
            continue
        parts = tuple(ctx.figures[i][-1] for i in tie.parts)
        out.append(
            BreakdownClaim(
                subject=total.subject,
                quote=ctx.quote(tie.span),
                span=tie.span,
                section=ctx.doc.section_at(tie.span[0]),
                total=total,
                parts=parts,
                exhaustive=tie.exhaustive,
                binding=tie.binding,
                completeness=tie.completeness,
                alternatives=ctx.alternatives(tie.total),
            )
        )
    return out
