"""The placeholder nodes of the papers feature, each replaced before any writer sees it.

Where a references list goes and what a textual citation shows are filled in at write time (when
numbering is known); footnote citations become docutils footnotes at read time, their bodies at
write time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: Attribute set on the ``target`` node placed before each citation (its back-link anchor).
PLACE_ATTR = "papers_place"
#: Attribute set on the footnotes and footnote references of ``{footcite}`` (their ids are the extension's).
FOOT_ATTR = "papers_footcite"


class references_list(nodes.General, nodes.Element):
    """Placeholder for a ``references`` list (attribute ``list_id``).

    :class:`~sphinx_workshop.papers.transforms.RenderReferenceLists` replaces it with a standard
    enumerated or bullet list once numbering is known, for every builder.
    """


class cite_group(nodes.Inline, nodes.TextElement):
    """A textual or parenthetical citation (``{cite:t}``, ``{cite:p}``, ``{cite:author}``, ``{cite:year}``).

    Attribute ``form`` (``t``, ``p``, ``author``, ``year``); children: one ``pending_xref`` per key,
    with the key's pre- and post-note as attributes ``pre`` and ``post``. Shaped (brackets, names,
    notes) by :class:`~sphinx_workshop.papers.textual.ShapeTextualCitations` before references resolve.
    """


class footcite_ref(nodes.Inline, nodes.TextElement):
    """A ``{footcite}`` as read (attribute ``keys``), made a footnote reference at read time."""


class footreferences_place(nodes.General, nodes.Element):
    """Where a ``footreferences`` directive puts the footnotes of the footnote citations before it."""


class footcite_entry(nodes.Inline, nodes.TextElement):
    """The body of a footnote citation (attribute ``key``), the formatted entry filled in at write time."""


def setup_nodes(app: Sphinx) -> None:
    """Register the placeholders, without visitors: transforms replace them before any writer sees them."""
    for node in (references_list, cite_group, footcite_ref, footreferences_place, footcite_entry):
        app.add_node(node)
