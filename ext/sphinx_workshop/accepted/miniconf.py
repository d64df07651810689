"""MiniConf's ``papers.csv`` and the plain CSV this extension documents for any other source.

MiniConf (github.com/Mini-Conf/Mini-Conf, ``sitedata/README.md`` and ``sitedata/papers.csv``): columns
``UID,title,authors,abstract,keywords,sessions`` (its own sample file names the last one ``session``;
both are read), optionally ``pdf_url`` and the extras columns below; ``|`` between the items of
``authors``, ``keywords`` and ``sessions`` (several sessions are joined as "S1, S3"). It states no
decisions: every row is a paper. Key: ``miniconf-<UID>``.

The plain CSV, for any other source (a spreadsheet of the accepted papers), has the columns:

``id`` (required)
    The paper's id; its key is ``paper-<id>``.
``title`` (required)
``authors``
    Names separated by ``;``.
``abstract``
    Markdown, ``$TeX$`` allowed.
``keywords``
    Separated by ``;``, or by ``,`` when there is no ``;``.
``decision``
    Optional: when any row has one, rows whose decision does not accept (see
    :func:`~sphinx_workshop.accepted.records.is_accepted`) and rows without one are left out.
``session``, ``track``, ``tldr``
    Optional.
``pdf``
    An absolute http(s) link.

Both also read the columns of a set's extras file (:mod:`sphinx_workshop.accepted.extras`) when they
are there: ``poster``, ``slides``, ``video`` and ``code`` (absolute http(s) links) and ``award``.
"""

from __future__ import annotations

from sphinx_workshop.accepted.records import EXTRA_LINKS, Author, Export, ExportBuilder, Extras, is_accepted
from sphinx_workshop.accepted.tables import Table, cell, split_list


def _missing(table: Table, builder: ExportBuilder, kind: str, columns: tuple[str, ...]) -> bool:
    for column in columns:
        if not table.has(column.lower()):
            builder.problem(
                "export_column",
                0,
                f'The {kind} has no "{column}" column (it has {table.found()}); nothing was read.',
            )
            return True
    return False


def _extras(row: dict[str, str]) -> Extras:
    """The extras columns of *row* (those it lacks are empty)."""
    return Extras(award=cell(row, "award"), **{name: cell(row, name) for name in EXTRA_LINKS})


def read_miniconf(table: Table, builder: ExportBuilder) -> Export:
    """The papers of a MiniConf ``papers.csv``."""
    if _missing(table, builder, "MiniConf papers.csv", ("UID", "title")):
        return builder.result()
    for line, row in table.rows:
        builder.add(
            line,
            f"Line {line}",
            paper_id=cell(row, "uid"),
            title=cell(row, "title"),
            authors=tuple(Author(name) for name in split_list(cell(row, "authors"), "|")),
            abstract=cell(row, "abstract"),
            keywords=split_list(cell(row, "keywords"), "|"),
            session=", ".join(split_list(cell(row, "sessions", "session"), "|")),
            pdf=cell(row, "pdf_url"),
            extras=_extras(row),
        )
    return builder.result()


def read_plain_csv(table: Table, builder: ExportBuilder) -> Export:
    """The accepted papers of a plain CSV (the columns of this module's docstring)."""
    if _missing(table, builder, "CSV file", ("id", "title")):
        return builder.result()
    any_decision = any(cell(row, "decision") for _, row in table.rows)
    for line, row in table.rows:
        decision = cell(row, "decision")
        if any_decision and not is_accepted(decision):
            continue
        builder.add(
            line,
            f"Line {line}",
            paper_id=cell(row, "id"),
            title=cell(row, "title"),
            authors=tuple(Author(name) for name in split_list(cell(row, "authors"), ";")),
            abstract=cell(row, "abstract"),
            keywords=split_list(cell(row, "keywords"), ";,"),
            tldr=cell(row, "tldr"),
            decision=decision,
            track=cell(row, "track"),
            session=cell(row, "session"),
            pdf=cell(row, "pdf"),
            extras=_extras(row),
        )
    return builder.result()
