"""The theme overrides in ``_templates/`` reach every page (axe checks their effect in the browser)."""

from __future__ import annotations

import pytest
from kit import parse

pytestmark = [pytest.mark.slow]


def test_search_buttons_are_named_by_their_visible_text(site_html) -> None:
    """WCAG 2.5.3: no aria-label hides "Search Ctrl+K" behind a name that lacks it."""
    page = parse(site_html.page("index.html"))
    buttons = page.select("button.search-button-field")
    assert len(buttons) >= 2
    for button in buttons:
        assert not button.has_attr("aria-label")
        assert " ".join(button.get_text().split()) == "Search Ctrl+K"
        assert button["aria-keyshortcuts"] == "Control+K"


def test_sidebar_logo_and_title_sit_in_a_landmark(site_html) -> None:
    page = parse(site_html.page("index.html"))
    title = page.select_one(".bd-sidebar-primary .logo__title")
    assert title is not None and title.get_text(strip=True) == "ML For Systems"
    landmark = title.find_parent("nav")
    assert landmark is not None and landmark.get("aria-label") == "Home"
