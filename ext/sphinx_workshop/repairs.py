"""Repairs of other builders and extensions that a workshop site would otherwise patch in its ``conf.py``.

- **singlehtml** (Sphinx 9): the builder no longer trims ``#document-<doc>#<id>`` to ``#<id>``
  (``fix_refuris`` is deprecated and unused), so any cross-page link, to a heading as much as to a
  card or a paper, pointed nowhere. :func:`one_anchor_in_singlehtml` restores the trimming.
- **epub**: without ``-d``, Sphinx keeps its doctrees in ``<outdir>/.doctrees``; the EPUB builder then
  takes them for content and warns "unknown mimetype" for each, which ``-W`` turns into a failure.
  :func:`keep_doctrees_out_of_epub` leaves them out.
- **sphinx-notfound-page**: it makes the theme's links of the 404 page absolute, but not the links
  in the page's own text; the page is served at any depth, so those would miss.
  :func:`absolute_links_in_404` roots them at ``notfound_urls_prefix``, as it does the theme's.
- **sphinx-book-theme**: it gives its templates the page's and the root page's titles as plain text
  (``pagetitle``, ``root_title``), which they print unescaped: a title such as ``A <b> B`` became markup.
  :func:`escape_book_theme_titles` escapes them.
"""

from __future__ import annotations

import posixpath
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from docutils import nodes
from markupsafe import Markup, escape
from sphinx.builders.singlehtml import SingleFileHTMLBuilder

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def one_anchor_in_singlehtml(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Keep only the last anchor of ``#document-<doc>#<id>`` links in the single-page build."""
    if not isinstance(app.builder, SingleFileHTMLBuilder):
        return
    for reference in doctree.findall(nodes.reference):
        uri = reference.get("refuri", "")
        if uri.startswith("#") and uri.count("#") > 1:
            reference["refuri"] = uri[uri.rindex("#") :]


def keep_doctrees_out_of_epub(app: Sphinx, env: BuildEnvironment) -> None:
    """Add Sphinx's pickles to ``epub_exclude_files`` when they sit inside the EPUB's output folder."""
    if app.builder.name not in ("epub", "epub3"):
        return
    try:
        cache = Path(app.doctreedir).relative_to(app.outdir)
    except ValueError:  # -d elsewhere: nothing to leave out
        return
    pickles = ["environment.pickle", *(f"{doc}.doctree" for doc in sorted(env.found_docs))]
    excluded = set(app.config.epub_exclude_files)
    app.config.epub_exclude_files = [
        *app.config.epub_exclude_files,
        *(name for p in pickles if (name := (cache / p).as_posix()) not in excluded),
    ]


def absolute_links_in_404(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """Root the 404 page's relative links at ``notfound_urls_prefix`` (with sphinx-notfound-page only)."""
    if "notfound.extension" not in app.extensions or app.builder.format != "html":
        return
    if docname != app.config.notfound_pagename:
        return
    prefix = app.config.notfound_urls_prefix or "/"
    here = posixpath.dirname(posixpath.join(prefix, app.builder.get_target_uri(docname)))
    for reference in doctree.findall(nodes.reference):
        parts = urlsplit(reference.get("refuri", ""))
        if parts.scheme or parts.netloc or not parts.path or parts.path.startswith("/"):
            continue
        path = posixpath.normpath(posixpath.join(here, parts.path))
        if parts.path.endswith("/") and not path.endswith("/"):
            path += "/"
        reference["refuri"] = urlunsplit(("", "", path, parts.query, parts.fragment))


def escape_book_theme_titles(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, object], doctree: object
) -> None:
    """Escape sphinx-book-theme's plain-text ``pagetitle`` and ``root_title`` (left alone when HTML)."""
    if "sphinx_book_theme" not in app.extensions:
        return
    for key in ("pagetitle", "root_title"):
        value = context.get(key)
        if isinstance(value, str) and not isinstance(value, Markup):
            context[key] = escape(value)


def setup_repairs(app: Sphinx) -> None:
    """Connect the repairs; each returns at once for the builders and projects it does not concern."""
    app.connect("doctree-resolved", one_anchor_in_singlehtml)
    app.connect("env-updated", keep_doctrees_out_of_epub)
    app.connect("doctree-resolved", absolute_links_in_404)
    # after sphinx-book-theme's own handler (priority 500) has set the titles
    app.connect("html-page-context", escape_book_theme_titles, priority=600)
