"""Tests for the vectorised mappers: row-for-row agreement with the single-case checks."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lawgov_metrics.errors import SchemaError
from lawgov_metrics.growth import check_share, verify_growth
from lawgov_metrics.mappers import check_share_frame, verify_growth_frame
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
    (4, 5, 68.67),
    (10**30, 2 * 10**30, "100"),  # overflows int64: exact path
    (10**17, 10**17 + 1, "0.000001"),  # products overflow int64
    (Decimal("466"), Decimal("786"), Decimal("68.67")),
    ("466", "786", "６８．６７"),
    (8, 9, "12.5"),
    (8, 9, "13"),
    (1, 0, "-100"),
    (200, 1, "-100"),
    (4, 5, "25.0000000"),  # more places than the fast path takes
]


def odd_frame() -> pd.DataFrame:
    df = pd.DataFrame(ODD_ROWS, columns=["prior", "current", "reported"], dtype=object)
    df["note"] = [f"row {i}" for i in range(len(df))]
    df.index = pd.Index([f"r{i}" for i in range(len(df))])
    return df


def assert_growth_rows_agree(df: pd.DataFrame, out: pd.DataFrame, scheme: str = "half_up") -> None:
    for i in range(len(df)):
        row = df.iloc[i]
        r = verify_growth(
            prior=row["prior"], current=row["current"], reported=row["reported"],
            scheme=scheme,  # type: ignore[arg-type]
        )  # fmt: skip
        got = out.iloc[i]
        assert got["status"] == r.status.value, (i, r.message)
        assert got["reason"] == r.reason, i
        expected_growth = r.observed if isinstance(r.observed, Fraction) else None
        assert got["growth"] == expected_growth, i
        iv = r.details.get("implied_prior")
        if iv is not None and not iv.is_empty:
            assert (got["lower"], got["upper"]) == (iv.lower, iv.upper), i
        if expected_growth is not None:
            assert got["growth_approx"] == pytest.approx(float(expected_growth))
        else:
            assert np.isnan(got["growth_approx"])


def test_odd_rows_agree_and_nothing_is_dropped() -> None:
    df = odd_frame()
    before = df.copy(deep=True)
    out = verify_growth_frame(df)
    assert len(out) == len(df)
    assert list(out.index) == list(df.index)
    assert list(out["note"]) == list(df["note"])
    pd.testing.assert_frame_equal(df, before)  # input untouched
    assert "status" not in df.columns
    assert_growth_rows_agree(df, out)
    assert list(out["status"][:4]) == ["pass", "fail", "undecidable", "undecidable"]
    assert out.loc["r9", "status"] == "pass"  # 10**30 handled exactly


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
    df = pd.DataFrame({"prior": [466.0, np.nan], "current": [786, 786], "reported": ["68.67"] * 2})
    out = verify_growth_frame(df)
    assert list(out["status"]) == ["pass", "undecidable"]


def test_missing_column_is_a_schema_error() -> None:
    with pytest.raises(SchemaError, match="prior"):
        verify_growth_frame(pd.DataFrame({"current": [1], "reported": ["1"]}))
    with pytest.raises(SchemaError, match="count"):
        check_share_frame(pd.DataFrame({"total": [1], "reported": ["1"]}), count="k")


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
    out = verify_growth_frame(df, scheme=scheme)  # type: ignore[arg-type]
    assert_growth_rows_agree(df, out, scheme)
    # also with clean int64 columns where possible
    ints = df[[isinstance(p, int) and isinstance(c, int) and abs(p) < 2**62 and abs(c) < 2**62
               for p, c in zip(df["prior"], df["current"], strict=True)]]  # fmt: skip
    if len(ints):
        typed = ints.astype({"prior": "int64", "current": "int64"})
        assert_growth_rows_agree(typed, verify_growth_frame(typed, scheme=scheme), scheme)  # type: ignore[arg-type]


def assert_share_rows_agree(df: pd.DataFrame, out: pd.DataFrame, scheme: str, count: bool) -> None:
    for i in range(len(df)):
        row = df.iloc[i]
        r = check_share(row["total"], row["reported"], row["count"] if count else None,
                        scheme=scheme)  # type: ignore[arg-type]  # fmt: skip
        got = out.iloc[i]
        assert (got["status"], got["reason"]) == (r.status.value, r.reason), (i, r.message)
        counts = r.details.get("counts")
        if counts is not None and counts.stop > counts.start:
            assert (got["k_min"], got["k_max"]) == (counts.start, counts.stop - 1)
            assert got["n_counts"] == counts.stop - counts.start
        else:
            assert got["k_min"] is None
        assert got["share"] == (r.observed if isinstance(r.observed, Fraction) else None)


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
    out = check_share_frame(df, count="count" if with_count else None, scheme=scheme)  # type: ignore[arg-type]
    assert len(out) == len(df)
    assert_share_rows_agree(df, out, scheme, with_count)


def test_share_frame_example() -> None:
    df = pd.DataFrame({"total": [1497, 1497, 7], "reported": ["98.73"] * 2 + ["50.0"],
                       "count": [1478, 1477, None]})  # fmt: skip
    out = check_share_frame(df, count="count")
    assert list(out["status"]) == ["pass", "fail", "fail"]
    assert list(out["reason"]) == ["", "count_mismatch", "no_integer_count"]
    assert out["k_min"][0] == 1478
    assert out["share"][0] == Fraction(147800, 1497)
