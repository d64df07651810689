"""Important dates: the ``important-dates`` list, the ``{date}`` role, the ``phase`` banner.

Modules: ``moments`` (lines, moments, conditions; pure), ``nodes`` (custom nodes and HTML visitors),
``directives``, ``domain`` (dates per document, ``{date}`` resolved, pages written again when a date
changes or passes), ``transforms`` (past dates and the phase at the build's moment) and ``calendar``
(the ``.ics``). The reader's zone comes from the schedule's ``schedule.js``; ``dates.js`` (a page
script, on pages with dates) marks past dates and switches phases by the reader's clock.
It builds on the schedule's public parts: its time parsing, its calendar writer and its zone switch.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from sphinx_workshop.dates.calendar import write_calendars
from sphinx_workshop.dates.directives import add_directives
from sphinx_workshop.dates.domain import DateRole, DatesDomain, on_env_updated, on_warn_missing_reference
from sphinx_workshop.dates.nodes import add_nodes, add_page_assets
from sphinx_workshop.dates.transforms import DatesAtBuildTime

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["setup_dates"]


def setup_dates(app: Sphinx) -> None:
    """Register the dates domain, nodes, directives and role (also without prefix), transform and files."""
    app.add_domain(DatesDomain)
    add_nodes(app)
    add_directives(app)
    app.add_role("date", DateRole())
    app.add_post_transform(DatesAtBuildTime)
    app.connect("env-updated", on_env_updated)
    app.connect("warn-missing-reference", on_warn_missing_reference)
    app.connect("doctree-resolved", write_calendars)
    app.connect("html-page-context", add_page_assets)
