"""Cite this paper: each entry's BibTeX in a <details>, the page script, and the .bib of each list."""

from __future__ import annotations

from pathlib import Path

import pytest
from kit import soup, warning_lines
from pybtex.database import parse_file


@pytest.fixture(scope="module")
def html(build_once):
    return build_once("papers-citethis")


def test_details_hold_escaped_bibtex(html) -> None:
    assert warning_lines(html) == []
    page = soup(html)
    details = page.select("li > details.sw-papers-cite-this")
    assert len(details) == 2
    assert [d.select_one("summary").get_text() for d in details] == ["Cite this paper"] * 2
    pre = details[0].select_one("pre").get_text()
    assert pre.startswith("@inproceedings{escapes,")
    assert page.select("details script, details button") == []  # the button comes from the script
    raw = (html.outdir / "index.html").read_text(encoding="utf-8")
    assert "\\textless{} B \\&amp; &quot;C&quot;" in raw or '\\textless{} B \\&amp; "C"' in raw
    link = page.select_one("p.sw-papers-bibfile a")
    assert link["href"] == "index.bib"
    assert link.get_text() == "Download these references as BibTeX (.bib)"


def test_script_only_on_pages_with_details(html) -> None:
    def scripts(name: str) -> list[str]:
        return [
            s.get("src", "") for s in soup(html, name).select("script") if "cite-this" in s.get("src", "")
        ]

    assert len(scripts("index")) == 1
    assert scripts("plain") == []
    tag = next(s for s in soup(html).select("script") if "cite-this" in s.get("src", ""))
    assert tag["data-copy"] == "Copy BibTeX"


def test_flags_and_lists(html) -> None:
    bibpage = soup(html, "bibpage")
    assert len(bibpage.select("details.sw-papers-cite-this")) == 2  # gandiva, child (proc not cited)
    assert len(bibpage.select("p.sw-papers-bibfile")) == 1  # the second list shows no BibTeX
    rst = soup(html, "rstpage")
    assert len(rst.select("details.sw-papers-cite-this")) == 1  # :no-cite-this: on the second list
    assert not (html.outdir / "rstpage-2.bib").exists()
    assert rst.find("tags") is None


def test_inline_bib_parses_back(html) -> None:
    data = parse_file(str(html.outdir / "index.bib"), "bibtex")
    assert list(data.entries) == ["escapes", "venueless"]
    escapes = data.entries["escapes"]
    assert escapes.type == "inproceedings"
    assert escapes.fields["title"] == (
        r'A \textless{} B \& "C": 100\% of \$x\_1\$ \textbraceleft{}braces\textbraceright{} '
        r"\textasciicircum{} \textasciitilde{} \textbackslash{} in Zürich"
    )
    assert escapes.fields["booktitle"] == r'Workshop on \textless{}Systems\textgreater{} \& "ML"'
    assert [str(p) for p in escapes.persons["author"]] == [
        "Lovelace, Ada",
        "Babbage, Charles",
        "von Neumann, Jürgen",
    ]
    assert escapes.fields["url"] == "https://example.org/paper?a=1&b=2"
    venueless = data.entries["venueless"]
    assert venueless.type == "misc"
    assert dict(venueless.fields) == {
        "title": "A Preprint Without Venue",
        "year": "2021",
        "eprint": "2101.00001",
        "archiveprefix": "arXiv",
    }


