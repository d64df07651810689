"""The ``accepted-papers`` index of a set and the ``accepted-paper`` page of one paper.

Both render from the sets read on ``builder-inited`` (:mod:`.pages`), never from text: titles and
abstracts go through :mod:`.markdown`, so an export's raw HTML shows as text and only http(s) links
come out. A paper's page registers the paper with the ``papers`` domain (through its public
``note_papers``), so ``{cite}``, ``{paper}``, ``{any}``, the schedule and ``objects.inv`` know it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes

from sphinx_workshop.accepted import markdown
from sphinx_workshop.accepted.bibfile import citation_fields, download_link
from sphinx_workshop.accepted.search import search_box
from sphinx_workshop.anchors import own_ids
from sphinx_workshop.directive_base import OptionSpec, WorkshopDirective
from sphinx_workshop.domains import accepted_domain, papers_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.slots import program_slots

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

    from sphinx_workshop.accepted.pages import LoadedSet, Page
    from sphinx_workshop.accepted.records import AcceptedPaper

#: Marks the toctree of a set's pages (its value: the set's folder); see :mod:`.navigation`.
PAGES_TOCTREE = "workshop_accepted_pages"
#: The classes of the index's and a paper page's outer element (they load the page's stylesheet).
CLASSES = frozenset({"sw-accepted-index", "sw-accepted-paper"})
#: The class that keeps an element out of Sphinx's search index (from Sphinx 8; 7.4 indexes it).
NO_SEARCH = "no-search"
#: The ``reftype`` of a link to a paper's page (the ``accepted`` domain resolves it).
PAGE_LINK = "page"
#: The id of a paper on its page (the ``papers`` domain links ``paper-<key>``).
_PAPER_ID = "paper-{}"


def _authors(paper: AcceptedPaper) -> nodes.paragraph:
    para = nodes.paragraph("", "", classes=["sw-accepted-authors"])
    for index, author in enumerate(paper.authors):
        if index:
            para += nodes.Text(", ")
        para += nodes.inline(author.name, author.name, classes=["sw-accepted-author"])
        if author.affiliation:
            text = f" ({author.affiliation})"
            para += nodes.inline(text, text, classes=["sw-accepted-affiliation"])
    return para


def _author_line(paper: AcceptedPaper) -> nodes.paragraph:
    """The authors as one text, for an index entry: the paper's page has the structured form
    (:func:`_authors`); an index of thousands of papers stays a small tree to transform and write."""
    text = ", ".join(
        f"{author.name} ({author.affiliation})" if author.affiliation else author.name
        for author in paper.authors
    )
    return nodes.paragraph(text, text, classes=["sw-accepted-authors"])


def _doc_link(docname: str, title: list[nodes.Node], classes: list[str]) -> addnodes.pending_xref:
    """A link to the paper page *docname* showing *title* as it is (markup, math and *classes* kept:
    Sphinx's ``std:doc`` would show its text only), resolved for every builder by the ``accepted``
    domain."""
    ref = addnodes.pending_xref(
        "", refdomain="accepted", reftype=PAGE_LINK, reftarget=docname, refexplicit=True, refwarn=True
    )
    ref += nodes.inline("", "", *title, classes=classes)
    return ref


class _SetDirective(WorkshopDirective):
    takes_argument = True

    def loaded_set(self, folder: str) -> LoadedSet | None:
        """The set of *folder*, or None after a located warning."""
        sets = accepted_domain(self.env).sets
        found = sets.get(folder.strip().strip("/"))
        if found is None:
            known = ", ".join(repr(name) for name in sets) or "none"
            self.warn_at(
                "bad_argument",
                f"{folder!r} is not a set of papers_accepted (the sets: {known}); the {self.name} directive "
                "is left out",
            )
        return found


class AcceptedPapersDirective(_SetDirective):
    """The index of a set: its papers by group, each linking its page (argument: the set's folder)."""

    takes_content = False
    option_spec = OptionSpec({"class": directives.class_option})

    def render(self) -> list[nodes.Node]:
        """The grouped list, then the hidden toctree of the papers' pages (kept out of the navigation)."""
        loaded = self.loaded_set(self.argument) if self.argument else None
        if loaded is None:
            return []
        # no note_dependency on the export: an edit of a row that the index does not show (an abstract)
        # would read the whole index again; the domain compares what it shows instead (domain.py)
        accepted_domain(self.env).note_index(self.env.docname, loaded.settings.folder, loaded.index_digest)
        index = nodes.container(classes=["sw-accepted-index", *self.options.get("class", [])])
        self.set_source_info(index)
        index += search_box(loaded, self.state.document)
        index += download_link(loaded, self.env.docname)
        for label, papers in loaded.groups:
            if label:
                index += nodes.rubric(label, label, classes=["sw-accepted-group"])
            items = nodes.bullet_list(classes=["sw-accepted-list"])
            for paper in papers:
                page = loaded.pages[paper.key]
                item = nodes.list_item(classes=["sw-accepted-entry"])
                title = nodes.paragraph("", "", classes=["sw-accepted-title"])
                title += _doc_link(page.docname, markdown.inline(paper.title), ["sw-accepted-title-text"])
                item += title
                if paper.authors:
                    item += _author_line(paper)
                items += item
            index += items
        # No "caption" key at all (not even None): the LaTeX builder names its contents after the first
        # toctree of the root document that has that key, and this hidden one must not hide the user's.
        toctree = addnodes.toctree(
            parent=self.env.docname,
            entries=[(None, page.docname) for page in loaded.pages.values()],
            includefiles=[page.docname for page in loaded.pages.values()],
            maxdepth=-1,
            glob=False,
            hidden=True,
            includehidden=False,
            numbered=0,
            titlesonly=True,
        )
        toctree[PAGES_TOCTREE] = loaded.settings.folder
        self.set_source_info(toctree)
        return [index, nodes.compound("", toctree, classes=["toctree-wrapper"])]


class AcceptedPaperDirective(_SetDirective):
    """One paper's page (argument: its key; ``:set:``: its set's folder): what :func:`paper_section`
    makes, where a page of one's own shows a paper (the generated pages are read by :mod:`.source`)."""

    takes_content = False
    option_spec = OptionSpec({"set": directives.unchanged_required})

    def render(self) -> list[nodes.Node]:
        """The paper's section: title, authors, decision, links, abstract, BibTeX, previous and next."""
        if "set" not in self.options:
            self.warn_at(
                "missing_option",
                "the accepted-paper directive needs :set: (the folder of its set in papers_accepted); "
                "it is left out",
            )
            return []
        loaded = self.loaded_set(str(self.options["set"]))
        if loaded is None:
            return []
        page = loaded.pages.get(self.argument)
        if page is None:
            self.warn_at(
                "bad_argument",
                f"no paper of the set {loaded.settings.folder!r} has the key {self.argument!r}; "
                "it is left out",
            )
            return []
        source, line = self.get_source_info()
        section = paper_section(
            self.env,
            self.state.document,
            loaded,
            page,
            source=source,
            lineno=line,
            location=self.location_of(),
        )
        return [section]


def paper_section(
    env: BuildEnvironment,
    document: nodes.document,
    loaded: LoadedSet,
    page: Page,
    *,
    source: str,
    lineno: int,
    location: str,
) -> nodes.section:
    """A paper's section in *document* (the page *env* is reading, at *lineno* of *source*): title,
    authors, decision, links, abstract, BibTeX, previous and next. It registers the paper with the
    ``papers`` domain (warnings about its fields at *location*) and records the page's plain texts."""
    paper = page.paper
    anchor = _PAPER_ID.format(paper.key)
    section = own_ids(nodes.section("", ids=[anchor], classes=["sw-accepted-paper"]))
    document.ids[anchor] = section
    title = markdown.inline(paper.title)
    section += nodes.title(paper.title, "", *title)
    if paper.authors:
        section += _authors(paper)
    section += _facts(page)
    section += program_slots(key=paper.key)
    links = _links(paper)
    if links is not None:
        section += links
    if paper.keywords:
        text = ", ".join(paper.keywords)
        section += nodes.paragraph(
            "",
            "",
            nodes.strong(_("Keywords:"), _("Keywords:")),
            nodes.Text(" " + text),
            classes=["sw-accepted-keywords"],
        )
    if paper.tldr:
        section += nodes.paragraph(
            "",
            "",
            nodes.strong("TL;DR:", "TL;DR:"),
            nodes.Text(" "),
            *markdown.inline(paper.tldr),
            classes=["sw-accepted-tldr"],
        )
    abstract = markdown.blocks(paper.abstract) if paper.abstract else []
    if abstract:
        section += nodes.rubric(_("Abstract"), _("Abstract"))
        # in the section itself: a thematic break of the abstract is a transition, valid only there
        section.extend(abstract)
    plain_title = markdown.plain_of(title)
    accepted_domain(env).note_plain(env.docname, plain_title, markdown.plain_of(abstract))
    fields = [citation_fields(loaded.settings, paper, plain_title)]
    # the set's .bib made this paper's entry from the same fields (builder-inited): one BibTeX writer run
    made = accepted_domain(env).bibtex(loaded.settings.folder, paper.key)
    bibtex = papers_domain(env).note_papers(env.docname, lineno, fields, location=location, bibtex=[made])
    if bibtex and bibtex[0]:
        section += nodes.rubric(_("Cite this paper"), _("Cite this paper"))
        # "no-search": the BibTeX repeats the page's title and authors, and Sphinx's search would
        # index its field names (inproceedings, booktitle) as the paper's words
        block = nodes.literal_block(bibtex[0], bibtex[0], classes=["sw-accepted-bibtex", NO_SEARCH])
        block["language"] = "bibtex"
        section += block
    nav = _neighbours(loaded, page)
    if nav is not None:
        section += nav
    # at the page's (or directive's) line, as a parser places them: the section (a warning about a node
    # in it is located there) and its titles and rubrics, which Sphinx's source patch would otherwise
    # format as XML for a debug message, whether or not debug logging is on
    for node in section.findall(lambda node: isinstance(node, (nodes.section, nodes.title, nodes.rubric))):
        if node.source is None:
            node.source, node.line = source, lineno
    return section


def _facts(page: Page) -> nodes.paragraph:
    paper = page.paper
    session, track = _("Session"), _("Track")
    facts = [
        paper.decision,
        paper.session and f"{session}: {paper.session}",
        paper.track and f"{track}: {paper.track}",
    ]
    para = nodes.paragraph("", "", classes=["sw-accepted-facts"])
    for index, fact in enumerate(f for f in facts if f):
        if index:
            para += nodes.Text(" · ")
        para += nodes.inline(fact, fact)
    if paper.extras.award:
        # a badge (accepted.css); the word "Award" keeps it meaningful without the stylesheet
        word = _("Award")
        award = f"{word}: {paper.extras.award}"
        if len(para):
            para += nodes.Text(" · ")
        para += nodes.inline(award, award, classes=["sw-accepted-award"])
    return para


def _links(paper: AcceptedPaper) -> nodes.paragraph | None:
    extras = paper.extras
    links = [
        (_("PDF"), paper.pdf),
        ("OpenReview", paper.forum),
        (_("Code"), extras.code),
        (_("Poster"), extras.poster),
        (_("Slides"), extras.slides),
        (_("Video"), extras.video),
    ]
    shown = [(str(label), url) for label, url in links if url]
    if not shown:
        return None
    para = nodes.paragraph("", "", classes=["sw-accepted-links"])
    for index, (label, url) in enumerate(shown):
        if index:
            para += nodes.Text(" · ")
        para += nodes.reference(label, label, refuri=url, classes=["sw-accepted-link"])
    return para


def _neighbours(loaded: LoadedSet, page: Page) -> nodes.paragraph | None:
    # a neighbour's title is not this page's: searching it must not find this page
    para = nodes.paragraph("", "", classes=["sw-accepted-nav", NO_SEARCH])
    for neighbour, label, css in ((page.previous, _("Previous"), "prev"), (page.next, _("Next"), "next")):
        if neighbour is None:
            continue
        docname = loaded.pages[neighbour.key].docname
        text: list[nodes.Node] = [nodes.Text(f"{label}: "), *markdown.inline(neighbour.title)]
        para += _doc_link(docname, text, [f"sw-accepted-{css}"])
        para += nodes.Text(" ")
    return para if len(para) else None
