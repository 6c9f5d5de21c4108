"""Assertion helpers for tests of code that uses lawgov_metrics (or that it checks).

Each helper raises ``AssertionError``, and nothing else, with a message that names the
numbers and shows the interval they imply, so a failing test says what to fix without a
debugger. Input that cannot be read (a typo in a scheme, a word where a number belongs) is an
assertion failure too, with the reason.

Examples:
    >>> from lawgov_metrics.testing import assert_growth_consistent
    >>> assert_growth_consistent(466, 786, "68.67")
    >>> assert_growth_consistent(460, 786, "68.67")
    Traceback (most recent call last):
    ...
    AssertionError: growth 460 -> 786 is not 68.67% (half_up): it is 70.8696…%, outside \
[68.665, 68.675), the interval 68.67% stands for; 786 and 68.67% imply a prior in \
(465.985…, 466.013…]: 466
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction
from typing import Any

import attrs

from .records import BalanceClaim, Figure, Quantity, Report
from .results import CheckResult, Status
from .rounding import ExactNumber, Interval, Scheme, format_fraction, to_fraction

__all__ = [
    "assert_balance_consistent",
    "assert_check_status",
    "assert_growth_consistent",
    "assert_interval_contains",
    "assert_reports_equal",
    "assert_share_consistent",
]


def _prefix(msg: str) -> str:
    return f"{msg}: " if msg else ""


def _num(x: Fraction) -> str:
    return format_fraction(x, 4)


def _whole_numbers(iv: Interval, what: str) -> str:
    """``466``, ``465…470 (6 whole numbers)`` or ``no whole number`` for a bounded interval."""
    if iv.is_empty:
        return f"no {what}"
    if iv.lower is None or iv.upper is None:
        return f"unboundedly many {what}s"
    ints = iv.integers()
    size = max(0, ints.stop - ints.start)
    if size == 0:
        return f"no whole {what}"
    if size == 1:
        return str(ints.start)
    return f"{ints.start}…{ints.stop - 1} ({size} whole {what}s)"


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
    raise AssertionError(f"{_prefix(msg)}{x} is not in {interval} ({why})")


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
    reason = f" ({result.reason})" if result.reason else ""
    raise AssertionError(
        f"{_prefix(msg)}expected {result.check} to {want.value}, got "
        f"{result.status.value.upper()}{reason}: {result.message}"
    )


def _written(reported: object) -> str:
    if isinstance(reported, Quantity):
        return reported.text or str(reported.value)
    if isinstance(reported, Fraction):
        return format_fraction(reported)
    return str(reported).strip().removesuffix("%").removesuffix("％")


def assert_growth_consistent(
    prior: ExactNumber,
    current: ExactNumber,
    reported: ExactNumber | Quantity,
    scheme: Scheme = "half_up",
    msg: str = "",
) -> None:
    """Assert that ``prior`` -> ``current`` is written as ``reported`` percent under ``scheme``.

    The message of a failure gives the exact growth, the interval the written rate stands
    for, and the priors that ``current`` and ``reported`` allow (the implied prior).

    Args:
        prior: Last year's value.
        current: This year's value.
        reported: The written rate in percent (``"68.67"``, ``"-12.5"``) or a Quantity.
        scheme: How the rate was rounded.
        msg: Context to put before the message.

    Raises:
        AssertionError: The growth does not round to the rate, or cannot be computed (a
            prior of zero or below, unreadable input, an unknown scheme).

    Examples:
        >>> assert_growth_consistent(8, 9, "12", scheme="half_even")
        >>> assert_growth_consistent(0, 5, "10")
        Traceback (most recent call last):
        ...
        AssertionError: cannot check growth 0 -> 5 against 10%: 5 vs 0: no growth rate is \
