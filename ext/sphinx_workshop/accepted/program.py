"""A paper's slot in the program: where a ``schedule`` names the paper, shown and linked on its page.

A schedule's line naming a paper with ``{paper}`` gets an anchor, and the ``schedule`` domain records it
(:meth:`~sphinx_workshop.schedule.domain.ScheduleDomain.slots_of`). A paper's page holds a
:class:`program_slots` placeholder, filled when the page is written (the schedule may be on a page read
after it): "In the program: Contributed talks, Saturday, December 12, 2020, 10:40 to 11:30 (PST)", linking
the line. Without a slot the placeholder goes. A page whose slots changed is written again
(:func:`pages_to_rewrite`), without being read again.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform

from sphinx_workshop import invalidation
from sphinx_workshop.domains import accepted_domain, schedule_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.slots import program_slots, slot_paragraph

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

__all__ = ["FillProgramSlots", "pages_to_rewrite", "program_slots", "setup_program"]


class FillProgramSlots(SphinxPostTransform):
    """Replace each paper's :class:`program_slots` by links to the schedule lines naming it, or nothing."""

    default_priority = 20

    def run(self, **kwargs: Any) -> None:
        """Fill or remove the papers' placeholders of the document being written."""
        domain = schedule_domain(self.env)
        for node in list(self.document.findall(program_slots)):
            if node.get("kind", "paper") != "paper":
                continue
            slots = domain.slots_of(node["key"])
            if not slots:
                node.parent.remove(node)
                continue
            para = slot_paragraph(
                self.app.builder,
                self.env.docname,
                slots,
                lead=_("In the program:"),
                classes=["sw-accepted-slot"],
                language=self.config.language,
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
    """Register the transform that fills the papers' placeholders and the rewrite of changed pages."""
    app.add_post_transform(FillProgramSlots)
    app.connect("env-updated", pages_to_rewrite)
