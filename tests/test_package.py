"""The package as users meet it: public namespace, laziness, metadata, README and CI script."""

from __future__ import annotations

import importlib
import importlib.metadata
import importlib.resources
import io
import re
import subprocess
import sys
import tomllib
import types
from pathlib import Path

import pytest

import lawgov_metrics as lm

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))

# The names SPEC.md promises at the top level; none may go missing.
CONTRACT_NAMES = {
    "CheckReport", "CheckResult", "Figure", "Interval", "Panel", "ParseError", "Qualifier",
    "Quantity", "Report", "Status", "check", "check_share", "check_share_frame", "extract",
    "growth_rate", "implied_prior", "integer_priors", "parse_quantity", "plot_trend",
    "read_report", "unround", "verify_growth", "verify_growth_frame",
}  # fmt: skip

PUBLIC_SUBMODULES = [
    "checks", "cli", "errors", "extract", "growth", "indicators", "io", "mappers",
    "numerals", "panel", "plotting", "records", "results", "rounding", "tables", "template",
    "testing",
]  # fmt: skip


def _run(code: str) -> str:
    """Run ``code`` in a fresh interpreter and return its stdout."""
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    return done.stdout.strip()


def _own_public_names(module: types.ModuleType) -> set[str]:
    """Public, resolvable names of ``module`` that the package itself defines.

    Submodules, ``from __future__`` features and names from the standard library or typing
    (``importlib``, ``Any``, ``TYPE_CHECKING``) are not part of the public namespace.
    """
    names = set()
    for name in dir(module):
        if name.startswith("_"):
            continue
        value = getattr(module, name)
        if isinstance(value, types.ModuleType):
            continue
        owner = getattr(value, "__module__", None)
        if isinstance(owner, str) and owner.startswith("lawgov_metrics"):
            names.add(name)
    return names


def test_all_is_sorted_and_unique() -> None:
    assert list(lm.__all__) == sorted(lm.__all__)
    assert len(set(lm.__all__)) == len(lm.__all__)


def test_every_name_in_all_resolves() -> None:
    missing = []
    for name in lm.__all__:
        try:
            value = getattr(lm, name)
        except (AttributeError, ImportError) as exc:
            missing.append(f"{name}: {exc}")
            continue
        assert value is not None, name
    assert not missing, missing


def test_star_import_gives_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from lawgov_metrics import *", namespace)
    namespace.pop("__builtins__", None)
    assert set(namespace) == set(lm.__all__)


def test_all_equals_public_names_actually_resolvable() -> None:
    for name in lm.__all__:
        getattr(lm, name)  # load every lazy name first
    public = _own_public_names(lm)
    exported = set(lm.__all__) - {"__version__"}
    assert public <= exported, f"public but not in __all__: {sorted(public - exported)}"
    # Names whose objects carry no __module__ (constants such as CHECKS) must still resolve.
    for name in exported - public:
        assert hasattr(lm, name), name


def test_spec_contract_names_are_exported() -> None:
    assert set(lm.__all__) >= CONTRACT_NAMES, sorted(CONTRACT_NAMES - set(lm.__all__))


def test_dir_lists_the_public_names() -> None:
    assert set(lm.__all__) - {"__version__"} <= set(dir(lm))


def test_unknown_attribute_raises_attribute_error() -> None:
    with pytest.raises(AttributeError, match="no_such_name"):
        lm.no_such_name  # noqa: B018 - the attribute access is what is tested


def _isort_key(name: str) -> tuple[int, str]:
    if name.isupper() or (name.replace("_", "").isupper() and len(name) > 1):
        return (0, name)
    return (1, name) if name[:1].isupper() else (2, name)


