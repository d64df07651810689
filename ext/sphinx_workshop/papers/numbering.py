"""Whole-project computation: which entry counts for each key, list order, labels and back-links.

Functions over the domain's per-document records, run once all documents are read. Nothing here
is pickled: the environment keeps the records and a small :class:`Fingerprint` only.
"""

from __future__ import annotations

import gc
import re
import zlib
from contextlib import contextmanager
from functools import cached_property
from string import ascii_lowercase
from typing import TYPE_CHECKING, Any

from sphinx_workshop.i18n import _
from sphinx_workshop.invalidation import changed, digest
from sphinx_workshop.papers.filters import Filter, FilterError, matches, parse_filter
from sphinx_workshop.papers.latex import plain
from sphinx_workshop.papers.records import (
    Fingerprint,
    ListRecord,
    PaperRecord,
    Places,
    Row,
    anchor_for,
    as_records,
    place_prefix,
)

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence, Set

_LAST = float("inf")
_DIGITS = re.compile(r"[0-9]+")


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic garbage collection meanwhile: for bursts of allocation over a large environment.

    A burst of thousands of new objects makes the collector traverse the whole environment
    (10,000 entries and their doctrees) several times; what the burst leaves is collected after it.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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


def _short_title(record: PaperRecord) -> str:
    fields = dict(record.fields)
    short = plain(fields.get("shorttitle", "")) or record.title
    words = short.split()
    return " ".join(words[:4]) + ("\u2026" if len(words) > 4 else "") if words else record.key


def author_names(record: PaperRecord) -> str:
    """The name part of a citation of *record*: ``Doe``, ``Doe and Roe``, ``Doe et al.``.

    Surnames come from the name parts (``Smith, Jr., John`` gives Smith); with no authors, the
    editors'; with neither, a short title, then the key. Author-year labels and the textual
    citations (``{cite:t}``, ``{cite:author}``) both use it.
    """
    names = [name for name in record.surnames if name]
    more = len(names) < len(record.surnames)  # "and others" in the .bib
    if len(names) == 1 and not more:
        return names[0]
    if len(names) == 2 and not more:
        return _("{} and {}").format(*names)
    if names:
        return _("{} et al.").format(names[0])
    return _short_title(record)


def author_year(record: PaperRecord) -> str:
    """The label of an entry of an unnumbered list: ``Doe 2021``, ``Doe and Roe 2021``, ``Doe et al. 2021``.

    (Two authors, three or more: see :func:`author_names`.)
    """
    who = author_names(record)
    return f"{who} {record.year}" if record.year else who


def letters(index: int) -> str:
    """a, b, ..., z, aa, ab, ... for the *index*-th of several (0-based): label suffixes, back-links."""
    name = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        name = ascii_lowercase[rest] + name
    return name


def _disambiguated(labels: dict[str, str], years: dict[str, str]) -> dict[str, str]:
    """Labels shared by several entries get a letter after the year: 2021a, 2021b (in list order)."""
    by_label: dict[str, list[str]] = {}
    for key, label in labels.items():
        by_label.setdefault(label, []).append(key)
    for label, keys in by_label.items():
        if len(keys) > 1:
            for index, key in enumerate(keys):
                labels[key] = label + ("" if years[key] else " ") + letters(index)
    return labels


def _sorted(records: list[PaperRecord], how: str) -> list[PaperRecord]:
    if how == "title":
        return sorted(records, key=lambda r: r.title.casefold())
    if how == "year":
        return sorted(records, key=lambda r: (not r.year, r.year))
    return records


def cited_keys(order: Sequence[str], cites: Mapping[str, Places]) -> dict[str, int]:
    """Every cited key and its rank (order of first citation in the project)."""
    rank: dict[str, int] = {}
    for doc in order:
        for place in cites.get(doc, ()):
            for key in place.split(","):
                rank.setdefault(key, len(rank))
    return rank


