"""The ``important-dates`` list and the ``phase`` banner.

``important-dates``: one ``name | label | date`` line per date (see :mod:`sphinx_workshop.dates.moments`).
``phase``: one ``before <name> | text`` or ``after <name> | text`` line per phase; the text is inline
markup (``{date}`` works in it). Which phase shows is settled when the page is written
(:mod:`sphinx_workshop.dates.transforms`): the last one whose condition holds.
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

from docutils import nodes
from docutils.parsers.rst import directives

from sphinx_workshop.anchors import own_ids
from sphinx_workshop.dates import moments
from sphinx_workshop.dates.moments import ANCHOR_PREFIX, DateRecord, past_stamp
from sphinx_workshop.dates.nodes import date_entry, dates_block, local_time, past_cue, phase_block, struck
from sphinx_workshop.directive_base import OptionSpec, WorkshopDirective
from sphinx_workshop.domains import dates_domain
from sphinx_workshop.i18n import _
from sphinx_workshop.schedule.nodes import clock_time

if TYPE_CHECKING:
    from sphinx.application import Sphinx

    from sphinx_workshop.dates.moments import DateLine


def calendar_name(text: str) -> bool:
    """A calendar file's name: ``[A-Za-z0-9_][A-Za-z0-9_.-]*.ics`` (no folder, ``#`` or ``?``)."""
    stem = text.removesuffix(".ics")
    return (
        text.endswith(".ics")
        and bool(stem)
        and stem.isascii()
        and stem[0] != "."
        and stem[0] != "-"
        and stem.replace("_", "").replace(".", "").replace("-", "").isalnum()
    )


class ImportantDatesDirective(WorkshopDirective):
    """A list of dates, each with its anchor (``date-<name>``), in the list's zone and the reader's."""

    option_spec = OptionSpec({"timezone": directives.unchanged, "ics": directives.unchanged})

    def render(self) -> list[nodes.Node]:
        """Parse the lines, store each date, and return the list with its calendar link."""
        zone = self._zone()
        domain = dates_domain(self.env)
        lines: list[DateLine] = []
        for index, raw in enumerate(self.content):
            if not raw.strip():
                continue
            line = self.content_line(index)
            try:
                parsed = moments.parse_line(raw, zone)
            except moments.DateProblem as problem:
                self.warn_at(problem.subtype, f"{problem}; the line is left out", line)
                continue
            for issue in parsed.problems:
                self.warn_at(issue.subtype, str(issue), line)
            if parsed.name in domain.names_in(self.env.docname):
                self.warn_at(
                    "duplicate_date", f"the date {parsed.name!r} is given again; the line is left out", line
                )
                continue
            domain.note_date(
                DateRecord(self.env.docname, line, parsed.name, parsed.label, parsed.moment, parsed.history)
            )
            lines.append(parsed)
        timed = any(parsed.moment.clock for parsed in lines)
        block = dates_block(timezone=zone if timed else "", docname=self.env.docname)
        block.source, block.line = self.get_source_info()
        if timed:
            block += self._zone_caption(zone)
        entries = nodes.bullet_list(classes=["sw-dates-list"])
        entries.extend(self._entry(parsed) for parsed in lines)
        block += entries
        if lines:
            path = self._ics_path()
            block["ics"] = path
            domain.note_calendar(self.env.docname, path, self.lineno)
            block["names"] = [parsed.name for parsed in lines]
            text = _("Add the dates to your calendar ({file})").format(file=posixpath.basename(path))
            link = nodes.reference("", text, refuri=path, classes=["sw-dates-ics"])
            block += nodes.paragraph("", "", link, classes=["sw-dates-calendar"])
        return [block]

    def _zone(self) -> str:
        try:
            return moments.parse_zone(self.options.get("timezone", ""))
        except moments.DateProblem as problem:
            self.warn_at(problem.subtype, str(problem), self.option_line("timezone"))
            return moments.AOE

    def _zone_caption(self, zone: str) -> list[nodes.Node]:
        if zone == moments.AOE:
            sentence = str(_("Deadlines are Anywhere on Earth (AoE, UTC-12)."))
        else:
            sentence = str(_("Times are in {zone}.")).format(zone=zone)
        local = local_time(
            "", str(_("Beside each, the time in")) + " ", tag="p", classes=["sw-schedule-zone"]
        )
        local += nodes.inline(
            "", moments.AOE_LABEL if zone == moments.AOE else zone, classes=["sw-schedule-zone-name"]
        )
        return [nodes.paragraph("", sentence, classes=["sw-dates-zone"]), local]

    def _entry(self, parsed: DateLine) -> date_entry:
        language = self.config.language
        moment = parsed.moment
        entry = own_ids(date_entry(ids=[ANCHOR_PREFIX + parsed.name], past_at=past_stamp(moment)))
        paragraph = nodes.paragraph()
        paragraph += nodes.inline("", parsed.label, classes=["sw-date-label"])
        paragraph += nodes.Text(": ")
        for old in parsed.history:
            paragraph += struck("", moments.shown(old, language), classes=["sw-date-old"])
            paragraph += nodes.Text(" → ")
        shown = moments.shown(moment, language)
        paragraph += nodes.inline("", shown, classes=["sw-date-when"])
        if moment.clock:
            local = local_time("", " (")
            local += clock_time("", shown, datetime=moment.iso(), abbr="")
            local += nodes.Text(")")
            paragraph += local
        paragraph += past_cue("", " " + str(_("(past)")))
        entry += paragraph
        return entry

    def _ics_path(self) -> str:
        name = self.options.get("ics", "").strip()
        default = posixpath.basename(self.env.docname) + "-dates.ics"
        if name and not calendar_name(name):
            self.warn_at(
                "bad_option",
                f":ics: {name!r} is not a plain file name ending in .ics; using {default!r}",
                self.option_line("ics"),
            )
            name = ""
        return posixpath.join(posixpath.dirname(self.env.docname), name or default)


class PhaseDirective(WorkshopDirective):
    """A banner whose text follows the dates: one ``before|after <name> | text`` line per phase."""

    def render(self) -> list[nodes.Node]:
        """One block per valid line; the build-time choice is made when the page is written."""
        banner = nodes.container(classes=["sw-phase"])
        banner.source, banner.line = self.get_source_info()
        names = set()
        for index, raw in enumerate(self.content):
            if not raw.strip():
                continue
            line = self.content_line(index)
            head, bar, text = raw.partition("|")
            try:
                if not bar or not text.strip():
                    raise moments.DateProblem(
                        "date_line", f"expected 'before|after <date> | text', got {raw.strip()!r}"
                    )
                condition = moments.parse_condition(head)
            except moments.DateProblem as problem:
                self.warn_at(problem.subtype, f"{problem}; the line is left out", line)
                continue
            block = phase_block(when=condition.when, name=condition.name)
            block.source, block.line = self.get_source_info()[0], line
            paragraph = nodes.paragraph()
            inline, messages = self.state.inline_text(text.strip(), line)
            paragraph.extend(inline)
            paragraph.source, paragraph.line = block.source, line
            block += [paragraph, *messages]
            banner += block
            names.add(condition.name)
        dates_domain(self.env).note_shown(self.env.docname, names)
        return [banner]


def add_directives(app: Sphinx) -> None:
    """Register ``important-dates`` and ``phase`` (also as ``dates:important-dates`` and ``dates:phase``)."""
    app.add_directive("important-dates", ImportantDatesDirective)
    app.add_directive("phase", PhaseDirective)
