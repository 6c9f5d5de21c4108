"""Rows of a panel from reports: one per figure, plus the values growth claims imply."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from os import PathLike
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from ..errors import ArgumentTypeError, SchemaError
from ..indicators import Vocabulary, unit_kind_of
from ..records import Figure, GrowthClaim, Qualifier, Report
from ._convert import categorical, to_decimal
from ._exact import DecimalArray, FractionArray

if TYPE_CHECKING:
    from ..rounding import Interval, Scheme

__all__: list[str] = []

#: The text columns of a panel, stored as Categoricals.
TEXT_COLUMNS = (
    "jurisdiction", "indicator", "label", "unit", "qualifier", "unit_kind", "subject",
    "source", "quote", "origin", "note",
)  # fmt: skip
BOOL_COLUMNS = ("lower_closed", "upper_closed", "matched", "derived")


def reports_of(items: object) -> Iterable[Report]:
    """Reports from an iterable of reports and paths; anything else is named and refused.

    Raises:
        ArgumentTypeError: ``items`` is not an iterable of reports and paths (a
            :class:`TypeError`); the message names the bad item and its position.
    """
    if isinstance(items, Report | str | bytes | PathLike) or not isinstance(items, Iterable):
        raise ArgumentTypeError(
            "reports", items, "an iterable of reports or paths (wrap a single report in a list)"
        )
    for i, item in enumerate(items):
        if isinstance(item, Report):
            yield item
        elif isinstance(item, str | PathLike):
            from ..extract import read_report

            yield read_report(item)
        else:
            raise ArgumentTypeError(f"reports[{i}]", item, "a Report or a path")


def _div_positive(num: Interval, den: Interval) -> Interval | None:
    """``{a / b : a in num, b in den}`` for ``num >= 0`` and ``den > 0``; else ``None``."""
    from ..rounding import Interval

    if num.lower is None or num.lower < 0:
        return None
    if den.lower is None or den.lower < 0 or (den.lower == 0 and den.lower_closed):
        return None
    lower = None if den.upper is None else num.lower / den.upper
    lower_closed = num.lower_closed and den.upper is not None and den.upper_closed
    if lower is None:
        lower, lower_closed = Fraction(0), False
    if num.upper is None or den.lower == 0:
        upper, upper_closed = None, False
    else:
        upper, upper_closed = num.upper / den.lower, num.upper_closed and den.lower_closed
    if num.lower == 0 and num.lower_closed:
        lower, lower_closed = Fraction(0), True
    return Interval(lower=lower, upper=upper, lower_closed=lower_closed, upper_closed=upper_closed)


def _bounds(q: Any, scheme: Scheme) -> Interval | None:
    try:
        return q.bounds(scheme=scheme)  # type: ignore[no-any-return]
    except Exception:
        return None


def report_source(report: Report) -> str:
    """How a row names the report it came from."""
    return report.path or report.label


def figure_row(
    fig: Figure, report: Report, voc: Vocabulary, scheme: Scheme, source: str
) -> dict[str, Any]:
    """The panel row of one reported figure."""
    q = fig.quantity
    ind = voc.match(fig.subject, q.unit)
    own = fig.subject or fig.quote or q.text
    iv = _bounds(q, scheme)
    return {
        "jurisdiction": report.jurisdiction or "",
        "indicator": ind.id if ind is not None else own,
        "label": ind.label if ind is not None else own,
        "year": report.year,
        "value": q.value,
        "unit": q.unit,
        "qualifier": q.qualifier.value,
        "lower": iv.lower if iv is not None else None,
        "upper": iv.upper if iv is not None else None,
        "lower_closed": bool(iv is not None and iv.lower_closed),
        "upper_closed": bool(iv is not None and iv.upper_closed),
        "unit_kind": ind.unit_kind if ind is not None else (unit_kind_of(q.unit) or "count"),
        "matched": ind is not None,
        "subject": fig.subject,
        "source": source,
        "quote": fig.quote,
        "derived": False,
        "origin": "reported",
        "note": "",
    }


def derived_rows(
    claim: GrowthClaim, report: Report, voc: Vocabulary, scheme: Scheme, source: str
) -> list[dict[str, Any]]:
    """The rows a growth claim implies for the year before (basis, rate or difference)."""
    fig = claim.figure
    if fig is None or report.year is None:
        return []
    base = figure_row(fig, report, voc, scheme, source)
    base.update(year=report.year - 1, derived=True, quote=claim.quote or fig.quote)
    out: list[dict[str, Any]] = []
    if claim.basis is not None:
        b = claim.basis.quantity
        biv = _bounds(b, scheme)
        row = dict(base)
        row.update(
            value=b.value,
            unit=b.unit or base["unit"],
            qualifier=b.qualifier.value,
            lower=biv.lower if biv is not None else None,
            upper=biv.upper if biv is not None else None,
            lower_closed=bool(biv is not None and biv.lower_closed),
            upper_closed=bool(biv is not None and biv.upper_closed),
            quote=claim.basis.quote,
            origin="basis",
            note=f"prior-year figure printed in {report.label}",
        )
        out.append(row)
    cur = _bounds(fig.quantity, scheme)
    if cur is None:
        return out
    prior: Interval | None
    if claim.form == "difference" and claim.difference is not None:
        d = _bounds(claim.difference, scheme)
        if d is None:
            return out
        if claim.direction == "down" and claim.difference.value > 0:
            d = -d
        prior = cur - d
        origin, how = (
            "implied_difference",
            f"the change {claim.difference.text or claim.difference.value}",
        )
    elif claim.rate is not None:
        r = _bounds(claim.rate, scheme)
        if r is None:
            return out
        factor = (r / 100) + 1
        prior = _div_positive(cur, factor)
        origin, how = "implied_growth", f"the rate {claim.rate.text or claim.rate.value}"
    else:
        return out
    if prior is None:
        row = dict(base)
        row.update(
            value=None, qualifier=None, lower=None, upper=None, lower_closed=False,
            upper_closed=False, origin="implied_growth",
            note=f"{report.label}: {claim.quote!r} implies no bounded prior value "
            "(a decline of 100% or more, or a negative figure)",
        )  # fmt: skip
        out.append(row)
        return out
    value: Decimal | None = None
    n_int = ""
    if base["unit_kind"] == "count" and prior.lower is not None and prior.upper is not None:
        ints = prior.integers()
        n_int = f"; {len(ints)} integer candidate(s)"
        if len(ints) == 1:
            value = Decimal(ints[0])
        elif len(ints) == 0:
            n_int += ": no whole count fits, the figures are inconsistent"
    elif prior.is_point and prior.lower is not None:
        try:
            value = to_decimal(prior.lower, where="implied prior")
        except SchemaError:
            value = None
    row = dict(base)
    row.update(
        value=value,
        qualifier=Qualifier.EXACT.value if value is not None else None,
        lower=prior.lower,
        upper=prior.upper,
        lower_closed=prior.lower_closed,
        upper_closed=prior.upper_closed,
        origin=origin,
        note=f"implied by {fig.quote or fig.quantity.text!r} and {how} in {report.label}: "
        f"prior in {prior}{n_int}",
    )
    out.append(row)
    return out


def text_categorical(values: Sequence[object]) -> pd.Categorical:
    """A Categorical of text cells in first-seen order; ``None`` stays missing."""
    codes, uniques = pd.factorize(pd.Series(list(values), dtype=object), use_na_sentinel=True)
    return categorical(np.asarray(codes, dtype=np.int64), [str(u) for u in uniques])


def columns_from_rows(rows: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """The panel's stored columns from row dicts with exact cells."""
    cols: dict[str, Any] = {}
    for c in TEXT_COLUMNS:
        cols[c] = text_categorical([r[c] for r in rows])
    years = [r["year"] for r in rows]
    cols["year"] = pd.arrays.IntegerArray(
        np.array([0 if y is None else int(y) for y in years], dtype=np.int64),
        np.array([y is None for y in years], dtype=bool),
    )
    cols["value"] = DecimalArray._from_sequence([r["value"] for r in rows])
    cols["lower"] = FractionArray._from_sequence([r["lower"] for r in rows])
    cols["upper"] = FractionArray._from_sequence([r["upper"] for r in rows])
    for c in BOOL_COLUMNS:
        cols[c] = np.array([bool(r[c]) for r in rows], dtype=bool)
    return cols
