"""The ``schedule`` domain: every schedule of the project, per document, safe for ``-j`` and rebuilds."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Set
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from sphinx.domains import Domain
from sphinx.util import logging

from sphinx_workshop import invalidation
from sphinx_workshop.diagnostics import doc_line, warn
from sphinx_workshop.domains import schedule_domain
from sphinx_workshop.schedule.jsonld import organizers_digest, sponsors_digest
from sphinx_workshop.xrefs import WithoutReferences

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


class ScheduleSubItem(NamedTuple):
    """One ``- text`` line under an item (a talk of a session): it shares the item's times."""

    lineno: int
    source: str
    uid: str


class ScheduleItem(NamedTuple):
    """One line of a schedule. ``start``/``end`` are ISO 8601 with offset, "" when the line is bad.

    An item with ``subitems`` is a block: the calendar has one event per sub-item and none for the item.
    """

    lineno: int
    start: str
    end: str
    source: str
    uid: str
    subitems: tuple[ScheduleSubItem, ...] = ()


class ProgramSlot(NamedTuple):
    """Where a schedule names a paper (``{paper}``) or a person (``{person}``): the line's anchor, times
    and label."""

    #: The paper's key, or the person's name as the ``{person}`` role gives it.
    key: str
    docname: str
    #: The id of the schedule's row or sub-item naming the paper.
    anchor: str
    #: ISO 8601 with offset, "" when the line has no valid time.
    start: str
    end: str
    #: The schedule's IANA time zone, "" when it has none.
    timezone: str
    #: The item's text as plain text ("Contributed talks"); a sub-item's is its item's.
    label: str
    #: What the line names: ``"paper"`` or ``"person"``.
    kind: str = "paper"


#: The name other features have read the record by since papers had slots (issue 27).
PaperSlot = ProgramSlot


class EventRecord(NamedTuple):
    """What the calendar files read of an ``event`` directive: its name, place and link ("" for none)."""

    docname: str
    lineno: int
    name: str
    location: str
    url: str


class ScheduleRecord(NamedTuple):
    """One ``schedule`` directive: its calendar file (path in the output, "" for none) and items."""

    docname: str
    lineno: int
    serial: int
    title: str
    timezone: str
    ics: str
    items: tuple[ScheduleItem, ...]


