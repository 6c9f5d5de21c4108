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

import math
from decimal import Decimal
from fractions import Fraction
from typing import Literal, TypeAlias

from . import _decimal
from ._exact import _terminating_places, float_decimal
from .errors import ArgumentValueError, ParseError, UndefinedGrowthError
from .records import Quantity
from .results import CheckResult, Status
from .rounding import (
    ExactNumber,
    Interval,
    Scheme,
    check_magnitude,
    check_scheme,
    format_fraction,
    parse_decimal,
    positive_part,
    to_fraction,
    unround,
)

__all__ = [
    "REASONS",
    "check_share",
    "growth_rate",
    "implied_prior",
    "integer_priors",
    "multiple_factor",
    "pp_change",
    "share_counts",
    "verify_growth",
    "verify_pp_change",
]

ValueLike: TypeAlias = ExactNumber | Quantity
MultipleForm: TypeAlias = Literal["times_increase", "times_of", "doublings"]

#: Reason codes used by the checks in this module (``CheckResult.reason``).
REASONS: dict[str, str] = {
    "": "the check passed",
    "growth_mismatch": "the exact growth does not round to the reported rate",
    "pp_mismatch": "no pair of rates consistent with the written ones gives the reported change",
    "share.range": "the reported share lies outside 0-100%",
    "no_integer_count": "no integer count out of the total gives the reported share",
    "count_mismatch": "the printed count over the total does not round to the reported share",
    "count_out_of_range": "the printed count is negative or larger than the total",
    "missing_value": "a value is missing (None, NaN or empty)",
    "bad_input": "a value could not be read as an exact number",
    "prior_not_positive": "the prior value is zero or negative, so no growth rate is defined",
    "total_not_positive": "the total is zero or negative",
    "total_not_integer": "the total is not a whole count",
    "approximate_value": "a value is itself an interval (a qualifier or rounding)",
}

_HUNDRED = Fraction(100)


