"""Schedule items with the papers and people features' roles: links in HTML, titles in the calendar."""

from __future__ import annotations

import icalendar
import pytest
from bs4 import BeautifulSoup
from sphinx.util.console import strip_escape_sequences


@pytest.mark.sphinx("html", testroot="schedule-roles", freshenv=True)
def test_paper_and_person_roles_link_and_give_the_calendar_their_text(app) -> None:
    app.build()
    assert strip_escape_sequences(app.warning.getvalue()) == ""
    soup = BeautifulSoup((app.outdir / "index.html").read_text(encoding="utf-8"), "html.parser")
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
