"""Living beside sphinxcontrib-bibtex: both loaded (either order), -W, both extensions' citations right."""

from __future__ import annotations

import pytest
from kit import soup, warning_lines

# sphinxcontrib-bibtex is a test dependency (the "test" extra, requirements/dev.lock, the nox sessions):
# not skipped when missing, it fails.


@pytest.fixture(params=["ours-first", "bibtex-first"])
def app(build_once, request, monkeypatch):
    monkeypatch.setenv("PAPERS_BIBTEX_ORDER", request.param)
    return build_once("papers-with-bibtex", warningiserror=True)


def test_both_extensions_build_with_W(app) -> None:
    assert warning_lines(app) == []
    status = app.status.getvalue()
    assert status.count("are left to another extension") == 1
    assert "{cite}, {footcite}, {cite:t}" in status and "{papers:cite:t}" in status
    page = soup(app)
    main = page.select_one("[role=main]")
    text = " ".join(main.get_text().split())
    # theirs: sphinxcontrib-bibtex's own rendering of its key
    assert "Nelson [1]" in text or "Nelson [Nel87]" in text
    # ours: through the domain's names
    assert [" ".join(s.get_text().split()) for s in main.select("span.sw-papers-cite-t")] == ["Lamport [1]"]
    assert [" ".join(s.get_text().split()) for s in main.select("span.sw-papers-cite-p")] == ["[see 1]"]
    assert main.select("sup.sw-papers-cite a[href='#paper-lamport1978time']")
    assert main.select("aside.sw-papers-footcite")
    rst = " ".join(soup(app, "rstpage").select_one("[role=main]").get_text().split())
    assert "Lamport [1] and 1978, superscript1" in rst


def test_short_names_off(build_once) -> None:
    """``papers_short_names = False``: only the domain's names; the short ones are unknown roles."""
    app = build_once("papers-textual", confoverrides={"papers_short_names": False})
    lines = warning_lines(app)
    # myst-parser's own warning (its wording and location vary with the myst-parser and Sphinx versions)
    assert any('role "cite:t"' in line and "authoryear.md" in line for line in lines), lines
    assert not any("papers:cite" in line for line in lines)  # the domain's names still work
    assert "are left to another extension" not in app.status.getvalue()


def test_a_directive_name_another_extension_took(make_app, tmp_path) -> None:
    """A project's own ``references`` directive stays; ours is ``papers:references``, and the message
    names both."""
    (tmp_path / "conf.py").write_text(
        'extensions = ["sphinx_workshop"]\n'
        "from docutils.parsers.rst import Directive\n"
        "class Theirs(Directive):\n"
        "    def run(self):\n"
        "        return []\n"
        "def setup(app):\n"
        '    app.add_directive("references", Theirs)\n',
        encoding="utf-8",
    )
    (tmp_path / "index.rst").write_text(
        "Title\n=====\n\n.. references::\n\n.. papers:references::\n\n   .. paper:: k\n      :title: Ours\n",
        encoding="utf-8",
    )
    app = make_app("html", srcdir=tmp_path, freshenv=True)
    app.build()
    assert warning_lines(app) == []
    assert (
        "the short names references are left to another extension (sphinxcontrib-bibtex?); "
        "this extension's are papers:references"
    ) in app.status.getvalue()
    assert [li["id"] for li in soup(app).select(".sw-papers-references > li")] == ["paper-k"]
