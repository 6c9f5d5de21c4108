"""The national template of 政府信息公开工作年度报告, as data.

Since the 2021 reports every government body publishes its annual report on government
information disclosure in one national template (国办公开办函〔2021〕30号); the 2019 and 2020
reports used its predecessor (国办公开办函〔2019〕60号). Three of its tables are defined here,
once, for the readers, the checks, the renderer and the indicator vocabulary:

* **T2** 主动公开政府信息情况: the items of 第二十条 (规章, 行政规范性文件, 行政许可, 行政处罚,
  行政强制, 行政事业性收费; in the 2019 form also 其他对外管理服务事项 and 政府集中采购) with
  the form's columns;
* **T3** 收到和处理政府信息公开申请情况: rows 本年新收 … 结转下年度 by the seven applicant
  columns;
* **T4** 政府信息公开行政复议、行政诉讼情况: three blocks (行政复议, and 行政诉讼 split into
  未经复议直接起诉 and 复议后起诉) of five results.

A :class:`Line` is a row or a column: an ascii ``key`` (used in indicator ids), the ``label``
that :meth:`lawgov_metrics.DisclosureTable.value` accepts (``"本年新收"``,
``"不予公开/属于国家秘密"``), the wording ``printed`` in the template, and the ``words`` by
which a real table's cell is recognised (any one of them in the cell's normalised text).

Examples:
    >>> from lawgov_metrics import template
    >>> [r.label for r in template.t3_rows("2021")][:3]
    ['本年新收', '上年结转', '予以公开']
    >>> len(template.t3_rows("2021")), len(template.t3_rows("2019"))
    (29, 26)
    >>> template.T3_COLUMNS[-1].printed
    '总计'
"""

from __future__ import annotations

import re
import unicodedata
from typing import Final, Literal

import attrs

__all__ = [
    "FORMS",
    "T2_COLUMNS",
    "T2_ROWS",
    "T3_COLUMNS",
    "T3_LEGAL_PERSONS",
    "T3_ROWS",
    "T4_BLOCKS",
    "T4_LITIGATION",
    "T4_RESULTS",
    "Form",
    "Line",
    "find_line",
    "label_key",
    "strip_numbering",
    "t2_columns",
    "t2_rows",
    "t3_rows",
]

Form = Literal["2021", "2019"]
#: The two forms, newest first.
FORMS: Final[tuple[Form, ...]] = ("2021", "2019")


@attrs.frozen(kw_only=True)
class Line:
    """One row or column of a template table.

    Attributes:
        key: Stable ascii key (``"new"``, ``"withheld_state_secret"``), part of indicator ids.
        label: The short Chinese label used to look a cell up (``"本年新收"``,
            ``"不予公开/属于国家秘密"``).
        printed: The wording of the template (``"一、本年新收政府信息公开申请数量"``).
        words: Any of these in a cell's normalised text (:func:`label_key`) names this line.
        parent: The key of the group a sub-row belongs to (``"withheld"``), or ``None``.
        forms: The forms that have this line.
        unit: The unit the template prints in the header (``"万元"``), or ``""``.
    """

    key: str
    label: str
    printed: str
    words: tuple[str, ...]
    parent: str | None = None
    forms: tuple[Form, ...] = FORMS
    unit: str = ""


def _l(
    key: str,
    label: str,
    printed: str,
    *words: str,
    parent: str | None = None,
    forms: tuple[Form, ...] = FORMS,
    unit: str = "",
) -> Line:
    return Line(
        key=key,
        label=label,
        printed=printed,
        words=words or (label,),
        parent=parent,
        forms=forms,
        unit=unit,
    )


# -- T3 ----------------------------------------------------------------------------------

_W = "withheld"
_N = "not_provided"
_P = "not_processed"
_O = "other_handling"

