"""People: organizer and speaker cards, the ``organizers`` and ``speakers`` grids, ``{person}`` links,
the ``people`` domain.

Modules: ``records`` (stored data, anchors, initials), ``profiles`` (profile options and their
platforms' rules), ``nodes`` (the card's nodes and visitors), ``directives``, ``roles``, ``domain``
(storage and resolution), ``talks`` (a speaker's slots in the program) and ``transforms`` (after
reading, and printed URLs for non-web builders).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_workshop.people import talks
from sphinx_workshop.people.directives import (
    OrganizerDirective,
    OrganizersDirective,
    SpeakerDirective,
    SpeakersDirective,
    TalkAbstractDirective,
)
from sphinx_workshop.people.domain import PeopleDomain
from sphinx_workshop.people.nodes import setup_nodes
from sphinx_workshop.people.records import PersonRecord, anchor_for
from sphinx_workshop.people.roles import PersonRole
from sphinx_workshop.people.transforms import (
    EpubCards,
    PrintedCards,
    TextCards,
    on_env_updated,
    on_warn_missing_reference,
)

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["PeopleDomain", "PersonRecord", "anchor_for", "setup_people"]


def setup_people(app: Sphinx) -> None:
    """Register the people domain, its directives and role (also without prefix), and its CSS."""
    setup_nodes(app)
    app.add_domain(PeopleDomain)
    app.add_directive("organizers", OrganizersDirective)
    app.add_directive("organizer", OrganizerDirective)
    app.add_directive("speakers", SpeakersDirective)
    app.add_directive("speaker", SpeakerDirective)
    app.add_directive("talk-abstract", TalkAbstractDirective)
    app.add_role("person", PersonRole())
    for transform in (EpubCards, PrintedCards, TextCards):
        app.add_post_transform(transform)
    app.connect("env-updated", on_env_updated)
    talks.setup_talks(app)
    app.connect("warn-missing-reference", on_warn_missing_reference)
