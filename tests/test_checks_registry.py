"""The registry is the one list of checks: ``lm.CHECKS``, the public ``check_*`` functions,
``__all__``, the docs' table and the reason codes are all checked against it."""

from __future__ import annotations

import pathlib
import re
import textwrap
from collections.abc import Iterator

import pytest

import lawgov_metrics as lm
from lawgov_metrics import checks
from lawgov_metrics.checks import registry
from lawgov_metrics.errors import InvalidOptionError
from lawgov_metrics.records import Report
from lawgov_metrics.results import CheckResult, Status

DOCS = pathlib.Path(__file__).resolve().parent.parent / "docs" / "checks.rst"


def public_name(check_id: str) -> str:
    return "check_" + check_id.replace(".", "_")


def test_the_catalogue() -> None:
    assert lm.CHECKS is checks.CHECKS
    assert list(lm.CHECKS) == [
        "growth.implied_prior",
        "growth.prior_report",
        "growth.direction",
        "share.granularity",
        "share.range",
        "share.all_100",
        "breakdown.part_exceeds_whole",
        "breakdown.sum",
        "balance.sum",
        "duplicate.value",
        "duplicate.report",
        "pp_change.rates",
        "streak.sequence",
        "restated.figure",
        "disclosure.template",
        "disclosure.t3_balance",
        "disclosure.t3_outcomes",
        "disclosure.t3_applicants",
        "disclosure.t4_blocks",
        "disclosure.carry_over",
        "disclosure.stock",
        "disclosure.prose",
        "disclosure.cross_document",
    ]
    scopes = {spec.id: spec.scope for spec in lm.CHECKS.values()}
    assert scopes["growth.direction"] == scopes["pp_change.rates"] == "both"
    assert scopes["duplicate.report"] == "group"
    assert scopes["restated.figure"] == "pair"
    with pytest.raises(TypeError):
        lm.CHECKS["x.y"] = lm.CHECKS["share.range"]  # type: ignore[index]


def test_each_check_is_one_public_function_with_its_docs() -> None:
    for spec in lm.CHECKS.values():
        name = public_name(spec.id)
        assert spec.function.__name__ == name
        assert getattr(checks, name) is spec.function
        assert name in checks.__all__
        assert spec.function.__doc__
        assert f"``{spec.id}``" in spec.function.__doc__
        assert "Examples:" in spec.function.__doc__
        halves = (spec.per_report, spec.per_pair, spec.per_group)
        expected = {
            "report": (True, False, False),
            "pair": (False, True, False),
            "both": (True, True, False),
            "group": (False, False, True),
        }[spec.scope]
        assert tuple(h is not None for h in halves) == expected, spec.id
    public = {n for n in checks.__all__ if n.startswith("check_")}
    assert public == {public_name(i) for i in lm.CHECKS}


def test_the_package_docstring_carries_the_catalogue_table() -> None:
    assert checks.__doc__ is not None
    assert registry.catalogue_table() in checks.__doc__, registry.catalogue_table()


def test_the_docs_page_lists_every_check_and_reason() -> None:
    page = DOCS.read_text(encoding="utf-8")
    members = re.search(r":members:(.*?)(?:\n\S|\Z)", page, re.S)
    assert members is not None
    listed = {m.strip() for m in members.group(1).replace("\n", " ").split(",") if m.strip()}
    assert {public_name(i) for i in lm.CHECKS} <= listed
    body = textwrap.dedent(page)
    for spec in lm.CHECKS.values():
        assert f"{spec.id:<28} {spec.scope:<6} {spec.title}" in body, spec.id
    for reason in lm.Reason:
        if reason:
            assert f"{reason.value:<28} {reason.description}" in body, reason


def test_reasons_are_a_str_enum_each_described_and_declared() -> None:
    assert lm.Reason.NO_INTEGER_PRIOR == "no_integer_prior"
    assert isinstance(lm.Reason.SUM_MISMATCH, str)
    assert str(lm.Reason.SUM_MISMATCH) == "sum_mismatch"
    assert f"{lm.Reason.SUM_MISMATCH}" == "sum_mismatch"
    declared = {r for spec in lm.CHECKS.values() for r in spec.reasons}
    runner = {lm.Reason.INTERNAL_ERROR, lm.Reason.MISSING_YEAR}
    for reason in lm.Reason:
        assert reason.description
        assert reason in declared | runner, f"{reason!r} is given by no check"


