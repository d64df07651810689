"""The ``{person}`` role: a pending cross-reference to a card, which the people domain resolves."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole
from sphinx.util.nodes import split_explicit_title

from sphinx_workshop.diagnostics import warn

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
        xref = pending_xref(
            "",
            nodes.inline(text, text, classes=["xref", "people", "people-person"]),
            refdomain="people",
            reftype="person",
            reftarget=target,
            refdoc=self.env.docname,
            refexplicit=explicit,
            refwarn=True,
        )
        self.set_source_info(xref)
        return [xref], []
