"""The calendar's fields: LOCATION, URL and DESCRIPTION from the event and the items, the calendar named
after the workshop, hostile text escaped and folded (RFC 5545), and an edited event re-writing calendars."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import icalendar
import pytest
from kit import copy_root, rebuild, warning_lines
from sphinx.testing.util import SphinxTestApp

from sphinx_workshop.schedule.ics import CalendarEvent, calendar

HOSTILE = "Hall A; Building 2,\nFloor \\ 3"
LONG = "A talk; with, commas " + "and a summary that goes on " * 7 + "ünïcödé €"


def _calname(parsed: icalendar.Calendar) -> str:
    """X-WR-CALNAME read as the TEXT it is (icalendar keeps an X- property as written)."""
    raw = str(parsed["X-WR-CALNAME"])
    return str(icalendar.Event.from_ical(f"BEGIN:VEVENT\r\nSUMMARY:{raw}\r\nEND:VEVENT\r\n")["SUMMARY"])


def _physical_lines(data: bytes) -> list[bytes]:
    assert data.endswith(b"\r\n")
    assert b"\n" not in data.replace(b"\r\n", b"")  # CRLF only
    return data[:-2].split(b"\r\n")


def test_hostile_values_are_escaped_and_folded() -> None:
    assert len(LONG) > 200
    events = [
        CalendarEvent("u1@x", "2020-12-12T09:00:00-08:00", "2020-12-12T10:00:00-08:00", LONG, HOSTILE),
    ]
    data = calendar(
        events,
        name="Name; with, all\\ of\nthem",
        timezone="America/Los_Angeles",
        url="https://example.org/a?b=c,d;e",
        location=HOSTILE,
    )
    lines = _physical_lines(data)
    # Every physical line is at most 75 octets; a continuation line starts with one space.
    assert all(len(line) <= 75 for line in lines)
    assert sum(line.startswith(b"SUMMARY:") for line in lines) == 1
    summary_at = next(i for i, line in enumerate(lines) if line.startswith(b"SUMMARY:"))
    assert len(lines[summary_at]) == 75 and lines[summary_at + 1].startswith(b" ")
    unfolded = data.replace(b"\r\n ", b"").decode("utf-8").split("\r\n")
    assert "LOCATION:Hall A\\; Building 2\\,\\nFloor \\\\ 3" in unfolded
    assert "DESCRIPTION:Hall A\\; Building 2\\,\\nFloor \\\\ 3" in unfolded
    assert "X-WR-CALNAME:Name\\; with\\, all\\\\ of\\nthem" in unfolded
    assert "URL:https://example.org/a?b=c,d;e" in unfolded  # a URI value: not TEXT-escaped

    parsed = icalendar.Calendar.from_ical(data)
    assert _calname(parsed) == "Name; with, all\\ of\nthem"
    [event] = parsed.walk("VEVENT")
    assert str(event["SUMMARY"]) == LONG
    assert str(event["LOCATION"]) == HOSTILE
    assert str(event["DESCRIPTION"]) == HOSTILE
    assert str(event["URL"]) == "https://example.org/a?b=c,d;e"


def test_fields_are_left_out_when_empty() -> None:
    events = [CalendarEvent("u1@x", "2020-12-12T09:00:00-08:00", "2020-12-12T10:00:00-08:00", "Opening")]
    data = calendar(events, name="", timezone="", url="")
    for field in (b"LOCATION", b"DESCRIPTION", b"URL", b"X-WR-CALNAME"):
        assert b"\r\n" + field + b":" not in data


def _build(src: Path) -> Path:
    """Build *src* (a copy of the root); it gives no warning."""
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO(), freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warning_lines(app) == []
    return Path(app.outdir)


@pytest.fixture(scope="module")
def outdir(tmp_path_factory) -> Path:
    return _build(copy_root("schedule-calendar", tmp_path_factory.mktemp("calendar")))


def _events(path: Path) -> tuple[icalendar.Calendar, list[icalendar.Event]]:
    parsed = icalendar.Calendar.from_ical(path.read_bytes())
    return parsed, parsed.walk("VEVENT")


def test_myst_calendar_takes_the_projects_event(outdir) -> None:
    """program.md has no event and no :title:: its calendar is named after the event of about.md, whose
    place and link every event carries; never after the page ("Program page")."""
    parsed, events = _events(outdir / "program.ics")
    assert _calname(parsed) == "Hostile; Workshop, 2020"
    assert {str(e["LOCATION"]) for e in events} == {"Hall A; Building 2, Floor \\ 3"}
    assert {str(e["URL"]) for e in events} == {"https://neurips.cc/virtual/2020?tab=workshops,posters"}
    summaries = [str(e["SUMMARY"]) for e in events]
    assert summaries[0] == "Opening remarks"
    assert len(summaries[1]) > 200 and summaries[1].startswith("A very long item; with commas, semicolons;")
    assert "a backslash \\ that" in summaries[1]
    assert summaries[2:] == [
        "Contributed talks: Compilers, quickly; well",
        "Contributed talks: Graphs \\ trees",
    ]
    # A plain item has no description; each talk of a session lists the session's talks.
    assert "DESCRIPTION" not in events[0] and "DESCRIPTION" not in events[1]
    talks = "Contributed talks:\n- Compilers, quickly; well\n- Graphs \\ trees"
    assert [str(e["DESCRIPTION"]) for e in events[2:]] == [talks, talks]
    assert all(len(line) <= 75 for line in _physical_lines((outdir / "program.ics").read_bytes()))


def test_rst_calendar_takes_its_own_pages_event(outdir) -> None:
    """talks.rst has its own event (without :url:): its name and place; the URL is the page's address."""
    parsed, events = _events(outdir / "talks.ics")
    assert str(parsed["X-WR-CALNAME"]) == "RST Workshop"
    assert [str(e["LOCATION"]) for e in events] == ["Room 1, Level 2"] * 2
    assert [str(e["URL"]) for e in events] == ["https://workshop.example.org/talks.html"] * 2
    assert [str(e["DESCRIPTION"]) for e in events] == ["Session one:\n- Talk A\n- Talk B"] * 2


