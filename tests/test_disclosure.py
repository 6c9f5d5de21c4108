"""Reading the template's tables: HTML and markdown pages, both forms, partial and generic
tables, 拆格, header units, and the figures the cells become."""

from __future__ import annotations

from decimal import Decimal

import pytest
from disclosure_gen import all_keys, page, page_of, read
from hypothesis import given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics.reading.report_tables import indicator_id, read_tables
from lawgov_metrics.strategies import disclosure_tables

FORMS = ["2021", "2019"]
FMTS = ["html", "markdown", "tab", "space"]


def _values(form: str) -> dict[tuple[str, str, str], int]:
    """A fixed consistent table: a few real numbers, the rest 0."""
    v = dict.fromkeys(all_keys(form), 0)
    for col, new, carried, out in [("natural_person", 139, 6, 5), ("business", 4, 0, 0),
                                   ("legal_services", 3, 0, 0)]:  # fmt: skip
        v[("t3", "new", col)], v[("t3", "carried_in", col)] = new, carried
        v[("t3", "carried_out", col)] = out
        done = new + carried - out
        v[("t3", "total", col)] = done
        v[("t3", "disclosed", col)] = done - 1
        v[("t3", "withheld_third_party", col)] = 1
    for row in ("new", "carried_in", "carried_out", "total", "disclosed", "withheld_third_party"):
        v[("t3", row, "total")] = sum(v[("t3", row, c)] for c in ("natural_person", "business",
                                                                 "legal_services"))  # fmt: skip
    v[("t4", "reconsideration", "upheld")] = 3
    v[("t4", "reconsideration", "total")] = 3
    v[("t2", "normative_documents", "issued" if form == "2021" else "made")] = 12
    return v


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("fmt", FMTS)
def test_real_layout_pages_give_the_right_cells(form: str, fmt: str) -> None:
    v = _values(form)
    report = read(page(v, form=form, fmt=fmt), fmt)
    d = report.disclosure
    assert d is not None
    assert d.format == form
    assert report.doc_type == "disclosure"
    assert d.t3 is not None
    assert d.t4 is not None
    assert d.t2 is not None
    assert d.t3.value("本年新收", "总计") == 146
    assert d.t3.value("一、本年新收政府信息公开申请数量", "自然人") == 139
    assert d.t3.value("不予公开/保护第三方合法权益", "法律服务机构") == 1
    assert d.t3.value("总计", "total") == 147
    assert d.t3.value("结转下年度", "总计") == 5
    assert d.t4.value("行政复议", "结果维持") == 3
    assert d.t4.value("行政诉讼/复议后起诉", "总计") == 0
    col = "本年制发件数" if form == "2021" else "本年新制作数量"
    assert d.t2.value("行政规范性文件", col) == 12
    for (table, row, c), want in v.items():
        t = {"t2": d.t2, "t3": d.t3, "t4": d.t4}[table]
        assert t.value(row, c) == want, (table, row, c)
    assert d.t3.missing == ()
    # every cell's span points at its text in the report
    for t in d.tables():
        for cell in t.cells:
            assert report.text[cell.span[0] : cell.span[1]] == cell.text


def test_html_and_markdown_give_the_same_cells() -> None:
    v = _values("2021")
    a = read(page(v, fmt="html"), "html").disclosure
    b = read(page(v, fmt="markdown"), "markdown").disclosure
    assert a is not None
    assert b is not None
    for ta, tb in zip(a.tables(), b.tables(), strict=True):
        got_a = {(c.row_key, c.column_key): c.value for c in ta.cells}
        got_b = {(c.row_key, c.column_key): c.value for c in tb.cells}
        assert got_a == got_b


def test_read_report_reads_an_html_file(tmp_path: object) -> None:
    import pathlib

    path = pathlib.Path(str(tmp_path)) / "report.html"
    path.write_text(page(_values("2021")), encoding="utf-8")
    report = lm.read_report(path)
    assert report.disclosure is not None
    assert report.disclosure.t3.value("本年新收", "总计") == 146
    assert report.year == 2023


def test_cells_become_figures_with_the_templates_labels() -> None:
    report = read(page(_values("2021"), fmt="markdown"), "markdown")
    subjects = {f.subject: f for f in report.figures}
    f = subjects["本年新收政府信息公开申请（总计）"]
    assert (f.value, f.quote, report.text[f.span[0] : f.span[1]]) == (146, "146", "146")
    assert "政府信息公开申请办理结果/不予公开/保护第三方合法权益（自然人）" in subjects
    assert "政府信息公开行政复议（结果维持）" in subjects
    # one figure per cell: the loose reading of the same cell is gone
    spans = [f.span for f in report.figures]
    assert len(spans) == len(set(spans))


