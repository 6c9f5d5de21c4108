"""Argument checks shared by the public strategies: each raises ``InvalidArgument`` up front.

Hypothesis validates a strategy's arguments when the strategy is made, so a typo fails at the
line that made it, not somewhere inside a test run. These helpers keep the messages uniform:
they name the argument, what it must be, and what was given.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction

from hypothesis.errors import InvalidArgument

from ..rounding import Scheme, to_fraction
from ._records import DETERMINISTIC_SCHEMES

#: Decimal places a written rate may have in the strategies (reports print at most 4).
MAX_DECIMALS = 8


def check_int(
    value: object, name: str, *, min_value: int | None = None, max_value: int | None = None
) -> int:
    """``value`` as an int in ``[min_value, max_value]`` (bools refused)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name} must be an int, got {value!r} ({type(value).__name__})")
    if min_value is not None and value < min_value:
        raise InvalidArgument(f"{name} must be at least {min_value}, got {value}")
    if max_value is not None and value > max_value:
        raise InvalidArgument(f"{name} must be at most {max_value}, got {value}")
    return value


def check_bool(value: object, name: str) -> bool:
    """``value`` itself when it is a bool."""
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name} must be True or False, got {value!r}")
    return value


def check_exact(value: object, name: str) -> Fraction:
    """An exact number (int, Fraction, Decimal, decimal string) as a Fraction."""
    if isinstance(value, bool):
        raise InvalidArgument(f"{name} must be an exact number, got {value!r}")
    try:
        return to_fraction(value)
    except (TypeError, ValueError) as exc:
        raise InvalidArgument(f"{name} must be an exact number, got {value!r}: {exc}") from exc


def check_decimals(min_decimals: object, max_decimals: object) -> tuple[int, int]:
    """``0 <= min_decimals <= max_decimals <= MAX_DECIMALS``."""
    lo = check_int(min_decimals, "min_decimals", min_value=0, max_value=MAX_DECIMALS)
    hi = check_int(max_decimals, "max_decimals", min_value=0, max_value=MAX_DECIMALS)
    if lo > hi:
        raise InvalidArgument(f"min_decimals={lo} is above max_decimals={hi}")
    return lo, hi


def check_schemes(schemes: object) -> tuple[Scheme, ...]:
    """A non-empty sequence of deterministic rounding schemes, as a tuple."""
    if isinstance(schemes, str) or not isinstance(schemes, Sequence):
        raise InvalidArgument(
            f"schemes must be a sequence of scheme names such as ['half_up'], got {schemes!r}"
        )
    bad = [s for s in schemes if s not in DETERMINISTIC_SCHEMES]
    if bad or not schemes:
        raise InvalidArgument(
            f"schemes must be a non-empty subset of {DETERMINISTIC_SCHEMES}, got {list(schemes)}"
        )
    return tuple(schemes)


def check_choices(values: object, name: str, allowed: Sequence[str]) -> tuple[str, ...]:
    """A non-empty sequence of distinct names, each one of ``allowed``."""
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise InvalidArgument(
            f"{name} must be a sequence drawn from {tuple(allowed)}, got {values!r}"
        )
    bad = [v for v in values if v not in allowed]
    if bad or not values:
        raise InvalidArgument(
            f"{name} must be a non-empty subset of {tuple(allowed)}, got {list(values)}"
        )
    return tuple(dict.fromkeys(values))


def check_strings(values: object, name: str) -> tuple[str, ...]:
    """A non-empty sequence of non-empty, distinct strings."""
    if isinstance(values, str) or not isinstance(values, Sequence):
        raise InvalidArgument(f"{name} must be a sequence of strings, got {values!r}")
    bad = [v for v in values if not isinstance(v, str) or not v.strip()]
    if bad or not values:
        raise InvalidArgument(f"{name} must be non-empty strings, got {list(values)!r}")
    if len(set(values)) != len(values):
        raise InvalidArgument(f"{name} must be distinct, got {list(values)!r}")
    return tuple(values)