def test_a_schedules_title_names_the_calendar(tmp_path) -> None:
    src = copy_root("schedule-calendar", tmp_path / "src")
    page = src / "program.md"
    page.write_text(page.read_text("utf-8").replace(":end: 12:00", ":end: 12:00\n:title: Day one"), "utf-8")
    parsed = icalendar.Calendar.from_ical((_build(src) / "program.ics").read_bytes())
    assert str(parsed["X-WR-CALNAME"]) == "Day one"


def _calendars(outdir: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(outdir.glob("*.ics"))}


@pytest.mark.parametrize("parallel", [0, 2])
def test_editing_the_event_rewrites_the_calendars_of_other_pages(tmp_path, parallel) -> None:
    """about.md is a leaf page Sphinx would not write program.html for: the calendar must follow anyway."""

    def change(src: Path) -> None:
        page = src / "about.md"
        text = page.read_text("utf-8").replace("Hall A; Building 2, Floor \\ 3", "Hall B")
        page.write_text(text.replace("Hostile; Workshop, 2020", "Renamed workshop"), "utf-8")

    result = rebuild("schedule-calendar", tmp_path, change, snapshot=_calendars, parallel=parallel)
    assert b"LOCATION:Hall A" in result.before["program.ics"]
    incremental = _calendars(Path(result.incremental.outdir))
    assert incremental == _calendars(Path(result.clean.outdir))
    assert b"LOCATION:Hall B\r\n" in incremental["program.ics"]
    assert b"X-WR-CALNAME:Renamed workshop\r\n" in incremental["program.ics"]
    assert incremental["talks.ics"] == result.before["talks.ics"]  # its own page's event is unchanged
    assert "program" in result.written and "program" not in result.read
