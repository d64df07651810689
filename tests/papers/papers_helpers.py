"""Helpers shared by the papers tests: warnings as lines, page bodies, copied roots."""

from __future__ import annotations

import shutil
from pathlib import Path

from bs4 import BeautifulSoup
from sphinx.util.console import strip_escape_sequences

ROOTS = Path(__file__).resolve().parents[1] / "roots"


def edit(path: Path, old: str, new: str) -> None:
    """Replace *old* (which must be there) by *new* in the file *path*."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def warning_lines(app) -> list[str]:
    """The warnings of *app*, ANSI colours stripped, the source folder written as ``<src>/``."""
    text = strip_escape_sequences(app.warning.getvalue())
    return [line.replace(f"{app.srcdir}/", "<src>/") for line in text.splitlines() if line.strip()]


def soup(app, page: str = "index") -> BeautifulSoup:
    """The parsed HTML of *page* (a docname) built by *app*."""
    return BeautifulSoup((app.outdir / f"{page}.html").read_text(encoding="utf-8"), "lxml")


def body(path: Path) -> str:
    """The content part of an HTML page (what the papers feature renders into)."""
    page = BeautifulSoup(path.read_text(encoding="utf-8"), "lxml")
    main = page.select_one("div.body") or page.select_one("[role=main]")
    assert main is not None, path
    return str(main)


def bodies(outdir: Path) -> dict[str, str]:
    """Every page's content part, by path relative to *outdir*."""
    return {
        str(p.relative_to(outdir)): body(p)
        for p in sorted(outdir.rglob("*.html"))
        if not p.relative_to(outdir).parts[0].startswith("_")
        and p.name not in {"genindex.html", "search.html"}
    }


def copy_root(name: str, dest: Path) -> Path:
    """A private, writable copy of ``tests/roots/test-<name>``."""
    target = dest / name
    shutil.copytree(ROOTS / f"test-{name}", target)
    return target
