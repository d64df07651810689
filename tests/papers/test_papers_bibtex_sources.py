"""Contract items 7 and 8: the files of one list share macros; encodings per project and per list."""

from __future__ import annotations

import pytest
from kit import build, copy_root, edit, soup, warning_lines


def test_macros_of_the_first_file_serve_the_second(build_once) -> None:
    app = build_once("papers-macros")
    assert warning_lines(app) == []
    items = {li["id"]: li.get_text() for li in soup(app).select(".sw-papers-references > li")}
    assert items == {
        "paper-gandiva": "Gandiva: Introspective Cluster Scheduling for Deep Learning. Wencong Xiao et al. "
        "13th USENIX Symposium on Operating Systems Design and Implementation, USENIX Association, "
        "October 2018.",
        "paper-acmpaper": "Uses a Macro. Jane Doe. ACM Computing Surveys, 2019.",
    }
    text = build_once("papers-macros", "text").outdir / "index.txt"
    assert "ACM Computing Surveys, 2019." in " ".join(text.read_text(encoding="utf-8").split())


ENCODING_WARNING = (
    "<src>/latin1-again.bib:2: WARNING: cannot decode 'latin1-again.bib' as utf-8: "
    "invalid byte at offset 32; "
    "set papers_bibtex_encoding (or :encoding:) to the file's encoding (for example latin-1); "
    "the file is not read [workshop.bibfile_encoding]"
)


def test_list_encoding_and_located_decoding_error(build_once) -> None:
    app = build_once("papers-encoding")
    assert warning_lines(app) == [ENCODING_WARNING]
    assert (
        soup(app).select_one("#paper-mueller").get_text() == "Über Caches. Jörg Müller. Zürich Reports, 2001."
    )
    other = soup(app, "default")
    assert [li["id"] for li in other.select(".sw-papers-references > li")] == ["paper-utf"]  # the other file


def test_project_encoding(build_once) -> None:
    app = build_once("papers-encoding", confoverrides={"papers_bibtex_encoding": "latin-1"})
    assert warning_lines(app) == []  # the utf-8 file decodes as latin-1 too (as mojibake, like BibTeX)
    assert (
        soup(app, "default").select_one("#paper-garcon").get_text() == "Café Systems. François Garçon. 2002."
    )
    latex = build_once("papers-encoding", "latex", confoverrides={"papers_bibtex_encoding": "latin-1"})
    assert "Café Systems" in next(latex.outdir.glob("*.tex")).read_text(encoding="utf-8")


def test_bad_project_encoding_falls_back(build_once) -> None:
    app = build_once("papers-encoding", confoverrides={"papers_bibtex_encoding": "klingon"})
    assert warning_lines(app)[0] == (
        "WARNING: invalid value 'klingon' for papers_bibtex_encoding (expected a Python codec name); "
        "using the default 'utf-8' [workshop.config]"
    )


@pytest.mark.parametrize("names", [[" "], [7], ["refs.bib", ""]])
def test_a_project_bib_list_of_empty_or_non_text_names_falls_back(build_once, names) -> None:
    """Each name of ``papers_bibfiles`` is a non-blank string: otherwise one located warning, no crash."""
    app = build_once("papers-encoding", confoverrides={"papers_bibfiles": names})
    assert warning_lines(app)[0] == (
        f"WARNING: invalid value {names!r} for papers_bibfiles (expected a list of paths (strings)); "
        "using the default [] [workshop.config]"
    )


def test_unknown_list_encoding_is_named_and_falls_back(tmp_path) -> None:
    src = copy_root("papers-encoding", tmp_path)
    edit(src / "index.md", ":encoding: latin-1", ":encoding: klingon")
    app = build(src, tmp_path / "out")
    assert (
        "<src>/index.md:5: WARNING: unknown :encoding: 'klingon'; using 'utf-8' [workshop.bad_option]"
    ) in warning_lines(app)
