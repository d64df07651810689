"""When a page is written: which dates are past and which phase shows, at the build's moment.

The build's moment is ``SOURCE_DATE_EPOCH`` or the clock. HTML keeps every phase (the others
``hidden``) and every "(past)" cue (``hidden`` while not past), which ``dates.js`` switches by the
reader's clock; other builders keep only what holds at the build's moment. The calendar link is made
relative to the page as the builder writes it, and removed where no calendar is written. A resolved
``{date}`!name``` keeps the date's text and loses its link.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import quote

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.osutil import relative_uri

from sphinx_workshop.dates import moments
from sphinx_workshop.dates.domain import NO_LINK, build_moment
from sphinx_workshop.dates.nodes import date_entry, past_cue, phase_block
from sphinx_workshop.diagnostics import node_line, warn
from sphinx_workshop.domains import dates_domain
from sphinx_workshop.schedule.ics import writes_calendars

logger = logging.getLogger(__name__)

CALENDAR_CLASS = "sw-dates-calendar"


class DatesAtBuildTime(SphinxPostTransform):
    """Mark past dates, choose each banner's phase, and fix or drop the calendar link."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        """Apply the build's moment to every list and banner of the document."""
        now = build_moment()
        html = self.app.builder.format == "html"
        for entry in self.document.findall(date_entry):
            past = now >= datetime.fromisoformat(entry["past_at"].replace("Z", "+00:00"))
            entry["past"] = past
            for cue in list(entry.findall(past_cue)):
                cue["past"] = past
                if not (past or html):
                    cue.parent.remove(cue)
        for banner in list(self.document.findall(nodes.container)):
            if "sw-phase" in banner["classes"]:
                self._choose(banner, now, html)
        self._calendar_links()
        if dates_domain(self.env).data["refs"].get(self.env.docname):  # the page shows dates
            for ref in list(self.document.findall(nodes.reference)):
                if ref.get(NO_LINK):
                    ref.replace_self(ref.children)

    def _choose(self, banner: nodes.container, now: datetime, html: bool) -> None:
        dates = dates_domain(self.env).dates
        chosen = None
        for block in list(banner.findall(phase_block)):
            record = dates.get(block["name"])
            if record is None:
                warn(
                    logger,
                    "date_unknown",
                    f"no important date named {block['name']!r} in the phase; the phase is left out",
                    location=node_line(block),
                )
                banner.remove(block)
                continue
            block["past_at"] = moments.past_stamp(record.moment)
            condition = moments.Condition(block["when"], block["name"])
            if moments.holds(condition, record.moment.past_at(), now):
                chosen = block
        for block in list(banner.findall(phase_block)):
            block["chosen"] = block is chosen
            if not (html or block is chosen):
                banner.remove(block)

    def _calendar_links(self) -> None:
        for paragraph in list(self.document.findall(nodes.paragraph)):
            if CALENDAR_CLASS not in paragraph["classes"]:
                continue
            if not writes_calendars(self.app.builder):
                paragraph.parent.remove(paragraph)
                continue
            page = quote(self.app.builder.get_target_uri(self.env.docname), safe="/")
            for link in paragraph.findall(nodes.reference):
                link["refuri"] = relative_uri(page, quote(link["refuri"], safe="/"))
