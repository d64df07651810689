"""Textual and parenthetical citations ({cite:t}, {cite:p}, {cite:author}, {cite:year}) in every builder."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from kit import build, copy_root, edit, parse_file, soup, warning_lines

from sphinx_workshop.papers.textual import Target, parse_targets


def _texts(page: BeautifulSoup, form: str) -> list[str]:
    return [" ".join(node.get_text().split()) for node in page.select(f"span.sw-papers-cite-{form}")]


def _links(page: BeautifulSoup, form: str) -> list[list[tuple[str, str]]]:
    """Each citation of *form*: its links' text and target."""
    return [
        [(a.get_text(), a["href"]) for a in n.select("a")] for n in page.select(f"span.sw-papers-cite-{form}")
    ]


@pytest.fixture(scope="module")
def html(build_once):
    return build_once("papers-textual")


def test_numbered_forms_myst(html) -> None:
    assert warning_lines(html) == []
    page = soup(html)
    assert _texts(page, "t") == ["Mirhoseini et al. [4]", "Kraska and Beutel [2, ch. 2]", "Lamport [3]"]
    assert _texts(page, "p") == ["[4, 1]", "[see 4, p. 3]"]
    assert _texts(page, "author") == ["Kraska and Beutel"]
    assert _texts(page, "year") == ["2018"]
    # the label alone is the link, to the entry; the superscript {cite} is unchanged
    first = page.select_one("span.sw-papers-cite-t")
    assert [(a.get_text(), a["href"]) for a in first.select("a")] == [("4", "#paper-mirhoseini2017device")]
    assert [a["href"] for a in page.select("span.sw-papers-cite-p a")] == [
        "#paper-mirhoseini2017device",
        "#paper-mao2019scheduling",
        "#paper-mirhoseini2017device",
    ]
    assert [a.get_text() for a in page.select("sup.sw-papers-cite a")] == ["3"]


def test_rst_matches_myst(html) -> None:
    page = soup(html, "rstpage")
    assert _texts(page, "t") == ["Mirhoseini et al. [4]", "Kraska and Beutel [2, ch. 2]", "Lamport [3]"]
    assert _texts(page, "p") == ["[4, 1]", "[see 4, p. 3]", "(Dean and Ghemawat, 2008)"]
    assert _texts(page, "author") == ["Kraska and Beutel"]
    assert _texts(page, "year") == ["2018"]
    # "superscript\ :cite:`...`": the escaped space glues the role to the word
    assert "superscript3" in " ".join(page.select_one("[role=main]").get_text().split())


def test_author_year_forms(html) -> None:
    page = soup(html, "authoryear")
    assert _texts(page, "t") == [
        "Dean and Ghemawat (2008)",
        "Ghemawat et al. (2003), Dean and Ghemawat (2008)",
    ]
    assert _texts(page, "p") == [
        "(Dean and Ghemawat, 2008; Ghemawat et al., 2003)",
        "(see Dean and Ghemawat, 2008, p. 3; also Ghemawat et al., 2003)",
    ]
    assert _texts(page, "author") == ["Ghemawat et al."]
    assert _texts(page, "year") == ["2003"]
    links = page.select("span.sw-papers-cite-t a")
    assert [(a.get_text(), a["href"]) for a in links][:1] == [("2008", "#paper-dean2008mapreduce")]


