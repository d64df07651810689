"""The documentation's examples (``docs/examples/<name>/``, each a project of its own) build without a
warning, and every one of them is shown by some page of the documentation."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from kit import parse_file, warning_lines
from sphinx.testing.util import SphinxTestApp

DOCS = Path(__file__).resolve().parents[2] / "docs"
EXAMPLES = sorted(path.parent.name for path in (DOCS / "examples").glob("*/conf.py"))


def build(name: str, tmp_path: Path) -> SphinxTestApp:
    src = Path(shutil.copytree(DOCS / "examples" / name, tmp_path / name))
    app = SphinxTestApp("html", srcdir=src, builddir=tmp_path / "build", freshenv=True)
    try:
        app.build()
    finally:
        app.cleanup()
    return app


def test_there_are_examples() -> None:
    assert {"accepted", "papers", "people", "rst", "schedule", "sponsors", "themes", "translations"} <= set(
        EXAMPLES
    )


@pytest.mark.parametrize("name", EXAMPLES)
def test_example_builds_without_a_warning(name: str, tmp_path: Path) -> None:
    app = build(name, tmp_path)
    assert warning_lines(app) == []
    assert parse_file(Path(app.outdir, "index.html")).select_one("h1") is not None


def test_examples_render_what_the_pages_say(tmp_path: Path) -> None:
    page = parse_file(Path(build("papers", tmp_path).outdir, "index.html"))
    assert len(page.select("ol.sw-papers-references > li, .sw-papers-references li")) >= 2
    accepted = build("accepted", tmp_path / "accepted")
    assert Path(accepted.outdir, "papers", "paper-p1.html").is_file()
    award = parse_file(Path(accepted.outdir, "papers", "paper-p1.html")).get_text()
    assert "Best Paper" in award


def test_every_example_file_is_shown_by_a_page() -> None:
    included = set()
    for page in DOCS.rglob("*.md"):
        if "examples" in page.relative_to(DOCS).parts:
            continue
        for target in re.findall(
            r"^```\{literalinclude\} (\S+)", page.read_text(encoding="utf-8"), flags=re.M
        ):
            included.add((page.parent / target).resolve())
    files = {p.resolve() for p in (DOCS / "examples").rglob("*") if p.is_file() and p.suffix != ".svg"}
    assert sorted(str(p.relative_to(DOCS)) for p in files - included) == []