defined from a prior of 0 (division by zero); reported 10% cannot be checked
    """
    from .growth import implied_prior, verify_growth

    head = f"{_prefix(msg)}growth {prior} -> {current}"
    try:
        result = verify_growth(prior=prior, current=current, reported=reported, scheme=scheme)
    except (TypeError, ValueError) as exc:
        raise AssertionError(f"{head}: cannot check it: {exc}") from None
    if result.status is Status.PASS:
        return
    rate = _written(reported)
    if result.status is not Status.FAIL or result.expected is None:
        raise AssertionError(
            f"{_prefix(msg)}cannot check growth {prior} -> {current} against {rate}%: "
            f"{result.message}"
        )
    growth = result.observed
    shown = _num(Fraction(growth)) if growth is not None else "?"
    priors = implied_prior(current, reported, scheme=scheme)
    raise AssertionError(
        f"{head} is not {rate}% ({scheme}): it is {shown}%, outside {result.expected}, the "
        f"interval {rate}% stands for; {current} and {rate}% imply a prior in "
        f"{priors.to_str(3)}: {_whole_numbers(priors, 'prior')}"
    )


def assert_share_consistent(
    total: ExactNumber,
    reported: ExactNumber | Quantity,
    count: ExactNumber | None = None,
    *,
    scheme: Scheme = "half_up",
    msg: str = "",
) -> None:
    """Assert that ``reported`` percent is a share some whole count out of ``total`` gives
    (the GRIM test), or with ``count``, that ``count / total`` is written as ``reported``.

    The message of a failure gives the interval the written share stands for and the
    counts out of ``total`` that fall in it (or the nearest ones).

    Raises:
        AssertionError: No count gives the share, the given count does not, or the input
            cannot be read (a total that is not a positive whole number, an unknown scheme).

    Examples:
        >>> assert_share_consistent(1497, "98.73")
        >>> assert_share_consistent(7, "50.0")
        Traceback (most recent call last):
        ...
        AssertionError: share 50.0% of 7 is not consistent (half_up): 50.0% stands for \
[49.95, 50.05), and no count out of 7 falls in it: 3/7 = 42.857…%, 4/7 = 57.143…%
        >>> assert_share_consistent(1497, "98.73", count=1477)
        Traceback (most recent call last):
        ...
        AssertionError: share 1477/1497 = 98.6640…% is not 98.73% (half_up): 98.73% stands \
