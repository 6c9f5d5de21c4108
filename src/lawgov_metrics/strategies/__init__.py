"""Hypothesis strategies for property-testing code that handles report figures.

Needs the optional extra ``testing`` (``pip install "lawgov-metrics[testing]"``). The
strategies follow Hypothesis's own conventions: plural nouns, bounds first and everything
else by keyword, arguments validated when the strategy is made (``InvalidArgument``), and a
``SearchStrategy`` returned. Installing the package registers :class:`~lawgov_metrics.Quantity`,
:class:`~lawgov_metrics.Interval`, :class:`GrowthCase` and :class:`ShareCase` with Hypothesis
(an entry point), so ``st.from_type(GrowthCase)`` works.

===================== ===============================================================
strategy              draws
===================== ===============================================================
decimals_strings      decimal numbers as text with their places (``"63.10"``)
chinese_numerals      ``(text, value)`` pairs: ``("两千三百零五", 2305)``
reported_rates        ``(text, value)`` pairs of printed rates: ``("－１２.５％", -12.5)``
quantities            :class:`~lawgov_metrics.Quantity` records with consistent text
intervals             :class:`~lawgov_metrics.Interval` values with exact ends
growth_cases          :class:`GrowthCase`: prior, current and written growth, right or wrong
share_cases           :class:`ShareCase`: count, total and written share, right or wrong
panels                :class:`~lawgov_metrics.Panel` objects with gaps and derived rows
disclosure_tables     :class:`DisclosureCase`: the template's tables T2-T4 as printed, with
                      their cells, consistent or broken at one identity
report_texts          :class:`ReportText`: a paragraph in the reports' style with exactly its
                      figures and the relations it states, consistent or broken at one
===================== ===============================================================

Constants: ``DETERMINISTIC_SCHEMES`` (the schemes a case may claim), ``MISTAKES`` (what an
inconsistent case names as wrong: ``other_scheme``, ``one_unit``, ``sign``, ``far``),
``RATE_FORMS`` (the printed forms of ``reported_rates``), ``SERIES`` (the indicators
``panels`` draws from), ``TABLE_FORMATS`` and ``TABLE_IDENTITIES`` (the layouts and the
identity checks of ``disclosure_tables``), ``STRUCTURES``, ``SCRIPTS``, ``NUMERAL_STYLES``,
``MISTAKES_OF_TEXTS`` and ``RELATION_CHECKS`` (the options of ``report_texts``, what is wrong
with a broken text, the checks that judge each kind of relation).
:func:`template_identities` lists the template's identities as :class:`TableIdentity`
records.

Layout: one private module per topic (``_numbers``, ``_quantities``, ``_rates``, ``_cases``,
``_panels``, ``_tables``, ``_texts`` with its sentence builders in ``_sentences``,
``_rate_sentences`` and ``_list_sentences``; the records in ``_records``, ``_table_records``
and ``_text_records``, argument checks in ``_validation``); this module only re-exports
them.

Examples:
    >>> from hypothesis import find
    >>> from lawgov_metrics import strategies
    >>> find(strategies.growth_cases(schemes=["half_up"]), lambda c: c.tie)
    GrowthCase(prior=8, current=9, decimals=0, scheme='half_up', reported='13', mistake='')
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    """Register strategies so ``st.from_type`` works for the library's records.

    Called by Hypothesis through the ``hypothesis`` entry point in ``pyproject.toml``, when
    Hypothesis is imported. It imports only light modules (no pandas): importing this
    package first makes Hypothesis run its entry points while the package is only partly
    loaded, so the strategies themselves are looked up when first drawn.
    """
    from hypothesis import strategies as hst

    from ..records import Quantity
    from ..rounding import Interval
    from ._records import GrowthCase, ShareCase

    def lazy(name: str) -> hst.SearchStrategy[object]:
        import importlib

        return hst.deferred(lambda: getattr(importlib.import_module(__name__), name)())

    hst.register_type_strategy(Quantity, lazy("quantities"))
    hst.register_type_strategy(Interval, lazy("intervals"))
    hst.register_type_strategy(GrowthCase, lazy("growth_cases"))
    hst.register_type_strategy(ShareCase, lazy("share_cases"))


try:
    import hypothesis  # noqa: F401 - only to fail early, with the extra to install
except ImportError as exc:  # pragma: no cover - depends on the environment
    raise ImportError(
        "lawgov_metrics.strategies needs Hypothesis: pip install 'lawgov-metrics[testing]'"
    ) from exc

# ruff: noqa: E402 - the hook above must exist before Hypothesis is imported
from ._cases import growth_cases, share_cases
from ._numbers import chinese_numerals, decimals_strings, to_chinese
from ._panels import SERIES, panels
from ._quantities import intervals, quantities
from ._rates import RATE_FORMS, reported_rates
from ._records import DETERMINISTIC_SCHEMES, MISTAKES, GrowthCase, ShareCase
from ._table_records import (
    TABLE_FORMATS,
    TABLE_IDENTITIES,
    DisclosureCase,
    TableIdentity,
    template_identities,
)
from ._tables import disclosure_tables
from ._text_records import (
    MISTAKES_OF_TEXTS,
    NUMERAL_STYLES,
    RELATION_CHECKS,
    SCRIPTS,
    STRUCTURES,
    ReportText,
    TextFigure,
    TextRelation,
)
from ._texts import report_texts

__all__ = [
    "DETERMINISTIC_SCHEMES",
    "MISTAKES",
    "MISTAKES_OF_TEXTS",
    "NUMERAL_STYLES",
    "RATE_FORMS",
    "RELATION_CHECKS",
    "SCRIPTS",
    "SERIES",
    "STRUCTURES",
    "TABLE_FORMATS",
    "TABLE_IDENTITIES",
    "DisclosureCase",
    "GrowthCase",
    "ReportText",
    "ShareCase",
    "TableIdentity",
    "TextFigure",
    "TextRelation",
    "chinese_numerals",
    "decimals_strings",
    "disclosure_tables",
    "growth_cases",
    "intervals",
    "panels",
    "quantities",
    "report_texts",
    "reported_rates",
    "share_cases",
    "template_identities",
    "to_chinese",
]
