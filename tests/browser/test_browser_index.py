"""The front page in chromium: announcement, references and committee; citations lead to their paper;
cards and citations are legible (WCAG AA contrast) in light and dark mode, on a desktop and a phone."""

from __future__ import annotations

import re

import pytest
from pagekit import MARK_STYLE_JS, MIN_CONTRAST, MODES, SEEN_JS, VIEWPORTS, browse, contrasts, visit
from playwright.sync_api import Page, expect

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

CARD = '[id^="person-"]'
ENTRY = '[id^="paper-"]'
#: Citation numbers: links to a paper entry of the same page whose text is a number.
CITATION_LINKS = 'a[href^="#paper-"]'
CITED_PAPERS = 16


def citations(page: Page):
    """The citation numbers of the page."""
    return page.locator(CITATION_LINKS).filter(has_text=re.compile(r"^\s*\d+\s*$"))


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_index_renders_announcement_references_and_committee(chromium, site_url, viewport) -> None:
    with browse(chromium, site_url, viewport, "light") as (page, _log):
        visit(page, site_url + "index.html", "light")
        expect(page.get_by_role("heading", level=1, name="ML For Systems")).to_be_visible()
        expect(page.get_by_text("Compute requirements are growing at an exponential rate")).to_be_visible()
        expect(page.get_by_role("link", name="Call for papers open until October 2nd 2020")).to_be_visible()
        expect(page.get_by_role("heading", name="References")).to_be_visible()
        expect(page.locator(ENTRY)).to_have_count(CITED_PAPERS)
        for entry in page.locator(ENTRY).all():
            expect(entry).to_be_visible()
        expect(page.get_by_role("heading", name="Organizing Committee")).to_be_visible()
        expect(page.locator(CARD)).to_have_count(5)
        for card in page.locator(CARD).all():
            expect(card).to_be_visible()
        assert citations(page).count() >= CITED_PAPERS


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_citation_titles_name_their_paper(chromium, site_url, viewport) -> None:
    """Hovering a citation number shows the paper's title (its title attribute), the title of its entry."""
    with browse(chromium, site_url, viewport, "light") as (page, _log):
        visit(page, site_url + "index.html", "light")
        links = citations(page).all()
        assert len(links) >= CITED_PAPERS
        for link in links:
            title = link.get_attribute("title") or ""
            target = page.locator(f"[id='{link.get_attribute('href')[1:]}']")
            assert title.strip(), f"citation {link.inner_text()!r} has no title"
            assert title in target.inner_text(), f"{title!r} is not the title of {link.get_attribute('href')}"
        first = links[0]
        first.hover()
        assert first.get_attribute("title") == "AI and Compute"


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_clicking_a_citation_moves_to_its_marked_paper(chromium, site_url, viewport, mode) -> None:
    """The URL gets the paper's fragment, the entry is in view, uncovered, styled apart and legible."""
    with browse(chromium, site_url, viewport, mode) as (page, _log):
        visit(page, site_url + "index.html", mode)
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
            assert seen["uncovered"], (
                f"{href} is in the viewport but covered (e.g. by a sticky header): {seen}"
            )
            other_entry = next(e for e in page.locator(ENTRY).all() if e.get_attribute("id") != href[1:])
            marked, plain = target.evaluate(MARK_STYLE_JS), other_entry.evaluate(MARK_STYLE_JS)
            assert marked != plain, f"{href} is not visibly marked as the target: both are {marked}"
            low = [f"{label} {ratio}" for label, ratio in contrasts(page, ":target") if ratio < MIN_CONTRAST]
            assert not low, "the marked entry is not legible:\n" + "\n".join(low)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_cards_and_citations_are_legible(chromium, site_url, viewport, mode) -> None:
    """Text of the cards, their links, citation numbers and reference entries: contrast >= 4.5 (WCAG AA)."""
    with browse(chromium, site_url, viewport, mode) as (page, _log):
        visit(page, site_url + "index.html", mode)
        measured = {
            "card text": contrasts(page, CARD),
            "card links": contrasts(page, f"{CARD} a", descend=False),
            "citation links": contrasts(page, CITATION_LINKS),
            "reference entries": contrasts(page, ENTRY),
        }
        assert len(measured["card text"]) >= 10, (
            "the five cards should show at least a name and an affiliation"
        )
        assert len(measured["card links"]) >= 5, "each card links to a profile"
        assert len(measured["citation links"]) >= CITED_PAPERS
        low = [
            f"{kind}: {label} {ratio}"
            for kind, items in measured.items()
            for label, ratio in items
            if ratio < MIN_CONTRAST
        ]
        assert not low, "\n".join(low)
