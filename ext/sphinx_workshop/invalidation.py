"""The one way the extension keeps incremental builds exact, for every feature.

Each domain stores its records per document and recomputes what spans documents after reading.
For every page that shows data of other pages (a citation's number, a card's name, an event's
organizers) it keeps a small digest of that data; after each read it compares the digests with
the stored ones and returns the pages whose digest changed from ``env-updated``, so Sphinx writes
them again without reading them again.

Which documents a build reads is Sphinx's to say: the list it announces in ``env-before-read-docs``
(after other extensions have changed it), kept here for the build, out of the pickled environment
and without any merging of parallel readers' data (:func:`read_this_build`). What must outlive the
build, the digests, is the domains' data, which Sphinx pickles with the environment.
"""

from __future__ import annotations

import hashlib
import weakref
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Hashable, Mapping, Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: environment -> the documents its current build reads (never pickled: a module-level weak map)
_READ: weakref.WeakKeyDictionary[BuildEnvironment, frozenset[str]] = weakref.WeakKeyDictionary()


def _note_read(_app: Sphinx, env: BuildEnvironment, docnames: list[str]) -> None:
    _READ[env] = frozenset(docnames)


def read_this_build(env: BuildEnvironment) -> frozenset[str]:
    """The documents this build of *env* reads (every document of a fresh build; none of a build
    with nothing outdated), as Sphinx announced them before reading."""
    return _READ.get(env, frozenset())


def setup_invalidation(app: Sphinx) -> None:
    """Remember, for each build, the documents it reads (late, after handlers that add some)."""
    app.connect("env-before-read-docs", _note_read, priority=900)


def digest(value: object) -> str:
    """A short, stable digest of *value*'s ``repr`` (plain data: strings, numbers, tuples)."""
    return hashlib.blake2b(repr(value).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def changed(previous: Mapping[str, Hashable], current: Mapping[str, Hashable], reread: Set[str]) -> set[str]:
    """Pages whose digest appeared, went or differs, less those read again (they are written anyway)."""
    return {doc for doc in previous.keys() | current.keys() if previous.get(doc) != current.get(doc)} - reread
