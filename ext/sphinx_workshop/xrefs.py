"""The one way the extension's roles refer to things: a ``pending_xref`` that a domain resolves.

Emitting ``pending_xref`` (never a computed href) lets Sphinx resolve each reference per builder,
so html, dirhtml, singlehtml, LaTeX and epub all link right, and ``nitpicky`` and ``{any}`` work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.roles import XRefRole

from sphinx_workshop.untrusted import clean_text

if TYPE_CHECKING:
    from docutils.nodes import Element, Node, system_message
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment
    from sphinx.util.docutils import SphinxRole


class WithoutReferences:
    """For a domain that holds data but no objects to link (the schedule, the sponsors): nothing to
    resolve, for its own roles or for ``{any}`` (Sphinx's ``Domain.resolve_any_xref`` would raise)."""

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        """No reference: the domain has no objects."""
        return None

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        """No reference: the domain has no objects."""
        return []


class DomainXRefRole(XRefRole):
    """Sphinx's ``XRefRole`` (``text <target>``, ``!`` for no link, ``refwarn``) for one of our domains.

    It is the domain's role also under its short name (``{person}`` as ``{people:person}``), so the
    pending reference always names the domain that resolves it.
    """

    #: The domain that resolves the role's references.
    domain: ClassVar[str]

    def __init__(self) -> None:
        super().__init__(innernodeclass=nodes.inline, warn_dangling=True)

    def run(self) -> tuple[list[Node], list[system_message]]:
        """Resolve the short name to the domain's role, then let ``XRefRole`` do the rest.

        The role's text is the input boundary of roles: control characters are removed from it here.
        """
        if ":" not in self.name:
            self.name = f"{self.domain}:{self.name}"
        self.text, self.title, self.target = (
            clean_text(part) for part in (self.text, self.title, self.target)
        )
        return super().run()

    def process_link(
        self, env: BuildEnvironment, refnode: Element, has_explicit_title: bool, title: str, target: str
    ) -> tuple[str, str]:
        """Targets are keys and names: runs of white space count as one space, none at the ends."""
        return title, " ".join(target.split())


def domain_xref(
    role: SphinxRole, domain: str, reftype: str, target: str, text: str, *, explicit: bool, classes: list[str]
) -> pending_xref:
    """A warning (``refwarn``) ``pending_xref`` of *role*'s document to *target* in *domain*.

    The role's text is the input boundary of roles: control characters are removed from it here.
    """
    target, text = clean_text(target), clean_text(text)
    xref = pending_xref(
        "",
        nodes.inline(text, text, classes=classes),
        refdomain=domain,
        reftype=reftype,
        reftarget=target,
        refdoc=role.env.docname,
        refexplicit=explicit,
        refwarn=True,
    )
    role.set_source_info(xref)
    return xref
