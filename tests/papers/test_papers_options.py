"""``references`` options: :order: cited, :cited-only:, :style: list, :sort: title|year, several bib files."""

from __future__ import annotations

from pathlib import Path

import pytest
from kit import soup, warning_lines


@pytest.fixture(scope="module")
def app(build_once):
    return build_once("papers-options")


def entries(app, page: str) -> list[tuple[str, str, str]]:
    return [
        (li.parent.name, li["id"], li.select_one(".sw-papers-title").get_text())
        for li in soup(app, page).select(".sw-papers-references > li")
    ]


def test_no_warnings(app) -> None:
    assert warning_lines(app) == []


def test_order_cited_and_cited_only(app) -> None:
    assert entries(app, "cited") == [("ol", "paper-zeta", "Zeta"), ("ol", "paper-alpha", "Alpha")]
    labels = [(a.get_text(), a["href"]) for a in soup(app).select("sup.sw-papers-cite a")]
    assert labels[:3] == [
        ("1", "cited.html#paper-zeta"),
        ("2", "cited.html#paper-alpha"),
        ("1", "cited.html#paper-zeta"),
    ]
    assert soup(app, "cited").select_one("#paper-beta") is None  # never cited


def test_style_list_sorted_by_title(app) -> None:
    assert entries(app, "accepted") == [
        ("ul", "paper-allocation", "Allocation Is All You Need"),
        ("ul", "paper-graphs", "Graph Partitioning with Learning"),
        ("ul", "paper-tuning", "Tuning Compilers"),
    ]
    page = soup(app, "accepted")
    assert page.select_one("ul.sw-papers-references.sw-papers-list") is not None
    assert page.select_one("ol.sw-papers-references") is None
    tuning = page.select_one("#paper-tuning")
    assert tuning.select_one("a.sw-papers-title")["href"] == "https://example.org/tuning.pdf"
    assert tuning.select_one(".sw-papers-authors").get_text() == "Ada Lovelace*, Alan Turing*, Grace Hopper"


def test_citing_an_unnumbered_entry(app) -> None:
    index = soup(app)
    paper = index.select_one("a.reference.internal:has(.papers-paper)")
    assert (paper["href"], paper.get_text()) == (
        "accepted.html#paper-graphs",
        "Graph Partitioning with Learning",
    )
    label = index.select("sup.sw-papers-cite a")[-1]
    assert (label["href"], label.get_text()) == ("accepted.html#paper-graphs", "Dijkstra and Liskov 2020")


def test_bibfile_paths_relative_and_rooted_sorted_by_year(app) -> None:
    assert entries(app, "sub/list") == [
        ("ol", "paper-local2010", "Local Older"),
        ("ol", "paper-root2015", "From the Root Folder"),
        ("ol", "paper-local2019", "Local Newer"),
    ]
    deps = app.env.dependencies["sub/list"]
    # Absolute since Sphinx 8, relative to the source folder before: Path() joins either way.
    assert {app.srcdir / "sub" / "local.bib", app.srcdir / "root.bib"} <= {Path(app.srcdir, d) for d in deps}
