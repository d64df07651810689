"""Slots in the program: the placeholder a page holds for the schedule lines naming its paper or
speaker, and the paragraph of links that replaces it when the page is written.

The ``schedule`` domain records each line naming a paper (``{paper}``) or a person (``{person}``) as a
slot (:meth:`~sphinx_workshop.schedule.domain.ScheduleDomain.slots_of`). A paper's page and a speaker's
card hold a :class:`program_slots` node (``kind`` ``"paper"`` or ``"person"``). One post-transform,
:class:`FillProgramSlots`, replaces each when the page is written (the schedule may be on a page read
later), asking the filler its feature registered for that kind (:func:`register_filler`), which
usually returns a :func:`slot_paragraph`; the feature writes a page again when its slots changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.nodes import make_refnode

from sphinx_workshop.i18n import page_date

if TYPE_CHECKING:
    from collections.abc import Sequence

    from sphinx.application import Sphinx

    from sphinx_workshop.schedule.domain import ProgramSlot


class program_slots(nodes.General, nodes.Element):
    """Where the slots of ``key`` (a paper's key, or a speaker's name with ``kind`` ``"person"``) go;
    ``title`` (a talk's title) leads each link's text. Replaced before any writer sees it."""


#: What replaces a placeholder of one kind, given the transform writing the page: a node, or None (the
#: placeholder goes).
Filler = Callable[[SphinxPostTransform, program_slots], "nodes.Node | None"]
#: kind -> its feature's filler (:func:`register_filler`)
_FILLERS: dict[str, Filler] = {}


def register_filler(kind: str, filler: Filler) -> None:
    """Let *filler* replace the placeholders of *kind* (a feature's setup calls this)."""
    _FILLERS[kind] = filler


class FillProgramSlots(SphinxPostTransform):
    """Replace every :class:`program_slots` of the document being written, in one pass, by what its
    kind's filler returns (a placeholder of a kind no feature fills goes)."""

    # After Sphinx's reference resolver (10): the links are made here.
    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        """Fill or remove each placeholder."""
        for node in list(self.document.findall(program_slots)):
            filler = _FILLERS.get(node.get("kind", "paper"))
            filled = filler(self, node) if filler is not None else None
            if filled is None:
                node.parent.remove(node)
            else:
                node.replace_self(filled)


def setup_slots(app: Sphinx) -> None:
    """Register the placeholder node and the one transform that fills it."""
    app.add_node(program_slots)
    app.add_post_transform(FillProgramSlots)


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
    transform: SphinxPostTransform,
    slots: Sequence[ProgramSlot],
    *,
    lead: str,
    title: str = "",
    labels: bool = True,
    classes: Sequence[str] = (),
) -> nodes.paragraph:
    """ "*lead* <link>; <link>": a link from the page *transform* writes to each slot's line, its text
    the *title* (else, with *labels*, the line's own label) and the slot's moment in the project's
    language. Without slots, *title* alone, unlinked."""
    builder, fromdocname, language = transform.app.builder, transform.env.docname, transform.config.language
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
