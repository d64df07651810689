"""Reading ``.bib`` files with pybtex: entries mapped onto paper fields, LaTeX decoded to rich text.

The files of one list are parsed by one pybtex parser, in the order listed, so they share
``@string`` macros (and ``@preamble`` definitions) as BibTeX does. Parsed files are cached per
process by (path, modification time, size) of every file and the encoding, so a build parses them
once however many lists use them. pybtex does the parsing and splits names into their parts;
:mod:`.latex` (over latexcodec) decodes field values; :mod:`.crossref` resolves inheritance.
Every field value (and name) enters a record through :func:`_field_value`.
"""

from __future__ import annotations

import calendar
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx_workshop.papers.crossref import RawEntry, inherit
from sphinx_workshop.papers.latex import Macro, Rich, decode, plain, preamble_macros, verbatim
from sphinx_workshop.untrusted import clean_text

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

_ENTRY_START = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^\s,{}()]+)\s*,")
_REPEATED = re.compile(r"repeated bibliography entry: (.+)$")
_SYNTAX_LINE = re.compile(r"in line (\d+)")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_DATE_MONTH = re.compile(r"^\s*-?\d{1,4}-(\d{2})")
_NOT_ENTRIES = frozenset({"set", "xdata"})

#: Fields shown as rich text (LaTeX decoded), in addition to the title.
RICH_FIELDS = (
    "subtitle", "titleaddon", "journal", "journalsubtitle", "booktitle", "booksubtitle", "maintitle",
    "mainsubtitle", "eventtitle", "volume", "number", "pages", "edition", "series", "chapter", "publisher",
    "address", "organization", "school", "institution", "type", "howpublished", "month", "note",
    "addendum", "pubstate", "eprintclass", "urldate", "volumes", "part", "issue", "shorttitle",
)  # fmt: skip
#: biblatex names of BibTeX fields.
_ALIASES = {"journaltitle": "journal", "location": "address"}


class BibEntry(NamedTuple):
    """One BibTeX entry, with inherited fields, decoded for display."""

    key: str
    line: int
    type: str
    title: str  # plain text
    url: str
    authors: tuple[str, ...]
    editors: tuple[str, ...]
    surnames: tuple[str, ...]  # of the authors, else of the editors (for author-year labels)
    venue: str  # plain text of the journal or book title
    year: str
    doi: str
    arxiv: str
    eprint: str  # an identifier other than arXiv, with its eprinttype
    note: str
    fields: tuple[tuple[str, Rich], ...]  # every shown field (title included) as rich text
    parent: bool  # the target of a crossref: listed only if cited
    source: str  # the file of the entry
    raw: RawEntry  # as pybtex read it (macros expanded), with inherited fields: to write it again
    keywords: tuple[str, ...] = ()  # the keywords field, split at "," and ";"


class BibProblem(NamedTuple):
    """Something wrong in a .bib file: ``kind`` is a warning subtype; ``line`` 0 if unknown."""

    kind: str
    source: str
    line: int
    message: str


class BibFile(NamedTuple):
    """The parsed files of one list."""

    entries: tuple[BibEntry, ...]
    problems: tuple[BibProblem, ...]


def _entry_lines(text: str) -> dict[str, list[int]]:
    """Line numbers of each entry key (lower case), in file order (several when a key is repeated)."""
    lines: dict[str, list[int]] = {}
    line, pos = 1, 0
    for match in _ENTRY_START.finditer(text):
        if match.group(1).lower() in {"string", "preamble", "comment"}:
            continue
        line += text.count("\n", pos, match.start())
        pos = match.start()
        lines.setdefault(match.group(2).lower(), []).append(line)
    return lines


def _key_at(text: str, line: int) -> str:
    """The key (as written) of the entry that starts last at or before *line* ("" if none)."""
    best, current, pos = "", 1, 0
    for match in _ENTRY_START.finditer(text):
        current += text.count("\n", pos, match.start())
        pos = match.start()
        if current > line:
            break
        if match.group(1).lower() not in {"string", "preamble", "comment"}:
            best = match.group(2)
    return best


