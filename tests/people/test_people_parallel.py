"""Parallel and incremental builds give the same pages as a serial, clean build."""

from __future__ import annotations

import shutil
from io import StringIO

import pytest
from kit import ROOTS, pages, warning_lines


def _copy(tmp_path, name: str):
    srcdir = tmp_path / name
    shutil.copytree(ROOTS / "test-people-site", srcdir)
    return srcdir


def _build(make_app, srcdir, builddir, **kwargs):
    """One build with its own warning stream; Sphinx's global registrations are undone after it."""
    app = make_app("html", srcdir=srcdir, builddir=builddir, status=StringIO(), warning=StringIO(), **kwargs)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def _edit(path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new), encoding="utf-8")


def test_parallel_build_equals_serial(make_app, tmp_path) -> None:
    srcdir = _copy(tmp_path, "src")
    serial = _build(make_app, srcdir, tmp_path / "serial", freshenv=True)
    parallel = _build(make_app, srcdir, tmp_path / "parallel", freshenv=True, parallel=2)
    assert warning_lines(serial, src="") == warning_lines(parallel, src="") == []
    assert pages(parallel.outdir) == pages(serial.outdir)
    assert parallel.env.domains["people"].people == serial.env.domains["people"].people
    assert len(serial.env.domains["people"].people) == 6


CARD = """
:::{organizer} Jonathan Raiman
:affiliation: NVIDIA
:twitter: jonathanrraiman
:::
"""


def _apply_edits(srcdir) -> None:
    """Move a card to another page, rename a linked person, change two affiliations."""
    _edit(srcdir / "committee.md", CARD, "")
    _edit(srcdir / "speakers.md", "::::{organizers}\n", "::::{organizers}\n" + CARD)
    _edit(srcdir / "speakers.md", ":::{speaker} Ed Chi", ":::{speaker} Ed H. Chi")
    _edit(
        srcdir / "index.md",
        ":affiliation: Google Brain\n:twitter: annadgoldie",
        ":affiliation: Google\n:twitter: annadgoldie",
    )
    _edit(  # contact.md links to her through {any} alone
        srcdir / "index.md",
        ":affiliation: Google Brain\n:twitter: Azaliamirh",
        ":affiliation: Stanford\n:twitter: Azaliamirh",
    )


@pytest.mark.parametrize("parallel", [0, 2], ids=["serial", "parallel"])
def test_incremental_build_equals_clean(make_app, tmp_path, parallel) -> None:
    srcdir = _copy(tmp_path, "src")
    first = _build(make_app, srcdir, tmp_path / "incremental", freshenv=True, parallel=parallel)
    assert warning_lines(first, src="") == []
    before = pages(first.outdir)
    assert 'href="committee.html#person-jonathan-raiman"' in before["panel.html"]

    _apply_edits(srcdir)
    again = _build(make_app, srcdir, tmp_path / "incremental", parallel=parallel)
    clean = _build(make_app, srcdir, tmp_path / "clean", freshenv=True, parallel=parallel)

    # panel.md and program.md were not edited: their links were rewritten all the same.
    expected_warning = (
        "program.md:3: WARNING: no organizer or speaker card for 'Ed Chi' in {person} "
        "[workshop.person_unknown]"
    )
    assert warning_lines(again, src="") == warning_lines(clean, src="") == [expected_warning]
    after = pages(again.outdir)
    assert after == pages(clean.outdir)
    assert 'href="speakers.html#person-jonathan-raiman"' in after["panel.html"]
    assert 'title="Anna Goldie, Google"' in after["program.html"]
    assert 'title="Azalia Mirhoseini, Stanford"' in after["contact.html"]
    assert "person-ed-chi" not in after["program.html"]
    assert 'id="person-ed-h-chi"' in after["speakers.html"]
    assert 'id="person-jonathan-raiman"' not in after["committee.html"]
    assert again.env.domains["people"].people == clean.env.domains["people"].people


def test_duplicate_across_pages_warns_again_when_either_page_is_read(make_app, tmp_path) -> None:
    srcdir = _copy(tmp_path, "src")
    _edit(srcdir / "news.md", "Nothing about people here.", ":::{speaker} Anna Goldie\n:::")
    first = _build(make_app, srcdir, tmp_path / "out", freshenv=True)
    duplicate = (
        "news.md:3: WARNING: duplicate card for 'Anna Goldie' (id 'person-anna-goldie', first at "
        "index.md:7); links go to the first [workshop.duplicate_person]"
    )
    assert warning_lines(first, src="") == [duplicate]
    untouched = _build(make_app, srcdir, tmp_path / "out")
    assert warning_lines(untouched, src="") == []  # nothing re-read, nothing to say
    _edit(srcdir / "index.md", "# Workshop", "# The workshop")
    reread = _build(make_app, srcdir, tmp_path / "out")
    assert warning_lines(reread, src="") == [duplicate]
