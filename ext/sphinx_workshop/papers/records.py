"""The immutable records the papers domain stores, and what it derives from them after reading."""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING, Any, NamedTuple, cast

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")
_SAFE = re.compile(r"[A-Za-z0-9_-]*")
_PLAIN_DOCNAME = re.compile(r"[A-Za-z0-9-]+")
_NOT_PLAIN = re.compile(r"[^A-Za-z0-9-]")


def anchor_for(key: str) -> str:
    """The HTML id (and LaTeX label) of the entry of paper *key*: ``paper-<key>``, made safe.

    Letters, digits, ``_`` and ``-`` are kept; any other character is written as ``.<hex>.``.
    """
    if _SAFE.fullmatch(key):  # the usual case, without a substitution callback per character
        return "paper-" + key
    return "paper-" + _UNSAFE.sub(lambda m: f".{ord(m[0]):x}.", key)


def place_prefix(docname: str) -> str:
    """The ids of a document's citation places are this prefix and their index (``cite-index-0``).

    Letters, digits and ``-`` of the document name are kept and any other character is written as
    ``.<hex>.``, so two documents never share a prefix (singlehtml holds them all in one page), even
    when their names differ only by punctuation or case (``a_b``, ``a-b``: ``cite-a.5f.b-``, ``cite-a-b-``).
    """
    if _PLAIN_DOCNAME.fullmatch(docname):
        return f"cite-{docname}-"
    return "cite-" + _NOT_PLAIN.sub(lambda m: f".{ord(m[0]):x}.", docname) + "-"


class PaperRecord(NamedTuple):
    """One paper of a references list, from a ``paper`` directive or a BibTeX entry."""

    key: str
    title: str
    url: str
    authors: tuple[str, ...]
    venue: str
    year: str
    doi: str
    arxiv: str
    note: str
    #: The document holding the references list, and the list's id (see :class:`ListRecord`).
    docname: str
    list_id: str
    #: The line of the ``paper`` (or, for a BibTeX entry, the ``references``) directive.
    lineno: int
    #: The .bib file of a BibTeX entry (absolute path, one string shared by its entries), else empty;
    #: and the entry's line in it (0 if unknown).
    source: str
    source_line: int
    #: The BibTeX entry type ("" for a ``paper`` directive), the editors, and the surnames an
    #: author-year label uses (authors', else editors').
    type: str = ""
    editors: tuple[str, ...] = ()
    surnames: tuple[str, ...] = ()
    #: An identifier other than DOI and arXiv (``hdl:2027/xyz``), with its eprinttype.
    eprint: str = ""
    #: Every field the entry shows, as rich text (:data:`sphinx_workshop.papers.latex.Rich`).
    fields: tuple[tuple[str, Any], ...] = ()
    #: The target of a BibTeX crossref: listed only if something cites it.
    parent: bool = False
    #: The entry's keywords (BibTeX ``keywords``, a ``paper``'s ``:keywords:``), for ``:filter:``.
    keywords: tuple[str, ...] = ()
    #: The entry as BibTeX, for readers to cite (see :mod:`.citethis`); "" unless its list shows it.
    bibtex: str = ""

    @property
    def anchor(self) -> str:
        """The id of the entry in the output."""
        return anchor_for(self.key)


#: A :class:`PaperRecord` as the environment stores it: a plain tuple of its fields. A NamedTuple
#: is pickled and unpickled through Python calls, one per entry (10,000 entries: 10,000 calls each
#: way); a plain tuple in C, and the garbage collector stops tracking it.
Row = tuple[Any, ...]

_as_record = cast("Callable[[Row], PaperRecord]", partial(tuple.__new__, PaperRecord))


def as_records(rows: Iterable[Row]) -> Iterator[PaperRecord]:
    """The stored rows as records again (in C: ``tuple.__new__``, no Python call per row)."""
    return map(_as_record, rows)


class ListRecord(NamedTuple):
    """One ``references`` directive."""

    list_id: str
    docname: str
    lineno: int
    order: str  # "listed" | "cited"
    style: str  # "numbered" | "list"
    sort: str  # "listed" | "title" | "year"
    cited_only: bool
    entry_style: str = ""  # a registered entry style; "" for the project's papers_style
    #: The ``:filter:`` as written ("" for none); ``bad_filter`` when it did not parse (nothing shown).
    filter: str = ""
    bad_filter: bool = False
    #: ``:start:`` (0: the list numbers on from the previous numbered list) and ``:label-prefix:``.
    start: int = 0
    prefix: str = ""
    #: Whether the list shows the project's bibliography (``papers_bibfiles``): no ``:bibfile:``, no body.
    project: bool = False
    cite_this: bool = False  # each entry shows its BibTeX; the list's .bib is written (HTML)

    @property
    def own_numbers(self) -> bool:
        """Whether the list numbers itself (``:start:`` or ``:label-prefix:``), its labels prefixed."""
        return bool(self.start or self.prefix)


#: The citation places of one document, in document order: each the comma-separated keys of one
#: ``{cite}`` (or the key of one ``{paper}``); the id of place *i* is ``place_prefix(docname) + str(i)``.
#: Plain strings keep the pickled environment small and quick to load.
Places = tuple[str, ...]


class Fingerprint(NamedTuple):
    """What the output of the last build depended on: kept in the environment to find what changed."""

    #: docname -> checksum of what the citations of that page render (each key's label, page, title).
    pages: dict[str, int]
    #: list_id -> digest of everything the list renders.
    lists: dict[str, str]


EMPTY_FINGERPRINT = Fingerprint({}, {})
