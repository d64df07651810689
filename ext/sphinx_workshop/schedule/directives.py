"""The ``schedule`` and ``event`` directives.

A schedule line is ``HH:MM | item``; lines ``- text`` right after an item are its sub-items (the talks
of a session). Bad input never stops a schedule: a bad line is warned about at its own line and
rendered as written, without a machine-readable time.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from datetime import date, datetime, time
from typing import TYPE_CHECKING, NamedTuple
from zoneinfo import ZoneInfo

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.util import logging

from sphinx_workshop.anchors import own_ids
from sphinx_workshop.directive_base import OptionSpec, WorkshopDirective
from sphinx_workshop.domains import schedule_domain
from sphinx_workshop.i18n import _, page_date
from sphinx_workshop.links import is_safe_url
from sphinx_workshop.schedule import times
from sphinx_workshop.schedule.domain import (
    EventRecord,
    ProgramSlot,
    ScheduleItem,
    ScheduleRecord,
    ScheduleSubItem,
)
from sphinx_workshop.schedule.jsonld import ATTENDANCE
from sphinx_workshop.schedule.nodes import clock_time, event_data, schedule_block

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Length of the last item when the schedule gives no ``:end:``.
DEFAULT_MINUTES = 30
ICS_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.ics")
#: A sub-item line: ``- text``, indented or not.
SUBITEM = re.compile(r"\s*-(?:\s+|$)(.*)")
SUBITEMS_CLASS = "sw-schedule-subitems"


class _Sub(NamedTuple):
    text: str
    line: int


class _Row(NamedTuple):
    written: str  # the time as written ("" for a line without one), normalized to HH:MM when valid
    clock: bool  # whether *written* is a valid clock time
    start: datetime | None  # None unless the date, zone and time are all valid
    text: str
    line: int
    subitems: tuple[_Sub, ...] = ()
    orphan: bool = False  # a sub-item line before any item, shown as an item of its own


def _uid(docname: str, day: date, clock: time, source: str) -> str:
    digest = hashlib.sha256(f"{docname}\n{day}\n{clock:%H:%M}\n{source}".encode()).hexdigest()
    return f"{digest[:32]}@sphinx-workshop"


class _Uids:
    """UIDs unique in a document: a repeated line (same time and text) gets its occurrence number."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = taken

    def make(self, docname: str, start: datetime, source: str) -> str:
        uid = _uid(docname, start.date(), start.time(), source)
        occurrence = 1
        while uid in self.taken:
            occurrence += 1
            uid = _uid(docname, start.date(), start.time(), f"{source}\n#{occurrence}")
        self.taken.add(uid)
        return uid


def _item(docname: str, row: _Row, end: datetime | None, uids: _Uids) -> ScheduleItem:
    start = row.start
    if start is None:
        return ScheduleItem(
            row.line, "", "", row.text, "", tuple(ScheduleSubItem(s.line, s.text, "") for s in row.subitems)
        )
    return ScheduleItem(
        row.line,
        times.iso(start),
        times.iso(end) if end else "",
        row.text,
        uids.make(docname, start, row.text),
        tuple(
            # The sub-item's position and text, not the item's: renaming a session keeps its talks' UIDs.
            ScheduleSubItem(sub.line, sub.text, uids.make(docname, start, f"- {index}\n{sub.text}"))
            for index, sub in enumerate(row.subitems, start=1)
        ),
    )


#: Quotes or parentheses left empty once a line's paper references are taken out.
_EMPTY_QUOTES = re.compile(
    "\u201c\\s*\u201d|\u2018\\s*\u2019|\u201e\\s*\u201c|\u00ab\\s*\u00bb|\"\\s*\"|'\\s*'|\\(\\s*\\)"
)


