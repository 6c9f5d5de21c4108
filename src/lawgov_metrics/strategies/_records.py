"""The records the case strategies draw: a growth claim and a share claim with their numbers.

Plain attrs records with validators; nothing here imports Hypothesis, so the entry-point hook
can register them cheaply. A record is *consistent* when its written rate is what its numbers
give under its rounding scheme; an inconsistent one names its ``mistake``.
"""

from __future__ import annotations

import re
from fractions import Fraction

import attrs

from ..rounding import SCHEMES, Scheme, round_fraction

__all__ = ["DETERMINISTIC_SCHEMES", "MISTAKES", "GrowthCase", "ShareCase"]

#: The schemes that round each value to one result (all but ``up_or_down``).
DETERMINISTIC_SCHEMES: tuple[Scheme, ...] = tuple(s for s in SCHEMES if s != "up_or_down")

#: What is wrong with an inconsistent case (``""`` for a consistent one).
#:
#: ``other_scheme``: the rate another rounding scheme writes (at a tie: 四舍五入 against
#: banker's rounding); ``one_unit``: one unit in the last written place off, which no scheme
#: writes; ``sign``: a decline written as a rise or the reverse; ``far``: further off.
#: The first two are the near misses.
MISTAKES: tuple[str, ...] = ("", "other_scheme", "one_unit", "sign", "far")

_WRITTEN_RE = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.([0-9]+))?")


def written(units: int, decimals: int) -> str:
    """``units`` in the last place, written with ``decimals`` places (``-1250, 2`` -> ``-12.50``).

    Zero is never signed.
    """
    sign = "-" if units < 0 else ""
    digits = str(abs(units)).rjust(decimals + 1, "0")
    return sign + (f"{digits[:-decimals]}.{digits[-decimals:]}" if decimals else digits)


def round_units(x: Fraction, decimals: int, scheme: Scheme) -> int:
    """``x`` rounded to ``decimals`` places under ``scheme``, in units of the last place."""
    scale: int = 10**decimals
    return int(Fraction(round_fraction(x, decimals, scheme)) * scale)


def is_tie(x: Fraction, decimals: int) -> bool:
    """Whether ``x`` lies exactly halfway between two values written with ``decimals`` places."""
    scale: int = 10**decimals
    return (x * scale).denominator == 2


