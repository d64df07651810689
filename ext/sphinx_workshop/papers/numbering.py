"""Whole-project computation: which entry counts for each key, list order, labels and back-links.

Pure functions over the domain's per-document records, run once all documents are read.
"""

from __future__ import annotations

import hashlib
import zlib
from typing import TYPE_CHECKING

from sphinx_workshop.papers.records import CiteRecord, Derived, Fingerprint, ListItem, ListRecord, PaperRecord

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence, Set

_LAST = float("inf")


def document_order(root: str, includes: Mapping[str, Sequence[str]], docnames: Iterable[str]) -> list[str]:
    """Documents in reading order: the toctree depth-first from *root*, then the rest by name."""
    order: list[str] = []
    seen: set[str] = set()
    stack = [root]
    while stack:
        doc = stack.pop()
        if doc in seen:
            continue
        seen.add(doc)
        order.append(doc)
        stack.extend(reversed(includes.get(doc, ())))
    order.extend(sorted(set(docnames) - seen))
    return order


def author_year(record: PaperRecord) -> str:
    """The label of an entry of an unnumbered list: ``Mirhoseini et al. 2017``."""
    parts = []
    if record.authors:
        parts.append(record.authors[0].split()[-1] + (" et al." if len(record.authors) > 1 else ""))
    if record.year:
        parts.append(record.year)
    return " ".join(parts) or record.key


def _sorted(records: list[PaperRecord], how: str) -> list[PaperRecord]:
    if how == "title":
        return sorted(records, key=lambda r: r.title.casefold())
    if how == "year":
        return sorted(records, key=lambda r: (not r.year, r.year))
    return records


def compute(
    order: Sequence[str],
    entries: Mapping[str, Sequence[PaperRecord]],
    lists: Mapping[str, Sequence[ListRecord]],
    cites: Mapping[str, Sequence[CiteRecord]],
) -> tuple[Derived, list[tuple[PaperRecord, PaperRecord]]]:
    """The derived data, and the (duplicate, first entry) pairs of keys listed more than once."""
    first: dict[str, PaperRecord] = {}
    duplicates: list[tuple[PaperRecord, PaperRecord]] = []
    for doc in order:
        for record in entries.get(doc, ()):
            if record.key in first:
                duplicates.append((record, first[record.key]))
            else:
                first[record.key] = record

    cite_rank: dict[str, int] = {}
    backlinks: dict[str, list[tuple[str, str]]] = {}
    for doc in order:
        for cite in cites.get(doc, ()):
            for key in dict.fromkeys(cite.keys):
                cite_rank.setdefault(key, len(cite_rank))
                backlinks.setdefault(key, []).append((doc, cite.place_id))

    by_list: dict[str, list[PaperRecord]] = {}
    for record in first.values():
        by_list.setdefault(record.list_id, []).append(record)

    papers: dict[str, PaperRecord] = {}
    labels: dict[str, str] = {}
    shown: dict[str, tuple[ListItem, ...]] = {}
    for doc in order:
        for lst in lists.get(doc, ()):
            records = by_list.get(lst.list_id, [])
            if lst.cited_only:
                records = [r for r in records if r.key in cite_rank]
            records = _sorted(records, lst.sort)
            if lst.order == "cited":
                records = sorted(records, key=lambda r: cite_rank.get(r.key, _LAST))
            items = []
            for number, record in enumerate(records, 1):
                label = str(number) if lst.style == "numbered" else author_year(record)
                papers[record.key] = record
                labels[record.key] = label
                items.append(ListItem(record.key, label, tuple(backlinks.get(record.key, ()))))
            shown[lst.list_id] = tuple(items)
    return Derived(papers, labels, shown), duplicates


def _checksum(text: str) -> int:
    """A 64-bit checksum (stable across processes, unlike ``hash``) that pickles as a small int."""
    data = text.encode("utf-8", "surrogatepass")
    return zlib.crc32(data) << 32 | zlib.adler32(data)


def fingerprint(derived: Derived) -> Fingerprint:
    """What citations and lists render, compact enough to keep in the pickled environment.

    A citation depends on its paper's label, page and title only (not its line: editing text above
    a list must not re-write the citing pages); a list depends on everything its entries hold.
    """
    keys = {
        key: _checksum(f"{derived.labels[key]}\0{r.docname}\0{r.title}") for key, r in derived.papers.items()
    }
    lists = {}
    for list_id, items in derived.lists.items():
        # plain tuples: their repr is computed in C (a NamedTuple's is not)
        shown = repr([(tuple(item), tuple(derived.papers[item.key])) for item in items])
        lists[list_id] = hashlib.blake2b(shown.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    return Fingerprint(keys, lists)


def affected_documents(
    old: Fingerprint, new: Fingerprint, cites: Mapping[str, Sequence[CiteRecord]], reread: Set[str]
) -> set[str]:
    """Documents whose output changes from *old* to *new* although they were not re-read.

    A citing page shows a paper's label, title and page; a list page shows its entries and back-links.
    Lists on *reread* pages are not compared: those pages are written anyway.
    """
    changed = {key for key in old.keys.keys() | new.keys.keys() if old.keys.get(key) != new.keys.get(key)}
    docs: set[str] = set()
    if changed:
        for docname, places in cites.items():
            if any(not changed.isdisjoint(place.keys) for place in places):
                docs.add(docname)
    for list_id in old.lists.keys() | new.lists.keys():
        docname = list_id.rpartition("#")[0]
        if docname not in reread and old.lists.get(list_id) != new.lists.get(list_id):
            docs.add(docname)
    return docs
