"""Class 6 of issue 13: nothing is recorded without being shown, nothing listed can silently not be cited.

``tests/roots/test-hostile-nesting``: a references list inside another, cards and a schedule inside an
event's text-only body, and paper keys holding a comma (``{cite}`` splits keys at commas).
"""

from __future__ import annotations

import json

import pytest
from hostilekit import Build, assert_warnings, build_every_way

ROOT = "hostile-nesting"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    return build_every_way(ROOT, tmp_path_factory.mktemp(ROOT), parallel=True)


def test_every_builder_warns_about_each_misplaced_directive(results) -> None:
    assert_warnings(results, ROOT)


@pytest.mark.parametrize(
    ("page", "entries", "event", "person", "hidden"),
    [
        (
            "index.html",
            ["The outer list's paper", "A key with a comma", "After the inner list"],
            "The workshop",
            "Shown Person",
            "Hidden Person",
        ),
        (
            "rst.html",
            ["The outer list's first paper", "Another key with a comma"],
            "Another workshop",
            "Shown Speaker",
            "Hidden Speaker",
        ),
    ],
)
@pytest.mark.parametrize("builder", ["html", "html-j2"])
def test_what_is_valid_shows_and_nothing_hidden_is_recorded(
    results, builder, page, entries, event, person, hidden
) -> None:
    soup = results[builder].soup(page)
    entries_shown = soup.select("ol.sw-papers-references > li")
    titles = [li.select_one(".sw-papers-title").get_text() for li in entries_shown]
    assert titles == entries
    assert "inside a list" not in soup.get_text()
    cards = soup.select("div.sw-person-card")
    assert [card.select_one(".sw-person-name").get_text() for card in cards] == [person]
    [script] = soup.select('script[type="application/ld+json"]')
    data = json.loads(script.string)
    assert data["name"] == event
    assert hidden not in script.string and "Not shown" not in soup.get_text()
    assert hidden not in soup.get_text()
