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
    "ChecksFailedError",
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
