"""Contract item 11 (rST): every .bib warning is located at ``<file>.bib:<line>`` and names the key."""

from __future__ import annotations

from kit import soup, warning_lines


def test_every_bib_warning_is_located_and_names_its_entry(build_once) -> None:
    app = build_once("papers-bibwarnings")
    assert warning_lines(app) == [
        "<src>/first.bib:9: WARNING: BibTeX: entry 'usesundefined': undefined string in line 9: notdefined "
        "[workshop.bibfile_parse]",
        "<src>/second.bib:1: WARNING: duplicate key 'Shared' (first in first.bib:3); the first entry is used "
        "[workshop.duplicate_key]",
        "<src>/second.bib:11: WARNING: BibTeX: entry 'unbalanced': syntax error in line 11: '}' expected "
        "[workshop.bibfile_parse]",
        # a problem at an entry's first line is that entry's (a syntax error there is the previous one's)
        "<src>/second.bib:15: WARNING: BibTeX: entry 'oneline': undefined string in line 15: undefinedtoo "
        "[workshop.bibfile_parse]",
        # no entry yet: @string, @comment and @preamble have no key (the file starts with a blank line);
        # the @comment at line 3 names 'third', whose entry is still at line 5
        "<src>/third.bib:2: WARNING: BibTeX: undefined string in line 2: undefinedvenue "
        "[workshop.bibfile_parse]",
        "<src>/third.bib:4: WARNING: BibTeX: undefined string in line 4: undefinedpre "
        "[workshop.bibfile_parse]",
        "<src>/third.bib:5: WARNING: BibTeX: entry 'third': undefined string in line 5: undefinedthird "
        "[workshop.bibfile_parse]",
        # pybtex's problems with a name or a field say no line: the entry's own line is found
        "<src>/third.bib:7: WARNING: BibTeX: entry 'names': Too many commas in 'Lee, Ann, Jr., Extra' "
        "[workshop.bibfile_parse]",
        "<src>/third.bib:7: WARNING: BibTeX: entry 'names': entry with key names has a duplicate title field "
        "[workshop.bibfile_parse]",
        "<src>/second.bib:5: WARNING: paper 'badurl': 'ftp://example.org/x' is not an http(s) link; "
        "the title is not linked [workshop.bad_url]",
        "<src>/second.bib:15: WARNING: paper 'oneline' has no title; its key is shown instead "
        "[workshop.paper_no_title]",
        "<src>/third.bib:5: WARNING: paper 'third' has no title; its key is shown instead "
        "[workshop.paper_no_title]",
    ]
    items = soup(app).select(".sw-papers-references > li")
    assert [li["id"] for li in items] == [
        "paper-shared", "paper-usesundefined", "paper-badurl", "paper-unbalanced", "paper-after",
        "paper-oneline", "paper-third", "paper-names",
    ]  # fmt: skip
    assert items[0].get_text() == "First Copy."  # the first of the duplicates
    assert items[2].get_text() == "Bad. Defined"  # a macro of the first file in the second


def test_a_problem_without_a_line_number_takes_the_one_in_its_message() -> None:
    """pybtex does not always pass the line: the one its message names is used, and the entry found."""
    from sphinx_workshop.papers.bibtex import _problem

    text = "@misc{a, title = {A}}\n\n@misc{b,\n  title = {B} year = 2020}\n"
    message = "syntax error in line 4: '}' expected"
    problem = _problem(message, "x.bib", text, {"a": [1], "b": [3]}, None, {})
    assert (problem.kind, problem.line, problem.message) == (
        "bibfile_parse",
        4,
        f"BibTeX: entry 'b': {message}",
    )
    unplaced = _problem("something odd", "x.bib", text, {}, None, {})
    assert (unplaced.line, unplaced.message) == (0, "BibTeX: something odd")


def test_a_file_location_without_a_line_is_not_taken_for_a_document() -> None:
    """Sphinx reads a location string without ":" as a document name (and adds a source suffix)."""
    from sphinx_workshop.diagnostics import file_line

    assert (file_line("/p/refs.bib", 12), file_line("/p/refs.bib", 0)) == ("/p/refs.bib:12", "/p/refs.bib:")
