"""schema.org ``Event`` JSON-LD, built when a page is written so organizers and sponsors from every page
are known."""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING, Any, Protocol, cast

from sphinx_workshop.invalidation import digest
from sphinx_workshop.jsonld import page_url
from sphinx_workshop.untrusted import script_safe_json

__all__ = ["ATTENDANCE", "event_json", "organizers", "organizers_digest", "sponsors_digest"]

if TYPE_CHECKING:
    from collections.abc import Sequence

    from docutils import nodes
    from sphinx.builders import Builder
    from sphinx.environment import BuildEnvironment

ATTENDANCE = {
    "online": "https://schema.org/OnlineEventAttendanceMode",
    "offline": "https://schema.org/OfflineEventAttendanceMode",
    "mixed": "https://schema.org/MixedEventAttendanceMode",
}


class _Organizer(Protocol):
    """What the event reads of an organizer card (``sphinx_workshop.people.PersonRecord``)."""

    @property
    def name(self) -> str: ...
    @property
    def affiliation(self) -> str: ...
    @property
    def same_as(self) -> tuple[str, ...]: ...
    @property
    def docname(self) -> str: ...
    @property
    def anchor(self) -> str: ...


class _People(Protocol):
    def organizers(self) -> Sequence[_Organizer]: ...


def organizer_cards(env: BuildEnvironment) -> Sequence[_Organizer]:
    """Every organizer card of the project, by document and line, from the people domain's public API."""
    people = cast("_People", env.get_domain("people"))
    return people.organizers()


def organizers_digest(env: BuildEnvironment) -> str:
    """A digest of everything :func:`organizers` shows, to find when event pages must be re-written."""
    return digest([(r.name, r.affiliation, r.same_as, r.docname, r.anchor) for r in organizer_cards(env)])


class _Sponsor(Protocol):
    """What the event reads of a sponsor (``sphinx_workshop.sponsors.SponsorRecord``)."""

    @property
    def name(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def logo(self) -> str: ...


class _Sponsors(Protocol):
    def sponsors(self) -> Sequence[_Sponsor]: ...


def sponsor_records(env: BuildEnvironment) -> Sequence[_Sponsor]:
    """Every sponsor of the project, by tier, from the sponsors domain's public API."""
    return cast("_Sponsors", env.get_domain("sponsors")).sponsors()


def _logo_file(env: BuildEnvironment, logo: str) -> str:
    """The name Sphinx gives the copy of the image *logo* (a path from the source folder) in ``_images``."""
    image = env.images.get(logo) if logo else None
    return image[1] if image else ""


def sponsors_digest(env: BuildEnvironment) -> str:
    """A digest of everything :func:`sponsors` shows, to find when event pages must be re-written."""
    return digest([(r.name, r.url, _logo_file(env, r.logo)) for r in sponsor_records(env)])


def sponsors(env: BuildEnvironment, builder: Builder) -> list[dict[str, Any]]:
    """schema.org ``Organization`` entries of every sponsor (the event's ``sponsor``): name, link, and the
    logo's absolute URL when ``html_baseurl`` is set."""
    base = builder.config.html_baseurl
    entries = []
    for record in sponsor_records(env):
        sponsor: dict[str, Any] = {"@type": "Organization", "name": record.name}
        if record.url:
            sponsor["url"] = record.url
        logo = _logo_file(env, record.logo)
        if base and logo:
            sponsor["logo"] = posixpath.join(base, builder.imagedir, logo)
        entries.append(sponsor)
    return entries


def organizers(env: BuildEnvironment, builder: Builder, first: str = "") -> list[dict[str, Any]]:
    """schema.org ``Person`` entries of every organizer card in the project (the people domain):
    the cards of document *first* (the event's own page) first, then by document and line."""
    cards = sorted(organizer_cards(env), key=lambda record: record.docname != first)  # stable
    entries = []
    for record in cards:
        person: dict[str, Any] = {"@type": "Person", "name": record.name}
        if record.affiliation:
            person["affiliation"] = {"@type": "Organization", "name": record.affiliation}
        if record.same_as:
            person["sameAs"] = list(record.same_as)
        url = page_url(builder, record.docname)
        if url and record.anchor:
            person["url"] = f"{url}#{record.anchor}"
        entries.append(person)
    return entries


def event_json(node: nodes.Element, builder: Builder) -> str:
    """The JSON-LD text of the ``event_data`` *node*."""
    url = page_url(builder, node["docname"])
    name = node["name"]
    if not name:  # an event without its argument (warned when read) is named after its page
        title = builder.env.titles.get(node["docname"])
        name = title.astext() if title is not None else str(builder.config.project)
    data: dict[str, Any] = {"@context": "https://schema.org", "@type": "Event", "name": name}
    if node["description"]:
        data["description"] = node["description"]
    for key, attr in (("startDate", "start"), ("endDate", "end")):
        if node[attr]:
            data[key] = node[attr]
    data["eventStatus"] = "https://schema.org/EventScheduled"
    if node["attendance"]:
        data["eventAttendanceMode"] = ATTENDANCE[node["attendance"]]
    location = _location(node, url)
    if location:
        data["location"] = location
    people = organizers(builder.env, builder, first=node["docname"])
    if people:
        data["organizer"] = people
    backers = sponsors(builder.env, builder)
    if backers:
        data["sponsor"] = backers
    if url:
        data["url"] = url
    return script_safe_json(data)


def _location(node: nodes.Element, page: str) -> list[dict[str, str]] | dict[str, str] | None:
    place_name = node["location"]
    virtual: dict[str, str] = {"@type": "VirtualLocation"}
    if node["url"] or page:
        virtual["url"] = node["url"] or page
    if place_name and node["attendance"] == "online":
        virtual["name"] = place_name
    physical = {"@type": "Place", "name": place_name}
    if node["attendance"] == "online":
        return virtual if len(virtual) > 1 else None
    if node["attendance"] == "offline":
        return physical if place_name else None
    if node["attendance"] == "mixed":
        return [virtual, physical] if place_name else [virtual]
    return None
