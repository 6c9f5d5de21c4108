"""Tests for lawgov_metrics.reading.metadata: title, jurisdiction, year, date, source, kind."""

from __future__ import annotations

import datetime as dt
import pathlib

import pytest

from lawgov_metrics.extract import extract, read_report

DATA = pathlib.Path(__file__).parent / "data"


def test_metadata_from_the_seed() -> None:
    report = read_report(DATA / "huadu-2023.txt")
    assert report.jurisdiction == "花都区"
    assert report.year == 2023
    assert report.published == dt.date(2024, 1, 4)
    assert report.source == "花都区司法局"
    assert report.path == str(DATA / "huadu-2023.txt")
    assert not any(f.start < report.text.index("2023年,花都区") for f in report.figures)


@pytest.mark.parametrize(
    ("title", "jurisdiction"),
    [
        ("广州市花都区司法局关于2023年度法治政府建设情况的报告", "花都区司法局"),
        ("湖北省人民政府关于2022年法治政府建设情况的报告", "湖北省"),
        ("某某市某某县人民政府2021年度法治政府建设年度报告", "某某县"),
        ("广西壮族自治区人民政府关于2020年度法治政府建设情况的报告", "广西壮族自治区"),
        ("武汉市洪山区洪山街道办事处关于2025年度法治政府建设情况的报告", "洪山街道办事处"),
    ],
)
def test_jurisdictions(title: str, jurisdiction: str) -> None:
    assert extract(title + "\n正文。").jurisdiction == jurisdiction


def test_year_from_opening_and_overrides() -> None:
    assert extract("2022年,我区办理案件12件。").year == 2022
    report = extract("办理案件12件。", jurisdiction="花都区", year=2021, title="T")
    assert (report.jurisdiction, report.year, report.title) == ("花都区", 2021, "T")
    assert extract("发布日期:2024年1月4日\n正文").published == dt.date(2024, 1, 4)


@pytest.mark.parametrize(
    ("title", "doc_type"),
    [
        ("某某区人民政府关于2023年度法治政府建设情况的报告", "rule_of_law"),
        ("某某县2022年依法行政工作情况的报告", "rule_of_law"),
        ("某某市人民政府办公室2023年政府信息公开工作年度报告", "disclosure"),
        ("某某区司法局2024年度政府信息公开年度报告", "disclosure"),
        ("某某区2023年行政复议工作统计分析报告", None),
    ],
)
def test_doc_type_from_the_title(title: str, doc_type: str | None) -> None:
    assert extract(title + "\n一、总体情况\n收到申请12件。").doc_type == doc_type


def test_no_title_no_doc_type_and_a_typed_record() -> None:
    from lawgov_metrics.reading.document import Document
    from lawgov_metrics.reading.metadata import Metadata, read_metadata

    assert extract("收到申请12件。").doc_type is None
    meta = read_metadata(Document.build("某某县人民政府关于2021年度法治政府建设情况的报告\n正文"))
    assert isinstance(meta, Metadata)
    assert (meta.jurisdiction, meta.year, meta.doc_type) == ("某某县", 2021, "rule_of_law")
    assert meta.title_span == (0, len("某某县人民政府关于2021年度法治政府建设情况的报告"))