def _slot_label(entry: nodes.Element) -> str:
    """The plain text of a schedule line without the papers it names ("Invited talk: Ann Lee")."""
    entry = entry.deepcopy()
    for node in list(entry.findall(nodes.Element)):
        paper = isinstance(node, addnodes.pending_xref) and node.get("refdomain") == "papers"
        if (paper and node.get("reftype") == "paper") or isinstance(node, nodes.system_message):
            node.parent.remove(node)
    text = _EMPTY_QUOTES.sub("", " ".join(entry.astext().split()))
    return text.strip(" ,;:-\u2013\u2014")


class ScheduleDirective(WorkshopDirective):
    """A day's schedule from ``HH:MM | item`` lines, in the event's date and time zone."""

    #: The schedule's IANA zone while it renders ("" without a valid one).
    zone_key: str = ""

    option_spec = OptionSpec(
        {name: directives.unchanged for name in ("date", "timezone", "end", "ics", "title")}
    )

    def render(self) -> list[nodes.Node]:
        """Parse the options and lines; return the schedule's nodes and store its record."""
        docname = self.env.docname
        day, zone = self._day_and_zone()
        rows = self._in_order(self._rows(day, zone))
        ends = self._ends(rows)
        domain = schedule_domain(self.env)
        uids = _Uids(domain.uids(docname))
        items = tuple(_item(docname, row, end, uids) for row, end in zip(rows, ends, strict=True))
        ics = self._ics_path() if day and zone and any(item.start for item in items) else ""
        serial = len(domain.schedules.get(docname, []))
        title = self.options.get("title", "").strip()
        record = ScheduleRecord(docname, self.lineno, serial, title, zone.key if zone else "", ics, items)
        domain.add_schedule(record)

        self.zone_key = zone.key if zone else ""
        block = schedule_block(docname=docname, serial=serial)
        block.source, block.line = self.get_source_info()
        if day and zone:
            block["timezone"], block["date"] = zone.key, day.isoformat()
            label = self._zone_label(rows, day, zone)
            when = _("{date}, times in").format(date=page_date(day, self.config.language))
            caption = nodes.paragraph("", when + " ", classes=["sw-schedule-zone"])
            caption += nodes.inline("", label, classes=["sw-schedule-zone-name"])
            block += caption
        block += self._table(rows, ends)
        if ics:
            link = nodes.reference(
                "",
                _("Add the schedule to your calendar ({file})").format(file=posixpath.basename(ics)),
                refuri=ics,
            )
            link["classes"].append("sw-schedule-ics")
            block += nodes.paragraph("", "", link, classes=["sw-schedule-calendar"])
        return [block]

    @staticmethod
    def _zone_label(rows: list[_Row], day: date, zone: ZoneInfo) -> str:
        first = next((row.start for row in rows if row.start), None)
        if first is None:
            try:  # noon of a day the zone skipped (Samoa's 2011-12-30), or beyond year 9999 in UTC
                first = times.localize(day, time(12), zone)
            except ValueError:
                return zone.key
        return times.zone_label(first)

    def _in_order(self, rows: list[_Row]) -> list[_Row]:
        """A line earlier than the timed line before it (say, past midnight) keeps no machine time.

        The schedule is one day's: a time after midnight cannot be told from a mistake, so it is shown as
        written, without ``datetime`` and without a calendar event. Equal times (parallel sessions) are fine.
        """
        previous: _Row | None = None
        for position, row in enumerate(rows):
            if row.start is None:
                continue
            if previous is not None and previous.start is not None and row.start < previous.start:
                self.warn_at(
                    "bad_time",
                    f"{row.written} is earlier than the previous item's {previous.written} (a schedule is "
                    "one day, in order); the item is shown without a machine-readable time",
                    row.line,
                )
                rows[position] = row._replace(start=None)
                continue
            previous = row
        return rows

    def _rows(self, day: date | None, zone: ZoneInfo | None) -> list[_Row]:
        """The items of the body, each with the ``- text`` sub-items that follow it."""
        rows: list[_Row] = []
        for index, raw in enumerate(self.content):
            if not raw.strip():
                continue
            line = self.content_line(index)
            sub = SUBITEM.fullmatch(raw)
            if sub is None:
                rows.append(self._parse_line(raw, line, day, zone))
            elif not sub[1].strip():
                self.warn_at("schedule_line", "empty schedule sub-item ('-' without text)", line)
            elif rows and not rows[-1].orphan:
                rows[-1] = rows[-1]._replace(subitems=(*rows[-1].subitems, _Sub(sub[1].strip(), line)))
            else:
                self.warn_at(
                    "schedule_line",
                    f"schedule sub-item before any item: {raw.strip()!r}; shown as an item without a time",
                    line,
                )
                rows.append(_Row("", False, None, sub[1].strip(), line, orphan=True))
        return rows

    def _day_and_zone(self) -> tuple[date | None, ZoneInfo | None]:
        day = zone = None
        for name, subtype, parse in (
            ("date", "bad_date", times.parse_date),
            ("timezone", "bad_timezone", None),
        ):
            value = self.options.get(name, "").strip()
            if not value:
                self.warn_at(
                    "missing_option",
                    f"the schedule needs :{name}: (times are shown without a date or zone)",
                    self.lineno,
                )
                continue
            try:
                if parse is not None:
                    day = parse(value)
                else:
                    zone = times.parse_zone(value)
            except ValueError as exc:
                self.warn_at(subtype, f"{exc}; times are shown as written", self.option_line(name))
        return day, zone

    def _parse_line(self, raw: str, line: int, day: date | None, zone: ZoneInfo | None) -> _Row:
        if "|" not in raw:
            self.warn_at(
                "schedule_line", f"schedule line without '|' between time and item: {raw.strip()!r}", line
            )
            return _Row("", False, None, raw.strip(), line)
        written, _, text = raw.partition("|")
        written, text = written.strip(), text.strip()
        try:
            clock = times.parse_clock(written)
        except ValueError as exc:
            self.warn_at("bad_time", f"{exc}; the item is shown without a time", line)
            return _Row(written, False, None, text, line)
        written = f"{clock:%H:%M}"
        try:
            start = times.localize(day, clock, zone) if day and zone else None
        except ValueError as exc:
            self.warn_at("bad_time", f"{exc}; the item is shown without a time", line)
            return _Row(written, False, None, text, line)
        return _Row(written, True, start, text, line)

    def _ends(self, rows: list[_Row]) -> list[datetime | None]:
        """Each timed item ends when a later one begins; the last at ``:end:`` (or after 30 minutes)."""
        valid = [row for row in rows if row.start]
        ends: dict[int, datetime | None] = {}
        last_end: list[datetime | None] = []  # the :end: option, read once
        for position, row in enumerate(valid):
            start = row.start
            assert start is not None
            following = next((r.start for r in valid[position + 1 :] if r.start and r.start > start), None)
            if following is not None:
                ends[id(row)] = following
                continue
            if not last_end:
                last_end.append(self._end_option(start) if self.options.get("end", "").strip() else None)
            end = last_end[0] if last_end[0] and last_end[0] > start else None
            if end is None:
                try:
                    end = times.later(start, DEFAULT_MINUTES)
                except ValueError as exc:
                    self.warn_at("bad_time", f"{exc}; the item has no end and no calendar event", row.line)
            ends[id(row)] = end
        return [ends.get(id(row)) for row in rows]

    def _end_option(self, last: datetime) -> datetime | None:
        line = self.option_line("end")
        zone = last.tzinfo
        assert isinstance(zone, ZoneInfo)
        try:
            end = times.localize(last.date(), times.parse_clock(self.options["end"]), zone)
        except ValueError as exc:
            self.warn_at("bad_time", f":end: {exc}; the last item lasts {DEFAULT_MINUTES} minutes", line)
            return None
        if end <= last:
            self.warn_at(
                "bad_time",
                f":end: {end:%H:%M} is not after the last item's {last:%H:%M}; "
                f"the last item lasts {DEFAULT_MINUTES} minutes",
                line,
            )
            return None
        return end

    def _ics_path(self) -> str:
        name = self.options.get("ics", "").strip()
        default = posixpath.basename(self.env.docname) + ".ics"
        if name and not ICS_NAME.fullmatch(name):
            self.warn_at(
                "bad_option",
                f":ics: {name!r} is not a plain file name ending in .ics; using {default!r}",
                self.option_line("ics"),
            )
            name = ""
        return posixpath.join(posixpath.dirname(self.env.docname), name or default)

    def _table(self, rows: list[_Row], ends: list[datetime | None]) -> nodes.table:
        table = nodes.table(classes=["sw-schedule-table"])
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=12)
        group += nodes.colspec(colwidth=58)
        head = nodes.thead()
        head += nodes.row(
            "",
            *(nodes.entry("", nodes.paragraph("", label)) for label in (str(_("Time")), str(_("Session")))),
        )
        group += head
        body = nodes.tbody()
        group += body
        slots: list[ProgramSlot] = []
        for row, end in zip(rows, ends, strict=True):
            when = nodes.paragraph()
            if row.start is not None:
                when += clock_time(
                    "", row.written, datetime=times.iso(row.start), abbr=row.start.tzname() or ""
                )
            elif row.clock:
                when += clock_time("", row.written, datetime="", abbr="")
            elif row.written:
                when += nodes.Text(row.written)
            what = nodes.entry("", *self._inline(row.text, row.line))
            line = nodes.row("", nodes.entry("", when), what)
            moments = (times.iso(row.start) if row.start else "", times.iso(end) if row.start and end else "")
            label = _slot_label(what)
            slots += self._slots(line, what, moments, label)
            if row.subitems:
                talks = nodes.bullet_list(bullet="-", classes=[SUBITEMS_CLASS])
                for sub in row.subitems:
                    talk = nodes.list_item("", *self._inline(sub.text, sub.line))
                    slots += self._slots(talk, talk, moments, label)
                    talks += talk
                what += talks
            body += line
        schedule_domain(self.env).note_slots(self.env.docname, slots)
        return table

    def _slots(
        self, anchored: nodes.Element, text: nodes.Element, moments: tuple[str, str], label: str
    ) -> list[ProgramSlot]:
        """The papers (``{paper}``) and people (``{person}``) that *text* names, *anchored* given an id
        to link them to (named after the first paper, else the first person)."""
        named: dict[str, list[str]] = {"paper": [], "person": []}
        for ref in text.findall(addnodes.pending_xref):
            target = str(ref.get("reftarget", ""))
            if ref.get("refdomain") == "papers" and ref.get("reftype") == "paper" and target:
                named["paper"].append(target)
            elif ref.get("refdomain") == "people" and ref.get("reftype") == "person" and target:
                named["person"].append(target)
        first = next(iter(named["paper"] + named["person"]), "")
        if not first:
            return []
        document = self.state.document
        anchor = base = nodes.make_id(f"slot-{first}")
        counter = 1
        while anchor in document.ids:
            counter += 1
            anchor = f"{base}-{counter}"
        own_ids(anchored)["ids"].append(anchor)
        document.ids[anchor] = anchored
        zone = self.zone_key if moments[0] else ""
        return [
            ProgramSlot(key, self.env.docname, anchor, *moments, zone, label, kind)
            for kind, keys in named.items()
            for key in dict.fromkeys(keys)
        ]

    def _inline(self, text: str, line: int) -> list[nodes.Node]:
        """A paragraph of *text* parsed as inline markup, then any messages of the parse."""
        paragraph = nodes.paragraph()
        inline, messages = self.state.inline_text(text, line)
        paragraph.extend(inline)
        paragraph.source, paragraph.line = self.get_source_info()[0], line
        return [paragraph, *messages]


