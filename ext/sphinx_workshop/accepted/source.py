"""The generated pages' own source format: a page made from data is never parsed as text.

Each accepted paper's page is a small file ``<folder>/<key>.swpaper`` (:mod:`.pages` writes it) that
names its set and its paper under the marker line; Sphinx reads it like any page, with this parser,
registered for the file type ``sw-accepted-paper``. The parser builds the page's tree directly from the
set read on ``builder-inited`` (:func:`~.directives.paper_section`, as the ``accepted-paper``
directive does), so no page pays for a Markdown or reStructuredText parse, and the pages need no
source suffix of the project's: a project reading only ``.md`` files still reads them. Toctree,
search, every builder, ``-j`` and incremental builds work as for any page.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.parsers import Parser
from sphinx.util import logging

from sphinx_workshop.accepted.directives import paper_section
from sphinx_workshop.diagnostics import warn
from sphinx_workshop.domains import accepted_domain

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: The pages' file type and suffix.
FILE_TYPE = "sw-accepted-paper"
SUFFIX = ".swpaper"


def page_source(marker: str, folder: str, key: str) -> str:
    """The text of a page: the *marker* line, then the set's folder and the paper's key."""
    return f"{marker}\nset: {folder}\nkey: {key}\n"


def _fields(text: str) -> dict[str, tuple[str, int]]:
    """``name: value`` lines of a page's text: name -> (value, line number)."""
    found = {}
    for number, line in enumerate(text.splitlines(), start=1):
        name, colon, value = line.partition(":")
        if colon and name.strip() in {"set", "key"}:
            found[name.strip()] = (value.strip(), number)
    return found


class AcceptedPageParser(Parser):
    """Reads a generated page: the paper's section, from the set read in this build."""

    supported: ClassVar[tuple[str, ...]] = (FILE_TYPE,)

    def parse(self, inputstring: str, document: nodes.document) -> None:  # type: ignore[override]
        """Fill *document* with the section of the paper the page names (a located warning if it
        names none this build read: a page edited by hand, or a set since renamed)."""
        env: BuildEnvironment = document.settings.env
        # reached from the index, never from the theme's navigation (nor any toctree of the project's)
        env.metadata[env.docname]["orphan"] = True
        fields = _fields(inputstring)
        folder, line = fields.get("set", ("", 1))
        key, key_line = fields.get("key", ("", line))
        loaded = accepted_domain(env).sets.get(folder)
        page = loaded.pages.get(key) if loaded is not None else None
        location = f"{env.doc2path(env.docname)}:{key_line}"
        if loaded is None or page is None:
            warn(
                logger,
                "bad_argument",
                f"this page names no paper of papers_accepted (set {folder!r}, key {key!r}); it is empty",
                location=location,
            )
            return
        section = paper_section(
            env, document, loaded, page, source=document["source"], lineno=key_line, location=location
        )
        document += section


def setup_source(app: Sphinx) -> None:
    """Register the pages' file type, its suffix and its parser."""
    app.add_source_suffix(SUFFIX, FILE_TYPE)
    app.add_source_parser(AcceptedPageParser)
