"""OpenReview's CSV exports: the PC console's paper-status file (BOM, quoted values, ``undefined``,
no authors, review statistics never read) and the documented custom export (Python list literals)."""

from __future__ import annotations

from pathlib import Path

from sphinx_workshop.accepted import AcceptedPaper, Author, ExportProblem, read_export

DATA = Path(__file__).parent / "data"


def test_the_console_export_gives_the_accepted_papers_without_authors():
    path = DATA / "openreview_console.csv"
    export = read_export(path)
    assert export.papers == (
        AcceptedPaper(
            id="Xk3vL9pQ2a",
            key="openreview-xk3vl9pq2a",
            title="Learned Cost Models for Tensor Programs",
            authors=(),
            abstract='Two lines,\nwith "quotes".',
            keywords=(),
            tldr="",
            decision="Accept (Oral)",
            track="",
            session="",
            pdf="",
            forum="https://openreview.net/forum?id=Xk3vL9pQ2a",
            venue="",
            row=2,
            source=str(path),
        ),
        # Line 3 is the first paper's abstract's second line, line 4 rejected, line 5 has "No Decision".
        AcceptedPaper(
            id="Pst3r00000",
            key="openreview-pst3r00000",
            title="A Poster",
            authors=(),
            abstract="",  # written "undefined" by the console
            keywords=(),
            tldr="",
            decision="Accept (Poster)",
            track="",
            session="",
            pdf="",
            forum="https://openreview.net/forum?id=Pst3r00000",
            venue="",
            row=6,
            source=str(path),
        ),
    )
    assert export.problems == (
        ExportProblem(
            "export_column",
            str(path),
            0,
            'The file has no "authors" column (OpenReview\'s paper-status export has none); the papers are '
            "shown without authors.",
        ),
    )


def test_the_custom_export_reads_list_literals_and_the_venue_id():
    path = DATA / "openreview_custom.csv"
    export = read_export(path)
    assert export.papers == (
        AcceptedPaper(
            id="7",
            key="openreview-7",
            title="Graph Partitioning with GNNs",
            authors=(Author("Ann Lee"), Author("Bo O'Kim")),
            abstract="Abstract with $\\alpha$.",
            keywords=("graphs", "partitioning"),
            tldr="Partition fast.",
            decision="ML4Sys 2024 Poster",
            track="",
            session="",
            pdf="https://openreview.net/pdf/1111111111111111111111111111111111111111.pdf",
            forum="",
            venue="ML4Sys 2024 Poster",
            row=2,
            source=str(path),
        ),
        # Row 3 is withdrawn (its venue id says so).
        AcceptedPaper(
            id="9",
            key="openreview-9",
            title="Odd Authors",
            authors=(Author("['Unclosed"),),
            abstract="",
            keywords=("x",),
            tldr="",
            decision="ML4Sys 2024 Poster",
            track="",
            session="",
            pdf="",
            forum="",
            venue="ML4Sys 2024 Poster",
            row=4,
            source=str(path),
        ),
    )
    assert export.problems == (
        ExportProblem(
            "export_value",
            str(path),
            4,
            'Line 4 (paper 9): the authors "[\'Unclosed" are not a list; they are shown as one name.',
        ),
    )


def test_a_list_literal_is_never_evaluated_as_code(tmp_path):
    path = tmp_path / "custom.csv"
    path.write_text(
        "id,number,title,authors,keywords\nab1,1,T,\"[__import__('os').system('false')]\",\"[1, 2]\"\n",
        encoding="utf-8",
    )
    export = read_export(path, format="openreview-csv")
    assert export.papers[0].authors == (Author("[__import__('os').system('false')]"),)
    assert export.papers[0].keywords == ()
    assert [p.message for p in export.problems] == [
        "Line 2 (paper ab1): the authors \"[__import__('os').system('false')]\" are not a list; they are "
        "shown as one name.",
        "Line 2 (paper ab1): the keywords are not a list; the paper is shown without them.",
    ]
