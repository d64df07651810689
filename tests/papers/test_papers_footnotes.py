"""Footnote citations ({footcite} and footreferences) in every builder, in MyST and reStructuredText."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from kit import build, copy_root, edit, parse_file, soup, warning_lines


def _footnotes(page: BeautifulSoup) -> list[tuple[str, str]]:
    """(label, text) of each footnote citation, in page order."""
    return [
        (note.select_one(".label").get_text().strip("[]"), " ".join(note.select_one("p").get_text().split()))
        for note in page.select("aside.sw-papers-footcite")
    ]


def _refs(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [(a.get_text().strip("[]"), a["href"]) for a in page.select("a.footnote-reference")]


MAO = (
    "Learning Scheduling Algorithms for Data Processing Clusters. Hongzi Mao, Malte Schwarzkopf, "
    "Mohammad Alizadeh. ACM SIGCOMM, 2019."
)
LAMPORT = (
    "Time, Clocks, and the Ordering of Events in a Distributed System. Leslie Lamport. "
    "Communications of the ACM, 1978."
)
DEAN = (
    "MapReduce: Simplified Data Processing on Large Clusters. Jeffrey Dean, Sanjay Ghemawat. "
    "Communications of the ACM, 2008."
)
KRASKA = "The Case for Learned Index Structures. Tim Kraska, Alex Beutel. SIGMOD, 2018."


@pytest.fixture(scope="module")
def html(build_once):
    return build_once("papers-textual")


def test_footnotes_myst(html) -> None:
    assert warning_lines(html) == []
    page = soup(html, "foot")
    # the page's own footnote is 1; a key cited twice before footreferences shares its footnote
    assert _refs(page) == [
        ("2", "#cite-foot-foot-0"),
        ("3", "#cite-foot-foot-1"),
        ("2", "#cite-foot-foot-0"),
        ("1", "#own"),
        ("4", "#cite-foot-foot-2"),
        ("5", "#cite-foot-foot-3"),
    ]
    assert _footnotes(page) == [("2", MAO), ("3", LAMPORT), ("4", MAO), ("5", DEAN)]
    # footreferences holds those cited before it; the others go at the end of the page
    placed = page.select("div.sw-papers-footnotes")
    assert len(placed) == 2
    assert placed[0].find_next_sibling("section", id="later") is not None
    assert placed[1].find_next_sibling(["section", "p", "div"], class_=lambda c: c != "clearer") is None
    # each footnote links back to its references, and the entry's own link is kept
    backrefs = [a["href"] for a in page.select("aside#cite-foot-foot-0 .backrefs a")]
    assert backrefs == ["#cite-foot-foot-0-ref-0", "#cite-foot-foot-0-ref-1"]
    for href in backrefs:
        assert page.find(id=href[1:]) is not None


def test_footnotes_rst(html) -> None:
    page = soup(html, "rstpage")
    # numbered per page: this page starts again at 1
    assert _refs(page) == [
        ("1", "#cite-rstpage-foot-0"),
        ("2", "#cite-rstpage-foot-1"),
        ("3", "#cite-rstpage-foot-2"),
    ]
    assert _footnotes(page) == [("1", MAO), ("2", LAMPORT), ("3", KRASKA)]
    text = " ".join(page.select_one("[role=main]").get_text().split())
    assert "scheduling[1], clocks[2]" in text  # "scheduling\ :footcite:`...`" glues the reference


def test_footnote_entry_style_is_the_lists(build_once) -> None:
    app = build_once("papers-textual", confoverrides={"papers_style": "author-first"})
    assert warning_lines(app) == []
    page = soup(app, "foot")
    assert _footnotes(page)[1] == (
        "3",
        "Leslie Lamport. 1978. Time, Clocks, and the Ordering of Events in a Distributed System. "
        "Communications of the ACM.",
    )


def test_footnote_entry_style_is_the_lists_entry_style_option(tmp_path) -> None:
    # The list's :entry-style: wins over papers_style (title-first, the default) in its footnotes too.
    src = copy_root("papers-textual", tmp_path)
    edit(src / "index.md", ":bibfile: papers.bib\n", ":bibfile: papers.bib\n:entry-style: author-first\n")
    app = build(src, tmp_path / "out")
    assert warning_lines(app) == []
    assert _footnotes(soup(app, "foot"))[1] == (
        "3",
        "Leslie Lamport. 1978. Time, Clocks, and the Ordering of Events in a Distributed System. "
        "Communications of the ACM.",
    )


def test_dirhtml_and_epub(build_once) -> None:
    app = build_once("papers-textual", "dirhtml")
    assert warning_lines(app) == []
    page = parse_file(app.outdir / "foot" / "index.html")
    assert _footnotes(page)[0] == ("2", MAO)
    epub = build_once("papers-textual", "epub", confoverrides={"copyright": "2020, test", "version": "1"})
    assert warning_lines(epub) == []
    book = parse_file(epub.outdir / "foot.xhtml")
    assert [a["href"] for a in book.select("a.footnote-reference")][:1] == ["#cite-foot-foot-0"]


def test_singlehtml_ids_stay_apart(build_once) -> None:
    app = build_once("papers-textual", "singlehtml")
    assert warning_lines(app) == []
    page = parse_file(app.outdir / "index.html")
    notes = page.select("aside.sw-papers-footcite")
    assert len(notes) == 7
    ids = [note["id"] for note in notes]
    assert len(set(ids)) == len(ids)


def test_latex_footnotes(build_once) -> None:
    app = build_once("papers-textual", "latex")
    assert warning_lines(app) == []
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    bodies = re.findall(r"\\begin\{footnote\}\[(\d+)\]\\sphinxAtStartFootnote\n(.*?)\n", tex)
    assert (
        "2",
        r"\DUrole{sw-papers-title}{Learning Scheduling Algorithms for Data Processing Clusters}",
    ) in [(n, body[:85]) for n, body in bodies]
    assert r"\sphinxfootnotemark[2]" in tex  # the second citation of the same footnote


def test_text_footnotes(build_once) -> None:
    app = build_once("papers-textual", "text")
    assert warning_lines(app) == []
    text = (app.outdir / "foot.txt").read_text(encoding="utf-8")
    assert "Scheduling[2] and clocks[3][2]; a note of the page's own[1]." in text
    assert "[5] MapReduce: Simplified Data Processing on Large Clusters. Jeffrey" in text
