"""lawgov_metrics: exact, traceable figures and consistency checks for Chinese governments'
annual rule-of-law reports (法治政府建设年度报告).

Names are loaded lazily on first use, so ``import lawgov_metrics`` is cheap and matplotlib
is imported only when a plot is drawn.

Examples:
    >>> import lawgov_metrics as lm
    >>> lm.integer_priors(786, "68.67")
    range(466, 467)
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS: dict[str, str] = {
    # errors
    "ArgumentTypeError": "errors",
    "ArgumentValueError": "errors",
    "ChecksFailedError": "errors",
    "IntervalDivisionError": "errors",
    "IntervalError": "errors",
    "InvalidArgumentError": "errors",
    "InvalidOptionError": "errors",
    "LawgovMetricsError": "errors",
    "ParseError": "errors",
    "ReadError": "errors",
    "SchemaError": "errors",
    "UndefinedGrowthError": "errors",
    "UnknownIndicatorError": "errors",
    # records
    "BalanceClaim": "records",
    "Binding": "records",
    "BreakdownClaim": "records",
    "Claim": "records",
    "Figure": "records",
    "GrowthClaim": "records",
    "PPChangeClaim": "records",
    "Qualifier": "records",
    "Quantity": "records",
    "RankClaim": "records",
    "Report": "records",
    "ShareClaim": "records",
    "StreakClaim": "records",
    # tables
    "DisclosureCell": "tables",
    "DisclosureTable": "tables",
    "DisclosureTables": "tables",
    "Grid": "tables",
    "GridCell": "tables",
    "render_template": "tables",
    # rounding
    "Interval": "rounding",
    "round_fraction": "rounding",
    "rounds_to": "rounding",
    "unround": "rounding",
    # numerals
    "find_quantities": "numerals",
    "parse_number": "numerals",
    "parse_quantity": "numerals",
    # growth
    "check_share": "growth",
    "growth_rate": "growth",
    "implied_prior": "growth",
    "implied_totals": "growth",
    "integer_priors": "growth",
    "integer_totals": "growth",
    "multiple_factor": "growth",
    "pp_change": "growth",
    "share_counts": "growth",
    "verify_growth": "growth",
    "verify_pp_change": "growth",
    # results
    "CheckReport": "results",
    "CheckResult": "results",
    "Severity": "results",
    "Status": "results",
    # reading (lawgov_metrics.extract re-exports the same functions)
    "extract": "reading",
    "html_to_text": "reading",
    "read_report": "reading",
    # checks
    "CHECKS": "checks",
    "Reason": "reasons",
    "check": "checks",
    # many reports
    "Checked": "batch",
    "ReadFailure": "batch",
    "check_many": "batch",
    "extract_many": "batch",
    # vectorised mappers
    "check_share_frame": "mappers",
    "verify_growth_frame": "mappers",
    # indicators and panels
    "Indicator": "indicators",
    "Vocabulary": "indicators",
    "default_vocabulary": "indicators",
    "Panel": "panel",
    # plotting
    "plot_compare": "plotting",
    "plot_growth": "plotting",
    "plot_small_multiples": "plotting",
    "plot_trend": "plotting",
}

__all__ = [
    "ArgumentTypeError",
    "ArgumentValueError",
    "BalanceClaim",
    "Binding",
    "BreakdownClaim",
    "CHECKS",
    "CheckReport",
    "CheckResult",
    "Checked",
    "ChecksFailedError",
    "Claim",
    "DisclosureCell",
    "DisclosureTable",
    "DisclosureTables",
    "Figure",
    "Grid",
    "GridCell",
    "GrowthClaim",
    "Indicator",
    "Interval",
    "IntervalDivisionError",
    "IntervalError",
    "InvalidArgumentError",
    "InvalidOptionError",
    "LawgovMetricsError",
    "PPChangeClaim",
    "Panel",
    "ParseError",
    "Qualifier",
    "Quantity",
    "RankClaim",
    "ReadError",
    "ReadFailure",
    "Reason",
    "Report",
    "SchemaError",
    "Severity",
    "ShareClaim",
    "Status",
    "StreakClaim",
    "UndefinedGrowthError",
    "UnknownIndicatorError",
    "Vocabulary",
    "__version__",
    "check",
    "check_many",
    "check_share",
    "check_share_frame",
    "default_vocabulary",
    "extract",
    "extract_many",
    "find_quantities",
    "growth_rate",
    "html_to_text",
    "implied_prior",
    "implied_totals",
    "integer_priors",
    "integer_totals",
    "multiple_factor",
    "parse_number",
    "parse_quantity",
    "plot_compare",
    "plot_growth",
    "plot_small_multiples",
    "plot_trend",
    "pp_change",
    "read_report",
    "render_template",
    "round_fraction",
    "rounds_to",
    "share_counts",
    "unround",
    "verify_growth",
    "verify_growth_frame",
    "verify_pp_change",
]

_SUBMODULES = {
    "batch", "checks", "cli", "errors", "extract", "growth", "indicators", "io", "mappers",
    "numerals", "panel", "plotting", "reading", "reasons", "records", "results", "rounding",
    "strategies", "tables", "template", "testing", "vocab",
}  # fmt: skip


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is not None:
        value = getattr(importlib.import_module(f".{module}", __name__), name)
        globals()[name] = value
        return value
    if name in _SUBMODULES:
        return importlib.import_module(f".{name}", __name__)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS) | _SUBMODULES)


# ``extract`` is both a function and the name of its module. Importing the submodule makes
# Python bind the module to the package attribute, so the function is bound eagerly here:
# later imports of ``lawgov_metrics.extract`` find it in sys.modules and leave it alone.
from .extract import extract, html_to_text, read_report  # noqa: E402

if TYPE_CHECKING:
    from .batch import Checked, ReadFailure, check_many, extract_many
    from .checks import CHECKS, check
    from .errors import (
        ArgumentTypeError,
        ArgumentValueError,
        ChecksFailedError,
        IntervalDivisionError,
        IntervalError,
        InvalidArgumentError,
        InvalidOptionError,
        LawgovMetricsError,
        ParseError,
        ReadError,
        SchemaError,
        UndefinedGrowthError,
        UnknownIndicatorError,
    )
    from .growth import (
        check_share,
        growth_rate,
        implied_prior,
        implied_totals,
        integer_priors,
        integer_totals,
        multiple_factor,
        pp_change,
        share_counts,
        verify_growth,
        verify_pp_change,
    )
    from .indicators import Indicator, Vocabulary, default_vocabulary
    from .mappers import check_share_frame, verify_growth_frame
    from .numerals import find_quantities, parse_number, parse_quantity
    from .panel import Panel
    from .plotting import plot_compare, plot_growth, plot_small_multiples, plot_trend
    from .reasons import Reason
    from .records import (
        BalanceClaim,
        Binding,
        BreakdownClaim,
        Claim,
        Figure,
        GrowthClaim,
        PPChangeClaim,
        Qualifier,
        Quantity,
        RankClaim,
        Report,
        ShareClaim,
        StreakClaim,
    )
    from .results import CheckReport, CheckResult, Severity, Status
    from .rounding import Interval, round_fraction, rounds_to, unround
    from .tables import (
        DisclosureCell,
        DisclosureTable,
        DisclosureTables,
        Grid,
        GridCell,
        render_template,
    )
