"""The Panel class: a tidy long table of figures, its views, growth and CAGR."""

from __future__ import annotations

import math
from collections.abc import Iterable
from fractions import Fraction
from os import PathLike
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from ..errors import SchemaError, UnknownIndicatorError
from ..indicators import Indicator, Vocabulary, default_vocabulary
from ..records import GrowthClaim, Report
from ._cagr import CAGR, _cagr_parts
from ._convert import (
    bool_column,
    columns_from_frame,
    decimal_column,
    fraction_column,
    text_column,
    year_column,
)
from ._display import summary_frame, summary_html
from ._growth import Cells, growth_frame, select_cells
from ._rows import (
    BOOL_COLUMNS,
    TEXT_COLUMNS,
    columns_from_rows,
    derived_rows,
    figure_row,
    report_source,
    reports_of,
)
from ._views import (
    EXACT_COLUMNS,
    compare_frame,
    first_seen,
    plain_text,
    series_frame,
    wide_frame,
)

if TYPE_CHECKING:
    from ..rounding import Scheme

__all__ = ["FRAME_COLUMNS", "GROWTH_COLUMNS", "Panel"]

#: Columns of :attr:`Panel.frame`, in order.
FRAME_COLUMNS: tuple[str, ...] = (
    "jurisdiction", "indicator", "label", "year", "value", "value_approx", "unit",
    "qualifier", "lower", "upper", "lower_closed", "upper_closed", "unit_kind", "matched",
    "subject", "source", "quote", "derived", "origin", "note",
)  # fmt: skip

#: Columns of :meth:`Panel.growth`, in order.
GROWTH_COLUMNS: tuple[str, ...] = (
    "jurisdiction", "indicator", "label", "unit_kind", "prior_year", "year", "prior",
    "current", "difference", "growth", "growth_approx", "pp_change", "pp_change_approx",
    "derived", "status", "reason",
)  # fmt: skip

_STORED = tuple(c for c in FRAME_COLUMNS if c != "value_approx")
_SUMMARY_ROWS = 40


