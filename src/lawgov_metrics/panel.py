"""Panels: indicators lined up across years and jurisdictions, growth done right.

A :class:`Panel` holds a tidy long table (one row per figure) built from reports or from a
frame. Figures are mapped onto canonical indicators by a
:class:`~lawgov_metrics.Vocabulary`; a subject the vocabulary does not know keeps its own
label (it is never dropped). Values stay exact: ``value`` is a :class:`~decimal.Decimal`
as written, ``lower``/``upper`` are the exact :class:`~fractions.Fraction` ends of the
interval the written figure admits (rounding and qualifiers such as 余/约/近 applied).

Values implied by a growth claim ("收到行政复议申请786宗,同比增长68.67%" implies 466 for the
year before) are added as **derived** rows: ``derived=True``, ``origin="implied_growth"``,
with the implied interval in ``lower``/``upper`` and a ``value`` only when that interval
holds exactly one integer (for a count). A prior-year figure the text prints itself
(较2022年558件) is added as a derived row with ``origin="basis"``. Derived rows never
override reported ones: every method uses reported values unless asked for
``derived=True``, and even then a reported value for the same year wins.

Usage, three reports to a trend plot::

    import lawgov_metrics as lm
    reports = [lm.read_report(p) for p in ["hd-2021.txt", "hd-2022.txt", "hd-2023.txt"]]
    panel = lm.Panel.from_reports(reports)
    ax = lm.plot_trend(panel, "行政复议申请")

Examples:
    >>> from decimal import Decimal
    >>> import lawgov_metrics as lm
    >>> def fig(subject, value, unit="件"):
    ...     q = lm.Quantity(value=Decimal(value), unit=unit, text=f"{value}{unit}")
    ...     return lm.Figure(quantity=q, subject=subject, quote=q.text)
    >>> cur = fig("收到行政复议申请", "786", "宗")
    >>> rate = lm.Quantity(value=Decimal("68.67"), unit="%", text="68.67%",
    ...                    resolution=Decimal("0.01"), rounded=True)
    >>> r23 = lm.Report(text="…", jurisdiction="花都区", year=2023, figures=[cur],
    ...                 claims=[lm.GrowthClaim(figure=cur, rate=rate, quote="同比增长68.67%")])
    >>> r21 = lm.Report(text="…", jurisdiction="花都区", year=2021,
    ...                 figures=[fig("受理行政复议案件", "400")])
    >>> panel = lm.Panel.from_reports([r21, r23])
    >>> panel.indicators()
    ['admin_reconsideration_applications']
    >>> for row in panel.frame[["year", "value", "derived", "origin"]].itertuples(index=False):
    ...     print(*row)
    2021 400 False reported
    2023 786 False reported
    2022 466 True implied_growth
    >>> panel.growth()[["year", "status"]].values.tolist()   # 2022 not reported: a gap
    [[2023, 'gap']]
    >>> panel.growth(derived=True)[["year", "growth", "status"]].values.tolist()
    [[2022, Fraction(33, 200), 'ok'], [2023, Fraction(160, 233), 'ok']]
"""

from __future__ import annotations

import html
import math
from collections.abc import Iterable, Sequence
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from os import PathLike
from typing import TYPE_CHECKING, Any, Literal, cast

import attrs

from .errors import SchemaError, UnknownIndicatorError
from .indicators import Indicator, Vocabulary, default_vocabulary, unit_kind_of
from .records import Figure, GrowthClaim, Qualifier, Report

if TYPE_CHECKING:
    import pandas as pd

    from .rounding import Interval, Scheme

__all__ = ["CAGR", "FRAME_COLUMNS", "GROWTH_COLUMNS", "Panel"]

#: Columns of :attr:`Panel.frame`, in order.
FRAME_COLUMNS: tuple[str, ...] = (
    "jurisdiction", "indicator", "label", "year", "value", "unit", "qualifier",
    "lower", "upper", "lower_closed", "upper_closed", "unit_kind", "matched", "subject",
    "source", "quote", "derived", "origin", "note",
)  # fmt: skip

#: Columns of :meth:`Panel.growth`, in order.
GROWTH_COLUMNS: tuple[str, ...] = (
    "jurisdiction", "indicator", "label", "unit_kind", "prior_year", "year", "prior",
    "current", "difference", "growth", "growth_approx", "pp_change", "pp_change_approx",
    "derived", "status", "reason",
)  # fmt: skip

_REQUIRED = ("jurisdiction", "indicator", "year", "value")
_ORIGINS = ("reported", "basis", "implied_growth", "implied_difference")


# -- exact conversions -----------------------------------------------------------------


