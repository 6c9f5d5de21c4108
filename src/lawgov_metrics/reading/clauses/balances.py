"""Balances: received + carried in = concluded + carried out.

Within a sentence (up to 。, across ;) each count is a term of the balance of cases by the
words of its clause (:mod:`lawgov_metrics.vocab`):

* *carried in*: 上年结转, 结转上年度, 上年度未办结 …, also in brackets (含上年结转6件,
  未包含上年结转25件) and after 包括;
* *carried out*: 结转下年, 结转下年度继续办理, 正在办理 …;
* *concluded*: 办结, 已办结, 审结, 答复 …;
* *received*: 收到, 受理, 新收 … (this year's intake);
* *handled*: a 办理 count that includes the carried-in one (办理申请152件(含上年结转6件),
  办理申请310件,包括上年结转12件): received + carried in.

A :class:`BalanceTie` is read where a carry-over term stands with at least two other terms,
or where a handled count includes a carry-over one (办理310件,包括上年结转12件; 办理1078件,
其中结转下年度继续办理36件). Each term takes its first candidate;
the evidence is STATED when every term had one candidate, ARITHMETIC when another
combination of the candidates is the one that balances, POSITIONAL otherwise.

Examples:
    >>> from lawgov_metrics.reading.document import Document
    >>> from lawgov_metrics.reading.figures import scan
    >>> doc = Document.build("受理申请870件(未包含上年结转25件),其中已办结880件,结转下年15件。")
    >>> (b,) = read_balances(doc, scan(doc), {})
    >>> b.received, b.carried_in, b.concluded, b.carried_out, b.binding.value
    (0, 1, 2, 3, 'stated')
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Final

import attrs

from ... import vocab
from ...records import Binding, Qualifier
from ..document import Document
from ..figures import Candidate
from .lists import CARRY_IN_RE, CARRY_OUT_RE, INTAKE_RE

__all__ = ["TERMS", "BalanceTie", "read_balances"]

#: The balance's terms, in the order of :class:`~lawgov_metrics.BalanceClaim`'s fields.
TERMS: Final = ("received", "carried_in", "handled", "concluded", "carried_out")
_OUTCOME_RE: Final = re.compile(vocab.or_regex(vocab.OUTCOME_VERBS))
_HANDLED_RE: Final = re.compile(vocab.or_regex(vocab.HANDLED_VERBS))


def _markers(*promises: vocab.ListPromise) -> str:
    return vocab.or_regex(w for w, p in vocab.LIST_MARKERS.items() if p in promises)


#: A carry-over counted inside the count before it: (含…), 包括…, 其中….
_INCLUDED_RE: Final = re.compile(
    rf"[(（]\s?{_markers(vocab.ListPromise.INCLUDED, vocab.ListPromise.SUBSET)}"
    rf"|{_markers(vocab.ListPromise.SUBSET, vocab.ListPromise.PARTIAL)}"
)
#: A carry-over outside the count before it: (未包含…), (不含…).
_EXCLUDED_RE: Final = re.compile(rf"[(（]\s?{_markers(vocab.ListPromise.EXCLUDED)}")
_NOT_A_TERM_RE: Final = re.compile(vocab.or_regex(vocab.REFUSAL_WORDS) + "|率")
_MAX_PER_TERM: Final = 3


@attrs.frozen(kw_only=True)
class BalanceTie:
    """A balance as read: each term a candidate index or ``None``.

    Attributes:
        span: From the first to the last term.
        received: This year's intake.
        carried_in: Carried in from last year.
        handled: A printed ``received + carried_in``.
        concluded: Concluded this year.
        carried_out: Carried to next year or still open.
        binding: The evidence for the reading.
        alternatives: Other candidates that were considered for a term.
    """

    span: tuple[int, int]
    received: int | None = None
    carried_in: int | None = None
    handled: int | None = None
    concluded: int | None = None
    carried_out: int | None = None
    binding: Binding = Binding.STATED
    alternatives: tuple[int, ...] = ()


def _term(doc: Document, c: Candidate, prev_end: int) -> str | None:
    """The balance term ``c`` is by the words of its clause, or ``None``."""
    words = doc.words(max(doc.clause_start(c.start), prev_end), c.start)
    if _NOT_A_TERM_RE.search(words):
        return None
    if CARRY_IN_RE.search(words):
        return "carried_in"
    if CARRY_OUT_RE.search(words):
        return "carried_out"
    if _OUTCOME_RE.search(words):
        return "concluded"
    if INTAKE_RE.search(words):
        return "received"
    if _HANDLED_RE.search(words):
        return "handled"
    return None


def _value(c: Candidate) -> Fraction | None:
    q = c.quantity
    if q.qualifier is not Qualifier.EXACT or q.rounded:
        return None
    return Fraction(q.value)


def _balances(terms: Mapping[str, Candidate]) -> bool | None:
    """Whether the terms balance (``None`` when nothing can be tested)."""
    v = {k: _value(c) for k, c in terms.items()}
    if any(x is None for x in v.values()):
        return None
    r, ci, h, d, o = (v.get(k) for k in TERMS)
    checks: list[bool] = []
    if r is not None and ci is not None and d is not None and o is not None:
        checks.append(r + ci == d + o)
    if h is not None and d is not None and o is not None:
        checks.append(h == d + o)
    if h is not None and r is not None and ci is not None:
        checks.append(h == r + ci)
    if h is not None and ci is not None:
        checks.append(ci <= h)
    return all(checks) if checks else None


def read_balances(
    doc: Document, cands: Sequence[Candidate], roles: Mapping[int, str]
) -> list[BalanceTie]:
    """Read every balance of ``doc`` (see the module docstring)."""
    out: list[BalanceTie] = []
    starts = [c.start for c in cands]
    done_until = -1
    for c in cands:
        if c.start < done_until or c.kind != "count":
            continue
        words = doc.words(doc.clause_start(c.start), c.start)
        if "结" not in words and "转" not in words and "办" not in words:
            continue  # every carry-over word holds one of them
        if not (CARRY_IN_RE.search(words) or CARRY_OUT_RE.search(words)):
            continue
        pa, pb = doc.period_bounds(c.start)
        done_until = pb
        tie = _read_one(doc, cands, roles, bisect.bisect_left(starts, pa), pb)
        if tie is not None:
            out.append(tie)
    return out


def _read_one(
    doc: Document,
    cands: Sequence[Candidate],
    roles: Mapping[int, str],
    k: int,
    pb: int,
) -> BalanceTie | None:
    found: dict[str, list[Candidate]] = {}
    prev_end = 0
    included_carry = False
    for j in range(k, len(cands)):
        p = cands[j]
        if p.start >= pb:
            break
        if p.kind != "count" or roles.get(p.index) is not None:
            prev_end = p.end
            continue
        term = _term(doc, p, prev_end)
        gap = doc.words(prev_end, p.start) if prev_end else ""
        if term == "carried_in" and prev_end and _EXCLUDED_RE.search(gap):
            pass  # 受理870件(未包含上年结转25件): received excludes it
        elif term in ("carried_in", "carried_out") and prev_end and _INCLUDED_RE.search(gap):
            included_carry = True
            before = found.get("received")
            if before and before[-1].end == prev_end:
                # 办理152件(含上年结转6件): the count before is the handled total
                found.setdefault("handled", []).insert(0, before.pop())
                if not before:
                    del found["received"]
        if term is not None and len(found.get(term, ())) < _MAX_PER_TERM:
            found.setdefault(term, []).append(p)
        prev_end = p.end
    has_carry = "carried_in" in found or "carried_out" in found
    if not has_carry:
        return None
    if len(found) < 3 and not ("handled" in found and included_carry):
        return None
    first = {t: cs[0] for t, cs in found.items()}
    binding = Binding.STATED if all(len(cs) == 1 for cs in found.values()) else Binding.POSITIONAL
    if binding is not Binding.STATED and _balances(first) is not True:
        for combo in itertools.product(*found.values()):
            picked = dict(zip(found, combo, strict=True))
            if _balances(picked) is True:
                first, binding = picked, Binding.ARITHMETIC
                break
    chosen = {c.index for c in first.values()}
    alternatives = tuple(c.index for cs in found.values() for c in cs if c.index not in chosen)
    used = list(first.values())
    return BalanceTie(
        span=(min(c.start for c in used), max(c.end for c in used)),
        binding=binding,
        alternatives=alternatives,
        **{t: first[t].index for t in first},
    )
