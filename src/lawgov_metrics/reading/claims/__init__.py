"""Claim readers, one module per kind, registered in :data:`READERS`.

:func:`read_claims` runs every registered reader on a :class:`Context` and returns the
claims in text order. Each reader only turns the ties of
:mod:`lawgov_metrics.reading.clauses` (or, for streaks and ranks, the words of the text)
into records; binding happened before.

Examples:
    >>> from lawgov_metrics.reading import claims
    >>> for reader in claims.READERS.values():
    ...     print(reader.kind, "-", reader.summary)
    growth - Growth claims: 同比增长68.67%, 增加555件, 增长2倍, 翻一番, 持平.
    pp_change - Percentage-point changes: 提高3.2个百分点 (由92.4%提高到95.6%).
    share - Shares: a rate of a count (成功率达98.73%, 占比25%).
    breakdown - Breakdowns: a total and its parts (共…其中…, 分别为…, 办结的82件中…).
    balance - Balances: received + carried in = concluded + carried out.
    streak - Streaks: 连续四年获评优秀.
    rank - Ranks: 名列全省第一, 排名全国前三.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from ...records import Claim
from . import balance, breakdown, growth, pp_change, rank, share, streak
from .registry import KINDS, REGISTRY, ClaimReader, Context, claim_reader

__all__ = ["KINDS", "READERS", "ClaimReader", "Context", "claim_reader", "read_claims"]

#: The modules that register the readers (imported for that).
MODULES: Final = (growth, pp_change, share, breakdown, balance, streak, rank)
#: Every claim reader, by kind, in reading order.
READERS: Final[Mapping[str, ClaimReader]] = MappingProxyType({k: REGISTRY[k] for k in KINDS})


def read_claims(ctx: Context) -> list[Claim]:
    """Every claim of the context's document, in text order."""
    out: list[Claim] = []
    for reader in READERS.values():
        out.extend(reader.read(ctx))
    out.sort(key=lambda c: (c.span[0], c.span[1]))
    return out
