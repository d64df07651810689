"""Microsoft CMT's "Submissions" and "Camera Ready Submissions" exports: Excel, or CSV/TSV saved from it.

Shape (CMT's help, "Chair how-to: Export Data", cmt3.research.microsoft.com/docs/help/chair/
export-files.html): one sheet per track in multi-track conferences, with the columns ``Paper ID``,
``Created``, ``Last Modified``, ``Paper Title``, ``Abstract``, ``Primary Contact Author Name`` and
``... Email``, ``Authors``, ``Author Names``, ``Author Emails``, ``Track Name``, ``Primary Subject
Area``, ``Secondary Subject Areas``, ``Conflicts``, ``Domains``, review counts, ``Status``,
``Requested For Camera Ready``, ``Files``..., plus one per question of the submission form
(``Q1 (...)``). Read here: the id, title, abstract, authors, track, subject areas (the keywords), status
and, when a venue added one, ``Session``; e-mails, conflicts, domains, review data and questions never.

``Authors`` is ``Name (Affiliation)*; Name (Affiliation)``: ``;`` between authors (not inside
parentheses), the affiliation in the last parenthesised group (it may hold parentheses of its own:
``Ann Lee (Univ. of X (Y Campus))``), ``*`` marking the primary contact. Names are kept as written (CMT
exports some in capitals). Without ``Authors``, ``Author Names`` (names only) is read. Parentheses that
do not balance keep the whole string as one name (``export_value``).

``Status`` is read with :func:`is_accepted` ("Accept", the venue's own labels; "Reject", "Withdrawn",
"Awaiting Decision" are left out); without it every row is a paper. A workbook of several sheets takes
each sheet's name as its papers' track unless ``Track Name`` gives one. Saved as CSV by Excel, the
first column is ``\\ufeffPaper ID`` (the byte-order mark is dropped).
"""

from __future__ import annotations

import io
from typing import Any

from sphinx_workshop.accepted.records import Author, Export, ExportBuilder, is_accepted, label, shown
from sphinx_workshop.accepted.tables import Table, cell, split_list
from sphinx_workshop.untrusted import clean_text

Row = tuple[int, str, dict[str, str], str]  # line or sheet row, where, values, the sheet's track


def split_authors(text: str) -> tuple[tuple[Author, ...], bool]:
    """The authors of a CMT ``Authors`` cell, and whether its parentheses balance (if not: one name)."""
    entries, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                break
        elif char == ";" and depth == 0:
            entries.append(text[start:index])
            start = index + 1
    if depth != 0:
        return (Author(text.strip()),), False
    entries.append(text[start:])
    authors = []
    for entry in entries:
        entry = entry.strip()
        contact = entry.endswith("*")
        entry = entry.rstrip("*").strip()
        name, affiliation = entry, ""
        if entry.endswith(")"):
            level = 0
            for index in range(len(entry) - 1, -1, -1):
                level += {")": 1, "(": -1}.get(entry[index], 0)
                if level == 0:
                    name, affiliation = entry[:index].strip(), entry[index + 1 : -1].strip()
                    break
        contact = contact or name.endswith("*")
        if name.rstrip("*").strip():
            authors.append(Author(name.rstrip("*").strip(), affiliation, contact))
    return tuple(authors), True


def read_cmt_table(table: Table, builder: ExportBuilder) -> Export:
    """The accepted papers of a CMT export saved as CSV or TSV."""
    if not _has_columns(table.header, builder, ""):
        return builder.result()
    return _read(builder, [(line, f"Line {line}", row, "") for line, row in table.rows], table.has("status"))


def _has_columns(header: tuple[str, ...], builder: ExportBuilder, sheet: str) -> bool:
    names = {name.lower() for name in header}
    for column in ("Paper ID", "Paper Title"):
        if column.lower() not in names:
            found = ", ".join(f'"{name}"' for name in header if name) or "none"
            builder.problem(
                "export_column",
                0,
                f'{sheet}The CMT export has no "{column}" column (it has {found}); nothing was read'
                f"{' from the sheet' if sheet else ''}.",
            )
            return False
    return True


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # Excel stores the paper id 12 as 12.0
    return clean_text(str(value))


def read_cmt_workbook(data: bytes, builder: ExportBuilder) -> Export:
    """The accepted papers of a CMT export as an Excel workbook (every sheet; read-only)."""
    import openpyxl  # imported here: only a workbook needs it

    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:  # openpyxl raises many types (zip, XML, key errors) for a broken file
        builder.problem(
            "export_format",
            0,
            f"The file cannot be opened as an Excel workbook ({type(error).__name__}: {error}); nothing was "
            "read.",
        )
        return builder.result()
    rows: list[Row] = []
    with_status = False
    try:
        sheets = workbook.worksheets
        for sheet in sheets:
            title = clean_text(sheet.title)
            label = f'Sheet "{title}": ' if len(sheets) > 1 else ""
            header: tuple[str, ...] | None = None
            for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
                texts = [_cell_text(value) for value in values]
                if not any(text.strip() for text in texts):
                    continue
                if header is None:
                    header = tuple(text.removeprefix("\ufeff").strip() for text in texts)
                    if not _has_columns(header, builder, label):
                        break
                    with_status = with_status or "status" in {name.lower() for name in header}
                    continue
                # Cells past the header's (an unnamed column) are not read; a short row reads as "".
                values_by_name = {
                    name.lower(): text for name, text in zip(header, texts, strict=False) if name
                }
                where = f'Sheet "{title}", row {number}' if len(sheets) > 1 else f"Row {number}"
                rows.append((number, where, values_by_name, title if len(sheets) > 1 else ""))
    except Exception as error:  # a workbook whose parts are broken fails while its rows are read
        builder.problem(
            "export_format",
            0,
            f"The workbook cannot be read ({type(error).__name__}: {error}); nothing was read.",
        )
        return builder.result()
    finally:
        workbook.close()
    return _read(builder, rows, with_status)


def _read(builder: ExportBuilder, rows: list[Row], with_status: bool) -> Export:
    for number, where, row, sheet_track in rows:
        status = cell(row, "status")
        if with_status and not is_accepted(status):
            continue  # rejected, withdrawn or awaiting a decision: not a problem
        text = cell(row, "authors", "author details")
        if text:
            authors, balanced = split_authors(text)
        else:  # names only
            names = split_list(cell(row, "author names"), ";")
            authors, balanced = tuple(Author(n.rstrip("*").strip(), "", n.endswith("*")) for n in names), True
        if not balanced:
            builder.problem(
                "export_value",
                number,
                f"{label(where, cell(row, 'paper id'))}: the authors {shown(text)} have parentheses that do "
                "not balance; they are shown as one name.",
            )
        builder.add(
            number,
            where,
            paper_id=cell(row, "paper id"),
            title=cell(row, "paper title"),
            authors=authors,
            abstract=cell(row, "abstract"),
            keywords=(
                cell(row, "primary subject area"),
                *split_list(cell(row, "secondary subject areas"), ";"),
            ),
            decision=status,
            track=cell(row, "track name") or sheet_track,
            session=cell(row, "session"),
        )
    return builder.result()
