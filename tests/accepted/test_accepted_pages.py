"""Accepted papers as pages: the index of a set, a page per paper, and the papers domain knowing each one."""

from __future__ import annotations

import inspect
import json
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from kit import build, copy_root, documented, edit, inventory, pages, parse_file, rebuild, soup, warning_lines
from sphinx.search import WordCollector
from sphinx.testing.util import SphinxTestApp

from sphinx_workshop.domains import accepted_domain

ROOT = "accepted-site"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    tmp = tmp_path_factory.mktemp("accepted")
    return build(copy_root(ROOT, tmp), tmp / "build")


def test_each_accepted_paper_gets_a_page_written_before_reading(built: SphinxTestApp) -> None:
    folder = Path(built.srcdir, "papers")
    assert sorted(p.name for p in folder.iterdir()) == [
        ".gitignore",
        "paper-p1.swpaper",
        "paper-p3.swpaper",
        "paper-p4.swpaper",
        "paper-p5.swpaper",
        "papers.bib",
    ]
    assert (folder / ".gitignore").read_text().splitlines()[-1] == "*"
    assert {"papers/paper-p1", "cmt/cmt-12", "cmt/cmt-16", "cmt/cmt-17"} <= set(built.env.found_docs)
    assert "papers/paper-p2" not in built.env.found_docs  # rejected: no page


def test_the_pages_are_read_before_the_documents_that_list_them(tmp_path: Path) -> None:
    # read after the index, whose toctree lists them, each page would scan every entry of that toctree
    # (Sphinx's toctree collector forgets a document so): quadratic in the number of papers
    app = SphinxTestApp(
        "html",
        srcdir=copy_root(ROOT, tmp_path),
        builddir=tmp_path / "build",
        freshenv=True,
        status=StringIO(),
        warning=StringIO(),
    )
    read: list[str] = []
    app.connect("doctree-read", lambda app, doctree: read.append(app.env.docname))
    try:
        app.build()
    finally:
        app.cleanup()
    generated = set(accepted_domain(app.env).pages)
    assert len(generated) == 7
    assert set(read[: len(generated)]) == generated
    assert {"accepted", "cmt", "index"} <= set(read[len(generated) :])
    assert read[: len(generated)] == sorted(generated)  # otherwise in Sphinx's order


@pytest.mark.parametrize("parallel", [0, 2])
def test_pages_read_again_scan_no_entry_of_their_index(parallel: int, tmp_path: Path) -> None:
    # a setting that changes every page reads the indexes again too: their previous toctree entries
    # are forgotten before any page is, or each page would scan them all (quadratic in the papers)
    src = copy_root(ROOT, tmp_path)
    build(src, tmp_path / "build")
    edit(src / "conf.py", '"group-by": "session"}', '"group-by": "session", "venue": "Systems 2020"}')
    app = SphinxTestApp(
        "html",
        srcdir=src,
        builddir=tmp_path / "build",
        status=StringIO(),
        warning=StringIO(),
        parallel=parallel,
    )
    scanned: dict[str, int] = {}
    # before Sphinx's toctree collector forgets the page (priority 500)
    app.connect(
        "env-purge-doc",
        lambda app, env, docname: scanned.setdefault(docname, len(env.files_to_rebuild)),
        priority=100,
    )
    try:
        app.build()
    finally:
        app.cleanup()
    pages = {name: count for name, count in scanned.items() if name.startswith(("papers/", "cmt/"))}
    assert len(pages) == 7
    assert max(pages.values()) <= 2  # the root's own toctree entries (accepted, cmt), never the pages'


def test_the_index_groups_the_papers_and_links_each_page(built: SphinxTestApp) -> None:
    index = soup(built, "accepted").select_one("div.sw-accepted-index")
    groups = [rubric.get_text() for rubric in index.select("p.sw-accepted-group")]
    assert groups == ["Morning", "Afternoon"]  # sessions in the order they first appear
    entries = [(a.get_text(), a["href"]) for a in index.select("li.sw-accepted-entry p.sw-accepted-title a")]
    assert entries == [
        ("Tail Latency Prediction", "papers/paper-p1.html"),
        ("Learned Schedulers", "papers/paper-p4.html"),
        ("Compilers That Learn", "papers/paper-p5.html"),
        ("A Spotlight on <b>Caches</b>", "papers/paper-p3.html"),
    ]
    assert index.select_one("b") is None  # the export's HTML is text
    assert index.select_one("li.sw-accepted-entry p.sw-accepted-authors").get_text() == "Ann Lee, Bo Kim"


