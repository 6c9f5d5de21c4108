"""The table records, the template as data, the renderer, JSON and the audit HTML."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from disclosure_gen import all_keys, page, read

import lawgov_metrics as lm
from lawgov_metrics import io, template
from lawgov_metrics.disclosure_html import tables_html


def _table() -> lm.DisclosureTable:
    cells = [
        lm.DisclosureCell(row="本年新收", column="总计", row_key="new", column_key="total",
                          value=146, text="146", span=(10, 13)),
        lm.DisclosureCell(row="不予公开/属于国家秘密", column="自然人",
                          row_key="withheld_state_secret", column_key="natural_person",
                          value=None, mark="/", text="/", span=(20, 21)),
    ]  # fmt: skip
    return lm.DisclosureTable(kind="t3", cells=cells, span=(0, 30))


def test_value_and_cell_by_label_wording_or_key() -> None:
    t = _table()
    for row in ("本年新收", "一、本年新收政府信息公开申请数量", "new", "（一）本年新收"):
        assert t.value(row, "总计") == Decimal(146), row
    assert t.value("属于国家秘密", "natural_person") is None
    assert t.cell("不予公开/属于国家秘密", "自然人").mark == "/"
    assert t.cell("上年结转", "总计") is None  # not printed: no cell at all
    assert isinstance(t.value("本年新收", "总计"), Decimal)


def test_frame_columns_and_exact_values() -> None:
    df = _table().frame
    assert list(df.columns) == ["table", "row", "column", "row_key", "column_key", "value",
                                "mark", "unit", "quote", "start", "end", "grid_row",
                                "grid_column"]  # fmt: skip
    assert df["value"].tolist() == [Decimal(146), None]
    assert df["mark"].tolist() == [None, "/"]


def test_template_rows_and_forms() -> None:
    keys = [r.key for r in template.t3_rows("2021")]
    assert keys[:2] == ["new", "carried_in"]
    assert keys[-2:] == ["total", "carried_out"]
    assert len([r for r in template.T3_ROWS if r.parent == "withheld"]) == 8
    assert not [r for r in template.t3_rows("2019") if r.parent == "other_handling"]
    assert [c.key for c in template.t2_columns("2021", "normative_documents")] == [
        "issued", "repealed", "in_force",
    ]  # fmt: skip
    assert [r.key for r in template.t2_rows("2019")][-1] == "procurement"
    # every row's words find it again, from its printed wording
    for row in template.T3_ROWS:
        found = template.find_line(row.printed, template.T3_ROWS,
                                   exact_only=("other_handling_other",))  # fmt: skip
        assert found is row, row.printed


@pytest.mark.parametrize("form", ["2021", "2019"])
def test_rendered_html_has_the_templates_spans(form: str) -> None:
    html = lm.render_template(form=form, tables=["t3", "t4"])
    n = 22 if form == "2021" else 20
    assert f'<td rowspan="{n}"><p>三、本年度办理结果</p></td>' in html
    assert '<td colspan="3" rowspan="3">' not in html  # attribute order is rowspan, colspan
    assert '<td rowspan="3" colspan="3">' in html
    assert '<td colspan="10"><p>行政诉讼</p></td>' in html
    # every row of the T3 grid is ten slots wide once the spans are resolved
    (grid, _t4) = lm.reading.grids.html_grids(html)
    assert grid.n_columns == 10
    assert grid.n_rows == 3 + 2 + n + 1


def test_render_template_rejects_unknown_names() -> None:
    with pytest.raises(ValueError, match="unknown table"):
        lm.render_template(tables=["t9"])
    with pytest.raises(ValueError, match="unknown fmt"):
        lm.render_template(fmt="pdf", tables=["t3"])  # type: ignore[arg-type]


def test_json_round_trip_keeps_the_tables() -> None:
    report = read(page(dict.fromkeys(all_keys("2021"), 2), fmt="markdown"), "markdown")
    back = io.report_from_json(io.report_to_json(report))
    assert back == report
    assert back.disclosure is not None
    assert back.disclosure.t3.value("本年新收", "总计") == Decimal(2)
    assert io.report_from_json(io.report_to_json(lm.Report(text="x"))).disclosure is None


def test_audit_html_marks_broken_cells_and_escapes() -> None:
    v = dict.fromkeys(all_keys("2021"), 0)
    v[("t4", "reconsideration", "upheld")] = 1  # 总计 0 ≠ 1
    report = read(page(v, fmt="html", with_prose=False), "html")
    results = lm.check(report, checks=["disclosure"])
    out = tables_html(report, results)
    assert out.count('class="fail"') == 5  # the block's four results and its 总计
    assert "<caption>四、政府信息公开行政复议、行政诉讼情况</caption>" in out
    evil = lm.extract("类别 | <b>结果维持</b> | 总计\n行政复议 | 1 | 1\n")
    html = tables_html(evil, [])
    assert "<b>" not in html
    assert re.search(r"title=\"[^\"<]*\"", out)
