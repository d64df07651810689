"""Every bad input: one located warning with its ``workshop.<subtype>``; the rest still renders."""

from __future__ import annotations

import pytest
from kit import soup, warning_lines

from sphinx_workshop.diagnostics import SUBTYPES

EXPECTED = [
    # dup.md is read first (documents are read in name order); its files are read together
    "<src>/latin1.bib:2: WARNING: cannot decode 'latin1.bib' as utf-8: invalid byte at offset 30; "
    "set papers_bibtex_encoding (or :encoding:) to the file's encoding (for example latin-1); "
    "the file is not read [workshop.bibfile_encoding]",
    "<src>/broken.bib:11: WARNING: BibTeX: entry 'broken': syntax error in line 11: '}' expected "
    "[workshop.bibfile_parse]",
    "<src>/broken.bib:11: WARNING: duplicate key 'fine' in this file; the first entry is used "
    "[workshop.duplicate_key]",
    "<src>/index.md:3: WARNING: empty key in {cite}`,` [workshop.cite_empty]",
    "<src>/index.md:3: WARNING: empty key in {cite}`good,,` [workshop.cite_empty]",
    "<src>/index.md:3: WARNING: empty key in {paper}`Title <>` [workshop.cite_empty]",
    "<src>/index.md:12: WARNING: invalid :order: 'sideways' of the references directive "
    '("sideways" unknown; choose from "listed", or "cited"); it is ignored [workshop.bad_option]',
    "<src>/index.md:13: WARNING: unknown option :colour: of the references directive "
    "(known: bibfile, cited-only, order, style, sort, entry-style, encoding, filter, start, label-prefix, "
    "cite-this, no-cite-this); it is ignored [workshop.unknown_option]",
    "<src>/index.md:10: WARNING: cannot read bibfile 'missing.bib': No such file or directory "
    "[workshop.bibfile_missing]",
    "<src>/index.md:10: WARNING: bibfile '../outside.bib' is outside the project's source directory; "
    "it is not read [workshop.bibfile_outside]",
    "<src>/broken.bib:11: WARNING: BibTeX: entry 'broken': syntax error in line 11: '}' expected "
    "[workshop.bibfile_parse]",
    "<src>/broken.bib:11: WARNING: duplicate key 'fine' in this file; the first entry is used "
    "[workshop.duplicate_key]",
    "<src>/index.md:20: WARNING: paper 'notitle' has no title; its key is shown instead "
    "[workshop.paper_no_title]",
    "<src>/index.md:29: WARNING: unknown option :pages: of the paper directive "
    "(known: title, url, authors, venue, year, doi, arxiv, note, keywords); "
    "it is ignored [workshop.unknown_option]",
    "<src>/index.md:26: WARNING: paper 'badurl': 'javascript:alert(1)' is not an http(s) link; "
    "the title is not linked [workshop.bad_url]",
    "<src>/index.md:27: WARNING: paper 'badurl': 'not-a-doi' is not a DOI (10.<prefix>/<suffix>); "
    "it is left out [workshop.bad_option]",
    "<src>/index.md:28: WARNING: paper 'badurl': 'nonsense' is not an arXiv identifier; it is left out "
    "[workshop.bad_option]",
    "<src>/index.md:37: WARNING: paper 'stray' is not inside a references directive; it is not listed "
    "[workshop.paper_outside]",
    # once every document is read: duplicates within a document and across documents
    "<src>/index.md:15: WARNING: duplicate paper key 'good' "
    "(first listed at index.md:10 from broken.bib:15); this entry is ignored [workshop.duplicate_key]",
    "<src>/index.md:32: WARNING: duplicate paper key 'good' "
    "(first listed at index.md:10 from broken.bib:15); this entry is ignored [workshop.duplicate_key]",
    "<src>/dup.md:3: WARNING: duplicate paper key 'fine' from broken.bib:1 "
    "(first listed at index.md:10 from broken.bib:1); this entry is ignored [workshop.duplicate_key]",
    "<src>/dup.md:3: WARNING: duplicate paper key 'broken' from broken.bib:6 "
    "(first listed at index.md:10 from broken.bib:6); this entry is ignored [workshop.duplicate_key]",
    "<src>/dup.md:3: WARNING: duplicate paper key 'good' from broken.bib:15 "
    "(first listed at index.md:10 from broken.bib:15); this entry is ignored [workshop.duplicate_key]",
    # while writing: unknown keys, once per place
    "<src>/index.md:3: WARNING: unknown paper key 'nosuchkey' in {cite} [workshop.cite_unknown]",
    "<src>/index.md:3: WARNING: unknown paper key 'alsomissing' in {paper} [workshop.cite_unknown]",
]


@pytest.fixture(scope="module")
def bad(build_once):
    return build_once("papers-bad")


def test_exact_warnings(bad) -> None:
    assert warning_lines(bad) == EXPECTED


def test_every_subtype_is_registered() -> None:
    used = {line.rsplit("[workshop.", 1)[1].rstrip("]") for line in EXPECTED}
    assert used <= set(SUBTYPES)
    assert used == {
        "bad_option", "bad_url", "bibfile_encoding", "bibfile_missing", "bibfile_outside", "bibfile_parse",
        "cite_empty",
        "cite_unknown", "duplicate_key", "paper_no_title", "paper_outside", "unknown_option",
    }  # fmt: skip


def test_valid_items_still_render(bad) -> None:
    page = soup(bad)
    para = page.select_one("div.body p")
    cites = para.select("sup.sw-papers-cite")
    assert cites[0].select_one("span.sw-papers-key").get_text() == "nosuchkey"  # unknown: shown, not dropped
    assert cites[0].select_one("a")["href"] == "#paper-good"
    assert para.select_one("span.papers-paper").get_text() == "alsomissing"
    items = page.select("ol.sw-papers-references > li")
    assert [li["id"] for li in items] == [
        "paper-fine", "paper-broken", "paper-good", "paper-notitle", "paper-badurl",
    ]  # fmt: skip
    assert items[2].select_one(".sw-papers-title").get_text() == "Good, But Listed Before"  # first one wins
    assert items[3].select_one("a.sw-papers-title").get_text() == "notitle"
    bad_link = items[4].select_one(".sw-papers-title")
    assert bad_link.name == "span" and bad_link.get_text() == "A Paper With A Bad Link"
    assert "javascript" not in str(page)
    assert not items[4].select(".sw-papers-doi, .sw-papers-arxiv")
    assert page.select_one("#paper-stray") is None
    dup = soup(bad, "dup")
    assert dup.select_one(".sw-papers-references") is None  # all its keys were listed first by index
    assert dup.select_one("sup.sw-papers-cite a")["href"] == "index.html#paper-fine"


def test_suppress_warnings_names_the_subtypes(build_once) -> None:
    quiet = build_once("papers-bad", confoverrides={"suppress_warnings": ["workshop.duplicate_key"]})
    assert warning_lines(quiet) == [line for line in EXPECTED if "[workshop.duplicate_key]" not in line]


def test_latex_of_bad_input_has_no_empty_list(build_once) -> None:
    app = build_once("papers-bad", "latex")
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    # index.md's list has five entries; dup.md's list has none and renders nothing (an empty
    # enumerate is a LaTeX error)
    assert tex.count(r"\begin{enumerate}") == 1
    assert tex.count(r"\item {}") == 5
    assert "nosuchkey" in tex  # the unknown key is shown
