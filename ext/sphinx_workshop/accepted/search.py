"""The search and filter box of an ``accepted-papers`` index: HTML only, run in the browser.

:func:`search_box` makes an :class:`accepted_search` node, the first child of the index's container.
In HTML it is a ``<form role="search" hidden>``: a labelled text field (title, author or keyword), a
group select when the index has two groups or more, an ``aria-live`` status, and the index's data as an
inline ``<script type="application/json">``: one ``[group, text]`` pair per entry, in the order of the
list's entries (title as plain text, authors, keywords). Nothing is fetched, so it works from ``file://``.

``static/sphinx-workshop/accepted-search.js`` (added only to pages holding a box, not in EPUB) reveals
the form, hides the entries that do not match with the ``hidden`` attribute (and a group's heading when
none of its entries does), matches case- and accent-insensitively (NFD, combining marks removed, every
word of the query in the entry's text), and keeps the query in the URL (``?q=...&group=...``, with
``history.replaceState``; read again on load and on back/forward). Escape in the field clears it.
Nothing moves: no transition, no scrolling (``prefers-reduced-motion`` has nothing to turn off).
Without JavaScript the form stays hidden and the whole list is shown. LaTeX, text, man, Texinfo and
EPUB skip the node.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_workshop.accepted import markdown
from sphinx_workshop.assets import ASSET_FOLDER, PAGE_ASSETS
from sphinx_workshop.i18n import _
from sphinx_workshop.untrusted import script_safe_json

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator

    from sphinx_workshop.accepted.pages import LoadedSet

#: The page script of the box (only on the pages that hold one).
SCRIPT = "accepted-search.js"
assert SCRIPT in PAGE_ASSETS
#: The CSS class of the form (the script finds the boxes by it).
CLASS = "sw-accepted-search"


class accepted_search(nodes.General, nodes.Element):
    """The box of one index; attributes ``entries`` (``[group, text]`` per entry) and ``groups``."""


def search_box(loaded: LoadedSet, document: nodes.document) -> accepted_search:
    """The box of the index of *loaded*, with an id unique in *document*."""
    entries = []
    for label, papers in loaded.groups:
        for paper in papers:
            words = [markdown.plain(paper.title, title=True)]
            words += [author.name for author in paper.authors]
            words += list(paper.keywords)
            entries.append([label, " ".join(words)])
    labels = [label for label, _papers in loaded.groups if label]
    node = accepted_search("", entries=entries, groups=labels if len(labels) > 1 else [])
    base = ident = nodes.make_id(f"{CLASS}-{loaded.settings.folder}")
    count = 1
    while ident in document.ids:  # the same set listed twice on a page
        count += 1
        ident = f"{base}-{count}"
    node["ids"].append(ident)
    document.ids[ident] = node
    return node


def _texts() -> dict[str, str]:
    """The translated words of the box; ``{shown}`` and ``{total}`` are filled in by the script."""
    return {
        "aria-label": str(_("Filter the accepted papers")),
        "data-status": str(_("{shown} of {total} papers shown")),
    }


def _visit_html(self: HTML5Translator, node: accepted_search) -> None:
    if self.builder.name.startswith("epub"):
        raise nodes.SkipNode
    ident = self.attval(node["ids"][0])
    attributes: dict[str, Any] = {"CLASS": CLASS, "role": "search", "hidden": "hidden", **_texts()}
    self.body.append(self.starttag(node, "form", **attributes))
    field = self.encode(_("Filter by title, author or keyword"))
    # each label with its control in one span, so that a narrow page wraps between them, not inside
    self.body.append(f'<span class="sw-accepted-field"><label for="{ident}-q">{field}</label>\n')
    self.body.append(f'<input type="search" id="{ident}-q" name="q" autocomplete="off" spellcheck="false">')
    self.body.append("</span>\n")
    if node["groups"]:
        label, every = self.encode(_("Group")), self.encode(_("All groups"))
        self.body.append(f'<span><label for="{ident}-group">{label}</label>\n')
        self.body.append(f'<select id="{ident}-group" name="group">\n')
        self.body.append(f'<option value="">{every}</option>\n')
        for label in node["groups"]:
            value = self.attval(label)
            self.body.append(f'<option value="{value}">{self.encode(label)}</option>\n')
        self.body.append("</select></span>\n")
    self.body.append('<p class="sw-accepted-status" role="status" aria-live="polite"></p>\n')
    # script_safe_json escapes <, > and &, so nothing in it can end the element; HTML-encoding it would
    # corrupt the JSON (a script's text is not entity-decoded)
    self.body.append('<script type="application/json">' + script_safe_json(node["entries"]) + "</script>\n")
    self.body.append("</form>\n")
    raise nodes.SkipNode


def _skip(self: Any, node: accepted_search) -> None:
    raise nodes.SkipNode


def add_script(app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any) -> None:
    """``html-page-context``: the box's script on the pages (not EPUB's) that hold a box."""
    if doctree is None or app.builder.name.startswith("epub"):
        return
    if next(doctree.findall(accepted_search), None) is not None:
        app.add_js_file(f"{ASSET_FOLDER}/{SCRIPT}", loading_method="defer")


def setup_search(app: Sphinx) -> None:
    """Register the box's node (HTML visitor; skipped elsewhere) and its page script."""
    skip = (_skip, None)
    app.add_node(accepted_search, html=(_visit_html, None), latex=skip, text=skip, man=skip, texinfo=skip)
    app.connect("html-page-context", add_script)
