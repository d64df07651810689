"""sphinx-workshop: Sphinx directives and roles for workshop sites.

It adds a ``papers`` domain (the ``references`` and ``paper`` directives, the ``cite`` and
``paper`` roles), organizer and speaker cards, and a schedule that follows the reader's time zone.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sphinx_workshop import accepted, anchors, config, dates, papers, people, repairs, schedule, sponsors
from sphinx_workshop.assets import STYLESHEET, add_assets
from sphinx_workshop.colon_fence import setup_colon_fence
from sphinx_workshop.directive_base import remember_source
from sphinx_workshop.i18n import MESSAGE_CATALOG
from sphinx_workshop.invalidation import setup_invalidation
from sphinx_workshop.slots import setup_slots

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.util.typing import ExtensionMetadata

__version__ = "1.0.0"

#: Bumped whenever what the extension stores on the environment changes shape, so that
#: Sphinx throws away pickled environments written by an older version.
# 2: card ids keep letters without an ASCII form; citation-place prefixes are injective; 3: BibTeX per entry
# 4: the dates domain
ENV_VERSION = 4


def setup(app: Sphinx) -> ExtensionMetadata:
    """Register the extension's message catalogs, config values, domains, directives, roles and assets."""
    app.add_message_catalog(MESSAGE_CATALOG, str(Path(__file__).parent / "locale"))
    app.connect("source-read", remember_source, priority=900)  # the text as parsed: after other handlers
    config.setup_config(app)
    setup_invalidation(app)
    setup_slots(app)  # shared: papers' and speakers' slots in the program
    papers.setup_papers(app)
    accepted.setup_accepted(app)
    people.setup_people(app)
    schedule.setup_schedule(app)
    sponsors.setup_sponsors(app)
    dates.setup_dates(app)
    add_assets(app, css=(STYLESHEET,))
    repairs.setup_repairs(app)
    anchors.setup_anchors(app)
    setup_colon_fence(app)
    return {
        "version": __version__,
        "env_version": ENV_VERSION,
        # Both claims are proven by the parallel (-j 2 equals -j 1) and incremental (equals clean)
        # tests of each feature under tests/papers, tests/people and tests/schedule.
        "parallel_read_safe": True,
        "parallel_write_safe": True,
    }
