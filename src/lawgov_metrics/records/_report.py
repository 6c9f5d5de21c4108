"""One report: its text, metadata, figures and claims, as frames and as HTML."""

from __future__ import annotations

import datetime as _dt
import html
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from .. import _decimal
from ._claims import (
    BalanceClaim,
    BreakdownClaim,
    Claim,
    Figure,
    GrowthClaim,
    PPChangeClaim,
    ShareClaim,
    StreakClaim,
)

if TYPE_CHECKING:
    import pandas as pd

    from ..tables import DisclosureTables

__all__ = ["REPR_CHECK_LIMIT", "Report"]


def _strings(values: Iterable[str]) -> tuple[str, ...]:
    return tuple(values)


def _figure_tuple(values: Iterable[Figure]) -> tuple[Figure, ...]:
    return tuple(values)


def _claim_tuple(values: Iterable[Claim]) -> tuple[Claim, ...]:
    return tuple(values)


def _figure_row(fig: Figure) -> dict[str, Any]:
    q = fig.quantity
    return {
        "value": q.value,
        "unit": q.unit,
        "qualifier": q.qualifier.value,
        "kind": fig.kind,
        "subject": fig.subject,
        "quote": fig.quote,
        "start": fig.span[0],
        "end": fig.span[1],
        "section": " / ".join(fig.section),
        "text": q.text,
        "resolution": q.resolution,
    }


#: ``Report._repr_html_`` runs the checks only for reports of at most this many figures.
REPR_CHECK_LIMIT = 500
_REPR_ROWS = 200


def _more(n: int, what: str) -> str:
    return f"<p>… {n - _REPR_ROWS} more {what}</p>" if n > _REPR_ROWS else ""


