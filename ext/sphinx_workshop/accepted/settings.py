"""The ``papers_accepted`` config value: which exports become accepted-papers pages, and how.

``papers_accepted`` maps the folder of a set's pages (relative to the source folder) to its export,
either as the export's path or as a dict of :data:`KEYS`::

    papers_accepted = {"papers": "exports/accepted.csv"}
    papers_accepted = {"papers": {"export": "exports/cmt.xlsx", "group-by": "session", "year": "2020"}}
    papers_accepted = {"papers": {"export": "exports/accepted.csv", "extras": "exports/extras.csv"}}

The value's shape is checked on ``config-inited`` (:mod:`sphinx_workshop.config`); each set's keys are
checked by :func:`accepted_sets`, which warns (``workshop.config``, at the line of ``conf.py``) about an
unknown key or a bad value and uses the default instead.
"""

from __future__ import annotations

import codecs
import posixpath
import re
from typing import TYPE_CHECKING, Any, NamedTuple
from urllib.parse import quote

from sphinx.util import logging

from sphinx_workshop.accepted.read import FORMATS
from sphinx_workshop.config import add_checked_value, conf_location
from sphinx_workshop.diagnostics import warn
from sphinx_workshop.links import is_safe_url

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: How an index groups its papers (and how a paper's previous and next are found).
GROUPINGS = ("decision", "session", "track", "none")
#: A set's keys, each with what it means (``export`` is required).
KEYS: dict[str, str] = {
    "export": "the export's path, relative to the source folder",
    "format": f"the export's format: {', '.join(FORMATS)} (default auto)",
    "encoding": "the encoding of a text export (default utf-8)",
    "group-by": f"how the index groups the papers: {', '.join(GROUPINGS)} (default decision)",
    "venue": "the venue the papers' BibTeX and metadata name (default: the project's name)",
    "year": "the year of the papers (default: the first year in the venue's name)",
    "key-prefix": "the prefix of the papers' citing keys, before the export's id (default: the format's: "
    "openreview, cmt, miniconf or paper); give each set its own when two exports share ids",
    "pdf-url": "the PDF link of a paper the export gives none (a CMT export never does): an http(s) URL "
    "in which {id} stands for the paper's id, as https://example.org/papers/{id}.pdf",
    "extras": "a CSV file of what organizers add to the papers (id, poster, slides, video, code, award, "
    "session), relative to the source folder",
}
_FOLDER = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]*(/[A-Za-z0-9_][A-Za-z0-9_.-]*)*")
_PREFIX = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
_WEB = frozenset({"http", "https"})
_YEAR = re.compile(r"\b(1[89]\d\d|2\d\d\d)\b")


class AcceptedSet(NamedTuple):
    """One entry of ``papers_accepted``, checked."""

    #: The folder of the generated pages, relative to the source folder, with ``/`` (the set's name).
    folder: str
    export: str
    format: str
    encoding: str
    group_by: str
    venue: str
    year: str
    #: "" for the format's own prefix.
    key_prefix: str = ""
    #: The PDF link of a paper the export gives none, ``{id}`` standing for its id; "" for none.
    pdf_url: str = ""
    #: The extras file's path, relative to the source folder; "" when the set has none.
    extras: str = ""


def _shape(value: Any) -> bool:
    """Whether *value* is a dict of folder names to a path or a dict with string values."""
    return isinstance(value, dict) and all(
        isinstance(folder, str)
        and (
            isinstance(spec, str)
            or (
                isinstance(spec, dict)
                and all(isinstance(k, str) and isinstance(v, str) for k, v in spec.items())
            )
        )
        for folder, spec in value.items()
    )


def setup_settings(app: Sphinx) -> None:
    """Declare ``papers_accepted``."""
    add_checked_value(
        app,
        "papers_accepted",
        {},
        types=frozenset({dict}),
        description="Accepted papers from review-system exports: the folder of a set's generated pages "
        "(relative to the source folder) -> the export's path, or a dict with 'export' and optionally "
        f"{', '.join(repr(k) for k in KEYS if k != 'export')}.",
        check=_shape,
        expected="a dict of folder names to an export path or a dict of strings",
    )


