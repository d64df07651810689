"""Non-web builders: each card reads as text with its profile URLs; LaTeX links land on labels."""

from __future__ import annotations

import re
import shutil

import pytest
from kit import ROOTS, warning_lines
from lxml import etree

AZALIA_URLS = [
    "Twitter: https://twitter.com/Azaliamirh",
    "Homepage: https://example.org/azalia",
    "GitHub: https://github.com/azalia-m",
    "Mastodon: https://sigmoid.social/@azalia",
    "Bluesky: https://bsky.app/profile/azalia.bsky.social",
]
EPUB_CONF = {"version": "2020", "copyright": "2020, the organizers"}


@pytest.mark.sphinx("text", testroot="people-basic", freshenv=True)
def test_text_prints_names_affiliations_and_urls(app) -> None:
    app.build()
    assert warning_lines(app, src="") == []
    text = (app.outdir / "index.txt").read_text(encoding="utf-8")
    for line in ["Anna Goldie", "Google Brain", "Twitter: https://twitter.com/annadgoldie", *AZALIA_URLS]:
        assert line in text
    # Google Scholar's URL may be wrapped; its label is there.
    assert "Google Scholar: https://scholar.google.com/citations?user=bOS-" in text
    assert "Works on **machine learning** for chip design." in text
    # No initials and no "[image]" placeholders in plain text.
    assert not re.search(r"^(AM|JR|EC)$", text, flags=re.MULTILINE)
    assert "[image" not in text
    program = (app.outdir / "program.txt").read_text(encoding="utf-8")
    assert "Talks by *Ed Chi* and *Anna*" in program


@pytest.mark.sphinx("latex", testroot="people-basic", freshenv=True)
def test_latex_labels_every_card_and_prints_urls(app) -> None:
    app.build()
    assert warning_lines(app, src="") == []
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    refs = set(re.findall(r"\\hyperref\[\\detokenize\{([^}]*)\}\]", tex))
    labels = set(re.findall(r"\\label\{\\detokenize\{([^}]*)\}\}", tex))
    assert {"index:person-ed-chi", "index:person-anna-goldie", "index:person-jonathan-raiman"} <= refs
    assert refs <= labels, refs - labels
    # the card's own label, on a line of its own right before the card (a hyperref lands on it)
    assert (
        "\\begin{sphinxuseclass}{committee}\n\\phantomsection\\label{\\detokenize{index:person-anna-goldie}}\n"
        "\\begin{sphinxuseclass}{sw-person-card}\n"
    ) in tex
    assert r"Twitter: \sphinxurl{https://twitter.com/annadgoldie}" in tex
    assert r"Google Scholar: \sphinxurl{https://scholar.google.com/citations?user=bOS-zGIAAAAJ}" in tex
    assert r"\sphinxincludegraphics[width=2.5cm]{{anna}.png}" in tex
    assert (app.outdir / "anna.png").is_file()
    assert "AM" not in tex.split(r"\begin{document}")[1]


@pytest.mark.sphinx("latex", testroot="people-bad", freshenv=True)
def test_latex_escapes_names(app) -> None:
    app.build()
    tex = next(app.outdir.glob("*.tex")).read_text(encoding="utf-8")
    assert r"\textless{}script\textgreater{}alert(1)\textless{}/script\textgreater{}" in tex
    assert r"\textless{}b\textgreater{}Bold\textless{}/b\textgreater{} \& Co" in tex


@pytest.mark.sphinx("epub", testroot="people-basic", freshenv=True, confoverrides=EPUB_CONF)
def test_epub_shows_urls_and_is_well_formed(app) -> None:
    app.build()
    assert warning_lines(app, src="") == []
    page = app.outdir / "index.xhtml"
    tree = etree.parse(str(page))  # well-formed XHTML (itemscope="" is valid XML)
    ns = {"x": "http://www.w3.org/1999/xhtml"}
    cards = tree.xpath('//x:div[contains(@class, "sw-person-card")]', namespaces=ns)
    assert [card.get("id") for card in cards] == [
        "person-anna-goldie",
        "person-azalia-mirhoseini",
        "person-jonathan-raiman",
        "person-ed-chi",
    ]
    text = " ".join(" ".join(cards[1].itertext()).split())
    for line in AZALIA_URLS:
        label, url = line.split(": ", 1)
        assert f"{label}: {url}" in text
    assert not tree.xpath('//x:span[contains(@class, "sw-person-avatar")]', namespaces=ns)
    assert (app.outdir / "_images" / "anna.png").is_file()


@pytest.mark.parametrize("builder", ["man", "texinfo"])
def test_man_and_texinfo_build_cleanly(make_app, tmp_path, builder) -> None:
    srcdir = tmp_path / "src"
    shutil.copytree(ROOTS / "test-people-basic", srcdir)
    app = make_app(builder, srcdir=srcdir, freshenv=True)
    app.build()
    assert warning_lines(app, src="") == []
    out = "\n".join(
        p.read_text(encoding="utf-8") for p in app.outdir.iterdir() if p.suffix in {".1", ".texi"}
    )
    out = out.replace("\\:", "").replace("\\%", "")  # the manual page's break hints
    url = "https://twitter.com/annadgoldie"
    # man: docutils 0.22 writes <url>, 0.21 an OSC 8 hyperlink; Texinfo: @indicateurl.
    forms = (f"Twitter: <{url}>", f"Twitter: \\X'tty: link {url}'", f"Twitter: @indicateurl{{{url}}}")
    assert any(form in out for form in forms)
    assert "Azalia Mirhoseini" in out
    if builder == "texinfo":
        assert "@anchor{index person-ed-chi}" in out
        # each card's anchor (after the page's own), then the card
        assert "@anchor{index doc}@anchor{0}@anchor{index person-anna-goldie}@anchor{1}\n@image{" in out
    else:
        # each card starts a paragraph of its own: the name does not run on from the text before it
        assert "\n.sp\nAnna Goldie\n.sp\nGoogle Brain\n" in out
