"""A speaker's talk on its card: the title and links to the schedule lines naming the speaker.

The ``schedule`` domain records each line that names a person with ``{person}``
(:meth:`~sphinx_workshop.schedule.domain.ScheduleDomain.slots_of` with kind ``"person"``). A speaker
card holds a :class:`~sphinx_workshop.slots.program_slots` placeholder, filled when its page is written
(the schedule may be on a page read after it): "Talk: <title>, Saturday, December 12, 2020,
09:15 to 09:50 (PST)" (without a title, the moment alone), linking the line. A card whose slots
changed is written again (:func:`pages_to_rewrite`), without being read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_workshop import invalidation
from sphinx_workshop.domains import people_domain, schedule_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.people.records import anchor_for
from sphinx_workshop.slots import program_slots, slot_paragraph

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_workshop.schedule.domain import ProgramSlot


def talk_slots(env: BuildEnvironment, name: str) -> list[ProgramSlot]:
    """The schedule lines naming *name* with ``{person}`` (names that differ only in case, accents or
    spacing are one person, as for the card's id), by document then line."""
    if not name:
        return []
    return schedule_domain(env).slots_of(name, "person", normalize=anchor_for)


class FillTalkSlots(SphinxPostTransform):
    """Replace each speaker's :class:`program_slots` by "Talk: <links>", the title alone, or nothing."""

    # After Sphinx's reference resolver (10), like the papers' slots: the links are made here.
    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        """Fill or remove the speakers' placeholders of the document being written."""
        for node in list(self.document.findall(program_slots)):
            if node.get("kind") != "person":
                continue
            slots = talk_slots(self.env, node["key"])
            if not slots and not node["title"]:
                node.parent.remove(node)
                continue
            para = slot_paragraph(
                self.app.builder,
                self.env.docname,
                slots,
                lead=_("Talk:"),
                title=node["title"],
                labels=False,  # "Talk: Invited talk: Ed Chi, ..." says the name again: the moment is enough
                classes=["sw-person-talk"],
                language=self.config.language,
            )
            node.replace_self(para)


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
