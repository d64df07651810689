"""The iCalendar file: RFC 5545 details, a parse with ``icalendar``, reproducible bytes, stable UIDs."""

from __future__ import annotations

import shutil
from pathlib import Path

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from kit import build, edit, rebuild, warning_lines

from sphinx_workshop.schedule.ics import CalendarEvent, calendar, escape_text, fold, source_date_epoch


def test_escape_text() -> None:
    assert escape_text("a,b;c\\d\ne\r\nf\x07") == "a\\,b\\;c\\\\d\\ne\\nf"


@given(st.text(min_size=0, max_size=400))
def test_fold_keeps_75_octet_lines_and_round_trips(text: str) -> None:
    line = "SUMMARY:" + escape_text(text)
    folded = fold(line)
    assert folded.endswith(b"\r\n")
    physical = folded[:-2].split(b"\r\n")
    for number, part in enumerate(physical):
        assert len(part) <= 75, (number, part)  # octets, not characters
        assert part.startswith(b" ") == (number > 0)
        part.decode("utf-8")  # each physical line on its own: never cut inside a UTF-8 sequence
    unfolded = physical[0] + b"".join(part[1:] for part in physical[1:])
    assert unfolded.decode("utf-8") == line


def test_fold_cuts_between_characters_at_the_75th_octet() -> None:
    # 73 ASCII octets then 3-octet characters: the first line may hold 74 or 75 octets, never a
    # partial character; continuation lines carry a space and at most 74 octets of content
    line = "A" * 73 + "\u20ac" * 30
    physical = fold(line)[:-2].split(b"\r\n")
    assert physical[0] == b"A" * 73
    assert all(len(part) <= 75 and part[1:].decode("utf-8") for part in physical[1:])
    assert [len(part) for part in physical[1:-1]] == [73] * (len(physical) - 2)
    assert fold("B" * 75) == b"B" * 75 + b"\r\n"
    assert fold("B" * 76) == b"B" * 75 + b"\r\n B\r\n"


def test_calendar_parses_and_dtstamp_follows_source_date_epoch(monkeypatch) -> None:
    events = [CalendarEvent("u1@x", "2020-12-12T09:00:00-08:00", "2020-12-12T09:15:00-08:00", "Opening")]
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1607760000")
    data = calendar(events, name="Day", timezone="America/Los_Angeles", url="", epoch=source_date_epoch())
    parsed = icalendar.Calendar.from_ical(data)
    [event] = parsed.walk("VEVENT")
    assert str(event["SUMMARY"]) == "Opening"
    assert event.decoded("DTSTART").isoformat() == "2020-12-12T17:00:00+00:00"
    assert b"DTSTAMP:20201212T080000Z\r\n" in data
    monkeypatch.delenv("SOURCE_DATE_EPOCH")
    assert b"DTSTAMP:20201212T000000Z\r\n" in calendar(events, name="Day", timezone="", url="")


def _build(make_app, srcdir, outname: str) -> bytes:
    app = make_app("html", srcdir=srcdir, builddir=srcdir / outname, freshenv=True)
    try:
        app.build()
        return (app.outdir / "neurips2020.ics").read_bytes()
    finally:
        app.cleanup()


def test_calendar_of_a_build(make_app, rootdir, sphinx_test_tempdir, monkeypatch) -> None:
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)
    srcdir = sphinx_test_tempdir / "schedule-basic-ics"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-schedule-basic", srcdir)
    first = _build(make_app, srcdir, "one")
    assert first == _build(make_app, srcdir, "two")  # byte-reproducible, so UIDs are stable

    assert b"\n" not in first.replace(b"\r\n", b"")
    parsed = icalendar.Calendar.from_ical(first)
    assert str(parsed["X-WR-CALNAME"]) == "ML for Systems @ NeurIPS 2020"
    events = parsed.walk("VEVENT")
    assert len(events) == 5  # both schedules of the page name neurips2020.ics
    assert [str(e["SUMMARY"]) for e in events][:4] == [
        "Opening remarks",
        "Invited talk: Christina Delimitrou",  # plain text of the MyST markup
        "Break",
        "Closing",
    ]
    assert str(events[4]["SUMMARY"]).startswith("Thanks, see you; back\\slash and a long line")
    assert str(events[4]["SUMMARY"]).endswith("— ünïcödé")
    assert len({str(e["UID"]) for e in events}) == 5
    times = [(e.decoded("DTSTART").isoformat(), e.decoded("DTEND").isoformat()) for e in events]
    assert times[0] == ("2020-12-12T17:00:00+00:00", "2020-12-12T17:15:00+00:00")
    assert times[3] == ("2020-12-13T01:40:00+00:00", "2020-12-13T01:50:00+00:00")  # :end: 17:50
    assert str(events[0]["URL"]) == "https://workshop.example.org/index.html"

    # The UID depends on the item, not on the other lines: an edit elsewhere keeps it.
    page = srcdir / "index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("10:25 | Break", "10:30 | Break"), "utf-8")
    edited = icalendar.Calendar.from_ical(_build(make_app, srcdir, "three")).walk("VEVENT")
    assert [str(e["UID"]) for e in edited][:2] == [str(e["UID"]) for e in events][:2]
    assert str(edited[2]["UID"]) != str(events[2]["UID"])