def _is_missing(x: object) -> bool:
    if x is None:
        return True
    if isinstance(x, float) and math.isnan(x):
        return True
    try:
        import pandas as pd

        return bool(x is pd.NA or x is pd.NaT)
    except ImportError:  # pragma: no cover - pandas is a dependency
        return False


def _to_decimal(x: object, *, where: str) -> Decimal | None:
    """An exact Decimal from a cell; floats go through their shortest repr."""
    if _is_missing(x):
        return None
    if isinstance(x, bool):
        raise SchemaError(f"{where}: expected a number, got the bool {x!r}")
    if isinstance(x, Decimal):
        if not x.is_finite():
            raise SchemaError(f"{where}: {x!r} is not a finite number")
        return x
    if isinstance(x, Fraction):
        d = Decimal(x.numerator) / Decimal(x.denominator)
        if Fraction(d) != x:
            raise SchemaError(f"{where}: {x} has no exact decimal form")
        return d
    if isinstance(x, int) or hasattr(type(x), "__index__"):
        return Decimal(int(x))  # type: ignore[call-overload]  # int-like (numpy) scalars
    if isinstance(x, float):
        if math.isinf(x):
            raise SchemaError(f"{where}: {x!r} is not a finite number")
        return Decimal(repr(x))
    if isinstance(x, str):
        s = x.strip()
        if s == "":
            return None
        try:
            d = Decimal(s)
        except InvalidOperation:
            raise SchemaError(f"{where}: {x!r} is not a decimal number") from None
        if not d.is_finite():
            raise SchemaError(f"{where}: {x!r} is not a finite number")
        return d
    raise SchemaError(f"{where}: expected a number, got {type(x).__name__} {x!r}")


def _to_fraction(x: object, *, where: str) -> Fraction | None:
    """An exact Fraction from a cell (``"931/2"``, a decimal string, Decimal, int)."""
    if _is_missing(x):
        return None
    if isinstance(x, Fraction):
        return x
    if isinstance(x, str) and "/" in x:
        try:
            return Fraction(x.strip())
        except (ValueError, ZeroDivisionError):
            raise SchemaError(f"{where}: {x!r} is not a fraction") from None
    d = _to_decimal(x, where=where)
    return None if d is None else Fraction(d)


def _to_bool(x: object, *, where: str, default: bool) -> bool:
    if _is_missing(x):
        return default
    if isinstance(x, bool):
        return x
    if isinstance(x, str) and x.strip().lower() in {"true", "false", "1", "0"}:
        return x.strip().lower() in {"true", "1"}
    if isinstance(x, int) or hasattr(type(x), "__index__"):
        return bool(x)
    raise SchemaError(f"{where}: expected a bool, got {x!r}")


def _to_year(x: object, *, where: str) -> int | None:
    if _is_missing(x):
        return None
    if isinstance(x, bool):
        raise SchemaError(f"{where}: expected a year, got {x!r}")
    if isinstance(x, float):
        if not x.is_integer():
            raise SchemaError(f"{where}: {x!r} is not a whole year")
        return int(x)
    try:
        return int(str(x).strip()) if isinstance(x, str) else int(x)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise SchemaError(f"{where}: {x!r} is not a year") from None


def _to_str(x: object, default: str = "") -> str:
    return default if _is_missing(x) else str(x)


def _approx(x: Fraction | Decimal | None) -> float:
    return math.nan if x is None else float(x)


# -- interval helpers --------------------------------------------------------------------


def _div_positive(num: Interval, den: Interval) -> Interval | None:
    """``{a / b : a in num, b in den}`` for ``num >= 0`` and ``den > 0``; else ``None``."""
    from .rounding import Interval

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


# -- CAGR ---------------------------------------------------------------------------------


