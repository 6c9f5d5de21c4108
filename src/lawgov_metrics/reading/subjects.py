"""Subjects: the short noun phrase each figure measures.

:func:`own_subjects` reads each candidate's subject from its own words, as a
:class:`Subject` value:

* a table cell takes the nearest label cell to its left (``行政许可 | 4736`` -> 行政许可);
* a count takes the clause before it, verbs and adverbs stripped (收到行政复议申请786宗 ->
  行政复议申请), or the noun after it when the clause before names nothing
  (组织17个律所党支部 -> 律所党支部);
* a clause that names only an action (依法受理602件) takes the action plus the noun of the
  count before it in its sentence (受理行政复议申请);
* a rate takes its clause (rates listed before it with 、 get one subject each); a rate with
  no words of its own takes the count before it (…276件,占比23.25% -> …占比), a bare
  成功率 the action of the count before it (调解成功率);
* a growth or pp figure takes the words before its comparison (案卷优良率较上年下降 ->
  案卷优良率), until :func:`final_subjects` gives it the subject of the figure it changes.

:func:`final_subjects` applies the :class:`Link` values the relation step returns (a prior
takes its current figure's subject, a difference ``…增加数``); nothing is changed in place.

Examples:
    >>> from lawgov_metrics.reading.document import Document
    >>> from lawgov_metrics.reading.figures import scan
    >>> doc = Document.build("收到行政复议申请640件,依法受理602件,组织17个律所党支部结对。")
    >>> [s.text for s in own_subjects(doc, scan(doc))]
    ['行政复议申请', '受理行政复议申请', '律所党支部']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from typing import Final

import attrs

from .. import vocab
from . import masks
from .document import CLAUSE_END, Document
from .figures import Candidate

__all__ = ["Link", "Subject", "final_subjects", "own_subjects", "strip_subject"]

PUNCT_STRIP: Final = " \t“”\"'‘’《》「」()（）[]【】·:：-—"
SUBJECT_MAX: Final = 24
_CJK_RE: Final = re.compile(r"[\u4e00-\u9fff]")
_LEAD_IN_RE: Final = re.compile(r"^.*?" + vocab.or_regex(vocab.LIST_LEAD_INS) + r"(?:为|是)")
_AFTER_WORD_RE: Final = re.compile(
    r"^(?:以后|之后|之中|后|中|内)(?=" + vocab.or_regex(vocab.AFTER_ACTIONS) + ")"
)
_STREAK_IN_SUBJECT_RE: Final = re.compile(
    r"连续(?:第)?[\d一二两三四五六七八九十]{1,3}(?:个)?(?:年|届|次)|保持$"
)
_PRIOR: Final = vocab.or_regex(vocab.PRIOR_YEAR_WORDS)
#: The words of a prior rate at the end of a rate's subject (出庭应诉率由上年的 -> 出庭应诉率).
_FROM_TAIL_RE: Final = re.compile(
    rf"(?:(?:由|从)(?:{_PRIOR}|(?:19|20)\d{{2}}年度?)?(?:同期)?(?:的)?"
    rf"|(?:{_PRIOR}|(?:19|20)\d{{2}}年度?)(?:同期)?(?:为|是))$"
)
#: Where a comparison starts inside a subject (较上年, 比2022年, 同比, 与上年相比).
_COMPARE_CUT_RE: Final = re.compile(
    r"(?:相较于?|相比于?|较之?|比|同比|环比|与|和)(?:上一?年度?|去年|同期|上年同期|"
    r"(?:19|20)\d{2}年度?)|同比|环比|相较于?|相比"
)
_CHANGE_WORDS_RE: Final = re.compile(
    "(?:"
    + vocab.or_regex((*vocab.UP_VERBS, *vocab.DOWN_VERBS, "高于", "低于", "高出", "减"))
    + ")(?:"
    + vocab.or_regex(vocab.CHANGE_VERB_TAILS)
    + ")?$"
)
#: Between two rates of ``上年为92.4%,提高到95.6%`` (the second is the first's indicator).
TO_RE: Final = re.compile(
    rf"\s?[,，]?\s?{vocab.or_regex(vocab.THIS_YEAR_WORDS)}?"
    rf"{vocab.or_regex((*vocab.UP_VERBS, *vocab.DOWN_VERBS))}?(?:到|至)\s?"
)
#: Before a share whose clause names nothing but the share (…276件,占比23.25%).
SHARE_LEAD_RE: Final = re.compile(
    r"^[,，]?\s?(?:约)?占(?:比|总数的|总量的|全部的)?(?:为|达|约为?)?\s?$"
)
_RATE_LIST_SPLIT_RE: Final = re.compile(vocab.or_regex(vocab.AND_WORDS))
_CELL_SPLIT_RE: Final = re.compile(r"[|\t]")
_HEADING_MARK_RE: Final = re.compile(r"^[ \t]*" + masks.HEADING_MARK)
#: At most this many rates listed before one figure (参加率、及格率、优秀率达到100%).
_MAX_LISTED: Final = 8
_CELL_STRIP: Final = PUNCT_STRIP + "\u3000.,，%‰"
#: Where the noun after a figure ends: a clause boundary or a digit.
_NOUN_END_RE: Final = re.compile("[。;；!！?？\n,，、:：|0-9]")
_NOUN_STOP_RE: Final = re.compile(vocab.or_regex(vocab.NOUN_AFTER_STOPS))
_DROP_PUNCT: Final = str.maketrans("", "", PUNCT_STRIP)
_LIST_JOINERS: Final = frozenset("和及与或、")


def _by_first(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        out.setdefault(w[0], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


def _by_last(words: Sequence[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for w in sorted(set(words), key=lambda w: (-len(w), w)):
        out.setdefault(w[-1], []).append(w)
    return {k: tuple(v) for k, v in out.items()}


_PREFIXES: Final = _by_first(vocab.SUBJECT_PREFIXES)
_SUFFIXES: Final = _by_last(vocab.SUBJECT_SUFFIXES)
_ACTIONS_BY_FIRST: Final = _by_first(vocab.ACTION_VERBS)
_ADVERBS_BY_FIRST: Final = _by_first(vocab.ACTION_ADVERBS)
_ACTIONS: Final = frozenset(vocab.ACTION_VERBS)
_CUT_BY_FIRST: Final = _by_first(vocab.CUT_VERBS)
_CUT_FIRST: Final = frozenset(_CUT_BY_FIRST)
_AFTER_FIRST: Final = frozenset("以之后中内")


@attrs.frozen
class Subject:
    """A candidate's subject as its own words give it.

    Attributes:
        text: The subject (the last of them for a listed rate).
        listed: Rates listed before it with 、 (参加率、及格率达到100% -> ``("参加率",)``).
        bare_verb: The words name only an action (依法受理602件), completed with a noun.
    """

    text: str = ""
    listed: tuple[str, ...] = ()
    bare_verb: bool = False

    @property
    def all(self) -> tuple[str, ...]:
        """Every subject of the candidate: the listed ones, then its own."""
        return (*self.listed, self.text) if self.listed else (self.text,)


@attrs.frozen
class Link:
    """``target`` takes the subject of ``source`` (plus ``suffix``).

    Attributes:
        target: The candidate index that takes a subject.
        source: The candidate index it takes it from.
        suffix: Appended (``增加数`` for the difference of a change).
        only_if_empty: Taken only when ``target`` has no subject of its own.
    """

    target: int
    source: int
    suffix: str = ""
    only_if_empty: bool = False


def strip_subject(s: str, *, min_rest: int = 2) -> str:
    """``s`` without the verbs, adverbs and particles around its noun.

    Examples:
        >>> strip_subject("累计收到行政复议申请"), strip_subject("共办理人大建议")
        ('行政复议申请', '人大建议')
        >>> strip_subject("新收费项目")
        '收费项目'
    """
    return _strip_subject(s, min_rest)


# Stripping is a pure function of the phrase, and reports repeat their phrases
# (行政复议申请, 政府信息公开申请): each distinct one is stripped once, in a bounded cache.
@functools.lru_cache(maxsize=1 << 16)
def _strip_subject(s: str, min_rest: int) -> str:
    s = s.strip(PUNCT_STRIP)
    if "为" in s or "是" in s:
        lead = _LEAD_IN_RE.match(s)
        if lead and len(s) > lead.end():
            s = s[lead.end() :].lstrip(PUNCT_STRIP)
    changed = True
    while changed and s:
        changed = False
        after_word = _AFTER_WORD_RE.match(s) if s[0] in _AFTER_FIRST else None
        if after_word:
            s = s[after_word.end() :]
            changed = True
            continue
        for w in _SUFFIXES.get(s[-1], ()):
            if s.endswith(w):
                if len(s) == len(w):
                    return ""
                s = s[: -len(w)].rstrip(PUNCT_STRIP)
                changed = True
                break
        if changed or not s:
            continue
        for w in _PREFIXES.get(s[0], ()):
            if not s.startswith(w):
                continue
            if w.endswith("收") and s[len(w) : len(w) + 1] in vocab.SHOU_NOUN_NEXT:
                continue  # 新收费: 收 belongs to the noun 收费
            if len(s) - len(w) >= min_rest:
                s = s[len(w) :].lstrip(PUNCT_STRIP)
                changed = True
                break
            if len(s) == len(w):
                return ""
    return s


@functools.lru_cache(maxsize=1 << 16)
def _cut_verb(s: str) -> str:
    best = -1
    best_len = 0
    for v in (v for ch in _CUT_FIRST.intersection(s) for v in _CUT_BY_FIRST[ch]):
        i = s.rfind(v)
        if i < 0:
            continue
        if s[i + len(v) : i + len(v) + 1] in _LIST_JOINERS and i + len(v) < len(s):
            continue  # 调解和终止结案: the verb is one of the listed actions
        if i > best and len(s) - i - len(v) >= 3:
            best, best_len = i, len(v)
    if best >= 0:
        # 主动公开 names the indicator (主动公开政府信息), and the outcome verbs 审结/办结 name
        # other indicators than the intake ones (审结复议案件 is not 收到复议申请): kept
        return s[best:] if s.startswith(vocab.KEPT_VERBS, best) else s[best + best_len :]
    return s


def _noun_after(norm: str, end: int) -> str:
    rest = norm[end : end + 30]
    stop = _NOUN_END_RE.search(rest)
    if stop is not None:
        rest = rest[: stop.start()]
    k = rest.rfind("的")
    if 0 <= k < len(rest) - 1:
        rest = rest[k + 1 :]
    first = _NOUN_STOP_RE.search(rest)
    if first is not None:
        if first.start() == 0:
            return ""
        rest = rest[: first.start()]
    return strip_subject(rest.translate(_DROP_PUNCT))


def action_of(pre: str) -> str:
    """The last action verb of a clause made only of verbs and adverbs, else ``""``.

    Examples:
        >>> action_of("受理后审结"), action_of("依法受理"), action_of("调解矛盾纠纷")
        ('审结', '受理', '')
    """
    rest = pre.strip(PUNCT_STRIP)
    found = ""
    while rest:
        adverb = next((w for w in _ADVERBS_BY_FIRST.get(rest[0], ()) if rest.startswith(w)), "")
        if adverb:
            rest = rest[len(adverb) :]
            continue
        verb = next((v for v in _ACTIONS_BY_FIRST.get(rest[0], ()) if rest.startswith(v)), "")
        if not verb:
            return ""
        found, rest = verb, rest[len(verb) :]
    return found


def before_compare(pre: str) -> str:
    """The subject of a change: the words before its comparison, else those after it.

    Examples:
        >>> before_compare("案卷优良率较上年下降"), before_compare("较上年下降")
        ('案卷优良率', '')
        >>> before_compare("同比增长")
        ''
    """
    m = _COMPARE_CUT_RE.search(pre)
    head = pre[: m.start()] if m else pre
    head = _CHANGE_WORDS_RE.sub("", head)
    subj = strip_subject(head)
    if not subj and m:
        subj = strip_subject(_CHANGE_WORDS_RE.sub("", pre[m.end() :]))
    return subj


class _TableLabels:
    """The label cell left of a bare number in a table row, with each row split once."""

    def __init__(self, doc: Document) -> None:
        self.doc = doc
        self.rows: dict[int, tuple[list[int], list[str], list[str]]] = {}

    def _row(self, a: int, b: int) -> tuple[list[int], list[str], list[str]]:
        row = self.rows.get(a)
        if row is not None:
            return row
        norm = self.doc.norm
        starts = [a]
        starts += [m.end() for m in _CELL_SPLIT_RE.finditer(norm, a, b)]
        cells = [norm[s : e - 1] for s, e in zip(starts, [*starts[1:], b + 1], strict=True)]
        # nearest[k]: the label in force after cell k ("" where a cell blocks the search)
        nearest: list[str] = []
        current = ""
        for cell in cells:
            verdict = _cell_label(cell)
            if verdict is not None:
                current = verdict
            nearest.append(current)
        row = (starts, cells, nearest)
        self.rows[a] = row
        return row

    def label(self, c: Candidate) -> str:
        if c.quantity.unit:
            return ""
        doc = self.doc
        a, b = doc.line_of(c.start)
        if a not in doc.table_lines:
            return ""
        starts, _cells, nearest = self._row(a, b)
        import bisect

        k = bisect.bisect_right(starts, c.start) - 1
        own = _cell_label(doc.norm[starts[k] : c.start])
        if own is not None:
            return own
        return nearest[k - 1] if k > 0 else ""


def _cell_label(cell: str) -> str | None:
    """A label cell's text; ``""`` for a cell that stops the search; ``None`` to go on."""
    cell = _HEADING_MARK_RE.sub("", cell).strip(_CELL_STRIP)
    if not cell:
        return None
    if any(ch.isdigit() for ch in cell):
        return "" if _CJK_RE.search(cell) else None
    return cell


