"""Docutils nodes of a references list: standard lists, paragraphs and references only."""

from __future__ import annotations

from string import ascii_lowercase
from typing import TYPE_CHECKING
from urllib.parse import quote

from docutils import nodes
from sphinx.util.nodes import make_refnode

from sphinx_workshop.i18n import _
from sphinx_workshop.links import is_safe_url

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.builders import Builder

    from sphinx_workshop.papers.records import PaperRecord

#: The places citing an entry, as (docname, place id).
Backlinks = tuple[tuple[str, str], ...]


def refnode(
    builder: Builder, fromdocname: str, todocname: str, targetid: str, child: nodes.Node, title: str
) -> nodes.reference:
    """``make_refnode``, with singlehtml's ``#document-x#id`` reduced to ``#id`` (all on one page)."""
    node = make_refnode(builder, fromdocname, todocname, targetid, child, title=title)
    uri = node.get("refuri", "")
    if uri.count("#") > 1:
        node["refuri"] = uri[uri.rindex("#") :]
    return node


def _letters(index: int) -> str:
    """a, b, ..., z, aa, ab, ... for the back-links of a paper cited several times."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = ascii_lowercase[rest] + name
    return name


def _link(text: str, url: str, classes: list[str]) -> nodes.Node:
    if url and is_safe_url(url):
        return nodes.reference("", text, refuri=url, classes=classes)
    return nodes.inline(text, text, classes=classes)


def _backlinks(builder: Builder, fromdocname: str, backlinks: Backlinks) -> nodes.inline:
    span = nodes.inline("", "", classes=["sw-papers-backlinks"])
    # pdflatex has no glyph for the arrow
    arrow = "^" if builder.format == "latex" else "\u21a9"
    if len(backlinks) == 1:
        docname, place_id = backlinks[0]
        span += refnode(
            builder, fromdocname, docname, place_id, nodes.Text(arrow), title=str(_("Back to the citation"))
        )
        return span
    span += nodes.Text(arrow + " ")
    for index, (docname, place_id) in enumerate(backlinks):
        if index:
            span += nodes.Text(" ")
        text = _letters(index)
        span += refnode(
            builder, fromdocname, docname, place_id, nodes.Text(text), title=str(_("Back to the citation"))
        )
    return span


def _stop(text: str) -> nodes.Text:
    """The separator after a part of an entry: ``". "``, or a space if *text* ends a sentence already."""
    return nodes.Text(" " if text.endswith((".", "?", "!")) else ". ")


def entry_paragraph(
    builder: Builder, fromdocname: str, record: PaperRecord, backlinks: Backlinks
) -> nodes.paragraph:
    """Title (linked), authors, venue and year, DOI and arXiv links, note, back-links."""
    para = nodes.paragraph("", "", classes=["sw-papers-entry"])
    para += _link(record.title, record.url, ["sw-papers-title"])
    para += _stop(record.title)
    if record.authors:
        authors = ", ".join(record.authors)
        para += nodes.inline(authors, authors, classes=["sw-papers-authors"])
        para += _stop(authors)
    venue = ", ".join(part for part in (record.venue, record.year) if part)
    if venue:
        para += nodes.inline(venue, venue, classes=["sw-papers-venue"])
        para += _stop(venue)
    if record.doi:
        para += _link(
            f"doi:{record.doi}", "https://doi.org/" + quote(record.doi, safe="/:;()._-"), ["sw-papers-doi"]
        )
        para += nodes.Text(" ")
    if record.arxiv:
        para += _link(f"arXiv:{record.arxiv}", "https://arxiv.org/abs/" + record.arxiv, ["sw-papers-arxiv"])
        para += nodes.Text(" ")
    if record.note:
        para += nodes.inline(record.note, record.note, classes=["sw-papers-note"])
        para += nodes.Text(" ")
    if backlinks:
        para += _backlinks(builder, fromdocname, backlinks)
    if isinstance(para[-1], nodes.Text):
        para[-1] = nodes.Text(para[-1].astext().rstrip())
    return para


def render_list(
    builder: Builder,
    fromdocname: str,
    style: str,
    entries: Sequence[tuple[PaperRecord, Backlinks]],
) -> nodes.Element:
    """An enumerated list (``numbered``; its numbers are the citation labels) or a bullet list."""
    lst: nodes.Element
    if style == "numbered":
        lst = nodes.enumerated_list("", enumtype="arabic", prefix="", suffix=".")
    else:
        lst = nodes.bullet_list("", bullet="*")
    lst["classes"] = ["sw-papers-references", f"sw-papers-{style}"]
    html = builder.format == "html"
    for record, backlinks in entries:
        para = entry_paragraph(builder, fromdocname, record, backlinks)
        entry = nodes.list_item("", classes=["sw-papers-item"])
        if html:
            entry["ids"] = [record.anchor]
        else:  # LaTeX and others label targets, not list items
            para.insert(0, nodes.target("", "", ids=[record.anchor]))
        entry += para
        lst.append(entry)
    return lst
