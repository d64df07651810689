"""What a project no longer patches in its ``conf.py``: singlehtml links (Sphinx 9), EPUB under ``-W`` with
Sphinx's default doctree folder, the 404 page's own links (sphinx-notfound-page) and sphinx-book-theme's
unescaped page titles.

``tests/roots/test-repairs`` has no hook of its own: only the extensions and the EPUB metadata.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import zipfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
import sphinx
from kit import parse_file, soup, warning_lines
from sphinx.cmd.build import build_main
from sphinx.util.console import strip_escape_sequences

ROOT = Path(__file__).parents[1] / "roots" / "test-repairs"


@pytest.mark.sphinx("singlehtml", testroot="repairs", freshenv=True)
def test_singlehtml_cross_page_links_have_one_anchor(app) -> None:
    """``{person}``, ``{paper}``, ``{cite}``, back-links and a ``{ref}`` to another page's heading."""
    app.build()
    assert warning_lines(app) == []
    page = soup(app, "index.html")
    body = page.select_one("div.body, div[role=main], main") or page
    links = {a["href"] for a in body.select("a.reference.internal[href]")}
    assert {"#person-anna-goldie", "#paper-kraska2018case", "#program-section", "#cite-index-0"} <= links
    for href in links:
        assert href.startswith("#") and href.count("#") == 1, href
        assert href == "#" or page.find(id=href[1:]) is not None, href
    # An external link is not a cross-page link: its own hashes stay (a single-page app's route). Before
    # Sphinx 9 the builder's own fix_refuris cuts it to "index.html#today", before the repair runs.
    if sphinx.version_info >= (9,):
        assert [a["href"] for a in body.select("a.reference.external")] == [
            "https://example.org/app#/program#today"
        ]


def _build(builder: str, srcdir: Path, outdir: Path) -> tuple[int, str]:
    """``sphinx-build -W -b <builder> src out``: no ``-d``, so the doctrees go to ``out/.doctrees``."""
    with redirect_stdout(io.StringIO()), redirect_stderr(io.StringIO()) as stderr:
        status = build_main(["-W", "-q", "-b", builder, str(srcdir), str(outdir)])
    return status, strip_escape_sequences(stderr.getvalue())


def test_epub_builds_under_w_with_sphinx_default_doctrees(tmp_path) -> None:
    for attempt in ("clean", "incremental"):
        status, errors = _build("epub", ROOT, tmp_path / "epub")
        assert (status, errors) == (0, ""), attempt
        assert (tmp_path / "epub" / ".doctrees" / "environment.pickle").is_file()
    (book,) = (tmp_path / "epub").glob("*.epub")
    names = zipfile.ZipFile(book).namelist()
    assert "EPUB/index.xhtml" in names or "index.xhtml" in names
    assert not [n for n in names if ".doctrees" in n or n.endswith((".doctree", ".pickle"))]


@pytest.mark.sphinx("html", testroot="repairs", freshenv=True)
def test_404_page_links_are_rooted_at_the_prefix(app) -> None:
    """sphinx-notfound-page serves the page at any depth: its own links are absolute, other pages' not."""
    app.build()
    assert warning_lines(app) == []
    prefix = app.config.notfound_urls_prefix
    assert prefix.startswith("/") and prefix.endswith("/")
    missing = soup(app, "404.html").select("div.body a.reference.internal, main a.reference.internal")
    assert [a["href"] for a in missing] == [f"{prefix}index.html", f"{prefix}program.html#talks"]
    index = soup(app, "index.html").select("a.reference.internal[href^='program.html']")
    assert index and all(not a["href"].startswith("/") for a in index)


def test_book_theme_page_titles_are_escaped(tmp_path) -> None:
    """sphinx-book-theme prints the page's title as plain text into its print header; it stays text.

    Built in a subprocess: an in-process book-theme build leaves its templates to later pydata builds.
    """
    (tmp_path / "conf.py").write_text('extensions = ["sphinx_workshop"]\nhtml_theme = "sphinx_book_theme"\n')
    (tmp_path / "index.rst").write_text("A <b>bold</b> & b\n=================\n\nText.\n")
    env = {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(ROOT.parents[2] / "ext"), os.environ.get("PYTHONPATH", "")]),
    }
    command = [sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", "-A", "default_mode=auto"]
    done = subprocess.run(
        [*command, str(tmp_path), str(tmp_path / "out")], capture_output=True, text=True, env=env
    )
    assert (done.returncode, done.stderr) == (0, "")
    page = parse_file(tmp_path / "out" / "index.html")
    assert page.select_one("#jb-print-docs-body h1").get_text() == "A <b>bold</b> & b"
    assert page.select("b") == []
