"""Example-based tests and exact-oracle properties for lawgov_metrics.extract."""

from __future__ import annotations

import datetime as dt
import pathlib
from decimal import Decimal
from fractions import Fraction

import hypothesis.strategies as st
import pytest
from hypothesis import given, settings

import lawgov_metrics as lm
from lawgov_metrics.extract import extract, html_to_text, read_report

DATA = pathlib.Path(__file__).parent / "data"


def quotes(text: str) -> list[str]:
    return [f.quote for f in extract(text).figures]


# ---------------------------------------------------------------- figures


@pytest.mark.parametrize(
    ("text", "quote", "value", "unit", "qualifier"),
    [
        ("修复信用28300余条。", "28300余条", "28300", "条", "more_than"),
        ("汇聚数据27亿条。", "27亿条", "2700000000", "条", "exact"),
        ("新增主体1.2万户。", "1.2万户", "12000", "户", "exact"),
        ("服务6381件/次。", "6381件/次", "6381", "件/次", "exact"),
        ("收案率占比63.10%。", "63.10%", "63.10", "%", "exact"),
        ("服务企业近3000家。", "近3000家", "3000", "家", "nearly"),
        ("开展活动约120场。", "约120场", "120", "场", "about"),
        ("优秀率达到95%以上。", "95%以上", "95", "%", "at_least"),
        ("压缩至5个工作日以内。", "5个工作日以内", "5", "个工作日", "at_most"),
        ("受教育群众50余万人。", "50余万人", "500000", "人", "more_than"),
        ("接待群众240 余人次。", "240 余人次", "240", "人次", "more_than"),
        ("挽回损失27.4 万元。", "27.4 万元", "274000", "元", "exact"),
        ("办理公证１２，３４５件。", "１２，３４５件", "12345", "件", "exact"),
        ("開展活動兩百三十場。", "兩百三十場", "230", "场", "exact"),
        ("列席会议二十次。", "二十次", "20", "次", "exact"),
        ("受理申请数量为0。", "0", "0", "", "exact"),
        ("金额突破15亿元。", "突破15亿元", "1500000000", "元", "more_than"),
        ("群众满意率约为98%。", "约为98%", "98", "%", "about"),
        ("受理案件貳拾件。", "貳拾件", "20", "件", "exact"),
        ("参加培训120人次。", "120人次", "120", "人次", "exact"),
        ("最近3年办理案件1,234件。", "1,234件", "1234", "件", "exact"),
    ],
)
def test_figure_values(text: str, quote: str, value: str, unit: str, qualifier: str) -> None:
    figs = extract(text).figures
    assert len(figs) == 1
    f = figs[0]
    assert f.quote == quote
    assert f.value == Decimal(value)
    assert f.unit == unit
    assert f.quantity.qualifier.value == qualifier
    assert text[f.span[0] : f.span[1]] == quote


@pytest.mark.parametrize(
    "text",
    [
        "执法队伍人员参加培训,陆续收拾。",  # financial numerals that are words
        "最近3年成绩较好。",  # 近 inside a word, and a year is no figure
    ],
)
def test_words_with_numeral_characters_are_not_figures(text: str) -> None:
    assert quotes(text) == []


def test_qualifier_inside_a_word_is_dropped() -> None:
    figs = extract("最近3天办结12件,附近3家超市。").figures
    assert [f.quote for f in figs] == ["3天", "12件", "3家"]
    assert {f.quantity.qualifier for f in figs} == {lm.Qualifier.EXACT}
    (g,) = extract("其中最近300余件。").figures
    assert (g.quote, g.quantity.qualifier) == ("300余件", lm.Qualifier.MORE_THAN)


@pytest.mark.parametrize("gold", sorted(DATA.glob("*.gold.json")), ids=lambda p: p.stem)
def test_figures_are_read_by_numerals(gold: pathlib.Path) -> None:
    # one way to read a number: every figure's quantity is what parse_quantity reads in
    # its quote (value, unit, qualifier, resolution, rounded and text)
    import json

    report = read_report(DATA / json.loads(gold.read_text(encoding="utf-8"))["file"])
    assert report.figures
    for f in report.figures:
        assert f.quantity == lm.parse_quantity(f.quote), f.quote


