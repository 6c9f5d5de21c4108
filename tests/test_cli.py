"""The command line, called in-process through ``cli.main`` (and once as ``python -m``)."""

from __future__ import annotations

import argparse
import base64
import contextlib
import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import typing
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics import cli
from lawgov_metrics.cli._output import csv_safe

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "examples" / "data" / "huadu-2023.txt"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"

# Report texts written for these tests, in the style of the annual reports.
PRIOR_TEMPLATE = """广州市花都区人民政府关于2022年度法治政府建设情况的报告

发布日期:2023-01-06 09:30    文章来源:花都区司法局

  一、2022年法治政府建设主要举措和成效

  2022年,全区收到行政复议申请{count}宗,依法审结行政复议案件{closed}宗。
"""

# A growth rate that no integer prior can produce: 10 / 1.68675 .. 10 / 1.68665 holds no integer.
IMPOSSIBLE_GROWTH = """青松县人民政府关于2023年度法治政府建设情况的报告

  一、主要工作成效

  2023年,全县收到行政复议申请10宗,同比增长68.67%。
"""

# The same four-digit value on two unrelated indicators: a warning, not a failure.
REPEATED_VALUE = """青松县人民政府关于2023年度法治政府建设情况的报告

  一、主要工作成效

  (一)依法化解行政争议。2023年,全县收到行政复议申请1357宗,行政复议工作规范有序推进,
行政复议监督纠错功能进一步发挥。

  (二)推进政务公开。健全政府信息公开工作机制,主动公开政府信息,全年办理政府信息公开申请1357件,
依法保障人民群众知情权。
"""


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def workdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An empty current directory, so tests can see that nothing is written there."""
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    monkeypatch.chdir(cwd)
    return cwd


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def reports_dir(tmp_path: Path) -> Path:
    """A directory with the seed (2023) and a 2022 report consistent with its growth claim."""
    d = tmp_path / "reports"
    d.mkdir()
    shutil.copyfile(SEED, d / "huadu-2023.txt")
    write(d / "huadu-2022.txt", PRIOR_TEMPLATE.format(count=466, closed=430))
    write(d / "notes.md", "not a report: 收到行政复议申请1宗")
    return d


def listing(path: Path) -> set[str]:
    return {str(p.relative_to(path)) for p in path.rglob("*")}


# --------------------------------------------------------------------------- basics


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--version"], capsys)
    assert code == 0
    assert out.strip() == f"lawgov-metrics {lm.__version__}"


def test_python_dash_m_version() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "lawgov_metrics", "--version"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"lawgov-metrics {lm.__version__}"


def test_help_lists_subcommands(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["--help"], capsys)
    assert code == 0
    for sub in ("extract", "check", "audit", "plot"):
        assert sub in out


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    parser = cli.build_parser()
    (sub,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(sub.choices)


@pytest.mark.parametrize("command", ["extract", "check", "audit", "plot"])
def test_help_explains_every_option_and_shows_defaults(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run([command, "--help"], capsys)
    assert code == 0
    flat = " ".join(out.split())  # undo argparse's line wrapping
    actions = [a for a in _subparsers()[command]._actions if a.dest != "help"]
    assert {"jurisdiction", "year", "allow_empty", "no_progress"} <= {a.dest for a in actions}
    for action in actions:
        assert action.help, f"{command} {action.dest} has no help text"
        assert " ".join(action.help.split()) in flat, action.dest
        for option in action.option_strings:
            assert option in out
        if action.option_strings and action.default not in (None, False):
            assert f"(default: {action.default})" in flat, action.dest
    assert "exit status:" in out
    assert "2  bad usage, or an input that cannot be read" in out


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["frobnicate"],
        ["check"],
        ["check", "--scheme", "bankers", "x.txt"],
        ["check", "--fail-on", "never", "x.txt"],
        ["extract", "--format", "xml", "x.txt"],
        ["audit", "somewhere"],
        ["plot", "x.txt", "-o", "out.png"],
    ],
)
def test_bad_usage_exits_2_with_message(
    argv: list[str], capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    code, out, err = run(argv, capsys)
    assert code == 2
    assert out == ""
    assert err.startswith("lawgov-metrics: error:")
    assert "Traceback" not in err
    assert listing(workdir) == set()


@pytest.mark.parametrize("command", ["extract", "check", "plot"])
def test_missing_file_exits_2_naming_it(
    command: str, capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    extra = ["--indicator", "行政复议申请", "-o", "out.png"] if command == "plot" else []
    code, out, err = run([command, "no-such-report.txt", *extra], capsys)
    assert code == 2
    assert out == ""
    assert "no-such-report.txt" in err
    assert "Traceback" not in err
    assert listing(workdir) == set()


def test_directory_as_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    code, _, err = run(["check", str(tmp_path)], capsys)
    assert code == 2
    assert "directory" in err


def test_schemes_match_the_rounding_module() -> None:
    from lawgov_metrics import rounding

    assert set(cli.SCHEMES) == set(typing.get_args(rounding.Scheme))


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=HYPERLINK(1)", "'=HYPERLINK(1)"),
        ("+86 20 1234", "'+86 20 1234"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("-cmd", "'-cmd"),
        ("-12.5", "-12.5"),
        ("-1/3", "-1/3"),
        ("收到行政复议申请786宗", "收到行政复议申请786宗"),
        (786, 786),
    ],
)
def test_csv_cells_are_formula_safe(cell: object, expected: object) -> None:
    assert csv_safe(cell) == expected


@given(st.text())
def test_csv_safe_never_leaves_a_formula(text: str) -> None:
    safe = csv_safe(text)
    assert isinstance(safe, str)
    assert safe.endswith(text)
    if safe[:1] in ("=", "+", "-", "@", "\t", "\r"):
        assert re.fullmatch(r"[+-]\d+(\.\d+)?(/\d+)?", safe), safe


_TOKENS = st.sampled_from(
    [
        "extract", "check", "audit", "plot", "--format", "json", "csv", "table", "text",
        "--claims", "--scheme", "half_up", "floor", "--fail-on", "warn", "fail", "--html",
        "--indicator", "-o", "--year", "2023", "--jurisdiction", "花都区", "-q", "--help",
        "--version", ".", "missing.txt", "out.html", "--", "-",
    ]
)  # fmt: skip


@settings(
    max_examples=int(os.environ.get("LAWGOV_CLI_FUZZ_EXAMPLES", "150")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(st.lists(_TOKENS | st.text(max_size=12), max_size=7))
def test_arbitrary_arguments_never_crash(argv: list[str]) -> None:
    """Any argument list gives a status in {0, 1, 2} and writes nothing into an empty cwd."""
    with tempfile.TemporaryDirectory() as tmp:
        old = Path.cwd()
        os.chdir(tmp)
        try:
            with (
                contextlib.redirect_stdout(io.StringIO()),
                contextlib.redirect_stderr(io.StringIO()) as err,
            ):
                code = cli.main(argv)
            assert code in (0, 1, 2)
            assert "Traceback" not in err.getvalue()
            assert os.listdir(tmp) == []
        finally:
            os.chdir(old)


# --------------------------------------------------------------------------- extract


def test_extract_table_shows_the_seed_figures(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(SEED)], capsys)
    assert code == 0
    assert "花都区 2023" in out
    assert "行政复议申请" in out
    assert "786" in out


def test_extract_json_has_exact_values_and_spans(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(SEED), "--format", "json"], capsys)
    assert code == 0
    rows = json.loads(out)
    text = SEED.read_text(encoding="utf-8")
    hits = [r for r in rows if r["value"] == "786" and r["unit"] == "宗"]
    assert hits, "the 786宗 of 行政复议申请 is missing"
    for r in rows:
        assert r["file"] == str(SEED)
        assert r["jurisdiction"] == "花都区"
        assert r["year"] == 2023
        assert isinstance(r["value"], str)  # exact, never a float
    # Spans refer to the report text (read_report may normalise it, the seed needs none).
    assert any(text[h["start"] : h["end"]] == h["quote"] for h in hits)
    rate = [r for r in rows if r["value"] == "98.73"]
    assert rate, "the 98.73% rate is missing"
    assert rate[0]["unit"] == "%"


def test_extract_claims_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(SEED), "--claims", "--format", "json"], capsys)
    assert code == 0
    rows = json.loads(out)
    growth = [r for r in rows if r["kind"] == "growth"]
    assert any(r["rate"] == "68.67" and r["value"] == "786" for r in growth), growth
    assert any(r["kind"] == "streak" for r in rows)


def test_extract_csv_many_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    prior = write(tmp_path / "prior.txt", PRIOR_TEMPLATE.format(count=466, closed=430))
    code, out, _ = run(["extract", str(SEED), str(prior), "--format", "csv"], capsys)
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert {r["file"] for r in rows} == {str(SEED), str(prior)}
    assert {"subject", "value", "unit", "quote", "start", "end"} <= set(rows[0])
    prior_rows = [r for r in rows if r["file"] == str(prior)]
    assert any(r["value"] == "466" for r in prior_rows)
    assert {r["year"] for r in prior_rows} == {"2022"}


def test_extract_year_and_jurisdiction_defaults(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bare = write(tmp_path / "bare.txt", "全年收到行政复议申请52宗,办结49宗。\n")
    argv = ["extract", str(bare), "--format", "json", "--year", "2021", "--jurisdiction", "青松县"]
    code, out, _ = run(argv, capsys)
    assert code == 0
    rows = json.loads(out)
    assert rows
    assert {(r["jurisdiction"], r["year"]) for r in rows} == {("青松县", 2021)}


# --------------------------------------------------------------------------- check


def test_check_seed_passes_and_names_the_implied_prior(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(["check", str(SEED)], capsys)
    assert code == 0, out
    assert "466" in out  # 786 / 1.6867 leaves exactly one integer prior
    assert " 0 fail" in out
    assert err == ""


def test_check_impossible_growth_fails(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "bad.txt", IMPOSSIBLE_GROWTH)
    code, out, _ = run(["check", str(bad)], capsys)
    assert code == 1
    assert "[FAIL]" in out
    assert "68.67" in out


def test_check_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(tmp_path / "bad.txt", IMPOSSIBLE_GROWTH)
    code, out, _ = run(["check", str(bad), "--format", "json"], capsys)
    assert code == 1
    doc = json.loads(out)
    statuses = [r["status"] for r in doc["results"]]
    assert "fail" in statuses
    assert doc["counts"]["fail"] == statuses.count("fail") >= 1
    assert doc["reports"][0]["year"] == 2023
    fail = next(r for r in doc["results"] if r["status"] == "fail")
    assert fail["message"]
    assert fail["quotes"]


def test_check_csv_has_one_row_per_result(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = write(tmp_path / "bad.txt", IMPOSSIBLE_GROWTH)
    _, js, _ = run(["check", str(bad), "--format", "json"], capsys)
    code, out, _ = run(["check", str(bad), "--format", "csv"], capsys)
    assert code == 1
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == len(json.loads(js)["results"])
    assert {"check", "status", "message", "quotes"} <= set(rows[0])
    assert "fail" in {r["status"] for r in rows}


def test_check_fail_on_warn(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rep = write(tmp_path / "repeat.txt", REPEATED_VALUE)
    code, out, _ = run(["check", str(rep)], capsys)
    assert code == 0, out
    assert "[WARN]" in out
    assert "1357" in out
    code, _, _ = run(["check", str(rep), "--fail-on", "warn"], capsys)
    assert code == 1


@pytest.mark.parametrize(("prior", "expected"), [(466, 0), (467, 1)])
def test_check_across_years(
    prior: int, expected: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = write(tmp_path / "huadu-2022.txt", PRIOR_TEMPLATE.format(count=prior, closed=430))
    code, out, _ = run(["check", str(old), str(SEED)], capsys)
    assert code == expected, out
    if expected:
        # with several files, every result line starts with the files it is about
        fail_lines = [line for line in out.splitlines() if "[FAIL]" in line]
        assert fail_lines, out
        assert all(
            line.startswith(f"{old}, {SEED}: [FAIL]") and "467" in line and "786" in line
            for line in fail_lines
        ), out


def test_check_quiet_lists_only_problems(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rep = write(tmp_path / "repeat.txt", REPEATED_VALUE)
    code, loud, _ = run(["check", str(rep), str(SEED)], capsys)
    assert code == 0
    assert "[PASS]" in loud
    assert "[WARN]" in loud
    code, quiet, _ = run(["check", str(rep), str(SEED), "-q"], capsys)
    assert code == 0
    assert "[PASS]" not in quiet
    assert "[WARN]" in quiet
    assert "1357" in quiet


@pytest.mark.parametrize("scheme", cli.SCHEMES)
def test_check_accepts_every_scheme(scheme: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["check", str(SEED), "--scheme", scheme, "--format", "json"], capsys)
    assert code in (0, 1)
    assert json.loads(out)["scheme"] == scheme


# --------------------------------------------------------------------------- audit & plot


@pytest.mark.filterwarnings("error:Glyph")  # a CJK glyph missing from the font: a failure
def test_audit_writes_one_self_contained_page(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    before = listing(reports_dir)
    out_html = tmp_path / "audit.html"
    code, out, err = run(["audit", str(reports_dir), "--html", str(out_html)], capsys)
    assert code == 0, err
    assert listing(reports_dir) == before
    assert listing(workdir) == set()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["audit.html", "cwd", "reports"]
    page = out_html.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "2 reports" in page  # notes.md is not a report
    assert "huadu-2022.txt" in page
    assert "notes.md" not in page
    assert "花都区" in page
    # No external resources: every image is embedded.
    assert not re.search(r"""(src|href)=["'](?!data:)""", page)
    images = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', page)
    assert images, "no chart embedded"
    assert all(base64.b64decode(img).startswith(PNG_MAGIC) for img in images)
    assert "wrote" in out