# ---------------------------------------------------------------------------------------
# own subjects


def own_subjects(doc: Document, cands: Sequence[Candidate]) -> list[Subject]:
    """Each candidate's subject from its own words (see the module docstring)."""
    labels = _TableLabels(doc)
    norm = doc.norm
    out: list[Subject] = []
    prev_end = 0
    for c in cands:
        s = _subject(doc, labels, c, prev_end)
        if (
            not s.text
            and prev_end
            and c.kind == "count"
            and out
            and cands[len(out) - 1].end == prev_end
            and not doc.has_clause_end(prev_end, c.start)
        ):
            # 修复信用28300余条共计12392户次: the same subject as the figure before
            s = Subject(out[-1].text)
        out.append(s)
        prev_end = c.end
    for i, c in enumerate(cands):
        if out[i].bare_verb:
            out[i] = _complete_action(doc, cands, out, i)
        elif c.kind == "rate":
            out[i] = _borrow_rate_subject(norm, doc, cands, out, i)
    return out


def _subject(doc: Document, labels: _TableLabels, c: Candidate, floor: int) -> Subject:
    norm = doc.norm
    label = labels.label(c)
    if label:
        return Subject(label[-SUBJECT_MAX:])
    cs = doc.clause_start(c.start, floor)
    pre = doc.words(cs, c.start)
    if "是" in pre:
        for mark in vocab.ORDINAL_ITEMS:
            k = pre.rfind(mark)
            if k >= 0:
                pre = pre[k + 2 :]
    if c.kind in ("growth", "pp_change"):
        return Subject(before_compare(pre)[-SUBJECT_MAX:])
    if c.kind == "rate":
        return _rate_subject(doc, pre, cs, floor)
    nxt = norm[c.end : c.end + 1]
    cjk_next = bool(nxt) and _CJK_RE.match(nxt) is not None
    after = _noun_after(norm, c.end) if cjk_next else ""
    if after and len(after) >= 2 and c.kind == "count":
        return Subject(after[:SUBJECT_MAX])
    subj = strip_subject(_cut_verb(strip_subject(pre)))
    if not subj:
        subj = after
    if (not subj or subj in _ACTIONS) and 2 <= len(pre.strip(PUNCT_STRIP)) <= 6:
        action = action_of(pre)
        if action:
            # a clause that names only an action: the action, completed later with the noun
            # of the figure before it (受理后审结2,876件 -> 审结 + 行政复议申请)
            return Subject(action, bare_verb=True)
        subj = pre.strip(PUNCT_STRIP).removeprefix("其中").removeprefix("已").removeprefix("共")
    if not subj and cjk_next:
        raw = norm[c.end : c.end + 20]
        cut = next((i for i, ch in enumerate(raw) if ch in CLAUSE_END), len(raw))
        subj = raw[:cut]
    return Subject(subj[-SUBJECT_MAX:])


