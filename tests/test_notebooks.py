"""The example notebook, and the checker CI runs on it once executed (.ci/check_notebook.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


def checker() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "check_notebook", ROOT / ".ci" / "check_notebook.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def cell(source: str, *outputs: dict[str, Any], count: int | None = 1) -> dict[str, Any]:
    return {
        "cell_type": "code",
        "source": source,
        "outputs": list(outputs),
        "execution_count": count,
    }


IMAGE = {"output_type": "display_data", "data": {"image/png": "iVBOR", "text/plain": "<Figure>"}}
AXES = {
    "output_type": "execute_result",
    "data": {"text/plain": "<Axes: title={'center': '行政复议申请'}>"},
}


def test_checker_accepts_plot_cells_with_images() -> None:
    nb = {
        "cells": [cell("import lawgov_metrics as lm"), cell('lm.plot_trend(p, "x")', AXES, IMAGE)]
    }
    assert checker().problems(nb) == []


def test_checker_rejects_what_the_inline_bug_produced() -> None:
    """The second plot cell shows only ``<Axes: …>``: what notebooks showed before the fix."""
    nb = {
        "cells": [
            cell('lm.plot_trend(p, "x")', AXES, IMAGE),
            cell('lm.plot_growth(p, "x")', AXES, count=2),
        ]
    }
    (problem,) = checker().problems(nb)
    assert "cell 2" in problem
    assert "without an image" in problem


def test_checker_rejects_errors_font_trouble_and_unexecuted_cells() -> None:
    error = {"output_type": "error", "ename": "NameError", "evalue": "name 'SEED' is not defined"}
    font = {
        "output_type": "stream",
        "name": "stderr",
        "text": "findfont: Failed to find font weight normal",
    }
    nb = {
        "cells": [
            cell("x", error),
            cell('lm.plot_trend(p, "x")', IMAGE, font),
            cell("y", count=None),
        ]
    }
    found = checker().problems(nb)
    assert len(found) == 3
    assert "NameError" in found[0]
    assert "font trouble" in found[1]
    assert "not executed" in found[2]
    assert checker().problems({"cells": [cell("1 + 1")]}) == ["no plotting cell in the notebook"]


def test_example_notebook_is_committed_clean_and_plots() -> None:
    notebooks = sorted((ROOT / "examples").glob("*.ipynb"))
    assert notebooks
    for path in notebooks:
        nb = json.loads(path.read_text(encoding="utf-8"))
        code = [c for c in nb["cells"] if c["cell_type"] == "code"]
        assert all(not c["outputs"] and c["execution_count"] is None for c in code), path
        sources = ["".join(c["source"]) for c in code]
        assert sum(bool(checker().PLOT_CALL.search(s)) for s in sources) >= 3
        assert '"lawgov-metrics[cjk]"' in "".join(
            "".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"
        )
