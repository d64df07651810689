"""Project order is the toctree's (siblings as listed, not by name), for numbers and back-links."""

from __future__ import annotations

from string import ascii_lowercase

import pytest
from bs4 import BeautifulSoup
from kit import soup, warning_lines


@pytest.fixture(scope="module")
def app(build_once):
    return build_once("papers-order")


def _entry(page: BeautifulSoup, key: str):
    entry = page.find(id=f"paper-{key}")
    assert entry is not None, key
    return entry


def test_cited_order_follows_the_toctree_not_names(app) -> None:
    assert warning_lines(app) == []
    refs = soup(app, "refs")
    items = [li.find(id=True)["id"] if not li.get("id") else li["id"] for li in refs.select("ol > li")]
    # zulu (first in the toctree) cites k2, k3; alpha then k1 and k4
    assert items == ["paper-k2", "paper-k3", "paper-k1", "paper-k4"]
    labels = [a.get_text() for a in soup(app, "zulu").select("sup a")]
    assert labels == ["1", "2"]
    labels = [a.get_text() for a in soup(app, "alpha").select("sup a")]
    assert labels[:2] == ["3", "2"] and set(labels[2:]) == {"4"}


def test_backlinks_go_in_toctree_order(app) -> None:
    links = [a for a in _entry(soup(app, "refs"), "k3").find_all("a") if "#cite-" in a.get("href", "")]
    pages = [(a["href"].split("#")[0], a.get_text()) for a in links]
    assert pages == [("zulu.html", "a"), ("alpha.html", "b")]
    for page in ("zulu", "alpha"):  # each back-link lands on the citation it names
        ids = {tag["id"] for tag in soup(app, page).find_all(id=True)}
        assert {a["href"].split("#")[1] for a in links if a["href"].startswith(page)} <= ids


def test_backlink_letters_go_past_z(app) -> None:
    links = [a for a in _entry(soup(app, "refs"), "k4").find_all("a") if "#cite-" in a.get("href", "")]
    expected = [*ascii_lowercase, "aa", "ab"]
    assert [a.get_text() for a in links] == expected
    assert len({a["href"] for a in links}) == 28  # one target per citation, in source order
    targets = [a["href"].split("#")[1] for a in links]
    page_ids = [tag["id"] for tag in soup(app, "alpha").find_all(id=True) if tag["id"] in set(targets)]
    assert page_ids == targets
