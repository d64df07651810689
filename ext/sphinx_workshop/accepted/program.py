"""A paper's slot in the program: where a ``schedule`` names the paper, shown and linked on its page.

A schedule's line naming a paper with ``{paper}`` gets an anchor, and the ``schedule`` domain records it
(:meth:`~sphinx_workshop.schedule.domain.ScheduleDomain.slots_of`). A paper's page holds a
:class:`program_slots` placeholder, filled when the page is written (the schedule may be on a page read
after it): "In the program: Contributed talks, Saturday, December 12, 2020, 10:40 to 11:30 (PST)", linking
the line. Without a slot the placeholder goes. A page whose slots changed is written again
(:func:`pages_to_rewrite`), without being read again.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale, UnknownLocaleError
from babel.dates import format_date
from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from sphinx_workshop import invalidation
from sphinx_workshop.domains import accepted_domain, schedule_domain
from sphinx_workshop.i18n import _

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_workshop.schedule.domain import PaperSlot


class program_slots(nodes.General, nodes.Element):
    """Where the paper's slots in the program go (``key``: the paper's key); filled when written."""


def when(slot: PaperSlot, language: str | None) -> str:
    """The slot's day, start and end (an en dash between) in its schedule's zone, with the zone's name."""
    if not slot.start:
        return ""
    start = datetime.fromisoformat(slot.start)
    end = datetime.fromisoformat(slot.end) if slot.end else None
    try:
        zone = ZoneInfo(slot.timezone) if slot.timezone else None
    except (ZoneInfoNotFoundError, ValueError):
        zone = None
    if zone is not None:
        start = start.astimezone(zone)
        end = end.astimezone(zone) if end else None
    try:
        locale = Locale.parse(language or "en")
    except (ValueError, TypeError, UnknownLocaleError):
        locale = Locale.parse("en")
    clock = f"{start:%H:%M}\u2013{end:%H:%M}" if end else f"{start:%H:%M}"
    return f"{format_date(start.date(), format='full', locale=locale)}, {clock} ({start.tzname()})"


class FillProgramSlots(SphinxPostTransform):
    """Replace each :class:`program_slots` by links to the schedule lines naming its paper, or nothing."""

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        """Fill or remove the placeholders of the document being written."""
        domain = schedule_domain(self.env)
        for node in list(self.document.findall(program_slots)):
            slots = domain.slots_of(node["key"])
            if not slots:
                node.parent.remove(node)
                continue
            para = nodes.paragraph("", "", classes=["sw-accepted-slot"])
            label = _("In the program:")
            para += nodes.strong(label, label)
            for index, slot in enumerate(slots):
                para += nodes.Text(" " if not index else "; ")
                moment = when(slot, self.config.language)
                text = ", ".join(part for part in (slot.label, moment) if part) or slot.docname
                para += make_refnode(
                    self.app.builder, self.env.docname, slot.docname, slot.anchor, nodes.inline(text, text)
                )
            node.replace_self(para)


def pages_to_rewrite(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated``: the papers' pages whose slots in the program changed (written again, not read)."""
    domain = accepted_domain(env)
    schedule = schedule_domain(env)
    current = {
        page.docname: invalidation.digest(schedule.slots_of(page.paper.key))
        for loaded in domain.sets.values()
        for page in loaded.pages.values()
    }
    stale = invalidation.changed(domain.data.setdefault("slots", {}), current, set())
    domain.data["slots"] = current
    return sorted(stale & env.all_docs.keys())


def setup_program(app: Sphinx) -> None:
    """Register the placeholder, the transform that fills it and the rewrite of changed pages."""
    app.add_node(program_slots)
    app.add_post_transform(FillProgramSlots)
    app.connect("env-updated", pages_to_rewrite)
