"""The memoized HTML of list entries: reused only when unchanged, and the output equals a clean build."""

from __future__ import annotations

import json
from pathlib import Path

from docutils import nodes
from kit import bodies, copy_root, parse_file
from sphinx.testing.util import SphinxTestApp

from sphinx_workshop.papers.memo import memo_paragraph


def _build(src: Path, out: Path, *, fresh: bool = False, **kwargs) -> tuple[SphinxTestApp, dict[str, int]]:
    """Build; count the list entries of refs.html whose HTML was reused ("hit") or translated ("miss")."""
    app = SphinxTestApp("html", srcdir=src, builddir=out, freshenv=fresh, **kwargs)
    counts = {"hit": 0, "miss": 0}

    def count(app, doctree: nodes.document, docname: str) -> None:
        for node in doctree.findall(memo_paragraph):
            counts["hit" if node.get("memo_hit") else "miss"] += 1

    app.connect("doctree-resolved", count)
    try:
        app.build()
    finally:
        app.cleanup()
    return app, counts


def _search_terms(outdir: Path) -> dict:
    text = (outdir / "searchindex.js").read_text(encoding="utf-8")
    return json.loads(text[text.index("(") + 1 : text.rindex(")")])["terms"]


def _mathjax(outdir: Path) -> bool:
    page = parse_file(outdir / "refs.html")
    return any("mathjax" in script.get("src", "") for script in page.select("script"))


def test_a_new_citation_reuses_the_other_entries(tmp_path: Path) -> None:
    src = copy_root("papers-incremental", tmp_path)
    with (src / "refs.bib").open("a", encoding="utf-8") as bib:
        bib.write("\n@article{mathy, title = {Bounds of $O(n^2)$}}\n")
    _, first = _build(src, tmp_path / "out", fresh=True)
    entries = first["miss"]
    assert first == {"hit": 0, "miss": entries} and entries >= 4
    page = src / "a.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nAnd again{cite}`beta`.\n", encoding="utf-8")
    app, second = _build(src, tmp_path / "out")  # a new process, as sphinx-build runs
    assert second == {"hit": entries - 1, "miss": 1}  # beta's back-links changed
    clean, _ = _build(src, tmp_path / "clean", fresh=True)
    assert bodies(app.outdir) == bodies(clean.outdir)
    assert _search_terms(app.outdir) == _search_terms(clean.outdir)
    assert _mathjax(app.outdir) and _mathjax(clean.outdir)  # the reused entry with math still loads MathJax


def test_an_html_setting_invalidates_the_memo(tmp_path: Path) -> None:
    src = copy_root("papers-incremental", tmp_path)
    _, first = _build(src, tmp_path / "out", fresh=True)
    app, second = _build(src, tmp_path / "out", confoverrides={"html_compact_lists": False})
    assert second == {"hit": 0, "miss": first["miss"]}  # every page written again, every entry translated
    clean, _ = _build(src, tmp_path / "clean", fresh=True, confoverrides={"html_compact_lists": False})
    assert bodies(app.outdir) == bodies(clean.outdir)


def test_a_memo_that_cannot_be_written_leaves_the_build_whole(tmp_path: Path) -> None:
    from sphinx_workshop.papers.memo import _FILE

    src = copy_root("papers-incremental", tmp_path)
    (tmp_path / "out" / "doctrees" / _FILE).mkdir(parents=True)  # the memo's place is taken
    app, first = _build(src, tmp_path / "out", fresh=True)
    assert first["miss"] >= 4
    assert app.warning.getvalue() == ""
    assert not list((tmp_path / "out" / "doctrees").glob("*.tmp"))  # no half-written memo left behind
    clean, _ = _build(src, tmp_path / "clean", fresh=True)
    assert bodies(app.outdir) == bodies(clean.outdir)
