"""The built site in chromium: every page loaded once per viewport and colour scheme, every check made on
that one load.

Per page: it loads cleanly (no console error, no failed request, no request to any host but the local
server) and has zero axe-core violations (default rules plus the experimental ones, among them
``label-content-name-mismatch``, WCAG 2.5.3; no rule is disabled, theme problems are fixed in
``_templates/``). On the front page: the announcement, references
and committee render; each citation's title is its paper's; cards, card links, citations and entries are
legible (WCAG AA); the organizer cards are side by side on a desktop and stacked on a phone; profile links
go to the right profile and say whose it is; a clicked citation brings its paper into view, uncovered and
marked. On the committees page: the steering committee's profile links.

A check that fails is reported with its page and the others still run, so one run shows every problem;
the page is kept as a screenshot (``test-artifacts/screenshots/``), as every page is with
``WORKSHOP_SCREENSHOTS=1`` (a tenth of the sweep's time goes to them).
"""

from __future__ import annotations

import itertools
import os
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from browserkit import add_axe, axe_violations
from pagekit import (
    MARK_STYLE_JS,
    MIN_CONTRAST,
    MODES,
    SEEN_JS,
    VIEWPORTS,
    PageLog,
    browse,
    contrasts,
    keep_screenshot,
    site_pages,
    visit,
)
from playwright.sync_api import expect

if TYPE_CHECKING:
    from playwright.sync_api import Locator, Page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: The pages a visitor of the 2020 site knows; the original URLs must stay.
EXPECTED_PAGES = {
    "index.html",
    "call_for_papers.html",
    "program.html",
    "accepted_papers.html",
    "committees.html",
    "404.html",
}
CARD = '[id^="person-"]'
ENTRY = '[id^="paper-"]'
#: Citation numbers: links to a paper entry of the same page whose text is a number.
CITATION_LINKS = 'a[href^="#paper-"]'
CITED_PAPERS = 16
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
#: Keep a screenshot of every page, not only of one that fails a check.
EVERY_SCREENSHOT = os.environ.get("WORKSHOP_SCREENSHOTS") == "1"


def citations(page: Page) -> Locator:
    """The citation numbers of the page."""
    return page.locator(CITATION_LINKS).filter(has_text=re.compile(r"^\s*\d+\s*$"))


# --- checks of every page -------------------------------------------------------------------------


def loads_cleanly(page: Page, log: PageLog, viewport: str, mode: str) -> None:
    """No console error, no failed request, no request to a host but the local server."""
    assert log.requests, "no request was recorded"
    problems = log.problems()
    assert not problems, "\n".join(problems)


def has_no_axe_violation(page: Page, log: PageLog, viewport: str, mode: str) -> None:
    """axe-core's default and experimental rules, none disabled."""
    lines = axe_violations(page)
    assert not lines, "\n".join(lines)


# --- checks of the front page ----------------------------------------------------------------------


def renders_announcement_references_and_committee(page: Page, log: PageLog, viewport: str, mode: str) -> None:
    expect(page.get_by_role("heading", level=1, name="ML For Systems")).to_be_visible()
    expect(page.get_by_text("Compute requirements are growing at an exponential rate")).to_be_visible()
    expect(page.get_by_text("The workshop took place on December 12, 2020")).to_be_visible()
    expect(page.get_by_text("Call for papers open until")).to_be_hidden()
    expect(page.get_by_role("heading", name="References")).to_be_visible()
    expect(page.locator(ENTRY)).to_have_count(CITED_PAPERS)
    for entry in page.locator(ENTRY).all():
        expect(entry).to_be_visible()
    expect(page.get_by_role("heading", name="Organizing Committee")).to_be_visible()
    expect(page.locator(CARD)).to_have_count(5)
    for card in page.locator(CARD).all():
        expect(card).to_be_visible()
    assert citations(page).count() >= CITED_PAPERS


def citation_titles_name_their_paper(page: Page, log: PageLog, viewport: str, mode: str) -> None:
    """Hovering a citation number shows the paper's title (its title attribute), the title of its entry."""
    links = citations(page).all()
    assert len(links) >= CITED_PAPERS
    for link in links:
        title = link.get_attribute("title") or ""
        target = page.locator(f"[id='{link.get_attribute('href')[1:]}']")
        assert title.strip(), f"citation {link.inner_text()!r} has no title"
        assert title in target.inner_text(), f"{title!r} is not the title of {link.get_attribute('href')}"
    assert links[0].get_attribute("title") == "AI and Compute"


def cards_and_citations_are_legible(page: Page, log: PageLog, viewport: str, mode: str) -> None:
    """Text of the cards, their links, citation numbers and reference entries: contrast >= 4.5 (WCAG AA)."""
    measured = {
        "card text": contrasts(page, CARD),
        "card links": contrasts(page, f"{CARD} a", descend=False),
        "citation links": contrasts(page, CITATION_LINKS),
        "reference entries": contrasts(page, ENTRY),
    }
    assert len(measured["card text"]) >= 10, "the five cards should show at least a name and an affiliation"
    assert len(measured["card links"]) >= 5, "each card links to a profile"
    assert len(measured["citation links"]) >= CITED_PAPERS
    low = [
        f"{kind}: {label} {ratio}"
        for kind, items in measured.items()
        for label, ratio in items
        if ratio < MIN_CONTRAST
    ]
    assert not low, "\n".join(low)


