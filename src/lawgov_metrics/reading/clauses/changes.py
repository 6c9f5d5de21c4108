"""Changes: which figure a growth rate, a difference or a pp change is about.

A growth rate (同比增长68.67%) binds the current figure before it in its sentence; a
difference (较2022年558件增加了555件) binds its current figure and the printed prior; a pp
change (提高3.2个百分点) binds the rate before it and, when printed, the prior rate
(由92.4%提高到95.6%, 较上年的97.3%, (上年为92.4%)). The priors and differences found here get
a *role* (``"basis"``, ``"difference"``): later relations never take them as totals or
parts, and the subject step gives them the subject of their current figure.

Evidence (:class:`~lawgov_metrics.Binding`):

* STATED: the current figure is the one just before the change, in the clause before it
  or its own, and the change names no other noun (收到申请786宗,同比增长68.67%); for a pp
  change also a printed prior (由a%提高到b%);
* ARITHMETIC: the nearest figure cannot give the printed rate (no whole-number prior fits,
  or the printed prior gives another rate) and another figure of the sentence can;
* POSITIONAL: the nearest plausible figure, further away.

A change whose own words name another noun than the figure before it (命案积案3起,
刑事案件同比下降16.4%) binds a figure of that noun in its sentence, or none.

Examples:
    >>> from lawgov_metrics.reading.document import Document
    >>> from lawgov_metrics.reading.figures import scan
    >>> from lawgov_metrics.reading.subjects import own_subjects
    >>> doc = Document.build("收到行政复议申请786宗,同比增长68.67%。")
    >>> cands = scan(doc)
    >>> (tie,) = read_changes(doc, cands, own_subjects(doc, cands)).growth
    >>> tie.current.ref, tie.current.binding.value, tie.rate.value
    (0, 'stated', Decimal('68.67'))
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Final, Literal

import attrs

from ... import vocab
from ...errors import ParseError
from ...growth import multiple_factor
from ...numerals import parse_number
from ...records import Binding, Quantity
from ..document import Document
from ..figures import GROWTH_VERB_RE, TIMES_OF_RE, Candidate, same_unit
from ..subjects import TO_RE, Link, Subject
from .resolve import Choice, growth_fit, resolve

__all__ = ["Changes", "GrowthTie", "PPTie", "read_changes", "same_noun"]

Direction = Literal["up", "down", "flat"]

_PRIOR: Final = vocab.or_regex(vocab.PRIOR_YEAR_WORDS)
_YEAR: Final = r"(?:19|20)\d{2}年"
COMPARE_RE: Final = re.compile(
    vocab.or_regex(vocab.COMPARE_WORDS) + rf"|较{_YEAR}(?:同期|度)?|比{_YEAR}(?:同期|度)?"
)
_PRIOR_RE: Final = re.compile(
    vocab.or_regex(vocab.COMPARE_LEADS) + rf"(?:{_PRIOR}|{_YEAR}度?)(?:同期)?(?:的)?\s?$"
)
_PRIOR_AFTER_RE: Final = re.compile(rf"\s?[(（]?\s?(?:{_PRIOR}|{_YEAR}度?)(?:同期)?(?:为|是)\s?")
_PRIOR_RATE_RE: Final = re.compile(
    vocab.or_regex(vocab.PRIOR_RATE_LEADS) + rf"(?:{_PRIOR}|同期|{_YEAR})(?:同期)?(?:的)?\s?$"
)
_FROM_RE: Final = re.compile(
    vocab.or_regex(vocab.FROM_WORDS) + rf"(?:{_PRIOR}|{_YEAR}度?)?(?:同期)?(?:的)?\s?$"
)
_PRIOR_LEAD_RE: Final = re.compile(rf"(?:{_PRIOR}|{_YEAR}度?)(?:同期)?(?:的|为|是)?\s?$")
_PP_VERB_RE: Final = re.compile(
    "("
    + vocab.or_regex(
        (*vocab.PP_UP_VERBS, *vocab.PP_DOWN_VERBS, *vocab.PP_BARE_UP, *vocab.PP_BARE_DOWN)
    )
    + r")(?:了)?\s?$"
)
_DOUBLING_RE: Final = re.compile(r"翻(?:了)?([一二两三四\d])番")
_FLAT_RE: Final = re.compile(vocab.or_regex(vocab.FLAT_LEADS) + r"(?:基本)?持平")
#: Words of a growth's own noun that name only a measure of its figure (数量同比增长).
_GENERIC_NOUN_RE: Final = re.compile(vocab.or_regex(vocab.GENERIC_MEASURE_NOUNS) + "$")
#: Words of time and comparison that name no indicator (是上年的2倍 -> 上年).
_TIME_WORDS_RE: Final = re.compile(
    rf"{_PRIOR}|同期|{vocab.or_regex(vocab.THIS_YEAR_WORDS)}|本年度|全年|{_YEAR}度?"
    r"|[是为的达较比与和到至了]|"
    + vocab.or_regex((*vocab.UP_VERBS, *vocab.DOWN_VERBS, *vocab.TIMES_TO_VERBS))
)
_CURRENT_KINDS: Final = frozenset({"count", "money", "rate", "duration", "other"})
_MAX_CANDIDATES: Final = 4


@attrs.frozen(kw_only=True)
class GrowthTie:
    """A growth claim as read: its quote, rate and the figures it binds.

    Attributes:
        span: The claim's quote.
        rate: The signed change in %, multiples resolved (``None`` for a difference).
        direction: ``"up"``, ``"down"`` or ``"flat"``.
        form: ``"percent"``, ``"times_increase"``, ``"times_of"``, ``"doublings"``, ``"flat"``
            or ``"difference"``.
        rate_index: The candidate of the written rate, if any.
        current: The current figure (a candidate index) and the evidence for it.
        basis: The printed prior figure, if any.
        difference: The signed absolute change, when written (增加555件).
    """

    span: tuple[int, int]
    rate: Quantity | None
    direction: Direction
    form: str
    rate_index: int | None = None
    current: Choice
    basis: int | None = None
    difference: Quantity | None = None


@attrs.frozen(kw_only=True)
class PPTie:
    """A percentage-point change as read.

    Attributes:
        span: The claim's quote.
        rate: The signed change in 个百分点.
        direction: ``"up"`` or ``"down"``.
        rate_index: The candidate of the written change.
        current: The current rate and the evidence for it.
        basis: The printed prior rate, if any.
    """

    span: tuple[int, int]
    rate: Quantity
    direction: Direction
    rate_index: int
    current: Choice
    basis: int | None = None


@attrs.frozen(kw_only=True)
class Changes:
    """Every change of a document, with the roles and subject links it implies."""

    growth: tuple[GrowthTie, ...] = ()
    pp: tuple[PPTie, ...] = ()
    roles: Mapping[int, str] = attrs.field(factory=dict)
    links: tuple[Link, ...] = ()


def same_noun(own: str, other: str) -> bool:
    """Whether a change's own noun may name ``other``'s figure (equal, contained, generic).

    Examples:
        >>> same_noun("刑事案件", "命案积案"), same_noun("案件数量", "行政复议案件")
        (False, True)
        >>> same_noun("", "行政复议申请")
        True
    """
    own = _GENERIC_NOUN_RE.sub("", _TIME_WORDS_RE.sub("", own))
    if not own or not other:
        return True
    return own in other or other in own


def _signed(q: Quantity, down: bool) -> Quantity:
    return q.negated() if down and q.value > 0 else q


def _multiple_percent(n: Decimal, form: str) -> Decimal:
    """The change in percent of a multiple (增长2倍 -> 200, 是上年的2倍 -> 100, 翻两番 -> 300)."""
    change = (multiple_factor(n, form) - 1) * 100
    return Decimal(change.numerator) / Decimal(change.denominator)


def _int_of(s: str) -> int | None:
    try:
        value, _ = parse_number(s)
    except ParseError:
        return None
    return int(value) if value == value.to_integral_value() else None


class _Reader:
    """The state of one pass over a document's candidates (local to :func:`read_changes`)."""

    def __init__(self, doc: Document, cands: Sequence[Candidate], own: Sequence[Subject]):
        self.doc = doc
        self.cands = cands
        self.own = own
        self.starts = [c.start for c in cands]
        self.ends = [c.end for c in cands]
        self.roles: dict[int, str] = {}
        self.links: list[Link] = []

    def eligible(self, p: Candidate) -> bool:
        return self.roles.get(p.index) is None and p.kind not in ("growth", "pp_change")

    def previous(self, idx: int, lo: int) -> Candidate | None:
        """The nearest figure before ``idx`` from ``lo`` on that is not a prior or change."""
        for j in range(idx - 1, -1, -1):
            p = self.cands[j]
            if p.start < lo:
                return None
            if self.eligible(p):
                return p
        return None

    def outside_aside(self, p: Candidate | None, at: int, lo: int) -> Candidate | None:
        """``p``, or the figure before its bracket when ``p`` is an aside in brackets closed
        before the change at ``at`` (办理691条(含上年结转31件),相较去年上涨17.52%: the change
        is the 691's, not the bracketed 31's)."""
        if p is None or not self.doc.in_parens(p.start, lo):
            return p
        norm = self.doc.norm
        closes = [x for x in (norm.find(")", p.end, at), norm.find("）", p.end, at)) if x >= 0]
        if not closes:
            return p
        outer = self.previous(p.index, lo)
        while outer is not None and self.doc.in_parens(outer.start, lo):
            outer = self.previous(outer.index, lo)
        return outer if outer is not None else p

    def earlier(self, idx: int, lo: int, skip: Candidate) -> list[Candidate]:
        """Other figures before ``idx`` from ``lo`` on that could be a current figure."""
        out: list[Candidate] = []
        for j in range(idx - 1, -1, -1):
            p = self.cands[j]
            if p.start < lo or len(out) >= _MAX_CANDIDATES:
                break
            if p is not skip and self.eligible(p) and p.kind in _CURRENT_KINDS:
                out.append(p)
        return out

    def is_prior(self, c: Candidate) -> bool:
        """Whether ``c`` is the prior of a comparison (较去年60件)."""
        return _PRIOR_RE.search(self.doc.norm, max(0, c.start - 10), c.start) is not None

    def prior_after(self, i: int, current: Candidate) -> Candidate | None:
        """The figure right after ``cands[i]`` printed as last year's (…(上年为558件))."""
        if i + 1 >= len(self.cands):
            return None
        p = self.cands[i + 1]
        c = self.cands[i]
        if self.doc.has_sentence_end(c.end, p.start):
            return None
        if _PRIOR_AFTER_RE.fullmatch(self.doc.norm, c.end, p.start) is None:
            return None
        ok = current.kind == p.kind and same_unit(current, p) and p.index not in self.roles
        return p if ok else None

    def last_compare(self, lo: int, hi: int) -> re.Match[str] | None:
        last = None
        for m in COMPARE_RE.finditer(self.doc.norm, lo, hi):
            last = m
        return last

    def adjacent(self, current: Candidate, at: int, own_ok: bool) -> bool:
        """Whether ``current`` is stated by position: the figure just before the change
        at ``at``, at most one clause before it (its comparison's figures aside)."""
        if not own_ok or self.doc.has_sentence_end(current.end, at):
            return False
        k = bisect.bisect_left(self.starts, current.end)
        for j in range(k, len(self.cands)):
            p = self.cands[j]
            if p.start >= at:
                break
            if self.roles.get(p.index) is None and p.kind not in ("growth", "pp_change"):
                return False
        ends = self.doc.clause_ends
        i = bisect.bisect_left(ends, current.end)
        j = bisect.bisect_left(ends, at)
        return j - i <= 1

    def choose_current(
        self,
        i: int,
        nearest: Candidate | None,
        lo: int,
        rate: Quantity | None,
        at: int,
        basis: Candidate | None,
    ) -> Choice:
        """The current figure of the change at ``cands[i]`` and the evidence for it."""
        own = self.own[i].text
        others = self.earlier(i, lo, nearest) if nearest is not None else []
        if nearest is not None and not same_noun(own, self.own[nearest.index].text):
            named = [p for p in others if same_noun(own, self.own[p.index].text)]
            if not named:
                return Choice(None, Binding.POSITIONAL, (nearest.index,))
            nearest, others = named[0], [nearest, *(p for p in others if p is not named[0])]
        if nearest is None:
            return Choice(None, Binding.POSITIONAL)
        stated = self.adjacent(nearest, at, True) or basis is not None
        refs = [nearest.index, *(p.index for p in others if p.kind == nearest.kind)]
        if rate is None:
            return resolve(refs[:1], lambda r: 1, stated=stated)

        def fit(ref: object) -> int:
            assert isinstance(ref, int)
            b = basis.quantity if basis is not None and ref == nearest.index else None
            return growth_fit(rate, self.cands[ref].quantity, b)

        return resolve(refs, fit, stated=stated)


