"""What every family of checks shares: building a result, and what kind of figure this is."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from ..reasons import Reason
from ..records import Figure, Qualifier, Report
from ..results import CheckResult, Status
from ..rounding import Interval
from ..vocab import RATE_UNITS, same_unit_family

__all__ = [
    "consecutive",
    "entirely_above",
    "in_template_table",
    "is_exact_count",
    "is_rate",
    "labels",
    "make_result",
    "units_compatible",
    "year_word",
]

#: Units of a rate or a change, never a count.
_CHANGE_UNITS = frozenset(RATE_UNITS | {"个百分点", "倍", "番"})


def labels(*reports: Report) -> tuple[str, ...]:
    """The reports' labels (``"花都区 2023"``), as a result names them."""
    return tuple(r.label for r in reports)


def make_result(
    check_id: str,
    status: Status,
    message: str,
    reason: Reason = Reason.NONE,
    *,
    figures: Iterable[Figure | None] = (),
    reports: Sequence[Report] = (),
    observed: Fraction | Decimal | None = None,
    expected: Interval | None = None,
    details: dict[str, Any] | None = None,
) -> CheckResult:
    """A :class:`~lawgov_metrics.CheckResult`, leaving out figures that are ``None``."""
    return CheckResult(
        check=check_id,
        status=status,
        message=message,
        reason=reason,
        observed=observed,
        expected=expected,
        figures=tuple(f for f in figures if f is not None),
        reports=labels(*reports),
        details=details or {},
    )


def entirely_above(a: Interval, b: Interval) -> bool:
    """Whether every number of ``a`` exceeds every number of ``b``.

    Examples:
        >>> entirely_above(Interval(lower=3, upper=4), Interval(lower=1, upper=3))
        False
        >>> entirely_above(Interval(lower=3, upper=4, lower_closed=False), Interval.point(3))
        True
    """
    return (
        a.lower is not None
        and b.upper is not None
        and (a.lower > b.upper or (a.lower == b.upper and not (a.lower_closed and b.upper_closed)))
    )


def is_rate(fig: Figure) -> bool:
    """Whether the figure is a rate in percent."""
    return fig.quantity.unit == "%"


def is_exact_count(fig: Figure) -> bool:
    """Whether the figure is a whole count written exactly (``786宗``, not ``5500余件``)."""
    q = fig.quantity
    return (
        q.qualifier is Qualifier.EXACT
        and not q.rounded
        and q.value == q.value.to_integral_value()
        and q.unit not in _CHANGE_UNITS
        and fig.kind in ("count", "other", "")
    )


def units_compatible(a: str, b: str) -> bool:
    """Units that may measure the same indicator (件 = 宗 = 起; a missing unit fits any).

    Examples:
        >>> units_compatible("件", "宗"), units_compatible("件", "%"), units_compatible("", "件")
        (True, False, True)
    """
    if a == b:
        return True
    if a in _CHANGE_UNITS or b in _CHANGE_UNITS:
        return False
    return same_unit_family(a, b) or {a, b} <= {"件", "宗", "起", "件次"}


def consecutive(earlier: Report, later: Report) -> bool:
    """Whether ``later`` is the report of the year after ``earlier``'s."""
    return earlier.year is not None and later.year is not None and later.year == earlier.year + 1


def year_word(report: Report, offset: int = 0) -> str:
    """The report's year plus ``offset``, or "the prior year" when it has none."""
    return f"{report.year + offset}" if report.year is not None else "the prior year"


def in_template_table(report: Report, fig: Figure) -> bool:
    """Whether ``fig`` is a number cell of one of the report's template tables."""
    d = report.disclosure
    if d is None:
        return False
    return any(t.span[0] <= fig.span[0] and fig.span[1] <= t.span[1] for t in d.tables())
