"""The vectorised mappers on thousands of generated rows, against the single-case checks.

Hypothesis draws the scheme, the column layout and a seed; the rows are then generated in
bulk: true claims, exact ties, growths and shares just either side of a rounding boundary
(where a float check goes wrong), values near 2**63, zero and negative priors, missing and
unreadable values, and claims off by one unit in the last digit.
"""

from __future__ import annotations

import random
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st
from test_mappers import assert_growth_rows_agree, assert_share_rows_agree

from lawgov_metrics.growth import verify_growth
from lawgov_metrics.mappers import verify_growth_frame
from lawgov_metrics.rounding import SCHEMES, round_fraction

LAYOUTS = ["int64+text", "object", "nullable+text", "float", "decimal"]
ODD_VALUES: list[object] = [None, float("nan"), "", "x", "68.67%%", True, 4.5, "１２"]


def _writer(scheme: str, rnd: random.Random) -> str:
    """The scheme a report writer used: up_or_down means either half rule."""
    if scheme == "up_or_down":
        return rnd.choice(["half_up", "half_down"])
    return scheme


def _perturb(rate: Decimal, rnd: random.Random) -> Decimal:
    exponent = rate.as_tuple().exponent
    assert isinstance(exponent, int)
    return rate + rnd.choice([-1, 1]) * Decimal(1).scaleb(exponent)


