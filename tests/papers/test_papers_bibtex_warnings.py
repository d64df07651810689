"""Contract item 11 (rST): every .bib warning is located at ``<file>.bib:<line>`` and names the key."""

from __future__ import annotations

from papers_helpers import soup, warning_lines


def test_every_bib_warning_is_located_and_names_its_entry(build_once) -> None:
    app = build_once("papers-bibwarnings")
    assert warning_lines(app) == [
        "<src>/first.bib:9: WARNING: BibTeX: entry 'usesundefined': undefined string in line 9: notdefined "
        "[workshop.bibfile_parse]",
        "<src>/second.bib:1: WARNING: duplicate key 'Shared' (first in first.bib:3); the first entry is used "
        "[workshop.duplicate_key]",
        "<src>/second.bib:11: WARNING: BibTeX: entry 'unbalanced': syntax error in line 11: '}' expected "
        "[workshop.bibfile_parse]",
        "<src>/second.bib:5: WARNING: paper 'badurl': 'ftp://example.org/x' is not an http(s) link; "
        "the title is not linked [workshop.bad_url]",
    ]
    items = soup(app).select(".sw-papers-references > li")
    assert [li["id"] for li in items] == [
        "paper-shared", "paper-usesundefined", "paper-badurl", "paper-unbalanced", "paper-after",
    ]  # fmt: skip
    assert items[0].get_text() == "First Copy."  # the first of the duplicates
    assert items[2].get_text() == "Bad. Defined"  # a macro of the first file in the second
