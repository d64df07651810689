"""Helpers shared by the papers tests: warnings as lines, page bodies, copied roots, rebuilds."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
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


@dataclass
class Rebuild:
    """A root built, edited and built again (``incremental``), and the edited root built anew (``clean``).

    The apps are cleaned up; their outdir, env and warnings stay readable.
    """

    before: Any  # what *snapshot* gave of the first build
    incremental: SphinxTestApp
    clean: SphinxTestApp
    read: list[str] = field(default_factory=list)  # the documents the incremental build read
    written: set[str] = field(default_factory=set)  # the pages it wrote


def rebuild(
    root: str,
    tmp_path: Path,
    change: Callable[[Path], None],
    *,
    process: str = "new",
    snapshot: Callable[[Path], Any] = bodies,
    during: contextlib.AbstractContextManager[Any] | None = None,
    parallel: int = 0,
) -> Rebuild:
    """Build a copy of *root*, apply *change* to its sources, build again, and build it anew.

    *process*: ``"new"`` rebuilds with a new app (as ``sphinx-build`` does), ``"same"`` with the
    first one (as a live preview can); *during* wraps the incremental build (and its app's creation);
    *parallel*: the processes of the first build (``-j``), whose readers' records are merged.
    """
    src = copy_root(root, tmp_path)
    app = SphinxTestApp(
        "html", srcdir=src, builddir=tmp_path / "incremental", freshenv=True, parallel=parallel
    )
    read: list[str] = []
    written: set[str] = set()
    try:
        app.build()
        before = snapshot(app.outdir)
        change(src)
        with during or contextlib.nullcontext():
            if process == "new":
                app.cleanup()
                app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "incremental")
            app.connect("env-before-read-docs", lambda app, env, docnames: read.extend(docnames))
            app.connect("html-page-context", lambda app, page, *args: written.add(page))
            app.build()
    finally:
        app.cleanup()
    clean = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "clean", freshenv=True)
    try:
        clean.build()
    finally:
        clean.cleanup()
    return Rebuild(before, app, clean, read, written)
