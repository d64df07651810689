"""What shared links and crawlers need: titles, description, Open Graph, canonical, sitemap, favicon, 404."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from kit import documented
from sitecheck import broken_links, soup, text

pytestmark = [pytest.mark.slow]

PROJECT = Path(__file__).resolve().parents[2]
BASE = "https://mlforsystems.org/"
DESCRIPTION = "Workshop on ML for Systems at NeurIPS 2020, December 12th, Zoomville"
PAGES = {
    "index.html": "ML For Systems",
    "call_for_papers.html": "Call for papers",
    "program.html": "Program",
    "accepted_papers.html": "Accepted papers",
    "committees.html": "Committees",
}


def meta(page, **attrs: str) -> str:
    """The ``content`` of the one ``<meta>`` with *attrs*."""
    found = page.find_all("meta", attrs=attrs)
    assert len(found) == 1, attrs
    return str(found[0]["content"])


@pytest.mark.parametrize(("name", "title"), PAGES.items())
def test_every_page_has_title_description_and_open_graph(site_html, name, title) -> None:
    page = soup(site_html.outdir / name)
    assert text(page.title) == f"{title} — ML For Systems @ NeurIPS 2020"
    description = meta(page, name="description")
    assert description
    assert meta(page, property="og:title") == title
    assert meta(page, property="og:description") == description
    assert meta(page, property="og:url") == BASE + name
    assert meta(page, property="og:type") == "website"
    assert meta(page, property="og:site_name") == "ML For Systems"
    assert meta(page, property="og:image") == BASE + "_static/og-image.png"
    assert meta(page, property="og:image:alt")
    assert meta(page, name="twitter:card") == "summary_large_image"
    assert (site_html.outdir / "_static" / "og-image.png").is_file()
    (canonical,) = page.select('link[rel="canonical"]')
    assert canonical["href"] == BASE + name


def test_index_description_is_the_workshops(site_html) -> None:
    page = soup(site_html.outdir / "index.html")
    assert meta(page, name="description") == DESCRIPTION
    assert meta(page, property="og:description") == DESCRIPTION


def test_favicon(site_html) -> None:
    page = soup(site_html.outdir / "index.html")
    (icon,) = page.select('link[rel="icon"]')
    assert (site_html.outdir / icon["href"].split("?")[0]).is_file()


def test_sitemap_lists_the_pages(site_html) -> None:
    tree = ET.parse(site_html.outdir / "sitemap.xml")
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = sorted(loc.text or "" for loc in tree.getroot().findall("s:url/s:loc", ns))
    papers = [loc for loc in locations if loc.startswith(BASE + "papers/cmt-")]
    assert len(papers) == 18  # each accepted paper's page, for search engines and Google Scholar
    assert sorted(set(locations) - set(papers)) == sorted(BASE + name for name in PAGES)


def test_404_page_links_are_absolute(site_html) -> None:
    page = soup(site_html.outdir / "404.html")
    assert text(page.select_one("h1")) == "Page not found"
    assert meta(page, name="robots") == "noindex"
    content = page.select_one("article.bd-article")
    links = [a["href"] for a in content.select("a[href]")]
    assert "/index.html" in links
    assert "/call_for_papers.html" in links
    stylesheets = [link["href"] for link in page.select('link[rel="stylesheet"]')]
    assert stylesheets and all(href.startswith("/_static/") for href in stylesheets)


def test_internal_links_and_anchors_resolve(site_html) -> None:
    assert broken_links(site_html.outdir) == []


def test_no_build_timestamps(site_html) -> None:
    page = soup(site_html.outdir / "index.html")
    assert "Last updated" not in text(page)


def front_matter(markdown: str) -> dict:
    """The YAML front matter of a MyST page (between the first two ``---`` lines)."""
    _, head, _ = markdown.split("---\n", 2)
    return yaml.safe_load(head)


def test_pages_follow_the_readmes_add_a_page_example() -> None:
    example = re.search(r"```markdown\n(.*?)```", documented("site"), re.DOTALL)
    assert example is not None
    expected = front_matter(example.group(1))
    index = (PROJECT / "source" / "index.md").read_text(encoding="utf-8")
    for name in PAGES:
        page = (PROJECT / "source" / name.replace(".html", ".md")).read_text(encoding="utf-8")
        meta = front_matter(page)
        assert meta.keys() == expected.keys(), name
        assert meta["myst"]["html_meta"].keys() == expected["myst"]["html_meta"].keys(), name
        assert meta["og:description"] == meta["myst"]["html_meta"]["description"], name
        if name != "index.html":
            assert re.search(rf"^{name.removesuffix('.html')}$", index, re.MULTILINE), (
                f"{name} not in the toctree"
            )
