"""The sponsors list in HTML: groups in tier order, linked logos with alt text, the page stylesheet, the
event's JSON-LD ``sponsor`` organizations."""

from __future__ import annotations

import json
import re

import pytest
from kit import soup, warning_lines

from sphinx_workshop.assets import STATIC_DIR

ROOT = "sponsors-basic"


@pytest.fixture(scope="module")
def built(build_once):
    return build_once(ROOT)


def _groups(page) -> list[tuple[str, list[str]]]:
    return [
        (
            group.select_one("h2.rubric").get_text(strip=True),
            [box.get_text(strip=True) or box.img["alt"] for box in group.select(".sw-sponsor")],
        )
        for group in page.select("div.sw-sponsors > div.sw-sponsor-tier")
    ]


def test_sponsors_build_without_warnings(built) -> None:
    assert warning_lines(built, src="") == []


def test_groups_follow_the_tier_order_each_with_a_heading(built) -> None:
    assert _groups(soup(built, "sponsors")) == [
        ("Gold sponsors", ["Example Corp logo", "Beta & <Sons>"]),
        ("Silver sponsors", ["Acme Research, the rocket company"]),
        ("Supporters", ["Tiny Lab logo"]),
    ]
    assert _groups(soup(built, "more")) == [
        ("Platinum sponsors", ["Delta Labs"]),
        ("Bronze sponsors", ["Gamma Foundation logo"]),
    ]
    # the body's other content stays, above the groups
    assert soup(built, "sponsors").select_one("div.sw-sponsors > p").text == "We thank our sponsors."


def test_logos_are_linked_images_with_alt_text(built) -> None:
    page = soup(built, "sponsors")
    links = {a["href"]: a for a in page.select("div.sw-sponsor a.sw-sponsor-link")}
    assert list(links) == ["https://example.com", "https://beta.example.org/", "https://acme.example.com/"]
    wide = links["https://example.com"].img
    assert (wide["src"], wide["alt"]) == ("_images/wide.png", "Example Corp logo")
    assert set(wide["class"]) == {"sw-sponsor-logo", "dark-light"}
    assert (built.outdir / "_images" / "wide.png").is_file()
    assert (built.outdir / "_images" / "acme.svg").is_file()
    # without a logo, the name as text; without a URL, no link
    assert links["https://beta.example.org/"].select_one("span.sw-sponsor-name").text == "Beta & <Sons>"
    tiny = page.select(".sw-sponsor")[-1]
    assert tiny.a is None and tiny.img["src"] == "_images/lab.svg"


def test_the_stylesheet_is_on_the_pages_with_sponsors_only(built) -> None:
    def sheets(name: str) -> list[str]:
        return [link["href"] for link in soup(built, name).select("link[rel=stylesheet]")]

    assert any(href.startswith("_static/sphinx-workshop/sponsors.css") for href in sheets("sponsors"))
    assert any(href.startswith("_static/sphinx-workshop/sponsors.css") for href in sheets("more"))
    assert not any("sponsors.css" in href for href in sheets("event"))
    assert (built.outdir / "_static" / "sphinx-workshop" / "sponsors.css").is_file()


def test_logos_are_contained_never_cropped_to_a_circle() -> None:
    css = (STATIC_DIR / "sponsors.css").read_text(encoding="utf-8")
    rule = re.search(r"([^}]*img\.sw-sponsor-logo[^{]*)\{([^}]*)\}", css)
    assert rule is not None
    selectors, declarations = rule.groups()
    # also under pydata-sphinx-theme's dark mode, which dims and rounds content images
    assert "html[data-theme=dark] .sw-sponsor img.sw-sponsor-logo" in selectors
    for declaration in (
        "object-fit:contain",
        "max-height:100%",
        "height:auto",
        "width:auto",
        "border-radius:0",
        "filter:none",
    ):
        assert declaration in declarations.split(";"), declaration
    assert "50%" not in css and "cover" not in css


