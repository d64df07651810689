"""schedule.js in Chromium: the visitor's zone first, then the event's zone and UTC."""

from __future__ import annotations

import pytest
from browserkit import open_page


@pytest.mark.browser
@pytest.mark.sphinx("html", testroot="schedule-basic", freshenv=True)
def test_schedule_follows_the_visitor_time_zone(app) -> None:
    from playwright.sync_api import expect

    app.build()
    with open_page(app.outdir, "index.html", timezone_id="Asia/Tokyo", locale="en-US") as (page, errors):
        box = page.locator("div.sw-schedule").first
        first = box.locator("time").first
        # 09:00 in Los Angeles on December 12th is 02:00 on December 13th in Tokyo.
        expect(first).to_have_text("Dec 13, 02:00")
        expect(box.locator(".sw-schedule-zone-name")).to_have_text("Asia/Tokyo (your time zone)")
        mine = box.get_by_role("button", name="Your time (Asia/Tokyo)")
        expect(mine).to_have_attribute("aria-pressed", "true")

        event = box.get_by_role("button", name="Event time (America/Los_Angeles)")
        event.focus()
        page.keyboard.press("Enter")  # keyboard usable
        expect(first).to_have_text("09:00")
        expect(event).to_have_attribute("aria-pressed", "true")
        expect(mine).to_have_attribute("aria-pressed", "false")
        expect(box.locator(".sw-schedule-zone-name")).to_have_text("America/Los_Angeles (PST, UTC-08:00)")

        box.get_by_role("button", name="UTC").click()
        expect(first).to_have_text("17:00")
        expect(box.locator("time").nth(3)).to_have_text("Dec 13, 01:40")  # 17:40 PT rolls over
        assert errors == []

        from axe_playwright_python.sync_playwright import Axe

        results = Axe().run(page, context="div.sw-schedule")
        assert results.violations_count == 0, results.generate_report()
