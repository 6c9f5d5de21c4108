"""Bad arguments to the public functions of rounding, interval, growth and mappers.

Each raises an error of the library (a LawgovMetricsError) that is also the builtin a
caller would catch (TypeError, ValueError, ZeroDivisionError), names the argument, and
says what is accepted.
"""

from __future__ import annotations

from collections.abc import Callable
from fractions import Fraction
from typing import Any

import pandas as pd
import pytest

import lawgov_metrics as lm
from lawgov_metrics.errors import (
    ArgumentTypeError,
    ArgumentValueError,
    IntervalDivisionError,
    IntervalError,
    InvalidArgumentError,
    LawgovMetricsError,
    ParseError,
    UndefinedGrowthError,
)
from lawgov_metrics.rounding import (
    Interval,
    check_scheme,
    format_fraction,
    parse_decimal,
    to_fraction,
    unround_value,
)

IV = Interval(lower=1, upper=2)

# (call, error class, builtin, argument named, a phrase of what is accepted)
CASES: list[tuple[str, Callable[[], object], type[Exception], type[Exception], str, str]] = [
    ("unround float", lambda: lm.unround(68.67), ArgumentTypeError, TypeError, "reported",
     "decimals="),
    ("unround None", lambda: lm.unround(None), ArgumentTypeError, TypeError, "reported",
     "a str as written"),
    ("unround bool", lambda: lm.unround(True), ArgumentTypeError, TypeError, "reported", "str"),
    ("unround list", lambda: lm.unround([1]), ArgumentTypeError, TypeError, "reported", "str"),
    ("unround scheme", lambda: lm.unround("1", scheme="banker"), ArgumentValueError, ValueError,
     "scheme", "half_up, half_even"),
    ("unround scheme type", lambda: lm.unround("1", scheme=None), ArgumentTypeError, TypeError,
     "scheme", "half_up"),
    ("unround decimals type", lambda: lm.unround("1", decimals="2"), ArgumentTypeError,
     TypeError, "decimals", "an int"),
    ("unround decimals range", lambda: lm.unround("1", decimals=10**6), ArgumentValueError,
     ValueError, "decimals", "-100 to 100"),
    ("unround both", lambda: lm.unround("1", decimals=1, resolution=1), ArgumentValueError,
     ValueError, "resolution", "not both"),
    ("unround resolution", lambda: lm.unround("1", resolution=0), ArgumentValueError,
     ValueError, "resolution", "positive"),
    ("unround finer", lambda: lm.unround("1.5", resolution=1), ArgumentValueError, ValueError,
     "reported", "multiple of the resolution"),
    ("unround 1/3", lambda: lm.unround(Fraction(1, 3)), ArgumentValueError, ValueError,
     "reported", "terminates"),
    ("round_fraction scheme", lambda: lm.round_fraction("1", 2, "up_or_down"),
     ArgumentValueError, ValueError, "scheme", "half_up"),
    ("round_fraction decimals", lambda: lm.round_fraction("1", "2"), ArgumentTypeError,
     TypeError, "decimals", "an int"),
    ("round_fraction decimals range", lambda: lm.round_fraction("1", 10**6), ArgumentValueError,
     ValueError, "decimals", "-1000 to 1000"),
    ("round_fraction float", lambda: lm.round_fraction(0.1, 1), ArgumentTypeError, TypeError,
     "x", "Decimal('0.1')"),
    ("round_fraction None", lambda: lm.round_fraction(None, 1), ArgumentTypeError, TypeError,
     "x", "int, Fraction"),
    ("rounds_to float", lambda: lm.rounds_to(0.5, "1"), ArgumentTypeError, TypeError, "x",
     "Decimal"),
    ("rounds_to None", lambda: lm.rounds_to("1", None), ArgumentTypeError, TypeError,
     "reported", "str"),
    ("check_scheme type", lambda: check_scheme(5), ArgumentTypeError, TypeError, "scheme",
     "half_up"),
    ("unround_value resolution", lambda: unround_value(Fraction(1), Fraction(0)),
     ArgumentValueError, ValueError, "resolution", "positive"),
    ("unround_value multiple", lambda: unround_value(Fraction(1), Fraction(2)),
     ArgumentValueError, ValueError, "value", "multiple"),
    ("to_fraction list", lambda: to_fraction([1]), ArgumentTypeError, TypeError, "value",
     "int, Fraction"),
    ("parse_decimal None", lambda: parse_decimal(None), ArgumentTypeError, TypeError, "text",
     "a str"),
    ("format_fraction str", lambda: format_fraction("1"), ArgumentTypeError, TypeError, "x",
     "a Fraction"),
    ("format_fraction places", lambda: format_fraction(Fraction(1, 3), -1), ArgumentValueError,
     ValueError, "places", ">= 0"),
    ("Interval float end", lambda: Interval(lower=0.5), ArgumentTypeError, TypeError, "lower",
     "Decimal"),
    ("Interval upper None type", lambda: Interval(upper=[2]), ArgumentTypeError, TypeError,
     "upper", "int"),
    ("Interval order", lambda: Interval(lower=3, upper=1), ArgumentValueError, ValueError,
     "lower", "at most the upper end"),
    ("Interval flag", lambda: Interval(lower=1, upper_closed="no"), ArgumentTypeError,
     TypeError, "upper_closed", "a bool"),
    ("Interval.contains None", lambda: IV.contains(None), ArgumentTypeError, TypeError, "x",
     "int"),
    ("Interval * float", lambda: IV * 0.5, ArgumentTypeError, TypeError, "other", "Decimal"),
    ("Interval + None", lambda: IV + None, ArgumentTypeError, TypeError, "other", "int"),
    ("growth_rate None", lambda: lm.growth_rate(None, 5), ArgumentTypeError, TypeError, "prior",
     "int"),
    ("growth_rate float", lambda: lm.growth_rate(4, 1.5), ArgumentTypeError, TypeError,
     "current", "Decimal"),
    ("implied_prior scheme", lambda: lm.implied_prior(786, "68.67", scheme="x"),
     ArgumentValueError, ValueError, "scheme", "half_up"),
    ("implied_prior None", lambda: lm.implied_prior(None, "1"), ArgumentTypeError, TypeError,
     "current", "int"),
    ("implied_prior rate None", lambda: lm.implied_prior(786, None), ArgumentTypeError,
     TypeError, "reported", "str"),
    ("integer_priors unbounded", lambda: lm.integer_priors(10, "-100"), ArgumentValueError,
     ValueError, "reported", "above -100%"),
    ("share_counts total", lambda: lm.share_counts(0, "50"), ArgumentValueError, ValueError,
     "total", "positive whole count"),
    ("share_counts float total", lambda: lm.share_counts(1.5, "50"), ArgumentTypeError,
     TypeError, "total", "Decimal"),
    ("share_counts scheme", lambda: lm.share_counts(10, "50", scheme="x"), ArgumentValueError,
     ValueError, "scheme", "half_up"),
    ("multiple_factor form", lambda: lm.multiple_factor(2, "x"), ArgumentValueError, ValueError,
     "form", "times_increase"),
    ("multiple_factor negative", lambda: lm.multiple_factor(-1, "times_of"), ArgumentValueError,
     ValueError, "n", ">= 0"),
    ("multiple_factor doublings", lambda: lm.multiple_factor("1.5", "doublings"),
     ArgumentValueError, ValueError, "n", "whole number"),
    ("multiple_factor float", lambda: lm.multiple_factor(1.5, "times_of"), ArgumentTypeError,
     TypeError, "n", "Decimal"),
    ("pp_change None", lambda: lm.pp_change(None, "1"), ArgumentTypeError, TypeError,
     "prior_rate", "int"),
    ("pp_change 1/3", lambda: lm.pp_change("1", Fraction(1, 3)), ArgumentValueError,
     ValueError, "current_rate", "terminates"),
    ("verify_growth scheme", lambda: lm.verify_growth(prior=1, current=1, reported="1",
                                                      scheme="x"),
     ArgumentValueError, ValueError, "scheme", "half_up"),
    ("check_share scheme", lambda: lm.check_share(1, "1", scheme="x"), ArgumentValueError,
     ValueError, "scheme", "half_up"),
    ("verify_pp_change scheme", lambda: lm.verify_pp_change(
        prior_rate="1", current_rate="1", reported="1", scheme="x"),
     ArgumentValueError, ValueError, "scheme", "half_up"),
    ("verify_growth_frame list", lambda: lm.verify_growth_frame([1, 2]), ArgumentTypeError,
     TypeError, "df", "a pandas DataFrame"),
    ("check_share_frame dict", lambda: lm.check_share_frame({"total": [1]}), ArgumentTypeError,
     TypeError, "df", "a pandas DataFrame"),
    ("verify_growth_frame exact", lambda: lm.verify_growth_frame(
        pd.DataFrame({"prior": [1], "current": [1], "reported": ["1"]}), exact="yes"),
     ArgumentValueError, ValueError, "exact", "int64"),
]  # fmt: skip