def cards_lay_out_for_the_viewport(page: Page, log: PageLog, viewport: str, mode: str) -> None:
    """Side by side (three or more in the first row) on a desktop, stacked on a phone; no sideways scroll."""
    section = page.locator("section", has=page.get_by_role("heading", name="Organizing Committee"))
    cards = section.locator(CARD)
    expect(cards).to_have_count(len(ORGANIZERS))
    boxes = [card.bounding_box() for card in cards.all()]
    if viewport == "desktop":
        first_row = [box for box in boxes if abs(box["y"] - boxes[0]["y"]) <= TOLERANCE]
        assert len(first_row) >= 3, f"only {len(first_row)} card(s) in the first row at 1280px: {boxes}"
        lefts = [box["x"] for box in first_row]
        assert lefts == sorted(lefts) and len(set(lefts)) == len(lefts), lefts
        assert all(a["x"] + a["width"] <= b["x"] + TOLERANCE for a, b in itertools.pairwise(first_row))
    else:
        assert all(abs(box["x"] - boxes[0]["x"]) <= TOLERANCE for box in boxes), boxes
        assert all(a["y"] + a["height"] <= b["y"] + TOLERANCE for a, b in itertools.pairwise(boxes)), boxes
        width = VIEWPORTS[viewport]["width"]
        assert all(box["x"] >= 0 and box["x"] + box["width"] <= width + TOLERANCE for box in boxes), boxes
    assert page.evaluate("document.scrollingElement.scrollWidth <= innerWidth"), "the page scrolls sideways"


def profile_links_of(people: dict[str, tuple[str, str]]) -> Callable[[Page, PageLog, str, str], None]:
    """A check that each of *people* has one card whose Twitter link is right and says whose it is."""

    def profile_links_go_to_the_right_profile(page: Page, log: PageLog, viewport: str, mode: str) -> None:
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
            expect(link).to_have_accessible_name(
                re.compile(f"^{re.escape('@' + handle)}\\b.*{re.escape(name)}")
            )
        # Every link of every card on the page is http(s) or mailto, and has an accessible name.
        for link in page.locator(f"{CARD} a[href]").all():
            href = link.get_attribute("href") or ""
            assert href.startswith(("https://", "http://", "mailto:", "#")), href
            expect(link).to_have_accessible_name(re.compile(r"\S"))

    return profile_links_go_to_the_right_profile


def clicking_a_citation_moves_to_its_marked_paper(page: Page, log: PageLog, viewport: str, mode: str) -> None:
    """The URL gets the paper's fragment, the entry is in view, uncovered, styled apart and legible.

    It scrolls and changes the fragment, so it runs after every other check of the page.
    """
    links = citations(page).all()
    for link in (links[0], links[-1]):
        href = link.get_attribute("href")
        link.click()
        page.wait_for_function("(h) => location.hash === h", arg=href)
        target = page.locator(f"[id='{href[1:]}']")
        assert target.evaluate("(el) => el.matches(':target')")
        handle = target.element_handle()
        page.wait_for_function(
            "(el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.top < innerHeight; }",
            arg=handle,
        )
        seen = page.evaluate(SEEN_JS, handle)
        assert seen["uncovered"], f"{href} is in the viewport but covered (e.g. by a sticky header): {seen}"
        other_entry = next(e for e in page.locator(ENTRY).all() if e.get_attribute("id") != href[1:])
        marked, plain = target.evaluate(MARK_STYLE_JS), other_entry.evaluate(MARK_STYLE_JS)
        assert marked != plain, f"{href} is not visibly marked as the target: both are {marked}"
        low = [f"{label} {ratio}" for label, ratio in contrasts(page, ":target") if ratio < MIN_CONTRAST]
        assert not low, "the marked entry is not legible:\n" + "\n".join(low)


Check = Callable[["Page", PageLog, str, str], None]

#: What is checked on every page, then on particular pages (in this order: the last may scroll).
EVERY_PAGE: tuple[Check, ...] = (loads_cleanly, has_no_axe_violation)
PAGE_CHECKS: dict[str, tuple[Check, ...]] = {
    "index.html": (
        renders_announcement_references_and_committee,
        citation_titles_name_their_paper,
        cards_and_citations_are_legible,
        cards_lay_out_for_the_viewport,
        profile_links_of(ORGANIZERS),
        clicking_a_citation_moves_to_its_marked_paper,
    ),
    "committees.html": (profile_links_of(STEERING),),
}


def test_site_has_its_pages(site_html) -> None:
    assert site_html.status == 0
    assert set(site_pages(site_html.outdir)) >= EXPECTED_PAGES


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_every_page_once(chromium, site_html, site_url, viewport, mode) -> None:
    """Load each page once at *viewport* in *mode* and make every check of it on that load."""
    failures = []
    with browse(chromium, site_url, viewport, mode) as (page, log):
        add_axe(page.context)
        for name in site_pages(site_html.outdir):
            log.clear()
            visit(page, log, site_url + name, mode)
            failed = len(failures)
            for check in EVERY_PAGE + PAGE_CHECKS.get(name, ()):
                try:
                    check(page, log, viewport, mode)
                except AssertionError as failure:
                    failures.append(f"{name}: {check.__name__}: {failure}")
            if len(failures) > failed or EVERY_SCREENSHOT:
                keep_screenshot(page, f"{name.removesuffix('.html').replace('/', '-')}-{viewport}-{mode}")
    assert not failures, "\n\n".join(failures)