class Panel:
    """A tidy long table of indicator values across years and jurisdictions.

    Build it with :meth:`from_reports` or :meth:`from_frame`; the constructor takes a frame
    that already has every column of :data:`FRAME_COLUMNS` in exact types (``value_approx``
    may be left out: it is always recomputed from ``value``).

    Attributes:
        vocabulary: The vocabulary used to resolve indicator names.
    """

    _cols: dict[str, Any]

    def __init__(self, frame: pd.DataFrame, *, vocabulary: Vocabulary | None = None) -> None:
        missing = [c for c in _STORED if c not in frame.columns]
        if missing:
            raise SchemaError(f"panel frame lacks columns {missing}")
        n = len(frame)
        cols: dict[str, Any] = {}
        for c in TEXT_COLUMNS:
            cols[c] = text_column(frame[c], n, None if c == "qualifier" else "")
        cols["year"] = year_column(frame["year"], "year")
        cols["value"] = decimal_column(frame["value"], "value")
        cols["lower"] = fraction_column(frame["lower"], "lower")
        cols["upper"] = fraction_column(frame["upper"], "upper")
        for c in BOOL_COLUMNS:
            cols[c] = bool_column(frame[c], np.zeros(n, dtype=bool), c)
        self._init(cols, vocabulary if vocabulary is not None else default_vocabulary())

    def _init(self, cols: dict[str, Any], vocabulary: Vocabulary) -> None:
        self._cols = cols
        self.vocabulary = vocabulary
        self._parts: tuple[np.ndarray, np.ndarray, np.ndarray] | None = None
        self._frame: pd.DataFrame | None = None

    @classmethod
    def _from_columns(cls, cols: dict[str, Any], vocabulary: Vocabulary) -> Panel:
        panel = cls.__new__(cls)
        panel._init(cols, vocabulary)
        return panel

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

        Raises:
            ArgumentTypeError: ``reports`` is not an iterable, or one of its items is
                neither a Report nor a path (also a :class:`TypeError`; the message names
                the item and its position).

        Examples:
            >>> try:
            ...     Panel.from_reports([1])
            ... except TypeError as exc:
            ...     print(exc)
            reports[0]=1 is not accepted; reports[0] takes a Report or a path
        """
        voc = vocabulary if vocabulary is not None else default_vocabulary()
        rows: list[dict[str, Any]] = []
        for report in reports_of(reports):
            source = report_source(report)
            for fig in report.figures:
                if fig.kind in ("growth", "pp_change"):
                    continue
                rows.append(figure_row(fig, report, voc, scheme, source))
            if derive:
                for claim in report.claims:
                    if isinstance(claim, GrowthClaim):
                        rows.extend(derived_rows(claim, report, voc, scheme, source))
        return cls._from_columns(columns_from_rows(rows), voc)

    @classmethod
    def from_frame(cls, df: pd.DataFrame, *, vocabulary: Vocabulary | None = None) -> Panel:
        """Build a panel from a long frame (e.g. one read back from CSV or a spreadsheet).

        Required columns: jurisdiction, indicator, year, value. Optional columns take
        defaults: label (the indicator), unit (``""``), qualifier (``"exact"``), lower and
        upper (the value), lower_closed/upper_closed (True), unit_kind (from the
        vocabulary or the unit), matched (whether the vocabulary knows the indicator),
        subject, source, quote (``""``), derived (False), origin (``"reported"`` or
        ``"implied_growth"``), note (``""``). A ``value_approx`` column is ignored (it is
        recomputed from value).

        Values are converted exactly: Decimal, int and decimal strings as they are, floats
        through their shortest repr (``12.5`` stays ``12.5``); lower/upper also accept
        fraction strings (``"931/2"``). The input frame is not modified. Each column is
        converted at once (integer and float columns without a Python loop, text once per
        distinct value), and the vocabulary matches each distinct (indicator, unit) once.

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
        voc = vocabulary if vocabulary is not None else default_vocabulary()
        return cls._from_columns(columns_from_frame(df, voc), voc)

    # -- views -----------------------------------------------------------------------------

    @property
    def frame(self) -> pd.DataFrame:
        """The tidy long table (a copy; see :data:`FRAME_COLUMNS`).

        ``value`` holds exact Decimals (a :class:`DecimalArray`; ``None`` for a derived
        value that is not pinned down), ``lower``/``upper`` exact Fractions (a
        :class:`FractionArray`; ``None`` for an unbounded end), ``value_approx`` the float of
        ``value`` (NaN when there is none; for plots), year a nullable integer, derived a
        bool, the text columns plain strings (``qualifier`` is ``None`` when unknown).

        Examples:
            >>> import pandas as pd
            >>> p = Panel.from_frame(pd.DataFrame({"jurisdiction": ["甲区"],
            ...     "indicator": ["出庭应诉率"], "year": [2023], "value": ["98.50"]}))
            >>> row = p.frame.iloc[0]
            >>> row["value"], float(row["value_approx"]), row["lower"]
            (Decimal('98.50'), 98.5, Fraction(197, 2))
        """
        if self._frame is None:
            c = self._cols
            data: dict[str, Any] = {}
            for name in FRAME_COLUMNS:
                if name == "value_approx":
                    data[name] = c["value"].to_float()
                elif name in TEXT_COLUMNS:
                    data[name] = plain_text(c[name], none_for_missing=name == "qualifier")
                elif name in EXACT_COLUMNS or name == "year":
                    data[name] = c[name].copy()
                else:
                    data[name] = np.array(c[name], dtype=bool)
            self._frame = pd.DataFrame(data, copy=False)
        return self._frame.copy()

    def __len__(self) -> int:
        return len(self._cols["value"])

    def indicators(self) -> list[str]:
        """Indicator ids (or own labels of unmatched subjects), in first-seen order."""
        return first_seen(self._cols["indicator"])

    def jurisdictions(self) -> list[str]:
        """Jurisdictions, in first-seen order."""
        return first_seen(self._cols["jurisdiction"])

    def years(self) -> list[int]:
        """The years present, sorted."""
        y = self._cols["year"]
        return [int(v) for v in np.unique(np.asarray(y[~y.isna()], dtype=np.int64))]

    def resolve(self, indicator: str) -> str:
        """The indicator id used in :attr:`frame` for an id, label, synonym or subject.

        Raises:
            UnknownIndicatorError: Nothing in the panel answers to that name.
        """
        present = {str(x) for x in self._cols["indicator"].categories}
        if indicator in present:
            return indicator
        ind: Indicator | None
        try:
            ind = self.vocabulary.get(indicator)
        except UnknownIndicatorError:
            ind = self.vocabulary.match(indicator)
        if ind is not None and ind.id in present:
            return ind.id
        labels: pd.Categorical = self._cols["label"]
        if indicator in labels.categories:
            k = labels.categories.get_loc(indicator)
            i = int(np.flatnonzero(np.asarray(labels.codes) == k)[0])
            return str(self._cols["indicator"][i])
        shown = ", ".join(sorted(present)[:20])
        raise UnknownIndicatorError(
            f"indicator {indicator!r} is not in this panel (it has: {shown})"
        )

    def label_of(self, indicator: str) -> str:
        """The label of an indicator in this panel."""
        code = self._code("indicator", self.resolve(indicator))
        i = int(np.flatnonzero(np.asarray(self._cols["indicator"].codes) == code)[0])
        return str(self._cols["label"][i])

    def _code(self, column: str, name: str) -> int:
        """The category code of ``name`` in a text column, or -1 when absent."""
        cats = self._cols[column].categories
        return int(cats.get_loc(name)) if name in cats else -1

    def _value_parts(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        if self._parts is None:
            self._parts = self._cols["value"].fraction_parts()
        return self._parts

    def _cells(
        self, derived: bool, indicator: str | None = None, jurisdiction: str | None = None
    ) -> Cells:
        """The (series, year) cells; reported rows win, derived ones fill in if asked."""
        ind = None if indicator is None else self._code("indicator", indicator)
        jur = None if jurisdiction is None else self._code("jurisdiction", jurisdiction)
        return select_cells(
            self._cols, self._value_parts(), derived=derived, indicator=ind, jurisdiction=jur
        )

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
        ind = self.resolve(indicator)
        return series_frame(self._cols, self._cells(derived, ind, jurisdiction))

    def wide(
        self, values: str = "value", *, derived: bool = False, exact: bool = False
    ) -> pd.DataFrame:
        """Pivot to one row per (jurisdiction, indicator) and one column per year.

        By default this is an **approximate** view for reading and plotting: the numeric
        columns (value, lower, upper, value_approx) are spread as float64 with NaN for a
        missing cell. ``exact=True`` spreads the exact Decimals and Fractions instead (object
        columns, ``None`` where missing). Other columns (quote, unit ...) are spread as
        they are, ``None`` where missing.

        Args:
            values: Which column to spread (``"value"``, ``"lower"``, ``"upper"``,
                ``"quote"`` ...).
            derived: Whether derived values fill years without a reported one.
            exact: Whether numbers stay exact (object columns) rather than floats.

        Returns:
            A frame indexed by (jurisdiction, indicator) with year columns. Of several
            rows for one cell the first (text order) is used. Rows without a year are left
            out (they stay in :attr:`frame`).

        Examples:
            >>> import pandas as pd
            >>> p = Panel.from_frame(pd.DataFrame({"jurisdiction": ["甲区", "甲区"],
            ...     "indicator": ["法律援助案件"] * 2, "year": [2021, 2023], "value": [5, 7]}))
            >>> w = p.wide()
            >>> w.columns.tolist(), w.dtypes.tolist()
            ([2021, 2023], [dtype('float64'), dtype('float64')])
            >>> p.wide(exact=True).iloc[0].tolist()
            [Decimal('5'), Decimal('7')]
        """
        if values not in FRAME_COLUMNS:
            raise SchemaError(f"no column {values!r} to pivot (columns: {list(FRAME_COLUMNS)})")
        return wide_frame(self._cols, self._cells(derived), values, exact)

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

        * counts, money, durations: ``growth = (current - prior) / prior`` (exact) and
          ``growth_approx`` (float, for plotting only);
        * rates: ``pp_change = current - prior`` in percentage points (exact) instead of a
          growth, which would be a ratio of ratios;
        * ``difference = current - prior`` (exact) for every kind.

        Statuses: ``"ok"``; ``"gap"`` (no value the year before); ``"missing"`` (a row
        exists but its value is not pinned down, e.g. a derived interval holding several
        integers); ``"zero_base"`` and ``"negative_base"`` (prior <= 0: growth is
        undefined and left empty, never inf or sign-flipped); ``"conflict"`` (a year has
        reported values that differ; the first is used and the row is flagged).

        The exact columns are :class:`FractionArray` (difference, growth, pp_change) and
        :class:`DecimalArray` (prior, current): each element is a Fraction or Decimal (``None``
        when empty), and ``frame["growth"].array.parts()`` gives the reduced int64
        numerators and denominators without making a Python object per row. A row whose
        arithmetic would leave int64 is computed with Python integers, never rounded.
        The text columns (jurisdiction, indicator, label, unit_kind, status, reason) are
        Categoricals: compare and filter them as strings. The first four share the
        panel's categories, so the frames of several calls concatenate as they are.

        Args:
            kind: ``"yoy"`` (the only kind so far).
            derived: Whether derived values fill years without a reported value.
            indicator: Restrict to one indicator (id, label or synonym).
            jurisdiction: Restrict to one jurisdiction.

        Returns:
            A frame with :data:`GROWTH_COLUMNS`.

        Examples:
            >>> import pandas as pd
            >>> p = Panel.from_frame(pd.DataFrame({"jurisdiction": ["甲区"] * 3,
            ...     "indicator": ["法律援助案件"] * 3, "year": [2021, 2022, 2024],
            ...     "value": [0, 7, 9]}))
            >>> g = p.growth()
            >>> g[["year", "status", "growth"]].values.tolist()
            [[2022, 'zero_base', None], [2024, 'gap', None]]
            >>> g["difference"].array.parts()[0].tolist()
            [7, 0]
        """
        if kind != "yoy":
            raise ValueError(f"growth kind {kind!r} is not supported (use 'yoy')")
        ind = self.resolve(indicator) if indicator is not None else None
        cells = self._cells(derived, ind, jurisdiction)
        return growth_frame(self._cols, self._value_parts(), cells)

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
        code = self._code("indicator", ind)
        c = self._cols
        has_year = (np.asarray(c["indicator"].codes) == code) & ~np.asarray(c["year"].isna())
        jurs = first_seen(c["jurisdiction"][has_year])
        if jurisdiction is None:
            if len(jurs) != 1:
                raise ValueError(
                    f"indicator {ind!r} has {len(jurs)} jurisdictions {jurs}: pass jurisdiction="
                )
            jurisdiction = jurs[0]
        cells = self._cells(derived, ind, jurisdiction)
        by_year = dict(zip(cells.year.tolist(), cells.first.tolist(), strict=True))
        sv = c["value"][by_year[start]] if start in by_year else None
        ev = c["value"][by_year[end]] if end in by_year else None
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
        ind = self.resolve(indicator)
        return compare_frame(self._cols, self._cells(derived, ind), year, ascending)

    # -- display ---------------------------------------------------------------------------

    def __repr__(self) -> str:
        n_derived = int(np.asarray(self._cols["derived"]).sum())
        ys = self.years()
        span = f"{ys[0]}–{ys[-1]}" if ys else "no years"
        return (
            f"<Panel: {len(self)} rows ({n_derived} derived), {len(self.jurisdictions())} "
            f"jurisdictions, {len(self.indicators())} indicators, {span}>"
        )

    def summary(self, *, max_rows: int = _SUMMARY_ROWS) -> pd.DataFrame:
        """Indicators × years as text, for reading: what the notebook display shows.

        One row per (jurisdiction, indicator label, unit), one column per year. A reported
        value is written as the decimal it was (``786``, ``98.73``); a derived one in
        parentheses, ``(466)``, or as its approximate interval, ``(318.7–321.3)``, when it
        holds several values. At most ``max_rows`` series are shown.

        Examples:
            >>> import pandas as pd
            >>> p = Panel.from_frame(pd.DataFrame({"jurisdiction": ["甲区", "甲区"],
            ...     "indicator": ["出庭应诉率"] * 2, "year": [2022, 2023],
            ...     "value": ["89.5", "100"], "unit": ["%", "%"]}))
            >>> p.summary().values.tolist()
            [['89.5', '100']]
        """
        return summary_frame(self._cols, self._cells(True), max_rows)

    def _repr_html_(self) -> str:
        """The notebook display: the one-line repr and :meth:`summary`, not the long table."""
        return summary_html(repr(self), self._cols, self._cells(True), _SUMMARY_ROWS)
