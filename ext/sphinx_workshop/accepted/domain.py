"""The ``accepted`` domain: the sets of ``papers_accepted`` read in this build, and the indexes listing them.

The sets (:class:`~sphinx_workshop.accepted.pages.LoadedSet`) are read on ``builder-inited`` in the main
process and kept on the domain object, never in the pickled environment: parallel readers inherit them,
and a page is read again only when its text changed (:mod:`.pages`). The documents holding an
``accepted-papers`` index are stored per document, to find a set no index lists.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, ClassVar

from docutils import nodes
from sphinx.domains import Domain
from sphinx.util import logging

from sphinx_workshop.accepted.directives import CLASSES, AcceptedPaperDirective, AcceptedPapersDirective
from sphinx_workshop.assets import ASSET_FOLDER
from sphinx_workshop.config import conf_location
from sphinx_workshop.diagnostics import warn
from sphinx_workshop.i18n import _

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
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
        "indexes": {},  # docname -> the folders of the sets its accepted-papers directives list
        "signatures": {},  # folder -> what its export was last read from (its problems warned then)
        "groupings": {},  # folder -> the digest of its groups when last read (see pages.grouping)
    }
    data_version = 1
    #: folder -> the set read in this build (see :mod:`.pages`); not pickled.
    sets: dict[str, LoadedSet] = {}
    #: The folders of the sets whose groups differ from the last build's; not pickled.
    regrouped: frozenset[str] = frozenset()
    #: docname -> the set and page of the paper a generated page shows (read with :attr:`sets`).
    pages: dict[str, tuple[LoadedSet, Page]] = {}

    def note_index(self, docname: str, folder: str) -> None:
        """Record that *docname* lists the set of *folder*."""
        self.data["indexes"].setdefault(docname, []).append(folder)

    def clear_doc(self, docname: str) -> None:
        """Forget the indexes of *docname*."""
        self.data["indexes"].pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take over the indexes of the documents a parallel reader read."""
        for docname, folders in otherdata["indexes"].items():
            if docname in docnames:
                self.data["indexes"][docname] = folders


def check_listed(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-check-consistency``: warn about a set that no ``accepted-papers`` index lists."""
    domain: AcceptedDomain = env.get_domain("accepted")  # type: ignore[assignment]
    listed = {folder for folders in domain.data["indexes"].values() for folder in folders}
    for folder in sorted(domain.sets.keys() - listed):
        warn(
            logger,
            "accepted_unlisted",
            f"papers_accepted: no page lists the set {folder!r} (add an accepted-papers directive naming "
            "it); its papers have pages that no link reaches",
            location=conf_location(app, "papers_accepted"),
        )


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
