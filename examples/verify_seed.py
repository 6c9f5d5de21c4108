"""Verify the seed report's growth claim and print the prior year's count it implies.

The 2023 report of Huadu District says "收到行政复议申请786宗,同比增长68.67%". Rounded half up
(四舍五入), 68.67% stands for a true growth in [68.665%, 68.675%), so the 2022 count lies in
(786 / 1.68675, 786 / 1.68665]; exactly one integer, 466, is in it.

Run: python examples/verify_seed.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import lawgov_metrics as lm

SEED = Path(__file__).resolve().parent / "data" / "huadu-2023.txt"
CLAIM = "收到行政复议申请786宗,同比增长68.67%"


def main() -> int:
    text = SEED.read_text(encoding="utf-8")
    if CLAIM not in text:
        print(f"the seed no longer says {CLAIM!r}", file=sys.stderr)
        return 1
    current, reported = 786, "68.67"
    print(f"claim:           {CLAIM}")
    print(f"growth interval: {lm.unround(reported)} (percent, half_up)")
    print(f"implied prior:   {lm.implied_prior(current, reported)}")
    priors = lm.integer_priors(current, reported)
    print(f"integer priors:  {list(priors)}")
    if list(priors) != [466]:
        print("expected exactly one integer prior, 466", file=sys.stderr)
        return 1
    prior = priors[0]
    growth = lm.growth_rate(prior, current)
    print(f"growth {prior} -> {current}: {growth} = {float(growth) * 100:.4f}% (exact: Fraction)")
    result = lm.verify_growth(prior=prior, current=current, reported=reported)
    print(result)
    if result.status is not lm.Status.PASS:
        return 1
    print(f"implied 2022 count of 行政复议申请: {prior}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
