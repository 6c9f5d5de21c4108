"""Time reading and checking the tables of a 100 KB disclosure report page.

The page is the template's three tables in their real HTML layout (rowspan/colspan) inside
about 100 KB of report prose (one 依申请公开 paragraph restating T3, the rest other
sections). Measured in one run, so the ratios hold on a loaded machine:

* the tables' part: the page to text with its tables (selectolax), the tables read against
  the template, and the ``disclosure.*`` checks; target under 20 ms;
* the baseline: ``extract()`` of the same page's prose without the tables;
* the whole: ``extract()`` of the page's text and ``check()`` of all checks.

Run: python bench/bench_disclosure.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import lawgov_metrics as lm
from lawgov_metrics.reading.html import html_to_text, render_html
from lawgov_metrics.reading.report_tables import read_tables

FILLER = (
    "<p>（一）主动公开。全年通过县政府门户网站主动公开政府信息6842条，同比增长12.6%，"
    "其中政策文件216条，政策解读74条。召开新闻发布会18场，政务新媒体发布信息2390条。</p>"
    "<p>（三）政府信息管理。清理行政规范性文件41件，其中废止7件，宣布失效3件，修改2件。"
    "县政府门户网站全年访问量约182万人次，政务新媒体账号共27个。</p>"
)
REQUESTS = (
    "<p>（二）依申请公开。全年共收到政府信息公开申请146件，上年结转6件，已办结147件，"
    "结转下年度继续办理5件。所有申请均在法定期限内答复。</p>"
)


def _values() -> dict[tuple[str, str, str], int]:
    v: dict[tuple[str, str, str], int] = {}
    for (row, n) in (("new", 146), ("carried_in", 6), ("total", 147), ("carried_out", 5),
                     ("disclosed", 147)):  # fmt: skip
        v[("t3", row, "natural_person")] = v[("t3", row, "total")] = n
    v[("t4", "reconsideration", "upheld")] = v[("t4", "reconsideration", "total")] = 3
    return v


def _page(size: int = 100_000) -> tuple[str, str]:
    """The page (prose, the 依申请公开 paragraph, the tables, more prose) and its prose alone."""
    tables = lm.render_template(_values())
    head = "<html><head><title>青山县人民政府2023年政府信息公开工作年度报告</title></head><body>"
    n = max(2, (size - len(tables.encode()) - len(head.encode())) // len(FILLER.encode()))
    before, after = FILLER * (n // 2), FILLER * (n - n // 2)
    page = f"{head}{before}{REQUESTS}{tables}{after}</body></html>"
    return page, f"{head}{before}{REQUESTS}{after}</body></html>"


def _time(fn: Callable[[], object], repeat: int) -> float:
    fn()  # warm up
    runs = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - t0)
    return statistics.median(runs) * 1000


def main(repeat: int = 15) -> None:
    page, prose_page = _page()
    text = html_to_text(page)
    prose_text = html_to_text(prose_page)
    report = lm.extract(text)
    assert report.disclosure is not None
    assert report.disclosure.t3 is not None

    def tables_part() -> None:
        rendered = render_html(page)
        read_tables(rendered.text)
        lm.check(report, checks=["disclosure"])

    parts = {
        "page to text with tables (selectolax)": lambda: render_html(page),
        "tables read against the template": lambda: read_tables(text),
        "disclosure.* checks": lambda: lm.check(report, checks=["disclosure"]),
        "tables read and checked (target < 20 ms)": tables_part,
        "baseline: extract() of the prose alone": lambda: lm.extract(prose_text),
        "whole: extract() + check() of the page": lambda: lm.check(lm.extract(text)),
    }
    times = {name: _time(fn, repeat) for name, fn in parts.items()}
    base = times["baseline: extract() of the prose alone"]
    print(f"page: {len(page.encode()) / 1000:.0f} KB of HTML, {len(report.figures)} figures")
    for name, ms in times.items():
        print(f"{name:44s} {ms:8.2f} ms   {ms / base:5.2f} x baseline")


if __name__ == "__main__":
    main()
