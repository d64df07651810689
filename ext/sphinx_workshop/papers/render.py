"""Docutils nodes of a references list: standard lists, paragraphs and references only."""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from sphinx.util.nodes import make_refnode

from sphinx_workshop.i18n import _
from sphinx_workshop.papers.citethis import disclosure
from sphinx_workshop.papers.memo import (
    build_context,
    entry_key,
    entry_memo,
    memo_paragraph,
    page_hasher,
    uses_memo,
)
from sphinx_workshop.papers.numbering import letters, paused_gc
from sphinx_workshop.papers.styles import DEFAULT_STYLE, entry_nodes

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
        text = letters(index)
        span += refnode(
            builder, fromdocname, docname, place_id, nodes.Text(text), title=str(_("Back to the citation"))
        )
    return span


def entry_paragraph(
    builder: Builder,
    fromdocname: str,
    record: PaperRecord,
    backlinks: Backlinks,
    style: str,
    cls: type[nodes.paragraph] = nodes.paragraph,
    *,
    label: str = "",
) -> nodes.paragraph:
    """The entry of *record* in the named *style* (after its *label*, if any), then its back-links."""
    para = cls("", "", classes=["sw-papers-entry"])
    if label:
        para += nodes.inline(f"{label}.", f"{label}.", classes=["sw-papers-label"])
        para += nodes.Text(" ")
    para.extend(entry_nodes(record, style, builder.env))
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
    entry_style: str = DEFAULT_STYLE,
    *,
    start: int = 1,
    labels: Sequence[str] | None = None,
    cite_this: bool = False,
) -> nodes.Element:
    """An enumerated list (``numbered``; its numbers, from *start*, are the citation labels) or a bullet list.

    With *labels* (a numbered list with its own label prefix: ``B1``, ``B2``), a bullet list whose
    entries begin with their labels, which no builder's enumerated list can show.

    With *cite_this*, each entry holding its BibTeX is followed by its disclosure (:mod:`.citethis`).
    """
    # Thousands of small nodes in a burst: without the pause, the cyclic garbage collector runs over
    # the whole environment again and again meanwhile (1.7 s of 4.8 s under cProfile, 10,000 entries).
    with paused_gc():
        return _render_list(builder, fromdocname, style, entries, entry_style, start, labels, cite_this)


def _render_list(
    builder: Builder,
    fromdocname: str,
    style: str,
    entries: Sequence[tuple[PaperRecord, Backlinks]],
    entry_style: str,
    start: int = 1,
    labels: Sequence[str] | None = None,
    cite_this: bool = False,
) -> nodes.Element:
    lst: nodes.Element
    if style == "numbered" and labels is None:
        lst = nodes.enumerated_list("", enumtype="arabic", prefix="", suffix=".")
        if start != 1:
            lst["start"] = start
    else:
        lst = nodes.bullet_list("", bullet="*")
    lst["classes"] = ["sw-papers-references", f"sw-papers-{style}"]
    if labels is not None:
        lst["classes"].append("sw-papers-labelled")
    html = builder.format == "html"
    memo = entry_memo(builder) if uses_memo(builder) else None
    page = page_hasher(build_context(builder), fromdocname) if memo is not None else None
    group = f"{builder.name}:{fromdocname}"
    for index, (record, backlinks) in enumerate(entries):
        label = labels[index] if labels is not None else ""
        para: nodes.paragraph
        if memo is None:
            para = entry_paragraph(builder, fromdocname, record, backlinks, entry_style, label=label)
        else:
            key = entry_key(page, (tuple(record), backlinks, entry_style, label))
            found = memo.get(group, key)
            if found is None:
                para = entry_paragraph(
                    builder, fromdocname, record, backlinks, entry_style, memo_paragraph, label=label
                )
            else:  # its HTML is reused; its words still reach the search index
                para = memo_paragraph("", found[1], classes=["sw-papers-entry"], memo_hit=True)
            para["memo_group"], para["memo_key"] = group, key
        entry = nodes.list_item("", classes=["sw-papers-item"])
        if html:
            entry["ids"] = [record.anchor]
        else:  # LaTeX and others label targets, not list items
            para.insert(0, nodes.target("", "", ids=[record.anchor]))
        entry += para
        if cite_this and record.bibtex:
            entry += disclosure(record)
        lst.append(entry)
    return lst