def test_resolution_follows_the_written_digits() -> None:
    f63, f27, f12 = extract("占比63.10%,数据27亿条,新增1.2万户。").figures
    assert f63.quantity.resolution == Decimal("0.01")
    assert f27.quantity.resolution == Decimal("100000000")
    assert f12.quantity.resolution == Decimal("1000")
    assert f27.quantity.rounded
    assert not extract("收到786宗。").figures[0].quantity.rounded


@pytest.mark.parametrize(
    "text",
    [
        "落实省委“1310”具体部署、市委“1312”思路举措。",
        "学习贯彻党的二十大精神,落实“一规划两纲要”。",
        "推出“5+6”法治惠企服务清单,设立“1+N”制度。",
        "编制“十四五”规划,获评第二批法治镇街、第四届信用案例、第九批示范社区。",
        "一是打造园区。二是创新模式。",
        "2023年,2024-01-04,6月26日,1-10月,〔2022〕6号。",
        "拨打12345热线,上线2.0版本。",
        "《关于进一步优化营商环境的23条措施》印发。",
        "统一执法,进一步提升,一站式服务,十分重要,一律公开,千方百计,百姓满意。",
        "强化“一院三所”协作,推行“一处罚一告知”。",
        "1.强化思想淬炼。(三)奋力推进。",
    ],
)
def test_not_figures(text: str) -> None:
    assert quotes(text) == []


def test_listed_rates_give_one_figure_each() -> None:
    figs = extract("组织学法考试,参加率、及格率达到100%。").figures
    assert [f.subject for f in figs] == ["参加率", "及格率"]
    assert figs[0].span == figs[1].span
    assert all(f.value == 100 for f in figs)


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("收到行政复议申请786宗,同比增长68.67%。", "行政复议申请"),
        ("各级人民调解组织调解矛盾纠纷1497宗。", "矛盾纠纷"),
        ("人民调解组织调解成功率达98.73%。", "人民调解组织调解成功率"),
        ("共办理人大建议208件。", "人大建议"),
        ("组织17个律所党支部结对。", "律所党支部"),
    ],
)
def test_subjects(text: str, subject: str) -> None:
    assert extract(text).figures[0].subject == subject


def test_kinds() -> None:
    text = "收到申请786宗,同比增长68.67%,成功率98.73%,提高3.2个百分点,挽回2.35亿元,5个工作日。"
    kinds = [f.kind for f in extract(text).figures]
    assert kinds == ["count", "growth", "rate", "pp_change", "money", "duration"]


def test_sections() -> None:
    text = "一、主要成效\n(一)依法行政\n1.深化改革。办理案件12件。\n(二)化解纠纷\n调解45宗。"
    f12, f45 = extract(text).figures
    assert f12.section == ("一、主要成效", "(一)依法行政", "1.深化改革")
    assert f45.section == ("一、主要成效", "(二)化解纠纷")


def test_traditional_script_keeps_offsets() -> None:
    text = "全年收到行政復議申請96件,同比減少9.4%。"
    report = extract(text)
    assert [f.quote for f in report.figures] == ["96件", "9.4%"]
    growth = report.claims_of("growth")[0]
    assert growth.rate is not None
    assert growth.rate.value == Decimal("-9.4")


# ---------------------------------------------------------------- claims


def test_growth_claim_up() -> None:
    (g,) = extract("收到行政复议申请786宗,同比增长68.67%。").claims
    assert isinstance(g, lm.GrowthClaim)
    assert g.figure is not None
    assert g.figure.quote == "786宗"
    assert g.rate is not None
    assert g.rate.value == Decimal("68.67")
    assert g.direction == "up"
    assert g.quote == "同比增长68.67%"