class _Decoder:
    """Decodes the fields of one file's entries; collects unknown commands once per command."""

    def __init__(self, macros: dict[str, Macro], source: str) -> None:
        self.macros = macros
        self.source = source
        self.reported: set[str] = set()
        self.problems: list[BibProblem] = []

    def field_text(self, key: str, line: int, name: str, value: str) -> Rich:
        """The one place where a field's text enters a record."""
        decoded = decode(value, self.macros)
        for command in decoded.unknown:
            if command not in self.reported:
                self.reported.add(command)
                self.problems.append(
                    BibProblem(
                        "bibtex_latex",
                        self.source,
                        line,
                        f"entry {key!r}: unknown LaTeX command \\{command} in {name}; "
                        "its argument is shown as text",
                    )
                )
        return decoded.rich

    def name(self, key: str, line: int, person: Any) -> tuple[str, str]:
        """A person as shown (``First von Last, Jr.``) and their surname (``von Last``)."""
        parts = [*person.first_names, *person.middle_names]
        surname = _field_value(" ".join([*person.prelast_names, *person.last_names]))
        full = " ".join([_field_value(" ".join(parts)), surname]).strip()
        if person.lineage_names:
            full += ", " + _field_value(" ".join(person.lineage_names))
        shown = plain(self.field_text(key, line, "a name", full))
        if shown.lower() == "others":
            return "et al.", ""
        return shown, plain(self.field_text(key, line, "a name", surname)) or shown


def _year_and_month(fields: dict[str, str]) -> tuple[str, str]:
    year = fields.get("year", "")
    month = fields.get("month", "")
    date = fields.get("date", "")
    if not year and date:
        years = [found.group(1) for found in _YEAR.finditer(date)]
        year = "\u2013".join(dict.fromkeys(years[:2])) if "/" in date else (years[0] if years else date)
    if not month and date and not fields.get("year"):
        found_month = _DATE_MONTH.match(date)
        if found_month and 1 <= int(found_month.group(1)) <= 12:
            month = calendar.month_name[int(found_month.group(1))]
    return year, month


def _to_entry(key: str, raw: RawEntry, line: int, parent: bool, decoder: _Decoder) -> BibEntry:
    fields = {_ALIASES.get(name, name): value for name, value in raw.fields.items()}
    for name in _ALIASES.values():  # the BibTeX name wins over the biblatex one
        if name in raw.fields:
            fields[name] = raw.fields[name]

    def text(name: str) -> Rich:
        value = fields.get(name, "")
        return decoder.field_text(key, line, name, value) if value else ""

    year, month = _year_and_month(fields)
    shown: dict[str, Rich] = {}
    title = text("title")
    if title:
        shown["title"] = title
    for name in RICH_FIELDS:
        value = text(name) if name != "month" else decoder.field_text(key, line, name, month)
        if value:
            shown[name] = value
    names = {
        role: [decoder.name(key, line, person) for person in raw.persons.get(role, ())]
        for role in ("author", "editor")
    }
    authors = names["author"]
    editors = names["editor"]
    eprint = verbatim(fields.get("eprint", ""))
    kind = (fields.get("eprinttype") or fields.get("archiveprefix") or "").strip().lower()
    arxiv = eprint if kind in {"", "arxiv"} else ""
    other = f"{kind}:{eprint}" if eprint and not arxiv else ""
    return BibEntry(
        key=key,
        line=line,
        type=raw.type,
        title=plain(title),
        url=verbatim(fields.get("url", "")),
        authors=tuple(name for name, _ in authors),
        editors=tuple(name for name, _ in editors),
        # "and others" stays as an empty surname: the label then says "et al." however few are named
        surnames=tuple(surname for _, surname in (authors or editors)),
        venue=plain(shown.get("journal") or shown.get("booktitle") or ""),
        year=plain(decoder.field_text(key, line, "year", year)) if year else "",
        doi=verbatim(fields.get("doi", "")),
        arxiv=arxiv,
        eprint=other,
        note=plain(shown.get("note", "")),
        fields=tuple(shown.items()),
        parent=parent,
        source=decoder.source,
        keywords=split_keywords(plain(text("keywords"))),
        raw=raw,
    )


