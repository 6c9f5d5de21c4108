"""Check an executed notebook: no cell failed, and every plotting cell shows an image.

Usage: python .ci/check_notebook.py EXECUTED.ipynb [...]

A plotting cell is a code cell that calls ``lm.plot_*`` (or ``lawgov_metrics.plot_*``); it
must have a ``display_data`` or ``execute_result`` output holding ``image/png``. A cell
with an ``error`` output, or a stderr stream mentioning a missing glyph or a font that
matplotlib could not find, fails as well. Exits 0 when every notebook passes, 1 otherwise.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from typing import Any

PLOT_CALL = re.compile(r"\b(?:lm|lawgov_metrics)\.plot_\w+\(")
FONT_TROUBLE = re.compile(r"findfont|missing from font|Glyph \d+")


def _text(value: Any) -> str:
    return "".join(value) if isinstance(value, list) else str(value)


def problems(notebook: dict[str, Any]) -> list[str]:
    """What is wrong with an executed notebook (as loaded from its JSON)."""
    found: list[str] = []
    plotting = 0
    for n, cell in enumerate(notebook.get("cells", []), 1):
        if cell.get("cell_type") != "code":
            continue
        source = _text(cell.get("source", ""))
        outputs = cell.get("outputs", [])
        where = f"cell {n} ({source.strip().splitlines()[0][:50] if source.strip() else ''})"
        if cell.get("execution_count") is None and source.strip():
            found.append(f"{where}: not executed")
        for out in outputs:
            if out.get("output_type") == "error":
                found.append(f"{where}: {out.get('ename')}: {out.get('evalue')}")
            if out.get("output_type") == "stream" and FONT_TROUBLE.search(_text(out["text"])):
                found.append(f"{where}: font trouble: {_text(out['text']).strip()[:200]}")
        if PLOT_CALL.search(source):
            plotting += 1
            if not any("image/png" in out.get("data", {}) for out in outputs):
                found.append(f"{where}: a plotting cell without an image")
    if not plotting:
        found.append("no plotting cell in the notebook")
    return found


def main(paths: list[str]) -> int:
    bad = 0
    for path in paths:
        found = problems(json.loads(Path(path).read_text(encoding="utf-8")))
        for p in found:
            print(f"{path}: {p}", file=sys.stderr)
        bad += bool(found)
        print(f"{path}: {'ok' if not found else f'{len(found)} problems'}")
    return 1 if bad or not paths else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
