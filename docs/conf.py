"""Sphinx configuration of the revisit_rules documentation (Furo theme, MyST Markdown).

Build with ``python3 scripts/dev.py docs`` (``sphinx-build -W --keep-going``). The rule
tables, golden cases, API and CLI references are generated at build time by the local
extension ``_ext/revisit_sphinx.py``.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "_ext"))

from revisit_rules import __version__  # noqa: E402 - after the path is set

project = "revisit_rules"
author = "revisit_rules developers"
copyright = "revisit_rules developers, MIT licence"  # Sphinx's name (A001 off in docs/)
release = __version__
version = __version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.napoleon",
    "revisit_sphinx",
]

source_suffix = {".md": "markdown"}
exclude_patterns = ["_build", "conftest.py", "_ext"]
language = "en"
root_doc = "index"

# MyST: ``{directive}`` fences, definition lists, heading anchors for links within pages.
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

# autodoc + napoleon: google-style docstrings; attrs attributes as :ivar: fields, so that
# a field named in "Attributes:" is not described twice.
autodoc_member_order = "bysource"
autodoc_typehints = "signature"
autodoc_preserve_defaults = True
napoleon_google_docstring = True
napoleon_numpy_docstring = False
napoleon_use_ivar = True
napoleon_use_rtype = False

html_theme = "furo"
html_title = f"revisit_rules {__version__}"
html_static_path = ["_static"]
html_css_files = ["tables.css"]
html_show_sourcelink = False