def growth_rows(rnd: random.Random, n: int, scheme: str, *, wide: bool) -> list[list[object]]:
    """``n`` rows ``[prior, current, reported]``; ``wide`` allows values beyond int64."""
    top = 2**63 - 1
    rows: list[list[object]] = []
    for _ in range(n):
        d = rnd.choice([0, 1, 2, 2, 2, 3, 6])
        s = 200 * 10**d
        kind = rnd.random()
        if kind < 0.25:  # an exact tie: the growth is halfway between two written values
            m, k = rnd.randint(1, 20), rnd.randint(-(s // 2), 3 * s)
            p, c = s * m, m * (s + 2 * k + 1)
        elif kind < 0.5:  # just below or above the boundary between two written values
            p = rnd.randint(1, 10**7)
            w = rnd.randint(-100 * 10**d + 1, 500 * 10**d)
            c = p * (s + 2 * w + rnd.choice([-1, 1])) // s + rnd.choice([0, 1])
        elif kind < 0.56:  # near 2**63 (and beyond when the layout allows)
            hi = 2**70 if wide else top
            p = rnd.randint(2**61, hi)
            c = min(hi, max(0, p + rnd.randint(-(p // 2), p)))
        elif kind < 0.6:
            p, c = rnd.choice([0, -5, 7]), rnd.choice([0, -3, 11])
        else:
            p, c = rnd.randint(1, 10**6), rnd.randint(0, 10**6)
        if p > 0:
            rate = round_fraction(Fraction(100 * (c - p), p), d, _writer(scheme, rnd))  # type: ignore[arg-type]
        else:
            rate = Decimal(rnd.randint(-200, 200)).scaleb(-d)
        if rnd.random() < 0.15:
            rate = _perturb(rate, rnd)
        rows.append([p, c, format(rate, "f")])
    return rows


def _layout(rows: list[list[object]], layout: str, rnd: random.Random) -> pd.DataFrame:
    cols = ["prior", "current", "reported"]
    df = pd.DataFrame(rows, columns=cols, dtype=object)
    if layout == "object":  # odd values anywhere, Decimals and floats among them
        for row in rnd.sample(range(len(df)), k=len(df) // 20):
            df.iat[row, 2] = Decimal(str(df.iat[row, 2]))
        for row in rnd.sample(range(len(df)), k=len(df) // 20):
            df.iat[row, rnd.randrange(len(cols))] = rnd.choice(ODD_VALUES)
        return df
    value_cols = cols[:2]
    if layout == "decimal":
        return df.assign(reported=[Decimal(r) for r in df["reported"]])
    if layout == "float":
        out = df.astype(dict.fromkeys(value_cols, "float64"))
        return out.assign(reported=df["reported"].astype("float64"))
    if layout == "nullable+text":
        out = df.astype(dict.fromkeys(value_cols, "Int64"))
        for row in rnd.sample(range(len(df)), k=len(df) // 20):
            out.iat[row, rnd.randrange(len(value_cols))] = pd.NA
        text = df["reported"].astype(object)
        text[rnd.sample(range(len(df)), k=len(df) // 20)] = None
        return out.assign(reported=pd.array(text.tolist(), dtype="str"))
    return df.astype(dict.fromkeys(value_cols, "int64")).astype({"reported": "str"})


@settings(max_examples=10, deadline=None)
@given(
    scheme=st.sampled_from(SCHEMES),
    layout=st.sampled_from(LAYOUTS),
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(300, 1200),
)
def test_growth_frame_agrees_with_verify_growth_on_thousands_of_rows(
    scheme: str, layout: str, seed: int, n: int
) -> None:
    rnd = random.Random(seed)
    wide = layout in ("object", "decimal")
    df = _layout(growth_rows(rnd, n, scheme, wide=wide), layout, rnd)
    assert_growth_rows_agree(df, scheme)


def share_rows(rnd: random.Random, n: int, scheme: str, *, wide: bool) -> list[list[object]]:
    """``n`` rows ``[total, reported, count]``."""
    rows: list[list[object]] = []
    for _ in range(n):
        d = rnd.choice([0, 1, 1, 2, 2, 3, 6])
        kind = rnd.random()
        if kind < 0.25:  # ties: totals that make k/t land halfway
            t = rnd.choice([2, 4, 8, 16, 40, 80, 200, 400, 2000, 20000])
        elif kind < 0.3:
            t = rnd.randint(2**61, 2**70 if wide else 2**63 - 1)
        elif kind < 0.33:
            t = rnd.choice([0, -4, 1])
        else:
            t = rnd.randint(1, 10**5)
        k = rnd.randint(0, max(t, 0))
        if t > 0:
            rate = round_fraction(Fraction(100 * k, t), d, _writer(scheme, rnd))  # type: ignore[arg-type]
        else:
            rate = Decimal(rnd.randint(0, 100))
        if rnd.random() < 0.2:
            rate = _perturb(rate, rnd)
        count: object = k if rnd.random() < 0.6 else None
        if rnd.random() < 0.05:
            count = rnd.choice([-1, t + 1, k + 1])
        rows.append([t, format(rate, "f"), count])
    return rows


@settings(max_examples=10, deadline=None)
@given(
    scheme=st.sampled_from(SCHEMES),
    layout=st.sampled_from(["int64+text", "object", "decimal", "float"]),
    seed=st.integers(0, 2**32 - 1),
    n=st.integers(300, 1200),
    with_count=st.booleans(),
)
def test_share_frame_agrees_with_check_share_on_thousands_of_rows(
    scheme: str, layout: str, seed: int, n: int, with_count: bool
) -> None:
    rnd = random.Random(seed)
    rows = share_rows(rnd, n, scheme, wide=layout in ("object", "decimal"))
    df = pd.DataFrame(rows, columns=["total", "reported", "count"], dtype=object)
    if layout == "int64+text":
        df = df.assign(total=df["total"].astype("int64"), reported=df["reported"].astype("str"))
    elif layout == "decimal":
        df = df.assign(reported=[Decimal(r) for r in df["reported"]])
    elif layout == "float":
        df = df.assign(total=df["total"].astype("float64"),
                       reported=df["reported"].astype("float64"))  # fmt: skip
    else:
        for row in rnd.sample(range(len(df)), k=len(df) // 20):
            df.iat[row, rnd.randrange(3)] = rnd.choice(ODD_VALUES)
    assert_share_rows_agree(df, scheme, with_count)


def test_the_float_idiom_gets_near_misses_wrong_and_the_frame_does_not() -> None:
    """On rows at and beside rounding boundaries the inexact idiom errs; the frame never."""
    rnd = random.Random(2023)
    rows = [r for r in growth_rows(rnd, 6000, "half_up", wide=False)
            if isinstance(r[0], int) and r[0] > 0 and r[1] >= 0 and r[0] < 2**52
            and r[1] < 2**52 and len(str(r[2]).partition(".")[2]) == 2]  # fmt: skip
    df = pd.DataFrame(rows, columns=["prior", "current", "reported"])
    df = df.astype({"prior": "int64", "current": "int64", "reported": "str"})
    truth = np.array([verify_growth(prior=p, current=c, reported=r).status.value == "pass"
                      for p, c, r in rows])  # fmt: skip
    idiom = (((df["current"] - df["prior"]) / df["prior"] * 100).round(2)
             == df["reported"].astype(float)).to_numpy()  # fmt: skip
    exact = (verify_growth_frame(df)["status"] == "pass").to_numpy()
    assert (exact == truth).all()
    assert (idiom != truth).sum() >= 10  # ties and near misses the float check gets wrong
