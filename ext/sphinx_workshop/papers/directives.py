"""The ``references`` and ``paper`` directives: they read entries (BibTeX and inline) into the domain.

They read their own options (:mod:`sphinx_workshop.directive_base`), so a misused one is a located
``workshop.*`` warning, in rST as in MyST, and the rest of the directive still renders; known values
are validated here.
"""

from __future__ import annotations

import codecs
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging

from sphinx_workshop.diagnostics import file_line, warn
from sphinx_workshop.directive_base import OptionSpec, WorkshopDirective, current_document, expecting
from sphinx_workshop.domains import papers_domain
from sphinx_workshop.links import is_safe_url
from sphinx_workshop.papers import citethis, styles
from sphinx_workshop.papers.bibtex import Undecodable, load_bibfiles, split_keywords
from sphinx_workshop.papers.filters import FilterError, parse_filter
from sphinx_workshop.papers.nodes import references_list
from sphinx_workshop.papers.records import ListRecord, PaperRecord


def project_files(env: Any) -> list[str]:
    """The project's .bib files (``papers_bibfiles``), relative to the source folder, as written."""
    return [str(name).lstrip("/") for name in env.config.papers_bibfiles]


#: Why a file of ``papers_bibfiles`` is not read, when it lies outside the source folder.
OUTSIDE = "outside the project's source directory"


def project_paths(env: Any) -> list[tuple[str, Path, str]]:
    """Each file of ``papers_bibfiles``: its name as written, its path, and why it is not read
    (:data:`OUTSIDE`, or what :func:`unreadable` says; "" when it is read)."""
    srcdir = Path(env.srcdir).resolve()
    found = []
    for name in project_files(env):
        path = Path(env.srcdir, name)
        found.append((name, path, OUTSIDE if not path.resolve().is_relative_to(srcdir) else unreadable(path)))
    return found


if TYPE_CHECKING:
    from collections.abc import Mapping

    from sphinx_workshop.papers.crossref import RawEntry
    from sphinx_workshop.papers.domain import PapersDomain

logger = logging.getLogger(__name__)

_LIST_KEY = "papers:list"
_ENTRIES_KEY = "papers:entries"
_DOI = re.compile(r"^10\.\d{4,9}/\S+$")
_PREFIX = re.compile(r"[^\s,\[\]]*[^\s,\[\]\d]")
_ARXIV = re.compile(r"^(\d{4}\.\d{4,5}|[a-z-]+(\.[A-Z]{2})?/\d{7})(v\d+)?$")

CHOICES: dict[str, tuple[str, ...]] = {
    "order": ("listed", "cited"),
    "style": ("numbered", "list"),
    "sort": ("listed", "title", "year"),
}


def _one_of(name: str) -> Any:
    """docutils' ``choice`` among the values of ``CHOICES[name]`` (the first is the default)."""
    # a partial, not a lambda: the reference documentation (docs/_ext) reads the choices from it
    return functools.partial(directives.choice, values=CHOICES[name])


class _PapersDirective(WorkshopDirective):
    def domain(self) -> PapersDomain:
        return papers_domain(self.env)


def checked_record(
    fields: dict[str, Any],
    *,
    location: str,
    docname: str,
    list_id: str,
    lineno: int,
    source: str = "",
    source_line: int = 0,
    field_lines: Mapping[str, str] | None = None,
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
        keywords=tuple(fields.get("keywords") or ()),
    )


def read_entries(
    paths: list[Path],
    encoding: str,
    *,
    encoding_hint: str,
    location: Any,
    docname: str,
    list_id: str,
    lineno: int,
    raws: dict[str, RawEntry] | None = None,
) -> list[PaperRecord]:
    """The entries of the .bib files *paths*, read together (they share ``@string`` macros).

    *raws*, if given, receives each entry as pybtex read it (for :mod:`.citethis`).

    Every problem is a warning at its file and line (``<file>.bib:<line>``); a file that does not
    decode is left out (*encoding_hint* names the setting to change); an unreadable one warns at
    *location*.
    """
    bib = None
    paths = list(paths)
    while paths:
        try:
            bib = load_bibfiles([(path, encoding) for path in paths])
            break
        except Undecodable as error:
            warn(
                logger,
                "bibfile_encoding",
                f"cannot decode {error.path.name!r} as {encoding}: "
                f"invalid byte at offset {error.offset}; "
                f"set {encoding_hint} to the file's encoding (for example latin-1); the file is not read",
                location=file_line(error.path, error.line),
            )
            paths.remove(error.path)
        except OSError as error:
            warn(
                logger,
                "bibfile_missing",
                f"cannot read bibfile: {error.strerror or error}",
                location=location,
            )
            return []
    if bib is None:
        return []
    for problem in bib.problems:
        where = file_line(problem.source, problem.line)
        suffix = "; the first entry is used" if problem.kind == "duplicate_key" else ""
        warn(logger, problem.kind, problem.message + suffix, location=where)
    if raws is not None:
        raws.update((entry.key, entry.raw) for entry in bib.entries)
    records = []
    for entry in bib.entries:
        fields = entry._asdict()
        where = file_line(entry.source, entry.line)
        records.append(
            checked_record(
                fields,
                location=where,
                docname=docname,
                list_id=list_id,
                lineno=lineno,
                source=entry.source,
                source_line=entry.line,
            )
        )
    return records


