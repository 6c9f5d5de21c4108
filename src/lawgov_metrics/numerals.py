"""Chinese and full-width numbers, scale words, qualifiers, units, and the quantity scanner.

Three entry points:

* :func:`parse_number` reads exactly one number (Arabic, full-width or Chinese, with an
  optional scale word) and returns its exact value and resolution.
* :func:`parse_quantity` reads exactly one quantity expression (qualifier, number, scale
  word, unit) into a :class:`~lawgov_metrics.Quantity`.
* :func:`find_quantities` scans a whole report and yields a :class:`QuantityMatch` for every
  maximal quantity expression, with offsets into the original text and a ``kind_hint`` that
  flags years, dates, document numbers, ordinals and other numbers that are not figures.

Conventions (each one a decision, documented here once):

* Values are exact :class:`~decimal.Decimal`; no float is ever involved.
* The *resolution* is the value of one unit in the last written place. Trailing zeros count
  (``"63.10"`` -> 0.01), scale words multiply it (``"27亿"`` -> 1e8, ``"1.2万"`` -> 1000), and
  a Chinese numeral's last written digit sets it (``"三万五"`` = 35000 -> 1000, ``"三十"`` -> 10,
  ``"十五"`` -> 1, ``"两千三百零五"`` -> 1). Digit-by-digit numerals (``"二〇二三"``) have 1.
* An abbreviated Chinese numeral ends in a digit after a unit without 零: the digit counts in
  the next lower place (``三万五`` = 35000, ``一千二`` = 1200, ``三百五`` = 350).
* A bare unit character is one of it: ``"万"`` = 10000 with resolution 10000 (as in 近万),
  ``"十"`` = 10. ``"百分之百"`` is 100 % with resolution 1.
* A scale word is absorbed into the value; the unit never holds it (``"5万元"`` is 50000
  元, ``"1.8万人次"`` is 18000 人次).
* ``rounded`` is true for decimals, scale words (Arabic ``万/亿/千``; Chinese numerals with
  万 or 亿 whose resolution is above 1) and rate units (``% ‰ 个百分点 倍 成``); a plain
  integer count (``786宗``, ``两千三百零五件``) is exact.
* ``成`` keeps its own unit: ``"三成"`` is value 3, unit ``"成"`` (one 成 is 10 %); it is not
  converted to percent so that the written resolution is kept.
* When several qualifiers are written (``约300余人``) the one before the number wins, then
  the one after the unit (以上/以下/左右), then 余/多.
* Traditional characters (萬 億 兩 個 項 條 餘 …) and financial numerals (壹 贰 叁 … 拾 佰
  仟) read like their ordinary forms. The mapping is one character to one character, so
  offsets into a normalised copy are offsets into the original.

Examples:
    >>> from lawgov_metrics.numerals import parse_number, parse_quantity, find_quantities
    >>> parse_number("两千三百零五")
    (Decimal('2305'), Decimal('1'))
    >>> parse_number("27亿")
    (Decimal('2700000000'), Decimal('100000000'))
    >>> q = parse_quantity("28300余条")
    >>> q.value, q.unit, q.qualifier.name, q.rounded
    (Decimal('28300'), '条', 'MORE_THAN', False)
    >>> text = "2023年收到申请786宗,同比增长68.67%"
    >>> [(m.quantity.text, m.kind_hint) for m in find_quantities(text)]
    [('2023年', 'year'), ('786宗', ''), ('68.67%', '')]
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from decimal import Decimal

import attrs

from ._decimal import is_integral
from .errors import ParseError
from .records import Qualifier, Quantity

__all__ = [
    "CHINESE_DIGITS",
    "CHINESE_NUMERAL_CHARS",
    "CN_EXCLUDED_UNITS",
    "NAME_PHRASES",
    "QUALIFIERS_AFTER",
    "QUALIFIERS_BEFORE",
    "RATE_UNITS",
    "SCALE_WORDS",
    "UNITS",
    "UNIT_ALIASES",
    "QuantityMatch",
    "find_quantities",
    "normalize",
    "parse_number",
    "parse_quantity",
]

# --------------------------------------------------------------------------------------------
# Data tables
# --------------------------------------------------------------------------------------------

# One-to-one character maps. Every value is exactly one character, so a normalised text has
# the same length (and offsets) as the original.

#: Full-width ASCII forms (digits, letters, ``％ ， ． ： （ ）`` …) and wide or no-break
#: spaces become their ASCII forms.
_FULLWIDTH: dict[str, str] = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FULLWIDTH.update({"\u3000": " ", "\u00a0": " "})

#: Traditional -> simplified, as pairs of characters. Only the vocabulary of these reports
#: matters: numerals, units, qualifiers, and the verbs and nouns around figures. Financial
#: numerals keep their financial form here (貳 -> 贰, 陸 -> 陆, 參 -> 参) because 伍, 陆, 拾
#: and 参 are also ordinary words (队伍, 陆续, 收拾, 参加); reading a number maps them.
_TRAD_PAIRS = (
    "個个萬万億亿項项條条兩两與与來来為为際际機机關关區区縣县鎮镇鄉乡"
    "會会員员職职權权務务辦办處处級级總总數数據据單单標标統统計计"
    "報报導导級级門门問问題题範范規规則则審审決决議议調调請请訴诉"
    "復复議议訟讼執执開开發发證证書书寫写條条實实現现點点傳传動动訴诉"
    "護护衛卫網网絡络資资訊讯議议覈核質质準准確确認认識识讀读課课"
    "學学習习專专業业費费貸贷幣币價价錢钱費费勞劳動动體体顧顾問问"
    "場场號号碼码屆届張张長长間间陽阳陰阴舉举辦办應应當当對对於于"
    "從从眾众華华獲获評评優优勝胜續续連连第第參参與与頭头戶户歸归"
    "級级蘭兰廣广東东雲云貴贵遼辽寧宁黑黑龍龙漢汉灣湾陝陕甘甘蘇苏"
    "浙浙閩闽贛赣豫豫鄂鄂湘湘粵粤瓊琼渝渝疆疆藏藏澳澳臺台國国際际"
    "辦办紛纷糾纠調调解解們们讓让說说訂订設设計计論论試试語语財财"
    "經经濟济貿贸營营稅税務务賦赋準准規规劃划圖图書书館馆團团隊队"
    "員员幹干腦脑醫医藥药療疗險险衛卫環环境境災灾豐丰產产農农漁渔"
    "礦矿鐵铁鋼钢車车輛辆駕驾運运輸输達达遞递郵邮電电話话線线鍵键"
    "盤盘術术藝艺劇剧廳厅園园圍围層层屬属屢屡廢废棄弃減减滅灭漲涨"
    "軟软態态壓压縮缩歲岁齡龄齊齐歷历曆历憑凭據据驗验險险齊齐額额"
    "貫贯徹彻黨党幣币協协屆届傑杰響响諮咨詢询頁页顯显麼么麗丽壯壮"
    "師师節节紀纪錄录綜综維维繫系鬥斗爭争歡欢顏颜樣样濟济雙双邊边"
    "權权檢检察察聽听證证罰罚擬拟編编輯辑彙汇竊窃盜盗騙骗詐诈賭赌"
    "萊莱風风氣气廈厦樓楼築筑裝装飾饰積积極极穩稳確确聯联絡络"
    "億亿萬万倆俩參参陸陆貳贰叄叁肆肆伍伍陸陆柒柒捌捌玖玖拾拾佰佰仟仟"
    "幾几餘余約约超超逾逾將将較较併并專专門门轄辖閱阅覽览擊击訪访"
    "態态滿满離离戰战擴扩廣广壞坏頒颁佈布釋释盡尽畫画補补產产"
    "後后裡里這这種种徑径區区範范圍围擔担負负責责資资訊讯"
    "嶺岭組组織织訓训結结錯错進进週周勢势製制雜杂襲袭強强項项紮扎鬆松"
    "營营構构勵励驗验閱阅備备舊旧廳厅覺觉懲惩審审彈弹總总鑑鉴鑒鉴"
    "○〇◯〇過过內内筆笔噸吨畝亩類类時时鐘钟冊册樁桩顆颗隻只檔档圓元"
    "轉转載载領领熱热許许詳详稱称義义觀观變变陳陈擁拥雖虽嚴严懷怀禮礼興兴徵征違违"
    "別别無无終终駁驳況况暢畅綱纲繼继榮荣講讲選选銷销"
)


def _pairs(pairs: str) -> dict[str, str]:
    return {pairs[i]: pairs[i + 1] for i in range(0, len(pairs) - 1, 2) if pairs[i] != pairs[i + 1]}


_NORMALIZE_MAP: dict[str, str] = {**_FULLWIDTH, **_pairs(_TRAD_PAIRS)}

#: Financial numerals (大写数字, after :func:`normalize`) -> ordinary numerals.
_FINANCIAL_DIGITS = _pairs("壹一贰二叁三肆四伍五陆六柒七捌八玖九拾十佰百仟千")

#: Financial and traditional numerals that are also ordinary words (伍 in 队伍, 陆 in 陆续,
#: 拾 in 收拾); the scanner never emits a one-character numeral written with one of them.
_FINANCIAL = frozenset("壹贰貳叁叄參肆伍陆陸柒捌玖拾佰仟")

_READ_MAP = {**_NORMALIZE_MAP, **_FINANCIAL_DIGITS}
_READ_MAP.update(
    {t: _FINANCIAL_DIGITS[v] for t, v in _NORMALIZE_MAP.items() if v in _FINANCIAL_DIGITS}
)
_READ_ONE_MAP = {**_READ_MAP, "參": "三", "参": "三"}


class _CharMap:
    """A one-to-one character map, applied with one regex (far faster than str.translate
    on CJK text, where most characters map to themselves)."""

    def __init__(self, table: Mapping[str, str]) -> None:
        assert all(len(k) == 1 and len(v) == 1 for k, v in table.items())
        self._get = dict(table).__getitem__
        self._re = re.compile("[" + "".join(re.escape(k) for k in sorted(table)) + "]")

    def __call__(self, text: str) -> str:
        return self._re.sub(lambda m: self._get(m.group()), text)


_NORMALIZE = _CharMap(_NORMALIZE_MAP)
# The scanner's view: normalised, with financial numerals read as ordinary ones.
_READ = _CharMap(_READ_MAP)
# Reading exactly one number: 參/参 is a financial 3 there (參萬伍仟), never a verb.
_READ_ONE = _CharMap(_READ_ONE_MAP)


def _words(spaced: str) -> tuple[str, ...]:
    """Split a space-separated word list (tables below are easier to read that way)."""
    return tuple(spaced.split())


#: Chinese digit characters (after normalisation) and their values.
CHINESE_DIGITS: Mapping[str, int] = {
    "〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
    "七": 7, "八": 8, "九": 9,
}  # fmt: skip
_SMALL_UNITS: Mapping[str, int] = {"十": 10, "百": 100, "千": 1000}
_BIG_UNITS: Mapping[str, int] = {"万": 10**4, "亿": 10**8}
_CONTRACTIONS: Mapping[str, str] = {"廿": "二十", "卅": "三十", "卌": "四十"}

#: Every character of a Chinese numeral after :func:`normalize`: digits, units, 廿卅卌 and
#: the financial forms.
CHINESE_NUMERAL_CHARS = frozenset(
    [*CHINESE_DIGITS, *_SMALL_UNITS, *_BIG_UNITS, *_CONTRACTIONS, *_FINANCIAL_DIGITS]
)

#: Scale words after an Arabic number and their exponents of ten (``27亿`` -> 27 × 10**8).
#: ``千`` is not a scale word before 米/克/瓦 (千米 is a unit).
SCALE_WORDS: Mapping[str, int] = {
    "万亿": 12, "千亿": 11, "百亿": 10, "亿": 8, "千万": 7, "百万": 6, "万": 4, "千": 3,
}  # fmt: skip

#: Qualifiers written before the number.
QUALIFIERS_BEFORE: Mapping[str, Qualifier] = {
    "约": Qualifier.ABOUT,
    "大约": Qualifier.ABOUT,
    "约为": Qualifier.ABOUT,
    "近": Qualifier.NEARLY,
    "将近": Qualifier.NEARLY,
    "接近": Qualifier.NEARLY,
    "近乎": Qualifier.NEARLY,
    "超": Qualifier.MORE_THAN,
    "超过": Qualifier.MORE_THAN,
    "逾": Qualifier.MORE_THAN,
    "突破": Qualifier.MORE_THAN,
    "不少于": Qualifier.AT_LEAST,
    "不低于": Qualifier.AT_LEAST,
    "不足": Qualifier.LESS_THAN,
    "不到": Qualifier.LESS_THAN,
    "少于": Qualifier.LESS_THAN,
    "低于": Qualifier.LESS_THAN,
    "不超过": Qualifier.AT_MOST,
    "不高于": Qualifier.AT_MOST,
}

#: Qualifiers written after the number: 余/多 between number and unit, the rest after the unit.
QUALIFIERS_AFTER: Mapping[str, Qualifier] = {
    "余": Qualifier.MORE_THAN,
    "多": Qualifier.MORE_THAN,
    "左右": Qualifier.ABOUT,
    "上下": Qualifier.ABOUT,
    "以上": Qualifier.AT_LEAST,
    "以下": Qualifier.AT_MOST,
    "以内": Qualifier.AT_MOST,
}

#: Measure words found in these reports, by category. A unit is matched as the longest
#: entry; ``_UNIT_GUARDS`` keeps a unit from matching the first character of a word
#: (``人民``, ``台账``, ``起草`` …). Money units carry no scale: ``万元`` is scale 万 + ``元``.
UNITS: Mapping[str, str] = {
    **dict.fromkeys(
        _words(
            "宗 件 条 人 户 家 个 次 项 场 期 份 起 名 所 批 门 篇 部 册 本 张 套 处 间 支 队 座 "
            "位 类 种 岗 票 笔 单 例 封 块 根 株 棵 头 只 艘 辆 台 首 幅 轮 届 级 号 道 节 页 "
            "人次 户次 家次 件次 场次 批次 期次 名次 宗次 条次 项次 班次 车次 架次 份次 "
            "件/次 人/次 部门 课时 学时 堂课 分 台次 网点 卷 堂 组 栋"
        ),
        "count",
    ),
    **dict.fromkeys(
        _words(
            "年 个月 月 日 天 周 周年 个工作日 工作日 小时 个小时 分钟 秒 个星期 星期 岁 "
            "个多月 个多小时"
        ),
        "time",
    ),
    "元": "money",
    "美元": "money",
    **dict.fromkeys(
        _words("亩 平方米 平方公里 公顷 公里 千米 米 吨 千克 公斤 立方米 千瓦 千瓦时"), "measure"
    ),
    **dict.fromkeys(_words("% ‰ 个百分点 百分点 倍 成 番"), "rate"),
}

#: Written unit -> unit stored on the Quantity (everything else is kept as written, so
#: ``个工作日`` and ``个月`` keep their 个; 多 inside a unit is a qualifier, not unit).
UNIT_ALIASES: Mapping[str, str] = {
    "百分点": "个百分点",
    "个多小时": "个小时",
    "个多月": "个月",
    "个星期": "周",
    "星期": "周",
}

#: Units that make a quantity a rounded value even when the number is an integer.
RATE_UNITS = frozenset({"%", "‰", "个百分点", "倍", "成"})

#: Units never accepted after a Chinese numeral, because numeral + unit is far more often a
#: word or a name there (十分, 二十届, 三级联动, 一号工程).
CN_EXCLUDED_UNITS = frozenset(_words("分 号 届 级 道 节 页 单 首 块 根 头 只 周 秒 米 门"))

#: Chinese numeral + unit phrases that are names or slogans, not counts (bias: not emitted).
NAME_PHRASES = frozenset(
    _words(
        "两个维护 两个确立 四个意识 四个自信 四个全面 三个代表 五位一体 三项制度 一规划两纲要 "
        "三个务必 两个结合 两个毫不动摇 三重一大 四下基层 五个坚持 十个坚持 八项规定"
    )
)

# Characters that may not follow a unit (the unit is then the start of a word).
_UNIT_GUARDS: Mapping[str, str] = {
    "人": "民大员工才群士",
    "台": "账帐阶",
    "起": "草点始步航来",
    "次": "数性序要级",
    "项": "目",
    "条": "例款",
    "期": "间限",
    "场": "所地景",
    "门": "户诊店槛",
    "所": "有属在以得",
    "批": "准复示",
    "日": "常期益趋",
    "户": "籍口型",
    "间": "隔接断",
    "队": "伍员长",
    "座": "谈",
    "本": "级地单部市区县届年次",
    "位": "于列居置次",
    "种": "植类子",
    "类": "别型似",
    "支": "持付撑出援",
    "名": "单称义额",
    "处": "理罚置分长",
    "家": "庭属长",
    "成": "为立员果功效绩本交熟型",
    "分": "局院会类别钟支行中所区级析之",
    "部": "署分",
    "号": "召",
    "单": "位",
    "道": "路",
    "头": "部",
    "周": "边末期",
    "元": "旦素",
    "岗": "位",
    "级": "别",
    "节": "约点日",
    "块": "钱",
    "组": "织成建长",
    "卷": "宗入",
    "栋": "梁",
}

_PCT_PREFIX = "百分之"
_RANK_END = frozenset(",。;、)! \n")

# --------------------------------------------------------------------------------------------
# Regexes
# --------------------------------------------------------------------------------------------

# Every pattern below runs on normalised text: full-width digits and signs are ASCII there.
_ANY_DIGIT = "0-9"
_CN_CHARS = "〇零一二两三四五六七八九十百千万亿廿卅卌"
_CN_DIGITS_ONLY = "〇零一二三四五六七八九"
_HSPACE = " {0,2}"


def _alternation(words: object) -> str:
    items = sorted(words, key=lambda w: (-len(w), w))  # type: ignore[call-overload]
    return "|".join(re.escape(w) for w in items)


def _unit_alternation() -> str:
    parts = []
    for unit in sorted(UNITS, key=lambda w: (-len(w), w)):
        pat = re.escape(unit)
        guard = _UNIT_GUARDS.get(unit, "")
        if guard:
            pat += f"(?![{re.escape(guard)}])"
        parts.append(pat)
    return "|".join(parts)


_AR_NUMBER = (
    rf"(?:[0-9]{{1,3}}(?:,[0-9]{{3}}(?![{_ANY_DIGIT}]))++"
    rf"|[{_ANY_DIGIT}]++)"
    rf"(?:\.[{_ANY_DIGIT}]++(?!\.[{_ANY_DIGIT}]))?"
)
_CN_NUMBER = rf"[{_CN_CHARS}][{_CN_CHARS}]*+(?:点[{_CN_DIGITS_ONLY}]++(?:万亿|万|亿)?)?"
_SCALE = "万亿|千亿|百亿|亿|千万|百万|万|千(?![米克瓦])"

_QUANTITY_PATTERN = (
    rf"(?:(?P<pre>{_alternation(QUALIFIERS_BEFORE)}){_HSPACE})?"
    rf"(?P<pct>{_PCT_PREFIX})?"
    rf"(?P<num>"
    rf"(?:(?<![{_ANY_DIGIT}A-Za-z.])(?P<sign>[-−]))?"
    rf"(?<![{_ANY_DIGIT}])(?<![{_ANY_DIGIT}]\.)(?P<ar>{_AR_NUMBER})"
    rf"|(?<![{_CN_CHARS}点])(?P<cn>{_CN_NUMBER})"
    rf")"
    rf"(?:{_HSPACE}(?P<mid1>[余多]))?"
    rf"(?:{_HSPACE}(?P<scale>{_SCALE}))?"
    rf"(?P<mid2>[余多])?"
    rf"(?:{_HSPACE}(?P<unit>{_unit_alternation()}))?"
    rf"(?P<post>左右|上下|以上|以下|以内)?"
)

# The scanner first checks cheaply that a match can start here.
_START_CHARS = (
    "".join(sorted({w[0] for w in QUALIFIERS_BEFORE})) + "百" + _CN_CHARS + r"\-−" + _ANY_DIGIT
)
_SCAN_RE = re.compile(rf"(?=[{_START_CHARS}]){_QUANTITY_PATTERN}")
_FULL_RE = re.compile(_QUANTITY_PATTERN)
_AR_FULL_RE = re.compile(rf"(?P<sign>[-−+])?(?P<ar>{_AR_NUMBER})(?P<scale>{_SCALE})?")
_CN_FULL_RE = re.compile(rf"(?P<sign>负)?(?P<cn>{_CN_NUMBER})")
_DATE_RE = re.compile(
    rf"(?<![{_ANY_DIGIT}])(?:[12][0-9]{{3}}[-/.][0-9]{{1,2}}(?:[-/.][0-9]{{1,2}})?"
    rf"|[0-9]{{1,2}}:[0-9]{{2}}(?::[0-9]{{2}})?)(?![{_ANY_DIGIT}])"
)
_RANGE_AFTER_RE = re.compile(rf"[-~—–至到][{_ANY_DIGIT}]")
_RANGE_TO_MONTH_RE = re.compile(rf"[-~—–至到][{_ANY_DIGIT}]{{1,2}}月")
_RANGE_TO_YEAR_RE = re.compile(rf"[-~—–至到][12][{_ANY_DIGIT}]{{3}}年")
_PHONE_TAIL_RE = re.compile(r"[-][0-9]{7,8}(?![0-9])")
_EMERGENCY_RE = re.compile(r"热线|报警|接警|指挥|急救|平台|联动|服务")

_DIGIT_CHARS = frozenset("0123456789")
_RANGE_CHARS = frozenset("-~—–至到")
_BRACKETS_OPEN = frozenset("〔[【")
_BRACKETS_CLOSE = frozenset("〕]】")
_QUOTES_OPEN = "“‘\"'「『"
_QUOTES_CLOSE = "”’\"'」』"


def normalize(text: str) -> str:
    """Map full-width, wide-space and traditional characters to ordinary ones, one to one.

    This is the one normalisation of the package: the scanner and the extraction layer both
    read a normalised copy, and offsets into it are offsets into the original.

    Args:
        text: Any text.

    Returns:
        Text of the same length with full-width ASCII forms as ASCII (``１２，３４５％`` ->
        ``12,345%``), ideographic and no-break spaces as spaces, and traditional characters
        as simplified ones (萬→万, 億→亿, 兩→两, 個→个, 申請→申请, ○→〇). Financial
        numerals keep their (simplified) financial form: 貳→贰, 壹 stays 壹, so 队伍 and
        陆续 stay words; :func:`parse_number` and the scanner read them as numbers.

    Examples:
        >>> normalize("兩萬個項目")
        '两万个项目'
        >>> normalize("收到申請７８６宗，同比增長６８．６７％")
        '收到申请786宗,同比增长68.67%'
        >>> normalize("貳拾壹億")
        '贰拾壹亿'
        >>> len(normalize("貳拾壹億")) == len("貳拾壹億")
        True
    """
    return _NORMALIZE(text)


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------


def _decimal(sign: int, digits: str, exponent: int) -> Decimal:
    """An exact Decimal ``±digits × 10**exponent`` with a non-positive exponent."""
    digits = digits.lstrip("0") or "0"
    if exponent > 0:
        digits += "0" * exponent
        exponent = 0
    # a Decimal read from a string is exact, whatever the context's precision
    return Decimal(f"{'-' if sign else ''}{digits}E{exponent}")


def _shift(d: Decimal, k: int) -> Decimal:
    """``d × 10**k`` exactly, whatever the decimal context's precision."""
    sign, digits, exponent = d.as_tuple()
    assert isinstance(exponent, int)  # only finite values reach here
    return _decimal(sign, "".join(map(str, digits)), exponent + k)