#: The rows of T3, in the template's order (both forms; see :func:`t3_rows`).
T3_ROWS: Final[tuple[Line, ...]] = (
    _l("new", "本年新收", "一、本年新收政府信息公开申请数量", "本年新收", "新收"),
    _l("carried_in", "上年结转", "二、上年结转政府信息公开申请数量", "上年结转", "上年度结转"),
    _l("disclosed", "予以公开", "（一）予以公开", "予以公开"),
    _l("partly", "部分公开", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
       "部分公开"),
    _l(_W, "不予公开", "（三）不予公开", "不予公开"),
    _l("withheld_state_secret", "不予公开/属于国家秘密", "1．属于国家秘密", "国家秘密", parent=_W),
    _l("withheld_prohibited", "不予公开/其他法律行政法规禁止公开",
       "2．其他法律行政法规禁止公开", "禁止公开", parent=_W),
    _l("withheld_three_safeties", "不予公开/危及“三安全一稳定”", "3．危及“三安全一稳定”",
       "三安全一稳定", "三安全", parent=_W),
    _l("withheld_third_party", "不予公开/保护第三方合法权益", "4．保护第三方合法权益",
       "第三方合法权益", "保护第三方", parent=_W),
    _l("withheld_internal", "不予公开/属于三类内部事务信息", "5．属于三类内部事务信息",
       "内部事务", parent=_W),
    _l("withheld_process", "不予公开/属于四类过程性信息", "6．属于四类过程性信息", "过程性",
       parent=_W),
    _l("withheld_enforcement", "不予公开/属于行政执法案卷", "7．属于行政执法案卷", "执法案卷",
       parent=_W),
    _l("withheld_query", "不予公开/属于行政查询事项", "8．属于行政查询事项", "查询事项", parent=_W),
    _l(_N, "无法提供", "（四）无法提供", "无法提供"),
    _l("not_provided_not_held", "无法提供/本机关不掌握相关政府信息",
       "1．本机关不掌握相关政府信息", "不掌握", parent=_N),
    _l("not_provided_needs_creation", "无法提供/没有现成信息需要另行制作",
       "2．没有现成信息需要另行制作", "另行制作", "没有现成信息", parent=_N),
    _l("not_provided_unclear", "无法提供/补正后申请内容仍不明确", "3．补正后申请内容仍不明确",
       "仍不明确", parent=_N),
    _l(_P, "不予处理", "（五）不予处理", "不予处理"),
    _l("not_processed_petitions", "不予处理/信访举报投诉类申请", "1．信访举报投诉类申请",
       "信访举报投诉", "信访", parent=_P),
    _l("not_processed_repeated", "不予处理/重复申请", "2．重复申请", "重复申请", parent=_P),
    _l("not_processed_publications", "不予处理/要求提供公开出版物", "3．要求提供公开出版物",
       "公开出版物", parent=_P),
    _l("not_processed_excessive", "不予处理/无正当理由大量反复申请",
       "4．无正当理由大量反复申请", "大量反复", "反复申请", parent=_P),
    _l("not_processed_confirmation", "不予处理/要求行政机关确认或重新出具已获取信息",
       "5．要求行政机关确认或重新出具已获取信息", "重新出具", "确认或重新", parent=_P),
    _l(_O, "其他处理", "（六）其他处理", "其他处理"),
    _l("other_handling_no_supplement",
       "其他处理/申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
       "1．申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
       "不补正", parent=_O, forms=("2021",)),
    _l("other_handling_unpaid_fees",
       "其他处理/申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
       "2．申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
       "收费通知", "缴纳费用", parent=_O, forms=("2021",)),
    _l("other_handling_other", "其他处理/其他", "3．其他", "其他", parent=_O, forms=("2021",)),
    _l("total", "总计", "（七）总计", "总计", "合计"),
    _l("carried_out", "结转下年度", "四、结转下年度继续办理", "结转下年", "结转下一年",
       "继续办理"),
)  # fmt: skip

#: The seven applicant columns of T3 (自然人, the five kinds of 法人或其他组织, 总计).
T3_COLUMNS: Final[tuple[Line, ...]] = (
    _l("natural_person", "自然人", "自然人"),
    _l("business", "商业企业", "商业企业"),
    _l("research", "科研机构", "科研机构"),
    _l("public_interest", "社会公益组织", "社会公益组织", "公益组织"),
    _l("legal_services", "法律服务机构", "法律服务机构"),
    _l("other_org", "其他", "其他", "其他"),
    _l("total", "总计", "总计", "总计", "合计"),
)  # fmt: skip
#: The merged column some reports print instead of the five kinds of organisation.
T3_LEGAL_PERSONS: Final = _l(
    "legal_persons",
    "法人或其他组织",
    "法人或其他组织",
    "法人或其他组织",
    "法人或者其他组织",
    "法人和其他组织",
    "法人及其他组织",
)