def test_a_decision_index_puts_orals_spotlights_posters_first(built: SphinxTestApp) -> None:
    index = soup(built, "cmt").select_one("div.sw-accepted-index")
    assert [rubric.get_text() for rubric in index.select("p.sw-accepted-group")] == [
        "Poster",
        "Accepted papers",
    ]


def test_a_paper_page_shows_the_paper(built: SphinxTestApp) -> None:
    page = soup(built, "papers/paper-p1").select_one("section.sw-accepted-paper")
    assert page["id"] == "paper-paper-p1"
    assert page.h1.get_text().rstrip("¶") == "Tail Latency Prediction"
    assert page.select_one(".sw-accepted-facts").get_text() == "Accept (Oral) · Session: Morning"
    assert [(a.get_text(), a["href"]) for a in page.select("a.sw-accepted-link")] == [
        ("PDF", "https://example.org/p1.pdf")
    ]
    assert page.select_one(".sw-accepted-keywords").get_text() == "Keywords: latency, prediction"
    abstract = [p.decode_contents() for p in page.select("p.rubric ~ p")][:2]
    assert abstract == [
        "Predicting the <strong>tail</strong> of "
        r'<span class="math notranslate nohighlight">\(\mathcal{O}(n)\)</span> requests.',
        "A second paragraph &lt;script&gt;alert(1)&lt;/script&gt;.",
    ]
    assert page.select_one("script") is None
    bibtex = page.select_one(".sw-accepted-bibtex").get_text()
    assert bibtex.startswith("@inproceedings{paper-p1,")
    assert 'booktitle = "Systems Workshop 2020"' in bibtex and 'year = "2020"' in bibtex
    assert [(a.get_text(), a["href"]) for a in page.select(".sw-accepted-nav a")] == [
        ("Next: Learned Schedulers", "paper-p4.html")
    ]


def test_a_pdf_url_template_links_the_pdfs_an_export_does_not_give(built: SphinxTestApp) -> None:
    links = soup(built, "cmt/cmt-12").select("a.sw-accepted-link")
    assert [(a.get_text(), a["href"]) for a in links] == [("PDF", "https://example.org/cmt/12.pdf")]
    # the plain CSV's own links stay as the export gives them; its set has no template
    assert (
        soup(built, "papers/paper-p5").select_one("a.sw-accepted-link")["href"]
        == "https://example.org/p5.pdf"
    )


def test_previous_and_next_stay_within_the_group(built: SphinxTestApp) -> None:
    def nav(page: str) -> list[str]:
        return [a.get_text() for a in soup(built, page).select(".sw-accepted-nav a")]

    assert nav("papers/paper-p4") == ["Previous: Tail Latency Prediction", "Next: Compilers That Learn"]
    assert nav("papers/paper-p5") == ["Previous: Learned Schedulers"]
    assert nav("papers/paper-p3") == []


@pytest.mark.parametrize("builder", ["html", "singlehtml", "latex"])
def test_links_to_a_page_show_its_title_as_the_page_does(builder: str, tmp_path: Path) -> None:
    # the index's titles and the previous and next links keep the title's math, markup and classes
    src = copy_root(ROOT, tmp_path)
    edit(src / "exports" / "accepted.csv", "Learned Schedulers", "Learned $k$-Schedulers")
    app = build(src, tmp_path / "build", builder)
    if builder == "latex":
        tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
        assert tex.count(r"Learned \(k\)\sphinxhyphen{}Schedulers") >= 3  # heading, index, previous, next
        assert r"Learned k" not in tex
        return
    html = soup(app, "index" if builder == "singlehtml" else "accepted")
    entry = html.select_one('li.sw-accepted-entry a[href*="paper-p4"]')
    title = entry.select_one("span.sw-accepted-title-text")
    assert title is not None and title.select_one("span.math").get_text() == r"\(k\)"
    page = html if builder == "singlehtml" else soup(app, "papers/paper-p1")
    following = page.select_one("#paper-paper-p1").select_one(".sw-accepted-nav a span.sw-accepted-next")
    assert following is not None and following.select_one("span.math").get_text() == r"\(k\)"
    assert r"\k" not in following.get_text() and "Next: Learned " in following.get_text()


