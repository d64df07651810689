"""Footnote citations: ``{footcite}`key``` and the ``footreferences`` directive.

Each ``{footcite}`` becomes a footnote reference of the page, numbered after the page's own
auto-numbered footnotes (as docutils numbers them: 1, 2, ... per page). Its footnote holds the
formatted entry, in the entry style of the list that shows it. The footnotes of the citations
before a ``footreferences`` directive go there; those after the last one (or all, without one) go
at the end of the page. A key cited twice before the same ``footreferences`` shares one footnote.

Footnotes are made when the page is read (so every builder, LaTeX's ``\\footnote`` included, sees
standard docutils nodes); the entry in each is filled in at write time, when the domain knows every
listed paper (:class:`FillFootCitations`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.transforms import SphinxTransform
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxRole

from sphinx_workshop.anchors import own_ids
from sphinx_workshop.diagnostics import node_line, warn
from sphinx_workshop.directive_base import WorkshopDirective
from sphinx_workshop.domains import papers_domain
from sphinx_workshop.papers.nodes import FOOT_ATTR, footcite_entry, footcite_ref, footreferences_place
from sphinx_workshop.papers.records import place_prefix
from sphinx_workshop.papers.styles import entry_nodes
from sphinx_workshop.untrusted import clean_text

if TYPE_CHECKING:
    from docutils.nodes import Node, system_message

logger = logging.getLogger(__name__)

#: Where a footnote reference cannot show: its number would be in a heading, a caption (the table
#: of contents and LaTeX's section titles take no footnote link) or another footnote.
_CANNOT_SHOW: tuple[type[nodes.Element], ...] = (
    nodes.title,
    nodes.subtitle,
    nodes.caption,
    nodes.rubric,
    nodes.footnote,
    nodes.citation,
)


class FootCiteRole(SphinxRole):
    """``{footcite}`key``` or ``{footcite}`k1,k2```: footnote references, one per key."""

    def run(self) -> tuple[list[Node], list[system_message]]:
        """A placeholder the read-time transform makes footnote references of."""
        parts = [clean_text(part).strip() for part in self.text.split(",")]
        keys = [part for part in parts if part]
        if len(keys) < len(parts):
            warn(
                logger, "cite_empty", f"empty key in {{footcite}}`{self.text}`", location=self.get_location()
            )
        if not keys:
            return [], []
        node = footcite_ref("", "", keys=keys)
        self.set_source_info(node)
        return [node], []


class FootReferencesDirective(WorkshopDirective):
    """``footreferences``: the footnotes of this page's ``{footcite}`` citations since the last one."""

    takes_content = False

    def render(self) -> list[nodes.Node]:
        """A placeholder the read-time transform replaces with the footnotes."""
        node = footreferences_place()
        self.set_source_info(node)
        return [node]


def _misplaced(node: nodes.Element) -> str:
    """Why a footnote citation cannot show where it is: "" if it can, "unused" in a substitution."""
    parent = node.parent
    while parent is not None:
        if isinstance(parent, nodes.substitution_definition):
            return "unused"  # each use of the substitution is a copy, handled where it is used
        if isinstance(parent, _CANNOT_SHOW):
            return type(parent).__name__
        parent = parent.parent
    return ""


def _page_end(document: nodes.document) -> nodes.Element:
    """Where footnotes go at the end of a page: the last section (deepest), else the document."""
    where: nodes.Element = document
    while where.children and isinstance(where[-1], nodes.section):
        where = where[-1]
    return where


