"""Every attribute the extension's own HTML visitors write is escaped: names with ``"``, ``<``, ``&``."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from kit import parse, warning_lines

NAME = 'Ann "Q" <b>O\'Neil</b> & Co'
AFFILIATION = 'Labs <i>"A"</i> & B'
TITLE = 'A "Quoted" <Title> & More'


@pytest.fixture(scope="module")
def page(build_once) -> tuple[str, BeautifulSoup]:
    app = build_once("escaping-attributes")
    assert warning_lines(app) == []
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    return html, parse(html)


def test_no_markup_from_names_reaches_the_page(page) -> None:
    html, soup = page
    body = soup.select_one("[role=main]") or soup.body
    assert not body.find_all(["b", "i"])  # the names' tags are text, never elements
    assert "<b>O'Neil" not in html and '"Q"' not in html.replace("&quot;Q&quot;", "")


def test_card_and_profile_link_attributes(page) -> None:
    _, soup = page
    [card] = soup.select("[itemtype='https://schema.org/Person']")
    assert card.select_one("[itemprop=name]").get_text() == NAME
    assert card.select_one("[itemprop=affiliation]").get_text(" ", strip=True) == AFFILIATION
    links = card.select("a[itemprop=sameAs]")
    assert len(links) == 3
    for link in links:
        # an unescaped quote would end the attribute early and leave stray attributes behind
        assert set(link.attrs) <= {"href", "class", "aria-label", "itemprop", "title", "rel"}, link.attrs
        assert NAME in link["aria-label"]
    assert links[1]["href"] == "https://example.org/?a=1&b=2&c=%223%22"


def test_cross_reference_titles(page) -> None:
    _, soup = page
    [person] = [a for a in soup.select("a[title]") if a.get_text() == NAME]
    assert person["title"] == f"{NAME}, {AFFILIATION}"
    [cite] = soup.select("sup a[title]")
    assert cite["title"] == TITLE
    entry = soup.find(id="paper-quoted")
    [link] = [a for a in entry.find_all("a") if a.get_text() == TITLE]
    assert link["href"] == "https://example.org/paper?x=1&y=%222%22"


def test_schedule_attributes(page) -> None:
    _, soup = page
    [block] = soup.select("[data-timezone]")
    assert block["data-timezone"] == "America/Los_Angeles" and block["data-date"] == "2020-12-12"
    assert [t["datetime"] for t in block.select("time")] == ["2020-12-12T09:00:00-08:00"]
