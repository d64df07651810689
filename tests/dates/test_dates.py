"""Important dates: the list, past dates, the calendar, ``{date}``, the phase banner, every builder, bad
input located, ``-j 2`` against serial and incremental against clean."""

from __future__ import annotations

from pathlib import Path

import icalendar
import pytest
from kit import bodies, copy_root, edit, inventory, parse_file, rebuild, soup, warning_lines
from sphinx.testing.util import SphinxTestApp

#: 2020-10-06: after the first submission deadline (2 October), before the extended one (9 October).
BEFORE = "1602000000"
#: 2020-10-10 11:59 UTC: the very second the extended submission deadline (9 October, 23:59 AoE) is past.
AT_DEADLINE = "1602331140"
#: 2020-11-01: submissions closed, decisions out, the workshop to come.
BETWEEN = "1604188800"
#: 2020-12-14: the workshop took place.
AFTER = "1607904000"


def _build(
    monkeypatch, tmp_path: Path, root: str, epoch: str, builder: str = "html", **kwargs
) -> SphinxTestApp:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    src = copy_root(root, tmp_path)
    app = SphinxTestApp(builder, srcdir=src, builddir=tmp_path / f"out-{builder}", freshenv=True, **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def test_the_list_shows_each_date_with_its_history_zone_and_calendar(monkeypatch, tmp_path) -> None:
    app = _build(monkeypatch, tmp_path, "dates-basic", BEFORE)
    assert warning_lines(app) == []
    page = soup(app, "cfp")
    box = page.select_one("div.sw-dates")
    # the schedule's zone switch (schedule.js) reads these: the list's zone, no day of its own
    assert box["class"] == ["sw-schedule", "sw-dates"]
    assert (box["data-timezone"], box["data-date"]) == ("Etc/GMT+12", "")
    assert box.select_one(".sw-dates-zone").text == "Deadlines are Anywhere on Earth (AoE, UTC-12)."
    assert box.select_one("p.sw-date-local[hidden] .sw-schedule-zone-name").text == "AoE"
    entries = box.select("ul.sw-dates-list > li.sw-date")
    assert [li["id"] for li in entries] == [
        "date-submission",
        "date-notification",
        "date-camera-ready",
        "date-workshop",
    ]
    submission = entries[0]
    assert submission.select_one(".sw-date-label").text == "Submission deadline"
    assert submission.select_one("del").text == "October 2, 2020, 23:59 AoE"
    assert submission.select_one(".sw-date-when").text == "October 9, 2020, 23:59 AoE"
    local = submission.select_one("span.sw-date-local[hidden] time")
    assert local["datetime"] == "2020-10-09T23:59:00-12:00"
    assert submission["data-sw-past-at"] == "2020-10-10T11:59:00Z"
    # all-day dates: no time, no reader's zone, past when the day is over in AoE
    workshop = entries[3]
    assert workshop.select_one(".sw-date-when").text == "December 12, 2020"
    assert workshop.select("time") == []
    assert workshop["data-sw-past-at"] == "2020-12-13T12:00:00Z"
    assert entries[1].select_one("del").text == "October 23, 2020"
    link = box.select_one("p.sw-dates-calendar a")
    assert (link["href"], link.text) == ("cfp-dates.ics", "Add the dates to your calendar (cfp-dates.ics)")
    assert page.select_one('script[src^="_static/sphinx-workshop/dates.js"]').has_attr("defer")
    assert page.select_one('link[href^="_static/sphinx-workshop/dates.css"]')
    assert not soup(app, "genindex").select('script[src*="dates.js"]')
    other = soup(app, "notes").select_one("div.sw-dates")
    assert other["data-timezone"] == "Europe/Berlin"
    assert other.select_one(".sw-date-when").text == "December 13, 2020, 18:30 CET"


@pytest.mark.parametrize(
    ("epoch", "past"),
    [
        (BEFORE, []),
        (BETWEEN, ["date-submission", "date-notification"]),
        (AFTER, ["date-submission", "date-notification", "date-camera-ready", "date-workshop"]),
    ],
)
def test_past_dates_are_marked_at_the_build_moment(monkeypatch, tmp_path, epoch, past) -> None:
    app = _build(monkeypatch, tmp_path, "dates-basic", epoch)
    entries = soup(app, "cfp").select("li.sw-date")
    assert [li["id"] for li in entries if "sw-date-past" in li["class"]] == past
    for li in entries:
        cue = li.select_one(".sw-date-past-cue.sw-visually-hidden")
        assert cue.text == " (past)"
        assert cue.has_attr("hidden") == (li["id"] not in past)


@pytest.mark.parametrize(
    ("epoch", "shown"),
    [
        (BEFORE, "Call for papers open until October 9, 2020, 23:59 AoE."),
        (AT_DEADLINE, "Submissions are closed; decisions on October 28, 2020."),
        (BETWEEN, "Submissions are closed; decisions on October 28, 2020."),
        (AFTER, "The workshop took place on December 12, 2020."),
    ],
)
def test_the_phase_follows_the_build_moment(monkeypatch, tmp_path, epoch, shown) -> None:
    app = _build(monkeypatch, tmp_path, "dates-basic", epoch)
    blocks = soup(app, "index").select("div.sw-phase > div.sw-phase-block")
    assert len(blocks) == 3  # every phase is there for the reader's clock
    assert [b.text.strip() for b in blocks if not b.has_attr("hidden")] == [shown]
    assert [b["data-sw-when"] for b in blocks] == ["before", "after", "after"]
    assert blocks[0]["data-sw-past-at"] == "2020-10-10T11:59:00Z"
    text = _build(monkeypatch, tmp_path / "text", "dates-basic", epoch, "text")
    index = (Path(text.outdir) / "index.txt").read_text(encoding="utf-8")
    assert shown in " ".join(index.replace("*", "").split())
    assert sum(phrase in index for phrase in ("open until", "are closed", "took place")) == 1


def test_the_calendar_has_utc_moments_and_all_day_dates(monkeypatch, tmp_path) -> None:
    app = _build(monkeypatch, tmp_path, "dates-basic", BEFORE)
    data = (Path(app.outdir) / "cfp-dates.ics").read_bytes()
    assert all(line.endswith(b"\r\n") for line in data.splitlines(keepends=True))
    assert b"DTSTART:20201010T115900Z\r\n" in data
    assert b"DTSTART;VALUE=DATE:20201212\r\nDTEND;VALUE=DATE:20201213\r\n" in data
    assert b"DTSTAMP:20201006T160000Z\r\n" in data
    parsed = icalendar.Calendar.from_ical(data)
    assert str(parsed["X-WR-CALNAME"]) == "Dates"  # the workshop's (project's) name, not "Call for papers"
    events = {str(e["SUMMARY"]): e for e in parsed.walk("VEVENT")}
    assert list(events) == ["Submission deadline", "Notification", "Camera-ready", "Workshop"]
    assert events["Submission deadline"].decoded("DTSTART").isoformat() == "2020-10-10T11:59:00+00:00"
    assert events["Camera-ready"].decoded("DTSTART").isoformat() == "2020-11-30T11:59:00+00:00"
    assert events["Notification"].decoded("DTSTART").isoformat() == "2020-10-28"
    assert events["Workshop"].decoded("DTEND").isoformat() == "2020-12-13"
    assert len({str(e["UID"]) for e in events.values()}) == 4
    berlin = icalendar.Calendar.from_ical((Path(app.outdir) / "berlin.ics").read_bytes())
    [meetup] = berlin.walk("VEVENT")
    assert meetup.decoded("DTSTART").isoformat() == "2020-12-13T17:30:00+00:00"


def test_the_role_shows_the_moment_and_links_its_entry(monkeypatch, tmp_path) -> None:
    app = _build(monkeypatch, tmp_path, "dates-basic", BEFORE)
    refs = soup(app, "cfp").select("p a.reference.internal")
    assert [(a["href"], a.text, a["title"]) for a in refs] == [
        ("#date-submission", "October 9, 2020, 23:59 AoE", "Submission deadline"),
        ("#date-camera-ready", "deadline", "Camera-ready"),
    ]
    [note] = soup(app, "notes").select("p a.reference.internal")
    assert (note["href"], note.text) == ("cfp.html#date-notification", "October 28, 2020")
    objects = inventory(Path(app.outdir))["dates:date"]
    assert objects["submission"] == ("cfp.html#date-submission", "Submission deadline")
    assert set(objects) == {"submission", "notification", "camera-ready", "workshop", "meetup"}


def test_an_unlinked_date_shows_the_moment_without_a_link(monkeypatch, tmp_path) -> None:
    """``{date}`!name``` is the date as ``{date}`name``` shows it, without the link; an unknown name warns."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BEFORE)
    src = copy_root("dates-basic", tmp_path)
    unlinked = "{date}`notification`; {date}`!notification`, {date}`!nope`."
    edit(src / "notes.md", "{date}`notification`.", unlinked)
    for builder in ("html", "latex"):
        app = SphinxTestApp(builder, srcdir=src, builddir=tmp_path / builder, freshenv=True)
        try:
            app.build()
        finally:
            app.cleanup()
        assert warning_lines(app) == [
            "<src>/notes.md:3: WARNING: no important date named 'nope' in {date} [workshop.date_unknown]"
        ]
    html = parse_file(tmp_path / "html" / "html" / "notes.html")
    [para] = [p for p in html.select("p") if "Plain text" in p.get_text()]
    assert [a.get_text() for a in para.select("a")] == ["October 28, 2020"]
    shown = [span.get_text() for span in para.select("span.sw-date-ref")]
    assert shown == ["October 28, 2020", "October 28, 2020"]
    assert "!nope" not in para.get_text() and "nope" in para.get_text()
    latex = (tmp_path / "latex" / "latex").glob("*.tex")
    text = "".join(path.read_text(encoding="utf-8") for path in latex)
    assert text.count("October 28, 2020") == 3  # the entry, the link and the unlinked date


def test_rst_renders_as_myst(monkeypatch, tmp_path) -> None:
    myst = _build(monkeypatch, tmp_path / "myst", "dates-basic", BETWEEN)
    rst = _build(monkeypatch, tmp_path / "rst", "dates-rst", BETWEEN)
    assert warning_lines(rst) == []
    for page, part in (("cfp", "div.sw-dates"), ("notes", "div.sw-dates"), ("index", "div.sw-phase")):
        assert str(soup(rst, page).select_one(part)) == str(soup(myst, page).select_one(part))


def test_bad_input_is_located_and_the_rest_renders(monkeypatch, tmp_path) -> None:
    app = _build(monkeypatch, tmp_path, "dates-bad", BEFORE)
    zone = (
        "unknown time zone 'Mars/Base' (expected an IANA name such as America/Los_Angeles); "
        "the dates are read in AoE (UTC-12)"
    )
    gone = "date '2020-02-30' does not exist (day is out of range for month); the line is left out"
    late = "bad time '25:00' (expected HH:MM, 00:00 to 23:59); the line is left out"
    line = "expected 'name | label | date', got 'just text'; the line is left out"
    phase = "expected 'before <date>' or 'after <date>', got 'during {}'; the line is left out"
    again = "the date '{}' is given again; the line is left out"
    moves = "'{}' moves to 2020-10-02, before 2020-10-09; the move is ignored"
    unknown = "no important date named '{}' in the phase; the phase is left out"
    expected = []
    for page, lines, suffix, name in (
        ("index.md", (3, 6, 8, 9, 10, 11, 12, 16, 17), "", "good"),
        ("other.rst", (4, 7, 10, 11, 12, 13, 14, 18, 19), "2", "other"),
    ):
        messages = [
            (f"no important date named 'nope{suffix}' in {{date}}", "date_unknown"),
            (zone, "bad_timezone"),
            (gone, "bad_date"),
            (moves.format("back" + suffix), "bad_date"),
            (again.format(name), "duplicate_date"),
            (late, "bad_time"),
            (line, "date_line"),
            (unknown.format("nope" + suffix), "date_unknown"),
            (phase.format(name), "date_line"),
        ]
        for number, (message, subtype) in zip(lines, messages, strict=True):
            expected.append(f"<src>/{page}:{number}: WARNING: {message} [workshop.{subtype}]")
    expected.append(
        "<src>/other.rst:25: WARNING: the date 'good' is defined again (first at index.md:7); "
        "links use the first [workshop.duplicate_date]"
    )
    expected.append(
        "<src>/other.rst:22: WARNING: calendar file 'index-dates.ics' is already written by 'index'; "
        "this list's dates are not in it [workshop.ics_clash]"
    )
    assert sorted(warning_lines(app)) == sorted(expected)
    assert {line[line.rindex("[") :] for line in warning_lines(app)} == {
        "[workshop.bad_date]",
        "[workshop.bad_time]",
        "[workshop.bad_timezone]",
        "[workshop.date_line]",
        "[workshop.date_unknown]",
        "[workshop.duplicate_date]",
        "[workshop.ics_clash]",
    }
    # the two lists of index.md share its calendar; other.rst's list may not take it
    shared = icalendar.Calendar.from_ical((Path(app.outdir) / "index-dates.ics").read_bytes())
    assert [str(event["SUMMARY"]) for event in shared.walk("VEVENT")] == ["Good", "Back", "Second list"]
    page = soup(app, "index")
    assert [li["id"] for li in page.select("li.sw-date")] == ["date-good", "date-back", "date-second"]
    assert page.select_one("#date-back .sw-date-when").text == "October 9, 2020"
    assert [b.text.strip() for b in page.select(".sw-phase-block")] == ["Open."]
    other = soup(app, "other")
    assert [li["id"] for li in other.select("li.sw-date")] == ["date-other", "date-back2", "date-good"]


def test_latex_labels_every_date_link(monkeypatch, tmp_path) -> None:
    app = _build(monkeypatch, tmp_path, "dates-basic", AFTER, "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    import re

    targets = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    assert {"cfp:date-submission", "cfp:date-workshop"} <= targets <= labels
    assert "October 2, 2020, 23:59 AoE" in tex  # the moved date, as text
    assert "The workshop took place" in tex and "open until" not in tex
    assert "(past)" in tex


def test_parallel_build_equals_serial(monkeypatch, tmp_path) -> None:
    serial = _build(monkeypatch, tmp_path / "serial", "dates-bad", BETWEEN)
    parallel = _build(monkeypatch, tmp_path / "parallel", "dates-bad", BETWEEN, parallel=2)
    assert bodies(Path(parallel.outdir)) == bodies(Path(serial.outdir))
    assert sorted(warning_lines(parallel)) == sorted(warning_lines(serial))
    basic = _build(monkeypatch, tmp_path / "basic", "dates-basic", BETWEEN, parallel=2)
    alone = _build(monkeypatch, tmp_path / "alone", "dates-basic", BETWEEN)
    assert bodies(Path(basic.outdir)) == bodies(Path(alone.outdir))
    for ics in ("cfp-dates.ics", "berlin.ics"):
        assert (Path(basic.outdir) / ics).read_bytes() == (Path(alone.outdir) / ics).read_bytes()


def test_a_moved_date_rewrites_the_pages_that_show_it(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BEFORE)
    result = rebuild(
        "dates-basic",
        tmp_path,
        lambda src: edit(src / "cfp.md", "2020-10-23 -> 2020-10-28", "2020-10-23 -> 2020-10-30"),
    )
    assert "notes" not in result.read  # written again, not read again
    assert "notes" in result.written
    assert bodies(Path(result.incremental.outdir)) == bodies(Path(result.clean.outdir))
    assert "October 30, 2020" in parse_file(Path(result.incremental.outdir) / "notes.html").text


def test_a_phase_follows_a_moved_date_its_page_shows_nowhere_else(monkeypatch, tmp_path) -> None:
    # The page names the camera-ready date only in its phase's conditions: no list, no {date} role.
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BETWEEN)
    src = copy_root("dates-basic", tmp_path)
    (src / "status.md").write_text(
        "# Status\n\n:::{phase}\nbefore camera-ready | Camera-ready versions are due.\n"
        "after camera-ready | Camera-ready versions are in.\n:::\n",
        encoding="utf-8",
    )
    edit(src / "index.md", "cfp\nnotes\n", "cfp\nnotes\nstatus\n")

    def shown(freshenv: bool) -> list[str]:
        app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "out", freshenv=freshenv)
        try:
            app.build()
        finally:
            app.cleanup()
        blocks = soup(app, "status").select("div.sw-phase > div.sw-phase-block")
        return [b.text.strip() for b in blocks if not b.has_attr("hidden")]

    assert shown(freshenv=True) == ["Camera-ready versions are due."]
    edit(src / "cfp.md", "2020-11-29 23:59", "2020-10-29 23:59")
    assert shown(freshenv=False) == ["Camera-ready versions are in."]


def test_a_date_that_passed_between_builds_rewrites_its_pages(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BEFORE)
    result = rebuild("dates-basic", tmp_path, lambda src: monkeypatch.setenv("SOURCE_DATE_EPOCH", AFTER))
    assert result.read == []
    assert {"cfp", "index", "notes"} <= result.written
    assert bodies(Path(result.incremental.outdir)) == bodies(Path(result.clean.outdir))
    assert soup(result.incremental, "cfp").select("li.sw-date-past")


@pytest.mark.parametrize(
    ("language", "when", "calendar"),
    [
        ("de", "9. Oktober 2020, 23:59 AoE", "Die Termine in Ihren Kalender übernehmen (cfp-dates.ics)"),
        ("fr", "9 octobre 2020, 23:59 AoE", "Ajouter les dates à votre agenda (cfp-dates.ics)"),
        ("zh_CN", "2020年10月9日 23:59 AoE", "将这些日期加入日历（cfp-dates.ics）"),  # noqa: RUF001 (Chinese punctuation)
    ],
)
def test_the_dates_follow_the_language(monkeypatch, tmp_path, language, when, calendar) -> None:
    app = _build(monkeypatch, tmp_path, "dates-basic", AFTER, confoverrides={"language": language})
    box = soup(app, "cfp").select_one("div.sw-dates")
    assert box.select_one("#date-submission .sw-date-when").text == when
    assert box.select_one("a.sw-dates-ics").text == calendar
    assert box.select_one(".sw-date-past-cue").text.strip() not in ("", "(past)")


@pytest.mark.parametrize(
    ("builder", "href"), [("dirhtml", "../cfp-dates.ics"), ("singlehtml", "cfp-dates.ics")]
)
def test_the_calendar_link_follows_the_builder(monkeypatch, tmp_path, builder, href) -> None:
    app = _build(monkeypatch, tmp_path, "dates-basic", BEFORE, builder)
    assert warning_lines(app) == []
    page = soup(app, "cfp/index.html" if builder == "dirhtml" else "index.html")
    assert page.select_one("div.sw-dates a.sw-dates-ics")["href"] == href
    assert (Path(app.outdir) / "cfp-dates.ics").is_file()
    assert page.select_one("#date-submission")


@pytest.mark.parametrize(("builder", "suffix"), [("man", ".1"), ("texinfo", ".texi")])
def test_other_builders_print_the_dates_and_the_build_time_phase(
    monkeypatch, tmp_path, builder, suffix
) -> None:
    app = _build(monkeypatch, tmp_path, "dates-basic", BETWEEN, builder)
    assert warning_lines(app) == []
    [output] = Path(app.outdir).glob(f"*{suffix}")
    written = output.read_text(encoding="utf-8")
    assert "Submissions are closed" in written
    assert "open until" not in written and "took place" not in written
    assert "October 2, 2020, 23:59 AoE" in written and "(past)" in written


def test_text_reaching_the_page_is_escaped(monkeypatch, tmp_path) -> None:
    src = copy_root("dates-basic", tmp_path)
    edit(src / "cfp.md", "| Notification |", "| <script>alert(1)</script> & co |")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BEFORE)
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "out", freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    html = (Path(app.outdir) / "cfp.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html
    label = soup(app, "cfp").select_one("#date-notification .sw-date-label")
    assert label.text == "<script>alert(1)</script> & co"
    ics = (Path(app.outdir) / "cfp-dates.ics").read_bytes()
    assert b"SUMMARY:<script>alert(1)</script> & co\r\n" in ics  # TEXT escapes only \\ ; , and breaks


def test_an_epoch_beyond_9999_stamps_the_calendar_with_its_first_date(monkeypatch, tmp_path) -> None:
    app = _build(monkeypatch, tmp_path, "dates-basic", "99999999999999")
    stamp = [line for line in warning_lines(app) if "DTSTAMP" in line]
    assert stamp and all(
        line.endswith(
            "WARNING: SOURCE_DATE_EPOCH=99999999999999 is beyond the year 9999; "
            "the calendar's DTSTAMP is the first date's day [workshop.config]"
        )
        for line in stamp
    ), stamp
