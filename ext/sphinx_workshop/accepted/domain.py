"""The ``accepted`` domain: the sets of ``papers_accepted`` read in this build, and the indexes listing them.

The sets (:class:`~sphinx_workshop.accepted.pages.LoadedSet`) are read on ``builder-inited`` in the main
process and kept on the domain object, never in the pickled environment: parallel readers inherit them,
and a page is read again only when its text changed (:mod:`.pages`). The documents holding an
``accepted-papers`` index are stored per document with a digest of what the index showed, to find a set
no index lists and to read an index again only when what it shows changed (:func:`outdated_indexes`):
editing a paper's abstract in the export reads that paper's page, not the index of 5,000 papers.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain
from sphinx.util import logging
from sphinx.util.nodes import make_refnode

from sphinx_workshop.accepted.directives import (
    CLASSES,
    PAGE_LINK,
    AcceptedPaperDirective,
    AcceptedPapersDirective,
)
from sphinx_workshop.assets import ASSET_FOLDER
from sphinx_workshop.config import conf_location
from sphinx_workshop.diagnostics import warn
from sphinx_workshop.i18n import _

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx import addnodes
    from sphinx.application import Sphinx
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

    from sphinx_workshop.accepted.pages import LoadedSet, Page

logger = logging.getLogger(__name__)


class AcceptedDomain(Domain):
    """Accepted papers read from review-system exports: the ``papers`` index and a ``paper`` page each."""

    name = "accepted"
    label = _("Accepted papers")
    directives: ClassVar[dict[str, Any]] = {
        "papers": AcceptedPapersDirective,
        "paper": AcceptedPaperDirective,
    }
    initial_data: ClassVar[dict[str, Any]] = {
        # docname -> [folder, digest of what the index showed] of its accepted-papers directives
        "indexes": {},
        "signatures": {},  # folder -> what its export was last read from (its problems warned then)
        "bibtex": {},  # folder -> {key: (digest of its citation fields, its BibTeX)}, as of the last build
        # docname -> (title, abstract) of the paper its page shows, as plain text: filled while reading
        # (parallel readers' too, merged), emptied into read_plain after reading (not pickled)
        "plain": {},
    }
    data_version = 4  # 3: each set's BibTeX per paper, kept between builds; 4: plain title and abstract
    #: folder -> the set read in this build (see :mod:`.pages`); not pickled.
    sets: dict[str, LoadedSet] = {}
    #: docname -> the set and page of the paper a generated page shows (read with :attr:`sets`).
    pages: dict[str, tuple[LoadedSet, Page]] = {}

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: docname -> the plain (title, abstract) of the pages read in this build (:meth:`keep_plain`).
        self.read_plain: dict[str, tuple[str, str]] = {}

    def note_index(self, docname: str, folder: str, shown: str) -> None:
        """Record that *docname* lists the set of *folder*, showing what the digest *shown* sums up."""
        self.data["indexes"].setdefault(docname, []).append((folder, shown))

    def note_plain(self, docname: str, title: str, abstract: str) -> None:
        """Record the plain text of the title and abstract the paper's page *docname* shows (made from
        the nodes the page shows, for its ``<head>``: the page may be written again without being read)."""
        self.data["plain"][docname] = (title, abstract)

    def plain(self, docname: str) -> tuple[str, str] | None:
        """The (title, abstract) :meth:`note_plain` recorded for *docname*, if this build read it (asked
        when writing, after :meth:`keep_plain`)."""
        return self.read_plain.get(docname)

    def keep_plain(self) -> None:
        """After reading: keep the recorded texts in memory for writing, out of the data Sphinx pickles
        (every abstract of the export again, 10 MB for 5,000 papers, loaded by every later build)."""
        self.read_plain.update(self.data["plain"])
        self.data["plain"].clear()

    def resolve_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        typ: str,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> nodes.reference | None:
        """A link to the paper page *target* (``page``: the index's titles, previous and next), showing
        *contnode* as it is, for every builder."""
        if typ != PAGE_LINK or target not in env.all_docs:
            return None
        return make_refnode(builder, fromdocname, target, None, contnode)

    def resolve_any_xref(
        self,
        env: BuildEnvironment,
        fromdocname: str,
        builder: Builder,
        target: str,
        node: addnodes.pending_xref,
        contnode: nodes.Element,
    ) -> list[tuple[str, nodes.reference]]:
        """Nothing: a page is linked by its index alone (``{any}`` finds the paper in the papers domain)."""
        return []

    def bibtex(self, folder: str, key: str) -> str:
        """The BibTeX of the paper *key* in the ``.bib`` of the set of *folder* (made on ``builder-inited``
        from the fields its page shows), or ""."""
        entry: tuple[str, str] = self.data["bibtex"].get(folder, {}).get(key, ("", ""))
        return entry[1]

    def clear_doc(self, docname: str) -> None:
        """Forget the indexes and the paper's texts of *docname*."""
        self.data["indexes"].pop(docname, None)
        self.data["plain"].pop(docname, None)
        self.read_plain.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over the indexes and the papers' texts of the documents a parallel reader read."""
        for kind in ("indexes", "plain"):
            for docname, value in otherdata[kind].items():
                if docname in docnames:
                    self.data[kind][docname] = value


def keep_plain_texts(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the pages' plain texts leave the pickled data (:meth:`AcceptedDomain.keep_plain`)."""
    domain: AcceptedDomain = env.get_domain("accepted")  # type: ignore[assignment]
    domain.keep_plain()
    return []


def check_listed(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: warn about a set that no ``accepted-papers`` index lists."""
    domain: AcceptedDomain = env.get_domain("accepted")  # type: ignore[assignment]
    listed = {folder for indexes in domain.data["indexes"].values() for folder, _shown in indexes}
    for folder in sorted(domain.sets.keys() - listed):
        warn(
            logger,
            "accepted_unlisted",
            f"papers_accepted: no page lists the set {folder!r} (add an accepted-papers directive naming "
            "it); its papers have pages that no link reaches",
            location=conf_location(app, "papers_accepted"),
        )


def outdated_indexes(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """``env-get-outdated``: the documents whose index shows a set that changed (or is gone)."""
    domain: AcceptedDomain = env.get_domain("accepted")  # type: ignore[assignment]
    current = {folder: each.index_digest for folder, each in domain.sets.items()}
    return [
        docname
        for docname, indexes in domain.data["indexes"].items()
        if docname not in removed and any(current.get(folder) != shown for folder, shown in indexes)
    ]


#: The stylesheet of the index and the papers' pages, added to the pages that show one of them.
STYLESHEET = "accepted.css"


def add_stylesheet(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    """``html-page-context``: the stylesheet on the pages holding an index or a paper."""
    if doctree is not None and any(
        CLASSES.intersection(node["classes"]) for node in doctree.findall(nodes.Element)
    ):
        app.add_css_file(f"{ASSET_FOLDER}/{STYLESHEET}")