def split_keywords(text: str) -> tuple[str, ...]:
    """Keywords written ``a, b; c``: each stripped, empty ones left out, in order, once each."""
    return tuple(dict.fromkeys(word.strip() for word in re.split(r"[,;]", text) if word.strip()))


def _field_value(value: object) -> str:
    """The one place where the text of a field (or of a name's parts) enters a record."""
    return str(value)


@functools.cache
def _parser_class() -> type[Any]:
    """pybtex's BibTeX parser, noting the entry (key and occurrence) each problem it reports while
    reading one belongs to: its name-parsing problems ("Too many commas") say no line or key."""
    import pybtex.errors  # imported here: a build whose bib files are unchanged never needs pybtex
    from pybtex.database.input.bibtex import Parser

    class EntryNotingParser(Parser):  # type: ignore[misc]
        def __init__(self) -> None:
            super().__init__()
            self.read: dict[str, int] = {}  # key (lower case) -> entries read under it so far
            self.entry_of: dict[int, tuple[str, int]] = {}  # id(problem) -> (key, occurrence)

        def process_entry(self, entry_type: str, key: str | None, fields: Any) -> None:
            captured = pybtex.errors.captured_errors
            before = len(captured) if captured is not None else 0
            super().process_entry(entry_type, key, fields)
            if key is None or captured is None:
                return
            occurrence = self.read[key.lower()] = self.read.get(key.lower(), 0) + 1
            for problem in captured[before:]:
                self.entry_of[id(problem)] = (key, occurrence)

    return EntryNotingParser


def parse_bibs(texts: Sequence[tuple[str, str]]) -> BibFile:
    """Parse the BibTeX *texts* (``(source, text)`` pairs, in order) as the files of one list."""
    import pybtex.errors

    parser = _parser_class()()
    problems: list[BibProblem] = []
    origin: dict[str, tuple[str, int]] = {}  # key -> (source, line)
    data = None
    for source, text in texts:
        text = clean_text(text)  # the input boundary: no control character reaches a record
        lines = _entry_lines(text)
        before = set(parser.data.entries.keys())
        parser.read.clear()  # occurrences are counted per file, as _entry_lines counts lines
        with pybtex.errors.capture() as captured:
            try:
                data = parser.parse_string(text)
            except Exception as fatal:  # pybtex raises its own errors (and others) on broken input
                captured.append(fatal)
        for error in captured:
            lineno = getattr(error, "lineno", 0)
            entry = parser.entry_of.get(id(error))
            problems.append(_problem(str(error), source, text, lines, lineno, origin, entry))
        for key in parser.data.entries.keys() - before:
            origin[key] = (source, (lines.get(key.lower()) or [0])[0])
    if data is None:
        data = parser.data
    raw = {
        key: RawEntry(
            entry.type.lower(),
            {name.lower(): _field_value(value) for name, value in entry.fields.items()},
            {role.lower(): list(people) for role, people in entry.persons.items()},
        )
        for key, entry in data.entries.items()
    }
    inherited = inherit(raw)
    for key, message in inherited.problems:
        source, line = origin.get(key, ("", 0))
        problems.append(BibProblem("bibtex_crossref", source, line, message))
    macros = preamble_macros(str(data.preamble or ""))
    decoders: dict[str, _Decoder] = {}
    entries: list[BibEntry] = []
    for key, entry in inherited.entries.items():
        if entry.type in _NOT_ENTRIES:
            continue
        source, line = origin.get(key, ("", 0))
        decoder = decoders.get(source)
        if decoder is None:
            decoder = decoders[source] = _Decoder(macros, source)
        entries.append(_to_entry(key, entry, line, key.lower() in inherited.parents, decoder))
    for decoder in decoders.values():
        problems.extend(decoder.problems)
    return BibFile(tuple(entries), tuple(problems))


