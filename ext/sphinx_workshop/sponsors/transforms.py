"""Sponsors at write time: the stylesheet on the pages that list sponsors, names and URLs in print."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_workshop.assets import ASSET_FOLDER, PAGE_ASSETS
from sphinx_workshop.sponsors.directives import SPONSOR_CLASS

if TYPE_CHECKING:
    from sphinx.application import Sphinx

#: The sponsors' stylesheet, added only to the pages that show a sponsor.
STYLESHEET = "sponsors.css"
assert STYLESHEET in PAGE_ASSETS


class PrintedSponsors(SphinxPostTransform):
    """LaTeX, Texinfo, text and manual pages: each sponsor as "Name: URL" (a logo's format may not print,
    and a printed page cannot follow a link)."""

    default_priority = 200
    formats = ("latex", "texinfo", "text", "man")

    def run(self, **kwargs: Any) -> None:
        """Rewrite every sponsor of the document being written."""
        for box in list(self.document.findall(nodes.container)):
            if SPONSOR_CLASS not in box["classes"]:
                continue
            name: str = box["sponsor-name"]
            link = next(iter(box.findall(nodes.reference)), None)
            line: list[nodes.Node] = [nodes.Text(name)]
            if link is not None:
                url = link["refuri"]
                line += [nodes.Text(": "), nodes.reference(url, url, refuri=url)]
            del box.children[:]  # the logo too: it never reaches the writer, nor its image list
            box += nodes.paragraph("", "", *line)


def add_stylesheet(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the sponsors' stylesheet on the pages that show a sponsor."""
    if doctree is not None and any(
        SPONSOR_CLASS in node["classes"] for node in doctree.findall(nodes.container)
    ):
        app.add_css_file(f"{ASSET_FOLDER}/{STYLESHEET}")
