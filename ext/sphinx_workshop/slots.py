"""Slots in the program: the placeholder a page holds for the schedule lines naming its paper or
speaker, and the paragraph of links that replaces it when the page is written.

The ``schedule`` domain records each line naming a paper (``{paper}``) or a person (``{person}``) as a
slot (:meth:`~sphinx_workshop.schedule.domain.ScheduleDomain.slots_of`). A paper's page and a speaker's
card hold a :class:`program_slots` node (``kind`` ``"paper"`` or ``"person"``) that the feature's own
post-transform replaces by :func:`slot_paragraph` (the schedule may be on a page read later), and the
feature writes a page again when its slots changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from docutils import nodes
from sphinx.util.nodes import make_refnode

from sphinx_workshop.i18n import page_date

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.builders import Builder

    from sphinx_workshop.schedule.domain import ProgramSlot


class program_slots(nodes.General, nodes.Element):
    """Where the slots of ``key`` (a paper's key, or a speaker's name with ``kind`` ``"person"``) go;
    ``title`` (a talk's title) leads each link's text. Replaced before any writer sees it."""


def when(slot: ProgramSlot, language: str | None) -> str:
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
    clock = f"{start:%H:%M}\u2013{end:%H:%M}" if end else f"{start:%H:%M}"
    return f"{page_date(start.date(), language)}, {clock} ({start.tzname()})"


def slot_paragraph(
    builder: Builder,
    fromdocname: str,
    slots: Sequence[ProgramSlot],
    *,
    lead: str,
    title: str = "",
    labels: bool = True,
    classes: Sequence[str] = (),
    language: str | None = None,
) -> nodes.paragraph:
    """ "*lead* <link>; <link>": a link to each slot's line, its text the *title* (else, with *labels*, the
    line's own label) and the slot's moment. Without slots, *title* alone, unlinked."""
    para = nodes.paragraph("", "", classes=list(classes))
    para += nodes.strong(lead, lead)
    if not slots:
        para += nodes.Text(" ")
        para += nodes.inline(title, title)
        return para
    for index, slot in enumerate(slots):
        para += nodes.Text(" " if not index else "; ")
        moment = when(slot, language)
        name = title or (slot.label if labels or not moment else "")
        text = ", ".join(part for part in (name, moment) if part) or slot.docname
        para += make_refnode(builder, fromdocname, slot.docname, slot.anchor, nodes.inline(text, text))
    return para
