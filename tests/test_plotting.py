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


# --------------------------------------------------------------------------- notebooks


def test_plotting_leaves_interactive_mode_as_the_backend_set_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """In Jupyter the inline backend turns interactive mode on when the first figure is made.

    A plotting function must not undo that on its way out (a temporary ``rc_context``
    restores ``interactive``), or every later plot cell shows only ``<Axes: …>``.
    """
    real = plt.subplots

    def inline_subplots(*args: object, **kwargs: object) -> object:
        matplotlib.interactive(True)  # what activating the inline backend does
        return real(*args, **kwargs)  # type: ignore[arg-type]

    was = matplotlib.is_interactive()
    monkeypatch.setattr(plt, "subplots", inline_subplots)
    try:
        matplotlib.interactive(False)
        lm.plot_trend(seed_panel(), "行政复议申请")
        assert matplotlib.is_interactive()
        matplotlib.interactive(False)
        lm.plot_growth(seed_panel(), "行政复议申请", jurisdiction="乙区")
        assert matplotlib.is_interactive()
        matplotlib.interactive(False)
        lm.plot_compare(seed_panel(), "行政复议申请", 2023)
        assert matplotlib.is_interactive()
        matplotlib.interactive(False)
        lm.plot_small_multiples(seed_panel(), ["行政复议申请"])
        assert matplotlib.is_interactive()
    finally:
        matplotlib.interactive(was)


def test_no_rcparams_change_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    """Not even a temporary one: rcParams are read, never written, while plotting."""
    import matplotlib as mpl

    writes: list[str] = []
    real_setitem = type(mpl.rcParams).__setitem__

    def spy(self: object, key: str, value: object) -> None:
        writes.append(key)
        real_setitem(self, key, value)  # type: ignore[arg-type]

    panel = seed_panel()
    _fig, axes = plt.subplots(2, 2)
    monkeypatch.setattr(type(mpl.rcParams), "__setitem__", spy)
    lm.plot_trend(panel, "行政复议申请", ax=axes[0, 0])
    lm.plot_growth(panel, "行政复议申请", jurisdiction="乙区", ax=axes[0, 1])
    lm.plot_compare(panel, "行政复议申请", 2023, ax=axes[1, 0])
    monkeypatch.undo()
    assert writes == []


# --------------------------------------------------------------------------- legibility


def rate_panel() -> Panel:
    """出庭应诉率 reaching 100 % and staying there: the label of the flat top segment."""
    return Panel.from_frame(
        pd.DataFrame(
            {
                "jurisdiction": ["花都区"] * 3,
                "indicator": ["出庭应诉率"] * 3,
                "year": [2021, 2022, 2023],
                "value": ["95.2", "100", "100"],
            }
        )
    )


def _extents(ax: object) -> tuple[object, object, list[object]]:
    fig = ax.figure  # type: ignore[attr-defined]
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    labels = [t for t in ax.texts if t.get_gid() == "growth-label"]  # type: ignore[attr-defined]
    assert labels
    return (
        ax.get_window_extent(renderer),  # type: ignore[attr-defined]
        ax.title.get_window_extent(renderer),  # type: ignore[attr-defined]
        [t.get_window_extent(renderer) for t in labels],
    )


@pytest.mark.parametrize("size", [(6.4, 3.6), (4.2, 3.2), (7, 4)])
def test_growth_labels_stay_inside_the_axes_below_the_title(size: tuple[float, float]) -> None:
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    fig = Figure(figsize=size, layout="constrained", dpi=110)
    FigureCanvasAgg(fig)
    ax = lm.plot_trend(rate_panel(), "出庭应诉率", ax=fig.subplots())
    box, title, labels = _extents(ax)
    for label in labels:
        assert box.y0 <= label.y0, (label, box)  # type: ignore[attr-defined]
        assert label.y1 <= box.y1, (label, box)  # type: ignore[attr-defined]
        assert not label.overlaps(title), (label, title)  # type: ignore[attr-defined]


def test_small_multiples_labels_clear_the_titles() -> None:
    axes = lm.plot_small_multiples(rate_panel(), ["出庭应诉率"] * 4, ncols=2)
    for ax in axes.flat:
        box, title, labels = _extents(ax)
        for label in labels:
            assert label.y1 <= box.y1  # type: ignore[attr-defined]
            assert not label.overlaps(title)  # type: ignore[attr-defined]


def test_one_jurisdiction_gets_no_legend() -> None:
    ax = lm.plot_trend(rate_panel(), "出庭应诉率")
    assert ax.get_legend() is None
    ax = lm.plot_trend(seed_panel(), "行政复议申请")
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["花都区", "乙区"]


# --------------------------------------------------------------------------- fonts