# -- T4 ----------------------------------------------------------------------------------

#: The five result columns of each T4 block.
T4_RESULTS: Final[tuple[Line, ...]] = (
    _l("upheld", "结果维持", "结果维持", "维持"),
    _l("corrected", "结果纠正", "结果纠正", "纠正"),
    _l("other", "其他结果", "其他结果", "其他"),
    _l("pending", "尚未审结", "尚未审结", "未审结", "尚未审理"),
    _l("total", "总计", "总计", "总计", "合计"),
)  # fmt: skip
#: The three blocks of T4 (the rows of :attr:`lawgov_metrics.DisclosureTables.t4`).
T4_BLOCKS: Final[tuple[Line, ...]] = (
    _l("reconsideration", "行政复议", "行政复议", "行政复议"),
    _l("litigation_direct", "行政诉讼/未经复议直接起诉", "未经复议直接起诉", "未经复议",
       "直接起诉", parent="litigation"),
    _l("litigation_after", "行政诉讼/复议后起诉", "复议后起诉", "复议后", parent="litigation"),
)  # fmt: skip
#: The single 行政诉讼 block some reports print instead of its two halves.
T4_LITIGATION: Final = _l("litigation", "行政诉讼", "行政诉讼", "行政诉讼")

# -- T2 ----------------------------------------------------------------------------------

#: The items of T2 (the rows), both forms.
T2_ROWS: Final[tuple[Line, ...]] = (
    _l("rules", "规章", "规章", "规章"),
    _l("normative_documents", "行政规范性文件", "行政规范性文件", "规范性文件"),
    _l("licensing", "行政许可", "行政许可", "行政许可"),
    _l("other_services", "其他对外管理服务事项", "其他对外管理服务事项", "对外管理服务",
       forms=("2019",)),
    _l("penalty", "行政处罚", "行政处罚", "行政处罚"),
    _l("coercion", "行政强制", "行政强制", "行政强制"),
    _l("fees", "行政事业性收费", "行政事业性收费", "事业性收费"),
    _l("procurement", "政府集中采购", "政府集中采购", "集中采购", forms=("2019",)),
)  # fmt: skip

#: The columns of T2, both forms (which item has which column: :func:`t2_columns`).
T2_COLUMNS: Final[tuple[Line, ...]] = (
    _l("issued", "本年制发件数", "本年制发件数", "制发", forms=("2021",)),
    _l("repealed", "本年废止件数", "本年废止件数", "废止", forms=("2021",)),
    _l("in_force", "现行有效件数", "现行有效件数", "现行有效", forms=("2021",)),
    _l("made", "本年新制作数量", "本年新制作数量", "新制作", forms=("2019",)),
    _l("published", "本年新公开数量", "本年新公开数量", "新公开", forms=("2019",)),
    _l("published_total", "对外公开总数量", "对外公开总数量", "对外公开总", forms=("2019",)),
    _l("items_last_year", "上一年项目数量", "上一年项目数量", "上一年项目", "上年项目",
       forms=("2019",)),
    _l("items_change", "本年增/减", "本年增/减", "增/减", "增减", forms=("2019",)),
    _l("decisions", "本年处理决定数量", "本年处理决定数量", "处理决定"),
    _l("fee_amount", "本年收费金额", "本年收费金额（单位：万元）", "收费金额", forms=("2021",),
       unit="万元"),
    _l("procurement_items", "采购项目数量", "采购项目数量", "采购项目", forms=("2019",)),
    _l("procurement_amount", "采购总金额", "采购总金额", "采购总金额", forms=("2019",)),
)  # fmt: skip

_T2_LAYOUT: Final[dict[Form, tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]]] = {
    "2021": (
        ("第二十条第（一）项", ("rules", "normative_documents"),
         ("issued", "repealed", "in_force")),
        ("第二十条第（五）项", ("licensing",), ("decisions",)),
        ("第二十条第（六）项", ("penalty", "coercion"), ("decisions",)),
        ("第二十条第（八）项", ("fees",), ("fee_amount",)),
    ),
    "2019": (
        ("第二十条第（一）项", ("rules", "normative_documents"),
         ("made", "published", "published_total")),
        ("第二十条第（五）项", ("licensing", "other_services"),
         ("items_last_year", "items_change", "decisions")),
        ("第二十条第（六）项", ("penalty", "coercion"),
         ("items_last_year", "items_change", "decisions")),
        ("第二十条第（八）项", ("fees",), ("items_last_year", "items_change")),
        ("第二十条第（九）项", ("procurement",), ("procurement_items", "procurement_amount")),
    ),
}  # fmt: skip


