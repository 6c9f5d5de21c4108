"""Three report files to a trend plot of 行政复议申请, in four lines.

Run from anywhere: ``python examples/trend_plot.py [OUT.png]`` (without a path nothing is
written). The reports are
``examples/data/huadu-2021.txt`` and ``huadu-2022.txt`` (texts written for these examples,
in the style of the real report) and ``huadu-2023.txt`` (the district's published report).

The four lines a notebook user needs::

    import lawgov_metrics as lm
    reports = [lm.read_report(p) for p in paths]
    panel = lm.Panel.from_reports(reports)
    ax = lm.plot_trend(panel, "行政复议申请")

The 2023 report's "同比增长68.67%" implies 466 for 2022 (a derived, hollow point), which
the 2022 report confirms with its own 466.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import lawgov_metrics as lm

DATA = Path(__file__).parent / "data"


def main(out: str | None = None) -> Path | None:
    """Draw the trend plot; save it to ``out`` when given (nothing is written otherwise)."""
    paths = [DATA / f"huadu-{year}.txt" for year in (2021, 2022, 2023)]
    reports = [lm.read_report(p) for p in paths]
    panel = lm.Panel.from_reports(reports)
    ax = lm.plot_trend(panel, "行政复议申请")
    print(panel.growth(indicator="行政复议申请")[["year", "prior", "current", "growth_approx"]])
    derived = panel.frame.query("derived and indicator == 'admin_reconsideration_applications'")
    print(derived[["year", "value", "lower", "upper", "note"]].to_string(index=False))
    if out is None:
        buf = io.BytesIO()
        ax.figure.savefig(buf, format="png", dpi=120)
        print(f"rendered a {len(buf.getvalue())}-byte PNG (pass a path to save it)")
        return None
    target = Path(out)
    ax.figure.savefig(target, dpi=120)
    return target


if __name__ == "__main__":
    print(main(*sys.argv[1:2]))
