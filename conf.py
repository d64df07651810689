"""Sphinx configuration of the ML for Systems @ NeurIPS 2020 workshop site.

Sources live in ``source/``; this file sits at the top of the project, so every build passes
``-c .`` (the Makefile and .readthedocs.yaml do). Paths below are relative to this folder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlsplit

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
latex_documents = [(root_doc, "mlforsystems2020.tex", "ML For Systems @ NeurIPS 2020", author, "howto")]
latex_engine = "pdflatex"