def _rate_subject(doc: Document, pre: str, cs: int, floor: int) -> Subject:
    norm = doc.norm
    pre = _FROM_TAIL_RE.sub("", pre)
    subj = strip_subject(_STREAK_IN_SUBJECT_RE.sub("", pre), min_rest=3)
    parts = [p for p in _RATE_LIST_SPLIT_RE.split(subj) if p]
    listed: list[str]
    if len(parts) > 1 and all(p.endswith("率") for p in parts):
        text, listed = parts[-1], parts[:-1]
    else:
        text, listed = subj[-SUBJECT_MAX:], []
    # rates listed before with 、 (参加率、及格率达到100%)
    k = cs - 1
    while k >= 0 and norm[k] == "、" and len(listed) < _MAX_LISTED:
        ps = doc.clause_start(k, floor)
        item = strip_subject(doc.words(ps, k), min_rest=3)
        if item.endswith("率") and not any(ch.isdigit() for ch in item) and len(item) <= 16:
            listed.insert(0, item)
            k = ps - 1
        else:
            break
    return Subject(text, tuple(listed))


def _complete_action(
    doc: Document, cands: Sequence[Candidate], subjects: list[Subject], i: int
) -> Subject:
    """A bare action subject with the noun of the count before it in its sentence."""
    c = cands[i]
    s = subjects[i]
    sa, _ = doc.sentence_bounds(c.start)
    for j in range(i - 1, -1, -1):
        p = cands[j]
        if p.end <= sa or doc.has_sentence_end(p.end, c.start):
            return s
        if p.kind != c.kind or p.quantity.unit != c.quantity.unit:
            continue
        noun = subjects[j].text
        if subjects[j].bare_verb:
            noun = next((noun[len(v) :] for v in vocab.ACTION_VERBS if noun.startswith(v)), "")
        if noun.endswith(vocab.POPULATION_NOUNS) and not noun.startswith(s.text):
            return attrs.evolve(s, text=s.text + noun)
        return s
    return s


