"""The FAIL rule: how sure a reading is decides what a contradiction means.

A relation check (a breakdown's sum, a share's GRIM test, a growth's implied prior …)
first tests the figures the reading tied together. When they contradict each other:

* STATED: the text's structure left no choice (共X件,其中…; a rate in the clause of its
  count): FAIL, and the message says what made the reading certain;
* ARITHMETIC: the figures were chosen because their numbers fit; if they do not, the
  reading is in doubt: WARN (or the configured status);
* POSITIONAL: the nearest plausible figure was taken. Each of the claim's
  ``alternatives`` is tried in its place: when one makes the relation hold, PASS (reason
  ``alternative_fits``) with a message saying so; when none does, WARN (or the configured
  status) naming the candidates tried and why each fails.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import NamedTuple

from ..reasons import Reason
from ..records import (
    BalanceClaim,
    Binding,
    BreakdownClaim,
    Claim,
    Figure,
    GrowthClaim,
    PPChangeClaim,
    ShareClaim,
)
from ..results import Status
from ._format import cq, q

__all__ = ["Judgement", "Tie", "completeness_tie", "judge", "tie_of"]

RelationClaim = GrowthClaim | ShareClaim | PPChangeClaim | BreakdownClaim | BalanceClaim

#: A test of the relation with one alternative figure: ``None`` when it holds, else why not.
AlternativeTest = Callable[[Figure], str | None]


class Tie(NamedTuple):
    """How the figures of a relation were tied: the binding and what shows it.

    Attributes:
        binding: STATED, POSITIONAL or ARITHMETIC.
        evidence: What made a STATED reading certain, for the message.
        doubt: What was only inferred in a reading that is not STATED.
        alternatives: The other candidates the reading considered.
    """

    binding: Binding
    evidence: str
    doubt: str
    alternatives: tuple[Figure, ...] = ()


def _evidence(claim: Claim) -> str:
    said = f"“{cq(claim)}”" if claim.quote else "the claim's own structure"
    if isinstance(claim, ShareClaim):
        if claim.total is None and claim.part is not None:
            return f"the rate is in the clause of the count it is a share of the whole of, {said}"
        return f"the rate is in the clause of its count, {said}"
    if isinstance(claim, GrowthClaim):
        if claim.basis is not None:
            return f"the text prints the prior with the rate, {said}"
        return f"the rate is in the clause of its figure, {said}"
    if isinstance(claim, PPChangeClaim):
        if claim.basis is not None:
            return f"the text prints both rates with the change, {said}"
        return f"the change is in the clause of its rate, {said}"
    if isinstance(claim, BreakdownClaim):
        if claim.exhaustive:
            return f"the text says the parts make up the total, {said}"
        return f"the text lists them as parts of the total, {said}"
    if isinstance(claim, BalanceClaim):
        return f"the text states the balance, {said}"
    return said


def _doubt(claim: Claim) -> str:
    if isinstance(claim, ShareClaim):
        return "the count was tied to the rate by position only"
    if isinstance(claim, GrowthClaim):
        return "the figure was tied to the rate by position only"
    if isinstance(claim, PPChangeClaim):
        return "the rates were tied to the change by position only"
    if isinstance(claim, BreakdownClaim) and claim.exhaustive:
        return "the total, or that the list is complete, was only inferred"
    if isinstance(claim, BreakdownClaim):
        return "the parts were tied to the total by position only"
    return "the terms were tied by position only"


def tie_of(claim: RelationClaim, *, also: RelationClaim | None = None) -> Tie:
    """The tie of ``claim``; with ``also``, a reading resting on both claims (STATED only
    when both are)."""
    binding, evidence, doubt = claim.binding, _evidence(claim), _doubt(claim)
    if also is not None:
        if also.binding is not Binding.STATED and binding is Binding.STATED:
            binding, doubt = also.binding, _doubt(also)
        evidence = f"{evidence}; and {_evidence(also)}"
    return Tie(binding, evidence, doubt, tuple(claim.alternatives))


def completeness_tie(claim: BreakdownClaim) -> Tie:
    """The tie of an exhaustive list's claim that its parts are the whole: STATED only when
    both the total and the completeness are (分别为, 结果为); parts that fall short of the
    total contradict nothing more certain than that.

    Examples:
        >>> from decimal import Decimal
        >>> import lawgov_metrics as lm
        >>> f = lm.Figure(quantity=lm.Quantity(value=Decimal(3), unit="条"))
        >>> other = lm.BreakdownClaim(total=f, parts=(f,), exhaustive=True,
        ...                           completeness="positional")
        >>> completeness_tie(other).binding
        <Binding.POSITIONAL: 'positional'>
    """
    tie = tie_of(claim)
    if tie.binding is not Binding.STATED or claim.completeness is Binding.STATED:
        return tie
    return Tie(
        claim.completeness,
        tie.evidence,
        "that the list is complete was only inferred (from a 其他 part, the list's shape, "
        "or with a part of another unit left out)",
        tie.alternatives,
    )


class Judgement(NamedTuple):
    """What a contradiction comes to.

    Attributes:
        status: FAIL, WARN (or the configured status), or PASS when an alternative fits.
        note: The sentence to add to the message (starting with "; ").
        alternative: The alternative with which the relation holds, if one does.
    """

    status: Status
    note: str
    alternative: Figure | None = None

    def reason(self, contradiction: Reason) -> Reason:
        """``alternative_fits`` when an alternative fits, else ``contradiction``."""
        return Reason.ALTERNATIVE_FITS if self.alternative is not None else contradiction


def judge(
    tie: Tie,
    *,
    test: AlternativeTest | None = None,
    unstated: Status = Status.WARN,
) -> Judgement:
    """The status of figures that contradict the relation they were read to have.

    Args:
        tie: How they were tied (:func:`tie_of`).
        test: Tests the relation with an alternative figure in place of the chosen one
            (``None`` when it holds, else a short reason). Only POSITIONAL ties try them.
        unstated: The status of a contradiction when the tie is not STATED.

    Returns:
        The judgement: FAIL for a STATED tie; PASS with the alternative when one fits;
        else ``unstated`` with a note naming what was tried.
    """
    if tie.binding is Binding.STATED:
        return Judgement(Status.FAIL, f"; the reading is certain: {tie.evidence}")
    if tie.binding is Binding.ARITHMETIC:
        return Judgement(
            unstated,
            "; the figures were tied because their numbers fit, yet as written they do not, "
            "so the reading is in doubt",
        )
    tried: list[str] = []
    if test is not None:
        for alt in tie.alternatives:
            why = test(alt)
            if why is None:
                return Judgement(
                    Status.PASS,
                    f"; but {tie.doubt}, and read with {q(alt)} "
                    f"({alt.subject or 'another figure'}), which the reading also "
                    "considered, the relation holds",
                    alt,
                )
            tried.append(f"{q(alt)} ({why})")
    return Judgement(unstated, f"; {tie.doubt}" + _tried(tried))


def _tried(tried: Sequence[str]) -> str:
    if not tried:
        return ", and no other candidate was considered"
    return f"; the other candidates considered do not fit either: {'; '.join(tried)}"
