"""Organizer cards (issue 4) in chromium: side by side on a desktop, stacked on a phone, in light and dark
mode, and every profile link goes to the right profile and says whose it is."""

from __future__ import annotations

import itertools
import re

import pytest
from pagekit import MODES, VIEWPORTS, browse, visit
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

CARD = '[id^="person-"]'
#: The organizing committee as the original page gives it: name -> (affiliation, Twitter handle).
ORGANIZERS = {
    "Anna Goldie": ("Google Brain", "annadgoldie"),
    "Azalia Mirhoseini": ("Google Brain", "Azaliamirh"),
    "Jonathan Raiman": ("NVIDIA", "jonathanrraiman"),
    "Martin Maas": ("Google Brain", "martin_maas"),
    "Xinlei Xu": ("NYU", "MimeeXu"),
}
#: The steering committee (committees.html).
STEERING = {
    "Milad Hashemi": ("Google Brain", "miladhash"),
    "Kevin Swersky": ("Google Brain", "kswersk"),
}
TOLERANCE = 2  # px: sub-pixel rounding of grid tracks


def boxes(page) -> list[dict[str, float]]:
    """The bounding boxes of the cards of the organizing committee, in document order."""
    section = page.locator("section", has=page.get_by_role("heading", name="Organizing Committee"))
    cards = section.locator(CARD)
    expect(cards).to_have_count(len(ORGANIZERS))
    return [card.bounding_box() for card in cards.all()]


@pytest.mark.parametrize("mode", MODES)
def test_cards_side_by_side_on_desktop(chromium, site_url, mode) -> None:
    with browse(chromium, site_url, "desktop", mode) as (page, _log):
        visit(page, site_url + "index.html", mode)
        cards = boxes(page)
        first_row = [box for box in cards if abs(box["y"] - cards[0]["y"]) <= TOLERANCE]
        assert len(first_row) >= 3, f"only {len(first_row)} card(s) in the first row at 1280px: {cards}"
        lefts = [box["x"] for box in first_row]
        assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts), lefts
        assert all(a["x"] + a["width"] <= b["x"] + TOLERANCE for a, b in itertools.pairwise(first_row))
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth")


@pytest.mark.parametrize("mode", MODES)
def test_cards_stacked_on_a_phone(chromium, site_url, mode) -> None:
    with browse(chromium, site_url, "phone", mode) as (page, _log):
        visit(page, site_url + "index.html", mode)
        cards = boxes(page)
        assert all(abs(box["x"] - cards[0]["x"]) <= TOLERANCE for box in cards), cards
        assert all(a["y"] + a["height"] <= b["y"] + TOLERANCE for a, b in itertools.pairwise(cards)), cards
        width = VIEWPORTS["phone"]["width"]
        assert all(box["x"] >= 0 and box["x"] + box["width"] <= width + TOLERANCE for box in cards), cards
        assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), (
            "the page scrolls sideways"
        )


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize(
    ("page_name", "people"),
    [("index.html", ORGANIZERS), ("committees.html", STEERING)],
    ids=["organizing", "steering"],
)
def test_profile_links_go_to_the_right_profile(chromium, site_url, viewport, page_name, people) -> None:
    with browse(chromium, site_url, viewport, "light") as (page, _log):
        visit(page, site_url + page_name, "light")
        for name, (affiliation, handle) in people.items():
            card = page.locator(CARD).filter(has_text=name)
            expect(card).to_have_count(1)
            expect(card).to_be_visible()
            expect(card).to_contain_text(affiliation)
            link = card.locator(f'a[href="https://twitter.com/{handle}"]')
            expect(link).to_have_count(1)
            expect(link).to_be_visible()
            # WCAG 2.5.3 (label in name): the name begins with the visible "@handle", then says whose.
            expect(link).to_have_text(f"@{handle}")
            label_in_name = f"^{re.escape('@' + handle)}\\b.*{re.escape(name)}"
            expect(link).to_have_accessible_name(re.compile(label_in_name))
        # Every link of every card on the page is http(s) or mailto, and has an accessible name.
        for link in page.locator(f"{CARD} a[href]").all():
            href = link.get_attribute("href") or ""
            assert href.startswith(("https://", "http://", "mailto:", "#")), f"{page_name}: {href}"
            expect(link).to_have_accessible_name(re.compile(r"\S"))
