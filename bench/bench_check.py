"""Time check() per report, and lining up many reports, against baselines of the same run.

Run: python bench/bench_check.py [n_reports]   (default 4000).

1. check() on each bundled report, against extract() of the same text (the reading a
   check run follows): the ratio says what checking adds to reading.
2. line_up() on n reports (places × years, plus a block of 200 copies of one report),
   against a plain dict grouping by (jurisdiction, year) (the floor for a hash) and the
   former quadratic double loop over all pairs, re-implemented here.
3. check() on the same n reports, and the number of results the 200 copies give, against
   the number of pairs the double loop would have compared.

Timings on a shared machine are noisy: compare the ratios of one run, not seconds across runs.
"""

from __future__ import annotations

import pathlib
import sys
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

import attrs

import lawgov_metrics as lm
from lawgov_metrics.checks import line_up

ROOT = pathlib.Path(__file__).resolve().parent.parent
TEXTS = [
    ROOT / "examples" / "data" / "huadu-2023.txt",
    ROOT / "tests" / "data_checks" / "huadu-2022.txt",
    ROOT / "tests" / "data_checks" / "testcounty-2023.txt",
]
DUPLICATES = 200
T = TypeVar("T")


def best_of(fn: Callable[[], T], repeat: int = 3) -> tuple[float, T]:
    """The fastest of ``repeat`` runs, and the last result."""
    best, out = float("inf"), None
    for _ in range(repeat):
        t0 = time.perf_counter()
        out = fn()
        best = min(best, time.perf_counter() - t0)
    assert out is not None
    return best, out


def quadratic_line_up(reports: Sequence[lm.Report]) -> list[tuple[lm.Report, lm.Report]]:
    """The former pairing: every ordered pair of reports, tested one by one."""
    all_unknown = all(r.jurisdiction is None for r in reports)
    pairs = []
    for i, a in enumerate(reports):
        for j, b in enumerate(reports):
            if i == j or a.year is None or b.year is None:
                continue
            if a.jurisdiction is None or b.jurisdiction is None:
                if not all_unknown:
                    continue
            elif a.jurisdiction != b.jurisdiction:
                continue
            if b.year == a.year + 1 or (b.year == a.year and i < j):
                pairs.append((a, b))
    return pairs


def dict_grouping(reports: Sequence[lm.Report]) -> int:
    """A plain dict of reports by (jurisdiction, year): the least a hash can cost."""
    groups: dict[tuple[str | None, int | None], list[lm.Report]] = {}
    for r in reports:
        groups.setdefault((r.jurisdiction, r.year), []).append(r)
    return len(groups)


def many(template: lm.Report, n: int) -> list[lm.Report]:
    """n reports: places × ten years, then a block of copies of one place and year."""
    varied = max(0, n - DUPLICATES)
    out = [
        attrs.evolve(template, jurisdiction=f"县{i // 10}", year=2014 + i % 10)
        for i in range(varied)
    ]
    out += [attrs.evolve(template, jurisdiction="广州市", year=2022) for _ in range(n - varied)]
    return out


def main(n: int = 4000) -> None:
    print("1. check() per report, against extract() of the same text")
    for path in TEXTS:
        text = path.read_text(encoding="utf-8")
        t_read, report = best_of(lambda text=text: lm.extract(text))
        t_check, results = best_of(lambda report=report: lm.check(report), repeat=5)
        print(
            f"   {path.name}: {len(report.figures)} figures, {len(results)} results; "
            f"extract {t_read * 1000:.2f} ms, check {t_check * 1000:.2f} ms, "
            f"check/extract {t_check / t_read:.2f}"
        )

    template = lm.extract(TEXTS[0].read_text(encoding="utf-8"))
    reports = many(template, n)
    print(f"2. lining up {len(reports)} reports ({min(n, DUPLICATES)} copies of one)")
    t_dict, groups = best_of(lambda: dict_grouping(reports))
    t_new, pairs = best_of(lambda: line_up(reports))
    t_old, old_pairs = best_of(lambda: quadratic_line_up(reports), repeat=1)
    print(f"   dict grouping {t_dict * 1000:.1f} ms ({groups} groups)")
    print(f"   line_up       {t_new * 1000:.1f} ms ({len(pairs)} pairs)")
    print(f"   double loop   {t_old * 1000:.1f} ms ({len(old_pairs)} pairs)")
    print(
        f"   ratios: line_up / dict grouping {t_new / t_dict:.1f}, "
        f"double loop / line_up {t_old / t_new:.0f}"
    )

    print(f"3. check() on the {len(reports)} reports")
    sample = reports[: min(200, len(reports))]
    t_one, _ = best_of(lambda: [lm.check(r) for r in sample], repeat=1)
    t_all, results = best_of(lambda: lm.check(reports), repeat=1)
    dup = [r for r in results if "广州市 2022" in r.reports and r.check == "restated.figure"]
    k = min(n, DUPLICATES)
    print(
        f"   {t_all:.2f} s, {len(results)} results, {t_all / len(reports) * 1000:.2f} ms a "
        f"report; the {k} copies: {len(dup)} restated.figure results over {k - 1} pairs, "
        f"where the double loop compared {k * (k - 1) // 2} pairs"
    )
    per_report = t_one / len(sample)
    print(
        f"   one report alone {per_report * 1000:.2f} ms; ratio check(all n) / (n × one "
        f"alone) {t_all / (per_report * len(reports)):.2f} (the rest is the cross-report checks)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4000)