def _check_count(name: str, value: object, minimum: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ValueError(f"{name} must be a whole number >= {minimum}, got {value!r}")


def _check_written(reported: object, decimals: object) -> None:
    if isinstance(decimals, bool) or not isinstance(decimals, int) or decimals < 0:
        raise ValueError(f"decimals must be a whole number >= 0, got {decimals!r}")
    text = reported if isinstance(reported, str) else ""
    m = _WRITTEN_RE.fullmatch(text)
    negative_zero = text.startswith("-") and not text.strip("-0.")
    if m is None or len(m.group(1) or "") != decimals or negative_zero:
        raise ValueError(
            f"reported must be a plain decimal with exactly {decimals} places "
            f"(like {written(-1250, decimals)!r}), got {reported!r}"
        )


def _check_scheme(scheme: object) -> None:
    if scheme not in DETERMINISTIC_SCHEMES:
        raise ValueError(f"scheme must be one of {DETERMINISTIC_SCHEMES}, got {scheme!r}")


def _check_mistake(mistake: object) -> None:
    if mistake not in MISTAKES:
        raise ValueError(f"mistake must be one of {MISTAKES}, got {mistake!r}")


def units_of(reported: str, decimals: int) -> int:
    """The scaled integer of a written rate: ``"-12.50", 2`` -> ``-1250``."""
    scale: int = 10**decimals
    return int(Fraction(reported) * scale)


@attrs.frozen(kw_only=True)
class GrowthCase:
    """Last year's and this year's counts with the growth written as a report writes it.

    Consistent cases (``mistake == ""``) write the exact growth rounded under ``scheme``.
    Inconsistent ones write a rate the two counts cannot give under ``scheme``: the prior is
    a printed figure (last year's report), so no exact reading of prior, current and rate
    passes. Validators enforce both.

    Attributes:
        prior: Last year's count (positive).
        current: This year's count (zero or more).
        decimals: Places the rate is written to.
        scheme: The rounding scheme the rate claims.
        reported: The rate in percent as text (``"68.67"``, ``"-12.50"``).
        mistake: ``""`` for a consistent case, else what is wrong (see :data:`MISTAKES`).

    Examples:
        >>> case = GrowthCase(prior=8, current=9, decimals=0, scheme="half_up", reported="13")
        >>> case.growth, case.tie, case.consistent, case.expected
        (Fraction(25, 2), True, True, '13')
        >>> GrowthCase(prior=8, current=9, decimals=0, scheme="half_up", reported="12")
        Traceback (most recent call last):
        ...
        ValueError: 8 -> 9 is +12.5%, written '13' under half_up, not '12'; an inconsistent \
case must name its mistake
    """

    prior: int
    current: int
    decimals: int
    scheme: Scheme
    reported: str
    mistake: str = ""

    def __attrs_post_init__(self) -> None:
        _check_count("prior", self.prior, 1)
        _check_count("current", self.current, 0)
        _check_written(self.reported, self.decimals)
        _check_scheme(self.scheme)
        _check_mistake(self.mistake)
        shown = f"{'+' if self.growth >= 0 else ''}{_plain(self.growth)}"
        if self.consistent and self.mistake:
            raise ValueError(
                f"{self.prior} -> {self.current} is {shown}%, written {self.reported!r} under "
                f"{self.scheme}: the case is consistent, yet names the mistake {self.mistake!r}"
            )
        if not self.consistent and not self.mistake:
            raise ValueError(
                f"{self.prior} -> {self.current} is {shown}%, written {self.expected!r} under "
                f"{self.scheme}, not {self.reported!r}; an inconsistent case must name its "
                "mistake"
            )

    @property
    def growth(self) -> Fraction:
        """The exact growth in percent."""
        return Fraction(100 * (self.current - self.prior), self.prior)

    @property
    def expected(self) -> str:
        """The rate the counts give, written with ``decimals`` places under ``scheme``."""
        return written(round_units(self.growth, self.decimals, self.scheme), self.decimals)

    @property
    def consistent(self) -> bool:
        """Whether ``reported`` is the rate the counts give under ``scheme``."""
        return self.reported == self.expected

    @property
    def tie(self) -> bool:
        """Whether the exact growth sits halfway between two written values (12.5% at 0
        places), where the rounding schemes disagree."""
        return is_tie(self.growth, self.decimals)


@attrs.frozen(kw_only=True)
class ShareCase:
    """A count out of a total with the share written as a report writes it.

    Consistent cases (``mistake == ""``) write ``count / total`` rounded under ``scheme``.
    Inconsistent ones write a share that *no* count out of ``total`` gives (the count of a
    share is often not printed, so only such a share fails every reading); ``count`` is then
    the count the written share misses. Validators enforce both.

    Attributes:
        total: The whole (positive).
        count: The part, ``0 <= count <= total``.
        decimals: Places the share is written to.
        scheme: The rounding scheme the share claims.
        reported: The share in percent as text.
        mistake: ``""`` for a consistent case, else what is wrong (see :data:`MISTAKES`).

    Examples:
        >>> ShareCase(total=8, count=1, decimals=0, scheme="half_up", reported="13").tie
        True
        >>> case = ShareCase(total=8, count=1, decimals=0, scheme="half_up", reported="12",
        ...                  mistake="other_scheme")
        >>> case.consistent, case.expected
        (False, '13')
    """

    total: int
    count: int
    decimals: int
    scheme: Scheme
    reported: str
    mistake: str = ""

    def __attrs_post_init__(self) -> None:
        from ..growth import share_counts

        _check_count("total", self.total, 1)
        _check_count("count", self.count, 0)
        if self.count > self.total:
            raise ValueError(f"count {self.count} is above the total {self.total}")
        _check_written(self.reported, self.decimals)
        _check_scheme(self.scheme)
        _check_mistake(self.mistake)
        head = f"{self.count}/{self.total} is {_plain(self.share)}%, written {self.expected!r}"
        if self.mistake == "" and not self.consistent:
            raise ValueError(
                f"{head} under {self.scheme}, not {self.reported!r}; an inconsistent case must "
                "name its mistake"
            )
        if self.mistake:
            fits = share_counts(self.total, self.reported, scheme=self.scheme)
            if fits.stop > fits.start:
                raise ValueError(
                    f"{head} under {self.scheme}; {self.reported!r} is no mistake of a total "
                    f"{self.total}: k = {fits.start} gives it"
                )

    @property
    def share(self) -> Fraction:
        """The exact share in percent."""
        return Fraction(100 * self.count, self.total)

    @property
    def expected(self) -> str:
        """The share ``count / total`` written with ``decimals`` places under ``scheme``."""
        return written(round_units(self.share, self.decimals, self.scheme), self.decimals)

    @property
    def consistent(self) -> bool:
        """Whether ``reported`` is the share the counts give under ``scheme``."""
        return self.reported == self.expected

    @property
    def tie(self) -> bool:
        """Whether the exact share sits halfway between two written values (1 of 8 at 0
        places: 12.5%)."""
        return is_tie(self.share, self.decimals)


def _plain(x: Fraction) -> str:
    """A short exact-or-marked decimal for messages: ``12.5``, ``33.333…``."""
    from ..rounding import format_fraction

    return format_fraction(x, 3)
