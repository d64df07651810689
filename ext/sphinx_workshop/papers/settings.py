"""The papers feature's configuration values (``papers_*``), each with the test of its value."""

from __future__ import annotations

import codecs
from typing import TYPE_CHECKING

from sphinx_workshop.config import BOOL, LIST, STR, add_checked_value
from sphinx_workshop.papers.styles import STYLES

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _is_codec(name: str) -> bool:
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True


def setup_settings(app: Sphinx) -> None:
    """Declare ``papers_style``, ``papers_bibtex_encoding``, ``papers_bibfiles``, ``papers_short_names`` and
    ``papers_cite_this``."""
    add_checked_value(
        app,
        "papers_style",
        "title-first",
        types=STR,
        description="The entry style of references lists ('title-first', 'author-first' or one registered).",
        check=lambda v: v in STYLES,
        expected="a registered entry style",
    )
    add_checked_value(
        app,
        "papers_bibtex_encoding",
        "utf-8",
        types=STR,
        description="The encoding of .bib files (a list's :encoding: overrides it).",
        check=_is_codec,
        expected="a Python codec name",
    )
    add_checked_value(
        app,
        "papers_bibfiles",
        [],
        types=LIST,
        description="The project's .bib files, relative to the source folder: any page may cite their "
        "entries, and a references list without :bibfile: or body lists them.",
        check=lambda v: all(isinstance(name, str) and name.strip() for name in v),
        expected="a list of paths (strings)",
    )
    add_checked_value(
        app,
        "papers_short_names",
        True,
        types=BOOL,
        description="Register the short names ({cite}, {cite:t}, {footcite}, references, ...) where no other "
        "extension has them; False: only the domain's names ({papers:cite}, ...).",
        check=lambda _value: True,
        expected="True or False",
    )
    add_checked_value(
        app,
        "papers_cite_this",
        "auto",
        types=frozenset({str, bool}),
        description="Which references lists show each entry's BibTeX and write a .bib: 'auto' (those holding "
        "inline paper entries), True (all) or False (none); a list's :cite-this: or :no-cite-this: "
        "decides for it.",
        check=lambda v: v is True or v is False or v == "auto",
        expected="'auto', True or False",
    )
