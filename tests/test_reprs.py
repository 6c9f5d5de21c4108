"""Notebook displays: one-line and HTML reprs of check results and reports."""

from __future__ import annotations

import subprocess
import sys
from decimal import Decimal
from html.parser import HTMLParser
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

import lawgov_metrics as lm

SEED = Path(__file__).resolve().parent.parent / "examples" / "data" / "huadu-2023.txt"


class Tags(HTMLParser):
    """The start tags and the text of an HTML fragment, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(fragment: str) -> Tags:
    t = Tags()
    t.feed(fragment)
    t.close()
    return t


def test_check_result_repr_is_one_short_line() -> None:
    r = lm.verify_growth(prior=467, current=786, reported="68.67")
    text = repr(r)
    assert text.startswith("<CheckResult FAIL growth.verify: 786 vs 467")
    assert text.endswith("…>")
    assert "\n" not in text
    assert len(text) < 120


@given(st.text(), st.sampled_from(list(lm.Status)))
def test_check_result_repr_never_spans_lines(message: str, status: lm.Status) -> None:
    r = lm.CheckResult(check="x.y", status=status, message=message, reports=["花都区 2023"])
    text = repr(r)
    assert not any(ch in text for ch in "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
    assert text.startswith(f"<CheckResult {status.name} x.y: ")
    assert text.endswith("[花都区 2023]>")


def test_check_result_html_is_escaped_and_shows_quotes() -> None:
    q = lm.Quantity(value=Decimal("786"), unit="宗", text="786宗")
    fig = lm.Figure(quantity=q, subject="行政复议申请", quote="<b>786宗</b>")
    r = lm.CheckResult(
        check="growth.verify",
        status=lm.Status.WARN,
        message='<script>alert("x")</script> 786',
        figures=[fig],
    )
    page = r._repr_html_()
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "&lt;b&gt;786宗&lt;/b&gt;" in page
    tags = parse(page)
    assert "script" not in tags.tags
    assert "WARN" in tags.text


def test_report_html_puts_status_and_claims_before_figures() -> None:
    report = lm.read_report(SEED)
    page = report._repr_html_()
    status = page.index("checks: 0 fail, 1 warn")
    claims = page.index("<th>claim</th>")
    figures = page.index("<th>qualifier</th>")
    assert status < claims < figures
    assert "同比增长68.67%" in page[claims:figures]
    assert "duplicate.value" in page[status:claims]  # the warning is listed with the status
    assert page.count("<tr>") >= len(report.figures) + len(report.claims)


def test_report_html_is_escaped() -> None:
    report = lm.extract("全年收到<script>申请12件</script>,同比增长20%。", jurisdiction="<i>甲</i>")
    page = report._repr_html_()
    assert "<script>" not in page
    assert "<i>" not in page
    assert "script" not in parse(page).tags


def test_importing_records_imports_no_higher_layer() -> None:
    code = (
        "import sys, lawgov_metrics.records as r; "
        "print(sorted(m for m in sys.modules if m.startswith('lawgov_metrics.') and "
        "m.split('.')[1] in ('checks', 'panel', 'plotting', 'cli')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
