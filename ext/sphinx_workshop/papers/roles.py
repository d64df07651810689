"""The ``{cite}`` and ``{paper}`` roles: pending cross-references the papers domain resolves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from sphinx_workshop.anchors import own_ids
from sphinx_workshop.diagnostics import warn
from sphinx_workshop.papers.nodes import PLACE_ATTR
from sphinx_workshop.xrefs import DomainXRefRole, domain_xref

if TYPE_CHECKING:
    from docutils.nodes import Element, Node, system_message
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def place_target(keys: list[str]) -> nodes.target:
    """The back-link target of a citation; the domain gives it an id when the document is read."""
    target = own_ids(nodes.target("", "", **{PLACE_ATTR: ",".join(keys)}))
    target.referenced = True  # docutils reports unreferenced targets by name or id; this has neither yet
    return target


class CiteRole(SphinxRole):
    """``{cite}`key``` or ``{cite}`key1,key2```: superscript labels, each linked to its entry."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        """One ``pending_xref`` per key inside a superscript; an unknown key stays visible."""
        parts = [part.strip() for part in self.text.split(",")]
        keys = [part for part in parts if part]
        if len(keys) < len(parts):
            warn(logger, "cite_empty", f"empty key in {{cite}}`{self.text}`", location=self.get_location())
        if not keys:
            return [], []
        sup = nodes.superscript("", "", classes=["sw-papers-cite"])
        for index, key in enumerate(keys):
            if index:
                sup += nodes.Text(",")
            sup += domain_xref(self, "papers", "cite", key, key, explicit=False, classes=["sw-papers-key"])
        return [place_target(keys), sup], []


class PaperRole(DomainXRefRole):
    """``{paper}`key``` (the paper's title as link text), ``{paper}`text <key>``` or ``{paper}`!key```."""

    domain = "papers"

    def result_nodes(
        self, document: nodes.document, env: BuildEnvironment, node: Element, is_ref: bool
    ) -> tuple[list[Node], list[system_message]]:
        """The reference after its back-link target; an empty key warns and gives nothing."""
        if not is_ref:
            return [node], []
        if not node["reftarget"]:
            warn(logger, "cite_empty", f"empty key in {{paper}}`{self.text}`", location=self.get_location())
            return [], []
        return [place_target([node["reftarget"]]), node], []
