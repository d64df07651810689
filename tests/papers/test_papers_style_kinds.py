# ruff: noqa: RUF001, E501 - typographic dashes; one expected entry per line
"""Both shipped styles on one entry of each kind: every thesis and report name, editors, ordinals of
editions, the bare numbers of an article, "In" for parts of a book, identifiers and notes, and an
entry with no date."""

from __future__ import annotations

import pytest
from kit import soup, warning_lines

TITLE_FIRST = {
    "phd": "Can Indexes Be Learned? Jane Doe. PhD thesis, MIT, Cambridge, MA, May 2019.",
    "masters": "Cache Policies. Ann Roe, Bob Poe. Master's thesis, ETH Zürich, 2020.",
    "mathesis": "Query Plans. Carl Moe. Master's thesis, TU Wien, 2018.",
    "bathesis": "Join Orders. Carl Moe. Bachelor's thesis, TU Wien, 2016.",
    "candthesis": "Schedulers. Ivan Ivanov. Candidate thesis, MSU, 2015.",
    "thesis": "Compilers. Kim Lee. Thesis, KAIST, 2017.",
    "techreport": "Placement at Scale. Ada Alpha, Bo Beta, Cy Gamma. Technical report TR-7, Google, 2021.",
    "resreport": "Autotuning. Di Delta. Research report 42, INRIA, 2014.",
    "report": "Power Capping. Ed Epsilon. Report, IBM, 2013.",
    "whitepaper": "Datacenter Cooling. Zoe Zeta. White paper, DeepMind, 2016.",
    "article": "Learned Cardinalities. Eve Eta et al. JMLR, vol. 21, no. 3, pp. 1–10, 2020. doi:10.1234/jmlr.21.3",
    "issue": "Queues. Tom Theta. ACM Queue: Practice, Spring, p. 7, 2022.",
    "edited": "Machine Learning for Systems: A Survey. Edna One, Eli Two (eds.). LNCS, vol. 7, 2nd edition, Springer, Berlin, 2012.",
    "oneeditor": "Systems. Sam Solo (ed.). 11th edition, 2010.",
    "twentyfirst": "Storage. Kai Kappa. 21st edition, 2011.",
    "third": "Networks. Kai Kappa. 3rd edition, 2012.",
    "hundredtwelfth": "Kernels. Kai Kappa. 112th edition, 2013.",
    "wordedition": "Caches. Kai Kappa. Second edition, 2014.",
    "edwritten": "Disks. Kai Kappa. 3rd ed., 2015.",
    "multivolume": "The Art of Scheduling. Lu Lambda. 4 vols., Addison-Wesley, 1997.",
    "chapter": "Learned Optimizers. Max Mu. Handbook of Databases: Second Volume, Nia Nu (ed.), part 2, chap. 4, p. 77, Springer, 2019.",
    "proceedings": "Tensor Compilers. Xu Xi. OSDI, Proceedings: Volume One, The 14th USENIX Symposium, USENIX, pp. 1–2, 2020.",
    "preprint": "Agents for Systems. Extended version. Oz Omicron. Preprint, 2021. arXiv:2101.00001 [cs.LG] Under review. Code available. submitted",
    "handle": "Handles. Pat Pi. 2018. hdl:1721.1/123",
    "unknownresolver": "Unknown Resolver. Ray Rho. 2018. foo:X-99",
    "noauthor": "Anonymous Work. 2000.",
    "fourth": "Schedulers. Kai Kappa. 4th edition, 2016.",
    "twoeditors": "Learned Indexes. Max Mu. Data Systems, Nia Nu, Xu Xi (eds.), 2020.",
    "undated": "Undated Notes. Kai Kappa.",
}
AUTHOR_FIRST = {
    "phd": "Jane Doe. 2019. Can Indexes Be Learned? PhD thesis, MIT, Cambridge, MA.",
    "masters": "Ann Roe and Bob Poe. 2020. Cache Policies. Master's thesis, ETH Zürich.",
    "mathesis": "Carl Moe. 2018. Query Plans. Master's thesis, TU Wien.",
    "bathesis": "Carl Moe. 2016. Join Orders. Bachelor's thesis, TU Wien.",
    "candthesis": "Ivan Ivanov. 2015. Schedulers. Candidate thesis, MSU.",
    "thesis": "Kim Lee. 2017. Compilers. Thesis, KAIST.",
    "techreport": "Ada Alpha, Bo Beta, and Cy Gamma. 2021. Placement at Scale. Technical report TR-7, Google.",
    "resreport": "Di Delta. 2014. Autotuning. Research report 42, INRIA.",
    "report": "Ed Epsilon. 2013. Power Capping. Report, IBM.",
    "whitepaper": "Zoe Zeta. 2016. Datacenter Cooling. White paper, DeepMind.",
    "article": "Eve Eta et al. 2020. Learned Cardinalities. JMLR 21, 3, 1–10. https://doi.org/10.1234/jmlr.21.3",
    "issue": "Tom Theta. 2022. Queues. ACM Queue: Practice 7, Spring.",
    "edited": "Edna One and Eli Two (eds.). 2012. Machine Learning for Systems: A Survey. LNCS, vol. 7, 2nd edition, Springer, Berlin.",
    "oneeditor": "Sam Solo (ed.). 2010. Systems. 11th edition.",
    "twentyfirst": "Kai Kappa. 2011. Storage. 21st edition.",
    "third": "Kai Kappa. 2012. Networks. 3rd edition.",
    "hundredtwelfth": "Kai Kappa. 2013. Kernels. 112th edition.",
    "wordedition": "Kai Kappa. 2014. Caches. Second edition.",
    "edwritten": "Kai Kappa. 2015. Disks. 3rd ed.",
    "multivolume": "Lu Lambda. 1997. The Art of Scheduling. 4 vols., Addison-Wesley.",
    "chapter": "Max Mu. 2019. Learned Optimizers. In Handbook of Databases: Second Volume, Nia Nu (ed.), part 2, chap. 4, p. 77, Springer.",
    "proceedings": "Xu Xi. 2020. Tensor Compilers. In OSDI, Proceedings: Volume One, The 14th USENIX Symposium, USENIX, pp. 1–2.",
    "preprint": "Oz Omicron. 2021. Agents for Systems. Extended version. Preprint. arXiv:2101.00001 [cs.LG] Under review. Code available. submitted",
    "handle": "Pat Pi. 2018. Handles. hdl:1721.1/123",
    "unknownresolver": "Ray Rho. 2018. Unknown Resolver. foo:X-99",
    "noauthor": "2000. Anonymous Work.",
    "fourth": "Kai Kappa. 2016. Schedulers. 4th edition.",
    "twoeditors": "Max Mu. 2020. Learned Indexes. In Data Systems, Nia Nu, Xu Xi (eds.).",
    "undated": "Kai Kappa. Undated Notes.",
}
#: The identifiers' links: doi and arXiv always, hdl (a well-known resolver), an unknown resolver as text.
LINKS = {
    "article": {"https://doi.org/10.1234/jmlr.21.3"},
    "preprint": {"https://arxiv.org/abs/2101.00001"},
    "handle": {"https://hdl.handle.net/1721.1/123"},
    "unknownresolver": set(),
}


