"""The boundary of untrusted text: characters no output format can hold are removed where input enters.

Every directive's argument, options and body (:mod:`sphinx_workshop.directive_base`) and every BibTeX
file (:mod:`sphinx_workshop.papers.bibtex`) pass through :func:`clean_text` before anything else sees
them, so no control character reaches an HTML attribute, the EPUB's XHTML, LaTeX or a calendar.
Data written into a page's ``<script>`` goes through :func:`script_safe_json`.
"""

from __future__ import annotations

import json
import re
from typing import Any

#: C0 controls but tab, line feed and carriage return; DEL and the C1 controls; lone surrogates and the
#: two non-characters XML 1.0 forbids. None of them can appear in XML, and none is visible text.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def clean_text(text: str) -> str:
    """*text* without the characters that are invalid in XML 1.0 or are control characters."""
    return _UNSAFE.sub("", text)


def has_unsafe(text: str) -> bool:
    """Whether *text* holds a character :func:`clean_text` removes."""
    return _UNSAFE.search(text) is not None


#: Characters that could end a <script> element or start a comment, and the two JavaScript line breaks.
_SCRIPT_ESCAPES = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"}


def script_safe_json(data: Any) -> str:
    """``json.dumps(data)`` that is safe as the text of a ``<script>`` element."""
    text = json.dumps(data, ensure_ascii=False)
    for char, escape in _SCRIPT_ESCAPES.items():
        text = text.replace(char, escape)
    return text
