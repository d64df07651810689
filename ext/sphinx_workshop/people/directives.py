"""The ``organizers`` and ``speakers`` grids, the ``organizer`` and ``speaker`` cards and a speaker's
``talk-abstract``.

They read their own options (:mod:`sphinx_workshop.directive_base`), so a misused one is a located
``workshop.*`` warning, in rST as in MyST; every value is validated here and a bad one is left out
with a warning, so the card still shows what is valid.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging

from sphinx_workshop.anchors import own_ids
from sphinx_workshop.diagnostics import warn
from sphinx_workshop.directive_base import OptionSpec, WorkshopDirective, current_document
from sphinx_workshop.domains import people_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.images import image_problem
from sphinx_workshop.people.nodes import (
    ORGANIZATION_TYPE,
    person_card,
    person_field,
    profile_link,
    talk_abstract,
)
from sphinx_workshop.people.profiles import PROFILE_OPTIONS, RULES, Profile, make_profile
from sphinx_workshop.people.records import PersonRecord, anchor_for, initials
from sphinx_workshop.slots import program_slots

logger = logging.getLogger(__name__)


class _PeopleDirective(WorkshopDirective):
    """Base of the people directives."""


#: How many speaker cards' bodies are being parsed (a ``talk-abstract`` belongs in one).
_SPEAKER_DEPTH = "workshop:speaker-depth"


class OrganizersDirective(_PeopleDirective):
    """A responsive grid of the cards (or any content) of its body."""

    #: The grid's classes, before ``:class:``.
    grid_classes: ClassVar[tuple[str, ...]] = ("sw-person-grid",)
    option_spec = OptionSpec({"class": directives.class_option})

    def render(self) -> list[nodes.Node]:
        """A ``container`` of class ``sw-person-grid`` (plus ``:class:``) holding the parsed body."""
        grid = nodes.container(classes=[*self.grid_classes, *self.options.get("class", [])])
        self.set_source_info(grid)
        grid += self.parse_content_to_nodes()
        return [grid]


#: The options of every card.
CARD_OPTIONS = {name: directives.unchanged for name in ("affiliation", "photo", *PROFILE_OPTIONS)}


class OrganizerDirective(_PeopleDirective):
    """A person's card: name (the argument), avatar, affiliation, profile links and a MyST body."""

    kind: ClassVar[str] = "organizer"
    takes_argument = True
    option_spec = OptionSpec(CARD_OPTIONS)

    def warn_missing_argument(self) -> None:
        """A card without a name still shows, without one."""
        warn(
            logger,
            "missing_name",
            f"{self.name} card without a name (give it as the directive's argument); "
            "it is shown without one and cannot be linked to",
            location=self.get_location(),
        )

    def render(self) -> list[nodes.Node]:
        """The card; it is recorded in the people domain when it has a name."""
        name = self.argument
        who = repr(name) if name else "a card without a name"
        card = own_ids(person_card(classes=["sw-person-card", f"sw-person-{self.kind}"]))
        self.set_source_info(card)
        anchor = self._claim_anchor(card, name)

        avatar = self._avatar(name, who)
        if avatar is not None:
            card += avatar
        if name:
            card += nodes.paragraph(
                "", "", person_field(name, name, itemprop="name"), classes=["sw-person-name"]
            )
        affiliation = " ".join(self.options.get("affiliation", "").split())
        if affiliation:
            organization = person_field(
                "",
                "",
                person_field(affiliation, affiliation, itemprop="name"),
                itemprop="affiliation",
                itemtype=ORGANIZATION_TYPE,
            )
            card += nodes.paragraph("", "", organization, classes=["sw-person-affiliation"])
        profiles = self._profiles(who)
        if profiles:
            card += self._links(profiles, name)
        card += self.talk(name)
        if self.content:
            body = self.parse_body()
            abstracts = [node for node in body if isinstance(node, talk_abstract)]
            card += abstracts
            bio = [node for node in body if not isinstance(node, talk_abstract)]
            if bio:
                card += nodes.container("", *bio, classes=["sw-person-bio"])

        if anchor:
            record = PersonRecord(
                name=name,
                kind=self.kind,
                affiliation=affiliation,
                same_as=tuple(profile.url for profile in profiles),
                docname=self.env.docname,
                lineno=self.lineno,
                anchor=anchor,
            )
            people_domain(self.env).note_person(record)
        return [card]

    def talk(self, name: str) -> list[nodes.Node]:
        """What the card shows of a talk before its body (an organizer's card: nothing)."""
        return []

    def parse_body(self) -> list[nodes.Node]:
        """The parsed body (a speaker's ``talk-abstract`` blocks among its top-level nodes)."""
        return self.parse_content_to_nodes()

    def _claim_anchor(self, card: person_card, name: str) -> str:
        """Give the card its id; a second card of the same person in this document gets none."""
        if not name:
            return ""
        anchor = anchor_for(name)
        document = self.state.document
        first = document.ids.get(anchor)
        if isinstance(first, person_card):
            warn(
                logger,
                "duplicate_person",
                f"duplicate card for {name!r} (id {anchor!r}, first at "
                f"{self.env.doc2path(self.env.docname, False)}:{first.line}); "
                "links go to the first",
                location=self.get_location(),
            )
            return ""
        card["ids"].append(anchor)
        document.ids[anchor] = card
        return anchor

    def _avatar(self, name: str, who: str) -> nodes.Element | None:
        """The photo, or else the initials (a local, decorative avatar: no third-party request)."""
        if "photo" in self.options:
            photo = self._photo(self.options["photo"].strip(), name, who)
            if photo is not None:
                return photo
        letters = initials(name)
        if not letters:
            return None
        return person_field(letters, letters, classes=["sw-person-avatar"], decorative=True)

    def _photo(self, photo: str, name: str, who: str) -> nodes.image | None:
        """An image node for a local photo (Sphinx copies it like any image), or ``None`` with a warning."""
        fallback = "the initials are shown instead"
        if not photo:
            self.warn_at("photo_missing", f"empty :photo: for {who}; {fallback}", self.option_line("photo"))
            return None
        if "://" in photo or photo.startswith(("data:", "//")):
            self.warn_at(
                "photo_outside",
                f":photo: {photo!r} for {who} is not a local image; {fallback}",
                self.option_line("photo"),
            )
            return None
        _rel, full = self.env.relfn2path(photo, self.env.docname)
        path = Path(full).resolve()
        if not path.is_relative_to(Path(self.env.srcdir).resolve()):
            self.warn_at(
                "photo_outside",
                f":photo: {photo!r} for {who} is outside the project's source directory; {fallback}",
                self.option_line("photo"),
            )
            return None
        problem = image_problem(path)
        if problem:
            self.warn_at(
                "photo_missing",
                f":photo: {photo!r} for {who} {problem}; {fallback}",
                self.option_line("photo"),
            )
            return None
        alt = _("Photo of {name}").format(name=name) if name else str(_("Photo"))
        image = nodes.image(photo, uri=photo, alt=alt, classes=["sw-person-photo"])
        self.set_source_info(image)
        return image

    def _profiles(self, who: str) -> list[Profile]:
        """The valid profile options, in :data:`PROFILE_OPTIONS` order; a bad one warns."""
        profiles = []
        for option in PROFILE_OPTIONS:
            if option not in self.options:
                continue
            value: str = self.options[option]
            profile = make_profile(option, value, twitter_base_url=self.config.workshop_twitter_base_url)
            if profile is None:
                self.warn_at(
                    "bad_url" if option == "homepage" else "bad_handle",
                    f"invalid :{option}: {value!r} for {who} (expected {RULES[option]}); it is left out",
                    self.option_line(option),
                )
                continue
            profiles.append(profile)
        return profiles

    @staticmethod
    def _links(profiles: list[Profile], name: str) -> nodes.bullet_list:
        """One list item per profile link, each a schema.org ``sameAs``."""
        links = nodes.bullet_list(classes=["sw-person-links"])
        for profile in profiles:
            link = profile_link(
                "",
                profile.text,
                refuri=profile.url,
                classes=["sw-person-link", f"sw-person-{profile.option}"],
                label=profile.label,
                aria_label=profile.accessible_name(name),
                itemprop="sameAs",
            )
            links += nodes.list_item("", nodes.paragraph("", "", link))
        return links


