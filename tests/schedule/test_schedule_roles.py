"""Schedule items with the papers and people features' roles: links in HTML, titles in the calendar."""

from __future__ import annotations

import shutil

import icalendar
import pytest
from kit import parse_file, warning_lines


@pytest.mark.sphinx("html", testroot="schedule-roles", freshenv=True)
def test_paper_and_person_roles_link_and_give_the_calendar_their_text(app) -> None:
    app.build()
    assert warning_lines(app) == []
    soup = parse_file(app.outdir / "index.html")
    links = soup.select("div.sw-schedule tbody a")
    assert [(a["href"], a.text) for a in links] == [
        ("papers.html#paper-graphs", "Graph Partitioning with Learning"),
        ("papers.html#paper-tuning", "Tuning"),
        ("people.html#person-grace-hopper", "Grace Hopper"),
    ]
    events = icalendar.Calendar.from_ical((app.outdir / "index.ics").read_bytes()).walk("VEVENT")
    # The resolved text, not the role's source: the paper's title (or the link text given).
    assert [str(e["SUMMARY"]) for e in events] == [
        "Contributed talks: Graph Partitioning with Learning; Tuning",
        "Invited talk: Grace Hopper",
        "Lunch",
    ]


def _build(make_app, srcdir, fresh: bool):
    app = make_app("html", srcdir=srcdir, freshenv=fresh)
    read: list[str] = []
    app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
    try:
        app.build()
    finally:
        app.cleanup()
    page = parse_file(app.outdir / "program.html")
    calendar = icalendar.Calendar.from_ical((app.outdir / "program.ics").read_bytes())
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    return set(read), page, summaries


def test_schedule_follows_edits_of_the_papers_and_cards_it_names(make_app, rootdir, sphinx_test_tempdir):
    # The schedule is on a leaf page, which Sphinx itself would not write again.
    srcdir = sphinx_test_tempdir / "schedule-leaf"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-schedule-leaf", srcdir)
    _, page, summaries = _build(make_app, srcdir, fresh=True)
    assert summaries[0] == "Contributed talks: Graph Partitioning with Learning"
    assert page.select_one('a[href="people.html#person-grace-hopper"]')["title"] == "Grace Hopper, Navy"

    papers = srcdir / "papers.md"
    papers.write_text(papers.read_text("utf-8").replace("Graph Partitioning", "Graph Cutting"), "utf-8")
    people = srcdir / "people.md"
    people.write_text(people.read_text("utf-8").replace("Navy", "US Navy"), "utf-8")
    read, page, summaries = _build(make_app, srcdir, fresh=False)
    assert read == {"papers", "people"}  # the schedule's page is written again, not read again
    assert summaries[0] == "Contributed talks: Graph Cutting with Learning"
    assert page.select_one('a[href="papers.html#paper-graphs"]').get_text() == "Graph Cutting with Learning"
    assert page.select_one('a[href="people.html#person-grace-hopper"]')["title"] == "Grace Hopper, US Navy"
