"""Every page of the built site in chromium: it loads cleanly, asks nothing of any other host, and is kept
as a screenshot (``test-artifacts/screenshots/``) at desktop and phone widths, light and dark."""

from __future__ import annotations

import pytest
from pagekit import MODES, SCREENSHOTS, VIEWPORTS, browse, site_pages, visit

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("browser")]

#: The pages a visitor of the 2020 site knows; the original URLs must stay.
EXPECTED_PAGES = {
    "index.html",
    "call_for_papers.html",
    "program.html",
    "accepted_papers.html",
    "committees.html",
    "404.html",
}


def test_site_has_its_pages(site_html) -> None:
    assert site_html.status == 0
    assert set(site_pages(site_html.outdir)) >= EXPECTED_PAGES


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_pages_load_privately_and_cleanly(chromium, site_html, site_url, viewport, mode) -> None:
    """No console error, no failed request, no request to a host but the local server, on any page."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    problems = []
    with browse(chromium, site_url, viewport, mode) as (page, log):
        for name in site_pages(site_html.outdir):
            log.clear()
            visit(page, site_url + name, mode)
            stem = name.removesuffix(".html").replace("/", "-")
            page.screenshot(path=SCREENSHOTS / f"{stem}-{viewport}-{mode}.png", full_page=True)
            problems += [f"{name}: {problem}" for problem in log.problems()]
            assert log.requests, f"{name}: no request was recorded"
    assert not problems, "\n".join(problems)
