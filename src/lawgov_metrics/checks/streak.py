"""Streaks: 连续N年 in year Y needs 连续N-1年 in year Y-1."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence
from fractions import Fraction

from ..reasons import Reason
from ..records import Report, StreakClaim
from ..results import CheckResult, Status
from ..vocab import STREAK_NOISE_WORDS, or_regex
from ._common import consecutive, make_result
from ._format import cq
from .config import CheckConfig
from .registry import pair_check

__all__ = ["check_streak_sequence"]

_NOISE_RE = re.compile(
    r"第?[0-9一二两三四五六七八九十]+年度?|"
    + or_regex(STREAK_NOISE_WORDS)
    + r"|[\s,，、。;；:：()（）“”\"'‘’《》【】\[\]]+"
)
#: Two streak subjects name one award when their bigram similarity reaches this.
_MATCH = Fraction(3, 5)


@functools.lru_cache(maxsize=8192)
def _key(subject: str) -> str:
    """A streak's subject without award words, year counts and punctuation.

    Examples:
        >>> _key("连续四年获评法治广州建设考评优秀等次")
        '法治广州建设考评优秀'
    """
    return _NOISE_RE.sub("", subject or "")


def _bigrams(s: str) -> set[str]:
    return {s[i : i + 2] for i in range(len(s) - 1)} or ({s} if s else set())


@functools.lru_cache(maxsize=8192)
def _similarity(a: str, b: str) -> Fraction:
    """Dice similarity of character bigrams, 1 when one key contains the other."""
    if not a or not b:
        return Fraction(0)
    if (a in b or b in a) and min(len(a), len(b)) >= 4:
        return Fraction(1)
    ba, bb = _bigrams(a), _bigrams(b)
    return Fraction(2 * len(ba & bb), len(ba) + len(bb))


def _mentions(text: str, key: str) -> bool:
    """Whether ``text`` mentions most of ``key`` (a run of at least 4 of its characters)."""
    if len(key) < 4:
        return key in text
    width = max(4, (len(key) * 2) // 3)
    return any(key[i : i + width] in text for i in range(len(key) - width + 1))


@pair_check(
    "streak.sequence",
    title="连续N年 that does not follow last year's",
    reasons=(
        Reason.NONE,
        Reason.FIRST_AWARD,
        Reason.STREAK_JUMP,
        Reason.STREAK_NOT_ADVANCING,
        Reason.NO_PRIOR_STREAK,
    ),
)
def check_streak_sequence(
    earlier: Report, later: Report, config: CheckConfig
) -> Iterator[CheckResult]:
    """``streak.sequence``: 连续N年 in year Y needs 连续N-1年 in year Y-1.

    Streaks are matched by subject (award words such as 获评/荣获/等次 and years removed,
    :data:`lawgov_metrics.vocab.STREAK_NOISE_WORDS`, then character-bigram similarity of
    at least 3/5). PASS when the streak advances by one, or when 连续两年 follows a report
    that mentions the first award; FAIL (``streak_jump``) when it grows by more than one;
    WARN (``streak_not_advancing``) when it does not grow; UNDECIDABLE when last year's
    report has no matching streak.

    Examples:
        >>> check_streak_sequence([])
        []
    """
    if not consecutive(earlier, later):
        return
    olds = [c for c in earlier.claims if isinstance(c, StreakClaim)]
    for claim in later.claims:
        if isinstance(claim, StreakClaim):
            yield _streak_result(earlier, later, claim, olds)


def _streak_result(
    earlier: Report, later: Report, claim: StreakClaim, olds: Sequence[StreakClaim]
) -> CheckResult:
    cid = "streak.sequence"
    reports = (earlier, later)
    key = _key(claim.subject)
    best = max(((_similarity(key, _key(o.subject)), i) for i, o in enumerate(olds)), default=None)
    n = claim.years
    now = f"{later.label} “{cq(claim) or claim.subject}” (连续{n}年)"
    if best is not None and best[0] >= _MATCH:
        old = olds[best[1]]
        m = old.years
        then = f"{earlier.label} “{cq(old) or old.subject}” (连续{m}年)"
        figs = (claim.figure, old.figure)
        if m == n - 1:
            return make_result(
                cid, Status.PASS, f"{now} follows {then}", figures=figs, reports=reports
            )
        if m < n - 1:
            return make_result(
                cid,
                Status.FAIL,
                f"{now} jumps from {then}: a streak grows by one a year, so {earlier.year} "
                f"should have said 连续{n - 1}年",
                Reason.STREAK_JUMP,
                figures=figs,
                reports=reports,
            )
        return make_result(
            cid,
            Status.WARN,
            f"{now} does not advance from {then}: expected 连续{m + 1}年 in {later.year}, "
            "unless the two count different awards or periods",
            Reason.STREAK_NOT_ADVANCING,
            figures=figs,
            reports=reports,
        )
    if n == 2 and key and _mentions(earlier.text, key):
        return make_result(
            cid,
            Status.PASS,
            f"{now}: {earlier.label} mentions the first award ({key})",
            Reason.FIRST_AWARD,
            figures=(claim.figure,),
            reports=reports,
        )
    missing = (
        "does not mention the first award"
        if n == 2
        else f"has no 连续{n - 1}年 claim for the same subject"
    )
    return make_result(
        cid,
        Status.UNDECIDABLE,
        f"{now}: {earlier.label} {missing} to confirm it",
        Reason.NO_PRIOR_STREAK,
        figures=(claim.figure,),
        reports=reports,
    )
