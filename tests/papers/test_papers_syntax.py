"""Each syntax form of the papers feature, rendered by the html builder, on a root without warnings."""

from __future__ import annotations

import json

import pytest
from kit import inventory, soup, warning_lines

from sphinx_workshop.papers import PaperRecord, anchor_for


@pytest.fixture(scope="module")
def built(build_once):
    """The basic root, built once (it sets ``nitpicky = True``)."""
    return build_once("papers-basic")


def test_no_warnings_even_nitpicky(built) -> None:
    assert built.config.nitpicky is True
    assert warning_lines(built) == []


def test_cite_renders_grouped_superscript_links(built) -> None:
    page = soup(built)
    groups = page.select("div.body sup.sw-papers-cite")
    assert [g.get_text() for g in groups] == ["4,1", "2"]
    first = groups[0].select("a.reference.internal")
    assert [a["href"] for a in first] == ["#paper-mirhoseini2017device", "#paper-mao2019scheduling"]
    assert first[0]["title"] == "Device Placement Optimization with Reinforcement Learning"
    assert first[1]["title"] == "Learning Scheduling Algorithms for Data Processing Clusters"


def test_numbers_match_the_enumerated_list(built) -> None:
    page = soup(built)
    items = page.select("ol.sw-papers-references.sw-papers-numbered > li")
    assert [li["id"] for li in items] == [
        "paper-mao2019scheduling",
        "paper-kraska2018case",
        "paper-schutze",
        "paper-mirhoseini2017device",
    ]
    for link in page.select("sup.sw-papers-cite a"):
        target = page.select_one(link["href"])
        assert target is not None
        assert items.index(target) + 1 == int(link.get_text())


def test_entry_fields(built) -> None:
    page = soup(built)
    mao = page.select_one("#paper-mao2019scheduling")
    assert mao.select_one("a.sw-papers-title")["href"] == "https://arxiv.org/abs/1810.01963"
    assert mao.select_one(".sw-papers-authors").get_text().startswith("Hongzi Mao, Malte Schwarzkopf")
    assert mao.select_one(".sw-papers-venue").get_text() == "ACM SIGCOMM, 2019"  # @string macro
    assert mao.select_one("a.sw-papers-doi")["href"] == "https://doi.org/10.1145/3341302.3342080"
    kraska = page.select_one("#paper-kraska2018case")
    assert kraska.select_one(".sw-papers-venue").get_text() == (
        "Proceedings of the 2018 International Conference on Management of Data, 2018"  # crossref
    )
    assert kraska.select_one("a.sw-papers-arxiv")["href"] == "https://arxiv.org/abs/1712.01208"
    assert "Hinrich Schütze" in page.select_one("#paper-schutze .sw-papers-authors").get_text()
    assert page.select_one("#paper-sigmod2018") is None  # a crossref'd volume is not a paper
    dev = page.select_one("#paper-mirhoseini2017device")
    assert dev.select_one("a.sw-papers-title")["href"] == "https://arxiv.org/pdf/1706.04972.pdf"
    assert dev.select_one(".sw-papers-authors").get_text() == "Azalia Mirhoseini, Hieu Pham, Quoc V. Le"


def test_backlinks_to_every_citing_place(built) -> None:
    page = soup(built)
    links = page.select("#paper-mirhoseini2017device .sw-papers-backlinks a")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("#cite-index-0", "a"),
        ("#cite-index-3", "b"),
        ("other.html#cite-other-1", "c"),
    ]
    # Every back-link, one or lettered, says where it goes.
    assert {a["title"] for a in page.select(".sw-papers-backlinks a")} == {"Back to the citation"}
    assert page.select_one("#cite-index-0") is not None
    assert soup(built, "other").select_one("#cite-other-1") is not None


def test_paper_role_text(built) -> None:
    links = soup(built).select("div.body p a.reference.internal:has(.papers-paper)")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("#paper-kraska2018case", "The Case for Learned Index Structures"),
        ("#paper-mirhoseini2017device", "the placement paper"),
    ]


def test_cross_page_citation(built) -> None:
    links = soup(built, "other").select("sup.sw-papers-cite a")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("index.html#paper-mao2019scheduling", "1"),
        ("index.html#paper-mirhoseini2017device", "4"),
        ("index.html#paper-kraska2018case", "2"),  # {papers:cite}: the prefixed role
    ]


def test_any_role_finds_papers(built) -> None:
    link = soup(built, "other").select("div.body p")[-1].select("a.reference.internal")[-1]
    assert link["href"] == "index.html#paper-schutze"
    assert link.get_text() == "Introduction to Information Retrieval"


def test_objects_inv_and_search(built) -> None:
    papers = inventory(built.outdir)["papers:paper"]
    assert set(papers) == {"mao2019scheduling", "kraska2018case", "schutze", "mirhoseini2017device"}
    assert papers["mirhoseini2017device"] == (
        "index.html#paper-mirhoseini2017device",
        "Device Placement Optimization with Reinforcement Learning",
    )
    index = json.loads((built.outdir / "searchindex.js").read_text(encoding="utf-8")[16:-1])
    assert ["papers", "paper"] in [v[:2] for v in index["objnames"].values()]
    names = {entry[4] for entries in index["objects"].values() for entry in entries}
    assert "Device Placement Optimization with Reinforcement Learning" in names


def test_domain_data_api(built) -> None:
    domain = built.env.domains["papers"]
    record = domain.papers["mao2019scheduling"]
    assert isinstance(record, PaperRecord)
    assert (record.docname, record.anchor) == ("index", "paper-mao2019scheduling")
    assert record.authors[0] == "Hongzi Mao"


@pytest.mark.parametrize(
    ("key", "anchor"),
    [("mao2019", "paper-mao2019"), ("Smith_2020-a", "paper-Smith_2020-a"), ("a:b/c", "paper-a.3a.b.2f.c")],
)
def test_anchor_for(key: str, anchor: str) -> None:
    assert anchor_for(key) == anchor


def test_css_is_shipped(built) -> None:
    assert (built.outdir / "_static" / "sphinx-workshop" / "sphinx-workshop.css").is_file()
    assert soup(built).select_one('link[href*="sphinx-workshop/sphinx-workshop.css"]') is not None
