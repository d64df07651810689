"""The speed-ups of ``tests/conftest.py`` (compiled templates shared by a process's builds, the theme entry
points looked up once, docutils' default settings made once per set of components, debug records not
made when not shown) change no byte of what a build writes.

A project is built twice in this process, so the second build takes every shared template, and once by
``python -m sphinx`` in a fresh interpreter, which has none of the patches; the three outputs are compared
file by file (Sphinx's doctree cache, pickles holding absolute paths, left out).
"""

from __future__ import annotations

import filecmp
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from kit import ROOTS
from sphinx.testing.util import SphinxTestApp

#: The workshop's day, so that nothing dated by the build differs.
EPOCH = "1607792400"


def _files(outdir: Path) -> set[str]:
    return {
        p.relative_to(outdir).as_posix()
        for p in outdir.rglob("*")
        if p.is_file() and p.relative_to(outdir).parts[0] != ".doctrees"
    }


def _in_process(src: Path, out: Path, theme: str) -> Path:
    app = SphinxTestApp("html", srcdir=src, builddir=out, freshenv=True, confoverrides={"html_theme": theme})
    try:
        app.build()
    finally:
        app.cleanup()
    return Path(app.outdir)


@pytest.mark.parametrize("theme", ["alabaster", "sphinx_book_theme"])
def test_patched_builds_write_what_an_unpatched_build_writes(tmp_path: Path, monkeypatch, theme) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    src = Path(shutil.copytree(ROOTS / "test-themes", tmp_path / "src"))
    # A list of the project's own: pydata-based themes append to templates_path, and Sphinx's default list
    # is one object for every app of a process (their second build would hash a longer config).
    with (src / "conf.py").open("a", encoding="utf-8") as conf:
        conf.write("templates_path = []\n")
    first = _in_process(src, tmp_path / "first", theme)
    second = _in_process(src, tmp_path / "second", theme)  # every template from the shared caches
    plain = tmp_path / "plain" / "html"
    env = {**os.environ, "SOURCE_DATE_EPOCH": EPOCH}
    command = [sys.executable, "-m", "sphinx", "-q", "-E", "-b", "html", "-D", f"html_theme={theme}"]
    run = subprocess.run(
        [*command, str(src), str(plain)], capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 0, run.stderr
    names = _files(plain)
    assert {"index.html", "objects.inv", "searchindex.js"} <= names
    for built in (first, second):
        assert _files(built) == names
        differ = [n for n in sorted(names) if not filecmp.cmp(built / n, plain / n, shallow=False)]
        assert differ == [], differ
