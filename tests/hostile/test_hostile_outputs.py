"""Class 2 of issue 13: calendar files never collide with or escape the rest of the output.

``tests/roots/test-hostile-outputs`` names calendars like a file of ``html_extra_path``, like a folder
of pages (``cal.ics/``), like a page's dirhtml folder (``talks.ics/``), with ``#`` and ``?``; a page
named ``q#a`` has the default calendar ``q#a.ics``; and a schedule is removed between two builds.
"""

from __future__ import annotations

import shutil

import icalendar
import pytest
from hostilekit import ROOTS, Build, assert_warnings, build, build_every_way, check_outputs

ROOT = "hostile-outputs"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    return build_every_way(ROOT, tmp_path_factory.mktemp(ROOT), parallel=True)


def test_every_builder_warns_about_each_name(results) -> None:
    assert_warnings(results, ROOT)


def _calendar_links(result: Build, page: str) -> list[str]:
    return [a["href"] for a in result.soup(page).select("a.sw-schedule-ics")]


@pytest.mark.parametrize("builder", ["html", "html-j2", "dirhtml", "singlehtml"])
def test_nothing_is_overwritten_and_links_resolve(results, builder) -> None:
    result = results[builder]
    outdir = result.outdir
    extra = (outdir / "taken.ics").read_bytes()
    assert b"someone else" in extra  # the extra file is the user's, not a calendar of ours
    assert (outdir / "cal.ics").is_dir() == (builder != "singlehtml")
    pages = {"html": "q#a.html", "html-j2": "q#a.html", "dirhtml": "q#a/index.html"}
    if builder in pages:
        [link] = _calendar_links(result, pages[builder])
        assert link == ("../q%23a.ics" if builder == "dirhtml" else "q%23a.ics")
        [event] = icalendar.Calendar.from_ical((outdir / "q#a.ics").read_bytes()).walk("VEVENT")
        assert "q#a" in str(event["SUMMARY"])
    index = "index.html"
    links = _calendar_links(result, index)
    folders = builder != "singlehtml"  # singlehtml writes no page folders: cal.ics is free there
    assert "taken.ics" not in links
    assert ("cal.ics" in links) == (not folders) == (outdir / "cal.ics").is_file()
    assert ("talks.ics" in links) == (builder != "dirhtml") == (outdir / "talks.ics").is_file()
    rows = result.soup(index).get_text()
    for text in ("Kept on the page", "Kept on the page too", "Default name instead", "Default name again"):
        assert text in rows
    calendar = icalendar.Calendar.from_ical((outdir / "index.ics").read_bytes())
    event_names = [str(e["SUMMARY"]) for e in calendar.walk("VEVENT")]
    assert event_names == ["Default name instead", "Default name again"]


def test_a_removed_schedule_takes_its_calendar_along(tmp_path) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / f"test-{ROOT}", srcdir)
    for builder in ("html", "dirhtml"):
        outdir, doctrees = tmp_path / builder, tmp_path / f"{builder}-doctrees"
        first = build(srcdir, outdir, builder, doctrees=doctrees, root=ROOT)
        check_outputs(first)
        assert (outdir / "soon-gone.ics").is_file()
        page = srcdir / "removed.md"
        original = page.read_text(encoding="utf-8")
        page.write_text("# A page whose schedule goes away\n\nNo schedule any more.\n", encoding="utf-8")
        try:
            second = build(srcdir, outdir, builder, doctrees=doctrees, root=ROOT)
        finally:
            page.write_text(original, encoding="utf-8")
        check_outputs(second)
        assert not (outdir / "soon-gone.ics").exists()
        assert (outdir / "index.ics").is_file()  # the others stay


def test_a_removed_page_takes_its_calendar_named_with_a_space_along(tmp_path) -> None:
    """A page ``day one`` writes ``day one.ics`` (its default name): gone with the page."""
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / f"test-{ROOT}", srcdir)
    page = srcdir / "day one.md"
    page.write_text(
        "# Day one\n\n:::{schedule}\n:date: 2020-12-13\n:timezone: UTC\n\n10:00 | Opening\n:::\n",
        encoding="utf-8",
    )
    outdir, doctrees = tmp_path / "html", tmp_path / "html-doctrees"
    check_outputs(build(srcdir, outdir, "html", doctrees=doctrees, root=ROOT))
    assert (outdir / "day one.ics").is_file()
    page.unlink()
    check_outputs(build(srcdir, outdir, "html", doctrees=doctrees, root=ROOT))
    assert not (outdir / "day one.ics").exists()
    assert (outdir / "index.ics").is_file()
