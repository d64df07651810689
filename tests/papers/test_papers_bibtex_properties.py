"""Property (contract item 1): for generated url values with ``~ % -- \\_``, the href is the value as written.

Each example writes one .bib file of several entries, builds it with a fresh Sphinx app (an rST page),
and compares every title link and DOI link with the value, only the escapes ``\\_ \\% \\& \\#`` undone.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from kit import parse_file
from sphinx.testing.util import SphinxTestApp

#: A ``%`` always starts a well-formed escape here: a stray one makes a malformed URL, which is not
#: linked (tests/hostile/test_hostile_bytes.py); ``\\%`` is BibTeX's escape of it.
_PIECES = [
    "~",
    "%7E",
    "%20",
    "--",
    "---",
    "\\_",
    "\\%2F",
    "\\&",
    "\\#",
    "a",
    "B9",
    "/",
    "-",
    "_",
    ".",
    "x=1&y=2",
    "?",
]
PATH = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=12).map("".join)


def _unescaped(value: str) -> str:
    for char in "_%&#":
        value = value.replace("\\" + char, char)
    return value


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
@given(st.lists(PATH, min_size=1, max_size=6))
def test_href_is_the_verbatim_value(paths: list[str]) -> None:
    urls = [f"https://example.org/{path}" for path in paths]
    dois = [f"10.1234/{path}" for path in paths]
    bib = "".join(
        f"@misc{{k{i},\n  title = {{Paper {i}}},\n  url = {{{url}}},\n  doi = {{{doi}}},\n}}\n"
        for i, (url, doi) in enumerate(zip(urls, dois, strict=True))
    )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "src")
        src.mkdir()
        (src / "conf.py").write_text('extensions = ["sphinx_workshop"]\n', encoding="utf-8")
        (src / "index.rst").write_text(
            "Links\n=====\n\n.. references::\n   :bibfile: p.bib\n", encoding="utf-8"
        )
        (src / "p.bib").write_text(bib, encoding="utf-8")
        app = SphinxTestApp("html", srcdir=src, builddir=Path(tmp, "out"), freshenv=True)
        try:
            app.build()
        finally:
            app.cleanup()
        page = parse_file(app.outdir / "index.html")
    for i, (url, doi) in enumerate(zip(urls, dois, strict=True)):
        entry = page.select_one(f"#paper-k{i}")
        assert entry.select_one("a.sw-papers-title")["href"] == _unescaped(url)
        assert entry.select_one(".sw-papers-doi").get_text() == "doi:" + _unescaped(doi)