def test_growth_difference_with_basis() -> None:
    text = "区政府共收到行政复议申请1113件,较2022年558件增加了555件,同比增长99.5%。"
    growth = extract(text).claims_of("growth")
    diff = next(c for c in growth if c.form == "difference")
    assert diff.basis is not None
    assert diff.basis.value == 558
    assert diff.difference is not None
    assert diff.difference.value == 555
    assert diff.figure is not None
    assert diff.figure.value == 1113
    pct = next(c for c in growth if c.form == "percent")
    assert pct.figure is not None
    assert pct.figure.value == 1113


@pytest.mark.parametrize(
    ("text", "form", "rate", "qualifier"),
    [
        ("收到申请135件,同比增长2倍。", "times_increase", "200", "exact"),
        ("收到申请135件,同比增长近3倍。", "times_increase", "300", "nearly"),
        ("收到申请135件,是上年的2倍。", "times_of", "100", "exact"),
        ("收到申请135件,增长到2倍。", "times_of", "100", "exact"),
        ("收到申请135件,比上年翻一番。", "doublings", "100", "exact"),
        ("收到申请135件,比上年翻两番。", "doublings", "300", "exact"),
        ("收到申请135件,与上年持平。", "flat", "0", "exact"),
        ("收到申请135件,同比下降12.5%。", "percent", "-12.5", "exact"),
    ],
)
def test_growth_forms(text: str, form: str, rate: str, qualifier: str) -> None:
    (g,) = extract(text).claims_of("growth")
    assert g.form == form
    assert g.rate is not None
    assert g.rate.value == Decimal(rate)
    assert g.rate.qualifier.value == qualifier
    assert g.figure is not None
    assert g.figure.value == 135


def test_share_stated_and_inferred() -> None:
    text = "审结案件977件,直接纠错236件,纠错率24.2%。"
    (s,) = extract(text).claims_of("share")
    assert s.part is not None
    assert s.part.value == 236
    assert s.total is not None
    assert s.total.value == 977
    assert s.confidence == "stated"
    text2 = "收到申请786宗。建立网上收案机制,收案率占比63.10%。"
    (s2,) = extract(text2).claims_of("share")
    assert s2.total is not None
    assert s2.total.value == 786
    assert s2.confidence == "inferred"


@pytest.mark.parametrize(
    ("sentence", "total", "part"),
    [
        # a population of cases before the rate: the cases are the whole
        ("行政应诉案件312件，行政机关负责人出庭应诉率达100%。", "312件", None),
        ("调解矛盾纠纷1497宗，成功率达98.73%。", "1497宗", None),
        # the count names the rate's numerator: it is the part
        ("受理纠纷80件，调解成功72件，调解成功率90%。", None, "72件"),
        ("审结案件977件，其中纠错案件236件，纠错率24.2%。", None, "236件"),
    ],
)
def test_share_count_is_whole_or_part_by_its_words(
    sentence: str, total: str | None, part: str | None
) -> None:
    [claim] = [c for c in extract(sentence).claims if c.kind == "share"]
    got_total = claim.total.quote if claim.total else None
    got_part = claim.part.quote if claim.part else None
    if total is not None:
        assert (got_total, got_part) == (total, None)
    else:
        assert got_part == part


def test_rate_without_a_count_is_no_share() -> None:
    assert extract("二是推进出庭应诉工作,出庭应诉率达100%。").claims == ()


def test_pp_change() -> None:
    (pp,) = extract("败诉率31.5%,同比下降18.8个百分点。").claims_of("pp_change")
    assert pp.rate.value == Decimal("-18.8")
    assert pp.direction == "down"
    assert pp.figure is not None
    assert pp.figure.quote == "31.5%"


def test_breakdowns() -> None:
    text = "共收到申请733件,其中予以公开238件,部分公开33件,其他处理76件。"
    (b,) = extract(text).claims_of("breakdown")
    assert b.total.value == 733
    assert [p.value for p in b.parts] == [238, 33, 76]
    assert b.exhaustive
    text2 = "审结398件,结果分别为维持231件,驳回54件。"
    (b2,) = extract(text2).claims_of("breakdown")
    assert b2.exhaustive
    assert [p.value for p in b2.parts] == [231, 54]
    (b3,) = extract("受理36件,其中按期办结36件。").claims_of("breakdown")
    assert not b3.exhaustive