@pytest.mark.sphinx("singlehtml", testroot="schedule-defaults", freshenv=True)
def test_singlehtml_writes_and_links_the_calendar(app) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert 'href="sub/day.ics"' in html
    assert (
        len(icalendar.Calendar.from_ical((app.outdir / "sub" / "day.ics").read_bytes()).walk("VEVENT")) == 2
    )


def test_a_build_stamps_its_calendar_with_source_date_epoch(
    make_app, rootdir, sphinx_test_tempdir, monkeypatch
):
    """With ``SOURCE_DATE_EPOCH`` (as in the reproducible builds), every DTSTAMP of the written file is it."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1607760000")
    srcdir = sphinx_test_tempdir / "schedule-basic-epoch"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-schedule-basic", srcdir)
    data = _build(make_app, srcdir, "epoch")
    stamps = {line for line in data.split(b"\r\n") if line.startswith(b"DTSTAMP:")}
    assert stamps == {b"DTSTAMP:20201212T080000Z"}


def test_a_calendar_named_like_a_folder_already_in_the_output_is_not_written(tmp_path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text(
        "# Day\n\n:::{schedule}\n:date: 2020-12-12\n:timezone: UTC\n:ics: stale.ics\n\n09:00 | Talk\n:::\n",
        encoding="utf-8",
    )
    # A folder no page or extra file of this build makes (left there by something else).
    (tmp_path / "out" / "html" / "stale.ics").mkdir(parents=True)
    app = build(src, tmp_path / "out")
    assert warning_lines(app, src="") == [
        "index.md:3: WARNING: calendar file 'stale.ics' would overwrite a folder or file of the output; "
        "it is not written [workshop.ics_clash]"
    ]
    assert (tmp_path / "out" / "html" / "stale.ics").is_dir()


def test_schedule_pages_are_not_written_again_for_an_unrelated_edit(tmp_path) -> None:
    """A calendar is written with its schedule's page, again only when the event it takes its name from
    changes (``about``), never for the edit of another page."""
    result = rebuild("schedule-calendar", tmp_path, lambda src: edit(src / "extra1.md", "So that", "So"))
    assert result.read == ["extra1"]
    assert "extra1" in result.written and not {"program", "talks"} & result.written
    result = rebuild(
        "schedule-calendar", tmp_path / "event", lambda src: edit(src / "about.md", "Hall A", "Hall B")
    )
    assert result.read == ["about"]
    assert "program" in result.written  # its calendar takes the event of about
    assert "talks" not in result.written  # its calendar takes its page's own event


def test_a_line_repeated_in_two_pages_has_four_uids(tmp_path) -> None:
    """A line given twice (same time and text) in each of two pages: four events, four UIDs (a UID is
    unique in the whole site, not only in its page)."""
    src = tmp_path / "src"
    src.mkdir()
    conf = Path(__file__).parents[1] / "roots" / "test-schedule-calendar" / "conf.py"
    (src / "conf.py").write_text(conf.read_text(encoding="utf-8"))
    rows = "10:00 | Coffee\n10:00 | Coffee\n11:00 | End\n"
    schedule = f":::{{schedule}}\n:date: 2020-12-12\n:timezone: UTC\n\n{rows}:::\n"
    (src / "index.md").write_text(f"# One\n\n{schedule}\n```{{toctree}}\ntwo\n```\n")
    (src / "two.md").write_text(f"# Two\n\n{schedule}")
    app = build(src, tmp_path / "build")
    assert warning_lines(app) == []
    uids = [
        str(event["UID"])
        for page in ("index.ics", "two.ics")
        for event in icalendar.Calendar.from_ical((app.outdir / page).read_bytes()).walk("VEVENT")
        if str(event["SUMMARY"]) == "Coffee"
    ]
    assert len(uids) == len(set(uids)) == 4
