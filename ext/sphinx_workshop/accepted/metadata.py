"""Machine-readable metadata in the ``<head>`` of each accepted paper's page: Google Scholar's tags and
schema.org ``ScholarlyArticle`` JSON-LD.

Google Scholar's inclusion guidelines ask for one article per page, described by Highwire Press tags:
``citation_title`` (the paper's title only), one ``citation_author`` per author in the paper's order
(each name alone, no affiliation in it; ``citation_author_institution`` follows its author, as Highwire
and Zotero read it), ``citation_publication_date`` (a year is enough), ``citation_conference_title``
and ``citation_pdf_url``. ``citation_keywords`` and ``citation_abstract_html_url`` (the page itself, when
``html_baseurl`` gives its absolute URL) are Highwire tags reference managers read. The JSON-LD names the
PDF as the article's ``encoding`` (a ``MediaObject``; schema.org's ``associatedMedia`` is a synonym, so
only one is written) and the venue as the ``Collection`` it ``isPartOf``.

Both come from the set read on ``builder-inited`` (the domain's :attr:`~.domain.AcceptedDomain.pages`),
only on a paper's generated page (one article per page), never on other pages or in EPUB; every
value is escaped (``html.escape`` for attributes, :func:`~sphinx_workshop.jsonld.script_safe_json`
inside ``<script>``), and only http(s) URLs are written.
"""

from __future__ import annotations

import html
from typing import TYPE_CHECKING, Any

from docutils import nodes

from sphinx_workshop.accepted import markdown
from sphinx_workshop.domains import accepted_domain
from sphinx_workshop.jsonld import page_url
from sphinx_workshop.links import is_safe_url
from sphinx_workshop.untrusted import script_safe_json

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_workshop.accepted.pages import LoadedSet, Page

_HTTP = frozenset({"http", "https"})


def _http(url: str) -> str:
    return url if url and is_safe_url(url, schemes=_HTTP) else ""


#: The plain (title, abstract) of a paper, as its page read them (``AcceptedDomain.plain``).
Texts = tuple[str, str]


def plain_texts(page: Page) -> Texts:
    """The plain title and abstract of *page*'s paper, made from the export (when its page recorded none)."""
    paper = page.paper
    return markdown.plain(paper.title, title=True), markdown.plain(paper.abstract) if paper.abstract else ""


def scholar_tags(loaded: LoadedSet, page: Page, url: str, texts: Texts) -> list[tuple[str, str]]:
    """The ``citation_*`` tags of *page*'s paper as (name, content), in Google Scholar's order; *url* is
    the page's absolute URL or ""; *texts*, its plain title and abstract."""
    paper = page.paper
    tags = [("citation_title", texts[0] or paper.title)]
    for author in paper.authors:
        tags.append(("citation_author", author.name))
        if author.affiliation:
            tags.append(("citation_author_institution", author.affiliation))
    if loaded.settings.year:
        tags.append(("citation_publication_date", loaded.settings.year))
    if loaded.settings.venue:
        tags.append(("citation_conference_title", loaded.settings.venue))
    if pdf := _http(paper.pdf):
        tags.append(("citation_pdf_url", pdf))
    if paper.keywords:
        tags.append(("citation_keywords", "; ".join(paper.keywords)))
    if url := _http(url):
        tags.append(("citation_abstract_html_url", url))
    return tags


def article(loaded: LoadedSet, page: Page, url: str, texts: Texts) -> dict[str, Any]:
    """The schema.org ``ScholarlyArticle`` of *page*'s paper; *url* is the page's absolute URL or "";
    *texts*, its plain title and abstract."""
    paper = page.paper
    plain_title, abstract = texts
    title = plain_title or paper.title
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": title,
        "name": title,
    }
    authors = []
    for author in paper.authors:
        person: dict[str, Any] = {"@type": "Person", "name": author.name}
        if author.affiliation:
            person["affiliation"] = {"@type": "Organization", "name": author.affiliation}
        authors.append(person)
    if authors:
        data["author"] = authors
    if loaded.settings.year:
        data["datePublished"] = loaded.settings.year
    if abstract:
        data["abstract"] = abstract
    if paper.keywords:
        data["keywords"] = ", ".join(paper.keywords)
    if url := _http(url):
        data["url"] = url
    if forum := _http(paper.forum):
        data["sameAs"] = forum
    if pdf := _http(paper.pdf):
        data["encoding"] = {"@type": "MediaObject", "contentUrl": pdf, "encodingFormat": "application/pdf"}
    if loaded.settings.venue:
        data["isPartOf"] = {"@type": "Collection", "name": loaded.settings.venue}
    return data


def head_markup(loaded: LoadedSet, page: Page, url: str, texts: Texts) -> str:
    """The ``<meta>`` tags and the JSON-LD ``<script>`` of *page*, for the page's ``<head>``."""
    lines = [
        f'<meta name="{html.escape(name, quote=True)}" content="{html.escape(content, quote=True)}" />'
        for name, content in scholar_tags(loaded, page, url, texts)
    ]
    # script_safe_json escapes <, > and &, so no value can end the element; HTML-escaping it would
    # corrupt the JSON (a script's text is not entity-decoded)
    data = script_safe_json(article(loaded, page, url, texts))
    lines.append(f'<script type="application/ld+json">{data}</script>')
    return "\n".join(lines) + "\n"


def add_metadata(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: nodes.document | None
) -> None:
    """``html-page-context``: the metadata of the paper on *pagename*'s generated page (not in EPUB)."""
    if doctree is None or app.builder.name.startswith("epub"):
        return
    domain = accepted_domain(app.env)
    found = domain.pages.get(pagename)
    if found is None:
        return
    loaded, page = found
    # what the page read in this build, else (a page written again without being read) made here
    texts = domain.plain(pagename) or plain_texts(page)
    markup = head_markup(loaded, page, page_url(app.builder, page.docname), texts)
    context["metatags"] = context.get("metatags", "") + markup
