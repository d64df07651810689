"""Bad input never raises: each problem is located at its file and row, says what was done, and the
rest of the file is read."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import openpyxl

from sphinx_workshop.accepted import PROBLEMS, ExportProblem, read_export


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems(path: Path, **options: str) -> list[tuple[str, int, str]]:
    export = read_export(path, **options)
    assert all(problem.source == str(path) for problem in export.problems)
    return [(p.subtype, p.row, p.message) for p in export.problems]


def test_an_unknown_format_name(tmp_path):
    path = write(tmp_path, "papers.csv", "id,title\n1,T\n")
    export = read_export(path, format="easychair")
    assert export.papers == ()
    assert export.problems == (
        ExportProblem(
            "export_format",
            str(path),
            0,
            '"easychair" is not an export format (they are "auto", "openreview", "openreview-csv", "cmt", '
            '"miniconf", "csv"); nothing was read.',
        ),
    )


def test_columns_of_no_known_format(tmp_path):
    path = write(tmp_path, "papers.csv", "Name,Paper\nAnn,T\n")
    assert read_export(path).papers == ()
    assert problems(path) == [
        (
            "export_format",
            0,
            'The file\'s columns ("Name", "Paper") are those of no export format this reads (OpenReview, '
            "CMT, MiniConf, or the plain CSV with id and title); nothing was read. Name the format.",
        )
    ]


def test_a_missing_required_column_names_it_and_the_columns_found(tmp_path):
    path = write(tmp_path, "papers.csv", "id,name,authors\n1,T,A\n")
    assert read_export(path, format="csv").papers == ()
    assert problems(path, format="csv") == [
        (
            "export_column",
            0,
            'The CSV file has no "title" column (it has "id", "name", "authors"); nothing was read.',
        )
    ]
    cmt = write(tmp_path, "cmt.csv", "\ufeffPaper ID,Title\n1,T\n")
    assert problems(cmt) == [
        (
            "export_column",
            0,
            'The CMT export has no "Paper Title" column (it has "Paper ID", "Title"); nothing was read.',
        )
    ]
    miniconf = write(tmp_path, "papers2.csv", "uid,name\n1,T\n")
    assert problems(miniconf, format="miniconf") == [
        (
            "export_column",
            0,
            'The MiniConf papers.csv has no "title" column (it has "uid", "name"); nothing was read.',
        )
    ]


def test_a_duplicate_id_skips_the_later_row_naming_the_first(tmp_path):
    path = write(tmp_path, "papers.csv", "id,title\n7,First\n8,Other\n7,Again\n")
    assert [(p.id, p.title) for p in read_export(path).papers] == [("7", "First"), ("8", "Other")]
    assert problems(path) == [
        ("export_duplicate", 4, "Line 4 (paper 7) has the id of Line 2; the later paper is skipped."),
    ]


def test_ids_that_differ_only_in_case_share_a_key_and_the_later_is_skipped(tmp_path):
    path = write(
        tmp_path,
        "notes.json",
        '[{"id": "AbC", "content": {"title": "One"}}, {"id": "abc", "content": {"title": "Two"}}]',
    )
    assert [p.key for p in read_export(path).papers] == ["openreview-abc"]
    assert problems(path) == [
        (
            "export_duplicate",
            2,
            "Note 2 (paper abc) has the key openreview-abc of Note 1 (paper AbC), ids that differ only in "
            "case or punctuation; the later paper is skipped.",
        )
    ]


def test_an_empty_title_or_id_skips_the_paper(tmp_path):
    path = write(tmp_path, "papers.csv", "id,title\n1,  \n,No id\n3,Kept\n")
    assert [p.id for p in read_export(path).papers] == ["3"]
    assert problems(path) == [
        ("export_value", 2, "Line 2 (paper 1) has an empty title; the paper is skipped."),
        ("export_value", 3, "Line 3 has no id; the paper is skipped."),
    ]


def test_authors_that_do_not_split_are_kept_as_one_name(tmp_path):
    path = write(tmp_path, "cmt.csv", 'Paper ID,Paper Title,Authors\n4,T,"Ann Lee (MIT))*; Bo Kim (X)"\n')
    export = read_export(path)
    assert [a.name for a in export.papers[0].authors] == ["Ann Lee (MIT))*; Bo Kim (X)"]
    assert problems(path) == [
        (
            "export_value",
            2,
            'Line 2 (paper 4): the authors "Ann Lee (MIT))*; Bo Kim (X)" have parentheses that do not '
            "balance; they are shown as one name.",
        )
    ]


def test_links_that_are_not_absolute_http_are_left_out(tmp_path):
    path = write(
        tmp_path,
        "papers.csv",
        "id,title,pdf\n1,A,javascript:alert(1)\n2,B,papers/b.pdf\n3,C,/pdf/abc.pdf\n4,D,http://example.org/d.pdf\n",
    )
    assert [(p.id, p.pdf) for p in read_export(path).papers] == [
        ("1", ""),
        ("2", ""),
        ("3", ""),
        ("4", "http://example.org/d.pdf"),
    ]
    message = (
        "Line {} (paper {}): the PDF link {} is not an absolute http(s) link; the paper is shown without it."
    )
    assert problems(path) == [
        ("export_value", 2, message.format(2, 1, '"javascript:alert(1)"')),
        ("export_value", 3, message.format(3, 2, '"papers/b.pdf"')),
        # OpenReview's /pdf/ paths are linked only in OpenReview's exports.
        ("export_value", 4, message.format(4, 3, '"/pdf/abc.pdf"')),
    ]


def test_bytes_that_do_not_decode_read_nothing_and_say_where(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_bytes(b"id,title\n1,Caf\xe9\n2,Fine\n")
    assert read_export(path).papers == ()
    assert problems(path) == [
        (
            "export_encoding",
            2,
            "The byte at offset 14 (line 2) is not valid utf-8; nothing was read from the file. Save it as "
            "UTF-8, or give its encoding.",
        )
    ]
    assert [p.title for p in read_export(path, encoding="latin-1").papers] == ["Café", "Fine"]
    assert problems(path, encoding="klingon") == [
        ("export_encoding", 0, '"klingon" is not an encoding Python knows; nothing was read.')
    ]


def test_a_row_with_too_many_or_too_few_fields_is_skipped(tmp_path):
    path = write(tmp_path, "papers.csv", 'id,title,authors\n1,A,Ann\n2,"B, too",many,fields\n\n3,C\n4,D,Di\n')
    assert [p.id for p in read_export(path).papers] == ["1", "4"]
    assert problems(path) == [
        ("export_row", 3, "Line 3 has 4 fields where the header has 3; the row is skipped."),
        ("export_row", 5, "Line 5 has 2 fields where the header has 3; the row is skipped."),
    ]


def test_a_field_past_the_csv_limit_is_a_syntax_problem(tmp_path):
    path = write(tmp_path, "papers.csv", 'id,title,abstract\n1,A,"' + "x" * 200_000 + '"\n')
    assert read_export(path).papers == ()
    assert problems(path) == [
        (
            "export_syntax",
            2,
            "The file is not well-formed CSV at line 2 (field larger than field limit (131072)); nothing was "
            "read from it.",
        )
    ]


def test_invalid_json_gives_its_line_and_column(tmp_path):
    path = write(tmp_path, "notes.json", '[\n  {"id": "a",\n   "content": {"title": "T"},\n]\n')
    assert read_export(path).papers == ()
    assert problems(path) == [
        (
            "export_syntax",
            4,
            "The file is not valid JSON: Expecting property name enclosed in double quotes at line 4, "
            "column 1; nothing was read from it.",
        )
    ]


def test_json_with_a_number_too_long_to_convert_is_a_syntax_problem(tmp_path):
    path = write(tmp_path, "notes.json", '[{"id": "a", "content": {"title": "T", "n": ' + "1" * 5000 + "}}]")
    assert read_export(path).papers == ()
    [(subtype, row, message)] = problems(path)
    assert (subtype, row) == ("export_syntax", 0)
    # Python's own message names the limit ("(4300 digits)" from 3.11, "(4300)" in 3.10)
    assert message.startswith("The file cannot be read as JSON (Exceeds the limit (4300")
    assert message.endswith("); nothing was read.")
    assert message.endswith("); nothing was read.")


def test_json_that_is_not_a_list_of_notes(tmp_path):
    path = write(tmp_path, "notes.json", '{"count": 0}')
    assert problems(path) == [
        ("export_format", 0, "The file holds a JSON dict, not a list of OpenReview notes; nothing was read.")
    ]


def test_notes_that_are_not_objects_or_have_content_of_the_wrong_type_are_skipped(tmp_path):
    path = write(
        tmp_path,
        "notes.json",
        '["a string", {"id": "n2", "content": ["title"]},'
        ' {"id": "n3", "content": {"title": {"value": ["a", "list"]}}},'
        ' {"id": "n4", "content": {"title": "T4", "authors": "Ann Lee"}},'
        ' {"id": "n5", "content": {"title": "T5", "keywords": {"value": 5}, "pdf": 7}},'
        ' {"id": "n6", "content": {"title": "T6"}}]',
    )
    export = read_export(path)
    assert [(p.id, p.keywords, p.pdf) for p in export.papers] == [("n5", (), ""), ("n6", (), "")]
    assert problems(path) == [
        ("export_row", 1, "Note 1 is a JSON str, not an object; it is skipped."),
        ("export_row", 2, "Note 2 has no content object; it is skipped."),
        ("export_row", 3, 'Note 3 (paper n3): "title" is not text; the note is skipped.'),
        ("export_row", 4, 'Note 4 (paper n4): "authors" is not a list; the note is skipped.'),
        (
            "export_value",
            5,
            'Note 5 (paper n5): "keywords" is neither a list of words nor text; the paper is shown '
            "without it.",
        ),
        # A number where the PDF's path should be is no link either.
        (
            "export_value",
            5,
            'Note 5 (paper n5): the PDF link "7" is not an absolute http(s) link; the paper is shown '
            "without it.",
        ),
    ]


def test_a_pdf_that_is_not_text_is_left_out(tmp_path):
    path = write(tmp_path, "notes.json", '[{"id": "n1", "content": {"title": "T", "pdf": {"value": ["a"]}}}]')
    assert [(paper.id, paper.pdf) for paper in read_export(path).papers] == [("n1", "")]
    assert problems(path) == [
        ("export_value", 1, 'Note 1 (paper n1): "pdf" is not text; the paper is shown without it.')
    ]


def test_an_openreview_csv_without_a_title_or_an_id_reads_nothing(tmp_path):
    untitled = write(tmp_path, "untitled.csv", "id,name,authors\n1,T,A\n")
    unnamed = write(tmp_path, "unnamed.csv", "title,authors\nT,A\n")
    assert read_export(untitled, format="openreview-csv").papers == ()
    assert problems(untitled, format="openreview-csv") == [
        (
            "export_column",
            0,
            'The OpenReview CSV has no "title" column (it has "id", "name", "authors"); nothing was read.',
        )
    ]
    assert problems(unnamed, format="openreview-csv") == [
        (
            "export_column",
            0,
            'The OpenReview CSV has no "id (or forum, or number)" column (it has "title", "authors"); '
            "nothing was read.",
        )
    ]


def test_a_file_that_cannot_be_read(tmp_path):
    assert problems(tmp_path / "missing.json") == [
        ("export_file", 0, "The file cannot be read (No such file or directory); nothing was read.")
    ]


def test_a_broken_workbook(tmp_path):
    path = tmp_path / "Submissions.xlsx"
    path.write_bytes(b"PK\x03\x04 not really a zip archive")
    assert read_export(path).papers == ()
    [(subtype, row, message)] = problems(path)
    assert (subtype, row) == ("export_format", 0)
    assert message.startswith("The file cannot be opened as an Excel workbook (BadZipFile: ")
    assert message.endswith("); nothing was read.")


def test_a_workbook_whose_sheet_breaks_while_its_rows_are_read(tmp_path):
    # It opens (read-only, sheets are parsed lazily), then its sheet's XML ends in the middle.
    book = openpyxl.Workbook()
    book.active.append(["Paper ID", "Paper Title"])
    book.active.append([1, "T"])
    book.save(tmp_path / "whole.xlsx")
    path = tmp_path / "Submissions.xlsx"
    with zipfile.ZipFile(tmp_path / "whole.xlsx") as whole, zipfile.ZipFile(path, "w") as cut:
        for name in whole.namelist():
            data = whole.read(name)
            cut.writestr(
                name, data[: data.index(b"</sheetData>")] if name.startswith("xl/worksheets/") else data
            )
    assert read_export(path).papers == ()
    [(subtype, row, message)] = problems(path)
    assert (subtype, row) == ("export_format", 0)
    assert message.startswith("The workbook cannot be read (ParseError: ")
    assert message.endswith("); nothing was read.")


def test_a_workbook_is_read_as_cmt_only_if_no_other_format_is_named(tmp_path):
    book = openpyxl.Workbook()
    book.active.append(["id", "title"])
    book.active.append(["p1", "T"])
    book.save(tmp_path / "papers.xlsx")
    path = tmp_path / "papers.xlsx"
    assert read_export(path, format="csv").papers == ()
    # Read as text, it is not UTF-8 (where the first bad byte is depends on the archive's time stamps).
    [(subtype, _row, message)] = problems(path, format="csv")
    assert subtype == "export_encoding"
    assert message.endswith(
        " is not valid utf-8; nothing was read from the file. Save it as UTF-8, or give its encoding."
    )


def test_the_openreview_format_named_reads_json_whatever_the_suffix(tmp_path):
    path = write(tmp_path, "notes.txt", '[{"id": "n1", "content": {"title": "T"}}]')
    export = read_export(path, format="openreview")
    assert [(paper.key, paper.title) for paper in export.papers] == [("openreview-n1", "T")]
    assert export.problems == ()


def test_an_old_excel_workbook_is_named(tmp_path):
    path = tmp_path / "Submissions.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
    assert problems(path) == [
        (
            "export_format",
            0,
            "The file is an Excel 97-2003 workbook (.xls), which cannot be read; nothing was read. Save it "
            "as .xlsx or as CSV UTF-8.",
        )
    ]


def test_html_and_control_characters(tmp_path):
    path = write(
        tmp_path, "papers.csv", 'id,title,abstract\n1,"<i>Fast</i> & <b>safe\x1b[31m</b>","a\x00b <br>"\n'
    )
    [paper] = read_export(path).papers
    assert (paper.title, paper.abstract) == ("<i>Fast</i> & <b>safe[31m</b>", "ab <br>")


def test_every_problem_subtype_is_tested():
    here = Path(__file__).parent
    text = "".join(path.read_text(encoding="utf-8") for path in here.glob("test_accepted_*.py"))
    tested = set(re.findall(r'"(export_[a-z]+)"', text))
    assert sorted(set(PROBLEMS) - tested) == []
