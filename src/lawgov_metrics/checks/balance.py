"""The balance of cases: received + carried in = concluded + carried out = handled."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from ..reasons import Reason
from ..records import BalanceClaim, Figure, Report
from ..results import CheckResult, Status
from ..rounding import Interval
from ..vocab import same_unit_family
from ._common import make_result
from ._evidence import judge, tie_of
from ._format import num, q, show
from .config import CheckConfig
from .registry import report_check

__all__ = ["check_balance_sum"]

#: The terms of a balance: attribute name and how a message names it.
_TERMS = (
    ("received", "received"),
    ("carried_in", "carried in"),
    ("handled", "handled"),
    ("concluded", "concluded"),
    ("carried_out", "carried out"),
)
#: A term the text does not print: some count, zero or more.
_UNKNOWN = Interval(lower=0, upper=None)


def _side(terms: Sequence[Figure | None], config: CheckConfig) -> Interval:
    """The sum of the terms, a missing one standing for any count (zero or more)."""
    total = Interval.point(0)
    for f in terms:
        total = total + (_UNKNOWN if f is None else config.bounds(f.quantity))
    return total


def _sides(claim: BalanceClaim, config: CheckConfig) -> tuple[Interval, Interval, Interval]:
    """``received + carried_in``, ``handled`` and ``concluded + carried_out``."""
    return (
        _side((claim.received, claim.carried_in), config),
        _side((claim.handled,), config),
        _side((claim.concluded, claim.carried_out), config),
    )


def _replaced(claim: BalanceClaim, name: str, fig: Figure) -> BalanceClaim:
    """The balance with ``fig`` as its term ``name``."""
    terms: dict[str, Figure | None] = {n: getattr(claim, n) for n, _ in _TERMS}
    terms[name] = fig
    return BalanceClaim(
        received=terms["received"],
        carried_in=terms["carried_in"],
        handled=terms["handled"],
        concluded=terms["concluded"],
        carried_out=terms["carried_out"],
        binding=claim.binding,
    )


def _holds(claim: BalanceClaim, config: CheckConfig) -> bool:
    inflow, handled, outflow = _sides(claim, config)
    return not (inflow & handled & outflow).is_empty


def _written_side(terms: Sequence[tuple[str, Figure | None]], iv: Interval) -> str:
    printed = [(name, f) for name, f in terms if f is not None]
    words = " + ".join(name for name, _ in printed)
    if not printed:
        return ""
    if len(printed) < len(terms):
        missing = " + ".join(name for name, f in terms if f is None)
        return f"{words} + {missing} (not printed) in {show(iv)}"
    if iv.is_point:
        assert iv.lower is not None
        return f"{words} = {num(iv.lower)}"
    return f"{words} in {show(iv)}"


def _mismatches(claim: BalanceClaim, config: CheckConfig) -> list[str]:
    """The identities that fail, in words."""
    inflow, handled, outflow = _sides(claim, config)
    named = {
        "in": ([("received", claim.received), ("carried in", claim.carried_in)], inflow),
        "handled": ([("handled", claim.handled)], handled),
        "out": ([("concluded", claim.concluded), ("carried out", claim.carried_out)], outflow),
    }
    bad = []
    for a, b in (("in", "out"), ("handled", "in"), ("handled", "out")):
        (ta, ia), (tb, ib) = named[a], named[b]
        printed = all(any(f is not None for _, f in t) for t in (ta, tb))
        if printed and not ia.overlaps(ib):
            bad.append(f"{_written_side(ta, ia)} but {_written_side(tb, ib)}")
    return bad


@report_check(
    "balance.sum",
    title="new + carried-in cases that are not concluded + carried-out",
    reasons=(
        Reason.NONE,
        Reason.BALANCE_MISMATCH,
        Reason.ALTERNATIVE_FITS,
        Reason.BALANCE_INCOMPLETE,
        Reason.UNIT_MISMATCH,
    ),
)
def check_balance_sum(report: Report, config: CheckConfig) -> Iterator[CheckResult]:
    """``balance.sum``: a balance of cases that does not balance.

    A :class:`~lawgov_metrics.BalanceClaim` (收到/新收/受理 + 上年结转 = 办结 + 结转下年/正在办理)
    states ``received + carried_in = concluded + carried_out``, and, where a handled total
    is printed (办理申请152件(含上年结转6件)), ``handled = received + carried_in``. Terms the
    text does not print are any count of zero or more, so what can be checked is checked
    (received 870 with concluded 880 and carried out 15, no carry-in printed: 870 ≤ 895).
    A balance that does not hold is contradicted (``balance_mismatch``): FAIL when its
    binding is STATED, else WARN, or PASS (``alternative_fits``) when one of the claim's
    alternatives, put in place of a term, makes it balance; a balance that is not STATED
    never FAILs. UNDECIDABLE when fewer than two of the three sides (received + carried
    in, handled, concluded + carried out) are printed (``balance_incomplete``), or the
    terms are in units that do not count alike. The message names every term with its
    quote and value.

    Examples:
        >>> from decimal import Decimal
        >>> import lawgov_metrics as lm
        >>> def fig(n):
        ...     return lm.Figure(quantity=lm.Quantity(value=Decimal(n), unit="件"), quote=f"{n}件")
        >>> ok = lm.BalanceClaim(received=fig(870), carried_in=fig(25), concluded=fig(880),
        ...                      carried_out=fig(15))
        >>> [r.status.value for r in check_balance_sum(lm.Report(text="", claims=[ok]))]
        ['pass']
        >>> bad = lm.BalanceClaim(received=fig(870), carried_in=fig(25), concluded=fig(880),
        ...                       carried_out=fig(16))
        >>> [(r.status.value, str(r.reason)) for r in check_balance_sum(lm.Report(text="",
        ...                                                                   claims=[bad]))]
        [('fail', 'balance_mismatch')]
    """
    for claim in report.claims:
        if isinstance(claim, BalanceClaim):
            yield _balance_result(report, claim, config)


def _balance_result(report: Report, claim: BalanceClaim, config: CheckConfig) -> CheckResult:
    cid = "balance.sum"
    figs = claim.figures
    terms = ", ".join(
        f"{word} {q(f)} ({f.value})" if f is not None else f"{word} not printed"
        for name, word in _TERMS
        for f in (getattr(claim, name),)
    )
    if any(not same_unit_family(f.unit, figs[0].unit) for f in figs):
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"the balance's terms are in units that do not count alike: {terms}",
            Reason.UNIT_MISMATCH,
            figures=figs,
            reports=(report,),
        )
    printed_sides = sum(
        any(getattr(claim, name) is not None for name in side)
        for side in (("received", "carried_in"), ("handled",), ("concluded", "carried_out"))
    )
    if printed_sides < 2:
        return make_result(
            cid,
            Status.UNDECIDABLE,
            f"too few terms of the balance are printed to check it: {terms}",
            Reason.BALANCE_INCOMPLETE,
            figures=figs,
            reports=(report,),
        )
    inflow, _, outflow = _sides(claim, config)
    observed = inflow.lower if inflow.is_point else None
    if _holds(claim, config):
        return make_result(
            cid,
            Status.PASS,
            f"{terms}: the balance holds",
            figures=figs,
            reports=(report,),
            observed=observed,
            expected=outflow,
        )

    def test(alt: Figure) -> str | None:
        for name, _ in _TERMS:
            f = getattr(claim, name)
            if (
                f is not None
                and same_unit_family(alt.unit, f.unit)
                and _holds(_replaced(claim, name, alt), config)
            ):
                return None
        return "does not balance in place of any term"

    verdict = judge(tie_of(claim), test=test)
    return make_result(
        cid,
        verdict.status,
        f"{terms}: the balance does not hold, {'; '.join(_mismatches(claim, config))}"
        f"{verdict.note}",
        verdict.reason(Reason.BALANCE_MISMATCH),
        figures=(*figs, verdict.alternative),
        reports=(report,),
        observed=observed,
        expected=outflow,
    )
