"""Which figures measure the same indicator: subject keys, and figures matched across reports.

Examples:
    >>> from lawgov_metrics.checks import subject_key
    >>> subject_key("新收行政复议申请") == subject_key("受理 行政复议申请")
    True
"""

from __future__ import annotations

import functools
import re

from ..indicators import default_vocabulary
from ..records import Figure, GrowthClaim, PPChangeClaim, Report
from ..vocab import SUBJECT_KEY_WORDS, or_regex
from ._common import is_rate, units_compatible

__all__ = ["matching_figures", "same_indicator", "subject_key"]

_VERB_RE = re.compile(or_regex(SUBJECT_KEY_WORDS))
_NOISE_RE = re.compile(r"[\s,，、。;；:：()（）“”\"'‘’《》【】\[\]]+")
# What is left at the start of a subject when reading cuts a verb in two (全年新|收…).
_LEAD_VERB_RE = re.compile(
    r"^(?:收(?![费缴入益])|到(?=[\u4e00-\u9fff]{2})|理(?=[\u4e00-\u9fff]{2}))"
)
#: Figures that are changes or streaks, never the level of an indicator.
_NOT_LEVELS = frozenset({"growth", "pp_change", "streak", "rank"})


@functools.lru_cache(maxsize=16384)
def subject_key(subject: str) -> str:
    """A normalised key for matching the same indicator across figures and reports.

    Strips the words that vary between reports for the same count
    (:data:`lawgov_metrics.vocab.SUBJECT_KEY_WORDS`: 收到, 受理, 办理, 新收, 共/共计, 累计,
    全年, 合计, 总计), whitespace and punctuation, and the remnant of a verb cut in two at
    the start (收…, 到…, 理…; not 收费, 收缴, 收入, 收益).

    Args:
        subject: A figure's subject as read.

    Returns:
        The key; ``""`` when nothing is left.

    Examples:
        >>> subject_key("收到行政复议申请"), subject_key(" 共受理 行政复议申请 ")
        ('行政复议申请', '行政复议申请')
        >>> subject_key("收行政复议申请"), subject_key("收费项目")
        ('行政复议申请', '收费项目')
    """
    return _LEAD_VERB_RE.sub("", _NOISE_RE.sub("", _VERB_RE.sub("", subject or "")))


@functools.lru_cache(maxsize=8192)
def _indicator_id(subject: str) -> str | None:
    """The shipped vocabulary's indicator id for ``subject``, if it knows one."""
    found = default_vocabulary().match(subject)
    return None if found is None else found.id


@functools.lru_cache(maxsize=65536)
def same_indicator(a: str, b: str) -> bool:
    """Whether two subjects name the same indicator (the vocabulary first, then the key).

    Examples:
        >>> same_indicator("收到行政复议申请", "新收行政复议申请")
        True
        >>> same_indicator("行政复议申请", "法律援助案件"), same_indicator("", "")
        (False, False)
    """
    if not a or not b:
        return False
    if a == b:
        return True
    ia, ib = _indicator_id(a), _indicator_id(b)
    if ia is not None and ib is not None:
        return ia == ib
    ka, kb = subject_key(a), subject_key(b)
    return bool(ka) and ka == kb


def _basis_spans(report: Report) -> set[tuple[int, int]]:
    """Spans of figures that are a printed prior or a written change of some claim."""
    spans: set[tuple[int, int]] = set()
    for c in report.claims:
        if isinstance(c, (GrowthClaim, PPChangeClaim)):
            for f in (c.basis, c.rate_figure):
                if f is not None:
                    spans.add(f.span)
    return spans


def matching_figures(fig: Figure, other: Report) -> list[Figure]:
    """Figures of ``other`` measuring the same indicator as ``fig``.

    Figures printed as the prior or the change of ``other``'s own claims are left out;
    units must count alike (件 = 宗) and a rate only matches a rate. Figures with exactly
    ``fig``'s subject win over those matched through the vocabulary or the key.
    """
    skip = _basis_spans(other)
    subject = fig.subject
    found = [
        f
        for f in other.figures
        if f.span not in skip
        and units_compatible(f.unit, fig.unit)
        and is_rate(f) == is_rate(fig)
        and f.kind not in _NOT_LEVELS
        and same_indicator(f.subject, subject)
    ]
    exact = [f for f in found if f.subject == subject]
    return exact or found
