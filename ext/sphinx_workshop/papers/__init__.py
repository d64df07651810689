"""Papers: the ``papers`` domain, the ``references`` and ``paper`` directives, ``{cite}`` and ``{paper}``.

Modules: ``records`` (stored data), ``bibtex`` (reading .bib files), ``directives``, ``roles``,
``textual`` (``{cite:t}`` and the other forms), ``footnotes`` (``{footcite}``, ``footreferences``),
``names`` (the short names, registered where free),
``domain`` (storage and resolution), ``numbering`` (whole-project order, labels, back-links),
``render`` and ``transforms`` (the list at write time), ``styles`` (entry styles), ``latex``
(field values to rich text), ``crossref`` (inheritance), ``nodes`` (the placeholder node),
``project`` (the project's bibliography, ``papers_bibfiles``), ``filters`` (``:filter:``),
``citethis`` (an entry's BibTeX and its disclosure), ``export`` (a list's .bib file), ``resolvers``
(identifier links) and ``settings`` (the ``papers_*`` config values).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_workshop.papers.citethis import setup_cite_this
from sphinx_workshop.papers.domain import PapersDomain
from sphinx_workshop.papers.export import check_bibfile_names
from sphinx_workshop.papers.footnotes import FillFootCitations, PlaceFootCitations
from sphinx_workshop.papers.memo import setup_memo
from sphinx_workshop.papers.names import register_short_names
from sphinx_workshop.papers.nodes import setup_nodes
from sphinx_workshop.papers.project import on_env_get_outdated
from sphinx_workshop.papers.records import PaperRecord, anchor_for
from sphinx_workshop.papers.settings import setup_settings
from sphinx_workshop.papers.styles import Entry, register_style
from sphinx_workshop.papers.textual import ShapeTextualCitations
from sphinx_workshop.papers.transforms import (
    RenderReferenceLists,
    RenderReferenceListsLast,
    on_env_updated,
    on_warn_missing_reference,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["Entry", "PaperRecord", "PapersDomain", "anchor_for", "register_style", "setup_papers"]


def setup_papers(app: Sphinx) -> None:
    """Register the papers domain, its directives and roles (short names once every extension is set up)."""
    setup_settings(app)
    setup_nodes(app)
    setup_memo(app)
    setup_cite_this(app)
    app.add_domain(PapersDomain)
    app.connect("config-inited", register_short_names)
    app.add_transform(PlaceFootCitations)
    app.add_post_transform(ShapeTextualCitations)
    app.add_post_transform(FillFootCitations)
    app.add_post_transform(RenderReferenceLists)
    app.add_post_transform(RenderReferenceListsLast)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-updated", on_env_updated)
    app.connect("env-updated", check_bibfile_names)  # after on_env_updated: it needs the lists shown
    app.connect("warn-missing-reference", on_warn_missing_reference)
