"""Helpers of the built-site tests: parse pages, and find internal links or anchors that do not resolve."""

from __future__ import annotations

from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup
from kit import parse_file

#: Attributes that hold a link, per element, in the pages the site builds.
LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src"}


@cache
def _soup(path: Path) -> BeautifulSoup:
    return parse_file(path)


def soup(path: Path) -> BeautifulSoup:
    """The parsed page at *path* (parsed once per test session)."""
    return _soup(path.resolve())


def ids_of(path: Path) -> frozenset[str]:
    """Every fragment a link can target in the page: ``id`` attributes and ``<a name>`` (gathered once
    per page and test session, as the page is parsed once)."""
    return _ids(path.resolve())


@cache
def _ids(path: Path) -> frozenset[str]:
    page = _soup(path)
    return frozenset(str(el["id"]) for el in page.find_all(id=True)) | {
        str(a["name"]) for a in page.find_all("a", attrs={"name": True})
    }


def _target(outdir: Path, page: Path, path: str) -> Path:
    base = outdir if path.startswith("/") else page.parent
    target = (base / unquote(path).lstrip("/")).resolve()
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def broken_links(outdir: Path, scope: str = "html") -> list[str]:
    """``page: link`` for every internal link (or ``#anchor``) of the HTML pages in *outdir* that misses.

    Links with a scheme or a host (``https:``, ``mailto:``) are external and not checked here; a link
    starting with ``/`` is rooted at *outdir* (the 404 page's links are absolute by design). *scope* is
    a CSS selector of the part of each page to check.
    """
    problems: list[str] = []
    outdir = outdir.resolve()
    pages = [p for p in outdir.rglob("*.html") if "_static" not in p.relative_to(outdir).parts]
    for page in sorted(pages):
        for tag, attribute in LINK_ATTRIBUTES.items():
            for element in (e for part in soup(page).select(scope) for e in part.find_all(tag)):
                link = element.get(attribute)
                if not isinstance(link, str) or not link or link == "#":
                    continue
                parts = urlsplit(link)
                if parts.scheme or parts.netloc:
                    continue
                target = _target(outdir, page, parts.path) if parts.path else page
                where = f"{page.relative_to(outdir)}: {link}"
                if not target.is_file():
                    problems.append(f"{where} (no file {target})")
                elif (
                    parts.fragment
                    and target.suffix == ".html"
                    and unquote(parts.fragment) not in ids_of(target)
                ):
                    problems.append(f"{where} (no anchor)")
    return problems


def text(element: object) -> str:
    """The text of a BeautifulSoup element, whitespace collapsed."""
    return " ".join(element.get_text().split())  # type: ignore[attr-defined]
