"""Clauses: the one place where figures are tied to each other.

A sentence is split into clauses (:class:`~lawgov_metrics.reading.document.Document`); a list
marker opens a *frame* (marker, head, items); a rate, a growth and a balance bind the figures
around them. Every tie is made here, by the rules of its module, and returned as a value
with the evidence it was made on (:class:`~lawgov_metrics.Binding`):

* :mod:`.changes`: a growth binds its current figure (and a printed prior), a pp change its
  rate; priors and differences get a role that keeps them out of later ties;
* :mod:`.lists`: a list binds its total (:class:`.lists.Frame`);
* :mod:`.balances`: received + carried in = concluded + carried out;
* :mod:`.rates`: a rate binds its base (and its part);
* :mod:`.resolve`: how one candidate is chosen among several, with the numbers as
  evidence.

The claim readers (:mod:`lawgov_metrics.reading.claims`) only turn these ties into records.

Examples:
    >>> from lawgov_metrics.reading.document import Document
    >>> from lawgov_metrics.reading.figures import scan
    >>> from lawgov_metrics.reading.subjects import own_subjects
    >>> doc = Document.build("共收到申请733件,其中予以公开238件,部分公开33件,其他处理76件。")
    >>> cands = scan(doc)
    >>> rel = read_relations(doc, cands, own_subjects(doc, cands), {})
    >>> [(b.total.ref, b.parts, b.exhaustive, b.binding.value) for b in rel.breakdowns]
    [(0, (1, 2, 3), True, 'stated')]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from ..document import Document
from ..figures import Candidate
from ..subjects import Subject
from .balances import BalanceTie, read_balances
from .changes import Changes, GrowthTie, PPTie, read_changes
from .lists import BreakdownTie, read_lists
from .rates import ShareTie, read_rates
from .resolve import Choice, Sum

__all__ = [
    "BalanceTie",
    "BreakdownTie",
    "Changes",
    "Choice",
    "GrowthTie",
    "PPTie",
    "Relations",
    "ShareTie",
    "Sum",
    "read_changes",
    "read_relations",
]


@attrs.frozen(kw_only=True)
class Relations:
    """The lists, balances and shares of a document, as read."""

    breakdowns: tuple[BreakdownTie, ...] = ()
    balances: tuple[BalanceTie, ...] = ()
    shares: tuple[ShareTie, ...] = ()


def read_relations(
    doc: Document,
    cands: Sequence[Candidate],
    subjects: Sequence[Subject],
    roles: Mapping[int, str],
) -> Relations:
    """Read the lists, balances and rates of ``doc`` (after its changes: ``roles``)."""
    texts = [s.text for s in subjects]
    balances = read_balances(doc, cands, roles)
    term_of: dict[int, int] = {}  # candidate -> the balance it is a term of
    for k, bal in enumerate(balances):
        for t in (bal.received, bal.carried_in, bal.handled, bal.concluded, bal.carried_out):
            if t is not None:
                term_of[t] = k
    breakdowns = [b for b in read_lists(doc, cands, texts, roles) if not _of_balance(b, term_of)]
    part_of: dict[int, BreakdownTie] = {}
    for b in breakdowns:
        for i in b.parts:
            part_of.setdefault(i, b)
    return Relations(
        breakdowns=tuple(breakdowns),
        balances=tuple(balances),
        shares=tuple(read_rates(doc, cands, subjects, roles, part_of)),
    )


def _of_balance(b: BreakdownTie, term_of: Mapping[int, int]) -> bool:
    """Whether ``b`` ties two terms of one balance (a balance is never a breakdown of one of
    its terms: 受理560件(未包含上年结转18件),其中已办结570件 lists no part of the 560)."""
    if not isinstance(b.total.ref, int) or b.total.ref not in term_of:
        return False
    k = term_of[b.total.ref]
    return any(term_of.get(p) == k for p in b.parts)
