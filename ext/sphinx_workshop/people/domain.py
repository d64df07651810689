"""The ``people`` domain: the cards of each document, and ``{person}`` links resolved to them.

Cards and the people each document links to are stored per document (so ``clear_doc`` and
``merge_domaindata`` are exact). Which card wins a name two documents share (the first document by
name) is decided when asked, never merged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain, ObjType
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sphinx_workshop import invalidation
from sphinx_workshop.diagnostics import doc_line, warn
from sphinx_workshop.i18n import _
from sphinx_workshop.people.directives import (
    OrganizerDirective,
    OrganizersDirective,
    SpeakerDirective,
    SpeakersDirective,
    TalkAbstractDirective,
)
from sphinx_workshop.people.records import PersonRecord, anchor_for
from sphinx_workshop.people.roles import PersonRole

if TYPE_CHECKING:
    from collections.abc import Iterable, Set

    from docutils.nodes import Element
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


class PeopleDomain(Domain):
    """Organizer and speaker cards, linked to by ``{person}``."""

    name = "people"
    label = _("People")
    object_types: ClassVar[dict[str, ObjType]] = {"person": ObjType("person", "person")}
    directives: ClassVar[dict[str, Any]] = {
        "organizers": OrganizersDirective,
        "organizer": OrganizerDirective,
        "speakers": SpeakersDirective,
        "speaker": SpeakerDirective,
        "talk-abstract": TalkAbstractDirective,
    }
    roles: ClassVar[dict[str, Any]] = {"person": PersonRole()}
    initial_data: ClassVar[dict[str, Any]] = {
        "cards": {},  # docname -> [PersonRecord], in document order
        "refs": {},  # docname -> frozenset of the anchors its {person} roles link to
        "digests": {},  # docname -> digest of the cards its links show, as of the last build
        "slots": {},  # docname -> digest of its speakers' slots in the program, as of the last build
    }
    #: 2: per-page digests instead of a snapshot of the cards; 3: the speakers' slots; 4: the documents a
    #: build reads are no longer stored
    data_version = 4

    @property
    def people(self) -> dict[str, PersonRecord]:
        """Every card by anchor; of two cards of one person, the first document's (by name) wins."""
        index: dict[str, PersonRecord] = {}
        for docname in sorted(self.data["cards"]):
            for record in self.data["cards"][docname]:
                index.setdefault(record.anchor, record)
        return index

    def organizers(self) -> list[PersonRecord]:
        """Every organizer's card (the first of two cards of one person), by document then line.

        The public way for other features (the schedule's ``event``) to read the organizers.
        """
        cards = [record for record in self.people.values() if record.kind == "organizer"]
        return sorted(cards, key=lambda record: (record.docname, record.lineno))

    # -- reading ------------------------------------------------------------------------------
    def note_person(self, record: PersonRecord) -> None:
        """Store a card of the document being read."""
        self.data["cards"].setdefault(record.docname, []).append(record)

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Record which people the document links to, so a change to their cards re-writes it."""
        refs = frozenset(
            anchor_for(node["reftarget"])
            for node in document.findall(pending_xref)
            # {any} may resolve to a card too; an anchor no card has is never matched
            if node.get("refdomain") == self.name or node.get("reftype") == "any"
        )
        if refs:
            self.data["refs"][docname] = refs

    def clear_doc(self, docname: str) -> None:
        """Forget what *docname* contributed."""
        self.data["cards"].pop(docname, None)
        self.data["refs"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over what the documents read by a parallel worker contributed."""
        for kind in ("cards", "refs"):
            for docname, value in otherdata[kind].items():
                if docname in docnames:
                    self.data[kind][docname] = value

    # -- after reading ------------------------------------------------------------------------
    def update(self, env: BuildEnvironment) -> set[str]:
        """Warn about a person with cards in two documents; return the pages whose links changed."""
        fresh = invalidation.read_this_build(env)
        first: dict[str, PersonRecord] = {}
        for docname in sorted(self.data["cards"]):
            for record in self.data["cards"][docname]:
                earlier = first.setdefault(record.anchor, record)
                if earlier is not record and fresh & {earlier.docname, record.docname}:
                    where = f"{env.doc2path(earlier.docname, False)}:{earlier.lineno}"
                    warn(
                        logger,
                        "duplicate_person",
                        f"duplicate card for {record.name!r} (id {record.anchor!r}, first at {where}); "
                        "links go to the first",
                        location=doc_line(env, record.docname, record.lineno),
                    )
        current = {
            docname: invalidation.digest([first[a].shown() if a in first else None for a in sorted(refs)])
            for docname, refs in self.data["refs"].items()
        }
        stale = invalidation.changed(self.data["digests"], current, fresh)
        self.data["digests"] = current
        return stale & env.all_docs.keys()

    # -- resolving ----------------------------------------------------------------------------
    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> nodes.reference | None:
        """A link to the card; its text is the card's name unless the role gave one."""
        record = self.people.get(anchor_for(target))
        if record is None:
            return None
        child: nodes.Node = contnode
        if not node.get("refexplicit"):
            child = nodes.inline(record.name, record.name, classes=contnode.get("classes", []))
        title = f"{record.name}, {record.affiliation}" if record.affiliation else record.name
        return make_refnode(builder, fromdocname, record.docname, record.anchor, child, title=title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        """``{any}`` finds people by name."""
        refnode = self.resolve_xref(env, fromdocname, builder, "person", target, node, contnode)
        return [] if refnode is None else [("people:person", refnode)]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Every card, for ``objects.inv`` and the search index (by the person's name)."""
        for anchor, record in self.people.items():
            yield record.name, record.name, "person", record.docname, anchor, 1