def read_changes(doc: Document, cands: Sequence[Candidate], own: Sequence[Subject]) -> Changes:
    """Read every growth, difference and pp change of ``doc`` (see the module docstring)."""
    r = _Reader(doc, cands, own)
    growth = _growth(r)
    growth += _phrases(r)
    pp = _pp(r)
    return Changes(growth=tuple(growth), pp=tuple(pp), roles=dict(r.roles), links=tuple(r.links))


def _growth(r: _Reader) -> list[GrowthTie]:
    doc, cands, norm = r.doc, r.cands, r.doc.norm
    out: list[GrowthTie] = []
    # current figure -> (printed basis, printed difference) of a 比上年…增加N件 claim
    printed: dict[int, tuple[Candidate | None, Quantity]] = {}
    for i, c in enumerate(cands):
        if c.kind not in ("count", "money", "growth"):
            continue
        sa, _sb = doc.sentence_bounds(c.start)
        blo = max(sa, c.start - 8)
        vm = GROWTH_VERB_RE.search(norm, blo, c.start)
        q = c.quantity
        if c.kind != "growth":
            # an absolute change needs a comparison word: 较2022年558件增加了555件
            if not vm:
                continue
            cmp_m = r.last_compare(max(sa, c.start - 40), c.start)
            if cmp_m is None:
                continue
            verb_pos = vm.start()
            basis = None
            for j in range(i - 1, -1, -1):
                p = cands[j]
                if p.start < cmp_m.end():
                    break
                if p.end <= verb_pos and p.kind == c.kind:
                    basis = p
                    break
            down = vm.group(1) in vocab.DOWN_VERBS or vm.group(1) == "减少了"
            r.roles[i] = "difference"
            if basis is not None:
                r.roles[basis.index] = "basis"
            current = r.previous(i, max(sa, cmp_m.start() - 60))
            diff = _signed(q, down)
            if current is not None:
                if basis is not None:
                    r.links.append(Link(basis.index, current.index))
                printed[current.index] = (basis, diff)
                r.links.append(Link(i, current.index, "减少数" if down else "增加数"))
            choice = (
                Choice(current.index, Binding.STATED if basis else Binding.POSITIONAL)
                if current is not None
                else Choice(None)
            )
            out.append(
                GrowthTie(
                    span=(cmp_m.start(), c.end),
                    rate=None,
                    direction="down" if down else "up",
                    form="difference",
                    current=choice,
                    basis=basis.index if basis is not None else None,
                    difference=diff,
                )
            )
            continue
        out.append(_growth_rate(r, i, sa, vm, printed))
    return out


