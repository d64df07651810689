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
from sphinx.util import logging

from sphinx_workshop.directive_base import WorkshopDirective, tolerant_options
from sphinx_workshop.domains import schedule_domain
from sphinx_workshop.links import is_safe_url
from sphinx_workshop.schedule import times
from sphinx_workshop.schedule.domain import ScheduleItem, ScheduleRecord, ScheduleSubItem
from sphinx_workshop.schedule.jsonld import ATTENDANCE
from sphinx_workshop.schedule.nodes import clock_time, event_data, schedule_block

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Length of the last item when the schedule gives no ``:end:``.
DEFAULT_MINUTES = 30
ICS_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*\.ics")
MONTH_NAMES = "January February March April May June July August September October November December"
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
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


def _long_date(day: date) -> str:
    # Not strftime's %A and %B: they follow the process's locale.
    return f"{DAYS[day.weekday()]}, {MONTH_NAMES.split()[day.month - 1]} {day.day}, {day.year}"


def _uid(docname: str, day: date, clock: time, source: str) -> str:
    digest = hashlib.sha256(f"{docname}\n{day}\n{clock:%H:%M}\n{source}".encode()).hexdigest()
    return f"{digest[:32]}@sphinx-workshop"


def _sub_uid(docname: str, start: datetime, index: int, source: str) -> str:
    # The sub-item's position and text, not the item's: renaming a session keeps its talks' UIDs.
    return _uid(docname, start.date(), start.time(), f"- {index}\n{source}")


def _item(docname: str, row: _Row, end: datetime | None) -> ScheduleItem:
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
        _uid(docname, start.date(), start.time(), row.text),
        tuple(
            ScheduleSubItem(sub.line, sub.text, _sub_uid(docname, start, index, sub.text))
            for index, sub in enumerate(row.subitems, start=1)
        ),
    )


class ScheduleDirective(WorkshopDirective):
    """A day's schedule from ``HH:MM | item`` lines, in the event's date and time zone."""

    has_content = True
    known_options = ("date", "timezone", "end", "ics", "title")
    option_spec = tolerant_options(known_options)

    def run(self) -> list[nodes.Node]:
        """Parse the options and lines; return the schedule's nodes and store its record."""
        self.warn_unknown_options()
        docname = self.env.docname
        day, zone = self._day_and_zone()
        rows = self._rows(day, zone)
        ends = self._ends(rows)
        items = tuple(_item(docname, row, end) for row, end in zip(rows, ends, strict=True))
        ics = self._ics_path() if day and zone and any(item.start for item in items) else ""
        domain = schedule_domain(self.env)
        serial = len(domain.schedules.get(docname, []))
        title = self.options.get("title", "").strip()
        record = ScheduleRecord(docname, self.lineno, serial, title, zone.key if zone else "", ics, items)
        domain.add_schedule(record)

        block = schedule_block(docname=docname, serial=serial)
        block.source, block.line = self.get_source_info()
        if day and zone:
            block["timezone"], block["date"] = zone.key, day.isoformat()
            first = next((row.start for row in rows if row.start), None)
            label = times.zone_label(first or times.localize(day, time(12), zone))
            caption = nodes.paragraph("", _long_date(day) + ", times in ", classes=["sw-schedule-zone"])
            caption += nodes.inline("", label, classes=["sw-schedule-zone-name"])
            block += caption
        block += self._table(rows)
        if ics:
            link = nodes.reference(
                "", f"Add the schedule to your calendar ({posixpath.basename(ics)})", refuri=ics
            )
            link["classes"].append("sw-schedule-ics")
            block += nodes.paragraph("", "", link, classes=["sw-schedule-calendar"])
        return [block]

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
        valid = [row for row in rows if row.start]
        ends: dict[int, datetime] = {}
        for position, row in enumerate(valid):
            start = row.start
            assert start is not None
            if position + 1 < len(valid):
                following = valid[position + 1]
                assert following.start is not None
                if following.start > start:
                    ends[id(row)] = following.start
                    continue
                self.warn_at(
                    "bad_time",
                    f"{following.written} is not after the previous item's {row.written}; "
                    f"the previous item lasts {DEFAULT_MINUTES} minutes",
                    following.line,
                )
            elif self.options.get("end", "").strip():
                end = self._end_option(start)
                if end:
                    ends[id(row)] = end
                    continue
            ends[id(row)] = times.later(start, DEFAULT_MINUTES)
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

    def _table(self, rows: list[_Row]) -> nodes.table:
        table = nodes.table(classes=["sw-schedule-table"])
        group = nodes.tgroup(cols=2)
        table += group
        group += nodes.colspec(colwidth=12)
        group += nodes.colspec(colwidth=58)
        head = nodes.thead()
        head += nodes.row("", *(nodes.entry("", nodes.paragraph("", label)) for label in ("Time", "Session")))
        group += head
        body = nodes.tbody()
        group += body
        for row in rows:
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
            if row.subitems:
                talks = nodes.bullet_list(bullet="-", classes=[SUBITEMS_CLASS])
                for sub in row.subitems:
                    talks += nodes.list_item("", *self._inline(sub.text, sub.line))
                what += talks
            body += nodes.row("", nodes.entry("", when), what)
        return table

    def _inline(self, text: str, line: int) -> list[nodes.Node]:
        """A paragraph of *text* parsed as inline markup, then any messages of the parse."""
        paragraph = nodes.paragraph()
        inline, messages = self.state.inline_text(text, line)
        paragraph.extend(inline)
        paragraph.source, paragraph.line = self.get_source_info()[0], line
        return [paragraph, *messages]


class EventDirective(WorkshopDirective):
    """schema.org ``Event`` data of the workshop, written as JSON-LD into the page."""

    required_arguments = 1
    final_argument_whitespace = True
    has_content = True
    known_options = ("start", "end", "timezone", "url", "attendance", "location")
    option_spec = tolerant_options(known_options)

    def run(self) -> list[nodes.Node]:
        """Validate the options; return an ``event_data`` node (rendered when the page is written)."""
        self.warn_unknown_options()
        zone = None
        self.zone_given = bool(self.options.get("timezone", "").strip())
        if self.zone_given:
            try:
                zone = times.parse_zone(self.options["timezone"])
            except ValueError as exc:
                self.warn_at("bad_timezone", str(exc), self.option_line("timezone"))
        domain = schedule_domain(self.env)
        domain.note_event(self.env.docname)
        node = event_data(
            name=self.arguments[0].strip(),
            description=" ".join(" ".join(n.astext() for n in self.parse_content_to_nodes()).split()),
            start=self._moment("start", zone),
            end=self._moment("end", zone),
            url=self._url(),
            attendance=self._attendance(),
            location=self.options.get("location", "").strip(),
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
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2})?([+-]\d{2}:\d{2}|Z)?", value):
                raise ValueError(f"{value!r} is not YYYY-MM-DDTHH:MM")
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None and zone is not None:
                moment = times.localize(moment.date(), moment.time(), zone)
            elif zone is not None:
                moment = moment.astimezone(zone)
        except ValueError as exc:
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
        if url and not is_safe_url(url):
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


def add_directives(app: Sphinx) -> None:
    """Register ``schedule`` and ``event``."""
    app.add_directive("schedule", ScheduleDirective)
    app.add_directive("event", EventDirective)
