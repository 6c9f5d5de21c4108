"""Sphinx configuration for the lawgov-metrics documentation.

Build: ``sphinx-build -W --keep-going -b html docs docs/_build/html`` and, to run every
example in the pages and docstrings, ``sphinx-build -W -b doctest docs docs/_build/doctest``.
No network is used (intersphinx is off).
"""

from __future__ import annotations

import doctest
import os
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parent
ROOT = DOCS.parent
sys.path.insert(0, str(ROOT / "src"))  # build from a checkout even without an install
os.environ.setdefault("MPLBACKEND", "Agg")  # plots in doctests, no display needed

import lawgov_metrics  # noqa: E402 - needs the path above

project = "lawgov-metrics"
author = "The lawgov-metrics authors"
copyright = "2026, The lawgov-metrics authors"
release = lawgov_metrics.__version__
version = ".".join(release.split(".")[:2])
language = "en"

extensions = [
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "sphinx.ext.doctest",
    "sphinx.ext.viewcode",
    # `.. plot::` runs its code when the docs are built; the images go to the build
    # directory only, never into the repository.
    "matplotlib.sphinxext.plot_directive",
]

exclude_patterns = ["_build"]
templates_path: list[str] = []
root_doc = "index"
nitpicky = False

# autodoc + napoleon (Google style). Attributes sections become :ivar: fields, so attrs fields
# are not described twice.
autodoc_default_options = {"show-inheritance": True}
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
napoleon_use_rtype = False

# doctest: every `>>>` block in the pages and in the autodoc'ed docstrings is run.
# Only `.. doctest::` directives run here; docstring examples run under
# `pytest --doctest-modules`, where they see their own module's names.
doctest_test_doctest_blocks = ""
doctest_global_setup = f"""
import os
from pathlib import Path
import lawgov_metrics as lm
os.chdir({str(ROOT)!r})  # the pages' paths are relative to the repository root
SEED = Path("examples/data/huadu-2023.txt")
"""
doctest_default_flags = (
    doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE | doctest.DONT_ACCEPT_TRUE_FOR_1
)

html_theme = "alabaster"
html_title = f"lawgov-metrics {release}"
html_static_path = ["_static"]
html_css_files = ["wrap.css"]  # long code lines wrap instead of scrolling

# The plot directive: code run from the repository root (the pages' paths are relative to
# it), shown above its chart; one PNG per chart, no links to other formats.
plot_working_directory = str(ROOT)
plot_include_source = True
plot_html_show_source_link = False
plot_html_show_formats = False
plot_formats = [("png", 96)]
plot_rcparams = {"figure.figsize": (7, 4)}
html_theme_options = {
    "description": "Exact, traceable figures and consistency checks for 法治政府建设年度报告",
    "fixed_sidebar": True,
}