def _event(page) -> dict:
    return json.loads(page.select_one('script[type="application/ld+json"]').string)


def test_the_event_lists_sponsors_as_organizations(built) -> None:
    event = _event(soup(built, "event"))
    assert event["sponsor"] == [
        {"@type": "Organization", "name": "Delta Labs", "url": "http://delta.example.com/"},
        {
            "@type": "Organization",
            "name": "Example Corp",
            "url": "https://example.com",
            "logo": "https://workshop.example.org/_images/wide.png",
        },
        {"@type": "Organization", "name": "Beta & <Sons>", "url": "https://beta.example.org/"},
        {
            "@type": "Organization",
            "name": "Acme Research",
            "url": "https://acme.example.com/",
            "logo": "https://workshop.example.org/_images/acme.svg",
        },
        {
            "@type": "Organization",
            "name": "Gamma Foundation",
            "url": "https://gamma.example.net/",
            "logo": "https://workshop.example.org/_images/wide.png",
        },
        {"@type": "Organization", "name": "Tiny Lab", "logo": "https://workshop.example.org/_images/lab.svg"},
    ]
    assert "organizer" not in event
    # the JSON is safe inside <script>: "<" is escaped
    raw = soup(built, "event").select_one('script[type="application/ld+json"]').string
    assert "<Sons>" not in raw


def test_without_html_baseurl_no_logo_url(build_once) -> None:
    app = build_once(ROOT, confoverrides={"html_baseurl": ""})
    sponsors = _event(soup(app, "event"))["sponsor"]
    assert [s["name"] for s in sponsors][:2] == ["Delta Labs", "Example Corp"]
    assert not any("logo" in sponsor for sponsor in sponsors)


def test_tiers_come_from_the_config(build_once) -> None:
    app = build_once(
        ROOT, confoverrides={"workshop_sponsor_tiers": ["Supporter", "Silver", "Gold", "Bronze"]}
    )
    assert [w for w in warning_lines(app, src="") if "workshop" in w] == [
        "more.rst:12: WARNING: unknown :tier: 'platinum' for 'Delta Labs' (known: Supporter, Silver, Gold, "
        "Bronze; set workshop_sponsor_tiers to change them); it is listed last, without a tier "
        "[workshop.sponsor_tier]"
    ]
    assert [heading for heading, _ in _groups(soup(app, "sponsors"))] == [
        "Supporters",
        "Silver sponsors",
        "Gold sponsors",
    ]
    assert _groups(soup(app, "more")) == [
        ("Bronze sponsors", ["Gamma Foundation logo"]),
        ("Sponsors", ["Delta Labs"]),
    ]


def test_a_bad_tier_list_falls_back_to_the_default(build_once) -> None:
    app = build_once(ROOT, confoverrides={"workshop_sponsor_tiers": ["gold", "Gold"]})
    assert warning_lines(app, src="") == [
        "WARNING: invalid value ['gold', 'Gold'] for workshop_sponsor_tiers (expected a list of distinct, "
        "non-empty tier names); using the default ['platinum', 'gold', 'silver', 'bronze', 'supporter'] "
        "[workshop.config]"
    ]
    assert [heading for heading, _ in _groups(soup(app, "more"))] == ["Platinum sponsors", "Bronze sponsors"]


@pytest.mark.parametrize(
    ("language", "heading", "alt"),
    [("de", "Gold-Sponsoren", "Logo von Example Corp"), ("fr", "Sponsors or", "Logo de Example Corp")],
)
def test_headings_and_alt_texts_are_translated(build_once, language: str, heading: str, alt: str) -> None:
    app = build_once(ROOT, confoverrides={"language": language})
    page = soup(app, "sponsors")
    assert page.select_one(".sw-sponsor-heading").text == heading
    assert page.select_one("img.sw-sponsor-logo")["alt"] == alt