def _growth_rate(
    r: _Reader,
    i: int,
    sa: int,
    vm: re.Match[str] | None,
    printed: dict[int, tuple[Candidate | None, Quantity]],
) -> GrowthTie:
    doc, cands, norm = r.doc, r.cands, r.doc.norm
    c = cands[i]
    q = c.quantity
    current = r.outside_aside(r.previous(i, sa), c.start, sa)
    basis: Candidate | None = None
    difference: Quantity | None = None
    if current is not None and r.is_prior(current):
        # 受理691件,较2022年的558件增长23.8%: the count after 较…的 is last year's
        prev = r.previous(current.index, sa)
        basis = current
        current = (
            prev
            if prev is not None and prev.kind == basis.kind and same_unit(prev, basis)
            else None
        )
    if current is not None:
        if basis is None and current.index in printed:
            basis, difference = printed[current.index]
        if basis is None:
            basis = r.prior_after(i, current)
    else:
        basis = None
    blo = max(sa, c.start - 8)
    tm = TIMES_OF_RE.search(norm, blo, c.start) if q.unit == "倍" else None
    down = bool(vm and vm.group(1) in (*vocab.DOWN_VERBS, "减少了"))
    start = vm.start() if vm else c.start
    if tm is not None:
        start = tm.start()
    cmp_m = r.last_compare(max(sa, start - 12), start)
    if cmp_m is not None and not doc.has_sentence_end(cmp_m.end(), start):
        start = cmp_m.start()
    if q.unit == "倍":
        form = "times_of" if tm is not None else "times_increase"
        change = _multiple_percent(q.value, form)
        rate = Quantity(
            value=-change if down else change,
            unit="%",
            qualifier=q.qualifier,
            text=q.text,
            resolution=q.resolution * 100,
            rounded=q.rounded,
        )
    else:
        rate = _signed(q, down)
        form = "percent"
    choice = r.choose_current(i, current, sa, rate if form == "percent" else None, start, basis)
    chosen = choice.ref if isinstance(choice.ref, int) else None
    if chosen is not None and current is not None and chosen != current.index:
        basis, difference = None, None  # the printed prior was the nearest figure's
    if basis is not None and chosen is not None:
        r.roles[basis.index] = "basis"
        r.links.append(Link(basis.index, chosen))
    if chosen is not None:
        r.links.append(Link(i, chosen))
    return GrowthTie(
        span=(start, c.end),
        rate=rate,
        direction="down" if down else "up",
        form=form,
        rate_index=i,
        current=choice,
        basis=basis.index if basis is not None else None,
        difference=difference,
    )


