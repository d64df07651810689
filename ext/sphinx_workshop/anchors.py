"""The id namespaces of the extension's anchors (``paper-``, ``person-``, ``cite-``, ``date-``,
``slot-``), kept for them.

A paper's entry, a card, a citation place, an important date and a schedule line naming a paper or a
person take ids the extension computes from a key, a name or a document name; a heading or label of the
same document could produce the same id (a section titled "Paper x" is ``paper-x``). Once a document
is parsed, every id in these namespaces that is not one of the extension's anchors is renamed
(``h-paper-x``), with a ``workshop.reserved_id`` warning, so the extension's ids are unique by
construction.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.util import logging

from sphinx_workshop.diagnostics import node_line, warn

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

RESERVED_PREFIXES = ("paper-", "person-", "cite-", "date-", "slot-")
#: The attribute that marks an element whose ids the extension gives (a card, a citation place, ...).
OWN_IDS = "workshop_own_ids"

_Element = TypeVar("_Element", bound=nodes.Element)


def own_ids(node: _Element) -> _Element:
    """Mark *node* as one whose ids the extension gives: they are never renamed."""
    node[OWN_IDS] = True
    return node


class ReserveAnchorIds(SphinxTransform):
    """Rename the ids of headings and labels that fall in the extension's namespaces."""

    # After docutils and Sphinx have given every section and target its ids (PropagateTargets: 260),
    # before the document is stored and its labels are recorded (doctree-read).
    default_priority = 900

    def apply(self, **kwargs: Any) -> None:
        """Rename every foreign id in a reserved namespace, keeping the document's maps in step."""
        document = self.document
        for node in list(document.findall(nodes.Element)):
            if node.get(OWN_IDS):
                continue  # the extension's own: a card, a citation place, a footnote citation
            for old in [i for i in node["ids"] if i.startswith(RESERVED_PREFIXES)]:
                new = f"h-{old}"
                counter = 1
                while new in document.ids:
                    counter += 1
                    new = f"h-{old}-{counter}"
                node["ids"][node["ids"].index(old)] = new
                if document.ids.get(old) is node:
                    del document.ids[old]
                document.ids[new] = node
                for name, value in list(document.nameids.items()):
                    if value == old:
                        document.nameids[name] = new
                warn(
                    logger,
                    "reserved_id",
                    f"the id {old!r} is reserved for the extension's anchors "
                    f"({', '.join(RESERVED_PREFIXES)}); this {node.tagname} gets {new!r}",
                    location=node_line(node),
                )


def setup_anchors(app: Sphinx) -> None:
    """Register the transform."""
    app.add_transform(ReserveAnchorIds)
