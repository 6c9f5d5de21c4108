"""panels(): valid by construction, round-trips through Panel.from_frame, reaches the hard rows.

One property does the work (each example builds a Panel through pandas): the round trip, the
derived rows against the reported values they stand in for, growth statuses, and counters of
what was reached (gaps, zero and negative bases, derived and basis rows, ties), printed with
``pytest -s``.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis.errors import InvalidArgument

from lawgov_metrics import Interval, Panel
from lawgov_metrics.panel import FRAME_COLUMNS
from lawgov_metrics.strategies import panels

STATUSES = {"ok", "gap", "missing", "zero_base", "negative_base", "conflict"}


def _interval(row: Any) -> Interval:
    return Interval(
        lower=row.lower, upper=row.upper, lower_closed=row.lower_closed,
        upper_closed=row.upper_closed,
    )  # fmt: skip


def test_panels_are_valid_round_trip_and_reach_the_hard_rows() -> None:
    seen: Counter[str] = Counter()

    @given(panels(2020, 2024))
    def prop(panel: Panel) -> None:
        frame = panel.frame
        assert list(frame.columns) == list(FRAME_COLUMNS)
        pd.testing.assert_frame_equal(Panel.from_frame(frame).frame, frame)
        reported = {
            (r.jurisdiction, r.indicator, int(r.year)): r.value
            for r in frame[~frame["derived"]].itertuples()
        }
        for r in frame[frame["derived"]].itertuples():
            truth = reported.get((r.jurisdiction, r.indicator, int(r.year)))
            if r.origin == "basis":
                seen["basis rows"] += 1
                assert truth is None or truth == r.value
                continue
            assert r.origin == "implied_growth"
            seen["implied rows"] += 1
            if truth is None:
                seen["implied rows filling a gap"] += 1
                continue
            iv = _interval(r)
            assert iv.contains(truth), (r.note, truth)
            assert r.value is None or r.value == truth
            seen["implied rows with the truth reported"] += 1
            seen["truth on an end of the implied interval (a tie)"] += truth in (r.lower, r.upper)
        statuses = set(panel.growth(derived=True)["status"]) | set(panel.growth()["status"])
        assert statuses <= STATUSES
        seen["n"] += 1
        for status in ("gap", "zero_base", "negative_base"):
            seen[f"panels with {status}"] += status in statuses

    prop()
    n = seen["n"]
    print(
        f"\npanels() over {n} examples: " + ", ".join(f"{k} {v}" for k, v in sorted(seen.items()))
    )
    for kind in (
        "basis rows", "implied rows filling a gap", "implied rows with the truth reported",
        "truth on an end of the implied interval (a tie)", "panels with gap",
        "panels with zero_base", "panels with negative_base",
    ):  # fmt: skip
        assert seen[kind] > 0, kind
    ties = seen["truth on an end of the implied interval (a tie)"]
    assert ties / seen["implied rows with the truth reported"] >= 0.1


@settings(max_examples=30)
@given(panels(2023, 2024, jurisdictions=["某县"], gaps=False, zero_bases=False,
              negative_bases=False, derived=False))  # fmt: skip
def test_panels_honour_their_options(panel: Panel) -> None:
    frame = panel.frame
    assert set(frame["jurisdiction"]) == {"某县"}
    assert set(frame["year"]) == {2023, 2024}
    assert not frame["derived"].any()
    statuses = set(panel.growth()["status"])
    assert statuses <= {"ok"}
    assert all(v >= 0 for v in frame["value"])


def test_panels_validate_years() -> None:
    with pytest.raises(InvalidArgument, match="after"):
        panels(2024, 2023)
