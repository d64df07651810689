"""Cite this paper after edits: an incremental build's disclosures and .bib files equal a clean build's.

And ``-j 2`` equals ``-j 1``: the disclosures, the .bib files and the domain data merged from readers.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import sphinx
from kit import bodies, edit, rebuild, warning_lines
from sphinx.testing.util import SphinxTestApp


def edit_bib_entry(src: Path) -> None:
    edit(src / "cite.bib", "pages = {10--20},", "pages = {11--21},")


def edit_string_macro(src: Path) -> None:
    edit(src / "cite.bib", '"USENIX Association"', '"The USENIX Association"')


def edit_paper(src: Path) -> None:
    edit(src / "index.md", ":title: A Preprint Without Venue", ":title: A Preprint, Revised")


def edit_rst_paper(src: Path) -> None:
    edit(src / "rstpage.rst", ":venue: SysML", ":venue: MLSys")


def turn_on(src: Path) -> None:
    edit(src / "rstpage.rst", "   :no-cite-this:\n", "   :cite-this:\n")


def remove_list(src: Path) -> None:
    # bibpage's first list (and its bibpage.bib) goes; its second list becomes the first (index's
    # citations of its entries become warnings, in both builds)
    edit(src / "bibpage.md", ":::{references}\n:bibfile: cite.bib\n:cite-this:\n:::\n", "")
    edit(src / "bibpage.md", ":bibfile: other.bib\n", ":bibfile: other.bib\n:cite-this:\n")


def remove_page(src: Path) -> None:
    (src / "rstpage.rst").unlink()
    edit(src / "index.md", "rstpage\n", "")


EDITS: dict[str, Callable[[Path], None]] = {
    "edit_bib_entry": edit_bib_entry,
    "edit_string_macro": edit_string_macro,
    "edit_paper": edit_paper,
    "edit_rst_paper": edit_rst_paper,
    "turn_on": turn_on,
    "remove_list": remove_list,
    "remove_page": remove_page,
}


def _bibfiles(outdir: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(Path(outdir).glob("*.bib"))}


def _output(outdir: Path) -> tuple[dict[str, str], dict[str, str]]:
    """The pages (the <details>) and the exported .bib files."""
    return bodies(outdir), _bibfiles(outdir)


def _state(app: SphinxTestApp) -> tuple[object, ...]:
    domain = app.env.domains["papers"]
    lists = {doc: list(records) for doc, records in domain.data["lists"].items() if records}
    return domain.papers, lists, dict(domain.bibfiles)


@pytest.mark.parametrize("process", ["same", "new"])
@pytest.mark.parametrize("name", EDITS)
def test_incremental_equals_clean(name: str, process: str, tmp_path: Path) -> None:
    built = rebuild("papers-citethis", tmp_path, EDITS[name], process=process, snapshot=_output)
    incremental, clean = _output(built.incremental.outdir), _output(built.clean.outdir)
    before = built.before
    incremental_state, clean_state = _state(built.incremental), _state(built.clean)
    incremental_warnings, clean_warnings = warning_lines(built.incremental), warning_lines(built.clean)
    if name == "remove_page":
        del incremental[0]["rstpage.html"]  # Sphinx leaves the old page behind (its .bib is deleted)
        if process == "same" and sphinx.version_info < (8,):
            # Sphinx 7.4 itself, with no extension loaded, warns of the removed page's old toctree
            # entry when the same application builds again
            stale = "toctree contains reference to nonexisting document 'rstpage'"
            incremental_warnings = [line for line in incremental_warnings if stale not in line]
    assert incremental_warnings == clean_warnings
    assert incremental == clean  # the pages (the <details>) and the exported .bib files
    assert incremental != before
    assert incremental_state == clean_state  # no stale lists or file names in the environment


def test_parallel_equals_serial(build_once) -> None:
    serial = build_once("papers-citethis", parallel=1)
    parallel = build_once("papers-citethis", parallel=2)
    assert warning_lines(serial) == warning_lines(parallel) == []
    assert bodies(parallel.outdir) == bodies(serial.outdir)
    assert _bibfiles(parallel.outdir) == _bibfiles(serial.outdir)
    assert len(_bibfiles(serial.outdir)) == 3
    assert _state(parallel) == _state(serial)
