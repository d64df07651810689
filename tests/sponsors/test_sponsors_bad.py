"""Bad input, in MyST and reStructuredText: each a located ``workshop.<subtype>`` warning; the rest shows."""

from __future__ import annotations

import json

import pytest
from kit import soup, warning_lines

W = "WARNING:"
KNOWN = "known: platinum, gold, silver, bronze, supporter; set workshop_sponsor_tiers to change them"
EXPECTED = [
    f"index.md:9: {W} unknown :tier: 'diamond' for 'Unknown Tier' ({KNOWN}); it is listed last, without a "
    "tier [workshop.sponsor_tier]",
    f"index.md:15: {W} :logo: 'img/notes.txt' for 'Text Logo' is not a PNG, JPEG, GIF or SVG image (.txt); "
    "its name is shown instead [workshop.sponsor_logo]",
    f"index.md:19: {W} :logo: 'img/missing.png' for 'Missing Logo' does not exist; its name is shown instead "
    "[workshop.sponsor_logo]",
    f"index.md:24: {W} :logo: 'img/fake.png' for 'Fake Logo' is not a valid PNG image; its name is shown "
    "instead [workshop.sponsor_logo]",
    f"index.md:29: {W} invalid :url: 'javascript:alert(1)' for 'Script Link' (expected an http(s) URL); "
    "it is not linked [workshop.bad_url]",
    f"index.md:35: {W} unknown option :colour: of the sponsor directive (known: tier, logo, url, alt); it is "
    "ignored [workshop.unknown_option]",
    f"index.md:38: {W} the sponsor directive needs the sponsor's name; it is left out "
    "[workshop.bad_argument]",
    f"index.md:44: {W} :logo: 'https://cdn.example.com/logo.png' for 'Remote Logo' is not a local image; its "
    "name is shown instead [workshop.sponsor_logo]",
    f"other.rst:7: {W} unknown :tier: 'iron' for 'Unknown Tier Two' ({KNOWN}); it is listed last, without a "
    "tier [workshop.sponsor_tier]",
    f"other.rst:11: {W} :logo: 'img/folder.png' for 'Folder Logo' is a folder, not an image; its name is "
    "shown instead [workshop.sponsor_logo]",
    f"other.rst:14: {W} :logo: '../test-sponsors-basic/_static/sponsors/wide.png' for 'Outside Logo' is "
    "outside the project's source directory; its name is shown instead [workshop.sponsor_logo]",
    f"other.rst:17: {W} invalid :url: 'mailto:someone@example.com' for 'Mail Link' (expected an "
    "http(s) URL); it is not linked [workshop.bad_url]",
    f"other.rst:20: {W} unknown option :size: of the sponsor directive (known: tier, logo, url, alt); it is "
    "ignored [workshop.unknown_option]",
    f"other.rst:22: {W} the sponsor directive needs the sponsor's name; it is left out "
    "[workshop.bad_argument]",
]


@pytest.fixture(scope="module")
def built(build_once):
    return build_once("sponsors-bad")


def test_each_bad_input_warns_at_its_line(built) -> None:
    assert warning_lines(built, src="") == EXPECTED


def _boxes(page) -> dict[str, object]:
    return {
        (box.img["alt"] if box.img else box.get_text(strip=True)): box for box in page.select(".sw-sponsor")
    }


def test_the_rest_renders(built) -> None:
    page = soup(built, "index")
    boxes = _boxes(page)
    # every named sponsor shows; the nameless one is left out; an unknown tier goes to the last group
    assert list(boxes) == [
        "Text Logo",
        "Typo",
        "Script Link logo",
        "Unknown Tier logo",
        "Missing Logo",
        "Fake Logo",
        "Remote Logo",
    ]
    assert [h.text for h in page.select(".sw-sponsor-heading")] == [
        "Gold sponsors",
        "Silver sponsors",
        "Sponsors",
    ]
    # a refused URL is not linked, a refused logo leaves the name (linked when its URL is fine)
    assert boxes["Script Link logo"].a is None
    assert boxes["Missing Logo"].a["href"] == "https://missing.example.com/"
    assert page.select_one('img[src*="cdn.example.com"]') is None
    assert [img["src"] for img in page.select("img.sw-sponsor-logo")] == ["_images/ok.png", "_images/ok.png"]
    other = soup(built, "other")
    # no sponsor with a known tier: one group, in source order, without a heading
    assert list(_boxes(other)) == [
        "Unknown Tier Two logo",
        "Folder Logo",
        "Outside Logo",
        "Mail Link",
        "Typo Two",
    ]
    assert not other.select(".sw-sponsor-heading, a.sw-sponsor-link")


def test_only_named_sponsors_reach_the_domain(built) -> None:
    names = [record.name for record in built.env.domains["sponsors"].sponsors()]
    assert len(names) == 12 and "" not in names
    assert not json.dumps(names).count("javascript")
