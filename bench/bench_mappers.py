"""Speed of the exact frame checks against the inexact pandas idioms, in the same run.

Run: python bench/bench_mappers.py [n_rows ...]   (default 1000000). For each size it times,
on the same frame, each best of several runs:

* string rates: ``verify_growth_frame`` against the inexact idiom
  ``((cur - prior) / prior * 100).round(2) == reported.astype(float)``, and
  ``check_share_frame`` against the float GRIM idiom;
* int columns (prior, current and an integer percent): ``verify_growth_frame`` and
  ``check_share_frame`` against bare numpy division ``current / prior`` on the same arrays.

It prints rows/s and the ratios (exact time / baseline time: at most 1.0 means the exact
check is at least as fast), and how many rows the idiom gets wrong. Times are the CPU time
of this process (``time.process_time``, best of several runs), so other processes on a
shared machine do not count; ratios within one run are what count, as absolute speeds move
with the machine's load.

``numpy division (result kept)`` is the same division with each result kept alive, so that
it is written to fresh memory as a result column is; on machines where first-touch page
faults are dear, this is the cost of making any 1 M-row float column.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from lawgov_metrics.mappers import check_share_frame, verify_growth_frame


def _round_half_up(num: np.ndarray[Any, Any], den: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    """Exact 四舍五入 of num / den (den > 0) to an integer, in int64."""
    a = np.abs(num)
    return np.sign(num) * ((2 * a + den) // (2 * den))


def growth_frame(n: int, seed: int = 0) -> pd.DataFrame:
    """Growth claims: mostly true at 2 decimals, a tenth off by one unit, 2% exact ties."""
    rng = np.random.default_rng(seed)
    p = rng.integers(1, 10**6, n)
    c = rng.integers(0, 10**6, n)
    tie = rng.random(n) < 0.02  # growth exactly halfway between two written values
    m = rng.integers(1, 50, n)
    k = rng.integers(-10_000, 30_000, n)
    p = np.where(tie, 20_000 * m, p)
    c = np.where(tie, m * (20_000 + 2 * k + 1), c)
    rate = _round_half_up(10_000 * (c - p), p)
    rate += np.where(rng.random(n) < 0.1, rng.choice([-1, 1], n), 0)
    text = [f"{'-' if r < 0 else ''}{abs(r) // 100}.{abs(r) % 100:02d}" for r in rate.tolist()]
    return pd.DataFrame({"prior": p, "current": c, "reported": pd.array(text, dtype="str")})


def share_frame(n: int, seed: int = 1) -> pd.DataFrame:
    """Shares of whole counts at 2 decimals, a tenth of them off by one unit."""
    rng = np.random.default_rng(seed)
    t = rng.integers(1, 10**5, n)
    k = (rng.random(n) * (t + 1)).astype(np.int64)
    rate = _round_half_up(10_000 * k, t)
    rate += np.where(rng.random(n) < 0.1, rng.choice([-1, 1], n), 0)
    text = [f"{r // 100}.{r % 100:02d}" if r >= 0 else "0.00" for r in rate.tolist()]
    return pd.DataFrame({"total": t, "count": k, "reported": pd.array(text, dtype="str")})


def best(fn: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.process_time()
        fn()
        times.append(time.process_time() - t0)
    return min(times)


def line(label: str, n: int, seconds: float, baseline: float, against: str) -> None:
    print(
        f"  {label:<44} {n / seconds / 1e6:8.2f} M rows/s   "
        f"ratio {seconds / baseline:5.2f} vs {against}"
    )


def main(n: int) -> None:
    print(f"{n:,} rows")
    g = growth_frame(n)
    idiom = (((g["current"] - g["prior"]) / g["prior"] * 100).round(2)
             == g["reported"].astype(float))  # fmt: skip
    exact = verify_growth_frame(g)["status"] == "pass"
    t_idiom = best(lambda: ((g["current"] - g["prior"]) / g["prior"] * 100).round(2)
                   == g["reported"].astype(float))  # fmt: skip
    t_exact = best(lambda: verify_growth_frame(g))
    print(f"  inexact growth idiom {n / t_idiom / 1e6:8.2f} M rows/s, "
          f"wrong on {int((idiom != exact).sum())} of {n:,} rows")  # fmt: skip
    line("verify_growth_frame, string rates", n, t_exact, t_idiom, "idiom")

    s = share_frame(n)
    rate = s["reported"].astype(float)

    def grim_idiom() -> object:
        r = s["reported"].astype(float)
        k = (r / 100 * s["total"]).round()
        return (k / s["total"] * 100).round(2) == r

    def count_idiom() -> object:
        return (s["count"] / s["total"] * 100).round(2) == s["reported"].astype(float)

    wrong = int(((s["count"] / s["total"] * 100).round(2) == rate).ne(
        check_share_frame(s, count="count")["status"] == "pass").sum())  # fmt: skip
    t_grim, t_count = best(grim_idiom), best(count_idiom)
    t_share = best(lambda: check_share_frame(s))
    t_share_k = best(lambda: check_share_frame(s, count="count"))
    print(f"  inexact count idiom wrong on {wrong} of {n:,} rows")
    line("check_share_frame, string rates", n, t_share, t_grim, "float GRIM idiom")
    line("check_share_frame + count, string rates", n, t_share_k, t_count, "count idiom")

    ints = g.assign(reported=_round_half_up(100 * (g["current"] - g["prior"]).to_numpy(),
                                            g["prior"].to_numpy()))  # fmt: skip
    pa, ca = ints["prior"].to_numpy(), ints["current"].to_numpy()
    t_div = best(lambda: ca / pa, repeat=15)
    kept: list[object] = []
    t_kept = best(lambda: kept.append(ca / pa), repeat=9)
    kept.clear()
    t_int = best(lambda: verify_growth_frame(ints), repeat=15)
    print(f"  bare numpy division {n / t_div / 1e6:8.2f} M rows/s, "
          f"result kept {n / t_kept / 1e6:8.2f} M rows/s")  # fmt: skip
    line("verify_growth_frame, int columns", n, t_int, t_div, "numpy division")
    line("", n, t_int, t_kept, "numpy division (result kept)")
    si = s.assign(reported=_round_half_up(100 * s["count"].to_numpy(), s["total"].to_numpy()))
    ta, ka = si["total"].to_numpy(), si["count"].to_numpy()
    t_div = best(lambda: ka / ta, repeat=15)
    t_sint = best(lambda: check_share_frame(si), repeat=9)
    t_sint_k = best(lambda: check_share_frame(si, count="count"), repeat=9)
    line("check_share_frame, int columns", n, t_sint, t_div, "numpy division")
    line("check_share_frame + count, int columns", n, t_sint_k, t_div, "numpy division")
    t_big = best(lambda: verify_growth_frame(ints, exact="int64"), repeat=3)
    line("verify_growth_frame, int columns, exact='int64'", n, t_big, t_div, "numpy division")


if __name__ == "__main__":
    for arg in sys.argv[1:] or ["1000000"]:
        main(int(arg))
