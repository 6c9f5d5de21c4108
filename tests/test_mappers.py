"""Tests for the vectorised mappers: row-for-row agreement with the single-case checks.

The oracle is the single-case function applied to ``df[col].tolist()[i]``; every column of
the output (status, reason, the approximate and the exact values) is compared with it.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_metrics.errors import (
    ArgumentTypeError,
    ArgumentValueError,
    LawgovMetricsError,
    SchemaError,
)
from lawgov_metrics.growth import check_share, verify_growth
from lawgov_metrics.mappers import _columns, check_share_frame, verify_growth_frame
from lawgov_metrics.numerals import parse_quantity
from lawgov_metrics.strategies import DETERMINISTIC_SCHEMES, growth_cases, share_cases

ODD_ROWS = [
    (466, 786, "68.67"),
    (460, 786, "68.67"),
    (0, 5, "10"),
    (-4, 5, "10"),
    (None, 5, "10"),
    (float("nan"), 5, "10"),
    (4, 5, ""),
    (4, 5, "68.67%%"),
    (4, 5, 68.67),  # a float rate, read by its shortest repr
    (4, 5, 25.0),
    (10**30, 2 * 10**30, "100"),  # beyond int64: exact path
    (10**17, 10**17 + 1, "0.000001"),  # products overflow int64
    (Decimal("466"), Decimal("786"), Decimal("68.67")),
    (Decimal("466.0"), Decimal("786"), Decimal("68.670")),
    ("466", "786", "６８．６７"),
    (" 466 ", "786", " 68.67 % "),
    (8, 9, "12.5"),
    (8, 9, "13"),
    (1, 0, "-100"),
    (200, 1, "-100"),
    (5, -3, "-160"),
    (1000, 1, "-100.0"),  # the rate's interval reaches -100%: the prior is unbounded above
    (100, 5, "-150"),  # wholly below -100%: no positive prior
    (1000, 1, "-99.9"),
    (4, 5, "25.0000000"),  # more places than the fast path takes
    (4, 5, Fraction(25)),
    (4, 5, True),
    (True, 5, "25"),
    (4.5, 5, "10"),
    (4, 5, "+25"),
    (4, 5, "25%"),
    (parse_quantity("466件"), 786, parse_quantity("68.67%")),  # Quantities, qualifiers
    (466, 786, parse_quantity("约68.7%")),
    (parse_quantity("近500件"), 786, "68.67"),  # a prior that is itself an interval
]


def odd_frame() -> pd.DataFrame:
    df = pd.DataFrame(ODD_ROWS, columns=["prior", "current", "reported"], dtype=object)
    df["note"] = [f"row {i}" for i in range(len(df))]
    df.index = pd.Index([f"r{i}" for i in range(len(df))])
    return df


def _lists(out: pd.DataFrame) -> dict[str, list[Any]]:
    return {name: out[name].tolist() for name in out.columns}


def _none(x: object) -> object:
    return None if x is None or (not isinstance(x, Fraction) and pd.isna(x)) else x  # type: ignore[call-overload]


def assert_growth_rows_agree(df: pd.DataFrame, scheme: str = "half_up") -> None:
    """Every output column of every mode equals what verify_growth says for the row."""
    outs = {mode: _lists(verify_growth_frame(df, scheme=scheme, exact=mode))  # type: ignore[arg-type]
            for mode in (False, True, "int64")}  # fmt: skip
    columns = zip(df["prior"].tolist(), df["current"].tolist(), df["reported"].tolist(),
                  strict=True)  # fmt: skip
    for i, (p, c, r) in enumerate(columns):
        res = verify_growth(prior=p, current=c, reported=r, scheme=scheme)  # type: ignore[arg-type]
        growth = res.observed if isinstance(res.observed, Fraction) else None
        iv = res.details.get("implied_prior")
        ends = (iv.lower, iv.upper) if iv is not None and not iv.is_empty else (None, None)
        for mode, out in outs.items():
            assert (out["status"][i], out["reason"][i]) == (res.status.value, res.reason), (
                i, mode, p, c, r, res.message,
            )  # fmt: skip
            if growth is None:
                assert np.isnan(out["growth_approx"][i]), (i, mode)
            else:
                assert out["growth_approx"][i] == pytest.approx(float(growth), rel=1e-12), i
        exact = outs[True]
        assert exact["growth"][i] == growth, (i, exact["growth"][i], growth)
        assert (exact["lower"][i], exact["upper"][i]) == ends, (i, p, c, r)
        ints = outs["int64"]
        for name, value in (("growth", growth), ("lower", ends[0]), ("upper", ends[1])):
            num, den = _none(ints[f"{name}_num"][i]), _none(ints[f"{name}_den"][i])
            if value is None:
                assert (num, den) == (None, None), (i, name)
            else:
                assert (num, den) == (value.numerator, value.denominator), (i, name)


def assert_share_rows_agree(df: pd.DataFrame, scheme: str, count: bool) -> None:
    name = "count" if count else None
    outs = {mode: _lists(check_share_frame(df, count=name, scheme=scheme, exact=mode))  # type: ignore[arg-type]
            for mode in (False, True, "int64")}  # fmt: skip
    ks = df["count"].tolist() if count else [None] * len(df)
    columns = zip(df["total"].tolist(), df["reported"].tolist(), ks, strict=True)
    for i, (t, r, k) in enumerate(columns):
        res = check_share(t, r, k, scheme=scheme)  # type: ignore[arg-type]
        counts = res.details.get("counts")
        size = None if counts is None else max(0, counts.stop - counts.start)
        share = res.observed if isinstance(res.observed, Fraction) else None
        for mode, out in outs.items():
            assert (out["status"][i], out["reason"][i]) == (res.status.value, res.reason), (
                i, mode, t, r, k, res.message,
            )  # fmt: skip
            assert _none(out["n_counts"][i]) == size, i
            if size:
                assert (out["k_min"][i], out["k_max"][i]) == (counts.start, counts.stop - 1), i
            else:
                assert _none(out["k_min"][i]) is None, i
            if not count:
                assert "share_approx" not in out
            elif share is None:
                assert np.isnan(out["share_approx"][i]), i
            else:
                assert out["share_approx"][i] == pytest.approx(float(share), rel=1e-12), i
        assert outs[True]["share"][i] == share, i
        ints = outs["int64"]
        got = (_none(ints["share_num"][i]), _none(ints["share_den"][i]))
        assert got == ((None, None) if share is None else (share.numerator, share.denominator))


# --- the documented behaviour --------------------------------------------------------------


def test_odd_rows_agree_and_nothing_is_dropped() -> None:
    df = odd_frame()
    before = df.copy(deep=True)
    out = verify_growth_frame(df)
    assert len(out) == len(df)
    assert list(out.index) == list(df.index)
    assert list(out["note"]) == list(df["note"])
    pd.testing.assert_frame_equal(df, before)  # input untouched
    assert "status" not in df.columns
    assert list(out.columns) == [*df.columns, "status", "growth_approx", "reason"]
    assert_growth_rows_agree(df)
    assert list(out["status"][:4]) == ["pass", "fail", "undecidable", "undecidable"]
    assert out.loc["r10", "status"] == "pass"  # 10**30 handled exactly
    exact = verify_growth_frame(df, exact=True)
    assert (exact.loc["r21", "lower"], exact.loc["r21", "upper"]) == (2000, None)  # 1 / 0.0005
    assert (exact.loc["r22", "lower"], exact.loc["r22", "upper"]) == (None, None)
    assert out.loc["r8", "reason"] == "growth_mismatch"  # 68.67 read as "68.67"
    assert out.loc["r9", "status"] == "pass"  # 25.0 read as "25"
    assert list(out["status"][-3:]) == ["pass", "pass", "undecidable"]
    assert out["reason"].iloc[-1] == "approximate_value"


@pytest.mark.parametrize("scheme", ["half_up", "half_even", "half_down", "up_or_down",
                                    "truncate", "ceiling", "floor"])  # fmt: skip
def test_odd_rows_agree_under_every_scheme(scheme: str) -> None:
    assert_growth_rows_agree(odd_frame(), scheme)


def test_columns_of_each_mode() -> None:
    df = pd.DataFrame({"prior": [466], "current": [786], "reported": ["68.67"]})
    base = ["prior", "current", "reported"]
    assert list(verify_growth_frame(df, exact=True).columns) == [
        *base, "status", "growth", "growth_approx", "lower", "upper", "reason",
    ]  # fmt: skip
    assert list(verify_growth_frame(df, exact="int64").columns) == [
        *base, "status", "growth_num", "growth_den", "growth_approx", "lower_num",
        "lower_den", "upper_num", "upper_den", "reason",
    ]  # fmt: skip
    out = verify_growth_frame(df)
    assert isinstance(out["status"].dtype, pd.CategoricalDtype)
    assert out["growth_approx"].dtype == np.float64
    ints = verify_growth_frame(df, exact="int64")
    assert str(ints["growth_num"].dtype) == "Int64"
    assert ints.loc[0, "growth_num"] == 16000


def test_result_columns_replace_input_columns_of_the_same_name() -> None:
    df = pd.DataFrame({"status": ["x"], "prior": [466], "current": [786], "reported": ["68.67"]})
    out = verify_growth_frame(df)
    assert list(out.columns) == ["status", "prior", "current", "reported", "growth_approx",
                                 "reason"]  # fmt: skip
    assert out.loc[0, "status"] == "pass"
    assert df.loc[0, "status"] == "x"


def test_changing_the_result_leaves_the_input_alone() -> None:
    df = pd.DataFrame({"prior": [466], "current": [786], "reported": ["68.67"]})
    out = verify_growth_frame(df)
    out.loc[0, "prior"] = 1
    assert df.loc[0, "prior"] == 466


def test_half_even_tie_in_frame() -> None:
    df = pd.DataFrame({"prior": [8, 8], "current": [9, 9], "reported": ["12", "13"]})
    out = verify_growth_frame(df, scheme="half_even")
    assert list(out["status"]) == ["pass", "fail"]
    up = verify_growth_frame(df, scheme="half_up")
    assert list(up["status"]) == ["fail", "pass"]


def test_int64_and_nullable_columns() -> None:
    df = pd.DataFrame(
        {
            "p": pd.array([466, None, 2**62], dtype="Int64"),
            "c": np.array([786, 5, 2**62], dtype=np.int64),
            "r": ["68.67", "1", "0"],
        }
    )
    out = verify_growth_frame(df, prior="p", current="c", reported="r")
    assert list(out["status"]) == ["pass", "undecidable", "pass"]
    assert out["reason"][1] == "missing_value"


def test_float_column_with_nan() -> None:
    df = pd.DataFrame({"prior": [466.0, np.nan, 4.5], "current": [786] * 3,
                       "reported": ["68.67"] * 3})  # fmt: skip
    out = verify_growth_frame(df)
    assert list(out["status"]) == ["pass", "undecidable", "undecidable"]
    assert list(out["reason"]) == ["", "missing_value", "bad_input"]
    assert_growth_rows_agree(df)


def test_float_rate_column_is_read_by_shortest_repr() -> None:
    df = pd.DataFrame({"prior": [466, 466, 8, 4, 4], "current": [786, 786, 9, 5, 5],
                       "reported": [68.67, 68.7, 12.5, np.nan, np.inf]})  # fmt: skip
    out = verify_growth_frame(df)
    assert list(out["status"]) == ["pass", "pass", "pass", "undecidable", "undecidable"]
    assert list(out["reason"][3:]) == ["missing_value", "bad_input"]
    assert_growth_rows_agree(df)


def test_a_true_claim_is_never_failed_for_being_a_float() -> None:
    # "63.10" loses its trailing zero as a float; the wider interval of "63.1" still holds it
    df = pd.DataFrame({"prior": [1000, 1000], "current": [1631, 1000], "reported": [63.10, 0.0]})
    assert list(verify_growth_frame(df)["status"]) == ["pass", "pass"]


# --- int64 overflow ----------------------------------------------------------------------


def test_values_near_2_to_the_63_take_the_exact_path() -> None:
    big = 2**63 - 1
    df = pd.DataFrame(
        {
            "prior": np.array([big, big - 1, 2**62, 3, big // 2, 1], dtype=np.int64),
            "current": np.array([big, big, 2**62 + 2**61, big, big, big], dtype=np.int64),
            "reported": ["0", "0.000000", "50", "1", "100", "1"],
        }
    )
    out = verify_growth_frame(df, exact=True)
    assert_growth_rows_agree(df)
    assert list(out["status"][:3]) == ["pass", "pass", "pass"]
    assert out["growth"][2] == 50
    assert out["growth"][0] == 0


def test_uint64_beyond_int64() -> None:
    df = pd.DataFrame({"prior": np.array([2**64 - 2, 10], dtype=np.uint64),
                       "current": np.array([2**64 - 1, 11], dtype=np.uint64),
                       "reported": ["0", "10"]})  # fmt: skip
    out = verify_growth_frame(df, exact=True)
    assert list(out["status"]) == ["pass", "pass"]
    assert out["growth"][0] == Fraction(100, 2**64 - 2)
    assert_growth_rows_agree(df)


def test_exact_int64_columns_fall_back_to_objects_beyond_64_bits() -> None:
    df = pd.DataFrame({"prior": [10**30, 466], "current": [2 * 10**30, 786],
                       "reported": ["100", "68.67"]}, dtype=object)  # fmt: skip
    out = verify_growth_frame(df, exact="int64")
    assert out["lower_num"].dtype == object
    assert out.loc[0, "lower_num"] == 4 * 10**32
    assert out.loc[1, "lower_num"] == 1048000
    assert str(out["growth_num"].dtype) == "Int64"  # 100 and 16000/233 fit


# --- share --------------------------------------------------------------------------------


def test_share_frame_example() -> None:
    df = pd.DataFrame({"total": [1497, 1497, 7], "reported": ["98.73"] * 2 + ["50.0"],
                       "count": [1478, 1477, None]})  # fmt: skip
    out = check_share_frame(df, count="count", exact=True)
    assert list(out["status"]) == ["pass", "fail", "fail"]
    assert list(out["reason"]) == ["", "count_mismatch", "no_integer_count"]
    assert out["k_min"][0] == 1478
    assert out["k_min"][2] is None  # objects, as before exact= existed
    assert out["share"][0] == Fraction(147800, 1497)
    plain = check_share_frame(df, count="count")
    assert str(plain["k_min"].dtype) == "Int64"
    assert plain["k_min"].tolist() == [1478, 1478, pd.NA]
    assert plain["share_approx"][0] == pytest.approx(98.7308, abs=1e-4)
    assert "share" not in plain.columns
    assert_share_rows_agree(df, "half_up", count=True)


SHARE_ROWS = [
    (1497, "98.73", 1478),
    (1497, "98.73", None),
    (1497, "98.73", float("nan")),
    (7, "50.0", None),
    (10, "100.5", 10),
    (10, "-0.5", None),
    (10, "0", 11),
    (10, "0", -1),
    (10, "50", "5"),
    (10, "50", 4.5),
    (10, "50", "x"),
    (0, "50", None),
    (-3, "50", None),
    (None, "50", None),
    (4.5, "50", None),
    ("4.5", "50", None),
    (10, None, 5),
    (10, "", 5),
    (10, 50.0, 5),
    (10**30, "33.3", None),
    (3 * 10**17, "33.333333", 10**17),
    (2**63 - 1, "50", 2**62),
    (8, "12.5", 1),
    (8, "12", 1),
    (2000, "10.0", None),
]


@pytest.mark.parametrize("scheme", ["half_up", "half_even", "half_down", "up_or_down",
                                    "truncate", "ceiling", "floor"])  # fmt: skip
def test_share_odd_rows_agree_under_every_scheme(scheme: str) -> None:
    df = pd.DataFrame(SHARE_ROWS, columns=["total", "reported", "count"], dtype=object)
    assert_share_rows_agree(df, scheme, count=True)
    assert_share_rows_agree(df, scheme, count=False)


def test_share_int_columns_near_2_to_the_63() -> None:
    big = 2**63 - 1
    totals = np.array([big, 4, big // 3, 10, 10], dtype=np.int64)
    counts = np.array([big // 2, 1, big // 9, 2**62, -big], dtype=np.int64)
    rates = ["50", "25", "33.333333", "50", "50"]
    df = pd.DataFrame({"total": totals, "reported": rates, "count": counts})
    assert_share_rows_agree(df, "half_up", count=True)
    assert_share_rows_agree(df, "half_up", count=False)


# --- bad arguments ------------------------------------------------------------------------


def test_missing_column_is_a_schema_error() -> None:
    with pytest.raises(SchemaError, match="prior"):
        verify_growth_frame(pd.DataFrame({"current": [1], "reported": ["1"]}))
    with pytest.raises(SchemaError, match="count"):
        check_share_frame(pd.DataFrame({"total": [1], "reported": ["1"]}), count="k")


@pytest.mark.parametrize("frame", [[1, 2], None, {"prior": [1]}, pd.Series([1])])
def test_a_non_frame_is_an_argument_type_error(frame: object) -> None:
    for fn in (verify_growth_frame, check_share_frame):
        with pytest.raises(ArgumentTypeError, match=r"df=.*DataFrame") as info:
            fn(frame)  # type: ignore[operator]
        assert isinstance(info.value, TypeError)
        assert isinstance(info.value, LawgovMetricsError)
        assert info.value.argument == "df"


def test_bad_scheme_exact_and_column_names() -> None:
    df = pd.DataFrame({"prior": [1], "current": [1], "reported": ["0"], "total": [1]})
    with pytest.raises(ArgumentValueError, match=r"scheme='x'.*half_up"):
        verify_growth_frame(df, scheme="x")  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError, match=r"scheme='banker'"):
        check_share_frame(df, scheme="banker")  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError, match=r"exact='fractions'.*int64"):
        verify_growth_frame(df, exact="fractions")  # type: ignore[arg-type]
    with pytest.raises(ArgumentValueError, match="exact"):
        check_share_frame(df, exact=1)  # type: ignore[arg-type]
    with pytest.raises(ArgumentTypeError, match="prior"):
        verify_growth_frame(df, prior=["prior"])  # type: ignore[arg-type]


def test_empty_frame() -> None:
    df = pd.DataFrame({"prior": pd.Series([], dtype=np.int64),
                       "current": pd.Series([], dtype=np.int64),
                       "reported": pd.Series([], dtype="str")})  # fmt: skip
    for mode in (False, True, "int64"):
        out = verify_growth_frame(df, exact=mode)  # type: ignore[arg-type]
        assert len(out) == 0
        assert "status" in out.columns
    assert len(check_share_frame(df.rename(columns={"prior": "total"}), exact=True)) == 0


# --- column types and the reader without pyarrow -----------------------------------------


def typed_frames(rows: list[tuple[Any, Any, Any]]) -> list[pd.DataFrame]:
    """The same rows as object columns, as pandas text columns and, where possible, typed."""
    obj = pd.DataFrame(rows, columns=["prior", "current", "reported"], dtype=object)
    text = obj.astype({"reported": "str"}) if all(
        isinstance(r, str) or r is None for r in obj["reported"]
    ) else obj  # fmt: skip
    frames = [obj, text]
    ints = [isinstance(v, int) and not isinstance(v, bool) and abs(v) < 2**63
            for v in obj["prior"].tolist() + obj["current"].tolist()]  # fmt: skip
    if all(ints):
        frames.append(text.astype({"prior": "int64", "current": "int64"}))
        frames.append(text.astype({"prior": "Int64", "current": "Int64"}))
        frames.append(text.astype({"prior": "float64", "current": "float64"}))
    return frames


TEXT_ROWS = [
    (466, 786, "68.67"), (460, 786, "68.67"), (8, 9, "12.5"), (8, 9, "-12.5"),
    (4, 5, None), (4, 5, "  "), (4, 5, "x"), (4, 5, "25.000000"), (4, 5, "25.0000001"),
    (4, 5, "+25"), (4, 5, "25%"), (4, 5, "２５"), (4, 5, "-0.0"), (4, 5, "1,025"),
    (4, 5, "0025.0"), (4, 5, "25."), (4, 5, ".5"), (4, 5, "1e1"), (2**62, 2**62, "0"),
]  # fmt: skip


def test_text_and_typed_columns_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    for df in typed_frames(TEXT_ROWS):
        assert_growth_rows_agree(df)
    monkeypatch.setattr(_columns, "_arrow", lambda: None)  # as without pyarrow
    for df in typed_frames(TEXT_ROWS):
        assert_growth_rows_agree(df)


def test_categorical_and_string_dtypes() -> None:
    base = pd.DataFrame(TEXT_ROWS, columns=["prior", "current", "reported"], dtype=object)
    for dtype in ("category", "string", "string[python]", "str"):
        df = base.astype({"reported": dtype})
        assert_growth_rows_agree(df)


def test_without_pyarrow_the_results_are_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    rng = np.random.default_rng(7)
    n = 3000
    p = rng.integers(1, 5000, n)
    c = rng.integers(0, 5000, n)
    rate = [f"{x:.{d}f}" for x, d in zip(100 * (c - p) / p, rng.integers(0, 4, n), strict=True)]
    rate[::17] = [None] * len(rate[::17])
    df = pd.DataFrame({"prior": p, "current": c, "reported": pd.array(rate, dtype="str"),
                       "total": p, "count": np.minimum(c, p)})  # fmt: skip
    with_arrow = verify_growth_frame(df, exact="int64")
    shares = check_share_frame(df.assign(reported=df["reported"].str.lstrip("-")), count="count")
    monkeypatch.setattr(_columns, "_arrow", lambda: None)
    pd.testing.assert_frame_equal(verify_growth_frame(df, exact="int64"), with_arrow)
    pd.testing.assert_frame_equal(
        check_share_frame(df.assign(reported=df["reported"].str.lstrip("-")), count="count"),
        shares,
    )


# --- generated frames (a few rows of every kind; the big ones are in test_mappers_scale) --

junk = st.sampled_from([None, float("nan"), "", "x", "68.67%%", -1, 0, 10**25, "12,345", 1.5])


@st.composite
def growth_frames(draw: st.DrawFn) -> tuple[pd.DataFrame, str]:
    scheme = draw(st.sampled_from(DETERMINISTIC_SCHEMES))
    rows = []
    for case in draw(st.lists(growth_cases(10**6, schemes=[scheme]), max_size=8)):
        rows.append([case.prior, case.current, case.reported])
    for _ in range(draw(st.integers(0, 4))):
        rates = st.sampled_from(["0", "12.5", "-100", "68.67"])
        rows.append([draw(st.one_of(junk, st.integers(1, 10**6))),
                     draw(st.one_of(junk, st.integers(0, 10**6))),
                     draw(st.one_of(junk, rates))])  # fmt: skip
    big = draw(st.integers(10**18, 10**40))
    rows.append([big, big + draw(st.integers(0, big)), "50"])
    order = draw(st.permutations(range(len(rows))))
    df = pd.DataFrame([rows[i] for i in order], columns=["prior", "current", "reported"],
                      dtype=object)  # fmt: skip
    return df, scheme


@settings(max_examples=60, deadline=None)
@given(frame=growth_frames())
def test_growth_mapper_agrees_with_scalar(frame: tuple[pd.DataFrame, str]) -> None:
    df, scheme = frame
    assert_growth_rows_agree(df, scheme)


@st.composite
def share_frames(draw: st.DrawFn) -> tuple[pd.DataFrame, str]:
    scheme = draw(st.sampled_from(DETERMINISTIC_SCHEMES))
    rows = []
    for case in draw(st.lists(share_cases(3000, schemes=[scheme]), max_size=8)):
        k = draw(st.one_of(st.just(case.count), st.none(), st.integers(-2, case.total + 2)))
        rows.append([case.total, draw(st.sampled_from([case.reported, "99.9", "100.5"])), k])
    for _ in range(draw(st.integers(0, 3))):
        rows.append([draw(junk), draw(st.one_of(junk, st.just("50"))), draw(junk)])
    rows.append([draw(st.integers(10**17, 10**30)), "33.3", None])
    df = pd.DataFrame(rows, columns=["total", "reported", "count"], dtype=object)
    return df, scheme


@settings(max_examples=60, deadline=None)
@given(frame=share_frames(), with_count=st.booleans())
def test_share_mapper_agrees_with_scalar(frame: tuple[pd.DataFrame, str], with_count: bool) -> None:
    df, scheme = frame
    assert_share_rows_agree(df, scheme, with_count)
