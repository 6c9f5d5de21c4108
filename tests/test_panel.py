"""Panels: alignment with gaps, derived values, growth against an exact oracle, CAGR, ranks."""

from __future__ import annotations

import math
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics.errors import SchemaError, UnknownIndicatorError
from lawgov_metrics.panel import FRAME_COLUMNS, GROWTH_COLUMNS, Panel

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data"
APPS = "admin_reconsideration_applications"


def qty(
    value: str, unit: str = "件", *, rounded: bool = False, resolution: str = "1"
) -> lm.Quantity:
    return lm.Quantity(
        value=Decimal(value),
        unit=unit,
        text=f"{value}{unit}",
        resolution=Decimal(resolution),
        rounded=rounded,
    )


def fig(subject: str, value: str, unit: str = "件", **kw: object) -> lm.Figure:
    q = qty(value, unit, **kw)  # type: ignore[arg-type]
    return lm.Figure(quantity=q, subject=subject, quote=q.text)


def rate(value: str) -> lm.Quantity:
    places = len(value.split(".")[1]) if "." in value else 0
    return qty(value, "%", rounded=True, resolution=str(Decimal(1).scaleb(-places)))


def report(
    year: int, *figures: lm.Figure, claims: tuple[lm.Claim, ...] = (), jur: str = "甲区"
) -> lm.Report:
    return lm.Report(text="…", jurisdiction=jur, year=year, figures=figures, claims=claims)


def frame(rows: list[tuple[str, str, int, object]]) -> Panel:
    return Panel.from_frame(
        pd.DataFrame(rows, columns=["jurisdiction", "indicator", "year", "value"])
    )


# -- construction ------------------------------------------------------------------------


def test_frame_columns_and_exact_types() -> None:
    p = Panel.from_reports([report(2023, fig("收到行政复议申请", "786", "宗"))])
    df = p.frame
    assert tuple(df.columns) == FRAME_COLUMNS
    row = df.iloc[0]
    assert row["indicator"] == APPS
    assert row["label"] == "行政复议申请"
    assert row["value"] == Decimal("786")
    assert isinstance(row["value"], Decimal)
    assert row["lower"] == Fraction(786)
    assert row["upper"] == Fraction(786)
    assert not row["derived"]
    assert row["source"] == "甲区 2023"


def test_unmatched_subjects_keep_their_label() -> None:
    p = Panel.from_reports([report(2023, fig("注册人数", "66876", "人"), fig("", "5", "个"))])
    df = p.frame
    assert df["indicator"].tolist() == ["注册人数", "5个"]
    assert df["matched"].tolist() == [False, False]
    assert len(p) == 2


def test_growth_rate_figures_are_not_indicator_values() -> None:
    cur = fig("收到行政复议申请", "786", "宗")
    r = lm.Figure(quantity=rate("68.67"), subject="同比增长", quote="68.67%", kind="growth")
    p = Panel.from_reports([report(2023, cur, r)], derive=False)
    assert p.frame["value"].tolist() == [Decimal("786")]


def test_rounded_and_qualified_bounds() -> None:
    q = lm.Quantity(
        value=Decimal("28300"), unit="条", qualifier=lm.Qualifier.MORE_THAN, text="28300余条"
    )
    f = lm.Figure(quantity=q, subject="企业修复信用", quote="28300余条")
    row = Panel.from_reports([report(2023, f)]).frame.iloc[0]
    assert (row["lower"], row["upper"]) == (Fraction(28300), Fraction(28400))
    assert bool(row["lower_closed"])
    assert not bool(row["upper_closed"])
    assert row["qualifier"] == "more_than"


# -- derived values ----------------------------------------------------------------------


def seed_claim() -> tuple[lm.Figure, lm.GrowthClaim]:
    cur = fig("收到行政复议申请", "786", "宗")
    return cur, lm.GrowthClaim(figure=cur, rate=rate("68.67"), quote="同比增长68.67%")