class _BadValueError(Exception):
    """Internal: a value that makes a check UNDECIDABLE (reason code, message)."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason
        self.message = message


def _show(x: object) -> str:
    """A short repr of an input for a message (never fails, even for a 10**5000 int)."""
    try:
        text = repr(x)
    except ValueError:  # int too large to print
        text = f"<{type(x).__name__} too large to print>"
    return text if len(text) <= 60 else text[:57] + "..."


def is_missing(x: object) -> bool:
    """None, NaN (float or Decimal), pandas NA/NaT, or an empty/blank string.

    Examples:
        >>> is_missing(None), is_missing(float("nan")), is_missing(""), is_missing(0)
        (True, True, True, False)
    """
    if x is None:
        return True
    if isinstance(x, float):
        return math.isnan(x)
    if isinstance(x, Decimal):
        return x.is_nan()
    if isinstance(x, str):
        return not x.strip()
    return type(x).__name__ in ("NAType", "NaTType")


def exact_value(x: object, *, what: str = "value") -> Fraction:
    """An exact number from an int, Fraction, Decimal, decimal string, exact Quantity or
    integral float.

    A float is accepted only when it holds a whole number (``466.0``): such values are
    exact, while a fractional float has lost its written decimals.

    Raises:
        ParseError: For unreadable text or NaN.
        ArgumentTypeError: (a ``TypeError``) For a fractional float or an unsupported type.
        ArgumentValueError: (a ``ValueError``) For a Quantity that stands for an interval
            rather than one value.

    Examples:
        >>> exact_value("466"), exact_value(466.0), exact_value(Decimal("4.5"))
        (Fraction(466, 1), Fraction(466, 1), Fraction(9, 2))
    """
    if isinstance(x, Quantity):
        b = x.bounds()
        if not b.is_point or b.lower is None:
            raise ArgumentValueError(
                what, x.text or x.value, "an exact value", f"it stands for the interval {b}"
            )
        return b.lower
    if isinstance(x, float):
        if math.isnan(x) or math.isinf(x):
            raise ParseError(x, f"{what} must be a finite number")
        if x.is_integer():
            if abs(x) >= 1e100:
                raise ParseError(x, f"{what} is out of range (figures lie within 1e100)")
            return Fraction(int(x))
    return to_fraction(x, what=what)


def _checked_value(x: object, what: str) -> Fraction:
    if is_missing(x):
        raise _BadValueError("missing_value", f"{what} is missing ({_show(x)})")
    try:
        return exact_value(x, what=what)
    except ValueError as exc:
        if isinstance(x, Quantity):
            raise _BadValueError("approximate_value", f"{what}: {exc}") from exc
        raise _BadValueError("bad_input", f"cannot read {what} {_show(x)}: {exc}") from exc
    except TypeError as exc:
        raise _BadValueError("bad_input", f"cannot read {what} {_show(x)}: {exc}") from exc


def _value_interval(x: object, scheme: Scheme, what: str) -> Interval:
    if isinstance(x, Quantity):
        return x.bounds(scheme)
    if isinstance(x, Interval):
        return x
    return Interval.point(exact_value(x, what=what))


def rate_interval(reported: object, scheme: Scheme = "half_up") -> Interval:
    """The interval (in percent) a written rate stands for.

    ``reported`` is a percent as written (str, Decimal, int, Fraction), a
    :class:`~lawgov_metrics.Quantity` (its ``bounds(scheme)``, qualifiers included) or an
    :class:`~lawgov_metrics.Interval` taken as it is. A float is read by its shortest repr
    (:func:`~lawgov_metrics.rounding.float_decimal`: ``68.67`` as ``"68.67"``, ``12.0`` as
    ``"12"``). A float shows no more places than were written (``63.10`` reads as
    ``"63.1"``), so the interval is at least as wide as the written text's: a true claim is
    never failed for being a float, but a false one may pass.

    Examples:
        >>> print(rate_interval("-12.5")), print(rate_interval(68.67))
        (-12.55, -12.45]
        [68.665, 68.675)
        (None, None)
    """
    if isinstance(reported, Quantity):
        return reported.bounds(scheme)
    if isinstance(reported, Interval):
        return reported
    if isinstance(reported, float):
        return unround(float_decimal(reported), scheme=scheme)
    # unround raises a clear TypeError / ParseError for anything it cannot read
    return unround(reported, scheme=scheme)  # type: ignore[arg-type]


def _written(x: object) -> str:
    """How to show a reported value in a message: as written when we have the text."""
    if isinstance(x, Quantity):
        return x.text or str(x.value)
    if isinstance(x, str):
        return x.strip().removesuffix("%").removesuffix("％")
    if isinstance(x, Fraction):
        return format_fraction(x)
    return str(x)


def _num(x: Fraction) -> str:
    return format_fraction(x, 3)


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
    current: ValueLike, reported: ValueLike, *, scheme: Scheme = "half_up"
) -> Interval:
    """The prior-year values consistent with a current value and a written growth rate.

    With the written rate standing for growth in ``[glo, ghi)`` (percent), a positive
    prior lies in ``(c / (1 + ghi/100), c / (1 + glo/100)]``, the ends open or closed as
    the rounding makes them. A rate of -100% or below is allowed only with a current value
    of 0 or less; where the rate interval reaches -100%, the prior is unbounded above
    (``upper is None``) rather than divided by zero.

    Args:
        current: The current value (int, Decimal, Fraction, decimal str) or a
            :class:`~lawgov_metrics.Quantity` (its ``bounds(scheme)`` are used).
        reported: The rate in percent as written (``"68.67"``, ``"-12.5"``), or a
            Quantity whose bounds give the percent interval, qualifiers included.
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


def range_size(r: range) -> int:
    """``len(r)`` for a step-1 range, without the C size limit of ``len`` (huge counts).

    Examples:
        >>> range_size(range(3, 10**30))
        999999999999999999999999999997
    """
    return max(0, r.stop - r.start)


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


def _places(iv: Interval) -> int:
    w = iv.width
    if not w:
        return 2
    places = 0
    while w < 1 and places < 12:
        w *= 10
        places += 1
    return places


def _undecidable(check: str, bad: _BadValueError) -> CheckResult:
    return CheckResult(
        check=check, status=Status.UNDECIDABLE, message=bad.message, reason=bad.reason
    )


def _reported_interval(reported: object, scheme: Scheme, what: str) -> Interval:
    """The interval of a reported percent, or a _BadValueError naming what was wrong."""
    if is_missing(reported):
        raise _BadValueError("missing_value", f"reported {what} is missing ({_show(reported)})")
    try:
        return rate_interval(reported, scheme)
    except (ValueError, TypeError) as exc:
        raise _BadValueError(
            "bad_input", f"cannot read reported {what} {_show(reported)}: {exc}"
        ) from exc


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


def _count_total(total: object) -> int:
    t = exact_value(total, what="total")
    if t.denominator != 1 or t <= 0:
        raise ArgumentValueError("total", total, "a positive whole count")
    return t.numerator


def _share_counts(total: int, share: Interval) -> range:
    counts = (share * Fraction(total, 100)) & Interval(lower=0, upper=total)
    ints = range(0) if counts.is_empty else counts.integers()
    return ints if range_size(ints) else range(0)


def share_counts(total: ExactNumber, reported: ValueLike, *, scheme: Scheme = "half_up") -> range:
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