# ---------------------------------------------------------------------------------------
# registering


@pytest.fixture
def scratch() -> Iterator[list[str]]:
    """Ids registered by a test, removed from the catalogue afterwards."""
    made: list[str] = []
    yield made
    for check_id in made:
        registry._SPECS.pop(check_id, None)


def test_registering_a_check_of_each_scope(scratch: list[str]) -> None:
    scratch += ["scratch.one", "scratch.group"]

    @registry.report_check("scratch.one", title="a check made by a test", reasons=[lm.Reason.NONE])
    def check_scratch_one(report: Report, config: checks.CheckConfig) -> Iterator[CheckResult]:
        """``scratch.one``: one PASS per report."""
        yield CheckResult(check="scratch.one", status=Status.PASS, message=report.label)

    @check_scratch_one.pair
    def _pair(earlier: Report, later: Report, config: checks.CheckConfig) -> Iterator[CheckResult]:
        yield CheckResult(check="scratch.one", status=Status.WARN, message=later.label)

    @registry.group_check("scratch.group", title="a group check made by a test")
    def check_scratch_group(
        reports: list[Report], config: checks.CheckConfig
    ) -> Iterator[CheckResult]:
        yield CheckResult(check="scratch.group", status=Status.WARN, message=str(len(reports)))

    spec = lm.CHECKS["scratch.one"]
    assert (spec.scope, spec.title, spec.reasons) == (
        "both",
        "a check made by a test",
        (lm.Reason.NONE,),
    )
    assert check_scratch_one.__name__ == "check_scratch_one"
    assert check_scratch_one.__doc__ == "``scratch.one``: one PASS per report."
    a = Report(text="", jurisdiction="甲县", year=2022)
    b = Report(text="", jurisdiction="甲县", year=2023)
    assert [r.status for r in check_scratch_one([a, b])] == [Status.PASS, Status.PASS, Status.WARN]
    assert [r.message for r in lm.check([b, b, b], checks=["scratch.group"])] == ["3"]
    assert "scratch.one" in registry.catalogue_table()
    with pytest.raises(InvalidOptionError, match="a check without a cross-report half yet"):
        check_scratch_one.pair(_pair)


@pytest.mark.parametrize(
    ("check_id", "name", "title", "match"),
    [
        ("nodot", "check_nodot", "t", "form 'family.name'"),
        ("Growth.Up", "check_Growth_Up", "t", "form 'family.name'"),
        ("share.range", "check_share_range", "t", "not registered yet"),
        ("scratch.named", "something_else", "t", "a function named 'check_scratch_named'"),
        ("scratch.titled", "check_scratch_titled", "", "one line of text"),
    ],
)
def test_registering_errors(check_id: str, name: str, title: str, match: str) -> None:
    def function(report: Report, config: checks.CheckConfig) -> list[CheckResult]:
        return []

    function.__name__ = name
    with pytest.raises(InvalidOptionError, match=match):
        registry.report_check(check_id, title=title)(function)
    assert check_id in ("share.range",) or check_id not in lm.CHECKS


# ---------------------------------------------------------------------------------------
# the package's shape

PACKAGE = pathlib.Path(checks.__file__).parent
#: What the checks may import from the rest of the library (lower layers only).
ALLOWED = {
    "errors", "records", "results", "rounding", "growth", "vocab", "indicators", "numerals",
    "tables", "template", "_decimal", "reasons",
}  # fmt: skip


def _imports(path: pathlib.Path) -> set[str]:
    """The library modules a checks module imports (``..x`` → ``x``), type-only ones too."""
    import ast

    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 2:
            names = [node.module] if node.module else [a.name for a in node.names]
            found.update(n.split(".")[0] for n in names if n)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            if node.module.startswith("lawgov_metrics"):
                found.add(node.module.split(".")[1] if "." in node.module else node.module)
        elif isinstance(node, ast.Import):
            found.update(
                a.name.split(".")[1] for a in node.names if a.name.startswith("lawgov_metrics.")
            )
    return found


@pytest.mark.parametrize("path", sorted(PACKAGE.glob("*.py")), ids=lambda p: p.name)
def test_checks_import_only_lower_layers_and_stay_small(path: pathlib.Path) -> None:
    assert _imports(path) <= ALLOWED, path.name
    assert len(path.read_text(encoding="utf-8").splitlines()) <= 600, path.name
