"""The project's bibliography: the .bib files ``papers_bibfiles`` names, read once per change.

The files are read on ``env-get-outdated`` (before any page is read, in the main process, so
parallel readers inherit the result) when their signature (path, modification time and size of
each) differs from the one kept in the environment; their entries are kept there too, so a build
whose files are unchanged never parses them. The pages holding a project list are then read again
(they also declare the files with ``note_dependency``). Problems in the files are warnings at
``<file>.bib:<line>``; a file that is missing or outside the source folder warns at the line of
``conf.py`` that sets ``papers_bibfiles`` (Sphinx does not record where a config value was set, so
it is found by name; without ``conf.py``, or set with ``-D``, the warning has no location).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from sphinx_workshop.config import conf_location
from sphinx_workshop.diagnostics import warn
from sphinx_workshop.domains import papers_domain
from sphinx_workshop.papers.directives import OUTSIDE, project_files, project_paths, read_entries

if TYPE_CHECKING:
    from collections.abc import Set

    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

    from sphinx_workshop.papers.records import Row

logger = logging.getLogger(__name__)

#: (relative name, absolute path, mtime in ns, size) per file; -1 for a file that cannot be read.
Signature = tuple[tuple[str, str, int, int], ...]


def signature(env: BuildEnvironment) -> Signature:
    """What the project's bibliography was read from: a change of any part means reading it again."""
    parts = []
    for name in project_files(env):
        path = Path(env.srcdir, name)
        try:
            stat = path.stat()
            parts.append((name, str(path), stat.st_mtime_ns, stat.st_size))
        except OSError:
            parts.append((name, str(path), -1, -1))
    return (*parts, ("", env.config.papers_bibtex_encoding, 0, 0))


def read_project(app: Sphinx, env: BuildEnvironment) -> tuple[Row, ...]:
    """The entries of ``papers_bibfiles`` (docname and list left empty), warning about every problem."""
    paths = []
    for name, path, why in project_paths(env):
        if why == OUTSIDE:
            warn(
                logger,
                "bibfile_outside",
                f"papers_bibfiles: {name!r} is {OUTSIDE}; it is not read",
                location=conf_location(app, "papers_bibfiles"),
            )
        elif why:
            warn(
                logger,
                "bibfile_missing",
                f"papers_bibfiles: cannot read {name!r}: {why}",
                location=conf_location(app, "papers_bibfiles"),
            )
        else:
            paths.append(path)
    records = read_entries(
        paths,
        str(env.config.papers_bibtex_encoding),
        encoding_hint="papers_bibtex_encoding",
        location=conf_location(app, "papers_bibfiles"),
        docname="",
        list_id="",
        lineno=0,
    )
    return tuple(map(tuple, records))


def project_lists(env: BuildEnvironment) -> set[str]:
    """The documents holding a list of the project's bibliography."""
    lists: dict[str, Any] = papers_domain(env).data["lists"]
    return {docname for docname, records in lists.items() if any(record.project for record in records)}


def on_env_get_outdated(
    app: Sphinx, env: BuildEnvironment, added: Set[str], changed: Set[str], removed: Set[str]
) -> list[str]:
    """Read the project's bibliography if it changed; its lists' pages are then read again."""
    domain = papers_domain(env)
    current = signature(env)
    stored = domain.data.get("project")
    if stored is not None and stored[0] == current:
        return []
    domain.data["project"] = (current, read_project(app, env) if env.config.papers_bibfiles else ())
    return sorted(project_lists(env) - set(removed))
