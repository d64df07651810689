"""Every builder shows the sponsors: logos copied where they are images, names and URLs in print."""

from __future__ import annotations

import pytest
from kit import parse_file, soup, warning_lines

ROOT = "sponsors-basic"
EPUB_CONF = {"version": "2020", "copyright": "2020, the organizers"}


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml"])
def test_web_builders_link_and_copy_the_logos(build_once, builder: str) -> None:
    app = build_once(ROOT, builder)
    assert warning_lines(app, src="") == []
    page = soup(app, "sponsors/index") if builder == "dirhtml" else soup(app, "index")
    logos = page.select("div.sw-sponsor img.sw-sponsor-logo")
    assert len(logos) == (4 if builder == "singlehtml" else 3)  # singlehtml: the rST page's too
    assert {img["src"].rsplit("/", 1)[-1] for img in logos} >= {"wide.png", "acme.svg", "lab.svg"}
    assert (app.outdir / "_images" / "wide.png").is_file()
    assert page.select_one('a.sw-sponsor-link[href="https://example.com"] img[alt="Example Corp logo"]')
    sheets = [link["href"] for link in page.select("link[rel=stylesheet]")]
    assert any("sphinx-workshop/sponsors.css" in href for href in sheets)


def test_epub_keeps_the_logos(build_once) -> None:
    app = build_once(ROOT, "epub", confoverrides=EPUB_CONF)
    assert warning_lines(app, src="") == []
    page = parse_file(app.outdir / "sponsors.xhtml")
    assert [img["alt"] for img in page.select("img.sw-sponsor-logo")] == [
        "Example Corp logo",
        "Acme Research, the rocket company",
        "Tiny Lab logo",
    ]
    assert (app.outdir / "_images" / "acme.svg").is_file()


def test_latex_prints_names_and_urls(build_once) -> None:
    app = build_once(ROOT, "latex")
    assert warning_lines(app, src="") == []
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"Example Corp: \sphinxurl{https://example.com}" in tex
    assert r"Beta \& \textless{}Sons\textgreater{}: \sphinxurl{https://beta.example.org/}" in tex
    assert "\nTiny Lab\n" in tex
    assert r"\section*{Gold sponsors}" in tex  # a rubric one level below the page's title
    assert "sphinxincludegraphics" not in tex and not list(app.outdir.glob("*.svg"))


def test_text_prints_names_and_urls(build_once) -> None:
    app = build_once(ROOT, "text")
    assert warning_lines(app, src="") == []
    text = (app.outdir / "sponsors.txt").read_text(encoding="utf-8")
    for line in [
        "Gold sponsors",
        "Example Corp: https://example.com",
        "Beta & <Sons>: https://beta.example.org/",
        "Silver sponsors",
        "Acme Research: https://acme.example.com/",
        "Tiny Lab",
    ]:
        assert line in text
    assert "[image" not in text
    assert text.index("Gold sponsors") < text.index("Silver sponsors") < text.index("Supporters")
