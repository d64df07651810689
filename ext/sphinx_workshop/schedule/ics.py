"""The iCalendar file (RFC 5545) of a page's schedules, written next to the page by HTML builders.

One event per item; an item with sub-items (a session) gives one event per sub-item instead, over the
item's times, summarized ``<item>: <sub-item>``, its DESCRIPTION the session's talks, one per line. Every
event carries the LOCATION of the workshop's ``event`` and its URL (the ``event``'s ``:url:``, else the
schedule page's address); the calendar is named after the workshop (X-WR-CALNAME: the schedule's
``:title:``, else the ``event``'s name, else the project's). Byte-reproducible: DTSTAMP comes from
``SOURCE_DATE_EPOCH`` (or the first event's date), UIDs hash the document, date, time and item text (a
sub-item's: its position and text), and nothing depends on the order documents were read in.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from docutils import nodes
from sphinx.util import logging

from sphinx_workshop.diagnostics import doc_line, warn
from sphinx_workshop.domains import schedule_domain
from sphinx_workshop.jsonld import page_url
from sphinx_workshop.schedule import times
from sphinx_workshop.schedule.domain import ScheduleRecord
from sphinx_workshop.schedule.nodes import schedule_block

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.builders import Builder

logger = logging.getLogger(__name__)

PRODID = "-//sphinx-workshop//schedule//EN"


class CalendarEvent(NamedTuple):
    """One VEVENT: ISO 8601 start and end (with offsets), plain-text summary and description, stable UID."""

    uid: str
    start: str
    end: str
    summary: str
    description: str = ""


def escape_text(text: str) -> str:
    r"""Escape an RFC 5545 TEXT value: ``\``, ``;``, ``,`` and line breaks; drop other controls."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)
    for char, escaped in (("\\", "\\\\"), (";", "\\;"), (",", "\\,"), ("\n", "\\n")):
        text = text.replace(char, escaped)
    return text


def fold(line: str) -> bytes:
    """Fold a content line at 75 octets (never inside a UTF-8 sequence), CRLF-terminated."""
    data = line.encode("utf-8")
    chunks: list[bytes] = []
    limit = 75
    while len(data) > limit:
        cut = limit
        while cut > 0 and (data[cut] & 0xC0) == 0x80:  # a continuation byte: step back to a char start
            cut -= 1
        chunks.append(data[:cut])
        data = data[cut:]
        limit = 74  # continuation lines start with one space
    chunks.append(data)
    return b"\r\n ".join(chunks) + b"\r\n"


def utc_stamp(iso: str) -> str:
    """``2020-12-12T09:00:00-08:00`` -> ``20201212T170000Z``."""
    return times.utc_stamp(datetime.fromisoformat(iso))


def source_date_epoch() -> datetime | None:
    """``SOURCE_DATE_EPOCH`` as a UTC moment (None when unset); one outside years 1 to 9999 raises."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return None
    try:
        return datetime.fromtimestamp(int(epoch), times.UTC)
    except (OverflowError, OSError, ValueError):
        raise ValueError(f"SOURCE_DATE_EPOCH={epoch} is beyond the year 9999") from None


def stamp_epoch(location: str, first: str) -> datetime | None:
    """:func:`source_date_epoch` for a calendar's DTSTAMP; one it cannot use is a ``workshop.config``
    warning at *location*, and None (the stamp is then the day of the first *first*: "event", "date")."""
    try:
        return source_date_epoch()
    except ValueError as error:
        warn(
            logger, "config", f"{error}; the calendar's DTSTAMP is the first {first}'s day", location=location
        )
        return None


def output_file(app: Sphinx, path: str, location: str) -> Path | None:
    """The calendar file *path* in the output, its folder made; None after a ``workshop.ics_clash`` warning
    at *location* when it would overwrite a folder or lie under a file of the output."""
    target = Path(app.builder.outdir, *path.split("/"))
    if target.is_dir() or target.parent.is_file():
        warn(
            logger,
            "ics_clash",
            f"calendar file {path!r} would overwrite a folder or file of the output; it is not written",
            location=location,
        )
        return None
    target.parent.mkdir(parents=True, exist_ok=True)
    return target


def dtstamp(events: list[CalendarEvent], epoch: datetime | None = None) -> str:
    """DTSTAMP of every event: *epoch* (``SOURCE_DATE_EPOCH``) if given, else the first event's day."""
    if epoch is not None:
        return times.utc_stamp(epoch)
    first = min((e.start for e in events), default="1970-01-01T00:00:00+00:00")
    day = datetime.fromisoformat(first)
    return f"{day.year:04d}{day.month:02d}{day.day:02d}T000000Z"


