"""Where calendar files may go: never over a page, a folder or an extra file, and never left stale.

Once every document is read (``env-updated``), each calendar name is checked against the names the
builder's own output takes: the pages (``x.html``, or ``x/index.html`` in dirhtml) and their folders,
and the files of ``html_extra_path``. A clash is a located ``workshop.ics_clash`` warning and the
calendar is neither written nor linked. A calendar the previous build of this output wrote and no
schedule names any more is deleted.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from sphinx_workshop.diagnostics import doc_line, warn
from sphinx_workshop.outputs import taken_names
from sphinx_workshop.schedule.domain import ScheduleDomain
from sphinx_workshop.schedule.ics import writes_calendars

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def check_calendar_names(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: refuse calendar names the output already uses; delete calendars no longer named."""
    domain = env.domains["schedule"]
    assert isinstance(domain, ScheduleDomain)
    domain.blocked_calendars = set()
    if not writes_calendars(app.builder):
        return
    calendars = [record for record in domain.all_records() if domain.writes_calendar(record)]
    taken = taken_names(app) if calendars else {}  # a walk over every page: only when there is a calendar
    wanted: set[str] = set()
    for record in calendars:
        if record.ics in taken:
            what = taken[record.ics]
            clash = (
                f"would overwrite {what!r} of the output (a page or an extra file)"
                if what == record.ics
                else f"is the name of a folder of the output (holding {what!r})"
            )
            warn(
                logger,
                "ics_clash",
                f"calendar file {record.ics!r} {clash}; it is neither written nor linked",
                location=doc_line(env, record.docname, record.lineno),
            )
            domain.blocked_calendars.add(record.ics)
            continue
        wanted.add(record.ics)
    key = f"{app.builder.name}:{app.builder.outdir}"
    written: dict[str, list[str]] = domain.data.setdefault("written", {})
    for stale in set(written.get(key, ())) - wanted:
        path = Path(app.builder.outdir, *stale.split("/"))
        if path.is_file():
            path.unlink()
    written[key] = sorted(wanted)
