"""A page per accepted paper: the sets of ``papers_accepted`` read, grouped, and written as small pages.

On ``builder-inited`` (in the main process, before Sphinx looks for documents) each set's export is read
and its papers grouped (by decision, session or track) into the order of its index; each paper then gets
a page ``<folder>/<key>`` in the source folder, the way autosummary and sphinx-gallery write theirs:
three lines naming the set and the paper in the pages' own format (:mod:`.source`), whose parser renders
the paper from the data read here. A page is written only when its text changes, and its text holds a
digest of everything the page shows (the paper with its extras, its group, its neighbours' titles), so
Sphinx reads again exactly the pages of the rows that changed. Pages of papers no longer in the export
are removed; only files that start with :data:`MARKER` are ever written or removed (the set's ``.bib``,
:mod:`.bibfile`, is kept).

A set's extras file (:mod:`.extras`) is applied as the set is read. An index depends on neither file: a
digest of what it shows (:attr:`LoadedSet.index_digest`) is compared instead, so an edited abstract, link
or award reads that paper's page alone, and a moved session or a new title reads the index too
(:func:`~sphinx_workshop.accepted.domain.outdated_indexes`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from sphinx.util import logging

from sphinx_workshop.accepted.bibfile import bib_name, write_bib
from sphinx_workshop.accepted.extras import apply_extras, read_extras
from sphinx_workshop.accepted.read import read_export
from sphinx_workshop.accepted.records import key_for
from sphinx_workshop.accepted.settings import AcceptedSet, accepted_sets, pdf_url_for
from sphinx_workshop.accepted.source import SUFFIX, page_source
from sphinx_workshop.diagnostics import file_line, warn
from sphinx_workshop.domains import accepted_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.invalidation import digest

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_workshop.accepted.records import AcceptedPaper, Export

logger = logging.getLogger(__name__)

#: The first line of every page this module writes (in the comment syntax of the page's format).
MARKER = "Written by sphinx-workshop from an export of accepted papers (papers_accepted)"
_DECISION_RANKS = (("oral", 0), ("spotlight", 1), ("poster", 2))
_ACCEPT = re.compile(r"^\s*accept(?:ed)?\b\s*[-:\u2013(]?\s*(.*?)\)?\s*$", re.IGNORECASE)


class Page(NamedTuple):
    """One paper's page: its document, its group's label and its neighbours within the group."""

    docname: str
    paper: AcceptedPaper
    group: str
    previous: AcceptedPaper | None
    next: AcceptedPaper | None
    #: A digest of the paper as its page shows it (its row and file aside): the page's text and the
    #: set's ``.bib`` (:mod:`.bibfile`) are made again when it changes.
    signature: str = ""


class LoadedSet(NamedTuple):
    """A set of ``papers_accepted`` as read in this build."""

    settings: AcceptedSet
    #: The export's path, absolute.
    path: Path
    export: Export
    #: (label, papers) in the index's order; a label is "" when the set is not grouped.
    groups: tuple[tuple[str, tuple[AcceptedPaper, ...]], ...]
    #: key -> the paper's page.
    pages: dict[str, Page]
    #: The extras file's path, absolute; None when the set has none.
    extras: Path | None = None
    #: A digest of what the set's ``accepted-papers`` index shows (groups, keys, titles, authors and the
    #: keywords its search box matches).
    index_digest: str = ""


def group_label(paper: AcceptedPaper, group_by: str) -> str:
    """The label of *paper*'s group: "Oral" for "Accept (Oral)", the session or track as written."""
    if group_by == "none":
        return ""
    if group_by == "decision":
        found = _ACCEPT.match(paper.decision)
        label = (found[1] if found else paper.decision).strip(" ()")
        return label or str(_("Accepted papers"))
    value = paper.session if group_by == "session" else paper.track
    return value or str(_("Other papers"))


def _rank(label: str, group_by: str, first_seen: int) -> tuple[int, int]:
    if group_by == "decision":
        folded = label.casefold()
        for word, rank in _DECISION_RANKS:
            if word in folded:
                return rank, first_seen
        return len(_DECISION_RANKS), first_seen
    return 0, first_seen


def grouped(
    papers: tuple[AcceptedPaper, ...], group_by: str
) -> tuple[tuple[str, tuple[AcceptedPaper, ...]], ...]:
    """The papers by group, in the export's order within each; groups of a decision go oral, spotlight,
    poster, then the others, and sessions and tracks in the order they first appear."""
    groups: dict[str, list[AcceptedPaper]] = {}
    for paper in papers:
        groups.setdefault(group_label(paper, group_by), []).append(paper)
    order = sorted(enumerate(groups), key=lambda item: _rank(item[1], group_by, item[0]))
    return tuple((label, tuple(groups[label])) for _index, label in order)


