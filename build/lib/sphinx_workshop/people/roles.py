"""The ``{person}`` role: a pending cross-reference to a card, which the people domain resolves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from sphinx_workshop.diagnostics import warn
from sphinx_workshop.xrefs import domain_xref

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message

logger = logging.getLogger(__name__)


class PersonRole(SphinxRole):
    """``{person}`Name``` (the card's name as link text) or ``{person}`text <Name>```."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        """A ``pending_xref`` to the card of the name; an empty name warns and gives nothing."""
        explicit, text, target = split_explicit_title(self.text)
        target = " ".join(target.split())
        if not target:
            warn(logger, "missing_name", "{person} without a name", location=self.get_location())
            return [], []
        classes = ["xref", "people", "people-person"]
        return [domain_xref(self, "people", "person", target, text, explicit=explicit, classes=classes)], []