def test_seed_growth_claim_derives_466() -> None:
    cur, claim = seed_claim()
    p = Panel.from_reports([report(2023, cur, claims=(claim,))])
    d = p.frame[p.frame["derived"]]
    assert len(d) == 1
    row = d.iloc[0]
    assert row["year"] == 2022
    assert row["value"] == Decimal(466)
    # oracle: half-up 68.67% means growth in [0.68665, 0.68675)
    assert row["lower"] == Fraction(786) / Fraction("1.68675")
    assert row["upper"] == Fraction(786) / Fraction("1.68665")
    assert not bool(row["lower_closed"])
    assert bool(row["upper_closed"])
    assert row["origin"] == "implied_growth"
    assert "466" not in row["quote"]
    assert "68.67" in row["quote"]


def test_derived_never_overrides_reported() -> None:
    cur, claim = seed_claim()
    p = Panel.from_reports(
        [report(2022, fig("收到行政复议申请", "470")), report(2023, cur, claims=(claim,))]
    )
    df = p.frame
    assert sorted(df.loc[df["year"] == 2022, "value"].tolist()) == [Decimal(466), Decimal(470)]
    s = p.series(APPS)
    assert s.loc[s["year"] == 2022, "value"].item() == Decimal(470)
    assert not s.loc[s["year"] == 2022, "derived"].item()
    g = p.growth(derived=True)
    assert g.loc[g["year"] == 2023, "prior"].item() == Decimal(470)


def test_ambiguous_derived_has_interval_but_no_value() -> None:
    cur = fig("受理行政复议案件", "400")
    claim = lm.GrowthClaim(figure=cur, rate=rate("25"), quote="同比增长25%")
    row = Panel.from_reports([report(2021, cur, claims=(claim,))]).frame.iloc[1]
    assert row["value"] is None
    assert row["lower"] == Fraction(400) / Fraction("1.255")
    assert row["upper"] == Fraction(400) / Fraction("1.245")
    assert "3 integer candidate" in row["note"]


def test_impossible_growth_notes_no_integer() -> None:
    cur = fig("受理行政复议案件", "10")
    claim = lm.GrowthClaim(figure=cur, rate=rate("33.33"), quote="同比增长33.33%")
    # 10/1.33335..10/1.33325 = (7.4999.., 7.5004..]: no integer prior
    row = Panel.from_reports([report(2021, cur, claims=(claim,))]).frame.iloc[1]
    assert row["value"] is None
    assert "no whole count" in row["note"]


def test_basis_and_difference_claims() -> None:
    cur = fig("收到行政复议申请", "1113")
    basis = fig("上年收到行政复议申请", "558")
    c1 = lm.GrowthClaim(figure=cur, basis=basis, rate=rate("99.5"), quote="较2022年558件")
    c2 = lm.GrowthClaim(figure=cur, form="difference", difference=qty("555"), quote="增加555件")
    df = Panel.from_reports([report(2023, cur, claims=(c1, c2))]).frame
    d = df[df["derived"]]
    assert d["origin"].tolist() == ["basis", "implied_growth", "implied_difference"]
    assert d["value"].tolist() == [Decimal(558), Decimal(558), Decimal(558)]
    assert (d["year"] == 2022).all()


def test_decline_claim_and_no_year() -> None:
    cur = fig("受理行政复议案件", "90")
    claim = lm.GrowthClaim(
        figure=cur, rate=rate("10").negated(), direction="down", quote="同比下降10%"
    )
    df = Panel.from_reports([report(2023, cur, claims=(claim,))]).frame
    assert df.iloc[1]["value"] == Decimal(100)
    no_year = lm.Report(text="", jurisdiction="甲区", figures=[cur], claims=[claim])
    df2 = Panel.from_reports([no_year]).frame
    assert len(df2) == 1
    assert pd.isna(df2.iloc[0]["year"])