class SpeakersDirective(OrganizersDirective):
    """The grid of the invited speakers' cards: the organizers' grid, of class ``sw-speaker-grid`` too."""

    grid_classes = ("sw-person-grid", "sw-speaker-grid")


class SpeakerDirective(OrganizerDirective):
    """An invited speaker's card (kind ``speaker``): the organizer's card, with the talk's title
    (``:talk:``), its slots in the program and its abstract (``talk-abstract`` blocks in the body; the
    rest of the body is the bio)."""

    kind = "speaker"
    option_spec = OptionSpec({**CARD_OPTIONS, "talk": directives.unchanged})

    def talk(self, name: str) -> list[nodes.Node]:
        """Where the title and the links to the talk's slots go (filled when the page is written)."""
        title = " ".join(self.options.get("talk", "").split())
        if "talk" in self.options and not title:
            who = repr(name) if name else "a card without a name"
            self.warn_at("bad_option", f"empty :talk: for {who}; no title is shown", self.option_line("talk"))
        if not name and not title:
            return []
        return [program_slots(key=name, kind="person", title=title)]

    def parse_body(self) -> list[nodes.Node]:
        """The body, its ``talk-abstract`` blocks moved to the top level (before the bio)."""
        document = current_document(self.env)
        document[_SPEAKER_DEPTH] = document.get(_SPEAKER_DEPTH, 0) + 1
        try:
            body = self.parse_content_to_nodes()
        finally:
            document[_SPEAKER_DEPTH] -= 1
        abstracts: list[nodes.Node] = []
        for node in body:
            for found in list(node.findall(talk_abstract, include_self=False)):
                found.parent.remove(found)
                abstracts.append(found)
        return [*abstracts, *body]


class TalkAbstractDirective(WorkshopDirective):
    """The abstract of a speaker's talk, in the card's body; shown after the talk's title."""

    def render(self) -> list[nodes.Node]:
        """A ``talk_abstract`` container (labelled "Abstract") holding the parsed body."""
        if not current_document(self.env).get(_SPEAKER_DEPTH):
            self.warn_at(
                "misplaced",
                f"the {self.name} directive belongs in the body of a speaker card; it is shown where it is",
            )
        if not self.content:
            self.warn_at("bad_argument", f"the {self.name} directive has no content; it is left out")
            return []
        label = str(_("Abstract"))
        block = talk_abstract(classes=["sw-person-abstract"])
        self.set_source_info(block)
        block += nodes.paragraph("", "", nodes.strong(label, label), classes=["sw-person-abstract-label"])
        block += self.parse_content_to_nodes()
        return [block]
