"""The ``papers`` domain: entries, lists and citation places per document, and their resolution.

Read-time data is stored per document (so ``clear_doc`` and ``merge_domaindata`` are exact).
What spans documents (numbers, back-links, which entry wins a duplicate key) is recomputed on
``env-updated``, never merged or pickled; a compact fingerprint of it is kept in the environment
so that the next build re-writes exactly the pages whose citations or lists changed.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.addnodes import pending_xref
from sphinx.domains import Domain, ObjType
from sphinx.util import logging

from sphinx_workshop.diagnostics import doc_line, node_line, warn
from sphinx_workshop.i18n import _
from sphinx_workshop.invalidation import digest, read_this_build
from sphinx_workshop.papers import numbering
from sphinx_workshop.papers.citethis import bibtex_of_paper
from sphinx_workshop.papers.directives import PaperDirective, ReferencesDirective, checked_record
from sphinx_workshop.papers.footnotes import FootCiteRole, FootReferencesDirective
from sphinx_workshop.papers.nodes import PLACE_ATTR
from sphinx_workshop.papers.records import (
    EMPTY_FINGERPRINT,
    ListRecord,
    PaperRecord,
    Places,
    as_records,
    place_prefix,
)
from sphinx_workshop.papers.render import refnode
from sphinx_workshop.papers.roles import CiteRole, PaperRole
from sphinx_workshop.papers.textual import FORMS, TextualCiteRole

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence, Set

    from docutils.nodes import Element
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)

#: What each document contributes, stored by docname (cleared, merged and compared alike).
_PER_DOCUMENT = ("entries", "lists", "cites", "anyrefs", "footcites")


class PapersDomain(Domain):
    """Papers listed by ``references`` directives and cited by ``{cite}`` (and its forms), ``{paper}``
    and ``{footcite}``."""

    name = "papers"
    label = _("Papers")
    object_types: ClassVar[dict[str, ObjType]] = {"paper": ObjType("paper", "paper")}
    directives: ClassVar[dict[str, Any]] = {
        "references": ReferencesDirective,
        "paper": PaperDirective,
        "footreferences": FootReferencesDirective,
    }
    #: ``{papers:cite:t}``: Sphinx splits a role name at its first colon, so "cite:t" is this domain's.
    roles: ClassVar[dict[str, Any]] = {
        "cite": CiteRole(),
        "paper": PaperRole(),
        "footcite": FootCiteRole(),
        **{f"cite:{form}": TextualCiteRole(form) for form in FORMS},
    }
    initial_data: ClassVar[dict[str, Any]] = {
        "entries": {},  # docname -> [Row] (PaperRecord fields as a plain tuple)
        "lists": {},  # docname -> [ListRecord]
        "cites": {},  # docname -> Places (the keys of each citation place)
        "anyrefs": {},  # docname -> the targets of its {any} roles (a paper's title may show there)
        "footcites": {},  # docname -> the keys of its {footcite} footnotes (their entries show there)
        "fingerprint": EMPTY_FINGERPRINT,  # what the last build's output depended on
        "order": [],  # documents in the order numbering used
        "project": None,  # (signature, rows) of papers_bibfiles: see papers.project
    }
    #: 5: {any} targets; 6: rich BibTeX records; 7: keywords, filters, project bib; 8: footnotes,
    #: cite this (BibTeX per entry); 9: the documents a build reads are no longer stored
    data_version = 9

    #: Numbers, labels and back-links. Kept on the domain object, not in the pickled environment:
    #: they are recomputed on every ``env-updated`` (only the compact fingerprint is stored).
    _derived: numbering.Derived | None = None
    #: list_id -> the output path of its .bib file (cite-this lists), set on every ``env-updated``
    #: for the builder of the build (:mod:`.export`); not pickled.
    bibfiles: Mapping[str, str] = MappingProxyType({})
    #: What the documents cleared in this build contributed before (to skip work when nothing changed).
    _previous: dict[str, tuple[Any, ...]] | None = None
    #: The project's bibliography by key and by case-folded key, for the rows it was made from.
    _project_index: tuple[object, dict[str, PaperRecord], dict[str, str]] | None = None

    @property
    def derived(self) -> numbering.Derived:
        """Numbers, labels and back-links, as computed once every document was read."""
        if self._derived is None:  # before the first env-updated of this process
            self._derived, _ = self._compute(self.env)
        return self._derived

    def _order(self, env: BuildEnvironment) -> list[str]:
        docnames = {*self.data["entries"], *self.data["lists"], *self.data["cites"]}
        return numbering.document_order(env.config.root_doc, env.toctree_includes, docnames)

    def _compute(
        self, env: BuildEnvironment, order: list[str] | None = None
    ) -> tuple[numbering.Derived, list[tuple[PaperRecord, PaperRecord]]]:
        order = self._order(env) if order is None else order
        with numbering.paused_gc():
            return numbering.compute(order, self.data["entries"], self.data["lists"], self.data["cites"])

    @property
    def papers(self) -> dict[str, PaperRecord]:
        """Every paper shown in a list, by key (the API other features use)."""
        return self.derived.papers

    def project_entries(self) -> tuple[PaperRecord, ...]:
        """The entries of the project's bibliography (``papers_bibfiles``), with no docname or list."""
        stored = self.data.get("project")
        return tuple(as_records(stored[1])) if stored else ()

    def entry(self, key: str) -> PaperRecord | None:
        """The paper of *key*: the listed entry if a list shows it, else the project bibliography's.

        Keys are compared as written, then ignoring case (as BibTeX does). A project entry that no
        list shows has an empty ``docname`` (nothing to link to).
        """
        record = self.derived.find(key)
        if record is not None:
            return record
        stored = self.data.get("project")
        if not stored:
            return None
        if self._project_index is None or self._project_index[0] is not stored:
            by_key = {record.key: record for record in as_records(stored[1])}
            self._project_index = (stored, by_key, {k.casefold(): k for k in reversed(by_key)})
        _, by_key, folded = self._project_index
        found = by_key.get(key)
        if found is None and key.casefold() in folded:
            found = by_key[folded[key.casefold()]]
        return found

    def _list(self, record: PaperRecord) -> ListRecord | None:
        for lst in self.data["lists"].get(record.docname, ()):
            if lst.list_id == record.list_id:
                found: ListRecord = lst
                return found
        return None

    def cite_style(self, record: PaperRecord) -> str:
        """The style of the list showing *record*: "numbered" (citations show numbers) or "list"."""
        lst = self._list(record)
        return lst.style if lst is not None else "numbered"

    def entry_style(self, record: PaperRecord) -> str:
        """The entry style *record* is shown in: its list's ``:entry-style:``, else ``papers_style``."""
        lst = self._list(record)
        return (lst.entry_style if lst is not None else "") or self.env.config.papers_style

    def did_you_mean(self, key: str) -> str:
        """What to add to the warning about an unknown *key*: the closest listed keys, or that only
        ``papers_bibfiles`` has it; "" if nothing helps."""
        if self.entry(key) is not None:  # in papers_bibfiles, but no list shows it
            return (
                "; it is in papers_bibfiles, but no references list shows it (a list with :cited-only: would)"
            )
        close = difflib.get_close_matches(key, self.papers.keys(), n=3, cutoff=0.75)
        return f"; did you mean {' or '.join(map(repr, close))}?" if close else ""

    # -- reading ------------------------------------------------------------------------------
    def note_list(self, record: ListRecord, entries: list[PaperRecord]) -> None:
        """Store a ``references`` list and its entries."""
        self.data["lists"].setdefault(record.docname, []).append(record)
        self.data["entries"].setdefault(record.docname, []).extend(map(tuple, entries))

    def note_papers(
        self,
        docname: str,
        lineno: int,
        papers: Sequence[Mapping[str, Any]],
        *,
        location: str,
        bibtex: Sequence[str] = (),
    ) -> list[str]:
        """Store papers another feature shows on page *docname* (an accepted paper's own page).

        Each mapping holds :class:`PaperRecord` fields (``key``, ``title``, ``authors``, ``venue``, ...),
        checked as a ``paper`` entry's are (a bad field warns at *location*). They form a list of their
        own that renders nowhere (the page shows them, at ``paper-<key>``): they are cited, linked and
        listed in ``objects.inv`` like every entry, with author-year labels. Returns each one's BibTeX:
        the one *bibtex* gives at its place, if the caller made it with :meth:`bibtex_of` from the same
        fields (a file of many papers' entries), else made here.
        """
        list_id = f"{docname}#{self.env.new_serialno('papers-list')}"
        record = ListRecord(
            list_id, docname, lineno, order="listed", style="list", sort="listed", cited_only=False
        )
        entries = [
            checked_record(dict(fields), location=location, docname=docname, list_id=list_id, lineno=lineno)
            for fields in papers
        ]
        made = [*bibtex, *[""] * len(entries)]
        entries = [
            entry._replace(bibtex=made[i] or bibtex_of_paper(entry)) for i, entry in enumerate(entries)
        ]
        self.note_list(record, entries)
        return [entry.bibtex for entry in entries]

    def bibtex_of(self, fields: Mapping[str, Any], *, docname: str, location: str) -> str:
        """The BibTeX :meth:`note_papers` returns for *fields* (shown on page *docname*), storing nothing:
        for a file of many papers' entries, each the one its page shows."""
        record = checked_record(dict(fields), location=location, docname=docname, list_id="", lineno=0)
        return bibtex_of_paper(record)

    def note_footcites(self, docname: str, keys: list[str]) -> None:
        """Store the keys of *docname*'s footnote citations (in footnote order)."""
        if keys:
            self.data["footcites"][docname] = tuple(keys)

    def process_doc(self, env: BuildEnvironment, docname: str, document: nodes.document) -> None:
        """Give each citation place an id (its back-link target) and record the keys it cites."""
        places: list[str] = []
        prefix = place_prefix(docname)
        for target in document.findall(nodes.target):
            keys = target.get(PLACE_ATTR)
            if keys is None:
                continue
            target["ids"] = [prefix + str(len(places))]
            places.append(keys)
        if places:
            self.data["cites"][docname] = tuple(places)
        anyrefs = sorted(
            {node["reftarget"] for node in document.findall(pending_xref) if node["reftype"] == "any"}
        )
        if anyrefs:
            self.data["anyrefs"][docname] = tuple(anyrefs)
        if self._lists_math(docname):
            # The math of entries appears at write time; Sphinx 7.4 decides on MathJax at read time
            # (the math domain reads documents before this domain, so this is not overwritten).
            math = env.domains.get("math")
            if math is not None and isinstance(math.data.get("has_equations"), dict):
                math.data["has_equations"][docname] = True

    def _lists_math(self, docname: str) -> bool:
        """Whether an entry listed in *docname* shows ``$...$`` math."""
        index = PaperRecord._fields.index("fields")
        return any(
            isinstance(rich, tuple) and any(segment[0] == "math" for segment in rich)
            for row in self.data["entries"].get(docname, ())
            for _, rich in row[index]
        )

    def clear_doc(self, docname: str) -> None:
        """Forget what *docname* contributed (remembering it until ``env-updated``)."""
        before = tuple(self.data[kind].pop(docname, None) for kind in _PER_DOCUMENT)
        if self._previous is None:
            self._previous = {}
        self._previous.setdefault(docname, before)  # type: ignore[arg-type]

    def _nothing_changed(self, fresh: Set[str], order: list[str]) -> bool:
        """Whether re-read pages cite exactly as before, list nothing, and no page with data went away.

        The live-preview case (editing the text of a page): numbers, back-links and lists stay as they
        were, so the derived data need not be compared again.
        """
        previous = self._previous or {}
        if order != self.data["order"]:
            return False
        for docname in fresh | previous.keys():
            entries, lists, cites, anyrefs, footcites = previous.get(docname, (None,) * len(_PER_DOCUMENT))
            if entries or lists or self.data["entries"].get(docname) or self.data["lists"].get(docname):
                return False
            if (cites or ()) != self.data["cites"].get(docname, ()):
                return False
            if (anyrefs or ()) != self.data["anyrefs"].get(docname, ()):
                return False
            if (footcites or ()) != self.data["footcites"].get(docname, ()):
                return False
        return True

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over what the documents read by a parallel worker contributed."""
        for kind in _PER_DOCUMENT:
            for docname, value in otherdata[kind].items():
                if docname in docnames:
                    self.data[kind][docname] = value

    # -- after reading ------------------------------------------------------------------------
    def update_derived(self, env: BuildEnvironment) -> set[str]:
        """Recompute the derived data; warn about duplicate keys; return the documents to re-write."""
        fresh = read_this_build(env)
        order = self._order(env)
        unchanged = self._nothing_changed(fresh, order)
        self._previous = None
        if unchanged:
            if self._derived is None:  # a new process: numbers are needed to write the re-read pages
                self._derived, _ = self._compute(env, order)
            return set()
        new, duplicates = self._compute(env, order)
        for duplicate, first in duplicates:
            if duplicate.docname in fresh or first.docname in fresh:
                warn(
                    logger,
                    "duplicate_key",
                    f"duplicate paper key {duplicate.key!r}{self._source(env, duplicate, ' from ')} "
                    f"(first listed at {env.doc2path(first.docname, False)}:{first.lineno}"
                    f"{self._source(env, first, ' from ')}); this entry is ignored",
                    location=doc_line(env, duplicate.docname, duplicate.lineno),
                )
        for lst, earlier in new.clashes:
            if lst.docname in fresh or earlier.docname in fresh:
                warn(
                    logger,
                    "bad_option",
                    f"label prefix {lst.prefix!r} is also the prefix of the list at "
                    f"{env.doc2path(earlier.docname, False)}:{earlier.lineno}; its citations would name "
                    f"two papers: this list's labels use {new.numbers[lst.list_id][1]!r}",
                    location=doc_line(env, lst.docname, lst.lineno),
                )
        cites: dict[str, Places] = self.data["cites"]
        current = numbering.fingerprint(new, cites, self.data["anyrefs"], self._footnote_signatures(new))
        old = self.data["fingerprint"]
        self._derived = new
        self.data["fingerprint"] = current
        self.data["order"] = order
        return numbering.affected_documents(old, current, fresh) & env.all_docs.keys()

    def _footnote_signatures(self, derived: numbering.Derived) -> dict[str, list[str]]:
        """docname -> what its footnote citations show: each entry as formatted, and its style."""
        signatures: dict[str, str] = {}
        pages: dict[str, list[str]] = {}
        for docname, keys in self.data["footcites"].items():
            parts = pages[docname] = []
            for key in keys:
                sig = signatures.get(key)
                if sig is None:
                    record = derived.find(key)
                    shown = record and record._replace(
                        docname="", list_id="", lineno=0, source="", source_line=0
                    )
                    style = self.entry_style(record) if record else ""
                    sig = signatures[key] = f"{key}\3{digest((shown, style)) if record else ''}"
                parts.append(sig)
        return pages

    @staticmethod
    def _source(env: BuildEnvironment, record: PaperRecord, prefix: str) -> str:
        """`` from papers.bib:12`` for a BibTeX entry (path relative to the source directory)."""
        if not record.source:
            return ""
        path = Path(record.source)
        shown = path.relative_to(env.srcdir) if path.is_relative_to(env.srcdir) else path
        return f"{prefix}{shown.as_posix()}:{record.source_line}"

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
        """A ``{cite}`` becomes its label, a ``{paper}`` the paper's title, linked to the entry."""
        record = self.derived.find(target)
        if record is None:
            return None
        if record.key != target:
            warn(
                logger,
                "cite_case",
                f"paper key {target!r} differs in case from the listed key {record.key!r}; "
                f"it resolves (BibTeX ignores case), but write {record.key!r}",
                location=node_line(node),
            )
        child: nodes.Node
        if typ == "cite":
            child = nodes.Text(self.derived.labels[record.key])
        elif typ.startswith("cite:") or node.get("refexplicit"):  # shaped by ShapeTextualCitations
            child = contnode
        else:
            child = nodes.inline(record.title, record.title, classes=contnode.get("classes", []))
        return refnode(builder, fromdocname, record.docname, record.anchor, child, record.title)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: pending_xref,
        contnode: Element,
    ) -> list[tuple[str, nodes.reference]]:
        """``{any}`` finds papers by key (exactly: other domains may hold the key in another case)."""
        if target not in self.papers:
            return []
        refnode = self.resolve_xref(env, fromdocname, builder, "paper", target, node, contnode)
        return [] if refnode is None else [("papers:paper", refnode)]

    def get_objects(self) -> Iterable[tuple[str, str, str, str, str, int]]:
        """Every shown paper, for ``objects.inv`` and the search index (display name: its title)."""
        return self.derived.objects
