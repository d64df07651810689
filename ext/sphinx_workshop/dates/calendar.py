"""The iCalendar file of a list of dates (RFC 5545), written next to the page by HTML builders.

A timed date is an event at its moment (``DTSTART`` in UTC, no end); an all-day date is a
``VALUE=DATE`` event over its day. Lines are escaped and folded by the schedule's calendar writer;
the bytes are reproducible (DTSTAMP from ``SOURCE_DATE_EPOCH`` or the first date's day, UIDs from the
page and the date's name). The lists of one page naming one file share it; of two pages naming one
file, the first by name writes it (the other is warned about, ``workshop.ics_clash``).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from sphinx_workshop import invalidation
from sphinx_workshop.dates.nodes import dates_block
from sphinx_workshop.diagnostics import doc_line
from sphinx_workshop.domains import dates_domain
from sphinx_workshop.jsonld import page_url
from sphinx_workshop.schedule import ics, times

if TYPE_CHECKING:
    from datetime import datetime

    from docutils import nodes
    from sphinx.application import Sphinx

    from sphinx_workshop.dates.moments import DateRecord

PRODID = "-//sphinx-workshop//dates//EN"


def _day(text: str, days: int = 0) -> str:
    day = date.fromisoformat(text) + timedelta(days=days)
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def calendar(records: list[DateRecord], *, name: str, url: str, epoch: datetime | None) -> bytes:
    """The ``VCALENDAR`` of *records*: one ``VEVENT`` per date."""
    if epoch is not None:
        stamp = times.utc_stamp(epoch)
    else:
        stamp = _day(min(record.moment.day for record in records)) + "T000000Z"
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH"]
    if name:
        lines.append(f"X-WR-CALNAME:{ics.escape_text(name)}")
    for record in records:
        moment = record.moment
        uid = f"{record.name}-{invalidation.digest(record.docname)[:12]}@sphinx-workshop"
        lines += ["BEGIN:VEVENT", f"UID:{uid}", f"DTSTAMP:{stamp}"]
        if moment.clock:
            lines.append(f"DTSTART:{times.utc_stamp(moment.local())}")
        else:
            lines += [f"DTSTART;VALUE=DATE:{_day(moment.day)}", f"DTEND;VALUE=DATE:{_day(moment.day, 1)}"]
        lines.append(f"SUMMARY:{ics.escape_text(record.label)}")
        if url:
            lines.append(f"URL:{url}#{record.anchor}")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return b"".join(ics.fold(line) for line in lines)


def write_calendars(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    """``doctree-resolved``: write the calendar files of the lists of dates in *doctree*, one per name."""
    if not ics.writes_calendars(app.builder):
        return
    domain = dates_domain(app.env)
    stored = domain.data["dates"]
    files: dict[str, list[DateRecord]] = {}
    owners: dict[str, tuple[str, int | None]] = {}
    for block in doctree.findall(dates_block):
        path, owner = block.get("ics"), block["docname"]
        if not path or domain.calendar_owner(path) != owner:
            continue  # no dates, or another page writes this file (warned once all pages are read)
        names = set(block["names"])
        files.setdefault(path, []).extend(record for record in stored.get(owner, []) if record.name in names)
        owners.setdefault(path, (owner, block.line))
    for path, records in files.items():
        if records:
            _write(app, path, records, *owners[path])


def _write(app: Sphinx, path: str, records: list[DateRecord], owner: str, line: int | None) -> None:
    location = doc_line(app.env, owner, line)
    epoch = ics.stamp_epoch(location, "date")
    target = ics.output_file(app, path, location)
    if target is None:
        return
    # the workshop's title, as the schedule's calendars default to: not the page's ("Call for papers")
    name = str(app.config.project)
    target.write_bytes(calendar(records, name=name, url=page_url(app.builder, owner), epoch=epoch))
