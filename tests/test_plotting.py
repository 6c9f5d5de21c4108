"""Plots inspected through their artists; a PNG rendered without missing-glyph warnings."""

from __future__ import annotations

import io
import math
import subprocess
import sys
import warnings
from decimal import Decimal

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pandas as pd
import pytest
from matplotlib.colors import to_hex

import lawgov_metrics as lm
from lawgov_metrics import _fonts
from lawgov_metrics.panel import Panel


@pytest.fixture(autouse=True)
def _close_figures() -> object:
    yield
    plt.close("all")


def seed_panel() -> Panel:
    """2021 reported 400, 2022 derived only (from 2023's claim), 2023 reported 786;
    乙区 has 2021 and 2023 only (a gap)."""
    q = lm.Quantity(value=Decimal("786"), unit="宗", text="786宗")
    cur = lm.Figure(quantity=q, subject="收到行政复议申请", quote="786宗")
    r = lm.Quantity(
        value=Decimal("68.67"), unit="%", text="68.67%", resolution=Decimal("0.01"), rounded=True
    )
    claim = lm.GrowthClaim(figure=cur, rate=r, quote="同比增长68.67%")

    def f(subject: str, value: str) -> lm.Figure:
        return lm.Figure(quantity=lm.Quantity(value=Decimal(value), unit="宗"), subject=subject)

    reports = [
        lm.Report(
            text="", jurisdiction="花都区", year=2021, figures=[f("受理行政复议案件", "400")]
        ),
        lm.Report(text="", jurisdiction="花都区", year=2023, figures=[cur], claims=[claim]),
        lm.Report(text="", jurisdiction="乙区", year=2021, figures=[f("行政复议申请", "300")]),
        lm.Report(text="", jurisdiction="乙区", year=2023, figures=[f("行政复议申请", "270")]),
    ]
    return Panel.from_reports(reports)