def test_streak_and_rank() -> None:
    text = "法治广州建设考评连续四年获评优秀等次;考核中名列全省第一名;持续保持全市法院第一。"
    report = extract(text)
    (streak,) = report.claims_of("streak")
    assert streak.years == 4
    assert streak.subject == "法治广州建设考评优秀等次"
    ranks = report.claims_of("rank")
    assert [(r.rank, r.scope) for r in ranks] == [(1, "全省"), (1, "全市法院")]
    assert extract("连续第六年获评先进单位。").claims_of("streak")[0].years == 6
    (top,) = extract("连续5年排名全国前三。").claims_of("rank")
    assert top.rank == 3


def test_first_responsible_person_is_no_rank() -> None:
    assert extract("全市各级党政主要负责人履行第一责任人职责。").claims_of("rank") == []


# ---------------------------------------------------------------- metadata and files


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


def test_html_to_text_keeps_order_and_drops_scripts() -> None:
    html = (
        "<html><head><title>t</title><style>x{}</style></head><body><div>甲</div>"
        "<script>var a=5;</script><p>乙<b>丙</b></p></body></html>"
    )
    assert html_to_text(html) == "甲\n\n乙丙"


def test_read_report_encodings(tmp_path: pathlib.Path) -> None:
    text = "办理案件12件。"
    for name, data in [
        ("a.txt", text.encode("utf-8")),
        ("b.txt", text.encode("gb18030")),
        ("c.txt", b"\xef\xbb\xbf" + text.encode("utf-8")),
        ("d.html", ('<meta charset="gbk"><p>' + text + "</p>").encode("gbk")),
    ]:
        (tmp_path / name).write_bytes(data)
        report = read_report(tmp_path / name)
        assert [f.quote for f in report.figures] == ["12件"], name
    with pytest.raises(lm.ParseError):
        read_report(tmp_path / "b.txt", encoding="ascii")


def test_html_furniture_is_ignored() -> None:
    report = read_report(DATA / "nanan-sfj-2024.html")
    assert "12345" not in [f.quote for f in report.figures]
    assert "2381" not in [f.quote for f in report.figures]


# ---------------------------------------------------------------- properties (exact oracle)


def _fmt(x: Fraction, places: int) -> str:
    """Exact half-up decimal rendering of a non-negative Fraction (the oracle's own)."""
    scaled = x * 10**places
    n = (scaled.numerator * 2 + scaled.denominator) // (scaled.denominator * 2)
    if not places:
        return str(n)
    digits = str(n).rjust(places + 1, "0")
    return f"{digits[:-places]}.{digits[-places:]}"


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=10**12),
    st.integers(min_value=0, max_value=99999),
    st.integers(min_value=0, max_value=3),
    st.booleans(),
)
def test_count_and_growth_round_trip(n: int, r: int, places: int, down: bool) -> None:
    rate_text = _fmt(Fraction(r, 10**places), places)
    verb = "下降" if down else "增长"
    text = f"收到申请{n}件,同比{verb}{rate_text}%。"
    report = extract(text)
    count, rate = report.figures
    assert Fraction(count.value) == n
    assert Fraction(rate.value) == Fraction(r, 10**places)
    (g,) = report.claims
    assert g.rate is not None
    sign = -1 if down and r else 1
    assert Fraction(g.rate.value) == sign * Fraction(r, 10**places)
    assert g.rate.resolution == Decimal(1).scaleb(-places)


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=1, max_value=99999),
    st.integers(min_value=0, max_value=2),
    st.sampled_from([("万", 10**4), ("亿", 10**8), ("千", 1000)]),
    st.booleans(),
)
def test_scale_words_exact(digits: int, places: int, scale: tuple[str, int], more: bool) -> None:
    written = _fmt(Fraction(digits, 10**places), places)
    word, mult = scale
    text = f"汇聚数据{written}{word}{'余' if more else ''}条。"
    (f,) = extract(text).figures
    assert Fraction(f.value) == Fraction(digits, 10**places) * mult
    assert Fraction(f.quantity.resolution) == Fraction(mult, 10**places)
    assert (f.quantity.qualifier is lm.Qualifier.MORE_THAN) is more


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=5000), st.data())
def test_share_claims_tie_rate_and_total(total: int, data: st.DataObject) -> None:
    part = data.draw(st.integers(min_value=0, max_value=total))
    pct = Fraction(part * 100, total)
    written = _fmt(pct, 2) if pct.denominator != 1 else str(pct)
    text = f"调解矛盾纠纷{total}宗,调解成功{part}宗,成功率达{written}%。"
    (s,) = extract(text).claims_of("share")
    assert s.total is not None
    assert s.total.value == total
    assert s.part is not None
    assert s.part.value == part
    # the oracle: the written rate is the exact share rounded to the written places
    assert abs(Fraction(s.rate.value) - pct) <= Fraction(1, 200)


