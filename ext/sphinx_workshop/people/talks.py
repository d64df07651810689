"""A speaker's talk on its card: the title and links to the schedule lines naming the speaker.

The ``schedule`` domain records each line that names a person with ``{person}``
(:meth:`~sphinx_workshop.schedule.domain.ScheduleDomain.slots_of` with kind ``"person"``). A speaker
card holds a :class:`~sphinx_workshop.slots.program_slots` placeholder, filled by :func:`talk` when its
page is written
(the schedule may be on a page read after it): "Talk: <title>, Saturday, December 12, 2020,
09:15 to 09:50 (PST)" (without a title, the moment alone), linking the line. A card whose slots
changed is written again (:func:`pages_to_rewrite`), without being read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_workshop import invalidation
from sphinx_workshop.domains import people_domain, schedule_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.people.records import anchor_for
from sphinx_workshop.slots import program_slots, register_filler, slot_paragraph

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.transforms.post_transforms import SphinxPostTransform

    from sphinx_workshop.schedule.domain import ProgramSlot


def talk_slots(env: BuildEnvironment, name: str) -> list[ProgramSlot]:
    """The schedule lines naming *name* with ``{person}`` (names that differ only in case, accents or
    spacing are one person, as for the card's id), by document then line."""
    if not name:
        return []
    return schedule_domain(env).slots_of(name, "person", normalize=anchor_for)


def talk(transform: SphinxPostTransform, node: program_slots) -> nodes.Node | None:
    """A speaker's placeholder: "Talk: <links>", the title alone, or nothing."""
    slots = talk_slots(transform.env, node["key"])
    if not slots and not node["title"]:
        return None
    # without labels: "Talk: Invited talk: Ed Chi, ..." says the name again; the moment is enough
    return slot_paragraph(
        transform, slots, lead=_("Talk:"), title=node["title"], labels=False, classes=["sw-person-talk"]
    )


def setup_talks(app: Sphinx) -> None:
    """Register the filler of the speakers' placeholders and the rewrite of cards whose slots changed."""
    register_filler("person", talk)
    app.connect("env-updated", pages_to_rewrite)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the pages of speaker cards whose slots in the program changed (written again)."""
    domain = people_domain(env)
    current = {
        docname: invalidation.digest([talk_slots(env, card.name) for card in cards if card.kind == "speaker"])
        for docname, cards in domain.data["cards"].items()
        if any(card.kind == "speaker" for card in cards)
    }
    stale = invalidation.changed(domain.data.setdefault("slots", {}), current, set())
    domain.data["slots"] = current
    return sorted(stale & env.all_docs.keys())
