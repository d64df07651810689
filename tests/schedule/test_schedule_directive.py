"""The ``schedule`` directive: HTML, every builder, bad input, parallel and incremental builds."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import NamedTuple

import pytest
from kit import ROOTS, documented, soup, warning_lines
from sphinx.util.console import strip_escape_sequences


@pytest.mark.sphinx("html", testroot="schedule-basic", freshenv=True)
def test_schedule_renders_times_with_offsets(app) -> None:
    app.build()
    assert warning_lines(app, src="") == []
    page = soup(app, "index.html")
    box = page.select_one("div.sw-schedule")
    assert box["data-timezone"] == "America/Los_Angeles"
    assert box["data-date"] == "2020-12-12"
    assert [(t["datetime"], t.text) for t in box.select("table time")] == [
        ("2020-12-12T09:00:00-08:00", "09:00"),
        ("2020-12-12T09:15:00-08:00", "09:15"),
        ("2020-12-12T10:25:00-08:00", "10:25"),
        ("2020-12-12T17:40:00-08:00", "17:40"),
    ]
    # Without JavaScript the page says which day and zone the times are in.
    assert box.select_one("p.sw-schedule-zone").text == (
        "Saturday, December 12, 2020, times in America/Los_Angeles (PST, UTC-08:00)"
    )
    items = [row.select("td")[1] for row in box.select("tbody tr")]
    assert items[1].select_one("strong").text == "Christina Delimitrou"  # MyST inline markup
    link = box.select_one("a.sw-schedule-ics")
    assert link["href"] == "neurips2020.ics"
    assert (app.outdir / "neurips2020.ics").is_file()
    # The script and its styles are loaded, the script deferred; no inline script.
    assert page.select_one('script[src^="_static/sphinx-workshop/schedule.js"]').has_attr("defer")
    assert page.select_one('link[href^="_static/sphinx-workshop/sphinx-workshop.css"]')
    assert not [s for s in page.select("script:not([src])") if "workshop" in s.text]


@pytest.mark.sphinx("html", testroot="schedule-defaults", freshenv=True)
def test_dst_offset_default_end_and_nested_calendar(app) -> None:
    app.build()
    assert warning_lines(app, src="") == []
    box = soup(app, "sub/day.html").select_one("div.sw-schedule")
    assert [t["datetime"] for t in box.select("time")] == [
        "2021-07-10T09:00:00+02:00",  # CEST, not CET
        "2021-07-10T12:30:00+02:00",
    ]
    assert "Europe/Paris (CEST, UTC+02:00)" in box.select_one("p.sw-schedule-zone").text
    assert box.select_one("a.sw-schedule-ics")["href"] == "day.ics"
    calendar = (app.outdir / "sub" / "day.ics").read_bytes()
    assert b"DTSTART:20210710T103000Z\r\nDTEND:20210710T110000Z\r\n" in calendar  # last item: 30 minutes
    # the project's name when there is no :title: and no event: never the page's title ("Day one")
    assert b"X-WR-CALNAME:Summer School\r\n" in calendar


@pytest.mark.sphinx("dirhtml", testroot="schedule-defaults", freshenv=True)
def test_dirhtml_links_the_calendar_from_the_page_folder(app) -> None:
    app.build()
    box = soup(app, "sub/day/index.html").select_one("div.sw-schedule")
    assert box.select_one("a.sw-schedule-ics")["href"] == "../day.ics"
    assert (app.outdir / "sub" / "day.ics").is_file()


@pytest.mark.parametrize(
    ("builder", "page", "expected"),
    [
        ("text", "index.txt", "09:00 PST"),
        ("latex", "projectnamenotset.tex", "09:00 PST"),
        ("man", "projectnamenotset.1", "09:00 PST"),
        ("texinfo", "projectnamenotset.texi", "09:00 PST"),
    ],
)
def test_other_builders_print_time_and_zone(make_app, rootdir, sphinx_test_tempdir, builder, page, expected):
    srcdir = sphinx_test_tempdir / f"schedule-basic-{builder}"
    if not srcdir.exists():
        shutil.copytree(rootdir / "test-schedule-basic", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    assert warning_lines(app, src="") == []
    text = (app.outdir / page).read_text(encoding="utf-8")
    assert expected in text
    assert "America/Los" in text  # the day's zone, named once
    assert "neurips2020.ics" not in text  # no calendar file outside HTML
    assert not list(app.outdir.glob("*.ics"))


BAD_WARNINGS = [
    "date.md:4: WARNING: date '2020-13-45' does not exist (month must be in 1..12); times are shown as "
    "written [workshop.bad_date]",
    "end.md:6: WARNING: :end: bad time 'noon' (expected HH:MM, 00:00 to 23:59); the last item lasts 30 "
    "minutes [workshop.bad_time]",
    "event.md:4: WARNING: :start: '2020-12-12 nine' is not YYYY-MM-DDTHH:MM [workshop.bad_date]",
    "event.md:6: WARNING: unknown time zone 'Pacific/Nowhere' (expected an IANA name such as "
    "America/Los_Angeles) [workshop.bad_timezone]",
    "event.md:7: WARNING: event :url: 'javascript:alert(1)' is not an http(s) link [workshop.bad_url]",
    "event.md:8: WARNING: :attendance: 'somewhere' is not one of online, offline, mixed "
    "[workshop.bad_option]",
    "event.md:9: WARNING: unknown option :venue: of the event directive (known: start, end, timezone, url, "
    "attendance, location); it is ignored [workshop.unknown_option]",
    "event.md:14: WARNING: the event needs :start: (its JSON-LD has no dates) [workshop.missing_option]",
    "lines.md:8: WARNING: bad time '25:00' (expected HH:MM, 00:00 to 23:59); the item is shown without a "
    "time [workshop.bad_time]",
    "lines.md:9: WARNING: 02:30 does not exist on 2021-03-14 in America/Los_Angeles (its clocks skip it: a "
    "daylight-saving or other change of offset); the item is shown without a time [workshop.bad_time]",
    "lines.md:10: WARNING: schedule line without '|' between time and item: 'Lunch without a time' "
    "[workshop.schedule_line]",
    "lines.md:12: WARNING: 00:30 is earlier than the previous item's 03:00 (a schedule is one day, in "
    "order); the item is shown without a machine-readable time [workshop.bad_time]",
    "lines.md:13: WARNING: bad time '9.30' (expected HH:MM, 00:00 to 23:59); the item is shown without a "
    "time [workshop.bad_time]",
    "missing.md:3: WARNING: the schedule needs :date: (times are shown without a date or zone) "
    "[workshop.missing_option]",
    "missing.md:3: WARNING: the schedule needs :timezone: (times are shown without a date or zone) "
    "[workshop.missing_option]",
    "options.md:3: WARNING: calendar file 'options.ics' is already written by 'clash'; this schedule's items "
    "are not in it [workshop.ics_clash]",
    "options.md:6: WARNING: unknown option :colour: of the schedule directive "
    "(known: date, timezone, end, ics, title); it is ignored [workshop.unknown_option]",
    "options.md:7: WARNING: :ics: '../escape.ics' is not a plain file name ending in .ics; using "
    "'options.ics' [workshop.bad_option]",
    "options.md:8: WARNING: :end: 08:00 is not after the last item's 09:00; the last item lasts 30 minutes "
    "[workshop.bad_time]",
    "stray.md:7: WARNING: schedule sub-item before any item: '- Orphan talk'; shown as an item without a "
    "time [workshop.schedule_line]",
    "stray.md:9: WARNING: empty schedule sub-item ('-' without text) [workshop.schedule_line]",
    "zone.md:5: WARNING: unknown time zone 'Mars/Olympus_Mons' (expected an IANA name such as "
    "America/Los_Angeles); times are shown as written [workshop.bad_timezone]",
]


def _line_key(line: str) -> tuple[str, int, str]:
    match = re.match(r"([^:]+):(\d+): (.*)", line)
    assert match, line
    return match[1], int(match[2]), match[3]


@pytest.mark.sphinx("html", testroot="schedule-bad", freshenv=True)
def test_bad_input_warns_at_the_line_and_renders_the_rest(app) -> None:
    app.build()
    assert sorted(warning_lines(app, src=""), key=_line_key) == BAD_WARNINGS
    rows = soup(app, "lines.html").select("div.sw-schedule tbody tr")
    cells = [(row.select("td")[0].text, row.select("td")[1].text) for row in rows]
    assert cells == [
        ("01:00", "Night owls"),
        ("25:00", "Too late"),  # shown as written, without a machine-readable time
        ("02:30", "Skipped by the DST change"),
        ("", "Lunch without a time"),
        ("03:00", "Morning"),
        ("00:30", "Out of order"),
        ("9.30", "Dotted time"),
    ]
    assert [t["datetime"] for t in soup(app, "lines.html").select("time[datetime]")] == [
        "2021-03-14T01:00:00-08:00",
        "2021-03-14T03:00:00-07:00",  # after the change to daylight-saving time
    ]  # 00:30 after 03:00 is not claimed to be the same day's: no datetime, no calendar event
    for page in ("zone.html", "date.html", "missing.html"):
        box = soup(app, page).select_one("div.sw-schedule")
        assert box.select_one("td").text == "09:00"
        assert not box.select("time[datetime]"), page  # no zone or date: no claim about the instant
        assert not box.has_attr("data-timezone")
        assert not box.select("a.sw-schedule-ics")
    assert not (app.outdir / "zone.ics").exists()
    assert (app.outdir / "lines.ics").read_bytes().count(b"BEGIN:VEVENT") == 2
    # The clashing name is written by one document only (the first by name), with its own items.
    assert (app.outdir / "options.ics").read_bytes().count(b"SUMMARY:Another day") == 1
    assert b"Opening remarks" not in (app.outdir / "options.ics").read_bytes()
    # A sub-item before any item is shown as an item without a time; the next item keeps its own.
    rows = soup(app, "stray.html").select("div.sw-schedule tbody tr")
    assert [(row.select("td")[0].text, row.select("td > p")[-1].text) for row in rows] == [
        ("", "Orphan talk"),
        ("09:00", "Opening remarks"),
    ]
    assert [li.text.strip() for li in rows[1].select("ul.sw-schedule-subitems > li")] == ["Welcome"]
    stray = (app.outdir / "stray.ics").read_bytes()
    assert stray.count(b"BEGIN:VEVENT") == 1
    assert b"SUMMARY:Opening remarks: Welcome\r\n" in stray


def test_docs_examples_are_test_inputs() -> None:
    examples = re.findall(r"^````markdown\n(.*?)^````$", documented("schedule"), flags=re.M | re.S)
    assert len(examples) == 3
    sources = "".join(
        (ROOTS / f"test-schedule-{root}" / "index.md").read_text(encoding="utf-8")
        for root in ("basic", "subitems", "event")
    )
    for example in examples:
        assert example in sources


def _snapshot(outdir: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(outdir.glob("*.ics"))}


class Build(NamedTuple):
    outdir: Path
    calendars: dict[str, bytes]
    warnings: list[str]
    read: set[str]


def _build(make_app, srcdir: Path, **kwargs) -> Build:
    app = make_app("html", srcdir=srcdir, **kwargs)
    try:
        app.build()
        status = strip_escape_sequences(app.status.getvalue())
        read = set(re.findall(r"reading sources\.\.\. \[[ \d]+%\] (\S+)", status))
        warnings = sorted(w for w in warning_lines(app, src="") if "[workshop." in w)
        return Build(app.outdir, _snapshot(app.outdir), warnings, read)
    finally:
        app.cleanup()  # restore docutils' registries before the next app


def test_parallel_and_incremental_builds_match_a_clean_build(make_app, rootdir, sphinx_test_tempdir):
    srcdir = sphinx_test_tempdir / "schedule-bad-parallel"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-schedule-bad", srcdir)
    serial = _build(make_app, srcdir, freshenv=True)
    assert len(serial.warnings) == len(BAD_WARNINGS)

    shutil.rmtree(serial.outdir)
    parallel = _build(make_app, srcdir, freshenv=True, parallel=2)
    assert (parallel.calendars, parallel.warnings) == (serial.calendars, serial.warnings)

    # Edit one page and rebuild incrementally: its calendar follows; no other page is read again
    # (pages that show other pages' data are re-written when that data changes, not re-read).
    lines = srcdir / "index.md"
    lines.write_text(lines.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    lines = srcdir / "lines.md"
    lines.write_text(lines.read_text(encoding="utf-8").replace("Morning", "Coffee"), encoding="utf-8")
    incremental = _build(make_app, srcdir)
    assert incremental.read == {"index", "lines"}
    assert b"SUMMARY:Coffee" in incremental.calendars["lines.ics"]
    assert incremental.calendars["options.ics"] == serial.calendars["options.ics"]
    # warnings come again for the pages read again, and from the project-wide consistency check
    again = [
        w for w in serial.warnings if w.startswith(("index.md:", "lines.md:")) or "[workshop.ics_clash]" in w
    ]
    assert incremental.warnings == again
    shutil.rmtree(incremental.outdir)
    clean = _build(make_app, srcdir, freshenv=True)
    assert clean.calendars == incremental.calendars


def test_unchanged_sources_are_not_read_again(make_app, rootdir, sphinx_test_tempdir):
    srcdir = sphinx_test_tempdir / "schedule-defaults-again"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-schedule-defaults", srcdir)
    assert _build(make_app, srcdir, freshenv=True).read == {"index", "sub/day"}
    assert _build(make_app, srcdir).read == set()


@pytest.mark.sphinx("html", testroot="schedule-rst", freshenv=True)
def test_restructuredtext_source_lines(app) -> None:
    app.build()
    assert warning_lines(app, src="") == [
        "index.rst:7: WARNING: unknown option :colour: of the schedule directive "
        "(known: date, timezone, end, ics, title); it is ignored [workshop.unknown_option]",
        "index.rst:10: WARNING: bad time '9h00' (expected HH:MM, 00:00 to 23:59); the item is shown "
        "without a time [workshop.bad_time]",
    ]
    page = soup(app, "index.html")
    assert [t["datetime"] for t in page.select("time")] == [
        "2020-12-12T09:00:00-08:00",
        "2020-12-12T10:00:00-08:00",
    ]
    assert page.select_one("tbody td em").text == "remarks"