@attrs.frozen(kw_only=True)
class Report:
    """One report: its text, metadata, figures and claims.

    Attributes:
        text: The full text the offsets refer to.
        figures: Every figure found, in text order.
        claims: Every claim found, in text order.
        title: The report's title, when found.
        jurisdiction: The reporting government or department (``花都区``).
        year: The year the figures describe (not the publication year).
        published: The publication date, when printed.
        source: The office that published it (文章来源).
        path: The file it was read from, if any.
        doc_type: What kind of report it is, when the text says: ``"rule_of_law"``
            (法治政府建设年度报告), ``"disclosure"`` (政府信息公开工作年度报告), or ``None``.
            Two reports of one jurisdiction and year are duplicates only when they are of
            the same kind.
        warnings: What went wrong reading the input without stopping it (for example
            the number of characters that could not be decoded).
        disclosure: The standard tables of a 政府信息公开工作年度报告, read against the
            national template (:class:`~lawgov_metrics.DisclosureTables`), or ``None``.
    """

    text: str = attrs.field(repr=False)
    figures: tuple[Figure, ...] = attrs.field(default=(), converter=_figure_tuple, repr=False)
    claims: tuple[Claim, ...] = attrs.field(default=(), converter=_claim_tuple, repr=False)
    title: str | None = None
    jurisdiction: str | None = None
    year: int | None = None
    published: _dt.date | None = None
    source: str | None = None
    path: str | None = attrs.field(default=None, repr=False)
    doc_type: str | None = None
    warnings: tuple[str, ...] = attrs.field(default=(), converter=_strings, repr=False)
    disclosure: DisclosureTables | None = attrs.field(default=None, repr=False)

    @property
    def label(self) -> str:
        """A short human label: ``"花都区 2023"``."""
        return f"{self.jurisdiction or '?'} {self.year if self.year is not None else '?'}"

    def claims_of(self, kind: str) -> list[Claim]:
        """The claims of one kind (``"growth"``, ``"share"`` ...)."""
        return [c for c in self.claims if c.kind == kind]

    def to_frame(self) -> pd.DataFrame:
        """One row per figure.

        Columns: value (exact Decimal), unit, qualifier, kind, subject, quote, start, end,
        section, text, resolution, jurisdiction, year.
        """
        import pandas as pd

        cols = [
            "value", "unit", "qualifier", "kind", "subject", "quote", "start", "end",
            "section", "text", "resolution",
        ]  # fmt: skip
        df = pd.DataFrame([_figure_row(f) for f in self.figures], columns=cols)
        df["jurisdiction"] = self.jurisdiction
        df["year"] = pd.array([self.year] * len(df), dtype="Int64")
        return df

    def claims_frame(self) -> pd.DataFrame:
        """One row per claim: kind, subject, quote, start, end and the kind's main values."""
        import pandas as pd

        rows: list[dict[str, Any]] = []
        for c in self.claims:
            row: dict[str, Any] = {
                "kind": c.kind,
                "subject": c.subject,
                "quote": c.quote,
                "start": c.span[0],
                "end": c.span[1],
                "value": None,
                "rate": None,
                "total": None,
                "detail": "",
            }
            if isinstance(c, GrowthClaim):
                row["value"] = c.figure.value if c.figure else None
                row["rate"] = c.rate.value if c.rate else None
                row["detail"] = f"{c.direction} ({c.form})"
            elif isinstance(c, ShareClaim):
                row["rate"] = c.rate.value
                row["total"] = c.total.value if c.total else None
                row["value"] = c.part.value if c.part else None
                row["detail"] = c.binding.value
            elif isinstance(c, PPChangeClaim):
                row["rate"] = c.rate.value
                row["value"] = c.figure.value if c.figure else None
                row["detail"] = c.direction
            elif isinstance(c, BreakdownClaim):
                row["total"] = c.total.value
                row["value"] = _decimal.dsum(p.value for p in c.parts)
                row["detail"] = f"{len(c.parts)} parts" + (", exhaustive" if c.exhaustive else "")
            elif isinstance(c, BalanceClaim):
                row["value"] = c.concluded.value if c.concluded else None
                row["total"] = c.handled.value if c.handled else None
                row["detail"] = " + ".join(
                    f"{name} {f.value}"
                    for name, f in (
                        ("received", c.received),
                        ("carried_in", c.carried_in),
                        ("concluded", c.concluded),
                        ("carried_out", c.carried_out),
                    )
                    if f is not None
                )
            elif isinstance(c, StreakClaim):
                row["value"] = c.years
            else:
                row["value"] = c.rank
                row["detail"] = c.scope
            rows.append(row)
        cols = ["kind", "subject", "quote", "start", "end", "value", "rate", "total", "detail"]
        df = pd.DataFrame(rows, columns=cols)
        df["jurisdiction"] = self.jurisdiction
        df["year"] = pd.array([self.year] * len(df), dtype="Int64")
        return df

    def __repr__(self) -> str:
        kinds: dict[str, int] = {}
        for c in self.claims:
            kinds[c.kind] = kinds.get(c.kind, 0) + 1
        claims = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items())) or "no claims"
        return (
            f"<Report {self.label}: {len(self.figures)} figures, {claims}"
            f"{', ' + repr(self.title) if self.title else ''}>"
        )

    def _repr_html_(self) -> str:
        """Title and metadata, the check status, the claims, then the figures.

        The checks are run here (imported when the notebook shows the report, never when
        records is imported) for reports of at most :data:`REPR_CHECK_LIMIT` figures; a
        report too large, or a check run that raises, shows no status.
        """
        esc = html.escape
        head = esc(self.title or self.label)
        meta = " · ".join(
            esc(str(x))
            for x in (self.jurisdiction, self.year, self.published, self.source)
            if x is not None
        )
        warnings = "".join(f"<p><b>warning</b>: {esc(w)}</p>" for w in self.warnings)
        claim_rows = "".join(
            f"<tr><td>{esc(c.kind)}</td><td>{esc(c.subject)}</td><td><code>{esc(c.quote)}</code>"
            f"</td><td>{c.span[0]}</td></tr>"
            for c in self.claims[:_REPR_ROWS]
        )
        claims = (
            "<table><thead><tr><th>claim</th><th>subject</th><th>quote</th><th>start</th></tr>"
            f"</thead><tbody>{claim_rows}</tbody></table>" + _more(len(self.claims), "claims")
            if self.claims
            else ""
        )
        rows = "".join(
            f"<tr><td>{esc(f.subject)}</td><td>{esc(str(f.quantity.value))}</td>"
            f"<td>{esc(f.quantity.unit)}</td><td>{esc(f.quantity.qualifier.value)}</td>"
            f"<td><code>{esc(f.quote)}</code></td><td>{f.span[0]}</td></tr>"
            for f in self.figures[:_REPR_ROWS]
        )
        return (
            f"<div><h4>{head}</h4><p>{meta}</p>{warnings}<p>{len(self.figures)} figures, "
            f"{len(self.claims)} claims</p>{self._status_html()}{claims}"
            f"<details><summary>{len(self.figures)} figures</summary><table><thead><tr>"
            "<th>subject</th><th>value</th><th>unit</th><th>qualifier</th><th>quote</th>"
            f"<th>start</th></tr></thead><tbody>{rows}</tbody></table>"
            f"{_more(len(self.figures), 'figures')}</details></div>"
        )

    def _status_html(self) -> str:
        """The check status line (and the failures and warnings), or "" when not cheap."""
        if len(self.figures) > REPR_CHECK_LIMIT:
            return ""
        try:
            from .. import check  # a higher layer, imported only when a notebook shows this

            results = check(self)
        except Exception:  # a display must never raise
            return ""
        esc = html.escape
        counts: dict[str, int] = {}
        for r in results:
            counts[r.status.value] = counts.get(r.status.value, 0) + 1
        line = ", ".join(f"{counts.get(k, 0)} {k}" for k in ("fail", "warn", "pass", "undecidable"))
        flagged = "".join(
            f"<li><b>{esc(r.status.name)}</b> <code>{esc(r.check)}</code> {esc(r.message)}</li>"
            for r in results
            if r.status.value in ("fail", "warn")
        )
        return f"<p>checks: {line}</p>" + (f"<ul>{flagged}</ul>" if flagged else "")
