"""What every feature's JSON-LD shares: JSON that is safe inside ``<script>``, and a page's absolute URL."""

from __future__ import annotations

import json
import posixpath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sphinx.builders import Builder

#: Characters that could end a <script> element or start a comment, and the two JavaScript line breaks.
_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_safe_json(data: Any) -> str:
    """``json.dumps(data)`` that is safe as the text of a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in _ESCAPES.items():
        text = text.replace(char, escape)
    return text


def page_url(builder: Builder, docname: str) -> str:
    """The page's canonical URL (as Sphinx computes ``pageurl``), or "" when html_baseurl is unset."""
    base = builder.config.html_baseurl
    return posixpath.join(base, builder.get_target_uri(docname)) if base else ""
