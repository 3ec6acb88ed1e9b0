"""Sphinx configuration for aipark's documentation (MyST Markdown, furo)."""

from __future__ import annotations

import sys
from pathlib import Path

import aipark

sys.path.insert(0, str(Path(__file__).parent / "_ext"))

project = "aipark"
author = "The aipark developers"
copyright = "the aipark developers"
# The version is written in one place, src/aipark/_version.py.
version = release = aipark.__version__

extensions = [
    "myst_parser",
    "sphinx.ext.autodoc",
    "sphinx.ext.viewcode",
    "aipark_docs",
]
source_suffix = {".md": "markdown", ".rst": "restructuredtext"}
exclude_patterns = ["_build", "_generated", "Thumbs.db", ".DS_Store"]

# Names and titles are data: show their quotes as written, not "smartened".
smartquotes = False

myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

autodoc_member_order = "bysource"
autodoc_typehints = "signature"

html_theme = "furo"
html_title = f"aipark {release}"
html_static_path = ["_static"]
html_css_files = ["aipark.css"]
