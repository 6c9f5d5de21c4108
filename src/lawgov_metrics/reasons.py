"""Reason codes: why a check gave the status it gave, as a ``str`` enum.

:class:`Reason` is a :class:`enum.StrEnum`, so ``result.reason == "no_integer_prior"`` and
``df[df.reason == "no_integer_prior"]`` keep working, and JSON and CSV output show the
plain code. Every code a check of the catalogue can give is a member, with a one-line
:attr:`~Reason.description`; each check lists the codes it gives in
``CHECKS[id].reasons``. A plain pass carries :attr:`Reason.NONE` (the empty string).

Examples:
    >>> from lawgov_metrics.checks import Reason
    >>> Reason.NO_INTEGER_PRIOR == "no_integer_prior", Reason("sum_mismatch")
    (True, <Reason.SUM_MISMATCH: 'sum_mismatch'>)
    >>> print(Reason.NO_INTEGER_COUNT.description)
    no whole number k out of the stated count gives the rate (GRIM)
    >>> bool(Reason.NONE)
    False
"""

from __future__ import annotations

import enum
from types import MappingProxyType

__all__ = ["Reason"]


class Reason(enum.StrEnum):
    """Why a check gave its status (``CheckResult.reason``).

    The members and their descriptions are listed in the docs' catalogue of checks;
    ``str(member)`` is the code itself.
    """

    # a pass, and what every check may give
    NONE = ""
    ALTERNATIVE_FITS = "alternative_fits"
    INTERNAL_ERROR = "internal_error"
    MISSING_YEAR = "missing_year"
    UNIT_MISMATCH = "unit_mismatch"
    UNSUPPORTED_RATE_UNIT = "unsupported_rate_unit"
    AMBIGUOUS_PRIOR = "ambiguous_prior"
    # growth
    NO_CURRENT_FIGURE = "no_current_figure"
    NONPOSITIVE_CURRENT = "nonpositive_current"
    NO_RATE = "no_rate"
    IMPOSSIBLE_DECLINE = "impossible_decline"
    NONPOSITIVE_PRIOR = "nonpositive_prior"
    GROWTH_MISMATCH = "growth_mismatch"
    IMPLIED_INTERVAL = "implied_interval"
    IMPLIED_PRIOR = "implied_prior"
    NO_INTEGER_PRIOR = "no_integer_prior"
    NO_PRIOR_FIGURE = "no_prior_figure"
    PRIOR_MISMATCH = "prior_mismatch"
    WRONG_DIRECTION = "wrong_direction"
    OVERLAPPING_VALUES = "overlapping_values"
    # shares
    NO_TOTAL = "no_total"
    WHOLE_UNKNOWN = "whole_unknown"
    APPROXIMATE_TOTAL = "approximate_total"
    NONPOSITIVE_TOTAL = "nonpositive_total"
    PART_MISMATCH = "part_mismatch"
    NO_INTEGER_COUNT = "no_integer_count"
    IMPLIED_TOTAL = "implied_total"
    NO_INTEGER_TOTAL = "no_integer_total"
    MAY_EXCEED_100 = "may_exceed_100"
    SHARE_OUT_OF_RANGE = "share_out_of_range"
    APPROXIMATE_COUNT = "approximate_count"
    ROUNDED_TO_100 = "rounded_to_100"
    NOT_ALL = "not_all"
    PENDING_COUNT = "pending_count"
    # breakdowns and balances
    PART_EXCEEDS_WHOLE = "part_exceeds_whole"
    APPROXIMATE_VALUES = "approximate_values"
    SUM_MISMATCH = "sum_mismatch"
    PARTS_EXCEED_TOTAL = "parts_exceed_total"
    CARRY_OVER_LEFT_OUT = "carry_over_left_out"
    BALANCE_MISMATCH = "balance_mismatch"
    BALANCE_INCOMPLETE = "balance_incomplete"
    # duplicates
    UNKNOWN_SUBJECT = "unknown_subject"
    DUPLICATE_VALUE = "duplicate_value"
    DUPLICATE_REPORT = "duplicate_report"
    # percentage points
    PP_MISMATCH = "pp_mismatch"
    NO_RATES = "no_rates"
    IMPLIED_RATE = "implied_rate"
    # streaks
    STREAK_JUMP = "streak_jump"
    STREAK_NOT_ADVANCING = "streak_not_advancing"
    FIRST_AWARD = "first_award"
    NO_PRIOR_STREAK = "no_prior_streak"
    # restated figures
    RESTATED = "restated"
    DIFFERENT_VALUE_SAME_YEAR = "different_value_same_year"
    # the tables of 政府信息公开工作年度报告
    IDENTITY_BROKEN = "identity_broken"
    MARK_READ_AS_ZERO = "mark_read_as_zero"
    CELL_NOT_PRINTED = "cell_not_printed"
    PARTIAL_TEMPLATE = "partial_template"
    READ_AS_OTHER_CELL = "read_as_other_cell"
    PROSE_TABLE_MISMATCH = "prose_table_mismatch"

    @property
    def description(self) -> str:
        """What the code means, in one line."""
        return _DESCRIPTIONS[self]


