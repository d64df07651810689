"""The documentation's examples together: the MyST ones of the papers, people and schedule how-to pages
build as one project with exactly the conf.py the README gives, each reStructuredText form of the rST
how-to page renders the same pages, and the README's own page example builds as written."""

from __future__ import annotations

import json
import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from kit import documented, parse_file
from readmekit import readme_blocks
from sphinx.testing.util import SphinxTestApp

PROJECT = Path(__file__).resolve().parents[2]
FENCED = re.compile(r"^(`{3,})(\w+)\n(.*?)^\1$", flags=re.M | re.S)


section = documented


def blocks(text: str, language: str) -> list[str]:
    return [m[3] for m in FENCED.finditer(text) if m[2] == language]


def readme_conf() -> str:
    """The conf.py the README's "The extension" section gives, as written."""
    return blocks(section("conf"), "python")[0]


def _on_papers_bib(block: str) -> bool:
    return ":bibfile:" not in block or re.search(r"^\s*:bibfile: papers\.bib$", block, flags=re.M) is not None


#: page -> (heading for a page whose examples have none, examples in README order)
def myst_pages() -> dict[str, tuple[str, list[str]]]:
    schedule = blocks(section("schedule"), "markdown")
    return {
        # the examples that cite the section's papers.bib; those naming a .bib of their own (the
        # filters) are built with it by tests/papers/test_papers_docs.py
        "papers": ("", [b for b in blocks(section("papers"), "markdown") if _on_papers_bib(b)]),
        "people": ("People", blocks(section("people"), "markdown")),
        "program": ("Program", schedule),
    }


def rst_pages() -> dict[str, tuple[str, list[str]]]:
    examples = blocks(section("rst"), "rst")
    assert len(examples) == 6
    return {
        "papers": ("", examples[:2]),
        "people": ("People", examples[2:3]),
        "program": ("Program", examples[3:]),
    }


def write(folder: Path, flavour: str) -> Path:
    """A project of the README's examples (one page per feature) and the papers they cite."""
    folder.mkdir()
    markdown = flavour == "markdown"
    pages = myst_pages() if markdown else rst_pages()
    suffix = ".md" if markdown else ".rst"

    def title(text: str) -> str:
        return f"# {text}\n\n" if markdown else f"{text}\n{'=' * len(text)}\n\n"

    (folder / "conf.py").write_text(readme_conf() if markdown else 'extensions = ["sphinx_workshop"]\n')
    for name, (heading, examples) in pages.items():
        body = (title(heading) if heading else "") + "\n".join(examples)
        (folder / f"{name}{suffix}").write_text(body, encoding="utf-8")
    (folder / "papers.bib").write_text(blocks(section("papers"), "bibtex")[0], encoding="utf-8")
    # The sub-items example cites the 2020 accepted papers (as BibTeX, the way the site once listed them).
    shutil.copy(Path(__file__).with_name("accepted_papers.bib"), folder / "accepted.bib")
    if markdown:
        accepted = "```{references}\n:bibfile: accepted.bib\n```\n"
        toctree = "```{toctree}\npapers\npeople\nprogram\naccepted\n```\n"
    else:
        accepted = ".. references::\n   :bibfile: accepted.bib\n"
        toctree = ".. toctree::\n\n   papers\n   people\n   program\n   accepted\n"
    (folder / f"accepted{suffix}").write_text(title("Accepted papers") + accepted, encoding="utf-8")
    (folder / f"index{suffix}").write_text(title("Workshop") + toctree, encoding="utf-8")
    return folder


def summary(page: Path) -> dict[str, object]:
    """What a reader gets from a page: its text, links, our elements and its event data."""
    soup = parse_file(page)
    body = soup.select_one('div[role="main"]') or soup.body
    for anchor in body.select("a.headerlink"):
        anchor.decompose()
    ours = re.compile(r"^(papers|person|people|workshop)-")
    return {
        "text": " ".join(body.get_text(" ").split()),
        "links": [a.get("href") for a in body.select("a[href]")],
        "elements": [
            (tag.name, sorted(c for c in tag.get("class", []) if ours.match(c)))
            for tag in body.find_all(True)
            if any(ours.match(c) for c in tag.get("class", []))
        ],
        "event": [json.loads(s.get_text()) for s in soup.select('script[type="application/ld+json"]')],
    }


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> dict[str, Path]:
    outdirs = {}
    for flavour in ("markdown", "rst"):
        app = SphinxTestApp(
            "html",
            srcdir=write(tmp_path_factory.mktemp("readme") / flavour, flavour),
            status=StringIO(),
            warning=StringIO(),
            freshenv=True,
        )
        try:
            app.build()
        finally:
            app.cleanup()
        assert app.warning.getvalue() == "", flavour
        outdirs[flavour] = Path(app.outdir)
    return outdirs


def test_docs_conf_names_the_myst_extension_the_examples_use() -> None:
    conf = readme_conf()
    assert conf.startswith('extensions = ["myst_parser", "sphinx_workshop"]\n')
    assert 'myst_enable_extensions = ["colon_fence"]' in conf
    examples = [example for _h, found in myst_pages().values() for example in found]
    assert len(examples) == 6 and all(":::{" in example for example in examples)


@pytest.mark.parametrize("page", ["papers", "people", "program"])
def test_rst_examples_render_the_same_page_as_the_myst_ones(built, page: str) -> None:
    myst, rst = (summary(built[flavour] / f"{page}.html") for flavour in ("markdown", "rst"))
    assert myst["elements"], page
    assert rst == myst


def test_every_directive_and_role_has_an_rst_example() -> None:
    rst = "\n".join(blocks(section("rst"), "rst"))
    directives = ("references", "paper", "organizers", "organizer", "speakers", "speaker", "talk-abstract")
    for directive in (*directives, "schedule", "event"):
        assert f".. {directive}::" in rst
    for role in ("cite", "paper", "person"):
        assert f":{role}:`" in rst


def test_docs_quick_start_page_builds_as_written(tmp_path: Path) -> None:
    """The README's page example, with its conf.py and the package README's papers.bib: the citation
    links its numbered entry, the card shows its profile link, and nothing warns."""
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text(readme_conf(), encoding="utf-8")
    [page] = blocks(section("quickstart"), "markdown")
    (src / "index.md").write_text(f"# Workshop\n\n{page}", encoding="utf-8")
    (src / "papers.bib").write_text(readme_blocks()["bibtex"][0], encoding="utf-8")
    app = SphinxTestApp("html", srcdir=src, status=StringIO(), warning=StringIO(), freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    assert app.warning.getvalue() == ""
    html = parse_file(Path(app.outdir, "index.html"))
    [entry] = html.select(".sw-papers-references > li")
    assert [a["href"] for a in html.select("a.sw-papers-cite, .sw-papers-cite a")] == [f"#{entry['id']}"]
    assert "The Case for Learned Index Structures" in entry.get_text()
    [card] = html.select(".sw-person-card")
    assert card.select_one('a[href="https://twitter.com/annadgoldie"]') is not None
