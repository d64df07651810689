"""OpenReview's notes as JSON (API v2 with replies, v2 saved with ``Note.to_json()``, API v1) are read
into whole records: only accepted papers, decisions from the Decision reply or the venue id, no e-mails."""

from __future__ import annotations

import pickle
from pathlib import Path

from sphinx_workshop.accepted import AcceptedPaper, Author, ExportProblem, read_export

DATA = Path(__file__).parent / "data"


def test_api_v2_notes_with_replies_give_the_accepted_papers():
    path = DATA / "openreview_v2.json"
    export = read_export(path)
    assert export.problems == ()
    assert export.papers == (
        AcceptedPaper(
            id="Xk3vL9pQ2a",
            key="openreview-xk3vl9pq2a",
            title="Learned Cost Models for Tensor Programs",
            # The unified author schema: the fullname, and the first institution's name.
            authors=(Author("Ann Lee", "University of Toronto"), Author("Bo Kim")),
            abstract="We learn $f(x)$ from *profiles*.\nSecond line.",
            keywords=("compilers", "cost models"),
            tldr="A cost model that transfers across GPUs.",
            decision="Accept (Oral)",
            track="",
            session="",
            pdf="https://openreview.net/pdf?id=Xk3vL9pQ2a",
            forum="https://openreview.net/forum?id=Xk3vL9pQ2a",
            venue="ML for Systems 2024 Oral",
            row=1,
            source=str(path),
        ),
        AcceptedPaper(
            id="Pq7_Zr-4Tb",
            key="openreview-pq7-zr-4tb",
            # HTML stays as text, to be escaped when rendered; the control character (BEL) is gone.
            title="<b>Bold</b> Scheduling & Placement",
            authors=(Author("Chen Wei"), Author("Dana Ortiz")),
            abstract="Placement with <script>alert(1)</script> in the text.",
            keywords=("scheduling", "placement", "reinforcement learning"),
            tldr="",
            decision="Accept (Poster)",
            track="",
            session="",
            pdf="https://openreview.net/pdf?id=Pq7_Zr-4Tb",
            forum="https://openreview.net/forum?id=Pq7_Zr-4Tb",
            venue="",
            row=2,
            source=str(path),
        ),
        # The workshop's own wording accepts; Reject, Desk Reject and no decision yet are left out.
        AcceptedPaper(
            id="Wk5Talk000",
            key="openreview-wk5talk000",
            title="Contributed Talk Paper",
            authors=(Author("Fay Talk"),),
            abstract="",
            keywords=(),
            tldr="",
            decision="Contributed Talk",
            track="",
            session="",
            pdf="",
            forum="https://openreview.net/forum?id=Wk5Talk000",
            venue="",
            row=4,
            source=str(path),
        ),
    )


def test_no_field_holds_an_email_or_review_data():
    for name in ("openreview_v2.json", "openreview_v2_to_json.json", "openreview_v1.json"):
        text = repr(read_export(DATA / name).papers)
        # The fixtures' authorids hold e-mail addresses, their replies reviews and ratings.
        assert "@" not in text
        assert "Solid work" not in text and "8: accept" not in text and "Weak Accept" not in text


def test_notes_saved_with_to_json_take_the_decision_from_the_venue_id():
    path = DATA / "openreview_v2_to_json.json"
    export = read_export(path)
    assert export.problems == ()
    assert [(p.id, p.decision, p.venue, p.pdf, p.keywords, p.row) for p in export.papers] == [
        (
            "AcceptOral",
            "MLSys 2024 Workshop Oral",
            "MLSys 2024 Workshop Oral",
            "https://example.org/papers/oral.pdf",
            (),
            1,
        ),
        ("AcceptPost", "MLSys 2024 Workshop Poster", "MLSys 2024 Workshop Poster", "", ("a", "b"), 6),
    ]
    assert export.papers[0].authors == (Author("Ivy Note"),)


def test_api_v1_notes_take_blind_authors_from_the_original_and_the_tldr():
    path = DATA / "openreview_v1.json"
    export = read_export(path)
    assert export.papers == (
        AcceptedPaper(
            id="BkgBlind01",
            key="openreview-bkgblind01",
            title="Neural Cache Replacement",
            authors=(Author("Jo Park"), Author("Kai Müller")),
            abstract="Caches matter.",
            keywords=("caching", "imitation learning"),
            tldr="Learn Belady's policy.",
            decision="Accept (Poster)",
            track="",
            session="",
            pdf="https://openreview.net/pdf?id=BkgBlind01",
            forum="https://openreview.net/forum?id=BkgBlind01",
            venue="",
            row=1,
            source=str(path),
        ),
        AcceptedPaper(
            id="HyOpen0001",
            key="openreview-hyopen0001",
            title="Open Single-Blind Paper",
            authors=(Author("Lu Chen"),),
            abstract="",
            keywords=("systems", "learning"),
            tldr="",
            decision="Accept (Talk)",
            track="",
            session="",
            pdf="",
            forum="https://openreview.net/forum?id=HyOpen0001",
            venue="",
            row=3,
            source=str(path),
        ),
    )
    assert export.problems == (
        ExportProblem(
            "export_value",
            str(path),
            3,
            'Note 3 (paper HyOpen0001): the PDF link "javascript:alert(1)" is not an absolute http(s) link; '
            "the paper is shown without it.",
        ),
    )


def test_notes_without_any_decision_are_all_papers(tmp_path):
    path = tmp_path / "notes.json"
    path.write_text(
        '{"notes": [{"id": "a1", "content": {"title": {"value": "One"}}},'
        ' {"id": "a2", "content": {"title": {"value": "Two"}}}], "count": 2}',
        encoding="utf-8",
    )
    export = read_export(path)
    assert [(p.id, p.title, p.decision) for p in export.papers] == [("a1", "One", ""), ("a2", "Two", "")]
    assert export.problems == ()


def test_records_pickle():
    papers = read_export(DATA / "openreview_v2.json").papers
    assert pickle.loads(pickle.dumps(papers)) == papers
