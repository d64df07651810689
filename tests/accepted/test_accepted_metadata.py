"""Accepted papers made machine-readable: Google Scholar's tags and schema.org JSON-LD on each paper's
page, and the whole set as a ``.bib`` to download from its index."""

from __future__ import annotations

import json
import pickle
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from kit import build, copy_root, edit, parse_file, rebuild, soup, warning_lines
from pybtex.database import parse_string
from sphinx.testing.util import SphinxTestApp

ROOT = "accepted-site"
DATA = Path(__file__).parent / "data"
BASE = "https://ws.example.org/"
HOSTILE = "</script><script>alert(1)</script>"
TITLE = 'Caches <&> "Quoted" Title'
#: A row whose title needs escaping in an attribute and whose abstract tries to end the JSON-LD script.
ROW = f'p6,"{TITLE.replace(chr(34), 2 * chr(34))}",Zed Ay,"Hostile {HOSTILE} end",,Accept (Poster),Evening,\n'


def _source(tmp: Path) -> Path:
    """The test root with the row above, an OpenReview set (forum links) and ``html_baseurl``."""
    src = copy_root(ROOT, tmp)
    with (src / "exports" / "accepted.csv").open("a", encoding="utf-8") as export:
        export.write(ROW)
    shutil.copy(DATA / "openreview_v2.json", src / "exports" / "openreview.json")
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write(
            'papers_accepted["openreview"] = {"export": "exports/openreview.json", "year": "2024", '
            '"venue": "ML for Systems 2024"}\n'
            f"html_baseurl = {BASE!r}\n"
        )
    (src / "openreview.md").write_text(
        "---\norphan: true\n---\n# OpenReview papers\n\n```{accepted-papers} openreview\n```\n",
        encoding="utf-8",
    )
    return src


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> SphinxTestApp:
    tmp = tmp_path_factory.mktemp("metadata")
    return build(_source(tmp), tmp / "build")


def _tags(page: BeautifulSoup) -> list[tuple[str, str]]:
    return [(meta["name"], meta["content"]) for meta in page.select('head meta[name^="citation_"]')]


def _jsonld(page: BeautifulSoup) -> list[dict[str, object]]:
    return [json.loads(script.string) for script in page.select('script[type="application/ld+json"]')]


def test_the_build_is_clean_but_for_the_roots_own_problems(built: SphinxTestApp) -> None:
    assert [line for line in warning_lines(built) if "export_value" not in line] == []


def test_scholar_tags_are_in_order_with_each_authors_institution(built: SphinxTestApp) -> None:
    assert _tags(soup(built, "cmt/cmt-16")) == [
        ("citation_title", "Accepted as Poster"),
        ("citation_author", "Ed Poster"),  # no affiliation: no institution tag
        ("citation_author", "Fi Two"),
        ("citation_author_institution", "Lab (A); Lab B"),
        ("citation_publication_date", "2020"),
        ("citation_conference_title", "Systems Workshop 2020"),
        ("citation_pdf_url", "https://example.org/cmt/16.pdf"),  # from the set's pdf-url
        ("citation_keywords", "Learning"),
        ("citation_abstract_html_url", f"{BASE}cmt/cmt-16.html"),
    ]
    assert _tags(soup(built, "papers/paper-p1")) == [
        ("citation_title", "Tail Latency Prediction"),
        ("citation_author", "Ann Lee"),
        ("citation_author", "Bo Kim"),
        ("citation_publication_date", "2020"),
        ("citation_conference_title", "Systems Workshop 2020"),
        ("citation_pdf_url", "https://example.org/p1.pdf"),
        ("citation_keywords", "latency; prediction"),
        ("citation_abstract_html_url", f"{BASE}papers/paper-p1.html"),
    ]


def test_a_title_with_markup_characters_is_escaped(built: SphinxTestApp) -> None:
    path = Path(built.outdir, "papers", "paper-p6.html")
    assert _tags(parse_file(path))[0] == ("citation_title", TITLE)
    raw = path.read_text(encoding="utf-8")
    assert '<meta name="citation_title" content="Caches &lt;&amp;&gt; &quot;Quoted&quot; Title" />' in raw


def test_the_title_is_plain_text(built: SphinxTestApp) -> None:
    # the export's title is Markdown: the tags carry its text, as the page shows it
    page = soup(built, "papers/paper-p3")
    assert _tags(page)[0] == ("citation_title", "A Spotlight on <b>Caches</b>")
    assert _jsonld(page)[0]["headline"] == "A Spotlight on <b>Caches</b>"


def test_the_plain_texts_stay_out_of_the_pickled_environment(built: SphinxTestApp) -> None:
    # every abstract again in the environment would be loaded by every later build
    with Path(built.doctreedir, "environment.pickle").open("rb") as file:
        env = pickle.load(file)
    assert env.domaindata["accepted"]["plain"] == {}
    abstract = json.loads(
        soup(built, "papers/paper-p1").select_one('script[type="application/ld+json"]').string
    )
    assert abstract["abstract"]