def test_cells_line_up_in_a_panel_with_stable_indicator_ids() -> None:
    r23 = read(page(_values("2021"), fmt="html", year=2023), "html")
    r24 = read(page(_values("2021"), fmt="markdown", year=2024), "markdown")
    panel = lm.Panel.from_reports([r23, r24])
    rows = panel.frame[panel.frame["indicator"] == "disclosure_t3_new_total"]
    assert rows["year"].tolist() == [2023, 2024]
    assert rows["value"].tolist() == [Decimal(146), Decimal(146)]
    assert set(rows["label"]) == {"本年新收政府信息公开申请（总计）"}


def test_every_template_cell_has_an_indicator() -> None:
    voc = lm.default_vocabulary()
    for form in FORMS:
        report = read(page(_values(form), form=form, fmt="markdown"), "markdown")
        d = report.disclosure
        assert d is not None
        from lawgov_metrics.reading.report_tables import subject_of

        for t in d.tables():
            for cell in t.cells:
                ind = voc.match(subject_of(t.kind, cell), cell.unit)
                assert ind is not None, subject_of(t.kind, cell)
                assert ind.id == indicator_id(t.kind, cell)


def test_the_unit_in_a_header_is_read() -> None:
    text = "第二十条第（八）项\n信息内容 | 本年收费金额（单位：万元）\n行政事业性收费 | 562.38\n"
    report = lm.extract(text)
    d = report.disclosure
    assert d is not None
    assert d.t2 is not None
    cell = d.t2.cell("行政事业性收费", "本年收费金额")
    assert (cell.value, cell.unit) == (Decimal("562.38"), "万元")
    (fig,) = report.figures
    assert (fig.quantity.value, fig.quantity.unit, fig.quote) == (Decimal(5623800), "元", "562.38")
    assert fig.kind == "money"


def test_marks_are_kept_apart_from_zero() -> None:
    text = (
        "项目 | 自然人 | 法人或其他组织 | 总计\n"
        "一、本年新收政府信息公开申请数量 | 3 | / | 3\n"
        "二、上年结转政府信息公开申请数量 | - |  | 0\n"
    )
    d = lm.extract(text).disclosure
    assert d is not None
    assert d.t3 is not None
    new_legal = d.t3.cell("本年新收", "法人或其他组织")
    assert (new_legal.value, new_legal.mark) == (None, "/")
    carried = d.t3.cell("上年结转", "自然人")
    assert (carried.value, carried.mark) == (None, "-")
    assert d.t3.cell("上年结转", "法人或其他组织").mark == ""
    assert d.t3.value("上年结转", "总计") == 0


def test_a_partly_matching_table_says_what_is_missing() -> None:
    text = (
        "类别\t自然人\t法人或其他组织\t总计\n"
        "一、本年新收政府信息公开申请数量\t10\t2\t12\n"
        "（一）予以公开\t8\t2\t10\n"
        "（七）总计\t8\t2\t10\n"
    )
    report = lm.extract(text, year=2022)
    d = report.disclosure
    assert d is not None
    assert d.t3 is not None
    assert "上年结转" in d.t3.missing
    assert any("法人或其他组织" in m for m in d.t3.missing)
    assert d.missing == ("T2", "T4")
    assert d.notes  # the form came from the year
    (res,) = lm.check(report, checks=["disclosure.template"])
    assert res.status is lm.Status.UNDECIDABLE
    assert "上年结转" in res.message
    assert "T4 not found" in res.message


def test_numbering_wording_and_full_width_variants() -> None:
    text = (
        "项目｜自然人｜商业企业｜科研机构｜社会公益组织｜法律服务机构｜其他｜总计\n"
        "本年新收申请数量｜５｜０｜０｜０｜０｜１｜６\n"
        "(一)予以公开｜５｜０｜０｜０｜０｜１｜６\n"
        "4.结转下年度继续办理｜0｜0｜0｜0｜0｜0｜0\n"
    )
    d = lm.extract(text).disclosure
    assert d is not None
    assert d.t3 is not None
    assert d.t3.value("本年新收", "其他") == 1
    assert d.t3.value("予以公开", "总计") == 6
    assert d.t3.value("结转下年度", "商业企业") == 0


