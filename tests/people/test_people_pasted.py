"""Profile options take what organizers paste: a profile's URL becomes its handle; anything else warns."""

from __future__ import annotations

from io import StringIO

import pytest
from kit import parse_file, warning_lines

from sphinx_workshop.people.profiles import RULES, handle_of, make_profile, orcid_checksum_ok

BASE = "https://twitter.com/"

PASTED = [
    ("twitter", "https://twitter.com/annadgoldie", "https://twitter.com/annadgoldie", "@annadgoldie"),
    ("twitter", "https://x.com/annadgoldie", "https://twitter.com/annadgoldie", "@annadgoldie"),
    ("twitter", "https://mobile.twitter.com/annadgoldie", "https://twitter.com/annadgoldie", "@annadgoldie"),
    ("twitter", "https://www.x.com/annadgoldie/", "https://twitter.com/annadgoldie", "@annadgoldie"),
    ("twitter", "https://x.com/annadgoldie?lang=en", "https://twitter.com/annadgoldie", "@annadgoldie"),
    ("twitter", "HTTPS://X.COM/Annadgoldie/?s=20#top", "https://twitter.com/Annadgoldie", "@Annadgoldie"),
    ("twitter", "@annadgoldie", "https://twitter.com/annadgoldie", "@annadgoldie"),
    ("github", "https://github.com/octo-cat", "https://github.com/octo-cat", "GitHub"),
    ("github", "https://www.github.com/octocat/?tab=repositories", "https://github.com/octocat", "GitHub"),
    (
        "scholar",
        "https://scholar.google.com/citations?user=bOS-zGIAAAAJ&hl=en",
        "https://scholar.google.com/citations?user=bOS-zGIAAAAJ",
        "Google Scholar",
    ),
    (
        "scholar",
        "https://scholar.google.co.uk/citations?hl=en&user=bOS-zGIAAAAJ&view_op=list_works",
        "https://scholar.google.com/citations?user=bOS-zGIAAAAJ",
        "Google Scholar",
    ),
    (
        "scholar",
        "https://scholar.google.de/citations/?user=bOS-zGIAAAAJ",
        "https://scholar.google.com/citations?user=bOS-zGIAAAAJ",
        "Google Scholar",
    ),
    (
        "bluesky",
        "https://bsky.app/profile/anna.bsky.social",
        "https://bsky.app/profile/anna.bsky.social",
        "@anna.bsky.social",
    ),
    (
        "bluesky",
        "https://bsky.app/profile/Example.com/",
        "https://bsky.app/profile/example.com",
        "@example.com",
    ),
    (
        "mastodon",
        "https://sigmoid.social/@azalia",
        "https://sigmoid.social/@azalia",
        "@azalia@sigmoid.social",
    ),
    (
        "mastodon",
        "https://Sigmoid.Social/@jo.doe/",
        "https://sigmoid.social/@jo.doe",
        "@jo.doe@sigmoid.social",
    ),
    (
        "mastodon",
        "https://mastodon.social/@Gargron@fosstodon.org",
        "https://fosstodon.org/@Gargron",
        "@Gargron@fosstodon.org",
    ),
    ("orcid", "0000-0002-1825-0097", "https://orcid.org/0000-0002-1825-0097", "ORCID"),
    ("orcid", "https://orcid.org/0000-0002-1694-233X", "https://orcid.org/0000-0002-1694-233X", "ORCID"),
    ("orcid", "http://www.orcid.org/0000-0001-5109-3700/", "https://orcid.org/0000-0001-5109-3700", "ORCID"),
    ("linkedin", "jane-doe-1a2b3c", "https://www.linkedin.com/in/jane-doe-1a2b3c", "LinkedIn"),
    ("linkedin", "https://www.linkedin.com/in/jane-doe/", "https://www.linkedin.com/in/jane-doe", "LinkedIn"),
    (
        "linkedin",
        "https://de.linkedin.com/in/jane_doe?trk=x",
        "https://www.linkedin.com/in/jane_doe",
        "LinkedIn",
    ),
    (
        "linkedin",
        "https://linkedin.com/in/j%C3%BCrgen",
        "https://www.linkedin.com/in/j%C3%BCrgen",
        "LinkedIn",
    ),
]

