"""Every builder the site supports builds it without a single warning (each build takes ~10 s)."""

from __future__ import annotations

import re
import zipfile

import pytest
from sitebuild import build_site
from sitecheck import broken_links

pytestmark = [pytest.mark.slow]

#: 2020-12-12T08:00:00Z: the builds must take their dates from here, not from the clock.
EPOCH = "1607760000"

BUILDS = [
    pytest.param("html", (), id="html"),
    pytest.param("html", ("-j", "2"), id="html-j2"),
    pytest.param("dirhtml", (), id="dirhtml"),
    pytest.param("singlehtml", (), id="singlehtml"),
    pytest.param("epub", (), id="epub"),
    pytest.param("latex", (), id="latex"),
    pytest.param("text", (), id="text"),
]


@pytest.mark.parametrize(("builder", "options"), BUILDS)
def test_builder_is_clean(builder, options, tmp_path) -> None:
    outdir = tmp_path / builder
    site = build_site(builder, outdir, *options, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert site.status == 0
    assert site.warnings == ""
    check = CHECKS.get(builder)
    if check is not None:
        check(site)


def _html(site) -> None:
    assert broken_links(site.outdir) == []
    for name in ("index", "call_for_papers", "program", "accepted_papers", "committees", "404"):
        assert (site.outdir / f"{name}.html").is_file(), name


def _dirhtml(site) -> None:
    assert broken_links(site.outdir) == []
    for name in ("call_for_papers", "program", "accepted_papers", "committees"):
        assert (site.outdir / name / "index.html").is_file(), name
    assert (site.outdir / "index.html").is_file()


def _singlehtml(site) -> None:
    # The content only: the theme's navigation links "#document-<doc>#<id>" there (Sphinx 9), and to the
    # search and index pages this builder does not write.
    assert broken_links(site.outdir, "article.bd-article") == []
    index = site.page("index.html")
    assert "Generalized Clustering by Learning to Optimize Expected Normalized Cuts" in index


def _epub(site) -> None:
    (book,) = site.outdir.glob("*.epub")
    with zipfile.ZipFile(book) as archive:
        names = archive.namelist()
        opf = archive.read("content.opf").decode()
    assert not [n for n in names if ".doctrees" in n or n.endswith(".pickle")]
    assert "<dc:date>2020-12-12" in opf or "2020-12-12T" in opf


def _latex(site) -> None:
    tex = site.page("mlforsystems2020.tex")
    assert re.search(r"\\date\{[^}]*2020\}", tex), "the date does not follow SOURCE_DATE_EPOCH"
    assert "Learning to Design Circuits" in tex
    assert r"DeepMind AI Reduces Google Data Centre Cooling Bill by 40\%" in tex


def _text(site) -> None:
    index = " ".join(site.page("index.txt").split())
    assert "we invite researchers to submit relevant papers through our call for papers" in index
    assert "Contact us at mlforsystems@googlegroups.com" in index


CHECKS = {
    "html": _html,
    "dirhtml": _dirhtml,
    "singlehtml": _singlehtml,
    "epub": _epub,
    "latex": _latex,
    "text": _text,
}
