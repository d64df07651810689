"""Bad input to accepted-papers pages: each problem of the settings, the exports and the directives is a
located ``workshop.*`` warning, in reStructuredText and in MyST, and the rest builds."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from kit import build, copy_root, soup, warning_lines
from sphinx.testing.util import SphinxTestApp

from sphinx_workshop.domains import accepted_domain

CONF = """\
project = "Bad"
extensions = ["myst_parser", "sphinx_workshop"]
html_theme = "basic"
papers_accepted = {
    "missing": "exports/missing.csv",
    "xls": "exports/old.xls",
    "latin": "exports/latin.csv",
    "json": "exports/broken.json",
    "columns": "exports/columns.csv",
    "cmt": "exports/cmt.csv",
    "rows": "exports/rows.csv",
    "unlisted": {"export": "exports/rows.csv", "group-by": "topic", "colour": "red", "year": "MMXX",
                 "key-prefix": "u", "pdf-url": "ftp://example.org/{id}.pdf"},
    "../up": "exports/rows.csv",
    "nothing": {"format": "csv"},
    "again": {"export": "exports/rows.csv", "format": "bibtex", "encoding": "klingon", "key-prefix": "2020"},
    "pre": {"export": "exports/rows.csv", "key-prefix": "Bad Prefix", "pdf-url": "https://example.org/all.pdf"},
}
"""
INDEX_RST = """\
Bad
===

.. toctree::

   myst

.. accepted-papers:: missing
.. accepted-papers:: xls
.. accepted-papers:: latin
.. accepted-papers:: json
.. accepted-papers:: columns
.. accepted-papers:: cmt
.. accepted-papers:: rows
.. accepted-papers:: again
.. accepted-papers:: nosuchset
.. accepted-papers::
.. accepted-paper:: paper-zz
   :set: rows
.. accepted-paper:: paper-p1
"""
MYST = """\
# MyST

```{accepted-papers} nosuchset
```

```{accepted-papers} rows
:colour: red
```