REFUSED = [
    ("twitter", "https://twitter.com/annadgoldie/status/1330000000000000000"),
    ("twitter", "https://twitter.com/intent/follow?screen_name=annadgoldie"),
    ("twitter", "https://x.com/home"),
    ("twitter", "https://twitter.com/search?q=mlsys"),
    ("twitter", "https://twitter.com/"),
    ("twitter", "https://example.org/annadgoldie"),
    ("twitter", "https://user@twitter.com/annadgoldie"),
    ("twitter", "https://twitter.com:8080/annadgoldie"),
    ("twitter", "javascript://twitter.com/x"),
    ("github", "https://github.com/octocat/hello-world"),
    ("github", "https://github.com/orgs/mlsys"),
    ("github", "https://github.com/features"),
    ("github", "https://gitlab.com/octocat"),
    ("scholar", "https://scholar.google.com/citations?hl=en"),
    ("scholar", "https://scholar.google.com/citations?user=bOS-zGIAAAAJ&user=aaaaaaaaaaaa"),
    ("scholar", "https://scholar.evil.com/citations?user=bOS-zGIAAAAJ"),
    ("scholar", "https://scholar.google.com/scholar?user=bOS-zGIAAAAJ"),
    ("bluesky", "https://bsky.app/profile/anna.bsky.social/post/3k"),
    ("bluesky", "https://bsky.app/anna.bsky.social"),
    ("mastodon", "https://sigmoid.social/@azalia/111111111"),
    ("mastodon", "https://sigmoid.social/azalia"),
    ("mastodon", "https://localhost/@azalia"),
    ("orcid", "0000-0002-1825-0098"),
    ("orcid", "https://orcid.org/0000-0002-1825-009"),
    ("orcid", "https://example.org/0000-0002-1825-0097"),
    ("orcid", "0000000218250097"),
    ("linkedin", "https://www.linkedin.com/company/google"),
    ("linkedin", "https://www.linkedin.com/in/"),
    ("linkedin", "jd"),
    ("linkedin", "-jane"),
    ("linkedin", "jane doe"),
]


@pytest.mark.parametrize(("option", "value", "url", "text"), PASTED)
def test_pasted_profile_urls_are_reduced(option, value, url, text) -> None:
    profile = make_profile(option, value, twitter_base_url=BASE)
    assert profile is not None
    assert (profile.url, profile.text) == (url, text)
    assert profile.accessible_name("Ada Lovelace").startswith(text)


@pytest.mark.parametrize(("option", "value"), REFUSED)
def test_urls_that_are_not_profiles_are_refused(option, value) -> None:
    assert make_profile(option, value, twitter_base_url=BASE) is None


def test_a_pasted_twitter_url_follows_the_configured_base() -> None:
    profile = make_profile("twitter", "https://twitter.com/annadgoldie", twitter_base_url="https://x.com/")
    assert profile is not None
    assert (profile.url, profile.label) == ("https://x.com/annadgoldie", "X")


def test_handles_pass_through_and_homepages_stay_urls() -> None:
    assert handle_of("twitter", " annadgoldie ") == "annadgoldie"
    assert handle_of("homepage", "https://twitter.com/a/status/1") == "https://twitter.com/a/status/1"
    assert handle_of("github", "https://github.com/a/b") is None


@pytest.mark.parametrize(
    ("orcid", "valid"),
    [
        ("0000-0002-1825-0097", True),  # ORCID's documented example
        ("0000-0001-5109-3700", True),
        ("0000-0002-1694-233X", True),  # check digit 10 is written X
        ("0000-0002-1825-0090", False),
        ("0000-0002-1825-0079", False),  # two digits swapped
        ("0000-0002-1694-2330", False),
    ],
)
def test_orcid_checksum(orcid, valid) -> None:
    assert orcid_checksum_ok(orcid) is valid
    assert (make_profile("orcid", orcid, twitter_base_url=BASE) is not None) is valid


