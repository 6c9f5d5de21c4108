"""Balance claims from the balance ties (:mod:`lawgov_metrics.reading.clauses.balances`).

Examples:
    >>> from lawgov_metrics.reading import extract
    >>> r = extract("全年受理申请452件,结转上年9件,按时办结454件,结转下年继续办理7件。")
    >>> (b,) = r.claims_of("balance")
    >>> b.received.value, b.carried_in.value, b.concluded.value, b.carried_out.value
    (Decimal('452'), Decimal('9'), Decimal('454'), Decimal('7'))
"""

from __future__ import annotations

from ...records import BalanceClaim
from .registry import Context, claim_reader

__all__ = ["read"]


@claim_reader("balance")
def read(ctx: Context) -> list[BalanceClaim]:
    """Balances: received + carried in = concluded + carried out."""
    out: list[BalanceClaim] = []
    for tie in ctx.relations.balances:
        head = ctx.figure(tie.received if tie.received is not None else tie.handled)
        out.append(
            BalanceClaim(
                subject=head.subject if head is not None else "",
                quote=ctx.quote(tie.span),
                span=tie.span,
                section=ctx.doc.section_at(tie.span[0]),
                received=ctx.figure(tie.received),
                carried_in=ctx.figure(tie.carried_in),
                handled=ctx.figure(tie.handled),
                concluded=ctx.figure(tie.concluded),
                carried_out=ctx.figure(tie.carried_out),
                binding=tie.binding,
                alternatives=tuple(ctx.figures[i][-1] for i in tie.alternatives),
            )
        )
    return out
