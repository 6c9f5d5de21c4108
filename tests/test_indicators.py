"""The indicator vocabulary: table-driven matching, extension, files, and fuzzing."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics.errors import SchemaError, UnknownIndicatorError
from lawgov_metrics.indicators import Indicator, Vocabulary, normalize_subject, unit_kind_of

VOC = lm.default_vocabulary()

# (subject as a report might write it, unit, expected indicator id or None)
MATCH_TABLE = [
    ("收到行政复议申请", "宗", "admin_reconsideration_applications"),
    ("受理行政复议案件", "件", "admin_reconsideration_applications"),
    ("新收行政复议申请", "件", "admin_reconsideration_applications"),
    ("共收到行政复议申请", None, "admin_reconsideration_applications"),
    ("行政复议", "件", "admin_reconsideration_applications"),
    ("受理行政復議案件", "件", "admin_reconsideration_applications"),  # traditional script
    ("審結行政復議案件", "件", "admin_reconsideration_closed"),
    ("纠错率", "%", "admin_reconsideration_correction_rate"),
    ("行政诉讼案件", "件", "admin_litigation_cases"),
    ("行政应诉案件", "件", "admin_litigation_cases"),
    ("败诉率", "%", "admin_litigation_loss_rate"),
    ("行政机关负责人出庭应诉率", "%", "head_court_appearance_rate"),
    ("出庭应诉率", "%", "head_court_appearance_rate"),
    ("行政首长出庭应诉率", "%", "head_court_appearance_rate"),
    ("办理法援案件", "宗", "legal_aid_cases"),
    ("受理法律援助案件", "件", "legal_aid_cases"),
    ("各级各类人民调解组织调解矛盾纠纷", "宗", "people_mediation_disputes"),
    ("调解成功率", "%", "mediation_success_rate"),
    ("规范性文件备案审核", "件", "normative_document_filing"),
    ("合法性审核意见书", "份", "legality_reviews"),
    ("共办理政府信息公开申请案件", "件", "gov_info_disclosure_requests"),
    ("新收政府信息公开申请", "件", "gov_info_disclosure_requests"),
    ("主动公开政府信息", "条", "proactive_disclosures"),
    ("评查行政执法案卷", "卷", "enforcement_file_reviews"),
    ("参考率", "%", "law_exam_participation_rate"),
    ("及格率", "%", "law_exam_pass_rate"),
    ("共办理人大建议", "件", "npc_deputy_suggestions"),
    ("区人大建议", "件", "npc_deputy_suggestions"),
    ("政协提案", "件", "cppcc_proposals"),
    ("县政协委员提案", "件", "cppcc_proposals"),
    ("公职律师", "名", "government_lawyers"),
    ("法律顾问", "名", "legal_advisers"),
    ("办理12345市民热线工单", "件", "hotline_12345_tickets"),
    ("１２３４５热线工单", "件", "hotline_12345_tickets"),  # full-width digits
    ("行政处罚案件", "件", "admin_penalty_cases"),
    ("企业修复信用", "条", "credit_repairs"),
    ("接待群众来访来电", "人次", "public_legal_service_visits"),
    # unit kind disagrees: no match
    ("行政复议案件", "%", None),
    ("出庭应诉率", "件", None),
    # a prior-year or national figure must not be mistaken for this year's own
    ("2020年全国平均出庭应诉率", "%", None),
    ("上年收到行政复议申请", "件", None),
    # unknown subjects
    ("注册人数", "人", None),
    ("", None, None),
]


@pytest.mark.parametrize(("subject", "unit", "expected"), MATCH_TABLE)
def test_match_table(subject: str, unit: str | None, expected: str | None) -> None:
    found = VOC.match(subject, unit)
    assert (found.id if found is not None else None) == expected


def test_default_vocabulary_is_cached_and_well_formed() -> None:
    assert lm.default_vocabulary() is VOC
    ids = [i.id for i in VOC]
    assert len(ids) == len(set(ids))
    for ind in VOC:
        assert re.fullmatch(r"[a-z0-9_]+", ind.id)
        assert ind.unit_kind in {"count", "rate", "money", "duration"}
        # every label and synonym finds its own indicator
        for name in (ind.label, *ind.synonyms):
            unit = "%" if ind.unit_kind == "rate" else None
            assert VOC.match(name, unit) == ind, name


def test_get_by_id_label_and_unknown() -> None:
    assert VOC.get("legal_aid_cases").label == "法律援助案件"
    assert VOC.get("法律援助案件").id == "legal_aid_cases"
    with pytest.raises(UnknownIndicatorError, match="no_such"):
        VOC.get("no_such")
    with pytest.raises(KeyError):
        VOC.get("no_such")
    assert "legal_aid_cases" in VOC
    assert "no_such" not in VOC


def test_extend_with_dict_overrides_and_adds() -> None:
    ext = VOC.extend(
        {
            "indicators": [
                {"id": "legal_advisers", "label": "法律顾问", "synonyms": ["顾问团"]},
                {"id": "village_lawyers", "label": "村居法律顾问", "synonyms": ["一村一法律顾问"]},
            ]
        }
    )
    assert ext.match("顾问团").id == "legal_advisers"
    assert ext.match("一村一法律顾问").id == "village_lawyers"
    assert len(ext) == len(VOC) + 1
    assert VOC.match("顾问团") is None  # the original is unchanged


def test_extend_override_wins_a_contested_synonym() -> None:
    ext = VOC.extend([Indicator(id="my_cases", label="我的案件", synonyms=("行政复议案件",))])
    assert ext.match("行政复议案件").id == "my_cases"


def test_from_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "voc.json"
    path.write_text(json.dumps(VOC.to_dict(), ensure_ascii=False), encoding="utf-8")
    again = Vocabulary.from_file(path)
    assert [i.to_dict() for i in again] == [i.to_dict() for i in VOC]
    assert again.match("新收行政复议申请").id == "admin_reconsideration_applications"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"schema_version": 99, "indicators": []}, "schema_version"),
        ({"indicators": [{"label": "无id"}]}, "indicator #0"),
        ({"indicators": [{"id": "Bad Id", "label": "x"}]}, "slug"),
        ({"indicators": [{"id": "a", "label": "x", "unit_kind": "weight"}]}, "unit_kind"),
        ({"indicators": [{"id": "a", "label": "x", "patterns": ["("]}]}, "pattern"),
        ({"indicators": [{"id": "a", "label": "x"}, {"id": "a", "label": "y"}]}, "duplicate"),
        ({"indicators": "nope"}, "list"),
    ],
)
def test_bad_vocabulary_data_names_the_problem(data: dict[str, object], message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        Vocabulary.from_dict(data)


def test_bad_json_file(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text("{not json", encoding="utf-8")
    with pytest.raises(SchemaError, match="not valid JSON"):
        Vocabulary.from_file(path)


@pytest.mark.parametrize(
    ("unit", "kind"),
    [
        ("%", "rate"),
        ("个百分点", "rate"),
        ("万元", "money"),
        ("元", "money"),
        ("个工作日", "duration"),
        ("天", "duration"),
        ("件", "count"),
        ("人次", "count"),
        ("", None),
        (None, None),
    ],
)
def test_unit_kind_of(unit: str | None, kind: str | None) -> None:
    assert unit_kind_of(unit) == kind


def test_normalize_subject_script() -> None:
    assert normalize_subject("“行政復議”（申請）") == "行政复议申请"
    assert VOC.core("共收到行政复议申请数") == "行政复议申请"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40), st.one_of(st.none(), st.text(max_size=4)))
def test_match_never_crashes(subject: str, unit: str | None) -> None:
    found = VOC.match(subject, unit)
    assert found is None or isinstance(found, Indicator)


@settings(max_examples=100, deadline=None)
@given(st.sampled_from(list(VOC)), st.sampled_from(["收到", "受理", "新收", "办理", "共", "累计"]))
def test_verbs_never_change_the_match(ind: Indicator, verb: str) -> None:
    unit = {"rate": "%", "money": "元", "duration": "天"}.get(ind.unit_kind, "件")
    assert VOC.match(verb + ind.label, unit) == ind


#: (subject, unit, indicator id): the cleaned subjects extraction gives common figures
#: (verb forms completed with their noun, growth and pp figures carrying the changed
#: figure's subject, 主动公开 kept, 调解 given to a bare 成功率) map onto the vocabulary.
CLEANED_SUBJECTS = [
    ("受理行政复议申请", "件", "admin_reconsideration_applications"),
    ("审结行政复议申请", "件", "admin_reconsideration_closed"),
    ("审结行政诉讼案件", "件", None),
    ("行政诉讼案件", "件", "admin_litigation_cases"),
    ("行政机关负责人出庭应诉率", "%", "head_court_appearance_rate"),
    ("调解成功率", "%", "mediation_success_rate"),
    ("主动公开政府信息", "条", "proactive_disclosures"),
    ("主动公开各类信息", "条", "proactive_disclosures"),
    ("政府信息公开申请", "件", "gov_info_disclosure_requests"),
    ("公布重大行政决策事项", "项", "major_administrative_decisions"),
    # a growth or pp figure keeps the changed figure's subject but not its unit kind
    ("行政复议申请", "%", None),
    ("行政诉讼败诉率", "个百分点", "admin_litigation_loss_rate"),
]


@pytest.mark.parametrize(("subject", "unit", "ident"), CLEANED_SUBJECTS)
def test_cleaned_subjects_match(subject: str, unit: str, ident: str | None) -> None:
    found = VOC.match(subject, unit)
    assert (found.id if found else None) == ident


@settings(max_examples=200)
@given(
    st.one_of(
        st.sampled_from([s for s, _, _ in MATCH_TABLE]),
        st.text(alphabet="收到受理行政复议申请案件出庭应诉率法律援助数共累计", max_size=12),
    ),
    st.sampled_from([None, "件", "宗", "%", "万元", "人"]),
)
def test_remembered_matches_equal_fresh_ones(subject: str, unit: str | None) -> None:
    fresh = Vocabulary.from_dict(VOC.to_dict())  # a vocabulary that has matched nothing yet
    first = VOC.match(subject, unit)
    assert VOC.match(subject, unit) is first
    assert (fresh.match(subject, unit) or Indicator(id="none", label="-")).id == (
        first or Indicator(id="none", label="-")
    ).id


def test_a_subject_is_normalised_once_per_unit_kind(monkeypatch: pytest.MonkeyPatch) -> None:
    voc = Vocabulary.from_dict(VOC.to_dict())
    calls: list[str] = []
    core = Vocabulary.core

    def counting(self: Vocabulary, subject: str) -> str:
        calls.append(subject)
        return core(self, subject)

    monkeypatch.setattr(Vocabulary, "core", counting)
    for _ in range(50):
        assert voc.match("新收行政复议申请", "件") is not None
        assert voc.match("新收行政复议申请", "宗") is not None  # the same unit kind
    assert voc.match("新收行政复议申请", "%") is None  # another kind: matched on its own
    assert 0 < len(calls) <= 4
