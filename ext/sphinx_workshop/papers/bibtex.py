"""Reading ``.bib`` files with pybtex: entries mapped onto paper fields, LaTeX decoded to Unicode.

A parsed file is cached per process by (path, modification time, size), so a build parses each
file once however many lists use it. pybtex does the parsing (``@string`` macros, quoted, braced
and bare values) and latexcodec the decoding (``Sch{\\"u}tze`` -> ``Schütze``).
"""

from __future__ import annotations

import codecs
import contextlib
import functools
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from sphinx_workshop.i18n import _
from sphinx_workshop.untrusted import clean_text

if TYPE_CHECKING:
    from collections.abc import Mapping

_ENTRY_START = re.compile(r"@\s*([A-Za-z]+)\s*[{(]\s*([^\s,{}()]+)\s*,")
_REPEATED = re.compile(r"repeated bibliography entry: (.+)$")
_NEEDS_DECODING = re.compile(r"[\\~$]|--|``|''")


class BibEntry(NamedTuple):
    """The fields of one BibTeX entry that a paper shows, decoded to plain Unicode text."""

    key: str
    line: int
    title: str
    url: str
    authors: tuple[str, ...]
    venue: str
    year: str
    doi: str
    arxiv: str
    note: str


class BibProblem(NamedTuple):
    """Something wrong in a .bib file: ``kind`` is "parse" or "duplicate"; ``line`` 0 if unknown."""

    kind: str
    line: int
    message: str


class BibFile(NamedTuple):
    """A parsed .bib file."""

    entries: tuple[BibEntry, ...]
    problems: tuple[BibProblem, ...]


@functools.lru_cache(maxsize=4096)
def decode_latex(value: str) -> str:
    """LaTeX markup to plain Unicode text: accents and dashes through latexcodec, braces dropped."""
    if _NEEDS_DECODING.search(value):
        import latexcodec  # noqa: F401 - registers the "ulatex" codec; imported late to keep start-up fast

        with contextlib.suppress(ValueError):  # latexcodec is lenient; keep the raw text if not
            value = str(codecs.decode(value, "ulatex"))  # type: ignore[call-overload]
    return " ".join(value.replace("{", "").replace("}", "").split())


def _person(person: Any) -> str:
    parts = [*person.first_names, *person.middle_names, *person.prelast_names, *person.last_names]
    name = " ".join(parts)
    if person.lineage_names:
        name += ", " + " ".join(person.lineage_names)
    name = decode_latex(name)
    return str(_("et al.")) if name.lower() == "others" else name


def _entry_lines(text: str) -> dict[str, list[int]]:
    """Line numbers of each entry key, in file order (several when a key is repeated)."""
    lines: dict[str, list[int]] = {}
    line, pos = 1, 0
    for match in _ENTRY_START.finditer(text):
        if match.group(1).lower() in {"string", "preamble", "comment"}:
            continue
        line += text.count("\n", pos, match.start())
        pos = match.start()
        lines.setdefault(match.group(2).lower(), []).append(line)
    return lines


def _to_entry(key: str, entry: Any, parent: Any, line: int) -> BibEntry:
    def field(name: str) -> str:
        value = entry.fields.get(name)
        if value is None and parent is not None:
            value = parent.fields.get(name)
        return decode_latex(str(value)) if value else ""

    persons: Mapping[str, Any] = entry.persons
    people = persons.get("author") or persons.get("editor")
    if not people and parent is not None:
        people = parent.persons.get("author") or parent.persons.get("editor")
    venue = field("journal") or field("booktitle")
    if not venue and parent is not None and parent.fields.get("title"):
        venue = decode_latex(str(parent.fields["title"]))
    venue = venue or field("howpublished")
    archive = field("archiveprefix").lower()
    arxiv = field("eprint") if archive in {"", "arxiv"} else ""
    return BibEntry(
        key=key,
        line=line,
        title=field("title"),
        url=field("url"),
        authors=tuple(_person(p) for p in people or ()),
        venue=venue,
        year=field("year"),
        doi=field("doi"),
        arxiv=arxiv,
        note=field("note"),
    )


def parse_bib(text: str) -> BibFile:
    """Parse BibTeX *text*: every entry pybtex could read, and every problem it reported."""
    import pybtex.errors  # imported here: a build whose bib files are unchanged never needs pybtex
    from pybtex.database.input.bibtex import Parser

    text = clean_text(text)  # the input boundary: no control character reaches a record
    lines = _entry_lines(text)
    problems: list[BibProblem] = []
    with pybtex.errors.capture() as captured:
        try:
            data = Parser().parse_string(text)
        except Exception as fatal:  # pybtex raises its own errors (and others) on broken input
            captured.append(fatal)
            data = None
    for error in captured:
        message = str(error)
        repeated = _REPEATED.search(message)
        if repeated:
            seen = lines.get(repeated.group(1).lower(), [])
            line = seen[1] if len(seen) > 1 else 0
            problems.append(
                BibProblem("duplicate", line, f"duplicate key {repeated.group(1)!r} in this file")
            )
        else:
            problems.append(BibProblem("parse", int(getattr(error, "lineno", 0) or 0), message))
    entries: list[BibEntry] = []
    if data is not None:
        # an entry others inherit from (a proceedings volume) is not a paper of the list itself
        parents = {str(e.fields["crossref"]).lower() for e in data.entries.values() if "crossref" in e.fields}
        for key, entry in data.entries.items():
            if key.lower() in parents:
                continue
            crossref = entry.fields.get("crossref")
            parent = data.entries.get(crossref) if crossref else None
            line = (lines.get(key.lower()) or [0])[0]
            entries.append(_to_entry(key, entry, parent, line))
    return BibFile(tuple(entries), tuple(problems))


@functools.lru_cache(maxsize=32)
def _load(path: str, mtime_ns: int, size: int) -> BibFile:
    return parse_bib(Path(path).read_text(encoding="utf-8-sig"))


def load_bibfile(path: Path) -> BibFile:
    """The parsed content of the .bib file at *path* (cached while the file is unchanged).

    Raises ``OSError`` or ``UnicodeDecodeError`` when the file cannot be read.
    """
    stat = path.stat()
    return _load(str(path), stat.st_mtime_ns, stat.st_size)
