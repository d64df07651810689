"""The papers how-to page's examples (docs/howto/papers.md) are test inputs: they build without warnings
and render as described."""

from __future__ import annotations

import re

import pytest
from kit import documented, soup, warning_lines


def all_readme_blocks() -> list[tuple[str, str]]:
    """The fenced code blocks of the README's papers section, as (language, text), in order."""
    return re.findall(r"^```(\w+)\n(.*?)^```$", documented("papers"), flags=re.M | re.S)


def readme_blocks() -> dict[str, str]:
    """The blocks of the README's papers section that build on its example, by language (joined).

    A block naming a .bib of its own (the filter examples) is built by its own test.
    """
    blocks: dict[str, str] = {}
    for language, block in all_readme_blocks():
        if ":bibfile:" in block and not re.search(r"^\s*:bibfile: papers\.bib$", block, flags=re.M):
            continue
        blocks[language] = blocks.get(language, "") + ("\n" if language in blocks else "") + block
    return blocks


@pytest.fixture(scope="module")
def readme_app(build_once, tmp_path_factory):
    blocks = readme_blocks()
    assert {"markdown", "bibtex", "python"} <= set(blocks)
    src = tmp_path_factory.mktemp("papers-readme")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n'
        "nitpicky = True\n",
        encoding="utf-8",
    )
    (src / "index.md").write_text(blocks["markdown"], encoding="utf-8")
    (src / "papers.bib").write_text(blocks["bibtex"], encoding="utf-8")
    return build_once("papers-readme", srcdir=src)


def test_docs_example_builds_cleanly(readme_app) -> None:
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


def test_docs_textual_and_footnote_citations(readme_app) -> None:
    """The README's {cite:t}, {cite:p}, {cite:author}, {cite:year} and {footcite} example."""
    page = soup(readme_app)

    def texts(form: str) -> list[str]:
        return [" ".join(s.get_text().split()) for s in page.select(f"span.sw-papers-cite-{form}")]

    assert texts("t") == ["Mao et al. [1]"]
    assert texts("p") == ["[see 2, p. 3, 1]"]
    assert texts("author") == ["Mao et al."]
    assert texts("year") == ["2019"]
    notes = page.select("div.sw-papers-footnotes aside.sw-papers-footcite")
    assert len(notes) == 1
    assert "Device Placement Optimization with Reinforcement Learning" in notes[0].get_text()


def test_docs_style_registration(build_once, tmp_path_factory) -> None:
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


ACCEPTED = """
@inproceedings{s1a, title = {Session One A}, year = 2020, keywords = {session1}}
@inproceedings{s2a, title = {Session Two A}, year = 2020, keywords = {session2}}
@inproceedings{s1b, title = {Session One B}, year = 2020, keywords = {Session1, learned}}
"""


@pytest.mark.parametrize("language", ["markdown", "rst"])
def test_docs_filter_examples(language: str, build_once, tmp_path_factory) -> None:
    """The README's filter examples (MyST and rST) list the accepted papers of session 1."""
    examples = [text for lang, text in all_readme_blocks() if lang == language and ":filter:" in text]
    assert len(examples) == 1
    src = tmp_path_factory.mktemp(f"papers-readme-filter-{language}")
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_workshop"]\nmyst_enable_extensions = ["colon_fence"]\n',
        encoding="utf-8",
    )
    page = "index.md" if language == "markdown" else "index.rst"
    heading = "# Session 1\n\n" if language == "markdown" else "Session 1\n=========\n\n"
    (src / page).write_text(heading + examples[0], encoding="utf-8")
    (src / "accepted_papers.bib").write_text(ACCEPTED, encoding="utf-8")
    app = build_once(f"papers-readme-filter-{language}", srcdir=src)
    assert warning_lines(app) == []
    assert [li["id"] for li in soup(app).select(".sw-papers-references > li")] == ["paper-s1a", "paper-s1b"]


def citethis_blocks() -> dict[str, str]:
    """The fenced blocks of the README's "Cite this paper" examples, by language."""
    return dict(re.findall(r"^````(\w+)\n(.*?)^````$", documented("citethis"), flags=re.M | re.S))


@pytest.mark.parametrize("flavour", ["markdown", "rst"])
@pytest.mark.parametrize("setting", ["auto", "readme"])
def test_docs_cite_this_examples(build_once, tmp_path_factory, flavour: str, setting: str) -> None:
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
