"""The reading package's shape: one-way imports and modules of one job each."""

from __future__ import annotations

import ast
import pathlib

import pytest

SRC = pathlib.Path(__file__).resolve().parent.parent / "src" / "lawgov_metrics"
READING = sorted((SRC / "reading").rglob("*.py"))
#: What reading may use: the layers below it.
BELOW = {
    "errors", "records", "numerals", "rounding", "growth", "results", "vocab", "tables",
    "template", "reasons", "_decimal",
}  # fmt: skip
#: The layers above it, which it must never import.
ABOVE = {"checks", "panel", "plotting", "cli", "io", "mappers", "indicators", "strategies",
         "testing", "_fonts", "extract"}  # fmt: skip
MAX_LINES = 600


def _module_name(path: pathlib.Path) -> str:
    parts = path.relative_to(SRC.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(path: pathlib.Path) -> set[str]:
    """The lawgov_metrics modules ``path`` imports, as top-level names under the package."""
    here = _module_name(path).split(".")
    package = here if path.name == "__init__.py" else here[:-1]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                target = [*base, *(node.module.split(".") if node.module else [])]
            else:
                target = (node.module or "").split(".")
            names = [target] if node.module else [[*target, a.name] for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name.split(".") for a in node.names]
        else:
            continue
        for t in names:
            if t and t[0] == "lawgov_metrics" and len(t) > 1:
                out.add(t[1])
    return out


@pytest.mark.parametrize("path", READING, ids=lambda p: str(p.relative_to(SRC)))
def test_reading_imports_only_the_layers_below(path: pathlib.Path) -> None:
    used = _imports(path) - {"reading"}
    assert used <= BELOW, f"{path.name} imports {sorted(used - BELOW)}"
    assert not used & ABOVE


@pytest.mark.parametrize("name", sorted(BELOW))
def test_the_layers_below_never_import_reading(name: str) -> None:
    module = SRC / f"{name}.py"
    paths = [module] if module.exists() else sorted((SRC / name).rglob("*.py"))
    assert paths, f"no module or package named {name}"
    for path in paths:
        used = _imports(path) - {name}
        assert not used & {"reading", "extract", "checks", "panel"}, path.name


@pytest.mark.parametrize("path", sorted(SRC.rglob("*.py")), ids=lambda p: str(p.relative_to(SRC)))
def test_no_module_is_over_600_lines(path: pathlib.Path) -> None:
    n = len(path.read_text(encoding="utf-8").splitlines())
    assert n <= MAX_LINES, f"{path.name} has {n} lines"


def test_the_import_check_sees_imports() -> None:
    # the checker itself: the claims package imports its modules and records
    used = _imports(SRC / "reading" / "claims" / "__init__.py")
    assert used == {"records", "reading"}
    assert "vocab" in _imports(SRC / "reading" / "clauses" / "lists.py")