class EventDirective(WorkshopDirective):
    """schema.org ``Event`` data of the workshop, written as JSON-LD into the page."""

    takes_argument = True
    body_is_text = True
    option_spec = OptionSpec(
        {name: directives.unchanged for name in ("start", "end", "timezone", "url", "attendance", "location")}
    )

    def warn_missing_argument(self) -> None:
        """An event without a name is still written, named after the page."""
        self.warn_at(
            "bad_argument", f"the {self.name} directive needs the event's name; the page title is used"
        )

    def render(self) -> list[nodes.Node]:
        """Validate the options; return an ``event_data`` node (rendered when the page is written)."""
        zone = None
        self.zone_given = bool(self.options.get("timezone", "").strip())
        if self.zone_given:
            try:
                zone = times.parse_zone(self.options["timezone"])
            except ValueError as exc:
                self.warn_at("bad_timezone", str(exc), self.option_line("timezone"))
        start, end = self._moment("start", zone), self._moment("end", zone)
        if start and end and _instant(end) < _instant(start):
            self.warn_at(
                "bad_date",
                f":end: {self.options['end']!r} is before :start: {self.options['start']!r}; "
                "the event has no end date",
                self.option_line("end"),
            )
            end = ""
        url, location = self._url(), self.options.get("location", "").strip()
        schedule_domain(self.env).note_event(
            EventRecord(self.env.docname, self.lineno, self.argument, location, url)
        )
        node = event_data(
            name=self.argument,
            description=" ".join(" ".join(n.astext() for n in self.parse_content_to_nodes()).split()),
            start=start,
            end=end,
            url=url,
            attendance=self._attendance(),
            location=location,
            docname=self.env.docname,
        )
        node.source, node.line = self.get_source_info()
        return [node]

    def _moment(self, name: str, zone: ZoneInfo | None) -> str:
        value = self.options.get(name, "").strip()
        if not value:
            if name == "start":
                self.warn_at(
                    "missing_option", "the event needs :start: (its JSON-LD has no dates)", self.lineno
                )
            return ""
        try:
            moment = times.parse_moment(value)
            if moment.tzinfo is None and zone is not None:
                moment = times.localize(moment.date(), moment.time(), zone)
            elif moment.tzinfo is not None:
                times.in_utc(moment)  # within the calendar in UTC too
                if zone is not None:
                    moment = moment.astimezone(zone)
        except (ValueError, OverflowError) as exc:
            self.warn_at("bad_date", f":{name}: {exc}", self.option_line(name))
            return ""
        if moment.tzinfo is None and not self.zone_given:
            self.warn_at(
                "bad_timezone",
                f":{name}: has no UTC offset and the event has no :timezone:",
                self.option_line(name),
            )
        return times.iso(moment)

    def _url(self) -> str:
        url = str(self.options.get("url", "")).strip()
        if url and not is_safe_url(url, schemes=frozenset({"http", "https"})):
            self.warn_at("bad_url", f"event :url: {url!r} is not an http(s) link", self.option_line("url"))
            return ""
        return url

    def _attendance(self) -> str:
        value = str(self.options.get("attendance", "")).strip()
        if value and value not in ATTENDANCE:
            self.warn_at(
                "bad_option",
                f":attendance: {value!r} is not one of {', '.join(ATTENDANCE)}",
                self.option_line("attendance"),
            )
            return ""
        return value


def _instant(iso: str) -> datetime:
    """An ISO 8601 moment, made comparable: one without an offset is read as UTC."""
    moment = datetime.fromisoformat(iso)
    return moment if moment.tzinfo else moment.replace(tzinfo=times.UTC)


def add_directives(app: Sphinx) -> None:
    """Register ``schedule`` and ``event``."""
    app.add_directive("schedule", ScheduleDirective)
    app.add_directive("event", EventDirective)
