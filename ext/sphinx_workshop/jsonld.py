"""A page's absolute URL, as the features' JSON-LD, meta tags and calendars give it."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sphinx.builders import Builder


def page_url(builder: Builder, docname: str) -> str:
    """The page's canonical URL (as Sphinx computes ``pageurl``), or "" when html_baseurl is unset."""
    base = builder.config.html_baseurl
    return posixpath.join(base, builder.get_target_uri(docname)) if base else ""