def load_set(srcdir: Path, settings: AcceptedSet) -> LoadedSet:
    """Read the export of *settings* and lay out its pages."""
    path = srcdir / settings.export
    export = read_export(path, format=settings.format, encoding=settings.encoding)
    if settings.key_prefix:
        papers = tuple(paper._replace(key=key_for(settings.key_prefix, paper.id)) for paper in export.papers)
        export = export._replace(papers=papers)
    if settings.pdf_url:
        papers = tuple(
            paper if paper.pdf else paper._replace(pdf=pdf_url_for(settings.pdf_url, paper.id))
            for paper in export.papers
        )
        export = export._replace(papers=papers)
    extras = srcdir / settings.extras if settings.extras else None
    if extras is not None:
        found = read_extras(extras)
        papers, unknown = apply_extras(export.papers, found)
        export = export._replace(papers=papers, problems=export.problems + found.problems + unknown)
    groups = grouped(export.papers, settings.group_by)
    pages = {}
    for label, papers in groups:
        for index, paper in enumerate(papers):
            previous = papers[index - 1] if index else None
            following = papers[index + 1] if index + 1 < len(papers) else None
            signature = digest(paper._replace(row=0, source=""))
            pages[paper.key] = Page(
                f"{settings.folder}/{paper.key}", paper, label, previous, following, signature
            )
    shown = [(label, [(p.key, p.title, p.authors, p.keywords) for p in papers]) for label, papers in groups]
    return LoadedSet(settings, path, export, groups, pages, extras, digest((settings, shown)))


def page_text(page: Page, settings: AcceptedSet) -> str:
    """The source of *page* (:mod:`.source`): the marker with a digest of what the page shows, its set
    and its paper."""
    neighbours = [(p.key, p.title) for p in (page.previous, page.next) if p is not None]
    stamp = digest((page.signature, page.group, neighbours, settings))
    return page_source(f"{MARKER}: do not edit. {stamp}", settings.folder, page.paper.key)


def _ours(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8", errors="replace") as file:
            return MARKER in file.read(400)
    except OSError:
        return False


def write_pages(app: Sphinx, loaded: LoadedSet) -> None:
    """Write the pages of *loaded* whose text changed; remove the pages of papers no longer read."""
    folder = Path(app.srcdir, loaded.settings.folder)
    if not folder.is_dir():
        folder.mkdir(parents=True, exist_ok=True)
        (folder / ".gitignore").write_text(f"# {MARKER}: the pages here are written by every build.\n*\n")
    wanted = {bib_name(loaded.settings)}  # written by :mod:`.bibfile`, with the marker too
    for page in loaded.pages.values():
        path = folder / f"{page.paper.key}{SUFFIX}"
        wanted.add(path.name)
        text = page_text(page, loaded.settings)
        try:
            if path.read_text(encoding="utf-8") == text:
                continue
        except OSError:
            pass
        path.write_text(text, encoding="utf-8")
    for path in folder.iterdir():
        if path.name not in wanted and path.is_file() and path.name != ".gitignore" and _ours(path):
            path.unlink()


def _stat(path: Path) -> tuple[str, int, int]:
    try:
        stat = path.stat()
    except OSError:
        return (str(path), -1, -1)
    return (str(path), stat.st_mtime_ns, stat.st_size)


def signature(loaded: LoadedSet) -> tuple[object, ...]:
    """What the set was read from: the export's (and extras file's) path, modification time and size,
    and its settings."""
    extras = _stat(loaded.extras) if loaded.extras is not None else ()
    return (*_stat(loaded.path), loaded.settings, *extras)


def warn_problems(loaded: dict[str, LoadedSet], previous: dict[str, object]) -> dict[str, object]:
    """Warn about the problems of each export read anew (its signature is not *previous*'s), once per
    problem even when sets share the export; the signatures of this build."""
    current: dict[str, object] = {folder: signature(each) for folder, each in loaded.items()}
    seen = set()
    for folder, each in loaded.items():
        if previous.get(folder) == current[folder]:
            continue
        for problem in each.export.problems:
            if problem in seen:
                continue
            seen.add(problem)
            warn(logger, problem.subtype, problem.message, location=file_line(problem.source, problem.row))
    return current


def read_pages_first(app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    """``env-before-read-docs``: read the generated pages before the other documents (in place, in
    their order otherwise), and forget the indexes read again before any page.

    Before reading a document again Sphinx forgets it in every toctree entry it holds (its toctree
    collector scans them all). Read after their index, whose toctree lists them, N pages would each
    scan the N entries: 25 million steps for 5,000 papers, most of such a build. Read first, each
    scans the few entries of the pages read before it; and an index that this build reads again (a
    setting changed) is forgotten first, as Sphinx would forget it before reading it, so that its
    previous build's entries are not scanned either (nor by ``-j``, which forgets every document first).
    """
    domain = accepted_domain(env)
    generated = domain.pages
    if not generated:
        return
    docnames.sort(key=lambda docname: docname not in generated)  # a stable sort
    for docname in sorted(domain.data["indexes"].keys() & set(docnames)):
        app.emit("env-purge-doc", env, docname)
        env.clear_doc(docname)


def on_builder_inited(app: Sphinx) -> None:
    """Read every set of ``papers_accepted``, warn about its export's problems and write its pages; the
    sets are kept for the directives."""
    loaded = {}
    for settings in accepted_sets(app):
        current = load_set(Path(app.srcdir), settings)
        write_pages(app, current)
        write_bib(app.env, current)
        loaded[settings.folder] = current
    domain = accepted_domain(app.env)
    domain.sets = loaded
    domain.pages = {page.docname: (each, page) for each in loaded.values() for page in each.pages.values()}
    domain.data["signatures"] = warn_problems(loaded, domain.data.setdefault("signatures", {}))
