"""Tests for lawgov_metrics.reading.claims: the registry and the streak and rank readers."""

from __future__ import annotations

import pytest

from lawgov_metrics.extract import extract
from lawgov_metrics.reading import claims


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


def test_rank_scope_from_the_contest() -> None:
    r = extract("在全省法治政府建设考评中排名第二,在全国系统评估中位列前三。")
    assert [(c.rank, c.scope) for c in r.claims_of("rank")] == [(2, "全省"), (3, "全国")]


# ---------------------------------------------------------------------------------------
# the registry


def test_every_kind_has_one_registered_reader() -> None:
    assert list(claims.READERS) == list(claims.KINDS)
    for kind, reader in claims.READERS.items():
        assert reader.kind == kind
        assert reader.summary, kind
        assert reader.read.__module__ == f"lawgov_metrics.reading.claims.{kind}"


def test_a_kind_is_registered_once_and_only_a_known_one() -> None:
    with pytest.raises(ValueError, match="registered already"):
        claims.claim_reader("growth")(lambda ctx: [])
    with pytest.raises(ValueError, match="unknown claim kind"):
        claims.claim_reader("ratio")(lambda ctx: [])


def test_each_reader_returns_claims_of_its_kind() -> None:
    text = (
        "收到申请100件,同比增长25%,其中网上申请60件,当面申请40件,办结率95%。"
        "败诉率3.5%,同比下降1.2个百分点。上年结转3件,办结98件,结转下年5件。"
        "连续三年获评优秀,名列全省第二。"
    )
    report = extract(text)
    kinds = {c.kind for c in report.claims}
    assert kinds == set(claims.KINDS)
    for c in report.claims:
        assert type(c).kind == c.kind
