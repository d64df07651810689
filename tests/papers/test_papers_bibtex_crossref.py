# ruff: noqa: RUF001 - the expected output has typographic dashes and Greek letters
"""Contract item 6 (rST): crossref over two levels, cited parents listed, missing keys and loops located."""

from __future__ import annotations

import pytest
from kit import soup, warning_lines


@pytest.fixture(scope="module")
def html(build_once):
    return build_once("papers-crossref")


def test_missing_parents_and_loops_are_located_warnings(html) -> None:
    assert warning_lines(html) == [
        "<src>/crossref.bib:36: WARNING: entry 'orphan': crossref to 'nosuchparent', which is not in its "
        "files; it is shown without the fields it would inherit [workshop.bibtex_crossref]",
        "<src>/crossref.bib:49: WARNING: entry 'loopb': crossref loop (loopa -> loopb -> loopa); "
        "it is not followed further [workshop.bibtex_crossref]",
        "<src>/crossref.bib:54: WARNING: entry 'selfref': crossref loop (selfref -> selfref); "
        "it is not followed further [workshop.bibtex_crossref]",
    ]


def test_inheritance_over_two_levels(html) -> None:
    items = {li["id"]: li.get_text() for li in soup(html).select(".sw-papers-references > li")}
    assert items == {
        "paper-chapter": "A Chapter in Volume Two. John Smith. Systems, Volume Two, The Collected Systems, "
        "Jane Doe (ed.), vol. 2, pp. 10–20, Example Press, Boston, 2020. ↩",
        "paper-book2": "Systems, Volume Two. Jane Doe (ed.). The Collected Systems, vol. 2, Example Press, "
        "Boston, 2020. ↩",  # cited: listed
        # "uncited" and "mvbook" are parents nobody cites: not listed
        "paper-uncitedparentchild": "A Paper of an Uncited Volume. Ann Lee. Proceedings Nobody Cites, "
        "Example Press, 2019.",
        "paper-orphan": "An Orphan. Ann Lee. 2018.",
        "paper-loopa": "Loop A. Loop B, 2017.",
        "paper-loopb": "Loop B.",
        "paper-selfref": "Myself. 2016.",
    }


def test_citing_the_parent_resolves(html) -> None:
    cites = soup(html).select("sup.sw-papers-cite a")
    assert [(a["href"], a.get_text()) for a in cites] == [("#paper-chapter", "1"), ("#paper-book2", "2")]


def test_crossref_in_latex(build_once) -> None:
    tex = next(build_once("papers-crossref", "latex").outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\label{\detokenize{index:paper-book2}}" in tex
    assert r"\label{\detokenize{index:paper-mvbook}}" not in tex
