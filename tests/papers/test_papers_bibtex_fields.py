# ruff: noqa: RUF001 - the expected output has typographic dashes and Greek letters
"""Contract items 3 and 4: every standard BibTeX field has its place; biblatex's data model (Zotero)."""

from __future__ import annotations

from kit import soup, warning_lines

FIELDS = {
    "knuth1997art": "The Art of Computer Programming: Fundamental Algorithms. Donald E. Knuth. "
    "The Art of Computer Programming, vol. 1, 3rd edition, Addison-Wesley, Reading, MA, 1997.",
    "mao2020thesis": "Network System Optimization with Reinforcement Learning. Hongzi Mao. "
    "PhD thesis, Massachusetts Institute of Technology, Cambridge, MA, June 2020.",
    "lee2018msc": "Learned Index Structures in Practice. Ann Lee. Master's thesis, ETH Zürich, 2018.",
    "dean2012tr": "Large Scale Distributed Deep Networks. Jeffrey Dean, Sanjay Ghemawat. "
    "Technical report TR-2012-01, Google, 2012.",
    "mlsys2020": "Proceedings of Machine Learning and Systems 2020. "
    "Inderjit S. Dhillon, Dimitris Papailiopoulos, Vivienne Sze (eds.). MLSys, mlsys.org, 2020.",
    "smith2019chapter": "Caching with Models. John Smith. Learning for Systems, Richard Roe (ed.), chap. 4, "
    "pp. 77–102, Springer, Cham, 2019.",
    "kraska2021journal": "Towards Instance-Optimized Data Systems. Tim Kraska. Proceedings of the VLDB "
    "Endowment, vol. 14, no. 12, pp. 3222–3231, July 2021. Keynote",
    "howto": "A Dataset of Traces. Systems Group. Example University, Online, 2022.",
    "one-page": "A Short Note. Jane Doe. Collected Notes, p. 7, Second edition, Notes Press, 2001.",
}

BIBLATEX = {
    "vaswaniAttentionAllYou2017": "Attention Is All You Need. Ashish Vaswani, Noam Shazeer, Niki Parmar. "
    "Advances in Neural Information Processing Systems, vol. 30, June 2017. arXiv:1706.03762 [cs] ↩",
    "pytorchDocs2020": "PyTorch Documentation. PyTorch Contributors. PyTorch, 2020.",
    "chenThesis2019": "Learning to Optimize Tensor Programs. Tianqi Chen. PhD thesis, University of "
    "Washington, Seattle, WA, August 2019.",
    "leeReport2021": "Learned Compaction. Ann Lee. Technical report EL-7, Example Labs, 2021.",
    "mvbook": "Handbook of Systems. Richard Roe (ed.). 3 vols., Example Press, 2010–2012.",
    "collected": "Collected Essays on Storage. Jane Doe (ed.). Example Press, Berlin, 2015.",
    "periodical": "Systems Quarterly. Jane Doe, Richard Roe (eds.). Spring, 2018.",
    "handleArticle": "Handles and Identifiers. John Smith. Library Journal, 2011. hdl:2027/abc.123",
    "jstorArticle": "An Old Paper. John Smith. Old Journal, 1950. jstor:1234567",
    "pubmedArticle": "A Medical Paper. John Smith. Medicine, 2001. pubmed:11111111",
    "googleBook": "A Scanned Book. John Smith. Old Press, 1900. googlebooks:abcDEF123",
    "otherEprint": "A Preprint Elsewhere. John Smith. 2020. biorxiv:2020.01.01.123",
    "usesXdata": "A Book With Shared Data. John Smith. Shared Press, London, 2005.",
}


def _entries(app) -> dict[str, str]:
    return {li["id"][len("paper-") :]: li.get_text() for li in soup(app).select(".sw-papers-references > li")}


def test_every_standard_field_in_its_place(build_once) -> None:
    app = build_once("papers-fields")
    assert warning_lines(app) == []
    assert _entries(app) == FIELDS
    editors_only = soup(app).select_one("#paper-mlsys2020")
    assert editors_only.select_one(".sw-papers-authors").get_text().endswith("(eds.)")


def test_fields_in_latex_and_text(build_once) -> None:
    tex = next(build_once("papers-fields", "latex").outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert (
        r"\DUrole{sw-papers-venue}{PhD thesis, Massachusetts Institute of Technology, Cambridge, MA, "
        r"June 2020}" in tex
    )
    assert (
        r"\DUrole{sw-papers-authors}{Inderjit S. Dhillon, Dimitris Papailiopoulos, "
        r"Vivienne Sze (eds.)}" in tex
    )
    text = build_once("papers-fields", "text").outdir / "index.txt"
    out = " ".join(text.read_text(encoding="utf-8").split())
    assert "Technical report TR-2012-01, Google, 2012." in out
    assert "Richard Roe (ed.), chap. 4, pp. 77–102, Springer, Cham, 2019." in out


def test_biblatex_data_model(build_once) -> None:
    app = build_once("papers-biblatex")
    assert warning_lines(app) == []
    assert _entries(app) == BIBLATEX  # @set and @xdata are not entries of their own
    page = soup(app)
    shown = page.select(".sw-papers-arxiv, .sw-papers-eprint")
    links = {a.get_text(): a["href"] for a in shown if a.name == "a"}
    assert links == {
        "arXiv:1706.03762 [cs]": "https://arxiv.org/abs/1706.03762",
        "hdl:2027/abc.123": "https://hdl.handle.net/2027/abc.123",
        "jstor:1234567": "https://www.jstor.org/stable/1234567",
        "pubmed:11111111": "https://pubmed.ncbi.nlm.nih.gov/11111111",
        "googlebooks:abcDEF123": "https://books.google.com/books?id=abcDEF123",
    }
    assert page.select_one("#paper-otherEprint .sw-papers-eprint").name == "span"  # unknown resolver: text


def test_biblatex_in_latex(build_once) -> None:
    tex = next(build_once("papers-biblatex", "latex").outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\sphinxhref{https://hdl.handle.net/2027/abc.123}{hdl:2027/abc.123}" in tex
    assert "theSet" not in tex and "sharedPublisher" not in tex


def test_the_venue_is_the_journal_else_the_book_title() -> None:
    """A record's ``venue`` (what a user's style reads as ``entry.record.venue``), in plain text."""
    from sphinx_workshop.papers.bibtex import parse_bibs

    text = (
        "@article{a, title={A}, journal={J. of \\emph{Things}}}\n"
        "@inproceedings{b, title={B}, booktitle={Proc. of B}}\n"
        "@incollection{c, title={C}, journal={J}, booktitle={Book}}\n"
        "@misc{d, title={D}}\n"
    )
    parsed = parse_bibs([("refs.bib", text)])
    assert parsed.problems == ()
    assert {entry.key: entry.venue for entry in parsed.entries} == {
        "a": "J. of Things",
        "b": "Proc. of B",
        "c": "J",
        "d": "",
    }
