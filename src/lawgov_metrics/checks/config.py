"""The settings every check reads: :class:`CheckConfig`, the keyword arguments of ``check``.

Examples:
    >>> from lawgov_metrics.checks import CheckConfig
    >>> CheckConfig().scheme, CheckConfig(scheme="half_even").scheme
    ('half_up', 'half_even')
"""

from __future__ import annotations

import functools
import types
from collections.abc import Mapping
from typing import Literal

import attrs

from ..errors import InvalidOptionError
from ..records import Quantity
from ..results import Severity, Status
from ..rounding import SCHEMES, Interval, Scheme

__all__ = ["CheckConfig"]


def _to_status(value: Status | str) -> Status:
    if isinstance(value, Status):
        return value
    try:
        return Status(value)
    except ValueError:
        known = ", ".join(s.value for s in Status)
        raise InvalidOptionError("status", value, f"one of {known}") from None


def _to_severity_map(
    value: Mapping[str | Status, Severity] | None,
) -> Mapping[str | Status, Severity]:
    return types.MappingProxyType(dict(value or {}))


def _check_scheme(_inst: object, _attribute: object, value: str) -> None:
    if value not in SCHEMES:
        raise InvalidOptionError("scheme", value, f"one of {', '.join(SCHEMES)}")


def _check_more_than(_inst: object, _attribute: object, value: str) -> None:
    if value not in ("next_unit", "unbounded"):
        raise InvalidOptionError("more_than", value, "'next_unit' or 'unbounded'")


def _check_digits(_inst: object, _attribute: object, value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or value < 1:
        raise InvalidOptionError("duplicate_min_digits", value, "a whole number >= 1")


@functools.lru_cache(maxsize=4096)
def _bounds(q: Quantity, scheme: Scheme, more_than: Literal["next_unit", "unbounded"]) -> Interval:
    return q.bounds(scheme, more_than=more_than)


@attrs.frozen(kw_only=True)
class CheckConfig:
    """Settings shared by every check (the keyword arguments of :func:`check`).

    Attributes:
        scheme: Rounding scheme used to unround every written figure (default ``half_up``,
            四舍五入).
        more_than: How 余/多/逾/超 widen a figure: ``"next_unit"`` (``28300余`` is
            ``[28300, 28400)``) or ``"unbounded"`` (``[28300, ∞)``).
        duplicate_min_digits: ``duplicate.value`` only looks at values with at least this
            many significant digits (trailing zeros of an integer do not count).
        inferred_share_status: Status given by ``share.granularity``, ``share.range`` and
            ``share.all_100`` when a rate contradicts a count it was tied to by position or
            by arithmetic, not by the text's structure (a binding that is not
            :attr:`~lawgov_metrics.Binding.STATED`; default WARN).
        inferred_sum_status: Status given by ``breakdown.sum`` and
            ``breakdown.part_exceeds_whole`` when parts contradict a total they were tied
            to, or a completeness that was inferred, without the text saying so (a binding
            that is not STATED; default WARN). A list the text calls complete still FAILs.
        severity: Severity overrides. A key that is a check id sets the severity of that
            check's FAIL and WARN results; a key that is a :class:`Status` sets it for every
            result with that status (a check id wins over a status).

    Examples:
        >>> CheckConfig().inferred_sum_status
        <Status.WARN: 'warn'>
        >>> CheckConfig(scheme="sideways")
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.InvalidOptionError: scheme='sideways' is not accepted; ...
    """

    scheme: Scheme = attrs.field(default="half_up", validator=_check_scheme)
    more_than: Literal["next_unit", "unbounded"] = attrs.field(
        default="next_unit", validator=_check_more_than
    )
    duplicate_min_digits: int = attrs.field(default=3, validator=_check_digits)
    inferred_share_status: Status = attrs.field(default=Status.WARN, converter=_to_status)
    inferred_sum_status: Status = attrs.field(default=Status.WARN, converter=_to_status)
    severity: Mapping[str | Status, Severity] = attrs.field(
        factory=dict, converter=_to_severity_map
    )

    def bounds(self, q: Quantity) -> Interval:
        """The interval a written quantity stands for under this configuration.

        Examples:
            >>> from lawgov_metrics import parse_quantity
            >>> print(CheckConfig().bounds(parse_quantity("28300余条")))
            [28300, 28400)
        """
        return _bounds(q, self.scheme, self.more_than)
