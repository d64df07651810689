"""``:filter:``: the grammar (valid and invalid expressions, nothing evaluated) and lists built with it."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from kit import bodies, copy_root, soup, warning_lines
from sphinx.testing.util import SphinxTestApp

from sphinx_workshop.papers.filters import FIELDS, FilterError, matches, parse_filter

FACTS = {
    "type": "inproceedings",
    "key": "mirhoseini2017device",
    "author": ("Azalia Mirhoseini", "Hieu Pham", "Mirhoseini", "Pham"),
    "year": 2017,
    "keywords": ("Session1", "placement"),
    "cited": True,
    "cited_on": ("index", "program"),
}

VALID = {
    'type == "inproceedings" and year >= 2019': False,
    'type == "inproceedings" and year >= 2017': True,
    '"session1" in keywords': True,  # keywords without case
    '"session2" in keywords': False,
    '"session2" not in keywords': True,
    'cited_on == "program"': True,
    'cited_on != "program"': False,
    '"Mirhoseini" in author': True,
    '"Azalia Mirhoseini" in author': True,
    '"Mirho" in author': False,  # a name, not a part of one
    '"2017" in key': True,  # a text field: substring
    "cited and not year < 2000": True,
    "not cited": False,
    "2015 < year <= 2017": True,
    'year == "2017"': False,  # an integer is not a string
    'year > "2000"': False,  # comparing different kinds is false, not an error
    'type in ("article", "inproceedings")': True,
    'type in ["article"]': False,
    'key == "x" or (year == 2017 and cited)': True,
    "True": True,
    '"2017" not in key': False,  # not in on a text field: no substring
    'key != "MIRHOSEINI2017DEVICE"': True,  # only keywords ignore case
    '"PLACEMENT" not in keywords': False,
    'type == ("article", "inproceedings")': True,  # == a list of values: one of them
    'type != ("article", "inproceedings")': False,
    'type not in ("article", "proceedings")': True,
    'author in ("Pham", "Roe")': True,  # several values on both sides: one in common
    'author in ("Roe", "Doe")': False,
    'author == ("Pham", "Roe")': False,  # == of two lists: the same values
}

KNOWN = "(known: type, key, author, year, keywords, cited, cited_on)"
#: Each refused filter and its whole message (the warning shows it as it is).
INVALID = {
    '__import__("os").system("x")': "a call is not allowed in a filter",
    "type.upper()": "a call is not allowed in a filter",
    "key.__class__": "an attribute is not allowed in a filter",
    "author[0]": "a subscript is not allowed in a filter",
    "year + 1 > 2018": "arithmetic is not allowed in a filter",
    "venue == 'ICML'": f"unknown field 'venue' {KNOWN}",
    "__builtins__": f"unknown field '__builtins__' {KNOWN}",
    "year > 2017.5": "the literal 2017.5 is not allowed in a filter (strings and integers are)",
    "type == None": "the literal None is not allowed in a filter (strings and integers are)",
    "lambda: 1": "a lambda is not allowed in a filter",
    "(x := 1)": "an assignment is not allowed in a filter",
    "year is 2017": "the operator Is is not allowed in a filter",
    "[k for k in key]": "a ListComp expression is not allowed in a filter",
    'f"{key}"': "a JoinedStr expression is not allowed in a filter",
    "type == ": "invalid syntax (invalid syntax)",
    "year >= 2019)": "invalid syntax (unmatched ')')",
    "": "the filter is empty",
    "type in (key,)": "a tuple or list in a filter holds literals only",
    "not " * 200 + "cited": "the filter is nested too deeply",
    "x" * 1001: "the filter is longer than 1000 characters",
}


@pytest.mark.parametrize(("text", "expected"), VALID.items())
def test_valid_expressions(text: str, expected: bool) -> None:
    assert matches(parse_filter(text), FACTS) is expected


@pytest.mark.parametrize(("text", "message"), INVALID.items())
def test_invalid_expressions(text: str, message: str) -> None:
    with pytest.raises(FilterError) as refused:
        parse_filter(text)
    assert str(refused.value) == message


def _nested_booleans(levels: int) -> str:
    """``cited`` under *levels* nested and/or (alternating, so Python does not flatten them)."""
    text = "cited"
    for level in range(levels):
        text = f"cited {'and' if level % 2 else 'or'} ({text})"
    return text


#: Each kind of nesting at the limit (50 levels below the top) and one past it: the depth is counted
#: the same through not, and/or, the operands of a comparison and the items of a tuple.
DEPTHS = {
    "not": lambda extra: "not " * (50 + extra) + "cited",
    "and/or": lambda extra: _nested_booleans(50 + extra),
    "comparison": lambda extra: "not " * (49 + extra) + "cited == True",
    "tuple": lambda extra: "not " * (48 + extra) + 'type in ("a", "b")',
}


@pytest.mark.parametrize("kind", DEPTHS)
def test_nesting_limit(kind: str) -> None:
    assert isinstance(parse_filter(DEPTHS[kind](0)), tuple)
    with pytest.raises(FilterError) as refused:
        parse_filter(DEPTHS[kind](1))
    assert str(refused.value) == "the filter is nested too deeply"


_EVENTS: list[str] = []
_WATCHING: list[bool] = []


def _audit(event: str, args: object) -> None:
    if _WATCHING and event in {"exec", "os.system", "subprocess.Popen", "import", "open", "builtins.input"}:
        _EVENTS.append(event)


sys.addaudithook(_audit)  # audit hooks cannot be removed: it records only while a test watches

_TOKENS = st.sampled_from(
    [*FIELDS, "and", "or", "not", "in", "not in", "==", "!=", "<", "<=", ">", ">=", "(", ")", ",", "[", "]",
     '"session1"', "'x'", "2019", "0", "True", "__import__", '("os")', ".system", "(1)", "lambda", ":", "+",
     "*", "eval", "open", "[0]", ".__class__", "if", "else", "f'{1}'", "\\", "#", ";", "\x00", "1e9", "@"]
)  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(_TOKENS, max_size=12).map(" ".join) | st.text(max_size=40))
def test_random_expressions_never_raise_and_never_evaluate(text: str) -> None:
    _WATCHING.append(True)
    try:
        try:
            checked = parse_filter(text)
        except FilterError:
            return
        assert isinstance(matches(checked, FACTS), bool)
        assert checked.fields <= set(FIELDS)
    finally:
        _WATCHING.pop()
        events, _EVENTS[:] = list(_EVENTS), []
    assert events == []  # nothing executed, imported or opened


def test_the_call_is_never_made(tmp_path: Path) -> None:
    marker = tmp_path / "made"
    text = f'__import__("os").system("touch {marker}") or cited'
    with pytest.raises(FilterError):
        parse_filter(text)
    assert not marker.exists()


def _ids(app, page: str) -> list[list[str]]:
    return [[li["id"] for li in lst.select("li")] for lst in soup(app, page).select(".sw-papers-references")]


def test_lists_show_what_their_filters_select(build_once) -> None:
    app = build_once("papers-filters")
    assert warning_lines(app) == []
    # the accepted papers of session 1, by keyword: BibTeX entries, then a paper's :keywords:
    assert _ids(app, "session") == [["paper-a1", "paper-a3", "paper-p1"], ["paper-p5"]]  # then "Ann Star*"
    assert _ids(app, "other") == [["paper-a2", "paper-a4"], ["paper-p4"], ["paper-m1"]]
    assert _ids(app, "cited") == [["paper-m2"]]


def cite_elsewhere(src: Path) -> None:
    path = src / "citing.md"
    path.write_text("# Citing\n\nNow cites{cite}`m3`.\n", encoding="utf-8")


def test_a_citation_elsewhere_rewrites_a_cited_filter_list(tmp_path: Path) -> None:
    src = copy_root("papers-filters", tmp_path)
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "incremental", freshenv=True)
    written: set[str] = set()
    try:
        app.build()
        cite_elsewhere(src)
        app.cleanup()
        app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "incremental")
        app.connect("html-page-context", lambda app, page, *args: written.add(page))
        app.build()
        incremental = bodies(app.outdir)
        assert _ids(app, "cited") == [["paper-m2", "paper-m3"]]
    finally:
        app.cleanup()
    assert "cited" in written  # not re-read: written again because what its filter selects changed
    clean = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "clean", freshenv=True)
    try:
        clean.build()
    finally:
        clean.cleanup()
    assert incremental == bodies(clean.outdir)


def test_parallel_equals_serial(build_once) -> None:
    serial = build_once("papers-filters", parallel=1)
    parallel = build_once("papers-filters", parallel=2)
    assert warning_lines(parallel) == []
    assert bodies(parallel.outdir) == bodies(serial.outdir)


BAD = [
    "<src>/conf.py:4: WARNING: papers_bibfiles: cannot read 'missing.bib': No such file or directory "
    "[workshop.bibfile_missing]",
    "<src>/conf.py:4: WARNING: papers_bibfiles: '../outside.bib' is outside the project's source directory; "
    "it is not read [workshop.bibfile_outside]",
    "<src>/index.md:4: WARNING: invalid :filter: 'venue == \"ICML\"': unknown field 'venue' "
    "(known: type, key, author, year, keywords, cited, cited_on); the list shows nothing "
    "[workshop.bad_filter]",
    "<src>/index.md:12: WARNING: invalid :start: '0' of the references directive "
    "(expected a positive integer); it is ignored [workshop.bad_option]",
    "<src>/index.md:13: WARNING: invalid :label-prefix: 'B1' (expected text without spaces, commas or "
    "brackets, not ending in a digit); a letter is used [workshop.bad_option]",
    '<src>/rst.rst:5: WARNING: invalid :filter: \'__import__("os").system("x")\': a call is not allowed in a '
    "filter; the list shows nothing [workshop.bad_filter]",
    "<src>/rst.rst:11: WARNING: invalid :start: 'x' of the references directive "
    "(expected a positive integer); it is ignored [workshop.bad_option]",
    # a :label-prefix: an earlier list has: the later list gets the first free letter (C is given)
    "<src>/rst.rst:16: WARNING: label prefix 'C' is also the prefix of the list at index.md:20; its "
    "citations would name two papers: this list's labels use 'B' [workshop.bad_option]",
]


def test_bad_filters_and_numbers_warn_at_their_lines(build_once) -> None:
    app = build_once("papers-filters-bad")
    assert warning_lines(app) == BAD
    assert _ids(app, "index") == [
        ["paper-b"],
        ["paper-e"],
    ]  # the bad filter's list shows nothing, not everything
    assert [label.get_text() for label in soup(app, "index").select(".sw-papers-label")] == ["A1.", "C1."]
    assert [label.get_text() for label in soup(app, "rst").select(".sw-papers-label")] == ["B1."]
    assert _ids(app, "rst") == [["paper-d"], ["paper-f"]]
    assert soup(app, "rst").select_one("ol.sw-papers-references").get("start") is None
