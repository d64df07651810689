"""Contract items 1 and 2: url, doi and eprint verbatim; ``\\url`` and ``\\href`` in any field."""

from __future__ import annotations

import pytest
from kit import soup, warning_lines

from sphinx_workshop.papers import anchor_for

DBLP = "DBLP:conf/osdi/ZhangLW20"


@pytest.fixture(scope="module")
def html(build_once):
    return build_once("papers-links")


def _entry(app, key: str):
    return soup(app).select_one(f"#{anchor_for(key)}".replace(".", "\\."))


def test_bad_links_warn_at_the_bib_line(html) -> None:
    assert warning_lines(html) == [
        "<src>/links.bib:38: WARNING: paper 'badlinks': 'javascript:alert(1)' is not an http(s) link; "
        "the title is not linked [workshop.bad_url]",
        "<src>/links.bib:38: WARNING: paper 'badlinks': 'not a doi' is not a DOI (10.<prefix>/<suffix>); "
        "it is left out [workshop.bad_option]",
    ]


def test_dblp_escapes_are_removed_in_url_and_doi(html) -> None:
    entry = _entry(html, DBLP)
    assert entry.select_one("a.sw-papers-title")["href"] == (
        "https://www.usenix.org/conference/osdi20/presentation/zhang_wei"
    )
    doi = entry.select_one("a.sw-papers-doi")
    assert doi["href"] == "https://doi.org/10.5555/3488766.3488793_x"
    assert doi.get_text() == "doi:10.5555/3488766.3488793_x"
    venue = entry.select_one(".sw-papers-venue").get_text()
    assert venue.startswith("14th USENIX Symposium on Operating Systems Design and Implementation, OSDI 2020")
    assert "Jane Doe (ed.)" in venue and "pp. 481\u2013498" in venue and "USENIX Association" in venue


def test_tilde_percent_and_double_dash_stay_as_written(html) -> None:
    entry = _entry(html, "tilde")
    assert entry.select_one("a.sw-papers-title")["href"] == "http://www.cs.cmu.edu/~alee/a%20b--c.pdf"
    assert entry.select_one("a.sw-papers-arxiv")["href"] == "https://arxiv.org/abs/2101.00001"


def test_url_and_href_in_other_fields(html) -> None:
    entry = _entry(html, "tilde")
    note = entry.select_one(".sw-papers-note")
    assert [(a["href"], a.get_text()) for a in note.select("a")] == [
        ("https://example.org/~alee/slides_1.pdf", "https://example.org/~alee/slides_1.pdf")
    ]
    assert note.get_text() == "Slides at https://example.org/~alee/slides_1.pdf, mirror ftp://example.org/x"
    venue = entry.select_one(".sw-papers-venue")
    assert [(a["href"], a.get_text()) for a in venue.select("a")] == [
        ("https://example.org/talk?id=1&lang=en", "Talk at SysML")
    ]
    assert venue.get_text() == "Talk at SysML, and elsewhere, 2019"  # gopher: text, no link
    assert "gopher" not in str(soup(html))


def test_google_scholar_entry(html) -> None:
    entry = _entry(html, "scholar")
    assert entry.select_one(".sw-papers-title").get_text() == (
        "Learning-based memory allocation for C++ server workloads"
    )
    assert entry.select_one(".sw-papers-authors").get_text() == (
        "Martin Maas, David G Andersen, Michael Isard, Mohammad Mahdi Javanmard, Kathryn S McKinley, "
        "Colin Raffel"
    )


def test_latex_and_text_keep_the_verbatim_links(build_once) -> None:
    latex = build_once("papers-links", "latex")
    tex = next(latex.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\sphinxhref{http://www.cs.cmu.edu/~alee/a\%20b--c.pdf}{" in tex
    assert r"\sphinxhref{https://doi.org/10.5555/3488766.3488793\_x}" in tex
    text = build_once("papers-links", "text")
    out = " ".join((text.outdir / "index.txt").read_text(encoding="utf-8").split())  # unwrapped
    assert "Slides at https://example.org/~alee/slides_1.pdf, mirror ftp://example.org/x" in out
    assert "doi:10.5555/3488766.3488793_x" in out


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("{https://x.org/a}", "https://x.org/a"),
        ("{{https://x.org/a}}", "https://x.org/a"),  # braces in braces: every whole pair goes
        ("{https://x.org/{a}}", "https://x.org/{a}"),
        ("{a}{b}", "{a}{b}"),  # two groups, not one pair around the value
        ("{a}}{{b}", "{a}}{{b}"),
        ("{{a}", "{{a}"),  # unbalanced: left as written
        ("\\url{https://x.org/a\\_b}", "https://x.org/a_b"),
        (" {10.1/x\\%20y} ", "10.1/x%20y"),
        ("a\\&b\\#c\\~d\\$e~f--g", "a&b#c~d$e~f--g"),
    ],
)
def test_verbatim_unwraps_whole_braces_only(written: str, value: str) -> None:
    from sphinx_workshop.papers.latex import verbatim

    assert verbatim(written) == value


def test_doi_characters_a_url_cannot_hold_are_percent_encoded(html, build_once) -> None:
    entry = _entry(html, "sici")
    sici = "10.1002/(SICI)1097-4571(199806)49:8<693::AID-ASI4>3.0.CO;2-O"
    doi = entry.select_one("a.sw-papers-doi")
    assert doi.get_text() == f"doi:{sici}"
    assert doi["href"] == "https://doi.org/10.1002/(SICI)1097-4571(199806)49:8%3C693::AID-ASI4%3E3.0.CO;2-O"
    (errata,) = entry.select(".sw-papers-note a")
    assert (errata.get_text(), errata["href"]) == (
        "doi:10.1000/a#b+c<d>",
        "https://doi.org/10.1000/a%23b%2Bc%3Cd%3E",
    )
    acm = build_once("papers-links", confoverrides={"papers_style": "author-first"})
    (link,) = _entry(acm, "sici").select("a.sw-papers-doi")
    assert link["href"] == doi["href"]
