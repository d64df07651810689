"""Sub-items (``- text`` lines under an item): a nested list in HTML, one calendar event each, text/LaTeX."""

from __future__ import annotations

import shutil

import icalendar
import pytest
from kit import parse_file, warning_lines

TITLES = [
    "Program Graphs for Machine Learning",
    "DEff-ARTS: Differentiable Efficient ARchiTecture Search",
    "Learning to optimize",  # the link text given to the role
]


def _events(path) -> list:
    return icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")


@pytest.mark.sphinx("html", testroot="schedule-subitems", freshenv=True)
def test_subitems_render_as_a_nested_list_and_one_event_each(app) -> None:
    app.build()
    assert warning_lines(app) == []
    soup = parse_file(app.outdir / "index.html")
    rows = soup.select("div.sw-schedule tbody tr")
    assert len(rows) == 2  # the sub-items are not rows of their own
    session = rows[1].select("td")[1]
    assert [p.text for p in session.select(":scope > p")] == ["Contributed talks"]
    talks = session.select(":scope > ul.sw-schedule-subitems > li")
    assert [li.text.strip() for li in talks] == TITLES
    assert [li.select_one("a")["href"] for li in talks] == [
        "papers.html#paper-program_cummins_2020",
        "papers.html#paper-deff-arts_sadiq_2020",
        "papers.html#paper-learning_wu_2020",
    ]
    assert rows[1].select_one("time")["datetime"] == "2020-12-12T10:40:00-08:00"
    assert not rows[0].select("ul")

    events = _events(app.outdir / "neurips2020.ics")
    assert [str(e["SUMMARY"]) for e in events] == ["Break"] + [f"Contributed talks: {t}" for t in TITLES]
    # Every talk spans the whole session: no invented per-talk times.
    spans = {(e.decoded("DTSTART").isoformat(), e.decoded("DTEND").isoformat()) for e in events[1:]}
    assert spans == {("2020-12-12T18:40:00+00:00", "2020-12-12T19:30:00+00:00")}
    assert len({str(e["UID"]) for e in events}) == 4

    # Unindented sub-items after a blank line, with markup and characters the calendar escapes.
    edge = parse_file(app.outdir / "edge.html")
    posters = edge.select("div.sw-schedule tbody tr")[1]
    assert [li.text.strip() for li in posters.select("li")] == ["Compilers, quickly; well", "Graphs"]
    assert posters.select_one("li em").text == "Compilers"
    calendar = (app.outdir / "edge.ics").read_bytes()
    assert b"SUMMARY:Posters: Compilers\\, quickly\\; well\r\n" in calendar
    assert [str(e["SUMMARY"]) for e in _events(app.outdir / "edge.ics")] == [
        "Invited talk: Grace Hopper",
        "Posters: Compilers, quickly; well",
        "Posters: Graphs",
        "Lunch",
    ]


def _build(make_app, srcdir, outname: str) -> list:
    app = make_app("html", srcdir=srcdir, builddir=srcdir / outname, freshenv=True)
    try:
        app.build()
        return _events(app.outdir / "neurips2020.ics")
    finally:
        app.cleanup()


def test_subitem_uids_are_stable(make_app, rootdir, sphinx_test_tempdir) -> None:
    srcdir = sphinx_test_tempdir / "schedule-subitems-uids"
    shutil.rmtree(srcdir, ignore_errors=True)
    shutil.copytree(rootdir / "test-schedule-subitems", srcdir)
    first = [str(e["UID"]) for e in _build(make_app, srcdir, "one")]
    assert first == [str(e["UID"]) for e in _build(make_app, srcdir, "two")]

    # Renaming the session keeps its talks' UIDs (a calendar updates them); a talk's own text or
    # position is part of its UID.
    page = srcdir / "index.md"
    source = page.read_text(encoding="utf-8")
    page.write_text(source.replace("| Contributed talks", "| Session 1"), encoding="utf-8")
    renamed = _build(make_app, srcdir, "three")
    assert [str(e["SUMMARY"]) for e in renamed][1] == "Session 1: Program Graphs for Machine Learning"
    assert [str(e["UID"]) for e in renamed] == first
    page.write_text(source.replace("  - {paper}`deff-arts_sadiq_2020`\n", ""), encoding="utf-8")
    shorter = [str(e["UID"]) for e in _build(make_app, srcdir, "four")]
    assert shorter[:2] == first[:2]
    assert shorter[2] not in first


@pytest.mark.parametrize(
    ("builder", "page", "expected"),
    [
        (
            "text",
            "index.txt",
            "* 10:25 PST — Break\n\n"
            "* 10:40 PST — Contributed talks\n\n"
            "  * *Program Graphs for Machine Learning*\n\n"
            "  * *DEff-ARTS: Differentiable Efficient ARchiTecture Search*\n\n"
            "  * *Learning to optimize*\n",
        ),
        ("latex", "projectnamenotset.tex", "Contributed talks\n\\begin{itemize}\n\\item"),
    ],
)
def test_text_and_latex_list_subitems_under_their_item(
    make_app, rootdir, sphinx_test_tempdir, builder, page, expected
) -> None:
    srcdir = sphinx_test_tempdir / f"schedule-subitems-{builder}"
    if not srcdir.exists():
        shutil.copytree(rootdir / "test-schedule-subitems", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    assert warning_lines(app) == []
    text = (app.outdir / page).read_text(encoding="utf-8")
    assert expected in text
    assert text.index("10:40 PST") < text.index("Program Graphs") < text.index("Learning to optimize")