@pytest.mark.parametrize("name", PUBLIC_SUBMODULES)
def test_submodule_all_is_sorted_and_resolves(name: str) -> None:
    module = importlib.import_module(f"lawgov_metrics.{name}")
    exported = list(getattr(module, "__all__", []))
    assert exported, f"lawgov_metrics.{name} has no __all__"
    # Plain sorting, or the isort style of ruff's RUF022 (CONSTANTS, then Classes, then others).
    assert exported in (sorted(exported), sorted(exported, key=_isort_key)), (
        f"lawgov_metrics.{name}.__all__ is not sorted"
    )
    for attr in exported:
        assert hasattr(module, attr), f"lawgov_metrics.{name}.{attr}"


def test_top_level_names_come_from_their_modules() -> None:
    assert lm.parse_quantity is importlib.import_module("lawgov_metrics.numerals").parse_quantity
    assert lm.Panel is importlib.import_module("lawgov_metrics.panel").Panel
    assert lm.check is importlib.import_module("lawgov_metrics.checks").check


def test_functions_named_like_submodules_survive_submodule_imports() -> None:
    """``lm.extract`` stays the function after ``lawgov_metrics.extract`` is imported.

    Importing a submodule binds it as an attribute of the package; a public function with the
    same name (``extract``) must not be shadowed by it.
    """
    out = _run(
        "import importlib, types, lawgov_metrics as lm\n"
        "for name in sorted(lm._SUBMODULES):\n"
        "    importlib.import_module(f'lawgov_metrics.{name}')\n"
        "clash = sorted(set(lm.__all__) & lm._SUBMODULES)\n"
        "print(clash, [n for n in clash if isinstance(getattr(lm, n), types.ModuleType)])"
    )
    clash, shadowed = out.split("] [")
    assert shadowed == "]", f"shadowed by a submodule: {out}"
    assert "extract" in clash


def test_import_is_lazy_about_pandas_and_matplotlib() -> None:
    out = _run(
        "import sys, lawgov_metrics\n"
        "print(sorted(m for m in ('pandas', 'matplotlib', 'hypothesis') if m in sys.modules))"
    )
    assert out == "[]"


def test_number_core_does_not_pull_in_matplotlib() -> None:
    out = _run(
        "import sys, lawgov_metrics as lm\n"
        "lm.parse_quantity('786宗'); lm.verify_growth(prior=466, current=786, reported='68.67')\n"
        "lm.unround('68.67'); lm.integer_priors(786, '68.67')\n"
        "print('matplotlib' in sys.modules, 'hypothesis' in sys.modules)"
    )
    assert out == "False False"


def test_extract_does_not_pull_in_matplotlib() -> None:
    out = _run(
        "import sys, lawgov_metrics as lm\n"
        "lm.extract('2023年,收到行政复议申请786宗,同比增长68.67%。')\n"
        "print('matplotlib' in sys.modules)"
    )
    assert out == "False"


def test_version_matches_metadata_and_pyproject() -> None:
    assert lm.__version__ == PYPROJECT["project"]["version"]
    assert importlib.metadata.version("lawgov-metrics") == lm.__version__


def test_console_script_entry_point() -> None:
    scripts = importlib.metadata.entry_points(group="console_scripts")
    (ep,) = [e for e in scripts if e.name == "lawgov-metrics"]
    assert ep.value == "lawgov_metrics.cli:main"
    assert ep.load() is importlib.import_module("lawgov_metrics.cli").main


def test_py_typed_is_shipped() -> None:
    assert importlib.resources.files("lawgov_metrics").joinpath("py.typed").is_file()


def test_license_is_mit() -> None:
    assert PYPROJECT["project"]["license"] == "MIT"
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_dev_extra_mirrors_dev_group() -> None:
    extra = PYPROJECT["project"]["optional-dependencies"]["dev"]
    group = PYPROJECT["dependency-groups"]["dev"]
    assert sorted(extra) == sorted(group)
    for needed in ("pytest", "hypothesis", "ruff", "mypy", "sphinx", "cn2an"):
        assert any(re.match(rf"{needed}\b", req) for req in group), needed


