"""cite-this.js in Chromium: the copy button copies the entry's BibTeX; without JavaScript it still shows."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

import pytest
from browserkit import chromium_session, load_page, serve

if TYPE_CHECKING:
    from playwright.sync_api import Page

pytestmark = pytest.mark.browser

Opener = Callable[..., AbstractContextManager[tuple["Page", list[str]]]]


@pytest.fixture(scope="module")
def open_index(build_once) -> Iterator[Opener]:
    """The papers-citethis root built once and served; each call opens its index in a fresh context of one
    chromium (*context*: Playwright's ``new_context`` options) and yields the page and its uncaught errors."""
    app = build_once("papers-citethis")
    with serve(app.outdir) as base, chromium_session() as browser:
        yield functools.partial(load_page, browser, base + "index.html")


def test_copy_button_copies_the_bibtex(open_index: Opener) -> None:
    from playwright.sync_api import expect

    with open_index(permissions=["clipboard-read", "clipboard-write"]) as (page, errors):
        box = page.locator("details.sw-papers-cite-this").first
        box.locator("summary").click()  # open the disclosure
        expect(box).to_have_attribute("open", "")
        bibtex = box.locator("pre").inner_text()
        assert bibtex.startswith("@inproceedings{escapes,")
        button = box.get_by_role("button", name="Copy BibTeX")
        expect(button).to_be_visible()
        expect(page.locator("details button.sw-papers-copy")).to_have_count(2)  # one per entry
        button.click()
        expect(box.get_by_role("status")).to_have_text("Copied")
        assert page.evaluate("navigator.clipboard.readText()") == box.locator("pre").text_content()
        assert "von Neumann" in page.evaluate("navigator.clipboard.readText()")
        assert errors == []


def test_bibtex_readable_without_javascript(open_index: Opener) -> None:
    from playwright.sync_api import expect

    with open_index(java_script_enabled=False) as (page, errors):
        box = page.locator("details.sw-papers-cite-this").first
        pre = box.locator("pre")
        expect(pre).to_be_hidden()  # closed until the reader opens it
        box.locator("summary").click()  # native <details>: no script needed
        expect(pre).to_be_visible()
        expect(pre).to_contain_text("@inproceedings{escapes,")
        expect(page.locator("button.sw-papers-copy")).to_have_count(0)
        assert errors == []
