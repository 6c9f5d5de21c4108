"""Tests for lawgov_metrics.extract, the public entry point: the whole pipeline end to end.

The steps have their own test modules (test_reading_*.py); here the entry point keeps its
promises: the same functions as lawgov_metrics.reading, a pure function of the text, the
seed report read as documented, sections and kinds filled in, claims in text order.
"""

from __future__ import annotations

import importlib
import pathlib
from decimal import Decimal

import pytest

import lawgov_metrics as lm
from lawgov_metrics import reading
from lawgov_metrics.extract import extract, read_report

DATA = pathlib.Path(__file__).parent / "data"


def test_the_entry_points_are_the_reading_packages() -> None:
    # ``lm.extract`` is the function; the module of that name re-exports the package's
    extract_module = importlib.import_module("lawgov_metrics.extract")
    assert extract_module.extract is reading.extract is lm.extract
    assert extract_module.read_report is reading.read_report is lm.read_report
    assert extract_module.html_to_text is reading.html_to_text is lm.html_to_text
    assert sorted(extract_module.__all__) == ["extract", "html_to_text", "read_report"]


def test_the_seed_report() -> None:
    report = read_report(DATA / "huadu-2023.txt")
    assert len(report.figures) == 43
    (growth,) = report.claims_of("growth")
    assert growth.figure is not None
    assert (growth.figure.value, growth.rate.value if growth.rate else None) == (
        Decimal("786"),
        Decimal("68.67"),
    )
    assert growth.binding is lm.Binding.STATED
    assert lm.integer_priors(786, growth.rate.value if growth.rate else 0) == range(466, 467)
    # the 786 printed on a second, unrelated indicator
    assert [f.subject for f in report.figures if f.value == 786] == [
        "行政复议申请",
        "政府信息公开申请案件",
    ]
    inferred, stated = report.claims_of("share")
    assert (inferred.total.quote, inferred.binding) == ("786宗", lm.Binding.POSITIONAL)
    assert (stated.total.quote, stated.binding) == ("1497宗", lm.Binding.STATED)
    assert report.doc_type == "rule_of_law"


def test_extract_is_a_pure_function_of_the_text() -> None:
    text = (DATA / "huadu-2023.txt").read_text(encoding="utf-8")
    assert extract(text) == extract(text)
    assert extract(text).text == text


def test_sections() -> None:
    text = "一、主要成效\n(一)依法行政\n1.深化改革。办理案件12件。\n(二)化解纠纷\n调解45宗。"
    f12, f45 = extract(text).figures
    assert f12.section == ("一、主要成效", "(一)依法行政", "1.深化改革")
    assert f45.section == ("一、主要成效", "(二)化解纠纷")


def test_claims_come_in_text_order_with_their_quotes() -> None:
    text = "收到申请100件,同比增长25%,其中网上申请60件,当面申请40件,办结率95%。连续三年获评优秀。"
    report = extract(text)
    starts = [c.span[0] for c in report.claims]
    assert starts == sorted(starts)
    assert {c.kind for c in report.claims} == {"growth", "breakdown", "share", "streak"}
    for c in report.claims:
        assert text[c.span[0] : c.span[1]] == c.quote


def test_a_str_is_needed() -> None:
    for bad in (None, b"12\xe4\xbb\xb6", 12):
        with pytest.raises(TypeError):
            extract(bad)  # type: ignore[arg-type]
    assert extract("").figures == ()


@pytest.mark.parametrize(
    ("args", "kwargs", "error", "argument"),
    [
        ((None,), {}, lm.ArgumentTypeError, "text"),
        (("786件".encode(),), {}, lm.ArgumentTypeError, "text"),
        (("786件",), {"year": "2023x"}, lm.ArgumentTypeError, "year"),
        (("786件",), {"year": "2023"}, lm.ArgumentTypeError, "year"),
        (("786件",), {"year": 2023.0}, lm.ArgumentTypeError, "year"),
        (("786件",), {"year": True}, lm.ArgumentTypeError, "year"),
        (("786件",), {"year": 23}, lm.ArgumentValueError, "year"),
        (("786件",), {"jurisdiction": 5}, lm.ArgumentTypeError, "jurisdiction"),
        (("786件",), {"title": ["x"]}, lm.ArgumentTypeError, "title"),
    ],
)
def test_bad_arguments_are_the_librarys_errors_naming_the_argument(
    args: tuple[object, ...], kwargs: dict[str, object], error: type[Exception], argument: str
) -> None:
    with pytest.raises(error) as info:
        extract(*args, **kwargs)  # type: ignore[arg-type]
    assert isinstance(info.value, lm.LawgovMetricsError)
    assert isinstance(info.value, TypeError if error is lm.ArgumentTypeError else ValueError)
    assert info.value.argument == argument  # type: ignore[attr-defined]
    assert str(info.value).startswith(f"{argument}=")


def test_bytes_are_refused_with_a_hint_to_decode_them() -> None:
    with pytest.raises(lm.ArgumentTypeError, match="decode the bytes first"):
        extract(b"786")  # type: ignore[arg-type]
