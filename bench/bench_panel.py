"""Time Panel.from_frame + growth() against sort + groupby pct_change on the same long frame.

Run: python bench/bench_panel.py [places ...]   (default: 100 and 3000 places, i.e. 150,000
and 4,500,000 rows of 100 indicators × 15 years). Each size runs in a fresh interpreter, so
its peak memory is its own. For each size and row order (sorted as generated, shuffled) it
prints:

* the time of ``Panel.from_frame(df).growth()``, best of a few runs;
* the baseline ``df.sort_values([...]).groupby([...])["value"].pct_change()`` on the same
  frame, measured in the same run (best of as many runs), and the ratio of the two, in wall
  time and in CPU time (the CPU ratio is steadier on a machine shared with other work);
* memory: the peak traced by tracemalloc during from_frame + growth, per input row, and the
  process's peak RSS per row (which also counts the interpreter, pandas and the input).

The frame has int64 counts with about 2% gaps (rows left out), 1% zero and 1% negative
values, so the exact paths for gaps and undefined growth run too. Machine noise moves the
absolute times; compare ratios measured in one run.
"""

from __future__ import annotations

import gc
import json
import resource
import subprocess
import sys
import time
import tracemalloc

import numpy as np
import pandas as pd

INDICATORS, YEARS = 100, 15


def make_frame(places: int, *, shuffled: bool, seed: int = 0) -> pd.DataFrame:
    """The long frame: places × indicators × years, a few gaps, zeros and negatives."""
    rng = np.random.default_rng(seed)
    jur = np.array([f"第{i:04d}区" for i in range(places)], dtype=object)
    ind = np.array([f"指标{i:03d}" for i in range(INDICATORS)], dtype=object)
    n = places * INDICATORS * YEARS
    value = rng.integers(1, 100_000, n)
    value[rng.random(n) < 0.01] = 0
    neg = rng.random(n) < 0.01
    value[neg] = -value[neg]
    df = pd.DataFrame(
        {
            "jurisdiction": np.repeat(jur, INDICATORS * YEARS),
            "indicator": np.tile(np.repeat(ind, YEARS), places),
            "year": np.tile(np.arange(2010, 2010 + YEARS), places * INDICATORS),
            "value": value,
        }
    )
    df = df[rng.random(n) >= 0.02]
    if shuffled:
        df = df.sample(frac=1, random_state=seed)
    return df.reset_index(drop=True)


def _best(fn: object, repeat: int) -> tuple[float, float]:
    """Best wall and best CPU seconds of ``repeat`` calls."""
    wall = cpu = float("inf")
    for _ in range(repeat):
        gc.collect()
        t0, c0 = time.perf_counter(), time.process_time()
        fn()  # type: ignore[operator]
        wall = min(wall, time.perf_counter() - t0)
        cpu = min(cpu, time.process_time() - c0)
    return wall, cpu


def run_size(places: int) -> dict[str, object]:
    from lawgov_metrics.panel import Panel

    results: dict[str, object] = {"places": places}
    repeat = 3 if places <= 300 else 1
    for order in ("sorted", "shuffled"):
        df = make_frame(places, shuffled=order == "shuffled")
        keys = ["jurisdiction", "indicator"]

        def baseline(df: pd.DataFrame = df, keys: list[str] = keys) -> pd.Series:
            s = df.sort_values([*keys, "year"])
            return s.groupby(keys)["value"].pct_change()

        def ours(df: pd.DataFrame = df) -> pd.DataFrame:
            return Panel.from_frame(df).growth()

        ours()  # warm-up: imports, the vocabulary, numpy kernels
        t_base, c_base = _best(baseline, repeat)
        t_ours, c_ours = _best(ours, repeat)
        gc.collect()
        tracemalloc.start()
        g = ours()
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert isinstance(g, pd.DataFrame)
        results[order] = {
            "rows": len(df),
            "growth_rows": len(g),
            "ours_s": t_ours,
            "baseline_s": t_base,
            "ratio": t_ours / t_base,
            "cpu_ours_s": c_ours,
            "cpu_baseline_s": c_base,
            "cpu_ratio": c_ours / c_base,
            "traced_bytes_per_row": peak / len(df),
            "statuses": {str(k): int(v) for k, v in g["status"].value_counts().items()},
        }
        del g, df
    results["rss_bytes_per_row"] = (
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / (places * INDICATORS * YEARS)
    )
    return results


def main(sizes: list[int]) -> None:
    print(
        f"Panel.from_frame + growth() vs sort_values + groupby pct_change; pandas {pd.__version__}"
    )
    for places in sizes:
        done = subprocess.run(
            [sys.executable, __file__, "--one", str(places)],
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        r = json.loads(done.stdout.strip().splitlines()[-1])
        for order in ("sorted", "shuffled"):
            o = r[order]
            print(
                f"{o['rows']:>9,} rows ({places} places, {order:>8}): "
                f"from_frame+growth {o['ours_s']:.3f} s, baseline {o['baseline_s']:.3f} s, "
                f"ratio {o['ratio']:.2f}x (CPU {o['cpu_ours_s']:.3f} s vs "
                f"{o['cpu_baseline_s']:.3f} s, {o['cpu_ratio']:.2f}x); "
                f"traced peak {o['traced_bytes_per_row']:.0f} B/row"
            )
        print(f"{'':>9}  peak RSS of the whole process: {r['rss_bytes_per_row']:.0f} B/row")
        print(f"{'':>9}  statuses: {r['shuffled']['statuses']}")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_size(int(sys.argv[2]))))
    else:
        main([int(a) for a in sys.argv[1:]] or [100, 3000])