def _borrow_rate_subject(
    norm: str, doc: Document, cands: Sequence[Candidate], subjects: list[Subject], i: int
) -> Subject:
    """A rate whose own words do not name it, named from the figure before it.

    * 由92.4%提升至98.8%: the second rate is the first one's indicator;
    * 调解和终止结案276件,占比23.25%: the share of that count (调解和终止结案占比);
    * 调解矛盾纠纷1497宗,成功率达98.73%: a bare 成功率 is the 调解 count's (调解成功率).
    """
    s = subjects[i]
    if s.listed or i == 0:
        return s
    p = cands[i - 1]
    c = cands[i]
    if doc.has_sentence_end(p.end, c.start):
        return s
    between = norm[p.end : c.start]
    ps = subjects[i - 1].text
    if not s.text:
        if p.kind == "rate" and ps and TO_RE.fullmatch(between):
            return Subject(ps)
        if p.kind == "count" and ps and SHARE_LEAD_RE.match(between):
            return Subject(ps + "占比")
        return s
    if s.text in vocab.BARE_RATES and p.kind == "count":
        clause = doc.words(doc.clause_start(p.start), p.start)
        action = next((a for a in vocab.RATE_ACTIONS if a in clause), "")
        if action:
            return Subject(action + s.text)
    return s


# ---------------------------------------------------------------------------------------
# final subjects


def final_subjects(own: Sequence[Subject], links: Sequence[Link]) -> list[Subject]:
    """``own`` with each :class:`Link` applied in order (a listed rate keeps its own).

    Examples:
        >>> own = [Subject("行政复议申请"), Subject("")]
        >>> [s.text for s in final_subjects(own, [Link(1, 0, "增加数")])]
        ['行政复议申请', '行政复议申请增加数']
    """
    out = list(own)
    for link in links:
        target = out[link.target]
        source = out[link.source].text
        if not source or target.listed:
            continue
        if link.only_if_empty and target.text:
            continue
        text = source + link.suffix
        if target.text != text:
            out[link.target] = attrs.evolve(target, text=text)
    return out
