"""Rates: which count a rate is a share of, and which count is its part.

A rate (调解成功率98.73%, 占比25%) binds the count before it in its sentence (in its
一是/二是 item for a 占比 or a rate whose stem the count's words name):

* the count is the rate's **part** when the rate is written 占… or the count's words name
  the rate's stem (调解成功72件 / 调解成功率; 纠错236件 / 纠错率); its **total** is then the
  total of the list the part is listed in, else the nearest larger count with total words
  (共, 收到, 受理, 办结 …) before it. Another part of the same list (a count with its own
  占比) is never the total: 优秀15卷,占比25%;良好30卷,占比50% are both shares of the list's
  total;
* otherwise the count is the rate's **total** when the rate is short (办结率), overlaps the
  count's noun, or is an outcome rate of a handled count (办理工单3600件,按期办结率99.6%);
  but a rate after a list's last part (受理480件,其中…30件,办结率97.5%) is a share of the
  list's total;
* a 占比 with a noun of its own that is not the count's (诉讼案件占比84%) is the share of a
  part the text does not print: it binds no part.

Evidence: STATED for a rate in the clause after its count (调解矛盾纠纷1497宗,成功率达
98.73%) or a part and total that are the only candidates in their sentence; otherwise the
candidates (the list's total, the count before, a handled total) are scored by
:func:`~lawgov_metrics.reading.clauses.resolve.share_fit`: ARITHMETIC for the only one the
numbers fit, POSITIONAL else.

Examples:
    >>> from lawgov_metrics.reading.document import Document
    >>> from lawgov_metrics.reading.figures import scan
    >>> from lawgov_metrics.reading.subjects import own_subjects
    >>> doc = Document.build("调解矛盾纠纷1497宗,成功率达98.73%。")
    >>> cands = scan(doc)
    >>> subjects = own_subjects(doc, cands)
    >>> (tie,) = read_rates(doc, cands, subjects, {}, {})
    >>> tie.total.ref, tie.part, tie.total.binding.value
    (0, None, 'stated')
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from typing import Final

import attrs

from ... import vocab
from ...records import Binding
from ..document import Document
from ..figures import Candidate
from ..subjects import Subject, strip_subject
from .changes import same_noun
from .lists import INTAKE_RE, BreakdownTie
from .resolve import Choice, Ref, resolve, share_fit

__all__ = ["ShareTie", "read_rates"]

_ZHAN_RE: Final = re.compile(
    r"占(?P<base>[^,，。;；:：0-9%]{1,8}?的)?"
    + vocab.or_regex(w[1:] for w in vocab.SHARE_WORDS if len(w) > 1)
    + r"?(?:的)?(?:为|达|约为?)?\s?$"
)
_ZHAN_START_RE: Final = re.compile(r"(?:约)?占")
_HANDLING_RE: Final = re.compile(vocab.or_regex(vocab.HANDLING_VERBS))
_TOTAL_WORDS: Final = tuple(vocab.TOTAL_WORDS)
_FIND_TOTAL_REACH: Final = 600
_MAX_TOTALS: Final = 4


@attrs.frozen(kw_only=True)
class ShareTie:
    """A share as read.

    Attributes:
        span: The claim's quote.
        rate_index: The candidate of the rate.
        total: The count the rate is a share of, and the evidence for it.
        part: The count of the rate's numerator, when printed.
    """

    span: tuple[int, int]
    rate_index: int
    total: Choice
    part: int | None = None


def _overlap(stem: str, ctx: str) -> bool:
    stem = stem.removesuffix("率")
    return any(stem[k : k + 2] in ctx for k in range(len(stem) - 1))


def _count_names_part(stem: str, ctx: str) -> bool:
    """Whether the words before a count name the rate's numerator (调解成功4470件 / 调解成功率).

    The whole stem of the rate in the count's clause names it (纠错案件236件 / 纠错率), and
    so do the outcomes the stem counts (纠正…行为2629件 / 纠错率:
    :data:`~lawgov_metrics.vocab.RATE_NUMERATOR_WORDS`). Its last two characters do too
    (以调解方式结案170件 / 调解率), unless a population noun follows them there (行政应诉案件
    / 出庭应诉率: the cases are the whole, not the part).

    Examples:
        >>> _count_names_part("纠错", "纠正违法或不当行政行为")
        True
        >>> _count_names_part("出庭应诉", "行政应诉案件")
        False
    """
    if len(stem) < 2:
        return False
    if stem in ctx or any(w in ctx for w in vocab.RATE_NUMERATOR_WORDS.get(stem[-2:], ())):
        return True
    tail = stem[-2:]
    i = ctx.find(tail)
    while i >= 0:
        if not ctx.startswith(vocab.POPULATION_NOUNS, i + 2):
            return True
        i = ctx.find(tail, i + 1)
    return False


def _handled_total(stem: str, ctx: str) -> bool:
    """Whether a rate of an outcome (按期办结率) is a share of the handled count before it.

    Examples:
        >>> _handled_total("按期办结", "办理市民热线工单约3600件")
        True
        >>> _handled_total("参学", "学法4期")
        False
    """
    return stem.endswith(vocab.OUTCOME_STEMS) and _HANDLING_RE.search(ctx) is not None


class _Rates:
    def __init__(
        self,
        doc: Document,
        cands: Sequence[Candidate],
        subjects: Sequence[Subject],
        roles: Mapping[int, str],
        part_of: Mapping[int, BreakdownTie],
    ) -> None:
        self.doc = doc
        self.cands = cands
        self.subjects = subjects
        self.roles = roles
        self.part_of = part_of
        self.starts = [c.start for c in cands]
        # counts followed by their own 占 share: parts, never another part's total
        self.shared: set[int] = set()
        for i, c in enumerate(cands):
            if (
                c.kind == "rate"
                and i > 0
                and _ZHAN_RE.search(doc.norm, max(0, c.start - 10), c.start)
            ):
                p = cands[i - 1]
                if p.kind == "count" and not doc.has_sentence_end(p.end, c.start):
                    self.shared.add(p.index)

    def clause_words(self, p: Candidate) -> str:
        return self.doc.words(self.doc.clause_start(p.start), p.end)

    def phrase_words(self, p: Candidate) -> str:
        """The words of ``p``'s phrase (:meth:`Document.phrase_start`): the phrase that may
        name a rate's numerator (以调解、和解等方式结案170件 names 调解)."""
        return self.doc.words(self.doc.phrase_start(p.start), p.end)

    def is_countable(self, p: Candidate) -> bool:
        return p.kind == "count" and self.roles.get(p.index) != "difference"

    def totals_for_part(self, part: Candidate, item: int, sa: int) -> list[Candidate]:
        """Counts before ``part`` that may be its total, the likeliest first: those of the
        rate's sentence (``sa`` on) before those further back, and among each, those
        whose words make them a total (共, 收到, 办结 …) first."""
        lo = max(0, part.start - _FIND_TOTAL_REACH, item)
        near: list[Candidate] = []
        worded: list[Candidate] = []
        plain: list[Candidate] = []
        for j in range(part.index - 1, -1, -1):
            p = self.cands[j]
            if p.start < lo or len(worded) + len(plain) >= 2 * _MAX_TOTALS:
                break
            if not self.is_countable(p) or p.quantity.unit != part.quantity.unit:
                continue
            if p.quantity.value < part.quantity.value:
                continue
            if p.index in self.shared and part.index in self.shared:
                continue  # 优秀15卷,占比25%;良好30卷,占比50%: another part of the same list
            ctx = self.doc.words(self.doc.clause_start(p.start), p.start)
            if any(w in ctx for w in _TOTAL_WORDS) or "中" in self.doc.norm[p.end : p.end + 2]:
                (near if p.start >= sa else worded).append(p)
            elif p.start >= sa:
                near.append(p)
            else:
                plain.append(p)
        return (near + worded + plain)[:_MAX_TOTALS]

    def read(self) -> list[ShareTie]:
        out: list[ShareTie] = []
        for c in self.cands:
            if c.kind != "rate" or c.quantity.unit not in (*vocab.RATE_UNITS, ""):
                continue
            if self.roles.get(c.index) == "basis":
                continue
            tie = self._one(c)
            if tie is not None:
                out.append(tie)
        return out

    def _prev(self, c: Candidate, sa: int, item: int, zhan: bool, stem0: str) -> Candidate | None:
        for j in range(c.index - 1, -1, -1):
            p = self.cands[j]
            if p.start < item:
                return None
            if not self.is_countable(p):
                continue
            if p.start >= sa or zhan:
                return p
            # no count in the rate's own sentence: a count in the same item whose words
            # name the rate (调解和解52件 … 调解和解率13.1%)
            if len(stem0) == 2 and stem0 in self.doc.words(self.doc.clause_start(p.start), p.end):
                return p
        return None

    def _one(self, c: Candidate) -> ShareTie | None:
        doc, norm = self.doc, self.doc.norm
        sa, _ = doc.sentence_bounds(c.start)
        item = doc.item_start(c.start)
        zm = _ZHAN_RE.search(norm, max(0, c.start - 14), c.start)
        zhan = zm is not None
        # 占已办结的50%: the words between 占 and 的 name the base
        base = zm.group("base")[:-1] if zm is not None and zm.group("base") else ""
        subj = self.subjects[c.index]
        first = subj.listed[0] if subj.listed else subj.text
        prev = self._prev(c, sa, item, zhan, first.removesuffix("率")[-2:])
        if prev is None:
            return None
        same_sentence = prev.start >= sa
        pctx = self.clause_words(prev)
        stem = first.removesuffix("率")
        noun = stem[:-2]
        names_part = _count_names_part(stem, self.phrase_words(prev))
        # 办结89件,完成率82.21%: what was achieved, of a target the text does not print
        # (unless the count is the target itself: 共有任务50项,完成率96%)
        target = stem.endswith(vocab.TARGET_RATE_STEMS) and not any(
            w in self.phrase_words(prev) for w in vocab.TARGET_WORDS
        )
        if not names_part and not zhan and not target and same_sentence and len(stem) >= 2:
            # 胜诉24宗,撤诉3宗,胜诉率100%: the count the rate names, not the nearest one
            named = self._named_part(c, prev, sa, stem)
            if named is not None:
                prev, names_part = named, True
                pctx = self.clause_words(prev)
        listed = self.part_of.get(prev.index)
        part: Candidate | None = None
        refs: list[Ref]
        stated: bool
        if target:
            part, refs = prev, []
            stated = same_sentence and self._adjacent(prev, c)
        elif zhan or names_part:
            part = prev
            own = strip_subject(doc.words(max(doc.clause_start(c.start), prev.end), c.start))
            own = _ZHAN_START_RE.split(own)[0] if own else own
            if not same_sentence and zhan and not names_part:
                # 占比 with no count in its own sentence: the count before is the whole
                part = None
                refs, stated = [prev.index], False
            elif (
                zhan
                and not names_part
                and own
                and not same_noun(own, self.subjects[prev.index].text)
            ):
                # 办结74617件,诉讼案件占比84%: the share of a part the text does not print
                part = None
                refs = [p.index for p in self._population(prev, sa)]
                stated = False
            else:
                totals = self.totals_for_part(prev, item, sa)
                if base:
                    by_base = [t for t in totals if base in self.clause_words(t)]
                    totals = by_base + [t for t in totals if t not in by_base]
                refs = [t.index for t in totals]
                head = listed.total.ref if listed is not None else None
                if head is not None and not base:
                    refs = [head, *(r for r in refs if r != head)]
                first_ref = refs[0] if refs else None
                in_sentence = [r for r in refs if isinstance(r, int) and self.cands[r].start >= sa]
                stated = same_sentence and (
                    # the only count of the sentence that can hold the part, and one whose
                    # words make it a total (共, 收到, 受理 …): a larger sibling outcome
                    # (纠错236件 before 调解…170件,调解率17.4%) is no base
                    (
                        len(in_sentence) == 1
                        and first_ref == in_sentence[0]
                        and self._is_total(self.cands[in_sentence[0]])
                    )
                    or (
                        listed is not None
                        and listed.binding is Binding.STATED
                        and first_ref == listed.total.ref
                    )
                )
                if not refs:  # the part's whole is not printed: the part is still stated
                    stated = same_sentence and self._adjacent(prev, c)
        elif (
            same_sentence
            and prev.quantity.unit not in vocab.EVENT_UNITS
            and (len(first) <= 4 or (noun and _overlap(noun, pctx)) or _handled_total(stem, pctx))
        ):
            if listed is not None and listed.total.ref is not None:
                # a rate after a list's last part: a share of the list's total
                refs = [listed.total.ref, prev.index]
                stated = False
            else:
                refs = [prev.index]
                # certain when the rate names no population (办结率) or the count's own
                # (案件办结率 of 受理案件120件); a rate naming another one that only shares
                # a word with the count's (50个主题 … 政务服务事项网上可办率) may be of a
                # population the text does not count
                names_own = len(first) <= 4 or _handled_total(stem, pctx) or noun in pctx
                stated = names_own and self._adjacent(prev, c)
        else:
            return None
        if not refs and part is None:
            return None

        def fit(ref: Ref) -> int:
            qs = (
                [self.cands[i].quantity for i in ref.parts]
                if not isinstance(ref, int)
                else self.cands[ref].quantity
            )
            return share_fit(c.quantity, qs, part.quantity if part is not None else None)

        if refs:
            total = resolve(refs, fit, stated=stated)
        else:  # a part whose whole is not printed: the evidence is the part's own tie
            total = Choice(None, Binding.STATED if stated else Binding.POSITIONAL)
        start = doc.clause_start(c.start)
        for x in (part.index if part is not None else None, total.ref):
            if isinstance(x, int) and self.cands[x].start >= sa:
                start = min(start, self.cands[x].start)
        return ShareTie(
            span=(start, c.end),
            rate_index=c.index,
            total=total,
            part=part.index if part is not None else None,
        )

    def _is_total(self, p: Candidate) -> bool:
        """Whether ``p``'s words make it a total or an intake (共, 收到, 受理, X件中 …)."""
        ctx = self.doc.words(self.doc.clause_start(p.start), p.start)
        return (
            any(w in ctx for w in _TOTAL_WORDS)
            or INTAKE_RE.search(ctx) is not None
            or _HANDLING_RE.search(ctx) is not None
            or "中" in self.doc.norm[p.end : p.end + 2]
        )

    def _named_part(self, c: Candidate, prev: Candidate, sa: int, stem: str) -> Candidate | None:
        """The count of ``c``'s sentence before ``prev`` whose words name the rate's stem."""
        for j in range(prev.index - 1, -1, -1):
            p = self.cands[j]
            if p.start < sa:
                return None
            if self.is_countable(p) and _count_names_part(stem, self.phrase_words(p)):
                return p
        return None

    def _adjacent(self, count: Candidate, rate: Candidate) -> bool:
        """Whether ``rate`` stands in the clause right after ``count``'s (or in it)."""
        ends = self.doc.clause_ends
        i = bisect.bisect_left(ends, count.end)
        j = bisect.bisect_left(ends, rate.start)
        return j - i <= 1

    def _population(self, near: Candidate, sa: int) -> list[Candidate]:
        """The counts of the sentence a share of an unprinted part may be of, intake first."""
        k = bisect.bisect_left(self.starts, sa)
        counts = [
            p
            for p in self.cands[k : near.index + 1]
            if self.is_countable(p) and p.quantity.unit == near.quantity.unit
        ]
        intake = [p for p in counts if INTAKE_RE.search(self.clause_words(p))]
        rest = [p for p in reversed(counts) if p not in intake]
        return (intake + rest)[:_MAX_TOTALS]


def read_rates(
    doc: Document,
    cands: Sequence[Candidate],
    subjects: Sequence[Subject],
    roles: Mapping[int, str],
    part_of: Mapping[int, BreakdownTie],
) -> list[ShareTie]:
    """Read every share of ``doc`` (see the module docstring)."""
    return _Rates(doc, cands, subjects, roles, part_of).read()
