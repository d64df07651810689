"""Ship the extension's CSS and JS with HTML builders only, under ``_static/sphinx-workshop/``.

The package's ``static/`` folder holds one folder of ours, ``sphinx-workshop/``, so its files land in
``_static/sphinx-workshop/`` and never overwrite a project's own ``_static/schedule.css`` or the like.

The stylesheet's selectors for photos, profile lists and schedule cells are specific enough to outweigh
the themes' rules for content (sphinx-rtd-theme's ``img {height: auto}``, bulleted ``li`` and ``td
{white-space: nowrap}``; pydata-sphinx-theme's white box and dimming filter on images in dark mode);
``tests/browser/test_browser_themes.py`` checks the outcome in five themes.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: What is added to ``html_static_path``; its one sub-folder is what the output's ``_static`` gets.
STATIC_ROOT = Path(__file__).parent / "static"
#: The extension's own folder in ``_static``, and where its files live in the package.
ASSET_FOLDER = "sphinx-workshop"
STATIC_DIR = STATIC_ROOT / ASSET_FOLDER
#: The one stylesheet of every feature (cards, citations, references, schedules).
STYLESHEET = "sphinx-workshop.css"
#: Scripts and stylesheets added only to the pages that need them (each by its feature, on
#: ``html-page-context``): not part of the site-wide CSS + JS every page loads.
PAGE_ASSETS = ("cite-this.js", "accepted.css", "accepted-search.js", "sponsors.css", "dates.js", "dates.css")


def add_assets(app: Sphinx, *, css: tuple[str, ...] = (), js: tuple[str, ...] = ()) -> None:
    """Add files of ``static/sphinx-workshop/`` to every HTML page, once the builder is known to write HTML.

    The extension's ``setup()`` adds the stylesheet; a feature adds its own scripts.
    """

    def _on_builder_inited(app: Sphinx) -> None:
        if app.builder.format != "html":
            return
        static = str(STATIC_ROOT)
        if static not in app.config.html_static_path:
            app.config.html_static_path.append(static)
        for name in css:
            app.add_css_file(f"{ASSET_FOLDER}/{name}")
        for name in js:
            app.add_js_file(f"{ASSET_FOLDER}/{name}", loading_method="defer")

    app.connect("builder-inited", _on_builder_inited)
