"""Decoding an export's bytes and splitting a CSV or TSV export into rows, with their line numbers.

Bytes that do not decode in the given encoding are one ``export_encoding`` problem (the byte offset and
its line) and nothing is read from the file: decoding with replacement characters would put "�" into
titles and names on the site without anyone noticing. A byte-order mark (Excel's "CSV UTF-8", OpenReview's
exports) is dropped. The delimiter is the one of comma, tab and semicolon (Excel's CSV in locales whose
decimal mark is a comma) that the header line holds most of. A row whose number of fields differs from
the header's is skipped (``export_row``); blank lines are ignored.
"""

from __future__ import annotations

import csv
import io
from typing import NamedTuple

from sphinx_workshop.accepted.records import ExportBuilder
from sphinx_workshop.untrusted import clean_text


class Table(NamedTuple):
    """A CSV file's header (as written) and its rows: (first line of the row, lower-cased column -> value)."""

    header: tuple[str, ...]
    rows: tuple[tuple[int, dict[str, str]], ...]

    def has(self, *columns: str) -> bool:
        """Whether the header holds every one of *columns* (compared in lower case)."""
        names = {name.lower() for name in self.header}
        return all(column in names for column in columns)

    def found(self) -> str:
        """The header's columns, for a message."""
        return ", ".join(f'"{name}"' for name in self.header) or "none"


def decode(data: bytes, encoding: str, builder: ExportBuilder) -> str | None:
    """*data* decoded (without a byte-order mark), or None and a problem when it does not decode."""
    try:
        text = data.decode(encoding)
    except LookupError:
        builder.problem(
            "export_encoding", 0, f'"{encoding}" is not an encoding Python knows; nothing was read.'
        )
        return None
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        builder.problem(
            "export_encoding",
            line,
            f"The byte at offset {error.start} (line {line}) is not valid {encoding}; nothing was read "
            "from the file. Save it as UTF-8, or give its encoding.",
        )
        return None
    return text.removeprefix("\ufeff")


def _delimiter(text: str) -> str:
    first = text.split("\n", 1)[0]
    return max((",", "\t", ";"), key=first.count)


def read_table(text: str, builder: ExportBuilder) -> Table | None:
    """The rows of the CSV or TSV *text*, or None and a problem when it is not well-formed CSV."""
    # NUL is a control character every value loses anyway (clean_text); Python 3.10's csv module
    # refuses a line holding one, 3.11's reads it: removed first, both read the same rows.
    text = text.replace("\x00", "")
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(text))
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    names: tuple[str, ...] = ()
    end = 0
    try:
        for fields in reader:
            start, end = end + 1, reader.line_num
            if not any(field.strip() for field in fields):
                continue
            if header is None:
                header = tuple(clean_text(name).removeprefix("\ufeff").strip() for name in fields)
                names = tuple(name.lower() for name in header)
                continue
            if len(fields) != len(header):
                builder.problem(
                    "export_row",
                    start,
                    f"Line {start} has {len(fields)} fields where the header has {len(header)}; the row "
                    "is skipped.",
                )
                continue
            rows.append((start, dict(zip(names, fields, strict=True))))
    except csv.Error as error:
        builder.problem(
            "export_syntax",
            reader.line_num,
            f"The file is not well-formed CSV at line {reader.line_num} ({error}); nothing was read from it.",
        )
        return None
    return Table(header or (), tuple(rows))


def cell(row: dict[str, str], *columns: str) -> str:
    """The value of the first of *columns* (lower case) that *row* has, stripped; ``""`` if none."""
    for column in columns:
        value = row.get(column)
        if value is not None:
            return value.strip()
    return ""


def split_list(text: str, separators: str) -> tuple[str, ...]:
    """*text* split at the first of *separators* it holds, each item stripped, empty items dropped."""
    separator = next((s for s in separators if s in text), None)
    items = text.split(separator) if separator else [text]
    return tuple(item.strip() for item in items if item.strip())
