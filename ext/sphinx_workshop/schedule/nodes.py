"""The schedule's three custom nodes and their visitors for every builder.

- :class:`schedule_block` wraps a schedule; in HTML a ``<div>`` whose ``data-*`` attributes feed
  ``schedule.js``, elsewhere transparent.
- :class:`clock_time` is one ``<time datetime="...">``; other builders print the time and the zone's
  abbreviation (``09:00 PST``).
- :class:`event_data` becomes the page's schema.org JSON-LD in HTML, and nothing elsewhere.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_workshop.i18n import _
from sphinx_workshop.schedule.jsonld import event_json

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator


class schedule_block(nodes.General, nodes.Element):
    """A whole schedule; attributes ``timezone``, ``date``, ``docname`` and ``serial``."""


class clock_time(nodes.Inline, nodes.TextElement):
    """A clock time; attributes ``datetime`` (ISO 8601 with offset, may be empty) and ``abbr``."""


class event_data(nodes.General, nodes.Element):
    """The data of an ``event`` directive, turned into JSON-LD when the page is written."""


def script_texts() -> dict[str, str]:
    """The translated strings ``schedule.js`` shows, as ``data-text-*`` attributes (``{zone}``: a zone).

    ``static/sphinx-workshop/schedule.js`` shows each schedule's times in the visitor's zone, the
    event's or UTC, through the browser's ``Intl`` in the page's language; it is kept free of
    comments to stay within the assets' 5 KB budget, so this is where it is described.
    """
    return {
        "data-text-group": str(_("Show times in")),
        "data-text-here": str(_("Your time ({zone})")),
        "data-text-event": str(_("Event time ({zone})")),
        "data-text-utc": str(_("UTC")),
        "data-text-your-zone": str(_("{zone} (your time zone)")),
    }


def _visit_block_html(self: HTML5Translator, node: schedule_block) -> None:
    attributes = {}
    if node.get("timezone"):
        attributes = {"data-timezone": node["timezone"], "data-date": node["date"], **script_texts()}
    self.body.append(self.starttag(node, "div", CLASS="sw-schedule", **attributes))


def _depart_block_html(self: HTML5Translator, node: schedule_block) -> None:
    self.body.append("</div>\n")


def _visit_time_html(self: HTML5Translator, node: clock_time) -> None:
    attributes = {"datetime": node["datetime"]} if node.get("datetime") else {}
    self.body.append(self.starttag(node, "time", "", **attributes))


def _depart_time_html(self: HTML5Translator, node: clock_time) -> None:
    self.body.append("</time>")


def _pass(self: Any, node: nodes.Element) -> None:
    pass


def _depart_time_plain(self: Any, node: clock_time) -> None:
    # Each translator's own visit_Text escapes for its format (LaTeX, roff, Texinfo, plain text).
    if node.get("abbr"):
        self.visit_Text(nodes.Text(" " + node["abbr"]))


def _visit_event_html(self: HTML5Translator, node: event_data) -> None:
    if not self.builder.name.startswith("epub"):
        self.body.append(self.starttag(node, "script", "", type="application/ld+json"))
        # json_text escapes <, > and &, so nothing in it can end the element; HTML-encoding it would
        # corrupt the JSON (a script's text is not entity-decoded).
        self.body.append(event_json(node, self.builder) + "</script>\n")
    raise nodes.SkipNode


def _skip(self: Any, node: nodes.Element) -> None:
    raise nodes.SkipNode


def add_nodes(app: Sphinx) -> None:
    """Register the nodes with visitors for html, latex, text, man and texinfo."""
    plain = (_pass, _pass)
    html = (_visit_block_html, _depart_block_html)
    app.add_node(schedule_block, html=html, latex=plain, text=plain, man=plain, texinfo=plain)
    timed = (_pass, _depart_time_plain)
    app.add_node(
        clock_time,
        html=(_visit_time_html, _depart_time_html),
        latex=timed,
        text=timed,
        man=timed,
        texinfo=timed,
    )
    skip = (_skip, None)
    app.add_node(event_data, html=(_visit_event_html, None), latex=skip, text=skip, man=skip, texinfo=skip)
