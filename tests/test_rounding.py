"""Tests for lawgov_metrics.rounding: Interval, unround, round_fraction, rounds_to."""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given
from hypothesis import strategies as st
from oracles import oracle_round

from lawgov_metrics.errors import ParseError
from lawgov_metrics.rounding import (
    SCHEMES,
    Interval,
    round_fraction,
    rounds_to,
    unround,
)

DETERMINISTIC = [s for s in SCHEMES if s != "up_or_down"]


def oracle_rounds_to(v: Fraction, n: int, d: int, scheme: str) -> bool:
    """Does v, rounded to d places under scheme, give n / 10**d?"""
    q = v * 10**d
    if scheme == "up_or_down":
        return n in (oracle_round(q, "half_up"), oracle_round(q, "half_down"))
    return oracle_round(q, scheme) == n


# --- documented examples ---------------------------------------------------------------


def test_unround_half_up_spec_example() -> None:
    iv = unround("68.67", scheme="half_up")
    assert (iv.lower, iv.upper) == (Fraction("68.665"), Fraction("68.675"))
    assert iv.lower_closed
    assert not iv.upper_closed
    assert str(iv) == "[68.665, 68.675)"


def test_trailing_zeros_carry_precision() -> None:
    assert unround("63.10").width == Fraction(1, 100)
    assert unround("63.1").width == Fraction(1, 10)
    assert unround(Decimal("63.10")) == unround("63.10")


def test_negative_values_are_mirrored_under_half_up() -> None:
    iv = unround("-12.5")
    assert (iv.lower, iv.upper, iv.lower_closed, iv.upper_closed) == (
        Fraction("-12.55"), Fraction("-12.45"), False, True,
    )  # fmt: skip


def test_full_width_digits_and_percent_sign() -> None:
    assert unround("６８．６７％") == unround("68.67")
    assert unround(" 68.67% ") == unround("68.67")


def test_scale_word_resolution_overrides_places() -> None:
    iv = unround(Decimal("2700000000"), resolution=Decimal("1E+8"))
    assert (iv.lower, iv.upper) == (2_650_000_000, 2_750_000_000)
    iv2 = unround(12000, resolution=1000)
    assert (iv2.lower, iv2.upper) == (11500, 12500)


def test_ties_differ_between_half_up_and_half_even() -> None:
    assert round_fraction(Fraction(25, 2), 0, "half_up") == Decimal("13")
    assert round_fraction(Fraction(25, 2), 0, "half_even") == Decimal("12")
    assert rounds_to("12.5", "13", scheme="half_up")
    assert not rounds_to("12.5", "13", scheme="half_even")
    assert rounds_to("12.5", "12", scheme="half_even")
    assert rounds_to("12.5", "12", scheme="up_or_down")
    assert rounds_to("12.5", "13", scheme="up_or_down")


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("half_up", "[67.5, 68.5)"),
        ("half_even", "[67.5, 68.5]"),
        ("half_down", "(67.5, 68.5]"),
        ("up_or_down", "[67.5, 68.5]"),
        ("truncate", "[68, 69)"),
        ("floor", "[68, 69)"),
        ("ceiling", "(67, 68]"),
    ],
)
def test_each_scheme_interval_for_68(scheme: str, expected: str) -> None:
    assert str(unround("68", scheme=scheme)) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("scheme", "expected"),
    [
        ("half_up", "(-0.5, 0.5)"),
        ("half_down", "[-0.5, 0.5]"),
        ("truncate", "(-1, 1)"),
        ("floor", "[0, 1)"),
        ("ceiling", "(-1, 0]"),
    ],
)
def test_zero_under_each_scheme(scheme: str, expected: str) -> None:
    assert str(unround("0", scheme=scheme)) == expected  # type: ignore[arg-type]


def test_unknown_scheme_names_it_and_lists_valid_ones() -> None:
    with pytest.raises(ValueError, match=r"'bankers'.*half_up, half_even"):
        unround("1", scheme="bankers")  # type: ignore[arg-type]


