"""Find a font that renders Chinese, register it in memory, use it as a per-glyph fallback.

Search order (first hit wins; the result is cached for the process):

1. the file named by the environment variable ``LAWGOV_METRICS_CJK_FONT``;
2. fonts matplotlib already knows, by family name (Noto Sans CJK SC, Source Han Sans SC,
   WenQuanYi, Microsoft YaHei, SimHei, PingFang SC, Hiragino Sans GB ...);
3. the font of the optional extra ``cjk`` (``pip install "lawgov-metrics[cjk]"``, which
   brings the OFL-licensed Noto Sans CJK collection of the PyPI package
   ``noto-cjk-sans-otc``), located with :mod:`importlib.resources`;
4. ``fc-list :lang=zh`` (fontconfig), when it is installed;
5. well-known font paths on Linux, macOS and Windows.

The font is registered with ``matplotlib.font_manager.fontManager.addfont`` (in memory
only: no matplotlib config or cache file is touched) and put *after* the user's font
family in the library's figures, so that Latin text keeps its font and only glyphs the
first font lacks come from the CJK font (per-glyph fallback, matplotlib >= 3.6). Global
``rcParams`` are never changed: plotting functions use :func:`font_rc` in
``matplotlib.rc_context``. When no font is found a :class:`CJKFontWarning` is issued once,
with install hints.

Examples:
    >>> from lawgov_metrics import _fonts
    >>> rc = _fonts.font_rc()
    >>> isinstance(rc["font.family"], list)
    True
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.resources
import os
import shutil
import subprocess
import warnings
from typing import Any

import attrs

__all__ = [
    "CJKFontWarning",
    "FontChoice",
    "cjk_family",
    "find_cjk_font",
    "font_rc",
]

ENV_VAR = "LAWGOV_METRICS_CJK_FONT"

#: Family names tried among the fonts matplotlib already knows, best first.
PREFERRED_FAMILIES: tuple[str, ...] = (
    "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Source Han Sans CN",
    "WenQuanYi Zen Hei", "WenQuanYi Micro Hei", "Microsoft YaHei", "SimHei", "DengXian",
    "PingFang SC", "Hiragino Sans GB", "Heiti SC", "STHeiti", "Songti SC", "SimSun",
    "Noto Sans CJK JP", "Noto Sans CJK TC", "Droid Sans Fallback", "AR PL UMing CN",
    "Arial Unicode MS",
)  # fmt: skip

#: Files tried when nothing else is found.
KNOWN_PATHS: tuple[str, ...] = (
    "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
    "/usr/share/fonts/wenquanyi/wqy-zenhei/wqy-zenhei.ttc",
    "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf",
    "/System/Library/Fonts/PingFang.ttc",
    "/System/Library/Fonts/STHeiti Medium.ttc",
    "/System/Library/Fonts/Hiragino Sans GB.ttc",
    "/Library/Fonts/Arial Unicode.ttf",
    "C:/Windows/Fonts/msyh.ttc",
    "C:/Windows/Fonts/simhei.ttf",
    "C:/Windows/Fonts/simsun.ttc",
)

#: Modules of PyPI font packages that may carry a CJK font (the ``cjk`` extra first).
FONT_PACKAGES: tuple[str, ...] = ("noto_cjk_sans_otc", "manimgx_fonts_cjk")

INSTALL_HINT = (
    "No font with Chinese glyphs was found, so Chinese text in plots will show as boxes. "
    "Install one of: pip install 'lawgov-metrics[cjk]' (Noto Sans CJK, OFL); "
    "apt install fonts-noto-cjk (Debian/Ubuntu); dnf install google-noto-sans-cjk-fonts "
    "(Fedora); brew install --cask font-noto-sans-cjk-sc (macOS); or set "
    f"{ENV_VAR}=/path/to/font.ttc."
)

_SAMPLE = "行政复议申请率年"


class CJKFontWarning(UserWarning):
    """No font that can render Chinese was found; plots will show missing glyphs."""


@attrs.frozen(kw_only=True)
class FontChoice:
    """The CJK font in use.

    Attributes:
        family: The family name matplotlib knows it by.
        path: The font file.
        source: Where it was found: ``"env"``, ``"matplotlib"``, ``"package"``,
            ``"fontconfig"`` or ``"path"``.
    """

    family: str
    path: str
    source: str


def _covers_chinese(path: str) -> bool:
    try:
        from matplotlib.ft2font import FT2Font

        font = FT2Font(path)
        return all(font.get_char_index(ord(ch)) for ch in _SAMPLE)
    except Exception:
        return False


def _register(path: str, source: str) -> FontChoice | None:
    """Register a font file with matplotlib in memory; its family name, preferring SC."""
    from matplotlib import font_manager

    if not os.path.isfile(path) or not _covers_chinese(path):
        return None
    try:
        font_manager.fontManager.addfont(path)
    except Exception:
        return None
    names = [
        f.name
        for f in font_manager.fontManager.ttflist
        if os.path.normcase(os.path.abspath(f.fname)) == os.path.normcase(os.path.abspath(path))
    ]
    if not names:
        return None
    names = list(dict.fromkeys(names))
    preferred = [n for n in PREFERRED_FAMILIES if n in names]
    family = preferred[0] if preferred else names[0]
    return FontChoice(family=family, path=path, source=source)


def _from_matplotlib() -> FontChoice | None:
    from matplotlib import font_manager

    by_name: dict[str, str] = {}
    for f in font_manager.fontManager.ttflist:
        by_name.setdefault(f.name, f.fname)
    for fam in PREFERRED_FAMILIES:
        path = by_name.get(fam)
        if path and _covers_chinese(path):
            return FontChoice(family=fam, path=path, source="matplotlib")
    return None


def _package_font_files() -> list[str]:
    files: list[str] = []
    for module in FONT_PACKAGES:
        try:
            root = importlib.resources.files(module)
        except (ModuleNotFoundError, TypeError):
            continue
        try:
            for entry in root.iterdir():
                if entry.name.lower().endswith((".ttc", ".otf", ".ttf")):
                    files.append(str(entry))
        except (OSError, NotADirectoryError):
            continue
    if not files:  # installed but not importable as a package: look at its metadata
        for dist in ("noto-cjk-sans-otc",):
            try:
                found = importlib.metadata.files(dist) or []
            except importlib.metadata.PackageNotFoundError:
                continue
            files += [
                str(p.locate()) for p in found if str(p).lower().endswith((".ttc", ".otf", ".ttf"))
            ]
    return files


def _fontconfig_files() -> list[str]:
    exe = shutil.which("fc-list")
    if exe is None:
        return []
    try:
        out = subprocess.run(
            [exe, ":lang=zh", "file"], capture_output=True, text=True, timeout=10, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [line.split(":")[0].strip() for line in out.splitlines() if line.strip()]


def _search() -> FontChoice | None:
    env = os.environ.get(ENV_VAR)
    if env:
        choice = _register(env, "env")
        if choice is not None:
            return choice
    choice = _from_matplotlib()
    if choice is not None:
        return choice
    for source, paths in (
        ("package", _package_font_files),
        ("fontconfig", _fontconfig_files),
        ("path", lambda: list(KNOWN_PATHS)),
    ):
        for path in paths():
            choice = _register(path, source)
            if choice is not None:
                return choice
    return None


@functools.cache
def find_cjk_font() -> FontChoice | None:
    """The CJK font to use (searched once per process), or ``None`` after warning once.

    Returns:
        The font, registered with matplotlib, or ``None`` when none exists (a
        :class:`CJKFontWarning` with install hints is issued, once).
    """
    choice = _search()
    if choice is None:
        warnings.warn(INSTALL_HINT, CJKFontWarning, stacklevel=3)
    return choice


def cjk_family(base: list[str] | None = None) -> list[str]:
    """A font-family list with the CJK font appended as per-glyph fallback.

    Args:
        base: The families to keep first; default the current ``rcParams["font.family"]``.

    Returns:
        ``[*base, cjk_family]`` (just ``base`` when no CJK font exists).
    """
    import matplotlib as mpl

    fams = list(base) if base is not None else list(mpl.rcParams["font.family"])
    choice = find_cjk_font()
    if choice is not None and choice.family not in fams:
        fams.append(choice.family)
    return fams


def font_rc() -> dict[Any, Any]:
    """The rc settings for ``matplotlib.rc_context`` in the library's figures.

    Only ``font.family`` is set: the current family list with the CJK font appended.
    """
    return {"font.family": cjk_family()}


def _reset_for_tests() -> None:
    """Forget the cached search (tests use it to simulate a machine without fonts)."""
    find_cjk_font.cache_clear()