class Derived:
    """What the domain computes once every document is read (never pickled, always recomputed).

    Labels and the entries shown are computed at once (citations need them); back-links only
    when a list is rendered or compared, which a rebuild after editing text does not need.
    """

    def __init__(
        self,
        papers: dict[str, PaperRecord],
        labels: dict[str, str],
        lists: dict[str, tuple[str, ...]],
        order: Sequence[str],
        cites: Mapping[str, Places],
        *,
        numbers: Mapping[str, tuple[int, str]] | None = None,
        clashes: Sequence[tuple[ListRecord, ListRecord]] = (),
    ) -> None:
        #: key -> the entry that counts (the first listed, in document order), if a list shows it.
        self.papers = papers
        #: key -> the label a citation shows ("12", or "Mirhoseini et al. 2017" for unnumbered lists).
        self.labels = labels
        #: list_id -> the keys of its entries, in the order shown.
        self.lists = lists
        #: list_id -> (its first number, its label prefix) for each numbered list.
        self.numbers = dict(numbers or {})
        #: (list, earlier list) pairs given the same ``:label-prefix:`` (the later one got a letter).
        self.clashes = tuple(clashes)
        self._order = tuple(order)
        self._cites = dict(cites)  # a snapshot: the domain's mapping changes in the next build

    @cached_property
    def folded(self) -> dict[str, str]:
        """Shown keys by their case-folded form (BibTeX compares keys without case)."""
        return {key.casefold(): key for key in reversed(self.papers)}

    def find(self, key: str) -> PaperRecord | None:
        """The entry of *key*, as written or, failing that, ignoring case."""
        record = self.papers.get(key)
        if record is None:
            canonical = self.folded.get(key.casefold())
            record = self.papers[canonical] if canonical is not None else None
        return record

    @cached_property
    def objects(self) -> tuple[tuple[str, str, str, str, str, int], ...]:
        """Every shown paper as ``Domain.get_objects`` gives it (display name: its title).

        The search splits display names at their last ``.``, so a title's final full stop is
        dropped. Computed once: ``objects.inv`` and the search index both ask for them.
        """
        with paused_gc():
            return tuple(
                (key, r.title.rstrip(". ") or key, "paper", r.docname, anchor_for(key), 1)
                for key, r in self.papers.items()
            )

    @cached_property
    def backlinks(self) -> dict[str, tuple[tuple[str, str], ...]]:
        """key -> every place that cites it, as (docname, place id), in document order."""
        found: dict[str, list[tuple[str, str]]] = {}
        for doc in self._order:
            places = self._cites.get(doc, ())
            if not places:
                continue
            prefix = place_prefix(doc)
            for index, place in enumerate(places):
                where = (doc, prefix + str(index))
                for key in dict.fromkeys(place.split(",")):
                    if key not in self.papers:
                        record = self.find(key)
                        key = record.key if record is not None else key
                    found.setdefault(key, []).append(where)
        return {key: tuple(links) for key, links in found.items()}


def _facts(record: PaperRecord, cited_on: Mapping[str, tuple[str, ...]]) -> dict[str, Any]:
    """What a ``:filter:`` sees of *record* (see :mod:`sphinx_workshop.papers.filters`)."""
    docs = cited_on.get(record.key, ())
    year: int | str = int(record.year) if _DIGITS.fullmatch(record.year) else record.year
    names = tuple(name.rstrip("* ") for name in record.authors)
    return {
        "type": record.type,
        "key": record.key,
        "author": names + tuple(name for name in record.surnames if name),
        "year": year,
        "keywords": record.keywords,
        "cited": bool(docs),
        "cited_on": docs,
    }


def _checked(lst: ListRecord) -> Filter | None:
    """The list's filter, None if it is bad (the list then shows nothing)."""
    if lst.bad_filter:
        return None
    try:
        return parse_filter(lst.filter)
    except FilterError:
        return None