def test_float_needs_decimals() -> None:
    with pytest.raises(TypeError, match="float"):
        unround(68.67)
    assert unround(68.67, decimals=2) == unround("68.67")
    assert unround(68.7, decimals=2) == unround("68.70")


@pytest.mark.parametrize("bad", ["68.67%%", "", "abc", "NaN", "1e5", "12.3.4", "%"])
def test_garbage_is_a_parse_error_naming_it(bad: str) -> None:
    with pytest.raises(ParseError) as info:
        unround(bad)
    assert repr(bad) in str(info.value)
    assert isinstance(info.value, ValueError)


def test_nan_decimal_is_a_parse_error() -> None:
    with pytest.raises(ParseError):
        unround(Decimal("NaN"))


def test_value_finer_than_resolution_is_refused() -> None:
    with pytest.raises(ValueError, match="more precision"):
        unround("68.67", decimals=1)


def test_round_fraction_rejects_up_or_down() -> None:
    with pytest.raises(ValueError, match="up_or_down"):
        round_fraction(1, 0, "up_or_down")


def test_round_fraction_keeps_places_and_negative_places() -> None:
    assert str(round_fraction(Fraction(25, 2), 2)) == "12.50"
    assert round_fraction(2_749_999_999, -8) == Decimal("2.7E+9")
    assert round_fraction(2_749_999_999, -8).as_tuple().exponent == 8


# --- Interval --------------------------------------------------------------------------


def test_interval_converters() -> None:
    iv = Interval(lower="1.5", upper=Decimal("2.25"))
    assert (iv.lower, iv.upper) == (Fraction(3, 2), Fraction(9, 4))
    with pytest.raises(TypeError, match=r"precision|float"):
        Interval(lower=0.1, upper=1)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="above"):
        Interval(lower=2, upper=1)


def test_unbounded_ends_are_open_and_printed_as_infinity() -> None:
    iv = Interval(lower=None, upper=3)
    assert not iv.lower_closed
    assert str(iv) == "(-∞, 3]"
    assert str(Interval(lower=1, upper=None)) == "[1, ∞)"
    assert iv.contains(-(10**30))
    with pytest.raises(ValueError, match="unbounded"):
        iv.integers()


def test_interval_str_non_terminating() -> None:
    assert str(Interval(lower=Fraction(1, 3), upper=Fraction(2, 3))) == "[0.333333…, 0.666667…]"
    assert repr(Interval.point(Fraction(1, 3))) == (
        "Interval(lower=Fraction(1, 3), upper=Fraction(1, 3), lower_closed=True, upper_closed=True)"
    )


def test_interval_integers_respects_open_ends() -> None:
    assert Interval(lower=1, upper=3).integers() == range(1, 4)
    assert list(Interval(lower=1, upper=3, lower_closed=False, upper_closed=False).integers()) == [
        2
    ]
    assert len(Interval(lower="0.1", upper="0.9").integers()) == 0


def test_scalar_arithmetic() -> None:
    iv = Interval(lower=1, upper=2, upper_closed=False)
    neg = iv * -2
    assert (neg.lower, neg.upper, neg.lower_closed, neg.upper_closed) == (-4, -2, False, True)
    assert (iv + 1).lower == 2
    assert (10 - iv).upper == 9
    assert (iv / 4).upper == Fraction(1, 2)
    with pytest.raises(ZeroDivisionError):
        iv / 0


def test_reciprocal_times_refuses_zero_and_handles_open_zero_end() -> None:
    with pytest.raises(ValueError, match="contains 0"):
        Interval(lower=-1, upper=1).reciprocal_times(1)
    r = Interval(lower=0, upper=4, lower_closed=False).reciprocal_times(2)
    assert (r.lower, r.upper, r.lower_closed) == (Fraction(1, 2), None, True)
    r2 = Interval(lower=2, upper=None).reciprocal_times(4)
    assert (r2.lower, r2.upper, r2.lower_closed, r2.upper_closed) == (0, 2, False, True)
    r3 = Interval(lower=-4, upper=-2).reciprocal_times(8)
    assert (r3.lower, r3.upper) == (-4, -2)