def test_author_year_letters_in_every_form(build_once) -> None:
    """Two papers by the same authors in the same year are 2021a and 2021b (in list order, not in
    citation order) wherever a form shows the year, each linked to its own entry; the same authors'
    paper of another year has no letter. {cite:author} shows no year: its links keep them apart."""
    app = build_once("papers-textual-letters")
    assert warning_lines(app) == []
    page = soup(app)
    first, second, before = "#paper-doe2021first", "#paper-doe2021second", "#paper-doe2020"

    assert _texts(page, "t") == [
        "Doe and Roe (2021b)",
        "Doe and Roe (2021a), Doe and Roe (2021b), Doe and Roe (2020)",
    ]
    assert _links(page, "t") == [
        [("2021b", second)],
        [("2021a", first), ("2021b", second), ("2020", before)],
    ]
    assert _texts(page, "p") == ["(Doe and Roe, 2021b; Doe and Roe, 2021a)", "(see Doe and Roe, 2021a, p. 3)"]
    assert _links(page, "p") == [
        [("Doe and Roe, 2021b", second), ("Doe and Roe, 2021a", first)],
        [("Doe and Roe, 2021a", first)],
    ]
    assert _texts(page, "author") == ["Doe and Roe", "Doe and Roe"]
    assert _links(page, "author") == [[("Doe and Roe", second)], [("Doe and Roe", first)]]
    assert _texts(page, "year") == ["2021b", "2021a", "2020"]
    assert _links(page, "year") == [[("2021b", second)], [("2021a", first)], [("2020", before)]]


def test_undated_author_year_letters_follow_no_date(build_once) -> None:
    """Undated entries whose labels collide ("Poe a", "Poe b") show "n.d.a" and "n.d.b" where a form
    shows the year (it was the bare letter, "Poe (a)"); a lone undated entry shows "n.d."."""
    page = soup(build_once("papers-textual-letters"), "undated")
    notes, drafts = "index.html#paper-poe-notes", "index.html#paper-poe-drafts"
    assert _texts(page, "t") == ["Poe (n.d.b), Poe (n.d.a)", "Moe (n.d.)"]
    assert _links(page, "t")[0] == [("n.d.b", drafts), ("n.d.a", notes)]
    assert _texts(page, "p") == ["(Poe, n.d.a)"]
    assert _texts(page, "year") == ["n.d.b", "n.d."]
    assert _links(page, "year")[0] == [("n.d.b", drafts)]
    assert [a.get_text() for a in page.select(".sw-papers-cite a")] == ["Poe a"]  # {cite}: the label


def test_each_form_is_a_citation_place_with_a_backlink(html) -> None:
    index = soup(html)
    backlinks = index.select_one("li#paper-kraska2018case .sw-papers-backlinks")
    hrefs = [a["href"] for a in backlinks.select("a")]
    # {cite:t} and {cite:author}, {cite:year} on index; {cite:t}, {cite:author}, {cite:year} on rstpage
    assert hrefs == [
        "#cite-index-3",
        "#cite-index-4",
        "#cite-index-5",
        "rstpage.html#cite-rstpage-3",
        "rstpage.html#cite-rstpage-4",
        "rstpage.html#cite-rstpage-5",
    ]
    for href in hrefs:
        page, _, anchor = href.partition("#")
        target = soup(html, page.removesuffix(".html") or "index")
        assert target.find(id=anchor) is not None, href


@pytest.mark.parametrize(
    ("text", "targets", "problems"),
    [
        ("a", [Target("a", "", "")], []),
        ("a,b", [Target("a", "", ""), Target("b", "", "")], []),
        ("{see}a{p. 3}", [Target("a", "see", "p. 3")], []),
        (" {see} a {p. 3} , {also}b ", [Target("a", "see", "p. 3"), Target("b", "also", "")], []),
        ("a{p. 3},b{ch. 2}", [Target("a", "", "p. 3"), Target("b", "", "ch. 2")], []),
        ("{}a", [Target("a", "", "")], ["empty-note"]),
        ("a{ }", [Target("a", "", "")], ["empty-note"]),
        ("a,", [Target("a", "", "")], ["empty-key"]),
        # Unbalanced: each part's one word outside its notes, else the part whole (a key no paper has).
        ("{see a", [Target("{see a", "", "")], ["note"]),
        ("a}b,c", [Target("b", "", ""), Target("c", "", "")], ["note"]),
        ("{see}a{p. 3", [Target("a", "", "")], ["note"]),  # not "3", which could be another paper's
        ("a}{x", [Target("a}{x", "", "")], ["note"]),
        ("{see a, b}c{p, 4", [Target("c", "", "")], ["note"]),  # a note's comma splits nothing
        ("{see} a b{, c", [Target("{see} a b{, c", "", "")], ["note"]),
    ],
)
def test_parse_targets(text: str, targets: list[Target], problems: list[str]) -> None:
    """sphinxcontrib-bibtex's syntax: ``{pre}key{post}``, comma-separated."""
    assert parse_targets(text) == (targets, problems)