def _prefixes(lists: Sequence[ListRecord]) -> tuple[dict[str, str], list[tuple[ListRecord, ListRecord]]]:
    """list_id -> the label prefix of each numbered list that numbers itself; and the prefix clashes.

    A ``:label-prefix:`` is used as given, unless an earlier list has it (a clash: the later list
    gets a letter); the others get A, B, C, ... in document order, skipping prefixes given.
    """
    own = [lst for lst in lists if lst.style == "numbered" and lst.own_numbers]
    taken = {lst.prefix for lst in own if lst.prefix}
    chosen: dict[str, str] = {}
    first_with: dict[str, ListRecord] = {}
    clashes: list[tuple[ListRecord, ListRecord]] = []
    index = 0
    for lst in own:
        if lst.prefix and lst.prefix not in first_with:
            first_with[lst.prefix] = lst
            chosen[lst.list_id] = lst.prefix
            continue
        if lst.prefix:
            clashes.append((lst, first_with[lst.prefix]))
        while letters(index).upper() in taken:
            index += 1
        chosen[lst.list_id] = letters(index).upper()
        index += 1
    return chosen, clashes


def compute(
    order: Sequence[str],
    entries: Mapping[str, Sequence[Row]],
    lists: Mapping[str, Sequence[ListRecord]],
    cites: Mapping[str, Places],
) -> tuple[Derived, list[tuple[PaperRecord, PaperRecord]]]:
    """The derived data, and the (duplicate, first entry) pairs of keys listed more than once.

    Lists are taken in document order. A list's entries pass its ``:filter:`` first; an entry of a
    ``:bibfile:`` or ``paper`` list then claims its key (a key claimed before is a duplicate); an
    entry of the project's bibliography is shown by the first list that shows it, silently. Numbered
    lists number on from each other, so a number names one paper in the whole project, unless a
    list numbers itself (``:start:``, ``:label-prefix:``): its labels then carry its prefix (``B3``).
    """
    all_lists = [lst for doc in order for lst in lists.get(doc, ())]
    by_list: dict[str, list[PaperRecord]] = {}
    for doc in order:
        for record in as_records(entries.get(doc, ())):
            by_list.setdefault(record.list_id, []).append(record)
    filters = {lst.list_id: _checked(lst) for lst in all_lists if lst.filter or lst.bad_filter}
    cited_fields = {"cited", "cited_on"}
    needs_cited = any(f is not None and f.fields & cited_fields for f in filters.values())
    has_parents = any(record.parent for records in by_list.values() for record in records)
    needs_rank = (
        has_parents
        or needs_cited
        or any(lst.cited_only or lst.order == "cited" or lst.project for lst in all_lists)
    )
    folded: dict[str, str] = {}
    if needs_rank:
        all_keys = dict.fromkeys(record.key for records in by_list.values() for record in records)
        folded = {key.casefold(): key for key in reversed(all_keys)}
    cite_rank: dict[str, int] = {}
    for key in cited_keys(order, cites) if needs_rank else ():
        cite_rank.setdefault(folded.get(key.casefold(), key), len(cite_rank))
    cited_on: dict[str, tuple[str, ...]] = {}
    if needs_cited:
        docs: dict[str, dict[str, None]] = {}
        for doc in order:
            for place in cites.get(doc, ()):
                for key in place.split(","):
                    docs.setdefault(folded.get(key.casefold(), key), {})[doc] = None
        cited_on = {key: tuple(found) for key, found in docs.items()}

    def shows(lst: ListRecord, record: PaperRecord) -> bool:
        if record.parent and record.key not in cite_rank:  # a crossref target is listed only if cited
            return False
        return not lst.cited_only or record.key in cite_rank

    prefixes, clashes = _prefixes(all_lists)
    first: dict[str, PaperRecord] = {}
    duplicates: list[tuple[PaperRecord, PaperRecord]] = []
    papers: dict[str, PaperRecord] = {}
    labels: dict[str, str] = {}
    author_labels: dict[str, str] = {}
    shown: dict[str, tuple[str, ...]] = {}
    numbers: dict[str, tuple[int, str]] = {}
    counter = 1
    for lst in all_lists:
        records = by_list.get(lst.list_id, [])
        if lst.list_id in filters:
            checked = filters[lst.list_id]
            records = [] if checked is None else [r for r in records if matches(checked, _facts(r, cited_on))]
        kept: list[PaperRecord] = []
        if lst.project:
            for record in records:
                if record.key not in first and shows(lst, record):
                    first[record.key] = record
                    kept.append(record)
        else:
            for record in records:
                if record.key in first:
                    duplicates.append((record, first[record.key]))
                else:
                    first[record.key] = record
                    kept.append(record)
            kept = [record for record in kept if shows(lst, record)]
        records = _sorted(kept, lst.sort)
        if lst.order == "cited":
            records = sorted(records, key=lambda r: cite_rank.get(r.key, _LAST))
        keys = [r.key for r in records]
        papers.update(zip(keys, records, strict=True))
        if lst.style == "numbered":
            prefix = prefixes.get(lst.list_id, "")
            begin = (lst.start or 1) if prefix else counter
            labels.update((key, f"{prefix}{begin + index}") for index, key in enumerate(keys))
            numbers[lst.list_id] = (begin, prefix)
            if not prefix:
                counter += len(keys)
        else:
            author_labels.update((r.key, author_year(r)) for r in records)
        shown[lst.list_id] = tuple(keys)
    if author_labels:
        labels.update(_disambiguated(author_labels, {key: papers[key].year for key in author_labels}))
    derived = Derived(papers, labels, shown, order, cites, numbers=numbers, clashes=clashes)
    return derived, duplicates