# --- properties against the exact oracle -------------------------------------------------

schemes = st.sampled_from(SCHEMES)
det_schemes = st.sampled_from(DETERMINISTIC)


@given(
    n=st.integers(-(10**7), 10**7),
    d=st.integers(-3, 4),
    scheme=det_schemes,
    tie=st.booleans(),
    frac=st.fractions(0, 1, max_denominator=997),
)
def test_round_fraction_matches_oracle(
    n: int, d: int, scheme: str, tie: bool, frac: Fraction
) -> None:
    q = (n + (Fraction(1, 2) if tie else frac)) / Fraction(10) ** d
    got = round_fraction(q, d, scheme)  # type: ignore[arg-type]
    assert (
        Fraction(got)
        == Fraction(oracle_round(q * Fraction(10) ** d, scheme), 1) / Fraction(10) ** d
    )
    assert got.as_tuple().exponent == -d


@given(n=st.integers(-(10**6), 10**6), d=st.integers(0, 4), scheme=schemes)
@example(n=125, d=1, scheme="half_up")
@example(n=125, d=1, scheme="half_even")
@example(n=0, d=0, scheme="truncate")
def test_unround_round_trip_at_and_around_the_ends(n: int, d: int, scheme: str) -> None:
    text = f"{'-' if n < 0 else ''}{abs(n) // 10**d}" + (f".{abs(n) % 10**d:0{d}d}" if d else "")
    iv = unround(text, scheme=scheme)  # type: ignore[arg-type]
    assert iv.lower is not None
    assert iv.upper is not None
    eps = Fraction(1, 10 ** (d + 6))
    # the ends: in the interval exactly when the oracle rounds them to n
    assert oracle_rounds_to(iv.lower, n, d, scheme) == iv.lower_closed
    assert oracle_rounds_to(iv.upper, n, d, scheme) == iv.upper_closed
    # just inside rounds to n; just outside does not
    for v in (iv.lower + eps, iv.upper - eps, (iv.lower + iv.upper) / 2):
        assert iv.contains(v)
        assert oracle_rounds_to(v, n, d, scheme)
    for v in (iv.lower - eps, iv.upper + eps):
        assert not iv.contains(v)
        assert not oracle_rounds_to(v, n, d, scheme)


@given(v=st.fractions(-1000, 1000, max_denominator=2000), d=st.integers(0, 3), scheme=det_schemes)
def test_rounds_to_agrees_with_forward_rounding(v: Fraction, d: int, scheme: str) -> None:
    written = round_fraction(v, d, scheme)  # type: ignore[arg-type]
    assert rounds_to(v, written, scheme=scheme)  # type: ignore[arg-type]
    assert unround(written, scheme=scheme).contains(v)  # type: ignore[arg-type]
    other = written + Decimal(1).scaleb(-d)
    assert not rounds_to(v, other, scheme=scheme)  # type: ignore[arg-type]


fr = st.fractions(-50, 50, max_denominator=12)
ivs = st.builds(
    lambda a, b, lc, uc: Interval(lower=min(a, b), upper=max(a, b), lower_closed=lc,
                                  upper_closed=uc),
    fr, fr, st.booleans(), st.booleans(),
)  # fmt: skip


def _brute_contains(iv: Interval, v: Fraction) -> bool:
    lo_ok = iv.lower is None or v > iv.lower or (v == iv.lower and iv.lower_closed)
    hi_ok = iv.upper is None or v < iv.upper or (v == iv.upper and iv.upper_closed)
    return lo_ok and hi_ok


