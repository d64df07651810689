"""Contract items 9 and 10: author-year labels from name parts; keys compared without case."""

from __future__ import annotations

from kit import soup, warning_lines


def test_author_year_labels(build_once) -> None:
    app = build_once("papers-labels")
    assert warning_lines(app) == [
        "<src>/labels.bib:45: WARNING: paper 'nothing' has no title; its key is shown instead "
        "[workshop.paper_no_title]"
    ]
    labels = [a.get_text() for a in soup(app).select("sup.sw-papers-cite a")]
    assert labels == [
        "Smith 2021",  # Smith, Jr., John
        "Google Research 2020",  # {Google Research}
        "Doe and Roe 2019",
        "van der Berg et al. 2018",
        "Doe 2021a",
        "Doe 2021b",
        "Editor 2017",  # editors when there is no author
        "Communication Efficient Distributed Machine… 2014",  # a short title
        "nothing",  # the key
        "Long Title 2015",  # shorttitle
        "Kraska et al. 2018",  # "and others": more authors than named
    ]
    text = " ".join((build_once("papers-labels", "text").outdir / "index.txt").read_text("utf-8").split())
    assert "Doe and Roe 2019" in text


def test_keys_differing_in_case_resolve_with_a_warning(build_once) -> None:
    app = build_once("papers-keys")
    assert warning_lines(app) == [
        "<src>/index.md:3: WARNING: paper key 'Mao2019Scheduling' differs in case from the listed key "
        "'mao2019scheduling'; it resolves (BibTeX ignores case), but write 'mao2019scheduling' "
        "[workshop.cite_case]",
        "<src>/index.md:3: WARNING: unknown paper key 'mao2019schedulin' in {cite}; "
        "did you mean 'mao2019scheduling'? [workshop.cite_unknown]",
        "<src>/index.md:3: WARNING: paper key 'KRASKA2018CASE' differs in case from the listed key "
        "'kraska2018case'; it resolves (BibTeX ignores case), but write 'kraska2018case' "
        "[workshop.cite_case]",
    ]
    page = soup(app)
    cites = page.select("sup.sw-papers-cite a")
    assert [(a["href"], a.get_text()) for a in cites] == [("#paper-mao2019scheduling", "1")]
    paper = page.select_one("a:has(.papers-paper)")
    assert (paper["href"], paper.get_text()) == (
        "#paper-kraska2018case",
        "The Case for Learned Index Structures",
    )
    backlinks = page.select("#paper-mao2019scheduling .sw-papers-backlinks a")
    assert [a["href"] for a in backlinks] == ["#cite-index-0"]  # the mixed-case citation links back
