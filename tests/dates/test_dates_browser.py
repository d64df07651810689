"""In Chromium: each date in the reader's zone (the schedule's script), past dates and the phase by the
reader's clock (``dates.js``), whatever the build's moment was."""

from __future__ import annotations

from pathlib import Path

import pytest
from browserkit import axe_violations, chromium_session, load_page, serve
from kit import copy_root
from sphinx.testing.util import SphinxTestApp

#: 2020-10-06: the build's moment, before the extended deadline.
BUILT = "1602000000"


@pytest.fixture(scope="module")
def outdir(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("dates-browser")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILT)
        app = SphinxTestApp("html", srcdir=copy_root("dates-basic", tmp), builddir=tmp / "out", freshenv=True)
        try:
            app.build()
        finally:
            app.cleanup()
    return Path(app.outdir)


@pytest.mark.browser
def test_the_reader_sees_their_zone_their_past_and_their_phase(outdir) -> None:
    from playwright.sync_api import expect

    with serve(outdir) as base, chromium_session() as browser:
        with load_page(browser, base + "cfp.html", timezone_id="Asia/Tokyo", locale="en-US") as (
            page,
            errors,
        ):
            page.clock.set_fixed_time("2020-12-14T00:00:00Z")  # after the workshop, for the reader
            page.reload()
            box = page.locator("div.sw-dates")
            submission = box.locator("#date-submission")
            # 23:59 AoE on 9 October is 20:59 on 10 October in Tokyo, beside the AoE time
            expect(submission.locator(".sw-date-local time")).to_have_text("Oct 10, 20:59")
            expect(submission.locator(".sw-date-when")).to_have_text("October 9, 2020, 23:59 AoE")
            expect(box.locator(".sw-schedule-zone-name")).to_have_text("Asia/Tokyo (your time zone)")
            expect(box.get_by_role("button", name="Your time (Asia/Tokyo)")).to_have_attribute(
                "aria-pressed", "true"
            )
            box.get_by_role("button", name="UTC").click()
            expect(submission.locator(".sw-date-local time")).to_have_text("Oct 10, 11:59")
            for entry in box.locator("li.sw-date").all():  # built before, past for this reader
                expect(entry).to_have_class("sw-date sw-date-past")
                expect(entry.locator(".sw-date-past-cue")).to_be_attached()
                assert entry.locator(".sw-date-past-cue").get_attribute("hidden") is None
            assert axe_violations(page, "div.sw-dates") == []
            assert errors == []

            page.goto(base + "index.html")
            expect(page.get_by_text("The workshop took place on December 12, 2020.")).to_be_visible()
            expect(page.get_by_text("Call for papers open until")).to_be_hidden()

            page.clock.set_fixed_time("2020-10-20T00:00:00Z")  # between the deadline and the decisions
            page.reload()
            expect(page.get_by_text("Submissions are closed; decisions on October 28, 2020.")).to_be_visible()
            expect(page.get_by_text("The workshop took place")).to_be_hidden()
            page.goto(base + "cfp.html")
            past = page.locator("li.sw-date-past")
            expect(past).to_have_count(1)
            expect(past).to_have_id("date-submission")
            assert errors == []

        with load_page(browser, base + "index.html", timezone_id="America/New_York") as (page, errors):
            page.clock.set_fixed_time("2020-09-01T00:00:00Z")  # before every date
            page.reload()
            expect(page.get_by_text("Call for papers open until October 9, 2020, 23:59 AoE.")).to_be_visible()
            page.goto(base + "cfp.html")
            expect(page.locator("li.sw-date-past")).to_have_count(0)
            expect(page.locator(".sw-date-past-cue").first).to_be_hidden()
            assert errors == []