def test_from_report_files_confirms_466() -> None:
    paths = [EXAMPLES / f"huadu-{y}.txt" for y in (2021, 2022, 2023)]
    p = Panel.from_reports(paths)
    df = p.frame
    sel = df[(df["indicator"] == APPS) & (df["year"] == 2022)]
    assert sorted(zip(sel["derived"], sel["value"], strict=True)) == [
        (False, Decimal(466)),
        (True, Decimal(466)),
    ]
    g = p.growth(indicator="行政复议申请")
    assert g["growth"].tolist() == [Fraction(466 - 400, 400), Fraction(786 - 466, 466)]


# -- growth ------------------------------------------------------------------------------


def test_gap_is_never_bridged() -> None:
    p = frame(
        [
            ("甲区", "法律援助案件", 2020, 10),
            ("甲区", "法律援助案件", 2021, 12),
            ("甲区", "法律援助案件", 2023, 18),
        ]
    )
    g = p.growth()
    assert list(g.columns) == list(GROWTH_COLUMNS)
    assert g["year"].tolist() == [2021, 2023]
    assert g["status"].tolist() == ["ok", "gap"]
    assert g["growth"].tolist() == [Fraction(1, 5), None]
    assert math.isnan(g["growth_approx"].iloc[1])
    assert g["prior"].iloc[1] is None


def test_rates_get_percentage_points() -> None:
    p = frame([("甲区", "出庭应诉率", 2022, "98.5"), ("甲区", "出庭应诉率", 2023, "100")])
    g = p.growth()
    assert g["pp_change"].tolist() == [Fraction(3, 2)]
    assert g["growth"].tolist() == [None]
    assert g["unit_kind"].tolist() == ["rate"]


@pytest.mark.parametrize(("prior", "status"), [(0, "zero_base"), (-5, "negative_base")])
def test_zero_and_negative_bases_are_flagged(prior: int, status: str) -> None:
    g = frame([("甲区", "法律援助案件", 2022, prior), ("甲区", "法律援助案件", 2023, 7)]).growth()
    assert g["status"].tolist() == [status]
    assert g["growth"].tolist() == [None]
    assert math.isnan(g["growth_approx"].iloc[0])
    assert g["difference"].tolist() == [Fraction(7 - prior)]


def test_conflicting_reported_values_are_flagged() -> None:
    g = frame(
        [
            ("甲区", "法律援助案件", 2022, 10),
            ("甲区", "法律援助案件", 2023, 12),
            ("甲区", "法律援助案件", 2023, 13),
        ]
    ).growth()
    assert g["status"].tolist() == ["conflict"]
    assert g["current"].tolist() == [Decimal(12)]


def test_growth_kind_and_filters() -> None:
    p = frame(
        [
            ("甲区", "法律援助案件", 2022, 10),
            ("乙区", "法律援助案件", 2022, 5),
            ("乙区", "法律援助案件", 2023, 6),
        ]
    )
    assert p.growth(jurisdiction="乙区")["growth"].tolist() == [Fraction(1, 5)]
    with pytest.raises(ValueError, match="kind"):
        p.growth(kind="mom")  # type: ignore[arg-type]
    with pytest.raises(UnknownIndicatorError, match="不存在"):
        p.growth(indicator="不存在")


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.integers(2010, 2025),
        st.integers(-50, 10_000) | st.decimals(min_value=-50, max_value=10_000, places=2),
        min_size=1,
        max_size=10,
    )
)
def test_growth_matches_fraction_oracle(series: dict[int, object]) -> None:
    rows = [("甲区", "法律援助案件", y, v) for y, v in series.items()]
    g = frame(rows).growth()
    years = sorted(series)
    assert g["year"].tolist() == years[1:]
    for rec in g.to_dict(orient="records"):
        y = rec["year"]
        if y - 1 not in series:
            assert rec["status"] == "gap"
            assert rec["growth"] is None
            continue
        p, c = Fraction(series[y - 1]), Fraction(series[y])  # type: ignore[arg-type]
        assert rec["difference"] == c - p
        if p <= 0:
            assert rec["growth"] is None
            assert rec["status"] == ("zero_base" if p == 0 else "negative_base")
        else:
            assert rec["growth"] == (c - p) / p
            assert rec["growth_approx"] == pytest.approx(float((c - p) / p))