# ---------------------------------------------------------------- breakdowns, balances, tables


def breakdowns(text: str) -> list[tuple[str, list[str], bool]]:
    return [
        (c.total.quote, [p.quote for p in c.parts], c.exhaustive)
        for c in extract(text).claims_of("breakdown")
    ]


def balances(text: str) -> list[tuple[str | None, ...]]:
    terms = ("received", "carried_in", "handled", "concluded", "carried_out")
    return [
        tuple(None if getattr(c, t) is None else getattr(c, t).quote for t in terms)
        for c in extract(text).claims_of("balance")
    ]


def test_balance_with_printed_handled_total() -> None:
    # a balance, never a breakdown of one of its terms (152 = 147 + 5, 6 inside 152)
    text = "全年共办理申请152件(含上年结转6件),已办结147件,结转下年度继续办理5件。"
    assert breakdowns(text) == []
    assert balances(text) == [(None, "6件", "152件", "147件", "5件")]


def test_balance_with_zero_carried_forward() -> None:
    text = "全年新收申请136件,结转上年度申请3件,办理答复139件,结转下年度办理0件。"
    assert breakdowns(text) == []
    assert balances(text) == [("136件", "3件", None, "139件", "0件")]


def test_balance_total_is_never_invented() -> None:
    # 受理452 + 结转上年9 = 461 = 办结454 + 结转下年7: a balance; 461 is not printed
    text = "全年受理申请452件,结转上年9件,按时办结454件,结转下年继续办理7件。"
    assert breakdowns(text) == []
    assert balances(text) == [("452件", "9件", None, "454件", "7件")]
    assert breakdowns("收到申请620件,上年结转5件,共办结612件,结转下年度13件。") == []


def test_among_list_of_a_disposed_total() -> None:
    text = "办结的82件中,予以公开11件,不予公开8件,无法提供48件,不予处理9件,办理行政复议1件。"
    assert breakdowns(text) == [("82件", ["11件", "8件", "48件", "9件"], True)]
    assert breakdowns("在审结的977件案件中,直接纠错236件。") == [("977件", ["236件"], False)]


def test_parenthesised_parts_and_nested_lists() -> None:
    text = "累计更新政府信息1319条(含政府信息公开1115条,财政资金信息204条),发布动态1219条。"
    assert breakdowns(text) == [("1319条", ["1115条", "204条"], False)]
    text = "共50件,其中,复议37件,同比增长76.19%(上年21件),办结35件(含上年度2件)。"
    assert ("50件", ["37件"], False) in breakdowns(text)


def test_list_after_a_list_refers_to_its_total() -> None:
    text = (
        "纠错236件,较去年60件增长了近3倍。结果分别为撤销48件,确认违法188件。"
        "其中行政强制类164件,其他类72件。"
    )
    got = breakdowns(text)
    assert ("236件", ["48件", "188件"], True) in got
    assert ("236件", ["164件", "72件"], True) in got
    assert all(total != "60件" for total, _, _ in got)


