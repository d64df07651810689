"""The immutable records the papers domain stores: entries, lists and citation places."""

from __future__ import annotations

import re
from typing import NamedTuple

_UNSAFE = re.compile(r"[^A-Za-z0-9_-]")


def anchor_for(key: str) -> str:
    """The HTML id (and LaTeX label) of the entry of paper *key*: ``paper-<key>``, made safe.

    Letters, digits, ``_`` and ``-`` are kept; any other character is written as ``.<hex>.``.
    """
    return "paper-" + _UNSAFE.sub(lambda m: f".{ord(m[0]):x}.", key)


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

    @property
    def anchor(self) -> str:
        """The id of the entry in the output."""
        return anchor_for(self.key)

    def location(self) -> tuple[str, int]:
        """A warning location: ``(docname, line)`` of its directive."""
        return (self.docname, self.lineno)

    def rendered(self) -> tuple[str, str, tuple[str, ...], str, str, str, str, str]:
        """What the entry shows: every field but its location (a signature for change detection)."""
        return (self.title, self.url, self.authors, self.venue, self.year, self.doi, self.arxiv, self.note)


class ListRecord(NamedTuple):
    """One ``references`` directive."""

    list_id: str
    docname: str
    lineno: int
    order: str  # "listed" | "cited"
    style: str  # "numbered" | "list"
    sort: str  # "listed" | "title" | "year"
    cited_only: bool


class CiteRecord(NamedTuple):
    """One place that cites papers: a ``{cite}`` (one or more keys) or a ``{paper}`` reference."""

    docname: str
    lineno: int
    place_id: str
    keys: tuple[str, ...]


class ListItem(NamedTuple):
    """One shown entry of a list, with its label and the places that cite it."""

    key: str
    label: str
    backlinks: tuple[tuple[str, str], ...]  # (docname, place_id)


class Derived(NamedTuple):
    """What the domain computes once every document is read (never merged, always recomputed)."""

    #: key -> the entry that counts (the first listed, in document order); duplicates excluded.
    papers: dict[str, PaperRecord]
    #: key -> the label a citation shows ("12", or "Mirhoseini et al. 2017" for unnumbered lists).
    labels: dict[str, str]
    #: list_id -> its entries in the order shown.
    lists: dict[str, tuple[ListItem, ...]]


class Fingerprint(NamedTuple):
    """What the output of the last build depended on: kept in the environment to find what changed."""

    #: key -> checksum of (label, page, title) of each shown paper: what a citation of it renders.
    keys: dict[str, int]
    #: list_id -> digest of everything the list renders.
    lists: dict[str, str]


EMPTY_FINGERPRINT = Fingerprint({}, {})
