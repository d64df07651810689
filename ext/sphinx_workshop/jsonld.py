"""What every feature's JSON-LD shares: JSON that is safe inside ``<script>``, and a page's absolute URL."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from sphinx_workshop.untrusted import script_safe_json

if TYPE_CHECKING:
    from sphinx.builders import Builder

__all__ = ["page_url", "script_safe_json"]


def page_url(builder: Builder, docname: str) -> str:
    """The page's canonical URL (as Sphinx computes ``pageurl``), or "" when html_baseurl is unset."""
    base = builder.config.html_baseurl
    return posixpath.join(base, builder.get_target_uri(docname)) if base else ""
