"""Panel.growth against a slow exact oracle: Fractions per row, dicts per series.

The oracle is the row-by-row algorithm the vectorised growth replaced, written again here
from the documented semantics: a (series, year) cell takes its first reported row (or, with
``derived=True``, its first derived row when nothing is reported); growth compares a year
with the one before by label, a missing year is a gap, a prior of zero or below makes growth
undefined, rates get percentage points, and rows that disagree within a cell are a conflict.
"""

from __future__ import annotations

import math
from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_metrics.panel import GROWTH_COLUMNS, Panel


def oracle_growth(frame: pd.DataFrame, *, derived: bool) -> list[dict[str, Any]]:
    """YoY growth of a panel frame, one Python dict and Fraction at a time."""
    series: dict[tuple[str, str], dict[int, list[dict[str, Any]]]] = {}
    for rec in frame.to_dict(orient="records"):
        if rec["year"] is None or rec["year"] is pd.NA:
            continue
        key = (str(rec["jurisdiction"]), str(rec["indicator"]))
        series.setdefault(key, {}).setdefault(int(rec["year"]), []).append(rec)
    for years in series.values():
        for y in list(years):
            reported = [r for r in years[y] if not r["derived"]]
            if reported:
                years[y] = reported
            elif not derived:
                del years[y]
    out: list[dict[str, Any]] = []
    for (jur, ind), years in series.items():
        for y in sorted(years)[1:]:
            recs = years[y]
            first = recs[0]
            row: dict[str, Any] = {
                "jurisdiction": jur, "indicator": ind, "label": first["label"],
                "unit_kind": first["unit_kind"], "prior_year": y - 1, "year": y,
                "prior": None, "current": first["value"], "difference": None,
                "growth": None, "growth_approx": math.nan, "pp_change": None,
                "pp_change_approx": math.nan, "derived": bool(first["derived"]),
                "status": "ok", "reason": "",
            }  # fmt: skip
            out.append(row)
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
                for yy, rs in ((y - 1, prior_recs), (y, recs))
                if len({Fraction(r["value"]) for r in rs if r["value"] is not None}) > 1
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
                row["growth"] = (c - p) / p
                row["growth_approx"] = float((c - p) / p)
            if conflict:
                row["status"] = "conflict"
                row["reason"] = (
                    f"several different reported values in {conflict}; the first is used"
                )
    return out


def same_cell(col: str, got: Any, want: Any) -> bool:
    if isinstance(want, float) and math.isnan(want):
        return isinstance(got, float) and math.isnan(got)
    if col in ("prior", "current"):
        # exact and as written: the same Decimal, digits and exponent
        return (got is None and want is None) or (
            isinstance(got, Decimal) and got.as_tuple() == want.as_tuple()
        )
    if col in ("difference", "growth", "pp_change"):
        return (got is None and want is None) or (isinstance(got, Fraction) and got == want)
    return bool(got == want)


def assert_matches_oracle(panel: Panel, *, derived: bool) -> None:
    got = panel.growth(derived=derived)
    assert list(got.columns) == list(GROWTH_COLUMNS)
    want = oracle_growth(panel.frame, derived=derived)
    records = got.to_dict(orient="records")
    assert len(records) == len(want)
    for i, (g, w) in enumerate(zip(records, want, strict=True)):
        for col in GROWTH_COLUMNS:
            assert same_cell(col, g[col], w[col]), (i, col, g[col], w[col], w)


# Values: small counts with zeros and negatives, written decimals, None (a derived interval
# with no single value), and figures far beyond int64 so that the exact Python path runs.
values = st.one_of(
    st.integers(-3, 30),
    st.integers(-(10**12), 10**12),
    st.integers(-(10**25), 10**25),
    st.decimals(min_value=-100, max_value=10_000, places=2, allow_nan=False),
    st.decimals(min_value=Decimal("1E+15"), max_value=Decimal("1E+22"), places=0),
    st.decimals(min_value=Decimal("0.000001"), max_value=Decimal(1), places=6),
    st.none(),
)
rows = st.tuples(
    st.sampled_from(["甲区", "乙区", "丙区"]),
    st.sampled_from(["法律援助案件", "行政复议申请", "出庭应诉率", "注册人数"]),
    st.one_of(st.integers(2015, 2022), st.none()),
    values,
    st.booleans(),  # derived
)


