"""Tests for lawgov_metrics.reading.masks: dates, names and numbers that are no figures."""

from __future__ import annotations

import pytest

from lawgov_metrics.extract import extract


def quotes(text: str) -> list[str]:
    return [f.quote for f in extract(text).figures]


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
