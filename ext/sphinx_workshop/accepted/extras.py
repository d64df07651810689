"""A set's extras file: what organizers add to the accepted papers after the export.

The ``extras`` key of a ``papers_accepted`` set names a CSV file (UTF-8, a byte-order mark and Excel's
CRLF line ends accepted; comma, tab or semicolon between fields) keyed by the export's paper id, with the
columns of :data:`COLUMNS` (``id`` and any of the others, in any order, names in any case):

``id``
    The paper's id as the export writes it (an OpenReview note id, a CMT paper id, a MiniConf UID).
``poster``, ``slides``, ``video``, ``code``
    Absolute http(s) links, shown as links on the paper's page (never embedded).
``award``
    Shown on the paper's page ("Best Paper").
``session``
    Replaces the export's session (and so the paper's group when the set is grouped by session).

An empty cell leaves what the export gives. Problems are :class:`~.records.ExportProblem` records at the
extras file and line, with the ``extras_*`` subtypes of :data:`PROBLEMS`: the file is read as far as it
can be, and every paper shown with what is valid.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from sphinx_workshop.accepted.records import (
    EXTRA_LINKS,
    ExportBuilder,
    ExportProblem,
    Extras,
    label,
    one_line,
    shown,
)
from sphinx_workshop.accepted.tables import cell, read_table
from sphinx_workshop.links import is_safe_url
from sphinx_workshop.untrusted import clean_text

if TYPE_CHECKING:
    from pathlib import Path

    from sphinx_workshop.accepted.records import AcceptedPaper

#: The columns of an extras file (``id`` is required).
COLUMNS = ("id", "poster", "slides", "video", "code", "award", "session")
#: The subtypes of an extras file's problems, each with what it means and what was done.
PROBLEMS: dict[str, str] = {
    "extras_file": "the extras file cannot be read, does not decode as UTF-8 or is not well-formed CSV; "
    "nothing is applied",
    "extras_column": "the extras file has no id column (nothing is applied) or a column it does not know "
    "(ignored)",
    "extras_row": "an extras row cannot be read (wrong number of fields, no id) or repeats an earlier "
    "row's id; it is skipped",
    "extras_unknown": "an extras row names an id no accepted paper of the export has; it is skipped",
    "extras_value": "an extras link that is not an absolute http(s) link; it is left out",
}
#: The problems of the shared CSV reader (:func:`.tables.read_table`), as the extras file's.
_TABLE_PROBLEMS = {"export_syntax": "extras_file", "export_row": "extras_row"}


class PaperExtras(NamedTuple):
    """One row of an extras file: what it adds to the paper *id* (``""`` where it adds nothing)."""

    id: str
    extras: Extras
    session: str
    #: The 1-based line the row starts at.
    row: int
    source: str


class ExtrasFile(NamedTuple):
    """What :func:`read_extras` read from one file: the rows in order (one per id) and the problems."""

    rows: tuple[PaperExtras, ...]
    problems: tuple[ExportProblem, ...]


def read_extras(path: Path) -> ExtrasFile:
    """The rows of the extras file at *path* and the problems found in it; never raises on bad input."""
    source = str(path)
    problems: list[ExportProblem] = []

    def problem(subtype: str, row: int, message: str) -> None:
        assert subtype in PROBLEMS, subtype
        problems.append(ExportProblem(subtype, source, row, clean_text(message)))

    try:
        data = path.read_bytes()
    except OSError as error:
        problem(
            "extras_file",
            0,
            f"The extras file cannot be read ({error.strerror or error}); no extras are applied.",
        )
        return ExtrasFile((), tuple(problems))
    try:
        text = data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        problem(
            "extras_file",
            line,
            f"The byte at offset {error.start} (line {line}) is not valid UTF-8; no extras are applied. Save "
            "the file as UTF-8.",
        )
        return ExtrasFile((), tuple(problems))
    shared = ExportBuilder(source, "extras")
    table = read_table(text, shared)
    problems.extend(p._replace(subtype=_TABLE_PROBLEMS[p.subtype]) for p in shared.problems)
    if table is None:
        return ExtrasFile((), tuple(problems))
    if not table.has("id"):
        problem(
            "extras_column",
            1,
            f'The extras file has no "id" column (it has {table.found()}); no extras are applied.',
        )
        return ExtrasFile((), tuple(problems))
    for name in table.header:
        if name.lower() not in COLUMNS:
            problem(
                "extras_column",
                1,
                f"The extras file's column {shown(name)} is not one of {', '.join(COLUMNS)}; it is ignored.",
            )
    rows: list[PaperExtras] = []
    first: dict[str, int] = {}
    for line, row in table.rows:
        paper_id = one_line(cell(row, "id"))
        where = label(f"Line {line}", paper_id)
        if not paper_id:
            problem("extras_row", line, f"Line {line} has no id; the row is skipped.")
            continue
        if paper_id in first:
            problem(
                "extras_row",
                line,
                f"{where} repeats the id of line {first[paper_id]}; the later row is skipped.",
            )
            continue
        first[paper_id] = line
        links = {}
        for name in EXTRA_LINKS:
            url = clean_text(cell(row, name)).strip()
            if url and not is_safe_url(url, schemes=frozenset({"http", "https"})):
                problem(
                    "extras_value",
                    line,
                    f'{where}, column "{name}": {shown(url)} is not an absolute http(s) link; the paper is '
                    "shown without it.",
                )
                url = ""
            links[name] = url
        extras = Extras(award=one_line(cell(row, "award")), **links)
        rows.append(PaperExtras(paper_id, extras, one_line(cell(row, "session")), line, source))
    return ExtrasFile(tuple(rows), tuple(problems))


def apply_extras(
    papers: tuple[AcceptedPaper, ...], extras: ExtrasFile
) -> tuple[tuple[AcceptedPaper, ...], tuple[ExportProblem, ...]]:
    """*papers* with the extras of their ids applied (a non-empty value replaces the export's), and a
    problem for each row whose id no paper has."""
    by_id = {row.id: row for row in extras.rows}
    applied = []
    for paper in papers:
        row = by_id.pop(paper.id, None)
        if row is None:
            applied.append(paper)
            continue
        merged = Extras(*(new or old for new, old in zip(row.extras, paper.extras, strict=True)))
        applied.append(paper._replace(extras=merged, session=row.session or paper.session))
    problems = tuple(
        ExportProblem(
            "extras_unknown",
            row.source,
            row.row,
            clean_text(
                f"Line {row.row}: no accepted paper of the export has the id {shown(row.id)}; the row is "
                "skipped."
            ),
        )
        for row in by_id.values()
    )
    return tuple(applied), problems