for [98.725, 98.735), which only k = 1478 gives
    """
    from .growth import check_share, exact_value
    from .growth._values import range_size

    try:
        result = check_share(total, reported, count, scheme=scheme)
    except (TypeError, ValueError) as exc:
        raise AssertionError(f"{_prefix(msg)}cannot check the share {reported}: {exc}") from None
    if result.status is Status.PASS:
        return
    rate = _written(reported)
    iv = result.expected
    if result.status is not Status.FAIL or iv is None:
        raise AssertionError(
            f"{_prefix(msg)}cannot check the share {rate}% of {total}: {result.message}"
        )
    counts = result.details.get("counts", range(0))
    n = exact_value(total, what="total").numerator  # check_share read it as a whole count
    if count is not None and result.observed is not None:
        many = range_size(counts)  # len() overflows past 2**63 counts
        fits = (
            f"which only k = {counts.start} gives" if many == 1
            else f"which k = {counts.start}…{counts.stop - 1} give" if many
            else f"which no count out of {n} gives"
        )  # fmt: skip
        raise AssertionError(
            f"{_prefix(msg)}share {count}/{n} = {_num(Fraction(result.observed))}% is not "
            f"{rate}% ({scheme}): {rate}% stands for {iv}, {fits}"
        )
    if (iv.lower is not None and iv.lower >= 100) or (iv.upper is not None and iv.upper <= 0):
        where = "no share of a count can be"
        raise AssertionError(
            f"{_prefix(msg)}share {rate}% of {n} is not consistent ({scheme}): {rate}% stands "
            f"for {iv}, which {where}"
        )
    below = math.floor((iv.lower or Fraction(0)) * n / 100)
    near = ", ".join(
        f"{k}/{n} = {format_fraction(Fraction(100 * k, n), 3)}%"
        for k in (below, below + 1)
        if 0 <= k <= n
    )
    raise AssertionError(
        f"{_prefix(msg)}share {rate}% of {n} is not consistent ({scheme}): {rate}% stands for "
        f"{iv}, and no count out of {n} falls in it: {near}"
    )


_BALANCE_TERMS = {
    "received": "received (新收/收到)",
    "carried_in": "carried_in (上年结转)",
    "handled": "handled (办理, received + carried_in)",
    "concluded": "concluded (办结)",
    "carried_out": "carried_out (结转下年)",
}


def _term(value: object, name: str, scheme: Scheme) -> Interval | None:
    """A balance term as the interval of values it stands for (None when not given)."""
    if value is None:
        return None
    if isinstance(value, Figure):
        value = value.quantity
    if isinstance(value, Quantity):
        return value.bounds(scheme)
    if isinstance(value, Interval):
        return value
    if isinstance(value, bool):
        raise AssertionError(f"{name} must be a number, got {value!r}")
    try:
        return Interval.point(to_fraction(value))
    except (TypeError, ValueError) as exc:
        raise AssertionError(f"{name} must be a number, got {value!r}: {exc}") from None


def _show_term(iv: Interval) -> str:
    return _num(iv.lower) if iv.is_point and iv.lower is not None else iv.to_str(3)


def assert_balance_consistent(
    received: BalanceClaim | ExactNumber | Quantity | Figure | None,
    carried_in: ExactNumber | Quantity | Figure | None = None,
    concluded: ExactNumber | Quantity | Figure | None = None,
    carried_out: ExactNumber | Quantity | Figure | None = None,
    *,
    handled: ExactNumber | Quantity | Figure | None = None,
    scheme: Scheme = "half_up",
    msg: str = "",
) -> None:
    """Assert that a balance of cases holds: received + carried_in = concluded + carried_out.

    Pass a :class:`~lawgov_metrics.BalanceClaim` alone, or the numbers (exact numbers,
    Quantities or Figures; a rounded or qualified figure such as ``1.2万件`` stands for its
    interval, and the balance holds when the two sides' intervals meet). A printed total of
    cases handled (``handled``, 办理 N件 含上年结转) stands in for received + carried_in and is
    checked against them when both are given.

    The message of a failure gives both sides and the interval the other terms imply for
    the last one (carried_out, or the missing one).

    Raises:
        AssertionError: The balance does not hold, or too few terms are given to check it.

    Examples:
        >>> assert_balance_consistent(870, 25, 880, 15)
        >>> assert_balance_consistent(870, 25, 880, 14)
        Traceback (most recent call last):
        ...
        AssertionError: the balance does not hold: received + carried_in = 870 + 25 = 895, \
but concluded + carried_out = 880 + 14 = 894; the other terms imply carried_out = 15
    """
    if isinstance(received, BalanceClaim):
        if any(x is not None for x in (carried_in, concluded, carried_out, handled)):
            raise AssertionError(
                f"{_prefix(msg)}pass either a BalanceClaim or the numbers, not both"
            )
        c = received
        given: dict[str, Any] = {
            "received": c.received, "carried_in": c.carried_in, "handled": c.handled,
            "concluded": c.concluded, "carried_out": c.carried_out,
        }  # fmt: skip
    else:
        given = {
            "received": received, "carried_in": carried_in, "handled": handled,
            "concluded": concluded, "carried_out": carried_out,
        }  # fmt: skip
    try:
        terms = {name: _term(v, name, scheme) for name, v in given.items()}
    except AssertionError as exc:
        raise AssertionError(f"{_prefix(msg)}{exc}") from None
    problems: list[str] = []
    rec, cin, hand = terms["received"], terms["carried_in"], terms["handled"]
    conc, cout = terms["concluded"], terms["carried_out"]
    checked = False
    intake: Interval | None = None
    intake_text = ""
    if rec is not None and cin is not None:
        intake = rec + cin
        intake_text = f"received + carried_in = {_show_term(rec)} + {_show_term(cin)}"
        intake_text += f" = {_show_term(intake)}"
        if hand is not None:
            checked = True
            if not intake.overlaps(hand):
                problems.append(f"{intake_text}, but the handled total is {_show_term(hand)}")
    elif hand is not None:
        intake, intake_text = hand, f"handled = {_show_term(hand)}"
    if intake is not None and conc is not None and cout is not None:
        checked = True
        out = conc + cout
        if not intake.overlaps(out):
            implied = intake - conc
            possible = implied & Interval(lower=0, upper=None)  # a count is not negative
            if possible.is_empty:
                shown = f"below zero ({implied.to_str(3)}): too many concluded"
            elif possible.is_point:
                shown = f"= {_show_term(possible)}"
            else:
                shown = f"in {possible.to_str(3)}, that is {_whole_numbers(possible, 'count')}"
            problems.append(
                f"{intake_text}, but concluded + carried_out = {_show_term(conc)} + "
                f"{_show_term(cout)} = {_show_term(out)}; the other terms imply "
                f"carried_out {shown}"
            )
    if not checked:
        missing = [_BALANCE_TERMS[n] for n in ("concluded", "carried_out") if terms[n] is None]
        if intake is None:
            missing.insert(0, "received and carried_in, or handled")
        raise AssertionError(
            f"{_prefix(msg)}cannot check the balance received + carried_in = concluded + "
            f"carried_out: missing {', '.join(missing)}"
        )
    if problems:
        raise AssertionError(f"{_prefix(msg)}the balance does not hold: " + "; ".join(problems))


# -- reports ---------------------------------------------------------------------------------


def _short(x: object, limit: int = 60) -> str:
    text = repr(x)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _quantity_diff(path: str, a: Quantity, b: Quantity, out: list[str]) -> None:
    fields = [f.name for f in attrs.fields(Quantity) if getattr(a, f.name) != getattr(b, f.name)]
    bounds = ""
    if "value" in fields or "resolution" in fields or "qualifier" in fields:
        try:
            bounds = f" (stands for {a.bounds()} vs {b.bounds()})"
        except (TypeError, ValueError):
            bounds = ""
    shown = "; ".join(f"{f} {getattr(a, f)!s} != {getattr(b, f)!s}" for f in fields)
    out.append(f"{path}: {a.text or a.value} vs {b.text or b.value}: {shown}{bounds}")


def _diff(path: str, a: Any, b: Any, out: list[str]) -> None:
    if a == b:
        return
    if type(a) is not type(b):
        out.append(f"{path}: {_short(a)} != {_short(b)}")
    elif isinstance(a, Quantity):
        _quantity_diff(path, a, b, out)
    elif attrs.has(type(a)):
        for f in attrs.fields(type(a)):
            if f.eq:
                _diff(f"{path}.{f.name}", getattr(a, f.name), getattr(b, f.name), out)
    elif isinstance(a, tuple) and any(attrs.has(type(x)) for x in (*a, *b)):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            _diff(f"{path}[{i}]", x, y, out)
        for i in range(min(len(a), len(b)), max(len(a), len(b))):
            side, item = ("actual", a[i]) if i < len(a) else ("expected", b[i])
            out.append(f"{path}[{i}]: only in {side}: {_short(item, 100)}")
    elif isinstance(a, str) and isinstance(b, str) and (len(a) > 60 or len(b) > 60):
        at = next((i for i, (x, y) in enumerate(zip(a, b, strict=False)) if x != y), None)
        at = min(len(a), len(b)) if at is None else at
        out.append(
            f"{path}: differs at offset {at}: {_short(a[max(0, at - 10) : at + 20])} vs "
            f"{_short(b[max(0, at - 10) : at + 20])} (lengths {len(a)}, {len(b)})"
        )
    else:
        out.append(f"{path}: {_short(a)} != {_short(b)}")


def assert_reports_equal(
    actual: Report, expected: Report, *, ignore: Iterable[str] = (), msg: str = ""
) -> None:
    """Assert that two reports are equal, field by field, figure by figure, claim by claim.

    The message lists each difference with its path (``figures[3].quantity``,
    ``claims[0].rate``), the values on both sides and, for a quantity, the intervals the two
    written values stand for.

    Args:
        actual: The report under test.
        expected: The report it should equal.
        ignore: Names of :class:`~lawgov_metrics.Report` fields to leave out (``"path"``,
            ``"warnings"``, ``"text"`` ...).
        msg: Context to put before the message.

    Raises:
        AssertionError: The reports differ, an argument is not a Report, or ``ignore``
            names a field Reports do not have.

    Examples:
        >>> import lawgov_metrics as lm
        >>> a = lm.extract("2023年,收到行政复议申请786宗。", jurisdiction="花都区")
        >>> assert_reports_equal(a, lm.extract(a.text, jurisdiction="花都区"))
        >>> b = lm.extract("2023年,收到行政复议申请785宗。", jurisdiction="花都区")
        >>> assert_reports_equal(a, b, ignore=["text"])
        Traceback (most recent call last):
        ...
        AssertionError: the reports differ in 3 places:
          figures[0].quantity: 786宗 vs 785宗: value 786 != 785; text 786宗 != 785宗 (stands \
for [786, 786] vs [785, 785])
          figures[0].quote: '786宗' != '785宗'
          figures[0].context: '2023年,收到行政复议申请786宗。' != '2023年,收到行政复议申请785宗。'
    """
    for name, value in (("actual", actual), ("expected", expected)):
        if not isinstance(value, Report):
            raise AssertionError(
                f"{_prefix(msg)}{name} must be a Report, got {type(value).__name__}"
            )
    known = [f.name for f in attrs.fields(Report)]
    skip = set(ignore)
    unknown = sorted(skip - set(known))
    if unknown:
        raise AssertionError(
            f"{_prefix(msg)}ignore names no Report field: {unknown}; fields: {known}"
        )
    out: list[str] = []
    for name in known:
        if name not in skip:
            _diff(name, getattr(actual, name), getattr(expected, name), out)
    if out:
        shown = "\n  ".join(out[:25])
        more = f"\n  … and {len(out) - 25} more" if len(out) > 25 else ""
        raise AssertionError(
            f"{_prefix(msg)}the reports differ in {len(out)} place{'s' if len(out) > 1 else ''}:"
            f"\n  {shown}{more}"
        )
