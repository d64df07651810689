"""Post-transforms of a schedule per builder: the calendar link, a list instead of a table in text, and
printed labels for the lines that papers' pages and speaker cards link to."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from sphinx_workshop.schedule.domain import ScheduleDomain
from sphinx_workshop.schedule.ics import writes_calendars
from sphinx_workshop.schedule.nodes import schedule_block

CALENDAR_CLASS = "sw-schedule-calendar"
TABLE_CLASS = "sw-schedule-table"


class CalendarLinks(SphinxPostTransform):
    """Make each calendar link relative to the page as this builder writes it (html, dirhtml, singlehtml)."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        """Rewrite or remove every calendar link of the document."""
        domain = self.env.domains["schedule"]
        assert isinstance(domain, ScheduleDomain)
        for paragraph in list(self.document.findall(nodes.paragraph)):
            if CALENDAR_CLASS not in paragraph["classes"]:
                continue
            links = list(paragraph.findall(nodes.reference))
            if not writes_calendars(self.app.builder) or any(
                link["refuri"] in domain.blocked_calendars for link in links
            ):
                paragraph.parent.remove(paragraph)
                continue
            # A page name may hold "#", "?" or "%": both are paths, percent-encoded before relative_uri
            # (which would cut them at "#").
            page = quote(self.app.builder.get_target_uri(self.env.docname), safe="/")
            for link in links:
                link["refuri"] = relative_uri(page, quote(link["refuri"], safe="/"))


class TextScheduleList(SphinxPostTransform):
    """In plain text, each schedule table becomes a bullet list (``10:40 PST — Contributed talks``).

    The text writer wraps a table cell into one paragraph, which would run a session's sub-items into
    its title; a list keeps each sub-item on its own line, under its item.
    """

    default_priority = 200
    formats = ("text",)

    def run(self, **kwargs: Any) -> None:
        """Replace every schedule table of the document."""
        for block in list(self.document.findall(schedule_block)):
            for table in list(block.findall(nodes.table)):
                if TABLE_CLASS in table["classes"]:
                    table.replace_self(_as_list(table))


class PrintedSlotTargets(SphinxPostTransform):
    """LaTeX and Texinfo: the id of a line that names a paper or a speaker (``slot-...``) moves to a target
    at the start of its text, since neither writer labels a table row or a list item, and the
    ``\\hyperref`` of a paper's page or a speaker card must land on a label."""

    default_priority = 200
    formats = ("latex", "texinfo")

    def run(self, **kwargs: Any) -> None:
        """Move the slot ids of every schedule line of the document."""
        for block in list(self.document.findall(schedule_block)):
            for line in list(block.findall(lambda n: isinstance(n, (nodes.row, nodes.list_item)))):
                assert isinstance(line, nodes.Element)
                ids = [node_id for node_id in line["ids"] if node_id.startswith("slot-")]
                paragraph = next(line.findall(nodes.paragraph), None) if ids else None
                if paragraph is None:
                    continue
                if isinstance(line, nodes.row) and len(line.children) > 1:  # the item's cell, not the time's
                    paragraph = next(line.children[1].findall(nodes.paragraph), paragraph)
                line["ids"] = [node_id for node_id in line["ids"] if node_id not in ids]
                paragraph.insert(0, nodes.target("", "", ids=ids))


def _as_list(table: nodes.table) -> nodes.bullet_list:
    items = nodes.bullet_list(bullet="*", classes=["sw-schedule-list"])
    for body in table.findall(nodes.tbody):
        for row in body.children:
            when, what = row.children
            assert isinstance(when, nodes.entry) and isinstance(what, nodes.entry)
            line = nodes.paragraph()
            clock = when.children[0].children if when.children else []
            if clock:
                line.extend([*clock, nodes.Text(" — ")])
            rest = list(what.children)
            if rest and isinstance(rest[0], nodes.paragraph):
                line.extend(rest.pop(0).children)
            items += nodes.list_item("", line, *rest)
    return items
