"""Profile options of a card (``:twitter:``, ``:github:``, ``:orcid:``, ...): each platform's rules and link.

An option takes the handle (``annadgoldie``, ``@user@host``) or the profile's URL as organizers paste it
(``https://x.com/annadgoldie?lang=en``): :func:`handle_of` reduces the URL to the handle, which is then
checked against the platform's rules like a handle written by hand. A URL of something that is not a
profile (a post, a repository, a search) and a value that breaks the rules give no link; the directive
warns about it.
"""

from __future__ import annotations

import re
from typing import NamedTuple
from urllib.parse import parse_qs, quote, unquote, urlsplit

from sphinx_workshop.i18n import _
from sphinx_workshop.links import is_safe_url, is_valid_host

_TWITTER = re.compile(r"[A-Za-z0-9_]{1,15}")
_GITHUB = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}")
_LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
#: A host name of at least two labels whose last label (the top-level domain) starts with a letter.
_DOMAIN = re.compile(rf"(?=.{{3,253}}$)(?:{_LABEL}\.)+[A-Za-z](?:[A-Za-z0-9-]{{0,61}}[A-Za-z0-9])?")
#: Mastodon's own user-name pattern (letters, digits, ``_``; ``.`` and ``-`` inside).
_MASTODON_USER = re.compile(r"[A-Za-z0-9_](?:[A-Za-z0-9_.-]{0,62}[A-Za-z0-9_])?")
_SCHOLAR = re.compile(r"[A-Za-z0-9_-]{12}")
#: An ORCID iD: four groups of four digits, the last character a check digit or ``X``.
_ORCID = re.compile(r"\d{4}-\d{4}-\d{4}-\d{3}[\dX]")
#: A LinkedIn public profile name (the part after ``/in/``): 3 to 100 letters, digits, ``-`` or ``_``.
_LINKEDIN = re.compile(r"[^\W_](?:[\w-]{1,98})[^\W_]")

_TWITTER_HOSTS = frozenset(
    f"{prefix}{host}" for host in ("twitter.com", "x.com") for prefix in ("", "www.", "mobile.")
)
#: First path segments of twitter.com and x.com pages that are not profiles (all valid handles).
_TWITTER_PAGES = frozenset(
    [
        "compose",
        "explore",
        "hashtag",
        "home",
        "i",
        "intent",
        "login",
        "logout",
        "messages",
        "notifications",
        "search",
        "settings",
        "share",
        "signup",
        "tos",
        "privacy",
    ]
)
#: First path segments of github.com pages that are not accounts (all valid user names).
_GITHUB_PAGES = frozenset(
    [
        "about",
        "apps",
        "collections",
        "contact",
        "enterprise",
        "explore",
        "features",
        "issues",
        "join",
        "login",
        "marketplace",
        "notifications",
        "orgs",
        "pricing",
        "pulls",
        "search",
        "security",
        "settings",
        "site",
        "sponsors",
        "topics",
        "trending",
    ]
)
_SCHOLAR_HOST = re.compile(r"scholar\.google\.[a-z]{2,3}(?:\.[a-z]{2})?")
_LINKEDIN_HOST = re.compile(r"(?:[a-z]{2,3}\.|www\.)?linkedin\.com")

#: The profile options in the order their links are shown.
PROFILE_OPTIONS = ("twitter", "homepage", "github", "scholar", "mastodon", "bluesky", "orcid", "linkedin")

