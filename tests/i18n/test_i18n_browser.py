"""schedule.js in a German page: its buttons, group label and zone names are the catalog's, and the
times it rewrites follow the page's language through Intl."""

from __future__ import annotations

import pytest
from browserkit import open_page


@pytest.mark.browser
@pytest.mark.sphinx("html", testroot="i18n-de", freshenv=True)
def test_schedule_script_speaks_the_page_language(app) -> None:
    from playwright.sync_api import expect

    app.build()
    # An English-speaking browser: the page's lang (de), not the browser's, decides.
    with open_page(app.outdir, "index.html", timezone_id="Asia/Tokyo", locale="en-US") as (page, errors):
        box = page.locator("div.sw-schedule").first
        expect(page.get_by_role("group", name="Zeiten anzeigen in")).to_be_visible()
        # 09:00 in Los Angeles on December 12th is 02:00 on December 13th in Tokyo; German month.
        expect(box.locator("time").first).to_have_text("13. Dez., 02:00")
        expect(box.locator(".sw-schedule-zone-name")).to_have_text("Asia/Tokyo (Ihre Zeitzone)")
        mine = box.get_by_role("button", name="Ihre Zeit (Asia/Tokyo)")
        expect(mine).to_have_attribute("aria-pressed", "true")
        box.get_by_role("button", name="Zeit der Veranstaltung (America/Los_Angeles)").click()
        expect(box.locator("time").first).to_have_text("09:00")
        assert errors == []
        text = box.inner_text()
        for english in ("Your time", "Event time", "your time zone", "Dec "):
            assert english not in text
