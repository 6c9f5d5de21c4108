"""The one-to-one character maps: :func:`normalize` and the scanner's views of a text.

Part of :mod:`lawgov_metrics.numerals`, which re-exports its public names.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

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
    """A one-to-one character map (far faster than str.translate on CJK text, where most
    characters map to themselves).

    One regex scan finds the mapped characters present; each is then replaced with
    ``str.replace``, which runs at memory speed. The order of the replacements does not
    matter because no character maps to a character that is mapped itself (checked here).
    """

    def __init__(self, table: Mapping[str, str]) -> None:
        assert all(len(k) == 1 and len(v) == 1 for k, v in table.items())
        assert not set(table.values()) & set(table), "a value that is also a key"
        self._get = dict(table).__getitem__
        self._re = re.compile("[" + "".join(re.escape(k) for k in sorted(table)) + "]")

    def __call__(self, text: str) -> str:
        found = self._re.findall(text)
        if found:
            get = self._get
            for c in set(found):
                text = text.replace(c, get(c))
        return text


_NORMALIZE = _CharMap(_NORMALIZE_MAP)
# The scanner's view: normalised, with financial numerals read as ordinary ones.
_READ = _CharMap(_READ_MAP)
# Reading exactly one number: 參/参 is a financial 3 there (參萬伍仟), never a verb.
_READ_ONE = _CharMap(_READ_ONE_MAP)


def _after_normalize(table: Mapping[str, str]) -> dict[str, str]:
    """The map that takes a normalised text to ``table``'s view of the original:
    ``_CharMap(result)(normalize(t)) == _CharMap(table)(t)`` for every text ``t``."""
    out: dict[str, str] = {}
    for c in {*table, *_NORMALIZE_MAP}:
        n, r = _NORMALIZE_MAP.get(c, c), table.get(c, c)
        # one view for each normal form, else a normalised text could not give the view
        assert out.get(n, r) == r
        assert table.get(n, n) == r
        if n != r:
            out[n] = r
    return out


# The scanner's view of a text that is normalised already (financial numerals only, which
# are rare: the Document keeps its normalised text and reads this from it).
_READ_NORMALIZED = _CharMap(_after_normalize(_READ_MAP))


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


def read_view(norm: str) -> str:
    """The scanner's view of a :func:`normalize`-d text: financial numerals read as ordinary
    ones (壹 -> 一, 拾 -> 十), one character for one; what :func:`scan_matches` takes.

    Examples:
        >>> read_view(normalize("貳拾件,队伍"))
        '二十件,队五'
    """
    return _READ_NORMALIZED(norm)