#: What each option expects (quoted in the warning about a bad value).
RULES: dict[str, str] = {
    "twitter": "1 to 15 letters, digits or underscores, with or without a leading @, "
    "or a profile URL such as https://x.com/name",
    "homepage": "an http(s) URL",
    "github": "a GitHub user name: up to 39 letters, digits or single hyphens, no hyphen at either end, "
    "or its profile URL https://github.com/name (not a repository's)",
    "scholar": "a Google Scholar user id: the 12 characters after user= in the profile's URL, "
    "or that URL https://scholar.google.com/citations?user=...",
    "mastodon": "@user@host, such as @Gargron@mastodon.social, or the account's URL https://host/@user",
    "bluesky": "a handle that is a domain name, such as name.bsky.social, "
    "or its profile URL https://bsky.app/profile/name.bsky.social",
    "orcid": "an ORCID iD such as 0000-0002-1825-0097 (with a valid check digit) "
    "or its URL https://orcid.org/0000-0002-1825-0097",
    "linkedin": "a LinkedIn profile name (3 to 100 letters, digits, - or _) "
    "or its URL https://www.linkedin.com/in/name",
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
            return _("Homepage of {person}").format(person=person) if person else str(_("Homepage"))
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


def orcid_checksum_ok(orcid: str) -> bool:
    """Whether the last character of the iD ``0000-0002-1825-0097`` is its ISO 7064 MOD 11-2 check digit."""
    digits = orcid.replace("-", "")
    total = 0
    for digit in digits[:-1]:
        total = (total + int(digit)) * 2
    check = (12 - total % 11) % 11
    return digits[-1] == ("X" if check == 10 else str(check))


def handle_of(option: str, value: str) -> str | None:
    """The handle a pasted profile URL of *option*'s platform names, *value* itself when it is no URL,
    or ``None`` for a URL that is not a profile of that platform (a post, a repository, another site).

    Query strings (``?lang=en``), fragments and a trailing ``/`` are ignored; only ``http(s)`` URLs
    without credentials or port are read. ``:homepage:`` is a URL already and is returned as is.
    """
    value = value.strip()
    if option == "homepage" or not re.match(r"https?://", value, flags=re.IGNORECASE):
        return value
    try:
        parts = urlsplit(value)
        if parts.username is not None or parts.password is not None or parts.port is not None:
            return None
    except ValueError:  # a port that is no number
        return None
    host = (parts.hostname or "").lower()
    segments = [unquote(segment) for segment in parts.path.split("/")[1:]]
    if segments and segments[-1] == "":  # one trailing slash
        segments.pop()
    if option == "scholar":
        users = parse_qs(parts.query).get("user", [])
        scholar = _SCHOLAR_HOST.fullmatch(host) and segments == ["citations"] and len(users) == 1
        return users[0] if scholar else None
    return _URL_READERS[option](host, segments) if option in _URL_READERS else None


def _twitter_url(host: str, segments: list[str]) -> str | None:
    if host in _TWITTER_HOSTS and len(segments) == 1 and segments[0].lower() not in _TWITTER_PAGES:
        return segments[0]
    return None


def _github_url(host: str, segments: list[str]) -> str | None:
    # A repository's URL (/owner/repo) is refused rather than read as its owner: the owner may be an
    # organization, not the person, and a pasted repository link is more likely a mistake than intent.
    if host in {"github.com", "www.github.com"} and len(segments) == 1:
        return segments[0] if segments[0].lower() not in _GITHUB_PAGES else None
    return None


def _mastodon_url(host: str, segments: list[str]) -> str | None:
    # https://host/@user, or https://host/@user@home: an account of another server shown by this one.
    if len(segments) == 1 and segments[0].startswith("@") and host:
        user, at, home = segments[0][1:].partition("@")
        return f"@{user}@{home if at else host}"
    return None


def _bluesky_url(host: str, segments: list[str]) -> str | None:
    if host in {"bsky.app", "www.bsky.app"} and len(segments) == 2 and segments[0] == "profile":
        return segments[1]
    return None


def _orcid_url(host: str, segments: list[str]) -> str | None:
    return segments[0] if host in {"orcid.org", "www.orcid.org"} and len(segments) == 1 else None


def _linkedin_url(host: str, segments: list[str]) -> str | None:
    if _LINKEDIN_HOST.fullmatch(host) and len(segments) == 2 and segments[0] == "in":
        return segments[1]
    return None


_URL_READERS = {
    "twitter": _twitter_url,
    "github": _github_url,
    "mastodon": _mastodon_url,
    "bluesky": _bluesky_url,
    "orcid": _orcid_url,
    "linkedin": _linkedin_url,
}


def make_profile(option: str, value: str, *, twitter_base_url: str) -> Profile | None:
    """The link an option's *value* (a handle or a pasted profile URL) gives, or ``None`` when it is
    not a profile of the platform or breaks the platform's rules.

    Every link is then checked like any other (:func:`sphinx_workshop.links.is_safe_url`).
    """
    handle = handle_of(option, value)
    profile = None if handle is None else _profile(option, handle, twitter_base_url=twitter_base_url)
    if profile is None or not is_safe_url(profile.url, schemes=frozenset({"http", "https"})):
        return None
    return profile


def _profile(option: str, value: str, *, twitter_base_url: str) -> Profile | None:
    value = value.strip()
    handle = value.removeprefix("@")
    if option == "twitter" and _TWITTER.fullmatch(handle):
        base = twitter_base_url.rstrip("/") + "/"
        return Profile(option, twitter_label(base), base + handle, f"@{handle}")
    if option == "homepage" and is_safe_url(value, schemes=frozenset({"http", "https"})):
        return Profile(option, str(_("Homepage")), value, str(_("Homepage")))
    if option == "github" and _GITHUB.fullmatch(handle):
        return Profile(option, "GitHub", f"https://github.com/{handle}", "GitHub")
    if option == "scholar" and _SCHOLAR.fullmatch(value):
        url = f"https://scholar.google.com/citations?user={quote(value)}"
        return Profile(option, "Google Scholar", url, "Google Scholar")
    if option == "mastodon":
        user, _at, host = handle.partition("@")
        if _MASTODON_USER.fullmatch(user) and _DOMAIN.fullmatch(host) and is_valid_host(host):
            host = host.lower()
            return Profile(option, "Mastodon", f"https://{host}/@{user}", f"@{user}@{host}")
    if option == "bluesky" and _DOMAIN.fullmatch(handle) and is_valid_host(handle):
        handle = handle.lower()
        return Profile(option, "Bluesky", f"https://bsky.app/profile/{handle}", f"@{handle}")
    if option == "orcid" and _ORCID.fullmatch(value) and orcid_checksum_ok(value):
        return Profile(option, "ORCID", f"https://orcid.org/{value}", "ORCID")
    if option == "linkedin" and _LINKEDIN.fullmatch(value):
        return Profile(option, "LinkedIn", f"https://www.linkedin.com/in/{quote(value)}", "LinkedIn")
    return None