def test_dirhtml(build_once) -> None:
    app = build_once("papers-textual", "dirhtml")
    assert warning_lines(app) == []
    page = parse_file(app.outdir / "authoryear" / "index.html")
    assert [a["href"] for a in page.select("span.sw-papers-cite-t a")][:1] == ["#paper-dean2008mapreduce"]
    rst = parse_file(app.outdir / "rstpage" / "index.html")
    assert [a["href"] for a in rst.select("span.sw-papers-cite-t a")][:1] == [
        "../#paper-mirhoseini2017device"
    ]


def test_singlehtml(build_once) -> None:
    app = build_once("papers-textual", "singlehtml")
    assert warning_lines(app) == []
    page = parse_file(app.outdir / "index.html")
    links = page.select(".sw-papers-cite-text a, a.footnote-reference")
    assert len(links) > 20
    for link in links:
        assert link["href"].startswith("#") and link["href"].count("#") == 1, link["href"]
        assert page.find(id=link["href"][1:]) is not None, link["href"]


def test_latex(build_once) -> None:
    app = build_once("papers-textual", "latex")
    assert warning_lines(app) == []
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    refs = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    assert refs <= labels, refs - labels
    assert (
        r"Mirhoseini et al. {[}{\hyperref[\detokenize{index:paper-mirhoseini2017device}]"
        r"{\sphinxcrossref{\DUrole{sw-papers-key}{4}}}}{]}" in tex
    )
    assert r"({\hyperref[\detokenize{authoryear:paper-dean2008mapreduce}]" in tex
    assert r"\sphinxcrossref{\DUrole{sw-papers-key}{Dean and Ghemawat, 2008}}" in tex


def test_epub(build_once) -> None:
    app = build_once("papers-textual", "epub", confoverrides={"copyright": "2020, test", "version": "1"})
    assert warning_lines(app) == []
    page = parse_file(app.outdir / "rstpage.xhtml")
    assert [a["href"] for a in page.select("span.sw-papers-cite-t a")][:1] == [
        "index.xhtml#paper-mirhoseini2017device"
    ]


def test_text(build_once) -> None:
    app = build_once("papers-textual", "text")
    assert warning_lines(app) == []
    index = " ".join((app.outdir / "index.txt").read_text(encoding="utf-8").split())
    assert "Mirhoseini et al. [4] showed it; see [4, 1]. With notes: [see 4, p. 3]" in index
    assert "Kraska and Beutel [2, ch. 2]. Parts: Kraska and Beutel in 2018; superscript^3." in index
    authoryear = " ".join((app.outdir / "authoryear.txt").read_text(encoding="utf-8").split())
    assert "(see Dean and Ghemawat, 2008, p. 3; also Ghemawat et al., 2003)" in authoryear


def test_a_year_keeps_its_letter_in_a_group_led_by_a_numbered_paper(tmp_path) -> None:
    # the group takes the first paper's (numbered) brackets; doe2021first keeps its own label's letter
    src = copy_root("papers-textual-letters", tmp_path)
    (src / "num.bib").write_text("@article{numkey, title = {Numbered}, author = {Zed, Zoe}, year = 2019}\n")
    (src / "num.md").write_text(
        "# Num\n\nMixed: {cite:year}`numkey,doe2021first`; {cite:p}`numkey,doe2021first`.\n\n"
        ":::{references}\n:bibfile: num.bib\n:::\n",
        encoding="utf-8",
    )
    edit(src / "index.md", "undated\n", "undated\nnum\n")
    app = build(src, tmp_path / "out")
    assert warning_lines(app) == []
    cites = [span.get_text() for span in soup(app, "num").select("span.sw-papers-cite-text")]
    assert cites == ["2019, 2021a", "[1, Doe and Roe 2021a]"]
