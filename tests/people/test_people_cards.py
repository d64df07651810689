"""Organizer and speaker cards in HTML: layout classes, links, accessible names, microdata, avatars,
photos, ``{person}`` links across pages, the domain's records, objects.inv and the CSS."""

from __future__ import annotations

import re

import pytest
from kit import inventory, soup, warning_lines

from sphinx_workshop.assets import STATIC_DIR, STYLESHEET
from sphinx_workshop.people import PersonRecord, anchor_for

AZALIA_LINKS = [
    # (href, visible text, accessible name)
    ("https://twitter.com/Azaliamirh", "@Azaliamirh", "@Azaliamirh, Azalia Mirhoseini on Twitter"),
    ("https://example.org/azalia", "Homepage", "Homepage of Azalia Mirhoseini"),
    ("https://github.com/azalia-m", "GitHub", "GitHub profile of Azalia Mirhoseini"),
    (
        "https://scholar.google.com/citations?user=bOS-zGIAAAAJ",
        "Google Scholar",
        "Google Scholar profile of Azalia Mirhoseini",
    ),
    (
        "https://sigmoid.social/@azalia",
        "@azalia@sigmoid.social",
        "@azalia@sigmoid.social, Azalia Mirhoseini on Mastodon",
    ),
    (
        "https://bsky.app/profile/azalia.bsky.social",
        "@azalia.bsky.social",
        "@azalia.bsky.social, Azalia Mirhoseini on Bluesky",
    ),
]


@pytest.mark.sphinx("html", testroot="people-basic", freshenv=True)
def test_cards_render_every_option(app) -> None:
    app.build()
    assert warning_lines(app, src="") == []
    page = soup(app, "index.html")

    # The grid holds the first two cards; the lone organizer and the speaker are cards of their own.
    grid = page.select_one("div.sw-person-grid")
    assert "committee" in grid["class"]  # :class:
    assert [card["id"] for card in grid.select(".sw-person-card")] == [
        "person-anna-goldie",
        "person-azalia-mirhoseini",
    ]
    cards = page.select("div.sw-person-card")
    assert [card["id"] for card in cards] == [
        "person-anna-goldie",
        "person-azalia-mirhoseini",
        "person-jonathan-raiman",
        "person-ed-chi",
    ]
    assert cards[2].find_parent("div", class_="sw-person-grid") is None
    assert "sw-person-organizer" in cards[2]["class"]
    assert "sw-person-speaker" in cards[3]["class"]

    # schema.org Person microdata on every card: name, affiliation (an Organization), sameAs links.
    for card in cards:
        assert card["itemscope"] == ""
        assert card["itemtype"] == "https://schema.org/Person"
    names = [card.select_one('.sw-person-name [itemprop="name"]').text for card in cards]
    assert names == ["Anna Goldie", "Azalia Mirhoseini", "Jonathan Raiman", "Ed Chi"]
    org = cards[0].select_one('.sw-person-affiliation [itemprop="affiliation"]')
    assert org["itemtype"] == "https://schema.org/Organization"
    assert org.select_one('[itemprop="name"]').text == "Google Brain"
    assert cards[2].select_one('[itemprop="affiliation"]').text == "NVIDIA"
    assert cards[3].select_one('[itemprop="affiliation"]') is None  # a speaker with none: none invented
    assert cards[3].select_one(".sw-person-affiliation") is None

    # Twitter: the handle without @ links to the default base URL; its name says whose profile it is.
    anna = cards[0].select_one("a.sw-person-twitter")
    assert anna["href"] == "https://twitter.com/annadgoldie"
    assert anna.text == "@annadgoldie"
    assert anna["aria-label"] == "@annadgoldie, Anna Goldie on Twitter"
    assert anna["itemprop"] == "sameAs"

    # Every profile option, in the order shown.
    links = cards[1].select(".sw-person-links a")
    assert [(a["href"], a.text, a["aria-label"]) for a in links] == AZALIA_LINKS
    assert all(a["itemprop"] == "sameAs" for a in links)
    assert all("sw-person-link" in a["class"] for card in cards for a in card.select(".sw-person-links a"))

    # A photo is an image Sphinx copies; without one, locally generated initials hidden from readers.
    photo = cards[0].select_one("img.sw-person-photo")
    assert photo["src"] == "_images/anna.png"
    assert photo["alt"] == "Photo of Anna Goldie"
    assert (app.outdir / "_images" / "anna.png").is_file()
    assert cards[0].select_one(".sw-person-avatar") is None
    avatars = [card.select_one(".sw-person-avatar") for card in cards[1:]]
    assert [(a.text, a["aria-hidden"]) for a in avatars] == [("AM", "true"), ("JR", "true"), ("EC", "true")]

    # The body is MyST content.
    bio = cards[1].select_one("div.sw-person-bio")
    assert bio.select_one("strong").text == "machine learning"
    assert cards[0].select_one(".sw-person-bio") is None

    # No request to a third-party host: every src and stylesheet is local.
    for tag in page.select("img[src], script[src], link[href][rel~=stylesheet]"):
        assert "://" not in (tag.get("src") or tag.get("href")), tag
    assert page.select_one('link[href^="_static/sphinx-workshop/sphinx-workshop.css"]')
    assert (app.outdir / "_static" / "sphinx-workshop" / "sphinx-workshop.css").is_file()


