"""``crossref`` and ``xdata`` inheritance, as BibTeX and biblatex define it, over any number of levels.

A child inherits every field and name list it lacks from its parent (which first inherits from its
own). biblatex's mapping of titles applies: a book's or proceedings' ``title`` becomes the child's
``booktitle``, a multi-volume work's ``maintitle``, a periodical's ``journaltitle``. A missing
parent or a loop is reported, and the child keeps the fields it has.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    from collections.abc import Mapping

#: Fields that say how entries relate; never inherited.
_NOT_INHERITED = frozenset({"crossref", "xdata", "xref", "ids", "entryset", "related", "relatedtype", "key"})
_MULTIVOLUME = frozenset({"mvbook", "mvcollection", "mvproceedings", "mvreference"})
_PERIODICAL = frozenset({"periodical"})


class RawEntry(NamedTuple):
    """An entry as pybtex read it: its type (lower case), raw fields (lower-case names), name lists."""

    type: str
    fields: dict[str, str]
    persons: dict[str, list[Any]]


class Inherited(NamedTuple):
    """The entries with their inherited fields, the keys others crossref, and what went wrong."""

    entries: dict[str, RawEntry]
    parents: frozenset[str]  # lower-case keys
    problems: list[tuple[str, str]]  # (key, message)


def _title_as(parent: RawEntry) -> tuple[str, str]:
    """The child's fields for the parent's title and subtitle."""
    if parent.type in _MULTIVOLUME:
        return "maintitle", "mainsubtitle"
    if parent.type in _PERIODICAL:
        return "journaltitle", "journalsubtitle"
    return "booktitle", "booksubtitle"


def _inherit(child: RawEntry, parent: RawEntry, *, titles: bool) -> RawEntry:
    fields = dict(child.fields)
    mapped = _title_as(parent) if titles else ("title", "subtitle")
    for name, value in parent.fields.items():
        if name in _NOT_INHERITED:
            continue
        if name == "title":
            name = mapped[0]
        elif name == "subtitle":
            name = mapped[1]
        fields.setdefault(name, value)
    persons = dict(child.persons)
    for role, people in parent.persons.items():
        persons.setdefault(role, people)
    return RawEntry(child.type, fields, persons)


def inherit(entries: Mapping[str, RawEntry]) -> Inherited:
    """Resolve ``crossref`` and ``xdata`` for every entry of *entries* (keys as written)."""
    folded = {key.lower(): key for key in entries}
    done: dict[str, RawEntry] = {}
    problems: list[tuple[str, str]] = []
    parents: set[str] = set()
    in_loop: set[str] = set()  # entries of a loop are shown, cited or not: none is only a parent

    def resolve(key: str, chain: tuple[str, ...]) -> RawEntry:
        if key in done:
            return done[key]
        entry = entries[key]
        for link, titles in (("xdata", False), ("crossref", True)):
            for target in (part.strip() for part in entry.fields.get(link, "").split(",")):
                if not target:
                    continue
                found = folded.get(target.lower())
                if found is None:
                    problems.append(
                        (
                            key,
                            f"entry {key!r}: {link} to {target!r}, which is not in its files; "
                            "it is shown without the fields it would inherit",
                        )
                    )
                    continue
                if found in chain or found == key:
                    cycle = (*chain, key)[(*chain, key).index(found) :]
                    in_loop.update(member.lower() for member in cycle)
                    loop = " -> ".join((*cycle, found))
                    problems.append((key, f"entry {key!r}: {link} loop ({loop}); it is not followed further"))
                    continue
                if titles:
                    parents.add(found.lower())
                entry = _inherit(entry, resolve(found, (*chain, key)), titles=titles)
        done[key] = entry
        return entry

    for key in entries:
        resolve(key, ())
    return Inherited({key: done[key] for key in entries}, frozenset(parents - in_loop), problems)