@given(a=ivs, b=ivs, v=fr)
def test_intersection_and_hull_membership(a: Interval, b: Interval, v: Fraction) -> None:
    both = _brute_contains(a, v) and _brute_contains(b, v)
    assert (a & b).contains(v) == both
    if _brute_contains(a, v) or _brute_contains(b, v):
        assert a.hull(b).contains(v)


@given(a=ivs, c=fr, v=fr)
def test_scalar_ops_map_members_to_members(a: Interval, c: Fraction, v: Fraction) -> None:
    inside = _brute_contains(a, v)
    assert (a * c).contains(v * c) or not inside
    assert (a + c).contains(v + c) == inside
    if c != 0:
        assert (a * c).contains(v * c) == inside


@given(a=ivs, c=fr.filter(lambda x: x != 0), v=fr)
def test_reciprocal_times_matches_pointwise(a: Interval, c: Fraction, v: Fraction) -> None:
    if a.contains(0) or (a.lower is not None and a.upper is not None and a.lower < 0 < a.upper):
        with pytest.raises(ValueError, match="contains 0"):
            a.reciprocal_times(c)
        return
    if a.is_empty:
        return
    r = a.reciprocal_times(c)
    if v != 0:
        assert r.contains(c / v) == _brute_contains(a, v)


@given(a=ivs)
def test_integers_are_exactly_the_members(a: Interval) -> None:
    ints = a.integers()
    assert a.lower is not None
    assert a.upper is not None
    for k in range(math.floor(a.lower) - 1, math.ceil(a.upper) + 2):
        assert (k in ints) == _brute_contains(a, Fraction(k))


@given(st.text(max_size=20))
@example("６８．６７％")
@example("1,234.5")
def test_unround_fuzz_never_crashes_unexpectedly(text: str) -> None:
    try:
        iv = unround(text)
    except ParseError:
        return
    assert iv.lower is not None
    assert iv.upper is not None
    assert iv.lower < iv.upper


# --- interval by interval: * / overlaps, against exact points --------------------------

ends = st.one_of(st.none(), fr)
any_ivs = st.builds(
    lambda a, b, lc, uc: Interval(
        lower=a if b is None or a is None else min(a, b),
        upper=b if a is None or b is None else max(a, b),
        lower_closed=lc,
        upper_closed=uc,
    ),
    ends, ends, st.booleans(), st.booleans(),
)  # fmt: skip


def _member(iv: Interval, t: Fraction, far: Fraction) -> Fraction:
    """A point of ``iv`` picked by ``t`` in [0, 1] (``far`` reaches into unbounded ends)."""
    lo = iv.lower if iv.lower is not None else (iv.upper or 0) - far
    hi = iv.upper if iv.upper is not None else lo + far
    return lo + t * (hi - lo)


unit = st.fractions(0, 1, max_denominator=50)
big = st.fractions(0, 10**6, max_denominator=7)


@given(a=any_ivs, b=any_ivs, s=unit, t=unit, far=big)
def test_interval_product_and_quotient_hold_every_pointwise_result(
    a: Interval, b: Interval, s: Fraction, t: Fraction, far: Fraction
) -> None:
    x, y = _member(a, s, far), _member(b, t, far)
    if not (_brute_contains(a, x) and _brute_contains(b, y)):
        return
    assert (a * b).contains(x * y)
    on_one_side = (b.lower is not None and b.lower >= 0) or (b.upper is not None and b.upper <= 0)
    if b.contains(0) or not on_one_side:
        with pytest.raises(ZeroDivisionError, match="contains 0"):
            a / b
        return
    assert (a / b).contains(x / y)


