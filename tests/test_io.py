"""Round trips of reports and panels through JSON, CSV and Parquet; schema versions; injection."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import sys
from decimal import Decimal
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import lawgov_metrics as lm
from lawgov_metrics import io as lio
from lawgov_metrics.errors import SchemaError
from lawgov_metrics.panel import Panel

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "data"

# -- strategies (local, so these tests do not depend on other modules' strategies) ------------

texts = st.text(st.characters(blacklist_categories=("Cs",)), max_size=12)
risky = st.sampled_from(["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tx", "\rx", "'quoted", "''", "正常"])
cell_text = texts | risky
decimals = st.decimals(
    allow_nan=False, allow_infinity=False, places=3, min_value=-(10**9), max_value=10**9
)


@st.composite
def quantities(draw: st.DrawFn) -> lm.Quantity:
    return lm.Quantity(
        value=draw(decimals),
        unit=draw(st.sampled_from(["", "件", "%", "万元", "条"])),
        qualifier=draw(st.sampled_from(list(lm.Qualifier))),
        text=draw(cell_text),
        resolution=draw(
            st.sampled_from([Decimal("1"), Decimal("0.01"), Decimal("0.10"), Decimal("1E+4")])
        ),
        rounded=draw(st.booleans()),
    )


@st.composite
def figures(draw: st.DrawFn) -> lm.Figure:
    start = draw(st.integers(0, 10_000))
    return lm.Figure(
        quantity=draw(quantities()),
        subject=draw(cell_text),
        quote=draw(texts),
        span=(start, start + draw(st.integers(0, 20))),
        section=tuple(draw(st.lists(texts, max_size=2))),
        kind=draw(st.sampled_from(["count", "rate", "money", "other"])),
        context=draw(texts),
    )


@st.composite
def claims(draw: st.DrawFn) -> lm.Claim:
    kind = draw(st.sampled_from(["growth", "share", "pp", "breakdown", "streak", "rank"]))
    common = {"subject": draw(texts), "quote": draw(texts), "span": (1, 5)}
    opt_fig = st.none() | figures()
    if kind == "growth":
        return lm.GrowthClaim(
            figure=draw(opt_fig),
            rate=draw(st.none() | quantities()),
            direction=draw(st.sampled_from(["up", "down", "flat"])),
            basis=draw(opt_fig),
            form=draw(st.sampled_from(["percent", "difference"])),
            difference=draw(st.none() | quantities()),
            **common,
        )
    if kind == "share":
        return lm.ShareClaim(
            rate=draw(quantities()),
            total=draw(opt_fig),
            part=draw(opt_fig),
            binding=draw(st.sampled_from(list(lm.Binding))),
            **common,
        )
    if kind == "pp":
        return lm.PPChangeClaim(rate=draw(quantities()), figure=draw(opt_fig), **common)
    if kind == "breakdown":
        return lm.BreakdownClaim(
            total=draw(figures()),
            parts=tuple(draw(st.lists(figures(), max_size=3))),
            exhaustive=draw(st.booleans()),
            **common,
        )
    if kind == "streak":
        return lm.StreakClaim(years=draw(st.integers(1, 20)), figure=draw(opt_fig), **common)
    return lm.RankClaim(rank=draw(st.integers(1, 50)), scope=draw(texts), **common)


@st.composite
def reports(draw: st.DrawFn) -> lm.Report:
    return lm.Report(
        text=draw(st.text(max_size=60)),
        figures=draw(st.lists(figures(), max_size=3)),
        claims=draw(st.lists(claims(), max_size=3)),
        title=draw(st.none() | texts),
        jurisdiction=draw(st.none() | texts),
        year=draw(st.none() | st.integers(1990, 2100)),
        published=draw(st.none() | st.dates()),
        source=draw(st.none() | texts),
        path=draw(st.none() | texts),
    )


@st.composite
def panels(draw: st.DrawFn) -> Panel:
    n = draw(st.integers(0, 6))
    rows = []
    for _ in range(n):
        value = draw(st.none() | decimals)
        rows.append(
            {
                "jurisdiction": draw(cell_text),
                "indicator": draw(st.sampled_from(["法律援助案件", "出庭应诉率"]) | cell_text),
                "year": draw(st.none() | st.integers(1990, 2100)),
                "value": value,
                "unit": draw(st.sampled_from(["", "件", "%"])),
                "lower": draw(st.none() | st.fractions(max_denominator=10**6)),
                "upper": draw(st.none() | st.fractions(max_denominator=10**6)),
                "quote": draw(cell_text),
                "source": draw(cell_text),
                "subject": draw(cell_text),
                "note": draw(cell_text),
                "derived": draw(st.booleans()),
            }
        )
    cols = [
        "jurisdiction",
        "indicator",
        "year",
        "value",
        "unit",
        "lower",
        "upper",
        "quote",
        "source",
        "subject",
        "note",
        "derived",
    ]
    return Panel.from_frame(pd.DataFrame(rows, columns=cols, dtype=object))


def same(a: Panel, b: Panel) -> None:
    fa, fb = a.frame, b.frame
    assert list(fa.columns) == list(fb.columns)
    assert fa.to_dict(orient="records") == fb.to_dict(orient="records") or fa.equals(fb)
    for col in ("value", "lower", "upper"):  # exact, same type, same digits
        assert [repr(x) for x in fa[col]] == [repr(x) for x in fb[col]]


FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# -- reports ---------------------------------------------------------------------------------


@FAST
@given(reports())
def test_report_json_round_trip(report: lm.Report) -> None:
    text = lio.report_to_json(report)
    back = lio.report_from_json(text)
    assert back == report
    assert json.loads(text)["schema_version"] == lio.SCHEMA_VERSION


def test_report_json_keeps_exact_strings_and_dates() -> None:
    q = lm.Quantity(
        value=Decimal("63.10"), unit="%", text="63.10%", resolution=Decimal("0.01"), rounded=True
    )
    r = lm.Report(
        text="收案率占比63.10%",
        figures=[lm.Figure(quantity=q, subject="收案率")],
        published=dt.date(2024, 1, 4),
    )
    data = json.loads(lio.report_to_json(r))
    assert data["report"]["figures"][0]["quantity"]["value"] == "63.10"
    assert data["report"]["published"] == "2024-01-04"
    assert str(lio.report_from_json(lio.report_to_json(r)).figures[0].quantity.value) == "63.10"


def test_report_from_extracted_file_round_trips() -> None:
    report = lm.read_report(EXAMPLES / "huadu-2022.txt")
    assert lio.report_from_json(lio.report_to_json(report)) == report


@pytest.mark.parametrize(
    ("doc", "message"),
    [
        ('{"schema_version": 2, "kind": "report", "report": {}}', "schema_version"),
        ('{"schema_version": 1, "kind": "panel", "report": {}}', "kind"),
        (
            '{"schema_version": 1, "kind": "report", "report": {"text": 5, "figures": "x"}}',
            "invalid",
        ),
        (
            '{"schema_version": 1, "kind": "report", '
            '"report": {"text": "", "claims": [{"kind": "?"}]}}',
            "claim",
        ),
        ("[1, 2]", "JSON object"),
        ("{oops", "not valid JSON"),
    ],
)
def test_report_json_errors(doc: str, message: str) -> None:
    with pytest.raises(SchemaError, match=message):
        lio.report_from_json(doc)


@settings(max_examples=200, deadline=None)
@given(
    st.text(max_size=80)
    | st.recursive(
        st.none() | st.integers() | st.text(max_size=5),
        lambda c: st.lists(c, max_size=3) | st.dictionaries(st.text(max_size=8), c, max_size=3),
    ).map(json.dumps)
)
def test_readers_fuzz_only_raise_schema_errors(doc: str) -> None:
    for reader in (lio.report_from_json, lio.panel_from_json):
        with contextlib.suppress(SchemaError):
            reader(doc)


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    raw=st.binary(max_size=300)
    | st.lists(
        st.sampled_from(["schema_version", "1", "2", ",", "\n", '"', "=1+1", "indicator", "value"])
        | st.text(max_size=5),
        max_size=20,
    ).map(lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))
)
def test_file_readers_fuzz_only_raise_schema_errors(raw: bytes, tmp_path: Path) -> None:
    for name, reader in (("panel.csv", lio.read_csv), ("panel.parquet", lio.read_parquet)):
        path = tmp_path / name
        path.write_bytes(raw)
        with contextlib.suppress(SchemaError):
            assert isinstance(reader(path), Panel)


# -- panels ----------------------------------------------------------------------------------


@FAST
@given(panels())
def test_panel_json_round_trip(panel: Panel) -> None:
    same(lio.panel_from_json(lio.panel_to_json(panel)), panel)


@FAST
@given(panel=panels())
def test_panel_csv_round_trip(panel: Panel, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("csv") / "p.csv"
    lio.write_csv(panel, path)
    same(lio.read_csv(path), panel)


@FAST
@given(panel=panels())
def test_panel_parquet_round_trip(panel: Panel, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("pq") / "p.parquet"
    lio.write_parquet(panel, path)
    same(lio.read_parquet(path), panel)


def test_csv_escapes_formulas_in_text_not_numbers(tmp_path: Path) -> None:
    panel = Panel.from_frame(
        pd.DataFrame(
            {
                "jurisdiction": ["=cmd|' /C calc'!A0"],
                "indicator": ["@SUM(1)"],
                "year": [2023],
                "value": ["-12.5"],
                "quote": ["+1"],
                "source": ["-x"],
                "note": ["\tTAB"],
                "lower": ["-931/2"],
            }
        )
    )
    path = lio.write_csv(panel, tmp_path / "p.csv")
    import csv

    with path.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    row = rows[0]
    assert row["jurisdiction"] == "'=cmd|' /C calc'!A0"
    assert row["indicator"] == "'@SUM(1)"
    assert row["quote"] == "'+1"
    assert row["source"] == "'-x"
    assert row["note"] == "'\tTAB"
    assert row["value"] == "-12.5"
    assert row["lower"] == "-931/2"
    assert row["schema_version"] == "1"
    back = lio.read_csv(path).frame.iloc[0]
    assert back["jurisdiction"] == "=cmd|' /C calc'!A0"
    assert back["value"] == Decimal("-12.5")


def test_csv_schema_checks(tmp_path: Path) -> None:
    good = Panel.from_frame(
        pd.DataFrame({"jurisdiction": ["甲"], "indicator": ["x"], "year": [2023], "value": ["1"]})
    )
    path = lio.write_csv(good, tmp_path / "p.csv")
    text = path.read_text(encoding="utf-8-sig")
    (tmp_path / "v2.csv").write_text(text.replace("\n1,", "\n2,", 1), encoding="utf-8")
    with pytest.raises(SchemaError, match="schema_version '2'"):
        lio.read_csv(tmp_path / "v2.csv")
    (tmp_path / "plain.csv").write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(SchemaError, match="no schema_version"):
        lio.read_csv(tmp_path / "plain.csv")
    (tmp_path / "empty.csv").write_text("", encoding="utf-8")
    with pytest.raises(SchemaError, match="empty"):
        lio.read_csv(tmp_path / "empty.csv")


def test_parquet_schema_and_missing_pyarrow(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.table({"a": [1]}), tmp_path / "other.parquet")
    with pytest.raises(SchemaError, match="schema_version"):
        lio.read_parquet(tmp_path / "other.parquet")
    t = pa.table({"a": [1]}).replace_schema_metadata({b"lawgov_metrics.schema_version": b"9"})
    pq.write_table(t, tmp_path / "v9.parquet")
    with pytest.raises(SchemaError, match="'9'"):
        lio.read_parquet(tmp_path / "v9.parquet")
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with pytest.raises(ImportError, match=r"lawgov-metrics\[parquet\]"):
        lio.read_parquet(tmp_path / "v9.parquet")


def test_panel_from_reports_round_trips_everywhere(tmp_path: Path) -> None:
    panel = Panel.from_reports([EXAMPLES / f"huadu-{y}.txt" for y in (2021, 2022, 2023)])
    assert panel.frame["derived"].any()
    same(lio.panel_from_json(lio.panel_to_json(panel)), panel)
    same(lio.read_csv(lio.write_csv(panel, tmp_path / "p.csv")), panel)
    same(lio.read_parquet(lio.write_parquet(panel, tmp_path / "p.parquet")), panel)