def _checksum(text: str) -> int:
    """A 64-bit checksum (stable across processes, unlike ``hash``) that pickles as a small int."""
    data = text.encode("utf-8", "surrogatepass")
    return zlib.crc32(data) << 32 | zlib.adler32(data)


def fingerprint(
    derived: Derived,
    cites: Mapping[str, Places],
    anyrefs: Mapping[str, Sequence[str]] | None = None,
    extra: Mapping[str, Sequence[str]] | None = None,
) -> Fingerprint:
    """What citations and lists render, compact enough to keep in the pickled environment.

    A page's citations depend on the label, page and title of each key they cite (not on the
    entry's line: editing text above a list must not re-write the citing pages): one checksum per
    citing page. A list shows its own entries only: what they hold changes only when its page
    is re-read (and so re-written anyway); what other pages change is which of them are shown,
    their labels and their back-links. *anyrefs*: docname -> targets of its ``{any}`` roles, which
    show a paper's title as a ``{paper}`` does. A citation's signature also holds the entry's name
    part and year, which the textual forms (``{cite:t}``, ``{cite:author}``, ...) show. *extra*:
    docname -> signatures of whatever else the page shows of other pages (footnote citations).
    """
    labels = derived.labels
    signature: dict[str, str] = {}
    pages: dict[str, int] = {}
    for docname in cites.keys() | (anyrefs or {}).keys() | (extra or {}).keys():
        parts = []
        for key in {key for place in cites.get(docname, ()) for key in place.split(",")}:
            sig = signature.get(key)
            if sig is None:
                record = derived.find(key)
                sig = (
                    f"{key}\1{labels[record.key]}\1{record.docname}\1{record.title}"
                    f"\1{author_names(record)}\1{record.year}"
                    if record
                    else key
                )
                signature[key] = sig
            parts.append(sig)
        for key in (anyrefs or {}).get(docname, ()):  # {any} shows the title, never the label
            record = derived.papers.get(key)
            parts.append(f"{key}\2{record.docname}\1{record.title}" if record else key)
        parts.extend((extra or {}).get(docname, ()))
        parts.sort()
        pages[docname] = _checksum("\0".join(parts))
    backlinks = derived.backlinks
    lists = {
        list_id: digest([(key, labels[key], backlinks.get(key)) for key in keys])
        for list_id, keys in derived.lists.items()
    }
    return Fingerprint(pages, lists)


def affected_documents(old: Fingerprint, new: Fingerprint, reread: Set[str]) -> set[str]:
    """Documents whose output changes from *old* to *new* although they were not re-read.

    A citing page shows its papers' labels, titles and pages; a list page its entries and back-links.
    """
    list_pages = {list_id.rpartition("#")[0] for list_id in changed(old.lists, new.lists, set())}
    return (changed(old.pages, new.pages, set()) | list_pages) - reread
