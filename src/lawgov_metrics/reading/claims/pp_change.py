"""Percentage-point change claims from the change ties.

Examples:
    >>> from lawgov_metrics.reading import extract
    >>> (pp,) = extract("网办率由83.5%提高到96.0%,提高12.5个百分点。").claims_of("pp_change")
    >>> pp.figure.quote, pp.basis.quote, pp.rate.value, pp.binding.value
    ('96.0%', '83.5%', Decimal('12.5'), 'stated')
"""

from __future__ import annotations

from ...records import PPChangeClaim
from .registry import Context, claim_reader

__all__ = ["read"]


@claim_reader("pp_change")
def read(ctx: Context) -> list[PPChangeClaim]:
    """Percentage-point changes: 提高3.2个百分点 (由92.4%提高到95.6%)."""
    out: list[PPChangeClaim] = []
    for tie in ctx.changes.pp:
        current = ctx.figure(tie.current.ref)
        out.append(
            PPChangeClaim(
                subject=current.subject if current else ctx.subjects[tie.rate_index].text,
                quote=ctx.quote(tie.span),
                span=tie.span,
                section=ctx.doc.section_at(tie.span[0]),
                rate=tie.rate,
                rate_figure=ctx.figures[tie.rate_index][0],
                figure=current,
                basis=ctx.figure(tie.basis),
                direction=tie.direction,
                binding=ctx.binding(tie.current),
                alternatives=ctx.alternatives(tie.current),
            )
        )
    return out
