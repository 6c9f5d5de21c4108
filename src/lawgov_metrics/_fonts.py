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

Within each step the Regular face is preferred: a system usually has several weights of
one family (Debian's fonts-noto-cjk has NotoSansCJK-Regular.ttc and -Bold.ttc, which
``fc-list`` lists in no particular order), and a family registered only in Bold makes every
label bold and matplotlib log "findfont: Failed to find font weight normal" for each text.
Candidates are ordered by how far their weight is from 400 (normal), then upright before
italic, and keep their order otherwise.

The font is registered with ``matplotlib.font_manager.fontManager.addfont`` (in memory
only: no matplotlib config or cache file is touched) and put *after* the user's font
family in the library's figures, so that Latin text keeps its font and only glyphs the
first font lacks come from the CJK font (per-glyph fallback, matplotlib >= 3.6). The
``rcParams`` are never changed: the plotting functions pass :func:`cjk_family` to each text
artist. When no font is found a :class:`CJKFontWarning` is issued once, with install hints.

Examples:
    >>> from lawgov_metrics import _fonts
    >>> fams = _fonts.cjk_family(["sans-serif"])
    >>> fams[0]
    'sans-serif'
    >>> faces = [_fonts.Face("b.ttc", "Noto Sans CJK SC", 700, False),
    ...          _fonts.Face("r.ttc", "Noto Sans CJK SC", 400, False)]
    >>> [f.path for f in _fonts.regular_first(faces)]
    ['r.ttc', 'b.ttc']
"""

from __future__ import annotations

import functools
import importlib.metadata
import importlib.resources
import os
import shutil
import subprocess
import warnings

import attrs

__all__ = [
    "CJKFontWarning",
    "Face",
    "FontChoice",
    "cjk_family",
    "find_cjk_font",
    "regular_first",
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


@attrs.frozen
class Face:
    """The first face of a font file, as matplotlib would register it.

    Attributes:
        path: The font file.
        family: Its family name.
        weight: Its numeric weight (400 normal, 700 bold).
        italic: Whether it is italic or oblique.
    """

    path: str
    family: str
    weight: int
    italic: bool


def _face(path: str) -> Face | None:
    """The face of a font file, or ``None`` when it cannot be read."""
    try:
        from matplotlib import font_manager
        from matplotlib.ft2font import FT2Font

        entry = font_manager.ttfFontProperty(FT2Font(path))
    except Exception:
        return None
    weight = entry.weight if isinstance(entry.weight, int) else 400
    return Face(path, entry.name, weight, entry.style != "normal")


def regular_first(faces: list[Face]) -> list[Face]:
    """The faces ordered Regular first: by distance of the weight from 400, upright first.

    The sort is stable, so faces equally good keep the order they were found in.
    """
    return sorted(faces, key=lambda f: (abs(f.weight - 400), f.italic))


def _regular_first_paths(paths: list[str]) -> list[str]:
    """Font files with their Regular faces first; unreadable files at the end."""
    faces = [(p, _face(p)) for p in paths]
    known = regular_first([f for _, f in faces if f is not None])
    return [f.path for f in known] + [p for p, f in faces if f is None]


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

    by_name: dict[str, list[Face]] = {}
    for f in font_manager.fontManager.ttflist:
        weight = f.weight if isinstance(f.weight, int) else 400
        by_name.setdefault(f.name, []).append(Face(f.fname, f.name, weight, f.style != "normal"))
    for fam in PREFERRED_FAMILIES:
        for face in regular_first(by_name.get(fam, [])):
            if _covers_chinese(face.path):
                return FontChoice(family=fam, path=face.path, source="matplotlib")
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
        for path in _regular_first_paths(paths()):
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


def _reset_for_tests() -> None:
    """Forget the cached search (tests use it to simulate a machine without fonts)."""
    find_cjk_font.cache_clear()