def test_audit_shows_failures_with_quotes(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    write(reports_dir / "huadu-2022.txt", PRIOR_TEMPLATE.format(count=467, closed=430))
    out_html = tmp_path / "audit.html"
    code, _, _ = run(["audit", str(reports_dir), "--html", str(out_html)], capsys)
    assert code == 0  # the page was written; --fail-on decides otherwise
    page = out_html.read_text(encoding="utf-8")
    failures = page[page.index("Failures and warnings") : page.index('id="reports"')]
    assert '<article class="result fail">' in failures
    assert '<span class="badge">FAIL</span>' in failures
    # the 2022 figure shown in its sentence, with its file name, the quote highlighted
    assert (
        '<span class="file">huadu-2022.txt</span> <q>2022年,全区收到行政复议申请'
        "<mark>467宗</mark>,依法审结行政复议案件430宗。</q>"
    ) in failures
    assert "<mark>786宗</mark>" in failures
    code, _, _ = run(
        ["audit", str(reports_dir), "--html", str(out_html), "--fail-on", "fail"], capsys
    )
    assert code == 1


def test_audit_output_inside_the_directory_is_not_read_back(
    reports_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_html = reports_dir / "audit.html"
    for _ in range(2):
        code, _, _ = run(["audit", str(reports_dir), "--html", str(out_html)], capsys)
        assert code == 0
    assert "2 reports" in out_html.read_text(encoding="utf-8")


def test_audit_bad_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(["audit", str(empty), "--html", str(tmp_path / "a.html")], capsys)
    assert code == 2
    assert "no readable" in err
    code, _, err = run(["audit", str(tmp_path / "nope"), "--html", "a.html"], capsys)
    assert code == 2
    assert "not a directory" in err
    assert not (tmp_path / "a.html").exists()


def test_audit_output_directory_must_exist(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "missing" / "a.html"
    code, _, err = run(["audit", str(reports_dir), "--html", str(target)], capsys)
    assert code == 2
    assert "does not exist" in err
    assert not target.parent.exists()


@pytest.mark.filterwarnings("error:Glyph")
def test_plot_writes_a_png(
    reports_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], workdir: Path
) -> None:
    files = [str(reports_dir / "huadu-2022.txt"), str(reports_dir / "huadu-2023.txt")]
    out_png = tmp_path / "trend.png"
    code, _, err = run(["plot", *files, "--indicator", "行政复议申请", "-o", str(out_png)], capsys)
    assert code == 0, err
    data = out_png.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 5000  # a drawn chart, not an empty canvas
    assert listing(workdir) == set()


def test_plot_unknown_indicator_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_png = tmp_path / "x.png"
    argv = ["plot", str(SEED), "--indicator", "不存在的指标XYZ", "-o", str(out_png)]
    code, _, err = run(argv, capsys)
    assert code == 2
    assert "不存在的指标XYZ" in err
    assert not out_png.exists()
