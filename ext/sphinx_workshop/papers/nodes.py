"""The one node the papers feature adds: where a references list goes, filled in at write time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Attribute set on the ``target`` node placed before each citation (its back-link anchor).
PLACE_ATTR = "papers_place"


class references_list(nodes.General, nodes.Element):
    """Placeholder for a ``references`` list (attribute ``list_id``).

    :class:`~sphinx_workshop.papers.transforms.RenderReferenceLists` replaces it with a standard
    enumerated or bullet list once numbering is known, for every builder.
    """


def setup_nodes(app: Sphinx) -> None:
    """Register the placeholder, without visitors: a post-transform replaces it before any writer sees it."""
    app.add_node(references_list)