def t3_rows(form: Form) -> tuple[Line, ...]:
    """The rows of T3 in one form (the 2019 form has no sub-rows under （六）其他处理)."""
    return tuple(r for r in T3_ROWS if form in r.forms)


def t2_rows(form: Form) -> tuple[Line, ...]:
    """The items of T2 in one form."""
    return tuple(r for r in T2_ROWS if form in r.forms)


def t2_layout(form: Form) -> tuple[tuple[str, tuple[Line, ...], tuple[Line, ...]], ...]:
    """The parts of T2 in one form: (heading, items, columns) for each 第二十条 item.

    Examples:
        >>> [(h, [r.label for r in rows], [c.label for c in cols])
        ...  for h, rows, cols in t2_layout("2021")][1]
        ('第二十条第（五）项', ['行政许可'], ['本年处理决定数量'])
    """
    rows = {r.key: r for r in T2_ROWS}
    cols = {c.key: c for c in T2_COLUMNS}
    return tuple(
        (head, tuple(rows[k] for k in rk), tuple(cols[k] for k in ck))
        for head, rk, ck in _T2_LAYOUT[form]
    )


def t2_columns(form: Form, row: str) -> tuple[Line, ...]:
    """The columns the template gives item ``row`` (a key) in one form."""
    for _head, rows, cols in t2_layout(form):
        if any(r.key == row for r in rows):
            return cols
    return ()


_NUMBERING_RE: Final = re.compile(
    r"^\s*(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|"
    r"\d{1,2}\s*[、.．)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*"
)
_NOISE_RE: Final = re.compile(r"[\s\"'“”‘’「」『』《》〈〉:：,，。;；、·•*_\-—=]+")


def strip_numbering(text: str) -> str:
    """A label without its list number (一、 （一） 1． ①), otherwise as written.

    Examples:
        >>> strip_numbering("一、本年新收申请数量"), strip_numbering("（三）不予公开")
        ('本年新收申请数量', '不予公开')
    """
    prev = None
    t = text.strip()
    while prev != t:
        prev = t
        m = _NUMBERING_RE.match(unicodedata.normalize("NFKC", t))
        if m and m.end() > 0:
            t = t[m.end() :].strip()
    return t


def label_key(text: str) -> str:
    """A cell's text reduced for matching: NFKC, numbering and noise removed.

    The list number (一、 （一） 1． ①) is removed from the front, then spaces, quotes and
    punctuation everywhere; brackets other than the numbering's are kept.

    Examples:
        >>> label_key("（三）不予公开"), label_key("3．危及“三安全一稳定”")
        ('不予公开', '危及三安全一稳定')
        >>> label_key(" 本年新 制作数量 ")
        '本年新制作数量'
    """
    t = unicodedata.normalize("NFKC", text)
    prev = None
    while prev != t:
        prev = t
        t = _NUMBERING_RE.sub("", t, count=1)
    return _NOISE_RE.sub("", t)


def find_line(
    text: str, lines: tuple[Line, ...], *, exact_only: tuple[str, ...] = ()
) -> Line | None:
    """The line whose words occur in ``text`` (normalised with :func:`label_key`).

    Lines are tried in order, so list the specific before the general. A line whose key is
    in ``exact_only`` matches only when the whole key text equals one of its words (for a
    bare ``其他``).

    Examples:
        >>> find_line("（三）不予公开", T3_ROWS).key
        'withheld'
        >>> find_line("其他", T3_COLUMNS, exact_only=("other_org",)).key
        'other_org'
        >>> find_line("其他组织", T3_COLUMNS, exact_only=("other_org",)) is None
        True
    """
    key = label_key(text)
    if not key:
        return None
    for line in lines:
        if line.key in exact_only:
            if key in line.words:
                return line
        elif any(w in key for w in line.words):
            return line
    return None
