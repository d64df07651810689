"""Every warning the extension can emit, in one place, and the helper that emits them.

A warning's location has one form, the one Sphinx prints: ``<file>:<line>`` (``<file>:`` without a
line). A directive or role gives its own (``self.get_location()``); :func:`node_line` gives a node's,
:func:`doc_line` a line of a document known by name (a stored record's), :func:`file_line` a line of a
file that is not a document (a ``.bib``, ``conf.py``).

Each warning carries ``type="workshop"`` and one of the subtypes below, so a project can
silence a kind with ``suppress_warnings = ["workshop.<subtype>"]``. The documentation's
warnings reference is generated from :data:`SUBTYPES`.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from docutils.utils import get_source_line
from sphinx.util import logging

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.environment import BuildEnvironment

WARNING_TYPE = "workshop"

#: subtype -> what it means. Keep alphabetical within each feature.
SUBTYPES: dict[str, str] = {
    # shared
    "bad_argument": (
        "a directive without its argument (a paper's key, an event's name), or with text it cannot take"
    ),
    "bad_option": "a directive option whose value does not parse, or a flag option given a value",
    "duplicate_option": "a directive option given twice in MyST (the last value is used)",
    "misplaced": "a directive nested where it cannot show (a card in an event, a references list in another)",
    "reserved_id": "a heading or label id in the namespaces of the extension's ids "
    "(paper-, person-, cite-, date-, slot-)",
    "bad_url": "a link that is not http(s) or mailto, or is malformed",
    "unknown_option": "an option the directive does not know",
    "config": "a configuration value of the wrong type or value (falls back to its default)",
    "colon_fence": "a MyST paragraph starting with :::{name}, name one of the extension's directives, in a "
    "project without MyST's colon_fence extension (the block shows as text)",
    # accepted papers (export_*: sphinx_workshop.accepted.PROBLEMS; extras_*: accepted.extras.PROBLEMS)
    "accepted_unlisted": "a set of papers_accepted that no accepted-papers directive lists",
    "export_column": "an export without a column its format needs (nothing read) or can do without",
    "export_duplicate": "an export's paper with the id (or key) of an earlier one (the later is skipped)",
    "export_encoding": "an export whose bytes do not decode in its encoding (nothing is read)",
    "export_file": "an export that cannot be opened or read",
    "export_format": "an export of an unknown or undetectable format, or not of its format's shape",
    "export_row": "an export's row or note that cannot be read (skipped)",
    "export_syntax": "an export that is not well-formed JSON or CSV (nothing is read)",
    "export_value": "an export's value that cannot be used: an empty id or title, a link that is not "
    "http(s), authors that do not split",
    "extras_column": "an extras file without an id column (nothing applied), or an unknown column (ignored)",
    "extras_file": "an extras file that cannot be read, is not UTF-8 or is not CSV (nothing applied)",
    "extras_row": "an extras row with the wrong number of fields, no id, or an earlier row's id (skipped)",
    "extras_unknown": "an extras row whose id no accepted paper of the export has (skipped)",
    "extras_value": "an extras link that is not an absolute http(s) link (left out)",
    # papers domain
    "bad_filter": "a :filter: that does not parse or uses an unknown field or construct (nothing is listed)",
    "bad_key": "a paper key that {cite} cannot name (it holds a comma); the paper is listed",
    "bibfile_missing": "a :bibfile: (or a file of papers_bibfiles) that does not exist or cannot be read",
    "bibfile_outside": "a :bibfile: (or a file of papers_bibfiles) outside the project's source directory",
    "bibfile_encoding": "a .bib file that does not decode (papers_bibtex_encoding or :encoding:)",
    "bibfile_parse": "a BibTeX file (or entry) pybtex cannot parse",
    "bibtex_clash": "a references list's .bib file whose name a page, folder, extra file or another list has",
    "bibtex_crossref": "a BibTeX crossref or xdata to a key not in the list's files, or a loop of them",
    "bibtex_latex": "an unknown LaTeX command in a BibTeX field (once per file and command)",
    "cite_case": "a citation key that matches a listed key only if case is ignored (it resolves)",
    "cite_empty": "a {cite} role (or {cite:t}, {footcite}, ...) without a key",
    "cite_note": "an empty note {} or unbalanced braces in {cite:t}, {cite:p}, ... (the notes are left out)",
    "cite_unknown": "a citation of a key no references list holds",
    "duplicate_key": "a paper key listed twice, in one document or two",
    "footcite_place": "a {footcite} where no footnote can show (a title, a caption): the keys show as text",
    "paper_no_title": "a paper entry without a title",
    "paper_outside": "a paper directive outside a references directive",
    # people
    "bad_handle": "a social handle that breaks its platform's rules",
    "duplicate_person": "two cards of one person (same id), in one document or two; links go to the first",
    "missing_name": "an organizer or speaker card, or a {person} role, without a name",
    "person_unknown": "a {person} role naming no organizer or speaker card of the project",
    "photo_missing": "a card's :photo: that does not exist, cannot be read or is not an image",
    "photo_outside": "a card's :photo: outside the project's source directory, or not a local file",
    # dates
    "date_line": "an important-dates or phase line that does not parse (fields, name, before/after)",
    "date_unknown": "a {date} role or a phase naming no important date of the project",
    "duplicate_date": "a date name given twice, in one document or two; links go to the first",
    # schedule
    "bad_date": "a date that does not parse, or is beyond years 1-9999 in UTC; an event ending too early",
    "bad_time": "a schedule time that does not parse, the zone skips, is out of order or beyond the calendar",
    "bad_timezone": "a time zone browsers do not know as IANA (right/, posix/, localtime), or none",
    "ics_clash": "a calendar file two documents name (the first writes it), or a page, folder or file has",
    "missing_option": "a required option that is absent (schedule :date:/:timezone:, event :start:)",
    "schedule_line": "a schedule line without '|' between time and item, or a bad '- ' sub-item line",
    # sponsors
    "sponsor_logo": "a sponsor's :logo: that is empty, not local, outside the source folder, missing or not "
    "a PNG, JPEG, GIF or SVG image (its name is shown instead)",
    "sponsor_tier": "a sponsor's :tier: that workshop_sponsor_tiers does not list (it is listed last)",
}


def file_line(path: object, line: int | None) -> str:
    """The location of *line* of a file that is not a document, as Sphinx prints it (``refs.bib:12``).

    Without a line it is ``refs.bib:``, Sphinx's own form (a location string without a colon is
    taken for a document name, and Sphinx would add a source suffix to it).
    """
    return f"{path}:{line}" if line else f"{path}:"


def doc_line(env: BuildEnvironment, docname: str, line: int | None) -> str:
    """The location of *line* of document *docname* (``index.md:12``)."""
    return file_line(os.fspath(env.doc2path(docname)), line)


def node_line(node: nodes.Node) -> str | None:
    """The location of *node*: its source and line, or its nearest ancestor's (as Sphinx finds it)."""
    source, line = get_source_line(node)
    if source:
        return file_line(os.path.abspath(source), line)
    return f"<unknown>:{line}" if line else None


def warn(
    logger: logging.SphinxLoggerAdapter,
    subtype: str,
    message: str,
    *,
    location: str | None,
    **kwargs: Any,
) -> None:
    """Emit a located warning of type ``workshop`` and the given, registered *subtype*."""
    if subtype not in SUBTYPES:  # a programming error, caught by the tests
        raise ValueError(f"unregistered warning subtype: {subtype!r}")
    logger.warning(message, location=location, type=WARNING_TYPE, subtype=subtype, **kwargs)
