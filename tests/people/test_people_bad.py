"""Bad input: each a located ``workshop.<subtype>`` warning; the card still shows what is valid."""

from __future__ import annotations

import pytest
from kit import ROOTS, build, soup, warning_lines

W = "WARNING:"
EXPECTED = [
    f"index.md:5: {W} organizer card without a name (give it as the directive's argument); "
    "it is shown without one and cannot be linked to [workshop.missing_name]",
    f"index.md:12: {W} invalid :twitter: '@bad handle!' for 'Bad Handle' (expected 1 to 15 letters, "
    "digits or underscores, with or without a leading @, or a profile URL such as https://x.com/name); "
    "it is left out [workshop.bad_handle]",
    f"index.md:16: {W} unknown option :twiter: of the organizer directive (known: affiliation, photo, "
    "twitter, homepage, github, scholar, mastodon, bluesky, orcid, linkedin); it is ignored "
    "[workshop.unknown_option]",
    f"index.md:21: {W} :photo: '../test-people-basic/img/anna.png' for 'Outside Photo' is outside the "
    "project's source directory; the initials are shown instead [workshop.photo_outside]",
    f"index.md:25: {W} :photo: 'img/missing.png' for 'Missing Photo' does not exist; "
    "the initials are shown instead [workshop.photo_missing]",
    f"index.md:29: {W} :photo: 'https://example.org/photo.png' for 'Remote Photo' is not a local image; "
    "the initials are shown instead [workshop.photo_outside]",
    f"index.md:33: {W} invalid :homepage: 'javascript:alert(1)' for 'Script Homepage' "
    "(expected an http(s) URL); it is left out [workshop.bad_url]",
    f"index.md:38: {W} invalid :github: '-bad-' for 'Bad Profiles' (expected a GitHub user name: up to 39 "
    "letters, digits or single hyphens, no hyphen at either end, or its profile URL https://github.com/name "
    "(not a repository's)); it is left out [workshop.bad_handle]",
    f"index.md:41: {W} invalid :scholar: 'short' for 'Bad Profiles' (expected a Google Scholar user id: "
    "the 12 characters after user= in the profile's URL, or that URL "
    "https://scholar.google.com/citations?user=...); it is left out [workshop.bad_handle]",
    f"index.md:39: {W} invalid :mastodon: 'nobody' for 'Bad Profiles' (expected @user@host, such as "
    "@Gargron@mastodon.social, or the account's URL https://host/@user); it is left out "
    "[workshop.bad_handle]",
    f"index.md:40: {W} invalid :bluesky: 'not a domain' for 'Bad Profiles' (expected a handle that is a "
    "domain name, such as name.bsky.social, or its profile URL https://bsky.app/profile/name.bsky.social); "
    "it is left out [workshop.bad_handle]",
    f"index.md:48: {W} duplicate card for 'Bad Handle' (id 'person-bad-handle', first at index.md:10); "
    "links go to the first [workshop.duplicate_person]",
    f"index.md:53: {W} unknown option :color: of the organizers directive (known: class); "
    "it is ignored [workshop.unknown_option]",
    f"index.md:56: {W} {{person}} without a name [workshop.missing_name]",
    f"index.md:64: {W} empty :photo: for 'Empty Photo'; the initials are shown instead "
    "[workshop.photo_missing]",
    f"other.md:7: {W} invalid :class: '!!!' of the organizers directive (cannot make \"!!!\" into a class "
    "name); it is ignored [workshop.bad_option]",
    # after reading every document
    f"other.md:3: {W} duplicate card for 'Outside Photo' (id 'person-outside-photo', first at "
    "index.md:20); links go to the first [workshop.duplicate_person]",
    # when links are resolved
    f"index.md:56: {W} no organizer or speaker card for 'Nobody Here' in {{person}} "
    "[workshop.person_unknown]",
    f"index.md:56: {W} no organizer or speaker card for 'Someone Else' in {{person}} "
    "[workshop.person_unknown]",
]


@pytest.mark.sphinx("html", testroot="people-bad", freshenv=True)
def test_each_bad_input_warns_at_its_line(app) -> None:
    app.build()
    assert warning_lines(app, src="") == EXPECTED
    # a path inside a message (the first card's) is the project's, never the machine's
    messages = [line.partition(" WARNING: ")[2] for line in app.warning.getvalue().splitlines()]
    assert [m for m in messages if str(app.srcdir) in m] == []


