"""List frames: a marker, its head (the total) and its items (the parts).

A *frame* is read at every list marker (:data:`lawgov_metrics.vocab.LIST_MARKERS`): 其中,
分别为, 结果为, 包括, a bracketed (其中…)/(含…)/(未包含…), and ``X件中`` (办结的82件中,…).

* **Items** are the counts after the marker, of the head's kind and unit family, up to the
  end of the sentence (the end of the 。-sentence when the marker takes a colon, the
  closing bracket for a bracketed marker). A clause that starts a new figure (收到…, 召开…)
  ends the list; so does a nested 其中, which opens a frame of its own whose head is the
  part before it. Counts in brackets after an item belong to that item's own frame.
* **Head candidates** are the counts before the marker in its sentence (in the previous
  one when the marker opens the sentence), nearest first, and the sums the text implies:
  the intake and the carried-in count before the list (收到62件,上年结转4件,其中…), and a
  run of counts joined by 、 (行政复议2宗、行政诉讼1宗,其中…).
* **Resolution** (:func:`~lawgov_metrics.reading.clauses.resolve.resolve`): a bracketed or
  ``X件中`` head, or a single candidate, is STATED; otherwise the candidate the parts fit
  (their sum equals it, or stays within it for a partial list) is taken, ARITHMETIC when it
  is the only best fit, POSITIONAL else.
* **Completeness** (its own evidence, apart from the head's): 分别为/结果为 say the list is
  whole (STATED); a 其他/其余 part makes a 其中 list whole only by inference (POSITIONAL:
  其他概况类信息 may be a category, not the rest), as do the outcomes of a disposed total
  (办结的82件中 + three or more outcomes) and a list with a part of another unit left out
  (…工作动态38篇… in a list of 条); 其中 and the subset markers (包括, 含) promise no
  completeness. A list of a subset the text does not count (其中涉企案件中,…) is never
  whole. Parts that exceed their total contradict a STATED head whatever the completeness;
  parts that fall short only a STATED completeness.
* A frame whose items are carry-over terms (结转下年, 包括上年结转12件) is a balance, read by
  :mod:`~lawgov_metrics.reading.clauses.balances`, never a breakdown; a frame of figures
  outside its head (未包含…) is no breakdown at all.

Examples:
    >>> from lawgov_metrics.reading.document import Document
    >>> from lawgov_metrics.reading.figures import scan
    >>> from lawgov_metrics.reading.subjects import own_subjects
    >>> doc = Document.build("被申请行政复议9件、提起行政诉讼1件,其中维持6件,撤销2件,终止1件。")
    >>> cands = scan(doc)
    >>> (tie,) = read_lists(doc, cands, [s.text for s in own_subjects(doc, cands)], {})
    >>> tie.total.ref, tie.total.binding.value, tie.parts
    (0, 'arithmetic', (2, 3, 4))
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
from ..figures import Candidate, same_unit
from .resolve import Choice, Ref, Sum, list_fit, resolve

__all__ = ["BreakdownTie", "Frame", "read_lists"]

_PROMISES: Final = vocab.LIST_MARKERS
_PLAIN: Final = tuple(
    w
    for w, p in _PROMISES.items()
    if p not in (vocab.ListPromise.INCLUDED, vocab.ListPromise.EXCLUDED)
)
#: A list marker, bracketed or not (含/不含 only in brackets).
_MARKER_FIRST: Final = "".join(sorted({w[0] for w in _PROMISES} | {"(", "（"}))
_MARKER_RE: Final = re.compile(
    rf"(?=[{_MARKER_FIRST}])"
    r"(?P<open>[(（]\s?)(?P<bword>" + vocab.or_regex(_PROMISES) + r")(?P<bcolon>[:：])?"
    r"|(?P<word>" + vocab.or_regex(_PLAIN) + r")(?P<colon>[:：])?"
)
#: ``(在)审结的1187件(案件)中``: a count that opens a list of its parts.
_AMONG_RE: Final = re.compile(r"\s?[\u4e00-\u9fff]{0,6}?中(?![心国央华学小型层期间])")
#: A 其中 whose items are of a subset the text does not count (其中涉企案件中,…).
_SUBSET_AMONG_RE: Final = re.compile(r"\s?[\u4e00-\u9fff]{1,12}中\s?[,，:：]")
_NEW_FIGURE_RE: Final = re.compile(
    r"\s?" + vocab.or_regex(vocab.NEW_FIGURE_ADVERBS) + "*" + vocab.or_regex(vocab.NEW_FIGURE_VERBS)
)
_PRIOR: Final = vocab.or_regex(vocab.PRIOR_YEAR_WORDS)
_PRIOR_RE: Final = re.compile(
    vocab.or_regex(vocab.COMPARE_LEADS) + rf"(?:{_PRIOR}|(?:19|20)\d{{2}}年度?)(?:同期)?(?:的)?\s?$"
)
CARRY_IN_RE: Final = re.compile(vocab.or_regex(vocab.CARRY_IN))
CARRY_OUT_RE: Final = re.compile(
    vocab.or_regex(w for w in vocab.CARRY_OUT if w != "在办") + r"|(?<!正)在办(?![理公])"
)
INTAKE_RE: Final = re.compile(vocab.or_regex(vocab.INTAKE_VERBS))
_OTHER: Final = tuple(vocab.OTHER_PART_WORDS)
#: A share written after a part (…15卷,占比25%): its list may go on after a ;.
_SHARE_RE: Final = re.compile(r"占[^;；。]{0,8}?[0-9.]+%")
_STOPS: Final = frozenset(",，;；:：。\n")
_BRACKET_REACH: Final = 120
_MAX_HEADS: Final = 6


@attrs.frozen(kw_only=True)
class Frame:
    """A list as the text writes it.

    Attributes:
        marker: The marker's span.
        word: The marker word (其中, 分别为, 含 … or ``中`` for ``X件中``).
        promise: What the marker promises (:class:`~lawgov_metrics.vocab.ListPromise`).
        head: The total and the evidence for it.
        items: The parts (candidate indices), in text order.
        exhaustive: Whether the parts are meant to add up to the head.
        binding: The evidence for the head.
        completeness: The evidence that the list is whole (for an exhaustive one).
    """

    marker: tuple[int, int]
    word: str
    promise: vocab.ListPromise
    head: Choice
    items: tuple[int, ...]
    exhaustive: bool
    binding: Binding
    completeness: Binding = Binding.STATED


@attrs.frozen(kw_only=True)
class BreakdownTie:
    """A breakdown as read (a :class:`Frame` that is one)."""

    span: tuple[int, int]
    total: Choice
    parts: tuple[int, ...]
    exhaustive: bool
    binding: Binding
    completeness: Binding = Binding.STATED


def _semicolon(norm: str, a: int, b: int) -> int:
    """The first ; in ``norm[a:b]`` (-1 when none)."""
    i = norm.find(";", a, b)
    j = norm.find("；", a, b)
    return min(x for x in (i, j, b) if x >= 0) if i >= 0 or j >= 0 else -1


class _Lists:
    def __init__(
        self,
        doc: Document,
        cands: Sequence[Candidate],
        subjects: Sequence[str],
        roles: Mapping[int, str],
    ) -> None:
        self.doc = doc
        self.cands = cands
        self.subjects = subjects
        self.roles = roles
        self.starts = [c.start for c in cands]
        self.by_end = {c.end: c for c in cands}
        self.frames: list[Frame] = []
        self.item_of: dict[int, Frame] = {}
        #: Whether the last :meth:`items_after` left out a count of another unit.
        self.skipped = False

    # -- words --------------------------------------------------------------------------

    def words_before(self, p: Candidate, lo: int = 0) -> str:
        """The words of ``p``'s clause before it (not before ``lo``)."""
        return self.doc.words(max(self.doc.clause_start(p.start), lo), p.start)

    def is_carry(self, p: Candidate) -> bool:
        w = self.words_before(p)
        return bool(CARRY_IN_RE.search(w) or CARRY_OUT_RE.search(w))

    def is_prior(self, p: Candidate) -> bool:
        return _PRIOR_RE.search(self.doc.norm, max(0, p.start - 10), p.start) is not None

    def _is_outcome(self, i: int) -> bool:
        """Whether part ``i`` is counted under an outcome of the disclosure template."""
        p = self.cands[i]
        words = self.doc.words(self.doc.phrase_start(p.start), p.start)
        return any(o in words for o in vocab.DISCLOSURE_OUTCOMES)

    def is_other(self, i: int) -> bool:
        return self.subjects[i].startswith(_OTHER)

    def countable(self, p: Candidate) -> bool:
        return p.kind in ("count", "money") and self.roles.get(p.index) is None

    # -- items --------------------------------------------------------------------------

    def items_after(
        self, lo: int, hi: int, like: Candidate | None, *, across: bool = False
    ) -> list[Candidate]:
        """The parts after a marker ending at ``lo``, up to ``hi``.

        A list crosses a ; only when ``across`` (a marker with a colon) or when each part
        before the ; carries its own share (优秀15卷,占比25%;良好30卷,占比50%). A count
        of another unit between the parts (工作动态38篇 in a list of 条) is left out, and
        noted in :attr:`skipped`: the parts read are then not the whole list.
        """
        doc = self.doc
        out: list[Candidate] = []
        unlike_at = -1
        k = bisect.bisect_left(self.starts, lo)
        last = lo
        for j in range(k, len(self.cands)):
            p = self.cands[j]
            if p.start >= hi:
                break
            if p.kind not in ("count", "money") or self.roles.get(p.index) == "difference":
                continue
            unlike = (like is not None and (p.kind != like.kind or not same_unit(p, like))) or (
                bool(out) and not same_unit(p, out[0])
            )
            if unlike:
                if (
                    out
                    and unlike_at < 0
                    and p.kind == out[0].kind
                    and not doc.in_parens(p.start, lo)
                ):
                    unlike_at = p.start
                continue
            if doc.in_parens(p.start, lo):
                continue  # 办结35件(含上年度2件): a part of the part, not of the total
            semi = _semicolon(doc.norm, last, p.start)
            if semi >= 0 and not (across or (out and _SHARE_RE.search(doc.norm, last, semi))):
                break
            clause = doc.words(max(doc.clause_start(p.start), lo), p.start)
            if out and ("其中" in clause or _NEW_FIGURE_RE.match(clause)):
                break  # the list ends where a clause starts another figure
            out.append(p)
            last = p.end
        self.skipped = unlike_at >= 0 and bool(out) and unlike_at < out[-1].start
        return out

    # -- heads --------------------------------------------------------------------------

    def head_candidates(self, marker: int, lo: int, like: Candidate | None) -> list[Candidate]:
        """Counts before the marker from ``lo`` on that may be its total, nearest first."""
        out: list[Candidate] = []
        k = bisect.bisect_left(self.starts, marker)
        for j in range(k - 1, -1, -1):
            p = self.cands[j]
            if p.start < lo or len(out) >= _MAX_HEADS:
                break
            if not self.countable(p) or self.is_prior(p) or self.doc.in_parens(p.start, lo):
                continue
            if like is not None and (p.kind != like.kind or not same_unit(p, like)):
                continue
            out.append(p)
        return out

    def sums(self, heads: list[Candidate], marker: int) -> list[Sum]:
        """Totals the text implies before the list: intake + carried in, a run joined by 、."""
        out: list[Sum] = []
        intake = next(
            (h for h in heads if INTAKE_RE.search(self.words_before(h)) and not self.is_carry(h)),
            None,
        )
        carried = next((h for h in heads if CARRY_IN_RE.search(self.words_before(h))), None)
        if intake is not None and carried is not None and intake.start < carried.start:
            out.append(Sum((intake.index, carried.index)))
        run = heads[:1]
        for h in heads[1:]:  # nearest first
            between = self.doc.norm[h.end : run[-1].start]
            if between.count("、") != 1 or any(ch in between for ch in _STOPS):
                break
            run.append(h)
        if len(run) >= 2 and all(h.quantity.value > 0 for h in run):
            s = Sum(tuple(h.index for h in reversed(run)))
            if s not in out:
                out.append(s)
        return out

    def fit(self, ref: Ref, items: Sequence[Candidate], exhaustive: bool) -> int:
        parts = [p.quantity for p in items]
        if isinstance(ref, Sum):
            return list_fit(
                [self.cands[i].quantity for i in ref.parts], parts, exhaustive=exhaustive
            )
        return list_fit(self.cands[ref].quantity, parts, exhaustive=exhaustive)

    # -- frames -------------------------------------------------------------------------

    def read(self) -> list[BreakdownTie]:
        """The breakdowns of every frame, the frames read in text order."""
        doc = self.doc
        markers: list[tuple[int, re.Match[str], Candidate | None]] = [
            (m.start(), m, None) for m in _MARKER_RE.finditer(doc.norm)
        ]
        for c in self.cands:
            if self.countable(c):
                among = _AMONG_RE.match(doc.norm, c.end)
                if among is not None:
                    markers.append((among.start(), among, c))
        markers.sort(key=lambda t: t[0])
        for _, m, total in markers:
            if total is not None:
                self._among(total, m)
            elif m.group("open"):
                self._bracketed(m)
            else:
                self._plain(m)
        return self._ties()

    def _add(self, frame: Frame) -> None:
        self.frames.append(frame)
        for i in frame.items:
            self.item_of.setdefault(i, frame)

    def _complete(self, items: Sequence[Candidate]) -> bool:
        return any(self.is_other(p.index) for p in items)

    def _bracketed(self, m: re.Match[str]) -> None:
        doc = self.doc
        head = self.by_end.get(m.start()) or self.by_end.get(m.start() - 1)
        if head is None or not self.countable(head):
            return
        word = m.group("bword")
        promise = _PROMISES[word]
        reach = m.end() + _BRACKET_REACH
        closes = [
            x
            for x in (doc.norm.find(")", m.end(), reach), doc.norm.find("）", m.end(), reach))
            if x >= 0
        ]
        close = min(closes) if closes else reach
        items = [
            p for p in self.items_after(m.end(), close, head) if not doc.in_parens(p.start, m.end())
        ]
        if not items or promise is vocab.ListPromise.EXCLUDED:
            return
        exhaustive = self._complete(items)
        head_choice = Choice(head.index, Binding.STATED)
        self._add(
            Frame(
                marker=m.span(),
                word=word,
                promise=promise,
                head=head_choice,
                items=tuple(p.index for p in items),
                exhaustive=exhaustive,
                binding=Binding.STATED,
                completeness=Binding.POSITIONAL,  # only a 其他 part says it is whole
            )
        )

    def _plain(self, m: re.Match[str]) -> None:
        doc = self.doc
        word = m.group("word")
        promise = _PROMISES[word]
        sa, _ = doc.sentence_bounds(m.start())
        sb = doc.period_bounds(m.start())[1]
        lo = sa if m.start() - sa > 2 else doc.sentence_bounds(max(0, sa - 2))[0]
        heads = self.head_candidates(m.start(), lo, None)
        if not heads:
            return
        items = self.items_after(m.end(), sb, heads[0], across=bool(m.group("colon")))
        if not items:
            return
        heads = [h for h in heads if h.kind == items[0].kind and same_unit(h, items[0])]
        if not heads:
            return
        first = heads[0]
        nested = self.item_of.get(first.index)
        singles: list[Ref] = [h.index for h in heads]
        stated = len(heads) == 1
        if lo < sa and nested is not None and isinstance(nested.head.ref, int):
            # 其中 opening a sentence after a list: the parts of that list's total
            singles.insert(0, nested.head.ref)
            singles = list(dict.fromkeys(singles))
            stated = False
        elif nested is not None and nested.marker[0] >= sa:
            # a part with its own 其中: a list of that part, not of the outer total
            stated = False
            singles = [first.index]
        skipped = self.skipped
        subset = _SUBSET_AMONG_RE.match(doc.norm, m.end(), items[0].start) is not None
        said_whole = promise is vocab.ListPromise.COMPLETE
        exhaustive = not subset and (said_whole or self._complete(items))
        # 分别为/结果为 say the parts are the whole; a 其他 part of a 其中 list may name a
        # category rather than the rest, and a part of another unit left out of the list
        # leaves the parts read short of it
        completeness = Binding.STATED if said_whole and not skipped else Binding.POSITIONAL
        refs: list[Ref] = [*singles, *self.sums(heads, m.start())]
        choice = resolve(refs, lambda r: self.fit(r, items, exhaustive), stated=stated)
        if word == "其中" and len(items) == 1:
            exhaustive = False
        self._add(
            Frame(
                marker=m.span(),
                word=word,
                promise=promise,
                head=choice,
                items=tuple(p.index for p in items),
                exhaustive=exhaustive,
                binding=choice.binding,
                completeness=completeness,
            )
        )

    def _among(self, total: Candidate, m: re.Match[str]) -> None:
        doc = self.doc
        cs = doc.clause_start(total.start)
        before = doc.words(cs, total.start)
        if not before.endswith(vocab.AMONG_BEFORE) and not before.startswith("在"):
            return
        _, sb = doc.period_bounds(total.start)
        items = self.items_after(m.end(), sb, total)
        if not items:
            return
        disposed = any(w in before for w in vocab.DISPOSED_WORDS)
        other = self._complete(items)
        by_shape = not other and disposed and len(items) >= 3
        # 办结的82件中,予以公开11件,不予公开8件,无法提供48件,不予处理9件: the outcomes of
        # the national template, one for every concluded application, so the list is whole
        # (an outcome not named had none) unless it ends in 等
        template = (
            disposed
            and len(items) >= 2
            and all(self._is_outcome(p.index) for p in items)
            and not doc.norm.startswith("等", items[-1].end)
        )
        self._add(
            Frame(
                marker=m.span(),
                word="中",
                promise=vocab.ListPromise.PARTIAL,
                head=Choice(total.index, Binding.STATED),
                items=tuple(p.index for p in items),
                exhaustive=other or by_shape or template,
                binding=Binding.STATED,
                # whole by the template's outcomes; else only by a 其他 part or by the list's
                # shape (every disposed case has one outcome, but the text does not say these
                # are all of them)
                completeness=Binding.STATED if template else Binding.POSITIONAL,
            )
        )

    # -- breakdowns ---------------------------------------------------------------------

    def _ties(self) -> list[BreakdownTie]:
        out: list[BreakdownTie] = []
        seen: dict[tuple[object, tuple[int, ...]], int] = {}
        for f in self.frames:
            if f.head.ref is None:
                continue
            items = [self.cands[i] for i in f.items]
            if any(self.is_carry(p) for p in items):
                continue  # a balance (结转下年, 上年结转), read by the balance step
            head_ref = f.head.ref
            starts = [self.cands[i].start for i in f.items]
            ends = [self.cands[i].end for i in f.items]
            if isinstance(head_ref, Sum):
                starts += [self.cands[i].start for i in head_ref.parts]
                ends += [self.cands[i].end for i in head_ref.parts]
            else:
                starts.append(self.cands[head_ref].start)
                ends.append(self.cands[head_ref].end)
            key = (head_ref, f.items)
            tie = BreakdownTie(
                span=(min(starts), max(ends)),
                total=f.head,
                parts=f.items,
                exhaustive=f.exhaustive,
                binding=f.binding,
                completeness=f.completeness,
            )
            k = seen.get(key)
            if k is None:
                seen[key] = len(out)
                out.append(tie)
            elif out[k].binding is not Binding.STATED and tie.binding is Binding.STATED:
                out[k] = tie
        return out


def read_lists(
    doc: Document,
    cands: Sequence[Candidate],
    subjects: Sequence[str],
    roles: Mapping[int, str],
) -> list[BreakdownTie]:
    """Read every list frame of ``doc`` and return the breakdowns among them."""
    return _Lists(doc, cands, subjects, roles).read()
