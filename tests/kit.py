"""The test kit every test module uses: a build's warnings as lines, its pages parsed (one parser for HTML,
one for EPUB's XHTML), ``objects.inv`` through Sphinx's own reader, private copies of the test roots, and
the build, edit, build-again and compare-with-a-clean-build harness (:func:`rebuild`)."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable
from dataclasses import dataclass, field
from io import StringIO
from pathlib import Path
from typing import Any

from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences
from sphinx.util.inventory import InventoryFile

PROJECT = Path(__file__).resolve().parents[1]
ROOTS = PROJECT / "tests" / "roots"


#: Where the documentation's marked sections live: the docs site first, then the repository README.
DOCUMENTS = (PROJECT / "docs", PROJECT / "README.md")


def documented(name: str) -> str:
    """The text between ``<!-- name:start -->`` and ``<!-- name:end -->`` in the one documentation page
    (under ``docs/``, else ``README.md``) that holds it: the examples and tables tests read as written."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    for place in DOCUMENTS:
        files = sorted(place.rglob("*.md")) if place.is_dir() else [place]
        holding = [path for path in files if start in path.read_text(encoding="utf-8")]
        assert len(holding) <= 1, (name, holding)
        if holding:
            text = holding[0].read_text(encoding="utf-8")
            return text.split(start, 1)[1].split(end, 1)[0]
    raise AssertionError(f"no documentation page marks the section {name!r}")


def edit(path: Path, old: str, new: str) -> None:
    """Replace *old* (which must be there) by *new* in the file *path*."""
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def warning_lines(app, *, src: str = "<src>/") -> list[str]:
    """The warnings of *app*, ANSI colours stripped, the source folder written as *src*."""
    text = strip_escape_sequences(app.warning.getvalue())
    return [line.replace(f"{app.srcdir}/", src) for line in text.splitlines() if line.strip()]


def parse(text: str, *, xhtml: bool = False) -> BeautifulSoup:
    """A page's markup, parsed: HTML with lxml's HTML parser, EPUB's XHTML with its XML parser."""
    return BeautifulSoup(text, "xml" if xhtml else "lxml")


def parse_file(path: Path) -> BeautifulSoup:
    """The page at *path*, parsed (``.xhtml`` as XML)."""
    return parse(path.read_text(encoding="utf-8"), xhtml=path.suffix == ".xhtml")


def soup(app, page: str = "index") -> BeautifulSoup:
    """The parsed page *page* built by *app*: a docname (``other/index``, ``.html`` added) or a file name
    relative to the output folder (``index.html``, ``session.xhtml``)."""
    name = page if page.endswith((".html", ".xhtml")) else f"{page}.html"
    return parse_file(Path(app.outdir, name))


def pages(outdir: Path, suffix: str = ".html") -> dict[str, str]:
    """Every written file with *suffix*, by path relative to *outdir*."""
    return {
        str(path.relative_to(outdir)): path.read_text(encoding="utf-8")
        for path in sorted(outdir.rglob(f"*{suffix}"))
    }


def inventory(outdir: Path) -> dict[str, dict[str, tuple[str, str]]]:
    """``objects.inv`` of *outdir*, read by Sphinx: object type -> name -> (uri, display name)."""
    data = (outdir / "objects.inv").read_bytes()
    if hasattr(InventoryFile, "loads"):  # Sphinx 8.2+
        loaded = InventoryFile.loads(data, uri="").data
        return {
            kind: {name: (item.uri, item.display_name) for name, item in items.items()}
            for kind, items in loaded.items()
        }
    import io
    import posixpath

    old = InventoryFile.load(io.BytesIO(data), "", posixpath.join)  # Sphinx 7.4 to 8.1
    return {kind: {name: (item[2], item[3]) for name, item in items.items()} for kind, items in old.items()}


def body(path: Path) -> str:
    """The content part of an HTML page (what the papers feature renders into)."""
    page = parse_file(path)
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


def build(src: Path, out: Path, builder: str = "html", **kwargs: Any) -> SphinxTestApp:
    """Build the project *src* anew into *out* with *builder* (*kwargs*: ``SphinxTestApp``'s, e.g.
    ``parallel``, ``confoverrides``); the app is cleaned up, its outdir, env and warnings stay readable."""
    app = SphinxTestApp(
        builder, srcdir=src, builddir=out, freshenv=True, status=StringIO(), warning=StringIO(), **kwargs
    )
    try:
        app.build()
    finally:
        app.cleanup()
    return app


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
