"""Assertion helpers for tests of code that uses lawgov_metrics.

Each helper raises ``AssertionError`` with a message that names the numbers involved, so
a failing test says what was wrong without a debugger.

Examples:
    >>> from lawgov_metrics.testing import assert_growth_consistent
    >>> assert_growth_consistent(466, 786, "68.67")
    >>> assert_growth_consistent(460, 786, "68.67")
    Traceback (most recent call last):
    ...
    AssertionError: growth 786 vs 460 is not consistent with 68.67%: 786 vs 460: growth \
70.8696…% does not round to 68.67% (half_up: [68.665, 68.675)); implied prior (465.985…, \
466.013…] = 466
"""

from __future__ import annotations

from .results import CheckResult, Status
from .rounding import ExactNumber, Interval, Scheme, to_fraction

__all__ = ["assert_check_status", "assert_growth_consistent", "assert_interval_contains"]


def assert_interval_contains(interval: Interval, x: ExactNumber, msg: str = "") -> None:
    """Assert that the exact number ``x`` lies in ``interval``.

    Examples:
        >>> from lawgov_metrics import unround
        >>> assert_interval_contains(unround("68.67"), "68.675")
        Traceback (most recent call last):
        ...
        AssertionError: 68.675 is not in [68.665, 68.675) (above the open upper end 68.675)
    """
    v = to_fraction(x)
    if interval.contains(v):
        return
    if interval.is_empty:
        why = "the interval is empty"
    elif interval.lower is not None and v <= interval.lower:
        end = "closed" if interval.lower_closed else "open"
        why = f"below the {end} lower end {interval.to_str().split(',')[0][1:]}"
    else:
        end = "closed" if interval.upper_closed else "open"
        why = f"above the {end} upper end {interval.to_str().split(', ')[1][:-1]}"
    prefix = f"{msg}: " if msg else ""
    raise AssertionError(f"{prefix}{x} is not in {interval} ({why})")


def assert_check_status(result: CheckResult, status: Status | str, msg: str = "") -> None:
    """Assert that a check result has the given status (a Status or its value, ``"pass"``).

    Examples:
        >>> from lawgov_metrics import check_share
        >>> assert_check_status(check_share(total=1497, reported="98.73"), "pass")
        >>> assert_check_status(check_share(total=7, reported="50.0"), "pass")
        Traceback (most recent call last):
        ...
        AssertionError: expected share.granularity to pass, got FAIL (no_integer_count): \
50.0% of 7: no whole count k gives k/7 in [49.95, 50.05)% (half_up); nearest: 3/7 = \
42.857…%, 4/7 = 57.143…%
    """
    want = status if isinstance(status, Status) else Status(status)
    if result.status is want:
        return
    prefix = f"{msg}: " if msg else ""
    reason = f" ({result.reason})" if result.reason else ""
    raise AssertionError(
        f"{prefix}expected {result.check} to {want.value}, got "
        f"{result.status.value.upper()}{reason}: {result.message}"
    )


def assert_growth_consistent(
    prior: ExactNumber,
    current: ExactNumber,
    reported: ExactNumber,
    scheme: Scheme = "half_up",
) -> None:
    """Assert that ``current`` vs ``prior`` is written as ``reported``% under ``scheme``.

    Fails (with the check's message) when the growth does not round to the reported rate
    or cannot be computed (a prior of zero or below, unreadable input).
    """
    from .growth import verify_growth

    result = verify_growth(prior=prior, current=current, reported=reported, scheme=scheme)
    if result.status is not Status.PASS:
        raise AssertionError(
            f"growth {current} vs {prior} is not consistent with {reported}%: {result.message}"
        )
