"""Sphinx configuration of sphinx-workshop's documentation (MyST, built with the extension itself).

Build it with ``make docs`` (strict: ``-W --keep-going -n``) or
``python -m sphinx -W --keep-going -n -b html docs _build/docs``; Read the Docs builds it as a project of
its own from ``docs/.readthedocs.yaml``. The reference pages are generated from the code by the local
extension ``_ext/workshop_reference.py``; the examples are files under ``examples/`` that the tests build.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

HERE = Path(__file__).resolve().parent
# The local extension, and the package itself for a checkout that did not `pip install` it.
sys.path[:0] = [str(HERE / "_ext"), str(HERE.parent / "ext")]

from sphinx_workshop import __version__  # noqa: E402

project = "sphinx-workshop"
author = "ML for Systems workshop organizers"
copyright = "2020-2026, the ML for Systems workshop organizers"
release = version = __version__
language = "en"

extensions = ["myst_parser", "sphinx_workshop", "workshop_reference"]
source_suffix = {".md": "markdown"}
root_doc = "index"
# The examples are projects of their own, built by tests/docs/; the pages include them as text.
exclude_patterns = ["_build", "examples", ".readthedocs.yaml"]
nitpicky = True
myst_enable_extensions = ["colon_fence", "deflist"]
myst_heading_anchors = 3

REPOSITORY = "https://github.com/mlforsystems/mlforsystems.github.io"
html_theme = "sphinx_book_theme"
html_title = f"sphinx-workshop {release}"
html_copy_source = False
html_show_sourcelink = False
html_last_updated_fmt = None
html_theme_options = {
    "repository_url": REPOSITORY,
    "path_to_docs": "docs",
    "use_repository_button": True,
    "use_download_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
}
html_context = {"default_mode": "auto"}
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL", "")


def setup(app: Sphinx) -> None:
    """The ``csv`` examples (fenced as GitHub highlights them) are shown as plain text: Pygments has no CSV
    lexer, and an unknown lexer is a warning."""
    from pygments.lexers.special import TextLexer

    app.add_lexer("csv", TextLexer)
