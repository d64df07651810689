"""Each profile option's rules, anchors and initials, without building anything."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sphinx_workshop.links import is_safe_url
from sphinx_workshop.people import anchor_for
from sphinx_workshop.people.profiles import PROFILE_OPTIONS, make_profile, twitter_label
from sphinx_workshop.people.records import initials

BASE = "https://twitter.com/"


@pytest.mark.parametrize(
    ("option", "value", "url", "text"),
    [
        ("twitter", "annadgoldie", "https://twitter.com/annadgoldie", "@annadgoldie"),
        ("twitter", "@MimeeXu", "https://twitter.com/MimeeXu", "@MimeeXu"),
        ("twitter", " martin_maas ", "https://twitter.com/martin_maas", "@martin_maas"),
        ("twitter", "a" * 15, "https://twitter.com/" + "a" * 15, "@" + "a" * 15),
        ("homepage", "https://example.org/~anna", "https://example.org/~anna", "Homepage"),
        ("homepage", "http://example.org", "http://example.org", "Homepage"),
        ("github", "octo-cat", "https://github.com/octo-cat", "GitHub"),
        ("github", "@octocat", "https://github.com/octocat", "GitHub"),
        ("github", "a" * 39, "https://github.com/" + "a" * 39, "GitHub"),
        (
            "mastodon",
            "@Gargron@Mastodon.Social",
            "https://mastodon.social/@Gargron",
            "@Gargron@mastodon.social",
        ),
        ("mastodon", "jo.doe@sigmoid.social", "https://sigmoid.social/@jo.doe", "@jo.doe@sigmoid.social"),
        ("bluesky", "anna.bsky.social", "https://bsky.app/profile/anna.bsky.social", "@anna.bsky.social"),
        ("bluesky", "@Example.COM", "https://bsky.app/profile/example.com", "@example.com"),
        (
            "scholar",
            "bOS-zGIAAAAJ",
            "https://scholar.google.com/citations?user=bOS-zGIAAAAJ",
            "Google Scholar",
        ),
    ],
)
def test_valid_values(option, value, url, text) -> None:
    profile = make_profile(option, value, twitter_base_url=BASE)
    assert profile is not None
    assert (profile.url, profile.text) == (url, text)
    # WCAG 2.5.3 (label in name): the accessible name begins with the visible text, then says whose.
    assert profile.accessible_name("Ada Lovelace").startswith(text)
    assert "Ada Lovelace" in profile.accessible_name("Ada Lovelace")
    assert profile.accessible_name("").startswith(text)


@pytest.mark.parametrize(
    ("option", "value"),
    [
        ("twitter", "@bad handle!"),
        ("twitter", ""),
        ("twitter", "@"),
        ("twitter", "a" * 16),
        ("twitter", "dash-ed"),
        ("twitter", "@@double"),
        ("homepage", "javascript:alert(1)"),
        ("homepage", "ftp://example.org/"),
        ("homepage", "mailto:anna@example.org"),
        ("homepage", "example.org"),
        ("homepage", 'https://example.org/"onmouseover="x'),
        ("github", "-leading"),
        ("github", "trailing-"),
        ("github", "double--hyphen"),
        ("github", "a" * 40),
        ("github", "under_score"),
        ("mastodon", "nobody"),
        ("mastodon", "@user@"),
        ("mastodon", "@user@localhost"),
        ("mastodon", "@us er@host.social"),
        ("mastodon", "@user@host.social/path"),
        ("bluesky", "not a domain"),
        ("bluesky", "nodot"),
        ("bluesky", "-bad.bsky.social"),
        ("bluesky", "anna.bsky.123"),
        ("scholar", "short"),
        ("scholar", "bOS-zGIAAAAJ&hl=en"),
        ("scholar", "https://scholar.google.com/citations?hl=en"),
    ],
)
def test_invalid_values(option, value) -> None:
    assert make_profile(option, value, twitter_base_url=BASE) is None


@settings(max_examples=200, deadline=None)
@given(option=st.sampled_from(PROFILE_OPTIONS), value=st.text(max_size=40))
def test_any_value_gives_a_safe_link_or_none(option, value) -> None:
    profile = make_profile(option, value, twitter_base_url=BASE)
    if profile is not None:
        assert is_safe_url(profile.url, schemes=frozenset({"https", "http"}))
        assert not re.search(r"[\s<>\"'`]", profile.url)
        # The text is "@handle" or a fixed label such as "Google Scholar": never markup.
        assert not re.search(r"[<>\"'`]", profile.text)


def test_twitter_label_follows_the_base_url() -> None:
    assert twitter_label("https://twitter.com/") == "Twitter"
    assert twitter_label("https://x.com/") == "X"
    assert twitter_label("https://www.x.com") == "X"


@pytest.mark.parametrize(
    ("name", "anchor", "letters"),
    [
        ("Anna Goldie", "person-anna-goldie", "AG"),
        ("Xinlei Xu", "person-xinlei-xu", "XX"),
        ("  Benoît   Steiner ", "person-benoit-steiner", "BS"),
        ("Martin Maas", "person-martin-maas", "MM"),
        ("Jean-Luc d'Arc", "person-jean-luc-d-arc", "JD"),
        ("Cher", "person-cher", "C"),
        ("<script>alert(1)</script>", "person-script-alert-1-script", "S"),
        ("李 明", "person-674e-660e", "李明"),
    ],
)
def test_anchor_and_initials(name, anchor, letters) -> None:
    assert anchor_for(name) == anchor
    assert initials(name) == letters


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1).filter(lambda s: s.strip()))
def test_anchors_are_safe_ids(name) -> None:
    assert re.fullmatch(r"person-[a-z0-9]+(-[a-z0-9]+)*", anchor_for(name))
