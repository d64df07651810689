"""Ship the extension's CSS and JS (``static/``) with HTML builders only."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.application import Sphinx

STATIC_DIR = Path(__file__).parent / "static"


def add_assets(app: Sphinx, *, css: tuple[str, ...] = (), js: tuple[str, ...] = ()) -> None:
    """Add files of ``static/`` to every HTML page, once the builder is known to write HTML.

    Each feature calls this from its ``setup_<feature>()`` with its own file names.
    """

    def _on_builder_inited(app: Sphinx) -> None:
        if app.builder.format != "html":
            return
        static = str(STATIC_DIR)
        if static not in app.config.html_static_path:
            app.config.html_static_path.append(static)
        for name in css:
            app.add_css_file(name)
        for name in js:
            app.add_js_file(name, loading_method="defer")

    app.connect("builder-inited", _on_builder_inited)