@pytest.mark.sphinx("html", testroot="people-basic", freshenv=True)
def test_person_role_links_to_cards_across_pages(app) -> None:
    app.build()
    links = soup(app, "program.html").select("a.reference.internal:has(.people-person)")
    assert [(a["href"], a.text, a["title"]) for a in links] == [
        ("index.html#person-ed-chi", "Ed Chi", "Ed Chi"),
        ("index.html#person-anna-goldie", "Anna", "Anna Goldie, Google Brain"),  # explicit text
        # the name is matched by its anchor, so case and spacing do not matter; the card's name is shown
        ("index.html#person-jonathan-raiman", "Jonathan Raiman", "Jonathan Raiman, NVIDIA"),
        ("index.html#person-ed-chi", "Ed Chi", "Ed Chi"),  # {people:person}
        ("index.html#person-ed-chi", "Ed Chi", "Ed Chi"),  # {any}
    ]
    assert "any" in links[-1].select_one("span")["class"]


@pytest.mark.sphinx("html", testroot="people-basic", freshenv=True)
def test_domain_records_and_inventory(app) -> None:
    app.build()
    people = app.env.domains["people"].people
    assert list(people) == [
        "person-anna-goldie",
        "person-azalia-mirhoseini",
        "person-jonathan-raiman",
        "person-ed-chi",
    ]
    azalia = people["person-azalia-mirhoseini"]
    assert isinstance(azalia, PersonRecord)
    assert (azalia.name, azalia.kind, azalia.affiliation, azalia.docname, azalia.anchor) == (
        "Azalia Mirhoseini",
        "organizer",
        "Google Brain",
        "index",
        anchor_for("Azalia Mirhoseini"),
    )
    assert azalia.same_as == tuple(href for href, _text, _name in AZALIA_LINKS)
    assert people["person-ed-chi"].kind == "speaker"
    assert people["person-ed-chi"].affiliation == ""
    assert people["person-ed-chi"].same_as == ()
    people = inventory(app.outdir)["people:person"]
    assert people["Ed Chi"] == ("index.html#person-ed-chi", "-")
    assert len(people) == 4


@pytest.mark.sphinx("singlehtml", testroot="people-basic", freshenv=True)
def test_singlehtml_links_stay_on_the_page(app) -> None:
    app.build()
    assert warning_lines(app, src="") == []
    page = soup(app, "index.html")
    # Sphinx 9 would write "#document-index#person-ed-chi" (it no longer trims the document part); the
    # extension trims it (sphinx_workshop.repairs), so each link is the card's own id, on the page.
    hrefs = [a["href"] for a in page.select("a.reference.internal:has(.people-person)")]
    assert all(href.startswith("#") and href.count("#") == 1 for href in hrefs), hrefs
    anchors = [href[1:] for href in hrefs]
    assert anchors == [
        "person-ed-chi",
        "person-anna-goldie",
        "person-jonathan-raiman",
        "person-ed-chi",
        "person-ed-chi",
    ]
    assert all(page.select_one(f"div.sw-person-card#{anchor}") for anchor in anchors)


@pytest.mark.sphinx("html", testroot="people-xbase", freshenv=True)
def test_twitter_base_url_is_configurable(app) -> None:
    app.build()
    assert warning_lines(app, src="") == []
    link = soup(app, "index.html").select_one("a.sw-person-twitter")
    assert link["href"] == "https://x.com/martin_maas"  # a missing trailing / is added
    assert link["aria-label"] == "@martin_maas, Martin Maas on X"
    assert link.text == "@martin_maas"


def test_css_is_small_and_uses_theme_colours() -> None:
    css = (STATIC_DIR / STYLESHEET).read_text(encoding="utf-8")
    assert len(css.encode()) <= 3.5 * 1024
    assert "repeat(auto-fill,minmax(" in css
    # Colours of our own (--sw-color-*), mapped to pydata's and furo's variables, then a fallback.
    assert "var(--sw-color-text,var(--pst-color-text-base,var(--color-foreground-primary,#" in css
    rules = css.split("*/", 1)[1]
    # A literal colour only as the last fallback of a variable, never a rule's own value.
    assert re.findall(r"#[0-9a-f]{3,6}\b", rules) == re.findall(r"(?<=,)#[0-9a-f]{3,6}(?=\))", rules)
    assert "@import" not in css and "url(" not in css  # no web font, no remote request
    # the budget of all CSS and JS: tests/core/test_extension.py::test_static_assets_stay_small
