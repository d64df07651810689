"""Textual and footnote citations: incremental == clean after each kind of edit, and ``-j 2`` == ``-j 1``."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from kit import bodies, copy_root, edit, rebuild, soup, warning_lines
from sphinx.util.console import strip_escape_sequences


def change_authors(src: Path) -> None:
    # {cite:t} and {cite:author} of kraska (index, rstpage) show the new names
    edit(src / "papers.bib", "author = {Kraska, Tim and Beutel, Alex}", "author = {Kraska, Tim}")


def change_footnoted_title(src: Path) -> None:
    # lamport is in footnotes on foot and rstpage: their footnotes show the new title
    edit(src / "papers.bib", "{Time, Clocks, and the Ordering", "{Time, Clocks and the Ordering")


def change_year(src: Path) -> None:
    edit(src / "more.bib", "year = 2003", "year = 2004")


def change_list_style(src: Path) -> None:
    # author-year becomes numbered: {cite:t} there and {cite:p} of dean on rstpage change form
    edit(src / "authoryear.md", ":style: list\n", "")


def add_footcite(src: Path) -> None:
    edit(
        src / "foot.md",
        "Again{footcite}`mao2019scheduling`",
        "Again{footcite}`mao2019scheduling,kraska2018case`",
    )


def renumber(src: Path) -> None:
    # a new first entry shifts every number of the list: {cite:t} and {cite:p} elsewhere follow
    with (src / "papers.bib").open("r+", encoding="utf-8") as bib:
        text = bib.read()
        bib.seek(0)
        bib.write("@article{aaa2000first, title = {First}, author = {First, Ann}, year = 2000}\n\n" + text)


EDITS: dict[str, Callable[[Path], None]] = {
    "change_authors": change_authors,
    "change_footnoted_title": change_footnoted_title,
    "change_year": change_year,
    "change_list_style": change_list_style,
    "add_footcite": add_footcite,
    "renumber": renumber,
}


@pytest.mark.parametrize("process", ["same", "new"])
@pytest.mark.parametrize("name", EDITS)
def test_incremental_equals_clean(name: str, process: str, tmp_path: Path) -> None:
    """*process*: rebuild with the same app (as a live preview can), or a new one (as sphinx-build does)."""
    built = rebuild("papers-textual", tmp_path, EDITS[name], process=process)
    incremental = bodies(built.incremental.outdir)
    assert incremental != built.before
    assert incremental == bodies(built.clean.outdir)


def test_parallel_equals_serial(build_once, tmp_path: Path) -> None:
    """More pages than Sphinx reads serially, each with every form and footnotes, read in two processes."""
    src = copy_root("papers-textual", tmp_path)
    for n in range(4):
        (src / f"extra{n}.md").write_text(
            f"# Extra {n}\n\n{{cite:t}}`mao2019scheduling` and "
            f"{{cite:p}}`{{see}}dean2008mapreduce{{p. {n}}}`,"
            f" {{cite:year}}`ghemawat2003gfs`; noted{{footcite}}`lamport1978time,kraska2018case`.\n",
            encoding="utf-8",
        )
    (src / "extra.rst").write_text(
        "Extra rST\n=========\n\n:cite:t:`kraska2018case`, noted\\ :footcite:`dean2008mapreduce`.\n",
        encoding="utf-8",
    )
    edit(src / "index.md", "rstpage\n```", "rstpage\nextra0\nextra1\nextra2\nextra3\nextra\n```")
    serial = build_once("papers-textual", parallel=1, srcdir=src)
    parallel = build_once("papers-textual", parallel=2, srcdir=src)
    chunked = re.compile(r"reading sources\.\.\. \[\s*\d+%\] \S+ \.\. \S+")
    assert chunked.search(strip_escape_sequences(parallel.status.getvalue()))
    assert warning_lines(serial) == warning_lines(parallel) == []
    expected = bodies(serial.outdir)
    assert len(expected) == 9
    assert bodies(parallel.outdir) == expected


@pytest.mark.parametrize("process", ["same", "new"])
def test_textual_only_page_is_rewritten_when_authors_change(process: str, tmp_path: Path) -> None:
    """A page whose only citation is {cite:t} (textual) or {cite:author} (author) shows the entry's
    names and nothing the authors change otherwise (number, title, page): the papers domain alone can
    tell Sphinx to write it again, since it is not re-read and no toctree lists its children."""

    def drop_an_author(src: Path) -> None:
        edit(src / "refs.bib", "Mao, Hongzi and Schwarzkopf, Malte and", "Mao, Hongzi and")

    built = rebuild("papers-textual-authors", tmp_path, drop_an_author, process=process)
    assert built.read == ["refs"]  # the page of the list; the citing pages are not re-read
    assert {"textual", "author"} <= built.written
    assert [
        " ".join(soup(app, page).select_one(f".sw-papers-cite-{form}").get_text().split())
        for app in (built.incremental, built.clean)
        for page, form in (("textual", "t"), ("author", "author"))
    ] == ["Mao and Alizadeh [1]", "Mao and Alizadeh"] * 2
    assert bodies(built.incremental.outdir) == bodies(built.clean.outdir)
