"""Traditional characters for the words of the templates (``report_texts(script=...)``).

Reports in traditional characters (Hong Kong and Taiwan reprints, news mirrors, converted
pages) write 行政復議, 辦結, 轉結, 申請, 答復. The map is one character for one, written for
the templates' vocabulary only, with the form these texts use where a simplified character
has several (复 is 復 in 復議 and 答復; 余 is 餘; 发 is 發; 范 is 範). Characters
that are the same in both scripts are not listed.

Examples:
    >>> to_traditional("收到行政复议申请786宗，办结率为98.73%")
    '收到行政復議申請786宗，辦結率為98.73%'
"""

from __future__ import annotations

__all__ = ["to_traditional"]

# simplified, traditional; pairs of characters
_PAIRS = (
    "万萬与與专專两兩严嚴个個为為举舉习習众眾优優会會余餘党黨关關况況减減划劃别別"
    "决決办辦务務动動区區华華单單压壓县縣参參发發号號听聽员員国國图圖场場复復学學"
    "实實审審应應开開强強当當彻徹态態总總执執报報据據无無机機条條来來检檢点點热熱"
    "畅暢确確类類纠糾约約级級纲綱纷紛线線组組织織终終结結络絡继繼续續维維网網范範"
    "荣榮获獲规規认認训訓议議讲講讼訟设設访訪评評诉訴试試请請调調负負责責贯貫转轉"
    "较較达達过過进進违違连連选選销銷镇鎮长長问問项項顾顧题題驳駁数數这這现現"
)
_TABLE = str.maketrans(_PAIRS[0::2], _PAIRS[1::2])


def to_traditional(text: str) -> str:
    """``text`` with the templates' simplified characters in their traditional form."""
    return text.translate(_TABLE)
