"""Streak claims: 连续四年获评优秀等次, 连续第六年.

A streak is read from its words; it ties no figures together.

Examples:
    >>> from lawgov_metrics.reading import extract
    >>> (s,) = extract("法治广州建设考评连续四年获评优秀等次。").claims
    >>> s.years, s.subject
    (4, '法治广州建设考评优秀等次')
"""

from __future__ import annotations

import re
from typing import Final

from ... import vocab
from ...errors import ParseError
from ...numerals import parse_number
from ...records import StreakClaim
from ..subjects import PUNCT_STRIP, strip_subject
from .registry import Context, claim_reader

__all__ = ["NUMWORD", "int_of", "read"]

NUMWORD: Final = r"[\d一二两三四五六七八九十]{1,3}"
_STREAK_RE: Final = re.compile(rf"连续(第)?({NUMWORD})(个)?(年|届|次|个年度)")
_PLACE_RE: Final = re.compile(r".{0,8}?" + vocab.or_regex(vocab.SELF_AND_PLACE_WORDS))
_STREAK_VERBS: Final = tuple(sorted(vocab.STREAK_VERBS, key=len, reverse=True))
_QUOTE_MARKS: Final = frozenset('“”"《》')
_AFTER_REACH: Final = 40


def int_of(s: str) -> int | None:
    """The whole number ``s`` (Arabic or Chinese), or ``None`` if it is not one."""
    try:
        value, _ = parse_number(s)
    except ParseError:
        return None
    return int(value) if value == value.to_integral_value() else None


@claim_reader("streak")
def read(ctx: Context) -> list[StreakClaim]:
    """Streaks: 连续四年获评优秀."""
    doc = ctx.doc
    norm = doc.norm
    out: list[StreakClaim] = []
    for m in _STREAK_RE.finditer(norm):
        n = int_of(m.group(2))
        if not n or n < 2 or n > 200:
            continue
        cs = doc.clause_start(m.start())
        ce = min(doc.clause_end(m.end()), m.end() + _AFTER_REACH)
        before = strip_subject(norm[cs : m.start()])
        if _PLACE_RE.fullmatch(before):
            before = ""
        after = norm[m.end() : ce]
        verb = next((v for v in _STREAK_VERBS if after.startswith(v)), "")
        after = after[len(verb) :].strip(PUNCT_STRIP + "为")
        after = "".join(ch for ch in after if ch not in _QUOTE_MARKS)
        out.append(
            StreakClaim(
                subject=(before + after)[:40],
                quote=doc.text[m.start() : m.end()],
                span=(m.start(), m.end()),
                section=doc.section_at(m.start()),
                years=n,
            )
        )
    return out
