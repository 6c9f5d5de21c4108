"""Panels of indicators across years and places, built from generated reports.

Each panel comes from :meth:`lawgov_metrics.Panel.from_reports` on reports whose figures and
growth claims are made from a true series per jurisdiction and indicator, so every written
growth rate is right (四舍五入) and every derived row is the library's own reading of it.

Examples:
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=5, database=None)
    ... @given(panels(2022, 2023))
    ... def test_growth_is_never_bridged(panel):
    ...     growth = panel.growth()
    ...     assert growth[growth["status"] == "gap"]["growth"].isna().all()
    >>> test_growth_is_never_bridged()
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from fractions import Fraction
from typing import TYPE_CHECKING, Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from ..records import Figure, GrowthClaim, Quantity, Report
from ..rounding import round_fraction
from ._records import written
from ._validation import check_bool, check_int, check_strings

if TYPE_CHECKING:
    from ..panel import Panel

__all__ = ["SERIES", "panels"]

#: The indicators a generated panel draws from: (subject, unit, kind). Counts get growth
#: claims (and so derived rows); the rate gets none; the money series may go below zero.
#: The last subject is in no vocabulary, so it keeps its own label.
SERIES: tuple[tuple[str, str, str], ...] = (
    ("收到行政复议申请", "宗", "count"),
    ("法律援助案件", "件", "count"),
    ("行政诉讼案件", "件", "count"),
    ("政府信息公开申请", "件", "count"),
    ("行政机关负责人出庭应诉率", "%", "rate"),
    ("财政收支结余", "万元", "money"),
)


def _count_series(
    draw: Any, n: int, max_value: int, zero_bases: bool
) -> tuple[list[int], list[int]]:
    """True counts for ``n`` years and the decimals their growth rates are written to.

    A third of the steps make the growth an exact tie at its decimals (the prior becomes a
    multiple of ``2**(d + 3)``), where a wrong closed or open end of the implied prior shows.
    """
    d = draw(st.sampled_from(range(3)))
    t = 2 ** (d + 3)
    low = 0 if zero_bases else 1
    values = [draw(st.one_of(st.integers(1, 20), st.integers(low, max_value)))]
    for _ in range(1, n):
        prior = values[-1]
        how = draw(st.sampled_from(range(6)))
        if how <= 1 and t <= max_value:
            m = min(max(1, round(prior / t)), max_value // t)
            values[-1] = prior = m * t
            k_hi = min(t, max_value // m - t)
            current = m * (t + 2 * draw(st.integers(-(t // 2), (k_hi - 1) // 2)) + 1)
        elif how == 2 and zero_bases:
            current = 0
        else:
            step = draw(st.integers(-(prior // 2) - 1, prior + 1))
            current = min(max_value, max(low, prior + step))
        values.append(current)
    return values, [d] * n


def _money_series(draw: Any, n: int, max_value: int, negative: bool, zero: bool) -> list[int]:
    low = -max_value if negative else 0
    values = [draw(st.integers(low, max_value))]
    for _ in range(1, n):
        step = draw(st.integers(-max_value // 4, max_value // 4))
        values.append(min(max_value, max(low, values[-1] + step)))
    return [v if v or zero else 1 for v in values]


def _rate_series(draw: Any, n: int) -> list[str]:
    d = draw(st.integers(1, 2))
    top = 100 * 10**d
    values = st.one_of(st.integers(90 * 10**d, top), st.integers(0, top))
    return [written(draw(values), d) for _ in range(n)]


class _Text:
    """A report text built piece by piece, with the span of every quoted piece."""

    def __init__(self, head: str) -> None:
        self.parts = [head]
        self.length = len(head)

    def add(self, piece: str) -> tuple[int, int]:
        start = self.length
        self.parts.append(piece)
        self.length += len(piece)
        return start, self.length

    def text(self) -> str:
        return "".join(self.parts)


def _quantity(value: int | str, unit: str) -> Quantity:
    d = Decimal(value)
    places = max(0, -int(d.as_tuple().exponent))
    return Quantity(
        value=d, unit=unit, text=f"{value}{unit}", resolution=Decimal(1).scaleb(-places),
        rounded=places > 0 or unit == "%",
    )  # fmt: skip


def _growth_claim(
    doc: _Text, fig: Figure, prior: int, current: int, d: int, *, with_basis: bool
) -> tuple[GrowthClaim, list[Figure]]:
    """The growth sentence after ``fig``: 同比增长x%, 同比下降x%, 与上年持平, or with the
    printed prior (较上年的N件增长x%)."""
    rate = round_fraction(Fraction(100 * (current - prior), prior), d, "half_up")
    basis_fig = None
    start = doc.length
    doc.add("，")
    if rate == 0:
        quote = "与上年持平"
        span = doc.add(quote)
        q = Quantity(value=0, unit="%", text=quote, resolution=1, rounded=True)
        claim = GrowthClaim(
            subject=fig.subject, quote=quote, span=span, figure=fig, rate=q,
            direction="flat", form="flat",
        )  # fmt: skip
        return claim, []
    word = "增长" if rate > 0 else "下降"
    shown = format(rate.copy_abs(), "f") + "%"
    if with_basis:
        doc.add("较上年的")
        bq = _quantity(prior, fig.unit)
        basis_fig = Figure(quantity=bq, subject=fig.subject, quote=bq.text, span=doc.add(bq.text))
        doc.add(word)
    else:
        doc.add("同比" + word)
    rate_span = doc.add(shown)
    rq = Quantity(value=rate, unit="%", text=shown, resolution=Decimal(1).scaleb(-d), rounded=True)
    rate_fig = Figure(quantity=rq, subject=fig.subject, quote=shown, span=rate_span, kind="growth")
    span = (start + 1, doc.length)
    claim = GrowthClaim(
        subject=fig.subject, quote=doc.text()[span[0] : span[1]], span=span, figure=fig,
        rate=rq, direction="up" if rate > 0 else "down", rate_figure=rate_fig, basis=basis_fig,
    )  # fmt: skip
    return claim, [rate_fig]


def panels(
    min_year: int = 2019,
    max_year: int = 2024,
    *,
    jurisdictions: Sequence[str] = ("甲区", "乙县", "丙市"),
    max_value: int = 10**5,
    gaps: bool = True,
    zero_bases: bool = True,
    negative_bases: bool = True,
    derived: bool = True,
) -> st.SearchStrategy[Panel]:
    """:class:`~lawgov_metrics.Panel` objects, valid by construction.

    A true series is drawn for each jurisdiction and indicator of :data:`SERIES`; a report
    per jurisdiction and year prints its figures (``收到行政复议申请786宗``), and for counts
    most years also the growth on last year (``同比增长68.67%``, ``同比下降12.5%``,
    ``与上年持平``, sometimes with the printed prior: ``较上年的466宗增长68.67%``), rounded
    half up from the true values. A third of those growths are exact ties at their decimals.
    The panel is :meth:`Panel.from_reports` of these reports, and round-trips through
    :meth:`Panel.from_frame`.

    Args:
        min_year: First year.
        max_year: Last year.
        jurisdictions: Names to draw the panel's jurisdictions from (one or more are used).
        max_value: Largest count (and largest money amount either side of zero).
        gaps: Whether reports, and figures within them, may be missing (``growth()`` then
            has ``"gap"`` rows, which derived rows from the next year's growth may fill).
        zero_bases: Whether counts may be 0 (a growth from them is ``"zero_base"``).
        negative_bases: Whether the money series may go below zero (``"negative_base"``).
        derived: Whether the panel holds the rows implied by growth claims
            (``derive=`` of :meth:`Panel.from_reports`).
    """
    first = check_int(min_year, "min_year", min_value=1949, max_value=2100)
    last = check_int(max_year, "max_year", min_value=1949, max_value=2100)
    if first > last:
        raise InvalidArgument(f"min_year={first} is after max_year={last}")
    names = check_strings(jurisdictions, "jurisdictions")
    top = check_int(max_value, "max_value", min_value=1)
    for flag, name in ((gaps, "gaps"), (zero_bases, "zero_bases"),
                       (negative_bases, "negative_bases"), (derived, "derived")):  # fmt: skip
        check_bool(flag, name)
    years = list(range(first, last + 1))

    @st.composite
    def draw_one(draw: Any) -> Panel:
        from ..panel import Panel

        places = draw(st.lists(st.sampled_from(names), min_size=1, max_size=2, unique=True))
        picked = draw(st.lists(st.sampled_from(SERIES), min_size=1, max_size=3, unique=True))
        truth: dict[tuple[str, str], tuple[list[Any], list[int]]] = {}
        for place in places:
            for subject, _unit, kind in picked:
                if kind == "count":
                    truth[place, subject] = _count_series(draw, len(years), top, zero_bases)
                elif kind == "money":
                    values = _money_series(draw, len(years), top, negative_bases, zero_bases)
                    truth[place, subject] = values, [0] * len(years)
                else:
                    truth[place, subject] = _rate_series(draw, len(years)), [0] * len(years)
        # which reports exist: with gaps, one in five is missing (but never all of them)
        present = {
            (p, y): not gaps or draw(st.sampled_from(range(5))) > 0 for p in places for y in years
        }
        if not any(present.values()):
            present[places[0], years[-1]] = True
        reports = []
        for place in places:
            for i, year in enumerate(years):
                if not present[place, year]:
                    continue
                doc = _Text(f"{place}{year}年法治政府建设情况的报告\n")
                figures: list[Figure] = []
                claims: list[GrowthClaim] = []
                for subject, unit, kind in picked:
                    if gaps and draw(st.sampled_from(range(6))) == 0:
                        continue  # not printed this year
                    values, decimals = truth[place, subject]
                    q = _quantity(values[i], unit)
                    doc.add(subject)
                    fig = Figure(
                        quantity=q, subject=subject, quote=q.text, span=doc.add(q.text),
                        kind=kind,
                    )  # fmt: skip
                    figures.append(fig)
                    prior = values[i - 1] if i else 0
                    say = draw(st.sampled_from(range(8))) if kind == "count" and prior > 0 else 0
                    if say >= 2:  # 3 in 4 counts state their growth, 1 in 8 with the prior
                        claim, extra = _growth_claim(
                            doc, fig, prior, values[i], decimals[i], with_basis=say == 2
                        )
                        claims.append(claim)
                        figures.extend(extra)
                    doc.add("。")
                reports.append(
                    Report(
                        text=doc.text(),
                        figures=figures,
                        claims=claims,
                        jurisdiction=place,
                        year=year,
                        doc_type="rule_of_law",
                    )
                )
        return Panel.from_reports(reports, derive=derived)

    strategy: st.SearchStrategy[Panel] = draw_one()
    return strategy
