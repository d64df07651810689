"""cite-this.js in Chromium: the copy button copies the entry's BibTeX; without JavaScript it still shows."""

from __future__ import annotations

import pytest
from browserkit import open_page


@pytest.mark.browser
@pytest.mark.sphinx("html", testroot="papers-citethis", freshenv=True)
def test_copy_button_copies_the_bibtex(app) -> None:
    from playwright.sync_api import expect

    app.build()
    permissions = ["clipboard-read", "clipboard-write"]
    with open_page(app.outdir, "index.html", permissions=permissions) as (page, errors):
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


@pytest.mark.browser
@pytest.mark.sphinx("html", testroot="papers-citethis", freshenv=True)
def test_bibtex_readable_without_javascript(app) -> None:
    from playwright.sync_api import expect

    app.build()
    with open_page(app.outdir, "index.html", java_script_enabled=False) as (page, errors):
        box = page.locator("details.sw-papers-cite-this").first
        pre = box.locator("pre")
        expect(pre).to_be_hidden()  # closed until the reader opens it
        box.locator("summary").click()  # native <details>: no script needed
        expect(pre).to_be_visible()
        expect(pre).to_contain_text("@inproceedings{escapes,")
        expect(page.locator("button.sw-papers-copy")).to_have_count(0)
        assert errors == []
