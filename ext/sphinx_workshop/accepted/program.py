"""A paper's slot in the program: where a ``schedule`` names the paper, shown and linked on its page.

A schedule's line naming a paper with ``{paper}`` gets an anchor, and the ``schedule`` domain records it
(:meth:`~sphinx_workshop.schedule.domain.ScheduleDomain.slots_of`). A paper's page holds a
:class:`program_slots` placeholder, filled by :func:`paper_slots` when the page is written (the schedule
may be on a page read after it): "In the program: Contributed talks, Saturday, December 12, 2020, 10:40 to
11:30 (PST)", linking the line. Without a slot the placeholder goes. A page whose slots changed is written
again (:func:`pages_to_rewrite`), without being read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_workshop import invalidation
from sphinx_workshop.domains import accepted_domain, schedule_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.slots import program_slots, register_filler, slot_paragraph

if TYPE_CHECKING:
    from docutils import nodes
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment
    from sphinx.transforms.post_transforms import SphinxPostTransform

__all__ = ["pages_to_rewrite", "paper_slots", "setup_program"]


def paper_slots(transform: SphinxPostTransform, node: program_slots) -> nodes.Node | None:
    """A paper's placeholder: links to the schedule lines naming the paper, or nothing."""
    slots = schedule_domain(transform.env).slots_of(node["key"])
    if not slots:
        return None
    return slot_paragraph(transform, slots, lead=_("In the program:"), classes=["sw-accepted-slot"])


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
    """Register the filler of the papers' placeholders and the rewrite of changed pages."""
    register_filler("paper", paper_slots)
    app.connect("env-updated", pages_to_rewrite)
