"""Time verify_growth_frame against a row-by-row verify_growth loop on the same frame.

Run: python bench/bench_mappers.py [n_rows]   (default 100000). Prints both timings and
the ratio; the two results are also compared row for row.
"""

from __future__ import annotations

import random
import sys
import time
from fractions import Fraction

import pandas as pd

from lawgov_metrics.growth import verify_growth
from lawgov_metrics.mappers import verify_growth_frame
from lawgov_metrics.rounding import round_fraction


def make_frame(n: int, seed: int = 0) -> pd.DataFrame:
    rng = random.Random(seed)
    rows = []
    for _ in range(n):
        p, c = rng.randint(1, 10**6), rng.randint(0, 10**6)
        reported = round_fraction(Fraction(100 * (c - p), p), rng.randint(0, 3))
        if rng.random() < 0.1:  # a tenth of the claims are off by one digit
            reported += reported.as_tuple().exponent and type(reported)(1).scaleb(
                reported.as_tuple().exponent  # type: ignore[arg-type]
            )
        rows.append((p, c, format(reported, "f")))
    return pd.DataFrame(rows, columns=["prior", "current", "reported"])


def main(n: int = 100_000) -> None:
    df = make_frame(n)
    t0 = time.perf_counter()
    out = verify_growth_frame(df)
    t1 = time.perf_counter()
    statuses = [
        verify_growth(prior=p, current=c, reported=r).status.value
        for p, c, r in zip(df["prior"].tolist(), df["current"].tolist(),
                           df["reported"].tolist(), strict=True)
    ]  # fmt: skip
    t2 = time.perf_counter()
    assert statuses == out["status"].tolist(), "mapper and scalar loop disagree"
    vec, loop = t1 - t0, t2 - t1
    print(f"{n} rows: vectorised {vec:.3f} s, row-by-row {loop:.3f} s, ratio {loop / vec:.1f}x")
    print(out["status"].value_counts().to_string())


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 100_000)
