"""Time extract() on adversarial and realistic text at 10 KB, 100 KB and 1 MB.

Every reader must run in time linear in the text. For each pattern this prints the seconds
per MB at each size and the ratio of the 1 MB time to the 100 KB time, measured in the
same run: about 10 for a linear reader, about 100 for a quadratic one. The script exits
with status 1 when any ratio exceeds 25 (a ratio, so machine noise and load cancel out).

Run: python bench/adversarial.py [--quick] [--all]
(--quick: 10 KB and 100 KB only, no verdict; --all: the extra shapes too)
"""

from __future__ import annotations

import pathlib
import sys
import time
from collections.abc import Callable

from lawgov_metrics.extract import extract, html_to_text

SEED = pathlib.Path(__file__).parent.parent / "tests" / "data" / "huadu-2023.txt"
SIZES = (10_000, 100_000, 1_000_000)
LIMIT = 25.0
KB = 1000


def _repeat(unit: str) -> Callable[[int], str]:
    """Text of ``unit`` repeated to about ``size`` UTF-8 bytes."""

    def make(size: int) -> str:
        n = max(1, size // len(unit.encode("utf-8")))
        return unit * n

    return make


def _nines(size: int) -> str:
    return "9" * (size - 3) + "亿"


def _seed(size: int) -> str:
    text = SEED.read_text(encoding="utf-8")
    n = size // len(text.encode("utf-8"))
    return text * n if n else text[: size // 3]


#: The patterns that once took quadratic time (dates, digit runs, unclosed quotes before
#: figures, list words, pp changes), and real text: run by CI.
PATTERNS: dict[str, Callable[[int], str]] = {
    "digits 1111…": _repeat("1"),
    "9999…亿": _nines,
    "1.1.1.…": _repeat("1."),
    "unclosed “ before figures": _repeat("“收到12件"),
    "unclosed 《 before figures": _repeat("《办理12件"),
    "unclosed （ before figures": _repeat("（受理12件"),
    "其中 repeated": _repeat("其中"),
    "提高3.2个百分点 repeated": _repeat("提高3.2个百分点"),
    "seed report repeated": _seed,
}
#: HTML soup the standard parser once rescanned per unclosed ``<``: timed through
#: html_to_text (what read_report does to a page before extracting it).
HTML: dict[str, Callable[[int], str]] = {
    "html: unclosed <a": _repeat("<a"),
    "html: unclosed <!--": _repeat("<!--"),
    "html: unclosed <a href='": _repeat("<a href='"),
}
#: More shapes the readers bind, each a figure every few characters (slow per MB, linear):
#: run with ``--all``.
MORE: dict[str, Callable[[int], str]] = {
    "list items 其中A12件,": _repeat("其中A类12件,"),
    "shares 12件,占比5%;": _repeat("12件,占比5%;"),
    "balance terms": _repeat("收到申请12件,上年结转3件,办结14件,结转下年1件,"),
    "letters and digits a1b2": _repeat("a1"),
    "one table row | 1": _repeat("| 1 "),
    'quotes "a"': _repeat('"a"'),
    "spaces and blanks": _repeat(" " * 30 + "\n"),
}


def _time(text: str, func: Callable[[str], object] = extract) -> float:
    best = float("inf")
    runs = 3 if len(text) < 50_000 else 1
    for _ in range(runs):
        t0 = time.perf_counter()
        func(text)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str]) -> int:
    quick = "--quick" in argv
    sizes = SIZES[:2] if quick else SIZES
    patterns = {**PATTERNS, **HTML, **MORE} if "--all" in argv else {**PATTERNS, **HTML}
    extract("收到申请12件,同比增长5%。")  # warm up: imports, regex compilation
    head = "".join(f"{s // KB:>9} KB" for s in sizes)
    print(f"{'pattern':<30}{head}   (s/MB)   ratio 1 MB / 100 KB")
    worst = 0.0
    failed: list[str] = []
    for name, make in patterns.items():
        times: list[float] = []
        cells = ""
        for size in sizes:
            text = make(size)
            mb = len(text.encode("utf-8")) / 1e6
            t = _time(text, html_to_text if name in HTML else extract)
            times.append(t)
            cells += f"{t / mb:>12.3f}"
        line = f"{name:<30}{cells}"
        if not quick:
            ratio = times[2] / times[1] if times[1] > 0 else 0.0
            worst = max(worst, ratio)
            verdict = "" if ratio <= LIMIT else "  <-- superlinear"
            if ratio > LIMIT:
                failed.append(name)
            line += f"   {ratio:8.1f}{verdict}"
        print(line, flush=True)
    if quick:
        return 0
    print(f"worst ratio {worst:.1f} (linear about 10, quadratic about 100, limit {LIMIT:g})")
    if failed:
        print(f"superlinear: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