def test_a_link_that_is_not_http_is_left_out(built: SphinxTestApp) -> None:
    page = soup(built, "papers/paper-p4")
    assert page.select("a.sw-accepted-link") == []
    assert "javascript" not in str(page)


def test_no_author_email_reaches_any_output(built: SphinxTestApp) -> None:
    for name, text in pages(built.outdir).items():
        assert "@example.edu" not in text and "@example.com" not in text, name


def test_citations_and_links_reach_the_paper_page(built: SphinxTestApp) -> None:
    index = soup(built, "index").select_one("div.body")
    links = [(a.get_text(), a["href"]) for a in index.select("p a.reference")]
    assert links == [
        ("Lee and Kim 2020", "papers/paper-p1.html#paper-paper-p1"),
        ("A Spotlight on <b>Caches</b>", "papers/paper-p3.html#paper-paper-p3"),
        ("Compilers That Learn", "papers/paper-p5.html#paper-paper-p5"),
    ]
    objects = inventory(built.outdir)["papers:paper"]
    assert objects["paper-p4"] == ("papers/paper-p4.html#paper-paper-p4", "Learned Schedulers")
    assert objects["cmt-12"][0] == "cmt/cmt-12.html#paper-cmt-12"


def test_paper_pages_are_searchable_but_stay_out_of_the_navigation(built: SphinxTestApp) -> None:
    search = Path(built.outdir, "searchindex.js").read_text(encoding="utf-8")
    assert "Learned Schedulers" in search
    for name in ("index", "accepted", "papers/paper-p1"):
        toc = soup(built, name).select_one("div.sphinxsidebar")
        assert toc is not None and "paper-p" not in str(toc), name


#: Whether this Sphinx's search skips elements of the class "no-search" (Sphinx 8 does, 7.4 does not).
SEARCH_SKIPS_NO_SEARCH = "no-search" in inspect.getsource(WordCollector.dispatch_visit)


@pytest.mark.skipif(not SEARCH_SKIPS_NO_SEARCH, reason="this Sphinx indexes elements of class no-search")
def test_the_search_finds_a_paper_by_its_own_words_only(built: SphinxTestApp) -> None:
    text = Path(built.outdir, "searchindex.js").read_text(encoding="utf-8")
    index = json.loads(text[text.index("(") + 1 : text.rindex(")")])
    docs = index["docnames"]

    def found(term: str) -> set[str]:
        """The documents whose text or title holds *term* (a stem)."""
        pages = set()
        for kind in ("terms", "titleterms"):
            where = index[kind].get(term, [])
            pages |= {docs[i] for i in ([where] if isinstance(where, int) else where)}
        return pages

    # "Learned Schedulers" (p4) is p1's next and p5's previous: only its own page and the index have it
    assert found("schedul") == {"papers/paper-p4", "accepted"}
    assert found("inproceed") == set() and found("booktitl") == set()  # the BibTeX's field names
    assert "learn" in index["terms"] and "tail" in index["terms"]


def test_the_exports_problems_are_located_at_their_rows(built: SphinxTestApp) -> None:
    assert sorted(warning_lines(built)) == [
        '<src>/exports/accepted.csv:7: WARNING: Line 7 (paper p4): the PDF link "javascript:alert(1)" is not '
        "an absolute http(s) link; the paper is shown without it. [workshop.export_value]",
        '<src>/exports/cmt.csv:8: WARNING: Line 8 (paper 17): the authors "Gil Open (Unclosed Lab; Hu Two '
        '(MIT)" have parentheses that do not balance; they are shown as one name. [workshop.export_value]',
    ]


@pytest.mark.parametrize("builder", ["singlehtml", "latex", "text", "epub", "dirhtml"])
def test_every_builder_shows_the_papers(builder: str, tmp_path: Path) -> None:
    app = build(copy_root(ROOT, tmp_path), tmp_path / "build", builder)
    assert [line for line in warning_lines(app) if "export_value" not in line] == []
    out = Path(app.outdir)
    if builder == "singlehtml":
        page = parse_file(out / "index.html")
        assert page.select_one("#paper-paper-p4 h2, #paper-paper-p4 h3") is not None
        assert page.select_one('a[href="#paper-paper-p1"]') is not None
    elif builder == "latex":
        tex = next(out.glob("*.tex")).read_text(encoding="utf-8")
        assert "Learned Schedulers" in tex and "Schedulers that learn." in tex
    elif builder == "text":
        assert "Schedulers that learn." in (out / "papers" / "paper-p4.txt").read_text(encoding="utf-8")
    elif builder == "epub":
        assert (out / "papers" / "paper-p4.xhtml").is_file()
    else:
        assert (out / "papers" / "paper-p4" / "index.html").is_file()