def test_a_split_number_is_joined_where_the_arithmetic_says() -> None:
    text = (
        "项目 | 自然人 | 法人或其他组织 | 总计\n"
        "一、本年新收政府信息公开申请数量 | 71 | 3 | 5 | 718\n"
    )
    report = lm.extract(text)
    d = report.disclosure
    assert d is not None
    assert d.t3 is not None
    cell = d.t3.cell("本年新收", "自然人")
    assert (cell.value, cell.text) == (Decimal(713), "71 | 3")
    assert report.text[cell.span[0] : cell.span[1]] == "71 | 3"
    assert any("拆格" in n for n in d.t3.notes)
    # never two figures: 71 and 3 are one figure 713
    assert [f.value for f in report.figures] == [713, 5, 718]


def test_a_split_number_that_no_join_explains_is_not_read() -> None:
    text = (
        "项目 | 自然人 | 法人或其他组织 | 总计\n一、本年新收政府信息公开申请数量 | 71 | 3 | 5 | 9\n"
    )
    report = lm.extract(text)
    assert report.figures == ()
    d = report.disclosure
    assert d is None or d.t3 is None or not d.t3.cells


def test_a_generic_table_keeps_row_and_column_labels_and_units() -> None:
    text = (
        "单位：万元\n"
        "项目 | 2023年 | 2024年\n"
        "法律援助经费 | 120.5 | 130\n"
        "申请事项 | 举报投诉处理 | 政府信息公开\n"
        "数量 | 75件 | 16件\n"
    )
    tr = read_tables(text)
    assert tr.disclosure is None
    (t,) = tr.tables
    assert t.kind == "generic"
    assert t.cell("法律援助经费", "2024年").value == 130
    assert t.cell("法律援助经费", "2023年").unit == "万元"
    subjects = [(f.subject, f.quantity.value, f.quantity.unit) for f in tr.figures]
    assert subjects[:2] == [
        ("法律援助经费", Decimal(1205000), "元"),
        ("法律援助经费", Decimal(1300000), "元"),
    ]
    assert lm.extract(text).disclosure is None


def test_a_generic_table_in_a_disclosure_report() -> None:
    text = page(_values("2021"), fmt="markdown") + "\n类别 | 数量\n网站访问 | 1200\n"
    d = lm.extract(text).disclosure
    assert d is not None
    assert [c.value for t in d.generic for c in t.cells] == [1200]


def test_frame_has_every_cell_with_its_quote() -> None:
    report = read(page(_values("2021"), fmt="tab"), "tab")
    d = report.disclosure
    assert d is not None
    assert d.t3 is not None
    df = d.t3.frame
    assert len(df) == len(d.t3.cells) == 25 * 7  # 2021: 25 rows print numbers
    row = df[(df["row"] == "本年新收") & (df["column"] == "总计")].iloc[0]
    assert (row["value"], row["quote"]) == (Decimal(146), "146")
    assert report.text[row["start"] : row["end"]] == "146"
    assert set(d.frame["table"]) == {"t2", "t3", "t4"}


def test_unknown_labels_give_none() -> None:
    d = read(page(_values("2021"), fmt="markdown"), "markdown").disclosure
    assert d is not None
    assert d.t3 is not None
    assert d.t3.value("没有这一行", "总计") is None
    assert d.t3.cell("本年新收", "没有这一列") is None


def test_a_rule_of_law_report_with_a_table_keeps_its_kind() -> None:
    text = (
        "花都区2023年法治政府建设年度报告\n"
        "类别 | 结果维持 | 结果纠正 | 其他结果 | 尚未审结 | 总计\n行政复议 | 1 | 0 | 0 | 0 | 1\n"
    )
    report = lm.extract(text)
    assert report.disclosure is not None
    assert report.doc_type == "rule_of_law"  # the title says so; a table does not change it


@settings(max_examples=25, deadline=None)
@given(st.data())
def test_generated_pages_read_back_exactly(data: st.DataObject) -> None:
    case = data.draw(disclosure_tables(form=None))
    d = read(page_of(case), case.fmt).disclosure
    assert d is not None
    assert d.format == case.form
    tables = {"t2": d.t2, "t3": d.t3, "t4": d.t4}
    for (table, row, col), want in case.values.items():
        t = tables[table]
        assert t is not None
        cell = t.cell(row, col)
        assert cell is not None, (table, row, col)
        if isinstance(want, str):  # a mark: no value, the mark kept
            assert (cell.value, cell.mark) == (None, want), (table, row, col)
        else:
            assert (cell.value, cell.mark) == (want, None), (table, row, col)
