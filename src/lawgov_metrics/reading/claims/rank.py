"""Rank claims: 名列全省第一名, 全市法院第一, 排名全国前三.

A rank is read from its words; it ties no figures together.

Examples:
    >>> from lawgov_metrics.reading import extract
    >>> r = extract("在全省法治政府建设考评中排名第二,在全国系统评估中位列前三。")
    >>> [(c.rank, c.scope) for c in r.claims_of("rank")]
    [(2, '全省'), (3, '全国')]
"""

from __future__ import annotations

import re
from typing import Final

from ... import vocab
from ...records import RankClaim
from ..subjects import strip_subject
from .registry import Context, claim_reader
from .streak import NUMWORD, int_of

__all__ = ["read"]

_RANK_RE: Final = re.compile(
    r"(?P<verb>" + vocab.or_regex(vocab.RANK_VERBS) + r")?"
    r"(?P<scope>全(?:国|省|市|区|县|州|盟)[^，。；,;、\s第首前\d]{0,10}?)?"
    r"(?:排名|排|位列|名列|位居|居)?"
    rf"(?:第(?P<n>{NUMWORD})(?P<u>名|位|档次|档)?|(?P<first>首位)|前(?P<top>{NUMWORD})(?:名|位)?)"
)
#: The core of a rank (第二, 首位, 前三): found first, at full speed, then the rank is read
#: in the few characters before it (a verb or a scope must open it).
_CORE_RE: Final = re.compile(rf"第{NUMWORD}|首位|前{NUMWORD}")
_REACH: Final = 24
_RANK_SCOPE_BEFORE_RE: Final = re.compile(
    r"(全(?:国|省|市|区|县|州|盟))[^，。；,;、\d]{0,24}?中\s?$"
)
_RANK_BAD_NEXT: Final = frozenset("批届期次号条款章节项部个责把轮季阶级类天周年月日人")


def _rank_ending_at(norm: str, lo: int, core: int) -> re.Match[str] | None:
    """The leftmost rank in ``norm[lo:]`` whose core starts at ``core``, opened by a verb
    or a scope."""
    for m in _RANK_RE.finditer(norm, lo, core + _REACH):
        if m.start() > core:
            return None
        core_start = (
            m.start("n") - 1
            if m.group("n")
            else m.start("first")
            if m.group("first")
            else m.start("top") - 1
        )
        if core_start == core:
            return m if (m.group("verb") or m.group("scope")) else None
    return None


@claim_reader("rank")
def read(ctx: Context) -> list[RankClaim]:
    """Ranks: 名列全省第一, 排名全国前三."""
    doc = ctx.doc
    norm = doc.norm
    out: list[RankClaim] = []
    done = 0
    for core in _CORE_RE.finditer(norm):
        m = _rank_ending_at(norm, max(done, core.start() - _REACH), core.start())
        if m is None:
            continue
        done = m.end()
        if m.group("n"):
            rank = int_of(m.group("n"))
            nxt = norm[m.end() : m.end() + 1]
            if not m.group("u") and nxt and nxt in _RANK_BAD_NEXT:
                continue
        elif m.group("first"):
            rank = 1
        else:
            rank = int_of(m.group("top") or "")
        if not rank or rank > 10000:
            continue
        scope = m.group("scope") or ""
        start = m.start("scope") if scope else m.start()
        if m.group("verb"):
            start = m.start()
        subject_start = doc.clause_start(start)
        if scope.endswith("中") and len(scope) > 3:
            scope = scope[:2]  # 全省法治政府建设考评中第二: the scope is 全省
        elif not scope:
            # 在全省法治政府建设考评中排名第二
            sm = _RANK_SCOPE_BEFORE_RE.search(norm, subject_start, start)
            if sm:
                scope = sm.group(1)
        out.append(
            RankClaim(
                subject=strip_subject(norm[subject_start:start])[-30:],
                quote=doc.text[start : m.end()],
                span=(start, m.end()),
                section=doc.section_at(start),
                rank=rank,
                scope=scope,
            )
        )
    return out