@pytest.mark.sphinx("html", testroot="people-bad", freshenv=True)
def test_cards_keep_what_is_valid(app) -> None:
    app.build()
    page = soup(app, "index.html")
    cards = page.select("div.sw-person-card")
    assert len(cards) == 11

    # No name: no id, no avatar, but the affiliation and the profile link.
    nameless = cards[0]
    assert not nameless.has_attr("id")
    assert nameless.select_one(".sw-person-name, .sw-person-avatar") is None
    assert nameless.select_one('[itemprop="affiliation"]').text == "Nowhere"
    link = nameless.select_one("a.sw-person-twitter")
    assert (link["href"], link["aria-label"]) == (
        "https://twitter.com/nameless",
        "@nameless, Twitter profile",
    )

    by_id = {card.get("id"): card for card in cards}
    bad_handle = by_id["person-bad-handle"]
    assert bad_handle.select_one('[itemprop="affiliation"]').text == "Google Brain"
    assert bad_handle.select_one("a") is None
    # The unknown option is ignored, the valid one kept.
    assert [a["href"] for a in by_id["person-unknown-option"].select("a")] == [
        "https://twitter.com/fine_handle"
    ]
    # A rejected photo leaves the initials; nothing outside the project is copied.
    for anchor, initials in [
        ("person-outside-photo", "OP"),
        ("person-missing-photo", "MP"),
        ("person-remote-photo", "RP"),
    ]:
        assert by_id[anchor].select_one("img") is None
        assert by_id[anchor].select_one(".sw-person-avatar").text == initials
    assert not (app.outdir / "_images").exists()
    # The javascript: homepage is dropped, the Twitter link kept.
    assert [a["href"] for a in by_id["person-script-homepage"].select("a")] == [
        "https://twitter.com/ok_handle"
    ]
    assert by_id["person-bad-profiles"].select_one(".sw-person-links") is None
    # The second card of a person in one page renders, without a second id.
    first, second = [c for c in cards if c.select_one('[itemprop="name"]').text == "Bad Handle"]
    assert first["id"] == "person-bad-handle"
    assert not second.has_attr("id")
    # An empty :photo: gives the initials.
    assert by_id["person-empty-photo"].select_one(".sw-person-avatar").text == "EP"
    assert by_id["person-empty-photo"].select_one("img") is None
    assert len(page.select("#person-bad-handle")) == 1

    # Unknown people stay readable, unlinked.
    assert [span.text for span in page.select("p > span.people-person")] == ["Nobody Here", "Someone Else"]

    # Only http(s) links anywhere on the page.
    for a in page.select("a[href]"):
        assert not a["href"].lower().startswith(("javascript:", "data:", "vbscript:")), a


@pytest.mark.sphinx("html", testroot="people-bad", freshenv=True)
def test_names_are_text_never_markup(app) -> None:
    app.build()
    html = (app.outdir / "index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert "<b>Bold</b>" not in html
    page = soup(app, "index.html")
    card = page.select_one("#person-script-alert-1-script")
    assert card.select_one('.sw-person-name [itemprop="name"]').text == "<script>alert(1)</script>"
    assert card.select_one('[itemprop="affiliation"]').text == "<b>Bold</b> & Co"
    assert [s for s in page.select("script") if "alert" in s.text] == []


def test_a_photo_name_too_long_for_the_file_system_does_not_exist(tmp_path) -> None:
    """A name the file system refuses to look up (longer than its 255 bytes) is a missing photo."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text((ROOTS / "test-people-bad" / "conf.py").read_text(encoding="utf-8"))
    photo = "a" * 300 + ".png"
    (src / "index.md").write_text(f"# People\n\n:::{{organizer}} Long Name\n:photo: {photo}\n:::\n")
    app = build(src, tmp_path / "build")
    assert warning_lines(app, src="") == [
        f"index.md:4: WARNING: :photo: {photo!r} for 'Long Name' does not exist; the initials are shown "
        "instead [workshop.photo_missing]"
    ]
    card = soup(app, "index.html").select_one("div.sw-person-card")
    assert card.select_one(".sw-person-avatar").text == "LN" and card.select_one("img") is None
