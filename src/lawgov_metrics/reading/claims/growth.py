"""Growth claims from the change ties (:mod:`lawgov_metrics.reading.clauses.changes`).

Examples:
    >>> from lawgov_metrics.reading import extract
    >>> (g,) = extract("收到行政复议申请786宗,同比增长68.67%。").claims
    >>> g.figure.quote, g.rate.value, g.binding.value
    ('786宗', Decimal('68.67'), 'stated')
"""

from __future__ import annotations

from ...records import GrowthClaim
from .registry import Context, claim_reader

__all__ = ["read"]


@claim_reader("growth")
def read(ctx: Context) -> list[GrowthClaim]:
    """Growth claims: 同比增长68.67%, 增加555件, 增长2倍, 翻一番, 持平."""
    out: list[GrowthClaim] = []
    for tie in ctx.changes.growth:
        current = ctx.figure(tie.current.ref)
        if current is not None:
            subject = current.subject
        elif tie.rate_index is not None:
            subject = ctx.subjects[tie.rate_index].text
        else:
            subject = ""
        out.append(
            GrowthClaim(
                subject=subject,
                quote=ctx.quote(tie.span),
                span=tie.span,
                section=ctx.doc.section_at(tie.span[0]),
                figure=current,
                rate=tie.rate,
                direction=tie.direction,
                rate_figure=ctx.figures[tie.rate_index][0] if tie.rate_index is not None else None,
                basis=ctx.figure(tie.basis),
                form=tie.form,
                difference=tie.difference,
                binding=ctx.binding(tie.current),
                alternatives=ctx.alternatives(tie.current),
            )
        )
    return out
