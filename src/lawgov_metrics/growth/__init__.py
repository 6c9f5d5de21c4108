"""Growth rates, implied prior-year values, percentage points and share granularity, exactly.

Rates are given in PERCENT as written (``"68.67"`` for 68.67%); :func:`growth_rate` returns
a ratio (``Fraction(160, 233)`` for +68.67…%). Every written rate is a rounded number, so
the checks work with the :class:`~lawgov_metrics.Interval` it stands for (see
:func:`~lawgov_metrics.unround`).

Examples:
    >>> import lawgov_metrics as lm
    >>> lm.growth_rate(466, 786)
    Fraction(160, 233)
    >>> print(lm.implied_prior(786, "68.67"))
    (465.984882…, 466.012510…]
    >>> lm.integer_priors(786, "68.67")
    range(466, 467)
    >>> print(lm.verify_growth(prior=466, current=786, reported="68.67"))
    [PASS] growth.verify: 786 vs 466: growth 68.6695…% rounds to 68.67% (half_up); implied \
prior (465.985…, 466.013…] = 466
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypeAlias

from .. import _decimal
from .._exact import _terminating_places, float_decimal
from ..errors import ArgumentValueError, ParseError, UndefinedGrowthError
from ..records import Quantity
from ..results import CheckResult, Status
from ..rounding import (
    ExactNumber,
    Interval,
    Scheme,
    check_magnitude,
    check_scheme,
    format_fraction,
    parse_decimal,
    positive_part,
    to_fraction,
)
from ._shares import check_share as check_share
from ._shares import implied_totals as implied_totals
from ._shares import integer_totals as integer_totals
from ._shares import share_counts as share_counts
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
    _value_interval,
    _written,
)
from ._values import REASONS as REASONS
from ._values import exact_value as exact_value
from ._values import is_missing as is_missing
from ._values import range_size as range_size
from ._values import rate_interval as rate_interval

__all__ = [
    "REASONS",
    "check_share",
    "growth_rate",
    "implied_prior",
    "implied_totals",
    "integer_priors",
    "integer_totals",
    "multiple_factor",
    "pp_change",
    "share_counts",
    "verify_growth",
    "verify_pp_change",
]

MultipleForm: TypeAlias = Literal["times_increase", "times_of", "doublings"]


def growth_rate(prior: ExactNumber, current: ExactNumber) -> Fraction:
    """The exact growth ``(current - prior) / prior`` as a ratio (not a percent).

    Raises:
        UndefinedGrowthError: If ``prior`` is zero or negative.

    Examples:
        >>> growth_rate(466, 786)
        Fraction(160, 233)
        >>> growth_rate("80", "70")
        Fraction(-1, 8)
        >>> growth_rate(0, 5)
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.UndefinedGrowthError: growth from a prior value of 0 is \
undefined (division by zero); report the change as a difference instead
    """
    p = exact_value(prior, what="prior")
    c = exact_value(current, what="current")
    if p == 0:
        raise UndefinedGrowthError(
            "growth from a prior value of 0 is undefined (division by zero); report the "
            "change as a difference instead"
        )
    if p < 0:
        raise UndefinedGrowthError(
            f"growth from a negative prior value ({_num(p)}) is undefined: the sign of the "
            "rate would not say whether the value went up or down"
        )
    return (c - p) / p


def _mul_positive(a: Interval, b: Interval) -> Interval:
    """``{x * y}`` for two non-empty intervals inside ``(0, ∞)``."""
    assert a.lower is not None
    assert b.lower is not None
    upper = None if a.upper is None or b.upper is None else a.upper * b.upper
    return Interval(
        lower=a.lower * b.lower,
        upper=upper,
        lower_closed=a.lower_closed and b.lower_closed,
        upper_closed=upper is not None and a.upper_closed and b.upper_closed,
    )


def _prior_interval(current: Interval, rate: Interval) -> Interval:
    """Positive priors ``p`` with ``p * (1 + g/100) = c`` for some ``c``, ``g`` in the sets.

    The positive and negative sides are computed separately (a positive prior needs the
    current value and the growth factor to have the same sign); their hull is returned,
    which can only widen the answer.
    """
    factor = rate / _HUNDRED + 1
    parts: list[Interval] = []
    for sign in (1, -1):
        c_side = positive_part(current * sign)
        f_side = positive_part(factor * sign)
        if not c_side.is_empty and not f_side.is_empty:
            parts.append(_mul_positive(c_side, f_side.reciprocal_times(1)))
    if current.contains(0) and factor.contains(0):
        parts.append(Interval(lower=0, upper=None, lower_closed=False))
    result = Interval.empty()
    for part in parts:
        result = result.hull(part)
    return result


def implied_prior(
    current: ValueLike | Interval, reported: ValueLike | Interval, *, scheme: Scheme = "half_up"
) -> Interval:
    """The prior-year values consistent with a current value and a written growth rate.

    With the written rate standing for growth in ``[glo, ghi)`` (percent), a positive
    prior lies in ``(c / (1 + ghi/100), c / (1 + glo/100)]``, the ends open or closed as
    the rounding makes them. A rate of -100% or below is allowed only with a current value
    of 0 or less; where the rate interval reaches -100%, the prior is unbounded above
    (``upper is None``) rather than divided by zero.

    Args:
        current: The current value (int, Decimal, Fraction, decimal str), a
            :class:`~lawgov_metrics.Quantity` (its ``bounds(scheme)`` are used) or an
            :class:`~lawgov_metrics.Interval` taken as it is.
        reported: The rate in percent as written (``"68.67"``, ``"-12.5"``), a Quantity
            whose bounds give the percent interval, qualifiers included, or an Interval (in
            percent) taken as it is.
        scheme: How the written rate (and a rounded current value) was rounded.

    Returns:
        An Interval of positive priors; empty when no positive prior fits.

    Examples:
        >>> print(implied_prior(786, "68.67"))
        (465.984882…, 466.012510…]
        >>> print(implied_prior(700, "-12.5"))
        [799.543118…, 800.457404…)
        >>> print(implied_prior(10, "-100"))
        [2000, ∞)
        >>> implied_prior(5, "-150").is_empty
        True
    """
    check_scheme(scheme)
    return _prior_interval(
        _value_interval(current, scheme, "current"), rate_interval(reported, scheme)
    )


def integer_priors(current: ValueLike, reported: ValueLike, *, scheme: Scheme = "half_up") -> range:
    """The positive integers that could have been last year's count.

    Raises:
        ArgumentValueError: (a ``ValueError``) When the implied prior is unbounded (the
            rate allows -100%).

    Examples:
        >>> integer_priors(786, "68.67")
        range(466, 467)
        >>> integer_priors(700, "-12.5")
        range(800, 801)
        >>> integer_priors(786, "68.60")
        range(0, 0)
    """
    iv = implied_prior(current, reported, scheme=scheme)
    if iv.is_empty:
        return range(0)
    if iv.upper is None:
        raise ArgumentValueError(
            "reported",
            reported,
            "a rate whose interval stays above -100%",
            f"the implied prior {iv} is unbounded: a growth of {_written(reported)}% "
            "reaches -100%, which any large enough prior satisfies",
        )
    ints = iv.integers()
    return ints if range_size(ints) else range(0)


def _describe_integers(iv: Interval) -> str:
    if iv.is_empty:
        return "is empty"
    if iv.upper is None:
        return "is unbounded above"
    ints = iv.integers()
    if range_size(ints) == 0:
        return "holds no integer"
    if range_size(ints) == 1:
        return f"= {ints[0]}"
    return f"holds {ints[0]}…{ints[-1]} ({range_size(ints)} integers)"


def verify_growth(
    *,
    prior: ValueLike,
    current: ValueLike,
    reported: ValueLike,
    scheme: Scheme = "half_up",
) -> CheckResult:
    """Check a written growth rate against the two values it was computed from.

    PASS when the exact growth lies in the interval the written rate stands for, FAIL
    otherwise; UNDECIDABLE (never an exception) for a missing or unreadable value, a
    prior of zero or below, or a value that is itself an interval.

    Args:
        prior: Last year's value (exact).
        current: This year's value (exact).
        reported: The written rate in percent (``"68.67"``, ``"-12.5"``) or a Quantity.
        scheme: How the rate was rounded.

    Returns:
        A :class:`~lawgov_metrics.CheckResult` with check id ``"growth.verify"``,
        ``observed`` the exact growth in percent, ``expected`` the percent interval, and
        ``details`` holding ``implied_prior`` (Interval) and ``growth_ratio``.

    Examples:
        >>> r = verify_growth(prior=466, current=786, reported="68.67")
        >>> r.status.value, r.observed
        ('pass', Fraction(16000, 233))
        >>> r = verify_growth(prior=460, current=786, reported="68.67")
        >>> print(r.message)
        786 vs 460: growth 70.8696…% does not round to 68.67% (half_up: [68.665, 68.675)); \
