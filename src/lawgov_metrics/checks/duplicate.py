"""Duplicates: one value on two indicators, and several reports claiming to be one."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal

from .._decimal import normalize
from ..reasons import Reason
from ..records import Figure, Qualifier, Report
from ..results import CheckResult, Status
from ._common import in_template_table, is_rate, make_result
from ._format import q
from .config import CheckConfig
from .registry import group_check, report_check
from .subjects import same_indicator, subject_key

__all__ = ["check_duplicate_report", "check_duplicate_value"]

#: Figures closer than this (in characters) are one clause: 受理786件,全部办结786件.
_NEAR = 80
_NOT_LEVELS = frozenset({"growth", "pp_change", "streak", "rank"})


def _significant_digits(value: Decimal) -> int:
    """Significant digits as written; trailing zeros of an integer do not count.

    Examples:
        >>> [_significant_digits(Decimal(x)) for x in ("786", "5500", "63.10", "0.05")]
        [3, 2, 4, 1]
    """
    if value == 0:
        return 0
    exponent = value.as_tuple().exponent
    if value == value.to_integral_value() and isinstance(exponent, int) and exponent >= 0:
        return len(str(abs(int(value))).rstrip("0"))
    return len("".join(str(d) for d in value.as_tuple().digits).lstrip("0"))


def _candidate(f: Figure, config: CheckConfig) -> bool:
    qty = f.quantity
    if qty.qualifier is not Qualifier.EXACT or f.kind in _NOT_LEVELS:
        return False
    if qty.unit in ("个百分点", "倍", "番"):
        return False
    digits = _significant_digits(qty.value)
    if qty.unit == "%":
        return (
            qty.value != 100
            and qty.value != qty.value.to_integral_value()
            and digits >= max(3, config.duplicate_min_digits)
        )
    return digits >= config.duplicate_min_digits


def _related(report: Report) -> dict[tuple[int, int], set[int]]:
    """For each figure span, the claims (by index) that tie it to other figures."""
    found: dict[tuple[int, int], set[int]] = {}
    for i, c in enumerate(report.claims):
        spans: set[tuple[int, int]] = set()
        for name in ("figure", "basis", "total", "part", "rate_figure"):
            f = getattr(c, name, None)
            if isinstance(f, Figure):
                spans.add(f.span)
        spans.update(f.span for f in getattr(c, "parts", ()) or ())
        spans.update(f.span for f in getattr(c, "figures", ()) or ())
        if len(spans) > 1:
            for s in spans:
                found.setdefault(s, set()).add(i)
    return found


@report_check(
    "duplicate.value",
    title="one value on two different indicators",
    reasons=(Reason.DUPLICATE_VALUE, Reason.UNKNOWN_SUBJECT),
)
def check_duplicate_value(report: Report, config: CheckConfig) -> Iterator[CheckResult]:
    """``duplicate.value``: the same value on two different indicators of one report.

    WARN only for exact values with at least ``config.duplicate_min_digits`` significant
    digits; never for 100%, for whole-number rates or rates with fewer than three digits;
    never for two figures with the same subject key, in the same clause (closer than 80
    characters), or tied together by a claim (a total and its part). UNDECIDABLE when one
    occurrence has no subject.

    Examples:
        >>> check_duplicate_value([])
        []
    """
    related = _related(report)
    by_value: dict[tuple[bool, Decimal], dict[tuple[int, int], Figure]] = {}
    for f in report.figures:
        if _candidate(f, config):
            by_value.setdefault((is_rate(f), normalize(f.value)), {}).setdefault(f.span, f)
    for (_, value), spans in by_value.items():
        figs = list(spans.values())
        if len(figs) < 2:
            continue
        if any(not subject_key(f.subject) for f in figs):
            yield make_result(
                "duplicate.value",
                Status.UNDECIDABLE,
                f"{value} appears {len(figs)} times ({', '.join(q(f) for f in figs)}) but not "
                "every occurrence has a subject to compare",
                Reason.UNKNOWN_SUBJECT,
                figures=figs,
                reports=(report,),
            )
            continue

        def distinct(a: Figure, b: Figure) -> bool:
            ka, kb = subject_key(a.subject), subject_key(b.subject)
            if ka == kb or ka in kb or kb in ka or same_indicator(a.subject, b.subject):
                return False
            if abs(a.start - b.start) < _NEAR:
                return False  # one clause: 受理786件,全部办结786件 and the like
            if in_template_table(report, a) or in_template_table(report, b):
                return False  # a template cell: disclosure.* checks it against its identities
            return not (related.get(a.span, set()) & related.get(b.span, set()))

        used: dict[tuple[int, int], Figure] = {}
        for i, a in enumerate(figs):
            for b in figs[i + 1 :]:
                if distinct(a, b):
                    used.setdefault(a.span, a)
                    used.setdefault(b.span, b)
        if not used:
            continue
        shown = sorted(used.values(), key=lambda f: f.start)
        listing = " and ".join(f"{f.subject} {q(f)}" for f in shown)
        yield make_result(
            "duplicate.value",
            Status.WARN,
            f"the same value {value} is given for {len(shown)} different indicators: "
            f"{listing}; check that one was not copied from the other",
            Reason.DUPLICATE_VALUE,
            figures=shown,
            reports=(report,),
            observed=value,
        )


def _name(report: Report) -> str:
    extra = report.path or report.title
    return f"{report.label} ({extra})" if extra else report.label


@group_check(
    "duplicate.report",
    title="several reports claiming one jurisdiction, year and kind",
    reasons=(Reason.DUPLICATE_REPORT,),
)
def check_duplicate_report(reports: Sequence[Report], config: CheckConfig) -> Iterator[CheckResult]:
    """``duplicate.report``: several reports of a run claim the same report.

    Reports with the same jurisdiction, year and kind (``Report.doc_type``: a rule-of-law
    report and a disclosure report of one year are not duplicates) give one WARN naming
    them all. Their figures are compared with the first of them by ``restated.figure``
    (``n`` copies make ``n - 1`` comparisons, see :mod:`~lawgov_metrics.checks.pairing`).

    Examples:
        >>> import lawgov_metrics as lm
        >>> copies = [lm.Report(text="", jurisdiction="广州市", year=2022, path=f"{i}.txt")
        ...           for i in range(3)]
        >>> [r] = check_duplicate_report(copies)
        >>> r.status.value, r.message
        ('warn', '3 reports claim to be the 广州市 2022 report: 广州市 2022 (0.txt), 广州市 2022 \
(1.txt), 广州市 2022 (2.txt); their figures are compared with the first')
    """
    kind = f" {reports[0].doc_type}" if reports[0].doc_type else ""
    yield make_result(
        "duplicate.report",
        Status.WARN,
        f"{len(reports)} reports claim to be the {reports[0].label}{kind} report: "
        f"{', '.join(_name(r) for r in reports)}; their figures are compared with the first",
        Reason.DUPLICATE_REPORT,
        reports=reports,
    )
