"""The card's nodes: standard docutils nodes plus the schema.org microdata only HTML can carry.

Each subclasses a standard node (``container``, ``inline``, ``reference``), so every builder renders
it like that node; the HTML visitors add the attributes (``itemscope``/``itemprop``, ``aria-label``)
through ``starttag``, which escapes every value. LaTeX and Texinfo also label the card so that
``{person}`` links land on it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.writers.html5 import HTML5Translator
    from sphinx.writers.latex import LaTeXTranslator
    from sphinx.writers.texinfo import TexinfoTranslator

PERSON_TYPE = "https://schema.org/Person"
ORGANIZATION_TYPE = "https://schema.org/Organization"


# Lower-case class names, as docutils names its nodes.
class person_card(nodes.container):
    """One organizer or speaker card; in HTML a ``div`` that is a schema.org ``Person``."""


class person_field(nodes.inline):
    """A part of a card: ``itemprop`` (and ``itemtype``) in HTML; ``decorative`` hides it from readers."""


class talk_abstract(nodes.container):
    """The abstract of a speaker's talk (a ``talk-abstract`` block), shown before the card's bio."""


class profile_link(nodes.reference):
    """A profile link: ``aria_label`` names whose profile it is; ``label`` names the platform."""


def visit_card_html(self: HTML5Translator, node: person_card) -> None:
    """``<div id=... class=... itemscope itemtype="https://schema.org/Person">``."""
    self.body.append(self.starttag(node, "div", itemscope="", itemtype=PERSON_TYPE))


def depart_card_html(self: HTML5Translator, node: person_card) -> None:
    """Close the card."""
    self.body.append("</div>\n")


def visit_field_html(self: HTML5Translator, node: person_field) -> None:
    """A ``span`` with the field's microdata."""
    atts: dict[str, Any] = {}
    if node.get("itemprop"):
        atts["itemprop"] = node["itemprop"]
    if node.get("itemtype"):
        atts["itemscope"] = ""
        atts["itemtype"] = node["itemtype"]
    if node.get("decorative"):
        atts["aria-hidden"] = "true"
    self.body.append(self.starttag(node, "span", "", **atts))


def depart_field_html(self: HTML5Translator, node: person_field) -> None:
    """Close the field."""
    self.body.append("</span>")


def visit_link_html(self: HTML5Translator, node: profile_link) -> None:
    """``<a href=... aria-label="@annadgoldie, Anna Goldie on Twitter" itemprop="sameAs">``."""
    atts: dict[str, Any] = {"href": node["refuri"], "class": "reference external"}
    if node.get("aria_label"):
        atts["aria-label"] = node["aria_label"]
    if node.get("itemprop"):
        atts["itemprop"] = node["itemprop"]
    self.body.append(self.starttag(node, "a", "", **atts))


def depart_link_html(self: HTML5Translator, node: profile_link) -> None:
    """Close the link."""
    self.body.append("</a>")


def visit_card_latex(self: LaTeXTranslator, node: person_card) -> None:
    """Label the card (the target of ``\\hyperref``), then render it as a container."""
    if node["ids"]:
        self.body.append("\n" + self.hypertarget_to(node, anchor=True))
    self.visit_container(node)


def visit_card_texinfo(self: TexinfoTranslator, node: person_card) -> None:
    """Anchor the card, then render it as a container."""
    for node_id in node["ids"]:
        self.add_anchor(node_id, node)
    self.visit_container(node)


def visit_card_man(self: Any, node: person_card) -> None:
    """Start the card on a paragraph of its own (a manual page joins a container's first paragraph
    to the text before it)."""
    self.visit_container(node)
    self.ensure_eol()
    self.body.append(".sp\n")


def setup_nodes(app: Sphinx) -> None:
    """Register the nodes with visitors where they render unlike their standard base node.

    Every translator dispatches on the node's class hierarchy, so a card is a ``container``, a field
    an ``inline`` and a profile link a ``reference`` wherever no visitor of ours is registered (and a
    ``None`` departure is the base node's).
    """
    app.add_node(
        person_card,
        html=(visit_card_html, depart_card_html),
        latex=(visit_card_latex, None),
        texinfo=(visit_card_texinfo, None),
        man=(visit_card_man, None),
    )
    app.add_node(person_field, html=(visit_field_html, depart_field_html))
    app.add_node(profile_link, html=(visit_link_html, depart_link_html))
    app.add_node(talk_abstract)
