"""The schedule feature: the ``schedule`` and ``event`` directives, the iCalendar file, the JSON-LD.

Modules: ``times`` (dates, clock times, zones), ``nodes`` (custom nodes and their visitors),
``directives``, ``domain`` (per-document records), ``ics`` (the calendar file), ``outputs`` (where
calendars may go, and stale ones removed), ``jsonld``
(schema.org Event) and ``transforms`` (the calendar link per builder, a list in plain text).
``static/sphinx-workshop/schedule.js`` shows the times in the visitor's zone.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_workshop.assets import add_assets
from sphinx_workshop.schedule.directives import add_directives
from sphinx_workshop.schedule.domain import ScheduleDomain, event_pages_to_rewrite
from sphinx_workshop.schedule.ics import write_calendars
from sphinx_workshop.schedule.nodes import add_nodes
from sphinx_workshop.schedule.outputs import check_calendar_names
from sphinx_workshop.schedule.transforms import CalendarLinks, PrintedSlotTargets, TextScheduleList

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["setup_schedule"]


def setup_schedule(app: Sphinx) -> None:
    """Register the schedule domain, nodes, directives, post-transform, calendar writer and assets."""
    app.add_domain(ScheduleDomain)
    add_nodes(app)
    add_directives(app)
    app.add_post_transform(CalendarLinks)
    app.add_post_transform(TextScheduleList)
    app.add_post_transform(PrintedSlotTargets)
    app.connect("env-updated", event_pages_to_rewrite)
    app.connect("env-updated", check_calendar_names)
    app.connect("doctree-resolved", write_calendars)
    add_assets(app, js=("schedule.js",))
