"""Profile options of a card (``:twitter:``, ``:github:``, ...): each platform's rules and link.

A value that breaks its platform's rules gives no link; the directive warns about it.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import quote, urlsplit

from sphinx_workshop.i18n import _
from sphinx_workshop.links import is_safe_url

_TWITTER = re.compile(r"[A-Za-z0-9_]{1,15}")
_GITHUB = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
#: A host name of at least two labels whose last label (the top-level domain) starts with a letter.
_DOMAIN = re.compile(rf"(?=.{{3,253}}$)(?:{_LABEL}\.)+[A-Za-z](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?")
#: Mastodon's own user-name pattern (letters, digits, ``_``; ``.`` and ``-`` inside).
_MASTODON_USER = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?")
_SCHOLAR = re.compile(r"[A-Za-z0-9_-]{12}")

#: The profile options in the order their links are shown.
PROFILE_OPTIONS = ("twitter", "homepage", "github", "scholar", "mastodon", "bluesky")

#: What each option expects (quoted in the warning about a bad value).
RULES: dict[str, str] = {
    "twitter": "1 to 15 letters, digits or underscores, with or without a leading @",
    "homepage": "an http(s) URL",
    "github": "a GitHub user name: up to 39 letters, digits or single hyphens, no hyphen at either end",
    "scholar": "a Google Scholar user id: the 12 characters after user= in the profile's URL",
    "mastodon": "@user@host, such as @Gargron@mastodon.social",
    "bluesky": "a handle that is a domain name, such as name.bsky.social",
}


class Profile(NamedTuple):
    """One profile link of a card."""

    option: str
    #: The platform's name, as read aloud and printed by non-HTML builders ("Twitter").
    label: str
    url: str
    #: The visible link text in HTML ("@annadgoldie", "GitHub").
    text: str

    def accessible_name(self, person: str) -> str:
        """The link's accessible name: its visible text first (WCAG 2.5.3, "label in name"), then whose
        profile it is and where ("@annadgoldie, Anna Goldie on Twitter", "GitHub profile of Ed Chi")."""
        if self.option == "homepage":
            return _("Homepage of {person}").format(person=person) if person else _("Homepage")
        if self.text == self.label:
            if person:
                return _("{platform} profile of {person}").format(platform=self.label, person=person)
            return _("{platform} profile").format(platform=self.label)
        if person:
            name = _("{text}, {person} on {platform}")
            return name.format(text=self.text, person=person, platform=self.label)
        return _("{text}, {platform} profile").format(text=self.text, platform=self.label)


def twitter_label(base_url: str) -> str:
    """The platform's name for a Twitter base URL: "X" for x.com, else "Twitter"."""
    host = (urlsplit(base_url).hostname or "").removeprefix("www.")
    return "X" if host == "x.com" else "Twitter"


def make_profile(option: str, value: str, *, twitter_base_url: str) -> Profile | None:
    """The link an option's *value* gives, or ``None`` when the value breaks the platform's rules."""
    value = value.strip()
    handle = value.removeprefix("@")
    if option == "twitter" and _TWITTER.fullmatch(handle):
        base = twitter_base_url.rstrip("/") + "/"
        return Profile(option, twitter_label(base), base + handle, f"@{handle}")
    if option == "homepage" and is_safe_url(value, schemes=frozenset({"http", "https"})):
        return Profile(option, "Homepage", value, "Homepage")
    if option == "github" and _GITHUB.fullmatch(handle):
        return Profile(option, "GitHub", f"https://github.com/{handle}", "GitHub")
    if option == "scholar" and _SCHOLAR.fullmatch(value):
        url = f"https://scholar.google.com/citations?user={quote(value)}"
        return Profile(option, "Google Scholar", url, "Google Scholar")
    if option == "mastodon":
        user, _, host = handle.partition("@")
        if _MASTODON_USER.fullmatch(user) and _DOMAIN.fullmatch(host):
            host = host.lower()
            return Profile(option, "Mastodon", f"https://{host}/@{user}", f"@{user}@{host}")
    if option == "bluesky" and _DOMAIN.fullmatch(handle):
        handle = handle.lower()
        return Profile(option, "Bluesky", f"https://bsky.app/profile/{handle}", f"@{handle}")
    return None
