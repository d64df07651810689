"""The ``{person}`` role: a pending cross-reference to a card, which the people domain resolves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_workshop.diagnostics import node_line, warn
from sphinx_workshop.xrefs import DomainXRefRole

if TYPE_CHECKING:
    from docutils import nodes
    from docutils.nodes import Element, Node, system_message
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


class PersonRole(DomainXRefRole):
    """``{person}`Name``` (the card's name as link text), ``{person}`text <Name>``` or ``{person}`!Name```."""

    domain = "people"

    def result_nodes(
        self, document: nodes.document, env: BuildEnvironment, node: Element, is_ref: bool
    ) -> tuple[list[Node], list[system_message]]:
        """The reference to the card of the name; an empty name warns and gives nothing."""
        if is_ref and not node["reftarget"]:
            warn(logger, "missing_name", "{person} without a name", location=node_line(node))
            return [], []
        return [node], []
