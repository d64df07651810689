"""Class 7 of issue 13: control characters stop at the input boundary; links are checked part by part.

``tests/roots/test-hostile-bytes``: a .bib whose fields hold NUL, ESC, BEL and DEL (and a link that
starts with ``\\x01``), directive options and bodies with control characters, and links with a
non-numeric or out-of-range port, a percent-encoded or malformed host, credentials, a space or a
backslash. The EPUB's XHTML must still parse as XML; every valid link is kept.
"""

from __future__ import annotations

import json

import pytest
from hostilekit import CONTROL, Build, assert_warnings, build_every_way

from sphinx_workshop.links import is_safe_url

ROOT = "hostile-bytes"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    return build_every_way(ROOT, tmp_path_factory.mktemp(ROOT), parallel=True)


def test_every_builder_warns_about_each_link(results) -> None:
    assert_warnings(results, ROOT)


def test_text_is_cleaned_and_valid_links_are_kept(results) -> None:
    soup = results["html"].soup("index.html")
    entries = {li["id"]: li for li in soup.select("ol.sw-papers-references > li")}
    nul = entries["paper-nul"]
    assert nul.select_one(".sw-papers-title").get_text() == "Null byte and escape[31m in a title"
    # \x01 was removed where the file was read: the link is then a valid one
    assert nul.select_one("a")["href"] == "https://example.org/one"
    for key in ("badport", "badhost", "bigport", "creds"):
        assert entries[f"paper-{key}"].select("a.reference.external") == [], key
    assert entries["paper-fine"].select_one("a")["href"] == "https://example.org/fine"
    assert entries["paper-ipv6"].select_one("a")["href"] == "https://[2001:db8::1]:8443/paper"
    assert entries["paper-inline"].select_one(".sw-papers-title").get_text() == "An  title with an escape"
    [card] = soup.select("div.sw-person-card")
    assert card.select_one(".sw-person-name").get_text() == "Ann Lee"
    assert "Lab\ufffd of Bytes" in card.get_text()  # CommonMark replaces NUL with U+FFFD before we see it
    [script] = soup.select('script[type="application/ld+json"]')
    event = json.loads(script.string)
    assert event["name"] == "Bytes workshop" and not CONTROL.search(script.string)
    assert "ex ample" not in script.string
    rst = results["html"].soup("rst.html")
    homepages = [a["href"] for a in rst.select("a.sw-person-homepage")]
    assert homepages == ["https://di.example/"]
    calendar = (results["html"].outdir / "rst.ics").read_bytes()
    assert b"X-WR-CALNAME:A calendar name" in calendar and b"SUMMARY:Opening remarks" in calendar


@pytest.mark.parametrize(
    "url",
    [
        "\x01https://example.org/",
        "https://example.org:abc/",
        "https://%00",
        "https://example.org:0/",
        "https://example.org:65536/",
        "https://[::1/",
        "https://[zz::1]/",
        "https://-bad-.example/",
        "https://a..b/",
        "https://300.1.1.1/",
        "https://user:pw@example.org/",
        "https://example.org/%zz",
        "https://exa mple.org/",
        "https://example.org\\@evil/",
        "https:example.org",
        "javascript:alert(1)",
        "mailto:nobody",
        "mailto:a@-b-/",
    ],
)
def test_malformed_links_are_refused(url) -> None:
    assert not is_safe_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/",
        "http://localhost:8000/a?b=c#d",
        "https://[2001:db8::1]:8443/",
        "https://192.0.2.1/",
        "https://bücher.example/straße",
        "https://xn--bcher-kva.example/",
        "mailto:chairs@example.org?subject=Hello",
    ],
)
def test_valid_links_pass(url) -> None:
    assert is_safe_url(url)