def test_pp_change_ties_both_rates() -> None:
    for text, now, before in [
        ("网办率由83.5%提高到96.0%,提高12.5个百分点。", "96.0%", "83.5%"),
        ("公示率达99.50%,较上年的97.3%提高2.2个百分点。", "99.50%", "97.3%"),
    ]:
        r = extract(text)
        (pp,) = r.claims_of("pp_change")
        assert pp.figure is not None
        assert pp.basis is not None
        assert (pp.figure.quote, pp.basis.quote) == (now, before)
        assert not r.claims_of("share")  # the prior rate is no share


def test_rank_scope_from_the_contest() -> None:
    r = extract("在全省法治政府建设考评中排名第二,在全国系统评估中位列前三。")
    assert [(c.rank, c.scope) for c in r.claims_of("rank")] == [(2, "全省"), (3, "全国")]


def test_tab_and_single_pipe_table_rows() -> None:
    r = extract("项目\t自然人\t总计\n一、本年新收申请数量\t139\t146\n行政许可 | 4736\n首页 | 新闻")
    assert [(f.quote, f.subject) for f in r.figures] == [
        ("139", "本年新收申请数量"),
        ("146", "本年新收申请数量"),
        ("4736", "行政许可"),
    ]


def test_visit_count_in_prose_is_no_furniture() -> None:
    assert quotes("门户网站全年访问量约182万人次,账号共27个。") == ["约182万人次", "27个"]
    assert quotes("访问量：1234\n办理案件12件。") == ["12件"]


def test_outcome_rate_of_the_handled_count() -> None:
    (s,) = extract("办理热线工单约3600件,按期办结率达到99.6%。").claims_of("share")
    assert s.total is not None
    assert s.total.quote == "约3600件"
    assert extract("集中学法4期,参学率100%。").claims_of("share") == []


# ---------------------------------------------------------------- claims tie their priors

#: (text, current, basis, difference, subject): a prior printed after 较/比…(的) is the
#: basis of the growth claim, never its current figure, and has the current one's subject.
GROWTH_PRIORS = [
    ("全年受理行政复议申请691件，较2022年的558件增长23.8%。", "691", "558", None, "行政复议申请"),
    ("全年受理行政复议申请691件，较上年的558件增长23.8%。", "691", "558", None, "行政复议申请"),
    ("全年受理行政复议申请691件，较2022年度558件增长23.8%。", "691", "558", None, "行政复议申请"),
    ("全年受理行政复议申请691件，比上年558件增加133件，增长23.8%。", "691", "558", "133",
     "行政复议申请"),
    ("全年受理行政复议申请691件，比上年的558件增加133件，增长23.8%。", "691", "558", "133",
     "行政复议申请"),
    ("办理信访事项420件，比去年的500件减少80件，下降16%。", "420", "500", "-80", "信访事项"),
    ("收到行政复议申请691件，同比增长23.8%（上年为558件）。", "691", "558", None, "行政复议申请"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "current", "basis", "difference", "subject"), GROWTH_PRIORS)
def test_growth_rate_claim_ties_the_printed_prior(
    text: str, current: str, basis: str, difference: str | None, subject: str
) -> None:
    report = extract(text)
    rated = [c for c in report.claims_of("growth") if c.rate is not None]
    assert len(rated) == 1
    (g,) = rated
    assert g.figure is not None
    assert g.figure.value == Decimal(current)
    assert g.basis is not None
    assert g.basis.value == Decimal(basis)
    if difference is None:
        assert g.difference is None
    else:
        assert g.difference is not None
        assert g.difference.value == Decimal(difference)
    assert g.figure.subject == subject
    assert g.basis.subject == subject
    assert g.subject == subject