def test_the_jsonld_is_a_scholarly_article(built: SphinxTestApp) -> None:
    (article,) = _jsonld(soup(built, "openreview/openreview-xk3vl9pq2a"))
    assert article == {
        "@context": "https://schema.org",
        "@type": "ScholarlyArticle",
        "headline": "Learned Cost Models for Tensor Programs",
        "name": "Learned Cost Models for Tensor Programs",
        "author": [
            {
                "@type": "Person",
                "name": "Ann Lee",
                "affiliation": {"@type": "Organization", "name": "University of Toronto"},
            },
            {"@type": "Person", "name": "Bo Kim"},
        ],
        "datePublished": "2024",
        "abstract": "We learn $f(x)$ from profiles. Second line.",
        "keywords": "compilers, cost models",
        "url": f"{BASE}openreview/openreview-xk3vl9pq2a.html",
        "sameAs": "https://openreview.net/forum?id=Xk3vL9pQ2a",
        "encoding": {
            "@type": "MediaObject",
            "contentUrl": "https://openreview.net/pdf?id=Xk3vL9pQ2a",
            "encodingFormat": "application/pdf",
        },
        "isPartOf": {"@type": "Collection", "name": "ML for Systems 2024"},
    }


def test_a_hostile_abstract_cannot_leave_the_script(built: SphinxTestApp) -> None:
    path = Path(built.outdir, "papers", "paper-p6.html")
    raw = path.read_text(encoding="utf-8")
    assert HOSTILE not in raw and "<script>alert(1)" not in raw
    page = parse_file(path)
    (article,) = _jsonld(page)
    assert article["abstract"] == f"Hostile {HOSTILE} end"
    assert article["headline"] == TITLE
    assert all("alert" not in (script.string or "") for script in page.select("script:not([type])"))
    assert all(script.get("src") is not None or script.get("type") for script in page.select("script"))


def test_links_that_are_not_http_never_appear(built: SphinxTestApp) -> None:
    page = soup(built, "papers/paper-p4")  # its export's PDF link is javascript:
    assert [name for name, _ in _tags(page)] == [
        "citation_title",
        "citation_author",
        "citation_author",
        "citation_publication_date",
        "citation_conference_title",
        "citation_abstract_html_url",
    ]
    (article,) = _jsonld(page)
    assert "encoding" not in article
    assert "javascript" not in Path(built.outdir, "papers", "paper-p4.html").read_text(encoding="utf-8")


def test_an_html_baseurl_that_is_not_http_gives_no_url(tmp_path: Path) -> None:
    app = build(
        _source(tmp_path), tmp_path / "build", confoverrides={"html_baseurl": "javascript:alert(1)//"}
    )
    page = soup(app, "papers/paper-p1")
    assert "citation_abstract_html_url" not in dict(_tags(page))
    (article,) = _jsonld(page)
    assert "url" not in article and article["encoding"]["contentUrl"] == "https://example.org/p1.pdf"


@pytest.mark.parametrize("page", ["index", "accepted", "cmt", "openreview", "genindex", "search"])
def test_other_pages_have_no_metadata(built: SphinxTestApp, page: str) -> None:
    parsed = soup(built, page)
    assert _tags(parsed) == []
    assert _jsonld(parsed) == []


def _download(out: Path, page: str) -> Path:
    """The file the index's "Download all as BibTeX" link of *page* (a path in *out*) reaches."""
    (link,) = parse_file(out / page).select("p.sw-accepted-download a.download")
    assert link.get_text() == "Download all as BibTeX (.bib)"
    target = (out / page).parent / link["href"]
    assert target.is_file(), target
    return target


def _cited(out: Path, suffix: str) -> dict[str, str]:
    """Each paper page's "Cite this paper" BibTeX, by its key (papers of the ``papers`` set)."""
    cited = {}
    for path in sorted((out / "papers").glob(f"*{suffix}")):
        (block,) = parse_file(path).select(".sw-accepted-bibtex")
        text = block.get_text()
        (key,) = parse_string(text, "bibtex").entries
        cited[key] = text.strip()
    return cited


def test_the_index_offers_the_whole_set_as_bibtex(built: SphinxTestApp) -> None:
    out = Path(built.outdir)
    text = _download(out, "accepted.html").read_text(encoding="utf-8")
    entries = parse_string(text, "bibtex").entries
    cited = _cited(out, ".html")
    # one entry per paper, in the index's order, each the one its page shows
    assert list(entries) == ["paper-p1", "paper-p4", "paper-p5", "paper-p3", "paper-p6"]
    assert sorted(entries) == sorted(cited)
    assert all(entry in text for entry in cited.values())
    assert entries["paper-p6"].fields["title"] == r'Caches \textless{}\&\textgreater{} "Quoted" Title'
    assert list(parse_string(_download(out, "cmt.html").read_text(encoding="utf-8"), "bibtex").entries) == [
        "cmt-16",
        "cmt-12",
        "cmt-17",
    ]


