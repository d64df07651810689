"""The one way the extension's roles refer to things: a ``pending_xref`` that a domain resolves.

Emitting ``pending_xref`` (never a computed href) lets Sphinx resolve each reference per builder,
so html, dirhtml, singlehtml, LaTeX and epub all link right, and ``nitpicky`` and ``{any}`` work.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.addnodes import pending_xref

from sphinx_workshop.untrusted import clean_text

if TYPE_CHECKING:
    from sphinx.util.docutils import SphinxRole


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
