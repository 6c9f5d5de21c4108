"""The catalogue of consistency checks, and :func:`check` to run it.

============================ ====== =============================================================
id                           scope  what it finds
============================ ====== =============================================================
growth.implied_prior         report a growth rate no integer prior can produce; the implied prior
growth.prior_report          pair   a growth claim against the prior year's report
growth.direction             both   a stated rise where the value fell, or the reverse
share.granularity            report a rate no integer count can produce (GRIM)
share.range                  report a share outside [0%, 100%]
share.all_100                report 100% next to counts that say not all
breakdown.part_exceeds_whole report a part larger than its whole
breakdown.sum                report parts that do not add up to their total
balance.sum                  report new + carried-in cases that are not concluded + carried-out
duplicate.value              report one value on two different indicators
duplicate.report             group  several reports claiming one jurisdiction, year and kind
pp_change.rates              both   a percentage-point change against the two rates
streak.sequence              pair   连续N年 that does not follow last year's
restated.figure              pair   an earlier year's figure restated differently
disclosure.template          report the tables against the template: what is missing
disclosure.t3_balance        report T3: 新收 + 上年结转 = 办理结果总计 + 结转下年度
disclosure.t3_outcomes       report T3: 办理结果总计 = the outcomes and their sub-rows
disclosure.t3_applicants     report T3: 总计 = the applicant columns, every row
disclosure.t4_blocks         report T4: 总计 = the four results, every block
disclosure.carry_over        both   T3 结转下年度 against next year's 上年结转
disclosure.stock             both   T2 现行有效 against last year's, 制发 and 废止
disclosure.prose             report the report's prose against its own tables
disclosure.cross_document    both   the 法治政府建设年度报告 restating a T3 figure
============================ ====== =============================================================

Each check finds figures that cannot all be true and says why, with the numbers and the
quotes it used. Every check has a stable id, is a documented public function usable on its
own (``check_growth_implied_prior(report)``), and is listed in :data:`CHECKS`, in the order
above (the table is :func:`~lawgov_metrics.checks.registry.catalogue_table`). Checks that
compare reports run on the pairs that line up (see :func:`line_up`): the same jurisdiction
(or no jurisdiction on any report) and consecutive years, and a duplicate with the first
report claiming its jurisdiction, year and kind.

Statuses: FAIL means the figures cannot all be true under the rounding scheme; WARN means
they are suspicious or the tie between them is not certain; PASS means the check was made
and held; UNDECIDABLE means the check could not be made. ``result.reason`` is a
:class:`Reason`. A check that raises unexpectedly gives one UNDECIDABLE result with reason
``internal_error`` rather than stopping the run.

A relation (breakdown.*, balance.sum, share.granularity, share.all_100, share.range of a
share's rate, growth.*, pp_change.rates, a restated basis) FAILs only when the claim's
``binding`` is STATED, the text's structure leaving no other reading, and the numbers
contradict it; the message says what made the reading certain. A reading chosen by
arithmetic that does not fit is a WARN; a positional reading that does not fit is a WARN
naming the other candidates tried (``claim.alternatives``), or a PASS (``alternative_fits``)
when one of them makes the relation hold.

New checks are declared in a family module with the decorators of
:mod:`lawgov_metrics.checks.registry` and imported below, in catalogue order.

Examples:
    >>> from decimal import Decimal
    >>> import lawgov_metrics as lm
    >>> fig = lm.Figure(quantity=lm.Quantity(value=Decimal(786), unit="宗", text="786宗"),
    ...                 subject="收到行政复议申请", quote="786宗", span=(0, 4))
    >>> rate = lm.Quantity(value=Decimal("68.67"), unit="%", text="68.67%",
    ...                    resolution=Decimal("0.01"), rounded=True)
    >>> claim = lm.GrowthClaim(figure=fig, rate=rate, subject="收到行政复议申请",
    ...                        quote="同比增长68.67%", span=(5, 15))
    >>> report = lm.Report(text="786宗,同比增长68.67%", figures=[fig], claims=[claim],
    ...                    jurisdiction="花都区", year=2023)
    >>> [r] = check_growth_implied_prior(report)
    >>> r.status, r.details["candidates"]
    (<Status.PASS: 'pass'>, range(466, 467))
"""

from __future__ import annotations

from ..reasons import Reason
from .config import CheckConfig
from .registry import CHECKS, CheckSpec

# The families, in catalogue order: importing a module registers its checks.
# isort: off
from .growth import check_growth_direction, check_growth_implied_prior, check_growth_prior_report
from .share import check_share_all_100, check_share_granularity, check_share_range
from .breakdown import check_breakdown_part_exceeds_whole, check_breakdown_sum
from .balance import check_balance_sum
from .duplicate import check_duplicate_report, check_duplicate_value
from .pp_change import check_pp_change_rates
from .streak import check_streak_sequence
from .restated import check_restated_figure
from .disclosure import (
    check_disclosure_t3_applicants,
    check_disclosure_t3_balance,
    check_disclosure_t3_outcomes,
    check_disclosure_t4_blocks,
    check_disclosure_template,
)
from .disclosure_years import check_disclosure_carry_over, check_disclosure_stock
from .disclosure_prose import check_disclosure_cross_document, check_disclosure_prose
# isort: on

from .pairing import line_up
from .runner import check
from .subjects import subject_key

__all__ = [
    "CHECKS",
    "CheckConfig",
    "CheckSpec",
    "Reason",
    "check",
    "check_balance_sum",
    "check_breakdown_part_exceeds_whole",
    "check_breakdown_sum",
    "check_disclosure_carry_over",
    "check_disclosure_cross_document",
    "check_disclosure_prose",
    "check_disclosure_stock",
    "check_disclosure_t3_applicants",
    "check_disclosure_t3_balance",
    "check_disclosure_t3_outcomes",
    "check_disclosure_t4_blocks",
    "check_disclosure_template",
    "check_duplicate_report",
    "check_duplicate_value",
    "check_growth_direction",
    "check_growth_implied_prior",
    "check_growth_prior_report",
    "check_pp_change_rates",
    "check_restated_figure",
    "check_share_all_100",
    "check_share_granularity",
    "check_share_range",
    "check_streak_sequence",
    "line_up",
    "subject_key",
]