@settings(max_examples=80, deadline=None)
@given(st.integers(1, 100_000), st.integers(0, 200_000), st.integers(0, 3))
def test_implied_prior_contains_the_true_prior(prior: int, current: int, places: int) -> None:
    # The reported rate is the exact growth rounded half-up, computed independently.
    g = Fraction(current - prior, prior) * 100
    written = (Decimal(g.numerator) / Decimal(g.denominator)).quantize(
        Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP
    )
    if written <= -100:
        return
    cur = fig("收到行政复议申请", str(current))
    claim = lm.GrowthClaim(figure=cur, rate=rate(str(written)))
    row = Panel.from_reports([report(2023, cur, claims=(claim,))]).frame.iloc[1]
    lo, hi = row["lower"], row["upper"]
    assert lo is not None
    assert hi is not None
    assert lo < prior or (lo == prior and row["lower_closed"])
    assert prior < hi or (prior == hi and row["upper_closed"])
    if row["value"] is not None:
        assert row["value"] == prior


# -- CAGR ---------------------------------------------------------------------------------


def test_cagr_exact_when_rational() -> None:
    p = frame([("甲区", "法律援助案件", 2020, 1000), ("甲区", "法律援助案件", 2023, 1331)])
    c = p.cagr("法律援助案件", 2020, 2023)
    assert c.exact == Fraction(1, 10)
    assert c.status == "ok"
    assert c.years == 3
    assert c.lower == c.upper == Fraction(1, 10)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 10**6), st.integers(0, 10**6), st.integers(1, 12))
def test_cagr_check_interval_brackets_the_root(start: int, end: int, n: int) -> None:
    p = frame([("甲区", "法律援助案件", 2000, start), ("甲区", "法律援助案件", 2000 + n, end)])
    c = p.cagr("法律援助案件", 2000, 2000 + n)
    ratio = Fraction(end, start)
    assert c.lower is not None
    assert c.upper is not None
    assert (1 + c.lower) ** n <= ratio <= (1 + c.upper) ** n
    assert c.upper - c.lower <= Fraction(1, 1000)
    if c.exact is not None:
        assert (1 + c.exact) ** n == ratio
    true = float(ratio) ** (1 / n) - 1
    assert float(c.lower) - 1e-9 <= true <= float(c.upper) + 1e-9
    assert c.approx == pytest.approx(true, rel=1e-9, abs=1e-12)


def test_cagr_bases_and_errors() -> None:
    p = frame(
        [
            ("甲区", "法律援助案件", 2020, 0),
            ("甲区", "法律援助案件", 2022, 5),
            ("乙区", "法律援助案件", 2020, 3),
        ]
    )
    c = p.cagr("法律援助案件", 2020, 2022, "甲区")
    assert c.status == "zero_base"
    assert c.exact is None
    assert math.isnan(c.approx)
    assert p.cagr("法律援助案件", 2020, 2022, "乙区").status == "missing"
    with pytest.raises(ValueError, match="jurisdiction"):
        p.cagr("法律援助案件", 2020, 2022)
    with pytest.raises(ValueError, match="end > start"):
        p.cagr("法律援助案件", 2022, 2020, "甲区")


# -- compare, wide, display ------------------------------------------------------------------


def test_compare_ranks_with_ties() -> None:
    p = frame(
        [
            ("甲区", "法律援助案件", 2023, "7"),
            ("乙区", "法律援助案件", 2023, "9.5"),
            ("丙区", "法律援助案件", 2023, "7"),
            ("丁区", "法律援助案件", 2022, "99"),
        ]
    )
    c = p.compare("法律援助案件", 2023)
    assert c["jurisdiction"].tolist() == ["乙区", "甲区", "丙区"]
    assert c["rank"].tolist() == [1, 2, 2]
    assert c["n_ranked"].tolist() == [3, 3, 3]
    asc = p.compare("法律援助案件", 2023, ascending=True)
    assert dict(zip(asc["jurisdiction"], asc["rank"], strict=True)) == {
        "甲区": 1,
        "丙区": 1,
        "乙区": 3,
    }


