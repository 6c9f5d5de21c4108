"""The audit page, read with an HTML parser: order, sentences, files, folding, safety."""

from __future__ import annotations

import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics import cli
from lawgov_metrics.cli import audit

HERE = Path(__file__).resolve().parent
SEED = HERE.parent / "examples" / "data" / "huadu-2023.txt"

PRIOR_467 = """广州市花都区人民政府关于2022年度法治政府建设情况的报告

  2022年,全区收到行政复议申请467宗,依法审结行政复议案件430宗。
"""

INJECTION = """<script>alert("t")</script>青松县人民政府关于2023年度法治政府建设情况的报告

  2023年,全县收到行政复议申请10宗"><img src=x onerror=alert(1)>,同比增长68.67%。
  全年办理政府信息公开申请1357件</textarea><script>alert(2)</script>,行政复议案件1357宗。
"""


class Page(HTMLParser):
    """Start tags with attributes, and the text inside each section (by id)."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.section = ""
        self.text: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags.append((tag, a))
        if tag == "section":
            self.section = a.get("id", "")

    def handle_data(self, data: str) -> None:
        self.text[self.section] = self.text.get(self.section, "") + data


def parse(page: str) -> Page:
    p = Page()
    p.feed(page)
    p.close()
    return p


@pytest.fixture
def audited(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> tuple[str, Path]:
    d = tmp_path / "reports"
    d.mkdir()
    shutil.copyfile(SEED, d / "huadu-2023.txt")
    (d / "huadu-2022.txt").write_text(PRIOR_467, encoding="utf-8")
    (d / "<b onmouseover=alert(9)>.txt").write_text(INJECTION, encoding="utf-8")
    out = tmp_path / "out" / "audit.html"
    out.parent.mkdir()
    code = cli.main(["audit", str(d), "--html", str(out)])
    capsys.readouterr()
    assert code == 0
    return out.read_text(encoding="utf-8"), tmp_path


def test_failures_and_warnings_come_first(audited: tuple[str, Path]) -> None:
    page, _ = audited
    p = parse(page)
    sections = [a["id"] for tag, a in p.tags if tag == "section"]
    assert sections == ["flagged", "folded", "reports", "summary", "charts"]
    assert "Failures and warnings (" in p.text["flagged"]
    # FAIL before WARN
    kinds = [a["class"] for tag, a in p.tags if tag == "article"]
    assert kinds == sorted(kinds, key=lambda k: 0 if k.endswith("fail") else 1)
    assert "result fail" in kinds
    assert "result warn" in kinds


def test_each_figure_in_its_sentence_with_its_file(audited: tuple[str, Path]) -> None:
    page, _ = audited
    flagged = page[page.index('id="flagged"') : page.index('id="folded"')]
    assert (
        '<span class="file">huadu-2022.txt</span> <q>2022年,全区收到行政复议申请'
        "<mark>467宗</mark>,依法审结行政复议案件430宗。</q>"
    ) in flagged
    assert '<span class="file">huadu-2023.txt</span> <q>' in flagged
    # offsets are not shown; quotes are
    assert "–" not in parse(flagged).text.get("flagged", "")


def test_undecidable_and_passes_are_folded(audited: tuple[str, Path]) -> None:
    page, _ = audited
    p = parse(page)
    details = [a for tag, a in p.tags if tag == "details"]
    assert [d["class"] for d in details] == ["undecidable", "pass"]
    assert all("open" not in d for d in details)
    assert "Undecidable (" in p.text["folded"]
    assert "streak.sequence" in p.text["folded"]
    assert "streak.sequence" not in p.text["flagged"]


def test_paths_are_relative(audited: tuple[str, Path]) -> None:
    page, tmp = audited
    assert str(tmp) not in page
    assert str(tmp.resolve()) not in page
    assert "<h1>Audit of reports</h1>" in page  # beside the page: its own name


def test_page_is_injection_safe(audited: tuple[str, Path]) -> None:
    page, _ = audited
    p = parse(page)
    tags = [t for t, _ in p.tags]
    assert "script" not in tags
    assert "textarea" not in tags
    for tag, attrs in p.tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        for k in ("src", "href"):
            assert attrs.get(k, "data:").startswith("data:"), (tag, attrs)
    text = "".join(p.text.values())
    assert "<b onmouseover=alert(9)>.txt" in text  # shown as text, escaped in the source
    assert '"><img src=x onerror=alert(1)>' in text
    csp = [a for t, a in p.tags if t == "meta" and a.get("http-equiv")]
    assert csp[0]["content"].startswith("default-src 'none'")


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(min_size=1, max_size=40), st.text(max_size=40))
def test_any_text_and_file_name_stay_text(name: str, text: str) -> None:
    body = f"2023年,全区收到行政复议申请{text}786宗,同比增长68.67%。{text}"
    report = lm.extract(body, jurisdiction="花都区", year=2023)
    results = lm.check(report)
    page = audit.render_page(
        directory=name,
        entries=[(name, report)],
        skipped=[(name, text)],
        results=results,
        charts=[audit.Chart(name, None, text)],
        scheme="half_up",
    )
    p = parse(page)
    assert not {"script", "iframe", "object", "embed"} & {t for t, _ in p.tags}
    for _tag, attrs in p.tags:
        assert not any(k.startswith("on") for k in attrs)


def test_sentence_around_is_bounded_and_exact() -> None:
    text = "甲" * 500 + "收到申请12件" + "乙" * 500
    start = text.index("12件")
    before, quote, after = audit.sentence_around(text, (start, start + 3))
    assert quote == "12件"
    assert before.startswith("…")
    assert after.endswith("…")
    assert len(before) <= 161
    assert len(after) <= 161
    assert audit.sentence_around("abc", (5, 9)) == ("", "", "")


def test_tables_section_is_left_out_until_a_renderer_gives_html(
    tmp_path: Path,
) -> None:
    report = lm.read_report(SEED)
    results = lm.check(report)
    kw = {
        "directory": "reports",
        "entries": [("huadu-2023.txt", report)],
        "skipped": [],
        "results": results,
        "charts": [],
        "scheme": "half_up",
    }
    assert 'id="tables"' not in audit.render_page(**kw)  # type: ignore[arg-type]
    seen: list[tuple[object, object]] = []

    def tables(r: lm.Report, res: lm.CheckReport) -> str:
        seen.append((r, res))
        return "<table><tr><td class='broken'>786</td></tr></table>"

    page = audit.render_page(**kw, tables=tables)  # type: ignore[arg-type]
    assert seen == [(report, results)]
    tables_part = page[page.index('id="tables"') : page.index('id="reports"')]
    assert "<h3>huadu-2023.txt</h3><table>" in tables_part
    assert page.index('id="flagged"') < page.index('id="tables"')


def test_a_broken_disclosure_table_is_drawn_with_its_cells_highlighted(tmp_path: Path) -> None:
    values = {
        ("t4", "reconsideration", r): n
        for r, n in (("upheld", 3), ("corrected", 1), ("other", 0), ("pending", 1), ("total", 6))
    }
    page_text = "青山县2023年政府信息公开工作年度报告\n" + lm.render_template(
        values, fmt="markdown", tables=("t4",)
    )
    (tmp_path / "qingshan-2023.txt").write_text(page_text, encoding="utf-8")
    out = tmp_path / "audit.html"
    cli.main(["audit", str(tmp_path), "--html", str(out), "--no-progress"])
    page = out.read_text(encoding="utf-8")
    tables_part = page[page.index('id="tables"') : page.index('id="reports"')]
    parser = _Cells()
    parser.feed(tables_part)
    marked = {text for cls, text in parser.cells if cls == "fail"}
    assert {"3", "1", "0", "6"} <= marked, parser.cells  # the broken 行政复议 block
    assert "table.disclosure td.fail" in page  # its style is on the page


class _Cells(HTMLParser):
    """(class, text) of every <td> of a fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.cells: list[tuple[str, str]] = []
        self._cls: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "td":
            self._cls = dict(attrs).get("class") or ""

    def handle_data(self, data: str) -> None:
        if self._cls is not None:
            self.cells.append((self._cls, data.strip()))
            self._cls = None
