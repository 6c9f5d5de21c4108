"""Share granularity, the GRIM idea for percentages: which whole counts give a written share.

With 1497 cases, "98.73%" is possible only for 1478 of them; with 7 cases, "50.0%" is
possible for none. :func:`share_counts` lists the counts, :func:`check_share` checks a
claim. Both are re-exported by :mod:`lawgov_metrics.growth`.

Examples:
    >>> share_counts(1497, "98.73")
    range(1478, 1479)
"""

from __future__ import annotations

import math
from fractions import Fraction

from ..errors import ArgumentValueError
from ..interval import positive_part
from ..results import CheckResult, Status
from ..rounding import ExactNumber, Interval, Scheme, check_scheme, format_fraction
from ._values import (
    _HUNDRED,
    ValueLike,
    _BadValueError,
    _checked_value,
    _num,
    _places,
    _reported_interval,
    _show,
    _undecidable,
    _written,
    exact_value,
    is_missing,
    range_size,
    rate_interval,
)

__all__ = ["check_share", "implied_totals", "integer_totals", "share_counts"]


def _count_total(total: object) -> int:
    t = exact_value(total, what="total")
    if t.denominator != 1 or t <= 0:
        raise ArgumentValueError("total", total, "a positive whole count")
    return t.numerator


def _share_counts(total: int, share: Interval) -> range:
    counts = (share * Fraction(total, 100)) & Interval(lower=0, upper=total)
    ints = range(0) if counts.is_empty else counts.integers()
    return ints if range_size(ints) else range(0)


def share_counts(
    total: ExactNumber, reported: ValueLike | Interval, *, scheme: Scheme = "half_up"
) -> range:
    """The counts ``k`` in ``[0, total]`` with ``k / total`` written as ``reported`` percent.

    The GRIM idea: with 1497 cases, "98.73%" is possible only for k = 1478.

    Raises:
        ArgumentValueError: (a ``ValueError``) If ``total`` is not a positive whole number.

    Examples:
        >>> share_counts(1497, "98.73")
        range(1478, 1479)
        >>> share_counts(7, "50.0")
        range(0, 0)
        >>> share_counts(2000, "10.0")
        range(199, 201)
    """
    check_scheme(scheme)
    return _share_counts(_count_total(total), rate_interval(reported, scheme))


def implied_totals(
    part: ExactNumber, reported: ValueLike | Interval, *, scheme: Scheme = "half_up"
) -> Interval:
    """The totals ``T > 0`` with ``part / T`` written as ``reported`` percent.

    GRIM the other way round: the whole of a share whose part is printed and whose whole is
    not (调解成功5件,调解成功率83.3%), or the target of a completion rate (办结89件,
    完成率82.21%). A part of 0 fits any total when the rate can be 0, none otherwise.

    Raises:
        ArgumentValueError: (a ``ValueError``) If ``part`` is not a whole count >= 0.

    Examples:
        >>> print(implied_totals(5, "83.3"))
        (5.998800…, 6.006006…]
        >>> len(implied_totals(89, "82.21").integers())  # 89/108 = 82.41%, 89/109 = 81.65%
        0
        >>> print(implied_totals(0, "0"))
        (0, ∞)
    """
    check_scheme(scheme)
    k = exact_value(part, what="part")
    if k.denominator != 1 or k < 0:
        raise ArgumentValueError("part", part, "a whole count >= 0")
    share = rate_interval(reported, scheme)
    if k == 0:
        return (
            Interval(lower=0, upper=None, lower_closed=False)
            if share.contains(0)
            else (Interval.empty())
        )
    share = positive_part(share)
    if share.is_empty:
        return Interval.empty()
    return share.reciprocal_times(k * _HUNDRED)


def integer_totals(
    part: ExactNumber, reported: ValueLike | Interval, *, scheme: Scheme = "half_up"
) -> range | None:
    """The whole totals :func:`implied_totals` allows, or ``None`` when they are unbounded
    (a rate that can be 0).

    Examples:
        >>> integer_totals(5, "83.3"), integer_totals(89, "82.21"), integer_totals(1, "0.7")
        (range(6, 7), range(0, 0), range(134, 154))
    """
    iv = implied_totals(part, reported, scheme=scheme)
    if iv.is_empty:
        return range(0)
    if iv.upper is None:
        return None
    ints = iv.integers()
    return ints if range_size(ints) else range(0)


