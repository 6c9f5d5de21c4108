"""Typed, exact records: quantities, figures, claims and reports.

Records are frozen, keyword-only attrs classes. They hold what a report *says*, exactly
as written: values are :class:`~decimal.Decimal`, the original text is kept, and every
figure and claim carries the quote and character span it came from. Parsing lives in
:mod:`lawgov_metrics.numerals` and :mod:`lawgov_metrics.extract`, never in ``__init__``.

Examples:
    >>> from decimal import Decimal
    >>> import lawgov_metrics as lm
    >>> q = lm.Quantity(value=Decimal("28300"), unit="条", qualifier=lm.Qualifier.MORE_THAN,
    ...                 text="28300余条", resolution=Decimal("1"), rounded=False)
    >>> print(q.bounds())
    [28300, 28400)
"""

from __future__ import annotations

from ._claims import (
    BalanceClaim,
    Binding,
    BreakdownClaim,
    Claim,
    Figure,
    GrowthClaim,
    PPChangeClaim,
    RankClaim,
    ShareClaim,
    StreakClaim,
)
from ._quantity import Qualifier, Quantity
from ._report import Report

__all__ = [
    "BalanceClaim",
    "Binding",
    "BreakdownClaim",
    "Claim",
    "Figure",
    "GrowthClaim",
    "PPChangeClaim",
    "Qualifier",
    "Quantity",
    "RankClaim",
    "Report",
    "ShareClaim",
    "StreakClaim",
]

# The records are documented, pickled and shown as ``lawgov_metrics.records.X``, the path
# users import them from; the private modules they are defined in may move.
for _cls in (
    BalanceClaim, Binding, BreakdownClaim, Figure, GrowthClaim, PPChangeClaim, Qualifier,
    Quantity, RankClaim, Report, ShareClaim, StreakClaim,
):  # fmt: skip
    _cls.__module__ = __name__
del _cls