def _last_before(r: _Reader, pos: int, lo: int) -> Candidate | None:
    k = bisect.bisect_right(r.ends, pos) - 1
    for j in range(k, -1, -1):
        c = r.cands[j]
        if c.start < lo:
            return None
        if c.kind not in ("growth", "pp_change") and r.roles.get(c.index) != "difference":
            return c
    return None


def _phrases(r: _Reader) -> list[GrowthTie]:
    """翻一番 / 翻两番 and 持平: changes written without a number of their own."""
    doc = r.doc
    out: list[GrowthTie] = []
    for m in _DOUBLING_RE.finditer(doc.norm):
        n = _int_of(m.group(1))
        if not n or n > 10:
            continue
        current = _last_before(r, m.start(), doc.sentence_bounds(m.start())[0])
        rate = Quantity(
            value=_multiple_percent(Decimal(n), "doublings"),
            unit="%",
            text=doc.text[m.start() : m.end()],
            resolution=Decimal(1),
            rounded=False,
        )
        out.append(_phrase_tie(r, m, current, rate, "up", "doublings"))
    for m in _FLAT_RE.finditer(doc.norm):
        current = _last_before(r, m.start(), doc.sentence_bounds(m.start())[0])
        rate = Quantity(
            value=Decimal(0),
            unit="%",
            text=doc.text[m.start() : m.end()],
            resolution=Decimal(1),
            rounded=True,
        )
        out.append(_phrase_tie(r, m, current, rate, "flat", "flat"))
    return out