def _problem(
    message: str,
    source: str,
    text: str,
    lines: dict[str, list[int]],
    lineno: Any,
    origin: dict[str, tuple[str, int]],
    entry: tuple[str, int] | None = None,
) -> BibProblem:
    """A problem pybtex reported while parsing *text* (the file *source*), located and named.

    *entry* is the key and occurrence (1 for the first in the file) of the entry being read when pybtex
    reported it: a problem whose message and error say no line (a name pybtex cannot split, a field
    given twice) is located at that entry's line.
    """
    repeated = _REPEATED.search(message)
    if repeated:
        key = repeated.group(1)
        seen = lines.get(key.lower(), [])
        first = next((where for other, where in origin.items() if other.lower() == key.lower()), None)
        if first is not None:  # first listed in an earlier file of the list
            line = seen[0] if seen else 0
            shown = Path(first[0]).name
            return BibProblem(
                "duplicate_key", source, line, f"duplicate key {key!r} (first in {shown}:{first[1]})"
            )
        line = seen[1] if len(seen) > 1 else (seen[0] if seen else 0)
        return BibProblem("duplicate_key", source, line, f"duplicate key {key!r} in this file")
    line = int(lineno or 0)
    if not line:
        found = _SYNTAX_LINE.search(message)
        line = int(found.group(1)) if found else 0
    if not line and entry is not None:
        key, occurrence = entry
        written = lines.get(key.lower(), [])
        line = written[occurrence - 1] if occurrence <= len(written) else 0
        if line:
            return BibProblem("bibfile_parse", source, line, f"BibTeX: entry {key!r}: {message}")
    starts = {start for found in lines.values() for start in found}
    # a syntax error at the first line of an entry is the previous entry's: pybtex read on into it
    before = line - 1 if line in starts and "syntax error" in message else line
    key = _key_at(text, before) if line else ""
    prefix = f"entry {key!r}: " if key else ""
    return BibProblem("bibfile_parse", source, line, f"BibTeX: {prefix}{message}")


class Undecodable(ValueError):
    """A .bib file that is not text in the encoding given: where, and in which encoding."""

    def __init__(self, path: Path, encoding: str, offset: int, line: int) -> None:
        super().__init__(f"{path}: not {encoding} text at byte {offset}")
        self.path, self.encoding, self.offset, self.line = path, encoding, offset, line


def read_text(path: Path, encoding: str) -> str:
    """The text of *path* in *encoding* (a byte order mark dropped).

    Raises ``OSError`` if unreadable, :class:`Undecodable` if not text in *encoding*.
    """
    data = path.read_bytes()
    codec = "utf-8-sig" if encoding.replace("_", "-").lower() in {"utf-8", "utf8"} else encoding
    try:
        return data.decode(codec)
    except UnicodeDecodeError as error:
        raise Undecodable(path, encoding, error.start, data.count(b"\n", 0, error.start) + 1) from None


@functools.lru_cache(maxsize=32)
def _load(files: tuple[tuple[str, int, int], ...], encodings: tuple[str, ...]) -> BibFile:
    return parse_bibs(
        [(path, read_text(Path(path), enc)) for (path, _, _), enc in zip(files, encodings, strict=True)]
    )


def load_bibfiles(paths: Iterable[tuple[Path, str]]) -> BibFile:
    """The parsed content of the .bib files *paths* (with their encodings), cached while unchanged.

    Raises ``OSError`` or :class:`Undecodable` when a file cannot be read.
    """
    files, encodings = [], []
    for path, encoding in paths:
        stat = path.stat()
        files.append((str(path), stat.st_mtime_ns, stat.st_size))
        encodings.append(encoding)
    return _load(tuple(files), tuple(encodings))