def test_regular_first_orders_faces_by_weight() -> None:
    faces = [
        _fonts.Face("light.ttc", "Noto Sans CJK SC", 300, False),
        _fonts.Face("bold.ttc", "Noto Sans CJK SC", 700, False),
        _fonts.Face("italic.ttc", "Noto Sans CJK SC", 400, True),
        _fonts.Face("regular.ttc", "Noto Sans CJK SC", 400, False),
        _fonts.Face("black.ttc", "Noto Sans CJK SC", 900, False),
    ]
    got = [f.path for f in _fonts.regular_first(faces)]
    assert got == ["regular.ttc", "italic.ttc", "light.ttc", "bold.ttc", "black.ttc"]


def test_matplotlib_step_prefers_the_regular_face(monkeypatch: pytest.MonkeyPatch) -> None:
    """Both faces known to matplotlib under one family, Bold listed first."""
    from matplotlib import font_manager

    font = _fonts.find_cjk_font()
    assert font is not None
    entries = [
        font_manager.FontEntry(fname="/fonts/NotoSansCJK-Bold.ttc", name="Noto Sans CJK SC",
                               weight=700),
        font_manager.FontEntry(fname=font.path, name="Noto Sans CJK SC", weight=400),
    ]  # fmt: skip
    monkeypatch.setattr(font_manager.fontManager, "ttflist", entries)
    monkeypatch.setattr(_fonts, "_covers_chinese", lambda path: True)
    choice = _fonts._from_matplotlib()
    assert choice is not None
    assert choice.path == font.path


@pytest.fixture(scope="module")
def bold_and_regular(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    """Two small real fonts of one family, Noto Sans CJK SC Regular and a Bold copy.

    Subset from the ``cjk`` extra's collection to the glyphs the plots need; the copy
    claims weight 700, as Debian's NotoSansCJK-Bold.ttc does.
    """
    from fontTools import subset
    from fontTools.ttLib import TTCollection, TTFont

    (path,) = _fonts._package_font_files()
    coll = TTCollection(path, lazy=True)
    (face,) = [f for f in coll.fonts if f["name"].getDebugName(1) == "Noto Sans CJK SC"]
    opts = subset.Options()
    opts.name_IDs = ["*"]
    opts.layout_features = []
    sub = subset.Subsetter(opts)
    sub.populate(text=_fonts._SAMPLE + "行政复议申请年份地区（宗）花都区乙区同比增长对比第个百分点")
    sub.subset(face)
    d = tmp_path_factory.mktemp("fonts")
    regular, bold = str(d / "NotoSansCJK-Regular.otf"), str(d / "NotoSansCJK-Bold.otf")
    face.save(regular)
    font = TTFont(regular)
    font["OS/2"].usWeightClass = 700
    font["head"].macStyle |= 1
    for rec in font["name"].names:
        if rec.nameID == 2:
            rec.string = "Bold"
    font.save(bold)
    return bold, regular


SEARCH_AND_PLOT = """
import io, logging, sys
import matplotlib
matplotlib.use("Agg")
import pandas as pd
import lawgov_metrics as lm
from lawgov_metrics import _fonts

bold, regular = sys.argv[1:3]
_fonts._from_matplotlib = lambda: None
_fonts._package_font_files = lambda: []
_fonts._fontconfig_files = lambda: [bold, regular]   # fc-list's order: Bold first
records = []
handler = logging.Handler(logging.WARNING)
handler.emit = records.append
logging.getLogger("matplotlib.font_manager").addHandler(handler)
choice = _fonts.find_cjk_font()
panel = lm.Panel.from_frame(pd.DataFrame({"jurisdiction": ["花都区"] * 3,
    "indicator": ["行政复议申请"] * 3, "year": [2021, 2022, 2023], "value": [400, 466, 786]}))
for ax in (lm.plot_trend(panel, "行政复议申请"), lm.plot_growth(panel, "行政复议申请"),
           lm.plot_compare(panel, "行政复议申请", 2023)):
    ax.figure.savefig(io.BytesIO(), format="png")
print(choice.path)
print(ax.title.get_fontfamily())
for r in records:
    print("LOG", r.getMessage())
"""


def test_fontconfig_bold_listed_first_still_gives_regular(
    bold_and_regular: tuple[str, str],
) -> None:
    bold, regular = bold_and_regular
    done = subprocess.run(
        [sys.executable, "-c", SEARCH_AND_PLOT, bold, regular],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    path, family, *logs = done.stdout.splitlines()
    assert path == regular
    assert "Noto Sans CJK SC" in family
    assert [line for line in logs if "findfont" in line] == []


def test_plots_log_no_findfont_warnings(caplog: pytest.LogCaptureFixture) -> None:
    panel = seed_panel()
    with caplog.at_level("WARNING", logger="matplotlib.font_manager"):
        for ax in (
            lm.plot_trend(panel, "行政复议申请"),
            lm.plot_growth(panel, "行政复议申请", jurisdiction="乙区"),
            lm.plot_compare(panel, "行政复议申请", 2023),
        ):
            ax.figure.savefig(io.BytesIO(), format="png")
    assert [r.getMessage() for r in caplog.records if "findfont" in r.getMessage()] == []
