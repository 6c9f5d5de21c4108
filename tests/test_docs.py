"""The documentation as a user meets it: the quickstart runs as a notebook would run it."""

from __future__ import annotations

import doctest
import re
import subprocess
from pathlib import Path

import matplotlib
import pytest

matplotlib.use("Agg")

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

_DIRECTIVE = re.compile(r"^\.\. (doctest|code-block|plot|testsetup|testcode)::\s*(\S*)\s*$")


def code_cells(rst: str) -> list[tuple[str, str]]:
    """(kind, body) of every code directive of a page, in order, bodies dedented."""
    cells = []
    lines = rst.splitlines()
    i = 0
    while i < len(lines):
        m = _DIRECTIVE.match(lines[i])
        i += 1
        if not m:
            continue
        kind = m.group(1) if m.group(1) != "code-block" else f"code-block:{m.group(2)}"
        while i < len(lines) and lines[i].strip().startswith(":"):  # directive options
            i += 1
        body = []
        while i < len(lines) and (not lines[i].strip() or lines[i].startswith("   ")):
            body.append(lines[i][3:])
            i += 1
        cells.append((kind, "\n".join(body).strip("\n") + "\n"))
    return cells


def test_code_cells_are_found_in_order() -> None:
    rst = (
        "Intro\n\n.. doctest::\n\n   >>> x = 1\n\ntext\n\n.. plot::\n   :align: center\n\n"
        "   y = x + 1\n\n.. code-block:: bash\n\n   pip install it\n"
    )
    assert code_cells(rst) == [
        ("doctest", ">>> x = 1\n"),
        ("plot", "y = x + 1\n"),
        ("code-block:bash", "pip install it\n"),
    ]


def test_quickstart_runs_top_to_bottom_like_a_notebook(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every Python cell in page order, one namespace, nothing defined beforehand.

    Hidden setup (``testsetup``) would not exist in a notebook, so the page has none; the
    doctest outputs are compared as the docs build compares them.
    """
    cells = code_cells((DOCS / "quickstart.rst").read_text(encoding="utf-8"))
    kinds = {k for k, _ in cells}
    assert "testsetup" not in kinds
    assert "doctest" in kinds
    monkeypatch.chdir(ROOT)  # a notebook started at the repository root
    globs: dict[str, object] = {}
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    parser = doctest.DocTestParser()
    tried = 0
    for n, (kind, body) in enumerate(cells):
        if kind == "doctest":
            test = parser.get_doctest(body, globs, f"quickstart cell {n}", "quickstart.rst", 0)
            result = runner.run(test, clear_globs=False)
            globs.update(test.globs)  # a DocTest works on a copy of the namespace
            assert result.failed == 0, f"cell {n} failed:\n{body}"
            tried += result.attempted
        elif kind in ("plot", "code-block:python", "testcode"):
            exec(compile(body, f"quickstart cell {n}", "exec"), globs)
            tried += 1
    assert tried > 20
    import matplotlib.pyplot as plt

    plt.close("all")


def test_docs_wrap_long_code_lines() -> None:
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert 'html_static_path = ["_static"]' in conf
    (css,) = re.findall(r'html_css_files = \["([^"]+)"\]', conf)
    sheet = (DOCS / "_static" / css).read_text(encoding="utf-8")
    assert re.search(r"pre[^{]*\{[^}]*white-space:\s*pre-wrap", sheet)


def test_chart_images_are_built_not_committed() -> None:
    conf = (DOCS / "conf.py").read_text(encoding="utf-8")
    assert '"matplotlib.sphinxext.plot_directive"' in conf
    pages = [p.read_text(encoding="utf-8") for p in DOCS.glob("*.rst")]
    assert sum(page.count(".. plot::") for page in pages) >= 2
    tracked = subprocess.run(
        ["git", "ls-files", "docs"], cwd=ROOT, capture_output=True, text=True, check=False
    ).stdout.split()
    assert not [t for t in tracked if t.endswith((".png", ".svg", ".jpg"))]