def test_a_myst_only_project_reads_the_pages_too(tmp_path: Path) -> None:
    src = copy_root(ROOT, tmp_path)
    (src / "cmt.rst").unlink()
    (src / "index.md").write_text("# Systems\n\n```{toctree}\naccepted\n```\n", encoding="utf-8")
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            'source_suffix = {".md": "markdown"}\npapers_accepted = {"papers": "exports/accepted.csv"}\n'
        )
    app = build(src, tmp_path / "build")
    assert sorted(p.name for p in (src / "papers").glob("paper-*")) == [
        "paper-p1.swpaper",
        "paper-p3.swpaper",
        "paper-p4.swpaper",
        "paper-p5.swpaper",
    ]
    assert soup(app, "papers/paper-p5").select_one("section#paper-paper-p5 h1") is not None


def test_a_page_naming_no_paper_warns_at_its_line_and_stays_empty(tmp_path: Path) -> None:
    """A generated page's format read by hand: a key or set this build did not read is a located warning."""
    src = copy_root(ROOT, tmp_path)
    (src / "stray.swpaper").write_text("A page of my own.\nset: papers\nkey: paper-p9\n", encoding="utf-8")
    (src / "nowhere.swpaper").write_text("set: gone\nkey: paper-p1\n", encoding="utf-8")
    app = build(src, tmp_path / "build")
    assert sorted(line for line in warning_lines(app) if ".swpaper" in line) == [
        "<src>/nowhere.swpaper:2: WARNING: this page names no paper of papers_accepted (set 'gone', key "
        "'paper-p1'); it is empty [workshop.bad_argument]",
        "<src>/stray.swpaper:3: WARNING: this page names no paper of papers_accepted (set 'papers', key "
        "'paper-p9'); it is empty [workshop.bad_argument]",
    ]
    assert soup(app, "stray").select_one("section") is None
    assert soup(app, "papers/paper-p1").select_one("section#paper-paper-p1") is not None


def _row_title(src: Path) -> None:
    path = src / "exports" / "accepted.csv"
    path.write_text(path.read_text().replace("Learned Schedulers", "Schedulers That Learn"))


def test_editing_one_row_reads_that_paper_its_neighbours_and_the_index(tmp_path: Path) -> None:
    result = rebuild(ROOT, tmp_path, _row_title)
    assert sorted(result.read) == ["accepted", "papers/paper-p1", "papers/paper-p4", "papers/paper-p5"]
    assert bodies_equal(result)


def _row_abstract(src: Path) -> None:
    path = src / "exports" / "accepted.csv"
    path.write_text(path.read_text().replace("Predicting the **tail**", "Predicting the **far tail**"))


def test_editing_a_row_the_index_does_not_show_reads_that_paper_alone(tmp_path: Path) -> None:
    # the index shows titles and authors, not abstracts: it is neither read again nor changed
    result = rebuild(ROOT, tmp_path, _row_abstract)
    assert result.read == ["papers/paper-p1"]
    assert "far tail" in soup(result.incremental, "papers/paper-p1").select_one("section#paper-paper-p1").text
    assert bodies_equal(result)


def test_a_row_removed_removes_its_page(tmp_path: Path) -> None:
    def remove(src: Path) -> None:
        path = src / "exports" / "accepted.csv"
        path.write_text(
            "\n".join(line for line in path.read_text().splitlines() if not line.startswith("p5,")) + "\n"
        )

    result = rebuild(ROOT, tmp_path, remove)
    assert not (Path(result.incremental.srcdir) / "papers" / "paper-p5.swpaper").exists()
    assert "papers/paper-p5" not in result.incremental.env.all_docs
    assert "paper-p5" not in soup(result.incremental, "accepted").select_one("div.sw-accepted-index").decode()
    # Sphinx leaves the output of a removed document where it was, as for any page deleted
    assert bodies_equal(result, removed={"papers/paper-p5.html"})


def test_parallel_build_equals_serial(tmp_path: Path) -> None:
    serial = build(copy_root(ROOT, tmp_path / "a"), tmp_path / "serial")
    parallel = build(copy_root(ROOT, tmp_path / "b"), tmp_path / "parallel", parallel=2)
    assert pages(parallel.outdir) == pages(serial.outdir)