_DESCRIPTIONS = MappingProxyType(
    {
        Reason.NONE: "the check was made and held",
        Reason.ALTERNATIVE_FITS: "the nearest reading does not fit; another candidate the "
        "reading considered does",
        Reason.INTERNAL_ERROR: "the check raised unexpectedly; the rest of the run went on",
        Reason.MISSING_YEAR: "the report has no year, so it cannot be lined up with others",
        Reason.UNIT_MISMATCH: "the figures are in units that do not count alike",
        Reason.UNSUPPORTED_RATE_UNIT: "the rate is not written in %",
        Reason.AMBIGUOUS_PRIOR: "the other report gives several values for the indicator",
        Reason.NO_CURRENT_FIGURE: "the growth claim has no current figure to work from",
        Reason.NONPOSITIVE_CURRENT: "the current value is not a bounded positive number",
        Reason.NO_RATE: "the growth claim states no rate",
        Reason.IMPOSSIBLE_DECLINE: "a fall of 100% or more, yet the current value is positive",
        Reason.NONPOSITIVE_PRIOR: "the printed prior is not positive, so growth is undefined",
        Reason.GROWTH_MISMATCH: "the growth from the printed prior does not round to the rate",
        Reason.IMPLIED_INTERVAL: "the interval the prior-year value must lie in",
        Reason.IMPLIED_PRIOR: "the whole numbers the prior-year count can be",
        Reason.NO_INTEGER_PRIOR: "no whole prior-year count gives the growth rate",
        Reason.NO_PRIOR_FIGURE: "the earlier report has no figure for the indicator",
        Reason.PRIOR_MISMATCH: "the earlier report's figure does not give the growth rate",
        Reason.WRONG_DIRECTION: "the values go the other way from 增长 or 下降",
        Reason.OVERLAPPING_VALUES: "the written values are too close to tell a direction",
        Reason.NO_TOTAL: "no count is stated for the rate to be a share of",
        Reason.WHOLE_UNKNOWN: "the count is the part (占…) and its whole is not known",
        Reason.APPROXIMATE_TOTAL: "the total is not an exact count, so any rate fits",
        Reason.NONPOSITIVE_TOTAL: "a share of zero or fewer items is undefined",
        Reason.PART_MISMATCH: "the printed part over the total does not round to the rate",
        Reason.NO_INTEGER_COUNT: "no whole number k out of the stated count gives the rate (GRIM)",
        Reason.IMPLIED_TOTAL: "the whole numbers the unprinted whole of a printed part can be",
        Reason.NO_INTEGER_TOTAL: "no whole number total gives the rate from its printed part",
        Reason.MAY_EXCEED_100: "the rate may be a ratio rather than a share",
        Reason.SHARE_OUT_OF_RANGE: "a share below 0% or above 100%",
        Reason.APPROXIMATE_COUNT: "100% with counts that are not exact",
        Reason.ROUNDED_TO_100: "a part smaller than its total, rounded up to 100%",
        Reason.NOT_ALL: "100% is written but the part is not all of the total",
        Reason.PENDING_COUNT: "a 100% completion rate beside cases counted as not done",
        Reason.PART_EXCEEDS_WHOLE: "a part larger than its whole",
        Reason.APPROXIMATE_VALUES: "the written values are too approximate to compare",
        Reason.SUM_MISMATCH: "the parts of a complete list do not add up to the total",
        Reason.PARTS_EXCEED_TOTAL: "the listed parts add up to more than the total",
        Reason.CARRY_OVER_LEFT_OUT: "the parts add up once the carry-over to next year is left out",
        Reason.BALANCE_MISMATCH: "received + carried in ≠ concluded + carried out (or the "
        "handled total)",
        Reason.BALANCE_INCOMPLETE: "too few terms of the balance are printed to check it",
        Reason.UNKNOWN_SUBJECT: "a repeated value without a subject to compare",
        Reason.DUPLICATE_VALUE: "one value on two different indicators",
        Reason.DUPLICATE_REPORT: "several reports claim the same jurisdiction, year and kind",
        Reason.PP_MISMATCH: "the two rates do not give the percentage-point change",
        Reason.NO_RATES: "the rate the change is about is not identified",
        Reason.IMPLIED_RATE: "the prior-year rate the change implies",
        Reason.STREAK_JUMP: "连续N年 after less than 连续N-1年",
        Reason.STREAK_NOT_ADVANCING: "连续N年 that does not grow from last year's",
        Reason.FIRST_AWARD: "连续两年 after a report that mentions the first award",
        Reason.NO_PRIOR_STREAK: "last year's report has no matching streak",
        Reason.RESTATED: "a later report restates an earlier year's figure differently",
        Reason.DIFFERENT_VALUE_SAME_YEAR: "two reports on one year give different values",
        Reason.IDENTITY_BROKEN: "cells of a template table break an identity the template states",
        Reason.MARK_READ_AS_ZERO: "an identity that fails only with a blank or a mark read as 0",
        Reason.CELL_NOT_PRINTED: "a cell the identity needs is not printed",
        Reason.PARTIAL_TEMPLATE: "the tables match the template only in part",
        Reason.READ_AS_OTHER_CELL: "the prose count matches another cell than the one its "
        "wording names",
        Reason.PROSE_TABLE_MISMATCH: "a count in the prose that no table cell holds",
    }
)
