"""The one way the extension keeps incremental builds exact, for every feature.

Each domain stores its records per document and recomputes what spans documents after reading.
For every page that shows data of other pages (a citation's number, a card's name, an event's
organizers) it keeps a small digest of that data; after each read it compares the digests with
the stored ones and returns the pages whose digest changed from ``env-updated``, so Sphinx writes
them again without reading them again.
"""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Hashable, Mapping, Set


def digest(value: object) -> str:
    """A short, stable digest of *value*'s ``repr`` (plain data: strings, numbers, tuples)."""
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def changed(previous: Mapping[str, Hashable], current: Mapping[str, Hashable], reread: Set[str]) -> set[str]:
    """Pages whose digest appeared, went or differs, less those read again (they are written anyway)."""
    return {doc for doc in previous.keys() | current.keys() if previous.get(doc) != current.get(doc)} - reread