@pytest.fixture(scope="module", params=["title-first", "author-first"])
def styled(request, build_once):
    app = build_once("papers-style-kinds", confoverrides={"papers_style": request.param})
    return request.param, app


def test_every_kind_in_both_styles(styled) -> None:
    style, app = styled
    assert warning_lines(app) == []
    entries = {
        li["id"].removeprefix("paper-"): li.select_one(".sw-papers-entry").get_text()
        for li in soup(app).select(".sw-papers-references > li")
    }
    assert entries == (TITLE_FIRST if style == "title-first" else AUTHOR_FIRST)


def test_identifier_links(styled) -> None:
    _style, app = styled
    page = soup(app)
    for key, hrefs in LINKS.items():
        entry = page.select_one(f"#paper-{key} .sw-papers-entry")
        found = {a["href"] for a in entry.select("a[href]") if "sw-papers-title" not in a.get("class", [])}
        assert found == hrefs, key


#: The parts of an entry a theme or a project's CSS can style, by class (each style has them all).
PARTS = {
    "preprint": {
        "sw-papers-title": "Agents for Systems. Extended version",
        "sw-papers-authors": "Oz Omicron",
        "sw-papers-arxiv": "arXiv:2101.00001 [cs.LG]",
        "sw-papers-note": "Under review. Code available. submitted",
    },
    "article": {"sw-papers-doi": None, "sw-papers-venue": None},
}


def test_the_parts_of_an_entry_keep_their_classes(styled) -> None:
    style, app = styled
    page = soup(app)
    for key, parts in PARTS.items():
        entry = page.select_one(f"#paper-{key} .sw-papers-entry")
        for cls, text in parts.items():
            (part,) = entry.select(f".{cls}")
            if text is not None:
                assert part.get_text() == text, (style, key, cls)
    venue = page.select_one("#paper-article .sw-papers-venue").get_text()
    assert venue == (
        "JMLR 21, 3, 1–10" if style == "author-first" else "JMLR, vol. 21, no. 3, pp. 1–10, 2020"
    )
    if style == "author-first":
        assert page.select_one("#paper-article .sw-papers-year").get_text() == "2020"
        assert page.select_one("#paper-article .sw-papers-venue em").get_text() == "JMLR"