MYST = """\
# Committee

:::{organizer} Pasted Links
:twitter: https://x.com/annadgoldie?lang=en
:github: https://github.com/octocat
:scholar: https://scholar.google.com/citations?user=bOS-zGIAAAAJ&hl=en
:mastodon: https://sigmoid.social/@azalia
:bluesky: https://bsky.app/profile/anna.bsky.social
:orcid: https://orcid.org/0000-0002-1825-0097
:linkedin: https://www.linkedin.com/in/jane-doe/
:::

:::{organizer} Refused Links
:twitter: https://twitter.com/annadgoldie/status/123
:github: https://github.com/octocat/hello-world
:orcid: 0000-0002-1825-0098
:linkedin: https://www.linkedin.com/company/google
:homepage: https://example.org/
:::
"""

RST = """\
Committee
=========

.. organizer:: Pasted Links
   :twitter: https://x.com/annadgoldie?lang=en
   :github: https://github.com/octocat
   :scholar: https://scholar.google.com/citations?user=bOS-zGIAAAAJ&hl=en
   :mastodon: https://sigmoid.social/@azalia
   :bluesky: https://bsky.app/profile/anna.bsky.social
   :orcid: https://orcid.org/0000-0002-1825-0097
   :linkedin: https://www.linkedin.com/in/jane-doe/

.. organizer:: Refused Links
   :twitter: https://twitter.com/annadgoldie/status/123
   :github: https://github.com/octocat/hello-world
   :orcid: 0000-0002-1825-0098
   :linkedin: https://www.linkedin.com/company/google
   :homepage: https://example.org/
"""

MYST_CONF = 'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n'

HREFS = [
    "https://twitter.com/annadgoldie",
    "https://github.com/octocat",
    "https://scholar.google.com/citations?user=bOS-zGIAAAAJ",
    "https://sigmoid.social/@azalia",
    "https://bsky.app/profile/anna.bsky.social",
    "https://orcid.org/0000-0002-1825-0097",
    "https://www.linkedin.com/in/jane-doe",
]


def _expected(suffix: str, first: int) -> list[str]:
    refused = [
        ("twitter", "https://twitter.com/annadgoldie/status/123"),
        ("github", "https://github.com/octocat/hello-world"),
        ("orcid", "0000-0002-1825-0098"),
        ("linkedin", "https://www.linkedin.com/company/google"),
    ]
    return [
        f"index.{suffix}:{first + offset}: WARNING: invalid :{option}: {value!r} for 'Refused Links' "
        f"(expected {RULES[option]}); it is left out [workshop.bad_handle]"
        for offset, (option, value) in enumerate(refused)
    ]


@pytest.mark.parametrize(
    ("suffix", "source", "conf", "first"),
    [
        ("md", MYST, MYST_CONF, 14),
        ("rst", RST, 'extensions = ["sphinx_workshop"]\n', 14),
    ],
)
def test_cards_take_pasted_urls_and_warn_at_the_refused_ones(
    make_app, tmp_path, suffix, source, conf, first
) -> None:
    srcdir = tmp_path / "src"
    srcdir.mkdir()
    (srcdir / "conf.py").write_text(conf, encoding="utf-8")
    (srcdir / f"index.{suffix}").write_text(source, encoding="utf-8")
    app = make_app("html", srcdir=srcdir, status=StringIO(), warning=StringIO(), freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    assert warning_lines(app, src="") == _expected(suffix, first)
    page = parse_file(app.outdir / "index.html")
    links = page.select("#person-pasted-links a.sw-person-link")
    assert [a["href"] for a in links] == HREFS
    assert [a["aria-label"] for a in links][-2:] == [
        "ORCID profile of Pasted Links",
        "LinkedIn profile of Pasted Links",
    ]
    assert all(a["itemprop"] == "sameAs" for a in links)
    # The refused values are left out; the valid homepage of the same card stays.
    assert [a["href"] for a in page.select("#person-refused-links a")] == ["https://example.org/"]