class PlaceFootCitations(SphinxTransform):
    """Make each ``{footcite}`` a numbered footnote reference and put its footnote in place.

    Priority 625: after docutils' ``Footnotes`` (620), which numbers the page's own footnotes
    (these continue after them), and MyST's ``CollectFootnotes`` (623), which moves every noted
    footnote to the end of the page (these stay where ``footreferences`` puts them); before
    Sphinx's ``FootnoteDocnameUpdater`` (700), which LaTeX and singlehtml need.
    """

    default_priority = 625

    def apply(self, **kwargs: Any) -> None:
        """Number the page's footnote citations, place their footnotes, and note the cited keys."""
        found: list[nodes.Element] = [
            node
            for node in self.document.findall(nodes.Element)
            if isinstance(node, (footcite_ref, footreferences_place))
        ]
        if not found:
            return
        self._prefix = place_prefix(self.env.docname)
        self._count = 0
        self._number = self.document.autofootnote_start
        pending: list[nodes.footnote] = []
        shared: dict[str, nodes.footnote] = {}  # key -> its footnote, until the next footreferences
        cited: list[str] = []
        for node in found:
            if isinstance(node, footreferences_place):
                if pending:
                    node.replace_self(self._container(pending))
                else:
                    node.parent.remove(node)
                pending, shared = [], {}
                continue
            where = _misplaced(node)
            if where == "unused":
                continue
            keys: list[str] = node["keys"]
            if where:
                warn(
                    logger,
                    "footcite_place",
                    f"{{footcite}}`{','.join(keys)}` cannot show a footnote in a {where}; "
                    "the keys are shown as text",
                    location=node_line(node),
                )
                node.replace_self(nodes.Text(", ".join(keys)))
                continue
            refs: list[Node] = []
            for key in keys:
                footnote = shared.get(key)
                if footnote is None:
                    footnote = shared[key] = self._footnote(key, node)
                    pending.append(footnote)
                    cited.append(key)
                refs.append(self._reference(footnote))
            node.replace_self(refs)
        if pending:
            _page_end(self.document).append(self._container(pending))
        self.document.autofootnote_start = self._number
        papers_domain(self.env).note_footcites(self.env.docname, cited)

    def _next_label(self) -> str:
        while str(self._number) in self.document.nameids:  # as docutils skips labels in use
            self._number += 1
        self._number += 1
        return str(self._number - 1)

    def _footnote(self, key: str, cited_at: nodes.Element) -> nodes.footnote:
        footnote = own_ids(nodes.footnote("", auto=1, classes=["sw-papers-footcite"], **{FOOT_ATTR: key}))
        footnote["ids"] = [f"{self._prefix}foot-{self._count}"]
        self._count += 1
        footnote.source, footnote.line = cited_at.source, cited_at.line
        footnote += nodes.label("", self._next_label())
        body = nodes.paragraph("", "")
        entry = footcite_entry("", "", key=key)
        entry.source, entry.line = cited_at.source, cited_at.line
        body += entry
        footnote += body
        self.document.set_id(footnote)
        return footnote

    def _reference(self, footnote: nodes.footnote) -> nodes.footnote_reference:
        label = footnote[0].astext()
        ref = own_ids(
            nodes.footnote_reference(
                "", label, auto=1, refid=footnote["ids"][0], **{FOOT_ATTR: footnote[FOOT_ATTR]}
            )
        )
        ref["ids"] = [f"{footnote['ids'][0]}-ref-{len(footnote['backrefs'])}"]
        self.document.set_id(ref)
        self.document.note_refid(ref)
        footnote.add_backref(ref["ids"][0])
        return ref

    @staticmethod
    def _container(footnotes: list[nodes.footnote]) -> nodes.container:
        return nodes.container("", *footnotes, classes=["sw-papers-footnotes"])


class FillFootCitations(SphinxPostTransform):
    """Put the formatted entry into each footnote citation (an unknown key: shown as written, warned).

    At write time (the entries of every page are known); priority 200, before LaTeX's footnote
    transforms (600) move footnote bodies into ``\\footnote``.
    """

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        """Fill every footnote citation of the document being written."""
        domain = papers_domain(self.env)
        for node in list(self.document.findall(footcite_entry)):
            key: str = node["key"]
            record = domain.entry(key)
            if record is None:
                warn(
                    logger,
                    "cite_unknown",
                    f"unknown paper key {key!r} in {{footcite}}{domain.did_you_mean(key)}",
                    location=node_line(node),
                )
                node.replace_self(nodes.Text(key))
                continue
            shown = entry_nodes(record, domain.entry_style(record), self.env)
            if shown and isinstance(shown[-1], nodes.Text):
                shown[-1] = nodes.Text(shown[-1].astext().rstrip())
            node.replace_self(shown)
