"""Citations and lists in every builder: dirhtml, singlehtml, latex, epub and text."""

from __future__ import annotations

import re

from kit import parse_file, warning_lines


def test_dirhtml(build_once) -> None:
    app = build_once("papers-basic", "dirhtml")
    assert warning_lines(app) == []
    other = parse_file(app.outdir / "other" / "index.html")
    assert [a["href"] for a in other.select("sup.sw-papers-cite a")] == [
        "../#paper-mao2019scheduling",
        "../#paper-mirhoseini2017device",
        "../#paper-kraska2018case",
    ]
    index = parse_file(app.outdir / "index.html")
    assert "other/#cite-other-1" in [a["href"] for a in index.select(".sw-papers-backlinks a")]


def test_singlehtml_links_stay_on_the_page(build_once) -> None:
    app = build_once("papers-basic", "singlehtml")
    assert warning_lines(app) == []
    page = parse_file(app.outdir / "index.html")
    links = page.select("sup.sw-papers-cite a, .sw-papers-backlinks a")
    assert len(links) == 14
    for link in links:
        assert link["href"].count("#") == 1 and link["href"].startswith("#"), link["href"]
        assert page.find(id=link["href"][1:]) is not None, link["href"]


def test_latex_every_hyperref_has_its_label(build_once) -> None:
    app = build_once("papers-basic", "latex")
    assert warning_lines(app) == []
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    refs = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    assert {"index:paper-mao2019scheduling", "other:cite-other-1", "index:cite-index-3"} <= refs
    assert refs <= labels, refs - labels
    assert r"$^{\text{{\hyperref[\detokenize{index:paper-mirhoseini2017device}]{\sphinxcrossref{4}}}," in tex
    assert "Hinrich Schütze" in tex
    assert "\u21a9" not in tex  # pdflatex has no glyph for it


def test_epub(build_once) -> None:
    app = build_once("papers-basic", "epub", confoverrides={"copyright": "2020, test", "version": "1"})
    assert warning_lines(app) == []
    page = parse_file(app.outdir / "other.xhtml")
    assert [a["href"] for a in page.select("sup.sw-papers-cite a")] == [
        "index.xhtml#paper-mao2019scheduling",
        "index.xhtml#paper-mirhoseini2017device",
        "index.xhtml#paper-kraska2018case",
    ]
    index = parse_file(app.outdir / "index.xhtml")
    assert index.select_one("li#paper-mao2019scheduling") is not None


def test_text(build_once) -> None:
    app = build_once("papers-basic", "text")
    assert warning_lines(app) == []
    index = (app.outdir / "index.txt").read_text(encoding="utf-8")
    assert "Very recent work covers scheduling^4,1 and learned indexes^2." in index
    assert "1. Learning Scheduling Algorithms for Data Processing Clusters. Hongzi" in index
    assert "4. Device Placement Optimization with Reinforcement Learning. Azalia" in index
    assert "Cross-page citation^1, again^4." in (app.outdir / "other.txt").read_text(encoding="utf-8")
