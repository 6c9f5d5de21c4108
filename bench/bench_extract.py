"""Time extract() on the seed report repeated 50 times and print the throughput in MB/s.

Run: python bench/bench_extract.py
"""

from __future__ import annotations

import pathlib
import time

from lawgov_metrics.extract import extract

SEED = pathlib.Path(__file__).parent.parent / "tests" / "data" / "huadu-2023.txt"


def main(repeat: int = 50) -> float:
    text = SEED.read_text(encoding="utf-8")
    size = len(text.encode("utf-8"))
    extract(text)  # warm up (imports, regex compilation)
    t0 = time.perf_counter()
    for _ in range(repeat):
        extract(text)
    elapsed = time.perf_counter() - t0
    mbps = size * repeat / elapsed / 1e6
    n_fig = len(extract(text).figures)
    print(
        f"extract(): {repeat} x {size} bytes in {elapsed:.3f} s = {mbps:.2f} MB/s "
        f"({elapsed / repeat * 1000:.1f} ms per report, {n_fig} figures)"
    )
    big = text * repeat
    t0 = time.perf_counter()
    extract(big)
    one = time.perf_counter() - t0
    print(
        f"extract() on the seed concatenated {repeat} times: {size * repeat / one / 1e6:.2f} MB/s"
    )
    return mbps


if __name__ == "__main__":
    main()