def _phrase_tie(
    r: _Reader,
    m: re.Match[str],
    current: Candidate | None,
    rate: Quantity,
    direction: Direction,
    form: str,
) -> GrowthTie:
    if current is None:
        choice = Choice(None)
    else:
        stated = r.adjacent(current, m.start(), True)
        choice = Choice(current.index, Binding.STATED if stated else Binding.POSITIONAL)
    return GrowthTie(
        span=(m.start(), m.end()), rate=rate, direction=direction, form=form, current=choice
    )


def _pp(r: _Reader) -> list[PPTie]:
    doc, cands, norm = r.doc, r.cands, r.doc.norm
    out: list[PPTie] = []
    for i, c in enumerate(cands):
        if c.kind != "pp_change":
            continue
        sa, _ = doc.sentence_bounds(c.start)
        blo = max(sa, c.start - 12)
        before = norm[blo : c.start]
        vm = _PP_VERB_RE.search(norm, blo, c.start)
        # the change's own verb (下降到65.7%,提高6.3个百分点 is a rise as written: the check
        # then sees the two rates contradict it); without one, any down verb before it
        down = (
            vm.group(1) in (*vocab.PP_DOWN_VERBS, *vocab.PP_BARE_DOWN)
            if vm
            else any(w in before for w in vocab.PP_DOWN_VERBS)
        )
        start = vm.start() if vm else c.start
        for cm in COMPARE_RE.finditer(norm, max(sa, start - 12), start):
            start = cm.start()
        k = bisect.bisect_left(r.starts, sa)
        rates = [
            p
            for p in cands[k:i]
            if p.quantity.unit in vocab.RATE_UNITS and p.kind in ("rate", "growth")
        ]
        rate_fig = rates[-1] if rates else None
        basis: Candidate | None = None
        stated = False
        if rate_fig is not None and rate_fig.kind == "rate":
            # 较上年的97.3%提高2.2个百分点: the rate before is the prior; 由83.5%提高到96.0%
            if _PRIOR_RATE_RE.search(norm, max(sa, rate_fig.start - 8), rate_fig.start):
                basis = rate_fig
                rate_fig = rates[-2] if len(rates) > 1 else None
            elif len(rates) > 1 and (
                _FROM_RE.search(norm, max(sa, rates[-2].start - 10), rates[-2].start)
                or (
                    TO_RE.fullmatch(norm, rates[-2].end, rate_fig.start)
                    and _PRIOR_LEAD_RE.search(norm, max(sa, rates[-2].start - 8), rates[-2].start)
                )
            ):
                basis = rates[-2]
                stated = True
        if rate_fig is not None and basis is None:
            # 为95.6%,较上年提高3.2个百分点(上年为92.4%)
            basis = r.prior_after(i, rate_fig)
        if rate_fig is not None and basis is not None:
            r.roles[basis.index] = "basis"
            # the prior is the same indicator: 由上年的92.4%提高到95.6% names it once
            r.links.append(Link(rate_fig.index, basis.index, only_if_empty=True))
            r.links.append(Link(basis.index, rate_fig.index))
            stated = True
        if rate_fig is not None:
            r.links.append(Link(i, rate_fig.index))
            stated = stated or r.adjacent(rate_fig, start, True)
            others = tuple(p.index for p in reversed(rates) if p is not rate_fig and p is not basis)
            choice = Choice(
                rate_fig.index, Binding.STATED if stated else Binding.POSITIONAL, others
            )
        else:
            choice = Choice(None)
        out.append(
            PPTie(
                span=(start, c.end),
                rate=_signed(c.quantity, down),
                direction="down" if down else "up",
                rate_index=i,
                current=choice,
                basis=basis.index if basis is not None else None,
            )
        )
    return out
