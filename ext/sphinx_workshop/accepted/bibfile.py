"""The ``.bib`` of a whole set of accepted papers, and the index's link to download it.

Each paper's entry is made as its page's "Cite this paper" is: the same fields (:func:`citation_fields`)
through the ``papers`` domain's public ``bibtex_of`` (the check and writer its ``note_papers`` uses), so
the file and the pages cannot disagree. Design: the file is written on ``builder-inited`` (with the pages,
in the main process) as ``<folder>/<last part of folder>.bib`` beside the generated pages in the source
folder, only when its text changes, and the index links it with a ``download_reference``. Sphinx then
copies it to ``_downloads/`` for html, dirhtml and singlehtml and records it as a dependency of the index,
so a build whose export changed re-reads the index and copies the new file; no builder-specific output
code is needed. EPUB (its builder has no download support), LaTeX and text cannot hold a download: there
:class:`DropDownloadLink` leaves the link out rather than show text that leads nowhere. The file starts
with the pages' :data:`~.pages.MARKER` and the stale-page cleanup keeps it by name (:func:`bib_name`).
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from sphinx_workshop.accepted import markdown
from sphinx_workshop.domains import accepted_domain, papers_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.invalidation import digest

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_workshop.accepted.pages import LoadedSet
    from sphinx_workshop.accepted.records import AcceptedPaper
    from sphinx_workshop.accepted.settings import AcceptedSet


#: The class of the index's download paragraph.
_DOWNLOAD = "sw-accepted-download"


def citation_fields(
    settings: AcceptedSet, paper: AcceptedPaper, plain_title: str | None = None
) -> dict[str, Any]:
    """The ``papers`` domain's fields of *paper* (what its BibTeX and citations show); *plain_title*, its
    title as :func:`~.markdown.plain` gives it, when the caller has it already."""
    return {
        "key": paper.key,
        "title": markdown.plain(paper.title, title=True) if plain_title is None else plain_title,
        "url": paper.pdf or paper.forum,
        "authors": [author.name for author in paper.authors],
        "surnames": [author.name.split()[-1] for author in paper.authors if author.name.split()],
        "venue": settings.venue,
        "year": settings.year,
        "keywords": list(paper.keywords),
    }


def bib_name(settings: AcceptedSet) -> str:
    """The file name of the set's ``.bib``: ``papers.bib`` for the folder ``papers`` (or ``x/papers``)."""
    return f"{posixpath.basename(settings.folder)}.bib"


def bib_text(env: BuildEnvironment, loaded: LoadedSet) -> str:
    """Every paper's BibTeX, in the index's order, under a comment line holding the pages' marker.

    A paper's BibTeX is a function of the paper and the set's venue and year, so the one the last build
    made is kept (in the accepted domain's data, under a digest of those, from the page's
    :attr:`~.pages.Page.signature`) and made again only when they changed: editing one row of a large
    export makes one entry, not every one.
    """
    from sphinx_workshop.accepted.pages import MARKER

    papers_feature = papers_domain(env)
    kept: dict[str, dict[str, tuple[str, str]]] = accepted_domain(env).data.setdefault("bibtex", {})
    previous = kept.get(loaded.settings.folder, {})
    current: dict[str, tuple[str, str]] = {}
    entries = []
    # The page's directive warns about a field it cannot use; the same check here stays quiet.
    with logging.suppress_logging():
        for _label, papers in loaded.groups:
            for paper in papers:
                page = loaded.pages[paper.key]
                signature = digest((page.signature, loaded.settings.venue, loaded.settings.year))
                signed, bibtex = previous.get(paper.key, ("", ""))
                if signed != signature:
                    bibtex = papers_feature.bibtex_of(
                        citation_fields(loaded.settings, paper),
                        docname=page.docname,
                        location="",
                    )
                current[paper.key] = (signature, bibtex)
                entries.append(bibtex.strip("\n") + "\n")
    kept[loaded.settings.folder] = current
    # no text of the export in the comment: an "@" there would start an entry
    return f"% {MARKER}: do not edit.\n\n" + "\n".join(entries)


def write_bib(env: BuildEnvironment, loaded: LoadedSet) -> None:
    """Write the set's ``.bib`` beside its pages, only when its text changed (its time stamp tells Sphinx
    to copy it and re-read the index)."""
    path = Path(env.srcdir, loaded.settings.folder, bib_name(loaded.settings))
    text = bib_text(env, loaded)
    try:
        if path.read_text(encoding="utf-8") == text:
            return
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def download_link(loaded: LoadedSet, docname: str) -> nodes.paragraph:
    """The index's "Download all as BibTeX (.bib)" link (resolved and copied by Sphinx for *docname*)."""
    label = str(_("Download all as BibTeX (.bib)"))
    ref = addnodes.download_reference(
        "",
        "",
        refdoc=docname,
        refdomain="",
        reftype="download",
        refexplicit=True,
        reftarget=f"/{loaded.settings.folder}/{bib_name(loaded.settings)}",
    )
    ref += nodes.inline(label, label)
    return nodes.paragraph("", "", ref, classes=[_DOWNLOAD])


class DropDownloadLink(SphinxPostTransform):
    """Leave the index's download link out where the builder cannot copy a download (EPUB, LaTeX, text)."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        """Remove each link paragraph unless the builder supports downloads."""
        if getattr(self.app.builder, "download_support", False):
            return
        for node in list(self.document.findall(nodes.paragraph)):
            if _DOWNLOAD in node["classes"]:
                node.parent.remove(node)