#: (text, current, basis, subject): a pp change whose prior rate is printed beside it.
PP_PRIORS = [
    ("行政机关负责人出庭应诉率由上年的92.4%提高到95.6%，提高3.2个百分点。", "95.6", "92.4",
     "行政机关负责人出庭应诉率"),
    ("行政机关负责人出庭应诉率由92.4%提升至95.6%，提高3.2个百分点。", "95.6", "92.4",
     "行政机关负责人出庭应诉率"),
    ("行政诉讼败诉率从2022年的20.5%下降至15.2%，下降5.3个百分点。", "15.2", "20.5",
     "行政诉讼败诉率"),
    ("出庭应诉率为95.6%，较上年提高3.2个百分点（上年为92.4%）。", "95.6", "92.4", "出庭应诉率"),
    ("复议纠错率为8.5%，较上年下降1.5个百分点(去年为10.0%)。", "8.5", "10.0", "复议纠错率"),
    ("出庭应诉率上年为92.4%，今年提高到95.6%，提高3.2个百分点。", "95.6", "92.4", "出庭应诉率"),
]  # fmt: skip


@pytest.mark.parametrize(("text", "current", "basis", "subject"), PP_PRIORS)
def test_pp_change_ties_the_printed_prior_rate(
    text: str, current: str, basis: str, subject: str
) -> None:
    (pp,) = extract(text).claims_of("pp_change")
    assert pp.figure is not None
    assert pp.figure.value == Decimal(current)
    assert pp.basis is not None
    assert pp.basis.value == Decimal(basis)
    assert pp.figure.subject == subject
    assert pp.basis.subject == subject
    assert pp.subject == subject


def test_pp_change_without_a_printed_prior_has_no_basis() -> None:
    (pp,) = extract("出庭应诉率为95.6%，较上年提高3.2个百分点。").claims_of("pp_change")
    assert pp.basis is None
    # a later rate of another indicator is no prior
    (pp2,) = extract("出庭应诉率为95.6%，较上年提高3.2个百分点，纠错率为9.2%。").claims_of(
        "pp_change"
    )
    assert pp2.basis is None


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("全年新收行政复议申请3件。", "行政复议申请"),
        ("新受理行政复议申请5件。", "行政复议申请"),
        ("新收到政府信息公开申请8件。", "政府信息公开申请"),
        ("新增市场主体1200户。", "市场主体"),
        # 收 as part of a noun stays
        ("新收费项目12项。", "收费项目"),
        ("新收入账户3个。", "收入账户"),
        ("新收益分配方案2项。", "收益分配方案"),
        ("全年新收缴罚没款30万元。", "收缴罚没款"),
    ],
)
def test_intake_verbs_are_stripped_from_subjects(text: str, subject: str) -> None:
    assert extract(text).figures[0].subject == subject


#: (text, exhaustive, confidence) of the one breakdown read from the text.
BREAKDOWN_CONFIDENCE = [
    # complete only by the shape of the list: three outcomes of a disposed total
    ("办结的20件中，予以公开8件，部分公开5件，不予公开4件。", True, "inferred"),
    ("审结的30件中，维持12件，撤销8件，驳回10件。", True, "inferred"),
    # 包括 / 主要为 list some items, never promising the whole (a subset)
    ("收到申请20件，包括当面申请8件，网络申请12件。", False, "stated"),
    # the text says it is complete
    ("收到申请20件，分别为：当面申请8件，网络申请12件。", True, "stated"),
    ("共收到申请733件,其中予以公开238件,部分公开33件,其他处理76件。", True, "stated"),
    ("办结的20件中，予以公开8件，部分公开5件，其他4件。", True, "stated"),
    # not claimed complete at all
    ("受理36件,其中按期办结36件。", False, "stated"),
]


@pytest.mark.parametrize(("text", "exhaustive", "confidence"), BREAKDOWN_CONFIDENCE)
def test_breakdown_confidence(text: str, exhaustive: bool, confidence: str) -> None:
    complete = [b for b in extract(text).claims_of("breakdown") if b.exhaustive == exhaustive]
    assert complete, extract(text).claims
    assert {b.confidence for b in complete} == {confidence}