def test_import_does_not_import_matplotlib() -> None:
    code = (
        "import sys, lawgov_metrics as lm; lm.Panel; lm.plot_trend; "
        "print('matplotlib' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_plot_trend_artists() -> None:
    panel = seed_panel()
    before = dict(plt.rcParams)
    ax = lm.plot_trend(panel, "行政复议申请")
    assert dict(plt.rcParams) == before  # no global change
    assert ax.get_title() == "行政复议申请"
    assert ax.get_xlabel() == "年份"
    assert ax.get_ylabel() == "行政复议申请（宗）"
    lines = [ln for ln in ax.lines if ln.get_gid() == "trend-line"]
    assert [ln.get_label() for ln in lines] == ["花都区", "乙区"]
    # 花都区: 2021..2023 continuous through the derived 2022 value
    assert list(lines[0].get_xdata()) == [2021, 2022, 2023]
    assert list(lines[0].get_ydata()) == [400.0, 466.0, 786.0]
    # 乙区: the missing 2022 is a NaN, so the line is broken there
    ys = list(lines[1].get_ydata())
    assert ys[0] == 300.0
    assert math.isnan(ys[1])
    assert ys[2] == 270.0
    derived = [ln for ln in ax.lines if ln.get_gid() == "derived"]
    assert len(derived) == 1
    assert list(derived[0].get_xdata()) == [2022]
    assert derived[0].get_markerfacecolor() == "none"  # hollow
    reported = [ln for ln in ax.lines if ln.get_gid() == "reported"]
    assert all(ln.get_markerfacecolor() != "none" for ln in reported)
    # error bar spans the implied interval (465.98.., 466.01..]
    segs = [c for c in ax.collections if len(c.get_segments())]
    (seg,) = [s for c in segs for s in c.get_segments()]
    assert seg[0][1] == pytest.approx(786 / 1.68675)
    assert seg[1][1] == pytest.approx(786 / 1.68665)
    labels = [t.get_text() for t in ax.texts if t.get_gid() == "growth-label"]
    assert labels == [f"{466 / 400 - 1:+.1%}", f"{786 / 466 - 1:+.1%}"]
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["花都区", "乙区"]


def test_plot_trend_on_given_axes_and_selection() -> None:
    _fig, ax = plt.subplots()
    out = lm.plot_trend(
        seed_panel(),
        "admin_reconsideration_applications",
        ax=ax,
        jurisdictions=["乙区"],
        derived=False,
    )
    assert out is ax
    assert [ln.get_label() for ln in ax.lines if ln.get_gid() == "trend-line"] == ["乙区"]
    assert not [ln for ln in ax.lines if ln.get_gid() == "derived"]
    assert not [t for t in ax.texts if t.get_gid() == "growth-label"]  # only a gap


def test_plot_trend_rate_labels_in_points() -> None:
    p = Panel.from_frame(
        pd.DataFrame(
            {
                "jurisdiction": ["甲区"] * 2,
                "indicator": ["出庭应诉率"] * 2,
                "year": [2022, 2023],
                "value": ["98.5", "100"],
            }
        )
    )
    ax = lm.plot_trend(p, "出庭应诉率")
    assert [t.get_text() for t in ax.texts] == ["+1.50个百分点"]


def test_plot_growth_colours() -> None:
    p = Panel.from_frame(
        pd.DataFrame(
            {
                "jurisdiction": ["甲区"] * 4,
                "indicator": ["法律援助案件"] * 4,
                "year": [2020, 2021, 2022, 2024],
                "value": [100, 120, 90, 95],
            }
        )
    )
    ax = lm.plot_growth(p, "法律援助案件")
    bars = {round(b.get_x() + b.get_width() / 2): b for b in ax.patches}
    assert sorted(bars) == [2021, 2022]
    assert bars[2021].get_gid() == "growth-up"
    assert bars[2022].get_gid() == "growth-down"
    assert to_hex(bars[2021].get_facecolor()) == lm.plotting.UP_COLOR
    assert to_hex(bars[2022].get_facecolor()) == lm.plotting.DOWN_COLOR
    assert bars[2021].get_height() == pytest.approx(0.2)
    assert bars[2022].get_height() == pytest.approx(-0.25)
    assert "无上年数据" in [t.get_text() for t in ax.texts]  # 2024: gap, no bar
    assert ax.get_title() == "甲区法律援助案件同比增长"
    with pytest.raises(ValueError, match="jurisdictions"):
        lm.plot_growth(seed_panel(), "行政复议申请")


def test_plot_compare_ticks_are_places() -> None:
    ax = lm.plot_compare(seed_panel(), "行政复议申请", 2023)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["花都区", "乙区"]
    assert [p.get_height() for p in ax.patches] == [786.0, 270.0]
    assert ax.get_title() == "2023年行政复议申请对比"
    assert [t.get_text() for t in ax.texts] == ["786（第1）", "270（第2）"]


def test_small_multiples_grid() -> None:
    p = Panel.from_frame(
        pd.DataFrame(
            {
                "jurisdiction": ["甲区"] * 4,
                "indicator": ["法律援助案件", "法律援助案件", "公职律师", "公职律师"],
                "year": [2022, 2023, 2022, 2023],
                "value": [1, 2, 3, 4],
            }
        )
    )
    axes = lm.plot_small_multiples(p, ["法律援助案件", "公职律师"], ncols=3)
    assert axes.shape == (1, 2)
    assert [a.get_title() for a in axes.flat] == ["法律援助案件", "公职律师"]
    axes = lm.plot_small_multiples(p, ["法律援助案件", "公职律师", "法律援助案件"], ncols=2)
    assert axes.shape == (2, 2)
    assert not axes[1, 1].axison


def test_png_renders_chinese_without_missing_glyphs() -> None:
    font = _fonts.find_cjk_font()
    assert font is not None, _fonts.INSTALL_HINT
    panel = seed_panel()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for ax in (
            lm.plot_trend(panel, "行政复议申请"),
            lm.plot_growth(panel, "行政复议申请", jurisdiction="乙区"),
            lm.plot_compare(panel, "行政复议申请", 2023),
        ):
            buf = io.BytesIO()
            ax.figure.savefig(buf, format="png")
            assert buf.getvalue().startswith(b"\x89PNG")
    glyph = [
        str(w.message)
        for w in caught
        if "Glyph" in str(w.message) or "missing from font" in str(w.message)
    ]
    assert glyph == []
    # the title is drawn with the CJK font in its family list (per-glyph fallback)
    assert font.family in lm.plot_trend(panel, "行政复议申请").title.get_fontfamily()


def test_axes_made_by_the_caller_render_chinese_too() -> None:
    """The notebook case: the user makes the Axes, the library draws, the user saves later."""
    panel = seed_panel()
    fig, axes = plt.subplots(1, 3)
    lm.plot_trend(panel, "行政复议申请", ax=axes[0])
    lm.plot_growth(panel, "行政复议申请", jurisdiction="乙区", ax=axes[1])
    lm.plot_compare(panel, "行政复议申请", 2023, ax=axes[2])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        fig.savefig(io.BytesIO(), format="png")
    glyph = [str(w.message) for w in caught if "missing from font" in str(w.message)]
    assert glyph == []


def test_missing_font_warns_once(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(_fonts, "_search", lambda: None)
    _fonts._reset_for_tests()
    try:
        with warnings.catch_warnings(record=True) as record:
            warnings.simplefilter("always")
            fam1 = _fonts.cjk_family(["sans-serif"])
            fam2 = _fonts.cjk_family(["sans-serif"])
        ours = [w for w in record if issubclass(w.category, _fonts.CJKFontWarning)]
        assert len(ours) == 1
        assert "lawgov-metrics[cjk]" in str(ours[0].message)
        assert fam1 == fam2 == ["sans-serif"]
    finally:
        _fonts._reset_for_tests()


def test_env_var_font_and_bad_path(monkeypatch: pytest.MonkeyPatch) -> None:
    font = _fonts.find_cjk_font()
    assert font is not None
    monkeypatch.setenv(_fonts.ENV_VAR, font.path)
    choice = _fonts._search()
    assert choice is not None
    assert choice.source == "env"
    assert choice.path == font.path
    monkeypatch.setenv(_fonts.ENV_VAR, "/nonexistent/font.ttc")
    fallback = _fonts._search()
    assert fallback is not None
    assert fallback.source != "env"