```{accepted-paper} paper-zz
:set: rows
```
"""


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    src = tmp_path_factory.mktemp("bad") / "src"
    (src / "exports").mkdir(parents=True)
    (src / "conf.py").write_text(CONF, encoding="utf-8")
    (src / "index.rst").write_text(INDEX_RST, encoding="utf-8")
    (src / "myst.md").write_text(MYST, encoding="utf-8")
    (src / "exports" / "old.xls").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest")
    (src / "exports" / "latin.csv").write_bytes(b"id,title\np1,Caf\xe9 Systems\n")
    (src / "exports" / "broken.json").write_text('[{"id": "a"},\n {"id": ]\n', encoding="utf-8")
    (src / "exports" / "columns.csv").write_text("id,name\np1,No Title Column\n", encoding="utf-8")
    (src / "exports" / "cmt.csv").write_text("Paper ID,Abstract\n1,An abstract\n", encoding="utf-8")
    (src / "exports" / "rows.csv").write_text(
        "id,title,authors\np1,Good Paper,Ann Lee\np2,Too,Many,Fields,Here\np1,Again,Bo Kim\np3,,Cy Dee\n",
        encoding="utf-8",
    )
    app = SphinxTestApp("html", srcdir=src, freshenv=True, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    return app


CONF_WARNINGS = [
    "papers_accepted['unlisted']: unknown key 'colour' (known: export, format, encoding, group-by, venue, "
    "year, key-prefix, pdf-url, extras); ignored [workshop.config]",
    "papers_accepted['unlisted']: 'pdf-url' 'ftp://example.org/{id}.pdf' is not an absolute http(s) URL "
    "holding {id}; the papers have no PDF link but the export's [workshop.config]",
    "papers_accepted['pre']: 'pdf-url' 'https://example.org/all.pdf' is not an absolute http(s) URL "
    "holding {id}; the papers have no PDF link but the export's [workshop.config]",
    "papers_accepted['unlisted']: 'group-by' 'topic' is not one of decision, session, track, none; using "
    "decision [workshop.config]",
    "papers_accepted['unlisted']: 'year' 'MMXX' is not a year; it is left out [workshop.config]",
    "the folder '../up' is not a relative path of letters, digits, '.', '_' and '-'; the set is left out "
    "[workshop.config]",
    "papers_accepted['nothing'] names no export ('export'); the set is left out [workshop.config]",
    "papers_accepted['again']: unknown format 'bibtex' (auto, openreview, openreview-csv, cmt, miniconf, "
    "csv); using auto [workshop.config]",
    "papers_accepted['again']: unknown encoding 'klingon'; using utf-8 [workshop.config]",
    "papers_accepted['pre']: 'key-prefix' 'Bad Prefix' is not lower-case letters and digits joined by '-'; "
    "the format's prefix is used [workshop.config]",
    "papers_accepted: no page lists the set 'pre' (add an accepted-papers directive naming it); its papers "
    "have pages that no link reaches [workshop.accepted_unlisted]",
    "papers_accepted: no page lists the set 'unlisted' (add an accepted-papers directive naming it); its "
    "papers have pages that no link reaches [workshop.accepted_unlisted]",
]
SETS = "'missing', 'xls', 'latin', 'json', 'columns', 'cmt', 'rows', 'unlisted', 'again', 'pre'"
EXPORT_WARNINGS = [
    '<src>/exports/cmt.csv:: WARNING: The CMT export has no "Paper Title" column (it has "Paper ID", '
    '"Abstract"); nothing was read. [workshop.export_column]',
    "<src>/exports/broken.json:2: WARNING: The file is not valid JSON: Expecting value at line 2, column 9; "
    "nothing was read from it. [workshop.export_syntax]",
    '<src>/exports/columns.csv:: WARNING: The file\'s columns ("id", "name") are those of no export format '
    "this reads (OpenReview, CMT, MiniConf, or the plain CSV with id and title); nothing was read. Name the "
    "format. [workshop.export_format]",
    "<src>/exports/latin.csv:2: WARNING: The byte at offset 15 (line 2) is not valid utf-8; nothing was read "
    "from the file. Save it as UTF-8, or give its encoding. [workshop.export_encoding]",
    "<src>/exports/missing.csv:: WARNING: The file cannot be read (No such file or directory); nothing was "
    "read. [workshop.export_file]",
    "<src>/exports/old.xls:: WARNING: The file is an Excel 97-2003 workbook (.xls), which cannot be read; "
    "nothing was read. Save it as .xlsx or as CSV UTF-8. [workshop.export_format]",
    "<src>/exports/rows.csv:3: WARNING: Line 3 has 5 fields where the header has 3; the row is skipped. "
    "[workshop.export_row]",
    "<src>/exports/rows.csv:4: WARNING: Line 4 (paper p1) has the id of Line 2; the later paper is skipped. "
    "[workshop.export_duplicate]",
    "<src>/exports/rows.csv:5: WARNING: Line 5 (paper p3) has an empty title; the paper is skipped. "
    "[workshop.export_value]",
]
DIRECTIVE_WARNINGS = [
    f"<src>/index.rst:16: WARNING: 'nosuchset' is not a set of papers_accepted (the sets: {SETS}); the "
    "accepted-papers directive is left out [workshop.bad_argument]",
    "<src>/index.rst:17: WARNING: the accepted-papers directive needs an argument; it is left out "
    "[workshop.bad_argument]",
    "<src>/index.rst:18: WARNING: no paper of the set 'rows' has the key 'paper-zz'; it is left out "
    "[workshop.bad_argument]",
    "<src>/index.rst:20: WARNING: the accepted-paper directive needs :set: (the folder of its set in "
    "papers_accepted); it is left out [workshop.missing_option]",
    f"<src>/myst.md:3: WARNING: 'nosuchset' is not a set of papers_accepted (the sets: {SETS}); the "
    "accepted-papers directive is left out [workshop.bad_argument]",
    "<src>/myst.md:7: WARNING: unknown option :colour: of the accepted-papers directive (known: class); it "
    "is ignored [workshop.unknown_option]",
    "<src>/myst.md:10: WARNING: no paper of the set 'rows' has the key 'paper-zz'; it is left out "
    "[workshop.bad_argument]",
]


def test_settings_warn_at_conf_py(built: SphinxTestApp) -> None:
    conf = "<src>/conf.py:4: WARNING: "
    assert sorted(line[len(conf) :] for line in warning_lines(built) if line.startswith(conf)) == sorted(
        CONF_WARNINGS
    )


def test_each_export_problem_is_warned_once_at_its_file_and_row(built: SphinxTestApp) -> None:
    exports = [line for line in warning_lines(built) if line.startswith("<src>/exports/")]
    assert sorted(exports) == sorted(EXPORT_WARNINGS)  # rows.csv serves four sets: its problems show once


def test_directives_warn_at_their_lines_in_rst_and_myst(built: SphinxTestApp) -> None:
    lines = [line for line in warning_lines(built) if line.startswith(("<src>/index.rst", "<src>/myst.md"))]
    assert sorted(lines) == sorted(DIRECTIVE_WARNINGS)


def test_two_sets_giving_one_key_warn_as_any_duplicate_key(built: SphinxTestApp) -> None:
    # "pre" and "rows" read one export with one prefix (pre's own was refused): the later page's paper loses
    assert [line for line in warning_lines(built) if line.startswith("<src>/pre/")] == [
        "<src>/pre/paper-p1.swpaper:3: WARNING: duplicate paper key 'paper-p1' (first listed at "
        "rows/paper-p1.swpaper:3); this entry is ignored [workshop.duplicate_key]"
    ]


def test_nothing_else_is_warned_and_the_rest_builds(built: SphinxTestApp) -> None:
    known = len(CONF_WARNINGS) + len(EXPORT_WARNINGS) + len(DIRECTIVE_WARNINGS) + 1
    assert len(warning_lines(built)) == known, "\n".join(warning_lines(built))
    titles = [a.get_text() for a in soup(built, "myst").select(".sw-accepted-title a")]
    assert titles == ["Good Paper"]
    assert soup(built, "again/2020-p1").select_one("section#paper-2020-p1") is not None
    assert Path(built.srcdir, "pre", "paper-p1.swpaper").is_file()


def test_pages_are_read_whatever_suffix_the_project_reads(tmp_path: Path) -> None:
    """The generated pages have a source type of their own: a project reading only its own type (here
    ``.x``, parsed as reStructuredText) still gets a page per paper, linked from its index."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(
        "from sphinx.parsers import RSTParser\n\n"
        'extensions = ["sphinx_workshop"]\n'
        'source_suffix = {".x": "x-text"}\n'
        'papers_accepted = {"papers": "papers.csv"}\n\n\n'
        "class XParser(RSTParser):\n"
        '    supported = ("x-text",)\n\n\n'
        "def setup(app):\n"
        "    app.add_source_parser(XParser)\n",
        encoding="utf-8",
    )
    (src / "index.x").write_text("Title\n=====\n\n.. accepted-papers:: papers\n", encoding="utf-8")
    (src / "papers.csv").write_text("id,title\np1,A Paper\n", encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, freshenv=True, status=StringIO(), warning=StringIO())
    try:
        app.build()
    finally:
        app.cleanup()
    assert warning_lines(app) == []
    assert sorted(path.name for path in (src / "papers").iterdir()) == [
        ".gitignore",
        "paper-p1.swpaper",
        "papers.bib",
    ]
    assert [a["href"] for a in soup(app, "index").select(".sw-accepted-title a")] == ["papers/paper-p1.html"]
    assert soup(app, "papers/paper-p1").select_one("section#paper-paper-p1 h1").get_text() == "A Paper¶"


def test_a_folder_given_twice_leaves_the_second_set_out_and_reads_the_next(tmp_path: Path) -> None:
    """Folders differing only in case are one folder (case-insensitive file systems): the second set is
    left out with a warning, and the sets after it are still read."""
    sets = {
        "papers": "exports/accepted.csv",
        "Papers": "exports/accepted.csv",
        "more": {"export": "exports/accepted.csv", "key-prefix": "more"},
    }
    app = build(
        copy_root("accepted-site", tmp_path), tmp_path / "out", confoverrides={"papers_accepted": sets}
    )
    assert "WARNING: the folder 'Papers' is given twice; the second set is left out [workshop.config]" in (
        warning_lines(app)
    )
    assert sorted(accepted_domain(app.env).sets) == ["more", "papers"]
    assert Path(app.srcdir, "more", "more-p1.swpaper").is_file()
