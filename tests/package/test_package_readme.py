"""The package README's example page builds as written, in MyST and in reStructuredText, with exactly
the conf.py it gives, and both forms render the same page."""

from __future__ import annotations

import json
from io import StringIO

import pytest
from bs4 import BeautifulSoup
from kit import parse
from readmekit import readme_blocks, write_project


def _build(make_app, folder, flavour: str) -> tuple[BeautifulSoup, str]:
    folder.mkdir()
    write_project(folder, flavour)
    app = make_app("html", srcdir=folder, status=StringIO(), warning=StringIO(), freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    page = (app.outdir / "index.html").read_text(encoding="utf-8")
    return parse(page), app.warning.getvalue()


def _summary(soup: BeautifulSoup) -> dict[str, object]:
    """What the example promises, read off the page."""
    event = json.loads(soup.select_one('script[type="application/ld+json"]').get_text())
    return {
        "cites": [sup.get_text() for sup in soup.select("sup.sw-papers-cite")],
        "papers": [li["id"] for li in soup.select("ol.sw-papers-references > li")],
        "cards": [card["id"] for card in soup.select("div.sw-person-grid > div.sw-person-card")],
        "speakers": [card["id"] for card in soup.select("div.sw-person-card.sw-person-speaker")],
        "person_links": [a["href"] for a in soup.select("a.reference.internal:has(.people-person)")],
        "times": [t["datetime"] for t in soup.select("table.sw-schedule-table time")],
        "talks": [li.get_text(" ", strip=True) for li in soup.select(".sw-schedule-subitems li")],
        "calendar": [a["href"] for a in soup.select("a.sw-schedule-ics")],
        "event": (event["name"], event["startDate"], event["eventAttendanceMode"]),
    }


def test_readme_names_its_files() -> None:
    blocks = readme_blocks()
    assert blocks["python"] == ['extensions = ["myst_parser", "sphinx_workshop"]\n']
    assert {"markdown", "rst", "bibtex"} <= set(blocks)
    # The MyST page needs no MyST extension: no colon fences.
    assert ":::" not in blocks["markdown"][0]


@pytest.mark.parametrize("flavour", ["markdown", "rst"])
def test_readme_page_builds_as_written(make_app, tmp_path, flavour: str) -> None:
    soup, warnings = _build(make_app, tmp_path / flavour, flavour)
    assert warnings == ""
    summary = _summary(soup)
    assert summary == {
        "cites": ["1"],
        "papers": ["paper-kraska2018case", "paper-mirhoseini2017device"],
        "cards": ["person-anna-goldie", "person-azalia-mirhoseini"],
        "speakers": ["person-ed-chi"],
        "person_links": ["#person-anna-goldie"],
        "times": [
            "2020-12-12T09:00:00-08:00",
            "2020-12-12T09:15:00-08:00",
            "2020-12-12T10:40:00-08:00",
            "2020-12-12T17:40:00-08:00",
        ],
        "talks": ["The Case for Learned Index Structures"],
        "calendar": ["index.ics"],
        "event": (
            "ML for Systems Workshop at NeurIPS 2020",
            "2020-12-12T09:00:00-08:00",
            "https://schema.org/OnlineEventAttendanceMode",
        ),
    }
