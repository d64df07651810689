"""Papers: the ``papers`` domain, the ``references`` and ``paper`` directives, ``{cite}`` and ``{paper}``.

Modules: ``records`` (stored data), ``bibtex`` (reading .bib files), ``directives``, ``roles``,
``domain`` (storage and resolution), ``numbering`` (whole-project order, labels, back-links),
``render`` and ``transforms`` (the list at write time), ``styles`` (entry styles), ``latex``
(field values to rich text), ``crossref`` (inheritance), ``nodes`` (the placeholder node),
``citethis`` (an entry's BibTeX and its disclosure) and ``export`` (a list's .bib file).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_workshop.papers.citethis import setup_cite_this
from sphinx_workshop.papers.directives import PaperDirective, ReferencesDirective
from sphinx_workshop.papers.domain import PapersDomain
from sphinx_workshop.papers.export import check_bibfile_names
from sphinx_workshop.papers.memo import setup_memo
from sphinx_workshop.papers.nodes import setup_nodes
from sphinx_workshop.papers.records import PaperRecord, anchor_for
from sphinx_workshop.papers.roles import CiteRole, PaperRole
from sphinx_workshop.papers.styles import Entry, register_style
from sphinx_workshop.papers.transforms import RenderReferenceLists, on_env_updated, on_warn_missing_reference

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["Entry", "PaperRecord", "PapersDomain", "anchor_for", "register_style", "setup_papers"]


def setup_papers(app: Sphinx) -> None:
    """Register the papers domain, its directives and roles (also without prefix), and its CSS."""
    setup_nodes(app)
    setup_memo(app)
    setup_cite_this(app)
    app.add_domain(PapersDomain)
    app.add_directive("references", ReferencesDirective)
    app.add_directive("paper", PaperDirective)
    app.add_role("cite", CiteRole())
    app.add_role("paper", PaperRole())
    app.add_post_transform(RenderReferenceLists)
    app.connect("env-updated", on_env_updated)
    app.connect("env-updated", check_bibfile_names)  # after on_env_updated: it needs the lists shown
    app.connect("warn-missing-reference", on_warn_missing_reference)
