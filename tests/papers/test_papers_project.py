"""The project's bibliography (``papers_bibfiles``): read once per change, listed by lists without source.

A ``references`` list with neither ``:bibfile:`` nor body lists the project's entries (``:cited-only:``:
the cited ones; ``:filter:``: those it selects); an entry is shown by the first list that shows it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from kit import bodies, copy_root, edit, rebuild, soup, warning_lines
from pybtex.database import parse_string

from sphinx_workshop.papers import bibtex


def _ids(app, page: str) -> list[list[str]]:
    return [[li["id"] for li in lst.select("li")] for lst in soup(app, page).select(".sw-papers-references")]


def test_lists_of_the_project_bibliography(build_once) -> None:
    app = build_once("papers-project")
    assert warning_lines(app) == []
    # the accepted papers of session 1, by their keyword (compared without case)
    assert _ids(app, "session1") == [["paper-gamma", "paper-delta"]]
    assert _ids(app, "program") == [["paper-epsilon"]]  # cited_on == "program" and session 2
    # the cited papers no earlier list shows; numbers go on from the program's list
    assert _ids(app, "refs") == [["paper-alpha", "paper-beta"]]
    assert soup(app, "refs").select_one("ol")["start"] == "2"
    assert [a.get_text() for a in soup(app, "index").select("sup.sw-papers-cite a")] == ["2", "3"]
    program = [(a.get_text(), a["href"]) for a in soup(app, "program").select("sup.sw-papers-cite a")]
    assert program == [("1", "#paper-epsilon"), ("Doe 2020", "session1.html#paper-gamma")]
    title = soup(app, "refs").select_one("#paper-alpha .sw-papers-title").get_text()
    assert title == "Device Placement Optimization with Reinforcement Learning"


def test_entry_gives_listed_then_project_entries(build_once) -> None:
    app = build_once("papers-project")
    domain = app.env.domains["papers"]
    listed = domain.entry("ALPHA")  # case ignored, as BibTeX does
    assert listed is not None and (listed.key, listed.docname) == ("alpha", "refs")
    unlisted = domain.entry("zeta")
    assert unlisted is not None and unlisted.title == "Zeta Paper, Never Listed"
    assert unlisted.docname == "" and unlisted.source.endswith("bib/project.bib")
    assert unlisted.source_line == 36
    assert "zeta" not in domain.papers
    assert domain.entry("nope") is None


def test_parallel_equals_serial(build_once) -> None:
    serial = build_once("papers-project", parallel=1)
    parallel = build_once("papers-project", parallel=2)
    assert warning_lines(parallel) == []
    assert bodies(parallel.outdir) == bodies(serial.outdir)


def change_bib(src: Path) -> None:
    edit(src / "bib" / "project.bib", "{Beta Paper}", "{Beta Paper, Revised}")


def uncite(src: Path) -> None:
    # the program's list then shows nothing: the references page numbers from 1
    edit(src / "program.md", "session 2{cite}`epsilon`", "session 2")


def edit_text(src: Path) -> None:
    edit(src / "program.md", "The talk", "The first talk")


#: edit -> (documents re-read, documents written, times the .bib is parsed)
EDITS = {
    "change_bib": (change_bib, {"session1", "program", "refs"}, {"session1", "program", "refs", "index"}, 1),
    # session1 too: gamma's citation on the program is now its first (its back-link changes)
    "uncite": (uncite, {"program"}, {"program", "session1", "refs", "index"}, 0),
    "edit_text": (edit_text, {"program"}, {"program", "index"}, 0),
}


@contextlib.contextmanager
def _counting_parses(monkeypatch: pytest.MonkeyPatch, parsed: list[object]) -> Iterator[None]:
    """Each parse of .bib text into *parsed*, from a cold loader cache (as in a new sphinx-build)."""
    real_parse = bibtex.parse_bibs
    with monkeypatch.context() as patch:
        bibtex._load.cache_clear()
        patch.setattr(bibtex, "parse_bibs", lambda texts: parsed.append(texts) or real_parse(texts))
        yield


@pytest.mark.parametrize("name", EDITS)
def test_incremental_equals_clean(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    change, expect_read, expect_written, parses = EDITS[name]
    parsed: list[object] = []
    built = rebuild("papers-project", tmp_path, change, during=_counting_parses(monkeypatch, parsed))
    assert len(parsed) == parses  # once per change, not once per page
    incremental = bodies(built.incremental.outdir)
    assert incremental == bodies(built.clean.outdir)
    assert incremental != built.before
    assert set(built.read) == expect_read
    assert built.written - {"genindex", "search"} == expect_written


def test_project_lists_cite_their_entries_as_the_bib_has_them(build_once) -> None:
    """With ``papers_cite_this = True`` a list of ``papers_bibfiles`` shows each entry's BibTeX
    (macros expanded) and writes its .bib, like a list with ``:bibfile:``."""
    app = build_once("papers-project", confoverrides={"papers_cite_this": True})
    assert warning_lines(app) == []
    alpha = soup(app, "refs").select_one("#paper-alpha details.sw-papers-cite-this pre").get_text()
    assert alpha.startswith("@inproceedings{alpha,")
    assert "ICML" in alpha and "icml" not in alpha.replace("ICML", "")  # the @string macro expanded
    exported = (app.outdir / "refs.bib").read_text(encoding="utf-8")
    assert list(parse_string(exported, "bibtex").entries) == ["alpha", "beta"]


def test_a_project_file_that_does_not_decode_names_the_setting(build_once, tmp_path: Path) -> None:
    """The warning is at the file and names ``papers_bibtex_encoding`` (a list's file names ``:encoding:``
    too); the file is left out and the other project files are read."""
    srcdir = copy_root("papers-project", tmp_path)
    (srcdir / "bib" / "latin.bib").write_bytes(
        b"@misc{zeta,\n  title = {Caf\xe9 Systems},\n  year = {2020},\n}\n"
    )
    edit(srcdir / "conf.py", '["bib/project.bib"]', '["bib/project.bib", "bib/latin.bib"]')
    app = build_once("papers-project", srcdir=srcdir)
    assert warning_lines(app) == [
        "<src>/bib/latin.bib:2: WARNING: cannot decode 'latin.bib' as utf-8: invalid byte at offset 26; "
        "set papers_bibtex_encoding to the file's encoding (for example latin-1); the file is not read "
        "[workshop.bibfile_encoding]"
    ]
    assert _ids(app, "session1") == [["paper-gamma", "paper-delta"]]


def test_a_key_no_list_shows_says_where_it_is(build_once, tmp_path: Path) -> None:
    """Without a ``:cited-only:`` list, a citation of a key only ``papers_bibfiles`` has says so."""
    srcdir = copy_root("papers-project", tmp_path)
    (srcdir / "refs.md").write_text("# References\n\nNone listed here.\n", encoding="utf-8")
    with (srcdir / "index.md").open("a", encoding="utf-8") as page:
        page.write("\nSee {paper}`zetta`.\n")
    app = build_once("papers-project", srcdir=srcdir)
    hint = "; it is in papers_bibfiles, but no references list shows it (a list with :cited-only: would)"
    assert warning_lines(app) == [
        f"<src>/index.md:3: WARNING: unknown paper key 'alpha' in {{cite}}{hint} [workshop.cite_unknown]",
        f"<src>/index.md:3: WARNING: unknown paper key 'beta' in {{cite}}{hint} [workshop.cite_unknown]",
        "<src>/index.md:11: WARNING: unknown paper key 'zetta' in {paper} [workshop.cite_unknown]",
    ]