implied prior (465.985…, 466.013…] = 466
        >>> verify_growth(prior=0, current=5, reported="10").reason
        'prior_not_positive'
    """
    check_scheme(scheme)
    check = "growth.verify"
    try:
        p = _checked_value(prior, "prior")
        c = _checked_value(current, "current")
        expected = _reported_interval(reported, scheme, "rate")
    except _BadValueError as bad:
        return _undecidable(check, bad)
    if p <= 0:
        return CheckResult(
            check=check,
            status=Status.UNDECIDABLE,
            reason="prior_not_positive",
            message=(
                f"{_num(c)} vs {_num(p)}: no growth rate is defined from a prior of "
                f"{'0 (division by zero)' if p == 0 else 'below 0'}; reported "
                f"{_written(reported)}% cannot be checked"
            ),
        )
    ratio = (c - p) / p
    growth = ratio * _HUNDRED
    prior_iv = _prior_interval(Interval.point(c), expected)
    ok = expected.contains(growth)
    places = max(2, _places(expected) + 2)
    head = f"{_num(c)} vs {_num(p)}: growth {format_fraction(growth, places)}%"
    tail = f"implied prior {prior_iv.to_str(3)} {_describe_integers(prior_iv)}"
    if ok:
        message = f"{head} rounds to {_written(reported)}% ({scheme}); {tail}"
    else:
        message = f"{head} does not round to {_written(reported)}% ({scheme}: {expected}); {tail}"
    return CheckResult(
        check=check,
        status=Status.PASS if ok else Status.FAIL,
        message=message,
        reason="" if ok else "growth_mismatch",
        observed=growth,
        expected=expected,
        details={"implied_prior": prior_iv, "growth_ratio": ratio},
    )


def _exact_decimal(x: object, what: str) -> Decimal:
    if isinstance(x, Quantity):
        return x.value
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise ParseError(x, f"{what} must be a finite number")
        return check_magnitude(x)
    if isinstance(x, str):
        return parse_decimal(x)
    if isinstance(x, float):
        return float_decimal(x)
    f = exact_value(x, what=what)
    places = _terminating_places(f)
    if places is None:
        raise ArgumentValueError(
            what, x, "a value that terminates as a decimal", f"{_num(f)} does not terminate"
        )
    return _decimal.scaled(f.numerator * 10**places // f.denominator, -places)


def pp_change(prior_rate: ValueLike, current_rate: ValueLike) -> Decimal:
    """The change from one rate to another in percentage points (个百分点), exactly.

    The rates are read as written (str, Decimal, int, a terminating Fraction, a Quantity);
    a float by its shortest repr, as in :func:`rate_interval`.

    Raises:
        ParseError: For text that is not a decimal number, or NaN.
        ArgumentTypeError: (a ``TypeError``) For a bool, None or another type.
        ArgumentValueError: (a ``ValueError``) For a Fraction that does not terminate.

    Examples:
        >>> pp_change("62.1", "65.3")
        Decimal('3.2')
        >>> pp_change("63.10%", "60")
        Decimal('-3.10')
    """
    a = _exact_decimal(prior_rate, "prior_rate")
    b = _exact_decimal(current_rate, "current_rate")
    return _decimal.subtract(b, a)


def verify_pp_change(
    *,
    prior_rate: ValueLike,
    current_rate: ValueLike,
    reported: ValueLike,
    scheme: Scheme = "half_up",
) -> CheckResult:
    """Check a written change in percentage points against the two written rates.

    Both rates are rounded, so the true difference lies in the interval
    ``unround(current) - unround(prior)``. PASS when that interval meets the interval
    the reported change stands for (some true pair of rates gives a difference that
    rounds to it), FAIL when it does not, UNDECIDABLE for missing or unreadable input.

    Returns:
        A CheckResult (``"pp_change.verify"``); ``observed`` is the difference of the
        written rates (Decimal), ``expected`` the interval of the reported change, and
        ``details["difference"]`` the interval of true differences.

    Examples:
        >>> verify_pp_change(prior_rate="62.1", current_rate="65.3", reported="3.2").status
        <Status.PASS: 'pass'>
        >>> verify_pp_change(prior_rate="62.1", current_rate="65.3", reported="3.25").status
        <Status.PASS: 'pass'>
        >>> r = verify_pp_change(prior_rate="62.1", current_rate="65.3", reported="3.5")
        >>> r.status, r.reason
        (<Status.FAIL: 'fail'>, 'pp_mismatch')
    """
    check_scheme(scheme)
    check = "pp_change.verify"
    try:
        ivs = []
        for value, what in (
            (prior_rate, "prior rate"),
            (current_rate, "current rate"),
            (reported, "reported change"),
        ):
            if is_missing(value):
                raise _BadValueError("missing_value", f"{what} is missing ({_show(value)})")
            try:
                ivs.append(rate_interval(value, scheme))
            except (ValueError, TypeError) as exc:
                raise _BadValueError(
                    "bad_input", f"cannot read {what} {_show(value)}: {exc}"
                ) from exc
        written: Decimal | None
        try:
            written = pp_change(prior_rate, current_rate)
        except (ValueError, TypeError):
            written = None
    except _BadValueError as bad:
        return _undecidable(check, bad)
    a, b, expected = ivs
    diff = b - a
    ok = not (diff & expected).is_empty
    head = f"{_written(current_rate)}% - {_written(prior_rate)}%"
    if written is not None:
        head += f" = {written} pp as written"
    message = (
        f"{head}; rounded rates allow a true change in {diff.to_str(4)}, which "
        f"{'meets' if ok else 'misses'} the reported {_written(reported)} pp "
        f"({scheme}: {expected})"
    )
    return CheckResult(
        check=check,
        status=Status.PASS if ok else Status.FAIL,
        message=message,
        reason="" if ok else "pp_mismatch",
        observed=written,
        expected=expected,
        details={"difference": diff},
    )


def multiple_factor(n: ExactNumber, form: MultipleForm | str) -> Fraction:
    """The factor current / prior for a change written as a multiple.

    * ``"times_increase"`` (增长N倍, 增加N倍): ``n + 1`` (增长2倍 is ×3, +200%).
    * ``"times_of"`` (是上年的N倍, 增长到N倍): ``n``.
    * ``"doublings"`` (翻N番): ``2 ** n`` (翻两番 is ×4); ``n`` must be a whole number.

    Raises:
        ArgumentValueError: (a ``ValueError``) For an unknown form, a negative ``n``, or
            fractional doublings.

    Examples:
        >>> multiple_factor(2, "times_increase"), multiple_factor(2, "times_of")
        (Fraction(3, 1), Fraction(2, 1))
        >>> multiple_factor(2, "doublings"), multiple_factor("1.5", "times_of")
        (Fraction(4, 1), Fraction(3, 2))
    """
    forms = "one of times_increase, times_of, doublings"
    if form not in ("times_increase", "times_of", "doublings"):
        raise ArgumentValueError("form", form, forms, "unknown multiple form")
    k = to_fraction(n, what="n")
    if k < 0:
        raise ArgumentValueError("n", n, "a number >= 0", "a multiple cannot be negative")
    if form == "times_increase":
        return k + 1
    if form == "times_of":
        return k
    if k.denominator != 1 or k > 10_000:
        raise ArgumentValueError(
            "n", n, "a whole number of doublings up to 10000", "翻N番 needs a whole number"
        )
    return Fraction(2) ** k.numerator