class ScheduleDomain(WithoutReferences, Domain):
    """Holds :class:`ScheduleRecord` lists by document; it defines no roles and no objects."""

    name = "schedule"
    label = "Schedule"
    initial_data: ClassVar[dict[str, Any]] = {
        "schedules": {},
        "events": {},
        "event_records": {},
        "digests": {},
        "calendar_digests": {},
        "slots": {},
    }
    # 2: items carry sub-items; 3: digests of the organizers each event page shows; 4: the papers' slots;
    # 5: the events' name, place and link for the calendars; 6: the people's slots too
    data_version = 6

    def __init__(self, env: BuildEnvironment) -> None:
        super().__init__(env)
        #: Calendar files this build must not write (their name is taken): derived, never pickled.
        self.blocked_calendars: set[str] = set()
        #: (kind, normalize) -> normalized key -> its slots: derived from :attr:`slots` when first asked
        #: for once the pages are read (every paper page asks), dropped whenever the slots change.
        self._slot_indexes: dict[tuple[str, Callable[[str], str] | None], dict[str, list[ProgramSlot]]] = {}

    @property
    def schedules(self) -> dict[str, list[ScheduleRecord]]:
        """docname -> the schedules of that document, in source order."""
        result: dict[str, list[ScheduleRecord]] = self.data.setdefault("schedules", {})
        return result

    @property
    def events(self) -> dict[str, int]:
        """docname -> how many ``event`` directives the document holds."""
        result: dict[str, int] = self.data.setdefault("events", {})
        return result

    def add_schedule(self, record: ScheduleRecord) -> None:
        """Store *record* (called while its document is read)."""
        self.schedules.setdefault(record.docname, []).append(record)

    def uids(self, docname: str) -> set[str]:
        """The calendar UIDs the schedules of *docname* read so far use (a new one must differ)."""
        return {
            uid
            for record in self.schedules.get(docname, [])
            for item in record.items
            for uid in (item.uid, *(sub.uid for sub in item.subitems))
            if uid
        }

    @property
    def slots(self) -> dict[str, list[ProgramSlot]]:
        """docname -> the lines of its schedules that name a paper or a person, in source order."""
        result: dict[str, list[ProgramSlot]] = self.data.setdefault("slots", {})
        return result

    def note_slots(self, docname: str, slots: Iterable[ProgramSlot]) -> None:
        """Store the lines of a schedule of *docname* that name papers or people (called while it is read)."""
        self.slots.setdefault(docname, []).extend(slots)
        self._slot_indexes.clear()

    def slots_of(
        self, key: str, kind: str = "paper", *, normalize: Callable[[str], str] | None = None
    ) -> list[ProgramSlot]:
        """The schedule lines naming the paper (or, with *kind* ``"person"``, the person) *key*, by document
        name then source order; *normalize* maps both keys before they are compared (names that differ
        only in case are one person)."""
        index = self._slot_indexes.get((kind, normalize))
        if index is None:
            same = normalize or (lambda name: name)
            index = {}
            for docname in sorted(self.slots):
                for slot in self.slots[docname]:
                    if slot.kind == kind:
                        index.setdefault(same(slot.key), []).append(slot)
            self._slot_indexes[kind, normalize] = index
        return list(index.get(normalize(key) if normalize else key, []))

    @property
    def event_records(self) -> dict[str, list[EventRecord]]:
        """docname -> the ``event`` directives of that document, in source order."""
        result: dict[str, list[EventRecord]] = self.data.setdefault("event_records", {})
        return result

    def note_event(self, record: EventRecord) -> None:
        """Store an ``event`` of *record*'s document (its JSON-LD lists organizers of other pages)."""
        self.events[record.docname] = self.events.get(record.docname, 0) + 1
        self.event_records.setdefault(record.docname, []).append(record)

    def calendar_event(self, docname: str) -> EventRecord | None:
        """The event the calendars of *docname* belong to: the first ``event`` of that page, else the
        first of the project (by document name), else ``None``."""
        own = self.event_records.get(docname)
        if own:
            return own[0]
        return next((self.event_records[doc][0] for doc in sorted(self.event_records)), None)

    def calendar_owner(self, ics: str) -> str:
        """The document that writes the calendar file *ics*: the first, by name, of those naming it."""
        return min((r.docname for r in self.all_records() if r.ics == ics), default="")

    def writes_calendar(self, record: ScheduleRecord) -> bool:
        """Whether *record* names a calendar file and its document is the one that writes it."""
        return bool(record.ics) and self.calendar_owner(record.ics) == record.docname

    def check_consistency(self) -> None:
        """Warn about a calendar file that two documents name (only the first one writes it)."""
        for record in self.all_records():
            owner = self.calendar_owner(record.ics) if record.ics else record.docname
            if owner != record.docname:
                warn(
                    logger,
                    "ics_clash",
                    f"calendar file {record.ics!r} is already written by {owner!r}; "
                    "this schedule's items are not in it",
                    location=doc_line(self.env, record.docname, record.lineno),
                )

    def all_records(self) -> Iterable[ScheduleRecord]:
        """Every schedule, by document name then source order."""
        for docname in sorted(self.schedules):
            yield from self.schedules[docname]

    def clear_doc(self, docname: str) -> None:
        """Forget *docname*'s schedules (it is being re-read or was removed)."""
        self.schedules.pop(docname, None)
        self.events.pop(docname, None)
        self.event_records.pop(docname, None)
        self.slots.pop(docname, None)
        self._slot_indexes.clear()

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        """Take the schedules of *docnames* read by a parallel worker."""
        for docname in docnames:
            if docname in otherdata["schedules"]:
                self.schedules[docname] = otherdata["schedules"][docname]
            if docname in otherdata["events"]:
                self.events[docname] = otherdata["events"][docname]
            if docname in otherdata.get("event_records", {}):
                self.event_records[docname] = otherdata["event_records"][docname]
            if docname in otherdata.get("slots", {}):
                self.slots[docname] = otherdata["slots"][docname]
        self._slot_indexes.clear()


def event_pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the pages of ``event`` directives, when the organizer cards or sponsors they list
    changed, and the pages of schedules, when the event their calendar takes its name, place and link
    from changed.

    An event's JSON-LD names the organizers and sponsors of every page, and is built when its page is
    written; a calendar is written with its schedule's page: those pages are written again, not re-read.
    A schedule shows other pages' data only through ``{person}`` and ``{paper}`` references, whose
    domains re-write the pages that link to a changed card or paper.
    """
    domain = schedule_domain(env)
    shown = invalidation.digest((organizers_digest(env), sponsors_digest(env)))
    current = dict.fromkeys(domain.events, shown)
    stale = invalidation.changed(domain.data["digests"], current, set())
    domain.data["digests"] = current
    calendars = {doc: invalidation.digest(domain.calendar_event(doc)) for doc in domain.schedules}
    stale |= invalidation.changed(domain.data.setdefault("calendar_digests", {}), calendars, set())
    domain.data["calendar_digests"] = calendars
    return sorted(stale & env.all_docs.keys())
