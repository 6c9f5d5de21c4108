"""The command line's input handling: no silent success on a file that is not a report.

Empty, binary and PDF files, files without figures, link loops and broken links, names with
control characters, the reader's warnings, several files at once, and the progress bar.
"""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics import cli
from lawgov_metrics.cli import _inputs

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "examples" / "data" / "huadu-2023.txt"

PRIOR = """广州市花都区人民政府关于2022年度法治政府建设情况的报告

  2022年,全区收到行政复议申请466宗,依法审结行政复议案件430宗。
"""

NO_FIGURES = """青松县人民政府关于2023年度法治政府建设情况的报告

  一、主要工作

  坚持以习近平新时代中国特色社会主义思想为指导,深入推进法治政府建设,
各项工作取得新进展。
"""

PDF = b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n"
ELF = b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = cli.main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("lawgov-metrics: error: cannot read "), err
    assert "Traceback" not in err
    return lines[0]


@pytest.mark.parametrize("command", ["check", "extract", "plot"])
@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the file is empty"),
        (b" \n\t\r\n  ", "only white space"),
        (PDF, "a PDF document"),
        (ELF, "binary data"),
        (b"PK\x03\x04\x14\x00\x06\x00word/document.xml", "a ZIP archive"),
        ("收到行政复议申请786宗".encode() + b"\x00\x01\x02\x03", "binary data"),
    ],
)
def test_not_a_text_report_is_one_error_line_and_exit_2(
    command: str,
    content: bytes,
    reason: str,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(content)
    extra = (
        ["--indicator", "行政复议申请", "-o", str(tmp_path / "o.png")] if command == "plot" else []
    )
    code, out, err = run([command, str(path), *extra], capsys)
    assert code == 2
    assert out == ""  # never "? ?, 0 figures"
    line = one_error_line(err)
    assert str(path) in line
    assert reason in line
    assert not (tmp_path / "o.png").exists()


@pytest.mark.parametrize("command", ["check", "extract"])
def test_no_figures_is_an_error_unless_allowed(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "qingsong-2023.txt"
    path.write_text(NO_FIGURES, encoding="utf-8")
    code, out, err = run([command, str(path)], capsys)
    assert code == 2
    assert out == ""
    line = one_error_line(err)
    assert "no figures found" in line
    assert "--allow-empty" in line

    code, out, err = run([command, str(path), "--allow-empty"], capsys)
    assert code == 0
    assert err == f"lawgov-metrics: warning: {path}: no figures found\n"
    assert "青松县 2023, 0 figures" in out


def test_several_bad_files_each_get_a_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    pdf = tmp_path / "scan.txt"
    pdf.write_bytes(PDF)
    code, out, err = run(["check", str(SEED), str(empty), str(pdf)], capsys)
    assert code == 2
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 2, err
    assert f"cannot read {empty}: the file is empty" in lines[0]
    assert f"cannot read {pdf}: a PDF document" in lines[1]


def test_link_loop_and_broken_link_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    code, _, err = run(["check", str(loop)], capsys)
    assert code == 2
    line = one_error_line(err)
    assert "symbolic link loop" in line
    assert "no such file" not in line

    broken = tmp_path / "broken.txt"
    broken.symlink_to(tmp_path / "gone.txt")
    code, _, err = run(["extract", str(broken)], capsys)
    assert code == 2
    line = one_error_line(err)
    assert "broken symbolic link" in line
    assert "gone.txt" in line

    code, _, err = run(["check", str(tmp_path / "absent.txt")], capsys)
    assert code == 2
    assert "no such file" in one_error_line(err)


def test_file_names_with_control_characters_are_escaped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    evil = tmp_path / "a\n[PASS] forged\x1b[2J.txt"
    shutil.copyfile(SEED, evil)
    code, out, err = run(["check", str(evil), str(SEED), "-q"], capsys)
    assert code == 0, err
    assert "\x1b" not in out
    assert "\n[PASS] forged" not in out
    assert "\\n[PASS] forged\\x1b[2J.txt" in out
    # every line is either a report header, a result labelled with its files, or layout
    header = out.splitlines()[0]
    assert header.startswith("'")
    assert header.endswith("花都区 2023, 43 figures, 8 claims")

    missing = str(tmp_path / "gone\r\nlawgov-metrics: ok.txt")
    code, _, err = run(["check", missing], capsys)
    assert code == 2
    line = one_error_line(err)
    assert "\\r\\n" in line


@given(st.text())
def test_shown_names_are_one_printable_line(name: str) -> None:
    s = _inputs.shown(name)
    assert s.isprintable()
    if name.isprintable():
        assert s == name
    else:
        assert s.startswith("'")
        assert s.endswith("'")


def test_the_readers_warnings_go_to_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real = lm.read_report

    def with_warning(path: object) -> lm.Report:
        report = real(path)  # type: ignore[arg-type]
        return lm.Report(
            text=report.text,
            figures=report.figures,
            claims=report.claims,
            jurisdiction=report.jurisdiction,
            year=report.year,
            warnings=("3 undecodable characters replaced with U+FFFD",),
        )

    monkeypatch.setattr(lm, "read_report", with_warning)
    code, out, err = run(["check", str(SEED), "-q"], capsys)
    assert code == 0
    assert err == (
        f"lawgov-metrics: warning: {SEED}: 3 undecodable characters replaced with U+FFFD\n"
    )
    assert "花都区 2023" in out


def test_a_read_error_from_the_reader_is_exit_2(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(path: object) -> lm.Report:
        raise lm.ReadError(path, "binary input: 12 NUL bytes")

    monkeypatch.setattr(lm, "read_report", refuse)
    code, out, err = run(["extract", str(SEED)], capsys)
    assert code == 2
    assert out == ""
    assert one_error_line(err).endswith(f"cannot read {SEED}: binary input: 12 NUL bytes")


def test_read_error_is_the_librarys_and_a_value_error() -> None:
    assert issubclass(lm.ReadError, lm.LawgovMetricsError)
    assert issubclass(lm.ReadError, ValueError)
    assert "ReadError" in lm.__all__


def test_audit_lists_unreadable_files_and_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "reports"
    d.mkdir()
    shutil.copyfile(SEED, d / "huadu-2023.txt")
    (d / "huadu-2022.txt").write_text(PRIOR, encoding="utf-8")
    (d / "broken.txt").write_bytes(ELF)
    (d / "empty.html").write_bytes(b"")
    (d / "original.pdf").write_bytes(PDF)
    page = tmp_path / "audit.html"
    code, out, err = run(["audit", str(d), "--html", str(page)], capsys)
    assert code == 2
    assert "wrote" in out
    html = page.read_text(encoding="utf-8")
    skipped = html[html.index('id="skipped"') : html.index('id="folded"')]
    assert "broken.txt: the bytes hold NUL characters (binary data, not text)" in skipped
    assert "empty.html: the file is empty" in skipped
    assert "original.pdf: a PDF document" in skipped
    assert "2 reports" in html
    assert "2 files could not be read" in err.splitlines()[-1]

    # A PDF beside its text version is listed but does not fail the audit.
    (d / "broken.txt").unlink()
    (d / "empty.html").unlink()
    code, _, err = run(["audit", str(d), "--html", str(page)], capsys)
    assert code == 0, err
    assert "original.pdf" in err
    assert "original.pdf: a PDF document" in page.read_text(encoding="utf-8")


# --------------------------------------------------------------------------- progress


class FakeTerminal(io.StringIO):
    """A standard error that says it is a terminal."""

    def isatty(self) -> bool:
        return True


@pytest.fixture
def two_reports(tmp_path: Path) -> list[str]:
    prior = tmp_path / "huadu-2022.txt"
    prior.write_text(PRIOR, encoding="utf-8")
    return [str(prior), str(SEED)]


@pytest.mark.parametrize("command", ["check", "extract"])
def test_progress_bar_on_a_terminal_only(
    command: str,
    two_reports: list[str],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    code, quiet_out, err = run([command, *two_reports], capsys)  # capsys: not a terminal
    assert code == 0
    assert err == ""

    tty = FakeTerminal()
    monkeypatch.setattr("sys.stderr", tty)
    code, out, _ = run([command, *two_reports], capsys)
    assert code == 0
    bar = tty.getvalue()
    assert "reading:" in bar
    assert "/2 [" in bar  # "n/2 [elapsed<remaining, rate]"
    assert "\r" in bar
    assert out == quiet_out  # the bar never touches standard output

    silent = FakeTerminal()
    monkeypatch.setattr("sys.stderr", silent)
    code, out, _ = run([command, *two_reports, "--no-progress"], capsys)
    assert code == 0
    assert silent.getvalue() == ""
    assert out == quiet_out


def test_audit_progress_bar_on_a_terminal(
    two_reports: list[str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    d = Path(two_reports[0]).parent
    shutil.copyfile(SEED, d / SEED.name)
    tty = FakeTerminal()
    monkeypatch.setattr("sys.stderr", tty)
    code, _, _ = run(["audit", str(d), "--html", str(tmp_path / "a.html")], capsys)
    assert code == 0
    assert "reading:" in tty.getvalue()
    assert "/2 [" in tty.getvalue()


def test_jobs_read_in_a_pool_and_say_the_same(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    prior = tmp_path / "huadu-2022.txt"
    prior.write_text(PRIOR, encoding="utf-8")
    files = [str(SEED), str(prior)]
    serial = run(["check", *files, "--no-progress"], capsys)
    pooled = run(["check", *files, "--no-progress", "--jobs", "2"], capsys)
    assert pooled == serial
    assert serial[0] in (0, 1)
    # an unreadable file among them is refused the same way, in a pool or not
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "x.pdf").write_bytes(PDF)
    bad = [*files, str(tmp_path / "empty.txt"), str(tmp_path / "x.pdf")]
    serial = run(["check", *bad, "--no-progress"], capsys)
    pooled = run(["check", *bad, "--no-progress", "-j", "2"], capsys)
    assert pooled == serial
    assert serial[0] == 2
    assert "the file is empty" in serial[2]
    assert "a PDF document" in serial[2]


@pytest.mark.parametrize("jobs", ["-1", "two"])
def test_jobs_must_be_a_whole_number(jobs: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["check", str(SEED), "--jobs", jobs], capsys)
    assert code == 2
    assert out == ""
    assert "argument --jobs/-j:" in err