def calendar(
    events: list[CalendarEvent],
    *,
    name: str,
    timezone: str,
    url: str,
    location: str = "",
    epoch: datetime | None = None,
) -> bytes:
    """The whole ``VCALENDAR`` with one ``VEVENT`` per event, times in UTC; every event at *location* and
    with *url* when given (*url* is a checked http(s) link: a URI value, written unescaped)."""
    stamp = dtstamp(events, epoch)
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{escape_text(name)}")
    if timezone:
        lines.append(f"X-WR-TIMEZONE:{timezone}")
    for event in events:
        lines += [
            "BEGIN:VEVENT",
            f"UID:{event.uid}",
            f"DTSTAMP:{stamp}",
            f"DTSTART:{utc_stamp(event.start)}",
            f"DTEND:{utc_stamp(event.end)}",
            f"SUMMARY:{escape_text(event.summary)}",
        ]
        if location:
            lines.append(f"LOCATION:{escape_text(location)}")
        if event.description:
            lines.append(f"DESCRIPTION:{escape_text(event.description)}")
        if url:
            lines.append(f"URL:{url}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return b"".join(fold(line) for line in lines)


def writes_calendars(builder: Builder) -> bool:
    """Only builders that write a web site get calendar files (not epub, not LaTeX or text)."""
    return builder.format == "html" and not builder.name.startswith("epub")


class _Summary(NamedTuple):
    item: str
    subitems: list[str]


def _plain(node: nodes.Element) -> str:
    # The paragraphs only: not the messages a bad role may have left next to them.
    return " ".join(" ".join(p.astext() for p in node.children if isinstance(p, nodes.paragraph)).split())


def _summaries(block: schedule_block) -> list[_Summary]:
    # The item cells of the resolved doctree: roles ({paper}, {person}) already hold their final text.
    table = next(iter(block.findall(nodes.tbody)), None)
    if table is None:
        return []
    summaries = []
    for row in table.findall(nodes.row):
        cell = row.children[1]
        assert isinstance(cell, nodes.entry)
        talks = [talk for child in cell.children if isinstance(child, nodes.bullet_list) for talk in child]
        summaries.append(
            _Summary(_plain(cell), [_plain(talk) for talk in talks if isinstance(talk, nodes.Element)])
        )
    return summaries


def _events(record: ScheduleRecord, summaries: list[_Summary]) -> Iterator[CalendarEvent]:
    for index, item in enumerate(record.items):
        if not (item.start and item.end):
            continue
        summary = summaries[index] if index < len(summaries) else _Summary(item.source, [])
        text = summary.item or item.source
        if not item.subitems:
            yield CalendarEvent(item.uid, item.start, item.end, text)
        talks = [
            (summary.subitems[position] if position < len(summary.subitems) else "") or sub.source
            for position, sub in enumerate(item.subitems)
        ]
        # Each talk's event spans the whole session: its description says what else the session holds.
        description = "\n".join([f"{text}:" if text else "", *(f"- {talk}" for talk in talks)]).strip()
        for sub, talk in zip(item.subitems, talks, strict=True):
            summary_text = ": ".join(part for part in (text, talk) if part)
            yield CalendarEvent(sub.uid, item.start, item.end, summary_text, description)


def write_calendars(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved`` handler: write the calendar files of the schedules in *doctree*."""
    if not writes_calendars(app.builder):
        return
    domain = schedule_domain(app.env)
    files: dict[str, list[tuple[ScheduleRecord, list[_Summary]]]] = {}
    for block in doctree.findall(schedule_block):
        records = domain.schedules.get(block["docname"], [])
        if block["serial"] < len(records):
            record = records[block["serial"]]
            if domain.writes_calendar(record) and record.ics not in domain.blocked_calendars:
                files.setdefault(record.ics, []).append((record, _summaries(block)))
    for path, schedules in files.items():
        _write(app, path, schedules)


def _write(app: Sphinx, path: str, schedules: Iterable[tuple[ScheduleRecord, list[_Summary]]]) -> None:
    schedules = list(schedules)
    first = schedules[0][0]
    events = [event for record, summaries in schedules for event in _events(record, summaries)]
    event = schedule_domain(app.env).calendar_event(first.docname)
    title = first.title or (event.name if event else "") or str(app.config.project)
    url = (event.url if event else "") or page_url(app.builder, first.docname)
    location = event.location if event else ""
    where = doc_line(app.env, first.docname, first.lineno)
    epoch = stamp_epoch(where, "event")
    target = output_file(app, path, where)
    if target is None:
        return
    target.write_bytes(
        calendar(events, name=title, timezone=first.timezone, url=url, location=location, epoch=epoch)
    )
