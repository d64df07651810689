"""OpenReview's CSV exports: the program chairs' console and the documented "custom export".

The PC console's paper-status export (openreview-web, ``components/webfield/ProgramChairConsole/
PaperStatusMenuBar.js`` and ``components/ExportFile.js``): a UTF-8 byte-order mark, an unquoted header,
every value quoted, a missing value written ``undefined``. Its columns: ``number``, ``forum`` (the URL
``https://openreview.net/forum?id=<id>``), ``title``, ``abstract``, then review statistics (``num
Reviewers``, ``min rating``, ``average confidence``... never read), the meta-review recommendations,
``decision`` ("No Decision" until one is posted) and the venue's own columns. It has no authors: the
papers are read without them (one ``export_column`` problem says so).

The custom export (docs.openreview.net, "How to create a custom submission export"): a pandas
``to_csv`` of each note's content values plus ``number``, so list values (``authors``, ``keywords``)
are Python list literals (``['Ann Lee', 'Bo Kim']``, read with :func:`ast.literal_eval`); it may hold
``id``, ``pdf`` (``/pdf/<sha1>.pdf``), ``TLDR``, ``venue``, ``venueid`` and ``decision``.

The paper's id is the ``id`` column, else the forum's id, else ``number`` (its key then
``openreview-<number>``, and a ``/pdf/...`` path is linked as ``https://openreview.net/pdf/...``). The
decision is the ``decision`` column, else ``venueid`` (as for the JSON
notes); with neither, every row is a paper.
"""

from __future__ import annotations

import ast
from urllib.parse import parse_qs, quote, urlsplit

from sphinx_workshop.accepted.openreview import SITE, venueid_accepts
from sphinx_workshop.accepted.records import Author, Export, ExportBuilder, is_accepted, label, shown
from sphinx_workshop.accepted.tables import Table, cell, split_list


def _forum_id(value: str) -> str:
    if "://" not in value:
        return value
    ids = parse_qs(urlsplit(value).query).get("id")
    return ids[0] if ids else ""


def _list(value: str, separators: str) -> tuple[tuple[str, ...], bool]:
    """A list cell: a Python list literal of strings, else text split at *separators*; and whether it
    read as written (an unclosed literal is not).
    """
    if not value.startswith("["):
        return split_list(value, separators), True
    try:
        parsed = ast.literal_eval(value)
    except (ValueError, SyntaxError, MemoryError, RecursionError):
        return (value,), False
    if isinstance(parsed, list) and all(isinstance(item, str) for item in parsed):
        return tuple(parsed), True
    return (value,), False


def read_openreview_csv(table: Table, builder: ExportBuilder) -> Export:
    """The accepted papers of an OpenReview CSV export."""
    if not table.has("title") or not (table.has("id") or table.has("forum") or table.has("number")):
        missing = "title" if not table.has("title") else "id (or forum, or number)"
        builder.problem(
            "export_column",
            0,
            f'The OpenReview CSV has no "{missing}" column (it has {table.found()}); nothing was read.',
        )
        return builder.result()
    if not table.has("authors"):
        builder.problem(
            "export_column",
            0,
            'The file has no "authors" column (OpenReview\'s paper-status export has none); the papers '
            "are shown without authors.",
        )
    rows = []
    for line, raw in table.rows:
        # The console writes a missing value as the word "undefined".
        row = {name: "" if value == "undefined" else value for name, value in raw.items()}
        decision, venueid = cell(row, "decision"), cell(row, "venueid")
        if decision:
            verdict: tuple[bool, str] | None = (is_accepted(decision), decision)
        elif venueid:
            verdict = (venueid_accepts(venueid), cell(row, "venue") or "Accept")
        else:
            verdict = None
        rows.append((line, row, verdict))
    any_decision = any(verdict is not None for *_, verdict in rows)
    for line, row, verdict in rows:
        if any_decision and (verdict is None or not verdict[0]):
            continue
        _add(builder, line, row, verdict[1] if verdict else "")
    return builder.result()


def _add(builder: ExportBuilder, line: int, row: dict[str, str], decision: str) -> None:
    forum = _forum_id(cell(row, "forum"))
    paper_id = cell(row, "id") or forum or cell(row, "number")
    where = label(f"Line {line}", paper_id)
    names, as_written = _list(cell(row, "authors"), ",;")
    if not as_written:
        builder.problem(
            "export_value",
            line,
            f"{where}: the authors {shown(names[0])} are not a list; they are shown as one name.",
        )
    keywords, as_written = _list(cell(row, "keywords"), ",;")
    if not as_written:
        keywords = ()
        builder.problem(
            "export_value", line, f"{where}: the keywords are not a list; the paper is shown without them."
        )
    forum = forum or cell(row, "id")
    pdf = cell(row, "pdf")
    if pdf.startswith("/pdf/"):
        # Linked by the note's id when the file has it; else OpenReview's own path to the file.
        pdf = f"{SITE}/pdf?id={quote(forum, safe='')}" if forum else SITE + pdf
    builder.add(
        line,
        f"Line {line}",
        paper_id=paper_id,
        title=cell(row, "title"),
        authors=tuple(Author(name) for name in names),
        abstract=cell(row, "abstract"),
        keywords=keywords,
        tldr=cell(row, "tldr", "tl;dr"),
        decision=decision,
        pdf=pdf,
        forum=f"{SITE}/forum?id={quote(forum, safe='')}" if forum else "",
        venue=cell(row, "venue"),
    )
