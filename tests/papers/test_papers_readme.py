"""The README's papers example is a test input: it builds without warnings and renders as described."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from papers_helpers import soup, warning_lines

README = Path(__file__).resolve().parents[2] / "README.md"


def readme_blocks() -> dict[str, str]:
    """The fenced code blocks of the README's papers section, by language."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("<!-- papers:start -->") : text.index("<!-- papers:end -->")]
    blocks = re.findall(r"^```(\w+)\n(.*?)^```$", section, flags=re.M | re.S)
    return dict(blocks)


@pytest.fixture(scope="module")
def readme_app(build_once, tmp_path_factory):
    blocks = readme_blocks()
    assert set(blocks) == {"markdown", "bibtex", "python"}
    src = tmp_path_factory.mktemp("papers-readme")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n'
        "nitpicky = True\n",
        encoding="utf-8",
    )
    (src / "index.md").write_text(blocks["markdown"], encoding="utf-8")
    (src / "papers.bib").write_text(blocks["bibtex"], encoding="utf-8")
    return build_once("papers-readme", srcdir=src)


def test_readme_example_builds_cleanly(readme_app) -> None:
    assert warning_lines(readme_app) == []
    page = soup(readme_app)
    assert page.select_one("sup.sw-papers-cite").get_text() == "2,1"
    assert [li["id"] for li in page.select("ol.sw-papers-references > li")] == [
        "paper-mao2019scheduling",
        "paper-mirhoseini2017device",
    ]
    assert page.select_one("#paper-mao2019scheduling .sw-papers-venue").get_text() == "ACM SIGCOMM, 2019"
    paper = page.select_one("a.reference.internal:has(.papers-paper)")
    assert paper.get_text() == "Device Placement Optimization with Reinforcement Learning"


def test_readme_style_registration(build_once, tmp_path_factory) -> None:
    """The README's conf.py example registers a style a list can name."""
    src = tmp_path_factory.mktemp("papers-readme-style")
    (src / "conf.py").write_text(
        readme_blocks()["python"] + '\nextensions = ["myst_parser", "sphinx_workshop"]\n'
        'myst_enable_extensions = ["colon_fence"]\n',
        encoding="utf-8",
    )
    (src / "index.md").write_text(
        "# Styles\n\n::::{references}\n:entry-style: key-and-title\n\n"
        ":::{paper} k1\n:title: A Title\n:url: https://example.org/k1\n:::\n::::\n",
        encoding="utf-8",
    )
    app = build_once("papers-readme-style", srcdir=src)
    assert warning_lines(app) == []
    entry = soup(app).select_one("#paper-k1 > .sw-papers-entry")
    assert entry.get_text() == "[k1] A Title"
    assert entry.select_one("a.sw-papers-title")["href"] == "https://example.org/k1"


def citethis_blocks() -> dict[str, str]:
    """The fenced blocks of the README's "Cite this paper" examples, by language."""
    text = README.read_text(encoding="utf-8")
    section = text[text.index("<!-- citethis:start -->") : text.index("<!-- citethis:end -->")]
    return dict(re.findall(r"^````(\w+)\n(.*?)^````$", section, flags=re.M | re.S))


@pytest.mark.parametrize("flavour", ["markdown", "rst"])
@pytest.mark.parametrize("setting", ["auto", "readme"])
def test_readme_cite_this_examples(build_once, tmp_path_factory, flavour: str, setting: str) -> None:
    """:cite-this:, :no-cite-this: and papers_cite_this as the README shows them, in MyST and rST."""
    blocks = citethis_blocks()
    assert set(blocks) == {"markdown", "rst", "python"}
    src = tmp_path_factory.mktemp(f"papers-readme-citethis-{flavour}-{setting}")
    conf = 'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n'
    if setting == "readme":
        conf += blocks["python"]
    (src / "conf.py").write_text(conf + "nitpicky = True\n", encoding="utf-8")
    suffix = ".md" if flavour == "markdown" else ".rst"
    (src / f"index{suffix}").write_text(blocks[flavour], encoding="utf-8")
    (src / "papers.bib").write_text(readme_blocks()["bibtex"], encoding="utf-8")
    app = build_once(f"papers-readme-citethis-{flavour}-{setting}", srcdir=src)
    assert warning_lines(app) == []
    page = soup(app)
    lists = page.select("ol.sw-papers-references")
    assert len(lists) == 3
    shown = [len(ol.select("li > details.sw-papers-cite-this")) for ol in lists]
    assert shown == [1, 1, 0]  # :no-cite-this: decides for its list, whatever conf.py says
    assert (
        page.select_one("#paper-mirhoseini2017device pre")
        .get_text()
        .startswith("@inproceedings{mirhoseini2017device,")
    )
    assert sorted(p.name for p in app.outdir.glob("*.bib")) == ["index-2.bib", "index.bib"]
