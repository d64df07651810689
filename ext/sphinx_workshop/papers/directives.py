"""The ``references`` and ``paper`` directives: they read entries (BibTeX and inline) into the domain.

They read their own options (:mod:`sphinx_workshop.directive_base`), so a misused one is a located
``workshop.*`` warning, in rST as in MyST, and the rest of the directive still renders; known values
are validated here.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.util import logging

from sphinx_workshop.diagnostics import warn
from sphinx_workshop.directive_base import WorkshopDirective, current_document
from sphinx_workshop.domains import papers_domain
from sphinx_workshop.links import is_safe_url
from sphinx_workshop.papers import citethis, styles
from sphinx_workshop.papers.bibtex import Undecodable, load_bibfiles
from sphinx_workshop.papers.nodes import references_list
from sphinx_workshop.papers.records import ListRecord, PaperRecord

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx_workshop.papers.crossref import RawEntry
    from sphinx_workshop.papers.domain import PapersDomain

logger = logging.getLogger(__name__)

_LIST_KEY = "papers:list"
_ENTRIES_KEY = "papers:entries"
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_ARXIV = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")

CHOICES: dict[str, tuple[str, ...]] = {
    "order": ("listed", "cited"),
    "style": ("numbered", "list"),
    "sort": ("listed", "title", "year"),
}


class _PapersDirective(WorkshopDirective):
    def domain(self) -> PapersDomain:
        return papers_domain(self.env)


def checked_record(
    fields: dict[str, Any],
    *,
    location: tuple[str, int] | str,
    docname: str,
    list_id: str,
    lineno: int,
    source: str = "",
    source_line: int = 0,
    field_lines: Mapping[str, tuple[str, int]] | None = None,
) -> PaperRecord:
    """A :class:`PaperRecord` from raw fields; a bad field warns at its line in *field_lines* (else at
    *location*) and is left out."""
    lines = field_lines or {}
    key: str = fields["key"]
    if "," in key:
        warn(
            logger,
            "bad_key",
            f"paper key {key!r} holds a comma, so {{cite}} cannot name it (it separates keys); "
            "the paper is listed but cannot be cited",
            location=location,
        )
    title = str(fields.get("title") or "").strip()
    if not title:
        warn(
            logger,
            "paper_no_title",
            f"paper {key!r} has no title; its key is shown instead",
            location=location,
        )
        title = key
    url = str(fields.get("url") or "").strip()
    if url and not is_safe_url(url, schemes=frozenset({"http", "https"})):
        warn(
            logger,
            "bad_url",
            f"paper {key!r}: {url!r} is not an http(s) link; the title is not linked",
            location=lines.get("url", location),
        )
        url = ""
    doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", str(fields.get("doi") or "").strip(), flags=re.I)
    if doi and not _DOI.match(doi):
        warn(
            logger,
            "bad_option",
            f"paper {key!r}: {doi!r} is not a DOI (10.<prefix>/<suffix>); it is left out",
            location=lines.get("doi", location),
        )
        doi = ""
    arxiv = re.sub(r"^arxiv:", "", str(fields.get("arxiv") or "").strip(), flags=re.I)
    if arxiv and not _ARXIV.match(arxiv):
        warn(
            logger,
            "bad_option",
            f"paper {key!r}: {arxiv!r} is not an arXiv identifier; it is left out",
            location=lines.get("arxiv", location),
        )
        arxiv = ""
    return PaperRecord(
        key=key,
        title=title,
        url=url,
        authors=tuple(fields.get("authors") or ()),
        venue=str(fields.get("venue") or "").strip(),
        year=str(fields.get("year") or "").strip(),
        doi=doi,
        arxiv=arxiv,
        note=str(fields.get("note") or "").strip(),
        docname=docname,
        list_id=list_id,
        lineno=lineno,
        source=source,
        source_line=source_line,
        type=str(fields.get("type") or ""),
        editors=tuple(fields.get("editors") or ()),
        surnames=tuple(fields.get("surnames") or ()),
        eprint=str(fields.get("eprint") or ""),
        fields=tuple(fields.get("fields") or ()),
        parent=bool(fields.get("parent")),
    )


class ReferencesDirective(_PapersDirective):
    """A list of papers: ``:bibfile:`` entries, then the ``paper`` entries of its body."""

    has_content = True
    known_options = (
        "bibfile", "cited-only", "order", "style", "sort", "entry-style", "encoding",
        "cite-this", "no-cite-this",
    )  # fmt: skip
    flag_options = frozenset({"cited-only", "cite-this", "no-cite-this"})
    nests_in_itself = False
    repeatable_options = frozenset({"bibfile"})
    #: key -> the entry as pybtex read it, of the list's .bib files (to write its BibTeX again)
    raw_entries: dict[str, RawEntry]

    def choice(self, name: str) -> str:
        """The value of option *name*, or its default (the first choice) with a warning if invalid."""
        allowed = CHOICES[name]
        value = str(self.options.get(name) or allowed[0]).strip().lower()
        if value not in allowed:
            self.warn_at(
                "bad_option",
                f"invalid :{name}: {value!r} (expected {' or '.join(allowed)}); using {allowed[0]!r}",
                self.option_line(name),
            )
            return allowed[0]
        return value

    def entry_style(self) -> str:
        """The list's ``:entry-style:`` ("" for the project's ``papers_style``), if registered."""
        value = str(self.options.get("entry-style") or "").strip()
        if value and value not in styles.STYLES:
            self.warn_at(
                "bad_option",
                f"unknown :entry-style: {value!r} (registered: {', '.join(styles.STYLES)}); "
                "using the project's papers_style",
                self.option_line("entry-style"),
            )
            return ""
        return value

    def cite_this(self, inline: bool) -> bool:
        """Whether the entries show their BibTeX: ``:cite-this:`` / ``:no-cite-this:``, else
        ``papers_cite_this`` (``"auto"``: lists holding inline ``paper`` entries)."""
        on, off = "cite-this" in self.options, "no-cite-this" in self.options
        if on and off:
            self.warn_at(
                "bad_option",
                ":cite-this: and :no-cite-this: contradict each other; using papers_cite_this",
                max(self.option_line("cite-this"), self.option_line("no-cite-this")),
            )
        elif on or off:
            return on
        setting = self.config.papers_cite_this
        return inline if setting == "auto" else bool(setting)

    def bibfile_names(self) -> list[str]:
        """Every path given to ``:bibfile:``: space-separated, and the option repeated."""
        return [name for value in self.option_values("bibfile") for name in value.split()]

    def encoding(self) -> str:
        """The encoding of the list's files: ``:encoding:``, else ``papers_bibtex_encoding``."""
        value = str(self.options.get("encoding") or "").strip()
        if value:
            try:
                codecs.lookup(value)
            except LookupError:
                self.warn_at(
                    "bad_option",
                    f"unknown :encoding: {value!r}; using {self.config.papers_bibtex_encoding!r}",
                    self.option_line("encoding"),
                )
            else:
                return value
        return str(self.config.papers_bibtex_encoding)

    def bibfile_paths(self, names: list[str]) -> list[Path]:
        """The readable files of *names* (relative to the document, or to the source dir with a leading /)."""
        paths = []
        srcdir = Path(self.env.srcdir).resolve()
        for name in names:
            relpath, abspath = self.env.relfn2path(name, self.env.docname)
            path = Path(abspath)
            if not path.resolve().is_relative_to(srcdir):
                warn(
                    logger,
                    "bibfile_outside",
                    f"bibfile {name!r} is outside the project's source directory; it is not read",
                    location=self.get_location(),
                )
                continue
            self.env.note_dependency(relpath)
            try:
                reason = (
                    "" if path.is_file() else "not a file" if path.exists() else "No such file or directory"
                )
            except OSError as error:  # a name too long for the file system, a permission problem
                reason = error.strerror or str(error)
            if reason:
                warn(
                    logger,
                    "bibfile_missing",
                    f"cannot read bibfile {name!r}: {reason}",
                    location=self.get_location(),
                )
                continue
            paths.append(path)
        return paths

    def read_bibfiles(self, names: list[str], list_id: str) -> list[PaperRecord]:
        """The entries of the list's bib files, read together (they share ``@string`` macros)."""
        paths = self.bibfile_paths(names)
        encoding = self.encoding()
        bib = None
        while paths:
            try:
                bib = load_bibfiles([(path, encoding) for path in paths])
                break
            except Undecodable as error:
                option = (
                    ":encoding:" if self.options.get("encoding") else "papers_bibtex_encoding (or :encoding:)"
                )
                warn(
                    logger,
                    "bibfile_encoding",
                    f"cannot decode {error.path.name!r} as {encoding}: "
                    f"invalid byte at offset {error.offset}; "
                    f"set {option} to the file's encoding (for example latin-1); the file is not read",
                    location=f"{error.path}:{error.line}",
                )
                paths.remove(error.path)
            except OSError as error:
                warn(
                    logger,
                    "bibfile_missing",
                    f"cannot read bibfile: {error.strerror or error}",
                    location=self.get_location(),
                )
                return []
        if bib is None:
            return []
        for problem in bib.problems:
            where = f"{problem.source}:{problem.line}" if problem.line else problem.source
            suffix = "; the first entry is used" if problem.kind == "duplicate_key" else ""
            warn(logger, problem.kind, problem.message + suffix, location=where)
        records = []
        self.raw_entries = {entry.key: entry.raw for entry in bib.entries}
        for entry in bib.entries:
            fields = entry._asdict()
            where = f"{entry.source}:{entry.line}" if entry.line else entry.source
            records.append(
                checked_record(
                    fields,
                    location=where,
                    docname=self.env.docname,
                    list_id=list_id,
                    lineno=self.lineno,
                    source=entry.source,
                    source_line=entry.line,
                )
            )
        return records

    def render(self) -> list[nodes.Node]:
        """Store the list and its entries in the domain; leave a placeholder filled in at write time."""
        docname = self.env.docname
        list_id = f"{docname}#{self.env.new_serialno('papers-list')}"
        record = ListRecord(
            list_id=list_id,
            docname=docname,
            lineno=self.lineno,
            order=self.choice("order"),
            style=self.choice("style"),
            sort=self.choice("sort"),
            cited_only="cited-only" in self.options,
            entry_style=self.entry_style(),
        )
        self.raw_entries = {}
        names = self.bibfile_names()
        entries: list[PaperRecord] = self.read_bibfiles(names, list_id) if names else []
        document = current_document(self.env)
        document[_LIST_KEY] = list_id
        body: list[PaperRecord] = []
        document[_ENTRIES_KEY] = body
        try:
            content = self.parse_content_to_nodes(allow_section_headings=False) if self.content else []
        finally:
            document.pop(_LIST_KEY, None)
            document.pop(_ENTRIES_KEY, None)
        if self.cite_this(bool(body)):
            record = record._replace(cite_this=True)
            raws = self.raw_entries
            entries = [e._replace(bibtex=citethis.bibtex_of_entry(e.key, raws[e.key])) for e in entries]
            body = [e._replace(bibtex=citethis.bibtex_of_paper(e)) for e in body]
        entries.extend(body)
        self.domain().note_list(record, entries)
        placeholder = references_list(
            "",
            list_id=list_id,
            style=record.style,
            entry_style=record.entry_style or self.config.papers_style,
            cite_this=record.cite_this,
        )
        self.set_source_info(placeholder)
        return [*content, placeholder]


class PaperDirective(_PapersDirective):
    """One paper entry inside a ``references`` directive (argument: its key)."""

    takes_argument = True
    takes_content = False
    known_options = ("title", "url", "authors", "venue", "year", "doi", "arxiv", "note")

    def render(self) -> list[nodes.Node]:
        """Add the entry to the enclosing list (or warn that there is none)."""
        key = self.argument
        if not key:
            return []
        document = current_document(self.env)
        list_id = document.get(_LIST_KEY)
        if list_id is None:
            warn(
                logger,
                "paper_outside",
                f"paper {key!r} is not inside a references directive; it is not listed",
                location=self.get_location(),
            )
            return []
        fields: dict[str, Any] = {"key": key, **self.options}
        fields["authors"] = [
            a.strip() for a in str(self.options.get("authors") or "").split(";") if a.strip()
        ]
        fields["surnames"] = [a.rstrip("* ").split()[-1] for a in fields["authors"] if a.rstrip("* ")]
        document[_ENTRIES_KEY].append(
            checked_record(
                fields,
                location=self.get_location(),
                docname=self.env.docname,
                list_id=list_id,
                lineno=self.lineno,
                field_lines={o.name: (self.env.docname, o.line) for o in self.written_options},
            )
        )
        return []