def _iroot(x: int, n: int) -> int | None:
    """The exact integer n-th root of ``x >= 0``, or ``None``."""
    if x < 0:
        return None
    if x in (0, 1):
        return x
    r = round(x ** (1.0 / n)) if x.bit_length() < 1000 else math.isqrt(x)
    lo, hi = max(r - 2, 0), r + 2
    if hi**n < x:  # float estimate too small (huge x): bisect
        lo, hi = 0, 1 << (x.bit_length() // n + 1)
    while lo <= hi:
        mid = (lo + hi) // 2
        p = mid**n
        if p == x:
            return mid
        if p < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return None


@attrs.frozen(kw_only=True)
class CAGR:
    """A compound annual growth rate over a span of years.

    The CAGR ``(end / start) ** (1 / n) - 1`` is an n-th root, in general irrational, so it
    comes in three parts: ``exact`` (a Fraction, only when the ratio is a perfect n-th
    power of a rational), ``approx`` (a float, labelled approximate), and an exact check
    interval ``[lower, upper]`` of Fractions verified with exact arithmetic to satisfy
    ``(1 + lower) ** n <= end / start <= (1 + upper) ** n``.

    Attributes:
        jurisdiction: Where.
        indicator: Which indicator (id).
        start: First year.
        end: Last year.
        years: ``end - start``.
        start_value: Value in ``start`` (exact), or ``None``.
        end_value: Value in ``end`` (exact), or ``None``.
        exact: The CAGR when it is rational, else ``None``.
        approx: Float approximation (NaN when undefined).
        lower: Exact lower check bound, or ``None`` when undefined.
        upper: Exact upper check bound, or ``None`` when undefined.
        status: ``"ok"``, ``"missing"`` (a value is absent), ``"zero_base"``,
            ``"negative_base"`` or ``"negative_end"``.
        reason: Human-readable explanation.
    """

    jurisdiction: str
    indicator: str
    start: int
    end: int
    years: int
    start_value: Decimal | None
    end_value: Decimal | None
    exact: Fraction | None
    approx: float
    lower: Fraction | None
    upper: Fraction | None
    status: str
    reason: str = ""

    def __str__(self) -> str:
        if self.status != "ok":
            return f"CAGR {self.indicator} {self.start}–{self.end}: {self.status} ({self.reason})"
        return (
            f"CAGR {self.indicator} {self.jurisdiction} {self.start}–{self.end}: "
            f"≈{self.approx:.4%} (exactly in [{float(self.lower or 0):.10f}, "
            f"{float(self.upper or 0):.10f}])"
        )


def _cagr_parts(
    start_value: Fraction, end_value: Fraction, n: int
) -> tuple[Fraction | None, float, Fraction, Fraction]:
    ratio = end_value / start_value
    a_num, a_den = _iroot(ratio.numerator, n), _iroot(ratio.denominator, n)
    if a_num is not None and a_den is not None:
        exact = Fraction(a_num, a_den) - 1
        return exact, float(exact), exact, exact
    approx = math.exp(math.log(ratio.numerator) - math.log(ratio.denominator)) ** (1 / n) - 1
    for digits in (12, 9, 6, 3, 1, 0):
        scale = 10**digits
        base = math.floor(Fraction(approx) * scale)
        lo, hi = Fraction(base - 1, scale), Fraction(base + 2, scale)
        if lo > -1 and (1 + lo) ** n <= ratio <= (1 + hi) ** n:
            return None, approx, lo, hi
    # Fall back to bisection on [-1, ratio] (always brackets the root).
    lo, hi = Fraction(-1), max(ratio, Fraction(1))
    for _ in range(80):
        mid = (lo + hi) / 2
        mid = Fraction(mid).limit_denominator(2**100)
        if (1 + mid) ** n <= ratio:
            lo = mid
        else:
            hi = mid
    return None, approx, lo, hi


# -- the panel ----------------------------------------------------------------------------


def _report_source(report: Report) -> str:
    return report.path or report.label


class Panel:
    """A tidy long table of indicator values across years and jurisdictions.

    Build it with :meth:`from_reports` or :meth:`from_frame`; the constructor takes a frame
    that already has every column of :data:`FRAME_COLUMNS` in exact types.

    Attributes:
        vocabulary: The vocabulary used to resolve indicator names.
    """

    def __init__(self, frame: pd.DataFrame, *, vocabulary: Vocabulary | None = None) -> None:
        missing = [c for c in FRAME_COLUMNS if c not in frame.columns]
        if missing:
            raise SchemaError(f"panel frame lacks columns {missing}")
        self._frame = frame.loc[:, list(FRAME_COLUMNS)].reset_index(drop=True).copy()
        self.vocabulary = vocabulary if vocabulary is not None else default_vocabulary()

    # -- construction --------------------------------------------------------------------

    @classmethod
    def from_reports(
        cls,
        reports: Iterable[Report | str | PathLike[str]],
        *,
        vocabulary: Vocabulary | None = None,
        derive: bool = True,
        scheme: Scheme = "half_up",
    ) -> Panel:
        """Build a panel from reports (or paths, read with :func:`lawgov_metrics.read_report`).

        Every figure becomes a row, except the rates of growth and percentage-point claims
        (kinds ``"growth"`` and ``"pp_change"``), which are not values of an indicator.
        With ``derive=True`` each growth claim about an identified figure adds a derived
        row for the year before (see the module docstring).

        Args:
            reports: Reports, or paths of report files.
            vocabulary: Indicator vocabulary; default :func:`default_vocabulary`.
            derive: Whether to add values implied by growth claims.
            scheme: Rounding scheme for the ``lower``/``upper`` bounds and implied priors.

        Returns:
            The panel.
        """
        voc = vocabulary if vocabulary is not None else default_vocabulary()
        rows: list[dict[str, Any]] = []
        for item in reports:
            if isinstance(item, Report):
                report = item
            else:
                from .extract import read_report

                report = read_report(item)
            source = _report_source(report)
            for fig in report.figures:
                if fig.kind in ("growth", "pp_change"):
                    continue
                rows.append(_figure_row(fig, report, voc, scheme, source))
            if derive:
                for claim in report.claims:
                    if isinstance(claim, GrowthClaim):
                        rows.extend(_derived_rows(claim, report, voc, scheme, source))
        return cls(_frame_from_rows(rows), vocabulary=voc)

    @classmethod
    def from_frame(cls, df: pd.DataFrame, *, vocabulary: Vocabulary | None = None) -> Panel:
        """Build a panel from a long frame (e.g. one read back from CSV or a spreadsheet).

        Required columns: jurisdiction, indicator, year, value. Optional columns take
        defaults: label (the indicator), unit (``""``), qualifier (``"exact"``), lower and
        upper (the value), lower_closed/upper_closed (True), unit_kind (from the
        vocabulary or the unit), matched (whether the vocabulary knows the indicator),
        subject, source, quote (``""``), derived (False), origin (``"reported"`` or
        ``"implied_growth"``), note (``""``).

        Values are converted exactly: Decimal, int and decimal strings as they are, floats
        through their shortest repr (``12.5`` stays ``12.5``); lower/upper also accept
        fraction strings (``"931/2"``). The input frame is not modified.

        Raises:
            SchemaError: A required column is missing, or a cell cannot be converted
                (the message names the row and column).

        Examples:
            >>> import pandas as pd
            >>> p = Panel.from_frame(pd.DataFrame({"jurisdiction": ["甲区", "甲区"],
            ...     "indicator": ["行政复议申请", "行政复议申请"], "year": [2022, 2023],
            ...     "value": ["466", "786"]}))
            >>> p.indicators()
            ['admin_reconsideration_applications']
            >>> p.growth()["growth"].tolist()
            [Fraction(160, 233)]
        """
        missing = [c for c in _REQUIRED if c not in df.columns]
        if missing:
            raise SchemaError(f"a panel frame needs columns {list(_REQUIRED)}; missing {missing}")
        voc = vocabulary if vocabulary is not None else default_vocabulary()
        rows: list[dict[str, Any]] = []
        records = cast("list[dict[str, Any]]", df.to_dict(orient="records"))
        for i, rec in enumerate(records):

            def col(name: str, default: Any = None, _rec: dict[Any, Any] = rec) -> Any:
                return _rec.get(name, default) if name in df.columns else default

            where = f"row {i}"
            value = _to_decimal(col("value"), where=f"{where}, column 'value'")
            raw_ind = _to_str(col("indicator"))
            unit = _to_str(col("unit"))
            ind: Indicator | None
            try:
                ind = voc.get(raw_ind)
            except UnknownIndicatorError:
                ind = voc.match(raw_ind, unit or None)
            indicator = ind.id if ind is not None else raw_ind
            label = _to_str(col("label"), ind.label if ind is not None else raw_ind)
            derived = _to_bool(col("derived"), where=f"{where}, column 'derived'", default=False)
            lower = _to_fraction(col("lower"), where=f"{where}, column 'lower'")
            upper = _to_fraction(col("upper"), where=f"{where}, column 'upper'")
            if "lower" not in df.columns and value is not None:
                lower = Fraction(value)
            if "upper" not in df.columns and value is not None:
                upper = Fraction(value)
            origin = _to_str(col("origin"), "implied_growth" if derived else "reported")
            if origin not in _ORIGINS:
                raise SchemaError(f"{where}, column 'origin': {origin!r} not one of {_ORIGINS}")
            kind = _to_str(col("unit_kind"))
            if not kind:
                kind = ind.unit_kind if ind is not None else (unit_kind_of(unit) or "count")
            rows.append(
                {
                    "jurisdiction": _to_str(col("jurisdiction")),
                    "indicator": indicator,
                    "label": label,
                    "year": _to_year(col("year"), where=f"{where}, column 'year'"),
                    "value": value,
                    "unit": unit,
                    "qualifier": (
                        _to_str(col("qualifier")) or None if "qualifier" in df.columns else "exact"
                    ),
                    "lower": lower,
                    "upper": upper,
                    "lower_closed": _to_bool(
                        col("lower_closed"),
                        where=f"{where}, column 'lower_closed'",
                        default=lower is not None,
                    ),
                    "upper_closed": _to_bool(
                        col("upper_closed"),
                        where=f"{where}, column 'upper_closed'",
                        default=upper is not None,
                    ),
                    "unit_kind": kind,
                    "matched": _to_bool(
                        col("matched"),
                        where=f"{where}, column 'matched'",
                        default=ind is not None,
                    ),
                    "subject": _to_str(col("subject")),
                    "source": _to_str(col("source")),
                    "quote": _to_str(col("quote")),
                    "derived": derived,
                    "origin": origin,
                    "note": _to_str(col("note")),
                }
            )
        return cls(_frame_from_rows(rows), vocabulary=voc)

    # -- views -----------------------------------------------------------------------------

    @property
    def frame(self) -> pd.DataFrame:
        """The tidy long table (a copy; see :data:`FRAME_COLUMNS`).

        value is an exact Decimal (``None`` for a derived value that is not pinned down),
        lower/upper exact Fractions (``None`` for an unbounded end), year a nullable
        integer, derived a bool.
        """
        return self._frame.copy()

    def __len__(self) -> int:
        return len(self._frame)

    def indicators(self) -> list[str]:
        """Indicator ids (or own labels of unmatched subjects), in first-seen order."""
        return list(dict.fromkeys(self._frame["indicator"].tolist()))

    def jurisdictions(self) -> list[str]:
        """Jurisdictions, in first-seen order."""
        return list(dict.fromkeys(self._frame["jurisdiction"].tolist()))

    def years(self) -> list[int]:
        """The years present, sorted."""
        return sorted({int(y) for y in self._frame["year"].dropna().tolist()})

    def resolve(self, indicator: str) -> str:
        """The indicator id used in :attr:`frame` for an id, label, synonym or subject.

        Raises:
            UnknownIndicatorError: Nothing in the panel answers to that name.
        """
        present = set(self._frame["indicator"].tolist())
        if indicator in present:
            return indicator
        ind: Indicator | None
        try:
            ind = self.vocabulary.get(indicator)
        except UnknownIndicatorError:
            ind = self.vocabulary.match(indicator)
        if ind is not None and ind.id in present:
            return ind.id
        labels = self._frame.loc[self._frame["label"] == indicator, "indicator"]
        if len(labels):
            return str(labels.iloc[0])
        shown = ", ".join(sorted(map(str, present))[:20])
        raise UnknownIndicatorError(
            f"indicator {indicator!r} is not in this panel (it has: {shown})"
        )

    def label_of(self, indicator: str) -> str:
        """The label of an indicator in this panel."""
        ind = self.resolve(indicator)
        labels = self._frame.loc[self._frame["indicator"] == ind, "label"]
        return str(labels.iloc[0])

    def _values(
        self, derived: bool, indicator: str | None = None
    ) -> dict[tuple[str, str], dict[int, list[dict[str, Any]]]]:
        """Rows grouped by (jurisdiction, indicator) and year; reported rows first."""
        df = self._frame
        if indicator is not None:
            df = df[df["indicator"] == indicator]
        out: dict[tuple[str, str], dict[int, list[dict[str, Any]]]] = {}
        for rec in cast("list[dict[str, Any]]", df.to_dict(orient="records")):
            if _is_missing(rec["year"]):
                continue
            key = (str(rec["jurisdiction"]), str(rec["indicator"]))
            out.setdefault(key, {}).setdefault(int(rec["year"]), []).append(rec)
        for years in out.values():
            for y in list(years):
                reported = [r for r in years[y] if not r["derived"]]
                if reported:
                    years[y] = reported
                elif not derived:
                    del years[y]
        return out

    def series(
        self, indicator: str, jurisdiction: str | None = None, *, derived: bool = True
    ) -> pd.DataFrame:
        """One value per year for one indicator (and jurisdiction), for plots and reading.

        Reported values win over derived ones in the same year; of several reported rows
        in one year, the first (in text order) is used and ``conflict`` is set when the
        values differ.

        Returns:
            Columns jurisdiction, year, value (exact), lower, upper (exact), derived,
            conflict, value_approx, lower_approx, upper_approx (floats; NaN when absent;
            value_approx of a derived row without a single value is the interval's
            midpoint).
        """
        import pandas as pd

        ind = self.resolve(indicator)
        rows = []
        for (jur, _), years in self._values(derived, ind).items():
            if jurisdiction is not None and jur != jurisdiction:
                continue
            for y in sorted(years):
                recs = years[y]
                first = recs[0]
                values = {r["value"] for r in recs if r["value"] is not None}
                lo, hi = first["lower"], first["upper"]
                val = first["value"]
                if val is not None:
                    approx = float(val)
                elif lo is not None and hi is not None:
                    approx = float((lo + hi) / 2)
                else:
                    approx = math.nan
                rows.append(
                    {
                        "jurisdiction": jur,
                        "year": y,
                        "value": val,
                        "lower": lo,
                        "upper": hi,
                        "derived": bool(first["derived"]),
                        "conflict": len(values) > 1,
                        "value_approx": approx,
                        "lower_approx": _approx(lo),
                        "upper_approx": _approx(hi),
                    }
                )
        cols = [
            "jurisdiction", "year", "value", "lower", "upper", "derived", "conflict",
            "value_approx", "lower_approx", "upper_approx",
        ]  # fmt: skip
        return pd.DataFrame(rows, columns=cols)

    def wide(self, values: str = "value", *, derived: bool = False) -> pd.DataFrame:
        """Pivot to one row per (jurisdiction, indicator) and one column per year.

        Args:
            values: Which column to spread (``"value"``, ``"lower"``, ``"upper"``,
                ``"quote"`` ...).
            derived: Whether derived values fill years without a reported one.

        Returns:
            A frame indexed by (jurisdiction, indicator) with year columns. Of several
            rows for one cell the first (text order) is used. Rows without a year are left
            out (they stay in :attr:`frame`).

        Examples:
            >>> import pandas as pd
            >>> p = Panel.from_frame(pd.DataFrame({"jurisdiction": ["甲区", "甲区"],
            ...     "indicator": ["法律援助案件"] * 2, "year": [2021, 2023], "value": [5, 7]}))
            >>> p.wide().columns.tolist()
            [2021, 2023]
        """
        import pandas as pd

        if values not in self._frame.columns:
            raise SchemaError(f"no column {values!r} to pivot (columns: {list(FRAME_COLUMNS)})")
        cells: dict[tuple[str, str], dict[int, Any]] = {}
        for key, years in self._values(derived).items():
            cells[key] = {y: recs[0][values] for y, recs in years.items()}
        all_years = sorted({y for d in cells.values() for y in d})
        index = pd.MultiIndex.from_tuples(list(cells), names=["jurisdiction", "indicator"])
        data = [[d.get(y) for y in all_years] for d in cells.values()]
        out = pd.DataFrame(data, index=index, columns=all_years, dtype=object)
        out.columns.name = "year"
        return out

    # -- growth ------------------------------------------------------------------------

    def growth(
        self,
        kind: Literal["yoy"] = "yoy",
        *,
        derived: bool = False,
        indicator: str | None = None,
        jurisdiction: str | None = None,
    ) -> pd.DataFrame:
        """Year-over-year changes, aligned by year label; a missing year is a gap.

        For each series (jurisdiction, indicator) and each year after its first, one row
        compares the year with the year before. When the year before has no value the
        row has status ``"gap"`` and no numbers: a gap is never bridged to an earlier year.

        * counts, money, durations: ``growth = (current - prior) / prior`` (exact
          Fraction) and ``growth_approx`` (float, for plotting only);
        * rates: ``pp_change = current - prior`` in percentage points (exact) instead of a
          growth, which would be a ratio of ratios;
        * ``difference = current - prior`` (exact) for every kind.

        Statuses: ``"ok"``; ``"gap"`` (no value the year before); ``"missing"`` (a row
        exists but its value is not pinned down, e.g. a derived interval holding several
        integers); ``"zero_base"`` and ``"negative_base"`` (prior <= 0: growth is
        undefined and left empty, never inf or sign-flipped); ``"conflict"`` (a year has
        reported values that differ; the first is used and the row is flagged).

        Args:
            kind: ``"yoy"`` (the only kind so far).
            derived: Whether derived values fill years without a reported value.
            indicator: Restrict to one indicator (id, label or synonym).
            jurisdiction: Restrict to one jurisdiction.

        Returns:
            A frame with :data:`GROWTH_COLUMNS`.
        """
        import pandas as pd

        if kind != "yoy":
            raise ValueError(f"growth kind {kind!r} is not supported (use 'yoy')")
        ind = self.resolve(indicator) if indicator is not None else None
        rows: list[dict[str, Any]] = []
        for (jur, ind_id), years in self._values(derived, ind).items():
            if jurisdiction is not None and jur != jurisdiction:
                continue
            ys = sorted(years)
            for y in ys[1:]:
                cur_recs = years[y]
                first = cur_recs[0]
                row: dict[str, Any] = {
                    "jurisdiction": jur,
                    "indicator": ind_id,
                    "label": first["label"],
                    "unit_kind": first["unit_kind"],
                    "prior_year": y - 1,
                    "year": y,
                    "prior": None,
                    "current": first["value"],
                    "difference": None,
                    "growth": None,
                    "growth_approx": math.nan,
                    "pp_change": None,
                    "pp_change_approx": math.nan,
                    "derived": bool(first["derived"]),
                    "status": "ok",
                    "reason": "",
                }
                rows.append(row)
                if y - 1 not in years:
                    row["status"] = "gap"
                    row["reason"] = f"no value for {y - 1}: the gap is not bridged"
                    continue
                prior_recs = years[y - 1]
                pfirst = prior_recs[0]
                row["prior"] = pfirst["value"]
                row["derived"] = bool(first["derived"] or pfirst["derived"])
                cur, pri = first["value"], pfirst["value"]
                if cur is None or pri is None:
                    row["status"] = "missing"
                    row["reason"] = "a value is not pinned down (derived interval only)"
                    continue
                c, p = Fraction(cur), Fraction(pri)
                row["difference"] = c - p
                conflict = [
                    yy
                    for yy, recs in ((y - 1, prior_recs), (y, cur_recs))
                    if len({r["value"] for r in recs if r["value"] is not None}) > 1
                ]
                if first["unit_kind"] == "rate":
                    row["pp_change"] = c - p
                    row["pp_change_approx"] = float(c - p)
                elif p == 0:
                    row["status"] = "zero_base"
                    row["reason"] = f"prior value in {y - 1} is 0: growth is undefined"
                    continue
                elif p < 0:
                    row["status"] = "negative_base"
                    row["reason"] = f"prior value in {y - 1} is negative ({pri}): undefined"
                    continue
                else:
                    g = (c - p) / p
                    row["growth"] = g
                    row["growth_approx"] = float(g)
                if conflict:
                    row["status"] = "conflict"
                    row["reason"] = (
                        f"several different reported values in {conflict}; the first is used"
                    )
        return pd.DataFrame(rows, columns=list(GROWTH_COLUMNS))

    def cagr(
        self,
        indicator: str,
        start: int,
        end: int,
        jurisdiction: str | None = None,
        *,
        derived: bool = False,
    ) -> CAGR:
        """Compound annual growth rate of an indicator between two years.

        The CAGR is an n-th root, so the result carries an approximate float, an exact
        value only when the root is rational, and an exact check interval (see
        :class:`CAGR`). Zero and negative bases give a status, never a number.

        Args:
            indicator: Id, label or synonym.
            start: First year.
            end: Last year (> start).
            jurisdiction: Required when the indicator has several jurisdictions.
            derived: Whether derived values may stand in for missing reported ones.

        Raises:
            ValueError: ``end <= start``, or several jurisdictions and none chosen.

        Examples:
            >>> import pandas as pd
            >>> p = Panel.from_frame(pd.DataFrame({"jurisdiction": ["甲区"] * 2,
            ...     "indicator": ["法律援助案件"] * 2, "year": [2021, 2023], "value": [100, 121]}))
            >>> p.cagr("法律援助案件", 2021, 2023).exact
            Fraction(1, 10)
        """
        if end <= start:
            raise ValueError(f"CAGR needs end > start, got {start}–{end}")
        ind = self.resolve(indicator)
        groups = self._values(derived, ind)
        jurs = [j for (j, _) in groups]
        if jurisdiction is None:
            if len(jurs) != 1:
                raise ValueError(
                    f"indicator {ind!r} has {len(jurs)} jurisdictions {jurs}: pass jurisdiction="
                )
            jurisdiction = jurs[0]
        years = groups.get((jurisdiction, ind), {})
        sv = years[start][0]["value"] if start in years else None
        ev = years[end][0]["value"] if end in years else None
        n = end - start
        common: dict[str, Any] = {
            "jurisdiction": jurisdiction, "indicator": ind, "start": start, "end": end,
            "years": n, "start_value": sv, "end_value": ev,
        }  # fmt: skip
        none: dict[str, Any] = {"exact": None, "approx": math.nan, "lower": None, "upper": None}
        if sv is None or ev is None:
            missing = [y for y, v in ((start, sv), (end, ev)) if v is None]
            return CAGR(**common, **none, status="missing", reason=f"no value for {missing}")
        s, e = Fraction(sv), Fraction(ev)
        if s == 0:
            return CAGR(**common, **none, status="zero_base", reason="start value is 0")
        if s < 0:
            return CAGR(**common, **none, status="negative_base", reason=f"start value {sv} < 0")
        if e < 0:
            return CAGR(**common, **none, status="negative_end", reason=f"end value {ev} < 0")
        if e == 0:
            m1 = Fraction(-1)
            return CAGR(**common, exact=m1, approx=-1.0, lower=m1, upper=m1, status="ok")
        exact, approx, lo, hi = _cagr_parts(s, e, n)
        return CAGR(**common, exact=exact, approx=approx, lower=lo, upper=hi, status="ok")

    def compare(
        self, indicator: str, year: int, *, derived: bool = False, ascending: bool = False
    ) -> pd.DataFrame:
        """One indicator in one year across jurisdictions, ranked.

        Ranks compare exact values (largest first unless ``ascending``); ties share the
        best rank (``1, 1, 3``); a jurisdiction without a pinned-down value gets no rank.

        Returns:
            Columns jurisdiction, value, unit, qualifier, lower, upper, derived, rank
            (nullable int), n_ranked; sorted by rank.

        Examples:
            >>> import pandas as pd
            >>> p = Panel.from_frame(pd.DataFrame({"jurisdiction": ["甲区", "乙区", "丙区"],
            ...     "indicator": ["法律援助案件"] * 3, "year": [2023] * 3, "value": [7, 9, 7]}))
            >>> p.compare("法律援助案件", 2023)[["jurisdiction", "rank"]].values.tolist()
            [['乙区', 1], ['甲区', 2], ['丙区', 2]]
        """
        import pandas as pd

        ind = self.resolve(indicator)
        rows = []
        for (jur, _), years in self._values(derived, ind).items():
            if year not in years:
                continue
            r = years[year][0]
            rows.append(
                {
                    "jurisdiction": jur,
                    "value": r["value"],
                    "unit": r["unit"],
                    "qualifier": r["qualifier"],
                    "lower": r["lower"],
                    "upper": r["upper"],
                    "derived": bool(r["derived"]),
                }
            )
        ranked = [r["value"] for r in rows if r["value"] is not None]
        for r in rows:
            v = r["value"]
            if v is None:
                r["rank"] = None
            elif ascending:
                r["rank"] = 1 + sum(1 for o in ranked if o < v)
            else:
                r["rank"] = 1 + sum(1 for o in ranked if o > v)
            r["n_ranked"] = len(ranked)
        big = len(rows) + 1
        rows.sort(key=lambda r: r["rank"] if r["rank"] is not None else big)
        cols = [
            "jurisdiction", "value", "unit", "qualifier", "lower", "upper", "derived",
            "rank", "n_ranked",
        ]  # fmt: skip
        out = pd.DataFrame(rows, columns=cols)
        out["rank"] = pd.array(out["rank"].tolist(), dtype="Int64")
        return out

    # -- display ---------------------------------------------------------------------------

    def __repr__(self) -> str:
        df = self._frame
        n_derived = int(df["derived"].sum()) if len(df) else 0
        ys = self.years()
        span = f"{ys[0]}–{ys[-1]}" if ys else "no years"
        return (
            f"<Panel: {len(df)} rows ({n_derived} derived), {len(self.jurisdictions())} "
            f"jurisdictions, {len(self.indicators())} indicators, {span}>"
        )

    def _repr_html_(self) -> str:
        head = self._frame.head(50).astype(str)
        return (
            f"<div><p>{html.escape(repr(self))}</p>{head.to_html(index=False, escape=True)}</div>"
        )


# -- row builders -------------------------------------------------------------------------


def _frame_from_rows(rows: Sequence[dict[str, Any]]) -> pd.DataFrame:
    import pandas as pd

    df = pd.DataFrame(list(rows), columns=list(FRAME_COLUMNS))
    for col in ("value", "lower", "upper", "qualifier"):
        df[col] = pd.Series([r[col] for r in rows], dtype=object)
    df["year"] = pd.array([r["year"] for r in rows], dtype="Int64")
    for col in ("lower_closed", "upper_closed", "matched", "derived"):
        df[col] = pd.Series([bool(r[col]) for r in rows], dtype=bool)
    return df


def _figure_row(
    fig: Figure, report: Report, voc: Vocabulary, scheme: Scheme, source: str
) -> dict[str, Any]:
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


def _derived_rows(
    claim: GrowthClaim, report: Report, voc: Vocabulary, scheme: Scheme, source: str
) -> list[dict[str, Any]]:

    fig = claim.figure
    if fig is None or report.year is None:
        return []
    base = _figure_row(fig, report, voc, scheme, source)
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
            value = _to_decimal(prior.lower, where="implied prior")
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