def accepted_sets(app: Sphinx) -> list[AcceptedSet]:
    """The sets of ``papers_accepted``, each key checked; a bad set or value warns and is left out or
    replaced by its default."""
    sets = []
    where = conf_location(app, "papers_accepted")
    folders: set[str] = set()
    for raw_folder, raw in dict(app.config.papers_accepted).items():
        spec = {"export": raw} if isinstance(raw, str) else dict(raw)
        folder = raw_folder.strip().strip("/")
        if not _FOLDER.fullmatch(folder) or ".." in folder.split("/"):
            _bad(
                where,
                f"the folder {raw_folder!r} is not a relative path of letters, digits, '.', '_' and '-'; "
                "the set is left out",
            )
            continue
        if folder.casefold() in folders:
            _bad(where, f"the folder {raw_folder!r} is given twice; the second set is left out")
            continue
        folders.add(folder.casefold())
        for key in spec.keys() - KEYS.keys():
            _bad(
                where,
                f"papers_accepted[{raw_folder!r}]: unknown key {key!r} (known: {', '.join(KEYS)}); ignored",
            )
        export = spec.get("export", "").strip()
        if not export:
            _bad(where, f"papers_accepted[{raw_folder!r}] names no export ('export'); the set is left out")
            continue
        fmt = spec.get("format", "auto").strip() or "auto"
        if fmt not in FORMATS:
            _bad(
                where,
                f"papers_accepted[{raw_folder!r}]: unknown format {fmt!r} ({', '.join(FORMATS)}); using auto",
            )
            fmt = "auto"
        encoding = spec.get("encoding", "utf-8").strip() or "utf-8"
        try:
            codecs.lookup(encoding)
        except LookupError:
            _bad(where, f"papers_accepted[{raw_folder!r}]: unknown encoding {encoding!r}; using utf-8")
            encoding = "utf-8"
        group_by = spec.get("group-by", "decision").strip() or "decision"
        if group_by not in GROUPINGS:
            _bad(
                where,
                f"papers_accepted[{raw_folder!r}]: 'group-by' {group_by!r} is not one of "
                f"{', '.join(GROUPINGS)}; using decision",
            )
            group_by = "decision"
        venue = " ".join(spec.get("venue", "").split()) or str(app.config.project)
        year = spec.get("year", "").strip()
        if year and not _YEAR.fullmatch(year):
            _bad(where, f"papers_accepted[{raw_folder!r}]: 'year' {year!r} is not a year; it is left out")
            year = ""
        if not year and (found := _YEAR.search(venue)):
            year = found[0]
        prefix = spec.get("key-prefix", "").strip()
        if prefix and not _PREFIX.fullmatch(prefix):
            _bad(
                where,
                f"papers_accepted[{raw_folder!r}]: 'key-prefix' {prefix!r} is not lower-case letters and "
                "digits joined by '-'; the format's prefix is used",
            )
            prefix = ""
        pdf_url = spec.get("pdf-url", "").strip()
        if pdf_url and ("{id}" not in pdf_url or not is_safe_url(pdf_url_for(pdf_url, "1"), schemes=_WEB)):
            _bad(
                where,
                f"papers_accepted[{raw_folder!r}]: 'pdf-url' {pdf_url!r} is not an absolute http(s) URL "
                "holding {id}; the papers have no PDF link but the export's",
            )
            pdf_url = ""
        sets.append(
            AcceptedSet(
                posixpath.normpath(folder),
                export.lstrip("/"),
                fmt,
                encoding,
                group_by,
                venue,
                year,
                prefix,
                pdf_url,
                spec.get("extras", "").strip().lstrip("/"),
            )
        )
    return sets


def pdf_url_for(template: str, paper_id: str) -> str:
    """The PDF link *template* gives the paper *paper_id* (its id percent-encoded, ``/`` too)."""
    return template.replace("{id}", quote(paper_id, safe=""))


def _bad(where: str | None, message: str) -> None:
    warn(logger, "config", message, location=where)
