"""Default end times are elapsed time, right across a daylight-saving change (not wall-clock sums)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import icalendar
import pytest
from kit import parse_file, warning_lines


def _events(app, name: str) -> list[tuple[datetime, datetime]]:
    calendar = icalendar.Calendar.from_ical((app.outdir / name).read_bytes())
    return [(event.decoded("DTSTART"), event.decoded("DTEND")) for event in calendar.walk("VEVENT")]


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=timezone.utc)


@pytest.mark.sphinx("html", testroot="schedule-dst", freshenv=True)
def test_default_end_is_thirty_elapsed_minutes(app) -> None:
    app.build()
    assert warning_lines(app) == []
    spring = _events(app, "spring.ics")
    assert spring[0] == (_utc("2020-03-08T08:30"), _utc("2020-03-08T09:45"))
    # 01:45 PST is 09:45 UTC; 30 minutes later the clocks read 03:15 PDT (a wall-clock sum says 02:15)
    assert spring[1] == (_utc("2020-03-08T09:45"), _utc("2020-03-08T10:15"))
    # 01:45 PDT (the first of the two) is 08:45 UTC; its end, 09:15 UTC, reads 01:15 PST
    assert _events(app, "fall.ics")[1] == (_utc("2020-11-01T08:45"), _utc("2020-11-01T09:15"))
    [(start, end)] = _events(app, "half.ics")  # a half-hour change
    assert end - start == timedelta(minutes=30)


@pytest.mark.sphinx("html", testroot="schedule-dst", freshenv=True)
def test_page_shows_the_offset_of_each_side_of_the_change(app) -> None:
    app.build()
    page = parse_file(app.outdir / "index.html")
    times = [tag["datetime"] for tag in page.select("time[datetime]")]
    assert times[:2] == ["2020-03-08T00:30:00-08:00", "2020-03-08T01:45:00-08:00"]
    assert times[2:4] == ["2020-11-01T00:30:00-07:00", "2020-11-01T01:45:00-07:00"]