def test_bibtex_list_parses_back_with_macros_and_crossref(html) -> None:
    exported = parse_file(str(html.outdir / "bibpage.bib"), "bibtex")
    source = parse_file(str(Path(html.srcdir) / "cite.bib"), "bibtex")
    assert list(exported.entries) == ["gandiva", "child"]
    gandiva, original = exported.entries["gandiva"], source.entries["gandiva"]
    assert gandiva.type == original.type
    assert dict(gandiva.fields) == {k.lower(): v for k, v in original.fields.items()}
    assert (
        gandiva.fields["booktitle"] == "13th USENIX Symposium on Operating Systems Design and Implementation"
    )
    assert [str(p) for p in gandiva.persons["author"]] == [str(p) for p in original.persons["author"]]
    child = exported.entries["child"]
    assert "crossref" not in child.fields  # self-contained: the parent's fields are written out
    assert child.fields["booktitle"] == "Proceedings of Things"
    assert child.fields["title"] == r"A Chapter on $\alpha$ \emph{Things}"
    assert [str(p) for p in child.persons["editor"]] == ["Doe, Jane"]
    assert [str(p) for p in child.persons["author"]] == [r"Sch{\"u}tze, Hinrich"]


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "epub", "latex", "text"])
def test_every_builder(build_once, builder: str) -> None:
    overrides = {"copyright": "2020, test", "version": "1"} if builder == "epub" else {}
    app = build_once("papers-citethis", builder, confoverrides=overrides)
    assert warning_lines(app) == []
    out = Path(app.outdir)
    if builder == "dirhtml":
        page = (out / "bibpage" / "index.html").read_text(encoding="utf-8")
        assert 'href="../bibpage.bib"' in page
        assert (out / "bibpage.bib").is_file()
    elif builder == "singlehtml":
        page = (out / "index.html").read_text(encoding="utf-8")
        assert 'href="bibpage.bib"' in page and 'href="index.bib"' in page
        assert (out / "bibpage.bib").is_file() and (out / "rstpage.bib").is_file()
    elif builder == "epub":
        page = (out / "index.xhtml").read_text(encoding="utf-8")
        assert "<details" in page and "sw-papers-bibfile" not in page and "cite-this.js" not in page
        assert not list(out.glob("*.bib"))
    else:
        text = "\n".join(p.read_text(encoding="utf-8") for p in out.glob("*.t*") if p.is_file())
        assert "Cite this paper" not in text and "@inproceedings" not in text
        assert not list(out.glob("*.bib"))


def test_bad_input(build_once) -> None:
    app = build_once("papers-citethis-bad")
    assert warning_lines(app) == [
        "<src>/a-2.md:5: WARNING: :cite-this: and :no-cite-this: contradict each other; "
        "using papers_cite_this [workshop.bad_option]",
        "<src>/rst.rst:6: WARNING: :cite-this: and :no-cite-this: contradict each other; "
        "using papers_cite_this [workshop.bad_option]",
        "<src>/a-2.md:3: WARNING: BibTeX file 'a-2.bib' of this references list is also the file of the "
        "references list at a.md:9; it is neither written nor linked [workshop.bibtex_clash]",
    ]
    assert "Second, whose file" in (app.outdir / "a-2.bib").read_text(encoding="utf-8")
    assert soup(app, "a-2").select("p.sw-papers-bibfile") == []
    assert len(soup(app, "a-2").select("details.sw-papers-cite-this")) == 1


@pytest.mark.parametrize(("value", "details"), [(False, 0), (True, 4)])
def test_config(build_once, value: bool, details: int) -> None:
    app = build_once("papers-citethis", confoverrides={"papers_cite_this": value})
    assert warning_lines(app) == []
    # bibpage: :cite-this: decides for the first list; the config for the second
    assert len(soup(app, "bibpage").select("details.sw-papers-cite-this")) == (2 if not value else 3)
    assert len(soup(app).select("details.sw-papers-cite-this")) == (0 if not value else 2)
    assert (app.outdir / "bibpage-2.bib").exists() == value
    del details


def test_bibtex_is_highlighted_as_bibtex(html) -> None:
    """The literal block names its language: Pygments' BibTeX lexer, never the default (Python)."""
    assert "Pygments" not in html.warning.getvalue() and "lexing" not in html.warning.getvalue()
    for name in ("index", "bibpage", "rstpage"):
        for box in soup(html, name).select("details.sw-papers-cite-this"):
            assert box.select_one("div.highlight-bibtex pre") is not None
            assert box.select("div.highlight-python, div.highlight-default") == []


def test_invalid_config_value_falls_back(build_once) -> None:
    app = build_once("papers-citethis", confoverrides={"papers_cite_this": "sometimes"})
    assert warning_lines(app) == [
        "WARNING: invalid value 'sometimes' for papers_cite_this (expected 'auto', True or False); "
        "using the default 'auto' [workshop.config]"
    ]
    # the default: lists of inline entries and :cite-this: lists show the BibTeX
    assert len(soup(app).select("details.sw-papers-cite-this")) == 2
    assert len(soup(app, "bibpage").select("details.sw-papers-cite-this")) == 2
    assert not (app.outdir / "bibpage-2.bib").exists()