#: (text, quote, subject): the subject of one figure under the general subject rules.
#: A clause that names only an action takes the action plus the noun of the count before
#: it in its sentence; growth, pp and difference figures take the subject of the figure
#: they change; a share with no words of its own is that count's 占比; table cells take the
#: nearest label cell to their left.
SUBJECT_RULES = [
    # bare actions, completed with the noun before (后/中 fragments dropped)
    ("收到行政复议申请640件,依法受理602件,受理后审结575件。", "602件", "受理行政复议申请"),
    ("收到行政复议申请640件,依法受理602件,受理后审结575件。", "575件", "审结行政复议申请"),
    ("新收行政诉讼案件88件,审结79件。", "79件", "审结行政诉讼案件"),
    # a list lead-in is not part of the first item's noun
    ("其中行政处罚类最多,其次为行政许可类41件。", "41件", "行政许可类"),
    ("审结案件98件,结果分别为维持60件,撤销9件。", "60件", "维持"),
    # two listed actions stay together
    ("调解和终止结案32件,占比18.5%。", "32件", "调解和终止结案"),
    # a share with no words of its own is the share of the count before it
    ("调解和终止结案32件,占比18.5%。", "18.5%", "调解和终止结案占比"),
    # growth and difference figures carry the subject of the figure they change
    ("全市新收行政复议申请640件,比上年增长22.8%。", "22.8%", "行政复议申请"),
    ("收到行政复议申请640件,较上年521件增加119件,同比增长22.8%。", "119件", "行政复议申请增加数"),
    ("发生行政诉讼案件70件,比上年的82件减少12件。", "12件", "行政诉讼案件减少数"),
    ("全市行政机关作出行政处罚决定5120件,同比下降6.4%。", "6.4%", "行政处罚决定"),
    # a pp change is the rate's, also when the rate is named only before the comparison
    ("行政诉讼败诉率为4.3%,较上年下降0.9个百分点。", "0.9个百分点", "行政诉讼败诉率"),
    ("执法案卷优秀率较上年提高2.4个百分点。", "2.4个百分点", "执法案卷优秀率"),
    # the second rate of 由X%提升至Y% is the first one's indicator
    ("负责人出庭应诉率由88.1%提升至97.6%。", "97.6%", "负责人出庭应诉率"),
    # a bare 成功率 after a 调解 count is the mediation success rate
    ("全年调解各类纠纷2310件,成功率达97.1%。", "97.1%", "调解成功率"),
    # 主动公开 names the indicator, it is not stripped
    ("全年主动公开政府信息5210条。", "5210条", "主动公开政府信息"),
    # a leading 的 is no part of the noun
    ("全年收到的政府信息公开申请86件。", "86件", "政府信息公开申请"),
    # a table cell takes the nearest label to its left
    ("地区 | 数量 | 地区 | 数量\n甲县 | 120 | 乙县 | 75\n", "75", "乙县"),
]


@pytest.mark.parametrize(("text", "quote", "subject"), SUBJECT_RULES)
def test_subject_rules(text: str, quote: str, subject: str) -> None:
    fig = next(f for f in extract(text).figures if f.quote == quote)
    assert fig.subject == subject


def test_outcome_verbs_keep_their_indicator_apart_from_intake() -> None:
    """审结/办结 name another count than 收到/受理: the subject keeps them, so the closed
    cases never line up with the applications in a panel or a cross-year check."""
    report = extract(
        "全年共收到行政复议申请786宗，审结行政复议案件650宗，办结政府信息公开申请215件。"
    )
    vocab = lm.default_vocabulary()
    by_quote = {f.quote: f for f in report.figures}
    received = vocab.match(by_quote["786宗"].subject, "宗")
    closed = vocab.match(by_quote["650宗"].subject, "宗")
    assert received is not None
    assert closed is not None
    assert received.id == "admin_reconsideration_applications"
    assert closed.id == "admin_reconsideration_closed"
    assert by_quote["215件"].subject.startswith("办结")
