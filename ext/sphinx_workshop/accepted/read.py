"""Reading an export file: detecting its format, then handing it to that format's reader.

``format="auto"`` decides by the file: an Excel workbook (``.xlsx``/``.xlsm``, or a ZIP archive's
signature) is CMT's; ``.json``, or text that starts with ``[`` or ``{``, is OpenReview's notes; any
other text is read as CSV or TSV and told by its header: ``Paper ID`` or ``Paper Title`` is CMT's,
``UID`` with ``title`` MiniConf's, ``forum`` with ``number`` (or ``number`` with ``authorids`` or
``venueid``) OpenReview's, ``id`` with ``title`` the plain CSV. A format named explicitly
(:data:`FORMATS`) is read as that format whatever the file's name.
"""

from __future__ import annotations

from pathlib import Path

from sphinx_workshop.accepted.cmt import read_cmt_table, read_cmt_workbook
from sphinx_workshop.accepted.miniconf import read_miniconf, read_plain_csv
from sphinx_workshop.accepted.openreview import read_openreview_json
from sphinx_workshop.accepted.openreview_csv import read_openreview_csv
from sphinx_workshop.accepted.records import Export, ExportBuilder
from sphinx_workshop.accepted.tables import Table, decode, read_table

#: The format names :func:`read_export` takes, each with the prefix of its papers' keys.
FORMATS: dict[str, str] = {
    "auto": "",
    "openreview": "openreview",
    "openreview-csv": "openreview",
    "cmt": "cmt",
    "miniconf": "miniconf",
    "csv": "paper",
}

_ZIP = b"PK\x03\x04"
#: The signature of the OLE2 files of Excel 97-2003 (.xls), which openpyxl does not read.
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_TABLE_READERS = {
    "openreview-csv": read_openreview_csv,
    "cmt": read_cmt_table,
    "miniconf": read_miniconf,
    "csv": read_plain_csv,
}


def detect_table(table: Table) -> str | None:
    """The format of a CSV export told by its header, or None."""
    if table.has("paper id") or table.has("paper title"):
        return "cmt"
    if table.has("uid", "title"):
        return "miniconf"
    if table.has("forum", "number") or table.has("number", "authorids") or table.has("number", "venueid"):
        return "openreview-csv"
    if table.has("id", "title"):
        return "csv"
    return None


def read_export(path: Path, *, format: str = "auto", encoding: str = "utf-8") -> Export:
    """The accepted papers of the review system's export at *path*, and the problems found in it.

    *format* is ``"auto"`` or one of :data:`FORMATS`; *encoding* that of a text file. Bad input never
    raises: each problem is an :class:`~sphinx_workshop.accepted.records.ExportProblem`, and the papers
    that could be read are returned.
    """
    source = str(path)
    if format not in FORMATS:
        builder = ExportBuilder(source, "paper")
        names = ", ".join(f'"{name}"' for name in FORMATS)
        builder.problem(
            "export_format", 0, f'"{format}" is not an export format (they are {names}); nothing was read.'
        )
        return builder.result()
    try:
        data = path.read_bytes()
    except OSError as error:
        builder = ExportBuilder(source, "paper")
        builder.problem(
            "export_file", 0, f"The file cannot be read ({error.strerror or error}); nothing was read."
        )
        return builder.result()
    if data.startswith(_OLE2):
        builder = ExportBuilder(source, "cmt")
        builder.problem(
            "export_format",
            0,
            "The file is an Excel 97-2003 workbook (.xls), which cannot be read; nothing was read. Save it "
            "as .xlsx or as CSV UTF-8.",
        )
        return builder.result()
    workbook = data.startswith(_ZIP)
    if format == "auto" and (workbook or path.suffix.lower() in {".xlsx", ".xlsm"}):
        format = "cmt"
    if format == "cmt" and workbook:
        return read_cmt_workbook(data, ExportBuilder(source, "cmt"))
    builder = ExportBuilder(source, FORMATS[format] or "paper")
    text = decode(data, encoding, builder)
    if text is None:
        return builder.result()
    if format == "openreview" or (
        format == "auto" and (path.suffix.lower() == ".json" or text.lstrip()[:1] in {"[", "{"})
    ):
        builder.prefix = "openreview"
        return read_openreview_json(text, builder)
    table = read_table(text, builder)
    if table is None:
        return builder.result()
    if format == "auto":
        detected = detect_table(table)
        if detected is None:
            builder.problem(
                "export_format",
                0,
                f"The file's columns ({table.found()}) are those of no export format this reads (OpenReview, "
                "CMT, MiniConf, or the plain CSV with id and title); nothing was read. Name the format.",
            )
            return builder.result()
        format = detected
        builder.prefix = FORMATS[format]
    return _TABLE_READERS[format](table, builder)