def test_wide_pivots_reported_values() -> None:
    cur, claim = seed_claim()
    p = Panel.from_reports(
        [report(2021, fig("受理行政复议案件", "400")), report(2023, cur, claims=(claim,))]
    )
    w = p.wide()
    assert w.columns.tolist() == [2021, 2023]
    assert w.loc[("甲区", APPS)].tolist() == [Decimal(400), Decimal(786)]
    assert p.wide(derived=True).columns.tolist() == [2021, 2022, 2023]
    with pytest.raises(SchemaError):
        p.wide(values="nope")


def test_from_frame_validation_names_row_and_column() -> None:
    with pytest.raises(SchemaError, match="missing"):
        Panel.from_frame(pd.DataFrame({"jurisdiction": ["甲区"], "year": [2023]}))
    bad = pd.DataFrame(
        {
            "jurisdiction": ["甲区", "甲区"],
            "indicator": ["x", "x"],
            "year": [2022, 2023],
            "value": ["1", "abc"],
        }
    )
    with pytest.raises(SchemaError, match=r"row 1, column 'value'"):
        Panel.from_frame(bad)
    src = pd.DataFrame(
        {"jurisdiction": ["甲区"], "indicator": ["x"], "year": [2023], "value": [12.5]}
    )
    before = src.copy()
    assert Panel.from_frame(src).frame["value"].tolist() == [Decimal("12.5")]
    pd.testing.assert_frame_equal(src, before)  # input not modified


def test_accessors_and_repr() -> None:
    cur, claim = seed_claim()
    p = Panel.from_reports([report(2023, cur, claims=(claim,)), report(2023, cur, jur="乙区")])
    assert p.jurisdictions() == ["甲区", "乙区"]
    assert p.years() == [2022, 2023]
    assert p.indicators() == [APPS]
    assert repr(p) == "<Panel: 3 rows (1 derived), 2 jurisdictions, 1 indicators, 2022–2023>"
    assert "<table" in p._repr_html_()
    assert "甲区" in p._repr_html_()
    assert p.resolve("新收行政复议申请") == APPS


# -- notebook use ------------------------------------------------------------------------------


def test_repr_is_one_line_and_html_is_a_summary() -> None:
    rows = [
        ("甲区", "出庭应诉率", 2022, "89.5"),
        ("甲区", "出庭应诉率", 2023, "100"),
        ("甲区", "法律援助案件", 2023, 120),
    ]
    rows += [("乙区", f"指标{i}", 2023, i) for i in range(60)]  # 62 series in all
    p = frame(rows)
    assert "\n" not in repr(p)
    page = p._repr_html_()
    assert "行政机关负责人出庭应诉率" in page  # the Chinese label, not the id
    assert "head_court_appearance_rate" not in page
    assert "89.5" in page
    assert "179/2" not in page  # values as decimals, never as fractions
    assert page.count("<tr") <= 45  # a summary (40 series), not one row per figure
    assert "22 more series" in page
    s = p.summary()
    assert s.loc[("甲区", "行政机关负责人出庭应诉率", "")].tolist() == ["89.5", "100"]


def test_summary_marks_derived_values() -> None:
    cur, claim = seed_claim()
    amb = fig("受理法律援助案件", "400")
    c2 = lm.GrowthClaim(figure=amb, rate=rate("25"), quote="同比增长25%")
    p = Panel.from_reports([report(2023, cur, amb, claims=(claim, c2))])
    s = p.summary()
    assert s.loc[("甲区", "行政复议申请", "宗")].tolist() == ["(466)", "786"]
    assert s.loc[("甲区", "法律援助案件", "件")].tolist() == ["(318.7–321.3)", "400"]


