"""Numbers mean one paper: numbered lists number on from each other across pages, in toctree order.

A list with ``:start:`` or ``:label-prefix:`` numbers itself, and its labels carry its prefix (``A1``,
``S2``) in the list and in citations, in every builder; incremental builds equal clean ones, and
``-j 2`` equals ``-j 1``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from kit import bodies, edit, parse_file, rebuild, soup, warning_lines

#: page -> the labels its citations show
CITATIONS = {
    "index": ["1", "2", "3", "A1", "S2"],
    "second": ["2"],
    "citing": ["3", "5"],
}


def _lists(page: BeautifulSoup) -> list[tuple[str, str | None, list[str]]]:
    return [
        (lst.name, lst.get("start"), [label.get_text() for label in lst.select(".sw-papers-label")])
        for lst in page.select(".sw-papers-references")
    ]


def test_html_numbers_continue_across_pages(build_once) -> None:
    app = build_once("papers-numbering")
    assert warning_lines(app) == []
    for page, labels in CITATIONS.items():
        assert [a.get_text() for a in soup(app, page).select("sup.sw-papers-cite a")] == labels, page
    assert _lists(soup(app, "first")) == [("ol", None, [])]
    assert _lists(soup(app, "second")) == [("ol", "3", [])]  # 3, 4: after the first list's 1, 2
    assert _lists(soup(app, "appendix")) == [("ul", None, ["A1.", "A2."])]
    # the prefixed list does not use up numbers: the next list goes on with 5
    assert _lists(soup(app, "session")) == [("ul", None, ["S1.", "S2."]), ("ol", "5", [])]
    links = [a["href"] for a in soup(app, "index").select("sup.sw-papers-cite a")]
    assert links == [
        "first.html#paper-one",
        "first.html#paper-two",
        "second.html#paper-three",
        "appendix.html#paper-app1",
        "session.html#paper-s2",
    ]


def test_singlehtml_and_dirhtml(build_once) -> None:
    single = build_once("papers-numbering", "singlehtml")
    assert warning_lines(single) == []
    page = parse_file(single.outdir / "index.html")
    assert [ol.get("start") for ol in page.select("ol.sw-papers-references")] == [None, "3", "5"]
    assert [a.get_text() for a in page.select("sup.sw-papers-cite a")] == [
        label for labels in CITATIONS.values() for label in labels
    ]
    assert page.select_one("#paper-four").find_parent("ol")["start"] == "3"
    dirhtml = build_once("papers-numbering", "dirhtml")
    assert warning_lines(dirhtml) == []
    citing = parse_file(dirhtml.outdir / "citing" / "index.html")
    assert [(a.get_text(), a["href"]) for a in citing.select("sup.sw-papers-cite a")] == [
        ("3", "../second/#paper-three"),
        ("5", "../session/#paper-five"),
    ]


def test_epub(build_once) -> None:
    app = build_once("papers-numbering", "epub", confoverrides={"copyright": "2020, test", "version": "1"})
    assert warning_lines(app) == []
    page = parse_file(app.outdir / "session.xhtml")
    assert [label.get_text() for label in page.select(".sw-papers-label")] == ["S1.", "S2."]
    assert page.select_one("ol.sw-papers-references")["start"] == "5"


def test_latex(build_once) -> None:
    app = build_once("papers-numbering", "latex")
    assert warning_lines(app) == []
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert [int(n) for n in re.findall(r"\\setcounter\{enumi\}\{(\d+)\}", tex)] == [2, 4]
    assert r"\DUrole{sw-papers-label}{A1.}" in tex and r"\DUrole{sw-papers-label}{S2.}" in tex
    assert r"{\sphinxcrossref{S2}}" in tex
    refs = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    assert refs <= labels, refs - labels


def test_text(build_once) -> None:
    app = build_once("papers-numbering", "text")
    assert warning_lines(app) == []
    second = (app.outdir / "second.txt").read_text(encoding="utf-8")
    assert "3. Paper Three" in second and "4. Paper Four" in second
    session = (app.outdir / "session.txt").read_text(encoding="utf-8")
    assert "S1. Session Paper One" in session and "5. Paper Five" in session


def test_parallel_equals_serial(build_once) -> None:
    serial = build_once("papers-numbering", parallel=1)
    parallel = build_once("papers-numbering", parallel=2)
    assert warning_lines(parallel) == []
    assert bodies(parallel.outdir) == bodies(serial.outdir)


def add_to_first(src: Path) -> None:
    edit(src / "first.md", "::::\n", ":::{paper} zero\n:title: Paper Zero\n:::\n::::\n")


def reorder_toctree(src: Path) -> None:
    edit(src / "index.md", "first\nsecond\n", "second\nfirst\n")


EDITS = {
    # the second list's numbers shift (its page is written again), and so do the pages citing it
    "add_to_first": (add_to_first, {"first"}, {"first", "second", "session", "citing", "index"}),
    "reorder_toctree": (reorder_toctree, {"index"}, {"first", "second", "citing", "index"}),
}


@pytest.mark.parametrize("name", EDITS)
def test_incremental_equals_clean(name: str, tmp_path: Path) -> None:
    change, expect_read, expect_written = EDITS[name]
    built = rebuild("papers-numbering", tmp_path, change)
    incremental = bodies(built.incremental.outdir)
    assert incremental == bodies(built.clean.outdir)
    assert incremental != built.before
    assert set(built.read) == expect_read
    assert built.written - {"genindex", "search"} == expect_written