def project_raws(env: Any) -> dict[str, RawEntry]:
    """The entries of ``papers_bibfiles`` as pybtex read them, by key (for a project list's BibTeX).

    The files were read, and any problem warned about, before the pages (:mod:`.project`); reading
    them again here is the loader's cache in the main process. A file that cannot be read gives no
    entries (its entries then show no BibTeX).
    """
    readable = [path for _name, path, why in project_paths(env) if not why]
    try:
        bib = load_bibfiles([(path, str(env.config.papers_bibtex_encoding)) for path in readable])
    except (Undecodable, OSError):
        return {}
    return {entry.key: entry.raw for entry in bib.entries}


def unreadable(path: Path) -> str:
    """Why *path* cannot be read as a file ("" when it can)."""
    try:
        return "" if path.is_file() else "not a file" if path.exists() else "No such file or directory"
    except OSError as error:  # a name too long for the file system, a permission problem
        return error.strerror or str(error)


class ReferencesDirective(_PapersDirective):
    """A list of papers: ``:bibfile:`` entries, then the ``paper`` entries of its body."""

    option_spec = OptionSpec(
        {
            "bibfile": str.split,
            "cited-only": directives.flag,
            "order": _one_of("order"),
            "style": _one_of("style"),
            "sort": _one_of("sort"),
            "entry-style": directives.unchanged,
            "encoding": directives.unchanged,
            "filter": directives.unchanged,
            "start": expecting(directives.positive_int, "a positive integer"),
            "label-prefix": directives.unchanged,
            "cite-this": directives.flag,
            "no-cite-this": directives.flag,
        }
    )
    nests_in_itself = False
    #: key -> the entry as pybtex read it, of the list's .bib files (to write its BibTeX again)
    raw_entries: dict[str, RawEntry]

    def choice(self, name: str) -> str:
        """The value of option *name*, or its default (the first choice)."""
        return str(self.options.get(name, CHOICES[name][0]))

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
        """Every path given to ``:bibfile:`` (space-separated)."""
        return list(self.options.get("bibfile", []))

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
            reason = unreadable(path)
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
        hint = ":encoding:" if self.options.get("encoding") else "papers_bibtex_encoding (or :encoding:)"
        return read_entries(
            self.bibfile_paths(names),
            self.encoding(),
            encoding_hint=hint,
            location=self.get_location(),
            raws=self.raw_entries,
            docname=self.env.docname,
            list_id=list_id,
            lineno=self.lineno,
        )

    def project_entries(self, list_id: str) -> list[PaperRecord]:
        """The entries of the project's bibliography (``papers_bibfiles``), as this list's."""
        for name in project_files(self.env):
            if not unreadable(Path(self.env.srcdir, name)):
                self.env.note_dependency(name)
        docname, lineno = self.env.docname, self.lineno
        return [
            record._replace(docname=docname, list_id=list_id, lineno=lineno)
            for record in self.domain().project_entries()
        ]

    def filter(self) -> tuple[str, bool]:
        """The ``:filter:`` as written, and whether it is bad (a located warning; the list shows nothing)."""
        text = " ".join(str(self.options.get("filter") or "").split())
        if "filter" not in self.options:
            return "", False
        try:
            parse_filter(text)
        except FilterError as error:
            self.warn_at(
                "bad_filter",
                f"invalid :filter: {text!r}: {error}; the list shows nothing",
                self.option_line("filter"),
            )
            return text, True
        return text, False

    def label_prefix(self) -> str:
        """``:label-prefix:``: text without spaces or commas, not ending in a digit ("" if absent or bad)."""
        value = str(self.options.get("label-prefix") or "").strip()
        if "label-prefix" not in self.options:
            return ""
        if value and _PREFIX.fullmatch(value):
            return value
        self.warn_at(
            "bad_option",
            f"invalid :label-prefix: {value!r} (expected text without spaces, commas or brackets, "
            "not ending in a digit); a letter is used",
            self.option_line("label-prefix"),
        )
        return ""

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
        filter_text, bad_filter = self.filter()
        start, prefix = int(self.options.get("start", 0)), self.label_prefix()
        if "label-prefix" in self.options and not prefix and not start:
            start = 1  # a bad prefix still asks for the list's own numbers
        self.raw_entries = {}
        names = self.bibfile_names()
        project = not names and not any(line.strip() for line in self.content)
        record = record._replace(
            filter=filter_text, bad_filter=bad_filter, start=start, prefix=prefix, project=project
        )
        entries: list[PaperRecord] = (
            self.read_bibfiles(names, list_id) if names else self.project_entries(list_id) if project else []
        )
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
            raws = self.raw_entries if names else project_raws(self.env)
            entries = [
                e._replace(bibtex=citethis.bibtex_of_entry(e.key, raws[e.key])) if e.key in raws else e
                for e in entries
            ]
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
    option_spec = OptionSpec(
        {
            name: directives.unchanged
            for name in ("title", "url", "authors", "venue", "year", "doi", "arxiv", "note", "keywords")
        }
    )

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
        fields["keywords"] = split_keywords(str(self.options.get("keywords") or ""))
        document[_ENTRIES_KEY].append(
            checked_record(
                fields,
                location=self.get_location(),
                docname=self.env.docname,
                list_id=list_id,
                lineno=self.lineno,
                field_lines={name: self.location_of(self.option_line(name)) for name in self.options},
            )
        )
        return []
