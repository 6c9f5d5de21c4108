"""Extract the bundled seed report and run the consistency checks on it.

Prints what was found (figures, claims by kind) and the check summary, then every result
that did not pass, with its quotes.

Run: python examples/check_report.py [REPORT.txt|REPORT.html]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import lawgov_metrics as lm

SEED = Path(__file__).resolve().parent / "data" / "huadu-2023.txt"


def main(argv: list[str]) -> int:
    path = Path(argv[0]) if argv else SEED
    report = lm.read_report(path)
    print(repr(report))
    print(f"title:        {report.title}")
    print(
        f"jurisdiction: {report.jurisdiction}, year: {report.year}, published: {report.published}"
    )
    kinds = Counter(c.kind for c in report.claims)
    print(
        f"{len(report.figures)} figures; claims: "
        + ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    )
    results = lm.check(report)
    print()
    print(results.summary().to_string())
    print()
    for r in results:
        if r.status is not lm.Status.PASS:
            print(r)
            if r.quotes:
                print("    quotes:", " | ".join(r.quotes))
    print()
    print(repr(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
