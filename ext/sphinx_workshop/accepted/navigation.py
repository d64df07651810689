"""A set's pages are in the toctree, never in the navigation.

The ``accepted-papers`` index holds a hidden toctree of its papers' pages: Sphinx then knows the pages
belong to the index (no "not included in any toctree" warning, previous and next links), LaTeX and
singlehtml take them into the book and the single page, and EPUB's spine holds them. But a theme's
navigation shows hidden toctrees too (pydata-sphinx-theme and sphinx-book-theme do by default), and it
shows the whole subtree of the current page's ancestors: every paper page would list every paper,
and a site of 5,000 papers would write 25 million links. So, once Sphinx has stored a page's table of
contents, the toctree of a set's pages is taken out of it: the navigation, built from those tables,
never descends into a set, while the page's doctree keeps the toctree for the builders that assemble.

On the root document the navigation starts from the doctree itself, so there the pages do show; an
index of many papers belongs on a page of its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx import addnodes

from sphinx_workshop.accepted.directives import PAGES_TOCTREE

if TYPE_CHECKING:
    from sphinx.application import Sphinx


def _prune(node: nodes.Element) -> None:
    """Remove the pages' toctrees under *node*, and the lists and items left empty."""
    for toctree in list(node.findall(addnodes.toctree)):
        if toctree.get(PAGES_TOCTREE) is not None:
            toctree.parent.remove(toctree)
    for child in list(node.findall(nodes.bullet_list)):
        if child is not node and not len(child) and child.parent is not None:
            child.parent.remove(child)


def keep_out_of_navigation(app: Sphinx, doctree: nodes.document) -> None:
    """``doctree-read``, after Sphinx's table-of-contents collector: take a set's pages out of the
    page's table of contents."""
    docname = app.env.docname
    toc = app.env.tocs.get(docname)
    if toc is not None and any(t.get(PAGES_TOCTREE) is not None for t in toc.findall(addnodes.toctree)):
        _prune(toc)
