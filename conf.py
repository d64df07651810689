"""Sphinx configuration of the ML for Systems @ NeurIPS 2020 workshop site.

Sources live in ``source/``; this file sits at the top of the project, so every build passes
``-c .`` (the Makefile and .readthedocs.yaml do). Paths below are relative to this folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

# Let a checkout build without `pip install -e .` (Read the Docs installs it; this is for humans).
sys.path.insert(0, str(Path(__file__).parent / "ext"))

# -- Project -------------------------------------------------------------------------------------
project = "ML For Systems"
author = "ML for Systems workshop organizers"
copyright = "2020, the ML for Systems workshop organizers"
version = "2020"
release = "NeurIPS 2020"
language = "en"

extensions = [
    "myst_parser",
    "sphinx_workshop",
    "sphinxext.opengraph",
    "sphinx_sitemap",
    "notfound.extension",
]

source_suffix = {".md": "markdown"}
root_doc = "index"
exclude_patterns: list[str] = []
nitpicky = True

myst_enable_extensions = ["colon_fence", "deflist", "attrs_inline"]
myst_heading_anchors = 2

# -- Accepted papers -----------------------------------------------------------------------------
# The 2020 edition reviewed on Microsoft CMT: its "Camera Ready Submissions" export, saved as CSV from
# Excel, becomes a page per paper under papers/ (written by each build; see source/papers/.gitignore).
# CMT exports no PDF links: the papers' PDFs are named after their ids on the workshop's own server.
papers_accepted = {
    "papers": {
        "export": "exports/cmt_camera_ready.csv",
        "format": "cmt",
        "group-by": "none",
        "venue": "ML for Systems Workshop at NeurIPS 2020",
        "year": "2020",
        "pdf-url": "https://mlforsystems.org/assets/papers/neurips2020/{id}.pdf",
    }
}

# -- HTML ----------------------------------------------------------------------------------------
html_theme = "sphinx_book_theme"
html_title = "ML For Systems @ NeurIPS 2020"
html_short_title = "ML For Systems"
html_static_path = ["_static"]
html_css_files = ["site.css"]
html_templates_path = templates_path = ["_templates"]
html_favicon = "_static/favicon.svg"
html_logo = "_static/logo.svg"
html_last_updated_fmt = None
html_copy_source = False
html_show_sourcelink = False
html_theme_options = {
    "repository_url": "https://github.com/mlforsystems/mlforsystems.github.io",
    "use_repository_button": False,
    # Its "download source" entry would link to _sources/, which html_copy_source = False leaves out.
    "use_download_button": False,
    "home_page_in_toc": True,
    "show_toc_level": 2,
    "navigation_with_keys": False,
    "logo": {"text": "ML For Systems", "alt_text": "ML For Systems - home"},
}
html_context = {"default_mode": "auto"}

# Read the Docs tells the build its canonical URL (e.g. https://<project>.readthedocs.io/en/latest/);
# a local build uses the workshop's own domain.
html_baseurl = os.environ.get("READTHEDOCS_CANONICAL_URL") or "https://mlforsystems.org/"

# -- Metadata a shared link needs ------------------------------------------------------------------
SITE_DESCRIPTION = "Workshop on ML for Systems at NeurIPS 2020, December 12th, Zoomville"
ogp_site_url = html_baseurl
ogp_site_name = "ML For Systems"
ogp_description_length = 200
ogp_type = "website"
# Link previews need a raster image (PNG), 1200x630; an SVG is ignored by most platforms.
ogp_image = "_static/og-image.png"
ogp_image_alt = "ML For Systems, workshop at NeurIPS 2020, December 12th"
# Generated social cards need matplotlib; the static image above serves every page.
ogp_social_cards = {"enable": False}
ogp_enable_meta_description = True
ogp_custom_meta_tags = ('<meta name="twitter:card" content="summary_large_image">',)

sitemap_url_scheme = "{link}"
sitemap_show_lastmod = False
sitemap_excludes = ["404.html", "404/", "search.html", "search/", "genindex.html", "genindex/"]

# A 404 page that works at any depth on Read the Docs: its links are made absolute, rooted at the
# path of the canonical URL ("/en/latest/" on readthedocs.io, "/" on a custom domain or a local build
# served from the output folder).
notfound_urls_prefix = urlsplit(html_baseurl).path or "/"

# -- Other builders ------------------------------------------------------------------------------
epub_title = project
epub_author = author
epub_publisher = author
epub_copyright = copyright
epub_show_urls = "no"
epub_description = SITE_DESCRIPTION
# A book: the home page and each page of its toctree are chapters (see _pages_as_chapters).
latex_documents = [(root_doc, "mlforsystems2020.tex", "ML For Systems @ NeurIPS 2020", author, "manual")]
latex_engine = "pdflatex"
# The PDF's date is the event's, never the build day; Sphinx uses SOURCE_DATE_EPOCH when that is set.
if not os.environ.get("SOURCE_DATE_EPOCH"):
    today = "December 12, 2020"
    # pdfTeX dates the file itself by SOURCE_DATE_EPOCH, else by the clock: give it the event's day.
    latex_elements = {"preamble": r"\pdfinfo{/CreationDate (D:20201212000000Z) /ModDate (D:20201212000000Z)}"}


def _pages_as_chapters(app: Sphinx, doctree: nodes.document) -> None:
    """Move the home page's toctree out of its last section ("Contact Us") to the top of the document.

    LaTeX inlines a toctree's pages where it stands, one level below its section, so the pages were
    sections 3.1 to 3.4 under "Contact Us"; at the top they are chapters, siblings of the home page's.
    The toctree is hidden, so HTML shows no difference. Before the toc collector (priority 500) reads it.
    """
    if app.env.docname != app.config.root_doc:
        return
    for wrapper in list(doctree.findall(nodes.compound)):
        if "toctree-wrapper" in wrapper["classes"] and wrapper.parent is not doctree:
            wrapper.parent.remove(wrapper)
            doctree.append(wrapper)


def setup(app: Sphinx) -> None:
    """Site-specific hooks of this conf.py (the extension's own set-up lives in sphinx_workshop)."""
    app.connect("doctree-read", _pages_as_chapters, priority=400)