def check_share(
    total: object,
    reported: object,
    count: object = None,
    *,
    scheme: Scheme = "half_up",
) -> CheckResult:
    """GRIM-style check that a written share of a count total is achievable.

    FAIL (reason ``"share.range"``) for a share entirely above 100% or below 0;
    FAIL (``"no_integer_count"``) when no integer count out of ``total`` gives the
    written share; with ``count`` given, FAIL (``"count_mismatch"``) when
    ``count / total`` does not round to it. UNDECIDABLE for a total that is not a
    positive whole number, or missing or unreadable input.

    Returns:
        A CheckResult (``"share.granularity"``); ``expected`` is the percent interval,
        ``observed`` the exact ``count / total`` in percent when a count is given, and
        ``details["counts"]`` the range of consistent counts.

    Examples:
        >>> r = check_share(total=1497, reported="98.73")
        >>> r.status, r.message
        (<Status.PASS: 'pass'>, '98.73% of 1497: k = 1478 gives 1478/1497 = 98.7308…%')
        >>> check_share(total=7, reported="50.0").reason
        'no_integer_count'
        >>> check_share(total=10, reported="100.5").reason
        'share.range'
    """
    check_scheme(scheme)
    check = "share.granularity"
    try:
        if is_missing(total):
            raise _BadValueError("missing_value", f"total is missing ({_show(total)})")
        t_raw = _checked_value(total, "total")
        if t_raw.denominator != 1:
            raise _BadValueError("total_not_integer", f"total {_num(t_raw)} is not a whole count")
        if t_raw <= 0:
            raise _BadValueError(
                "total_not_positive", f"total {_num(t_raw)} must be positive for a share"
            )
        t = t_raw.numerator
        share = _reported_interval(reported, scheme, "share")
        k: Fraction | None = None
        if not is_missing(count):
            k = _checked_value(count, "count")
            if k.denominator != 1:
                raise _BadValueError("bad_input", f"count {_num(k)} is not a whole number")
    except _BadValueError as bad:
        return _undecidable(check, bad)
    rep = f"{_written(reported)}% of {t}"
    observed = None if k is None else k * _HUNDRED / t
    places = max(2, _places(share) + 2)
    if (share & Interval(lower=0, upper=100)).is_empty:
        side = "above 100%" if share.lower is not None and share.lower >= 100 else "below 0%"
        return CheckResult(
            check=check,
            status=Status.FAIL,
            reason="share.range",
            message=f"{rep}: a share {side} ({share}) is impossible",
            observed=observed,
            expected=share,
        )
    counts = _share_counts(t, share)
    if k is not None:
        kk = k.numerator
        if not 0 <= kk <= t:
            return CheckResult(
                check=check,
                status=Status.FAIL,
                reason="count_out_of_range",
                message=f"{rep}: the count {kk} is outside 0…{t}",
                observed=observed,
                expected=share,
                details={"counts": counts},
            )
        assert observed is not None
        ok = share.contains(observed)
        verb = "rounds" if ok else "does not round"
        return CheckResult(
            check=check,
            status=Status.PASS if ok else Status.FAIL,
            reason="" if ok else "count_mismatch",
            message=(
                f"{rep}: {kk}/{t} = {format_fraction(observed, places)}% {verb} to "
                f"{_written(reported)}% ({scheme}: {share}); consistent counts: "
                f"{_describe_counts(counts)}"
            ),
            observed=observed,
            expected=share,
            details={"counts": counts},
        )
    if range_size(counts) == 0:
        below = _nearest_below(t, share)
        near = ", ".join(
            f"{j}/{t} = {format_fraction(Fraction(100 * j, t), places)}%"
            for j in (below, below + 1)
            if 0 <= j <= t
        )
        return CheckResult(
            check=check,
            status=Status.FAIL,
            reason="no_integer_count",
            message=(
                f"{rep}: no whole count k gives k/{t} in {share}% ({scheme}); nearest: {near}"
            ),
            expected=share,
            details={"counts": counts},
        )
    if range_size(counts) == 1:
        j = counts[0]
        msg = f"{rep}: k = {j} gives {j}/{t} = {format_fraction(Fraction(100 * j, t), places)}%"
    else:
        msg = f"{rep}: {_describe_counts(counts)} fit ({scheme}: {share})"
    return CheckResult(
        check=check,
        status=Status.PASS,
        message=msg,
        expected=share,
        details={"counts": counts},
    )


def _describe_counts(counts: range) -> str:
    if range_size(counts) == 0:
        return "none"
    if range_size(counts) == 1:
        return f"k = {counts[0]}"
    return f"k = {counts[0]}…{counts[-1]} ({range_size(counts)} counts)"


def _nearest_below(total: int, share: Interval) -> int:
    mid = share.lower if share.lower is not None else Fraction(0)
    return math.floor(mid * total / _HUNDRED)
