"""Accepted papers read from a review system's export: OpenReview (API v1 and v2 notes as JSON, the
program chairs' console CSV and the documented custom CSV export), Microsoft CMT (the Excel export, or a
CSV or TSV saved from it), MiniConf's ``papers.csv`` and a plain CSV. :func:`read_export` returns the
accepted papers as :class:`AcceptedPaper` records and what could not be read as :class:`ExportProblem`
records (:data:`PROBLEMS` lists their subtypes); it never raises on bad input, keeps only http(s) links
and reads no e-mail address or review data. Modules: ``records`` (the records and shared rules),
``tables`` (decoding and CSV rows), ``extras`` (a set's extras file: poster, slides, video, code,
award, session by paper id), ``openreview``, ``openreview_csv``, ``cmt``, ``miniconf`` (with the
plain CSV), ``read`` (format detection), ``settings`` (``papers_accepted``), ``pages`` (a page per
paper, written before reading), ``markdown`` (a title's and an abstract's Markdown as docutils nodes),
``directives`` (the ``accepted-papers`` index and the ``accepted-paper`` page), ``search`` (the
index's search and filter box), ``program`` (a paper's slot in the schedule, linked from its page),
``navigation`` (the pages kept out of the theme's navigation), ``bibfile`` (the set's ``.bib`` to
download), ``metadata`` (Google Scholar tags and JSON-LD on each paper's page) and ``domain``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_workshop.accepted.bibfile import DropDownloadLink
from sphinx_workshop.accepted.directives import AcceptedPaperDirective, AcceptedPapersDirective
from sphinx_workshop.accepted.domain import (
    AcceptedDomain,
    add_stylesheet,
    check_listed,
    keep_plain_texts,
    outdated_indexes,
)
from sphinx_workshop.accepted.metadata import add_metadata
from sphinx_workshop.accepted.navigation import keep_out_of_navigation
from sphinx_workshop.accepted.pages import on_builder_inited, read_pages_first
from sphinx_workshop.accepted.program import setup_program
from sphinx_workshop.accepted.read import FORMATS, read_export
from sphinx_workshop.accepted.records import PROBLEMS, AcceptedPaper, Author, Export, ExportProblem
from sphinx_workshop.accepted.search import setup_search
from sphinx_workshop.accepted.settings import setup_settings
from sphinx_workshop.accepted.source import setup_source

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = [
    "FORMATS",
    "PROBLEMS",
    "AcceptedPaper",
    "Author",
    "Export",
    "ExportProblem",
    "read_export",
    "setup_accepted",
]


def setup_accepted(app: Sphinx) -> None:
    """Register ``papers_accepted``, the ``accepted`` domain and its directives (also without prefix)."""
    setup_settings(app)
    app.add_domain(AcceptedDomain)
    app.add_directive("accepted-papers", AcceptedPapersDirective)
    app.add_directive("accepted-paper", AcceptedPaperDirective)
    setup_source(app)
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-before-read-docs", read_pages_first)
    app.connect("env-check-consistency", check_listed)
    app.connect("env-updated", keep_plain_texts)
    app.connect("env-get-outdated", outdated_indexes)
    app.connect("html-page-context", add_stylesheet)
    setup_program(app)
    setup_search(app)
    app.connect("html-page-context", add_metadata)
    app.add_post_transform(DropDownloadLink)
    # after Sphinx's collectors (priority 500) have stored the page's table of contents
    app.connect("doctree-read", keep_out_of_navigation, priority=600)
