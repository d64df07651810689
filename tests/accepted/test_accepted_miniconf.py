"""MiniConf's ``papers.csv`` (``|``-separated lists, no decisions) and the plain CSV documented in
:mod:`sphinx_workshop.accepted.miniconf` (``;``-separated authors, an optional decision)."""

from __future__ import annotations

from pathlib import Path

from sphinx_workshop.accepted import AcceptedPaper, Author, read_export

DATA = Path(__file__).parent / "data"


def test_miniconf_papers_are_all_read():
    path = DATA / "miniconf_papers.csv"
    export = read_export(path)
    assert export.problems == ()
    assert export.papers == (
        AcceptedPaper(
            id="B1xSperKvH",
            key="miniconf-b1xsperkvh",
            title="Enabling Deep Spiking Neural Networks",
            authors=(Author("Nitin Rathi"), Author("Gopalakrishnan Srinivasan"), Author("Kaushik Roy")),
            abstract="Spiking networks at $10{\\times}$ fewer steps.",
            keywords=("imagenet", "snn"),
            tldr="",
            decision="",
            track="",
            session="S1, S3",
            pdf="https://openreview.net/pdf?id=B1xSperKvH",
            forum="",
            venue="",
            row=2,
            source=str(path),
        ),
        AcceptedPaper(
            id="SJlbGJrtDB",
            key="miniconf-sjlbgjrtdb",
            title="Dynamic Sparse Training",
            authors=(Author("Junjie LIU"), Author("Zhe XU")),
            abstract="We present, a novel pruning algorithm.",
            keywords=("compression",),
            tldr="",
            decision="",
            track="",
            session="",
            pdf="",
            forum="",
            venue="",
            row=3,
            source=str(path),
        ),
    )


def test_miniconf_sample_data_names_the_column_session(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_text("UID,title,authors,abstract,keywords,session\nX1,T,A|B,,k,S2\n", encoding="utf-8")
    export = read_export(path)
    assert [(p.key, p.authors, p.session) for p in export.papers] == [
        ("miniconf-x1", (Author("A"), Author("B")), "S2")
    ]


def test_the_plain_csv_keeps_the_accepted_rows():
    path = DATA / "plain.csv"
    export = read_export(path)
    assert export.problems == ()
    assert export.papers == (
        AcceptedPaper(
            id="p1",
            key="paper-p1",
            title="Tail Latency Prediction",
            authors=(Author("Ann Lee"), Author("Bo Kim")),
            abstract="Predicting the **tail**.",
            keywords=("latency", "prediction"),
            tldr="",
            decision="Accept (Oral)",
            track="",
            session="Morning",
            pdf="https://example.org/p1.pdf",
            forum="",
            venue="",
            row=2,
            source=str(path),
        ),
        AcceptedPaper(
            id="p3",
            key="paper-p3",
            title="A Spotlight",
            authors=(Author("Dee Eff"),),
            abstract="",
            keywords=("ml", "systems"),
            tldr="",
            decision="Spotlight",
            track="",
            session="Afternoon",
            pdf="",
            forum="",
            venue="",
            row=4,
            source=str(path),
        ),
    )


def test_a_plain_csv_without_decisions_is_every_row_and_a_semicolon_csv_reads(tmp_path):
    path = tmp_path / "accepted.csv"
    path.write_text("id;title;authors\n1;First;Ann Lee\n2;Second;\n", encoding="utf-8")
    export = read_export(path)
    assert [(p.key, p.title, p.authors) for p in export.papers] == [
        ("paper-1", "First", (Author("Ann Lee"),)),
        ("paper-2", "Second", ()),
    ]


def test_an_explicit_format_overrides_detection(tmp_path):
    path = tmp_path / "export.txt"
    path.write_text("UID,id,title\nu1,i1,T\n", encoding="utf-8")
    assert [p.key for p in read_export(path).papers] == ["miniconf-u1"]
    assert [p.key for p in read_export(path, format="csv").papers] == ["paper-i1"]
