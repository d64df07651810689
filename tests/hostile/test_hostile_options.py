"""Misused options and arguments never drop a directive, in rST as in MyST (issues 13 and 27).

``tests/roots/test-hostile-options`` gives flags a value, gives a choice an unknown value, uses unknown
options (also in a MyST ``---`` block), leaves out arguments and gives bodies where none are taken:
each is a ``workshop.*`` warning at the option's own line, and the rest renders. Options are declared
(``option_spec``), so an option given twice is the parser's to decide: MyST keeps the last value (a
``workshop.duplicate_option`` warning says so, and how to give a list in one option), docutils refuses
the directive with its own located error, as it does for every directive.
"""

from __future__ import annotations

import json

import pytest
from hostilekit import Build, assert_warnings, build_every_way

ROOT = "hostile-options"


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Build]:
    return build_every_way(ROOT, tmp_path_factory.mktemp(ROOT), parallel=True)


def test_every_builder_warns_at_each_option_line(results) -> None:
    assert_warnings(results, ROOT)


@pytest.mark.parametrize("page", ["index.html", "rst.html"])
def test_the_directives_render_with_what_is_valid(results, page) -> None:
    soup = results["html"].soup(page)
    titles = [
        li.get_text(" ", strip=True)
        for li in soup.select("ol.sw-papers-references > li, ul.sw-papers-references > li")
    ]
    expected = {
        "index.html": ["Beta from the second file", "An inline paper"],  # :bibfile: given twice: the last
        "rst.html": ["Epsilon", "Zeta", "The title that counts", "A paper with a body"],
    }[page]
    # :cited-only: holds despite its value; :style: numbered (the last in MyST; the default for a bad one).
    assert soup.select("ol.sw-papers-references"), page
    assert len(titles) == len(expected), titles
    for title, fragment in zip(titles, expected, strict=True):
        assert fragment in title
    assert "Never cited" not in soup.get_text()
    [script] = soup.select('script[type="application/ld+json"]')
    event = json.loads(script.string)
    title = {"index.html": "Options in MyST", "rst.html": "Options in reStructuredText"}[page]
    assert event["name"] == title  # no argument: named after the page
    assert event["location"]["url"] == "https://example.org/b"  # the last :url:
    assert event["startDate"] == "2020-12-12T09:00:00+00:00"
    card = soup.select("div.sw-person-card")[0]
    assert "Second Lab" in card.get_text() and "First Lab" not in card.get_text()
    [box] = soup.select("div.sw-schedule")
    assert box["data-date"] == "2020-12-13"
    assert "not allowed here" not in soup.get_text()


def test_inline_paper_takes_its_yaml_block(results) -> None:
    soup = results["html"].soup("index.html")
    entry = soup.select_one("#paper-inline")
    assert entry is not None and "2021" in entry.get_text()


def test_an_included_file_warns_at_its_own_lines(results) -> None:
    card = results["html"].soup("rst.html").select("div.sw-person-card")[1]
    assert card.select_one(".sw-person-name").get_text() == "Included Speaker"
    assert "The Lab That Counts" in card.get_text() and "Included Lab" not in card.get_text()


def test_myst_option_values_are_read_as_myst_reads_them(results) -> None:
    card = results["html"].soup("index.html").select("div.sw-person-card")[1]
    assert card.select_one(".sw-person-affiliation").get_text() == "Lab: the quoted one"  # quotes are YAML's


def test_an_option_given_twice_in_rst_is_docutils_error_and_the_page_renders(results) -> None:
    soup = results["html"].soup("rst.html")
    assert "Given Twice" not in soup.get_text()
    assert [card.select_one(".sw-person-name").get_text() for card in soup.select("div.sw-person-card")] == [
        "Bob Ray",
        "Included Speaker",
    ]