def test_wide_is_numeric_with_nan_and_exact_on_request() -> None:
    p = frame(
        [
            ("甲区", "法律援助案件", 2021, "5.5"),
            ("甲区", "法律援助案件", 2023, 7),
            ("乙区", "法律援助案件", 2022, 3),
        ]
    )
    w = p.wide()
    assert all(dt == np.float64 for dt in w.dtypes)
    assert w.loc[("甲区", "legal_aid_cases")].tolist()[0] == 5.5
    assert math.isnan(w.loc[("甲区", "legal_aid_cases"), 2022])
    exact = p.wide(exact=True)
    assert exact.loc[("甲区", "legal_aid_cases")].tolist() == [Decimal("5.5"), None, Decimal(7)]
    assert p.wide("lower", exact=True).loc[("甲区", "legal_aid_cases"), 2021] == Fraction(11, 2)
    assert p.wide("quote").loc[("乙区", "legal_aid_cases")].tolist() == [None, "", None]


def test_frame_has_value_approx_for_plots() -> None:
    cur = fig("受理行政复议案件", "400")
    claim = lm.GrowthClaim(figure=cur, rate=rate("25"), quote="同比增长25%")
    df = Panel.from_reports([report(2021, cur, claims=(claim,))]).frame
    assert df["value_approx"].dtype == np.float64
    assert df["value_approx"].iloc[0] == 400.0
    assert math.isnan(df["value_approx"].iloc[1])  # a derived interval with no single value
    assert df["value"].iloc[1] is None


@pytest.mark.parametrize(
    ("items", "message"),
    [
        ([1], r"reports\[0\]=1 is not accepted; .* a Report or a path$"),
        ([None], r"reports\[0\]=None is not accepted"),
        (["__placeholder__", b"x.txt"], r"reports\[1\]=b'x.txt' is not accepted"),
        (lm.Report(text=""), r"reports=.* takes an iterable of reports or paths"),
        (5, r"reports=5 is not accepted; reports takes an iterable of reports or paths"),
    ],
)
def test_from_reports_names_a_bad_item(items: object, message: str) -> None:
    if isinstance(items, list) and items and items[0] == "__placeholder__":
        items = [report(2023, fig("收到行政复议申请", "786")), *items[1:]]
    with pytest.raises(lm.InvalidArgumentError, match=message) as info:
        Panel.from_reports(items)  # type: ignore[arg-type]
    assert isinstance(info.value, TypeError)
    assert isinstance(info.value, lm.LawgovMetricsError)


def test_growth_text_columns_filter_as_strings() -> None:
    p = frame(
        [
            ("甲区", "法律援助案件", 2022, 10),
            ("甲区", "法律援助案件", 2023, 12),
            ("乙区", "法律援助案件", 2023, 5),
            ("乙区", "法律援助案件", 2024, 0),
        ]
    )
    g = p.growth()
    assert g[g["jurisdiction"] == "乙区"]["growth"].tolist() == [Fraction(-1)]
    assert g["status"].tolist() == ["ok", "ok"]
    assert g["label"].tolist() == ["法律援助案件", "法律援助案件"]


def test_text_with_a_lone_surrogate_does_not_crash_the_frame() -> None:
    f = lm.Figure(quantity=qty("5"), subject="注册\udc80人数", quote="5件")
    rep = lm.Report(text="…", jurisdiction="甲\udc80区", year=2023, figures=[f])
    p = Panel.from_reports([rep])
    assert p.frame["jurisdiction"].tolist() == ["甲\udc80区"]
    assert p.frame["indicator"].tolist() == ["注册\udc80人数"]
    assert "甲" in p._repr_html_()
    assert p.wide().index.tolist() == [("甲\udc80区", "注册\udc80人数")]
    assert p.growth().shape[0] == 0
