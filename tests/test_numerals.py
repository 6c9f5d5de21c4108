"""Tests for lawgov_metrics.numerals: numbers, quantities and the quantity scanner.

Expected values are written by hand (or computed by an independent oracle in this file),
never copied from the code's output.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import cn2an
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics.errors import ParseError
from lawgov_metrics.numerals import (
    QuantityMatch,
    find_quantities,
    normalize,
    parse_number,
    parse_quantity,
)
from lawgov_metrics.records import Qualifier

D = Decimal

# ------------------------------------------------------------------------------------------
# An independent oracle: integer -> Chinese numeral (standard written form)
# ------------------------------------------------------------------------------------------

CN_DIGITS = "零一二三四五六七八九"
FINANCIAL = str.maketrans("一二三四五六七八九十百千", "壹贰叁肆伍陆柒捌玖拾佰仟")
TRADITIONAL = str.maketrans("万亿两", "萬億兩")


def _section(x: int) -> str:
    """0 < x < 10000 in Chinese, with 零 for inner gaps."""
    out = ""
    gap = False
    for unit, name in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        d = x // unit % 10
        if d:
            if gap:
                out += "零"
                gap = False
            out += CN_DIGITS[d] + name
        elif out:
            gap = True
    return out


def render_chinese(n: int) -> str:
    """The standard Chinese numeral for 0 <= n < 10**12 (一万二千三百零五, 十五, 一亿零五百万)."""
    assert 0 <= n < 10**12
    if n == 0:
        return "零"
    groups = [(n // 10**8) % 10**4, (n // 10**4) % 10**4, n % 10**4]
    names = ["亿", "万", ""]
    out = ""
    gap = False
    for g, name in zip(groups, names, strict=True):
        if g == 0:
            if out:
                gap = True
            continue
        if out and (gap or g < 1000):
            out += "零"
        out += _section(g) + name
        gap = False
    if out.startswith("一十"):
        out = out[1:]
    return out


def trailing_zero_power(n: int) -> int:
    """The largest power of ten dividing n (n > 0): the place of its last non-zero digit."""
    p = 1
    while n % (p * 10) == 0:
        p *= 10
    return p


def fullwidth(s: str) -> str:
    return s.translate(str.maketrans("0123456789.,", "０１２３４５６７８９．，"))


def test_oracle_renderer_examples() -> None:
    assert render_chinese(2305) == "二千三百零五"
    assert render_chinese(15) == "十五"
    assert render_chinese(108) == "一百零八"
    assert render_chinese(105_000_000) == "一亿零五百万"
    assert render_chinese(100_050) == "十万零五十"
    assert render_chinese(10) == "十"


# ------------------------------------------------------------------------------------------
# SPEC examples
# ------------------------------------------------------------------------------------------


def test_spec_28300_more_than() -> None:
    q = lm.parse_quantity("28300余条")
    assert q.value == D("28300")
    assert q.unit == "条"
    assert q.qualifier is Qualifier.MORE_THAN
    assert q.text == "28300余条"
    assert q.rounded is False


def test_spec_27yi() -> None:
    q = lm.parse_quantity("27亿条")
    assert q.value == D("2700000000")
    assert q.resolution == D("100000000")
    assert q.unit == "条"
    assert q.rounded is True


def test_spec_fullwidth_thousands() -> None:
    assert lm.parse_quantity("１２，３４５件").value == D("12345")


def test_spec_chinese_count() -> None:
    q = lm.parse_quantity("两千三百零五件")
    assert q.value == D("2305")
    assert q.unit == "件"
    assert q.rounded is False


def test_spec_percent() -> None:
    q = lm.parse_quantity("68.67%")
    assert q.unit == "%"
    assert q.value == D("68.67")
    assert q.resolution == D("0.01")
    assert q.rounded is True


def test_spec_no_number_is_parse_error_and_value_error() -> None:
    with pytest.raises(lm.ParseError) as info:  # the public name works too
        lm.parse_quantity("no number here")
    assert isinstance(info.value, ValueError)
    assert info.value.text == "no number here"
    assert "no number" in info.value.reason


def test_bounds_end_to_end() -> None:
    iv = lm.parse_quantity("28300余条").bounds()
    assert (iv.lower, iv.upper, iv.lower_closed, iv.upper_closed) == (28300, 28400, True, False)
    iv = lm.parse_quantity("68.67%").bounds(scheme="half_up")
    assert iv.lower == Fraction(68665, 1000)
    assert iv.upper == Fraction(68675, 1000)
    assert iv.lower_closed
    assert not iv.upper_closed
    iv = lm.parse_quantity("786宗").bounds()
    assert iv.lower == iv.upper == 786
    iv = lm.parse_quantity("27亿条").bounds()
    assert iv.lower == 2_650_000_000
    assert iv.upper == 2_750_000_000


# ------------------------------------------------------------------------------------------
# parse_number: table-driven
# ------------------------------------------------------------------------------------------

NUMBER_CASES = [
    # Arabic, separators, full-width, decimals
    ("786", "786", "1"),
    ("12,345", "12345", "1"),
    ("１２，３４５", "12345", "1"),
    ("１２,３４５", "12345", "1"),
    ("６８．６７", "68.67", "0.01"),
    ("68.67", "68.67", "0.01"),
    ("63.10", "63.10", "0.01"),
    ("63.1", "63.1", "0.1"),
    ("0.5", "0.5", "0.1"),
    ("1,234,567.89", "1234567.89", "0.01"),
    ("-12.5", "-12.5", "0.1"),
    ("+3", "3", "1"),
    (" 42 ", "42", "1"),
    ("1２3", "123", "1"),
    # scale words on Arabic numbers
    ("27亿", "2700000000", "100000000"),
    ("2.7亿", "270000000", "10000000"),
    ("1.2万", "12000", "1000"),
    ("5.5万", "55000", "1000"),
    ("1.20万", "12000", "100"),
    ("3万", "30000", "10000"),
    ("2千", "2000", "1000"),
    ("1.5万亿", "1500000000000", "100000000000"),
    ("3千万", "30000000", "10000000"),
    ("１．２万", "12000", "1000"),
    # Chinese positional
    ("两千三百零五", "2305", "1"),
    ("二千三百零五", "2305", "1"),
    ("十", "10", "10"),
    ("十五", "15", "1"),
    ("二十", "20", "10"),
    ("一百零八", "108", "1"),
    ("一百一十", "110", "10"),
    ("一千零一十", "1010", "10"),
    ("三万五", "35000", "1000"),
    ("三万五千", "35000", "1000"),
    ("一千二", "1200", "100"),
    ("三百五", "350", "10"),
    ("一亿零五百万", "105000000", "1000000"),
    ("三亿五千万", "350000000", "10000000"),
    ("十万", "100000", "100000"),
    ("一万亿", "1000000000000", "1000000000000"),
    ("三万零五", "30005", "1"),
    ("万", "10000", "10000"),
    ("千", "1000", "1000"),
    ("〇", "0", "1"),
    ("零", "0", "1"),
    ("廿三", "23", "1"),
    ("廿", "20", "10"),
    # digit by digit
    ("二〇二三", "2023", "1"),
    ("二零二三", "2023", "1"),
    ("二○二三", "2023", "1"),
    ("一九九八", "1998", "1"),
    # decimals
    ("十二点五", "12.5", "0.1"),
    ("零点五", "0.5", "0.1"),
    ("三点五万", "35000", "1000"),
    ("六十八点六七", "68.67", "0.01"),
    ("负三", "-3", "1"),
    # traditional and financial
    ("兩萬", "20000", "10000"),
    ("壹佰零捌", "108", "1"),
    ("貳拾", "20", "10"),
    ("參萬伍仟", "35000", "1000"),
    ("壹億", "100000000", "100000000"),
    ("玖拾玖", "99", "1"),
]


@pytest.mark.parametrize(("text", "value", "resolution"), NUMBER_CASES)
def test_parse_number_table(text: str, value: str, resolution: str) -> None:
    v, r = parse_number(text)
    assert v == D(value)
    assert r == D(resolution)
    assert isinstance(v, Decimal)
    assert isinstance(r, Decimal)


def test_trailing_zeros_kept_in_value() -> None:
    v, _ = parse_number("63.10")
    assert str(v) == "63.10"


def test_thirty_digit_number_is_exact() -> None:
    digits = "123456789012345678901234567890"
    v, r = parse_number(digits)
    assert v == D(digits)
    assert int(v) == int(digits)
    assert r == 1
    v, _ = parse_number(digits + ".5万")
    assert v == D(digits + "5000")
    q = parse_quantity(digits + "件")
    assert int(q.value) == int(digits)


BAD_NUMBERS = [
    "",
    "   ",
    "no number",
    "12件",
    "1,2345",
    "12,34",
    "十十",
    "一二三百",
    "三百五万",
    "一百零",
    "两两",
    "万万",
    "亿万",
    "点五",
    "1.2.3",
    "68.67%",
    "12 13",
    "百千万",
    "--3",
]


@pytest.mark.parametrize("text", BAD_NUMBERS)
def test_parse_number_rejects(text: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_number(text)
    assert info.value.text == text
    assert info.value.reason


@pytest.mark.parametrize("value", [None, 12, 1.5, b"12"])
def test_parse_number_rejects_non_strings(value: object) -> None:
    with pytest.raises(ParseError, match="expected a string"):
        parse_number(value)  # type: ignore[arg-type]


# ------------------------------------------------------------------------------------------
# parse_quantity: qualifiers, units, scales
# ------------------------------------------------------------------------------------------

Q = Qualifier

QUALIFIER_CASES = [
    ("约300人", Q.ABOUT),
    ("大约300人", Q.ABOUT),
    ("300人左右", Q.ABOUT),
    ("300人上下", Q.ABOUT),
    ("近300人", Q.NEARLY),
    ("将近300人", Q.NEARLY),
    ("接近300人", Q.NEARLY),
    ("近乎300人", Q.NEARLY),
    ("超300人", Q.MORE_THAN),
    ("超过300人", Q.MORE_THAN),
    ("逾300人", Q.MORE_THAN),
    ("突破300人", Q.MORE_THAN),
    ("300余人", Q.MORE_THAN),
    ("300多人", Q.MORE_THAN),
    ("一百多人", Q.MORE_THAN),
    ("300人以上", Q.AT_LEAST),
    ("不少于300人", Q.AT_LEAST),
    ("不低于300人", Q.AT_LEAST),
    ("不足300人", Q.LESS_THAN),
    ("不到300人", Q.LESS_THAN),
    ("少于300人", Q.LESS_THAN),
    ("低于300人", Q.LESS_THAN),
    ("300人以下", Q.AT_MOST),
    ("300人以内", Q.AT_MOST),
    ("不超过300人", Q.AT_MOST),
    ("不高于300人", Q.AT_MOST),
    ("300人", Q.EXACT),
    ("約300人", Q.ABOUT),
    ("300餘人", Q.MORE_THAN),
]


@pytest.mark.parametrize(("text", "qualifier"), QUALIFIER_CASES)
def test_qualifiers(text: str, qualifier: Qualifier) -> None:
    q = parse_quantity(text)
    assert q.qualifier is qualifier
    assert q.unit == "人"
    assert q.value in {D(300), D(100)}
    assert q.text == text


def test_qualifier_precedence_before_wins() -> None:
    assert parse_quantity("约300余人").qualifier is Q.ABOUT
    assert parse_quantity("300余人以上").qualifier is Q.AT_LEAST


def test_nearly_ten_thousand() -> None:
    q = parse_quantity("近万件")
    assert (q.value, q.unit, q.qualifier) == (D(10000), "件", Q.NEARLY)


UNIT_CASES = [
    # (text, value, unit)
    ("786宗", "786", "宗"),
    ("786件", "786", "件"),
    ("135条", "135", "条"),
    ("248人", "248", "人"),
    ("2184人次", "2184", "人次"),
    ("71户", "71", "户"),
    ("12392户次", "12392", "户次"),
    ("32家", "32", "家"),
    ("13个", "13", "个"),
    ("7次", "7", "次"),
    ("101项", "101", "项"),
    ("10场", "10", "场"),
    ("36场次", "36", "场次"),
    ("4期", "4", "期"),
    ("15份", "15", "份"),
    ("3起", "3", "起"),
    ("68名", "68", "名"),
    ("17所", "17", "所"),
    ("2批", "2", "批"),
    ("5门", "5", "门"),
    ("3天", "3", "天"),
    ("15日", "15", "日"),
    ("5个工作日", "5", "个工作日"),
    ("2个多小时", "2", "个小时"),
    ("5工作日", "5", "工作日"),
    ("2小时", "2", "小时"),
    ("30分钟", "30", "分钟"),
    ("3年", "3", "年"),
    ("6个月", "6", "个月"),
    ("2个多月", "2", "个月"),
    ("100元", "100", "元"),
    ("5万元", "50000", "元"),
    ("15亿元", "1500000000", "元"),
    ("6381件/次", "6381", "件/次"),
    ("120件次", "120", "件次"),
    ("5篇", "5", "篇"),
    ("2部", "2", "部"),
    ("3000册", "3000", "册"),
    ("1.8万人次", "18000", "人次"),
    ("20亩", "20", "亩"),
    ("300平方米", "300", "平方米"),
    ("12公里", "12", "公里"),
    ("5吨", "5", "吨"),
    ("3辆", "3", "辆"),
    ("4台", "4", "台"),
    ("4类", "4", "类"),
    ("9种", "9", "种"),
    ("12部门", "12", "部门"),
    ("98.73%", "98.73", "%"),
    ("98.73％", "98.73", "%"),
    ("5‰", "5", "‰"),
    ("3.2个百分点", "3.2", "个百分点"),
    ("3.2百分点", "3.2", "个百分点"),
    ("2倍", "2", "倍"),
    ("三成", "3", "成"),
    ("两番", "2", "番"),
    ("百分之六十", "60", "%"),
    ("百分之68.67", "68.67", "%"),
    ("百分之百", "100", "%"),
    ("236 项", "236", "项"),
    ("236\u3000项", "236", "项"),
    ("兩萬個", "20000", "个"),
    ("三項", "3", "项"),
    ("十條", "10", "条"),
]


@pytest.mark.parametrize(("text", "value", "unit"), UNIT_CASES)
def test_units(text: str, value: str, unit: str) -> None:
    q = parse_quantity(text)
    assert q.value == D(value)
    assert q.unit == unit
    assert q.text == text


ROUNDED_CASES = [
    ("786宗", False),
    ("两千三百零五件", False),
    ("68.67%", True),
    ("42%", True),
    ("3个百分点", True),
    ("2倍", True),
    ("三成", True),
    ("5‰", True),
    ("27亿条", True),
    ("3万件", True),
    ("三万件", True),
    ("三万零五件", False),
    ("1.5天", True),
    ("十二点五小时", True),
    ("二十件", False),
]


@pytest.mark.parametrize(("text", "rounded"), ROUNDED_CASES)
def test_rounded_flag(text: str, rounded: bool) -> None:
    assert parse_quantity(text).rounded is rounded


def test_scale_word_resolution_in_quantity() -> None:
    q = parse_quantity("1.2万人次")
    assert (q.value, q.resolution) == (D(12000), D(1000))
    q = parse_quantity("20余万人")
    assert (q.value, q.resolution, q.qualifier) == (D(200000), D(10000), Q.MORE_THAN)
    q = parse_quantity("2.8万余条")
    assert (q.value, q.qualifier) == (D(28000), Q.MORE_THAN)


BAD_QUANTITIES = [
    ("no number here", "no number"),
    ("", "empty"),
    ("   ", "empty"),
    ("12件13件", "2 numbers"),
    ("68.67%%", "'%'"),
    ("共12件", "before"),
    ("12件啊", "after"),
    ("百分之六十%", "百分之"),
]


@pytest.mark.parametrize(("text", "reason"), BAD_QUANTITIES)
def test_parse_quantity_rejects(text: str, reason: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert reason in info.value.reason
    assert info.value.text == text


def test_parse_quantity_text_is_stripped_input() -> None:
    assert parse_quantity("  786宗 \n").text == "786宗"


def test_negative_quantity() -> None:
    q = parse_quantity("-12.5%")
    assert q.value == D("-12.5")
    assert q.unit == "%"


# ------------------------------------------------------------------------------------------
# find_quantities
# ------------------------------------------------------------------------------------------


def texts(text: str) -> list[str]:
    return [m.quantity.text for m in find_quantities(text)]


def test_seed_sentence() -> None:
    text = "收到行政复议申请786宗,同比增长68.67%。"
    ms = list(find_quantities(text))
    assert [m.quantity.text for m in ms] == ["786宗", "68.67%"]
    assert ms[0].start == text.index("786")
    assert ms[0].end == ms[0].start + 4
    assert ms[1].quantity.unit == "%"
    for m in ms:
        assert text[m.start : m.end] == m.quantity.text
        assert isinstance(m, QuantityMatch)
        assert m.kind_hint == ""
        assert not m.is_chinese


def test_match_fields() -> None:
    text = "全年约1.2万余条。"
    (m,) = find_quantities(text)
    assert m.prefix == "约"
    assert m.start == 2
    assert text[m.number_start : m.number_end] == "1.2"
    assert m.has_unit
    assert m.quantity.value == 12000
    assert m.quantity.qualifier is Q.ABOUT


def test_spaces_between_number_and_unit_belong_to_quantity() -> None:
    text = "梳理事项236 项,其中3 万件"
    assert texts(text) == ["236 项", "3 万件"]


def test_compound_unit_not_split() -> None:
    assert texts("共提供服务6381件/次。") == ["6381件/次"]


def test_separate_numbers_not_merged() -> None:
    assert texts("受理1033件,其中维持435件,驳回136件") == ["1033件", "435件", "136件"]
    assert texts("12件13件") == ["12件", "13件"]


def test_fullwidth_and_traditional_offsets() -> None:
    text = "全年受理１２，３４５件，兩萬個項目，約三百條"
    ms = list(find_quantities(text))
    assert [m.quantity.value for m in ms] == [D(12345), D(20000), D(300)]
    assert [m.quantity.unit for m in ms] == ["件", "个", "条"]
    for m in ms:
        assert text[m.start : m.end] == m.quantity.text
    assert ms[1].is_chinese
    assert ms[2].prefix == "約"


def test_chinese_numerals_with_units_are_found() -> None:
    text = "召开常务会议二十次,连续四年获评优秀,近万人参加,超过三万人次,百分之六十以上"
    ms = list(find_quantities(text))
    assert [(m.quantity.value, m.quantity.unit) for m in ms] == [
        (D(20), "次"),
        (D(4), "年"),
        (D(10000), "人"),
        (D(30000), "人次"),
        (D(60), "%"),
    ]
    assert all(m.is_chinese for m in ms)
    assert ms[-1].quantity.qualifier is Q.AT_LEAST


@pytest.mark.parametrize(
    "text",
    [
        "统一答复",
        "进一步加强",
        "提供一站式服务",
        "十分重要",
        "一是完善制度,二是强化监督",
        "获评第二批法治镇街",
        "党的二十大精神",
        "十四五规划",
        "一规划两纲要",
        "一次性告知",
        "全市唯一一个",
        "执法队伍人员",
        "陆续出台",
        "“三个优化”",
        "三项制度",
        "增强四个意识",
        "第十七届中国",
        "十九届二中全会",
        "实现一件事一次办",
        "千家万户",
        "百千万工程",
        "第一责任人",
        "零件",
    ],
)
def test_chinese_numerals_in_words_are_not_emitted(text: str) -> None:
    assert [m for m in find_quantities(text) if m.is_chinese and m.kind_hint == ""] == []


def test_chinese_rank_ordinal() -> None:
    ms = list(find_quantities("名列全省第一名;全国第二,连续"))
    assert [(m.quantity.value, m.kind_hint) for m in ms] == [(D(1), "ordinal"), (D(2), "ordinal")]


@pytest.mark.parametrize(
    ("text", "quote", "hint"),
    [
        ("2023年,花都区", "2023年", "year"),
        ("关于2023年度法治政府建设", "2023年", "year"),
        ("二〇二三年", "二〇二三年", "year"),
        ("1-10月平均", "1", "date"),
        ("1-10月平均", "10月", "date"),
        ("12月31日", "12月", "date"),
        ("12月31日", "31日", "date"),
        ("发布日期:2024-01-04 16:49", "2024", "date"),
        ("发布日期:2024-01-04 16:49", "49", "date"),
        ("穗府办〔2022〕6号文", "2022", "docno"),
        ("穗府办〔2022〕6号文", "6号", "docno"),
        ("居全省第3名", "3名", "ordinal"),
        ("第20条", "20条", "ordinal"),
        ("3-5个工作日", "3", "range"),
        ("3-5个工作日", "5个工作日", "range"),
        ("数字政府2.0", "2.0", "version"),
        ("清单3.0版", "3.0", "version"),
        ("12345热线", "12345", "phone"),
        ("拨打12348", "12348", "phone"),
        ("电话020-86868686", "020", "phone"),
        ("拨打110报警", "110", "phone"),
        ("5G基站", "5", "code"),
        ("省委“1310”具体部署", "1310", "name"),
        ("“1+N”清单", "1", "name"),
        ("  1.强化思想", "1", "item"),
        ("(2)规范", "2", "item"),
        ("纲要(2021—2025年)", "2021", "year"),
        ("比例为2.12:1", "2.12", "ratio"),
        ("收到786宗", "786宗", ""),
        ("办理3年", "3年", ""),
        ("3个月", "3个月", ""),
        ("15日内办结", "15日", ""),
    ],
)
def test_kind_hints(text: str, quote: str, hint: str) -> None:
    ms = {m.quantity.text: m for m in find_quantities(text)}
    assert quote in ms, list(ms)
    assert ms[quote].kind_hint == hint


def test_start_end_window_keeps_original_offsets() -> None:
    text = "甲786件,乙12件,丙99件"
    ms = list(find_quantities(text, start=6, end=11))
    assert [m.quantity.text for m in ms] == ["12件"]
    assert ms[0].start == text.index("12件")
    assert list(find_quantities(text, start=100)) == []
    assert list(find_quantities(text, end=0)) == []


def test_percent_double_sign_in_text() -> None:
    assert texts("增长68.67%%") == ["68.67%"]


def test_unit_guards() -> None:
    # the unit is the first character of a word: no unit is taken
    assert [m.has_unit for m in find_quantities("2023人民")] == [False]
    assert texts("建立3台账") == ["3"]
    assert texts("发生3起诉讼") == ["3起"]


def test_find_quantities_rejects_non_str() -> None:
    with pytest.raises(TypeError):
        list(find_quantities(None))  # type: ignore[arg-type]


def test_normalize_is_one_to_one() -> None:
    text = "兩萬個項目壹佰零捌餘條○　１２，３４５％貳陸參"
    out = normalize(text)
    assert len(out) == len(text)
    # financial numerals keep their financial (simplified) form: 伍 in 队伍 is a word
    assert out == "两万个项目壹佰零捌余条〇 12,345%贰陆参"


def test_financial_numerals_read_as_numbers() -> None:
    assert parse_number("壹佰零捌")[0] == 108
    assert parse_number("參萬伍仟")[0] == 35000
    assert texts("收到貳拾件,执法队伍人员参加") == ["貳拾件"]


def test_scanner_on_a_long_text_finds_every_repeat() -> None:
    line = (
        "2023年,全区共收到行政复议申请786宗,同比增长68.67%,调解矛盾纠纷1497宗,成功率达98.73%,"
        "累计归集数据27亿条,近万人参加,修复信用28300余条,进一步加强统一领导。\n"
    )
    text = line * 2000  # ~ 0.5 MB of UTF-8; speed is measured in bench/, not asserted here
    matches = list(find_quantities(text))
    assert len(matches) == 8 * 2000
    assert all(text[m.start : m.end] == m.quantity.text for m in matches)


# ------------------------------------------------------------------------------------------
# Properties against exact oracles
# ------------------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.integers(min_value=0, max_value=10**12 - 1), st.booleans())
def test_chinese_rendering_round_trips(n: int, use_liang: bool) -> None:
    s = render_chinese(n)
    if use_liang and s.startswith("二") and len(s) > 1 and s[1] in "千百万亿":
        s = "两" + s[1:]
    value, res = parse_number(s)
    assert value == n
    if n:
        assert res == trailing_zero_power(n)


@settings(max_examples=100, deadline=None)
@given(st.integers(min_value=1, max_value=10**12 - 1))
def test_traditional_and_financial_renderings(n: int) -> None:
    s = render_chinese(n)
    assert parse_number(s.translate(TRADITIONAL))[0] == n
    financial = s.translate(FINANCIAL).translate(TRADITIONAL)
    assert parse_number(financial)[0] == n


@settings(max_examples=500, deadline=None)
@given(st.integers(min_value=0, max_value=10**12))
def test_differential_against_cn2an(n: int) -> None:
    lower = cn2an.an2cn(n)
    assert parse_number(lower)[0] == n
    assert parse_number(lower)[0] == cn2an.cn2an(lower, "strict")
    upper = cn2an.an2cn(n, "up")
    assert parse_number(upper)[0] == n


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=10**15), st.booleans(), st.booleans())
def test_arabic_integers_round_trip(n: int, grouped: bool, wide: bool) -> None:
    s = f"{n:,}" if grouped else str(n)
    if wide:
        s = fullwidth(s)
    value, res = parse_number(s)
    assert value == n
    assert res == 1


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**9),
    st.text(alphabet="0123456789", min_size=1, max_size=6),
    st.sampled_from([("", 0), ("万", 4), ("亿", 8), ("千", 3), ("万亿", 12)]),
    st.booleans(),
)
def test_arabic_decimals_against_fraction_oracle(
    whole: int, frac: str, scale: tuple[str, int], wide: bool
) -> None:
    word, exp = scale
    s = f"{whole}.{frac}{word}"
    if wide:
        s = fullwidth(f"{whole}.{frac}") + word
    value, res = parse_number(s)
    expected = (whole + Fraction(int(frac), 10 ** len(frac))) * 10**exp
    assert Fraction(value) == expected
    assert Fraction(res) == Fraction(10**exp, 10 ** len(frac))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=99_999),
    st.text(alphabet="0123456789", min_size=1, max_size=4),
)
def test_chinese_decimals_against_fraction_oracle(whole: int, frac: str) -> None:
    s = render_chinese(whole) + "点" + "".join(CN_DIGITS[int(c)] for c in frac)
    value, res = parse_number(s)
    assert Fraction(value) == whole + Fraction(int(frac), 10 ** len(frac))
    assert Fraction(res) == Fraction(1, 10 ** len(frac))


QUALIFIERS_ORACLE = {
    "约": Q.ABOUT,
    "近": Q.NEARLY,
    "超过": Q.MORE_THAN,
    "不少于": Q.AT_LEAST,
    "不足": Q.LESS_THAN,
    "不超过": Q.AT_MOST,
    "": Q.EXACT,
}
UNITS_ORACLE = {"件": "件", "宗": "宗", "人次": "人次", "％": "%", "%": "%", "个百分点": "个百分点"}


@settings(max_examples=300, deadline=None)
@given(
    st.integers(min_value=2, max_value=10**8),  # a lone 一 is never emitted by the scanner
    st.sampled_from(sorted(QUALIFIERS_ORACLE)),
    st.sampled_from(sorted(UNITS_ORACLE)),
    st.booleans(),
    st.text(alphabet="，。；、 ", max_size=2),
    st.text(alphabet="，。；、 ", max_size=2),
)
def test_quantities_in_text_round_trip(
    n: int, pre: str, unit: str, chinese: bool, left: str, right: str
) -> None:
    number = render_chinese(n) if chinese else str(n)
    expr = f"{pre}{number}{unit}"
    text = f"共计{left}{expr}{right}"
    q = parse_quantity(expr)
    assert q.value == n
    assert q.unit == UNITS_ORACLE[unit]
    assert q.qualifier is QUALIFIERS_ORACLE[pre]
    ms = list(find_quantities(text))
    assert len(ms) == 1
    (m,) = ms
    assert m.quantity == q
    assert text[m.start : m.end] == expr
    assert text[m.number_start : m.number_end] == number
    assert m.prefix == pre
    assert m.is_chinese is chinese
