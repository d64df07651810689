"""The dates' nodes: what HTML renders with attributes for the scripts, and what other builders print.

- :class:`dates_block` wraps a list; in HTML a ``div.sw-schedule`` whose ``data-*`` attributes are the
  schedule's, so ``schedule.js`` shows the moments in the reader's zone (its zone buttons included).
- :class:`date_entry` is one date (``<li data-sw-past-at>``); :class:`past_cue` its "(past)".
- :class:`local_time` holds the moment in the reader's zone: HTML only, hidden until ``dates.js`` runs.
- :class:`struck` is an earlier date: ``<del>`` in HTML, plain text elsewhere.
- :class:`phase_block` is one phase of a ``phase`` banner: all in HTML, the others ``hidden``.

Other builders keep only the build-time state (:mod:`sphinx_workshop.dates.transforms`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_workshop.assets import ASSET_FOLDER, PAGE_ASSETS
from sphinx_workshop.schedule.nodes import script_texts

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


#: The page script and stylesheet (sizes stated apart from the site-wide budget).
SCRIPT = "dates.js"
STYLESHEET = "dates.css"
assert SCRIPT in PAGE_ASSETS and STYLESHEET in PAGE_ASSETS


class dates_block(nodes.General, nodes.Element):
    """A list of important dates; attribute ``timezone`` (set when a date has a time)."""


class date_entry(nodes.list_item):
    """One date; attributes ``past_at`` (UTC, ISO 8601) and ``past`` (set when the page is written)."""


class past_cue(nodes.inline):
    """The "(past)" of a date or nothing; attribute ``past``."""


class local_time(nodes.inline):
    """The date's moment in the reader's zone (HTML only); attribute ``tag``: ``span`` (default) or ``p``."""


class struck(nodes.inline):
    """An earlier date, struck through."""


class phase_block(nodes.container):
    """One phase: attributes ``when`` (before/after), ``name``, ``past_at`` and ``chosen``."""


def _visit_block(self: HTML5Translator, node: dates_block) -> None:
    attributes = {}
    if node.get("timezone"):
        attributes = {"data-timezone": node["timezone"], "data-date": "", **script_texts()}
    self.body.append(self.starttag(node, "div", CLASS="sw-schedule sw-dates", **attributes))


def _depart_div(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</div>\n")


def _visit_entry(self: HTML5Translator, node: date_entry) -> None:
    classes = "sw-date sw-date-past" if node.get("past") else "sw-date"
    self.body.append(self.starttag(node, "li", "", CLASS=classes, **{"data-sw-past-at": node["past_at"]}))


def _depart_entry(self: HTML5Translator, node: date_entry) -> None:
    self.body.append("</li>\n")


def _visit_entry_latex(self: Any, node: date_entry) -> None:
    # LaTeX writes no label for a list item's ids: the entry's, which {date} links to, is written here.
    self.visit_list_item(node)
    self.body.append(self.hypertarget_to(node))


def _depart_entry_latex(self: Any, node: date_entry) -> None:
    self.depart_list_item(node)


def _visit_cue(self: HTML5Translator, node: past_cue) -> None:
    hidden: dict[str, Any] = {} if node.get("past") else {"hidden": "hidden"}
    self.body.append(self.starttag(node, "span", "", CLASS="sw-visually-hidden sw-date-past-cue", **hidden))


def _visit_local(self: HTML5Translator, node: local_time) -> None:
    tag = node.get("tag", "span")
    self.body.append(self.starttag(node, tag, "", CLASS="sw-date-local", hidden="hidden"))


def _depart_local(self: HTML5Translator, node: local_time) -> None:
    self.body.append(f"</{node.get('tag', 'span')}>")


def _depart_span(self: HTML5Translator, node: nodes.Element) -> None:
    self.body.append("</span>")


def _visit_struck(self: HTML5Translator, node: struck) -> None:
    self.body.append(self.starttag(node, "del", ""))


def _depart_struck(self: HTML5Translator, node: struck) -> None:
    self.body.append("</del>")


def _visit_phase(self: HTML5Translator, node: phase_block) -> None:
    attributes: dict[str, Any] = {"data-sw-when": node["when"], "data-sw-past-at": node.get("past_at", "")}
    if not node.get("chosen"):
        attributes["hidden"] = "hidden"
    self.body.append(self.starttag(node, "div", CLASS="sw-phase-block", **attributes))


def _pass(self: Any, node: nodes.Element) -> None:
    pass


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def add_nodes(app: Sphinx) -> None:
    """Register the nodes: HTML visitors; elsewhere the base node's (or nothing, for the reader's zone)."""
    plain = (_pass, _pass)
    skip = (_skip, None)
    app.add_node(
        dates_block, html=(_visit_block, _depart_div), latex=plain, text=plain, man=plain, texinfo=plain
    )
    app.add_node(
        date_entry, html=(_visit_entry, _depart_entry), latex=(_visit_entry_latex, _depart_entry_latex)
    )
    app.add_node(past_cue, html=(_visit_cue, _depart_span))
    app.add_node(
        local_time, html=(_visit_local, _depart_local), latex=skip, text=skip, man=skip, texinfo=skip
    )
    app.add_node(struck, html=(_visit_struck, _depart_struck))
    app.add_node(phase_block, html=(_visit_phase, _depart_div))


def add_page_assets(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """``html-page-context``: the script and stylesheet on the pages that show a list or a banner."""
    if doctree is None:
        return
    shows = next(doctree.findall(dates_block), None) is not None or next(doctree.findall(phase_block), None)
    if shows:
        app.add_css_file(f"{ASSET_FOLDER}/{STYLESHEET}")
        if not app.builder.name.startswith("epub"):
            app.add_js_file(f"{ASSET_FOLDER}/{SCRIPT}", loading_method="defer")