def _power(exponent: int) -> Decimal:
    """``10**exponent`` as an exact Decimal written plainly (``1E+8`` -> 100000000)."""
    if exponent >= 0:
        return Decimal(10**exponent)
    return Decimal((0, (1,), exponent))


def _arabic(sign: str, number: str, scale: str, original: str) -> tuple[Decimal, Decimal]:
    del original  # grouping and digits were validated by the regex
    plain = number.replace(",", "")
    int_part, _, frac = plain.partition(".")
    exponent = -len(frac) + (SCALE_WORDS[scale] if scale else 0)
    value = _decimal(1 if sign else 0, int_part + frac, exponent)
    return value, _power(exponent)


def _cn_integer(s: str, original: str) -> tuple[int, int]:
    """Value and resolution of a Chinese integer numeral (normalised, no 点).

    Raises:
        ParseError: If it is not a well-formed numeral.
    """
    for short, long in _CONTRACTIONS.items():
        s = s.replace(short, long)
    if not s:
        raise ParseError(original, "empty Chinese numeral")
    if all(c in CHINESE_DIGITS for c in s):
        if len(s) == 1:
            return CHINESE_DIGITS[s], 1
        if "两" in s:
            raise ParseError(original, "两 cannot be used in a digit-by-digit numeral")
        return int("".join(str(CHINESE_DIGITS[c]) for c in s)), 1
    terms: list[tuple[int, int]] = []  # (value, order of magnitude of its big unit)
    section = 0
    digit: int | None = None
    zero_pending = False
    last_small: int | None = None
    prev = ""  # "digit", "zero", "small", "big"
    last_digit_index = -1  # index of the last written digit (or implicit one)
    for i, ch in enumerate(s):
        if ch in CHINESE_DIGITS:
            d = CHINESE_DIGITS[ch]
            if d == 0:
                if prev in {"", "digit"}:
                    raise ParseError(original, f"misplaced zero {ch!r} in Chinese numeral")
                zero_pending = True
                prev = "zero"
                continue
            if prev == "digit":
                raise ParseError(original, "two digits in a row in Chinese numeral")
            digit = d
            last_digit_index = i
            prev = "digit"
        elif ch in _SMALL_UNITS:
            u = _SMALL_UNITS[ch]
            if digit is None:
                if not (i == 0 or (u == 10 and prev in {"zero", "big"})):
                    raise ParseError(original, f"{ch!r} needs a digit before it")
                digit = 1
                last_digit_index = i
            if last_small is not None and u >= last_small:
                raise ParseError(original, "units out of order in Chinese numeral")
            section += digit * u
            last_small = u
            digit = None
            zero_pending = False
            prev = "small"
        else:  # big unit
            v = _BIG_UNITS[ch]
            if (
                digit is not None
                and prev == "digit"
                and last_small is not None
                and not zero_pending
                and last_small > 10
            ):
                raise ParseError(original, f"ambiguous digit before {ch!r}")
            s_val = section + (digit or 0)
            popped = [t for t in terms if t[1] < v]
            terms = [t for t in terms if t[1] >= v]
            if s_val == 0 and not popped:
                if i != 0:
                    raise ParseError(original, f"misplaced {ch!r} in Chinese numeral")
                s_val = 1
                last_digit_index = i
            order = v * max((t[1] for t in popped), default=1)
            if terms and terms[-1][1] <= order:
                raise ParseError(original, "units out of order in Chinese numeral")
            terms.append(((sum(t[0] for t in popped) + s_val) * v, order))
            section = 0
            digit = None
            zero_pending = False
            last_small = None
            prev = "big"
    if prev == "zero":
        raise ParseError(original, "Chinese numeral ends in zero")
    total = sum(t[0] for t in terms) + section
    if digit is not None:
        if zero_pending:
            return total + digit, 1
        # abbreviation: 三万五, 一千二 — the digit counts in the place below the last unit
        j = last_digit_index - 1
        place = 1
        while j >= 0 and (s[j] in _SMALL_UNITS or s[j] in _BIG_UNITS):
            place *= _SMALL_UNITS.get(s[j]) or _BIG_UNITS[s[j]]
            j -= 1
        res = max(place // 10, 1)
        return total + digit * res, res
    res = 1
    for ch in s[last_digit_index + 1 :]:
        res *= _SMALL_UNITS.get(ch) or _BIG_UNITS.get(ch) or 1
    if s[last_digit_index] in _SMALL_UNITS or s[last_digit_index] in _BIG_UNITS:
        res *= _SMALL_UNITS.get(s[last_digit_index]) or _BIG_UNITS[s[last_digit_index]]
    return total, res


def _chinese(sign: str, numeral: str, original: str) -> tuple[Decimal, Decimal]:
    int_part, dot, rest = numeral.partition("点")
    if not dot:
        int_value, int_res = _cn_integer(int_part, original)
        return _decimal(1 if sign else 0, str(int_value), 0), Decimal(int_res)
    frac = rest.rstrip("万亿")
    scale = rest[len(frac) :]
    exponent = {"": 0, "万": 4, "亿": 8, "万亿": 12}[scale] - len(frac)
    int_value, int_res = _cn_integer(int_part, original) if int_part else (-1, 1)
    if int_value < 0:
        raise ParseError(original, "a Chinese decimal needs digits before 点")
    del int_res  # the fraction digits set the resolution
    if int_part[-1] in _BIG_UNITS and scale:
        raise ParseError(original, "a scale word on both sides of 点")
    frac_digits = "".join(str(CHINESE_DIGITS[c]) for c in frac)
    value = _decimal(1 if sign else 0, str(int_value) + frac_digits, exponent)
    return value, _power(exponent)


def parse_number(text: str) -> tuple[Decimal, Decimal]:
    """Read exactly one number and return its exact value and resolution.

    Accepts Arabic digits (half- or full-width, with thousands separators and a decimal
    point), Chinese numerals (positional, digit-by-digit, abbreviated, traditional and
    financial forms, with 点 for decimals) and a scale word (万 亿 万亿 千 …) after either.

    Args:
        text: The number as written, e.g. ``"１２，３４５"``, ``"27亿"`` or ``"三万五"``.

    Returns:
        ``(value, resolution)``, both exact Decimals; the resolution is the value of one unit
        in the last written place.

    Raises:
        ParseError: If ``text`` is not exactly one number (the message says why).

    Examples:
        >>> parse_number("１２，３４５")
        (Decimal('12345'), Decimal('1'))
        >>> parse_number("63.10")
        (Decimal('63.10'), Decimal('0.01'))
        >>> parse_number("1.2万")
        (Decimal('12000'), Decimal('1000'))
        >>> parse_number("三万五")
        (Decimal('35000'), Decimal('1000'))
        >>> parse_number("一亿零五百万")
        (Decimal('105000000'), Decimal('1000000'))
        >>> parse_number("二〇二三")
        (Decimal('2023'), Decimal('1'))
        >>> parse_number("十二点五")
        (Decimal('12.5'), Decimal('0.1'))
        >>> parse_number("12件")
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ParseError: cannot parse '12件': not a number (unexpected '件' ...
    """
    if not isinstance(text, str):
        raise ParseError(text, f"expected a string, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise ParseError(text, "empty text")
    norm = _READ_ONE(stripped)
    m = _AR_FULL_RE.fullmatch(norm)
    if m:
        return _arabic("-" if m["sign"] in {"-", "−"} else "", m["ar"], m["scale"] or "", text)
    m = _CN_FULL_RE.fullmatch(norm)
    if m:
        return _chinese(m["sign"] or "", m["cn"], text)
    prefix = _AR_FULL_RE.match(norm) or _CN_FULL_RE.match(norm)
    pos = prefix.end() if prefix else 0
    raise ParseError(text, f"not a number (unexpected {norm[pos]!r} at position {pos})")


# --------------------------------------------------------------------------------------------
# Quantities
# --------------------------------------------------------------------------------------------


def _qualifier(pre: str, mids: str, post: str) -> Qualifier:
    if pre:
        return QUALIFIERS_BEFORE[pre]
    if post:
        return QUALIFIERS_AFTER[post]
    if mids:
        return Qualifier.MORE_THAN
    return Qualifier.EXACT


def _quantity_from_match(m: re.Match[str], text: str, original: str) -> Quantity:
    """Build the Quantity of a match of ``_QUANTITY_PATTERN``; ``text`` is its exact span."""
    unit_written = m["unit"] or ""
    unit = UNIT_ALIASES.get(unit_written, unit_written)
    mids = (m["mid1"] or "") + (m["mid2"] or "")
    if unit_written in {"个多月", "个多小时"}:
        mids += "多"
    scale = m["scale"] or ""
    if m["ar"] is not None:
        value, res = _arabic(m["sign"] or "", m["ar"], scale, original)
        rounded = "." in m["ar"] or bool(scale)
    else:
        cn = m["cn"]
        if m["pct"] and cn == "百":
            value, res = Decimal(100), Decimal(1)
        else:
            value, res = _chinese("", cn, original)
        rounded = "点" in cn or (res > 1 and ("万" in cn or "亿" in cn))
        if scale:  # 三十余万人: the scale word comes after 余
            k = SCALE_WORDS[scale]
            value, res, rounded = _shift(value, k), _shift(res, k), True
    if m["pct"]:
        if unit:
            raise ParseError(original, f"百分之 already makes a percentage; unit {unit!r} after it")
        unit = "%"
    rounded = rounded or unit in RATE_UNITS
    return Quantity(
        value=value,
        unit=unit,
        qualifier=_qualifier(m["pre"] or "", mids, m["post"] or ""),
        text=text,
        resolution=res,
        rounded=rounded,
    )


def parse_quantity(text: str) -> Quantity:
    """Read exactly one quantity expression: qualifier, number, scale word, unit.

    Args:
        text: One expression as written, e.g. ``"28300余条"``, ``"约1.2万人次"``,
            ``"百分之六十"``, ``"3.2个百分点"`` or ``"6381件/次"``.

    Returns:
        A :class:`~lawgov_metrics.Quantity` with the exact value (scale applied), the unit
        (full-width ``％`` normalised to ``%``, scale words removed), the qualifier, the
        resolution, ``rounded``, and ``text`` = the stripped input.

    Raises:
        ParseError: If ``text`` is not exactly one quantity (none, several, or extra text).

    Examples:
        >>> q = parse_quantity("27亿条")
        >>> q.value, q.unit, q.resolution, q.rounded
        (Decimal('2700000000'), '条', Decimal('100000000'), True)
        >>> parse_quantity("68.67％").unit
        '%'
        >>> q = parse_quantity("近万件")
        >>> q.value, q.qualifier.name
        (Decimal('10000'), 'NEARLY')
        >>> parse_quantity("5万元").value, parse_quantity("5万元").unit
        (Decimal('50000'), '元')
        >>> parse_quantity("+12.5%").value, parse_quantity("－12.5％").value
        (Decimal('12.5'), Decimal('-12.5'))
        >>> parse_quantity("no number here")
        Traceback (most recent call last):
        ...
        lawgov_metrics.errors.ParseError: cannot parse 'no number here': no number found
    """
    if not isinstance(text, str):
        raise ParseError(text, f"expected a string, got {type(text).__name__}")
    stripped = text.strip()
    if not stripped:
        raise ParseError(text, "empty text")
    norm = _READ_ONE(stripped)
    plus = norm[:1] == "+" and norm[1:2].isdigit()  # a table's "+12.5%": the sign is no text
    m = _FULL_RE.fullmatch(norm, 1 if plus else 0)
    if m is None:
        found = [x for x in _FULL_RE.finditer(norm) if x["num"]]
        if not found:
            raise ParseError(text, "no number found")
        if len(found) > 1:
            shown = ", ".join(repr(stripped[x.start() : x.end()]) for x in found[:5])
            raise ParseError(text, f"{len(found)} numbers found ({shown}), expected exactly one")
        x = found[0]
        if x.start() > 0:
            raise ParseError(text, f"unexpected text {stripped[: x.start()]!r} before the number")
        raise ParseError(text, f"unexpected text {stripped[x.end() :]!r} after the quantity")
    return _quantity_from_match(m, stripped, text)


# --------------------------------------------------------------------------------------------
# Scanner
# --------------------------------------------------------------------------------------------

KindHint = str


@attrs.frozen(kw_only=True)
class QuantityMatch:
    """One quantity expression found in a text by :func:`find_quantities`.

    Attributes:
        quantity: The parsed quantity; ``quantity.text == text[start:end]``.
        start: Start offset of the whole expression (qualifier included) in the original text.
        end: End offset of the whole expression (unit and trailing qualifier included).
        number_start: Start offset of the number itself (sign and digits or numeral).
        number_end: End offset of the number itself (before 余/多, scale word and unit).
        prefix: The qualifier written before the number (``"约"``, ``"不足"``), or ``""``.
        has_unit: Whether a unit was written (百分之 counts as the unit ``%``).
        is_chinese: Whether the number is written in Chinese numerals.
        has_scale: Whether a scale word (万, 亿, 千 …) follows the number.
        unit_start: Offset of the unit as written, or ``-1`` without one.
        kind_hint: Why the number is probably not a figure, or ``""``: ``"year"`` (2023年),
            ``"date"`` (1-10月, 12月31日, 2024-01-04, 16:49), ``"docno"`` (〔2022〕6号),
            ``"ordinal"`` (第N), ``"range"`` (3-5个工作日), ``"version"`` (2.0, 3.0版),
            ``"phone"`` (12345 hotline, phone numbers), ``"code"`` (5G, ISO9001),
            ``"name"`` (a number in quotes or joined by ``+``: “1310”, 1+N), ``"ratio"``
            (2.12:1) or ``"item"`` (a list marker such as ``1.`` or ``(2)``).
    """

    quantity: Quantity
    start: int
    end: int
    number_start: int
    number_end: int
    prefix: str = ""
    has_unit: bool = False
    is_chinese: bool = False
    has_scale: bool = False
    unit_start: int = -1
    kind_hint: KindHint = ""

    @property
    def text(self) -> str:
        """The expression as written (same as ``quantity.text``)."""
        return self.quantity.text

    @property
    def span(self) -> tuple[int, int]:
        """``(start, end)``."""
        return (self.start, self.end)


def _line_start_before(text: str, pos: int) -> bool:
    j = pos - 1
    while j >= 0 and text[j] in " \t":
        j -= 1
    return j < 0 or text[j] in "\r\n"


def _kind_hint(
    text: str, m: re.Match[str], q: Quantity, date_starts: frozenset[int], is_cn: bool
) -> str:
    """Why the match is probably not a figure, or ``""``; ``text`` is the normalised text."""
    s, e = m.start(), m.end()
    ns = m.start("num")
    if m["sign"]:
        ns += 1
    unit = q.unit
    prev1 = text[s - 1] if s > 0 else ""
    next1 = text[e] if e < len(text) else ""
    tail = text[e : e + 8]
    digits = m["ar"] or ""
    is_int = is_integral(q.value) and "." not in digits
    plain_int = is_int and not m["scale"] and not (m["ar"] and "," in digits)
    n_digits = len(digits)
    # document numbers: 〔2022〕6号, [2023]12号
    if prev1 in _BRACKETS_OPEN and next1 in _BRACKETS_CLOSE:
        return "docno"
    if unit == "号" or (prev1 in _BRACKETS_CLOSE and not unit):
        return "docno"
    if prev1 == "第" or text[max(s - 2, 0) : s] == "第 ":
        return "ordinal"
    if ns in date_starts:
        return "date"
    # years
    if plain_int and 1900 <= q.value <= 2100:
        if (n_digits == 4 or (is_cn and len(m["cn"]) == 4)) and unit == "年":
            return "year"
        if n_digits == 4 and not unit and _RANGE_TO_YEAR_RE.match(tail):
            return "year"
        if n_digits == 4 and not unit and prev1 == "(":
            return "year"
    if plain_int and unit == "年" and is_cn and len(m["cn"]) == 4:
        return "year"
    # dates
    if plain_int:
        if unit == "月" and 1 <= q.value <= 12:
            return "date"
        if unit == "日" and 1 <= q.value <= 31 and text[ns - 1 : ns] == "月":
            return "date"
        if not unit and _RANGE_TO_MONTH_RE.match(tail):
            return "date"
    if m["ar"] and not unit and not m["scale"] and 1900 <= q.value < 2101 and n_digits >= 6:
        int_part, _, frac = digits.partition(".")
        if len(int_part) == 4 and 1 <= len(frac) <= 2 and 1 <= int(frac) <= 12:
            return "date"  # 2023.5, 2023.12
    # phone numbers
    if m["ar"] and plain_int and not unit:
        plain = digits
        if len(plain) == 5 and plain.startswith("123"):
            return "phone"
        if plain in {"110", "119", "120", "122"} and _EMERGENCY_RE.match(tail):
            return "phone"
        if len(plain) >= 7 or (plain.startswith("0") and _PHONE_TAIL_RE.match(tail)):
            return "phone"
        if 7 <= len(plain) <= 8 and text[ns - 1 : ns] == "-":
            return "phone"
    # versions
    if m["ar"] and not unit:
        if next1 == "版" or text[ns - 1 : ns] in {"V", "v"}:
            return "version"
        if not is_int and digits.endswith(".0"):
            return "version"
    if m["ar"] and not unit and (next1.isascii() and next1.isalpha()):
        return "code"
    if m["ar"] and text[ns - 1 : ns].isascii() and text[ns - 1 : ns].isalpha():
        return "code"
    # ratios: 2.12:1
    if (
        m["ar"]
        and not unit
        and (
            (next1 == ":" and text[e + 1 : e + 2].isdigit())
            or (prev1 == ":" and text[s - 2 : s - 1].isdigit())
        )
    ):
        return "ratio"
    # names: “1310”, 1+N
    if (prev1 and prev1 in _QUOTES_OPEN and next1 and next1 in _QUOTES_CLOSE) or (
        "+" in (prev1, next1)
    ):
        return "name"
    # ranges: 3-5个工作日
    if not unit and _RANGE_AFTER_RE.match(tail):
        return "range"
    before = text[max(ns - 2, 0) : ns]
    if len(before) == 2 and before[0] in _DIGIT_CHARS and before[1] in _RANGE_CHARS:
        return "range"
    # list markers: "1." at a line start, "(2)"
    if m["ar"] and not unit and plain_int:
        if next1 in {".", "、"} and _line_start_before(text, s):
            return "item"
        if prev1 == "(" and next1 == ")":
            return "item"
    return ""


def _accept_chinese(text: str, norm: str, m: re.Match[str]) -> bool:
    """The scanner's gate for Chinese numerals (biased against names and idioms)."""
    cs, ce = m.span("cn")
    run = norm[cs:ce]
    pre = m["pre"]
    unit = m["unit"]
    pct = m["pct"]
    prev_ch = text[m.start() - 1] if m.start() > 0 else ""
    if prev_ch and prev_ch in _QUOTES_OPEN + "《":
        return False
    if len(run) == 1 and text[cs] in _FINANCIAL:
        return False
    if cs > 0 and norm[cs - 1] == "第":
        nxt = norm[ce : ce + 1]
        if unit:
            return unit in {"名", "位"} and not m["post"]
        return not pre and (not nxt or nxt in _RANK_END)
    if all(c in CHINESE_DIGITS for c in run) and len(run) > 1:
        has_zero = "〇" in run or "零" in run
        if not (has_zero or (len(run) == 4 and unit == "年")):
            return False
    if run in {"一", "〇", "零"} and not (pre and (unit or pct)):
        return False
    if run[0] in "百千万亿" and not (pre or pct):
        return False
    if not (unit or pre or pct):
        return False
    if unit and unit in CN_EXCLUDED_UNITS:
        return False
    if unit and norm[m.end("unit") : m.end("unit") + 1] in {"性", "式", "化"}:
        return False
    return not any(norm.startswith(p, cs) for p in NAME_PHRASES)


def find_quantities(
    text: str, start: int = 0, end: int | None = None, *, hints: bool = True
) -> Iterator[QuantityMatch]:
    """Find every maximal quantity expression in ``text[start:end]``.

    Arabic and full-width numbers are always reported. Chinese numerals are reported only
    when followed by a unit, or preceded by a qualifier or 百分之, and never when they are
    part of an idiom or a name (统一, 进一步, 一次性, 十分, 一是, 第二批, 二十大, 十四五,
    “三个优化”, :data:`NAME_PHRASES`); ``第一`` is reported (as an ordinal) only in a rank
    (第一名, 列第一。). Numbers that are probably not figures are reported with a
    ``kind_hint`` so that the caller can drop them.

    Args:
        text: The whole text; offsets always refer to it.
        start: Where to start looking.
        end: Where to stop (default: the end of ``text``).
        hints: Whether to work out each match's ``kind_hint`` (``False`` leaves it ``""``
            and is faster, for callers that filter matches their own way).

    Yields:
        :class:`QuantityMatch` objects in text order, none overlapping.

    Examples:
        >>> text = "共收到申请1,234件（上年约1.2万件），其中6381件/次，近两年超过三万人次"
        >>> [(m.quantity.text, m.quantity.value, m.quantity.unit) for m in find_quantities(text)]
        ... # doctest: +NORMALIZE_WHITESPACE
        [('1,234件', Decimal('1234'), '件'), ('约1.2万件', Decimal('12000'), '件'),
         ('6381件/次', Decimal('6381'), '件/次'), ('近两年', Decimal('2'), '年'),
         ('超过三万人次', Decimal('30000'), '人次')]
        >>> [m.kind_hint for m in find_quantities("〔2022〕6号 第3名 1-10月 拨打12345热线")]
        ['docno', 'docno', 'ordinal', 'date', 'date', 'phone']
    """
    if not isinstance(text, str):
        raise TypeError(f"find_quantities() needs a str, got {type(text).__name__}")
    n = len(text)
    stop = n if end is None else max(0, min(end, n))
    begin = max(0, min(start, stop))
    norm = _READ(text)
    date_starts = (
        frozenset(
            d.start() + off
            for d in _DATE_RE.finditer(norm, begin, stop)
            for off in _group_starts(d.group())
        )
        if hints
        else frozenset()
    )
    for m in _SCAN_RE.finditer(norm, begin, stop):
        is_cn = m["cn"] is not None
        if is_cn and not _accept_chinese(text, norm, m):
            continue
        s, e = m.start(), m.end()
        quote = text[s:e]
        try:
            q = _quantity_from_match(m, quote, quote)
        except ParseError:
            continue
        ns = m.start("num")
        yield QuantityMatch(
            quantity=q,
            start=s,
            end=e,
            number_start=ns,
            number_end=m.end("num"),
            prefix=text[m.start("pre") : m.end("pre")] if m["pre"] else "",
            has_unit=bool(m["unit"] or m["pct"]),
            is_chinese=is_cn,
            has_scale=bool(m["scale"]),
            unit_start=m.start("unit") if m["unit"] else -1,
            kind_hint=_kind_hint(norm, m, q, date_starts, is_cn) if hints else "",
        )


def _group_starts(s: str) -> Iterator[int]:
    """Offsets of each digit group in a date or time string."""
    for g in re.finditer(rf"[{_ANY_DIGIT}]+", s):
        yield g.start()