@pytest.mark.parametrize("builder", ["dirhtml", "singlehtml", "epub", "text"])
def test_the_bibtex_downloads_in_other_builders(builder: str, tmp_path: Path) -> None:
    app = build(_source(tmp_path), tmp_path / "build", builder)
    out = Path(app.outdir)
    if builder == "dirhtml":
        text = _download(out, "accepted/index.html").read_text(encoding="utf-8")
        assert sorted(parse_string(text, "bibtex").entries) == sorted(_cited(out, "/index.html"))
        page = parse_file(out / "papers" / "paper-p1" / "index.html")
        assert dict(_tags(page))["citation_abstract_html_url"] == f"{BASE}papers/paper-p1/"
        assert _jsonld(page)[0]["url"] == f"{BASE}papers/paper-p1/"
    elif builder == "singlehtml":
        # the two sets the toctree reaches (the OpenReview index is an orphan, not in the single page)
        links = parse_file(out / "index.html").select("p.sw-accepted-download a.download")
        assert [link["href"].rsplit("/", 1)[1] for link in links] == ["papers.bib", "cmt.bib"]
        assert all((out / link["href"]).is_file() for link in links)
        # one page of many articles: Google Scholar's tags describe one article per page
        assert _tags(parse_file(out / "index.html")) == []
        assert _jsonld(parse_file(out / "index.html")) == []
    elif builder == "epub":
        # EPUB's builder copies no downloads: no link that leads nowhere, and no search-engine metadata
        assert parse_file(out / "accepted.xhtml").select(".sw-accepted-download") == []
        page = parse_file(out / "papers" / "paper-p1.xhtml")
        assert page.select_one(".sw-accepted-paper") is not None
        assert page.select('meta[name^="citation_"]') == [] and page.select("script") == []
    else:
        index = (out / "accepted.txt").read_text(encoding="utf-8")
        assert "Tail Latency Prediction" in index and "BibTeX" not in index


def _bib(out: Path) -> str:
    (path,) = out.glob("_downloads/*/papers.bib")
    return path.read_text(encoding="utf-8")


def test_an_edited_row_changes_the_bibtex_in_an_incrementalbuild(tmp_path: Path) -> None:
    def change(src: Path) -> None:
        path = src / "exports" / "accepted.csv"
        lines = path.read_text(encoding="utf-8").splitlines()
        kept = [line.replace("Compilers That Learn", "Compilers That Learn Fast") for line in lines]
        path.write_text(
            "\n".join(line for line in kept if not line.startswith("p3,")) + "\n", encoding="utf-8"
        )

    result = rebuild(ROOT, tmp_path, change, snapshot=_bib)
    after = _bib(Path(result.incremental.outdir))
    assert "Compilers That Learn Fast" not in result.before
    assert "Compilers That Learn Fast" in after
    assert list(parse_string(after, "bibtex").entries) == ["paper-p1", "paper-p4", "paper-p5"]
    assert after == _bib(Path(result.clean.outdir))
    # the stale-page cleanup removed the row's page, not the set's .bib
    folder = Path(result.incremental.srcdir, "papers")
    assert not (folder / "paper-p3.swpaper").exists()
    assert (folder / "papers.bib").read_text(encoding="utf-8") == after
    # each entry is kept for the next build under the digest of its fields; a removed row's goes
    kept = result.incremental.env.domains["accepted"].data["bibtex"]["papers"]
    assert sorted(kept) == ["paper-p1", "paper-p4", "paper-p5"]
    assert all(bibtex.strip() in after for _digest, bibtex in kept.values())
    assert any("Compilers That Learn Fast" in bibtex for _digest, bibtex in kept.values())


def test_a_new_venue_changes_every_kept_bibtex_entry(tmp_path: Path) -> None:
    """The entries kept from the last build are made again when what they show changes in conf.py."""

    def change(src: Path) -> None:
        edit(src / "conf.py", '"group-by": "session"', '"group-by": "session", "venue": "SysML Workshop"')

    result = rebuild(ROOT, tmp_path, change, snapshot=_bib)
    after = _bib(Path(result.incremental.outdir))
    assert "SysML Workshop" not in result.before
    entries = parse_string(after, "bibtex").entries.values()
    assert [entry.fields["booktitle"] for entry in entries] == ["SysML Workshop"] * 4
    assert after == _bib(Path(result.clean.outdir))


def test_an_unchanged_export_rewrites_no_bibtex(tmp_path: Path) -> None:
    stamps: list[int] = []

    def touch_nothing(src: Path) -> None:
        stamps.append((src / "papers" / "papers.bib").stat().st_mtime_ns)

    result = rebuild(ROOT, tmp_path, touch_nothing, snapshot=_bib)
    assert result.read == []  # the index is not read again for its download
    assert Path(result.incremental.srcdir, "papers", "papers.bib").stat().st_mtime_ns == stamps[0]
    assert _bib(Path(result.incremental.outdir)) == result.before


def test_the_download_link_is_translated(tmp_path: Path) -> None:
    app = build(copy_root(ROOT, tmp_path), tmp_path / "build", confoverrides={"language": "fr"})
    (link,) = soup(app, "accepted").select("p.sw-accepted-download a.download")
    assert link.get_text() == "Tout télécharger en BibTeX (.bib)"
