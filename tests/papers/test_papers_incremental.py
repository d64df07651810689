"""After each kind of edit an incremental build equals a clean build, and re-writes only what changed."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from kit import bodies, edit, rebuild


def add_key(src: Path) -> None:
    with (src / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n@article{epsilon, title = {Epsilon Paper}}\n")


def remove_key(src: Path) -> None:
    edit(src / "refs.bib", "@article{beta,\n  title = {Beta Paper},\n  year = 2002,\n}\n", "")


def rename_key(src: Path) -> None:
    edit(src / "refs.bib", "@article{alpha,", "@article{alpha2,")


def move_list(src: Path) -> None:
    refs = (src / "refs.md").read_text(encoding="utf-8")
    block = refs[refs.index("::::{references}") :]
    (src / "refs.md").write_text("# References\n\nMoved to B.\n", encoding="utf-8")
    with (src / "b.md").open("a", encoding="utf-8") as page:
        page.write("\n" + block)


def change_bib(src: Path) -> None:
    edit(src / "refs.bib", "{Beta Paper}", "{Beta Paper, Revised}")


def cite_changes_order(src: Path) -> None:
    edit(src / "index.md", "Intro{cite}`alpha`", "Intro{cite}`delta,alpha`")


def edit_text(src: Path) -> None:
    edit(src / "b.md", "Plain text", "Plain, edited text")


def edit_citing_text(src: Path) -> None:
    edit(src / "a.md", "A cites", "A, edited, cites")


def add_backlink(src: Path) -> None:
    # alpha is already cited before b (index, a): numbers stay, only alpha's back-links change
    edit(src / "b.md", "Plain text, no citations.", "Plain text cites{cite}`alpha`.")


def remove_citation(src: Path) -> None:
    # the page cites nothing any more: alpha loses a back-link and is no longer the first cited
    edit(src / "index.md", "Intro{cite}`alpha`.", "Intro.")


def remove_citing_page(src: Path) -> None:
    (src / "a.md").unlink()
    edit(src / "index.md", "a\nb\n", "b\n")


Edit = Callable[[Path], None]

#: edit -> (documents re-read, documents written); None where Sphinx's own toctree handling decides.
#: Plain Sphinx re-writes "index" whenever a page of its toctree is re-read (its navigation may change).
EDITS: dict[str, tuple[Edit, set[str], set[str] | None]] = {
    "add_key": (add_key, {"refs"}, {"refs", "index"}),
    "remove_key": (remove_key, {"refs"}, {"refs", "a", "c", "index"}),
    "rename_key": (rename_key, {"refs"}, {"refs", "a", "index"}),
    "move_list": (move_list, {"refs", "b"}, {"refs", "b", "a", "c", "index"}),
    # c links to beta through {any}: its title is shown there too
    "change_bib": (change_bib, {"refs"}, {"refs", "a", "c", "index"}),
    "cite_changes_order": (cite_changes_order, {"index"}, {"index", "a", "refs"}),
    "edit_text": (edit_text, {"b"}, {"b", "index"}),
    # the live-preview loop: editing the text around citations re-writes no other page
    "edit_citing_text": (edit_citing_text, {"a"}, {"a", "index"}),
    # a citation-only edit: the list's back-links change, nothing else
    "add_backlink": (add_backlink, {"b"}, {"b", "refs", "index"}),
    "remove_citation": (remove_citation, {"index"}, {"index", "a", "refs"}),
    "remove_citing_page": (remove_citing_page, {"index"}, None),
}


@pytest.mark.parametrize("process", ["same", "new"])
@pytest.mark.parametrize("name", EDITS)
def test_incremental_equals_clean(name: str, process: str, tmp_path: Path) -> None:
    """*process*: rebuild with the same app (as a live preview can), or a new one (as sphinx-build does)."""
    change, expect_read, expect_written = EDITS[name]
    built = rebuild("papers-incremental", tmp_path, change, process=process)
    incremental, clean = bodies(built.incremental.outdir), bodies(built.clean.outdir)
    if name == "remove_citing_page":
        del incremental["a.html"]  # Sphinx leaves the old page behind
    assert incremental == clean
    assert incremental != built.before
    assert set(built.read) == expect_read
    if expect_written is not None:
        assert built.written & {"index", "a", "b", "c", "refs"} == expect_written