@pytest.mark.parametrize(("call", "error", "builtin", "argument", "accepted"),
                         [c[1:] for c in CASES], ids=[c[0] for c in CASES])  # fmt: skip
def test_bad_argument_is_a_library_error_naming_it(
    call: Callable[[], Any], error: type[Exception], builtin: type[Exception], argument: str,
    accepted: str,
) -> None:  # fmt: skip
    with pytest.raises(error) as info:
        call()
    exc = info.value
    assert isinstance(exc, LawgovMetricsError)
    assert isinstance(exc, builtin)
    assert isinstance(exc, InvalidArgumentError)
    assert exc.argument == argument
    message = str(exc)
    assert message.startswith(f"{argument}="), message
    assert accepted in message, message


def test_float_rate_error_says_why() -> None:
    with pytest.raises(TypeError, match=r"63\.10 and 63\.1 are the same float") as info:
        lm.unround(68.67)
    assert "decimals=" in str(info.value)
    assert lm.unround(68.67, decimals=2) == lm.unround("68.67")  # the way out it names


@pytest.mark.parametrize(
    ("call", "builtin", "phrase"),
    [
        (lambda: IV / 0, ZeroDivisionError, "by zero"),
        (lambda: IV / Interval(lower=-1, upper=1), ZeroDivisionError, "contains 0"),
        (lambda: Interval().integers(), ValueError, "unbounded"),
        (lambda: Interval.empty().reciprocal_times(1), ValueError, "empty"),
        (lambda: Interval(lower=-1, upper=1).reciprocal_times(1), ValueError, "contains 0"),
    ],
)
def test_interval_operations_that_are_undefined(
    call: Callable[[], object], builtin: type[Exception], phrase: str
) -> None:
    with pytest.raises((IntervalError, IntervalDivisionError), match=phrase) as info:
        call()
    assert isinstance(info.value, builtin)
    assert isinstance(info.value, LawgovMetricsError)


def test_unreadable_text_stays_a_parse_error_and_zero_prior_an_undefined_growth() -> None:
    with pytest.raises(ParseError):
        lm.unround("abc")
    with pytest.raises(UndefinedGrowthError):
        lm.growth_rate(0, 5)


def test_numpy_bools_are_taken_as_closed_flags() -> None:
    import numpy as np

    iv = Interval(lower=1, upper=2, lower_closed=np.bool_(False))
    assert iv.lower_closed is False
    assert not iv.contains(1)


def test_message_of_an_unprintable_value() -> None:
    frame = pd.DataFrame({"a": range(3)})
    with pytest.raises(ArgumentTypeError, match=r"df=<ndarray of shape \(3, 1\)>"):
        lm.verify_growth_frame(frame.to_numpy())  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match=r"df=<Series of shape \(3,\)>"):
        lm.verify_growth_frame(frame["a"])  # type: ignore[arg-type]
