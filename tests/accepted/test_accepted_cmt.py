"""Microsoft CMT's Submissions export: the Excel workbook (one sheet per track), or CSV/TSV saved from
it; ``Name (Affiliation)*`` authors, statuses, subject areas; e-mails and questions never read."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest

from sphinx_workshop.accepted import AcceptedPaper, Author, ExportProblem, read_export
from sphinx_workshop.accepted.cmt import split_authors

DATA = Path(__file__).parent / "data"

HEADER = [
    "Paper ID",
    "Paper Title",
    "Abstract",
    "Authors",
    "Author Names",
    "Author Emails",
    "Track Name",
    "Primary Subject Area",
    "Secondary Subject Areas",
    "Status",
    "Q1 (Is this paper under review elsewhere?)",
]


def workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """Write an .xlsx as CMT's "Export to Excel > Submissions" lays it out: a header row, one per paper."""
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        sheet = book.create_sheet(title)
        for row in rows:
            sheet.append(row)
    book.save(path)
    return path


def test_the_csv_saved_from_excel_gives_the_accepted_papers():
    path = DATA / "cmt_submissions.csv"
    export = read_export(path)
    assert export.papers == (
        AcceptedPaper(
            id="12",
            key="cmt-12",
            title="Learned Index Structures Revisited",
            authors=(
                Author("Ann Lee", "University of X (Y Campus)", contact=True),
                Author("BO KIM", "Google"),  # capitals shown as written
                Author("Chen Wei", "MIT"),
            ),
            abstract="Indexes are models.\nSecond paragraph.",
            keywords=("Systems -> Databases", "Learning -> Indexes", "Systems -> Storage"),
            tldr="",
            decision="Accept",
            track="Main Track",
            session="",
            pdf="",
            forum="",
            venue="",
            row=2,
            source=str(path),
        ),
        # Reject, Withdrawn and Awaiting Decision are left out; "Poster" is the venue's own acceptance.
        AcceptedPaper(
            id="16",
            key="cmt-16",
            title="Accepted as Poster",
            authors=(Author("Ed Poster"), Author("Fi Two", "Lab (A); Lab B", contact=True)),
            abstract="Short.",
            keywords=("Learning",),
            tldr="",
            decision="Poster",
            track="Demo Track",
            session="",
            pdf="",
            forum="",
            venue="",
            row=7,
            source=str(path),
        ),
        AcceptedPaper(
            id="17",
            key="cmt-17",
            title="Broken Authors",
            authors=(Author("Gil Open (Unclosed Lab; Hu Two (MIT)"),),
            abstract="",
            keywords=(),
            tldr="",
            decision="Accept",
            track="",
            session="",
            pdf="",
            forum="",
            venue="",
            row=8,
            source=str(path),
        ),
    )
    assert export.problems == (
        ExportProblem(
            "export_value",
            str(path),
            8,
            'Line 8 (paper 17): the authors "Gil Open (Unclosed Lab; Hu Two (MIT)" have parentheses that do '
            "not balance; they are shown as one name.",
        ),
    )
    assert "@" not in repr(export.papers)


def test_the_tab_delimited_export_reads_the_same():
    export = read_export(DATA / "cmt_submissions.tsv")
    assert export.problems == ()
    assert [(p.key, p.title, p.authors[0], p.track) for p in export.papers] == [
        (
            "cmt-12",
            "Learned Index Structures Revisited",
            Author("Ann Lee", "University of X (Y Campus)", True),
            "Main Track",
        )
    ]


def test_a_workbook_reads_every_sheet_with_its_name_as_the_track(tmp_path):
    path = workbook(
        tmp_path / "Submissions.xlsx",
        {
            "Research Track": [
                HEADER,
                [
                    21,
                    "Learned Schedulers",
                    "Abstract\nhere.",
                    "ANN LEE (MIT)*",
                    "",
                    "ann@mit.edu",
                    None,
                    "Systems",
                    "A; B",
                    "Accept",
                    "No",
                ],
                [22, "Rejected", "", "Bo Kim (X)*", "", "", None, "", "", "Reject", "No"],
            ],
            "Demos": [
                HEADER,
                [None, None],  # a blank row
                [31, "A Demo", None, "Cy Dee (Lab)*; Di Eff", "", "", "Demo Papers", "", "", "Accept", "Yes"],
            ],
        },
    )
    export = read_export(path)
    assert export.problems == ()
    assert export.papers == (
        AcceptedPaper(
            id="21",
            key="cmt-21",
            title="Learned Schedulers",
            authors=(Author("ANN LEE", "MIT", contact=True),),
            abstract="Abstract\nhere.",
            keywords=("Systems", "A", "B"),
            tldr="",
            decision="Accept",
            track="Research Track",
            session="",
            pdf="",
            forum="",
            venue="",
            row=2,
            source=str(path),
        ),
        AcceptedPaper(
            id="31",
            key="cmt-31",
            title="A Demo",
            authors=(Author("Cy Dee", "Lab", contact=True), Author("Di Eff")),
            abstract="",
            keywords=(),
            tldr="",
            decision="Accept",
            track="Demo Papers",  # the Track Name column says otherwise than the sheet
            session="",
            pdf="",
            forum="",
            venue="",
            row=3,
            source=str(path),
        ),
    )


def test_a_single_sheet_is_not_a_track_and_author_names_alone_are_read(tmp_path):
    path = workbook(
        tmp_path / "CameraReady.xlsx",
        {
            "Sheet1": [
                ["Paper ID", "Paper Title", "Author Names", "Status"],
                [5, "T", "Ann Lee*; Bo Kim", "Accept"],
            ]
        },
    )
    export = read_export(path)
    assert [(p.id, p.track, p.authors) for p in export.papers] == [
        ("5", "", (Author("Ann Lee", "", True), Author("Bo Kim")))
    ]


def test_a_sheet_without_the_paper_id_column_is_named(tmp_path):
    path = workbook(
        tmp_path / "Submissions.xlsx",
        {
            "Main": [HEADER, [1, "Kept", "", "A (B)", "", "", None, "", "", "Accept", ""]],
            "Notes": [["Remark"], ["x"]],
        },
    )
    export = read_export(path)
    assert [p.id for p in export.papers] == ["1"]
    assert export.problems == (
        ExportProblem(
            "export_column",
            str(path),
            0,
            'Sheet "Notes": The CMT export has no "Paper ID" column (it has "Remark"); nothing was read from '
            "the sheet.",
        ),
    )


@pytest.mark.parametrize(
    ("text", "authors"),
    [
        ("Ann Lee (Univ. of X (Y Campus))*", (Author("Ann Lee", "Univ. of X (Y Campus)", True),)),
        ("  ANN LEE*  ;  Bo Kim (MIT) ", (Author("ANN LEE", "", True), Author("Bo Kim", "MIT"))),
        ("Ann Lee (A; B); Bo Kim", (Author("Ann Lee", "A; B"), Author("Bo Kim"))),
        ("Ann Lee (X", (Author("Ann Lee (X"),)),
        ("Ann Lee) (X)", (Author("Ann Lee) (X)"),)),
    ],
)
def test_split_authors(text, authors):
    assert split_authors(text)[0] == authors
