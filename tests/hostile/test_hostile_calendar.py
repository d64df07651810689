"""Class 1 of issue 13: calendar arithmetic at the edges is a located warning, never a traceback.

``tests/roots/test-hostile-calendar`` holds schedules and events at the first and last days of the
calendar (in zones whose UTC time leaves years 1 to 9999), a day a zone skipped (Samoa, 2011-12-30),
an item whose default end would be in year 10000, and is built once with ``SOURCE_DATE_EPOCH``
beyond year 9999: each bad moment warns at its line and the page and calendars are still written.
"""

from __future__ import annotations

import json

import icalendar
import pytest
from hostilekit import ROOTS, Build, assert_warnings, build, build_every_way, check_outputs, expected_warnings

ROOT = "hostile-calendar"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    return build_every_way(ROOT, tmp_path_factory.mktemp(ROOT), parallel=True)


def _events(result: Build, name: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical((result.outdir / name).read_bytes()).walk("VEVENT")


def test_every_builder_warns_at_each_moment(results) -> None:
    assert_warnings(results, ROOT)


def test_valid_moments_keep_their_times_and_calendars(results) -> None:
    html = results["html"]
    soup = html.soup("index.html")
    stamps = [t["datetime"] for t in soup.select("div.sw-schedule time[datetime]")]
    # 23:50 in Los Angeles on 9999-12-31 is in year 10000 in UTC, 00:30 in Tokyo on 0001-01-01 in year
    # 0, and Samoa skipped 2011-12-30: those are shown as written, without a machine-readable time.
    assert stamps == [
        "9999-12-31T09:00:00-08:00",
        "0001-01-01T02:41:01+00:00",  # Tokyo's local mean time (+09:18:59) has seconds: in UTC
        "2020-12-12T09:00:00+00:00",
    ]
    texts = [row.get_text(" ", strip=True) for row in soup.select("div.sw-schedule tbody tr")]
    assert "23:50 Too late for UTC" in texts and "10:00 A morning that never was" in texts
    assert [str(e["SUMMARY"]) for e in _events(html, "last.ics")] == ["Early enough"]
    [noon] = _events(html, "first.ics")
    assert noon.decoded("DTSTART").year == 1
    assert b"DTSTART:00010101T024101Z" in (html.outdir / "first.ics").read_bytes()  # four-digit year
    assert not (html.outdir / "samoa.ics").exists()  # no valid item, no calendar
    samoa = soup.select("div.sw-schedule")[2]
    assert "times in Pacific/Apia" in samoa.get_text()
    assert [str(e["SUMMARY"]) for e in _events(html, "fine.ics")] == ["A valid neighbour"]
    [event] = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    assert event["name"] == "The first event" and "startDate" not in event


def test_an_end_beyond_the_calendar_loses_only_its_event(results) -> None:
    html = results["html"]
    soup = html.soup("rst.html")
    assert [str(e["SUMMARY"]) for e in _events(html, "rst-last.ics")] == ["The last hour"]
    assert [str(e["SUMMARY"]) for e in _events(html, "rst-end.ics")] == ["Ends at 23:59"]
    last, valid = [json.loads(s.string) for s in soup.select('script[type="application/ld+json"]')]
    assert "startDate" not in last and "endDate" not in last
    assert valid["startDate"] == "2020-12-12T09:00:00+00:00"


def test_source_date_epoch_beyond_year_9999(tmp_path) -> None:
    result = build(
        ROOTS / f"test-{ROOT}",
        tmp_path / "html",
        "html",
        env={"SOURCE_DATE_EPOCH": "253402300800"},
    )
    check_outputs(result)
    calendars = ("last", "first", "fine", "rst-last", "rst-end")
    lines = {"last": 5, "first": 16, "fine": 35, "rst-last": 4, "rst-end": 12}
    epoch = [
        f"{'rst.rst' if name.startswith('rst') else 'index.md'}:{lines[name]}: WARNING: "
        "SOURCE_DATE_EPOCH=253402300800 is beyond the year 9999; the calendar's DTSTAMP is the first "
        "event's day [workshop.config]"
        for name in calendars
    ]
    assert sorted(result.warnings) == sorted(expected_warnings(ROOT, "html") + epoch)
    assert b"DTSTAMP:20201212T000000Z" in (result.outdir / "fine.ics").read_bytes()
