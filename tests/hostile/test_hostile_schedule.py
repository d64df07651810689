"""Class 4 of issue 13: what a schedule means is what its page, its calendar and its data say.

``tests/roots/test-hostile-schedule``: lines earlier than the line before (one past midnight among
them) keep no machine-readable time and no calendar event; identical lines and sub-items get distinct
UIDs; zones browsers reject (``right/...``, ``posix/...``, ``localtime``, ``posixrules``) are refused;
an event ending before it starts, or with a non-http(s) URL, warns.
"""

from __future__ import annotations

import json

import icalendar
import pytest
from hostilekit import Build, assert_warnings, build_every_way

ROOT = "hostile-schedule"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    return build_every_way(ROOT, tmp_path_factory.mktemp(ROOT), parallel=True)


def _events(result: Build, name: str) -> list[icalendar.Event]:
    return icalendar.Calendar.from_ical((result.outdir / name).read_bytes()).walk("VEVENT")


def test_every_builder_warns_at_each_line(results) -> None:
    assert_warnings(results, ROOT)


@pytest.mark.parametrize("builder", ["html", "html-j2", "dirhtml"])
def test_out_of_order_lines_claim_no_instant(results, builder) -> None:
    result = results[builder]
    soup = result.soup("index.html")
    first = soup.select("div.sw-schedule")[0]
    stamps = [t["datetime"][11:16] for t in first.select("time[datetime]")]
    assert stamps == ["09:00", "10:00", "10:00", "12:00", "23:00"]  # not 11:00, not 00:30
    shown = [row.select("td")[0].get_text() for row in first.select("tbody tr")]
    assert shown == ["09:00", "10:00", "10:00", "12:00", "11:00", "23:00", "00:30"]
    events = _events(result, "day.ics")
    assert [str(e["SUMMARY"]) for e in events] == ["Opening", "Break", "Break", "Lunch", "Late session"]
    assert len({str(e["UID"]) for e in events}) == len(events)
    lunch = events[3]
    assert lunch.decoded("DTEND").hour == 7  # 23:00 PST in UTC: the next later valid line


def test_identical_sub_items_get_distinct_uids(results) -> None:
    events = _events(results["html"], "rst.ics")
    assert [str(e["SUMMARY"]) for e in events] == ["Dinner: Talk"] * 3
    assert len({str(e["UID"]) for e in events}) == 3


def test_zones_browsers_reject_are_refused(results) -> None:
    for page in ("index.html", "rst.html"):
        boxes = results["html"].soup(page).select("div.sw-schedule")
        assert [box.get("data-timezone") for box in boxes][1:] == [None] * (len(boxes) - 1), page


def test_events_keep_what_is_valid(results) -> None:
    for page, start in (
        ("index.html", "2020-12-12T17:00:00-08:00"),
        ("rst.html", "2020-12-12T10:00:00+01:00"),
    ):
        [script] = results["html"].soup(page).select('script[type="application/ld+json"]')
        event = json.loads(script.string)
        assert event["startDate"] == start and "endDate" not in event
        assert "mailto:" not in script.string and "ftp:" not in script.string