def _corner_oracle(a: Interval, b: Interval, op: str) -> tuple[Fraction, bool, Fraction, bool]:
    """Exact ends of ``{x op y}`` for bounded intervals: extremes lie at the corners of the
    closures; an end is attained when a corner of members gives it, or it is 0 = 0 · y."""
    assert a.lower is not None
    assert a.upper is not None
    assert b.lower is not None
    assert b.upper is not None
    f = (lambda x, y: x * y) if op == "*" else (lambda x, y: x / y)
    corners = [(x, y) for x in (a.lower, a.upper) for y in (b.lower, b.upper)]
    values = [f(x, y) for x, y in corners]

    def attained(v: Fraction) -> bool:
        hit = any(f(x, y) == v and a.contains(x) and b.contains(y) for x, y in corners)
        return hit or (v == 0 and (a.contains(0) or (op == "*" and b.contains(0))))

    lo, hi = min(values), max(values)
    return lo, attained(lo), hi, attained(hi)


@given(a=ivs, b=ivs)
@example(a=Interval(lower=2, upper=3, upper_closed=False), b=Interval(lower=-1, upper=4))
@example(
    a=Interval(lower=0, upper=1),
    b=Interval(lower=2, upper=3, lower_closed=False, upper_closed=False),
)
def test_interval_product_ends_match_the_corner_oracle(a: Interval, b: Interval) -> None:
    if a.is_empty or b.is_empty:
        assert (a * b).is_empty
        return
    p = a * b
    assert (p.lower, p.lower_closed, p.upper, p.upper_closed) == _corner_oracle(a, b, "*")


@given(a=ivs, b=ivs)
@example(a=Interval(lower=786, upper=786), b=Interval(lower=2, upper=3, upper_closed=False))
def test_interval_quotient_ends_match_the_corner_oracle(a: Interval, b: Interval) -> None:
    assert b.lower is not None
    assert b.upper is not None
    if a.is_empty or b.is_empty or b.lower <= 0 <= b.upper:
        return  # 0 in the closure of the divisor: covered by the pointwise test
    q = a / b
    assert (q.lower, q.lower_closed, q.upper, q.upper_closed) == _corner_oracle(a, b, "/")


def test_interval_quotient_by_a_divisor_open_at_zero_is_unbounded() -> None:
    q = Interval(lower=1, upper=2) / Interval(lower=0, upper=4, lower_closed=False)
    assert (q.lower, q.lower_closed, q.upper) == (Fraction(1, 4), True, None)
    q = Interval(lower=0, upper=2) / Interval(lower=1, upper=None)  # 0/y = 0 is attained
    assert (q.lower, q.lower_closed, q.upper, q.upper_closed) == (0, True, 2, True)
    with pytest.raises(ZeroDivisionError, match="contains 0"):
        Interval(lower=1, upper=2) / Interval(lower=-1, upper=1, lower_closed=False)


def test_interval_product_with_unbounded_and_zero_factors() -> None:
    whole, zero = Interval(), Interval.point(0)
    assert (whole * zero).is_point
    assert (whole * zero).lower == 0
    p = Interval(lower=0, upper=1, lower_closed=False) * whole
    assert (p.lower, p.upper) == (None, None)
    p = Interval(lower=0, upper=1, lower_closed=False) * Interval(lower=1, upper=None)
    assert (p.lower, p.lower_closed, p.upper) == (0, False, None)  # x·y > 0, never 0
    p = Interval(lower=-2, upper=-1) * Interval(lower=3, upper=None, lower_closed=False)
    assert (p.lower, p.upper, p.upper_closed) == (None, -3, False)


@given(a=any_ivs, b=any_ivs, v=fr)
def test_overlaps_iff_a_common_point_exists(a: Interval, b: Interval, v: Fraction) -> None:
    assert a.overlaps(b) == b.overlaps(a)
    if _brute_contains(a, v) and _brute_contains(b, v):
        assert a.overlaps(b)
    if a.overlaps(b):  # a witness: the middle of the (non-empty) intersection
        both = a & b
        w = _member(both, Fraction(1, 2), Fraction(1))
        assert _brute_contains(a, w)
        assert _brute_contains(b, w)
    else:
        assert (a & b).is_empty
