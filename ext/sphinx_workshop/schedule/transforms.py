"""Post-transforms of a schedule per builder: the calendar link, and a list instead of a table in text."""

from __future__ import annotations

from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.osutil import relative_uri

from sphinx_workshop.schedule.ics import writes_calendars
from sphinx_workshop.schedule.nodes import schedule_block

CALENDAR_CLASS = "sw-schedule-calendar"
TABLE_CLASS = "sw-schedule-table"


class CalendarLinks(SphinxPostTransform):
    """Make each calendar link relative to the page as this builder writes it (html, dirhtml, singlehtml)."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        """Rewrite or remove every calendar link of the document."""
        for paragraph in list(self.document.findall(nodes.paragraph)):
            if CALENDAR_CLASS not in paragraph["classes"]:
                continue
            if not writes_calendars(self.app.builder):
                paragraph.parent.remove(paragraph)
                continue
            page = self.app.builder.get_target_uri(self.env.docname)
            for link in paragraph.findall(nodes.reference):
                link["refuri"] = relative_uri(page, link["refuri"])


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