def bodies_equal(result: object, removed: set[str] = frozenset()) -> bool:
    from kit import bodies

    incremental = bodies(Path(result.incremental.outdir))  # type: ignore[attr-defined]
    incremental = {name: text for name, text in incremental.items() if name not in removed}
    clean = bodies(Path(result.clean.outdir))  # type: ignore[attr-defined]
    assert incremental == clean
    return True


def test_a_theme_that_shows_hidden_toctrees_never_lists_the_papers(tmp_path: Path) -> None:
    # sphinx-book-theme shows hidden toctrees and the current page's whole subtree: without the pruning
    # (accepted.navigation) every paper page would list every paper. Built as a user builds, in a process
    # of its own (a theme's setup leaves its templates to the next app of a process).
    src = copy_root(ROOT, tmp_path)
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write('html_theme = "sphinx_book_theme"\nhtml_sidebars = {"**": ["sbt-sidebar-nav.html"]}\n')
    out = tmp_path / "html"
    done = subprocess.run(
        [sys.executable, "-m", "sphinx", "-q", "-b", "html", str(src), str(out)],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr

    def page_soup(name: str) -> BeautifulSoup:
        return parse_file(out / f"{name}.html")

    for page in ("index", "accepted", "papers/paper-p1", "cmt/cmt-12"):
        nav = page_soup(page).select_one("nav.bd-docs-nav")
        assert nav is not None, page
        assert [a["href"].rsplit("/", 1)[-1] for a in nav.select("a")] in (
            ["accepted.html", "cmt.html"],
            ["#", "cmt.html"],
            ["accepted.html", "#"],
        ), page
    prev_next = page_soup("papers/paper-p4").select("link[rel=prev], link[rel=next]")  # Sphinx's relations
    assert sorted(a["href"] for a in prev_next) == ["paper-p1.html", "paper-p5.html"]


def test_the_stylesheet_is_on_the_pages_that_show_papers_only(built: SphinxTestApp) -> None:
    def sheets(page: str) -> list[str]:
        return [link["href"].split("?")[0] for link in soup(built, page).select("link[rel=stylesheet]")]

    assert "_static/sphinx-workshop/accepted.css" in sheets("accepted")
    assert "../_static/sphinx-workshop/accepted.css" in sheets("papers/paper-p1")
    assert not any(href.endswith("accepted.css") for href in sheets("index"))
    assert Path(built.outdir, "_static", "sphinx-workshop", "accepted.css").is_file()


def test_the_readme_example_builds_as_written(tmp_path: Path) -> None:
    import re

    section = documented("accepted")
    blocks = {m[2]: m[3] for m in re.finditer(r"^(`{3,})(\w+)\n(.*?)^\1$", section, flags=re.M | re.S)}
    src = tmp_path / "src"
    (src / "exports").mkdir(parents=True)
    (src / "conf.py").write_text(
        'extensions = ["myst_parser", "sphinx_workshop"]\n' + blocks["python"], encoding="utf-8"
    )
    (src / "index.md").write_text(blocks["markdown"], encoding="utf-8")
    export = (copy_root(ROOT, tmp_path / "root") / "exports" / "accepted.csv").read_text(encoding="utf-8")
    (src / "exports" / "accepted.csv").write_text(export.replace("javascript:alert(1)", ""), encoding="utf-8")
    app = build(src, tmp_path / "build")
    assert warning_lines(app) == []
    assert len(soup(app, "index").select("li.sw-accepted-entry")) == 4


def test_the_papers_hidden_toctree_leaves_the_latex_contents_name_to_the_root_toctree(tmp_path: Path) -> None:
    """The LaTeX contents take the caption of the root document's first toctree that has one: the
    hidden toctree of the papers' pages (no caption) before it does not hide it."""
    src = copy_root(ROOT, tmp_path)
    (src / "cmt.rst").unlink()
    accepted = (src / "accepted.md").read_text(encoding="utf-8").split("\n", 1)[1]
    (src / "accepted.md").unlink()
    toctree = "```{toctree}\n:caption: The Workshop\n\nintro\n```\n"
    (src / "index.md").write_text(f"# Systems\n{accepted}\n{toctree}", encoding="utf-8")
    (src / "intro.md").write_text("# Introduction\n\nWelcome.\n", encoding="utf-8")
    app = build(src, tmp_path / "build", "latex")
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert r"\renewcommand{\contentsname}{The Workshop}" in tex