def panel_of(data: list[tuple[str, str, int | None, object, bool]]) -> Panel:
    df = pd.DataFrame(data, columns=["jurisdiction", "indicator", "year", "value", "derived"])
    df["value"] = df["value"].astype(object)
    df["year"] = pd.array([r[2] for r in data], dtype="Int64")
    return Panel.from_frame(df)


@settings(max_examples=150, deadline=None)
@given(st.lists(rows, min_size=0, max_size=40), st.booleans())
def test_growth_matches_the_slow_oracle(
    data: list[tuple[str, str, int | None, object, bool]], derived: bool
) -> None:
    assert_matches_oracle(panel_of(data), derived=derived)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.integers(0, 3),
            st.integers(0, 2),
            st.integers(2000, 2012),
            st.integers(-(2**62), 2**62),
        ),
        max_size=60,
    ),
    st.booleans(),
)
def test_growth_of_int64_columns_matches_the_oracle(
    data: list[tuple[int, int, int, int]], duplicates: bool
) -> None:
    """The vectorised path proper: int64 values (products overflow int64) and int years."""
    if duplicates:
        data = data + data[: len(data) // 2]
    df = pd.DataFrame(
        {
            "jurisdiction": [f"区{j}" for j, _, _, _ in data],
            "indicator": [["法律援助案件", "行政复议申请", "出庭应诉率"][k] for _, k, _, _ in data],
            "year": np.array([y for _, _, y, _ in data], dtype=np.int64),
            "value": np.array([v for _, _, _, v in data], dtype=np.int64),
        }
    )
    assert_matches_oracle(Panel.from_frame(df), derived=False)


def test_overflowing_growth_stays_exact() -> None:
    big = 2**62 + 1
    df = pd.DataFrame(
        {"jurisdiction": ["甲区"] * 3, "indicator": ["法律援助案件"] * 3,
         "year": [2021, 2022, 2023], "value": [big, big - 7, -(2**62) - 11]}
    )  # fmt: skip
    g = Panel.from_frame(df).growth()
    diff = -(2**62) - 11 - (big - 7)  # below -2**63: no int64 holds it
    assert g["growth"].tolist() == [Fraction(-7, big), Fraction(diff, big - 7)]
    assert g["difference"].tolist() == [-7, diff]
    num, den, ok = g["growth"].array.parts()
    assert ok.tolist() == [True, False]
    assert (num[0], den[0]) == (-7, big)
    assert g["growth"].array.fraction_at(1) == Fraction(diff, big - 7)
    assert g["growth_approx"].tolist() == [float(Fraction(-7, big)), float(Fraction(diff, big - 7))]


def test_growth_parts_are_reduced_int64() -> None:
    df = pd.DataFrame(
        {"jurisdiction": ["甲区"] * 3, "indicator": ["法律援助案件"] * 3,
         "year": [2021, 2022, 2023], "value": [400, 466, 786]}
    )  # fmt: skip
    g = Panel.from_frame(df).growth()
    num, den, ok = g["growth"].array.parts()
    assert num.dtype == np.int64
    assert den.dtype == np.int64
    assert list(zip(num.tolist(), den.tolist(), strict=True)) == [(33, 200), (160, 233)]
    assert ok.all()
    assert g["growth_approx"].tolist() == [0.165, float(Fraction(160, 233))]
    assert g["growth"].dtype.name == "fraction"
    assert g["current"].dtype.name == "exact_decimal"


def test_a_growth_whose_denominator_is_past_int64_boxes_exactly() -> None:
    # (1 - 2**63) / 2**63: the numerator fits int64, the denominator does not
    data = [("乙区", "行政复议申请", 2019, 2**63, False), ("乙区", "行政复议申请", 2020, 1, False)]
    g = panel_of(data).growth()
    assert g["growth"].tolist() == [Fraction(1 - 2**63, 2**63)]
    assert_matches_oracle(panel_of(data), derived=False)