def test_required_dependencies() -> None:
    deps = {re.split(r"[<>=!~ \[]", d)[0] for d in PYPROJECT["project"]["dependencies"]}
    assert deps == {"attrs", "cattrs", "pandas", "matplotlib", "selectolax", "tqdm"}


def test_changelog_fragments_are_towncrier_style() -> None:
    fragments = sorted(p.name for p in (ROOT / "changelog.d").iterdir() if p.suffix == ".md")
    types_ = {t["directory"] for t in PYPROJECT["tool"]["towncrier"]["type"]}
    assert fragments, "no changelog fragments"
    for name in fragments:
        m = re.fullmatch(r"(\d+)(?:\.[a-z]+)?\.([a-z]+)\.md", name)
        assert m, name
        assert m.group(2) in types_, name
    assert {"2.feature.md", "3.feature.md", "4.feature.md", "5.feature.md"} <= set(fragments)


def _fenced_blocks(text: str) -> list[tuple[str, str, int]]:
    """(language, body, start offset) of every fenced block."""
    return [
        (m.group(1), m.group(2), m.start())
        for m in re.finditer(r"^```(\w*)\n(.*?)^```", text, flags=re.M | re.S)
    ]


def test_readme_opens_with_exactly_two_bash_commands() -> None:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = _fenced_blocks(text)
    assert len(blocks) >= 2
    (lang1, cmd1, _), (lang2, cmd2, at2) = blocks[:2]
    assert (lang1, lang2) == ("bash", "bash")
    # Nothing but the title and prose before them: no other section, no other code.
    first_section = text.find("\n## ")
    assert first_section == -1 or at2 < first_section
    for cmd in (cmd1, cmd2):
        assert len(cmd.strip().splitlines()) == 1, cmd
    assert "pip install" in cmd1
    assert "examples/data/huadu-2023.txt" in cmd1
    assert "--group dev" in cmd2
    assert "-U pip" in cmd2  # `--group` needs pip >= 25.1; a fresh venv has an older pip
    assert "pytest" in cmd2


def test_ci_script_runs_the_readme_test_command() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert script.startswith("#!/usr/bin/env bash")
    assert "set -euo pipefail" in script
    assert "README.md" in script
    for step in ("ruff check", "ruff format --check", "mypy --strict", "sphinx-build"):
        assert step in script, step


@pytest.mark.parametrize(
    "path",
    ["README.md", "CHANGELOG.md", ".ci/run", "pyproject.toml"]
    + [str(p.relative_to(ROOT)) for p in sorted((ROOT / "docs").glob("*.rst"))]
    + [str(p.relative_to(ROOT)) for p in sorted((ROOT / "examples").glob("*.py"))],
)
def test_no_machine_specific_paths(path: str) -> None:
    text = (ROOT / path).read_text(encoding="utf-8")
    assert not re.search(r"(?<![\w.])/(work|root|home|Users)/", text), path


def test_readme_tour_outputs_are_real() -> None:
    """Every ``>>>`` example of the README's tour gives the output printed there."""
    import doctest
    import os

    text = (ROOT / "README.md").read_text(encoding="utf-8")
    blocks = [body for lang, body, _ in _fenced_blocks(text) if lang == "python"]
    assert blocks, "the README has no python examples"
    parser = doctest.DocTestParser()
    test = parser.get_doctest("\n".join(blocks), {}, "README.md", "README.md", 0)
    assert len(test.examples) >= 15
    runner = doctest.DocTestRunner(
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    old = Path.cwd()
    env = os.environ.get("MPLBACKEND")
    os.environ["MPLBACKEND"] = "Agg"
    os.chdir(ROOT)  # the README's examples run from the repository root
    try:
        out = io.StringIO()
        runner.run(test, out=out.write)
    finally:
        os.chdir(old)
        if env is None:
            os.environ.pop("MPLBACKEND", None)
        else:
            os.environ["MPLBACKEND"] = env
    assert runner.failures == 0, out.getvalue()
