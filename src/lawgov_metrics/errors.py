"""The library's exceptions.

Every error raised on purpose by :mod:`lawgov_metrics` derives from
:class:`LawgovMetricsError`, and each concrete error also derives from the builtin
exception a caller would naturally catch, so ``except ValueError`` keeps working.

Examples:
    >>> import lawgov_metrics as lm
    >>> try:
    ...     lm.parse_quantity("no number here")
    ... except ValueError as exc:
    ...     isinstance(exc, lm.LawgovMetricsError)
    True
"""

from __future__ import annotations

__all__ = [
    "ArgumentTypeError",
    "ArgumentValueError",
    "ChecksFailedError",
    "IntervalDivisionError",
    "IntervalError",
    "InvalidArgumentError",
    "InvalidOptionError",
    "LawgovMetricsError",
    "ParseError",
    "ReadError",
    "SchemaError",
    "UndefinedGrowthError",
    "UnknownIndicatorError",
]


class LawgovMetricsError(Exception):
    """Base class of every error the library raises on purpose."""


class ParseError(LawgovMetricsError, ValueError):
    """Text (or a value) could not be read as what was asked for.

    Attributes:
        text: The offending input, as given.
        reason: Why it could not be read.
    """

    def __init__(self, text: object, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"cannot parse {text!r}: {reason}")


class ReadError(LawgovMetricsError, ValueError):
    """A file's bytes are not a report's text (binary data, a PDF, an image).

    Attributes:
        path: The file, as given.
        reason: What made the bytes unreadable as text.
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"cannot read {path!r} as text: {reason}")


class UndefinedGrowthError(LawgovMetricsError, ZeroDivisionError):
    """A growth rate was asked for where none is defined (a prior value <= 0)."""


class SchemaError(LawgovMetricsError, ValueError):
    """A frame or file lacks a column or field the operation needs, or has the wrong version."""


class UnknownIndicatorError(LawgovMetricsError, KeyError):
    """An indicator id or label that the vocabulary does not know."""


class ChecksFailedError(LawgovMetricsError, AssertionError):
    """Raised by :meth:`CheckReport.raise_if_failed` when at least one check failed."""


def _shown(value: object) -> str:
    """A short repr for a message; never fails (an int too large to print, a broken repr)."""
    try:
        text = repr(value)
    except Exception:  # a message must be built whatever the value's repr does
        text = f"<{type(value).__name__}>"
    if "\n" in text:  # a frame or a series: its type and size say enough
        size = getattr(value, "shape", None)
        text = f"<{type(value).__name__}{'' if size is None else ' of shape ' + str(size)}>"
    return text if len(text) <= 60 else text[:57] + "..."


class InvalidArgumentError(LawgovMetricsError):
    """A public function was given an argument it does not take.

    The message names the argument, shows the value given and says what is accepted.
    Catch the concrete :class:`ArgumentTypeError` (a ``TypeError``) or
    :class:`ArgumentValueError` (a ``ValueError``), or this class for both.

    Attributes:
        argument: The argument's name as in the signature (``"scheme"``, ``"reported"``).
        value: The value given.
        accepted: What the argument accepts, in words.

    Examples:
        >>> import lawgov_metrics as lm
        >>> try:
        ...     lm.unround("1", scheme="banker")
        ... except ValueError as exc:
        ...     exc.argument, isinstance(exc, lm.LawgovMetricsError)
        ('scheme', True)
    """

    def __init__(self, argument: str, value: object, accepted: str, why: str = "") -> None:
        self.argument = argument
        self.value = value
        self.accepted = accepted
        self.why = why
        because = f": {why}" if why else ""
        super().__init__(
            f"{argument}={_shown(value)} is not accepted{because}; {argument} takes {accepted}"
        )


class ArgumentTypeError(InvalidArgumentError, TypeError):
    """An argument of a type the function does not take (a float rate, None, a list...)."""


class ArgumentValueError(InvalidArgumentError, ValueError):
    """An argument of an accepted type with a value the function does not take.

    For example an unknown rounding scheme, a resolution of 0, or a multiple form that does
    not exist.
    """


class InvalidOptionError(ArgumentValueError):
    """An option whose value the library does not know: an unknown check id, status,
    rounding scheme or convention; the message lists the values it knows.

    Examples:
        >>> import lawgov_metrics as lm
        >>> try:
        ...     lm.check([], checks=["growth.bogus"])
        ... except ValueError as exc:
        ...     exc.argument, isinstance(exc, lm.InvalidArgumentError)
        ('checks', True)
    """


class IntervalError(LawgovMetricsError, ValueError):
    """An operation that is not defined for the interval it is asked of.

    For example the integers of an unbounded interval, or ``c / x`` over an interval that
    holds 0.
    """


class IntervalDivisionError(LawgovMetricsError, ZeroDivisionError):
    """A division by zero, or by an interval that holds 0."""
